"""What the explorer and the REST API show: plain functions over a read-only Store.

Every function takes an open :class:`tidings.store.Store` and returns a JSON-ready
``dict``. The REST endpoint (``/api/...``), the HTML page and the page's JSON twin
(``....json``) all call the same function, so the three always agree. Nothing here
imports FastAPI or spaCy.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import Any

from tidings.store import DEFAULT_PERIOD, ILIKE, Store, contains_pattern
from tidings.store.codes import CODE_RE
from tidings.store.filters import happened_value

from .errors import BadRequest, NotFound

#: Quad classes in display order (PLOVER manual, quad categories).
QUAD_CLASSES: tuple[str, ...] = ("verbal_cooperation", "material_cooperation",
                                 "verbal_conflict", "material_conflict")


def entity_label(ent: dict[str, Any]) -> str:
    """Return ``"Name (CODE)"`` for an entity dict (its country or IGO code, if any)."""
    label = ent.get("name") or ent.get("text") or "?"
    code = ent.get("country") or ent.get("igo")
    return f"{label} ({code})" if code and code not in label else label


def stats(store: Store) -> dict[str, Any]:
    """Return the store's row counts, schema version and the outputs its stories were
    coded for (``outputs``: :meth:`Store.coded_outputs`)."""
    from tidings import PIPELINE_VERSION, __version__

    return {"ok": True, "stats": store.stats(), "schema_version": store.schema_version(),
            "tidings_version": __version__, "pipeline_version": PIPELINE_VERSION,
            "outputs": store.coded_outputs()}


#: How an API reader takes one output (the ``candidates`` parameter), in the warning
#: of a store that mixes them.
CANDIDATES_PICK = "candidates=default or candidates=all to the query"


def output_notes(store: Store, filters: dict[str, Any]) -> dict[str, Any]:
    """What an event query's answer says about the outputs the store's stories were
    coded for, in one query (:meth:`Store.coded_outputs`).

    A store may hold stories coded with ``tidings code --all-candidates`` (every event
    found, whatever its confidence) beside stories coded with the default output; a
    query without the ``candidates`` filter mixes their events. ``tidings events``,
    ``dyads`` and ``export`` warn on stderr then
    (:func:`tidings.query_cli.mixed_outputs_warning`); the API says it in its answer.

    Args:
        store: an open store.
        filters: the query's filters (``all_candidates`` set when ``candidates`` was given).

    Returns:
        ``{"outputs": {"all_candidates", "default", "unrecorded", "thresholds"},
        "warnings": [str]}``: ``outputs`` counts the stories per output (``unrecorded``:
        stored before the store recorded it; queries count them as the default output);
        ``warnings`` holds the command line's warning, naming the ``candidates``
        parameter, when the store mixes both outputs and no ``candidates`` filter picks
        one, else nothing.
    """
    from tidings.query_cli import mixed_outputs_warning

    counts = store.coded_outputs()
    msg = None if filters.get("all_candidates") is not None else \
        mixed_outputs_warning(None, counts, pick=CANDIDATES_PICK)
    return {"outputs": counts, "warnings": [msg] if msg else []}


#: Orders of the event list: the API's ``sort`` value -> :meth:`Store.events` ``order``.
SORTS: dict[str, str] = {"newest": "newest", "confidence": "confidence", "oldest": "date"}


def list_events(store: Store, filters: dict[str, Any], per: str = "event",
                limit: int = 100, offset: int = 0, sort: str = "newest") -> dict[str, Any]:
    """Return one page of events matching the filters, as contract records.

    Args:
        store: an open store.
        filters: as for :meth:`Store.events` (see :func:`clean_filters`).
        per: ``"event"`` or ``"cluster"`` (one event per cluster, with ``cluster_size``).
        limit: events per page (>= 0).
        offset: events to skip (>= 0).
        sort: ``"newest"`` (events of the latest published stories first, the more
            confident first among a day's stories),
            ``"confidence"`` (most confident first) or ``"oldest"`` (:data:`SORTS`).

    Returns:
        ``{"ok", "total", "count", "limit", "offset", "per", "sort", "filters",
        "events"}``; ``events`` holds contract records (``shared/spec/events.md``) in
        that order (then by event id).

    Raises:
        StoreError: ``T405`` for a bad filter value (HTTP 400).
    """
    if sort not in SORTS:
        raise BadRequest(f"unknown sort {sort!r}: use " + ", ".join(SORTS))
    total = store.events(per=per, **filters).num_rows
    records = list(store.records(per=per, limit=offset + limit, order=SORTS[sort],
                                 **filters))[offset:]
    return {"ok": True, "total": total, "count": len(records), "limit": limit,
            "offset": offset, "per": per, "sort": sort, "filters": filters,
            "events": records}


def _story_row(store: Store, story_id: str) -> dict[str, Any]:
    # all_candidates, threshold: the output the story was coded for (its events are
    # every candidate when true; NULL before the store recorded it, docs/store.md)
    row = store.con.execute(
        "SELECT story_id, title, pub_date, source, url, language, translated_from, "
        "origin, all_candidates, threshold, text FROM stories WHERE story_id = ?", [story_id]).fetchall()
    if not row:
        raise NotFound(f"no story {story_id!r} in the store")
    keys = ("story_id", "title", "pub_date", "source", "url", "language",
            "translated_from", "origin", "all_candidates", "threshold", "text")
    return dict(zip(keys, row[0]))


def highlight(text: str, start: int, end: int, sentence: str,
              trigger: str | None = None) -> dict[str, Any]:
    """Split a story text around its evidence sentence, for highlighting.

    Args:
        text: the story text.
        start, end: the evidence span (character offsets, ``text[start:end] ==
            sentence`` per the event contract).
        sentence: the evidence sentence (used to find the span when the offsets do
            not point at it, e.g. a story stored by an older tidings).
        trigger: the trigger word(s), marked inside the sentence when found there.

    Returns:
        ``{"before", "evidence_before", "trigger", "evidence_after", "after",
        "start", "end", "exact"}``; the five text parts joined give ``text`` back;
        ``exact`` says whether the stored offsets matched the sentence.
    """
    exact = 0 <= start <= end <= len(text) and text[start:end] == sentence
    if not exact:
        found = text.find(sentence) if sentence else -1
        if found >= 0:
            start, end = found, found + len(sentence)
        else:
            start = end = 0
    evidence = text[start:end]
    t0 = t1 = 0
    if trigger:
        i = evidence.lower().find(trigger.lower())
        if i >= 0:
            t0, t1 = i, i + len(trigger)
    return {"before": text[:start], "evidence_before": evidence[:t0],
            "trigger": evidence[t0:t1], "evidence_after": evidence[t1:],
            "after": text[end:], "start": start, "end": end, "exact": exact}


def event_detail(store: Store, event_id: str) -> dict[str, Any]:
    """Return one event with its story, the evidence and related events.

    Args:
        store: an open store.
        event_id: the event's id.

    Returns:
        ``{"ok", "event" (contract record), "cluster_id", "story" (metadata and
        text), "evidence" (see :func:`highlight`), "story_events" (the story's other
        events, short), "cluster_events" (events of other stories in the same
        cluster, short), "undated" (True when nothing dated the event: the story has
        no publication date and the event's date, ``source`` ``publication``, is the
        day it was coded; filter ``undated`` of :meth:`Store.events`)}``.

    Raises:
        NotFound: when no event has this id.
    """
    row = store.con.execute("SELECT story_id, cluster_id FROM events WHERE event_id = ?",
                            [event_id]).fetchall()
    if not row:
        raise NotFound(f"no event {event_id!r} in the store")
    story_id, cluster_id = row[0]
    records = list(store.records(story_id=story_id))
    event = next(r for r in records if r["event_id"] == event_id)
    story = _story_row(store, story_id)
    a, b = event["evidence_span"]
    evidence = highlight(story["text"], a, b, event["sentence"], event["trigger"])
    cluster: list[dict[str, Any]] = []
    if cluster_id is not None:
        rows = store.con.execute(
            "SELECT event_id, story_id FROM events WHERE cluster_id = ? AND story_id <> ? "
            "ORDER BY event_id", [cluster_id, story_id]).fetchall()
        cluster = [{"event_id": r[0], "story_id": r[1]} for r in rows]
    return {"ok": True, "event": event, "cluster_id": cluster_id, "story": story,
            "evidence": evidence,
            "story_events": [_short(r) for r in records if r["event_id"] != event_id],
            "cluster_events": cluster,
            "undated": story["pub_date"] is None and event["date"]["source"] == "publication"}


def _short(rec: dict[str, Any]) -> dict[str, Any]:
    return {"event_id": rec["event_id"], "event_type": rec["event_type"],
            "date": rec["date"]["start"], "sentence_index": rec["sentence_index"],
            "actor": [entity_label(e) for e in rec["actor"]],
            "recipient": [entity_label(e) for e in rec["recipient"]]}


def list_stories(store: Store, q: str | None = None, limit: int = 100,
                 offset: int = 0) -> dict[str, Any]:
    """Return one page of stored stories (no text), newest first, with event counts.

    Args:
        store: an open store.
        q: keep stories whose id, title or text contains this (case-insensitive).
        limit, offset: the page.

    Returns:
        ``{"ok", "total", "count", "limit", "offset", "q", "stories"}``; each story has
        ``story_id``, ``title``, ``pub_date``, ``source``, ``url``, ``n_events``.
    """
    where, params = "TRUE", []
    if q and q.strip():
        like = contains_pattern(q.strip())
        where = f"(s.story_id {ILIKE} OR s.title {ILIKE} OR s.text {ILIKE})"
        params = [like, like, like]
    total = store.con.execute(f"SELECT count(*) FROM stories s WHERE {where}",
                              params).fetchall()[0][0]
    rows = store.con.execute(f"""
        SELECT s.story_id, s.title, s.pub_date, s.source, s.url, count(e.event_id)
        FROM stories s LEFT JOIN events e ON e.story_id = s.story_id
        WHERE {where}
        GROUP BY ALL ORDER BY s.pub_date DESC NULLS LAST, s.story_id
        LIMIT ? OFFSET ?""", params + [limit, offset]).fetchall()
    stories = [dict(zip(("story_id", "title", "pub_date", "source", "url", "n_events"), r))
               for r in rows]
    return {"ok": True, "total": int(total), "count": len(stories), "limit": limit,
            "offset": offset, "q": q or None, "stories": stories}


def story_detail(store: Store, story_id: str) -> dict[str, Any]:
    """Return one story with its text, its events and the spans of their evidence.

    Returns:
        ``{"ok", "story", "events" (contract records), "segments"}``; ``segments``
        cut the text into consecutive parts ``{"text", "event_ids"}`` (``event_ids``
        empty outside evidence sentences), which joined give the text back.

    Raises:
        NotFound: when no story has this id.
    """
    story = _story_row(store, story_id)
    events = list(store.records(story_id=story_id))
    return {"ok": True, "story": story, "events": events,
            "segments": segments(story["text"], events)}


def segments(text: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cut a story text at the evidence spans of its events.

    Args:
        text: the story text.
        events: contract records of the story's events.

    Returns:
        Consecutive parts ``{"text": str, "event_ids": [str]}`` covering ``text``;
        a part inside one or more evidence spans lists those events' ids.
    """
    cuts = {0, len(text)}
    spans = []
    for ev in events:
        a, b = ev["evidence_span"]
        if 0 <= a < b <= len(text):
            cuts.update((a, b))
            spans.append((a, b, ev["event_id"]))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:]):
        ids = [eid for s, e, eid in spans if s <= a and b <= e]
        out.append({"text": text[a:b], "event_ids": ids})
    return out


