"""Recall of the rare conflict types, twenty-first round (r21f, issue 16: macro F1):
follow-on sanctions designations, captures by the police told in the passive, claims
called false. Each kind was counted on the corpus train split's gold; all sentences are
written for these tests."""

from __future__ import annotations

import pytest

from conftest import NOT_HAPPENED, shown


def _of(evs, etype):
    """The reported (not negated or hypothetical) events of ``etype``."""
    return [e for e in evs if e.event_type == etype and not set(e.aux_modes) & NOT_HAPPENED]


# --- 1. a follow-on designation leans on the sentence before, or on its office -------------

@pytest.mark.parametrize("text", [
    "The Treasury is designating the former governor for corruption. "
    "The Department is also designating his brother-in-law Marco Delgado.",
    "The ministry sanctioned two shipping firms on Tuesday. These designations follow earlier measures.",
    "The Department of State has designated four officials of the provincial prison service.",
])
def test_follow_on_designation_is_sanction(default_code, text):
    """A designation whose sanctions cue stands in the sentence before, or whose subject is
    the designating office, is SANCTION discontinue (annotation guide, section 5; the train
    gold codes "The Department is also designating X's spouse" SANCTION)."""
    evs = default_code(text)
    got = [e for e in _of(evs, "SANCTION") if e.trigger.startswith("designat")]
    assert got and got[-1].mode == "discontinue", shown(evs)


def test_appointment_after_a_plain_sentence_is_no_sanction(default_code):
    evs = default_code("The council named a new chairman on Monday. "
                       "The minister designated his deputy to lead the delegation to Geneva.")
    assert not _of(evs, "SANCTION"), shown(evs)


# --- 2. a capture by the police, told in the passive, is an arrest --------------------------

@pytest.mark.parametrize("text", [
    "The rebel commander was captured by federal police in a village near the border.",
    "Two suspected smugglers were captured by members of the customs police at the port.",
])
def test_capture_by_police_in_the_passive_is_arrest(default_code, text):
    evs = default_code(text)
    got = _of(evs, "COERCE")
    assert [e.mode for e in got] == ["arrest"], shown(evs)
    assert "sense:captured-suspects-are-arrest" in got[0].rules


def test_soldiers_captured_by_guerrillas_stay_abduction(default_code):
    """Combatants captured by an armed group stay ASSAULT abduct (annotation guide,
    section 5); only the state's agents arrest."""
    evs = default_code("Three soldiers were captured by the guerrillas near the river.")
    assert [e.mode for e in _of(evs, "ASSAULT")] == ["abduct"] and not _of(evs, "COERCE"), shown(evs)


# --- 3. a claim called false is a denial ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "The interior ministry described the opposition's report as \"false and misleading.\"",
    "The army spokesman termed the allegations of torture a fabrication.",
    "\"This is completely false,\" the defence minister told reporters in Nairobi.",
    "The account of an alleged raid on the camp is also false.",
])
def test_claim_called_false_is_rejection(default_code, text):
    evs = default_code(text)
    assert _of(evs, "REJECT"), shown(evs)


def test_calling_a_claim_false_is_no_accusation_of_the_caller(default_code):
    """The frame rule makes the judging verb the denial, not an ACCUSE disapprove."""
    evs = default_code("The interior ministry described the opposition's report as \"false and misleading.\"")
    (rej,) = _of(evs, "REJECT")
    assert "frame:claim-called-false-is-denial" in rej.rules and rej.trigger == "described", shown(evs)
    assert not [e for e in evs if e.event_type == "ACCUSE" and e.trigger == "described"], shown(evs)


# --- 4. parties added to a sanctions list are designated -----------------------------------

@pytest.mark.parametrize("text", [
    "The Commerce Department added twelve drone makers to the Entity List on Friday.",
    "Today we add six Guatemalan judges to the Corrupt and Undemocratic Actors list.",
    "The ministry included three shipping firms in its sanctions blacklist on Monday.",
])
def test_added_to_a_sanctions_list_is_sanction(default_code, text):
    evs = default_code(text)
    got = _of(evs, "SANCTION")
    assert [e.mode for e in got] == ["discontinue"], shown(evs)
    assert "frame:added-to-sanctions-list-is-designation" in got[0].rules


@pytest.mark.parametrize("text", [
    "UNESCO added the old city to its World Heritage list.",
    "The senator added her name to the list of speakers.",
])
def test_added_to_another_list_is_no_sanction(default_code, text):
    assert not default_code(text), shown(default_code(text))


# --- 5. a trigger noun that opens an organisation's name is no act -------------------------

def test_amnesty_international_is_no_amnesty(default_code):
    evs = default_code("Local rights groups joined Amnesty International in a campaign against the detentions.")
    assert not [e for e in evs if e.event_type == "CONCEDE"], shown(evs)


def test_granted_amnesty_stays_concession(default_code):
    evs = default_code("The president granted an amnesty to 300 political prisoners.")
    assert _of(evs, "CONCEDE"), shown(evs)
