"""Shared fixtures: the repository paths, the shared data folder, and a parsed-story coder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from tidings.analyse import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def coder():
    """The rule layer alone (no learned model, every event kept): the rule tests check
    the rules' decisions; tests/test_learn.py checks the learned layer."""
    from tidings.coding import Coder

    return Coder(model=None)


@pytest.fixture(scope="session")
def code_text(nlp, coder):
    """Code one text as a story: ``code_text(text, pub_date="2025-01-01") -> list[Event]``."""
    from tidings.records import Story

    def run(text: str, pub_date: str | None = "2025-01-01", story_id: str = "t"):
        story = Story(id=story_id, text=text, pub_date=pub_date)
        return coder.code_doc(nlp(text), story)

    return run


@pytest.fixture(scope="session")
def story_dated(nlp):
    """Code a story as the engines do (a coder, then the story pass) and give its events'
    dates: ``story_dated(coder, text, pub_date) -> {(type, trigger): (start, end,
    granularity, source)}``."""
    from tidings.dates import story_dates, story_sentences
    from tidings.records import Story

    def run(coder, text: str, pub_date: str) -> dict:
        doc = nlp(text)
        events = coder.code_doc(doc, Story(id="t", text=text, pub_date=pub_date))
        out = story_dates(events, pub_date, story_sentences(text, doc.sents))
        return {(e.event_type, e.trigger): (e.date.start, e.date.end, e.date.granularity, e.date.source) for e in out}

    return run


@pytest.fixture(scope="session")
def default_code(nlp):
    """The shipped coder's default output (learned layer, confidence threshold):
    ``default_code(text) -> list[Event]`` (a story of 1 May 2025)."""
    from tidings.coding import Coder
    from tidings.records import Story

    c = Coder()
    return lambda text: c.code_doc(nlp(text), Story(id="t", text=text, pub_date="2025-05-01"))


#: Auxiliary modes of an event that is not reported as done.
NOT_HAPPENED = frozenset({"negation", "hypothetical"})


def happened(events) -> set[str]:
    """The types of the events that count as reported (not negated or hypothetical)."""
    return {e.event_type for e in events if not set(e.aux_modes) & NOT_HAPPENED}


def shown(events) -> list[tuple]:
    """(type, trigger, aux modes, rules) of each event, for an assertion's message."""
    return [(e.event_type, e.trigger, e.aux_modes, e.rules) for e in events]


@pytest.fixture(scope="session")
def every_candidate(nlp):
    """Code one text as a story with the learned layer, keeping every candidate event
    (``--all-candidates``): ``every_candidate(text, pub_date="2024-03-06") -> list[Event]``."""
    from tidings.coding import Coder
    from tidings.records import Story

    c = Coder(all_candidates=True)
    return lambda text, pub_date="2024-03-06": c.code_doc(nlp(text), Story(id="t", text=text, pub_date=pub_date))


@pytest.fixture(scope="session")
def code_story(nlp, coder):
    """Code one text as a story with an optional title and source (the story's voice):
    ``code_story(text, title=None, source=None, pub_date="2022-05-10") -> list[Event]``."""
    from tidings.records import Story

    def run(text: str, title: str | None = None, source: str | None = None, pub_date: str = "2022-05-10"):
        story = Story(id="s", text=text, pub_date=pub_date, title=title, source=source)
        return coder.code_doc(nlp(text), story)

    return run


@pytest.fixture(scope="session")
def story_code():
    """The whole story path as the engines run it (title-case lines rewritten before
    parsing, dates resolved), default output: ``story_code(text) -> list[Event]``."""
    from tidings.engines.worker import Limits, StoryWorker
    from tidings.records import Story

    worker = StoryWorker((), Limits(story_timeout=None))

    def run(text: str):
        (events,) = worker.run_checked([Story(id="h", text=text, pub_date="2025-05-01")])
        return events

    return run


@pytest.fixture(scope="session")
def traced_code(nlp):
    """Code one sentence with the rule layer alone, recording every trigger's trace:
    ``traced_code(text) -> ([(event_type, trigger), ...], trace)``, the trace a list of
    dicts (``trigger``, ``event_type``, ``rules``, ...) as ``Coder.trace`` records them."""
    from tidings.coding import Coder
    from tidings.records import Story

    tracer = Coder(model=None)
    tracer.record_trace = True

    def run(text: str):
        tracer.trace.clear()
        evs = tracer.code_doc(nlp(text), Story(id="t", text=text, pub_date="2025-05-01"))
        return [(e.event_type, e.trigger) for e in evs], list(tracer.trace)

    return run


