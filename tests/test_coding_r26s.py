"""r26s: releases, conditions and refused complements a fresh user met (twenty-sixth
round). Every sentence here was written for these tests.

1. People marked as held by the other side ("captured", "detained": ``captor_participles``)
   given back are released, RETREAT release by the party that held them
   (``sense:returned-captives-are-released``; annotation guide section 3, RETREAT release).
   Boats returned to their owners are no release.
2. An act in an "until"/"till" clause of a main clause with will/would/shall is a
   condition still to be met, hypothetical (``aux:until-clause-of-coming-act``; PLOVER
   manual, Auxiliary modes). A past narrative ("fought until the rebels withdrew") keeps
   both acts as done.
3. A cooperative act named inside the to-clause of refuse/decline ("declined to fix a date
   for signing the pact") is the refused thing, no event of its own; the REJECT stays
   (``filter:refused-act-complement-is-no-event``; annotation guide section 4).
"""

from __future__ import annotations

import pytest

from conftest import happened, of_type, shown

pytestmark = pytest.mark.slow


# ------------------------------------------------------------ 1. returned captives
@pytest.mark.parametrize("text", [
    "Ukraine on Friday returned 40 captured Russian conscripts, officials in Moscow said.",
    "Venezuela returned three detained Guyanese fishermen on Tuesday.",
])
def test_returned_captives_are_released(default_code, text):
    evs = default_code(text)
    rel = [e for e in of_type(evs, "RETREAT") if e.mode == "release"]
    assert rel, shown(evs)
    assert "sense:returned-captives-are-released" in rel[0].rules


def test_returned_boats_are_no_release(default_code):
    evs = default_code("The navy returned the fishing boats to their owners on Sunday.")
    assert not [e for e in evs if e.event_type == "RETREAT" and e.mode == "release"], shown(evs)


# ------------------------------------------------------------ 2. "until" conditions
@pytest.mark.parametrize("text", [
    "The government said the checkpoint would stay shut until the rebels released the hostages.",
    "Officials said the port will remain closed till the militia withdraws from the harbour.",
])
def test_act_awaited_in_until_clause_is_hypothetical(default_code, text):
    evs = default_code(text)
    ret = of_type(evs, "RETREAT")
    assert all("hypothetical" in e.aux_modes for e in ret), shown(evs)
    assert "RETREAT" not in happened(evs), shown(evs)


def test_past_until_clause_stays_done(default_code):
    evs = default_code("The army fought for three days until the rebels withdrew from the town.")
    assert "RETREAT" in happened(evs), shown(evs)
    assert "ASSAULT" in happened(evs), shown(evs)


# ------------------------------------------------------------ 3. refused complements
@pytest.mark.parametrize("text", [
    "The minister refused to fix a timetable for signing the trade pact.",
    "The president declined to set a date for signing the border accord.",
])
def test_act_in_refused_complement_is_no_event(default_code, text):
    evs = default_code(text)
    assert of_type(evs, "REJECT")
    assert not {"SUPPORT", "AGREE"} & {e.event_type for e in evs}, shown(evs)


def test_signing_told_as_done_stays(default_code):
    evs = default_code("The two presidents signed the border accord in Geneva on Friday.")
    assert {"AGREE", "SUPPORT"} & happened(evs), shown(evs)
