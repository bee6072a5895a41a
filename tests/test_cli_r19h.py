"""r19h: ``tidings recode`` after ``tidings code --all-candidates`` (a fresh user's trial:
103 events quietly became 75). The store keeps no mark of the output a story was coded for
(another change, r19e, records one); a story holding events below the default confidence
threshold was coded with every candidate. Recode now says how many such stories it gave
the default output, and ``recode --all-candidates`` keeps every candidate. Stories
written for these tests."""

from __future__ import annotations

import json

import duckdb
import pytest
from typer.testing import CliRunner

from tidings.cli import app
from tidings.learn.model import default_threshold

runner = CliRunner()

STORIES = [
    {"id": "r19h-1", "pub_date": "2025-02-12", "text":
     "Fishermen from the island blocked the harbour road for a third day, demanding fuel subsidies. "
     "The governor said he might meet their leaders next week and warned against further disruption. "
     "Police officers watched the blockade but made no arrests."},
    {"id": "r19h-2", "pub_date": "2025-02-12", "text":
     "The two neighbours traded accusations over a disputed river crossing on Monday. "
     "Officials on both sides talked of possible joint patrols, without agreeing on any. "
     "A regional bloc urged restraint."},
]


def _events(db) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("select count(*) from events").fetchone()[0]
    finally:
        con.close()


def _below(db) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("select count(*) from events where confidence < ?", [default_threshold()]).fetchone()[0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def coded_all(tmp_path_factory):
    if not default_threshold():
        pytest.skip("no shipped model: every event is in the default output")
    d = tmp_path_factory.mktemp("r19h")
    src = d / "s.jsonl"
    src.write_text("".join(json.dumps(s) + "\n" for s in STORIES), encoding="utf-8")
    db = d / "all.duckdb"
    res = runner.invoke(app, ["code", str(src), "--db", str(db), "--all-candidates"])
    assert res.exit_code == 0, res.output
    assert _below(db) > 0, "the stories should give candidates below the threshold"
    return d, src, db


def _copy(db, to):
    to.write_bytes(db.read_bytes())
    return to


def test_recode_warns_when_it_drops_all_candidates_output(coded_all):
    d, _, db = coded_all
    db = _copy(db, d / "warn.duckdb")
    res = runner.invoke(app, ["recode", "--db", str(db), "--all"])
    assert res.exit_code == 0, res.output
    assert _below(db) == 0
    assert "2 stories held events below the default confidence threshold" in res.output, res.output
    assert "recode --all-candidates" in res.output


def test_recode_all_candidates_keeps_every_candidate(coded_all):
    d, _, db = coded_all
    before = _events(db)
    db = _copy(db, d / "keep.duckdb")
    res = runner.invoke(app, ["recode", "--db", str(db), "--all", "--all-candidates"])
    assert res.exit_code == 0, res.output
    assert _events(db) == before and _below(db) > 0
    assert "below the default confidence threshold" not in res.output


def test_recode_of_a_default_store_says_nothing(coded_all):
    d, src, _ = coded_all
    db = d / "default.duckdb"
    assert runner.invoke(app, ["code", str(src), "--db", str(db)]).exit_code == 0
    res = runner.invoke(app, ["recode", "--db", str(db), "--all"])
    assert res.exit_code == 0, res.output
    assert "below the default confidence threshold" not in res.output
