"""Line layout: which single line breaks of a text end a unit (a headline, a list item, a
paragraph written on one line) and which fall inside a sentence (hard-wrapped prose).

A reader tells the two apart without thinking; issue 16 (a fresh user's headline list,
"Israel strikes Gaza\\nChina warns Taiwan\\n...", read as one long sentence) asked for the
same rule in tidings. It is used by the reader (:func:`tidings.read.unwrap_lines` leaves a
text of line units as it is) and by the parser's line-break component
(:func:`tidings.analyse.mark_line_breaks` starts a sentence at each unit's end).

Two signs, read off the text alone:

- **the line ended early**: the next line's first word would have fitted on it (the line,
  a space and that word are no wider than the text's lines are). A wrapping program or
  a typist at the margin breaks a line only when the next word does not fit, so a break
  inside hard-wrapped prose never ends early; a headline, a list item or a paragraph's
  last line usually does. The width is the longest line but one in ten (so that a long
  address or a dateline over the margin does not make every other line look short);
  any width no wider than the wrap margin keeps the rule true for wrapped prose.
- **the sentence goes on**: the next line starts in lower case (in text that is not all
  capitals), or the line ends with a comma, a semicolon, an opening bracket, a hyphen or
  a dash, or with a word that cannot end a headline or a list item (an article, a
  preposition, a conjunction, an auxiliary: ``words.yaml`` ``line_continuing_words``),
  or the line opens a story's body with a wire dateline and ends inside a capitalised name
  run that the next line goes on with a capitalised word ("KHARTOUM, Sudan (AP) - The Rapid
  Support\nForces attacked ..."): the sentence that starts after the dateline's dash has
  not ended, and the text after a dateline is never a headline or a list item
  (:func:`name_goes_on`).

A text is a **list of line units** when it has two or more breaks between lines, at most
one in five shows that the sentence goes on, and at least half of them end early (or at
least one in five, in mixed-case text of five breaks or more, where the case of the next
line speaks too: wrapped prose goes on in lower case at most of its breaks). In such a text every break where the sentence does not go on ends a unit. In any
other text a break ends a unit only where the line ended early and the sentence does not
go on (a title over a paragraph, a paragraph's last line). A text none of whose lines ends
with a full stop, the last one included, and with no break where the sentence goes on, is
a list of line units too, whatever its lines' lengths (headlines of about one length,
"Turkey shells Kurdish positions in Syria\nIran seizes oil tanker in Gulf": wrapped prose
ends with a full stop, :func:`is_headline_text`). A text is **hard-wrapped** when
it has three or more breaks and at most three in ten end early: its lines are parts of
sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tidings.wordlists import words as _word_list

#: Characters that end a line whose sentence goes on on the next line.
_OPEN_END = (",", ";", "(", "[", "/", "&", "-", "\u2013", "\u2014")
#: The last word of a line (letters and apostrophes).
_LAST_WORD = re.compile(r"([^\W\d_][\w']*)\W*$")
#: Share of breaks that end early (at least) for a list of line units, and the share of
#: breaks (at most) where the sentence goes on.
UNITS_EARLY, UNITS_MAX_GOES_ON = 0.5, 0.2
#: In mixed-case text (where a next line in lower case shows the sentence going on),
#: a list of line units also when at least :data:`UNITS_EARLY_MIN` of the breaks end
#: early, in a text of at least :data:`UNITS_CASE_BREAKS` breaks (a few lines of wrapped
#: prose may all happen to go on with a name: "... with Lithuanian Foreign\nMinister ...").
UNITS_EARLY_MIN, UNITS_CASE_BREAKS = 0.2, 5
#: Share of breaks that end early (at most) in hard-wrapped text.
WRAPPED_EARLY = 0.3


@lru_cache(maxsize=1)
def _continuing_words() -> frozenset[str]:
    from .coding.words import words

    return words("line_continuing_words")


def is_upper(text: str) -> bool:
    """Whether at least 90% of the letters of ``text`` are capitals (wire copy)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def name_goes_on(line: str, nxt: str) -> bool:
    """Whether ``line`` is a dateline paragraph's first line cut inside a name: it opens
    with a wire dateline (:func:`tidings.analyse.dateline_end`), the text after the
    dateline has no closing punctuation and ends in a capitalised word, and ``nxt`` starts
    with a capitalised word and is no dateline of its own.

    Rule (issue 16; wire-copy layout): a wire story's first line holds the dateline and
    the start of the lead sentence; a hard-wrapping program breaks it wherever the margin
    falls, also inside a name ("The Rapid Support\nForces"). The text after a dateline is
    the lead sentence, never a headline or a list item, so the break falls inside that
    sentence. A list of dated items ("KYIV (AP) - Drones hit grid\nGAZA (AP) - ...")
    is no such break: each of its lines opens with a dateline.
    """
    from .analyse import dateline_end

    head = nxt.lstrip()
    if not head[:1].isupper():
        return False
    end = dateline_end(line)
    if end is None:
        return False
    rest = line[end:].rstrip()
    m = _LAST_WORD.search(rest)
    if m is None or rest[m.end(1):].strip() or not m.group(1)[:1].isupper():
        return False
    return dateline_end(head) is None


