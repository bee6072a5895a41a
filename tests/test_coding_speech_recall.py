"""Recall of the frequent speech-act and diplomatic types, coded by the rule layer (issue 16,
tenth round).

Each case is a kind of ACCUSE, SUPPORT, AGREE, CONSULT or REQUEST sentence the rule layer
missed on the corpus train split, written by the team (never copied from an evaluation
file or the corpus): a concern said to others ("expressed deep concern", "noted with
concern", "remains concerned"), taking a party's side ("stands with", "stand in
solidarity with"), gratitude and condolences said in a noun, "looks forward to" a visit
or to working with a party, exchanged views, and a second speech act coordinated with the
first. The rule layer alone is tested (``model=None``): the learned layer takes its
output as features and is retrained on it.
"""

from __future__ import annotations

import pytest


pytestmark = pytest.mark.slow


def _events(code_text, text: str) -> list:
    """The rule layer's events of ``text`` (the shared ``code_text`` fixture)."""
    return code_text(text, pub_date="2025-03-01")


def _of_type(code_text, text: str, event_type: str) -> list:
    return [e for e in _events(code_text, text) if e.event_type == event_type]


@pytest.mark.parametrize("text", [
    "The foreign minister expressed deep concern about the shelling of the border villages.",
    "Several donors voiced concerns over the arrests of the opposition leaders.",
    "The envoy raised serious concerns with Hanoi about the detention of two bloggers.",
    "The ministers reaffirmed their grave concern over the blockade of the port.",
])
def test_voiced_concern_is_disapproval(code_text, text):
    evs = _of_type(code_text, text, "ACCUSE")
    assert [e.mode for e in evs] == ["disapprove"]
    assert "frame:voiced-concern-is-disapproval" in evs[0].rules
    assert not _of_type(code_text, text, "SUPPORT")  # "reaffirmed" is no support here


def test_noted_with_concern_is_disapproval(code_text):
    evs = _of_type(code_text, "The European Union notes with grave concern the closure of the newspaper.",
                   "ACCUSE")
    assert evs and "frame:noted-with-concern-is-disapproval" in evs[0].rules
    assert [a["text"] for a in evs[0].to_dict()["actor"]] == ["The European Union"]


def test_remaining_concerned_is_disapproval(code_text):
    evs = _of_type(code_text, "Canada remains deeply concerned about the mass trials in Minsk.", "ACCUSE")
    assert evs and evs[0].rules[0] == "lexicon:remain+concerned/P"


@pytest.mark.parametrize("text", [
    "A concern for the region is the price of fuel.",
    "The government addressed the concerns of the farmers on Tuesday.",
])
def test_concern_not_said_to_others_is_no_accusation(code_text, text):
    assert not _of_type(code_text, text, "ACCUSE")


@pytest.mark.parametrize("text,recipient", [
    ("Norway stands firmly with the people of Moldova.", "the people of Moldova"),
    ("The bloc's leaders stand in solidarity with Lithuania.", "Lithuania"),
])
def test_standing_with_a_party_is_support(code_text, text, recipient):
    evs = _of_type(code_text, text, "SUPPORT")
    assert evs and "frame:standing-with-a-party-is-support" in evs[0].rules
    assert recipient in [r["text"] for r in evs[0].to_dict()["recipient"]]


def test_standing_without_a_party_is_no_support(code_text):
    assert not _of_type(code_text, "The protesters stood in the rain outside the parliament.", "SUPPORT")


@pytest.mark.parametrize("text,lexeme", [
    ("The ambassador conveyed his condolences to the families of the miners.", "lexicon:condolence/N"),
    ("The prime minister expressed her appreciation to Ghana for hosting the talks.", "lexicon:appreciation/N"),
    ("The president expressed his gratitude to Qatar for its mediation.", "lexicon:gratitude/N"),
    ("The cabinet expressed solidarity with the flood victims in Pakistan.", "lexicon:solidarity/N"),
])
def test_gratitude_and_condolences_said_in_a_noun_are_support(code_text, text, lexeme):
    evs = _of_type(code_text, text, "SUPPORT")
    assert evs and evs[0].rules[0] == lexeme


def test_thanks_to_a_cause_is_no_support(code_text):
    text = "Thanks to the new dam, the villages have water all year."
    assert not _of_type(code_text, text, "SUPPORT")


@pytest.mark.parametrize("text", [
    "The chancellor looks forward to welcoming the Kenyan president in Berlin.",
    "The minister said she looks forward to working with Chile on lithium.",
])
def test_looking_forward_is_agreement(code_text, text):
    evs = _of_type(code_text, text, "AGREE")
    assert evs and evs[0].rules[0] == "lexicon:look+forward/P"


def test_exchanged_views_is_consultation(code_text):
    evs = _of_type(code_text, "The two foreign ministers exchanged views on the crisis in Sudan.", "CONSULT")
    assert evs and "frame:exchanged-views-is-consultation" in evs[0].rules
    assert not _of_type(code_text, "The two foreign ministers exchanged views on the crisis in Sudan.",
                        "COOPERATE")


def test_second_coordinated_speech_act_is_its_own_event(code_text):
    text = "The minister expressed deep concern about the fighting and called for an immediate ceasefire."
    types = sorted(e.event_type for e in _events(code_text, text))
    assert types == ["ACCUSE", "REQUEST"]
    req = _of_type(code_text, text, "REQUEST")[0]
    assert [a["text"] for a in req.to_dict()["actor"]] == ["The minister"]


def test_coordinated_material_act_stays_one_event(code_text):
    # a coordinated verb of a type not in coordinated_speech_types, with no object, is not
    # split off (the rule before this round)
    text = "Police arrived and withdrew."
    assert len(_events(code_text, text)) <= 1


@pytest.mark.parametrize("text,rule", [
    ("The envoy briefed the prime minister on the talks in Doha.", "lexicon:brief/V"),
    ("The foreign minister updated her Greek counterpart on the negotiations in Cairo.",
     "frame:updated-party-is-consultation"),
    ("The governors received a briefing on border security from the defense secretary.", "lexicon:briefing/N"),
])
def test_briefing_a_party_is_consultation(code_text, text, rule):
    evs = _of_type(code_text, text, "CONSULT")
    assert evs and rule in evs[0].rules


@pytest.mark.parametrize("text", [
    "The agency updated its guidance for travellers.",
    "Officials told reporters at a briefing on Monday that the bridge was closed.",
])
def test_updated_thing_or_press_briefing_is_no_consultation(code_text, text):
    assert not _of_type(code_text, text, "CONSULT")
