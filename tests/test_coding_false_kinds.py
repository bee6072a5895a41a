"""False events by kind, tenth round (issue 16): sentences that report no event of the
type the rule layer gave must lose it (or take the right type), and their near
neighbours that do report the event must keep it.

Each kind was counted on the corpus train split (rules alone, `TIDINGS_MODEL=off`)
before its sense rule was written (`src/tidings/data/rules/sense.jsonl`): views
exchanged in a discussion (CONSULT, not COOPERATE), remembering ("recalled the
friendship") read as recalling an envoy, property blocked by a sanctions designation
read as a blockade, fighting a social ill or for a cause read as an attack, a question
asked read as a request, the wounded named as people read as an attack, a law signed
or a text's authors read as support for a party, travel to no place read as a visit,
a measure or a law that "targets" someone read as an attack, a programme or money that
"supports" something, and a policy goal supported ("support justice and
accountability") read as a statement of support. All sentences are the team's own.
"""

from __future__ import annotations

import pytest
from conftest import assert_dropped_by

pytestmark = pytest.mark.slow


NEW_RULES = {
    "sense:recalled-memory-is-no-sanction",
    "sense:blocked-property-is-no-protest", "sense:fighting-an-ill-or-for-a-value-is-no-assault",
    "sense:asked-question-is-no-request", "sense:the-wounded-as-people-is-no-assault",
    "sense:signed-into-law-or-authored-text-is-no-support", "sense:travel-without-destination-is-no-visit",
    "sense:targeting-measure-is-no-assault", "sense:supporting-thing-is-no-support",
    "sense:supported-policy-goal-is-no-support",
}

NO_EVENT = [
    # remembering is no recall of an envoy
    ("The mayor recalled the long friendship between the two river towns.", "recalled",
     "sense:recalled-memory-is-no-sanction"),
    ("The statement recalls that the union was founded in 1950.", "recalls", "sense:recalled-memory-is-no-sanction"),
    # property blocked by a designation
    ("All property of the two trading firms that is in the United States is blocked.", "blocked",
     "sense:blocked-property-is-no-protest"),
    ("Their assets under U.S. jurisdiction are blocked.", "blocked", "sense:blocked-property-is-no-protest"),
    ("As a result, all property and interests in property of the two firms in the United States are blocked.",
     "blocked", "sense:blocked-property-is-no-protest"),
    # fighting an ill, or for a cause
    ("The agency fights corruption in the customs service.", "fights",
     "sense:fighting-an-ill-or-for-a-value-is-no-assault"),
    ("She spent her life fighting for racial justice.", "fighting",
     "sense:fighting-an-ill-or-for-a-value-is-no-assault"),
    ("Volunteers from three provinces helped fight the fires near the coast.", "fight",
     "sense:fighting-an-ill-or-for-a-value-is-no-assault"),
    # a question put to someone
    ("A reporter asked the minister whether the border would reopen.", "asked", "sense:asked-question-is-no-request"),
    ("A journalist asked how long the truce would last.", "asked", "sense:asked-question-is-no-request"),
    ("The host asked the senator about her plans for the summer.", "asked", "sense:asked-question-is-no-request"),
    # the wounded as people
    ("The wounded were flown to the military hospital in the capital.", "wounded",
     "sense:the-wounded-as-people-is-no-assault"),
    ("We wish a quick recovery to all those injured in the storm.", "injured", "sense:the-wounded-as-people-is-no-assault"),
    # a law signed, a text's authors
    ("Last year the president signed H.R. 12 into law.", "signed",
     "sense:signed-into-law-or-authored-text-is-no-support"),
    ("A communique signed by three rebel commanders was read on the radio.", "signed",
     "sense:signed-into-law-or-authored-text-is-no-support"),
    # travel to no place
    ("The two farmers were traveling in a pickup truck when the storm began.", "traveling",
     "sense:travel-without-destination-is-no-visit"),
    ("Millions of people travel during the spring holiday.", "travel", "sense:travel-without-destination-is-no-visit"),
    # a measure aimed at someone
    ("Similar laws have been used to target critics of the government.", "target",
     "sense:targeting-measure-is-no-assault"),
    ("Today's actions target five shipping firms for their role in the smuggling.", "target",
     "sense:targeting-measure-is-no-assault"),
    # a programme, a trip or money that helps something
    ("The grant supports the work of rural clinics in the north.", "supports", "sense:supporting-thing-is-no-support"),
    ("The ministry used the money to support schools in the mountain villages.", "support",
     "sense:supporting-thing-is-no-support"),
    # a policy goal supported
    ("We support justice for the victims of the flood.", "support", "sense:supported-policy-goal-is-no-support"),
    ("The two governments support the expansion of solar power in the islands.", "support",
     "sense:supported-policy-goal-is-no-support"),
]


