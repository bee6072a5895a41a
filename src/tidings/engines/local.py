"""The local engine: read -> check -> analyse -> code -> store, on one machine, streaming.

Stories are read lazily, checked against the run's :class:`Limits` (size, control
characters, language), parsed and coded under a per-story time limit (in ``processes``
worker processes when ``processes > 1``), and saved to the store one
chunk of stories (at most ``batch_size``) per transaction, so a run killed half-way keeps
every chunk it finished, never part of a story, and a re-run skips them. Stories are
parsed a chunk at a time (spaCy is faster on batches). Memory does not grow with the
corpus: a few chunks are held at a time.

Every story that is not coded is reported with a code, the stage and a sentence (see
``docs/bad-input.md``): it is counted in :attr:`RunSummary.skipped`, listed in
:attr:`RunSummary.failures` and written to the store's ``failures`` table, and the run
goes on with its neighbours.
"""

from __future__ import annotations

import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from .. import PIPELINE_VERSION
from ..errors import TidingsError
from ..read import ReadFailure
from ..records import Event, Story

#: Skip codes of the engine (read failures keep their T1xx codes from :mod:`tidings.read`).
TOO_LONG = "T109"        # story longer than Limits.max_story_chars
NOT_LANGUAGE = "T110"    # story not in Limits.languages
NOT_TEXT = "T111"        # story is mostly control characters (a binary file read as text)
PARSE_FAILED = "T202"    # spaCy raised on the story
TIMED_OUT = "T203"       # story took longer than Limits.story_timeout
CODE_FAILED = "T302"     # the coder or a resolver raised on the story
STORE_FAILED = "T408"    # the store raised something other than a StoreError
#: Seconds a worker process may stay silent beyond twice the story time limit before
#: the pool's backstop kills it (covers worker start-up: loading spaCy takes seconds).
HARD_GRACE = 60.0


@dataclass(frozen=True)
class Limits:
    """What the engine accepts, and how long it spends on one story.

    Attributes:
        max_story_chars: longest story text in characters (default 100,000, 14 times the
            longest VOA story); a longer story is skipped whole with T109, not cut,
            so that no story is stored as coded with half its events. None: no limit.
        max_sentence_tokens: longest run of tokens handed to the parser as one sentence
            (default 150); a longer run without sentence-final punctuation or a line
            break is cut into pieces of this size before parsing (the parser respects
            preset sentence starts). None: no cut.
        story_timeout: seconds one story may spend in analysis and coding together
            (default 60.0); a slower story is abandoned and skipped with T203. None or
            0: no limit. Enforced with SIGALRM where the engine runs on a main thread
            (checked between pipeline stages otherwise).
        languages: ISO 639-1 codes of the languages to code (default ``("en",)``); a
            story detected or declared in another language is skipped with T110 and
            its language's name. None: code every story whatever its language.
        max_control_ratio: largest share of control characters (other than tab, line
            feed, carriage return) in a story before it is skipped as not text (T111).
    """

    max_story_chars: int | None = 100_000
    max_sentence_tokens: int | None = 150
    story_timeout: float | None = 60.0
    languages: tuple[str, ...] | None = ("en",)
    max_control_ratio: float = 0.05


@dataclass
class RunSummary:
    """What a run did.

    Attributes:
        read: stories read successfully; coded: stories coded in this run;
        no_pub_date: coded stories that had no publication date (their events are dated
        by date phrases that name a year, else today);
        unchanged: stories already in the store with the same text and pipeline version;
        skipped: failures by reason (error code + stage) -> count;
        failures: the failure messages, in order; events: events coded;
        stories_with_events: coded stories that produced at least one event;
        elapsed: seconds.
    """

    read: int = 0
    no_pub_date: int = 0
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


@dataclass
class Skip:
    """Why one story was not coded: the stage (``limits``, ``language``, ``analyse``,
    ``code``, ``store``), a code (``T1xx``...) and a message naming the story."""

    stage: str
    code: str
    message: str


class Interrupted(KeyboardInterrupt):
    """Ctrl-C (SIGINT) stopped :func:`code_stories`; ``summary`` says what it had done.

    Every story that ``summary.coded`` counts is stored (a chunk is committed in one
    transaction, or not at all), so running the same input again codes only the rest.
    """

    def __init__(self, summary: "RunSummary") -> None:
        super().__init__()
        self.summary = summary


class StoryTimeout(BaseException):
    """Raised inside a story's analysis or coding when its time is up.

    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` in the
    coder or a resolver can swallow it.
    """


