"""Dates from the story (issue 19): :func:`tidings.dates.story_dates` and ``date.source``.

The unit tests build a story's events by hand (sentences the team wrote, each event
dated by :func:`tidings.dates.event_date` as the coder dates it), so they check the
story-level rules alone; the last tests code whole stories through the engines' worker
path (coder, then the story pass), the examples' Caucasus story among them.
"""

from __future__ import annotations

import json

import pytest

from tidings.dates import StorySentence, event_date, story_dates, story_sentences
from tidings.records import QUAD_CLASS, Event, EventDate, Place

from conftest import EXAMPLES


def story(pub: str, *sentences: tuple) -> tuple[list[Event], list[StorySentence]]:
    """Events and sentences of a story: each item ``(text, [(trigger, type, aux), ...])``;
    every event is dated by ``event_date`` on its own sentence, as the coder does."""
    events, sents = [], []
    for i, (text, evs) in enumerate(sentences):
        sents.append(StorySentence(text))
        for trig, etype, aux, *place in evs:
            at = text.index(trig)
            tense = "future" if "future" in aux else "past"
            events.append(Event(
                event_id=f"e{i}-{at}", story_id="s", sentence_index=i, sentence=text,
                evidence_span=(0, len(text)), trigger=trig, event_type=etype, mode=None,
                contexts=[], aux_modes=list(aux), actor=[], recipient=[],
                date=event_date(text, pub, tense, (), at),
                location=Place(text=place[0], name=place[0]) if place else None,
                quad_class=QUAD_CLASS[etype], confidence=0.5, cameo=None))
    return events, sents


def dates(events: list[Event]) -> list[tuple]:
    return [(e.date.start, e.date.end, e.date.granularity, e.date.source) for e in events]


# ------------------------------------------------------------------ the date object
def test_story_dates_event_date_source_round_trips_and_old_records_still_load():
    d = EventDate(start="2025-03-03", end="2025-03-05", granularity="week", text="Monday",
                  source="story")
    assert d.to_dict() == {"text": "Monday", "start": "2025-03-03", "end": "2025-03-05",
                           "granularity": "week", "source": "story"}
    assert EventDate.from_dict(d.to_dict()) == d
    # a record stored before the field existed: the source its granularity meant
    old = {"text": None, "start": "2025-03-05", "end": "2025-03-05", "granularity": "story"}
    assert EventDate.from_dict(old).source == "publication"
    assert EventDate.from_dict({**old, "text": "Monday", "granularity": "day"}).source == "sentence"
    assert event_date("Police arrested him on Monday.", "2025-03-05", "past", (), 7).source == "sentence"
    assert event_date("Police arrested him.", "2025-03-05", "past", (), 7).source == "publication"


# ------------------------------------------------------------------ continuing events
def test_story_dates_pronoun_and_definite_subjects_continue_the_event_before():
    evs, sents = story(
        "2025-03-07",   # a Friday
        ("Rebels attacked an army post near Goma on Tuesday.", [("attacked", "ASSAULT", [])]),
        ("They also seized two trucks of fuel.", [("seized", "COERCE", [])]),
        ("The soldiers returned fire and arrested six fighters.", [("arrested", "COERCE", [])]),
    )
    out = story_dates(evs, "2025-03-07", sents)
    assert dates(out) == [("2025-03-04", "2025-03-04", "day", "sentence"),
                          ("2025-03-04", "2025-03-04", "day", "story"),
                          ("2025-03-04", "2025-03-04", "day", "story")]
    assert [e.date.text for e in out] == ["Tuesday", "Tuesday", "Tuesday"]
    assert [e.date.source for e in evs] == ["sentence", "publication", "publication"]  # inputs kept


