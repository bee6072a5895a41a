"""Seventeenth round, part c: where and when, and what the dyad tables count.

Each kind is tested on sentences written for these tests (none from the corpus or the
shared data): sentences that the coder got wrong before the change, and near-misses
whose output must not change.
"""

from __future__ import annotations

import pytest

from conftest import shown


def _one(events, etype):
    found = [e for e in events if e.event_type == etype]
    assert found, shown(events)
    return found[0]


# --- kind 1: a city named by "the city of X", or a city the NER misses, as the object of
# an attack or a visit is the event's place (annotation guide sections 6 and 7)

@pytest.mark.parametrize("text, etype, name", [
    ("Artillery units pounded the southern city of Kherson on Sunday.", "ASSAULT", "Kherson"),
    ("Jihadist fighters overran the northern town of Gao on Friday.", "ASSAULT", "Gao"),
    ("A senior envoy visited the city of Mombasa on Tuesday.", "CONSULT", "Mombasa"),
    ("The Chilean foreign minister visited Tbilisi on Monday.", "CONSULT", "Tbilisi"),
])
def test_attacked_or_visited_city_is_the_place(default_code, text, etype, name):
    ev = _one(default_code(text), etype)
    assert ev.location is not None and ev.location.name == name, shown([ev])
    assert name in ev.location.text


@pytest.mark.parametrize("text, etype", [
    # the city names whose convoy it was: no settlement noun before "of"
    ("Gunmen attacked the convoy of the governor of Kharkiv on Tuesday.", "ASSAULT"),
    # praise is no act at a place
    ("The president praised the city of Lviv for its resilience.", "SUPPORT"),
    ("Drones attacked the headquarters of Naftogaz on Monday.", "ASSAULT"),
])
def test_no_place_from_other_of_phrases(default_code, text, etype):
    ev = _one(default_code(text), etype)
    assert ev.location is None, shown([ev])


def test_place_phrase_name():
    from tidings.coding.events import _place_phrase_name

    assert _place_phrase_name("the Ukrainian city of Kharkiv") == ("Kharkiv", "city")
    assert _place_phrase_name("THE TOWN OF SAN ANTONIO") == ("SAN ANTONIO", "town")
    assert _place_phrase_name("the state of Israel") is None
    assert _place_phrase_name("the city of lights") is None
    assert _place_phrase_name("the convoy of the governor of Kharkiv") is None


# --- kind 2: a city or province named as where an attack, arrest, protest or deployment
# happened is no party (annotation guide section 6); a capital standing for its
# government still is

@pytest.mark.parametrize("text, etype", [
    ("Rebels attacked a market in Goma.", "ASSAULT"),
    ("Militants attacked a hotel in Kabul, killing four guests.", "ASSAULT"),
    ("Protesters rallied in Nairobi against new taxes.", "PROTEST"),
])
def test_a_city_where_it_happened_is_no_recipient(default_code, text, etype):
    ev = _one(default_code(text), etype)
    assert ev.recipient == [], shown([ev])
    assert ev.location is not None


@pytest.mark.parametrize("text, etype, recipient", [
    # the people acted on stay the recipient
    ("Police in Lagos arrested 14 protesters.", "COERCE", "14 protesters"),
    ("Gunmen attacked a church in Lyon.", "ASSAULT", "a church"),
    # a capital used for its government is a party (guide, section 6: metonymy)
    ("Paris protested to Rome over the decision.", "ACCUSE", "Rome"),
    # a visit's host state is still its recipient
    ("The Turkish foreign minister arrived in Amman on Monday for a two-day visit.", "CONSULT", "Amman"),
])
def test_parties_beside_a_city_place_stay(default_code, text, etype, recipient):
    ev = _one(default_code(text), etype)
    assert [r.text for r in ev.recipient] == [recipient], shown([ev])


# --- kind 3: a date phrase inside a past participle on the object ("schoolgirls
# abducted last month") dates that participle's act, not the main verb's
# (annotation guide section 7; tidings.dates.participle_clause_spans)

def _by_trigger(events, trigger):
    found = [e for e in events if e.trigger.split()[0] == trigger]
    assert found, shown(events)
    return found[0]


@pytest.mark.parametrize("text, trigger, phrase", [
    ("Troops rescued 50 schoolgirls abducted last month.", "rescued", "last month"),
    ("Navy commandos freed the sailors seized in March.", "freed", "in March"),
    ("The court released two journalists detained in 2019.", "released", "in 2019"),
])
def test_a_participle_date_is_not_the_main_acts(default_code, text, trigger, phrase):
    ev = _by_trigger(default_code(text), trigger)
    assert ev.date.text != phrase, shown([ev])
    assert "historical" not in ev.aux_modes


@pytest.mark.parametrize("text, trigger, phrase", [
    # the main verb's own phrase stays
    ("Troops on Sunday rescued 50 schoolgirls abducted last month.", "rescued", "Sunday"),
    ("Troops rescued 50 schoolgirls on Sunday.", "rescued", "Sunday"),
    # a participle on the event noun itself dates that event
    ("The army said the attack carried out on Monday killed nine soldiers.", "attack", "Monday"),
    # the participle's own act keeps its date
    ("Troops rescued 50 schoolgirls abducted last month.", "abducted", "last month"),
])
def test_a_participle_date_near_misses(default_code, text, trigger, phrase):
    evs = default_code(text)
    found = [e for e in evs if trigger in e.trigger.split()]
    if not found:  # the act may be coded by another word of the clause ("killed")
        found = evs
    assert any(e.date.text == phrase for e in found), shown(evs)


