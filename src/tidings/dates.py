"""When an event happened: date phrases resolved against the publication date.

Two public functions:

* :func:`resolve` turns one date phrase ("last Tuesday", "late October", "March 15-20",
  "since March 2024") into a :class:`DateResolution`, relative to the publication date.
* :func:`event_date` picks the date phrase of one event in its evidence sentence and
  returns the contract's :class:`tidings.records.EventDate` (``shared/spec/events.md``).

:func:`story_dates` then dates a story's events from each other, and
:func:`reference_date` (issue 16) makes a wire dateline's date ("SAN SALVADOR, 12 JAN
90 (...) --", :func:`dateline_date`) the date relative phrases count from, when the
story has one that differs from its publication date.

Most phrases are handled by tidings' own grammar (below, one regular expression per
kind of phrase), which is fast and knows things dateparser drops: early/mid/late,
ranges, weekdays with tense, "overnight", "over the weekend", vague counts. dateparser
is the fallback for the remaining absolute forms with digits ("08/01/2019"), cached.
The rules and their sources are described in ``docs/dates-and-places.md``.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from tidings.records import EventDate
from tidings.wordlists import table as _word_table, words as _word_list

__all__ = ["DateResolution", "resolve", "event_date", "story_dates", "story_sentences",
           "StorySentence", "NO_PUB_DATE", "DatelineDate", "dateline_date", "reference_date"]

#: ``reason`` of a resolution made without a usable publication date.
NO_PUB_DATE = "<No publication date>"

_GRAN_ORDER = ("day", "week", "month", "year")


@dataclass(frozen=True)
class DateResolution:
    """What a date phrase means, relative to a publication date.

    Attributes:
        start: the date the phrase resolves to, ISO ``YYYY-MM-DD``; for a range its first
            endpoint. For a phrase coarser than a day this is the *anchor* day, by the
            dateparser convention: a named or relative month keeps the publication day
            ("last month" published 2024-03-15 -> 2024-02-15), a year keeps the
            publication month and day; "early"/"beginning of" give the first day of the
            period and "late"/"end of" its last day. None only without a publication
            date. Unresolved phrases give the publication date.
        end: last endpoint of a closed range (``kind == 'range'``), ISO; None otherwise,
            and None for an open range ("since March 2024").
        granularity: ``'day'``, ``'week'``, ``'month'``, ``'year'``, or None when
            unresolved. For a range, the granularity of its endpoints.
        kind: ``'exact'``, ``'approximate'`` (hedged or vague: "about three weeks ago",
            "late October", "over the weekend"), ``'range'`` or ``'unresolved'``.
        reason: short explanation of the rule that fired (for debugging and audits).
        first, last: the inclusive interval of days the phrase covers, ISO (for an open
            range ``last`` is the publication date); None when unresolved. This is what
            :func:`event_date` reports as the event's ``start``/``end``.
        absolute: True when the phrase names its year itself ("March 3, 2021"), so it
            does not depend on the publication date.
    """

    start: str | None
    end: str | None
    granularity: str | None
    kind: str
    reason: str = ""
    first: str | None = None
    last: str | None = None
    absolute: bool = False


# ---------------------------------------------------------------------------------------
# vocabulary
def _longest_first(w: str) -> tuple[int, str]:
    """Sort key of a regular-expression alternation: longest first, then alphabetical (a
    total order: the words of a ``words.yaml`` list come as a set, whose order changes
    with the hash seed)."""
    return -len(w), w


_MONTHS = _word_table("month_numbers")
#: A date phrase that names its month or year ("March 5", "in 2019", "last May"): it
#: dates itself, not by counting from publication (:func:`_over_period`).
_NAMES_ITS_DATE = re.compile(r"\b(?:" + "|".join(sorted(_MONTHS, key=_longest_first)) + r")\b\.?|\b(?:1[89]|20)\d\d\b",
                             re.IGNORECASE)
_WEEKDAYS = _word_table("weekday_numbers")
_NUMBERS = _word_table("count_words")
#: Vague counts: resolved as about three units, one granularity coarser.
_VAGUE = _word_table("vague_count_words")
_HEDGES = _word_list("date_hedges")
_SEASONS = _word_list("date_seasons")
_HOLIDAYS = _word_list("date_holidays")

_MON_RE = "|".join(sorted(_MONTHS, key=_longest_first))
#: Month names and abbreviations as a regular-expression alternation, longest first (the
#: coder's sport filter reads day ranges with it: "March 20-22" is no score).
MONTH_PATTERN = _MON_RE
_WD_RE = "|".join(sorted(_WEEKDAYS, key=_longest_first))
_NUM_RE = "|".join(sorted(list(_NUMBERS) + list(_VAGUE), key=_longest_first))
_HEDGE_RE = "|".join(sorted(_HEDGES, key=_longest_first))
_UNIT_RE = r"(day|week|fortnight|month|year|decade)s?"
_MISSING = {"", "nan", "nat", "null", "none", "na", "n/a", "<na>"}


# ---------------------------------------------------------------------------------------
# calendar helpers
def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _shift(d: date, unit: str, n: int) -> date:
    """Return ``d`` moved by ``n`` units (negative: back in time)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(days=7 * n)
    if unit == "fortnight":
        return d + timedelta(days=14 * n)
    if unit == "month":
        return _add_months(d, n)
    if unit == "year":
        return _add_months(d, 12 * n)
    if unit == "decade":
        return _add_months(d, 120 * n)
    raise ValueError(unit)


def _period(anchor: date, gran: str) -> tuple[date, date]:
    """Inclusive calendar period of granularity ``gran`` that contains ``anchor``."""
    if gran == "day":
        return anchor, anchor
    if gran == "week":
        ws = _week_start(anchor)
        return ws, ws + timedelta(days=6)
    if gran == "month":
        return anchor.replace(day=1), _month_end(anchor.year, anchor.month)
    return date(anchor.year, 1, 1), date(anchor.year, 12, 31)


@dataclass
class _R:
    """Internal resolution: anchor day, granularity, kind, covered interval."""

    anchor: date
    gran: str
    kind: str = "exact"
    lo: date | None = None
    hi: date | None = None
    reason: str = ""
    absolute: bool = False
    end: date | None = None          # closed range end (anchor of right endpoint)
    open_range: bool = False

    def __post_init__(self) -> None:
        if self.lo is None or self.hi is None:
            lo, hi = _period(self.anchor, self.gran)
            self.lo = self.lo or lo
            self.hi = self.hi or hi


# ---------------------------------------------------------------------------------------
# publication date
_PARTIAL_PUB = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def pub_period(pub: Any) -> tuple[date, date, str] | None:
    """The period of a publication date known only to the month or year.

    Args:
        pub: a publication date as ``tidings.read.normalise_date`` writes it.
    Returns:
        ``(first day, last day, granularity)`` for ``YYYY-MM`` (``"month"``) and
        ``YYYY`` (``"year"``); None for anything else (a day, None, unreadable).
    """
    m = _PARTIAL_PUB.match(pub.strip()) if isinstance(pub, str) else None
    if m is None:
        return None
    y = int(m[1])
    if m[2] is None:
        return _safe_date(y, 1, 1), _safe_date(y, 12, 31), "year"
    mo = int(m[2])
    first = _safe_date(y, mo, 1)
    if first is None:
        return None
    return first, _shift(first, "month", 1) - timedelta(days=1), "month"


def _parse_pub(pub: Any) -> date | None:
    """Return the publication date as a ``date``, or None when missing or unreadable.

    Accepts ``YYYY-MM-DD``, ISO timestamps (with or without zone: the calendar date as
    written is kept, never converted), ``YYYY-MM`` and ``YYYY`` (a publication known only
    to the month or year: the period's last day, from which phrases relative to
    publication are counted; :func:`pub_period`), "16 May 2025"-like strings, ``date``,
    ``datetime`` and pandas ``Timestamp`` objects. Missing-value markers (None, NaN,
    "null", "NaT", "") give None.
    """
    if pub is None:
        return None
    if isinstance(pub, float) and math.isnan(pub):
        return None
    if isinstance(pub, datetime):
        try:
            if pub != pub:  # pandas NaT
                return None
        except Exception:  # noqa: BLE001 - defensive on foreign types
            pass
        return pub.date()
    if isinstance(pub, date):
        return pub
    if hasattr(pub, "to_pydatetime"):
        try:
            return pub.to_pydatetime().date()
        except Exception:  # noqa: BLE001
            return None
    s = str(pub).strip()
    if s.lower() in _MISSING:
        return None
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m:
        return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    period = pub_period(s)
    if period is not None:  # "2025-03", "2025": counted from the period's last day
        return period[1]
    r = _point(_normalise(s), date(2000, 1, 1), None, None)
    if r is not None and r.absolute and r.gran == "day":
        return r.anchor
    return None


# ---------------------------------------------------------------------------------------
# the dateline's date (issue 16)
@dataclass(frozen=True)
class DatelineDate:
    """The date of a story's wire dateline ("SAN SALVADOR, 12 JAN 90 (RADIO ...) --").

    Attributes:
        date: the day, ISO ``YYYY-MM-DD``.
        text: the date as written in the dateline ("12 JAN 90", "March 3, 2025").
        reason: how its year was found ("year as written", "two-digit year", "year of the
            publication date").
    """

    date: str
    text: str
    reason: str


#: earliest dateline date taken as a story's reference date (as ``tidings.read.MIN_YEAR``)
DATELINE_MIN = date(1900, 1, 1)
#: how many days after the publication date a dateline may lie (a story filed late in the
#: evening in one time zone is published the next day in another); later is a typo
DATELINE_AFTER_DAYS = 1
#: ``DatelineDate.reason`` of a dateline without a year in a story without a publication
#: date: its year is that of the coding date (the latest such day not after today).
YEARLESS_NO_PUB_REASON = "no year and no publication date: the latest such day not after the coding date"


_DATELINE_DMY = re.compile(rf"^(\d{{1,2}})\s+({_MON_RE})\.?(?:\s+(\d{{4}}|\d{{2}}))?$")
_DATELINE_MDY = re.compile(rf"^({_MON_RE})\.?\s+(\d{{1,2}})(?:\s*,?\s+(\d{{4}}|\d{{2}}))?$")


def dateline_date(text: str, pub_date: Any = None, today: date | None = None) -> DatelineDate | None:
    """The date of the story's dateline, when it has one and it is plausible.

    The dateline is :func:`tidings.analyse.story_dateline`'s (at the start of the story,
    or of its second paragraph after a title line); its date part is day-month-year
    ("12 JAN 90", "3 March 2025", "29 APR 88") or month-day-year ("March 3, 2025",
    "JUNE 14", "Jan. 5"). The year:

    - four digits: as written;
    - two digits ("90"): the latest of 19yy and 20yy not after the publication year (or,
      without a publication date, today's year): "90" is 1990, "24" in 2025 is 2024;
    - none ("JUNE 14"): the latest occurrence of that day not more than
      :data:`DATELINE_AFTER_DAYS` after the publication date (its year, or the year
      before). Without a publication date, the latest occurrence not more than
      :data:`DATELINE_AFTER_DAYS` after ``today`` (issue 16, a fresh user's "KABUL, March
      3 (AP) -" with no ``pub_date``, whose events were dated today): a dateline is
      written on the day a story is filed, so the story is no older than a year unless
      something says so, and a date that is named beats the coding date, which is no
      date of the story at all. The ``reason`` says the year came from the coding date.
      A day that has no occurrence in the three years before (29 February) gives None.

    Plausible (else None): on or after :data:`DATELINE_MIN` and at most
    :data:`DATELINE_AFTER_DAYS` after the publication date (today without one). A
    dateline any number of days *before* the publication date is kept: the publication
    date of an archive or a re-publication can be years after the story was filed
    (wire convention: the dateline's date is the filing date). A publication date known
    only to the month or year counts from its period's last day (:func:`pub_period`).

    Args:
        text: the story text.
        pub_date: the story's publication date (as :func:`resolve` takes it), or None.
        today: the coding date used without a publication date (default: today).
    Returns:
        a :class:`DatelineDate`, or None when there is no dateline, its place part has no
        date, the day does not exist (31 APR) or the date is not plausible. Never raises.
    """
    from tidings.analyse import story_dateline

    m = story_dateline(text)
    if m is None or not m["rest"]:
        return None
    raw = m["rest"].lstrip(", ").strip()
    s = re.sub(r"\s+", " ", raw.lower())
    if dm := _DATELINE_DMY.match(s):
        day, mon, yr = int(dm[1]), _MONTHS[dm[2]], dm[3]
    elif dm := _DATELINE_MDY.match(s):
        day, mon, yr = int(dm[2]), _MONTHS[dm[1]], dm[3]
    else:
        return None
    pub = _parse_pub(pub_date)
    latest = (pub or today or date.today()) + timedelta(days=DATELINE_AFTER_DAYS)
    if yr is not None and len(yr) == 4:
        d, why = _safe_date(int(yr), mon, day), "year as written"
    elif yr is not None:
        ref_year = (pub or today or date.today()).year
        y = 2000 + int(yr) if 2000 + int(yr) <= ref_year else 1900 + int(yr)
        d, why = _safe_date(y, mon, day), "two-digit year: the latest such year not after publication"
    else:
        tries = [_safe_date(y, mon, day) for y in (latest.year, latest.year - 1, latest.year - 2)]
        d = next((t for t in tries if t is not None and t <= latest), None)
        why = "no year: the latest such day not after publication" if pub is not None else \
            YEARLESS_NO_PUB_REASON
    if d is None or d < DATELINE_MIN or d > latest:
        return None
    return DatelineDate(date=d.isoformat(), text=raw, reason=why)


def reference_date(text: str, pub_date: Any, today: date | None = None) -> tuple[Any, DatelineDate | None]:
    """The date a story's relative date phrases are counted from: its dateline's date
    (:func:`dateline_date`) when it has a plausible one that differs from the
    publication date, else the publication date.

    Args:
        text: the story text.
        pub_date: the story's publication date (as :func:`resolve` takes it), or None.
        today: the coding date used without a publication date (default: today).
    Returns:
        ``(reference, dateline)``: ``(dateline.date, dateline)`` when the dateline's date
        is used instead of ``pub_date`` (the caller codes the story with it and passes
        ``dateline`` to :func:`story_dates`), else ``(pub_date, None)``, ``pub_date``
        unchanged.
    """
    dl = dateline_date(text, pub_date, today)
    if dl is None:
        return pub_date, None
    pub = _parse_pub(pub_date)
    if pub is not None and pub_period(pub_date) is None and pub.isoformat() == dl.date:
        return pub_date, None     # the same day (a timestamp or a date object too)
    return dl.date, dl


# ---------------------------------------------------------------------------------------
# phrase normalisation
_LEAD = re.compile(
    r"^(?:back\s+in|back\s+on|as\s+of|as\s+early\s+as|sometime\s+in|some\s+time\s+in|"
    r"earlier\s+on|on|in|at|during|over|by|around\s+(?=the\s+weekend)|the)\s+")
_TIME_NOISE = re.compile(
    r"\b(?:at\s+)?(?:around\s+|about\s+|approximately\s+)?\d{1,2}(?::\d{2}){0,2}\s*(?:am|pm)\b"
    r"|\b(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\b|\b(?:local\s+time|gmt|utc|[ecmp][sd]t)\b"
    r"|\b(?:at\s+)?(?:noon|midnight|dawn|dusk)\b")


def _normalise(phrase: str) -> str:
    s = phrase.lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'")
    s = re.sub(r"(?<=[a-z])\.", " ", s)          # a.m. -> a m, aug. -> aug
    s = re.sub(r"\ba m\b", "am", s)
    s = re.sub(r"\bp m\b", "pm", s)
    s = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", s)
    s = re.sub(r"[,;()\"]", " ", s)
    s = _TIME_NOISE.sub(" ", s)
    s = re.sub(r"\s+", " ", s).strip(" .!?:'")
    s = re.sub(r"\b(early|late|mid)\s+on\s+", r"\1 ", s)
    s = re.sub(r"\bmid\s*-\s*", "mid ", s)
    prev = None
    while prev != s:
        prev = s
        s = _LEAD.sub("", s)
    return s


# ---------------------------------------------------------------------------------------
# the grammar: one function per kind of phrase, each returns _R or None
def _year_for(month: int, day: int | None, pub: date, tense: str | None,
              after: date | None) -> int:
    """Year of a month (and day) named without one.

    After a range's first endpoint: the first occurrence on or after it. Future tense:
    the next occurrence on or after the publication date. Otherwise the most recent
    occurrence on or before it (news reports mostly past events; dateparser's
    ``PREFER_DATES_FROM='past'``).
    """
    ref = after or pub
    d = day or 1
    if after is not None or tense == "future":
        y = ref.year
        key = (month, d) if day else (month,)
        refkey = (ref.month, ref.day) if day else (ref.month,)
        return y if key >= refkey else y + 1
    key = (month, d) if day else (month,)
    refkey = (pub.month, pub.day) if day else (pub.month,)
    return pub.year if key <= refkey else pub.year - 1


def _month_anchor(y: int, m: int, pub: date) -> date:
    return date(y, m, min(pub.day, calendar.monthrange(y, m)[1]))


def _weekday(wd: int, pub: date, mod: str | None, tense: str | None,
             after: date | None) -> tuple[date, str]:
    if after is not None:
        delta = (wd - after.weekday()) % 7 or 7
        return after + timedelta(days=delta), "first such day after the range start"
    back = (pub.weekday() - wd) % 7 or 7
    fwd = (wd - pub.weekday()) % 7 or 7
    if mod in ("last", "past", "previous"):
        return pub - timedelta(days=back), "last such day before the publication day"
    if mod in ("next", "coming"):
        return pub + timedelta(days=fwd), "next such day after the publication day"
    if wd == pub.weekday():
        return pub, "weekday names the publication day"
    if mod == "this":
        if tense == "past":
            return pub - timedelta(days=back), "this: past tense, the last such day"
        return pub + timedelta(days=fwd), "this: the coming such day"
    if tense == "future":
        return pub + timedelta(days=fwd), "future tense: the next such day"
    return pub - timedelta(days=back), "the last such day before the publication day"


