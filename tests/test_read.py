"""Readers: every format, field aliases, and bad input that names file and line."""

from __future__ import annotations

import io
import json

from tidings.read import ReadFailure, ReadOptions, normalise_date, read_path, read_stories
from tidings.records import Story


def _split(items):
    stories = [i for i in items if isinstance(i, Story)]
    fails = [i for i in items if isinstance(i, ReadFailure)]
    return stories, fails


def test_read_jsonl_aliases_and_bad_lines(tmp_path):
    p = tmp_path / "s.jsonl"
    p.write_bytes(
        b'{"id": "a", "text": "Baku rejected the offer.", "published": "2025-03-14 20:30:26Z", "section": "World"}\n'
        b'{"id": "b", "text": "broken\n'
        b'\n'
        b'{"text": "no id here"}\n'
        b'{"id": "c", "text": ""}\n'
        b'{"id": "d", "text": "Bad date.", "pub_date": "yesterday-ish"}\n'
        b'{"id": "e", "text": "caf\xe9 latin-1 byte"}\n'
        b'[1, 2]\n'
        b'{"story_id": 7, "body": "Yerevan agreed.", "date": "2024-12-20"}\n'
    )
    stories, fails = _split(list(read_path(p)))
    # a record without an id is named after the file and its line, with a warning
    assert [s.id for s in stories] == ["a", "s-4", "7"]
    assert stories[0].pub_date == "2025-03-14"
    assert stories[0].meta == {"section": "World"}
    assert stories[1].text == "no id here" and stories[1].warnings[0].startswith(
        "s.jsonl:4: record has no id (field 'id/story_id'); it is story 's-4'")
    assert stories[2].text == "Yerevan agreed." and stories[2].pub_date == "2024-12-20"
    assert stories[0].warnings == [] and stories[2].warnings == []
    codes = [(f.origin, f.code) for f in fails]
    assert codes == [("s.jsonl:2", "T101"), ("s.jsonl:5", "T106"),
                     ("s.jsonl:6", "T103"), ("s.jsonl:7", "T105"), ("s.jsonl:8", "T107")]
    assert "story 'd' has a bad date" in fails[2].message


def test_read_json_array_file(tmp_path):
    # the usual "JSON export": one array of story objects; each element is named by index
    p = tmp_path / "export.json"
    p.write_text('\ufeff [\n {"id": "a", "text": "Baku rejected the offer.", "pub_date": "2025-03-14"},\n'
                 ' {"id": "b"},\n {"id": "c", "text": "Yerevan agreed."}\n]\n', encoding="utf-8")
    stories, fails = _split(list(read_path(p)))
    assert [(s.id, s.pub_date) for s in stories] == [("a", "2025-03-14"), ("c", None)]
    assert [(f.origin, f.code) for f in fails] == [("export.json[1]", "T106")]
    p.write_text('[{"id": "a", "text": "x"},', encoding="utf-8")     # cut short: a kept, then T116
    stories, fails = _split(list(read_path(p)))
    assert [s.id for s in stories] == ["a"]
    assert [(f.origin, f.code) for f in fails] == [("export.json[1]", "T116")]


def _array_file(tmp_path, n=4, indent=None):
    recs = [{"id": f"r{i}", "pub_date": "2025-02-0%d" % (i + 1),
             "text": f"Mayor Lindqvist of Tallinn opened bridge number {i} to Riga – ñ."}
            for i in range(n)]
    return tmp_path / "dump.json", json.dumps(recs, indent=indent, ensure_ascii=False)


