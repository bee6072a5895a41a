"""The Ray engine (issue 8): same events as the local engine, contract Parquet, store load.

The Ray tests start one local Ray (127.0.0.1, 3 CPU slots: 2 actors, 1 reader) for the module and are skipped
cleanly when Ray is not installed (``pip install -e '.[ray]'``). About 40 s on 2 cores.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import EXAMPLES
from tidings.engines.ray import EVENT_SCHEMA, events_table, input_files, read_events
from tidings.errors import TidingsError
from tidings.records import Entity, Event, EventDate, Place


def _event() -> Event:
    return Event(
        event_id="e1", story_id="s1", sentence_index=0, sentence="Baku accused Yerevan.",
        evidence_span=(0, 21), trigger="accused", event_type="ACCUSE", mode=None,
        contexts=["territory"], aux_modes=[], actor=[Entity("Baku", "Government of Azerbaijan", "AZE", "GOV")],
        recipient=[Entity("Yerevan", None, "ARM", "GOV", None, "Q1")],
        date=EventDate("2024-12-20", "2024-12-20", "story"),
        location=Place("Baku", "Baku", "AZE", "Baku", 40.4, 49.9, 587084, "populated_place"),
        quad_class="verbal_conflict", confidence=0.5, cameo="112",
        claimed_by=[])


def test_engine_ray_schema_round_trips_contract(tmp_path: Path) -> None:
    ev = _event()
    table = events_table([ev, Event.from_dict({**ev.to_dict(), "event_id": "e2", "location": None})])
    assert table.schema == EVENT_SCHEMA
    assert table.schema.names == list(ev.to_dict())  # the contract's fields, in order
    assert table.schema.field("actor").type == pa.list_(EVENT_SCHEMA.field("recipient").type.value_type)
    (tmp_path / "events").mkdir()
    pq.write_table(table, tmp_path / "events" / "part-0.parquet")
    back = read_events(tmp_path)
    assert [e.to_dict() for e in back] == [ev.to_dict(), {**ev.to_dict(), "event_id": "e2", "location": None}]


def test_engine_ray_input_files_sorts_formats(tmp_path: Path) -> None:
    (tmp_path / "b.jsonl").write_text("{}\n")
    (tmp_path / "a.parquet").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / ".hidden.jsonl").write_text("{}\n")
    jsonl, parquet = input_files([tmp_path])
    assert [Path(p).name for p in jsonl] == ["b.jsonl"]
    assert [Path(p).name for p in parquet] == ["a.parquet"]
    with pytest.raises(TidingsError) as exc:
        input_files([tmp_path / "notes.txt"])
    assert exc.value.code == "T703"


def test_engine_ray_names_the_files_it_does_not_read(tmp_path: Path) -> None:
    # issue 13, bug 11: an .html (or .txt, .csv) input was ignored without a word
    (tmp_path / "b.jsonl").write_text("{}\n")
    (tmp_path / "page.html").write_text("<p>x</p>")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "notes.txt").write_text("x")
    (tmp_path / ".hidden.html").write_text("x")
    skipped: list[str] = []
    jsonl, parquet = input_files([tmp_path], skipped=skipped)
    assert [Path(p).name for p in jsonl] == ["b.jsonl"] and parquet == []
    assert skipped == [str(tmp_path / "page.html"), str(tmp_path / "sub" / "notes.txt")]
    from tidings.engines.ray import skipped_failure

    f = skipped_failure(str(tmp_path / "page.html"))
    assert f.to_dict() == {
        "story_id": None, "origin": "page.html", "stage": "read", "code": "T113",
        "message": f"{tmp_path / 'page.html'}: not read: the Ray engine reads JSON Lines and "
                   "Parquet files only (code .html, .csv and text files with --engine local)"}


# ------------------------------------------------------------------ with Ray

@pytest.mark.parametrize("missing", ["ray", "ray.data"])
def test_engine_ray_without_ray_fails_before_writing_anything(tmp_path: Path, monkeypatch,
                                                              missing: str) -> None:
    # without the ray extra, `tidings code --engine ray` fails with T701 naming the
    # install command, and leaves no --out folder and no store behind
    import sys

    from typer.testing import CliRunner

    from tidings.cli import app
    from tidings.engines.ray import code_with_ray

    monkeypatch.setitem(sys.modules, missing, None)  # `import ray...` raises ImportError
    stories = tmp_path / "in.jsonl"
    stories.write_text('{"id": "k1", "text": "Quito thanked Lima for the ferry.", '
                       '"pub_date": "2025-06-02"}\n', encoding="utf-8")
    out, db = tmp_path / "coded", tmp_path / "s.duckdb"
    res = CliRunner().invoke(app, ["code", str(stories), "--engine", "ray", "--out", str(out),
                                   "--db", str(db)])
    assert res.exit_code == 1
    assert "[T701]" in res.output and "pip install 'tidings[ray]'" in res.output
    assert f"{missing!r} is not installed" in res.output
    assert not out.exists() and not db.exists()
    with pytest.raises(TidingsError) as err:  # the library function too
        code_with_ray([stories], out)
    assert err.value.code == "T701" and not out.exists()


@pytest.fixture(scope="module")
def local_ray():
    ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install -e '.[ray]'")
    from tidings.engines.ray import start_ray

    started = start_ray(num_cpus=3)  # 2 coding actors + 1 slot for reading
    yield ray
    if started:
        ray.shutdown()


@pytest.fixture(scope="module")
def local_events():
    from tidings.engines.local import code_stories
    from tidings.read import read_stories

    events: list[Event] = []
    summary = code_stories(read_stories([EXAMPLES / "stories.jsonl"]), sink=events.append)
    assert summary.coded == 10 and summary.events == len(events) > 20
    return events


@pytest.mark.slow
def test_engine_ray_equals_local_engine_on_examples(local_ray, local_events, tmp_path: Path) -> None:
    from tidings.engines.ray import code_with_ray

    # examples/ holds stories.jsonl and an HTML page; the Ray engine reads the JSON Lines
    # and names the page as skipped
    summary = code_with_ray([EXAMPLES], tmp_path / "out", workers=2, batch_size=4)
    got = read_events(tmp_path / "out")
    assert summary.read == summary.coded == 10
    assert summary.failures == [f"{EXAMPLES / 'armenia-border.html'}: not read: the Ray engine reads "
                                "JSON Lines and Parquet files only (code .html, .csv and text files "
                                "with --engine local)"]
    assert dict(summary.skipped) == {"T113 read": 1}
    assert summary.events == len(got) == len(local_events)
    assert sorted(e.event_id for e in got) == sorted(e.event_id for e in local_events)
    assert len({e.event_id for e in got}) == len(got)
    by_id = {e.event_id: e.to_dict() for e in local_events}
    assert {e.event_id: e.to_dict() for e in got} == by_id
    files = list((tmp_path / "out" / "events").glob("*.parquet"))
    assert files and all(pq.read_schema(f).remove_metadata() == EVENT_SCHEMA for f in files)


@pytest.mark.slow
def test_engine_ray_mixed_inputs_failures_and_store(local_ray, local_events, tmp_path: Path) -> None:
    from tidings.engines.local import code_stories
    from tidings.engines.ray import code_with_ray
    from tidings.read import read_stories
    from tidings.store import Store

    rows = [json.loads(line) for line in (EXAMPLES / "stories.jsonl").read_text(encoding="utf-8").splitlines()]
    src = tmp_path / "in"
    src.mkdir()
    pq.write_table(pa.Table.from_pylist(rows[:4]), src / "first.parquet")
    with (src / "rest.jsonl").open("w", encoding="utf-8") as f:
        for r in rows[4:]:
            f.write(json.dumps(r) + "\n")
        f.write("{not json\n")
        f.write(json.dumps(rows[0]) + "\n")  # a duplicate id
    with Store(tmp_path / "ray.duckdb") as store:
        summary = code_with_ray([src], tmp_path / "out", workers=2, batch_size=3, store=store)
        ray_records = sorted(store.records(), key=lambda r: r["event_id"])
        ray_stats = store.stats()
    assert summary.coded == 10 and summary.read == 11
    assert dict(summary.skipped) == {"T101 read": 1, "T108 read": 1}
    assert sorted(e.event_id for e in read_events(tmp_path / "out")) == sorted(e.event_id for e in local_events)
    failures = [json.loads(x) for x in (tmp_path / "out" / "failures.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(f["code"] for f in failures) == ["T101", "T108"]

    with Store(tmp_path / "local.duckdb") as store:
        code_stories(read_stories([EXAMPLES / "stories.jsonl"]), store=store)
        local_records = sorted(store.records(), key=lambda r: r["event_id"])
        local_stats = store.stats()
    assert ray_records == local_records
    assert {k: v for k, v in ray_stats.items() if k != "failures"} == \
        {k: v for k, v in local_stats.items() if k != "failures"}
    assert ray_stats["failures"] == 2 and ray_stats["stories"] == 10
