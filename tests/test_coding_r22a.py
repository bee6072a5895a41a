"""Twenty-second round, r22a: refusals and threats the coder missed or renamed under the
threshold (REJECT, THREATEN), fixed by kind. Every sentence here is the team's own,
written for these tests (none is taken from the corpus or an evaluation file).

Kinds (annotation guide sections 3-5, PLOVER manual REJECT and THREATEN):

- a refusal or threat the event rules rename, worded plainly and rare in the corpus,
  keeps the renaming rule's ``prior`` (``model:prior`` on an ``event`` rule): a negated
  permission to enter (REJECT), a negated permission of a hostile act (THREATEN), a
  negated permission for another's troops or mission (REJECT);
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
