"""r23c: a story's identity across inputs, and small CLI messages (a fresh user's trial).

1. a story of another input with a stored story's id replaces it with a warning naming
   both inputs, counted apart ("1 replaced a story of another input"); the same input's
   new text stays a re-code; ``--id-prefix`` keeps both.
2. ``--id-col`` that only some records have: the warning says how many lack it, and a
   record read again under another id is not stored twice.
3. ``tidings recode`` with nothing to re-code says every story is current.
4. a text with no letter or digit is T106, as an empty one.
5. a folder given to ``--out`` is T507, whether or not it holds the store.
All texts are written for these tests.
"""

from __future__ import annotations

import json

import duckdb
from typer.testing import CliRunner

from tidings.cli import app
from tidings.engines.local import RECODED_OTHER_INPUT, RECODED_TEXT, code_stories
from tidings.read import ReadOptions, read_path, read_stories
from tidings.records import Story
from tidings.store import Store

runner = CliRunner()


def _jsonl(path, *records):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _stories(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(con.execute("SELECT story_id, text FROM stories").fetchall())
    finally:
        con.close()


def _code(*args):
    res = runner.invoke(app, ["code", *map(str, args)])
    assert res.exit_code == 0, res.output
    return res.output


# 1 ------------------------------------------------------------------ other inputs

def test_a_story_of_another_input_with_the_same_id_is_named_and_counted(tmp_path):
    east = _jsonl(tmp_path / "east" / "wire.jsonl",
                  {"id": "7", "text": "Malawi recalled its envoy from Zambia on Friday.", "pub_date": "2025-06-06"})
    west = _jsonl(tmp_path / "west" / "wire.jsonl",
                  {"id": "7", "text": "Peru expelled two Bolivian diplomats on Friday.", "pub_date": "2025-06-06"})
    db = tmp_path / "s.duckdb"
    _code(east, "--db", db)
    out = _code(west, "--db", db)
    assert "1 replaced a story of another input" in out and "re-coded (text or date changed)" not in out
    flat = " ".join(out.split())
    assert str(east.resolve()) + ":1" in flat and str(west.resolve()) in flat, out
    assert "--id-prefix" in flat
    # the store records where each story came from
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT input FROM stories").fetchall() == [(str(west.resolve()),)]
    con.close()


def test_a_new_text_of_the_same_input_stays_a_re_code_without_warning(tmp_path):
    f = _jsonl(tmp_path / "feed.jsonl", {"id": "k1", "text": "Ghana closed its border with Togo.", "pub_date": "2025-06-02"})
    db = tmp_path / "s.duckdb"
    _code(f, "--db", db)
    _jsonl(f, {"id": "x0", "text": "Chile summoned the Argentine ambassador.", "pub_date": "2025-06-02"},
           {"id": "k1", "text": "Ghana reopened its border with Togo.", "pub_date": "2025-06-03"})
    out = _code(f, "--db", db)
    assert "1 re-coded (text or date changed)" in out and "another input" not in out


def test_id_prefix_keeps_the_stories_of_two_inputs_apart(tmp_path):
    a = _jsonl(tmp_path / "a" / "f.jsonl", {"id": "1", "text": "Nepal signed a trade deal with India.", "pub_date": "2025-05-01"})
    b = _jsonl(tmp_path / "b" / "f.jsonl", {"id": "1", "text": "Laos signed a trade deal with Vietnam.", "pub_date": "2025-05-01"})
    db = tmp_path / "s.duckdb"
    _code(a, "--db", db, "--id-prefix", "a:")
    out = _code(b, "--db", db, "--id-prefix", "b:")
    assert "another input" not in out
    assert [sid for sid, _ in _stories(db)] == ["a:1", "b:1"]


def test_the_engine_tells_inputs_apart_by_file_name_when_the_store_has_no_input(tmp_path):
    """Near-miss: stories made in Python (no input_path) are told apart by their origins'
    file names; the same file name is taken as the same input."""
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        code_stories([Story("q", "Oman hosted talks between Iran and the US.", "2025-04-01", origin="one.jsonl:1")], store=store)
        s = code_stories([Story("q", "Qatar hosted talks between Iran and the US.", "2025-04-01", origin="two.jsonl:4")], store=store)
        assert s.recoded == {RECODED_OTHER_INPUT: 1}
        assert any("one.jsonl" in w and "two.jsonl:4" in w for w in s.warnings), s.warnings
        s = code_stories([Story("q", "Kuwait hosted talks between Iran and the US.", "2025-04-01", origin="two.jsonl:9")], store=store)
        assert s.recoded == {RECODED_TEXT: 1} and s.warnings == []


def test_the_api_warns_when_a_posted_story_replaces_a_file_story(tmp_path):
    from fastapi.testclient import TestClient

    from tidings.serve.app import create_app

    f = _jsonl(tmp_path / "feed.jsonl", {"id": "n9", "text": "Mali expelled the French ambassador.", "pub_date": "2025-02-02"})
    db = tmp_path / "s.duckdb"
    _code(f, "--db", db)
    with TestClient(create_app(db, allow_code=True), base_url="http://127.0.0.1:8000") as c:
        r = c.post("/api/code?store=true", json={"id": "n9", "text": "Niger expelled the French ambassador.",
                                                 "pub_date": "2025-02-02"})
    assert r.status_code == 200, r.text
    warned = [w for w in r.json()["warnings"] if "another input" in w]
    assert len(warned) == 1 and str(f.resolve()) + ":1" in warned[0] and "POST /api/code" in warned[0]


# 2 ------------------------------------------------------------------ --id-col

def test_id_col_that_some_records_lack_is_counted_in_a_true_warning(tmp_path):
    f = _jsonl(tmp_path / "mix.jsonl",
               {"id": "r1", "headline": "Fiji envoy recalled", "text": "Fiji recalled its envoy from Tonga."},
               {"id": "r2", "text": "Samoa protested to Tonga."},
               {"id": "r3", "headline": "Vanuatu talks", "text": "Vanuatu held talks with Australia."})
    items = list(read_path(f, ReadOptions(id_col="headline")))
    assert [s.id for s in items] == ["Fiji envoy recalled", "r2", "Vanuatu talks"]
    warned = [w for s in items for w in s.warnings]
    assert warned == ["mix.jsonl: 1 of its 3 records has no field 'headline' (--id-col), at mix.jsonl:2; "
                      "it is read from the default fields (id, story_id, doc_id, article_id, uid): story 'r2'"]
    # a file where every record lacks it keeps the per-file warning
    g = _jsonl(tmp_path / "none.jsonl", {"id": "z1", "text": "Palau thanked Japan."})
    (s,) = list(read_stories([g], ReadOptions(id_col="headline")))
    assert s.warnings == ["none.jsonl: no field 'headline' (--id-col) in its records; the id is read "
                          "from the default fields (id, story_id, doc_id, article_id, uid)"]


def test_a_record_read_again_under_another_id_is_not_stored_twice(tmp_path):
    f = _jsonl(tmp_path / "mix.jsonl",
               {"id": "r1", "headline": "Fiji envoy recalled", "text": "Fiji recalled its envoy from Tonga.", "pub_date": "2025-03-03"},
               {"id": "r2", "text": "Samoa protested to Tonga.", "pub_date": "2025-03-03"})
    db = tmp_path / "s.duckdb"
    _code(f, "--db", db)
    out = _code(f, "--db", db, "--id-col", "headline")
    assert [sid for sid, _ in _stories(db)] == ["Fiji envoy recalled", "r2"], out
    assert "was stored before as story 'r1'" in " ".join(out.split())
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM events WHERE story_id = 'r1'").fetchone() == (0,)
    con.close()


# 3 ------------------------------------------------------------------ recode

def test_recode_with_nothing_to_re_code_says_every_story_is_current(tmp_path):
    f = _jsonl(tmp_path / "f.jsonl", {"id": "u1", "text": "Benin recalled its envoy.", "pub_date": "2025-01-01"},
               {"id": "u2", "text": "Togo recalled its envoy.", "pub_date": "2025-01-01"})
    db = tmp_path / "s.duckdb"
    _code(f, "--db", db)
    res = runner.invoke(app, ["recode", "--db", str(db)])
    assert res.exit_code == 0, res.output
    flat = " ".join(res.output.split())
    assert "nothing to re-code: all 2 stories in the store are current" in flat and "--all" in flat
    assert "stories read: 0" not in flat


# 4 ------------------------------------------------------------------ wordless text

def test_a_text_without_a_word_is_t106(tmp_path):
    f = _jsonl(tmp_path / "w.jsonl", {"id": "e1", "text": "\u26a0\ufe0f \U0001f4e2 \u2014 ?! \u2026"},
               {"id": "e2", "text": "\u200b\u2060 . ,"}, {"id": "e3", "text": "\u0661\u0662 \u2014"})
    items = list(read_path(f, ReadOptions()))
    assert [(i.code, i.story_id) for i in items[:2]] == [("T106", "e1"), ("T106", "e2")]
    assert items[0].message.startswith("w.jsonl:1: story 'e1' has no text: only white space")
    assert isinstance(items[2], Story)  # Arabic-Indic digits are a word: near-miss
    t = tmp_path / "sym.txt"
    t.write_text("\u2605\u2605\u2605 !!!\n", encoding="utf-8")
    (fail,) = list(read_path(t, ReadOptions()))
    assert fail.code == "T106" and fail.message.startswith("sym.txt: story 'sym' has no text")


# 5 ------------------------------------------------------------------ --out folder

def test_a_folder_given_to_export_out_is_t507_with_or_without_the_store(tmp_path):
    f = _jsonl(tmp_path / "f.jsonl", {"id": "p1", "text": "Chad expelled the envoy.", "pub_date": "2025-01-01"})
    db = tmp_path / "s.duckdb"
    _code(f, "--db", db)
    other = tmp_path / "elsewhere"
    other.mkdir()
    for folder in (tmp_path, other):
        res = runner.invoke(app, ["export", "--db", str(db), "--format", "parquet", "--out", str(folder)])
        flat = " ".join(res.output.split())
        assert res.exit_code == 1 and "[T507]" in flat and "is a folder" in flat, res.output
        assert str(folder / "events.parquet") in flat
    res = runner.invoke(app, ["code", str(f), "--no-db", "--out", str(other)])
    assert res.exit_code == 1 and "[T507]" in res.output and "is a folder" in res.output
