"""Cooperation, aid and meetings a blind trial missed (r22c, issue 16): intelligence
sharing and joint operations (COOPERATE), wanted people sent to another state
(extradition, COOPERATE), evacuations and carriers sent with relief (AID), a promised
relief ship (AGREE), a trip for a meeting (CONSULT visit) and a hoped-for visit (AGREE).
Each kind is coded as the annotation guide says and was checked against the corpus
train split's gold; all sentences are written for these tests."""

from __future__ import annotations

import pytest

from conftest import NOT_HAPPENED, shown


def _of(evs, etype):
    """The reported (not negated or hypothetical) events of ``etype``."""
    return [e for e in evs if e.event_type == etype and not set(e.aux_modes) & NOT_HAPPENED]


def _countries(parties):
    return {p.country for p in parties}


# --- 1. security cooperation ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Kenyan and Somali police began sharing intelligence on the kidnapping ring last month.",
    "The Jordanian and Iraqi border services exchanged intelligence on arms smugglers on Friday.",
    "Ghana's spy agency began sharing intelligence with Togolese officials on jihadist cells in March.",
])
def test_intelligence_sharing_is_cooperation(default_code, text):
    """Guide section 3, COOPERATE: "intelligence sharing"; the gate had dropped it."""
    evs = default_code(text)
    got = [e for e in _of(evs, "COOPERATE") if "sense:shared-intelligence-is-cooperation" in e.rules]
    assert got, shown(evs)


@pytest.mark.parametrize("text", [
    "The minister shared information about the budget with reporters on Monday.",
    "A drone used to help the infantry share intelligence on the front line crashed on Sunday.",
])
def test_sharing_with_no_partner_or_no_intelligence_is_no_cooperation(default_code, text):
    """Guide section 3, COOPERATE requires a partner: one side's own sharing is none."""
    evs = default_code(text)
    assert not _of(evs, "COOPERATE"), shown(evs)


def test_joint_operation_is_cooperation_with_the_partner(default_code):
    """Guide section 3 and 5: joint operations are COOPERATE; the partner force is the
    recipient; no ASSAULT where no violence is told."""
    evs = default_code("Ugandan troops launched a joint operation with Congolese soldiers against the rebels on Tuesday.")
    (co,) = _of(evs, "COOPERATE")
    assert _countries(co.actor) == {"UGA"} and _countries(co.recipient) == {"COD"}, shown(evs)
    assert not _of(evs, "ASSAULT"), shown(evs)


def test_one_armys_operation_stays_assault(default_code):
    evs = default_code("The Nigerian army launched a military operation against the bandits in Zamfara on Monday.")
    assert not _of(evs, "COOPERATE"), shown(evs)
    assert not [e for e in evs if "sense:joint-operation-is-cooperation" in e.rules], shown(evs)


@pytest.mark.parametrize("text,partner", [
    ("Guatemala sent 12 suspected drug traffickers to the United States on Thursday.", "USA"),
    ("Spain transferred two alleged gang leaders to Italian custody last week.", "ITA"),
])
def test_wanted_people_sent_to_another_state_is_extradition(default_code, text, partner):
    """Guide section 3, COOPERATE: extradition; the train gold codes the Medellin cartel's
    finance chief "sent to the United States" COOPERATE. The receiving state is the
    recipient, never the people sent (arguments.handed_over)."""
    evs = default_code(text)
    (co,) = _of(evs, "COOPERATE")
    assert _countries(co.recipient) == {partner}, shown(evs)
    assert "structure:handed-over-to-party" in co.rules


def test_fighters_sent_abroad_stay_mobilization(default_code):
    evs = default_code("Iran sent hundreds of fighters to Syria last year.")
    assert not _of(evs, "COOPERATE"), shown(evs)


# --- 2. aid delivered -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Red Cross evacuated 30 wounded patients from the besieged hospital to Amman on Monday.",
    "Turkish military planes evacuated 200 sick children from the flooded province.",
])
def test_evacuated_people_are_aid(default_code, text):
    evs = default_code(text)
    assert [e for e in _of(evs, "AID") if "sense:evacuated-people-are-aid" in e.rules], shown(evs)


