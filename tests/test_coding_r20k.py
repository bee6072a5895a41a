"""False events and wrong types a fresh user's trial (twentieth round, r20k) found in long
stories: commentators' assessments, standing states, evaluations and denials, and trade
wording read as force or as concessions.

Each kind is read by a rule in ``data/rules/*.jsonl`` whose note names the annotation
guide section and what the corpus train split's gold does with the kind; near misses per
kind must keep their event. All sentences are the team's own."""

from __future__ import annotations

import pytest

from conftest import happened, shown


def _types(events) -> set[str]:
    return {e.event_type for e in events}


# --- 1. commentators' assessments: no event (guide section 1) -------------------------

@pytest.mark.parametrize("text", [
    "Military analysts say the junta is massing troops for a spring offensive in the south.",
    "Economists say the embargo has cut Iran's export earnings by a third.",
    "Analysts say the peace deal still has to be signed by both parliaments.",
    "Experts think the rebels will attack the capital before the rainy season.",
])
def test_commentator_assessment_is_no_event(default_code, text):
    evs = default_code(text)
    assert evs == [], shown(evs)


def test_commentator_filter_names_itself(traced_code):
    _, trace = traced_code("Analysts say the rebels will probably attack the capital before the rainy season.")
    fired = [t for t in trace if t["trigger"] == "attack"]
    assert fired and "filter:commentator-assessment-is-no-event" in fired[0]["rules"], trace


@pytest.mark.parametrize("text,etype", [
    # a body's experts report a finding: the act stays, with their claim
    ("UN experts said Israeli forces shelled a school in Gaza on Monday.", "ASSAULT"),
    # a named act the assessment is about stays (train gold labels it)
    ("Analysts said Modi's visit came amid rising tension with China.", "CONSULT"),
    # the commentator's own act is no content of an assessment
    ("Security analysts praised ECOWAS for activating its standby force.", "SUPPORT"),
    # an official's statement is no commentary
    ("The defence ministry said the rebels attacked the capital on Sunday.", "ASSAULT"),
])
def test_acts_beside_or_outside_commentary_stay(default_code, text, etype):
    evs = default_code(text)
    assert etype in happened(evs), shown(evs)


# --- 2. standing states (guide 11.3) --------------------------------------------------

def test_identifying_participle_is_no_conviction(default_code, traced_code):
    text = "Iran still holds several dual nationals, including a French teacher sentenced for spying."
    assert "SANCTION" not in _types(default_code(text))
    _, trace = traced_code(text)
    fired = [t for t in trace if t["trigger"] == "sentenced"]
    assert fired and "filter:identifying-participle-is-background" in fired[0]["rules"], trace


@pytest.mark.parametrize("text,trigger", [
    ("Four of the striking dockers remain detained at a police station in the port.", "detained"),
    ("Russia trains Syrian officers and has a naval base in Tartus.", "trains"),
    ("France keeps a large military base in Djibouti and patrols the strait.", "patrols"),
])
def test_standing_status_is_no_event(traced_code, text, trigger):
    events, trace = traced_code(text)
    fired = [t for t in trace if t["trigger"] == trigger]
    assert fired and any(r.startswith("filter:") for r in fired[0]["rules"]), trace
    assert not [e for e in events if e[1] == trigger], events


@pytest.mark.parametrize("text,etype", [
    ("Police detained the opposition leader on Monday.", "COERCE"),
    ("A court sentenced the editor to five years in prison on Tuesday.", "SANCTION"),
    ("The activist was jailed on Friday for insulting the king.", "COERCE"),
    ("The army trained 500 new recruits at the base this month.", "MOBILIZE"),
])
def test_acts_told_as_acts_stay(default_code, text, etype):
    evs = default_code(text)
    assert etype in happened(evs), shown(evs)


# --- 3. evaluations, denials of intent, press briefings -------------------------------

