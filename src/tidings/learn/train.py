"""Train the trigger classifier and the sentence gate from the corpus:
``python -m tidings.learn.train``.

Steps (fixed seed; the same corpus and coder give the same artefact):

1. parse the corpus stories of the train and dev splits as ``tidings code`` does (case
   restored for upper-case text, :func:`tidings.analyse.load_nlp`), and code them with the
   rule layer alone, logging what the learned pass sees (:func:`collect`);
2. label every candidate trigger word (:func:`tidings.learn.tokens.is_candidate`) of a
   labelled sentence: the syntactic head of a gold event's trigger phrase gets the
   event's type, every other word ``NONE``; label every sentence with the types of its
   gold events (gold events that are negated or hypothetical are not events for scoring
   and are left out);
3. in five folds by story, fit the trigger classifier (multinomial logistic regression
   over sparse features and dense word vectors) and the sentence classifier (tf-idf
   n-grams and the mean word vector, a logistic regression per type) on four folds and predict the fifth; fit the
   sentence gate (:mod:`tidings.learn.gate`) on those out-of-fold predictions; refit both
   classifiers on the whole train split (:func:`fit_all`);
4. on the dev split, code the stories with the model, fit a Platt scaling of the gate's
   probability, and choose the default output threshold: the highest whose dev micro F1
   is within 0.01 of the best (or, with ``--target-precision``, the lowest reaching that
   precision), :func:`choose_threshold`;
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
CALIBRATE_FROM = 0.2  # gate probability from which the Platt scaling is fitted (fit_platt)
OUT = Path(__file__).resolve().parents[1] / "data" / "model" / "triggers.npz"
#: Train-split draws the trigger classifier and gate leave out (``LabelledStory.added``):
#: the sixth draw took only stories that name an act of the rarest types
#: (``scripts/corpus_sample.py``, ``DRAW_KEYWORDS``). Trained with it, the model gave the
#: same dev micro F1 and a lower macro F1 (0.529 -> 0.515 at the same threshold, 5
#: December 2026): a keyword sample shifts the priors the gate learns for every type. The
#: argument model leaves it out too (on dev it made no difference: actor + recipient
#: country 1.708 without, 1.702 with). Its labels stay in the corpus.
NOT_TRAINED_ON = frozenset({"draw6"})


def parse_split(split: str, cache: Path | None = None) -> list[tuple]:
    """``[(LabelledStory, Doc), ...]`` of a split, parsed as ``tidings code`` parses
    (``cache``: a folder for spaCy DocBin files keyed by split)."""
    from spacy.tokens import DocBin

    from .. import corpus
    from ..analyse import load_nlp, prepare_text

    nlp = load_nlp()
    stories = corpus.load(split)
    docs: dict[str, object] = {}
    path = cache / f"docs_{split}.spacy" if cache else None
    if path is not None and path.exists():
        for d in DocBin(store_user_data=True).from_disk(path).get_docs(nlp.vocab):
            docs[d.user_data["sid"]] = d
    todo = [s for s in stories if s.story_id not in docs]
    if todo:
        from ..actors import default_resolver
        acronyms = default_resolver().acronyms()
        for s, d in zip(todo, nlp.pipe([prepare_text(s.text, acronyms) for s in todo], batch_size=16)):
            d.user_data["sid"] = s.story_id
            docs[s.story_id] = d
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = DocBin(store_user_data=True)
            for d in docs.values():
                db.add(d)
            db.to_disk(path)
    return [(s, docs[s.story_id]) for s in stories]


def training_pairs(cache: Path | None = None) -> list[tuple]:
    """The train split's ``(LabelledStory, Doc)`` pairs both trainers learn from: every
    train story but those of the draws in :data:`NOT_TRAINED_ON`."""
    return [(s, d) for s, d in parse_split("train", cache) if s.added not in NOT_TRAINED_ON]


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


def calibration_pairs(events: list[dict], pairs) -> tuple[np.ndarray, np.ndarray]:
    """The units ``tidings eval`` calibrates on: one per (corpus sentence, event type)
    predicted in the stories ``pairs``, with the highest confidence among that type's
    events there (negated and hypothetical events left out, as the scorer does). Returns
    ``(confidence, correct)``: float array in 0..1 and int array of 0/1, same length."""
    from ..evaluate import assign_to_sentences, corpus_gold
    from .model import NOT_HAPPENED

    stories = [s for s, _ in pairs]
    gold = {d["id"]: {e["event_type"] for e in d["events"]} for d in corpus_gold(stories)}
    conf, ok = [], []
    for key, evs in assign_to_sentences(stories, events).items():
        best: dict[str, float] = {}
        for e in evs:
            if not set(e.get("aux_modes") or []) & NOT_HAPPENED:
                best[e["event_type"]] = max(best.get(e["event_type"], 0.0), e["confidence"])
        for t, c in best.items():
            conf.append(c)
            ok.append(int(t in gold.get(key, set())))
    return np.array(conf, dtype=float), np.array(ok, dtype=int)


def fit_platt(p: np.ndarray, correct: np.ndarray, fit_from: float = CALIBRATE_FROM) -> list[float]:
    """Platt scaling ``[a, b]`` (confidence = sigmoid(a * logit(p) + b)) fitted by
    logistic regression on the units whose gate probability ``p`` is at least
    ``fit_from``: the range the default output is cut from, so the fit is not spent on
    the low-probability candidates only ``--all-candidates`` shows (chosen on dev by
    5-fold cross-validation by story: calibration error 0.057 when fitted on every unit,
    0.036 from 0.2). Raises ``ValueError`` when fewer than 20 units, or only one
    outcome, are left to fit on."""
    from sklearn.linear_model import LogisticRegression

    m = p >= fit_from
    if m.sum() < 20 or len(set(correct[m].tolist())) < 2:
        raise ValueError(f"Platt scaling needs 20 units of both outcomes at p >= {fit_from}; got {int(m.sum())}")
    q = np.clip(p[m], 1e-6, 1 - 1e-6)
    lr = LogisticRegression(C=100.0, random_state=SEED).fit(np.log(q / (1 - q))[:, None], correct[m])
    return [float(lr.coef_[0][0]), float(lr.intercept_[0])]


def collect(pairs, coder) -> list[dict]:
    """What the coder sees in each story with the rule layer alone (features logged as at
    run time, :class:`tidings.coding.learned.TokenLog`) and the gold: per story a dict
    with ``story``, ``sparse``/``dense``/``labels`` (one item per candidate word: its
    features and gold type or ``NONE``) and ``sentences`` (the log's sentence records,
    each with ``gold``: the types of the gold events that happened in the corpus
    sentences whose middle falls inside it)."""
    from ..coding.learned import TokenLog
    from .model import NOT_HAPPENED

    out = []
    model, coder.model = coder.model, None
    for s, doc in pairs:
        coder.learned.log = log = TokenLog()
        coder.code_doc(doc, _story(s))
        gold = gold_tokens(s, doc)
        for rec in log.sentences:
            rec["gold"] = sorted({e["event_type"] for x in s.sentences if rec["start"] <= (x.start + x.end) // 2 < rec["end"]
                                  for e in x.events if not set(e.get("aux_modes") or []) & NOT_HAPPENED})
        out.append({"story": s.story_id, "sparse": log.sparse, "dense": log.dense,
                    "labels": [gold.get(i, "NONE") for i in log.token_index], "sentences": log.sentences})
    coder.learned.log = None
    coder.model = model
    return out


def fit_sentences(records: list[dict], types: list[str], vectors, C: float = 10.0):
    """The sentence classifier (:class:`tidings.learn.gate.SentenceModel`) fitted on
    sentence records (``text``, ``gold``, ``cues``): tf-idf over the n-grams and the
    :func:`tidings.learn.gate.sentence_cues` seen in two sentences or more, and the mean
    word vector, one logistic regression per type (a type without examples gets weight 0,
    bias -9)."""
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from .gate import SentenceModel, ngrams

    vec = TfidfVectorizer(analyzer=lambda r: ngrams(r["text"]) + list(r.get("cues", ())), min_df=2,
                          sublinear_tf=True, dtype=np.float32)
    grams = vec.fit_transform(records)
    probe = SentenceModel(list(vec.get_feature_names_out()), vec.idf_,
                          np.zeros((len(types), grams.shape[1] + vectors.dim)), np.zeros(len(types)), types, vectors)
    X = sp.hstack([grams, sp.csr_matrix(np.vstack([probe.mean_vector(r["text"]) for r in records]))]).tocsr()
    W = np.zeros((len(types), X.shape[1]), dtype=np.float32)
    b = np.full(len(types), -9.0, dtype=np.float32)
    for k, t in enumerate(types):
        y = np.array([t in r["gold"] for r in records])
        if 0 < y.sum() < len(y):
            lr = LogisticRegression(C=C, max_iter=3000, random_state=SEED).fit(X, y)
            W[k], b[k] = lr.coef_[0], lr.intercept_[0]
    return SentenceModel(list(vec.get_feature_names_out()), vec.idf_, W, b, types, vectors)


def gate_rows(stories: list[dict], token_model, sentence_model) -> tuple[np.ndarray, np.ndarray]:
    """Gate features (:func:`tidings.learn.gate.gate_features`) and 0/1 labels of every
    (sentence, type) of the stories, with the given trigger and sentence classifiers."""
    from .gate import gate_features

    types = sentence_model.types
    X, y = [], []
    for st in stories:
        for rec in st["sentences"]:
            a, b = rec["rows"]
            # scored as the coder scores a sentence's words at run time (one call per sentence)
            P = token_model.proba_many(st["sparse"][a:b], np.stack(st["dense"][a:b])) if b > a \
                else np.zeros((0, len(token_model.classes)), dtype=np.float32)
            X.append(gate_features(types, token_model.classes, P,
                                   rec["rule_weight"], sentence_model.proba(rec["text"], rec.get("cues", ())),
                                   rec["text"], rec["index"]))
            y.extend(int(t in rec["gold"]) for t in types)
    return np.vstack(X), np.array(y)


def fit_all(stories: list[dict], C: float, vectors, folds: int = 5):
    """The three parts on ``stories``: the trigger classifier and the sentence classifier
    on all of them, and the gate on their out-of-fold predictions (``folds`` folds by
    story, so that the gate learns how far to trust predictions on unseen text)."""
    from sklearn.linear_model import LogisticRegression

    from .gate import Gate
    from .model import TriggerModel

    def token_model(part):
        vocab, W, b, classes = fit([f for st in part for f in st["sparse"]], [d for st in part for d in st["dense"]],
                                   [lab for st in part for lab in st["labels"]], C)
        return TriggerModel(vocab, W, b, classes, vectors, {})

    order = list(range(len(stories)))
    np.random.default_rng(SEED).shuffle(order)
    Xs, ys = [], []
    types = None
    for k in range(folds):
        held = [stories[i] for j, i in enumerate(order) if j % folds == k]
        rest = [stories[i] for j, i in enumerate(order) if j % folds != k]
        tm = token_model(rest)
        types = types or [c for c in tm.classes if c != "NONE"]
        sm = fit_sentences([r for st in rest for r in st["sentences"]], types, vectors)
        X, y = gate_rows(held, tm, sm)
        Xs.append(X)
        ys.append(y)
        print(f"fold {k + 1}/{folds}", file=sys.stderr)
    lr = LogisticRegression(C=1.0, max_iter=5000, random_state=SEED).fit(np.vstack(Xs), np.concatenate(ys))
    gate = Gate(lr.coef_[0], float(lr.intercept_[0]))
    tm = token_model(stories)
    sm = fit_sentences([r for st in stories for r in st["sentences"]], types, vectors)
    return tm, sm, gate


def choose_threshold(grid: list[tuple], target_precision: float | None = None, tolerance: float = 0.01) -> tuple:
    """The default output threshold from ``grid`` (``(threshold, precision, recall,
    Score)`` rows in increasing threshold): with ``target_precision``, the lowest
    threshold (most recall) reaching it; else the highest threshold (most precision: the
    default output is what users trust) whose dev micro F1 is within ``tolerance`` of the
    best, since differences that small are noise on the dev split."""
    reaching = [g for g in grid if target_precision is not None and g[1] >= target_precision]
    if reaching:
        return reaching[0]
    best = max(g[3].micro_f1 for g in grid)
    return [g for g in grid if g[3].micro_f1 >= best - tolerance][-1]


def main(argv: list[str] | None = None) -> int:
    from ..coding import Coder
    from .model import TriggerModel, save_model
    from .vectors import load_vectors

    ap = argparse.ArgumentParser(description="Train tidings' trigger classifier and sentence gate from the corpus.")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--cache", type=Path, default=None, help="folder caching parsed corpus stories")
    ap.add_argument("--C", type=float, default=1.0, help="inverse regularisation strength of the trigger classifier")
    ap.add_argument("--floor", type=float, default=0.1,
                    help="gate probability under which a type gives no event, even with --all-candidates")
    ap.add_argument("--word-floor", type=float, default=0.05,
                    help="a gated type no rule event has becomes an event only on a word whose own "
                         "probability of the type reaches this (the event's trigger must read as it)")
    ap.add_argument("--calibrate-from", type=float, default=CALIBRATE_FROM,
                    help="fit the Platt scaling on dev units whose gate probability is at least this")
    ap.add_argument("--target-precision", type=float, default=None,
                    help="default threshold: the lowest reaching this dev precision (default: best dev micro F1)")
    args = ap.parse_args(argv)
    os.environ["TIDINGS_MODEL"] = "off"
    train, dev = training_pairs(args.cache), parse_split("dev", args.cache)
    coder = Coder(model=None, all_candidates=True)
    vectors = load_vectors()
    stories = collect(train, coder)
    n_words = sum(len(st["labels"]) for st in stories)
    print(f"train: {len(train)} stories, {n_words} words, "
          f"{sum(lab != 'NONE' for st in stories for lab in st['labels'])} triggers", file=sys.stderr)
    tm, sm, gate = fit_all(stories, args.C, vectors)
    rules_only = _score(dev, code_with(dev, coder, None))
    settings = {"floor": args.floor, "word_floor": args.word_floor, "platt": [1.0, 0.0], "threshold": 0.0}
    model = TriggerModel(sorted(tm.index, key=tm.index.get), tm.weights, tm.bias, tm.classes,
                         vectors, settings, sm, gate)
    settings["platt"] = fit_platt(*calibration_pairs(code_with(dev, coder, model), dev), args.calibrate_from)
    evs = code_with(dev, coder, model)
    grid = []
    for th in np.arange(0.05, 0.95, 0.025):
        sc = _score(dev, evs, float(th))
        grid.append((float(round(th, 3)), *_pr(sc), sc))
    for th, p, r, sc in grid[::4]:
        print(f"dev threshold {th:.3f}: precision {p:.3f} recall {r:.3f} micro F1 {sc.micro_f1:.3f}", file=sys.stderr)
    chosen = choose_threshold(grid, args.target_precision)
    settings["threshold"] = chosen[0]
    settings["trained_on"] = {"stories": len(train), "words": n_words, "C": args.C, "seed": SEED,
                              "classes": tm.classes}
    save_model(args.out, sorted(tm.index, key=tm.index.get), tm.weights, tm.bias, tm.classes, settings, sm, gate)
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
