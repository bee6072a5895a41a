"""A meeting that is refused, cancelled or asked for did not happen (eighth round; a
fresh-user trial: "cancelled a meeting" was stored as a meeting). Sentences written for
these tests; the shipped learned layer, every event kept."""

from __future__ import annotations

import pytest

from tidings.records import Story


@pytest.fixture(scope="module")
def shipped():
    from tidings.coding import Coder
    from tidings.learn.model import load_model

    if load_model() is None:
        pytest.skip("no trigger model shipped")
    return Coder(all_candidates=True)


def _types(nlp, coder, text: str) -> set[str]:
    return {e.event_type for e in coder.code_doc(nlp(text), Story(id="m", text=text, pub_date="2025-03-03"))}


@pytest.mark.parametrize("text, kept", [
    ("Iran rejected talks with the United States in Oman.", "REJECT"),
    ("Venezuela refused a meeting with Colombia in Bogota.", "REJECT"),
    ("North Korea declined an invitation to talks in Seoul.", "REJECT"),
    ("The opposition called for talks with the government.", "REQUEST"),
    ("Germany urged Iran to return to nuclear talks.", "REQUEST"),
])
def test_refused_or_requested_meeting_is_no_meeting(nlp, shipped, text, kept) -> None:
    got = _types(nlp, shipped, text)
    assert kept in got and "CONSULT" not in got, got


@pytest.mark.parametrize("text", [
    "After talks in Doha, Hamas rejected the ceasefire plan.",          # a time, not the content
    "Iran rejected the proposal at the talks in Vienna.",               # a setting
    "The foreign ministers met in Geneva and Iran rejected the proposal.",
])
def test_a_meeting_beside_a_refusal_still_happened(nlp, shipped, text) -> None:
    got = _types(nlp, shipped, text)
    assert {"CONSULT", "REJECT"} <= got, got
