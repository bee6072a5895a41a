"""r26af: ordinary wordings of AID, REJECT and SANCTION expel that the default output missed or
mistyped (twenty-sixth round). Every sentence here was written for these tests.

1. Forces or rescue workers sent for disaster relief are AID, not MOBILIZE (annotation guide
   section 3, AID: "deploying forces for disaster relief"; MOBILIZE: "Forces sent for disaster
   relief = AID"): ``frame:forces-sent-for-relief-are-aid``.
2. An approved or extended loan is AID (guide section 3, AID: "The World Bank approved a
   $200 million loan to Malawi."): ``sense:approved-loan-is-aid`` (prior 0.5; the gate gave
   0.31-0.37).
3. "balked at the proposal" is a rejection (guide section 3, REJECT: refusing a proposal):
   the phrasal trigger ``balk+at``.
4. Foreign troops ordered to leave the country are expelled (PLOVER manual, SANCTION expel:
   "Expel diplomats, peacekeepers, NGOs"): ``frame:ordered-diplomat-to-leave-is-expulsion``.

5. "said no to a request" refuses it (guide section 3, REJECT; train gold "SAID NO TO THE
   DIALOGUE" REJECT): ``frame:said-no-is-rejection``; the interjection "no" negates nothing
   (``predicates._negated``).
6. "brought an end to the siege" is RETREAT as "ended the siege" is (r26b):
   ``frame:brought-an-end-to-siege-is-retreat``.

Controls: troops sent to keep order, troops sent to a border, a hypothetical loan, a state's
own troops, troops ordered out of a named town.
"""

from __future__ import annotations

import pytest

from conftest import happened, happened_of_type, shown

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, etype, rule", [
    ("Ecuador deployed 1,500 soldiers to help with relief efforts after the landslides.",
     "AID", "frame:forces-sent-for-relief-are-aid"),
    ("The Thai government sent troops to assist in rescue operations in the flooded provinces.",
     "AID", "frame:forces-sent-for-relief-are-aid"),
    ("Portugal dispatched rescuers to help earthquake survivors in Turkey.",
     "AID", "frame:forces-sent-for-relief-are-aid"),
    ("The African Development Bank approved a $90 million loan to Togo on Monday.",
     "AID", "sense:approved-loan-is-aid"),
    ("The farmers' union balked at the ministry's offer of a subsidy cut.",
     "REJECT", "lexicon:balk+at/P"),
    ("The finance minister said no to a request from the doctors' union for a pay rise.",
     "REJECT", "frame:said-no-is-rejection"),
    ("Government troops brought an end to the siege of the mountain town on Sunday.",
     "RETREAT", "frame:brought-an-end-to-siege-is-retreat"),
    ("The junta in Niamey ordered French soldiers to leave the country within a month.",
     "SANCTION", "frame:ordered-diplomat-to-leave-is-expulsion"),
])
def test_plain_wordings_are_found_by_default(default_code, text, etype, rule):
    evs = default_code(text)
    got = happened_of_type(evs, etype)
    assert got, shown(evs)
    assert rule in got[0].rules, shown(evs)
    assert got[0].confidence >= 0.45, shown(evs)


def test_relief_troops_are_no_mobilization(default_code):
    evs = default_code("Ecuador deployed 1,500 soldiers to help with relief efforts after the landslides.")
    assert "MOBILIZE" not in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The army deployed troops to help police keep order in the capital.",
    "Moscow sent troops to the border with Finland on Tuesday.",
])
def test_troops_sent_without_relief_stay_mobilization(default_code, text):
    evs = default_code(text)
    assert happened_of_type(evs, "MOBILIZE"), shown(evs)
    assert "AID" not in happened(evs), shown(evs)


def test_hypothetical_loan_is_not_reported_as_happened(default_code):
    evs = default_code("The IMF could approve a loan to Tunisia next month.")
    assert not happened_of_type(evs, "AID"), shown(evs)


@pytest.mark.parametrize("text", [
    "The Kremlin ordered Russian troops to leave Kherson.",
    "The government ordered its troops to leave the country.",
])
def test_own_troops_or_a_named_town_are_no_expulsion(every_candidate, text):
    evs = every_candidate(text)
    assert all("frame:ordered-diplomat-to-leave-is-expulsion" not in e.rules for e in evs), shown(evs)


def test_said_no_one_is_no_rejection(every_candidate):
    evs = every_candidate("The spokesman said no one was injured in the fire at the depot.")
    assert all("frame:said-no-is-rejection" not in e.rules for e in evs), shown(evs)


def test_denied_act_stays_negated(default_code):
    evs = default_code("The army did not attack the convoy on Tuesday.")
    assert not happened_of_type(evs, "ASSAULT"), shown(evs)


def test_students_ending_their_occupation_are_no_retreat(every_candidate):
    evs = every_candidate("Students put an end to their occupation of the university library.")
    assert all("frame:brought-an-end-to-siege-is-retreat" not in e.rules for e in evs), shown(evs)
