"""ACCUSE and REQUEST told with no verb of accusing or asking (issue 16, round i16s).

Kinds found among the corpus train split's missed ACCUSE and REQUEST events: an act or a
party condemned by what it is said to be ("the raid was deplorable", "called the decision
irresponsible"); a stated need that names who is to act ("stressed the need for the
rebels to withdraw"); an obligation in the statement's own voice ("Russia must withdraw");
a party said to break an agreement, a right or a law ("violated the accord"). The sentences are written by the team, never copied from an evaluation
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


# ---------------------------------------------- "the need for X to act" (REQUEST)

@pytest.mark.parametrize("text", [
    "The envoy stressed the need for both militias to withdraw from the port city.",
    "She highlighted the need for the junta to free the detained reporters.",
    "The ministers reiterated the need for Baku and Yerevan to resume direct talks.",
])
def test_stressed_need_for_a_party_is_request(code_text, text):
    evs = _of_type(code_text(text), "REQUEST")
    assert evs and "frame:stressed-need-for-party-is-request" in evs[0].rules, shown(code_text(text))


@pytest.mark.parametrize("text", [
    "The minister stressed the need for better roads in the north.",           # no party asked
    "The leaders recognized the need for their governments to show results.",  # a shared view
])
def test_stated_need_naming_no_party_is_no_request(code_text, text):
    assert "REQUEST" not in happened(code_text(text)), shown(code_text(text))


def test_discussed_need_stays_consultation(code_text):
    evs = code_text("The ministers discussed the need for the allies to build on the pledge.")
    assert "REQUEST" not in happened(evs) and "CONSULT" in happened(evs), shown(evs)


# ------------------------------------- obligations in the statement's own voice (REQUEST)

@pytest.mark.parametrize("text,asked", [
    ("Moldova must immediately withdraw its troops from the disputed villages.", "Moldova"),
    ("The junta should free the detained reporters without delay.", "The junta"),
    ("Tirana must not extradite the two dissidents.", "Tirana"),
])
def test_voiced_obligation_is_request_to_the_party(code_text, text, asked):
    evs = _of_type(code_text(text), "REQUEST")
    assert evs and "structure:voiced-obligation-is-request" in evs[0].rules, shown(code_text(text))
    d = evs[0].to_dict()
    assert _texts(d["recipient"]) == [asked]
    assert d["actor"] == []   # the statement's author, not named in the clause


def test_voiced_obligation_keeps_the_ongoing_act(default_code):
    """"must end its shelling": the shelling goes on; it is not folded into the request."""
    evs = default_code("Moldova must immediately end its shelling of the border villages.")
    assert {"REQUEST", "ASSAULT"} <= happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "We must remember the victims of the famine.",                  # first person
    "The Kowalski family should feel proud of his service.",        # a verb of feeling
    "If Ankara wants peace, it must end the blockade.",             # a condition, a pronoun
    "Belgrade should have stopped the convoy much earlier.",        # a reproach of the past
    "Every country must respond to the drought.",                   # no party named
])
def test_obligation_without_a_named_party_is_no_request(code_text, text):
    evs = code_text(text)
    assert not [e for e in evs if "structure:voiced-obligation-is-request" in e.rules], shown(evs)


def test_obliged_accountability_stays_a_threat(code_text):
    """"the authorities must be held accountable" is THREATEN (annotation guide 11.10)."""
    evs = code_text("The authorities must be held to account for the arrests.")
    assert "THREATEN" in {e.event_type for e in evs} and "REQUEST" not in {e.event_type for e in evs}, shown(evs)


# ------------------------------------------------- breaking a norm (ACCUSE allege)

@pytest.mark.parametrize("text,accused", [
    ("The opposition said the governor had violated the regional peace accord.", "the governor"),
    ("The monitors said the militia violates the rights of the fishermen.", "the militia"),
])
def test_violated_norm_is_accusation_of_the_violator(code_text, text, accused):
    evs = _of_type(code_text(text), "ACCUSE")
    assert evs and "sense:violated-norm-is-accusation" in evs[0].rules, shown(code_text(text))
    d = evs[0].to_dict()
    assert evs[0].mode == "allege"
    assert accused in _texts(d["recipient"]) and accused not in _texts(d["actor"])


@pytest.mark.parametrize("text", [
    "Migrants who violate the visa rules can lose their status.",               # a relative clause
    "The agency found that an individual had violated the customs law.",         # a private person
    "Such shipments would violate the arms embargo.",                            # hypothetical
])
def test_violation_that_accuses_no_party_is_no_accusation(code_text, text):
    assert "ACCUSE" not in happened(code_text(text)), shown(code_text(text))


def test_violated_truce_stays_an_attack(code_text):
    assert "ASSAULT" in happened(code_text("The army violated the ceasefire near the river on Sunday."))
