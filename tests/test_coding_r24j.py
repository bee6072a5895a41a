"""Twenty-fourth round, r24j (a fresh user's trial; r24f's follow-ups). All sentences are
written for these tests.

1. "The sides", "the two sides", "both sides" of no two-party meeting are the two states
   of the words before, else of the nearest earlier sentence that names exactly two (a
   town named as the place is left out), else of the story's title (the train gold gives
   "the sides" two parties; docs/actors.md).
2. A document named after a town ("the Riga declaration", "the Astana format") or a
   service offered ("consular services") is no party (annotation guide section 6).
3. An act named in a cause phrase: the argument model's actor comes only from its own
   naming words, possessor, by-phrase, or the "of" phrase of a mover's act noun; never
   the victim of "the shelling of a Georgian post" (words.yaml own_mover_act_nouns).
4. Such an event says so in ``rules`` (``structure:responded-act-keeps-own-actor``).
"""

from __future__ import annotations

import pytest

from conftest import shown

RESPONDED = "structure:responded-act-keeps-own-actor"


def _codes(ents) -> set:
    return {e.country or e.igo for e in ents}


def _with_sides(events) -> list:
    return [e for e in events if any("sides" in a.text.lower() for a in e.actor)]


# --- 1. the sides ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, pair", [
    ("Peruvian troops crossed into Bolivia last week, prompting Bolivia to close its border with Peru. "
     "On Friday the two sides agreed to reopen the crossing.", {"PER", "BOL"}),
    ("Vietnam accused China of ramming a Vietnamese fishing boat near the Paracel Islands. "
     "Both sides agreed to hold talks next month.", {"VNM", "CHN"}),
    ("Kenyan police detained three Ugandan traders in Busia on Monday, and Uganda lodged a protest with Kenya. "
     "The sides agreed to set up a joint committee.", {"KEN", "UGA"}),
])
def test_the_sides_are_the_pair_of_an_earlier_sentence(code_text, text, pair):
    """Train gold: "the sides" / "the two sides" take two parties, never one alone."""
    evs = _with_sides(code_text(text))
    assert evs, shown(code_text(text))
    for ev in evs:
        assert _codes(ev.actor) == pair, ([(a.text, a.country) for a in ev.actor], shown([ev]))


def test_the_sides_take_the_pair_of_the_title_not_its_place(code_story):
    """A title's "in Geneva" is where the talks were held, not a party."""
    evs = _with_sides(code_story(
        "The sides reaffirmed their commitment to the ceasefire and agreed to meet again in April.",
        title="Serbian, Kosovar negotiators hold talks in Geneva"))
    assert evs
    for ev in evs:
        assert _codes(ev.actor) == {"SRB", "XKX"} or _codes(ev.actor) == {"SRB", "KOS"}, \
            [(a.text, a.country) for a in ev.actor]


def test_a_title_naming_one_state_gives_no_pair(code_story):
    """A title that names one state (and a town) pairs nothing: "the sides" do not
    become that state and the town's."""
    evs = _with_sides(code_story(
        "The sides agreed to continue consultations.",
        title="Chilean ministers hold talks in Lima"))
    for ev in evs:
        assert len(_codes(ev.actor) - {None}) != 2, [(a.text, a.country) for a in ev.actor]


# --- 2. documents and services ----------------------------------------------------------------

@pytest.mark.parametrize("text, thing", [
    ("The delegations reaffirmed their commitment to the Vienna declaration.", "vienna"),
    ("The parties reaffirmed their commitment to the Nairobi agreements.", "nairobi"),
    ("Officials said they would resume consular services next week.", "consular"),
    ("Tbilisi accused Moscow of breaking the Sochi agreements.", "sochi"),
])
@pytest.mark.parametrize("which", ("code_text", "every_candidate"))
def test_a_town_named_document_or_a_service_is_no_party(request, which, text, thing):
    """Annotation guide section 6: actors and recipients are parties, not things."""
    evs = request.getfixturevalue(which)(text)
    assert evs or which == "every_candidate"
    for ev in evs:
        for e in ev.actor + ev.recipient:
            assert thing not in e.text.lower(), (e.text, e.country, shown([ev]))


def test_a_nationality_still_names_a_proposal_party(code_text):
    """thing_nouns: "a Brazilian proposal" names Brazil (the train gold: "a U.S. proposal" USA)."""
    evs = [e for e in code_text("Argentina rejected a Brazilian proposal on tariffs.") if e.event_type == "REJECT"]
    assert evs and _codes(evs[0].recipient) == {"BRA"}, shown(evs)


# --- 3 and 4. the act a clause responds to --------------------------------------------------

@pytest.mark.parametrize("text, lemma", [
    ("Tbilisi recalled its envoy from Moscow over the shelling of a Georgian border post.", "shell"),
    ("Jakarta summoned the Malaysian ambassador over the detention of an Indonesian maid.", "detent"),
])
def test_the_victim_of_a_responded_act_is_not_its_actor(every_candidate, text, lemma):
    """The "of" object of a transitive act noun is whom it befell: no actor of it."""
    evs = [e for e in every_candidate(text) if e.trigger.lower().startswith(lemma)]
    assert evs, shown(every_candidate(text))
    for ev in evs:
        assert ev.actor == [], ([(a.text, a.country) for a in ev.actor], shown([ev]))
        assert RESPONDED in ev.rules, shown([ev])


def test_a_movers_act_takes_its_of_phrase_as_actor(every_candidate):
    """words.yaml own_mover_act_nouns: "the deployment of Turkish troops" is Turkey's."""
    text = "Baghdad summoned the Turkish charge d'affaires over the deployment of Turkish troops near Mosul."
    evs = [e for e in every_candidate(text) if e.trigger.lower().startswith("deploy")]
    assert evs, shown(every_candidate(text))
    for ev in evs:
        assert _codes(ev.actor) <= {"TUR"}, ([(a.text, a.country) for a in ev.actor], shown([ev]))
        assert RESPONDED in ev.rules


def test_the_rule_names_the_own_actor_words_list():
    """The word list the rule reads exists and holds the mover's acts, not the victim's."""
    from tidings.coding.words import words

    movers = words("own_mover_act_nouns")
    assert {"entry", "deployment", "arrival", "withdrawal"} <= set(movers)
    assert not {"bombing", "arrest", "killing", "detention", "shelling"} & set(movers)


def test_the_other_side_of_a_responded_clash_is_still_named(every_candidate):
    """The "with" phrase of a responded clash is its other side, not a victim: r24j
    leaves it to the argument model (train gold: "after a clash with the battalion"
    gives both sides)."""
    text = "Villagers fled into the hills after a clash with Burmese soldiers near the border."
    evs = [e for e in every_candidate(text) if e.trigger.lower().startswith("clash")]
    assert evs, shown(every_candidate(text))
    for ev in evs:
        assert RESPONDED in ev.rules, shown([ev])
        assert _codes(ev.actor) == {"MMR"}, ([(a.text, a.country) for a in ev.actor], shown([ev]))
