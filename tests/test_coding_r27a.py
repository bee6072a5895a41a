"""r27a: ceding ground (annotation guide section 3, RETREAT: "withdrawing forces or ceding
territory"; an announced future cession is CONCEDE, section 6). 'cede' and 'relinquish' had no
lexicon entry; sense:ceded-territory-is-retreat makes a ceding verb with a ceded_ground_nouns
object RETREAT withdraw, event:announced-cession-is-concession keeps its prior when the future
renames it CONCEDE. Sentences written for these tests."""
import pytest


def shown(evs):
    return [(e.event_type, e.mode, e.trigger, e.aux_modes, [(a.text, a.country) for a in e.actor]) for e in evs]


POSITIVES = [
    # (sentence, type, trigger, actor country)
    ("Armenia ceded three districts to Azerbaijan last month.", "RETREAT", "ceded", "ARM"),
    ("Serbia relinquished the disputed territory on Tuesday.", "RETREAT", "relinquished", "SRB"),
    ("Peru handed over the enclave to Bolivia on Friday.", "RETREAT", "handed over", "PER"),
    ("The rebels surrendered two provinces to government forces on Sunday.", "RETREAT", "surrendered", None),
    ("Kenya will cede sovereignty of the two islands to Tanzania.", "CONCEDE", "cede", "KEN"),
    ("Chile will relinquish the territory next year.", "CONCEDE", "relinquish", "CHL"),
]


@pytest.mark.parametrize("text,etype,trigger,country", POSITIVES)
def test_ceded_ground_is_retreat_or_announced_concession(default_code, text, etype, trigger, country):
    evs = default_code(text)
    hit = [e for e in evs if e.trigger == trigger]
    assert hit and hit[0].event_type == etype, shown(evs)
    if etype == "RETREAT":
        assert hit[0].mode == "withdraw", shown(evs)
    if country:
        assert [a.country for a in hit[0].actor] == [country], shown(evs)


def test_passive_cession_names_the_recipient(default_code):
    evs = default_code("The province was ceded to Ecuador on Monday.")
    hit = [e for e in evs if e.trigger == "ceded"]
    assert hit and (hit[0].event_type, hit[0].mode) == ("RETREAT", "withdraw"), shown(evs)
    assert [r.country for r in hit[0].recipient] == ["ECU"], shown(evs)


CONTROLS = [
    "After the election the ruling party ceded to the opposition.",
    "The minister relinquished his post last week.",
    "The striker ceded possession near the halfway line.",
    "The company ceded market share to Chinese rivals.",
    "Farmers were handed land under the reform.",
]


@pytest.mark.parametrize("text", CONTROLS)
def test_ceding_without_ground_is_no_retreat(default_code, text):
    evs = default_code(text)
    assert not [e for e in evs if e.event_type in ("RETREAT", "CONCEDE")], shown(evs)


def test_refused_cession_is_no_concession(default_code):
    # control: a refusal to cede gives no ground
    evs = default_code("Ukraine will not cede territory to Russia.")
    assert not [e for e in evs if e.event_type in ("RETREAT", "CONCEDE")], shown(evs)


# --- a release of people that a party welcomes or praises happened: RETREAT release beside the
# welcoming verb's SUPPORT (annotation guide section 3, RETREAT release; its SUPPORT example
# "welcomed the release of the detained journalists"); triggers._praised_release,
# sense:welcomed-release-of-captives-is-retreat

RULE = "sense:welcomed-release-of-captives-is-retreat"

RELEASES = [
    "Canada applauds the release of journalist Maria Lopez by the Nicaraguan authorities.",
    "Germany hailed the release of three hostages held by Hamas on Sunday.",
    "The president praised Vietnam for the release of the imprisoned blogger.",
    "The United Nations welcomed the release of 120 detainees by the Ethiopian government on Monday.",
    "Pakistan welcomes the release of the Afghan prisoners.",
    "Kenya welcomed the release of the detained fishermen.",
]


