"""r28o: acts a fresh user's trial found missing. Accepting what the other side offers or
proposes (a truce, a plan, mediation) is AGREE (annotation guide section 3, AGREE; the corpus
train split labels "willing to accept a cease-fire", "accepted this mediation" AGREE), accepting
a demand stays CONCEDE; a party warning that it may reconsider or review its own ties is
THREATEN relations (guide section 3, THREATEN relations: to cut ties). Sentences written for
these tests (other countries and wordings than the trial's)."""
import pytest


def shown(evs):
    return [(e.event_type, e.mode, e.trigger, e.confidence, [(a.text, a.country) for a in e.actor],
             [(r.text, r.country) for r in e.recipient]) for e in evs]


ACCEPTED = [
    # (sentence, trigger, actor country or None)
    ("The rebel alliance said it had accepted the ceasefire.", "accepted", None),
    ("Armenia accepted the Russian proposal for a prisoner exchange on Monday.", "accepted", "ARM"),
    ("The Houthis said they had accepted the truce and blamed the coalition for the delay.", "accepted", None),
    ("Venezuela accepted an offer of mediation from Brazil.", "accepted", "VEN"),
]


@pytest.mark.parametrize("text,trigger,country", ACCEPTED)
def test_accepting_an_offer_is_agreement(default_code, text, trigger, country):
    evs = default_code(text)
    hit = [e for e in evs if e.trigger == trigger]
    assert hit and hit[0].event_type == "AGREE" and hit[0].mode is None, shown(evs)
    assert "sense:accepted-offer-is-agreement" in hit[0].rules, shown(evs)
    if country:
        assert [a.country for a in hit[0].actor] == [country], shown(evs)


def test_accepting_a_demand_stays_concession(default_code):
    evs = default_code("The mayor accepted the teachers' demand for a pay rise.")
    hit = [e for e in evs if e.trigger == "accepted"]
    assert hit and hit[0].event_type == "CONCEDE", shown(evs)
    assert "sense:accepted-offer-is-agreement" not in hit[0].rules, shown(evs)


def test_refused_acceptance_is_no_agreement(default_code):
    # the refusal is REJECT (event:negated-agreement-is-rejection); the proposal noun itself
    # may be the proposer's AGREE (corpus train split), never the refuser's acceptance
    evs = default_code("Colombia did not accept the proposal of the guerrillas.")
    hit = [e for e in evs if e.trigger == "accept"]
    assert [e.event_type for e in hit] == ["REJECT"], shown(evs)


def test_urging_acceptance_is_request_not_agreement(default_code):
    evs = default_code("The council urged the militia to accept the truce.")
    assert [e.event_type for e in evs] == ["REQUEST"], shown(evs)


THREATS = [
    # (sentence, trigger, actor country, recipient country)
    ("The Bolivian government warned that it could reconsider its relations with Peru.", "reconsider", "BOL", "PER"),
    ("Ghana said it would review its cooperation with Togo.", "review", "GHA", "TGO"),
    ("Hungary may reassess its ties with Ukraine, the foreign minister warned.", "reassess", "HUN", "UKR"),
]


@pytest.mark.parametrize("text,trigger,actor,recipient", THREATS)
def test_warned_review_of_own_ties_is_threat(default_code, text, trigger, actor, recipient):
    evs = default_code(text)
    hit = [e for e in evs if e.trigger == trigger]
    assert hit and (hit[0].event_type, hit[0].mode) == ("THREATEN", "relations"), shown(evs)
    assert [a.country for a in hit[0].actor] == [actor], shown(evs)
    assert [r.country for r in hit[0].recipient] == [recipient], shown(evs)
    assert hit[0].aux_modes == [], shown(evs)  # the warning was made; "could" is its content


@pytest.mark.parametrize("text", [
    # a meeting that reviews ties between others: CONSULT, no warning (no possessor, no modal)
    "The two presidents reviewed the strong cooperation between Chile and Peru.",
    "The leaders will review the strong cooperation between Chile and Peru.",
    # the past review of one's ties, no modal: no warning
    "Ghana reviewed its cooperation with Togo last year.",
])
def test_review_without_warning_is_no_threat(default_code, text):
    evs = default_code(text)
    assert not [e for e in evs if e.event_type == "THREATEN"], shown(evs)


def test_readiness_beside_refusal_to_sit_with_is_agreement_and_rejection(default_code):
    # guide section 3 (AGREE: stated readiness) and section 5 (refusal to meet: REJECT meet);
    # the corpus train split labels "willing to talk but not to negotiate" AGREE + REJECT meet
    evs = default_code("The premier said Ankara was willing to talk but would not sit with the separatists until they disarmed.")
    kinds = {(e.event_type, e.mode) for e in evs}
    assert ("AGREE", None) in kinds and ("REJECT", "meet") in kinds, shown(evs)
    rej = [e for e in evs if e.event_type == "REJECT"][0]
    assert rej.trigger == "sit with" and [a.country for a in rej.actor] == ["TUR"], shown(evs)


