"""False events by kind (issue 16): sentences that report no event must give none, and
their near neighbours that do report one must keep it.

Each kind was counted on the corpus train split (rules alone) before its sense rule was
written (`src/tidings/data/rules/sense.jsonl`): a stated position ("reaffirmed the
importance of ..."), a standing commitment to a policy goal ("is committed to ending
hunger"), the courtesy "thank you", a web address to visit, a defended land or value, and
a social ill a government works to end, seeking to do something, a challenge met, a harm
prevented, a thing that "allows" something, an ending
that cuts nothing, sharing with no content, a claim "demonstrated", a law approved, a
message received, a goal sought.
All sentences are the team's own.
"""

from __future__ import annotations

import pytest
from conftest import assert_dropped_by

pytestmark = pytest.mark.slow


NO_EVENT = [
    # stated positions: the importance, the need, a fact
    ("The foreign ministers reaffirmed the importance of free navigation in the strait.",
     "reaffirmed", "sense:stated-importance-is-no-support"),
    ("The envoy reaffirmed the urgent need for clean water in the camps.",
     "reaffirmed", "sense:stated-importance-is-no-support"),
    ("The council recognizes that rising seas threaten the low islands.",
     "recognizes", "sense:stated-importance-is-no-support"),
    ("Both governments recognized the threat posed by illegal fishing.",
     "recognized", "sense:stated-importance-is-no-support"),
    # a policy goal with no partner
    ("The cabinet is committed to ending child poverty within ten years.",
     "committed", "sense:commitment-to-a-goal-is-no-agreement"),
    ("The party is committed to lower taxes for small farms.",
     "committed", "sense:commitment-to-a-goal-is-no-agreement"),
    # courtesies and pointers
    ("Thank you very much, and good night.", "Thank", "sense:thank-you-formula-is-no-support"),
    ("To apply for the scholarship, visit www.example.org/apply.", "visit", "sense:visited-web-address-is-no-visit"),
    ("Please visit the agency's website for the schedule.", "visit", "sense:visited-web-address-is-no-visit"),
    # defended land and values
    ("The farmers swore to defend their homeland.", "defend", "sense:defended-land-or-value-is-no-support"),
    ("The magazine has spent decades defending press freedom.", "defending", "sense:defended-land-or-value-is-no-support"),
    # social ills a government works to end
    ("The government launched a plan to end hunger in the dry provinces.", "end",
     "sense:ended-social-ill-is-no-event"),
    ("Ending the epidemic is the health ministry's first priority.", "Ending", "sense:ended-social-ill-is-no-event"),
    # seeking to do something is trying, not asking
    ("The reform seeks to shorten waiting times in public hospitals.", "seeks", "sense:seeking-to-act-is-no-request"),
    # a challenge or a crisis is met without a meeting
    ("The alliance must meet the challenge of rising sea levels.", "meet", "sense:met-conditions-is-no-meeting"),
    # preventing a harm, and a thing that makes something possible
    ("Clean wells prevent the spread of cholera in the camps.", "prevent", "sense:prevented-thing-is-no-coercion"),
    ("The new bridge allows traders to cross the river in any season.", "allows", "sense:enabling-allowance-is-no-concession"),
    # an ending that cuts nothing, and sharing with no content
    ("The hostage siege at the hotel ended early on Thursday.", "ended", "sense:ending-no-relations-is-no-sanction"),
    ("The minister shared that new funds would reach the schools soon.", "shared", "sense:sharing-without-content-is-no-cooperation"),
    # a claim shown, a law passed, a message received, a goal pursued
    ("The audit demonstrated that the hospital had no backup power.", "demonstrated", "sense:shown-claim-is-no-protest"),
    ("The senate approved the new budget late on Tuesday.", "approved", "sense:approved-law-is-no-agreement"),
    ("The editors published the letter they received on Monday.", "received", "sense:received-without-guest-is-no-visit"),
    ("The mayor is seeking ways to clean the river.", "seeking", "sense:sought-goal-is-no-request"),
    # supporting named as an activity
    ("The charity has a long record of supporting rural clinics.", "supporting",
     "sense:supporting-as-an-activity-is-no-support"),
]


@pytest.mark.parametrize("text,trigger,rule", NO_EVENT, ids=[t[0][:40] for t in NO_EVENT])
def test_kind_gives_no_event(traced_code, text, trigger, rule):
    assert_dropped_by(traced_code(text), trigger, rule)


