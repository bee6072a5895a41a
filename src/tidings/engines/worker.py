"""The story worker both engines share: check, analyse and code one story at a time.

:class:`StoryWorker` loads spaCy and the coder once (per process, or per Ray actor) and
turns stories into events, or into a :class:`~tidings.records.Failure` saying which
stage refused the story and why. The local engine (:mod:`tidings.engines.local`) runs
it in-process or in worker processes; the Ray engine (:mod:`tidings.engines.ray`) runs
one per actor. Both therefore apply the same :class:`Limits` (size, control characters,
language, sentence length, per-story time), parse chunks of stories as one spaCy batch,
and code them with the same coder, so their events and event ids are equal. After the
coder, each story's events are dated from the story once (:func:`tidings.dates.story_dates`,
issue 19: a sentence without a date phrase takes the date of the event it continues).

Failure codes (``docs/errors.md``): T109 too long, T110 not in the languages, T111 not
text, T202 spaCy raised, T203 timed out, T302 the coder or a resolver raised.
"""

from __future__ import annotations

import gc
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from ..analyse import prepare_text
from ..dates import _MISSING, reference_date, story_dates, story_sentences
from ..read import MAX_CONTROL_SHARE, control_share
from ..records import Event, Failure, Story

#: Failure codes of the worker and the engines (read failures keep their T1xx codes
#: from :mod:`tidings.read`).
TOO_LONG = "T109"        # story longer than Limits.max_story_chars
NOT_LANGUAGE = "T110"    # story not in Limits.languages
NOT_TEXT = "T111"        # story is mostly control characters (a binary file read as text)
PARSE_FAILED = "T202"    # spaCy raised on the story
TIMED_OUT = "T203"       # story took longer than Limits.story_timeout
CODE_FAILED = "T302"     # the coder or a resolver raised on the story
STORE_FAILED = "T408"    # the store raised something other than a StoreError


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
            feed, carriage return) in a story before it is skipped as not text (T111;
            :func:`tidings.read.control_share`). The readers remove control characters
            from a story that has at most ``tidings.read.MAX_CONTROL_SHARE`` of them
            (this limit's default), with a warning (issue 16).
        all_candidates: keep every event the coder finds, whatever its confidence
            (default False: the events whose confidence reaches the learned model's
            threshold; ``docs/model.md``).
    """

    max_story_chars: int | None = 100_000
    max_sentence_tokens: int | None = 150
    story_timeout: float | None = 60.0
    languages: tuple[str, ...] | None = ("en",)
    max_control_ratio: float = MAX_CONTROL_SHARE
    all_candidates: bool = False


class StoryTimeout(BaseException):
    """Raised inside a story's analysis or coding when its time is up.

    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` in the
    coder or a resolver can swallow it.
    """


def story_name(story: Story) -> str:
    """Return how messages name a story: ``"<origin>: story '<id>'"`` (the origin, e.g.
    ``"s.jsonl:12"``, or the id when the story has none)."""
    return f"{story.origin or story.id}: story {story.id!r}"


def duplicate_message(origin: str, story_id: str, first: str) -> str:
    """The T108 message of a story whose id an earlier story of the run has: it names
    both places, file and line ("b/feed.jsonl:2: duplicate story id 's1' in this run;
    the first, at a/feed.jsonl:1, is kept"), so that the user can tell which copy to
    rename (issue 16: the message named neither file)."""
    return (f"{origin}: duplicate story id {story_id!r} in this run; the first, at {first}, "
            "is kept")


def failure(story: Story, stage: str, code: str, message: str) -> Failure:
    """Return the :class:`~tidings.records.Failure` of ``story`` at ``stage``
    (``read``, ``limits``, ``language``, ``analyse``, ``code``, ``store``) with ``code``."""
    return Failure(story.origin, story.id, code, message, stage)


def check_story(story: Story, limits: Limits) -> Failure | None:
    """Return why ``story`` must be skipped before analysis, or None to code it.

    Checks, in order: the publication date (T103, stage ``read``: one the readers would
    refuse, e.g. ``2999-12-31`` in a :class:`~tidings.records.Story` made in Python, which
    no reader checked; :func:`tidings.read.normalise_date`), size (T109), control
    characters (T111), language (T110). Cheap: the language is detected on a
    3,000-character sample (see :mod:`tidings.language`).
    """
    pub = story.pub_date
    if pub is not None and str(pub).strip().lower() not in _MISSING:   # NaN, NaT, pd.NA, "": none
        from ..read import normalise_date

        try:
            normalise_date(pub)
        except ValueError as exc:
            return failure(story, "read", "T103", f"{story_name(story)} has a bad date: {exc}")
    n = len(story.text)
    if limits.max_story_chars is not None and n > limits.max_story_chars:
        return failure(story, "limits", TOO_LONG,
                       f"{story_name(story)} has {n:,} characters, over the limit of "
                       f"{limits.max_story_chars:,} (raise it with --max-story-chars)")
    share = control_share(story.text)
    if share > limits.max_control_ratio:
        return failure(story, "limits", NOT_TEXT,
                       f"{story_name(story)} is not text: {share:.0%} of its "
                       f"characters are control characters")
    if limits.languages is not None:
        from ..language import in_languages, language_name, story_language

        code, how = story_language(story.text, story.language)
        if code is not None and not in_languages(code, how, limits.languages):
            want = ", ".join(language_name(c) for c in limits.languages)
            seen = f"written in {language_name(code)}" if how == "script" else \
                f"in {language_name(code)} ({how})"
            return failure(story, "language", NOT_LANGUAGE,
                           f"{story_name(story)} is {seen}, not "
                           f"{want} (code it anyway with --any-language, or any_language=True "
                           f"in tidings.code)")
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
    if not _may_cut(doc, max_tokens):
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


def _may_cut(doc, max_tokens: int) -> bool:
    """False when :func:`split_long_runs` would set no sentence start: no run of
    ``max_tokens`` tokens or more lies between two tokens that end a run (sentence-final
    punctuation, whitespace with a line break), found from the document's arrays without
    making a ``Token`` of every word (issue 20). True when one may."""
    import numpy as np
    from spacy.attrs import IS_SPACE, ORTH

    n = len(doc)
    if n <= max_tokens:  # a run before token i holds at most i tokens
        return False
    rows = doc.to_array([ORTH, IS_SPACE])
    ends = np.isin(rows[:, 0], _final_ids())
    for i in rows[:, 1].nonzero()[0].tolist():
        if "\n" in doc[i].text:
            ends[i] = True
    # the run before token i counts the tokens after the last end before i; the longest
    # run of a stretch is the one before the stretch's closing end (or the last token)
    bounds = np.concatenate(([-1], ends.nonzero()[0], [n - 1]))
    return bool((np.diff(bounds) - 1 >= max_tokens).any())


_FINAL_IDS = None


def _final_ids():
    global _FINAL_IDS
    if _FINAL_IDS is None:
        import numpy as np
        from spacy.strings import get_string_id

        _FINAL_IDS = np.array(sorted(get_string_id(x) for x in _FINAL), dtype=np.uint64)
    return _FINAL_IDS


#: The youngest generation's collection threshold while a story is coded
#: (:func:`_fewer_collections`); Python's default is 700.
CODE_GC_THRESHOLD = 20_000


@contextmanager
def _fewer_collections():
    """Collect the youngest generation of Python's garbage collector every
    :data:`CODE_GC_THRESHOLD` new container objects instead of every 700 while the block
    runs (one story's coding), then restore the thresholds found.

    The coder makes millions of short-lived objects per hundred stories (tokens, tuples,
    lists of features), almost all freed by reference counting; the default threshold
    ran a collection every 700 of them, which cost about 5% of the code stage's CPU time
    on the VOA stories (with the collector off: 5% less; at 20,000: about as much less).
    Only garbage in reference cycles waits longer (for 20,000 new objects at most, not
    700: a few megabytes), and no output depends on when garbage is collected."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], CODE_GC_THRESHOLD), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


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
    """Checks, analyses and codes stories; one per process (or Ray actor).

    Args:
        actor_files: user actor dictionaries for :class:`tidings.actors.ActorResolver`.
        limits: the run's :class:`Limits`.
    Raises:
        TidingsError: T201 when the spaCy model is not installed, T301 when an actor
            dictionary is missing or malformed.
    """

    def __init__(self, actor_files: tuple[str, ...], limits: Limits) -> None:
        from ..actors import ActorResolver
        from ..analyse import keep_freed_memory, load_nlp, one_blas_thread
        from ..code import Coder

        keep_freed_memory()  # the networks' arrays reuse freed memory (issue 20)
        self.nlp = load_nlp()
        self._one_thread = one_blas_thread
        resolver = ActorResolver(list(actor_files))
        self.coder = Coder(resolver=resolver, all_candidates=limits.all_candidates)
        #: the knowledge base's acronyms, kept in capitals when an upper-case story's case
        #: is restored
        self.acronyms = resolver.acronyms()
        self.limits = limits
        # load the lazy parts (gazetteer, actor indices, the language models) now, not on
        # the first story's clock
        warm = Story(id="warm-up", text=_WARM_UP, pub_date="2025-01-10")
        with one_blas_thread():
            self.coder.code_doc(self.nlp(_WARM_UP), warm)
        if limits.languages is not None:
            check_story(warm, limits)
        # what start-up loaded (knowledge base, gazetteer, lexicon, models) lives as long
        # as the worker: Python's full garbage collections need not walk it again each
        # time (issue 20, fourth round: 0.3 -> 0.12 s of collections per pass over the 89
        # VOA stories)
        gc.freeze()

    def run(self, story: Story) -> list[Event] | Failure:
        """Return the story's events, or a :class:`~tidings.records.Failure` saying which
        stage failed (never raises for a bad story)."""
        stage = "analyse"
        timeout = self.limits.story_timeout
        try:
            with _deadline(timeout) as end:
                try:
                    text = prepare_text(story.text, self.acronyms)
                    doc = self.nlp.make_doc(text)
                    split_long_runs(doc, self.limits.max_sentence_tokens)
                    with self._one_thread():
                        for _, proc in self.nlp.pipeline:
                            _check(end)
                            doc = proc(doc)
                except Exception as exc:  # noqa: BLE001 - one story never stops the run
                    return self._parse_failed(story, exc)
                _check(end)
                stage = "code"
                result = self._code(doc, story, text)
                _check(end)
                return result
        except StoryTimeout:
            return self._timed_out(story, stage)

    def run_many(self, stories: list[Story],
                 progress: Callable[[int], None] | None = None) -> list[list[Event] | Failure]:
        """Return each story's events or :class:`~tidings.records.Failure`, as :meth:`run` would, parsing the
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
        out: list[list[Event] | Failure] = []
        for batch in chunk_stories(stories, len(stories), budget):
            base = len(out)
            out.extend(self._run_batch(batch, lambda i: note(base + i if i >= 0 else i)))
        return out

    def _run_batch(self, stories: list[Story], note: Callable[[int], None]) -> list[list[Event] | Failure]:
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
                docs, texts = [], []
                for story in stories:
                    texts.append(prepare_text(story.text, self.acronyms))
                    doc = self.nlp.make_doc(texts[-1])
                    split_long_runs(doc, self.limits.max_sentence_tokens)
                    docs.append(doc)
                with self._one_thread():
                    for _, proc in self.nlp.pipeline:
                        _check(end)
                        if hasattr(proc, "pipe"):
                            docs = list(proc.pipe(docs, batch_size=len(docs)))
                        else:  # a function component (tidings_line_breaks) has no pipe()
                            docs = [proc(d) for d in docs]
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
        for i, (story, doc, text) in enumerate(zip(stories, docs, texts)):
            note(i)
            left = timeout - parse * len(story.text) / chars if timeout else None
            try:
                with _deadline(max(left, 0.001) if left is not None else None) as end:
                    result = self._code(doc, story, text)
                    _check(end)
            except StoryTimeout:
                result = self._timed_out(story, "code")
            out.append(result)
        return out

    def run_checked(self, stories: list[Story],
                    progress: Callable[[int], None] | None = None) -> list[list[Event] | Failure]:
        """:func:`check_story` each story, then :meth:`run_many` those that pass.

        Returns:
            per story, in order: its events, or the :class:`~tidings.records.Failure` of
            its check or its run.
        """
        results: list[list[Event] | Failure | None] = [check_story(s, self.limits) for s in stories]
        todo = [i for i, r in enumerate(results) if r is None]
        note = (lambda k: progress(todo[k] if k >= 0 else k)) if progress else None
        for i, r in zip(todo, self.run_many([stories[i] for i in todo], note)):
            results[i] = r
        return results  # type: ignore[return-value]

    def _code(self, doc, story: Story, text: str | None = None) -> list[Event] | Failure:
        # text: doc.text when the caller has it (the text it parsed): rebuilding it from
        # the tokens costs about 3 ms a story
        text = doc.text if text is None else text
        try:
            with _fewer_collections():
                return self._code_story(doc, story, text)
        except Exception as exc:  # noqa: BLE001
            return failure(story, "code", CODE_FAILED, f"{story_name(story)} could not be "
                           f"coded: {type(exc).__name__}: {exc}")

    def _code_story(self, doc, story: Story, text: str) -> list[Event]:
        """:meth:`_code`'s work: the story's events, dated (raises what coding raises)."""
        # a dateline's date ("SAN SALVADOR, 12 JAN 90 (...) --") is the date relative
        # phrases count from, when it differs from the publication date (issue 16)
        ref, dateline = reference_date(story.text, story.pub_date)
        coded = story if dateline is None else replace(story, pub_date=ref)
        events = self.coder.code_doc(doc, coded, text=text)
        # dates from the story (issue 19): a sentence without a date phrase takes the
        # date of the event it continues or of the story's lead, once per story
        # (text, i.e. doc.text: the story with its case restored when it was all
        # capitals; the same length, so the offsets are the story's)
        sents = story_sentences(text, doc.sents, doc.ents)
        dated = story_dates(events, ref, sents, dateline=dateline)
        if self.coder.all_candidates:
            dated = self._default_dates(events, dated, ref, sents, dateline)
        return dated

    def _default_dates(self, events: list[Event], dated: list[Event], ref, sents, dateline) -> list[Event]:
        """``dated`` (the story pass over every candidate, ``--all-candidates``) with the
        events of the default output dated as the default output dates them: by the story
        pass over those events alone. An event's date must not depend on which other
        candidates are shown: a low-confidence candidate in the lead ("M23 captured Goma
        last month") became the story's lead and lent "last month" to a kept event of a
        later sentence, which the default run dates by its own lead (a fresh user's
        trial, nineteenth round). The other candidates keep the date of the pass over all."""
        keep = [k for k, e in enumerate(events) if self.coder.learned.keep(e)]
        if len(keep) == len(events):
            return dated
        out = list(dated)
        for k, e in zip(keep, story_dates([events[k] for k in keep], ref, sents, dateline=dateline) if keep else ()):
            out[k] = e
        return out

    @staticmethod
    def _parse_failed(story: Story, exc: Exception) -> Failure:
        return failure(story, "analyse", PARSE_FAILED, f"{story_name(story)} could not be "
                       f"parsed: {type(exc).__name__}: {exc}")

    def _timed_out(self, story: Story, stage: str) -> Failure:
        return failure(story, stage, TIMED_OUT,
                       f"{story_name(story)} took over {self.limits.story_timeout:g} s (in "
                       f"the {stage} stage) and was abandoned (raise --story-timeout)")


def chunk_stories(stories: list[Story], size: int, max_chars: float | None) -> Iterator[list[Story]]:
    """Cut ``stories`` into chunks of at most ``size`` stories and about ``max_chars``
    characters (a chunk has at least one story; None: no character limit).

    Yields:
        lists of stories, in order, together holding every story once.
    """
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


