"""False events from act nouns and background inside an event sentence (r22f, a blind
trial's extra events), each fixed by kind and checked against the corpus train gold:

- an attack that is planned or plotted, told by an indefinite noun, is hypothetical
  (``aux:plotted-act-is-hypothetical``); a definite one ("plotting the ambush on the
  convoy") happened and stays;
- a call inside a charge ("convicted of posting videos urging a boycott") is no REQUEST
  (``filter:call-inside-a-charge-is-no-request``); a resolution calling for something
  stays one;
- an act that something rehearses or pretends ("a rehearsal for an attack", "a pretext
  for war") is no event (``filter:act-rehearsed-is-no-event``);
- a state of emergency for a natural disaster is no COERCE (the frame rule's own
  exception and ``filter:disaster-emergency-is-no-coercion``; annotation guide section 5);
  one after riots stays COERCE martial-law;
- calling an act an attempt at an ill aim ("an attempt to silence its members") is ACCUSE
  (``frame:called-an-attempt-to-harm-is-accusation``); "an attempt to find peace" is not;
- a class of acts as the object of a view ("regards such naval patrols as provocations")
  is no event (``filter:class-of-acts-in-a-view-is-no-event``); a specific act stays.

The default output (learned layer, threshold) is tested, since most of these false events
were the learned layer's proposals. All sentences are the team's own."""

from __future__ import annotations

import pytest

from conftest import happened, shown


def _of(evs, etype):
    return [e for e in evs if e.event_type == etype]


# --- planned attacks (annotation guide section 4, hypothetical; 11.4) -----------------

@pytest.mark.parametrize("text", [
    "Border guards arrested four men on suspicion of planning bomb attacks on a refinery.",
    "The militia planned attacks on three border posts.",
])
def test_planned_attack_is_hypothetical(default_code, text):
    evs = default_code(text)
    assert "ASSAULT" not in happened(evs), shown(evs)
    planned = [e for e in _of(evs, "ASSAULT") if "aux:plotted-act-is-hypothetical" in e.rules]
    assert not _of(evs, "ASSAULT") or planned, shown(evs)


def test_planned_attack_keeps_the_arrest(default_code):
    evs = default_code("Border guards arrested four men on suspicion of planning bomb attacks on a refinery.")
    arrest = _of(evs, "COERCE")
    assert arrest and arrest[0].mode == "arrest", shown(evs)
    assert [x.text for x in arrest[0].recipient] == ["four men"], shown(evs)


def test_plotting_a_definite_attack_is_the_attack(default_code):
    # the train gold: "accused the Taliban of plotting the attack on the girls' school" is ASSAULT
    evs = default_code("Prosecutors accused the rebels of plotting the ambush on the convoy near Goma.")
    assert {"ACCUSE", "ASSAULT"} <= happened(evs), shown(evs)
    assert not [e for e in evs if "aux:plotted-act-is-hypothetical" in e.rules], shown(evs)


def test_planned_meeting_is_no_plotted_attack(default_code):
    # attacks only: a planned meeting is a schedule (guide section 4), and the train gold
    # keeps "established an action plan" AGREE and "directed attack planning" ASSAULT
    evs = default_code("The two parties planned talks on the border dispute for next week.")
    assert "CONSULT" in happened(evs), shown(evs)
    assert not [e for e in evs if "aux:plotted-act-is-hypothetical" in e.rules], shown(evs)


# --- a call inside a charge (guide section 5; train: "accused of calling for ...") -------

@pytest.mark.parametrize("text", [
    "Two bloggers were convicted of posting videos urging a boycott of the referendum.",
    "Three students were charged with distributing leaflets calling for a general strike.",
])
def test_call_inside_a_charge_is_no_request(default_code, text):
    evs = default_code(text)
    assert "REQUEST" not in happened(evs), shown(evs)


def test_resolution_calling_for_something_stays_a_request(default_code):
    evs = default_code("The senators backed a resolution calling for sanctions on the junta.")
    req = _of(evs, "REQUEST")
    assert req and "filter:call-inside-a-charge-is-no-request" not in req[0].rules, shown(evs)


# --- rehearsed or pretended acts -------------------------------------------------------