@pytest.mark.parametrize("text,trigger,rule", NO_EVENT, ids=[t[0][:40] for t in NO_EVENT])
def test_kind_gives_no_event(traced_code, text, trigger, rule):
    assert_dropped_by(traced_code(text), trigger, rule)


def test_exchanged_views_are_consultation(traced_code):
    """Views exchanged are a discussion: CONSULT, not the COOPERATE of exchanged goods (the
    frame rule of the speech-recall round, which this round's sense rule duplicated)."""
    events, trace = traced_code("The two foreign ministers exchanged views on the drought in the Horn of Africa.")
    assert ("CONSULT", "exchanged views") in events and "COOPERATE" not in {t for t, _ in events}, (events, trace)
    assert any("frame:exchanged-views-is-consultation" in t["rules"] for t in trace)


KEPT = [
    # exchanged intelligence stays COOPERATE
    ("Kenyan and Ugandan police exchanged intelligence on the smuggling gangs last year.", "COOPERATE"),
    # a recalled ambassador stays SANCTION
    ("France recalled its ambassador from Niger.", "SANCTION"),
    ("Peru has recalled its envoy to Panama for consultations.", "SANCTION"),
    # a road blocked by protesters stays PROTEST
    ("Protesters blocked the main road to the airport on Monday.", "PROTEST"),
    ("Farmers blocked the road to protest the new property tax.", "PROTEST"),
    # fighting a party stays ASSAULT
    ("Rebels fought government troops for control of the town.", "ASSAULT"),
    ("Government forces fought the insurgents near the border on Sunday.", "ASSAULT"),
    # a request stays REQUEST
    ("Poland asked the United States to send more troops.", "REQUEST"),
    ("The minister asked the villagers to help the police find the men who fled.", "REQUEST"),
    ("The governor asked the army for help after an attack by gunmen who, police say, are hiding in the hills.",
     "REQUEST"),
    # gunmen who wound people attack them
    ("Gunmen wounded three policemen in an ambush near the border.", "ASSAULT"),
    # an agreement signed with a party stays SUPPORT
    ("Peru and Chile signed a fisheries agreement in Lima on Monday.", "SUPPORT"),
    # travel to a place stays CONSULT
    ("The foreign minister will travel to Nairobi next week.", "CONSULT"),
    # forces that target a party attack it
    ("Drones targeted the rebel camps near the border on Sunday.", "ASSAULT"),
    ("Witnesses say the army had targeted fighters of the armed group near the river.", "ASSAULT"),
    # a party that supports another stays SUPPORT
    ("Kenya supported the resolution at the council on Tuesday.", "SUPPORT"),
    ("The opposition parties support the mediator's plan for early elections.", "SUPPORT"),
    ("We support Uzbekistan's transition to democracy.", "SUPPORT"),
]


@pytest.mark.parametrize("text,etype", KEPT, ids=[t[0][:40] for t in KEPT])
def test_neighbour_keeps_its_event(traced_code, text, etype):
    events, trace = traced_code(text)
    assert etype in {t for t, _ in events}, (events, [(t["trigger"], t["rules"]) for t in trace])
    assert not [t for t in trace if NEW_RULES & set(t["rules"])], trace
