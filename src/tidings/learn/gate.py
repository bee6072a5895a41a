"""The sentence gate: which event types a sentence reports.

The trigger classifier (:mod:`tidings.learn.model`) scores words one at a time; the unit
a user (and ``tidings eval``) counts is an event type in a sentence. The gate decides that
unit from three views of the sentence:

- the trigger classifier's probabilities for its candidate words (the best word for the
  type, the second best, their sum, how many words pass 0.3, whether the type is the best
  word's best class);
- the rule layer's chosen triggers (does a rule event of the type exist, its lexical
  weight, how many types the rules chose);
- a **sentence classifier**: a logistic regression per type over the sentence's word
  unigrams and bigrams (tf-idf), its candidate words' trigger-lexicon types
  (:func:`sentence_cues`) and its mean word vector, which sees words far from any candidate ("the talks,
  which began on Monday, ..."), and the sentence's shape (length, first sentence, quote).

A logistic regression over these features (:class:`Gate`), trained on out-of-fold
predictions of the two classifiers over the corpus train split
(:mod:`tidings.learn.train`), gives the probability that the sentence reports an event of
each type. numpy only.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import numpy as np

from ..spelling import load_spelling

_WORD = re.compile(r"(?u)\b\w\w+\b")
#: Probability floor and ceiling before taking logits (a probability of 0 or 1 would
#: give an infinite feature).
_EPS = 1e-4
#: Features shared by every type in :func:`gate_features` (before the per-type columns).
N_SHARED = 15


def sentence_words(text: str) -> list[str]:
    """The words of a sentence the sentence classifier reads: lower-cased runs of two or
    more word characters (``"U.S. troops"`` -> ``["troops"]``; one-letter words are
    dropped), British spellings folded to American ones (``"criticised"`` ->
    ``"criticized"``, :func:`tidings.spelling.fold_word`)."""
    fold = load_spelling().get
    return [fold(w, w) for w in _WORD.findall(text.lower())]


def sentence_cues(sparse: list[list[str]]) -> list[str]:
    """What the sentence classifier reads besides the sentence's words: for each candidate
    word (its trigger-classifier features, :func:`tidings.learn.tokens.token_features`)
    the trigger lexicon's types for it (``"X_REJECT"`` for "vetoed", from its ``lex:``
    and ``lexp:`` features). A type's cue carries what the classifier learned from the
    type's frequent verbs to its rare ones ("vetoed" beside "rejected"), which the n-grams
    cannot: a sentence whose words the classifier never saw otherwise scores its type's
    prior, and the gate read that as evidence against the type ("Hungary vetoed the
    statement": 0.35 before, issue 16, sixteenth round). The candidates' lemmas as cues
    too were measured and left out (dev macro F1 0.567 against 0.580 at 0.4). Upper case
    and the underscore keep cues apart from the (lower-case) n-grams."""
    out: list[str] = []
    for feats in sparse:
        # the lexicon's features close a word's list, before its rule types
        # (token_features): read it from the end, as far as they go
        mine = []
        for f in reversed(feats):
            if f.startswith("rule:") or f.startswith("lex_mode:"):
                continue
            if f.startswith("lexp:"):
                mine.append("X_" + f[5:])
            elif f.startswith("lex:"):
                mine.append("X_" + f[4:])
                break
            else:
                break
        out.extend(reversed(mine))
    return out


def ngrams(text: str) -> list[str]:
    """Word unigrams and bigrams of a sentence: its :func:`sentence_words`, then each
    adjacent pair joined by a space."""
    words = sentence_words(text)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


class SentenceModel:
    """One logistic regression per event type over a sentence's n-grams (tf-idf weighted:
    ``(1 + log tf) * idf``, L2-normalised, as scikit-learn's ``TfidfVectorizer`` with
    ``sublinear_tf`` computes them) and the mean static word vector of its words
    (:mod:`tidings.learn.vectors`), which carries the classifier to words the corpus
    never showed it ("shelled" near "bombarded").

    Args:
        vocab: V n-gram strings; idf: (V,) inverse document frequencies.
        weights: (T, V + D) array, one row per type of ``types``: n-gram columns, then
            the D word-vector columns; bias: (T,).
        types: the T event types.
        vectors: the word vectors (dimension D; None when D is 0).
    """

    def __init__(self, vocab: list[str], idf: np.ndarray, weights: np.ndarray, bias: np.ndarray,
                 types: list[str], vectors=None):
        self.index = {g: i for i, g in enumerate(vocab)}
        self.idf = np.asarray(idf, dtype=np.float32)
        self.weights = np.asarray(weights, dtype=np.float32)
        self.bias = np.asarray(bias, dtype=np.float32)
        self.types = list(types)
        self.vectors = vectors
        self.n_grams = len(vocab)
        if self.weights.shape != (len(self.types), self.n_grams + (vectors.dim if vectors is not None else 0)):
            raise ValueError(f"sentence model: weights of shape {self.weights.shape} for {len(self.types)} types, "
                             f"{self.n_grams} n-grams and {vectors.dim if vectors is not None else 0} vector dimensions")

    @property
    def _tables(self) -> tuple[np.ndarray, np.ndarray]:
        """The weights as :meth:`proba` reads them: the n-gram columns transposed and
        contiguous (G, T), and the vector columns contiguous (T, D); made on first use."""
        got = self.__dict__.get("_tables_")
        if got is None:
            got = self.__dict__["_tables_"] = (np.ascontiguousarray(self.weights[:, :self.n_grams].T),
                                               np.ascontiguousarray(self.weights[:, self.n_grams:]))
        return got

    def mean_vector(self, text: str) -> np.ndarray:
        """(D,) mean vector of the sentence's known words (:func:`sentence_words`)."""
        return self.vectors.mean(sentence_words(text))

    def proba(self, text: str, cues: list[str] = ()) -> np.ndarray:
        """(T,) probabilities, one independent probability per type. ``cues``: the
        sentence's :func:`sentence_cues` (counted as its n-grams are; a model trained
        without them has none in its vocabulary and ignores them)."""
        # the sentence's words found once, for its n-grams and its mean vector (issue 20)
        words = sentence_words(text)
        counts: dict[int, int] = {}
        get = self.index.get
        for g in words:
            i = get(g)
            if i is not None:
                counts[i] = counts.get(i, 0) + 1
        for a, b in zip(words, words[1:]):
            i = get(f"{a} {b}")
            if i is not None:
                counts[i] = counts.get(i, 0) + 1
        for g in cues:
            i = get(g)
            if i is not None:
                counts[i] = counts.get(i, 0) + 1
        z = self.bias.copy()
        if counts:
            cols = np.fromiter(counts, dtype=np.int64, count=len(counts))
            x = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))) * self.idf[cols]
            x /= np.linalg.norm(x)
            # the n-grams' weights gathered as whole rows of the transposed table: the same
            # numbers in the same layout as ``weights[:, cols]`` (numpy lays a gather over
            # the last axis out row by row), so the same product to the bit, with one cache
            # line per n-gram instead of one per type (issue 16, round 21a)
            z += self._tables[0][cols].T @ x
        if self.vectors is not None:
            z += self._tables[1] @ self.vectors.mean(words)
        with np.errstate(over="ignore"):  # exp overflowing to infinity gives 0, rightly
            return 1.0 / (1.0 + np.exp(-z))


