"""The query parameters the REST API and the HTML pages share (imports nothing from
``tidings.serve``).

:func:`event_filters` is the FastAPI dependency for the filters of ``tidings events``
(and :func:`dyad_filters` the same for dyad counts, which keep only events that
happened unless ``happened=false``);
:data:`PER` and :data:`PERIOD` are the ``per`` and ``period`` parameters, and
:func:`limit` the page size, so that an endpoint ``/api/x``, its page ``/x`` and the
page's JSON twin ``/x.json`` accept exactly the same query.
"""

from __future__ import annotations

from typing import Any, Optional

from fastapi import Query

from tidings.errors import TidingsError
from tidings.store import DEFAULT_PERIOD

#: Filters of ``tidings events`` / :meth:`tidings.store.Store.events`, by their store keyword.
FILTERS: tuple[str, ...] = ("actor", "recipient", "dyad", "event_type", "mode", "context",
                            "date_from", "date_to", "place", "min_confidence", "happened",
                            "text", "story_id", "all_candidates")

#: ``candidates``: the output the events' stories were coded for, as ``--candidates`` of
#: ``tidings events`` / ``dyads`` / ``export`` -> the store's ``all_candidates`` filter.
CANDIDATES: dict[str, bool] = {"all": True, "default": False}

#: ``per``: count every event, or one per cluster of reports.
PER = Query("event", pattern="^(event|cluster)$",
            description="event: every event; cluster: one event per cluster of reports.")
#: ``period`` of dyad counts: by month unless asked, as ``tidings dyads`` counts
#: (:data:`tidings.store.dyads.DEFAULT_PERIOD`; the API counted by week until round 18).
PERIOD = Query(DEFAULT_PERIOD, pattern="^(day|week|month|year)$",
               description="month (the default, as tidings dyads), day, week (from Monday) or year.")
#: ``sort`` of the event list (:data:`tidings.serve.data.SORTS`).
SORT = Query("newest", pattern="^(newest|confidence|oldest)$",
             description="newest: events of the latest published stories first, the more "
             "confident first; confidence: most confident first; oldest: earliest event "
             "date first.")
#: Largest ``offset`` of a listing: far beyond any store, and small enough that offset
#: plus limit stays a 64-bit integer for DuckDB (a fresh-user trial: offset 2**63 - 1 was
#: a server error).
MAX_OFFSET = 10**12
#: ``offset`` of a listing.
OFFSET = Query(0, ge=0, le=MAX_OFFSET)
#: ``min_count`` of the actor network: the fewest events an edge needs; None (not given):
#: the smallest minimum that leaves at most 30 actors (:func:`tidings.serve.data.network`).
MIN_COUNT = Query(None, ge=1, description="Keep links with at least this many events; "
                  "default: the smallest minimum that leaves at most 30 actors.")
#: Largest ``limit`` of a listing.
MAX_LIMIT = 10_000


def limit_param(default: int) -> Any:
    """Return the ``limit`` query parameter of a listing: 0 to :data:`MAX_LIMIT`, this default."""
    return Query(default, ge=0, le=MAX_LIMIT)


def clean_filters(**values: Any) -> dict[str, Any]:
    """Keep the filters that were given: drop None and blank strings, strip the rest.

    HTML forms submit every field, empty ones as ``""``; both mean "no filter".

    Args:
        **values: filter name (one of :data:`FILTERS`) to value.

    Returns:
        ``dict`` of the filters to pass to :meth:`tidings.store.Store.events`.
    """
    out = {}
    for key, value in values.items():
        if value is None:
            continue
        if isinstance(value, str):
            value = value.strip()
            if not value:
                continue
        out[key] = value
    return out


_HAPPENED_HELP = ("true: only events that happened (aux_modes neither negation nor "
                  "hypothetical; future and historical events stay); false: every event.")


def _one_of(name: str, value: Optional[str], other_name: str, other: Optional[str]) -> Optional[str]:
    """The value of a filter that has two names (``from`` and ``date_from``): whichever was
    given (not blank). Raises TidingsError ``T405`` when both were, with different values
    (a fresh-user trial: ``date_from=`` was ignored and every event came back)."""
    a, b = (v.strip() if isinstance(v, str) and v.strip() else None for v in (value, other))
    if a is not None and b is not None and a != b:
        raise TidingsError("T405", f"{name}={a!r} and {other_name}={b!r} name the same filter "
                           "with different dates; give one")
    return a if a is not None else b


