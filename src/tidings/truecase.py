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

A line written in **title case** ("Pakistan Army Kills 12 Militants In North Waziristan
Raid", as feeds and the regional press write headlines) is parsed as a run of proper
nouns, with no verb; :func:`title_lines` finds such lines in a mixed-case text, and each
is rewritten, again at the same length, with its words whose usual form is lower case
in lower case ("Pakistan Army kills 12 militants in North Waziristan raid"; issue 16,
twenty-fourth round).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .wordlists import words as _word_list

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
    headlines was parsed in capitals, and coded as a mobilisation by "MISSILE"). A line
    written in title case (:func:`title_lines`) is rewritten in sentence case: its
    capitalised words whose usual form is lower case in lower case (:func:`title_case`).
    ``acronyms``: lower-case words that stay in capitals when the table does not know
    them (the actor knowledge base's acronyms,
    :meth:`tidings.actors.ActorResolver.acronyms`: "MRTA", "URNG", "DAS", which would
    otherwise become the names "Mrta", "Urng", "Das" that the knowledge base, matching
    acronyms only in capitals, does not know)."""
    if is_upper_text(text):
        return _restore(text, acronyms)
    runs = [(a, b, _restore) for a, b in upper_line_runs(text)]
    runs += [(a, b, _restore_title) for a, b in title_lines(text)
             if not any(x <= a < y for x, y, _ in runs)]
    if not runs:
        return text
    parts: list[str] = []
    pos = 0
    for start, end, how in sorted(runs):
        parts += [text[pos:start], how(text[start:end], acronyms)]
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


# ------------------------------------------------------------------ title case

#: A word of a title-case line: letters (any script), joined by apostrophes or hyphens
#: ("Kenya's", "Cease-Fire", "al-Shabaab").
_LETTER_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")
#: Words a title-case line may hold in lower case: short function words and name
#: particles (``words.yaml``).
_TITLE_LOWER_OK = _word_list("title_case_minor_words") | _word_list("title_case_name_particles")
#: Least number of words other than :data:`_TITLE_LOWER_OK` for a line to be judged.
TITLE_MIN_WORDS = 3
#: Longest word a title-case line may leave in lower case whatever it is: some styles
#: capitalise only the words of four letters or more ("Troops Kill Two Rebels as War
#: Goes on", "Putin Meets Erdogan, Vows to End War" and "... end war" alike).
TITLE_SHORT = 3
#: Least number of words a line's rewrite puts in lower case for it to be title case.
TITLE_MIN_EVIDENCE = 2
#: Where a new sentence starts inside a line: after a sentence end or a colon and a
#: space, after a dash, or after an opening quotation mark or bracket.
_SENTENCE_GAP = re.compile(r"[.!?:]\s|--|\u2014|\u2013\s|[\"\u201c\u2018(\[]\s*$")


def _title_lowered(text: str, tab: dict[str, str]) -> list[tuple[int, int]]:
    """Spans of the words of ``text`` (one line) that a sentence-case writer would put
    in lower case: each part of a capitalised word ("Kills", "Cease-Fire" -> "Cease",
    "Fire") whose usual form is lower case (``data/truecase.tsv`` says ``l``, or the word
    inflects such a word: "Militants", "Army's"; or, not in the table, it is a lexicon verb in
    the headline's present tense, :func:`_headline_verb`: "Rams", whose base "ram" the
    table writes as a name, r29k), except the first word of the line, of a
    sentence, after a colon or inside a quotation, and except a common word that makes a
    place's two-word name with the capitalised word next to it ("New Delhi", "Novi Sad":
    :func:`_place_pair`)."""
    spans: list[tuple[int, int]] = []
    words = list(_WORD.finditer(text))
    pos = 0
    for i, m in enumerate(words):
        gap = text[pos:m.start()]
        pos = m.end()
        if i == 0 or _SENTENCE_GAP.search(gap):
            continue
        at = m.start()
        for part in m.group().split("-"):
            low = part.lower()
            if len(part) >= 2 and part[0].isupper() and part[1:].islower() and \
                    (tab.get(low) == "l" or low not in tab and (_inflected_lower(low, tab) or _headline_verb(low))) and \
                    not _in_place_pair(text, words, i, low) and not _in_known_name(text, words, i):
                spans.append((at, at + len(part)))
            at += len(part) + 1
    return _bare_offices(text, words, spans)


#: Office words the truecase table writes capitalised, as news writes them before a name
#: ("Ambassador Jane Doe") and not alone ("recalls its ambassador"): ``words.yaml``
#: ``title_case_office_words``.
_OFFICES = _word_list("title_case_office_words")
#: Words that make an office another one right before it ("Foreign Minister"):
#: ``words.yaml`` ``title_modifiers``.
_OFFICE_MODIFIERS = _word_list("title_modifiers")
#: Words after an office that start its title's complement ("Secretary of State",
#: "Ambassador to Yemen", "Envoy for Syria"): ``words.yaml`` ``title_case_office_complements``.
_OFFICE_COMPLEMENTS = _word_list("title_case_office_complements")
#: Words before an office that make it refer to an official named before ("the
#: Secretary"): ``words.yaml`` ``title_case_office_determiners``.
_OFFICE_REFERRING = _word_list("title_case_office_determiners")


def _bare_offices(text: str, words: list, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (the words :func:`_title_lowered` puts in lower case) with the office
    words of a title line that name no one added (``title_case_office_words``: "Turkey
    Recalls Ambassador From Israel" -> "... recalls ambassador from Israel", which the
    resolver would otherwise read as a person named Ambassador), and the title modifiers
    right before them ("Foreign Minister Resigns" mid-line -> "foreign minister"). An
    office word is bare when what follows it is no capitalised name: the line's end or
    punctuation, a word the rewrite puts in lower case, or a short function word
    (``title_case_minor_words``) other than one that starts the title's complement
    ("Secretary of State X", "Ambassador to Yemen": ``title_case_office_complements``);
    and it is not a definite description of an official named before ("the Secretary
    discussed": ``title_case_office_determiners``). Not the first word of the line or of a sentence inside
    it (r24l, a fresh user's trial, twenty-fourth round; sentence-case news writes a bare
    office in lower case: docs/annotation.md section 6 reads it as a role)."""
    lowered = {a for a, _ in spans}
    out = list(spans)
    for i, m in enumerate(words):
        w = m.group()
        if i == 0 or w.lower() not in _OFFICES or not (w[0].isupper() and w[1:].islower()):
            continue
        if _SENTENCE_GAP.search(text[words[i - 1].end():m.start()]):
            continue
        if words[i - 1].group().lower() in _OFFICE_REFERRING and text[words[i - 1].end():m.start()] == " ":
            continue                            # "the Secretary": the official named before
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt is not None and text[m.end():nxt.start()] == " " and (
                nxt.group().lower() in _OFFICE_COMPLEMENTS
                or nxt.start() not in lowered and nxt.group().lower() not in _TITLE_LOWER_OK):
            continue                            # "Ambassador Jane Doe", "Secretary of State X"
        out.append((m.start(), m.end()))
        j = i - 1
        while j > 0 and words[j].group().lower() in _OFFICE_MODIFIERS and words[j].group()[:1].isupper() \
                and text[words[j].end():words[j + 1].start()] == " " and words[j].start() not in lowered \
                and not _SENTENCE_GAP.search(text[words[j - 1].end():words[j].start()]):
            out.append((words[j].start(), words[j].end()))
            j -= 1
    return sorted(set(out))


