"""Eighteenth round, r18c: diplomatic and judicial acts the default output missed or
mistyped. Every sentence here is new (written for these tests, no corpus or evaluation
text); each kind has sentences that failed before its change and near-misses that must
not change."""

from __future__ import annotations

import pytest

from conftest import happened, shown


def _types(events):
    return {(e.event_type, e.mode) for e in events}


# --- stated readiness to talk or cooperate is AGREE; its denial is REJECT -------------
# annotation guide, AGREE ("stated readiness (ready to resume talks)") and section 5

@pytest.mark.parametrize("text", [
    "Caracas said it was ready to resume negotiations with the opposition in Oslo.",
    "The Sudanese army said it was prepared to hold talks with the paramilitary group.",
    "Pyongyang reaffirmed its willingness to hold talks with Seoul.",
])
def test_readiness_to_talk_is_agreement(code_text, text):
    ev = code_text(text)
    assert "AGREE" in happened(ev) and "CONSULT" not in happened(ev), shown(ev)


@pytest.mark.parametrize("text", [
    "Caracas said it was ready to resume negotiations with the opposition in Oslo.",
    "Pyongyang reaffirmed its willingness to hold talks with Seoul.",
])
def test_readiness_to_talk_is_kept_by_default(default_code, text):
    ev = default_code(text)
    assert "AGREE" in happened(ev) and "CONSULT" not in happened(ev), shown(ev)


@pytest.mark.parametrize("text,mode", [
    ("The rebel delegation said it was not willing to negotiate with the junta.", "meet"),
    ("The militia said it was not prepared to pull its fighters out of the port.", "yield"),
])
def test_denied_readiness_is_rejection(code_text, text, mode):
    ev = code_text(text)
    assert ("REJECT", mode) in _types(ev) and "AGREE" not in happened(ev), shown(ev)


@pytest.mark.parametrize("text,kind", [
    # a plan or a schedule is no statement of readiness; a schedule stays CONSULT + future, a
    # party's plan to meet is AGREE (guide section 5, CONSULT ambiguities: future meetings are
    # AGREE; r25k's sense:offered-meeting-is-no-meeting), so no kind is asserted for it
    ("The Chilean foreign minister plans to hold talks with his Peruvian counterpart in May.", None),
    ("The envoy is due to meet the Somali president on Friday.", "CONSULT"),
    # readiness to fight is no cooperation
    ("The rebels said they were ready to attack the garrison.", None),
])
def test_plans_and_threats_are_not_readiness(code_text, text, kind):
    ev = code_text(text)
    assert not any("readiness" in r for e in ev for r in e.rules), shown(ev)
    if kind:
        assert any(e.event_type == kind and "future" in e.aux_modes for e in ev), shown(ev)


# --- a court's prison sentence: SANCTION convict and COERCE arrest --------------------
# annotation guide, section 5 ("court sentences someone to prison: two events"); COERCE
# arrest includes prison sentences; a fine, a death sentence or a suspended one: convict only

@pytest.mark.parametrize("text", [
    "A court in Rabat sentenced the rapper to four years in prison on Tuesday.",
    "An appeals court sentenced the former minister to 30 months.",
    "The tribunal condemned the two activists to seven years in jail.",
    "The regime handed long prison sentences to the striking dockers.",
])
def test_prison_sentence_is_conviction_and_imprisonment(code_text, text):
    ev = code_text(text)
    assert {"SANCTION", "COERCE"} <= happened(ev), shown(ev)
    assert any(e.event_type == "COERCE" and e.mode == "arrest" for e in ev), shown(ev)


@pytest.mark.parametrize("text", [
    "A court in Rabat sentenced the rapper to four years in prison on Tuesday.",
    "The tribunal condemned the two activists to seven years in jail.",
])
def test_prison_sentence_is_kept_by_default(default_code, text):
    ev = default_code(text)
    assert {"SANCTION", "COERCE"} <= happened(ev), shown(ev)


@pytest.mark.parametrize("text", [
    "A court in Lagos sentenced the banker to a fine of two million naira.",
    "The judge gave the protester a suspended sentence.",
    "A military court sentenced the three officers to death.",
    "The appeals court convicted the former mayor of fraud.",
])
def test_other_penalties_are_conviction_only(code_text, text):
    ev = code_text(text)
    assert "SANCTION" in {e.event_type for e in ev}, shown(ev)
    assert not any(e.event_type == "COERCE" for e in ev), shown(ev)


@pytest.mark.parametrize("text", [
    "The foreign ministry condemned the arrest of the two reporters.",
    "Human rights groups condemned the sentences given to the students.",
])
def test_verbal_condemnation_stays_accusation(code_text, text):
    ev = code_text(text)
    assert "ACCUSE" in happened(ev) and not any("condemned-to-a-penalty" in r for e in ev for r in e.rules), shown(ev)


# --- withheld permission to enter is a refusal: REJECT, not RETREAT access + negation --
# annotation guide, RETREAT access (letting observers or aid workers in); section 4
# (a refusal is REJECT); section 5 (barring a group from entering is REJECT)

@pytest.mark.parametrize("text", [
    "The military government would not allow UN observers into the disputed province.",
    "The interior ministry did not allow the aid workers into the refugee camp.",
    "The regime would not admit the IAEA inspectors to the plant.",
])
def test_withheld_entry_is_rejection(code_text, text):
    ev = code_text(text)
    assert any(e.event_type == "REJECT" and not e.aux_modes for e in ev), shown(ev)
    assert "RETREAT" not in {e.event_type for e in ev}, shown(ev)


