"""The store as each request sees it: opened per request, and the reads the API and
the pages share.

:class:`StoreAccess` opens the store read-only for a request and closes it again (so a
``tidings code`` run can write the file whenever the server is idle), or for writing
with no read open. Each ``get_*`` function runs one :mod:`tidings.serve.data` query on
the application's store and returns its JSON-ready dict: the REST endpoint
(:mod:`tidings.serve.api`), the HTML page and its JSON twin (:mod:`tidings.serve.pages`)
all call the same function, so the three always agree.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Optional

from tidings.store import DEFAULT_PERIOD, Store

from . import data

if TYPE_CHECKING:
    from starlette.requests import Request


class StoreAccess:
    """Opens the store per request: many readers at once, or one writer alone.

    DuckDB lets one process hold a file read-only *or* read-write, never both, so
    :meth:`write` waits for running reads to finish and holds new ones back.

    Args:
        path: the DuckDB file.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False

    @contextmanager
    def read(self) -> Iterator[Store]:
        """Yield the store opened read-only (closed afterwards)."""
        with self._cond:
            while self._writing:
                self._cond.wait()
            self._readers += 1
        try:
            with Store(self.path, read_only=True) as store:
                yield store
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def write(self) -> Iterator[Store]:
        """Yield the store opened for writing, with no read open in this process."""
        with self._cond:
            while self._writing or self._readers:
                self._cond.wait()
            self._writing = True
        try:
            with Store(self.path) as store:
                yield store
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


# ------------------------------------------------------------------ reads
# Each takes the request (its app holds the StoreAccess) and returns the dict the
# endpoint returns and the page renders. Raises what the data function raises.

def get_stats(request: Request) -> dict[str, Any]:
    """Row counts, schema and versions (:func:`tidings.serve.data.stats`)."""
    with request.app.state.access.read() as store:
        return data.stats(store)


def get_stories(request: Request, q: Optional[str] = None, limit: int = 100,
                offset: int = 0) -> dict[str, Any]:
    """One page of stories (:func:`tidings.serve.data.list_stories`)."""
    with request.app.state.access.read() as store:
        return data.list_stories(store, q=q, limit=limit, offset=offset)


def get_story(request: Request, story_id: str) -> dict[str, Any]:
    """A story with its events. Raises NotFound (T601) for an unknown id."""
    with request.app.state.access.read() as store:
        return data.story_detail(store, story_id)


def get_events(request: Request, filters: dict[str, Any], per: str = "event",
               limit: int = 100, offset: int = 0, sort: str = "newest",
               notes: bool = True) -> dict[str, Any]:
    """One page of events matching the filters, in ``sort`` order (newest first by
    default), with ``outputs`` and ``warnings`` (:func:`tidings.serve.data.output_notes`;
    ``notes`` False leaves them out, for a page that shows another answer's). Raises
    StoreError (T405) for a bad filter."""
    with request.app.state.access.read() as store:
        out = data.list_events(store, filters, per=per, limit=limit, offset=offset,
                               sort=sort)
        return {**out, **data.output_notes(store, filters)} if notes else out


def get_event(request: Request, event_id: str) -> dict[str, Any]:
    """An event with its evidence. Raises NotFound (T601) for an unknown id."""
    with request.app.state.access.read() as store:
        return data.event_detail(store, event_id)


def get_actors(request: Request, q: Optional[str] = None, limit: int = 200,
               offset: int = 0) -> dict[str, Any]:
    """One page of actors and recipients (:func:`tidings.serve.data.list_actors`)."""
    with request.app.state.access.read() as store:
        return data.list_actors(store, q=q, limit=limit, offset=offset)


def get_dyads(request: Request, filters: dict[str, Any], period: str = DEFAULT_PERIOD,
              per: str = "event") -> dict[str, Any]:
    """Counts per dyad and quad class, with ``outputs`` and ``warnings``
    (:func:`tidings.serve.data.output_notes`). Raises StoreError (T405) for a bad period
    or filter."""
    with request.app.state.access.read() as store:
        return {**data.dyad_counts(store, period, filters, per=per), **data.output_notes(store, filters)}


def get_dyad(request: Request, pair: str, filters: dict[str, Any], period: str = DEFAULT_PERIOD,
             per: str = "event") -> dict[str, Any]:
    """One dyad's time series, with ``outputs`` and ``warnings``
    (:func:`tidings.serve.data.output_notes`). Raises BadRequest (T602) for a malformed
    pair, StoreError (T405)."""
    with request.app.state.access.read() as store:
        return {**data.dyad_series(store, pair, period=period, filters=filters, per=per),
                **data.output_notes(store, filters)}


def get_network(request: Request, filters: dict[str, Any], min_count: int | None = None,
                per: str = "event") -> dict[str, Any]:
    """The actor network (:func:`tidings.serve.data.network`), with ``outputs`` and
    ``warnings`` (:func:`tidings.serve.data.output_notes`). Raises StoreError (T405)."""
    with request.app.state.access.read() as store:
        return {**data.network(store, filters, min_count=min_count, per=per),
                **data.output_notes(store, filters)}