def list_actors(store: Store, q: str | None = None, limit: int = 200,
                offset: int = 0) -> dict[str, Any]:
    """Return the actors and recipients in the store, most frequent first.

    An actor is an entity's canonical name (its text when it has none) with its
    country, IGO code and sector.

    Args:
        store: an open store.
        q: keep entities whose name, text, country or IGO contains this.
        limit, offset: the page.

    Returns:
        ``{"ok", "total", "count", "limit", "offset", "q", "actors"}``; each actor has
        ``name``, ``country``, ``igo``, ``sector``, ``as_actor``, ``as_recipient``
        (events in that role), ``events`` (distinct events) and ``filter`` (the value
        for the ``actor``/``recipient`` event filter).
    """
    where, params = "n.role IN ('actor', 'recipient')", []
    if q and q.strip():
        like = contains_pattern(q.strip())
        where += (f" AND (n.name {ILIKE} OR n.text {ILIKE} OR n.country {ILIKE} "
                  f"OR n.igo {ILIKE})")
        params = [like] * 4
    base = f"""
        SELECT coalesce(n.name, n.text) AS name, n.country, n.igo, n.sector,
               count(DISTINCT n.event_id) FILTER (WHERE n.role = 'actor') AS as_actor,
               count(DISTINCT n.event_id) FILTER (WHERE n.role = 'recipient')
                   AS as_recipient,
               count(DISTINCT n.event_id) AS events
        FROM entities n WHERE {where} GROUP BY ALL"""
    total = store.con.execute(f"SELECT count(*) FROM ({base})", params).fetchall()[0][0]
    rows = store.con.execute(
        base + " ORDER BY events DESC, name, country NULLS LAST, igo NULLS LAST, "
        "sector NULLS LAST LIMIT ? OFFSET ?", params + [limit, offset]).fetchall()
    actors = []
    for r in rows:
        d = dict(zip(("name", "country", "igo", "sector", "as_actor", "as_recipient",
                      "events"), r))
        d["filter"] = d["name"]
        actors.append(d)
    return {"ok": True, "total": int(total), "count": len(actors), "limit": limit,
            "offset": offset, "q": q or None, "actors": actors}


