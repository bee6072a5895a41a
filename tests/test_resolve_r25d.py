"""r25d: compound and passive parties (twenty-fifth round, users' trials). Every sentence
here was written for these tests.

1. Nationality adjectives coordinated by "&" are coordinated as by "and" ("Kenyan &
   Ugandan officials met": both states), though the parse may tag them an ORG; a firm's
   name with "&" names no states (``mentions.Mentions._for_head``).
2. A hyphenated pair before an event noun names both parties ("Russian-Chinese talks",
   "US-Russia talks", combining forms "Franco-", "Sino-": ``tables.yaml``
   ``combining_forms``); a pair before a place noun ("the Turkish-Syrian border") is a
   place and no party (``mentions.Mentions._hyphen_sides``).
3. A passive host verb gives the roles of the active one (r24l): guest actor, host
   recipient.
4. A passive participle on a noun with a by-phrase ("the convoy, ambushed by rebels"):
   the by-phrase's party is the actor, the noun the recipient (``arguments._actor``).
"""

from __future__ import annotations

import pytest

from conftest import of_type, shown

pytestmark = pytest.mark.slow


def _countries(ents) -> list:
    return sorted(str(e.country) for e in ents)


@pytest.mark.parametrize("text, etype, actors", [
    ("Kenyan & Ugandan officials met in Nairobi on Monday.", "CONSULT", ["KEN", "UGA"]),
    ("Kenyan and Ugandan officials met in Nairobi on Monday.", "CONSULT", ["KEN", "UGA"]),
    ("Malian & Nigerien troops attacked the rebel base.", "ASSAULT", ["MLI", "NER"]),
])
def test_ampersand_coordinates_nationalities(code_text, text, etype, actors):
    ev = of_type(code_text(text), etype)[0]
    assert _countries(ev.actor) == actors, shown([ev])


def test_firm_with_ampersand_is_no_pair_of_states(code_text):
    # control: "Johnson & Johnson" is no coordination of nationalities
    ev = of_type(code_text("Johnson & Johnson employees met in Nairobi on Monday."), "CONSULT")[0]
    assert "KEN" not in _countries(ev.actor) and len(ev.actor) == 1, shown([ev])


@pytest.mark.parametrize("text, actors", [
    ("Russian-Chinese talks ended in Beijing on Monday.", ["CHN", "RUS"]),
    ("US-Russia talks were held in Geneva on Thursday.", ["RUS", "USA"]),
    ("Franco-German talks on energy ended in Paris on Monday.", ["DEU", "FRA"]),
    ("Sino-Indian talks on the border ended on Friday.", ["CHN", "IND"]),
])
def test_hyphenated_pair_before_event_noun_names_both_parties(code_text, text, actors):
    ev = of_type(code_text(text), "CONSULT")[0]
    assert _countries(ev.actor) == actors and not ev.recipient, shown([ev])


@pytest.mark.parametrize("text", [
    "Gunmen attacked a village near the Turkish-Syrian border.",
    "Troops shelled the Turkish-Syrian border area on Monday.",
])
def test_hyphenated_place_is_no_party(code_text, text):
    ev = of_type(code_text(text), "ASSAULT")[0]
    assert not ({"TUR", "SYR"} & set(_countries(ev.actor) + _countries(ev.recipient))), shown([ev])


def test_hyphenated_region_is_no_party(code_text):
    # control: "Indo-Pacific" has one side that names no state
    ev = of_type(code_text("Indo-Pacific talks ended in Tokyo on Monday."), "CONSULT")[0]
    assert "IND" not in _countries(ev.actor), shown([ev])


@pytest.mark.parametrize("text", [
    "The Georgian delegation was received by President Pashinyan in Yerevan on Tuesday.",
    "President Pashinyan received the Georgian delegation in Yerevan on Tuesday.",
    "The Georgian delegation was received by the president in Yerevan on Tuesday.",
])
def test_passive_host_verb_agrees_with_active(code_text, text):
    ev = of_type(code_text(text, pub_date="2025-06-03"), "CONSULT")[0]
    assert ev.mode == "visit", shown([ev])
    assert (_countries(ev.actor), _countries(ev.recipient)) == (["GEO"], ["ARM"]), shown([ev])


def test_passive_host_verb_with_title_host_takes_the_place(code_text):
    text = "The Kenyan foreign minister was hosted by the prime minister in Kampala on Wednesday."
    ev = of_type(code_text(text, pub_date="2025-06-03"), "CONSULT")[0]
    assert (_countries(ev.actor), _countries(ev.recipient)) == (["KEN"], ["UGA"]), shown([ev])


def test_participle_by_phrase_is_the_actor(code_text):
    text = "The Nigerian convoy, ambushed by Boko Haram fighters on Friday, reached Maiduguri."
    ev = of_type(code_text(text, pub_date="2025-06-03"), "ASSAULT")[0]
    assert [e.text for e in ev.actor] == ["Boko Haram fighters"], shown([ev])
    assert [e.text for e in ev.recipient] == ["The Nigerian convoy"], shown([ev])


def test_participle_without_by_phrase_keeps_noun_as_recipient(code_text):
    # control: no by-phrase, no actor from it; the noun still suffered the act
    text = "The Nigerian convoy, ambushed near Maiduguri on Friday, reached the town."
    ev = of_type(code_text(text, pub_date="2025-06-03"), "ASSAULT")[0]
    assert [e.text for e in ev.recipient] == ["The Nigerian convoy"], shown([ev])
    assert not any(e.text == "The Nigerian convoy" for e in ev.actor), shown([ev])