def goes_on(line: str, nxt: str, upper: bool) -> bool:
    """Whether the sentence of ``line`` goes on on the next line ``nxt`` (see the module)."""
    head = nxt.lstrip()
    if not upper and head[:1].islower():
        return True
    tail = line.rstrip()
    if tail.endswith(_OPEN_END) or name_goes_on(line, nxt):
        return True
    m = _LAST_WORD.search(tail)
    return m is not None and tail[m.end(1):].strip() == "" and m.group(1).lower() in _continuing_words()


def ends_early(line: str, nxt: str, width: int) -> bool:
    """Whether the first word of ``nxt`` would have fitted on ``line`` within ``width``."""
    first = nxt.split(None, 1)[0] if nxt.strip() else ""
    return len(line.rstrip()) + 1 + len(first) <= width


@dataclass(frozen=True)
class Layout:
    """The line layout of a text.

    Attributes:
        breaks: character offsets of the line breaks between two lines that are not blank.
        unit_ends: those of :attr:`breaks` that end a unit (a sentence starts after them).
        goes_on: those of :attr:`breaks` where the sentence goes on on the next line.
        units: the text is a list of line units.
        wrapped: the text is hard-wrapped prose.
    """

    breaks: tuple[int, ...]
    unit_ends: frozenset[int]
    goes_on: frozenset[int]
    units: bool
    wrapped: bool


NO_BREAKS = Layout((), frozenset(), frozenset(), False, False)


