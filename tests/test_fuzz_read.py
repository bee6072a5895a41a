"""Fuzz the readers: whatever the bytes, every record becomes a story or a named failure,
and a bad record never costs its neighbours."""

from __future__ import annotations

import json
import string
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tidings.read import MAX_YEAR, MIN_YEAR, ReadFailure, ReadOptions, normalise_date, read_path
from tidings.records import Story

from fuzz_strategies import any_text, fuzz, messy_text, pub_dates

CODES = {"T101", "T102", "T103", "T104", "T105", "T106", "T107", "T114"}
GOOD = {"id": "good", "text": "Kenya condemned the attack.", "pub_date": "2025-01-10"}


def _check(items):
    """Every item is a Story with usable fields or a ReadFailure with a known code."""
    for it in items:
        if isinstance(it, Story):
            assert it.id and isinstance(it.id, str)
            assert isinstance(it.text, str) and it.text.strip()
            it.text.encode("utf-8")          # no lone surrogates reach the pipeline
            if it.pub_date is not None:
                assert MIN_YEAR <= date.fromisoformat(it.pub_date).year <= MAX_YEAR
        else:
            assert isinstance(it, ReadFailure), it
            assert it.code in CODES and it.message and it.origin
    return items


def _write(tmp_path_factory, name: str, data: bytes):
    p = tmp_path_factory.mktemp("fz") / name
    p.write_bytes(data)
    return p


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), any_text),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
    max_leaves=8)


@fuzz(150)
@given(junk=st.lists(st.binary(max_size=200), min_size=1, max_size=5), at=st.integers(1, 5))
def test_fuzz_read_jsonl_binary_lines_never_lose_the_good_line(tmp_path_factory, junk, at):
    lines = [j.replace(b"\n", b" ") for j in junk]
    lines.insert(min(at, len(lines)), json.dumps(GOOD).encode())
    p = _write(tmp_path_factory, "s.jsonl", b"\n".join(lines) + b"\n")
    items = _check(list(read_path(p)))
    # (the junk comes first: a file whose first bytes are a gzip/zip/PNG header and not
    # UTF-8 is rejected whole, by design)
    if not (len(items) == 1 and "decompress" in getattr(items[0], "message", "")):
        assert "good" in [s.id for s in items if isinstance(s, Story)]
        assert len(items) <= len(lines)


@fuzz(150)
@given(sid=json_values, text=json_values, pub=json_values, extra=st.dictionaries(any_text, json_values, max_size=3))
def test_fuzz_read_jsonl_any_field_values(tmp_path_factory, sid, text, pub, extra):
    rec = {**extra, "id": sid, "text": text, "pub_date": pub}
    p = _write(tmp_path_factory, "s.jsonl",
               (json.dumps(rec) + "\n" + json.dumps(GOOD) + "\n").encode())
    items = _check(list(read_path(p)))
    assert len(items) == 2 and isinstance(items[1], Story) and items[1].id == "good"


@fuzz(100)
@given(cut=st.integers(1, 80), text=messy_text)
def test_fuzz_read_jsonl_truncated_record(tmp_path_factory, cut, text):
    whole = json.dumps({"id": "cut", "text": text, "pub_date": "2025-01-10"}, ensure_ascii=False)
    part = whole[: max(1, len(whole) - cut)]
    p = _write(tmp_path_factory, "s.jsonl", (part + "\n" + json.dumps(GOOD) + "\n").encode())
    items = _check(list(read_path(p)))
    assert items[0].code == "T101" and items[0].origin == "s.jsonl:1"
    assert items[1].id == "good"


def test_fuzz_read_jsonl_deep_nesting_and_huge_numbers(tmp_path):
    p = tmp_path / "s.jsonl"
    p.write_text("[" * 100_000 + "\n" + '{"id": 1' + "0" * 5000 + ', "text": "x"}\n'
                 + '{"id": "a", "text": "t", "x": ' + "9" * 5000 + "}\n" + json.dumps(GOOD) + "\n")
    items = _check(list(read_path(p)))
    assert [getattr(i, "code", None) for i in items] == ["T101", "T101", "T101", None]
    assert "nested too deeply" in items[0].message and items[3].id == "good"


