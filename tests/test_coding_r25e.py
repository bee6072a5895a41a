"""THREATEN and SANCTION acts in ordinary wire wordings that had no candidate at all
(twenty-fifth round, r25e; a blind trial's missed types). The sentences are new,
written for these tests (the branch's probe sets A and B), not taken from any corpus.

- A vowed reprisal told by a noun ("vowed revenge for", "pledged retaliation", "vowed a
  strong response to") or the verb "retaliate" ("vowed to retaliate against") is a
  threat: sense:vowed-reprisal-is-threat, words.yaml promised_response_verbs (annotation
  guide section 3, THREATEN).
- "put/placed X on notice" is a coercive warning: sense:put-on-notice-is-threat.
- "placed/put X on its (trade) blacklist / the entity list" is a designation, SANCTION
  discontinue: sense:put-on-sanctions-list-is-designation (guide section 5).
- "revoked / cancelled the visas of" named people is a visa sanction, SANCTION
  discontinue: sense:revoked-visas-are-sanction (guide section 5; train gold "revoked any
  U.S. visas held by these individuals" SANCTION).
"""

from __future__ import annotations

import pytest


def _typed(events, etype: str) -> list:
    return [e for e in events if e.event_type == etype]


@pytest.mark.parametrize("text, trigger, rule", [
    ("North Korea vowed to retaliate against South Korea for the military drills near the border.",
     "vowed", None),
    ("Pakistan vowed a strong response to any Indian incursion across the Line of Control.",
     "vowed", "sense:vowed-reprisal-is-threat"),
    ("Hezbollah vowed revenge for the killing of its commander.", "vowed", "sense:vowed-reprisal-is-threat"),
    ("The Sudanese army vowed retaliation against the paramilitary forces after the shelling of Omdurman.",
     "vowed", "sense:vowed-reprisal-is-threat"),
    ("Rwanda vowed a decisive answer to the Congolese shelling.", "vowed", "sense:vowed-reprisal-is-threat"),
    ("The European Union put Hungary on notice over its rule-of-law failings.", "put on",
     "sense:put-on-notice-is-threat"),
])
def test_vowed_reprisals_and_notice_are_threats(code_text, text, trigger, rule):
    evs = _typed(code_text(text, "2026-03-10"), "THREATEN")
    assert [e.trigger for e in evs] == [trigger]
    assert evs[0].mode is None or evs[0].mode == "violence"
    if rule:
        assert rule in evs[0].rules


def test_the_noticed_party_is_the_recipient(code_text):
    ev = _typed(code_text("The European Union put Hungary on notice over its rule-of-law failings.",
                          "2026-03-10"), "THREATEN")[0]
    assert [r.country for r in ev.recipient] == ["HUN"]


@pytest.mark.parametrize("text, trigger, rule", [
    ("The United States placed 12 Chinese firms on its trade blacklist.", "placed on",
     "sense:put-on-sanctions-list-is-designation"),
    ("The Commerce Department put three Chinese chip makers on the entity list.", "put on",
     "sense:put-on-sanctions-list-is-designation"),
    ("The Nigerien junta revoked the visas of French officials.", "revoked", "sense:revoked-visas-are-sanction"),
    ("Kazakhstan cancelled the visas of two Russian journalists.", "cancelled", "sense:revoked-visas-are-sanction"),
])
def test_blacklisting_and_revoked_visas_are_sanctions(code_text, text, trigger, rule):
    evs = _typed(code_text(text, "2026-03-10"), "SANCTION")
    assert [(e.trigger, e.mode) for e in evs] == [(trigger, "discontinue")]
    assert rule in evs[0].rules


@pytest.mark.parametrize("text", [
    "The minister promised a swift response to the flood.",
    "The singer put her fans on a waiting list for tickets.",
    "The army put its troops on high alert.",
    "The cabinet revoked the visa requirement for Chilean tourists.",
    "The new visa rules came into force on Monday.",
    "The ambassador promised an answer to the letter within a week.",
])
def test_controls_are_no_threat_or_sanction(code_text, text):
    evs = code_text(text, "2026-03-10")
    assert not [e for e in evs if e.event_type in ("THREATEN", "SANCTION")]


def test_put_on_alert_stays_mobilization(code_text):
    evs = code_text("The army put its troops on high alert.", "2026-03-10")
    assert [e.event_type for e in evs] == ["MOBILIZE"]
