"""The local engine: read -> check -> analyse -> code -> store, on one machine, streaming.

Stories are read lazily, checked against the run's :class:`Limits` (size, control
characters, language), parsed and coded under a per-story time limit (in ``processes``
worker processes when ``processes > 1``), and saved to the store one
chunk of stories (at most ``batch_size``) per transaction, so a run killed half-way keeps
every chunk it finished, never part of a story, and a re-run skips them. Stories are
parsed a chunk at a time (spaCy is faster on batches). Storing overlaps with parsing:
one thread (the writer) does everything that touches the store or the output, in
order, while the calling thread reads and parses the next chunk (or feeds the worker
processes). Memory does not grow with the corpus: a few chunks are held at a time.

Every story that is not coded is reported as a :class:`~tidings.records.Failure` (a
code, the stage and a sentence; see ``docs/bad-input.md``): it is counted in
:attr:`RunSummary.skipped`, listed in :attr:`RunSummary.failures` and written to the
store's ``failures`` table, and the run goes on with its neighbours. Checking, parsing
and coding are done by :class:`tidings.engines.worker.StoryWorker`, which the Ray
engine shares.
"""

from __future__ import annotations

import signal
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any

from ..dates import YEARLESS_NO_PUB_REASON, DatelineDate, dateline_date
from ..errors import TidingsError
from ..records import Event, Failure, Story
from ..version import pipeline_version
from .worker import (STORE_FAILED, TIMED_OUT, Limits, StoryWorker, check_story,
                     chunk_stories, duplicate_message, failure, story_name)

__all__ = ["Limits", "RunSummary", "Interrupted", "code_stories", "RECODED_PIPELINE",
           "RECODED_TEXT", "RECODED_FORCED", "RECODED_OUTPUT", "RECODED_OTHER_INPUT",
           "RECODED_NEW_ID"]

#: Why a stored story was coded again (keys of :attr:`RunSummary.recoded`).
RECODED_PIPELINE = "pipeline changed"  # stored by another pipeline version, same text
RECODED_TEXT = "text or date changed"  # its text or publication date changed
#: stored with the other output: the default one, and now --all-candidates, or the reverse
RECODED_OUTPUT = "output changed (--all-candidates or not)"
#: its id was a stored story's of another input (another file, stdin, the API) with
#: another text: the stored story is replaced, and a warning names both inputs
RECODED_OTHER_INPUT = "replaced a story of another input"
#: the same record (input file, line, text) was stored under another id (its id field
#: changed, or --id-col picked another): that copy is removed, so it is not kept twice
RECODED_NEW_ID = "stored before under another id, that copy removed"
RECODED_FORCED = "asked for: --force, --out or recode"  # same text and version: coded again because asked (--force; --out, every story goes to the sink; tidings recode)
#: Seconds a worker process may stay silent beyond twice the story time limit before
#: the pool's backstop kills it (covers worker start-up: loading spaCy takes seconds).
HARD_GRACE = 60.0


def yearless_dateline_warning(name: str, dateline: DatelineDate) -> str:
    """The run's warning for a story coded against a dateline date without a year and
    with no publication date (``dateline.reason`` is :data:`YEARLESS_NO_PUB_REASON`):
    its year is a guess, the coding date's (docs/dates-and-places.md, "The dateline's
    date"), so the user is told which story and how to give the date. ``name``: how
    messages name the story (``story_name``: origin and id)."""
    return (f"{name}: its dateline's date {dateline.text!r} has no year and the story has no "
            f"publication date, so it is taken as {dateline.date}, the latest such day not after "
            "today; give --pub-date (or a pub_date field) if the story is older")


def no_pub_date_warning(name: str, events: list[Event]) -> str | None:
    """The run's warning for a story coded with no publication date and no dated
    dateline, once per story, naming it: those of its ``events`` that nothing in the
    story dates (``date.source`` ``publication``) carry the coding date, today, with
    granularity ``story`` -- the day the user ran tidings, not when they happened -- and
    its phrases relative to publication ("on Tuesday", "last week") could not be read
    (docs/dates-and-places.md, "No publication date"). None when every event has a date
    of its own (a phrase naming its year), or there is no event.

    Args:
        name: how messages name the story (``story_name``: origin and id).
        events: the story's coded events.
    """
    undated = [e for e in events if e.date.source == "publication"]
    if not undated:
        return None
    day = undated[0].date.start
    one = len(undated) == 1
    return (f"{name} has no publication date: {len(undated)} of its {len(events)} events "
            f"{'is' if one else 'are'} dated {day}, the day of coding (granularity 'story'), "
            f"not when {'it' if one else 'they'} happened, and phrases such as 'on Tuesday' or "
            "'last week' are left unread; give --pub-date (or a pub_date field)")


