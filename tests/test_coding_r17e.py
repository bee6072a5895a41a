"""Polarity of cooperative acts: refusals, failures, cancellations, lifted measures.

Sentences written for these tests (round r17e, a fresh user's trial): each kind has
sentences that the rules coded wrongly before, and near-misses whose coding must not
change. Rule layer alone (``code_text``) unless the learned layer is what is checked.
"""

from __future__ import annotations

import pytest

from conftest import shown

pytestmark = pytest.mark.slow


def _types(events) -> list[tuple]:
    return [(e.event_type, e.mode, tuple(e.aux_modes)) for e in events]


# --- kind 2: a refused or failed cooperative act is REJECT (annotation guide, sections 4-5)

@pytest.mark.parametrize("text,trigger,mode", [
    # a refusal that states its own condition is said now: no hypothetical
    ("Kosovo will not sign the trade pact unless Serbia recognises its passports.", "sign", "assist"),
    # "failed to" a cooperative act is a refusal, not the act + negation
    ("The two delegations failed to agree on a prisoner swap in Geneva.", "agree", None),
    # refusing a retreat ("will not withdraw", "would not free") is REJECT yield
    ("The militia said it would not withdraw its fighters from the hills.", "withdraw", "yield"),
    # sending envoys is a meeting; refusing to send them refuses to meet
    ("Moscow said it would not dispatch an envoy to the summit in Astana.", "dispatch", "meet"),
])
def test_refused_cooperative_act_is_rejection(code_text, text, trigger, mode):
    evs = code_text(text)
    got = [e for e in evs if e.trigger == trigger]
    assert got and got[0].event_type == "REJECT", shown(evs)
    assert got[0].mode == mode and got[0].aux_modes == [], shown(evs)


def test_declined_to_send_negotiators_is_refused_meeting(code_text):
    evs = code_text("The rebel council declined to send negotiators to the conference in Lome.")
    rej = [e for e in evs if e.event_type == "REJECT"]
    assert rej and rej[0].mode == "meet", shown(evs)
    assert not [r for e in rej for r in e.recipient if r.text == "negotiators"], shown(evs)


@pytest.mark.parametrize("text,want", [
    # plain reports that an act did not happen keep the act + negation
    ("The minister did not meet the envoy.", ("CONSULT", None, ("negation",))),
    ("Russia has not agreed to the truce.", ("AGREE", None, ("negation",))),
    ("The troops did not withdraw from the border town.", ("RETREAT", "withdraw", ("negation",))),
    # stopping an act is no refusal of it
    ("The government stopped cooperating with the inquiry.", ("COOPERATE", None, ("negation",))),
    # a guess ("might") with a condition stays hypothetical
    ("The separatists might not attend the talks unless the army leaves.",
     ("CONSULT", None, ("hypothetical", "negation"))),
])
def test_plain_negations_stay(code_text, text, want):
    evs = code_text(text)
    assert want in _types(evs), shown(evs)
    assert "REJECT" not in {e.event_type for e in evs}, shown(evs)


def test_sent_delegation_is_consultation_and_no_recipient(code_text):
    evs = code_text("Nigeria sent a delegation to the peace talks in Addis Ababa.")
    sent = [e for e in evs if e.trigger == "sent"]
    assert sent and sent[0].event_type == "CONSULT", shown(evs)
    assert not [r for r in sent[0].recipient if r.text == "a delegation"], shown(evs)


def test_conditional_send_troops_is_a_threat(default_code):
    # twenty-eighth round: a build-up announced as the answer to another party's act is a
    # THREATEN (annotation guide section 5: "troops will clear the square if protesters
    # stay"; event:conditional-escalation-is-threat, r28d)
    evs = default_code("If the rebels attack the town, Ghana will send troops.")
    threats = [e for e in evs if e.event_type == "THREATEN"]
    assert threats and not [e for e in evs if e.event_type == "MOBILIZE"], shown(evs)
    # the troops stay the actor's own, never the party warned
    assert "troops" not in [r.text for r in threats[0].recipient], shown(evs)


# --- kind 1: lifting, easing, removing or suspending sanctions, bans or curfews is CONCEDE
# (annotation guide, sections 3 and 5)

