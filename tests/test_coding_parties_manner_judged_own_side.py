"""Wrong actors and recipients found in a fresh user's trial (issue 16, round i16v).

Kinds, each counted on the corpus train split before it was fixed: a judged act noun
taking its actor from what else the judge did ("condemned the attack and called on the
UN to act"); a manner phrase taken for a party ("respond with force"); the same mention
on both sides of one event; the possessor of a membership or bid noun ("Sweden's NATO
membership"); two records of one act. The sentences are written by the team, never
copied from an evaluation file or the corpus.
"""

from __future__ import annotations

import pytest

from conftest import shown

pytestmark = pytest.mark.slow


def _of_type(events, event_type: str) -> list:
    return [e for e in events if e.event_type == event_type]


def _countries(entities) -> set:
    return {a.country for a in entities} | {a.igo for a in entities if a.igo}


def _texts(entities) -> list[str]:
    return [a.text for a in entities]


# ------------------------------------------- 1. the judge's other clause names no doer

@pytest.mark.parametrize("text", [
    "The Kenyan government condemned the attack and called on the United Nations to act.",
    "Ghana's foreign ministry denounced the bombing and urged the African Union to send investigators.",
    "The Chilean senate deplored the massacre and asked the Organization of American States for help.",
])
def test_judged_act_takes_no_actor_from_the_judges_other_clause(default_code, text):
    evs = default_code(text)
    for e in evs:
        if e.event_type in ("ASSAULT", "COERCE"):
            assert not e.actor, shown(evs)
    acc = _of_type(evs, "ACCUSE")
    assert acc and not acc[0].recipient, shown(evs)


@pytest.mark.parametrize("text, actor", [
    # the act's own phrase names its doer
    ("The Kenyan government condemned the attack by Somali militants and called on the United Nations to act.", "SOM"),
    ("The Kenyan government condemned the Russian attack and called on the United Nations to act.", "RUS"),
])
def test_judged_act_keeps_a_doer_its_own_phrase_names(default_code, text, actor):
    evs = _of_type(default_code(text), "ASSAULT")
    assert evs and actor in _countries(evs[0].actor), shown(default_code(text))


def test_judge_clause_that_attributes_the_act_names_its_doer():
    """"condemned the attack and attributed it to X": the coordinated clause lays the
    act on X, so its words stay open to the actor (syntax.judge_clause_words)."""
    from tidings.analyse import load_nlp
    from tidings.coding import syntax

    doc = load_nlp()("The mayor condemned the ambush and attributed it to the rebels.")
    ambush = next(t for t in doc if t.lower_ == "ambush")
    assert syntax.judge_clause_words(ambush) == set()
    doc = load_nlp()("The mayor condemned the ambush and called on the rebels to negotiate.")
    ambush = next(t for t in doc if t.lower_ == "ambush")
    assert next(t for t in doc if t.lower_ == "rebels").i in syntax.judge_clause_words(ambush)


# ------------------------------------------------ 2. a manner phrase is no party

@pytest.mark.parametrize("text", [
    "Navy exercises began off the coast on Monday. Pyongyang warned it would respond with force.",
    "The Lebanese president said any incursion would be met with force.",
    "The rebels vowed to take the provincial capital by force.",
])
def test_manner_phrase_is_no_recipient(default_code, text):
    evs = default_code(text)
    for e in evs:
        assert not any(a.text.lower().endswith("force") for a in e.recipient + e.actor), shown(evs)


@pytest.mark.parametrize("text, word", [
    ("Government troops clashed with the force sent by the warlord.", "the force"),      # a unit
    ("The Dutch minister urged the Ethiopian army to act with restraint.", "the Ethiopian army"),
])
def test_a_force_that_is_a_unit_stays_a_party(default_code, text, word):
    evs = default_code(text)
    assert any(word in _texts(e.recipient) for e in evs), shown(evs)


def test_manner_phrase_words():
    from tidings.analyse import load_nlp
    from tidings.coding import syntax

    doc = load_nlp()("Militias kill with impunity, and the police were attacked by forces of the militia.")
    by = {t.lower_: syntax.manner_phrase(t) for t in doc}
    assert by["impunity"] and not by["forces"]


# ----------------------------- 3. whose membership, accession or bid: the possessor

@pytest.mark.parametrize("text, party, body", [
    ("Turkey threatened to block Sweden's NATO membership.", "SWE", "NATO"),
    ("The Secretary reaffirmed support for Moldova's EU accession.", "MDA", "EU"),
])
def test_possessor_of_a_standing_noun_is_the_recipient(default_code, text, party, body):
    evs = default_code(text)
    assert evs and party in _countries(evs[0].recipient), shown(evs)
    assert body not in _countries(evs[0].recipient), shown(evs)


