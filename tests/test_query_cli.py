"""Tests of ``tidings events``, ``dyads`` and ``export`` through Typer's test runner."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest
import typer
from typer.testing import CliRunner

from tidings.query_cli import register
from tidings.store import Store
from test_store import (ARM, AZE, EU, GENEVA, PARIS, PROTESTERS, V1, make_event,
                        make_story, save_irn_sau)

runner = CliRunner()


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    a = typer.Typer()
    register(a)
    return a


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "t.duckdb"
    s1 = make_story("s1")
    s2 = make_story("s2", text="Armenian protesters marched in Paris. Police watched.")
    s3 = make_story("s3", text="Baku and Yerevan held talks in Geneva. They agreed.")
    with Store(path) as store:
        store.save_story(s1, [make_event(s1, 0, confidence=0.9, place=GENEVA)], V1)
        store.save_story(s2, [make_event(s2, 0, "PROTEST", actor=[PROTESTERS],
                                         recipient=[AZE], place=PARIS,
                                         start="2024-03-07", mode="demo",
                                         cameo="141", confidence=0.7)], V1)
        store.save_story(s3, [make_event(s3, 0, "CONSULT", actor=[AZE, ARM],
                                         recipient=[], start="2024-03-12", mode="meet",
                                         cameo="043", confidence=0.95,
                                         claimed_by=[EU])], V1)
        # a second report of s1's accusation, from another outlet
        s4 = make_story("s4", text="The US accused Azerbaijan of breaking the truce. More.")
        store.save_story(s4, [make_event(s4, 0, confidence=0.5)], V1)
        store.cluster()
    return path


def run(app, *args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_query_cli_events_json_is_contract(app, db: Path) -> None:
    res = run(app, "events", "--db", db, "--format", "json")
    assert res.exit_code == 0, res.output
    recs = json.loads(res.stdout)  # one JSON array (JSON Lines are --format jsonl)
    assert res.stdout.startswith("[\n{") and res.stdout.endswith("}\n]\n")
    # ordered by date, then event id (s1 and s4 share a date)
    assert sorted(r["story_id"] for r in recs[:2]) == ["s1", "s4"]
    assert [r["story_id"] for r in recs[2:]] == ["s2", "s3"]
    with Store(db, read_only=True) as s:
        assert recs == list(s.records())


def test_query_cli_events_filters(app, db: Path) -> None:
    res = run(app, "events", "--db", db, "--format", "jsonl", "--dyad", "USA-AZE",
              "--min-confidence", "0.6")
    assert res.exit_code == 0, res.output
    (rec,) = [json.loads(x) for x in res.stdout.splitlines()]
    assert rec["story_id"] == "s1" and rec["confidence"] == 0.9
    res = run(app, "events", "--db", db, "--format", "jsonl", "--type", "protest,consult",
              "--from", "2024-03-10")
    assert [json.loads(x)["event_type"] for x in res.stdout.splitlines()] == ["CONSULT"]
    res = run(app, "events", "--db", db, "--format", "jsonl", "--place", "paris",
              "--text", "marched")
    assert [json.loads(x)["story_id"] for x in res.stdout.splitlines()] == ["s2"]
    # a country code matches in any case
    by_place = {p: [json.loads(x)["story_id"] for x in run(
        app, "events", "--db", db, "--format", "jsonl", "--place", p).stdout.splitlines()]
        for p in ("FRA", "fra")}
    assert by_place == {"FRA": ["s2"], "fra": ["s2"]}


def test_query_cli_events_per_cluster(app, db: Path) -> None:
    res = run(app, "events", "--db", db, "--format", "jsonl", "--per", "cluster")
    recs = [json.loads(x) for x in res.stdout.splitlines()]
    assert len(recs) == 3
    acc = next(r for r in recs if r["event_type"] == "ACCUSE")
    assert (acc["story_id"], acc["cluster_size"], acc["cluster_story_ids"]) == (
        "s1", 2, ["s1", "s4"])


def test_query_cli_events_csv(app, db: Path) -> None:
    res = run(app, "events", "--db", db, "--format", "csv", "--actor", "AZE")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [(r["story_id"], r["actor_countries"], r["claimed_by_names"]) for r in rows] == [
        ("s3", "AZE;ARM", "European Union")]


def test_query_cli_events_table(app, db: Path) -> None:
    res = run(app, "events", "--db", db, "--limit", "2")
    assert res.exit_code == 0, res.output
    assert "ACCUSE" in res.stdout and "Government of the United" in res.stdout
    assert "States (USA)" in res.stdout and "2024-03-05" in res.stdout
    assert "2 of 4 events shown" in res.stdout
    res = run(app, "events", "--db", db, "--per", "cluster")
    assert "3 clusters" in res.stdout and "reports" in res.stdout


def test_query_cli_dyads(app, db: Path) -> None:
    res = run(app, "dyads", "--db", db, "--period", "month", "--format", "csv")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    got = {(r["period"], r["actor_country"], r["recipient_country"], r["quad_class"]):
           int(r["n"]) for r in rows}
    assert got == {
        ("2024-03-01", "USA", "AZE", "verbal_conflict"): 2,
        ("2024-03-01", "FRA", "AZE", "material_conflict"): 1,
        # a meeting told jointly counts for the pair, both ways (docs/store.md)
        ("2024-03-01", "AZE", "ARM", "verbal_cooperation"): 1,
        ("2024-03-01", "ARM", "AZE", "verbal_cooperation"): 1,
    }
    # the default period is the month
    res = run(app, "dyads", "--db", db, "--format", "csv")
    assert {(r["period"], r["actor_country"], r["recipient_country"], r["quad_class"]): int(r["n"])
            for r in csv.DictReader(io.StringIO(res.stdout))} == got
    res = run(app, "dyads", "--db", db, "--period", "week", "--per", "cluster",
              "--format", "jsonl", "--dyad", "USA-AZE")
    assert [json.loads(x) for x in res.stdout.splitlines()] == [
        {"period": "2024-03-04", "actor_country": "USA", "recipient_country": "AZE",
         "quad_class": "verbal_conflict", "n": 1}]
    res = run(app, "dyads", "--db", db)
    assert res.exit_code == 0 and "verbal_conflict" in res.stdout


def test_query_cli_dyads_spanning_range_events(app, tmp_path: Path) -> None:
    # three USA-AZE accusations: on a day of 2023, over "since 2022" (2022-01-01 to its
    # publication, 2023-09-20) and within 2023 ("from March to May 2023"). By year, the
    # open range lies in two years: counted in its start's year (the default), in its
    # end's with --spanning end, and not at all with --spanning skip; the others, in one
    # year each, are counted in it whatever --spanning says.
    path = tmp_path / "r.duckdb"
    spans = {"day": ("2023-09-19", None), "since": ("2022-01-01", "2023-09-20"),
             "within": ("2023-03-01", "2023-05-31")}
    with Store(path) as store:
        for sid, (start, end) in spans.items():
            st = make_story(sid, text=f"Washington accused Baku again ({sid}). Later.")
            store.save_story(st, [make_event(st, 0, start=start, end=end)], V1)

    def years(*opts: str) -> dict[str, int]:
        res = run(app, "dyads", "--db", path, "--period", "year", "--format", "jsonl", *opts)
        assert res.exit_code == 0, res.output
        return {json.loads(x)["period"]: json.loads(x)["n"] for x in res.stdout.splitlines()}

    assert years() == years("--spanning", "start") == {"2022-01-01": 1, "2023-01-01": 2}
    assert years("--spanning", "end") == {"2023-01-01": 3}
    assert years("--spanning", "skip") == {"2023-01-01": 2}
    # by month, the March-May range spans three months too; by day only one day is whole
    res = run(app, "dyads", "--db", path, "--period", "day", "--spanning", "skip", "--format", "jsonl")
    assert [json.loads(x)["period"] for x in res.stdout.splitlines()] == ["2023-09-19"]
    res = run(app, "dyads", "--db", path, "--spanning", "middle")
    assert res.exit_code == 1 and "start, end, skip" in res.output
    with Store(path, read_only=True) as store, pytest.raises(Exception, match="T405"):
        store.dyads(period="year", spanning="middle")
    res = run(app, "dyads", "--help")
    assert "date_start" in res.stdout and "--spanning" in res.stdout


@pytest.fixture
def irn_sau(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A store of four IRN-SAU assaults: plain, negated, hypothetical and future."""
    path = tmp_path / "h.duckdb"
    with Store(path) as store:
        ids = save_irn_sau(store)
    return path, ids