def layout(text: str) -> Layout:
    """The :class:`Layout` of ``text`` (see the module for the rule)."""
    if "\n" not in text.strip():
        return NO_BREAKS
    lines = text.split("\n")
    starts, at = [], 0
    for ln in lines:
        starts.append(at)
        at += len(ln) + 1
    idx = [i for i in range(len(lines) - 1) if lines[i].strip() and lines[i + 1].strip()]
    if not idx:
        return NO_BREAKS
    lens = sorted((len(ln.rstrip()) for ln in lines if ln.strip()), reverse=True)
    width = lens[min(len(lens) - 1, len(lens) // 10)]
    upper = is_upper(text)
    early = [ends_early(lines[i], lines[i + 1], width) for i in idx]
    on = [goes_on(lines[i], lines[i + 1], upper) for i in idx]
    n, n_early, n_on = len(idx), sum(early), sum(on)
    units = (n >= 2 and n_on <= UNITS_MAX_GOES_ON * n and (n_early >= UNITS_EARLY * n or (
        not upper and n >= UNITS_CASE_BREAKS and n_early >= UNITS_EARLY_MIN * n))) or (
        n_on == 0 and is_headline_text(text))
    wrapped = not units and n >= 3 and n_early <= WRAPPED_EARLY * n
    breaks = tuple(starts[i] + len(lines[i]) for i in idx)
    ends = frozenset(b for b, e, o in zip(breaks, early, on) if not o and (units or e))
    return Layout(breaks, ends, frozenset(b for b, o in zip(breaks, on) if o), units, wrapped)


#: Characters that end a sentence of running prose (before closing quotes or brackets).
_PROSE_END = (".", "!", "?", "\u2026", ":", ";")
_CLOSERS = "\"'\u201d\u2019)]"


def ends_like_prose(sentence: str) -> bool:
    """True when a sentence is empty or ends (past closing quotes and brackets) with
    sentence-final punctuation (``. ! ? … : ;``), as running prose does."""
    body = sentence.strip()
    return not body or body.rstrip(_CLOSERS).endswith(_PROSE_END)


def is_headline_line(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` (a sentence) is a line of its own that ends with no
    full stop: a headline or a title line ("China warns Taiwan over drills"), written
    in the journalistic present, which tells an act that has happened.

    The sentence fills its line (only spaces between it and the start of the text or a
    line break before it, and between it and a line break or the end of the text after
    it), and its last character, past closing quotes and brackets, is no sentence-final
    punctuation (``. ! ? … : ;``). A sentence of running prose ends with a full stop;
    a headline does not (issue 16, a fresh user's trial: present-tense headlines read
    as not yet done)."""
    if ends_like_prose(text[start:end]):
        return False
    seg = text[start:end]
    # a line break the parse kept inside the sentence, at its start or end, counts too
    lead, trail = seg[:len(seg) - len(seg.lstrip())], seg[len(seg.rstrip()):]
    before = text[:start].rstrip(" \t")
    after = text[end:].lstrip(" \t")
    return ("\n" in lead or not before or before.endswith("\n")) and \
        ("\n" in trail or not after or after.startswith(("\n", "\r")))


def is_headline_text(text: str) -> bool:
    """True when every non-empty line of ``text`` ends with no sentence-final punctuation
    (:func:`ends_like_prose`): a headline, or a list of headlines, and no story prose. A
    story with a title line over its paragraphs is not one (its prose ends in full
    stops), nor is hard-wrapped prose (its last line does)."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    return bool(lines) and not any(ends_like_prose(ln) for ln in lines)


#: What joins a page title to the site's name ("Militants attack checkpoint | Sahel Daily",
#: "Sahel Daily - Militants attack checkpoint").
_TITLE_SEPARATORS = (" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 ")


def _norm_title(s: str) -> str:
    return " ".join(s.split()).casefold()


#: Month names: a line that stops on one is a date cut short, no title.
_MONTH_NAMES = _word_list("text_month_names")


def leading_title_end(text: str) -> int:
    """End offset of a title line over the story's body, or 0: the text's first line is a
    line of its own that ends with no sentence-final punctuation (:func:`ends_like_prose`:
    "Interview: Sudanese envoy says talks can resume", "Readout of the Secretary's Call
    with ..."), and the text goes on past it with prose, at least one later line ending
    like prose, after a blank line (wrapped prose breaks its lines with no blank line
    between, and a line with a sentence end inside is prose too; a wire dateline, " -- ",
    opens the lead and is no title, nor is a line that stops on a word that never ends a
    title (``line_continuing_words``: "of", "the", "on") or on a month name, a sentence cut
    short: "spoke with X on February"). A text of headlines only (:func:`is_headline_text`: every line ends with
    no full stop) has no title over a body; its lines are coded as headlines. Rule: the
    annotation guide counts headlines and titles over a story as meta-text, no event
    (section 1, "What is NOT an event"; section 9), whether or not the record's ``title``
    repeats them (:func:`repeated_title_end`); a fresh user's trial coded such a title
    line as a CONSULT of its own (nineteenth round)."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    line = text[start:end]
    if end < 0 or ends_like_prose(line) or ". " in line or " -- " in line or line.rstrip().endswith(_OPEN_END):
        return 0  # prose, a wire dateline that opens the lead ("BOGOTA, 3 NOV 88 (EFE) -- ..."), a line that goes on
    last = line.split()[-1].lower() if line.split() else ""
    if last in _continuing_words() or last in _MONTH_NAMES:
        return 0  # a sentence cut short ("spoke with X on February"), not a title
    rest = text[end:]
    if not re.match(r"\n[ \t\r]*\n", rest):
        return 0  # no blank line after it: the first line of wrapped prose, whose sentence goes on
    if not any(ends_like_prose(ln) for ln in rest.split("\n") if ln.strip()):
        return 0
    return end


def repeated_title_end(text: str, title: str | None) -> int:
    """End offset of the story's title repeated as the first line of its text, or 0.

    Rule: the annotation guide counts headlines and titles as meta-text, no event (section
    1, "What is NOT an event"; section 9, titles of press releases), and a story's title
    retells an act its first sentences report, so coding it gave a second record of one
    act (a fresh user's trial, issue i16z: an HTML page's ``<h1>``, which the reader's
    text extraction keeps as the first line, gave an ASSAULT of its own over the lead's).
    The first line is the title when, its spaces and case aside, it is the story's
    ``title`` (the page's or the record's), or the title is that line joined to a site's
    name by a separator (" | ", " - ", ...), and more text follows it. A title that is
    no line of its own (a wire dateline that begins the lead: "SAN SALVADOR, 12 JAN 90
    (EFE) -- THE ARMY ...") is never one.

    Args:
        text: the story text; title: the story's title, or None.
    Returns:
        the offset of the line break after the title line, or 0 when the text does not
        begin with its title.
    """
    if not title or not title.strip():
        return 0
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0 or not text[end:].strip():
        return 0
    line, want = _norm_title(text[start:end]), _norm_title(title)
    if not line:
        return 0
    if line == want or any(want.startswith(line + s) or want.endswith(s + line) for s in _TITLE_SEPARATORS):
        return end
    return 0
