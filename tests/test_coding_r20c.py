"""Twentieth round, r20c (a fresh user's trial): wrong or missing actors and recipients,
by kind. All sentences are written for these tests.

1. Each member of a coordinated list of names is a party, also when the parse made the
   second name an apposition of the first ("Mali, Burkina Faso and Niger announced ...":
   ``syntax.apposition_list``).
2. A "with" absolute clause ("..., with France condemning the move") is another party's
   act: its own event, its own subject as actor (``syntax.absolute_clause``).
3. A second request to other addressees, coordinated with the first ("urged civilians
   to leave and called on Western partners to send ..."), is an event of its own, and
   the first one's addressees are not its parties (``syntax.coordinated_with``).
4. Descriptions: "the terrorists" after one named group is that group; a group "linked
   to" a state body takes its country and sector; "any state" names no one; "Russia's
   neighbours" are not Russia; an armed group's commanders "of" the group keep its sector.
"""

from __future__ import annotations

import pytest

from conftest import of_type, shown


def _parties(ents) -> list[tuple]:
    return [(e.country or e.igo, e.sector) for e in ents]


# --- 1. lists of three names or more --------------------------------------------------

@pytest.mark.parametrize("text, etype, expected", [
    ("Mali, Burkina Faso and Niger announced their withdrawal from ECOWAS on Sunday.", "RETREAT",
     {"MLI", "BFA", "NER"}),
    ("The EU, NATO and the UN condemned the attack on the convoy.", "ACCUSE", {"EU", "NATO", "UN"}),
    ("Kenya, Uganda, Tanzania and Rwanda condemned the coup in Gabon.", "ACCUSE", {"KEN", "UGA", "TZA", "RWA"}),
])
def test_every_member_of_a_listed_subject_is_an_actor(code_text, text, etype, expected):
    """Compound actors: one event with every listed party (docs/annotation.md section 6;
    the train gold lists each member of a 3-name list)."""
    ev = of_type(code_text(text), etype)[0]
    assert {c for c, _ in _parties(ev.actor)} == expected, shown([ev])


@pytest.mark.parametrize("text, etype, actor", [
    # a real apposition describes its head: one party
    ("Tshisekedi, President of Congo and chairman of the bloc, met Ruto in Nairobi.", "CONSULT", ["COD"]),
    ("Lavrov, Russia's foreign minister, condemned the strikes.", "ACCUSE", ["RUS"]),
])
def test_an_apposition_that_describes_is_no_list(code_text, text, etype, actor):
    ev = of_type(code_text(text), etype)[0]
    assert [c for c, _ in _parties(ev.actor)] == actor, shown([ev])


# --- 2. "with" absolute clauses ---------------------------------------------------------

@pytest.mark.parametrize("text, etype, actor, main_type, main_actor", [
    ("Russia vetoed the draft, with France condemning the move.", "ACCUSE", "FRA", "REJECT", "RUS"),
    ("Hungary blocked the aid package, with Poland accusing Budapest of helping Moscow.", "ACCUSE", "POL",
     "COERCE", "HUN"),
    ("Israel struck Gaza overnight, with Egypt urging both sides to show restraint.", "REQUEST", "EGY",
     "ASSAULT", "ISR"),
])
def test_an_absolute_clause_is_its_own_subjects_act(code_text, text, etype, actor, main_type, main_actor):
    evs = code_text(text)
    assert [c for c, _ in _parties(of_type(evs, etype)[0].actor)] == [actor], shown(evs)
    assert [c for c, _ in _parties(of_type(evs, main_type)[0].actor)] == [main_actor], shown(evs)


def test_a_participle_without_subject_keeps_the_main_actor(code_text):
    """Near-miss: "..., accusing Belarus ..." has no subject of its own: the main
    clause's subject does it."""
    ev = of_type(code_text("Poland closed its border, accusing Belarus of staging the migrant crisis."),
                 "ACCUSE")[0]
    assert _parties(ev.actor) == [("POL", "GOV")] and _parties(ev.recipient) == [("BLR", "GOV")]


# --- 3. a second request to other addressees -------------------------------------------

@pytest.mark.parametrize("text, first, second", [
    ("Zelensky urged civilians to leave and called on Western partners to send air defences.", "urged", "called on"),
    ("The minister asked residents to stay indoors and urged the United Nations to send aid.", "asked", "urged"),
])
def test_a_second_request_is_its_own_event(code_text, text, first, second):
    evs = of_type(code_text(text), "REQUEST")
    by = {e.trigger: e for e in evs}
    assert set(by) == {first, second}, shown(evs)
    assert [r.sector for r in by[first].recipient] == ["CVL"]
    # the first request's addressees are not the second one's, nor its actor
    assert not [r for r in by[second].recipient if r.sector == "CVL"], shown(evs)
    assert [a.text for a in by[second].actor] == [a.text for a in by[first].actor]


def test_a_second_request_verb_with_a_named_addressee(code_text):
    evs = of_type(code_text("The minister asked residents to stay indoors and urged the United Nations to send aid."),
                  "REQUEST")
    second = next(e for e in evs if e.trigger == "urged")
    assert _parties(second.recipient) == [("UN", "IGO")], shown(evs)


