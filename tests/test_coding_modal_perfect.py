"""A modal with a perfect ("may have been killed", "could have carried out") guesses at a
past act: hypothetical, never an announced act read as THREATEN (the corpus labels such
acts ASSAULT hypothetical). Every sentence here was written for these tests."""

from __future__ import annotations

import pytest


pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Hospital officials said two guards may have been killed in the raid on the depot.",
    "Investigators said the militia could have planted the bomb near the bridge.",
])
def test_a_guess_about_a_past_act_is_no_threat(code_story, text):
    evs = code_story(text)
    assert [e.event_type for e in evs if e.event_type == "THREATEN"] == []


def test_an_announced_act_is_still_a_threat(code_story):
    evs = code_story("The rebel commander said his fighters would attack the depot next week.")
    assert [e.event_type for e in evs if e.event_type == "THREATEN"] == ["THREATEN"]
