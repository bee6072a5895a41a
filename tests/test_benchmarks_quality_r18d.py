"""benchmarks/quality.py skips a broken gold line or story as `tidings eval` does, rather
than stopping (r18d). The gold files here are written by the test, not the shared ones."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _quality():
    spec = importlib.util.spec_from_file_location("quality_bench", ROOT / "benchmarks" / "quality.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_quality_skips_broken_gold_lines_and_scores_the_rest(tmp_path, capsys):
    good = {"id": "g1", "text": "Russian forces shelled Kherson on Monday.", "pub_date": "2025-03-04",
            "events": [{"event_type": "ASSAULT", "actor": [{"code": "RUS"}]}]}
    quiet = {"id": "g2", "text": "The weather was mild in Oslo.", "pub_date": "2025-03-04",
             "events": [], "kind": "no-event"}
    for name in ("plover_gsr_dev.jsonl", "hard_cases_dev.jsonl"):
        (tmp_path / name).write_text(
            json.dumps(good) + "\n"
            + '{"id": "broken", "text": "cut sh\n'                                   # T101
            + json.dumps({"id": "nt", "events": []}) + "\n"                           # T106
            + json.dumps({"id": "bt", "text": "Paris wrote.", "events": [{"event_type": "aid"}]}) + "\n"  # T115
            + json.dumps(quiet) + "\n"
            + json.dumps({"id": "huge", "text": "Oslo wrote. " * 9000, "events": []}) + "\n",  # T109
            encoding="utf-8")
    out = tmp_path / "q.json"
    assert _quality().main(["--eval-dir", str(tmp_path), "--json", str(out)]) == 0
    err = capsys.readouterr().err
    assert "plover_gsr_dev.jsonl:2" in err and "[T101]" in err and "[T106]" in err and "[T115]" in err
    # a story the pipeline skips (over the size limit) is named and scored as no event
    assert "story 'huge' has 108,000 characters" in err and "scored as predicting no event" in err
    res = json.loads(out.read_text())
    for name in ("plover_gsr_dev.jsonl", "hard_cases_dev.jsonl"):
        assert res[name]["documents"] == 3 and len(res[name]["skipped"]) == 4
    assert res["hard_cases_dev.jsonl"]["hard_no_event_docs"] == 2


def test_quality_without_a_gold_file_is_one_error_not_a_traceback(tmp_path, capsys):
    assert _quality().main(["--eval-dir", str(tmp_path)]) == 1
    assert "plover_gsr_dev.jsonl" in capsys.readouterr().err
