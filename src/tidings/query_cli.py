"""``tidings events``, ``tidings dyads`` and ``tidings export``: reading the event store.

Each command is a thin wrapper over a :class:`tidings.store.Store` method (``events``,
``dyads``, ``export``); the store is opened read-only, so several of these commands
can run at once, but not while ``tidings code`` writes the same file (DuckDB's rule;
the error ``T401`` says so). Errors print one line ``Error: [T4xx] message (hint)`` on
stderr and exit with status 1. See ``docs/store.md``.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Annotated, Any, Iterable, Optional

import duckdb
import typer

from tidings.errors import TidingsError
from tidings.store import DEFAULT_PERIOD, EXPORT_FORMATS, PERIODS, SPANNING, Store, damage_error, write_csv

# The event filters, shared by the events, dyads and export commands (one definition each).
_ActorOpt = Annotated[Optional[str], typer.Option("--actor", help="Actor country/IGO code (USA, EU, CARICOM): matches an actor resolved to that code and one whose text has the code as a word; or part of its name or text (a country's full name, Mali, also matches its code; a knowledge-base party's name or acronym, RSF, M23, also matches every party resolved to it).")]
_RecipientOpt = Annotated[Optional[str], typer.Option("--recipient", help="Recipient country/IGO code (matched as for --actor), or part of its name (a country's full name also matches its code); also an actor of a joint meeting, agreement or cooperation with another party and no recipient.")]
_DyadOpt = Annotated[Optional[str], typer.Option("--dyad", help="Actor-recipient pair of country/IGO codes, e.g. USA-AZE, CARICOM-GUY: an actor of the first and a recipient of the second, or a joint meeting, agreement or cooperation of both with no recipient (found as A-B and B-A); the events `tidings dyads --dyad` counts.")]
_EventTypeOpt = Annotated[Optional[str], typer.Option("--type", help="PLOVER event type(s), comma-separated, e.g. PROTEST,ASSAULT.")]
_ModeOpt = Annotated[Optional[str], typer.Option("--mode", help="PLOVER mode, e.g. meet, demo.")]
_ContextOpt = Annotated[Optional[str], typer.Option("--context", help="PLOVER context, e.g. diplomatic.")]
_DateFromOpt = Annotated[Optional[str], typer.Option("--from", help="Events whose date range reaches this date or later (YYYY-MM-DD, YYYY-MM or YYYY): an event dated by a range counts if any of it is in the window.")]
_DateToOpt = Annotated[Optional[str], typer.Option("--to", help="Events whose date range starts on or before this date (YYYY-MM-DD, YYYY-MM or YYYY): an event dated by a range counts if any of it is in the window.")]
_PlaceOpt = Annotated[Optional[str], typer.Option("--place", help="Place name (part of it) or country code of the location.")]
_MinConfidenceOpt = Annotated[Optional[float], typer.Option("--min-confidence", help="Only events with at least this confidence (0..1).")]
_HappenedOpt = Annotated[bool, typer.Option("--happened", help="Only events that happened: leave out negated and hypothetical ones (aux_modes negation, hypothetical); future and historical events stay.")]
_TextOpt = Annotated[Optional[str], typer.Option("--text", help="Text the evidence sentence contains.")]
_StoryOpt = Annotated[Optional[str], typer.Option("--story", help="Events of this story only (its id, as `tidings code` stored it: with any --id-prefix).")]
_CandidatesOpt = Annotated[Optional[str], typer.Option("--candidates", help="all: only events of stories coded with `tidings code --all-candidates`; default: only those of stories coded with the default output (and of stories stored before the store recorded it). Without it, a store holding both mixes them (a warning says so).")]
#: ``--candidates`` -> the store's ``all_candidates`` filter.
_CANDIDATES = {"all": True, "default": False}

#: The width of standard output's console when it is no terminal (a pipe, a file): wide
#: enough that no table row wraps, since a script or a file has no screen to fit.
PIPE_WIDTH = 4000


def out_console(min_width: int = 0) -> Any:
    """The one ``rich`` console of the CLI's standard output (``tidings events``,
    ``dyads``, ``eval``): on a terminal, its width (at least ``min_width``); otherwise
    :data:`PIPE_WIDTH` wide and soft-wrapping, so that a table or a line written to a pipe
    or a file is never wrapped at rich's default 80 columns (a fresh user's
    ``tidings eval corpus:dev > f`` had its table broken into many lines, twenty-fifth
    round). Returns a ``rich.console.Console``."""
    from rich.console import Console

    probe = Console()
    if probe.is_terminal:
        return Console(width=max(probe.width, min_width)) if min_width else probe
    return Console(width=PIPE_WIDTH, soft_wrap=True)


DEFAULT_DB = "tidings.duckdb"
_EVENT_FORMATS = ("table", "csv", "json", "jsonl")
_TABLE_DEFAULT_LIMIT = 50

_DB_HELP = "DuckDB event store to read (made by `tidings code`)."


#: The store's filter names (as Python and the REST API call them) -> this CLI's options,
#: for messages (a fresh-user trial: "date_from must be ..." after typing --from).
_AS_OPTIONS = ((re.compile(r"\bdate_from\b"), "--from"), (re.compile(r"\bdate_to\b"), "--to"),
               (re.compile(r"\bmin_confidence\b"), "--min-confidence"),
               (re.compile(r"\bper='(\w+)'"), r"--per \1"), (re.compile(r"\bper="), "--per "))


def _fail(exc: Exception) -> None:
    text = str(exc)
    if isinstance(exc, TidingsError):
        for pattern, option in _AS_OPTIONS:
            text = pattern.sub(option, text)
    typer.echo(f"Error: {text}", err=True)
    raise typer.Exit(1)


def _fail_damaged(db: Path, exc: Exception) -> None:
    """Report a DuckDB error that means a damaged store as one T409 line; re-raise others."""
    err = damage_error(db, exc)
    if err is None:
        raise exc
    _fail(err)


def _write_json(records: Iterable[dict], fmt: str) -> None:
    """Write ``records`` to standard output as ``fmt``: ``json``, one JSON array (``[]``
    when there is none; one record a line inside it, so it stays readable and a large
    result is written as it is read), or ``jsonl``, JSON Lines (one record a line, no
    brackets; what ``--format json`` wrote before the twenty-second round)."""
    if fmt == "jsonl":
        for rec in records:
            typer.echo(json.dumps(rec, ensure_ascii=False))
        return
    first = True
    for rec in records:
        typer.echo(("[\n" if first else ",\n") + json.dumps(rec, ensure_ascii=False), nl=False)
        first = False
    typer.echo("[]" if first else "\n]")


def _choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    if value not in allowed:
        raise TidingsError("T501", f"{option} must be one of {', '.join(allowed)}, "
                           f"not {value!r}")
    return value


def _filters(actor: str | None, recipient: str | None, dyad: str | None,
             event_type: str | None, mode: str | None, context: str | None,
             date_from: str | None, date_to: str | None, place: str | None,
             min_confidence: float | None, text: str | None,
             happened: bool = False, candidates: str | None = None,
             story: str | None = None) -> dict[str, Any]:
    if candidates is not None:
        _choice(candidates, tuple(_CANDIDATES), "--candidates")
    return {"actor": actor, "recipient": recipient, "dyad": dyad, "event_type": event_type,
            "mode": mode, "context": context, "date_from": date_from, "date_to": date_to,
            "place": place, "min_confidence": min_confidence, "text": text,
            "happened": happened or None, "story_id": story,
            "all_candidates": None if candidates is None else _CANDIDATES[candidates]}


def mixed_outputs_warning(store: Store | None, counts: dict[str, Any] | None = None,
                          pick: str = "--candidates default or --candidates all") -> str | None:
    """The warning for a store that holds stories coded with ``--all-candidates`` and
    stories coded with the default output (whose events a query mixes unless
    ``--candidates`` picks one), or None when it holds one kind only.

    Args:
        store: the open store, whose :meth:`~tidings.store.Store.coded_outputs` are read
            (one query) unless ``counts`` gives them.
        counts: :meth:`~tidings.store.Store.coded_outputs` already read (the REST API
            answers with them too), or None.
        pick: how the reader takes one kind: the command line's ``--candidates`` options
            (the default), the API's ``candidates=`` parameter.

    Returns:
        one line naming both counts, the lowest default-output threshold recorded, and
        what to do; None for a store of one kind."""
    n = counts if counts is not None else store.coded_outputs()
    default = n["default"] + n["unrecorded"]
    if not n["all_candidates"] or not default:
        return None
    th = n["thresholds"]
    below = f" below the confidence threshold ({th[0]:g})" if th else ""
    stories = "story" if n["all_candidates"] == 1 else "stories"
    return (f"the store mixes {n['all_candidates']} {stories} coded with --all-candidates (events{below} "
            f"included) and {default} coded with the default output: add {pick} to take one kind, "
            "or code them again with `tidings code --force`")


def undated_note(n: int) -> str:
    """The note of ``tidings dyads`` for ``n`` events left out because nothing dated
    them (:meth:`Store.dyads_undated`): their stories have no publication date and no
    phrase of the text dates them, so they carry the day they were coded, which the
    counts must not take for the day of the act."""
    s = n != 1
    return (f"{n} event{'s' if s else ''} left out: {'their stories have' if s else 'its story has'} "
            f"no publication date and nothing in the text dates {'them' if s else 'it'}, so "
            f"{'they carry' if s else 'it carries'} the day of coding, not a known date "
            "(code the stories again with --pub-date, or a pub_date field, to count them)")


def _warn_mixed(store: Store, filters: dict[str, Any]) -> None:
    """Print :func:`mixed_outputs_warning` on stderr unless ``--candidates`` was given, and
    a warning when ``--story`` names no stored story (a mistyped id otherwise printed
    only "0 events", as for a story with no event)."""
    story = filters.get("story_id")
    if story and store.con.execute("SELECT 1 FROM stories WHERE story_id = ?", [story]).fetchone() is None:
        typer.echo(f"warning: no story {story!r} in {store.path}; `tidings events --format csv` "
                   "lists the stored events' story ids", err=True)
    if filters.get("all_candidates") is None:
        msg = mixed_outputs_warning(store)
        if msg:
            typer.echo(f"warning: {msg}", err=True)


def _entities(items: list[dict[str, Any]]) -> str:
    out = []
    for it in items:
        label = it["name"] or it["text"] or "?"
        code = it["country"] or it["igo"]
        out.append(f"{label} ({code})" if code and code not in label else label)
    return "; ".join(out)


def _print_table(rows: list[dict[str, Any]], total: int, per: str, limit: int | None = None) -> None:
    """Print the events ``rows`` as a table, then a line with the count: ``"39 events"``,
    or ``"5 of 39 events shown (...)"`` when ``rows`` holds fewer than the ``total``
    matching events, naming ``--limit`` when the user gave it (``limit``; None: the
    table's default). ``--limit 0`` prints no table, only that line, ``"0 of 39 events
    shown (--limit 0 ...)"``: an empty table and the hint "use --limit" left a fresh user
    wondering why nothing was listed."""
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False, header_style="bold")
    for col in ("date", "type", "mode", "actor", "recipient", "place", "conf",
                "evidence", "story#sentence", "event_id"):
        table.add_column(col, overflow="fold")
    if per == "cluster":
        table.add_column("reports", justify="right")
    for r in rows:
        date = r["date_start"].isoformat()
        if r["date_end"] != r["date_start"]:
            date += ".." + r["date_end"].isoformat()
        sentence = r["sentence"] if len(r["sentence"]) <= 120 else r["sentence"][:117] + "..."
        # the auxiliary modes beside the type: "ASSAULT [negation]" did not happen, and a
        # reader of the table (under --dyad) must not take it for one that did
        etype = r["event_type"] + (f" [{', '.join(r['aux_modes'])}]" if r.get("aux_modes") else "")
        cells = [date, etype, r["mode"] or "", _entities(r["actor"]),
                 _entities(r["recipient"]), r["location_name"] or "",
                 f"{r['confidence']:.2f}", sentence, f"{r['story_id']}#{r['sentence_index']}",
                 r["event_id"]]
        if per == "cluster":
            cells.append(str(r["cluster_size"]))
        table.add_row(*map(Text, cells))  # as stored: "[/caption]" in a sentence is text, not markup
    console = out_console(160)
    if limit != 0:
        console.print(table)
    unit = ("cluster" if per == "cluster" else "event") + ("" if total == 1 else "s")
    if limit == 0:
        console.print(f"0 of {total} {unit} shown (--limit 0 lists none, only counts them; "
                      f"give --limit N to list N, or leave it out for the first {_TABLE_DEFAULT_LIMIT})")
    elif total > len(rows) and limit is not None:
        console.print(f"{len(rows)} of {total} {unit} shown (--limit {limit}; a larger --limit, or "
                      "--format csv|json|jsonl without --limit, for all)")
    elif total > len(rows):
        console.print(f"{len(rows)} of {total} {unit} shown (use --limit, or "
                      "--format csv|json|jsonl for all)")
    else:
        console.print(f"{total} {unit}")


def register(app: typer.Typer) -> None:
    """Add the ``events``, ``dyads`` and ``export`` commands to a Typer app.

    Args:
        app: the ``tidings`` Typer application (or any Typer app, e.g. in tests).
    """

    @app.command("events")
    def events_cmd(
        db: Path = typer.Option(Path(DEFAULT_DB), "--db", help=_DB_HELP),
        actor: _ActorOpt = None,
        recipient: _RecipientOpt = None,
        dyad: _DyadOpt = None,
        event_type: _EventTypeOpt = None,
        mode: _ModeOpt = None,
        context: _ContextOpt = None,
        date_from: _DateFromOpt = None,
        date_to: _DateToOpt = None,
        place: _PlaceOpt = None,
        min_confidence: _MinConfidenceOpt = None,
        happened: _HappenedOpt = False,
        text: _TextOpt = None,
        story: _StoryOpt = None,
        candidates: _CandidatesOpt = None,
        per: str = typer.Option("event", "--per", help="event: every event; cluster: one row per cluster of reports."),
        limit: Optional[int] = typer.Option(None, "--limit", help=f"At most this many rows (table default: {_TABLE_DEFAULT_LIMIT}; csv, json, jsonl: all). 0 lists none in every format: the table then only counts the matching events, csv writes its header, json an empty array."),
        fmt: str = typer.Option("table", "--format", help="table, csv, json (one JSON array of contract records) or jsonl (JSON Lines: one record per line)."),
    ) -> None:
        """List stored events matching the filters: a table, CSV, JSON or JSON Lines."""
        try:
            _choice(fmt, _EVENT_FORMATS, "--format")
            if limit is not None and limit < 0:  # the same refusal in every format
                raise TidingsError("T501", f"--limit must be 0 or more, not {limit}")
            filters = _filters(actor, recipient, dyad, event_type, mode, context,
                               date_from, date_to, place, min_confidence, text, happened, candidates, story)
            with Store(db, read_only=True) as store:
                _warn_mixed(store, filters)
                if fmt == "table":
                    shown = _TABLE_DEFAULT_LIMIT if limit is None else limit
                    table = store.events(per=per, **filters)
                    rows = table.slice(0, shown).to_pylist()
                    _print_table(rows, table.num_rows, per, limit)
                elif fmt in ("json", "jsonl"):
                    _write_json(store.records(per=per, limit=limit, **filters), fmt)
                else:
                    table = store.events(per=per, limit=limit, **filters)
                    write_csv(table, sys.stdout)
        except TidingsError as exc:
            _fail(exc)
        except duckdb.Error as exc:  # a damaged file may open and fail on reading
            _fail_damaged(db, exc)

    @app.command("dyads")
    def dyads_cmd(
        db: Path = typer.Option(Path(DEFAULT_DB), "--db", help=_DB_HELP),
        period: str = typer.Option(DEFAULT_PERIOD, "--period", help="month (the default), day, week (from Monday) or year: an event counts in the period of its date_start."),
        actor: _ActorOpt = None,
        recipient: _RecipientOpt = None,
        dyad: _DyadOpt = None,
        event_type: _EventTypeOpt = None,
        mode: _ModeOpt = None,
        context: _ContextOpt = None,
        date_from: _DateFromOpt = None,
        date_to: _DateToOpt = None,
        place: _PlaceOpt = None,
        min_confidence: _MinConfidenceOpt = None,
        text: _TextOpt = None,
        story: _StoryOpt = None,
        candidates: _CandidatesOpt = None,
        all_modes: bool = typer.Option(False, "--all-modes", help="Count every event, negated and hypothetical ones too (by default only events that happened are counted)."),
        per: str = typer.Option("event", "--per", help="event: count events; cluster: count clusters of reports."),
        fmt: str = typer.Option("table", "--format", help="table, csv, json (one JSON array of objects) or jsonl (JSON Lines: one object per line)."),
        spanning: str = typer.Option("start", "--spanning", help="An event dated by a range over more than one period ('since 2022', 'from 2021 to 2023' by year): start counts it in its start's period, end in its end's (an open range ends at publication), skip leaves it out."),
        undirected: bool = typer.Option(False, "--undirected", help="Count each pair of parties once, whichever acted: columns party_a and party_b (alphabetical) instead of actor and recipient; --dyad A-B then counts both directions, and a joint meeting or agreement of the two once (directed, it counts under A-B and under B-A)."),
    ) -> None:
        """Count events per actor country, recipient country and quad class in each period.

        The period is the month unless --period says day, week or year.

        An event counts in the period of its date_start; one dated by a range over
        more than one period ("since 2022" by year) counts there too unless --spanning
        says end or skip. An event counts once for each (actor country, recipient
        country) pair; one with no recipient country under recipient '-' in the table
        (an empty field in csv, null in json and jsonl), except a
        meeting, agreement or cooperation told jointly ("Armenia and Azerbaijan signed
        a deal": every party is an actor), which counts for each ordered pair of its
        actor countries (ARM-AZE and AZE-ARM). Only events that happened are counted: negated and
        hypothetical events ("Iran did not attack Saudi Arabia") are left out, future
        and historical ones stay. --all-modes counts every event. A historical event
        (an old act told as background) counts in the period of its own date; one with
        no date of its own (dated by the story's publication) is never counted, as its
        period is unknown; nor is an event of a story with no publication date that
        nothing in the text dates (it carries the day of coding): a note on stderr
        says how many were left out.
        """
        try:
            _choice(fmt, _EVENT_FORMATS, "--format")
            _choice(period, PERIODS, "--period")
            _choice(spanning, SPANNING, "--spanning")
            filters = _filters(actor, recipient, dyad, event_type, mode, context, date_from,
                               date_to, place, min_confidence, text, candidates=candidates,
                               story=story)
            filters["happened"] = not all_modes
            with Store(db, read_only=True) as store:
                _warn_mixed(store, filters)
                rows = store.dyads(period=period, per=per, spanning=spanning, undirected=undirected,
                                   **filters).to_pylist()
                undated = store.dyads_undated(period=period, per=per, spanning=spanning,
                                              undirected=undirected, **filters)
            if undated:
                typer.echo(f"note: {undated_note(undated)}", err=True)
            for r in rows:
                r["period"] = r["period"].isoformat()
            header = ["period", *(("party_a", "party_b") if undirected else ("actor_country", "recipient_country")),
                      "quad_class", "n"]
            if fmt in ("json", "jsonl"):
                _write_json(rows, fmt)
            elif fmt == "csv":
                w = csv.DictWriter(sys.stdout, fieldnames=header)
                w.writeheader()
                w.writerows(rows)
            else:
                from rich.table import Table
                from rich.text import Text

                table = Table(header_style="bold")
                for col in header:
                    table.add_column(col, justify="right" if col == "n" else "left")
                for r in rows:
                    table.add_row(*(Text("-" if r[c] is None else str(r[c])) for c in header))
                out_console().print(table)
        except TidingsError as exc:
            _fail(exc)
        except duckdb.Error as exc:  # a damaged file may open and fail on reading
            _fail_damaged(db, exc)

    @app.command("export")
    def export_cmd(
        out: Path = typer.Option(..., "--out", "-o", help="File to write (overwritten); - for stdout (csv, jsonl, cameo)."),
        fmt: str = typer.Option("parquet", "--format", help="parquet, csv, jsonl (the event contract) or cameo (CSV, one row per actor-recipient pair)."),
        db: Path = typer.Option(Path(DEFAULT_DB), "--db", help=_DB_HELP),
        actor: _ActorOpt = None,
        recipient: _RecipientOpt = None,
        dyad: _DyadOpt = None,
        event_type: _EventTypeOpt = None,
        mode: _ModeOpt = None,
        context: _ContextOpt = None,
        date_from: _DateFromOpt = None,
        date_to: _DateToOpt = None,
        place: _PlaceOpt = None,
        min_confidence: _MinConfidenceOpt = None,
        happened: _HappenedOpt = False,
        all_modes: bool = typer.Option(False, "--all-modes", help="cameo: write every event, negated and hypothetical ones too (by default cameo leaves them out, as it has no column to mark them; the other formats write every event unless --happened)."),
        text: _TextOpt = None,
        story: _StoryOpt = None,
        candidates: _CandidatesOpt = None,
        per: str = typer.Option("event", "--per", help="event, or cluster (one event per cluster of reports)."),
    ) -> None:
        """Export stored events to Parquet, CSV, JSON Lines or the CAMEO-style CSV.

        The cameo format has no column for negation, so it writes only events that
        happened: negated and hypothetical events ("Iran did not attack Saudi Arabia")
        are left out, future and historical ones stay, and the summary says how many
        were left out. --all-modes writes every event. The other formats write every
        event unless --happened.
        """
        try:
            _choice(fmt, EXPORT_FORMATS, "--format")
            if happened and all_modes:
                raise TidingsError("T501", "--happened and --all-modes contradict each other",
                                   "give one of them")
            filters = _filters(actor, recipient, dyad, event_type, mode, context, date_from,
                               date_to, place, min_confidence, text, happened, candidates, story)
            if all_modes:
                filters["happened"] = False
            left_out = 0
            to_stdout = str(out) == "-"  # for the text formats; Parquet is binary
            if to_stdout and fmt == "parquet":
                raise TidingsError("T501", "--out - (stdout) takes csv, jsonl or cameo, not parquet",
                                   "give a file name for Parquet")
            if not to_stdout:  # the store must not be overwritten by its own export
                from tidings.outputs import check_file_outputs, check_not_folders, check_outputs

                check_not_folders([("--out", out)], f"events.{fmt}")
                check_outputs([str(db)], [("--out", out)], what="the store")
                check_file_outputs([("--out", out)])   # nor another store
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / f"export.{fmt}" if to_stdout else out
                with Store(db, read_only=True) as store:
                    _warn_mixed(store, filters)
                    n = store.export(path, format=fmt, per=per, **filters)
                    if fmt == "cameo" and filters["happened"] is None:
                        left_out = (store.count(per=per, **{**filters, "happened": False})
                                    - store.count(per=per, **{**filters, "happened": True}))
                if to_stdout:
                    with path.open("rb") as f:
                        shutil.copyfileobj(f, sys.stdout.buffer)
                    sys.stdout.flush()
            note = ""
            if left_out:
                unit = "event" if left_out == 1 else "events"
                note = (f" ({left_out} negated or hypothetical {unit} left out; "
                        "--all-modes keeps them)")
            typer.echo(f"Wrote {n} rows to {'stdout' if to_stdout else out}{note}", err=True)
        except TidingsError as exc:
            _fail(exc)
        except duckdb.Error as exc:  # a damaged file may open and fail on reading
            _fail_damaged(db, exc)
