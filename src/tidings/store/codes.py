"""Country and organisation codes in store queries: which filter value is a code, which
code it stands for, and how a dyad (``USA-AZE``, ``CARICOM-GUY``) is split. One
definition for ``tidings events``, ``tidings dyads``, the REST API and the explorer
(twenty-fifth round: a code of more than five letters, ``CARICOM``, was listed by
``tidings dyads`` but refused by ``--dyad`` and by ``/dyads/CARICOM-GUY``).

The codes a store can hold are the ISO 3166-1 alpha-3 country codes and ``XKX``
(:func:`tidings.actors.country_codes`), the IGO codes of the actor KB
(:func:`tidings.actors.igo_codes`: ``EU``, ``G7``, ``ECOWAS``, ``CARICOM``,
``MERCOSUR``...), and those a user dictionary brings (docs/actors.md). Every one is
upper-case letters and digits starting with a letter (:data:`CODE_RE`; a test checks the
KB's codes against it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from tidings.actors_kb import normalise_country
from tidings.errors import StoreError

#: The shape of a country or IGO code (``USA``, ``EU``, ``G7``, ``CARICOM``,
#: ``MERCOSUR``): an upper-case letter, then upper-case letters or digits. A value of
#: this shape is a code when the store knows it (``known_code``); else it is text.
CODE_RE = re.compile(r"^[A-Z][A-Z0-9]{1,15}$")
#: Upper-case values of 2-5 letters (``USA``, ``NATO``, ``ZZZ``) are always read as codes,
#: and an unknown one is an error (``T405``), never a name: ``US`` for ``USA`` is a
#: mistake to report, not text to look for.
SHORT_CODE_RE = re.compile(r"^[A-Z]{2,5}$")


def check_code(code: str, what: str, known_code: Callable[[str], bool]) -> None:
    """Raise StoreError ``T405`` unless ``code`` names a country or IGO (``what``: the
    filter, for the message; the hint names the alpha-3 code of an alpha-2 one)."""
    if known_code(code):
        return
    import pycountry

    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if country is not None:
        hint = f"did you mean {country.alpha_3}? country codes are ISO 3166-1 alpha-3"
    else:
        hint = ("an ISO 3166-1 alpha-3 country code (USA, AZE, XKX) or an IGO code "
                "(EU, UN, NATO, ECOWAS, CARICOM)")
    if what in ("actor", "recipient"):
        hint += f"; or part of a name, in lower case ({what}=armenia)"
    raise StoreError("T405", f"unknown country or IGO code {code!r} in {what}", hint)


def code_value(value: str, what: str, known_code: Callable[[str], bool]) -> str | None:
    """Return the code an ``actor`` or ``recipient`` filter value stands for, or None
    when it is text (part of a name).

    An upper-case value of 2-5 letters is a code, checked (``ZZZ`` raises StoreError
    ``T405``); a longer or alphanumeric one of :data:`CODE_RE`'s shape (``CARICOM``,
    ``G7``) is a code when ``known_code`` knows it; a value in lower or mixed case is the
    code it spells in capitals when that is known (``usa``, ``nato``, ``caricom``: never
    "thousands"), else text (``armenia``, ``RUSSIA``)."""
    value = str(value).strip()
    if SHORT_CODE_RE.match(value):
        if not known_code(value) and kb_party(value) is not None:
            # "RSF", "M23": the acronym of a party of the actor knowledge base, no code
            # (a fresh user's --actor RSF was a T405 error; twenty-eighth round)
            return None
        check_code(value, what, known_code)
        return value
    upper = value.upper()
    if CODE_RE.match(upper) and known_code(upper):
        return upper
    return None


@lru_cache(maxsize=256)
def kb_party(value: str) -> tuple[str, str] | None:
    """Return ``(kb_id, name)`` of the knowledge-base party (an organisation, armed
    group or person; not a country) that a filter value names in full or by its
    acronym (``RSF``, ``rsf``, ``Rapid Support Forces`` -> the Rapid Support Forces),
    else None. Used to match the stored parties the resolver gave that id, whatever
    their text ("the paramilitary force" resolved to it). Loads the actor knowledge base
    once (about a second); a value the KB does not name exactly, or a country, gives
    None (countries are matched by their code)."""
    from tidings.actors import default_resolver

    value = str(value).strip()
    if not value:
        return None
    resolver = default_resolver()
    candidates = [value]
    if value.lower() in resolver.acronyms():
        candidates.append(value.upper())
    for text in candidates:
        ent = resolver.resolve(text)
        if ent is None or not ent.kb_id or ent.kb_id.startswith("tid:country/") or not ent.name:
            continue
        exact = text.lower() == ent.name.lower() or (text.isupper() and text.lower() in resolver.acronyms())
        if exact:
            return ent.kb_id, ent.name
    return None


def parse_dyad(value: str) -> tuple[str, str]:
    """Split a dyad ``"USA-AZE"`` (``"CARICOM-GUY"``, ``"EU-RUS"``) into its two codes,
    upper-cased (``"srb-xkx"`` is ``("SRB", "XKX")``), without checking that the store
    knows them (:func:`check_code` does).

    Raises:
        StoreError: ``T405`` unless ``value`` is two codes of :data:`CODE_RE`'s shape
            joined by one dash.
    """
    parts = str(value).strip().upper().split("-")
    if len(parts) != 2 or not all(CODE_RE.match(p) for p in parts):
        raise StoreError("T405", f"dyad must look like USA-AZE, not {value!r}",
                         "actor country or IGO code, a dash, recipient country or IGO "
                         "code (CARICOM-GUY)")
    return parts[0], parts[1]


def same_codes(code: str) -> tuple[str, ...]:
    """The country codes a filter's ``code`` stands for: the code tidings writes for it and
    the older code tidings still reads on input (``KOS`` and ``XKX``, Kosovo before and
    after issue 18; docs/actors.md), so that ``--actor KOS`` finds what tidings stores as
    ``XKX`` and ``--actor XKX`` what a store written before issue 18 holds as ``KOS`` (a
    fresh user's trial, nineteenth round: ``--actor KOS`` found nothing); any other code
    alone."""
    written = normalise_country(code)
    return tuple(dict.fromkeys([written, *(old for old in _OLD_CODES if normalise_country(old) == written), code]))


#: Codes tidings reads on input and writes as another (:func:`tidings.actors_kb.normalise_country`).
_OLD_CODES = ("KOS",)



@lru_cache(maxsize=256)
def country_of_name(value: str) -> str | None:
    """The ISO 3166-1 alpha-3 code of the country ``value`` names in full, in any case
    ("Mali", "armenia", "United Kingdom"; pycountry's names, official names and common
    names), else None ("Mal", "Georgian")."""
    import pycountry

    if len(value) < 4:
        return None          # codes are handled before; "Mal" names no country
    try:
        return pycountry.countries.lookup(value).alpha_3
    except LookupError:
        return _news_country_names().get(value.casefold())


@lru_cache(maxsize=1)
def _news_country_names() -> dict[str, str]:
    """Case-folded country names the news uses beyond pycountry's ("Russia", "Iran",
    "Syria"; the extra_names column of the knowledge base's ``countries.tsv``) -> ISO3."""
    from importlib import resources

    out: dict[str, str] = {}
    text = resources.files("tidings").joinpath("data/actors/countries.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 2 or cols[1] == "-":
            continue
        for name in cols[1].split(";"):
            out.setdefault(name.strip().casefold(), cols[0])
    return out
