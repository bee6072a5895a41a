"""Restore the case of text written in capitals before it is parsed.

Old wire copy (the MUC/FBIS stories) is all capitals; spaCy's tagger, parser and entity
recogniser, trained on mixed case, read it poorly. :func:`restore_case` rewrites such a
text in the case mixed-case news would use, **without changing its length**, so every
character offset (evidence spans, sentence offsets) stays valid against the original.
A text in capitals is restored whole; in a mixed-case text, a stretch of lines in
capitals (an all-capitals headline in a list of others) is restored as it would be alone.

Each word takes its usual form from ``data/truecase.tsv`` (majority form in mixed-case
news, built by ``scripts/build_truecase.py``); a word the table does not know is lower
case when it inflects a lower-case word of the table ("AMBUSHES", "DECREED"), else a
name (capitalised), or an acronym (capitals) when it is short and has no vowel; the
letters of a designator before a hyphen and a number stay capitals ("M-19", "F-16"); the
first word of a sentence, a line or a quotation is capitalised.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
#: A dotted initialism ("U.S.", "U.N.", "D.C.", "A.M."): single letters each followed by
#: a full stop, at least two of them.
_INITIALISM = re.compile(r"(?<![A-Za-z.])(?:[A-Za-z]\.){2,}")
_VOWELS = set("AEIOUY")


def is_upper_text(text: str, threshold: float = 0.8) -> bool:
    """True when at least ``threshold`` of the letters of ``text`` (at least 40 letters)
    are capitals."""
    letters = [c for c in text[:5000] if c.isalpha()]
    return len(letters) >= 40 and sum(c.isupper() for c in letters) / len(letters) >= threshold


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    """word (lower case) -> ``l``, ``t`` or ``u`` from ``data/truecase.tsv``."""
    out = {}
    text = resources.files("tidings").joinpath("data/truecase.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            w, f = line.split("\t")
            out[w] = f
    return out


#: English inflections tried on a word the table does not know: (suffix, what replaces
#: it) -> a base form ("ambushes" -> "ambush", "decreed" -> "decree", "maimed" -> "maim").
_INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""),
                ("ing", "e"), ("ly", ""), ("'s", ""))


def _inflected_lower(low: str, tab: dict[str, str]) -> bool:
    """True when ``low`` is an inflection of a word the table writes in lower case
    (a doubled final consonant too: "machinegunned" -> "machinegun")."""
    for suffix, rep in _INFLECTIONS:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            base = low[:-len(suffix)]
            if tab.get(base + rep) == "l":
                return True
            if suffix in ("ed", "ing") and len(base) > 3 and base[-1] == base[-2] and tab.get(base[:-1]) == "l":
                return True
    return False


def _word_form(w: str, tab: dict[str, str], acronyms: frozenset[str] = frozenset()) -> str:
    low = w.lower()
    f = tab.get(low)
    if f is None and "-" in w:
        return "-".join(_word_form(p, tab, acronyms) if p else p for p in w.split("-"))
    if f is None and low in acronyms:
        return w.upper()                       # an organisation's acronym ("MRTA", "URNG")
    if f is None and _inflected_lower(low, tab):
        f = "l"   # "AMBUSHES", "NEUTRALIZED": the table has "ambush", "neutralize"
    if f == "l":
        return low
    if f == "u":
        return w.upper()
    if f == "t":
        return low[:1].upper() + low[1:]
    if low == "i":
        return "I"
    if len(w) <= 4 and not set(w.upper()) & _VOWELS or len(w) <= 2:
        return w.upper()                       # an unknown short word: an acronym
    return low[:1].upper() + low[1:]          # an unknown word: a name


#: Population from which a city's two-word main name is written as a name in capitals
#: ("NOVI SAD"), whatever the table says of its second word ("sad").
_PLACE_PAIR_POPULATION = 50_000


def _place_pair(pair: str) -> bool:
    """True when ``pair`` (two lower-case words) is the main name of a country, a
    first-level subdivision or a city of at least :data:`_PLACE_PAIR_POPULATION` people
    in the gazetteer ("novi sad", "port said", "kuwait city")."""
    from .places import gazetteer

    g = gazetteer()
    if pair in g.countries:
        return True
    return any(e.name.lower() == pair and (e.feature != "populated_place" or e.population >= _PLACE_PAIR_POPULATION)
               for e in g.cities.get(pair, []) + g.admin1.get(pair, []))


def upper_line_runs(text: str, threshold: float = 0.8) -> list[tuple[int, int]]:
    """The stretches of a text that are written in capitals line by line: runs of
    consecutive lines each of whose letters are at least ``threshold`` capitals (lines
    without letters, blank ones included, go on a run without starting one), kept when
    the run, read alone, is a text in capitals (:func:`is_upper_text`: 40 letters or
    more).

    Args:
        text: any text.
        threshold: the share of capitals (that of :func:`is_upper_text`).
    Returns:
        ``[(start, end), ...]`` character spans, in text order; each starts at a line's
        first character and ends at the end of its last line in capitals (its line
        break not included).
    """
    runs: list[tuple[int, int]] = []
    start = end = None
    pos = 0
    for line in text.split("\n"):
        letters = sum(map(str.isalpha, line))
        if letters:
            if sum(map(str.isupper, line)) >= threshold * letters:
                if start is None:
                    start = pos
                end = pos + len(line)
            elif start is not None:
                runs.append((start, end))
                start = None
        pos += len(line) + 1
    if start is not None:
        runs.append((start, end))
    return [(a, b) for a, b in runs if is_upper_text(text[a:b], threshold)]


def restore_case(text: str, acronyms: frozenset[str] = frozenset()) -> str:
    """Return ``text`` with its case restored (same length). A text written in capitals
    (:func:`is_upper_text`: the MUC/FBIS wire copy) is restored as a whole; in any other
    text, each stretch written in capitals line by line (:func:`upper_line_runs`: an
    all-capitals headline of 40 letters or more among mixed-case ones) is restored as it
    would be alone, and the rest is left as written (a fresh user's trial, twenty-third
    round: "US SANCTIONS NORTH KOREAN BANKS OVER MISSILE TESTS" in a file of mixed-case
    headlines was parsed in capitals, and coded as a mobilisation by "MISSILE").
    ``acronyms``: lower-case words that stay in capitals when the table does not know
    them (the actor knowledge base's acronyms,
    :meth:`tidings.actors.ActorResolver.acronyms`: "MRTA", "URNG", "DAS", which would
    otherwise become the names "Mrta", "Urng", "Das" that the knowledge base, matching
    acronyms only in capitals, does not know)."""
    if is_upper_text(text):
        return _restore(text, acronyms)
    runs = upper_line_runs(text)
    if not runs:
        return text
    parts: list[str] = []
    pos = 0
    for start, end in runs:
        parts += [text[pos:start], _restore(text[start:end], acronyms)]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _restore(text: str, acronyms: frozenset[str]) -> str:
    """:func:`restore_case` of a text written in capitals, whole."""
    tab = table()
    out = list(text)
    start_next = True
    pos = 0
    # the letters of a dotted initialism stay capitals: "U.S." is no word "s" ("The
    # U.s. Ambassador", which no resolver reads as the United States; 263 times in the
    # corpus's MUC stories)
    initial = {k for m in _INITIALISM.finditer(text) for k in range(m.start(), m.end(), 2)}
    prev: tuple[str, int] | None = None
    for m in _WORD.finditer(text):
        gap = text[pos:m.start()]
        if re.search(r"[.!?]\s|\n|--|[\"\u201c\[(]\s*$", gap) or pos == 0:
            start_next = True
        w = m.group()
        if w.endswith("-") and text[m.end():m.end() + 1].isdigit():
            # a designator's letters before a hyphen and a number stay capitals: "M-19"
            # (the April 19 Movement, 'the m-19' to the resolver), "F-16", "AK-47", "SA-7"
            new = w.upper()
        else:
            new = w.upper() if m.start() in initial and len(w) == 1 else _word_form(w, tab, acronyms)
        if start_next:
            new = new[:1].upper() + new[1:]
            start_next = False
        elif new.islower() and prev is not None and prev[0][:1].isupper() and gap == " " \
                and _place_pair(f"{prev[0].lower()} {new}"):
            # a place's two-word name whose second word is a common word ("NOVI SAD",
            # "PORT SAID"): the name's words are all capitalised, as mixed-case news writes
            # them, so the NER reads the whole place (issue 16, upper-case copy)
            new = new[:1].upper() + new[1:]
        if len(new) == len(w):
            out[m.start():m.end()] = new
        prev = (new, m.end())
        pos = m.end()
    return "".join(out)
