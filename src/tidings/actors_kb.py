"""The world actor knowledge base: parsers and schemas of its compact data files (issue 18).

Two kinds of file live under ``tidings/data/actors/`` beside the older ``people.tsv`` and
``organisations.yaml`` (see ``docs/actors.md``):

* ``holders/*.tsv``: office holders with tenure dates, written country by country;
* ``orgs/*.tsv``: organisations with aliases, country (or IGO) and sector.

Both are tab-separated and start with a ``# source: ...`` line saying where the facts come
from. ``@`` lines set the country or organisation the following rows belong to:

``@ISO3`` (a country; ``KOS`` is read as ``XKX``), ``@igo:CODE`` (an international
organisation, ``country`` null), ``@-`` (transnational: no country and no IGO, e.g. an
international NGO).

Holder rows: ``OFFICE[/Title]  name  start  end  [aliases;...]  [qid]  [nationality]``.
``OFFICE`` is a code of :data:`OFFICES` (it gives the sector and the default title), or a
sector code of :data:`SECTORS` followed by a title (``BUS/Founder of Apple Daily``); dates are
``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; an empty start means "before 1990 or unknown", an
empty end "still in office when written (2025)". Rows with the same name in the same section
are one person holding several offices. ``nationality`` (ISO3) is for IGO office holders: the
country they keep once out of office.

Organisation rows: ``SECTOR  name  [aliases;...]  [qid]``.

Parsers raise :class:`~tidings.errors.TidingsError` ``T301`` naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources

from tidings.errors import TidingsError

__all__ = ["OFFICES", "SECTORS", "HolderEntry", "OrgEntry", "parse_holders", "parse_orgs",
           "kb_files", "read_kb_file", "normalise_country", "title_key", "name_variants",
           "family_names"]

# Office codes: code -> (sector, default title).
OFFICES: dict[str, tuple[str, str]] = {
    "HOS": ("GOV", "President"),              # head of state
    "HOG": ("GOV", "Prime Minister"),         # head of government
    "VP": ("GOV", "Vice President"),
    "DPM": ("GOV", "Deputy Prime Minister"),
    "FM": ("GOV", "Foreign Minister"),
    "DM": ("GOV", "Defence Minister"),
    "IM": ("GOV", "Interior Minister"),
    "FIN": ("GOV", "Finance Minister"),
    "JUS": ("GOV", "Justice Minister"),
    "MIN": ("GOV", "Minister"),               # other ministers (title says which)
    "GOV": ("GOV", "Official"),               # other government offices (title says which)
    "NSA": ("GOV", "National Security Adviser"),
    "CB": ("GOV", "Central Bank Governor"),
    "GOVR": ("GOV", "Governor"),              # governor of a province or state
    "MAYOR": ("GOV", "Mayor"),
    "AMB": ("GOV", "Ambassador"),
    "PR": ("GOV", "Permanent Representative to the United Nations"),  # a country's UN envoy
    "ENVOY": ("GOV", "Special Envoy"),        # a government's envoy (title says for what)
    "DEPM": ("GOV", "Deputy Minister"),       # deputy/vice/state ministers, secretaries of state
    "CM": ("GOV", "Chief Minister"),          # chief minister or premier of a province or state
    "SPOX": ("GOV", "Spokesperson"),          # a government's or ministry's spokesperson
    "MILC": ("MIL", "Chief of the Armed Forces"),
    "MILB": ("MIL", "Commander"),             # chief of a service branch or command
    "POL": ("COP", "Police Chief"),
    "SPY": ("SPY", "Intelligence Chief"),
    "SPK": ("LEG", "Speaker of Parliament"),
    "LEG": ("LEG", "Member of Parliament"),
    "SEN": ("LEG", "Senator"),
    "PTY": ("PTY", "Party Leader"),
    "OPP": ("OPP", "Opposition Leader"),
    "JUD": ("JUD", "Chief Justice"),
    "REB": ("REB", "Armed Group Leader"),
    "PRM": ("PRM", "Militia Leader"),
    "REL": ("REL", "Religious Leader"),
    "CRM": ("CRM", "Crime Boss"),             # leader of a cartel or gang
    "IGO": ("GOV", "Head"),                   # head or official of an international
    "IGOG": ("GOV", "Head"),                  # organisation: GOV with the igo, as people.tsv
    "UNSR": ("IGO", "UN Special Rapporteur"),
    "PRE": ("PRE", "Leader"),                 # leader of a breakaway entity
}

# codes that name an international organisation's office: only in @igo:CODE sections
_IGO_OFFICES = frozenset(["IGO", "IGOG", "UNSR"])

SECTORS = frozenset("GOV MIL COP REB PRM UAF OPP PTY CVL REF JUD LEG SPY MED JRN EDU BUS LAB "
                    "AGR REL CRM ENV NGO IGO ELI PRE".split())

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_QID_RE = re.compile(r"^Q[1-9]\d*$")
_ISO3_RE = re.compile(r"^[A-Z]{3}$")
_IGO_RE = re.compile(r"^[A-Z][A-Za-z0-9+&-]{1,11}$")

# Phrase titles (folded words) and office titles -> the key a tenure is indexed under.
_TITLE_SYNONYMS: dict[str, str] = {
    "president": "president", "head of state": "HOS", "head of government": "HOG",
    "prime minister": "prime minister", "premier": "prime minister", "pm": "prime minister",
    "taoiseach": "prime minister",
    "chancellor": "chancellor", "federal chancellor": "chancellor",
    "king": "monarch", "queen": "monarch", "emir": "monarch", "amir": "monarch",
    "sultan": "monarch", "monarch": "monarch", "emperor": "monarch", "grand duke": "monarch",
    "supreme leader": "supreme leader", "vice president": "VP", "vice-president": "VP",
    "deputy president": "VP", "first vice president": "VP", "crown prince": "crown prince",
    "oil minister": "oil minister", "petroleum minister": "oil minister",
    "minister of petroleum": "oil minister", "minister of oil": "oil minister",
    "energy minister": "energy minister", "minister of energy": "energy minister",
    "mines minister": "mines minister", "mining minister": "mines minister",
    "minister of mines": "mines minister",
    "deputy prime minister": "DPM", "first deputy prime minister": "DPM",
    "foreign minister": "FM", "foreign secretary": "FM", "minister of foreign affairs": "FM",
    "secretary of state": "FM", "external affairs minister": "FM", "foreign affairs minister": "FM",
    "defence minister": "DM", "defense minister": "DM", "defence secretary": "DM",
    "defense secretary": "DM", "secretary of defense": "DM", "minister of defence": "DM",
    "minister of defense": "DM", "war minister": "DM",
    "interior minister": "IM", "home minister": "IM", "home secretary": "IM",
    "minister of interior": "IM", "minister of the interior": "IM", "secretary of homeland security": "IM",
    "homeland security secretary": "IM", "internal affairs minister": "IM",
    "finance minister": "FIN", "treasury secretary": "FIN", "chancellor of the exchequer": "FIN",
    "minister of finance": "FIN", "secretary of the treasury": "FIN", "economy minister": "FIN",
    "justice minister": "JUS", "attorney general": "JUS", "minister of justice": "JUS",
    "national security adviser": "NSA", "national security advisor": "NSA",
    "central bank governor": "CB", "central bank chief": "CB", "central bank head": "CB",
    "governor of the central bank": "CB", "fed chair": "CB", "fed chairman": "CB",
    "army chief": "MILC", "chief of staff of the armed forces": "MILC", "military chief": "MILC",
    "chief of general staff": "MILC", "chief of the general staff": "MILC",
    "chief of defence staff": "MILC", "chief of defense staff": "MILC", "armed forces chief": "MILC",
    "chief of army staff": "MILC", "chairman of the joint chiefs of staff": "MILC",
    "police chief": "POL", "police commissioner": "POL", "inspector general of police": "POL",
    "national police chief": "POL", "intelligence chief": "SPY", "spy chief": "SPY", "spymaster": "SPY",
    "speaker": "SPK", "parliament speaker": "SPK", "house speaker": "SPK", "speaker of parliament": "SPK",
    "speaker of the house": "SPK", "chief justice": "JUD",
    "leader of the opposition": "leader of the opposition",
    "opposition leader": "leader of the opposition",
    "leader of the official opposition": "leader of the opposition",
    "leader of the opposition in the lok sabha": "leader of the opposition",
    "leader of the opposition in the national assembly": "leader of the opposition",
    "secretary-general": "IGO", "secretary general": "IGO", "director-general": "IGO",
    "director general": "IGO", "high commissioner": "IGO", "special rapporteur": "UNSR",
    "un ambassador": "PR", "ambassador to the un": "PR", "ambassador to the united nations": "PR",
    "permanent representative to the un": "PR",
    "permanent representative to the united nations": "PR",
    "chief minister": "CM", "provincial premier": "CM",
}


def load_yaml(text: str):
    """Parse a YAML document with PyYAML's safe loader, in C when PyYAML was built with
    libyaml (the same documents about eight times faster: the knowledge base's YAML
    files were a fifth of a worker's start-up); the one YAML reader of the knowledge base
    and of user actor dictionaries (:mod:`tidings.actors`). PyYAML is imported here, on
    first use.

    Raises:
        yaml.YAMLError: when ``text`` is not valid YAML (its ``problem_mark`` says where).
    """
    from .cache import parse_yaml

    return parse_yaml(text)


def title_key(title: str) -> str | None:
    """Return the tenure key of a title ("Foreign Secretary" -> "FM", "Premier" ->
    "prime minister", "King" -> "monarch"), or None for a title tenure look-ups ignore."""
    t = " ".join(re.sub(r"[^\w\s-]", " ", title.lower()).split())
    return _TITLE_SYNONYMS.get(t)


def normalise_country(code: str | None) -> str | None:
    """Map the codes tidings accepts on input to the ones it writes: ``KOS`` -> ``XKX``."""
    if code is None:
        return None
    code = code.strip().upper()
    return "XKX" if code == "KOS" else code


@dataclass
class HolderEntry:
    """One person of a ``holders/*.tsv`` file.

    ``offices`` holds ``(code, sector, title, start, end, igo)`` with dates as the strings of
    the file (``None`` when empty); ``country`` is the section's country, or for IGO staff
    their nationality (None when not given); ``igo`` the section's IGO code."""

    name: str
    country: str | None
    igo: str | None
    qid: str | None
    aliases: list[str] = field(default_factory=list)
    offices: list[tuple[str, str, str, str | None, str | None, str | None]] = field(default_factory=list)
    source: str = ""
    line: int = 0


@dataclass
class OrgEntry:
    """One organisation of an ``orgs/*.tsv`` file (``country`` None for IGOs and
    transnational organisations)."""

    name: str
    country: str | None
    igo: str | None
    sector: str
    qid: str | None
    aliases: list[str] = field(default_factory=list)
    source: str = ""
    line: int = 0


def _err(origin: str, ln: int, msg: str) -> TidingsError:
    return TidingsError("T301", f"{origin}:{ln}: {msg}")


def _source(text: str, origin: str) -> str:
    for line in text.splitlines():
        if line.startswith("# source:"):
            src = line.partition(":")[2].strip()
            if src:
                return src
        if line.strip() and not line.startswith("#"):
            break
    raise _err(origin, 1, "the file must start with a '# source: ...' line")


def _section(arg: str, origin: str, ln: int,
             countries: frozenset[str] | None) -> tuple[str | None, str | None]:
    arg = arg.strip()
    if arg == "-":
        return None, None
    if arg.startswith("igo:"):
        code = arg[4:].strip()
        if not _IGO_RE.match(code):
            raise _err(origin, ln, f"bad IGO code {code!r}")
        return None, code
    iso = normalise_country(arg)
    if not iso or not _ISO3_RE.match(iso) or (countries is not None and iso not in countries):
        raise _err(origin, ln, f"unknown country code {arg!r} (ISO 3166-1 alpha-3 or XKX)")
    return iso, None


def _date(s: str, origin: str, ln: int) -> str | None:
    s = s.strip()
    if not s:
        return None
    if not _DATE_RE.match(s):
        raise _err(origin, ln, f"bad date {s!r} (YYYY-MM-DD, YYYY-MM or YYYY)")
    parts = [int(p) for p in s.split("-")]
    if not 1900 <= parts[0] <= 2030 or (len(parts) > 1 and not 1 <= parts[1] <= 12) or \
            (len(parts) > 2 and not 1 <= parts[2] <= 31):
        raise _err(origin, ln, f"date out of range {s!r}")
    return s


def _aliases(s: str) -> list[str]:
    return [a.strip() for a in s.split(";") if a.strip() and a.strip() != "-"]


def _qid(s: str, origin: str, ln: int) -> str | None:
    s = s.strip()
    if not s or s == "-":
        return None
    if not _QID_RE.match(s):
        raise _err(origin, ln, f"bad Wikidata id {s!r}")
    return s


def parse_holders(text: str, origin: str = "<holders>",
                  countries: frozenset[str] | None = None) -> list[HolderEntry]:
    """Parse a ``holders/*.tsv`` file into people with dated offices.

    Args:
        text: the file's text. origin: its name, for messages.
        countries: the accepted ISO3 codes (None: any three capitals).

    Returns:
        One :class:`HolderEntry` per person (rows with the same name in one section merge).

    Raises:
        TidingsError: ``T301`` on a missing source line, an unknown office code, country or
        sector, an IGO office (``IGO``, ``IGOG``, ``UNSR``) outside an ``@igo:`` section, a
        bad date, an end before the start, or a row outside any section.
    """
    source = _source(text, origin)
    out: list[HolderEntry] = []
    by_name: dict[tuple[str | None, str | None, str], HolderEntry] = {}
    for ln, country, igo, cols in _section_rows(text, origin, countries, 3, 7):
        office, name, start, end, aliases, qid, nat = cols
        code, _, title = office.partition("/")
        if code in OFFICES:
            sector, default_title = OFFICES[code]
        elif code in SECTORS and title.strip():
            sector, default_title = code, ""  # another office of that sector, titled
        else:
            raise _err(origin, ln, f"unknown office code {code!r} (a code of OFFICES, or a "
                                   "sector code with a /Title)")
        if not name:
            raise _err(origin, ln, "row without a name")
        if code in _IGO_OFFICES and not igo:
            raise _err(origin, ln, f"office {code} belongs in an @igo:CODE section (an "
                                   "organisation's officials; the nationality goes last)")
        s, e = _date(start, origin, ln), _date(end, origin, ln)
        if s and e and e < s:
            raise _err(origin, ln, f"office ends ({e}) before it starts ({s})")
        nat = normalise_country(nat) if nat else None
        if nat and (not _ISO3_RE.match(nat) or (countries is not None and nat not in countries)):
            raise _err(origin, ln, f"unknown nationality {nat!r}")
        k = (country, igo, name)
        ent = by_name.get(k)
        if ent is None:
            ent = HolderEntry(name, country or nat, igo, None, source=source, line=ln)
            by_name[k] = ent
            out.append(ent)
        ent.qid = ent.qid or _qid(qid, origin, ln)
        ent.country = ent.country or nat
        for a in _aliases(aliases):
            if a not in ent.aliases:
                ent.aliases.append(a)
        ent.offices.append((code, sector, title.strip() or default_title, s, e, igo))
    return out


def _section_rows(text: str, origin: str, countries: frozenset[str] | None, least: int, most: int):
    """Yield ``(line number, country, igo, columns)`` for each data row of a sectioned TSV
    file (``@COUNTRY``, ``@igo:CODE`` or ``@-`` lines open a section); ``columns`` are
    stripped and padded to ``most`` (trailing empty columns may be left out).

    Raises:
        TidingsError: ``T301`` on a row before any section or with too few or many columns.
    """
    country = igo = None
    in_section = False
    for ln, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@"):
            country, igo = _section(line[1:], origin, ln, countries)
            in_section = True
            continue
        if not in_section:
            raise _err(origin, ln, "row before any @COUNTRY, @igo:CODE or @- line")
        cols = line.rstrip("\n").split("\t")
        if not least <= len(cols) <= most:
            raise _err(origin, ln, f"expected {least} to {most} tab-separated columns, got {len(cols)}")
        yield ln, country, igo, [c.strip() for c in cols + [""] * (most - len(cols))]


def parse_orgs(text: str, origin: str = "<orgs>",
               countries: frozenset[str] | None = None) -> list[OrgEntry]:
    """Parse an ``orgs/*.tsv`` file into organisations.

    Returns:
        One :class:`OrgEntry` per row.

    Raises:
        TidingsError: ``T301`` on a missing source line, an unknown sector or country, a bad
        Wikidata id, a wrong number of columns or a row outside any section.
    """
    source = _source(text, origin)
    out: list[OrgEntry] = []
    for ln, country, igo, cols in _section_rows(text, origin, countries, 2, 4):
        sector, name, aliases, qid = cols
        if sector not in SECTORS:
            raise _err(origin, ln, f"unknown sector {sector!r}")
        if not name:
            raise _err(origin, ln, "row without a name")
        out.append(OrgEntry(name, country, igo, sector, _qid(qid, origin, ln), _aliases(aliases),
                            source=source, line=ln))
    return out


def kb_files(kind: str) -> list[str]:
    """Names (relative to ``data/actors``) of the shipped files of one kind, sorted:
    ``kind`` is ``"holders"`` or ``"orgs"``."""
    d = resources.files("tidings") / "data" / "actors" / kind
    if not d.is_dir():
        return []
    return sorted(f"{kind}/{p.name}" for p in d.iterdir() if p.name.endswith(".tsv"))


def read_kb_file(name: str) -> str:
    """Text of a shipped data file, ``name`` relative to ``data/actors`` ("orgs/igos.tsv")."""
    p = resources.files("tidings") / "data" / "actors"
    for part in name.split("/"):
        p = p / part
    return p.read_text(encoding="utf-8")


def name_variants(text: str | None = None, origin: str = "name_variants.yaml") -> dict[str, str]:
    """Read the given-name transliteration table (``data/actors/name_variants.yaml``).

    Args:
        text: the YAML text (None: the shipped file). origin: its name, for messages.

    Returns:
        ``{variant: canonical}`` ("dmytro" -> "dmitry"), every word lower-case ASCII.

    Raises:
        TidingsError: ``T301`` when an entry is not a list of single lower-case ASCII words
        or a variant is listed under two canonical forms.
    """

    data = load_yaml(text if text is not None else read_kb_file("name_variants.yaml")) or {}
    out: dict[str, str] = {}
    word = re.compile(r"^[a-z]+$")
    for canon, variants in data.items():
        if not isinstance(canon, str) or not word.match(canon) or not isinstance(variants, list):
            raise _err(origin, 1, f"bad entry {canon!r}: a lower-case word and a list of variants")
        for v in variants:
            if not isinstance(v, str) or not word.match(v) or v == canon:
                raise _err(origin, 1, f"bad variant {v!r} of {canon!r}")
            if v in out or v in data:
                raise _err(origin, 1, f"variant {v!r} listed twice")
            out[v] = canon
    return out


def family_names(text: str | None = None,
                 origin: str = "family_names.yaml") -> tuple[frozenset[str], frozenset[str]]:
    """Read the family-name table (``data/actors/family_names.yaml``).

    Args:
        text: the YAML text (None: the shipped file). origin: its name, for messages.

    Returns:
        ``(family_first, names)``: the ISO3 codes of the countries whose names put the family
        name first, and their common family names, lower-case ASCII ("wu", "kim", "hun").

    Raises:
        TidingsError: ``T301`` when a key is missing, a country is not three capital letters,
        or a name is not one lower-case ASCII word or is listed twice.
    """

    data = load_yaml(text if text is not None else read_kb_file("family_names.yaml")) or {}
    if not isinstance(data, dict) or not isinstance(data.get("family_first"), list) \
            or not isinstance(data.get("family_names"), list):
        raise _err(origin, 1, "needs the lists family_first and family_names")
    for c in data["family_first"]:
        if not isinstance(c, str) or not re.match(r"^[A-Z]{3}$", c):
            raise _err(origin, 1, f"bad country {c!r}: an ISO3 code")
    seen: set[str] = set()
    for w in data["family_names"]:
        if not isinstance(w, str) or not re.match(r"^[a-z]+$", w):
            raise _err(origin, 1, f"bad family name {w!r}: one lower-case ASCII word")
        if w in seen:
            raise _err(origin, 1, f"family name {w!r} listed twice")
        seen.add(w)
    return frozenset(data["family_first"]), frozenset(seen)


def kb_entries(countries: frozenset[str] | None = None) -> list[dict]:
    """Every entry of the shipped actor files, in one shape (for checks and counts).

    Reads ``holders/*.tsv``, ``orgs/*.tsv``, ``people.tsv`` and ``organisations.yaml``.

    Returns:
        Dicts with ``file``, ``kind`` ("person" or "org"), ``name``, ``country`` (ISO3 or
        None), ``igo`` (code or None), ``transnational`` (True for an organisation with
        neither: an ``@-`` row or a YAML entry without country and igo), ``sector`` (an
        organisation's; for a person, the sector of their first office), ``source`` (the
        file's source line) and ``offices`` (people: ``(sector, title, start, end)`` with
        dates as written, None when empty).

    Raises:
        TidingsError: ``T301`` when a file does not parse.
    """

    out: list[dict] = []
    for f in kb_files("holders"):
        for h in parse_holders(read_kb_file(f), f, countries):
            out.append({"file": f, "kind": "person", "name": h.name, "country": h.country,
                        "igo": h.igo, "transnational": False, "sector": h.offices[0][1],
                        "source": h.source,
                        "offices": [(o[1], o[2], o[3], o[4]) for o in h.offices]})
    for f in kb_files("orgs"):
        for o in parse_orgs(read_kb_file(f), f, countries):
            out.append({"file": f, "kind": "org", "name": o.name, "country": o.country,
                        "igo": o.igo, "transnational": not (o.country or o.igo),
                        "sector": o.sector, "source": o.source, "offices": []})

    def header(text: str) -> str:
        first = [ln.lstrip("# ").strip() for ln in text.splitlines()[:3] if ln.startswith("#")]
        return " ".join(first)

    text = read_kb_file("people.tsv")
    src = header(text)
    for ln, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 5:
            raise _err("people.tsv", ln, "expected 5 tab-separated columns")
        offices = []
        for o in cols[4].split("|"):
            sec, title, start, end = (o.split(",") + ["", "", "", ""])[:4]
            offices.append((sec.partition("@")[0], title, start or None, end or None))
        igo = next((o.split(",")[0].partition("@")[2] for o in cols[4].split("|")
                    if "@" in o.split(",")[0]), "") or None
        country = normalise_country(cols[2]) if cols[2] not in ("", "-") else None
        out.append({"file": "people.tsv", "kind": "person", "name": cols[0], "country": country,
                    "igo": igo, "transnational": False, "sector": offices[0][0],
                    "source": src, "offices": offices})
    text = read_kb_file("organisations.yaml")
    src = header(text)
    data = load_yaml(text) or {}
    for sect in ("igos", "groups"):
        for e in data.get(sect) or []:
            country = normalise_country(e.get("country"))
            out.append({"file": "organisations.yaml", "kind": "org", "name": e["name"],
                        "country": None if e.get("igo") else country, "igo": e.get("igo"),
                        "transnational": not (e.get("igo") or country),
                        "sector": e.get("sector") or ((e.get("periods") or [[None]])[-1][0]),
                        "source": src, "offices": []})
    return out
