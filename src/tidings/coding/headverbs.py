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
    plural noun, an adjective, a compound); letters, or letters joined by hyphens
    ("North Korea test-fires cruise missiles", r29j). The caller decides that ``sent`` is a
    headline line."""
    end, n = _leading_names(sent)
    if not n or end >= sent.end - 1:
        return None  # no name, or nothing after the verb
    t = sent.doc[end]
    # a hyphenated verb the tokenizer keeps whole ("test-fires", words.yaml
    # one_token_compounds) is a word too (r29j)
    if t.tag_ in _VERB_TAGS or not t.text.replace("-", "").isalpha() or not t.is_lower and not t.is_title:
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
    # the attribute table (or spaCy's ruler) gives the probe's words their parts of
    # speech: without it every word the probe re-tags had none ("threatens", r28b)
    for name, proc in nlp.pipeline:
        if name in ("tok2vec", "tagger", "parser", "tidings_attributes", "attribute_ruler"):
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
    return _write_repair(doc, arr, verb.i, lem)


#: Dependency labels under which the parser hangs a headline's first clause on a second
#: verb it took for the root ("India suspends treaty, expels diplomats").
_FIRST_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "dep", "advcl"})


def comma_verb(sent: Span, lex: Lexicon) -> tuple[Token, Token, Token | None] | None:
    """The second verb of a headline line that joins two clauses with a comma and no
    "and", when the parser took it for the root with the first clause hung on it:
    ``(first verb, second verb, misread subject or None)``, or None.

    Shapes: "India suspends water treaty, expels Pakistani diplomats" parsed with
    "expels" the root, "suspends" its clausal complement and "diplomats" its subject;
    "Israel strikes Gaza, attacks Hezbollah posts" with "attacks" the root and no
    subject at all (the first clause's object was taken for the second act's actor).
    Required: the second verb is a present-tense trigger lexicon verb (``data/triggers.tsv``)
    right after a comma, not a reporting verb (``words.yaml`` ``reporting``: "..., says
    minister" is a true inversion), the root of the line, with at most one subject, after
    it; the first verb, before the comma, is a present-tense verb hung on it as a
    clause with a subject of its own before it. The caller decides that ``sent`` is a
    headline line. Rule source: a headline drops its "and" and its repeated subject
    (the annotation guide codes a headline of a headline feed as its event, section 1,
    and each act of a sentence as an event of its own, the subject its actor, section 6).
    """
    doc = sent.doc
    for v2 in sent:
        if v2.dep_ != "ROOT" or v2.tag_ not in ("VBZ", "VBP") or v2.i <= sent.start + 2:
            continue
        if doc[v2.i - 1].text != "," or v2.lemma_.lower() not in lex.verbs \
                or v2.lemma_.lower() in words("reporting"):
            return None
        subj = [c for c in v2.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(subj) > 1 or subj and subj[0].i < v2.i:
            return None
        firsts = [c for c in v2.children if c.i < v2.i - 1 and c.dep_ in _FIRST_CLAUSE_DEPS
                  and c.tag_ in ("VBZ", "VBP")
                  and any(g.dep_ == "nsubj" and g.i < c.i for g in c.children)]
        if len(firsts) != 1:
            return None
        return firsts[0], v2, subj[0] if subj else None
    return None


def repair_comma_verbs(doc: Doc, sent: Span, lex: Lexicon) -> bool:
    """Rebuild the parse of a headline line whose comma-joined second verb the parser
    took for the root (:func:`comma_verb`): the first verb becomes the root, the second
    its conjunct (so it shares the first verb's subject, as "and" would give), the comma
    the first verb's punctuation, and a misread subject the second verb's object; the
    second verb's other children before the comma go to the first verb. Returns True when
    ``doc`` changed; text, tokens, tags, entities and sentence boundaries never change.
    """
    found = comma_verb(sent, lex)
    if found is None:
        return False
    v1, v2, obj = found
    arr = doc.to_array([HEAD, DEP]).astype(np.uint64)

    def put(i: int, head: int, dep: str) -> None:
        arr[i, 0] = np.uint64((head - i) % 2 ** 64)
        arr[i, 1] = doc.vocab.strings.add(dep)

    put(v1.i, v1.i, "ROOT")
    put(v2.i, v1.i, "conj")
    put(v2.i - 1, v1.i, "punct")
    if obj is not None:
        put(obj.i, v2.i, "dobj")
    for c in v2.children:
        if c.i < v2.i - 1 and c.i != v1.i:
            put(c.i, v1.i, c.dep_)
    starts = [s.start for s in doc.sents]
    doc.from_array([HEAD, DEP], arr)
    if [s.start for s in doc.sents] != starts:  # pragma: no cover - trees keep to lines
        raise AssertionError("headline repair moved a sentence boundary")
    return True


def comma_noun_verb(sent: Span, lex: Lexicon) -> tuple[Token, Token, str] | None:
    """The second verb of a headline line, right after a comma, that the parser read as
    a noun: ``(first verb, misread verb, its lexicon lemma)``, or None.

    Shape: "Egypt closes Rafah crossing, summons Israeli ambassador" ("summons" a plural
    noun with "ambassador" its apposition), "Turkey closes airspace, halts flights to
    Iraq" ("halts" a compound of "flights"). Required: the line's root is a present-tense
    verb with a subject before it; the word right after a comma later in the line is the
    third-person -s form of a trigger lexicon verb (:func:`verb_lemma`) tagged as no
    verb, with a word after it; no word before the comma hangs on the words after it.
    The caller decides that ``sent`` is a headline line. Rule source: as
    :func:`comma_verb` (a headline drops its "and" and its repeated subject).
    """
    doc = sent.doc
    root = sent.root
    if root.tag_ not in ("VBZ", "VBP") or not any(c.dep_ == "nsubj" and c.i < root.i for c in root.children):
        return None
    for t in sent:
        if t.i <= root.i + 1 or t.i >= sent.end - 1 or doc[t.i - 1].text != ",":
            continue
        if t.tag_ in _VERB_TAGS or not t.is_alpha:
            continue
        lem = verb_lemma(t.text, 1, lex)
        if lem is None or lem in words("reporting"):
            continue
        if any(x.head.i >= t.i for x in doc[sent.start:t.i - 1] if x.head.i != x.i):
            return None
        return root, t, lem
    return None


def repair_comma_noun_verb(doc: Doc, sent: Span, lex: Lexicon, nlp) -> bool:
    """Re-parse the clause after the comma of a headline line whose second verb the
    parser read as a noun (:func:`comma_noun_verb`): "It will" and the verb's base form
    followed by the rest of the line are parsed with ``nlp``; when that parse makes the
    verb the root and hangs every later word inside the clause, those words take its
    heads, labels, tags and parts of speech (names keep theirs), the verb becomes the
    first verb's conjunct (tagged VBZ, its lemma set) and the comma the first verb's
    punctuation. Returns True when ``doc`` changed; text, tokens, entities and sentence
    boundaries never change."""
    found = comma_noun_verb(sent, lex)
    if found is None:
        return False
    v1, verb, lem = found
    rest = list(doc[verb.i + 1:sent.end])
    words_ = ["It", "will", lem] + [t.text for t in rest]
    spaces = [True, True, bool(verb.whitespace_)] + [bool(t.whitespace_) for t in rest]
    vdoc = Doc(nlp.vocab, words=words_, spaces=spaces)
    for name, proc in nlp.pipeline:
        if name in ("tok2vec", "tagger", "parser", "tidings_attributes", "attribute_ruler"):
            vdoc = proc(vdoc)
    v = vdoc[2]
    if v.dep_ != "ROOT" or not v.tag_.startswith("VB") \
            or any(c.head.i < 2 for c in vdoc if c.i >= 3):
        return False  # the probe did not read a clause either: leave the parse
    arr = doc.to_array([HEAD, DEP, TAG, POS]).astype(np.uint64)

    def put(i: int, head: int, dep) -> None:
        arr[i, 0] = np.uint64((head - i) % 2 ** 64)
        arr[i, 1] = dep if isinstance(dep, int) else doc.vocab.strings.add(dep)

    put(verb.i, v1.i, "conj")
    arr[verb.i, 2] = doc.vocab.strings.add("VBZ")
    arr[verb.i, 3] = symbols.VERB
    put(verb.i - 1, v1.i, "punct")
    for j in range(3, len(vdoc)):
        vt, oi = vdoc[j], verb.i + j - 2
        put(oi, verb.i + vt.head.i - 2, vt.dep)
        if doc[oi].pos_ != "PROPN":
            arr[oi, 2] = vt.tag
            arr[oi, 3] = vt.pos
    return _write_repair(doc, arr, verb.i, lem)


def _write_repair(doc: Doc, arr, verb_i: int, lem: str) -> bool:
    """Write a repaired headline tree (``arr``: the doc's HEAD, DEP, TAG and POS columns,
    shape ``(len(doc), 4)``) back into ``doc`` and give the verb at ``verb_i`` its lemma
    ``lem``; returns True. Raises AssertionError if the repair moved a sentence boundary
    (a repair keeps to its headline line)."""
    starts = [s.start for s in doc.sents]
    doc.from_array([HEAD, DEP, TAG, POS], arr)
    if [s.start for s in doc.sents] != starts:  # pragma: no cover - trees keep to lines
        raise AssertionError("headline repair moved a sentence boundary")
    doc[verb_i].lemma_ = lem
    return True