#: Longest name, in words, that :func:`_in_known_name` looks for.
_NAME_MAX_WORDS = 5


@lru_cache(maxsize=1)
def _known_names() -> frozenset[tuple[str, ...]]:
    """Runs of two to :data:`_NAME_MAX_WORDS` capitalised words (lower case) that the
    actor knowledge base writes as a name or part of one, and that hold a word the
    truecase table writes in lower case and one it does not (a name word, an acronym, a
    capitalised word: "Human Rights", "Peace Process" are no name): organisations' whole
    names and aliases ("UN Security Council", "Security Council") and whole runs of
    capitalised words in the offices of its holders ("Governor of Zamfara State" ->
    "zamfara state"). Read from the knowledge base's files
    (:func:`tidings.actors_kb.kb_entries`, ``organisations.yaml`` aliases), not from the
    resolver."""
    from .actors_kb import kb_entries, load_yaml, read_kb_file

    tab = table()
    texts: list[str] = []
    for e in kb_entries():
        if e["kind"] == "org":
            texts.append(e["name"])
        texts += [o[1] for o in e["offices"] if o[1]]
    data = load_yaml(read_kb_file("organisations.yaml")) or {}
    for sect in ("igos", "groups"):
        for e in data.get(sect) or []:
            texts += [str(a) for a in e.get("aliases") or []]
    whole = {tuple(t.lower().split()) for t in texts}
    out = set()
    for t in texts:
        run: list[str] = []
        for w in re.findall(r"\S+", t) + [""]:
            if w[:1].isupper() and w.isalpha() or (w[:1].isupper() and re.fullmatch(r"[A-Za-z.'\-]+", w)):
                run.append(w.lower())
                continue
            if len(run) >= 2:
                for a in range(len(run)):
                    for b in range(a + 2, min(len(run), a + _NAME_MAX_WORDS) + 1):
                        gram = tuple(run[a:b])
                        if any(tab.get(x) == "l" for x in gram) and (
                                gram in whole or a == 0 and b == len(run)) and \
                                any(tab.get(x) != "l" for x in gram):
                            out.add(gram)
            run = []
    return frozenset(out)


