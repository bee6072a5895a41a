"""Clustering: linking the events that several stories report about the same
happening (``events.cluster_id``), so queries can count per event or per cluster."""

from __future__ import annotations

import threading
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

import duckdb
import pyarrow as pa

from tidings.errors import StoreError

from .db import rollback

#: Days before its story's publication that an act dated only by that publication
#: (``date_source`` ``publication``: a headline, or a sentence with no date phrase) may
#: have happened, for linking it to other reports (issue 16, twenty-seventh round): a
#: wire story of Wednesday tells Monday's expulsion "on Monday", its headline of the same
#: Wednesday carries no day and was dated Wednesday, and the two never overlapped, so a
#: feed of headlines and stories counted each act twice. News reports an act within a
#: few days (the guide's "last week" is the most a lead says without a date); an act is
#: never reported before it happened, so the range widens backwards only.
PUBLICATION_LAG_DAYS = 3


def _day(value: Any) -> Any:
    """A ``date`` for a date or an ISO ``YYYY-MM-DD`` string; anything else unchanged."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return value
    return value


def linking_range(start: Any, end: Any, source: str | None) -> tuple[Any, Any]:
    """The ``(start, end)`` days within which an event may be linked to another report.

    Args:
        start, end: the event's ``date_start`` and ``date_end`` (``datetime.date`` or ISO
            strings).
        source: its ``date_source`` (``sentence``, ``story`` or ``publication``; None for
            rows from before migration 3).
    Returns:
        ``(start, end)`` as dates; for an event dated by its story's publication the
        start is :data:`PUBLICATION_LAG_DAYS` days earlier (the act may have happened
        before it was published), else the event's own range.
    """
    start, end = _day(start), _day(end)
    if source == "publication" and isinstance(start, date):
        start = start - timedelta(days=PUBLICATION_LAG_DAYS)
    return start, end

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


def cluster_ids(rows: list[tuple[Any, ...]]) -> dict[str, str]:
    """Union-find over candidate pairs; return ``{event_id: cluster_id}``.

    Two clusters are joined only when every place of one is compatible with every place
    of the other (:func:`places_compatible`), not only the two events that link them:
    a report with no place or a country-level one ("drones attacked Ukrainian cities")
    may join the attack on Kyiv or the one on Odesa, never both into one cluster
    (seventeenth round: before, such a report chained two attacks on two cities the
    same day into one happening).

    Dates overlap by :func:`linking_range`: an event dated only by its story's
    publication may be linked to a report of the days just before it.

    Args:
        rows: ``(event_id, story_id, event_type, date_start, date_end, location_name,
            location_country, location_feature, location_geonames_id, actor_keys,
            recipient_keys[, date_source])`` per event (the query of
            :meth:`ClusterMixin.cluster`); without ``date_source`` every range is the
            event's own.
    """
    parent: dict[str, str] = {}
    #: the distinct known places of each cluster, by its root
    places: dict[str, list[tuple[Any, ...]]] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if rx == ry or not all(places_compatible(a, b) for a in places[rx] for b in places[ry]):
            return
        if ry < rx:
            rx, ry = ry, rx
        parent[ry] = rx
        places[rx] = list(dict.fromkeys([*places[rx], *places.pop(ry)]))

    groups: dict[tuple[Any, ...], list[tuple[Any, ...]]] = defaultdict(list)
    for r in rows:
        parent[r[0]] = r[0]
        known = r[5] is not None or r[6] is not None
        places[r[0]] = [(r[5], r[6], r[7], r[8])] if known else []
        akeys = tuple(sorted(r[9] or ()))
        rkeys = tuple(sorted(r[10] or ()))
        if akeys or rkeys:
            start, end = linking_range(r[3], r[4], r[11] if len(r) > 11 else None)
            groups[(r[2], akeys, rkeys)].append((start, end, r))
    for members in groups.values():
        members.sort(key=lambda m: (m[0], m[2][0]))
        active: list[tuple[Any, ...]] = []
        for start, end, r in members:
            active = [x for x in active if x[0] >= start]     # still overlapping
            place_r = (r[5], r[6], r[7], r[8])
            for _, x in active:
                if x[1] != r[1] and places_compatible((x[5], x[6], x[7], x[8]), place_r):
                    union(x[0], r[0])
            active.append((end, r))
    # cluster id = smallest event id in the cluster (the union keeps it as root)
    return {eid: find(eid) for eid in parent}


class ClusterMixin:
    """The ``cluster`` method of :class:`tidings.store.Store` (which provides ``con``,
    ``path``, ``read_only`` and ``_lock``)."""

    con: duckdb.DuckDBPyConnection
    path: str
    read_only: bool
    _lock: threading.RLock

    def cluster(self) -> dict[str, int]:
        """Link events that different stories report about the same happening.

        Two events from different stories are linked when they have the same event
        type, the same set of actor keys and the same set of recipient keys (an
        entity's key is its country, else its IGO code), overlapping
        ``[date_start, date_end]`` ranges (an event dated only by its story's
        publication reaching :data:`PUBLICATION_LAG_DAYS` days back), and compatible places
        (:func:`places_compatible`: every place of the two clusters joined, so an
        unplaced report does not chain two cities' attacks). Events whose actors and recipients have no key
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
                            IS NOT NULL) AS rkeys,
                       e.date_source
                FROM events e LEFT JOIN entities n ON n.event_id = e.event_id
                GROUP BY ALL
            """).fetchall()
            ids = cluster_ids(rows)
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
                rollback(con)
                raise
            finally:
                con.unregister("_tidings_clusters")
        sizes: dict[str, int] = defaultdict(int)
        for cid in ids.values():
            sizes[cid] += 1
        return {"events": len(ids), "clusters": len(sizes),
                "linked": sum(s for s in sizes.values() if s > 1)}
