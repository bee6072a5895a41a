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
3. Reservists called up are MOBILIZE troops (``sense:called-up-forces-are-mobilization``),
   also when a decree allows them to be called up: an enabling verb with no event of its
   own no longer absorbs the call-up (words.yaml ``authorizing_verbs``,
   ``authorized_act_types``; PLOVER manual MOBILIZE). A law allowing arrests stays no event.
4. Force used on protesters (tear gas or water cannon to disperse them) after a sentence about
   a protest over a collapse is crowd control, not the accident told on (words.yaml
   ``attack_cues`` gains the words of force on a crowd; annotation guide section 5).
5. A town or territory taken back is ASSAULT (occupation), warned as a future act THREATEN
   (``sense:territory-taken-back-is-occupation``; lexicon "take back" weight 0; guide 11.10).
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


# --- 3. call-ups of reservists ------------------------------------------------------------

def test_decree_allowing_a_call_up_is_mobilization(default_code):
    evs = default_code("Azerbaijan's president signed a decree allowing reservists to be called up for border duty.")
    mob = of_type(evs, "MOBILIZE")
    assert [(e.trigger, e.mode) for e in mob] == [("called up", "troops")], shown(evs)
    assert "sense:called-up-forces-are-mobilization" in mob[0].rules, shown(evs)


def test_called_up_reservists_is_mobilization(default_code):
    evs = default_code("Armenia called up 5,000 reservists on Tuesday amid border tensions.")
    mob = of_type(evs, "MOBILIZE")
    assert [a.country for a in mob[0].actor] == ["ARM"], shown(evs)


def test_call_up_controls(default_code):
    # a witness called up is no mobilisation; a law allowing arrests is a standing permission
    evs = default_code("The judge called up the next witness.")
    assert [e for e in evs if e.event_type == "MOBILIZE"] == [], shown(evs)
    evs = default_code("The new law allows police to arrest suspects without a warrant.")
    assert [e for e in evs if e.event_type == "COERCE"] == [], shown(evs)


# --- 4. crowd control after a protest over a collapse -------------------------------------

def test_crowd_control_after_protest_over_collapse_is_assault(default_code):
    evs = default_code("LIMA, Mar 3 - Thousands of miners marched through Lima on Tuesday to protest the collapse of "
                       "a tailings dam that killed 40 people. Riot police fired water cannon to disperse "
                       "demonstrators outside the Congress and detained 11 people.")
    assert [(e.sentence_index, e.mode) for e in of_type(evs, "ASSAULT")] == [(2, "crowd-control")], shown(evs)


def test_accident_follow_on_still_dropped(default_code):
    # control: the sentence after a collapse with no force on a crowd tells the accident
    evs = default_code("A footbridge collapsed over the river on Monday. Six pedestrians were injured.")
    assert [e for e in evs if e.event_type == "ASSAULT"] == [], shown(evs)


# --- 5. territory taken back -------------------------------------------------------------

def test_warned_taking_back_of_territory_is_threat(default_code):
    evs = default_code("Somalia warned on Monday that it would take back Jubaland by force if Kenya kept its troops there.")
    thr = of_type(evs, "THREATEN")
    assert [(e.trigger, e.mode) for e in thr] == [("take back", "violence")], shown(evs)
    assert [a.country for a in thr[0].actor] == ["SOM"], shown(evs)
    assert "sense:territory-taken-back-is-occupation" in thr[0].rules, shown(evs)


def test_town_taken_back_is_assault(default_code):
    evs = default_code("Rebel fighters took back the border town of Kuru on Saturday.")
    assert [e.trigger for e in of_type(evs, "ASSAULT")] == ["took back"], shown(evs)


def test_taking_back_words_or_people_is_no_event(default_code):
    for text in ("The minister took back his remarks about the judges.", "Italy agreed to take back 200 migrants."):
        evs = default_code(text)
        assert [e for e in evs if e.event_type in ("ASSAULT", "THREATEN")] == [], shown(evs)