def test_evacuated_building_is_not_read_as_aid_by_the_rule(default_code):
    evs = default_code("Police evacuated the shopping centre after a bomb threat on Sunday.")
    assert not [e for e in evs if "sense:evacuated-people-are-aid" in e.rules], shown(evs)


@pytest.mark.parametrize("text", [
    "Japan sent two transport planes carrying tents, blankets and medical teams to the earthquake zone.",
    "Chile dispatched a navy ship with food and water to the cut-off island on Monday.",
])
def test_carriers_sent_with_relief_are_aid(default_code, text):
    """Guide section 3, AID: humanitarian aid; the train gold codes "sent 24 planes to
    Nicaragua with food, medicine, and medical teams" AID, not MOBILIZE."""
    evs = default_code(text)
    assert [e for e in _of(evs, "AID") if "frame:relief-carriers-are-aid" in e.rules], shown(evs)
    assert not _of(evs, "MOBILIZE"), shown(evs)


def test_warplanes_carrying_missiles_stay_mobilization(default_code):
    evs = default_code("Russia sent four warplanes carrying cruise missiles to Syria on Friday.")
    assert not _of(evs, "AID"), shown(evs)


def test_promised_relief_ship_is_agreement(default_code):
    """Guide section 3, AGREE: aid promised for the future is AGREE."""
    evs = default_code("India said it would send a coast guard vessel with relief supplies to the Maldives.")
    (ag,) = _of(evs, "AGREE")
    assert "frame:relief-carriers-are-aid" in ag.rules and _countries(ag.actor) == {"IND"}, shown(evs)
    assert not _of(evs, "MOBILIZE"), shown(evs)


# --- 3. visits ----------------------------------------------------------------------------

@pytest.mark.parametrize("text,visitor,host", [
    ("The Ghanaian president flew to Abuja for talks with his Nigerian counterpart on Friday.", "GHA", "NGA"),
    ("The Austrian chancellor travelled to Prague for the signing ceremony with the Czech prime minister.", "AUT", "CZE"),
])
def test_trip_for_a_meeting_is_visit(default_code, text, visitor, host):
    evs = default_code(text)
    got = [e for e in _of(evs, "CONSULT") if "sense:trip-for-a-meeting-is-visit" in e.rules]
    assert got and got[0].mode == "visit", shown(evs)
    assert _countries(got[0].actor) == {visitor} and _countries(got[0].recipient) == {host}, shown(evs)


def test_trip_for_work_is_no_visit(default_code):
    evs = default_code("Thousands of nurses flew to Dubai for work last year.")
    assert not _of(evs, "CONSULT"), shown(evs)


def test_hoped_for_visit_is_agreement(default_code):
    """Guide 11.6: "hopes to host X" is AGREE; a party's hoped-for visit is its stated
    willingness to meet, not a hypothetical CONSULT."""
    evs = default_code("The Kenyan president said he hoped to visit Tanzania before the end of the year.")
    (ag,) = _of(evs, "AGREE")
    assert "event:hoped-for-visit-is-agreement" in ag.rules, shown(evs)
    assert _countries(ag.actor) == {"KEN"} and _countries(ag.recipient) == {"TZA"}, shown(evs)
    assert not [e for e in evs if e.event_type == "CONSULT"], shown(evs)


def test_unwanted_meeting_is_no_agreement(code_text):
    """A negated wish stays with the refusal rules (no AGREE)."""
    evs = code_text("The president does not want to meet the rebel leader before the election.")
    assert not [e for e in evs if e.event_type == "AGREE"], shown(evs)


def test_wish_to_mediate_stays_a_wished_meeting(code_text):
    evs = code_text("Kenya wants to mediate between the two sides.")
    assert [e.aux_modes for e in evs if e.event_type == "CONSULT"] == [["hypothetical"]], shown(evs)
