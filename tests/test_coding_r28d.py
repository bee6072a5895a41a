"""r28d: conditional escalations, continued detentions, vessels chasing crews away, and
re-imposed sanctions (twenty-eighth round; findings of two analysts' trials). Every
sentence here was written for these tests.

1. A build-up a party announces as the price of another party's act ("will resume
   missile tests if the drills go ahead") is THREATEN with no mode
   (``event:conditional-escalation-is-threat``; annotation guide section 4, the train
   gold's conditional counter-moves). Plain future and past acts, and bare forecasts,
   stay MOBILIZE.
2. A passive detention that "will continue" is ongoing: COERCE with no ``future``, not
   renamed THREATEN (``event:continued-detention-is-ongoing``; the train gold labels
   such a detention COERCE arrest with no aux mode).
3. Vessels chasing fishermen or a crew away are COERCE restrict, as chasing off their
   boats is (``frame:vessels-chasing-off-crews-is-restriction``; guide 11.14); the
   non-agent filter keeps dropping what a storm drives away.
4. "reimpose" is a sibling of "impose": re-imposed sanctions are a SANCTION, and a
   warning that they would be re-imposed is THREATEN.
"""

from __future__ import annotations

import pytest

from conftest import happened, of_type, shown

pytestmark = pytest.mark.slow


# ------------------------------------------------------------ 1. conditional escalation

@pytest.mark.parametrize("text", [
    "North Korea will resume missile tests if the joint drills go ahead, its defence ministry said.",
    "Caracas said it would deploy more warships to the strait unless the blockade ends.",
])
def test_conditional_build_up_is_threat(code_text, text):
    evs = code_text(text)
    got = of_type(evs, "THREATEN")
    assert got[0].mode is None and got[0].aux_modes == [], shown(evs)
    assert "event:conditional-escalation-is-threat" in got[0].rules, shown(evs)
    assert "MOBILIZE" not in {e.event_type for e in evs}, shown(evs)


def test_plain_future_build_up_stays_mobilize(code_text):
    evs = code_text("North Korea will resume missile tests next month.")
    got = of_type(evs, "MOBILIZE")
    assert got[0].aux_modes == ["future"], shown(evs)
    assert "THREATEN" not in {e.event_type for e in evs}, shown(evs)


def test_past_build_up_stays_mobilize(code_text):
    evs = code_text("North Korea resumed missile tests on Sunday.")
    assert "MOBILIZE" in happened(evs), shown(evs)
    assert "THREATEN" not in {e.event_type for e in evs}, shown(evs)


def test_forecast_build_up_is_no_threat(code_text):
    evs = code_text("If talks fail, troops could be deployed to the border, analysts say.")
    assert "THREATEN" not in {e.event_type for e in evs}, shown(evs)


def test_plain_warning_stays_threat(code_text):
    evs = code_text("The army warned it would use force to clear the highway blockade.")
    assert "THREATEN" in happened(evs), shown(evs)


# ------------------------------------------------------------ 2. continued detention

def test_continued_detention_is_ongoing_arrest(code_text):
    evs = code_text("The reporter will continue to be wrongfully detained, the embassy said.")
    got = of_type(evs, "COERCE")
    assert got[0].mode == "arrest" and got[0].aux_modes == [], shown(evs)
    assert "THREATEN" not in {e.event_type for e in evs}, shown(evs)


def test_announced_detention_by_its_actor_stays_threat(code_text):
    evs = code_text("Police will continue to detain protesters who block roads, the minister said.")
    assert "THREATEN" in {e.event_type for e in evs}, shown(evs)


# ------------------------------------------------------------ 3. vessels chasing crews away

@pytest.mark.parametrize("text, recipient", [
    ("Two Turkish patrol boats chased the Greek fishermen away from the islet on Tuesday.", "GRC"),
    ("Vietnamese fishermen said Chinese militia boats chased them away from the reef on Sunday.", "VNM"),
])
def test_vessels_chasing_crews_away_is_restriction(code_text, text, recipient):
    evs = code_text(text)
    got = [e for e in of_type(evs, "COERCE") if e.mode == "restrict"]
    assert got, shown(evs)
    assert [r.country for r in got[0].recipient] == [recipient], shown(evs)


def test_chase_reported_by_the_crew_is_claimed_by_them(code_text):
    evs = code_text("Vietnamese fishermen said Chinese militia boats chased them away from the reef on Sunday.")
    got = [e for e in of_type(evs, "COERCE") if e.mode == "restrict"]
    assert [c.country for c in got[0].claimed_by] == ["VNM"], shown(evs)
    assert [a.country for a in got[0].actor] == ["CHN"], shown(evs)


def test_storm_driving_boats_away_is_no_event(code_text):
    evs = code_text("A storm drove the fishing boats away from the harbour.")
    assert not evs, shown(evs)


# ------------------------------------------------------------ 4. re-imposed sanctions

def test_reimposed_sanctions_are_sanction(code_text):
    evs = code_text("Washington reimposed sanctions on Caracas on Friday.")
    assert "SANCTION" in happened(evs), shown(evs)


def test_warned_reimposition_is_threat(code_text):
    evs = code_text("The African Union lifted the sanctions on Guinea but warned that they would be "
                    "reimposed if the junta failed to hold elections by December.")
    types = happened(evs)
    assert {"CONCEDE", "THREATEN"} <= types, shown(evs)
    assert of_type(evs, "THREATEN")[0].mode == "restrict", shown(evs)