@pytest.mark.parametrize("text,noun", [
    ("The ministry condemned the manoeuvres as a rehearsal for an attack on the islands.", "attack"),
    ("The opposition said the incident was a pretext for war.", "war"),
])
def test_rehearsed_act_is_no_event(default_code, text, noun):
    evs = default_code(text)
    assert "ASSAULT" not in happened(evs), shown(evs)
    assert not [e for e in evs if e.trigger == noun], shown(evs)


def test_rehearsal_keeps_the_condemnation(default_code):
    evs = default_code("The ministry condemned the manoeuvres as a rehearsal for an attack on the islands.")
    acc = _of(evs, "ACCUSE")
    assert acc and acc[0].mode == "disapprove" and [x.text for x in acc[0].actor] == ["The ministry"], shown(evs)


def test_named_invasion_stays(default_code):
    evs = default_code("Russia's invasion of Ukraine was condemned by the assembly.")
    assert {"ACCUSE", "ASSAULT"} <= happened(evs), shown(evs)


# --- disaster emergencies (guide section 5: "state of emergency for a disaster: no event") -

@pytest.mark.parametrize("text", [
    "Heavy monsoon rains flooded much of the south on Monday. Officials declared a state of emergency "
    "in six districts and asked for foreign aid.",
    "After the hurricane, the governor declared a state of emergency along the coast.",
])
def test_disaster_emergency_is_no_coercion(default_code, text):
    evs = default_code(text)
    assert "COERCE" not in happened(evs), shown(evs)


def test_disaster_emergency_keeps_the_appeal(default_code):
    evs = default_code("Heavy monsoon rains flooded much of the south on Monday. Officials declared a state of "
                       "emergency in six districts and asked for foreign aid.")
    req = _of(evs, "REQUEST")
    assert req and req[0].mode == "assist", shown(evs)


def test_disaster_filter_names_itself(traced_code):
    _, trace = traced_code("Floods swept through the delta over the weekend. The cabinet declared a state of "
                           "emergency in five districts.")
    fired = [t for t in trace if "filter:disaster-emergency-is-no-coercion" in t["rules"]]
    assert fired and fired[0]["weight"] <= 0, trace


def test_emergency_after_riots_stays_coercion(default_code):
    evs = default_code("The president declared a state of emergency after violent riots in the capital.")
    co = _of(evs, "COERCE")
    assert co and co[0].mode == "martial-law", shown(evs)
    assert "frame:declared-state-of-emergency-is-coercion" in co[0].rules


def test_emergency_after_riots_beside_a_flood_stays_coercion(default_code):
    evs = default_code("Floods hit the north last month. The president declared a state of emergency after "
                       "riots broke out in the capital.")
    assert "COERCE" in happened(evs), shown(evs)


# --- an act called an attempt at an ill aim: ACCUSE (guide 11.4; train 'ATTEMPTS TO JUSTIFY') -

@pytest.mark.parametrize("text,speaker", [
    ("The union called the dismissals an attempt to silence its members.", "The union"),
    ("Kyiv described the strikes on the grid as a bid to terrorize civilians.", "Kyiv"),
])
def test_called_an_attempt_to_harm_is_accusation(default_code, text, speaker):
    evs = default_code(text)
    acc = [e for e in _of(evs, "ACCUSE") if "frame:called-an-attempt-to-harm-is-accusation" in e.rules]
    assert acc and acc[0].mode == "disapprove", shown(evs)
    assert [x.text for x in acc[0].actor] == [speaker], shown(evs)
    assert acc[0].confidence >= 0.425


def test_called_an_attempt_at_a_good_aim_is_no_accusation(default_code):
    evs = default_code("The mediators called the talks an attempt to find a lasting peace.")
    assert "ACCUSE" not in happened(evs), shown(evs)


# --- a class of acts in a standing view (guide section 1) --------------------------------

@pytest.mark.parametrize("text", [
    "Hanoi views such joint naval drills as a provocation.",
    "The junta regards such joint patrols as a threat to its sovereignty.",
    "Tehran regards such naval patrols as provocations.",
])
def test_class_of_acts_in_a_view_is_no_event(default_code, text):
    # the viewer did not hold the drills: no COOPERATE with the viewer as actor
    evs = default_code(text)
    assert not {"MOBILIZE", "COOPERATE"} & happened(evs), shown(evs)


def test_specific_act_in_a_view_stays(default_code):
    # the train gold: "sees the book ban as part of a larger crackdown" is COERCE
    evs = default_code("The junta sees the blockade of the port as an act of war.")
    assert "COERCE" in happened(evs), shown(evs)
