"""The store's schema: tables and columns, their Arrow types, the migrations, and the
rows of a story and its events in the tables' column order (:func:`make_story_row`,
:func:`make_event_rows`).

The tables are documented in ``docs/store.md``. :data:`MIGRATIONS` brings an older
database up to date when a writer opens it (:func:`migrate`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from tidings.errors import StoreError
from tidings.records import Event, Story

from .db import fetch_one, now, rollback

#: Columns of ``events`` (name, SQL type), in table order.
EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
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

#: Columns of ``stories``.
STORY_COLUMNS: tuple[tuple[str, str], ...] = (
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

#: Columns of ``entities`` (one row per actor, recipient or claimant of an event).
ENTITY_COLUMNS: tuple[tuple[str, str], ...] = (
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

#: Columns of ``failures`` (one row per skipped story or unreadable record).
FAILURE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("story_id", "VARCHAR"),
    ("origin", "VARCHAR NOT NULL"),
    ("stage", "VARCHAR NOT NULL"),
    ("code", "VARCHAR NOT NULL"),
    ("message", "VARCHAR NOT NULL"),
    ("failed_at", "TIMESTAMP NOT NULL"),   # UTC
)


def create_table_sql(table: str, columns: tuple[tuple[str, str], ...]) -> str:
    """Return ``CREATE TABLE IF NOT EXISTS`` for ``table`` with ``(name, type)`` columns."""
    cols = ",\n  ".join(f"{name} {type_}" for name, type_ in columns)
    return f"CREATE TABLE IF NOT EXISTS {table} (\n  {cols}\n)"


def _migration_1(con: duckdb.DuckDBPyConnection) -> None:
    """Version 1: stories, events, entities, failures."""
    con.execute(create_table_sql("stories", STORY_COLUMNS))
    con.execute(create_table_sql("events", EVENT_COLUMNS))
    con.execute(create_table_sql("entities", ENTITY_COLUMNS))
    con.execute(create_table_sql("failures", FAILURE_COLUMNS))


#: Columns added after version 1: ``rules``, the names of the lexicon entry and rules
#: that made each event (``Event.rules``; ``docs/coding.md``).
EVENT_COLUMNS_2: tuple[tuple[str, str], ...] = (("rules", "VARCHAR[]"),)


def _migration_2(con: duckdb.DuckDBPyConnection) -> None:
    """Version 2: ``events.rules`` (events stored before it have none)."""
    con.execute("ALTER TABLE events ADD COLUMN rules VARCHAR[]")


#: Columns added by version 3 (issue 19): ``date_source``, ``date.source`` (sentence,
#: story or publication).
EVENT_COLUMNS_3: tuple[tuple[str, str], ...] = (("date_source", "VARCHAR"),)


def _migration_3(con: duckdb.DuckDBPyConnection) -> None:
    """Version 3 (issue 19): ``events.date_source``. Rows stored before get the source
    their granularity meant then: ``publication`` for ``story``, else ``sentence``."""
    con.execute("ALTER TABLE events ADD COLUMN date_source VARCHAR")
    con.execute("UPDATE events SET date_source = CASE WHEN granularity = 'story' "
                "THEN 'publication' ELSE 'sentence' END")


#: Columns added by version 4 (issue 17): ``entities.how``, how each entity was
#: resolved (``Entity.how``: knowledge base, nationality word, title, story context, ...).
ENTITY_COLUMNS_4: tuple[tuple[str, str], ...] = (("how", "VARCHAR"),)


def _migration_4(con: duckdb.DuckDBPyConnection) -> None:
    """Version 4 (issue 17): ``entities.how``; rows stored before have none (NULL)."""
    con.execute("ALTER TABLE entities ADD COLUMN how VARCHAR")


#: Columns added by version 5 (r19e): the output a story was coded for. ``all_candidates``
#: is true when ``tidings code --all-candidates`` kept every event found, false for the
#: default output (events whose confidence reaches the threshold); ``threshold`` is that
#: default output's confidence threshold when the story was coded (the model's, 0.0
#: without a model), for both outputs. NULL in both: a story stored before version 5.
STORY_COLUMNS_5: tuple[tuple[str, str], ...] = (("all_candidates", "BOOLEAN"), ("threshold", "DOUBLE"))


def _migration_5(con: duckdb.DuckDBPyConnection) -> None:
    """Version 5 (r19e): ``stories.all_candidates`` and ``stories.threshold``; stories
    stored before have NULL (not recorded; queries count them as the default output)."""
    con.execute("ALTER TABLE stories ADD COLUMN all_candidates BOOLEAN")
    con.execute("ALTER TABLE stories ADD COLUMN threshold DOUBLE")


#: Columns added by version 6 (r23c): ``input``, the input a story was read from
#: (``Story.input_path``: the file's absolute path, ``<stdin>``, ``POST /api/code``), so
#: that a story of another input with the same id is told from a new text of the same
#: story (``origin`` names the file only: two ``feed.jsonl`` of two folders share it).
#: NULL: stored before version 6, or not known.
STORY_COLUMNS_6: tuple[tuple[str, str], ...] = (("input", "VARCHAR"),)


def _migration_6(con: duckdb.DuckDBPyConnection) -> None:
    """Version 6 (r23c): ``stories.input``; stories stored before have NULL (not known:
    a re-code tells inputs apart by the file names of their origins then)."""
    con.execute("ALTER TABLE stories ADD COLUMN input VARCHAR")


#: Ordered schema migrations: ``MIGRATIONS[i]`` brings a database from version ``i`` to
#: ``i + 1``. Append new functions; never edit or reorder released ones.
MIGRATIONS: list[Callable[[duckdb.DuckDBPyConnection], None]] = [_migration_1, _migration_2,
                                                                _migration_3, _migration_4,
                                                                _migration_5, _migration_6]

#: The schema version this code writes and reads.
SCHEMA_VERSION = len(MIGRATIONS)

#: Values of ``entities.role``.
ROLES: tuple[str, ...] = ("actor", "recipient", "claimed_by")
#: The fields of an entity (``tidings.records.Entity``), as ``entities`` columns.
ENTITY_FIELDS: tuple[str, ...] = ("text", "name", "country", "sector", "igo", "kb_id", "how")


def arrow_type(sql_type: str) -> pa.DataType:
    """Return the Arrow type of a column's SQL type (``"VARCHAR NOT NULL"`` -> string).

    Raises:
        KeyError: for a type the store does not use.
    """
    base = sql_type.replace(" NOT NULL", "")
    return {
        "VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(),
        "DOUBLE": pa.float64(), "DATE": pa.date32(), "VARCHAR[]": pa.list_(pa.string()),
        "TIMESTAMP": pa.timestamp("us"), "BOOLEAN": pa.bool_(),
    }[base]


#: Arrow schemas of the rows written to ``events``, ``entities`` and ``stories``.
EVENT_ARROW = pa.schema([(n, arrow_type(t)) for n, t in EVENT_COLUMNS + EVENT_COLUMNS_2
                         + EVENT_COLUMNS_3])
ENTITY_ARROW = pa.schema([(n, arrow_type(t)) for n, t in ENTITY_COLUMNS + ENTITY_COLUMNS_4])
STORY_ARROW = pa.schema([(n, arrow_type(t)) for n, t in STORY_COLUMNS + STORY_COLUMNS_5
                         + STORY_COLUMNS_6])


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """Return the schema version recorded in the database (int; the ``schema_version``
    table must exist)."""
    return int(fetch_one(con, "SELECT coalesce(max(version), 0) FROM schema_version")[0])


def migrate(con: duckdb.DuckDBPyConnection, path: str, read_only: bool,
            migrations: list[Callable[[duckdb.DuckDBPyConnection], None]] | None = None
            ) -> None:
    """Bring the database up to date, one transaction per migration.

    Args:
        con: an open connection; path: the file (for messages); read_only: whether
            the connection may write.
        migrations: the ordered migrations (default :data:`MIGRATIONS`; the database's
            version is brought to ``len(migrations)``).
    Raises:
        StoreError: ``T403`` when the schema is newer than this tidings, or older and
            ``read_only`` (so it cannot be migrated).
    """
    exists = fetch_one(con, "SELECT count(*) FROM information_schema.tables "
                       "WHERE table_name = 'schema_version'")[0]
    current = schema_version(con) if exists else 0
    steps = MIGRATIONS if migrations is None else migrations
    if current > len(steps):
        raise StoreError(
            "T403", f"the event store {path} has schema version {current}, "
            f"newer than this tidings understands ({len(steps)})",
            "upgrade tidings, or code into a new --db file")
    if current == len(steps):
        return
    if read_only:
        raise StoreError(
            "T403", f"the event store {path} has schema version {current} and "
            f"needs migrating to {len(steps)}, which a read-only opener cannot do",
            "open it once for writing (any `tidings code --db` run) to migrate it")
    for version in range(current + 1, len(steps) + 1):
        con.begin()
        try:
            con.execute("CREATE TABLE IF NOT EXISTS schema_version "
                        "(version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)")
            steps[version - 1](con)
            con.execute("INSERT INTO schema_version VALUES (?, ?)",
                        [version, now()])
            con.commit()
        except BaseException:
            rollback(con)
            raise


def make_story_row(story: Story, pipeline_version: str, all_candidates: bool = False,
                   threshold: float | None = None) -> list[Any]:
    """Return the ``stories`` row of a story coded by ``pipeline_version`` for the default
    output or (``all_candidates``) every candidate, with the default output's confidence
    ``threshold`` (values in :data:`~tidings.store.schema.STORY_ARROW` order: the
    ``STORY_COLUMNS``, then ``STORY_COLUMNS_5``, then ``STORY_COLUMNS_6``: the input it
    was read from, ``Story.input_path``)."""
    return [story.id, story.text, story.pub_date, story.title, story.source, story.url,
            story.language, story.translated_from,
            json.dumps(story.meta or {}, ensure_ascii=False, default=str),
            story.origin or None, story.text_hash(), pipeline_version, now(),
            bool(all_candidates), None if threshold is None else float(threshold),
            story.input_path or None]


def make_event_rows(story: Story, events: list[Event],
                    pipeline_version: str) -> tuple[pa.Table, pa.Table]:
    """Turn a story's events into Arrow tables shaped like ``events`` and ``entities``.

    Events with a repeated ``event_id`` are kept once (the first).

    Raises:
        StoreError: ``T404`` when an event belongs to another story or its date is not
            ``YYYY-MM-DD``.
    """
    ev: dict[str, list[Any]] = {name: [] for name in EVENT_ARROW.names}
    en: dict[str, list[Any]] = {name: [] for name in ENTITY_ARROW.names}
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
            "rules": list(e.rules), "date_source": e.date.source,
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
                for field_ in ENTITY_FIELDS:
                    en[field_].append(getattr(ent, field_))
    return (pa.table(ev, schema=EVENT_ARROW), pa.table(en, schema=ENTITY_ARROW))
