"""Refusals, threats and orders (r21b, a blind trial's misses), each fixed by kind:
a rejected speech act is no event of its own, time limits given to a party are
ultimatums, a diplomat ordered to leave is expelled, an order to a state is a REQUEST,
an invitation to visit is AGREE, a said retaliation is THREATEN, emergency rule is
COERCE martial-law, and a call with no caller named as background is no REQUEST.

Each kind is read by a rule of ``data/rules/*.jsonl`` named in the event's ``rules``;
rare kinds carry a ``prior`` so the default output (threshold 0.4) reports them. Near
misses must not change. All sentences are the team's own."""

from __future__ import annotations

import pytest

from conftest import happened, shown, happened_of_type as _typed


# --- a rejected speech act: REJECT only (annotation guide section 3, REJECT) ----------

@pytest.mark.parametrize("text,noun", [
    ("The defence ministry denied the accusations on Tuesday.", "accusations"),
    ("The mining company rejected the ultimatum.", "ultimatum"),
    ("The interior minister dismissed the allegations.", "allegations"),
])
def test_rejected_speech_act_is_rejection_only(default_code, text, noun):
    evs = default_code(text)
    assert happened(evs) == {"REJECT"}, shown(evs)
    assert not [e for e in evs if e.trigger == noun], shown(evs)


def test_rejected_accusation_by_a_named_party_keeps_its_maker(default_code):
    # the noun names its maker ("by the ruling party"): the filter leaves it to the gate
    evs = default_code("The opposition leader rejected accusations by the ruling party that he had incited violence.")
    assert "REJECT" in happened(evs), shown(evs)
    acc = [e for e in evs if e.event_type == "ACCUSE"]
    assert not acc or "filter:rejected-speech-act-is-no-event" not in acc[0].rules


# --- time limits: THREATEN (annotation guide section 3: 'Also ultimatums') ------------

@pytest.mark.parametrize("text", [
    "The army gave the rebels 48 hours to lay down their arms.",
    "The junta gave the mining firm ten days to pay its back taxes or lose its licence.",
])
def test_time_limit_to_act_is_ultimatum(default_code, text):
    evs = default_code(text)
    thr = _typed(evs, "THREATEN")
    assert thr and "frame:time-limit-to-act-is-ultimatum" in thr[0].rules, shown(evs)
    assert thr[0].confidence >= 0.4


def test_time_limit_without_ultimatum_cue_is_no_threat(default_code):
    evs = default_code("The company gave its workers two days to rest.")
    assert "THREATEN" not in happened(evs), shown(evs)


def test_time_limit_to_leave_is_the_expulsion_not_an_ultimatum(default_code):
    """A blind trial (twenty-first round): "declared a diplomat persona non grata and gave
    him 72 hours to leave" gave a THREATEN beside the expulsion; a limit to leave is the
    expulsion's."""
    evs = default_code("The ministry declared the attache persona non grata and gave him "
                       "three days to leave the country.")
    assert _typed(evs, "SANCTION", "expel") and not _typed(evs, "THREATEN"), shown(evs)


# --- a diplomat ordered out: SANCTION expel -----------------------------------------

@pytest.mark.parametrize("text,recipient", [
    ("Caracas ordered the Spanish ambassador to leave the country within 72 hours.", "ESP"),
    ("Quito told the Mexican consul to leave the country by Friday.", "MEX"),
])
def test_diplomat_ordered_to_leave_is_expulsion(default_code, text, recipient):
    evs = default_code(text)
    exp = _typed(evs, "SANCTION", "expel")
    assert exp and "frame:ordered-diplomat-to-leave-is-expulsion" in exp[0].rules, shown(evs)
    assert exp[0].confidence >= 0.4
    assert recipient in [r.country for r in exp[0].recipient], [r.text for r in exp[0].recipient]


