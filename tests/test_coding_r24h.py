"""r24h: events recorded that did not happen, and speakers who claim their own acts
(issue 16, twenty-fourth round, a fresh user's trial). Every sentence here was written
for these tests.

1. The act noun a speaker puts after "as" of a verb of rejecting, condemning or naming
   ("rejected the measures as economic aggression", "denounced the visa bans as an
   invasion"), or as a naming verb's predicate ("branded the decision an aggression"), is
   a judgement, no act of its own (``filter:act-named-as-a-judgement-is-no-event``,
   ``words.yaml`` ``characterising_verbs``); the judging verb keeps its ACCUSE or REJECT.
   An act named as what happened ("condemned the aggression against Ukraine") or judged by
   an adjective ("denounced the attack as cowardly") stays.
2. A speech act's speaker is its actor, not its claimant: when the reporting speaker and
   the actor of an ACCUSE, REJECT, THREATEN ... are the same, ``claimed_by`` is empty
   (annotation guide section 6; ``events._speaker_is_actor``, ``words.yaml``
   ``speech_act_quad_classes``). Another party's act keeps its claimant, and so does a
   material act its own actor claims (the corpus train gold: "the group claimed
   responsibility for the attack" has claimed_by the group).
3. "alleged massacres" inside a report noun stays an event: the train gold codes "condemned
   an alleged bombing" and "the alleged attacks" as ASSAULT with no aux mode, and the
   guide gives no rule against it (left as it is).
"""

from __future__ import annotations

import pytest

from conftest import happened, of_type, shown

pytestmark = pytest.mark.slow

JUDGED = "filter:act-named-as-a-judgement-is-no-event"


# ------------------------------------------------------------ 1. "as aggression" is a judgement

@pytest.mark.parametrize("text, kept", [
    ('Minsk dismissed the report as "hybrid aggression" by the West.', "REJECT"),
    ('Managua denounced the visa bans as "an invasion" of its sovereignty.', "ACCUSE"),
    ("Havana rejected the new restrictions as economic aggression and vowed to respond.", "REJECT"),
])
def test_act_named_after_as_is_no_event(default_code, text, kept):
    evs = default_code(text)
    assert "ASSAULT" not in {e.event_type for e in evs}, shown(evs)
    assert kept in happened(evs), shown(evs)


def test_naming_predicate_is_no_event(code_text):
    evs = code_text("The ministry branded the decision an aggression against the people.")
    assert "ASSAULT" not in {e.event_type for e in evs}, shown(evs)


def test_judgement_filter_marks_its_drop(every_candidate):
    # the drop is the filter's: the candidate word is not proposed at all
    evs = every_candidate('Minsk dismissed the report as "hybrid aggression" by the West.')
    assert not [e for e in evs if e.trigger == "aggression"], shown(evs)


@pytest.mark.parametrize("text, trigger", [
    ("The government condemned the aggression against Ukraine.", "aggression"),
    ("The mayor denounced the attack as cowardly.", "attack"),
    ("Damascus condemned the Israeli air strikes as aggression.", "strikes"),
])
def test_real_act_beside_a_judgement_stays(default_code, text, trigger):
    evs = default_code(text)
    got = [e for e in evs if e.event_type == "ASSAULT"]
    assert [e.trigger for e in got] == [trigger], shown(evs)
    assert all(JUDGED not in e.rules for e in got)
    assert "ACCUSE" in happened(evs), shown(evs)


# ------------------------------------------------------- 2. the speaker of a speech act

@pytest.mark.parametrize("text, etype, actor", [
    ("The Houthis warned they would strike any ship entering the port.", "THREATEN", "The Houthis"),
    ('"These accusations are completely baseless," the Georgian foreign ministry said.', "REJECT",
     "the Georgian foreign ministry"),
    ('"We strongly condemn this attack," the Turkish foreign ministry said.', "ACCUSE",
     "the Turkish foreign ministry"),
])
def test_speaker_of_own_speech_act_is_no_claimant(default_code, text, etype, actor):
    ev = of_type(default_code(text), etype)[0]
    assert [a.text for a in ev.actor] == [actor], shown([ev])
    assert ev.claimed_by == [], (ev.claimed_by, shown([ev]))
    assert "structure:speaker-of-a-speech-act-is-no-claimant" in ev.rules


@pytest.mark.parametrize("text, etype, actor, claimant", [
    # another party's speech act keeps its reporter
    ("Ukraine's foreign ministry said Russia had threatened to cut gas supplies.", "THREATEN", "Russia",
     "Ukraine's foreign ministry"),
    # another party's material act too
    ("The army said rebels had attacked a checkpoint near the town.", "ASSAULT", "rebels", "The army"),
])
def test_reported_act_of_another_party_keeps_its_claimant(default_code, text, etype, actor, claimant):
    ev = of_type(default_code(text), etype)[0]
    assert [a.text for a in ev.actor] == [actor], shown([ev])
    assert [c.text for c in ev.claimed_by] == [claimant], shown([ev])


def test_speech_act_classes_are_verbal_only():
    from tidings.coding.words import words

    assert set(words("speech_act_quad_classes")) == {"verbal_cooperation", "verbal_conflict"}


# ------------------------------------------------- 3. an alleged act in a report stays

def test_alleged_act_in_a_report_stays_an_event(default_code):
    # the guide and the train gold code an alleged attack as the attack, no aux mode
    evs = default_code("The junta suspended two radio stations over a report on alleged army killings "
                       "of civilians in the east.")
    assert "COERCE" in happened(evs), shown(evs)
