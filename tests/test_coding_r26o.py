"""r26o: places that make false dyads (a fresh user's trial, twenty-sixth round).
Every sentence here was written for these tests.

1. A place owned by the actor ("off its east coast", "off North Korea's east coast")
   is in the actor's country and never stands in for the recipient (words.yaml
   place_owner_pronouns; events._owned_place). Another party's place keeps its
   country and stands in as before.
2. A common noun of water alone ("into the sea", a headline's "Into Sea") is no place
   name (places.bare_water_noun): the gazetteer's "Sea" is Seattle's airport code.
"""

from __future__ import annotations

import pytest

from conftest import of_type, shown
from tidings.places import bare_water_noun, resolve_place, water_body

pytestmark = pytest.mark.slow

DL = "SEOUL, May 11 - "


def test_place_owned_by_its_is_the_actors(code_text):
    evs = code_text(DL + "North Korea fired a medium-range missile into waters off its east coast early "
                    "on Monday, the South Korean military said.", pub_date="2026-05-11")
    ev = of_type(evs, "MOBILIZE")[0]
    assert ev.recipient == [], shown(evs)
    assert ev.location is not None and ev.location.country == "PRK", shown(evs)


def test_unowned_coast_keeps_story_country_control(code_text):
    # no owner: the unknown place still takes the story's country (unchanged)
    evs = code_text(DL + "North Korea fired a medium-range missile toward the east coast early on Monday, "
                    "the South Korean military said.", pub_date="2026-05-11")
    ev = [e for e in evs if e.location is not None][0]
    assert ev.location.country == "KOR", shown(evs)


def test_other_partys_coast_stays_recipient_control(code_text):
    evs = code_text(DL + "North Korean artillery shelled islands off South Korea's west coast early on Monday, "
                    "the South Korean military said.", pub_date="2026-05-11")
    ev = of_type(evs, "ASSAULT")[0]
    assert [r.country for r in ev.recipient] == ["KOR"], shown(evs)


def test_bare_sea_is_no_place():
    assert bare_water_noun("the sea") and bare_water_noun("Sea") and bare_water_noun("the Sea on")
    assert not bare_water_noun("Red Sea") and not bare_water_noun("the Gulf")
    assert resolve_place("Sea").country is None
    assert water_body("the Black Sea") and not water_body("Southend-on-Sea")


def test_launch_into_the_sea_has_no_place(code_text):
    evs = code_text("Pyongyang fired three cruise missiles into the Sea on Monday, the military said.",
                    pub_date="2026-05-11")
    assert evs, "no event"
    assert all(e.location is None for e in evs), shown(evs)
    assert all(e.recipient == [] for e in evs), shown(evs)
