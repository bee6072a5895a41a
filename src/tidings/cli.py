"""The ``tidings`` command line: thin Typer wrappers over the library.

``tidings code`` reads stories, codes PLOVER events and stores them in DuckDB (and,
with ``--out``, JSON Lines following the event contract). Query and export commands
come from :mod:`tidings.query_cli`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import duckdb
import typer
from rich.console import Console

from . import __version__
from rich.markup import escape

from .errors import TidingsError

def _flags_without_type(cmd) -> None:
    """Show each boolean flag of ``cmd`` and its subcommands as a bare flag in help: no
    ``<bool>`` type after it (Typer's rich help prints every option's type, a flag's
    too, as if it took a value: issue 16). An empty ``metavar`` is Click's own setting
    for "no value placeholder"."""
    for param in getattr(cmd, "params", ()):
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
        if getattr(param, "param_type_name", None) == "argument":
            _name_argument(param)
    make_help = cmd.get_help_option  # --help is made when help is asked for

    def help_option(ctx):
        opt = make_help(ctx)
        if opt is not None and opt.metavar is None:
            opt.metavar = ""
        return opt

    cmd.get_help_option = help_option
    if getattr(cmd, "help", None):
        cmd.help = unwrap_help(cmd.help)
    for sub in getattr(cmd, "commands", {}).values():
        _flags_without_type(sub)


def argument_usage(param) -> str:
    """An argument's name in the usage line and its errors, as Click writes it: its
    ``metavar``, else its name in capitals, in brackets when it is optional, with
    ``...`` when it takes several values (``INPUTS...``, ``GOLD``). Typer writes a
    required argument in braces, ``{inputs}...``, which a fresh user read as a template
    placeholder left unfilled in ``tidings code``'s usage line. Never raises."""
    name = param.metavar or param.name.upper()
    if not param.required:
        name = f"[{name}]"
    return name + ("..." if param.nargs != 1 else "")


def _name_argument(param) -> None:
    """Give the argument ``param`` :func:`argument_usage` in the usage line and in the
    error of a missing value ("Missing argument 'INPUTS...'.")."""
    param.get_usage_pieces = lambda ctx: [argument_usage(param)]
    param.get_error_hint = lambda ctx=None: f"'{argument_usage(param)}'"


def unwrap_help(text: str) -> str:
    """A command's docstring as help text: dedented, each paragraph on one line (its
    single line breaks made spaces), paragraphs kept apart by a blank line. Typer's rich
    help keeps a docstring's line breaks after the first paragraph, and the command list
    keeps those of the first, then wraps each source line again at the terminal's width:
    at 80 columns "... whether it was coded" / "with ..." broke sentences mid-way (a
    fresh user's trial). ``""`` stays ``""``; never raises."""
    import inspect
    import re

    paragraphs = inspect.cleandoc(text or "").split("\n\n")
    return "\n\n".join(re.sub(r"\s*\n\s*", " ", p.strip()) for p in paragraphs if p.strip())


class _Group(typer.core.TyperGroup):
    """The ``tidings`` command group: its flags, and those of every subcommand, show as
    flags in help (:func:`_flags_without_type`)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _flags_without_type(self)


app = typer.Typer(
    cls=_Group,
    add_completion=False,
    no_args_is_help=True,
    help="tidings: news stories in, PLOVER political event data out, with the evidence.",
)
err = Console(stderr=True, soft_wrap=True)  # one message, one line, even when piped
DEFAULT_DB = "tidings.duckdb"


def _at_least(option: str, value: float, low: float) -> None:
    """Raise T501 (a one-line error, exit status 1, like every bad option value) when
    ``value`` is below ``low``; Typer's own range check would print a usage box and exit 2."""
    if value < low:
        raise TidingsError("T501", f"{option}: {value} is below {low}", f"give {option} {low} or more")


def _fail(exc: Exception) -> None:
    err.print(f"[red]Error:[/red] {escape(str(exc))}", highlight=False)
    raise typer.Exit(1)


def _fail_store(db: Path, exc: Exception) -> None:
    """Report a DuckDB error that means a damaged store (T409); re-raise any other."""
    from .store import damage_error

    err = damage_error(db, exc)
    if err is None:
        raise exc
    _fail(err)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(__version__)
        raise typer.Exit(0)


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """tidings: news stories in, PLOVER political event data out, with the evidence."""


