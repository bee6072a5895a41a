"""Train the trigger classifier from the corpus: ``python -m tidings.learn.train``.

Steps (fixed seed; the same corpus and coder give the same artefact):

1. parse the corpus stories of the train and dev splits as ``tidings code`` does (case
   restored for upper-case text, :func:`tidings.analyse.load_nlp`), and code them with the
   rule layer alone;
2. label every candidate trigger word (:func:`tidings.learn.tokens.is_candidate`) of a
   labelled sentence: the syntactic head of a gold event's trigger phrase gets the
   event's type, every other word ``NONE`` (gold events that are negated or hypothetical
   are not events for scoring and are left out);
3. fit a multinomial logistic regression (scikit-learn) over the sparse features and
   the dense word vectors of the train words;
4. on the dev split, code the stories with the model for each setting of the grid
   (``propose``, ``retype``), score them as ``tidings eval`` does, keep the setting with
   the best micro F1; then choose ``blend`` (how much a rule event's confidence takes
   from the rules' own calibrated confidence) with a Platt scaling fitted for each, and
   the default output threshold: the one with the best dev micro F1 (or, with
   ``--target-precision``, the lowest reaching that precision);
5. write ``src/tidings/data/model/triggers.npz`` and print the dev figures.

The test split is never read. Needs scikit-learn (``pip install -e '.[train]'``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

SEED = 20261204
OUT = Path(__file__).resolve().parents[1] / "data" / "model" / "triggers.npz"


def parse_split(split: str, cache: Path | None = None) -> list[tuple]:
    """``[(LabelledStory, Doc), ...]`` of a split, parsed as ``tidings code`` parses
    (``cache``: a folder for spaCy DocBin files keyed by split)."""
    from spacy.tokens import DocBin

    from .. import corpus
    from ..analyse import load_nlp
    from ..truecase import restore_case

    nlp = load_nlp()
    stories = corpus.load(split)
    docs: dict[str, object] = {}
    path = cache / f"docs_{split}.spacy" if cache else None
    if path is not None and path.exists():
        for d in DocBin(store_user_data=True).from_disk(path).get_docs(nlp.vocab):
            docs[d.user_data["sid"]] = d
    todo = [s for s in stories if s.story_id not in docs]
    if todo:
        for s, d in zip(todo, nlp.pipe([restore_case(s.text) for s in todo], batch_size=16)):
            d.user_data["sid"] = s.story_id
            docs[s.story_id] = d
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = DocBin(store_user_data=True)
            for d in docs.values():
                db.add(d)
            db.to_disk(path)
    return [(s, docs[s.story_id]) for s in stories]


def _story(s):
    from ..records import Story

    return Story(id=s.story_id, text=s.text, pub_date=s.pub_date, title=s.title, origin=f"corpus:{s.file}")


def gold_tokens(s, doc) -> dict[int, str]:
    """Token index -> gold type for the trigger words of a labelled story: the syntactic
    head of each gold event's trigger phrase (events that did not happen left out)."""
    from .model import NOT_HAPPENED
    from .tokens import is_candidate

    gold: dict[int, str] = {}
    for sen in s.sentences:
        for e in sen.events:
            if set(e.get("aux_modes") or []) & NOT_HAPPENED or not e.get("trigger"):
                continue
            i = sen.text.lower().find(e["trigger"].lower())
            ts = doc.char_span(sen.start + i, sen.start + i + len(e["trigger"]), alignment_mode="expand") \
                if i >= 0 else None
            if ts is None:
                continue
            root = ts.root if is_candidate(ts.root) else next((t for t in ts if is_candidate(t)), None)
            if root is not None:
                gold.setdefault(root.i, e["event_type"])
    return gold


def token_rows(pairs, coder) -> tuple[list, list, list]:
    """Features and labels of every candidate word the coder sees in the stories, as the
    coder computes them at run time (:class:`tidings.coding.learned.TokenLog`), with the
    rule layer alone deciding the events whose types are features.

    Returns:
        (sparse feature lists, dense vectors, labels).
    """
    from ..coding.learned import TokenLog

    feats, dense, labels = [], [], []
    model, coder.model = coder.model, None
    for s, doc in pairs:
        coder.learned.log = log = TokenLog()
        coder.code_doc(doc, _story(s))
        gold = gold_tokens(s, doc)
        labelled = [(x.start, x.end) for x in s.sentences]
        for i, sp, dv in zip(log.token_index, log.sparse, log.dense):
            c = doc[i].idx
            if any(a <= c < b for a, b in labelled):
                feats.append(sp)
                dense.append(dv)
                labels.append(gold.get(i, "NONE"))
    coder.learned.log = None
    coder.model = model
    return feats, dense, labels


def fit(feats, dense, labels, C: float, min_count: int = 2):
    """Multinomial logistic regression; returns (vocab, weights (K, V + D), bias, classes)."""
    import scipy.sparse as sp
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = defaultdict(int)
    for fs in feats:
        for f in set(fs):
            counts[f] += 1
    vec = DictVectorizer(dtype=np.float32)
    Xs = vec.fit_transform([{f: 1.0 for f in fs if counts[f] >= min_count} for fs in feats])
    X = sp.hstack([Xs, sp.csr_matrix(np.vstack(dense))]).tocsr()
    lr = LogisticRegression(C=C, max_iter=3000, random_state=SEED)
    lr.fit(X, labels)
    return list(vec.get_feature_names_out()), lr.coef_.astype(np.float32), lr.intercept_.astype(np.float32), \
        [str(c) for c in lr.classes_]


def code_with(pairs, coder, model) -> list[dict]:
    """Events (contract dicts, every candidate) of the stories coded with ``model``."""
    coder.model = model
    coder.all_candidates = True
    out = []
    for s, doc in pairs:
        out.extend(e.to_dict() for e in coder.code_doc(doc, _story(s)))
    return out


