"""The store records which output each story was coded for, and dyads count each act in
the period it happened (r19e, a fresh user's trial):

* ``stories.all_candidates`` / ``stories.threshold`` (schema version 5): a story coded
  with ``--all-candidates`` holds every candidate, one coded with the default output only
  those reaching the threshold; queries show it (``all_candidates`` column), filter on it
  (``all_candidates`` filter, ``--candidates``) and warn when a store mixes the two.
* ``dyads`` leaves out ``historical`` events that have no date of their own (dated by the
  story's publication): their act's period is unknown, and counting them in the story's
  month inflated it.
"""

from __future__ import annotations

import duckdb
import pytest
from typer.testing import CliRunner

from tidings.records import Entity, Event, EventDate, Story
from tidings.store import Store
from tidings.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate


def _story(sid: str, pub: str | None = "2024-05-20") -> Story:
    return Story(id=sid, text=f"Story {sid}: Armenia accused Azerbaijan.", pub_date=pub)


def _event(sid: str, n: int, conf: float = 0.9, start: str = "2024-05-20", end: str | None = None,
           aux: list[str] | None = None, source: str = "sentence", granularity: str = "day") -> Event:
    return Event(
        event_id=f"{sid}-e{n}", story_id=sid, sentence_index=0, sentence="Armenia accused Azerbaijan.",
        evidence_span=(0, 27), trigger="accused", event_type="ACCUSE", mode=None, contexts=[],
        aux_modes=list(aux or []), actor=[Entity("Armenia", None, "ARM", "GOV")],
        recipient=[Entity("Azerbaijan", None, "AZE", "GOV")],
        date=EventDate(start, end or start, granularity, source=source),
        location=None, quad_class="verbal_conflict", confidence=conf, cameo="112", claimed_by=[])


@pytest.fixture()
def mixed(tmp_path):
    path = tmp_path / "mixed.duckdb"
    with Store(path) as store:
        store.save_story(_story("d1"), [_event("d1", 1, 0.9)], "v1", all_candidates=False, threshold=0.4)
        store.save_story(_story("a1"), [_event("a1", 1, 0.9), _event("a1", 2, 0.1)], "v1",
                         all_candidates=True, threshold=0.4)
    return path


def test_store_r19e_records_the_output_of_each_story(mixed):
    with Store(mixed, read_only=True) as store:
        rows = dict((r[0], (r[1], r[2])) for r in store.con.execute(
            "SELECT story_id, all_candidates, threshold FROM stories").fetchall())
        assert rows == {"d1": (False, 0.4), "a1": (True, 0.4)}
        assert store.coded_outputs() == {"all_candidates": 1, "default": 1, "unrecorded": 0,
                                         "thresholds": [0.4]}
        assert store.stored_outputs(["a1", "d1", "zz"]) == {"a1": True, "d1": False}
        table = store.events()
        got = sorted(zip(table.column("event_id").to_pylist(), table.column("all_candidates").to_pylist(),
                         table.column("threshold").to_pylist()))
        assert got == [("a1-e1", True, 0.4), ("a1-e2", True, 0.4), ("d1-e1", False, 0.4)]


def test_store_r19e_all_candidates_filter(mixed):
    with Store(mixed, read_only=True) as store:
        assert sorted(store.events(all_candidates=True).column("event_id").to_pylist()) == ["a1-e1", "a1-e2"]
        assert store.events(all_candidates=False).column("event_id").to_pylist() == ["d1-e1"]
        assert store.events(all_candidates="false").num_rows == 1
        assert store.count(all_candidates=None) == 3
        d = store.dyads(all_candidates=False).to_pylist()
        assert [r["n"] for r in d] == [1]
        from tidings.errors import StoreError
        with pytest.raises(StoreError) as exc:
            store.events(all_candidates="maybe")
        assert exc.value.code == "T405" and "all_candidates" in str(exc.value)


def test_store_r19e_old_store_is_migrated_with_unrecorded_output(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    migrate(con, str(path), False, MIGRATIONS[:4])   # a store of schema version 4
    con.execute("INSERT INTO stories VALUES ('o1', 'Old text.', '2024-01-02', NULL, NULL, NULL, "
                "NULL, NULL, '{}', NULL, 'h', 'v0', now())")
    con.close()
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION == 6
        assert store.coded_outputs()["unrecorded"] == 1
        assert store.stored_outputs(["o1"]) == {"o1": None}
        # an unrecorded story counts as the default output
        store.save_story(_story("n1"), [_event("n1", 1)], "v1", all_candidates=True, threshold=0.3)
        assert store.events(all_candidates=False).num_rows == 0
        assert [s.id for s in store.stories()] == ["n1", "o1"]


def test_store_r19e_mixed_warning_names_both_kinds(mixed, tmp_path):
    from tidings.query_cli import mixed_outputs_warning

    with Store(mixed, read_only=True) as store:
        msg = mixed_outputs_warning(store)
    assert "1 story coded with --all-candidates" in msg and "1 coded with the default output" in msg
    assert "(0.4)" in msg and "--candidates default" in msg
    one = tmp_path / "one.duckdb"
    with Store(one) as store:
        store.save_story(_story("d1"), [_event("d1", 1)], "v1", threshold=0.4)
        assert mixed_outputs_warning(store) is None


def test_store_r19e_cli_candidates_option_and_warning(mixed):
    from tidings.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["events", "--db", str(mixed), "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert "warning: the store mixes 1 story coded with --all-candidates" in res.stderr
    header, *rows = res.stdout.strip().splitlines()
    assert header.split(",")[-1] == "all_candidates" and len(rows) == 3
    res = runner.invoke(app, ["events", "--db", str(mixed), "--format", "csv", "--candidates", "default"])
    assert res.exit_code == 0 and "warning" not in res.stderr
    assert [r.split(",")[0] for r in res.stdout.strip().splitlines()[1:]] == ["d1-e1"]
    res = runner.invoke(app, ["dyads", "--db", str(mixed), "--format", "json", "--candidates", "all"])
    assert res.exit_code == 0 and '"n": 2' in res.stdout
    res = runner.invoke(app, ["events", "--db", str(mixed), "--candidates", "some"])
    assert res.exit_code == 1 and "--candidates must be one of all, default" in res.stderr


def test_store_r19e_dyads_count_historical_acts_in_their_own_period(tmp_path):
    path = tmp_path / "hist.duckdb"
    with Store(path) as store:
        store.save_story(_story("h1", "2024-05-20"), [
            _event("h1", 1, start="2024-05-18"),                                       # news of the day
            _event("h1", 2, start="2008-01-01", end="2008-12-31", aux=["historical"],
                   granularity="year"),                                            # "in 2008": dated
            _event("h1", 3, start="2024-05-20", aux=["historical"], source="publication",
                   granularity="story"),                                           # "past attacks": undated
        ], "v1")
        rows = [(r["period"].isoformat(), r["n"]) for r in store.dyads(period="month").to_pylist()]
        assert rows == [("2008-01-01", 1), ("2024-05-01", 1)]
        # the old act with no date of its own counts only when asked for
        rows = [(r["period"].isoformat(), r["n"]) for r in store.dyads(undated_historical=True).to_pylist()]
        assert rows == [("2008-01-01", 1), ("2024-05-01", 2)]
        # events keeps every event; the filter leaves the undated one out
        assert store.count() == 3 and store.count(undated_historical=False) == 2
        assert store.count(happened=True) == 3