@app.command("code")
def code_cmd(
    inputs: list[str] = typer.Argument(..., help="Story files or folders (JSON Lines, CSV, text, HTML), or '-' for standard input (JSON Lines when its first line is a JSON object, else plain text)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Also write the events as JSON Lines (the event contract) to this file; '-': standard output."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB file to store stories and events in (created if missing)."),
    no_db: bool = typer.Option(False, "--no-db", help="Do not write a database (only --out, which it then needs)."),
    fmt: str = typer.Option("auto", "--format", help="Input format: auto (by extension), jsonl, csv, text, html."),
    id_col: Optional[str] = typer.Option(None, "--id-col", help="CSV column / JSON field holding the story id."),
    id_prefix: str = typer.Option("", "--id-prefix", help="Put this text before every story id read (e.g. --id-prefix feedA/), so that the stories of two inputs whose ids repeat (both have a story '1') are kept apart in one store instead of the second replacing the first."),
    text_col: Optional[str] = typer.Option(None, "--text-col", help="CSV column / JSON field holding the story text."),
    date_col: Optional[str] = typer.Option(None, "--date-col", help="CSV column / JSON field holding the publication date."),
    title_col: Optional[str] = typer.Option(None, "--title-col", help="CSV column / JSON field holding the story title (default: title). Each --*-col applies to the input files that have that column; a file without it is read from the default fields, with one warning."),
    pub_date: Optional[str] = typer.Option(None, "--pub-date", help="Publication date (YYYY-MM-DD; YYYY-MM or YYYY when only the month or year is known) for stories that carry none (text and HTML files)."),
    date_order: Optional[str] = typer.Option(None, "--date-order", help="How to read all-numeric dates that read two ways (06/01/2025): DMY (day first) or MDY (month first); without it such dates are refused (T103)."),
    encoding: str = typer.Option("utf-8", "--encoding", help="Encoding of the input files (e.g. latin-1, cp1252, utf-16); UTF-16 with a byte-order mark is recognised whatever this says."),
    processes: int = typer.Option(1, "--processes", "-p", help="Parser worker processes (1 or more)."),
    batch_size: int = typer.Option(32, "--batch-size", help="Stories per parsing batch (1 or more)."),
    actors: list[Path] = typer.Option([], "--actors", help="User actor dictionary (YAML, CSV or PETRARCH .actors.txt); repeatable."),
    force: bool = typer.Option(False, "--force", help="Re-code stories already in the database."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, warnings or summary (skipped records are still listed)."),
    max_story_chars: int = typer.Option(100_000, "--max-story-chars", help="Skip (T109) stories longer than this many characters; 0: no limit."),
    max_sentence_tokens: int = typer.Option(150, "--max-sentence-tokens", help="Cut runs of more tokens than this without a full stop before parsing; 0: no cut."),
    story_timeout: float = typer.Option(60.0, "--story-timeout", help="Seconds one story may take to parse and code before it is skipped (T203); 0: no limit."),
    languages: str = typer.Option("en", "--languages", help="Comma-separated ISO 639-1 codes of the languages to code; stories in others are skipped (T110)."),
    any_language: bool = typer.Option(False, "--any-language", help="Code every story whatever its language."),
    engine: str = typer.Option("local", "--engine", help="local (this machine, --processes workers) or ray (Ray Data; --out is then a folder of Parquet files; see docs/scale.md)."),
    address: Optional[str] = typer.Option(None, "--address", help="With --engine ray: address of a running Ray cluster (default: start a local Ray on 127.0.0.1)."),
    all_candidates: bool = typer.Option(False, "--all-candidates", help="Keep every event found, whatever its confidence (default: only events whose confidence reaches the model's threshold; see docs/model.md)."),
) -> None:
    """Code news stories into PLOVER events, stored in DuckDB (and JSON Lines with --out)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .engines.local import Limits, code_stories
    import codecs

    from .read import DATE_ORDERS, ReadOptions, normalise_date, read_stories

    stored_in: Optional[Path] = None  # the store written to, once it is open
    try:
        _at_least("--processes", processes, 1)
        _at_least("--batch-size", batch_size, 1)
        _at_least("--max-story-chars", max_story_chars, 0)
        _at_least("--max-sentence-tokens", max_sentence_tokens, 0)
        _at_least("--story-timeout", story_timeout, 0)
        if date_order is not None:
            date_order = date_order.upper()
            if date_order not in DATE_ORDERS:
                raise TidingsError("T501", f"--date-order: {date_order!r} is neither DMY nor MDY",
                                   "use DMY (day first) or MDY (month first)")
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise TidingsError("T501", f"--encoding: unknown encoding {encoding!r}",
                               "use a Python codec name such as utf-8, latin-1, cp1252 or utf-16") from None
        if pub_date is not None:
            try:
                pub_date = normalise_date(pub_date, date_order)
            except ValueError as exc:
                # the reader's message may say what to write already ("... or write it as
                # YYYY-MM-DD"); a second hint repeated it (a fresh-user trial)
                hint = "" if "YYYY-MM-DD" in str(exc) else "use YYYY-MM-DD"
                raise TidingsError("T501", f"--pub-date: {exc}", hint) from None
        for a in actors:
            if not a.exists():
                raise TidingsError("T502", f"--actors: no such file {a}")
        if actors:  # a bad dictionary fails here, once, before any output is opened
            from .actors import ActorResolver

            ActorResolver([str(a) for a in actors])
        opts = ReadOptions(fmt=fmt, id_col=id_col, id_prefix=id_prefix, text_col=text_col, date_col=date_col, title_col=title_col,
                           pub_date=pub_date,
                           date_order=date_order, encoding=encoding)
        limits = _limits(Limits, max_story_chars, max_sentence_tokens, story_timeout, languages, any_language)
        if all_candidates:
            import dataclasses
            limits = dataclasses.replace(limits, all_candidates=True)
        if no_db and out is None:
            raise TidingsError("T508", "--no-db without --out: the events would be coded and thrown away",
                               "give --out FILE, or --out - for standard output, or leave out --no-db")
        to_stdout = out is not None and str(out) == "-"
        # before anything is opened for writing: an output that is an input would be
        # truncated (--out) or overwritten (--db) before a story is read
        from .outputs import check_file_outputs, check_not_folders, check_outputs

        if engine == "local":  # (the Ray engine's --out is a folder)
            check_not_folders([("--out", None if out is None or to_stdout else out)], "events.jsonl")
        check_outputs(inputs, [("--out", None if out is None or to_stdout else out),
                               ("--db", None if no_db else db)])
        if engine == "local":  # (the Ray engine's --out is a folder)
            check_file_outputs([("--out", None if out is None or to_stdout else out)], None if no_db else db)
        if engine != "local":
            if to_stdout:
                raise TidingsError("T505", "--engine ray needs --out DIR (a folder for the Parquet events), not -")
            if engine == "ray":  # T701 before the --out folder or the store is made
                from .engines.ray import require_ray

                require_ray()
            summary = _code_ray(engine, inputs, out, None if no_db else db, opts, limits, processes,
                                batch_size, actors, address, quiet)
            _print_summary(summary, None if no_db else db, out,
                           kept=f"the failures table of {db.resolve()}" if not no_db
                           else f"{out / 'failures.jsonl'}", quiet=quiet)
            _end_run(summary, inputs)  # as the local engine's run ends: T117 when nothing was read
            return
        if fmt not in ("auto", "jsonl", "csv", "text", "html"):
            raise TidingsError("T501", f"--format: unknown input format {fmt!r}",
                               "use auto, jsonl, csv, text or html")
        if not no_db and db.suffix.lower() in (".csv", ".tsv", ".json", ".jsonl", ".ndjson", ".parquet", ".txt", ".html"):
            # DuckDB would open such a path as an in-memory view and silently store nothing
            raise TidingsError("T506", f"--db {db}: not a database file name",
                               "name the store with .duckdb (or .db); use --out for JSON Lines")
        gone = [i for i in inputs if str(i) != "-" and not Path(i).exists()]
        if gone and len(gone) == len(inputs):
            # nothing to read: stop before --out is truncated (a mistyped path emptied the
            # events file of an earlier run, a fresh-user trial) or a store is made
            raise TidingsError("T104", f"{gone[0]}: no such file or folder"
                               + (f" (nor {len(gone) - 1} other input{'s' * (len(gone) > 2)})" if len(gone) > 1 else ""),
                               "check the path; nothing was written")
        out_fh = None
        if to_stdout:  # events on stdout; the progress bar and the summary are on stderr
            out_fh = sys.stdout
        elif out:
            try:  # open the output first: a bad --out path fails before any work
                out_fh = open(out, "w", encoding="utf-8")
            except OSError as exc:
                raise TidingsError("T507", f"--out {out}: cannot write ({exc.strerror or exc})",
                                   "give a file in an existing, writable folder") from None
        items = read_stories(inputs, opts)
        store = None
        if not no_db:
            # a new store is made only once a story could be read: a missing or
            # unreadable input leaves no empty database behind
            found, items = (True, items) if db.exists() else _until_a_story(items)
            if found:
                from .store import Store
                try:
                    store = Store(db)
                except TidingsError:
                    if out_fh and not to_stdout:
                        out_fh.close()
                    raise
                stored_in = db
        sink = (lambda ev: out_fh.write(ev.to_json() + "\n")) if out_fh else None
        show = not quiet and sys.stderr.isatty()
        try:
            if show:
                with Progress(TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TextColumn("records"),
                              TimeElapsedColumn(), console=err, transient=True) as prog:
                    task = prog.add_task("code", total=None)
                    summary = code_stories(items, store=store, sink=sink, processes=processes,
                                           batch_size=batch_size, actor_files=[str(a) for a in actors],
                                           progress=lambda n: prog.advance(task, n), force=force,
                                           limits=limits)
            else:
                summary = code_stories(items, store=store, sink=sink, processes=processes,
                                       batch_size=batch_size, actor_files=[str(a) for a in actors],
                                       force=force, limits=limits)
            mixed = _mixed_outputs(store) if store is not None else None
        finally:
            # a Ctrl-C while the output and the store close waits until they are closed
            # (it is raised then, with the first one's summary in its context)
            from .engines.local import _CtrlC

            with _CtrlC.watch() as ctrl_c, ctrl_c.held():
                if to_stdout:
                    out_fh.flush()
                elif out_fh:
                    out_fh.close()
                if store is not None:
                    store.close()
    except TidingsError as exc:
        _fail(exc)
        return
    except duckdb.Error as exc:  # a damaged store may open and fail on reading
        _fail_store(db, exc)
    except KeyboardInterrupt as exc:  # Ctrl-C: say what is kept, exit 130 like a shell
        _print_interrupted(_interrupted_summary(exc), stored_in, out)
        raise typer.Exit(130) from None
    _print_summary(summary, stored_in, out,
                   kept=f"the failures table of {stored_in.resolve()}" if stored_in is not None else None,
                   quiet=quiet)
    if not quiet:
        if mixed:
            # stories of this run coded with the other output before are coded again
            # ("re-coded (output changed)"); the store's other stories keep theirs
            err.print(f"[yellow]warning[/yellow] {escape(mixed)}", highlight=False)
    _end_run(summary, inputs)


@app.command("recode")
def recode_cmd(
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB store to re-code in place."),
    all_stories: bool = typer.Option(False, "--all", help="Re-code every story, not only those coded by another pipeline version."),
    processes: int = typer.Option(1, "--processes", "-p", help="Worker processes (1 or more)."),
    actors: list[Path] = typer.Option([], "--actors", help="User actor dictionary (YAML, CSV or PETRARCH .actors.txt); repeatable."),
    all_candidates: bool = typer.Option(False, "--all-candidates", help="Give every re-coded story every event found, whatever its confidence (default: each story keeps the output it was coded for)."),
    default_output: bool = typer.Option(False, "--default-output", help="Give every re-coded story the default output only: events whose confidence reaches the model's threshold (default: each story keeps the output it was coded for)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary."),
) -> None:
    """Re-code the stories a store holds with this pipeline version, replacing their events.

    Each story keeps the output it was coded for: the store records whether it was coded
    with --all-candidates (column stories.all_candidates, schema version 5); a story
    stored before that record holding events below the default confidence threshold was
    coded with it. --all-candidates or --default-output gives every story that output (a
    fresh user's trial: re-coding turned 103 events into 75 in silence).

    Errors (one line, exit status 1): T402 when the store does not exist; T405 when both
    --all-candidates and --default-output are given."""
    from .engines.local import Limits, code_stories
    from .store import Store
    from .version import pipeline_version

    try:
        _at_least("--processes", processes, 1)
        if all_candidates and default_output:
            raise TidingsError("T405", "--all-candidates and --default-output ask for two different outputs",
                               "give one of them, or neither to keep each story's own")
        if not db.exists():
            raise TidingsError("T402", f"no store at {db}", "run tidings code first")
        store = Store(db)
        try:
            # read the stories first: the store is written while they are re-coded
            stories = list(store.stories(exclude_version=None if all_stories else pipeline_version()))
            if not stories:  # nothing to re-code: say why, not "records: 0 stories read: 0"
                held = store.stats()["stories"]
                if not quiet:
                    err.print(f"nothing to re-code: {_current(held)}", highlight=False)
                    err.print(f"database: {db.resolve()}", highlight=False, markup=False)
                return
            every = set() if default_output else {st.id for st in stories} if all_candidates \
                else _stories_coded_with_all_candidates(store, [st.id for st in stories])
            summary = None
            for group, limits in (([st for st in stories if st.id not in every], None),
                                  ([st for st in stories if st.id in every], Limits(all_candidates=True))):
                if group or summary is None:
                    run = code_stories(group, store=store, processes=processes,
                                       actor_files=[str(a) for a in actors], force=True, limits=limits)
                    summary = run if summary is None else summary.add(run)
        finally:
            store.close()
    except TidingsError as exc:
        _fail(exc)
        return
    except duckdb.Error as exc:
        _fail_store(db, exc)
    if not quiet:
        _print_summary(summary, db, None, kept=f"the failures table of {db.resolve()}")
        if every and not all_candidates:
            err.print(f"{_n(len(every), 'story', 'stories')} coded with --all-candidates kept every candidate "
                      "(--default-output gives them the default output)", highlight=False)


def _current(held: int) -> str:
    """What ``tidings recode`` says when no story needs re-coding: ``held`` stories, all
    coded by this pipeline version (``--all`` re-codes them anyway), or an empty store."""
    from .version import pipeline_version

    if held == 0:
        return "the store holds no story (tidings code stores some)"
    every = "the" if held == 1 else f"all {held}"
    return (f"{every} {'story' if held == 1 else 'stories'} in the store {'is' if held == 1 else 'are'} "
            f"current, coded by this pipeline version ({pipeline_version()}); --all re-codes "
            f"{'it' if held == 1 else 'them'} anyway")


@app.command("eval")
def eval_cmd(
    gold: str = typer.Argument(..., help="Gold JSON Lines file (format of shared/eval/README.md), "
                               "or corpus:train|dev|test for a split of the labelled corpus."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    show_failures: int = typer.Option(0, "--failures", help="Also list this many documents whose types differ."),
) -> None:
    """Code a gold file's texts (or a corpus split's stories) and score them.

    The scores: F1 per type, macro/micro F1, false-event rate, actor/recipient country
    and sector, date and location accuracy, calibration error; for the corpus also per
    source file."""
    from .evaluate import evaluate_corpus, evaluate_file

    skipped: list[TidingsError] = []

    def warn(exc: TidingsError) -> None:  # a bad line is skipped; the rest is scored
        skipped.append(exc)
        if len(skipped) <= 20:
            err.print(f"[yellow]warning[/yellow] {escape(str(exc))}; line skipped", highlight=False)

    def count_rest() -> None:
        if len(skipped) > 20:
            err.print(f"... and {len(skipped) - 20} more lines skipped", highlight=False)

    try:
        if gold.startswith("corpus:"):
            from .corpus import SPLITS, CorpusError

            split = gold.split(":", 1)[1] or None
            if split not in (*SPLITS, "all"):
                raise TidingsError("T503", f"unknown corpus split {split!r}", "corpus:train, corpus:dev or corpus:test")
            try:
                scores = evaluate_corpus(None if split == "all" else split)
            except (CorpusError, FileNotFoundError) as exc:
                raise TidingsError("T503", f"{gold}: {exc}",
                                   "the corpus needs ../shared/data beside the checkout") from None
        else:
            path = Path(gold)
            if not path.exists():
                raise TidingsError("T503", f"no such gold file: {gold}")
            scores = {"all": evaluate_file(path, on_error=warn)}
    except TidingsError as exc:
        count_rest()
        _fail(exc)
        return
    count_rest()
    if as_json:
        typer.echo(json.dumps({k: v.to_dict() for k, v in scores.items()} if len(scores) > 1
                              else scores["all"].to_dict(), indent=2))
        return
    from rich.table import Table

    from .query_cli import out_console

    out = out_console()  # a pipe or a file: no table wrapped at 80 columns
    sc = scores["all"]
    # a corpus split is scored sentence by sentence; a gold file, record (document) by record
    unit = "sentences" if gold.startswith("corpus:") else "documents"
    table = Table(title=f"{gold}: {sc.documents} {unit}")
    for col in ("type", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="right" if col != "type" else "left")
    for t, m in sc.per_type.items():
        table.add_row(t, f"{m['precision']:.2f}", f"{m['recall']:.2f}", f"{m['f1']:.2f}",
                      str(m["tp"]), str(m["fp"]), str(m["fn"]))
    out.print(table)
    fmt = lambda v: "n/a" if v is None else f"{v:.3f}"  # noqa: E731
    for name, s in scores.items():
        if len(scores) > 1:
            out.print(f"[bold]{escape(name)}[/bold] ({s.documents} sentences)", highlight=False)
        c = s.counts
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        out.print(f"precision {p:.3f}  recall {r:.3f}  macro F1 {s.macro_f1:.3f}  micro F1 {s.micro_f1:.3f}  "
                  f"false-event rate {fmt(s.false_event_rate)}\n"
                  f"actor {fmt(s.actor_accuracy)}  recipient {fmt(s.recipient_accuracy)}  "
                  f"actor sector {fmt(s.actor_sector_accuracy)}  recipient sector {fmt(s.recipient_sector_accuracy)}  date {fmt(s.date_accuracy)}  "
                  f"location {fmt(s.location_accuracy)} (place precision {fmt(s.location_precision)}, recall {fmt(s.location_recall)})  ECE {fmt(s.ece)}\n"
                  f"actor given {fmt(s.actor_given)}  recipient given {fmt(s.recipient_given)}  "
                  f"recipient precision {fmt(s.recipient_precision)}", highlight=False)
    for f in sc.failures[:show_failures]:
        out.print(f"{f['id']}: gold {f['gold']} predicted {f['predicted']}: {f['text']}", highlight=False,
                  markup=False)


def _limits(limits_cls, max_story_chars: int, max_sentence_tokens: int, story_timeout: float,
            languages: str, any_language: bool):
    """Build the engine's Limits from the ``code`` options (0 means no limit).

    Raises:
        TidingsError(T504): when ``--languages`` names a code the detector does not know.
    """
    from .language import DETECTED, normalise_code

    langs = None
    if not any_language:
        langs = tuple(c for c in (normalise_code(x) for x in languages.split(",")) if c)
        unknown = [c for c in langs if c not in DETECTED]
        if not langs or unknown:
            raise TidingsError("T504", f"--languages: unknown language {', '.join(unknown) or repr(languages)}",
                               f"use ISO 639-1 codes among {', '.join(DETECTED)}")
    return limits_cls(max_story_chars=max_story_chars or None,
                      max_sentence_tokens=max_sentence_tokens or None,
                      story_timeout=story_timeout or None, languages=langs)


def _code_ray(engine: str, inputs: list[str], out: Optional[Path], db: Optional[Path], opts, limits,
              processes: int, batch_size: int, actors: list[Path], address: Optional[str], quiet: bool):
    """``tidings code --engine ray``: code with :func:`tidings.engines.ray.code_with_ray`.

    Raises:
        TidingsError(T505): unknown engine, or no ``--out`` folder; T701-T705 from the engine.
    """
    if engine != "ray":
        raise TidingsError("T505", f"--engine: unknown engine {engine!r}", "use local or ray")
    if out is None:
        raise TidingsError("T505", "--engine ray needs --out DIR (a folder for the Parquet events)")
    from .engines.ray import code_with_ray

    # (Ray reads its JSON Lines as UTF-8 itself: --encoding is the local engine's)
    read_options = {k: getattr(opts, k) for k in ("fmt", "id_col", "id_prefix", "text_col", "date_col", "title_col", "pub_date",
                                                  "date_order")}
    store = None
    if db is not None:
        from .store import Store
        store = Store(db)
    try:
        return code_with_ray(inputs, out, address=address, workers=processes if processes > 1 else None,
                             batch_size=batch_size, actor_files=[str(a) for a in actors],
                             read_options=read_options, limits=limits, store=store,
                             progress=not quiet and sys.stderr.isatty())
    finally:
        if store is not None:
            store.close()


def _until_a_story(items):
    """Read ``items`` up to their first story.

    Returns:
        ``(found, items)``: whether a story was read, and an iterator over all the items
        (those read and the rest).
    """
    from itertools import chain

    from .records import Story

    items = iter(items)
    head = []
    for it in items:
        head.append(it)
        if isinstance(it, Story):
            return True, chain(head, items)
    return False, iter(head)


def _interrupted_summary(exc: BaseException):
    """The RunSummary of the first Ctrl-C, or None.

    A second Ctrl-C raised while the first one unwinds (closing the output or the store)
    replaces it, with the first (an :class:`~tidings.engines.local.Interrupted` carrying
    the summary) as its ``__context__``: look along that chain.
    """
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        summary = getattr(exc, "summary", None)
        if summary is not None:
            return summary
        exc = exc.__context__
    return None


def _print_interrupted(s, db: Optional[Path], out: Optional[Path]) -> None:
    """One line on Ctrl-C: how many stories were coded and kept, and how to go on."""
    kept = ([f"stored in {db.resolve()}"] if db is not None else []) + (
        [f"their events written to {_out_name(out)}"] if out is not None else [])
    if db is None:
        then = "nothing was stored, so run again to code them all"
    else:
        then = "run the same command again to code the rest"
        if out is not None:
            then += " (with --out every story is coded again, so that the file is whole)"
    err.print(f"[yellow]Interrupted[/yellow]: {_n(s.coded if s is not None else 0, 'story', 'stories')} coded"
              f"{', ' + ' and '.join(kept) if kept else ''}; {then}", highlight=False)


def _out_name(out: Path) -> str:
    return "standard output" if str(out) == "-" else str(out.resolve())


def _n(count: int, one: str, many: str) -> str:
    """``1 story``, ``2 stories``."""
    return f"{count} {one if count == 1 else many}"


def _nothing_read(s, inputs: list[str]) -> TidingsError:
    """The T117 error of a run whose every record was an unreadable-input skip
    (``s.read == 0`` and ``s.skipped``): it names the inputs and the count of broken
    records by reason ("broken.jsonl: none of its 3 records could be read (T101 read: 2,
    T106 read: 1)"), with a hint to fix the lines, or, when every record had no text (an
    empty text file), that the input holds no story text, or, when every record's
    publication date was refused (T103: ``03/04/2026`` reads two ways), how to give the
    dates. Standard input (``-``) is named "standard input"."""
    names = ", ".join("standard input" if str(i) == "-" else str(i) for i in inputs)
    n = sum(s.skipped.values())
    whose = "its" if len(inputs) == 1 else "their"
    reasons = ", ".join(f"{k}: {v}" for k, v in sorted(s.skipped.items()))
    what = f"{whose} one record could not be read" if n == 1 else f"none of {whose} {n} records could be read"
    # every record had no text (T106: an empty text file, empty "text" fields): no line to
    # fix and no format to check, the input is empty (a fresh user's remark)
    # every record had a publication date refused (T103: one that reads two ways,
    # 03/04/2026, or a typo): the text was read, and --format or --encoding is no cure
    hint = "the input holds no story text" if all(k.startswith("T106") for k in s.skipped) \
        else ("fix the dates named above: give --date-order DMY or MDY for dates that read two "
              "ways, or write them as YYYY-MM-DD") if all(k.startswith("T103") for k in s.skipped) \
        else "fix the lines named above, or check --format and --encoding"
    return TidingsError("T117", f"{names}: {what} ({reasons}); nothing was coded", hint)


def _end_run(s, inputs: list[str]) -> None:
    """The end of a ``tidings code`` run, after its summary, the same for both engines
    (the Ray engine ended without the T117 line before the twenty-fourth round): a note
    when the inputs held no record (:func:`_note_no_stories`, exit 0), and when no story
    at all could be read (``s.read == 0`` with skips: every record was an unreadable-input
    skip), the T117 error line of :func:`_nothing_read` and exit status 1, as the input
    itself is broken (docs/bad-input.md, "Exit status of tidings code"; a fresh user's
    trial: exit 1 in silence).

    Raises:
        typer.Exit: with status 1 when nothing could be read.
    """
    _note_no_stories(s, inputs)
    if s.read == 0 and s.skipped:
        _fail(_nothing_read(s, inputs))


def _note_no_stories(s, inputs: list[str]) -> None:
    """One line when the inputs held nothing at all (an empty file or folder): a run
    that reads nothing and skips nothing would otherwise end in silence."""
    if s.read == 0 and not s.skipped:
        err.print(f"[yellow]warning[/yellow] no stories found in {escape(', '.join(inputs))}: "
                  "the input holds no records, so nothing was coded", highlight=False)


def _mixed_outputs(store) -> Optional[str]:
    """The warning for a store that now holds stories coded with ``--all-candidates``
    and stories coded with the default output (``stories.all_candidates``; the
    queries' warning, :func:`tidings.query_cli.mixed_outputs_warning`), or None."""
    from .query_cli import mixed_outputs_warning

    return mixed_outputs_warning(store)


def _stories_coded_with_all_candidates(store, story_ids: list[str]) -> set[str]:
    """The ids among ``story_ids`` of the stories coded with ``--all-candidates``: those the
    store records so (``stories.all_candidates``), and of the stories stored before that
    record (NULL), those holding an event below the model's default output threshold."""
    from .learn.model import default_threshold

    if not story_ids:
        return set()
    outputs = store.stored_outputs(story_ids)
    every = {sid for sid, v in outputs.items() if v}
    unknown = [sid for sid, v in outputs.items() if v is None]
    threshold = default_threshold()
    if unknown and threshold:
        every |= {r[0] for r in store.con.execute(
            "SELECT DISTINCT story_id FROM events WHERE confidence < ? AND story_id IN (SELECT unnest(?))",
            [threshold, unknown]).fetchall()}
    return every


def _events_line(s) -> str:
    """The summary's count of events: ``events: 39 (in 10 stories)`` when the run left no
    story unchanged (a first run: the README shows it); else the events are named new and
    the unchanged stories' stored events are counted (``RunSummary.unchanged_events``),
    ``events: 0 new; 11 stories unchanged (already coded, 39 events in the store)``: a
    re-run's "events: 0 (in 0 stories)" read as an empty store to a fresh user."""
    if not s.unchanged:
        return f"events: {s.events} (in {_n(s.stories_with_events, 'story', 'stories')})"
    new = f"events: {s.events} new" + (f" (in {_n(s.stories_with_events, 'story', 'stories')})"
                                         if s.events else "")
    held = getattr(s, "unchanged_events", 0)
    return (f"{new}; {_n(s.unchanged, 'story', 'stories')} unchanged "
            f"(already coded, {_n(held, 'event', 'events')} in the store)")


def _print_summary(s, db: Optional[Path], out: Optional[Path], kept: Optional[str] = None,
                   quiet: bool = False) -> None:
    """Print the reader's warnings and the skips (the first 20 of each) and the run's counts;
    with ``quiet`` (``--quiet``), the skips only: a quiet run still says what it did not code.

    ``kept``: where every skip is kept (the store's failures table, the Ray engine's
    ``failures.jsonl``), for the hint past the first 20; None when they are kept nowhere.

    The counts add up: every record is a story read or an unreadable record, and every
    story read is coded, unchanged or skipped, so ``skipped`` = unreadable records +
    stories read but skipped (too long, another language, a duplicate id...).
    """
    notes = [] if quiet else (getattr(s, "warnings", None) or [])
    for msg in notes[:20]:  # stories read with help (an id made up, HTML stripped): coded
        err.print(f"[yellow]warning[/yellow] {escape(str(msg))}", highlight=False)
    if len(notes) > 20:
        err.print(f"... and {len(notes) - 20} more warnings", highlight=False)
    for msg in s.failures[:20]:
        err.print(f"[yellow]skipped[/yellow] {escape(str(msg))}", highlight=False)
    if len(s.failures) > 20:
        where = (f"all are in {kept}" if kept else "not listed here, and not kept without a store; "
                 "they are counted by reason below")
        err.print(f"... and {len(s.failures) - 20} more skipped ({escape(where)})", highlight=False)
    if quiet:
        return
    skipped = sum(s.skipped.values())
    stories_skipped = min(skipped, max(0, s.read - s.coded - s.unchanged))
    unreadable = skipped - stories_skipped
    reasons = ", ".join(f"{k}: {v}" for k, v in sorted(s.skipped.items())) or "none"
    if skipped:
        reasons = (f"{_n(unreadable, 'unreadable record', 'unreadable records')} + "
                   f"{stories_skipped} of the stories read; by reason: {reasons}")
    err.print(
        f"records: {s.read + unreadable}  stories read: {s.read}  coded: {s.coded}  unchanged: {s.unchanged}  "
        f"skipped: {skipped} ({reasons})\n"
        f"{_events_line(s)}  elapsed: {s.elapsed:.1f}s  stories/s: {s.stories_per_second:.2f}",
        highlight=False,
    )
    if getattr(s, "recoded", None):  # stories the store held, coded again, and why
        from .engines.local import RECODED_OTHER_INPUT

        # a story of another input with a stored story's id is no re-code: said apart
        err.print(", ".join(f"{n} {why}" if why == RECODED_OTHER_INPUT else f"{n} re-coded ({why})"
                            for why, n in sorted(s.recoded.items())), highlight=False)
    notes = getattr(s, "no_pub_date_notes", None) or []
    for msg in notes[:20]:  # once per story whose events took today's date (r19e)
        err.print(f"[yellow]warning[/yellow] {escape(str(msg))}", highlight=False)
    if len(notes) > 20:
        err.print(f"... and {len(notes) - 20} more stories with no publication date", highlight=False)
    if getattr(s, "no_pub_date", 0):
        which = f" ({escape(s.undated_stories())})" if getattr(s, "no_pub_date_ids", None) else ""
        err.print(f"[yellow]warning[/yellow] {_n(s.no_pub_date, 'story', 'stories')}{which} had no publication date: their events "
                  "are dated by date phrases that name a year, else by today's date (granularity 'story'); "
                  "give --pub-date or a date column", highlight=False)
    if db is not None:
        err.print(f"database: {db.resolve()}", highlight=False, markup=False)
    if out is not None:
        err.print(f"events written to: {_out_name(out)}", highlight=False, markup=False)


# query, dyad and export commands live beside the store; `serve` in the serve package
# (FastAPI itself is imported only when the command runs)
from .query_cli import register as _register_query  # noqa: E402
from .serve.cli import register as _register_serve  # noqa: E402

_register_query(app)
_register_serve(app)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
