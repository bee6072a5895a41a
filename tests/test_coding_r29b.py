"""r29b: denied claims leave the denied act unlabelled; truce and ceasefire mentions.
Every sentence here was written for these tests (none from the corpus or ../shared).

1. Denied claims (annotation guide section 5, "denial"; section 4, negation is not for
   denials): "denied reports that its jets bombed", "dismissed claims that soldiers
   arrested", "rejected reports that its envoy met": the denial is REJECT and the act it
   denies gives **no record at all**, not even a negated one
   (``filter:denied-claim-is-not-labelled``, was ``aux:denied-claim``), so a dyad timeline
   (``tidings events --dyad``) never lists an act its actor denied. Controls: a plain
   "did not attack" stays a negated record (guide section 4); a denial whose object is
   the denier's own act ("denied a visa to") stays REJECT; a confirmed report stays.
   The drop is ``word_only``: another act of the same type told beside it stays.
2. Truces and ceasefires (annotation guide 11.19): agreed AGREE, declared by one side
   CONCEDE, called for REQUEST, observed RETREAT ceasefire, broken ASSAULT (the rule layer
   already coded these); a truce as a time frame or the source of benefits ("during the
   truce", "one year of the truce", "an outcome of the truce") is no event
   (``filter:truce-as-background-is-no-event``, words.yaml ``truce_frame_preps``,
   ``truce_background_nouns``; the learned layer proposed RETREAT there).
"""

from __future__ import annotations

import pytest

from conftest import happened, shown

pytestmark = pytest.mark.slow


# ------------------------------------------------------------ 1. denied claims

DENIED = [
    # (sentence, type of the denied act, its trigger word)
    ("Kenya denied reports that its jets had bombed a market in Somalia.", "ASSAULT", "bombed"),
    ("Caracas denied that its troops had fired on Colombian border guards.", "ASSAULT", "fired"),
    ("The junta dismissed claims that soldiers had arrested the union leader.", "COERCE", "arrested"),
    ("The rebels dismissed claims that they had detained four election observers.", "COERCE", "detained"),
    ("The foreign ministry rejected reports that its envoy had met rebel commanders in Geneva.", "CONSULT", "met"),
    ("The palace rejected reports that the king had held secret talks with the opposition.", "CONSULT", "talks"),
]


@pytest.mark.parametrize("text,etype,word", DENIED)
def test_denied_act_gives_no_record_even_below_threshold(every_candidate, text, etype, word):
    evs = every_candidate(text, pub_date="2026-03-02")
    assert not [e for e in evs if word in e.trigger.split()], shown(evs)
    assert etype not in {e.event_type for e in evs}, shown(evs)
    assert "REJECT" in happened(evs), shown(evs)


@pytest.mark.parametrize("text,etype,word", DENIED)
def test_denial_stays_reject_with_its_denier(default_code, text, etype, word):
    evs = default_code(text)
    rej = [e for e in evs if e.event_type == "REJECT"]
    assert len(rej) == 1 and rej[0].mode is None and not rej[0].aux_modes, shown(evs)


def test_the_filter_names_itself_in_the_trace(traced_code):
    _, trace = traced_code("The junta dismissed claims that soldiers had arrested the union leader.")
    hit = [t for t in trace if t["trigger"] == "arrested"]
    assert hit and "filter:denied-claim-is-not-labelled" in hit[0]["rules"], trace


def test_the_old_aux_rule_is_gone():
    from tidings.coding.rules import load_rules

    names = {r.name for r in load_rules()}
    assert "aux:denied-claim" not in names and "filter:denied-claim-is-not-labelled" in names


CONTROLS = [
    # (sentence, type, trigger word, aux modes): each must stay as it is
    # plain negation: guide 4's auxiliary mode, a negated record
    ("Syria did not attack the convoy near the border.", "ASSAULT", "attack", ["negation"]),
    # a denial whose object is the denier's own act: REJECT with the one refused as recipient
    ("The consulate denied a visa to the opposition leader.", "REJECT", "denied", []),
    # a report confirmed, not denied: the act is reported
    ("Officials confirmed reports that troops had shelled the village.", "ASSAULT", "shelled", []),
    # a refusal of an offer is REJECT of its own
    ("The ministry rejected the proposal for new talks with the unions.", "REJECT", "rejected", []),
]


@pytest.mark.parametrize("text,etype,word,aux", CONTROLS)
def test_controls_keep_their_record(default_code, text, etype, word, aux):
    evs = default_code(text)
    got = [e for e in evs if e.event_type == etype and word in e.trigger.split()]
    assert got and list(got[0].aux_modes) == aux, shown(evs)


def test_visa_denial_names_who_was_refused(default_code):
    evs = default_code("The consulate denied a visa to the opposition leader.")
    rej = [e for e in evs if e.event_type == "REJECT"]
    assert rej and [r.text for r in rej[0].recipient] == ["the opposition leader"], shown(evs)



def test_denied_act_leaves_a_second_told_act_of_its_type(default_code):
    # the filter drops the word only (word_only): an attack told beside the denial stays
    evs = default_code("The ministry rejected claims that its jets had bombed the camp, "
                       "and gunmen attacked a police post in the north on Monday.")
    assert "ASSAULT" in happened(evs) and "REJECT" in happened(evs), shown(evs)
    assert not [e for e in evs if "bombed" in e.trigger.split()], shown(evs)


# ------------------------------------------------------------ 2. truces (guide 11.19)

TRUCE = [
    # (sentence, type the guide gives the truce mention)
    ("The two militias agreed on a week-long truce on Sunday.", "AGREE"),
    ("The rebel council declared a unilateral truce for the harvest.", "CONCEDE"),
    ("The guerrillas ordered a ceasefire on all fronts from midnight.", "CONCEDE"),
    ("The Security Council called for an immediate ceasefire in the valley.", "REQUEST"),
    ("The rebels respected the truce during the elections.", "RETREAT"),
    ("Rebels broke the truce with raids on two towns on Monday.", "ASSAULT"),
]


@pytest.mark.parametrize("text,etype", TRUCE)
def test_truce_kinds_follow_the_guide(default_code, text, etype):
    evs = default_code(text)
    assert etype in happened(evs), shown(evs)


BACKGROUND = [
    # (sentence, the truce word): a truce as time frame or source of benefits is no event
    "Talks on the islands continued during the truce.",
    "Today marks one year of the truce in the war.",
    "The reopened market is one outcome of the truce.",
]


@pytest.mark.parametrize("text", BACKGROUND)
def test_truce_as_background_gives_no_record(every_candidate, text):
    evs = every_candidate(text, pub_date="2026-03-02")
    assert not [e for e in evs if "truce" in e.trigger.lower().split()], shown(evs)
    assert "RETREAT" not in {e.event_type for e in evs}, shown(evs)


TRUCE_CONTROLS = [
    # a truce put into effect, observed or violated is told as an act and stays
    ("The truce took effect at midnight on Saturday.", "RETREAT", "truce"),
    ("The rebels respected the truce during the elections.", "RETREAT", "truce"),
    # "during" a truce: the act told is labelled, not dropped with the frame
    ("The army shelled the town during the truce.", "ASSAULT", "shelled"),
]


@pytest.mark.parametrize("text,etype,word", TRUCE_CONTROLS)
def test_truce_told_as_an_act_stays(default_code, text, etype, word):
    evs = default_code(text)
    assert [e for e in evs if e.event_type == etype and word in e.trigger.split()], shown(evs)
