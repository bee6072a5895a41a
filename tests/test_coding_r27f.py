"""r27f: COERCE misses of the corpus train split, fixed by kind (annotation guide, COERCE:
arrest, detention, imprisonment; PLOVER manual COERCE and its repression context).
Sentences written for these tests.

Kind 1: a person kept in custody or in a prison ("is being held at a military prison",
"kept behind bars"): frame:kept-in-custody-is-arrest. (The verbs "persecute" and "repress"
were tried and dropped: train lost right events, "repressed the noise" read COERCE.)"""
import pytest


def shown(evs):
    return [(e.event_type, e.mode, e.trigger, e.confidence, [a.text for a in e.actor],
             [r.text for r in e.recipient]) for e in evs]


def coerce(evs, trigger):
    return [e for e in evs if e.event_type == "COERCE" and e.trigger == trigger]


KEPT = [
    ("The former minister is being held at a military prison outside Algiers.", "held", "The former minister"),
    ("Three Egyptian activists arrested in May are still being held in pretrial detention.", "held", "Three Egyptian activists"),
    ("Zambian police kept the two reporters behind bars for a week.", "kept", "the two reporters"),
    ("Two Ethiopian journalists were held in incommunicado detention for a month.", "held", "Two Ethiopian journalists"),
    ("The Venezuelan activist was kept in solitary confinement by military intelligence officers.", "kept", "The Venezuelan activist"),
    ("Moroccan authorities are holding the rapper in a prison in Casablanca.", "holding", None),
]


@pytest.mark.parametrize("text,trigger,recipient", KEPT)
def test_person_kept_in_custody_is_arrest(default_code, text, trigger, recipient):
    evs = default_code(text)
    arr = coerce(evs, trigger)
    assert arr and arr[0].mode == "arrest", shown(evs)
    assert "frame:kept-in-custody-is-arrest" in arr[0].rules, shown(evs)
    if recipient:  # the kept person is the recipient, never the actor
        assert [r.text for r in arr[0].recipient] == [recipient], shown(evs)


KEPT_CONTROLS = [
    "The summit will be held in Geneva next month.",
    "The talks were held at a hotel in Doha on Monday.",
    "The concert was held behind the old prison in Lviv.",
    "Farmers in Chad kept their cattle in pens during the drought.",
    "The museum is held in a former prison in Budapest.",
]


@pytest.mark.parametrize("text", KEPT_CONTROLS)
def test_held_without_a_custody_phrase_is_no_arrest(default_code, text):
    evs = default_code(text)
    assert not [e for e in evs if e.event_type == "COERCE"], shown(evs)
