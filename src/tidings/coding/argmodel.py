"""The learned argument model: which noun phrase of a sentence is an event's actor or
recipient when the parse rules (:mod:`tidings.coding.arguments`) find none.

For an event's anchor word (the trigger's frame: the verb, or the event noun when no
verb governs it) every candidate head word of the sentence (nouns, proper nouns,
pronouns and nationality adjectives, :func:`candidates`) is described by string
features (:func:`features`: its dependency relation, the path through the parse to
the anchor, the preposition that introduces it, its side and distance, its entity
label, the event type) and scored by a multinomial logistic regression over the
classes ``actor``, ``recipient`` and ``none``. The coder takes the best candidate of a
missing role when its probability reaches the model's threshold (rules
``model:actor``, ``model:recipient``).

The artefact ``data/model/arguments.npz`` holds the vocabulary, weights, classes and
thresholds; it is written by ``python -m tidings.learn.arguments_train`` from the
corpus train split (thresholds chosen on dev) and its bytes enter the pipeline
version. Run time needs numpy only. Issue 17.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.tokens import Span, Token

MODEL_FILE = "data/model/arguments.npz"
CLASSES: tuple[str, ...] = ("actor", "recipient", "none")
#: Part-of-speech tags of candidate head words.
_CAND_POS = frozenset({"NOUN", "PROPN", "PRON"})
#: Pronouns that never name a party ("it" as an expletive is still a candidate).
_NO_PARTY = frozenset({"what", "which", "that", "this", "these", "those", "there", "itself",
                       "something", "anything", "nothing", "everything", "each", "all", "one"})


def candidates(sent: Span, anchor: Token, exclude: set[int] | frozenset[int] = frozenset(),
               tokens: list[Token] | None = None) -> list[Token]:
    """The candidate head words of ``sent`` for the event anchored at ``anchor``.

    A candidate is a noun, proper noun or pronoun that heads its phrase (not the
    ``compound`` part of a name, not a word of ``exclude``, the trigger's words), or a
    nationality adjective ("Israeli air raids"); never the anchor itself.

    ``tokens``: the sentence's tokens as a list, when the caller has them.

    Returns:
        tokens in sentence order.
    """
    out = []
    for tok in (sent if tokens is None else tokens):
        if tok.i == anchor.i or tok.i in exclude:
            continue
        if tok.pos_ in _CAND_POS:
            if tok.dep_ in ("compound", "flat") and tok.head.pos_ == "PROPN":
                continue
            if tok.pos_ == "PRON" and tok.lower_ in _NO_PARTY:
                continue
            out.append(tok)
        elif tok.pos_ == "ADJ" and tok.ent_type_ in ("NORP", "GPE"):
            out.append(tok)
    return out


def _ancestors(tok: Token, limit: int = 8) -> list[Token]:
    chain = [tok]
    while chain[-1].head.i != chain[-1].i and len(chain) < limit:
        chain.append(chain[-1].head)
    return chain


def _path(cand: Token, down: list[Token], down_idx: dict[int, int]) -> str:
    """The dependency path from ``cand`` up to the lowest common ancestor and down to
    the anchor: ``"nsubj^"``, ``"pobj<prep^"``, ``"nsubj^v^xcomp"``...; ``"far"`` when
    longer than four steps either way. ``down``: the anchor's :func:`_ancestors`,
    ``down_idx``: their token index -> position in ``down``."""
    up = _ancestors(cand)
    for k, t in enumerate(up):
        if t.i in down_idx:
            j = down_idx[t.i]
            if k > 4 or j > 4:
                return "far"
            ups = "<".join(x.dep_ for x in up[:k])
            downs = ">".join(x.dep_ for x in reversed(down[:j]))
            return f"{ups}^{downs}"
    return "far"


def _bucket(n: int) -> str:
    return "0" if n <= 1 else "1" if n <= 3 else "2" if n <= 6 else "3" if n <= 12 else "4"


def features(cand: Token, anchor: Token, etype: str) -> list[str]:
    """String features of one candidate for an event of type ``etype`` anchored at
    ``anchor`` (see the module doc). Deterministic; the same at training and run time."""
    return features_many([cand], anchor, etype)[0]


def features_many(cands: list[Token], anchor: Token, etype: str) -> list[list[str]]:
    """:func:`features` of each of ``cands``, with what they share (the anchor's chain of
    heads, whether it is passive) worked out once (issue 20)."""
    down = _ancestors(anchor)
    down_idx = {t.i: k for k, t in enumerate(down)}
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in anchor.children)
    return [_features(c, anchor, etype, _path(c, down, down_idx), passive) for c in cands]


def _features(cand: Token, anchor: Token, etype: str, path: str, passive: bool) -> list[str]:
    prep = cand.head.lower_ if cand.dep_ == "pobj" else "-"
    side = "L" if cand.i < anchor.i else "R"
    lem = cand.lemma_.lower() if cand.pos_ != "PROPN" else "<propn>"
    f = [
        f"dep={cand.dep_}", f"pos={cand.pos_}", f"ent={cand.ent_type_ or '-'}", f"path={path}",
        f"prep={prep}", f"side={side}", f"dist={_bucket(abs(cand.i - anchor.i))}",
        f"type={etype}", f"apos={anchor.pos_}", f"adep={anchor.dep_}", f"lem={lem}",
        f"path|type={path}|{etype}", f"prep|type={prep}|{etype}", f"dep|type={cand.dep_}|{etype}",
        f"path|pass={path}|{passive}", f"dep|pass={cand.dep_}|{passive}", f"side|type={side}|{etype}",
        f"ent|type={cand.ent_type_ or '-'}|{etype}", f"hdep={cand.head.dep_}",
        f"prep|apos={prep}|{anchor.pos_}", f"path|apos={path}|{anchor.pos_}",
    ]
    if cand.pos_ == "PRON":
        f.append(f"pron={cand.lower_}")
    if cand.dep_ == "pobj" and cand.head.head.i != anchor.i:
        f.append(f"prep_of={cand.head.head.pos_}:{prep}")
    if any(c.dep_ == "poss" for c in cand.children):
        f.append("has_poss")
    if cand.dep_ == "poss":
        f.append(f"poss_of_anchor={cand.head.i == anchor.i}")
    return f


class ArgumentModel:
    """The argument classifier and its thresholds.

    Args:
        vocab: feature strings (length V); weights: ``(3, V)`` float array; bias:
            ``(3,)``; classes: :data:`CLASSES` order; settings: ``actor`` and
            ``recipient`` (the least probability at which the best candidate fills a
            missing role).
    """

    def __init__(self, vocab: list[str], weights: np.ndarray, bias: np.ndarray,
                 classes: list[str], settings: dict[str, float]) -> None:
        self.index = {v: i for i, v in enumerate(vocab)}
        self.weights = np.asarray(weights, dtype=np.float64)
        self.bias = np.asarray(bias, dtype=np.float64)
        self.classes = list(classes)
        self.settings = dict(settings)

    def proba(self, feats: list[str]) -> dict[str, float]:
        """Class probabilities of one candidate from its :func:`features`."""
        idx = [self.index[f] for f in feats if f in self.index]
        z = self.bias + (self.weights[:, idx].sum(axis=1) if idx else 0.0)
        z = z - z.max()
        p = np.exp(z)
        p /= p.sum()
        return dict(zip(self.classes, map(float, p)))

    def proba_many(self, feats: list[list[str]]) -> np.ndarray:
        """Class probabilities of several candidates at once, ``(n, len(classes))``, as
        :meth:`proba` gives them one by one (issue 20: one softmax per sentence, not per
        candidate). The weights of all the candidates' known features are gathered in
        one step and summed per candidate with ``np.add.reduceat``, which adds a
        candidate's float64 weights in the order :meth:`proba`'s sum does (fourth round;
        ``tests/test_speed_same_events.py`` compares the two bit for bit)."""
        n = len(feats)
        z = np.empty((n, len(self.classes)), dtype=np.float64)
        get = self.index.get
        idx = [[i for i in map(get, f) if i is not None] for f in feats]
        filled = [r for r in range(n) if idx[r]]
        z[:] = self.bias
        if filled:
            cols = [i for r in filled for i in idx[r]]
            starts = np.cumsum([0] + [len(idx[r]) for r in filled[:-1]])
            z[filled] = self.bias + np.add.reduceat(self.weights[:, cols], starts, axis=1).T
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        return p

    def scores(self, sent: Span, anchor: Token, etype: str, tokens: list[Token] | None = None,
               cache: dict | None = None) -> tuple[list[Token], np.ndarray | None]:
        """Every candidate of ``sent`` for the event anchored at ``anchor`` (none
        excluded, :func:`candidates`) and its class probabilities ``(n, 3)`` (None when
        there is no candidate). ``cache``: a dict kept for one story (the coder's
        :class:`~tidings.coding.state.StoryState`), where the answer is kept by
        sentence, anchor and type: an event whose actor and recipient are both missing
        asks twice (issue 20, fourth round)."""
        key = (sent.start, anchor.i, etype)
        got = cache.get(key) if cache is not None else None
        if got is None:
            cands = candidates(sent, anchor, frozenset(), tokens)
            got = (cands, self.proba_many(features_many(cands, anchor, etype)) if cands else None)
            if cache is not None:
                cache[key] = got
        return got

    def rank(self, sent: Span, anchor: Token, etype: str, role: str,
             exclude: set[int] | frozenset[int] = frozenset(),
             tokens: list[Token] | None = None, cache: dict | None = None) -> list[tuple[float, Token]]:
        """Candidates of ``sent`` whose probability of ``role`` (``actor`` or
        ``recipient``) reaches the model's threshold for it, best first, as
        ``(probability, token)``. ``tokens``: the sentence's tokens as a list, when the
        caller has them; ``cache``: see :meth:`scores`."""
        th = self.settings.get(role, 1.0)
        cands, probs = self.scores(sent, anchor, etype, tokens, cache)
        if not cands:
            return []
        col = self.classes.index(role)
        # a candidate's probabilities do not depend on which words are excluded
        out = [(p, c) for p, c in zip(probs[:, col].tolist(), cands) if p >= th and c.i not in exclude]
        out.sort(key=lambda x: (-x[0], x[1].i))
        return out

    def save(self, path) -> None:
        """Write the artefact (``.npz``; arrays only, no pickles)."""
        vocab = sorted(self.index, key=self.index.get)
        np.savez_compressed(path, vocab=np.array(vocab, dtype=str), weights=self.weights.astype(np.float32),
                            bias=self.bias, classes=np.array(self.classes, dtype=str),
                            setting_names=np.array(sorted(self.settings), dtype=str),
                            setting_values=np.array([self.settings[k] for k in sorted(self.settings)]))

    @classmethod
    def from_npz(cls, data) -> "ArgumentModel":
        """Read an artefact written by :meth:`save` (a loaded ``np.load`` mapping)."""
        settings = dict(zip(map(str, data["setting_names"]), map(float, data["setting_values"])))
        return cls(list(map(str, data["vocab"])), data["weights"], data["bias"],
                   list(map(str, data["classes"])), settings)


@lru_cache(maxsize=1)
def load_argument_model() -> ArgumentModel | None:
    """The shipped argument model, or None when the package has none or
    ``TIDINGS_MODEL=off`` (the rules alone, as for the trigger model)."""
    if os.environ.get("TIDINGS_MODEL", "").lower() == "off":
        return None
    ref = resources.files("tidings").joinpath(MODEL_FILE)
    if not ref.is_file():
        return None
    with resources.as_file(ref) as p, np.load(p, allow_pickle=False) as data:
        return ArgumentModel.from_npz(data)