def dyad_counts(store: Store, period: str, filters: dict[str, Any],
                per: str = "event") -> dict[str, Any]:
    """Return :meth:`Store.dyads` counts and the dyads' totals.

    Only events that happened are counted unless ``filters`` say ``happened`` false
    (:meth:`Store.dyads`' default).

    Returns:
        ``{"ok", "period", "per", "filters", "happened", "undated", "rows", "dyads"}``:
        ``happened`` says whether negated and hypothetical events were left out;
        ``undated`` how many events were left out because nothing dated them (their
        stories have no publication date: :meth:`Store.dyads_undated`);
        ``rows`` as from
        ``tidings dyads`` (``period`` ISO date, ``actor_country``,
        ``recipient_country`` or null, ``quad_class``, ``n``); ``dyads`` one entry per
        (actor, recipient) country pair with both countries known: ``dyad``
        (``"USA-AZE"``), ``actor_country``, ``recipient_country``, ``n`` and ``by_quad``,
        most events first.

    Raises:
        StoreError: ``T405`` for a bad period or filter.
    """
    rows = store.dyads(period=period, per=per, **filters).to_pylist()
    totals: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for r in rows:
        r["period"] = r["period"].isoformat()
        if r["recipient_country"] is not None:
            totals[(r["actor_country"], r["recipient_country"])][r["quad_class"]] += r["n"]
    dyads = [{"dyad": f"{a}-{b}", "actor_country": a, "recipient_country": b,
              "n": sum(c.values()), "by_quad": {q: c.get(q, 0) for q in QUAD_CLASSES}}
             for (a, b), c in totals.items()]
    dyads.sort(key=lambda d: (-d["n"], d["dyad"]))
    return {"ok": True, "period": period, "per": per, "filters": filters,
            "happened": _happened(filters),
            "undated": store.dyads_undated(period=period, per=per, **filters),
            "rows": rows, "dyads": dyads}


