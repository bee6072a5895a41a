"""Rare types a blind trial missed (r22b), each fixed by kind: a foreign mission's staff
ordered out is an expulsion, a coordinated SANCTION of another mode is an act of its own,
reversed restrictions are CONCEDE (a reopened border, removed tariffs, a boycott called
off), a border closed to another state's traffic is SANCTION discontinue, armed forces leaving a place are RETREAT
withdraw and captives handed to a humanitarian body are RETREAT release.

Each kind is read by a rule of ``data/rules/*.jsonl`` named in the event's ``rules``; rare
kinds carry a ``prior`` so the default output reports them. Near misses must not change.
All sentences are the team's own."""

from __future__ import annotations

import pytest

from conftest import happened, shown, happened_of_type as _typed

THRESHOLD = 0.425


def _with_rule(evs, etype: str, rule: str, mode: str | None = "*"):
    return [e for e in _typed(evs, etype, mode) if rule in e.rules and e.confidence >= THRESHOLD]


# --- a foreign mission's staff ordered out: SANCTION expel (guide section 3) ----------

@pytest.mark.parametrize("text,recipient", [
    ("Warsaw ordered nine Belarusian embassy staff to leave the country within 72 hours.", "BLR"),
    ("The junta gave the French consular personnel two days to leave.", "FRA"),
    ("Baku told six Iranian embassy employees to leave the country by Monday.", "IRN"),
])
def test_mission_staff_ordered_out_is_expulsion(default_code, text, recipient):
    evs = default_code(text)
    got = _with_rule(evs, "SANCTION", "frame:ordered-diplomat-to-leave-is-expulsion", "expel")
    assert got, shown(evs)
    assert recipient in {r.country for r in got[0].recipient}, shown(evs)


@pytest.mark.parametrize("text", [
    "The company ordered its staff to leave the building.",        # no mission word
    "The ministry ordered its embassy staff to leave Kabul.",       # its own staff: no expulsion
])
def test_staff_without_a_foreign_mission_is_no_expulsion(default_code, text):
    evs = default_code(text)
    assert not _typed(evs, "SANCTION", "expel"), shown(evs)


def test_pattern_word_lists_are_expanded():
    """A DependencyMatcher pattern may name a word list: the compiled pattern holds its
    words, sorted."""
    from tidings.coding.predicates import _with_word_lists
    from tidings.coding.words import words

    pat = _with_word_lists([{"RIGHT_ID": "d", "RIGHT_ATTRS": {"LEMMA": {"IN": ["@leaving_verbs", "flee"]}}}], "t")
    assert pat[0]["RIGHT_ATTRS"]["LEMMA"]["IN"] == ["flee"] + sorted(words("leaving_verbs"))
    assert "quit" in words("leaving_verbs")


# --- a coordinated SANCTION of another mode: two acts (guide section 2) ----------------

@pytest.mark.parametrize("text", [
    "Morocco expelled three Spanish diplomats and recalled its ambassador.",
    "Ghana responded by expelling two Togolese diplomats and recalling its ambassador from Lome.",
])
def test_coordinated_sanction_of_another_mode_is_its_own_act(default_code, text):
    evs = default_code(text)
    modes = sorted(e.mode for e in _typed(evs, "SANCTION") if e.confidence >= THRESHOLD)
    assert modes == ["expel", "withdraw"], shown(evs)


def test_coordinated_acts_of_one_mode_stay_one(default_code):
    evs = default_code("Gunmen killed three villagers and wounded five others.")
    assert len(_typed(evs, "ASSAULT")) == 1, shown(evs)


# --- reversed restrictions: CONCEDE (guide sections 3 and 5) ------------------------

@pytest.mark.parametrize("text", [
    "Senegal reopened its land border with Gambia on Monday after a year of closure.",
    "Israel reopened the border crossing at Kerem Shalom on Sunday.",
])
def test_reopened_border_is_concession(default_code, text):
    evs = default_code(text)
    assert _with_rule(evs, "CONCEDE", "frame:reopened-crossing-is-concession"), shown(evs)
    assert "COOPERATE" not in happened(evs), shown(evs)


def test_reopened_embassy_is_no_concession(default_code):
    evs = default_code("Syria reopened its embassy in Riyadh.")
    assert "CONCEDE" not in happened(evs), shown(evs)


def test_removed_share_of_tariffs_is_announced_concession(default_code):
    evs = default_code("Mexico will remove most of its retaliatory duties on Canadian steel.")
    got = _with_rule(evs, "CONCEDE", "sense:lifted-sanctions-are-concession")
    assert got and "future" in got[0].aux_modes, shown(evs)
    assert "SANCTION" not in happened(evs), shown(evs)


def test_removed_official_is_no_concession(default_code):
    evs = default_code("The board removed the chairman from office.")
    assert "CONCEDE" not in happened(evs), shown(evs)


def test_march_ended_at_a_place_stays_protest(default_code):
    # the march reached its end point: held, not called off (train gold PROTEST)
    evs = default_code("The students ended their march at the main square in front of parliament.")
    assert "CONCEDE" not in happened(evs), shown(evs)


def test_ended_boycott_is_concession_not_protest(default_code):
    evs = default_code("Several states ended their boycotts of Russian vodka last week.")
    assert _with_rule(evs, "CONCEDE", "sense:ended-protests-are-concession"), shown(evs)
    assert "PROTEST" not in happened(evs), shown(evs)


def test_started_boycott_stays_protest(default_code):
    evs = default_code("Farmers began a boycott of imported grain on Monday.")
    assert _typed(evs, "PROTEST", "boycott"), shown(evs)


