"""Releases and concessions, the PLOVER RETREAT/CONCEDE line (seventeenth round, r17a).

Sentences written for these tests (none from the corpus or an evaluation file): each
kind has sentences that failed before its change and near-misses that must not change.
"""

from __future__ import annotations

import pytest

from conftest import happened, shown

pytestmark = pytest.mark.slow


def _types(events, trigger_word: str) -> set[str]:
    return {e.event_type for e in events if trigger_word in (e.trigger or "")}


# --- 1. a released person known by office or occupation (sectors.yaml role nouns) -----

@pytest.mark.parametrize("text,trigger", [
    ("Gunmen released the abducted nurse on Tuesday after a ransom was paid.", "released"),
    ("The captors released the kidnapped magistrate on Sunday.", "released"),
    ("Police released two of the detained senators late on Friday.", "released"),
    ("Insurgents released a district governor they had seized in March.", "released"),
])
def test_released_role_noun_is_release(code_text, text, trigger):
    events = code_text(text)
    assert "RETREAT" in _types(events, trigger), shown(events)
    assert any(e.mode == "release" for e in events if e.event_type == "RETREAT"), shown(events)


def test_announced_release_of_official_is_concession(default_code):
    events = default_code("The rebels announced that they will release the kidnapped mayor.")
    assert "CONCEDE" in happened(events), shown(events)


@pytest.mark.parametrize("text", [
    "The army released video footage of the raid.",
    "The military released intelligence showing a troop build-up.",
    "The navy released the drone images on Monday.",
    "The ministry released its annual report on Monday.",
    "The central bank released new figures on inflation.",
])
def test_released_thing_stays_no_release(code_text, text):
    events = code_text(text)
    assert "RETREAT" not in _types(events, "releas"), shown(events)


# --- 2. accepting a party's demand is CONCEDE (annotation guide section 3) -------------

@pytest.mark.parametrize("text,trigger", [
    ("The cabinet accepted the truckers' demands late on Friday.", "accepted"),
    ("The mayor agreed to the taxi drivers' demand for lower fees.", "agreed"),
    ("The regime has agreed to all of the guerrillas' conditions.", "agreed"),
    ("The factory owners finally bowed to the miners' ultimatum.", "bowed"),
    ("The council acceded to the traders' demands after the boycott.", "acceded"),
    ("The governor granted the villagers' request for a new road.", "request"),
])
def test_accepted_demand_is_concession(code_text, text, trigger):
    events = code_text(text)
    got = _types(events, trigger)
    assert "CONCEDE" in got and "AGREE" not in got, shown(events)


def test_agreed_to_terms_is_concession_by_default(default_code):
    events = default_code("Kenya has agreed to all of the lenders' terms, the treasury said.")
    assert "CONCEDE" in happened(events) and "AGREE" not in happened(events), shown(events)


@pytest.mark.parametrize("text", [
    "The junta did not accept the opposition's demands.",
    "The rebels cannot accept the army's conditions for a truce.",
])
def test_refused_demand_is_rejection(code_text, text):
    events = code_text(text)
    assert "REJECT" in {e.event_type for e in events}, shown(events)
    assert "CONCEDE" not in {e.event_type for e in events}, shown(events)


@pytest.mark.parametrize("text,want", [
    ("The government agreed to the peace plan.", "AGREE"),
    ("The junta accepted the invitation to the summit.", "AGREE"),
    ("Both sides accepted the terms of the truce.", "AGREE"),
])
def test_accepted_plan_or_invitation_stays_agreement(code_text, text, want):
    events = code_text(text)
    assert want in {e.event_type for e in events}, shown(events)
    assert "CONCEDE" not in {e.event_type for e in events}, shown(events)


@pytest.mark.parametrize("text", [
    "The students submitted their demands to the dean.",
    "Serbia does not yet meet the conditions for membership.",
])
def test_stated_demand_or_criteria_is_no_concession(code_text, text):
    events = code_text(text)
    assert "CONCEDE" not in {e.event_type for e in events}, shown(events)


# --- 4. "would/will support" a measure, in reported speech, is SUPPORT now ---------------

def _support_now(events, trigger_word: str) -> list:
    return [e for e in events if e.event_type == "SUPPORT" and trigger_word in (e.trigger or "")
            and not set(e.aux_modes) & {"future", "hypothetical", "negation"}]


@pytest.mark.parametrize("text,trigger", [
    ("The foreign minister said Spain would support the new sanctions on the junta.", "support"),
    ("Officials in Lima said Peru would back the regional trade pact.", "back"),
    ("We will always endorse the right of the islanders to decide their future.", "endorse"),
])
def test_endorsed_measure_is_support_now(code_text, text, trigger):
    events = code_text(text)
    assert _support_now(events, trigger), shown(events)
    assert "AGREE" not in _types(events, trigger), shown(events)


@pytest.mark.parametrize("text,trigger,want", [
    # a party supported with an act to come: a pledge, AGREE (event:future-cooperation-is-agreement)
    ("Officials said Venezuela will support Colombia by sending more border guards.", "support", "AGREE"),
    # going on supporting: a pledge, AGREE as before
    ("We will continue to support the people of Sudan in their hour of need.", "support", "AGREE"),
])
def test_pledged_support_stays_agreement(code_text, text, trigger, want):
    events = code_text(text)
    assert want in _types(events, trigger), shown(events)


def test_plain_would_stays_hypothetical(code_text):
    events = code_text("Such a plan would support the local economy if parliament passed it.")
    assert not _support_now(events, "support"), shown(events)
