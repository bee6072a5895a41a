"""British spellings folded to American ones before the coder reads a word (issue 16).

The trigger lexicon, the word lists, the rules and the learned models are keyed by the
American forms the corpus uses ("criticize", "defense", "program"); British English
("Turkey criticised Greece", "the defence ministry", "neighbouring states") would miss
them or reach the models as words they rarely saw. ``data/spelling.tsv`` lists the
British stems with their American ones and the endings both take (how its entries were
chosen is written at its top); this module expands it into a map of word forms and applies
it in the coder's two places of entry:

- :func:`american_lemmas`: every token's lemma, for the length of coding one story
  (:meth:`tidings.coding.coder.Coder.code_doc`), so that the lexicon look-up, the rules
  and the learned features all read the American lemma; the parse itself (and any
  parse cache) is untouched, and the lemmas are restored afterwards;
- :func:`fold_word`: the lower-case words the learned models read from the text (the
  sentence classifier's n-grams, the trigger classifier's window of neighbours).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources

import numpy as np

from .errors import TidingsError

#: The spelling rules a row of ``spelling.tsv`` may name (its ``rule`` column).
RULES = frozenset({"ise", "isation", "yse", "our", "ence", "tre", "ogue", "mme", "lled", "other"})
_STEM = re.compile(r"^[a-z]+$")
_ENDING = re.compile(r"^(-|[a-z]+)$")
_HEADER = ["british", "american", "endings", "rule"]


def parse_spelling(text: str, source: str = "spelling.tsv") -> dict[str, str]:
    """Read a spelling table into a map of lower-case word forms, British -> American.

    Args:
        text: the file's text: ``#`` comment lines, the header line ``british american
            endings rule``, then one tab-separated row per stem pair (``endings``: a comma
            list of endings added to both stems, ``-`` the stem alone).
        source: file name for messages.
    Returns:
        ``{british form: american form}``, every ending of every row expanded.
    Raises:
        TidingsError(T301): a row without four columns, a stem or ending that is not
        lower-case letters, an unknown rule, a row whose two stems are the same, a
        British form given twice, or a British form that is another row's American
        form (a fold must be one step).
    """
    out: dict[str, str] = {}
    for n, cols in _rows(text, _HEADER, source):
        if len(cols) != 4:
            raise TidingsError("T301", f"{source}:{n}: expected 4 tab-separated columns, got {len(cols)}")
        brit, amer, endings, rule = cols
        if not _STEM.match(brit) or not _STEM.match(amer):
            raise TidingsError("T301", f"{source}:{n}: stems must be lower-case letters: {brit!r}, {amer!r}")
        if brit == amer:
            raise TidingsError("T301", f"{source}:{n}: {brit!r} is spelt the same in both")
        if rule not in RULES:
            raise TidingsError("T301", f"{source}:{n}: unknown rule {rule!r} (one of {sorted(RULES)})")
        ends = endings.split(",")
        if not ends or any(not _ENDING.match(e) for e in ends) or len(set(ends)) != len(ends):
            raise TidingsError("T301", f"{source}:{n}: endings must be a comma list of distinct lower-case "
                                       f"endings or '-': {endings!r}")
        for e in ends:
            e = "" if e == "-" else e
            b, a = brit + e, amer + e
            if b in out:
                raise TidingsError("T301", f"{source}:{n}: {b!r} is folded twice")
            out[b] = a
    return _checked_table(out, source, "American forms that another row folds again")


@lru_cache(maxsize=1)
def load_spelling() -> dict[str, str]:
    """The shipped spelling folds (``data/spelling.tsv``), read once."""
    text = resources.files("tidings").joinpath("data/spelling.tsv").read_text(encoding="utf-8")
    return parse_spelling(text)


def fold_word(word: str) -> str:
    """The American form of a lower-case word form (``"criticised"`` ->
    ``"criticized"``), or the word itself when the table has no British form of it."""
    return load_spelling().get(word, word)


def fold(word: str) -> str:
    """The American form of a word in any case: lower, capitalised or upper case are
    kept (``"Defence"`` -> ``"Defense"``, ``"LABOUR"`` -> ``"LABOR"``); the word itself
    when the table has no British form of it."""
    low = word.lower()
    got = load_spelling().get(low)
    if got is None:
        return word
    if word == low:
        return got
    if word.isupper():
        return got.upper()
    return got[:1].upper() + got[1:] if word[:1].isupper() else got


_REPAIR_HEADER = ["spacy_lemma", "lemma", "why"]


def parse_lemma_repairs(text: str, spelling: dict[str, str] | None = None,
                        source: str = "lemma_repairs.tsv") -> dict[str, str]:
    """Read a lemma-repair table into a map, spaCy's wrong lemma -> the right one.

    Args:
        text: the file's text: ``#`` comment lines, the header line ``spacy_lemma lemma
            why``, then one tab-separated row per broken lemma ("rearreste", "rearrest",
            "rearrested, rearresting").
        spelling: the spelling folds, whose British forms a repaired lemma may not be
            (the fold would have to run twice); None: no check.
        source: file name for messages.
    Returns:
        ``{spaCy lemma: repaired lemma}`` (lower case).
    Raises:
        TidingsError(T301): a row without three columns or with an empty reason, a lemma
        that is not lower-case letters, a row whose two lemmas are the same, a lemma given
        twice, a repaired lemma that another row repairs again, a key the spelling table
        also folds, or a repaired lemma that is a British form of it.
    """
    out: dict[str, str] = {}
    for n, cols in _rows(text, _REPAIR_HEADER, source):
        if len(cols) != 3 or not cols[2].strip():
            raise TidingsError("T301", f"{source}:{n}: expected 3 tab-separated columns with a reason")
        bad, good, _why = cols
        if not _STEM.match(bad) or not _STEM.match(good):
            raise TidingsError("T301", f"{source}:{n}: lemmas must be lower-case letters: {bad!r}, {good!r}")
        if bad == good:
            raise TidingsError("T301", f"{source}:{n}: {bad!r} repaired to itself")
        if bad in out:
            raise TidingsError("T301", f"{source}:{n}: {bad!r} is repaired twice")
        if spelling is not None and (bad in spelling or good in spelling):
            raise TidingsError("T301", f"{source}:{n}: {bad!r}/{good!r} is a British form of spelling.tsv")
        out[bad] = good
    return _checked_table(out, source, "repaired lemmas that another row repairs again")


@lru_cache(maxsize=1)
def load_lemma_repairs() -> dict[str, str]:
    """The shipped lemma repairs (``data/lemma_repairs.tsv``: "rearreste" -> "rearrest"),
    read once and checked against the spelling folds."""
    text = resources.files("tidings").joinpath("data/lemma_repairs.tsv").read_text(encoding="utf-8")
    return parse_lemma_repairs(text, load_spelling())


def _cased(form: str, target: str) -> str:
    """``target`` in the case of ``form`` (lower, Capitalised or UPPER)."""
    if form.isupper():
        return target.upper()
    return target[:1].upper() + target[1:] if form[:1].isupper() else target


@lru_cache(maxsize=1)
def _lemma_hashes() -> tuple[np.ndarray, dict[int, str]]:
    """The hashes of every British form in lower, capitalised and upper case, and the
    American form of each (spaCy gives a lemma in any of these cases); and of every broken
    lemma of ``lemma_repairs.tsv``, with its repair."""
    from spacy.strings import hash_string

    table: dict[int, str] = {}
    for brit in load_spelling():
        for form in {brit, brit[:1].upper() + brit[1:], brit.upper()}:
            table[hash_string(form)] = fold(form)
    # and spaCy's broken lemmas, mended (data/lemma_repairs.tsv: "rearreste" -> "rearrest")
    for bad, good in load_lemma_repairs().items():
        for form in {bad, bad[:1].upper() + bad[1:], bad.upper()}:
            table[hash_string(form)] = _cased(form, good)
    # sorted, so that :func:`american_lemmas` finds a story's British lemmas by binary
    # search (``np.isin`` sorted the whole table again for every story: about 0.2 ms a
    # story, a twentieth of the coder's own time per story on the VOA stories)
    return np.sort(np.fromiter(table, dtype=np.uint64, count=len(table))), table


def _members(values: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """The positions of the elements of ``values`` that are in ``keys`` (sorted,
    non-empty), ascending: ``np.flatnonzero(np.isin(values, keys))``, by binary search
    in the sorted keys instead of sorting them with the values on every call."""
    pos = np.searchsorted(keys, values)
    pos[pos == len(keys)] = 0  # past the last key: no key (the test below fails)
    return np.flatnonzero(keys[pos] == values)


@contextmanager
def american_lemmas(doc) -> Iterator[int]:
    """Fold the British lemmas of a parsed story to American ones while the block runs.

    Sets ``token.lemma_`` of every token whose lemma the table folds (``criticise`` ->
    ``criticize``, ``Defence`` -> ``Defense``) or that ``data/lemma_repairs.tsv`` mends
    (``rearreste`` -> ``rearrest``) and gives the old lemmas back when the
    block ends, even on an error: the ``Doc`` (and a parse cache made from it) keeps
    spaCy's lemmas. Yields the number of lemmas folded.

    Args:
        doc: a spaCy ``Doc``.
    """
    from spacy.attrs import LEMMA

    keys, table = _lemma_hashes()
    lemmas = doc.to_array([LEMMA]).reshape(-1) if len(doc) else np.zeros(0, dtype=np.uint64)
    hits = _members(lemmas, keys) if len(lemmas) and len(keys) else ()
    old: list[tuple[int, str]] = []
    for i in hits:
        i = int(i)
        tok = doc[i]
        old.append((i, tok.lemma_))
        tok.lemma_ = table[int(lemmas[i])]
    try:
        yield len(old)
    finally:
        for i, lemma in old:
            doc[i].lemma_ = lemma


__all__ = ["RULES", "american_lemmas", "fold", "fold_word", "load_lemma_repairs", "load_spelling",
           "parse_lemma_repairs", "parse_spelling"]


def _rows(text: str, header: list[str], source: str):
    """Yield ``(line number, columns)`` for each data row of a tab-separated table
    (``#`` comment lines and blank lines skipped; the first other line must be
    ``header``). Raises TidingsError ``T301`` naming ``source`` and the line for a wrong
    header, and after the last line when the file had no header line."""
    header_seen = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if not header_seen:
            if cols != header:
                raise TidingsError("T301", f"{source}:{n}: expected the header {' '.join(header)!r}")
            header_seen = True
            continue
        yield n, cols
    if not header_seen:
        raise TidingsError("T301", f"{source}: no header line")


def _checked_table(out: dict[str, str], source: str, chained_msg: str) -> dict[str, str]:
    """Return ``out`` (a word -> word table read from ``source``) when no value is itself
    a key (a row would be applied twice). Raises TidingsError ``T301`` naming the source
    otherwise (``chained_msg`` says what a chain is in this table)."""
    chained = sorted(b for b, a in out.items() if a in out)
    if chained:
        raise TidingsError("T301", f"{source}: {chained_msg}: {chained[:5]}")
    return out
