"""Reading the store: events with their entities as Arrow tables or contract records,
stored stories, failures and row counts (the query side of :class:`tidings.store.Store`;
dyad counts are :mod:`tidings.store.dyads`'). Filters are checked and translated by
:mod:`tidings.store.filters`.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any

import duckdb
import pyarrow as pa

from tidings.actors import country_codes, igo_codes
from tidings.errors import StoreError
from tidings.records import Story

from .db import arrow, fetch_one
from .filters import check_per, selection, where_clause
from .schema import ENTITY_FIELDS, ROLES

#: Orders of :meth:`Store.events`: name -> ORDER BY over its ``sel`` rows (and the
#: ``stories st`` row of each).
ORDERS: dict[str, str] = {
    "date": "sel.date_start, sel.event_id",
    # the newest news first (an event dated 2050 by "by 2050" is not news): stories by
    # publication date, then their events by confidence
    "newest": "st.pub_date DESC NULLS LAST, sel.confidence DESC, sel.date_start DESC, "
              "sel.event_id",
    "confidence": "sel.confidence DESC, sel.date_start DESC, sel.event_id",
}


def record(row: dict[str, Any], with_cluster: bool = False) -> dict[str, Any]:
    """Rebuild the contract record of an event from a row of :meth:`Store.events`."""
    location = None
    if row["location_text"] is not None:
        location = {"text": row["location_text"], "name": row["location_name"],
                    "country": row["location_country"], "admin1": row["location_admin1"],
                    "lat": row["location_lat"], "lon": row["location_lon"],
                    "geonames_id": row["location_geonames_id"],
                    "feature": row["location_feature"]}

    def ents(items: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
        return [{k: it[k] for k in ENTITY_FIELDS} for it in items or []]

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
                 "end": row["date_end"].isoformat(), "granularity": row["granularity"],
                 "source": row["date_source"]},
        "location": location,
        "quad_class": row["quad_class"],
        "confidence": round(float(row["confidence"]), 4),
        "cameo": row["cameo"],
        "claimed_by": ents(row["claimed_by"]),
        "rules": list(row.get("rules") or []),
    }
    if with_cluster:
        rec["cluster_id"] = row.get("cluster_id")
        rec["cluster_size"] = row.get("cluster_size")
        rec["cluster_story_ids"] = sorted(row.get("cluster_story_ids") or [])
    return rec


class QueryMixin:
    """The reading methods of :class:`tidings.store.Store` (which provides ``con`` and
    ``_lock``)."""

    con: duckdb.DuckDBPyConnection
    _lock: threading.RLock

    def failures(self) -> pa.Table:
        """Return the failures table (story_id, origin, stage, code, message, failed_at)."""
        with self._lock:
            return arrow(self.con, "SELECT * FROM failures ORDER BY failed_at, origin")

    def stats(self) -> dict[str, int]:
        """Return row counts: ``stories``, ``events``, ``entities``, ``failures``,
        ``clusters`` (distinct clusters, counting unclustered events as their own)."""
        with self._lock:
            con = self.con
            out = {t: int(fetch_one(con, f"SELECT count(*) FROM {t}")[0])
                   for t in ("stories", "events", "entities", "failures")}
            out["clusters"] = int(fetch_one(
                con, "SELECT count(DISTINCT coalesce(cluster_id, event_id)) FROM events")[0])
        return out

    def coded_outputs(self) -> dict[str, Any]:
        """Say which output the stored stories were coded for (``stories.all_candidates``).

        Returns:
            ``{"all_candidates": n, "default": n, "unrecorded": n, "thresholds": [..]}``:
            how many stories were coded with ``--all-candidates`` (every event found),
            with the default output (events whose confidence reaches the threshold), and
            before the store recorded it (schema version 5; queries count them as the
            default output); ``thresholds``, the distinct default-output thresholds
            recorded (0..1, ascending). A store holding both outputs mixes them in every
            query unless the ``all_candidates`` filter picks one (docs/store.md).
        """
        # one query: the REST API answers every event query with these counts (r21h);
        # fetchall, as fetchone leaves the result open on the store's connection
        with self._lock:
            every, default, unrecorded, th = self.con.execute(
                "SELECT count(*) FILTER (WHERE all_candidates), count(*) FILTER (WHERE NOT all_candidates), "
                "count(*) FILTER (WHERE all_candidates IS NULL), "
                "list_sort(list(DISTINCT threshold) FILTER (WHERE threshold IS NOT NULL)) "
                "FROM stories").fetchall()[0]
        return {"all_candidates": int(every), "default": int(default), "unrecorded": int(unrecorded),
                "thresholds": [float(t) for t in th or ()]}

    def stories(self, exclude_version: str | None = None) -> Iterator[Story]:
        """Yield the stored stories, e.g. to re-code them with a newer pipeline.

        Args:
            exclude_version: skip stories already coded by this pipeline version.

        Returns:
            An iterator of :class:`~tidings.records.Story` in story id order.
        """
        sql = ("SELECT story_id, text, pub_date, title, source, url, language, "
               "translated_from, meta, origin, input FROM stories")
        params: list[Any] = []
        if exclude_version is not None:
            sql += " WHERE pipeline_version <> ?"
            params.append(exclude_version)
        with self._lock:
            rows = self.con.execute(sql + " ORDER BY story_id", params).fetchall()
        for r in rows:
            yield Story(id=r[0], text=r[1], pub_date=r[2], title=r[3], source=r[4],
                        url=r[5], language=r[6], translated_from=r[7],
                        meta=json.loads(r[8]) if r[8] else {}, origin=r[9] or "",
                        input_path=r[10])

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
                latest); see :data:`ORDERS`.
            **filters: any of ``actor``, ``recipient`` (an ISO3 country / IGO code such
                as ``"USA"`` or ``"EU"``, matched exactly, or else a case-insensitive
                substring of the entity's name or text), ``dyad`` (``"USA-AZE"``: an
                actor from the first country and a recipient from the second),
                ``event_type`` (PLOVER type, or a list), ``mode``, ``context``,
                ``date_from`` / ``date_to`` (``YYYY-MM-DD``; events whose date range
                overlaps), ``place`` (country code, or substring of location name or
                text), ``min_confidence`` (0..1), ``happened`` (True: only events
                whose ``aux_modes`` hold neither ``negation`` nor ``hypothetical``, i.e.
                acts that happened; future and historical acts stay; False or None: every
                event; the strings ``"true"``/``"false"`` also do), ``text`` (substring
                of the evidence sentence), ``story_id``, ``undated_historical`` (False:
                leave out ``historical`` events that have no date of their own, dated by
                the story's publication), ``undated`` (True: only events nothing dated,
                dated by the day of coding; False: none of them), ``all_candidates`` (True: only events of
                stories coded with ``--all-candidates``; False: only those of stories
                coded with the default output, or stored before the store recorded it).
                None values are ignored.

        Returns:
            ``pyarrow.Table`` with one row per event, in ``order``:
            every ``events`` column, plus ``actor``, ``recipient`` and ``claimed_by``
            as lists of entity structs (text, name, country, sector, igo, kb_id), and
            ``all_candidates`` (bool, or None when not recorded) and ``threshold`` (the
            default output's confidence threshold then) of the event's story.
            ``.to_pandas()`` gives a data frame.

        Raises:
            StoreError: ``T405`` for an unknown filter or a bad filter value, or an
                unknown ``order``.
        """
        sql, params = self._events_sql(per, limit, filters, order)
        with self._lock:
            return arrow(self.con, sql, params)

    def count(self, per: str = "event", **filters: Any) -> int:
        """Return how many events (or clusters, with ``per="cluster"``) match the
        filters of :meth:`events`, without reading them."""
        check_per(per)
        where, params = where_clause(filters, self._known_code)
        with self._lock:
            return int(fetch_one(self.con, f"SELECT count(*) FROM ({selection(where, per)})",
                                 params)[0])

    def records(self, per: str = "event", limit: int | None = None, order: str = "date",
                **filters: Any) -> Iterator[dict[str, Any]]:
        """Yield matching events as contract records (``Event.to_dict()`` objects).

        Same arguments as :meth:`events`. With ``per="cluster"`` each record also has
        ``cluster_id``, ``cluster_size`` and ``cluster_story_ids``.
        """
        table = self.events(per=per, limit=limit, order=order, **filters)
        for row in table.to_pylist():
            yield record(row, with_cluster=(per == "cluster"))

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
        check_per(per)
        if order not in ORDERS:
            raise StoreError("T405", f"unknown order {order!r}", "use " + ", ".join(ORDERS))
        where, params = where_clause(filters, self._known_code)
        ent = ", ".join(f"{f} := n.{f}" for f in ENTITY_FIELDS)
        role_lists = ",\n".join(
            f"coalesce(list(struct_pack({ent}) ORDER BY n.position) "
            f"FILTER (WHERE n.role = '{role}'), []) AS {role}" for role in ROLES)
        sql = f"""
            WITH sel AS ({selection(where, per)}),
            ents AS (
                SELECT n.event_id, {role_lists}
                FROM entities n WHERE n.event_id IN (SELECT event_id FROM sel)
                GROUP BY n.event_id
            )
            SELECT sel.*,
                   coalesce(ents.actor, []) AS actor,
                   coalesce(ents.recipient, []) AS recipient,
                   coalesce(ents.claimed_by, []) AS claimed_by,
                   st.all_candidates AS all_candidates, st.threshold AS threshold
            FROM sel LEFT JOIN ents ON ents.event_id = sel.event_id
                     LEFT JOIN stories st ON st.story_id = sel.story_id
            ORDER BY {ORDERS[order]}
        """
        if limit is not None:
            if int(limit) < 0:
                raise StoreError("T405", f"limit must be 0 or more, not {limit}")
            sql += f" LIMIT {int(limit)}"
        return sql, params