def _score(pairs, events, threshold: float = 0.0):
    from ..evaluate import assign_to_sentences, corpus_gold, score

    stories = [s for s, _ in pairs]
    kept = [e for e in events if e["confidence"] >= threshold]
    return score(corpus_gold(stories), assign_to_sentences(stories, kept))


def _pr(sc) -> tuple[float, float]:
    c = sc.counts
    return (c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0,
            c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0)


def _platt(events, pairs) -> list[float]:
    from sklearn.linear_model import LogisticRegression

    from ..evaluate import assign_to_sentences, corpus_gold
    from .model import NOT_HAPPENED

    stories = [s for s, _ in pairs]
    gold = {d["id"]: {e["event_type"] for e in d["events"]} for d in corpus_gold(stories)}
    xs, ys = [], []
    for key, evs in assign_to_sentences(stories, events).items():
        for e in evs:
            if set(e.get("aux_modes") or []) & NOT_HAPPENED:
                continue
            p = min(max(e["confidence"], 1e-6), 1 - 1e-6)
            xs.append([np.log(p / (1 - p))])
            ys.append(int(e["event_type"] in gold.get(key, set())))
    lr = LogisticRegression(C=100.0, random_state=SEED).fit(np.array(xs), ys)
    return [float(lr.coef_[0][0]), float(lr.intercept_[0])]


def main(argv: list[str] | None = None) -> int:
    from ..coding import Coder
    from .model import TriggerModel, save_model
    from .vectors import load_vectors

    ap = argparse.ArgumentParser(description="Train tidings' trigger classifier from the corpus.")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--cache", type=Path, default=None, help="folder caching parsed corpus stories")
    ap.add_argument("--C", type=float, default=1.0, help="inverse regularisation strength")
    ap.add_argument("--target-precision", type=float, default=None,
                    help="default threshold: the lowest reaching this dev precision (default: best dev micro F1)")
    args = ap.parse_args(argv)
    os.environ["TIDINGS_MODEL"] = "off"
    train, dev = parse_split("train", args.cache), parse_split("dev", args.cache)
    coder = Coder(model=None, all_candidates=True)
    feats, dense, labels = token_rows(train, coder)
    print(f"train: {len(train)} stories, {len(labels)} words, "
          f"{sum(lab != 'NONE' for lab in labels)} triggers", file=sys.stderr)
    vocab, W, b, classes = fit(feats, dense, labels, args.C)
    vectors = load_vectors()
    rules_only = _score(dev, code_with(dev, coder, None))
    best = None
    for propose in (0.3, 0.4, 0.5, 0.6):
        for retype in (0.5, 0.7, 1.01):
            settings = {"propose": propose, "retype": retype, "platt": [1.0, 0.0], "threshold": 0.0}
            evs = code_with(dev, coder, TriggerModel(vocab, W, b, classes, vectors, settings))
            sc = _score(dev, evs)
            print(f"dev propose {propose} retype {retype}: micro F1 {sc.micro_f1:.3f}", file=sys.stderr)
            if best is None or sc.micro_f1 > best[0].micro_f1:
                best = (sc, settings, evs)
    _, settings, evs = best
    # the blend of the model's and the rules' confidence for rule events, each with its
    # own Platt scaling, judged by the best micro F1 over thresholds
    blended = None
    for blend in (0.0, 0.3, 0.5, 0.7):
        st = {**settings, "blend": blend, "platt": [1.0, 0.0]}
        model = TriggerModel(vocab, W, b, classes, vectors, st)
        st["platt"] = _platt(code_with(dev, coder, model), dev)
        evs = code_with(dev, coder, model)
        f1 = max(_score(dev, evs, float(th)).micro_f1 for th in np.arange(0.05, 0.95, 0.025))
        print(f"dev blend {blend}: best micro F1 {f1:.3f}", file=sys.stderr)
        if blended is None or f1 > blended[0]:
            blended = (f1, st, evs)
    _, settings, evs = blended
    model = TriggerModel(vocab, W, b, classes, vectors, settings)
    grid = []
    for th in np.arange(0.05, 0.95, 0.025):
        sc = _score(dev, evs, float(th))
        grid.append((float(round(th, 3)), *_pr(sc), sc))
    for th, p, r, sc in grid[::4]:
        print(f"dev threshold {th:.3f}: precision {p:.3f} recall {r:.3f} micro F1 {sc.micro_f1:.3f}", file=sys.stderr)
    reaching = [g for g in grid if args.target_precision is not None and g[1] >= args.target_precision]
    # the lowest threshold (most recall) that reaches the target precision; else best F1
    chosen = reaching[0] if reaching else max(grid, key=lambda g: g[3].micro_f1)
    settings["threshold"] = chosen[0]
    settings["trained_on"] = {"stories": len(train), "words": len(labels), "C": args.C, "seed": SEED,
                              "classes": classes}
    save_model(args.out, vocab, W, b, classes, settings)
    rp, rr = _pr(rules_only)
    sc = chosen[3]
    print(json.dumps({"settings": settings, "dev_rules_only": {"precision": round(rp, 3), "recall": round(rr, 3),
                      "micro_f1": rules_only.micro_f1, "macro_f1": rules_only.macro_f1},
                      "dev_model_all": {"precision": round(_pr(_score(dev, evs))[0], 3),
                                        "recall": round(_pr(_score(dev, evs))[1], 3)},
                      "dev_model_default": {"precision": round(chosen[1], 3), "recall": round(chosen[2], 3),
                                            "micro_f1": sc.micro_f1, "macro_f1": sc.macro_f1,
                                            "false_event_rate": sc.false_event_rate, "ece": sc.ece}}, indent=1))
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
