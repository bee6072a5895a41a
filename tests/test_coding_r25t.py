"""r25t: lead events a fresh user's stories had no record of (twenty-fifth round). Every
sentence here was written for these tests.

1. An order to leave given to a charge d'affaires (spaCy's lemma "d'affaire") or to a UN
   mission's official ("the UN resident coordinator": UN as a noun modifier) expels him,
   SANCTION expel (``frame:ordered-diplomat-to-leave-is-expulsion``; PLOVER manual,
   SANCTION expel: "Expel diplomats, peacekeepers, NGOs").
2. A captive, soldier or body handed back to a state is released, RETREAT release
   (``sense:captive-handed-to-a-state-is-release``; annotation guide section 3, RETREAT
   release); a wanted suspect handed to a state stays COOPERATE, keys handed over are no
   release.
3. Declaring another party's act an act of war is THREATEN
   (``frame:declared-act-of-war-is-threat``; guide section 3, THREATEN).
"""

from __future__ import annotations

import pytest

from conftest import of_type, shown

pytestmark = pytest.mark.slow


# ------------------------------------------------------------ 1. ordered to leave

@pytest.mark.parametrize("text, recipient", [
    ("The junta in Niamey ordered the Dutch charge d'affaires to leave within 48 hours.", "NLD"),
    ("Burundi ordered the UN resident coordinator to leave the country within a week.", None),
])
def test_order_to_leave_is_expulsion(default_code, text, recipient):
    evs = default_code(text)
    got = [e for e in of_type(evs, "SANCTION") if e.mode == "expel"]
    assert got, shown(evs)
    assert "frame:ordered-diplomat-to-leave-is-expulsion" in got[0].rules
    assert "ACCUSE" not in {e.event_type for e in evs}, shown(evs)
    if recipient:
        assert [r.country for r in got[0].recipient] == [recipient]


@pytest.mark.parametrize("text", [
    "The manager ordered the staff to leave the building early.",
    "The coach told the team coordinator to leave the pitch.",
])
def test_other_orders_to_leave_are_no_expulsion(default_code, text):
    evs = default_code(text)
    assert not [e for e in evs if e.event_type == "SANCTION"], shown(evs)


# ------------------------------------------------------------ 2. captives handed back

@pytest.mark.parametrize("text", [
    "Bangladesh handed over two detained Myanmar border guards to Myanmar on Friday.",
    "Armenia handed over the bodies of four Azerbaijani soldiers to Azerbaijan.",
    "Eritrea handed the captured Ethiopian pilot over to Ethiopia at the border.",
])
def test_captive_handed_to_a_state_is_release(default_code, text):
    evs = default_code(text)
    got = [e for e in of_type(evs, "RETREAT") if e.mode == "release"]
    assert got, shown(evs)
    assert "sense:captive-handed-to-a-state-is-release" in got[0].rules


def test_wanted_suspect_handed_to_a_state_stays_cooperation(default_code):
    evs = default_code("Colombia handed over a wanted drug smuggler to Peru on Monday.")
    assert of_type(evs, "COOPERATE")
    assert not [e for e in evs if e.mode == "release"], shown(evs)


def test_keys_handed_over_are_no_release(code_text):
    evs = code_text("The landlord handed over the keys to the new tenant.")
    assert not [e for e in evs if e.mode == "release"], shown(evs)


# ------------------------------------------------------------ 3. an act of war declared

@pytest.mark.parametrize("text", [
    "Ethiopia said any attack on the dam would be considered an act of war.",
    "Manila said it would treat any landing on the reef as an act of war.",
])
def test_declared_act_of_war_is_threat(default_code, text):
    evs = default_code(text)
    got = of_type(evs, "THREATEN")
    assert "frame:declared-act-of-war-is-threat" in got[0].rules
    assert "ACCUSE" not in {e.event_type for e in evs}, shown(evs)


def test_act_of_war_as_an_object_is_no_threat(code_text):
    evs = code_text("The court considered the act of war claims in 2019.")
    assert not [e for e in evs if e.event_type == "THREATEN"], shown(evs)


# ------------------------------------------------------------ 4. a refusal until a condition

@pytest.mark.parametrize("text", [
    "Kenya will not sign the trade deal until Uganda lifts its import ban.",
    "Peru won't accept the new border treaty unless Chile withdraws its claim.",
])
def test_refusal_until_a_condition_is_rejection(default_code, text):
    evs = default_code(text)
    got = of_type(evs, "REJECT")
    assert "event:refusal-until-a-condition-is-rejection" in got[0].rules
    assert got[0].actor and got[0].actor[0].country in ("KEN", "PER")


# ------------------------------------------------------------ 5. a strike on "what X called Y"

def test_strike_on_what_a_state_called_a_target_is_assault(default_code):
    evs = default_code('Turkish jets bombed what Ankara called "terrorist shelters" near the border on Monday.')
    got = of_type(evs, "ASSAULT")
    assert got[0].actor and got[0].actor[0].country == "TUR"


def test_what_a_mayor_called_a_tragedy_is_no_assault(code_text):
    evs = code_text("The mayor called what happened at the fair a tragedy.")
    assert "ASSAULT" not in {e.event_type for e in evs}, shown(evs)