def test_own_ambassador_ordered_to_leave_is_no_expulsion(default_code):
    evs = default_code("The ministry ordered its ambassador to leave Kabul.")
    assert not [e for e in evs if "frame:ordered-diplomat-to-leave-is-expulsion" in e.rules], shown(evs)


# --- an order to a state: REQUEST (annotation guide section 3, REQUEST: orders) -------

@pytest.mark.parametrize("text,recipient", [
    ("The tribunal ordered Uganda to pay reparations to Congo.", "UGA"),
    ("The UN court ordered Myanmar to protect the Rohingya from genocide.", "MMR"),
])
def test_order_to_a_state_is_request(default_code, text, recipient):
    evs = default_code(text)
    req = _typed(evs, "REQUEST")
    assert req and "frame:order-to-a-state-is-request" in req[0].rules, shown(evs)
    assert req[0].confidence >= 0.4
    assert recipient in [r.country for r in req[0].recipient], [r.text for r in req[0].recipient]


def test_order_to_own_forces_is_no_request_rule(default_code):
    evs = default_code("The president ordered the army to secure the border.")
    assert not [e for e in evs if "frame:order-to-a-state-is-request" in e.rules], shown(evs)


# --- emergency rule: COERCE martial-law ------------------------------------------------

@pytest.mark.parametrize("text,rule", [
    ("The president declared a state of emergency in the northern provinces after the riots.",
     "frame:declared-state-of-emergency-is-coercion"),
    ("The cabinet extended the state of emergency by another three months.",
     "frame:declared-state-of-emergency-is-coercion"),
    ("The army declared martial law in the capital.", "sense:declared-martial-law-is-coercion"),
])
def test_emergency_rule_is_coercion(default_code, text, rule):
    evs = default_code(text)
    co = _typed(evs, "COERCE", "martial-law")
    assert co and rule in co[0].rules, shown(evs)
    assert co[0].confidence >= 0.4


def test_lifted_or_demanded_emergency_is_no_coercion(default_code):
    evs = default_code("The government lifted the state of emergency on Sunday.")
    assert "COERCE" not in happened(evs) and "CONCEDE" in happened(evs), shown(evs)
    evs = default_code("Activists urged the government to declare a state of emergency.")
    assert "COERCE" not in happened(evs) and "REQUEST" in happened(evs), shown(evs)


# --- an invitation to visit: AGREE -----------------------------------------------------

def test_invitation_to_visit_is_agreement(default_code):
    evs = default_code("The Kenyan president invited his Somali counterpart to visit Nairobi in the spring.")
    agr = [e for e in evs if e.event_type == "AGREE"]
    assert agr and "sense:invitation-to-meet-is-offer" in agr[0].rules, shown(evs)
    assert agr[0].confidence >= 0.4
    assert "SOM" in [r.country for r in agr[0].recipient]


def test_invitation_to_vote_is_no_offer(default_code):
    evs = default_code("The bishop invited all citizens to vote in the elections.")
    assert not [e for e in evs if "sense:invitation-to-meet-is-offer" in e.rules], shown(evs)


# --- a said retaliation: THREATEN ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Beijing said it would retaliate against the new export controls.",
    "The government will retaliate against any attack on its ships, the minister said.",
])
def test_said_retaliation_is_threat(default_code, text):
    evs = default_code(text)
    thr = _typed(evs, "THREATEN")
    assert thr and "sense:said-retaliation-is-threat" in thr[0].rules, shown(evs)
    assert thr[0].confidence >= 0.4


def test_done_retaliation_stays_an_attack(default_code):
    evs = default_code("The army retaliated with artillery fire on Tuesday.")
    assert "ASSAULT" in happened(evs) and "THREATEN" not in happened(evs), shown(evs)


# --- a call as background: no REQUEST ----------------------------------------------------

def test_unnamed_call_as_background_is_no_request(default_code):
    evs = default_code("Police sealed off the main square after calls for a general strike.")
    assert "REQUEST" not in happened(evs), shown(evs)
    assert "COERCE" in happened(evs), shown(evs)
