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



# --- 3. the South Asian lathi charge ---------------------------------------------------

@pytest.mark.parametrize("text, verb", [
    ("Police lathi-charged and fired tear gas at the striking weavers.", "lathi-charged"),
    ("The police lathi-charged jobless youths outside the secretariat in Bhopal.", "lathi-charged"),
    ("Police lathicharged the nurses marching to the health ministry.", "lathicharged"),
    ("Officers baton-charged the crowd near the stadium gates.", "baton-charged"),
])
def test_a_lathi_charge_is_crowd_control_not_an_accusation(code_text, text, verb):
    """The lathi (baton) charge is ASSAULT crowd-control (annotation guide section 5); the
    hyphenated verb stays one token (words.yaml one_token_compounds), so "charged" is no
    accusation and "Police lathi" no party."""
    evs = code_text(text)
    hits = [e for e in evs if e.trigger == verb]
    assert hits and hits[0].event_type == "ASSAULT" and hits[0].mode == "crowd-control", shown(evs)
    assert "ACCUSE" not in {e.event_type for e in evs}, shown(evs)


def test_a_lathi_charge_noun_is_crowd_control(code_text):
    evs = code_text("A lathi-charge by the police left forty students injured in Dhaka.")
    assert [e for e in evs if e.event_type == "ASSAULT" and e.mode == "crowd-control"], shown(evs)


@pytest.mark.parametrize("text", [
    "The prosecutor charged the district magistrate with bribery.",
    "Prosecutors charged two constables with assault after the protest.",
])
def test_a_plain_charge_stays_an_accusation(code_text, text):
    evs = code_text(text)
    assert "ACCUSE" in {e.event_type for e in evs}, shown(evs)


# --- 4. wrong types: a lodged protest, a paused tariff --------------------------------

@pytest.mark.parametrize("text", [
    "The Nepalese consulate lodged a formal protest with the provincial government.",
    "The Sri Lankan High Commission lodged a strong protest with the foreign office.",
    "The fishermen's association filed a protest with the port authority.",
])
def test_a_lodged_protest_is_a_diplomatic_complaint(code_text, text):
    """A protest that is lodged (or filed) with someone is ACCUSE disapprove, not a street
    protest (annotation guide section 3, PROTEST: diplomatic protests are ACCUSE)."""
    evs = code_text(text)
    assert [e for e in evs if e.event_type == "ACCUSE" and e.mode == "disapprove"], shown(evs)
    assert "PROTEST" not in {e.event_type for e in evs}, shown(evs)


@pytest.mark.parametrize("text", [
    "Thousands of dock workers joined a protest outside the port authority.",
    "The nurses staged a protest in front of the health ministry.",
])
def test_a_street_protest_stays_a_protest(code_text, text):
    evs = code_text(text)
    assert "PROTEST" in {e.event_type for e in evs}, shown(evs)


@pytest.mark.parametrize("text", [
    "The president later paused the steep tariffs on Vietnamese furniture for 60 days.",
    "Washington postponed the new tariffs on Mexican steel until June.",
    "Canada deferred the new tariffs on American dairy imports.",
])
def test_pausing_a_tariff_is_a_concession(code_text, text):
    """Pausing, postponing or deferring a sanction or tariff is CONCEDE (annotation guide
    sections 3 and 5), not SANCTION."""
    evs = code_text(text)
    assert "CONCEDE" in {e.event_type for e in evs}, shown(evs)
    assert "SANCTION" not in {e.event_type for e in evs}, shown(evs)


@pytest.mark.parametrize("text", [
    "Washington imposed steep tariffs on Vietnamese furniture.",
    "The ministry postponed the trial of the opposition leader.",
])
def test_imposing_a_tariff_or_pausing_something_else_is_no_concession(code_text, text):
    evs = code_text(text)
    assert "CONCEDE" not in {e.event_type for e in evs}, shown(evs)


@pytest.mark.parametrize("text", [
    "The new Kenyan ambassador paid a courtesy call on the Prime Minister in Dhaka.",
    "The outgoing envoy paid a farewell call on the foreign minister.",
])
def test_a_courtesy_call_is_a_visit_not_a_request(default_code, text):
    """A courtesy (or farewell) call paid on an official is CONSULT visit, not the REQUEST
    of "a call for" (sense:courtesy-call-is-visit, with same_act: the gate's belief in the
    word's act is the visit's)."""
    evs = default_code(text)
    assert [e for e in evs if e.event_type == "CONSULT" and e.mode == "visit"], shown(evs)
    assert "REQUEST" not in {e.event_type for e in evs}, shown(evs)


def test_a_call_for_something_stays_a_request(default_code):
    evs = default_code("The opposition alliance renewed its call for early elections.")
    assert "REQUEST" in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "Masked gunmen held the newsreaders hostage on air for an hour.",
    "Armed men stormed the studio and took the presenters hostage live on air.",
])
def test_on_air_is_broadcasting_not_an_aerial_attack(every_candidate, text):
    """"on air" is broadcasting: no aerial mode (words.yaml broadcast_preps)."""
    evs = every_candidate(text)
    assert not [e for e in evs if e.mode == "aerial"], shown(evs)


def test_an_attack_from_the_air_stays_aerial(code_text):
    evs = code_text("The army attacked rebel positions from the air.")
    assert [e for e in evs if e.event_type == "ASSAULT" and e.mode == "aerial"], shown(evs)



# --- 4d. a modal or negation of one verb does not reach a coordinated verb of its own tense

@pytest.mark.parametrize("text, trigger", [
    ("Vilnius would not bow to the pressure and expelled two Belarusian diplomats.", "expelled"),
    ("Manila would not accept the note and recalled its ambassador from Beijing.", "recalled"),
])
def test_a_coordinated_verb_in_its_own_tense_is_not_negated(code_text, text, trigger):
    """"would not bow ... and expelled": the past "expelled" has its own tense, so the
    modal and the negation of the bare "bow" are not its (syntax.own_tense)."""
    evs = code_text(text)
    hits = [e for e in evs if e.trigger.endswith(trigger) or trigger in e.trigger]
    assert hits and not {"negation", "hypothetical"} & set(hits[0].aux_modes), shown(evs)


@pytest.mark.parametrize("text, trigger", [
    ("Hanoi did not fire on the trawler or seize its crew.", "seize"),
    ("The militia could storm the town and seize the weapons.", "seize"),
])
def test_a_bare_coordinated_verb_still_shares_the_modal(code_text, text, trigger):
    evs = code_text(text)
    hits = [e for e in evs if trigger in e.trigger]
    assert hits and {"negation", "hypothetical"} & set(hits[0].aux_modes), shown(evs)
