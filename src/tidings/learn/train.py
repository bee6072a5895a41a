"""Train the learned layer from the corpus: ``python -m tidings.learn.train``.

Steps (fixed seed, so the artefact is reproducible from the same corpus and coder):

1. code the corpus stories of the train and dev splits with the rule coder alone
   (``TIDINGS_MODEL=off``), and give each candidate event to the labelled sentence its
   evidence span overlaps most;
2. fit the sentence model (one-vs-rest logistic regression, one output per PLOVER type)
   on the train sentences' words and candidates against the gold types of events that
   happened (negated and hypothetical gold events are not events for scoring);
3. fit the candidate model (logistic regression) on the train candidates: is the
   candidate's type among its sentence's gold types;
4. on the dev split, choose the blend weight and the thresholds that maximise micro F1
   with event-type precision of at least ``--min-precision``, and fit Platt scaling of
   the blended score so that ``confidence`` is calibrated;
5. write ``src/tidings/data/model/coder.npz`` and print the dev figures.

The test split is never read here. Needs scikit-learn (``pip install -e '.[train]'``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from ..records import EVENT_TYPES
from .features import candidate_features, sentence_features
from .model import NOT_HAPPENED, LearnedCoder, LinearModel, save_model

SEED = 20261204
OUT = Path(__file__).resolve().parents[1] / "data" / "model" / "coder.npz"


def code_split(split: str, cache: Path | None = None) -> tuple[list, dict[str, list[dict]]]:
    """Labelled stories of a split and their rule candidates by ``"<story>#<i>"``.

    Candidates come from the rule coder alone; ``cache`` (a JSON Lines file) keeps them
    between runs, keyed by the coder's pipeline version.
    """
    from .. import corpus
    from ..evaluate import assign_to_sentences

    stories = corpus.load(split)
    events: list[dict] = []
    if cache is not None and cache.exists():
        events = [json.loads(line) for line in cache.open(encoding="utf-8")]
        have = {e["story_id"] for e in events}
        missing = [s for s in stories if s.story_id not in have]
    else:
        missing = stories
    if missing:
        from ..engines.local import code_stories
        from ..records import Story

        os.environ["TIDINGS_MODEL"] = "off"
        new: list[dict] = []
        code_stories([Story(id=s.story_id, text=s.text, pub_date=s.pub_date, title=s.title,
                            origin=f"corpus:{s.file}") for s in missing],
                     store=None, sink=lambda ev: new.append(ev.to_dict()))
        events += new
        if cache is not None:
            with cache.open("a", encoding="utf-8") as f:
                for e in new:
                    f.write(json.dumps(e) + "\n")
    ids = {s.story_id for s in stories}
    return stories, assign_to_sentences(stories, [e for e in events if e["story_id"] in ids])


def _gold_types(sentence) -> set[str]:
    return {e["event_type"] for e in sentence.events if not set(e.get("aux_modes") or []) & NOT_HAPPENED}


def datasets(stories, cands: dict[str, list[dict]]):
    """(sentence rows, candidate rows): each ``(features, target)``; sentence targets are
    sets of types, candidate targets 0/1."""
    srows, crows = [], []
    for st in stories:
        for s in st.sentences:
            key = f"{st.story_id}#{s.index}"
            cs = cands.get(key, [])
            gold = _gold_types(s)
            srows.append((sentence_features(s.text, cs), gold))
            live = [c for c in cs if not set(c.get("aux_modes") or []) & NOT_HAPPENED]
            for c in live:
                crows.append((candidate_features(c, c["sentence"], len(cs)), int(c["event_type"] in gold)))
    return srows, crows


def _fit(rows, targets: np.ndarray, C: float, min_count: int = 1):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = defaultdict(int)
    for feats, _ in rows:
        for f in set(feats):
            counts[f] += 1
    vec = DictVectorizer(dtype=np.float32)
    X = vec.fit_transform([{f: 1.0 for f in feats if counts[f] >= min_count} for feats, _ in rows])
    vocab = list(vec.get_feature_names_out())
    W, B = [], []
    for k in range(targets.shape[1]):
        y = targets[:, k]
        if y.min() == y.max():                   # a type never (or always) seen
            W.append(np.zeros(len(vocab), dtype=np.float32))
            B.append(-6.0 if y.max() == 0 else 6.0)
            continue
        lr = LogisticRegression(C=C, max_iter=2000, random_state=SEED)
        lr.fit(X, y)
        W.append(lr.coef_[0].astype(np.float32))
        B.append(float(lr.intercept_[0]))
    return {"vocab": vocab, "w": np.vstack(W), "b": np.array(B, dtype=np.float32)}


def fit_models(srows, crows, c_sent: float, c_cand: float) -> tuple[dict, dict]:
    """Fit both models; returns their ``{"vocab", "w", "b"}`` dicts."""
    ys = np.array([[t in gold for t in EVENT_TYPES] for _, gold in srows], dtype=int)
    yc = np.array([[y] for _, y in crows], dtype=int)
    return _fit(srows, ys, c_sent, 2), _fit(crows, yc, c_cand, 2)


def predict_split(model: LearnedCoder, stories, cands) -> dict[str, list[dict]]:
    """Apply the learned layer to a split's candidates: ``"<story>#<i>" -> events``."""
    out: dict[str, list[dict]] = {}
    for st in stories:
        for s in st.sentences:
            key = f"{st.story_id}#{s.index}"
            cs = cands.get(key, [])
            if not cs:
                continue
            keep = []
            for d in model.decide(cs[0]["sentence"], cs):
                if d.keep:
                    keep.append({**cs[d.index], "event_type": d.event_type, "confidence": d.confidence})
            out[key] = keep
    return out


