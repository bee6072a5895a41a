"""Round 19f: self-dyads and wrong countries from the resolver and the gazetteer (a fresh
user's trial, nineteenth round). Sentences written for these tests, never taken from the
corpus, the trial or an evaluation file."""

from __future__ import annotations

import pytest


def _pairs(events, etype):
    return [([(a.text, a.country) for a in e.actor], [(r.text, r.country) for r in e.recipient])
            for e in events if e.event_type == etype]


# -- 1. a state's own forces never act on the state named as a whole -------------------------

@pytest.mark.parametrize("text, etype, actor_country", [
    ("Russia's army staged exercises near Lithuania on Tuesday, a week after Vilnius accused "
     "Russia of jamming flights.", "MOBILIZE", "RUS"),
    ("North Korea's military fired two missiles into the sea after Seoul criticised North "
     "Korea at the UN.", "ASSAULT", "PRK"),
])
def test_own_forces_not_against_own_state(every_candidate, text, etype, actor_country):
    pairs = _pairs(every_candidate(text), etype)
    assert pairs, f"no {etype}"
    for actors, recips in pairs:
        assert any(c == actor_country for _, c in actors), pairs
        assert all(c != actor_country for _, c in recips), pairs


def test_own_forces_near_miss_other_state_kept(every_candidate):
    # a state's ministry acting on another state keeps it
    pairs = _pairs(every_candidate("Pakistan's foreign ministry criticised India on Monday."), "ACCUSE")
    assert any(("India", "IND") in r for _, r in pairs), pairs


def test_own_state_near_miss_opposition_keeps_state(every_candidate):
    # the opposition is no organ of the state: it may accuse its own country's state
    pairs = _pairs(every_candidate("The Russian opposition accused Russia of rigging the vote."), "ACCUSE")
    assert any(("Russia", "RUS") in r for _, r in pairs), pairs
