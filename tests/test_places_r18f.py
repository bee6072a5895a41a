"""Round 18 (r18f): subdivisions named with their admin word, and organisations named after
a place (docs/dates-and-places.md; annotation guide, section 6). Sentences written for
these tests; each story is coded as the pipeline codes it (upper-case text truecased
before parsing)."""

from __future__ import annotations

import pytest

STORIES = {
    # a first-level subdivision named with its admin word
    "gro": ("Gunmen ambushed a police convoy in the Mexican state of Guerrero on Sunday.",
            ("Guerrero", "MEX", "admin1")),
    "son": ("Soldiers clashed with smugglers in Sonora state overnight.", ("Sonora", "MEX", "admin1")),
    "nar": ("Rebels burned two buses in the department of Putumayo on Tuesday.", ("Putumayo", "COL", "admin1")),
    "usu": ("REBELS AMBUSHED AN ARMY PATROL IN USULUTAN DEPARTMENT YESTERDAY.", ("Usulután", "SLV", "admin1")),
    "cha": ("ARMY TROOPS ATTACKED A REBEL CAMP IN THE DEPARTMENT OF MORAZAN ON SATURDAY.",
            ("Morazán", "SLV", "admin1")),
    # near-misses: places already found stay as they were
    "cau": ("Rebels burned two buses in Cauca on Tuesday.", ("Cauca", "COL", "admin1")),
    "med": ("Police arrested two bankers in Medellin on Friday.", ("Medellín", "COL", "populated_place")),
    "lim": ("Riot police fired tear gas at protesters in Lima on Monday.", ("Lima", "PER", "populated_place")),
}

ORG_STORIES = {
    # an organisation named after a city or region is no place
    "guy": "POLICE SEARCHED A WAREHOUSE IN THE PROVINCE OF GUAYAS AND DETAINED FIVE MEMBERS OF THE MEDELLIN CARTEL.",
    "gul": "Police seized weapons from members of the Gulf Clan on Monday.",
    # near-miss (no place before either)
    "sin": "Police detained six members of the Sinaloa Cartel on Thursday.",
}


@pytest.fixture(scope="module")
def coded():
    from tidings.notebook import code

    keys = list(STORIES) + [f"org-{k}" for k in ORG_STORIES]
    texts = [STORIES[k][0] for k in STORIES] + list(ORG_STORIES.values())
    df = code(texts, pub_date="2025-02-07", all_candidates=True)
    by = {}
    for i, k in enumerate(keys):
        by[k] = [r for _, r in df.iterrows() if r["story_id"] == f"text-{i + 1}"]
    return by


@pytest.mark.parametrize("key", list(STORIES))
def test_subdivision_with_admin_word_is_the_place(coded, key):
    rows = coded[key]
    assert rows, f"no event for {STORIES[key][0]!r}"
    locs = [r["location"] for r in rows]
    name, country, feature = STORIES[key][1]
    assert any(loc and loc["name"] == name and loc["country"] == country and loc["feature"] == feature
               for loc in locs), locs


@pytest.mark.parametrize("key", list(ORG_STORIES))
def test_organisation_named_after_a_place_is_no_place(coded, key):
    rows = coded[f"org-{key}"]
    assert rows, f"no event for {ORG_STORIES[key]!r}"
    for r in rows:
        loc = r["location"]
        assert not loc or not loc["text"].lower().endswith(("cartel", "clan")), loc


def test_admin_places_candidates():
    from tidings.places import _admin_places

    s = "Troops fought rebels in the province of Kandahar and in Khost province."
    got = [s[a:b] for a, b, _ in _admin_places(s, [])]
    assert got == ["Kandahar", "Khost province"]
    # no locative preposition, a state of emergency, a taken span: nothing
    assert _admin_places("Sonora state officials met on Monday.", []) == []
    assert _admin_places("They declared a state of emergency in the capital.", []) == []
    s2 = "Fighting spread in the state of Oaxaca."
    a = s2.index("Oaxaca")
    assert _admin_places(s2, [(a, a + 6)]) == []


def test_organisation_heads():
    from tidings.places import _organisation_name

    assert _organisation_name("the Medellin Cartel") and _organisation_name("GULF CLAN")
    assert not _organisation_name("Medellin") and not _organisation_name("the Soviet Union")
    assert not _organisation_name("Cartel")


def test_town_before_its_subdivision_is_the_place():
    from tidings.places import event_location

    s = "GUNMEN SHOT A JUDGE TODAY IN SAN JOSE GUAYABAL, CUSCATLAN DEPARTMENT, IN THE CENTER OF THE COUNTRY."
    loc = event_location(s, [], s.index("SHOT"))
    assert (loc.text, loc.country, loc.admin1) == ("SAN JOSE GUAYABAL", "SLV", "Cuscatlán")
    s = "Rebels burned a truck near Perquin, Morazan department, on Monday."
    loc = event_location(s, [], s.index("burned"))
    assert (loc.text, loc.country) == ("Perquin", "SLV")
    # near-misses: no town before the comma, or a list: the subdivision stays
    s = "Rebels burned a truck on Monday in Morazan department."
    assert event_location(s, [], s.index("burned")).text == "Morazan department"
    s = "Troops arrived on Monday, in Sonora state."
    assert event_location(s, [], s.index("arrived")).name == "Sonora"
