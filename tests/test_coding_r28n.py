"""r28n: acts the text does not report, by kind (a fresh user's trial, analyst C).

- filter:halted-meeting-is-no-consultation: a suspended, postponed or cancelled meeting noun
  is no CONSULT (guide section 5: cancelled meetings are REJECT, suspended talks SANCTION);
- filter:delay-by-circumstance-is-no-act: a delay "by" insecurity, flooding or bad roads is
  no act of anyone (guide section 1);
- sense:ended-siege-is-retreat (narrowed) and filter:siege-broken-by-forces-is-no-assault:
  security forces ending someone else's siege is no RETREAT and no ASSAULT (guide 11.14).
Every candidate is checked (--all-candidates) where an event must be absent, so a
low-confidence or negated event cannot hide. Sentences written for these tests; controls tell
the act itself."""
import pytest

from conftest import shown

NO_EVENT = [
    # (sentence, the word that must give no event of any kind or aux mode)
    ("Norway suspended its fisheries consultations with Iceland on Monday.", "consultations"),
    ("Chile postponed the boundary talks with Bolivia until further notice.", "talks"),
    ("Deliveries of seed to the northern districts were delayed by flooding and bad roads.", "delayed"),
    ("The grain convoy was delayed by insecurity on the highway.", "delayed"),
    ("Police commandos ended the siege of the bank in Quito after nine hours.", "siege"),
    ("Police commandos ended the siege of the bank in Quito after nine hours.", "ended"),
    ("Security forces ended the siege of the school in Lagos on Friday.", "ended"),
    ("Security forces ended the siege of the school in Lagos on Friday.", "siege"),
]


@pytest.mark.parametrize("text,word", NO_EVENT)
def test_unreported_acts_give_no_record(every_candidate, text, word):
    evs = every_candidate(text, pub_date="2026-03-02")
    assert not [e for e in evs if word.lower() in e.trigger.lower().split()], shown(evs)


CONTROLS = [
    # (sentence, type, trigger word): the act itself, or the denial / stopping act, stays
    ("The navy denied claims that its gunboats had shelled the fishing village.", "REJECT", "denied"),
    ("The navy shelled the fishing village, the governor said.", "ASSAULT", "shelled"),
    ("Norway held fisheries consultations with Iceland on Monday.", "CONSULT", "consultations"),
    ("The rebels ended their siege of the provincial capital on Monday.", "RETREAT", "ended"),
]


@pytest.mark.parametrize("text,etype,word", CONTROLS)
def test_the_act_itself_stays(default_code, text, etype, word):
    evs = default_code(text)
    assert [e for e in evs if e.event_type == etype and word in e.trigger.split()], shown(evs)


def test_a_delay_by_a_party_is_not_dropped_by_the_circumstance_filter(traced_code):
    _, trace = traced_code("Deliveries of seed to the northern districts were delayed by the army.")
    hit = [t for t in trace if t["trigger"] == "delayed"]
    assert hit and "filter:delay-by-circumstance-is-no-act" not in hit[0]["rules"], trace


def test_dropping_rules_are_named_in_the_trace(traced_code):
    _, trace = traced_code("The grain convoy was delayed by insecurity on the highway.")
    hit = [t for t in trace if t["trigger"] == "delayed"]
    assert hit and "filter:delay-by-circumstance-is-no-act" in hit[0]["rules"], trace
