"""The notebook API: stories in, a pandas DataFrame of events out.

``tidings.code(texts_or_stories, pub_date=...)`` and ``tidings.code_file(path)`` run the
same pipeline as ``tidings code`` (the local engine) and return one row per event: the
flat columns of the CSV export (``tidings export --format csv``) plus the event
contract's nested objects (``actor``, ``recipient``, ``claimed_by``, ``date``,
``location``, ``evidence_span``) and the rules that made each event (``rules``). Nothing is written to disk: the events pass through a
throwaway in-memory store, which also links reports of the same event across the
stories given (``cluster_id``).

pandas is imported only when one of these functions runs; without it they raise
``T801`` with the command that installs it.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError, TidingsError
from .records import Story

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: The nested record fields added after the flat CSV columns (the contract's objects, and
#: ``rules``: the lexicon entry and rules that made the event, ``docs/coding.md``).
NESTED = ("actor", "recipient", "claimed_by", "date", "location", "evidence_span", "rules")


def _pandas():
    try:
        import pandas
    except ImportError:
        raise TidingsError("T801", "tidings.code and tidings.code_file return a pandas "
                           "DataFrame, and pandas is not installed",
                           "pip install pandas") from None
    return pandas


def _trigger_at(row: dict) -> int:
    """Character offset of the first word of an event's trigger in its sentence (-1 when
    not found), to order the events of one sentence as they are written."""
    first = (row.get("trigger") or "").split()
    return (row.get("sentence") or "").find(first[0]) if first else -1


def code(stories: str | Iterable[Any], pub_date: str | None = None, *,
         date_order: str | None = None, actors: Iterable[str | Path] = (), processes: int = 1,
         limits: Any = None, any_language: bool = False, all_candidates: bool = False) -> "pd.DataFrame":
    """Code stories into a DataFrame of PLOVER events, one row per event.

    Args:
        stories: one text (``str``), or an iterable of texts, of story records (dicts
            with ``id``, ``text``, ``pub_date`` and optional ``title``, ``source``,
            ``url``...; the field aliases of ``tidings code`` are accepted) and of
            :class:`tidings.records.Story` objects, or a DataFrame with such columns.
            A text, and a record without an id, gets the id ``text-N`` (N from 1, its
            position; the record with a warning).
        pub_date: publication date (``YYYY-MM-DD``) of texts and records that carry
            none; without one, events are dated by date phrases that name a year, else
            by today's date (granularity ``story``), with a ``UserWarning`` as
            ``tidings code`` gives.
        date_order: ``"DMY"`` or ``"MDY"``: how to read all-numeric dates that read two
            ways (``06/01/2025``), in ``pub_date`` and in the records, as ``tidings code
            --date-order``; None (default): such a record is skipped (T103).
        actors: user actor dictionaries (YAML, CSV or PETRARCH ``.actors.txt``).
        processes: parser worker processes.
        limits: a :class:`tidings.engines.local.Limits` (size, time, languages);
            default: the command line's defaults (English only, 100,000 characters).
        any_language: code every story whatever its language (``tidings code
            --any-language``): ``limits``' languages are set to None.
        all_candidates: keep every event found, whatever its confidence (``tidings code
            --all-candidates``); by default only the events whose confidence reaches
            the model's threshold (``docs/model.md``).

    Returns:
        a ``pandas.DataFrame``: the columns of the CSV export (``event_id``,
        ``story_id``, ``date_start`` ... ``sentence``, ``pipeline_version``,
        ``cluster_id``; lists joined with ``;``) then :data:`NESTED` (lists of entity
        dicts, the date dict, the location dict or None, ``[start, end]``, the list of
        rule names), in the order
        of the stories given, then of their sentences, then of the events' triggers in the
        sentence. Stories that could not be coded
        (no text, a bad date, another language...) are skipped with one
        ``UserWarning`` and listed in ``df.attrs["skipped"]``; the others are coded.
        What the reader supplied or changed (an id for a record without one, HTML
        stripped from a text) is in ``df.attrs["warnings"]``, with one ``UserWarning``.
        ``df.attrs["summary"]`` holds the run's counts.

    Raises:
        TidingsError: ``T801`` when pandas is missing; ``T103`` for a bad ``pub_date``;
            ``T501`` for a ``date_order`` other than DMY or MDY; ``T301`` for a bad
            actor dictionary.
        TypeError: for an item that is neither text, record nor Story (None and NaN, a
            missing value, are skipped as stories without text).
    """
    from .read import DATE_ORDERS, ReadOptions, normalise_date, story_from_record

    pd = _pandas()
    if date_order is not None and str(date_order).upper() not in DATE_ORDERS:
        raise TidingsError("T501", f"date_order: {date_order!r} is neither DMY nor MDY", "give \"DMY\" or \"MDY\"")
    if pub_date is not None:
        try:
            pub_date = normalise_date(pub_date, date_order, "python")
        except ValueError as exc:
            raise InputError("T103", f"pub_date: {exc}", "give a date as YYYY-MM-DD") from None
    if isinstance(stories, str):
        stories = [stories]
    elif isinstance(stories, pd.DataFrame):
        stories = stories.to_dict("records")
    opts = ReadOptions(pub_date=pub_date, date_order=date_order, interface="python")
    items: list[Any] = []
    for i, s in enumerate(stories, 1):
        if isinstance(s, Story):
            items.append(s)
        elif isinstance(s, str) or s is None or (isinstance(s, float) and s != s):
            # None or NaN (a missing value of a pandas column): skipped as a story without text
            items.append(story_from_record({"id": f"text-{i}", "text": s}, f"text-{i}", opts))
        elif isinstance(s, dict):
            items.append(story_from_record(s, f"stories[{i - 1}]", opts, make_id=f"text-{i}"))
        else:
            raise TypeError(f"stories[{i - 1}] is a {type(s).__name__}: give texts (str), "
                            "story records (dict) or tidings.records.Story objects")
    return _run(items, actors, processes, limits, date_hint="give pub_date= or a pub_date field",
                any_language=any_language, all_candidates=all_candidates)


def code_file(path: str | Path, *, pub_date: str | None = None, fmt: str = "auto",
              id_col: str | None = None, text_col: str | None = None,
              date_col: str | None = None, title_col: str | None = None, encoding: str = "utf-8",
              date_order: str | None = None, actors: Iterable[str | Path] = (),
              processes: int = 1, limits: Any = None, any_language: bool = False,
              all_candidates: bool = False) -> "pd.DataFrame":
    """Read and code a story file or folder into a DataFrame of events, as
    ``tidings code PATH`` reads it (JSON Lines, CSV, text, HTML, by extension).

    Args:
        path: a file or a folder (read recursively).
        pub_date, fmt, id_col, text_col, date_col, title_col, encoding, date_order: as
            the ``tidings code`` options ``--pub-date``, ``--format``, ``--id-col``,
            ``--text-col``, ``--date-col``, ``--title-col``, ``--encoding``,
            ``--date-order`` (``"DMY"``, ``"MDY"`` or None); a file whose records lack a
            named column is read from the default fields, with one warning.
        actors, processes, limits, any_language, all_candidates: as for :func:`code`.

    Returns:
        a DataFrame shaped as :func:`code`'s; unreadable records are skipped with a
        warning and listed in ``df.attrs["skipped"]``.

    Raises:
        TidingsError: ``T801`` when pandas is missing, ``T104`` when ``path`` does not
            exist, ``T103`` for a bad ``pub_date``, ``T301`` for a bad actor dictionary.
    """
    from .read import ReadOptions, normalise_date, read_stories

    _pandas()
    if not Path(path).exists():
        raise InputError("T104", f"{path}: no such file or folder")
    if pub_date is not None:
        try:
            pub_date = normalise_date(pub_date, date_order, "python")
        except ValueError as exc:
            raise InputError("T103", f"pub_date: {exc}", "give a date as YYYY-MM-DD") from None
    opts = ReadOptions(fmt=fmt, id_col=id_col, text_col=text_col, date_col=date_col, title_col=title_col,
                       pub_date=pub_date, encoding=encoding, date_order=date_order, interface="python")
    return _run(list(read_stories([path], opts)), actors, processes, limits,
                date_hint="give pub_date= or date_col=", any_language=any_language,
                all_candidates=all_candidates)


_PACKAGE = Path(__file__).resolve().parent


def _warn(message: str) -> None:
    """Warn with the line of the caller's code (the first frame outside the tidings
    package), whether it called ``tidings.code``, ``tidings.notebook.code`` or
    ``tidings.code_file``: a fixed ``stacklevel`` would name tidings' own wrapper."""
    import sys

    level, frame = 2, sys._getframe(1)  # 1 is this function, 2 its caller
    while frame is not None and Path(frame.f_code.co_filename).resolve().is_relative_to(_PACKAGE):
        level, frame = level + 1, frame.f_back
    warnings.warn(message, UserWarning, stacklevel=level)


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _run(items: list[Any], actors: Iterable[str | Path], processes: int, limits: Any,
         date_hint: str = "give pub_date=", any_language: bool = False,
         all_candidates: bool = False) -> "pd.DataFrame":
    """Code ``items`` (stories and read failures) through an in-memory store."""
    from dataclasses import replace

    from .engines.local import Limits, code_stories
    from .store import Store, flat_rows
    from .store.export import FLAT_HEADER

    pd = _pandas()
    actor_files = [str(a) for a in actors]
    if actor_files:  # a bad dictionary fails once here, not in every worker
        from .actors import ActorResolver

        ActorResolver(actor_files)
    if any_language:
        limits = replace(limits or Limits(), languages=None)
    if all_candidates:
        limits = replace(limits or Limits(), all_candidates=True)
    order = {it.id: k for k, it in enumerate(items) if isinstance(it, Story)}
    with Store(":memory:") as store:
        summary = code_stories(items, store=store, processes=processes,
                               actor_files=actor_files, force=True, limits=limits)
        table = store.events()
        records = {r["event_id"]: r for r in store.records()}
    rows = []
    for flat in flat_rows(table):
        rec = records[flat["event_id"]]
        rows.append({**flat, **{k: rec[k] for k in NESTED}})
    # events of one sentence in the order of their triggers: the event_id (a hash that
    # includes the data folder) breaks only what is left, so a KB edit does not reorder them
    rows.sort(key=lambda r: (order.get(r["story_id"], len(order)), r["sentence_index"],
                             r["span_start"], _trigger_at(r), r["event_type"], r["event_id"]))
    df = pd.DataFrame(rows, columns=list(FLAT_HEADER) + list(NESTED))
    # ids stay integers where some are missing (pandas would make them floats)
    df["location_geonames_id"] = df["location_geonames_id"].astype("Int64")
    df.attrs["skipped"] = list(summary.failures)
    df.attrs["summary"] = {"read": summary.read, "coded": summary.coded,
                           "skipped": sum(summary.skipped.values()), "events": summary.events,
                           "no_pub_date": summary.no_pub_date}
    df.attrs["warnings"] = list(summary.warnings)
    if summary.warnings:
        more = f" (and {len(summary.warnings) - 1} more)" if len(summary.warnings) > 1 else ""
        _warn(f"{_n(len(summary.warnings), 'warning', 'warnings')} reading the stories (they are "
              f"coded), listed in df.attrs['warnings']: {summary.warnings[0]}{more}")
    if summary.failures:
        more = f" (and {len(summary.failures) - 1} more)" if len(summary.failures) > 1 else ""
        _warn(f"{_n(len(summary.failures), 'story', 'stories')} skipped, listed in df.attrs['skipped']: "
              f"{summary.failures[0]}{more}")
    if summary.no_pub_date:  # as `tidings code` warns: today's date is a silent guess
        _warn(f"{_n(summary.no_pub_date, 'story', 'stories')} ({summary.undated_stories()}) had no "
              "publication date: their events "
              "are dated by date phrases that name a year, else by today's date (granularity "
              f"'story'); {date_hint}")
    return df
