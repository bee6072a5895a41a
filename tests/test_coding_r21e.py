"""Twenty-first round, r21e: missed events of the common types whose kind the train gold
labels consistently. All sentences are written for these tests.

1. An attack noun with its own possessor that is to be stopped, ceased, ended or halted
   ("must cease its attacks", "time to stop Israel's attacks") is a particular attack
   going on: ASSAULT, neither negated nor hypothetical (annotation guide 1, "Specific,
   not generic"; train gold 14 of 19). A generic noun ("attacks on journalists must
   stop"), or one that is curbed or prevented, stays undone.
2. A call held or had with a party ("held a call with the Prime Minister") is CONSULT
   phone, not the REQUEST of "a call for" (annotation guide, CONSULT: phone; train gold
   4 of 4).
3. A massacre, murder or assassination is an attack even when the sentence also speaks of
   a collapse or a crash (the accident filter's cues, ``attack_cues``).
4. "unfair", "unjust" and "coward" said of an act or a party are condemning predicates:
   ACCUSE disapprove (annotation guide 11.4; train gold 6 of 7).
"""

from __future__ import annotations

import pytest

from conftest import NOT_HAPPENED, shown


def _done(evs, etype):
    return [e for e in evs if e.event_type == etype and not set(e.aux_modes) & NOT_HAPPENED]


# ------------------------------------------------------------------ 1. stopped ongoing attacks
@pytest.mark.parametrize("text", [
    "The militia must cease its attacks on aid convoys in the north.",
    "It is time to stop Azerbaijan's cruel attacks on the border villages.",
    "The junta has to end its bombing of the highland towns now.",
])
def test_a_possessed_attack_to_be_stopped_is_going_on(every_candidate, text):
    evs = every_candidate(text)
    assert _done(evs, "ASSAULT"), shown(evs)


def test_the_stopped_attack_names_the_rule_that_keeps_it(every_candidate):
    evs = every_candidate("The militia must cease its attacks on aid convoys in the north.")
    done = _done(evs, "ASSAULT")
    assert done and "event:stopped-ongoing-attack-is-going-on" in done[0].rules, shown(evs)


def test_the_rule_layer_keeps_the_attack_undone_without_a_possessor(code_text):
    evs = code_text("Kenya wants to curb attacks on journalists.")
    assert not _done(evs, "ASSAULT"), shown(evs)
    assert not any("event:stopped-ongoing-attack-is-going-on" in e.rules for e in evs), shown(evs)


def test_a_prevented_attack_with_a_possessor_stays_undone(every_candidate):
    """prevent is not in ongoing_act_enders: what it keeps away has not happened."""
    evs = every_candidate("The patrols are meant to prevent the cartel's attacks on the pipeline.")
    assert not any("event:stopped-ongoing-attack-is-going-on" in e.rules for e in evs), shown(evs)


# ------------------------------------------------------------------ 2. calls held with a party
@pytest.mark.parametrize("text, partner", [
    ("The Chilean president held a call with the Prime Minister of New Zealand on Monday.", "New Zealand"),
    ("The foreign secretary had two separate calls with Gulf ministers this week.", "Gulf ministers"),
])
def test_a_call_held_with_a_party_is_a_phone_call(code_text, text, partner):
    evs = code_text(text)
    consult = [e for e in evs if e.event_type == "CONSULT"]
    assert consult and consult[0].mode == "phone", shown(evs)
    assert "sense:held-call-with-party-is-phone-call" in consult[0].rules
    assert any(partner in getattr(r, "text", str(r)) for r in consult[0].recipient), shown(evs)
    assert not any(e.event_type == "REQUEST" for e in evs), shown(evs)


def test_a_call_for_calm_stays_a_request(code_text):
    evs = code_text("The opposition held a call for calm after the vote.")
    assert [e.event_type for e in evs] == ["REQUEST"], shown(evs)


# ------------------------------------------------------------------ 3. intentional killing words
def test_a_massacre_beside_a_collapse_is_no_accident(code_text):
    evs = code_text('"This market square massacre shows the state collapsing," the senator wrote.')
    assert any(e.event_type == "ASSAULT" and e.trigger == "massacre" for e in evs), shown(evs)


def test_a_collapse_alone_is_still_an_accident(code_text):
    evs = code_text("Nine workers were killed when a bridge collapsed near the port.")
    assert not any(e.event_type == "ASSAULT" for e in evs), shown(evs)


# ------------------------------------------------------------------ 4. condemning predicates
@pytest.mark.parametrize("text", [
    "The union leader said the fine imposed on the dockworkers was unfair.",
    '"They are cowards who hide behind women and children," the general said.',
])
def test_unfair_and_cowards_as_predicates_are_disapproval(code_text, text):
    evs = code_text(text)
    acc = [e for e in evs if e.event_type == "ACCUSE"]
    assert acc and acc[0].mode == "disapprove", shown(evs)
    # "cowards" is also an insult predicate (r29f, for the upper-case "COWARDS" the parser
    # reads as a name): either frame names the same act
    assert {"frame:condemning-predicate-is-disapproval", "frame:insult-predicate-is-disapproval"} & set(acc[0].rules)


def test_an_unfair_modifier_before_a_noun_is_no_accusation(code_text):
    """Only what the verb predicates counts (the predicate_words view)."""
    evs = code_text("The unfair tariffs were announced on Monday.")
    assert not any(e.event_type == "ACCUSE" for e in evs), shown(evs)
