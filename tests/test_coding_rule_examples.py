"""Each rule tested alone: one test per example sentence of every rule file.

The example (written by the team, never taken from an evaluation file) is coded by the
whole pipeline; the rule's name must stand in ``rules`` of an event of the expected type
and mode, or, for an example without event, in the trace of the named trigger, which
then gives no event. An example marked ``"learned": true`` is of a rule that shapes the
learned layer's events (``made_by`` a ``model:`` step) and is coded with the shipped
model, keeping every candidate. Rules and examples live in ``src/tidings/data/rules/*.jsonl``.
"""

from __future__ import annotations

import pytest

from tidings.coding.rules import load_rules

pytestmark = pytest.mark.slow

EXAMPLES = [pytest.param(rule.name, i, ex, id=f"{rule.name}#{i}")
            for rule in load_rules() for i, ex in enumerate(rule.examples)]


@pytest.fixture(scope="module")
def tracing_coder():
    from tidings.coding import Coder

    c = Coder(model=None)
    c.record_trace = True
    return c


@pytest.fixture(scope="module")
def learned_coder():
    from tidings.coding import Coder

    c = Coder(all_candidates=True)
    c.record_trace = True
    return c


def _code(nlp, coder, text: str, pub_date: str):
    from tidings.records import Story

    coder.trace.clear()
    story = Story(id="example", text=text, pub_date=pub_date)
    return coder.code_doc(nlp(text), story), list(coder.trace)


@pytest.mark.parametrize("name,i,example", EXAMPLES)
def test_rule_example(nlp, tracing_coder, learned_coder, name, i, example):
    coder = learned_coder if example.get("learned") else tracing_coder
    events, trace = _code(nlp, coder, example["text"], example.get("pub_date", "2025-01-01"))
    want = example["event"]
    if want is None:
        fired = [t for t in trace if t["trigger"] == example["trigger"]]
        assert fired, f"no trigger {example['trigger']!r} in {[t['trigger'] for t in trace]}"
        assert any(name in t["rules"] for t in fired), f"{name} did not fire: {fired}"
        assert not [e for e in events if e.trigger == example["trigger"]], \
            f"trigger {example['trigger']!r} still gave {[(e.event_type, e.rules) for e in events]}"
        return
    shaped = [e for e in events if name in e.rules]
    assert shaped, f"{name} shaped no event: {[(e.event_type, e.mode, e.trigger, e.rules) for e in events]}; " \
                   f"trace {[(t['trigger'], t['rules']) for t in trace]}"
    ok = [e for e in shaped if e.event_type == want["event_type"]
          and ("mode" not in want or e.mode == want["mode"])
          and ("aux_modes" not in want or sorted(e.aux_modes) == sorted(want["aux_modes"]))]
    assert ok, f"expected {want}, got {[(e.event_type, e.mode, e.aux_modes, e.rules) for e in shaped]}"
