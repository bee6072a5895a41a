"""Round 22, r22d (a fresh user's blind trial): force and coercion missed or mistyped
(COERCE, ASSAULT), fixed by kind. Every sentence is written for these tests.

1. Two coercive acts of one subject with their own objects ("arrested nine fishermen and
   seized their boat") are two COERCE events, and COERCE records of different modes are
   not merged (words.yaml ``coordinated_object_act_types``, ``mode_distinct_act_types``;
   the train gold labels arrests beside seizures as two COERCE). An attack told by
   several verbs stays one ASSAULT.
2. A vessel blocked at sea, or blocking, is COERCE restrict
   (``sense:blocked-vessel-is-restriction``; train gold: a coast guard "obstructing a
   resupply mission" is COERCE restrict); protesters blocking a road stay PROTEST.
3. Taking over property is COERCE seize (``frame:taken-over-property-is-seizure``; train
   gold "have taken over ... properties"), a town taken over stays ASSAULT; a siege by
   armed forces is ASSAULT (``sense:besieged-place-is-attack``; train gold 8 of 10), one by
   police COERCE; people seized by captors who are no police are ASSAULT abduct
   (``sense:seized-people-is-abduction``; guide section 5), suspects seized by police
   stay COERCE.
4. Reported attacks: "said they had targeted the ship" is ASSAULT
   (``sense:targeted-vessel-is-attack``); an act told by a passive clause of sequence with
   its own agent ("opened fire after being attacked by smugglers") is a second event
   (words.yaml ``sequence_clause_markers``).
5. A court's prison sentence is SANCTION convict and COERCE arrest (guide section 5; train
   gold "sentenced Dodik to one year in prison"), also where the parse reads "lawmaker to
   six" as a range of the count.
"""

from __future__ import annotations

import pytest

from conftest import happened, of_type, shown


# --- 1. two coercive acts of one subject ------------------------------------------------

def test_arrest_and_seizure_by_one_subject_are_two_coercions(default_code):
    evs = default_code("The coast guard arrested nine fishermen and seized their boat near the reef on Tuesday.")
    coerce = of_type(evs, "COERCE")
    assert sorted(e.mode for e in coerce) == ["arrest", "seize"], shown(evs)
    arrest = next(e for e in coerce if e.mode == "arrest")
    assert [e.text for e in arrest.recipient] == ["nine fishermen"], shown(evs)


def test_a_raid_and_an_arrest_of_the_same_parties_are_not_merged(default_code):
    evs = default_code("Security forces raided the newspaper's offices and arrested its editor.")
    coerce = of_type(evs, "COERCE")
    assert sorted(e.mode for e in coerce) == ["arrest", "seize"], shown(evs)
    assert all("structure:same-act-merged" not in e.rules for e in coerce), shown(evs)


def test_one_attack_told_by_two_verbs_stays_one_event(default_code):
    evs = default_code("The jets bombed and destroyed the bridge.")
    assert len(of_type(evs, "ASSAULT")) == 1, shown(evs)


# --- 2. blocking vessels at sea ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Iranian navy blocked the tanker's route through the strait for two hours.",
    "Coast guard cutters blocked three fishing boats near the atoll on Sunday.",
])
def test_a_blocked_vessel_is_a_restriction(default_code, text):
    evs = default_code(text)
    ev = of_type(evs, "COERCE")[0]
    assert ev.mode == "restrict" and "sense:blocked-vessel-is-restriction" in ev.rules, shown(evs)
    assert "PROTEST" not in happened(evs), shown(evs)


def test_protesters_blocking_a_road_stay_a_protest(default_code):
    evs = default_code("Protesters blocked the main highway to the capital.")
    assert happened(evs) == {"PROTEST"}, shown(evs)


# --- 3. property taken over, sieges, people seized --------------------------------------

def test_property_taken_over_is_a_seizure(default_code):
    evs = default_code("Army units took over three arms depots of the militia near the port on Sunday.")
    ev = of_type(evs, "COERCE")[0]
    assert ev.mode == "seize" and ev.rules[0] == "frame:taken-over-property-is-seizure", shown(evs)
    assert "ASSAULT" not in happened(evs), shown(evs)