KEPT = [
    # support for a party stays SUPPORT
    ("The foreign ministers reaffirmed their support for the elected government.", "SUPPORT"),
    ("Kenya recognized the new government in Tripoli on Monday.", "SUPPORT"),
    # a commitment to cooperate with a partner stays AGREE
    ("Peru is committed to cooperation with Chile on border security.", "AGREE"),
    # thanks for an act stays SUPPORT
    ("The president thanked Japan for its help after the floods.", "SUPPORT"),
    ("Thank you for the support you gave our delegation.", "SUPPORT"),
    # a visit to a country stays CONSULT
    ("The Dutch foreign minister will visit Nairobi next week.", "CONSULT"),
    # seeking something from a party stays REQUEST
    ("Ecuador sought the extradition of the banker from Spain.", "REQUEST"),
    # a party prevented from acting, a party that lets others in
    ("Police prevented the opposition leader from leaving his house.", "COERCE"),
    ("The junta allowed the opposition to hold its rally on Friday.", "CONCEDE"),
    # ending aid, sharing intelligence
    ("Norway ended its budget support to the government in March.", "SANCTION"),
    ("Kenyan and Ugandan police shared intelligence on the smuggling gangs last year.", "COOPERATE"),
    # marchers demonstrate, a state approves a plan put to it, a host receives a guest,
    # a party seeks help from another
    ("Thousands of teachers demonstrated outside parliament on Monday.", "PROTEST"),
    ("The president received the Chilean foreign minister on Tuesday.", "CONSULT"),
    ("Malawi sought emergency food aid from the World Food Programme.", "REQUEST"),
    # a statement of support stays SUPPORT
    ("Brazil supports the ceasefire agreement signed in Doha.", "SUPPORT"),
    # condolences offered are SUPPORT
    ("The king offered his condolences to the Nepali people after the quake.", "SUPPORT"),
    # a defended decision stays SUPPORT
    ("The minister defended the decision of the central bank.", "SUPPORT"),
]


@pytest.mark.parametrize("text,etype", KEPT, ids=[t[0][:40] for t in KEPT])
def test_neighbour_keeps_its_event(traced_code, text, etype):
    events, trace = traced_code(text)
    assert etype in {t for t, _ in events}, (events, [(t["trigger"], t["rules"]) for t in trace])
    new_rules = {"sense:stated-importance-is-no-support", "sense:commitment-to-a-goal-is-no-agreement",
                 "sense:thank-you-formula-is-no-support", "sense:visited-web-address-is-no-visit",
                 "sense:defended-land-or-value-is-no-support", "sense:ended-social-ill-is-no-event",
                 "sense:seeking-to-act-is-no-request", "sense:prevented-thing-is-no-coercion",
                 "sense:enabling-allowance-is-no-concession", "sense:ending-no-relations-is-no-sanction",
                 "sense:sharing-without-content-is-no-cooperation", "sense:shown-claim-is-no-protest",
                 "sense:approved-law-is-no-agreement", "sense:received-without-guest-is-no-visit",
                 "sense:sought-goal-is-no-request", "sense:supporting-as-an-activity-is-no-support"}
    assert not [t for t in trace if new_rules & set(t["rules"])], trace


def test_ended_war_is_not_a_social_ill(traced_code):
    """Ending a war keeps its own sense (a ceasefire), the social-ill rule leaves it."""
    events, trace = traced_code("The rebels ended their offensive in the north on Sunday.")
    assert ("RETREAT", "ended") in events, (events, trace)


def test_offered_condolences_are_support_not_agreement(traced_code):
    """Condolences offered are SUPPORT (annotation guide section 5), not an offer to
    cooperate (AGREE): since issue 16's tenth round condolences are a SUPPORT noun of the
    lexicon, so the trigger is the noun with its verb; best wishes offered keep the sense
    rule."""
    events, trace = traced_code("The foreign minister offered his condolences to the victims' families.")
    assert ("SUPPORT", "offered condolences") in events and "AGREE" not in {t for t, _ in events}, (events, trace)
    events, trace = traced_code("The foreign minister offered his best wishes to the people of Ghana.")
    assert ("SUPPORT", "offered") in events and "AGREE" not in {t for t, _ in events}, (events, trace)
    assert any("sense:offered-condolences-are-support" in t["rules"] for t in trace)
