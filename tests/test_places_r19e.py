"""A place named with an admin word is the subdivision, not its namesake capital (r19e):
"Ryazan region" is Ryazanskaya oblast', not the city of Ryazan (a fresh user's trial).
The subdivisions pycountry names by a local adjective form are indexed under the names
news gives them (aliases.json ``subdivision_forms``)."""

from __future__ import annotations

import json
from importlib import resources

import pycountry
import pytest

from tidings.places import event_location, gazetteer, resolve_place, subdivision_named


@pytest.mark.parametrize("text,name,country", [
    ("Ryazan region", "Ryazanskaya oblast'", "RUS"),
    ("Ryazan oblast", "Ryazanskaya oblast'", "RUS"),
    ("the Ryazan region", "Ryazanskaya oblast'", "RUS"),
    ("region of Ryazan", "Ryazanskaya oblast'", "RUS"),
    ("Moscow region", "Moskovskaya oblast'", "RUS"),        # irregular stem: names
    ("Novosibirsk region", "Novosibirskaya oblast'", "RUS"),  # stem + "sk"
    ("Tula region", "Tul'skaya oblast'", "RUS"),             # stem + "a"
    ("Krasnodar krai", "Krasnodarskiy kray", "RUS"),
    ("Kharkiv oblast", "Kharkivska oblast", "UKR"),
    ("Lviv region", "Lvivska oblast", "UKR"),
    ("Dnipro region", "Dnipropetrovska oblast", "UKR"),     # the city's main name
    ("Minsk region", "Minskaja voblasć", "BLR"),
])
def test_places_r19e_city_and_admin_word_is_the_subdivision(text, name, country):
    p = resolve_place(text)
    assert (p.name, p.feature, p.country) == (name, "admin1", country)


@pytest.mark.parametrize("text,country", [("Ryazan", "RUS"), ("Moscow", "RUS"), ("Kharkiv", "UKR"),
                                          ("Minsk", "BLR")])
def test_places_r19e_the_name_alone_stays_the_city(text, country):
    p = resolve_place(text)
    assert (p.feature, p.country) == ("populated_place", country)


def test_places_r19e_existing_region_entries_are_kept():
    # aliases.json 'regions' already holds "Kursk region": it is not replaced
    assert resolve_place("Kursk region").name == "Kursk region"


def test_places_r19e_subdivision_named_needs_the_admin_word():
    s = "Drones attacked a refinery in the Ryazan region and a depot in Ryazan."
    a = s.index("Ryazan")
    p = subdivision_named(s, a, a + len("Ryazan"))
    # the text is the whole place phrase, as the annotation guide copies it
    assert (p.text, p.name, p.feature, p.country) == ("Ryazan region", "Ryazanskaya oblast'", "admin1", "RUS")
    b = s.rindex("Ryazan")
    assert subdivision_named(s, b, b + len("Ryazan")) is None
    # an admin word after a name the gazetteer holds no subdivision of: None
    c = "Talks were held in Mosul region offices."
    assert subdivision_named(c, c.index("Mosul"), c.index("Mosul") + 5) is None


def test_places_r19e_event_location_of_a_name_and_admin_word():
    s = "Ukrainian drones attacked an oil refinery in the Ryazan region on Monday."
    a = s.index("Ryazan")
    # the NER often calls "Ryazan" no place (NORP): the missed-place path
    p = event_location(s, [(0, 9, "GPE")], s.index("attacked"), [(0, 9)])
    assert (p.text, p.feature, p.name) == ("Ryazan region", "admin1", "Ryazanskaya oblast'")
    # and as a GPE followed by the admin word
    p = event_location(s, [(a, a + 6, "GPE")], s.index("attacked"), [(0, 9)])
    assert (p.text, p.feature, p.country) == ("Ryazan region", "admin1", "RUS")


def test_places_r19e_subdivision_forms_are_valid():
    data = json.loads(resources.files("tidings.data.places").joinpath(
        "aliases.json").read_text(encoding="utf-8"))
    forms = data["subdivision_forms"]
    assert forms
    for f in forms:
        assert set(f) <= {"country", "ending", "stems", "words", "names"}, f
        assert pycountry.countries.get(alpha_3=f["country"]), f
        assert f["words"] and all(w == w.lower() for w in f["words"])
        for local in f.get("names", {}):
            assert any(sd.name == local for sd in pycountry.subdivisions), local
    # every form indexes at least one subdivision under "CITY region"
    g = gazetteer()
    for f in forms:
        assert any(k.endswith(" " + f["words"][0]) and any(e.country == f["country"] for e in v)
                   for k, v in g.admin1.items()), f
