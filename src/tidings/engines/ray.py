"""The Ray engine: code a large corpus with Ray Data on one machine or a cluster.

``tidings code --engine ray INPUT --out DIR`` runs this module:

1. **read**: JSON Lines (``.jsonl``, ``.ndjson``, ``.json``) and Parquet files, given as
   files, folders or many of both, are read by Ray Data in parallel. Each record becomes
   one row ``{"record": <JSON text>, "origin": <file>, "story": null}``, so both formats
   meet the same record rules as the local engine (:func:`tidings.read.story_from_record`).
   A JSON file the local reader reads whole, not line by line (one JSON array, or a
   ``.json`` object: ``{"stories": [...]}``, one pretty-printed story), is read on the
   driver by that reader (:func:`tidings.read.read_json_whole`, :func:`whole_json_rows`),
   and its stories go to the workers as rows whose ``story`` holds the story read.
2. **code**: ``Dataset.map_batches`` with a pool of actors, one :class:`StoryCoder` per
   worker; each loads the spaCy pipeline and the coder once and then codes batches of
   stories, exactly as :func:`tidings.engines.local.code_stories` does (same
   ``Coder.code_doc``), so the events and their ids equal the local engine's.
3. **write**: the events go to ``DIR/events/*.parquet``, one row per event in the event
   contract's schema (``shared/spec/events.md``; :data:`EVENT_SCHEMA`: entity lists are
   lists of structs, ``date`` and ``location`` structs). Failures (bad records, stories
   that could not be coded) go to ``DIR/failures.jsonl``.
4. **store** (optional): :func:`load_into_store` loads the Parquet events and the input
   stories into the DuckDB store afterwards, one transaction per story, as the local
   engine would have.

Ray is an optional extra (``pip install 'tidings[ray]'``); this module imports it only
inside the functions that need it, so :data:`EVENT_SCHEMA`, :func:`events_table` and
:func:`read_events` work without Ray. A local Ray started by tidings listens on
127.0.0.1 only, without the dashboard; ``address`` joins an existing cluster instead
(then ``DIR`` must be a path every node can write, e.g. shared storage).

Error codes (``tidings.errors``): T701 Ray is not installed (:func:`require_ray`, checked
before anything is written), T702 cannot start or join
Ray, T703 no readable input files, T704 the output folder cannot be written, T705 the
Ray job failed (an actor died, or the model is missing on a node), T706 no events
folder where :func:`read_events` looks.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..errors import TidingsError
from ..records import Event, Failure, Story
from ..version import pipeline_version
from .local import RunSummary
from .worker import Limits, StoryWorker, duplicate_message, failure, story_name

JSONL_EXT = (".jsonl", ".ndjson", ".json")
PARQUET_EXT = (".parquet", ".pq")

_ENTITY = pa.struct([("text", pa.string()), ("name", pa.string()), ("country", pa.string()),
                     ("sector", pa.string()), ("igo", pa.string()), ("kb_id", pa.string()),
                     ("how", pa.string())])
_DATE = pa.struct([("text", pa.string()), ("start", pa.string()), ("end", pa.string()),
                   ("granularity", pa.string()), ("source", pa.string())])
_LOCATION = pa.struct([("text", pa.string()), ("name", pa.string()), ("country", pa.string()),
                       ("admin1", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
                       ("geonames_id", pa.int64()), ("feature", pa.string())])

#: Arrow schema of one event row: the contract's fields, in the contract's order.
EVENT_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("story_id", pa.string()), ("sentence_index", pa.int32()),
    ("sentence", pa.string()), ("evidence_span", pa.list_(pa.int64())),
    ("trigger", pa.string()), ("event_type", pa.string()), ("mode", pa.string()),
    ("contexts", pa.list_(pa.string())), ("aux_modes", pa.list_(pa.string())),
    ("actor", pa.list_(_ENTITY)), ("recipient", pa.list_(_ENTITY)), ("date", _DATE),
    ("location", _LOCATION), ("quad_class", pa.string()), ("confidence", pa.float64()),
    ("cameo", pa.string()), ("claimed_by", pa.list_(_ENTITY)), ("rules", pa.list_(pa.string())),
])


def events_table(events: Iterable[Event]) -> pa.Table:
    """Return events as an Arrow table in :data:`EVENT_SCHEMA` (one row per event)."""
    return pa.Table.from_pylist([e.to_dict() for e in events], schema=EVENT_SCHEMA)


def read_events(out_dir: str | Path) -> list[Event]:
    """Read the events a Ray run wrote under ``out_dir/events``.

    Args:
        out_dir: the ``--out`` folder of a Ray run (or its ``events`` subfolder).
    Returns:
        the events, file by file in name order and in coding order within a story.
    Raises:
        TidingsError(T706): when there is no ``events`` folder.
    """
    import pyarrow.parquet as pq

    folder = Path(out_dir)
    if (folder / "events").is_dir():
        folder = folder / "events"
    if not folder.is_dir():
        raise TidingsError("T706", f"no events folder in {out_dir}",
                           "give the --out folder of a Ray run")
    out: list[Event] = []
    for f in sorted(folder.glob("*.parquet")):
        out.extend(Event.from_dict(row) for row in pq.read_table(f).to_pylist())
    return out


def input_files(inputs: Iterable[str | Path],
                skipped: list[str] | None = None) -> tuple[list[str], list[str]]:
    """Expand files and folders into (JSON Lines files, Parquet files), sorted.

    Folders are searched recursively; hidden files are ignored.

    Args:
        inputs: files and folders.
        skipped: when given, the files of other formats (HTML, CSV, text), which this
            engine does not read, are appended to it (paths as found), so that the run
            can name them (:func:`skipped_failure`).
    Raises:
        TidingsError(T703): when an input does not exist or no usable file is found.
    """
    jsonl: list[str] = []
    parquet: list[str] = []
    for inp in inputs:
        p = Path(inp)
        if not p.exists():
            raise TidingsError("T703", f"{p}: no such file or folder")
        files = sorted(q for q in p.rglob("*") if q.is_file()) if p.is_dir() else [p]
        for f in files:
            if f.name.startswith("."):
                continue
            ext = f.suffix.lower()
            if ext in JSONL_EXT:
                jsonl.append(str(f.resolve()))
            elif ext in PARQUET_EXT:
                parquet.append(str(f.resolve()))
            elif skipped is not None:
                skipped.append(str(f))
    if not jsonl and not parquet:
        raise TidingsError("T703", "no JSON Lines or Parquet input files in "
                           + ", ".join(str(i) for i in inputs),
                           "the Ray engine reads .jsonl/.ndjson/.json and .parquet files")
    return jsonl, parquet


def skipped_failure(path: str) -> Failure:
    """The failure (``T113``, stage ``read``) of an input file the Ray engine does not
    read, as :func:`code_with_ray` reports it."""
    return Failure(os.path.basename(path), None, "T113",
                   f"{path}: not read: the Ray engine reads JSON Lines and Parquet files only "
                   "(code .html, .csv and text files with --engine local)")


# ---------------------------------------------------------------- worker side

#: Schema of the rows the coding actors read: a record as JSON text and its file, or
#: (``story``) a story the driver read already, as JSON of its fields.
RECORD_SCHEMA = pa.schema([("record", pa.string()), ("origin", pa.string()), ("story", pa.string())])


def _jsonl_records(batch: pa.Table) -> pa.Table:
    """Rows of ``read_text(include_paths=True)`` -> :data:`RECORD_SCHEMA` rows."""
    return pa.table({"record": batch.column("text"),
                     "origin": pa.array([os.path.basename(p) for p in batch.column("path").to_pylist()],
                                        pa.string()),
                     "story": pa.nulls(batch.num_rows, pa.string())}, schema=RECORD_SCHEMA)


def _parquet_records(batch: pa.Table) -> pa.Table:
    """Rows of ``read_parquet(include_paths=True)`` -> :data:`RECORD_SCHEMA` rows."""
    paths = batch.column("path").to_pylist()
    rows = batch.drop_columns(["path"]).to_pylist()
    return pa.table({"record": pa.array([json.dumps(r, default=str, ensure_ascii=False) for r in rows], pa.string()),
                     "origin": pa.array([os.path.basename(p) for p in paths], pa.string()),
                     "story": pa.nulls(len(rows), pa.string())}, schema=RECORD_SCHEMA)


def whole_json_rows(files: Iterable[str], read_options: dict[str, Any] | None = None
                    ) -> tuple[list[str], list[dict[str, Any]], list[Failure]]:
    """Sort JSON input files into those the workers read a line at a time and those the
    local reader reads whole (a JSON array, a ``.json`` wrapper ``{"stories": [...]}``
    or one pretty-printed story: :func:`tidings.read.read_json_whole`), which are read
    here, on the driver, by that reader (no copy of its rules).

    Args:
        files: JSON Lines input paths (``.jsonl``, ``.ndjson``, ``.json``).
        read_options: :class:`tidings.read.ReadOptions` fields as a dict.
    Returns:
        ``(line_files, rows, failures)``: the files to read line by line; the stories of
        the others as :data:`RECORD_SCHEMA` rows (``record`` None, ``story`` the JSON of
        the story's fields, its ``input_path`` the file's absolute path as the local
        reader gives it, ``origin`` the reader's: ``export.json:stories[3]``); and the
        reader's failures for their bad records (T101, T107, T116...).
    """
    from dataclasses import asdict

    from ..read import ReadOptions, read_json_whole

    opts = ReadOptions(**{**(read_options or {}), "make_ids": False})
    lines: list[str] = []
    rows: list[dict[str, Any]] = []
    failures: list[Failure] = []
    for f in files:
        whole = read_json_whole(f, opts)
        if whole is None:
            lines.append(f)
            continue
        for item in whole:
            if isinstance(item, Story):
                # the input it was read from, as the local reader marks it (stories.input)
                item.input_path = str(Path(f).resolve())
                rows.append({"record": None, "origin": item.origin,
                             "story": json.dumps(asdict(item), default=str, ensure_ascii=False)})
            else:
                failures.append(item)
    return lines, rows, failures


class StoryCoder:
    """The callable class Ray Data runs in each actor: records in, contract events out.

    The constructor loads the spaCy pipeline and the coder once per actor (the
    :class:`~tidings.engines.worker.StoryWorker` the local engine uses); each call
    codes one batch of ``{"record": str, "origin": str}`` rows and returns an Arrow
    table in :data:`EVENT_SCHEMA`. Records that cannot be read or coded are reported to
    the run's tally actor as :class:`~tidings.records.Failure` records (never raised),
    like the local engine's failures.

    Args:
        tally: a handle of the run's ``_Tally`` actor (counts, failures, seen ids).
        actor_files: user actor dictionaries, as for the local engine.
        read_options: :class:`tidings.read.ReadOptions` fields as a dict.
        limits: the local engine's :class:`~tidings.engines.local.Limits` (size,
            sentence length, per-story time, languages); default ``Limits()``.
    """

    def __init__(self, tally: Any, actor_files: list[str], read_options: dict[str, Any],
                 limits: Limits | None = None) -> None:
        from ..read import ReadOptions

        self.limits = limits or Limits()
        # the local engine's worker: same limits, sentence cuts, time limit and coder
        self.worker = StoryWorker(tuple(actor_files), self.limits)
        self.opts = ReadOptions(**{**read_options, "make_ids": False})  # no lines to name an id by
        self.tally = tally

    def __call__(self, batch: pa.Table) -> pa.Table:
        import ray

        from ..read import story_from_record

        counts: Counter = Counter()
        failures: list[Failure] = []
        stories: list[Story] = []
        read = batch.column("story").to_pylist() if "story" in batch.column_names else [None] * batch.num_rows
        for rec, origin, done in zip(batch.column("record").to_pylist(), batch.column("origin").to_pylist(), read):
            if done is not None:  # read whole on the driver (whole_json_rows)
                stories.append(Story(**json.loads(done)))
                continue
            try:
                obj = json.loads(rec)
            except ValueError as exc:
                failures.append(Failure(origin, None, "T101", f"{origin}: not valid JSON ({exc})"))
                continue
            item = story_from_record(obj, origin, self.opts)
            if isinstance(item, Failure):
                failures.append(item)
                continue
            stories.append(item)
        counts["read"] = len(stories)
        if stories:
            first = ray.get(self.tally.claim.remote([(s.id, s.origin) for s in stories]))
            kept = []
            for s, earlier in zip(stories, first):
                if earlier is None:
                    kept.append(s)
                else:
                    # with its id: keyed by origin (the file) it would replace the file's
                    # other failures in the store; saved after the kept copy (load_into_store)
                    failures.append(Failure(s.origin, s.id, "T108", duplicate_message(s.origin, s.id, earlier)))
            stories = kept
        rows: list[dict[str, Any]] = []
        # checked, then parsed together and coded (as the local engine's chunks)
        for story, result in zip(stories, self.worker.run_checked(stories)):
            if isinstance(result, Failure):
                failures.append(result)
                continue
            counts["coded"] += 1
            counts["events"] += len(result)
            counts["stories_with_events"] += bool(result)
            rows.extend(e.to_dict() for e in result)
        ray.get(self.tally.add.remote(dict(counts), failures))
        return pa.Table.from_pylist(rows, schema=EVENT_SCHEMA)


class _Tally:
    """Run-wide counts, failures and the set of story ids already taken (a Ray actor)."""

    def __init__(self) -> None:
        self.counts: Counter = Counter()
        self.failures: list[Failure] = []
        self.seen: dict[str, str] = {}

    def claim(self, ids: list[tuple[str, str]]) -> list[str | None]:
        """For each ``(story id, origin)``: None when the id is new in the run (it is
        claimed), else the origin of the story that claimed it first."""
        out = []
        for i, origin in ids:
            out.append(self.seen.get(i))
            self.seen.setdefault(i, origin)
        return out

    def add(self, counts: dict[str, int], failures: list[Failure]) -> None:
        self.counts.update(counts)
        self.failures.extend(failures)

    def result(self) -> tuple[dict[str, int], list[Failure]]:
        return dict(self.counts), self.failures


# ---------------------------------------------------------------- driver side

def require_ray() -> None:
    """Check that the Ray engine's packages (the ``ray`` extra: Ray Data)
    can be imported, before anything is written: a run that fails for want of them
    leaves no output folder or store behind (``tidings code --engine ray`` calls this
    first).

    Raises:
        TidingsError(T701): one of them is not installed (the message names it).
    """
    for module in ("ray", "ray.data"):
        try:
            __import__(module)
        except ImportError as exc:
            missing = exc.name or module
            raise TidingsError("T701", f"the Ray engine needs Ray Data, and {missing!r} is not "
                               "installed; nothing was written", "pip install 'tidings[ray]'") from None


def start_ray(address: str | None = None, num_cpus: int | None = None) -> bool:
    """Start a private local Ray (127.0.0.1, no dashboard) or join the cluster at ``address``.

    Does nothing when Ray is already initialised in this process.

    Args:
        address: ``None`` for a local Ray started here; else a cluster address
            (``"ray://host:10001"``, ``"host:6379"`` or ``"auto"``).
        num_cpus: CPU slots of the local Ray (default: all cores); ignored with ``address``.
    Returns:
        True when this call started or joined Ray (the caller should ``ray.shutdown()``).
    Raises:
        TidingsError(T701): Ray is not installed; TidingsError(T702): it cannot start or
        the cluster cannot be reached.
    """
    require_ray()
    import ray

    if ray.is_initialized():
        return False
    import logging

    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        if address:
            ray.init(address=address, logging_level=logging.WARNING, log_to_driver=False)
        else:
            ray.init(address="local", include_dashboard=False, num_cpus=num_cpus or os.cpu_count(),
                     _node_ip_address="127.0.0.1", logging_level=logging.WARNING,
                     log_to_driver=False)
    except Exception as exc:  # ConnectionError, RuntimeError, ValueError...
        where = address or "a local Ray on 127.0.0.1"
        raise TidingsError("T702", f"cannot start or join {where}: {type(exc).__name__}: {exc}",
                           "check --address, or leave it out to start a local Ray") from None
    return True


def code_with_ray(
    inputs: Iterable[str | Path],
    out_dir: str | Path,
    *,
    address: str | None = None,
    workers: int | None = None,
    batch_size: int = 32,
    actor_files: Iterable[str] = (),
    read_options: dict[str, Any] | None = None,
    limits: Limits | None = None,
    store=None,
    progress: bool = False,
) -> RunSummary:
    """Code JSON Lines / Parquet stories with Ray Data and write contract Parquet.

    Args:
        inputs: files or folders of ``.jsonl``/``.ndjson``/``.json`` and ``.parquet``.
        out_dir: output folder; events go to ``out_dir/events/*.parquet`` (earlier
            Parquet files there are removed first) and failures to
            ``out_dir/failures.jsonl``.
        address: an existing Ray cluster; None starts a local Ray on 127.0.0.1.
        workers: coding actors (each one process holding the model, about 0.5 GB, and
            one CPU); default: one less than the CPUs of the machine or the cluster
            (a local Ray gets ``workers + 1`` CPU slots, one for reading and listing).
        batch_size: stories per ``map_batches`` batch (and per ``nlp.pipe`` call).
        actor_files: user actor dictionaries for :class:`tidings.actors.ActorResolver`.
        read_options: :class:`tidings.read.ReadOptions` fields (``id_col`` ...) as a dict.
        limits: as for :func:`tidings.engines.local.code_stories` (default ``Limits()``).
        store: a :class:`tidings.store.Store` to load the results into afterwards
            (:func:`load_into_store`), or None.
        progress: show Ray Data's progress bars.
    Returns:
        a :class:`tidings.engines.local.RunSummary` (``unchanged`` is always 0: the Ray
        engine codes every story; with a ``store``, ``recoded`` and the warnings of
        stories that replace a stored story of another input are the local engine's,
        :func:`load_into_store`).
    Raises:
        TidingsError: T701-T705 (see the module docstring); bad records never raise.
    """
    t0 = time.perf_counter()
    require_ray()  # before the output folder is made
    unread: list[str] = []
    jsonl, parquet = input_files(inputs, skipped=unread)
    # JSON files read whole (an array, a {"stories": [...]} wrapper): by the local reader
    jsonl, whole_rows, whole_failures = whole_json_rows(jsonl, read_options)
    out = Path(out_dir)
    events_dir = out / "events"
    try:
        events_dir.mkdir(parents=True, exist_ok=True)
        for old in events_dir.glob("*.parquet"):
            old.unlink()
    except OSError as exc:
        raise TidingsError("T704", f"cannot write {events_dir}: {exc.strerror or exc}") from None

    # one CPU slot more than coding actors: Ray Data's file listing takes a whole CPU
    # slot, and would wait for ever behind actors that hold them all
    started = start_ray(address, num_cpus=(workers or os.cpu_count() or 1) + 1)
    import ray
    import ray.data
    from ray.data import ActorPoolStrategy

    try:
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = progress
        ctx.print_on_execution_start = False
        if workers is None:
            workers = max(1, int(ray.cluster_resources().get("CPU", 2)) - 1)
        tally = ray.remote(num_cpus=0)(_Tally).remote()
        # reading, reshaping and writing are light: they take no CPU slot, so that the
        # coding actors can hold one CPU each without starving them
        parts = []
        if whole_rows:
            parts.append(ray.data.from_arrow(pa.Table.from_pylist(whole_rows, schema=RECORD_SCHEMA)))
        if jsonl:
            parts.append(ray.data.read_text(jsonl, include_paths=True, num_cpus=0)
                         .map_batches(_jsonl_records, batch_format="pyarrow", num_cpus=0))
        if parquet:
            parts.append(ray.data.read_parquet(parquet, include_paths=True, num_cpus=0)
                         .map_batches(_parquet_records, batch_format="pyarrow", num_cpus=0))
        if not parts:  # only whole JSON files, none with a story: nothing to code
            parts.append(ray.data.from_arrow(RECORD_SCHEMA.empty_table()))
        ds = parts[0] if len(parts) == 1 else parts[0].union(*parts[1:])
        ds = ds.map_batches(
            StoryCoder,
            fn_constructor_kwargs={"tally": tally, "actor_files": [str(a) for a in actor_files],
                                   "read_options": dict(read_options or {}), "limits": limits},
            batch_size=batch_size, batch_format="pyarrow", compute=ActorPoolStrategy(size=workers),
            num_cpus=1,
        )
        try:
            ds.write_parquet(str(events_dir), ray_remote_args={"num_cpus": 0})
        except ray.exceptions.RayError as exc:  # an actor died, the model is missing...
            first = str(exc).strip().splitlines()
            raise TidingsError("T705", f"the Ray run failed: {type(exc).__name__}: "
                               f"{first[-1] if first else ''}",
                               "see the Ray logs (/tmp/ray/session_latest/logs)") from None
        counts, failures = ray.get(tally.result.remote())
        failures = [skipped_failure(f) for f in unread] + whole_failures + list(failures)
    finally:
        if started:
            ray.shutdown()

    summary = RunSummary(read=counts.get("read", 0), coded=counts.get("coded", 0),
                         events=counts.get("events", 0),
                         stories_with_events=counts.get("stories_with_events", 0))
    with open(out / "failures.jsonl", "w", encoding="utf-8") as fh:
        for f in failures:
            summary.skipped[f"{f.code} {f.stage}"] += 1
            summary.failures.append(f.message)
            fh.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")
    if store is not None:
        load_into_store(out, inputs, store, read_options=read_options,
                        all_candidates=bool(limits is not None and limits.all_candidates),
                        summary=summary)
    summary.elapsed = time.perf_counter() - t0
    return summary


def _stories(inputs: Iterable[str | Path], read_options: dict[str, Any] | None) -> Iterator[Story]:
    """Stream the input stories again (driver side) for loading into the store."""
    import pyarrow.parquet as pq

    from ..read import ReadOptions, read_path, story_from_record

    # as the workers read them: a record without an id is no story (they see no lines)
    opts = ReadOptions(**{**(read_options or {}), "make_ids": False})
    jsonl, parquet = input_files(inputs)
    for f in jsonl:
        for item in read_path(f, opts):
            if isinstance(item, Story):
                yield item
    for f in parquet:
        for batch in pq.ParquetFile(f).iter_batches(batch_size=1024):
            for rec in batch.to_pylist():
                item = story_from_record(json.loads(json.dumps(rec, default=str)), os.path.basename(f), opts)
                if isinstance(item, Story):
                    item.input_path = str(Path(f).resolve())  # stories.input, as for JSON files
                    yield item


#: Stories whose stored copies :func:`load_into_store` looks up in one query.
LOAD_BATCH = 256


def load_into_store(out_dir: str | Path, inputs: Iterable[str | Path], store,
                    read_options: dict[str, Any] | None = None, all_candidates: bool = False,
                    summary: RunSummary | None = None) -> int:
    """Load a Ray run's events, the stories they came from and its failures into a store.

    Every input story that was coded (not listed in ``failures.jsonl``) is saved with its
    events in one transaction (:meth:`tidings.store.Store.save_story`), so loading twice
    changes nothing; then the store clusters events across stories. The events are held
    in memory grouped by story while loading (about 1 kB per event). What the store held
    of the stories is looked up first, :data:`LOAD_BATCH` at a time, by the local
    engine's own code (:func:`tidings.engines.local.sort_stored`): a story that replaces
    a stored story of another input with the same id is warned of in the local engine's
    words, and each story the store held is counted by why it was coded again, as the
    local engine counts it with ``--out`` (every story is coded: "asked for").

    Args:
        out_dir: the ``out_dir`` of :func:`code_with_ray`.
        inputs: the same inputs the run coded.
        store: an open :class:`tidings.store.Store`.
        read_options: as for :func:`code_with_ray`.
        all_candidates: whether the run kept every candidate (``Limits.all_candidates``),
            recorded with each story (``stories.all_candidates``) with the default
            output's threshold.
        summary: the run's :class:`~tidings.engines.local.RunSummary`, given the
            replacement warnings (``warnings``) and the re-coded counts (``recoded``);
            None: not told.
    Returns:
        the number of stories saved.
    """
    by_story: dict[str, list[Event]] = defaultdict(list)
    for ev in read_events(out_dir):
        by_story[ev.story_id].append(ev)
    skip: set[str] = set()
    fpath = Path(out_dir) / "failures.jsonl"
    failures = []
    if fpath.exists():
        with fpath.open(encoding="utf-8") as fh:  # closed: no ResourceWarning
            failures = [Failure.from_dict(json.loads(line)) for line in fh]
    for f in failures:
        if f.code != "T108" and f.story_id is not None:
            skip.add(f.story_id)
    saved = 0
    done: set[str] = set()
    version = pipeline_version()
    from .local import _default_threshold, _stored, sort_stored

    threshold = _default_threshold()
    told = summary if summary is not None else RunSummary()

    def fresh() -> Iterator[Story]:
        for story in _stories(inputs, read_options):
            if story.id not in skip and story.id not in done:
                done.add(story.id)
                yield story

    stories = fresh()
    while batch := list(islice(stories, LOAD_BATCH)):
        why: dict[str, str] = {}  # as the local engine: stories the store held -> why coded again
        sort_stored(batch, _stored(store, batch), version, False, why, told.warnings, all_candidates)
        for story in batch:
            try:
                store.save_story(story, by_story.get(story.id, []), version,
                                 all_candidates=all_candidates, threshold=threshold)
            except TidingsError as exc:
                f = failure(story, "store", exc.code, f"{story_name(story)} could not be stored: {exc.message}")
                store.save_failure(f.story_id, f.origin, f.stage, f.code, f.message)
                continue
            saved += 1
            if story.id in why:
                told.recoded[why[story.id]] += 1
    # after the stories, as the local engine does: saving a story clears its failures,
    # and a duplicate's T108 must stay next to the copy that was kept
    for f in failures:
        store.save_failure(f.story_id, f.origin, f.stage, f.code, f.message)
    if saved:
        store.cluster()
    return saved
