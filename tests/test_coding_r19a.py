"""Who did what to whom, nineteenth round (a fresh user's trial): parties taken across
two clauses and from the wrong mention. All sentences are written for these tests."""

from __future__ import annotations

import pytest

from conftest import NOT_HAPPENED, shown


def _of(evs, etype):
    """The reported (not negated or hypothetical) events of ``etype``."""
    return [e for e in evs if e.event_type == etype and not set(e.aux_modes) & NOT_HAPPENED]


def _countries(ents):
    return {x.country for x in ents if x.country}


def _texts(ents):
    return {x.text for x in ents}


# --- 2. a second conjunct with its own subject and an act of the same type --------------

@pytest.mark.parametrize("text, first, second", [
    ("Kenya freed two fishermen and Somalia released a trader.", "KEN", "SOM"),
    ("Caracas freed three Americans and Washington released a businessman.", "VEN", "USA"),
    ("Belgrade released four activists and Pristina freed two policemen.", "SRB", "XKX"),
])
def test_second_clause_of_the_same_type_is_its_own_event(every_candidate, text, first, second):
    """"X freed A and Y released B": the parse hangs Y on the first clause's object list
    (syntax.stranded_subject); the second clause has a subject of its own and is an event
    of its own, though of the same type (annotation guide section 2: one record per act;
    coder.choose_events)."""
    evs = every_candidate(text)
    rel = _of(evs, "RETREAT")
    assert len(rel) == 2, shown(evs)
    assert [_countries(e.actor) for e in sorted(rel, key=lambda e: e.evidence_span)] == [{first}, {second}] or \
        sorted(tuple(sorted(_countries(e.actor))) for e in rel) == sorted([(first,), (second,)]), \
        [(e.trigger, e.actor) for e in rel]


def test_one_subject_two_verbs_of_the_same_type_stays_one_party(every_candidate):
    """Near miss: "Kenya freed two fishermen and released a trader": one subject; no
    second party appears."""
    evs = every_candidate("Kenya freed two fishermen and released a trader.")
    rel = _of(evs, "RETREAT")
    assert rel and all(_countries(e.actor) == {"KEN"} for e in rel), shown(evs)
