"""r27d: THREATEN and REJECT misses by kind (docs/annotation.md section 11.10:
accountability and cost pledges; section 5: denials are REJECT). Sentences written for
these tests.

Kind 1 (fold:pledged-accountability-is-threat): a commitment, pledge or agreement whose
content is an accountability or cost pledge ("committed to continue to impose costs on X",
"agreed that those responsible must be held to account") is a THREATEN, not an AGREE that
swallows the pledge.
Kind 2 (lexicon be+true / be+truthful, sense:claim-said-not-true-is-denial,
event:claim-said-not-true-is-denial): a claim said to be "not true" is a denial, REJECT.
"""
import pytest

NH = {"negation", "hypothetical"}


def plain(evs, t):
    """The events of type ``t`` with no negation or hypothetical aux mode."""
    return [e for e in evs if e.event_type == t and not set(e.aux_modes) & NH]


def shown(evs):
    return [(e.event_type, e.trigger, e.aux_modes, round(e.confidence, 2), [a.text for a in e.actor],
             [r.text for r in e.recipient]) for e in evs]


PLEDGES = [
    ("The Dutch minister committed to continue to impose costs on Iran for the drone transfers.", "NLD"),
    ("Spain pledged to hold the coup leaders accountable.", "ESP"),
    ("The foreign ministers of Norway and Sweden agreed that those responsible for the bombing in Kabul must be held fully to account.", None),
    ("Kenya vowed to impose severe costs on the smugglers.", "KEN"),
    ("Canada committed to hold Beijing accountable for the cyberattack on its parliament.", "CAN"),
    ("Japan pledged that those behind the cyberattack would be held to account.", "JPN"),
    ("Mexico and Colombia agreed to impose severe costs on the cartels.", None),
]


@pytest.mark.parametrize("text,actor", PLEDGES)
def test_committed_accountability_pledge_is_threat(default_code, text, actor):
    evs = default_code(text)
    thr = plain(evs, "THREATEN")
    assert thr, shown(evs)
    assert "fold:pledged-accountability-is-threat" in thr[0].rules or thr[0].trigger in ("hold", "impose"), shown(evs)
    if actor:
        assert [a.country for a in thr[0].actor] == [actor], shown(evs)
    # the commitment is not a second, cooperative event
    assert not [e for e in plain(evs, "AGREE") if e.trigger == thr[0].trigger], shown(evs)


def test_committed_cost_pledge_names_the_target_as_recipient(default_code):
    evs = default_code("The Dutch minister committed to continue to impose costs on Iran for the drone transfers.")
    thr = plain(evs, "THREATEN")
    assert thr and [r.country for r in thr[0].recipient] == ["IRN"], shown(evs)


CONTROLS_1 = [
    # a commitment to cooperate stays AGREE, no threat
    ("Chile committed to hold regular talks with Argentina on the border.", "AGREE"),
    # sanctions promised are SANCTION/THREATEN by the existing rules, not this kind: no AGREE lost to it
    ("The two leaders pledged to hold a summit in Nairobi next year.", "AGREE"),
    # a commitment to an economic act: no threat
    ("The bank committed to impose lower fees on small savers.", None),
    # a hypothetical pledge in a question: no plain threat
    ("Would Poland pledge to hold the smugglers accountable if asked?", None),
]


@pytest.mark.parametrize("text,expect", CONTROLS_1)
def test_commitments_without_accountability_pledge_are_no_threat(default_code, text, expect):
    evs = default_code(text)
    assert not plain(evs, "THREATEN"), shown(evs)
    assert not any("fold:pledged-accountability-is-threat" in e.rules for e in evs), shown(evs)
    if expect:
        assert plain(evs, expect), shown(evs)


DENIALS = [
    ("\"That is not true,\" the Bolivian interior minister told reporters.", None),
    ("The Kenyan police spokesman said the report of mass arrests was not true.", "KEN"),
    ("It is not true that our army shelled the village, the Armenian defence minister said.", "ARM"),
    ("The Peruvian president said the charges were not truthful.", "PER"),
    # the actor of a denial whose subject is a "reports that" clause is not found (left: parties)
    ("Ghana's foreign ministry said reports that its troops had crossed the border were not true.", None),
    ("The allegation that Hungary had blocked the aid convoy is not true, a government spokesman said.", None),
]


@pytest.mark.parametrize("text,actor", DENIALS)
def test_claim_said_not_true_is_denial(default_code, text, actor):
    evs = default_code(text)
    rej = plain(evs, "REJECT")
    assert rej and "event:claim-said-not-true-is-denial" in rej[0].rules, shown(evs)
    assert rej[0].mode is None
    if actor:
        assert [a.country for a in rej[0].actor] == [actor], shown(evs)


CONTROLS_2 = [
    # affirmed: no denial
    "The report is true, the Serbian defence ministry said.",
    # a question of fact, no negation
    "Nobody knows whether the rumour about the Chilean minister is true.",
    # sport sense
    "The coach said it is not true that the striker will leave the club.",
    # conditional: not a denial made
    "If the report is not true, the Danish ministry will apologise.",
]


@pytest.mark.parametrize("text", CONTROLS_2)
def test_true_without_a_made_denial_is_no_rejection(default_code, text):
    evs = default_code(text)
    assert not plain(evs, "REJECT"), shown(evs)
