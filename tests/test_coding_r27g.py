"""r27g: a part in a crime named by its "in" phrase (a fresh user's trial, twenty-seventh
round: "Police arrested two suspects in the kidnapping" made the police the
kidnappers). Every sentence here was written for these tests.

"two suspects in the abduction", "his role in the killing", "denied any role in the
attack": the crime's actor is the suspect, else the part's possessor, else none; never
the clause that arrests, charges or denies (``syntax.punished_crime``, words.yaml
``culpability_nouns``, ``culpability_person_nouns``; rule
``structure:accused-did-punished-crime``; annotation guide section 6; the train gold:
"charged ... for his alleged role in the killing of civilians" ASSAULT actor "his").
"""

from __future__ import annotations

import pytest

from conftest import of_type, shown

pytestmark = pytest.mark.slow

PUNISHED = "structure:accused-did-punished-crime"


def _texts(parties) -> list[str]:
    return [p.text for p in parties]


def test_syntax_a_suspect_is_the_accused(nlp):
    from tidings.coding import syntax

    doc = nlp("Ghanaian police detained three suspects in the abduction of a Togolese trader.")
    crime = next(t for t in doc if t.lower_ == "abduction")
    accused, own = syntax.punished_crime(crime)
    assert accused.lower_ == "suspects"
    assert {doc[i].lower_ for i in own} >= {"abduction", "trader"}
    assert not any(doc[i].lower_ in ("police", "suspects") for i in own)


def test_syntax_a_role_is_its_possessors(nlp):
    from tidings.coding import syntax

    doc = nlp("Chile extradited the colonel for his role in the massacre of miners.")
    accused, _ = syntax.punished_crime(next(t for t in doc if t.lower_ == "massacre"))
    assert accused.lower_ == "his"


@pytest.mark.parametrize("text, trigger, not_actor", [
    ("Police in Accra arrested two suspects in the kidnapping of a Togolese trader.", "kidnapping", "Police"),
    ("Ecuador denied any role in the bombing of the Peruvian consulate.", "bombing", "Ecuador"),
    ("Bolivia rejected claims of its involvement in the assassination of a Chilean journalist.",
     "assassination", "Bolivia"),
])
def test_the_arresting_or_denying_party_is_not_the_criminal(default_code, text, trigger, not_actor):
    evs = default_code(text)
    ev = next((e for e in of_type(evs, "ASSAULT") if e.trigger == trigger), None)
    assert ev is not None, shown(evs)
    assert PUNISHED in ev.rules, shown(evs)
    assert not any(not_actor in a.text for a in ev.actor), _texts(ev.actor)


def test_control_an_act_with_its_own_possessor_keeps_its_parse(nlp):
    # control: "any role in the archbishop's assassination": the act's possessor (here its
    # victim) is read by the act's own rules, not as a part in a crime with no culprit
    from tidings.coding import syntax

    doc = nlp("The colonel has denied any role in the Chilean archbishop's assassination.")
    assert syntax.punished_crime(next(t for t in doc if t.lower_ == "assassination")) is None


def test_control_arrests_in_a_raid_are_the_raiders(default_code):
    # control: "in a raid" on an arrest of people who are no suspects is the arrest's own
    # operation, not a crime they did
    evs = default_code("Police in Accra arrested forty people in a raid on a Togolese market.")
    assert not any(PUNISHED in e.rules for e in evs), shown(evs)
    assert not any(a.text == "forty people" for e in of_type(evs, "COERCE") for a in e.actor)


def test_control_claimed_responsibility_keeps_the_claimant(default_code):
    # control: "responsibility for" is no culpability phrase; the claimant did it
    evs = default_code("The Mozambican insurgents claimed responsibility for the attack on a police post in Palma.")
    assert not any(PUNISHED in e.rules for e in evs), shown(evs)


# ------------------------------------------------------------ the speaker of the actor's own side

def test_own_speaker_is_not_the_recipient_of_the_threat(default_code):
    # the minister speaks for Kenya: one THREATEN, no KEN-KEN dyad
    evs = default_code("If the raids go on, Kenya will respond with full force, "
                       "Interior Minister Kipchumba Murkomen warned.")
    threats = of_type(evs, "THREATEN")
    assert len(threats) == 1, shown(evs)
    assert not any(r.country == "KEN" for r in threats[0].recipient), _texts(threats[0].recipient)
    assert {a.country for a in threats[0].actor} == {"KEN"}


def test_own_speaker_after_said_is_not_the_recipient(default_code):
    evs = default_code("Ghana will respond with force if the raids continue, Defence Minister Omane Boamah said.")
    ev = next(e for e in of_type(evs, "THREATEN") if "respond" in e.trigger)
    assert not any("Boamah" in r.text for r in ev.recipient), _texts(ev.recipient)
    assert any("Boamah" in c.text for c in ev.claimed_by), _texts(ev.claimed_by)


def test_control_another_states_speaker_leaves_the_named_recipient(default_code):
    # control: a speaker of another state than the actor's changes nothing
    evs = default_code("Rwanda asked Uganda to reopen the border, Ugandan Foreign Minister Jeje Odongo said.")
    ev = of_type(evs, "REQUEST")[0]
    assert [r.country for r in ev.recipient] == ["UGA"], _texts(ev.recipient)
    assert [a.country for a in ev.actor] == ["RWA"]


# ------------------------------------------------------------ a place before an act noun

PLACE = "structure:place-before-act-noun-is-no-actor"


@pytest.mark.parametrize("text, trigger, place", [
    ("Kenya condemned the Garissa attack on Tuesday.", "attack", "Garissa"),
    ("Peru mourned the victims of the Cusco massacre.", "massacre", "Cusco"),
    ("Nepal said it would join an inquiry into the Janakpur bombing.", "bombing", "Janakpur"),
])
def test_a_town_before_an_attack_noun_is_no_actor(default_code, text, trigger, place):
    evs = default_code(text)
    ev = next((e for e in of_type(evs, "ASSAULT") if e.trigger == trigger), None)
    assert ev is not None, shown(evs)
    assert PLACE in ev.rules, shown(evs)
    assert ev.actor == [], _texts(ev.actor)
    assert not any(r.text == place for r in ev.recipient), _texts(ev.recipient)


@pytest.mark.parametrize("text, actor", [
    ("Peru condemned the Chilean strikes on Tuesday.", "CHL"),    # a nationality does it
    ("Kenya condemned the Somalia raid on Tuesday.", "SOM"),      # a state named as a whole: left alone
])
def test_control_a_state_or_nationality_before_an_act_noun_keeps_it(default_code, text, actor):
    evs = default_code(text)
    ev = of_type(evs, "ASSAULT")[0]
    assert PLACE not in ev.rules, shown(evs)
    assert [a.country for a in ev.actor] == [actor], _texts(ev.actor)


def test_control_a_month_before_an_act_noun_is_a_date(default_code):
    # control: "the March 3 launches", "the March 1990 massacre" name a date (the
    # gazetteer knows a place called March); the act keeps its own actor
    evs = default_code("Seoul condemned the DPRK's February 20 and March 3 ballistic missile launches.")
    ev = next(e for e in evs if e.event_type == "MOBILIZE")
    assert PLACE not in ev.rules, shown(evs)
    evs = default_code("Lima recalled the March 1990 massacre of Peruvian farmers by army troops.")
    ev = next(e for e in of_type(evs, "ASSAULT") if e.trigger == "massacre")
    assert PLACE not in ev.rules, shown(evs)
    assert [(a.country, a.sector) for a in ev.actor] == [("PER", "MIL")], _texts(ev.actor)
