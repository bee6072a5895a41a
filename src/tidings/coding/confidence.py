"""The confidence of an event: evidence features and the fitted logistic calibration."""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from ..records import Entity
from . import syntax
from .trigger import Trigger
from .words import words

#: Names of the features of :func:`confidence_features`, in order.
FEATURES = ("lexical_weight", "political_actor", "political_recipient", "no_actor",
            "noun_trigger", "reported", "main_event", "person_or_group_actor", "clause_root",
            "present_tense", "short_sentence", "single_trigger", "named_actor", "in_quote", "lede")


def confidence_features(t: Trigger, actors: list[Entity], recips: list[Entity], main: bool,
                        claimed: list[Entity], sentence_index: int = 0) -> list[float]:
    """The evidence for one event as numbers in 0..1 (names in :data:`FEATURES`).

    Political actors are entities with a country or IGO and a political sector
    (``political_sectors``); events by and on them are what PLOVER codes (PLOVER manual,
    actors and sectors). ``sentence_index`` (0-based, in the story) marks the lede: news
    is written as an inverted pyramid, so the first three sentences report the story's
    new events and later ones more often background (in the team's hand-judged VOA
    events, 61% of events coded in sentences 0-2 were right against 42% after sentence 18).
    """
    sectors = words("political_sectors")

    def pol(es: list[Entity]) -> bool:
        return any((e.country or e.igo) and (e.sector in sectors or e.sector is None) for e in es)

    return [
        float(t.weight),
        float(pol(actors)),
        float(pol(recips)),
        float(not actors),
        float(t.is_noun),
        float(bool(claimed)),
        float(main),
        float(any(e.sector for e in actors)),
        float(syntax.depth(t.frame) == 0),
        float(t.frame.tag_ in ("VBP", "VBZ", "VB") and "future" not in t.aux),
        float(len(t.token.sent) <= 35),
        float(t.n_live <= 1),
        float(any(e.name for e in actors)),
        float(syntax.in_quote(t.token)),
        float(sentence_index <= 2),
    ]


@lru_cache(maxsize=1)
def load_calibration() -> tuple[list[float], float] | None:
    """Logistic calibration ``(coefficients, intercept)`` over :data:`FEATURES` from
    ``data/calibration.json`` (fitted by ``scripts/calibrate.py`` on hand-judged events),
    or None when the file is absent or its features differ (then a hand-set score is used)."""
    f = resources.files("tidings").joinpath("data/calibration.json")
    if not f.is_file():
        return None
    d = json.loads(f.read_text(encoding="utf-8"))
    if list(d.get("features", [])) != list(FEATURES):
        return None
    return [float(x) for x in d["coef"]], float(d["intercept"])


def confidence(feats: list[float], calibration: tuple[list[float], float] | None, t: Trigger,
               actors: list[Entity], recips: list[Entity], main: bool) -> float:
    """The event's confidence in 0..1: the calibrated logistic model over ``feats``, or
    without a calibration a hand-set score from the same evidence."""
    if calibration is not None:
        coef, b = calibration
        z = b + sum(w * x for w, x in zip(coef, feats))
        return round(1.0 / (1.0 + math.exp(-z)), 3)
    score = 0.25 + 0.45 * t.weight
    if actors:
        score += 0.12
    if recips:
        score += 0.06
    if main:
        score += 0.05
    if t.is_noun:
        score -= 0.05
    if t.aux & {"negation", "hypothetical"}:
        score -= 0.1
    return max(0.05, min(0.97, round(score, 3)))