_RX = {k: re.compile(v) for k, v in {
    "iso": r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:t[\d:.]*(?:z|[+-]\d{2}:?\d{2})?)?$",
    "today": r"^(?:today|this morning|this afternoon|this evening|tonight|earlier today|"
             r"later today|late today|early today|late tonight|today's)$",
    "yesterday": r"^(?:(?:early|late|overnight)\s+)?yesterday(?:\s+(?:morning|afternoon|"
                 r"evening|night))?$|^last\s+(?:night|evening)$",
    "daybefore": r"^day\s+before\s+yesterday$",
    "tomorrow": r"^(?:(?:early|late)\s+)?tomorrow(?:\s+(?:morning|afternoon|evening|"
                r"night))?$",
    "overnight": r"^overnight$",
    "weekday": rf"^(?:(last|past|previous|next|coming|this)\s+)?(?:(early|late|"
               rf"overnight)\s+)?({_WD_RE})(?:\s+(morning|afternoon|evening|night|"
               rf"overnight|night-time))?$",
    "weekend": r"^(?:(last|past|previous|this|next|coming)\s+)?weekend$",
    "relunit": r"^(last|past|previous|this|next|coming|current)\s+(day|week|month|year|"
               r"decade)$",
    "earlier": r"^(earlier|later)\s+(?:this|in\s+the|that)\s+(week|month|year)$",
    "modper": r"^(early|mid|late|(?:the\s+)?(?:beginning|start|end|middle|turn)\s+of)\s+"
              r"(?:the\s+)?(.+)$",
    "ago": rf"^(?:({_HEDGE_RE})\s+)?({_NUM_RE}|\d+)\s+{_UNIT_RE}\s+ago$",
    "offset": rf"^({_NUM_RE}|\d+)\s+{_UNIT_RE}\s+(before|after|from)\s+(.+)$",
    "mdy": rf"^(?:(this|last|next)\s+)?({_MON_RE})\s+(\d{{1,2}})(?:\s+(\d{{4}}))?$",
    "dmy": rf"^(\d{{1,2}})\s+(?:of\s+)?({_MON_RE})(?:\s+(\d{{4}}))?$",
    "my": rf"^(?:(this|last|next|this\s+past|this\s+coming)\s+)?({_MON_RE})(?:\s+(?:of\s+)?"
          rf"(\d{{4}}))?$",
    "year": r"^(?:year\s+|the\s+year\s+)?(1[89]\d\d|20\d\d|2100)$",
    "decade": r"^(?:the\s+)?(1[89]\d|20\d)0s$|^(?:the\s+)?'(\d)0s$",
    "quarter": r"^(?:q([1-4])|(first|second|third|fourth|1|2|3|4)\s+quarter)(?:\s+(?:of\s+)?"
               r"(\d{4}))?$",
    # "the first week of March", "last week of January 2024"
    "weekof": rf"^(first|second|third|fourth|last|final)\s+week\s+of\s+(.+)$",
    # "the first half of March", "second half of 2024"
    "halfof": r"^(first|second|latter|last)\s+half\s+of\s+(.+)$",
    # "a three-day-old ceasefire", "the 10-day-old truce" (the phrase up to "old")
    "age": rf"^(?:an?\s+(?=(?:{_NUM_RE}|\d+)[\s-]))?(?:({_HEDGE_RE})\s+)?({_NUM_RE}|\d+)[\s-]+(day|week|month|year)s?[\s-]+old\b.*$",
    # "the past few days", "in recent weeks", "the last several months", "past 10 days"
    "recent": rf"^(?:(?:past|last|recent|previous)\s+(?:({_NUM_RE}|\d+)\s+)?|(?:recent)\s+)"
              rf"(day|week|month|year)s$",
    # "decades ago", "years ago", "weeks ago": an unnumbered count of units ago
    "bareago": r"^(?:many\s+|several\s+|some\s+)?(days|weeks|months|years|decades)\s+ago$",
    # "until April 2", "through the end of May": from publication up to a point
    "until": r"^(?:until|till|through|up\s+to|by)\s+(.+)$",
}.items()}
#: a relative day word with its weekday in brackets or apposition: "yesterday (Tuesday)"
_REL_WITH_WD = re.compile(rf"^(?:(yesterday|today|tomorrow|last night|tonight)\s+({_WD_RE})|"
                          rf"({_WD_RE})\s+(yesterday|today|tomorrow|last night|tonight))$")
#: hedges before a weekday or date that leave the day itself ("probably Thursday",
#: "on or about Sunday"); the resolution is marked approximate
_DAY_HEDGE = re.compile(r"^(?:(?:on\s+)?or\s+about|(?:on\s+)?or\s+around|around|about|approximately|"
                        r"probably|possibly|likely|as\s+late\s+as|no\s+later\s+than|"
                        r"sometime|some\s+time)\s+(.+)$")
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _count(word: str) -> tuple[int, bool]:
    """Return (n, vague) for a count word or digits."""
    if word.isdigit():
        return int(word), False
    if word in _VAGUE:
        return _VAGUE[word], True
    return _NUMBERS[word], False