def test_story_dates_a_dated_sentence_without_events_dates_the_next_step_at_the_same_place():
    evs, sents = story(
        "2025-06-20",
        ("In early May the envoy sent a draft treaty to both capitals.", [("sent", "AID", [])]),
        ("At the summit in Vienna on June 12, mediators tried to bring the sides together.", []),
        ("Serbia refused to sign the text in Vienna.", [("refused", "REJECT", [], "Vienna")]),
    )
    out = story_dates(evs, "2025-06-20", sents)
    assert dates(out) == [("2025-05-01", "2025-05-10", "month", "sentence"),
                          ("2025-06-12", "2025-06-12", "day", "story")]
    assert out[1].date.text == "June 12"


def test_story_dates_the_same_event_told_again_and_a_quotation_that_goes_on():
    evs, sents = story(
        "2025-02-12",
        ("Ministers of the bloc urged Moscow on Monday to free the detained sailors.", [("urged", "REQUEST", [])]),
        ("Estonia's foreign minister urged the Kremlin to act quickly.", [("urged", "REQUEST", [])]),
        ("\u201cWe condemn the seizure of the ship,\u201d the statement said.", [("condemn", "ACCUSE", [])]),
    )
    out = story_dates(evs, "2025-02-12", sents)
    assert [d[:2] for d in dates(out)] == [("2025-02-10", "2025-02-10")] * 3
    assert [e.date.source for e in out] == ["sentence", "story", "story"]


def test_story_dates_without_a_pointer_an_event_takes_the_lead_up_to_publication():
    evs, sents = story(
        "2025-03-07",
        ("Rebels attacked an army post near Goma on Tuesday.", [("attacked", "ASSAULT", [])]),
        ("Kenya's president called for calm.", [("called for", "REQUEST", [])]),
    )
    out = story_dates(evs, "2025-03-07", sents)
    # no pointer back: the lead's date to the publication day, Tuesday to Friday
    assert dates(out)[1] == ("2025-03-04", "2025-03-07", "week", "story")
    assert out[1].date.text == "Tuesday"


def test_story_dates_an_undated_lead_takes_the_date_it_is_retold_with():
    evs, sents = story(
        "2025-04-16",   # a Wednesday
        ("The president has signed a law extending his term by two years.", [("signed", "SUPPORT", [])]),
        ("Opposition parties say the move breaks the constitution.", []),
        ("He signed the bill late Monday in the capital.", [("signed", "SUPPORT", [])]),
        ("Western embassies condemned the extension.", [("condemned", "ACCUSE", [])]),
    )
    out = story_dates(evs, "2025-04-16", sents)
    assert dates(out) == [("2025-04-14", "2025-04-16", "week", "story"),
                          ("2025-04-14", "2025-04-14", "day", "sentence"),
                          ("2025-04-14", "2025-04-16", "week", "story")]


def test_story_dates_nothing_in_the_story_dates_it_publication():
    evs, sents = story(
        "2025-03-07",
        ("Rebels attacked an army post near Goma.", [("attacked", "ASSAULT", [])]),
        ("They seized two trucks.", [("seized", "COERCE", [])]),
    )
    out = story_dates(evs, "2025-03-07", sents)
    assert dates(out) == [("2025-03-07", "2025-03-07", "story", "publication")] * 2
    assert [e.date.text for e in out] == [None, None]


def test_story_dates_a_future_date_is_not_lent_to_an_event_told_as_done():
    evs, sents = story(
        "2025-03-05",   # a Wednesday
        ("The two ministers will meet in Oslo next Tuesday.", [("meet", "CONSULT", ["future"])]),
        ("They signed a trade accord.", [("signed", "AGREE", [])]),
        ("They will also discuss fishing rights.", [("discuss", "CONSULT", ["future"])]),
    )
    out = story_dates(evs, "2025-03-05", sents)
    assert dates(out)[0] == ("2025-03-11", "2025-03-11", "day", "sentence")
    assert dates(out)[1] == ("2025-03-05", "2025-03-05", "story", "publication")
    # the future event after it continues... the sentence before, dated by publication
    assert out[2].date.source == "publication"


