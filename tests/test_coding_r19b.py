"""Recipients that are no party, and countries read from names that are not parties
(nineteenth round; kinds a fresh user's trial met). Sentences written for these tests.

1. A sea, ocean or world region is a place in no one country: it takes no country from
   the story and never stands in for the target of an attack (annotation guide sections
   6 and 7; tidings.places.world_region).
"""

from __future__ import annotations

import pytest

from conftest import shown
from tidings.places import world_region


def _recipient_countries(evs, etype: str) -> set:
    return {r.country for e in evs if e.event_type == etype for r in e.recipient}


# -- 1. a sea or region is no recipient's country ---------------------------------------------

@pytest.mark.parametrize("text", [
    "the Caribbean", "southern Caribbean", "the eastern Mediterranean", "Baltic", "the Sahel",
    "Indo-Pacific", "Gulf of Guinea", "the northern Atlantic", "international waters",
])
def test_seas_and_regions_are_world_regions(text):
    assert world_region(text)


@pytest.mark.parametrize("text", ["Lima", "Kherson", "Red Sea state", "Bekaa Valley", "Caracas", "Peru"])
def test_towns_countries_and_subdivisions_are_not_world_regions(text):
    assert not world_region(text)


@pytest.mark.parametrize("text, etype, home", [
    ("WASHINGTON -- American marines seized a cargo vessel in the Caribbean on Wednesday.", "COERCE", "USA"),
    ("PARIS -- French warplanes bombed a convoy of pickup trucks in the Sahel on Sunday.", "ASSAULT", "FRA"),
    ("LONDON -- Royal Navy sailors fired on a smuggling skiff in the western Mediterranean on Thursday.",
     "ASSAULT", "GBR"),
])
def test_a_region_gives_the_target_no_country(every_candidate, text, etype, home):
    evs = every_candidate(text)
    hits = [e for e in evs if e.event_type == etype]
    assert hits, shown(evs)
    assert home not in _recipient_countries(evs, etype), [(e.event_type, e.recipient) for e in evs]
    assert all(e.location is None or e.location.country is None for e in hits), [e.location for e in hits]


def test_a_country_still_stands_in_for_the_target(every_candidate):
    # near miss: a country named as where the attack happened still gives its country
    evs = every_candidate("Gunmen ambushed a convoy in Niger on Friday.")
    assert "NER" in _recipient_countries(evs, "ASSAULT"), [(e.event_type, e.recipient) for e in evs]


def test_an_unknown_local_place_still_takes_the_story_country(every_candidate):
    # near miss: a place the gazetteer does not know, and no region, is in the story's country
    evs = every_candidate("NAIROBI -- Kenyan police raided a warehouse at Kwa Mzungu Ridge on Monday.")
    locs = [e.location for e in evs if e.location is not None]
    assert locs and all(loc.country == "KEN" for loc in locs), [(e.event_type, e.location) for e in evs]
