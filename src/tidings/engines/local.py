"""The local engine: read -> analyse -> code -> store, on one machine, streaming.

Stories are read lazily, parsed in batches with ``nlp.pipe`` (``n_process`` worker
processes when ``processes > 1``), coded, and saved to the store one story per
transaction, so a run killed half-way keeps every story it finished and a re-run skips
them. Memory does not grow with the corpus: only one batch is held at a time.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from .. import PIPELINE_VERSION
from ..errors import TidingsError
from ..read import ReadFailure
from ..records import Event, Story


@dataclass
class RunSummary:
    """What a run did.

    Attributes:
        read: stories read successfully; coded: stories coded in this run;
        unchanged: stories already in the store with the same text and pipeline version;
        skipped: failures by reason (error code + short reason) -> count;
        failures: the failure messages, in order; events: events coded;
        stories_with_events: coded stories that produced at least one event;
        elapsed: seconds.
    """

    read: int = 0
    coded: int = 0
    unchanged: int = 0
    events: int = 0
    stories_with_events: int = 0
    skipped: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def stories_per_second(self) -> float:
        return (self.coded + self.unchanged) / self.elapsed if self.elapsed > 0 else 0.0


def _batches(it: Iterable, n: int) -> Iterator[list]:
    it = iter(it)
    while True:
        chunk = list(islice(it, n))
        if not chunk:
            return
        yield chunk


def code_stories(
    items: Iterable[Story | ReadFailure],
    store=None,
    sink: Callable[[Event], None] | None = None,
    processes: int = 1,
    batch_size: int = 32,
    actor_files: Iterable[str] = (),
    progress: Callable[[int], None] | None = None,
    force: bool = False,
) -> RunSummary:
    """Code a stream of stories (and read failures) and save the results.

    Args:
        items: stories and :class:`~tidings.read.ReadFailure` records, e.g. from
            :func:`tidings.read.read_stories`.
        store: a :class:`tidings.store.Store` or None (then nothing is saved).
        sink: called with every event (e.g. to write JSON Lines), or None.
        processes: spaCy worker processes for parsing (``nlp.pipe(n_process=...)``).
        batch_size: stories per batch handed to spaCy.
        actor_files: user actor dictionaries for :class:`tidings.actors.ActorResolver`.
        progress: called with the number of stories handled after each story.
        force: re-code stories the store already holds with the same text and version
            (stories are always re-coded when ``sink`` is given, so the output is whole).
    Returns:
        a :class:`RunSummary`. Bad stories are counted and described there; they never
        stop the run.
    """
    from ..analyse import load_nlp
    from ..actors import ActorResolver
    from ..code import Coder

    nlp = load_nlp()
    coder = Coder(resolver=ActorResolver(list(actor_files)))
    summary = RunSummary()
    t0 = time.perf_counter()
    seen: set[str] = set()

    def fail(story_id, origin, stage, code, message):
        summary.skipped[f"{code} {stage}"] += 1
        summary.failures.append(message)
        if store is not None:
            store.save_failure(story_id, origin, stage, code, message)

    for batch in _batches(items, batch_size):
        todo: list[Story] = []
        for it in batch:
            if isinstance(it, ReadFailure):
                fail(it.story_id, it.origin, "read", it.code, it.message)
                continue
            summary.read += 1
            if it.id in seen:
                fail(it.id, it.origin, "read", "T108",
                     f"{it.origin}: duplicate story id {it.id!r} in this run; first one kept")
                continue
            seen.add(it.id)
            if store is not None and not force and sink is None and store.is_coded(it.id, it.text_hash(), PIPELINE_VERSION):
                summary.unchanged += 1
                continue
            todo.append(it)
        if not todo:
            if progress:
                progress(len(batch))
            continue
        texts = (s.text for s in todo)
        docs = nlp.pipe(texts, batch_size=batch_size, n_process=processes) if processes > 1 \
            else nlp.pipe(texts, batch_size=batch_size)
        for story, doc in zip(todo, docs):
            try:
                events = coder.code_doc(doc, story)
            except Exception as exc:  # one broken story never aborts the batch
                fail(story.id, story.origin, "code", "T302",
                     f"{story.origin or story.id}: story {story.id!r} could not be coded: "
                     f"{type(exc).__name__}: {exc}")
                continue
            if store is not None:
                try:
                    store.save_story(story, events, PIPELINE_VERSION)
                except TidingsError as exc:  # e.g. an impossible date: skip this story only
                    fail(story.id, story.origin, "store", exc.code,
                         f"{story.origin or story.id}: story {story.id!r} could not be stored: {exc.message}")
                    continue
            if sink is not None:
                for ev in events:
                    sink(ev)
            summary.coded += 1
            summary.events += len(events)
            summary.stories_with_events += bool(events)
        if progress:
            progress(len(batch))
    if store is not None and summary.coded:
        store.cluster()  # link reports of the same event across stories (issue 6)
    summary.elapsed = time.perf_counter() - t0
    return summary
