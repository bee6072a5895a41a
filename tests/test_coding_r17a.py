"""Releases and concessions, the PLOVER RETREAT/CONCEDE line (seventeenth round, r17a).

Sentences written for these tests (none from the corpus or an evaluation file): each
kind has sentences that failed before its change and near-misses that must not change.
"""

from __future__ import annotations

import pytest

from conftest import happened, shown

pytestmark = pytest.mark.slow


def _types(events, trigger_word: str) -> set[str]:
    return {e.event_type for e in events if trigger_word in (e.trigger or "")}


# --- 1. a released person known by office or occupation (sectors.yaml role nouns) -----

@pytest.mark.parametrize("text,trigger", [
    ("Gunmen released the abducted nurse on Tuesday after a ransom was paid.", "released"),
    ("The captors released the kidnapped magistrate on Sunday.", "released"),
    ("Police released two of the detained senators late on Friday.", "released"),
    ("Insurgents released a district governor they had seized in March.", "released"),
])
def test_released_role_noun_is_release(code_text, text, trigger):
    events = code_text(text)
    assert "RETREAT" in _types(events, trigger), shown(events)
    assert any(e.mode == "release" for e in events if e.event_type == "RETREAT"), shown(events)


def test_announced_release_of_official_is_concession(default_code):
    events = default_code("The rebels announced that they will release the kidnapped mayor.")
    assert "CONCEDE" in happened(events), shown(events)


@pytest.mark.parametrize("text", [
    "The army released video footage of the raid.",
    "The military released intelligence showing a troop build-up.",
    "The navy released the drone images on Monday.",
    "The ministry released its annual report on Monday.",
    "The central bank released new figures on inflation.",
])
def test_released_thing_stays_no_release(code_text, text):
    events = code_text(text)
    assert "RETREAT" not in _types(events, "releas"), shown(events)
