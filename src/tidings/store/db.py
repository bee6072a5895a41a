"""Low-level DuckDB helpers of the store: transactions, Arrow results, Ctrl-C, errors.

Imports nothing else of :mod:`tidings.store`.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

import duckdb
import pyarrow as pa

from tidings.errors import StoreError


def rollback(con: duckdb.DuckDBPyConnection) -> None:
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


def arrow(con: duckdb.DuckDBPyConnection, sql: str,
          params: list[Any] | None = None) -> pa.Table:
    """Run a query and return an Arrow table (DuckDB 2 renamed ``arrow()``)."""
    rel = con.sql(sql, params=params or None)
    if rel is None:
        return pa.table({})
    fetch = getattr(rel, "to_arrow_table", None) or rel.arrow
    return fetch()


def now() -> datetime:
    """Return the current UTC time without a time zone (the store's TIMESTAMP columns)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def fetch_one(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None
              ) -> tuple[Any, ...]:
    """Run a query and return its first row (fetching all, which DuckDB 2 requires)."""
    return con.execute(sql, params or []).fetchall()[0]


def open_error(path: str, read_only: bool, exc: Exception) -> StoreError:
    """Return the StoreError for DuckDB's failure to open ``path``: ``T409`` when the file
    is damaged, ``T401`` when another process holds its lock (saying which, and what to
    do), else ``T402``.

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


#: DuckDB's words for a lock another process holds ("Could not set lock on file "...":
#: Conflicting lock is held in ..."), matched on its message without the quoted paths.
_LOCK_RE = re.compile(r"\b(could not set lock|conflicting lock)\b", re.IGNORECASE)

#: DuckDB's words for a file cut short or corrupted ("Could not read enough bytes from
#: file", "Corrupt database file: computed checksum ..."), matched without the paths.
_DAMAGE_RE = re.compile(r"could not read enough bytes|\bcorrupt|checksum", re.IGNORECASE)


def damage_error(path: Any, exc: BaseException) -> StoreError | None:
    """Return a ``T409`` StoreError when ``exc``, raised by DuckDB while opening or
    reading the store at ``path``, says the file is damaged (truncated, or failing its
    checksums); else None (the caller re-raises or reports ``exc`` as it would).

    DuckDB reads a file lazily, so a damaged store may open and fail on its first query:
    callers that query (the CLI commands, the web server) pass its errors through here.
    """
    if not isinstance(exc, duckdb.Error) or is_interrupt(exc):
        return None
    text = str(exc)
    if not _DAMAGE_RE.search(re.sub(r'"[^"]*"', '""', text)):
        return None
    return StoreError("T409", f"the event store {path} is damaged: {text}",
                      "restore it from a backup, or code the stories again into a new store: "
                      "tidings code INPUT --db NEW.duckdb")