def test_story_dates_a_date_carries_through_a_few_sentences_only():
    evs, sents = story(
        "2025-03-07",
        ("Protesters blocked the main bridge on Monday.", [("blocked", "PROTEST", [])]),
        ("In January police detained 40 people in the old town.", [("detained", "COERCE", [])]),
        ("They detained 12 more the following week.", []),
        ("They said the arrests were lawful.", []),
        ("They detained a student leader.", [("detained", "COERCE", [])]),
        ("They detained two reporters.", [("detained", "COERCE", [])]),
        ("They detained a lawyer.", [("detained", "COERCE", [])]),
        ("They detained a singer.", [("detained", "COERCE", [])]),
    )
    out = story_dates(evs, "2025-03-07", sents)
    jan = ("2025-01-01", "2025-01-31", "month")
    # sentences 4 to 5 are within CHAIN_SENTENCES (4) of the January sentence; 6 and 7
    # are not and fall to the lead (Monday to publication)
    assert [d[:3] for d in dates(out)[2:]] == [jan, jan, ("2025-03-03", "2025-03-07", "week"),
                                               ("2025-03-03", "2025-03-07", "week")]


def test_story_dates_interview_answers_take_the_interview_date():
    evs, sents = story(
        "2024-06-02",
        ("The foreign minister attended the summit in Seoul on May 20.", [("attended", "CONSULT", [])]),
        ("VOA spoke with him on May 28 about the talks.", []),
        ("VOA: Did you raise the missile tests with your hosts?", []),
        ("Yes, and we protested the latest launch in the strongest terms.", [("protested", "ACCUSE", [])]),
        ("VOA: And the sanctions?", []),
        ("We support them fully.", [("support", "SUPPORT", [])]),
    )
    out = story_dates(evs, "2024-06-02", sents)
    assert [d[:2] for d in dates(out)[1:]] == [("2024-05-28", "2024-05-28")] * 2
    assert [e.date.source for e in out] == ["sentence", "story", "story"]


def test_story_dates_relative_to_the_event_before():
    evs, sents = story(
        "2025-03-14",
        ("Gunmen kidnapped three aid workers in Darfur on March 3.", [("kidnapped", "ASSAULT", [])]),
        ("Two days later, the army freed them in a raid.", [("freed", "RETREAT", [])]),
        ("The day before, the UN had appealed for their release.", [("appealed", "REQUEST", [])]),
    )
    out = story_dates(evs, "2025-03-14", sents)
    assert dates(out)[1] == ("2025-03-05", "2025-03-05", "day", "story")
    assert out[1].date.text == "Two days later"
    assert dates(out)[2] == ("2025-03-04", "2025-03-04", "day", "story")


# ------------------------------------------------------------------ background
def test_story_dates_background_is_historical_dated_by_its_own_phrase_and_never_lent():
    evs, sents = story(
        "2025-03-07",
        ("Soldiers fired on protesters in the capital on Wednesday.", [("fired", "ASSAULT", [])]),
        ("In 2016, the same unit shelled a village in the north.", [("shelled", "ASSAULT", [])]),
        ("It killed 14 people.", [("killed", "ASSAULT", [])]),
        ("Decades ago, the army expelled the villagers.", [("expelled", "COERCE", [])]),
    )
    out = story_dates(evs, "2025-03-07", sents)
    assert dates(out)[1] == ("2016-01-01", "2016-12-31", "year", "sentence")
    assert "historical" in out[1].aux_modes and "historical" not in out[0].aux_modes
    # the sentence after the background one does not take 2016; it falls to the lead
    assert dates(out)[2] == ("2025-03-05", "2025-03-07", "week", "story")
    # "decades ago": a coarse range, 60 to 20 years before publication
    assert dates(out)[3] == ("1965-03-07", "2005-03-07", "year", "sentence")
    assert "historical" in out[3].aux_modes


