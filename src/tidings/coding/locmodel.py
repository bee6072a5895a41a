"""The learned place filter: is the place the rules chose for an event where it happened?

:func:`tidings.places.event_location` picks an event's place by rule (the weight of the
preposition that governs a place name, its distance from the trigger, reporting clauses,
possessives). On the corpus train split most of the places it gives to events whose
gold record has none are real places that are not where the event happened: the topic
of a noun ("the crises in Ethiopia", "efforts in West Africa"), a place in a relative or
reported clause, the home of a participant. This model reads the chosen place's
relation to the event in the parse (:func:`features`: the dependency path from the place
name to the event's anchor, the preposition and the word it attaches to, the event type,
the kind of place, whether it is an actor's or recipient's country) and gives the
probability that the gold record would place the event there. The coder keeps the place
when that probability reaches the model's threshold; else the event has no place.

The artefact ``data/model/locations.npz`` (vocabulary, weights, bias, threshold; arrays
only) is written by ``python -m tidings.learn.locations_train`` from the corpus train
split, the threshold chosen on dev (best place F1, as ``tidings eval`` scores
``location_precision`` and ``location_recall``); its bytes enter the pipeline version.
Run time needs numpy only. ``TIDINGS_MODEL=off`` turns it off with the other models.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from spacy.tokens import Token

from .argmodel import features_many, load_artefact

MODEL_FILE = "data/model/locations.npz"


def place_head(sent_tokens: list[Token], a: int, b: int) -> Token | None:
    """The syntactic head of the tokens whose characters (``Token.idx``, document
    offsets) start in ``a..b``: the one whose head lies outside them; None when no
    token starts there."""
    inside = [t for t in sent_tokens if a <= t.idx < b]
    if not inside:
        return None
    ids = {t.i for t in inside}
    return next((t for t in inside if t.head.i not in ids or t.head.i == t.i), inside[0])


def features(head: Token, anchor: Token, etype: str, prep_weight: float, feature: str,
             country: str | None, arg_countries: set[str], first_sentence: bool) -> list[str]:
    """String features of a chosen place for the event of type ``etype`` anchored at
    ``anchor`` (the trigger's frame).

    Args:
        head: the head word of the place name in the sentence.
        prep_weight: :func:`tidings.places.preposition_weight` of the name (0-3.5).
        feature: the resolved place's kind (``populated_place``, ``admin1``,
            ``country``, ``other``).
        country: the place's ISO3 country or None; arg_countries: the countries of
            the event's actors and recipients.
        first_sentence: whether the sentence is the story's first (datelines, leads).
    Returns:
        feature strings; the argument model's features of the word
        (:func:`tidings.coding.argmodel.features`) with the same prefixes, and the
        place's own.
    """
    f = features_many([head], anchor, etype)[0]
    gov = head.head.head if head.dep_ == "pobj" else head.head
    gpos = gov.pos_
    glem = gov.lemma_.lower() if gpos in ("NOUN", "VERB", "AUX") else gpos
    f += [
        f"pw={prep_weight:g}", f"pw|type={prep_weight:g}|{etype}",
        f"feat={feature}", f"feat|type={feature}|{etype}",
        f"gov_is_anchor={gov.i == anchor.i}", f"gpos={gpos}", f"glem={glem}",
        f"glem|pw={glem}|{prep_weight:g}",
        f"argc={'yes' if country and country in arg_countries else 'no' if country else 'none'}",
        f"first={first_sentence}",
    ]
    return f


class LocationModel:
    """The place filter: a binary logistic regression and its threshold.

    Args:
        vocab: feature strings (length V); weights: ``(V,)`` float array; bias: float;
        threshold: the least probability at which a chosen place is kept.
    """

    def __init__(self, vocab: list[str], weights: np.ndarray, bias: float, threshold: float) -> None:
        self.index = {v: i for i, v in enumerate(vocab)}
        self.weights = np.asarray(weights, dtype=np.float64)
        self.bias = float(bias)
        self.threshold = float(threshold)

    def proba(self, feats: list[str]) -> float:
        """The probability (0..1) that the place is the event's, from :func:`features`."""
        get = self.index.get
        idx = [i for i in map(get, feats) if i is not None]
        z = self.bias + (float(self.weights[idx].sum()) if idx else 0.0)
        return float(1.0 / (1.0 + np.exp(-z)))

    def keep(self, feats: list[str]) -> bool:
        """True when :meth:`proba` reaches the threshold."""
        return self.proba(feats) >= self.threshold

    def save(self, path) -> None:
        """Write the artefact (``.npz``; arrays only, no pickles)."""
        vocab = sorted(self.index, key=self.index.get)
        np.savez_compressed(path, vocab=np.array(vocab, dtype=str), weights=self.weights.astype(np.float32),
                            bias=np.array([self.bias]), threshold=np.array([self.threshold]))

    @classmethod
    def from_npz(cls, data) -> "LocationModel":
        """Read an artefact written by :meth:`save` (a loaded ``np.load`` mapping)."""
        return cls(list(map(str, data["vocab"])), data["weights"], float(data["bias"][0]),
                   float(data["threshold"][0]))


@lru_cache(maxsize=1)
def load_location_model() -> LocationModel | None:
    """The shipped place filter, or None when the package has none or
    ``TIDINGS_MODEL=off``."""
    return load_artefact(MODEL_FILE, LocationModel.from_npz)


def span_of(stext: str, text: str, place_ents: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """Where in ``stext`` the chosen place ``text`` is: the labelled entity of that text
    when there is one, else its first occurrence; None when absent."""
    for a, b, _ in place_ents:
        if stext[int(a):int(b)] == text:
            return int(a), int(b)
    k = stext.find(text)
    return (k, k + len(text)) if k >= 0 else None


__all__ = ["LocationModel", "features", "load_location_model", "place_head", "span_of"]