def gate_features(types: list[str], classes: list[str], probs: np.ndarray, rule_weight: dict[str, float],
                  sent_p: np.ndarray, text: str, index: int) -> np.ndarray:
    """The gate's features for each type of a sentence.

    Args:
        types: the T event types (the gate's rows, in this order).
        classes: the trigger classifier's K classes (types and ``NONE``).
        probs: (N, K) trigger-classifier probabilities of the sentence's N candidate words.
        rule_weight: event type -> the highest lexical weight of the rule layer's chosen
            triggers of that type that happened (not negated or hypothetical).
        sent_p: (T,) the sentence classifier's probabilities, in ``types`` order.
        text: the sentence; index: its position in the story (0 = first).
    Returns:
        (T, 15 + 4T) float array: per type, 15 shared features, then a one-hot of the type and
        the one-hot scaled by the best word's logit, by the rule indicator and by the
        sentence classifier's logit (so each type has its own bias and slopes).
    """
    T = len(types)
    n = probs.shape[0]
    idx, none_col = _columns(tuple(types), tuple(classes))
    if n:
        Pt = probs[:, idx]                                   # (n, T)
        desc = -np.sort(-Pt, axis=0)
        best, second = desc[0], (desc[1] if n > 1 else np.zeros(T, dtype=np.float32))
        at = Pt.argmax(axis=0)                               # each type's best word
        best_word_best = (probs[at].argmax(axis=1) == idx).astype(np.float32)
        none_at_best = probs[at, none_col]
        over = (best > 0.3).astype(np.float32)
        others = over.sum() - over
        sums, n03 = Pt.sum(axis=0), (Pt > 0.3).sum(axis=0)
    else:
        best = second = sums = n03 = best_word_best = others = np.zeros(T, dtype=np.float32)
        none_at_best = np.ones(T, dtype=np.float32)
    has_rule = np.array([t in rule_weight for t in types], dtype=np.float32)
    weight = np.array([rule_weight.get(t, 0.0) for t in types], dtype=np.float32)
    # the four logits in one call (elementwise: the same values as four calls)
    sl, lb, l2, ln = _logits(np.stack([sent_p, best, second, none_at_best]))
    S = N_SHARED
    rows = np.zeros((T, S + 4 * T), dtype=np.float32)
    # the shared columns set one by one (what np.column_stack then a cast to float32 gave)
    for j, col in enumerate((lb, l2, sums, n03, has_rule, weight, best_word_best, ln,
                             float(bool(rule_weight)) * (1.0 - has_rule), others, sl)):
        rows[:, j] = col
    rows[:, 11] = np.float32(math.log1p(len(text)))
    rows[:, 12] = np.float32(index == 0)
    rows[:, 13] = np.float32('"' in text or "\u201c" in text)
    rows[:, 14] = np.float32(len(rule_weight))
    ar = np.arange(T)
    rows[ar, S + ar] = 1.0
    rows[ar, S + T + ar] = lb
    rows[ar, S + 2 * T + ar] = has_rule
    rows[ar, S + 3 * T + ar] = sl
    return rows