def test_fuzz_read_jsonl_lone_surrogate_is_named(tmp_path):
    p = tmp_path / "s.jsonl"
    p.write_text('{"id": "s", "text": "Kenya \\ud800 condemned."}\n' + json.dumps(GOOD) + "\n")
    items = _check(list(read_path(p)))
    assert items[0].code == "T105" and "lone surrogate at character 6" in items[0].message
    assert items[1].id == "good"


def test_fuzz_read_far_future_and_ancient_dates_are_t103(tmp_path):
    p = tmp_path / "s.jsonl"
    recs = [{"id": d, "text": "Kenya condemned the attack.", "pub_date": d}
            for d in ("9999-12-31", "0025-03-14", "2201-01-01T00:00:00Z", "1799-12-31")]
    p.write_text("".join(json.dumps(r) + "\n" for r in recs + [GOOD]))
    items = _check(list(read_path(p)))
    assert [i.code for i in items[:4]] == ["T103"] * 4
    assert "'9999-12-31' is outside 1900-01-01.." in items[0].message and items[4].id == "good"


@fuzz(100)
@given(header=st.lists(st.sampled_from(["id", "text", "pub_date", "title", "", "x", "text"]), max_size=5),
       rows=st.lists(st.lists(st.one_of(messy_text, st.just(""), st.sampled_from(["2025-01-10", "9999-99-99"])),
                              max_size=7), max_size=5),
       delim=st.sampled_from([",", ";", "\t"]))
def test_fuzz_read_csv_wrong_columns(tmp_path_factory, header, rows, delim):
    def line(cells):
        return ",".join('"' + c.replace('"', '""') + '"' for c in cells)

    body = [line(header)] + [line(r) for r in rows] + [line(["good-csv", "Kenya condemned the attack.", "2025-01-10"])]
    p = _write(tmp_path_factory, "s.csv", ("\n".join(body) + "\n").replace(",", delim if delim != "," else ",").encode())
    items = _check(list(read_path(p)))
    assert items  # a header-only or column-less file still says something


def test_fuzz_read_csv_good_row_after_bad_rows_and_a_5mb_field(tmp_path):
    p = tmp_path / "s.csv"
    big = "Kenya condemned the attack. " * 190_000          # 5.3 MB, over csv's default limit
    p.write_text("id,text,pub_date\n"
                 "short\n"                                   # too few columns: no text
                 "a,b,c,d,e,f\n"                             # too many: extras dropped
                 f'big,"{big}",2025-01-10\n'
                 "nul,\"Kenya\x00 condemned.\",2025-01-10\n"
                 "good,Kenya condemned the attack.,2025-01-10\n")
    items = _check(list(read_path(p)))
    by = {getattr(i, "id", None) or getattr(i, "story_id", None) or i.origin: i for i in items}
    assert by["short"].code == "T106" and by["short"].origin == "s.csv:2"
    assert by["a"].code == "T103" and "'c'" in by["a"].message       # extras dropped, date "c"
    assert len(by["big"].text) > 5_000_000
    assert by["nul"].text == "Kenya\x00 condemned."
    assert by["good"].text == "Kenya condemned the attack."


@fuzz(60)
@given(data=st.binary(max_size=2000), ext=st.sampled_from(["", ".txt", ".bin", ".jsonl", ".csv", ".tsv"]))
def test_fuzz_read_binary_files(tmp_path_factory, data, ext):
    d = tmp_path_factory.mktemp("bin")
    (d / f"junk{ext}").write_bytes(data)
    (d / "zz-good.jsonl").write_text(json.dumps(GOOD) + "\n")
    items = _check(list(read_path(d)))
    assert items[-1].id == "good"


