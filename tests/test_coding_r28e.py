"""Scheduled meetings and their dates (r28e, twenty-eighth round).

The sentences are new, written for these tests (other countries and wordings than any
corpus or evaluation text). Source: docs/annotation.md section 4 (future: a scheduled act
told as a coming fact), section 7 (the phrase that says when *this event* happened; for a
future event, when it will happen) and section 11.1 ("The ministers discussed ... the
upcoming OAS summit" -> CONSULT; CONSULT multilateral future). The train gold labels a
scheduled meeting named by a discussing or preparing act as its own CONSULT future, dated
by its own phrase ("the upcoming Official Visit ... next month" -> that month), and dates
"will participate in a conversation hosted by X on Thursday" on that Thursday.
"""

from __future__ import annotations

import pytest

from tidings.dates import story_dates, story_sentences
from tidings.records import Story

PUB = "2026-05-08"  # a Friday


@pytest.fixture(scope="module")
def coded(nlp):
    """``coded(text, pub) -> [(type, trigger, aux_modes, start, end, rules)]`` after the
    story pass, with the shipped coder."""
    from tidings.coding import Coder

    coder = Coder()

    def run(text: str, pub: str = PUB) -> list:
        doc = nlp(text)
        events = coder.code_doc(doc, Story(id="t", text=text, pub_date=pub))
        out = story_dates(events, pub, story_sentences(text, doc.sents))
        return [(e.event_type, e.trigger, sorted(e.aux_modes), e.date.start, e.date.end, e.rules) for e in out]
    return run


def _scheduled(got: list) -> list:
    return [g for g in got if "aux:scheduled-meeting-noun" in g[5]]


def test_next_months_summit_is_a_future_consult_of_its_own(coded):
    got = coded("The presidents of Chile and Peru discussed next month's summit in Lima.")
    summit = _scheduled(got)
    assert [(s[0], s[1], s[2], s[3], s[4]) for s in summit] == \
        [("CONSULT", "summit", ["future"], "2026-06-01", "2026-06-30")]
    discussed = [g for g in got if g[1] == "discussed"]
    assert discussed and discussed[0][3] == PUB and "future" not in discussed[0][2]   # the talk keeps its own date


def test_preparations_for_an_upcoming_summit_name_the_summit(coded):
    got = coded("The Nepali and Bhutanese foreign ministers discussed preparations for the upcoming summit in Thimphu.")
    assert [(s[0], s[1], s[2]) for s in _scheduled(got)] == [("CONSULT", "summit", ["future"])]
    assert any(g[1] == "discussed" and "future" not in g[2] for g in got)       # not merged into the talk


def test_last_weeks_summit_is_no_scheduled_meeting(coded):
    got = coded("Ghana and Togo discussed last week's summit.")
    assert not _scheduled(got)
    assert not any("future" in g[2] for g in got)


def test_a_summit_that_took_place_stays_past(coded):
    got = coded("The summit that took place in Accra in March ended without a deal.")
    assert not _scheduled(got)
    assert not any("future" in g[2] for g in got)


def test_plain_future_meetings_keep_their_dates(coded):
    got = coded("The talks between Nepal and India will take place in Kathmandu next week.")
    assert [(g[0], g[2], g[3]) for g in got] == [("CONSULT", ["future"], "2026-05-11")]
    got = coded("Vietnam will host the leaders of Laos on Monday.")
    assert [(g[0], g[2], g[3]) for g in got] == [("CONSULT", ["future"], "2026-05-11")]


def test_a_meeting_hosts_participle_is_the_same_meeting(coded):
    pub = "2026-05-05"  # a Tuesday
    got = coded("The Kenyan foreign minister will attend a forum convened by the African Union on Thursday "
                "in Addis Ababa.", pub)
    assert [(g[0], g[3]) for g in got] == [("CONSULT", "2026-05-07")]     # the forum's Thursday, not publication
    got = coded("The Kenyan foreign minister will participate in a conversation hosted by the Brookings "
                "Institution at 9:00 a.m. on Thursday, May 7, 2026, in Washington.", pub)
    assert [(g[0], g[3]) for g in got] == [("CONSULT", "2026-05-07")]


def test_an_earlier_acts_participle_still_dates_its_own_act(coded):
    # control: a participle on people is an earlier act (r17/r27l stay)
    got = coded("Soldiers on Wednesday rescued nine engineers abducted from a mine near Gao two weeks ago.")
    rescued = [g for g in got if g[1] == "rescued"]
    abducted = [g for g in got if g[1] == "abducted"]
    assert rescued and rescued[0][3] == "2026-05-06"
    assert abducted and abducted[0][3] < "2026-05-01"


def test_meeting_host_participle_unit(nlp):
    from tidings.dates import meeting_host_participle, meeting_host_tense

    doc = nlp("The envoy will join a panel organized by Chatham House on Friday.")
    organized = next(t for t in doc if t.lower_ == "organized")
    assert meeting_host_participle(organized) and meeting_host_tense(organized) == "future"
    doc = nlp("Police freed the hostages held by the gang on Friday.")
    held = next(t for t in doc if t.lower_ == "held")
    assert not meeting_host_participle(held)                 # hostages are no meeting
    doc = nlp("The envoy joined a panel organized by Chatham House on Friday.")
    organized = next(t for t in doc if t.lower_ == "organized")
    assert meeting_host_tense(organized) is None             # a past panel: no future
