"""r26y: two conjoined acts, each with its own actor and target, stay two events (a fresh
user's trial, twenty-sixth round). Every sentence here was written for these tests.

Two clauses of one type whose parties are the same states but whose actor mentions and
target mentions differ ("the artillery shelled positions ... and jets struck a command
post") are two acts (docs/annotation.md section 2: one event object per distinct act;
tidings.coding.coder._own_clauses). Controls: one act told with two verbs ("ambushed and
destroyed a convoy") and a second verb of the same subject stay one event.
"""

from __future__ import annotations

import pytest

from conftest import of_type, shown
from tidings.coding.coder import SAME_ACT


@pytest.mark.parametrize("text, triggers", [
    ("Serbian howitzers pounded Kosovar villages near the border on Friday, the ministry said, "
     "and Serbian drones bombed a police station in Mitrovica.", {"pounded", "bombed"}),
    ("Rebel gunmen ambushed an army convoy near Goma, officials said, and rebel fighters "
     "shelled a garrison outside Beni.", {"ambushed", "shelled"}),
])
def test_two_clauses_with_own_parties_are_two_acts(code_text, text, triggers):
    evs = of_type(code_text(text, pub_date="2026-05-04"), "ASSAULT")
    assert {e.trigger for e in evs} == triggers, shown(evs)
    assert all(SAME_ACT not in e.rules for e in evs), shown(evs)
    assert all(len(e.actor) == 1 and len(e.recipient) == 1 for e in evs), shown(evs)


@pytest.mark.parametrize("text", [
    "Rebel gunmen ambushed and destroyed an army convoy near Goma, officials said.",
    "Serbian howitzers pounded Kosovar villages on Friday and shelled them again on Friday night.",
])
def test_one_act_or_one_target_stays_one_event(code_text, text):
    evs = of_type(code_text(text, pub_date="2026-05-04"), "ASSAULT")
    assert len(evs) == 1, shown(evs)



def _ev(trigger, actors, recipients):
    from types import SimpleNamespace as N
    return N(trigger=trigger, actor=[N(text=t) for t in actors], recipient=[N(text=t) for t in recipients])


def test_own_clauses_needs_named_parties_of_its_own():
    from tidings.coding.coder import _own_clauses
    assert _own_clauses(_ev("shelled", ["Thai artillery"], ["Cambodian positions"]),
                        _ev("struck", ["Thai jets"], ["a command post"]))
    # a pronoun takes up the party named before ("and he praised their courage")
    assert not _own_clauses(_ev("thanked", ["the minister"], ["the mediators"]),
                            _ev("praised", ["she"], ["their skill"]))
    assert not _own_clauses(_ev("bombed", ["the jets"], ["the bridge"]),
                            _ev("destroyed", ["the jets"], ["the bridge"]))
    assert not _own_clauses(_ev("killed", [], ["five villagers"]), _ev("injured", [], ["three others"]))
