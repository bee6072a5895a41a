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
