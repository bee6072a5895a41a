"""Event-type kinds of the eighteenth round's fresh-user trial (threats read as
cooperation or meetings, background nouns read as acts, one act counted twice), on
sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import happened, shown


# --- 1. threats read as cooperation or meetings -------------------------------------

@pytest.mark.parametrize("text", [
    "Any incursion into our territorial waters will be met with a decisive response.",
    "The defence minister said any strike on the dam would be met with severe consequences.",
    "Renewed shelling of the border villages will be met with retaliation, the general warned.",
])
def test_reprisal_a_future_act_will_be_met_with_is_a_threat(code_text, text):
    """"will be met with a response / consequences / force" warns of a reprisal: THREATEN,
    no meeting, and no 'future' beside it (annotation guide sections 4 and 5)."""
    evs = code_text(text)
    assert "THREATEN" in happened(evs), shown(evs)
    assert "CONSULT" not in {e.event_type for e in evs}, shown(evs)
    assert all("future" not in e.aux_modes for e in evs if e.event_type == "THREATEN"), shown(evs)


@pytest.mark.parametrize("text", [
    "The raid on the fuel depot was met with a swift response from the garrison.",
    "The march was met with a harsh reaction from the riot police.",
])
def test_a_past_reception_is_no_meeting(code_text, text):
    evs = code_text(text)
    assert "CONSULT" not in {e.event_type for e in evs}, shown(evs)
    assert not [e for e in evs if e.trigger == "met"], shown(evs)


@pytest.mark.parametrize("text", [
    "The defence minister will meet with the joint task force in Herat on Monday.",
    "The envoy will meet with a delegation from Ghana next week.",
    "The minister met with visiting NATO forces at the base.",
])
def test_a_meeting_with_a_task_force_or_delegation_stays_a_meeting(code_text, text):
    evs = code_text(text)
    assert "CONSULT" in {e.event_type for e in evs}, shown(evs)
    assert "THREATEN" not in {e.event_type for e in evs}, shown(evs)

