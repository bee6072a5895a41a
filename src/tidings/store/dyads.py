"""Dyad counts (the dyad side of :class:`tidings.store.Store`): events per period,
actor party and recipient party (``tidings dyads``, ``/api/dyads``), and the same
counts over all periods as the edges of the explorer's actor network
(:meth:`DyadsMixin.dyad_pairs`, ``/api/network``), from one SQL query, so that the
network and the dyads count the same events the same way (twenty-fourth round: the
network counted historical events with no date of their own and left out joint
meetings, which the dyads count for each pair). Filters are checked and translated by
:mod:`tidings.store.filters`.
"""

from __future__ import annotations

import threading
from typing import Any

import duckdb
import pyarrow as pa

from tidings.errors import StoreError

from .db import arrow, fetch_one
from .filters import (MEDIATOR_RULE, MUTUAL_RULE, MUTUAL_TYPES, PARTY_KEY, check_per, code_value,
                      happened_value, parse_dyad, same_codes, selection, where_clause)

#: Periods accepted by :meth:`Store.dyads`.
PERIODS: tuple[str, ...] = ("day", "week", "month", "year")
#: How :meth:`Store.dyads` counts an event whose ``[date_start, date_end]`` spans more
#: than one period ("since 2022", "from 2021 to 2023" by year; "last week" by day):
#: ``start`` in its start's period (the default), ``end`` in its end's period (where an
#: open range "since X" ends: the publication date), ``skip`` not at all.
SPANNING: tuple[str, ...] = ("start", "end", "skip")
#: The period :meth:`Store.dyads` and ``tidings dyads`` count by: event data are read
#: as monthly counts first (the README's example), and a coded date is often a week or
#: a month ("last week", "in March"), which a day cannot hold.
DEFAULT_PERIOD = "month"


