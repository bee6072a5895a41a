"""Plainly worded acts the default output missed or mistyped (r20b, a fresh user's trial):
arms sales, cut communications, blocked platforms, places seized, states quitting a body,
stolen data, protests drawn from a state, "provocation" and "blackmail" said of an act,
banned protests.

Each kind is read by a rule of ``data/rules/*.jsonl`` (the rule is named in the event's
``rules``); a rare kind's rule carries a ``prior`` so the default output (threshold 0.4)
reports it. Near misses must not change. All sentences are the team's own."""

from __future__ import annotations

import pytest

from conftest import happened, shown, happened_of_type as _typed


# --- arms sales and approved arms exports: AID (PLOVER manual, AID: "arms") ------------

@pytest.mark.parametrize("text,recipient", [
    ("Washington approved a $4 billion sale of fighter jets to Romania.", "ROU"),
    ("Madrid sold 12 frigates to Chile last year.", "CHL"),
    ("The Pentagon cleared a $900 million arms sale to Morocco.", "MAR"),
    ("Seoul sold 48 howitzers to Warsaw.", "POL"),
])
def test_arms_sale_is_aid(default_code, text, recipient):
    evs = default_code(text)
    aid = _typed(evs, "AID")
    assert aid and "frame:arms-sale-is-aid" in aid[0].rules, shown(evs)
    assert aid[0].confidence >= 0.4
    assert [r.country for r in aid[0].recipient] == [recipient], [r.text for r in aid[0].recipient]


@pytest.mark.parametrize("text", [
    "Airbus sold 40 jets to a Turkish airline.",
    "The cabinet approved the sale of the state railway company.",
    "The farmer sold his cattle at the market.",
])
def test_other_sales_are_no_aid(default_code, text):
    evs = default_code(text)
    assert "AID" not in happened(evs), shown(evs)


# --- cut communications: COERCE withhold; blocked platforms: COERCE censor -------------

@pytest.mark.parametrize("text", [
    "The authorities cut internet access across the southern province.",
    "Soldiers shut down mobile phone networks in the border districts.",
    "The junta suspended telecommunications in the rebel-held north.",
])
def test_cut_communications_is_withholding(default_code, text):
    evs = default_code(text)
    assert _typed(evs, "COERCE", "withhold"), shown(evs)
    assert "SANCTION" not in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The regulator blocked YouTube and WhatsApp during the election.",
    "Officials blocked Instagram after the riots.",
])
def test_blocked_platforms_are_censorship(default_code, text):
    evs = default_code(text)
    assert _typed(evs, "COERCE", "censor"), shown(evs)
    assert "PROTEST" not in happened(evs), shown(evs)


def test_cut_budget_is_no_withholding(default_code):
    evs = default_code("The ministry cut the budget for rural schools.")
    assert not _typed(evs, "COERCE", "withhold"), shown(evs)


# --- places seized by force: ASSAULT ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "Separatist fighters seized control of the airport on Friday.",
    "Armed rebels seized control of three army bases in the east.",
])
def test_seized_control_of_a_place_is_attack(default_code, text):
    evs = default_code(text)
    assert _typed(evs, "ASSAULT"), shown(evs)
    assert "COERCE" not in happened(evs), shown(evs)


def test_seized_drugs_stay_coercion(default_code):
    evs = default_code("Customs officers seized two tonnes of cocaine at the port.")
    assert _typed(evs, "COERCE", "seize"), shown(evs)


# --- a state quitting a court or organisation: SANCTION withdraw -----------------------

@pytest.mark.parametrize("text", [
    "Venezuela quit the Andean Community in 2006.",
    "The Gambia left the International Criminal Court.",
    "The junta pulled out of the regional economic bloc.",
    "Niger withdrew from the West African monetary union.",
])
def test_state_quitting_a_body_is_withdrawal(default_code, text):
    evs = default_code(text)
    assert _typed(evs, "SANCTION", "withdraw"), shown(evs)
    assert "RETREAT" not in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The defence lawyer left the court after the verdict.",
    "Rebel units pulled out of the town before dawn.",
])
def test_people_and_troops_leaving_are_no_sanction(default_code, text):
    evs = default_code(text)
    assert "SANCTION" not in happened(evs), shown(evs)


# --- stolen data: COERCE cyber ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hackers stole the personal data of two million taxpayers.",
    "A hacking group stole emails from the finance ministry.",
])
def test_stolen_data_is_hacking(default_code, text):
    evs = default_code(text)
    cyber = _typed(evs, "COERCE", "cyber")
    assert cyber and "cyber" in cyber[0].contexts, shown(evs)
    assert "AID" not in happened(evs), shown(evs)


def test_stolen_laptop_is_no_hacking(default_code):
    evs = default_code("Thieves stole a laptop from the minister's car.")
    assert not _typed(evs, "COERCE", "cyber"), shown(evs)


# --- a protest drawn from a state: ACCUSE; "a provocation", "blackmail": ACCUSE --------

@pytest.mark.parametrize("text", [
    "The naval drill drew a sharp protest from Seoul.",
    "The visit sparked a protest from the Chinese government.",
])
def test_protest_drawn_from_a_state_is_accusation(default_code, text):
    evs = default_code(text)
    assert _typed(evs, "ACCUSE", "disapprove"), shown(evs)
    assert "PROTEST" not in happened(evs), shown(evs)


def test_protests_drawn_from_residents_stay_protest(default_code):
    evs = default_code("The new highway drew angry protests from residents.")
    assert "PROTEST" in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "Tehran called the inspection a provocation.",
    "Caracas described the naval patrol as a provocation.",
    "The foreign ministry called the ultimatum blackmail.",
])
def test_provocation_and_blackmail_said_of_an_act_are_accusation(default_code, text):
    evs = default_code(text)
    acc = _typed(evs, "ACCUSE", "disapprove")
    assert acc and "frame:condemning-predicate-is-disapproval" in acc[0].rules, shown(evs)


def test_provocative_question_is_no_accusation_without_a_judging_verb(default_code):
    evs = default_code("The reporter asked a provocative question about the budget.")
    assert "ACCUSE" not in happened(evs), shown(evs)


# --- banned protests: COERCE restrict alone --------------------------------------------

@pytest.mark.parametrize("text", [
    "The governor banned protests in the provincial capital.",
    "Rallies were banned across the country on Friday.",
    "The police banned the opposition march.",
])
def test_banned_protest_is_no_protest(default_code, text):
    evs = default_code(text)
    assert "PROTEST" not in happened(evs), shown(evs)
    assert _typed(evs, "COERCE", "restrict"), shown(evs)


def test_protest_against_a_ban_stays_protest(default_code):
    evs = default_code("Thousands of students marched against the ban on headscarves.")
    assert "PROTEST" in happened(evs), shown(evs)