def test_two_verbs_of_one_request_are_one_event(code_text):
    """Near-miss: the infinitives asked for ("to leave and take ...") are what is asked,
    not second requests."""
    evs = code_text("The governor urged residents to leave the coast and move to higher ground.")
    assert len(of_type(evs, "REQUEST")) == 1, shown(evs)


# --- 4. descriptions --------------------------------------------------------------------

@pytest.mark.parametrize("text, etype", [
    ("Hamas fired rockets at Ashkelon on Monday. The army said the terrorists also launched drones at Sderot.",
     "ASSAULT"),
    ("Israel said it had killed three commanders of Hamas. The army said the terrorists fired rockets at Sderot.",
     "ASSAULT"),
])
def test_the_terrorists_are_the_group_the_story_named(code_text, text, etype):
    ev = [e for e in of_type(code_text(text), etype) if e.actor and e.actor[0].text == "the terrorists"][0]
    a = ev.actor[0]
    assert (a.country, a.sector, a.name) == ("PSE", "REB", "Hamas"), a


def test_a_groups_commanders_keep_its_sector(code_text):
    ev = of_type(code_text("Israel said it had killed three commanders of Hamas."), "ASSAULT")[0]
    assert _parties(ev.recipient) == [("PSE", "REB")], shown([ev])


def test_a_hacker_group_linked_to_an_agency_is_its_states(code_text):
    ev = of_type(code_text("A hacker group linked to Russia's GRU attacked Polish water utilities."), "ASSAULT")[0]
    assert _parties(ev.actor) == [("RUS", "SPY")], shown([ev])


def test_a_backed_group_is_not_its_backers(code_text):
    """Near-miss: "backed" is no affiliation word (docs/actors.md: "X-backed" does not give
    X's nationality)."""
    ev = of_type(code_text("A militia backed by Iran attacked a base in eastern Syria."), "ASSAULT")[0]
    assert all(a.country != "IRN" for a in ev.actor), shown([ev])


@pytest.mark.parametrize("text, etype", [
    ("Russia warned any state against hosting NATO troops.", "THREATEN"),
    ("Moscow threatened every country that sends weapons to Kyiv.", "THREATEN"),
])
def test_any_state_is_no_party(code_text, text, etype):
    ev = of_type(code_text(text), etype)[0]
    assert not ev.recipient, shown([ev])


@pytest.mark.parametrize("text, etype", [
    ("Russia threatened Russia's neighbours with retaliation.", "THREATEN"),
    ("Moscow accused Russia's neighbours of militarising the Baltic.", "ACCUSE"),
    ("China warned Japan's allies against sending warships.", "THREATEN"),
    ("Russia threatened its neighbours with retaliation.", "THREATEN"),
])
def test_a_states_neighbours_are_not_that_state(code_text, text, etype):
    ev = of_type(code_text(text), etype)[0]
    assert [(r.country, r.sector) for r in ev.recipient] == [(None, "GOV")], shown([ev])
    assert "militarising" not in ev.recipient[0].text


def test_named_neighbours_keep_their_countries(code_text):
    """Near-miss: a modifier that names them still does ("its Baltic neighbours")."""
    ev = of_type(code_text("Russia warned its Baltic neighbours against hosting troops."), "THREATEN")[0]
    assert {"EST", "LVA", "LTU"} <= {r.country for r in ev.recipient}, shown([ev])


# --- 6. datelines: never a party --------------------------------------------------------

@pytest.mark.parametrize("text, end", [
    ("KYIV, March 3 /Ukrinform/ - Officials accused Moscow of shelling a hospital.", "/Ukrinform/ - "),
    ("MOSCOW, March 3. /TASS/. Drones attacked a refinery near Tuapse.", "/TASS/. "),
    ("KYIV, Ukraine, March 3 (Reuters) - Drones attacked the port overnight.", "(Reuters) - "),
    ("KYIV (AP) \u2014Missiles hit a power plant overnight.", "(AP) \u2014"),
])
def test_more_dateline_forms_are_read(text, end):
    """An agency between slashes, a region and a date before the agency, a dash with no
    space after the agency's bracket: each ends a dateline (tidings.analyse._DATELINE)."""
    from tidings.analyse import dateline_end
    got = dateline_end(text)
    assert got is not None and text[:got].endswith(end), got


@pytest.mark.parametrize("text", [
    "Smith, Jones, Brown (left) - the new cabinet.",
    "The AK/47 rifles were seized.",
])
def test_near_misses_of_datelines(text):
    from tidings.analyse import dateline_end
    assert dateline_end(text) is None


def test_a_slash_agency_is_no_actor(code_text):
    ev = of_type(code_text("KYIV, March 3 /Ukrinform/ - Officials accused Moscow of shelling a hospital."),
                 "ACCUSE")[0]
    assert [a.text for a in ev.actor] == ["Officials"], shown([ev])
    assert all(a.sector != "JRN" for a in ev.actor + ev.recipient)
