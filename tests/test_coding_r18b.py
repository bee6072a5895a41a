"""Wrong types, parties and places in conflict and protest reports (eighteenth round's
trial, stories of 6 March 2025), on sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import happened, of_type, shown


# -- 1. force used to disperse a crowd is ASSAULT crowd-control -----------------------------
# docs/annotation.md section 5 (police disperse a protest: "dispersed" by police counts as a
# crowd-control tactic); PLOVER manual, ASSAULT crowd-control; CAMEO 175 -> ASSAULT.

@pytest.mark.parametrize("text", [
    "Gendarmes swinging truncheons dispersed hundreds of traders outside the town hall in Ziguinchor.",
    "Police in Kampala dispersed a gathering of opposition supporters on Sunday.",
    "Security agents dispersed the mourners with water cannon near the cathedral.",
])
def test_dispersing_a_crowd_is_crowd_control_assault(code_text, text):
    evs = code_text(text)
    ev = of_type(evs, "ASSAULT")[0]
    assert ev.mode == "crowd-control", shown(evs)
    assert "COERCE" not in {e.event_type for e in evs}, shown(evs)


def test_dispersing_a_crowd_passes_the_default_output(default_code):
    evs = default_code("Riot police used clubs to disperse students marching on the ministry in Dakar.")
    assert "ASSAULT" in happened(evs) and "COERCE" not in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The marchers dispersed quietly at dusk after the speeches in Accra.",
    "The crowd outside the stadium dispersed once the rain began.",
])
def test_a_crowd_dispersing_by_itself_is_no_assault(code_text, text):
    evs = code_text(text)
    assert "ASSAULT" not in {e.event_type for e in evs}, shown(evs)


def test_pushing_back_a_crowd_stays_coerce(code_text):
    # near miss: no weapon and no dispersal ("police pushed back protesters": COERCE restrict)
    evs = code_text("Police cordoned off the square where the nurses had planned to rally.")
    assert "ASSAULT" not in {e.event_type for e in evs}, shown(evs)
