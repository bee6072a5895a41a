"""False events by kind, issue 16 (third round, on the learned coder's output): the
largest kinds of false events left on the corpus train split (default coder, grouped by
trigger lemma, type and the rule or model that made them), each fixed as data. A
sentence of each kind must lose the event (or take the right type), and its near
neighbour that does report the event must keep it. All sentences are the team's own.

Kinds:
- a death toll over months or years, told in the perfect ("300 farmers have been
  killed since 2015"), read as one attack (annotation guide section 1, statistics;
  11.9 labels the totals of one campaign, which stay).
- standing with a party in the future tense ("will continue to stand with the people
  of Moldova") recoded as a promise (AGREE): the statement of solidarity is the SUPPORT
  act itself (annotation guide 11.5).
- aid that a measure or a sum "will bring / provide / include" ("this authorization
  will bring total security assistance to $2 billion") recoded as a promise (AGREE):
  the measure's aid is AID (annotation guide, AGREE: acts promised by the actor).
- a killing, a shooting, a detention or a hostage-taking whose parse actor is a crowd
  noun ("several residents opened fire on the rebels", "the hundreds of students killed
  at the hands of the police") read as a demonstration (PROTEST): lethal violence is
  ASSAULT whoever does it, and a crowd a detention befalls is its victim (annotation
  guide section 3, PROTEST; actor:protesters-demonstrate, list no_demonstration_acts).
- a statement of support scheduled for a trip ("during the visit she will thank the
  Czech government for its support") recoded as a promise (AGREE): the scheduled
  statement is the SUPPORT act itself, told as a plain schedule (annotation guide
  section 4; list scheduled_speech_verbs).
"""

from __future__ import annotations

import pytest
from conftest import assert_dropped_by

pytestmark = pytest.mark.slow


TOTAL = "sense:casualty-total-over-a-period-is-no-assault"

NO_EVENT = [
    ("Some 300 farmers have been killed in the valley since 2015, the commission said.", "killed", TOTAL),
    ("So far this year, about 40 teachers have been killed in the northern provinces.", "killed", TOTAL),
    ("During the last eight months, nine mayors have been murdered by gangs in the state.", "murdered", TOTAL),
    ("In the past decade, more than 2,000 civilians have been killed in the border districts.", "killed", TOTAL),
]


@pytest.mark.parametrize("text,trigger,rule", NO_EVENT, ids=[t[0][:40] for t in NO_EVENT])
def test_kind_gives_no_event(traced_code, text, trigger, rule):
    assert_dropped_by(traced_code(text), trigger, rule)


KEPT = [
    # one attack, dated
    ("Four soldiers were killed on Monday when rebels ambushed their convoy.", "ASSAULT"),
    ("Gunmen have killed two police officers in the capital since Sunday night.", "ASSAULT"),
    # the total of one named campaign (annotation guide 11.9)
    ("Some 120 rebels have been killed since the army began its offensive in the hills.", "ASSAULT"),
]


@pytest.mark.parametrize("text,etype", KEPT, ids=[t[0][:40] for t in KEPT])
def test_neighbour_keeps_its_event(traced_code, text, etype):
    events, trace = traced_code(text)
    assert etype in {t for t, _ in events}, (events, [(t["trigger"], t["rules"]) for t in trace])
    assert not [t for t in trace if {TOTAL} & set(t["rules"])], trace


SOLIDARITY = [
    "Norway will continue to stand with the people of Moldova.",
    "The bloc's members said they will stand in solidarity with the flood victims of Lithuania.",
]


@pytest.mark.parametrize("text", SOLIDARITY, ids=[t[:40] for t in SOLIDARITY])
def test_future_solidarity_stays_support(code_text, text):
    types = {e.event_type for e in code_text(text)}
    assert "SUPPORT" in types and "AGREE" not in types, types


def test_future_aid_is_still_a_promise(code_text):
    """Aid or cooperation the actor says it will give stays AGREE (annotation guide,
    AGREE: a future cooperative act promised by the actor)."""
    types = {e.event_type for e in code_text("Norway will provide the flood-hit districts with emergency shelters.")}
    assert "AGREE" in types, types
    types = {e.event_type for e in code_text("Canada will continue to support the Ukrainian government.")}
    assert "AGREE" in types, types


MEASURE_AID = [
    "This drawdown will bring total Danish military assistance to Latvia to 40 million euros.",
    "The new funding will provide emergency food assistance to families displaced by the floods in Chad.",
]


@pytest.mark.parametrize("text", MEASURE_AID, ids=[t[:40] for t in MEASURE_AID])
def test_aid_a_measure_brings_is_aid(code_text, text):
    types = {e.event_type for e in code_text(text)}
    assert "AID" in types and "AGREE" not in types, types


NO_DEMONSTRATION = [
    ("Several villagers opened fire on the bandits from the roof of the school.", "ASSAULT"),
    ("The hundreds of protesters already killed at the hands of the security forces deserve justice.", "ASSAULT"),
    ("A former mayor was shot twice by unidentified people outside his farm.", "ASSAULT"),
]


@pytest.mark.parametrize("text,etype", NO_DEMONSTRATION, ids=[t[0][:40] for t in NO_DEMONSTRATION])
def test_crowd_violence_is_no_demonstration(code_text, text, etype):
    types = {e.event_type for e in code_text(text)}
    assert etype in types and "PROTEST" not in types, types


def test_crowd_held_hostage_is_no_demonstration(code_text):
    types = {e.event_type for e in code_text("Six people held hostage in a bank in the port city were freed on Sunday.")}
    assert "PROTEST" not in types, types


@pytest.mark.parametrize("text", [
    "Demonstrators burned tyres outside the ministry of finance.",
    "Hundreds of rioters set fire to the town hall after the verdict.",
])
def test_crowd_property_violence_stays_protest(code_text, text):
    assert "PROTEST" in {e.event_type for e in code_text(text)}


SCHEDULED_SPEECH = [
    "During the visit, the foreign minister will thank Ghana for hosting the refugees from the north.",
    "The envoy will also underscore Canada's strong support for Moldova's accession to the bloc.",
]


@pytest.mark.parametrize("text", SCHEDULED_SPEECH, ids=[t[:40] for t in SCHEDULED_SPEECH])
def test_scheduled_statement_of_support_is_no_promise(code_text, text):
    types = {e.event_type for e in code_text(text)}
    assert "SUPPORT" in types and "AGREE" not in types, types
