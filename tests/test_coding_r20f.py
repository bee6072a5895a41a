"""Acts a fresh user's trial (twentieth round) found missed, under the threshold, or of
the wrong type (r20f): diplomats declared persona non grata, hangings, granted amnesties,
vows to go on attacking, wanted people handed over to another state, protests addressed
to a state.

Each kind is read by a rule in ``data/rules/*.jsonl`` (its note names the annotation guide
section and the corpus train split's labels); a ``prior`` keeps the learned gate's belief
in a plainly worded rare act at least 0.5, so the default output (threshold 0.4) reports
it. Near misses per kind must not change. All sentences are the team's own."""

from __future__ import annotations

import pytest

from conftest import happened, shown


def _has(events, etype: str, mode: str | None = "any") -> bool:
    return any(e.event_type == etype and (mode == "any" or e.mode == mode)
               and not {"negation", "hypothetical"} & set(e.aux_modes) for e in events)


# --- persona non grata: SANCTION expel (guide: expelling diplomats) --------------------

@pytest.mark.parametrize("text", [
    "Lithuania declared two Belarusian diplomats persona non grata on Monday.",
    "The Estonian foreign ministry declared a Russian embassy attache persona non grata "
    "and gave him three days to leave.",
])
def test_persona_non_grata_is_expulsion_by_default(default_code, text):
    evs = default_code(text)
    assert _has(evs, "SANCTION", "expel"), shown(evs)
    e = next(e for e in evs if e.event_type == "SANCTION")
    assert "model:prior" in e.rules and e.confidence >= 0.4, shown(evs)


def test_persona_non_grata_names_the_expelling_state(default_code):
    evs = default_code("Lithuania declared two Belarusian diplomats persona non grata on Monday.")
    e = next(e for e in evs if e.event_type == "SANCTION")
    assert [a.country for a in e.actor] == ["LTU"] and "BLR" in {r.country for r in e.recipient}, shown(evs)


# --- hangings: ASSAULT targeted (guide: executions are targeted) -----------------------

@pytest.mark.parametrize("text", [
    "Saudi Arabia hanged three men convicted of drug smuggling on Monday.",
    "Two political prisoners were hanged at dawn in Tabriz.",
    "The authorities hanged a young wrestler accused of killing a guard.",
])
def test_hanging_people_is_execution(default_code, text):
    evs = default_code(text)
    assert _has(evs, "ASSAULT", "targeted"), shown(evs)


@pytest.mark.parametrize("text", [
    "The protesters hung a huge banner from the bridge.",
    "The jailed activist hanged himself in his cell, his lawyer said.",
    "Portraits of the late king hang in every classroom.",
])
def test_hanging_things_or_oneself_is_no_execution(every_candidate, text):
    evs = every_candidate(text)
    assert not any(e.event_type == "ASSAULT" and "frame:hanged-people-is-execution" in e.rules
                   for e in evs), shown(evs)


# --- granted amnesty: CONCEDE (guide section 5: pardons) -------------------------------

@pytest.mark.parametrize("text", [
    "The military council granted amnesty to about 2,000 inmates on Independence Day.",
    "The king granted a pardon to 900 prisoners to mark the holiday.",
])
def test_granted_amnesty_is_concession(default_code, text):
    evs = default_code(text)
    assert _has(evs, "CONCEDE"), shown(evs)


def test_rejected_amnesty_is_no_concession(default_code):
    evs = default_code("The rebels rejected the amnesty offered by the government.")
    assert "CONCEDE" not in happened(evs) and "REJECT" in happened(evs), shown(evs)


# --- vows to go on attacking: THREATEN violence ----------------------------------------

@pytest.mark.parametrize("text", [
    "The Islamic State group has vowed to keep attacking Christian villages.",
    "The rebels vowed to continue attacking government convoys.",
    "The militia pledged to step up its attacks on army posts.",
])
def test_vow_to_go_on_attacking_is_threat(default_code, text):
    evs = default_code(text)
    assert _has(evs, "THREATEN", "violence"), shown(evs)


def test_vow_to_go_on_cooperating_stays_agreement(default_code):
    evs = default_code("The two leaders pledged to continue building closer trade ties.")
    assert "AGREE" in happened(evs) and "THREATEN" not in happened(evs), shown(evs)


# --- a wanted person handed over: COOPERATE (guide: extradition), never AID -------------

