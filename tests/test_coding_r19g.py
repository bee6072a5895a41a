"""Nineteenth round, r19g (a fresh user's trial): attack and sanction words in frames that
report no such act, weapons tests and the modes of missiles, drones, sanctions and cyber
operations, and a title line over a story. All sentences are written for these tests."""

from __future__ import annotations

import pytest

from conftest import NOT_HAPPENED, shown


def _of(evs, etype):
    """The events of ``etype`` reported as done (not negated or hypothetical)."""
    return [e for e in evs if e.event_type == etype and not set(e.aux_modes) & NOT_HAPPENED]


def _any(evs, etype):
    return [e for e in evs if e.event_type == etype]


# --- 2. an act in a relative clause with "would" is hypothetical ------------------------

@pytest.mark.parametrize("text, etype", [
    ("France and Britain blocked the motion, which would have imposed sanctions on the Eritrean army.", "SANCTION"),
    ("The assembly voted down an amendment that would have expelled the Togolese delegates.", "SANCTION"),
    ("Washington opposed the resolution, which would impose an arms embargo on the Sudanese militia.",
     "SANCTION"),
])
def test_act_in_would_relative_clause_is_not_done(every_candidate, text, etype):
    """What a draft, motion or bill "would (have)" done is told as its content, not as a
    done act (annotation guide section 4, hypothetical; the learned gate's proposal keeps
    the relative clause's hypothetical: aux:would-in-relative-clause-is-hypothetical)."""
    evs = every_candidate(text)
    assert not _of(evs, etype), shown(evs)


@pytest.mark.parametrize("text, etype", [
    ("The Council imposed sanctions on the Eritrean army, which the generals called unfair.", "SANCTION"),
    ("Ottawa expelled two Togolese diplomats, who had been accused of spying.", "SANCTION"),
])
def test_done_act_before_a_relative_clause_stays_done(every_candidate, text, etype):
    """Near-miss: the main clause's own act is reported as done."""
    evs = every_candidate(text)
    assert _of(evs, etype), shown(evs)


@pytest.mark.parametrize("text, etype", [
    ("Bolivia could quit the water-sharing treaty if the dam is built.", "SANCTION"),
    ("Chile said it would leave the fisheries accord if the quotas were cut.", "THREATEN"),
    ("Manila said it could quit the defence treaty if the bases were not returned.", "THREATEN"),
])
def test_quitting_a_treaty_is_withdrawal_not_agreement(every_candidate, text, etype):
    """Leaving a treaty is SANCTION withdraw (guide section 3), not the treaty noun's
    AGREE; announced by its actor with a condition it is THREATEN (guide section 4)."""
    evs = every_candidate(text)
    assert _any(evs, etype) and not _any(evs, "AGREE"), shown(evs)


def test_signing_a_treaty_stays_cooperation(every_candidate):
    """Near-miss: a verb that is no quitting verb keeps the treaty's own reading."""
    evs = every_candidate("Bolivia and Chile signed the water-sharing treaty on Monday.")
    assert not _any(evs, "SANCTION") and not _any(evs, "THREATEN"), shown(evs)
