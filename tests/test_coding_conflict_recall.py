"""Recall kinds of the conflict types (issue 16): sanctions designations and visa
restrictions (SANCTION), accountability and cost pledges (THREATEN), denials of a charge as
baseless or false (REJECT). Each kind was counted on the corpus train split; the sentences
here are the team's own. The rule layer is tested alone (``TIDINGS_MODEL=off``), since the
learned layer is retrained on its output."""
from __future__ import annotations

import pytest



@pytest.fixture(scope="module")
def code(code_text):
    """Code one sentence with the rule layer alone (no trigger model); returns its events
    (the shared ``code_text`` fixture, published in May 2024)."""
    return lambda text: code_text(text, pub_date="2024-05-01")


def types(events) -> set[str]:
    return {e.event_type for e in events}


@pytest.mark.parametrize("text", [
    "The Treasury is designating two Lebanese money changers pursuant to the counterterrorism order.",
    "The State Department designated the militia a Foreign Terrorist Organization on Monday.",
    "Washington designated the former minister for his involvement in significant corruption.",
])
def test_sanctions_designation_is_sanction(code, text):
    evs = [e for e in code(text) if e.event_type == "SANCTION"]
    assert evs and evs[0].mode == "discontinue"
    assert "lexicon:designate/V" in evs[0].rules


@pytest.mark.parametrize("text", [
    "The party designated its deputy leader to head the campaign in the north.",
    "Mr. Okafor has been designated the new chairman of the electoral board.",
])
def test_appointment_is_no_designation(code, text):
    assert "SANCTION" not in types(code(text))


@pytest.mark.parametrize("text", [
    "The State Department imposed visa restrictions on ten Nicaraguan officials.",
    "Canada is announcing new visa restrictions on members of the junta.",
])
def test_visa_restrictions_are_sanction(code, text):
    evs = [e for e in code(text) if e.event_type == "SANCTION"]
    assert evs and evs[0].mode == "discontinue" and "COERCE" not in types(code(text))


def test_other_restrictions_stay_coerce(code):
    assert "COERCE" in types(code("The army imposed restrictions on movement in the border towns."))


@pytest.mark.parametrize("text", [
    "The United States will hold the junta accountable for the killings.",
    "Those who ordered the massacre will be held to account, the minister said.",
    "We are working with our partners to hold Tehran accountable for the hostage taking.",
])
def test_accountability_pledge_is_threat(code, text):
    evs = code(text)
    assert "THREATEN" in types(evs) and "COERCE" not in types(evs)


def test_discussed_accountability_is_no_threat(code):
    # the pledge is only the topic of the talks: the meeting is the event
    assert types(code("The two ministers discussed efforts to hold the junta accountable.")) == {"CONSULT"}


def test_holding_people_stays_detention(code):
    assert types(code("The army held hundreds of villagers in a stadium.")) == {"COERCE"}


def test_imposed_costs_are_threat(code):
    evs = code("The allies are imposing severe costs on the junta for the coup.")
    assert types(evs) == {"THREATEN"} and evs[0].mode is None


def test_imposed_sanctions_are_no_bare_threat(code):
    assert "THREATEN" not in types(code("The European Union imposed sanctions on three generals."))


@pytest.mark.parametrize("text", [
    "The foreign ministry called the allegations baseless.",
    "The army said the reports of a massacre were completely false.",
    "The rebels termed the charges false.",
    "The accusations are groundless, the spokesman said.",
])
def test_denial_of_a_charge_is_reject(code, text):
    assert "REJECT" in types(code(text))


def test_false_in_other_senses_is_no_denial(code):
    assert "REJECT" not in types(code("The smugglers carried false passports across the border."))


@pytest.mark.parametrize("text, mode", [
    ("The opposition will not attend the talks in the capital.", "meet"),
    ("The rebel commander said his men would not negotiate with the army.", "meet"),
    ("The ministry said it would not cooperate with the inquiry commission.", "assist"),
    ("The guerrillas cannot accept the government's conditions for a truce.", "yield"),  # what is refused
    ("The junta did not accept the proposal of the regional bloc.", None),
])
def test_refused_cooperation_is_reject(code, text, mode):
    evs = code(text)
    rej = [e for e in evs if e.event_type == "REJECT"]
    assert rej and rej[0].aux_modes == [] and rej[0].mode == mode
    assert not types(evs) & {"CONSULT", "COOPERATE", "AGREE"}


