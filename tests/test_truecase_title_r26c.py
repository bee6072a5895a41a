"""r26c: title-case headlines whose verb the trigger lexicon lacks (twenty-sixth round,
a fresh user's headline feed). Every headline here was written for these tests.

A short function word written with a capital mid-line ("To", "And") is title-case
evidence in place of a lexicon verb (``truecase._capitalised_minor``), so "Sudan Reopens
Airport To Relief Flights" is rewritten in sentence case before parsing, as the lines
whose verb the lexicon knows already were (r24a).
"""

from __future__ import annotations

import pytest

from tidings import truecase
from tidings.truecase import is_title_line, restore_case


@pytest.mark.parametrize("line, want", [
    ("Sudan Reopens Airport To Relief Flights", "Sudan reopens airport to relief flights"),
    ("Kenyan And Somali Troops Begin Joint Drills", "Kenyan and Somali troops begin joint drills"),
    ("Tribunal Orders Former Minister To Stay In Country",
     "Tribunal orders former Minister to stay in country"),
])
def test_a_capitalised_function_word_makes_a_line_title_case(line, want):
    lowered = [line[a:b].lower() for a, b in truecase._title_lowered(line, truecase.table())]
    assert not any(map(truecase._event_verb, lowered))    # no lexicon verb: the new evidence
    assert is_title_line(line)
    assert restore_case(line) == want


@pytest.mark.parametrize("line", [
    "Sudan reopened its airport to relief flights on Monday.",   # sentence case
    "Leaders Back Plan A",                                        # "A" is no evidence
    "Talks Stall. To Many Delegates, Hope Fades",                 # "To" opens a sentence
])
def test_lines_without_mid_sentence_capitalised_function_words_are_not_judged_by_them(line):
    assert not truecase._capitalised_minor(line)


@pytest.mark.parametrize("line", [
    "Sudan reopened its airport to relief flights on Monday.",
    "Troops Leave Town",                       # no function word, no lexicon verb
])
def test_lines_that_are_no_title_case_headline_are_left_as_written(line):
    assert not is_title_line(line)
    assert restore_case(line) == line


@pytest.fixture(scope="module")
def code_one():
    from tidings.engines.worker import Limits, StoryWorker
    from tidings.records import Story

    worker = StoryWorker((), Limits(story_timeout=None, all_candidates=True))

    def run(text: str):
        (events,) = worker.run_checked([Story(id="h", text=text, pub_date="2025-05-01")])
        return events

    return run


def test_a_headline_with_a_verb_outside_the_lexicon_is_coded_as_its_sentence_case_twin(code_one):
    line = "Kenyan And Somali Troops Begin Joint Drills"
    events = code_one(line)
    sig = sorted((e.event_type, tuple(a.country for a in e.actor)) for e in events)
    assert ("COOPERATE", ("KEN", "SOM")) in sig
    twin = sorted((e.event_type, tuple(a.country for a in e.actor)) for e in code_one(restore_case(line)))
    assert sig == twin
    for e in events:        # the record's words are the line's own, as written ("Troops", not "troops";
        # a coordinated actor's text shares its head: "Kenyan troops")
        assert all(w in line for w in e.trigger.split())
        assert e.actor and all(w in line.split() for a in e.actor for w in a.text.split()[:1])
        assert any(a.text in line for a in e.actor)
