"""r26t: the parties of a crime named as the reason of a punishment, and of an act whose
victims a relative clause names (two fresh users' trials, twenty-sixth round). Every
sentence here was written for these tests.

1. A warrant, charge, sanction, arrest or sentence "over"/"for"/"in connection with" a
   crime names that crime: its accused is the crime's actor, its victims (the crime noun's
   own words) the recipient, and the punishing party is neither
   (``syntax.punished_crime``, words.yaml ``punitive_words``, ``punitive_reason_preps``,
   ``reason_phrase_nouns``; rule ``structure:accused-did-punished-crime``; annotation
   guide section 6; the train gold: "arrested and sentenced ... for the murder of
   several policemen", the accused as actor).
2. "the clash that killed four soldiers": the objects of a harming verb in a relative
   clause on the act noun are its recipient, never its actor
   (``syntax.relative_clause_victims``, words.yaml ``victim_relative_verbs``; rule
   ``structure:relative-clause-victim-is-recipient``).
"""

from __future__ import annotations

import pytest

from conftest import of_type, shown

pytestmark = pytest.mark.slow

PUNISHED = "structure:accused-did-punished-crime"
VICTIM = "structure:relative-clause-victim-is-recipient"


def _texts(parties) -> list[str]:
    return [p.text for p in parties]


# ------------------------------------------------------------ 1. the punished crime

def test_syntax_finds_the_accused_of_a_warrant(nlp):
    from tidings.coding import syntax

    doc = nlp("The tribunal issued an arrest warrant for a militia colonel over killings in Kidal in 2021.")
    crime = next(t for t in doc if t.lower_ == "killings")
    accused, own = syntax.punished_crime(crime)
    assert accused.lower_ == "colonel"
    assert crime.i in own and not any(doc[i].lower_ in ("tribunal", "colonel") for i in own)


def test_syntax_no_crime_for_the_punishment_itself(nlp):
    from tidings.coding import syntax

    doc = nlp("A judge signed a warrant for his arrest on Friday.")
    assert syntax.punished_crime(next(t for t in doc if t.lower_ == "arrest")) is None


@pytest.mark.parametrize("text, accused, punisher", [
    ("The tribunal issued an arrest warrant for a Malian militia colonel over killings in Kidal in 2021.",
     "colonel", "tribunal"),
    ("Britain sanctioned two Burmese army generals over the massacre of villagers in Sagaing.",
     "generals", "Britain"),
    ("Kenyan police arrested four Somali gunmen in connection with the ambush on a bus near Mandera.",
     "gunmen", "police"),
])
def test_accused_is_the_actor_of_the_punished_crime(default_code, text, accused, punisher):
    evs = default_code(text)
    got = [e for e in of_type(evs, "ASSAULT") if PUNISHED in e.rules]
    assert got, shown(evs)
    ev = got[0]
    assert any(accused in a.text for a in ev.actor), (_texts(ev.actor), _texts(ev.recipient))
    assert not any(punisher in p.text for p in ev.actor + ev.recipient), (_texts(ev.actor), _texts(ev.recipient))


def test_the_crime_keeps_its_own_victims_as_recipient(default_code):
    evs = default_code("A Nigerian court sentenced a former vigilante commander to life in prison "
                       "for the massacre of farmers in Benue in 2018.")
    ev = next(e for e in of_type(evs, "ASSAULT") if PUNISHED in e.rules)
    assert any("commander" in a.text for a in ev.actor), shown(evs)
    assert any("farmers" in r.text for r in ev.recipient), _texts(ev.recipient)
    assert not any("court" in p.text for p in ev.actor + ev.recipient)


def test_control_a_reaction_over_an_attack_keeps_its_own_agent(default_code):
    # control: no punishment, the responded-to act keeps its own by-phrase (r24f)
    evs = default_code("Poland summoned the Belarusian envoy over the shelling of Lviv by Russian troops.")
    ev = next(e for e in of_type(evs, "ASSAULT") if e.trigger == "shelling")
    assert PUNISHED not in ev.rules
    assert [a.country for a in ev.actor] == ["RUS"], _texts(ev.actor)


# ------------------------------------------------------------ 2. victims of a relative clause

def test_relative_clause_victims_are_the_recipient(default_code):
    evs = default_code("Lebanon gave no details of the border clash that killed three Israeli soldiers on Tuesday.")
    ev = next(e for e in of_type(evs, "ASSAULT") if VICTIM in e.rules)
    assert [r.country for r in ev.recipient] == ["ISR"], _texts(ev.recipient)
    assert not any(a.country == "ISR" for a in ev.actor), _texts(ev.actor)


def test_control_an_attack_with_a_named_attacker_keeps_it(default_code):
    # control: the victims of the relative clause do not displace an actor the phrase names
    evs = default_code("Kabul condemned the Taliban ambush that wounded two Afghan police officers.")
    ev = next(e for e in of_type(evs, "ASSAULT") if e.trigger == "ambush")
    assert [a.text for a in ev.actor] == ["Taliban"], _texts(ev.actor)
    assert any("officers" in r.text for r in ev.recipient), _texts(ev.recipient)
