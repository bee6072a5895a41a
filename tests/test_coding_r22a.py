"""Twenty-second round, r22a: refusals and threats the coder missed or renamed under the
threshold (REJECT, THREATEN), fixed by kind. Every sentence here is the team's own,
written for these tests (none is taken from the corpus or an evaluation file).

Kinds (annotation guide sections 3-5, PLOVER manual REJECT and THREATEN):

- a refusal or threat the event rules rename, worded plainly and rare in the corpus,
  keeps the renaming rule's ``prior`` (``model:prior`` on an ``event`` rule): a negated
  permission to enter (REJECT), a negated permission of a hostile act (THREATEN), a
  negated permission for another's troops or mission (REJECT);
- refusals said as a future negative or with their own condition: refused disarmament
  ("will not hand over their weapons while ..."), talks or deals ruled out (REJECT);
- conditional warnings: "warned that the army would intervene if ...", promised
  vengeance ("vowed to avenge"), a demand's "or face <penalty>" alternative (THREATEN
  beside the REQUEST, the demander warning the party told to act).
"""
from __future__ import annotations

import pytest

from conftest import happened, shown


def _of(evs, etype):
    return [e for e in evs if e.event_type == etype and not {"negation", "hypothetical"} & set(e.aux_modes)]


# --- kind 1: renamed refusals and threats keep the renaming rule's prior ---------------

@pytest.mark.parametrize("text,etype,rule", [
    ("The interior minister said the government would not allow European monitors into the northern provinces.",
     "REJECT", "event:withheld-permission-to-enter-is-rejection"),
    ("Officials in Lima said they would not allow the peacekeeping contingent to land at the port.",
     "REJECT", "event:withheld-permission-to-enter-is-rejection"),
    ("The president said Caracas would not allow foreign soldiers to cross its border.",
     "REJECT", "event:withheld-permission-to-a-force-is-rejection"),
    ("The foreign minister said Hanoi will not tolerate any provocation in its waters.",
     "THREATEN", "event:withheld-permission-of-hostile-act-is-threat"),
    ("The defence ministry said Seoul would never permit further incursions into its airspace.",
     "THREATEN", "event:withheld-permission-of-hostile-act-is-threat"),
])
def test_withheld_permission_is_kept_by_default(default_code, text, etype, rule):
    evs = default_code(text)
    got = [e for e in _of(evs, etype) if rule in e.rules]
    assert got, shown(evs)
    # the gate alone gave such acts 0.27-0.42; the rule's prior 0.5 is 0.4685 calibrated
    assert "model:prior" in got[0].rules and got[0].confidence >= 0.46, shown(evs)
    assert "CONCEDE" not in happened(evs), shown(evs)


def test_refused_force_is_rejection_with_actor(default_code):
    evs = default_code("The president said Caracas would not allow foreign soldiers to cross its border.")
    rej = _of(evs, "REJECT")
    assert rej and rej[0].mode == "yield", shown(evs)
    assert [a.country for a in rej[0].actor] == ["VEN"], [(a.text, a.country) for a in rej[0].actor]


@pytest.mark.parametrize("text", [
    # granting stays a concession or access
    "The government will allow foreign troops to use the airbase.",
    # a hostile party barred is no refusal of a cooperative act (the train gold codes no event)
    "The governor said he will never allow foreign terrorists to operate in the state.",
])
def test_other_permissions_are_no_refusal(default_code, text):
    evs = default_code(text)
    assert not {"REJECT", "THREATEN"} & happened(evs), shown(evs)


def test_event_rule_prior_is_read_from_the_rules():
    from tidings.coding import Coder
    c = Coder()
    lp = c.learned
    assert lp._event_prior(["lexicon:allow/V", "event:withheld-permission-to-enter-is-rejection"]) == 0.5
    assert lp._event_prior(["event:negated-agreement-is-rejection"]) == 0.0
    assert lp._event_prior([]) == 0.0


def test_event_rule_prior_needs_a_type():
    import json
    from tidings.coding.rules import parse_rules
    from tidings.errors import TidingsError
    rule = {"name": "event:x-is-y", "priority": 1, "when": [{"pred": "type", "in": ["RETREAT"]}],
            "effect": {"aux_remove": ["negation"], "prior": 0.5}, "manual": "REJECT",
            "examples": [{"text": "They would not let us in.", "event": {"event_type": "REJECT"}}]}
    with pytest.raises(TidingsError, match="prior"):
        parse_rules(json.dumps(rule), "event", "test")
    rule["effect"]["type"] = "REJECT"
    assert parse_rules(json.dumps(rule), "event", "test")[0].effect["prior"] == 0.5


# --- kind 2: refusals said as future negatives or with their own condition -------------