@pytest.mark.parametrize("text, parties", [
    ("Paris backed the accession of Albania to the European Union.", ["Albania"]),
    ("Paris backed membership for Georgia in the alliance.", ["Georgia"]),
    ("Paris backed Serbia's bid.", ["Serbia"]),
    # near-misses: attribute nouns keep whom they are towards first
    ("Paris backed its commitment to Kenya's sovereignty.", ["Kenya", "its"]),
    ("Paris backed the alliance's enlargement.", []),
])
def test_standing_parties(text, parties):
    from tidings.analyse import load_nlp
    from tidings.coding import syntax

    doc = load_nlp()(text)
    obj = next(t for t in doc if t.dep_ == "dobj")
    assert [p.text for p in syntax.attribute_parties(obj)] == parties


# ------------------------------------ 4. one participant is never on both sides

@pytest.mark.parametrize("text", [
    "A local official said tribal leaders and government officials were meeting at a hotel in Baidoa.",
    "In 2019, Trump withdrew the United States from the arms treaty and reimposed sanctions on Iran.",
])
def test_actor_is_not_also_the_recipient(default_code, text):
    evs = default_code(text)
    assert evs, shown(evs)
    for e in evs:
        said = {a.text for a in e.actor}
        assert not said & set(_texts(e.recipient)), shown(evs)
        assert not (e.event_type != "CONSULT" and _countries(e.actor) & _countries(e.recipient)), shown(evs)


def test_own_state_leaves_the_other_party(default_code):
    evs = default_code("Secretary Blinken reaffirmed the strong ties between the United States and Estonia.")
    assert evs and _countries(evs[0].recipient) == {"EST"}, shown(evs)


@pytest.mark.parametrize("text, actor, recipient", [
    ("President Biden met Prime Minister Kishida at the White House.", "JPN", "USA"),   # host is recipient
    ("Secretary Blinken praised Canada for its leadership on climate.", "USA", "CAN"),
])
def test_two_states_stay_two_sides(default_code, text, actor, recipient):
    evs = default_code(text)
    assert evs and actor in _countries(evs[0].actor) and recipient in _countries(evs[0].recipient), shown(evs)


def test_other_side_and_own_state_filters():
    from tidings.coding.events import _not_own_state, _other_side
    from tidings.records import Entity

    trump = Entity(text="Trump", name="Donald Trump", country="USA", sector="GOV", how="knowledge base")
    us = Entity(text="the United States", name="United States", country="USA", sector="GOV", how="country name")
    iran = Entity(text="Iran", name="Iran", country="IRN", sector="GOV", how="country name")
    congress = Entity(text="Congress", country="USA", sector="LEG", how="country name")
    inferred = Entity(text="the ministry", country="USA", sector="GOV", how="story country")
    assert _not_own_state([trump], [us, iran]) == [iran]
    assert _not_own_state([trump], [congress]) == [congress]      # another branch of the state
    assert _not_own_state([inferred], [us]) == [us]               # actor's country only inferred
    officials = Entity(text="government officials", sector="GOV", how="title")
    elders = Entity(text="tribal leaders", sector=None, how="title")
    assert _other_side([elders, officials], [officials]) == []
    assert _other_side([elders], [officials]) == [officials]


# ------------------------------------------------------ 5. one record per act

@pytest.mark.parametrize("text, etype", [
    ("The foreign minister said the raid was deplorable and condemned it.", "ACCUSE"),
    ("Five villagers were killed and three others were injured when gunmen stormed the market.", "ASSAULT"),
])
def test_one_act_gives_one_record(default_code, text, etype):
    evs = [e for e in _of_type(default_code(text), etype) if e.trigger != "stormed"]
    assert len(evs) == 1, shown(default_code(text))
    if etype == "ACCUSE":
        assert "frame:condemning-predicate-is-disapproval" in evs[0].rules
        assert "lexicon:condemn/V" in evs[0].rules
        assert "structure:same-act-merged" in evs[0].rules


def _ev(etype, trigger, actor, recipient, conf, start="2025-05-01", aux=()):
    from tidings.records import Entity, Event, EventDate

    ent = lambda c: [Entity(text=c, country=c, sector="GOV", how="country name")] if c else []  # noqa: E731
    return Event(event_id=trigger, story_id="t", sentence_index=0, sentence="s", evidence_span=(0, 1),
                 trigger=trigger, event_type=etype, mode=None, contexts=[], aux_modes=list(aux),
                 actor=ent(actor), recipient=ent(recipient),
                 date=EventDate(text=None, start=start, end=start, granularity="day"),
                 location=None, quad_class="verbal_conflict", confidence=conf, cameo=None,
                 rules=[f"lexicon:{trigger}/V"])


