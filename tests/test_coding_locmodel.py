"""Tests of tidings.coding.locmodel: the learned place filter (issue 17).

Sentences written for these tests. The filter keeps a place the event happened at
("attacked a police station in Kandahar", "met in Geneva") and drops a place that is
only the topic of a noun ("discussed the humanitarian crisis in Sudan") or where other
people are ("imposed sanctions on companies in Iran").
"""

from __future__ import annotations

import numpy as np
import pytest

from tidings.coding.locmodel import LocationModel, load_location_model, place_head, span_of
from tidings.records import Story


@pytest.fixture(scope="module")
def shipped_coders():
    """(coder with the shipped place filter, the same coder without it), every event kept."""
    from tidings.coding import Coder

    if load_location_model() is None:
        pytest.skip("no place filter shipped")
    return Coder(all_candidates=True), Coder(all_candidates=True, locmodel=None)


def _places(nlp, coder, text: str, etype: str) -> list[str | None]:
    evs = coder.code_doc(nlp(text), Story(id="p", text=text, pub_date="2025-03-03"))
    return [e.location.text if e.location else None for e in evs if e.event_type == etype]


@pytest.mark.parametrize("text, etype, place", [
    ("Militants attacked a police station in Kandahar on Monday.", "ASSAULT", "Kandahar"),
    ("The foreign ministers of Chile and Peru met in Geneva on Tuesday.", "CONSULT", "Geneva"),
    ("Police arrested 40 protesters in Tbilisi on Saturday.", "COERCE", "Tbilisi"),
    ("Protesters rallied outside the parliament building in Yerevan.", "PROTEST", "Yerevan"),
])
def test_locmodel_keeps_the_place_where_the_event_happened(nlp, shipped_coders, text, etype, place) -> None:
    with_filter, without = shipped_coders
    assert _places(nlp, without, text, etype)[:1] == [place]
    assert _places(nlp, with_filter, text, etype)[:1] == [place]


@pytest.mark.parametrize("text, etype, topic", [
    ("The two leaders discussed the humanitarian crisis in Sudan.", "CONSULT", "Sudan"),
    ("Washington imposed sanctions on companies in Iran that supply drones.", "SANCTION", "Iran"),
])
def test_locmodel_drops_a_place_that_is_only_a_topic(nlp, shipped_coders, text, etype, topic) -> None:
    with_filter, without = shipped_coders
    assert _places(nlp, without, text, etype)[:1] == [topic]      # the rules' choice
    assert _places(nlp, with_filter, text, etype)[:1] == [None]
    evs = with_filter.code_doc(nlp(text), Story(id="p", text=text, pub_date="2025-03-03"))
    assert "model:no-place" in next(e for e in evs if e.event_type == etype).rules


def test_locmodel_keeps_the_place_country_for_the_story_memory(nlp, shipped_coders) -> None:
    # the dropped place still completes the countries as the rules' place does
    with_filter, without = shipped_coders
    text = "The two leaders discussed the humanitarian crisis in Sudan."
    a, b = (c.code_doc(nlp(text), Story(id="p", text=text, pub_date="2025-03-03")) for c in shipped_coders)
    assert [(e.event_type, [x.country for x in e.actor], [x.country for x in e.recipient]) for e in a] == \
        [(e.event_type, [x.country for x in e.actor], [x.country for x in e.recipient]) for e in b]


def test_locmodel_probability_threshold_and_round_trip(tmp_path) -> None:
    m = LocationModel(["a", "b", "c"], np.array([2.0, -1.0, 0.5]), -0.5, 0.6)
    assert m.proba(["a"]) == pytest.approx(1 / (1 + np.exp(-1.5)))
    assert m.proba(["zzz"]) == pytest.approx(1 / (1 + np.exp(0.5)))     # unknown features add nothing
    assert m.keep(["a"]) and not m.keep(["b", "c"])
    p = tmp_path / "l.npz"
    m.save(p)
    with np.load(p, allow_pickle=False) as data:
        m2 = LocationModel.from_npz(data)
    assert m2.threshold == 0.6 and m2.proba(["a", "c"]) == pytest.approx(m.proba(["a", "c"]), abs=1e-6)


def test_locmodel_span_and_head_of_a_place(nlp) -> None:
    text = "Talks were held in the port city of Aden and later in Aden again."
    doc = nlp(text)
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.text == "Aden"]
    assert span_of(text, "Aden", ents[1:]) == (ents[1][0], ents[1][1])     # the labelled one
    assert span_of(text, "Aden", []) == (text.index("Aden"), text.index("Aden") + 4)
    assert span_of(text, "Sanaa", []) is None
    k = text.index("the port city of Aden")
    assert place_head(list(doc), k, k + len("the port city of Aden")).text == "city"