def _in_known_name(text: str, words: list, i: int) -> bool:
    """True when word ``i`` of a title line is part of a run of capitalised words, one
    space apart, that the actor knowledge base knows as a name (:func:`_known_names`:
    "UN Security Council", "Zamfara State"); its capital stays."""
    names = _known_names()
    for a in range(max(0, i - _NAME_MAX_WORDS + 1), i + 1):
        for b in range(i + 1, min(len(words), a + _NAME_MAX_WORDS) + 1):
            if b - a < 2:
                continue
            ws = words[a:b]
            if all(w.group()[:1].isupper() for w in ws) and \
                    all(text[ws[k].end():ws[k + 1].start()] == " " for k in range(len(ws) - 1)) and \
                    tuple(w.group().lower() for w in ws) in names:
                return True
    return False


def _in_place_pair(text: str, words: list, i: int, low: str) -> bool:
    """True when word ``i`` of a line (``low``: its lower case) and the capitalised word
    next to it, a space between, are a place's two-word name (:func:`_place_pair`)."""
    if "-" in words[i].group():
        return False
    for j, first in ((i - 1, True), (i + 1, False)):
        if 0 <= j < len(words):
            other = words[j].group()
            between = text[words[j].end():words[i].start()] if first else text[words[i].end():words[j].start()]
            if between == " " and other[:1].isupper() and \
                    _place_pair(f"{other.lower()} {low}" if first else f"{low} {other.lower()}"):
                return True
    return False


def is_title_line(line: str) -> bool:
    """True when ``line`` is written in title case: it holds at least
    :data:`TITLE_MIN_WORDS` words other than short function words and name particles
    (``words.yaml`` ``title_case_minor_words``, ``title_case_name_particles``), none of
    them of more than :data:`TITLE_SHORT` letters in lower case (in sentence case, verbs
    and common nouns are: "Turkish troops shell Kurdish positions" is no title), it is
    not written in capitals (:func:`upper_line_runs` restores those), and at least
    :data:`TITLE_MIN_EVIDENCE` of its capitalised words are words usually written in
    lower case (:func:`_title_lowered`: "Kills", "Militants", "Raid"; a sentence dense
    in names and offices has none, for the table writes offices capitalised: "Russian
    President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Ankara" is
    left as written), one of them a verb of the trigger lexicon or its inflection
    (:func:`_event_verb`: "Kills", "Seized"). A headline tells an act, with its verb; a
    line of a list of names and offices with no such verb ("Thomas Young, Senior
    Advisor, Office of Regional Engagement"; 25 lines of the corpus's train split, lists
    of names and offices and section headings of its releases) is left as written,
    where a name that is also a common word ("Young", "Rose") would lose its capital.

    Args:
        line: one line of text (no line break).
    Returns:
        whether the line is rewritten by :func:`title_case`.
    """
    words = [w for w in _LETTER_WORD.findall(line) if w.lower() not in _TITLE_LOWER_OK]
    if len(words) < TITLE_MIN_WORDS or any(w.islower() and len(w) > TITLE_SHORT for w in words):
        return False
    letters = [c for c in line if c.isalpha()]
    if sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        return False
    lowered = [line[a:b].lower() for a, b in _title_lowered(line, table())]
    if lowered and len(lowered) < TITLE_MIN_EVIDENCE:
        return _headline_verb(lowered[0])
    return len(lowered) >= TITLE_MIN_EVIDENCE and (
        any(map(_event_verb, lowered)) or _capitalised_minor(line))


def _headline_verb(low: str) -> bool:
    """True when ``low`` (the one word a short title-case line would put in lower case)
    is a verb of the trigger lexicon in the headline's present tense, third person
    ("Deports", "Expels", "Kills": AP headline style tells a past act in the present):
    alone it is title-case evidence enough, for a short headline's other words are
    names and numbers ("US Deports 110 Haitians", "Spain Expels 40 Moroccans"; a fresh
    user's headline feed, twenty-seventh round, r27j: left as written, the line was
    parsed as a run of proper nouns, with no event). No line of the corpus's train or
    dev split is such a line (r27j, counted)."""
    return len(low) > 3 and low.endswith("s") and not low.endswith("ss") and _event_verb(low)


#: Function words whose capital mid-line is no title-case evidence: "a" ("Plan A",
#: "Group A") and "so", "yet", "up" (a name's or a quotation's word as often).
_MINOR_NOT_EVIDENCE = frozenset({"a", "so", "yet", "up"})


