"""r28h: negation and refusals (twenty-eighth round; a fresh user's trial). Every
sentence here was written for these tests.

1. A verb joined by "and" after "did not X" with a past form in "-ed" (or a present form
   in "-s") of its own is not under that negation ("did not recognise the tribunal and
   condemned the ruling": the condemnation happened; ``syntax.own_tense``); "did not X or
   Y" and an irregular bare form ("did not arrest and beat them") still share it.
2. Withheld recognition of a state, government, court or vote is REJECT, not SUPPORT +
   negation (``event:withheld-recognition-is-rejection``; guide section 4; the train gold
   labels "does not recognize ... the court" REJECT), only of a named party or a state,
   government, court or vote (words.yaml ``recognised_authorities``): "does not
   recognize durian as a fruit" is no REJECT. A recognition stays SUPPORT.
3. A refusal to lift or ease a restriction ("will not lift the tariffs", "would not ease
   the curbs until ...") is REJECT yield (``event:refused-easing-is-rejection``); a plain
   past "did not lift" stays CONCEDE + negation, and a lifting stays CONCEDE.
4. A meeting noun in a prepositional phrase of a negated verb of inviting, admitting or
   attending ("was not invited to the summit") is a meeting the party did not attend:
   CONSULT + negation (``aux:kept-out-of-a-meeting``); invited to it, or attending it,
   stays a CONSULT that happened.
5. Insisting on a withdrawal, release or truce ("rejected the offer, insisting instead on
   the withdrawal of the troops") is a REQUEST yield by the insister
   (``sense:insisting-on-a-yield-is-demand``), and the withdrawal is asked, not done
   (``aux:demanded-thing``: hypothetical); a withdrawal that was completed stays RETREAT.
"""

from __future__ import annotations

import pytest

from conftest import happened, of_type, shown

pytestmark = pytest.mark.slow


def _types(events, etype: str) -> list:
    """The events of type ``etype`` (possibly none)."""
    return [e for e in events if e.event_type == etype]


# ------------------------------------------------------------ 1. negation and "and"

@pytest.mark.parametrize("text,typ", [
    ("Nairobi did not recognise the tribunal and condemned its ruling on Tuesday.", "ACCUSE"),
    ("Lima said it did not accept the court's authority and rejected the verdict.", "REJECT"),
])
def test_and_joined_past_verb_is_not_negated(code_text, text, typ):
    evs = code_text(text)
    got = of_type(evs, typ)
    assert got and "negation" not in got[-1].aux_modes, shown(evs)


@pytest.mark.parametrize("text,types", [
    ("The coast guard did not board the ferry or seize its cargo.", ("COERCE",)),
    ("Police did not arrest the students and beat them.", ("COERCE", "ASSAULT")),
])
def test_shared_negation_controls(code_text, text, types):
    evs = code_text(text)
    for typ in types:
        got = of_type(evs, typ)
        assert got and all("negation" in e.aux_modes for e in got), shown(evs)


# ------------------------------------------------------------ 2. withheld recognition

@pytest.mark.parametrize("text", [
    "Rwanda does not recognise the new government in Kinshasa.",
    "Ethiopia said it will not recognize the breakaway region's vote.",
])
def test_withheld_recognition_is_rejection(code_text, text):
    evs = code_text(text)
    got = of_type(evs, "REJECT")
    assert got and got[0].aux_modes == [], shown(evs)
    assert "event:withheld-recognition-is-rejection" in got[0].rules, shown(evs)
    assert not _types(evs, "SUPPORT"), shown(evs)


@pytest.mark.parametrize("text", [
    "Malaysia does not recognize durian as a fruit, the minister joked.",
    "The ministry does not recognise these achievements of the old board.",
])
def test_withheld_recognition_of_a_thing_is_no_rejection(code_text, text):
    evs = code_text(text)
    assert not _types(evs, "REJECT"), shown(evs)


def test_recognition_stays_support(code_text):
    evs = code_text("Kenya recognised the new government in Mogadishu on Friday.")
    got = of_type(evs, "SUPPORT")
    assert got and got[0].aux_modes == [], shown(evs)
    assert not _types(evs, "REJECT"), shown(evs)


# ------------------------------------------------------------ 3. refused easing

@pytest.mark.parametrize("text", [
    "The finance minister said Ottawa will not lift the tariffs on Chinese steel.",
    "Tokyo would not ease the export curbs on Seoul until the court ruling was reversed.",
])
def test_refused_easing_is_rejection(code_text, text):
    evs = code_text(text)
    got = of_type(evs, "REJECT")
    assert got and got[0].mode == "yield" and got[0].aux_modes == [], shown(evs)
    assert "event:refused-easing-is-rejection" in got[0].rules, shown(evs)
    assert not _types(evs, "CONCEDE"), shown(evs)


@pytest.mark.parametrize("text,aux", [
    ("The junta did not lift the curfew in the northern provinces.", ["negation"]),
    ("The junta lifted the curfew in the northern provinces.", []),
])
def test_lifting_controls_stay_concession(code_text, text, aux):
    evs = code_text(text)
    got = of_type(evs, "CONCEDE")
    assert got and got[0].aux_modes == aux, shown(evs)
    assert not _types(evs, "REJECT"), shown(evs)


# ------------------------------------------------------------ 4. kept out of a meeting

@pytest.mark.parametrize("text", [
    "The Somali envoy was not invited to the summit in Addis Ababa.",
    "Bolivia's foreign minister was not admitted to the talks in Lima, his office said.",
])
def test_meeting_of_a_negated_invitation_is_negated(every_candidate, text):
    evs = every_candidate(text)
    got = [e for e in evs if e.event_type == "CONSULT"]
    assert got and all("negation" in e.aux_modes for e in got), shown(evs)
    assert any("aux:kept-out-of-a-meeting" in e.rules for e in got), shown(evs)
    assert "CONSULT" not in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The Somali envoy was invited to the summit in Addis Ababa.",
    "The Somali envoy attended the summit in Addis Ababa on Monday.",
])
def test_meeting_controls_stay_happened(every_candidate, text):
    evs = every_candidate(text)
    got = [e for e in evs if e.event_type == "CONSULT"]
    assert got and all("negation" not in e.aux_modes for e in got), shown(evs)


# ------------------------------------------------------------ 5. insisting on a yield

@pytest.mark.parametrize("text", [
    "Thailand rejected the offer, insisting instead on the withdrawal of Cambodian troops from the temple.",
    "Quito turned down the proposal, insisting on the release of the detained fishermen.",
])
def test_insisting_on_a_yield_is_request(code_text, text):
    evs = code_text(text)
    got = of_type(evs, "REQUEST")
    assert got[0].mode == "yield" and got[0].aux_modes == [], shown(evs)
    assert "sense:insisting-on-a-yield-is-demand" in got[0].rules, shown(evs)
    assert "REJECT" in happened(evs), shown(evs)


def test_insisted_withdrawal_is_asked_not_done(every_candidate):
    evs = every_candidate("Thailand insisted on the withdrawal of Cambodian troops from the temple.")
    assert "REQUEST" in happened(evs), shown(evs)
    assert "RETREAT" not in happened(evs), shown(evs)


def test_completed_withdrawal_stays_retreat(every_candidate):
    evs = every_candidate("Cambodia completed the withdrawal of its troops from the temple on Sunday.")
    assert "RETREAT" in happened(evs), shown(evs)
