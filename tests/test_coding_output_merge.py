"""``--all-candidates`` filtered at the threshold holds the default output's records.

The default output merges the records of one act in a sentence (``merge_same_acts``);
``--all-candidates`` merges them too, apart on each side of the threshold
(:meth:`tidings.coding.coder.Coder.merge_by_output`; a fresh user's trial, twentieth
round: two ASSAULTs at 0.96 with ``--all-candidates`` were one record by default).
Sentences written for these tests.
"""
import pytest

from tidings.coding import Coder
from tidings.records import Story


@pytest.fixture(scope="module")
def both(nlp):
    default, every = Coder(), Coder(all_candidates=True)
    threshold = every.learned.model.settings["threshold"]

    def run(text):
        doc = nlp(text)
        story = Story(id="t", text=text, pub_date="2025-05-01")
        return default.code_doc(doc, story), every.code_doc(doc, story), threshold
    return run


def _records(events):
    return sorted((e.event_type, e.trigger, e.confidence, tuple(e.rules)) for e in events)


@pytest.mark.parametrize("text", [
    "Four soldiers were killed and two others wounded when militants ambushed a convoy near the border.",
    "The ministry condemned the raid and denounced it as a violation of the truce.",
    "Government jets bombed a rebel depot after a roadside blast killed twelve police officers.",
])
def test_all_candidates_over_threshold_are_the_default_records(both, text):
    default, every, threshold = both(text)
    over = [e for e in every if e.confidence >= threshold]
    assert _records(over) == _records(default)


def test_a_duplicate_record_is_merged_with_all_candidates_too(both):
    # "killed" and "wounded" tell one attack: one ASSAULT record either way
    default, every, threshold = both(
        "Four soldiers were killed and two others wounded when militants ambushed a convoy near the border.")
    assert [e.event_type for e in default].count("ASSAULT") == 1
    assert [e.event_type for e in every if e.confidence >= threshold].count("ASSAULT") == 1
    kept = [e for e in every if e.event_type == "ASSAULT" and e.confidence >= threshold][0]
    assert "structure:same-act-merged" in kept.rules


def _ev(trigger, conf, i):
    from tidings.records import Entity, Event, EventDate

    ent = lambda c: [Entity(text=c, country=c, sector="GOV", how="country name")]  # noqa: E731
    return Event(event_id=trigger, story_id="t", sentence_index=0, sentence="s", evidence_span=(0, 1),
                 trigger=trigger, event_type="ACCUSE", mode=None, contexts=[], aux_modes=[],
                 actor=ent("FRA"), recipient=ent("RUS"),
                 date=EventDate(text=None, start="2025-05-01", end="2025-05-01", granularity="day"),
                 location=None, quad_class="verbal_conflict", confidence=conf, cameo=None,
                 rules=[f"lexicon:{trigger}/V"])


@pytest.mark.parametrize("confs, kept", [
    ((0.9, 0.2), ["a", "b"]),        # one over, one under the threshold: two records
    ((0.9, 0.8), ["a"]),             # both over: one record, the more confident
    ((0.2, 0.3), ["b"]),             # both under: one record too
    ((0.2, 0.3, 0.9), ["b", "c"]),   # sentence order kept
])
def test_merge_by_output_merges_on_each_side_of_the_threshold(confs, kept):
    every = Coder(all_candidates=True)
    threshold = every.learned.model.settings["threshold"]
    assert 0.3 < threshold < 0.8
    events = [_ev(t, c, i) for i, (t, c) in enumerate(zip("abc", confs))]
    got = every.merge_by_output(events, [None] * len(events))
    assert [e.trigger for e in got] == kept
