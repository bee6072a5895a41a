"""Run time of the learned trigger classifier: numpy only.

:class:`TriggerModel` is a multinomial logistic regression over the string features of
:func:`tidings.learn.tokens.token_features` plus dense static word vectors (the word,
its head, its arguments and a window of neighbours; :mod:`tidings.learn.vectors`). It
says, for a candidate trigger word, the probability of each PLOVER type and of
``NONE``. With the sentence classifier and the sentence gate (:mod:`tidings.learn.gate`)
it decides which events a sentence reports (:mod:`tidings.coding.learned`).

The artefact ``data/model/triggers.npz`` holds the vocabulary, weights, classes, the
sentence classifier and gate, thresholds and calibration; it is written by ``python -m tidings.learn.train`` with a
fixed seed and its bytes enter the pipeline version.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..spelling import fold_word, load_spelling
from .gate import Gate, SentenceModel
from .tokens import is_candidate, token_features
from .vectors import WordVectors, load_vectors

MODEL_FILE = "data/model/triggers.npz"
#: Auxiliary modes under which an event did not happen; the rule layer's decision on
#: them is kept as it is (the model was trained on events that happened).
NOT_HAPPENED = frozenset({"negation", "hypothetical"})


def dense_features(tok, vectors: WordVectors, bounds: tuple[int, int] | None = None,
                   lowers: list[str] | None = None) -> np.ndarray:
    """Dense part of a token's features: vectors of the word (lemma, else its form), its
    head, the mean of its argument words, and the mean of a window of three words on
    each side, within the sentence; shape ``(4 * dim,)``.

    Args:
        tok: a spaCy ``Token`` of a parsed sentence.
        vectors: the static word vectors.
        bounds: ``(start, end)`` token indices of the token's sentence; None: from
            ``tok.sent`` (the coder passes them once per sentence, issue 20).
        lowers: token index -> lower-case form in American spelling
            (:func:`tidings.spelling.fold_word`), for the tokens of the sentence at least
            (a dict or a list over the document); None: read from the tokens and folded.

    The lemmas are read as the coder sets them (American, :func:`tidings.spelling.american_lemmas`).
    """
    args = [c.lemma_.lower() for c in tok.children
            if c.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "prep", "attr")]
    if bounds is None:
        bounds = (tok.sent.start, tok.sent.end)
    i = tok.i
    lo, hi = max(i - 3, bounds[0]), min(i + 4, bounds[1])
    if lowers is None:
        fold = load_spelling().get
        window = [fold(x.lower_, x.lower_) for x in tok.doc[lo:hi] if x.i != i]
    else:
        window = [lowers[j] for j in range(lo, hi) if j != i]
    lem = tok.lemma_.lower()
    return np.concatenate([vectors.get(lem if lem in vectors else fold_word(tok.lower_)), vectors.get(tok.head.lemma_.lower()),
                           vectors.mean(args), vectors.mean(window)])


_ARG_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "prep", "attr"})


def dense_features_many(toks: list, vectors: WordVectors, bounds: tuple[int, int],
                        lowers: dict[int, str]) -> np.ndarray:
    """:func:`dense_features` of several tokens of one sentence at once, bit for bit:
    shape ``(len(toks), 4 * dim)``, float32 (issue 20, third round).

    The vectors are gathered in one step per part and the two means summed row by row
    in the order :meth:`WordVectors.mean` sums them (the known words in order, then
    zero rows for padding, which change no bit), then divided by their counts in
    float32, so the features, the probabilities and the confidences are exactly those
    of the word-by-word way (``tests/test_speed_same_events.py``).

    Args:
        toks: spaCy tokens of one parsed sentence (in any order).
        vectors: the static word vectors.
        bounds: ``(start, end)`` token indices of the sentence.
        lowers: token index -> lower-case form in American spelling, for every token of
            the sentence (as :func:`dense_features` reads them).
    """
    n, dim = len(toks), vectors.dim
    if n == 0:
        return np.zeros((0, 4 * dim), dtype=np.float32)
    index = vectors.index
    zero = len(vectors.vectors)  # the row index of a zero vector appended below
    table = vectors.padded
    word = np.empty(n, dtype=np.int64)
    head = np.empty(n, dtype=np.int64)
    args: list[list[int]] = []
    window: list[list[int]] = []
    known = {j: index[w] for j, w in lowers.items() if w in index}
    for r, tok in enumerate(toks):
        lem = tok.lemma_.lower()
        word[r] = index.get(lem if lem in index else fold_word(tok.lower_), zero)
        head[r] = index.get(tok.head.lemma_.lower(), zero)
        args.append([k for k in (index.get(c.lemma_.lower()) for c in tok.children if c.dep_ in _ARG_DEPS)
                     if k is not None])
        i = tok.i
        window.append([known[j] for j in range(max(i - 3, bounds[0]), min(i + 4, bounds[1]))
                       if j != i and j in known])
    out = np.empty((n, 4 * dim), dtype=np.float32)
    out[:, :dim] = table[word]
    out[:, dim:2 * dim] = table[head]
    for part, rows in ((2, args), (3, window)):
        width = max(map(len, rows))
        counts = np.array([len(x) for x in rows], dtype=np.float32)
        if width == 0:
            out[:, part * dim:(part + 1) * dim] = 0.0
            continue
        idx = np.full((n, width), zero, dtype=np.int64)
        for r, x in enumerate(rows):
            idx[r, :len(x)] = x
        gathered = table[idx]                       # (n, width, dim)
        acc = gathered[:, 0].copy()
        for k in range(1, width):
            acc += gathered[:, k]
        # a word with no known neighbour gets zeros (its sum is zeros; divide by one)
        out[:, part * dim:(part + 1) * dim] = acc / np.maximum(counts, np.float32(1.0))[:, None]
    return out


class TriggerModel:
    """The trigger classifier and its decision settings.

    Args:
        vocab: sparse feature strings (length V).
        weights: (K, V + D) float array: sparse columns first, then the dense ones.
        bias: (K,) float array.
        classes: K class names: PLOVER types and ``NONE``.
        vectors: the static word vectors.
        settings: ``threshold`` (default output: events whose confidence reaches it),
            ``platt`` ([a, b]: confidence = sigmoid(a * logit(p) + b), fitted on the
            corpus dev split), ``floor`` (types whose gate probability is below it give
            no event, even with ``--all-candidates``), ``word_floor`` (a type the rules
            did not find becomes an event only on a word whose own probability of it
            reaches this).
        sentence, gate: the sentence classifier and the sentence gate
            (:mod:`tidings.learn.gate`). The coder needs both; a model without them only
            scores words (as during training).
    """

    def __init__(self, vocab: list[str], weights: np.ndarray, bias: np.ndarray, classes: list[str],
                 vectors: WordVectors, settings: dict, sentence: SentenceModel | None = None,
                 gate: Gate | None = None):
        self.sentence, self.gate = sentence, gate
        self.index = {f: i for i, f in enumerate(vocab)}
        self.n_sparse = len(vocab)
        self.weights = np.asarray(weights, dtype=np.float32)
        self.bias = np.asarray(bias, dtype=np.float32)
        self.classes = list(classes)
        self.none = self.classes.index("NONE")
        self.vectors = vectors
        self.settings = settings

    def proba(self, feats: list[str], dense: np.ndarray) -> np.ndarray:
        """Class probabilities (K,) for one word's sparse features and dense vector."""
        cols = sorted({self.index[f] for f in feats if f in self.index})
        z = self.bias + self.weights[:, self.n_sparse:] @ dense
        if cols:
            z = z + self.weights[:, cols].sum(axis=1)
        z = z - z.max()
        e = np.exp(z)
        return e / e.sum()

    def proba_many(self, feats: list[list[str]], dense: np.ndarray) -> np.ndarray:
        """Class probabilities (n, K) of n words at once, as :meth:`proba` gives them
        word by word (the coder scores a sentence's words together, issue 20).

        Args:
            feats: each word's sparse features; dense: (n, 4 * dim) array, one row per word.
        """
        n = len(feats)
        if n == 0:
            return np.zeros((0, len(self.classes)), dtype=np.float32)
        z = self.bias + np.asarray(dense, dtype=np.float32) @ self._dense_t
        get, add = self.index.get, np.add.reduce
        spans: list[tuple[int, int, int]] = []
        cols: list[int] = []
        for r, f in enumerate(feats):
            found = set(map(get, f))   # the known features' columns, once each
            found.discard(None)
            if found:
                start = len(cols)
                cols.extend(sorted(found))
                spans.append((r, start, len(cols)))
        if spans:
            # every word's known features in one gather of whole rows (issue 16, round
            # 21a: ``weights[:, cols]`` read 17 scattered numbers per feature, a cache miss
            # each); ``weights[:, cols]`` is laid out as these (m, K) rows and its sum over
            # axis 1 adds them in row order, as add.reduce over axis 0 does here, so every
            # bit is the same (tests/test_coding_r21a.py)
            rows = self._sparse_t[cols]
            for r, start, end in spans:
                z[r] += add(rows[start:end], axis=0)
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    @property
    def _dense_t(self) -> np.ndarray:
        """The dense columns of the weights, transposed and contiguous (D, K)."""
        got = self.__dict__.get("_dense_t_")
        if got is None:
            got = self.__dict__["_dense_t_"] = np.ascontiguousarray(self.weights[:, self.n_sparse:].T)
        return got

    @property
    def _sparse_t(self) -> np.ndarray:
        """The sparse columns of the weights, transposed and contiguous (V, K): one
        feature's weights for every class side by side."""
        got = self.__dict__.get("_sparse_t_")
        if got is None:
            got = self.__dict__["_sparse_t_"] = np.ascontiguousarray(self.weights[:, :self.n_sparse].T)
        return got

    def token_proba(self, tok, lexicon, rule_types=()) -> dict[str, float]:
        """``{class: probability}`` for a candidate trigger word."""
        p = self.proba(token_features(tok, lexicon, rule_types), dense_features(tok, self.vectors))
        return dict(zip(self.classes, map(float, p)))

    def calibrate(self, p: float) -> float:
        """Calibrated confidence of a class probability (Platt scaling on the dev split)."""
        a, b = self.settings.get("platt", (1.0, 0.0))
        p = min(max(p, 1e-6), 1 - 1e-6)
        with np.errstate(over="ignore"):  # exp overflowing to infinity gives 0, rightly
            return float(1.0 / (1.0 + np.exp(-(a * np.log(p / (1 - p)) + b))))

    def best(self, probs: dict[str, float]) -> tuple[str, float]:
        """The most probable event type (never ``NONE``) and its probability."""
        t = max((c for c in self.classes if c != "NONE"), key=lambda c: probs[c])
        return t, probs[t]


