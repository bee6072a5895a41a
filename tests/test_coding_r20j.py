"""Twentieth round, r20j (two fresh users' trials): leftover kinds of dates, types and modes.
All sentences are written for these tests.

1. A year or month inside a participle or relative clause on the people a verb acts on
   dates that clause's act only: not the main verb, nor a noun in the main verb's
   adverbial phrase ("freed after mediation by Qatar"), nor a noun acting on the same
   people ("the release of hostages seized in 2022"); annotation guide section 7.
2. A ban on an activity, a gathering or a body is COERCE restrict; a ban on goods or trade
   is SANCTION discontinue (guide section 3; train gold).
3. A bare "would not" + retreat ("would not extend the truce") is a refusal, REJECT yield
   (guide section 4); a counterfactual "would not have" is not.
4. Not attending a session is REJECT meet; skipping or boycotting talks is REJECT meet.
5. Executions of people ("hanged", "put to death") are ASSAULT targeted (guide section 3).
6. Pardons, amnesties and commuted sentences are CONCEDE (guide sections 3 and 5).
"""

from __future__ import annotations

import pytest

from conftest import NOT_HAPPENED, shown


def _done(evs, etype):
    return [e for e in evs if e.event_type == etype and not set(e.aux_modes) & NOT_HAPPENED]


def _by_trigger(evs, word):
    found = [e for e in evs if word in e.trigger.split()]
    assert found, shown(evs)
    return found[0]


# ------------------------------------------------------------------ 1. dates
@pytest.mark.parametrize("text, main, noun, phrase", [
    ("Two engineers kidnapped in Niger in 2022 have been freed after mediation by Togo.",
     "freed", "mediation", "in 2022"),
    ("A reporter jailed in Minsk in 2021 has been released following negotiations led by the Vatican.",
     "released", "negotiations", "in 2021"),
    ("Three nurses who were seized by gunmen in 2023 have been freed after talks brokered by elders.",
     "freed", "talks", "in 2023"),
])
def test_a_clause_year_dates_neither_the_main_act_nor_its_adverbial_noun(every_candidate, text, main, noun, phrase):
    evs = every_candidate(text, pub_date="2025-05-01")
    for word in (main, noun):
        ev = _by_trigger(evs, word)
        assert ev.date.text != phrase and ev.date.start == "2025-05-01", shown([ev])


def test_the_clause_act_keeps_its_year(every_candidate):
    evs = every_candidate("Two engineers kidnapped in Niger in 2022 have been freed after mediation by Togo.",
                          pub_date="2025-05-01")
    ev = _by_trigger(evs, "kidnapped")
    assert ev.date.start == "2022-01-01" and "historical" in ev.aux_modes, shown([ev])


def test_a_release_noun_of_people_seized_earlier_is_not_dated_by_their_seizure():
    """The noun's own "of" phrase names the people its act is done to."""
    from tidings.analyse import load_nlp
    from tidings.dates import participle_clause_spans

    nlp = load_nlp()
    doc = nlp("The release of sailors seized in March was announced on Friday.")
    release = [t for t in doc if t.text == "release"][0]
    dates = [e for e in doc.ents if e.label_ == "DATE"]
    spans = participle_clause_spans(dates, release, 0)
    assert [doc.text[a:b] for a, b in spans] == ["seized in March"]


@pytest.mark.parametrize("text, trigger, phrase", [
    # the main verb's own phrase stays
    ("Two fishermen abducted in 2022 were freed on Friday after mediation by Kenya.", "freed", "Friday"),
    # a phrase told beside the mediation noun, outside any clause, dates it
    ("Kenya began mediation in March to free the fishermen.", "mediation", "in March"),
])
def test_clause_dates_near_misses(every_candidate, text, trigger, phrase):
    evs = every_candidate(text, pub_date="2025-05-01")
    found = [e for e in evs if trigger in e.trigger.split()] or evs
    assert any(e.date.text == phrase for e in found), shown(evs)


# ------------------------------------------------------------------ 2. bans
@pytest.mark.parametrize("text", [
    "Rallies were prohibited across the province after the vote.",
    "The interior ministry prohibited all street marches until further notice.",
    "The military council prohibited gatherings of more than ten people.",
    "Authorities prohibited the activities of two opposition parties.",
])
def test_a_banned_activity_is_coerce_restrict(default_code, text):
    evs = default_code(text)
    assert [(e.event_type, e.mode) for e in _done(evs, "COERCE")] == [("COERCE", "restrict")], shown(evs)
    assert not [e for e in evs if e.event_type == "SANCTION"], shown(evs)
    assert "sense:banned-activity-is-restriction" in _done(evs, "COERCE")[0].rules


