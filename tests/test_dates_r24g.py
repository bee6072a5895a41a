"""Each event takes its own date (twenty-fourth round, a fresh user's trial). The
sentences are new, written for these tests.

- A relative clause with a subject of its own ("two engineers *the militia had seized in
  January*") tells an earlier act done to the noun: its phrase dates neither the main
  event nor the story's lead, which the next sentence would borrow.
- A date phrase in an event noun's own phrase ("denounced *the bombing of the embassy
  that wounded four guards in May 2023*") dates that noun's event.
- "N days after/before X" dates X N days before (after) the phrase it hangs on.
- A sentence the parser cut after a word, on the same line, lends its date phrase to the
  events of the part before the cut (a one-day phrase gives one day, source sentence).
"""

from __future__ import annotations

import pytest

from tidings.dates import EventDate, StorySentence, event_date, story_dates

PUB = "2025-03-12"  # a Wednesday


@pytest.fixture(scope="module")
def dated(story_dated, coder):
    return lambda text, pub_date=PUB: story_dated(coder, text, pub_date)


def _of(got: dict, etype: str, trigger: str):
    return got[(etype, trigger)]


def test_an_object_relative_clause_does_not_date_the_release(dated):
    got = dated("Rebels freed three engineers that the militia had seized in January, a local "
                "official said. The governor thanked the mediators.")
    assert _of(got, "RETREAT", "freed")[:3] == (PUB, PUB, "story")
    # the next sentence borrows no January either
    assert _of(got, "SUPPORT", "thanked")[:3] == (PUB, PUB, "story")


def test_a_clause_with_its_own_subject_does_not_date_the_release(dated):
    got = dated("Police on Monday released a journalist they had detained in 2023.")
    assert _of(got, "RETREAT", "released")[:3] == ("2025-03-10", "2025-03-10", "day")


def test_a_subject_relative_clause_on_the_event_noun_still_dates_it(dated):
    # unchanged: "which began on Monday" is the raid's own act
    got = dated("The raid, which began on Monday, killed nine guards.")
    assert all(v[0] == "2025-03-10" for (t, _), v in got.items() if t == "ASSAULT")


@pytest.mark.parametrize("text, trigger, day", [
    ("Villagers fled the area on Saturday, a day before soldiers shelled the market.", "shelled", "2025-03-09"),
    ("Police detained twelve students on Tuesday, two days after militants bombed a checkpoint.",
     "bombed", "2025-03-09"),
])
def test_n_days_after_counts_from_the_anchor(text, trigger, day):
    at = text.index(trigger)
    d = event_date(text, PUB, "past", (), at)
    assert (d.start, d.end, d.granularity, d.source) == (day, day, "day", "sentence")


def test_the_anchor_clause_keeps_its_own_day():
    text = "Police detained twelve students on Tuesday, two days after militants bombed a checkpoint."
    d = event_date(text, PUB, "past", (), text.index("detained"))
    assert (d.start, d.granularity) == ("2025-03-11", "day")


def test_an_event_nouns_own_phrase_dates_it():
    text = ("The foreign minister on Monday denounced the bombing of the embassy in Kabul "
            "that wounded four guards in May 2023.")
    a = text.index("May 2023")
    own = ((a, a + 8),)
    d = event_date(text, PUB, "past", (), text.index("bombing"), own=own)
    assert (d.start, d.end, d.granularity) == ("2023-05-01", "2023-05-31", "month")
    # without the noun's span, the nearer Monday wins (the denunciation's day)
    d = event_date(text, PUB, "past", (), text.index("denounced"))
    assert d.start == "2025-03-10"


def _ev(code, sentence, si, trigger):
    from tidings.records import Event
    pub = EventDate(start=PUB, end=PUB, granularity="story", text=None, source="publication")
    return Event(event_id="x", story_id="s", sentence_index=si, sentence=sentence,
                 evidence_span=(0, len(sentence)), trigger=trigger, event_type=code, mode=None,
                 contexts=[], aux_modes=[], actor=[], recipient=[], date=pub, location=None,
                 quad_class="material-conflict", confidence=0.9, cameo=None)


def test_a_sentence_cut_after_a_word_lends_its_phrase_as_the_sentences_own():
    head = "Border guards of both countries traded fire near the Wat Khao"
    rest = "Phra hill on Tuesday, the ministry said."
    sents = [StorySentence(head), StorySentence(rest, ((rest.index("Tuesday"), rest.index("Tuesday") + 7),),
                                                goes_on=True)]
    [e] = story_dates([_ev("ASSAULT", head, 0, "traded")], PUB, sents)
    assert (e.date.start, e.date.end, e.date.granularity, e.date.source) == (
        "2025-03-11", "2025-03-11", "day", "sentence")


def test_a_new_sentence_after_a_full_stop_still_gives_the_lead_span():
    head = "Border guards of both countries traded fire near the hill."
    rest = "The clash began on Tuesday, the ministry said."
    sents = [StorySentence(head), StorySentence(rest, ((rest.index("Tuesday"), rest.index("Tuesday") + 7),))]
    [e] = story_dates([_ev("ASSAULT", head, 0, "traded")], PUB, sents)
    assert (e.date.start, e.date.end, e.date.source) == ("2025-03-11", PUB, "story")


def test_story_sentences_marks_a_cut_on_the_same_line(nlp):
    from tidings.dates import story_sentences

    text = "Guards fired on the crowd. Two people died.\nThe army said nothing"
    sents = story_sentences(text, nlp(text).sents)
    assert [s.goes_on for s in sents] == [False] * len(sents)


def test_own_phrase_spans_skip_a_participle_on_another_noun(nlp):
    from tidings.coding.events import _own_phrase

    text = "Officials secured the release of three sailors seized by pirates on 4 January."
    doc = nlp(text)
    rel = next(t for t in doc if t.text == "release")
    dates = [e for e in doc.ents if e.label_ == "DATE"]
    assert dates and _own_phrase(rel, 0, dates) == ()


def test_own_phrase_spans_keep_the_nouns_relative_clause(nlp):
    from tidings.coding.events import _own_phrase

    text = "The minister condemned the raid on the depot that destroyed six trucks in June 2024."
    doc = nlp(text)
    raid = next(t for t in doc if t.text == "raid")
    dates = [e for e in doc.ents if e.label_ == "DATE"]
    got = _own_phrase(raid, 0, dates)
    assert [text[a:b] for a, b in got] == [dates[0].text] and "2024" in dates[0].text
