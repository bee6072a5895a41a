"""``--story`` on ``tidings events``, ``dyads`` and ``export``, and the table's
story#sentence column (a fresh analyst, twenty-ninth round: the table named no story,
so a row could not be traced to its text without ``--format csv``; the store and the API
had a ``story_id`` filter, the CLI did not)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from test_query_cli import app, db, run  # noqa: F401  (fixtures)


def test_events_story_filter_lists_only_that_story(app, db: Path) -> None:  # noqa: F811
    res = run(app, "events", "--db", db, "--format", "jsonl", "--story", "s3")
    assert res.exit_code == 0, res.output
    recs = [json.loads(x) for x in res.stdout.splitlines()]
    assert [(r["story_id"], r["event_type"]) for r in recs] == [("s3", "CONSULT")]
    # combined with another filter: s1's ACCUSE is not a CONSULT
    res = run(app, "events", "--db", db, "--format", "jsonl", "--story", "s1", "--type", "CONSULT")
    assert res.exit_code == 0 and res.stdout.strip() == ""


def test_events_table_names_story_and_sentence(app, db: Path) -> None:  # noqa: F811
    res = run(app, "events", "--db", db, "--story", "s2")
    assert res.exit_code == 0, res.output
    assert "story#sentence" in res.stdout and "s2#0" in res.stdout
    assert "s1#0" not in res.stdout and "1 event" in res.stdout


def test_unknown_story_warns_and_lists_nothing(app, db: Path) -> None:  # noqa: F811
    res = run(app, "events", "--db", db, "--story", "s9")
    assert res.exit_code == 0, res.output
    assert "no story 's9'" in res.output and "0 events" in res.output
    res = run(app, "events", "--db", db, "--story", "s1")
    assert "no story" not in res.output


def test_dyads_and_export_take_story(app, db: Path, tmp_path: Path) -> None:  # noqa: F811
    res = run(app, "dyads", "--db", db, "--format", "csv", "--story", "s4")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [(r["actor_country"], r["recipient_country"], r["n"]) for r in rows] == [("USA", "AZE", "1")]
    out = tmp_path / "s2.jsonl"
    res = run(app, "export", "--db", db, "--format", "jsonl", "--story", "s2", "--out", out)
    assert res.exit_code == 0, res.output
    assert [json.loads(x)["story_id"] for x in out.read_text().splitlines()] == ["s2"]


def _dyad_rows(app, db, *args):  # noqa: F811
    res = run(app, "dyads", "--db", db, "--format", "csv", *args)
    assert res.exit_code == 0, res.output
    return list(csv.DictReader(io.StringIO(res.stdout)))


def test_undirected_dyads_count_a_joint_act_once(app, db: Path) -> None:  # noqa: F811
    # directed: the joint AZE+ARM talks count under ARM-AZE and under AZE-ARM
    directed = _dyad_rows(app, db, "--type", "CONSULT")
    assert sorted((r["actor_country"], r["recipient_country"], r["n"]) for r in directed) == [
        ("ARM", "AZE", "1"), ("AZE", "ARM", "1")]
    rows = _dyad_rows(app, db, "--type", "CONSULT", "--undirected")
    assert [(r["party_a"], r["party_b"], r["n"]) for r in rows] == [("ARM", "AZE", "1")]
    assert "actor_country" not in rows[0]
    # --dyad in either order selects the pair, counted once
    for pair in ("AZE-ARM", "ARM-AZE"):
        rows = _dyad_rows(app, db, "--dyad", pair, "--undirected")
        assert [(r["party_a"], r["party_b"], r["quad_class"], r["n"]) for r in rows] == [
            ("ARM", "AZE", "verbal_cooperation", "1")]


def test_undirected_dyad_takes_both_directions_of_one_sided_acts(app, db: Path) -> None:  # noqa: F811
    # USA->AZE accusations: directed AZE-USA finds none, undirected finds them
    assert _dyad_rows(app, db, "--dyad", "AZE-USA") == []
    rows = _dyad_rows(app, db, "--dyad", "AZE-USA", "--undirected")
    assert [(r["party_a"], r["party_b"]) for r in rows] == [("AZE", "USA")]
    directed = _dyad_rows(app, db, "--dyad", "USA-AZE")
    assert sum(int(r["n"]) for r in rows) == sum(int(r["n"]) for r in directed) == 2
    # a one-party act with no recipient keeps its party alone
    every = _dyad_rows(app, db, "--undirected")
    assert all(r["party_b"] == "" or r["party_a"] < r["party_b"] for r in every)
