"""r26i: acts a fresh user's timeline missed or mistyped, coded by kind.

* Officials, aid workers or journalists of a named organisation or foreign nation ordered
  out of a country are expelled: SANCTION expel (PLOVER manual, SANCTION expel: "Expel
  diplomats, peacekeepers, NGOs"); an order to leave a room, or to one's own staff, is not.
* Closing another state's embassy or consulate, or ordering its closure, is SANCTION
  discontinue (PLOVER manual, SANCTION discontinue); closing one's own embassy or a school is not.
* A missile launched so that it flies over another country, no target struck, is a weapons
  test: MOBILIZE weapons (annotation guide section 3, MOBILIZE); a missile that struck a target
  stays ASSAULT.

All sentences are new, written for these tests.
"""
from __future__ import annotations

import pytest

from conftest import of_type, shown

pytestmark = pytest.mark.slow


# ------------------------------------------------------------ 1. expelled officials

@pytest.mark.parametrize("text, recipient", [
    ("The military government ordered three Save the Children officials to leave the country.", None),
    ("Niamey ordered two French aid workers to leave the country.", "FRA"),
    ("The authorities gave four Reuters journalists 48 hours to leave Ethiopia.", None),
])
def test_named_organisation_staff_ordered_out_are_expelled(default_code, text, recipient):
    evs = default_code(text)
    got = [e for e in of_type(evs, "SANCTION") if e.mode == "expel"]
    assert got, shown(evs)
    assert "frame:ordered-diplomat-to-leave-is-expulsion" in got[0].rules
    if recipient:
        assert [r.country for r in got[0].recipient] == [recipient]


@pytest.mark.parametrize("text", [
    "The judge ordered the journalists to leave the courtroom.",
    "The charity ordered its aid workers to leave the town on Sunday.",
    "As she was leaving the hall, the minister told a French reporter that the vote was fair.",
])
def test_unnamed_or_own_staff_ordered_out_are_no_expulsion(default_code, text):
    evs = default_code(text)
    assert not [e for e in evs if e.event_type == "SANCTION"], shown(evs)


# ------------------------------------------------------------ 2. closed foreign missions

@pytest.mark.parametrize("text, recipient", [
    ("Nairobi ordered the closure of three Ugandan consulates on Friday.", "UGA"),
    ("The junta closed the Danish embassy on Tuesday.", "DNK"),
])
def test_closed_foreign_mission_is_sanction(default_code, text, recipient):
    evs = default_code(text)
    got = [e for e in of_type(evs, "SANCTION") if e.mode == "discontinue"]
    assert got, shown(evs)
    assert "frame:closed-foreign-mission-is-sanction" in got[0].rules
    assert [r.country for r in got[0].recipient] == [recipient]


@pytest.mark.parametrize("text", [
    "Canada closed its embassy in Kabul on Tuesday.",
    "The mayor ordered the closure of three schools.",
])
def test_own_mission_or_school_closure_is_no_sanction(default_code, text):
    evs = default_code(text)
    assert not [e for e in evs if e.event_type == "SANCTION"], shown(evs)


# ------------------------------------------------------------ 3. missile overflight

def test_missile_flying_over_a_country_is_a_weapons_test(default_code):
    evs = default_code("North Korea launched a ballistic missile that flew over Hokkaido.")
    got = [e for e in of_type(evs, "MOBILIZE") if e.mode == "weapons"]
    assert got, shown(evs)
    assert "sense:missile-flying-over-a-country-is-a-test" in got[0].rules
    assert "ASSAULT" not in {e.event_type for e in evs}, shown(evs)


def test_missile_that_struck_stays_assault(default_code):
    evs = default_code("Rebels fired a missile that struck a hospital in the city.")
    assert of_type(evs, "ASSAULT"), shown(evs)
    assert "MOBILIZE" not in {e.event_type for e in evs}, shown(evs)
