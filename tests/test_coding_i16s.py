"""ACCUSE and REQUEST told with no verb of accusing or asking (issue 16, round i16s).

Kinds found among the corpus train split's missed ACCUSE and REQUEST events: an act or a
party condemned by what it is said to be ("the raid was deplorable", "called the decision
irresponsible"). The sentences are written by the team, never copied from an evaluation
file or the corpus. The rule layer alone is tested (``code_text``, ``model=None``), and
the shipped coder where the learned layer decides (``default_code``).
"""

from __future__ import annotations

import pytest

from conftest import happened, shown

pytestmark = pytest.mark.slow


def _of_type(events, event_type: str) -> list:
    return [e for e in events if e.event_type == event_type]


def _texts(entities) -> list[str]:
    return [a["text"] for a in entities]


# ------------------------------------------------------- condemning predicates (ACCUSE)

@pytest.mark.parametrize("text", [
    "The foreign ministry called the border closure deeply irresponsible.",
    "The opposition described the referendum as a sham.",
    "Lagos considers the seizure of its trawlers unjustified and unacceptable.",
    "The shelling of the refugee camp was deplorable, the minister said.",
    "The bishop said the killings in the valley were barbaric.",
])
def test_condemning_predicate_is_disapproval(code_text, text):
    evs = _of_type(code_text(text), "ACCUSE")
    assert evs, shown(code_text(text))
    assert evs[0].mode == "disapprove"
    assert "frame:condemning-predicate-is-disapproval" in evs[0].rules


def test_linking_verb_condemnation_accuses_the_subjects_party(code_text):
    """"X said the raid was deplorable": the speaker accuses, the raid's party is the
    recipient, not the actor."""
    evs = _of_type(code_text("The Lebanese premier said the Syrian raid was deplorable."), "ACCUSE")
    assert evs
    d = evs[0].to_dict()
    assert _texts(d["actor"]) == ["The Lebanese premier"]
    assert "the Syrian raid" in _texts(d["recipient"])


@pytest.mark.parametrize("text", [
    "The unacceptable delay in the grain shipments was announced on Monday.",   # a modifier, no predicate
    "The mountain road to the capital was dangerous after the floods.",          # describes, no blame
    "The ministry described the visit of the delegation as productive.",
    "The new governor is responsible for security in the province.",
])
def test_description_without_condemnation_is_no_accusation(code_text, text):
    assert "ACCUSE" not in happened(code_text(text)), shown(code_text(text))


def test_condemning_predicate_survives_the_learned_layer(default_code):
    evs = default_code("The interior minister said the bombing of the bus station was regrettable and condemnable.")
    assert "ACCUSE" in happened(evs), shown(evs)
