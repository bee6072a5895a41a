"""Places and the actor knowledge base, round 20 (r20e), by kind:

1. A name followed by an admin word ("region", "oblast", "province", "governorate",
   "district", "prefecture", "department", "state") names a subdivision: a namesake town
   (Odessa, Texas) or the subdivision's own capital never wins over it
   (``Gazetteer._subdivision_of_town``; aliases.json ``subdivision_names`` for the English
   names of subdivisions pycountry spells locally; subdivisions named after their capital
   indexed under "<capital> <admin word>").
2. World and sub-continental regions ("the Horn of Africa", "the Great Lakes region",
   "Latin America") are no place in one country and no actor, whatever a word inside them
   matches in the knowledge base ("Horn": Gyula Horn; "America"; "Lakes": a South
   Sudanese state); a bare surname followed by "of" and a name that is no state or place
   is a word of that longer name.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import json
from importlib import resources

import pycountry
import pytest

from tidings.actors import resolve
from tidings.places import (event_location, gazetteer, region_name, resolve_place, subdivision_named,
                            world_region)


# ------------------------------------------------------------- 1. name + admin word
@pytest.mark.parametrize("text, country, name", [
    ("Odessa region", "UKR", "Odeska oblast"),          # not Odessa, Texas
    ("Odessa oblast", "UKR", "Odeska oblast"),
    ("Kherson region", "UKR", None),
    ("Idlib province", "SYR", "Idlib"),
    ("Aleppo governorate", "SYR", "Ḩalab"),             # named after its capital
    ("Hama province", "SYR", "Ḩamāh"),
    ("Balochistan province", "PAK", None),
    ("Darfur region", "SDN", "Darfur"),
    ("Ninewa governorate", "IRQ", "Nīnawá"),            # aliases.json subdivision_names
    ("Nineveh governorate", "IRQ", "Nīnawá"),
    ("Tillaberi region", "NER", "Tillabéri"),
    ("North Kivu province", "COD", "Nord-Kivu"),
    ("Paktia province", "AFG", "Paktiyā"),
    ("Lower Shabelle region", "SOM", "Shabeellaha Hoose"),
    ("Amur region", "RUS", "Amurskaya oblast'"),       # not the Indian town Āmūr
    ("Tokyo prefecture", "JPN", None),
    ("Cuzco region", "PER", None),
])
def test_places_r20e_name_and_admin_word_is_the_subdivision(text, country, name):
    p = resolve_place(text)
    assert (p.feature, p.country) == ("admin1", country), p
    if name is not None:
        assert p.name == name


def test_places_r20e_odessa_region_whatever_the_story_context():
    # a US story about the war: the Texan town still loses to the Ukrainian oblast
    assert resolve_place("Odessa region", ("USA",)).country == "UKR"
    # the bare name keeps its old reading (own geonames name first): no admin word, no rule
    assert resolve_place("Odessa").country == "USA"
    assert resolve_place("Odessa", ("UKR",)).country == "UKR"


def test_places_r20e_other_states_subdivisions_keep_their_names():
    # "Washington" is an alternate name of the District of Columbia: "Washington state" is
    # still the state (a name that already names a subdivision of that state is kept)
    assert resolve_place("Washington state").name == "Washington"
    assert resolve_place("Borno State").name == "Borno"
    assert resolve_place("Kursk region").name == "Kursk region"


def test_places_r20e_a_towns_region_is_in_its_country():
    # no subdivision of the name: the area around the town, in the town's state, no coordinates
    p = resolve_place("Mosul region")
    assert (p.name, p.country, p.feature, p.lat) == ("Mosul region", "IRQ", "admin1", None)
    p = resolve_place("Bakhmut region", ("UKR",))
    assert (p.name, p.country, p.feature) == ("Bakhmut region", "UKR", "admin1")
    # a town abroad that is small and outside the story's states names none
    assert resolve_place("Bakhmut region").feature == "populated_place"
    # a US town names no region (aliases.json admin_word_towns): no made-up subdivision
    assert resolve_place("Springfield region").feature != "admin1"
    # a district the gazetteer does not hold stays its town (second level: no made-up area)
    p = resolve_place("Bakhmut district", ("UKR",))
    assert (p.name, p.country, p.feature) == ("Bakhmut", "UKR", "populated_place")


def test_places_r20e_event_location_of_own_sentences():
    s = "Russian drones struck grain silos in the Odessa region on Tuesday, officials in Washington said."
    a = s.index("Odessa")
    p = event_location(s, [(a, a + 6, "GPE")], s.index("struck"), [], ("USA", "RUS"))
    assert (p.text, p.name, p.country, p.feature) == ("Odessa region", "Odeska oblast", "UKR", "admin1")
    s = "Soldiers detained four smugglers in Ninewa governorate near the Syrian border."
    a = s.index("Ninewa")
    p = event_location(s, [(a, a + 6, "GPE")], s.index("detained"), [], ("IRQ",))
    assert (p.text, p.country, p.feature) == ("Ninewa governorate", "IRQ", "admin1")
    s = "Troops shelled three villages in the Mosul region overnight."
    a = s.index("Mosul")
    p = event_location(s, [(a, a + 5, "GPE")], s.index("shelled"), [], ("IRQ",))
    assert (p.text, p.country, p.feature) == ("Mosul region", "IRQ", "admin1")


def test_places_r20e_admin_word_as_a_modifier_names_no_made_up_subdivision():
    s = "The envoy met elders in Mosul region offices."
    a = s.index("Mosul")
    assert subdivision_named(s, a, a + 5) is None
    s = "The envoy met elders in the Mosul region on Monday."
    p = subdivision_named(s, s.index("Mosul"), s.index("Mosul") + 5)
    assert (p.text, p.country) == ("Mosul region", "IRQ")
    # a subdivision the gazetteer holds is named whatever follows, as before
    s = "The Odessa region governor said two ports were hit."
    assert subdivision_named(s, s.index("Odessa"), s.index("Odessa") + 6).country == "UKR"


def test_places_r20e_subdivision_names_are_valid():
    data = json.loads(resources.files("tidings.data.places").joinpath("aliases.json").read_text(encoding="utf-8"))
    names = data["subdivision_names"]
    assert len(names) >= 100
    g = gazetteer()
    from tidings.places import normalise_name

    for code, news in names.items():
        sd = pycountry.subdivisions.get(code=code)
        assert sd is not None, code
        iso3 = pycountry.countries.get(alpha_2=sd.country_code).alpha_3
        assert news and len(set(news)) == len(news), code
        for n in news:
            # each name is a subdivision of that state (this one or one it already had)
            assert any(e.country == iso3 and e.feature == "admin1" for e in g.admin1.get(normalise_name(n), ())), n
    assert data["admin_word_towns"]["skip_countries"] == ["USA"]


# ------------------------------------------------------------- 2. world regions
@pytest.mark.parametrize("text", ["the Horn of Africa", "Horn of Africa", "the Great Lakes region", "the Sahel region",
                                  "Latin America", "Southeast Asia", "the Levant", "the Maghreb", "the Caucasus",
                                  "the Balkans", "the Gulf", "Central America", "the Western Balkans"])
def test_places_r20e_world_regions_are_no_place_of_a_country(text):
    assert world_region(text) and region_name(text)
    p = resolve_place(text)
    assert (p.country, p.feature) == (None, "other"), p


@pytest.mark.parametrize("text", ["South Africa", "North Macedonia", "South Sudan", "Western Sahara", "East Timor"])
def test_places_r20e_states_named_with_a_direction_are_no_region(text):
    # world_region drops a direction word ("the southern Caribbean"), never from a state's name
    assert not world_region(text) and not region_name(text)
    assert resolve_place(text).feature == "country"


@pytest.mark.parametrize("text", ["the Horn of Africa", "Horn of Africa", "the Horn", "Horn of Africa leaders",
                                  "Latin America", "the Great Lakes region", "the Gulf of Guinea",
                                  "the Persian Gulf", "Southeast Asia"])
def test_places_r20e_world_regions_resolve_to_no_actor(text):
    assert resolve(text) is None


@pytest.mark.parametrize("text, name, country", [
    ("Gyula Horn", "Gyula Horn", "HUN"),               # the person himself
    ("Prime Minister Horn", "Gyula Horn", "HUN"),
    ("President Putin of Russia", "Vladimir Putin", "RUS"),   # surname of <state>: a person
    ("Blinken of the United States", "Antony Blinken", "USA"),
    ("the Obama administration", "Barack Obama", "USA"),
    ("the Atlantic", "The Atlantic", "USA"),           # a name the KB holds whole stays
    ("South Africa", "Government of South Africa", "ZAF"),
])
def test_places_r20e_near_misses_keep_their_actor(text, name, country):
    e = resolve(text)
    assert e is not None and (e.name, e.country) == (name, country)


def test_places_r20e_envoy_for_a_region_is_of_his_own_state():
    e = resolve("U.S. Special Envoy for the Horn of Africa Mary Doyle")
    assert (e.country, e.sector) == ("USA", "GOV")
