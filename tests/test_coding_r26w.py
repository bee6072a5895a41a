"""r26w: CONCEDE and AID acts in ordinary wire wordings that the default output missed
(twenty-sixth round). Every sentence here was written for these tests (probe sets A and B
of the round, not taken from the shared data).

CONCEDE (annotation guide section 3: easing or lifting restrictions, accepting demands,
pardons, amnesties and acquittals, withdrawing a demand):

1. Giving back a freedom, a right or a licence: "restored internet access", "reinstated the
   licence" (``frame:restored-freedom-is-concession``; not power or order).
2. Dropping or withdrawing charges or a lawsuit (``sense:dropped-charges-are-concession``
   on the noun trigger, ``sense:withdrawn-charges-are-concession`` on the verb; train gold:
   "the charge has not been dropped" CONCEDE).
3. "made concessions to", "backed down over" told as done
   (``sense:made-concessions-is-concession``, ``sense:backed-down-is-concession``).

AID (annotation guide section 3: money, granting asylum):

4. "granted asylum to" (``sense:granted-asylum-is-aid``; train gold: "asylum had been
   granted" AID) and a sum of money given (``sense:given-sum-is-aid``).

Each carries a prior of 0.5 (``model:prior``): the gate gave these wordings 0.19-0.38.
Controls: restored power, standing charges, a hypothetical grant, an offer of asylum.
"""

from __future__ import annotations

import pytest

from conftest import happened, happened_of_type, shown

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, etype, rule", [
    ("The Ugandan authorities restored internet access in Kampala on Sunday.",
     "CONCEDE", "frame:restored-freedom-is-concession"),
    ("The Filipino authorities reinstated the accreditation of the foreign reporters.",
     "CONCEDE", "frame:restored-freedom-is-concession"),
    ("The Pakistani government restored the broadcaster's licence on Monday.",
     "CONCEDE", "frame:restored-freedom-is-concession"),
    ("Prosecutors in Georgia dropped charges against the opposition leader.",
     "CONCEDE", "sense:dropped-charges-are-concession"),
    ("Ecuador's prosecutors withdrew the charges against the indigenous leader.",
     "CONCEDE", "sense:withdrawn-charges-are-concession"),
    ("The Jordanian government made concessions to the striking bus drivers.",
     "CONCEDE", "sense:made-concessions-is-concession"),
    ("The Serbian government backed down over the lithium mine after weeks of protests.",
     "CONCEDE", "sense:backed-down-is-concession"),
    ("Norway granted asylum to the Belarusian activist.",
     "AID", "sense:granted-asylum-is-aid"),
    ("The Netherlands gave 20 million euros to the UN refugee agency.",
     "AID", "sense:given-sum-is-aid"),
])
def test_plain_concessions_and_aid_are_found_by_default(default_code, text, etype, rule):
    evs = default_code(text)
    got = happened_of_type(evs, etype)
    assert got, shown(evs)
    assert rule in got[0].rules, shown(evs)
    assert got[0].confidence >= 0.45, shown(evs)


def test_withdrawn_charges_are_neither_retreat_nor_accusation(default_code):
    evs = default_code("Ecuador's prosecutors withdrew the charges against the indigenous leader.")
    assert happened(evs) == {"CONCEDE"}, shown(evs)


def test_dropped_charges_are_no_accusation(default_code):
    evs = default_code("Prosecutors in Georgia dropped charges against the opposition leader.")
    assert "ACCUSE" not in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "Engineers restored power to the hospital on Sunday.",
    "The army restored order in the northern districts.",
])
def test_restored_utilities_or_order_are_no_concession(default_code, text):
    evs = default_code(text)
    assert "CONCEDE" not in happened(evs), shown(evs)


def test_troops_withdrawing_stay_a_retreat(default_code):
    evs = default_code("Israeli troops withdrew from two villages in the north.")
    assert happened_of_type(evs, "RETREAT", "withdraw"), shown(evs)
    assert "CONCEDE" not in happened(evs), shown(evs)


def test_hypothetical_asylum_is_not_reported_as_happened(default_code):
    evs = default_code("Switzerland could grant asylum to the activist if he applies.")
    assert not happened_of_type(evs, "AID"), shown(evs)


def test_offered_asylum_takes_no_grant_prior(default_code):
    evs = default_code("Mexico offered asylum to the ousted Bolivian president.")
    assert all("sense:granted-asylum-is-aid" not in e.rules for e in evs), shown(evs)


@pytest.mark.parametrize("text", [
    "Media groups urged the authorities to immediately drop all charges against the reporter.",
    "Diplomats want to know what concessions Hanoi might be ready to make.",
    "The envoy said Kabul must make concessions to the tribal elders.",
])
def test_asked_or_wished_concessions_are_none(default_code, text):
    evs = default_code(text)
    assert "CONCEDE" not in happened(evs), shown(evs)


def test_passive_dropped_charges_are_concession(default_code):
    evs = default_code("All charges against the activists were dropped on Monday.")
    assert happened_of_type(evs, "CONCEDE"), shown(evs)


def test_concessions_someone_hopes_for_are_none(default_code):
    evs = default_code("The senator hopes the talks will make sure both sides make some concessions.")
    assert "CONCEDE" not in happened(evs), shown(evs)