def test_merge_keeps_the_most_confident_and_every_rule():
    from tidings.coding.coder import merge_same_acts

    got = merge_same_acts([_ev("ACCUSE", "a", "FRA", "RUS", 0.6), _ev("ACCUSE", "b", "FRA", "RUS", 0.8)])
    assert [e.trigger for e in got] == ["b"]
    assert got[0].rules == ["lexicon:b/V", "lexicon:a/V", "structure:same-act-merged"]


@pytest.mark.parametrize("other", [
    _ev("ACCUSE", "b", "FRA", "IRN", 0.8),                       # another party
    _ev("ACCUSE", "b", "FRA", "RUS", 0.8, start="2025-04-02"),   # another day
    _ev("ACCUSE", "b", "FRA", "RUS", 0.8, aux=("negation",)),    # not done
    _ev("REJECT", "b", "FRA", "RUS", 0.8),                       # another type
])
def test_distinct_acts_stay_apart(other):
    from tidings.coding.coder import merge_same_acts

    assert len(merge_same_acts([_ev("ACCUSE", "a", "FRA", "RUS", 0.6), other])) == 2


@pytest.mark.parametrize("text, actor, target", [
    ("If Russia invades Finland, Sweden would close its border, Swedish officials warned.", "SWE", "RUS"),
    ("If Chile blocks the port, Peru will impose tariffs on Chilean fruit, the minister said.", "PER", "CHL"),
])
def test_a_conditions_subject_is_not_the_threats_actor(code_text, text, actor, target):
    # the parse hangs the 'if' clause's object on the main verb as a second subject; the
    # subject after the comma is the actor (syntax.subject)
    evs = [e for e in code_text(text) if e.event_type == "THREATEN"]
    assert evs and all({a.country for a in e.actor} == {actor} for e in evs), \
        [(e.trigger, [a.text for a in e.actor]) for e in evs]


@pytest.mark.parametrize("text, etype, actor", [
    ("Pakistan said Indian missiles hit nine locations on Tuesday and vowed to retaliate.", "THREATEN", "PAK"),
    ("Ukraine said Russian drones struck a power plant and demanded more air defence.", "REQUEST", "UKR"),
])
def test_a_speakers_stance_joined_to_the_reported_act_is_the_speakers(every_candidate, text, etype, actor):
    evs = [e for e in every_candidate(text) if e.event_type == etype]
    assert evs and all({a.country for a in e.actor} == {actor} for e in evs), \
        [(e.trigger, [a.text for a in e.actor]) for e in evs]


def test_a_reported_act_joined_to_another_act_keeps_its_doer(code_text):
    # only stance verbs of the speaker: "attacked ... and burned" are both the rebels'
    evs = [e for e in code_text("Officials said the rebels attacked the town and burned houses.")
           if e.event_type == "ASSAULT"]
    assert evs and all([a.text for a in e.actor] == ["the rebels"] for e in evs), shown(evs)


@pytest.mark.parametrize("text", [
    "Riot police detained the union leader on Friday, prompting protests across the country.",
    "The court's ruling sparked protests outside the parliament.",
])
def test_what_caused_an_act_did_not_do_it(default_code, text):
    # words.yaml causing_verbs: the verb's subject, or the clause it hangs on, caused
    # the protest; nothing in the sentence names who protested
    evs = [e for e in default_code(text) if e.event_type == "PROTEST"]
    assert evs and all(not e.actor for e in evs), [(e.trigger, [a.text for a in e.actor]) for e in evs]


def test_a_caused_act_keeps_the_doer_its_own_words_name(default_code):
    evs = [e for e in default_code("The killing sparked protests by students in Dhaka.") if e.event_type == "PROTEST"]
    assert evs and all([a.text for a in e.actor] == ["students"] for e in evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The two neighbours fought a brief war in 2008 over South Ossetia.",
    "The two armies fought a short war in 1995 over the Cenepa valley in Ecuador.",
])
def test_what_a_fight_is_over_is_not_its_actor(default_code, text):
    # words.yaml matter_preps: the argument model takes no actor from an "over" phrase
    evs = [e for e in default_code(text) if e.event_type == "ASSAULT"]
    place = text.split(" over ")[1].rstrip(".")
    assert evs and all(not any(a.text in place for a in e.actor) for e in evs), \
        [(e.trigger, [a.text for a in e.actor]) for e in evs]