def test_stated_readiness_alone_is_kept(default_code):
    # event:stated-readiness-is-agreement carries a prior of 0.5 (0.33 before: left out)
    evs = default_code("The Nepali prime minister said his government was ready to negotiate.")
    assert [(e.event_type, e.trigger) for e in evs] == [("AGREE", "negotiate")], shown(evs)


def test_sitting_down_with_is_a_meeting(default_code):
    evs = default_code("The Norwegian envoy sat down with the rebel leaders in Oslo on Monday.")
    assert [(e.event_type, e.trigger) for e in evs] == [("CONSULT", "sat with")], shown(evs)


def test_negated_readiness_is_no_agreement(default_code):
    evs = default_code("The Nepali prime minister said his government was not ready to negotiate.")
    assert not [e for e in evs if e.event_type == "AGREE"], shown(evs)


@pytest.mark.parametrize("text,trigger,actor", [
    ("Norway pledged $50 million for flood relief in Pakistan on Monday.", "pledged", "NOR"),
    ("Japan promised $20 million in aid to flood-hit Bangladesh.", "promised", "JPN"),
    ("Germany promised a 30 million euro grant for the rebuilding of Mosul.", "promised", "DEU"),
])
def test_pledged_sum_is_agreement(default_code, text, trigger, actor):
    # annotation guide section 3, AGREE (promises); train gold: "pledged $600.8 million" AGREE
    evs = default_code(text)
    hit = [e for e in evs if e.trigger == trigger]
    assert hit and hit[0].event_type == "AGREE", shown(evs)
    assert "sense:pledged-sum-is-agreement" in hit[0].rules, shown(evs)
    assert [a.country for a in hit[0].actor] == [actor], shown(evs)


def test_pledge_without_money_takes_no_sum_rule(default_code):
    evs = default_code("The rebels promised a swift victory over the army.")
    assert not [e for e in evs if "sense:pledged-sum-is-agreement" in e.rules], shown(evs)


@pytest.mark.parametrize("text,recipients", [
    # the parse reads the charge's gerund as a noun modifier ("withholding" a compound of
    # "fuel"): the "of" phrase is the charge, the recipient the accused alone (guide section 6)
    ("The Afar regional council accused the federal government of withholding fuel and cash from the region.",
     ["the federal government"]),
    ("The opposition accused the government of withholding salaries.", ["the government"]),
    # controls: a name's own "of" phrase stays
    ("The rebels accused the government of Chad.", ["the government of Chad"]),
    ("The rebels accused the leaders of Chad and Niger of betrayal.", ["the leaders of Chad", "the leaders of Niger"]),
])
def test_accused_of_act_read_as_noun_is_no_part_of_the_name(default_code, text, recipients):
    evs = default_code(text)
    hit = [e for e in evs if e.trigger == "accused"]
    assert hit and [r.text for r in hit[0].recipient] == recipients, shown(evs)


def test_passive_agent_after_a_duration_is_the_actor(default_code):
    # the parse hangs "by" on "day" ("blocked for a third day by ..."): still the passive
    # agent, the actor (guide section 6); without the duration the parse gives the agent
    evs = default_code("A UNICEF convoy was blocked for a third day by Houthi fighters near Saada.")
    hit = [e for e in evs if e.trigger == "blocked"]
    assert hit and [a.text for a in hit[0].actor] == ["Houthi fighters"], shown(evs)
    assert [a.country for a in hit[0].actor] == ["YEM"], shown(evs)
    assert [r.text for r in hit[0].recipient] == ["A UNICEF convoy"], shown(evs)


def test_by_date_after_a_duration_is_no_actor(default_code):
    evs = default_code("Nigerian troops were deployed for a month by Friday.")
    assert not [a for e in evs for a in e.actor if a.text == "Friday"], shown(evs)


@pytest.mark.parametrize("text", [
    # a meeting's agenda: "will", two parties (this kind was a false THREATEN on the dev split)
    "During the visit the two ministers will assess and review their defence cooperation.",
    "The Kenyan president will review his country's cooperation with Ethiopia during the visit.",
    "Kenya and Ethiopia could review their cooperation at the summit.",
])
def test_scheduled_or_joint_review_is_no_threat(default_code, text):
    evs = default_code(text)
    assert not [e for e in evs if e.event_type == "THREATEN"], shown(evs)


@pytest.mark.parametrize("text", [
    # the refusal is the act; a demanded acceptance is asked, not done (both were false AGREE)
    "Analysts criticised the junta's refusal to accept the mediators' plan.",
    "The opposition demanded that the prime minister accept the truce without conditions.",
])
def test_refused_or_demanded_acceptance_is_no_agreement(default_code, text):
    evs = default_code(text)
    assert not [e for e in evs if e.trigger == "accept" and e.event_type == "AGREE"], shown(evs)
    assert not [e for e in evs if "sense:accepted-offer-is-agreement" in e.rules], shown(evs)


def test_announced_acceptance_with_auxiliary_is_agreement(default_code):
    evs = default_code("The Tuareg rebels will accept the truce, their spokesman said.")
    hit = [e for e in evs if e.trigger == "accept"]
    assert hit and hit[0].event_type == "AGREE", shown(evs)
