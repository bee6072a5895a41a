"""Issue 16, a fresh user's trial (sixteenth round, i16ab): kinds of wrong records,
each checked on sentences written for these tests, with near-misses that must not
change."""

from __future__ import annotations

import pytest

from conftest import happened, shown


# ---------------------------------------------------------------- 1. neither ... nor

@pytest.mark.parametrize("text, etype", [
    ("Neither Armenia nor Azerbaijan shelled the frontier villages on Sunday, observers said.", "ASSAULT"),
    ("Neither the army nor the police detained the opposition leader, his lawyer said.", "COERCE"),
    ("The coast guard seized neither the tanker nor its cargo.", "COERCE"),
    ("Neither side fired on the aid convoy overnight.", "ASSAULT"),
])
def test_neither_nor_negates_the_act(default_code, text, etype):
    evs = default_code(text)
    assert etype not in happened(evs), shown(evs)


@pytest.mark.parametrize("text, etype", [
    ("Both Armenia and Azerbaijan shelled the frontier villages on Sunday, observers said.", "ASSAULT"),
    ("Either the army or the police detained the opposition leader on Monday, his lawyer said.", "COERCE"),
    ("The coast guard seized the tanker and its cargo.", "COERCE"),
])
def test_other_coordinations_still_report_the_act(default_code, text, etype):
    evs = default_code(text)
    assert etype in happened(evs), shown(evs)


def test_neither_is_no_part_of_the_actor_name(default_code):
    evs = default_code("Neither Hungary nor Slovakia expelled the diplomats, but Poland attacked the plan.")
    texts = {a.text for e in evs for a in e.actor}
    assert "Hungary" in texts and not any(t.lower().startswith("neither") for t in texts), shown(evs)


@pytest.mark.parametrize("text", [
    "The foreign ministry neither confirmed nor denied the newspaper's report.",
    "The claim has neither been denied nor confirmed by the palace.",
])
def test_neither_nor_verbs_report_no_denial(default_code, text):
    evs = default_code(text)
    assert "REJECT" not in happened(evs), shown(evs)


def test_a_plain_denial_stays(default_code):
    evs = default_code("The foreign ministry denied the newspaper's report on Tuesday.")
    assert "REJECT" in happened(evs), shown(evs)


# ------------------------------------------------ 2. the act a call noun asks for

@pytest.mark.parametrize("text, etype", [
    ("Hungary's prime minister rejected calls by the Commission to impose sanctions on Belarus.", "SANCTION"),
    ("The cabinet turned down a demand by the opposition to withdraw the troops from the border.", "RETREAT"),
    ("The union's demand to free the jailed strikers was ignored by the governor.", "RETREAT"),
])
def test_the_act_of_a_call_noun_is_not_done(default_code, text, etype):
    evs = default_code(text)
    assert etype not in happened(evs), shown(evs)


@pytest.mark.parametrize("text, etype", [
    ("The Commission imposed sanctions on Belarus after the vote.", "SANCTION"),
    ("The cabinet withdrew the troops from the border on Monday.", "RETREAT"),
])
def test_a_done_act_beside_a_call_stays(default_code, text, etype):
    evs = default_code(text)
    assert etype in happened(evs), shown(evs)


# ------------------------------------------------------ 3. a backer is not the actor

@pytest.mark.parametrize("text, actor, backer", [
    ("Houthi rebels backed by Iran seized a cargo ship in the Red Sea.", "YEM", "IRN"),
    ("Separatist fighters funded by Moscow shelled the port of Mariupol.", None, "RUS"),
    ("Al-Shabaab militants armed by Eritrea attacked a police station in Mogadishu.", "SOM", "ERI"),
])
def test_a_sponsor_by_phrase_is_not_the_actor(default_code, text, actor, backer):
    evs = [e for e in default_code(text) if e.event_type in ("ASSAULT", "COERCE")]
    assert evs, shown(default_code(text))
    countries = {a.country for e in evs for a in e.actor}
    assert backer not in countries, [(e.event_type, e.actor) for e in evs]
    if actor:
        assert actor in countries, [(e.event_type, e.actor) for e in evs]


def test_a_doer_by_phrase_still_names_the_actor(default_code):
    evs = default_code("The raid carried out by Kenyan troops killed twelve militants.")
    assert any(a.country == "KEN" for e in evs if e.event_type == "ASSAULT" for a in e.actor), shown(evs)


def test_a_backing_force_still_names_an_actor(default_code):
    # a fighting force backing another fights beside it (the train gold lists it)
    evs = default_code("Malian soldiers backed by Russian troops attacked a rebel camp near Kidal.")
    assert any(a.country == "RUS" for e in evs if e.event_type == "ASSAULT" for a in e.actor), shown(evs)


# --------------------------------------------------- 4. a demanded act noun is not done

@pytest.mark.parametrize("text", [
    "Protesters demanded the resignation of the prime minister.",
    "Teachers called for the resignation of the mayor.",
    "Nurses called for the resignation of the health minister after the strike.",
])
def test_a_demanded_act_noun_is_not_done(default_code, text):
    evs = default_code(text)
    assert "RETREAT" not in happened(evs), shown(evs)
    # the demand is kept: REQUEST, or PROTEST for a dissent crowd's demand (guide 11.8, r27i)
    assert {"REQUEST", "PROTEST"} & {e.event_type for e in evs}, shown(evs)


@pytest.mark.parametrize("text", [
    "The prime minister announced his resignation on Friday.",
    "The mayor's resignation came after weeks of protests.",
])
def test_a_reported_resignation_stays(default_code, text):
    evs = default_code(text)
    assert "RETREAT" in happened(evs), shown(evs)
