"""r26ae, fresh users' headline feeds: a headline's present-tense verb the parser read as
a noun ("rejects" a plural noun, "hosts" the subject of "talks", an acronym subject read
as the verb) or, after a comma list of subjects, as an adjective ("expel") is the
line's verb (coding/headverbs.py); a headline's comma list of states holding drills is a
joint exercise, COOPERATE (annotation guide section 3). Prose is untouched. Every
headline here is the team's own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _events(code_text, text):
    from tidings.analyse import prepare_text

    return [(e.event_type, [a.text for a in e.actor]) for e in code_text(prepare_text(text))]


@pytest.mark.parametrize("text,etype,actors", [
    ("Mali rejects Dakar demand to extradite officers", "REJECT", ["Mali"]),
    ("Bolivia hosts Peruvian-Chilean border talks", "CONSULT", ["Bolivia"]),
    ("AU lifts travel ban on Guinean junta officials", "CONCEDE", ["AU"]),
    ("Estonia, Latvia, Lithuania expel Belarusian diplomats", "SANCTION", ["Estonia", "Latvia", "Lithuania"]),
    ("Japan, Philippines, Australia hold naval drills near Palawan", "COOPERATE",
     ["Japan", "Philippines", "Australia"]),
])
def test_headline_verb_found(code_text, text, etype, actors):
    got = _events(code_text, text)
    assert (etype, actors) in got, got


def test_single_state_drills_stay_mobilize(code_text):
    got = _events(code_text, "Vietnam holds artillery drills near Haiphong")
    assert [t for t, _ in got] == ["MOBILIZE"], got


def test_misread_verb_needs_a_leading_name(nlp, coder):
    from tidings.analyse import prepare_text
    from tidings.coding.headverbs import misread_verb, verb_lemma

    assert verb_lemma("rejects", 1, coder.lex) == "reject"
    assert verb_lemma("expel", 1, coder.lex) is None  # a base form only after a list
    assert verb_lemma("expel", 3, coder.lex) == "expel"
    doc = nlp(prepare_text("Bolivia hosts Peruvian-Chilean border talks"))  # "hosts" read a noun
    found = misread_verb(next(doc.sents), coder.lex)
    assert found is not None and (found[0].text, found[1]) == ("hosts", "host")
    doc = nlp(prepare_text("Mali rejects Dakar demand to extradite officers"))  # read a verb
    assert misread_verb(next(doc.sents), coder.lex) is None
    doc = nlp("Border rejects pile up at depot")  # no name before it
    assert misread_verb(next(doc.sents), coder.lex) is None


def test_prose_untouched(code_text):
    evs = code_text("Mali rejected the Dakar demand to extradite officers on Monday.")
    assert ("REJECT", ["Mali"]) in [(e.event_type, [a.text for a in e.actor]) for e in evs]
