"""r28k: false dyads a fresh user's trial showed (analyst D), by kind: a weapon's owner
named by "launched/fired by X", plural parties described only as foreign or regional, and
a government office named for a region it claims. Every sentence here was written for
these tests (other states, other wordings), each kind with a control."""

from __future__ import annotations

import pytest

from conftest import of_type

pytestmark = pytest.mark.slow


def _recips(code_story, text, etype):
    evs = of_type(code_story(text, pub_date="2026-02-04"), etype)
    assert evs, text
    return [(r.text, r.country) for e in evs for r in e.recipient]


def test_weapon_launched_by_a_state_is_that_states(code_story):
    # the drones are Iran's, never the shooting side's nor the story's (words.yaml
    # weapon_owner_participles)
    got = _recips(code_story, "Israel's air force said it had shot down 12 of the 20 drones launched by Iran.",
                  "ASSAULT")
    assert [c for _, c in got] == ["IRN"]
    got = _recips(code_story, "Polish air defences shot down three drones launched by Belarus.", "ASSAULT")
    assert [c for _, c in got] == ["BLR"]


def test_weapon_supplied_by_a_state_is_not_owned_by_it(code_story):
    # control: the supplier is not who fired it, and a bare weapon takes no country
    got = _recips(code_story, "Polish air defences shot down three drones supplied by Belarus.", "ASSAULT")
    assert all(c not in ("BLR", "POL") for _, c in got), got
    # a bare weapon names no owner: its interception is no event at all (annotation guide
    # 11.20, twenty-ninth round; before, an ASSAULT with no country)
    evs = code_story("Polish air defences shot down three drones over Lublin.")
    assert not [e for e in evs if e.event_type == "ASSAULT"], [(e.event_type, e.trigger) for e in evs]


def test_foreign_or_regional_plural_takes_no_story_country(code_story):
    # annotation guide section 6: a country only when the text says whose
    got = _recips(code_story, "Hungarian President Laszlo Novak accused foreign intelligence services of "
                              "stirring unrest.", "ACCUSE")
    assert got == [("foreign intelligence services", None)]
    got = _recips(code_story, "Beijing threatened to punish European companies operating in Taiwan.", "THREATEN")
    # (the CLI path keeps the country-less recipient; here it may be dropped: either
    # way never Taiwan, where the companies operate)
    assert all(c is None for _, c in got), got
    got = _recips(code_story, "Police in Lima detained foreign journalists on Monday.", "COERCE")
    assert [c for _, c in got] == [None]


def test_unmodified_plural_keeps_the_place_country(code_story):
    # control: without "foreign" the domestic party is the place's
    got = _recips(code_story, "Police in Lima detained journalists on Monday.", "COERCE")
    assert [c for _, c in got] == ["PER"]


def test_office_named_for_a_claimed_region_is_its_governments(code_story):
    # the KB holds Serbia's Office for Kosovo and Metohija (orgs/institutions.tsv): it
    # is Serbia's, so its accusation of Pristina keeps Kosovo as recipient
    ev = of_type(code_story("The Office for Kosovo and Metohija accused Pristina of lying about the raids.",
                            pub_date="2026-02-04"), "ACCUSE")[0]
    assert [a.country for a in ev.actor] == ["SRB"]
    assert [r.country for r in ev.recipient] == ["XKX"]
    ev = of_type(code_story("Pakistan's Ministry of Kashmir Affairs accused India of abuses.",
                            pub_date="2026-02-04"), "ACCUSE")[0]
    assert [(a.country, a.sector) for a in ev.actor] == [("PAK", "GOV")]
    assert [r.country for r in ev.recipient] == ["IND"]


def test_detained_vessel_is_a_seizure_its_crew_an_arrest(code_story):
    # mode:detained-vessel-is-seizure (annotation guide section 3; train gold: vessels
    # seized or boarded are COERCE seize); the flag state stays the recipient, as the
    # train gold gives "Greek-flagged vessels" GRC
    ev = of_type(code_story("Finnish border guards detained a cargo ship sailing under the flag of Panama on Sunday.",
                            pub_date="2026-02-04"), "COERCE")[0]
    assert ev.mode == "seize" and "mode:detained-vessel-is-seizure" in ev.rules
    # controls: people, and a ship's captain, are arrested
    for text in ("Finnish border guards detained a ship captain on Sunday.",
                 "Finnish police detained two activists on Sunday."):
        ev = of_type(code_story(text, pub_date="2026-02-04"), "COERCE")[0]
        assert ev.mode == "arrest", text


def test_foreign_and_domestic_plural_keeps_the_place_country(code_story):
    # control: "foreign and local" names the place's own party too (the train gold gives
    # such a coordination the place's country)
    got = _recips(code_story, "Police in Lima detained foreign and local journalists on Monday.", "COERCE")
    assert [c for _, c in got] == ["PER"]