def test_read_json_array_cut_short_keeps_complete_records(tmp_path):
    # a download cut short inside record 2: records 0 and 1 are read, one T116 names
    # the record, line, column and character where the array broke off
    for indent in (None, 2):
        p, text = _array_file(tmp_path, indent=indent)
        cut = text.index('"r2"') + 12
        p.write_text(text[:cut], encoding="utf-8")
        stories, fails = _split(list(read_path(p)))
        assert [s.id for s in stories] == ["r0", "r1"]
        assert [(f.origin, f.code) for f in fails] == [("dump.json[2]", "T116")]
        line = text[:cut].count("\n") + 1
        assert f"breaks off: Unterminated string starting at line {line}" in fails[0].message
        assert "2 records before it read, the rest of the file skipped" in fails[0].message
    # cut after a complete record (with or without its comma), or before the closing ]
    p, text = _array_file(tmp_path)
    for cut in (text.index('{"id": "r3"'), text.index('{"id": "r3"') - 2, len(text) - 1):
        p.write_text(text[:cut], encoding="utf-8")
        stories, fails = _split(list(read_path(p)))
        assert len(stories) == (4 if cut == len(text) - 1 else 3)
        assert [f.code for f in fails] == ["T116"]
        assert "the file ends before the array's closing ']'" in fails[0].message
    # cut inside a character of more than one UTF-8 byte: still the records before it
    raw = text.encode("utf-8")
    p.write_bytes(raw[:raw.index("–".encode(), raw.index(b'"r1"')) + 1])
    stories, fails = _split(list(read_path(p)))
    assert [s.id for s in stories] == ["r0"] and [f.code for f in fails] == ["T116"]


def test_read_json_array_broken_inside_is_one_failure(tmp_path):
    # a record broken by hand in the middle: the records before it are read, the rest
    # of the file is one T116 (the array cannot be read past it), never a T101 a line
    p, text = _array_file(tmp_path, indent=2)
    p.write_text(text.replace('"id": "r1",', '"id": "r1"', 1), encoding="utf-8")
    stories, fails = _split(list(read_path(p)))
    assert [s.id for s in stories] == ["r0"]
    assert [(f.origin, f.code) for f in fails] == [("dump.json[1]", "T116")]
    assert "Expecting ',' delimiter" in fails[0].message


def test_read_json_files_that_are_no_broken_array_are_unchanged(tmp_path):
    # near misses: a whole array, JSON Lines whose first line is an array, and a file
    # broken before any complete object are read as before (as an array, or line by line)
    p, text = _array_file(tmp_path)
    p.write_text(text, encoding="utf-8")
    stories, fails = _split(list(read_path(p)))
    assert len(stories) == 4 and fails == []
    p.write_text('[{"id": "a", "text": "Oslo wrote."}]\n{"id": "b", "text": "Bern replied."}\n',
                 encoding="utf-8")
    stories, fails = _split(list(read_path(p)))
    assert [s.id for s in stories] == ["b"] and [(f.origin, f.code) for f in fails] == [("dump.json:1", "T107")]
    p.write_text('[{"id": "a", "text": "Oslo', encoding="utf-8")
    stories, fails = _split(list(read_path(p)))
    assert stories == [] and [(f.origin, f.code) for f in fails] == [("dump.json:1", "T101")]
    p.write_text("[]", encoding="utf-8")
    assert list(read_path(p)) == []


def test_read_folder_skips_files_of_no_story_format(tmp_path):
    # a feed or a script in a story folder is named as not read, never coded as text
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Baku rejected the offer of talks.", encoding="utf-8")
    (tmp_path / "sub" / "feed.xml").write_text("<rss><item><title>Iran</title></item></rss>", encoding="utf-8")
    (tmp_path / "notes").write_text("Yerevan agreed to talks.", encoding="utf-8")    # no extension: text
    stories, fails = _split(list(read_path(tmp_path)))
    assert sorted(s.id for s in stories) == ["a", "notes"]
    assert [(f.origin, f.code) for f in fails] == [("sub/feed.xml", "T114")]
    assert fails[0].message.endswith("feed.xml: not read: .xml is no story format "
                                     "(give the file itself, with --format, to read it)")
    # a compressed file is told to be unpacked, not read with --format (a fresh-user trial)
    import gzip

    (tmp_path / "sub" / "wire.jsonl.gz").write_bytes(gzip.compress(b'{"id": "w", "text": "Chad recalled its envoy."}\n'))
    packed = [f for f in _split(list(read_path(tmp_path)))[1] if f.origin == "sub/wire.jsonl.gz"]
    assert packed and packed[0].message.endswith(".gz is no story format (a compressed file: unpack it first)")
    # the file itself, given with --format, is read
    only = list(read_path(tmp_path / "sub" / "feed.xml", ReadOptions(fmt="text")))
    assert [type(x).__name__ for x in only] == ["Story"]


