"""Headline verbs the parser misreads (r26ae, fresh users' headline feeds).

A headline drops its articles and its "and", and the parser, trained on prose, reads its
present-tense verb as a noun: "Armenia rejects Baku demand to change constitution"
("rejects" a plural noun, "Armenia" its compound), "Malaysia hosts Thai-Cambodian
ceasefire talks" ("hosts" the subject of "talks"), "ECOWAS lifts trade sanctions on
Niger" (the acronym read as the verb), or the base-form verb after a list of subjects as
an adjective: "Norway, Sweden, Finland expel Russian diplomats". The event is lost: no
verb, no subject, no object.

The word after the line's leading name (or comma list of names) that is a trigger
lexicon verb (its third-person -s form; after a list of two or more names, its base form
too) and that the parser did not read as a verb is the line's verb. The line is parsed
again with the verb's base form after "will" ("Armenia will reject Baku demand ..."), a
frame the parser reads as a clause; when it reads the verb as the root, that parse (heads,
dependency labels, tags) replaces the line's own, "will" left out and the verb tagged
present tense. Every other word and all prose are untouched: only a headline line
(:func:`tidings.coding.mentions._headline_line`: a line of its own with no full stop in a
text of headlines) is read this way. Rule source: the annotation guide codes a headline
of a headline feed as its event (docs/annotation.md section 1, headline texts), its
subject the actor (section 6).
"""

from __future__ import annotations

import numpy as np
from spacy import symbols
from spacy.attrs import DEP, HEAD, POS, TAG
from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon
from .words import words

#: Entity labels of a name that may open a headline as its subject.
_NAME_ENTS = frozenset({"GPE", "ORG", "NORP", "PERSON", "LOC"})
#: Tags of a word the parser read as a verb (nothing to repair).
_VERB_TAGS = frozenset({"VBZ", "VBP", "VBD", "VB", "VBN", "VBG", "MD"})


def _is_name(t: Token) -> bool:
    return t.is_alpha and (t.pos_ == "PROPN" or t.ent_type_ in _NAME_ENTS
                           or (t.is_upper and len(t) >= 2))


def _leading_names(sent: Span) -> tuple[int, int]:
    """``(end, n_names)``: the index after the bare name run that opens ``sent`` (names
    separated by single commas), and how many names it holds; ``(sent.start, 0)`` when
    the line opens with no name."""
    n, prev_comma, i = 0, True, sent.start
    doc = sent.doc
    while i < sent.end:
        t = doc[i]
        if t.text == "," and not prev_comma:
            prev_comma = True
        elif _is_name(t):
            n += prev_comma
            prev_comma = False
        else:
            break
        i += 1
    if prev_comma and n:  # a trailing comma belongs to no name
        i -= 1
    return i, n


def verb_lemma(word: str, n_names: int, lex: Lexicon) -> str | None:
    """The trigger lexicon verb ``word`` is a present-tense form of, or None: its third
    person -s form ("rejects", "bans" -> "ban", "pushes", "denies"); after a list of
    ``n_names`` >= 2 names also the base form ("expel"). A verb is one of the lexicon's
    verbs, phrasal verbs or support verbs (``data/triggers.tsv``, ``words.yaml``
    ``support_verbs``)."""
    known = set(lex.verbs) | set(words("support_verbs")) | {k[0] for k in lex.phrasal}
    w = word.lower()
    cands = []
    if w.endswith("ies"):
        cands.append(w[:-3] + "y")
    if w.endswith("es"):
        cands.append(w[:-2])
    if w.endswith("s") and not w.endswith("ss"):
        cands.append(w[:-1])
    if n_names >= 2:
        cands.append(w)
    return next((c for c in cands if c in known), None)


def misread_verb(sent: Span, lex: Lexicon) -> tuple[Token, str] | None:
    """The misread verb of a headline line and its lexicon lemma, or None: the word right
    after the line's leading name(s) (:func:`_leading_names`) that is a lexicon verb's
    present-tense form (:func:`verb_lemma`) and that the parser tagged as no verb (a
    plural noun, an adjective, a compound). The caller decides that ``sent`` is a
    headline line."""
    end, n = _leading_names(sent)
    if not n or end >= sent.end - 1:
        return None  # no name, or nothing after the verb
    t = sent.doc[end]
    if t.tag_ in _VERB_TAGS or not t.is_alpha or not t.is_lower and not t.is_title:
        return None
    lem = verb_lemma(t.text, n, lex)
    return (t, lem) if lem else None


def repair_line(doc: Doc, sent: Span, lex: Lexicon, nlp) -> bool:
    """Re-parse the headline line ``sent`` of ``doc`` when its verb was misread
    (:func:`misread_verb`): the line with "will" and the verb's base form in its place
    is parsed with ``nlp``; when that parse makes the verb the root, the line's heads,
    dependency labels, tags and parts of speech are replaced by it ("will" left out,
    the verb tagged VBZ after one name, VBP after a list) and the verb's lemma set.
    Returns True when ``doc`` changed; ``doc``'s text, tokens, entities and sentence
    boundaries never change."""
    found = misread_verb(sent, lex)
    if found is None:
        return False
    verb, lem = found
    k = verb.i - sent.start
    toks = list(sent)
    words_ = [t.text for t in toks[:k]] + ["will", lem] + [t.text for t in toks[k + 1:]]
    spaces = [bool(t.whitespace_) for t in toks[:k]] + [True, bool(verb.whitespace_)] + \
        [bool(t.whitespace_) for t in toks[k + 1:]]
    vdoc = Doc(nlp.vocab, words=words_, spaces=spaces)
    for name, proc in nlp.pipeline:
        if name in ("tok2vec", "tagger", "parser"):
            vdoc = proc(vdoc)
    v = vdoc[k + 1]
    if v.dep_ != "ROOT" or not v.tag_.startswith("VB") or vdoc[k].head.i != v.i \
            or any(c.i != k for c in vdoc[k].children) or any(c.head.i == k for c in vdoc if c.i != k):
        return False  # the probe did not read a clause either: leave the parse
    arr = doc.to_array([HEAD, DEP, TAG, POS]).astype(np.uint64)
    for j, vt in enumerate(vdoc):
        if j == k:
            continue
        oi = sent.start + (j if j < k else j - 1)
        hi = sent.start + (vt.head.i if vt.head.i < k else vt.head.i - 1)
        arr[oi, 0] = np.uint64((hi - oi) % 2 ** 64)  # relative, as spaCy stores it
        arr[oi, 1] = vt.dep
        orig = doc[oi]
        if oi == verb.i:
            arr[oi, 2] = doc.vocab.strings.add("VBZ" if verb.lower_ != lem else "VBP")
            arr[oi, 3] = symbols.VERB
        elif oi < verb.i and _is_name(orig):  # "ECOWAS", tagged a verb: a name
            arr[oi, 2] = doc.vocab.strings.add("NNP")
            arr[oi, 3] = symbols.PROPN
        elif orig.pos_ != "PROPN":
            arr[oi, 2] = vt.tag
            arr[oi, 3] = vt.pos
    starts = [s.start for s in doc.sents]
    doc.from_array([HEAD, DEP, TAG, POS], arr)
    if [s.start for s in doc.sents] != starts:  # pragma: no cover - trees keep to lines
        raise AssertionError("headline repair moved a sentence boundary")
    doc[verb.i].lemma_ = lem
    return True
