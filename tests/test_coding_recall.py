"""Issue 16 (rule-layer recall): whole events the rule layer turned down or never saw,
by kind. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from conftest import of_type

pytestmark = pytest.mark.slow


# --- two clauses joined by a semicolon are two events -----------------------------------

@pytest.mark.parametrize("text, first, second", [
    ("Police detained 14 students in Dhaka; the opposition denounced the detentions.", "COERCE", "ACCUSE"),
    ("Militants shelled a border post overnight; the army deployed two battalions to the area.",
     "ASSAULT", "MOBILIZE"),
    ("The envoy met the foreign minister in Tirana; the two sides signed a transport accord.",
     "CONSULT", "SUPPORT"),
])
def test_clause_before_a_semicolon_keeps_its_event(code_story, text, first, second):
    evs = code_story(text)
    assert of_type(evs, first) and of_type(evs, second)
    # neither clause claims the other
    assert all(not e.claimed_by for e in evs if e.event_type == first)


def test_reported_clause_without_semicolon_still_folds(code_story):
    # the complement of a governing trigger still folds into it ("refused to negotiate")
    evs = code_story("The rebels refused to negotiate with the government.")
    assert [e.event_type for e in evs] == ["REJECT"]


def test_semicolon_clause(nlp):
    from tidings.coding.syntax import semicolon_clause

    doc = nlp("Police detained 14 students in Dhaka; the opposition denounced the detentions.")
    detained = next(t for t in doc if t.lower_ == "detained")
    assert detained.dep_ == "ccomp" and semicolon_clause(detained)
    doc = nlp("The opposition said police detained 14 students in Dhaka.")
    detained = next(t for t in doc if t.lower_ == "detained")
    assert not semicolon_clause(detained)
