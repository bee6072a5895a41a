"""The trigger lexicon: lemmas that carry PLOVER events, loaded from ``data/triggers.tsv``.

The lexicon is data, written by the tidings team from the PLOVER manual's definitions
(each event type's section, its mode tables and "potential ambiguities"). This module
only loads and indexes it; the rules that decide which trigger is an event live in
:mod:`tidings.coding` (and its rule files, ``data/rules/*.jsonl``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from .errors import TidingsError
from .records import CONTEXTS, EVENT_TYPES


@dataclass(frozen=True)
class Lexeme:
    """One trigger sense.

    Attributes:
        pos: ``"V"`` verb or ``"N"`` noun.
        lemma: lower-case lemma of the head word ("call", "strike", "strike" in "air strike").
        particle: second word of a phrasal verb ("on" in "call on", "fire" in "open fire")
            or the modifier of a two-word noun ("air" in "air strike"), else "".
        event_type: PLOVER type; mode: PLOVER mode or None; contexts: PLOVER contexts.
        cameo: nearest CAMEO code (str) for the ``cameo`` field.
        weight: lexical reliability in 0..1 (how often this word, in an event frame,
            reports an event of this type); feeds ``confidence``.
        key: the entry's name in the ``rules`` of the events it triggers,
            ``"lexicon:<lemma as written>/<pos column>"`` (``"lexicon:attack/V"``,
            ``"lexicon:call+on/P"``); "" for a sense a rule made (the rule is named).
    """

    pos: str
    lemma: str
    particle: str
    event_type: str
    mode: str | None
    contexts: tuple[str, ...]
    cameo: str | None
    weight: float
    key: str = ""


@dataclass(frozen=True)
class Lexicon:
    """Indexed trigger lexicon: ``verbs``/``nouns`` map a lemma to its plain sense;
    ``phrasal``/``compounds`` map ``(lemma, particle)`` to the multi-word sense."""

    verbs: dict[str, Lexeme]
    nouns: dict[str, Lexeme]
    phrasal: dict[tuple[str, str], Lexeme]
    compounds: dict[tuple[str, str], Lexeme]

    @cached_property
    def particles(self) -> dict[str, list[tuple[str, Lexeme]]]:
        """Lemma -> ``[(particle, sense), ...]`` of its phrasal verbs, in the order of
        :attr:`phrasal` (built on first use; the classifier's features look a verb's
        particles up by lemma instead of scanning every phrasal entry)."""
        out: dict[str, list[tuple[str, Lexeme]]] = {}
        for (lemma, particle), lx in self.phrasal.items():
            out.setdefault(lemma, []).append((particle, lx))
        return out


def parse_lexicon(text: str, source: str = "triggers.tsv") -> Lexicon:
    """Parse the TSV lexicon format (see the header of ``data/triggers.tsv``).

    Raises:
        TidingsError(T301): on a malformed line or an unknown event type, naming the line.
    """
    verbs: dict[str, Lexeme] = {}
    nouns: dict[str, Lexeme] = {}
    phrasal: dict[tuple[str, str], Lexeme] = {}
    compounds: dict[tuple[str, str], Lexeme] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) != 7 or f[2] not in EVENT_TYPES or f[0] not in ("V", "N", "P"):
            raise TidingsError("T301", f"{source}:{lineno}: malformed lexicon line {line!r}")
        col, lemma, etype, mode, ctx, cameo, weight = f
        bad = [c for c in ctx.split(",") if c and c != "-" and c not in CONTEXTS]
        if bad:
            raise TidingsError("T301", f"{source}:{lineno}: {bad[0]!r} is no PLOVER context")
        pos = "N" if col == "N" else "V"
        words = lemma.replace("+", " ").split()
        head, part = (words[0], " ".join(words[1:])) if pos == "V" else (words[-1], " ".join(words[:-1]))
        lx = Lexeme(pos, head, part, etype, None if mode == "-" else mode,
                    tuple(c for c in ctx.split(",") if c and c != "-"),
                    None if cameo == "-" else cameo, float(weight), f"lexicon:{lemma}/{col}")
        if pos == "V":
            (phrasal.__setitem__((head, part), lx) if part else verbs.__setitem__(head, lx))
        else:
            (compounds.__setitem__((head, part), lx) if part else nouns.__setitem__(head, lx))
    return Lexicon(verbs, nouns, phrasal, compounds)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load the shipped lexicon once (cached)."""
    text = resources.files("tidings").joinpath("data/triggers.tsv").read_text(encoding="utf-8")
    return parse_lexicon(text)
