"""Round 21 (r21h): the place resolver's admin and city words are data.

The lists that were the Python constants ``_ADMIN_WORDS``, ``_CAPITAL_WORDS``,
``_ADMIN_HINT`` and ``_CITY_WORDS`` of tidings.places are ``data/words.yaml``
``place_admin_words``, ``place_capital_admin_words``, ``place_admin_hint_words`` and
``place_city_words``; the resolver reads them on first use. No spaCy model is loaded.
"""

import subprocess
import sys

import yaml

import tidings
from tidings import places
from tidings.coding.words import words
from tidings.places import resolve_place, subdivision_named

_WORDS_YAML = tidings.__file__.rsplit("/", 1)[0] + "/data/words.yaml"


def test_places_r21h_lists_hold_the_words_the_constants_held():
    # the exact words of the former constants: moving them changed no output
    assert places._capital_words() == ("region", "province", "governorate", "state", "department",
                                       "prefecture", "oblast")
    assert words("place_admin_hint_words") == {
        "province", "state", "region", "governorate", "district", "department", "prefecture",
        "oblast", "county", "canton", "krai", "municipality", "emirate"}
    assert words("place_admin_words") == words("place_admin_hint_words") | {
        "kray", "voblast", "territory", "division"}
    assert len(words("place_admin_words")) == 17
    assert words("place_city_words") == {"city", "town", "village", "capital", "port", "suburb",
                                         "suburbs", "outskirts", "downtown"}


def test_places_r21h_capital_words_are_read_in_order_without_extend():
    # _capital_words reads the YAML list itself (its order is a preference), so the list
    # must not extend another: its extended words would be lost
    with open(_WORDS_YAML, encoding="utf-8") as f:
        raw = yaml.safe_load(f)
    spec = raw["place_capital_admin_words"]
    assert "extend" not in spec and spec["doc"].strip()
    assert frozenset(places._capital_words()) == words("place_capital_admin_words")
    # every first-level word is also a word before a name and a word after one
    assert words("place_capital_admin_words") < words("place_admin_hint_words") < words("place_admin_words")


def test_places_r21h_cache_key_follows_the_capital_words(monkeypatch):
    # the gazetteer's index is built with these words: another list is another cache file
    before = places.cache_key()
    monkeypatch.setattr(places, "_capital_words", lambda: ("region", "province"))
    assert places.cache_key() != before


def test_places_r21h_importing_places_and_its_cache_key_loads_no_spacy():
    code = ("import sys, tidings.places as p; p.cache_key(); p._capital_words(); "
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_places_r21h_admin_words_after_a_name_name_the_subdivision():
    s = "Drones struck a depot in the Kharkiv oblast overnight."
    a = s.index("Kharkiv")
    p = subdivision_named(s, a, a + len("Kharkiv"))
    assert (p.text, p.feature, p.country) == ("Kharkiv oblast", "admin1", "UKR")
    # not an admin word: no subdivision
    s = "Drones struck a depot in Kharkiv overnight."
    assert subdivision_named(s, s.index("Kharkiv"), s.index("Kharkiv") + 7) is None
    assert resolve_place("region of Ryazan").feature == "admin1"


def test_places_r21h_words_before_a_name_hint_city_or_subdivision():
    s = "Clashes broke out in the northern city of Mosul."
    assert places._preposition(s, s.index("Mosul"))[:2] == (3.5, "city")
    s = "Clashes broke out in the department of Cauca."
    assert places._preposition(s, s.index("Cauca"))[:2] == (3.5, "admin1")
    s = "Clashes broke out in Cauca."
    assert places._preposition(s, s.index("Cauca"))[:2] == (3.5, None)
