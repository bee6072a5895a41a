"""r27b: AID and COOPERATE misses by kind. Taking in a counted number of people who fled
is AID asylum (sense:welcomed-refugees-is-aid; annotation guide section 3, AID: granting
asylum); founding a joint body together is COOPERATE
(frame:founded-joint-body-is-cooperation; guide section 3, COOPERATE). Sentences written
for these tests."""
import pytest


def shown(evs):
    return [(e.event_type, e.trigger, e.confidence, e.rules) for e in evs]


def types(evs):
    return {e.event_type for e in evs}


REFUGE_POSITIVES = [
    ("Germany has welcomed more than 1 million Syrian refugees.", "DEU"),
    ("Poland hosted about 950,000 Ukrainian refugees after the invasion.", "POL"),
    ("Colombia welcomed those fleeing the crisis in Venezuela.", "COL"),
    ("Chad has hosted 600,000 Sudanese refugees who crossed the border.", "TCD"),
    ("Jordan hosted 1.3 million Syrian refugees in 2016.", "JOR"),
    ("Ireland welcomed 75,000 Ukrainians in the spring.", "IRL"),
    ("Uganda welcomed thousands of refugees from South Sudan in March.", "UGA"),
    # passive
    ("More than 40,000 Afghan evacuees were welcomed by Albania.", "ALB"),
]


@pytest.mark.parametrize("text,actor", REFUGE_POSITIVES)
def test_taking_in_counted_refugees_is_aid(default_code, text, actor):
    evs = default_code(text)
    aid = [e for e in evs if e.event_type == "AID"]
    assert aid, shown(evs)
    assert actor in [a.country for a in aid[0].actor], shown(evs)
    assert "SUPPORT" not in types(evs) and "CONSULT" not in types(evs), shown(evs)


REFUGE_CONTROLS = [
    # a plain welcome of a decision stays SUPPORT
    ("The prime minister of Norway welcomed the decision of the court.", "SUPPORT"),
    # a host receiving an official is a visit
    ("Kazakhstan hosted the Turkish foreign minister in Astana on Monday.", "CONSULT"),
]


@pytest.mark.parametrize("text,kind", REFUGE_CONTROLS)
def test_other_welcomes_and_hosts_keep_their_type(default_code, text, kind):
    evs = default_code(text)
    assert kind in types(evs) and "AID" not in types(evs), shown(evs)


@pytest.mark.parametrize("text", [
    # a tradition of welcoming, uncounted: background, no aid
    "Portugal has a long tradition of welcoming refugees.",
    # a crowd welcomed at a festival is no refuge
    "The city welcomed 20,000 visitors to the jazz festival.",
    # a standing status in the present tense is background (guide 11.3)
    "Costa Rica hosts nearly 30,000 Nicaraguan refugees.",
    # a count over a period is a statistic (guide section 1)
    "Turkey has welcomed more than 3 million refugees since 2011.",
])
def test_uncounted_or_non_refugee_welcomes_are_no_aid(default_code, text):
    evs = default_code(text)
    assert "AID" not in types(evs), shown(evs)


BODY_POSITIVES = [
    ("On Monday, Kenya and Ethiopia launched a joint task force on cross-border cattle raiding.", {"KEN", "ETH"}),
    ("Chile and Peru established a working group on lithium mining last week.", {"CHL", "PER"}),
    ("In 1951, Australia, New Zealand and the United States formed a security alliance.", {"AUS", "NZL", "USA"}),
    ("Chile and Argentina launched a joint commission on glacier monitoring on Tuesday.", {"CHL", "ARG"}),
    ("Ghana and Togo created a bilateral commission to police their shared border.", {"GHA", "TGO"}),
    ("A joint committee on fisheries was established by Senegal and Mauritania in May.", {"SEN", "MRT"}),
]


@pytest.mark.parametrize("text,parties", BODY_POSITIVES)
def test_founding_a_joint_body_is_cooperation(default_code, text, parties):
    evs = default_code(text)
    coop = [e for e in evs if e.event_type == "COOPERATE"]
    assert coop, shown(evs)
    got = {a.country for a in coop[0].actor} | {r.country for r in coop[0].recipient}
    assert parties <= got, shown(evs)


@pytest.mark.parametrize("text", [
    # a plain force or group, no joint mark
    "The rebels formed a new armed group in the hills of Kivu.",
    # a sports club founded is no cooperation
    "Two brothers founded a football club in Lagos in 1962.",
    # a body only called for is no founded body
    "Mexico called on Guatemala to form a task force on migrant smuggling.",
    # a body only agreed to be set up: the agreement, not the body
    "Brazil and Paraguay agreed to establish a joint commission on the dam.",
    # a gerund of interest: no founding told as done
    "Vietnam and Laos expressed interest in establishing a working group on river transport.",
    # a future launch by one party is its pledge, not a founded body
    "Ecuador will launch a task force on oil spills.",
])
def test_unfounded_or_non_joint_bodies_are_no_cooperation(default_code, text):
    evs = default_code(text)
    assert "COOPERATE" not in types(evs), shown(evs)