@pytest.mark.parametrize("text", RELEASES)
def test_welcomed_release_of_people_is_retreat(default_code, text):
    evs = default_code(text)
    rel = [e for e in evs if e.trigger == "release"]
    assert rel and (rel[0].event_type, rel[0].mode) == ("RETREAT", "release"), shown(evs)
    assert RULE in rel[0].rules, shown(evs)
    # the welcoming verb keeps its own SUPPORT
    assert any(e.event_type == "SUPPORT" for e in evs), shown(evs)


def test_welcomed_release_names_its_agent_as_actor(default_code):
    evs = default_code("The United Nations welcomed the release of 120 detainees by the Ethiopian government on Monday.")
    rel = [e for e in evs if e.trigger == "release"]
    assert rel and [a.country for a in rel[0].actor] == ["ETH"], shown(evs)


@pytest.mark.parametrize("text,actor,recipient", [
    # the freed are the recipient, never the actor; the praiser never the actor
    ("Pakistan welcomes the release of the Afghan prisoners.", [], ["AFG"]),
    ("We welcome the release of President Roch Marc Christian Kabore.", [], ["BFA"]),
    ("The president praised Vietnam for the release of the imprisoned blogger.", ["VNM"], None),
    ("President Lula commended President Petro on the release of 40 political prisoners.", ["COL"], None),
])
def test_welcomed_release_parties(default_code, text, actor, recipient):
    evs = default_code(text)
    rel = [e for e in evs if e.trigger == "release"]
    assert rel and [a.country for a in rel[0].actor] == actor, shown(evs)
    if recipient is not None:
        assert [r.country for r in rel[0].recipient] == recipient, [(r.text, r.country) for r in rel[0].recipient]


NOT_RELEASES = [
    "The ministry welcomed the release of the annual human rights report.",
    "The IMF welcomed the release of the second tranche of funds.",
    "Officials welcomed the release of new trade figures.",
    "Kenya welcomed the expected release of the detained fishermen.",
    "Brazil called for the release of the detained fishermen.",
    "Kenya welcomed plans for the release of the detained fishermen.",
]


@pytest.mark.parametrize("text", NOT_RELEASES)
def test_released_things_or_awaited_releases_take_no_rule(default_code, text):
    evs = default_code(text)
    assert not [e for e in evs if RULE in e.rules], shown(evs)


# --- ending a sanctions programme is lifting sanctions, CONCEDE (annotation guide section 3,
# CONCEDE: "easing or lifting restrictions, curfews, bans or sanctions"): "terminate" and
# "retire" join sanction_pausing_verbs ("terminated" had made SANCTION withdraw)

ENDED_SANCTIONS = [
    "Japan terminated its sanctions on Iranian banks.",
    "Washington terminated the sanctions program on Zimbabwe in March.",
    "The treasury has terminated the Belarus sanctions regime.",
    "Canada retired its sanctions program against Myanmar on Friday.",
    "The European Union terminates its embargo on Libyan oil.",
    "Australia terminated the tariffs on Chinese barley last month.",
]


@pytest.mark.parametrize("text", ENDED_SANCTIONS)
def test_ended_sanctions_are_concession(default_code, text):
    evs = default_code(text)
    assert [e.event_type for e in evs if e.trigger in ("terminated", "retired", "terminates")] == ["CONCEDE"], shown(evs)
    assert not [e for e in evs if e.event_type == "SANCTION"], shown(evs)


def test_announced_end_of_sanctions_is_concession(default_code):
    evs = default_code("Canada will retire its sanctions program against Myanmar next year.")
    hit = [e for e in evs if e.trigger == "retire"]
    assert hit and hit[0].event_type == "CONCEDE" and [a.country for a in hit[0].actor] == ["CAN"], shown(evs)


@pytest.mark.parametrize("text,etype", [
    ("Brazil terminated its aid program in Haiti.", "SANCTION"),
    ("Russia terminated the gas supply contract with Moldova.", "SANCTION"),
    ("The general retired from the army in 2019.", None),
    ("Japan's prime minister retired the old trade envoy.", None),
])
def test_other_terminations_and_retirements_unchanged(default_code, text, etype):
    evs = default_code(text)
    hit = [e.event_type for e in evs if e.trigger in ("terminated", "retired")]
    assert hit == ([etype] if etype else []), shown(evs)