def _happened(filters: dict[str, Any]) -> bool:
    """Whether :meth:`Store.dyads` with these filters counts only events that happened
    (its default, when ``happened`` is not given)."""
    return bool(happened_value(filters.get("happened", True)))


def parse_dyad(pair: str) -> tuple[str, str]:
    """Split ``"USA-AZE"`` into ``("USA", "AZE")``.

    Raises:
        BadRequest: unless both halves are upper-case country or IGO codes
            (:data:`tidings.store.codes.CODE_RE`: ``USA``, ``EU``, ``G7``, ``CARICOM``;
            the codes ``tidings dyads`` prints and the ``/dyads`` page links to).
    """
    parts = pair.split("-")
    if len(parts) != 2 or not all(CODE_RE.match(p) for p in parts):
        raise BadRequest(f"a dyad is two country codes joined by '-', e.g. USA-AZE, "
                         f"not {pair!r}")
    return parts[0], parts[1]


def _next(day: date, period: str) -> date:
    if period == "day":
        return day + timedelta(days=1)
    if period == "week":
        return day + timedelta(days=7)
    if period == "year":
        return date(day.year + 1, 1, 1)
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def dyad_series(store: Store, pair: str, period: str = DEFAULT_PERIOD,
                filters: dict[str, Any] | None = None, per: str = "event"
                ) -> dict[str, Any]:
    """Return the counts of one directed dyad per period and quad class, gaps filled.

    Args:
        store: an open store.
        pair: ``"USA-AZE"``: actor country, recipient country.
        period: ``"day"``, ``"week"`` (from Monday), ``"month"`` or ``"year"``.
        filters: further event filters (not ``dyad``); unless ``happened`` is false,
            only events that happened are counted (:meth:`Store.dyads`).
        per: ``"event"`` or ``"cluster"``.

    Returns:
        ``{"ok", "dyad", "actor_country", "recipient_country", "period", "per",
        "happened" (whether negated and hypothetical events were left out),
        "periods" (ISO dates, every period from the first event's to the last's),
        "series" ({quad_class: [count per period]} for all four quad classes),
        "total", "reverse_total" (events from recipient to actor), "undated" (events
        of the dyad left out because nothing dated them: their stories have no
        publication date, :meth:`Store.dyads_undated`)}``.

    Raises:
        BadRequest: for a malformed pair; StoreError ``T405`` for a bad period/filter.
    """
    a, b = parse_dyad(pair)
    filters = {k: v for k, v in (filters or {}).items() if k != "dyad"}
    rows = store.dyads(period=period, per=per, dyad=pair, **filters).to_pylist()
    rows = [r for r in rows if r["actor_country"] == a and r["recipient_country"] == b]
    counts = {(r["period"], r["quad_class"]): r["n"] for r in rows}
    periods: list[date] = []
    if rows:
        day, last = min(r["period"] for r in rows), max(r["period"] for r in rows)
        while day <= last:
            periods.append(day)
            day = _next(day, period)
    series = {q: [counts.get((p, q), 0) for p in periods] for q in QUAD_CLASSES}
    reverse = store.dyads(period=period, per=per, dyad=f"{b}-{a}", **filters).to_pylist()
    reverse_total = sum(r["n"] for r in reverse
                        if r["actor_country"] == b and r["recipient_country"] == a)
    return {"ok": True, "dyad": pair, "actor_country": a, "recipient_country": b,
            "period": period, "per": per, "happened": _happened(filters),
            "periods": [p.isoformat() for p in periods],
            "series": series, "total": sum(r["n"] for r in rows),
            "reverse_total": reverse_total,
            "undated": store.dyads_undated(period=period, per=per, dyad=pair, **filters)}


