"""r27e: ACCUSE misses on the train split, two kinds (docs/annotation.md section 3, ACCUSE
disapprove: criticise, condemn, denounce; REJECT: refusing a request, proposal, plan or
demand; section 11.4: explicit denigration; PLOVER manual, ACCUSE). Sentences written for
these tests; the three lead sentences put the statement past the story's lede, where the
gate's belief is lowest."""

LEAD = "The talks in Geneva ended without a statement. Delegates met for three days. A second round is planned. "


def shown(evs):
    return [(e.event_type, e.mode, e.trigger, e.aux_modes, e.confidence) for e in evs]


def accuse(evs):
    return [e for e in evs if e.event_type == "ACCUSE" and not e.aux_modes]


# -- kind 1: a party rejecting or repudiating a violent act condemns it (ACCUSE, not REJECT)

def test_rejected_bombing_is_condemnation(default_code):
    evs = default_code("The Albanian interior minister rejected the bombing of the opposition newspaper in Tirana.")
    assert [(e.mode, e.trigger) for e in accuse(evs)] == [("disapprove", "rejected")], shown(evs)
    assert not [e for e in evs if e.event_type == "REJECT"], shown(evs)


def test_rejected_act_of_violence_is_condemnation(default_code):
    evs = default_code(LEAD + "Kenya's police chief has rejected this new act of violence against the police.")
    acc = accuse(evs)
    assert acc and acc[0].mode == "disapprove" and [a.country for a in acc[0].actor] == ["KEN"], shown(evs)


def test_repudiated_attack_is_condemnation(default_code):
    evs = default_code("The Bolivian senate strongly repudiated the attack on the Peruvian embassy.")
    assert [e.trigger for e in accuse(evs)] == ["repudiated"], shown(evs)


def test_repudiates_aggression_present_tense(default_code):
    evs = default_code(LEAD + "The Cuban foreign ministry repudiates the aggression against the people of Venezuela.")
    assert [e.trigger for e in accuse(evs)] == ["repudiates"], shown(evs)


def test_passive_rejected_killings_is_condemnation(default_code):
    evs = default_code("The killings of the Congolese miners were rejected by the governor of South Kivu.")
    assert [e.trigger for e in accuse(evs)] == ["rejected"], shown(evs)


def test_rejected_interference_is_condemnation(default_code):
    evs = default_code("Beijing rejected the interference of the Philippine coast guard in the atoll.")
    assert [e.trigger for e in accuse(evs)] == ["rejected"], shown(evs)


def test_control_rejected_charges_of_violence_is_denial(default_code):
    # the object is a charge: denying it is REJECT
    evs = default_code("The Zimbabwean ruling party rejected the charges of involvement in the violence.")
    assert not accuse(evs) and [e.trigger for e in evs if e.event_type == "REJECT"] == ["rejected"], shown(evs)


def test_control_urged_to_reject_violence_is_request(default_code):
    evs = default_code("The Malawian bishops urged all parties to reject violence before the vote.")
    assert not accuse(evs) and [e.event_type for e in evs] == ["REQUEST"], shown(evs)


def test_control_rejected_proposal_stays_rejection(default_code):
    evs = default_code("The Peruvian congress rejected the budget proposal of the finance minister.")
    assert not accuse(evs) and [e.event_type for e in evs] == ["REJECT"], shown(evs)


def test_control_rejected_kidney_is_no_condemnation(default_code):
    # medical sense: a body rejecting an organ; no condemnation
    evs = default_code("Doctors said his body rejected the donor kidney after the operation.")
    assert not accuse(evs), shown(evs)


# -- kind 2: a condemning predicate on the copula ("is unacceptable") in a story's body

def test_shelling_is_unacceptable_in_story_body(default_code):
    evs = default_code(LEAD + "The shelling of the hospital in Mykolaiv is totally unacceptable.")
    assert [(e.mode, e.trigger) for e in accuse(evs)] == [("disapprove", "is")], shown(evs)


def test_arrest_is_unjustified_in_story_body(default_code):
    evs = default_code(LEAD + "The arrest of the two Tunisian bloggers is unjustified and must be reversed.")
    assert [e.trigger for e in accuse(evs)] == ["is"], shown(evs)


def test_detention_is_unlawful_in_story_body(default_code):
    evs = default_code(LEAD + "The detention of the Ghanaian fishermen by the navy is unlawful and must end.")
    assert [e.trigger for e in accuse(evs)] == ["is"], shown(evs)


def test_raids_are_unlawful_and_reckless(default_code):
    evs = default_code(LEAD + "The Nigerian army's raids on the villages are unlawful and reckless.")
    assert [e.trigger for e in accuse(evs)] == ["are"], shown(evs)


def test_firing_was_reprehensible_past_tense(default_code):
    evs = default_code(LEAD + "The firing of rockets at the stadium in Sderot was reprehensible.")
    assert [e.trigger for e in accuse(evs)] == ["was"], shown(evs)


def test_it_is_unacceptable_that_clause(default_code):
    evs = default_code(LEAD + "It is unacceptable that the Guatemalan authorities still hold the four activists.")
    acc = accuse(evs)
    assert acc and acc[0].confidence >= 0.5, shown(evs)


def test_control_unacceptable_as_modifier_is_no_event(default_code):
    evs = default_code(LEAD + "The new delay to the bridge was announced as unacceptable delays piled up.")
    assert not [e for e in evs if e.event_type == "ACCUSE"], shown(evs)


def test_control_conditional_unacceptable_is_not_a_done_condemnation(default_code):
    evs = default_code(LEAD + "If the final offer is unacceptable, the union says it will decide next week.")
    assert not accuse(evs), shown(evs)


def test_control_weather_appalling_is_no_accusation(default_code):
    evs = default_code(LEAD + "The weather in the mountains was appalling for the hikers.")
    assert not [e for e in evs if e.event_type == "ACCUSE"], shown(evs)


def test_control_sport_decision_disappointing_is_no_accusation(default_code):
    evs = default_code(LEAD + "Fans said the referee's decision in the final was disappointing.")
    assert not [e for e in evs if e.event_type == "ACCUSE"], shown(evs)


def test_control_agentless_passive_repudiated_violence_is_no_condemnation(default_code):
    # a general stance with no rejecting party named
    evs = default_code(LEAD + "Violence is repudiated in every province of the country.")
    assert not accuse(evs), shown(evs)


def test_control_must_be_rejected_is_no_condemnation(default_code):
    # an appeal under a modal, not a condemnation made
    evs = default_code(LEAD + "This attack on the Lebanese judges must be rejected by every party.")
    assert not accuse(evs), shown(evs)
