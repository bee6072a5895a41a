"""MOBILIZE, CONCEDE and RETREAT acts in ordinary wire wordings (twenty-fifth round, a
fresh user's trial: such acts were missed with no candidate or under the threshold).
The sentences are new, written for these tests.

- Raising the alert or readiness of forces is MOBILIZE troops
  (`frame:raised-alert-of-forces-is-mobilization`; annotation guide section 3, MOBILIZE:
  raised alert levels); a force word must be there, so a volcano's alert is no event.
- A party laying down or handing over its own weapons disarms: RETREAT disarm
  (`sense:handed-in-own-weapons-is-disarming`; guide, RETREAT: handing in weapons).
- Forces that pull back or out withdraw: RETREAT withdraw
  (`sense:forces-pulled-back-is-withdrawal`; guide, RETREAT: withdrawing forces).
- Eased restrictions and accepted demands are CONCEDE by default (priors on
  `sense:lifted-curfew-is-concession`, `sense:accepted-demand-is-concession`).
- "released the kidnapped aid workers" frees people: RETREAT release, not released funds
  (`sense:released-funds-are-aid` no longer reads a person's compound "aid").
"""

from __future__ import annotations

import pytest

from conftest import shown


def _types(events) -> list:
    return sorted((e.event_type, e.mode) for e in events)


def _rules(events, etype: str) -> set:
    return {r for e in events if e.event_type == etype for r in e.rules}


@pytest.mark.parametrize("text", [
    "Iran raised the alert level of its forces in the Gulf.",
    "Serbia ordered its army to the highest level of combat readiness.",
    "Seoul raised the alert level of its troops along the border on Friday.",
])
def test_raised_alert_of_forces_is_mobilization(default_code, text):
    evs = default_code(text)
    assert ("MOBILIZE", "troops") in _types(evs), shown(evs)
    assert "frame:raised-alert-of-forces-is-mobilization" in _rules(evs, "MOBILIZE"), shown(evs)


@pytest.mark.parametrize("text", [
    "Officials raised the alert level for the volcano on Tuesday.",
    "The health ministry raised the alert level after the outbreak.",
])
def test_an_alert_without_forces_is_no_mobilization(default_code, text):
    evs = default_code(text)
    assert "MOBILIZE" not in [e.event_type for e in evs]


@pytest.mark.parametrize("text", [
    "The militants laid down their weapons in Kivu.",
    "The rebels handed over their weapons to the United Nations.",
    "About 200 fighters of the militia laid down their arms in Bunia on Tuesday.",
])
def test_own_weapons_handed_in_is_disarming(default_code, text):
    evs = default_code(text)
    assert ("RETREAT", "disarm") in _types(evs), shown(evs)
    assert "sense:handed-in-own-weapons-is-disarming" in _rules(evs, "RETREAT"), shown(evs)


def test_refused_disarmament_stays_rejection(default_code):
    evs = default_code("The rebel commander said his fighters will not hand over their weapons.")
    assert "RETREAT" not in [e.event_type for e in evs]


@pytest.mark.parametrize("text", [
    "Armenian forces pulled back from the disputed villages.",
    "Ethiopian troops pulled back from two towns near the border on Monday.",
])
def test_forces_pulled_back_is_withdrawal(default_code, text):
    evs = default_code(text)
    assert ("RETREAT", "withdraw") in _types(evs), shown(evs)
    assert "sense:forces-pulled-back-is-withdrawal" in _rules(evs, "RETREAT"), shown(evs)


@pytest.mark.parametrize("text", [
    "China eased restrictions on travel to Macau.",
    "Bangladesh's interim government accepted the students' demands.",
])
def test_plain_concessions_are_found_by_default(default_code, text):
    evs = default_code(text)
    got = [e for e in evs if e.event_type == "CONCEDE"]
    # the gate alone gave 0.25 and 0.21; the rule's prior 0.5 is about 0.46 calibrated
    assert got and got[0].confidence >= 0.46, shown(evs)


def test_released_aid_workers_are_released(default_code):
    evs = default_code("The rebels released the kidnapped aid workers on Thursday.")
    assert _types(evs) == [("RETREAT", "release")]


def test_released_aid_money_stays_aid(code_text):
    # the rule layer's reading (the gate leaves this one under the threshold, as on main)
    evs = code_text("The IMF released a $400 million aid tranche to Sri Lanka.")
    assert "AID" in [e.event_type for e in evs]
    assert "RETREAT" not in [e.event_type for e in evs]


@pytest.mark.parametrize("text", [
    "The curfew begins at 10 p.m. every day.",
    "The prisoners are held in a jail outside the city.",
    "Reservists are usually paid less than regular soldiers.",
    "The troops enjoyed a concert in the capital.",
])
def test_controls_stay_eventless(default_code, text):
    assert default_code(text) == []


@pytest.mark.parametrize("text", [
    # counted forces (frame:sent-forces-are-mobilization reads counted_object)
    "Algeria sent thousands of soldiers to its border with Mali.",
    # frigates, destroyers, corvettes, gunboats are mobilizable (words.yaml)
    "Greece deployed frigates to the eastern Aegean on Thursday.",
])
def test_counted_forces_and_named_warships_are_mobilized(default_code, text):
    evs = default_code(text)
    assert "MOBILIZE" in [e.event_type for e in evs], shown(evs)
    assert "AID" not in [e.event_type for e in evs], shown(evs)


def test_eased_curbs_are_concession(default_code):
    evs = default_code("The Sri Lankan government eased curbs on fuel imports on Friday.")
    assert [e.event_type for e in evs] == ["CONCEDE"], shown(evs)


@pytest.mark.parametrize("text, etype", [
    # an act not told as done keeps the gate's belief, without the rules' prior
    ("Officials said the possibility of easing the curfew in the capital was being studied.", "CONCEDE"),
    ("The envoy said now was the time for the rebels to lay down their arms.", "RETREAT"),
])
def test_untensed_acts_take_no_prior(every_candidate, text, etype):
    evs = every_candidate(text)
    assert not [e for e in evs if e.event_type == etype and "model:prior" in e.rules], shown(evs)