# --- a border closed to a state's traffic: SANCTION discontinue (manual, SANCTION
# discontinue; train gold: 'closing its airspace to Russian aircraft') ---------------

@pytest.mark.parametrize("text,trigger", [
    ("Lithuania shut its airspace to Belarusian aircraft.", "shut"),
    ("Algeria closed its ports to Moroccan ships on Monday.", "closed"),
])
def test_border_closed_to_a_states_traffic_is_sanction(default_code, text, trigger):
    evs = default_code(text)
    got = _with_rule(evs, "SANCTION", "sense:closed-border-is-sanction", "discontinue")
    assert got and got[0].trigger == trigger, shown(evs)
    assert "COERCE" not in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    # a border closed as such stays COERCE restrict, as the train gold labels "the border
    # with Colombia was closed as a security measure" (a blind trial's labeller read
    # SANCTION: the gold wins)
    "Turkey closed the main border crossings with Syria on Friday.",
    "The army sealed border areas where the rebels operate.",     # a cordon (train gold COERCE)
    "The interior ministry closed its border to refugees from the north.",
])
def test_other_border_closures_stay_coercion(default_code, text):
    evs = default_code(text)
    assert not [e for e in evs if "sense:closed-border-is-sanction" in e.rules], shown(evs)
    assert "SANCTION" not in happened(evs), shown(evs)


# --- withdrawals and releases: RETREAT (guide section 3) ----------------------------

@pytest.mark.parametrize("text", [
    "Druze militiamen pulled out of the Jaramana district on Friday under the agreement.",
    "Government troops withdrew from the town of Kidal on Monday.",
    "Rebel fighters pulled out of the old quarter of Homs on Thursday under the truce.",
])
def test_forces_leaving_a_place_is_withdrawal(default_code, text):
    evs = default_code(text)
    assert _with_rule(evs, "RETREAT", "sense:forces-pulled-out-of-a-place-is-withdrawal", "withdraw"), shown(evs)


def test_withdrawal_from_talks_stays_sanction(default_code):
    evs = default_code("Uganda withdrew from the talks in Nairobi.")
    assert _typed(evs, "SANCTION", "withdraw"), shown(evs)
    assert "RETREAT" not in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The two kidnapped engineers were handed over to the Red Cross near the border.",
    "The guerrillas handed the three hostages over to a church delegation.",
])
def test_captives_handed_to_humanitarians_are_released(default_code, text):
    evs = default_code(text)
    assert _with_rule(evs, "RETREAT", "sense:handed-over-captives-is-release", "release"), shown(evs)
    assert "COOPERATE" not in happened(evs), shown(evs)


def test_suspect_handed_to_police_stays_cooperation(default_code):
    evs = default_code("Peru handed over a wanted arms smuggler to Chilean authorities on Tuesday.")
    assert "COOPERATE" in happened(evs), shown(evs)
    assert "RETREAT" not in happened(evs), shown(evs)


# --- frequent train misses of these types with no candidate ---------------------------

@pytest.mark.parametrize("text", [
    "Osorio was released after being held for nine days by the guerrillas.",
    "Mutasa was released on bail on Friday.",
])
def test_released_unlabelled_name_is_release(default_code, text):
    # a proper name spaCy leaves without an entity label is a person when it is released
    # (train gold: passive releases of names in restored upper-case wires, RETREAT release)
    evs = default_code(text)
    assert _typed(evs, "RETREAT", "release"), shown(evs)


@pytest.mark.parametrize("text", ["The report was released on Monday.", "Windows was released in 1985."])
def test_released_thing_stays_no_release(default_code, text):
    evs = default_code(text)
    assert "RETREAT" not in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "Mali withdrew from ECOWAS in January.",
    "In March, Gabon and Chad withdrew from ECCAS after a long dispute.",
])
def test_withdrawal_from_a_known_organisation_code_is_sanction(default_code, text):
    evs = default_code(text)
    got = [e for e in _typed(evs, "SANCTION", "withdraw") if "sense:withdrawal-from-a-body-is-sanction" in e.rules]
    assert got and got[0].confidence >= THRESHOLD, shown(evs)
    assert "RETREAT" not in happened(evs), shown(evs)


def test_troops_leaving_a_zone_stay_retreat(default_code):
    evs = default_code("Troops withdrew from the UN zone.")
    assert _typed(evs, "RETREAT", "withdraw"), shown(evs)
    assert "SANCTION" not in happened(evs), shown(evs)


def test_freed_captives_are_the_recipient_not_the_receiving_body(default_code):
    # the train gold gives every release the freed as recipient; the humanitarian body
    # that received them is neither the recipient nor the actor
    evs = default_code("Three Colombian soldiers were handed over to a church commission near the border.")
    rel = _typed(evs, "RETREAT", "release")
    assert rel and not rel[0].actor, shown(evs)
    assert [r.country for r in rel[0].recipient] == ["COL"], [(r.text, r.country) for r in rel[0].recipient]
    evs = default_code("The two kidnapped engineers were handed over to the Red Cross near the border.")
    rel = _typed(evs, "RETREAT", "release")
    assert rel and not rel[0].actor and not rel[0].recipient, [(e.actor, e.recipient) for e in rel]


def test_extradition_keeps_the_receiving_state(default_code):
    evs = default_code("Peru handed over a wanted arms smuggler to Chilean authorities on Tuesday.")
    coop = _typed(evs, "COOPERATE")
    assert coop and "CHL" in {r.country for r in coop[0].recipient}, shown(evs)
