"""r26z, a fresh user's trial: a headline drops the "and" of its list of subjects
("Japan, South Korea, US hold air drills"), and the parser keeps one name as the subject
and hangs the others off the sentence. In a headline line every name of a bare comma
list before the verb is an actor (docs/annotation.md section 6; PLOVER manual, compound
actors); a sentence of prose is untouched. Every headline here is the team's own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _actors(evs, etype):
    return [[a.text for a in e.actor] for e in evs if e.event_type == etype]


LISTS = [
    ("Kenya, Uganda, Tanzania agree to joint border patrols", "AGREE", ["Kenya", "Uganda", "Tanzania"]),
    ("Russia, China, Iran hold naval drills in Gulf of Oman", "COOPERATE", ["Russia", "China", "Iran"]),
    ("Ghana, Togo, Benin launch joint military operation against jihadists", "COOPERATE",
     ["Ghana", "Togo", "Benin"]),
]


@pytest.mark.parametrize("text,etype,names", LISTS)
def test_headline_comma_list_all_actors(code_text, text, etype, names):
    evs = code_text(text)
    assert names in _actors(evs, etype), [(e.event_type, [a.text for a in e.actor]) for e in evs]


def test_name_list_needs_names_only(nlp):
    from tidings.analyse import prepare_text
    from tidings.coding import syntax

    doc = nlp(prepare_text("Kenya, Uganda, Tanzania agree to joint border patrols"))
    assert [t.text for t in syntax.headline_name_list(doc[0])] == ["Uganda", "Tanzania"]
    doc = nlp("On Monday, Kenya agreed to joint border patrols.")
    subj = next(t for t in doc if t.dep_ == "nsubj")
    assert syntax.headline_name_list(subj) == []  # a fronted time phrase is no name


def test_prose_sentence_untouched(code_text):
    # the same list in a sentence of prose (full stop) is no headline: nothing is added
    evs = code_text("Kenya, Uganda, Tanzania agreed to joint border patrols on Monday.")
    # (main gives Kenya and Uganda here, the parse's conjunct; the rule adds no Tanzania)
    assert _actors(evs, "AGREE") == [["Kenya", "Uganda"]]