@pytest.mark.parametrize("text", [
    "The rebel commander said his fighters will not hand over their weapons while foreign troops remain in the province.",
    "The militia leaders said they would not disarm until the elections were held.",
])
def test_refused_disarmament_is_rejection(default_code, text):
    evs = default_code(text)
    rej = [e for e in _of(evs, "REJECT") if "event:refused-disarmament-is-rejection" in e.rules]
    assert rej and rej[0].mode == "yield" and rej[0].confidence >= 0.46, shown(evs)
    assert "RETREAT" not in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    # the disarmament inside an if clause is the condition of a threat, not refused
    "The minister warned that if the rebels do not lay down their arms the army will attack.",
    # a plain report of an act not done stays the act + negation
    "The rebels have not handed over their weapons yet.",
])
def test_disarmament_not_refused(default_code, text):
    evs = default_code(text)
    assert "REJECT" not in happened(evs), shown(evs)


@pytest.mark.parametrize("text,rule", [
    ("The opposition has ruled out resuming talks until the detained activists are freed.",
     "frame:ruled-out-talks-is-rejection"),
    ("Kyiv ruled out any ceasefire deal with Moscow.", "frame:ruled-out-talks-is-rejection"),
    ("The president ruled out talks with the rebels.", "sense:ruled-out-talks-is-rejection"),
])
def test_ruled_out_talks_is_rejection(default_code, text, rule):
    evs = default_code(text)
    rej = [e for e in _of(evs, "REJECT") if rule in e.rules]
    assert rej and rej[0].mode == "meet", shown(evs)
    assert "CONSULT" not in happened(evs), shown(evs)


def test_ruled_out_talks_party(default_code):
    evs = default_code("Kyiv ruled out any ceasefire deal with Moscow.")
    rej = _of(evs, "REJECT")
    assert [a.country for a in rej[0].actor] == ["UKR"] and [r.country for r in rej[0].recipient] == ["RUS"], \
        [(e.event_type, [a.text for a in e.actor], [r.text for r in e.recipient]) for e in evs]


@pytest.mark.parametrize("text", [
    "The rebels did not rule out new talks with the government.",   # negated: no refusal
    "Investigators have not ruled out sabotage.",                   # a possibility, no talks
    "The prime minister ruled out early elections.",                # not a talks word: the gate's
])
def test_not_ruled_out_talks(default_code, text):
    evs = default_code(text)
    assert not [e for e in _of(evs, "REJECT") if any("ruled-out" in r for r in e.rules)], shown(evs)
    assert "CONSULT" not in happened(evs), shown(evs)


# --- kind 3: conditional warnings, vengeance, "or face" ultimatums ----------------------

@pytest.mark.parametrize("text", [
    "The defence minister warned that the army would intervene if the ceasefire collapsed.",
    "Ankara warned it would act unless the militants left the border area.",
])
def test_conditional_warning_of_action_is_threat(default_code, text):
    evs = default_code(text)
    thr = _of(evs, "THREATEN")
    assert thr and thr[0].trigger == "warned", shown(evs)
    assert "speech:conditional-warning-of-action-is-threat" in thr[0].rules, shown(evs)


def test_warned_prediction_is_no_threat(default_code):
    evs = default_code("The central bank warned that prices would rise if the drought continued.")
    assert "THREATEN" not in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The clan elders vowed to avenge the killing of their chief.",
    "The rebels vowed to avenge the death of their commander.",
])
def test_vowed_vengeance_is_threat(default_code, text):
    evs = default_code(text)
    thr = _of(evs, "THREATEN")
    assert thr and thr[0].mode == "violence" and "fold:vowed-vengeance-is-threat" in thr[0].rules, shown(evs)
    assert "AGREE" not in happened(evs) and "ASSAULT" not in happened(evs), shown(evs)


def test_vengeance_as_purpose_is_the_attack(default_code):
    evs = default_code("The gunmen placed a bomb at the station to avenge the arrest of their leader.")
    assert "THREATEN" not in happened(evs) and "ASSAULT" in happened(evs), shown(evs)


@pytest.mark.parametrize("text,actor,recipient", [
    ("The envoy demanded that the junta release the prisoners or face sanctions.", "The envoy", "the junta"),
    ("The ministers urged Belgrade to withdraw its police from the north or face the prospect of new sanctions.",
     "The ministers", "Belgrade"),
    ("The African Union ordered the generals to hand power to civilians by June or face consequences.",
     "The African Union", "the generals"),
])
def test_or_face_penalty_is_ultimatum(default_code, text, actor, recipient):
    evs = default_code(text)
    thr = [e for e in _of(evs, "THREATEN") if any(r.endswith("or-face-penalty-is-ultimatum") for r in e.rules)]
    assert thr and thr[0].mode is None, shown(evs)
    assert [a.text for a in thr[0].actor] == [actor] and [r.text for r in thr[0].recipient] == [recipient], \
        [(a.text for a in thr[0].actor), [r.text for r in thr[0].recipient]]
    assert "SANCTION" not in happened(evs), shown(evs)


def test_or_face_without_penalty_is_no_threat(default_code):
    evs = default_code("He can accept the offer or face the voters in March.")
    assert "THREATEN" not in happened(evs), shown(evs)