def country_name(code: str) -> str:
    """Return a readable name for an ISO3 country code, or the code itself."""
    import pycountry

    found = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    return getattr(found, "common_name", None) or getattr(found, "name", None) or code


#: Most nodes the network shows when no ``min_count`` is given: the smallest minimum
#: that keeps at most this many is chosen, so that the default drawing stays readable.
AUTO_MAX_NODES = 30


def network(store: Store, filters: dict[str, Any], min_count: int | None = 1,
            per: str = "event") -> dict[str, Any]:
    """Return who acts on whom: a directed graph of actor and recipient keys.

    A key is an entity's country (ISO3), else its IGO code. The edges are the dyad
    counts of :meth:`Store.dyad_pairs`, the same query as :meth:`Store.dyads` (``tidings
    dyads``) over all periods, so an edge's weight is what ``tidings dyads`` counts for
    the pair with the same filters: an event adds one to the edge of every (actor key,
    recipient key) pair it has, self-loops included (``BLR -> BLR``: a government
    acting on its own citizens), and a meeting, agreement or cooperation told jointly,
    with no recipient ("Armenia and Azerbaijan signed a deal"), to every ordered pair of
    its actor keys; only events that happened are counted unless ``filters`` say
    ``happened`` false; historical events with no date of their own (filter
    ``undated_historical``) and events that nothing dated (their stories have no
    publication date; filter ``undated``) are left out, so that a date filter never
    takes the story's publication or the day of coding for theirs; ``undated`` says how
    many of the latter (twenty-fourth round: the network counted the first and missed
    joint acts, so its edges and the dyads disagreed).

    Args:
        store: an open store.
        filters: as for :meth:`Store.events`; ``happened`` defaults to true.
        min_count: keep edges with at least this many events; None: the smallest
            minimum that leaves at most :data:`AUTO_MAX_NODES` nodes.
        per: ``"event"`` or ``"cluster"``.

    Returns:
        ``{"ok", "filters", "happened" (whether negated and hypothetical events were
        left out), "min_count" (the one used), "auto" (whether it was chosen),
        "hidden" (nodes left out by the minimum), "undated" (events that would make an
        edge left out because nothing dated them), "nodes", "edges"}``: nodes ``{"id", "label",
        "kind" ("country"|"igo"), "out", "in"}`` (events as actor, as recipient, on
        kept edges), most connected first; edges ``{"source", "target", "n",
        "by_quad", "quad_class" (the most frequent)}``, heaviest first.

    Raises:
        StoreError: ``T405`` for a bad ``per`` or filter.
    """
    happened = _happened(filters)
    counted = {**filters, "happened": happened}
    undated = store.dyads_undated(per=per, paired=True, **counted)
    edges: dict[tuple[str, str], Counter] = defaultdict(Counter)
    kinds: dict[str, str] = {}
    for row in store.dyad_pairs(per=per, **counted).to_pylist():
        ka, kr = row["actor_country"], row["recipient_country"]
        edges[(ka, kr)][row["quad_class"]] += row["n"]
        kinds.setdefault(ka, "country" if row["actor_is_country"] else "igo")
        kinds.setdefault(kr, "country" if row["recipient_is_country"] else "igo")
    auto = min_count is None
    everyone = {k for pair in edges for k in pair}
    if auto:  # the smallest minimum that leaves at most AUTO_MAX_NODES, but never none

        def shown(m: int) -> int:
            return len({k for pair, c in edges.items() if sum(c.values()) >= m for k in pair})

        min_count = 1
        while shown(min_count) > AUTO_MAX_NODES and shown(min_count + 1) > 0:
            min_count += 1
    kept = []
    for (s, t), c in edges.items():
        n = sum(c.values())
        if n >= min_count:
            by_quad = {q: c.get(q, 0) for q in QUAD_CLASSES}
            top = max(QUAD_CLASSES, key=lambda q: (by_quad[q], -QUAD_CLASSES.index(q)))
            kept.append({"source": s, "target": t, "n": n, "by_quad": by_quad,
                         "quad_class": top})
    kept.sort(key=lambda e: (-e["n"], e["source"], e["target"]))
    out_n: Counter = Counter()
    in_n: Counter = Counter()
    for e in kept:
        out_n[e["source"]] += e["n"]
        in_n[e["target"]] += e["n"]
    ids = sorted(set(out_n) | set(in_n), key=lambda k: (-(out_n[k] + in_n[k]), k))
    nodes = [{"id": k, "label": country_name(k) if kinds[k] == "country" else k,
              "kind": kinds[k], "out": out_n[k], "in": in_n[k]} for k in ids]
    return {"ok": True, "filters": filters, "happened": happened, "min_count": min_count, "auto": auto,
            "hidden": len(everyone) - len(nodes), "undated": undated, "nodes": nodes, "edges": kept}

