"""Background ranges do not date the act told beside them (r27r, fresh users' trials,
twenty-seventh round).

The sentences are new, written for these tests. Source: docs/annotation.md section 7 (the
phrase that says when *this event* happened) and section 11.3 (background): a "since"
range in a relative clause on an appositive that sums up the clause ("..., a stance it has
kept since 1995") tells how long the stance has stood; a point phrase that the parse hangs
on a participle after a "since" range ("a pilot held since 2021 on Thursday") is the main
verb's.
"""

from __future__ import annotations

import pytest

from tidings.dates import story_dates, story_sentences
from tidings.records import Story

PUB = "2026-05-08"  # a Friday


@pytest.fixture(scope="module")
def coded(nlp):
    """``coded(text) -> {event_type: (start, end, aux_modes)}`` after the story pass,
    with the shipped coder."""
    from tidings.coding import Coder

    coder = Coder()

    def run(text: str, pub: str = PUB) -> dict:
        doc = nlp(text)
        events = coder.code_doc(doc, Story(id="t", text=text, pub_date=pub))
        out = story_dates(events, pub, story_sentences(text, doc.sents))
        return {e.event_type: (e.date.start, e.date.end, tuple(e.aux_modes)) for e in out}
    return run


def test_appositive_stance_range_does_not_date_the_refusal(coded):
    got = coded("Peru has refused any outside arbitration over the river, a stance it has kept since 1995.")
    start, end, aux = got["REJECT"]
    assert (start, end) == (PUB, PUB)
    assert "historical" not in aux


def test_appositive_stance_with_a_dated_treaty_is_no_history(coded):
    got = coded("Peru has refused any outside arbitration, a stance it has kept since the 1995 Quito accord.")
    start, _end, aux = got["REJECT"]
    assert start == PUB and "historical" not in aux


def test_control_since_range_on_the_verb_still_dates_it(coded):
    # "since 1995" on the refusing verb itself: how long the refusal went on
    got = coded("Peru has refused outside arbitration over the river since 1995.")
    assert got["REJECT"][0] == "1995-01-01"


def test_point_phrase_after_a_range_on_a_participle_dates_the_release(coded):
    got = coded("Sudan freed a Kenyan pilot held since 2021 on Thursday.")
    assert got["RETREAT"][:2] == ("2026-05-07", "2026-05-07")


def test_control_point_phrase_alone_on_the_participle_stays_its_own(coded):
    # "seized on Thursday": the seizure's date, not the release's
    got = coded("Sudan freed a Kenyan pilot seized on Thursday.")
    assert got["RETREAT"][:2] == (PUB, PUB)


def test_control_range_alone_on_the_participle_dates_nothing(coded):
    got = coded("Sudan freed a Kenyan pilot held since 2021.")
    assert got["RETREAT"][:2] == (PUB, PUB)
    assert "historical" not in got["RETREAT"][2]


def test_control_main_clause_date_wins_over_a_coordinated_participle(coded):
    # "on Thursday" hangs on "sentenced", not on "held": it stays the sentencing's
    got = coded("Sudan on Monday freed a Kenyan pilot held since 2021 and sentenced on Thursday.")
    assert got["RETREAT"][:2] == ("2026-05-04", "2026-05-04")


def test_participle_on_a_noun_keeps_its_phrase_after_publication(coded):
    # "hosted" is tagged past, but the panel is on the coming Tuesday (narrows r27l's
    # past-tense skip to phrases outside the event's own clause)
    got = coded("The minister will take part in a panel hosted by the Lowy Institute on Tuesday in Sydney.")
    assert got["CONSULT"][:2] == ("2026-05-12", "2026-05-12")


def test_control_past_act_still_skips_another_clauses_later_phrase(coded):
    got = coded("Ghana welcomed the deal and said it would release the fishermen next week.")
    assert got["SUPPORT"][:2] == (PUB, PUB)