class _CtrlC:
    """Ctrl-C (SIGINT) while :func:`code_stories` runs.

    It raises KeyboardInterrupt as usual, except while a chunk is stored and counted
    (:meth:`held`): then it is noted and raised once the chunk is done, so that the
    summary counts exactly the stories stored. (DuckDB would otherwise cancel the COMMIT
    it arrives in, leaving the chunk stored or not, or drop the KeyboardInterrupt
    altogether when its query was done anyway.)
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


def _name(story: Story) -> str:
    return f"{story.origin or story.id}: story {story.id!r}"


def check_story(story: Story, limits: Limits) -> Skip | None:
    """Return why ``story`` must be skipped before analysis, or None to code it.

    Checks, in order: size (T109), control characters (T111), language (T110). Cheap:
    the language is detected on a 3,000-character sample (see :mod:`tidings.language`).
    """
    n = len(story.text)
    if limits.max_story_chars is not None and n > limits.max_story_chars:
        return Skip("limits", TOO_LONG,
                    f"{_name(story)} has {n:,} characters, over the limit of "
                    f"{limits.max_story_chars:,} (raise it with --max-story-chars)")
    sample = story.text[:20_000]
    ctrl = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r")
    if sample and ctrl / len(sample) > limits.max_control_ratio:
        return Skip("limits", NOT_TEXT,
                    f"{_name(story)} is not text: {ctrl / len(sample):.0%} of its characters "
                    f"are control characters")
    if limits.languages is not None:
        from ..language import language_name, story_language

        code, how = story_language(story.text, story.language)
        if code is not None and code not in limits.languages:
            want = ", ".join(language_name(c) for c in limits.languages)
            return Skip("language", NOT_LANGUAGE,
                        f"{_name(story)} is in {language_name(code)} ({how}), not "
                        f"{want} (code it anyway with --any-language)")
    return None


_FINAL = frozenset({".", "!", "?", "\u3002", "\u061f", "\u2026"})


def split_long_runs(doc, max_tokens: int | None) -> int:
    """Preset sentence starts on a tokenised ``doc`` so that no run of more than
    ``max_tokens`` tokens without sentence-final punctuation or a line break reaches
    the parser.

    Args:
        doc: a ``spacy.tokens.Doc`` straight from the tokenizer (no parse yet).
        max_tokens: the longest run allowed (tokens); None or < 2: nothing is done.
    Returns:
        the number of sentence starts set (0 for ordinary prose).
    """
    if not max_tokens or max_tokens < 2:
        return 0
    run = 0
    cuts = 0
    for i, tok in enumerate(doc):
        if i and run >= max_tokens:
            tok.is_sent_start = True
            cuts += 1
            run = 0
        run += 1
        if tok.text in _FINAL or (tok.is_space and "\n" in tok.text):
            run = 0
    return cuts


@contextmanager
def _deadline(seconds: float | None):
    """Raise :class:`StoryTimeout` in the block when it runs past ``seconds``.

    Uses SIGALRM (POSIX, main thread); elsewhere yields a plain deadline that
    :func:`_check` compares against between stages.
    """
    end = time.monotonic() + seconds if seconds else None
    use_alarm = (bool(seconds) and hasattr(signal, "setitimer")
                 and threading.current_thread() is threading.main_thread())
    if not use_alarm:
        yield end
        return

    def on_alarm(signum, frame):
        raise StoryTimeout()

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield end
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _check(end: float | None) -> None:
    if end is not None and time.monotonic() > end:
        raise StoryTimeout()


_WARM_UP = "Kenyan police arrested 12 protesters in Nairobi on Monday, the foreign ministry said."


class StoryWorker:
    """Analyses and codes one story at a time; one per process."""

    def __init__(self, actor_files: tuple[str, ...], limits: Limits) -> None:
        from ..actors import ActorResolver
        from ..analyse import load_nlp
        from ..code import Coder

        self.nlp = load_nlp()
        self.coder = Coder(resolver=ActorResolver(list(actor_files)))
        self.limits = limits
        # load the lazy parts (gazetteer, actor indices) now, not on the first story's clock
        warm = Story(id="warm-up", text=_WARM_UP, pub_date="2025-01-10")
        self.coder.code_doc(self.nlp(_WARM_UP), warm)

    def run(self, story: Story) -> list[Event] | Skip:
        """Return the story's events, or a :class:`Skip` saying which stage failed."""
        stage = "analyse"
        timeout = self.limits.story_timeout
        try:
            with _deadline(timeout) as end:
                try:
                    doc = self.nlp.make_doc(story.text)
                    split_long_runs(doc, self.limits.max_sentence_tokens)
                    for _, proc in self.nlp.pipeline:
                        _check(end)
                        doc = proc(doc)
                except Exception as exc:  # noqa: BLE001 - one story never stops the run
                    return self._parse_failed(story, exc)
                _check(end)
                stage = "code"
                result = self._code(doc, story)
                _check(end)
                return result
        except StoryTimeout:
            return self._timed_out(story, stage)

    def run_many(self, stories: list[Story],
                 progress: Callable[[int], None] | None = None) -> list[list[Event] | Skip]:
        """Return each story's events or :class:`Skip`, as :meth:`run` would, parsing the
        stories together (spaCy's networks are faster on a batch than story by story).

        The stories are parsed in batches of about ``CHUNK_CHARS_PER_SECOND`` characters
        per second of the story time limit. A batch's parse has one story's time limit;
        should it fail or run out of time,
        each story is analysed again on its own with :meth:`run`, so that the failure
        or the time-out falls on the story that caused it. Each story is then coded
        within its time limit less its share (by length) of the batch's parse.

        Args:
            stories: the stories, already checked (:func:`check_story`).
            progress: called with ``-1`` before the batch parse and with a story's index
                before it is coded (a worker pool's heartbeat); None: not called.
        """
        note = progress or (lambda i: None)
        timeout = self.limits.story_timeout
        budget = timeout * CHUNK_CHARS_PER_SECOND if timeout else None
        out: list[list[Event] | Skip] = []
        for batch in _chunks(stories, len(stories), budget):
            base = len(out)
            out.extend(self._run_batch(batch, lambda i: note(base + i if i >= 0 else i)))
        return out

    def _run_batch(self, stories: list[Story], note: Callable[[int], None]) -> list[list[Event] | Skip]:
        if len(stories) < 2:
            out = []
            for i, story in enumerate(stories):
                note(i)
                out.append(self.run(story))
            return out
        timeout = self.limits.story_timeout
        t0 = time.monotonic()
        note(-1)
        try:
            with _deadline(timeout) as end:
                docs = []
                for story in stories:
                    doc = self.nlp.make_doc(story.text)
                    split_long_runs(doc, self.limits.max_sentence_tokens)
                    docs.append(doc)
                for _, proc in self.nlp.pipeline:
                    _check(end)
                    docs = list(proc.pipe(docs, batch_size=len(docs)))
                _check(end)
        except (Exception, StoryTimeout):  # noqa: BLE001 - find the culprit story by story
            out = []
            for i, story in enumerate(stories):
                note(i)
                out.append(self.run(story))
            return out
        parse = time.monotonic() - t0
        chars = sum(len(s.text) for s in stories) or 1
        out = []
        for i, (story, doc) in enumerate(zip(stories, docs)):
            note(i)
            left = timeout - parse * len(story.text) / chars if timeout else None
            try:
                with _deadline(max(left, 0.001) if left is not None else None) as end:
                    result = self._code(doc, story)
                    _check(end)
            except StoryTimeout:
                result = self._timed_out(story, "code")
            out.append(result)
        return out

    def run_checked(self, stories: list[Story],
                    progress: Callable[[int], None] | None = None) -> list[list[Event] | Skip]:
        """:func:`check_story` each story, then :meth:`run_many` those that pass.

        Returns:
            per story, in order: its events, or the :class:`Skip` of its check or its run.
        """
        results: list[list[Event] | Skip | None] = [check_story(s, self.limits) for s in stories]
        todo = [i for i, r in enumerate(results) if r is None]
        note = (lambda k: progress(todo[k] if k >= 0 else k)) if progress else None
        for i, r in zip(todo, self.run_many([stories[i] for i in todo], note)):
            results[i] = r
        return results  # type: ignore[return-value]

    def _code(self, doc, story: Story) -> list[Event] | Skip:
        try:
            return self.coder.code_doc(doc, story)
        except Exception as exc:  # noqa: BLE001
            return Skip("code", CODE_FAILED, f"{_name(story)} could not be coded: "
                        f"{type(exc).__name__}: {exc}")

    @staticmethod
    def _parse_failed(story: Story, exc: Exception) -> Skip:
        return Skip("analyse", PARSE_FAILED, f"{_name(story)} could not be parsed: "
                    f"{type(exc).__name__}: {exc}")

    def _timed_out(self, story: Story, stage: str) -> Skip:
        return Skip(stage, TIMED_OUT,
                    f"{_name(story)} took over {self.limits.story_timeout:g} s (in the {stage} "
                    f"stage) and was abandoned (raise --story-timeout)")