def test_query_cli_dyads_count_events_that_happened(app, irn_sau) -> None:
    db, _ = irn_sau
    res = run(app, "dyads", "--db", db, "--period", "month", "--format", "json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout) == [
        {"period": "2024-05-01", "actor_country": "IRN", "recipient_country": "SAU",
         "quad_class": "material_conflict", "n": 2}]
    res = run(app, "dyads", "--db", db, "--period", "month", "--format", "jsonl",
              "--all-modes")
    assert [json.loads(x)["n"] for x in res.stdout.splitlines()] == [4]
    res = run(app, "dyads", "--help")
    assert "--all-modes" in res.stdout and "negated and hypothetical" in res.stdout


def test_query_cli_events_and_export_happened(app, irn_sau, tmp_path: Path) -> None:
    db, ids = irn_sau
    res = run(app, "events", "--db", db, "--format", "jsonl", "--happened")
    assert res.exit_code == 0, res.output
    assert {json.loads(x)["event_id"] for x in res.stdout.splitlines()} == {
        ids["h-plain"], ids["h-fut"]}
    res = run(app, "events", "--db", db, "--format", "jsonl")   # every event by default
    assert len(res.stdout.splitlines()) == 4
    out = tmp_path / "h.csv"
    res = run(app, "export", "--db", db, "--format", "csv", "--out", out, "--happened")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(out.open()))
    assert sorted(r["aux_modes"] for r in rows) == ["", "future"]


