"""Twenty-fourth round, r24k (a fresh user's trial): an act told in a non-restrictive
relative clause about a named party or group ("Moscow, which threatened
countermeasures") is an event of its own, the antecedent its actor (annotation guide
section 11.1: passing mentions in a relative clause that name a party are labelled).
The event says so in ``rules`` (``structure:relative-clause-act-of-antecedent``). A
restrictive clause ("the troops that were sent") and a clause on a thing stay background.
All sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from conftest import shown

RELATIVE = "structure:relative-clause-act-of-antecedent"


def _codes(ents) -> set:
    return {e.country or e.igo for e in ents}


def _relative(events) -> list:
    return [e for e in events if RELATIVE in e.rules]


@pytest.mark.parametrize("text, etype, actor", [
    ("The arrest of two Latvian customs officers by Belarus on Tuesday drew a sharp reply from Riga, "
     "which threatened retaliatory measures.", "THREATEN", "LVA"),
    ("The talks were hosted by Qatar, which condemned the shelling of the market on Sunday.", "ACCUSE", "QAT"),
    ("Mozambican officials met envoys from Japan, which donated 20 ambulances to Tete province in May.",
     "AID", "JPN"),
])
def test_relative_clause_act_is_the_antecedents(code_text, text, etype, actor):
    """The clause's act is chosen beside the main event, with the antecedent as actor."""
    evs = code_text(text)
    rel = [e for e in _relative(evs) if e.event_type == etype]
    assert rel, shown(evs)
    if actor is not None:
        assert actor in _codes(rel[0].actor), shown(rel)


def test_same_wording_as_main_clause_keeps_its_type(code_text):
    """The relative clause gives the type the main clause gives."""
    main = {e.event_type for e in code_text("Riga threatened retaliatory measures.")}
    rel = {e.event_type for e in _relative(code_text(
        "The arrest of two Latvian customs officers drew a sharp reply from Riga, which threatened retaliatory measures."))}
    assert "THREATEN" in main and rel == {"THREATEN"}


@pytest.mark.parametrize("text", [
    # restrictive clause ("that"): background, as before
    "The Ghanaian government praised the soldiers that rescued the hostages.",
    # a clause on a thing, not a party
    "The president welcomed the agreement, which ended the blockade of the port.",
])
def test_restrictive_or_thing_clause_stays_background(code_text, text):
    evs = code_text(text)
    assert not _relative(evs), shown(evs)
