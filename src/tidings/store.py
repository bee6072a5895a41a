"""The event store: a DuckDB database of stories, events, entities and failures.

The store is where ``tidings code`` writes and where ``tidings events``, ``dyads`` and
``export`` read. Its guarantees (issue 6):

* **Idempotent**: :meth:`Store.save_story` replaces everything a story had before, in one
  transaction, so coding the same input twice leaves one copy and a story whose text
  changed loses its old events.
* **Crash safe**: each story is one DuckDB transaction; a process killed at any moment
  leaves either the story's previous committed state or its new one, never half.
* **Versioned**: the schema carries a ``schema_version`` table and is brought up to date
  by the ordered functions in :data:`MIGRATIONS` when a writer opens it.
* **Deduplicated on demand**: :meth:`Store.cluster` links the same event reported by
  several stories into a cluster (``events.cluster_id``); queries count per event or
  per cluster.

The schema, filters and error codes are documented in ``docs/store.md``. This module
never imports spaCy: it deals only in :mod:`tidings.records` dataclasses and Arrow.
"""

from __future__ import annotations

import csv
import json
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from tidings.actors import country_codes, igo_codes
from tidings.errors import STORE_DAMAGED, StoreError
from tidings.records import EVENT_TYPES, MODES, Event, Story

__all__ = ["Store", "MIGRATIONS", "SCHEMA_VERSION", "EXPORT_FORMATS", "PERIODS",
           "places_compatible", "flat_rows", "cameo_rows", "write_csv", "is_interrupt"]

# --------------------------------------------------------------------------- schema

_EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR NOT NULL"),
    ("story_id", "VARCHAR NOT NULL"),
    ("sentence_index", "INTEGER NOT NULL"),
    ("sentence", "VARCHAR NOT NULL"),
    ("span_start", "INTEGER NOT NULL"),
    ("span_end", "INTEGER NOT NULL"),
    ("trigger", "VARCHAR"),
    ("event_type", "VARCHAR NOT NULL"),
    ("mode", "VARCHAR"),
    ("contexts", "VARCHAR[] NOT NULL"),
    ("aux_modes", "VARCHAR[] NOT NULL"),
    ("date_start", "DATE NOT NULL"),
    ("date_end", "DATE NOT NULL"),
    ("granularity", "VARCHAR NOT NULL"),
    ("date_text", "VARCHAR"),
    ("location_text", "VARCHAR"),
    ("location_name", "VARCHAR"),
    ("location_country", "VARCHAR"),
    ("location_admin1", "VARCHAR"),
    ("location_lat", "DOUBLE"),
    ("location_lon", "DOUBLE"),
    ("location_geonames_id", "BIGINT"),
    ("location_feature", "VARCHAR"),
    ("quad_class", "VARCHAR NOT NULL"),
    ("confidence", "DOUBLE NOT NULL"),
    ("cameo", "VARCHAR"),
    ("pipeline_version", "VARCHAR NOT NULL"),
    ("cluster_id", "VARCHAR"),
)

_STORY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("story_id", "VARCHAR NOT NULL"),
    ("text", "VARCHAR NOT NULL"),
    ("pub_date", "VARCHAR"),
    ("title", "VARCHAR"),
    ("source", "VARCHAR"),
    ("url", "VARCHAR"),
    ("language", "VARCHAR"),
    ("translated_from", "VARCHAR"),
    ("meta", "VARCHAR NOT NULL"),          # JSON text of Story.meta
    ("origin", "VARCHAR"),
    ("text_hash", "VARCHAR NOT NULL"),
    ("pipeline_version", "VARCHAR NOT NULL"),
    ("coded_at", "TIMESTAMP NOT NULL"),    # UTC
)

_ENTITY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR NOT NULL"),
    ("story_id", "VARCHAR NOT NULL"),
    ("role", "VARCHAR NOT NULL"),          # 'actor' | 'recipient' | 'claimed_by'
    ("position", "INTEGER NOT NULL"),      # 0-based order within the role's list
    ("text", "VARCHAR"),
    ("name", "VARCHAR"),
    ("country", "VARCHAR"),
    ("sector", "VARCHAR"),
    ("igo", "VARCHAR"),
    ("kb_id", "VARCHAR"),
)

_FAILURE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("story_id", "VARCHAR"),
    ("origin", "VARCHAR NOT NULL"),
    ("stage", "VARCHAR NOT NULL"),
    ("code", "VARCHAR NOT NULL"),
    ("message", "VARCHAR NOT NULL"),
    ("failed_at", "TIMESTAMP NOT NULL"),   # UTC
)


def _create(table: str, columns: tuple[tuple[str, str], ...]) -> str:
    cols = ",\n  ".join(f"{name} {type_}" for name, type_ in columns)
    return f"CREATE TABLE IF NOT EXISTS {table} (\n  {cols}\n)"


def _migration_1(con: duckdb.DuckDBPyConnection) -> None:
    """Version 1: stories, events, entities, failures."""
    con.execute(_create("stories", _STORY_COLUMNS))
    con.execute(_create("events", _EVENT_COLUMNS))
    con.execute(_create("entities", _ENTITY_COLUMNS))
    con.execute(_create("failures", _FAILURE_COLUMNS))


#: Ordered schema migrations: ``MIGRATIONS[i]`` brings a database from version ``i`` to
#: ``i + 1``. Append new functions; never edit or reorder released ones.
MIGRATIONS: list[Callable[[duckdb.DuckDBPyConnection], None]] = [_migration_1]

#: The schema version this code writes and reads.
SCHEMA_VERSION = len(MIGRATIONS)

#: Formats accepted by :meth:`Store.export`.
EXPORT_FORMATS: tuple[str, ...] = ("parquet", "csv", "jsonl", "cameo")

#: Periods accepted by :meth:`Store.dyads`.
PERIODS: tuple[str, ...] = ("day", "week", "month")

_PER: tuple[str, ...] = ("event", "cluster")
_ROLES: tuple[str, ...] = ("actor", "recipient", "claimed_by")
_ENTITY_FIELDS: tuple[str, ...] = ("text", "name", "country", "sector", "igo", "kb_id")
_CODE_RE = re.compile(r"^[A-Z]{2,5}$")

def _arrow_type(sql_type: str) -> pa.DataType:
    base = sql_type.replace(" NOT NULL", "")
    return {
        "VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(),
        "DOUBLE": pa.float64(), "DATE": pa.date32(), "VARCHAR[]": pa.list_(pa.string()),
        "TIMESTAMP": pa.timestamp("us"),
    }[base]


_EVENT_ARROW = pa.schema([(n, _arrow_type(t)) for n, t in _EVENT_COLUMNS])
_ENTITY_ARROW = pa.schema([(n, _arrow_type(t)) for n, t in _ENTITY_COLUMNS])
_STORY_ARROW = pa.schema([(n, _arrow_type(t)) for n, t in _STORY_COLUMNS])


# ------------------------------------------------------------------------ the store