def _point(s: str, pub: date, tense: str | None, after: date | None) -> _R | None:
    """Resolve a normalised single (non-range) phrase; None when no rule applies."""
    rx = _RX
    if m := rx["iso"].match(s):
        d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        return _R(d, "day", reason="ISO date", absolute=True) if d else None
    if rx["today"].match(s):
        return _R(pub, "day", reason="the publication day")
    if rx["yesterday"].match(s):
        return _R(pub - timedelta(days=1), "day", reason="the day before publication")
    if rx["daybefore"].match(s):
        return _R(pub - timedelta(days=2), "day", reason="two days before publication")
    if rx["tomorrow"].match(s):
        return _R(pub + timedelta(days=1), "day", reason="the day after publication")
    if rx["overnight"].match(s):
        return _R(pub - timedelta(days=1), "day", "approximate", pub - timedelta(days=1),
                  pub, reason="overnight: the night before publication")
    if m := rx["weekday"].match(s):
        d, why = _weekday(_WEEKDAYS[m[3]], pub, m[1], tense, after)
        return _R(d, "day", reason=why)
    if m := rx["weekend"].match(s):
        mod = m[1]
        back = (pub.weekday() - 5) % 7          # days since the last Saturday (0 if Sat)
        sat = pub - timedelta(days=back)
        if mod in ("next", "coming") or (mod is None and tense == "future") or (
                mod == "this" and tense != "past"):
            sat = pub + timedelta(days=(5 - pub.weekday()) % 7 or 7) if back > 1 else sat
        elif mod in ("last", "past", "previous") and back <= 1:
            sat -= timedelta(days=7)
        return _R(sat, "week", "approximate", sat, sat + timedelta(days=1),
                  reason="weekend: Saturday and Sunday")
    if m := rx["relunit"].match(s):
        mod, unit = m[1], m[2]
        n = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(mod, 0)
        if mod == "past":
            lo = _shift(pub, unit, -1)
            return _R(lo, "year" if unit == "decade" else unit, "approximate", lo, pub,
                      reason=f"the past {unit}: the {unit} up to publication")
        a = _shift(pub, unit, n)
        if unit == "decade":
            return _R(a, "year", "approximate", date(a.year // 10 * 10, 1, 1),
                      date(a.year // 10 * 10 + 9, 12, 31), reason="decade")
        return _R(a, unit, reason=f"{mod} {unit}, shifted from the publication date")
    if m := rx["earlier"].match(s):
        lo, hi = _period(pub, m[2])
        if m[1] == "earlier":
            return _R(pub, m[2], "approximate", lo, pub, reason=f"earlier this {m[2]}")
        return _R(pub, m[2], "approximate", pub, hi, reason=f"later this {m[2]}")
    if m := rx["modper"].match(s):
        return _modified(m[1], m[2], pub, tense, after)
    if m := rx["ago"].match(s):
        n, vague = _count(m[2])
        unit = m[3]
        a = _shift(pub, unit, -n)
        gran = {"fortnight": "week", "decade": "year"}.get(unit, unit)
        if vague:
            coarse = _GRAN_ORDER[min(_GRAN_ORDER.index(gran) + 1, 3)]
            lo, hi = _shift(pub, unit, -7), _shift(pub, unit, -2)
            return _R(a, coarse, "approximate", lo, hi, reason="vague count of units ago")
        if m[1]:
            lo, hi = _shift(a, unit, -1), min(_shift(a, unit, 1), pub)
            return _R(a, gran, "approximate", lo, hi, reason="hedged count of units ago")
        return _R(a, gran, reason="count of units before publication")
    if m := rx["offset"].match(s):
        inner = _point(m[4], pub, tense, after)
        if inner is None:
            return None
        n, vague = _count(m[1])
        sign = -1 if m[3] == "before" else 1
        a = _shift(inner.anchor, m[2], sign * n)
        gran = inner.gran
        kind = "approximate" if vague or inner.kind == "approximate" else "exact"
        return _R(a, gran, kind, reason=f"offset from '{m[4]}'", absolute=inner.absolute)
    if m := rx["mdy"].match(s):
        return _month_day(_MONTHS[m[2]], int(m[3]), m[4], m[1], pub, tense, after)
    if m := rx["dmy"].match(s):
        return _month_day(_MONTHS[m[2]], int(m[1]), m[3], None, pub, tense, after)
    if m := rx["my"].match(s):
        mon = _MONTHS[m[2]]
        if m[3]:
            y = int(m[3])
        elif m[1] in ("last", "this past"):
            y = pub.year if mon < pub.month else pub.year - 1
        elif m[1] in ("next", "this coming"):
            y = pub.year if mon > pub.month else pub.year + 1
        else:
            y = _year_for(mon, None, pub, tense, after)
        return _R(_month_anchor(y, mon, pub), "month", reason="named month",
                  absolute=bool(m[3]))
    if m := rx["year"].match(s):
        y = int(m[1])
        return _R(_month_anchor(y, pub.month, pub).replace(day=min(
            pub.day, calendar.monthrange(y, pub.month)[1])), "year", reason="named year",
            absolute=True)
    if m := rx["decade"].match(s):
        start = int(m[1]) * 10 if m[1] else (1900 + int(m[2]) * 10)
        return _R(date(start, 1, 1), "year", "approximate", date(start, 1, 1),
                  date(start + 9, 12, 31), reason="decade", absolute=True)
    if m := rx["quarter"].match(s):
        q = int(m[1]) if m[1] else _ORD[m[2]]
        y = int(m[3]) if m[3] else pub.year
        lo = date(y, 3 * q - 2, 1)
        hi = _month_end(y, 3 * q)
        r = _R(lo, "month", "range", lo, hi, reason="quarter: a range of three months",
               absolute=bool(m[3]))
        r.end = hi
        return r
    return _point_more(s, pub, tense, after)


def _point_more(s: str, pub: date, tense: str | None, after: date | None) -> _R | None:
    """The phrase kinds of issue 19: week or half of a period, ages, recent spans,
    unnumbered "ago", a relative day with its weekday, and hedged days.

    Sources: news usage ("a three-day-old truce" = begun three days before
    publication; "in recent days" = the last week or so); spans follow the same
    convention as vague counts (``_VAGUE``): about three units, reported as a range.
    """
    rx = _RX
    if m := _REL_WITH_WD.match(s):
        rel = m[1] or m[4]
        r = _point(rel, pub, tense, after)
        if r is not None:
            r.reason = f"{rel}, with its weekday"
        return r
    if m := _DAY_HEDGE.match(s):
        r = _point(m[1], pub, tense, after)
        if r is not None and r.kind != "range":
            r.kind = "approximate"
            r.reason = f"hedged: {r.reason}"
        return r
    if m := rx["weekof"].match(s):
        base = _point(m[2], pub, tense, after)
        if base is None or base.gran not in ("month",) or base.kind == "range":
            return None
        y, mon = base.anchor.year, base.anchor.month
        end = _month_end(y, mon)
        if m[1] in ("last", "final"):
            lo, hi = end - timedelta(days=6), end
        else:
            k = {"first": 0, "second": 1, "third": 2, "fourth": 3}[m[1]]
            lo = date(y, mon, 1 + 7 * k)
            hi = min(lo + timedelta(days=6), end)
        return _R(lo, "week", "approximate", lo, hi, reason=f"{m[1]} week of a month",
                  absolute=base.absolute)
    if m := rx["halfof"].match(s):
        base = _point(m[2], pub, tense, after)
        if base is None or base.kind == "range" or base.gran not in ("month", "year"):
            return None
        first = m[1] == "first"
        if base.gran == "month":
            y, mon = base.anchor.year, base.anchor.month
            lo, hi = (date(y, mon, 1), date(y, mon, 15)) if first else (date(y, mon, 16), _month_end(y, mon))
            gran = "month"
        else:
            y = base.anchor.year
            lo, hi = (date(y, 1, 1), date(y, 6, 30)) if first else (date(y, 7, 1), date(y, 12, 31))
            gran = "year"
        return _R(lo, gran, "approximate", lo, hi, reason="half of a period", absolute=base.absolute)
    if m := rx["age"].match(s):
        n, vague = _count(m[2])
        began = _shift(pub, m[3], -n)
        gran = m[3]
        if vague or m[1]:
            return _R(began, gran, "approximate", _shift(began, m[3], -1), min(_shift(began, m[3], 1), pub),
                      reason="age: began about that long before publication")
        return _R(began, gran, reason="age: began that long before publication")
    if m := rx["recent"].match(s):
        unit = m[2]
        n, vague = _count(m[1]) if m[1] else (3, True)
        lo = _shift(pub, unit, -max(n, 1))
        if unit == "day" and vague:
            lo = pub - timedelta(days=7)         # "recent days", "past few days": about a week
        coarse = _GRAN_ORDER[min(_GRAN_ORDER.index(unit) + 1, 3)] if vague else unit
        return _R(lo, coarse, "approximate", lo, pub, reason=f"recent {unit}s up to publication")
    if m := rx["bareago"].match(s):
        unit = m[1][:-1]
        lo_n, hi_n = {"day": (7, 2), "week": (8, 2), "month": (11, 2), "year": (15, 2),
                      "decade": (6, 2)}[unit]
        step = "year" if unit == "decade" else unit
        k = 10 if unit == "decade" else 1
        lo, hi = _shift(pub, step, -lo_n * k), _shift(pub, step, -hi_n * k)
        gran = "year" if unit in ("year", "decade") else _GRAN_ORDER[_GRAN_ORDER.index(unit) + 1]
        return _R(hi, gran, "approximate", lo, hi, reason=f"some {unit}s ago")
    if m := rx["until"].match(s):
        # the occurrence nearest to publication, before or after it: "until April 2"
        # in March is this April, "until November 1" a week after it is past
        ahead, back = _point(m[1], pub, "future", None), _point(m[1], pub, "past", None)
        if ahead is None or back is None or ahead.kind == "range":
            return None
        target = ahead if (ahead.anchor - pub) <= (pub - back.anchor) else back
        if target.anchor < pub:
            return _R(target.anchor, target.gran, "approximate", target.lo, target.hi,
                      reason="until a past point", absolute=target.absolute)
        r = _R(pub, "day", "range", pub, target.hi, reason="from publication until a point",
               absolute=target.absolute)
        r.end = target.anchor
        return r
    return None


def _month_day(mon: int, day: int, year: str | None, mod: str | None, pub: date,
               tense: str | None, after: date | None) -> _R | None:
    if year:
        y = int(year)
    elif mod == "last":
        y = pub.year if (mon, day) < (pub.month, pub.day) else pub.year - 1
    elif mod == "next":
        y = pub.year if (mon, day) > (pub.month, pub.day) else pub.year + 1
    else:
        y = _year_for(mon, day, pub, tense, after)
    d = _safe_date(y, mon, day)
    if d is None:
        return None
    return _R(d, "day", reason="month and day", absolute=bool(year))


def _modified(mod: str, rest: str, pub: date, tense: str | None,
              after: date | None) -> _R | None:
    """early/mid/late/beginning of/end of + a period (week, month, year, decade)."""
    mod = mod.replace("the ", "")
    part = {"early": 0, "beginning of": 0, "start of": 0, "turn of": 0,
            "mid": 1, "middle of": 1, "late": 2, "end of": 2}.get(mod)
    if part is None:
        return None
    rest = re.sub(r"^(week|month|year)$", r"this \1", rest)
    base = _point(rest, pub, tense, after)
    if base is None or base.kind == "range":
        return None
    lo, hi, gran = base.lo, base.hi, base.gran
    if base.reason == "decade":
        y0 = lo.year
        spans = [(y0, y0 + 3), (y0 + 4, y0 + 6), (y0 + 7, y0 + 9)]
        a, b = spans[part]
        lo, hi = date(a, 1, 1), date(b, 12, 31)
        return _R(lo if part < 2 else hi, "year", "approximate", lo, hi,
                  reason=f"{mod} decade", absolute=base.absolute)
    if gran == "year":
        y = base.anchor.year
        spans = [(date(y, 1, 1), date(y, 4, 30)), (date(y, 5, 1), date(y, 8, 31)),
                 (date(y, 9, 1), date(y, 12, 31))]
        anchors = [date(y, 1, 1), date(y, 7, 1), date(y, 12, 31)]
    elif gran == "month":
        y, m = base.anchor.year, base.anchor.month
        end = _month_end(y, m)
        spans = [(date(y, m, 1), date(y, m, 10)), (date(y, m, 11), date(y, m, 20)),
                 (date(y, m, 21), end)]
        anchors = [date(y, m, 1), date(y, m, 15), end]
    elif gran == "week":
        ws = _week_start(base.anchor)
        spans = [(ws, ws + timedelta(days=1)), (ws + timedelta(days=2),
                 ws + timedelta(days=3)), (ws + timedelta(days=3), ws + timedelta(days=6))]
        # late in a week: the end of the working week, Friday
        anchors = [ws, ws + timedelta(days=2), ws + timedelta(days=4)]
    else:
        return None
    lo, hi = spans[part]
    return _R(anchors[part], gran, "approximate", lo, hi, reason=f"{mod} {gran}",
              absolute=base.absolute)


# ---------------------------------------------------------------------------------------
# ranges
_RANGE_DD_M = re.compile(rf"^(?:from\s+|between\s+)?(\d{{1,2}})\s*(?:-|to|until|through|and)\s*(\d{{1,2}})\s+"
                         rf"({_MON_RE})(?:\s+(\d{{4}}))?$")
_RANGE_M_DD = re.compile(rf"^(?:from\s+|between\s+)?({_MON_RE})\s+(\d{{1,2}})\s*(?:-|to|until|till|through|and)\s*"
                         rf"(\d{{1,2}})(?:\s+(\d{{4}}))?$")
_RANGE_SPLIT = re.compile(r"^(?:between\s+(.+?)\s+and\s+(.+)|from\s+(.+?)\s+(?:to|until|"
                          r"till|through|thru|-)\s+(.+)|(.+?)\s+(?:to|until|till|through|"
                          r"thru)\s+(.+)|(.+?)\s*-\s*(.+))$")
_YEAR_TAIL = re.compile(r"\s(\d{4})$")


#: The reason of an open range ("since 2022"): from its start to publication.
OPEN_RANGE = "open range since"

#: The reason prefix of the start of a measure still to come ("will confiscate plates from
#: March 1", future tense): its date, the next such date (r28g).
FUTURE_START = "a future act's start"


def _range(s: str, pub: date, tense: str | None) -> _R | None:
    if m := re.match(r"^(?:since|starting|starting\s+in|beginning\s+in|from)\s+(.+)$", s):
        if tense == "future" and not s.startswith("since") and not _RANGE_SPLIT.match(s):
            # "will start confiscating plates from March 1": the start of a measure still
            # to come is its date, the next such date after publication (annotation guide
            # section 7), not a range from last March up to publication (r28g)
            left = _point(m[1], pub, "future", None)
            if left is not None and left.kind != "range":
                left.reason = f"{FUTURE_START}: {left.reason}"
                return left
        if not _RANGE_SPLIT.match(s) or s.startswith("since"):
            left = _point(m[1], pub, "past", None)
            if left is None:
                return None
            r = _R(left.anchor, left.gran, "range", left.lo, max(pub, left.lo),
                   reason=OPEN_RANGE, absolute=left.absolute)
            r.open_range = True
            return r
    if m := _RANGE_DD_M.match(s):
        left = f"{m[1]} {m[3]}" + (f" {m[4]}" if m[4] else "")
        right = f"{m[2]} {m[3]}" + (f" {m[4]}" if m[4] else "")
        return _join(left, right, pub, tense)
    if m := _RANGE_M_DD.match(s):
        left = f"{m[1]} {m[2]}" + (f" {m[4]}" if m[4] else "")
        right = f"{m[1]} {m[3]}" + (f" {m[4]}" if m[4] else "")
        return _join(left, right, pub, tense)
    if m := _RANGE_SPLIT.match(s):
        g = [x for x in m.groups() if x is not None]
        left, right = g[0].strip(), g[1].strip()
        if re.fullmatch(r"\d{1,2}", right) and (mm := re.match(rf"^({_MON_RE})\s+\d", left)):
            right = f"{mm[1]} {right}"           # "March 15 to 20"
        ym = _YEAR_TAIL.search(" " + right)
        if ym and not _YEAR_TAIL.search(" " + left) and not re.search(r"\d{4}", left):
            left = f"{left} {ym[1]}"             # "March to April 2024"
        if re.fullmatch(r"\d{2}", right) and re.fullmatch(r"\d{4}", left):
            right = left[:2] + right             # "2019-21"
        return _join(left, right, pub, tense)
    return None


def _join(left: str, right: str, pub: date, tense: str | None) -> _R | None:
    a = _point(_normalise(left), pub, tense, None)
    if a is None or a.kind == "range":
        return None
    b = _point(_normalise(right), pub, tense, a.anchor)
    if b is None or b.kind == "range":
        return None
    if b.anchor < a.anchor:                      # never inverted
        a, b = b, a
    # A range named without years whose start is on or before publication and whose end
    # is after it ("from February 20 to April 2" published in March) spans the
    # publication date: it is kept as it stands, not moved a year back.
    r = _R(a.anchor, a.gran, "range", min(a.lo, b.lo), max(a.hi, b.hi),
           reason="closed range", absolute=a.absolute or b.absolute)
    r.end = b.anchor
    return r


# ---------------------------------------------------------------------------------------
# dateparser fallback (absolute forms with digits only)
@lru_cache(maxsize=4)
def _dateparser(prefer: str):
    import dateparser  # imported lazily: slow to import and to run

    return dateparser.DateDataParser(languages=["en"], settings={
        "PREFER_DATES_FROM": prefer, "RETURN_TIME_AS_PERIOD": False,
        "PREFER_DAY_OF_MONTH": "current"})


def _fallback(s: str, pub: date, tense: str | None) -> _R | None:
    if not re.search(r"\d", s) or re.search(r"\b(ago|before|after|later|earlier)\b", s):
        return None
    if not re.fullmatch(rf"[\d\s/.\-]+|(?:[\d\s/.\-]|\b(?:{_MON_RE})\b)+", s):
        return None
    prefer = "future" if tense == "future" else "past"
    p = _dateparser(prefer)
    p._settings.RELATIVE_BASE = datetime(pub.year, pub.month, pub.day)  # noqa: SLF001
    try:
        data = p.get_date_data(s)
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None or not 1800 <= data.date_obj.year <= 2100:
        return None
    gran = {"time": "day"}.get(data.period, data.period)
    if gran not in _GRAN_ORDER:
        gran = "day"
    return _R(data.date_obj.date(), gran, reason="dateparser",
              absolute=bool(re.search(r"\d{4}", s)))


# ---------------------------------------------------------------------------------------
def _unresolved(pub: date | None, reason: str) -> DateResolution:
    return DateResolution(pub.isoformat() if pub else None, None, None, "unresolved",
                          reason)


@lru_cache(maxsize=65536)
def _resolve_cached(s: str, pub: date, tense: str | None) -> DateResolution:
    if not s:
        return _unresolved(pub, "empty phrase")
    if any(re.search(rf"\b{h}\b", s) for h in _HOLIDAYS):
        return _unresolved(pub, "holiday: no holiday calendar")
    if any(re.search(rf"\b{h}\b", s) for h in _SEASONS):
        return _unresolved(pub, "season: depends on the hemisphere")
    r = _point(s, pub, tense, None)
    if r is None:
        r = _range(s, pub, tense)
    if r is None:
        r = _fallback(s, pub, tense)
    if r is None:
        return _unresolved(pub, "no rule for this phrase")
    kind = r.kind
    end = None
    if r.open_range:
        kind = "range"
    elif r.end is not None:
        kind, end = "range", r.end.isoformat()
    return DateResolution(
        start=r.anchor.isoformat(), end=end, granularity=r.gran, kind=kind,
        reason=r.reason, first=r.lo.isoformat(), last=r.hi.isoformat(),
        absolute=r.absolute)


def resolve(phrase: Any, pub_date: Any, tense: str | None = None) -> DateResolution:
    """Resolve one date phrase relative to the publication date.

    Args:
        phrase: the date phrase as written ("late October", "last Tuesday to Thursday",
            "two weeks ago"). None, NaN or "" give an unresolved result.
        pub_date: the publication date: ``YYYY-MM-DD``, an ISO timestamp (its calendar
            date as written, no zone conversion), "16 May 2025", a ``date``/``datetime``
            or pandas ``Timestamp``. Missing or unreadable -> kind ``unresolved``,
            ``start`` None, reason :data:`NO_PUB_DATE` (every phrase is resolved relative
            to the publication date, even a full date, so callers handle this case
            explicitly; :func:`event_date` does).
        tense: ``'past'``, ``'present'``, ``'future'`` or None; picks the occurrence of a
            weekday or of a month/day named without a year (future -> the next one,
            otherwise the most recent one, or the publication day itself for its own
            weekday).

    Returns:
        :class:`DateResolution`. Never raises on bad input.
    """
    pub = _parse_pub(pub_date)
    if pub is None:
        return DateResolution(None, None, None, "unresolved", NO_PUB_DATE)
    if phrase is None or (isinstance(phrase, float) and math.isnan(phrase)):
        return _unresolved(pub, "no phrase")
    raw = str(phrase).strip()
    m = _RX["iso"].match(raw.lower())
    s = raw.lower() if m else _normalise(raw)
    try:
        return _resolve_cached(s, pub, tense if tense in ("past", "present", "future") else None)
    except (ValueError, OverflowError):
        # a shift beyond the calendar ("3000 years ago", "next year" in 9999) is no date
        return _unresolved(pub, "outside the calendar")


# ---------------------------------------------------------------------------------------
# finding the event's date phrase in a sentence
_MODS = r"(?:(?:last|next|this|past|coming|previous)\s+)?"
_FIND = re.compile(
    r"(?i)\b(?:"
    rf"(?:since|between|from)\s+)?(?:"
    # weekday phrases
    rf"{_MODS}(?:(?:early|late|overnight)\s+(?:on\s+)?)?(?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?"
    r"(?:\s+(?:to|through|and|-)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday))?"
    r"|(?:early\s+|late\s+)?(?:yesterday|today|tonight|tomorrow)(?:\s+(?:morning|afternoon|"
    r"evening|night))?|overnight|last\s+(?:night|evening)|this\s+(?:morning|afternoon|evening)"
    # early/late + period
    rf"|(?:early|mid|late|earlier|later|(?:the\s+)?(?:beginning|start|end|middle)\s+of)"
    rf"[\s-]+(?:the\s+|this\s+|last\s+|next\s+|in\s+the\s+)?(?:(?:{_MON_RE})\b\.?"
    rf"(?:\s+\d{{4}})?|week|month|year|\d{{4}}s?)"
    rf"|(?:the\s+)?(?:last|this|next|past|previous|coming)\s+(?:week|month|year|weekend|"
    rf"decade)"
    r"|(?:over|during|at)\s+the\s+weekend"
    rf"|(?:(?:{_HEDGE_RE})\s+)?(?:{_NUM_RE}|\d+)\s+(?:day|week|fortnight|month|year|decade)s?"
    r"\s+ago"
    # absolute dates
    rf"|(?:{_MON_RE})\b\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:-|to|through|and|until)\s*"
    rf"(?:(?:{_MON_RE})\b\.?\s+)?\d{{1,2}})?"
    r"(?:,?\s+\d{4})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:-|to|through|and|until)\s*\d{{1,2}}(?:st|nd|rd|th)?)?"
    rf"\s+(?:of\s+)?(?:{_MON_RE})\b\.?"
    r"(?:,?\s+\d{4})?"
    rf"|(?:(?:in|back\s+in|since)\s+)(?:(?:{_MON_RE})\b(?:\s+\d{{4}})?|(?:19|20)\d\d)"
    rf"|(?:january|february|march|april|june|july|august|september|october|"
    r"november|december)\s+\d{4}"
    r"|(?:from|between)\s+(?:19|20)\d\d\s*(?:to|and|-|until|through)\s*(?:19|20)\d\d"
    r"|\d{4}-\d{2}-\d{2}"
    # issue 19 kinds: week or half of a month, ages, recent spans, unnumbered "ago", "until"
    rf"|(?:the\s+)?(?:first|second|third|fourth|last|final)\s+(?:week|half)\s+of\s+(?:{_MON_RE}|(?:19|20)\d\d)\b"
    rf"(?:\s+\d{{4}})?"
    rf"|(?:{_NUM_RE}|\d+)-(?:day|week|month|year)-old"
    rf"|(?:in\s+)?(?:the\s+)?(?:past|last|recent|previous)\s+(?:(?:{_NUM_RE}|\d+)\s+)?(?:days|weeks|months)"
    r"|(?:in\s+)?recent\s+(?:days|weeks|months)"
    r"|(?:many\s+|several\s+)?(?:days|weeks|months|years|decades)\s+ago"
    rf"|(?:until|till)\s+(?:{_MON_RE})\b\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    r")\b")


def _candidates(sentence: str, date_ents) -> list[tuple[int, int]]:
    """The candidate date phrases of ``sentence``: the spaCy DATE/TIME entity spans
    ``date_ents`` and the pattern's matches (:func:`_pattern_spans`), as ``(start, end)``
    character offsets sorted by start, longest first; a day and month that is part of a
    name (:func:`_part_of_a_name`: "the 19 April Movement") is left out."""
    spans = {(int(a), int(b)) for a, b in date_ents if 0 <= a < b <= len(sentence)}
    spans.update(_pattern_spans(sentence))
    return sorted((sp for sp in spans if not _part_of_a_name(sentence, *sp)),
                  key=lambda x: (x[0], -(x[1] - x[0])))


#: a month's day with no year ("19 April", "April 6", "6th of October"), or a month alone
#: (what is left of "19 APRIL MOVEMENT" after an editor's bracket): what a name holds
_DAY_AND_MONTH = re.compile(
    rf"^\s*(?:(?:{_MON_RE})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MON_RE})\.?)\s*$",
    re.I)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W*$")
_DETERMINER_WORD = re.compile(r"^(?:the|a|an|its|their|his|her|our|this|that|these|those)$", re.I)


def _part_of_a_name(sentence: str, a: int, b: int) -> bool:
    """True when the phrase ``sentence[a:b]`` is a day and month (no year) that is part
    of a name: no preposition (``words.yaml`` ``date_not_a_noun``) right before it, and a
    word of ``words.yaml`` ``date_named_names`` in the noun phrase after it ("the 19 April
    Movement", "THE COLOMBIAN 19 APRIL MOVEMENT", "the April 6 Youth Movement", "the March
    14 alliance"; the name's head one of the two words after the date, no determiner
    first): the name dates no event (annotation guide section 7; r25b, the MUC stories of
    the M-19 guerrillas). "on 19 April, the movement ..." keeps its date: a preposition
    before, a comma after; so does "since 23 March the group ...": a determiner first."""
    if not _DAY_AND_MONTH.match(sentence[a:b]):
        return False
    before = _WORD_BEFORE.search(sentence, max(0, a - 20), a)
    if before is not None and before[1].lower() in _NOT_A_NOUN:
        return False
    names = _word_list("date_named_names")
    for _, w in _noun_phrase_after(sentence, b)[:2]:   # "Movement", "Youth Movement"
        if _DETERMINER_WORD.match(w):
            return False                          # "since 23 March the group has ...": a clause goes on
        if w.lower() in names or w.lower()[:-1] in names:
            return True
    return False


#: Words one of which (as a whole run of letters, in any case) every match of ``_FIND``
#: without a digit contains: each alternative of the pattern needs a digit, a month
#: (``_MONTHS``), a weekday, or one of the other words here, delimited by spaces,
#: hyphens, dots or word boundaries. A sentence with none of them and no digit holds no
#: date phrase, and ``_FIND`` (about a tenth of a millisecond per sentence) is not run on
#: it (issue 20, third round). Keep it in step with ``_FIND``: the test
#: ``tests/test_dates.py::test_date_prefilter_keeps_every_match`` checks both on many
#: sentences.
_FIND_WORDS = frozenset(_MONTHS) | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight tomorrow "
    "overnight night evening morning afternoon week weekend month year decade days weeks months "
    "ago old".split())
_LETTER_RUN = re.compile(r"[a-z]+")
_ANY_DIGIT = re.compile(r"\d")
#: The only characters besides ASCII letters that match an ASCII letter when a pattern
#: ignores case (Python's ``re``): dotted and dotless i, long s, the Kelvin sign.
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


def _may_hold_date(sentence: str) -> bool:
    """False only when ``_FIND`` cannot match in ``sentence`` (see ``_FIND_WORDS``)."""
    if _ANY_DIGIT.search(sentence) or not _FOLDS_TO_ASCII.isdisjoint(sentence):
        return True
    return not _FIND_WORDS.isdisjoint(_LETTER_RUN.findall(sentence.lower()))


#: The first character of each word: the only places where a match of ``_FIND`` can
#: begin (the pattern opens with ``\b`` and every branch of it with a letter or a digit,
#: both word characters; ``tests/test_dates.py::test_date_pattern_begins_only_at_a_word_start``
#: reads the pattern to check it).
_WORD_START = re.compile(r"\b\w")


@lru_cache(maxsize=1024)
def _pattern_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where the date pattern matches in a sentence (memoised: an event's sentence is
    searched again for each of its events and once more when the story is dated).

    The matches of ``_FIND.finditer``, found by trying the pattern only at the start of
    each word after the last match (issue 20, fifth round: the regular-expression engine
    otherwise tries every character; 40% less time on the VOA and State Department
    sentences, the same matches)."""
    if not _may_hold_date(sentence):
        return ()
    out = []
    end = 0
    match = _FIND.match
    for w in _WORD_START.finditer(sentence):
        pos = w.start()
        if pos < end:
            continue
        m = match(sentence, pos)
        if m is not None:
            out.append((pos, m.end()))
            end = m.end()
    return tuple(out)


_REPORT = re.compile(r"\b(?:said|says|told|according|reported|announced|added|stated|"
                     r"quoted|cited|confirmed)\b", re.I)
_CLAUSE = re.compile(r",|;|\b(?:after|before|when|while|since|because|as|until|who|which|"
                     r"where|following)\b", re.I)


def _gap_cost(sentence: str, a: int, b: int, trigger: int) -> float:
    """Distance cost of a date phrase [a, b) for the trigger at char ``trigger``."""
    lo, hi = (b, trigger) if b <= trigger else (trigger, a)
    between = sentence[lo:hi] if lo < hi else ""
    cost = float(abs(hi - lo))
    cost += 40 * len(_CLAUSE.findall(between))
    if _REPORT.search(between):
        cost += 150
    near = sentence[max(0, a - 25):a]          # "officials said on Tuesday that ..."
    if _REPORT.search(near) and not a - 25 <= trigger < a:
        cost += 150
    return cost


#: Granularities from the finest.
_GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _granularity_of(first: date, last: date) -> str:
    n = (last - first).days + 1
    if n <= 2:
        return "day"
    if n <= 7:
        return "week"
    if n <= 31:
        return "month"
    return "year"


def event_date(sentence: str, pub_date: Any, tense: str | None = None,
               date_ents=(), trigger_char: int | None = None,
               today: date | None = None, act_nouns: frozenset[str] = frozenset(),
               foreign: tuple[tuple[int, int], ...] = (),
               scheduled: tuple[tuple[int, int], ...] = (),
               elsewhere: tuple[tuple[int, int], ...] = (),
               own: tuple[tuple[int, int], ...] = (),
               background: tuple[tuple[int, int], ...] = (),
               deadlines: tuple[tuple[int, int], ...] = (),
               within: tuple[int, int] | None = None) -> EventDate:
    """Return the date of the event told in ``sentence`` (contract: ``date`` object).

    Candidate phrases are the spaCy DATE/TIME entities (``date_ents``) and tidings' own
    patterns ("overnight", "late Friday", "over the weekend", "March 15-20"...). Each is
    resolved with :func:`resolve`; among those that resolve, the one tied to the
    trigger wins: the fewest characters away, with a cost for each clause boundary in
    between and a large cost for a reporting clause ("..., officials said on Monday").
    Overlapping candidates keep the longest one that resolves.

    Args:
        sentence: the evidence sentence (str).
        pub_date: publication date (see :func:`resolve`), or None.
        tense: ``'past'``, ``'present'``, ``'future'`` or None: tense of the event clause.
        date_ents: (start, end) char offsets of spaCy DATE/TIME entities in ``sentence``.
        trigger_char: char offset of the event trigger in ``sentence``; None -> the
            first candidate not inside a reporting clause.
        today: the coding date used when ``pub_date`` is missing (default: today).
        act_nouns: nouns of acts a bare year before them still dates (``_names_a_thing``).
        foreign: (start, end) char spans of clauses that tell the content of the event's
            act (:func:`content_clause_spans`): an open range inside one ("accused Moscow
            of abducting children since 2022") tells how long that act went on, not when
            the event happened, and is skipped; so is the start of a future act there
            ("announced it will start seizing plates *from March 1*", :data:`FUTURE_START`:
            the seizing's date, not the announcement's; r28g); so is a phrase there that starts after
            publication when the event is not future ("invited Modi to visit Paris in
            May", "ordered troops to leave by the end of the year"): it dates the act to
            come, while the inviting or ordering act happened by publication (annotation
            guide section 8, worked example: "in June" dates the future meeting, not the
            agreement; eighteenth round). Other phrases there stay: the corpus dates
            a decision or a talk by its subject's date ("decided to carry out extraditions
            on 18 August") more often than not (train, fifteenth round).
        scheduled: (start, end) char spans of clauses that announce a scheduled act in the
            present tense ("the truce begins Sunday", "takes effect on Monday"; the
            coder's :func:`scheduled_clause_spans`): a phrase inside
            one is resolved as in the future tense (annotation guide section 7: a weekday
            in future tense is the next such day). A deadline after publication
            (``words.yaml`` ``deadline_words`` before it) in a ``"nearest"`` span (the
            act an order, demand or threat asks for) is skipped when the event is not
            future and its trigger lies in no such span: it dates that later act, not
            an act told beside the order ("expelled the ambassador and ordered troops to
            leave by the end of the year": the expulsion is not of September to
            December; a fresh-user trial, nineteenth round; the ``foreign`` rule above
            covers only the ordering verb's own clause). Not a plain date there ("the
            strike the FMLN is scheduled to initiate on 16 March": the corpus dates the
            strike by it), nor a deadline of the event's own clause ("expect the
            President to set a refugee cap by May 15").
        elsewhere: (start, end) char spans of clauses that tell another act than the
            event's (:func:`participle_clause_spans`: "rescued 50 schoolgirls abducted
            last month"): a phrase inside one is skipped, unless it lies after
            publication whatever the tense ("next week", "next month"): a past participle
            tells an earlier act, so such a phrase is the main verb's, misplaced by the
            parse ("is expected to free detainees held in Ndolo prison next week"; r25h).
        background: (start, end) char spans of participle clauses on any other noun
            (:func:`noun_participle_spans`: "resume dialogue under the declaration *signed
            in 2023*"): a phrase inside one that lies years back (over
            :data:`HISTORICAL_DAYS` before publication) dates that thing, not the event,
            and is skipped; a recent one stays ("a statement emailed on Wednesday": the
            corpus dates the statement by it; r25h, a fresh user's trial).
        own: (start, end) char spans of the date phrases of an event noun's own phrase
            (the coder's ``_own_phrase``: "condemned the strike on its consulate that
            killed seven advisers *in April last year*"): such a phrase dates that
            noun's event and wins over any other (annotation guide section 7: the phrase that
            says when *this event* happened; a fresh user's trial, twenty-fourth round).
        deadlines: (start, end) char spans of deadline phrases on a noun
            (:func:`noun_deadline_spans`: "approved the withdrawal of the troops *by the end
            of the year*"): a phrase there that ends after publication dates the act still
            to come, and is skipped unless the event is future (r26u).
        within: the (start, end) char span of the clause that tells the event's act as one
            done before another's (:func:`earlier_clause_span`: "called for calm on Monday
            month*"), or None: a phrase inside it dates the event and wins over the others
            (r27l, a fresh user's trial); with none inside, the sentence's phrases date it
            as they would without ``within`` (the train gold dates such acts by the main
            clause's phrase more often than the skip gained: 10 right dates lost, 1 gained).

    A phrase that lies wholly after publication does not date an event told in the past
    tense (``tense`` ``'past'``): "India welcomed the release and said it would free the
    prisoners next week": the welcoming happened by publication, and the phrase dates the
    act still to come, of another clause (annotation guide section 7: the phrase that says
    when *this event* happened; r27l, a fresh user's trial); except the day a measure takes
    effect ("suspended imports starting on May 10", ``words.yaml``
    ``effective_date_words``), which dates the measure (r19h). Not a phrase of the event's
    own clause (``within``): a participle on a noun is tagged past but takes the time of
    the clause it hangs in ("will take part in a panel *hosted by the institute on
    Thursday*": the panel is on Thursday; r27r).

    An event told in a clause "N days after/before ..." ("detained 40 villagers on
    Monday, a day after fighters ambushed a convoy") whose chosen phrase lies before
    that clause is dated N units before (after) that phrase: the ambush was on Sunday
    (guide section 7, relative dates counted from their anchor).

    Returns:
        :class:`tidings.records.EventDate`: ``start``/``end`` the inclusive days the
        phrase covers (an open range "since March 2024" ends on the publication date),
        ``granularity`` from the length of that interval (<= 2 days ``day``, <= 7
        ``week``, <= 31 ``month`` or up to three whole calendar months, else ``year``),
        ``text`` the phrase. With no
        resolvable phrase: the publication date, granularity ``story``, text None.
        Without a publication date only phrases that name their year are used;
        otherwise the coding date (``today``) stands in, granularity ``story``.
    """
    pub = _parse_pub(pub_date)
    base = pub or today or date.today()
    best: tuple[float, str, DateResolution] | None = None
    phrases = list(_phrases(sentence, base, pub is not None, tense, date_ents, scheduled))
    if within is not None and not any(within[0] <= a and b <= within[1] for a, b, _, _ in phrases):
        # no phrase of its own: the sentence's phrase, as before r27l (on the train gold,
        # leaving such acts to the story lost 10 right dates for 1 gained: a sentence that
        # opens "Yesterday the town was left in darkness after a rebel attack" dates the
        # attack yesterday too)
        within = None
    for a, b, text, r in phrases:
        if pub is not None and any(ea <= a and b <= eb for ea, eb in elsewhere) \
                and resolve(text, pub, "past").first > pub.isoformat():
            # "is expected to free detainees held in Ndolo prison next week": a past
            # participle tells an earlier act, so a phrase that lies ahead whatever the
            # tense is the main verb's, misplaced by the parse; neither the content nor the
            # participle rule below skips it (r25h)
            foreign = tuple(sp for sp in foreign if not (sp[0] <= a and b <= sp[1]))
            inside_elsewhere = False
        else:
            inside_elsewhere = any(ea <= a and b <= eb for ea, eb in elsewhere)
        if (r.reason == OPEN_RANGE or r.reason.startswith(FUTURE_START)) \
                and any(fa <= a and b <= fb for fa, fb in foreign):
            continue                              # how long the act the event is about went on, or when it starts
        if tense != "future" and pub is not None and r.first and r.first > pub.isoformat() \
                and any(fa <= a and b <= fb for fa, fb in foreign):
            continue                              # "invited X to visit in May": the visit's, still to come
        if tense != "future" and pub is not None and r.first and r.first > pub.isoformat() \
                and trigger_char is not None and _deadline_before().search(sentence, max(0, a - 16), a) \
                and any(len(sp) > 2 and sp[2] == "nearest" and sp[0] <= a and b <= sp[1] for sp in scheduled) \
                and not any(sp[0] <= trigger_char < sp[1] for sp in scheduled):
            continue                              # "expelled X and ordered troops to leave by the end of the year"
        if tense != "future" and pub is not None and r.last and r.last > pub.isoformat() \
                and any(da <= a and b <= db for da, db in deadlines):
            continue                              # "approved the withdrawal by the end of the year"
        if inside_elsewhere:
            continue                              # "schoolgirls abducted last month": their abduction's
        if within is not None and not (within[0] <= a and b <= within[1]):
            continue                              # "called on Monday after a raid killed nine": the call's
        if tense == "past" and pub is not None and r.first and r.first > pub.isoformat() \
                and not (within is not None and within[0] <= a and b <= within[1]) \
                and not (_effective_before().search(sentence, max(0, a - 24), a) or _RUN_UNTIL.match(text)):
            continue                              # "welcomed it and said it would free them next week"
        if pub is not None and r.last and date.fromisoformat(r.last) < pub - timedelta(days=HISTORICAL_DAYS) \
                and any(ea <= a and b <= eb for ea, eb in background):
            continue                              # "under the Argyle Declaration signed in 2023": the signing's
        if _YEAR_AGE.search(text):
            continue                              # "a 33-year-old mother": a person's age
        if _names_a_thing(sentence, a, b, text, trigger_char, act_nouns):
            continue                              # "the 1992 agreement": the agreement's year
        if trigger_char is not None and pub is not None and _background_aside(
                sentence, a, b, trigger_char, r, pub):
            continue
        if trigger_char is None:
            cost = a + (1000 if _REPORT.search(sentence[max(0, a - 30):a]) else 0)
        else:
            cost = _gap_cost(sentence, a, b, trigger_char)
        if any(a < ob and oa < b for oa, ob in own):   # overlaps: "in April" of "April last year"
            cost -= 10000                         # the event noun's own phrase
        if best is None or cost < best[0]:
            best = (cost, text, r, a, b)
    if best is None:
        iso = base.isoformat()
        return EventDate(start=iso, end=iso, granularity="story", text=None,
                         source="publication")
    _, text, r, a, b = best
    if r.reason == OPEN_RANGE and trigger_char is not None and pub is not None \
            and _WHEN_AFTER.match(sentence, b, trigger_char) \
            and (m := re.match(r"^\s*since\s+(.+)$", text, re.I)):
        # "the first mission since January, when coast guard personnel seized rifles": a
        # "when" clause on the range's start tells an act on that start, not over the range
        # (guide section 7, the phrase that says when *this event* happened; r25u)
        point = resolve(m[1], pub, tense)
        if point.first:
            r, text = point, m[1]
    d = _from_resolution(r, text)
    if trigger_char is not None and b <= trigger_char:
        m = None
        for m in _UNITS_AFTER.finditer(sentence, b, trigger_char):
            pass                                  # the last such clause before the trigger
        if m is not None and not re.search(r"[,;:.]", sentence[m.end():trigger_char]):
            n, vague = _count(m["n"].lower())
            if not vague:
                sign = -1 if m["dir"].lower() == "after" else 1
                unit = m["unit"].lower()
                lo = _shift(date.fromisoformat(d.start), unit, sign * n)
                hi = _shift(date.fromisoformat(d.end), unit, sign * n)
                gran = d.granularity
                if unit == "month":               # "three months after": that month
                    lo, hi, gran = lo.replace(day=1), _month_end(hi.year, hi.month), "month"
                elif unit == "year":              # "two years after": that year
                    lo, hi, gran = date(lo.year, 1, 1), date(hi.year, 12, 31), "year"
                d = EventDate(start=lo.isoformat(), end=hi.isoformat(), granularity=gran,
                              text=f"{m[0].strip()} {text}", source=d.source)
    return d


#: ", when": a clause that opens right after a date phrase and tells an act on that date
#: ("since January, when the guards seized rifles": the seizure is January's; r25u)
_WHEN_AFTER = re.compile(r"\s*,?\s*when\b[^;:.]*$", re.I)

#: "a day after", "two weeks before": the clause after it tells an act that many units
#: before (after) the date of the clause it hangs on
#: "two years after", "three months before" count too (r26u, a fresh user's trial: "dissolved
#: the structures on Monday, two years after Baku and Yerevan asked for their closure" dated
#: the request to Monday); such a date keeps only its month or year (granularity ``month``,
#: ``year``): "two years after" is no count of days
_UNITS_AFTER = re.compile(rf"\b(?P<n>{_NUM_RE}|\d+)\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>after|before)\s", re.I)


#: a year, a month or a month's day between a determiner and a noun: it names a thing (its
#: treaty, election, war, vote), not when the event happened ("called on Tiraspol to respect
#: the 1992 agreement", "ahead of the 2024 elections", "Russia's 2022 invasion", "refused to
#: recognise the October election", "condemned the May 3 attack")
#: a bare year, or a span of years ("1998-99", "1914-1918"): before a noun it names the
#: thing ("the 1998-99 war"), like a single year (r25h, a fresh user's trial)
_YEAR_ONLY = re.compile(r"^\s*(?:1[89]|20)\d\d(?:\s*[-\u2013/]\s*(?:(?:1[89]|20)\d\d|\d\d))?\s*$")
_DATE_OF_A_THING = re.compile(
    rf"^\s*(?:(?:1[89]|20)\d\d|(?:{_MON_RE})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+(?:1[89]|20)\d\d)?|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MON_RE})\.?(?:,?\s+(?:1[89]|20)\d\d)?)\s*$", re.I)
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|our|this|that|these|those)|\w['’]s?)\s+$",
                                re.I)
_NOUN_AFTER = re.compile(r"^[\s-]+([a-z][a-z-]*)")
_NP_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_NOT_A_NOUN = _word_list("date_not_a_noun")
#: Words that end a noun phrase: a verb of the clause comes next ("the October vote was
#: rigged", "the May 3 protests turned violent")
_NP_END = _word_list("date_noun_phrase_ends")
#: How many words after a premodifying date its noun phrase may run ("the October 23
#: Libyan nationwide ceasefire agreement")
_NP_WORDS = 5


@lru_cache(maxsize=1)
def _date_named_things() -> frozenset[str]:
    """``words.yaml`` ``date_named_things``: nouns (elections, votes) a month or day before
    them names (:func:`_names_a_thing`)."""
    from .coding.words import words

    return words("date_named_things")


def _noun_phrase_after(sentence: str, b: int) -> list[tuple[int, str]]:
    """The words (start offset, word) of the noun phrase that follows offset ``b``: up to
    :data:`_NP_WORDS` words joined by spaces or hyphens, up to a punctuation mark or a word
    of :data:`_NOT_A_NOUN`; empty when no word follows at once."""
    out: list[tuple[int, str]] = []
    i = b
    for m in _NP_WORD.finditer(sentence, b, min(len(sentence), b + 80)):
        gap = sentence[i:m.start()]
        if gap.strip(" -") or (not gap and out) or (not out and not gap) \
                or m[0].lower() in _NOT_A_NOUN or m[0].lower() in _NP_END or len(out) == _NP_WORDS \
                or (out and m[0].lower().endswith("ed")):
            break
        out.append((m.start(), m[0]))
        i = m.end()
    return out


def _names_a_thing(sentence: str, a: int, b: int, text: str, trigger_char: int | None = None,
                   act_nouns: frozenset[str] = frozenset()) -> bool:
    """True when the candidate is a bare year between a determiner or possessive and a noun
    ("the 1992 agreement", "ahead of the 2024 elections"), or a month or a month's day
    ("October", "May 3", "3 May 2024") there before a noun phrase holding a word of
    ``words.yaml`` ``date_named_things`` ("the October parliamentary election", "the
    March 3 vote"): the date names that thing, so it dates no other event of the sentence
    (a fresh-user trial: "called on Tiraspol to respect the 1992 agreement" was a REQUEST
    of 1992, marked historical; a later one: "refused to recognise the results of the
    October election" was a REJECT of October, lent on to the next sentence). The corpus
    agrees for elections and votes: "congratulates ... on their June 20 parliamentary
    elections", "irregularities in the February 8 vote" leave the congratulating and the
    urging without that date; for other nouns it mostly dates an event of the noun's type
    by the month ("the June 29 trilateral meeting"), so those stay candidates. When a
    word of that noun phrase is the event's own trigger (``trigger_char``: "Russia's 2022
    invasion", "the March 3 vote" of a vote coded as an event) or one of ``act_nouns``
    (for a material act, the coder passes the violent acts of ``words.yaml``
    ``dated_act_nouns``: "over the 2004 bombing of a base that killed ...", whose killing is
    that bombing's) the date dates it. A year keeps the older, narrower test: a
    lower-case word right after it ("the 2024 Paris Olympics" is left alone)."""
    if _YEAR_ONLY.match(text):
        after = _NOUN_AFTER.match(sentence[b:b + 40])
        if after is None or after[1] in _NOT_A_NOUN or not _DETERMINER_BEFORE.search(sentence[max(0, a - 12):a]):
            return False
        noun = after[1].lower()
        if noun in act_nouns or noun.rstrip("s") in act_nouns:
            return False  # "over the 2004 bombing ... that killed": the act the event is part of
        return trigger_char is None or b + after.start(1) != trigger_char
    if not _DATE_OF_A_THING.match(text) or not _DETERMINER_BEFORE.search(sentence[max(0, a - 12):a]):
        return False
    phrase = _noun_phrase_after(sentence, b)
    things = _date_named_things()
    if not any(w.lower() in things or w.lower()[:-1] in things for _, w in phrase):
        return False                              # "the June 29 meeting": the corpus dates the talks by it
    if any(w.lower() in act_nouns or w.lower().rstrip("s") in act_nouns for _, w in phrase):
        return False
    return trigger_char is None or not any(at <= trigger_char < at + len(w) for at, w in phrase)


#: an age in years: of a person or an institution ("the 27-year-old", "a 14-year-old
#: panel"), never when an event happened (ages in days or weeks date a truce's start)
_YEAR_AGE = re.compile(r"years?[\s-]+old\b", re.I)
#: a relative clause set off by a comma: ", who resigned in 2013,", ", which ..."
_REL_OPEN = re.compile(r",\s*(?:who|whom|whose|which)\b", re.I)
_REL_CLOSE = re.compile(r"[,;:\u2014]|\s-\s")


def _background_aside(sentence: str, a: int, b: int, trigger: int, r: DateResolution,
                      pub: date) -> bool:
    """Whether the phrase [a, b) is background (over :data:`HISTORICAL_DAYS` before
    publication) inside a relative clause set off by a comma that does not hold the
    trigger ("Berisha, who was defeated in 2013, rejected ..."): it dates the clause's
    act, not the event. A recent date in such a clause ("the attack, which took place on
    Monday, killed ...") usually retells the event and is kept. An open range ("Kabila,
    who has lived abroad since 2023, dismissed ...") is background when it began years
    back: it tells how long the clause's state has lasted (r25h)."""
    # an open range ("who has lived abroad since 2023") runs up to publication: it is
    # background when it began years back (r25h, a fresh user's trial)
    if date.fromisoformat(r.first if r.reason == OPEN_RANGE else r.last) >= pub - timedelta(days=HISTORICAL_DAYS):
        return False
    opens = [m for m in _REL_OPEN.finditer(sentence, 0, a)]
    if not opens:
        return False
    lo = opens[-1].start()
    close = _REL_CLOSE.search(sentence, b)
    hi = close.start() if close else len(sentence)
    if _REL_CLOSE.search(sentence, opens[-1].end(), a):
        return False                              # the clause closed before the phrase
    return not lo <= trigger < hi


def _from_resolution(r: DateResolution, text: str, source: str = "sentence") -> EventDate:
    """The contract date of a resolved phrase: its interval, granularity from its length;
    whole calendar months, up to three ("Q2 2025", "from January to March"), are
    ``month``: the contract has no quarter, and the phrase is precise to the month (the
    resolution's own granularity, docs/dates-and-places.md)."""
    first, last = date.fromisoformat(r.first), date.fromisoformat(r.last)
    gran = _granularity_of(first, last)
    if gran == "year" and first.day == 1 and last == _month_end(last.year, last.month) \
            and (last.year - first.year) * 12 + last.month - first.month < 3:
        gran = "month"
    return EventDate(start=r.first, end=r.last, granularity=gran, text=text.strip(), source=source)


#: A reporting verb in the past right before a date phrase ("Netanyahu said on Wednesday",
#: "Iran announced Monday that ..."): the phrase dates the saying, which is past, whatever
#: the tense of what was said ("will not negotiate", "would hold talks"). A fresh-user
#: trial: such a weekday was read forward, six days after publication. A place where it
#: was said may stand between ("told reporters in Tehran on Wednesday", a later trial).
_SAID_BEFORE = re.compile(r"\b(?:said|told(?:\s+[\w.]+){1,2}|announced|reported|stated|added|confirmed|declared|"
                          r"warned|wrote|insisted|vowed|pledged|promised|threatened)"
                          r"(?:\s+(?:in|at)\s+[\w.]+(?:\s+[\w.]+)?)?\s+(?:on\s+|late\s+|early\s+)?$",
                          re.I)


@lru_cache(maxsize=1)
def _deadline_before() -> re.Pattern:
    """A ``words.yaml`` ``deadline_words`` word right before a date phrase ("by Friday",
    "no later than 1 April"): in the clause of an ordered or demanded act, a deadline,
    which lies after the act that sets it (the next such day, not the nearest)."""
    from .coding.words import words

    alts = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words("deadline_words")),
                           key=_longest_first))
    return re.compile(rf"\b(?:{alts})\s+(?:the\s+)?$", re.I)


@lru_cache(maxsize=1)
def _effective_before() -> re.Pattern:
    """A ``words.yaml`` ``effective_date_words`` word right before a date phrase ("starting
    on April 1", "effective Monday", "as of 1 July"): the day a measure takes effect,
    read as the occurrence nearest publication (:func:`_nearest`)."""
    from .coding.words import words

    alts = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words("effective_date_words")),
                           key=_longest_first))
    return re.compile(rf"\b(?:{alts})\s+(?:(?:on|in|from)\s+)?$", re.I)


#: A range of a measure's run, "from April 1 until September 30": read as
#: :func:`_effective_before` (the ban may run from a day still to come)
_RUN_UNTIL = re.compile(r"^from\s+\S.*\s(?:until|till)\s+\S", re.I)


def _nearest(text: str, base: date) -> DateResolution:
    """``text`` resolved to the occurrence nearest ``base``, before or after: for a phrase
    of an act that follows another of unknown date ("invited Modi to visit Paris in May",
    "decided to carry out extraditions on 18 August"; :func:`scheduled_clause_spans`).
    A tie goes to the later one, the act being still to come."""
    back, ahead = resolve(text, base, "past"), resolve(text, base, "future")
    if back.kind == "unresolved" or ahead.kind == "unresolved" or back.first == ahead.first:
        return ahead if back.kind == "unresolved" else back
    b0, b1 = date.fromisoformat(back.first), date.fromisoformat(back.last)
    a0, a1 = date.fromisoformat(ahead.first), date.fromisoformat(ahead.last)
    gap_back = 0 if b0 <= base <= b1 else min(abs((base - b0).days), abs((base - b1).days))
    gap_ahead = 0 if a0 <= base <= a1 else min(abs((a0 - base).days), abs((a1 - base).days))
    return back if gap_back < gap_ahead else ahead


def _phrases(sentence: str, base: date, pub_known: bool, tense: str | None,
             date_ents=(), scheduled: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int, str, DateResolution]]:
    """Every resolvable date phrase of ``sentence``: ``(start, end, text, resolution)``,
    start/end character offsets, in text order; a phrase inside a longer resolved one is
    left out. Without a publication date (``pub_known`` False) only phrases that name
    their year count. A phrase inside a ``scheduled`` span resolves in the future tense
    (:func:`event_date`), or, in a ``"nearest"`` one, to the occurrence nearest ``base``
    (:func:`_nearest`; a deadline there, "by Friday", in the future tense), and in a
    ``"past"`` one in the past tense."""
    out: list[tuple[int, int, str, DateResolution]] = []
    covered: list[tuple[int, int]] = []
    for a, b in _candidates(sentence, date_ents):
        if any(ca <= a and b <= cb for ca, cb in covered):
            continue                              # inside a longer resolved phrase
        text = sentence[a:b]
        inside = [sp for sp in scheduled if sp[0] <= a and b <= sp[1]]
        span = next((sp for sp in inside if len(sp) > 2 and sp[2] == "past"), inside[0] if inside else None)
        if span is not None and len(span) > 2 and span[2] == "past":
            r = resolve(text, base, "past")
        elif span is not None and len(span) > 2 and _deadline_before().search(sentence, max(0, a - 16), a):
            r = resolve(text, base, "future")     # "ordered them to leave by Friday": a deadline is to come
        elif span is not None and len(span) > 2:
            r = _nearest(text, base)
        elif span is not None:
            r = resolve(text, base, "future")
        elif tense != "future" and (_effective_before().search(sentence, max(0, a - 24), a)
                                    or _RUN_UNTIL.match(text)):
            r = _nearest(text, base)              # "banned exports starting on April 1": when it takes effect
        else:
            r = resolve(text, base, "past" if tense != "past" and _SAID_BEFORE.search(sentence, max(0, a - 40), a)
                        else tense)
        if r.kind == "unresolved" or (not pub_known and not r.absolute):
            continue
        covered.append((a, b))
        out.append((a, b, text, r))
    return out


# ---------------------------------------------------------------------------------------
# dates from the story (issue 19)
@dataclass(frozen=True)
class StorySentence:
    """One sentence of a story, as :func:`story_dates` reads it.

    Attributes:
        text: the sentence, stripped, as an event of it has it in ``Event.sentence`` (or
            that text with its case restored, which has the same length).
        date_ents: (start, end) character offsets into ``text`` of the NER's DATE/TIME
            entities (what :func:`event_date` takes as ``date_ents``).
        scheduled: (start, end) character offsets into ``text`` of its clauses that
            announce a scheduled act (:func:`scheduled_clause_spans`).
        content: ``(verb, start, end)`` character offsets into ``text``: a verb and a
            clause that tells the content of its act (:func:`content_clause_spans`).
            :func:`story_sentences` fills ``scheduled`` and ``content`` for the story's
            lead (its first :data:`LEAD_SENTENCES` sentences), the only ones
            :func:`story_dates` reads them in (walking every verb's clauses of every
            sentence cost 5 ms a story).
        aside: (start, end) character offsets into ``text`` of its relative clauses
            that tell an earlier act done to a noun (:func:`relative_clause_spans`:
            "two soldiers they had kidnapped last month"), filled for the lead as
            ``scheduled``: a date phrase there does not date the story's lead.
        goes_on: True when the parser started this sentence right after a word of the
            one before, on the same line (no stop, no line break between: "... near the
            Ta Muen | Thom temple on Tuesday, the Thai army said."): it is the rest of
            that sentence, and its date phrase is the date of that sentence's events.
    """

    text: str
    date_ents: tuple[tuple[int, int], ...] = ()
    scheduled: tuple[tuple[int, int], ...] = ()
    content: tuple[tuple[int, int, int], ...] = ()
    aside: tuple[tuple[int, int], ...] = ()
    goes_on: bool = False


#: Dependencies from an event's verb to the part that tells the content of its act
#: (object, preposition, clausal complement, attribute): a verb reached first through one
#: of them, with its whole clause, holds date phrases of that act, not of the event
#: ("agreed to meet again in June" dates the meeting: annotation guide section 8, worked
#: example). Subjects, adverbial clauses and conjuncts are not content.
CONTENT_DEPS = frozenset({"dobj", "obj", "prep", "xcomp", "ccomp", "pcomp", "attr", "oprd", "dative"})


def content_clause_spans(v, offset: int) -> tuple[tuple[int, int], ...]:
    """Character spans (relative to ``offset``, the sentence's start) of the clauses below
    the verb ``v`` (a spaCy token) that tell the *content* of its act: a verb reached from
    ``v`` first through one of :data:`CONTENT_DEPS`, with that verb's whole subtree ("agreed
    to meet again in June", "accused X of jailing critics since 2021", "agreed to a truce
    that takes effect on Sunday"). Empty when ``v`` is not a verb: an event noun's own
    relative clause ("the raid, which began on Monday") tells that event's date. Shape: a
    tuple of ``(start, end)`` pairs, end exclusive."""
    if v.pos_ not in ("VERB", "AUX"):
        return ()
    out = []
    for c in v.children:
        if c.dep_ in CONTENT_DEPS:
            out.extend((w.left_edge.idx - offset, w.right_edge.idx + len(w.right_edge) - offset)
                       for w in c.subtree if w.pos_ == "VERB" and w is not v and w.dep_ != "amod")
    return tuple(out)


#: The dependencies of the word an event's verb acts on: its direct object, or the
#: subject of its passive ("50 schoolgirls abducted last month were rescued").
_ACTED_ON_DEPS = frozenset({"dobj", "obj", "nsubjpass"})

#: The dependencies a noun trigger climbs by to the verb whose adverbial phrase holds it
#: ("have been freed *after mediation* by Qatar": the mediation is told with the release).
_PHRASE_DEPS = frozenset({"pobj", "prep", "pcomp", "agent"})


def _acted_on(trigger) -> tuple[set[int], object]:
    """The token indexes of the nouns the act of ``trigger`` (a spaCy token) is done to,
    and the verb that acts on them (or None): for a verb, its direct object and passive
    subject; for a noun in a verb's adverbial phrase ("freed after *mediation*",
    "released *following talks*"), that verb's; for a noun, also the "of" phrase of the
    noun itself ("the *release* of hostages"). Each such noun's own "of" phrase counts
    too ("mediated the release *of* sailors")."""
    nouns: set = set()
    verb = None
    if trigger.pos_ == "VERB":
        verb = trigger
    else:
        x = trigger
        for _ in range(4):
            if x.dep_ not in _PHRASE_DEPS or x.head.i == x.i:
                break
            x = x.head
            if x.pos_ == "VERB" and x.dep_ != "prep":  # "released following talks": a preposition
                verb = x
                break
        nouns |= {p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"}
    if verb is not None:
        nouns |= {c for c in verb.children if c.dep_ in _ACTED_ON_DEPS}
    nouns |= {p for n in list(nouns) for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj"}
    nouns |= {cj for n in list(nouns) for cj in n.conjuncts}
    return {n.i for n in nouns}, verb


def _of_people(clause) -> bool:
    """True when the relative clause ``clause`` (its verb) is told of people: its
    relative pronoun is "who" or "whom" ("two sailors *who were seized in 2022*"). A
    "which" or "that" clause often tells the act itself, hung by the parse on its object
    ("the surrendering of the weapons, which had been scheduled for 19 December": the
    corpus dates the surrender by it).

    Also True for an object relative clause with a subject of its own, not a relative
    pronoun ("two soldiers *they had kidnapped last month*", "the sailors *that the
    militia seized in 2023*"): it tells what someone else did to the noun earlier, not
    the noun's own act (a fresh user's trial, twenty-fourth round; annotation guide
    section 7: the phrase that says when *this event* happened)."""
    if any(c.lower_ in ("who", "whom") for c in clause.children):
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _RELATIVE_PRONOUNS
               for c in clause.children)


#: Words that open a relative clause as its subject ("which began in April"): such a
#: clause tells the noun's own act, which the corpus dates the noun's event by
#: (``words.yaml`` ``relative_pronouns``).
_RELATIVE_PRONOUNS = _word_list("relative_pronouns")


#: Dependencies of a verb that hangs inside another verb's clause (a "after straying",
#: "to cross" or "as it crossed" clause): a date phrase under it belongs to the clause
#: above too, so the climb goes on to that clause (r25u).
_INNER_VERB_DEPS = frozenset({"pcomp", "advcl", "xcomp"})


def participle_clause_spans(date_ents, trigger, offset: int) -> tuple[tuple[int, int], ...]:
    """Character spans (relative to ``offset``, the sentence's start) of the clauses on a
    noun that hold a date phrase of ``date_ents`` (spaCy spans) and tell what happened
    earlier to the people or things the event's word ``trigger`` (a spaCy token) acts on
    (:func:`_acted_on`): a past participle (``acl``, ``VBN``) or a relative clause
    (``relcl``) on people (:func:`_of_people`) that is the first verb above the
    phrase and modifies the verb's direct
    object or passive subject ("rescued 50 schoolgirls *abducted last month*", "freed the
    sailors *seized in March*", "two sailors *who were seized in 2022* have been
    released"). The phrase dates the clause's act, not the main verb's, nor a noun told
    in that verb's adverbial phrase ("aid workers kidnapped in 2023 have been freed after
    *mediation* by Qatar"), nor a noun acting on the same people ("the *release* of
    hostages seized in 2022"); docs/dates-and-places.md, seventeenth and twentieth
    rounds; annotation guide section 7: the phrase that says when *this event*
    happened. A participle on another noun stays a candidate: the corpus dates a
    statement by "a statement emailed on Wednesday", an accusation by "a lawsuit filed in
    February"; so does a clause holding the trigger, or one on the trigger itself.
    A participle that says who makes up or leads the group (``words.yaml``
    ``composition_participles``: "received the delegation *led by the foreign minister*
    in Baku on Tuesday") tells no earlier act: the parse hangs the main verb's date on
    it, and it stays a candidate for the main verb (r24l). Nor does one that says who
    holds a meeting (:func:`meeting_host_participle`: "will attend a forum *convened by
    the African Union on Monday*": the same meeting, r28e).
    The climb goes on through a verb inside such a clause (``_INNER_VERB_DEPS``: "a
    soldier *who had been detained after straying across the border last month*": the
    phrase under "straying" is still the detention's clause's; a fresh user's trial,
    twenty-fifth round, r25u).
    A point phrase on the participle after an open range on it ("a French national
    *detained since 2022* on Wednesday": :func:`_point_after_range`) is the main verb's:
    the clause's span ends before it (r27r, a fresh user's trial).
    Cost: a climb of at most a few heads per date phrase."""
    acted, _verb = _acted_on(trigger)
    if not acted:
        return ()
    composing = _word_list("composition_participles")

    def background(w) -> bool:
        return bool(((w.dep_ == "acl" and w.tag_ == "VBN" and w.lemma_.lower() not in composing
                      and not meeting_host_participle(w))
                     or (w.dep_ == "relcl" and _of_people(w)))
                    and w.head.i in acted and w.head.i != trigger.i
                    and not (w.left_edge.i <= trigger.i <= w.right_edge.i))
    spans = _clause_spans(date_ents, background, offset)
    cuts = {}
    for e in date_ents:
        p = _point_after_range(e, date_ents)
        if p is not None and background(p):
            start = p.left_edge.idx - offset
            cuts[start] = min(cuts.get(start, 1 << 30), e.root.head.idx - offset)
    return tuple((a, min(b, cuts[a])) if a in cuts else (a, b) for a, b in spans)


def participle_circumstance_spans(date_ents, trigger, offset: int) -> tuple[tuple[int, int], ...]:
    """Character spans (relative to ``offset``, the sentence's start) of the past
    participle clauses on a noun (``acl``, ``VBN``) in whose "after"/"following"/"with"
    phrase the event's noun ``trigger`` (a spaCy token) stands, less that phrase, when
    the clause holds a date phrase of ``date_ents`` (spaCy spans) outside it: "released
    three fishermen *arrested in May* after the mediation of Norway". The phrase dates
    the participle's act (the arrest), not the noun's (the mediation, told as the
    circumstance of the main act, or of the arrest: in neither reading is it of May);
    annotation guide section 7: the phrase that says when *this event* happened (r28g, a
    fresh user's trial; the prepositions are ``words.yaml`` ``helper_phrase_preps`` and
    ``earlier_act_markers``). Shape: a tuple of ``(start, end)`` pairs, end exclusive;
    empty when the trigger is no such noun or the clause has no other phrase."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ != "pobj":
        return ()
    prep = trigger.head
    part = prep.head
    preps = _word_list("helper_phrase_preps") | _word_list("earlier_act_markers")
    if prep.dep_ != "prep" or prep.lower_ not in preps or part.dep_ != "acl" or part.tag_ != "VBN" \
            or part.head.pos_ not in ("NOUN", "PROPN"):
        return ()
    lo, hi = prep.left_edge.i, prep.right_edge.i
    doc = trigger.doc
    out = []
    for e in date_ents:
        r = e.root
        if lo <= r.i <= hi or not (part.left_edge.i <= r.i <= part.right_edge.i):
            continue
        if r.i < lo:     # the participle's words before the phrase ("detained in May")
            a, b = part.left_edge.idx, doc[lo].idx
        else:            # after it, to the clause's end
            a, b = doc[hi].idx + len(doc[hi]), part.right_edge.idx + len(part.right_edge)
        out.append((a - offset, b - offset))
    return tuple(sorted(set(out)))


def meeting_host_participle(w) -> bool:
    """True when ``w`` (a spaCy token) is a past participle on a meeting noun that says who
    holds the meeting (``acl``, ``VBN``, lemma in ``words.yaml`` ``meeting_host_participles``,
    its noun in ``meeting_host_nouns``: "a conversation *hosted by* the institute", "a
    forum *convened by* the African Union"): the same meeting the clause around it joins,
    not an earlier act, so a date phrase on it dates that meeting
    (:func:`participle_clause_spans`, :func:`earlier_clause_span`) and its own event
    takes the tense of that clause (:func:`meeting_host_tense`). Source: annotation guide
    section 7 (the phrase that says when *this event* happened); the train gold dates "will
    participate in a conversation hosted by ... on Thursday" on that Thursday, which r27l's
    participle rule had taken away (r28e)."""
    return w.dep_ == "acl" and w.tag_ == "VBN" and w.lemma_.lower() in _word_list("meeting_host_participles") \
        and w.head.lemma_.lower() in _word_list("meeting_host_nouns")


def meeting_host_tense(w) -> str | None:
    """``"future"`` when ``w`` is a :func:`meeting_host_participle` whose meeting noun is
    the object (direct or through a preposition) of a verb in the future tense, with a
    modal of ``words.yaml`` ``future_modals`` ("will take part in a panel *hosted by* the
    council on Thursday": the panel, hosting included, lies ahead); None otherwise.
    Cost: a climb of at most three heads."""
    if not meeting_host_participle(w):
        return None
    h = w.head
    for _ in range(3):
        if h.head.i == h.i:
            return None
        h = h.head
        if h.pos_ in ("VERB", "AUX"):
            modals = _word_list("future_modals")
            return "future" if any(c.dep_ == "aux" and c.lower_ in modals for c in h.children) else None
    return None


def _point_after_range(e, date_ents):
    """The verb (a spaCy token) that the date phrase ``e`` (a spaCy span) hangs on through
    its own preposition ("detained since 2022 *on Wednesday*") when an open range on the
    same verb comes before it (a "since" phrase of another of ``date_ents``); None
    otherwise. The range tells how long the verb's state lasted; a point phrase after it
    belongs to the main verb, the parse having hung it on the nearer participle
    ("Iran released a French national *detained since 2022* on Wednesday": the release
    was on Wednesday; annotation guide section 7, the phrase that says when *this
    event* happened; a fresh user's trial, r27r)."""
    r = e.root
    if r.dep_ != "pobj" or r.head.dep_ != "prep" or r.head.lower_ == "since":
        return None
    p = r.head.head
    if p.pos_ not in ("VERB", "AUX"):
        return None
    for o in date_ents:
        q = o.root
        if o.end <= e.start and q.dep_ == "pobj" and q.head.lower_ == "since" \
                and q.head.dep_ == "prep" and q.head.head.i == p.i:
            return p
    return None


#: A count of units just before an "after" ("a day after", "two years after"): that clause is
#: dated from the main one (:data:`_UNITS_AFTER` in :func:`event_date`), not left undated.
_UNITS_BEFORE_MARKER = re.compile(rf"\b(?:{_NUM_RE}|\d+|a|an|hours?|days?|weeks?|months?|years?)\s*$", re.I)


def earlier_clause_span(trigger, offset: int) -> tuple[int, int] | None:
    """The character span (relative to ``offset``, the sentence's start) of the clause that
    tells the act of ``trigger`` (a spaCy token) as one done before the act of the clause it
    hangs on, or None: a past participle on a noun (``acl``, ``VBN``: "freed six nurses
    *kidnapped from a clinic last month*"), or a clause or phrase opened by a word of
    ``words.yaml`` ``earlier_act_markers`` ("called for calm on Monday *after an army raid
    killed nine farmers*", "*following the arrest* of her son"). A date phrase outside that
    span dates the other act; a phrase inside it wins over the others (annotation guide
    section 7: the phrase that says when *this event* happened; a fresh user's trial,
    r27l); with none inside, :func:`event_date` dates the act as before (the train gold
    leaves 44 of 59 such acts undated, but dates the rest by the main clause's phrase as
    often as by their own: leaving them to the story lost 10 right dates for 1 gained). None for a participle of composition (``words.yaml``
    ``composition_participles``), for one that says who holds a meeting
    (:func:`meeting_host_participle`, r28e), for a clause after a count of units ("a day after": it
    is dated from the main clause), and for a trigger that heads the sentence's clause."""
    t = trigger
    if t.pos_ == "VERB" and t.dep_ == "acl" and t.tag_ == "VBN" \
            and t.lemma_.lower() not in _word_list("composition_participles") and not meeting_host_participle(t):
        return (t.left_edge.idx - offset, t.right_edge.idx + len(t.right_edge) - offset)
    markers = _word_list("earlier_act_markers")
    w = t
    for _ in range(8):
        if w.head.i == w.i:
            return None
        if w.pos_ in ("VERB", "AUX") and w.dep_ not in ("advcl", "pcomp", "pobj"):
            return None                            # a clause of its own: a main or a content verb
        mark = None
        if w.pos_ in ("VERB", "AUX") and w.dep_ == "advcl":
            mark = next((c for c in w.children if c.dep_ in ("mark", "prep") and c.lower_ in markers
                         and c.i < w.i), None)
            span_tok = w
        elif w.dep_ in ("pobj", "pcomp") and w.head.lower_ in markers and w.head.dep_ in ("prep", "mark", "advcl"):
            mark = w.head
            span_tok = w.head
        if mark is not None:
            before = t.doc.text[max(0, mark.idx - 20):mark.idx]
            if _UNITS_BEFORE_MARKER.search(before):
                return None                        # "a day after": dated from the main clause
            a = min(mark.idx, span_tok.left_edge.idx)
            b = span_tok.right_edge.idx + len(span_tok.right_edge)
            return (a - offset, b - offset)
        w = w.head
    return None


def _clause_spans(date_ents, background, offset: int) -> tuple[tuple[int, int], ...]:
    """Character spans (relative to ``offset``) of the clauses that hold a date phrase of
    ``date_ents`` (spaCy spans) and that ``background`` (a test on the clause's verb, a
    spaCy token) calls background: from each phrase's root, the climb goes up the heads to
    the first verb, and on through verbs inside a clause (``_INNER_VERB_DEPS``) until
    ``background`` accepts one (its clause's span is kept) or a verb of another kind ends
    the climb. Shared by :func:`participle_clause_spans` and
    :func:`noun_participle_spans`. Cost: at most 12 heads per phrase."""
    out = []
    for e in date_ents:
        w = e.root
        for _ in range(12):
            if w.pos_ in ("VERB", "AUX"):
                if background(w):
                    out.append((w.left_edge.idx - offset, w.right_edge.idx + len(w.right_edge) - offset))
                    break
                if w.dep_ not in _INNER_VERB_DEPS:
                    break
            if w.head.i == w.i:
                break
            w = w.head
    return tuple(out)


def _reduced_relative_noun(w):
    """The noun a past participle ``w`` (a spaCy token) follows at once when the parse
    took it for a clause of its own (``advcl``, tagged ``VBD`` or ``VBN``) with no
    subject, auxiliary or conjunction ("dialogue under the Declaration *signed* in
    2023", parsed as "called ... signed in 2023"): a reduced relative clause on that
    noun; None otherwise."""
    if w.dep_ != "advcl" or w.tag_ not in ("VBD", "VBN") or w.i == 0:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "csubj") for c in w.children):
        return None
    prev = w.doc[w.i - 1]
    return prev if prev.pos_ in ("NOUN", "PROPN") else None


def noun_participle_spans(date_ents, trigger, offset: int) -> tuple[tuple[int, int], ...]:
    """Character spans (relative to ``offset``, the sentence's start) of the past
    participle clauses (``acl``, ``VBN``) on a noun that hold a date phrase of
    ``date_ents`` (spaCy spans) and neither hold the event's word ``trigger`` (a spaCy
    token) nor hang on it: "resume dialogue under the Argyle Declaration *signed in
    2023*", "respect the charter *adopted in 2019*". The clause tells when that thing was
    made, not when the event happened; so is a participle the parse took for a clause of
    its own right after a noun (:func:`_reduced_relative_noun`). The phrase says when it was
    made, not when the event happened (annotation guide section 7: the phrase that says
    when *this event* happened; section 4: historical means the act itself is old).
    :func:`event_date` skips a phrase there only when it lies years back: a recent one
    ("a statement emailed on Wednesday", "a lawsuit filed in February") is how the
    corpus dates the event told with it. Participles of ``words.yaml``
    ``composition_participles`` ("the delegation led by the minister") tell no earlier
    act and are left out (r24l); so is a participle in the phrase of an event noun that
    is the trigger ("the killing of inmates held in the prison on 19 June 1986", "a
    meeting with the rebels held in Madrid in October 1987": the corpus dates the noun's
    event by it, the parse hanging the phrase on the nearest noun). r25h, a fresh user's trial. Shape: a tuple of ``(start,
    end)`` pairs, end exclusive; empty when there is none."""
    composing = _word_list("composition_participles")

    def background(w) -> bool:
        noun = w.head if w.dep_ == "acl" and w.tag_ == "VBN" else _reduced_relative_noun(w)
        return bool(noun is not None and w.lemma_.lower() not in composing
                    and noun.pos_ in ("NOUN", "PROPN") and noun.i != trigger.i
                    and not (w.left_edge.i <= trigger.i <= w.right_edge.i)
                    and not (trigger.pos_ in ("NOUN", "PROPN") and trigger.left_edge.i <= w.i <= trigger.right_edge.i))
    return _clause_spans(date_ents, background, offset)


#: Dependencies a date phrase's root climbs by to the preposition it hangs in ("since *the
#: 2022 Pretoria agreement*": nummod, compound, pobj)
_NP_INNER_DEPS = frozenset({"pobj", "compound", "nummod", "amod", "det", "poss", "nmod", "npadvmod"})


def compared_since_spans(date_ents, trigger, offset: int) -> tuple[tuple[int, int], ...]:
    """Character spans (relative to ``offset``, the sentence's start) of the "since"
    phrases on a noun that hold a date phrase of ``date_ents`` (spaCy spans) when that
    noun is not the event's word ``trigger`` (a spaCy token) and does not hold it: "fighting
    broke out on Saturday ..., *the first clashes since the 2022 agreement*", "the
    largest protest since 2019". The phrase compares the act with an earlier one (an
    appositive that retells the act, "the first ... since"): its date is the earlier
    act's, never the event's, and does not make it ``historical`` (annotation guide
    section 7: the phrase that says when *this event* happened; r26u, a fresh user's
    trial). A "since" phrase on the verb ("has fought since 2022") or on the trigger
    noun itself ("the clashes since March") is left alone. :func:`event_date` takes them
    as ``elsewhere`` spans. Shape: a tuple of ``(start, end)`` pairs, end exclusive."""
    out = []
    for e in date_ents:
        w = compared_since(e.root, trigger)
        if w is not None:
            out.append((w.idx - offset, w.right_edge.idx + len(w.right_edge) - offset))
    return tuple(out)


def noun_deadline_spans(date_ents, offset: int) -> tuple[tuple[int, int], ...]:
    """Character spans (relative to ``offset``, the sentence's start) of the deadline
    phrases on a noun that hold a date phrase of ``date_ents`` (spaCy spans): a
    preposition of ``words.yaml`` ``deadline_words`` ("by", "before") whose head is a
    noun ("approved *the withdrawal* of 2,000 troops *by the end of the year*",
    "announced the handover of the base *before Friday*"). The deadline dates the act the
    noun names, still to come, not the approval or announcement told with it
    (annotation guide section 7: the phrase that says when *this event* happened;
    section 8, worked example: "in June" dates the future meeting, not the agreement).
    :func:`event_date` takes them as ``deadlines``: a phrase there that ends after
    publication is skipped unless the event is future (r26u, a fresh user's trial).
    A deadline on a verb ("ordered troops to leave by Friday") is the ``scheduled`` rule's.
    Shape: a tuple of ``(start, end)`` pairs, end exclusive."""
    from .coding.words import words

    preps = {w for w in words("deadline_words") if " " not in w}
    out = []
    for e in date_ents:
        w = e.root
        for _ in range(5):
            if w.dep_ == "prep":
                if w.lower_ in preps and w.head.pos_ in ("NOUN", "PROPN"):
                    out.append((w.idx - offset, w.right_edge.idx + len(w.right_edge) - offset))
                break
            if w.dep_ not in _NP_INNER_DEPS or w.head.i == w.i:
                break
            w = w.head
    return tuple(out)


def _summing_appositive(n) -> bool:
    """True when the noun ``n`` (a spaCy token) is an appositive set off by a comma after
    a clause or its object, summing it up (``npadvmod`` or ``appos``: "has rejected any
    mediation, *a position* it has held since 1972")."""
    return n.dep_ in ("npadvmod", "appos") and n.left_edge.i > 0 \
        and n.doc[n.left_edge.i - 1].text == ","


def compared_since(w, trigger):
    """The "since" preposition (a spaCy token) on a noun other than ``trigger`` that the
    date word ``w`` hangs in ("the first clashes *since* the 2022 agreement"), climbing at
    most five heads through a noun phrase; None when there is none. A "since" on the verb
    of a relative clause on an appositive that sums up the clause (:func:`_summing_appositive`:
    "India has rejected any mediation, *a position it has held since the 1972 accord*")
    counts too: the range tells how long the stance has stood, not when the act told
    happened, and does not make it ``historical`` (annotation guide section 7: the phrase
    that says when *this event* happened; section 11.3, background; a fresh user's
    trial, r27r). See :func:`compared_since_spans`; the coder's historical test reads it
    too."""
    for _ in range(5):
        if w.lower_ == "since" and w.dep_ == "prep":
            n = w.head
            if n.pos_ in ("VERB", "AUX") and n.dep_ == "relcl":
                n = n.head                        # "..., a position it has held since 1972"
                if not _summing_appositive(n):
                    return None
            if n.pos_ in ("NOUN", "PROPN") and n.i != trigger.i \
                    and not (n.left_edge.i <= trigger.i <= n.right_edge.i):
                return w
            return None
        if w.dep_ not in _NP_INNER_DEPS and w.dep_ != "prep" or w.head.i == w.i:
            return None
        w = w.head
    return None


def _misparsed_reduced_relative(w) -> bool:
    """True when the verb ``w`` (a spaCy token) is a reduced relative clause the parse took
    for a clause with the noun before it as subject ("handed over four citizens *detained
    last year* to the Armenian side": ``ccomp`` "detained" with ``nsubj`` "citizens"): a
    past form (``VBD``/``VBN``) right after a common noun that is its subject, with no
    auxiliary, conjunction or object of its own, under a verb that has no object and is
    no speech verb (``words.yaml`` ``reporting``: "said troops withdrew last week" is a
    real clause). Such a clause tells an earlier act done to the noun (r26u, a fresh
    user's trial)."""
    if w.dep_ != "ccomp" or w.tag_ not in ("VBD", "VBN") or w.pos_ != "VERB" or w.i == 0:
        return False
    if any(c.dep_ in ("aux", "auxpass", "mark", "dobj", "obj") for c in w.children):
        return False
    subj = [c for c in w.children if c.dep_ == "nsubj"]
    h = w.head
    return bool(len(subj) == 1 and subj[0].i == w.i - 1 and subj[0].pos_ == "NOUN"
                and h.pos_ == "VERB" and h.i < subj[0].left_edge.i
                and not any(c.dep_ in ("dobj", "obj") for c in h.children)
                and h.lemma_.lower() not in _word_list("reporting"))


def relative_clause_spans(tokens, offset: int) -> tuple[tuple[int, int], ...]:
    """Character spans (relative to ``offset``) of the relative clauses among ``tokens``
    (spaCy tokens of one sentence) that tell an earlier act done to their noun or by
    people (:func:`_of_people`: "two soldiers *they had kidnapped last month*", "the
    envoy *who was expelled in 2019*"), and the reduced relatives the parse took for a
    clause of their own (:func:`_misparsed_reduced_relative`: "handed over four citizens
    *detained last year*"), or parsed as a past participle (``acl``, ``VBN``) on a
    common noun that is the object or passive subject ("returned nine fishermen
    *arrested last year*"; not ``words.yaml`` ``composition_participles``: "the
    delegation *led by* the minister"; r26u). :func:`story_dates` does not take the story's
    lead date from a phrase inside one (a fresh user's trial, twenty-fourth round: the
    kidnapping's month dated the release and the reaction told after it). Shape: a
    tuple of ``(start, end)`` pairs, end exclusive; empty for no tokens."""
    rel = tuple((w.left_edge.idx - offset, w.right_edge.idx + len(w.right_edge) - offset)
                for w in tokens if w.dep_ == "relcl" and w.pos_ in ("VERB", "AUX") and _of_people(w))
    # "handed over four citizens detained last year": a reduced relative on the object
    # (or the passive subject), parsed as such or as a clause of its own
    composing = _word_list("composition_participles")
    return rel + tuple((w.idx - offset, w.right_edge.idx + len(w.right_edge) - offset)
                       for w in tokens if _misparsed_reduced_relative(w) or (
                           w.dep_ == "acl" and w.tag_ == "VBN" and w.head.pos_ == "NOUN"
                           and w.head.dep_ in ("dobj", "obj", "nsubjpass")
                           and w.lemma_.lower() not in composing))


#: Of the verbs that announce a scheduled act (``words.yaml`` ``scheduled_verbs``), those
#: that do so only with this object or particle ("takes effect", "kicks off").
_SCHEDULED_OBJECTS = {"take": "effect", "kick": "off"}


@lru_cache(maxsize=1)
def scheduled_verbs() -> frozenset[str]:
    """``words.yaml`` ``scheduled_verbs``: verbs that announce a scheduled act when in the
    simple present ("the truce begins Sunday", "the law takes effect on Monday", "talks
    resume Tuesday"); a date phrase of their clause is read in the future tense
    (annotation guide section 7)."""
    from .coding.words import words

    return words("scheduled_verbs")


@lru_cache(maxsize=1)
def scheduled_participles() -> frozenset[str]:
    """``words.yaml`` ``scheduled_participles``: words that tell a plan with a present
    "is"/"are" ("the next round is planned for January", "the vote is due in March"); a
    date phrase of their clause is read in the future tense (annotation guide section 7)."""
    from .coding.words import words

    return words("scheduled_participles")


@lru_cache(maxsize=1)
def future_modals() -> frozenset[str]:
    """``words.yaml`` ``future_modals``: auxiliaries of the future tense ("will", "shall",
    "'ll"); a date phrase of the clause they head is read in the future tense
    (annotation guide section 7)."""
    from .coding.words import words

    return words("future_modals")


@lru_cache(maxsize=1)
def forward_complement_heads() -> frozenset[str]:
    """``words.yaml`` ``forward_complement_heads``: verbs whose to-infinitive tells an act
    still to come ("invited Modi to visit Paris in May", "ordered the troops to leave by
    the end of the year"); a date phrase of that clause is read in the future tense
    (annotation guide section 7) and dates the later act, not the inviting or ordering
    one (section 8, worked example)."""
    from .coding.words import words

    return words("forward_complement_heads")


def _names_its_noun(t) -> bool:
    """Whether the date word ``t`` (a spaCy token: a month, a weekday or a DATE entity's
    word) dates a thing named by a noun rather than a clause's act: it premodifies the
    noun ("the April 19 agreement", "Biden's September 9 call", "Wednesday's bomb": after
    a determiner or possessive, a noun or adjective follows the date) or follows it
    with "of" ("the massacre of 16 November"). Looks at a few neighbouring tokens."""
    head = t.head
    doc = t.doc
    if head.i > t.i and head.pos_ in ("NOUN", "PROPN") and head.ent_type_ != "DATE" \
            and head.lower_ not in _MONTHS and (not (t.i > 0 and doc[t.i - 1].tag_ == "IN")
                                                or any(c.tag_ == "POS" for c in t.children)):
        return True                               # not "by Sunday or face attacks" misparsed
    if head.lower_ == "of" and head.head.pos_ == "NOUN" and head.head.i < head.i \
            and head.head.ent_type_ not in ("DATE", "TIME"):   # not "the morning of 3 November"
        return True
    if t.i == 0 or doc[t.i - 1].tag_ not in ("DT", "PRP$", "POS"):
        return False
    j = t.i + 1
    while j < len(doc) and j < t.i + 4 and (doc[j].like_num or (doc[j].ent_type_ == "DATE" and doc[j].ent_iob_ == "I")):
        j += 1
    return j < len(doc) and doc[j].pos_ in ("NOUN", "PROPN", "ADJ") and doc[j].lower_ not in _MONTHS


def scheduled_clause_spans(tokens, offset: int) -> tuple[tuple[int, int], ...]:
    """Character spans (relative to ``offset``) of the clauses among ``tokens`` (spaCy
    tokens of one sentence) that tell an act still to come, whose date phrases are read
    in the future tense (annotation guide section 7: a weekday, or a date without a
    year, of a future act is the next one):

    - a clause headed by a :func:`scheduled_verbs` verb in the simple present (tag VBZ
      or VBP, no auxiliary), or by a :func:`scheduled_participles` word after a present
      "is"/"are" ("is planned for January"): from that word to the end of its subtree
      (its subject's own clauses before it, "the meeting, resumed in September, ends
      today", keep their tense);
    - a verb with a future auxiliary of :func:`future_modals` ("will visit Chile in
      September"): from the auxiliary to the end of the verb's subtree (eighteenth
      round: "will travel to Abu Dhabi on May 16" read May 16 a year back);
    - a to-infinitive under a verb of :func:`forward_complement_heads` ("invited Modi to
      visit Paris in May", "ordered troops to leave by Friday"), a that-clause with
      "must", "should" or a bare verb under one ("demanded that the militia hand over
      its weapons by Friday"), or a condition ("if",
      "unless") under one ("threatened to call in the army if they did not leave by
      Friday"): that clause's subtree. Its act comes after the inviting, ordering or
      threatening one, which may itself lie weeks back ("decided in September to carry
      out extraditions on 18 August"), so such a span is marked ``"nearest"``: a phrase
      in it takes the occurrence nearest the publication date, before or after.

    From the last two kinds, the clauses inside them that tell an earlier act of their
    own are cut out: a verb in the simple past or the past perfect with its subtree
    ("will bring aid to more than $6 billion since Russia launched its invasion on
    February 24", "the talks that had begun on 17 October"), and a date that
    premodifies a noun ("will follow up on the September 9 call", "Wednesday's bomb").

    One pass over the sentence's tokens, looking only at each token's children. Shape: a
    tuple of ``(start, end)`` pairs, read in the future tense, ``(start, end,
    "nearest")`` triples, and ``(start, end, "past")`` triples for the clauses cut out,
    read in the past tense whatever the event's tense; end exclusive; empty when there
    is none."""
    out = []
    verbs = scheduled_verbs()
    planned = scheduled_participles()
    modals = future_modals()
    heads = forward_complement_heads()
    later: list[tuple[int, int, str]] = []        # will-clauses and forward infinitives
    earlier: list[tuple[int, int]] = []           # their past clauses and premodifying dates

    def edge(w) -> int:
        return w.right_edge.idx + len(w.right_edge) - offset

    for t in tokens:
        if t.ent_type_ == "DATE" or t.lower_ in _MONTHS or t.lower_ in _WEEKDAYS:
            if _names_its_noun(t):
                # "the April 19 agreement", "Wednesday's bomb", "the massacre of 16
                # November": the date of that thing, told in its own tense
                earlier.append((t.idx - offset, t.idx + len(t) - offset))
        if t.pos_ in ("VERB", "AUX") and (t.tag_ == "VBD" or (t.tag_ == "VBN" and any(
                c.dep_ == "aux" and c.lemma_ == "have" for c in t.children))) and t.dep_ != "ROOT":
            earlier.append((t.left_edge.idx - offset, edge(t)))
        if t.pos_ in ("VERB", "AUX") and (t.tag_ == "VB" or (t.tag_ == "VBP" and t.dep_ == "ccomp")):
            aux = [c for c in t.children if c.dep_ == "aux" and c.i < t.i]
            fut = next((c for c in aux if c.lower_ in modals and c.tag_ == "MD"), None)
            if fut is not None:
                # "will visit Chile in September": the future tense
                later.append((fut.idx - offset, edge(t), "future"))
                continue
            if t.dep_ in ("xcomp", "ccomp", "advcl") and t.head.lemma_ in heads and t.head.i < t.i and (
                    any(c.lower_ in ("to", "must", "should") for c in aux)
                    or (t.dep_ == "ccomp" and not aux and any(c.dep_ == "mark" and c.lower_ == "that"
                                                              for c in t.children))
                    or (t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                                  for c in t.children))):
                # "invited Modi to visit Paris in May": the visit is still to come; "threatened
                # to call in the army if they did not leave by Friday": so is the condition
                later.append((t.left_edge.idx - offset, edge(t), "nearest"))
                continue
        if t.lower_ in planned and t.tag_ in ("VBN", "JJ") and any(
                c.dep_ in ("auxpass", "cop") and c.tag_ in ("VBZ", "VBP") for c in t.children):
            # "the next round is planned for January", "talks are scheduled for Monday",
            # "the vote is due in March": a plan told in the present is of a later act
            out.append((t.idx - offset, t.right_edge.idx + len(t.right_edge) - offset))
            continue
        if t.lower_ in planned and t.dep_ == "acomp" and t.head.lemma_ == "be" and t.head.tag_ in ("VBZ", "VBP"):
            # "the vote is due in February": the parser hangs the date on "is"
            out.append((t.head.idx - offset, t.head.right_edge.idx + len(t.head.right_edge) - offset))
            continue
        if t.lemma_ not in verbs or t.tag_ not in ("VBZ", "VBP") or t.pos_ != "VERB":
            continue
        need = _SCHEDULED_OBJECTS.get(t.lemma_)
        if need and not any(c.lower_ == need for c in t.children):
            continue
        out.append((t.idx - offset, t.right_edge.idx + len(t.right_edge) - offset))
    for a, b, how in later:
        # only a past clause inside the later one is cut out: one that holds it ("expelled
        # the envoy and ordered troops to leave by the end of June": the conjunct "ordered"
        # is past, its infinitive still to come) left the deadline read in the past
        # (nineteenth round, a fresh user's trial)
        cuts = sorted((ea, eb) for ea, eb in earlier if a <= ea and eb <= b and (ea, eb) != (a, b))
        out.extend((ea, eb, "past") for ea, eb in cuts)
        for ea, eb in cuts + [(b, b)]:
            if ea > a:
                out.append((a, ea) if how == "future" else (a, ea, how))
            a = max(a, eb)
    return tuple(out)


#: An age or a bare small number the NER tags DATE ("Omarov, 40,", "aged 72"): no date
#: (the coder leaves these out of ``date_ents`` the same way).
_BARE_NUMBER = re.compile(r"^\s*(?:aged?\s+)?\d{1,3}(?:\s*-?\s*years?\s*-?\s*old)?\s*$", re.I)


def story_sentences(text: str, sents, ents=None) -> list[StorySentence]:
    """The :class:`StorySentence` list of a parsed story, for :func:`story_dates`.

    Args:
        text: the story text (``Story.text``), or the parsed text (``doc.text``: the same
            with its case restored when the story was all capitals, same length).
        sents: its sentences in order, objects with ``start_char``, ``end_char`` and
            ``ents`` (entities with ``start_char``, ``end_char``, ``label_``, ``text``),
            i.e. spaCy's ``doc.sents``, the segmentation the coder numbers sentences by.
        ents: the document's entities in order (``doc.ents``), each with ``start`` and
            ``end`` token indices, read instead of each sentence's ``ents`` (which
            rescans the whole document's entities per sentence); the sentences then
            need ``start`` and ``end`` too. An entity belongs to the sentence holding
            all its tokens, as with ``Span.ents``. None: each sentence's ``ents``.
    Returns:
        one :class:`StorySentence` per sentence: the stripped text and the offsets of its
        DATE/TIME entities in it, ages and bare numbers left out.
    """
    out = []
    dated = None if ents is None else [e for e in ents if e.label_ in ("DATE", "TIME")]
    k = 0
    prev_end = 0
    for sent in sents:
        raw = text[sent.start_char:sent.end_char]
        off = sent.start_char + len(raw) - len(raw.lstrip())
        if dated is None:
            mine = [e for e in sent.ents if e.label_ in ("DATE", "TIME")]
        else:
            while k < len(dated) and dated[k].start < sent.start:
                k += 1
            mine = []
            while k < len(dated) and dated[k].end <= sent.end:
                mine.append(dated[k])
                k += 1
        found = tuple((e.start_char - off, e.end_char - off) for e in mine if not _BARE_NUMBER.match(e.text))
        toks = []
        if len(out) < LEAD_SENTENCES:             # story_dates reads them in the lead only
            try:
                toks = list(sent)
            except TypeError:
                pass                              # sentences given as plain spans, no tokens
        sched = scheduled_clause_spans(toks, off)
        content = tuple((v.idx - off, a, b) for v in toks if v.pos_ == "VERB"
                        for a, b in content_clause_spans(v, off))
        gap = text[prev_end:sent.start_char] + raw[:len(raw) - len(raw.lstrip())]
        before = text[:prev_end].rstrip()
        goes_on = bool(out) and "\n" not in gap and bool(before) and before[-1].isalnum()
        prev_end = sent.end_char
        out.append(StorySentence(raw.strip(), found, sched, content, relative_clause_spans(toks, off), goes_on))
    return out


#: How many sentences from the top of a story make its lead (wire style: the lead
#: paragraph is one or two sentences, often after a headline-like first sentence).
LEAD_SENTENCES = 3
#: Days before publication beyond which an event is background (``historical``):
#: docs/annotation.md, "Auxiliary modes": "dated more than about a year before
#: publication".
HISTORICAL_DAYS = 365
#: How far after the first event the same event may be retold with the lead's date
#: ("X has signed a measure ..." then "X signed the legislation late Tuesday").
RETOLD_SENTENCES = 5
#: How many sentences a date carries through a chain of continuing sentences; past
#: that, a sentence that points back falls to the lead's date.
CHAIN_SENTENCES = 4
#: Longest interval (days) a lead date may cover: a lead dated only to a year, or by an
#: open range ("since 2022"), names the story's background, not its news.
LEAD_MAX_DAYS = 31

_LEADING_WORDS = r"^[\s\"'\u201c\u2018(\[-]*(?i:(?:but|and|yet|so|however|still|also|now)\b,?\s*)*"
#: a subject that points back: a personal pronoun, or a definite or demonstrative noun
#: phrase whose next word is a common noun or an adjective ("The officials", "The two
#: leaders", "This decision"), not a name ("The U.N.", "The Kremlin")
_ANAPHOR = re.compile(_LEADING_WORDS + r"(?:(?i:he|she|they|we|it|his|her|their|its)\b|"
                      r"(?i:this|that|these|those|such|both)\s+\w|[Tt]he\s+[a-z])")
#: a step of the narrative after the previous one, or a reply to it
_CONNECTIVE = re.compile(_LEADING_WORDS + r"(?i:later|then|afterwards?|subsequently|in\s+response|"
                         r"in\s+reply|in\s+return|shortly\s+after(?:wards)?|soon\s+after(?:wards)?)\b")
_OPEN_QUOTES = "\"\u201c"
_INTERVIEW = re.compile(r"\binterview|\b(?:spoke|talked)\s+(?:to|with)\b", re.I)
_QUESTION = re.compile(r"^\s*(?:VOA|Q|Question|Interviewer)\s*:", re.I)
#: a phrase dating the event relative to the one told before it ("two days later",
#: "the next day", "the day before", "later that day"): resolved against that event
_REL_SCENE = re.compile(
    rf"\b(?:(?P<n>{_NUM_RE}|\d+)\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>later|earlier|"
    rf"afterwards?)|the\s+(?P<nd>next|following|previous)\s+(?P<unit2>day|morning|evening|"
    rf"night|week|month|year)|the\s+day\s+(?P<ba>before|after)(?=\s*[,.;:]|\s*$)|"
    rf"(?:later|earlier)\s+that\s+(?:day|morning|evening|week|month)|(?:on\s+)?(?:that|the)\s+"
    rf"same\s+day)\b", re.I)


def _quote_open(text: str) -> bool:
    """Whether ``text`` ends inside a quotation (an unbalanced opening quote)."""
    if text.count("\u201c") > text.count("\u201d"):
        return True
    return text.count('"') % 2 == 1


def _is_background(d: EventDate, pub: date | None) -> bool:
    """Whether a date lies over :data:`HISTORICAL_DAYS` before publication (its end)."""
    if pub is None or d.source == "publication":
        return False
    return date.fromisoformat(d.end) < pub - timedelta(days=HISTORICAL_DAYS)


def _days(d: EventDate) -> int:
    return (date.fromisoformat(d.end) - date.fromisoformat(d.start)).days + 1


def _borrow(d: EventDate, source: str = "story") -> EventDate:
    """``d`` lent to another event: the same interval and phrase, another source."""
    if d.source == "publication":
        return d
    return EventDate(start=d.start, end=d.end, granularity=d.granularity, text=d.text,
                     source=source)


def _lendable(d: EventDate, aux: set[str], pub: date | None) -> bool:
    """A date that starts after publication is never lent to an event told as done."""
    if pub is None or d.source == "publication" or aux & {"future", "hypothetical"}:
        return True
    return date.fromisoformat(d.start) <= pub


def _shift_scene(m: re.Match, scene: EventDate) -> EventDate:
    """Resolve a phrase of :data:`_REL_SCENE` against the date of the event before it."""
    lo, hi = date.fromisoformat(scene.start), date.fromisoformat(scene.end)
    if m["n"]:
        n, vague = _count(m["n"].lower())
        unit, sign = m["unit"].lower(), (-1 if m["dir"].lower() == "earlier" else 1)
        if vague:    # "several months later": two to seven units (as ``_VAGUE``)
            a, b = _shift(lo, unit, sign * 2), _shift(hi, unit, sign * 7)
            lo, hi = min(a, b), max(a, b)
        else:
            lo, hi = _shift(lo, unit, sign * n), _shift(hi, unit, sign * n)
    elif m["nd"]:
        unit = {"morning": "day", "evening": "day", "night": "day"}.get(m["unit2"].lower(),
                                                                         m["unit2"].lower())
        sign = -1 if m["nd"].lower() == "previous" else 1
        lo, hi = _shift(lo, unit, sign), _shift(hi, unit, sign)
        if unit != "day":
            lo, hi = _period(lo, unit)[0], _period(hi, unit)[1]
    elif m["ba"]:
        sign = -1 if m["ba"].lower() == "before" else 1
        lo, hi = lo + timedelta(days=sign), hi + timedelta(days=sign)
    return EventDate(start=lo.isoformat(), end=hi.isoformat(), granularity=_granularity_of(lo, hi),
                     text=m[0], source="story")


def _trigger_char(sentence: str, trigger: str | None) -> int | None:
    if not trigger:
        return None
    i = sentence.find(trigger.split()[0])
    return i if i >= 0 else None


def _historical_date(sentence: str, ents, trigger: str | None, pub: date) -> EventDate | None:
    """The phrase of ``sentence`` nearest the trigger that lies over a year before
    publication ("in 2016", "decades ago"), as a date; None when there is none."""
    at = _trigger_char(sentence, trigger)
    best: tuple[float, EventDate] | None = None
    for a, b, text, r in _phrases(sentence, pub, True, "past", ents):
        d = _from_resolution(r, text)
        if not _is_background(d, pub):
            continue
        cost = a if at is None else _gap_cost(sentence, a, b, at)
        if best is None or cost < best[0]:
            best = (cost, d)
    return best[1] if best else None


def _over_period(d: EventDate, period: tuple[date, date, str] | None) -> EventDate:
    """``d`` widened to every day its phrase can mean when the publication date is known
    only to a month or year (``period``, :func:`pub_period`): "yesterday" in a story of
    March 2025 is 28 February .. 30 March (granularity from the length), not the day
    before the month's last day; "Monday" is any Monday from the week before the month
    to its last Monday. A phrase that names its own date ("March 5", "in 2019") is kept
    as read from the period's last day: it reads the same from either end, or moves by
    more than the period (from 1 March, "March 5" in the past tense is last year's),
    which is the year being inferred, not a count from publication. Every date is kept
    as it is when ``period`` is None."""
    if period is None or not d.text or d.granularity == "story":
        return d
    lo, hi = resolve(d.text, period[0]), resolve(d.text, period[1])
    if lo.first is None or hi.last is None or (lo.first, lo.last) == (hi.first, hi.last):
        return d
    if _NAMES_ITS_DATE.search(d.text):
        return d  # "March 5" read as last year's from March 1: a year inferred, not counted
    if (date.fromisoformat(hi.first) - date.fromisoformat(lo.first)).days > (period[1] - period[0]).days + 6:
        # a count from publication moves with it, a weekday by up to six days more (a
        # month ending on a Monday reads "Monday" as that day, from its first day as the
        # Monday before); anything further is no count from publication
        return d
    start, end = min(lo.first, d.start), max(hi.last, d.end)
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    # as uncertain as the publication date itself: a weekday read over March 2025 spans
    # 36 days, which is the month's granularity, not a year's
    gran = _granularity_of(first, last)
    if (last - first).days <= (period[1] - period[0]).days + 7 and _GRANULARITY_RANK[gran] > _GRANULARITY_RANK[period[2]]:
        gran = period[2]
    return EventDate(start=start, end=end, text=d.text, source=d.source, granularity=gran)


def _dateline_chars(text: str) -> int:
    """How many characters of a story sentence its dateline takes ("BEIRUT, March 18 -",
    alone or before the lead: :func:`tidings.analyse.dateline_end`), 0 when it starts
    with none."""
    from tidings.analyse import dateline_end

    end = dateline_end(text + " x" if text.rstrip().endswith("-") else text, 0)
    return min(end, len(text)) if end else 0


def story_dates(events: list, pub_date: Any, sentences: list[StorySentence] | None = None,
                today: date | None = None, dateline: DatelineDate | None = None) -> list:
    """Date the events of one story from the story, not only from their own sentence.

    Called once per story on the coder's events (``tidings.engines.worker``). Each event
    keeps the date of its own sentence's phrase when it has one (``source`` ``sentence``);
    an event whose sentence names no date takes, in this order:

    1. a phrase relative to the event told before ("two days later", "the next day",
       "the day before", "later that day"), counted from the latest date the story gave
       before it, a background one too ("in 1950 ... Several months later"; the event
       is then ``historical``);
    2. inside an interview (from the first ``VOA:``/``Q:`` question on), the interview's
       date: that of the sentence announcing it ("in an interview on Tuesday", "VOA
       spoke with ...") when it has one, else the lead's (4);
    3. the date of the event it continues, when its sentence points back: a pronoun or
       definite subject ("He", "The officials", "This decision"), a connective ("Later",
       "In response"), a quotation that goes on, the same event type as the event
       before (the same event told again), or the same place named again. The event
       before is that of the latest sentence with an event, or with a date phrase of a
       month or less that is not background ("At the meeting in Malta in early
       December, ..."); after a background sentence there is none, so a pointer back
       does not reach past it; a date carries through at most
       :data:`CHAIN_SENTENCES` sentences after the one that wrote it;
    4. the story's lead event: the date of the story's first event when it has one, else
       the date that event is retold with within :data:`RETOLD_SENTENCES` sentences (an
       event of the same type), else the first date phrase of the first
       :data:`LEAD_SENTENCES` sentences (a reporting clause's too); in each case dated
       to a month or finer (:data:`LEAD_MAX_DAYS`), not background and not after
       publication. A dateline's date ("BEIRUT, March 18 -") is no phrase of the lead
       sentences: it is the lead only when the sentence after it (the dateline's own
       rest, or the next sentence when the dateline stands alone) has no phrase that
       leads (r26k). The event gets the interval from the lead's start to publication
       (what a story tells after its lead, reactions and follow-ups, falls there),
       granularity from its length;
    5. the publication date (granularity ``story``, ``source`` ``publication``): nothing
       in the story dates it. A publication date known only to the month or year
       (``2025-03``, ``2025``; :func:`pub_period`) gives the whole period instead, with
       granularity ``month`` or ``year``. When the story's dateline date is the
       reference (``dateline``), that day instead, still granularity ``story`` (the
       story's own date, no phrase about the event), but ``source`` ``story`` and the
       dateline's date as ``text``: the date came from the story's text, not from its
       publication date.

    Dates 1-4 have ``source`` ``story`` and keep the lending phrase as ``text``. A date
    that starts after publication is never lent to an event not marked future or
    hypothetical. **Background**: an event dated over :data:`HISTORICAL_DAYS` before
    publication gets the aux mode ``historical``; an event the coder marked
    ``historical`` is dated by its own sentence's background phrase ("in 2016", "decades
    ago": a coarse range) when there is one; background dates are never lent to other
    events, nor do historical events borrow one; one with no phrase of its own keeps
    the publication date.

    Args:
        events: the story's :class:`tidings.records.Event` list in sentence order, as
            the coder returns it (dated by :func:`event_date` sentence by sentence).
        pub_date: the story's publication date (see :func:`resolve`), or None.
        sentences: every sentence of the story by sentence index (:class:`StorySentence`),
            so that sentences without events can date the ones after them; None: only
            the events' own sentences are read.
        today: the coding date used when ``pub_date`` is missing (default: today).
        dateline: the story's dateline date when the caller made it the reference date
            (:func:`reference_date`: then ``pub_date`` is ``dateline.date``), or None.
    Returns:
        new :class:`~tidings.records.Event` objects (same order; inputs not changed) with
        ``date`` (and ``aux_modes``) set as above.
    """
    from dataclasses import replace

    if not events:
        return []
    pub = _parse_pub(pub_date)
    base = pub or today or date.today()
    base_iso = base.isoformat()
    publication = EventDate(start=base_iso, end=base_iso, granularity="story", text=None,
                            source="publication")
    if dateline is not None and dateline.date == base_iso:
        # the dateline's day: the story's own date, written in it (issue 16)
        publication = EventDate(start=base_iso, end=base_iso, granularity="story",
                                text=dateline.text, source="story")
    period = pub_period(pub_date)
    if period is not None:  # published "2025-03": the month, never a made-up day
        publication = EventDate(start=period[0].isoformat(), end=period[1].isoformat(),
                                granularity=period[2], text=None, source="publication")
    n = max(len(sentences or ()), 1 + max(e.sentence_index for e in events))
    texts = [""] * n
    ents: list[tuple[tuple[int, int], ...]] = [()] * n
    sched: list[tuple[tuple[int, int], ...]] = [()] * n
    content: list[tuple[tuple[int, int, int], ...]] = [()] * n
    aside: list[tuple[tuple[int, int], ...]] = [()] * n
    goes_on = [False] * n
    for i, s in enumerate(sentences or ()):
        texts[i], ents[i], sched[i], content[i] = s.text, tuple(s.date_ents), tuple(s.scheduled), tuple(s.content)
        aside[i], goes_on[i] = tuple(s.aside), s.goes_on
    # the story's dateline ("BEIRUT, March 18 - ..."), in its first sentence or, after a
    # title line, its second: its date is the day the story was filed (the reference
    # date, :func:`reference_date`), no date of an event; read as a phrase of the lead it
    # dated every later event to the filing day instead of the lead's own "on Tuesday"
    # (docs/annotation.md section 7: an event is dated by the story's narrative)
    lined = [0] * n
    for i in range(min(n, 2)):
        end = _dateline_chars(texts[i])
        if end:
            lined[i] = end
            ents[i] = tuple(x for x in ents[i] if x[0] >= end)
            break
    by_sent: dict[int, list[int]] = {}
    for k, e in enumerate(events):
        by_sent.setdefault(e.sentence_index, []).append(k)
        if not texts[e.sentence_index]:
            texts[e.sentence_index] = e.sentence

    # 1. own dates; background events are historical and dated by their background phrase
    own: list[EventDate | None] = []
    aux: list[set[str]] = []
    for e in events:
        d = e.date if e.date.granularity != "story" else None
        a = set(e.aux_modes)
        nxt = e.sentence_index + 1
        if d is None and nxt < n and goes_on[nxt] and texts[nxt]:
            # the parser cut the sentence after a word ("... near the Ta Muen | Thom temple
            # on Tuesday, the Thai army said."): the rest of it dates the event
            rest = event_date(texts[nxt], pub, None, ents[nxt], None, today)
            d = rest if rest.granularity != "story" else None
        if "historical" in a and pub is not None and (d is None or not _is_background(d, pub)):
            d = _historical_date(texts[e.sentence_index], ents[e.sentence_index], e.trigger, pub) or d
        if d is not None:
            d = EventDate(start=d.start, end=d.end, granularity=d.granularity, text=d.text,
                          source="sentence")
            d = _over_period(d, period)
            if _is_background(d, pub) and not a & {"future", "hypothetical"}:
                a.add("historical")
        own.append(d)
        aux.append(a)
    # dates of the sentences without events (background and long spans set no scene)
    quiet: dict[int, EventDate] = {}
    quiet_any: dict[int, EventDate] = {}     # background too: what "years later" counts from
    for i in range(n):
        if i not in by_sent and texts[i]:
            said = " " * lined[i] + texts[i][lined[i]:]       # the dateline read as blank
            d = _over_period(event_date(said, pub, None, ents[i], None, today), period)
            if d.granularity != "story":
                quiet_any[i] = d
                if not _is_background(d, pub) and _days(d) <= LEAD_MAX_DAYS:
                    quiet[i] = d

    # 2. the lead: the first event's own date, or the date it is retold with, or the first
    # date of the lead sentences
    def leads(d: EventDate | None, a: set[str]) -> bool:
        return d is not None and not _is_background(d, pub) and not a & {"future", "hypothetical"} \
            and _days(d) <= LEAD_MAX_DAYS and (pub is None or date.fromisoformat(d.start) <= pub)

    first = min(by_sent)
    lead_ks = by_sent[first] if first < LEAD_SENTENCES else []
    # an act told in a relative clause ("released two soldiers they had kidnapped last
    # month") is an earlier act done to a party of the news, not the story's lead
    inner = {k for k, e in enumerate(events) if any(
        sa <= (_trigger_char(texts[e.sentence_index], e.trigger) or -1) < sb for sa, sb in aside[e.sentence_index])}
    lead_ks = [k for k in lead_ks if k not in inner] or lead_ks
    lead = next((own[k] for k in lead_ks if leads(own[k], aux[k])), None)
    if lead is None and lead_ks:
        types = {events[k].event_type for k in lead_ks}
        lead = next((own[k] for k, e in enumerate(events)
                     if first < e.sentence_index <= first + RETOLD_SENTENCES
                     and e.event_type in types and leads(own[k], aux[k])), None)
    # the dateline's own date ("BOGOTA, 26 SEP 89 (DPA) --") is the lead only when the
    # story's first sentence after it has no date phrase that leads (wire copy: the news
    # is the filing day's unless the lead sentence says "on Tuesday")
    at_line = next((i for i in range(n) if lined[i]), None)
    body = None if at_line is None else at_line + (not texts[at_line][lined[at_line]:].strip())
    filed = None
    if at_line is not None:
        filed = next((d for d in (_from_resolution(r, t) for a, b, t, r in _phrases(
            texts[at_line][:lined[at_line]], base, pub is not None, None, (), ())) if leads(d, set())), None)
    for i in range(min(n, LEAD_SENTENCES)):
        if lead is not None:
            break
        if body is not None and i > body and filed is not None:
            lead = filed
            break
        # any phrase of a lead sentence, a reporting clause's too ("told a court on
        # Tuesday that he tried to kill her in 2022": the news is Tuesday's)
        # an open range in the content clause of one of the sentence's events tells how
        # long its subject matter went on ("accused X of jailing critics since 2021")
        trig = {_trigger_char(texts[i], events[k].trigger) for k in by_sent.get(i, [])}
        about = [(a, b) for v, a, b in content[i] if v in trig]
        cands = [(own[k], aux[k]) for k in by_sent.get(i, []) if k not in inner] + [
            (_from_resolution(r, t), set()) for a, b, t, r in _phrases(
                texts[i], base, pub is not None, None, ents[i], sched[i])
            if not _YEAR_AGE.search(t) and not (r.reason == OPEN_RANGE and any(fa <= a and b <= fb for fa, fb in about))
            and a >= lined[i]                                  # the dateline's filing date
            and not any(sa <= a and b <= sb for sa, sb in aside[i])  # "soldiers they had kidnapped last month"
            and not _names_a_thing(texts[i], a, b, t)]     # "the October election": the election's month
        lead = next((d for d, a in cands if leads(d, a)), None)
    if lead is None and filed is not None and (body is None or body < min(n, LEAD_SENTENCES)):
        lead = filed
    if lead is not None and pub is not None and date.fromisoformat(lead.end) < pub:
        lo, hi = date.fromisoformat(lead.start), pub
        lead = EventDate(start=lead.start, end=pub.isoformat(), granularity=_granularity_of(lo, hi),
                         text=lead.text, source="story")
    elif lead is not None:
        lead = _borrow(lead)

    # 3. the walk through the story
    final: list[EventDate] = [publication] * len(events)
    scene: EventDate | None = None      # date of the latest sentence with an event or a date
    scene_i = scene_from = -1           # that sentence; the sentence its date was written in
    scene_types: set[str] = set()
    anchor: EventDate | None = None     # the latest date written or lent, background too
    intro: EventDate | None = None      # date of a sentence announcing an interview
    interview: EventDate | None = None
    for i in range(n):
        text = texts[i]
        ks = by_sent.get(i, [])
        if interview is None and _QUESTION.match(text):
            interview = intro or lead or publication
        if interview is None and _INTERVIEW.search(text):
            intro = next((own[k] for k in ks if own[k] is not None
                          and not _is_background(own[k], pub)), quiet.get(i, intro))
        if not ks:
            if i in quiet:
                scene, scene_i, scene_from, scene_types = quiet[i], i, i, set()
            elif i in quiet_any:
                scene, scene_types = None, set()    # background: what follows may not continue it
            anchor = quiet_any.get(i, anchor)
            continue
        prev = texts[i - 1] if i else ""
        rel = _REL_SCENE.search(text)
        pointer = bool(_ANAPHOR.match(text)) or bool(
            _CONNECTIVE.match(text)) or text.lstrip()[:1] in _OPEN_QUOTES or _quote_open(prev)
        near = scene is not None and i - scene_from <= CHAIN_SENTENCES
        from_i = [i] * len(ks)
        for j, k in enumerate(ks):
            e, a = events[k], aux[k]
            if own[k] is not None:
                final[k] = own[k]
                continue
            try:
                shifted = _shift_scene(rel, anchor) if rel and anchor is not None else None
            except (ValueError, OverflowError):
                shifted = None            # "3000 years later": outside the calendar
            if shifted is not None and _lendable(shifted, a, pub):
                final[k] = shifted        # "two days later": counted from the date before
                if _is_background(shifted, pub) and not a & {"future", "hypothetical"}:
                    a.add("historical")
                continue
            if "historical" in a:
                continue                  # background: never a neighbour's date
            named = getattr(e, "named_place", None) or (e.location.text if e.location is not None else None)
            place = named.lower() if named else None
            cue = pointer or e.event_type in scene_types or bool(place and len(place) > 2 and (
                place in prev.lower() or (scene_i >= 0 and place in texts[scene_i].lower())))
            if interview is not None and _lendable(interview, a, pub):
                final[k] = _borrow(interview)
            elif cue and near and _lendable(scene, a, pub):
                final[k], from_i[j] = _borrow(scene), scene_from
            elif lead is not None and _lendable(lead, a, pub):
                final[k] = lead
        anchor = next((final[k] for k in ks if final[k].source != "publication"), anchor)
        # only an earlier act told in a relative clause ("handed over four citizens
        # detained last year"): its date sets no scene when the sentence has a phrase of
        # its own outside that clause ("on Wednesday"), which does (r26u)
        told = next((d for d in (_from_resolution(r, t) for a, b, t, r in _phrases(
            texts[i], base, pub is not None, None, ents[i], sched[i])
            if a >= lined[i] and not any(sa <= a and b <= sb for sa, sb in aside[i])
            and not _YEAR_AGE.search(t)) if leads(d, set())), None) \
            if ks and all(k in inner for k in ks) else None
        main = next((j for j, k in enumerate(ks) if not _is_background(final[k], pub)
                     and "historical" not in aux[k]), None)
        if told is not None:
            scene, scene_i, scene_from, scene_types = _borrow(told), i, i, set()
        elif main is not None:
            scene, scene_i, scene_from = final[ks[main]], i, from_i[main]
            scene_types = {events[k].event_type for k in ks}
        else:
            scene, scene_types = None, set()        # a background sentence lends nothing
    return [replace(e, date=final[k], aux_modes=_aux_list(e.aux_modes, aux[k]))
            for k, e in enumerate(events)]


def _aux_list(old: list[str], new: set[str]) -> list[str]:
    """``old`` with the modes ``new`` adds, appended in the contract's order."""
    from tidings.records import AUX_MODES

    return list(old) + [m for m in AUX_MODES if m in new and m not in old]
