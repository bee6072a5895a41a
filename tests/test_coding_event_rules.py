"""Every event says why: the ``rules`` field from the record through the store to
``tidings events --format json``, and a store written before the field existed."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
import typer
from typer.testing import CliRunner

import tidings.store as store_mod
from tidings.query_cli import register
from tidings.records import Event
from tidings.store import Store
from test_store import V1, make_event, make_story

RULES = ["lexicon:attack/V", "sense:verbal-attack-is-accusation"]


def _with_rules(story) -> Event:
    return replace(make_event(story), rules=list(RULES))


def test_coding_event_record_carries_rules_last() -> None:
    story = make_story()
    ev = _with_rules(story)
    d = ev.to_dict()
    assert list(d)[-1] == "rules" and d["rules"] == RULES
    assert Event.from_dict(d).to_dict() == d
    assert Event.from_dict({k: v for k, v in d.items() if k != "rules"}).rules == []


def test_coding_store_keeps_rules_and_events_json_shows_them(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    story = make_story()
    with Store(db) as s:
        s.save_story(story, [_with_rules(story)], V1)
        assert [r["rules"] for r in s.records()] == [RULES]
    app = typer.Typer()
    register(app)
    res = CliRunner().invoke(app, ["events", "--db", str(db), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    assert [json.loads(x)["rules"] for x in res.stdout.splitlines()] == [RULES]


def test_coding_store_of_schema_1_gains_the_rules_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "old.duckdb"
    story = make_story()
    con = duckdb.connect(str(db))
    store_mod.MIGRATIONS[0](con)                     # a database as version 1 left it
    con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)")
    con.execute("INSERT INTO schema_version VALUES (1, now())")
    con.close()
    with Store(db) as s:                              # a writer migrates it
        assert s.schema_version() == 6                # rules (2), date_source (3), entities.how (4), stories.all_candidates (5), stories.input (6)
        s.save_story(story, [_with_rules(story)], V1)
        s.con.execute("UPDATE events SET rules = NULL")  # as an event stored before the field
        assert [r["rules"] for r in s.records()] == [[]]
