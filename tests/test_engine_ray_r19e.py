"""The Ray engine reads the same JSON inputs as the single-process reader (r19e): a
``.json`` wrapper ``{"stories": [...]}``, a JSON array, one pretty-printed story. Such
files are read whole on the driver by :func:`tidings.read.read_json_whole` (the reader's
own code), and only JSON Lines files go to Ray's line reader.

The sorting of inputs needs no Ray; the end-to-end run is skipped when Ray is not
installed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pytest

from tidings.engines.ray import RECORD_SCHEMA, StoryCoder, whole_json_rows
from tidings.read import ReadOptions, read_path
from tidings.records import Story

STORIES = [
    {"id": "w1", "pub_date": "2024-03-05", "text": "Armenia accused Azerbaijan of shelling a village on Monday."},
    {"id": "w2", "pub_date": "2024-03-06", "text": "The Chadian army expelled French troops on Tuesday."},
]


def _inputs(tmp_path: Path) -> dict[str, Path]:
    files = {
        "wrapped": tmp_path / "export.json",
        "array": tmp_path / "array.json",
        "pretty": tmp_path / "one.json",
        "lines": tmp_path / "lines.jsonl",
        "lines_json": tmp_path / "lines.json",
        "bad": tmp_path / "bad.json",
    }
    files["wrapped"].write_text(json.dumps({"meta": {"n": 2}, "stories": STORIES}, indent=2), encoding="utf-8")
    files["array"].write_text(json.dumps(STORIES), encoding="utf-8")
    files["pretty"].write_text(json.dumps(STORIES[0], indent=2), encoding="utf-8")
    files["lines"].write_text("".join(json.dumps(s) + "\n" for s in STORIES), encoding="utf-8")
    files["lines_json"].write_text("".join(json.dumps(s) + "\n" for s in STORIES), encoding="utf-8")
    files["bad"].write_text(json.dumps({"count": 3, "note": "no stories here"}, indent=2), encoding="utf-8")
    return files


def test_engine_ray_r19e_whole_json_files_are_read_by_the_reader(tmp_path: Path) -> None:
    files = _inputs(tmp_path)
    lines, rows, failures = whole_json_rows([str(p) for p in files.values()])
    # JSON Lines (whatever the extension) stay with Ray's line reader
    assert sorted(Path(p).name for p in lines) == ["lines.json", "lines.jsonl"]
    # the wrapper, the array and the pretty-printed story are read here, as the reader reads them
    got = [(r["origin"], json.loads(r["story"])["id"]) for r in rows]
    assert got == [("export.json:stories[0]", "w1"), ("export.json:stories[1]", "w2"),
                   ("array.json[0]", "w1"), ("array.json[1]", "w2"), ("one.json", "w1")]
    assert all(r["record"] is None for r in rows)
    assert pa.Table.from_pylist(rows, schema=RECORD_SCHEMA).num_rows == 5
    # the object that holds no stories: the reader's T107, naming the file
    assert [(f.code, f.origin) for f in failures] == [("T107", "bad.json")]
    # the same stories as the single-process reader gives
    opts = ReadOptions(make_ids=False)
    local = [s for p in ("wrapped", "array", "pretty") for s in read_path(files[p], opts)]
    assert [Story(**json.loads(r["story"])) for r in rows] == local


def test_engine_ray_r19e_options_reach_the_reader(tmp_path: Path) -> None:
    f = tmp_path / "custom.json"
    f.write_text(json.dumps({"items": [{"key": "k1", "body": "Iran summoned the British ambassador."}]}),
                 encoding="utf-8")
    lines, rows, failures = whole_json_rows([str(f)], {"id_col": "key", "text_col": "body"})
    assert lines == [] and failures == []
    story = json.loads(rows[0]["story"])
    assert (story["id"], story["text"]) == ("k1", "Iran summoned the British ambassador.")


def test_engine_ray_r19e_coder_takes_stories_read_on_the_driver(tmp_path: Path, monkeypatch) -> None:
    # the actor's call, without Ray: a row with ``story`` is that story, not a record to parse
    calls = []

    class Tally:
        class _M:
            def __init__(self, f):
                self.remote = f

        def __init__(self):
            self.claim = self._M(lambda ids: [None] * len(ids))
            self.add = self._M(lambda counts, failures: calls.append((counts, failures)))

    import sys
    import types
    fake_ray = types.SimpleNamespace(get=lambda x: x)
    monkeypatch.setitem(sys.modules, "ray", fake_ray)
    coder = StoryCoder.__new__(StoryCoder)
    coder.tally = Tally()
    coder.opts = ReadOptions(make_ids=False)
    seen = []

    class Worker:
        def run_checked(self, stories):
            seen.extend(stories)
            return [[] for _ in stories]

    coder.worker = Worker()
    _, rows, _ = whole_json_rows([str(_inputs(tmp_path)["wrapped"])])
    rows.append({"record": json.dumps(STORIES[1] | {"id": "w3"}), "origin": "lines.jsonl", "story": None})
    out = coder(pa.Table.from_pylist(rows, schema=RECORD_SCHEMA))
    assert out.num_rows == 0
    assert [(s.id, s.origin) for s in seen] == [("w1", "export.json:stories[0]"),
                                               ("w2", "export.json:stories[1]"), ("w3", "lines.jsonl")]
    assert calls[0][0]["read"] == 3 and calls[0][1] == []


@pytest.mark.slow
def test_engine_ray_r19e_wrapper_end_to_end(tmp_path: Path) -> None:
    pytest.importorskip("ray", reason="Ray is an optional extra: pip install -e '.[ray]'")
    from tidings.engines.local import code_stories
    from tidings.engines.ray import code_with_ray, read_events, start_ray
    from tidings.read import read_stories

    files = _inputs(tmp_path)
    started = start_ray(num_cpus=3)
    try:
        summary = code_with_ray([files["wrapped"]], tmp_path / "out", workers=1, batch_size=2)
    finally:
        if started:
            import ray
            ray.shutdown()
    local: list = []
    code_stories(read_stories([files["wrapped"]]), sink=local.append)
    assert summary.read == summary.coded == 2
    assert sorted(e.event_id for e in read_events(tmp_path / "out")) == sorted(e.event_id for e in local)
