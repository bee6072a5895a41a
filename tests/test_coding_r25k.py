"""r25k: false events and wrong types a fresh user met (twenty-fifth round). Every
sentence here was written for these tests.

1. "would not allow X to be persecuted / oppressed" is a warning, THREATEN, never a
   CONCEDE (words.yaml hostile_act_words; event:withheld-permission-of-hostile-act-is-threat).
2. Not reaching / failing to reach an agreement or a deal is REJECT (annotation guide
   sections 4-5: "failed to agree" is REJECT), event:unreached-agreement-is-rejection.
3. Walking out of talks or a meeting is SANCTION withdraw (guide, SANCTION withdraw:
   "withdrawing from ... talks"), sense:walked-out-of-talks-is-withdrawal; workers
   walking out stay a strike.
4. A meeting only offered, proposed or planned is no CONSULT; the offer is AGREE (guide,
   AGREE: "offered to host the next round of negotiations"),
   sense:offered-meeting-is-no-meeting.
5. An ally phrase ("alongside", "together with", "on the side of") names no recipient of
   a fight: structure:ally-is-no-recipient.
"""

from __future__ import annotations

import pytest

from conftest import happened, of_type, shown

pytestmark = pytest.mark.slow


# ------------------------------------------------------------ 1. would not allow X to be harmed

@pytest.mark.parametrize("text", [
    "The premier said Hungary would not allow its minority abroad to be persecuted.",
    "The foreign ministry said Turkey would not allow the Turkmen villagers to be mistreated.",
])
def test_withheld_permission_of_persecution_is_threat(code_text, text):
    evs = code_text(text)
    assert "CONCEDE" not in {e.event_type for e in evs}, shown(evs)
    ev = of_type(evs, "THREATEN")[0]
    assert "event:withheld-permission-of-hostile-act-is-threat" in ev.rules
    assert not {"negation", "future"} & set(ev.aux_modes)


def test_allowing_prisoners_to_leave_stays_a_concession(code_text):
    evs = code_text("The junta allowed the detained students to leave the country.")
    assert "THREATEN" not in {e.event_type for e in evs}, shown(evs)


# ------------------------------------------------------------ 2. no agreement reached

@pytest.mark.parametrize("text", [
    "The two prime ministers did not reach agreement on the fishing quotas.",
    "Negotiators for the two parties failed to reach a deal on the budget.",
])
def test_unreached_agreement_is_rejection(default_code, text):
    evs = default_code(text)
    ev = of_type(evs, "REJECT")[0]
    assert "event:unreached-agreement-is-rejection" in ev.rules
    assert "negation" not in ev.aux_modes
    assert not [e for e in evs if e.event_type == "AGREE"], shown(evs)


def test_reached_agreement_and_conditional_deal_are_no_rejection(code_text):
    assert "REJECT" not in {e.event_type for e in code_text(
        "The two prime ministers reached agreement on the fishing quotas.")}
    assert "REJECT" not in {e.event_type for e in code_text(
        "If the unions do not reach a deal with the ministry, the stoppage will go on.")}


# ------------------------------------------------------------ 3. walking out of talks

@pytest.mark.parametrize("text", [
    "The opposition delegation walked out of the budget negotiations on Thursday.",
    "The peace talks stalled after the guerrilla envoys walked out.",
])
def test_walking_out_of_talks_is_withdrawal(default_code, text):
    evs = default_code(text)
    ev = [e for e in of_type(evs, "SANCTION") if e.trigger == "walked out"][0]
    assert ev.mode == "withdraw"
    assert "sense:walked-out-of-talks-is-withdrawal" in ev.rules
    assert "PROTEST" not in {e.event_type for e in evs}, shown(evs)


@pytest.mark.parametrize("text", [
    "Hundreds of nurses walked out after pay talks collapsed.",
    "Bus drivers in the capital walked out on Monday.",
])
def test_workers_walking_out_stay_a_strike(default_code, text):
    evs = default_code(text)
    assert [e for e in of_type(evs, "PROTEST") if e.mode == "strike"], shown(evs)
    assert "SANCTION" not in {e.event_type for e in evs}, shown(evs)


# ------------------------------------------------------------ 4. an offered meeting

@pytest.mark.parametrize("text", [
    "Ghana offered to host a meeting between the two rival generals in Accra.",
    "Switzerland offered to host talks between the two governments in Geneva.",
])
def test_offered_meeting_is_agree_not_consult(default_code, text):
    evs = default_code(text)
    assert of_type(evs, "AGREE")
    assert "CONSULT" not in {e.event_type for e in evs}, shown(evs)


def test_hosted_meeting_stays_consult(default_code):
    evs = default_code("Ghana hosted a meeting between the two rival generals in Accra.")
    assert "CONSULT" in happened(evs), shown(evs)


# ------------------------------------------------------------ 5. allies are no targets

@pytest.mark.parametrize("text", [
    "The spokeswoman said the national army was fighting alongside the ethnic militia.",
    "The mercenaries fought on the side of the junta.",
])
def test_ally_is_no_recipient(default_code, text):
    evs = default_code(text)
    ev = of_type(evs, "ASSAULT")[0]
    assert ev.recipient == [], shown(evs)
    assert "structure:ally-is-no-recipient" in ev.rules


def test_ally_phrase_keeps_the_real_target(default_code):
    evs = default_code("Rebels fought together with government troops against the jihadists.")
    ev = of_type(evs, "ASSAULT")[0]
    assert [r.text for r in ev.recipient] == ["the jihadists"]


def test_fight_without_ally_phrase_keeps_its_target(default_code):
    evs = default_code("The army was fighting the ethnic militia near the lake.")
    ev = of_type(evs, "ASSAULT")[0]
    assert [r.text for r in ev.recipient] == ["the ethnic militia"]
    assert "structure:ally-is-no-recipient" not in ev.rules


def test_passive_together_with_names_fellow_victims(default_code):
    evs = default_code("Two drivers were shot dead together with three aid workers near the border.")
    ev = of_type(evs, "ASSAULT")[0]
    assert "structure:ally-is-no-recipient" not in ev.rules, shown(evs)
