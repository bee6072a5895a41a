"""A definite agent noun with no country of its own ("the diplomats", "the troops")
takes the party of the story's nearest earlier mention with the same head lemma
(words.yaml story_agent_nouns; Mentions._agent_antecedent; annotation guide section 6:
a description takes the entity it refers to). Twenty-fifth round, a fresh user's
trial (r25a). Every story here is written for these tests."""

from __future__ import annotations

import pytest

from conftest import NOT_HAPPENED


def _of(evs, etype):
    """The reported (not negated or hypothetical) events of ``etype``."""
    return [e for e in evs if e.event_type == etype and not set(e.aux_modes) & NOT_HAPPENED]


def _actor(evs, etype, text):
    """The actor entity whose text is ``text`` of the one event of ``etype`` that has it."""
    got = [a for e in _of(evs, etype) for a in e.actor if a.text == text]
    assert got, [(e.event_type, [(a.text, a.country) for a in e.actor]) for e in evs]
    return got[0]


@pytest.mark.parametrize("text, etype, said, country", [
    # the user's story: the diplomats are the French ones, not the story's Iran
    ("French diplomats met Iranian officials in Muscat on Monday. The talks lasted five hours. "
     "The diplomats later urged Tehran to free two detained nationals.", "REQUEST", "The diplomats", "FRA"),
    # a plural takes a singular's country
    ("A Nigerian envoy arrived in Accra on Tuesday. Heavy rain fell across the capital. "
     "The envoys later condemned the closure of the Ghanaian border.", "ACCUSE", "The envoys", "NGA"),
    # the troops are Chad's even though they act in Sudan
    ("Chadian troops crossed the border into Sudan on Friday. Aid groups reported food shortages. "
     "The troops later attacked a rebel camp near El Geneina.", "ASSAULT", "The troops", "TCD"),
])
def test_definite_agent_noun_takes_its_earlier_mentions_country(code_text, text, etype, said, country):
    """"French diplomats ... The diplomats later urged ...": the diplomats are the same
    French diplomats (story context), not the story's or the event place's country."""
    a = _actor(code_text(text), etype, said)
    assert a.country == country
    assert a.how == "story context"


def test_disagreeing_earlier_mentions_give_no_country(code_text):
    """Brazilian and Argentine negotiators both named before: "the negotiators" could be
    either, so they take neither, nor the story's country."""
    evs = code_text("Brazilian negotiators met Argentine negotiators in Montevideo on Monday. "
                    "The session ran late into the night. "
                    "The negotiators later criticised the European Union.")
    a = _actor(evs, "ACCUSE", "The negotiators")
    assert a.country is None
    assert a.how == "ambiguous antecedent"


def test_no_earlier_mention_keeps_the_old_answer(code_text):
    """With no earlier diplomats in the story, "the diplomats" refer back to nothing:
    the story's country fills it as before."""
    evs = code_text("Heavy rain fell in Muscat on Monday. Iranian officials spoke of floods. "
                    "The diplomats later urged Tehran to free two detained nationals.")
    a = _actor(evs, "REQUEST", "The diplomats")
    assert a.how != "story context"


def test_earlier_mention_in_another_story_is_no_antecedent(code_text):
    """French diplomats of one story are not the diplomats of the next one."""
    code_text("French diplomats met Iranian officials in Muscat on Monday.", story_id="a")
    evs = code_text("Heavy rain fell across Lagos on Monday. "
                    "The diplomats later urged Abuja to reopen the airport.", story_id="b")
    a = _actor(evs, "REQUEST", "The diplomats")
    assert a.country != "FRA" and a.how != "story context"


@pytest.mark.parametrize("text, said, country", [
    # its own nationality wins over the earlier mention's
    ("French diplomats met Iranian officials in Muscat on Monday. The talks lasted five hours. "
     "The Iranian diplomats later urged Paris to free two detained nationals.", "The Iranian diplomats", "IRN"),
])
def test_agent_noun_with_its_own_country_keeps_it(code_text, text, said, country):
    """"the Iranian diplomats" names its country itself: no referring back."""
    a = _actor(code_text(text), "REQUEST", said)
    assert a.country == country and a.how != "story context"


def test_bare_plural_without_the_does_not_refer_back(code_text):
    """"Diplomats" without a determiner are any diplomats, not the French ones named
    before (only a definite description refers back)."""
    evs = code_text("French diplomats met Iranian officials in Muscat on Monday. The talks lasted five hours. "
                    "Diplomats later urged Tehran to free two detained nationals.")
    assert all(a.how != "story context" for e in _of(evs, "REQUEST") for a in e.actor)


def test_agent_nouns_are_a_data_list():
    """The nouns that refer back live in words.yaml with a doc, lemma forms."""
    from tidings.coding.words import words

    got = words("story_agent_nouns")
    assert {"diplomat", "envoy", "troop", "soldier", "delegation", "protester"} <= got
    assert "rebel" not in got  # rebels take the story's named group (_fighters_of_named_group)
