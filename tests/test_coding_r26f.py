"""Twenty-sixth round, r26f: COERCE and ACCUSE acts in ordinary wire wordings that the
default output left out. Every sentence here is the team's own, written for these tests
(none is taken from the corpus, an evaluation file or the user's stories).

Kinds (annotation guide section 3, PLOVER manual):

- a protest that is lodged, or addressed to a state's authorities or side, is a
  diplomatic protest, ACCUSE disapprove (section 3, PROTEST: "Diplomatic protests ... are
  ACCUSE disapprove");
- "held X responsible for", "lashed out at", "expressed regret over an act" are ACCUSE
  (allege; disapprove; disapprove: "express concern or regret about someone's act");
- "cordoned off" is COERCE restrict (section 3: "cordons"; train gold);
- "fired tear gas" / "used water cannon" told after a protest is a second event, ASSAULT
  crowd-control (section 3, ASSAULT);
- expelling people (migrants, journalists) is COERCE deport, expelling diplomats stays
  SANCTION expel (section 3; train gold);
- "X accused Y of ..., a charge Y denied": the appositive denial does not swallow the
  accusation (sections 3 and 5).
Each of the rare wordings keeps its rule's ``prior`` 0.5 (0.4634 calibrated).
"""
from __future__ import annotations

import pytest

from conftest import shown


def _of(evs, etype):
    return [e for e in evs if e.event_type == etype and not {"negation", "hypothetical"} & set(e.aux_modes)]


@pytest.mark.parametrize("text,etype,mode,rule", [
    ("Morocco lodged a strong protest with Spain over the seizure.",
     "ACCUSE", "disapprove", "sense:lodged-protest-is-accusation"),
    ("Bangladesh lodged a formal protest with Myanmar over the shelling of its territory.",
     "ACCUSE", "disapprove", "sense:lodged-protest-is-accusation"),
    ("The peacekeeping mission said it had protested the shooting to the Malian authorities.",
     "ACCUSE", "disapprove", "sense:protested-to-a-state-is-accusation"),
    ("Vietnam protested the seizure of its fishing boat to the Chinese side.",
     "ACCUSE", "disapprove", "sense:protested-to-a-state-is-accusation"),
    ("Baghdad held Washington responsible for the strike near the airport.",
     "ACCUSE", "allege", "frame:held-responsible-is-accusation"),
    ("Peru held Bolivia responsible for the smuggling of weapons across the border.",
     "ACCUSE", "allege", "frame:held-responsible-is-accusation"),
    ("The Serbian president lashed out at the European Parliament over the resolution.",
     "ACCUSE", "disapprove", "frame:lashed-out-is-criticism"),
    ("The Ugandan president lashed out at Western donors over the aid cuts.",
     "ACCUSE", "disapprove", "frame:lashed-out-is-criticism"),
    ("Pretoria expressed regret over the killing of its citizens in Mozambique.",
     "ACCUSE", "disapprove", "frame:voiced-regret-over-an-act-is-disapproval"),
    ("Police in Dakar cordoned off the home of the opposition leader.",
     "COERCE", "restrict", "frame:cordoned-off-is-restriction"),
    ("Soldiers cordoned off the central market in Bamako after the explosion.",
     "COERCE", "restrict", "frame:cordoned-off-is-restriction"),
    ("Tunisia expelled 20 migrants to the Libyan border.",
     "COERCE", "deport", "sense:expelled-people-is-deportation"),
])
def test_kind_is_kept_by_default(default_code, text, etype, mode, rule):
    evs = default_code(text)
    got = [e for e in _of(evs, etype) if rule in e.rules]
    assert got, shown(evs)
    assert got[0].mode == mode, shown(evs)
    assert got[0].confidence >= 0.46, shown(evs)


@pytest.mark.parametrize("text", [
    "Hundreds of nurses marched through Accra to demand back pay, and police fired tear gas to disperse them.",
    "Students rallied outside the rectorate in Belgrade, and police used water cannon to drive them back.",
])
def test_crowd_control_after_a_protest_is_a_second_event(default_code, text):
    evs = default_code(text)
    assert _of(evs, "PROTEST"), shown(evs)
    hit = _of(evs, "ASSAULT")
    assert hit and hit[0].mode == "crowd-control", shown(evs)
    assert any(a.sector == "COP" for a in hit[0].actor), shown(evs)


@pytest.mark.parametrize("text,accuser,denier", [
    ("The Philippine government accused China of harassing its vessels, a charge Beijing denied.", "PHL", "CHN"),
    ("Nepal accused India of building a road on disputed land, a claim New Delhi rejected.", "NPL", "IND"),
])
def test_appositive_denial_keeps_the_accusation(default_code, text, accuser, denier):
    evs = default_code(text)
    acc = _of(evs, "ACCUSE")
    assert acc and acc[0].mode == "allege", shown(evs)
    assert [a.country for a in acc[0].actor] == [accuser], shown(evs)
    assert _of(evs, "REJECT"), shown(evs)


def test_a_denied_claim_leaves_its_act_unlabelled(default_code):
    # control: the that-clause of a denial is not labelled (filter:denied-claim-is-not-labelled, r29b)
    evs = default_code("The militia denied that its fighters had burned the village.")
    assert not _of(evs, "ASSAULT"), shown(evs)


@pytest.mark.parametrize("text,etype", [
    # controls: the same words with no act of the kind
    ("The Vice President expressed her regret that she could not attend the dinner.", "ACCUSE"),
    ("Lithuania expelled two Russian diplomats on Monday.", "COERCE"),
    ("Hundreds of farmers protested against the new tax in Lyon.", "ACCUSE"),
    ("The editor remains in prison in Asmara.", "COERCE"),
    ("Opposition leaders have been critical of the plan for years.", "ACCUSE"),
])
def test_controls_stay_without_the_kind(default_code, text, etype):
    evs = default_code(text)
    assert not _of(evs, etype), shown(evs)


def test_expelled_diplomats_stay_sanction(default_code):
    evs = default_code("Lithuania expelled two Russian diplomats on Monday.")
    got = _of(evs, "SANCTION")
    assert got and got[0].mode == "expel", shown(evs)
