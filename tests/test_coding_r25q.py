"""r25q: left-over kinds of the twenty-fifth round. Every sentence here was written for
these tests.

1. "reached agreement on X" told as done is AGREE with a prior of 0.5
   (sense:reached-agreement-told-as-done-is-agreement; guide section 3, AGREE).
2. "failed to agree on" / "could not agree to" is REJECT with a prior of 0.5
   (event:failed-to-agree-is-rejection; guide sections 4-5: "failed to agree").
3. A proposed or suggested meeting is no CONSULT; the proposal is AGREE
   (sense:proposed-meeting-is-offer; train gold "proposed an annual meeting" AGREE).
4. "lifted / eased the blockade of X" stays RETREAT by default (prior, COERCE turned down).
5. "lifted the state of siege" is CONCEDE (sense:lifted-state-of-siege-is-concession).
6. "withdrew the bill / decree" is CONCEDE (guide, CONCEDE: "withdrawing a demand").
7. Sanctions named as the cause of harm are no SANCTION (filter:sanctions-as-cause-are-no-event).
8. Warning a party about a hazard is no THREATEN (speech:warned-party-of-hazard-is-speech).
"""

from __future__ import annotations

import pytest

from conftest import of_type, shown

pytestmark = pytest.mark.slow


def types(evs):
    return {e.event_type for e in evs}


# ------------------------------------------------------------ 1. reached agreement

def test_reached_agreement_on_a_swap_is_agreement(default_code):
    evs = default_code("The ministers reached agreement on a swap of detained soldiers.")
    ev = of_type(evs, "AGREE")[0]
    assert "sense:reached-agreement-told-as-done-is-agreement" in ev.rules
    assert ev.confidence >= 0.4, shown(evs)


def test_negated_reached_agreement_stays_rejection(default_code):
    evs = default_code("The two prime ministers did not reach agreement on the fishing quotas.")
    assert "AGREE" not in types(evs), shown(evs)
    assert of_type(evs, "REJECT")


# ------------------------------------------------------------ 2. failed to agree

@pytest.mark.parametrize("text", [
    "The rival factions failed to agree on a truce in the north.",
    "The coalition partners could not agree on a new budget timetable.",
])
def test_failed_to_agree_is_rejection(default_code, text):
    evs = default_code(text)
    ev = of_type(evs, "REJECT")[0]
    assert "event:failed-to-agree-is-rejection" in ev.rules
    assert not {"negation", "hypothetical"} & set(ev.aux_modes)
    assert "AGREE" not in types(evs), shown(evs)


def test_agreeing_stays_agreement(code_text):
    evs = code_text("The rival factions agreed on a truce in the north.")
    assert "REJECT" not in types(evs), shown(evs)
    assert of_type(evs, "AGREE")


# ------------------------------------------------------------ 3. proposed meeting

@pytest.mark.parametrize("text", [
    "The premier proposed a meeting with the opposition leader.",
    "The mediator suggested talks between the two militias next month.",
])
def test_proposed_meeting_is_agreement_not_consult(default_code, text):
    evs = default_code(text)
    assert "CONSULT" not in types(evs), shown(evs)
    assert "sense:proposed-meeting-is-offer" in of_type(evs, "AGREE")[0].rules


def test_held_meeting_stays_consult(code_text):
    evs = code_text("The premier held a meeting with the opposition leader on Monday.")
    assert of_type(evs, "CONSULT"), shown(evs)


# ------------------------------------------------------------ 4-5. blockade, state of siege

@pytest.mark.parametrize("text", [
    "Egypt lifted the blockade of the border town on Monday.",
    "The navy eased its blockade of the island's ports.",
])
def test_lifted_blockade_is_retreat_by_default(default_code, text):
    evs = default_code(text)
    assert "COERCE" not in types(evs), shown(evs)
    assert "sense:lifted-blockade-is-retreat" in of_type(evs, "RETREAT")[0].rules


def test_lifted_state_of_siege_is_concession(default_code):
    evs = default_code("The junta lifted the state of siege in the southern provinces.")
    assert not {"RETREAT", "COERCE"} & types(evs), shown(evs)
    assert "sense:lifted-state-of-siege-is-concession" in of_type(evs, "CONCEDE")[0].rules


def test_lifted_state_of_emergency_keeps_its_rule(code_text):
    evs = code_text("The president lifted the state of emergency in the capital.")
    assert "sense:lifted-curfew-is-concession" in of_type(evs, "CONCEDE")[0].rules


# ------------------------------------------------------------ 6. withdrawn measure

def test_withdrawn_bill_is_concession(default_code):
    evs = default_code("The cabinet withdrew the fuel tax bill after a week of criticism.")
    assert "RETREAT" not in types(evs), shown(evs)
    assert "sense:withdrawn-measure-is-concession" in of_type(evs, "CONCEDE")[0].rules


def test_withdrawn_troops_stay_retreat(code_text):
    evs = code_text("The army withdrew its troops from the northern province.")
    assert of_type(evs, "RETREAT")[0].mode == "withdraw", shown(evs)


# ------------------------------------------------------------ 7. sanctions as a cause

@pytest.mark.parametrize("text", [
    "Venezuela said the sanctions had hurt poor families.",
    "The minister said the embargo had crippled the fishing industry.",
])
def test_sanctions_as_cause_are_no_event(default_code, text):
    evs = default_code(text)
    assert "SANCTION" not in types(evs), shown(evs)


def test_imposed_sanctions_stay_sanction(default_code):
    evs = default_code("The EU imposed new sanctions on the state airline.")
    assert of_type(evs, "SANCTION"), shown(evs)


# ------------------------------------------------------------ 8. warning about a hazard

@pytest.mark.parametrize("text", [
    "The coach warned the players about the icy pitch.",
    "The park rangers warned the hikers of falling rocks.",
])
def test_warning_about_hazard_is_no_threat(default_code, text):
    evs = default_code(text)
    assert "THREATEN" not in types(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The general warned the rebels of a harsh response.",
    "The ministry warned the smugglers of severe consequences.",
])
def test_warning_of_consequences_stays_threat(code_text, text):
    evs = code_text(text)
    assert of_type(evs, "THREATEN"), shown(evs)
