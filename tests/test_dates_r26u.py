"""Dates on a story's timeline (r26u, a fresh user's trial; what r26k left).

The sentences are new, written for these tests. Source: docs/annotation.md section 7
(the date phrase says when *this event* happened; relative dates count from their
anchor) and section 4 / the PLOVER manual, Auxiliary modes (historical: the act itself
is old).
"""

from __future__ import annotations

import pytest

from tidings.dates import story_dates, story_sentences
from tidings.records import Story

PUB = "2026-05-08"  # a Friday


@pytest.fixture(scope="module")
def coded(nlp):
    """``coded(text) -> {(type, trigger): (start, end, aux_modes)}`` after the story pass,
    with the shipped coder (learned layer, as ``tidings code`` runs it)."""
    from tidings.coding import Coder

    coder = Coder()

    def run(text: str, pub: str = PUB) -> dict:
        doc = nlp(text)
        events = coder.code_doc(doc, Story(id="t", text=text, pub_date=pub))
        out = story_dates(events, pub, story_sentences(text, doc.sents))
        return {(e.event_type, e.trigger): (e.date.start, e.date.end, tuple(e.aux_modes)) for e in out}
    return run


def _by_type(got: dict, etype: str) -> list[tuple]:
    return [v for (t, _), v in got.items() if t == etype]


def test_since_phrase_on_another_noun_does_not_date_or_age_the_event(coded):
    got = coded("Gunmen attacked a police post near Kidal on Tuesday, the deadliest raid "
                "since the 2019 Bamako accord.")
    assert _by_type(got, "ASSAULT") == [("2026-05-05", "2026-05-05", ())]


def test_control_a_plain_year_on_the_event_still_dates_it(coded):
    # the year is the act's own: it stays and the event is historical
    got = coded("Gunmen attacked a police post near Kidal in 2019.")
    [(start, end, aux)] = _by_type(got, "ASSAULT")
    assert (start, end) == ("2019-01-01", "2019-12-31") and "historical" in aux


def test_years_after_dates_the_earlier_act_that_year_and_marks_it_historical(coded):
    got = coded("The army on Tuesday reopened the border crossing, two years after the rebels "
                "attacked it.")
    [(start, end, aux)] = _by_type(got, "ASSAULT")
    assert (start, end) == ("2024-01-01", "2024-12-31") and "historical" in aux
    # the main clause keeps its own day
    assert ("2026-05-05", "2026-05-05", ()) in _by_type(got, "CONCEDE")


def test_control_days_after_keep_the_day(coded):
    got = coded("Police on Tuesday detained 30 students, two days after they protested "
                "in the capital.")
    assert ("2026-05-03", "2026-05-03", ()) in _by_type(got, "PROTEST")


def test_participle_on_the_object_lends_no_date_to_the_next_sentence(coded):
    got = coded("Georgia on Thursday handed over six Turkish sailors detained last year to "
                "the Turkish side at the Sarpi crossing, the ministry said. In response, "
                "Turkey freed three Georgian fishermen.")
    [(start, end, _aux)] = _by_type(got, "RETREAT")
    assert start == "2026-05-07"          # Thursday, not last year
    # the detention keeps its own year
    assert ("2025-01-01", "2025-12-31") in [(s, e) for s, e, _ in _by_type(got, "COERCE")]


def test_control_a_lead_event_still_lends_its_day(coded):
    got = coded("Georgia on Thursday detained six Turkish sailors near Batumi, the ministry "
                "said. In response, Turkey expelled two Georgian diplomats.")
    starts = {s for s, _e, _a in _by_type(got, "SANCTION") + _by_type(got, "COERCE")}
    assert starts == {"2026-05-07"}


def test_deadline_on_an_act_noun_does_not_date_the_approval(coded):
    got = coded("The regional bloc on Tuesday approved the withdrawal of 800 Kenyan police "
                "officers from Haiti by the end of the year.")
    assert [(s, e) for s, e, _ in _by_type(got, "RETREAT")] == [("2026-05-05", "2026-05-05")]


def test_control_a_deadline_already_past_still_dates_the_act(coded):
    got = coded("Kenya completed the withdrawal of its police officers from Haiti by the end "
                "of March.")
    assert [(s, e) for s, e, _ in _by_type(got, "RETREAT")] == [("2026-03-21", "2026-03-31")]