@pytest.mark.parametrize("text", [
    "The ministry prohibited the export of onions after prices doubled.",
    "The government prohibited imports of poultry from three countries.",
    "Regulators banned the sale of surveillance software to foreign buyers.",
])
def test_a_ban_on_goods_stays_sanction_discontinue(every_candidate, text):
    evs = every_candidate(text)
    sanctions = [e for e in evs if e.event_type == "SANCTION"]
    assert [e.mode for e in sanctions] == ["discontinue"], shown(evs)
    assert not [e for e in evs if e.event_type == "COERCE"], shown(evs)


# ------------------------------------------------------------------ 3. refusals to extend
@pytest.mark.parametrize("text", [
    "The junta would not extend the ceasefire.",
    "The army would not pull its troops out of the valley.",
])
def test_a_bare_would_not_retreat_is_a_refusal(every_candidate, text):
    evs = every_candidate(text)
    rej = [e for e in evs if e.event_type == "REJECT"]
    assert [e.mode for e in rej] == ["yield"] and not rej[0].aux_modes, shown(evs)
    assert not [e for e in evs if e.event_type == "RETREAT"], shown(evs)


@pytest.mark.parametrize("text", [
    # a counterfactual is no refusal
    "Without the pressure, the junta would not have extended the ceasefire.",
    # a condition makes the act itself hypothetical (unchanged rule, checked here)
    "If the rebels attacked, the army would extend the ceasefire.",
])
def test_would_near_misses_stay_the_act(every_candidate, text):
    evs = every_candidate(text)
    assert not [e for e in evs if e.event_type == "REJECT"], shown(evs)


# ------------------------------------------------------------------ 4. absence from meetings
@pytest.mark.parametrize("text", [
    "The opposition lawmakers did not attend the session.",
    "Rebel deputies did not attend the parliamentary session.",
    "The two parties did not attend the hearing.",
])
def test_not_attending_a_session_is_reject_meet(every_candidate, text):
    """Where not attending is read as REJECT (the gate's proposal), its mode is meet."""
    evs = every_candidate(text)
    rej = [e for e in evs if e.event_type == "REJECT"]
    assert rej and [e.mode for e in rej] == ["meet"], shown(evs)
    assert "mode:absence-from-a-meeting-is-meet" in rej[0].rules


@pytest.mark.parametrize("text", [
    "The separatists skipped the peace talks in Nairobi.",
    "The opposition boycotted the talks with the government.",
])
def test_skipped_or_boycotted_talks_are_reject_meet(default_code, text):
    evs = default_code(text)
    assert [e.mode for e in _done(evs, "REJECT")] == ["meet"], shown(evs)
    assert not _done(evs, "CONSULT"), shown(evs)


def test_a_boycotted_election_stays_protest(every_candidate):
    """Near-miss: boycotting an election is dissent, not a refused meeting."""
    evs = every_candidate("The opposition boycotted the parliamentary election.")
    assert not [e for e in evs if e.event_type == "REJECT"], shown(evs)


def test_the_talks_held_are_no_rejection(default_code):
    """Near-miss: talks held are CONSULT."""
    evs = default_code("The separatists held peace talks in Nairobi.")
    assert _done(evs, "CONSULT") and not [e for e in evs if e.event_type == "REJECT"], shown(evs)


# ------------------------------------------------------------------ 5. executions
@pytest.mark.parametrize("text", [
    "Authorities hanged two men convicted of smuggling weapons.",
    "Three dissidents were hanged in the capital at dawn.",
    "The regime put four protesters to death last month.",
    "The militia executed a captured officer on Sunday.",
])
def test_an_execution_is_assault_targeted(default_code, text):
    evs = default_code(text)
    assert [e.mode for e in _done(evs, "ASSAULT")] == ["targeted"], shown(evs)


@pytest.mark.parametrize("text", [
    "Students hung banners from the windows of the library.",
    "The speaker put the amendment to a vote on Thursday.",
    "The engineers executed the plan ahead of schedule.",
])
def test_hanging_things_and_putting_motions_are_no_execution(default_code, text):
    evs = default_code(text)
    assert not [e for e in evs if e.event_type == "ASSAULT"], shown(evs)


# ------------------------------------------------------------------ 6. clemency
@pytest.mark.parametrize("text", [
    "The president granted amnesty to 1,200 prisoners on Sunday.",
    "The king pardoned forty jailed protesters.",
    "The military ruler commuted the death sentences of six activists.",
])
def test_clemency_is_concede(default_code, text):
    evs = default_code(text)
    assert _done(evs, "CONCEDE"), shown(evs)
    assert not [e for e in evs if e.event_type == "SANCTION"], shown(evs)


def test_a_death_sentence_stays_a_conviction(default_code):
    """Near-miss: passing a sentence is SANCTION convict."""
    evs = default_code("A military court sentenced six activists to death.")
    assert _done(evs, "SANCTION") and not [e for e in evs if e.event_type == "CONCEDE"], shown(evs)
