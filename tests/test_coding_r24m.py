"""Reported accusations and dates inside objects (twenty-fourth round, a fresh user's
trial). The sentences are new, written for these tests.

- A justifying participle ("accusing ...") after a reporting clause set between it and
  the act belongs to the act's subject when its object takes up the act's object ("the
  vessel", "their crews", "him"), and to the reporter when it names a party of its own
  ("accusing Pyongyang"): annotation guide section 6.
- A date phrase before a noun of a verbal event's object ("last year's protests", "the
  2023 vote") tells when that thing was, not when the accusation was made (section 7).
"""

from __future__ import annotations

import pytest


def _actor(events, etype: str, trigger: str) -> list:
    return [(a.text, a.country) for e in events if e.event_type == etype and e.trigger == trigger for a in e.actor]


@pytest.mark.parametrize("text, actor", [
    ("The Sri Lankan navy seized two Indian trawlers on Sunday, the ministry said, accusing their crews "
     "of fishing illegally.", ("The Sri Lankan navy", "LKA")),
    ("Thai police detained a Cambodian labour activist in Bangkok, a rights group said, accusing him of "
     "insulting the monarchy.", ("Thai police", "THA")),
    ("Police in Lagos arrested five activists, officials said, accusing them of plotting a coup.",
     ("Police", "NGA")),
])
def test_the_participle_after_a_reporting_clause_is_the_acts_subjects(code_text, text, actor):
    evs = code_text(text, "2025-03-12")
    assert _actor(evs, "ACCUSE", "accusing") == [actor]


def test_a_participle_naming_the_acts_party_is_the_reporters(code_text):
    evs = code_text("North Korea fired two missiles on Monday, Seoul said, accusing Pyongyang of "
                    "violating UN resolutions.", "2025-03-12")
    assert _actor(evs, "ACCUSE", "accusing") == [("Seoul", "KOR")]
    acc = next(e for e in evs if e.event_type == "ACCUSE")
    assert [(r.text, r.country) for r in acc.recipient] == [("Pyongyang", "PRK")]


def test_without_a_reporting_clause_the_main_subject_accuses(code_text):
    # unchanged: the participle's subject is the main clause's
    evs = code_text("Mali's junta expelled two Swedish envoys, accusing Stockholm of meddling.", "2025-03-12")
    assert _actor(evs, "ACCUSE", "accusing") == [("Mali's junta", "MLI")]


@pytest.mark.parametrize("text, day", [
    # a possessive date on the object names when the protests were, not the accusation
    ("Kenya's opposition accused the police of disrupting last year's protests.", "2025-03-12"),
    ("Kenya's opposition accused the police on Monday of disrupting last year's protests.", "2025-03-10"),
    ("Opposition leaders in Harare accused the ruling party of rigging the 2023 vote.", "2025-03-12"),
    ("The African Union accused the officers of staging the 2019 coup.", "2025-03-12"),
])
def test_a_date_before_an_objects_noun_does_not_date_the_accusation(story_dated, coder, text, day):
    got = story_dated(coder, text, "2025-03-12")
    (start, end, _, _), = [v for (etype, _), v in got.items() if etype == "ACCUSE"]
    assert (start, end) == (day, day)


def test_a_material_act_keeps_its_dates(story_dated, coder):
    # unchanged: only verbal events pass over an object's date
    got = story_dated(coder, "Rebels attacked the village on Monday.", "2025-03-12")
    assert [v[0] for (etype, _), v in got.items() if etype == "ASSAULT"] == ["2025-03-10"]