def test_read_jsonl_line_cut_short_is_reported_at_its_end(tmp_path):
    p = tmp_path / "s.jsonl"
    p.write_text('{"id": "x", "text": "Baku agreed.", "pub_date": \n', encoding="utf-8")
    _, fails = _split(list(read_path(p)))
    assert [f.message for f in fails] == ["s.jsonl:1: unparseable JSON (Expecting value at column 49)"]


def test_read_csv_named_columns(tmp_path):
    p = tmp_path / "s.csv"
    p.write_text("doc,body,day,title\nx1,\"Police arrested 12, officials said.\",2025-01-02,T\nx2,,2025-01-03,U\n")
    stories, fails = _split(list(read_path(p, ReadOptions(id_col="doc", text_col="body", date_col="day"))))
    assert [(s.id, s.pub_date, s.title) for s in stories] == [("x1", "2025-01-02", "T")]
    assert stories[0].text == "Police arrested 12, officials said."
    assert fails[0].code == "T106" and fails[0].origin == "s.csv:3"


def test_read_csv_prefers_a_text_column_to_a_story_label(tmp_path):
    # "story" is a text alias, but a column named for the text wins over it
    p = tmp_path / "s.csv"
    p.write_text("id,story,body_text,date\n1,a1,Baku rejected the offer of talks.,2024-12-20\n", encoding="utf-8")
    stories, fails = _split(list(read_path(p)))
    assert fails == [] and [s.text for s in stories] == ["Baku rejected the offer of talks."]


def test_read_csv_missing_column_is_one_clear_failure(tmp_path):
    p = tmp_path / "s.csv"
    p.write_text("a,b\n1,2\n")
    stories, fails = _split(list(read_path(p, ReadOptions(text_col="body"))))
    assert not stories
    assert fails[0].code == "T102" and "no column 'body'" in fails[0].message


def test_read_text_folder_and_html(tmp_path):
    (tmp_path / "one.txt").write_text("Armenia and Azerbaijan signed a deal.")
    (tmp_path / "empty.txt").write_text("   ")
    (tmp_path / "page.html").write_text(
        "<html><head><title>Talks</title><meta property='article:published_time' content='2024-04-20'></head>"
        "<body><nav>menu</nav><article><p>Armenia agreed on Friday to return four villages to Azerbaijan, "
        "the two governments said in a joint statement after long talks in the border region.</p>"
        "<p>Protesters blocked a highway near the villages on Saturday, demanding a halt.</p></article></body></html>")
    stories, fails = _split(list(read_path(tmp_path, ReadOptions(pub_date="2024-05-01"))))
    by_id = {s.id: s for s in stories}
    assert by_id["one"].pub_date == "2024-05-01"
    assert "return four villages" in by_id["page"].text and "menu" not in by_id["page"].text
    assert by_id["page"].pub_date == "2024-04-20"
    assert [f.code for f in fails] == ["T106"]


def test_missing_file_does_not_stop_others(tmp_path):
    p = tmp_path / "ok.jsonl"
    p.write_text(json.dumps({"id": "1", "text": "x"}) + "\n")
    stories, fails = _split(list(read_stories([tmp_path / "nope.jsonl", p])))
    assert [s.id for s in stories] == ["1"]
    assert fails[0].code == "T104" and "no such file" in fails[0].message


def test_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": "s", "text": "Kyiv said."}\nnot json\n'))
    stories, fails = _split(list(read_path("-")))
    assert stories[0].id == "s" and fails[0].origin == "<stdin>:2"


def test_normalise_date():
    assert normalise_date("2025-03-14T20:30:26Z") == "2025-03-14"
    assert normalise_date("2024-02-29") == "2024-02-29"
    assert normalise_date("") is None
    # dates that cannot be misread: RSS/e-mail dates and English month names with day and year
    assert normalise_date("Fri, 20 Dec 2024 10:00:00 GMT") == "2024-12-20"
    assert normalise_date("Tue, 04 Mar 2025 23:30:00 +0000") == "2025-03-04"
    assert normalise_date("December 20, 2024") == "2024-12-20"
    assert normalise_date("3 Feb. 2023") == "2023-02-03"
    # a day/month order the numbers decide, and dates known only to the month or year
    # (no day made up: tests/test_read_input.py has the rest)
    assert normalise_date("14/03/2025") == "2025-03-14"
    assert normalise_date("May 2024") == "2024-05"
    assert normalise_date("2024") == "2024"
    for bad in ("2023-02-29", "03/04/2025", "soon", "Fri, 31 Feb 2025 10:00:00 GMT"):
        try:
            normalise_date(bad)
        except ValueError:
            continue
        raise AssertionError(f"{bad} accepted")