def test_story_dates_coder_historical_takes_the_background_phrase_not_the_nearer_one():
    from dataclasses import replace

    text = "On Monday a court jailed the officer who led the raid that killed 14 villagers in 2009."
    evs, sents = story("2025-03-07", (text, [("killed", "ASSAULT", ["historical"])]))
    assert evs[0].date.text == "in 2009"
    # had the coder dated it by the nearer-looking Monday, the background phrase wins
    monday = event_date(text, "2025-03-07", "past", (), 0)
    assert monday.text == "Monday"
    out = story_dates([replace(evs[0], date=monday)], "2025-03-07", sents)
    assert (out[0].date.start, out[0].date.end, out[0].date.text, out[0].date.source) == (
        "2009-01-01", "2009-12-31", "in 2009", "sentence")
    # a historical event without any phrase is never given a neighbour's date
    evs, sents = story(
        "2025-03-07",
        ("Troops shelled the town on Monday.", [("shelled", "ASSAULT", [])]),
        ("Past attacks on the town were blamed on the rebels.", [("attacks", "ASSAULT", ["historical"])]),
    )
    out = story_dates(evs, "2025-03-07", sents)
    assert dates(out)[1] == ("2025-03-07", "2025-03-07", "story", "publication")


def test_story_dates_event_date_skips_ages_in_years_and_old_dates_in_a_relative_clause():
    s = "Police arrested a 33-year-old teacher outside the court."
    assert event_date(s, "2025-03-05", "past", (), s.index("arrested")).granularity == "story"
    s = "Berisha, who lost the election in 2013, rejected the charges on Monday."
    assert event_date(s, "2025-03-05", "past", (), s.index("rejected")).text == "Monday"
    s = "Berisha, who lost the election in 2013, rejected the charges."
    assert event_date(s, "2025-03-05", "past", (), s.index("rejected")).granularity == "story"
    # a recent date in such a clause retells the event and still counts
    s = "The attack, which took place on Monday, killed five people."
    assert event_date(s, "2025-03-05", "past", (), s.index("killed")).start == "2025-03-03"
    # an age in days still dates a truce's start
    s = "A seven-day-old ceasefire broke down."
    assert event_date(s, "2023-11-08", "past", (), s.index("broke")).start == "2023-11-01"


# ------------------------------------------------------------------ whole stories
@pytest.fixture(scope="module")
def code_story(nlp, coder):
    """Code a story as the engines do: the coder, then the story pass."""
    from tidings.records import Story

    def run(text: str, pub_date: str, story_id: str = "t") -> list[Event]:
        doc = nlp(text)
        events = coder.code_doc(doc, Story(id=story_id, text=text, pub_date=pub_date))
        return story_dates(events, pub_date, story_sentences(text, doc.sents))

    return run


def test_story_dates_story_sentences_match_the_coder_sentences(nlp):
    text = "  Police arrested Omarov, 40, on Monday.\nHe was freed on Tuesday. "
    sents = story_sentences(text, nlp(text).sents)
    assert [s.text for s in sents] == ["Police arrested Omarov, 40, on Monday.", "He was freed on Tuesday."]
    # the age is no DATE entity for dating; the weekday is, with offsets into the text
    assert [s.text[a:b] for s in sents for a, b in s.date_ents] == ["Monday", "Tuesday"]


def test_story_dates_caucasus_example_every_event_dated_as_the_text_says(code_story):
    line = next(json.loads(x) for x in (EXAMPLES / "stories.jsonl").read_text(encoding="utf-8").splitlines()
                if x.strip() and json.loads(x)["id"] == "caucasus-peace-letters")
    evs = code_story(line["text"], line["pub_date"], line["id"])
    by = {(e.sentence_index, e.event_type): e.date for e in evs}
    # the letters were sent, and handed over by the official, in late October
    assert by[(0, "REQUEST")].to_dict() == {"text": "late October", "start": "2024-10-21",
                                            "end": "2024-10-31", "granularity": "month", "source": "sentence"}
    assert (by[(1, "REQUEST")].start, by[(1, "REQUEST")].end, by[(1, "REQUEST")].source) == (
        "2024-10-21", "2024-10-31", "story")
    # Azerbaijan refused at the Malta meeting, in early December (the sentence before)
    assert by[(5, "REJECT")].to_dict() == {"text": "early December", "start": "2024-12-01",
                                           "end": "2024-12-10", "granularity": "month", "source": "story"}
    # the rest lies between the letters and publication; nothing is dated publication
    assert all(d.source != "publication" for d in by.values())
    assert all("2024-10-21" <= d.start <= d.end <= "2024-12-20" for d in by.values())