def _platt(scores: list[float], ys: list[int]) -> list[float]:
    from sklearn.linear_model import LogisticRegression

    s = np.clip(np.array(scores), 1e-6, 1 - 1e-6)
    z = np.log(s / (1 - s)).reshape(-1, 1)
    lr = LogisticRegression(C=100.0, random_state=SEED).fit(z, ys)
    return [float(lr.coef_[0][0]), float(lr.intercept_[0])]


def tune(sent, cand, stories, cands, min_precision: float) -> tuple[dict, dict]:
    """Grid-search blend weight and thresholds on the dev split; returns (settings, score)."""
    from ..evaluate import corpus_gold, score

    gold = corpus_gold(stories)
    sm, cm = LinearModel(sent["vocab"], sent["w"], sent["b"]), LinearModel(cand["vocab"], cand["w"], cand["b"])
    best = None
    for alpha in (0.0, 0.3, 0.5, 0.7, 1.0):
        for keep in np.arange(0.2, 0.75, 0.05):
            for retype in (0.5, 0.6, 0.7, 0.8, 1.01):
                st = {"alpha": alpha, "keep": float(round(keep, 2)), "retype": retype}
                sc = score(gold, predict_split(LearnedCoder(sm, cm, st), stories, cands))
                c = sc.counts
                p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
                key = (p >= min_precision, sc.micro_f1)
                if best is None or key > best[0]:
                    best = (key, st, sc)
    _, st, sc = best
    # Platt scaling of the blended score on dev: correct = type among the sentence's gold
    model = LearnedCoder(sm, cm, {**st, "keep": 0.0, "retype": 1.01})
    scores, ys = [], []
    golds = {d["id"]: {e["event_type"] for e in d["events"]} for d in gold}
    for key, evs in predict_split(model, stories, cands).items():
        for e in evs:
            if set(e.get("aux_modes") or []) & NOT_HAPPENED:
                continue
            scores.append(e["confidence"])
            ys.append(int(e["event_type"] in golds.get(key, set())))
    st["platt"] = _platt(scores, ys)
    return st, sc


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Train tidings' learned layer from the corpus.")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--cache", type=Path, default=None,
                    help="folder caching the rule candidates (cand_train.jsonl, cand_dev.jsonl)")
    ap.add_argument("--c-sent", type=float, default=1.0)
    ap.add_argument("--c-cand", type=float, default=1.0)
    ap.add_argument("--min-precision", type=float, default=0.80)
    args = ap.parse_args(argv)
    cache = args.cache
    tr_st, tr_c = code_split("train", cache / "cand_train.jsonl" if cache else None)
    dv_st, dv_c = code_split("dev", cache / "cand_dev.jsonl" if cache else None)
    srows, crows = datasets(tr_st, tr_c)
    print(f"train: {len(tr_st)} stories, {len(srows)} sentences, {len(crows)} candidates", file=sys.stderr)
    sent, cand = fit_models(srows, crows, args.c_sent, args.c_cand)
    settings, sc = tune(sent, cand, dv_st, dv_c, args.min_precision)
    settings["trained_on"] = {"stories": len(tr_st), "sentences": len(srows), "candidates": len(crows),
                              "c_sent": args.c_sent, "c_cand": args.c_cand, "seed": SEED}
    save_model(args.out, sent, cand, settings)
    c = sc.counts
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    print(json.dumps({"settings": settings, "dev": {"precision": round(p, 3), "recall": round(r, 3),
                      "micro_f1": sc.micro_f1, "macro_f1": sc.macro_f1,
                      "false_event_rate": sc.false_event_rate}}, indent=1))
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
