"""A story's main act missed or under the threshold (r20m, a fresh user's trial of long
stories): sanctions packages adopted, talks suspended, coups, goods stopped from entering
a place, responses "at a time of its choosing", deeds called "a warning to" a party, and
joint patrols scheduled.

Each kind is read by a rule of ``data/rules/*.jsonl`` named in the event's ``rules``; the
rare kinds' rules carry a ``prior`` so the default output (threshold 0.4) reports them.
Near misses must not change. All sentences are the team's own."""

from __future__ import annotations

import pytest

from conftest import happened, shown, happened_of_type as _typed


# --- sanctions packages: SANCTION discontinue (annotation guide section 5) -------------

@pytest.mark.parametrize("text,recipient", [
    ("The European Union adopted a new package of sanctions against Belarus on Monday.", "BLR"),
    ("Canadian ministers unveiled a fresh round of sanctions on Iran on Tuesday.", "IRN"),
    ("London approved a fresh set of sanctions against Venezuelan officials.", "VEN"),
])
def test_adopted_sanctions_package_is_sanction(default_code, text, recipient):
    evs = default_code(text)
    sanc = _typed(evs, "SANCTION", "discontinue")
    assert sanc and "frame:adopted-sanctions-package-is-sanction" in sanc[0].rules, shown(evs)
    assert sanc[0].confidence >= 0.4
    assert recipient in [r.country for r in sanc[0].recipient], [r.text for r in sanc[0].recipient]


@pytest.mark.parametrize("text", [
    "The cabinet approved a package of sanctions relief for Syria.",
    "The council adopted a package of economic reforms on Monday.",
])
def test_relief_and_other_packages_are_no_sanction(default_code, text):
    evs = default_code(text)
    assert "SANCTION" not in happened(evs), shown(evs)


# --- suspended talks: SANCTION withdraw (annotation guide section 3) -------------------

@pytest.mark.parametrize("text", [
    "The government suspended peace talks with the rebel alliance on Friday after an ambush that killed 12 soldiers.",
    "President Ortega froze negotiations with the opposition coalition.",
])
def test_suspended_talks_is_withdrawal(default_code, text):
    evs = default_code(text)
    sanc = _typed(evs, "SANCTION", "withdraw")
    assert sanc and "sense:suspended-talks-is-withdrawal" in sanc[0].rules, shown(evs)
    assert sanc[0].confidence >= 0.4


def test_suspended_electoral_process_is_no_withdrawal_from_talks(default_code):
    evs = default_code("The junta seized power on Monday, suspending the electoral process.")
    assert not any("sense:suspended-talks-is-withdrawal" in e.rules for e in evs), shown(evs)


def test_suspended_aid_stays_discontinue(default_code):
    evs = default_code("The United States suspended aid to Mali after the coup.")
    assert _typed(evs, "SANCTION", "discontinue"), shown(evs)


# --- coups: ASSAULT, and the detention beside them COERCE arrest -----------------------

@pytest.mark.parametrize("text", [
    "Army officers seized power in Niamey on Thursday, detaining the president at his residence.",
    "Mutinous troops took power in Libreville overnight and placed the president under house arrest.",
])
def test_seized_power_is_coup_and_detention_is_arrest(default_code, text):
    evs = default_code(text)
    coup = _typed(evs, "ASSAULT")
    assert coup and "frame:seized-power-is-coup" in coup[0].rules, shown(evs)
    assert coup[0].confidence >= 0.4 and coup[0].mode is None
    assert _typed(evs, "COERCE", "arrest"), shown(evs)
    assert not _typed(evs, "COERCE", "seize"), shown(evs)


