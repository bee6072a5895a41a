"""Issue 16, kinds a fresh user hit in coding: a wire dateline's first line cut inside a
name, seas and valleys as event places, and a page's one-word section headings.

Every sentence here is written for these tests (none comes from the corpus or an
evaluation file). Each kind has sentences that failed before its change and near-misses
that must stay as they were.
"""

from __future__ import annotations

import pytest

from conftest import shown
from tidings.lines import layout
from tidings.places import resolve_place
from tidings.read import unwrap_lines


def name_goes_on(line: str, nxt: str) -> bool:
    from tidings.lines import name_goes_on as rule  # new in this change

    return rule(line, nxt)


def water_body(name: str) -> bool:
    from tidings.places import water_body as rule  # new in this change

    return rule(name)

# ------------------------------------------------ 1. a dateline's line cut inside a name

CUT = ("BEIRUT, Lebanon (AP) - The Lebanese Armed\n"
       "Forces deployed two brigades along the southern border on Tuesday, a spokesman\n"
       "said, after a week of exchanges of fire between militias and soldiers that left\n"
       "several villages empty and shut the main coastal road to all traffic.")


def test_a_dateline_line_cut_inside_a_name_goes_on() -> None:
    first = CUT.index("\n")
    lay = layout(CUT)
    assert first in lay.goes_on and first not in lay.unit_ends
    assert name_goes_on("MOSUL, Iraq (Reuters) - The Popular Mobilization", "Forces said on Monday")


def test_a_wrapped_wire_story_keeps_the_name_whole() -> None:
    text, joined = unwrap_lines(CUT)
    assert "The Lebanese Armed Forces deployed" in text and joined == 3


@pytest.mark.parametrize("line, nxt", [
    # each line of a list of dated items opens with its own dateline
    ("KYIV (AP) - Drones Hit Power Grid", "GAZA (AP) - Talks Resume In Cairo"),
    ("Kyiv (AP) - Drones hit the grid", "Gaza City (AP) - Talks resume"),
    # no dateline: a title over a paragraph keeps its break
    ("Army Retakes Presidential Palace", "The army said on Friday that its troops held the city."),
    # the text after the dateline is closed
    ("LAGOS, Nigeria (AP) - Gunmen freed 20 pupils.", "Police said the school was shut."),
    # the next line goes on in lower case already, or starts with a number
    ("ADEN, Yemen (AP) - Houthi", "1,200 fighters were seen"),
])
def test_other_line_breaks_keep_their_reading(line: str, nxt: str) -> None:
    text = f"{line}\n{nxt}"
    assert len(line) not in layout(text).goes_on


def test_a_cut_name_is_the_actor(default_code) -> None:
    text, _ = unwrap_lines(CUT)        # as `tidings code` reads a hard-wrapped text
    events = default_code(text)
    actors = [a.text for e in events for a in e.actor]
    assert any("Lebanese Armed Forces" in a for a in actors), shown(events)
    assert not any(e.sentence.startswith("Forces") for e in events), shown(events)


# ------------------------------------------------ 2. seas, gulfs, straits; valleys

@pytest.mark.parametrize("name", ["Red Sea", "the Red Sea", "Arabian Sea", "Persian Gulf",
                                  "Gulf of Aden", "Strait of Hormuz", "Indian Ocean",
                                  "Sea of Azov", "Black Sea"])
def test_a_sea_is_a_body_of_water_in_no_country(name: str) -> None:
    assert water_body(name)
    p = resolve_place(name, ["SDN", "EGY"])
    assert (p.country, p.feature, p.admin1) == (None, "other", None), p


@pytest.mark.parametrize("name, country, feature", [
    ("Red Sea state", "SDN", "admin1"),         # the subdivision, with its admin word
    ("Southend-on-Sea", "GBR", "populated_place"),  # a town "on Sea"
    ("Sinai Peninsula", "EGY", "admin1"),       # the gazetteer knows the whole name
    ("Golan Heights", "SYR", "admin1"),
])
def test_near_misses_keep_their_place(name: str, country: str, feature: str) -> None:
    p = resolve_place(name)
    assert (p.country, p.feature) == (country, feature), p


def test_a_valley_takes_the_country_of_the_region_it_is_named_after() -> None:
    p = resolve_place("Bekaa Valley", ["ISR"])
    assert (p.text, p.country, p.feature) == ("Bekaa Valley", "LBN", "other"), p
    assert resolve_place("Beqaa", ["ISR"]).country == "LBN"


@pytest.mark.parametrize("name", ["Jordan Valley", "Korean Peninsula"])
def test_a_landform_named_after_a_country_takes_no_country_from_it(name: str) -> None:
    assert resolve_place(name).country is None


@pytest.mark.parametrize("text", [
    "Rebel gunboats attacked an Indian cargo ship in the Red Sea on Wednesday.",
    "Pirates seized a Chinese fishing boat in the Gulf of Aden on Friday.",   # not China
])
def test_an_event_at_sea_is_placed_in_no_country(default_code, text: str) -> None:
    events = default_code(text)
    located = [e.location for e in events if e.location is not None]
    assert located and all(loc.country is None for loc in located), shown(events)


def test_a_subdivision_named_after_a_sea_keeps_its_country(default_code) -> None:
    events = default_code("Sudanese soldiers clashed with rebels in Red Sea state on Thursday.")
    assert any(e.location and e.location.country == "SDN" for e in events), shown(events)


def test_an_event_in_a_valley_is_placed_in_its_country(default_code) -> None:
    events = default_code("Israeli jets bombed a weapons depot in the Bekaa Valley on Sunday.")
    located = [e.location for e in events if e.location is not None]
    assert located and located[0].country == "LBN", shown(events)


# ------------------------------------------------ 3. a bare section heading

@pytest.mark.parametrize("heading", ["Airstrikes", "Demonstrations", "Arrests", "Clashes"])
def test_a_one_word_heading_is_no_event(default_code, heading: str) -> None:
    events = default_code(f"{heading}\nThe mayor met union leaders in the town hall on Tuesday.")
    assert not [e for e in events if e.sentence == heading], shown(events)


@pytest.mark.parametrize("heading, etype", [
    ("Russian airstrikes on Aleppo", "ASSAULT"),     # names a party and a place
    ("Protests in Tehran", "PROTEST"),               # names a place
    ("Sunday's protests", "PROTEST"),                # names a time
    ("Talks between Baku and Yerevan", "CONSULT"),   # names the parties
])
def test_a_heading_that_names_a_party_time_or_place_stays_an_event(default_code, heading: str,
                                                                   etype: str) -> None:
    events = default_code(f"{heading}\nThe mayor met union leaders in the town hall on Tuesday.")
    assert etype in {e.event_type for e in events if e.sentence == heading}, shown(events)
