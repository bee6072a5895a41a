"""A future measure's start date, and a participle's phrase beside a circumstance noun
(r28g, a fresh user's trial, twenty-eighth round).

The sentences are new, written for these tests (other countries and wordings than the
user's). Source: docs/annotation.md section 7: for a ``future`` event the phrase says when
it will happen, and a date without a year is the next such date after publication; the
phrase that says when *this event* happened dates it, not another act's phrase.
"""

from __future__ import annotations

import pytest

from tidings.dates import FUTURE_START, OPEN_RANGE, resolve, story_dates, story_sentences
from tidings.records import Story

PUB = "2026-04-08"  # a Wednesday


@pytest.fixture(scope="module")
def coded(nlp):
    """``coded(text) -> [(type, trigger, start, end, aux)]`` after the story pass, with
    the shipped coder."""
    from tidings.coding import Coder

    coder = Coder()

    def run(text: str, pub: str = PUB) -> list:
        doc = nlp(text)
        events = coder.code_doc(doc, Story(id="t", text=text, pub_date=pub))
        out = story_dates(events, pub, story_sentences(text, doc.sents))
        return [(e.event_type, e.trigger, e.date.start, e.date.end, e.aux_modes) for e in out]
    return run


def _by(got: list, word: str) -> tuple:
    hits = [g for g in got if word in g[1]]
    assert hits, got
    return hits[0]


def test_future_from_date_is_the_next_such_day():
    r = resolve("from May 1", PUB, "future")
    assert (r.start, r.first, r.last, r.granularity) == ("2026-05-01", "2026-05-01", "2026-05-01", "day")
    assert r.reason.startswith(FUTURE_START)
    # already passed this year: next year's
    assert resolve("starting March 3", PUB, "future").start == "2027-03-03"


def test_past_and_since_stay_open_ranges():
    # controls: a past "from May 1" is last May up to publication; "since" is never a point
    r = resolve("from May 1", PUB, "past")
    assert (r.first, r.last, r.reason) == ("2025-05-01", PUB, OPEN_RANGE)
    r = resolve("since May 1", PUB, "future")
    assert (r.first, r.reason) == ("2025-05-01", OPEN_RANGE)
    # a closed range keeps both ends
    r = resolve("from May 1 to May 9", PUB, "future")
    assert (r.first, r.last) == ("2026-05-01", "2026-05-09")


def test_future_measure_dated_from_its_start(coded):
    got = coded("Moldovan authorities will start confiscating Russian-registered trucks "
                "from May 1, the government said on Tuesday.")
    ev = _by(got, "confiscat")
    assert ev[2:4] == ("2026-05-01", "2026-05-01")      # was 2025-05-01 up to publication


def test_past_on_date_stays_last_year(coded):
    # control: a date after publication named in a past sentence is last year's
    got = coded("Georgian police seized 40 Russian-registered trucks on May 2, the "
                "government said on Tuesday.")
    ev = _by(got, "seized")
    assert ev[2] == "2025-05-02"


def test_threat_after_a_future_measure_is_dated_when_made(coded):
    got = coded("Moldovan authorities will start confiscating Russian-registered trucks "
                "from May 1, the government said on Tuesday. "
                "Russian diplomats warned that Moscow would halt gas deliveries to Moldova.")
    threat = _by(got, "halt")
    assert threat[0] == "THREATEN"
    assert threat[2:4] == ("2026-04-07", PUB)  # the lead Tuesday to publication, not May 1


def _spans(nlp, text: str, word: str) -> list[str]:
    from tidings.dates import participle_circumstance_spans

    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    ents = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
    return [text[a:b] for a, b in participle_circumstance_spans(ents, tok, 0)]


def test_circumstance_noun_not_dated_by_the_participle(nlp):
    text = ("Sudan released six Chadian traders arrested in November after the mediation "
            "of the African Union, officials said on Monday.")
    spans = _spans(nlp, text, "mediation")
    assert spans == ["arrested in November "]
    # controls: the release and the arrest are no such noun; nothing is skipped for them
    assert _spans(nlp, text, "released") == []
    assert _spans(nlp, text, "arrested") == []


def test_released_and_arrest_keep_their_dates(coded):
    got = coded("Montenegro released two Albanian fishermen arrested in November after the "
                "mediation of the European Union, the government said on Monday.")
    assert _by(got, "released")[2] == "2026-04-06"
    assert _by(got, "arrested")[2:4] == ("2025-11-01", "2025-11-30")
