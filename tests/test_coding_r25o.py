"""Twenty-fifth round, r25o (a fresh user's conflict and border news): wrong types and
modes, by kind. All sentences are written for these tests.

1. Capturing the centre (heart, headquarters) of a town is taking a place, ASSAULT,
   not an abduction (words.yaml ``seized_place_nouns``; sense:seized-place-is-attack).
2. A pledge to destroy a group by force ("pledged to neutralise the militia", "vowed to
   crush the insurgents") is THREATEN violence (fold:pledged-destruction-is-threat;
   words ``force_pledge_verbs``, ``force_pledge_targets``); "eliminate poverty" stays.
3. A crossing closed to traffic "from" a state is SANCTION discontinue toward it
   (sense:closed-crossing-to-traffic-from-a-state-is-sanction).
4. A party regarding another's act as intimidation or provocation is ACCUSE disapprove
   (frame:act-regarded-as-hostility-is-disapproval; ``syntax.naming_verb``), and the
   viewer is not the actor of the regarded act.
"""

from __future__ import annotations

import pytest

from conftest import of_type, shown

CODERS = ("code_text", "default_code")


def _codes(ents) -> set:
    return {e.country or e.igo for e in ents}


# --- 1. a captured town centre ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Rebel fighters captured the centre of Kalemie on Friday after heavy fighting.",
    "Militiamen captured the heart of the mining town on Sunday.",
])
def test_captured_town_centre_is_an_attack_not_an_abduction(code_text, text):
    evs = code_text(text)
    ev = of_type(evs, "ASSAULT")[0]
    assert ev.mode != "abduct", shown(evs)
    assert "sense:seized-place-is-attack" in ev.rules, shown(evs)


def test_captured_people_stay_an_abduction_or_arrest(code_text):
    """Control: people captured are not a place."""
    evs = code_text("Gunmen captured two aid workers near Beni on Friday.")
    assert not any("sense:seized-place-is-attack" in e.rules for e in evs), shown(evs)


# --- 2. a pledge to destroy a group -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Kinshasa pledged to neutralise the militia operating near the lake.",
    "The army vowed to crush the insurgents in the north.",
    "The junta promised to eliminate the jihadist groups within a year.",
])
@pytest.mark.parametrize("which", CODERS)
def test_pledged_destruction_of_a_group_is_a_threat(request, which, text):
    evs = request.getfixturevalue(which)(text)
    ev = of_type(evs, "THREATEN")[0]
    assert ev.mode == "violence" and "fold:pledged-destruction-is-threat" in ev.rules, shown(evs)
    assert not [e for e in evs if e.event_type == "AGREE"], shown(evs)


@pytest.mark.parametrize("text", [
    "The government pledged to eliminate poverty by 2030.",
    "The central bank promised to neutralise the impact of the rate rise.",
])
def test_pledged_end_of_a_problem_is_no_threat(default_code, code_text, text):
    """Control: an abstract object is no party threatened. (The rule layer alone still
    folds "pledged to eliminate poverty" by fold:promised-conflict-is-threat, as on main;
    the shipped coder gives no threat.)"""
    assert not [e for e in default_code(text) if e.event_type == "THREATEN"], shown(default_code(text))
    assert not [e for e in code_text(text) if "fold:pledged-destruction-is-threat" in e.rules]


# --- 3. crossings closed to another state's traffic ---------------------------------------

@pytest.mark.parametrize("which", CODERS)
def test_crossing_closed_to_traffic_from_a_state_is_a_sanction(request, which):
    evs = request.getfixturevalue(which)(
        "Hungary closed two border crossings to lorries carrying grain from Ukraine on Monday.")
    ev = of_type(evs, "SANCTION")[0]
    assert ev.mode == "discontinue", shown(evs)
    if which == "default_code":  # the recipient comes from the argument model
        assert "UKR" in _codes(ev.recipient), ([(e.text, e.country) for e in ev.recipient], shown(evs))
    assert "HUN" not in _codes(ev.recipient)


def test_crossing_closed_to_lorries_alone_stays_a_restriction(code_text):
    """Control: no state's traffic named, the lexicon's COERCE restrict (train gold)."""
    evs = code_text("Hungary closed two border crossings to lorries on Monday.")
    assert not [e for e in evs if e.event_type == "SANCTION"], shown(evs)
    assert of_type(evs, "COERCE")[0].mode == "restrict"


# --- 4. an act regarded as intimidation ---------------------------------------------------

@pytest.mark.parametrize("text, actor", [
    ("Taipei regarded the naval drills as intimidation.", "TWN"),
    ("Tbilisi regarded the overflights as a provocation.", "GEO"),
])
@pytest.mark.parametrize("which", CODERS)
def test_act_regarded_as_intimidation_is_disapproval(request, which, text, actor):
    evs = request.getfixturevalue(which)(text)
    ev = of_type(evs, "ACCUSE")[0]
    assert ev.mode == "disapprove" and _codes(ev.actor) == {actor}, shown(evs)
    # the viewer did not hold the drills
    assert not [e for e in evs if e.event_type == "MOBILIZE" and _codes(e.actor) == {actor}], shown(evs)


def test_act_regarded_as_routine_is_no_accusation(code_text):
    """Control: a neutral view condemns nothing."""
    evs = code_text("Taipei regarded the naval drills as routine.")
    assert not [e for e in evs if e.event_type == "ACCUSE"], shown(evs)
