"""Recipients that are no party, and countries read from names that are not parties
(nineteenth round; kinds a fresh user's trial met). Sentences written for these tests.

1. A sea, ocean or world region is a place in no one country: it takes no country from
   the story and never stands in for the target of an attack (annotation guide sections
   6 and 7; tidings.places.world_region).
2. A country or nationality word hyphen-joined to a name prefix ("the Pan-American
   highway", "the Trans-Canada Highway") names a road or body, not that country
   (words.yaml name_prefixes; syntax.prefixed_name_part).
3. What is shot down is the target, and the side it belongs to the recipient ("shot down
   two Indian drones"; guide section 5); the launched-weapon frame rules leave it out.
4. A condition ("a state of emergency") and the actor's own role ("resigned as prime
   minister") are no recipient (guide section 6).
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


# -- 2. a country word inside a compound name is no party --------------------------------------
# words.yaml name_prefixes; syntax.prefixed_name_part (annotation guide section 6)

@pytest.mark.parametrize("text, etype, wrong", [
    ("Bolivian truckers blocked the Pan-American highway outside Oruro on Tuesday.", "PROTEST", "USA"),
    ("Striking loggers barricaded the Trans-Canada Highway on Thursday.", "PROTEST", "CAN"),
    ("Villagers blockaded the Trans-Saharan highway for two days.", "PROTEST", None),
])
def test_a_country_word_in_a_road_name_is_no_recipient(every_candidate, text, etype, wrong):
    evs = every_candidate(text)
    assert [e for e in evs if e.event_type == etype], shown(evs)
    got = _recipient_countries(evs, etype)
    assert wrong not in got if wrong else not got, [(e.event_type, e.recipient) for e in evs]


def test_a_pair_of_country_forms_still_names_both(nlp):
    # near miss: "Anglo-French", "Sino-Russian" join two country forms; only prefixes of
    # words.yaml name_prefixes make a name of something else
    from tidings.coding import syntax
    doc = nlp("The Sino-Russian drills and the Pan-Arab summit opened as the Trans-Canada line closed.")
    parts = {t.text: syntax.prefixed_name_part(t) for t in doc if t.text in ("Russian", "Arab", "Canada")}
    assert parts == {"Russian": False, "Arab": True, "Canada": True}, [(t.text, t.i) for t in doc]


def test_a_nationality_before_a_noun_still_gives_the_recipient(every_candidate):
    # near miss: no prefix, the modifier says whose the object is
    evs = every_candidate("Protesters burned American flags outside the embassy in Tehran on Friday.")
    assert "USA" in {r.country for e in evs for r in e.recipient}, [(e.event_type, e.recipient) for e in evs]


# -- 3. what is shot down is the target; its owner is the recipient ---------------------------
# rules/frame.jsonl: the launched-weapon frames leave out "shot down"; docs/annotation.md
# section 5: the recipient of an attack on positions, bases or equipment is their side

@pytest.mark.parametrize("text, owner", [
    ("Azerbaijan said its air defences shot down three Armenian drones near Shusha.", "ARM"),
    ("Greek fighter jets shot down a Turkish surveillance drone over the Aegean, Athens said.", "TUR"),
    ("Saudi forces shot down a Houthi missile fired toward Jazan on Monday.", "YEM"),
])
def test_the_owner_of_what_is_shot_down_is_the_recipient(every_candidate, text, owner):
    evs = every_candidate(text)
    hits = [e for e in evs if e.event_type == "ASSAULT" and e.trigger.startswith("shot")]
    assert hits, shown(evs)
    assert owner in {r.country for e in hits for r in e.recipient}, [(e.trigger, e.recipient) for e in hits]


@pytest.mark.parametrize("text", [
    "The militia fired two drones at an army base near Marib on Tuesday.",
    "Rebels launched missiles at the airport in Kassala.",
])
def test_launching_weapons_still_makes_them_the_attackers_own(every_candidate, text):
    # near miss: a fired or launched weapon is the actor's, never the recipient
    evs = every_candidate(text)
    hits = [e for e in evs if e.event_type == "ASSAULT"]
    assert any(r.startswith("frame:") for e in hits for r in e.rules), shown(evs)
    assert not any(e.recipient and e.recipient[0].sector == "MIL" and "drone" in e.recipient[0].text
                   for e in hits), [(e.trigger, e.recipient) for e in hits]


# -- 4. a condition or a role is no recipient --------------------------------------------------
# words.yaml state_conditions, syntax.condition_phrase; the argument model's recipient
# skips the actor's role "as" phrase (annotation guide section 6)

@pytest.mark.parametrize("text", [
    "The governor of Oaxaca threatened to declare a state of emergency if the blockades went on.",
    "THE DEFENCE MINISTER THREATENED TO DECLARE A STATE OF SIEGE IN THE NORTHERN PROVINCES.",
    "The cabinet extended the state of alert in the border districts for another month.",
])
def test_a_state_of_emergency_is_no_recipient(every_candidate, text):
    evs = every_candidate(text)
    assert evs, shown(evs)
    assert not [r for e in evs for r in e.recipient if "state of" in r.text.lower()], \
        [(e.event_type, e.recipient) for e in evs]


def test_a_named_state_is_still_a_party(nlp):
    # near miss: "the State of Qatar" names a party; only a condition after "of" does not
    from tidings.coding import syntax
    doc = nlp("The State of Qatar declared a state of emergency.")
    heads = [t for t in doc if t.lower_ == "state"]
    assert [syntax.condition_phrase(t) for t in heads] == [False, True]


@pytest.mark.parametrize("text", [
    "Mariam Diallo resigned as finance minister of Guinea on Sunday after weeks of strikes.",
    "General Okafor stepped down as army chief after the mutiny in Kaduna.",
    "The mayor of Cuenca resigned as head of the regional council on Friday.",
])
def test_a_role_is_no_recipient(every_candidate, text):
    evs = every_candidate(text)
    hits = [e for e in evs if e.event_type == "RETREAT"]
    assert hits, shown(evs)
    roles = ("minister", "chief", "head")
    assert not [r for e in hits for r in e.recipient if any(w in r.text.lower() for w in roles)], \
        [(e.trigger, e.recipient) for e in hits]
