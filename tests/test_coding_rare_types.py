"""The rarest PLOVER types, coded by the rule layer (issue 16, macro F1).

Each case is a kind of CONCEDE, COOPERATE or RETREAT sentence that the rule layer gave a
wrong type or a false event before, written by the team (never copied from an evaluation
file or the corpus): declared truces and suspended attacks are CONCEDE, lifted or revoked
sanctions and decrees CONCEDE, promised releases CONCEDE, regret about an act ACCUSE,
"allow" without a concession and "to end the war" no event, talked-up cooperation AGREE.
The rule layer alone is tested (``model=None``): the learned layer takes its output as
features and is retrained on it.
"""

from __future__ import annotations

import pytest


pytestmark = pytest.mark.slow


def _events(code_text, text: str) -> list:
    """The rule layer's events of ``text`` (the shared ``code_text`` fixture)."""
    return code_text(text, pub_date="2025-03-01")


def _types(code_text, text: str) -> dict[str, list[str]]:
    """Trigger -> event types of the sentence (rules that made them are checked separately)."""
    out: dict[str, list[str]] = {}
    for e in _events(code_text, text):
        out.setdefault(e.trigger, []).append(e.event_type)
    return out


@pytest.mark.parametrize("text,trigger", [
    ("The rebel command declared a unilateral truce for the Easter week.", "declared truce"),
    ("The insurgents decreed a ceasefire in the northern provinces on Monday.", "decreed ceasefire"),
    ("The militia proclaimed a truce with the government forces after the talks.", "proclaimed truce"),
])
def test_declared_truce_is_concession(code_text, text, trigger):
    evs = [e for e in _events(code_text, text) if e.trigger == trigger]
    assert [e.event_type for e in evs] == ["CONCEDE"]
    assert "sense:declared-truce-is-concession" in evs[0].rules


def test_observed_truce_stays_retreat(code_text):
    types = _types(code_text, "Both armies observed the truce along the river on Sunday.")
    assert "CONCEDE" not in {t for ts in types.values() for t in ts}


@pytest.mark.parametrize("text", [
    "The guerrilla front suspended its attacks on town halls to help the peace talks.",
    "The separatists called off their bombing campaign against the railways.",
    "The militia suspended all military operations in the north on Friday.",
])
def test_suspended_attacks_are_concession(code_text, text):
    evs = [e for e in _events(code_text, text) if e.event_type == "CONCEDE"]
    assert evs and "sense:suspended-attacks-is-concession" in evs[0].rules
    assert not [e for e in _events(code_text, text) if e.event_type == "RETREAT"]


def test_halted_offensive_stays_retreat_ceasefire(code_text):
    evs = _events(code_text, "The army halted its offensive in the eastern hills.")
    assert [(e.event_type, e.mode) for e in evs] == [("RETREAT", "ceasefire")]


@pytest.mark.parametrize("text", [
    "Ending gender-based violence is a priority of the new ministry.",
    "The summit is part of the effort to end the war in the region.",
])
def test_ending_violence_as_an_aim_is_no_retreat(code_text, text):
    assert not [e for e in _events(code_text, text) if e.event_type in ("RETREAT", "CONCEDE")]


@pytest.mark.parametrize("text", [
    "The rebel group promised to release the kidnapped engineer within days.",
    "The junta pledged to free all political prisoners by June.",
])
def test_promised_release_is_concession(code_text, text):
    evs = _events(code_text, text)
    assert [e.event_type for e in evs] == ["CONCEDE"], [(e.event_type, e.rules) for e in evs]
    assert "fold:promised-retreat-is-concession" in evs[0].rules


def test_agreed_release_stays_agree(code_text):
    evs = _events(code_text, "The two sides agreed to release their prisoners next week.")
    assert "AGREE" in {e.event_type for e in evs} and "CONCEDE" not in {e.event_type for e in evs}


@pytest.mark.parametrize("text,trigger", [
    ("The European Union lifted its oil embargo on the country.", "lifted"),
    ("The president suspended the new tariffs on steel from Brazil.", "suspended"),
    ("The treasury removed sanctions on two shipping firms in June.", "removed sanctions"),
])
def test_lifted_sanctions_are_concession(code_text, text, trigger):
    evs = [e for e in _events(code_text, text) if e.trigger == trigger]
    assert [e.event_type for e in evs] == ["CONCEDE"], [(e.event_type, e.rules) for e in evs]


def test_imposed_sanctions_stay_sanction(code_text):
    types = {e.event_type for e in _events(code_text, "The treasury imposed sanctions on two shipping firms.")}
    assert types == {"SANCTION"}


