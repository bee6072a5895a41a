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


def test_learn_a_speakers_accusation_stands_with_the_reported_attack(spied):
    """The speaker's accusation of a reported attack (``structure:reported-conflict-is-
    accusation``, made after the gate) takes the attack's calibrated probability at the
    rules' discount (0.85), not the rules' own confidence and not the gate's reading of
    ACCUSE in the sentence (which put a hard case's reported accusation under the
    threshold)."""
    evs, seen, model = spied("Kenya's foreign minister said Somali forces had attacked a border post.")
    acc = next(e for e in evs if e.event_type == "ACCUSE")
    assert "structure:reported-conflict-is-accusation" in acc.rules, acc.rules
    gp = next(iter(seen.values()))
    assert acc.confidence == round(model.calibrate(gp["ASSAULT"]) * 0.85, 4)
    assert acc.confidence > 0.5


def test_learn_an_event_on_a_word_the_model_never_scores_keeps_the_rules_confidence(every_candidate):
    """"was condemnable": the ACCUSE sits on "was", which the model does not score; it
    keeps the rules' confidence (the gate's ACCUSE for the sentence is about 0.2)."""
    evs = every_candidate("The mayor said the shelling of the market was deplorable and condemnable.")
    acc = [e for e in evs if e.event_type == "ACCUSE"]
    assert acc and all("model:gated" not in e.rules for e in acc) and acc[0].confidence >= 0.4, \
        [(e.event_type, e.confidence, e.rules) for e in evs]