def test_query_cli_events_table_shows_auxiliary_modes(app, irn_sau) -> None:
    """The table puts an event's auxiliary modes beside its type: a negated or
    hypothetical assault must not read as one that happened (a fresh user's trial)."""
    db, _ = irn_sau
    res = run(app, "events", "--db", db)
    assert res.exit_code == 0, res.output
    assert "ASSAULT [negation]" in res.stdout and "ASSAULT [hypothetical]" in res.stdout
    assert "ASSAULT [future]" in res.stdout and res.stdout.count("ASSAULT") == 4


def test_query_cli_cameo_export_leaves_out_negated_and_hypothetical(
        app, irn_sau, tmp_path: Path) -> None:
    db, ids = irn_sau
    out = tmp_path / "c.csv"
    res = run(app, "export", "--db", db, "--format", "cameo", "--out", out)
    assert res.exit_code == 0, res.output
    assert {r["event_id"] for r in csv.DictReader(out.open())} == {
        ids["h-plain"], ids["h-fut"]}
    assert "Wrote 2 rows" in res.stderr
    assert "2 negated or hypothetical events left out; --all-modes keeps them" in res.stderr
    res = run(app, "export", "--db", db, "--format", "cameo", "--out", out, "--all-modes")
    assert res.exit_code == 0, res.output
    assert len(list(csv.DictReader(out.open()))) == 4 and "left out" not in res.stderr
    res = run(app, "export", "--db", db, "--format", "csv", "--out", out)   # unchanged
    assert len(list(csv.DictReader(out.open()))) == 4 and "left out" not in res.stderr
    res = run(app, "export", "--db", db, "--format", "cameo", "--out", out, "--all-modes",
              "--happened")
    assert res.exit_code == 1 and "T501" in res.stderr
    res = run(app, "export", "--help")
    assert "--all-modes" in res.stdout


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl", "cameo"])
def test_query_cli_export_round_trips(app, db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    res = run(app, "export", "--db", db, "--format", fmt, "--out", out)
    assert res.exit_code == 0, res.output
    # cameo: s3 has 2 actors and no recipient -> 2 rows
    n = 5 if fmt == "cameo" else 4
    assert f"Wrote {n} rows to {out}" in res.stderr
    reader = {"parquet": "read_parquet", "jsonl": "read_json"}.get(fmt, "read_csv")
    ids = duckdb.sql(f"SELECT event_id FROM {reader}('{out}')").fetchall()
    assert len(ids) == n
    with Store(db, read_only=True) as s:
        assert {i[0] for i in ids} == set(s.events().column("event_id").to_pylist())


@pytest.mark.parametrize("args,message", [
    (["events", "--format", "xml"],
     "Error: [T501] --format must be one of table, csv, json, jsonl, not 'xml'"),
    (["events", "--type", "FIGHT"], "Error: [T405] unknown event type 'FIGHT'"),
    (["dyads", "--period", "decade"],
     "Error: [T501] --period must be one of day, week, month, year, not 'decade'"),
    (["export", "--format", "xlsx", "--out", "x.xlsx"],
     "Error: [T501] --format must be one of parquet, csv, jsonl, cameo, not 'xlsx'"),
    (["events", "--from", "last week"],
     "Error: [T405] --from must be a date YYYY-MM-DD, YYYY-MM or YYYY, not 'last week'"),
    # filters that used to return nothing without a word
    (["events", "--from", "2025-03-10", "--to", "2025-03-01"],
     "Error: [T405] --from 2025-03-10 is after --to 2025-03-01 "
     "(give the earlier date as --from)"),
    (["dyads", "--mode", "bogus"], "Error: [T405] unknown mode 'bogus' (PLOVER modes: "),
    (["events", "--type", "PROTEST", "--mode", "visit"],
     "Error: [T405] 'visit' is not a mode of PROTEST (modes of PROTEST: boycott demo "),
    (["events", "--dyad", "US-CN"], "Error: [T405] unknown country or IGO code 'US' in "
     "dyad (did you mean USA? country codes are ISO 3166-1 alpha-3)"),
    (["export", "--actor", "ZZZ", "--out", "x.csv"],
     "Error: [T405] unknown country or IGO code 'ZZZ' in actor"),
    (["events", "--min-confidence", "2"],
     "Error: [T405] --min-confidence must be a number from 0 to 1, not 2.0"),
    (["events", "--min-confidence", "-1"],
     "Error: [T405] --min-confidence must be a number from 0 to 1, not -1.0"),
])
def test_query_cli_bad_options(app, db: Path, args, message) -> None:
    res = run(app, *args, "--db", db)
    assert res.exit_code == 1
    assert res.stderr.splitlines()[0].startswith(message)
    assert len(res.stderr.splitlines()) == 1


def test_query_cli_missing_db(app, tmp_path: Path) -> None:
    res = run(app, "events", "--db", tmp_path / "none.duckdb")
    assert res.exit_code == 1
    assert res.stderr.strip() == (
        f"Error: [T402] no event store at {tmp_path / 'none.duckdb'} (run `tidings code` "
        "to create one, or pass --db PATH)")


def test_query_cli_locked_db(app, db: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from tidings.store import Store
            s = Store({str(db)!r})
            print("open", flush=True)
            sys.stdin.readline()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        res = run(app, "events", "--db", db)
        assert res.exit_code == 1
        line = res.stderr.strip()
        assert line.startswith(f"Error: [T401] the event store {db} is locked: another "
                               f"process (PID {holder.pid}) has it open for writing")
        assert "not even read-only" in line
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_query_cli_every_option_is_documented(app) -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "store.md").read_text()
    cmd = typer.main.get_command(app)
    checked = 0
    for name in ("events", "dyads", "export"):
        assert f"tidings {name}" in docs
        for param in cmd.commands[name].params:
            if getattr(param, "param_type_name", "") == "option":
                for opt in param.opts:
                    if opt.startswith("--"):
                        checked += 1
                        assert f"`{opt}" in docs or f" {opt}" in docs, (name, opt)
    assert checked >= 47   # 15 long options per command, and --happened / --all-modes


def test_query_cli_export_with_filters(app, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "paris.jsonl"
    res = run(app, "export", "--db", db, "--format", "jsonl", "--out", out,
              "--place", "Paris", "--text", "marched")
    assert res.exit_code == 0, res.output
    recs = [json.loads(x) for x in out.read_text().splitlines()]
    assert [(r["story_id"], r["location"]["name"]) for r in recs] == [("s2", "Paris")]


def test_query_cli_export_to_stdout(app, db: Path, tmp_path: Path, monkeypatch) -> None:
    # "-" is stdout for the text formats; Parquet (binary) needs a file
    monkeypatch.chdir(tmp_path)
    res = run(app, "export", "--db", db, "--format", "jsonl", "--out", "-", "--place", "Paris")
    assert res.exit_code == 0, res.output
    lines = [x for x in res.stdout.splitlines() if x.startswith("{")]
    assert [json.loads(x)["story_id"] for x in lines] == ["s2"]
    assert not (tmp_path / "-").exists()
    res = run(app, "export", "--db", db, "--format", "parquet", "--out", "-")
    assert res.exit_code == 1 and "T501" in res.output


def test_query_cli_export_onto_the_store_is_refused(app, db: Path, tmp_path: Path) -> None:
    # issue 13: `export --out` naming the store (or a link to it) would overwrite it
    before = db.read_bytes()
    link = tmp_path / "events.csv"
    link.symlink_to(db)
    for out in (db, link):
        res = run(app, "export", "--db", db, "--format", "csv", "--out", out)
        assert res.exit_code == 1
        assert res.output.strip() == (
            f"Error: [T509] --out {out} is the input {db}: writing it would destroy the "
            "store (give an output file that is not an input)")
    assert db.read_bytes() == before


def test_query_cli_export_onto_another_store_is_refused(app, db: Path, tmp_path: Path) -> None:
    # `export --out other.duckdb` would overwrite a different event store
    import shutil

    other = tmp_path / "other.duckdb"
    shutil.copy(db, other)
    before = other.read_bytes()
    res = run(app, "export", "--db", db, "--format", "jsonl", "--out", other)
    assert res.exit_code == 1 and f"[T509] --out {other} is an event store (a DuckDB database)" in res.output
    assert other.read_bytes() == before


def test_query_cli_error_on_a_path_with_lock_in_it_is_not_a_lock(app, tmp_path: Path) -> None:
    # issue 13: the word "lock" in the path (blocks/) made any open error "locked"
    folder = tmp_path / "blocks"
    folder.mkdir()
    (folder / "x.duckdb").write_text("hi\n")
    res = run(app, "events", "--db", folder / "x.duckdb")
    assert res.exit_code == 1
    line = res.stderr.strip()
    assert line.startswith(f"Error: [T402] {folder / 'x.duckdb'} is not a DuckDB database, so not an event store")
    assert "locked" not in line and "Catalog Error" not in line


def test_query_cli_events_file_given_as_the_store_says_so(app, tmp_path: Path) -> None:
    # a user passes the events JSON Lines (tidings code --out) where the database goes
    out = tmp_path / "events.jsonl"
    out.write_text('{"event_id": "e1", "event_type": "ASSAULT"}\n')
    res = run(app, "events", "--db", out)
    assert res.exit_code == 1
    assert res.stderr.strip().startswith(f"Error: [T402] {out} is not a DuckDB database")
    assert "Catalog Error" not in res.stderr and "in-memory" not in res.stderr   # no DuckDB internals
    assert out.read_text().startswith('{"event_id"')      # the file is left as it was


def _truncated(db: Path, tmp_path: Path, share: float) -> Path:
    copy = tmp_path / f"copy-{share}.duckdb"
    data = db.read_bytes()
    copy.write_bytes(data[:int(len(data) * share)])
    return copy


@pytest.mark.parametrize("share", [0.5, 0.2, 0.01])
def test_query_cli_truncated_store_is_one_error_line(app, db: Path, tmp_path: Path, share) -> None:
    # issue 13: `truncate -s 50% copy.duckdb; tidings events --db copy.duckdb` gave a traceback
    copy = _truncated(db, tmp_path, share)
    for args in (["events"], ["events", "--format", "json"], ["dyads"],
                 ["export", "--format", "csv", "--out", tmp_path / "x.csv"]):
        res = run(app, *args, "--db", copy)
        assert res.exit_code == 1, (args, res.output)
        assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
        (line,) = res.stderr.strip().splitlines()
        assert line.startswith(f"Error: [T409] the event store {copy} is damaged: "), line
        assert line.endswith("(restore it from a backup, or code the stories again into a new "
                             "store: tidings code INPUT --db NEW.duckdb)"), line


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_cli_negative_limit_is_refused_in_every_format(app, db: Path, fmt) -> None:
    # issue 13: the table printed nothing and exited 0 while csv and json refused it
    res = run(app, "events", "--db", db, "--limit", "-1", "--format", fmt)
    assert res.exit_code == 1
    assert res.stdout == ""
    assert res.stderr.strip() == "Error: [T501] --limit must be 0 or more, not -1"
    res = run(app, "events", "--db", db, "--limit", "0", "--format", fmt)
    assert res.exit_code == 0


@pytest.mark.parametrize("command", ["events", "dyads", "export"])
def test_query_cli_mode_help_names_only_real_modes(app, command: str) -> None:
    """The ``--mode`` help's examples ("e.g. meet, demo") must each be a PLOVER mode
    that the filter accepts (``tidings.records.MODES``): a user who copies one from the
    help must not get ``T405 unknown mode``."""
    import re as _re

    from tidings.records import MODES

    cmd = typer.main.get_command(app).commands[command]
    (opt,) = [p for p in cmd.params if "--mode" in p.opts]
    examples = _re.search(r"e\.g\. ([^.]+)\.", opt.help).group(1)
    named = [m.strip() for m in examples.split(",")]
    assert named, opt.help
    every_mode = set().union(*MODES.values())
    assert [m for m in named if m not in every_mode] == []
