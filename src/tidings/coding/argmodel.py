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
    a = anchor.i
    for tok in (sent if tokens is None else tokens):
        i = tok.i
        if i == a or i in exclude:
            continue
        pos = tok.pos_
        if pos in _CAND_POS:
            if tok.dep_ in ("compound", "flat") and tok.head.pos_ == "PROPN":
                continue
            if pos == "PRON" and tok.lower_ in _NO_PARTY:
                continue
            out.append(tok)
        elif pos == "ADJ" and tok.ent_type_ in ("NORP", "GPE"):
            out.append(tok)
    return out


def _ancestors(tok: Token, limit: int = 8) -> list[Token]:
    """``tok`` and its chain of heads up to the root, at most ``limit`` tokens (each
    head asked for once: ``Token.head`` makes a new ``Token`` on every call)."""
    chain = [tok]
    while len(chain) < limit:
        head = tok.head
        if head.i == tok.i:
            break
        chain.append(head)
        tok = head
    return chain


def _path(cand: Token, down: list[Token], down_idx: dict[int, int]) -> str:
    """The dependency path from ``cand`` up to the lowest common ancestor and down to
    the anchor: ``"nsubj^"``, ``"pobj<prep^"``, ``"nsubj^v^xcomp"``...; ``"far"`` when
    longer than four steps either way. ``down``: the anchor's :func:`_ancestors`,
    ``down_idx``: their token index -> position in ``down``."""
    # the candidate's chain of heads (:func:`_ancestors`), walked only as far as the
    # first word on the anchor's chain
    up = [cand]
    t = cand
    while True:
        j = down_idx.get(t.i)
        if j is not None:
            k = len(up) - 1
            if k > 4 or j > 4:
                return "far"
            ups = "<".join(x.dep_ for x in up[:k])
            downs = ">".join(x.dep_ for x in reversed(down[:j]))
            return f"{ups}^{downs}"
        if len(up) >= 8:
            return "far"
        head = t.head
        if head.i == t.i:
            return "far"
        up.append(head)
        t = head


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
    # each attribute read once (a spaCy attribute is a string-store look-up, and
    # ``Token.head`` makes a new ``Token`` on every call)
    dep, pos, ci, ai = cand.dep_, cand.pos_, cand.i, anchor.i
    head = cand.head
    ent = cand.ent_type_ or "-"
    apos = anchor.pos_
    prep = head.lower_ if dep == "pobj" else "-"
    side = "L" if ci < ai else "R"
    lem = cand.lemma_.lower() if pos != "PROPN" else "<propn>"
    f = [
        f"dep={dep}", f"pos={pos}", f"ent={ent}", f"path={path}",
        f"prep={prep}", f"side={side}", f"dist={_bucket(abs(ci - ai))}",
        f"type={etype}", f"apos={apos}", f"adep={anchor.dep_}", f"lem={lem}",
        f"path|type={path}|{etype}", f"prep|type={prep}|{etype}", f"dep|type={dep}|{etype}",
        f"path|pass={path}|{passive}", f"dep|pass={dep}|{passive}", f"side|type={side}|{etype}",
        f"ent|type={ent}|{etype}", f"hdep={head.dep_}",
        f"prep|apos={prep}|{apos}", f"path|apos={path}|{apos}",
    ]
    if pos == "PRON":
        f.append(f"pron={cand.lower_}")
    if dep == "pobj":
        hh = head.head
        if hh.i != ai:
            f.append(f"prep_of={hh.pos_}:{prep}")
    if any(c.dep_ == "poss" for c in cand.children):
        f.append("has_poss")
    if dep == "poss":
        f.append(f"poss_of_anchor={head.i == ai}")
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


def load_artefact(path: str, reader):
    """``reader(data)`` of the package's ``.npz`` artefact at ``path`` (relative to the
    ``tidings`` package), or None when the package has none or ``TIDINGS_MODEL=off``
    (the rules alone)."""
    if os.environ.get("TIDINGS_MODEL", "").lower() == "off":
        return None
    ref = resources.files("tidings").joinpath(path)
    if not ref.is_file():
        return None
    with resources.as_file(ref) as p, np.load(p, allow_pickle=False) as data:
        return reader(data)


@lru_cache(maxsize=1)
def load_argument_model() -> ArgumentModel | None:
    """The shipped argument model, or None when the package has none or
    ``TIDINGS_MODEL=off`` (the rules alone, as for the trigger model)."""
    return load_artefact(MODEL_FILE, ArgumentModel.from_npz)