@pytest.mark.parametrize("text", [
    # the parse takes the acronym subject for the root and the verb for an epithet
    "ECOWAS suspended sanctions on Guinea and Mali on Sunday.",
    # ... or the subject for a modifier and the sanctions for the root
    "COMESA lifted sanctions on Malawi and Zambia on Friday.",
    # 'remove' is no trigger; the curfew noun with it is lifted, not imposed
    "The military council removed the night curfew in Omdurman on Sunday.",
    # suspending a ban on people is easing it, not the SANCTION 'suspend' is with aid
    "The interior ministry suspended the ban on street rallies in the capital.",
])
def test_lifted_measure_is_concession(code_text, text):
    evs = code_text(text)
    types = {e.event_type for e in evs}
    assert "CONCEDE" in types and not types & {"SANCTION", "COERCE"}, shown(evs)


@pytest.mark.parametrize("text,want", [
    ("The army imposed a curfew in Bamako.", "COERCE"),
    ("The regime extended the curfew in the capital.", "COERCE"),
    ("The ministry suspended aid to the province.", "SANCTION"),
    ("Washington will reimpose the suspended sanctions on Caracas.", "THREATEN"),
])
def test_imposed_measure_stays(code_text, text, want):
    evs = code_text(text)
    types = {e.event_type for e in evs}
    assert want in types and "CONCEDE" not in types, shown(evs)


@pytest.mark.parametrize("text,word", [
    ("Rebels released detained soldiers on Friday.", "detained"),
    ("Police removed the protesters from the square.", "removed"),
])
def test_epithets_and_plain_removals_give_no_event(code_text, text, word):
    evs = code_text(text)
    assert not [e for e in evs if e.trigger == word], shown(evs)


def test_misparsed_lifting_turns_down_the_sanction(every_candidate):
    evs = every_candidate("ECOWAS suspended sanctions on Guinea and Mali on Sunday.")
    types = {e.event_type for e in evs}
    assert "CONCEDE" in types and "SANCTION" not in types, shown(evs)


# --- kind 3: a cancelled or postponed visit is REJECT meet, no CONSULT of its own
# (annotation guide section 3, REJECT: "cancelling a meeting"; section 5: "cancelled the visit")

@pytest.mark.parametrize("text", [
    "Tokyo postponed the prime minister's trip to Seoul.",
    "Ghana called off the president's state visit to Lome.",
    "Hungary cancelled the defence minister's visit to Belgrade next week.",
])
def test_cancelled_visit_is_no_consultation(every_candidate, text):
    evs = every_candidate(text)
    types = {e.event_type for e in evs}
    assert "REJECT" in types and "CONSULT" not in types, shown(evs)


@pytest.mark.parametrize("text", [
    # a meeting that did take place beside the cancelled one
    "Kenya cancelled the minister's visit to Kampala after the two leaders met in Nairobi.",
    # a visit that went ahead
    "The envoy's visit to Tehran went ahead on Monday.",
])
def test_held_meeting_stays_consultation(every_candidate, text):
    evs = every_candidate(text)
    assert "CONSULT" in {e.event_type for e in evs}, shown(evs)


# --- kind 4: a vow to veto or reject is the REJECT of the party who vowed
# (annotation guide section 3, REJECT: "vetoing"; section 4: one type beats type + aux mode)

@pytest.mark.parametrize("text,actor", [
    ("Austria vowed to veto fresh sanctions on Belarusian banks.", "Austria"),
    ("The opposition promised to reject any deal with the militia.", "The opposition"),
])
def test_vow_to_refuse_is_rejection(code_text, text, actor):
    evs = code_text(text)
    rej = [e for e in evs if e.event_type == "REJECT"]
    assert rej and rej[0].actor and rej[0].actor[0].text == actor, shown(evs)
    assert "AGREE" not in {e.event_type for e in evs}, shown(evs)


def test_vetoed_sanctions_are_no_threat(every_candidate):
    evs = every_candidate("Slovenia pledged to veto new sanctions against Serbia.")
    types = {e.event_type for e in evs}
    assert "REJECT" in types and not types & {"THREATEN", "SANCTION", "AGREE"}, shown(evs)


@pytest.mark.parametrize("text,want", [
    # a vow of support stays AGREE, a vow of force THREATEN
    ("Greece vowed to support the new sanctions against Turkey.", "AGREE"),
    ("The rebels vowed to attack the capital.", "THREATEN"),
])
def test_other_vows_stay(code_text, text, want):
    evs = code_text(text)
    types = {e.event_type for e in evs}
    assert want in types and "REJECT" not in types, shown(evs)
