"""r25n: who did it when the sentence names a thing (a fresh user's trial, twenty-fifth
round). Every sentence here was written for these tests.

1. A munition named as the subject with no owner ("shells fell on the camp", "artillery
   rounds hit positions") is no actor, and no actor is learned from another clause
   (annotation guide section 5; structure:munition-is-no-actor, words.yaml
   munition_nouns). An owner before it ("government drones", "Hamas rockets") acts;
   crewed aircraft stay actors (the train gold); "a round of talks" is no munition.
"""

from __future__ import annotations

import pytest

from conftest import of_type, shown

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Mortar rounds struck an army depot outside Bunia on Tuesday.",
    "A rocket hit the customs post near the border overnight.",
])
def test_ownerless_munition_is_no_actor(code_text, text):
    evs = code_text(text)
    ev = of_type(evs, "ASSAULT")[0]
    assert ev.actor == [], shown(evs)
    assert "structure:munition-is-no-actor" in ev.rules


def test_munition_in_after_clause_takes_no_actor_from_main_clause(every_candidate):
    evs = every_candidate("Uganda closed its border crossing at Bunagana on Friday after shells fell "
                    "on a market near the town.")
    assert of_type(evs, "COERCE")[0].actor[0].country == "UGA", shown(evs)
    for ev in of_type(evs, "ASSAULT"):
        assert ev.actor == [], shown(evs)


def test_owned_munition_names_its_owner(code_text):
    evs = code_text("Hezbollah rockets struck a kibbutz in northern Israel on Sunday.")
    ev = of_type(evs, "ASSAULT")[0]
    assert ev.actor and ev.actor[0].country == "LBN", shown(evs)
    assert "structure:munition-is-no-actor" not in ev.rules


def test_crewed_aircraft_stay_actors(code_text):
    evs = code_text("Army helicopters bombed rebel camps in the hills on Monday.")
    ev = of_type(evs, "ASSAULT")[0]
    assert ev.actor, shown(evs)
    assert "structure:munition-is-no-actor" not in ev.rules


def test_round_of_talks_is_no_munition(code_text):
    evs = code_text("A second round of talks between Colombia and the ELN opened in Havana.")
    assert all("structure:munition-is-no-actor" not in e.rules for e in evs), shown(evs)
