"""Dates across a story's sentences (r26k, a fresh user's trial, dates on a timeline).

The sentences are new, written for these tests. Source: docs/annotation.md section 7
(an event is dated by the story's narrative; a dateline's date is the filing date).
"""

from __future__ import annotations

import pytest

from tidings.dates import StorySentence, _dateline_chars, event_date, story_dates
from tidings.records import QUAD_CLASS, Event


def story(pub: str, *sentences: tuple) -> tuple[list[Event], list[StorySentence]]:
    """Events and sentences of a story: each item ``(text, [(trigger, type, aux), ...])``;
    every event is dated by ``event_date`` on its own sentence, as the coder does."""
    events, sents = [], []
    for i, (text, evs) in enumerate(sentences):
        sents.append(StorySentence(text))
        for trig, etype, aux in evs:
            at = text.index(trig)
            events.append(Event(
                event_id=f"e{i}-{at}", story_id="s", sentence_index=i, sentence=text,
                evidence_span=(0, len(text)), trigger=trig, event_type=etype, mode=None,
                contexts=[], aux_modes=list(aux), actor=[], recipient=[],
                date=event_date(text, pub, "past", (), at), location=None,
                quad_class=QUAD_CLASS[etype], confidence=0.5, cameo=None))
    return events, sents


def span(e: Event) -> tuple[str, str, str]:
    return (e.date.start, e.date.end, e.date.source)


def test_dateline_chars_reads_a_dateline_alone_or_before_the_lead():
    assert _dateline_chars("NAIROBI, May 9 -") == len("NAIROBI, May 9 -")
    assert _dateline_chars("NAIROBI, May 9 - The house met.") == len("NAIROBI, May 9 - ")
    assert _dateline_chars("The house met on Wednesday.") == 0


def test_an_undated_later_event_takes_the_lead_sentences_day_not_the_datelines():
    # published Friday 2025-05-09; the lead sentence ("on Wednesday") has no event
    evs, sents = story(
        "2025-05-09",
        ("NAIROBI, May 9 -", []),
        ("The Kenyan parliament on Wednesday voted to extend the curfew in Mandera county.", []),
        ("Opposition lawmakers boycotted the sitting.", [("boycotted", "PROTEST", [])]),
    )
    out = story_dates(evs, "2025-05-09", sents)
    assert span(out[0]) == ("2025-05-07", "2025-05-09", "story")
    assert out[0].date.text == "Wednesday"


def test_dateline_in_the_lead_sentence_itself_is_not_the_lead_date():
    evs, sents = story(
        "2025-05-09",
        ("NAIROBI, May 9 - The Kenyan parliament on Wednesday voted to extend the curfew.", []),
        ("Opposition lawmakers boycotted the sitting.", [("boycotted", "PROTEST", [])]),
    )
    out = story_dates(evs, "2025-05-09", sents)
    assert span(out[0]) == ("2025-05-07", "2025-05-09", "story")


def test_control_a_story_dated_only_by_its_dateline_keeps_the_filing_day():
    evs, sents = story(
        "2025-05-09",
        ("NAIROBI, May 9 -", []),
        ("The Kenyan parliament voted to extend the curfew in Mandera county.", []),
        ("Opposition lawmakers boycotted the sitting.", [("boycotted", "PROTEST", [])]),
    )
    out = story_dates(evs, "2025-05-09", sents)
    # no phrase in the sentence after the dateline: the filing day is the lead's date
    assert span(out[0]) == ("2025-05-09", "2025-05-09", "story")
    assert out[0].date.text == "May 9"


def test_control_a_later_sentences_phrase_does_not_replace_the_filing_day():
    evs, sents = story(
        "2025-05-09",
        ("NAIROBI, May 9 - Opposition lawmakers staged a protest outside parliament.", []),
        ("The curfew has been in force this month.", []),
        ("Kenya's speaker condemned the walkout.", [("condemned", "ACCUSE", [])]),
    )
    out = story_dates(evs, "2025-05-09", sents)
    assert span(out[0]) == ("2025-05-09", "2025-05-09", "story")   # not "this month"


def test_control_an_event_with_its_own_day_keeps_it():
    evs, sents = story(
        "2025-05-09",
        ("NAIROBI, May 9 -", []),
        ("The Kenyan parliament on Wednesday voted to extend the curfew in Mandera county.", []),
        ("Opposition lawmakers boycotted the sitting on Thursday.", [("boycotted", "PROTEST", [])]),
    )
    out = story_dates(evs, "2025-05-09", sents)
    assert span(out[0]) == ("2025-05-08", "2025-05-08", "sentence")


# ------------------------------------------------- a scheduled act told by its noun
PUB = "2025-06-11"


@pytest.fixture(scope="module")
def coded(nlp):
    """``coded(text) -> {(type, trigger): (start, end, aux_modes, rules)}`` after the story
    pass, as the engines code a story of :data:`PUB` (the learned layer proposes the
    event nouns; every candidate)."""
    from tidings.coding import Coder
    from tidings.dates import story_sentences
    from tidings.records import Story

    coder = Coder(all_candidates=True)

    def run(text: str) -> dict:
        doc = nlp(text)
        events = coder.code_doc(doc, Story(id="t", text=text, pub_date=PUB))
        out = story_dates(events, PUB, story_sentences(text, doc.sents))
        return {(e.event_type, e.trigger): (e.date.start, e.date.end, sorted(e.aux_modes), list(e.rules))
                for e in out}

    return run


def test_a_meeting_noun_under_will_be_held_is_future_and_dated_ahead(coded):
    got = coded("The next border meeting will be held in Tbilisi in October.")
    (start, end, aux, rules), = [v for k, v in got.items() if k[0] == "CONSULT"]
    assert "future" in aux and "aux:scheduled-noun-under-will" in rules
    assert (start, end) == ("2025-10-01", "2025-10-31")
    # a month before publication read in the future tense is next year's
    got = coded("The next summit will take place in Lusaka in February.")
    (start, end, aux, _), = [v for k, v in got.items() if k[0] == "CONSULT"]
    assert "future" in aux and (start, end) == ("2026-02-01", "2026-02-28")


def test_a_talks_noun_that_is_scheduled_is_future(coded):
    got = coded("Technical consultations are slated to begin in Dakar in January.")
    (start, end, aux, rules), = [v for k, v in got.items() if k[0] == "CONSULT"]
    assert "future" in aux and "aux:scheduled-noun-is-planned" in rules
    assert (start, end) == ("2026-01-01", "2026-01-31")


def test_controls_a_past_meeting_a_past_plan_and_an_act_to_be_investigated(coded):
    got = coded("The meeting was held in Tbilisi in May.")
    (start, end, aux, _), = [v for k, v in got.items() if k[0] == "CONSULT"]
    assert "future" not in aux and (start, end) == ("2025-05-01", "2025-05-31")
    got = coded("The shelling of the market will be investigated by a commission.")
    assert all("future" not in v[2] for k, v in got.items() if k[0] == "ASSAULT")
    assert any(k[0] == "ASSAULT" for k in got), got
