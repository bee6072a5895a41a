"""Twenty-fourth round, r24f (a fresh user's trial): the parties of an act told as a noun
inside another clause. All sentences are written for these tests.

1. An event noun in a phrase of cause or purpose ("in protest at the arrest of",
   "in response to the shelling", "in retaliation for the raid", "to protest the
   detention of", "condemning the seizure of") names an act the clause responds to: the
   clause's subject reacts, it did not do the act. The noun's actor is its own
   possessor or by-phrase, else unnamed (docs/annotation.md section 6; words.yaml
   ``cause_phrase_nouns``, ``response_purpose_verbs``; ``syntax.responded_to``). The
   train gold: "STOPPAGES TO PROTEST THE ASSASSINATION OF JUDGE X" ASSAULT with actor [],
   "in response to Russia's invasion of Ukraine" ASSAULT RUS.
"""

from __future__ import annotations

import pytest

from conftest import of_type, shown


def _codes(ents) -> set:
    return {e.country or e.igo for e in ents}


CODERS = ("code_text", "every_candidate")


# --- 1. an act named in a phrase of cause or purpose ----------------------------------------

@pytest.mark.parametrize("text, lemma, recipient", [
    ("Ottawa froze $5 million in development aid to Managua in protest at the arrest of a Canadian missionary.",
     "arrest", "CAN"),
    ("Norway recalled its envoy from Kigali in protest over the detention of two Norwegian aid workers.",
     "detention", "NOR"),
    ("Seoul suspended a joint fishing deal with Tokyo in response to the arrest of three Korean fishermen.",
     "arrest", "KOR"),
    ("Kenya's foreign ministry summoned the Somali ambassador on Friday to protest the abduction of Kenyan teachers in Mandera.",
     "abduction", "KEN"),
])
@pytest.mark.parametrize("which", CODERS)
def test_an_act_the_clause_responds_to_takes_no_actor_from_the_clause(request, which, text, lemma, recipient):
    """Annotation guide section 6: who reacts to an act is not its actor; the act named
    with no possessor or by-phrase has an unnamed actor."""
    evs = [e for e in request.getfixturevalue(which)(text) if e.trigger.lower().startswith(lemma[:5])]
    assert evs, shown(request.getfixturevalue(which)(text))
    for ev in evs:
        assert ev.actor == [], ([(e.text, e.country) for e in ev.actor], shown([ev]))
        assert _codes(ev.recipient) == {recipient}, ([(e.text, e.country) for e in ev.recipient], shown([ev]))


@pytest.mark.parametrize("text, lemma, actor", [
    # the noun's own possessor names its actor
    ("Lithuania expelled two diplomats in response to Belarus's detention of Lithuanian border guards.",
     "detention", "BLR"),
    ("Ghana recalled its ambassador in protest over Togo's arrest of Ghanaian traders.",
     "arrest", "TGO"),
])
@pytest.mark.parametrize("which", CODERS)
def test_an_act_responded_to_keeps_its_own_named_actor(request, which, text, lemma, actor):
    """Train gold: "in response to Russia's invasion of Ukraine" ASSAULT with actor RUS."""
    evs = [e for e in request.getfixturevalue(which)(text) if e.trigger.lower().startswith(lemma[:5])]
    assert evs, shown(request.getfixturevalue(which)(text))
    assert _codes(evs[0].actor) == {actor}, ([(e.text, e.country) for e in evs[0].actor], shown(evs))


def test_cause_phrase_prep_is_read_by_position(nlp):
    """``in protest at``, ``in direct response to`` close a cause phrase; a plain ``at``
    or ``in charge of`` does not."""
    from tidings.coding.syntax import cause_phrase_prep

    doc = nlp("Peru acted in direct response to the raid and in protest at the arrests, in charge of the talks at the border.")
    preps = {t.i: cause_phrase_prep(t) for t in doc if t.pos_ == "ADP"}
    got = {doc[i].text + "@" + doc[i - 1].text: v for i, v in preps.items()}
    assert got["to@response"] is True and got["at@protest"] is True
    assert got["of@charge"] is False and got["at@talks"] is False


def test_responding_with_an_act_keeps_it_the_responders(request):
    """"responding with new raids": the raids are the responder's own act, not one it
    responds to (words.yaml response_purpose_verbs has no "respond")."""
    from tidings.coding.syntax import responded_to

    doc = request.getfixturevalue("nlp")("The militia rejected the truce, responding instead with new raids in the north.")
    raids = next(t for t in doc if t.lower_ == "raids")
    assert responded_to(raids) is False
