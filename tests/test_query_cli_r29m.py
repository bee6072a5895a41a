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