def test_withheld_entry_is_kept_by_default(default_code):
    # the rebuilt gate gives the renamed act 0.39; the renaming rule's prior (0.5, r22a)
    # keeps it over the threshold 0.425
    ev = default_code("The authorities would not allow foreign observers into the country.")
    assert "REJECT" in happened(ev), shown(ev)


@pytest.mark.parametrize("text", [
    # granting access stays RETREAT access
    "The government allowed international observers into the polling stations.",
    "Kinshasa admitted the UN inspectors to the mine on Monday.",
])
def test_granted_entry_stays_access(code_text, text):
    ev = code_text(text)
    assert ("RETREAT", "access") in _types(ev) and "REJECT" not in happened(ev), shown(ev)


# --- suspending, banning or closing media is COERCE censor, with the regulator as actor -
# annotation guide, COERCE censor ("censorship, blocking media or websites")

@pytest.mark.parametrize("text", [
    "The broadcasting regulator suspended the transmissions of two Russian channels on Friday.",
    "The military council banned the country's oldest magazine.",
    "Authorities in Managua closed three independent outlets this week.",
])
def test_media_suspension_is_censorship(code_text, text):
    ev = code_text(text)
    assert ("COERCE", "censor") in _types(ev), shown(ev)
    assert all(e.actor for e in ev if e.event_type == "COERCE"), [(e.event_type, e.actor) for e in ev]


def test_media_suspension_is_kept_by_default(default_code):
    ev = default_code("The regulator suspended the broadcasts of the Qatari channel.")
    assert any(e.event_type == "COERCE" and e.actor for e in ev), shown(ev)


@pytest.mark.parametrize("text,kind", [
    ("The European Union suspended aid to the junta.", "SANCTION"),
    ("The ministry suspended the nuclear program for a year.", None),
])
def test_other_suspensions_are_not_censorship(code_text, text, kind):
    ev = code_text(text)
    assert ("COERCE", "censor") not in _types(ev), shown(ev)
    if kind:
        assert kind in happened(ev), shown(ev)


# --- joint exercises told in the future are a schedule: COOPERATE + future, not AGREE ---
# annotation guide, section 4 ("troops will hold drills next week": future); COOPERATE
# (joint military exercises)

@pytest.mark.parametrize("text", [
    "Kenyan and Ugandan troops will hold joint exercises near Lake Victoria next month.",
    "The Greek and French navies will hold joint exercises in the Aegean on Monday.",
])
def test_scheduled_joint_exercise_is_cooperation_future(code_text, text):
    ev = code_text(text)
    assert any(e.event_type == "COOPERATE" and "future" in e.aux_modes for e in ev), shown(ev)
    assert "AGREE" not in {e.event_type for e in ev}, shown(ev)


@pytest.mark.parametrize("text", [
    # promised help and an agreement to exercise stay AGREE
    "Japan will provide the quake-hit prefectures with emergency food aid.",
    "The two defence ministers agreed to hold joint exercises next year.",
])
def test_promises_stay_agreement(code_text, text):
    ev = code_text(text)
    assert "AGREE" in happened(ev), shown(ev)


# --- withdrawing from an organisation, treaty or talks is SANCTION withdraw ------------
# annotation guide, SANCTION withdraw ("withdrawing from an organisation, treaty, mission
# or talks"); troops leaving a place stay RETREAT withdraw

@pytest.mark.parametrize("text", [
    "Niger withdrew from the West African regional bloc in January.",
    "The Nicaraguan government withdrew from the Organization of American States.",
    "Opposition parties withdrew from the national dialogue on Thursday.",
])
def test_withdrawal_from_a_body_is_sanction(code_text, text):
    ev = code_text(text)
    assert ("SANCTION", "withdraw") in _types(ev) and "RETREAT" not in {e.event_type for e in ev}, shown(ev)


@pytest.mark.parametrize("text", [
    "Ukrainian troops withdrew from the eastern town of Avdiivka.",
    "The rebels withdrew their fighters from two districts.",
])
def test_military_withdrawal_stays_retreat(code_text, text):
    ev = code_text(text)
    assert ("RETREAT", "withdraw") in _types(ev) and "SANCTION" not in {e.event_type for e in ev}, shown(ev)


# --- an exchange of prisoners or hostages is RETREAT release, not COOPERATE ------------
# annotation guide, RETREAT release ("releasing prisoners, hostages or detainees")

@pytest.mark.parametrize("text", [
    "The rebels and the government exchanged dozens of detainees in Aden.",
    "Hezbollah and Israel exchanged the remains of captured soldiers.",
])
def test_exchanged_captives_are_release(every_candidate, text):
    # the rule layer read it already (sense:prisoner-swap-is-release); the gate dropped it
    # (RETREAT under its floor) until the rule said the exchange is the same act
    ev = every_candidate(text)
    assert ("RETREAT", "release") in _types(ev) and "COOPERATE" not in {e.event_type for e in ev}, shown(ev)


@pytest.mark.parametrize("text", [
    "The two foreign ministers exchanged views on the border dispute.",
    "Indian and Pakistani troops exchanged fire along the line of control.",
])
def test_other_exchanges_are_not_release(code_text, text):
    ev = code_text(text)
    assert "RETREAT" not in {e.event_type for e in ev}, shown(ev)
