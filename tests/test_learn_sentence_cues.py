"""The sentence classifier's cues (issue 16, sixteenth round), on sentences written for
these tests: a short, clear sentence whose verb is rare in the corpus keeps its type in
the default output, because the classifier reads the verb's trigger-lexicon type besides
the words (``tidings.learn.gate.sentence_cues``)."""

from __future__ import annotations

import pytest

from conftest import happened, shown


@pytest.mark.parametrize("text, etype", [
    ("Poland vetoed the draft budget on Tuesday.", "REJECT"),
    ("Lithuania vetoed the joint declaration.", "REJECT"),
    ("Dockworkers walked out at the port of Antwerp on Monday.", "PROTEST"),
])
def test_learn_rare_verb_of_a_middle_type_reaches_the_default_output(default_code, text, etype):
    evs = default_code(text)
    assert etype in happened(evs), shown(evs)


def test_learn_cues_do_not_make_a_type_of_a_mention(default_code):
    evs = default_code("The veto power of the permanent members was debated by scholars.")
    assert "REJECT" not in happened(evs), shown(evs)


def test_learn_cues_read_from_the_end_equal_a_full_scan_of_real_features(nlp):
    """``sentence_cues`` reads a word's lexicon features from the end of its feature list
    (speed); on words parsed for real it gives what scanning every feature gives."""
    from tidings.learn.gate import sentence_cues
    from tidings.learn.tokens import is_candidate, token_features
    from tidings.lexicon import load_lexicon

    lex = load_lexicon()
    doc = nlp("Rebels pulled out of the town and the army vetoed the plan, then troops withdrew and police "
              "arrested protesters who had blocked the road.")
    sparse = [token_features(t, lex, ("RETREAT",)) for t in doc if is_candidate(t)]
    full = ["X_" + f.split(":", 1)[1] for fs in sparse for f in fs if f.startswith(("lex:", "lexp:"))]
    assert len(full) >= 4 and sentence_cues(sparse) == full


@pytest.mark.parametrize("text", [
    "Vietnam lodged a formal protest with Beijing over the island dispute.",
    "Austria protested to Hungary over the new border fence.",
])
def test_learn_a_diplomatic_protest_is_an_accusation_the_gate_keeps(default_code, text):
    """A government's protest is ACCUSE (guide: diplomatic protests;
    ``sense:government-protest-is-accusation``, marked ``same_act``): the gate reads the
    act as the PROTEST its words say and scores ACCUSE low, so the event takes the gate's
    probability of the act it read (``model:same-act``); before, the sentence gave
    nothing by default."""
    evs = default_code(text)
    assert "ACCUSE" in happened(evs) and "PROTEST" not in happened(evs), shown(evs)


def test_learn_a_crowds_protest_stays_protest(default_code):
    evs = default_code("Students protested in Vienna against the new tuition fees.")
    assert "PROTEST" in happened(evs) and "ACCUSE" not in happened(evs), shown(evs)