# ------------------------------------------------------- issue 13: a UTF-8 byte-order mark

BOM = b"\xef\xbb\xbf"


def test_read_csv_with_a_byte_order_mark(tmp_path):
    p = tmp_path / "s.csv"
    p.write_bytes(BOM + b"id,text,pub_date\nx1,Chile recalled its ambassador.,2025-01-10\n"
                  b"x2,Peru expelled two diplomats.,2025-01-11\n")
    stories, fails = _split(list(read_path(p)))
    assert fails == []
    assert [(s.id, s.pub_date) for s in stories] == [("x1", "2025-01-10"), ("x2", "2025-01-11")]
    # a first column named on the command line is found too
    p.write_bytes(BOM + b"doc,body,day\nd1,Kenya condemned the attack.,2025-02-01\n")
    stories, fails = _split(list(read_path(p, ReadOptions(id_col="doc", text_col="body", date_col="day"))))
    assert fails == [] and [(s.id, s.text) for s in stories] == [("d1", "Kenya condemned the attack.")]


def test_read_jsonl_and_text_with_a_byte_order_mark(tmp_path, monkeypatch):
    line = json.dumps({"id": "j1", "text": "Japan pledged aid.", "pub_date": "2025-02-01"}).encode()
    p = tmp_path / "s.jsonl"
    p.write_bytes(BOM + line + b"\n" + line.replace(b"j1", b"j2") + b"\n")
    stories, fails = _split(list(read_path(p)))
    assert fails == [] and [s.id for s in stories] == ["j1", "j2"]
    t = tmp_path / "story.txt"
    t.write_bytes(BOM + b"Japan pledged aid.")
    (story,) = list(read_path(t))
    assert story.text == "Japan pledged aid."
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(BOM + line + b"\n"), encoding="utf-8"))
    (story,) = list(read_path("-"))
    assert isinstance(story, Story) and story.id == "j1"


def test_read_folder_follows_links_only_inside_it(tmp_path):
    # issue 13: a link to a system file in an input folder was read as a story
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Kenya condemned the attack.")
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "sub" / "same.txt").symlink_to(folder / "a.txt")     # inside the tree: followed
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    stories, fails = _split(list(read_path(folder)))
    assert sorted(s.id for s in stories) == ["a", "same"]
    assert [(f.origin, f.code) for f in fails] == [("passwd.txt", "T112")]
    assert fails[0].message == (f"{folder / 'passwd.txt'}: a link to {secret}, outside the input "
                                f"folder {folder}: not followed (give the file itself to read it)")
    (story,) = list(read_path(folder / "passwd.txt"))    # named on its own, it is read
    assert story.text.startswith("root:x")


def test_unterminated_string_message_says_at_once(tmp_path):
    # json's own message ends in "at" ("Invalid control character at"): it was doubled;
    # the last line has no newline, so its string is merely unterminated
    p = tmp_path / "s.jsonl"
    p.write_text('{"id": "x", "text": "cut\there"}\n{"id": "y", "text": "cut short', encoding="utf-8")
    _, fails = _split(list(read_path(p)))
    assert [(f.origin, f.code) for f in fails] == [("s.jsonl:1", "T101"), ("s.jsonl:2", "T101")]
    assert fails[0].message == "s.jsonl:1: unparseable JSON (Invalid control character at column 25)"
    assert fails[1].message == "s.jsonl:2: unparseable JSON (Unterminated string starting at column 21)"
    assert all(" at at " not in f.message for f in fails)


