"""Missed events by kind, issue 16 (recall of the learned coder): the largest kinds of
gold events that the default coder missed on the corpus train split (grouped by cause:
no candidate, a candidate under the threshold or dropped, a candidate of the right type
made hypothetical or negated, a wrong type), each fixed at the root as data. A sentence
of each kind must now give the event, and its near neighbour must still give none. All
sentences are the team's own.

Kinds:
- a demand written as an obligation ("the army must stop the bombings", "Pyongyang
  should cease its provocations") was made hypothetical by its modal, so the REQUEST
  never counted: the obligation is the demand itself (PLOVER manual, REQUEST: verbal
  demands; event:obligation-stated-is-demand). "could", "might" and an obligation inside
  an "if" clause stay hypothetical.
- a refusal, a charge or a threat that the learned layer reads in a negated word ("the
  militia has no place in the government", "the president will not tolerate any
  interference") was marked negated, so it never counted: the negation is the stance
  itself (annotation guide section 4; event:negated-stance-is-the-speech-act). A
  negated lexicon trigger ("has never condemned", "did not reject") keeps its negation.
- a type the learned gate proposes (the gate is trained on the events that happened)
  was made hypothetical by the modal, wish or condition of the word that carries it
  ("discussed ongoing efforts to provide humanitarian assistance", "the attack, whether
  it was perpetrated by ..."): the proposal is reported as done
  (event:proposed-type-is-reported-as-done). A rule trigger under a modal or a wish
  ("the rebels could attack the town", "hopes to receive more aid") stays hypothetical.
- a proposed act in the phrase of another noun that "no" determines ("gave no
  explanation for the attack", "there were no casualties in the attack") was negated by
  that noun: the act happened (event:proposed-act-in-a-negated-phrase-happened). An act
  negated itself ("there have been no clashes") or a planned act ("there are no plans
  for the president to visit") keeps its negation.
"""

from __future__ import annotations

import pytest

from conftest import happened, shown  # noqa: F401 (shared helpers)

pytestmark = pytest.mark.slow

OBLIGATIONS = [
    "The junta should stop detaining journalists immediately.",
    "Pyongyang must immediately cease its provocations against its neighbours.",
    "The security forces should stop harassing opposition candidates.",
]


@pytest.mark.parametrize("text", OBLIGATIONS, ids=[t[:40] for t in OBLIGATIONS])
def test_stated_obligation_is_a_demand(default_code, text):
    events = default_code(text)
    assert "REQUEST" in happened(events), [(e.event_type, e.trigger, e.aux_modes, e.rules) for e in events]


POSSIBILITIES = [
    "The army could stop the convoy at the border.",
    # an obligation inside a condition stays hypothetical
    "If the talks fail, the monitors must stop their patrols.",
]


@pytest.mark.parametrize("text", POSSIBILITIES, ids=[t[:40] for t in POSSIBILITIES])
def test_possibility_is_no_demand(default_code, text):
    events = default_code(text)
    assert "REQUEST" not in happened(events), [(e.event_type, e.trigger, e.aux_modes, e.rules) for e in events]


STANCES = [
    ("The militia has no place in the future government of the country.", "ACCUSE"),
    # the rebuilt gate gives this renamed act 0.39; event:withheld-permission-of-hostile-act-is-threat
    # carries a prior of 0.5 (r22a)
    ("The prime minister said his government would not tolerate any foreign interference in the elections.",
     "THREATEN"),
]


@pytest.mark.parametrize("text,etype", STANCES, ids=["no-place", "would-not-tolerate"])
def test_negated_stance_is_the_act(default_code, text, etype):
    events = default_code(text)
    assert etype in happened(events), [(e.event_type, e.trigger, e.aux_modes, e.rules) for e in events]


NEGATED_ACTS = [
    ("China has never condemned the shelling of the port.", "ACCUSE"),
    ("The ministry did not reject the proposal of the mediators.", "REJECT"),
]


@pytest.mark.parametrize("text,etype", NEGATED_ACTS, ids=[t[0][:40] for t in NEGATED_ACTS])
def test_negated_lexicon_trigger_stays_negated(default_code, text, etype):
    events = default_code(text)
    assert etype not in happened(events), [(e.event_type, e.trigger, e.aux_modes, e.rules) for e in events]


PROPOSED = [
    ("The ministers discussed ongoing efforts to provide humanitarian assistance to the flood victims in Pakistan.", "AID"),
]


@pytest.mark.parametrize("text,etype", PROPOSED, ids=[t[0][:40] for t in PROPOSED])
def test_proposed_type_is_reported_as_done(default_code, text, etype):
    events = default_code(text)
    assert etype in happened(events), [(e.event_type, e.trigger, e.aux_modes, e.rules) for e in events]


RULE_HYPOTHETICALS = [
    ("The rebels could attack the town next week.", "ASSAULT"),
    ("The government hopes to receive more food aid from donors next year.", "AID"),
]


@pytest.mark.parametrize("text,etype", RULE_HYPOTHETICALS, ids=[t[0][:40] for t in RULE_HYPOTHETICALS])
def test_rule_trigger_stays_hypothetical(default_code, text, etype):
    events = default_code(text)
    assert etype not in happened(events), [(e.event_type, e.trigger, e.aux_modes, e.rules) for e in events]


IN_NEGATED_PHRASE = [
    ("The caller gave no explanation for the attack on the police station.", "ASSAULT"),
    ("There were no casualties in the attack on the governor's residence.", "ASSAULT"),
]


@pytest.mark.parametrize("text,etype", IN_NEGATED_PHRASE, ids=[t[0][:40] for t in IN_NEGATED_PHRASE])
def test_act_in_negated_phrase_happened(default_code, text, etype):
    events = default_code(text)
    assert etype in happened(events), [(e.event_type, e.trigger, e.aux_modes, e.rules) for e in events]


NEGATED_ACTS_THEMSELVES = [
    ("There have been no clashes between the army and the rebels since March.", "ASSAULT"),
    ("There are no plans for the president to visit Beijing.", "CONSULT"),
]


@pytest.mark.parametrize("text,etype", NEGATED_ACTS_THEMSELVES, ids=[t[0][:40] for t in NEGATED_ACTS_THEMSELVES])
def test_act_negated_itself_stays_negated(default_code, text, etype):
    events = default_code(text)
    assert etype not in happened(events), [(e.event_type, e.trigger, e.aux_modes, e.rules) for e in events]