@pytest.mark.parametrize("text", [
    "Somalia called the accord an act of aggression and expelled the envoy.",
    "Kyiv described the flooding of the valley as an act of war.",
    "Tehran branded the killing of its general an act of war.",
])
def test_act_of_aggression_as_predicate_is_disapproval(default_code, text):
    evs = default_code(text)
    acc = [e for e in evs if e.event_type == "ACCUSE"]
    assert acc and acc[0].mode == "disapprove", shown(evs)
    assert not any(e.trigger in ("aggression", "war") for e in evs), shown(evs)


def test_act_of_aggression_told_as_act_is_not_an_evaluation(traced_code):
    _, trace = traced_code("The act of aggression against our fishing boats will not go unanswered.")
    assert not any("filter:act-named-in-an-evaluation-is-no-event" in t["rules"] for t in trace), trace


def test_no_intention_of_attacking_is_negated(default_code):
    evs = default_code("The prime minister said his country had no intention of attacking its neighbour.")
    assert "ASSAULT" not in happened(evs), shown(evs)
    assert any(e.event_type == "ASSAULT" and "negation" in e.aux_modes for e in evs), shown(evs)


def test_intention_to_attack_stays(default_code):
    evs = default_code("Rebels attacked an army post near the border on Sunday, the army said.")
    assert "ASSAULT" in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The foreign secretary told a briefing in Delhi that the talks were useful.",
    "The army spokesman told a briefing in Islamabad that the border was calm.",
])
def test_press_briefing_is_no_consultation(default_code, text):
    assert "CONSULT" not in _types(default_code(text))


def test_briefing_given_to_a_party_is_consultation(default_code):
    evs = default_code("The two foreign ministers held a briefing with the visiting delegation.")
    assert "CONSULT" in happened(evs), shown(evs)


# --- 4. trade wording -------------------------------------------------------------------

def test_lifting_tariffs_to_a_level_is_sanction(default_code):
    evs = default_code("Washington lifted its tariffs on Mexican cement to 40 percent on Monday.")
    assert "SANCTION" in happened(evs) and "CONCEDE" not in _types(evs), shown(evs)


def test_lifting_tariffs_is_still_concession(default_code):
    evs = default_code("Washington lifted its tariffs on Mexican cement on Monday.")
    assert "CONCEDE" in happened(evs) and "SANCTION" not in _types(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "India retaliated with tariffs on American almonds and apples.",
    "Ottawa retaliated against bourbon and motorcycles with duties of 25 percent.",
    "Mexico, which was also hit by the cement tariffs, announced its own countermeasures on Friday.",
    "The new levies hit Brazilian coffee exporters hardest.",
])
def test_trade_retaliation_and_tariff_hits_are_sanction(default_code, text):
    evs = default_code(text)
    assert "SANCTION" in happened(evs) and "ASSAULT" not in _types(evs), shown(evs)


def test_retaliation_by_force_stays_assault(default_code):
    evs = default_code("The militia retaliated against the village after the ambush, burning dozens of homes.")
    assert "ASSAULT" in happened(evs), shown(evs)


def test_refused_trade_retaliation_is_no_attack(default_code):
    evs = default_code("Japan said it would not retaliate against the steel tariffs for now.")
    assert "ASSAULT" not in _types(evs), shown(evs)


def test_approved_sum_for_refugees_is_aid(default_code):
    evs = default_code("The bloc approved 2 billion euros to support displaced Sudanese families in Chad.")
    assert "AID" in happened(evs) and "AGREE" not in _types(evs), shown(evs)


def test_approved_law_is_still_no_aid(default_code):
    evs = default_code("The national assembly approved the new tax bill on Friday.")
    assert "AID" not in _types(evs), shown(evs)


def test_denied_intention_is_rejection_not_accusation(default_code):
    evs = default_code("Aliyev said Azerbaijan had no intention of violating Armenia's sovereignty.")
    assert "REJECT" in happened(evs), shown(evs)
    assert "ACCUSE" not in happened(evs), shown(evs)
