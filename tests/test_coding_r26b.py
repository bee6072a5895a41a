"""r26b: type and mode findings an analyst met (twenty-sixth round). Every sentence here
was written for these tests.

1. A denied claim whose act is a noun framed by a support verb ("denied reports that
   mercenaries had taken part in a raid") is left unlabelled like a verb act
   (``filter:denied-claim-is-not-labelled``, was ``aux:denied-claim`` until r29b;
   predicate ``denied_claim``); the denial stays REJECT.
2. THREATEN's mode is the threatened act's content by its type and mode
   (``tables.yaml`` ``threaten_mode_of_act``): arrest -> arrest, expulsion or
   deportation -> expel (PLOVER manual, THREATEN modes).
3. Ending one's own siege, occupation or offensive is RETREAT
   (``sense:ended-siege-is-retreat``), ending a curfew CONCEDE
   (``sense:ended-curfew-is-concession``); talks ended and a war that ended are not.
4. Vessels chased away or driven off are COERCE restrict
   (``frame:chased-off-vessels-is-restriction``; annotation guide 11.14).
"""

from __future__ import annotations

import pytest

from conftest import happened, of_type, shown

pytestmark = pytest.mark.slow


# ------------------------------------------------------------ 1. denied claims

@pytest.mark.parametrize("text", [
    "The defence ministry denied reports that foreign mercenaries had taken part in a raid on the mine.",
    "The army rejected claims that its commandos had taken part in the massacre at the market.",
])
def test_denied_participation_is_not_reported(code_text, text):
    evs = code_text(text)
    assert "REJECT" in happened(evs), shown(evs)
    assert not {e.event_type for e in evs} & {"ASSAULT", "COERCE"}, shown(evs)  # not even negated (r29b)


def test_participation_told_plainly_stays(code_text):
    evs = code_text("Witnesses said foreign mercenaries had taken part in a raid on the mine.")
    assert happened(evs) & {"ASSAULT", "COERCE"}, shown(evs)


# ------------------------------------------------------------ 2. threat modes

@pytest.mark.parametrize("text, mode", [
    ("The interior minister warned that smugglers caught at the border would be arrested.", "arrest"),
    ("The governor threatened to deport the striking dock workers.", "expel"),
    ("The ministry said it would expel any foreign reporter who insulted the president.", "expel"),
    ("The general said his troops would attack any convoy crossing the river.", "violence"),
    ("The ministry threatened to impose sanctions on the neighbouring state.", "relations"),
])
def test_threat_mode_follows_the_threatened_act(code_text, text, mode):
    evs = code_text(text)
    got = of_type(evs, "THREATEN")
    assert got[0].mode == mode, shown(evs)


def test_table_lookup_by_type_and_mode():
    from tidings.coding.effects import _threaten_mode

    assert _threaten_mode({}, "COERCE", None, "arrest") == "arrest"
    assert _threaten_mode({}, "COERCE", None, "restrict") == "restrict"
    assert _threaten_mode({}, "SANCTION", None, "expel") == "expel"
    assert _threaten_mode({}, "SANCTION", None, None) == "relations"
    assert _threaten_mode({"if_unset": True}, "COERCE", "violence", "arrest") == "violence"


# ------------------------------------------------------------ 3. ending a siege

@pytest.mark.parametrize("text, etype, rule", [
    ("The militia ended its siege of the river port on Thursday.", "RETREAT", "sense:ended-siege-is-retreat"),
    ("Government troops ended their occupation of the two border villages.", "RETREAT",
     "sense:ended-siege-is-retreat"),
    ("The governor ended the nightly curfew in the mining district.", "CONCEDE", "sense:ended-curfew-is-concession"),
])
def test_ending_force_or_curfew(code_text, text, etype, rule):
    evs = code_text(text)
    got = of_type(evs, etype)
    assert rule in got[0].rules
    assert not happened(evs) & {"ASSAULT", "COERCE"}, shown(evs)


def test_ended_siege_is_kept_by_the_shipped_coder(default_code):
    evs = default_code("The militia ended its siege of the river port on Thursday.")
    assert [e.event_type for e in evs] == ["RETREAT"], shown(evs)
    assert [a.text for a in evs[0].actor] == ["The militia"]


@pytest.mark.parametrize("text", [
    "The two delegations ended the talks without a statement.",
    "The civil war ended in 2002.",
    "The truck drivers ended their blockade of the motorway.",
    "Commandos ended the hotel siege after a six-hour standoff.",
])
def test_other_endings_are_no_retreat(default_code, text):
    evs = default_code(text)
    assert "RETREAT" not in happened(evs), shown(evs)


# ------------------------------------------------------------ 4. vessels chased away

@pytest.mark.parametrize("text", [
    "A navy patrol drove off six foreign trawlers near the atoll.",
    "The coast guard chased away two fishing boats from the disputed reef.",
])
def test_chased_off_vessels_are_coerce_restrict(default_code, text):
    evs = default_code(text)
    got = [e for e in of_type(evs, "COERCE") if e.mode == "restrict"]
    assert got, shown(evs)
    assert "frame:chased-off-vessels-is-restriction" in got[0].rules
    assert "ASSAULT" not in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The farmer chased the goats away from the garden.",
    "The police chased the suspects through the market.",
])
def test_other_chases_are_no_restriction(default_code, text):
    evs = default_code(text)
    assert not [e for e in evs if e.event_type == "COERCE" and e.mode == "restrict"], shown(evs)