def _capitalised_minor(line: str) -> bool:
    """True when ``line`` writes a short function word (``words.yaml``
    ``title_case_minor_words``: "To", "And", "On", "Within") with a capital in the middle
    of a sentence, as title case does ("Junta Orders Envoy To Leave", "US And Philippine
    Troops Begin Drills") and sentence case never does (the Chicago Manual of Style,
    8.159, capitalises every word of a title other than articles, prepositions and
    conjunctions; AP style those of four letters or more too). Not the line's first
    word or a sentence's first word inside it (:data:`_SENTENCE_GAP`), not "A", "So",
    "Yet", "Up" (:data:`_MINOR_NOT_EVIDENCE`), and not a word of a name the actor
    knowledge base knows (:func:`_in_known_name`). Such a word is title-case evidence in
    place of a verb of the trigger lexicon (:func:`is_title_line`): a headline's verb
    may be one the lexicon does not list ("Orders", "Reopens", "Begin"; a fresh user's
    headline feed, twenty-sixth round, r26c)."""
    words = list(_WORD.finditer(line))
    minor = _word_list("title_case_minor_words")
    for i, m in enumerate(words):
        w = m.group()
        if i == 0 or len(w) < 2 or not (w[0].isupper() and w[1:].islower()):
            continue
        low = w.lower()
        if low not in minor or low in _MINOR_NOT_EVIDENCE:
            continue
        if _SENTENCE_GAP.search(line[words[i - 1].end():m.start()]) or _in_known_name(line, words, i):
            continue
        return True
    return False


@lru_cache(maxsize=1)
def _event_verbs() -> frozenset[str]:
    """Verb lemmas of the trigger lexicon (``data/triggers.tsv``: plain and phrasal
    verbs' heads), with the irregular past forms of ``words.yaml`` ``irregular_past``."""
    from .lexicon import load_lexicon

    lex = load_lexicon()
    verbs = set(lex.verbs) | {head for head, _ in lex.phrasal}
    for pair in _word_list("irregular_past"):
        lemma, _, past = pair.partition("=")
        if lemma in verbs:
            verbs.add(past)
    return frozenset(verbs)


def _event_verb(low: str) -> bool:
    """True when ``low`` (a lower-case word) is a verb of the trigger lexicon or an
    inflection of one ("kills", "seized", "arresting", "held")."""
    verbs = _event_verbs()
    if low in verbs:
        return True
    for suffix, rep in _INFLECTIONS[:-2]:
        if low.endswith(suffix) and len(low) - len(suffix) >= 2:
            base = low[:-len(suffix)]
            if base + rep in verbs or suffix in ("ed", "ing") and len(base) > 2 and base[-1] == base[-2] \
                    and base[:-1] in verbs:
                return True
    return False


def title_lines(text: str) -> list[tuple[int, int]]:
    """The lines of ``text`` written in title case (:func:`is_title_line`), each judged
    alone, except a title over a story's body: the text's first line when it ends with
    no sentence-final punctuation and a later line ends like prose
    (:func:`tidings.lines.ends_like_prose`). The annotation guide counts such a title as
    meta-text, no event (section 1; section 9), and the coder skips it
    (:func:`tidings.lines.leading_title_end`, :func:`tidings.lines.repeated_title_end`);
    left as written, it is parsed as before, and the names it gives the story's actor
    memory are the same (the corpus's train split: a White House readout's title,
    "... Call with President-Elect ...", rewritten, changed three recipients of its body).

    Args:
        text: any text.
    Returns:
        ``[(start, end), ...]`` character spans of whole lines (line break not
        included), in text order.
    """
    from .lines import ends_like_prose

    out: list[tuple[int, int]] = []
    pos = 0
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    for i, line in enumerate(lines):
        if is_title_line(line) and not (i == first and not ends_like_prose(line) and
                                        any(ends_like_prose(x) for x in lines[i + 1:] if x.strip())):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def title_case(text: str, acronyms: frozenset[str] = frozenset()) -> str:
    """``text`` (a line in title case) in sentence case, same length: the words
    :func:`_title_lowered` finds in lower case, every other character as written (the
    first word, names, acronyms, nationality words, months and days keep their
    capitals, as ``data/truecase.tsv`` writes them). ``acronyms`` is accepted for the
    signature of :func:`_restore` and not used: a title-case line writes its acronyms
    in capitals already."""
    spans = _title_lowered(text, table())
    if not spans:
        return text
    out = list(text)
    for a, b in spans:
        out[a:b] = text[a:b].lower()
    return "".join(out)


_restore_title = title_case
