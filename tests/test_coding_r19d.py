"""Plainly worded acts of kinds the corpus rarely shows (r19d, a fresh user's trial):
custody, prisoner swaps, goods handed over, airdrops of relief, calls to a counterpart.

Each kind is found by a frame or sense rule (``data/rules/frame.jsonl``,
``data/rules/sense.jsonl``) whose ``prior`` keeps the learned gate's belief in the act
at least 0.5, so the default output (threshold 0.4) reports it; near misses must not
change. All sentences are the team's own."""

from __future__ import annotations

import pytest

from conftest import happened, shown


def _types(events) -> set[str]:
    return happened(events)


# --- custody: COERCE arrest (annotation guide, COERCE: arrest, detention) -------------

@pytest.mark.parametrize("text", [
    "Officers took the student organiser into custody outside the campus gate.",
    "The former minister was taken into police custody late on Sunday.",
    "A sessions court remanded the two bloggers in judicial custody for a fortnight.",
])
def test_taken_into_custody_is_arrest(default_code, text):
    evs = default_code(text)
    assert any(e.event_type == "COERCE" and e.mode == "arrest" for e in evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The inquiry took the new testimony into account.",
    "The rebel commander took the airport into his sights.",
])
def test_taking_into_other_things_is_no_arrest(default_code, text):
    evs = default_code(text)
    assert not any(e.event_type == "COERCE" for e in evs), shown(evs)


# --- prisoner swaps: RETREAT release ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "Yemen's warring parties swapped 60 detainees under UN supervision.",
    "The two governments traded captives at the frontier on Sunday.",
    "Kinshasa and the rebels exchanged prisoners after the truce.",
    "The two armies carried out a hostage exchange near the demarcation line.",
])
def test_prisoner_swap_is_release(default_code, text):
    evs = default_code(text)
    assert any(e.event_type == "RETREAT" and e.mode == "release" for e in evs), shown(evs)


def test_swapped_places_is_no_release(default_code):
    evs = default_code("The two parties swapped places in the latest opinion poll.")
    assert "RETREAT" not in _types(evs), shown(evs)


# --- goods handed over: AID (annotation guide, AID: "handing over goods is AID") --------

@pytest.mark.parametrize("text", [
    "Tokyo handed over twelve fire trucks and medical equipment to the city of Mandalay.",
    "China handed over 50 tractors to farmers' cooperatives in Malawi.",
    "The embassy handed over food and medicine to the displaced families.",
])
def test_handed_over_goods_is_aid(default_code, text):
    evs = default_code(text)
    assert "AID" in _types(evs), shown(evs)


def test_handed_over_weapons_is_no_aid(default_code):
    evs = default_code("The militia handed over its heavy weapons to the monitoring mission.")
    assert "AID" not in _types(evs), shown(evs)


# --- airdrops of relief: AID ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Indian air force planes dropped ration packets over the flooded district.",
    "Military aircraft airdropped pallets of flour over the besieged enclave.",
])
def test_airdropped_relief_is_aid(default_code, text):
    evs = default_code(text)
    assert "AID" in _types(evs), shown(evs)


def test_dropped_bombs_stay_attack(default_code):
    evs = default_code("Government jets dropped barrel bombs on the rebel-held suburb.")
    assert "ASSAULT" in _types(evs) and "AID" not in _types(evs), shown(evs)


# --- calls to a counterpart: CONSULT phone ---------------------------------------------

@pytest.mark.parametrize("text", [
    "The Polish foreign minister called his Lithuanian counterpart on Saturday.",
    "Egypt's defence minister rang his Sudanese counterpart to discuss the border.",
    "The Japanese finance minister called her South Korean counterpart after the vote.",
])
def test_called_counterpart_is_phone_call(default_code, text):
    evs = default_code(text)
    assert any(e.event_type == "CONSULT" and e.mode == "phone" for e in evs), shown(evs)
    assert "REQUEST" not in _types(evs), shown(evs)


def test_called_on_party_stays_request(default_code):
    evs = default_code("The Arab League called on both factions on Thursday to lay down their arms.")
    assert "REQUEST" in _types(evs), shown(evs)


def test_called_someone_on_a_day_is_no_appeal(default_code):
    evs = default_code("The governor called the party leader on Thursday.")
    assert "REQUEST" not in _types(evs), shown(evs)


# --- joint exercises: COOPERATE (annotation guide, COOPERATE: joint military exercises) --

@pytest.mark.parametrize("text", [
    "Thai and Malaysian marines staged joint drills off the coast of Songkhla.",
    "Moroccan and American troops staged joint military exercises in the desert.",
])
def test_joint_drills_are_cooperation(default_code, text):
    evs = default_code(text)
    assert "COOPERATE" in _types(evs), shown(evs)


def test_one_army_exercise_stays_mobilization(default_code):
    evs = default_code("The Ghanaian army staged a large exercise near the northern border.")
    assert "COOPERATE" not in _types(evs), shown(evs)