class Store:
    """A DuckDB event store (one file), opened for writing or read-only.

    Args:
        path: the database file (``str`` or ``Path``), created when missing and not
            ``read_only``; ``":memory:"`` for a throwaway in-memory store.
        read_only: open without taking the write lock, so several readers can share
            the file. DuckDB allows many readers *or* one writer process, never both.

    Raises:
        StoreError: ``T401`` when another process holds the lock on the file,
            ``T402`` when ``read_only`` and the file does not exist or is not a DuckDB
            database, ``T403`` when the schema is newer than this tidings (or older and
            ``read_only``, so it cannot be migrated).

    The store is also a context manager (``with Store(p) as s: ...``).
    """

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._lock = threading.RLock()
        if self.path != ":memory:" and read_only and not Path(self.path).exists():
            raise StoreError("T402", f"no event store at {self.path}",
                             "run `tidings code` to create one, or pass --db PATH")
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            raise _open_error(self.path, read_only, exc) from None
        except duckdb.Error as exc:
            raise damage_error(self.path, exc) or StoreError(
                "T402", f"cannot open {self.path} as an event store: {exc}",
                "check that the file is a DuckDB database made by tidings") from None
        try:
            self._migrate()
        except BaseException as exc:
            self._con.close()
            damaged = damage_error(self.path, exc)
            if damaged is not None:
                raise damaged from None
            raise

    # ----------------------------------------------------------------- lifecycle
    def close(self) -> None:
        """Close the connection (committed data is already on disk). Idempotent."""
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None  # type: ignore[assignment]

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The underlying DuckDB connection, for ad-hoc SQL (read the schema first)."""
        if self._con is None:
            raise StoreError("T406", f"the event store {self.path} is closed")
        return self._con

    def schema_version(self) -> int:
        """Return the schema version recorded in the database (int, 0 when empty)."""
        row = _one(self.con, "SELECT coalesce(max(version), 0) FROM schema_version")
        return int(row[0])

    def _migrate(self) -> None:
        con = self.con
        exists = _one(con, "SELECT count(*) FROM information_schema.tables "
                      "WHERE table_name = 'schema_version'")[0]
        current = self.schema_version() if exists else 0
        if current > len(MIGRATIONS):
            raise StoreError(
                "T403", f"the event store {self.path} has schema version {current}, "
                f"newer than this tidings understands ({len(MIGRATIONS)})",
                "upgrade tidings, or code into a new --db file")
        if current == len(MIGRATIONS):
            return
        if self.read_only:
            raise StoreError(
                "T403", f"the event store {self.path} has schema version {current} and "
                f"needs migrating to {len(MIGRATIONS)}, which a read-only opener cannot do",
                "open it once for writing (any `tidings code --db` run) to migrate it")
        for version in range(current + 1, len(MIGRATIONS) + 1):
            con.begin()
            try:
                con.execute("CREATE TABLE IF NOT EXISTS schema_version "
                            "(version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)")
                MIGRATIONS[version - 1](con)
                con.execute("INSERT INTO schema_version VALUES (?, ?)",
                            [version, _now()])
                con.commit()
            except BaseException:
                _rollback(con)
                raise

    # --------------------------------------------------------------- pipeline API
    def is_coded(self, story_id: str, text_hash: str, pipeline_version: str) -> bool:
        """Return True when this story text was already coded by this pipeline version.

        Args:
            story_id: the story's id.
            text_hash: ``Story.text_hash()`` of the text about to be coded.
            pipeline_version: the running pipeline's version string.

        Returns:
            True when a committed story row has this id, hash and version (the engine
            can skip it); False otherwise (new story, changed text, or newer pipeline).
        """
        with self._lock:
            row = _one(self.con,
                       "SELECT count(*) FROM stories WHERE story_id = ? AND text_hash = ? "
                       "AND pipeline_version = ?", [story_id, text_hash, pipeline_version])
        return bool(row[0])

    def save_story(self, story: Story, events: list[Event], pipeline_version: str) -> None:
        """Store a coded story and its events, replacing whatever the story had before.

        One DuckDB transaction: upsert the story row, delete the story's old events,
        entities and failure, insert the new events and entities. A crash or exception
        at any point leaves the previous committed state. Events with a repeated
        ``event_id`` are stored once (the first is kept); ``cluster_id`` is reset to
        NULL for the story's events until the next :meth:`cluster`.

        Args:
            story: the input story (``Story``).
            events: its coded events (``list[Event]``, may be empty: a story with no
                events is still recorded as coded).
            pipeline_version: the version that coded them (recorded on every row).

        Raises:
            StoreError: ``T404`` when an event belongs to another story or has a date
                that is not ``YYYY-MM-DD`` (nothing is written); ``T406`` when closed.
        """
        if self.read_only:
            raise StoreError("T406", f"the event store {self.path} is open read-only")
        event_rows, entity_rows = _event_rows(story, events, pipeline_version)
        story_row = _story_row(story, pipeline_version)
        with self._lock:
            con = self.con
            con.begin()
            try:
                con.execute("DELETE FROM entities WHERE story_id = ?", [story.id])
                con.execute("DELETE FROM events WHERE story_id = ?", [story.id])
                con.execute("DELETE FROM stories WHERE story_id = ?", [story.id])
                con.execute("DELETE FROM failures WHERE story_id = ?", [story.id])
                self._insert(con, story_row, event_rows, entity_rows)
                con.commit()
            except BaseException:
                _rollback(con)
                raise

    def coded_ids(self, stories: list[Story], pipeline_version: str) -> set[str]:
        """Return the ids of those ``stories`` that :meth:`is_coded` would accept, in one query.

        Args:
            stories: the stories about to be coded (their ids and ``text_hash()``).
            pipeline_version: the running pipeline's version string.

        Returns:
            the ids whose committed story row has the same text hash and this version.
        """
        if not stories:
            return set()
        ids = pa.table({"story_id": [s.id for s in stories],
                        "text_hash": [s.text_hash() for s in stories]})
        with self._lock:
            con = self.con
            con.register("_tidings_candidates", ids)
            try:
                rows = con.execute(
                    "SELECT s.story_id FROM stories s JOIN _tidings_candidates c "
                    "ON s.story_id = c.story_id AND s.text_hash = c.text_hash "
                    "WHERE s.pipeline_version = ?", [pipeline_version]).fetchall()
            finally:
                con.unregister("_tidings_candidates")
        return {r[0] for r in rows}

    def save_stories(self, coded: list[tuple[Story, list[Event]]],
                     pipeline_version: str) -> dict[str, Exception]:
        """Store several coded stories in one transaction: :meth:`save_story` for each,
        with one round of deletes and inserts for all of them (a DuckDB transaction
        costs milliseconds; a story's rows take microseconds).

        A story whose events are invalid (``T404``) is left out and reported; should
        the transaction fail, it is rolled back and the stories are saved one by one,
        so that only the story at fault is reported. A story id given twice is saved
        as its last copy (as two :meth:`save_story` calls would leave it).

        Args:
            coded: ``(story, events)`` pairs.
            pipeline_version: the version that coded them.

        Returns:
            ``{story_id: exception}`` for the stories that could not be stored (nothing
            of them is written); the others are committed.
        Raises:
            StoreError: ``T406`` when the store is read-only or closed.
        """
        if self.read_only:
            raise StoreError("T406", f"the event store {self.path} is open read-only")
        last = {story.id: (story, events) for story, events in coded}
        errors: dict[str, Exception] = {}
        story_rows: list[list[Any]] = []
        event_tables: list[pa.Table] = []
        entity_tables: list[pa.Table] = []
        for story, events in last.values():
            try:
                ev, en = _event_rows(story, events, pipeline_version)
            except Exception as exc:  # noqa: BLE001 - T404 and the like: this story only
                errors[story.id] = exc
                continue
            story_rows.append(_story_row(story, pipeline_version))
            event_tables.append(ev)
            entity_tables.append(en)
        if not story_rows:
            return errors
        if self._save_batch(story_rows, event_tables, entity_tables):
            return errors
        for story, events in last.values():  # the batch failed: find the culprit
            if story.id in errors:
                continue
            try:
                self.save_story(story, events, pipeline_version)
            except Exception as exc:  # noqa: BLE001 - reported to the caller per story
                if is_interrupt(exc):
                    raise KeyboardInterrupt from exc
                errors[story.id] = exc
        return errors

    def _save_batch(self, story_rows: list[list[Any]], event_tables: list[pa.Table],
                    entity_tables: list[pa.Table]) -> bool:
        """Write stories and their rows in one transaction (:meth:`save_stories`).
        Returns False, with nothing written, when that fails with an Exception."""
        try:
            stories = pa.table({name: [r[i] for r in story_rows]
                                for i, (name, _) in enumerate(_STORY_COLUMNS)},
                               schema=_STORY_ARROW)
        except Exception:  # noqa: BLE001 - e.g. text Arrow cannot encode
            return False
        with self._lock:
            con = self.con
            con.register("_tidings_new_stories", stories)
            try:
                con.begin()
                try:
                    for table in ("entities", "events", "stories", "failures"):
                        con.execute(f"DELETE FROM {table} WHERE story_id IN "
                                    "(SELECT story_id FROM _tidings_new_stories)")
                    con.execute("INSERT INTO stories SELECT * FROM _tidings_new_stories")
                    self._insert(con, None, pa.concat_tables(event_tables),
                                 pa.concat_tables(entity_tables))
                    con.commit()
                except Exception as exc:  # noqa: BLE001
                    _rollback(con)
                    if is_interrupt(exc):  # Ctrl-C, not a bad story: stop, not retry
                        raise KeyboardInterrupt from exc
                    return False
                except BaseException:
                    _rollback(con)
                    raise
            finally:
                con.unregister("_tidings_new_stories")
        return True

    def _insert(self, con: duckdb.DuckDBPyConnection, story_row: list[Any] | None,
                event_rows: pa.Table, entity_rows: pa.Table) -> None:
        """Insert one story's rows (inside :meth:`save_story`'s transaction); with
        ``story_row`` None only the events and entities (:meth:`save_stories`)."""
        if story_row is not None:
            marks = ", ".join("?" for _ in _STORY_COLUMNS)
            con.execute(f"INSERT INTO stories VALUES ({marks})", story_row)
        if event_rows.num_rows:
            con.register("_tidings_new_events", event_rows)
            try:
                con.execute("INSERT INTO events SELECT * FROM _tidings_new_events")
            finally:
                con.unregister("_tidings_new_events")
        if entity_rows.num_rows:
            con.register("_tidings_new_entities", entity_rows)
            try:
                con.execute("INSERT INTO entities SELECT * FROM _tidings_new_entities")
            finally:
                con.unregister("_tidings_new_entities")

    def save_failure(self, story_id: str | None, origin: str, stage: str, code: str,
                     message: str) -> None:
        """Record that a story was skipped, replacing the story's earlier failure.

        Args:
            story_id: the story's id, or None when the record had no usable id (then
                the failure is keyed by ``origin``, e.g. ``"stories.jsonl:12"``).
            origin: where the story came from.
            stage: the pipeline stage that failed (``read``, ``analyse``, ``code``...).
            code: the error code (``T1xx``...).
            message: the error message.

        A later successful :meth:`save_story` of the same story removes the row.
        """
        if self.read_only:
            raise StoreError("T406", f"the event store {self.path} is open read-only")
        with self._lock:
            con = self.con
            con.begin()
            try:
                if story_id is not None:
                    con.execute("DELETE FROM failures WHERE story_id = ?", [story_id])
                else:
                    con.execute("DELETE FROM failures WHERE story_id IS NULL "
                                "AND origin = ?", [origin])
                con.execute("INSERT INTO failures VALUES (?, ?, ?, ?, ?, ?)",
                            [story_id, origin, stage, code, message, _now()])
                con.commit()
            except BaseException:
                _rollback(con)
                raise

    # -------------------------------------------------------------- other reads
    def failures(self) -> pa.Table:
        """Return the failures table (story_id, origin, stage, code, message, failed_at)."""
        with self._lock:
            return _arrow(self.con, "SELECT * FROM failures ORDER BY failed_at, origin")

    def stats(self) -> dict[str, int]:
        """Return row counts: ``stories``, ``events``, ``entities``, ``failures``,
        ``clusters`` (distinct clusters, counting unclustered events as their own)."""
        with self._lock:
            con = self.con
            out = {t: int(_one(con, f"SELECT count(*) FROM {t}")[0])
                   for t in ("stories", "events", "entities", "failures")}
            out["clusters"] = int(_one(
                con, "SELECT count(DISTINCT coalesce(cluster_id, event_id)) FROM events")[0])
        return out

    def stories(self, exclude_version: str | None = None) -> Iterator[Story]:
        """Yield the stored stories, e.g. to re-code them with a newer pipeline.

        Args:
            exclude_version: skip stories already coded by this pipeline version.

        Returns:
            An iterator of :class:`~tidings.records.Story` in story id order.
        """
        sql = ("SELECT story_id, text, pub_date, title, source, url, language, "
               "translated_from, meta, origin FROM stories")
        params: list[Any] = []
        if exclude_version is not None:
            sql += " WHERE pipeline_version <> ?"
            params.append(exclude_version)
        with self._lock:
            rows = self.con.execute(sql + " ORDER BY story_id", params).fetchall()
        for r in rows:
            yield Story(id=r[0], text=r[1], pub_date=r[2], title=r[3], source=r[4],
                        url=r[5], language=r[6], translated_from=r[7],
                        meta=json.loads(r[8]) if r[8] else {}, origin=r[9] or "")

    # -------------------------------------------------------------------- queries
    def events(self, per: str = "event", limit: int | None = None, order: str = "date",
               **filters: Any) -> pa.Table:
        """Return events matching the filters as an Arrow table.

        Args:
            per: ``"event"`` (every stored event) or ``"cluster"`` (one representative
                event per cluster: the most confident; adds ``cluster_size`` and
                ``cluster_story_ids``).
            limit: at most this many rows (None: all).
            order: ``"date"`` (oldest event date first, then event id), ``"newest"``
                (events of the latest published stories first, the more confident first
                among a day's stories) or ``"confidence"`` (most confident first, then
                latest).
            **filters: any of ``actor``, ``recipient`` (an ISO3 country / IGO code such
                as ``"USA"`` or ``"EU"``, matched exactly, or else a case-insensitive
                substring of the entity's name or text), ``dyad`` (``"USA-AZE"``: an
                actor from the first country and a recipient from the second),
                ``event_type`` (PLOVER type, or a list), ``mode``, ``context``,
                ``date_from`` / ``date_to`` (``YYYY-MM-DD``; events whose date range
                overlaps), ``place`` (country code, or substring of location name or
                text), ``min_confidence`` (0..1), ``text`` (substring of the evidence
                sentence), ``story_id``. None values are ignored.

        Returns:
            ``pyarrow.Table`` with one row per event, in ``order``:
            every ``events`` column, plus ``actor``, ``recipient`` and ``claimed_by``
            as lists of entity structs (text, name, country, sector, igo, kb_id).
            ``.to_pandas()`` gives a data frame.

        Raises:
            StoreError: ``T405`` for an unknown filter or a bad filter value, or an
                unknown ``order``.
        """
        sql, params = self._events_sql(per, limit, filters, order)
        with self._lock:
            return _arrow(self.con, sql, params)

    def records(self, per: str = "event", limit: int | None = None, order: str = "date",
                **filters: Any) -> Iterator[dict[str, Any]]:
        """Yield matching events as contract records (``Event.to_dict()`` objects).

        Same arguments as :meth:`events`. With ``per="cluster"`` each record also has
        ``cluster_id``, ``cluster_size`` and ``cluster_story_ids``.
        """
        table = self.events(per=per, limit=limit, order=order, **filters)
        for row in table.to_pylist():
            yield _record(row, with_cluster=(per == "cluster"))

    def dyads(self, period: str = "day", per: str = "event", **filters: Any) -> pa.Table:
        """Count events per period, actor country, recipient country and quad class.

        An event with several actor or recipient countries counts once for every
        (actor country, recipient country) pair; an event with no recipient country
        counts under ``recipient_country`` NULL; events with no actor country are left
        out. The period of an event is that of its ``date_start``.

        Args:
            period: ``"day"``, ``"week"`` (weeks start on Monday) or ``"month"``.
            per: ``"event"`` counts events; ``"cluster"`` counts each cluster once, in
                the period and dyads of its representative event (see :meth:`events`).
            **filters: as in :meth:`events`.

        Returns:
            ``pyarrow.Table`` with columns ``period`` (date, first day of the period),
            ``actor_country``, ``recipient_country``, ``quad_class``, ``n`` (int64),
            ordered by period, actor country, recipient country, quad class.

        Raises:
            StoreError: ``T405`` for a bad period, ``per`` or filter.
        """
        if period not in PERIODS:
            raise StoreError("T405", f"unknown period {period!r}",
                             "use one of: " + ", ".join(PERIODS))
        _check_per(per)
        where, params = _where(filters, self._known_code)
        # an event with several recipients selected by --dyad USA-CHN must count only
        # the USA-CHN pair, not its USA-MEX and USA-CAN pairs
        conds, pair_params = [], []
        dyad = filters.get("dyad")
        if dyad and "-" in str(dyad):
            left, right = str(dyad).split("-", 1)
            conds += ["a.country = ?", "r.country = ?"]
            pair_params += [left.strip().upper(), right.strip().upper()]
        for key, alias in (("actor", "a"), ("recipient", "r")):
            val = filters.get(key)
            if val and len(str(val)) == 3 and str(val).isalpha() and str(val).isupper():
                conds.append(f"{alias}.country = ?")
                pair_params.append(str(val))
        pair_where = ("WHERE " + " AND ".join(conds)) if conds else ""
        params = list(params) + pair_params
        sql = f"""
            WITH sel AS ({_selection(where, per)}),
            a AS (SELECT DISTINCT event_id, country FROM entities
                  WHERE role = 'actor' AND country IS NOT NULL),
            r AS (SELECT DISTINCT event_id, country FROM entities
                  WHERE role = 'recipient' AND country IS NOT NULL)
            SELECT CAST(date_trunc('{period}', e.date_start) AS DATE) AS period,
                   a.country AS actor_country, r.country AS recipient_country,
                   e.quad_class, count(DISTINCT e.event_id) AS n
            FROM sel e JOIN a ON a.event_id = e.event_id
                       LEFT JOIN r ON r.event_id = e.event_id
            {pair_where}
            GROUP BY ALL
            ORDER BY period, actor_country, recipient_country NULLS LAST, quad_class
        """
        with self._lock:
            return _arrow(self.con, sql, params)

    def export(self, path: str | Path, format: str = "parquet", per: str = "event",
               **filters: Any) -> int:
        """Write matching events to a file and return the number of rows written.

        Args:
            path: output file (overwritten).
            format: ``"parquet"`` (the :meth:`events` table, nested lists and structs
                kept), ``"csv"`` (one row per event; list columns joined with ``;``),
                ``"jsonl"`` (the contract's records exactly, one per line) or
                ``"cameo"`` (CSV, one row per actor-recipient pair, with the CAMEO
                code, date, countries and sectors; see ``docs/store.md``).
            per: ``"event"`` or ``"cluster"`` (one representative per cluster).
            **filters: as in :meth:`events`.

        Raises:
            StoreError: ``T405`` for a bad format or filter; ``T407`` when the file
                cannot be written.
        """
        if format not in EXPORT_FORMATS:
            raise StoreError("T405", f"unknown export format {format!r}",
                             "use one of: " + ", ".join(EXPORT_FORMATS))
        path = Path(path)
        table = self.events(per=per, **filters)
        try:
            if format == "parquet":
                import pyarrow.parquet as pq
                pq.write_table(table, path)
                return table.num_rows
            if format == "jsonl":
                with path.open("w", encoding="utf-8") as f:
                    for row in table.to_pylist():
                        f.write(json.dumps(_record(row, with_cluster=(per == "cluster")),
                                           ensure_ascii=False) + "\n")
                return table.num_rows
            with path.open("w", encoding="utf-8", newline="") as f:
                return write_csv(table, f, cameo=(format == "cameo"))
        except OSError as exc:
            raise StoreError("T407", f"cannot write {path}: {exc.strerror or exc}",
                             "check the directory exists and is writable") from None

    # --------------------------------------------------------------- clustering
    def cluster(self) -> dict[str, int]:
        """Link events that different stories report about the same happening.

        Two events from different stories are linked when they have the same event
        type, the same set of actor keys and the same set of recipient keys (an
        entity's key is its country, else its IGO code), overlapping
        ``[date_start, date_end]`` ranges, and compatible places
        (:func:`places_compatible`). Events whose actors and recipients have no key
        are never linked. Links are transitive; each cluster's id is the smallest
        event id in it; every event gets a ``cluster_id`` (its own id when alone).
        Recomputes all clusters in one transaction.

        Returns:
            ``{"events": n_events, "clusters": n_clusters, "linked": n_events_in_
            clusters_of_two_or_more}``.
        """
        if self.read_only:
            raise StoreError("T406", f"the event store {self.path} is open read-only",
                             "clustering writes cluster ids; open it for writing")
        with self._lock:
            con = self.con
            rows = con.execute("""
                SELECT e.event_id, e.story_id, e.event_type, e.date_start, e.date_end,
                       e.location_name, e.location_country, e.location_feature,
                       e.location_geonames_id,
                       list(DISTINCT coalesce(n.country, n.igo)) FILTER
                           (WHERE n.role = 'actor' AND coalesce(n.country, n.igo)
                            IS NOT NULL) AS akeys,
                       list(DISTINCT coalesce(n.country, n.igo)) FILTER
                           (WHERE n.role = 'recipient' AND coalesce(n.country, n.igo)
                            IS NOT NULL) AS rkeys
                FROM events e LEFT JOIN entities n ON n.event_id = e.event_id
                GROUP BY ALL
            """).fetchall()
            ids = _cluster_ids(rows)
            table = pa.table({"event_id": list(ids), "cluster_id": list(ids.values())},
                             schema=pa.schema([("event_id", pa.string()),
                                               ("cluster_id", pa.string())]))
            con.begin()
            try:
                con.register("_tidings_clusters", table)
                con.execute("UPDATE events SET cluster_id = c.cluster_id "
                            "FROM _tidings_clusters c WHERE events.event_id = c.event_id")
                con.commit()
            except BaseException:
                _rollback(con)
                raise
            finally:
                con.unregister("_tidings_clusters")
        sizes: dict[str, int] = defaultdict(int)
        for cid in ids.values():
            sizes[cid] += 1
        return {"events": len(ids), "clusters": len(sizes),
                "linked": sum(s for s in sizes.values() if s > 1)}

    # ------------------------------------------------------------------ helpers
    def _known_code(self, code: str) -> bool:
        """Whether ``code`` names a country or an organisation: an ISO 3166-1 alpha-3
        code, ``KOS``, an IGO of the shipped actor KB, or a code already in this store
        (a user actor dictionary may bring its own)."""
        if code in country_codes() or code in igo_codes():
            return True
        with self._lock:
            return bool(self.con.execute(
                "SELECT 1 FROM entities WHERE country = ? OR igo = ? LIMIT 1",
                [code, code]).fetchall())

    def _events_sql(self, per: str, limit: int | None, filters: dict[str, Any],
                    order: str = "date") -> tuple[str, list[Any]]:
        _check_per(per)
        if order not in ORDERS:
            raise StoreError("T405", f"unknown order {order!r}", "use " + ", ".join(ORDERS))
        where, params = _where(filters, self._known_code)
        ent = ", ".join(f"{f} := n.{f}" for f in _ENTITY_FIELDS)
        role_lists = ",\n".join(
            f"coalesce(list(struct_pack({ent}) ORDER BY n.position) "
            f"FILTER (WHERE n.role = '{role}'), []) AS {role}" for role in _ROLES)
        sql = f"""
            WITH sel AS ({_selection(where, per)}),
            ents AS (
                SELECT n.event_id, {role_lists}
                FROM entities n WHERE n.event_id IN (SELECT event_id FROM sel)
                GROUP BY n.event_id
            )
            SELECT sel.*,
                   coalesce(ents.actor, []) AS actor,
                   coalesce(ents.recipient, []) AS recipient,
                   coalesce(ents.claimed_by, []) AS claimed_by
            FROM sel LEFT JOIN ents ON ents.event_id = sel.event_id
                     LEFT JOIN stories st ON st.story_id = sel.story_id
            ORDER BY {ORDERS[order]}
        """
        if limit is not None:
            if int(limit) < 0:
                raise StoreError("T405", f"limit must be 0 or more, not {limit}")
            sql += f" LIMIT {int(limit)}"
        return sql, params


# ---------------------------------------------------------------- module helpers

#: Orders of :meth:`Store.events`: name -> ORDER BY over its ``sel`` rows.
ORDERS: dict[str, str] = {
    "date": "sel.date_start, sel.event_id",
    # the newest news first (an event dated 2050 by "by 2050" is not news): stories by
    # publication date, then their events by confidence
    "newest": "st.pub_date DESC NULLS LAST, sel.confidence DESC, sel.date_start DESC, "
              "sel.event_id",
    "confidence": "sel.confidence DESC, sel.date_start DESC, sel.event_id",
}

def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back the open transaction, unless DuckDB has ended it already: a COMMIT that
    fails, or that Ctrl-C cancels, ends it (then ROLLBACK would raise and hide why)."""
    try:
        con.rollback()
    except duckdb.TransactionException:
        pass


def is_interrupt(exc: BaseException) -> bool:
    """Whether ``exc`` means Ctrl-C: a ``KeyboardInterrupt``, or DuckDB's report of one.

    A query running when SIGINT arrives is cancelled, and DuckDB raises an Exception
    (``InterruptException``, or ``RuntimeError("Query interrupted")`` in DuckDB 2) where
    Python would raise ``KeyboardInterrupt``; code that catches ``Exception`` must let
    it through.
    """
    return isinstance(exc, KeyboardInterrupt | duckdb.InterruptException) or (
        type(exc) is RuntimeError and str(exc) == "Query interrupted")


def _arrow(con: duckdb.DuckDBPyConnection, sql: str,
           params: list[Any] | None = None) -> pa.Table:
    """Run a query and return an Arrow table (DuckDB 2 renamed ``arrow()``)."""
    rel = con.sql(sql, params=params or None)
    if rel is None:
        return pa.table({})
    fetch = getattr(rel, "to_arrow_table", None) or rel.arrow
    return fetch()


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _open_error(path: str, read_only: bool, exc: Exception) -> StoreError:
    """Turn DuckDB's IOException on connecting into T401 (locked) or T402.

    DuckDB raises the same type for a lock held by another process and for a file it
    cannot read, so the cause is read from its message with every path taken out
    (a path such as ``/tmp/blocks/x.duckdb`` must not make an error a lock).
    """
    text = str(exc)
    damaged = damage_error(path, exc)
    if damaged is not None:
        return damaged
    if not _LOCK_RE.search(re.sub(r'"[^"]*"', '""', text)):
        return StoreError("T402", f"cannot open the event store {path}: {text}",
                          "check the path and its permissions")
    m = re.search(r"\(PID (\d+)\)", text)
    who = f"another process (PID {m.group(1)})" if m else "another process"
    if read_only:
        return StoreError(
            "T401", f"the event store {path} is locked: {who} has it open for writing, "
            "probably a running `tidings code`",
            "wait for that run to finish and try again; DuckDB does not let any other "
            "process open a database, not even read-only, while one process writes it")
    return StoreError(
        "T401", f"the event store {path} is locked: {who} has it open "
        "(DuckDB allows one writing process, or several reading ones, never both)",
        "wait for that process (a running `tidings code`, or an open `tidings "
        "events`/`serve`) to finish and try again, or write to another --db file")


#: DuckDB's words for a file cut short or corrupted ("Could not read enough bytes from
#: file", "Corrupt database file: computed checksum ..."), matched without the paths.
_DAMAGE_RE = re.compile(r"could not read enough bytes|\bcorrupt|checksum", re.IGNORECASE)


def damage_error(path: str | Path, exc: BaseException) -> StoreError | None:
    """Return a ``T409`` StoreError when ``exc``, raised by DuckDB while opening or
    reading the store, says the file is damaged (truncated, or failing its checksums);
    else None (the caller re-raises or reports ``exc`` as it would).

    DuckDB reads a file lazily, so a damaged store may open and fail on its first query:
    callers that query (the CLI commands, the web server) pass its errors through here.
    """
    if not isinstance(exc, duckdb.Error) or is_interrupt(exc):
        return None
    text = str(exc)
    if not _DAMAGE_RE.search(re.sub(r'"[^"]*"', '""', text)):
        return None
    return StoreError(STORE_DAMAGED, f"the event store {path} is damaged: {text}",
                      "restore it from a backup, or code the stories again into a new store: "
                      "tidings code INPUT --db NEW.duckdb")


#: DuckDB's words for a lock another process holds ("Could not set lock on file "...":
#: Conflicting lock is held in ..."), matched on its message without the quoted paths.
_LOCK_RE = re.compile(r"\b(could not set lock|conflicting lock)\b", re.IGNORECASE)


def _selection(where: str, per: str) -> str:
    """SELECT over ``events e`` with a WHERE clause; per cluster, keep one event each.

    A cluster's representative is its most confident matching event (then the
    earliest, then the smallest id); ``cluster_size`` and ``cluster_story_ids`` count
    the cluster's events and stories that match the filters.
    """
    if per != "cluster":
        return f"SELECT e.* FROM events e WHERE {where}"
    return f"""
        SELECT e.*,
               count(*) OVER w AS cluster_size,
               list(DISTINCT e.story_id) OVER w AS cluster_story_ids
        FROM events e WHERE {where}
        WINDOW w AS (PARTITION BY coalesce(e.cluster_id, e.event_id))
        QUALIFY row_number() OVER (PARTITION BY coalesce(e.cluster_id, e.event_id)
                ORDER BY e.confidence DESC, e.date_start, e.event_id) = 1"""


def _one(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None
         ) -> tuple[Any, ...]:
    """Run a query and return its first row (fetching all, which DuckDB 2 requires)."""
    return con.execute(sql, params or []).fetchall()[0]


def _check_per(per: str) -> None:
    if per not in _PER:
        raise StoreError("T405", f"unknown count unit per={per!r}",
                         "use per='event' or per='cluster'")


def _iso_date(value: Any, what: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise StoreError("T405", f"{what} must be a date YYYY-MM-DD, not {value!r}"
                         ) from None


def _check_code(code: str, what: str, known_code: Callable[[str], bool]) -> None:
    """Raise ``T405`` unless ``code`` names a country or IGO (``what``: the filter)."""
    if known_code(code):
        return
    import pycountry

    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if country is not None:
        hint = f"did you mean {country.alpha_3}? country codes are ISO 3166-1 alpha-3"
    else:
        hint = "an ISO 3166-1 alpha-3 country code (USA, AZE, KOS) or an IGO code (EU, UN, NATO)"
    if what in ("actor", "recipient"):
        hint += f"; or part of a name, in lower case ({what}=armenia)"
    raise StoreError("T405", f"unknown country or IGO code {code!r} in {what}", hint)


#: ``ILIKE`` with a backslash escape, for :func:`contains_pattern` patterns.
ILIKE = "ILIKE ? ESCAPE '\\'"


def contains_pattern(value: str) -> str:
    """Return an ``ILIKE`` pattern (use with :data:`ILIKE`) matching text that contains
    ``value`` literally: ``%``, ``_`` and ``\\`` in it are escaped, not wildcards."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _entity_match(role: str, value: str, params: list[Any],
                  known_code: Callable[[str], bool]) -> str:
    value = str(value).strip()
    if _CODE_RE.match(value):
        _check_code(value, role, known_code)
        params.extend([value, value])
        cond = "(n.country = ? OR n.igo = ?)"
    else:
        like = contains_pattern(value)
        params.extend([like, like])
        cond = f"(n.name {ILIKE} OR n.text {ILIKE})"
    return (f"EXISTS (SELECT 1 FROM entities n WHERE n.event_id = e.event_id "
            f"AND n.role = '{role}' AND {cond})")


_FILTERS = ("actor", "recipient", "dyad", "event_type", "mode", "context", "date_from",
            "date_to", "place", "min_confidence", "text", "story_id")


def _where(filters: dict[str, Any], known_code: Callable[[str], bool]
           ) -> tuple[str, list[Any]]:
    """Translate :meth:`Store.events` filters into a WHERE clause over ``events e``.

    Args:
        filters: as for :meth:`Store.events`.
        known_code: says whether an upper-case code names a country or an IGO
            (:meth:`Store._known_code`).

    Raises:
        StoreError: ``T405`` for a value that can match nothing: an unknown code, event
            type or mode (or a mode of none of the given types), a date that is not
            ``YYYY-MM-DD`` or a reversed range, a confidence outside 0..1.
    """
    unknown = sorted(set(filters) - set(_FILTERS))
    if unknown:
        raise StoreError("T405", f"unknown filter {unknown[0]!r}",
                         "filters: " + ", ".join(_FILTERS))
    conds: list[str] = []
    params: list[Any] = []
    f = {k: v for k, v in filters.items() if v is not None and v != ""}
    for role in ("actor", "recipient"):
        if role in f:
            conds.append(_entity_match(role, f[role], params, known_code))
    if "dyad" in f:
        parts = str(f["dyad"]).upper().split("-")
        if len(parts) != 2 or not all(_CODE_RE.match(p) for p in parts):
            raise StoreError("T405", f"dyad must look like USA-AZE, not {f['dyad']!r}",
                             "actor country code, a dash, recipient country code")
        for code in parts:
            _check_code(code, "dyad", known_code)
        for role, code in zip(("actor", "recipient"), parts):
            conds.append(_entity_match(role, code, params, known_code))
    types: list[str] = []
    if "event_type" in f:
        types = f["event_type"]
        types = [t.strip().upper() for t in (types.split(",") if isinstance(types, str)
                                              else types)]
        bad = [t for t in types if t not in EVENT_TYPES]
        if bad:
            raise StoreError("T405", f"unknown event type {bad[0]!r}",
                             "one of: " + " ".join(EVENT_TYPES))
        conds.append("e.event_type IN (" + ", ".join("?" for _ in types) + ")")
        params.extend(types)
    if "mode" in f:
        mode = str(f["mode"]).strip().lower()
        # PLOVER manual, "<TYPE> modes": a mode belongs to some types only
        allowed = set().union(*(MODES.get(t, ()) for t in types or MODES))
        if mode not in allowed:
            if not types:
                raise StoreError("T405", f"unknown mode {mode!r}",
                                 "PLOVER modes: " + " ".join(sorted(allowed)))
            named = ", ".join(types)
            raise StoreError("T405", f"{mode!r} is not a mode of {named}",
                             f"modes of {named}: " + " ".join(sorted(allowed)) if allowed
                             else f"{named} {'has' if len(types) == 1 else 'have'} no modes")
        conds.append("e.mode = ?")
        params.append(mode)
    if "context" in f:
        conds.append("list_contains(e.contexts, ?)")
        params.append(str(f["context"]).lower())
    date_from = _iso_date(f["date_from"], "date_from") if "date_from" in f else None
    date_to = _iso_date(f["date_to"], "date_to") if "date_to" in f else None
    if date_from and date_to and date_from > date_to:
        raise StoreError("T405", f"date_from {date_from} is after date_to {date_to}",
                         "give the earlier date as date_from")
    if date_from:
        conds.append("e.date_end >= ?")
        params.append(date_from)
    if date_to:
        conds.append("e.date_start <= ?")
        params.append(date_to)
    if "place" in f:
        value = str(f["place"]).strip()
        if value.upper() in country_codes():  # usa, USA: the country, in any case
            conds.append("e.location_country = ?")
            params.append(value.upper())
        else:
            conds.append(f"(e.location_name {ILIKE} OR e.location_text {ILIKE} "
                         f"OR e.location_admin1 {ILIKE})")
            params.extend([contains_pattern(value)] * 3)
    if "min_confidence" in f:
        try:
            conf = float(f["min_confidence"])
        except (TypeError, ValueError):
            conf = float("nan")
        if not 0 <= conf <= 1:
            raise StoreError("T405", "min_confidence must be a number from 0 to 1, "
                             f"not {f['min_confidence']!r}")
        conds.append("e.confidence >= ?")
        params.append(conf)
    if "text" in f:
        conds.append(f"e.sentence {ILIKE}")
        params.append(contains_pattern(str(f["text"])))
    if "story_id" in f:
        conds.append("e.story_id = ?")
        params.append(str(f["story_id"]))
    return (" AND ".join(conds) or "TRUE"), params


def _story_row(story: Story, pipeline_version: str) -> list[Any]:
    return [story.id, story.text, story.pub_date, story.title, story.source, story.url,
            story.language, story.translated_from,
            json.dumps(story.meta or {}, ensure_ascii=False, default=str),
            story.origin or None, story.text_hash(), pipeline_version, _now()]


def _event_rows(story: Story, events: list[Event],
                pipeline_version: str) -> tuple[pa.Table, pa.Table]:
    """Turn a story's events into Arrow tables shaped like ``events`` and ``entities``."""
    ev: dict[str, list[Any]] = {name: [] for name, _ in _EVENT_COLUMNS}
    en: dict[str, list[Any]] = {name: [] for name, _ in _ENTITY_COLUMNS}
    seen: set[str] = set()
    for e in events:
        if e.event_id in seen:
            continue
        seen.add(e.event_id)
        if e.story_id != story.id:
            raise StoreError("T404", f"event {e.event_id} belongs to story {e.story_id!r}, "
                             f"not {story.id!r}", "save each story with its own events")
        try:
            start = date.fromisoformat(e.date.start)
            end = date.fromisoformat(e.date.end)
        except (TypeError, ValueError):
            raise StoreError("T404", f"event {e.event_id} of story {story.id!r} has a bad "
                             f"date {e.date.start!r}..{e.date.end!r}",
                             "dates must be YYYY-MM-DD") from None
        loc = e.location
        values = {
            "event_id": e.event_id, "story_id": e.story_id,
            "sentence_index": int(e.sentence_index), "sentence": e.sentence,
            "span_start": int(e.evidence_span[0]), "span_end": int(e.evidence_span[1]),
            "trigger": e.trigger, "event_type": e.event_type, "mode": e.mode,
            "contexts": list(e.contexts), "aux_modes": list(e.aux_modes),
            "date_start": start, "date_end": end, "granularity": e.date.granularity,
            "date_text": e.date.text,
            "location_text": loc.text if loc else None,
            "location_name": loc.name if loc else None,
            "location_country": loc.country if loc else None,
            "location_admin1": loc.admin1 if loc else None,
            "location_lat": loc.lat if loc else None,
            "location_lon": loc.lon if loc else None,
            "location_geonames_id": loc.geonames_id if loc else None,
            "location_feature": loc.feature if loc else None,
            "quad_class": e.quad_class, "confidence": float(e.confidence),
            "cameo": e.cameo, "pipeline_version": pipeline_version, "cluster_id": None,
        }
        for name, value in values.items():
            ev[name].append(value)
        for role, ents in (("actor", e.actor), ("recipient", e.recipient),
                           ("claimed_by", e.claimed_by)):
            for i, ent in enumerate(ents):
                en["event_id"].append(e.event_id)
                en["story_id"].append(story.id)
                en["role"].append(role)
                en["position"].append(i)
                for field_ in _ENTITY_FIELDS:
                    en[field_].append(getattr(ent, field_))
    return (pa.table(ev, schema=_EVENT_ARROW), pa.table(en, schema=_ENTITY_ARROW))


def _record(row: dict[str, Any], with_cluster: bool = False) -> dict[str, Any]:
    """Rebuild the contract record of an event from a row of :meth:`Store.events`."""
    location = None
    if row["location_text"] is not None:
        location = {"text": row["location_text"], "name": row["location_name"],
                    "country": row["location_country"], "admin1": row["location_admin1"],
                    "lat": row["location_lat"], "lon": row["location_lon"],
                    "geonames_id": row["location_geonames_id"],
                    "feature": row["location_feature"]}

    def ents(items: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
        return [{k: it[k] for k in _ENTITY_FIELDS} for it in items or []]

    rec = {
        "event_id": row["event_id"],
        "story_id": row["story_id"],
        "sentence_index": row["sentence_index"],
        "sentence": row["sentence"],
        "evidence_span": [row["span_start"], row["span_end"]],
        "trigger": row["trigger"],
        "event_type": row["event_type"],
        "mode": row["mode"],
        "contexts": list(row["contexts"] or []),
        "aux_modes": list(row["aux_modes"] or []),
        "actor": ents(row["actor"]),
        "recipient": ents(row["recipient"]),
        "date": {"text": row["date_text"], "start": row["date_start"].isoformat(),
                 "end": row["date_end"].isoformat(), "granularity": row["granularity"]},
        "location": location,
        "quad_class": row["quad_class"],
        "confidence": round(float(row["confidence"]), 4),
        "cameo": row["cameo"],
        "claimed_by": ents(row["claimed_by"]),
    }
    if with_cluster:
        rec["cluster_id"] = row.get("cluster_id")
        rec["cluster_size"] = row.get("cluster_size")
        rec["cluster_story_ids"] = sorted(row.get("cluster_story_ids") or [])
    return rec


# ------------------------------------------------------------- flat/CAMEO rows

_FLAT_HEADER = [
    "event_id", "story_id", "date_start", "date_end", "granularity", "date_text",
    "event_type", "mode", "quad_class", "cameo", "confidence", "contexts", "aux_modes",
    "actor_names", "actor_countries", "actor_sectors", "actor_igos",
    "recipient_names", "recipient_countries", "recipient_sectors", "recipient_igos",
    "claimed_by_names", "location_name", "location_country", "location_admin1",
    "location_lat", "location_lon", "location_geonames_id", "location_feature",
    "trigger", "sentence_index", "span_start", "span_end", "sentence",
    "pipeline_version", "cluster_id",
]
_CLUSTER_EXTRA = ["cluster_size", "cluster_story_ids"]
_ENTITY_COLS: dict[str, tuple[str, str]] = {
    f"{role}_{plural}": (role, key)
    for role in ("actor", "recipient") for plural, key in
    (("names", "name"), ("countries", "country"), ("sectors", "sector"), ("igos", "igo"))
}
_ENTITY_COLS["claimed_by_names"] = ("claimed_by", "name")

_CAMEO_HEADER = [
    "event_id", "story_id", "date", "cameo", "event_type", "quad_class",
    "actor_name", "actor_country", "actor_sector", "actor_igo",
    "recipient_name", "recipient_country", "recipient_sector", "recipient_igo",
    "location_name", "location_country", "lat", "lon", "confidence",
]


def _join(values: list[Any]) -> str:
    return ";".join("" if v is None else str(v) for v in values)


def flat_rows(table: pa.Table) -> list[dict[str, Any]]:
    """Flatten an :meth:`Store.events` table into CSV-friendly dicts (one per event).

    List columns become ``;``-joined strings (an entity with no value leaves an empty
    slot, so ``actor_names`` and ``actor_countries`` line up); dates are ISO strings.
    """
    out = []
    names = table.column_names
    extra = [c for c in _CLUSTER_EXTRA if c in names]
    for row in table.to_pylist():
        d: dict[str, Any] = {}
        for col in _FLAT_HEADER + extra:
            if col in _ENTITY_COLS:
                role, key = _ENTITY_COLS[col]
                d[col] = _join([it[key] for it in row[role]])
            elif col in ("contexts", "aux_modes"):
                d[col] = _join(row[col])
            elif col == "cluster_story_ids":
                d[col] = _join(sorted(row[col]))
            elif isinstance(row[col], date):
                d[col] = row[col].isoformat()
            else:
                d[col] = row[col]
        out.append(d)
    return out


def write_csv(table: pa.Table, f: Any, cameo: bool = False) -> int:
    """Write an :meth:`Store.events` table as CSV (flat, or CAMEO-style) to a text file.

    Args:
        table: a table from :meth:`Store.events`.
        f: a text file object open for writing (``newline=""``), e.g. ``sys.stdout``.
        cameo: write :func:`cameo_rows` instead of :func:`flat_rows`.

    Returns:
        The number of data rows written (a header is always written).
    """
    if cameo:
        rows, header = cameo_rows(table), _CAMEO_HEADER
    else:
        rows = flat_rows(table)
        header = _FLAT_HEADER + [c for c in _CLUSTER_EXTRA if c in table.column_names]
    w = csv.DictWriter(f, fieldnames=header)
    w.writeheader()
    w.writerows(rows)
    return len(rows)


def cameo_rows(table: pa.Table) -> list[dict[str, Any]]:
    """Turn an :meth:`Store.events` table into CAMEO-style rows.

    One row per (actor, recipient) pair of each event: an event with 2 actors and 3
    recipients gives 6 rows; an empty actor or recipient list gives one row with
    that side empty. Every event gives at least one row; ``cameo`` is empty when the
    event has no CAMEO equivalent.
    """
    out = []
    empty = dict.fromkeys(_ENTITY_FIELDS)
    for row in table.to_pylist():
        for a in row["actor"] or [empty]:
            for r in row["recipient"] or [empty]:
                out.append({
                    "event_id": row["event_id"], "story_id": row["story_id"],
                    "date": row["date_start"].isoformat(), "cameo": row["cameo"],
                    "event_type": row["event_type"], "quad_class": row["quad_class"],
                    "actor_name": a["name"] or a["text"], "actor_country": a["country"],
                    "actor_sector": a["sector"], "actor_igo": a["igo"],
                    "recipient_name": r["name"] or r["text"],
                    "recipient_country": r["country"], "recipient_sector": r["sector"],
                    "recipient_igo": r["igo"],
                    "location_name": row["location_name"],
                    "location_country": row["location_country"],
                    "lat": row["location_lat"], "lon": row["location_lon"],
                    "confidence": round(float(row["confidence"]), 4),
                })
    return out


# ------------------------------------------------------------------- clustering

_COARSE_FEATURES = ("country", "admin1")


def places_compatible(a: tuple[str | None, str | None, str | None, int | None] | None,
                      b: tuple[str | None, str | None, str | None, int | None] | None
                      ) -> bool:
    """Return True when two event places could be the same place.

    Args:
        a, b: ``(name, country, feature, geonames_id)`` of each event's location, or
            None when the event has no location.

    Rules, in order: an unknown place is compatible with anything; the same
    GeoNames id or the same name (case-insensitive) is compatible; two known,
    different countries are not; a country-level or admin1-level place is
    compatible with a place in the same country; two different specific places
    (two cities) are not, so two same-day protests in two cities stay two events.
    """
    if a is None or b is None or (a[0] is None and a[1] is None) \
            or (b[0] is None and b[1] is None):
        return True
    name_a, country_a, feature_a, gid_a = a
    name_b, country_b, feature_b, gid_b = b
    if gid_a is not None and gid_a == gid_b:
        return True
    if name_a and name_b and name_a.casefold() == name_b.casefold():
        return True
    if country_a and country_b and country_a != country_b:
        return False
    if feature_a == "country" or feature_b == "country":
        return bool(country_a and country_a == country_b)
    if feature_a == "admin1" or feature_b == "admin1":
        # a region and a city in it: only the same country can be checked here
        return bool(country_a and country_a == country_b)
    return False


def _cluster_ids(rows: list[tuple[Any, ...]]) -> dict[str, str]:
    """Union-find over candidate pairs; return ``{event_id: cluster_id}``."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            if ry < rx:
                rx, ry = ry, rx
            parent[ry] = rx

    groups: dict[tuple[Any, ...], list[tuple[Any, ...]]] = defaultdict(list)
    for r in rows:
        parent[r[0]] = r[0]
        akeys = tuple(sorted(r[9] or ()))
        rkeys = tuple(sorted(r[10] or ()))
        if akeys or rkeys:
            groups[(r[2], akeys, rkeys)].append(r)
    for members in groups.values():
        members.sort(key=lambda r: (r[3], r[0]))
        active: list[tuple[Any, ...]] = []
        for r in members:
            active = [x for x in active if x[4] >= r[3]]      # still overlapping
            place_r = (r[5], r[6], r[7], r[8])
            for x in active:
                if x[1] != r[1] and places_compatible((x[5], x[6], x[7], x[8]), place_r):
                    union(x[0], r[0])
            active.append(r)
    # cluster id = smallest event id in the cluster (the union keeps it as root)
    return {eid: find(eid) for eid in parent}
