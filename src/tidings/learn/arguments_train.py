"""Train the argument model from the corpus: ``python -m tidings.learn.arguments_train``.

Steps (fixed seed; the same corpus gives the same artefact):

1. parse the corpus stories of the train split as ``tidings code`` does (the draws of
   :data:`tidings.learn.train.NOT_TRAINED_ON` left out)
   (:func:`tidings.learn.train.parse_split`);
2. for every gold event of a labelled sentence, anchor it at its trigger phrase's
   syntactic head (a noun that is the object or subject of a verb is anchored at the
   verb, as the coder frames it) and label every candidate head word of the sentence
   (:func:`tidings.coding.argmodel.candidates`): the head of a gold actor span
   ``actor``, of a gold recipient span ``recipient``, every other ``none``;
3. fit a multinomial logistic regression (scikit-learn) over the string features of
   :func:`tidings.coding.argmodel.features` seen at least twice;
4. with ``--choose``, code the dev split with each threshold of :data:`GRID` (the same
   for both roles) and keep the one with the best sum of actor and recipient country
   accuracy (as ``tidings eval`` scores it); else keep ``--actor`` / ``--recipient``
   (default 0.05, what ``--choose`` chose on 4 December 2026);
5. write ``src/tidings/data/model/arguments.npz``.

The test split is never read. Needs scikit-learn (``pip install -e '.[train]'``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

SEED = 20261204
OUT = Path(__file__).resolve().parents[1] / "data" / "model" / "arguments.npz"


def _anchor(sent_toks: list, a: int, b: int):
    """The head of the tokens overlapping characters ``a..b`` (the one nearest the
    root), framed as the coder frames a trigger; None when no token overlaps."""
    from ..coding.learned import _frame

    toks = [t for t in sent_toks if t.idx < b and t.idx + len(t.text) > a]
    if not toks:
        return None
    ids = {t.i for t in toks}
    head = next((t for t in toks if t.head.i not in ids or t.head.i == t.i), toks[0])
    return _frame(head)


def _find(text: str, span: str, after: int = 0) -> int:
    k = text.find(span, after)
    return k if k >= 0 else text.find(span)


def rows(pairs: list[tuple]) -> tuple[list[list[str]], list[str]]:
    """Feature lists and labels of every (gold event, candidate) of the stories."""
    from ..coding.argmodel import candidates, features

    X: list[list[str]] = []
    y: list[str] = []
    for story, doc in pairs:
        for s in story.sentences:
            if not s.events:
                continue
            toks = [t for t in doc if s.start <= t.idx < s.end]
            if not toks:
                continue
            span = doc[toks[0].i: toks[-1].i + 1]
            for ev in s.events:
                trig = ev.get("trigger") or ""
                k = _find(s.text, trig) if trig else -1
                if k < 0:
                    continue
                anchor = _anchor(toks, s.start + k, s.start + k + len(trig))
                if anchor is None:
                    continue
                roles: dict[int, str] = {}
                for role in ("recipient", "actor"):  # actor wins a clash
                    for ent in ev.get(role) or []:
                        j = _find(s.text, ent["text"])
                        if j < 0:
                            continue
                        a, b = s.start + j, s.start + j + len(ent["text"])
                        inside = [t for t in toks if a <= t.idx < b]
                        ids = {t.i for t in inside}
                        heads = [t for t in inside if t.head.i not in ids or t.head.i == t.i]
                        for h in heads[:1]:
                            roles[h.i] = role
                trig_ids = {t.i for t in toks if s.start + k <= t.idx < s.start + k + len(trig)}
                for c in candidates(span, anchor, trig_ids):
                    X.append(features(c, anchor, ev["event_type"]))
                    y.append(roles.get(c.i, "none"))
    return X, y


def feature_matrix(X: list[list[str]], min_count: int = 2):
    """The string features of ``X`` (one list a row) as a binary sparse matrix over
    those seen in at least ``min_count`` rows' lists, and that vocabulary (sorted).

    Returns:
        ``(vocab, M)``: ``M`` is a ``(len(X), len(vocab))`` scipy CSR matrix of 1.0."""
    from scipy.sparse import csr_matrix

    counts = Counter(f for fs in X for f in fs)
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(vocab)}
    data, ri, ci = [], [], []
    for r, fs in enumerate(X):
        for f in set(fs):
            if f in index:
                ri.append(r)
                ci.append(index[f])
                data.append(1.0)
    return vocab, csr_matrix((data, (ri, ci)), shape=(len(X), len(vocab)))


def fit(X: list[list[str]], y: list[str], min_count: int = 2, C: float = 1.0):
    """Fit the model; returns an :class:`~tidings.coding.argmodel.ArgumentModel` with
    no thresholds set."""
    from sklearn.linear_model import LogisticRegression

    from ..coding.argmodel import CLASSES, ArgumentModel

    vocab, M = feature_matrix(X, min_count)
    clf = LogisticRegression(C=C, max_iter=2000, random_state=SEED)
    clf.fit(M, y)
    order = [list(clf.classes_).index(c) for c in CLASSES]
    return ArgumentModel(vocab, clf.coef_[order], clf.intercept_[order], list(CLASSES), {})


GRID = (0.05, 0.1, 0.2, 0.3, 0.5)


def dev_scores(model, pairs: list[tuple], grid: tuple[float, ...] = GRID) -> dict[float, tuple[float, float]]:
    """``threshold -> (actor, recipient country accuracy)`` on parsed dev stories, coding
    them as ``tidings eval corpus:dev`` does with both thresholds set to it."""
    from ..actors import ActorResolver
    from ..code import Coder
    from ..dates import story_dates, story_sentences
    from ..evaluate import assign_to_sentences, corpus_gold, score
    from ..records import Story

    resolver = ActorResolver()
    gold = corpus_gold([s for s, _ in pairs])
    out = {}
    for th in grid:
        model.settings = {"actor": th, "recipient": th}
        coder = Coder(resolver=resolver, argmodel=model)
        events = []
        for s, d in pairs:
            st = Story(id=s.story_id, text=s.text, pub_date=s.pub_date, title=s.title, source=s.source)
            evs = story_dates(coder.code_doc(d, st), st.pub_date, story_sentences(d.text, d.sents))
            events.extend(e.to_dict() for e in evs)
        sc = score(gold, assign_to_sentences([s for s, _ in pairs], events))
        out[th] = (sc.actor_accuracy or 0.0, sc.recipient_accuracy or 0.0)
        print(f"threshold {th}: actor {out[th][0]:.3f} recipient {out[th][1]:.3f}", file=sys.stderr)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=None, help="folder for parsed DocBin files")
    ap.add_argument("--choose", action="store_true", help="choose the thresholds on the dev split")
    ap.add_argument("--actor", type=float, default=0.05)
    ap.add_argument("--recipient", type=float, default=0.05)
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    from .train import parse_split, training_pairs

    X, y = rows(training_pairs(args.cache))
    print(f"{len(y)} candidates: {dict(Counter(y))}", file=sys.stderr)
    model = fit(X, y, C=args.C)
    model.settings = {"actor": args.actor, "recipient": args.recipient}
    if args.choose:
        scores = dev_scores(model, parse_split("dev", args.cache))
        best = max(scores, key=lambda th: (sum(scores[th]), th))
        model.settings = {"actor": best, "recipient": best}
    model.save(args.out)
    print(f"wrote {args.out} ({len(model.index)} features)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
