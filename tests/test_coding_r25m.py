"""Twenty-fifth round, r25m: announced concessions, refusals said as "never", deals
reached, voiced displeasure and bars from entering that a fresh user's trial missed
or typed otherwise. Every sentence here is the team's own, written for these tests
(none is taken from the corpus, an evaluation file or the user's stories).

Kinds (annotation guide sections 3-5, PLOVER manual):

- an announced future retreat told with a verb ("said it would return the trawler",
  "are expected to release the engineers") is CONCEDE (section 3 CONCEDE, section 4:
  RETREAT + future = CONCEDE); an actor expected to act is ``future``, not a forecast
  (section 4: "scheduled or expected, told as a coming fact"; train gold);
- "would never recognise" is a refusal, REJECT (section 4);
- "reached a deal" told as done is AGREE;
- "expressed disappointment / dismay / outrage" is ACCUSE disapprove (section 5, like
  "expressed concern");
- "banned him from entering its territory" is REJECT (section 3 REJECT; train gold);
- a coast guard "seized their boat" is COERCE seize (section 3 COERCE: confiscation;
  train gold), not ASSAULT.
Each keeps its rule's ``prior`` 0.5 (0.4634 calibrated) where the gate was lower.
"""
from __future__ import annotations

import pytest

from conftest import happened, shown


def _of(evs, etype):
    return [e for e in evs if e.event_type == etype and not {"negation", "hypothetical"} & set(e.aux_modes)]


@pytest.mark.parametrize("text,etype,mode,rule", [
    ("Accra said it would return the seized trawler to its owners next month.",
     "CONCEDE", None, "event:announced-release-is-concession"),
    ("The rebels are expected to release the two engineers on Friday.",
     "CONCEDE", None, "event:announced-release-is-concession"),
    ("The prime minister said Skopje would never recognise the new name of the region.",
     "REJECT", "assist", "event:never-cooperating-is-rejection"),
    ("The two ministries reached a deal on water sharing after a night of talks.",
     "AGREE", None, "sense:reached-deal-is-agreement"),
    ("The Albanian foreign ministry expressed deep disappointment at the ruling.",
     "ACCUSE", "disapprove", "frame:voiced-displeasure-is-disapproval"),
    ("Montenegro banned the opposition mayor from entering its territory for six months.",
     "REJECT", None, "sense:barred-from-entering-is-rejection"),
    ("Two fishermen were released in April, weeks after the Malaysian coast guard seized their boat near the reef.",
     "COERCE", "seize", "sense:seized-vessel-is-confiscation"),
])
def test_kind_is_kept_by_default(default_code, text, etype, mode, rule):
    evs = default_code(text)
    got = [e for e in _of(evs, etype) if rule in e.rules]
    assert got, shown(evs)
    assert got[0].mode == mode, shown(evs)
    assert got[0].confidence >= 0.46, shown(evs)


def test_expected_release_is_future_not_forecast(default_code):
    evs = default_code("The rebels are expected to release the two engineers on Friday.")
    con = _of(evs, "CONCEDE")
    assert con and "aux:expected-act-is-future" in con[0].rules, shown(evs)
    assert "aux:forecast-by-others" not in con[0].rules and con[0].aux_modes == [], shown(evs)
    assert "RETREAT" not in happened(evs), shown(evs)


def test_barred_from_entering_is_no_restriction(default_code):
    evs = default_code("Montenegro banned the opposition mayor from entering its territory for six months.")
    assert "COERCE" not in happened(evs), shown(evs)
    rej = _of(evs, "REJECT")
    assert [a.country for a in rej[0].actor] == ["MNE"], [(a.text, a.country) for a in rej[0].actor]


@pytest.mark.parametrize("text,gone", [
    # an official's forecast of another party's act stays hypothetical
    ("Officials expect the rebels to release the two engineers on Friday.", "CONCEDE"),
    # a deal hoped for, or not reached, is no AGREE that happened
    ("The two ministries hope to reach a deal on water sharing.", "AGREE"),
    ("The two ministries did not reach a deal on water sharing.", "AGREE"),
    # displeasure caused, not voiced, is no act
    ("The tax rise raised anger among shopkeepers in the capital.", "ACCUSE"),
    # a bar from an activity stays a restriction, not a refusal of entry
    ("The electoral board barred the opposition leader from running in the vote.", "REJECT"),
    # seizing a town stays an attack, not a confiscation
    ("The rebels seized the town of Kalehe on Monday.", "COERCE"),
    # a plain report of a past absence of recognition is no refusal
    ("The island has never been recognised by any member of the United Nations.", "REJECT"),
])
def test_controls_stay_without_the_act(default_code, text, gone):
    evs = default_code(text)
    assert gone not in happened(evs), shown(evs)