def candidates_filter(value: Optional[str]) -> Optional[bool]:
    """The store's ``all_candidates`` filter of the ``candidates`` query parameter.

    Args:
        value: ``"all"`` (events of stories coded with ``tidings code --all-candidates``),
            ``"default"`` (events of stories coded with the default output, or stored before
            the store recorded it), None or blank (no filter: a store holding both mixes
            them), in any case.

    Returns:
        True, False or None (no filter).

    Raises:
        TidingsError: ``T405`` (HTTP 400) naming the allowed values, for any other value.
    """
    if value is None or not value.strip():
        return None
    key = value.strip().lower()
    if key not in CANDIDATES:
        raise TidingsError("T405", f"candidates must be one of {', '.join(CANDIDATES)}, not {value.strip()!r}")
    return CANDIDATES[key]


def _filters_dependency(happened_default: Optional[str]) -> Any:
    """Build the FastAPI dependency of the event filters, ``happened`` defaulting to
    ``happened_default`` (None: every event; ``"true"``: only events that happened)."""
    happened_help = _HAPPENED_HELP + (" Default here: true (counts of acts that happened)."
                                      if happened_default == "true" else "")

    def filters(
        actor: Optional[str] = Query(None, description="Actor country/IGO code (USA, EU), or part of its name (a country's full name, Mali, also matches its code; a knowledge-base party's name or acronym, RSF, also matches every party resolved to it)."),
        recipient: Optional[str] = Query(None, description="Recipient country/IGO code, or part of its name (a country's full name also matches its code)."),
        dyad: Optional[str] = Query(None, description="Actor-recipient country pair, e.g. USA-AZE."),
        type: Optional[str] = Query(None, description="PLOVER event type(s), comma-separated, e.g. PROTEST,ASSAULT."),
        mode: Optional[str] = Query(None, description="PLOVER mode, e.g. meet."),
        context: Optional[str] = Query(None, description="PLOVER context, e.g. diplomatic."),
        date_from: Optional[str] = Query(None, alias="from", description="Events on or after this date (YYYY-MM-DD), as tidings events --from."),
        date_to: Optional[str] = Query(None, alias="to", description="Events on or before this date (YYYY-MM-DD), as tidings events --to."),
        date_from_name: Optional[str] = Query(None, alias="date_from", description="The same as from (the name answers and Store.events use)."),
        date_to_name: Optional[str] = Query(None, alias="date_to", description="The same as to (the name answers and Store.events use)."),
        place: Optional[str] = Query(None, description="Place name (part of it) or country code of the location."),
        min_confidence: Optional[str] = Query(None, description="Only events with at least this confidence (0..1)."),
        happened: Optional[str] = Query(happened_default, description=happened_help),
        text: Optional[str] = Query(None, description="Text the evidence sentence contains."),
        story_id: Optional[str] = Query(None, description="Events of this story."),
        candidates: Optional[str] = Query(None, description="all: only events of stories coded with `tidings code --all-candidates` (every event found); default: only those of stories coded with the default output (and of stories stored before the store recorded it); as `tidings events --candidates`. Without it, a store holding both mixes them. Any other value is a T405 error (HTTP 400)."),
    ) -> dict[str, Any]:
        # a blank happened= (a form's empty field) means the default, as for the others
        if happened is None or not str(happened).strip():
            happened = happened_default
        date_from = _one_of("from", date_from, "date_from", date_from_name)
        date_to = _one_of("to", date_to, "date_to", date_to_name)
        return clean_filters(actor=actor, recipient=recipient, dyad=dyad,
                             event_type=type, mode=mode, context=context,
                             date_from=date_from, date_to=date_to, place=place,
                             min_confidence=min_confidence, happened=happened, text=text,
                             story_id=story_id, all_candidates=candidates_filter(candidates))

    return filters


#: The filters of ``tidings events``, as query parameters (blank ones ignored):
#: returns the filters to pass to :meth:`tidings.store.Store.events`. ``happened`` is
#: not given unless asked for (every event).
event_filters = _filters_dependency(None)
#: The same filters for the dyad counts (``/api/dyads``, ``/api/dyads/{pair}`` and their
#: pages), where ``happened`` defaults to true, as in ``tidings dyads``: negated and
#: hypothetical events are not counted unless ``happened=false``.
dyad_filters = _filters_dependency("true")
