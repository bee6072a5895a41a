"""Tests of tidings.places: the gazetteer and the choice of an event's location.

Entity offsets are written by hand (no spaCy model is loaded).
"""

import json
from importlib import resources

import pycountry
import pytest

from tidings.places import event_location, gazetteer, normalise_name, resolve_place


def _ents(sentence, *names, label="GPE"):
    return [(sentence.index(n), sentence.index(n) + len(n), label) for n in names]


def test_places_normalise_name():
    assert normalise_name("the Jaffna Peninsula") == "jaffna peninsula"
    assert normalise_name("Sāmarrā’") == "samarra"
    assert normalise_name("U.S.") == "u s"


def test_places_aliases_file_is_valid():
    data = json.loads(resources.files("tidings.data.places").joinpath(
        "aliases.json").read_text(encoding="utf-8"))
    for name, iso3 in data["countries"].items():
        assert name == normalise_name(name), name
        assert iso3 == "XKX" or pycountry.countries.get(alpha_3=iso3), iso3
    assert len(data["regions"]) >= 40
    for name, r in data["regions"].items():
        assert set(r) == {"country", "aliases"} and name.strip() == name, name
        assert pycountry.countries.get(alpha_3=r["country"]), (name, r["country"])
        assert len(set(map(normalise_name, r["aliases"]))) == len(r["aliases"]), name


@pytest.mark.parametrize("text,country", [
    ("Karabakh", "AZE"), ("Nagorno-Karabakh", "AZE"), ("Crimea", "UKR"), ("Donbass", "UKR"),
    ("North Waziristan", "PAK"), ("the West Bank", "PSE"), ("Tigray", "ETH"), ("Transnistria", "MDA"),
    ("Balochistan", "PAK")])
def test_places_regions_news_names_take_their_state(text, country):
    # "praised Azerbaijan's victory in Karabakh" in an Ankara story took Turkey: the
    # gazetteer did not know the region, so the story's country stood in (a trial)
    p = resolve_place(text)
    assert (p.feature, p.country) == ("admin1", country)


def test_places_gazetteer_is_built_once():
    assert gazetteer() is gazetteer()


def test_places_city_has_coordinates_and_geonames_id():
    p = resolve_place("Mosul")
    assert (p.feature, p.country, p.geonames_id) == ("populated_place", "IRQ", 99072)
    assert 36 < p.lat < 37 and 43 < p.lon < 44


def test_places_province_alone_is_admin1_not_its_capital():
    p = resolve_place("Kandahar province")
    assert (p.feature, p.country, p.lat, p.lon) == ("admin1", "AFG", None, None)
    p = resolve_place("Balochistan")
    assert (p.feature, p.country) == ("admin1", "PAK")


def test_places_country_and_aliases():
    p = resolve_place("the U.K.")
    assert (p.feature, p.country, p.text) == ("country", "GBR", "U.K.")
    assert resolve_place("Ivory Coast").country == "CIV"
    assert resolve_place("northern Syria").country == "SYR"


def test_places_context_countries_disambiguate():
    assert resolve_place("Georgia").country == "GEO"
    p = resolve_place("Georgia", ["USA"])
    assert (p.country, p.feature) == ("USA", "admin1")
    assert resolve_place("Tripoli").country == "LBY"            # the larger one
    assert resolve_place("Tripoli", ["LBN"]).country == "LBN"


def test_places_unknown_place_keeps_text_with_nulls():
    p = resolve_place("Camp Nowhere-Really")
    assert (p.text, p.name, p.feature, p.country, p.lat) == (
        "Camp Nowhere-Really", "Camp Nowhere-Really", "other", None, None)


# ------------------------------------------------------------------------ event_location
def test_places_event_location_prefers_prepositional_place_over_actor():
    s = "Tehran on Monday condemned the raid on a mosque in Herat."
    loc = event_location(s, _ents(s, "Tehran", "Herat"), s.index("condemned"),
                         actor_spans=[(0, 6)])
    assert (loc.text, loc.country, loc.feature) == ("Herat", "AFG", "populated_place")


def test_places_event_location_ignores_subject_place_without_preposition():
    s = "Ankara summoned the Swedish ambassador."
    assert event_location(s, _ents(s, "Ankara"), s.index("summoned")) is None


def test_places_event_location_skips_dateline_and_reporting_clause():
    s = "NAIROBI - Gunmen killed five villagers near Garissa, officials in Mombasa said."
    loc = event_location(s, _ents(s, "NAIROBI", "Garissa", "Mombasa"), s.index("killed"))
    assert loc.text == "Garissa" and loc.country == "KEN"


