"""r26d: the code stage builds the story's document text (``Doc.text``, a join of every
token) no more than once per story: :func:`tidings.coding.events._own_phrase` builds it
only for a noun that owns a date phrase, and
:func:`tidings.coding.learned.headline_past` reads it from
:meth:`tidings.coding.state.StoryState.doc_text`. Each short cut is checked here against
the plain way it replaces, on sentences written for this test."""

from __future__ import annotations

import pytest

from tidings.actors import StoryMemory
from tidings.coding import events as ev
from tidings.coding.state import StoryState
from tidings.records import Story

TEXTS = [
    "The 2017 arrest of the opposition leader [ON 12 MARCH] angered his party. "
    "Police said the raid on the office in April left three people hurt.",
    "The minister condemned the strike on the embassy in May last year, officials said on Tuesday.",
    "Protesters denounced the 2019 arrest of the editor [THE RAID IN JULY 2020 WAS CONDEMNED] "
    "and the closure of the paper in March.",
    "Farmers welcomed the rain. The council approved the plan that was drafted in June.",
]


def _plain_own_phrase(tok, start, date_spans=()):
    """The old :func:`_own_phrase`: the document's text built on every call."""
    if tok.pos_ != "NOUN" or tok.dep_ not in ("dobj", "obj", "pobj"):
        return ()
    text = tok.doc.text[start:]
    out = []
    for e in date_spans:
        w = e.root
        for _ in range(12):
            if w.i == tok.i:
                out.append((e.start_char - start, e.end_char - start))
                break
            if w.pos_ in ("VERB", "AUX") and not (w.dep_ == "relcl" and any(
                    c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in w.children)):
                break
            if w.head.i == w.i:
                break
            w = w.head
    return tuple((a, b) for a, b in out if text[:a].count("[") <= text[:a].count("]"))


@pytest.mark.parametrize("text", TEXTS)
def test_own_phrase_same_as_plain(nlp, text):
    doc = nlp(text)
    dates = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
    owned = 0
    for sent in doc.sents:
        for tok in sent:
            got = ev._own_phrase(tok, sent.start_char, dates)
            assert got == _plain_own_phrase(tok, sent.start_char, dates)
            owned += bool(got)
    if text.startswith("Protesters"):
        assert owned >= 1  # "the 2019 arrest": the path that builds the text was taken


def test_doc_text_once_per_story(nlp):
    text = "Rebels attack army post\nTroops seize rebel town\n"
    doc = nlp(text)
    state = StoryState(story=Story(id="t", text=text), memory=StoryMemory(), text_hash="h")
    assert state.doc_text(doc) == doc.text
    assert state.doc_text(doc) is state.doc_text(doc)  # kept, not rebuilt
    given = StoryState(story=Story(id="t", text=text), memory=StoryMemory(), text_hash="h", _doc_text=doc.text)
    assert given.doc_text(doc) == doc.text
