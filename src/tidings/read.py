"""Readers: input files -> an iterator of :class:`~tidings.records.Story` or failures.

Supported inputs (chosen by extension, or by ``fmt``):

- JSON Lines (``.jsonl``, ``.ndjson``, ``.json`` with one object per line), or a ``.json``
  file holding one array of story objects (one that breaks off gives its complete
  records and one T116 failure for the rest), or one object holding such an array
  (``{"stories": [...]}``, :func:`_json_object_file`);
- CSV (``.csv``, ``.tsv``) with configurable id/text/date columns;
- plain text (``.txt`` or any other file): one story per file, the id is the file stem;
- HTML (``.html``, ``.htm``): main text and metadata extracted with trafilatura;
- a folder: every file inside it (recursively, sorted), each read by its extension; a
  link to a file outside the folder is not followed (T112);
- ``-``: standard input, read as JSON Lines.

A record that cannot be read never aborts the batch: the reader yields a
:class:`ReadFailure` naming the file and line (or story id) and goes on. Some input is
read with help instead, and the story says so in ``Story.warnings`` (naming the file and
line): a record without an id is named after its file and line; control characters
("Ki\\x00ev") are removed (:func:`strip_controls`); HTML in a record's text is stripped
(:func:`html_to_text`); hard-wrapped lines are joined within paragraphs
(:func:`unwrap_lines`). Publication dates are kept as precise as they are given
(:func:`normalise_date`); a file with a UTF-16/UTF-32 byte-order mark is decoded in it
(:func:`sniff_encoding`), others in ``ReadOptions.encoding``.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from .records import Failure, Story

#: Field names accepted for each story field, in order of preference. VOA-style
#: ``published`` timestamps and NGEC-style ``story_id``/``body`` are common.
ID_FIELDS = ("id", "story_id", "doc_id", "article_id", "uid")
TEXT_FIELDS = ("text", "body", "content", "body_text", "full_text", "article_text", "story_text", "maintext",
               "story", "article")
DATE_FIELDS = ("pub_date", "published", "publication_date", "date", "publish_date", "pubdate")
KNOWN_META = ("title", "source", "url", "language", "translated_from")

JSONL_EXT = {".jsonl", ".ndjson", ".json"}
CSV_EXT = {".csv", ".tsv"}
HTML_EXT = {".html", ".htm", ".xhtml"}
TEXT_EXT = {".txt", ".text", ".md", ""}
#: Publication dates accepted: from 1 January :data:`MIN_YEAR` to a year after the day
#: of reading (:func:`latest_pub_date`). A date outside (``1066-01-01``, ``2999-12-31``,
#: ``2150-06-01``) is a typo or a placeholder, reported as T103 and its story skipped,
#: rather than coded into events dated centuries away (issue 16: modern news; the
#: dateline rule of :func:`tidings.dates.dateline_date` uses the same floor).
#: ``MAX_YEAR`` is the latest year a date can have, that of :func:`latest_pub_date` when
#: the module was imported.
MIN_YEAR = 1900


def latest_pub_date(today: date | None = None) -> date:
    """The latest publication date accepted: the same day a year after ``today``
    (default: the day of reading; 28 February for 29 February). A later date is no
    scheduled publication but a typo or a placeholder (``2999-12-31``)."""
    t = today or date.today()
    try:
        return t.replace(year=t.year + 1)
    except ValueError:  # 29 February
        return t.replace(year=t.year + 1, day=28)


MAX_YEAR = latest_pub_date().year
#: Largest CSV field (characters); Python's default of 131,072 would stop a file at
#: its first long story. Stories over the engine's size limit are skipped there.
CSV_FIELD_LIMIT = 2**31 - 1


#: A record that could not become a story: a :class:`tidings.records.Failure` with stage
#: ``read`` (codes T101 bad JSON, T102 missing field, T103 bad date, T104 unreadable
#: file, T105 not UTF-8 or not valid Unicode, T106 empty text, T107 not an object, T112
#: a link in an input folder that leads out of it).
ReadFailure = Failure


@dataclass
class ReadOptions:
    """How to read inputs.

    Attributes:
        fmt: ``"auto"`` (by extension), ``"jsonl"``, ``"csv"``, ``"text"`` or ``"html"``.
        id_col, text_col, date_col, title_col: column/field names to use instead of the
            defaults (``id``/``story_id``..., :data:`TEXT_FIELDS`, :data:`DATE_FIELDS`,
            ``title``). They apply to each input file that has them: a file whose
            header (CSV) or records (JSON) lack a named column is read from the default
            fields for it, with one warning per file naming the file and the column
            (:func:`story_from_record`), so that one command can code a CSV with its own
            column names beside JSON Lines and text files.
        pub_date: publication date (``YYYY-MM-DD``, or ``YYYY-MM``/``YYYY`` when only
            the month or year is known) for stories that carry none (plain text and HTML
            files, or records without a date field).
        date_order: ``"DMY"`` or ``"MDY"``: how to read all-numeric dates that read two
            ways (``06/01/2025``); None refuses them (T103). See :func:`normalise_date`.
        make_ids: give a record without an id the file's stem and its line (JSON Lines:
            ``feed-12``), element or row number (a JSON array, CSV: ``feed-3``), with a
            warning (``Story.warnings``); False: such a record is a T102 failure (the Ray
            engine, whose workers see no line numbers).
        id_prefix: text put before every story id read (``--id-prefix``; default none):
            two inputs whose ids repeat (two feeds, each with a story ``"1"``) coded into
            one store with a prefix each keep their stories apart, where the second would
            replace the first. Failures name the id as the input writes it.
        interface: who reads (:data:`DATE_ORDER_HINTS`: ``"cli"``, ``"api"``,
            ``"python"``), so that the hint of a date that reads two ways names the
            way that interface takes the date order.
        encoding: input encoding (default UTF-8; a file that is not valid in it fails
            with T105 naming the byte offset, rather than being silently mangled; a file
            that starts with a UTF-16 or UTF-32 byte-order mark is decoded in that).
    """

    fmt: str = "auto"
    id_col: str | None = None
    text_col: str | None = None
    date_col: str | None = None
    title_col: str | None = None
    pub_date: str | None = None
    encoding: str = "utf-8"
    date_order: str | None = None
    make_ids: bool = True
    id_prefix: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    interface: str = "cli"


#: Orders of an all-numeric day and month that :func:`normalise_date` accepts for a
#: date that reads two ways (``06/01/2025``): day first or month first.
DATE_ORDERS = ("DMY", "MDY")
#: How each interface takes the date order, named in the refusal of a date that reads
#: two ways (twenty-third round: the REST API answered "give --date-order DMY or MDY",
#: an option it had no way to take): the command line's option, the body field or query
#: parameter of ``POST /api/code``, the keyword of ``tidings.code``/``code_file``.
DATE_ORDER_HINTS: dict[str, str] = {
    "cli": "give --date-order DMY or MDY",
    "api": "give date_order DMY or MDY (a field of the body, or ?date_order= in the URL)",
    "python": 'give date_order="DMY" or date_order="MDY"',
}


def normalise_date(value: Any, date_order: str | None = None, interface: str = "cli") -> str | None:
    """Return ``value`` as an ISO 8601 date of its own precision, or None when empty.

    The result is ``YYYY-MM-DD`` for a day, ``YYYY-MM`` for a date that names only a
    month (``2025-03``, ``March 2025``) and ``YYYY`` for a year alone (``2025``): a day
    is never made up. Read (in this order):

    - ``date``/``datetime`` objects; ISO dates and timestamps (``2025-03-14``,
      ``2025-03-14T20:30:26Z``, ``2025-03-14 20:30:26Z``; the calendar date as written,
      never converted to another time zone), ``2025-03``, ``2025``, ``20250314``;
    - all-numeric dates with ``/``, ``.`` or ``-`` and a four-digit year, optionally
      followed by a time: year first (``2025/03/05``) is year, month, day; year last is
      day and month in the order the numbers allow (``13/01/2025`` is 13 January,
      ``01/13/2025`` 13 January). When both numbers could be a month and differ
      (``06/01/2025``) the date reads two ways and is refused (ValueError) unless
      ``date_order`` says which (``"DMY"`` or ``"MDY"``; the ``--date-order`` option):
      guessing would silently misdate every such story by up to eleven months;
    - RSS/e-mail dates (RFC 2822, ``Fri, 20 Dec 2024 10:00:00 GMT``);
    - dates with an English month name and a four-digit year, with or without a day
      and a time (``March 5, 2025``, ``5 Mar 2025 14:00 GMT``, ``Sept 2024``), read
      with dateparser, which also says whether a day was given.

    Args:
        value: a string, ``date``, ``datetime`` or None.
        date_order: ``"DMY"``, ``"MDY"`` or None (refuse dates that read two ways).
        interface: ``"cli"``, ``"api"`` or ``"python"``: whose way of giving the date
            order the refusal names (:data:`DATE_ORDER_HINTS`).

    Raises:
        ValueError: when the value is not empty and is not such a date (the message
            says why: not a date, reads two ways, an impossible day), or it lies before
            1 January :data:`MIN_YEAR` or after :func:`latest_pub_date` (a month or a
            year: when it starts after it); the message then says "outside".
    """
    if date_order is not None and date_order.upper() not in DATE_ORDERS:
        raise ValueError(f"date order {date_order!r} is neither DMY nor MDY")
    date_order = date_order.upper() if date_order else None
    if value is None:
        return None
    try:
        if value != value:  # NaN, and pandas' NaT (a datetime that equals nothing)
            return None
    except TypeError:       # pandas' NA, whose comparison has no truth value
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return _in_range(value).isoformat()
    s = str(value).strip()
    if not s:
        return None
    head = s[:10]
    try:
        return _in_range(date.fromisoformat(head)).isoformat()
    except ValueError as exc:
        if "outside" in str(exc):
            raise
    m = _PARTIAL_ISO.match(s)
    if m:  # 2025-03, 2025/03, 2025: a month or a year, as precise as written
        year = int(m[1])
        if m[2] is not None and not 1 <= int(m[2]) <= 12:
            raise ValueError(f"no month {int(m[2])}: {s[:40]!r}")
        first = date(max(year, 1), int(m[2] or 1), 1)
        _in_range(first, s)  # a month or a year that starts in the accepted range
        return f"{year:04d}" if m[2] is None else f"{year:04d}-{int(m[2]):02d}"
    try:
        d = datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        d = _numeric_date(s, date_order, interface)
        if d is None:
            named = _named_date(s)
            if named is None:
                raise ValueError(f"not a date: {s[:40]!r}") from None
            return named
    return _in_range(d).isoformat()


_PARTIAL_ISO = re.compile(r"^(\d{4})(?:[-/](\d{1,2}))?$")
_NUMERIC = re.compile(r"^(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})(?:[ T,].*)?$")


def _numeric_date(s: str, date_order: str | None, interface: str = "cli") -> date | None:
    """An all-numeric date (``2025/03/05``, ``13.01.2025``, ``06/01/2025 14:00``) by the
    rule of :func:`normalise_date`; None when ``s`` is not of that shape.

    Raises:
        ValueError: when it reads two ways and ``date_order`` is None, when its year is
            not four digits, or when the day does not exist.
    """
    m = _NUMERIC.match(s)
    if not m:
        return None
    a, b, c = m[1], m[3], m[4]
    if len(a) == 4:
        y, mo, d = int(a), int(b), int(c)
    elif len(c) == 4:
        y, x, z = int(c), int(a), int(b)
        if x > 12 >= z:
            d, mo = x, z
        elif z > 12 >= x:
            mo, d = x, z
        elif x == z or date_order is not None:
            (d, mo) = (x, z) if date_order != "MDY" else (z, x)
        else:
            raise ValueError(f"{s[:40]!r} reads two ways ({_day_month(x, z, y)} or "
                             f"{_day_month(z, x, y)}): {DATE_ORDER_HINTS.get(interface, DATE_ORDER_HINTS['cli'])}, "
                             "or write it as YYYY-MM-DD")
    else:
        raise ValueError(f"{s[:40]!r} has no four-digit year")
    try:
        return date(y, mo, d)
    except ValueError:
        raise ValueError(f"no such day: {s[:40]!r}") from None


def _day_month(d: int, mo: int, y: int) -> str:
    """``6 January 2025`` for a message (the numbers as given, checked elsewhere)."""
    try:
        return date(y, mo, d).strftime("%-d %B %Y")
    except ValueError:
        return f"day {d} of month {mo}"


_MONTH_NAME = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b", re.I)


def _named_date(s: str) -> str | None:
    """A publication date that is not ISO but cannot be misread, as ISO text of its own
    precision (``YYYY-MM-DD`` or ``YYYY-MM``): an RSS/e-mail date (RFC 2822, "Fri, 20 Dec
    2024 10:00:00 GMT") or a date with an English month name and a four-digit year, with
    or without a day ("December 20, 2024", "20 Dec 2024 14:00 GMT", "March 2025"), read
    with dateparser (its ``period`` says whether a day was given). None for anything
    else.

    Raises:
        ValueError: when the year is outside :data:`MIN_YEAR`..:data:`MAX_YEAR`.
    """
    from email.utils import parsedate_to_datetime

    try:
        return _in_range(parsedate_to_datetime(s).date()).isoformat()
    except (TypeError, ValueError, IndexError) as exc:
        if "outside" in str(exc):
            raise
    if not _MONTH_NAME.search(s) or not re.search(r"\b\d{4}\b", s):
        return None
    from dateparser.date import DateDataParser

    got = DateDataParser(languages=["en"], settings={
        "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month", "year"]}).get_date_data(s)
    if got is None or got.date_obj is None or got.period not in ("day", "month"):
        return None
    d = _in_range(got.date_obj.date())
    return d.isoformat() if got.period == "day" else d.isoformat()[:7]


def _in_range(d: date, written: str | None = None) -> date:
    """``d`` when it lies from 1 January :data:`MIN_YEAR` to :func:`latest_pub_date`;
    ValueError (saying "outside") otherwise."""
    latest = latest_pub_date()
    if d.year < MIN_YEAR or d > latest:
        why = f"before {MIN_YEAR}" if d.year < MIN_YEAR else f"more than a year after today ({date.today().isoformat()})"
        raise ValueError(f"{(written or d.isoformat())[:40]!r} is outside {MIN_YEAR}-01-01..{latest.isoformat()} "
                         f"({why}: a typo or a placeholder?)")
    return d


BOM = "\ufeff"

#: Byte-order marks that name their encoding, longest first (UTF-32's starts like
#: UTF-16's). A file that starts with one is decoded in it whatever ``--encoding`` says.
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def sniff_encoding(head: bytes, encoding: str) -> str:
    """The encoding to decode a file in: ``utf-16``/``utf-32`` when ``head`` (its first
    bytes) starts with their byte-order mark (Windows tools write UTF-16 so), else
    ``encoding`` (the ``--encoding`` option, UTF-8 by default)."""
    for mark, name in _BOMS:
        if head.startswith(mark):
            return name
    return encoding


def _decode(data: bytes, encoding: str) -> str:
    """Decode a whole file in :func:`sniff_encoding`'s encoding, dropping a leading
    byte-order mark (Excel and Notepad write one; it would otherwise stick to the first
    column name or the first story).

    Raises:
        UnicodeDecodeError: as ``bytes.decode`` does (``start`` is the offset in ``data``).
    """
    text = data.decode(sniff_encoding(data[:4], encoding))
    return text[1:] if text.startswith(BOM) else text


def _not_encoded(name: str, encoding: str, offset: int, exc: UnicodeDecodeError,
                 sample: bytes = b"") -> str:
    """The T105 message for bytes that are not ``encoding``: the file (and line), the byte
    offset in the file, and the ``--encoding`` option with the common candidates and
    charset_normalizer's guess from ``sample`` (the file's or the line's bytes; a guess
    from a few bytes is often a neighbour, cp1250 for cp1252, so it is named as one)."""
    guess = None
    if sample:
        try:
            from charset_normalizer import from_bytes

            best = from_bytes(sample[:65536]).best()
            guess = best.encoding if best is not None else None
        except Exception:  # noqa: BLE001 - only a hint
            guess = None
    hint = "give its encoding with --encoding, or convert it to UTF-8 (latin-1 and cp1252 are common"
    if guess and guess.replace("_", "-").lower() not in (encoding.lower(), "utf-8", "ascii"):
        hint += f"; charset_normalizer guesses {guess}"
    hint += ")"
    return f"{name}: not valid {encoding} at byte {offset} of the file ({exc.reason}); {hint}"


#: Control characters that are no text: C0 controls other than tab, line feed and
#: carriage return, and DEL. A NUL inside a word ("Ki\x00ev", a padded field, a broken
#: conversion) splits it, so the name is lost and its event with it (issue 16).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Names of the control characters most often met in text.
_CONTROL_NAMES = {"\x00": "NUL", "\x07": "BEL", "\x08": "BS", "\x0b": "VT", "\x0c": "FF",
                  "\x1a": "SUB", "\x1b": "ESC", "\x7f": "DEL"}
#: Largest share of control characters that the readers remove; above it the text is
#: left as it is, and the engine skips the story as not text (T111; the default of
#: ``tidings.engines.worker.Limits.max_control_ratio``).
MAX_CONTROL_SHARE = 0.05
#: How many characters from the start of a text :func:`control_share` reads.
CONTROL_SAMPLE = 20_000


def control_share(text: str) -> float:
    """Share of control characters (:data:`_CONTROL`) in the first
    :data:`CONTROL_SAMPLE` characters of ``text`` (0.0 for an empty text)."""
    sample = text[:CONTROL_SAMPLE]
    return len(_CONTROL.findall(sample)) / len(sample) if sample else 0.0


def strip_controls(text: str) -> tuple[str, str | None]:
    """Return ``text`` without its control characters, and a note saying what was
    removed (None when nothing was).

    Rule (issue 16; docs/bad-input.md, "Read with a warning"): a control character
    carries no text, and one inside a word ("Ki\\x00ev") hides the word from the
    parser, the gazetteer and the actor dictionaries, so that the story is coded
    without its event and nothing says why. The characters of :data:`_CONTROL` are
    removed; vertical tab and form feed (line and page breaks of word processors and
    printers) become a line break, and the other white-space separators (U+001C..U+001F)
    a space, so that the words on either side stay apart. A text with more than
    :data:`MAX_CONTROL_SHARE` of them (:func:`control_share`) is a binary file read as
    text: it is returned as it is, for the engine's T111 skip.
    """
    if not _CONTROL.search(text) or control_share(text) > MAX_CONTROL_SHARE:
        return text, None
    found: dict[str, int] = {}

    def repl(m: re.Match) -> str:
        c = m.group()
        found[c] = found.get(c, 0) + 1
        return "\n" if c in "\x0b\x0c" else " " if c.isspace() else ""

    clean = _CONTROL.sub(repl, text)
    n = sum(found.values())
    kinds = ", ".join(f"U+{ord(c):04X}" + (f" {_CONTROL_NAMES[c]}" if c in _CONTROL_NAMES else "")
                      + (f" x{k}" if k > 1 else "") for c, k in sorted(found.items()))
    first = _CONTROL.search(text).start()
    return clean, (f"{n} control {'character' if n == 1 else 'characters'} ({kinds}) removed, the "
                   f"first at character {first}")


def _bad_unicode(s: str) -> int | None:
    """Return the offset of the first lone surrogate in ``s`` (JSON ``"\\ud800"``), or None."""
    try:
        s.encode("utf-8")
        return None
    except UnicodeEncodeError as exc:
        return exc.start


#: Why a text without a letter or digit is no story (:func:`wordless`).
_WORDLESS = "only white space, punctuation, symbols or emoji, no word"


def wordless(text: str) -> bool:
    """Whether ``text`` has no letter or digit in any script (only white space,
    punctuation, symbols, emoji, invisible format characters): such a story has no
    sentence to code, and the readers skip it as a story with no text (T106), as an
    empty one, rather than code it to nothing with a "no publication date" warning (a
    fresh user's trial)."""
    return not any(c.isalnum() for c in text)


def story_from_record(rec: Any, origin: str, opts: ReadOptions,
                      make_id: str | None = None) -> Story | ReadFailure:
    """Turn one JSON/CSV record (a dict) into a Story, or a ReadFailure saying why.

    The id, text, date and title come from ``opts.id_col``/``text_col``/``date_col``/
    ``title_col`` when set and the record has that field, else from the first present
    name in :data:`ID_FIELDS`, :data:`TEXT_FIELDS`, :data:`DATE_FIELDS` (``title``):
    a record that lacks a named field is read from the default fields, with a warning
    (:func:`_fallback_note`, the same for every record of a file, which the readers give
    once per file); a named field that is present but empty stays empty (a story with
    no text is a T106 failure). Other fields are kept in ``Story.meta``.

    Args:
        rec: the record.
        origin: where it is, ``"feed.jsonl:12"``, for messages.
        opts: how to read it.
        make_id: the id to give a record that has none (the readers pass the file's stem
            and the line or row: ``feed-12``), with a warning naming ``origin`` in
            ``Story.warnings``; None: such a record is a T102 failure.
    """
    if not isinstance(rec, dict):
        return ReadFailure(origin, None, "T107", f"{origin}: record is a {type(rec).__name__}, not an object")

    def missing(v: Any) -> bool:
        # None, "", and a float NaN (pandas' missing value in a DataFrame's records)
        return v is None or (isinstance(v, str) and v == "") or (isinstance(v, float) and v != v)

    notes: list[str] = []

    def pick(explicit: str | None, names: Iterable[str], option: str) -> tuple[str | None, Any]:
        if explicit and explicit in rec:
            v = rec.get(explicit)
            return explicit, None if missing(v) else v
        if explicit:  # a record of another shape (a JSON Lines file beside the named CSV)
            notes.append(_fallback_note(origin, explicit, option, names))
        for n in names:
            if n in rec and not missing(rec[n]):
                return n, rec[n]
        return None, None

    id_key, sid = pick(opts.id_col, ID_FIELDS, "id")
    text_key, text = pick(opts.text_col, TEXT_FIELDS, "text")
    date_key, raw_date = pick(opts.date_col, DATE_FIELDS, "date")
    title_key, _ = pick(opts.title_col, ("title",), "title")
    title_key = title_key or "title"
    if isinstance(sid, (list, dict, tuple, set)):   # {"id": ["a1"]}: str() would make "['a1']"
        return ReadFailure(origin, None, "T102", f"{origin}: story id (field '{id_key}') is "
                           f"{_json_kind(sid)}, not a string or a number")
    sid = None if sid is None else str(sid).strip()
    if not sid:
        want = id_key or "/".join(ID_FIELDS[:2])
        if make_id is None or not opts.make_ids:
            return ReadFailure(origin, None, "T102", f"{origin}: story has no id (field '{want}')")
        sid = make_id
        notes.append(f"{origin}: record has no id (field '{want}'); it is story "
                     f"{opts.id_prefix + sid!r}, an id that changes if lines are added above "
                     "it: give each record an id")
    for k, v in rec.items():
        if isinstance(v, (list, dict)) and _nesting(v) >= MAX_NESTING:  # the record is one more
            return ReadFailure(origin, sid, "T101", f"{origin}: story {sid!r} has field '{k}' "
                               f"nested over {MAX_NESTING} levels deep (lists or objects inside "
                               "each other); such a record is not read")
    if text is not None and not isinstance(text, str):  # {"text": 12345}, {"text": [...]}
        return ReadFailure(origin, sid, "T106", f"{origin}: story {sid!r} has {_json_kind(text)} "
                           f"in field '{text_key}', not a string of text")
    if not isinstance(text, str) or not text.strip():
        want = text_key or "text"
        return ReadFailure(origin, sid, "T106", f"{origin}: story {sid!r} has no text (field '{want}')")
    for what, value in (("id", sid), ("text", text)):
        at = _bad_unicode(value)
        if at is not None:
            sid_shown = sid.encode("utf-8", "backslashreplace").decode("utf-8")
            return ReadFailure(origin, None if what == "id" else sid, "T105",
                               f"{origin}: story {sid_shown!r} has invalid Unicode in its {what} "
                               f"(a lone surrogate at character {at})")
    text, removed = strip_controls(text)
    if removed is not None:
        notes.append(f"{origin}: story {sid!r}: {removed} (field '{text_key}')")
    text, done = html_to_text(text)
    if done is not None:
        if not text.strip():
            return ReadFailure(origin, sid, "T106", f"{origin}: story {sid!r} has no text once its "
                               f"HTML is stripped (field '{text_key}')")
        notes.append(f"{origin}: story {sid!r}: {done} (field '{text_key}')")
    if wordless(text):  # "🚨🔥 …", " — ": nothing to parse, as an empty text
        return ReadFailure(origin, sid, "T106", f"{origin}: story {sid!r} has no text: "
                           f"{_WORDLESS} (field '{text_key}')")
    text, joined = unwrap_lines(text)
    if joined:
        notes.append(f"{origin}: story {sid!r}: {_wrap_note(joined)} (field '{text_key}')")
    try:
        pub = normalise_date(raw_date, opts.date_order, opts.interface) if raw_date is not None else opts.pub_date
    except ValueError as exc:
        # a date outside the range is well written: the hint would only mislead (a
        # fresh-user trial: "2150-01-01 ... write it as YYYY-MM-DD")
        hint = "" if "reads two ways" in str(exc) or "outside" in str(exc) else " (write it as YYYY-MM-DD)"
        return ReadFailure(origin, sid, "T103", f"{origin}: story {sid!r} has a bad date: {exc}{hint}")
    used = {id_key, text_key, date_key, title_key}
    # a "title" field beside the one --title-col names is kept as metadata, not lost
    meta = {k: v for k, v in rec.items() if k not in used and (k not in KNOWN_META or k == "title" != title_key)}
    def get(k: str, title: bool = False) -> str | None:
        v = rec.get(k)
        if v is None or v == "" or (isinstance(v, float) and v != v):
            return None
        return html_to_text(strip_controls(str(v))[0])[0] if title else str(v)

    return Story(id=opts.id_prefix + sid, text=text, pub_date=pub, title=get(title_key, True), source=get("source"),
                 url=get("url"), language=get("language"),
                 translated_from=get("translated_from"), meta=meta, origin=origin,
                 warnings=notes)


#: Words of every note :func:`_fallback_note` writes: :func:`_once_per_file` keeps the
#: first of each for a file.
_FALLBACK_WORDS = "is read from the default fields"


def _fallback_note(origin: str, column: str, option: str, names: Iterable[str]) -> str:
    """The warning for a file whose records lack the column ``column`` named with
    ``--{option}-col``: it names the file (``origin`` without its line or element) and
    the column, and is the same for every record of the file."""
    file = re.split(r"[:\[]", origin, maxsplit=1)[0]
    return (f"{file}: no field {column!r} (--{option}-col) in its records; the {option} {_FALLBACK_WORDS} "
            f"({', '.join(names)})")


_FALLBACK_NOTE = re.compile(r"^(?P<file>.*?): no field (?P<col>.+?) \(--(?P<opt>\w+)-col\) in its "
                            r"records; the \w+ is read from the default fields \((?P<names>[^)]*)\)$")


def _once_per_file(items: Iterable[Story | ReadFailure]) -> Iterator[Story | ReadFailure]:
    """The items of one input file, with one warning per column fallback
    (:func:`_fallback_note`) for the file, not one per record.

    The warning is given once the file is read, on its last story (the stories from the
    first that fell back are yielded one behind, in order), and says how many records
    lacked the column: the note as written when every story of the file did; else
    ``"feed.jsonl: 1 of its 3 records has no field 'title' (--id-col), at
    feed.jsonl:2; it is read from the default fields (id, ...): story 's2'"``, naming the
    ids those records got (a fresh user's trial: the warning said the file had no such
    field while most of its records had it)."""
    total = 0
    notes: dict[str, list] = {}  # note -> [records lacking it, first origin, their ids]
    held: list[Story | ReadFailure] = []  # the last story and the failures after it
    for item in items:
        if isinstance(item, Story):
            total += 1
            if any(_FALLBACK_WORDS in w for w in item.warnings):
                kept = []
                for w in item.warnings:
                    if _FALLBACK_WORDS in w:
                        seen = notes.setdefault(w, [0, item.origin, []])
                        seen[0] += 1
                        if len(seen[2]) < 4:
                            seen[2].append(item.id)
                    else:
                        kept.append(w)
                item.warnings = kept
            if notes:
                yield from held
                held = [item]
                continue
        if held:
            held.append(item)
        else:
            yield item
    if held:
        story = held[0]
        assert isinstance(story, Story)
        story.warnings = story.warnings + [_fallback_summary(w, n, total, first, ids)
                                           for w, (n, first, ids) in notes.items()]
        yield from held


def _fallback_summary(note: str, lacking: int, total: int, first: str, ids: list[str]) -> str:
    """The file's column fallback warning (:func:`_once_per_file`): ``note`` as
    :func:`_fallback_note` wrote it when all ``total`` stories of the file lacked the
    column, else how many (``lacking``) did, the first's ``origin``, and the ids those
    records got (``ids``, the first four)."""
    m = _FALLBACK_NOTE.match(note)
    if lacking >= total or m is None:
        return note
    one = lacking == 1
    shown = ", ".join(repr(i) for i in ids[:3]) + (f" and {lacking - 3} more" if lacking > 3 else "")
    what = "story" if one else "stories"
    return (f"{m['file']}: {lacking} of its {total} records {'has' if one else 'have'} no field "
            f"{m['col']} (--{m['opt']}-col), {'at' if one else 'the first at'} {first}; "
            f"{'it is' if one else 'they are'} read from the default fields ({m['names']}): "
            f"{what} {shown}")


#: Tags that show a text field holds HTML (a feed's or a CMS's "body"): a word in angle
#: brackets that is an HTML element. "a < b" and "<Reuters>"-like notes are not HTML.
_HTML_TAG = re.compile(
    r"<\s*/?\s*(?:p|br|div|span|a|b|i|u|em|strong|li|ul|ol|h[1-6]|blockquote|q|table|tr|td|th|"
    r"tbody|thead|img|figure|figcaption|section|article|header|footer|aside|nav|main|sup|sub|hr|"
    r"pre|code|font|small|big|iframe|script|style|noscript|cite|time|abbr|mark|dl|dt|dd)"
    r"(?:\s[^<>]*)?/?\s*>", re.I)
#: Character references (``&amp;``, ``&#8217;``, ``&#x2019;``).
_HTML_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
#: Elements whose end starts a new paragraph, and those whose content is no text.
_BLOCK = frozenset("p div li ul ol h1 h2 h3 h4 h5 h6 blockquote table tr section article header "
                   "footer aside nav main figure figcaption pre hr dl dt dd".split())
_HIDDEN = frozenset({"script", "style", "noscript", "iframe", "template"})


class _HtmlText(HTMLParser):
    """The text of an HTML fragment (stdlib ``html.parser``; character references
    unescaped by it): runs of white space are one space, as a browser shows them;
    block elements (``p``, ``div``, ``li``, headings) end a paragraph, ``br`` a line;
    the content of ``script``, ``style`` and the like is dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(re.sub(r"[ \t\r\n\f]+", " ", data))

    def text(self) -> str:
        lines = [ln.strip(" ") for ln in "".join(self.parts).split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_to_text(text: str) -> tuple[str, str | None]:
    """Return ``text`` without HTML, and what was done (None when it was no HTML).

    A text with HTML tags (:data:`_HTML_TAG`: ``<p>``, ``<br/>``, ``<a href=...>``) is
    read as an HTML fragment (:class:`_HtmlText`): tags dropped, block elements made
    paragraphs (a blank line, as tidings' plain text has them), entities unescaped. A
    text with character references only (``AT&amp;T``, ``&#8217;``) is only unescaped
    (``html.unescape``), its spacing kept. Anything else is returned as it is. The
    result is the text tidings stores, so evidence offsets point into it.
    """
    if _HTML_TAG.search(text):
        parser = _HtmlText()
        parser.feed(text)
        parser.close()
        return parser.text(), "HTML tags stripped and entities unescaped"
    if _HTML_ENTITY.search(text):
        plain = html.unescape(text)
        if plain != text:
            return plain, "HTML entities unescaped"
    return text, None


#: A line that starts a list item: a bullet, "1." / "2)" / "a)"; never joined to the
#: line before it.
_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022\u2013\u2014\u00b7>]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])\s")
#: Widest line of a hard-wrapped text, and the shortest (e-mail, wire copy and terminal
#: editors wrap at 60-80 characters; under 40 the lines are a list or verse).
WRAP_MAX, WRAP_MIN = 100, 40
#: A line that fills at least this share of the widest line ends where the wrapper broke
#: it; a shorter one ends a paragraph, a headline or a list item.
WRAP_FULL = 0.7


def _headline(line: str, upper: bool = False) -> bool:
    """A title-cased line with no final full stop ("Kenya Police Arrest Protesters",
    "Kenya Police Clash with Protesters": 80% of its words of four letters or more
    capitalised). In upper-case copy (``upper``) every line looks like one, so none is
    taken for a headline: wire copy wrapped at full width is joined ("GEORGIAN PRIME
    MINISTER IRAKLI KOBAKHIDZE\nCRITICISED THE ..."), while a headline shorter than the
    wrap width, or followed by a blank line, keeps its break anyway."""
    if upper:
        return False
    words = [w for w in re.findall(r"[^\W\d_]{4,}", line)]
    return (not line.rstrip().endswith((".", ",", ";", ":"))) and bool(words) and \
        sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def unwrap_lines(text: str) -> tuple[str, int]:
    """Join the lines of hard-wrapped paragraphs; return the text and how many line
    breaks were joined (0: the text is returned as it is).

    The coder takes a line break for a sentence boundary, so text wrapped at ~70
    characters (e-mail, wire copy, a terminal editor) would be cut into fragments. A text
    is taken as hard-wrapped when its widest line has :data:`WRAP_MIN`..:data:`WRAP_MAX`
    characters and at least 60% of its lines followed by another line (not a blank one)
    fill :data:`WRAP_FULL` of that width. Then such a full line is joined to the next
    with a space (without one after a hyphen between letters: "well-\\nknown"); a blank
    line stays a paragraph break, and a short line (a paragraph's last, a headline, a
    list item), a title-cased headline, and a line before a list item keep their break,
    except a dateline's line cut inside a name (:func:`tidings.lines.name_goes_on`:
    "KHARTOUM, Sudan (AP) - The Rapid Support\nForces attacked ...").
    A list of line units (headlines or items without full stops: most lines end early, or
    hardly any is followed by one in lower case; :func:`tidings.lines.layout`, issue 16)
    is no wrapped text and is returned as it is.
    """
    lines = text.split("\n")
    lens = [len(ln.rstrip()) for ln in lines]
    width = max(lens, default=0)
    if not WRAP_MIN <= width <= WRAP_MAX:
        return text, 0
    inner = [i for i in range(len(lines) - 1) if lens[i] and lines[i + 1].strip()]
    full = {i for i in inner if lens[i] >= WRAP_FULL * width}
    if len(inner) < 2 or len(full) < 0.6 * len(inner):
        return text, 0
    from .lines import layout, name_goes_on

    if layout(text).units:  # headlines or list items, one a line: each line is a unit
        return text, 0
    letters = [c for c in text if c.isalpha()]
    upper = bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
    out: list[str] = []
    joined = 0
    join_next = False
    for i, ln in enumerate(lines):
        if join_next:  # the line before ends where the wrapper broke it
            prev = out.pop().rstrip()
            glue = "" if re.search(r"[^\W\d_]-$", prev) else " "
            out.append(prev + glue + ln.strip())
        else:
            out.append(ln)
        # a line the next continues in lower case is no headline, however many names it holds
        join_next = i in inner and ((i in full and not _LIST_ITEM.match(lines[i + 1]) and (
            not _headline(ln, upper) or lines[i + 1].lstrip()[:1].islower()))
            or name_goes_on(ln, lines[i + 1]))
        joined += join_next
    return "\n".join(out), joined


def _wrap_note(joined: int) -> str:
    return (f"hard-wrapped text: {joined} line {'break' if joined == 1 else 'breaks'} inside "
            "paragraphs joined (blank lines are paragraph breaks)")


def _json_kind(value: Any) -> str:
    """Name a JSON value's type as a user writes it: 'a number', 'a list', 'an object'."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


class _PeekedStream:
    """A text stream whose first lines, up to the first that is not blank, are read
    ahead (:meth:`first_content`) and handed out again by :meth:`readline` and
    :meth:`read`, so that standard input can be looked at before it is read."""

    def __init__(self, stream: Any) -> None:
        self.stream, self.ahead = stream, []
        self.error: UnicodeDecodeError | None = None

    def first_content(self) -> str | None:
        """The first non-blank line (None at the end, or when it cannot be decoded: that
        is reported where the line is read)."""
        while True:
            try:
                line = self.stream.readline()
            except UnicodeDecodeError as exc:
                self.error = exc
                return None
            if not line:
                return None
            self.ahead.append(line)
            if line.strip():
                return line

    def readline(self) -> str:
        if self.ahead:
            return self.ahead.pop(0)
        if self.error is not None:
            err, self.error = self.error, None
            raise err
        return self.stream.readline()

    def read(self) -> str:
        head, self.ahead = "".join(self.ahead), []
        return head + self.stream.read()


def _read_lines(stream: io.TextIOBase, name: str, opts: ReadOptions) -> Iterator[Story | ReadFailure]:
    lineno = 0
    while True:
        lineno += 1
        try:
            line = stream.readline()
        except UnicodeDecodeError as exc:
            yield ReadFailure(f"{name}:{lineno}", None, "T105",
                              f"{name}:{lineno}: not valid {opts.encoding} ({exc.reason}); rest of file "
                              "skipped (give its encoding with --encoding)")
            return
        if not line:
            return
        if lineno == 1 and line.startswith(BOM):
            line = line[1:]
        if not line.strip():
            continue
        origin = f"{name}:{lineno}"
        rec = _parse_json(line, origin)
        if isinstance(rec, ReadFailure) and name == "<stdin>" and line.lstrip()[:1] not in "{[":
            rec.message += "; standard input is read as JSON Lines: for plain text use --format text"
        yield rec if isinstance(rec, ReadFailure) else story_from_record(
            rec, origin, opts, make_id=f"stdin-{lineno}")


def _parse_json(line: str, origin: str) -> Any:
    """Return the object on one JSON line, or a T101 ReadFailure (never raises)."""
    try:
        # without the line break: a line cut short is reported at its end ("column 64"),
        # not at column 1 of the line after it
        return json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        return ReadFailure(origin, None, "T101", f"{origin}: unparseable JSON ({_json_msg(exc.msg)} at column {exc.colno})")
    except (ValueError, RecursionError) as exc:  # 5,000-digit numbers, [[[[... nested deep
        return ReadFailure(origin, None, "T101", f"{origin}: unparseable JSON ({_parse_error(exc)})")


def _parse_error(exc: BaseException) -> str:
    """Say why ``json`` could not parse a value other than by a syntax error: nesting
    deeper than Python's recursion limit, or a number too long to read."""
    if isinstance(exc, RecursionError):
        return (f"lists or objects nested too deeply, over {sys.getrecursionlimit():,} levels; "
                "a story record is an object of a few fields")
    msg = str(exc)
    return f"{type(exc).__name__}: {msg if len(msg) <= 120 else msg[:117] + '...'}"


#: Deepest nesting of lists and objects in a record that is read (a story's metadata):
#: deeper ones (``{"meta": [[[[...]]]]}`` 900 levels down) parse, but are no news
#: record, and a worker process cannot be sent them (pickle's recursion), which stopped
#: the whole batch with ``--processes 2``.
MAX_NESTING = 100


def _nesting(value: Any, limit: int = MAX_NESTING) -> int:
    """How deep lists and objects nest in ``value`` (0 for a string or number), counted
    without recursion and no further than ``limit + 1``."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, (list, tuple, dict)):
            d += 1
            if d > deepest:
                deepest = d
                if d > limit:
                    return d
            stack.extend((x, d) for x in (v.values() if isinstance(v, dict) else v))
    return deepest


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)


def _value_end(text: str, pos: int) -> int | None:
    """The offset just after the JSON list or object that starts at ``text[pos]``, found
    by counting brackets outside strings (for a record too deep to parse), or None when
    it does not close."""
    depth = 0
    for m in _JSON_TOKEN.finditer(text, pos):
        t = m[0]
        if t in "[{":
            depth += 1
        elif t in "]}":
            depth -= 1
            if depth == 0:
                return m.end()
    return None


def _json_msg(msg: str) -> str:
    """``json``'s message without a trailing "at" of its own ("Invalid control character
    at"), so that " at column N" can follow it once."""
    msg = msg.rstrip()
    return msg[:-3].rstrip() if msg.endswith(" at") else msg


_JSON_SPACE = re.compile(r"[ \t\n\r]*")


@dataclass
class _TooDeep:
    """An element of a ``.json`` array too deeply nested to parse (:func:`_json_array`
    skips over it): its reason, reported as that element's T101."""

    reason: str


@dataclass
class _ArrayBreak:
    """Where a ``.json`` array file breaks off (:func:`_json_array`): the index of the
    first record not read, the character offset in the decoded text, its line and
    column, and json's reason."""

    index: int
    pos: int
    line: int
    col: int
    reason: str


def _json_array(path: Path, opts: ReadOptions) -> tuple[list, _ArrayBreak | None] | None:
    """The file's story objects when it holds one JSON array of objects (the usual "JSON
    export": first non-blank character ``[``, an element is an object); else None, and
    the file is read as JSON Lines.

    A file that does not parse whole is read again record by record
    (``json.JSONDecoder.raw_decode``), so that an array that breaks off (a download cut
    short, a record broken by hand) still gives its complete records before the break,
    with an :class:`_ArrayBreak` naming where it broke, when those records hold an
    object. An array that closes and is followed by more (JSON Lines whose first line is
    an array), or breaks before any object, is read as JSON Lines."""
    with open(path, "rb") as fb:
        raw = fb.read(4096)
    enc = sniff_encoding(raw[:4], opts.encoding)
    head = raw.decode(enc, "ignore").lstrip(BOM).lstrip()
    if head[:1] != "[":
        return None
    data = path.read_bytes()
    try:
        text = _decode(data, opts.encoding)
    except UnicodeDecodeError as exc:
        if exc.end != len(data) or exc.reason != "unexpected end of data":
            return None  # read as lines: T105 names the line
        text = _decode(data[:exc.start], opts.encoding)  # cut inside a character
    try:  # a whole array: one fast parse
        data = json.loads(text)
    except (ValueError, RecursionError):
        pass
    else:
        if not isinstance(data, list) or (data and not any(isinstance(x, dict) for x in data)):
            return None
        return data, None
    # not whole: read it record by record up to where it breaks
    decode, space = json.JSONDecoder().raw_decode, _JSON_SPACE.match
    data, broke = [], None
    pos = space(text, text.index("[") + 1).end()
    while broke is None:
        try:
            rec, pos = decode(text, pos)
        except json.JSONDecodeError as exc:
            broke = (exc.pos, _json_msg(exc.msg))
            break
        except RecursionError as exc:  # one record nested too deeply: skip it alone
            end = _value_end(text, pos) if text[pos:pos + 1] in ("[", "{") else None
            if end is None:
                broke = (pos, _parse_error(exc))
                break
            rec, pos = _TooDeep(_parse_error(exc)), end
        except ValueError as exc:  # 5,000-digit numbers
            broke = (pos, _parse_error(exc))
            break
        data.append(rec)
        pos = space(text, pos).end()
        if text.startswith(",", pos):
            pos = space(text, pos + 1).end()
        elif text.startswith("]", pos):
            break  # closed, so more follows it: JSON Lines whose first line is an array
        else:
            broke = (pos, "Expecting ',' or ']' after a record" if pos < len(text)
                     else "the file ends before the array's closing ']'")
    if broke is None and any(isinstance(x, _TooDeep) for x in data):
        return data, None  # whole, but with records too deep to parse
    if broke is None or not any(isinstance(x, dict) for x in data):
        return None
    at, reason = broke
    if at >= len(text) and reason.startswith("Expecting value"):
        reason = "the file ends before the array's closing ']'"  # cut after a comma
    line = text.count("\n", 0, at) + 1
    return data, _ArrayBreak(len(data), at, line, at - text.rfind("\n", 0, at), reason)


#: Field names under which exports hold their list of stories (``{"stories": [...]}``,
#: NewsAPI's ``articles``, the Guardian's ``response.results``, Solr's ``response.docs``),
#: preferred in this order when an object holds more than one list of objects.
WRAPPER_FIELDS = ("stories", "articles", "items", "documents", "docs", "records", "results",
                  "data", "entries", "news", "posts", "hits")
#: How deep :func:`_story_lists` looks for the list of stories in a wrapper object
#: (``{"response": {"results": [...]}}`` is two levels).
_WRAPPER_DEPTH = 3
#: What a ``.json`` file may hold, for messages.
JSON_SHAPES = ("a .json file is read as JSON Lines (one story object per line), one array of "
               'story objects ([{...}, ...]) or one object holding such an array ({"stories": '
               "[{...}, ...]})")


def _has_text(rec: dict, opts: ReadOptions) -> bool:
    """Whether a JSON object is a story itself: it has a text field holding a string."""
    names = (opts.text_col,) if opts.text_col else TEXT_FIELDS
    return any(isinstance(rec.get(n), str) for n in names)


def _story_lists(obj: dict, depth: int = _WRAPPER_DEPTH, prefix: str = "") -> list[tuple[str, list]]:
    """The lists of objects in a wrapper object, by their dotted path
    (``[("response.results", [...])]``), looking ``depth`` levels down."""
    found, inner = [], []
    for key, value in obj.items():
        path = f"{prefix}{key}"
        if isinstance(value, list) and any(isinstance(x, dict) for x in value):
            found.append((path, value))
        elif isinstance(value, dict) and depth > 1:
            inner.append((path, value))
    if not found:  # only deeper when this level holds none
        for path, value in inner:
            found += _story_lists(value, depth - 1, path + ".")
    return found


def _json_object_file(path: Path, opts: ReadOptions) -> Iterator[Story | ReadFailure] | None:
    """Read a ``.json`` file that holds one JSON object, not JSON Lines: a wrapper around
    the list of stories (``{"stories": [...]}``, ``{"response": {"results": [...]}}``),
    whose records are named ``export.json:stories[0]`` ...; or one story written over
    several lines (pretty-printed), named ``export.json``. None when the file is no such
    object (JSON Lines, an array, or JSON that does not parse whole: the line reader
    names the bad line).

    An object that is no story and holds no list of objects, or several lists none of
    whose names is in :data:`WRAPPER_FIELDS`, gives one T107 failure saying which shapes
    are read."""
    with open(path, "rb") as fb:
        head = fb.read(4096)
    enc = sniff_encoding(head[:4], opts.encoding)
    if head.decode(enc, "ignore").lstrip(BOM).lstrip()[:1] != "{":
        return None
    obj: Any = None
    parsed = False
    if enc == opts.encoding:  # byte-wise lines: look at the first before reading it all
        with open(path, "rb") as fb:
            while True:  # the first line that is not blank
                first = fb.readline()
                if not first or first.strip():
                    break
            try:
                obj, parsed = json.loads(_decode(first, opts.encoding)), True
            except (ValueError, RecursionError):  # also UnicodeDecodeError
                pass
            if parsed:
                if not isinstance(obj, dict) or _has_text(obj, opts):
                    return None  # JSON Lines
                while True:  # one line of JSON Lines, or the whole file?
                    more = fb.read(65536)
                    if not more:
                        break
                    if more.strip():
                        return None  # more lines follow: JSON Lines
    if not parsed:
        try:
            obj = json.loads(_decode(path.read_bytes(), opts.encoding))
        except (ValueError, RecursionError):
            return None
        if not isinstance(obj, dict):
            return None
        if _has_text(obj, opts):  # one story over several lines
            return iter([story_from_record(obj, path.name, opts, make_id=path.stem)])
    lists = _story_lists(obj)
    if len(lists) > 1:
        named = sorted((p for p in lists if p[0].rsplit(".", 1)[-1] in WRAPPER_FIELDS),
                       key=lambda p: WRAPPER_FIELDS.index(p[0].rsplit(".", 1)[-1]))
        if named:
            lists = named[:1]
    if len(lists) != 1:
        what = ("holds lists of objects under " + ", ".join(repr(k) for k, _ in lists)
                + f", and none is named {'/'.join(WRAPPER_FIELDS[:3])}...") if lists else \
            "holds no list of story objects"
        want = opts.text_col or "text"
        return iter([ReadFailure(path.name, None, "T107",
                                 f"{path.name}: one JSON object that is no story (no '{want}' "
                                 f"field) and {what}; {JSON_SHAPES}")])
    key, records = lists[0]
    return (story_from_record(rec, f"{path.name}:{key}[{i}]", opts, make_id=f"{path.stem}-{i + 1}")
            for i, rec in enumerate(records))


def read_json_whole(path: str | Path, opts: ReadOptions | None = None
                    ) -> Iterator[Story | ReadFailure] | None:
    """The stories of a JSON file that is read whole, not line by line: one JSON array
    of story objects (any extension :func:`read_jsonl` reads), or, for a ``.json``
    file, one object (a wrapper ``{"stories": [...]}``, or one pretty-printed story:
    :func:`_json_object_file`); None when the file is JSON Lines (read it line by line).

    :func:`read_jsonl` reads such files with it, and so does the Ray engine, whose
    workers read the other files a line at a time (``tidings.engines.ray``).

    Returns:
        an iterator of ``Story`` and ``ReadFailure`` (an array that breaks off gives its
        complete records, then one T116; an object that is no story and holds no list of
        stories, one T107), or None.
    """
    path = Path(path)
    opts = opts or ReadOptions()
    array = _json_array(path, opts)
    if array is not None:
        return _array_stories(path, opts, *array)
    if path.suffix.lower() == ".json":
        return _json_object_file(path, opts)
    return None


def _array_stories(path: Path, opts: ReadOptions, records: list,
                   broke: "_ArrayBreak | None") -> Iterator[Story | ReadFailure]:
    """The stories of a JSON array's ``records`` (element i named ``name[i]``), then the
    T116 failure of where it ``broke`` off, if it did."""
    for i, rec in enumerate(records):
        if isinstance(rec, _TooDeep):
            origin = f"{path.name}[{i}]"
            yield ReadFailure(origin, None, "T101", f"{origin}: unparseable JSON ({rec.reason})")
            continue
        yield story_from_record(rec, f"{path.name}[{i}]", opts, make_id=f"{path.stem}-{i + 1}")
    if broke is not None:
        origin = f"{path.name}[{broke.index}]"
        yield ReadFailure(origin, None, "T116",
                          f"{origin}: JSON array breaks off: {broke.reason} at line "
                          f"{broke.line}, column {broke.col} (character {broke.pos + 1:,} of "
                          f"the file); {broke.index:,} record{'s' * (broke.index != 1)} "
                          "before it read, the rest of the file skipped (get the file "
                          "again, or fix it there)")


def read_jsonl(path: Path, opts: ReadOptions) -> Iterator[Story | ReadFailure]:
    """Yield stories from a JSON Lines file, one object per line (blank lines skipped);
    a file that holds one JSON array of story objects is read as that array, and one
    whose array breaks off gives its complete records and one T116 failure for the rest.
    A ``.json`` file that holds one object is read by :func:`_json_object_file` (a
    wrapper ``{"stories": [...]}``, or one pretty-printed story); the first unparseable
    line of a ``.json`` file says which shapes are read."""
    whole = read_json_whole(path, opts)
    if whole is not None:
        yield from whole
        return
    # errors="strict" so a non-UTF-8 byte is reported rather than replaced silently;
    # we decode line by line so earlier good lines are kept.
    with open(path, "rb") as fb:
        first = fb.read(4)
    enc = sniff_encoding(first, opts.encoding)
    lines = None
    if enc != opts.encoding and enc.startswith("utf-"):  # UTF-16/32: no byte-wise lines
        try:
            lines = _decode(path.read_bytes(), opts.encoding).splitlines(keepends=True)
        except UnicodeDecodeError:
            lines = None
        if lines is not None and next((ln.strip()[:1] for ln in lines if ln.strip()), "{") not in "{[":
            lines = None  # junk that starts like a byte-order mark: read line by line below
    if lines is not None:
        for lineno, line in enumerate(lines, 1):
            if line.strip():
                origin = f"{path.name}:{lineno}"
                rec = _parse_json(line, origin)
                yield rec if isinstance(rec, ReadFailure) else story_from_record(
                    rec, origin, opts, make_id=f"{path.stem}-{lineno}")
        return
    hint = path.suffix.lower() == ".json"  # the first T101 of a .json file names the shapes
    with open(path, "rb") as fb:
        lineno = at = 0
        for raw in fb:
            lineno += 1
            origin = f"{path.name}:{lineno}"
            try:
                line = _decode(raw, opts.encoding) if lineno == 1 else raw.decode(opts.encoding)
            except UnicodeDecodeError as exc:
                yield ReadFailure(origin, None, "T105",
                                  _not_encoded(origin, opts.encoding, at + exc.start, exc, raw))
                at += len(raw)
                continue
            at += len(raw)
            if not line.strip():
                continue
            rec = _parse_json(line, origin)
            if isinstance(rec, ReadFailure) and hint:
                rec.message += f"; {JSON_SHAPES}"
                hint = False
            yield rec if isinstance(rec, ReadFailure) else story_from_record(
                rec, origin, opts, make_id=f"{path.stem}-{lineno}")


def read_csv(path: Path, opts: ReadOptions) -> Iterator[Story | ReadFailure]:
    """Yield stories from a CSV (or TSV) file with a header row; line numbers count the header.
    A ``.csv`` whose header has semicolons and no comma is read with semicolons (as
    spreadsheets write CSV where the decimal mark is a comma)."""
    raw = path.read_bytes()
    try:
        data = _decode(raw, opts.encoding)
    except UnicodeDecodeError as exc:
        yield ReadFailure(path.name, None, "T105", _not_encoded(path.name, exc.encoding, exc.start, exc, raw))
        return
    delim = "\t" if path.suffix.lower() == ".tsv" else ","
    header = data.lstrip("\ufeff").split("\n", 1)[0]
    if delim == "," and "," not in header and header.count(";") >= 1:
        delim = ";"  # a spreadsheet's CSV in a locale whose decimal mark is a comma
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    lines = io.StringIO(data, newline="").readlines()  # the physical lines the reader reads
    reader = csv.DictReader(iter(lines), delimiter=delim)
    fields = reader.fieldnames or []
    # a named column the header lacks: this file is read from the default columns for
    # it, with one warning (the options name the columns of another input of the run)
    absent = {attr: col for attr in ("id_col", "text_col", "date_col", "title_col")
              if (col := getattr(opts, attr)) and fields and col not in fields}
    defaults = {"id_col": ID_FIELDS, "text_col": TEXT_FIELDS, "date_col": DATE_FIELDS, "title_col": ("title",)}
    first_notes = [_fallback_note(path.name, col, attr[:-4], defaults[attr]) for attr, col in absent.items()]
    if absent:
        opts = replace(opts, **{attr: None for attr in absent})
    if fields and opts.text_col is None and not any(f in TEXT_FIELDS for f in fields):
        # one line for the file, not one per row ("story 'x' has no text" a hundred times)
        named = f"no column {absent['text_col']!r} and " if "text_col" in absent else ""
        yield ReadFailure(path.name, None, "T102",
                          f"{path.name}: {named}no text column (looked for {', '.join(TEXT_FIELDS)}; columns: "
                          f"{', '.join(fields)}); name it with --text-col")
        return
    id_column = opts.id_col is not None or any(f in ID_FIELDS for f in fields)

    def rows():
        """(line number, row) of each record, or a ReadFailure; records an unbalanced
        quote merged are split again (:func:`_unmerged_rows`)."""
        before = reader.line_num
        for row in reader:
            last = reader.line_num
            if last - before > 1:
                parts = _unmerged_rows(lines, before, last, fields, delim, path.name)
                if parts is not None:
                    yield from parts
                    before = last
                    continue
            yield last, row
            before = last

    try:
        i = -1
        for line_num, row in rows():
            if isinstance(row, ReadFailure):
                yield row
                continue
            i += 1
            origin = f"{path.name}:{line_num}"
            row = {k: v for k, v in row.items() if k is not None}
            if not id_column and opts.make_ids:  # numbered rows: one warning for the file
                row["id"] = f"{path.stem}-{i + 1}"
                item = story_from_record(row, origin, opts)
                if i == 0 and isinstance(item, Story):
                    item.warnings.append(f"{path.name}: no id column (looked for {', '.join(ID_FIELDS)}); "
                                         f"its rows are stories {path.stem}-1, {path.stem}-2, ... by row, "
                                         "ids that change if rows are added above: name one with --id-col")
            else:
                item = story_from_record(row, origin, opts, make_id=f"{path.stem}-{i + 1}")
            if first_notes and isinstance(item, Story):
                item.warnings[:0], first_notes = first_notes, []
            yield item
    except csv.Error as exc:
        yield ReadFailure(f"{path.name}:{reader.line_num}", None, "T101", f"{path.name}:{reader.line_num}: bad CSV ({exc})")


def _unmerged_rows(lines: list[str], before: int, last: int, fields: list[str], delim: str,
                   name: str) -> list[tuple[int, dict | ReadFailure]] | None:
    """Split a CSV record that an unbalanced quote made of several rows, or None when it
    is a real multi-line record.

    A quote that opens a field and is never closed makes the reader take the following
    rows into that field until the next quote, so stories vanish without a word. A
    record read from physical lines ``before + 1 .. last`` (1-based, as the reader's
    ``line_num``) is such a merge when it does not parse in strict CSV (a multi-line
    quoted field, a story with paragraphs, does) and some line after its first reads
    alone, strictly, as a full row of ``len(fields)`` fields. Each such line starts a
    record again; the lines before the first of them are the broken record.

    Returns:
        ``[(line number, row dict or ReadFailure), ...]``: a ``T101`` failure naming the
        broken record's lines, then each recovered record with the line it ends on.
    """
    span = lines[before:last]
    try:
        if len(list(csv.reader(span, delimiter=delim, strict=True))) == 1:
            return None
    except csv.Error:
        pass

    def full_row(line: str) -> bool:
        try:
            got = list(csv.reader([line], delimiter=delim, strict=True))
        except csv.Error:
            return False
        return len(got) == 1 and len(got[0]) == len(fields)

    starts = [k for k in range(1, len(span)) if full_row(span[k])]
    if not starts:
        return None
    first, end = before + 1, before + starts[0]

    def lines_(a: int, b: int) -> str:
        return f"line {a}" if a == b else f"lines {a}-{b}"

    head = dict(zip(fields, next(csv.reader(span[:1], delimiter=delim), [])))
    sid = next((head[f].strip() for f in ID_FIELDS if head.get(f, "").strip()), None)
    out: list[tuple[int, dict | ReadFailure]] = [(end, ReadFailure(
        f"{name}:{first}", sid, "T101",
        f"{name}:{first}: bad CSV (an unbalanced quote in {lines_(first, end)}"
        f"{f' (story {sid!r})' if sid else ''}: the reader took the rows after it into one field; "
        f"{lines_(first, end)} left out, {lines_(end + 1, last)} read again)"))]
    for a, b in zip(starts, starts[1:] + [len(span)]):
        for row in csv.DictReader(span[a:b], fieldnames=fields, delimiter=delim):
            out.append((before + b, row))
    return out


def read_text(path: Path, opts: ReadOptions) -> Iterator[Story | ReadFailure]:
    """Yield one story from a plain-text file: id = file stem, date from ``opts.pub_date``;
    control characters are removed (:func:`strip_controls`) and hard-wrapped paragraphs
    have their lines joined (:func:`unwrap_lines`), each with a warning."""
    raw = path.read_bytes()
    try:
        text = _decode(raw, opts.encoding)
    except UnicodeDecodeError as exc:
        yield ReadFailure(path.name, path.stem, "T105",
                          _not_encoded(path.name, exc.encoding, exc.start, exc, raw))
        return
    if not text.strip():
        yield ReadFailure(path.name, path.stem, "T106", f"{path.name}: story {path.stem!r} has no text")
        return
    text, removed = strip_controls(text)
    if wordless(text):
        yield ReadFailure(path.name, path.stem, "T106", f"{path.name}: story {path.stem!r} has no "
                          f"text: {_WORDLESS}")
        return
    notes = [f"{path.name}: story {path.stem!r}: {removed}"] if removed else []
    text, joined = unwrap_lines(text)
    if joined:
        notes.append(f"{path.name}: story {path.stem!r}: {_wrap_note(joined)}")
    yield Story(id=opts.id_prefix + path.stem, text=text, pub_date=opts.pub_date, origin=path.name,
                warnings=notes)


def read_html(path: Path, opts: ReadOptions) -> Iterator[Story | ReadFailure]:
    """Yield one story from an HTML page: main text, title, date, url via trafilatura.

    The page's own date (trafilatura's metadata) wins over ``opts.pub_date``.
    """
    try:
        import trafilatura  # imported here: it is slow to import and only HTML needs it
    except ImportError as exc:  # a broken install must not cost the other stories
        yield ReadFailure(path.name, path.stem, "T104",
                          f"{path.name}: cannot read HTML: {exc} (pip install lxml_html_clean)")
        return

    raw = path.read_bytes()
    try:
        html = raw.decode(opts.encoding)
    except UnicodeDecodeError:
        html = raw.decode("latin-1")  # HTML often declares its own charset; keep going
    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    except Exception as exc:  # noqa: BLE001 - lxml/trafilatura raise assorted errors on junk
        yield ReadFailure(path.name, path.stem, "T106",
                          f"{path.name}: no main text could be extracted from the HTML ({type(exc).__name__})")
        return
    if not text or not text.strip():
        yield ReadFailure(path.name, path.stem, "T106", f"{path.name}: no main text found in the HTML")
        return
    try:
        meta = trafilatura.extract_metadata(html)
    except Exception:  # noqa: BLE001 - the text is what matters; keep it without metadata
        meta = None
    pub = opts.pub_date
    title = url = source = None
    if meta is not None:
        try:
            pub = normalise_date(meta.date, opts.date_order) or pub
        except ValueError:
            pass
        title, url, source = meta.title, meta.url, meta.sitename
    text, removed = strip_controls(text)
    if wordless(text):
        yield ReadFailure(path.name, path.stem, "T106", f"{path.name}: story {path.stem!r} has no "
                          f"text: {_WORDLESS}")
        return
    notes = [f"{path.name}: story {path.stem!r}: {removed}"] if removed else []
    yield Story(id=opts.id_prefix + path.stem, text=text, pub_date=pub, title=title, url=url, source=source,
                origin=path.name, warnings=notes)


def _kind(path: Path, opts: ReadOptions) -> str:
    if opts.fmt != "auto":
        return opts.fmt
    ext = path.suffix.lower()
    if ext in JSONL_EXT:
        return "jsonl"
    if ext in CSV_EXT:
        return "csv"
    if ext in HTML_EXT:
        return "html"
    return "text"


#: Leading bytes of compressed and binary formats, reported once per file (T105)
#: instead of line by line.
_MAGIC = {b"\x1f\x8b": "gzip-compressed", b"PK\x03\x04": "a zip archive", b"BZh": "bzip2-compressed",
          b"\xfd7zXZ\x00": "xz-compressed", b"\x28\xb5\x2f\xfd": "zstd-compressed",
          b"%PDF": "a PDF", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image"}


def _binary_kind(path: Path) -> str | None:
    """Name the binary format of ``path`` when it starts with a known magic number and
    its first kilobyte is not UTF-8 (so a text line that happens to start "BZh" stays)."""
    with open(path, "rb") as fh:
        head = fh.read(1024)
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            try:
                head.decode("utf-8")
            except UnicodeDecodeError as exc:
                if exc.start < len(head) - 4:      # not merely a character cut at 1 KB
                    return what
            return None
    return None


_READERS = {"jsonl": read_jsonl, "csv": read_csv, "text": read_text, "html": read_html}


def read_path(path: str | Path, opts: ReadOptions | None = None) -> Iterator[Story | ReadFailure]:
    """Yield stories and failures from one input: a file, a folder, or ``-`` (stdin).

    Never raises for bad content: an unreadable file yields one ReadFailure (T104).
    """
    opts = opts or ReadOptions()
    if str(path) == "-":
        if sys.stdin is None or getattr(sys.stdin, "closed", False):  # `tidings code - <&-`
            yield ReadFailure("<stdin>", None, "T104",
                              "<stdin>: standard input is closed, so there is nothing to read")
            return
        fmt, stream = opts.fmt, sys.stdin
        if fmt == "auto":
            # JSON Lines unless the first non-blank line is no JSON object or array: a
            # text piped in ("echo 'Chad expelled French troops.' | tidings code -") is a
            # story, not a broken JSON line
            stream = _PeekedStream(sys.stdin)
            first = stream.first_content()
            if first is not None and first.lstrip().lstrip(BOM)[:1] not in "{[":
                fmt = "text"
        if fmt in ("text", "csv", "html"):
            # stdin in another format: buffer it to a temporary file and read that
            import tempfile

            suffix = {"text": ".txt", "csv": ".csv", "html": ".html"}[fmt]
            with tempfile.TemporaryDirectory() as tmp:
                f = Path(tmp) / f"stdin{suffix}"
                if isinstance(stream, _PeekedStream):
                    data = stream.read()
                    try:
                        f.write_text(data, encoding="utf-8")
                        sub = replace(opts, fmt=fmt, encoding="utf-8")
                    except UnicodeEncodeError:
                        # bytes that are no UTF-8 ("Caf\xe9"): Python hands them over as
                        # lone surrogates; the bytes as they came go to the reader, which
                        # decodes them with --encoding or says what to do (T105)
                        f.write_bytes(data.encode(getattr(sys.stdin, "encoding", None) or "utf-8",
                                                  "surrogateescape"))
                        sub = replace(opts, fmt=fmt)
                else:
                    f.write_bytes(sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode())
                    sub = opts
                for item in read_path(f, sub):
                    item.origin = item.origin.replace(f.name, "<stdin>")
                    if isinstance(item, Story):
                        item.input_path = "<stdin>"
                    if isinstance(item, Story) and item.id == opts.id_prefix + f.stem:
                        # a text piped in is named by its content, so that a second
                        # story piped into the same store is a story of its own, not
                        # a new text of the first ("stdin-3f2a9c1b0d")
                        item.id = f"{opts.id_prefix}stdin-{hashlib.sha1(item.text.encode('utf-8')).hexdigest()[:10]}"
                    yield item
            return
        yield from _with_input(_once_per_file(_read_lines(stream, "<stdin>", opts)), "<stdin>")
        return
    p = Path(path)
    if p.is_dir():
        root = p.resolve()
        for child in sorted(q for q in p.rglob("*") if q.is_file() and not q.name.startswith(".")):
            target = child.resolve()
            if not target.is_relative_to(root):  # a link out of the folder: /etc/passwd...
                yield ReadFailure(child.name, None, "T112",
                                  f"{child}: a link to {target}, outside the input folder {p}: "
                                  "not followed (give the file itself to read it)")
                continue
            ext = child.suffix.lower()
            if opts.fmt == "auto" and ext not in JSONL_EXT | CSV_EXT | HTML_EXT | TEXT_EXT:
                # a feed, a script, an image in the folder: no story format, never read as text
                packed = ext in (".gz", ".bz2", ".xz", ".zip", ".tgz", ".7z", ".zst")
                yield ReadFailure(str(child.relative_to(p)), None, "T114",
                                  f"{child}: not read: {ext} is no story format "
                                  + ("(a compressed file: unpack it first)" if packed
                                     else "(give the file itself, with --format, to read it)"))
                continue
            rel = str(child.relative_to(p))
            for item in read_path(child, opts):
                if rel != child.name and item.origin.startswith(child.name):
                    # in a subfolder: the origin names it ("a/story.txt", "b/story.txt")
                    item.origin = rel + item.origin[len(child.name):]
                    if isinstance(item, ReadFailure) and item.message.startswith(child.name):
                        item.message = rel + item.message[len(child.name):]
                yield item
        return
    if not p.exists():
        yield ReadFailure(str(p), None, "T104", f"{p}: no such file or folder")
        return
    kind = _kind(p, opts)
    if kind not in _READERS:
        yield ReadFailure(str(p), None, "T104", f"{p}: unknown format {kind!r} (jsonl, csv, text, html)")
        return
    try:
        binary = _binary_kind(p)
        if binary:
            yield ReadFailure(p.name, None, "T105", f"{p.name}: is {binary}, not {kind} input "
                              f"(decompress or convert it first)")
            return
        yield from _with_input(_once_per_file(_READERS[kind](p, opts)), str(p.resolve()))
    except OSError as exc:
        yield ReadFailure(str(p), None, "T104", f"{p}: cannot read ({exc.strerror or exc})")


def _with_input(items: Iterable[Story | ReadFailure], input_path: str) -> Iterator[Story | ReadFailure]:
    """Yield ``items``, each story marked with the input it was read from
    (``Story.input_path``: a file's absolute path, or ``"<stdin>"``), which the store
    keeps to tell a story of another input from a new text of the same story."""
    for item in items:
        if isinstance(item, Story):
            item.input_path = input_path
        yield item


def read_stories(paths: Iterable[str | Path], opts: ReadOptions | None = None) -> Iterator[Story | ReadFailure]:
    """Yield stories and failures from several inputs, in order.

    Messages name a story by its file's name and line (``feed.jsonl:2``). Of several
    inputs, a folder's stories and the stories of files that share a name with another
    input are named by the path as written (``a/feed.jsonl:2``, ``b/feed.jsonl:2``), so
    that a message about two of them (a duplicate id, T108) tells them apart (issue 16).
    """
    paths = list(paths)
    names = Counter(Path(p).name for p in paths if str(p) != "-")
    for p in paths:
        prefix = None
        if len(paths) > 1 and str(p) != "-":
            pp = Path(p)
            if pp.is_dir():
                prefix = str(pp)
            elif names[pp.name] > 1 and str(pp.parent) != ".":
                prefix = str(pp.parent)
        for item in read_path(p, opts):
            if prefix is not None:
                _qualify(item, prefix)
            yield item


def _qualify(item: Story | ReadFailure, prefix: str) -> None:
    """Name ``item`` by ``prefix`` + "/" + its origin, in its origin and in the messages
    and warnings that start with its origin's file name."""
    name = re.split(r"[:\[]", item.origin, maxsplit=1)[0]
    if not name:
        return
    full = str(Path(prefix) / name)
    item.origin = full + item.origin[len(name):]
    if isinstance(item, ReadFailure):
        if item.message.startswith(name):
            item.message = full + item.message[len(name):]
    else:
        item.warnings = [full + w[len(name):] if w.startswith(name) else w for w in item.warnings]
