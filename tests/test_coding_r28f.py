"""r28f: accidents are no ASSAULT, a search for victims is no seizure, blocking access to a
place is no censorship. Sentences written for these tests (no shared or corpus text)."""
from __future__ import annotations

import pytest

from conftest import shown


def _of(evs, etype):
    return [e for e in evs if e.event_type == etype]


@pytest.mark.parametrize("text", [
    "A packed minibus hit a cement truck on the ring road on Sunday night.",
    "The commuter train struck a lorry at a level crossing outside the town.",
    "A steam boiler blew up at the tannery before dawn.",
    "The governor resigned over the mine disaster that killed 40 miners.",
])
def test_accident_is_no_assault(default_code, text):
    """A vehicle striking a vehicle, a boiler blowing up, a disaster that killed people, with
    no weapon, attacker or claim named, is no ASSAULT (filter:vehicle-hit-vehicle-is-accident,
    filter:accident-source-blew-up, accident_mishaps "disaster"; PLOVER manual, Introduction)."""
    evs = default_code(text)
    assert not _of(evs, "ASSAULT"), shown(evs)


@pytest.mark.parametrize("text", [
    "Rebels blew up a gas pipeline near the refinery on Sunday.",
    "A car bomb hit a bus carrying soldiers, killing six.",
    "Gunmen attacked a ferry on the river, killing four passengers.",
])
def test_attack_on_vehicle_or_plant_stays_assault(default_code, text):
    """Controls: with an attacker or a weapon named the accident filters stay out."""
    evs = default_code(text)
    assert _of(evs, "ASSAULT"), shown(evs)


def test_search_for_survivors_is_no_seizure(default_code):
    evs = default_code("Firefighters searched for survivors in the ruins of the hotel.")
    assert not _of(evs, "COERCE"), shown(evs)


def test_police_search_for_weapons_stays_seizure(default_code):
    evs = default_code("Police searched the village for hidden weapons on Monday.")
    got = _of(evs, "COERCE")
    assert got and got[0].mode == "seize", shown(evs)


def test_blocked_access_to_a_place_is_no_censorship(default_code):
    evs = default_code("Troops blocked access to the main border post on Friday.")
    assert all(e.mode != "censor" for e in evs), shown(evs)


def test_blocked_access_to_a_medium_is_censorship(default_code):
    evs = default_code("The regulator blocked access to several news websites.")
    got = _of(evs, "COERCE")
    assert got and got[0].mode == "censor", shown(evs)
