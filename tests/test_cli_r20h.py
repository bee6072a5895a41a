"""r20h (a fresh user's trial): the column options in a run of several input files.

A user coded a JSON Lines file, a folder of text files and a CSV with its own column
names in one command, with ``--id-col story_id --text-col body --date-col published``:
every JSON Lines record was skipped ("has no text (field 'body')") and renamed by its
line although it has an ``id``. Each column option now applies to the files that have
that column; a file whose records (JSON) or header (CSV) lack it is read from the
default fields, with one warning naming the file and the column. ``--title-col`` names
the title column (a CSV's ``headline``). Stories written for these tests.
"""

from __future__ import annotations

import json

import duckdb
from typer.testing import CliRunner

from tidings.cli import app
from tidings.read import ReadOptions, Story, read_path, read_stories

runner = CliRunner()

COLS = ["--id-col", "story_id", "--text-col", "body", "--date-col", "published"]


def _inputs(tmp_path):
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "jl-1", "title": "Ministers meet", "pub_date": "2025-04-02",
                    "text": "The foreign ministers of Chile and Peru met in Lima on Tuesday."}) + "\n"
        + json.dumps({"id": "jl-2", "pub_date": "2025-04-03",
                      "text": "Bolivia expelled two Chilean diplomats on Wednesday."}) + "\n", encoding="utf-8")
    (tmp_path / "wire.csv").write_text(
        "story_id,headline,published,body\n"
        "cs-1,Port blockade,2025-04-04,\"Dock workers blocked the port of Callao on Thursday.\"\n",
        encoding="utf-8")
    (tmp_path / "txt").mkdir()
    (tmp_path / "txt" / "note.txt").write_text("Ecuador recalled its ambassador from Quito talks.\n",
                                               encoding="utf-8")
    return [tmp_path / "feed.jsonl", tmp_path / "wire.csv", tmp_path / "txt"]


def _read(paths, opts):
    items = list(read_stories(paths, opts))
    return [i for i in items if isinstance(i, Story)], [i for i in items if not isinstance(i, Story)]


def test_column_options_fall_back_per_file(tmp_path):
    stories, fails = _read(_inputs(tmp_path), ReadOptions(id_col="story_id", text_col="body",
                                                          date_col="published", title_col="headline"))
    assert fails == []
    got = {s.id: (s.pub_date, s.title) for s in stories}
    # the JSON Lines records keep their own ids, dates and titles
    assert got == {"jl-1": ("2025-04-02", "Ministers meet"), "jl-2": ("2025-04-03", None),
                   "cs-1": ("2025-04-04", "Port blockade"), "note": (None, None)}
    warned = [w for s in stories for w in s.warnings]
    # one warning per column, on the file's first story, naming the file and the column
    feed = [w for w in warned if w.startswith("feed.jsonl")]
    assert len(feed) == 4 and all("default fields" in w for w in feed), warned
    assert any("'body'" in w and "--text-col" in w for w in feed)
    assert any("'story_id'" in w and "--id-col" in w for w in feed)
    assert not [w for w in warned if w.startswith("wire.csv")], warned
    # the used title column is no metadata
    assert "headline" not in next(s for s in stories if s.id == "cs-1").meta


def test_a_named_field_that_is_there_but_empty_is_no_fallback(tmp_path):
    """Near-miss: a record that has the named field, empty, is a story without text (T106),
    not read from another field."""
    p = tmp_path / "s.jsonl"
    p.write_text(json.dumps({"id": "e1", "body": "", "text": "Chad expelled the envoy."}) + "\n", encoding="utf-8")
    stories, fails = _read([p], ReadOptions(text_col="body"))
    assert stories == [] and [f.code for f in fails] == ["T106"]


def test_a_csv_without_the_named_column_reads_its_default_columns(tmp_path):
    p = tmp_path / "plain.csv"
    p.write_text("id,title,text\np1,Talks,Kenya and Uganda held talks in Kampala.\n", encoding="utf-8")
    items = list(read_path(p, ReadOptions(text_col="body", title_col="headline")))
    assert [(s.id, s.title) for s in items] == [("p1", "Talks")]
    assert [w.split(";")[0] for w in items[0].warnings] == [
        "plain.csv: no field 'body' (--text-col) in its records",
        "plain.csv: no field 'headline' (--title-col) in its records"]


def test_a_csv_with_no_text_column_at_all_is_one_failure_naming_the_column(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("key,summary\nk1,Kenya and Uganda held talks.\n", encoding="utf-8")
    items = list(read_path(p, ReadOptions(text_col="body")))
    assert len(items) == 1 and items[0].code == "T102"
    assert "no column 'body'" in items[0].message and "--text-col" in items[0].message


def test_title_col_names_the_title_of_json_records(tmp_path):
    p = tmp_path / "h.jsonl"
    p.write_text(json.dumps({"id": "h1", "headline": "Border closed", "title": "ignored",
                             "text": "Niger closed its border with Benin."}) + "\n", encoding="utf-8")
    (s,) = list(read_path(p, ReadOptions(title_col="headline")))
    assert s.title == "Border closed" and s.warnings == [] and s.meta == {"title": "ignored"}


def test_code_command_codes_every_input_with_the_column_options(tmp_path):
    paths = _inputs(tmp_path)
    db = tmp_path / "t.duckdb"
    res = runner.invoke(app, ["code", *map(str, paths), "--db", str(db), *COLS, "--title-col", "headline",
                              "--pub-date", "2025-04-05"])
    assert res.exit_code == 0, res.output
    assert "has no text" not in res.output
    assert "feed.jsonl: no field 'body' (--text-col)" in res.output
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = dict(con.execute("select story_id, title from stories").fetchall())
    finally:
        con.close()
    assert rows == {"jl-1": "Ministers meet", "jl-2": None, "cs-1": "Port blockade", "note": None}


def test_title_col_is_in_the_help():
    res = runner.invoke(app, ["code", "--help"])
    assert res.exit_code == 0 and "--title-col" in res.output
