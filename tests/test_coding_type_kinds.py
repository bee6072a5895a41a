"""Wrong types by kind, issue 16: gold events of the corpus train split that the default
coder got with the wrong type (the same trigger coded as another type), grouped by cause
and fixed at the root as data. A sentence of each kind must now give the right type, and
its near neighbour keeps the other one. All sentences are the team's own.

Kinds:
- a refusal told in the future ("said it will reject any deal that divides the island",
  "they will refuse the new proposal") was made THREATEN by event:announced-conflict-is-threat, as if
  the refusal were a material conflict announced: the refusal is stated now, and it is
  the REJECT (annotation guide, REJECT; the corpus labels them REJECT). A refused
  restraint ("will not hesitate to strike", "will not tolerate any interference", "will
  never let the militias take the capital") still announces a conflict and stays
  THREATEN (words.yaml restraint_verbs), and so do announced attacks and sanctions.
- a crackdown the text calls violent or brutal ("the junta's brutal crackdown on the
  striking miners", "the violent suppression of peaceful marchers") was coded COERCE (or
  ACCUSE), the restriction a bare crackdown is: the violent one is force used on people,
  ASSAULT (annotation guide, ASSAULT; event:violent-crackdown-is-assault, words.yaml
  crackdown_nouns and violence_adjectives). A bare crackdown ("intensified its crackdown
  on the smugglers") stays COERCE.
- an announced mobilization ("will deploy two more battalions along the border", "police
  will be deployed to the squares on Friday") was made THREATEN by
  event:announced-conflict-is-threat: it is the MOBILIZE itself, told in the future (the
  corpus labels them MOBILIZE). A threat to mobilize ("threatened to deploy troops") stays
  THREATEN.
"""

from __future__ import annotations

import pytest

from conftest import happened, shown  # noqa: F401 (shared helpers)

pytestmark = pytest.mark.slow

FUTURE_REFUSALS = [
    "The federation said it will reject any ruling that bans its athletes.",
    "The two parties said they will refuse the new proposal from the mediator.",
    "Officials said Manila will reject the claims made by Beijing over the shoal.",
]


@pytest.mark.parametrize("text", FUTURE_REFUSALS, ids=[t[:40] for t in FUTURE_REFUSALS])
def test_future_refusal_is_rejection_not_threat(default_code, text):
    events = default_code(text)
    types = happened(events)
    assert "REJECT" in types and "THREATEN" not in types, shown(events)


REFUSED_RESTRAINT = [
    "The minister said Ankara will not hesitate to strike the militants again.",
    "The president said he will not tolerate any interference in the vote.",
]


@pytest.mark.parametrize("text", REFUSED_RESTRAINT, ids=[t[:40] for t in REFUSED_RESTRAINT])
def test_refused_restraint_stays_threat(every_candidate, text):
    """The act is named THREATEN, never REJECT (every candidate: since the seventeenth
    round an act the event rules rename takes the gate's belief in it, and the gate
    reads "will not tolerate any interference" at 0.24, under the threshold)."""
    events = every_candidate(text)
    types = happened(events)
    assert "THREATEN" in types and "REJECT" not in types, shown(events)


def test_refused_restraint_with_a_named_strike_is_in_the_default_output(default_code):
    events = default_code(REFUSED_RESTRAINT[0])
    assert happened(events) == {"THREATEN"}, shown(events)


ANNOUNCED_CONFLICT = [
    "The army said it will attack the rebel camps next week.",
]


@pytest.mark.parametrize("text", ANNOUNCED_CONFLICT, ids=[t[:40] for t in ANNOUNCED_CONFLICT])
def test_announced_attack_stays_threat(default_code, text):
    assert "THREATEN" in happened(default_code(text))


VIOLENT_CRACKDOWNS = [
    "The rebels condemned the junta's brutal crackdown on the striking miners in Oruro.",
    pytest.param("Washington sanctioned five officers over the violent suppression of peaceful marchers in Minsk.",
                 marks=pytest.mark.xfail(strict=True, reason=(
                     "a known miss of the sixteenth round's model: the gate scores this sentence's "
                     "ASSAULT 0.16 and COERCE 0.10, so no event is proposed on 'suppression' for "
                     "the rule to retype (the fifteenth round's model proposed COERCE at 0.13, "
                     "which the rule made an ASSAULT at 0.406); docs/model.md, sixteenth round"))),
]


@pytest.mark.parametrize("text", VIOLENT_CRACKDOWNS, ids=["brutal crackdown", "violent suppression"])
def test_violent_crackdown_is_assault(default_code, text):
    events = default_code(text)
    crack = [e for e in events if e.trigger in ("crackdown", "suppression")]
    assert crack and all(e.event_type == "ASSAULT" for e in crack), shown(events)


def test_bare_crackdown_stays_coercion(default_code):
    events = default_code("The regime has intensified its crackdown on the smugglers.")
    assert "ASSAULT" not in happened(events), shown(events)


ANNOUNCED_MOBILIZATIONS = [
    "The defence ministry said it will deploy two more battalions along the border.",
    "The alliance will begin rotating deployments of fighter jets in Lithuania in 2027.",
    "The government said police will be deployed to the capital's main squares on Friday.",
]


@pytest.mark.parametrize("text", ANNOUNCED_MOBILIZATIONS, ids=[t[:40] for t in ANNOUNCED_MOBILIZATIONS])
def test_announced_mobilization_is_no_threat(default_code, text):
    events = default_code(text)
    types = happened(events)
    assert "MOBILIZE" in types and "THREATEN" not in types, shown(events)


def test_threat_to_mobilize_stays_threat(default_code):
    events = default_code("The minister threatened to deploy troops to the disputed island.")
    assert "THREATEN" in happened(events), shown(events)
