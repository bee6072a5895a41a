"""A ceasefire declared, ordered or pledged by a noun or a relative clause is CONCEDE (r29c).

The sentences are new, written for these tests (invented parties and places). Source:
docs/annotation.md section 3, CONCEDE: "declaring (not implementing) a ceasefire"; 11.18:
a party's promised concession is CONCEDE. The verb form ("declared a unilateral truce")
was CONCEDE already (sense:declared-truce-is-concession); the truce noun in the "of"/"for"/
"to" phrase of a declaring noun ("instructions for a unilateral cease-fire", "the
declaration of a truce") had no frame and gave no event, and a truce in a relative clause
of a declaring verb ("the ceasefire which the rebels launched") none either. A ceasefire
asked for, proposed or violated must not change.
"""

from __future__ import annotations

import pytest

from test_coding_r29j import _code as _cli_code  # one runner of `tidings code` over texts

RULE = "sense:ceasefire-declared-by-a-noun-is-concession"
VERB_RULE = "sense:declared-truce-is-concession"


def _code(texts: list[str]) -> dict[str, list[tuple[str, list[str]]]]:
    """``{text: [(event_type, rules)]}`` for the default output of ``tidings code``."""
    return {t: [(etype, rules) for etype, _, rules in evs] for t, evs in _cli_code(texts).items()}


POSITIVES = {
    "The rebel command has given instructions for a unilateral cease-fire over the holidays.": RULE,
    "The militia's pledge to a truce surprised the mediators in Juba.": RULE,
    "The announcement of a ceasefire by the insurgents came late on Tuesday.": RULE,
    "The declaration of a truce by the rebels on Friday surprised the army.": RULE,
    "The ceasefire that the army proclaimed on Sunday collapsed within hours.": VERB_RULE,
    "The rebel leaders gave their fighters instructions for a truce.": RULE,
    # "for" hung on the verb: the verb's object frames the truce ("orders" is also a
    # declaring verb's lemma, so the older rule names it)
    "The commander issued orders on Friday for a ceasefire.": VERB_RULE,
}
CONTROLS = [
    "The bishops called for the declaration of a truce before Easter.",        # asked for: REQUEST
    "The mediators presented a proposal for a ceasefire in the east.",          # proposed: no CONCEDE
    "Both armies violated the truce on Monday.",                                # violated: ASSAULT
    "The rebels issued a statement on Monday for a truce.",                     # no declaring noun
    "The government urged the rebels to honour the ceasefire which the mediators negotiated.",
]


@pytest.fixture(scope="module")
def coded():
    return _code(list(POSITIVES) + CONTROLS)


@pytest.mark.parametrize("text", list(POSITIVES))
def test_declared_ceasefire_noun_is_concession(coded, text):
    concede = [rules for t, rules in coded[text] if t == "CONCEDE"]
    assert len(concede) == 1 and POSITIVES[text] in concede[0]
    assert "RETREAT" not in [t for t, _ in coded[text]]      # declared, not yet observed


@pytest.mark.parametrize("text", CONTROLS)
def test_ceasefire_asked_proposed_or_broken_is_no_concession(coded, text):
    assert "CONCEDE" not in [t for t, _ in coded[text]]
    assert not any(RULE in rules for _, rules in coded[text])


def test_calls_and_violations_keep_their_own_type(coded):
    assert [t for t, _ in coded[CONTROLS[0]]] == ["REQUEST"]
    assert [t for t, _ in coded[CONTROLS[2]]] == ["ASSAULT"]
