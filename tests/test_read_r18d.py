"""Readers, round 18 (r18d): JSON export shapes and deeply nested records."""

from __future__ import annotations

import json

from tidings.read import ReadFailure, ReadOptions, read_path
from tidings.records import Story


def _split(items):
    return ([i for i in items if isinstance(i, Story)],
            [i for i in items if isinstance(i, ReadFailure)])


_A = {"id": "a", "pub_date": "2025-03-04", "text": "Baku rejected the offer."}
_B = {"id": "b", "pub_date": "2025-03-05", "text": "Yerevan agreed."}


def test_json_object_wrapping_the_stories_is_read_as_its_list(tmp_path):
    # {"stories": [...]} written over several lines (a common export): each record is a
    # story named by its place in the list; a bad one is skipped alone
    p = tmp_path / "export.json"
    p.write_text(json.dumps({"count": 3, "stories": [_A, {"id": "x"}, _B]}, indent=2), encoding="utf-8")
    stories, fails = _split(list(read_path(p)))
    assert [(s.id, s.pub_date, s.origin) for s in stories] == [
        ("a", "2025-03-04", "export.json:stories[0]"), ("b", "2025-03-05", "export.json:stories[2]")]
    assert [(f.origin, f.code) for f in fails] == [("export.json:stories[1]", "T106")]
    # the same on one line, and a record without an id named after the file and index
    p.write_text(json.dumps({"stories": [_A, {"text": "Oslo wrote."}]}), encoding="utf-8")
    stories, fails = _split(list(read_path(p)))
    assert [s.id for s in stories] == ["a", "export-2"] and fails == []


def test_json_wrapper_found_one_level_down_and_by_its_name(tmp_path):
    p = tmp_path / "guardian.json"
    # the Guardian's API shape: {"response": {"status": ..., "results": [...]}}
    p.write_text(json.dumps({"response": {"status": "ok", "results": [_A, _B]}}), encoding="utf-8")
    stories, _ = _split(list(read_path(p)))
    assert [s.origin for s in stories] == ["guardian.json:response.results[0]",
                                           "guardian.json:response.results[1]"]
    # two lists of objects: the one with a wrapper name wins
    p.write_text(json.dumps({"sources": [{"name": "VOA"}], "articles": [_B]}), encoding="utf-8")
    stories, fails = _split(list(read_path(p)))
    assert [s.id for s in stories] == ["b"] and fails == []


def test_json_object_of_no_known_shape_is_one_failure_naming_the_shapes(tmp_path):
    p = tmp_path / "odd.json"
    p.write_text(json.dumps({"meta": {"n": 2}, "title": "A feed"}), encoding="utf-8")
    items = list(read_path(p))
    assert [(i.origin, i.code) for i in items] == [("odd.json", "T107")]
    assert "no 'text' field" in items[0].message and "holds no list of story objects" in items[0].message
    assert '{"stories": [{...}, ...]}' in items[0].message
    p.write_text(json.dumps({"left": [_A], "right": [_B]}), encoding="utf-8")
    items = list(read_path(p))
    assert [i.code for i in items] == ["T107"] and "'left', 'right'" in items[0].message


def test_pretty_printed_single_story_is_one_story(tmp_path):
    p = tmp_path / "one.json"
    p.write_text(json.dumps(_A, indent=2), encoding="utf-8")
    stories, fails = _split(list(read_path(p)))
    assert [(s.id, s.text, s.origin) for s in stories] == [("a", "Baku rejected the offer.", "one.json")]
    assert fails == []


def test_json_lines_in_a_json_file_are_read_as_before(tmp_path):
    # a first line with no text stays that line's T106; the lines after it are read
    p = tmp_path / "lines.json"
    p.write_text(json.dumps({"id": "n"}) + "\n" + json.dumps(_A) + "\n", encoding="utf-8")
    stories, fails = _split(list(read_path(p)))
    assert [s.id for s in stories] == ["a"] and [(f.origin, f.code) for f in fails] == [("lines.json:1", "T106")]
    # a broken multi-line object: its lines fail, the first saying what a .json file may hold
    p.write_text('{"stories": [\n' + json.dumps(_A) + ",\n", encoding="utf-8")
    stories, fails = _split(list(read_path(p)))
    assert "one object holding such an array" in fails[0].message
    assert all("one object holding" not in f.message for f in fails[1:])
    # with a text column named, an object holding it is a story, not a wrapper
    p.write_text(json.dumps({"id": "c", "body_html": "Rome replied.", "stories": [_A]}), encoding="utf-8")
    stories, _ = _split(list(read_path(p, ReadOptions(text_col="body_html"))))
    assert [s.id for s in stories] == ["c"]


def _deep(n: int) -> str:
    return "[" * n + "]" * n


def test_deeply_nested_lines_are_skipped_alone_with_a_plain_reason(tmp_path):
    p = tmp_path / "deep.jsonl"
    good = json.dumps(_A)
    p.write_text(good + "\n" + _deep(100_000) + "\n"
                 + '{"id": "d", "text": "x", "meta": ' + _deep(100_000) + "}\n"
                 + json.dumps(_B) + "\n", encoding="utf-8")
    stories, fails = _split(list(read_path(p)))
    assert [s.id for s in stories] == ["a", "b"]
    assert [(f.origin, f.code) for f in fails] == [("deep.jsonl:2", "T101"), ("deep.jsonl:3", "T101")]
    assert "nested too deeply, over 1,000 levels" in fails[0].message
    assert "RecursionError" not in fails[0].message


def test_deeply_nested_record_of_a_json_array_loses_only_itself(tmp_path):
    # before: the array "broke off" there (T116) and every record after it was lost
    p = tmp_path / "dump.json"
    p.write_text("[" + json.dumps(_A) + ', {"id": "d", "meta": ' + _deep(100_000)
                 + ' , "note": "a ] inside a string"}, ' + json.dumps(_B) + "]", encoding="utf-8")
    stories, fails = _split(list(read_path(p)))
    assert [s.id for s in stories] == ["a", "b"]
    assert [(f.origin, f.code) for f in fails] == [("dump.json[1]", "T101")]
    assert "nested too deeply" in fails[0].message
    # one that never closes still breaks the array off there
    p.write_text("[" + json.dumps(_A) + ", " + "[" * 100_000, encoding="utf-8")
    stories, fails = _split(list(read_path(p)))
    assert [s.id for s in stories] == ["a"] and [f.code for f in fails] == ["T116"]


def test_metadata_nested_past_the_limit_is_skipped_before_it_reaches_a_worker(tmp_path):
    # 900 levels parse, but pickling such a story for a worker process raised and
    # stopped the whole batch (--processes 2); 99 levels are kept as metadata
    import pickle

    from tidings.read import MAX_NESTING

    p = tmp_path / "meta.jsonl"
    p.write_text(json.dumps(dict(_A, meta=json.loads(_deep(900)))) + "\n"
                 + json.dumps(dict(_B, meta=json.loads(_deep(MAX_NESTING - 1)))) + "\n", encoding="utf-8")
    stories, fails = _split(list(read_path(p)))
    assert [(f.origin, f.code) for f in fails] == [("meta.jsonl:1", "T101")]
    assert fails[0].message == ("meta.jsonl:1: story 'a' has field 'meta' nested over 100 levels "
                                "deep (lists or objects inside each other); such a record is not read")
    assert [s.id for s in stories] == ["b"]
    assert pickle.loads(pickle.dumps(stories[0])).meta == stories[0].meta
