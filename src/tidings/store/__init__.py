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

The package, by concern: :mod:`~tidings.store.schema` (tables, Arrow types,
migrations), :mod:`~tidings.store.write` (saving stories, events and failures),
:mod:`~tidings.store.filters` (query filters to SQL), :mod:`~tidings.store.query`
(events, records, stories, counts), :mod:`~tidings.store.dyads` (dyad counts and the
network's edges), :mod:`~tidings.store.cluster` (linking
reports of the same event), :mod:`~tidings.store.export` (files), and
:mod:`~tidings.store.db` (DuckDB helpers). :class:`Store` puts them together; import it,
and the names in ``__all__``, from ``tidings.store``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from tidings.errors import StoreError

from .cluster import ClusterMixin, places_compatible
from .db import damage_error, is_interrupt, open_error
from .export import EXPORT_FORMATS, ExportMixin, cameo_rows, flat_rows, write_csv
from .filters import ILIKE, contains_pattern
from .dyads import DEFAULT_PERIOD, MUTUAL_TYPES, PERIODS, SPANNING, DyadsMixin
from .query import ORDERS, QueryMixin
from .schema import MIGRATIONS, SCHEMA_VERSION, migrate, schema_version
from .write import WriteMixin

__all__ = ["Store", "MIGRATIONS", "SCHEMA_VERSION", "EXPORT_FORMATS", "PERIODS", "SPANNING", "ORDERS", "DEFAULT_PERIOD", "MUTUAL_TYPES",
           "places_compatible", "flat_rows", "cameo_rows", "write_csv", "is_interrupt",
           "damage_error", "ILIKE", "contains_pattern"]


def _is_duckdb_file(path: str) -> bool:
    """True when ``path`` is missing, empty (DuckDB creates or fills it) or starts with
    DuckDB's file header (the bytes ``DUCK`` at offset 8 of the main header)."""
    p = Path(path)
    if not p.is_file() or p.stat().st_size == 0:
        return True
    with p.open("rb") as fh:
        return fh.read(12)[8:12] == b"DUCK"


class Store(WriteMixin, QueryMixin, DyadsMixin, ClusterMixin, ExportMixin):
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
            ``read_only``, so it cannot be migrated), ``T409`` when the file is damaged
            (cut short, failing its checksums). A damaged file may also open and fail
            on a later query: :func:`damage_error` turns that DuckDB error into ``T409``.

    The store is also a context manager (``with Store(p) as s: ...``).
    """

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._lock = threading.RLock()
        if self.path != ":memory:" and read_only and not Path(self.path).exists():
            raise StoreError("T402", f"no event store at {self.path}",
                             "run `tidings code` to create one, or pass --db PATH")
        if self.path != ":memory:" and not _is_duckdb_file(self.path):
            raise StoreError("T402", f"{self.path} is not a DuckDB database, so not an event store",
                             "pass the .duckdb file that `tidings code --db PATH` wrote")
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            raise open_error(self.path, read_only, exc) from None
        except duckdb.Error as exc:
            raise damage_error(self.path, exc) or StoreError(
                "T402", f"cannot open {self.path} as an event store: {exc}",
                "check that the file is a DuckDB database made by tidings") from None
        try:
            # the package's MIGRATIONS, looked up now (a test may append one)
            migrate(self._con, self.path, read_only, MIGRATIONS)
        except BaseException as exc:
            self._con.close()
            damaged = damage_error(self.path, exc)
            if damaged is not None:
                raise damaged from None
            raise

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

    @contextmanager
    def threads(self, n: int) -> Iterator["Store"]:
        """Run the database's queries on at most ``n`` DuckDB threads inside the block,
        then restore the setting it had (DuckDB's ``threads``, which is the database's,
        not the connection's).

        The local engine stores each chunk of stories while the next is parsed, in the
        same process, and holds DuckDB to one thread while it codes (issue 20, eleventh
        round): after a task, each of DuckDB's worker threads hands the C allocator's
        free memory back to the kernel (``malloc_trim``, seen with ``strace -k``), so
        that the parser's freed arrays were faulted in and zeroed again for the next
        chunk (about 12 MB a story), and its threads competed with the parser for the
        cores. Inserting a chunk needs no parallel query.

        Args:
            n: at least 1.
        Raises:
            ValueError: ``n`` below 1.
        """
        if n < 1:
            raise ValueError(f"threads must be at least 1, not {n}")
        with self._lock:
            before = int(self.con.execute("SELECT current_setting('threads')").fetchall()[0][0])
            self.con.execute(f"SET threads = {int(n)}").fetchall()
        try:
            yield self
        finally:
            with self._lock:
                if self._con is not None:
                    self._con.execute(f"SET threads = {before}").fetchall()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The underlying DuckDB connection, for ad-hoc SQL (read the schema first)."""
        if self._con is None:
            raise StoreError("T406", f"the event store {self.path} is closed")
        return self._con

    def schema_version(self) -> int:
        """Return the schema version recorded in the database (int, 0 when empty)."""
        return schema_version(self.con)
