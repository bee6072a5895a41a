"""Exporting the store: Parquet, CSV, JSON Lines and CAMEO-style CSV files (and the
flat and CAMEO rows ``tidings events --format csv`` prints)."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa

from tidings.errors import StoreError

from .query import record
from .schema import ENTITY_FIELDS

#: Formats accepted by :meth:`Store.export <tidings.store.Store.export>`.
EXPORT_FORMATS: tuple[str, ...] = ("parquet", "csv", "jsonl", "cameo")


FLAT_HEADER = [
    "event_id", "story_id", "date_start", "date_end", "granularity", "date_text", "date_source",
    "event_type", "mode", "quad_class", "cameo", "confidence", "contexts", "aux_modes",
    "actor_names", "actor_countries", "actor_sectors", "actor_igos",
    "recipient_names", "recipient_countries", "recipient_sectors", "recipient_igos",
    "claimed_by_names", "location_name", "location_country", "location_admin1",
    "location_lat", "location_lon", "location_geonames_id", "location_feature",
    "trigger", "sentence_index", "span_start", "span_end", "sentence",
    "pipeline_version", "cluster_id", "all_candidates",
]


_CLUSTER_EXTRA = ["cluster_size", "cluster_story_ids"]


_ENTITY_COLS: dict[str, tuple[str, str]] = {
    f"{role}_{plural}": (role, key)
    for role in ("actor", "recipient") for plural, key in
    (("names", "name"), ("countries", "country"), ("sectors", "sector"), ("igos", "igo"))
}
_ENTITY_COLS["claimed_by_names"] = ("claimed_by", "name")


_CAMEO_HEADER = [
    "event_id", "story_id", "date", "cameo", "event_type", "quad_class",
    "actor_name", "actor_country", "actor_sector", "actor_igo",
    "recipient_name", "recipient_country", "recipient_sector", "recipient_igo",
    "location_name", "location_country", "lat", "lon", "confidence",
]


def _join(values: list[Any]) -> str:
    return ";".join("" if v is None else str(v) for v in values)


def flat_rows(table: pa.Table) -> list[dict[str, Any]]:
    """Flatten an :meth:`Store.events` table into CSV-friendly dicts (one per event).

    List columns become ``;``-joined strings (an entity with no value leaves an empty
    slot, so ``actor_names`` and ``actor_countries`` line up); dates are ISO strings.
    The ``*_names`` columns give an entity's canonical name, or its text where it has
    none ("riot police", "Pakistani security forces"), as the ``cameo`` rows do, so a
    named party never shows as an empty slot.
    """
    out = []
    names = table.column_names
    extra = [c for c in _CLUSTER_EXTRA if c in names]
    for row in table.to_pylist():
        d: dict[str, Any] = {}
        for col in FLAT_HEADER + extra:
            if col in _ENTITY_COLS:
                role, key = _ENTITY_COLS[col]
                d[col] = _join([(it["name"] or it["text"]) if key == "name" else it[key]
                                for it in row[role]])
            elif col in ("contexts", "aux_modes"):
                d[col] = _join(row[col])
            elif col == "cluster_story_ids":
                d[col] = _join(sorted(row[col]))
            elif isinstance(row[col], date):
                d[col] = row[col].isoformat()
            else:
                d[col] = row[col]
        out.append(d)
    return out


def write_csv(table: pa.Table, f: Any, cameo: bool = False) -> int:
    """Write an :meth:`Store.events` table as CSV (flat, or CAMEO-style) to a text file.

    Args:
        table: a table from :meth:`Store.events`.
        f: a text file object open for writing (``newline=""``), e.g. ``sys.stdout``.
        cameo: write :func:`cameo_rows` instead of :func:`flat_rows`.

    Returns:
        The number of data rows written (a header is always written).
    """
    if cameo:
        rows, header = cameo_rows(table), _CAMEO_HEADER
    else:
        rows = flat_rows(table)
        header = FLAT_HEADER + [c for c in _CLUSTER_EXTRA if c in table.column_names]
    w = csv.DictWriter(f, fieldnames=header)
    w.writeheader()
    w.writerows(rows)
    return len(rows)


def cameo_rows(table: pa.Table) -> list[dict[str, Any]]:
    """Turn an :meth:`Store.events` table into CAMEO-style rows.

    One row per (actor, recipient) pair of each event: an event with 2 actors and 3
    recipients gives 6 rows; an empty actor or recipient list gives one row with
    that side empty. Every event gives at least one row; ``cameo`` is empty when the
    event has no CAMEO equivalent.
    """
    out = []
    empty = dict.fromkeys(ENTITY_FIELDS)
    for row in table.to_pylist():
        for a in row["actor"] or [empty]:
            for r in row["recipient"] or [empty]:
                out.append({
                    "event_id": row["event_id"], "story_id": row["story_id"],
                    "date": row["date_start"].isoformat(), "cameo": row["cameo"],
                    "event_type": row["event_type"], "quad_class": row["quad_class"],
                    "actor_name": a["name"] or a["text"], "actor_country": a["country"],
                    "actor_sector": a["sector"], "actor_igo": a["igo"],
                    "recipient_name": r["name"] or r["text"],
                    "recipient_country": r["country"], "recipient_sector": r["sector"],
                    "recipient_igo": r["igo"],
                    "location_name": row["location_name"],
                    "location_country": row["location_country"],
                    "lat": row["location_lat"], "lon": row["location_lon"],
                    "confidence": round(float(row["confidence"]), 4),
                })
    return out


class ExportMixin:
    """The ``export`` method of :class:`tidings.store.Store` (which provides
    ``events``)."""

    def export(self, path: str | Path, format: str = "parquet", per: str = "event",
               **filters: Any) -> int:
        """Write matching events to a file and return the number of rows written.

        The ``cameo`` format has no column for negation or hypothetical modes, so a
        reader of it takes every row for an act that happened: it leaves out negated
        and hypothetical events ("Iran did not attack Saudi Arabia") unless
        ``happened=False`` is given (future and historical events stay). The other
        formats keep every event unless ``happened=True``, as :meth:`events` does.

        Args:
            path: output file (overwritten).
            format: ``"parquet"`` (the :meth:`events` table, nested lists and structs
                kept), ``"csv"`` (one row per event; list columns joined with ``;``),
                ``"jsonl"`` (the contract's records exactly, one per line) or
                ``"cameo"`` (CSV, one row per actor-recipient pair, with the CAMEO
                code, date, countries and sectors; see ``docs/store.md``).
            per: ``"event"`` or ``"cluster"`` (one representative per cluster).
            **filters: as in :meth:`events`; ``happened`` left out or None means
                True for ``cameo`` and every event for the other formats.

        Raises:
            StoreError: ``T405`` for a bad format or filter; ``T407`` when the file
                cannot be written.
        """
        if format not in EXPORT_FORMATS:
            raise StoreError("T405", f"unknown export format {format!r}",
                             "use one of: " + ", ".join(EXPORT_FORMATS))
        path = Path(path)
        if format == "cameo" and filters.get("happened") is None:
            filters["happened"] = True
        table = self.events(per=per, **filters)
        try:
            if format == "parquet":
                import pyarrow.parquet as pq
                pq.write_table(table, path)
                return table.num_rows
            if format == "jsonl":
                with path.open("w", encoding="utf-8") as f:
                    for row in table.to_pylist():
                        f.write(json.dumps(record(row, with_cluster=(per == "cluster")),
                                           ensure_ascii=False) + "\n")
                return table.num_rows
            with path.open("w", encoding="utf-8", newline="") as f:
                return write_csv(table, f, cameo=(format == "cameo"))
        except OSError as exc:
            raise StoreError("T407", f"cannot write {path}: {exc.strerror or exc}",
                             "check the directory exists and is writable") from None