@pytest.mark.parametrize("text, kind", [
    ("The minister did not meet the envoy on Tuesday.", "CONSULT"),       # a plain report
    ("Russia has not agreed to the ceasefire.", "AGREE"),                # no agreement yet
    # "failed to reach an agreement" is REJECT (annotation guide sections 4-5: "failed to
    # agree on a ceasefire"; tests/test_coding_r17e.py); "have not reached" is a plain report
    ("The two sides have not reached an agreement in Doha.", "AGREE"),
])
def test_plain_negated_report_stays_negated(code, text, kind):
    evs = [e for e in code(text) if e.event_type == kind]
    assert evs and "negation" in evs[0].aux_modes
    assert "REJECT" not in types(code(text))


@pytest.mark.parametrize("text", [
    "Police captured two drug traffickers near the port on Sunday.",
    "The cartel's financier was captured by federal agents in Cali.",
    "THE POLICE CAPTURED THE MURDERER OF THE JUDGE YESTERDAY.",
])
def test_captured_suspect_is_arrest(code, text):
    evs = [e for e in code(text) if e.event_type == "COERCE"]
    assert evs and evs[0].mode == "arrest" and "ASSAULT" not in types(code(text))


@pytest.mark.parametrize("text", [
    "The rebels captured three soldiers in the ambush.",
    "Two guerrillas were captured by the army.",
])
def test_captured_combatants_stay_assault(code, text):
    evs = [e for e in code(text) if e.event_type == "ASSAULT"]
    assert evs and evs[0].mode == "abduct"


@pytest.mark.parametrize("text", [
    "Thousands of nurses took to the streets of the capital on Friday to demand higher pay.",
    "Students poured into the streets after the election results were announced.",
])
def test_taking_to_the_streets_is_protest(code, text):
    evs = [e for e in code(text) if e.event_type == "PROTEST"]
    assert evs and evs[0].mode == "demo"


def test_taking_a_street_is_no_protest(code):
    assert code("The convoy took the coastal road to the port.") == []


@pytest.mark.parametrize("text", [
    "The bus drivers' union decreed a transportation stoppage for Monday.",
    "Dock workers staged a walkout at the port.",
])
def test_stoppage_is_strike(code, text):
    evs = [e for e in code(text) if e.event_type == "PROTEST"]
    assert evs and evs[0].mode == "strike"


@pytest.mark.parametrize("text, kind", [
    ("Mr. Banda's arrest was not a reflection of press freedom, his lawyer said.", "COERCE"),
    ("The deportation of 40 migrants took place on Monday.", "COERCE"),
    ("He worked for the smugglers until his arrest.", "COERCE"),
])
def test_act_noun_with_its_party_is_an_event(code, text, kind):
    assert kind in types(code(text))


def test_act_noun_beside_the_main_event(code):
    assert types(code("The arrest of the editor drew international condemnation.")) == {"ACCUSE", "COERCE"}


@pytest.mark.parametrize("text", [
    "A warrant was issued for his arrest.",                     # asked for, not done
    "The opposition demanded the arrest of the police chief.",  # the demand's content
    "They called for the arrest of the generals.",
])
def test_act_noun_asked_for_is_no_event(code, text):
    assert "COERCE" not in types(code(text))


@pytest.mark.parametrize("text", [
    "The rebels warned that acts of repression will not go unpunished.",
    "The United States warned that it will continue to exert pressure on Tehran.",
    "The president warned that the smugglers will face justice.",
])
def test_warning_of_punishment_is_threat(code, text):
    assert "THREATEN" in types(code(text))


def test_warning_of_a_crisis_is_speech(code):
    assert "THREATEN" not in types(code("The UN warned of a deepening hunger crisis in the north."))


@pytest.mark.parametrize("text", [
    "This public designation is made under Section 7031(c) of the appropriations act.",
    "These designations build on earlier actions by the Treasury against the network.",
])
def test_retold_designation_is_sanction(code, text):
    assert "SANCTION" in types(code(text))


def test_retold_document_noun_is_no_event(code):
    # "this agreement" names no act of the party list; only listed act nouns are retold
    assert code("This agreement is a step forward for the region.") == []