@lru_cache(maxsize=16)
def _columns(types: tuple[str, ...], classes: tuple[str, ...]) -> tuple[np.ndarray, int]:
    """The trigger classifier's column of each type, and of ``NONE``."""
    return np.array([classes.index(t) for t in types]), classes.index("NONE")


def _logits(p: np.ndarray) -> np.ndarray:
    """``log(p / (1 - p))`` of each element, ``p`` clipped to ``[1e-4, 1 - 1e-4]``."""
    p = np.clip(np.asarray(p, dtype=np.float64), _EPS, 1 - _EPS)
    return np.log(p / (1 - p))


class Gate:
    """Logistic regression over :func:`gate_features`.

    Args:
        weights: (F,) array; bias: a float.
    """

    def __init__(self, weights: np.ndarray, bias: float):
        self.weights = np.asarray(weights, dtype=np.float32)
        self.bias = float(bias)

    def proba(self, features: np.ndarray) -> np.ndarray:
        """(T,) probability that the sentence reports an event of each type. A very
        negative score overflows ``exp`` to infinity, which gives the right probability,
        0; NumPy's warning of it is not the user's business (a fresh-user trial saw it
        printed on long lists of headlines)."""
        with np.errstate(over="ignore"):
            return 1.0 / (1.0 + np.exp(-(features @ self.weights + self.bias)))


__all__ = ["Gate", "SentenceModel", "gate_features", "ngrams", "sentence_cues", "sentence_words"]
