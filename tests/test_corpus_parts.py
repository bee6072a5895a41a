"""The labelled parts of corpus/ (corpus/README.md): every record has the documented
fields and types, and its PLOVER types and modes are those of tidings.records."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from tidings.records import EVENT_TYPES, MODES

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
VOA = ROOT.parent / "shared" / "data" / "voa_stories.jsonl"
PARTS = {"written": "batch*.jsonl", "voa_judged": "sample*.jsonl"}


def _files(part: str) -> list[Path]:
    return sorted((CORPUS / part).glob(PARTS[part]))


def _records(part: str) -> list[tuple[str, int, dict]]:
    """(file name, line number, record) of every line of a part."""
    out = []
    for f in _files(part):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            assert line.strip(), f"{f.name}:{n}: blank line"
            rec = json.loads(line)
            assert isinstance(rec, dict), f"{f.name}:{n}: not an object"
            out.append((f.name, n, rec))
    return out


def _check_mode(where: str, rec: dict, event_type: str) -> None:
    if rec.get("mode") is not None:
        assert rec["mode"] in MODES.get(event_type, ()), f"{where}: mode {rec['mode']!r} of {event_type}"


def test_corpus_parts_files_and_counts_are_as_documented() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for part in PARTS:
        files = _files(part)
        assert files, part
        for f in files:
            n = sum(1 for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
            assert f"`{f.name}` ({n})" in readme, f"corpus/README.md does not give {part}/{f.name} ({n})"
    assert not list((ROOT / "scripts").glob("*.jsonl")), "labelled data belongs in corpus/, not scripts/"


def test_corpus_parts_written_sentences() -> None:
    rows = _records("written")
    assert len(rows) == 560
    ids = set()
    for name, n, rec in rows:
        where = f"written/{name}:{n}"
        assert set(rec) == {"id", "text", "pub_date", "types"}, where
        assert isinstance(rec["id"], str) and rec["id"] not in ids, where
        ids.add(rec["id"])
        assert isinstance(rec["text"], str) and rec["text"].strip(), where
        assert date.fromisoformat(rec["pub_date"]).isoformat() == rec["pub_date"], where
        types = rec["types"]
        assert isinstance(types, list) and len(types) == len(set(types)), where
        assert set(types) <= set(EVENT_TYPES), f"{where}: {types}"
        for t in types:
            _check_mode(where, rec, t)
    # each batch has its own id prefix, so an id says where a sentence came from
    prefixes = {name: {re.sub(r"\d+$", "", r["id"]) for nm, _, r in rows if nm == name}
                for name in {nm for nm, _, _ in rows}}
    assert prefixes == {"batch1.jsonl": {"cal-"}, "batch2.jsonl": {"cal2-"}, "batch3.jsonl": {"cal3-"}}


def test_corpus_parts_voa_judged_events() -> None:
    rows = _records("voa_judged")
    assert len(rows) == 630
    keys = set()
    required = {"event_id", "story_id", "sentence_index", "event_type", "trigger", "type_correct", "note"}
    for name, n, rec in rows:
        where = f"voa_judged/{name}:{n}"
        assert required <= set(rec) <= required | {"actor_correct", "mode_correct"}, where
        assert isinstance(rec["story_id"], str) and rec["story_id"], where
        assert isinstance(rec["sentence_index"], int) and rec["sentence_index"] >= 0, where
        assert rec["event_type"] in EVENT_TYPES, where
        _check_mode(where, rec, rec["event_type"])
        assert isinstance(rec["trigger"], str) and rec["trigger"].strip(), where
        assert isinstance(rec["type_correct"], bool), where
        assert re.fullmatch(r"[0-9a-f]{20}", rec["event_id"]), where
        for judged in ("actor_correct", "mode_correct"):
            if judged in rec:
                assert rec[judged] is None or isinstance(rec[judged], bool), where
                if not rec["type_correct"]:
                    assert rec[judged] is None, f"{where}: {judged} judged on a wrong type"
        key = (rec["story_id"], rec["sentence_index"], rec["event_type"])
        assert key not in keys, f"{where}: {key} judged twice"  # a sample excludes earlier ones
        keys.add(key)
    # which samples judge what: actor from sample 3, mode in sample 4
    by_file: dict[str, set[str]] = {}
    for name, _, rec in rows:
        by_file.setdefault(name, set()).update(rec)
    assert "actor_correct" not in by_file["sample1.jsonl"] | by_file["sample2.jsonl"]
    assert "actor_correct" in by_file["sample3.jsonl"] and "mode_correct" in by_file["sample4.jsonl"]


def test_corpus_parts_voa_labels_name_stories_of_the_shared_file() -> None:
    if not VOA.exists():
        pytest.skip(f"no {VOA} (the shared data folder sits beside the checkout)")
    ids = {json.loads(line)["id"] for line in VOA.read_text(encoding="utf-8").splitlines() if line.strip()}
    missing = {r["story_id"] for _, _, r in _records("voa_judged")} - ids
    assert not missing, sorted(missing)
