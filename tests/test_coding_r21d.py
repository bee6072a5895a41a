"""False events in sentences that report none, by kind (issue 16, twenty-first round).

Kinds found among the events the coder gave on corpus train sentences whose gold has no
event, each checked against how the train gold labels the whole wording family, and
written as data (word lists in ``data/words.yaml``, rules in ``data/rules/*.jsonl``):

- "charged with" a duty ("an agency charged with convening experts", "a commission
  charged with reviewing the law") gives a job and alleges no misdeed: no ACCUSE
  (``sense:charged-with-a-duty-is-no-accusation``; PLOVER manual, ACCUSE). Criminal
  charges stay ACCUSE.
- casualties totalled over a counted number of incidents ("killed 400 people in over 500
  attacks") are a statistic (``filter:casualties-over-counted-incidents-are-statistics``;
  annotation guide section 1); a few attacks on one day stay ASSAULT.
- a plural act noun made a habit or a history by its adjective ("regular attacks by
  militias", "past bombings were claimed by ...") points to no particular act
  (``filter:habitual-act-noun-is-no-event``; annotation guide 11.1, open-ended patterns).
- an act named as a threat, risk or fear ("the threat of Russian missile strikes", "the
  danger of an invasion") is a possibility, not a deed
  (``filter:act-named-as-a-risk-is-no-event``; annotation guide section 4).
- a death the sentence calls an accident ("killed at the site of the accident") is no
  ASSAULT (``accident_mishaps`` of ``filter:mishap-is-no-attack``; guide section 1).

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import assert_dropped_by, happened, shown

pytestmark = pytest.mark.slow

DUTY = "sense:charged-with-a-duty-is-no-accusation"
COUNTED = "filter:casualties-over-counted-incidents-are-statistics"
HABIT = "filter:habitual-act-noun-is-no-event"
RISK = "filter:act-named-as-a-risk-is-no-event"
MISHAP = "filter:mishap-is-no-attack"

DROPPED = [
    ("The minister named a commission charged with reviewing the electoral law.", "charged", DUTY),
    ("The ministry created a new office charged with the oversight of border crossings.", "charged", DUTY),
    ("A task force will be charged with drafting the new security strategy.", "charged", DUTY),
    ("Insurgents killed more than 300 civilians in over 120 attacks across the province last year.",
     "killed", COUNTED),
    ("Armed groups wounded thousands of people in hundreds of raids on villages.", "wounded", COUNTED),
    ("Past bombings in the city were claimed by the Islamic State group.", "bombings", HABIT),
    ("Ukraine's grid remains under threat of Russian missile strikes this winter.", "strikes", RISK),
    ("The government warned of the danger of a Rwandan invasion of the eastern provinces.", "invasion", RISK),
    ("Four people were killed at the site of the accident near the airport.", "killed", MISHAP),
]


@pytest.mark.parametrize("text,trigger,rule", DROPPED, ids=[t[0][:40] for t in DROPPED])
def test_kind_gives_no_event(traced_code, text, trigger, rule):
    assert_dropped_by(traced_code(text), trigger, rule)


KEPT = [
    # criminal charges
    ("Prosecutors charged the former governor with embezzling public funds.", "ACCUSE"),
    ("Two men charged with murdering a journalist appeared in court in Lagos.", "ACCUSE"),
    ("The opposition leader was charged with treason on Tuesday.", "ACCUSE"),
    # a few attacks on one day, one attack
    ("Rebels killed nine people in three attacks on villages on Sunday.", "ASSAULT"),
    ("Militants killed 14 soldiers in an attack on a checkpoint in the north.", "ASSAULT"),
    # a campaign of attacks told as done, a strike that happened
    ("The militia carried out repeated attacks on the town last week.", "ASSAULT"),
    ("Russian missile strikes hit the grid in Kharkiv on Monday.", "ASSAULT"),
    # the total of one campaign the sentence names (annotation guide 11.9)
    ("Officials said 60 rebels and 12 soldiers were killed in 45 clashes during the army's offensive in the hills.",
     "ASSAULT"),
    # an attack that is no accident
    ("It is no accident that the militia attacked the town on election day.", "ASSAULT"),
]


@pytest.mark.parametrize("text,etype", KEPT, ids=[t[0][:40] for t in KEPT])
def test_neighbour_keeps_its_event(traced_code, text, etype):
    events, trace = traced_code(text)
    assert etype in {t for t, _ in events}, (events, [(t["trigger"], t["rules"]) for t in trace])
    assert not [t for t in trace if {DUTY, COUNTED, HABIT, RISK} & set(t["rules"])], trace


LEARNED_NONE = [
    ("Insurgents killed more than 300 civilians in over 120 attacks across the province last year.", "ASSAULT"),
    ("The ministry created a new office charged with the oversight of border crossings.", "ACCUSE"),
    ("Ukraine's grid remains under threat of Russian missile strikes this winter.", "ASSAULT"),
    ("Four people were killed at the site of the accident near the airport.", "ASSAULT"),
]


@pytest.mark.parametrize("text,etype", LEARNED_NONE, ids=[t[0][:40] for t in LEARNED_NONE])
def test_default_output_gives_no_such_event(default_code, text, etype):
    """The shipped coder's default output (learned layer on) does not bring the event
    back: the filters judge the model's proposals too."""
    events = default_code(text)
    assert etype not in happened(events), shown(events)


