"""A date belongs to the clause it is in (r27l, fresh users' trials, twenty-seventh round).

The sentences are new, written for these tests. Source: docs/annotation.md section 7 (the
phrase that says when *this event* happened; for a future event, when it will happen); the
corpus train split leaves an act told in an "after" clause undated when the main clause has
the date (44 of 59 such gold events; 2 take the main clause's date).
"""

from __future__ import annotations

import pytest

from tidings.dates import event_date, story_dates, story_sentences
from tidings.records import Story

PUB = "2026-05-08"  # a Friday


@pytest.fixture(scope="module")
def coded(nlp):
    """``coded(text) -> {(type, trigger): (start, end)}`` after the story pass, with the
    shipped coder."""
    from tidings.coding import Coder

    coder = Coder()

    def run(text: str, pub: str = PUB) -> dict:
        doc = nlp(text)
        events = coder.code_doc(doc, Story(id="t", text=text, pub_date=pub))
        out = story_dates(events, pub, story_sentences(text, doc.sents))
        return {(e.event_type, e.trigger): (e.date.start, e.date.end) for e in out}
    return run


def _trig(got: dict, word: str) -> tuple:
    hits = [v for (_, t), v in got.items() if word in t]
    assert hits, got
    return hits[0]


def test_past_act_is_not_dated_by_a_later_acts_phrase(coded):
    got = coded("Kenya praised the truce and said it would send 200 police officers to Haiti next month.")
    start, _ = _trig(got, "praised")
    assert start <= PUB                           # praised by publication, not in June
    send = [v for (_, t), v in got.items() if "send" in t]
    if send:                                      # control: the act to come keeps June
        assert send[0][0].startswith("2026-06")


def test_past_tense_event_skips_a_phrase_after_publication():
    s = "Kenya praised the truce and said it would send police officers next month."
    d = event_date(s, PUB, "past", [(s.index("next month"), s.index("next month") + 10)], s.index("praised"))
    assert d.text is None and d.start == PUB
    future = event_date(s, PUB, "future", [(s.index("next month"), s.index("next month") + 10)], s.index("send"))
    assert future.start == "2026-06-01"           # control: the future act keeps it


def test_participle_takes_its_own_phrase_not_the_main_verbs(coded):
    got = coded("Soldiers on Wednesday rescued nine engineers abducted from a mine near Gao two weeks ago.")
    assert _trig(got, "rescued")[0] == "2026-05-06"   # control: the rescue is Wednesday's
    abducted = _trig(got, "abducted")
    assert abducted[0] < "2026-05-01"                 # two weeks ago, not Wednesday


def test_an_after_clause_with_no_phrase_of_its_own_keeps_the_sentences():
    # narrowed after the train gold: an act told after "after" with no date phrase of its
    # own is dated by the sentence's phrase as before r27l (the gold dates an attack told
    # after "after" by the sentence's opening "yesterday"; leaving such acts to the story lost 10
    # right train dates for 1 gained); only a phrase of its own wins over the main clause's
    s = "The minister on Thursday summoned the envoy after militiamen shelled a border town."
    ents = [(s.index("Thursday"), s.index("Thursday") + 8)]
    clause = (s.index("after"), len(s) - 1)
    d = event_date(s, PUB, "past", ents, s.index("shelled"), within=clause)
    assert d.text == "Thursday"
    main = event_date(s, PUB, "past", ents, s.index("summoned"))
    assert main.start == "2026-05-07"             # control: the summons is Thursday's
    s2 = "The minister summoned the envoy after militiamen shelled a border town on Tuesday."
    own = event_date(s2, PUB, "past", [(s2.index("Tuesday"), s2.index("Tuesday") + 7)], s2.index("shelled"),
                     within=(s2.index("after"), len(s2) - 1))
    assert own.start == "2026-05-05"              # a phrase of its own still dates it


def test_after_clause_span_and_a_count_of_units(nlp):
    from tidings.dates import earlier_clause_span

    doc = nlp("The minister on Thursday summoned the envoy after militiamen shelled a border town.")
    shelled = next(t for t in doc if t.text == "shelled")
    span = earlier_clause_span(shelled, 0)
    assert span is not None and doc.text[span[0]:span[1]].startswith("after militiamen shelled")
    summoned = next(t for t in doc if t.text == "summoned")
    assert earlier_clause_span(summoned, 0) is None
    doc2 = nlp("The minister on Thursday summoned the envoy, a day after militiamen shelled a border town.")
    shelled2 = next(t for t in doc2 if t.text == "shelled")
    assert earlier_clause_span(shelled2, 0) is None   # "a day after": dated from the main clause
