"""Dates of acts the event is about, scheduled acts and quarters (issue 16, fifteenth
round; kinds a fresh user met). Sentences written for these tests.

- An open range ("since 2021") in the clause that tells the *content* of the event's act
  says how long that act went on, not when the event happened (annotation guide section
  8: the date of an event is when that act happened).
- A scheduled act told in the simple present ("the truce begins Sunday") happens on the
  next such day (guide section 7: a weekday in future tense is the next such day).
- Whole calendar months, up to three, keep granularity ``month``.
"""

from __future__ import annotations

import pytest

from tidings.dates import event_date, resolve, _from_resolution

PUB = "2025-03-12"  # a Wednesday


@pytest.fixture(scope="module")
def dated(story_dated, coder):
    """Code a story as the engines do (coder, then the story pass): ``{(type, trigger):
    (start, end, granularity, source)}`` (conftest ``story_dated``)."""
    return lambda text, pub_date=PUB: story_dated(coder, text, pub_date)


@pytest.mark.parametrize("text, chosen, day", [
    # an open range in the accused act's clause says how long it went on: publication
    ("The opposition accused the governor of jailing dozens of critics since 2021.", {"ACCUSE"}, PUB),
    # the accusation's own date stays
    ("The opposition accused the governor on Monday of jailing dozens of critics.", {"ACCUSE"}, "2025-03-10"),
    # how long the agreed matter went on does not date the agreement
    ("The two ministers agreed to reopen the crossing, which has stayed shut since 2019.", {"agreed"}, PUB),
    # a point date of the decided act still dates the decision (the corpus does, train)
    ("The cabinet decided to expel the two envoys on 3 March.", {"AGREE", "SANCTION", "COERCE"}, "2025-03-03"),
    # a scheduled truce's day does not date the agreement to it
    ("The rebels agreed to a truce that takes effect on Saturday.", {"AGREE"}, PUB),
    # a relative clause on the subject still dates the event
    ("The raid, which began on Monday, killed nine guards.", {"ASSAULT"}, "2025-03-10"),
    # a scheduled truce does not date the story's lead in the past (before: 9-12 March)
    ("The two sides agreed to a ceasefire. The truce begins Sunday.", {"AGREE"}, PUB),
])
def test_which_phrase_dates_the_event(dated, text, chosen, day):
    """``chosen``: the event types, or the triggers, whose dates are checked."""
    got = dated(text)
    picked = [v for (t, trig), v in got.items() if t in chosen or trig in chosen]
    assert picked and all(v[0] == day for v in picked), got


@pytest.mark.parametrize("text, day", [
    ("The truce begins Sunday.", "2025-03-16"),
    ("The new border rules take effect on Friday.", "2025-03-14"),
    ("Talks between the two parties resume Monday.", "2025-03-17"),
])
def test_a_scheduled_act_in_the_simple_present_is_the_next_such_day(nlp, text, day):
    from tidings.dates import scheduled_clause_spans

    doc = nlp(text)
    sched = scheduled_clause_spans(list(doc), 0)
    assert sched, text
    at = text.index("Sunday") if "Sunday" in text else None
    d = event_date(text, PUB, "present", [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"],
                   at, scheduled=sched)
    assert (d.start, d.granularity) == (day, "day")


@pytest.mark.parametrize("text, day", [
    ("The truce began Sunday.", "2025-03-09"),          # past tense: the last such day
    ("Rebels attack the town on Sunday, witnesses say.", None),  # not a schedule verb: no span
])
def test_no_schedule_without_a_present_schedule_verb(nlp, text, day):
    from tidings.dates import scheduled_clause_spans

    doc = nlp(text)
    assert scheduled_clause_spans(list(doc), 0) == ()
    if day:
        d = event_date(text, PUB, "past", [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"], 0)
        assert d.start == day


@pytest.mark.parametrize("phrase, gran", [
    ("Q3 2024", "month"),
    ("the first quarter of 2024", "month"),
    ("from April to June", "month"),
    ("the first half of 2024", "year"),     # six months: year
    ("since January", "year"),              # not whole months
    ("last week", "week"),
])
def test_whole_months_up_to_a_quarter_keep_month_granularity(phrase, gran):
    assert _from_resolution(resolve(phrase, "2024-11-20"), phrase).granularity == gran


def test_a_reporting_verb_with_a_place_still_dates_the_saying():
    # a weekday after "told reporters in <place>" dates the saying, in the past, even when
    # what was said is in the future tense (before: the next such day, a week on)
    s = '"We will not sign under pressure," the foreign minister told reporters in Oslo on Wednesday.'
    assert event_date(s, "2025-03-20", "future", (), s.index("sign")).start == "2025-03-19"
    s = "The minister said in Geneva on Wednesday that the talks would resume."
    assert event_date(s, "2025-03-20", "future", (), s.index("resume")).start == "2025-03-19"


# a plan told with a present "is"/"are" (sixteenth round, a fresh user's trial)
LATE = "2025-11-20"


@pytest.mark.parametrize("text, chosen", [
    # the plan's month is the next January, so it no longer dates the lead's talks in the past
    ("The two delegations held talks in Vienna. The next round is planned for January.", {"CONSULT"}),
    ("The foreign ministers met in Ankara. A second meeting is scheduled for February.", {"CONSULT"}),
])
def test_a_plan_told_in_the_present_does_not_date_the_lead_in_the_past(dated, text, chosen):
    got = dated(text, LATE)
    picked = [v for (t, trig), v in got.items() if t in chosen or trig in chosen]
    assert picked and all(v[0] >= "2025-11-01" for v in picked), got


@pytest.mark.parametrize("text, plan", [
    ("The next round is planned for January.", True),
    ("Elections are scheduled for March.", True),
    ("The vote is due in February.", True),
    ("The talks were planned for January.", False),      # past: the plan's month stays past
    ("The ministers met in January as planned.", False),
])
def test_a_plan_with_a_present_copula_is_a_scheduled_clause(nlp, text, plan):
    from tidings.dates import scheduled_clause_spans

    assert bool(scheduled_clause_spans(list(nlp(text)), 0)) is plan
