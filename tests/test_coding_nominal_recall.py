"""Recall of events told by nouns (issue 16): a specific attack or meeting named by its noun
with a party, time or place, wherever the noun stands (object of a preposition, subject,
object of another event's verb) is an event of its own (annotation guide 11.1); an act
asked for, planned, stopped or refused is not. The kinds were counted on the corpus train
split; the sentences here are the team's own. The rule layer is tested alone
(``TIDINGS_MODEL=off``), since the learned layer is retrained on its output."""
from __future__ import annotations

import pytest



@pytest.fixture(scope="module")
def code(code_text):
    """Code one sentence with the rule layer alone (no trigger model); returns its events
    (the shared ``code_text`` fixture, published in May 2024)."""
    return lambda text: code_text(text, pub_date="2024-05-01")


def of_type(events, event_type: str):
    return [e for e in events if e.event_type == event_type]


@pytest.mark.parametrize("text, trigger", [
    ("Three villagers died during Valdoria's invasion of the eastern province.", "invasion"),
    ("The minister spoke to reporters after the attack on the embassy in Kabul.", "attack"),
    ("Schools in the north stayed closed because of the war in Ostrava.", "war"),
    ("Farmers fled their fields amid Russian aggression against the border villages.", "aggression"),
    ("The Kenyan bombing of the depot left the town without fuel.", "bombing"),
    ("Relatives gathered outside the court a year after the murder of the journalist in Lagos.", "murder"),
])
def test_attack_noun_naming_a_party_is_an_assault(code, text, trigger):
    evs = of_type(code(text), "ASSAULT")
    assert [e.trigger for e in evs] == [trigger]


@pytest.mark.parametrize("text, trigger", [
    ("During his visit to Hanoi, the envoy toured a textile plant.", "visit"),
    ("The communique was released after the meeting between the two foreign ministers in Rome.", "meeting"),
    ("The minister returned from a trip to Seoul on Tuesday.", "trip"),
])
def test_meeting_noun_naming_a_party_is_a_consultation(code, text, trigger):
    evs = of_type(code(text), "CONSULT")
    assert [e.trigger for e in evs] == [trigger]


def test_condemned_attack_is_accusation_and_assault(code):
    evs = code("The senator condemned the Tuesday bombing of the market in Mosul.")
    assert {e.event_type for e in evs} == {"ACCUSE", "ASSAULT"}
    assault = of_type(evs, "ASSAULT")[0]
    assert assault.trigger == "bombing" and "lexicon:bombing/N" in assault.rules


@pytest.mark.parametrize("text", [
    "The opposition called for talks with the government in Accra.",          # asked for
    "The army wants to prevent attacks on the border town of Tessit.",        # stopped
    "The rebels refused a meeting with the envoy from Norway.",               # refused
    "A warrant was issued for the murder of the mayor of Cali.",               # "for"
    "The council is planning a visit to Lima.",                                # planned
    "The ministry cancelled the meeting with the envoy from Chile.",          # a refusal's object
    "Lima postponed the talks with Quito.",
])
def test_act_asked_for_stopped_or_planned_is_no_event_of_its_own(code, text):
    evs = code(text)
    noun = {"talks", "attacks", "meeting", "murder", "visit"}
    assert not [e for e in evs if e.trigger in noun and e.event_type in ("ASSAULT", "CONSULT")]


@pytest.mark.parametrize("text", [
    "The attack was a terrible thing.",                 # no party, time or place
    "Schools stayed closed during the fighting.",
    "Veterans of World War II marched in the parade.",  # a name, not an act told here
])
def test_act_noun_without_party_time_or_place_is_no_event(code, text):
    assert not of_type(code(text), "ASSAULT")


@pytest.mark.parametrize("text", [
    "The foreign minister expressed deep concern about the detention of the two reporters.",
    "Norway voiced concern over the new media law.",
    "The envoy raised concerns about the conduct of the election in Tessit.",
])
def test_concern_carried_by_a_light_verb_is_disapproval(code, text):
    evs = [e for e in code(text) if e.event_type == "ACCUSE"]
    assert evs and evs[0].mode == "disapprove"
    assert "frame:voiced-concern-is-disapproval" in evs[0].rules   # merged with the speech-recall round


@pytest.mark.parametrize("text, country", [
    ("Chile stands with the people of Ecuador in this difficult hour.", "ECU"),
    ("Japan stood firmly with Moldova after the vote.", "MDA"),
])
def test_standing_with_a_party_is_support(code, text, country):
    evs = [e for e in code(text) if e.event_type == "SUPPORT"]
    assert evs and "frame:standing-with-a-party-is-support" in evs[0].rules
    assert country in {a.country for a in evs[0].recipient}


def test_standing_with_a_party_in_the_future_is_support(code):
    """Standing with a party said in the future tense is the statement of solidarity
    itself, SUPPORT (annotation guide 11.5), not promised support (AGREE): issue 16's
    thirteenth round: the 9 train sentences of the corpus with "will (continue to) stand
    with" all have SUPPORT in their gold, one AGREE as well (this test said AGREE before)."""
    evs = code("We will always stand with Moldova.")
    assert [e.event_type for e in evs] == ["SUPPORT"]
    assert "frame:standing-with-a-party-is-support" in evs[0].rules


@pytest.mark.parametrize("text, want", [
    ("The rebels denounced the delay and threatened to end the truce.", {"ACCUSE", "THREATEN"}),
    ("The minister met the envoy and agreed to resume the border talks.", {"CONSULT", "AGREE"}),
])
def test_second_verb_with_its_own_clause_is_a_second_event(code, text, want):
    """A coordinated verb of another type whose complement is a clause ("and threatened to
    end the truce") is an act of its own, as one with its own object is."""
    assert {e.event_type for e in code(text)} == want


def test_missile_launches_of_a_party_are_mobilization(code):
    evs = code("The foreign ministers condemned Valdoria's ballistic missile launches.")
    mob = of_type(evs, "MOBILIZE")
    assert {e.event_type for e in evs} == {"ACCUSE", "MOBILIZE"}
    assert mob[0].mode == "weapons" and "lexicon:missile launch/N" in mob[0].rules


@pytest.mark.parametrize("text", [
    "Two police officers died in an explosion in Medellin on Friday.",
    "An explosion killed four soldiers at the checkpoint.",
])
def test_explosion_told_with_its_place_or_effect_is_an_assault(code, text):
    evs = of_type(code(text), "ASSAULT")
    assert evs and evs[0].mode == "explosives"


def test_leaders_reviewing_together_is_a_consultation(code):
    evs = of_type(code("The two presidents reviewed preparations for the regional summit in Lima."), "CONSULT")
    assert evs and evs[0].trigger == "reviewed" and "lexicon:review/V" in evs[0].rules