def test_previous_sanctions_stay_sanctions(default_code):
    """The habit filter judges attacks, arrests and protests only: sanctions imposed
    before still weigh ("triggered by previous U.S. sanctions" is SANCTION in the corpus
    train split)."""
    events = default_code("The economy is still recovering from a recession triggered by previous European sanctions.")
    assert "SANCTION" in happened(events), shown(events)
    assert not [e for e in events if HABIT in e.rules], shown(events)


def test_frequent_arrests_are_a_habit(traced_code):
    assert_dropped_by(traced_code("Police say frequent arrests of students have emptied the campus."), "arrests", HABIT)


def test_counted_incidents_need_a_count_of_ten(nlp):
    """``counted_acts`` reads the count of the incidents, not of the victims: "nine people
    in three attacks" counts three incidents, under the rule's ten."""
    from tidings.coding.predicates import PREDICATES
    from tidings.coding.rules import Ctx
    from tidings.coding.words import words

    pred = PREDICATES["counted_acts"].bind(
        {"preps": ["in"], "nouns": ["@counted_incidents"], "min": 10, "counters": ["@incident_counters"]},
        "filter", "test")

    class T:  # the trigger's parse, as the predicate reads it
        def __init__(self, tok):
            self.token = self.frame = tok

    def verdict(text: str) -> bool:
        doc = nlp(text)
        verb = next(t for t in doc if t.lemma_ == "kill")
        return pred(Ctx(sent=doc[:], lex=None, t=T(verb)))

    assert "attack" in words("counted_incidents")
    assert verdict("Gunmen killed 40 people in 25 attacks last year.") is True
    assert verdict("Gunmen killed 40 people in three attacks on Sunday.") is False
    assert verdict("Gunmen killed 40 people in dozens of attacks this year.") is True


def test_word_only_drop_leaves_the_type_to_other_words(default_code):
    """``word_only``: the habit filter drops "past bombings" without turning ASSAULT down
    for the sentence, so the learned pass still codes the bombing the sentence reports
    (a plain drop hid it: the corpus train split lost one such ASSAULT in a first version)."""
    events = default_code("Police are still investigating whether the bombing was carried out by the rebels, "
                          "who have claimed several past bombings in the city.")
    assert [e.trigger for e in events if e.event_type == "ASSAULT"] == ["bombing"], shown(events)


def test_word_only_needs_a_drop():
    from tidings.coding.rules import parse_rules
    from tidings.errors import TidingsError

    line = ('{"name": "filter:x", "priority": 1, "when": [{"pred": "noun"}], "effect": {"word_only": true},'
            ' "manual": "ASSAULT", "note": "n", "examples": []}')
    with pytest.raises(TidingsError, match="word_only"):
        parse_rules(line, "filter", "test")