def test_fuzz_read_real_binary_formats(tmp_path):
    import gzip
    import zlib

    (tmp_path / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "b.jsonl").write_bytes(gzip.compress(json.dumps(GOOD).encode()))
    (tmp_path / "c.txt").write_bytes("Kenya condemned.".encode("utf-16"))
    (tmp_path / "d.csv").write_bytes(zlib.compress(b"id,text\n1,x\n"))
    (tmp_path / "e.html").write_bytes(bytes(range(256)))
    (tmp_path / "z.jsonl").write_text(json.dumps(GOOD) + "\n")
    items = _check(list(read_path(tmp_path)))
    assert [i.code if isinstance(i, ReadFailure) else i.id for i in items] == \
        ["T114", "T105", "c", "T105", "T106", "good"]
    # UTF-16 with its byte-order mark (Notepad's "Unicode") is decoded, not refused
    assert items[2].text == "Kenya condemned."
    # in a folder an image is no story format; given itself, it is named for what it is
    assert items[0].message.endswith("a.png: not read: .png is no story format "
                                     "(give the file itself, with --format, to read it)")
    alone = list(read_path(tmp_path / "a.png"))
    assert alone[0].message == "a.png: is a PNG image, not text input (decompress or convert it first)"
    assert items[1].message.startswith("b.jsonl: is gzip-compressed, not jsonl input")


HTML_PARTS = ["<script>document.write('x')</script>", "<style>p{}</style>", "<html>", "<head>",
              "<title>T</title>", "</head>", "<body>", "</body>", "<p>", "</p>", "<div>", "<!--",
              "-->", "<![CDATA[", "<meta charset='klingon'>", "<iframe src=x>", "&#0;", "&#xD800;",
              "<p>Kenya condemned the attack on Monday, the foreign ministry said in Nairobi.</p>"]


@fuzz(40)
@given(parts=st.lists(st.one_of(st.sampled_from(HTML_PARTS), messy_text), max_size=15))
def test_fuzz_read_html(tmp_path_factory, parts):
    d = tmp_path_factory.mktemp("html")
    (d / "page.html").write_text("".join(parts), encoding="utf-8", errors="surrogatepass")
    (d / "zz.jsonl").write_text(json.dumps(GOOD) + "\n")
    items = _check(list(read_path(d)))
    assert items[-1].id == "good"
    assert len(items) == 2


def test_fuzz_read_html_scripts_and_no_body(tmp_path):
    (tmp_path / "a.html").write_text("<html><head><script>var a = '<p>Kenya condemned the attack.</p>';"
                                     "</script></head></html>")
    (tmp_path / "b.html").write_text("<script>" * 1000)
    (tmp_path / "c.html").write_text("")
    items = _check(list(read_path(tmp_path)))
    assert [(i.origin, i.code) for i in items] == [("a.html", "T106"), ("b.html", "T106"), ("c.html", "T106")]


@fuzz(300)
@given(value=st.one_of(pub_dates, st.datetimes(), st.integers(), st.floats()))
def test_fuzz_normalise_date_is_iso_in_range_or_value_error(value):
    try:
        out = normalise_date(value)
    except ValueError as exc:
        assert str(exc)
        return
    if out is not None:  # ISO of its own precision: YYYY-MM-DD, YYYY-MM or YYYY
        full = out if len(out) == 10 else (out + "-01-01")[:10]
        assert len(out) in (4, 7, 10) and MIN_YEAR <= date.fromisoformat(full).year <= MAX_YEAR


@pytest.mark.parametrize("text", ["", "   ", "\n\t\r", "\u00a0\u2028", "\u200b"])
def test_fuzz_read_empty_and_whitespace_stories(tmp_path, text):
    p = tmp_path / "s.jsonl"
    p.write_text(json.dumps({"id": "e", "text": text}) + "\n" + json.dumps(GOOD) + "\n")
    items = _check(list(read_path(p)))
    assert items[1].id == "good"
    # a zero-width space is not white space to Python, but a text with no letter or
    # digit is no story either (twenty-third round, r23c): every one of these is T106
    assert items[0].code == "T106"
