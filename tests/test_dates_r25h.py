"""Dates of background phrases do not date the act (twenty-fifth round, r25h, a fresh
user's trial; annotation guide section 7: an event's date comes from its own clause;
section 4: historical means the act itself is old). The sentences are new, written for
these tests.

- A year or a span of years before a noun ("the 1991-94 conflict") names that thing: it
  neither dates nor marks historical the act of the clause, even when the clause hangs
  under a reporting verb ("..., the OSCE said").
- A past participle on a noun ("the charter *adopted in 2019*") dates only that thing,
  when its phrase lies years back.
- An open range in a relative aside ("Ortiz, *who has lived in exile since 2020*, ...")
  tells how long that state has lasted, not when the event happened.
- A phrase that lies ahead whatever the tense ("next month") inside a past participle
  ("prisoners *held in the northern jail* next month") is the main verb's.

Controls keep their dates: the main verb's own year ("signed the border accord in 2019")
is the event's, and historical; a recent participle ("a statement emailed on Monday")
still dates the event; a violent act before a year dates a material event.
"""

from __future__ import annotations

import pytest

from tidings.dates import event_date

PUB = "2025-03-12"  # a Wednesday


@pytest.fixture(scope="module")
def coded(nlp, coder):
    """``coded(text) -> {(type, trigger): (start, end, granularity, aux_modes)}`` after the
    story pass, as the engines code a story of :data:`PUB`."""
    from tidings.dates import story_dates, story_sentences
    from tidings.records import Story

    def run(text: str, pub_date: str = PUB) -> dict:
        doc = nlp(text)
        events = coder.code_doc(doc, Story(id="t", text=text, pub_date=pub_date))
        out = story_dates(events, pub_date, story_sentences(text, doc.sents))
        return {(e.event_type, e.trigger): (e.date.start, e.date.end, e.date.granularity, sorted(e.aux_modes))
                for e in out}

    return run


def _one(got: dict, etype: str, trigger: str):
    assert (etype, trigger) in got, got
    return got[(etype, trigger)]


def test_a_year_span_before_a_noun_neither_dates_nor_marks_the_agreement(coded):
    got = coded("Armenia and Azerbaijan agreed on Tuesday to set up a fund for the widows of the "
                "1991-94 conflict, the OSCE said.")
    start, end, gran, aux = _one(got, "AGREE", "agreed")
    assert (start, end, gran) == ("2025-03-11", "2025-03-11", "day")
    assert "historical" not in aux


def test_a_year_span_before_a_noun_is_no_date_candidate():
    text = "The ministers met on Monday to discuss pensions for veterans of the 1980-88 war."
    d = event_date(text, PUB, "past", (), text.index("met"))
    assert (d.start, d.text) == ("2025-03-10", "Monday")
    # without the weekday the span names the war: the publication date stands
    text = "The ministers met to discuss pensions for veterans of the 1980-88 war."
    d = event_date(text, PUB, "past", (), text.index("met"))
    assert (d.start, d.source) == (PUB, "publication")


def test_a_year_span_of_the_clause_itself_still_dates_it():
    # "between 1980 and 1988" is no noun's modifier
    text = "The army shelled the border towns from 1980 to 1988."
    d = event_date(text, PUB, "past", (), text.index("shelled"))
    assert d.start == "1980-01-01"


@pytest.mark.parametrize("text, etype, trigger", [
    ("The bloc also urged both governments to return to talks under the Lakeside Charter adopted in 2019.",
     "REQUEST", "urged"),
    ("The mediators called on the rebels to honour the truce signed in 2018.", "REQUEST", "called on"),
])
def test_a_participle_on_a_noun_dates_only_that_thing(coded, text, etype, trigger):
    start, _end, gran, aux = _one(coded(text), etype, trigger)
    assert (start, gran) == (PUB, "story")
    assert "historical" not in aux


def test_the_main_verb_keeps_its_own_year_and_is_historical(coded):
    start, end, gran, aux = _one(coded("Guyana and Suriname signed the border accord in 2019."),
                                 "SUPPORT", "signed")
    assert (start, end, gran) == ("2019-01-01", "2019-12-31", "year")
    assert "historical" in aux


def test_a_recent_participle_still_dates_the_event(coded):
    start, *_ = _one(coded("The ministry denied the claims in a statement emailed on Monday."),
                     "REJECT", "denied")
    assert start == "2025-03-10"


def test_a_violent_act_before_a_year_still_dates_a_material_event(coded):
    start, _end, _gran, aux = _one(coded("Officials said the army had attacked the village during the 1982 war."),
                                   "ASSAULT", "attacked")
    assert start == "1982-01-01" and "historical" in aux


def test_an_open_range_in_a_relative_aside_does_not_date_the_rejection(coded):
    start, end, gran, aux = _one(coded("Ortiz, who has lived in exile since 2020, rejected the ruling as a farce."),
                                 "REJECT", "rejected")
    assert (start, end, gran) == (PUB, PUB, "story")


def test_an_open_range_of_the_main_clause_still_dates_it():
    text = "Rebels have besieged the town since 2020."
    d = event_date(text, PUB, "past", (), text.index("besieged"))
    assert (d.start, d.end) == ("2020-01-01", PUB)


def test_a_future_phrase_in_a_past_participle_dates_the_main_verb(coded):
    start, end, _gran, aux = _one(coded("The army is expected to release some 30 prisoners held in the "
                                        "northern jail next month."), "CONCEDE", "release")
    # an announced release is CONCEDE (guide section 4; r25m: "is expected to" is future)
    assert (start, end) == ("2025-04-01", "2025-04-30")


def test_a_past_phrase_in_a_participle_on_the_object_still_dates_nothing():
    # unchanged (seventeenth round): "abducted last month" is the abduction's
    text = "Troops rescued 50 schoolgirls abducted last month."
    s = text.index("abducted")
    d = event_date(text, PUB, "past", (), text.index("rescued"), elsewhere=((s, len(text) - 1),))
    assert (d.start, d.source) == (PUB, "publication")
