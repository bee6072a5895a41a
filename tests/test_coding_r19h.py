"""Dates a fresh user met in the nineteenth round (stories published on Thursday
2025-03-06). Sentences written for these tests.

1. A date right after "starting", "effective", "as of", "beginning" (``words.yaml``
   ``effective_date_words``) or a "from ... until" range is the day a measure takes
   effect: the occurrence nearest publication, before or after, whatever the tense of
   the announcing verb. The corpus dates the measure by it ("..., effective July 15").
2. A month or a month's day before an election or a vote (``date_named_things``) names
   that thing, not when the sentence's act happened, nor the lead of the story.
3. A deadline of an ordered act told beside another act ("expelled the envoy and ordered
   troops to leave by the end of June") dates neither.
4. With ``--all-candidates`` an event of the default output keeps the date the default
   output gives it (the candidates shown beside it lend it nothing).
"""

from __future__ import annotations

import pytest

PUB = "2025-03-06"  # a Thursday


@pytest.fixture(scope="module")
def dated(story_dated, coder):
    """``{(type, trigger): (start, end, granularity, source)}`` of a story coded as the
    engines do (conftest ``story_dated``), by the rule layer alone."""
    return lambda text, pub_date=PUB: story_dated(coder, text, pub_date)


def _starts(got: dict, etype: str) -> set[str]:
    return {v[0] for (t, _), v in got.items() if t == etype}


# ---------------------------------------------------------------- 1. effective dates
@pytest.mark.parametrize("text, etype, start, pub", [
    ("Uzbekistan suspended cotton imports from Turkmenistan starting on May 10.", "SANCTION", "2025-05-10", PUB),
    ("The ministry halted gas deliveries to the neighbouring republic, effective June 1.", "SANCTION",
     "2025-06-01", PUB),
    ("Mongolia banned coal exports to China from April 15 until June 30.", "SANCTION", "2025-04-15", PUB),
    # nearest also looks back: a measure that took effect the day before (a Monday)
    ("The province imposed a surcharge on power exports to three neighbouring states effective Monday.",
     "COERCE", "2025-03-10", "2025-03-11"),
    ("Beginning on February 20, thousands of farmers blocked the highways around the capital.", "PROTEST",
     "2025-02-20", PUB),
])
def test_a_measure_is_dated_when_it_takes_effect(dated, text, etype, start, pub):
    got = dated(text, pub)
    assert _starts(got, etype) == {start}, got


@pytest.mark.parametrize("text, etype, start", [
    # no effective word: a past act keeps the last such day
    ("Troops closed the border crossing on April 1.", "COERCE", "2024-04-01"),
    ("Mongolia banned coal exports to China on April 15.", "SANCTION", "2024-04-15"),
])
def test_near_misses_of_effective_dates(dated, text, etype, start):
    assert _starts(dated(text), etype) == {start}


# ---------------------------------------------------------------- 2. the October election
@pytest.mark.parametrize("text, etype", [
    ("The opposition rejected the outcome of the November referendum.", "REJECT"),
    ("The opposition refused to accept the results of the October parliamentary election.", "REJECT"),
    ("Observers criticised irregularities in the January 12 vote.", "ACCUSE"),
])
def test_the_date_of_an_election_does_not_date_the_act(dated, text, etype):
    got = dated(text)
    assert _starts(got, etype) == {PUB}, got
    assert all(v[3] == "publication" for (t, _), v in got.items() if t == etype), got


def test_the_election_month_is_not_lent_to_the_next_sentence(dated):
    got = dated("The opposition refused to accept the results of the October parliamentary election. "
                "Its leader called on supporters to stay at home.")
    assert all(v[0] == PUB for v in got.values()), got


@pytest.mark.parametrize("text, etype, start", [
    # the month dates the act itself
    ("The opposition rejected the outcome of the referendum in November.", "REJECT", "2024-11-01"),
    # a month before another noun stays a candidate (the corpus dates the act by it)
    ("Ministers condemned the January 9 shelling of the market in Kharkiv.", "ASSAULT", "2025-01-09"),
])
def test_near_misses_of_an_election_month(dated, text, etype, start):
    assert _starts(dated(text), etype) == {start}


# ---------------------------------------------------------------- 3. a deadline beside another act
def test_a_deadline_does_not_date_an_expulsion_told_beside_the_order(dated):
    got = dated("The military council expelled the Belgian envoy and ordered Belgian soldiers to leave "
                "the country by the end of June.")
    assert _starts(got, "SANCTION") == {PUB}, got


def test_the_expulsion_keeps_its_own_date(dated):
    got = dated("The military council expelled the Belgian envoy on Monday and ordered Belgian soldiers to "
                "leave the country by the end of June.")
    assert _starts(got, "SANCTION") == {"2025-03-03"}, got


def test_the_deadline_clause_is_read_forward(nlp):
    """The to-infinitive under a past conjunct ("and ordered ... to leave") is a clause of
    an act still to come, not cut out as past by the conjunct that holds it."""
    from tidings.dates import scheduled_clause_spans

    text = "The council expelled the envoy and ordered the soldiers to leave by the end of June."
    a = text.index("by the end")
    spans = scheduled_clause_spans(list(nlp(text)), 0)
    assert any(len(sp) > 2 and sp[2] == "nearest" and sp[0] <= a < sp[1] for sp in spans), spans
    assert not any(len(sp) > 2 and sp[2] == "past" and sp[0] <= a < sp[1] for sp in spans), spans


# ---------------------------------------------------------------- 4. --all-candidates
STORIES = [
    "BUNIA - Militia fighters took control of a gold-mining town in Ituri province last month, local officials "
    "said. The European Union froze the assets of two militia commanders on Tuesday. Kinshasa welcomed the "
    "measures.",
    "JUBA - Soldiers loyal to the vice president moved into the border district two weeks ago, according to aid "
    "workers. Kenya suspended flights to Juba on Monday. The government criticised the decision.",
    "MAPUTO - Insurgents raided a coastal village in the north of the country earlier this month, residents said. "
    "Rwanda sent 300 more troops to the province on Wednesday. The opposition condemned the deployment.",
]


@pytest.fixture(scope="module")
def both_outputs():
    from tidings.engines.worker import Limits, StoryWorker
    from tidings.records import Story

    stories = [Story(id=f"r19h-{i}", text=t, pub_date=PUB) for i, t in enumerate(STORIES)]
    default = StoryWorker((), Limits(story_timeout=None)).run_checked(stories)
    every = StoryWorker((), Limits(story_timeout=None, all_candidates=True)).run_checked(stories)
    return default, every


def test_all_candidates_keeps_the_default_events_dates(both_outputs):
    default, every = both_outputs
    compared = 0
    for shown, more in zip(default, every):
        by_id = {e.event_id: e for e in more}
        for e in shown:
            if e.event_id in by_id:
                assert by_id[e.event_id].date == e.date, (e.sentence, e.date, by_id[e.event_id].date)
                compared += 1
    assert compared >= 6


def test_all_candidates_shows_more_events(both_outputs):
    """The stories hold candidates under the threshold (else the test above proves nothing)."""
    default, every = both_outputs
    assert sum(len(x) for x in every) > sum(len(x) for x in default)