@pytest.mark.parametrize("text,trigger", [
    ("The interior ministry revoked the decree that banned street vendors.", "revoked"),
    ("The parliament repealed the emergency law on Tuesday.", "repealed"),
    ("The department rescinded the terrorist designation of the former rebel movement.", "rescinded"),
])
def test_revoked_measure_is_concession(code_text, text, trigger):
    evs = [e for e in _events(code_text, text) if e.trigger == trigger]
    assert [e.event_type for e in evs] == ["CONCEDE"], [(e.event_type, e.rules) for e in _events(code_text, text)]


def test_revoked_visa_is_no_concession(code_text):
    assert not [e for e in _events(code_text, "The consulate revoked the journalist's visa.")
                if e.event_type == "CONCEDE"]


@pytest.mark.parametrize("text", [
    "The opposition party regretted the army's decision to close the border.",
    "The bishops regretted the shelling of the refugee camp.",
])
def test_regret_about_an_act_is_disapproval(code_text, text):
    evs = [e for e in _events(code_text, text) if e.trigger.lower().startswith("regret")]
    assert [(e.event_type, e.mode) for e in evs] == [("ACCUSE", "disapprove")]


def test_regret_to_inform_is_no_event(code_text):
    evs = _events(code_text, "The station regrets to inform its listeners that the concert is cancelled.")
    assert not [e for e in evs if e.trigger.lower().startswith("regret")]


@pytest.mark.parametrize("text", [
    "The new rules allow banks to charge higher fees.",
    "Only accredited journalists are allowed to enter the court.",
    "This funding will allow the clinic to hire more nurses.",
])
def test_enabling_allow_is_no_concession(code_text, text):
    assert not [e for e in _events(code_text, text) if e.event_type == "CONCEDE"]


@pytest.mark.parametrize("text", [
    "The military government will allow the UN envoy to enter the country.",
    "The authorities decided to allow the relief flights to proceed to the capital.",
])
def test_allowed_entry_stays_concession(code_text, text):
    assert "CONCEDE" in {e.event_type for e in _events(code_text, text)}


@pytest.mark.parametrize("text", [
    "The foreign ministers emphasized their close cooperation on maritime security.",
    "The two leaders discussed ways to deepen their partnership in energy.",
])
def test_talked_up_cooperation_is_no_material_cooperation(code_text, text):
    evs = _events(code_text, text)
    assert "COOPERATE" not in {e.event_type for e in evs}


def test_extradition_stays_cooperation(code_text):
    evs = _events(code_text, "Panama extradited the arms dealer to the United States on Friday.")
    assert [e.event_type for e in evs] == ["COOPERATE"]


def test_returned_fire_is_fighting(code_text):
    evs = _events(code_text, "The sentries returned fire when the convoy was ambushed.")
    assert "RETREAT" not in {e.event_type for e in evs}
    assert any(e.event_type == "ASSAULT" and "sense:returned-fire-is-fighting" in e.rules for e in evs)


def test_press_release_is_no_retreat(code_text):
    evs = _events(code_text, "The full list of the designated firms is in the ministry's press release.")
    assert "RETREAT" not in {e.event_type for e in evs}


def test_sought_release_is_hypothetical(code_text):
    evs = [e for e in _events(code_text, "Diplomats are working quietly to secure the release of the detained reporter.")
           if e.event_type == "RETREAT"]
    assert [e.aux_modes for e in evs] == [["hypothetical"]]
    assert "aux:sought-release-is-hypothetical" in evs[0].rules


def test_release_seen_stays_retreat(code_text):
    evs = _events(code_text, "The three-day truce saw the release of forty prisoners.")
    assert ("RETREAT", []) in [(e.event_type, e.aux_modes) for e in evs]


def test_secured_release_stays_retreat(code_text):
    evs = _events(code_text, "Oman secured the release of three foreign sailors on Tuesday.")
    assert [(e.event_type, e.mode) for e in evs] == [("RETREAT", "release")]


@pytest.mark.parametrize("text", [
    "Riot police patrolled the city centre through the night.",
    "Air force helicopters were overflying the southern suburbs.",
    "The army stepped up security around the electoral commission.",
    "The coast guard increased vigilance along the northern beaches.",
])
def test_raised_guard_is_mobilization(code_text, text):
    assert "MOBILIZE" in {e.event_type for e in _events(code_text, text)}


@pytest.mark.parametrize("text", [
    "The ministers discussed ways to increase the region's food security.",
    "The summit aims to strengthen energy security in Europe.",
])
def test_security_policy_is_no_mobilization(code_text, text):
    assert "MOBILIZE" not in {e.event_type for e in _events(code_text, text)}


def test_lifted_sanctions_are_no_sanction_on_another_word():
    # the sense rule turns SANCTION down for the sentence (effect turn_down), so the
    # learned pass does not propose one on the noun "sanctions" (the default pipeline)
    import tidings

    df = tidings.code("The European Union also lifted its economic sanctions on Syria.", pub_date="2022-05-10")
    assert list(df.event_type) == ["CONCEDE"]