def test_text_of_the_wrong_type_is_named_not_missing(tmp_path):
    p = tmp_path / "s.jsonl"
    p.write_text('{"id": "numtext", "text": 12345}\n{"id": "lst", "body": ["a", "b"]}\n'
                 '{"id": "obj", "text": {"en": "x"}}\n{"id": "none", "text": null}\n', encoding="utf-8")
    _, fails = _split(list(read_path(p)))
    assert [(f.code, f.story_id) for f in fails] == [("T106", "numtext"), ("T106", "lst"),
                                                       ("T106", "obj"), ("T106", "none")]
    assert [f.message for f in fails] == [
        "s.jsonl:1: story 'numtext' has a number in field 'text', not a string of text",
        "s.jsonl:2: story 'lst' has a list in field 'body', not a string of text",
        "s.jsonl:3: story 'obj' has an object in field 'text', not a string of text",
        "s.jsonl:4: story 'none' has no text (field 'text')",
    ]


def test_read_csv_without_a_text_column_is_one_failure_naming_the_columns(tmp_path):
    """A CSV whose header has no text column is one T102 for the file that lists its
    columns and names --text-col (a fresh-user trial got one "has no text" per row)."""
    p = tmp_path / "s.csv"
    p.write_text("title,summary\nA,Baku rejected talks.\nB,Kenya arrested 12.\nC,Rebels attacked.\n", encoding="utf-8")
    stories, fails = _split(list(read_path(p)))
    assert not stories and len(fails) == 1
    assert fails[0].code == "T102" and "columns: title, summary" in fails[0].message
    assert "--text-col" in fails[0].message
    stories, fails = _split(list(read_path(p, ReadOptions(text_col="summary"))))
    assert fails == [] and [s.text for s in stories][:1] == ["Baku rejected talks."]


def test_read_csv_unbalanced_quote_loses_only_its_own_row(tmp_path):
    # a quote opened and never closed took the rows after it into one field, so the
    # story of line 4 vanished without a word; now line 3 fails, naming itself, and
    # the rows after it are read; a quoted story with paragraphs is still one record
    p = tmp_path / "s.csv"
    p.write_text('id,text,date\n'
                 'a1,"Kenya thanked Japan.",2025-01-01\n'
                 'a2,"Peru warned Chile.,2025-01-02\n'
                 'a3,"Fiji met Samoa.",2025-01-03\n'
                 'a4,"Ghana expelled a diplomat.\n\nThe envoy left on Monday.",2025-01-04\n'
                 'a5,Nepal hosted talks.,2025-01-05\n', encoding="utf-8")
    stories, fails = _split(list(read_path(p)))
    assert [(s.id, s.pub_date) for s in stories] == [
        ("a1", "2025-01-01"), ("a3", "2025-01-03"), ("a4", "2025-01-04"), ("a5", "2025-01-05")]
    assert stories[2].text == "Ghana expelled a diplomat.\n\nThe envoy left on Monday."
    assert [(f.code, f.origin, f.story_id) for f in fails] == [("T101", "s.csv:3", "a2")]
    assert "unbalanced quote in line 3" in fails[0].message and "line 4 read again" in fails[0].message


def test_read_csv_unclosed_quote_to_the_end_of_the_file(tmp_path):
    p = tmp_path / "s.tsv"
    p.write_text('id\ttext\n'
                 'b1\t"Oman mediated.\n'
                 'b2\tQatar hosted talks.\n'
                 'b3\tIraq thanked Jordan.\n', encoding="utf-8")
    stories, fails = _split(list(read_path(p)))
    assert [s.id for s in stories] == ["b2", "b3"]
    assert [(f.code, f.origin) for f in fails] == [("T101", "s.tsv:2")]


def test_read_csv_with_semicolons_as_a_spreadsheet_writes_it(tmp_path):
    # a semicolon CSV gave T102 listing one column 'id;text;pub_date' (a fresh-user trial)
    p = tmp_path / "s.csv"
    p.write_text('id;text;pub_date\nc1;"Peru thanked Chile, its neighbour.";2025-01-02\n', encoding="utf-8")
    stories, fails = _split(list(read_path(p)))
    assert fails == [] and [(s.id, s.text, s.pub_date) for s in stories] == [
        ("c1", "Peru thanked Chile, its neighbour.", "2025-01-02")]
