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
    """Return the StoreError for DuckDB's failure to open ``path``: ``T401`` when another
    process holds its lock (saying which, and what to do), else ``T402``."""
    text = str(exc)
    if "lock" not in text.lower():
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
