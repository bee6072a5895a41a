"""r24i: main events a fresh user's analyst records that the default output missed, fixed
by kind. Every sentence here is the team's own, written for these tests (none is taken
from the corpus, an evaluation file or the user's stories).

Kinds (annotation guide sections 2, 3 and 5):

- a promised response ("vowed to respond", "pledged to react") is THREATEN, not a
  promise (sense:vowed-retaliation-is-threat); a promise to answer a letter is no event;
- a threatened reprisal ("threatened countermeasures", "threatened retaliation") is
  THREATEN (sense:threatened-retaliation-is-threat);
- water cannon used on a crowd is ASSAULT crowd-control beside the protest, also when
  the dispersal is its purpose clause (sense:water-cannon-on-a-crowd-is-crowd-control;
  a trigger folded into a governor of its own type no longer blocks the rule's prior);
  water cannon in a drill is no event;
- a state a causative verb makes act ("..., prompting Chile to sever diplomatic
  relations") acts on its own: its act is an event beside the cause
  (fold.state_made_to_act, coder._made_state_act).
"""
from __future__ import annotations

import pytest


def _typed(evs, etype, mode="*"):
    return [e for e in evs if e.event_type == etype and (mode == "*" or e.mode == mode)
            and not {"negation", "hypothetical"} & set(e.aux_modes)]


def _show(evs):
    return [(e.event_type, e.mode, e.trigger, round(e.confidence, 3), e.rules) for e in evs]


# --- promised and threatened reprisals: THREATEN ---------------------------------------

@pytest.mark.parametrize("text,rule,actor", [
    ("Pyongyang vowed to respond to the joint naval drills off its coast.",
     "sense:vowed-retaliation-is-threat", "Pyongyang"),
    ("The Sudanese army condemned the air raid and vowed to respond.",
     "sense:vowed-retaliation-is-threat", "The Sudanese army"),
    ("Beijing pledged to react firmly to the arms sale to Taipei.",
     "sense:vowed-retaliation-is-threat", "Beijing"),
    ("Minsk threatened countermeasures against Vilnius over the border closure.",
     "sense:threatened-retaliation-is-threat", "Minsk"),
    ("The Algerian foreign ministry threatened retaliation against Madrid after the decision.",
     "sense:threatened-retaliation-is-threat", "The Algerian foreign ministry"),
])
def test_promised_or_threatened_reprisal_is_threat(worker_code, text, rule, actor):
    evs = worker_code(text)
    got = _typed(evs, "THREATEN")
    assert got, _show(evs)
    assert rule in got[0].rules, _show(evs)
    assert [a.text for a in got[0].actor] == [actor], _show(evs)
    assert not _typed(evs, "AGREE"), _show(evs)


@pytest.mark.parametrize("text", [
    "The committee vowed to respond to the letter within a week.",
    "The mayor promised to respond to the questions of the residents by Friday.",
    "The ministry pledged to respond to every request for information.",
])
def test_promise_to_answer_correspondence_is_no_threat(worker_code, text):
    evs = worker_code(text)
    assert not _typed(evs, "THREATEN"), _show(evs)


# --- water cannon on a crowd: ASSAULT crowd-control ------------------------------------

@pytest.mark.parametrize("text,recipient", [
    ("Riot police used water cannon and pepper spray to disperse the crowd and detained "
     "14 people, the interior ministry said.", "the crowd"),
    ("Riot police used water cannon to disperse students outside the university in Dhaka.", "students"),
    ("In Belgrade, police used water cannon against thousands of demonstrators outside parliament.", None),
])
def test_water_cannon_on_a_crowd_is_crowd_control(worker_code, text, recipient):
    evs = worker_code(text)
    got = _typed(evs, "ASSAULT", "crowd-control")
    assert got, _show(evs)
    assert "sense:water-cannon-on-a-crowd-is-crowd-control" in got[0].rules, _show(evs)
    assert got[0].confidence >= 0.425, _show(evs)
    if recipient is not None:
        assert [r.text for r in got[0].recipient] == [recipient], _show(evs)


@pytest.mark.parametrize("text", [
    "Police used the water cannon in a drill at the training ground.",
    "The fire brigade bought a new water cannon for the airport.",
])
def test_water_cannon_without_a_crowd_is_no_event(worker_code, text):
    evs = worker_code(text)
    assert not _typed(evs, "ASSAULT"), _show(evs)


# --- a state made to act by a causative verb acts on its own ---------------------------

@pytest.mark.parametrize("text,actor,recipient", [
    ("Soldiers stormed the Chilean consulate in La Paz and detained two diplomats, prompting "
     "Chile to sever diplomatic relations with Bolivia.", "Chile", "Bolivia"),
    ("Gunmen shot dead two Colombian diplomats in Caracas, prompting Bogota to sever "
     "diplomatic relations with Venezuela.", "Bogota", "Venezuela"),
])
def test_state_prompted_to_sever_relations(worker_code, text, actor, recipient):
    evs = worker_code(text)
    got = _typed(evs, "SANCTION", "discontinue")
    assert got, _show(evs)
    assert [a.text for a in got[0].actor] == [actor], _show(evs)
    assert [r.text for r in got[0].recipient] == [recipient], _show(evs)
    # the cause is still coded
    assert len(evs) >= 2, _show(evs)


def test_people_made_to_flee_stay_folded(worker_code):
    """People made to act ("prompting thousands of villagers to flee") are no state: the
    fold is as before, no separate act of theirs."""
    evs = worker_code("Militiamen torched the market in Djugu, prompting thousands of villagers to flee.")
    assert not [e for e in evs if [a.text for a in e.actor] == ["thousands of villagers"]], _show(evs)
