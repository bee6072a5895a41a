"""r23a (a fresh user's remarks on the command line and the README).

- ``tidings code`` with no input printed ``Usage: tidings code [OPTIONS] {inputs}...``
  (Typer's braces for a required argument), which reads as a placeholder left unfilled:
  the usage line and the missing-argument error now name ``INPUTS...`` as Click does.
- ``tidings events --limit 0`` printed an empty table and "use --limit": 0 lists no row in
  every format (as the API's ``limit=0``), and the table now says so in its count line.
- Re-running ``tidings code`` over stories the store holds printed "events: 0 (in 0
  stories)", which read as an empty store: the line now says the events are new and
  counts the unchanged stories' stored events; a first run's line is as before.
- Deprecation warnings in the test run came from inside Starlette (its TestClient
  without httpx2) and Ray Data (DataContext's own defaults): Ray Data's are filtered by
  message and module in pyproject; a warning of our own code still shows. Starlette's
  is ended at its source since r24d: the test extra installs httpx2, and its filter is
  gone. The Ray engine left
  ``failures.jsonl`` open (a ResourceWarning): it is closed.
Stories written for these tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.cli import app

runner = CliRunner()


def _usage(text: str) -> str:
    """The usage line of a help screen or an error, its spaces squeezed."""
    line = next(x for x in text.splitlines() if "Usage:" in x)
    return re.sub(r"\s+", " ", line).strip()


@pytest.mark.parametrize("cmd, usage", [
    ("code", "Usage: tidings code [OPTIONS] INPUTS..."),
    ("eval", "Usage: tidings eval [OPTIONS] GOLD"),
])
def test_usage_names_the_argument_without_braces(cmd: str, usage: str) -> None:
    res = runner.invoke(app, [cmd], prog_name="tidings")    # the input left out
    assert res.exit_code == 2
    assert _usage(res.output) == usage
    assert "{" not in res.output
    name = usage.split()[-1]
    assert f"Missing argument '{name}'." in res.output
    helped = runner.invoke(app, [cmd, "--help"], prog_name="tidings", terminal_width=120)
    assert helped.exit_code == 0 and _usage(helped.stdout) == usage


# ------------------------------------------------------------------ events --limit 0

@pytest.fixture
def store3(tmp_path: Path) -> Path:
    """A store of three stories, one event each."""
    from test_store import ARM, AZE, make_event, make_story

    from tidings.store import Store

    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        for k, text in enumerate(["Baku accused Yerevan of shelling a village. More.",
                                  "Yerevan accused Baku of a raid on a border post. More.",
                                  "Baku accused Yerevan of mining a road. More."]):
            st = make_story(f"q{k}", text=text)
            store.save_story(st, [make_event(st, 0, actor=[AZE if k != 1 else ARM],
                                             recipient=[ARM if k != 1 else AZE])], "v-test")
    return path


def test_events_limit_0_says_it_listed_none(store3: Path) -> None:
    """``--limit 0`` lists no row in every format (SQL ``LIMIT 0``, as ``limit=0`` of the
    API); the table printed an empty box and "use --limit": it now prints only the count
    and names ``--limit 0``."""
    res = runner.invoke(app, ["events", "--db", str(store3), "--limit", "0"], terminal_width=200)
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("0 of 3 events shown (--limit 0 lists none, only counts them; "
                                 "give --limit N to list N, or leave it out for the first 50)")
    assert "┏" not in res.stdout and "ACCUSE" not in res.stdout         # no empty table
    # a limit under the count names it; the default names --limit as before
    res = runner.invoke(app, ["events", "--db", str(store3), "--limit", "2"], terminal_width=200)
    assert "2 of 3 events shown (--limit 2; a larger --limit" in res.stdout
    res = runner.invoke(app, ["events", "--db", str(store3)], terminal_width=200)
    assert res.stdout.rstrip().endswith("3 events")
    # the other formats: 0 is none there too
    csv0 = runner.invoke(app, ["events", "--db", str(store3), "--limit", "0", "--format", "csv"])
    assert csv0.exit_code == 0 and len(csv0.stdout.splitlines()) == 1 and csv0.stdout.startswith("event_id,")
    assert runner.invoke(app, ["events", "--db", str(store3), "--limit", "0", "--format", "json"]).stdout.strip() == "[]"
    assert runner.invoke(app, ["events", "--db", str(store3), "--limit", "0", "--format", "jsonl"]).stdout == ""
    helped = runner.invoke(app, ["events", "--help"], terminal_width=200)
    assert "0 lists none in every format" in " ".join(helped.stdout.replace("│", " ").split())


# ------------------------------------------------------------------ warnings

ROOT = Path(__file__).resolve().parents[1]

_INNER = """
import importlib.util
import warnings


def test_third_party_warnings_filtered_ours_kept():
    with warnings.catch_warnings(record=True) as got:
        warnings.filterwarnings("always", append=True)    # after pyproject's filters
        if importlib.util.find_spec("httpx2") is not None:  # the test extra's (r24d)
            import fastapi.testclient  # noqa: F401  (the first import in this process)
        import ray.data

        ray.data.DataContext()
        # the same words from another module (ours) are not hidden
        warnings.warn("`use_polars` is deprecated here", DeprecationWarning)
    assert [str(w.message) for w in got] == ["`use_polars` is deprecated here"], [
        f"{w.filename}:{w.lineno}: {w.message}" for w in got]
