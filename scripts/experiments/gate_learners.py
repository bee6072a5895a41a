"""Compare learners for the sentence gate on the same inputs (issue 16, twenty-third round).

    pip install -e '.[train]'
    python scripts/experiments/gate_learners.py [--cache DIR] [--cv]

Builds the gate's inputs exactly as ``python -m tidings.learn.train`` does (five folds by
story on the train split: the trigger and sentence classifiers fitted on four folds score
the fifth; the dev split scored by classifiers fitted on all of train), then fits on the
train rows and scores on dev, at the sentence-unit level ((sentence, type) pairs, the unit
``tidings eval`` counts; sentences as spaCy splits them, so figures differ a little from
``tidings eval``'s):

- ``lr``: the shipped gate (logistic regression over :func:`tidings.learn.gate.gate_features`);
- ``lr+ctx``: the same with the sentence classifier's probabilities of every type and of
  the neighbouring sentences (previous, next, story maximum) as more columns;
- ``hgb`` / ``hgb+ctx``: scikit-learn's ``HistGradientBoostingClassifier`` on the same
  columns (interactions the logistic gate cannot form).

Prints, per learner, mean average precision and ROC AUC over the 16 types, and micro and
macro F1 with precision, recall and the false-event rate (share of no-event sentences
given any type) at the single threshold of best micro F1; ``--cv`` adds five-fold
cross-validation over the train rows (12,000 sentences: a far less noisy comparison
than dev's 860). The test split is never read. Takes about 6 minutes on two cores with a
parse cache (``--cache``, as ``tidings.learn.train``'s).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

SEED = 20261204


def gate_inputs(cache: Path | None) -> tuple[list[str], list[dict], list[dict]]:
    """``(types, train_rows, dev_rows)``: one row per sentence with its gate features
    ``X`` (T, F), sentence-classifier probabilities ``sp`` (T,), best word probabilities
    per class ``best`` (K,), ``gold`` types, ``story``, ``index`` and ``fold`` (-1 on dev)."""
    os.environ["TIDINGS_MODEL"] = "off"
    from tidings.coding import Coder
    from tidings.learn import train as tr
    from tidings.learn.gate import gate_features
    from tidings.learn.model import TriggerModel
    from tidings.learn.vectors import load_vectors

    vectors = load_vectors()
    coder = Coder(model=None, all_candidates=True)
    stories = tr.collect(tr.training_pairs(cache), coder)
    dev = tr.collect(tr.parse_split("dev", cache), coder)

    def token_model(part):
        vocab, w, b, classes = tr.fit([f for st in part for f in st["sparse"]], [d for st in part for d in st["dense"]],
                                      [lab for st in part for lab in st["labels"]], 1.0)
        return TriggerModel(vocab, w, b, classes, vectors, {})

    def rows(part, tm, sm, fold):
        out = []
        for st in part:
            for rec in st["sentences"]:
                a, b = rec["rows"]
                p = tm.proba_many(st["sparse"][a:b], np.stack(st["dense"][a:b])) if b > a \
                    else np.zeros((0, len(tm.classes)), dtype=np.float32)
                sp = sm.proba(rec["text"], rec.get("cues", ()))
                out.append({"X": gate_features(sm.types, tm.classes, p, rec["rule_weight"], sp, rec["text"], rec["index"]),
                            "sp": sp, "best": p.max(0) if len(p) else np.zeros(len(tm.classes)), "gold": rec["gold"],
                            "story": st["story"], "index": rec["index"], "fold": fold})
        return out

    order = list(range(len(stories)))
    np.random.default_rng(tr.SEED).shuffle(order)
    train_rows, types = [], None
    for k in range(5):
        rest = [stories[i] for j, i in enumerate(order) if j % 5 != k]
        tm = token_model(rest)
        types = types or [c for c in tm.classes if c != "NONE"]
        sm = tr.fit_sentences([r for st in rest for r in st["sentences"]], types, vectors)
        train_rows += rows([stories[i] for j, i in enumerate(order) if j % 5 == k], tm, sm, k)
        print(f"fold {k + 1}/5", file=sys.stderr)
    tm = token_model(stories)
    sm = tr.fit_sentences([r for st in stories for r in st["sentences"]], types, vectors)
    return types, train_rows, rows(dev, tm, sm, -1)


def design(rows: list[dict], types: list[str], context: bool) -> tuple[np.ndarray, np.ndarray]:
    """``(X, Y)``: the gate's rows stacked ((N*T, F) or, with ``context``, F + T + 3 + K
    columns) and the gold (N, T) 0/1 matrix."""
    t = len(types)
    logit = lambda p: np.log(np.clip(p, 1e-4, 1 - 1e-4) / (1 - np.clip(p, 1e-4, 1 - 1e-4)))  # noqa: E731
    nb: dict[int, tuple] = {}
    if context:
        by: dict[str, list[int]] = {}
        for i, r in enumerate(rows):
            by.setdefault(r["story"], []).append(i)
        for idx in by.values():
            idx.sort(key=lambda i: rows[i]["index"])
            top = np.stack([rows[i]["sp"] for i in idx]).max(0)
            for j, i in enumerate(idx):
                nb[i] = (rows[idx[j - 1]]["sp"] if j else np.zeros(t),
                         rows[idx[j + 1]]["sp"] if j + 1 < len(idx) else np.zeros(t), top)
    xs = []
    for i, r in enumerate(rows):
        cols = [r["X"]]
        if context:
            cols += [np.tile(logit(r["sp"]), (t, 1)), np.stack([logit(v) for v in nb[i]], 1), np.tile(r["best"], (t, 1))]
        xs.append(np.hstack(cols))
    return np.vstack(xs), np.array([[int(ty in r["gold"]) for ty in types] for r in rows])


def unit_scores(y: np.ndarray, p: np.ndarray) -> dict[str, float]:
    """Mean AP and AUC over types, and the figures at the threshold of best micro F1."""
    from sklearn.metrics import average_precision_score, roc_auc_score

    ks = [k for k in range(y.shape[1]) if 0 < y[:, k].sum() < len(y)]
    best: dict[str, float] = {}
    noev = y.sum(1) == 0
    for th in np.arange(0.05, 0.95, 0.01):
        pr = p >= th
        tp, fp, fn = (pr & (y == 1)).sum(), (pr & (y == 0)).sum(), (~pr & (y == 1)).sum()
        micro = 2 * tp / (2 * tp + fp + fn)
        if micro > best.get("micro", -1):
            f1 = [2 * (pr[:, k] & (y[:, k] == 1)).sum() / max(1, pr[:, k].sum() + y[:, k].sum()) for k in ks]
            best = {"threshold": round(float(th), 2), "micro": micro, "macro": float(np.mean(f1)),
                    "precision": tp / max(1, tp + fp), "recall": tp / (tp + fn),
                    "false_event_rate": float(pr[noev].any(1).mean())}
    return {"mAP": float(np.mean([average_precision_score(y[:, k], p[:, k]) for k in ks])),
            "mAUC": float(np.mean([roc_auc_score(y[:, k], p[:, k]) for k in ks])), **best}


def main(argv: list[str] | None = None) -> int:
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=None, help="folder caching parsed corpus stories")
    ap.add_argument("--cv", action="store_true", help="also five-fold cross-validation over the train rows")
    args = ap.parse_args(argv)
    types, train_rows, dev_rows = gate_inputs(args.cache)
    learners = {
        "lr": (False, lambda: LogisticRegression(C=1.0, max_iter=5000, random_state=SEED)),
        "lr+ctx": (True, lambda: LogisticRegression(C=1.0, max_iter=5000, random_state=SEED)),
        "hgb": (False, lambda: HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, random_state=SEED)),
        "hgb+ctx": (True, lambda: HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, random_state=SEED)),
    }
    t = len(types)
    for name, (context, make) in learners.items():
        xtr, ytr = design(train_rows, types, context)
        xdv, ydv = design(dev_rows, types, context)
        p = make().fit(xtr, ytr.ravel()).predict_proba(xdv)[:, 1].reshape(-1, t)
        print("dev", name, {k: round(float(v), 4) for k, v in unit_scores(ydv, p).items()}, flush=True)
        if args.cv:
            folds = np.array([r["fold"] for r in train_rows])
            p = np.zeros(ytr.shape)
            for k in range(5):
                m = make().fit(xtr[np.repeat(folds != k, t)], ytr[folds != k].ravel())
                p[folds == k] = m.predict_proba(xtr[np.repeat(folds == k, t)])[:, 1].reshape(-1, t)
            print("train cv", name, {k: round(float(v), 4) for k, v in unit_scores(ytr, p).items()}, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