def of_type(events, etype: str) -> list:
    """The events of type ``etype``; fails, listing what was coded, when there is none."""
    found = [e for e in events if e.event_type == etype]
    assert found, f"no {etype} in {[(e.event_type, e.trigger) for e in events]}"
    return found


def assert_dropped_by(coded, trigger: str, rule: str) -> None:
    """Check a ``traced_code`` result: the word ``trigger`` was a trigger, the named sense
    rule ``rule`` fired on it, and no event has it as its trigger."""
    events, trace = coded
    fired = [t for t in trace if t["trigger"] == trigger]
    assert fired, f"no trigger {trigger!r} in {[t['trigger'] for t in trace]}"
    assert any(rule in t["rules"] for t in fired), fired
    assert not [e for e in events if e[1] == trigger], events


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def accuse_story(sid: str):
    """A one-sentence story ("Chile accused Peru.") with id ``sid``, for store and API tests."""
    from tidings.records import Story
    return Story(id=sid, text=f"Story {sid}: Chile accused Peru.", pub_date="2024-05-20")


def accuse_event(sid: str, n: int, conf: float):
    """Event ``n`` of :func:`accuse_story` ``sid``: Chile ACCUSE Peru at confidence ``conf``."""
    from tidings.records import Entity, Event, EventDate
    return Event(
        event_id=f"{sid}-e{n}", story_id=sid, sentence_index=0, sentence="Chile accused Peru.",
        evidence_span=(0, 19), trigger="accused", event_type="ACCUSE", mode=None, contexts=[],
        aux_modes=[], actor=[Entity("Chile", None, "CHL", "GOV")],
        recipient=[Entity("Peru", None, "PER", "GOV")],
        date=EventDate("2024-05-20", "2024-05-20", "day", source="sentence"),
        location=None, quad_class="verbal_conflict", confidence=conf, cameo="112", claimed_by=[])


def happened_of_type(evs, etype: str, mode: str | None = "*") -> list:
    """The events of type ``etype`` (and ``mode``, unless "*") that happened: neither negated
    nor hypothetical (possibly none, unlike :func:`of_type`)."""
    return [e for e in evs if e.event_type == etype and (mode == "*" or e.mode == mode)
            and not {"negation", "hypothetical"} & set(e.aux_modes)]


@pytest.fixture(scope="session")
def worker_code():
    """``run(text, pub_date="2025-05-01")`` -> the events of one story coded by a
    :class:`tidings.engines.worker.StoryWorker`, the whole path ``tidings code`` runs
    (text preparation, case restoration and invisible characters included, which the
    ``coder`` fixture's parsed-story path leaves out)."""
    from tidings.engines.worker import Limits, StoryWorker
    from tidings.records import Story

    worker = StoryWorker((), Limits(story_timeout=None))

    def run(text: str, pub_date: str = "2025-05-01"):
        (events,) = worker.run_checked([Story(id="n", text=text, pub_date=pub_date)])
        return events

    return run


def sentence_events(story, spec: dict, day: str, day_text: str) -> dict:
    """One hand-built event per sentence of ``story`` (its sentences split on ". "), for
    store tests: ``spec`` maps a key to ``(event type, actors, recipients, aux modes,
    rules)`` in sentence order; every event is dated ``day`` (``day_text`` its phrase)
    at confidence 0.9. Returns ``{key: Event}``."""
    from tidings.records import QUAD_CLASS, Event, EventDate, make_event_id
    sentences = story.text.split(". ")
    out = {}
    for idx, (key, (etype, actors, recipients, aux, rules)) in enumerate(spec.items()):
        out[key] = Event(
            event_id=make_event_id(story.id, story.text_hash(), idx, etype, 0, "0.1.0"),
            story_id=story.id, sentence_index=idx, sentence=sentences[idx],
            evidence_span=(0, len(sentences[idx])), trigger="x", event_type=etype, mode=None,
            contexts=[], aux_modes=aux, actor=actors, recipient=recipients,
            date=EventDate(start=day, end=day, granularity="day", text=day_text),
            location=None, quad_class=QUAD_CLASS[etype], confidence=0.9, cameo=None,
            claimed_by=[], rules=rules)
    return out
