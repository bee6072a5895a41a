"""r26e: REQUEST and REJECT acts in ordinary wire wordings that the coder missed. Every
sentence here was written for these tests (the branch's probe sets A and B).

1. Dismissing a named call, demand or proposal with a particle verb ("brushed aside calls
   for a ceasefire", "shrugged off demands", "waved off a proposal", "threw out a
   proposal") is a refusal, REJECT (annotation guide section 3, REJECT: refusing a request,
   proposal, plan or demand): ``frame:brushed-aside-demand-is-rejection`` where the object is
   no lexicon trigger, ``sense:brushed-aside-demand-is-rejection`` where the lexicon read the
   call noun with the verb as its support verb (it had made a REQUEST by the dismissing
   party). Prior 0.5 (``model:prior``): the train split has no such sentence.
2. "spurned an offer", "resisted calls to ...": lexicon REJECT verbs the gate scored under
   the threshold; with a speech-act object they carry a prior
   (``sense:spurned-demand-is-rejection``).
3. "told <state> to <act>" is an order to a state, REQUEST (``words.yaml``
   ``party_ordering_verbs`` gains "tell"; ``frame:order-to-a-state-is-request``).
Controls: the same verbs with no speech-act object, a demand that names its maker, an
instruction to reporters, "declined to comment".
"""

from __future__ import annotations

import pytest

from conftest import happened, of_type, shown

pytestmark = pytest.mark.slow


# ------------------------------------------------------------ 1. dismissing a demand

@pytest.mark.parametrize("text, rule, actor_word", [
    ("Sudan's army chief brushed aside calls for a ceasefire.",
     "sense:brushed-aside-demand-is-rejection", None),
    ("Manila shrugged off Chinese demands to remove the grounded ship.",
     "sense:brushed-aside-demand-is-rejection", "Manila"),
    ("The Finnish government waved off a Russian proposal for border talks.",
     "frame:brushed-aside-demand-is-rejection", "Finnish"),
    ("Uganda's president threw out a proposal to lift term limits.",
     "frame:brushed-aside-demand-is-rejection", None),
])
def test_dismissed_demand_is_reject(default_code, text, rule, actor_word):
    evs = default_code(text)
    got = [e for e in of_type(evs, "REJECT") if rule in e.rules]
    assert got, shown(evs)
    assert got[0].confidence >= 0.45
    # the dismissing party is the actor, and no REQUEST is left for it
    assert "REQUEST" not in happened(evs), shown(evs)
    if actor_word:
        assert any(actor_word in a.text for a in got[0].actor), got[0].actor


def test_dismissed_demand_naming_its_maker_is_left_alone(default_code):
    # "demands by protesters": the parties would be read from the demand, so the rule stays out
    evs = default_code("The Georgian government shrugged off demands by protesters for new elections.")
    assert not [e for e in evs if "sense:brushed-aside-demand-is-rejection" in e.rules], shown(evs)


@pytest.mark.parametrize("text", [
    "The fishermen threw out the old nets before dawn.",
    "The crowd on the quay waved off the departing ferry.",
    "The minister brushed aside a strand of hair and began to speak.",
])
def test_particle_verb_without_a_demand_is_no_reject(default_code, text):
    evs = default_code(text)
    assert "REJECT" not in {e.event_type for e in evs}, shown(evs)


# ------------------------------------------------------------ 2. spurned / resisted calls

@pytest.mark.parametrize("text", [
    "North Korea spurned Seoul's offer of food aid.",
    "Moscow has resisted calls to release the American journalist.",
    "Havana spurned a Canadian offer of medical supplies.",
])
def test_spurned_offer_or_resisted_call_is_reject(default_code, text):
    evs = default_code(text)
    got = [e for e in of_type(evs, "REJECT") if "sense:spurned-demand-is-rejection" in e.rules]
    assert got and got[0].confidence >= 0.45, shown(evs)


def test_resisted_offensive_gets_no_prior(default_code):
    evs = default_code("The defenders resisted the rebel offensive for three days.")
    assert not [e for e in evs if "sense:spurned-demand-is-rejection" in e.rules], shown(evs)


# ------------------------------------------------------------ 3. told a state to act

@pytest.mark.parametrize("text, recipient", [
    ("The Somali president told Ethiopia to withdraw its soldiers from the border town.", "ETH"),
    ("The Algerian president told Morocco to stop building the wall.", "MAR"),
])
def test_told_a_state_to_act_is_request(default_code, text, recipient):
    evs = default_code(text)
    got = [e for e in of_type(evs, "REQUEST") if "frame:order-to-a-state-is-request" in e.rules]
    assert got, shown(evs)
    assert recipient in {r.country for r in got[0].recipient}


@pytest.mark.parametrize("text", [
    "The police spokesman told reporters to wait outside the building.",
    "The Kremlin declined to comment on the report.",
])
def test_controls_make_no_request_or_reject(default_code, text):
    evs = default_code(text)
    assert not {"REQUEST", "REJECT"} & {e.event_type for e in evs}, shown(evs)
