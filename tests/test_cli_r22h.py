"""r22h (a fresh user's remarks on the command line).

- When every record of the input is broken, ``tidings code`` exited 1 with the skips and
  the summary but no ``Error: [CODE] ...`` line, unlike every other failed run: it now
  ends with one T117 line naming the inputs and the count of broken records.
- ``--format json`` of ``tidings events`` and ``tidings dyads`` wrote JSON Lines: it now
  writes one JSON array, and ``--format jsonl`` writes the lines (as ``tidings export``
  names them).
- ``--help`` broke sentences mid-way at 80 columns: a docstring's source line breaks were
  kept and each source line wrapped again.
Stories written for these tests.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.cli import app, unwrap_help
from tidings.errors import ERRORS

runner = CliRunner()


def _broken(tmp_path: Path) -> Path:
    p = tmp_path / "broken.jsonl"
    p.write_text('{"id": "k1", "text": \n'            # cut short: T101
                 '{"id": "k2", "text": ""}\n'          # no text: T106
                 'Villagers fled the shelling.\n',     # not JSON: T101
                 encoding="utf-8")
    return p


@pytest.mark.parametrize("quiet", [False, True])
def test_every_record_broken_ends_with_one_error_line(tmp_path: Path, quiet: bool) -> None:
    p = _broken(tmp_path)
    res = runner.invoke(app, ["code", str(p), "--no-db", "--out", str(tmp_path / "ev.jsonl")]
                        + (["-q"] if quiet else []))
    assert res.exit_code == 1
    errors = [x for x in res.stderr.splitlines() if x.startswith("Error:")]
    assert errors == [f"Error: [T117] {p}: none of its 3 records could be read (T101 read: 2, "
                      "T106 read: 1); nothing was coded (fix the lines named above, or check "
                      "--format and --encoding)"]
    assert res.stderr.rstrip().splitlines()[-1] == errors[0]   # the last line, after the summary
    assert "T117" in ERRORS


def test_one_broken_record_of_two_files_names_both(tmp_path: Path) -> None:
    one = tmp_path / "one.jsonl"
    one.write_text("{oops\n", encoding="utf-8")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    res = runner.invoke(app, ["code", str(one), str(empty), "--no-db", "--out", str(tmp_path / "ev.jsonl")])
    assert res.exit_code == 1
    assert f"Error: [T117] {one}, {empty}: their one record could not be read (T101 read: 1)" in res.stderr


def test_an_empty_text_file_says_it_holds_no_text(tmp_path: Path) -> None:
    # an empty plain-text file is one record with no text (T106): the hint names that,
    # not lines to fix or a format to check (a fresh user's remark)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    res = runner.invoke(app, ["code", str(empty), "--no-db", "--out", str(tmp_path / "ev.jsonl")])
    assert res.exit_code == 1
    errors = [x for x in res.stderr.splitlines() if x.startswith("Error:")]
    assert errors == [f"Error: [T117] {empty}: its one record could not be read (T106 read: 1); "
                      "nothing was coded (the input holds no story text)"]


def test_a_readable_story_beside_broken_ones_is_no_error(tmp_path: Path) -> None:
    p = _broken(tmp_path)
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "g1", "pub_date": "2025-05-02",
                                "text": "The mayor of Tarnow resigned on Friday."}) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["code", str(good), str(p), "--no-db", "--out", str(tmp_path / "ev.jsonl"), "-q"])
    assert res.exit_code == 0 and "Error:" not in res.stderr


# ------------------------------------------------------------------ --format json / jsonl

@pytest.fixture
def store(tmp_path: Path) -> Path:
    db = tmp_path / "s.duckdb"
    src = tmp_path / "s.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in [
        {"id": "f1", "pub_date": "2025-06-03",
         "text": "Kenya and Uganda signed a border agreement in Nairobi on Monday."},
        {"id": "f2", "pub_date": "2025-06-04",
         "text": "Ethiopia accused Eritrea of shelling border villages on Tuesday."},
    ]) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["code", str(src), "--db", str(db), "-q"])
    assert res.exit_code == 0, res.output
    return db


def test_events_json_is_one_array_and_jsonl_the_lines(store: Path) -> None:
    arr = runner.invoke(app, ["events", "--db", str(store), "--format", "json"])
    lines = runner.invoke(app, ["events", "--db", str(store), "--format", "jsonl"])
    assert arr.exit_code == lines.exit_code == 0
    recs = json.loads(arr.stdout)
    assert isinstance(recs, list) and len(recs) >= 2
    assert recs == [json.loads(x) for x in lines.stdout.splitlines()]
    assert not lines.stdout.startswith("[")
    none = runner.invoke(app, ["events", "--db", str(store), "--format", "json", "--type", "PROTEST"])
    assert none.exit_code == 0 and json.loads(none.stdout) == []


def test_dyads_json_is_one_array(store: Path) -> None:
    arr = runner.invoke(app, ["dyads", "--db", str(store), "--format", "json"])
    lines = runner.invoke(app, ["dyads", "--db", str(store), "--format", "jsonl"])
    rows = json.loads(arr.stdout)
    assert rows == [json.loads(x) for x in lines.stdout.splitlines()]
    assert {"ETH", "ERI"} <= {r["actor_country"] for r in rows} | {r["recipient_country"] for r in rows}


def test_format_help_names_json_and_jsonl() -> None:
    for cmd in ("events", "dyads"):
        out = runner.invoke(app, [cmd, "--help"], terminal_width=200).stdout
        assert "jsonl (JSON Lines" in out and "json (one JSON array" in out
    res = runner.invoke(app, ["events", "--format", "ndjson"])
    assert res.exit_code == 1 and "table, csv, json, jsonl" in res.stderr


# ------------------------------------------------------------------ help at 80 columns

def _prose(text: str) -> list[list[str]]:
    """The paragraphs of a help screen's prose (outside the boxes), as lists of lines."""
    paras, cur = [], []
    for line in text.splitlines():
        if line.startswith(("╭", "│", "╰")) or line.strip().startswith("Usage:"):
            continue
        if line.strip():
            cur.append(line.strip())
        elif cur:
            paras.append(cur)
            cur = []
    return paras + ([cur] if cur else [])


@pytest.mark.parametrize("cmd", [[], ["code"], ["recode"], ["eval"], ["events"], ["dyads"],
                                 ["export"], ["serve"]])
def test_help_at_80_columns_breaks_no_sentence(cmd: list[str]) -> None:
    res = runner.invoke(app, cmd + ["--help"], terminal_width=80, env={"COLUMNS": "80"})
    assert res.exit_code == 0
    # a line broken mid-sentence is short and followed by more of its paragraph
    # (before: recode's " coded" then "with --all-candidates ...")
    short = [p[i] for p in _prose(res.stdout) for i in range(len(p) - 1) if len(p[i]) < 55]
    assert short == []
    # the command list: each description's continuation lines are no new source lines
    if not cmd:
        box = [x for x in res.stdout.splitlines() if x.startswith("│")]
        broken = [x for x, y in zip(box, box[1:]) if len(x.strip("│ ")) < 55
                  and re.match(r"│\s{5,}\S", y)]   # before: "│   them: F1 per"
        assert broken == []


def test_unwrap_help_joins_lines_and_keeps_paragraphs() -> None:
    text = """First line
        goes on.

        Second paragraph
          wraps here.
        """
    assert unwrap_help(text) == "First line goes on.\n\nSecond paragraph wraps here."
    assert unwrap_help("") == ""