@pytest.mark.parametrize("text", [
    "The army overthrew the elected government of Burkina Faso on Friday.",
    "Rebel officers ousted President Keita in a coup on Tuesday.",
])
def test_overthrown_government_is_coup(default_code, text):
    evs = default_code(text)
    coup = _typed(evs, "ASSAULT")
    assert coup and "frame:overthrown-government-is-coup" in coup[0].rules, shown(evs)
    assert "ACCUSE" not in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The opposition party took power after winning the election.",
    "Lawmakers ousted the prime minister in a confidence vote.",
    "The new president assumed power in a ceremony on Sunday.",
])
def test_peaceful_transfers_are_no_coup(default_code, text):
    evs = default_code(text)
    assert "ASSAULT" not in happened(evs), shown(evs)


# --- goods stopped from entering a place: COERCE withhold ------------------------------

@pytest.mark.parametrize("text", [
    "The army halted the entry of food and fuel into the besieged enclave on Monday.",
    "Authorities stopped fuel shipments into the rebel-held province.",
    "The militia blocked the flow of medicine into the northern districts.",
])
def test_halted_supplies_into_a_place_is_withholding(default_code, text):
    evs = default_code(text)
    co = _typed(evs, "COERCE", "withhold")
    assert co and "frame:halted-supplies-into-a-place-is-withholding" in co[0].rules, shown(evs)
    assert co[0].confidence >= 0.4


@pytest.mark.parametrize("text", [
    "The government halted the import of Chinese steel.",
    "Germany halted arms deliveries to Riyadh.",
])
def test_trade_and_own_aid_cuts_are_no_withholding(default_code, text):
    evs = default_code(text)
    assert not _typed(evs, "COERCE", "withhold"), shown(evs)


# --- warnings of a response: THREATEN -----------------------------------------------

@pytest.mark.parametrize("text", [
    "Tehran said it would retaliate at a time and place of its choosing.",
    "The defence minister said Ankara reserved the right to respond at a time of its own choosing.",
])
def test_response_at_a_time_of_its_choosing_is_threat(default_code, text):
    evs = default_code(text)
    thr = _typed(evs, "THREATEN", "violence")
    assert thr and "frame:response-at-a-time-of-its-choosing-is-threat" in thr[0].rules, shown(evs)
    assert thr[0].confidence >= 0.4
    assert "ASSAULT" not in happened(evs), shown(evs)


def test_deed_called_a_warning_is_the_speakers_threat(default_code):
    evs = default_code("The North Korean leader said the missile test was a warning to the American forces in the region.")
    thr = _typed(evs, "THREATEN")
    assert thr and "frame:act-called-a-warning-is-threat" in thr[0].rules, shown(evs)
    assert [a.country for a in thr[0].actor] == ["PRK"], [a.text for a in thr[0].actor]
    assert [r.country for r in thr[0].recipient] == ["USA"], [r.text for r in thr[0].recipient]


@pytest.mark.parametrize("text", [
    "His arrest served as a warning to other journalists.",
    "The weather service issued a warning to residents of the coast.",
])
def test_other_warnings_are_no_deed_called_a_warning(default_code, text):
    evs = default_code(text)
    assert not any("frame:act-called-a-warning-is-threat" in e.rules for e in evs), shown(evs)


# --- joint patrols: COOPERATE, scheduled ones COOPERATE + future -----------------------

def test_scheduled_joint_patrol_is_cooperation_with_future(default_code):
    evs = default_code("Japan and Australia will hold joint naval patrols in the strait next month, officials said.")
    co = [e for e in evs if e.event_type == "COOPERATE"]
    assert co and "sense:joint-patrol-is-cooperation" in co[0].rules, shown(evs)
    assert co[0].aux_modes == ["future"] and co[0].confidence >= 0.4
    assert "AGREE" not in happened(evs), shown(evs)


def test_past_joint_patrol_is_cooperation(default_code):
    evs = default_code("Vietnam and Cambodia held joint border patrols last week.")
    co = _typed(evs, "COOPERATE")
    assert co and co[0].confidence >= 0.4, shown(evs)
    assert sorted(a.country for a in co[0].actor) == ["KHM", "VNM"]


def test_single_country_patrol_is_no_cooperation(default_code):
    evs = default_code("The coast guard patrolled the disputed waters on Sunday.")
    assert "COOPERATE" not in happened(evs), shown(evs)
