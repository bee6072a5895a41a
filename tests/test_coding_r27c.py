"""r27c: PROTEST strikes named by their kind and MOBILIZE raised security measures
(docs/annotation.md PROTEST and MOBILIZE; PLOVER manual, PROTEST mode strike, MOBILIZE
"increase police alert status"). Sentences written for these tests.

sense:named-kind-of-stoppage-stays-strike: an "armed", "indefinite", "wildcat" or
"transport" strike stays a work stoppage with no labour cue in the sentence; a weapon
modifier ("armed drone strike") keeps the military reading. words.yaml labour_cues now
counts judges and magistrates. frame:raised-security-measures-are-mobilization:
"reinforced security measures", "tightened security checks" are MOBILIZE police; measures
with no guard in them ("credit controls", "safety measures") are not.
"""
import pytest


def shown(evs):
    return [(e.event_type, e.mode, e.trigger, round(e.confidence, 2), e.aux_modes) for e in evs]


def types(evs, etype):
    return [e for e in evs if e.event_type == etype and not set(e.aux_modes) & {"negation", "hypothetical"}]


STRIKES = [
    ("The rebels imposed an armed strike on the town of Huanta, and every shop stayed shut.", "PER"),
    ("The guerrillas declared an indefinite armed strike in Ayacucho on Monday.", "PER"),
    ("Dockworkers in Durban launched a wildcat strike on Monday.", "ZAF"),
    ("Bus drivers in Accra began an indefinite strike on Monday.", "GHA"),
    ("Magistrates in Sri Lanka began a strike on Monday over court security.", "LKA"),
    ("Judges in Honduras staged a strike on Tuesday, closing courts nationwide.", "HND"),
]


@pytest.mark.parametrize("text,country", STRIKES)
def test_named_kind_of_strike_is_a_work_stoppage(default_code, text, country):
    evs = default_code(text)
    pro = types(evs, "PROTEST")
    assert pro and pro[0].mode == "strike", shown(evs)
    assert not types(evs, "ASSAULT"), shown(evs)


def test_armed_strike_reads_through_the_sense_rule(traced_code):
    got, trace = traced_code("The rebels imposed an armed strike on the town of Huanta, and every shop stayed shut.")
    rules = [t["rules"] for t in trace if t["event_type"] == "PROTEST"]
    assert rules and "sense:named-kind-of-stoppage-stays-strike" in rules[0], trace


@pytest.mark.parametrize("text", [
    "An armed drone strike killed two militants in northern Mali on Friday.",
    "Israel launched a strike on a weapons depot in Syria on Sunday.",
    "The judges criticized the missile strike on the village in Yemen.",
    "An armed man opened fire before the air strike hit the town in Syria.",
])
def test_military_strikes_stay_no_protest(default_code, text):
    evs = default_code(text)
    assert not [e for e in evs if e.event_type == "PROTEST"], shown(evs)


MEASURES = [
    "Police in Lagos reinforced security measures around the stadium on Monday.",
    "Thai authorities tightened security checks at Bangkok airport on Sunday.",
    "The Turkish government has intensified control and vigilance measures at the border with Syria.",
    "Chilean police stepped up security controls on the highways to Santiago on Friday.",
    "The Moroccan interior ministry beefed up security arrangements at the ports of Tangier on Sunday.",
    "Authorities in Karachi heightened security precautions around the courts on Thursday.",
]


@pytest.mark.parametrize("text", MEASURES)
def test_raised_security_measures_are_mobilization(default_code, text):
    evs = default_code(text)
    mob = types(evs, "MOBILIZE")
    assert mob and mob[0].mode == "police", shown(evs)


@pytest.mark.parametrize("text", [
    "The bank tightened its credit controls in Peru last year.",
    "Brazil intensified quality checks on beef exports on Tuesday.",
    "The ministry reinforced safety measures at the Kenyan mine after the accident.",
    "Argentina tightened currency controls on Monday to slow the fall of the peso.",
])
def test_measures_with_no_guard_are_no_mobilization(default_code, text):
    evs = default_code(text)
    assert not [e for e in evs if e.event_type == "MOBILIZE"], shown(evs)


def test_announced_security_measures_are_not_a_present_mobilization(default_code):
    # twenty-eighth round: a conditional build-up is a warning, THREATEN (annotation guide
    # section 5, announced use of force "if protesters stay"; r28d), never a done MOBILIZE
    evs = default_code("Police in Quito may tighten security measures if the protests continue.")
    assert not [e for e in evs if e.event_type == "MOBILIZE" and "hypothetical" not in e.aux_modes], shown(evs)
    assert [e for e in evs if e.event_type == "THREATEN"], shown(evs)