def test_a_town_taken_over_stays_an_attack(default_code):
    evs = default_code("Rebels took over the town of Kidal on Monday.")
    assert happened(evs) == {"ASSAULT"}, shown(evs)


@pytest.mark.parametrize("text", [
    "Insurgents have besieged the provincial capital since March, cutting it off from the coast.",
    "Government troops besieged the rebel-held town for six weeks.",
])
def test_a_siege_by_armed_forces_is_an_attack(default_code, text):
    evs = default_code(text)
    ev = of_type(evs, "ASSAULT")[0]
    assert "sense:besieged-place-is-attack" in ev.rules, shown(evs)
    assert "COERCE" not in happened(evs), shown(evs)


def test_a_siege_by_police_stays_a_restriction(default_code):
    evs = default_code("Riot police besieged the opposition headquarters on Tuesday.")
    assert [(e.event_type, e.mode) for e in evs] == [("COERCE", "restrict")], shown(evs)


@pytest.mark.parametrize("text", [
    "Separatist fighters seized three aid workers on the road to the camp on Friday.",
    "The militia had seized them near the river crossing in March.",
])
def test_people_seized_by_fighters_are_an_abduction(default_code, text):
    evs = default_code(text)
    ev = of_type(evs, "ASSAULT")[0]
    assert ev.mode == "abduct" and "sense:seized-people-is-abduction" in ev.rules, shown(evs)
    assert "COERCE" not in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "Police seized two suspected smugglers at the airport.",
    "Customs officers seized 40 kilograms of cocaine at the port.",
])
def test_seizures_by_police_stay_coercion(default_code, text):
    evs = default_code(text)
    assert happened(evs) == {"COERCE"}, shown(evs)


# --- 4. reported attacks ----------------------------------------------------------------

def test_a_targeted_ship_is_an_attack(default_code):
    evs = default_code("The rebels said they had targeted the ship because it was sailing to an enemy port.")
    ev = of_type(evs, "ASSAULT")[0]
    assert ev.trigger == "targeted" and "sense:targeted-vessel-is-attack" in ev.rules, shown(evs)
    assert [a.text for a in ev.actor] == ["The rebels"], shown(evs)


def test_sanctions_that_target_a_shipping_firm_are_no_attack(default_code):
    evs = default_code("The new sanctions targeted the shipping company.")
    assert "ASSAULT" not in happened(evs), shown(evs)


def test_an_attack_told_after_being_by_an_agent_is_its_own_event(default_code):
    evs = default_code("The guards opened fire after being attacked by a gang of smugglers with stones.")
    assaults = of_type(evs, "ASSAULT")
    by_trigger = {e.trigger: e for e in assaults}
    assert set(by_trigger) == {"opened fire", "attacked"}, shown(evs)
    assert [a.text for a in by_trigger["attacked"].actor] == ["a gang of smugglers"], shown(evs)
    assert [a.text for a in by_trigger["opened fire"].actor] == ["The guards"], shown(evs)


def test_a_passive_clause_without_agent_adds_no_event(default_code):
    evs = default_code("The two ambulances were destroyed after being shot at.")
    assert len(of_type(evs, "ASSAULT")) == 1, shown(evs)


# --- 5. prison sentences ----------------------------------------------------------------

def test_a_prison_sentence_the_parse_reads_as_a_range_is_imprisonment(default_code):
    evs = default_code("A court sentenced a former lawmaker to six years in prison for treason.")
    assert {"SANCTION", "COERCE"} <= happened(evs), shown(evs)
    coerce = of_type(evs, "COERCE")[0]
    assert coerce.mode == "arrest" and "structure:prison-sentence-is-imprisonment" in coerce.rules, shown(evs)
    assert [e.text for e in coerce.recipient] == ["lawmaker"], shown(evs)


def test_a_fine_is_no_imprisonment(default_code):
    evs = default_code("The judge sentenced a union leader to a fine of 500 dollars.")
    assert happened(evs) == {"SANCTION"}, shown(evs)