def test_story_dates_whole_story_written_by_the_team(code_story):
    text = ("Sudan's army and the Rapid Support Forces agreed on Saturday to a three-day truce "
            "in El Fasher. The army accused the RSF of shelling a camp for displaced people. "
            "Two days later, the RSF shelled the city again. "
            "In 2019, the army arrested President Omar al-Bashir after months of protests. "
            "Egypt welcomed the truce.")
    evs = code_story(text, "2025-05-14")   # a Wednesday
    got = [(e.sentence_index, e.event_type, e.date.start, e.date.end, e.date.source, "historical" in e.aux_modes)
           for e in evs]
    assert got == [
        (0, "AGREE", "2025-05-10", "2025-05-10", "sentence", False),
        (1, "ACCUSE", "2025-05-10", "2025-05-10", "story", False),      # "The army": continues it
        # the accused act told as fact is an event of its own (guide 11; r21c charged_act_types)
        (1, "ASSAULT", "2025-05-10", "2025-05-10", "story", False),
        (2, "ASSAULT", "2025-05-12", "2025-05-12", "story", False),     # two days after Saturday
        (3, "COERCE", "2019-01-01", "2019-12-31", "sentence", True),    # background
        (4, "SUPPORT", "2025-05-10", "2025-05-14", "story", False),     # the lead to publication
    ]


# ------------------------------------------------------------------ the dateline's date (issue 16)
def test_story_dates_dateline_fallback_says_it_came_from_the_story():
    from tidings.dates import DatelineDate

    # (a dateline that is a sentence of its own dates the story's events as its lead,
    # "14 FEB", granularity day; here the story's sentences hold no date at all)
    evs, sents = story("1991-02-14",
                       ("Miners blocked the main road to the airport.", [("blocked", "PROTEST", [])]))
    dl = DatelineDate(date="1991-02-14", text="14 FEB 91", reason="two-digit year")
    got = story_dates(evs, "1991-02-14", sents, dateline=dl)[0].date
    # the story's own date (granularity story), but read from its text, not its pub_date
    assert got.to_dict() == {"text": "14 FEB 91", "start": "1991-02-14", "end": "1991-02-14",
                             "granularity": "story", "source": "story"}
    # without a dateline nothing changes
    assert story_dates(evs, "1991-02-14", sents)[0].date.source == "publication"


@pytest.mark.slow
@pytest.mark.parametrize("pub", [None, "1993-06-30"])
def test_story_dates_relative_phrases_count_from_the_dateline(pub):
    import warnings

    import tidings

    text = ("LA PAZ, 14 FEB 91 (RADIO FIDES) -- Striking miners blocked the main road to the airport on "
            "Tuesday. The government condemned the miners.")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = tidings.code([{"id": "lp", "text": text, "pub_date": pub}])
    # the dateline dates the story: no warning that its events fall back on today's date
    assert not [w for w in caught if "no publication date" in str(w.message)]
    got = {(t, s, src) for t, s, src in zip(df["event_type"], df["date_start"], df["date_source"])}
    # 14 February 1991 was a Thursday: "on Tuesday" is the 12th, whatever the publication date says
    assert ("PROTEST", "1991-02-12", "sentence") in got, got
    assert all(s.startswith("1991-02") for _, s, _ in got), got
