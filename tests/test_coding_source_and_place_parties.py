"""Issue 16, wrong actor and recipient kinds (branch i16q), on sentences written for
these tests: a source named by "according to" is no party of the act it reports
(annotation guide, section 6), while an attack's place with no named target stands in for
the target (marked "event place")."""

from __future__ import annotations

import pytest

from conftest import of_type


def _parties(ev, role: str) -> list[tuple]:
    return [(x.text, x.country) for x in getattr(ev, role)]


@pytest.mark.parametrize("text, source", [
    ("Rebels ambushed a supply convoy on Tuesday, according to Malian officials.", "Malian officials"),
    ("According to Lebanese officials, Israeli drones struck a car near Tyre.", "Lebanese officials"),
])
def test_a_source_after_according_to_is_no_recipient(default_code, text, source):
    ev = of_type(default_code(text), "ASSAULT")[0]
    assert all(source not in r.text for r in ev.recipient), _parties(ev, "recipient")
    assert all(source not in a.text for a in ev.actor), _parties(ev, "actor")


def test_the_doer_of_an_attributed_act_stays_its_actor(default_code):
    # near miss: the source phrase takes nothing from the act's own subject
    ev = of_type(default_code("According to Lebanese officials, Israeli drones struck a car near Tyre."),
                 "ASSAULT")[0]
    assert [a.country for a in ev.actor] == ["ISR"]
    # and an accusation's parties, named by the verb, do not change
    ev = of_type(default_code("Syria accused Israel of bombing a fuel depot near Homs."), "ACCUSE")[0]
    assert ([a.country for a in ev.actor], [r.country for r in ev.recipient]) == (["SYR"], ["ISR"])


@pytest.mark.parametrize("text, iso3", [
    ("A car bomb exploded in a crowded market in Mogadishu on Friday.", "SOM"),
    ("Armed men opened fire outside a mosque in Kano, witnesses said.", "NGA"),
])
def test_a_city_with_no_named_target_is_no_target(default_code, text, iso3):
    # the guide's gold has no recipient here; a city is only where the act happened,
    # never a stand-in for the target (words.yaml place_party_features, seventeenth
    # round: before, the city's country stood in, marked "event place")
    ev = of_type(default_code(text), "ASSAULT")[0]
    assert ev.recipient == [], _parties(ev, "recipient")
    assert ev.location is not None and ev.location.country == iso3


def test_a_country_with_no_named_target_stands_in_for_the_target(default_code):
    # a country named as the place still stands in (words.yaml place_target_types says why)
    ev = of_type(default_code("A car bomb exploded in a crowded market in Somalia on Friday."), "ASSAULT")[0]
    assert [(r.country, r.how) for r in ev.recipient] == [("SOM", "event place")], _parties(ev, "recipient")


def test_an_attributed_act_on_a_place_keeps_its_place(default_code):
    ev = of_type(default_code("Syria accused Israel of bombing a fuel depot near Homs."), "ASSAULT")[0]
    assert ev.location is not None and ev.location.text == "Homs"
    assert ev.recipient == []


@pytest.mark.parametrize("text, etype, recipient", [
    # a visit's host state is its recipient (annotation guide, section 6)
    ("The Turkish foreign minister arrived in Amman on Monday for a two-day visit.", "CONSULT", ("Amman", "JOR")),
    # a named victim keeps the place's country
    ("Gunmen killed six villagers in Zamfara state.", "ASSAULT", ("six villagers", "NGA")),
    # a city named as the object attacked stays the target (tests/test_code.py)
    ("Russian missiles hit Zaporizhzhia overnight.", "ASSAULT", ("Zaporizhzhia", "UKR")),
])
def test_near_misses_keep_their_recipient(default_code, text, etype, recipient):
    ev = of_type(default_code(text), etype)[0]
    assert _parties(ev, "recipient") == [recipient]


@pytest.mark.parametrize("text, possessor, iso3", [
    # a fresh-user trial (fourteenth round): the argument model took the actor's own
    # possessor for the target, and the army of a state attacked that state
    ("Ethiopia's army shelled rebel positions near the border on Monday.", "Ethiopia", "ETH"),
    ("Kenya's navy fired on two fishing boats off Lamu on Friday.", "Kenya", "KEN"),
])
def test_the_possessor_of_the_actor_is_not_its_target(default_code, text, possessor, iso3):
    ev = of_type(default_code(text), "ASSAULT")[0]
    assert iso3 in {a.country for a in ev.actor}, _parties(ev, "actor")
    assert possessor not in {r.text for r in ev.recipient}, _parties(ev, "recipient")
