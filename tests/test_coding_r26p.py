"""r26p: false events on sentences that report no event (the false-event rate).

Three kinds (annotation guide section 1, 'What is NOT an event', and section 3, REJECT):
a standing position ("Austria opposes nuclear power") is no REJECT; an official
withholding information ("refused to answer questions", "declined to give details") is
the same kind as "declined to comment", no REJECT; a dropped or boycotted meeting
("scrapped a planned visit", "boycotted the talks") is REJECT meet and no CONSULT.
Each kind has controls that must stay events. Sentences written for these tests."""
import pytest


def shown(evs):
    return [(e.event_type, e.mode, e.trigger, e.confidence, e.rules) for e in evs]


def types(evs):
    return [e.event_type for e in evs]


@pytest.mark.parametrize("text", [
    "Austria opposes nuclear power in all its forms.",
    "The bishops' conference opposes the new abortion law.",
    "Sweden opposes the construction of new coal plants.",
    "The farmers' union has long opposed the free trade pact with Canada.",
    "The ruling coalition has long opposed any cut in farm subsidies.",
    "The island's fishermen have always resisted calls to close the bay.",
    "The Greens are opposed to the expansion of the airport.",
    "Portugal has long resisted pressure to sell its stake in the utility.",
    "The two provinces oppose every attempt to centralise tax collection.",
])
def test_standing_opposition_is_no_rejection(default_code, text):
    evs = default_code(text)
    assert "REJECT" not in types(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The senator opposed the nomination in a speech on Thursday.",
    "Lithuania's parliament opposed the treaty in a vote on Wednesday.",
    "We firmly oppose the annexation announced today by Moscow.",
])
def test_opposing_a_proposal_on_a_day_stays_rejection(default_code, text):
    evs = default_code(text)
    assert "REJECT" in types(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The police chief refused to answer questions about the raid.",
    "A spokesman for the army refused to answer questions from reporters.",
    "The interior minister refused to give details of the operation.",
    "The governor refused to give further details about the evacuation.",
    "The ministry declined to provide figures on the number of arrests.",
    "A police source declined to reveal the identity of the suspect.",
    "The embassy refused to disclose where the diplomat was being held.",
    "The ministry refused to disclose the number of detainees.",
    "A military spokesman declined to identify the dead soldiers.",
    "The commander refused to make a statement after the clashes.",
    "The prosecutor declined to specify the charges.",
])
def test_withheld_information_is_no_rejection(default_code, text):
    evs = default_code(text)
    assert "REJECT" not in types(evs), shown(evs)


@pytest.mark.parametrize("text, mode", [
    ("The junta refused to release the detained opposition leader.", "yield"),
    ("Ecuador refused to hand over the former vice president to Mexico.", "yield"),
    ("The rebels refused to provide safe passage to the aid convoy.", "assist"),
    ("The government refused to give the monitors access to the prison.", "assist"),
    ("The government refused to provide aid to the flooded region.", "assist"),
])
def test_refused_acts_stay_rejection(default_code, text, mode):
    evs = default_code(text)
    assert [(e.event_type, e.mode) for e in evs] == [("REJECT", mode)], shown(evs)


@pytest.mark.parametrize("text, trigger", [
    ("The prime minister scrapped a planned visit to Beijing.", "scrapped"),
    ("The Finnish president shelved a planned trip to Ankara.", "shelved"),
    ("Zambia scrapped next week's summit with Malawi.", "scrapped"),
    ("The president scrapped his trip to Moscow after the vote.", "scrapped"),
    ("Opposition parties boycotted the talks with the government in Lusaka.", "boycotted"),
])
def test_dropped_or_boycotted_meeting_is_rejection_without_consult(default_code, text, trigger):
    evs = default_code(text)
    assert [(e.event_type, e.mode, e.trigger) for e in evs if e.event_type in ("REJECT", "CONSULT")] \
        == [("REJECT", "meet", trigger)], shown(evs)


@pytest.mark.parametrize("text", [
    "The utility scrapped its plans for a new dam.",
    "The company shelved the project after the election.",
    "The prime minister scrapped the fuel subsidy.",
])
def test_dropped_plans_are_no_rejected_meeting(default_code, text):
    evs = default_code(text)
    assert not [e for e in evs if e.event_type == "REJECT" and e.mode == "meet"], shown(evs)


def test_held_meeting_stays_consult(default_code):
    evs = default_code("The opposition leader met the prime minister on Monday.")
    assert types(evs) == ["CONSULT"], shown(evs)
