"""Named English word lists and word tables of ``data/words.yaml`` and ``data/tables.yaml``,
read without the coder's package.

Knowledge is data: the words tidings' readers look for (month names, honorifics, the
words between a preposition and a place, ...) are named lists in ``words.yaml``, each
with a ``doc`` saying where it comes from. :mod:`tidings.coding.words` re-exports
:func:`words` and :func:`parse_word_lists` for the coder; :mod:`tidings.dates`,
:mod:`tidings.places` and :mod:`tidings.actors` read their lists here, at import or on
first use, without loading spaCy (importing :mod:`tidings.coding` does).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from .cache import load_yaml_cached
from .errors import TidingsError


def read_data(name: str) -> Any:
    """A data file's YAML document (``words.yaml``, ``tables.yaml``), parsed once per
    machine and then read from tidings' cache (:func:`tidings.cache.load_yaml_cached`:
    the word lists took 0.09 s of every worker's start-up to parse, issue 20)."""
    data = resources.files("tidings").joinpath(f"data/{name}").read_bytes()
    return load_yaml_cached(data, name.rsplit(".", 1)[0])


def parse_word_lists(raw: dict[str, Any], source: str = "words.yaml") -> dict[str, frozenset[str]]:
    """Check and resolve the named lists of a ``words.yaml`` document.

    Args:
        raw: ``{name: {"doc": str, "words": [str, ...], "extend": [name, ...]?}}``.
        source: file name for messages.
    Returns:
        ``{name: frozenset of words}`` with each list's ``extend`` lists merged in.
    Raises:
        TidingsError(T301): a list without ``doc`` or ``words``, a word repeated within a
        list, a word YAML read as a boolean or null (a bare ``on``, ``no``), an unknown
        key, or an ``extend`` that names no list (or a cycle).
    """
    if not isinstance(raw, dict):
        raise TidingsError("T301", f"{source}: expected a mapping of named word lists")
    for name, spec in raw.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("doc"), str) or not spec["doc"].strip() \
                or not isinstance(spec.get("words"), list):
            raise TidingsError("T301", f"{source}: list {name!r} needs a doc and a list of words")
        unknown = set(spec) - {"doc", "words", "extend"}
        if unknown:
            raise TidingsError("T301", f"{source}: list {name!r} has unknown keys {sorted(unknown)}")
        odd = [w for w in spec["words"] if isinstance(w, bool) or w is None]
        if odd:
            # YAML reads a bare on, off, yes, no as a boolean ("on" became "True")
            raise TidingsError("T301", f"{source}: list {name!r} holds {odd}, not words: quote "
                               "on, off, yes, no, null ('on')")
        words = [str(w) for w in spec["words"]]
        dup = sorted({w for w in words if words.count(w) > 1})
        if dup:
            raise TidingsError("T301", f"{source}: list {name!r} repeats {dup}")
    out: dict[str, frozenset[str]] = {}

    def resolve(name: str, seen: tuple[str, ...]) -> frozenset[str]:
        if name in out:
            return out[name]
        if name not in raw or name in seen:
            raise TidingsError("T301", f"{source}: {' -> '.join(seen + (name,))}: no such list, or a cycle")
        spec = raw[name]
        words = set(map(str, spec["words"]))
        for other in spec.get("extend") or []:
            words |= resolve(other, seen + (name,))
        out[name] = frozenset(words)
        return out[name]

    for name in raw:
        resolve(name, ())
    return out


@lru_cache(maxsize=1)
def word_lists() -> dict[str, frozenset[str]]:
    """All named lists of the shipped ``data/words.yaml`` (cached)."""
    return parse_word_lists(read_data("words.yaml"))


def words(name: str) -> frozenset[str]:
    """The named word list ``name`` (e.g. ``words("reporting")``).

    Raises:
        KeyError: when ``data/words.yaml`` has no such list.
    """
    return word_lists()[name]


def list_text(name: str) -> str:
    """The words of ``words.yaml`` list ``name`` (with the lists it extends) as one line,
    sorted: what a cache key hashes, so that a change to the list (and to nothing else
    in the file) rebuilds an index made from it. Raises KeyError for an unknown list."""
    return f"{name}: " + "|".join(sorted(words(name))) + "\n"


def parse_tables(raw: dict[str, Any], source: str = "tables.yaml") -> dict[str, dict[str, Any]]:
    """Check the named tables of a ``tables.yaml`` document.

    Args:
        raw: ``{name: {"doc": str, "map": {key: value, ...}}}``.
        source: file name for messages.
    Returns:
        ``{name: {key: value}}``, each map in file order.
    Raises:
        TidingsError(T301): a table without ``doc`` or ``map`` (or with another key).
    """
    if not isinstance(raw, dict):
        raise TidingsError("T301", f"{source}: expected a mapping of named tables")
    for name, spec in raw.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("doc"), str) or not spec["doc"].strip() \
                or not isinstance(spec.get("map"), dict) or set(spec) != {"doc", "map"}:
            raise TidingsError("T301", f"{source}: table {name!r} needs a doc and a map, and nothing else")
    return {name: dict(spec["map"]) for name, spec in raw.items()}


@lru_cache(maxsize=1)
def tables() -> dict[str, dict[str, Any]]:
    """The tables of ``data/tables.yaml``: ``{name: {key: value}}`` (cached): the coder's
    tables keyed by PLOVER event type, and the date reader's word -> number tables."""
    return parse_tables(read_data("tables.yaml"))


def table(name: str) -> dict[str, Any]:
    """One table of ``data/tables.yaml`` (``table("threaten_mode")["ASSAULT"] == "violence"``,
    ``table("month_numbers")["sept"] == 9``). Raises KeyError for an unknown table."""
    return tables()[name]
