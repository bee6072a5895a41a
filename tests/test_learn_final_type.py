"""An event the event rules rename (issue 16, seventeenth round): its confidence is the
gate's calibrated belief in the act under either name, never the rules' own confidence.

The event rules (``data/rules/event.jsonl``) give an act the name the annotation guide
gives it once its modes are known: a future retreat is CONCEDE ("will free the
hostages"), promised aid is AGREE ("will send tents"), an announced strike is THREATEN.
The gate is trained on those final names. Before this round such an event kept the rules'
confidence (0.9 and more) and so passed the threshold without the gate's judgment (train:
28 false events fewer with the change, 1 right more). Sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def spied(nlp):
    """Code a text with every candidate kept, recording the gate probabilities each
    trigger's act was judged by: ``spied(text) -> (events, {trigger head index: gp})``."""
    from tidings.coding import Coder
    from tidings.coding.learned import Learned
    from tidings.records import Story

    c = Coder(all_candidates=True)
    seen: dict[int, dict[str, float]] = {}
    orig = Learned._act_p

    def act_p(self, t, sent, gp):
        seen[t.token.i] = dict(gp)
        return orig(self, t, sent, gp)

    def run(text: str):
        seen.clear()
        Learned._act_p = act_p
        try:
            evs = c.code_doc(nlp(text), Story(id="t", text=text, pub_date="2025-05-01"))
        finally:
            Learned._act_p = orig
        return evs, dict(seen), c.learned.model

    return run


@pytest.mark.parametrize("text, first, final", [
    ("Hamas will release 20 hostages on Saturday.", "RETREAT", "CONCEDE"),
    ("The militia said it will withdraw its fighters from the two villages.", "RETREAT", "CONCEDE"),
    ("Germany will give Ukraine two more air defence systems.", "AID", "AGREE"),
])
def test_learn_renamed_event_takes_the_gates_belief_in_the_act(spied, text, first, final):
    evs, seen, model = spied(text)
    ev = next((e for e in evs if e.event_type == final), None)
    assert ev is not None, [(e.event_type, e.trigger, e.rules) for e in evs]
    assert "model:gated" in ev.rules and any(r.startswith("event:") for r in ev.rules), ev.rules
    gp = next(iter(seen.values()))  # one sentence: one gate reading for all its triggers
    want = round(model.calibrate(max(gp.get(first, 0.0), gp.get(final, 0.0))), 4)
    assert ev.confidence == want, (ev.confidence, want, {k: round(v, 3) for k, v in gp.items() if v > 0.05})


def test_learn_a_type_the_word_itself_reads_keeps_its_own_probability(spied):
    """A lexical CONCEDE ("lift the curfew") is no renamed event: its confidence is the
    gate's probability of CONCEDE alone."""
    evs, seen, model = spied("The government said it will lift the curfew next week.")
    ev = next(e for e in evs if e.event_type == "CONCEDE")
    assert "model:final-type" not in ev.rules
    gp = next(iter(seen.values()))
    assert ev.confidence == round(model.calibrate(gp["CONCEDE"]), 4)


@pytest.mark.parametrize("text, etype, rule", [
    ("Kenya's foreign minister said Somali forces had attacked a border post.", "ACCUSE",
     "structure:reported-conflict-is-accusation"),
])
def test_learn_a_rule_made_event_takes_the_gates_belief_in_its_type(spied, text, etype, rule):
    """An event of a type the gate did not judge on its trigger (a rule made it after the
    gate: the speaker of a reported attack accuses) takes the gate's calibrated belief
    that the sentence reports its type, not the rules' own confidence (train: 60 false
    events fewer, 1 right fewer)."""
    evs, seen, model = spied(text)
    ev = next(e for e in evs if e.event_type == etype)
    assert rule in ev.rules, ev.rules
    gp = next(iter(seen.values()))
    assert ev.confidence == round(model.calibrate(gp.get(etype, 0.0)), 4)