def test_places_event_location_walks_over_city_of():
    s = "Crowds rallied in the southern port city of Aden on Friday."
    loc = event_location(s, _ents(s, "Aden"), s.index("rallied"))
    assert (loc.name, loc.country) == ("Aden", "YEM")


def test_places_event_location_finds_place_the_ner_missed():
    s = "A car bomb exploded near the town of Baqubah, killing three."
    loc = event_location(s, [], s.index("exploded"))
    assert loc is not None and loc.text == "Baqubah" and loc.country == "IRQ"


def test_places_event_location_unresolved_place_is_kept():
    s = "Fighters clashed in the Zorbul hills overnight."
    loc = event_location(s, _ents(s, "the Zorbul hills", label="LOC"), s.index("clashed"))
    assert (loc.text, loc.feature, loc.geonames_id) == ("Zorbul hills", "other", None)


def test_places_event_location_possessive_is_not_a_place():
    s = "Police dispersed Armenia's opposition supporters."
    assert event_location(s, _ents(s, "Armenia"), s.index("dispersed")) is None


@pytest.mark.parametrize("ctx,country", [((), "GEO"), (("USA",), "USA")])
def test_places_event_location_uses_context(ctx, country):
    s = "Voters queued in Georgia for hours."
    loc = event_location(s, _ents(s, "Georgia"), s.index("queued"), context_countries=ctx)
    assert loc.country == country


def test_world_regions_keep_their_text_and_no_town():
    from tidings.places import event_location

    s = "Japan sends patrol boats to its partners in Southeast Asia and in Africa."
    place = event_location(s, [(s.index("Southeast"), s.index(" and"), "LOC")], 6, [], ["JPN"])
    assert place is not None and place.text == "Southeast Asia"
    assert place.country is None and place.geonames_id is None and place.feature == "other"


def test_places_a_city_qualified_by_its_state_is_that_state_s_city(nlp):
    """"Paris, Texas" is the Paris of Texas and "Springfield, Illinois" the Springfield of
    Illinois, not the larger namesakes (a fresh-user trial got France and Missouri); an
    unqualified "Paris" stays the French capital."""
    from tidings.places import event_location

    def where(text: str, word: str):
        d = nlp(text)
        ents = [(e.start_char, e.end_char, e.label_) for e in d.ents if e.label_ in ("GPE", "LOC", "FAC")]
        p = event_location(text, ents, text.index(word))
        return p and (p.name, p.country, p.admin1)

    assert where("Police arrested protesters in Paris, Texas, on Monday.", "arrested") == ("Paris", "USA", "Texas")
    assert where("Police arrested protesters in Springfield, Illinois, on Monday.", "arrested") \
        == ("Springfield", "USA", "Illinois")
    assert where("Police arrested protesters in Paris on Monday.", "arrested")[1] == "FRA"


def test_places_us_county_is_a_county_not_a_namesake_city():
    # the admin word is no longer cut off to find a city elsewhere ("Hamilton", Canada)
    la = resolve_place("Maricopa County")
    assert (la.country, la.feature, la.admin1) == ("USA", "admin1", "Arizona")
    marion = resolve_place("Marion County")          # in many states: no state given
    assert (marion.country, marion.admin1) == ("USA", None)
    assert resolve_place("Orange County").country == "USA"
    # a subdivision of another country called a county keeps its country
    assert resolve_place("Hualien County").country == "TWN"


def test_places_direction_named_subdivision_needs_its_country_in_context():
    # "Far North" (Cameroon), "Northern" (Ghana), "Upper East" (Ghana): the same
    # words name parts of any country
    for name, iso3 in (("Far North", "CMR"), ("Northern", "GHA"), ("Upper East", "GHA")):
        assert resolve_place(name).country is None, name
        assert resolve_place(name, [iso3]).country == iso3, name
    # a subdivision with a proper name is found without context
    assert resolve_place("Upper Nile").country == "SSD"


def test_places_subdivision_beats_a_small_foreign_town_of_its_name():
    # "Kent" is the English county, not the town in Washington state; "Ontario" the
    # province, not the Californian city
    assert (resolve_place("Kent").country, resolve_place("Kent").feature) == ("GBR", "admin1")
    assert (resolve_place("Ontario").country, resolve_place("Ontario").feature) == ("CAN", "admin1")
    # a city of the same country as the subdivision, or a large one, stays the city
    assert resolve_place("Washington").feature == "populated_place"
    assert resolve_place("Cordoba").feature == "populated_place"
    # the story's countries still decide first
    assert resolve_place("Kent", ["USA"]).country == "USA"