_WORKER: StoryWorker | None = None
_BEAT = None  # the pool's heartbeat array, in a worker process


def _init_worker(actor_files: tuple[str, ...], limits: Limits, beat) -> None:
    global _WORKER, _BEAT
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _BEAT = beat
    _WORKER = StoryWorker(actor_files, limits)


def _run_in_worker(slot: int, stories: list[Story]) -> list[list[Event] | Skip]:
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

    def run(self, chunks: Iterable[tuple[list[Story], Any]]) -> Iterator[tuple[Any, list[tuple[Story, list[Event] | Skip]]]]:
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
            self._start()
            if 0 <= at < len(stories):
                story = stories[at]
                yield None, [(story, Skip("analyse", TIMED_OUT,
                              f"{_name(story)}: its worker gave no answer in {self.hard:g} s "
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


def _chunks(stories: list[Story], size: int, max_chars: float | None) -> Iterator[list[Story]]:
    """Cut ``stories`` into chunks of at most ``size`` stories and about ``max_chars``
    characters (a chunk has at least one story)."""
    chunk: list[Story] = []
    chars = 0
    for s in stories:
        if chunk and (len(chunk) >= size or (max_chars is not None and chars + len(s.text) > max_chars)):
            yield chunk
            chunk, chars = [], 0
        chunk.append(s)
        chars += len(s.text)
    if chunk:
        yield chunk


#: Characters per second of story time limit that one chunk may hold: a chunk is parsed
#: as one batch within one story's time limit (about 30,000 characters/s on one core of
#: the development machine, so a chunk takes about a fifteenth of the limit there).
CHUNK_CHARS_PER_SECOND = 2_000


def code_stories(
    items: Iterable[Story | ReadFailure],
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
        items: stories and :class:`~tidings.read.ReadFailure` records, e.g. from
            :func:`tidings.read.read_stories`.
        store: a :class:`tidings.store.Store` or None (then nothing is saved).
        sink: called with every event (e.g. to write JSON Lines), or None.
        processes: worker processes that check, parse and code (1: in this process).
        batch_size: stories read at a time, and most stories in a chunk: a chunk goes
            to one worker (:meth:`StoryWorker.run_checked`) and is stored in one
            transaction.
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
    seen: set[str] = set()
    skip_coded = store is not None and not force and sink is None

    def fail(story_id, origin, stage, code, message):
        summary.skipped[f"{code} {stage}"] += 1
        summary.failures.append(message)
        if store is not None:
            store.save_failure(story_id, origin, stage, code, message)

    def chunks() -> Iterator[tuple[list[Story], int]]:
        """Chunks of stories to code, each tagged with the items of its batch handled
        once it is done (on the batch's last chunk)."""
        for batch in _batches(items, max(1, batch_size)):
            todo: list[Story] = []
            for it in batch:
                if isinstance(it, ReadFailure):
                    fail(it.story_id, it.origin, "read", it.code, it.message)
                    continue
                summary.read += 1
                if it.id in seen:  # keyed by origin: the first story's row must stay clean
                    fail(None, it.origin, "read", "T108",
                         f"{it.origin}: duplicate story id {it.id!r} in this run; first one kept")
                    continue
                seen.add(it.id)
                todo.append(it)
            if skip_coded and todo:
                done = store.coded_ids(todo, PIPELINE_VERSION)
                if done:
                    for it in todo:  # checked first, as the workers check the others
                        if it.id in done:
                            skip = check_story(it, limits)
                            if skip is not None:
                                fail(it.id, it.origin, skip.stage, skip.code, skip.message)
                            else:
                                summary.unchanged += 1
                    todo = [it for it in todo if it.id not in done]
            parts = list(_chunks(todo, max(1, batch_size), None)) or [[]]
            for k, part in enumerate(parts):
                yield part, len(batch) if k == len(parts) - 1 else 0

    def handle(results: list[tuple[Story, list[Event] | Skip]]) -> None:
        """Store a chunk's coded stories in one transaction, then report its stories in order."""
        coded = [(story, r) for story, r in results if not isinstance(r, Skip)]
        errors = store.save_stories(coded, PIPELINE_VERSION) if store is not None and coded else {}
        for story, result in results:
            if isinstance(result, Skip):
                fail(story.id, story.origin, result.stage, result.code, result.message)
                continue
            exc = errors.get(story.id)
            if isinstance(exc, TidingsError):  # e.g. an impossible date: skip this story only
                fail(story.id, story.origin, "store", exc.code,
                     f"{_name(story)} could not be stored: {exc.message}")
                continue
            if exc is not None:  # e.g. text DuckDB cannot encode
                fail(story.id, story.origin, "store", STORE_FAILED,
                     f"{_name(story)} could not be stored: {type(exc).__name__}: {exc}")
                continue
            if sink is not None:
                for ev in result:
                    sink(ev)
            summary.coded += 1
            summary.no_pub_date += story.pub_date is None
            summary.events += len(result)
            summary.stories_with_events += bool(result)

    if processes > 1:
        pool = _Pool(processes, actor_files, limits)
        run_all = pool.run
    else:
        pool = None
        worker = StoryWorker(actor_files, limits)
        run_all = lambda cs: ((tag, list(zip(st, worker.run_checked(st)))) for st, tag in cs)  # noqa: E731
    try:
        with _CtrlC.watch() as ctrl_c:
            for handled, results in run_all(chunks()):
                with ctrl_c.held():  # a chunk is stored and counted whole
                    handle(results)
                    if progress and handled:
                        progress(handled)
    except BaseException as exc:
        from ..store import is_interrupt

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