@pytest.mark.parametrize("text", [
    "Peru handed over a wanted arms dealer to Chile on Tuesday.",
    "Spain handed the fugitive banker over to Argentina.",
    "Paraguay handed over a Brazilian drug trafficker to Brazil on Friday.",
])
def test_handed_over_wanted_person_is_cooperation(default_code, text):
    evs = default_code(text)
    assert _has(evs, "COOPERATE") and "AID" not in happened(evs), shown(evs)


def test_handed_over_goods_stay_aid(default_code):
    evs = default_code("Tokyo handed over twelve fire trucks and medical equipment to the city of Mandalay.")
    assert "AID" in happened(evs) and "COOPERATE" not in happened(evs), shown(evs)


def test_handed_over_hostages_are_no_cooperation(default_code):
    evs = default_code("The rebels handed over three hostages to the Red Cross.")
    assert "COOPERATE" not in happened(evs) and "AID" not in happened(evs), shown(evs)


# --- a protest addressed to a state: ACCUSE disapprove (guide: diplomatic protests) ------

@pytest.mark.parametrize("text", [
    "Colombo protested to New Delhi over the fishing trawlers.",
    "Dhaka protested to Yangon after the shells landed in a border village.",
])
def test_protest_to_a_state_is_accusation(default_code, text):
    evs = default_code(text)
    assert _has(evs, "ACCUSE", "disapprove") and "PROTEST" not in happened(evs), shown(evs)


def test_street_protest_stays_protest(default_code):
    evs = default_code("Hundreds of fishermen protested outside the Indian embassy in Colombo.")
    assert "PROTEST" in happened(evs) and "ACCUSE" not in happened(evs), shown(evs)


# --- barred from an activity: COERCE restrict (guide: bans on parties, activities) -------

@pytest.mark.parametrize("text", [
    "The court barred the Green Alliance party from running in the election.",
    "The electoral board barred two opposition candidates from standing in the presidential vote.",
])
def test_barred_from_running_is_restriction(default_code, text):
    evs = default_code(text)
    assert _has(evs, "COERCE", "restrict") and "REJECT" not in happened(evs), shown(evs)


def test_barred_from_entering_stays_rejection(default_code):
    evs = default_code("The Taliban barred the journalist from entering the country.")
    assert "REJECT" in happened(evs) and "COERCE" not in happened(evs), shown(evs)


# --- "would be met with force": a warning, THREATEN violence (guide sections 4, 5) -------

@pytest.mark.parametrize("text", [
    "The army chief warned that any incursion from Syrian territory would be met with force.",
    "The defence minister said any attack on its ships will be met with a crushing response.",
])
def test_met_with_force_is_threat(default_code, text):
    # "force" gives mode violence (sense:met-with-force-is-force, then the event rules'
    # future renaming); a reprisal noun ("response") is sense:met-with-reprisal-is-threat's,
    # THREATEN with no mode named
    evs = default_code(text)
    assert "THREATEN" in happened(evs), shown(evs)
    assert "CONSULT" not in happened(evs), shown(evs)
    if "force" in text:
        assert _has(evs, "THREATEN", "violence"), shown(evs)
        assert "ASSAULT" not in happened(evs), shown(evs)
    # left: with a reprisal noun the gate still proposes the conditional "any attack" as a
    # done ASSAULT (the proposal is not judged by the warning's condition)


@pytest.mark.parametrize("text", [
    "The proposal was met with strong resistance from farmers.",
    "The minister was met with applause when she arrived.",
])
def test_met_with_a_reaction_is_no_threat(default_code, text):
    evs = default_code(text)
    assert "THREATEN" not in happened(evs) and "ASSAULT" not in happened(evs), shown(evs)


# --- pushing migrants back over a border: COERCE deport (guide: expelling individuals) ---

@pytest.mark.parametrize("text", [
    "Thai soldiers pushed back about 300 Myanmar refugees across the border on Sunday.",
    "Greek police pushed dozens of migrants back across the river into Turkey.",
])
def test_pushed_back_migrants_is_deportation(default_code, text):
    evs = default_code(text)
    assert _has(evs, "COERCE", "deport") and "REQUEST" not in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "Riot police pushed back the crowd outside parliament.",
    "The opposition pushed back against the new tax.",
])
def test_pushing_back_a_crowd_or_a_policy_is_no_deportation(every_candidate, text):
    evs = every_candidate(text)
    assert not any(e.mode == "deport" for e in evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The activists vowed to keep fighting against racism in sport.",
    "The health minister pledged to continue the campaign against malaria.",
])
def test_vow_to_keep_fighting_a_cause_is_no_threat(default_code, text):
    evs = default_code(text)
    assert "THREATEN" not in happened(evs), shown(evs)