"""


def test_pyproject_filters_only_the_third_party_deprecations(tmp_path: Path) -> None:
    """Under the project's pytest configuration, importing Starlette's TestClient and
    making Ray Data's DataContext warn of nothing (their own deprecations, raised inside
    them), while a DeprecationWarning of another module, with the same words, is shown:
    the filters are narrow. Run in a fresh process, where the import is the first one."""
    pytest.importorskip("fastapi")
    pytest.importorskip("ray.data")
    import subprocess
    import sys

    inner = tmp_path / "test_inner_warnings.py"
    inner.write_text(_INNER, encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "-c", str(ROOT / "pyproject.toml"), "--rootdir", str(ROOT), str(inner)],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-2000:]
    assert "1 passed" in res.stdout


def test_pyproject_test_extra_ends_starlettes_httpx_warning_at_its_source() -> None:
    """Starlette 1.x's TestClient warns "Using `httpx` with `starlette.testclient` is
    deprecated; install `httpx2` instead" when httpx2 is missing: the test extra
    installs httpx2 (r24d), and the filter that only hid the warning is gone, so that
    it shows again in an environment without it. Where httpx2 is installed, importing
    the TestClient warns of nothing (checked in a fresh process, the first import)."""
    import importlib.util
    import subprocess
    import sys
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    test_extra = project["project"]["optional-dependencies"]["test"]
    assert any(re.match(r"httpx2\b", req) for req in test_extra), test_extra
    assert not any("starlette" in f for f in project["tool"]["pytest"]["ini_options"]["filterwarnings"])
    if importlib.util.find_spec("httpx2") is None or importlib.util.find_spec("fastapi") is None:
        pytest.skip("httpx2 (the test extra) or fastapi is not installed here: pip install -e '.[test]'")
    res = subprocess.run([sys.executable, "-W", "error", "-c", "import fastapi.testclient"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]


def test_ray_load_into_store_closes_the_failures_file(tmp_path: Path) -> None:
    """:func:`tidings.engines.ray.load_into_store` read ``failures.jsonl`` through a file
    it never closed (a ResourceWarning in the engine tests); the failed story stays out
    of the store and the other is saved."""
    import gc
    import json
    import warnings

    from tidings.engines.ray import load_into_store
    from tidings.store import Store

    out = tmp_path / "out"
    (out / "events").mkdir(parents=True)
    (out / "failures.jsonl").write_text(json.dumps(
        {"story_id": "w2", "origin": "in.jsonl:2", "stage": "analyse", "code": "T301",
         "message": "in.jsonl:2 could not be parsed"}) + "\n", encoding="utf-8")
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"w{k}", "text": t, "pub_date": "2025-02-03"}) + "\n"
                           for k, t in ((1, "Fishermen from Tonga rowed to a reef."),
                                        (2, "A ferry left Suva at noon."))), encoding="utf-8")
    with Store(tmp_path / "t.duckdb") as store, warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        saved = load_into_store(out, [src], store)
        gc.collect()
        ids = [r[0] for r in store.con.execute("SELECT story_id FROM stories ORDER BY story_id").fetchall()]
    assert saved == 1 and ids == ["w1"]
    assert not [w for w in got if issubclass(w.category, ResourceWarning)], [str(w.message) for w in got]


# ------------------------------------------------------------------ re-run summary

_STORIES = [  # written for this test
    {"id": "rr1", "pub_date": "2025-04-02",
     "text": "Chile's foreign minister met his Argentine counterpart in Santiago on Tuesday. "
             "The two governments signed an accord on fishing rights."},
    {"id": "rr2", "pub_date": "2025-04-03",
     "text": "Peru expelled two Bolivian diplomats on Wednesday, accusing them of spying."},
    {"id": "rr3", "pub_date": "2025-04-03", "text": "The weather in Lima stayed mild all week."},
]


def _events_line(output: str) -> str:
    return next(x for x in output.splitlines() if x.startswith("events: "))


@pytest.mark.slow
def test_rerun_summary_says_the_stories_were_already_coded(tmp_path: Path) -> None:
    import json

    import duckdb

    src, db = tmp_path / "in.jsonl", tmp_path / "t.duckdb"
    part = tmp_path / "part.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in _STORIES), encoding="utf-8")
    part.write_text(json.dumps(_STORIES[1]) + "\n", encoding="utf-8")
    first = runner.invoke(app, ["code", str(part), "--db", str(db)])
    assert first.exit_code == 0, first.output
    con = duckdb.connect(str(db), read_only=True)
    held = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    assert held >= 1
    # a first run's line is as it was (the README shows it)
    unit = "event" if held == 1 else "events"
    assert _events_line(first.output).startswith(f"events: {held} (in 1 story)  elapsed: ")
    # the whole input: two new stories, one already coded
    res = runner.invoke(app, ["code", str(src), "--db", str(db)])
    assert res.exit_code == 0, res.output
    con = duckdb.connect(str(db), read_only=True)
    total = con.execute("SELECT count(*) FROM events").fetchone()[0]
    with_events = con.execute("SELECT count(DISTINCT story_id) FROM events WHERE story_id <> 'rr2'").fetchone()[0]
    con.close()
    new = total - held
    assert new >= 1 and "coded: 2  unchanged: 1" in res.output
    assert _events_line(res.output).startswith(
        f"events: {new} new (in {with_events} {'story' if with_events == 1 else 'stories'}); "
        f"1 story unchanged (already coded, {held} {unit} in the store)  elapsed: ")
    # the same input again: nothing new, and the line says where the events are
    res = runner.invoke(app, ["code", str(src), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "coded: 0  unchanged: 3" in res.output
    assert _events_line(res.output).startswith(
        f"events: 0 new; 3 stories unchanged (already coded, {total} events in the store)  elapsed: ")
    assert "(in 0 stories)" not in res.output
