"""Wrong records a fresh user's trial found (issue i16z), by kind, on sentences and
stories written for these tests (none is taken from the corpus or an evaluation file).

Each kind has sentences that failed before its change and near misses that must not
change."""

from __future__ import annotations

import pytest

from conftest import happened, shown

# --------------------------------------------------------------------------------------
# Kind 2: a threat noun in the fixed phrase "under threat" is a circumstance, not a threat
# (filter:unnamed-threat-as-circumstance-is-no-event, words.yaml circumstance_threat_nouns)


@pytest.mark.parametrize("text", [
    "We will not negotiate under threat, the rebel commander said.",
    "Our delegation will not hold talks under threat, the minister told parliament.",
    "The government will not make concessions under threat, the spokesman said.",
])
def test_bare_under_threat_is_no_threat(default_code, text):
    events = default_code(text)
    assert "THREATEN" not in {e.event_type for e in events}, shown(events)


@pytest.mark.parametrize("text", [
    # a threat with its content named is still one
    "The rebels forced the farmers to leave under threat of death.",
    "The militia ordered the shops to close under threat of reprisals.",
])
def test_threat_of_named_harm_stays_a_threat(default_code, text):
    events = default_code(text)
    assert "THREATEN" in happened(events), shown(events)


def test_threat_made_as_an_act_stays_a_threat(code_text):
    events = code_text("The militia issued a threat against the village on Monday.")
    assert "THREATEN" in {e.event_type for e in events}, shown(events)