def save_model(path: Path, vocab: list[str], weights: np.ndarray, bias: np.ndarray,
               classes: list[str], settings: dict, sentence: SentenceModel, gate: Gate) -> None:
    """Write the artefact (numpy arrays and a JSON string; no pickles); the sentence
    classifier and gate as ``s_*`` and ``g_*`` arrays."""
    path.parent.mkdir(parents=True, exist_ok=True)
    extra = {"s_vocab": np.array(sorted(sentence.index, key=sentence.index.get), dtype=str),
             "s_idf": sentence.idf.astype(np.float32), "s_weights": sentence.weights.astype(np.float16),
             "s_bias": sentence.bias.astype(np.float32), "s_types": np.array(sentence.types, dtype=str),
             "g_weights": gate.weights.astype(np.float32), "g_bias": np.array([gate.bias], dtype=np.float32)}
    np.savez_compressed(path, vocab=np.array(vocab, dtype=str), weights=weights.astype(np.float16),
                        bias=bias.astype(np.float32), classes=np.array(classes, dtype=str),
                        settings=np.array(json.dumps(settings, sort_keys=True)), **extra)


def load_model_file(path: Path, vectors: WordVectors | None = None) -> TriggerModel:
    """Load an artefact written by :func:`save_model`.

    Raises:
        OSError: missing or unreadable file; KeyError/ValueError: not such an artefact,
        or one without the sentence gate.
    """
    with np.load(path, allow_pickle=False) as z:
        if "g_weights" not in z.files:
            raise ValueError(f"{path}: a trigger model without its sentence gate; rebuild it with "
                             "python -m tidings.learn.train")
        # each array read once (``z[name]`` inflates it from the archive on every access)
        # and string arrays turned into lists with ``tolist`` (the same ``str`` values,
        # made in C: a tenth of the worker's start-up went to per-element ``str()``)
        a = {name: z[name] for name in z.files}
    vectors = vectors or load_vectors()
    s_vocab = a["s_vocab"].tolist()
    sentence = SentenceModel(s_vocab, a["s_idf"], a["s_weights"], a["s_bias"], a["s_types"].tolist(),
                             vectors if a["s_weights"].shape[1] > len(s_vocab) else None)
    gate = Gate(a["g_weights"], float(a["g_bias"][0]))
    return TriggerModel(a["vocab"].tolist(), a["weights"], a["bias"], a["classes"].tolist(), vectors,
                        json.loads(str(a["settings"])), sentence, gate)


@lru_cache(maxsize=1)
def _shipped() -> TriggerModel | None:
    f = resources.files("tidings").joinpath(MODEL_FILE)
    if not f.is_file():
        return None
    with resources.as_file(f) as p:
        return load_model_file(Path(p))


def load_model() -> TriggerModel | None:
    """The shipped model, or None when none is shipped or ``TIDINGS_MODEL=off`` (the rule
    layer alone, as used to train the model)."""
    if os.environ.get("TIDINGS_MODEL", "").lower() in ("off", "0", "none", "rules"):
        return None
    return _shipped()


def default_threshold() -> float:
    """The confidence (0..1) from which ``tidings code`` keeps an event by default: the
    shipped model's dev-chosen ``threshold`` (docs/model.md); 0.0 with no model (the rule
    layer alone keeps every event)."""
    m = load_model()
    return float(m.settings.get("threshold", 0.0)) if m is not None else 0.0


__all__ = ["TriggerModel", "load_model", "load_model_file", "default_threshold", "save_model", "dense_features", "dense_features_many",
           "is_candidate", "NOT_HAPPENED"]
