"""r26j: acts a fresh user's stories named that did not happen as told (twenty-sixth
round). Every sentence here was written for these tests.

1. A demand told as the participle of a street protest ("marched ..., demanding X",
   "rallied, calling for Y") is the protest's topic: the PROTEST only, no REQUEST
   (annotation guide 11.8; ``filter:protesters-demand-is-the-protest``,
   ``street_protest_verbs``). A demand in a letter or statement stays REQUEST.
2. An act noun that is the object of a denial verb ("denied any deployment of troops")
   is the alleged act, not labelled from a denial alone (guide section 5;
   ``filter:denied-act-noun-is-no-event``); the REJECT stays, and an act named after a
   denied involvement ("denied any involvement in the 2019 massacre") stays, as the
   corpus train split labels it.
"""

from __future__ import annotations

import pytest

from conftest import happened, of_type, shown

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Hundreds of farmers marched on the parliament in Quito, demanding lower fuel prices.",
    "Students rallied outside the university in Dhaka on Tuesday, calling for the vice-chancellor's removal.",
])
def test_protesters_demand_is_the_protest_only(default_code, text):
    evs = default_code(text)
    assert of_type(evs, "PROTEST")
    assert "REQUEST" not in {e.event_type for e in evs}, shown(evs)


def test_demand_in_a_letter_stays_request(default_code):
    evs = default_code("The farmers' union sent a letter to the minister demanding lower fuel prices.")
    assert "REQUEST" in happened(evs), shown(evs)
    assert "PROTEST" not in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The defence ministry denied any deployment of troops along the northern frontier.",
    "Rwanda denied any military build-up near the Congolese border.",
])
def test_denied_act_noun_is_no_event(default_code, text):
    evs = default_code(text)
    assert of_type(evs, "REJECT")
    assert "MOBILIZE" not in {e.event_type for e in evs}, shown(evs)


def test_act_after_denied_involvement_stays(default_code):
    evs = default_code("The colonel, who denied any involvement in the 2019 massacre of villagers "
                       "in Kayin, was arrested on Monday.")
    assert "ASSAULT" in {e.event_type for e in evs}, shown(evs)
    assert "COERCE" in happened(evs), shown(evs)


def test_deployment_told_as_done_stays(default_code):
    evs = default_code("The army deployed troops along the northern frontier on Friday.")
    assert "MOBILIZE" in happened(evs), shown(evs)