@dataclass
class RunSummary:
    """What a run did.

    Attributes:
        read: stories read successfully; coded: stories coded in this run;
        no_pub_date: coded stories that had no publication date and no dateline date
        (:func:`tidings.dates.dateline_date`; their events are dated by date phrases
        that name a year, else today); no_pub_date_ids: the ids of the first five;
        no_pub_date_notes: :func:`no_pub_date_warning` of each such story whose events
        took the coding date, in order (``tidings code`` prints them);
        unchanged: stories already in the store with the same text and pipeline version;
        unchanged_events: the events the store holds of the unchanged stories (coded
            before; ``tidings code`` names them, so that "events: 0" of a re-run does not
            read as an empty store);
        recoded: of the coded stories, those the store already held, by why they were
            coded again (:data:`RECODED_PIPELINE`, :data:`RECODED_TEXT`,
            :data:`RECODED_OUTPUT`, :data:`RECODED_FORCED`) -> count;
        skipped: failures by reason (error code + stage) -> count;
        failures: the failure messages, in order; events: events coded;
        warnings: what the reader supplied or changed to read a story (``Story.warnings``:
            an id made up, HTML stripped, lines joined), in order; the stories are coded;
        stories_with_events: coded stories that produced at least one event;
        elapsed: seconds.
    """

    read: int = 0
    no_pub_date: int = 0
    no_pub_date_ids: list = field(default_factory=list)
    no_pub_date_notes: list = field(default_factory=list)
    coded: int = 0
    unchanged: int = 0
    unchanged_events: int = 0
    recoded: Counter = field(default_factory=Counter)
    events: int = 0
    stories_with_events: int = 0
    skipped: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def stories_per_second(self) -> float:
        return (self.coded + self.unchanged) / self.elapsed if self.elapsed > 0 else 0.0

    def add(self, other: "RunSummary") -> "RunSummary":
        """Add ``other`` (a run over other stories, e.g. ``tidings recode``'s second run
        for the stories stored with the other output) into this summary; returns self.
        Counts add, lists join in order (the undated ids at most 5, as one run keeps)."""
        for name in ("read", "no_pub_date", "coded", "unchanged", "unchanged_events", "events",
                     "stories_with_events", "elapsed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.recoded.update(other.recoded)
        self.skipped.update(other.skipped)
        self.no_pub_date_ids = (self.no_pub_date_ids + other.no_pub_date_ids)[:5]
        for name in ("no_pub_date_notes", "failures", "warnings"):
            getattr(self, name).extend(getattr(other, name))
        return self

    def undated_stories(self) -> str:
        """The stories without a publication date, for a warning: ``"'a1'"``, ``"'a1',
        'b7' and 3 more"`` ("" when there are none)."""
        ids = ", ".join(repr(i) for i in self.no_pub_date_ids)
        more = self.no_pub_date - len(self.no_pub_date_ids)
        return f"{ids} and {more} more" if more > 0 else ids


class Interrupted(KeyboardInterrupt):
    """Ctrl-C (SIGINT) stopped :func:`code_stories`; ``summary`` says what it had done.

    Every story that ``summary.coded`` counts is stored (a chunk is committed in one
    transaction, or not at all), so running the same input again codes only the rest.
    The chunks already coded when Ctrl-C came are stored before it is raised (the
    writer thread runs no store query that SIGINT could cancel half-way).
    """

    def __init__(self, summary: "RunSummary") -> None:
        super().__init__()
        self.summary = summary


class _CtrlC:
    """Ctrl-C (SIGINT) held back while ``tidings code`` closes its output and store.

    It raises KeyboardInterrupt as usual, except inside :meth:`held`: then it is noted
    and raised once the body is done, so that a second Ctrl-C cannot cut a DuckDB COMMIT
    or CHECKPOINT in half (the engine's own stores run on its writer thread, which
    SIGINT does not reach).
    """

    def __init__(self) -> None:
        self.came = False
        self.holding = False

    def __call__(self, signum: int, frame: Any) -> None:
        self.came = True
        if not self.holding:
            raise KeyboardInterrupt

    @contextmanager
    def held(self) -> Iterator[None]:
        """Hold a Ctrl-C back while the body runs; raise it after."""
        self.holding = True
        try:
            yield
        finally:
            self.holding = False
        if self.came:
            raise KeyboardInterrupt

    @classmethod
    @contextmanager
    def watch(cls) -> Iterator["_CtrlC"]:
        """Handle SIGINT with a new :class:`_CtrlC` while the body runs; only on the
        main thread, over Python's own handler (an application's is left alone)."""
        ctrl_c = cls()
        if (threading.current_thread() is not threading.main_thread()
                or signal.getsignal(signal.SIGINT) is not signal.default_int_handler):
            yield ctrl_c
            return
        signal.signal(signal.SIGINT, ctrl_c)
        try:
            yield ctrl_c
        finally:
            signal.signal(signal.SIGINT, signal.default_int_handler)


def _batches(it: Iterable, n: int) -> Iterator[list]:
    it = iter(it)
    while True:
        chunk = list(islice(it, n))
        if not chunk:
            return
        yield chunk


_WORKER: StoryWorker | None = None
_BEAT = None  # the pool's heartbeat array, in a worker process


def _init_worker(actor_files: tuple[str, ...], limits: Limits, beat) -> None:
    global _WORKER, _BEAT
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _BEAT = beat
    _WORKER = StoryWorker(actor_files, limits)


def _run_in_worker(slot: int, stories: list[Story]) -> list[list[Event] | Failure]:
    assert _WORKER is not None

    def beat(i: int) -> None:  # which story of the chunk, and when (see _Pool)
        _BEAT[2 * slot], _BEAT[2 * slot + 1] = i, time.monotonic()

    return _WORKER.run_checked(stories, beat)


class _Pool:
    """Worker processes that check, analyse and code chunks of stories, with a backstop
    for hangs.

    Chunks go to the workers through a window of ``2 * processes`` chunks in flight, so
    that no worker waits while the parent stores results; results come back in order.
    Each story has a soft limit inside its worker (:class:`StoryTimeout`). Before the
    batch parse and before coding each story a worker notes, in a shared array, which
    story of its chunk it is on and when: should a chunk's worker stay silent for twice
    the story time limit plus a minute (stuck in C code, or dead), the workers are
    replaced, the story it was on is skipped with T203 (when it was in the batch parse,
    the chunk's stories are tried again one per chunk to find the culprit) and the
    other stories go on.
    """

    def __init__(self, processes: int, actor_files: tuple[str, ...], limits: Limits) -> None:
        self.args = (processes, actor_files, limits)
        self.hard = (limits.story_timeout or 600.0) * 2 + HARD_GRACE
        self.window = 2 * processes
        self.slots = 2 * self.window + 2
        #: called before worker processes are started again (after a hang), so that no
        #: other thread of this process is inside the store when it forks
        self.before_fork: Callable[[], None] | None = None
        self._start()

    def _start(self) -> None:
        import multiprocessing as mp

        processes, actor_files, limits = self.args
        # which story each chunk's worker is on, and since when: [index, monotonic time]
        # per slot (chunks in flight have distinct slots; a new array per pool, as a
        # killed worker may have been writing to the old one)
        self.beat = mp.RawArray("d", 2 * self.slots)
        # the platform's default start method (fork on Linux, as spaCy's n_process uses),
        # so that scripts calling code_stories need no __main__ guard
        self.pool = mp.Pool(processes, initializer=_init_worker,
                            initargs=(actor_files, limits, self.beat))
        self.next_slot = 0

    def _submit(self, stories: list[Story]):
        slot = self.next_slot
        self.next_slot = (slot + 1) % self.slots
        self.beat[2 * slot], self.beat[2 * slot + 1] = -2, time.monotonic()
        return slot, self.pool.apply_async(_run_in_worker, (slot, stories))

    def _wait(self, slot: int, job) -> list | None:
        """The chunk's results, or None when its worker went silent for ``self.hard`` s."""
        import multiprocessing as mp

        since = time.monotonic()
        while True:
            last = max(since, self.beat[2 * slot + 1])
            left = last + self.hard - time.monotonic()
            if left <= 0:
                return None
            try:
                return job.get(timeout=min(left, 1.0))
            except mp.TimeoutError:
                continue

    def run(self, chunks: Iterable[tuple[list[Story], Any]]) -> Iterator[tuple[Any, list[tuple[Story, list[Event] | Failure]]]]:
        """Yield ``(tag, [(story, result), ...])`` for each ``(stories, tag)`` chunk, in order."""
        from collections import deque

        chunks = iter(chunks)
        queue: deque = deque()  # (stories, tag, slot, job), oldest first
        retry: deque = deque()  # chunks to send again after a replaced pool

        def refill() -> None:
            while len(queue) < self.window:
                if retry:
                    stories, tag = retry.popleft()
                else:
                    nxt = next(chunks, None)
                    if nxt is None:
                        return
                    stories, tag = nxt
                if not stories:  # nothing to code: no trip to a worker
                    queue.append((stories, tag, None, None))
                    continue
                queue.append((stories, tag, *self._submit(stories)))

        refill()
        while queue:
            stories, tag, slot, job = queue[0]
            results = [] if job is None else self._wait(slot, job)
            if results is not None:
                queue.popleft()
                yield tag, list(zip(stories, results))
                refill()
                continue
            # the head chunk's worker is stuck: replace the pool, skip the story it was on
            at = int(self.beat[2 * slot])
            queue.popleft()
            pending = [(st, tg) for st, tg, _, _ in queue]
            queue.clear()
            self.pool.terminate()
            self.pool.join()
            if self.before_fork is not None:
                self.before_fork()
            self._start()
            if 0 <= at < len(stories):
                story = stories[at]
                yield None, [(story, failure(story, "analyse", TIMED_OUT,
                              f"{story_name(story)}: its worker gave no answer in {self.hard:g} s "
                              f"and was replaced (raise --story-timeout)"))]
                rest = [([s], None) for s in stories[:at]] + [([s], None) for s in stories[at + 1:]]
                if rest:
                    rest[-1] = (rest[-1][0], tag)
                else:
                    rest = [([], tag)]
            else:  # stuck in the batch parse (or before): one story per chunk finds it
                rest = [([s], None) for s in stories]
                rest[-1] = (rest[-1][0], tag)
            retry.extendleft(reversed(rest + pending))
            refill()

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


def _default_threshold() -> float | None:
    """The default output's confidence threshold, recorded with each stored story
    (``stories.threshold``); None when the model cannot be read (the run then fails on
    its own, with its own message)."""
    try:
        from ..learn.model import default_threshold

        return default_threshold()
    except Exception:  # noqa: BLE001 - a missing or broken model file: reported by the coder
        return None


def _stored(store: Any, todo: list[Story]) -> tuple[dict[str, tuple[str, str]], list[tuple[Story, str]],
                                                    dict[str, bool | None], dict[str, int],
                                                    dict[str, tuple[str | None, str | None]],
                                                    dict[str, tuple[str, int]]]:
    """What the store holds of the stories ``todo`` (in the writer):
    :meth:`tidings.store.Store.stored_versions`, the ``(story, stored pub_date)``
    pairs of those read without a publication date whose text is the stored story's
    (same text hash with the stored date), which keep that date,
    :meth:`tidings.store.Store.stored_outputs` (which output each was coded for),
    :meth:`tidings.store.Store.stored_event_counts` (for ``RunSummary.unchanged_events``
    and the events a replaced story loses) and :meth:`tidings.store.Store.stored_inputs`
    of those whose text changed (which input each was read from), and
    :meth:`tidings.store.Store.stored_copies` (records stored before under another id)."""
    held = store.stored_versions(todo)
    undated = [it for it in todo if not it.pub_date and it.id in held]
    dates = store.stored_pub_dates([it.id for it in undated]) if undated else {}
    keep = []
    for it in undated:
        pub = dates.get(it.id)
        if pub and replace(it, pub_date=pub).text_hash() == held[it.id][0]:
            keep.append((it, pub))
    changed = [it.id for it in todo if it.id in held and it.text_hash() != held[it.id][0]
               and not any(k is it for k, _ in keep)]
    return (held, keep, store.stored_outputs(list(held)), store.stored_event_counts(list(held)),
            store.stored_inputs(changed) if changed else {}, store.stored_copies(todo))


def _n_events(n: int) -> str:
    """``"1 event"``, ``"3 events"``."""
    return f"{n} event{'' if n == 1 else 's'}"


def _origin_file(origin: str | None) -> str:
    """The file part of an origin (``"a/feed.jsonl:3"`` -> ``"a/feed.jsonl"``,
    ``"feed.json[2]"`` -> ``"feed.json"``; ``""`` for none)."""
    if not origin:
        return ""
    head, sep, tail = origin.rpartition(":")
    name = head if sep and tail.isdigit() else origin
    return name.split("[", 1)[0]


def other_input(story: Story, stored_input: str | None, stored_origin: str | None) -> bool:
    """Whether ``story`` comes from another input than the stored story with its id:
    by ``Story.input_path`` and ``stories.input`` when both are known (two files named
    ``feed.jsonl`` in two folders are two inputs), else by the file names of their
    origins (a store written before schema version 6, a story made in Python). False
    when neither tells (the story is then taken as a new text of the stored one)."""
    if story.input_path and stored_input:
        return story.input_path != stored_input
    new, old = _origin_file(story.origin), _origin_file(stored_origin)
    if not new or not old:
        return False
    return new.rsplit("/", 1)[-1] != old.rsplit("/", 1)[-1]


def other_input_warning(story: Story, stored_input: str | None, stored_origin: str | None,
                        events: int) -> str:
    """The run's warning for a story that replaces a stored story of another input with
    the same id and another text (:func:`other_input`): it names both inputs and the
    events deleted, and how to keep both (ids of their own: ``--id-prefix``,
    ``--id-col``)."""
    line = stored_origin.rpartition(":")[2] if stored_origin and ":" in stored_origin else ""
    was = stored_input or _origin_file(stored_origin) or "another input"
    if stored_input and line.isdigit() and stored_input not in ("<stdin>", "POST /api/code"):
        was = f"{stored_input}:{line}"
    here = story.input_path or _origin_file(story.origin) or "this input"
    one = events == 1
    return (f"{story_name(story)} replaces the stored story {story.id!r} of another input: this "
            f"one is from {here}, the stored one was read from {was}; their texts differ, and "
            f"the stored story's {events} event{'' if one else 's'} {'is' if one else 'are'} "
            "deleted. If they are two different stories, give each input's stories ids of their "
            "own (code each input with its own --id-prefix, or pick a unique field with "
            "--id-col) and code both again")


def sort_stored(todo: list[Story], held: tuple, version: str, skip_coded: bool,
                why: dict[str, str], warnings: list[str], all_candidates: bool = False) -> set[str]:
    """Sort the stories ``todo`` by what the store holds of them, for both engines (the
    local one before coding, the Ray one, :func:`tidings.engines.ray.load_into_store`,
    before saving): return the ids of those to skip (:func:`_sort_stored`), note in
    ``why`` why each other one is coded again, and give a story that replaces a stored
    story of another input with the same id (:func:`other_input`) the reason
    :data:`RECODED_OTHER_INPUT` and its warning (:func:`other_input_warning`, appended to
    ``warnings``), so that both engines say it in the same words and count it alike.

    Args:
        todo: the stories about to be coded or saved.
        held: :func:`_stored` of them (the store's answer).
        version: the running pipeline version.
        skip_coded: whether unchanged stories are skipped (the local engine without
            ``force`` or a sink; the Ray engine codes every story: False).
        why: updated in place, ``{story_id: reason}``.
        warnings: the run's warnings (``RunSummary.warnings``), appended to.
        all_candidates: whether the run keeps every candidate.
    """
    versions, _dated, outputs, counts, inputs, _copies = held
    done = _sort_stored(todo, versions, version, skip_coded, why, outputs, all_candidates)
    for it in todo:  # a story of another input with the stored one's id
        if it.id in inputs and why.get(it.id) == RECODED_TEXT and other_input(it, *inputs[it.id]):
            why[it.id] = RECODED_OTHER_INPUT
            warnings.append(other_input_warning(it, *inputs[it.id], counts.get(it.id, 0)))
    return done


def _sort_stored(todo: list[Story], held: dict[str, tuple[str, str]], version: str,
                 skip_coded: bool, why: dict[str, str],
                 outputs: dict[str, bool | None] | None = None, all_candidates: bool = False) -> set[str]:
    """Sort the stories the store already holds: return the ids of those to skip (same
    text, version and output, when ``skip_coded``) and note in ``why`` why each other one
    will be coded again (:data:`RECODED_TEXT`, :data:`RECODED_PIPELINE`,
    :data:`RECODED_OUTPUT`, :data:`RECODED_FORCED`).

    Args:
        todo: the stories about to be coded.
        held: :meth:`tidings.store.Store.stored_versions` of them.
        version: the running pipeline version.
        skip_coded: whether unchanged stories are skipped (no ``force``, no ``sink``).
        why: updated in place, ``{story_id: reason}``.
        outputs: :meth:`tidings.store.Store.stored_outputs` of them (True: stored with
            ``--all-candidates``; False or None, not recorded: the default output); None:
            not looked at.
        all_candidates: whether this run keeps every candidate (``Limits.all_candidates``):
            a story stored with the other output is coded again, so that the store holds
            what the run asked for.
    """
    done: set[str] = set()
    for it in todo:
        if it.id not in held:
            continue
        text_hash, old = held[it.id]
        if text_hash != it.text_hash():
            why[it.id] = RECODED_TEXT
        elif old != version:
            why[it.id] = RECODED_PIPELINE
        elif outputs is not None and bool(outputs.get(it.id)) != all_candidates:
            why[it.id] = RECODED_OUTPUT
        elif skip_coded:
            done.add(it.id)
        else:
            why[it.id] = RECODED_FORCED
    return done


class _Writer:
    """One thread that does, in order, everything a run writes: the store's queries and
    transactions, the sink, the tallies of stored and failed stories, progress.

    So the next chunk is parsed while the last one is stored. Jobs run in the order
    they are given; after a job raises, the later ones are skipped and the first error
    is raised again in the caller's thread (by :meth:`put` or :meth:`finish`).
    """

    #: Most jobs given with :meth:`put` that may wait or run before :meth:`put` blocks.
    BACKLOG = 2

    def __init__(self) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tidings-store")
        self._pending: deque = deque()
        self._error: BaseException | None = None
        self.seconds = 0.0  # time spent in jobs

    def _run(self, fn: Callable, args: tuple) -> Any:
        if self._error is not None:
            raise _Skipped()
        t0 = time.perf_counter()
        try:
            return fn(*args)
        except BaseException as exc:
            self._error = exc
            raise
        finally:
            self.seconds += time.perf_counter() - t0

    def call(self, fn: Callable, *args: Any):
        """Queue ``fn(*args)``; return its Future (for an answer, e.g. a store query)."""
        return self._pool.submit(self._run, fn, args)

    def put(self, fn: Callable, *args: Any) -> None:
        """Queue ``fn(*args)``, waiting while more than :data:`BACKLOG` such jobs are
        queued; raise the error of one that failed."""
        self._pending.append(self.call(fn, *args))
        while self._pending and (len(self._pending) > self.BACKLOG or self._pending[0].done()):
            self._result(self._pending.popleft())

    def idle(self) -> None:
        """Wait until every job queued so far is done."""
        self.call(lambda: None).exception()

    def finish(self) -> None:
        """Wait for every job; raise the first error; stop the thread."""
        try:
            while self._pending:
                self._result(self._pending.popleft())
        finally:
            self._pool.shutdown(wait=True)

    def stop(self) -> None:
        """Let the jobs already queued run (those after a failed one are skipped), then
        stop the thread; errors are not raised."""
        self._pending.clear()
        self._pool.shutdown(wait=True)

    def _result(self, fut) -> None:
        try:
            fut.result()
        except _Skipped:
            raise self._error from None  # type: ignore[misc]


class _Skipped(Exception):
    """A writer job not run because an earlier one failed."""


def code_stories(
    items: Iterable[Story | Failure],
    store=None,
    sink: Callable[[Event], None] | None = None,
    processes: int = 1,
    batch_size: int = 32,
    actor_files: Iterable[str] = (),
    progress: Callable[[int], None] | None = None,
    force: bool = False,
    limits: Limits | None = None,
) -> RunSummary:
    """Code a stream of stories (and read failures) and save the results.

    Args:
        items: stories and read failures (:class:`~tidings.records.Failure`), e.g. from
            :func:`tidings.read.read_stories`.
        store: a :class:`tidings.store.Store` or None (then nothing is saved).
        sink: called with every event (e.g. to write JSON Lines), or None.
        processes: worker processes that check, parse and code (1: in this process).
        batch_size: stories read at a time, and most stories in a chunk: a chunk goes
            to one worker (:meth:`StoryWorker.run_checked`) and is stored in one
            transaction. With ``processes`` N > 1 a batch is cut into N chunks.
        actor_files: user actor dictionaries for :class:`tidings.actors.ActorResolver`.
        progress: called with the number of stories handled after each batch.
        force: re-code stories the store already holds with the same text and version
            (stories are always re-coded when ``sink`` is given, so the output is whole).
        limits: size, sentence, time and language limits (:class:`Limits`; default
            ``Limits()``).
    Returns:
        a :class:`RunSummary`. Bad stories are counted and described there (and in
        the store's ``failures`` table); they never stop the run.

    Raises:
        Interrupted: on Ctrl-C, with the summary of what was done and stored.
    """
    limits = limits or Limits()
    actor_files = tuple(str(a) for a in actor_files)
    summary = RunSummary()
    t0 = time.perf_counter()
    seen: dict[str, str] = {}  # story id -> the origin of its first copy
    skip_coded = store is not None and not force and sink is None
    version = pipeline_version()
    threshold = _default_threshold() if store is not None else None
    why: dict[str, str] = {}  # stories in flight that the store holds -> why coded again
    replaced: dict[str, str] = {}  # stories in flight -> the id of their stored copy
    # with N workers a batch is cut into N chunks, so that the last batch keeps them all
    # busy (one worker coding a whole chunk alone at the end costs up to a chunk's time)
    chunk_size = -(-max(1, batch_size) // max(1, processes))
    # Threads: this one reads, checks stored stories and parses (or feeds the worker
    # processes); the writer does everything that touches the store or the sink, and
    # the tallies of stored and failed stories (skipped, failures, coded, recoded,
    # no_pub_date, events), in order. The tallies of reading (read, unchanged) are
    # this thread's: no field is written by both.

    def fail(f: Failure) -> None:  # in the writer
        summary.skipped[f"{f.code} {f.stage}"] += 1
        summary.failures.append(f.message)
        if store is not None:
            store.save_failure(f.story_id, f.origin, f.stage, f.code, f.message)

    def read_ahead() -> Iterator[tuple[list[Failure], list[Story], Any]]:
        """Batches as read: the failures to report first, the stories to code, and the
        store's answer (a Future) about which of them it holds."""
        for batch in _batches(items, max(1, batch_size)):
            early: list[Failure] = []
            todo: list[Story] = []
            for it in batch:
                if isinstance(it, Failure):
                    early.append(it)
                    continue
                summary.read += 1
                summary.warnings.extend(it.warnings)
                if it.id in seen:  # keyed by origin: the first story's row must stay clean
                    early.append(Failure(it.origin, None, "T108", duplicate_message(
                        it.origin, it.id, seen[it.id]), "read"))
                    continue
                seen[it.id] = it.origin
                todo.append(it)
            held = writer.call(_stored, store, todo) if store is not None and todo else None
            yield early, todo, held, len(batch)

    def chunks() -> Iterator[tuple[list[Story], int]]:
        """Chunks of stories to code, each tagged with the items of its batch handled
        once it is done (on the batch's last chunk). The next batch is read, and the
        store asked about it, before this one's chunks go out, so that the answer is
        there when its turn comes (the writer is then storing this one)."""
        ahead = read_ahead()
        nxt = next(ahead, None)
        while nxt is not None:
            early, todo, held, n = nxt
            nxt = next(ahead, None)
            for f in early:
                writer.put(fail, f)
            if held is not None:
                answer = held.result()
                _, dated, _, counts, _, copies = answer
                for it, pub in dated:
                    # read again without its publication date: the stored one stays, or
                    # the run would re-date its events to today
                    it.pub_date = pub
                    summary.warnings.append(f"{story_name(it)} has no publication date here: "
                                            f"the stored one, {pub}, is kept")
                done = sort_stored(todo, answer, version, skip_coded, why, summary.warnings,
                                   limits.all_candidates)
                for it in todo:  # the same record stored before under another id
                    if it.id in copies and copies[it.id][0] not in seen:
                        old_id, n = copies[it.id]
                        replaced[it.id] = old_id
                        summary.warnings.append(
                            f"{story_name(it)} was stored before as story {old_id!r} (the same "
                            f"record: same input, line and text; its id changed, e.g. by "
                            f"--id-col): that copy and its {_n_events(n)} are removed, so that "
                            "the story is not kept twice")
                if done:
                    for it in todo:  # checked first, as the workers check the others
                        if it.id in done:
                            skip = check_story(it, limits)
                            if skip is not None:
                                writer.put(fail, skip)
                            else:
                                summary.unchanged += 1
                                summary.unchanged_events += counts.get(it.id, 0)
                                if it.id in replaced:  # stored under both ids: keep this one
                                    writer.put(store.remove_stories, [replaced.pop(it.id)])
                    todo = [it for it in todo if it.id not in done]
            parts = list(chunk_stories(todo, chunk_size, None)) or [[]]
            for k, part in enumerate(parts):
                yield part, n if k == len(parts) - 1 else 0

    def handle(results: list[tuple[Story, list[Event] | Failure]], handled: int) -> None:
        """Store a chunk's coded stories in one transaction, then report its stories in
        order (in the writer)."""
        coded = [(story, r) for story, r in results if not isinstance(r, Failure)]
        errors = store.save_stories(coded, version, all_candidates=limits.all_candidates,
                                    threshold=threshold) if store is not None and coded else {}
        gone_ids = {story.id for story, r in coded if story.id in replaced and story.id not in errors}
        if gone_ids:  # the stories are stored: their copies under earlier ids go
            store.remove_stories([replaced.pop(i) for i in gone_ids])
        for story, result in results:
            reason = why.pop(story.id, None)
            replaced.pop(story.id, None)  # a story not stored keeps its earlier copy
            if isinstance(result, Failure):
                fail(result)
                continue
            exc = errors.get(story.id)
            if isinstance(exc, TidingsError):  # e.g. an impossible date: skip this story only
                fail(failure(story, "store", exc.code,
                             f"{story_name(story)} could not be stored: {exc.message}"))
                continue
            if exc is not None:  # e.g. text DuckDB cannot encode
                fail(failure(story, "store", STORE_FAILED, f"{story_name(story)} could not be "
                             f"stored: {type(exc).__name__}: {exc}"))
                continue
            if sink is not None:
                for ev in result:
                    sink(ev)
            summary.coded += 1
            if reason is None and story.id in gone_ids:
                reason = RECODED_NEW_ID
            if reason is not None:
                summary.recoded[reason] += 1
            dateline = dateline_date(story.text) if story.pub_date is None else None
            if story.pub_date is None and dateline is None:
                summary.no_pub_date += 1
                if len(summary.no_pub_date_ids) < 5:
                    summary.no_pub_date_ids.append(story.id)
                note = no_pub_date_warning(story_name(story), result)
                if note is not None:
                    summary.no_pub_date_notes.append(note)
            elif dateline is not None and dateline.reason == YEARLESS_NO_PUB_REASON:
                summary.warnings.append(yearless_dateline_warning(story_name(story), dateline))
            summary.events += len(result)
            summary.stories_with_events += bool(result)
        if progress and handled:
            progress(handled)

    if processes > 1:
        try:  # build the gazetteer's cache file once, not in every worker
            from ..places import ensure_cache

            ensure_cache()
        except Exception:  # noqa: BLE001 - the workers build their own index then
            pass
        pool = _Pool(processes, actor_files, limits)
        run_all = pool.run
    else:
        pool = None
        worker = StoryWorker(actor_files, limits)
        run_all = lambda cs: ((tag, list(zip(st, worker.run_checked(st)))) for st, tag in cs)  # noqa: E731
    writer = _Writer()
    if pool is not None:
        pool.before_fork = writer.idle  # no store query runs while workers are forked
    # DuckDB on one thread while stories are coded: its worker threads trim the C
    # allocator after each task, handing the parser's freed memory back to the kernel
    # (Store.threads); clustering, after, runs with the database's own setting
    one_thread = store.threads(1) if store is not None else nullcontext()
    try:
        with one_thread:
            for handled, results in run_all(chunks()):
                writer.put(handle, results, handled)
            writer.finish()
    except BaseException as exc:
        from ..store import is_interrupt

        writer.stop()  # what is queued is stored (and counted) before the run stops
        if not is_interrupt(exc):  # Ctrl-C, or a store query it cancelled
            raise
        summary.elapsed = time.perf_counter() - t0
        raise Interrupted(summary) from None
    finally:
        if pool is not None:
            pool.close()
    if store is not None and summary.coded:
        store.cluster()  # link reports of the same event across stories (issue 6)
    summary.elapsed = time.perf_counter() - t0
    return summary