# --- kind 4: reports are clustered only when every place of the two clusters can be the
# same place; an unplaced or country-level report does not chain two cities' attacks

def _row(eid, story, place, start="2025-05-05"):
    name, country, feature, gid = place or (None, None, None, None)
    return (eid, story, "ASSAULT", start, start, name, country, feature, gid, ["RUS"], ["UKR"])


KYIV = ("Kyiv", "UKR", "populated_place", 703448)
ODESA = ("Odesa", "UKR", "populated_place", 698740)
UKRAINE = ("Ukraine", "UKR", "country", 690791)


@pytest.mark.parametrize("middle", [None, UKRAINE])
def test_an_unplaced_report_does_not_join_two_cities(middle):
    from tidings.store.cluster import cluster_ids

    ids = cluster_ids([_row("e1", "a", KYIV), _row("e2", "b", ODESA), _row("e3", "c", middle)])
    assert ids["e1"] != ids["e2"]
    assert ids["e3"] in (ids["e1"], ids["e2"])


def test_reports_of_one_city_still_cluster():
    from tidings.store.cluster import cluster_ids

    ids = cluster_ids([_row("e1", "a", KYIV), _row("e2", "b", KYIV), _row("e3", "c", None)])
    assert ids["e1"] == ids["e2"] == ids["e3"] == "e1"
    # a different day is another attack
    ids = cluster_ids([_row("e1", "a", KYIV), _row("e2", "b", KYIV, start="2025-05-07")])
    assert ids["e1"] != ids["e2"]


def test_a_story_of_two_attacks_in_two_cities_stays_two_clusters(tmp_path):
    from tidings.engines.local import code_stories
    from tidings.records import Story
    from tidings.store import Store

    texts = {"k": "Russian drones attacked Kyiv on Monday, officials said.",
             "o": "Russian drones attacked Odesa on Monday, the governor said.",
             "u": "Russian drones attacked Ukrainian cities on Monday, the air force said."}
    store = Store(tmp_path / "t.duckdb")
    try:
        code_stories([Story(id=k, text=t, pub_date="2025-05-06") for k, t in texts.items()], store=store)
        rows = store.events().to_pylist()
        place = {r["story_id"]: r["location_name"] for r in rows if r["event_type"] == "ASSAULT"}
        cid = {r["story_id"]: r["cluster_id"] for r in rows if r["event_type"] == "ASSAULT"}
    finally:
        store.close()
    assert place["k"] == "Kyiv" and place["o"] == "Odesa", rows
    assert cid["k"] != cid["o"]


# --- kind 5: tidings dyads counts by month by default, and a meeting or agreement told
# jointly ("X and Y met": every party an actor, no recipient; guide section 6) counts
# for the pair

def test_mutual_types_are_the_coders_reciprocal_types():
    from tidings.coding.words import words
    from tidings.store import MUTUAL_TYPES

    assert set(MUTUAL_TYPES) == set(words("reciprocal_types"))


def test_a_joint_meeting_counts_for_the_pair_both_ways(tmp_path):
    from tidings.engines.local import code_stories
    from tidings.records import Story
    from tidings.store import Store

    texts = {"m": "The foreign ministers of Chile and Peru met in Lima on Tuesday.",
             # a joint statement is no act of the two toward each other
             "c": "Norway and Denmark condemned the coup on Monday.",
             "s": "Canada imposed sanctions on Belarus on Monday."}
    store = Store(tmp_path / "t.duckdb")
    try:
        code_stories([Story(id=k, text=t, pub_date="2025-05-08") for k, t in texts.items()], store=store)
        rows = store.dyads().to_pylist()
        pair = store.dyads(dyad="PER-CHL").to_pylist()
        to_chl = store.dyads(recipient="CHL").to_pylist()
    finally:
        store.close()
    got = {(r["actor_country"], r["recipient_country"], r["quad_class"]) for r in rows}
    assert ("CHL", "PER", "verbal_cooperation") in got and ("PER", "CHL", "verbal_cooperation") in got, rows
    assert ("CHL", None, "verbal_cooperation") not in got
    assert ("NOR", "DNK", "verbal_conflict") not in got and ("NOR", None, "verbal_conflict") in got, rows
    assert ("CAN", "BLR", "material_conflict") in got
    assert {str(r["period"]) for r in rows} == {"2025-05-01"}          # by month
    assert [(r["actor_country"], r["recipient_country"]) for r in pair] == [("PER", "CHL")]
    assert [(r["actor_country"], r["recipient_country"]) for r in to_chl] == [("PER", "CHL")]


def test_dyads_help_says_month_is_the_default():
    import typer
    from typer.testing import CliRunner

    from tidings.query_cli import register

    app = typer.Typer()
    register(app)
    res = CliRunner().invoke(app, ["dyads", "--help"], env={"COLUMNS": "200"})
    assert "month (the default)" in res.stdout