class DyadsMixin:
    """The dyad counts of :class:`tidings.store.Store` (which provides ``con``,
    ``_lock`` and ``_known_code``)."""

    con: duckdb.DuckDBPyConnection
    _lock: threading.RLock

    def dyads(self, period: str = DEFAULT_PERIOD, per: str = "event", happened: Any = True,
              spanning: str = "start", undated_historical: Any = False, undated: Any = False,
              undirected: bool = False, **filters: Any) -> pa.Table:
        """Count events per period, actor country, recipient country and quad class.

        A party's "country" is its country, else its IGO code (``EU``-``IRN``; ``PARTY_KEY``);
        events with no actor country are left out (docs/store.md, ``tidings dyads``). An
        event counts once per (actor, recipient) pair; with no recipient, under NULL,
        unless it is a reciprocal act (:data:`MUTUAL_TYPES`, "Armenia and Azerbaijan
        signed a deal": docs/annotation.md section 6; or a fight the coder marks as
        two-sided, :data:`MUTUAL_RULE`: "Thai and Cambodian troops exchanged fire") of
        two actor countries or more,
        which counts for each ordered pair of them, and which ``dyad`` and ``recipient``
        find by those pairs. It counts in the period of its ``date_start`` (``spanning``:
        ranges over periods). By default only acts that happened ("Iran did not attack
        Saudi Arabia" is no IRN-SAU conflict) and whose period is known: a ``historical``
        act counts at its own date ("in 2008 ..."), one with none is left out (filter
        ``undated_historical``), and so is one that nothing dated (filter ``undated``;
        :meth:`dyads_undated`), whose story has no publication date.

        Args:
            period: ``"day"``, ``"week"`` (weeks start on Monday), ``"month"`` (the
                default) or ``"year"``.
            per: ``"event"`` counts events; ``"cluster"`` counts each cluster once, in
                the period and dyads of its representative event (see :meth:`events`).
            happened: True (the default): leave out negated and hypothetical events
                (filter ``happened``); False or None: count every event.
            spanning: an event whose ``[date_start, date_end]`` lies in more than one
                period (:data:`SPANNING`): ``"start"`` counts it in its start's period,
                ``"end"`` in its end's (an open range "since 2022" ends at publication),
                ``"skip"`` leaves it out (docs/store.md).
            undated_historical: False (the default): leave out historical events dated
                only by the story's publication; True or None: count them there.
            undated: False (the default): leave out events that nothing dated (filter
                ``undated``); True or None: count them in the day of coding's period.
            undirected: count each unordered pair once: ISR->LBN and LBN->ISR acts under
                one row, and a joint act of the two (counted for ISR-LBN and for
                LBN-ISR when directed) once; ``dyad`` A-B then selects both directions
                (a fresh analyst, twenty-ninth round: summing the two directed rows
                counted every joint meeting twice).
            **filters: as in :meth:`events`.

        Returns:
            ``pyarrow.Table`` with columns ``period`` (date, first day of the period),
            ``actor_country``, ``recipient_country`` (ISO3 country or IGO code),
            ``quad_class``, ``n`` (int64), ordered by those columns; with ``undirected``
            ``party_a`` and ``party_b`` (the two codes in alphabetical order; ``party_b``
            null for an act with no recipient party) instead of the two countries.

        Raises:
            StoreError: ``T405`` for a bad period, ``per``, ``spanning`` or filter.
        """
        sql, params = self._dyads_sql(period, per, spanning, {
            **filters, "happened": happened, "undated_historical": undated_historical,
            "undated": False if happened_value(undated, "undated") is False else None},
            undirected=undirected)
        with self._lock:
            return arrow(self.con, sql, params)

    def dyads_undated(self, period: str = DEFAULT_PERIOD, per: str = "event",
                      happened: Any = True, spanning: str = "start",
                      undated_historical: Any = False, paired: bool = False,
                      undirected: bool = False, **filters: Any) -> int:
        """Return how many events (clusters) :meth:`dyads` with these arguments leaves
        out as undated: their stories have no publication date and nothing dated them, so
        they carry the day of coding (filter ``undated``). ``paired``: only those that
        would count for a pair of parties (a recipient party, or a joint act of two actor
        parties), the ones :meth:`dyad_pairs` leaves out; ``undirected``: as for
        :meth:`dyads` (``dyad`` A-B in both directions). Raises ``T405`` as ``dyads``."""
        sql, params = self._dyads_sql(period, per, spanning, {
            **filters, "happened": happened, "undated_historical": undated_historical,
            "undated": True}, shape="paired_count" if paired else "count", undirected=undirected)
        with self._lock:
            return int(fetch_one(self.con, sql, params)[0])

    def dyad_pairs(self, per: str = "event", happened: Any = True,
                   undated_historical: Any = False, undated: Any = False,
                   **filters: Any) -> pa.Table:
        """Count events per (actor party, recipient party) pair and quad class over all
        periods: the rows of :meth:`dyads` with a recipient, summed over periods (the
        edges of the explorer's network, ``/api/network``), counted by the same query
        with the same defaults (only acts that happened; historical events with no date
        of their own and events nothing dated left out; a joint meeting, agreement or
        cooperation with no recipient counts for each ordered pair of its actor
        parties), so that the network's edge weights equal ``tidings dyads`` counts
        for the same filters (docs/store.md, ``tidings dyads``).

        Args:
            per, happened, undated_historical, undated, **filters: as for :meth:`dyads`.

        Returns:
            ``pyarrow.Table`` with columns ``actor_country``, ``recipient_country`` (a
            party's country, else its IGO code), ``quad_class``, ``n`` (int64: events,
            or clusters with ``per="cluster"``), ``actor_is_country`` and
            ``recipient_is_country`` (bool: whether the key is a country code, not an
            IGO's), ordered by the pair and quad class.

        Raises:
            StoreError: ``T405`` for a bad ``per`` or filter.
        """
        sql, params = self._dyads_sql(DEFAULT_PERIOD, per, "start", {
            **filters, "happened": happened, "undated_historical": undated_historical,
            "undated": False if happened_value(undated, "undated") is False else None},
            shape="pairs")
        with self._lock:
            return arrow(self.con, sql, params)

    def _dyads_sql(self, period: str, per: str, spanning: str, filters: dict[str, Any],
                   shape: str = "periods", undirected: bool = False) -> tuple[str, list[Any]]:
        """The SQL of :meth:`dyads` and its parameters; ``shape``: ``"periods"`` (the
        rows of :meth:`dyads`), ``"count"`` (their event count), ``"pairs"`` (the rows
        with a recipient, over all periods: :meth:`dyad_pairs`), ``"paired_count"``
        (the event count of those); ``undirected``: see :meth:`dyads`."""
        if period not in PERIODS:
            raise StoreError("T405", f"unknown period {period!r}",
                             "use one of: " + ", ".join(PERIODS))
        if spanning not in SPANNING:
            raise StoreError("T405", f"unknown spanning {spanning!r}",
                             "use one of: " + ", ".join(SPANNING))
        check_per(per)
        first = f"date_trunc('{period}', e.date_start)"
        last = f"date_trunc('{period}', coalesce(e.date_end, e.date_start))"
        dyad = filters.get("dyad")
        where, params = self._dyads_where(filters, dyad if undirected else None)
        # an event with several recipients selected by --dyad USA-CHN must count only
        # the USA-CHN pair, not its USA-MEX and USA-CAN pairs
        # a.country: the party's key (PARTY_KEY); KOS is stored as XKX (same_codes)
        pairs = list(zip("ar", parse_dyad(dyad))) if dyad else []
        for key, alias in (("actor", "a"), ("recipient", "r")):
            code = code_value(str(filters.get(key) or ""), key, self._known_code)
            if code is not None:                  # "usa", "EU", "CARICOM": a code
                pairs.append((alias, code))
        conds, pair_params = [], []
        for alias, code in pairs:
            codes = same_codes(code.strip())
            conds.append(f"{alias}.country IN ({', '.join('?' for _ in codes)})")
            pair_params.extend(codes)
        if undirected and dyad:   # either direction of the pair
            (a_codes, r_codes), held = [same_codes(c.strip()) for c in parse_dyad(dyad)], conds[:2]
            conds[:2] = [f"(({held[0]} AND {held[1]}) OR (a.country IN ({', '.join('?' for _ in r_codes)}) "
                         f"AND r.country IN ({', '.join('?' for _ in a_codes)})))"]
            pair_params[len(a_codes) + len(r_codes):len(a_codes) + len(r_codes)] = list(r_codes) + list(a_codes)
        if spanning == "skip":
            conds.append(f"{first} = {last}")
        pair_where = ("WHERE " + " AND ".join(conds)) if conds else ""
        params = list(params) + list(MUTUAL_TYPES) + [MUTUAL_RULE, MEDIATOR_RULE] + pair_params
        mutual_in = ", ".join("?" for _ in MUTUAL_TYPES)
        count_only = shape in ("count", "paired_count")
        if shape in ("pairs", "paired_count"):  # both ends of an edge
            pair_where += (" AND " if pair_where else "WHERE ") + "r.country IS NOT NULL"
        one, two = ("actor_country", "recipient_country") if not undirected else ("party_a", "party_b")
        key_a, key_b = ("a.country", "r.country") if not undirected else (
            "CASE WHEN r.country < a.country THEN r.country ELSE a.country END",
            "CASE WHEN r.country < a.country THEN a.country ELSE r.country END")
        columns = "count(DISTINCT e.event_id)" if count_only else (
            "a.country AS actor_country, r.country AS recipient_country, e.quad_class, "
            "count(DISTINCT e.event_id) AS n, bool_or(a.is_country) AS actor_is_country, "
            "bool_or(r.is_country) AS recipient_is_country") if shape == "pairs" else (
            f"CAST({last if spanning == 'end' else first} AS DATE) AS period, {key_a} AS {one}, "
            f"{key_b} AS {two}, e.quad_class, count(DISTINCT e.event_id) AS n")
        grouping = "" if count_only else (
            "GROUP BY actor_country, recipient_country, e.quad_class "
            "ORDER BY actor_country, recipient_country, e.quad_class") if shape == "pairs" else (
            f"GROUP BY ALL ORDER BY period, {one}, {two} NULLS LAST, quad_class")
        sql = f"""
            WITH sel AS ({selection(where, per)}),
            a AS (SELECT DISTINCT event_id, {PARTY_KEY} AS country,
                         entities.country IS NOT NULL AS is_country FROM entities
                  WHERE role = 'actor' AND {PARTY_KEY} IS NOT NULL),
            rr AS (SELECT DISTINCT event_id, {PARTY_KEY} AS country,
                          entities.country IS NOT NULL AS is_country FROM entities
                   WHERE role = 'recipient' AND {PARTY_KEY} IS NOT NULL),
            m AS (SELECT a.event_id FROM a JOIN sel s ON s.event_id = a.event_id
                  WHERE (s.event_type IN ({mutual_in}) OR list_contains(coalesce(s.rules, []), ?))
                    AND NOT list_contains(coalesce(s.rules, []), ?)
                    AND a.event_id NOT IN (SELECT event_id FROM rr)
                  GROUP BY a.event_id HAVING count(DISTINCT a.country) > 1),
            r AS (SELECT event_id, country, is_country, false AS mutual FROM rr
                  UNION ALL
                  SELECT a.event_id, a.country, a.is_country, true AS mutual
                  FROM a JOIN m ON m.event_id = a.event_id)
            SELECT {columns}
            FROM sel e JOIN a ON a.event_id = e.event_id
                       LEFT JOIN r ON r.event_id = e.event_id AND NOT (r.mutual AND r.country = a.country)
            {pair_where}
            {grouping}
        """
        return sql, params

    def _dyads_where(self, filters: dict[str, Any], either_way: str | None) -> tuple[str, list[Any]]:
        """:func:`where_clause` of ``filters``; with ``either_way`` (a dyad A-B), its
        ``dyad`` selects the events of A-B or of B-A (``dyads(undirected=True)``)."""
        if not either_way:
            return where_clause(filters, self._known_code, MUTUAL_TYPES)
        rest = {k: v for k, v in filters.items() if k != "dyad"}
        where, params = where_clause(rest, self._known_code, MUTUAL_TYPES)
        one, two = parse_dyad(either_way)
        ab, p_ab = where_clause({"dyad": f"{one}-{two}"}, self._known_code, MUTUAL_TYPES)
        ba, p_ba = where_clause({"dyad": f"{two}-{one}"}, self._known_code, MUTUAL_TYPES)
        return f"({where}) AND (({ab}) OR ({ba}))", list(params) + list(p_ab) + list(p_ba)
