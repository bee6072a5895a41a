"""Issue 16: actors and recipients not given at all.

On train, most events of the right type with no actor (or no recipient) where the gold
has one had the right word from the parse, but nothing resolved it: a quotation's "we"
whose speaker introduces it in the same sentence ('X said: "We ..."'), and armed people
named by their duty alone ("the patrol", "security guards", "their captors", "the
enemy"), which the knowledge base gave no sector, so no country was filled in.
docs/annotation.md section 6 (pronouns take the entity they refer to; the sector table).
"""

from __future__ import annotations

import pytest

from conftest import happened, shown


def _parties(events, etype, role):
    return [(e.text, e.country, e.sector) for ev in events if ev.event_type == etype for e in getattr(ev, role)]


# ---------------------------------------------------------------- quotation opened by its speaker


# (stated readiness to meet is AGREE: annotation guide section 5, "is ready to talk";
# event:stated-readiness-is-agreement, r18c)
@pytest.mark.parametrize("text, etype", [
    ('The Bolivian defense minister said: "We are ready to meet the rebel leaders in Geneva."', "AGREE"),
    ('The Bolivian defense minister said: "The rebels know that we are ready to meet them in Geneva."',
     "AGREE"),
])
def test_quotation_we_is_its_opening_speaker(default_code, text, etype):
    evs = default_code(text)
    assert etype in happened(evs), shown(evs)
    assert ("BOL" in {c for _, c, _ in _parties(evs, etype, "actor")}), [
        (e.event_type, e.actor) for e in evs]


def test_quotation_we_of_a_speaker_without_a_country_takes_the_story_s(default_code):
    # the commander has no country of his own: the quotation's "we" is his side, whose
    # country the dateline's story gives
    evs = default_code('SAN SALVADOR, 4 MAY 90 -- THE GUERRILLA COMMANDER SAID: "WE ARE READY TO MEET '
                       'THE GOVERNMENT DELEGATION IN CARACAS."')
    meet = [e for e in evs if e.event_type == "AGREE"]  # stated readiness to meet (guide section 5)
    assert meet and [a.country for a in meet[0].actor] == ["SLV"], [(e.event_type, e.actor) for e in evs]


def test_quotation_after_another_sentence_has_no_speaker(default_code):
    # the speaker is named in the sentence before, with no speech verb opening the
    # quotation: nothing in this sentence says who "we" are
    evs = default_code('The Bolivian defense minister spoke to reporters. '
                       '"We are ready to meet the rebel leaders in Geneva."')
    meet = [e for e in evs if e.trigger == "meet"]
    assert meet and not meet[0].actor, [(e.trigger, e.actor) for e in evs]


def test_quotation_opened_by_a_pronoun_speaker_is_left_alone():
    from tidings.analyse import load_nlp
    from tidings.coding.mentions import _opening_speaker

    doc = load_nlp()('He said: "We are ready to meet the rebel leaders in Geneva."')
    we = next(t for t in doc if t.text == "We")
    assert _opening_speaker(we, we.sent) is None


# ---------------------------------------------------------------- armed people named by duty


@pytest.mark.parametrize("text, etype, sector", [
    ("The patrol arrested two drug traffickers near the Bolivian town of Trinidad on Monday.", "COERCE", "MIL"),
    ("Security guards detained three striking miners at the Cerro Verde mine in Peru on Friday.", "COERCE", "COP"),
    ("Their captors freed the kidnapped engineers in Zamfara state, Nigeria, on Tuesday.", "RETREAT", "UAF"),
])
def test_duty_named_actor_is_given_with_a_country(default_code, text, etype, sector):
    evs = default_code(text)
    assert etype in happened(evs), shown(evs)
    actors = _parties(evs, etype, "actor")
    assert actors and actors[0][1] is not None and actors[0][2] == sector, actors


@pytest.mark.parametrize("phrase, sector", [
    ("the patrol", "MIL"), ("a police patrol", "COP"), ("the coast guard", "MIL"),
    ("the Republican Guard", "MIL"), ("security guards", "COP"), ("a guerrilla column", "REB"),
    ("a column of troops", "MIL"), ("the enemy", "MIL"), ("the pilots", "MIL"), ("their captors", "UAF"),
    ("the schoolgirls", "EDU"), ("a contingent of urban guerrillas", "REB"),
])
def test_duty_words_sector(phrase, sector):
    from tidings.actors import resolve

    e = resolve(phrase)
    assert e is not None and e.sector == sector, (phrase, e)


@pytest.mark.parametrize("phrase", ["the travel agent", "the agents", "the staff", "an armored personnel carrier"])
def test_words_that_name_no_armed_party_stay_unresolved(phrase):
    from tidings.actors import resolve

    assert resolve(phrase) is None


# ---------------------------------------------------------------- a person named in full before


def test_surname_of_a_person_named_before_is_a_party(default_code):
    # "SE Brevik": the parser does not tag it PERSON, but the story named Thomas Brevik
    # in full: an unknown person, whose country the place or the story gives
    evs = default_code("Special Envoy for Energy Thomas Brevik will travel to Oslo and Helsinki from "
                       "June 2 to 6. In Oslo, SE Brevik will meet with Norwegian officials to discuss "
                       "energy security.")
    meet = [e for e in evs if e.trigger == "meet"]
    assert meet and any("Brevik" in a.text for a in meet[0].actor), [(e.trigger, e.actor) for e in evs]


def test_a_proper_noun_named_nowhere_as_a_person_stays_unresolved(default_code):
    # "Vandor" is no person the story names: nothing makes it one
    evs = default_code("Vandor will meet with Norwegian officials in Oslo to discuss energy security.")
    meet = [e for e in evs if e.trigger == "meet"]
    assert meet and not any("Vandor" in a.text and a.how == "unknown person" for a in meet[0].actor) or not meet


# ---------------------------------------------------------------- "both" standing alone


def test_both_alone_is_the_parties_of_the_last_meeting(default_code):
    evs = default_code("Secretary Blinken met today with Indian Foreign Minister Jaishankar in Washington. "
                       "Both condemned the terrorist attack in Kashmir.")
    acc = [e for e in evs if e.event_type == "ACCUSE"]
    assert acc, shown(evs)
    assert {a.country for a in acc[0].actor} == {"USA", "IND"}, [(e.event_type, e.actor) for e in evs]


def test_both_before_a_noun_is_unchanged(default_code):
    # "both leaders" was resolved as a description already; the pronoun rule is not involved
    evs = default_code("Secretary Blinken met today with Indian Foreign Minister Jaishankar in Washington. "
                       "Both ministers condemned the terrorist attack in Kashmir.")
    acc = [e for e in evs if e.event_type == "ACCUSE"]
    assert acc and {a.country for a in acc[0].actor} == {"USA", "IND"}, [(e.event_type, e.actor) for e in evs]
