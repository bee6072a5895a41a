"""Writing the store: stories with their events, in one transaction per story or per
chunk of stories, and failures (the pipeline side of :class:`tidings.store.Store`).

A story is saved by deleting everything it had (story row, events, entities, failure)
and inserting its new rows, so a re-run leaves one copy and a changed story loses its
old events; a crash leaves the previous committed state or the new one, never half.
"""

from __future__ import annotations

import threading
from typing import Any

import duckdb
import pyarrow as pa

from tidings.errors import StoreError
from tidings.records import Event, Story

from .db import fetch_one, is_interrupt, now, rollback
from .schema import STORY_ARROW, make_event_rows, make_story_row


class WriteMixin:
    """The writing methods of :class:`tidings.store.Store` (which provides ``con``,
    ``path``, ``read_only`` and ``_lock``)."""

    con: duckdb.DuckDBPyConnection
    path: str
    read_only: bool
    _lock: threading.RLock

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
            row = fetch_one(self.con,
                       "SELECT count(*) FROM stories WHERE story_id = ? AND text_hash = ? "
                       "AND pipeline_version = ?", [story_id, text_hash, pipeline_version])
        return bool(row[0])

    def save_story(self, story: Story, events: list[Event], pipeline_version: str, *,
                   all_candidates: bool = False, threshold: float | None = None) -> None:
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
            all_candidates: whether they are every event found (``--all-candidates``) or
                the default output; recorded in ``stories.all_candidates``.
            threshold: the default output's confidence threshold (0..1) when they were
                coded, recorded in ``stories.threshold``; None: not known.

        Raises:
            StoreError: ``T404`` when an event belongs to another story or has a date
                that is not ``YYYY-MM-DD`` (nothing is written); ``T406`` when closed.
        """
        if self.read_only:
            raise StoreError("T406", f"the event store {self.path} is open read-only")
        event_rows, entity_rows = make_event_rows(story, events, pipeline_version)
        story_row = make_story_row(story, pipeline_version, all_candidates, threshold)
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
                rollback(con)
                raise

    def coded_ids(self, stories: list[Story], pipeline_version: str) -> set[str]:
        """Return the ids of those ``stories`` that :meth:`is_coded` would accept, in one query.

        Args:
            stories: the stories about to be coded (their ids and ``text_hash()``).
            pipeline_version: the running pipeline's version string.

        Returns:
            the ids whose committed story row has the same text hash and this version.
        """
        hashes = {s.id: s.text_hash() for s in stories}
        return {sid for sid, (h, v) in self.stored_versions(stories).items()
                if h == hashes[sid] and v == pipeline_version}

    def _story_columns(self, ids, columns: str) -> list[tuple]:
        """Rows ``(story_id, *columns)`` of the committed stories whose ids are in
        ``ids`` (an iterable of str), in one query: the ids are registered as a table and
        joined, so a batch of any size costs one scan. ``columns``: the SQL column list
        after ``s.story_id`` (e.g. ``"s.pub_date"``). An id the store does not hold gives
        no row."""
        with self._lock:
            con = self.con
            con.register("_tidings_ids", pa.table({"story_id": list(set(ids))}))
            try:
                return con.execute(f"SELECT s.story_id, {columns} FROM stories s "
                                   "JOIN _tidings_ids c ON s.story_id = c.story_id").fetchall()
            finally:
                con.unregister("_tidings_ids")

    def stored_versions(self, stories: list[Story]) -> dict[str, tuple[str, str]]:
        """Return what the store holds of these stories, in one query.

        Args:
            stories: the stories about to be coded (only their ids are used).

        Returns:
            ``{story_id: (text_hash, pipeline_version)}`` of the committed story rows
            with these ids; a story the store does not hold is absent. Comparing with
            ``Story.text_hash()`` and the running version tells whether a story is
            unchanged, or must be re-coded because its text or the pipeline changed.
        """
        if not stories:
            return {}
        rows = self._story_columns((s.id for s in stories), "s.text_hash, s.pipeline_version")
        return {r[0]: (r[1], r[2]) for r in rows}

    def stored_outputs(self, ids: list[str]) -> dict[str, bool | None]:
        """Return ``{story_id: all_candidates}`` of the stored stories with these ids:
        True when coded with ``--all-candidates``, False for the default output, None for
        a story stored before the store recorded it (schema version 5); an id the store
        does not hold is absent."""
        if not ids:
            return {}
        return {r[0]: r[1] for r in self._story_columns(ids, "s.all_candidates")}

    def stored_event_counts(self, ids: list[str]) -> dict[str, int]:
        """Return ``{story_id: number of stored events}`` of the stored stories with these
        ids, in one query (0 for a stored story without events); an id the store does not
        hold is absent. ``tidings code`` says how many events the stories it left
        unchanged hold."""
        if not ids:
            return {}
        return {r[0]: int(r[1]) for r in self._story_columns(
            ids, "(SELECT count(*) FROM events e WHERE e.story_id = s.story_id)")}

    def stored_inputs(self, ids: list[str]) -> dict[str, tuple[str | None, str | None]]:
        """Return ``{story_id: (input, origin)}`` of the stored stories with these ids: the
        input each was read from (``stories.input``; None when stored before schema
        version 6) and its origin (``"feed.jsonl:3"``); an id the store does not hold is
        absent. ``tidings code`` tells a story of another input that has the same id
        from a new text of the stored story with it."""
        if not ids:
            return {}
        return {r[0]: (r[1], r[2]) for r in self._story_columns(ids, "s.input, s.origin")}

    def stored_copies(self, stories: list[Story]) -> dict[str, tuple[str, int]]:
        """Return ``{story_id: (stored_id, events)}`` for those ``stories`` that the store
        holds under another id: a stored story read from the same input file
        (``stories.input``, a file path: not stdin or the API, whose lines are no record's
        identity), at the same origin (file and line) and with the same text hash, and
        how many events it holds. That is the same record read with another id (coded
        once by its ``id`` field and again with ``--id-col title``); coding it must
        replace the stored copy, not keep the story twice (its events counted twice). A
        story without ``input_path`` is never matched. One query."""
        keys = [s for s in stories if s.input_path and s.input_path.startswith("/") and s.origin]
        if not keys:
            return {}
        table = pa.table({"story_id": [s.id for s in keys], "input": [s.input_path for s in keys],
                          "origin": [s.origin for s in keys], "text_hash": [s.text_hash() for s in keys]})
        with self._lock:
            con = self.con
            con.register("_tidings_copies", table)
            try:
                rows = con.execute(
                    "SELECT c.story_id, s.story_id, (SELECT count(*) FROM events e "
                    "WHERE e.story_id = s.story_id) FROM stories s JOIN _tidings_copies c "
                    "ON s.input = c.input AND s.origin = c.origin AND s.text_hash = c.text_hash "
                    "AND s.story_id <> c.story_id").fetchall()
            finally:
                con.unregister("_tidings_copies")
        return {r[0]: (r[1], int(r[2])) for r in rows}

    def remove_stories(self, ids: list[str]) -> None:
        """Delete the stories with these ids and everything they have (events, entities,
        failure), in one transaction; an id the store does not hold is ignored. ``tidings
        code`` removes the copy of a record stored under its earlier id
        (:meth:`stored_copies`).

        Raises:
            StoreError: ``T406`` when the store is read-only or closed.
        """
        if self.read_only:
            raise StoreError("T406", f"the event store {self.path} is open read-only")
        if not ids:
            return
        with self._lock:
            con = self.con
            con.register("_tidings_gone", pa.table({"story_id": list(set(ids))}))
            try:
                con.begin()
                try:
                    _delete_stories(con, "_tidings_gone")
                    con.commit()
                except BaseException:
                    rollback(con)
                    raise
            finally:
                con.unregister("_tidings_gone")

    def stored_pub_dates(self, ids: list[str]) -> dict[str, str | None]:
        """Return ``{story_id: pub_date}`` (ISO text, or None) of the stored stories with
        these ids; an id the store does not hold is absent."""
        if not ids:
            return {}
        return {r[0]: (str(r[1]) if r[1] is not None else None) for r in self._story_columns(ids, "s.pub_date")}

    def save_stories(self, coded: list[tuple[Story, list[Event]]],
                     pipeline_version: str, *, all_candidates: bool = False,
                     threshold: float | None = None) -> dict[str, Exception]:
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
            all_candidates, threshold: the output they were coded for, as for
                :meth:`save_story`.

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
                ev, en = make_event_rows(story, events, pipeline_version)
            except Exception as exc:  # noqa: BLE001 - T404 and the like: this story only
                errors[story.id] = exc
                continue
            story_rows.append(make_story_row(story, pipeline_version, all_candidates, threshold))
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
                self.save_story(story, events, pipeline_version, all_candidates=all_candidates,
                                threshold=threshold)
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
                                for i, name in enumerate(STORY_ARROW.names)},
                               schema=STORY_ARROW)
        except Exception:  # noqa: BLE001 - e.g. text Arrow cannot encode
            return False
        with self._lock:
            con = self.con
            con.register("_tidings_new_stories", stories)
            try:
                con.begin()
                try:
                    _delete_stories(con, "_tidings_new_stories")
                    con.execute("INSERT INTO stories SELECT * FROM _tidings_new_stories")
                    self._insert(con, None, pa.concat_tables(event_tables),
                                 pa.concat_tables(entity_tables))
                    con.commit()
                except Exception as exc:  # noqa: BLE001
                    rollback(con)
                    if is_interrupt(exc):  # Ctrl-C, not a bad story: stop, not retry
                        raise KeyboardInterrupt from exc
                    return False
                except BaseException:
                    rollback(con)
                    raise
            finally:
                con.unregister("_tidings_new_stories")
        return True

    def _insert(self, con: duckdb.DuckDBPyConnection, story_row: list[Any] | None,
                event_rows: pa.Table, entity_rows: pa.Table) -> None:
        """Insert one story's rows (inside :meth:`save_story`'s transaction); with
        ``story_row`` None only the events and entities (:meth:`save_stories`)."""
        if story_row is not None:
            marks = ", ".join("?" for _ in STORY_ARROW.names)
            con.execute(f"INSERT INTO stories VALUES ({marks})", story_row)
        for table, rows in (("events", event_rows), ("entities", entity_rows)):
            if rows.num_rows:
                con.register(f"_tidings_new_{table}", rows)
                try:
                    con.execute(f"INSERT INTO {table} SELECT * FROM _tidings_new_{table}")
                finally:
                    con.unregister(f"_tidings_new_{table}")

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
                            [story_id, origin, stage, code, message, now()])
                con.commit()
            except BaseException:
                rollback(con)
                raise


def _delete_stories(con: duckdb.DuckDBPyConnection, view: str) -> None:
    """Delete every row of the story tables (entities, events, stories, failures) whose
    ``story_id`` is in the registered ``view`` (a table of ``story_id``), inside the
    caller's transaction: a story re-coded or removed leaves nothing of its old rows."""
    for table in ("entities", "events", "stories", "failures"):
        con.execute(f"DELETE FROM {table} WHERE story_id IN (SELECT story_id FROM {view})")
