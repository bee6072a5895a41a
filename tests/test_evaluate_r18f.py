"""Round 18 (r18f): a gold file with one id twice is refused line by line (T108), as the
readers refuse a story id given twice; documents written for these tests."""

from __future__ import annotations

import json

import pytest

from tidings.errors import TidingsError
from tidings.evaluate import load_gold


def _doc(i: str, text: str, etype: str | None = None) -> dict:
    return {"id": i, "text": text, "pub_date": "2024-04-02",
            "events": [{"event_type": etype}] if etype else []}


def _write(tmp_path, docs, name="gold.jsonl"):
    p = tmp_path / name
    p.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return p


def test_duplicate_gold_id_is_t108_naming_both_lines(tmp_path):
    p = _write(tmp_path, [_doc("s1", "Troops shelled the port.", "ASSAULT"),
                          _doc("s2", "The ministers met in Quito.", "CONSULT"),
                          _doc("s1", "Farmers marched on the capital.", "PROTEST")])
    seen: list[TidingsError] = []
    docs = load_gold(p, on_error=seen.append)
    assert [d["id"] for d in docs] == ["s1", "s2"]
    assert docs[0]["text"] == "Troops shelled the port."        # the first is kept
    assert [e.code for e in seen] == ["T108"]
    assert str(seen[0]) == ("[T108] gold.jsonl:3: duplicate gold document id 's1'; "
                            "the first, at gold.jsonl:1, is kept (give each gold document its own id)")
    with pytest.raises(TidingsError) as err:
        load_gold(p)
    assert err.value.code == "T108"


def test_distinct_ids_and_same_text_are_fine(tmp_path):
    # near-misses: ids that differ only in case, or two ids with one text, are two documents
    p = _write(tmp_path, [_doc("a", "Police arrested a mayor.", "COERCE"),
                          _doc("A", "Police arrested a mayor.", "COERCE"),
                          _doc("b", "Police arrested a mayor.")])
    seen: list[TidingsError] = []
    assert [d["id"] for d in load_gold(p, on_error=seen.append)] == ["a", "A", "b"]
    assert seen == []


def test_duplicate_of_a_skipped_line_is_kept(tmp_path):
    # the first line of the id was refused (an unknown type, T115): the second is the
    # only document of that id
    p = _write(tmp_path, [_doc("x", "They helped.", "AIDE"), _doc("x", "They helped.", "AID")])
    seen: list[TidingsError] = []
    docs = load_gold(p, on_error=seen.append)
    assert [d["events"][0]["event_type"] for d in docs] == ["AID"]
    assert [e.code for e in seen] == ["T115"]
