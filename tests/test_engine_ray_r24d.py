"""The Ray engine's run ends as the local engine's (twenty-fourth round, r24d).

- A story whose id is a stored story's of another input replaced it in silence with
  ``--engine ray``: the local engine warns ("... replaces the stored story '1' of
  another input: ...") and counts it ("1 replaced a story of another input") since the
  twenty-third round. Loading a Ray run into the store now sorts the stories by the
  local engine's own code (``tidings.engines.local.sort_stored``): same warning, same
  counts.
- A Ray run that could read no story (every record a read-stage skip, e.g. one story
  whose date reads two ways) exited 0; the local engine ends with T117 and exit 1.
  Both end through one function now (``tidings.cli._end_run``).
- T117's hint for an input whose every record had its date refused (T103) said "check
  --format and --encoding", which cannot help: it names --date-order now.
Stories written for these tests.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.cli import app
from tidings.engines.local import RECODED_FORCED, RECODED_OTHER_INPUT, RunSummary
from tidings.records import Story
from tidings.store import Store
from tidings.version import pipeline_version

runner = CliRunner()

FIRST = "Fiji's navy towed a stranded trawler back to Suva on Monday."
SECOND = "Samoa recalled its envoy from Tonga over a fishing dispute on Friday."


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _store_with_first(path: Path, first: Path) -> None:
    """A store holding story '1' read from ``first`` (line 1), with no events."""
    with Store(path) as store:
        store.save_story(Story(id="1", text=FIRST, pub_date="2025-06-02", origin=f"{first.name}:1",
                               input_path=str(first.resolve())), [], pipeline_version())


def test_ray_load_warns_of_a_replaced_story_of_another_input_as_the_local_engine(tmp_path: Path) -> None:
    from tidings.engines.local import code_stories
    from tidings.engines.ray import load_into_store
    from tidings.read import read_stories

    for folder in ("a", "b"):  # two inputs of one name in two folders: two inputs
        (tmp_path / folder).mkdir()
    a = _jsonl(tmp_path / "a" / "feed.jsonl", [{"id": "1", "text": FIRST, "pub_date": "2025-06-02"}])
    b = _jsonl(tmp_path / "b" / "feed.jsonl",
               [{"id": "1", "text": SECOND, "pub_date": "2025-06-06"},
                {"id": "2", "text": FIRST, "pub_date": "2025-06-02"}])
    out = tmp_path / "out"
    (out / "events").mkdir(parents=True)  # a Ray run's folder with no events
    _store_with_first(tmp_path / "ray.duckdb", a)
    _store_with_first(tmp_path / "local.duckdb", a)

    ray_summary = RunSummary()
    with Store(tmp_path / "ray.duckdb") as store:
        assert load_into_store(out, [b], store, summary=ray_summary) == 2
        ray_inputs = store.con.execute("SELECT story_id, input FROM stories ORDER BY 1").fetchall()
    with Store(tmp_path / "local.duckdb") as store:
        local_summary = code_stories(read_stories([b]), store=store)

    warning = (f"feed.jsonl:1: story '1' replaces the stored story '1' of another input: this one is "
               f"from {b.resolve()}, the stored one was read from {a.resolve()}:1; their texts "
               "differ, and the stored story's 0 events are deleted.")
    assert [w for w in ray_summary.warnings if "replaces" in w][0].startswith(warning)
    assert ray_summary.warnings == [w for w in local_summary.warnings if "replaces" in w]
    assert ray_summary.recoded == local_summary.recoded == Counter({RECODED_OTHER_INPUT: 1})
    assert ray_inputs == [("1", str(b.resolve())), ("2", str(b.resolve()))]

    # loading the same run again: every story is held with the same text, and the Ray
    # engine codes every story (as the local engine with --out): "asked for"
    again = RunSummary()
    with Store(tmp_path / "ray.duckdb") as store:
        load_into_store(out, [b], store, summary=again)
    assert again.warnings == [] and again.recoded == Counter({RECODED_FORCED: 2})


def _fake_ray_run(summary: RunSummary):
    def code_with_ray(inputs, out_dir, **kwargs):  # the engine's answer, Ray not started
        Path(out_dir).mkdir(parents=True, exist_ok=True)
        return summary
    return code_with_ray


def test_ray_run_that_reads_no_story_ends_with_t117_as_the_local_engine(tmp_path: Path,
                                                                       monkeypatch) -> None:
    pytest.importorskip("ray.data", reason="Ray is an optional extra: pip install -e '.[ray]'")
    import tidings.engines.ray as ray_engine

    src = _jsonl(tmp_path / "one.jsonl", [{"id": "d1", "text": SECOND, "pub_date": "03/04/2026"}])
    message = ("one.jsonl:1: story 'd1' has a bad date: '03/04/2026' reads two ways (3 April 2026 "
               "or 4 March 2026): give --date-order DMY or MDY, or write it as YYYY-MM-DD")
    monkeypatch.setattr(ray_engine, "code_with_ray", _fake_ray_run(
        RunSummary(skipped=Counter({"T103 read": 1}), failures=[message])))
    res = runner.invoke(app, ["code", "--engine", "ray", str(src), "--out", str(tmp_path / "out"),
                              "--no-db"], terminal_width=400)
    assert res.exit_code == 1
    last = res.output.strip().splitlines()[-1]
    assert last == (f"Error: [T117] {src}: its one record could not be read (T103 read: 1); nothing "
                    "was coded (fix the dates named above: give --date-order DMY or MDY for dates "
                    "that read two ways, or write them as YYYY-MM-DD)")

    # a run that read a story exits 0, as the local engine's
    monkeypatch.setattr(ray_engine, "code_with_ray", _fake_ray_run(
        RunSummary(read=1, coded=1, skipped=Counter({"T103 read": 1}), failures=[message])))
    res = runner.invoke(app, ["code", "--engine", "ray", str(src), "--out", str(tmp_path / "out"),
                              "--no-db"], terminal_width=400)
    assert res.exit_code == 0 and "T117" not in res.output


def test_local_run_whose_one_story_has_an_ambiguous_date_names_date_order(tmp_path: Path) -> None:
    src = tmp_path / "one.csv"
    src.write_text('id,text,date\nd1,"Samoa recalled its envoy from Tonga.",03/04/2026\n', encoding="utf-8")
    res = runner.invoke(app, ["code", str(src), "--no-db", "--out", str(tmp_path / "e.jsonl")],
                        terminal_width=400)
    assert res.exit_code == 1
    assert res.output.strip().splitlines()[-1] == (
        f"Error: [T117] {src}: its one record could not be read (T103 read: 1); nothing was coded "
        "(fix the dates named above: give --date-order DMY or MDY for dates that read two ways, "
        "or write them as YYYY-MM-DD)")
    # with the order given the story is read and coded: exit 0
    ok = runner.invoke(app, ["code", str(src), "--no-db", "--out", str(tmp_path / "e.jsonl"),
                             "--date-order", "DMY"], terminal_width=400)
    assert ok.exit_code == 0, ok.output


@pytest.mark.slow
# one record is one block: Ray Data notes that its pool of coding actors (one fewer
# than the CPUs) gets fewer inputs than actors; a note on the input's size, not on us
@pytest.mark.filterwarnings("ignore:The minimum number of concurrent actors:UserWarning")
def test_ray_engine_end_to_end_one_ambiguous_date_exits_1(tmp_path: Path) -> None:
    """The real Ray engine (a local Ray), not a stand-in: one story whose date reads two
    ways is no story read, and the run ends with T117, exit 1."""
    pytest.importorskip("ray.data", reason="Ray is an optional extra: pip install -e '.[ray]'")
    src = _jsonl(tmp_path / "one.jsonl", [{"id": "d1", "text": SECOND, "pub_date": "03/04/2026"}])
    res = runner.invoke(app, ["code", "--engine", "ray", str(src), "--out", str(tmp_path / "out"),
                              "--no-db", "--processes", "2"], terminal_width=400)
    assert res.exit_code == 1, res.output
    assert "reads two ways" in res.output
    assert res.output.strip().splitlines()[-1].startswith(f"Error: [T117] {src}: its one record could not be read (T103 read: 1)")
