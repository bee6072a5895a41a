"""What real users feed the reader (fresh-user trials): publication dates that are not
ISO, HTML in text fields, records without an id, hard-wrapped plain text, and files in
other encodings. Each kind is read, or refused with a message naming the file and line
(or story id), and never costs the other records."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tidings.dates import pub_period, story_dates
from tidings.read import ReadFailure, ReadOptions, latest_pub_date, normalise_date, read_path
from tidings.records import Event, EventDate


def _items(path, **opts):
    return list(read_path(path, ReadOptions(**opts)))


# ------------------------------------------------------------- publication dates

@pytest.mark.parametrize("raw, iso", [
    ("2025-03", "2025-03"),                        # a month: no day made up
    ("2025/03", "2025-03"),
    ("March 2025", "2025-03"),
    ("Sept. 2024", "2024-09"),
    ("2025", "2025"),                              # a year
    ("2025/03/05", "2025-03-05"),                  # year first: year, month, day
    ("13/01/2025", "2025-01-13"),                  # 13 cannot be a month: day first
    ("01/13/2025", "2025-01-13"),                  # month first
    ("07.07.2025", "2025-07-07"),                  # both orders give the same day
    ("28-02-2025 14:30", "2025-02-28"),            # a time after it is dropped
    ("March 5, 2025", "2025-03-05"),
    ("5 Mar 2025 14:00 GMT", "2025-03-05"),
    ("Wed, 05 Mar 2025 23:30:00 -0500", "2025-03-05"),  # RSS: the date as written
    ("Tuesday, March 4, 2025 at 10:00 a.m. ET", "2025-03-04"),
])
def test_common_publication_dates_are_read_with_their_precision(raw, iso):
    assert normalise_date(raw) == iso


def test_a_date_that_reads_two_ways_is_refused_unless_the_order_is_given():
    with pytest.raises(ValueError) as exc:
        normalise_date("06/01/2025")
    msg = str(exc.value)
    assert "reads two ways (6 January 2025 or 1 June 2025)" in msg and "--date-order" in msg
    assert normalise_date("06/01/2025", "DMY") == "2025-01-06"
    assert normalise_date("06/01/2025", "MDY") == "2025-06-01"
    # the order never overrides what the numbers decide
    assert normalise_date("13/01/2025", "MDY") == "2025-01-13"


@pytest.mark.parametrize("raw, says", [
    ("31/02/2025", "no such day"),
    ("2025-13", "no month 13"),
    ("06/01/25", "no four-digit year"),
    ("next Tuesday", "not a date"),
    ("1750-05", "before 1900"),
    # issue 16: before 1900, or more than a year after today (typos and placeholders)
    ("1850-06-01", "outside 1900-01-01.*before 1900"),
    ("1899-12", "before 1900"),
    ("2150-06-01", "more than a year after today"),
    ("March 5, 2150", "more than a year after today"),
    ("2999-12-31", "more than a year after today"),
    ("1066-01-01", "before 1900"),
    ("2025-13-45", "no such day"),
])
def test_bad_publication_dates_say_why(raw, says):
    with pytest.raises(ValueError, match=says):
        normalise_date(raw)


def test_bad_date_skips_only_its_story_with_its_line(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "text": "Kenya protested.", "pub_date": "06/01/2025"},
        {"id": "b", "text": "Kenya protested.", "pub_date": "March 2025"},
        {"id": "c", "text": "Kenya protested.", "pub_date": "Fri, 07 Mar 2025 09:00:00 GMT"},
    ]) + "\n")
    a, b, c = _items(f)
    assert isinstance(a, ReadFailure) and a.code == "T103" and a.story_id == "a"
    assert a.message.startswith("feed.jsonl:1: story 'a' has a bad date: '06/01/2025' reads two ways")
    assert (b.id, b.pub_date) == ("b", "2025-03")
    assert (c.id, c.pub_date) == ("c", "2025-03-07")
    a2 = _items(f, date_order="MDY")[0]
    assert (a2.id, a2.pub_date) == ("a", "2025-06-01")


def test_latest_pub_date_is_a_year_after_today():
    assert latest_pub_date(date(2025, 3, 5)) == date(2026, 3, 5)
    assert latest_pub_date(date(2024, 2, 29)) == date(2025, 2, 28)
    nxt = latest_pub_date()
    assert normalise_date(nxt.isoformat()) == nxt.isoformat()       # a year ahead: still read
    assert normalise_date(str(nxt.year)) == str(nxt.year)           # the year it falls in too
    with pytest.raises(ValueError, match="more than a year after today"):
        normalise_date(date.fromordinal(nxt.toordinal() + 1).isoformat())
    with pytest.raises(ValueError, match="more than a year after today"):
        normalise_date(str(nxt.year + 1))


def test_implausible_dates_skip_only_their_story_naming_id_and_line(tmp_path):
    f = tmp_path / "wire.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in [
        {"id": "w1", "text": "Peru expelled a diplomat.", "pub_date": "1999-08-02"},
        {"id": "w2", "text": "Peru expelled a diplomat.", "pub_date": "2199-08-02"},
        {"id": "w3", "text": "Peru expelled a diplomat.", "pub_date": "1888-08-02"},
        {"id": "w4", "text": "Peru expelled a diplomat.", "pub_date": "1901-08"},
    ]) + "\n")
    w1, w2, w3, w4 = _items(f)
    assert (w1.id, w1.pub_date, w4.id, w4.pub_date) == ("w1", "1999-08-02", "w4", "1901-08")
    for bad, sid, line in ((w2, "w2", 2), (w3, "w3", 3)):
        assert isinstance(bad, ReadFailure) and (bad.code, bad.story_id) == ("T103", sid)
        assert bad.message.startswith(f"wire.jsonl:{line}: story '{sid}' has a bad date: ")
        # well written, only out of range: no hint to write it as YYYY-MM-DD
        assert "outside" in bad.message and "write it as" not in bad.message


def test_pub_period_of_a_month_and_a_year():
    assert pub_period("2024-02") == (date(2024, 2, 1), date(2024, 2, 29), "month")
    assert pub_period("2025") == (date(2025, 1, 1), date(2025, 12, 31), "year")
    assert pub_period("2025-03-05") is None and pub_period(None) is None


def _event(sentence: str, start: str, end: str, gran: str, text: str | None) -> Event:
    return Event(event_id="e", story_id="s", sentence_index=0, sentence=sentence,
                 evidence_span=(0, len(sentence)), trigger="arrested", event_type="COERCE",
                 mode=None, contexts=[], aux_modes=[], actor=[], recipient=[],
                 date=EventDate(start=start, end=end, granularity=gran, text=text,
                                source="sentence" if text else "publication"),
                 location=None, quad_class="material_conflict", confidence=0.9, cameo=None)


def test_events_of_a_story_published_in_a_month_are_dated_to_that_month():
    # nothing dates the event: the whole month, never a made-up day
    s = "Police arrested 12 protesters in Nairobi."
    (e,) = story_dates([_event(s, "2025-03-31", "2025-03-31", "story", None)], "2025-03")
    assert (e.date.start, e.date.end, e.date.granularity, e.date.source) == \
        ("2025-03-01", "2025-03-31", "month", "publication")
    # "yesterday" counted from an unknown day of March is any day of 28 Feb .. 30 March
    s = "Police arrested 12 protesters in Nairobi yesterday."
    (e,) = story_dates([_event(s, "2025-03-30", "2025-03-30", "day", "yesterday")], "2025-03")
    assert (e.date.start, e.date.end, e.date.granularity) == ("2025-02-28", "2025-03-30", "month")
    # a phrase that names its day keeps it
    s = "Police arrested 12 protesters in Nairobi on March 5."
    (e,) = story_dates([_event(s, "2025-03-05", "2025-03-05", "day", "March 5")], "2025-03")
    assert (e.date.start, e.date.end, e.date.granularity) == ("2025-03-05", "2025-03-05", "day")
    # a weekday: any such day from the week before the month to the month's last one;
    # March 2025 ends on a Monday, which read alone made "Monday" the 31st, a made-up day
    for text, first, last in (("Monday", "2025-02-24", "2025-03-31"), ("Friday", "2025-02-28", "2025-03-28"),
                              ("last Monday", "2025-02-24", "2025-03-24")):
        s = f"Police arrested 12 protesters in Nairobi on {text}."
        (e,) = story_dates([_event(s, last, last, "day", text)], "2025-03")
        assert (e.date.start, e.date.end, e.date.granularity) == (first, last, "month"), text
    # a phrase naming its month or year dates itself
    s = "Police arrested 12 protesters in Nairobi in May 2024."
    (e,) = story_dates([_event(s, "2024-05-01", "2024-05-31", "month", "in May 2024")], "2025-03")
    assert (e.date.start, e.date.end) == ("2024-05-01", "2024-05-31")
    # a story of known day: as before
    (e,) = story_dates([_event(s, "2025-03-05", "2025-03-05", "day", "March 5")], "2025-03-20")
    assert (e.date.start, e.date.granularity) == ("2025-03-05", "day")


# ------------------------------------------------------------- encodings

RECORDS = [{"id": "a", "text": "Kenyan police arrested 12 protesters in Nairobi.", "pub_date": "2025-03-05"},
           {"id": "b", "text": "Café owners in Brussels protested against the tax.", "pub_date": "2025-03-06"}]


def _jsonl(recs) -> str:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_decoded(tmp_path, codec):
    data = _jsonl(RECORDS)
    if codec == "utf-16-be":
        raw = b"\xfe\xff" + data.encode("utf-16-be")
    else:
        raw = data.encode(codec)  # Python writes the BOM
    (tmp_path / "s.jsonl").write_bytes(raw)
    (tmp_path / "t.txt").write_bytes("Le café est fermé.".encode(codec) if codec != "utf-16-be"
                                     else b"\xfe\xff" + "Le café est fermé.".encode("utf-16-be"))
    (tmp_path / "u.csv").write_bytes("id,text\nx,Café owners protested.\n".encode("utf-16"))
    got = {it.id: it.text for it in _items(tmp_path)}
    assert got == {"a": RECORDS[0]["text"], "b": RECORDS[1]["text"], "t": "Le café est fermé.",
                   "x": "Café owners protested."}


def test_latin1_is_refused_with_file_line_byte_and_the_option(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_bytes(_jsonl(RECORDS).encode("latin-1"))
    a, b = _items(f)
    assert a.id == "a"                      # the good line before it is kept
    assert isinstance(b, ReadFailure) and b.code == "T105"
    offset = len(_jsonl(RECORDS[:1]).encode("latin-1")) + json.dumps(RECORDS[1], ensure_ascii=False).index("é")
    assert b.message.startswith(f"feed.jsonl:2: not valid utf-8 at byte {offset} of the file")
    assert "--encoding" in b.message
    assert f.read_bytes()[offset] == 0xE9   # the offset points at the é
    ok = _items(f, encoding="latin-1")
    assert [s.text for s in ok] == [RECORDS[0]["text"], RECORDS[1]["text"]]


def test_latin1_text_file_names_the_byte(tmp_path):
    f = tmp_path / "note.txt"
    f.write_bytes("Le ministre a démissionné.".encode("cp1252"))
    (fail,) = _items(f)
    assert fail.code == "T105" and fail.message.startswith("note.txt: not valid utf-8 at byte 15 of the file")
    assert f.read_bytes()[15] == 0xE9       # "Le ministre a d" is 15 bytes
    (story,) = _items(f, encoding="cp1252")
    assert story.text == "Le ministre a démissionné."


def test_junk_that_starts_like_a_utf16_mark_does_not_cost_the_good_lines(tmp_path):
    f = tmp_path / "s.jsonl"
    f.write_bytes(b"\xff\xfe\x00\xd8junk\n" + _jsonl(RECORDS[:1]).encode())
    got = _items(f)
    assert [it.id for it in got if not isinstance(it, ReadFailure)] == ["a"]


def test_cli_encoding_and_date_order(tmp_path):
    from typer.testing import CliRunner

    from tidings.cli import app

    f = tmp_path / "feed.jsonl"
    f.write_bytes(_jsonl([{"id": "k", "text": "Kenyan police arrested 12 protesters in Nairobi.",
                           "pub_date": "06/03/2025", "title": "Arrests à Nairobi"}]).encode("latin-1"))
    out = tmp_path / "ev.jsonl"
    runner = CliRunner()
    res = runner.invoke(app, ["code", str(f), "--no-db", "--out", str(out), "--encoding", "latin-1",
                              "--date-order", "dmy", "-q"])
    assert res.exit_code == 0, res.output
    ev = [json.loads(line) for line in out.read_text().splitlines()]
    assert ev and ev[0]["story_id"] == "k" and ev[0]["date"]["start"] == "2025-03-06"
    bad = runner.invoke(app, ["code", str(f), "--no-db", "--out", str(out), "--date-order", "YMD"])
    assert bad.exit_code == 1 and "[T501] --date-order: 'YMD' is neither DMY nor MDY" in bad.output
    bad = runner.invoke(app, ["code", str(f), "--no-db", "--out", str(out), "--encoding", "klingon"])
    assert bad.exit_code == 1 and "[T501] --encoding: unknown encoding 'klingon'" in bad.output


# ------------------------------------------------------------- records without an id

def test_records_without_an_id_are_named_after_file_and_line(tmp_path):
    (tmp_path / "wire.jsonl").write_text(
        json.dumps({"id": "x1", "text": "Kenya protested."}) + "\n\n"
        + json.dumps({"text": "Chile recalled its envoy.", "pub_date": "2025-03-05"}) + "\n")
    (tmp_path / "arr.json").write_text(json.dumps([{"text": "Peru expelled two diplomats."}]))
    (tmp_path / "rows.csv").write_text("title,text\nA,Peru expelled two diplomats.\nB,Chile protested.\n")
    (tmp_path / "blank.csv").write_text('id,text\n"",Peru expelled two diplomats.\n')
    got = {it.id: it for it in _items(tmp_path)}
    assert sorted(got) == ["arr-1", "blank-1", "rows-1", "rows-2", "wire-3", "x1"]
    assert got["wire-3"].text == "Chile recalled its envoy." and got["wire-3"].pub_date == "2025-03-05"
    assert got["wire-3"].warnings == [
        "wire.jsonl:3: record has no id (field 'id/story_id'); it is story 'wire-3', an id that "
        "changes if lines are added above it: give each record an id"]
    assert got["arr-1"].warnings[0].startswith("arr.json[0]: record has no id")
    assert got["blank-1"].warnings[0].startswith("blank.csv:2: record has no id")
    # a CSV without an id column: one warning for the file, on its first row
    assert got["rows-1"].warnings == [
        "rows.csv: no id column (looked for id, story_id, doc_id, article_id, uid); its rows are "
        "stories rows-1, rows-2, ... by row, ids that change if rows are added above: name one "
        "with --id-col"]
    assert got["rows-2"].warnings == [] and got["x1"].warnings == []
    # the same file read again gives the same ids (a rerun adds nothing to the store)
    assert sorted(it.id for it in _items(tmp_path)) == sorted(got)
    # where no line can name it (the Ray engine's workers) it is still T102
    (fail,) = [it for it in _items(tmp_path / "wire.jsonl", make_ids=False) if isinstance(it, ReadFailure)]
    assert (fail.code, fail.origin) == ("T102", "wire.jsonl:3")


def test_stdin_record_without_an_id(monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO('{"text": "Kenya protested."}\n'))
    (story,) = _items("-")
    assert story.id == "stdin-1" and story.warnings[0].startswith("<stdin>:1: record has no id")


def test_dataframe_rows_without_an_id_are_coded_with_a_warning():
    pd = pytest.importorskip("pandas")
    import tidings

    df_in = pd.DataFrame({"text": ["Kenyan police arrested 12 protesters in Nairobi.",
                                   "Chile recalled its ambassador from Caracas."],
                          "pub_date": ["2025-03-05", "2025-03-06"]})
    with pytest.warns(UserWarning, match=r"2 warnings reading the stories \(they are coded\)"):
        df = tidings.code(df_in)
    assert set(df.story_id) == {"text-1", "text-2"}
    assert df.attrs["warnings"][0].startswith("stories[0]: record has no id (field 'id/story_id'); it is story 'text-1'")
    assert df.attrs["skipped"] == []


# ------------------------------------------------------------- HTML in text fields

def test_html_in_a_text_field_is_stripped_with_a_warning(tmp_path):
    f = tmp_path / "cms.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in [
        {"id": "h", "title": "Arrests in Nairobi &amp; Mombasa",
         "text": "<p>Kenyan police <b>arrested</b> 12 protesters\n in Nairobi.</p>"
                 "<p>The ministry said &quot;order&quot; was restored.<br/>Roads reopened.</p>"
                 "<script>track();</script>"},
        {"id": "e", "text": "AT&amp;T&#8217;s office in Lagos  closed."},
        {"id": "n", "text": "Turnout was < 40% and > 30%, officials said."},
        {"id": "x", "text": "<p> </p><br/>"},
    ]) + "\n")
    h, e, n, x = _items(f)
    assert h.text == ("Kenyan police arrested 12 protesters in Nairobi.\n\n"
                      "The ministry said \"order\" was restored.\nRoads reopened.")
    assert h.title == "Arrests in Nairobi & Mombasa"
    assert h.warnings == ["cms.jsonl:1: story 'h': HTML tags stripped and entities unescaped (field 'text')"]
    assert e.text == "AT&T\u2019s office in Lagos  closed."          # spacing kept
    assert e.warnings == ["cms.jsonl:2: story 'e': HTML entities unescaped (field 'text')"]
    assert n.text == "Turnout was < 40% and > 30%, officials said." and n.warnings == []
    assert isinstance(x, ReadFailure) and x.code == "T106" and "once its HTML is stripped" in x.message


def test_html_in_a_csv_cell(tmp_path):
    f = tmp_path / "feed.csv"
    f.write_text('id,text\nc1,"<div>Chile recalled its ambassador.</div><div>Peru protested.</div>"\n')
    (story,) = _items(f)
    assert story.text == "Chile recalled its ambassador.\n\nPeru protested."


def test_evidence_spans_point_into_the_stripped_text():
    pytest.importorskip("pandas")
    import tidings

    html_story = {"id": "web", "pub_date": "2025-03-05",
                  "text": "<p>On Tuesday, <a href='https://x.example/k'>Kenyan police</a> arrested "
                          "12 protesters in Nairobi &amp; Mombasa.</p>"}
    with pytest.warns(UserWarning, match="HTML tags stripped"):
        df = tidings.code([html_story])
    text = "On Tuesday, Kenyan police arrested 12 protesters in Nairobi & Mombasa."
    assert len(df) >= 1
    for _, row in df.iterrows():
        a, b = row["evidence_span"]
        assert text[a:b] == row["sentence"] and "<" not in row["sentence"]


# ------------------------------------------------------------- hard-wrapped plain text

P1 = ("Kenyan police arrested twelve protesters in Nairobi on Tuesday after a march against "
      "the new finance bill turned violent, officials said.")
P2 = ("Opposition leaders condemned the arrests and called for the release of all those "
      "held, saying the well-known right to protest was being eroded.")


def _wrap(text: str, width: int = 66) -> str:
    import textwrap

    return textwrap.fill(text, width)


def test_hard_wrapped_paragraphs_are_joined_and_kept_apart():
    from tidings.read import unwrap_lines

    raw = "KENYA: ARRESTS IN NAIROBI\n\n" + _wrap(P1) + "\n\n" + _wrap(P2) + "\n"
    assert "well-\nknown" in raw or "\n" in _wrap(P2)      # the wrapper did break lines
    text, joined = unwrap_lines(raw)
    assert text == "KENYA: ARRESTS IN NAIROBI\n\n" + P1 + "\n\n" + P2 + "\n"
    assert joined == raw.count("\n") - 5                     # all but the 5 paragraph breaks


@pytest.mark.parametrize("raw", [
    # a list: short lines, each its own item
    "Demands of the marchers:\n- withdraw the finance bill\n- free those detained\n- open talks\n",
    # long lines of a text that is not wrapped (one paragraph a line)
    P1 + "\n" + P2 + "\n" + P1 + "\n",
    # a title-cased headline over one paragraph keeps its line
    "Kenya Police Arrest Twelve Protesters After Finance Bill March Turns\n" + P1 + "\n",
])
def test_lists_headlines_and_unwrapped_text_keep_their_lines(raw):
    from tidings.read import unwrap_lines

    text, joined = unwrap_lines(raw)
    if raw.startswith("Kenya Police"):
        assert text == raw and joined == 0
    else:
        assert (text, joined) == (raw, 0)


def test_numbered_list_items_in_wrapped_text_keep_their_breaks():
    from tidings.read import unwrap_lines

    raw = (_wrap("The ministry listed the conditions for talks with the opposition, which "
                 "were read out on state television on Wednesday evening:", 64) + "\n"
           "1. release of all detained protesters, including the students\n"
           "2. withdrawal of the finance bill in its current form\n")
    text, _ = unwrap_lines(raw)
    assert "\n1. release" in text and "\n2. withdrawal" in text
    assert "The ministry listed the conditions for talks with the opposition, which were read" in text


def test_wrapped_text_file_and_record_are_read_joined(tmp_path):
    (tmp_path / "mail.txt").write_text(_wrap(P1 + " " + P2) + "\n")
    (tmp_path / "m.jsonl").write_text(json.dumps({"id": "j", "text": _wrap(P1, 60)}) + "\n")
    got = {it.id: it for it in _items(tmp_path)}
    assert got["mail"].text == P1 + " " + P2 + "\n"
    assert got["mail"].warnings[0].startswith("mail.txt: story 'mail': hard-wrapped text: ")
    assert got["j"].text == P1 and "(field 'text')" in got["j"].warnings[0]


def test_wrapped_sentence_is_one_evidence_sentence(tmp_path):
    pytest.importorskip("pandas")
    import tidings

    f = tmp_path / "wire.txt"
    f.write_text(_wrap(P1, 50) + "\n")
    with pytest.warns(UserWarning, match="hard-wrapped"):
        df = tidings.code_file(f, pub_date="2025-03-05")
    coerce = df[df.event_type == "COERCE"]
    assert len(coerce) >= 1 and set(coerce.sentence) == {P1}


def test_code_file_takes_encoding_and_date_order(tmp_path):
    pytest.importorskip("pandas")
    import tidings

    f = tmp_path / "fr.csv"
    f.write_bytes("id,title,text,date\nq,Arrestations à Nairobi,Kenyan police arrested 12 protesters "
                  "in Nairobi.,02/03/2025\n".encode("cp1252"))  # à (0xE0) is no UTF-8 here
    df = tidings.code_file(f, encoding="cp1252", date_order="DMY")
    assert set(df.story_id) == {"q"} and set(df.date_start) == {"2025-03-02"}
    with pytest.raises(ValueError, match="neither DMY nor MDY"):
        normalise_date("02/03/2025", "YDM")


def test_plain_text_on_stdin_is_named_by_its_content(monkeypatch):
    # two texts piped in one after the other are two stories, not one re-coded story;
    # the same text piped twice is the same story
    import io

    from tidings.read import ReadOptions, read_path

    def story_of(text):
        monkeypatch.setattr("sys.stdin", io.StringIO(text))
        (story,) = list(read_path("-", ReadOptions(fmt="text")))
        return story

    a = story_of("Kenya protested to Uganda on Monday.\n")
    b = story_of("Chile recalled its ambassador from Caracas.\n")
    assert a.id.startswith("stdin-") and len(a.id) == 16 and a.id != b.id
    assert story_of("Kenya protested to Uganda on Monday.\n").id == a.id


def test_files_in_subfolders_are_named_with_their_folder(tmp_path):
    # two story.txt files: the skip of the second says which one it was
    for sub, text in (("a", "Kenya protested to Uganda."), ("b", "Chile recalled its ambassador.")):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text(text)
    (tmp_path / "b" / "w.jsonl").write_text('{"id": "x", "text": "Peru expelled two diplomats."}\n{bad\n')
    items = _items(str(tmp_path), pub_date="2024-01-01")
    assert sorted(i.origin for i in items) == ["a/story.txt", "b/story.txt", "b/w.jsonl:1", "b/w.jsonl:2"]
    bad = next(i for i in items if i.origin == "b/w.jsonl:2")
    assert bad.message.startswith("b/w.jsonl:2: unparseable JSON")


@pytest.mark.parametrize("upper", [False, True])
def test_wrapped_lines_full_of_names_and_upper_case_copy_are_joined(upper):
    # a wrapped line full of names ("Kobakhidze criticised the European") and every line
    # of upper-case wire copy were taken for headlines and kept their breaks, so the
    # sentence was cut in two (a fresh-user trial)
    from tidings.read import unwrap_lines

    para = ("Ghanaian Foreign Minister Samuel Okudzeto Ablakwa criticised the European "
            "Parliament on Tuesday for a resolution on the Volta Region, which Accra "
            "called interference in the internal affairs of Ghana and its people.")
    raw = _wrap(para.upper() if upper else para, 60) + "\n\n" + _wrap((P1.upper() if upper else P1), 60) + "\n"
    text, joined = unwrap_lines(raw)
    assert "\n" not in text.split("\n\n")[0] and joined == raw.count("\n") - 3


def test_an_id_that_is_a_list_or_an_object_skips_its_story(tmp_path):
    # a fresh-user trial: {"id": ["list-id"]} became the story id "['list-id']"
    f = tmp_path / "ids.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in [
        {"id": ["n1"], "text": "Niger closed its border with Benin."},
        {"id": {"n": 2}, "text": "Niger closed its border with Benin."},
        {"id": 3, "text": "Niger closed its border with Benin."},
    ]) + "\n")
    a, b, c = _items(f)
    assert isinstance(a, ReadFailure) and a.code == "T102" and "is a list, not a string or a number" in a.message
    assert isinstance(b, ReadFailure) and b.code == "T102" and "is an object" in b.message
    assert c.id == "3"


# ------------------------------------------------------------- control characters (issue 16)
def test_control_characters_are_removed_from_text_and_csv_files_with_a_warning(tmp_path):
    # a NUL inside a word hid the word ("Ki\x00ev"): removed, and the warning says so
    (tmp_path / "page.txt").write_text("Peruvian police detained twenty miners in Are\x00quipa on Friday "
                                       "after a week of road blockades.\x0cPage two.\n")
    (tmp_path / "rows.csv").write_text("id,text,pub_date\nr1,\"Bolivian troops cleared a road near "
                                       "Potos\x00i on Monday, officials said.\",2025-01-10\n")
    got = {it.id: it for it in _items(tmp_path)}
    assert got["page"].text == ("Peruvian police detained twenty miners in Arequipa on Friday after a "
                                "week of road blockades.\nPage two.\n")
    assert got["page"].warnings == ["page.txt: story 'page': 2 control characters (U+0000 NUL, U+000C FF) "
                                    "removed, the first at character 45"]
    assert got["r1"].text == "Bolivian troops cleared a road near Potosi on Monday, officials said."
    assert got["r1"].warnings[0].endswith("(U+0000 NUL) removed, the first at character 41 (field 'text')")
