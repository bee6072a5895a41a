"""Train the place filter from the corpus: ``python -m tidings.learn.locations_train``.

Steps (fixed seed; the same corpus gives the same artefact):

1. parse the corpus stories of the train split as ``tidings code`` does (the draws of
   :data:`tidings.learn.train.NOT_TRAINED_ON` left out;
   :func:`tidings.learn.train.training_pairs`) and code them with the shipped models and
   no place filter, logging the filter's features of every event's rule-chosen place
   (:attr:`tidings.coding.events.EventMaker.place_log`);
2. keep the events whose type a gold event of the same sentence has (where the place
   of a right event is judged) and label each place ``1`` when it is the gold event's
   location (:func:`tidings.evaluate._same_place`: the place's text or name inside the
   gold phrase, or the phrase inside its text), else ``0`` (the gold event has another
   place or none);
3. fit a logistic regression (scikit-learn) over the features seen at least twice;
4. choose the threshold on the train split's out-of-fold probabilities (five folds by
   story; :func:`out_of_fold`; 28 times dev's places, so the choice is steadier than
   on dev): the highest of :data:`GRID` (and 0, no filtering) whose place F1 (the
   harmonic mean of ``tidings eval``'s ``location_precision`` and ``location_recall``)
   is within 0.01 of the best (:func:`choose_threshold`);
5. print the dev figures without the filter and at that threshold (measured only), and
   write ``src/tidings/data/model/locations.npz``.

The test split is never read. Needs scikit-learn (``pip install -e '.[train]'``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


SEED = 20261204
OUT = Path(__file__).resolve().parents[1] / "data" / "model" / "locations.npz"
GRID = tuple(round(0.1 + 0.05 * i, 2) for i in range(17))   # 0.1 .. 0.9


def coded(pairs: list[tuple]) -> tuple[list, dict[str, list[dict]], dict[str, list[str]]]:
    """Code parsed stories with no place filter.

    Returns:
        (gold documents of :func:`tidings.evaluate.corpus_gold`, document id -> event
        dicts at the default output, event id -> the place filter's features).
    """
    from ..coding import Coder
    from ..evaluate import assign_to_sentences, corpus_gold
    from .train import _story

    coder = Coder(locmodel=None)
    coder.events.place_log = {}
    events = []
    for s, doc in pairs:
        events.extend(e.to_dict() for e in coder.code_doc(doc, _story(s)))
    stories = [s for s, _ in pairs]
    return corpus_gold(stories), assign_to_sentences(stories, events), coder.events.place_log


def rows(gold: list[dict], predicted: dict[str, list[dict]], log: dict[str, list[str]]
         ) -> tuple[list[list[str]], list[int]]:
    """Features and labels (1: the gold place) of the right-type events' places."""
    from ..evaluate import _same_place

    X, y = [], []
    for g in gold:
        by_type: dict[str, list[str | None]] = {}
        for ge in g["events"]:
            by_type.setdefault(ge["event_type"], []).append(ge.get("location"))
        for e in predicted.get(g["id"], []):
            if e["event_type"] not in by_type or not e.get("location") or e["event_id"] not in log:
                continue
            X.append(log[e["event_id"]])
            y.append(int(any(gl and _same_place(gl, e["location"]) for gl in by_type[e["event_type"]])))
    return X, y


def fit(X: list[list[str]], y: list[int], min_count: int = 2, C: float = 1.0):
    """Fit the filter; returns a :class:`~tidings.coding.locmodel.LocationModel` with
    threshold 0.5."""
    from sklearn.linear_model import LogisticRegression

    from ..coding.locmodel import LocationModel
    from .arguments_train import feature_matrix

    vocab, M = feature_matrix(X, min_count)
    clf = LogisticRegression(C=C, max_iter=2000, random_state=SEED)
    clf.fit(M, y)
    return LocationModel(vocab, clf.coef_[0], float(clf.intercept_[0]), 0.5)


def place_f1(gold: list[dict], predicted: dict[str, list[dict]], prob: dict[str, float],
             threshold: float) -> tuple[float, float, float]:
    """(precision, recall, F1) of places as ``tidings eval`` scores them, the filter
    applied at ``threshold`` to the unfiltered coding ``predicted``; ``prob``: event id
    -> the filter's probability of its place."""
    from ..evaluate import score

    out = {}
    for did, evs in predicted.items():
        kept = []
        for e in evs:
            p = prob.get(e["event_id"])
            if e.get("location") and p is not None and p < threshold:
                e = {**e, "location": None}
            kept.append(e)
        out[did] = kept
    sc = score(gold, out)
    p, r = sc.location_precision or 0.0, sc.location_recall or 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def out_of_fold(gold: list[dict], predicted: dict[str, list[dict]], log: dict[str, list[str]],
                folds: int = 5, C: float = 1.0) -> dict[str, float]:
    """Event id -> the probability of its place from a filter trained on the other
    folds (stories split by a hash of their id, so the same corpus gives the same
    folds)."""
    import zlib

    def fold(doc_id: str) -> int:
        return zlib.crc32(doc_id.split("#")[0].encode()) % folds

    out: dict[str, float] = {}
    for k in range(folds):
        train = [g for g in gold if fold(g["id"]) != k]
        held = [g for g in gold if fold(g["id"]) == k]
        X, y = rows(train, predicted, log)
        model = fit(X, y, C=C)
        for g in held:
            for e in predicted.get(g["id"], []):
                if e["event_id"] in log:
                    out[e["event_id"]] = model.proba(log[e["event_id"]])
    return out


def choose_threshold(scores: dict[float, tuple[float, float, float]], tolerance: float = 0.01) -> float:
    """The highest threshold whose place F1 is within ``tolerance`` of the best (the
    trigger model's rule: differences that small are noise, the more precise output
    wins)."""
    best = max(f for _, _, f in scores.values())
    return max(th for th, (_, _, f) in scores.items() if f >= best - tolerance)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=None, help="folder for parsed DocBin files")
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    from .train import parse_split, training_pairs

    gold, pred, log = coded(training_pairs(args.cache))
    X, y = rows(gold, pred, log)
    print(f"{len(y)} places of right-type events, {sum(y)} the gold place", file=sys.stderr)
    oof = out_of_fold(gold, pred, log, C=args.C)
    scores = {0.0: place_f1(gold, pred, oof, 0.0)}
    for th in GRID:
        scores[th] = place_f1(gold, pred, oof, th)
    for th, (p, r, f) in scores.items():
        print(f"train out of fold, threshold {th}: precision {p:.3f} recall {r:.3f} F1 {f:.3f}", file=sys.stderr)
    model = fit(X, y, C=args.C)
    model.threshold = choose_threshold(scores)
    dgold, dpred, dlog = coded(parse_split("dev", args.cache))
    dprob = {k: model.proba(f) for k, f in dlog.items()}
    for th in (0.0, model.threshold):
        p, r, f = place_f1(dgold, dpred, dprob, th)
        print(f"dev, threshold {th}: precision {p:.3f} recall {r:.3f} F1 {f:.3f}", file=sys.stderr)
    model.save(args.out)
    print(f"wrote {args.out} ({len(model.index)} features, threshold {model.threshold})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
