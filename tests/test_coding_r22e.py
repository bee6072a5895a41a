"""False events in sentences that report none, by kind (issue 16, twenty-second round).

Kinds from a blind trial's no-event sentences, each checked against how the corpus train
split's gold labels the wording family, written as data (word lists in
``data/words.yaml``, rules in ``data/rules/filter.jsonl``) or, for one argument step, as
grammar in ``tidings.coding.arguments``:

- a counted number of victims or detainees totalled over a period ("more than
  250 migrants have been detained this year", "killed 1,200 smugglers last year", "since
  2019") is a statistic (``filter:counted-victims-over-a-period-are-statistics``;
  annotation guide section 1); one day's arrests, a week's sweep, a campaign's total
  (11.9) stay events, and so do sanctions totalled over years (SANCTION in the train gold).
- a force told in the present as being where it is ("900 soldiers are stationed in the
  north", "remain deployed") is a standing deployment, no MOBILIZE
  (``filter:stationed-force-is-background``; guide 11.3); "were deployed to the
  villages" stays MOBILIZE.
- a travel advisory ("advised its citizens to avoid travelling to ...") is no event
  (``filter:travel-advice-to-own-citizens-is-no-event``; guide section 5); "asked the
  people to stay at home" stays REQUEST.
- who "was not involved in" an act is not its actor (``arguments.denied_participant``);
  the act, done by others, stays (as the train split labels "we are not involved in
  strikes against Iran").

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import assert_dropped_by, happened, shown

pytestmark = pytest.mark.slow

PERIOD = "filter:counted-victims-over-a-period-are-statistics"
STATIONED = "filter:stationed-force-is-background"
ADVICE = "filter:travel-advice-to-own-citizens-is-no-event"

DROPPED = [
    ("More than 250 migrants have been detained by the coast guard this year.", "detained", PERIOD),
    ("Soldiers killed at least 1,200 suspected smugglers along the border last year, the ministry said.",
     "killed", PERIOD),
    ("Some 90 journalists have been jailed in the country since 2019.", "jailed", PERIOD),
    ("Over 70 activists have been arrested so far this year.", "arrested", PERIOD),
    ("Hundreds of opposition supporters were detained during the last decade, rights groups say.",
     "detained", PERIOD),
    ("Rights groups say more than 40 migrants were shot dead by border police last year.", "shot", PERIOD),
    ("More than 30 Burmese were killed by Thai border forces last year.", "killed", PERIOD),
    ("A dozen protesters have been detained in the province since 2021.", "detained", PERIOD),
    ("About 900 Belgian soldiers are stationed in the north of the country.", "stationed", STATIONED),
    ("Two battalions remain deployed along the frontier.", "deployed", STATIONED),
    ("Seoul advised its citizens to avoid travelling to the northern provinces.", "travelling", ADVICE),
    ("The ministry urged nationals not to visit the border region.", "urged", ADVICE),
    ("The foreign ministry warned tourists against trips to the disputed islands.", "warned", ADVICE),
]


@pytest.mark.parametrize("text,trigger,rule", DROPPED, ids=[t[0][:40] for t in DROPPED])
def test_kind_gives_no_event(traced_code, text, trigger, rule):
    assert_dropped_by(traced_code(text), trigger, rule)


KEPT = [
    # one day's arrests, a week's sweep, a count with a single year that may be one act
    ("Police arrested 40 protesters in the capital on Saturday.", "COERCE"),
    ("Police arrested more than 300 people last week after the riots.", "COERCE"),
    ("The militia killed 12 villagers in 2019.", "ASSAULT"),
    # the total of one campaign the sentence names (annotation guide 11.9)
    ("Troops killed 45 rebels this year in the army's offensive in the hills.", "ASSAULT"),
    ("Rebels have killed 1,200 soldiers since the offensive began in March.", "ASSAULT"),
    # sanctions totalled over a period stay SANCTION (the train gold labels them so)
    ("The government has sanctioned more than 300 officials since 2022.", "SANCTION"),
    # an uncounted single act over a period phrase
    ("Police arrested the opposition leader last year.", "COERCE"),
    # deployments told as acts
    ("Troops were deployed to the villages on Thursday.", "MOBILIZE"),
    ("Forces have been deployed around the airport.", "MOBILIZE"),
    ("Two thousand police officers are deployed to the capital this week.", "MOBILIZE"),
    # a request to the people, no travel advisory (REQUEST in the corpus train split)
    ("The army asked the people to stay at home.", "REQUEST"),
    # a visit told as a plain schedule
    ("The president will travel to Japan next week.", "CONSULT"),
]


@pytest.mark.parametrize("text,etype", KEPT, ids=[t[0][:40] for t in KEPT])
def test_neighbour_keeps_its_event(traced_code, text, etype):
    events, trace = traced_code(text)
    assert etype in {t for t, _ in events}, (events, [(t["trigger"], t["rules"]) for t in trace])


def test_advice_to_citizens_gives_no_learned_event(default_code):
    """The learned layer proposed CONSULT for "advised" in a travel advisory; the filter
    judges proposals too."""
    events = default_code("Tokyo advised its citizens to avoid travelling to the disputed region.")
    assert happened(events) == set(), shown(events)


def test_period_statistic_gives_no_learned_event(default_code):
    events = default_code("Officials say more than 150 herders have been detained by border guards this year.")
    assert happened(events) == set(), shown(events)


def test_denied_participant_is_not_the_actor(default_code):
    """'X was not involved in the talks': X took no part; the learned argument model must
    not make it the talks' actor either."""
    events = default_code("Russia was not involved in the talks.")
    consult = [e for e in events if e.event_type == "CONSULT"]
    assert consult, shown(events)
    assert all("Russia" not in [a.text for a in e.actor] for e in consult), [(e.actor, e.rules) for e in consult]


def test_participant_still_the_actor(default_code):
    events = default_code("Two colonels were involved in the massacre of the villagers.")
    assault = [e for e in events if e.event_type == "ASSAULT"]
    assert assault and assault[0].actor and assault[0].actor[0].text == "Two colonels", shown(events)
