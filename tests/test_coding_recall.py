"""Issue 16 (rule-layer recall): whole events the rule layer turned down or never saw,
by kind. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from conftest import of_type

pytestmark = pytest.mark.slow


# --- a diplomat declared persona non grata is expelled (SANCTION expel) -----------------

@pytest.mark.parametrize("text", [
    "Latvia declared a Belarusian consul persona non grata on Tuesday.",
    "The foreign ministry has declared two Iranian embassy staff personae non gratae.",
    "The military attache was declared persona non grata and given 48 hours to leave.",
    "Warsaw declared the Russian envoy persona non-grata after the incident.",
])
def test_declared_persona_non_grata_is_expulsion(code_story, text):
    ev = of_type(code_story(text), "SANCTION")[0]
    assert ev.mode == "expel"
    assert ev.trigger.split()[0] in ("declared",)
    assert "frame:declared-persona-non-grata-is-expulsion" in ev.rules


def test_persona_non_grata_belongs_to_its_own_verb(code_story):
    # the phrase is the declaring verb's, not the reporting verb's: one expulsion, by
    # "declared", with the speaker as claimant
    evs = code_story("Moscow said on Friday that it had declared the Estonian attache persona non grata.")
    sanctions = of_type(evs, "SANCTION")
    assert [e.trigger for e in sanctions] == ["declared"]


def test_persona_non_grata_without_declaring_is_no_expulsion(code_story):
    # being called unwelcome in a newspaper is no act of a state
    evs = code_story("Critics wrote that the envoy had long been persona non grata in the capital.")
    assert not [e for e in evs if e.event_type == "SANCTION"]


def test_clause_phrase_stops_at_another_verb(nlp):
    from tidings.coding.predicates import _clause_phrase
    from tidings.coding.rules import Ctx

    doc = nlp("The ministry said it had declared the consul persona non grata.")
    said = next(t for t in doc if t.lower_ == "said")
    declared = next(t for t in doc if t.lower_ == "declared")
    phrases = frozenset({"persona non grata"})
    assert _clause_phrase(Ctx(sent=doc[:], lex=None, verb=declared), phrases)
    assert not _clause_phrase(Ctx(sent=doc[:], lex=None, verb=said), phrases)


# --- two clauses joined by a semicolon are two events -----------------------------------

@pytest.mark.parametrize("text, first, second", [
    ("Police detained 14 students in Dhaka; the opposition denounced the detentions.", "COERCE", "ACCUSE"),
    ("Militants shelled a border post overnight; the army deployed two battalions to the area.",
     "ASSAULT", "MOBILIZE"),
    ("The envoy met the foreign minister in Tirana; the two sides signed a transport accord.",
     "CONSULT", "SUPPORT"),
])
def test_clause_before_a_semicolon_keeps_its_event(code_story, text, first, second):
    evs = code_story(text)
    assert of_type(evs, first) and of_type(evs, second)
    # neither clause claims the other
    assert all(not e.claimed_by for e in evs if e.event_type == first)


def test_reported_clause_without_semicolon_still_folds(code_story):
    # the complement of a governing trigger still folds into it ("refused to negotiate")
    evs = code_story("The rebels refused to negotiate with the government.")
    assert [e.event_type for e in evs] == ["REJECT"]


def test_semicolon_clause(nlp):
    from tidings.coding.syntax import semicolon_clause

    doc = nlp("Police detained 14 students in Dhaka; the opposition denounced the detentions.")
    detained = next(t for t in doc if t.lower_ == "detained")
    assert detained.dep_ == "ccomp" and semicolon_clause(detained)
    doc = nlp("The opposition said police detained 14 students in Dhaka.")
    detained = next(t for t in doc if t.lower_ == "detained")
    assert not semicolon_clause(detained)


# --- a guest received by a host is the visitor --------------------------------------------

def test_guest_received_in_the_passive_is_the_actor(code_story):
    ev = of_type(code_story("The Pakistani foreign minister was received by the Emir of Qatar in Doha on Sunday."),
                 "CONSULT")[0]
    assert ev.mode == "visit"
    assert [a.text for a in ev.actor] == ["The Pakistani foreign minister"]
    assert "the Emir of Qatar" in [r.text for r in ev.recipient][0]
    assert "structure:host-is-recipient" in ev.rules


def test_thing_received_in_the_passive_is_no_visit(code_story):
    evs = code_story("The petition was received by the electoral commission on Monday.")
    assert not [e for e in evs if e.event_type == "CONSULT"]


# --- closing, shutting or sealing a border or crossing is COERCE restrict ----------------

@pytest.mark.parametrize("text, trigger", [
    ("Uzbekistan shut the Termez crossing on Saturday.", "shut"),
    ("Troops sealed off the border with the breakaway region overnight.", "sealed"),
    ("Police sealed off the district around the parliament.", "sealed"),
])
def test_shut_or_sealed_border_is_restriction(code_story, text, trigger):
    ev = of_type(code_story(text), "COERCE")[0]
    assert ev.mode == "restrict" and ev.trigger.split()[0] == trigger


@pytest.mark.parametrize("text", [
    "The two airlines sealed the merger over a long weekend of talks.",
    "Investigators found the cash in sealed envelopes.",
    "She shut the window against the cold.",
])
def test_sealed_or_shut_thing_is_no_restriction(code_story, text):
    assert not [e for e in code_story(text) if e.event_type == "COERCE"]


# --- a reaffirmed commitment or partnership is AGREE; reaffirmed support stays SUPPORT -----

def test_reaffirmed_commitment_is_agreement(code_story):
    ev = of_type(code_story("The Ghanaian and Togolese ministers reaffirmed their commitment to the joint border patrols."),
                 "AGREE")[0]
    assert ev.trigger == "reaffirmed" and "sense:reaffirmed-commitment-is-agreement" in ev.rules
    ev = of_type(code_story("The chancellor reaffirmed the close friendship between Berlin and Vilnius."), "AGREE")[0]
    assert ev.trigger == "reaffirmed"


def test_reaffirmed_support_stays_support(code_story):
    evs = code_story("The chancellor reaffirmed Germany's support for Moldova's sovereignty.")
    assert of_type(evs, "SUPPORT") and not [e for e in evs if e.event_type == "AGREE"]


# --- the verbal act a call or meeting was for is an event of its own --------------------

@pytest.mark.parametrize("text, purpose", [
    ("The prime minister spoke today with President Boric of Chile to congratulate him on the vote.", "SUPPORT"),
    ("The foreign minister met the Turkish ambassador to condemn the detention of two reporters.", "ACCUSE"),
    ("The president spoke with the Emir of Kuwait to reaffirm the strategic partnership between the two countries.",
     "AGREE"),
])
def test_purpose_of_a_call_is_an_event(code_story, text, purpose):
    evs = code_story(text)
    assert of_type(evs, "CONSULT") and of_type(evs, purpose)


def test_meeting_to_discuss_or_to_plan_stays_one_event(code_story):
    assert [e.event_type for e in code_story("The ministers met in Accra to discuss the drought.")] == ["CONSULT"]
    evs = code_story("The commanders met to plan an attack on the garrison.")
    assert "ASSAULT" not in [e.event_type for e in evs]


# --- arms, vehicles and counted munitions handed over are AID -----------------------------

@pytest.mark.parametrize("text", [
    "Since March, Norway has delivered tens of thousands of artillery rounds to the Ukrainian army.",
    "The government handed 60 patrol vehicles to the national police; Japan supplied the radar.",
    "Cuba supplied two planes and a field hospital to Haiti.",
])
def test_delivered_arms_and_vehicles_are_aid(code_story, text):
    assert of_type(code_story(text), "AID")


def test_transfer_of_no_goods_is_still_no_aid(code_story):
    assert not [e for e in code_story("The interview gave the campaign a new energy.") if e.event_type == "AID"]


# --- a released person named by a pronoun or a plain noun is released ---------------------

@pytest.mark.parametrize("text", [
    "He was released in March after eleven months in custody.",
    "The kidnapped schoolgirls were released near Kaduna on Friday.",
    "The gang seized the businessman in Lima and released him after a ransom was paid.",
])
def test_released_person_is_release(code_story, text):
    ev = of_type(code_story(text), "RETREAT")[0]
    assert ev.mode == "release"


def test_released_thing_is_still_no_release(code_story):
    assert not [e for e in code_story("It was released in March with a new chapter.") if e.event_type == "RETREAT"]


# --- gratitude is SUPPORT -----------------------------------------------------------------

def test_grateful_to_a_party_is_support(code_story):
    ev = of_type(code_story("We are grateful to the Government of Norway for hosting the talks."), "SUPPORT")[0]
    assert "lexicon:be+grateful/P" in ev.rules and ev.trigger == "are grateful"


# --- a perfect tense the parse reads as an adjective is no epithet --------------------------

@pytest.mark.parametrize("text, etype", [
    ("Local authorities have since banned fishermen from the lake.", "COERCE"),
    ("The militia had already attacked convoys on that road.", "ASSAULT"),
])
def test_perfect_tense_is_no_epithet(code_story, text, etype):
    assert of_type(code_story(text), etype)


def test_epithet_is_still_no_event(code_story):
    evs = code_story("The detained reporters were freed on Monday.")
    assert [e.event_type for e in evs] == ["RETREAT"]


# --- a reinforced commitment is AGREE; reinforced troops stay MOBILIZE ------------------------

def test_reinforced_commitment_is_agreement(code_story):
    ev = of_type(code_story("The president reinforced our enduring commitment to the defence pact with Manila."),
                 "AGREE")[0]
    assert ev.trigger == "reinforced"


def test_reinforced_forces_stay_mobilization(code_story):
    evs = code_story("The alliance reinforced its battalions in Latvia.")
    assert of_type(evs, "MOBILIZE") and not [e for e in evs if e.event_type == "AGREE"]


def test_deployed_guardsmen_are_mobilization(code_story):
    ev = of_type(code_story("The governor deployed 800 National Guardsmen to the capital."), "MOBILIZE")[0]
    assert ev.trigger == "deployed"
