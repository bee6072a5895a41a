"""r19h: ``tidings recode`` after ``tidings code --all-candidates`` (a fresh user's trial:
103 events quietly became 75). Each story now keeps the output it was coded for (the
store records it, r19e's ``stories.all_candidates``; a story stored before that record
holding events below the default confidence threshold was coded with every candidate);
``--all-candidates`` / ``--default-output`` give every story one output. Stories written
for these tests."""

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
     # a candidate under the threshold (twenty-fifth round: "without agreeing on any" had been
     # one; an act under "without" is now negated and keeps the rules' decision)
     "One neighbour then tightened export controls on grain to the other. "
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


def _set_output(db, value):
    con = duckdb.connect(str(db))
    try:
        con.execute(f"update stories set all_candidates = {value}")
    finally:
        con.close()


def test_recode_keeps_every_candidate_of_stories_coded_so(coded_all):
    d, _, db = coded_all
    before = _events(db)
    db = _copy(db, d / "keep_own.duckdb")
    res = runner.invoke(app, ["recode", "--db", str(db), "--all"])
    assert res.exit_code == 0, res.output
    assert _events(db) == before and _below(db) > 0
    assert "2 stories coded with --all-candidates kept every candidate" in res.output, res.output


def test_recode_of_a_store_written_before_the_record_reads_low_events_as_the_mark(coded_all):
    d, _, db = coded_all
    before = _events(db)
    db = _copy(db, d / "legacy.duckdb")
    _set_output(db, "NULL")  # as a schema-4 store migrated: no record of the output
    res = runner.invoke(app, ["recode", "--db", str(db), "--all"])
    assert res.exit_code == 0, res.output
    assert _events(db) == before and _below(db) > 0


def test_recode_default_output_drops_the_low_confidence_events(coded_all):
    d, _, db = coded_all
    db = _copy(db, d / "default_out.duckdb")
    res = runner.invoke(app, ["recode", "--db", str(db), "--all", "--default-output"])
    assert res.exit_code == 0, res.output
    assert _below(db) == 0 and 0 < _events(db)
    assert "kept every candidate" not in res.output


def test_recode_with_both_outputs_is_refused(coded_all):
    d, _, db = coded_all
    db = _copy(db, d / "both.duckdb")
    before = _events(db)
    res = runner.invoke(app, ["recode", "--db", str(db), "--all", "--all-candidates", "--default-output"])
    assert res.exit_code == 1 and "T405" in res.output, res.output
    assert _events(db) == before


def test_recode_all_candidates_keeps_every_candidate(coded_all):
    d, _, db = coded_all
    before = _events(db)
    db = _copy(db, d / "keep.duckdb")
    res = runner.invoke(app, ["recode", "--db", str(db), "--all", "--all-candidates"])
    assert res.exit_code == 0, res.output
    assert _events(db) == before and _below(db) > 0
    assert "kept every candidate" not in res.output


def test_recode_all_candidates_gives_a_default_store_every_candidate(coded_all):
    d, src, _ = coded_all
    db = d / "default_then_all.duckdb"
    assert runner.invoke(app, ["code", str(src), "--db", str(db)]).exit_code == 0
    assert _below(db) == 0
    res = runner.invoke(app, ["recode", "--db", str(db), "--all", "--all-candidates"])
    assert res.exit_code == 0, res.output
    assert _below(db) > 0


def test_recode_of_a_default_store_says_nothing(coded_all):
    d, src, _ = coded_all
    db = d / "default.duckdb"
    assert runner.invoke(app, ["code", str(src), "--db", str(db)]).exit_code == 0
    res = runner.invoke(app, ["recode", "--db", str(db), "--all"])
    assert res.exit_code == 0, res.output
    assert "kept every candidate" not in res.output and _below(db) == 0


def test_recode_of_a_mixed_store_keeps_each_storys_output(coded_all, tmp_path):
    d, _, _ = coded_all
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    one.write_text(json.dumps(STORIES[0]) + "\n", encoding="utf-8")
    two.write_text(json.dumps(STORIES[1]) + "\n", encoding="utf-8")
    db = tmp_path / "mixed.duckdb"
    assert runner.invoke(app, ["code", str(one), "--db", str(db)]).exit_code == 0
    assert runner.invoke(app, ["code", str(two), "--db", str(db), "--all-candidates"]).exit_code == 0
    res = runner.invoke(app, ["recode", "--db", str(db), "--all"])
    assert res.exit_code == 0, res.output
    assert "coded: 2" in res.output and "2 re-coded" in res.output, res.output
    assert "1 story coded with --all-candidates kept every candidate" in res.output, res.output
    con = duckdb.connect(str(db), read_only=True)
    try:
        low = dict(con.execute("select story_id, count(*) filter (where confidence < ?) from events group by 1",
                               [default_threshold()]).fetchall())
    finally:
        con.close()
    assert low.get("r19h-1", 0) == 0 and low["r19h-2"] > 0
