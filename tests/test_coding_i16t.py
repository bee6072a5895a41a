"""Issue 16: actors and recipients not given at all.

On train, most events of the right type with no actor (or no recipient) where the gold
has one had the right word from the parse, but nothing resolved it: a quotation's "we"
whose speaker introduces it in the same sentence ('X said: "We ..."'), and armed people
named by their duty alone ("the patrol", "security guards", "their captors", "the
enemy"), which the knowledge base gave no sector, so no country was filled in.
docs/annotation.md section 6 (pronouns take the entity they refer to; the sector table).
"""

from __future__ import annotations

import pytest

from conftest import happened, shown


def _parties(events, etype, role):
    return [(e.text, e.country, e.sector) for ev in events if ev.event_type == etype for e in getattr(ev, role)]


# ---------------------------------------------------------------- quotation opened by its speaker


@pytest.mark.parametrize("text, etype", [
    ('The Bolivian defense minister said: "We are ready to meet the rebel leaders in Geneva."', "CONSULT"),
    ('The Bolivian defense minister said: "The rebels know that we are ready to meet them in Geneva."',
     "CONSULT"),
])
def test_quotation_we_is_its_opening_speaker(default_code, text, etype):
    evs = default_code(text)
    assert etype in happened(evs), shown(evs)
    assert ("BOL" in {c for _, c, _ in _parties(evs, etype, "actor")}), [
        (e.event_type, e.actor) for e in evs]


def test_quotation_after_another_sentence_has_no_speaker(default_code):
    # the speaker is named in the sentence before, with no speech verb opening the
    # quotation: nothing in this sentence says who "we" are
    evs = default_code('The Bolivian defense minister spoke to reporters. '
                       '"We are ready to meet the rebel leaders in Geneva."')
    meet = [e for e in evs if e.trigger == "meet"]
    assert meet and not meet[0].actor, [(e.trigger, e.actor) for e in evs]


def test_quotation_opened_by_a_pronoun_speaker_is_left_alone():
    from tidings.analyse import load_nlp
    from tidings.coding.mentions import _opening_speaker

    doc = load_nlp()('He said: "We are ready to meet the rebel leaders in Geneva."')
    we = next(t for t in doc if t.text == "We")
    assert _opening_speaker(we, we.sent) is None
