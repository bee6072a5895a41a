"""Weapons tests, one-force drills, simulated acts, offered retreats and uncommon material
verbs (r29j, a fresh user's trial: user E's kinds 4, 5 and 10).

The sentences are new, written for these tests (invented or generic facts). Sources:
docs/annotation.md section 3 (MOBILIZE: "single-country exercises, weapons tests";
COOPERATE: joint exercises, "intelligence sharing", needs a partner; AID: handing over
goods, humanitarian aid, arms), 11.18 (a party offering its own retreat is CONCEDE). Each
kind has positive cases and controls (near-misses that must keep their old reading).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def _code(texts: list[str]) -> dict[str, list[tuple[str, str | None, list[str]]]]:
    """``{text: [(event_type, mode, rules)]}`` for the default output of ``tidings code``."""
    inp = "\n".join(json.dumps({"id": f"s{i}", "text": t, "pub_date": "2026-03-02"}) for i, t in enumerate(texts))
    out = subprocess.run([sys.executable, "-m", "tidings.cli", "code", "-", "--no-db", "-o", "-"],
                         input=inp, capture_output=True, text=True, check=True).stdout
    got: dict[str, list] = {t: [] for t in texts}
    for line in out.splitlines():
        e = json.loads(line)
        got[texts[int(e["story_id"][1:])]].append((e["event_type"], e["mode"], e["rules"]))
    return got


# --- kind 5: weapons tests ---------------------------------------------------------------
TESTS = [  # MOBILIZE weapons, no ASSAULT
    "The general oversaw a test-fire of a new long-range rocket on Tuesday.",
    "Iran test-launches a new solid-fuel rocket",                      # a headline, present tense
    "The army test-fired two short-range missiles off its south coast.",
    "Pyongyang fired two cruise missiles toward the Yellow Sea on Sunday.",
    "The regime launched an intermediate-range missile towards the ocean on Friday.",
]
TEST_CONTROLS = {  # a launch at a party or place, a hit on land: ASSAULT stays
    "The militia fired a missile toward Haifa on Monday.": "ASSAULT",
    "The rebels launched missiles at the airport in Aden.": "ASSAULT",
    "A missile hit a target in the suburbs of Odesa on Monday.": "ASSAULT",
    "Militia fighters fired missiles toward ships in the Red Sea.": "ASSAULT",   # the ships are the target
}
SEA_HITS = [  # a test munition hitting a target at sea: no event
    "The new rocket struck a target in the open sea 900 kilometres away.",
    "The missile accurately hit a target in the waters off the east coast.",
]

# --- kind 10: one-force drills, simulated acts, offered retreats --------------------------
ONE_FORCE_DRILLS = [  # MOBILIZE troops, no COOPERATE
    "The Iranian army began joint drills on its western border on Monday.",
    "The People's Liberation Army staged joint exercises near the strait on Friday.",
]
JOINT_CONTROLS = [  # two parties: COOPERATE stays
    "The Chinese navy held joint drills with Russia in the Sea of Japan.",
    "Egyptian and Saudi special forces staged joint drills near the Red Sea coast.",
    "The two navies held joint drills off Okinawa on Monday.",
]
SIMULATED = "The navy sent four destroyers to simulate a blockade of the harbour."
REAL_BLOCKADE = "The navy sent four destroyers to blockade the harbour."
OFFERED_RETREAT = "The rebels offered to release the two kidnapped engineers."
OFFERED_TALKS = "Costa Rica offered to host the talks in San Jose."

# --- kind 4: material acts told with uncommon verbs ---------------------------------------
RELIEF_SHIP = "A vessel carrying 9,000 tonnes of flour from UNICEF docked at Port Sudan on Monday."
TRADE_SHIP = "A ship carrying 40,000 tonnes of wheat docked at Alexandria on Monday."
ARMS_SALE = "Washington approved the sale of air defence systems to Warsaw last week."
SHARED_WITH_STATES = "The coast guard said it was sharing information with Indonesia and Australia."
SHARED_WITH_PRESS = "The minister said she had shared the information with reporters."


@pytest.fixture(scope="module")
def coded():
    return _code(TESTS + list(TEST_CONTROLS) + SEA_HITS + ONE_FORCE_DRILLS + JOINT_CONTROLS
                 + [SIMULATED, REAL_BLOCKADE, OFFERED_RETREAT, OFFERED_TALKS, RELIEF_SHIP, TRADE_SHIP,
                    ARMS_SALE, SHARED_WITH_STATES, SHARED_WITH_PRESS])


def _types(coded, text):
    return [t for t, _, _ in coded[text]]


@pytest.mark.parametrize("text", TESTS)
def test_weapons_test_is_mobilize_weapons(coded, text):
    assert ("MOBILIZE", "weapons") in [(t, m) for t, m, _ in coded[text]]
    assert "ASSAULT" not in _types(coded, text)


@pytest.mark.parametrize("text", list(TEST_CONTROLS))
def test_launch_at_a_party_stays_assault(coded, text):
    assert _types(coded, text) == [TEST_CONTROLS[text]]


@pytest.mark.parametrize("text", SEA_HITS)
def test_test_missile_hitting_a_target_at_sea_is_no_event(coded, text):
    assert _types(coded, text) == []


@pytest.mark.parametrize("text", ONE_FORCE_DRILLS)
def test_joint_drills_of_one_force_are_mobilize(coded, text):
    got = coded[text]
    assert [(t, m) for t, m, _ in got] == [("MOBILIZE", "troops")]
    assert "sense:one-force-joint-drills-are-mobilization" in got[0][2]


@pytest.mark.parametrize("text", JOINT_CONTROLS)
def test_drills_with_a_partner_stay_cooperation(coded, text):
    assert _types(coded, text) == ["COOPERATE"]


def test_simulated_blockade_is_no_coercion(coded):
    assert _types(coded, SIMULATED) == ["MOBILIZE"]
    assert "fold:simulated-purpose-keeps-the-motion" in coded[SIMULATED][0][2]
    assert ("COERCE", "restrict") in [(t, m) for t, m, _ in coded[REAL_BLOCKADE]]   # a real one


def test_offered_retreat_is_concession(coded):
    assert _types(coded, OFFERED_RETREAT) == ["CONCEDE"]
    assert "fold:promised-retreat-is-concession" in coded[OFFERED_RETREAT][0][2]
    assert _types(coded, OFFERED_TALKS) == ["AGREE"]                # an offer that is no concession


def test_relief_ship_docking_is_aid(coded):
    got = coded[RELIEF_SHIP]
    assert [t for t, _, _ in got] == ["AID"] and "sense:relief-carrier-docking-is-aid" in got[0][2]
    assert _types(coded, TRADE_SHIP) == []                           # trade, no relief


def test_sale_of_air_defence_systems_is_aid(coded):
    got = coded[ARMS_SALE]
    assert [t for t, _, _ in got] == ["AID"] and "frame:arms-sale-is-aid" in got[0][2]


def test_information_shared_with_states_is_cooperation(coded):
    got = coded[SHARED_WITH_STATES]
    assert "COOPERATE" in [t for t, _, _ in got]
    assert any("sense:information-shared-with-a-state-is-cooperation" in r for _, _, r in got)
    assert "COOPERATE" not in _types(coded, SHARED_WITH_PRESS)      # telling reporters
