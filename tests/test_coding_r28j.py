"""Round 28, r28j (a fresh user's trial, analyst D): key events missed, fixed by kind.
Every sentence is written for these tests (other countries and wordings than the user's).

1. A summons coordinated with another act of its type ("condemned the shooting and
   summoned the ambassador") is an ACCUSE disapprove of its own, never merged into the
   other act (words.yaml ``coordinated_own_act_verbs``; annotation guide ACCUSE,
   "summoning an ambassador to complain", and section 2; the train gold labels
   "condemned ... and expressed concern over ..." as two ACCUSE).
2. A licence, permit or accreditation revoked, cancelled or withdrawn is SANCTION
   discontinue (``sense:revoked-licence-is-sanction``; guide section 7); a broadcaster's
   licence stays censorship, a revoked requirement or decree stays a concession, troops
   withdrawn stay RETREAT.
"""

from __future__ import annotations

from conftest import of_type, shown


# --- 1. a coordinated summons ------------------------------------------------------------

def test_summons_after_condemnation_is_its_own_accuse(default_code):
    evs = default_code("Chile condemned the border shooting and summoned the Peruvian ambassador on Monday.")
    acc = of_type(evs, "ACCUSE")
    assert sorted(e.trigger for e in acc) == ["condemned", "summoned"], shown(evs)
    summons = next(e for e in acc if e.trigger == "summoned")
    assert summons.mode == "disapprove", shown(evs)
    assert [r.country for r in summons.recipient] == ["PER"], shown(evs)
    assert any(r == "lexicon:summon/V" for r in summons.rules), shown(evs)


def test_summons_after_blame_is_its_own_accuse(default_code):
    evs = default_code("Ecuador blamed Colombian rebels for the ambush and summoned the Colombian ambassador.")
    acc = of_type(evs, "ACCUSE")
    assert sorted((e.trigger, e.mode) for e in acc) == [("blamed", "allege"), ("summoned", "disapprove")], shown(evs)


def test_summons_with_a_purpose_clause_stays_one_event(default_code):
    # control: the purpose of the summons is the same complaint, one act
    evs = default_code("Japan summoned the Chinese ambassador to protest the detention of its citizens.")
    assert [e.trigger for e in of_type(evs, "ACCUSE")] == ["summoned"], shown(evs)


def test_two_condemning_verbs_without_summons_unchanged(default_code):
    # control: a coordinated accusation of another verb keeps the old choice (one ACCUSE)
    evs = default_code("Lithuania summoned the Belarusian envoy and criticized the incursion.")
    assert [e.trigger for e in of_type(evs, "ACCUSE")] == ["summoned"], shown(evs)


# --- 2. revoked licences and permits ------------------------------------------------------

def test_revoked_drilling_licence_is_sanction(default_code):
    evs = default_code("The energy ministry revoked the drilling licence of a Norwegian oil company on Thursday.")
    sanc = of_type(evs, "SANCTION")
    assert [(e.trigger, e.mode) for e in sanc] == [("revoked", "discontinue")], shown(evs)
    assert "sense:revoked-licence-is-sanction" in sanc[0].rules, shown(evs)


def test_cancelled_permit_and_withdrawn_accreditation_are_sanction(default_code):
    evs = default_code("Nigeria cancelled the operating licence of a South African mobile network.")
    assert [e.mode for e in of_type(evs, "SANCTION")] == ["discontinue"], shown(evs)
    evs = default_code("Canada withdrew the accreditation of two Iranian journalists on Monday.")
    assert [e.mode for e in of_type(evs, "SANCTION")] == ["discontinue"], shown(evs)
    assert [e for e in evs if e.event_type == "RETREAT"] == [], shown(evs)


def test_revocation_controls_keep_their_types(default_code):
    evs = default_code("The telecoms authority revoked the broadcasting licence of an independent radio station.")
    assert [(e.event_type, e.mode) for e in evs] == [("COERCE", "censor")], shown(evs)
    evs = default_code("Parliament revoked the licensing requirement for street vendors.")
    assert [e for e in evs if e.event_type == "SANCTION"] == [], shown(evs)
    evs = default_code("Canada withdrew its troops from Latvia.")
    assert [e.event_type for e in evs] == ["RETREAT"], shown(evs)
