"""Questions about spaCy's dependency parse that every pass of the coder asks.

Plain functions over :class:`spacy.tokens.Token` (English, the labels of spaCy's
``en_core_web_sm`` parser: ClearNLP-style ``nsubj``, ``dobj``, ``xcomp`` ...). The word
lists they use are data (:mod:`tidings.coding.words`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from ..records import Entity
from .words import words

#: Dependency labels of subjects and of objects (spaCy's English parser).
SUBJ_DEPS = frozenset({"nsubj", "csubj", "expl"})
OBJ_DEPS = frozenset({"dobj", "obj", "dative", "iobj", "attr", "oprd"})

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'\-]{1,40}(?:,\s*[A-Za-z0-9 .,]{2,30})?\s*(?:\([^)]{1,40}\)|/[A-Za-z][^/\n]{0,29}/)?"
                       r"\s*(?:[-\u2013\u2014]+|(?<=/)[.:]?)\s*")


def is_speaker_label(tok: Token) -> bool:
    """True for a name followed by a colon at the start of a sentence ("VOA:", "Q:")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.text == ":" and tok.i - tok.sent.start <= 3


def subject(v: Token) -> Token | None:
    """The subject of ``v`` (``nsubj``/``csubj``); a transcript's speaker label ("VOA:
    Putin visited China", parsed with the speaker as subject and the real one in
    apposition) gives way to the real subject, and so does a dateline's place parsed as
    a second subject ("KHARTOUM, March 3 — Sudan's army shelled ...": the army), and a
    subject cut off from the verb by a comma before another subject: the parse hung a
    preceding clause's word on the verb ("If Venezuela invades Guyana, Brazil would close
    its border": Brazil; a fresh user's trial, fifteenth round). A conjoined verb with
    none whose subject the parse hung on the previous object list has that one, and so
    does an unmarked finite clause the parse took for an adverbial one
    (:func:`stranded_subject`)."""
    subs = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
    if not subs and v.dep_ in ("conj", "advcl"):
        return stranded_subject(v)
    for c in subs:
        if len(subs) > 1 and (is_speaker_label(c) or in_dateline(c) or _cut_off_subject(c, subs, v)):
            continue
        if is_speaker_label(c):
            app = next((a for a in c.children if a.dep_ == "appos"), None)
            if app is not None:
                return app
        return c
    return None


def coordinated_with(v: Token) -> Token:
    """The verb that the ``conj`` verb ``v`` is coordinated with: its parse head, except
    for a finite verb the parse hung on an infinitive complement of a finite verb
    ("urged civilians to leave and called on Western partners to send air defences":
    "called" is parsed as a conjunct of "leave"). English coordinates like with like: a
    past or present-tense verb after "to leave and" is no second infinitive ("to leave
    and call on") but a second act of the first verb's subject, so "called" is
    coordinated with "urged" (a fresh user's trial, twentieth round: the second request
    took the first one's addressees). ``v`` itself when it is no conjunct."""
    if v.dep_ != "conj" or v.head.i == v.i:
        return v
    h = v.head
    if v.tag_ in _FINITE and h.dep_ == "xcomp" and h.tag_ == "VB" and h.head.i != h.i \
            and h.head.tag_ in _FINITE and any(c.dep_ == "aux" and c.lower_ == "to" for c in h.children) \
            and not own_subject(v):
        return h.head
    return h


def absolute_clause(v: Token) -> bool:
    """True when ``v`` is the gerund of a "with" absolute clause with a subject of its
    own ("Russia vetoed the draft, with France condemning the move", "..., with China
    abstaining and Russia condemning the vote"): the clause tells another party's act,
    whose actor is the clause's own subject, not the main clause's (a fresh user's trial,
    twentieth round; annotation guide section 6: the actor is who does the act)."""
    if v.tag_ != "VBG" or v.dep_ not in ("pcomp", "conj"):
        return False
    x = v
    while x.dep_ == "conj" and x.head.i != x.i:
        x = x.head
    return x.dep_ == "pcomp" and x.head.lower_ in words("absolute_clause_preps") \
        and any(c.dep_ == "nsubj" for c in v.children)


def _cut_off_subject(c: Token, subs: list[Token], v: Token) -> bool:
    """True when another subject of ``v`` stands between ``c`` and ``v``, after a comma
    that follows ``c`` (:func:`subject`)."""
    doc = c.doc
    return any(c.i < o.i < v.i and any(doc[k].text == "," for k in range(c.i + 1, o.left_edge.i))
               for o in subs if o is not c)


def own_subject(v: Token) -> bool:
    """True when ``v`` has a subject of its own (active, passive or clausal)."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in v.children)


def agentless_passive(v: Token) -> bool:
    """True when ``v`` is a passive verb with a passive subject and no by-phrase agent
    ("three deputy ministers were suspended for remarks about the prime minister")."""
    return any(c.dep_ == "nsubjpass" for c in v.children) and any(c.dep_ == "auxpass" for c in v.children) \
        and not any(c.dep_ == "agent" for c in v.children)


def existential_verb(tok: Token) -> Token | None:
    """The verb of the existential clause whose pivot is the noun ``tok`` ("were" in
    "There were no clashes on the border": the verb has the expletive "there" and ``tok``
    as its attribute or subject), or None. Such a clause names no doer of the noun's act
    (docs/annotation.md section 6: leave the actor empty rather than guess; r27k)."""
    v = tok.head
    if v.i == tok.i or tok.dep_ not in ("attr", "nsubj"):
        return None
    return v if any(c.dep_ == "expl" and c.lower_ == "there" for c in v.children) else None


def reason_phrase_words(v: Token) -> set[int]:
    """Token indexes of the reason phrases of ``v`` (words.yaml ``reason_preps``: "were
    suspended for remarks about the prime minister", "was recalled over comments about
    X"). The reason is another act, and whom it is about, or who did it, is no doer of
    the act it explains: a passive whose agent the sentence does not name has no actor
    there (docs/annotation.md section 5, passive arrest with unnamed agent: actor empty,
    "do not guess"; the fresh user's trial, eighteenth round: a prime minister named in
    the reason became the actor of the suspension). Other phrases may still name the
    agent the train gold gives ("two soldiers were killed during a clash with the
    rebels")."""
    preps = words("reason_preps")
    return {w.i for c in v.children if c.dep_ == "prep" and c.lower_ in preps for w in c.subtree}


#: Tags of a finite verb (a clause of its own, not a participle).
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def stranded_subject(v: Token) -> Token | None:
    """The subject of a conjoined clause that the parse hung on the previous clause's
    object list: "Tehran released a teacher and Paris handed over an engineer" is
    parsed as "released [a teacher and Paris]" and a subjectless "handed". English
    grammar: a noun phrase directly before a finite verb, with no "and" or comma
    between them, is that verb's subject; a verb sharing the first clause's subject follows the
    conjunction itself ("released a teacher and handed over ..."). So: for ``v``, a
    finite active ``conj`` verb with no subject, the ``conj`` noun of an object list
    of ``v``'s head verb whose phrase ends right before ``v``'s own words; None when
    there is none (the fresh user's trial, eighteenth round: such a subject became the
    first clause's recipient and the second clause took the first one's actor).

    The parse also hangs such a second clause on the first verb as an adverbial clause
    ("Protesters rallied outside the court and police fired tear gas": ``advcl``
    "fired", "police" a conjunct of "the court"); an adverbial clause after its verb
    with a finite verb and no subordinating word ("after", "because", "when": a
    ``mark``) is no adverbial clause in English, so it is read the same way (the fresh
    user's trial, nineteenth round: the protest took the police as its actor and the
    police's act was folded into the protest)."""
    if v.dep_ not in ("conj", "advcl") or v.pos_ not in ("VERB", "AUX") or any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj", "auxpass") for c in v.children):
        return None
    if v.dep_ == "advcl" and (v.i < v.head.i or any(c.dep_ == "mark" for c in v.children) or not (
            v.tag_ in _FINITE or any(c.dep_ == "aux" and c.i < v.i and c.lower_ != "to" for c in v.children))):
        return None  # "will meet with X and other officials to discuss ...": a purpose clause
    if v.tag_ not in _FINITE and not any(c.dep_ == "aux" and c.i < v.i for c in v.children):
        return None
    k = v.left_edge.i - 1
    if k < v.sent.start or v.doc[k].is_punct or v.left_edge.is_punct:
        return None  # "discussed the visit to Kyiv and Moscow, noted concerns ...": a series
    h = v.head
    # the phrases that end right before the verb, innermost first ("Chile" of "the
    # governments of Argentina and Chile", then "governments")
    x, hops = v.doc[k], 0
    while hops < 6:
        if x.dep_ == "conj" and x.pos_ in ("NOUN", "PROPN", "PRON"):
            first = x
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            if first.dep_ in ("dobj", "obj", "attr") and first.head.i == h.i:
                return x
            if first.dep_ == "pobj" and first.head.dep_ == "prep" and first.head.head.i == h.i:
                return x
        if x.head.i == x.i or x.head.right_edge.i != k:
            return None
        x, hops = x.head, hops + 1
    return None


def is_stranded_subject(tok: Token) -> bool:
    """True when ``tok``, a conjunct of an object list, is the subject of the next
    clause's verb (:func:`stranded_subject`): it is no member of that list."""
    if tok.dep_ != "conj":
        return False
    nxt = tok.right_edge.i + 1
    if nxt >= tok.sent.end:
        return False
    x = tok.doc[nxt]
    if x.dep_ not in ("conj", "advcl") and x.head.left_edge.i == nxt:
        x = x.head  # an auxiliary or adverb before the verb ("Paris later handed ...")
    if x.dep_ not in ("conj", "advcl"):
        return False
    s = stranded_subject(x)
    return s is not None and s.i == tok.i


def next_clause_subjects(v: Token) -> frozenset[int]:
    """Token indexes of the subjects of the clauses conjoined after ``v`` that have a
    subject of their own, or one the parse hung on ``v``'s object list
    (:func:`stranded_subject`): "ECOWAS denounced the takeover and the governments of
    Ghana and Nigeria expressed support": the governments act in the second clause and
    are not whom the first clause's act is directed at (annotation guide section 6; the
    fresh user's trial, eighteenth round). Not a clause of obligation ("X should
    declare a ceasefire, and Y should withdraw": one statement's demands of both, whose
    subjects the train gold lists among the REQUEST's recipients). Looks at ``v``'s own
    children only."""
    out: set[int] = set()
    modals = words("obligation_modals")
    for c in v.children:
        if c.dep_ in ("conj", "advcl") and c.i > v.i and c.pos_ in ("VERB", "AUX") \
                and not any(a.dep_ == "aux" and a.lower_ in modals for a in c.children):
            s = (next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
                 if c.dep_ == "conj" else None) or stranded_subject(c)
            if s is not None and s.pos_ != "PRON":
                out.update(w.i for w in s.subtree)
    return frozenset(out)


def object_antecedent(h: Token) -> Token | None:
    """The group a plural object pronoun refers to in its own sentence: "Supporters of
    the mayor protested outside the court and police fired tear gas to disperse them",
    "Students rallied in the square and soldiers detained them": the protesters.

    English grammar (a personal pronoun is never bound by the subject of its own clause:
    "police dispersed them" is not the police) leaves the subject of the clause above
    that one: walking up from ``h`` (a ``dobj`` pronoun), the first subject met
    (the clause's own, or the one its infinitive or participle shares) is passed over
    and the next one, when it comes before the pronoun and names a group (a plural
    noun, a compound subject or an organisation), is the antecedent. None otherwise
    (no clause above with a subject: the story's memory decides,
    :meth:`tidings.coding.mentions.Mentions._pronoun`, which asks this for plural pronouns only).
    Annotation guide section 6: a pronoun takes its referent's country and sector;
    section 5: the police's act against a protest has the protesters as recipient (the
    fresh user's trial, nineteenth round: "them" took the protesters' patron)."""
    if h.pos_ != "PRON" or h.dep_ != "dobj":
        return None
    x, hops, own = h.head, 0, None
    while hops < 6:
        if x.pos_ in ("VERB", "AUX"):
            s = subject(x) or next((c for c in x.children if c.dep_ == "nsubjpass"), None)
            if s is not None:
                if own is None:
                    own = s
                else:
                    if s.i > h.i or s.pos_ == "PRON" or s.i == own.i:
                        return None
                    plural = s.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in s.children) \
                        or s.ent_type_ in ("ORG", "NORP") or (s.pos_ == "PROPN" and s.ent_type_ not in ("PERSON", "GPE"))
                    return s if plural else None
        if x.head.i == x.i:
            return None
        x, hops = x.head, hops + 1
    return None


def relative_subject_antecedent(h: Token) -> Token | None:
    """The party a singular subject pronoun "it" refers to when it is the subject of a
    relative clause whose relative pronoun is its object ("called for sanctions on
    Eritrea, which it accuses of arming the militants"): the subject of the clause that
    names the noun the relative clause describes (its own verb's, else its coordinated
    verb's), as long as that subject is not the noun itself. English grammar: "it" in
    "X, which it accuses" is not X, and the nearest party that is no object of that
    clause is its subject; the story's last "it" (often a party of an earlier sentence)
    gives way. None when ``h`` is no such pronoun or no such subject is found. Annotation
    guide section 6 (a pronoun takes its referent); a fresh user's trial, r28l."""
    if h.pos_ != "PRON" or h.lower_ != "it" or h.dep_ != "nsubj" or h.head.dep_ != "relcl":
        return None
    rel = h.head
    if not any(c.dep_ in ("dobj", "obj", "pobj") and c.tag_ in ("WDT", "WP") for c in rel.children):
        return None
    x = rel.head
    while x.pos_ not in ("VERB", "AUX") and x.head != x:
        x = x.head
    if x.pos_ not in ("VERB", "AUX"):
        return None
    subj = subject(x)
    while subj is None and x.dep_ == "conj" and x.head != x:
        x = x.head
        subj = subject(x)
    if subj is None or subj.pos_ == "PRON" or subj.i == rel.head.i:
        return None
    return subj


def other_party_antecedent(h: Token) -> Token | None:
    """The party a singular object pronoun ("it": words.yaml ``pronouns_it``) of a verb
    refers to in its own sentence, when its verb's subject is named before it: "Dhaka
    protested to New Delhi and asked it to follow proper procedures" (New Delhi), "Kenya
    summoned Uganda's envoy and told it to explain": the last word before the pronoun,
    outside the subject's phrase, that names a state or organisation (a GPE, ORG or NORP
    proper noun, not a possessor). English grammar: a personal pronoun object is never
    bound by the subject of its own clause ("Dhaka asked it": not Dhaka), so the story's
    last "it" (:meth:`tidings.coding.mentions.Mentions._pronoun`), which may be that
    subject's side, gives way. None when ``h`` is no such object pronoun, its verb's
    subject (its own, else its coordinated verb's) is not named before it, or no
    other party comes before it. Annotation guide section 6 (a pronoun takes its
    referent); a fresh user's trial, twentieth round (REQUEST Dhaka -> "it" coded
    Bangladesh).

    "him" and "her" the same way refer to the last person the sentence names (a PERSON
    proper noun) after the subject and outside its phrase, and the subject of a participle clause
    is its main clause's ("X's chief minister wrote to Foreign Minister Y urging him to
    secure their release": Y, not the story's last person; a fresh user's trial, r22g;
    the annotation guide section 6 and REQUEST: the party urged is the recipient)."""
    person = h.lower_ in words("pronouns_person_object")
    if h.pos_ != "PRON" or not (h.lower_ == "it" or person) or h.dep_ not in ("dobj", "dative", "pobj"):
        return None
    v = h.head.head if h.dep_ == "pobj" else h.head
    if v.pos_ not in ("VERB", "AUX"):
        return None
    subj = subject(v)
    x = v
    while subj is None and (x.dep_ == "conj" or x.dep_ == "advcl" and x.tag_ == "VBG") and x.head != x:
        x = x.head
        subj = subject(x)
    if subj is None or subj.i > h.i or subj.pos_ == "PRON":
        return None
    own = {w.i for w in subj.subtree}
    for w in reversed(list(h.doc[h.sent.start:h.i])):
        if w.i in own or w.dep_ in ("poss", "compound", "amod") or w.pos_ != "PROPN":
            continue
        if person and w.ent_type_ == "PERSON":
            # (only a person told between the subject and the pronoun: "X spoke with
            # Y to congratulate her", parsed with Y the subject, is not X)
            return w if w.i > subj.i else None
        if not person and w.ent_type_ in ("GPE", "ORG", "NORP") and w.tag_ != "NNPS":
            return w
    return None


#: Entity labels of a party a clause can be about (spaCy's OntoNotes labels: nationalities
#: and groups, countries and cities, organisations, people).
PARTY_ENTITY_LABELS = frozenset({"NORP", "GPE", "ORG", "PERSON"})


def up_the_tree(v: Token, test: Callable[[Token], bool], limit: int = 8) -> bool:
    """True when ``test`` holds for ``v`` or one of its first ``limit`` ancestors."""
    x = v
    for _ in range(limit):
        if test(x):
            return True
        if x.head == x:
            return False
        x = x.head
    return False


def inside_condition(v: Token) -> bool:
    """True when ``v`` itself sits inside an "if"/"unless" clause (PLOVER manual,
    Auxiliary modes: hypothetical)."""
    marks = words("conditional_marks")
    return up_the_tree(v, lambda x: any(c.dep_ == "mark" and c.lower_ in marks for c in x.children))


def in_relative_clause(v: Token) -> bool:
    """True when ``v`` sits inside a relative clause or a noun's modifier clause."""
    return up_the_tree(v, lambda x: x.dep_ in ("relcl", "acl"))


def nonrestrictive_party_clause(v: Token) -> bool:
    """True when the verb ``v`` heads a non-restrictive relative clause about a party:
    set off by a comma, opened by a relative pronoun of words.yaml
    ``nonrestrictive_relative_pronouns`` as its subject, and hanging on a named party or
    a group ("Moscow, which threatened countermeasures", "the rebels, who seized the town
    on Monday,"). The clause tells an act of that party in passing: annotation guide
    section 11.1 labels an act a relative clause mentions when it names a party, and
    :func:`tidings.coding.arguments` makes the antecedent its actor. A restrictive clause
    ("the troops that were deployed") or one on a thing ("the deal, which ended the
    war") is not one."""
    if v.dep_ != "relcl" or v.pos_ not in ("VERB", "AUX") or v.head == v:
        return False
    pron = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if pron is None or pron.lower_ not in words("nonrestrictive_relative_pronouns"):
        return False
    first = min(w.i for w in v.subtree)
    if first == 0 or v.doc[first - 1].text != ",":
        return False
    ante = v.head
    return ante.pos_ != "PRON" and (ante.ent_type_ in PARTY_ENTITY_LABELS or names_group(ante))


def in_quote(tok: Token) -> bool:
    """True when the token stands inside quotation marks in its sentence (quoted speech
    is often opinion or hope rather than a report of an event)."""
    # the text from the sentence start up to the token (``doc.text`` would rebuild the
    # whole story's text on every call)
    before = tok.doc[tok.sent.start:tok.i].text_with_ws
    opened = before.count("\u201c") - before.count("\u201d")
    return opened > 0 or before.count('"') % 2 == 1


def claim_apposition(v: Token) -> bool:
    """True when ``v`` heads a clause that stands before the word it hangs on, whose
    subject or fronted object (between the two) holds a claim noun
    (``words("claim_nouns")``): spaCy's small model parses "X accused Y of supplying the
    drones, a charge Y has denied" as "[a charge Y] denied [X accused ...]" or "[a
    charge] [Y] denied [X accused ...]", the appositive's verb governing the main clause. The appositive
    speaks of the charge; the accusation before it was made (annotation guide section 3,
    ACCUSE allege and REJECT), so neither governs, negates nor folds the other (r26f, a
    fresh user's trial: the accusation was lost)."""
    if v.dep_ not in ("ccomp", "parataxis") or v.i > v.head.i:
        return False
    claims = words("claim_nouns")
    return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and v.i < c.i < v.head.i
               and any(w.pos_ == "NOUN" and w.lemma_.lower() in claims for w in c.subtree)
               for c in v.head.children)


def semicolon_clause(v: Token) -> bool:
    """True when ``v`` heads a clause that a semicolon parts from the word it hangs on:
    spaCy's small model often makes the first of two clauses joined by a semicolon the
    complement of the second ("Police arrested 12 protesters; the opposition condemned
    the arrests": "arrested" a ``ccomp`` of "condemned"). Two clauses a semicolon joins
    are coordinate sentences (English punctuation), so neither governs, reports or
    folds the other (issue 16: the second clause after a semicolon lost its event)."""
    if v.dep_ not in ("ccomp", "parataxis", "advcl", "xcomp", "conj"):
        return False
    h = v.head
    a, b = (v.right_edge.i + 1, h.i) if v.i < h.i else (h.i + 1, v.left_edge.i)
    return any(t.text == ";" and t.head == h for t in v.doc[a:b])


def depth(tok: Token) -> int:
    """How deep ``tok`` sits below its sentence's root, not counting the complement of a
    reporting verb ("X said Y attacked Z": "attacked" is at depth 0)."""
    reporting = words("reporting")
    d = 0
    while tok.head != tok and d < 50:
        if tok.head.lemma_.lower() not in reporting or tok.dep_ not in ("ccomp", "parataxis", "xcomp") \
                or semicolon_clause(tok):
            d += 1
        tok = tok.head
    return d


_OWN_CLAUSE = frozenset({"nsubj", "nsubjpass", "csubj", "aux", "auxpass", "neg"})


def own_tense(v: Token) -> bool:
    """True when the coordinated verb ``v`` is finite in a tense of its own while the
    verb it is coordinated to is a bare form under a modal ("Taipei would not compete
    with Beijing and closed its embassy", "could not agree and walked out"): the modal
    and the negation belong to the first verb only, since a past or present form cannot
    share a modal (PLOVER manual, Auxiliary modes: each act's own status; a fresh user's
    trial, eighteenth round). "could attack and seize" (bare forms) share it; after a
    perfect ("has not recalled its envoy and expelled ...") the tagger's past form is the
    participle, so it shares too. After "did not" (do-support) only a regular past form in
    "-ed" or a present form in "-s" joined by "and" has a tense of its own ("did not
    recognise the court and rejected the order", r28h); an irregular form ("did not arrest
    or beat them") or "or" shares (the train split has one "did not participate ... or
    opposed" in a background clause it labels no event)."""
    if v.dep_ != "conj" or v.head.tag_ != "VB":
        return False
    h = v.head
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in h.children):
        return v.tag_ in ("VBD", "VBZ", "VBP")
    # "did not recognise the court and rejected the order" (r28h): after do-support the
    # head is bare, so a regular past form in -ed or a present form in -s joined by "and"
    # has its own tense; "did not arrest or beat them" (an irregular form, or "or") shares
    if not any(c.dep_ == "aux" and c.lemma_.lower() == "do" for c in h.children):
        return False
    if not any(c.dep_ == "cc" and c.lower_ == "and" and h.i < c.i < v.i for c in (*h.children, *v.children)):
        return False
    return (v.tag_ == "VBD" and v.lower_.endswith("ed")) or (v.tag_ == "VBZ" and v.lower_.endswith("s"))


def verb_children(v: Token) -> list[Token]:
    """The children of verb ``v``, with the auxiliaries and negation it shares with the
    verb it is coordinated to: in "rebels could attack the town and seize the airport" or
    "did not meet or call him", "seize" and "call" have no subject, auxiliary or negation
    of their own, so "could" and "not" are theirs too (a coordinated verb phrase shares
    its auxiliaries; PLOVER manual, Auxiliary modes)."""
    kids = list(v.children)
    if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") and v.head.i < v.i \
            and not any(c.dep_ in _OWN_CLAUSE for c in kids) and not own_tense(v):
        shared = ("aux", "auxpass", "neg") if shares_negation(v) else ("aux", "auxpass")
        kids += [c for c in v.head.children if c.dep_ in shared and c.i < v.i]
    return kids


def shares_negation(v: Token) -> bool:
    """False when verb ``v``, coordinated to the verb before it, does not fall under that
    verb's negation: a contrast ("but", "yet": words.yaml ``contrast_conjunctions``)
    joins them ("did not attack the camp but shelled the village"), or the head is a
    copula whose "not" negates its predicate ("the talks were not easy but produced a
    deal", "was not a surprise and drew protests"). True otherwise ("did not meet or
    call him"). Annotation guide section 4: negation only for an act the text says did
    not happen; r24c."""
    h = v.head
    if v.dep_ != "conj" or h.i == v.i:
        return True
    contrast = words("contrast_conjunctions")
    if any(c.dep_ == "cc" and c.lower_ in contrast and h.i < c.i < v.i for c in (*h.children, *v.children)):
        return False
    return not (h.lemma_.lower() == "be" and any(c.dep_ in ("acomp", "attr") for c in h.children))


def reporting_head(v: Token) -> Token | None:
    """The reporting verb whose complement contains ``v`` ("said" in "X said Y attacked
    Z"), or None."""
    reporting = words("reporting")
    # "There were no clashes on the border, a spokesman said": the event noun is reported
    # through its existential clause (r27k)
    x = existential_verb(v) or v
    for _ in range(4):
        if x.head == x:
            return None
        if semicolon_clause(x):
            return None  # "Rebels shelled the town; officials said ...": no report of it
        if x.dep_ in ("ccomp", "parataxis", "xcomp") and x.head.lemma_.lower() in reporting:
            return x.head
        if x.dep_ not in ("conj", "ccomp", "xcomp"):
            return None
        x = x.head
    return None


def reported_act_of_participle(v: Token) -> tuple[Token, Token] | None:
    """``(doer, reporter)`` for a justifying participle that follows a reporting clause
    set between it and the act it explains: "The navy seized a trawler on Monday, the
    ministry said, accusing its crew of fishing illegally". ``v`` must be an adverbial
    participle (``advcl``, ``VBG``) of words.yaml ``justifying_participles``; the parse
    hangs it on the reporting verb (words.yaml ``reporting``; the act its complement
    before it, or the act its head with the reporting verb a ``parataxis``) or on the
    act (the reporting verb a ``parataxis`` between them). The act
    needs a subject and a direct object. When the participle's own object is a pronoun
    or a common noun ("the vessel", "their crews") it takes up the act's object and the
    act's subject is the doer; a proper name ("..., Seoul said, accusing Pyongyang of
    ...") is the act's own party, and the reporter accuses: the doer is the reporting
    verb's subject. ``reporter`` is the reporting verb. None when ``v`` is no such
    participle or no such reporting clause stands before it. Annotation guide section 6
    (the actor is who does the act); a fresh user's trial, twenty-fourth round."""
    if v.dep_ != "advcl" or v.tag_ != "VBG" or v.lemma_.lower() not in words("justifying_participles"):
        return None
    reporting = words("reporting")
    h = v.head
    if h.lemma_.lower() in reporting and h.i < v.i:
        rep = h
        act = next((c for c in rep.children if c.dep_ in ("ccomp", "parataxis") and c.i < rep.i), None)
        if act is None and rep.dep_ == "parataxis" and rep.head.i < rep.i:
            act = rep.head  # (the act the root, the reporting clause hung on it)
    else:
        act = h
        rep = next((c for c in h.children if c.dep_ == "parataxis" and h.i < c.i < v.i
                    and c.lemma_.lower() in reporting), None)
    if act is None or rep is None or subject(act) is None or subject(rep) is None \
            or not any(c.dep_ in ("dobj", "obj") for c in act.children):
        return None
    obj = next((c for c in v.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return None
    named = obj.pos_ == "PROPN" or obj.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
    return (subject(rep) if named else subject(act)), rep


def object_control(v: Token) -> tuple[Token, Token | None] | None:
    """The verb whose direct object controls the gerund ``v`` through a preposition of
    ``object_control_preps`` ("accused Moscow of shelling", "blamed the rebels for
    ambushing", the preposition attached to the verb or to its object), with that
    object (the gerund's understood subject; None when the verb has none): ``(verb,
    object)``, or None when ``v`` is no such gerund."""
    p = v.head
    if v.dep_ != "pcomp" or p.dep_ != "prep" or p.lower_ not in words("object_control_preps"):
        return None
    gov = p.head
    if gov.dep_ in ("dobj", "obj") and gov.head.pos_ == "VERB":
        return gov.head, gov                         # "accused [Moscow [of shelling]]"
    if gov.pos_ == "VERB":
        return gov, next((c for c in gov.children if c.dep_ in ("dobj", "obj")), None)
    return None


def charge_head(v: Token) -> Token | None:
    """The accusing verb whose charge the gerund ``v`` names ("accused" in "X accused Y
    of shelling Z", "blamed" in "X blamed Y for attacking": :func:`object_control` by a
    ``charge_verbs`` verb), else None."""
    got = object_control(v)
    return got[0] if got is not None and got[0].lemma_.lower() in words("charge_verbs") else None


def charged_noun_head(n: Token) -> Token | None:
    """The accusing verb whose charge the act noun ``n`` names as the object of its
    object's preposition ("accused" in "Kyiv accused Moscow of the forced deportation of
    children", "blamed" in "Guyana blamed armed gangs for the attack"): the preposition
    (``object_control_preps``) hangs on the verb's direct object or on the verb itself,
    which has a direct object (the accused), and the verb names the doer it charges
    (``doer_naming_stances``: accuse, blame); else None. Annotation guide, section 5
    (last row): an act one side blames on another is claimed by the blamer (the verb's
    own subject: a participle without one gives None); the train
    gold gives "blamed Colombian drug trafficking gangs for the attack" and "whom it
    blamed for the attack" the blamer as claimed_by. Not the wider ``charge_verbs``:
    "condemns the DPRK for its test", "condemned the series of assassinations" name a
    stance, not a claim, and the train gold gives those acts no claimant (r28i)."""
    if n.dep_ != "pobj" or n.pos_ not in ("NOUN", "PROPN"):
        return None
    p = n.head
    if p.dep_ != "prep" or p.lower_ not in words("object_control_preps"):
        return None
    gov = p.head
    if gov.dep_ in ("dobj", "obj") and gov.head.pos_ == "VERB":
        v = gov.head
    elif gov.pos_ == "VERB" and any(c.dep_ in ("dobj", "obj") for c in gov.children):
        v = gov
    else:
        return None
    if v.lemma_.lower() not in words("doer_naming_stances"):
        return None
    # a participle with no subject of its own ("the call to Radio Caracol blaming X for
    # the explosion") names no claimant the parse can find: the caller is not its object
    return v if any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) else None


def number(tok: Token) -> float:
    """The value of a numeral token ("504", "11,654", "1.5"), or 0 when it is no digit string."""
    try:
        return float(tok.text.replace(",", ""))
    except ValueError:
        return 0.0


def private(tok: Token) -> bool:
    """True for a mention of private persons ("a farmer", "two brothers", "his
    neighbour"): a person noun (``person_nouns``) without a national, ethnic or
    organisational modifier and not a named entity; pronouns and names are not private
    (they may be officials). PLOVER codes political actors (PLOVER manual, Introduction)."""
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return False
    if tok.lemma_.lower() not in words("person_nouns"):
        return False
    organised = words("organised_modifiers")
    return not any(c.ent_type_ in ("NORP", "GPE", "ORG") or c.lemma_.lower() in organised
                   for c in tok.subtree if c is not tok)


def is_clause_object(tok: Token) -> bool:
    """True for an object that stands for a clause (a verb, "that", "what")."""
    return tok.pos_ in ("VERB", "AUX") or tok.lemma_.lower() in words("clause_object_words")


def conditional_threat(v: Token) -> bool:
    """True when the conditional act is announced by its actor ("warned it would strike
    if ...", "will boycott unless ...", "will begin enriching uranium if ...": the modal
    on a phase verb the act is the complement of), which PLOVER codes as THREATEN; a bare
    hypothetical ("if the ceasefire collapses, thousands could flee") is no event
    (PLOVER manual, Auxiliary modes)."""
    if v.head.lemma_.lower() in words("threatening_verbs"):
        return True
    subj = subject(v)
    if any(c.lower_ in words("epistemic_modals") for c in v.children):
        # epistemic "could/might" is speculation unless the actor speaks of itself
        # ("Pakistan said it could cut trade"); "analysts say the armies could clash" is not
        return reporting_head(v) is not None and (subj is None or subj.pos_ == "PRON")
    if reporting_head(v) is not None:
        return True
    marks = words("conditional_marks")
    has_cond = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
                   for c in v.children)
    # "will begin enriching uranium if ...": the modal stands on the phase verb the act
    # hangs on (words.yaml phase_verbs, r28p)
    modal_hosts = [v, v.head] if v.dep_ == "xcomp" and v.head.lemma_.lower() in words("phase_verbs") else [v]
    return has_cond and any(c.lower_ in words("conditional_modals") for h in modal_hosts for c in h.children)


def is_historical(text: str, pub_year: int | None) -> bool:
    """True when a date phrase lies years back: "decades ago", or a year more than one
    year before the publication year (PLOVER manual, Auxiliary modes: historical)."""
    low = text.lower()
    if any(w in low for w in words("historical_phrases")):
        return True
    years = [int(y) for y in _YEAR.findall(text)]
    return bool(years and pub_year and max(years) < pub_year - 1)


def years_after(x: Token) -> bool:
    """True when ``x`` (a clause's verb or an event noun) is what a span of years comes
    after: "(met on Friday,) thirty years after the two countries fought a war", "decades
    after the war". The act lies years before the main clause, so it is background
    (PLOVER manual, Auxiliary modes: historical). Plural units only ("two years",
    "decades"): "a year after" is too close to call."""
    if x.pos_ in ("NOUN", "PROPN"):
        p = x.head if x.dep_ == "pobj" else None
        if p is None or p.lower_ != "after":
            return False
        mods = p.children
    else:
        if not any(c.dep_ == "mark" and c.lower_ == "after" for c in x.children):
            return False
        mods = x.children
    return any(c.dep_ == "npadvmod" and c.tag_ == "NNS" and c.lemma_.lower() in words("historical_spans")
               for c in mods)


def threat_phrase(x: Token) -> bool:
    """ "use force", "take (military) action", "take control of": what a warning threatens
    (PLOVER manual, THREATEN)."""
    lem, head = x.lemma_.lower(), x.head.lemma_.lower()
    return (lem == "force" and head == "use") or (lem == "action" and head == "take") or \
        (lem == "control" and head in ("take", "seize", "assume"))


#: First halves of correlative coordinations ("neither X nor Y", "either X or Y", "both X and Y").
_CORRELATIVES = frozenset({"neither", "either", "both"})


def phrase(h: Token, stop_of: bool = False) -> str:
    """Text of the noun phrase headed by ``h``: its left modifiers, the head, and an "of"
    phrase; relative clauses, appositions and other prepositions are left out."""
    return phrase_span(h, stop_of).text


def phrase_span(h: Token, stop_of: bool = False) -> Span:
    """The words of :func:`phrase` as a span of ``h``'s document."""
    toks = [h]

    def add(t: Token) -> None:
        for c in t.children:
            # a correlative's first half ("neither", "either", "both": preconj, or det
            # when the parse says so) belongs to the coordination, not to the first
            # member's name ("Neither Russia nor Ukraine"); "neither side" keeps it
            if t == h and c.lower_ in _CORRELATIVES and any(x.dep_ == "cc" for x in h.children):
                continue
            if c.i < h.i and c.dep_ not in ("relcl", "acl", "appos", "punct", "cc", "conj", "preconj"):
                toks.append(c)
                add(c)
            elif c.i > h.i and t == h and c.dep_ == "prep" and c.lower_ in ("of", "for", "to") and not stop_of \
                    and not _owned_attribute(c) and not _reason_phrase(c) and not _act_phrase(c, h):
                toks.extend(c.subtree)
            elif c.i > h.i and t != h and c.dep_ not in ("relcl", "acl", "punct", "cc", "conj", "appos"):
                toks.append(c)
                add(c)
    add(h)
    toks = sorted(set(toks), key=lambda t: t.i)
    # a line break the parse hung on the phrase is no word of it ("leaders of Vietnam\n"
    # at the end of a headline line: a fresh-user trial, fourteenth round)
    while len(toks) > 1 and toks[-1].is_space and toks[-1] != h:
        toks.pop()
    while len(toks) > 1 and toks[0].is_space and toks[0] != h:
        toks.pop(0)
    # keep contiguous text from the first to the last token
    return h.doc[toks[0].i: toks[-1].i + 1]


def _owned_attribute(prep: Token) -> bool:
    """True when ``prep``'s object is someone's quality or act (a words.yaml
    ``attribute_nouns`` noun with a possessor: "thanked the Crown Prince for Bahrain's
    contribution", "the Taoiseach for Ireland's leadership"): the parse hung the verb's
    phrase on the person, whose name it is not part of (a title's own "for" phrase, "the
    Minister for Foreign Affairs", has no possessor)."""
    return any(p.pos_ == "NOUN" and p.lemma_.lower() in words("attribute_nouns")
               and any(c.dep_ == "poss" for c in p.children)
               for p in prep.children if p.dep_ == "pobj")


def _act_phrase(prep: Token, h: Token) -> bool:
    """True when ``prep`` after the common noun ``h`` holds a gerund with no noun object
    ("accused Russia's neighbours of militarising the Baltic", "accused the terrorists
    of hiding in hospitals"): the parse hung the verb's charge on the party, whose name
    it is not part of (a fresh user's trial, twentieth round). A proper name keeps its
    words ("Committee for Protecting ...")."""
    if h.pos_ != "PROPN" and any(p.dep_ == "pcomp" and p.tag_ == "VBG" for p in prep.children) \
            and not any(p.dep_ == "pobj" for p in prep.children):
        return True
    return _charge_read_as_noun(prep, h)


def act_phrase(prep: Token, h: Token) -> bool:
    """True when the preposition ``prep`` after the noun ``h`` holds an act, not part of
    ``h``'s name (:func:`_act_phrase`: "accused the terrorists of hiding in hospitals",
    "accused the federal government of withholding fuel and cash")."""
    return _act_phrase(prep, h)


def _charge_read_as_noun(prep: Token, h: Token) -> bool:
    """True when the "of" phrase after ``h``, the direct object of an accusing verb
    (words.yaml ``charge_verbs``), opens with a gerund the parse read as a noun modifier
    of the next noun ("accused the federal government of withholding fuel": "withholding"
    a compound of "fuel"): the charge, not part of the accused's name (annotation guide
    section 6: the recipient of "accused X of Y-ing" is X alone). A name's own "of"
    phrase ("the government of Sudan") opens with no such word. r28o, a fresh user's
    trial."""
    if prep.lower_ != "of" or h.dep_ not in ("dobj", "obj") or h.head.lemma_.lower() not in words("charge_verbs"):
        return False
    first = h.doc[prep.i + 1] if prep.i + 1 < len(h.doc) else None
    return first is not None and first.head != prep and first.pos_ != "PROPN" \
        and first.dep_ in ("compound", "amod", "nmod") and first.lower_.endswith("ing") and len(first) > 5


def _reason_phrase(prep: Token) -> bool:
    """True when ``prep`` is a reason phrase (words.yaml ``reason_preps``) whose object is
    a wrongdoing (``wrongdoing_nouns``, ``criticised_act_nouns``): "a warrant for the
    rebel leader for attacks against civilians", "sanctions on three commanders for
    abuses against the Uyghurs". The parse hung the act's reason on the person, whose
    name it is not part of (its victims would give the person their sector); a title's
    own "for" phrase ("the Minister for Foreign Affairs") names no wrongdoing."""
    if prep.lower_ not in words("reason_preps"):
        return False
    acts = words("wrongdoing_nouns") | words("criticised_act_nouns")
    return any(p.dep_ == "pobj" and p.pos_ == "NOUN" and p.lemma_.lower() in acts for p in prep.children)


def approximate_count_start(h: Token, span: Span) -> int | None:
    """Where the count of the noun phrase ``span`` headed by ``h`` begins when an
    approximator stands before it ("Up to 300 ethnic Uzbeks", "at least 50 FARC
    rebels", "over 100 members of the FMLN", "An estimated 200 soldiers"): the token
    index of the number; None when the phrase has no number or nothing before it but
    the number's own phrase is a determiner ("the 300 soldiers")."""
    num = next((c for c in h.children if c.dep_ == "nummod" and c.i < h.i), None)
    if num is None or num.i <= span.start:
        return None
    before = span.doc[span.start:num.i]
    mods = {t.i for t in num.subtree if t.i < num.i} | {c.i for c in h.children if c.dep_ in ("amod", "advmod")}
    if not any(t.i in mods for t in before) or any(t.i not in mods and t.dep_ != "det" for t in before):
        return None
    return num.i


def of_objects(tok: Token) -> list[Token]:
    """The objects of ``tok``'s "of" phrases ("dozens of prisoners" -> prisoners)."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj"]


def one_participant(toks: list[Token | None], lists: bool = True) -> set[int]:
    """Token indexes of the participants ``toks`` name, with their list partners and
    appositions both ways ("Foreign Minister X and his Pakistani counterpart Y": "Y" is
    the counterpart, "X" and "counterpart" the list): a mention and its apposition are
    one participant, never actor and recipient at once, never counted twice (issue 17).
    Returns the indexes of every such token (the heads of the phrases, not their words);
    with ``lists`` False, the list partners' appositions but not the partners themselves
    (a partner the entities of ``toks`` left out may still be the other side: "talks held
    by X, Britain's envoy, and Argentine diplomat Y")."""
    out: set[int] = set()
    for tok in toks:
        if tok is None:
            continue
        for x in (tok, *tok.conjuncts):
            if lists or x == tok:
                out.add(x.i)
            out.update(c.i for c in x.children if c.dep_ == "appos" and _closed_apposition(c))
            if x.dep_ == "appos" and x.head != x and _closed_apposition(x):
                out.add(x.head.i)
    return out


_NAME_ENTS = frozenset({"GPE", "ORG", "NORP", "PERSON", "LOC"})


def apposition_list(tok: Token) -> list[Token]:
    """The further members of a list of names the parse hung on ``tok`` as an apposition
    ("Mali, Burkina Faso and Niger announced ...", "The EU, NATO and the UN condemned
    ...": "Faso" and "NATO" parsed as appositions of the first name, the last name their
    conjunct): ``[apposition, *its conjuncts]`` when ``tok`` is a proper name, the
    apposition follows it after a comma and has conjuncts, and it and every conjunct is a
    proper name the parser tags as a named entity; ``[]`` otherwise. A real apposition
    describes its head ("Tshisekedi, President of Congo and chairman of the bloc": the
    title is no entity; "the Sahel states, Mali, Niger and Burkina Faso": the head is no
    name). Each member of a coordinated subject or object is a party of its own (PLOVER
    manual, actors: compound actors; docs/annotation.md section 6), as the corpus labels
    such lists (the train gold lists every member of 3-name lists)."""
    def named(t: Token) -> bool:
        return t.pos_ == "PROPN" and t.ent_type_ in _NAME_ENTS

    if not named(tok):
        return []
    for a in tok.children:
        if a.dep_ != "appos" or a.i <= tok.i or not a.conjuncts:
            continue
        if not any(t.text == "," for t in tok.doc[tok.i + 1:a.left_edge.i]):
            continue
        members = [a, *[c for c in a.conjuncts if c.i > a.i]]
        if all(named(m) for m in members):
            return members
    return []


def headline_name_list(tok: Token) -> list[Token]:
    """The other members of a bare comma list of names that opens a headline and ends in
    the subject ``tok`` ("Japan, South Korea, US hold air drills near Jeju": the parser
    keeps "US" as the subject and hangs "Japan" and "South Korea" off the sentence as an
    adverb or an apposition; "Japan, Australia, India hold ...": "Japan" the subject, the
    others its appositions): the last word of each other name, in order; ``[]`` unless
    the words before ``tok``'s verb, from the sentence's first word, are two or more names
    (proper nouns the parser tags as named entities, ``_NAME_ENTS``) separated by single
    commas, ``tok`` the last word of one of them. Each member of a coordinated subject is
    a party of its own (PLOVER manual, actors: compound actors; docs/annotation.md section
    6; section 3: a joint exercise of several states is COOPERATE). Headlines drop the
    "and" (r26z, a fresh user's trial); the caller reads only headline lines."""
    v = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or v.i <= tok.i:
        return []
    start = tok.sent.start
    pieces: list[list[Token]] = [[]]
    for t in tok.doc[start:v.i]:
        if t.text == ",":
            pieces.append([])
        elif t.pos_ == "PROPN" and t.ent_type_ in _NAME_ENTS:
            pieces[-1].append(t)
        else:
            return []
    if len(pieces) < 2 or any(not p for p in pieces) or not any(p[-1] == tok for p in pieces):
        return []
    return [p[-1] for p in pieces if p[-1] != tok]


def _closed_apposition(a: Token) -> bool:
    """True when the apposition ``a`` reads as one: next to its head with no comma
    ("his counterpart Ishaq Dar"), or closed by punctuation after it ("the ambassador,
    Anne Boillon, was"). An "apposition" the parse made of a clause's subject after a
    fronted phrase ("In a meeting with X, Deputy Secretary Y stressed ...") is neither."""
    h = a.head
    lo, hi = (h.i, a.left_edge.i) if h.i < a.i else (a.right_edge.i, h.i)
    if not any(t.text == "," for t in a.doc[lo:hi]):
        return True
    after = a.right_edge.i + 1
    return after >= len(a.doc) or a.doc[after].is_punct

def prep_objects(tok: Token, preps: frozenset[str] | set[str] | tuple[str, ...]) -> list[Token]:
    """The objects of ``tok``'s prepositions in ``preps`` ("met with X" -> X)."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children if p.dep_ == "pobj"]


def attribute_parties(tok: Token, depth: int = 0, owner_first: bool = False) -> list[Token]:
    """The words that may name whose a quality or stance is, when ``tok`` is a noun of
    words.yaml ``attribute_nouns`` ("commitment", "support", "leadership", "decision"):
    first the objects of its ``attribute_preps`` ("commitment to Kenya", "support for the
    OPCW": whom it is towards), then its possessor ("Ghana's contribution", "the Prime
    Minister's leadership": whose it is); each such word that is itself an attribute noun
    gives its own parties in turn ("commitment to Kenya's sovereignty" -> Kenya), up to
    three levels. ``[]`` when ``tok`` is no attribute noun, or it has neither. A thing
    praised, welcomed or committed to is no party; PLOVER codes whom it is about (the
    recipient of "praised the Prime Minister's leadership" is the Prime Minister).

    ``owner_first``: the possessor comes before the objects, at every level: the act a
    stance evaluates is its owner's ("praised Poland's support for Kyiv": Poland, not
    Kyiv; "thanked Ghana for its aid to Togo": Ghana; words.yaml
    ``evaluated_owner_types``)."""
    if depth > 3 or tok.pos_ != "NOUN":
        return []
    if tok.lemma_.lower() in words("standing_nouns"):
        # "Sweden's NATO membership", "the accession of Albania to the EU", "membership
        # for Ukraine", "Iran's nuclear programme": whose standing or project it is, never
        # the body joined or the place it is in
        return [p for c in tok.children if c.dep_ == "poss" for p in (c, *c.conjuncts)] \
            + prep_objects(tok, tuple(words("standing_preps")))
    if tok.lemma_.lower() not in words("attribute_nouns"):
        return []
    preps = words("attribute_preps")
    objs: list[Token] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    objs.append(p)
                elif p.dep_ == "pcomp" and p.pos_ == "VERB":
                    # "support for Sweden joining NATO": the gerund's subject, else its
                    # object ("commitment to supporting Ukraine") or its partner
                    # ("commitment to working with ASEAN")
                    objs.extend([x for x in p.children if x.dep_ == "nsubj"]
                                or [x for x in p.children if x.dep_ == "dobj"] + prep_objects(p, preps))
    owners = [c for c in tok.children if c.dep_ == "poss"]
    if owner_first and owners:
        objs, owners = owners, objs
    out: list[Token] = []
    for p in objs + owners:
        out.extend(attribute_parties(p, depth + 1, owner_first) or [p])
    return out


def dateline_end(text: str) -> int:
    """Length of a dateline such as "GENEVA -", "LONDON (Reuters) --" or "KHARTOUM,
    March 3, 2025 --" at the start."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


def in_dateline(tok: Token) -> bool:
    """True when ``tok`` lies in a dateline at the start of its sentence
    (:func:`dateline_end`)."""
    sent = tok.sent
    return tok.i - sent.start <= 12 and tok.idx - sent.start_char < dateline_end(sent.text)


def names_group(tok: Token | None) -> bool:
    """True when ``tok`` heads a mention of one group ("the guerrillas", "Honduran
    troops", "the FMLN"): a plural noun or an organisation's name, no pronoun and no
    compound ("Chile and Peru"); "they" in a later sentence may refer to it."""
    return tok is not None and tok.pos_ != "PRON" and not tok.conjuncts and (
        tok.tag_ in ("NNS", "NNPS") or tok.ent_type_ == "ORG")


def is_weapon(e: Entity) -> bool:
    """True when an entity is a weapon named as the attacker ("a missile", "jets").

    A mention the resolver gave a sector of people (``weapon_people_sectors`` in
    ``data/words.yaml``: "suicide bombers", "our fighters" are REB) is people, not a
    weapon, whatever its last word; one whose words name an armed force
    (``weapon_force_words``: "army helicopters", "a military plane") is that force."""
    if e.sector in words("weapon_people_sectors"):
        return False
    ws = e.text.lower().split()
    actors = words("weapon_actors")
    if ws and set(ws[:-1]) & words("weapon_force_words"):
        return False  # "army helicopters", "a military plane": the force (weapon_force_words)
    return bool(ws) and (ws[-1] in actors or ws[-1].rstrip("s") in actors)


def ownerless_munition(tok: Token | None) -> bool:
    """True when ``tok`` heads a munition named as the subject of an act with no word
    saying whose it is: a noun of words.yaml ``munition_nouns`` ("shells fell on the
    camp", "artillery rounds hit positions", "a rocket hit the embassy", "two mines
    exploded"). Such a subject is a thing, no actor, and the sentence names no one who
    fired it: the event's actor is left empty, never guessed from another clause
    (annotation guide section 5; the corpus train gold: "A ROCKET HIT ...", "THE
    MISSILE EXPLODED ..." have no actor). False for no token, a pronoun, a noun with an
    "of" phrase ("a round of talks"), and one whose modifiers or possessor name its
    owner: a name, a nationality or an armed force of ``weapon_force_words``
    ("government drones", "Hamas rockets", "Russian missiles", "its shells"): that owner
    is the actor. r25n."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"):
        return False
    if tok.lemma_.lower() not in words("munition_nouns") and tok.lower_.rstrip("s") not in words("munition_nouns"):
        return False
    force, weapons = words("weapon_force_words"), words("weapon_actors")
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return False  # "a round of talks", "a barrel of oil"
        if c.dep_ == "poss":
            return False  # "its shells", "the army's drones"
        if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i and any(
                (w.pos_ == "PROPN" or w.ent_type_ in ("ORG", "GPE", "NORP") or w.lower_ in force)
                and w.lower_.rstrip("s") not in weapons  # "Mortar rounds" at a sentence's start
                for w in c.subtree):
            return False  # "government drones", "Hamas rockets", "Russian missiles"
    return True


def may_name_person(tok: Token | None) -> bool:
    """True when the mention headed by ``tok`` may name one person, whom a later "he" or
    "she" can refer to: a person's name, a singular role noun ("the Secretary", "the
    minister") or a singular personal pronoun. False for a state, place, nationality or
    organisation (the parser's GPE, NORP, ORG, LOC, FAC), a plural noun, "it"/"they"/"we",
    a common noun that names a state, body or side (``words.yaml`` impersonal_party_heads:
    "the Omani side", "the ministry"), and for no token."""
    if tok is None:
        return False
    if tok.ent_type_ in ("GPE", "NORP", "ORG", "LOC", "FAC"):
        return False
    if tok.tag_ in ("NNS", "NNPS"):
        return False
    if tok.pos_ == "PRON":
        return tok.lower_ in words("pronouns_singular")
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in words("impersonal_party_heads"):
        return False  # "the Omani side", "the ministry": a party, not a person
    return True


def punished_crime(n: Token) -> tuple[Token | None, frozenset[int]] | None:
    """The accused and the crime's own words when the act ``n`` (an event noun, or a
    gerund: "for killing six clergymen") is the crime a legal or punitive act punishes,
    named by its "over"/"for" phrase (words.yaml ``punitive_reason_preps``) or "in
    connection with" (``reason_phrase_nouns``) on a word of ``punitive_words`` or on that
    word's object ("issued an arrest warrant for a commander over killings", "sanctioned
    three commanders over the killings", "arrested three men in connection with the
    attack", "was sentenced for the murder of two policemen"), or by the "in" phrase of a
    part in a crime (words.yaml ``culpability_nouns``: "two suspects in the kidnapping",
    "his role in the killing", "denied any role in the attack": the suspect, else the
    part's possessor, else none is the accused; r27g). Returns ``(accused,
    own)``: the punitive act's accused (a verb's direct object or passive subject, a
    conjoined verb's; a noun's "for"/"of"/"against"/"on" party or object; the object
    noun the phrase hangs on), None when none is named; ``own``: the indexes of ``n``'s
    own subtree (its victims, place, possessor). None when ``n`` is no such crime (a
    punitive word itself: "a warrant for his arrest").

    Rule: the accused of a punishment is the actor of the crime it punishes, and the
    punishing party is no party to that crime (annotation guide section 6: the actor is
    who does the act; the corpus train split: "arrested and sentenced ... for the murder
    of several policemen" ASSAULT, the accused as actor and the policemen as recipient;
    "the arrest of 45 soldiers ... for killing 6 clergymen" the soldiers as actor; r26t)."""
    punitive = words("punitive_words")
    if n.lemma_.lower() in punitive or n.dep_ not in ("pobj", "pcomp") or n.head == n:
        return None
    prep = n.head
    x = prep.head
    if prep.lower_ == "in" and x.pos_ in ("VERB", "AUX"):
        # "arrested two suspects in the kidnapping", "denied any role in the bombing", the
        # phrase hung on the verb: only when its object is a part in a crime ("arrested
        # 40 people in a raid": the raid is the arresters' own)
        x = next((c for c in x.children if c.dep_ in ("dobj", "obj")
                  and c.lemma_.lower() in words("culpability_nouns")), x)
    if prep.lower_ == "in" and x.lemma_.lower() in words("culpability_nouns") and x.pos_ == "NOUN":
        # "two suspects in the kidnapping", "his role in the killing": the suspect, else
        # the part's possessor, did the crime; the arresting or denying clause did not
        if x.lemma_.lower() in words("culpability_person_nouns"):
            culprit: Token | None = x
        else:
            culprit = next((c for c in x.children if c.dep_ == "poss"), None)
        if culprit is None and any(c.dep_ == "poss" for c in n.children):
            return None  # "denied any role in the archbishop's assassination": the act's own parse
        return culprit, frozenset(w.i for w in n.subtree)
    if prep.lower_ == "with" and x.lemma_.lower() in words("reason_phrase_nouns") \
            and x.dep_ == "pobj" and x.head.lower_ == "in" and x.head.head != x.head:
        x = x.head.head  # "in connection with the attack"
    elif prep.lower_ not in words("punitive_reason_preps"):
        return None
    accused: Token | None = None
    for _ in range(4):
        if x.lemma_.lower() in punitive:
            break
        measure = next((c for c in x.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in punitive), None) \
            if x.pos_ in ("VERB", "AUX") else None
        if measure is not None:
            x = measure  # "issued a warrant for X over the killings", the phrase on the verb
            break
        if x.dep_ in ("dobj", "obj", "pobj", "nsubjpass", "prep") and x.head != x:
            if accused is None and x.pos_ in ("NOUN", "PROPN", "PRON") and x.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME"):
                accused = x  # "sanctioned three commanders over ...": the phrase hangs on the accused
            x = x.head
        else:
            return None
    else:
        return None
    if accused is None:
        v = x
        if x.pos_ in ("VERB", "AUX"):
            if x.dep_ == "conj" and not any(c.dep_ in ("dobj", "obj", "nsubjpass") for c in x.children):
                v = x.head  # "was arrested and sentenced for ...": the first verb's party
            accused = next((c for c in v.children if c.dep_ in ("dobj", "obj")), None) \
                or next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        else:
            accused = next((p for p in prep_objects(x, ("for", "of", "against", "on")) if p.i not in
                            {w.i for w in n.subtree} and p.lemma_.lower() not in punitive), None) \
                or next((c for c in x.children if c.dep_ in ("dobj", "obj")), None)
    own = frozenset(w.i for w in n.subtree)
    if accused is not None and accused.i in own:
        accused = None
    return accused, own


def relative_clause_victims(n: Token) -> list[Token]:
    """The objects of a harming verb (words.yaml ``victim_relative_verbs``) in a relative
    clause whose subject is the event noun ``n`` itself ("the border clash that killed
    four soldiers", "an ambush which wounded two policemen"): whom the act befell, its
    recipient and never its actor (annotation guide section 6: the recipient is whom the
    act is directed at; r26t, a fresh user's trial). ``[]`` when there is none."""
    out: list[Token] = []
    for c in n.children:
        if c.dep_ == "relcl" and c.lemma_.lower() in words("victim_relative_verbs") and any(
                s.dep_ == "nsubj" and s.lower_ in ("that", "which") for s in c.children):
            out.extend(o for o in c.children if o.dep_ in ("dobj", "obj"))
    return out


#: Dependencies by which an event noun sits in the object of a stance word ("condemned
#: [the attack]", "condemnation [of [the attack]]", "condolences [for [the deaths]]").
_OBJECT_PATH = frozenset({"dobj", "obj", "pobj", "prep", "conj", "appos", "nsubjpass", "compound", "amod",
                          "relcl", "acl"})


def suppressed_act(n: Token) -> bool:
    """True when the event noun ``n`` is what a crackdown noun acts on (its "of", "on" or
    "against" object: "the violent suppression of protests", "a crackdown on rallies";
    words.yaml ``suppressing_act_nouns``) and has no possessor of its own. Source: annotation
    guide section 6 (the actor is who does the act); r27p."""
    if n.pos_ not in ("NOUN", "PROPN") or n.dep_ != "pobj" or any(c.dep_ == "poss" for c in n.children):
        return False
    p = n.head
    return p.dep_ == "prep" and p.lower_ in ("of", "on", "against") \
        and p.head.lemma_.lower() in words("suppressing_act_nouns")


def responded_to(n: Token) -> bool:
    """True when the event noun ``n`` names an act that a clause responds to: it is the
    object of a cause preposition (``cause_preps``) on a verb or on the verb's object,
    within five steps up the tree, and has no possessor ("summoned the envoy over the attack in Kashmir",
    "closed the crossing after the bombing"; not "left after its attack"). Such an act
    is another's: the clause's subject and objects are the responders and whom they act
    on, so only the noun's own words (a by-phrase, a possessor, a nationality) name its
    actor (docs/annotation.md section 6: who reacts to an act is not its actor)."""
    if n.pos_ not in ("NOUN", "PROPN"):
        return False
    head = n
    while head.dep_ in ("compound", "amod", "nmod") and head.head != head:
        head = head.head  # "Russia's military build-up": the possessor is on "up"
    if any(c.dep_ == "poss" for x in (n, head) for c in x.children):
        return False
    return _response_verb(n) is not None


def _response_verb(n: Token) -> Token | None:
    """The verb of the clause that responds to the act ``n`` names through a cause
    preposition (``cause_preps``), on the verb itself ("summoned the envoy over the
    attack") or on its object noun ("lodged a protest with Kabul over the attacks"),
    within five steps up the tree; None when there is none."""
    cause = words("cause_preps")
    x, hops, crossed = n, 0, False
    while hops < 5 and x.dep_ in _OBJECT_PATH and x.head != x:
        came, x, hops = x, x.head, hops + 1
        crossed = crossed or (came.dep_ == "prep" and (came.lower_ in cause or cause_phrase_prep(came)))
        if _response_purpose(x) and came.dep_ in ("dobj", "obj"):
            # "summoned the ambassador to protest the detention": the clause the purpose
            # verb serves responds to the act
            return x.head
        if x.pos_ in ("VERB", "AUX") and x.dep_ != "prep":  # "following" is tagged a verb
            return x if crossed else None
    return None


def cause_phrase_prep(p: Token) -> bool:
    """True when the preposition ``p`` closes a phrase "in NOUN" whose noun is one of
    ``cause_phrase_nouns`` ("in protest [at]", "in response [to]", "in retaliation
    [for]", "in direct response [to]"), read by position whatever the parse hangs ``p``
    on: its object is an act the clause responds to (docs/annotation.md section 6; r24f)."""
    if p.pos_ != "ADP" or p.lower_ == "in" or p.i < 2:
        return False
    doc = p.doc
    noun, j = doc[p.i - 1], p.i - 2
    if doc[j].pos_ == "ADJ" and j >= 1:
        j -= 1  # "in direct response to"
    return noun.lemma_.lower() in words("cause_phrase_nouns") and doc[j].lower_ == "in"


def _response_purpose(v: Token) -> bool:
    """True when ``v`` is a verb of ``response_purpose_verbs`` heading a purpose or
    accompanying clause of a verb with no subject of its own ("summoned the envoy [to
    protest] the detention", "recalled its envoy, [condemning] the shelling"): the act in
    its object is one the governing clause responds to (docs/annotation.md section 6;
    r24f)."""
    return v.pos_ == "VERB" and v.dep_ in ("advcl", "xcomp") and v.head != v \
        and v.head.pos_ in ("VERB", "AUX") and v.lemma_.lower() in words("response_purpose_verbs") \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in v.children)


def naming_verb(v: Token) -> bool:
    """True when ``v`` names or judges an act (``naming_verbs``: "described the attack as a
    violation", "termed the raid illegal"); "call" only with an object predicate or an
    "as" phrase ("called the strikes a war crime", not "called for talks"). A verb of
    holding a view (``view_verbs``) judges an act so when what it predicates is hostile
    pressure (``hostility_judgement_nouns``: "regarded the drills as intimidation"; the
    judgement is frame:act-regarded-as-hostility-is-disapproval, r25o)."""
    if v.pos_ in ("VERB", "AUX") and v.lemma_.lower() in words("view_verbs"):
        hostile = words("hostility_judgement_nouns")
        return any(w.lemma_.lower() in hostile for w in naming_predicate(v))
    if v.pos_ not in ("VERB", "AUX") or v.lemma_.lower() not in words("naming_verbs"):
        return False
    if v.lemma_.lower() != "call":
        return True
    return bool(naming_predicate(v))


def naming_predicate(v: Token) -> list[Token]:
    """The predicate words of a naming verb ``v`` (``naming_verbs``): the object predicate
    ("termed the raid [illegal]", "called the strikes [a war crime]") and the "as" phrase
    on the verb or its object ("described the attack [as a violation of the UN
    Charter]"), every word of their subtrees; ``[]`` when it has none. What an act is
    called is a judgement, not a party to it (issue 17)."""
    heads = [c for c in v.children if c.dep_ in ("oprd", "xcomp", "ccomp") and c.pos_ in ("NOUN", "ADJ", "PROPN")]
    for x in [v, *(c for c in v.children if c.dep_ in ("dobj", "obj"))]:
        heads.extend(c for c in x.children if c.dep_ == "prep" and c.lower_ == "as")
    # a second object is the predicate ("called the strikes a war crime" parsed with
    # two objects)
    objs = [c for c in v.children if c.dep_ in ("dobj", "obj")]
    heads.extend(objs[1:])
    for o in v.children:
        if o.dep_ == "oprd":
            heads.extend(c for c in o.children if c.dep_ in ("dobj", "obj", "attr"))
    return [w for h in heads for w in h.subtree]


def mediator_words(sent: Span, trigger: Token, hosts: bool = True, modifiers: bool = False,
                   helper_modifiers: bool = False) -> set[int]:
    """Token indexes of the mediators and helpers ``sent`` names: the "by" phrase of a
    mediating participle (words.yaml ``mediating_participles``: "brokered by Qatar") and
    the "by", "of" or "from" phrase of a mediating noun (``mediating_nouns``: "after
    mediation by Burkina Faso and Qatar", "with the help of Oman"), with their
    conjuncts and modifiers. A mediator is a third party to the act it helps (annotation
    guide section 3, CONSULT third-party), never its actor: "hostages freed after
    mediation by Qatar" were not freed by Qatar. Empty for the mediating word's own
    event (``trigger`` is that word: "mediation by Qatar" is Qatar's CONSULT). A noun is
    matched by its lemma or its own form ("under the auspices of the AU": spaCy's lemma
    of "auspices" is "auspex"). ``hosts=False`` leaves out the by-phrase of a hosting
    participle (``host_participles``: "a meeting hosted by X"), whose host the corpus
    makes the recipient of a lone guest's meeting. A "with" object with an "as" phrase of
    a role noun (``mediator_role_nouns``: "with Lula as host", "with Norway as
    mediator") is one too; its hosting nouns are left out as the participles are.
    With ``modifiers``, the country or nationality modifiers of a noun of good offices
    (``mediator_modifier_nouns``: "under Saudi and US mediation") and their conjuncts
    are too (r26q: the sides of a later "both sides"). With ``helper_modifiers``, only
    those of such a noun that is the object of a ``helper_phrase_preps`` word ("signed
    a ceasefire under Kenyan and Norwegian mediation"): the mediators are no recipient
    of the act it helps (annotation guide section 6, reciprocal acts; r26ad), while
    "accepted Saudi mediation" keeps its mediator."""
    nouns, parts = words("mediating_nouns"), words("mediating_participles")
    roles = words("mediator_role_nouns")
    if not hosts:
        parts = parts - words("host_participles")
        roles = roles - words("mediator_role_host_nouns")
    out: set[int] = set()
    for h in sent:
        lem = h.lemma_.lower()
        if h.i == trigger.i:
            continue
        helper = helper_modifiers and h.dep_ == "pobj" and h.head.lower_ in words("helper_phrase_preps")
        if (modifiers or helper) and h.pos_ == "NOUN" and (lem in words("mediator_modifier_nouns")
                                                           or h.lower_ in words("mediator_modifier_nouns")):
            out |= {x.i for c in h.children if c.dep_ in ("amod", "compound") and c.i < h.i
                    and c.ent_type_ in ("NORP", "GPE") for x in (c, *c.conjuncts)}
        if lem in roles and h.dep_ == "pobj" and h.head.lower_ == "as":
            # "met in Brasilia with Lula as host", "talks with Norway as mediator"
            # (words.yaml mediator_role_nouns; r25j): the "as" phrase hangs on the
            # "with" object or, as the parse often has it, on the verb beside it
            held = h.head.head
            if held.dep_ == "pobj" and held.head.lower_ == "with":
                x: Token | None = held
            else:
                x = next((p for c in held.children if c.dep_ == "prep" and c.lower_ == "with" and c.i < h.i
                          for p in c.children if p.dep_ == "pobj"), None)
            if x is not None and trigger not in x.subtree:
                out |= {w.i for y in (x, *x.conjuncts) for w in y.subtree}
            continue
        if h.pos_ in ("NOUN", "PROPN") and (lem in nouns or h.lower_ in nouns):
            preps = ("by", "of", "from")
            if h.dep_ == "pobj" and h.head.lower_ in words("helper_phrase_preps") \
                    and trigger not in h.subtree and prep_objects(h, preps):
                # "agreed to a truce with the mediation of Egypt": the circumstance that
                # names its mediator is no party either ("agrees with Perez' mediation"
                # is what is agreed to; "with the assistance offered by the US" holds
                # its own event)
                out |= {w.i for w in h.subtree}
        elif h.pos_ == "VERB" and h.tag_ == "VBN" and lem in parts:
            preps = ("by",)
        else:
            continue
        for c in h.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN"):
                        out |= {w.i for x in (p, *p.conjuncts) for w in x.subtree}
    return out


def judged_act(n: Token) -> bool:
    """True when the act word ``n`` (an event noun or verb) is what a naming verb
    (:func:`naming_verb`: "called the veto a disgrace", "described the arrest as a
    provocation", "termed the talks a farce") judges, within four steps up the tree.
    Such an act is retold (annotation guide 11.2), of whatever type: its judge is the
    actor of the judgement (ACCUSE, SUPPORT), never of the act, which is the party's
    the story names elsewhere, or no one's. On the corpus train split no "called/
    described the N as ..." sentence gives the speaker as the retold act's actor
    ("TERMED THE DIALOGUE SUSPENSION AS LOGICAL": the suspension has none). Stance
    verbs ("condemned the veto") keep their narrower reach over material acts only."""
    head = stance_head(n)
    return head is not None and naming_verb(head)


def judged_words(n: Token) -> set[int]:
    """Token indexes of the predicate of the naming verb (:func:`naming_verb`) that has
    the act ``n`` (an event noun or verb) in its object or predicate, within four steps up
    the tree ("described [the attack] as a violation of the UN Charter": "as a violation
    of the UN Charter"), less ``n`` itself; empty when there is none. Neither actor nor
    recipient of that act or of the judgement comes from them (issue 17)."""
    x, hops = n, 0
    while hops < 4 and (x.dep_ in _OBJECT_PATH or x.dep_ == "oprd") and x.head != x \
            and not _coordinated_verb(x):
        x, hops = x.head, hops + 1
        if naming_verb(x):
            return {w.i for w in naming_predicate(x)} - {n.i}
    return set()


def agentless_cause_clause(v: Token) -> bool:
    """True when ``v`` is the passive verb, with no by-agent, of an adverbial clause
    introduced by ``clause_cause_marks`` ("Security forces killed 33 militants after the
    train was hijacked near Sibi": "hijacked") or ``clause_condition_marks`` ("Iran
    would close the strait if its exports were blocked": "blocked"; r27k). The clause
    names no actor of its act, and the main clause's subject and objects are not its
    parties: they respond to it, or would (the verb counterpart of
    :func:`responded_to`; issue 17)."""
    if v.dep_ != "advcl" or v.head == v:
        return False
    kids = list(v.children)
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in kids) or any(c.dep_ == "agent" for c in kids):
        return False
    marks = words("clause_cause_marks") | words("clause_condition_marks")
    return any(c.dep_ in ("mark", "prep") and c.lower_ in marks for c in kids)


def prefixed_name_part(tok: Token) -> bool:
    """True when ``tok`` is the second half of a word joined by a hyphen to a prefix of
    words.yaml ``name_prefixes`` ("Pan-American", "Trans-Canada", "Inter-American",
    "sub-Saharan"), as one token or three with no space between. Such a word names a
    road, company, league or region ("the Pan-American highway", "the Trans-Canada
    Highway"), not the country or people inside it: it is no party (annotation guide
    section 6: the entity the sentence names; regions are not entities). A pair of
    country forms ("Anglo-French", "Sino-US") names both parties and is left alone.
    Constant time: the two words before ``tok``. A fresh user's trial, nineteenth
    round: "blocked the Pan-American highway" gave a recipient USA."""
    prefixes = words("name_prefixes")
    low = tok.lower_
    for h in ("-", "\u2013"):
        if h in low.strip(h):  # one token: "pan-american"
            return low.split(h, 1)[0] in prefixes
    if tok.i < 2:
        return False
    dash, pre = tok.doc[tok.i - 1], tok.doc[tok.i - 2]
    return dash.text in ("-", "\u2013") and not dash.whitespace_ and not pre.whitespace_ \
        and pre.lower_ in prefixes


def condition_phrase(tok: Token) -> bool:
    """True when ``tok`` heads a phrase that names a legal or political condition, not a
    party: "state" with an "of" phrase of words.yaml ``state_conditions`` ("a state of
    emergency", "the state of siege"). Such a phrase is what is declared, extended or
    lifted, never who is acted upon (annotation guide section 6: actor and recipient are
    entities the sentence names; the train gold gives none of 23 sentences with such a
    phrase a recipient from it). "The state of Israel" names a party and is left alone.
    A fresh user's trial, nineteenth round: "threatened to declare a state of emergency"
    gave a recipient sector GOV."""
    if tok.lemma_.lower() != "state":
        return False
    return any(p.lemma_.lower() in words("state_conditions") for p in prep_objects(tok, ("of",)))


def level_phrase(tok: Token) -> bool:
    """True when ``tok`` (or the list it ends: "foreign and defence ministers") is the
    "of" object of a noun of words.yaml ``level_nouns`` that is itself a preposition's
    object: "at the level of deputy foreign ministers", "on the level of heads of state",
    "downgraded to the rank of charge d'affaires". Such a phrase says at what rank the
    parties act, not who the other party is: it names no actor or recipient (annotation
    guide section 6: actor and recipient are the entities that act and are acted upon;
    the corpus train split gives no "at the level of" phrase a party). Constant time: the
    word's heads. Twenty-fourth round (r24e): "The sides agreed to continue
    consultations at the level of deputy foreign ministers" gave the recipient "deputy
    foreign ministers"."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    level = tok.head.head
    return level.lemma_.lower() in words("level_nouns") and level.dep_ == "pobj"


def manner_phrase(tok: Token) -> bool:
    """True when ``tok`` is a bare manner or instrument noun (words.yaml
    ``manner_nouns``, the word form itself: "force", not "forces") that is the object of a
    ``manner_preps`` preposition with no determiner, possessor or number ("will respond
    with force", "seized power by force", "acted with restraint", "killed with
    impunity"; not "clashed with the force", "attacked by government forces"). Such a
    phrase says how an act is done and names no party (PLOVER manual: actor and
    recipient are political entities; docs/annotation.md section 6)."""
    if tok.dep_ != "pobj" or tok.lower_ not in words("manner_nouns") \
            or tok.head.lower_ not in words("manner_preps"):
        return False
    return not any(c.dep_ in ("det", "poss", "nummod", "predet") for c in tok.children)


def _coordinated_verb(x: Token) -> bool:
    """True when ``x`` is a verb coordinated with the verb above it ("called the deal a
    provocation and [expelled] the envoy"): a clause of its own that shares the subject,
    not an object of that verb, so no stance or naming verb above it judges its act
    (annotation guide section 6: the shared subject is the actor of each coordinated
    verb; a fresh user's trial, twentieth round, r20l)."""
    return x.dep_ == "conj" and x.pos_ in ("VERB", "AUX") and x.head.pos_ in ("VERB", "AUX")


def stance_head(n: Token) -> Token | None:
    """The stance word (``stance_words``: "condemned", "condemnation", "expressed") or
    naming verb whose object holds the event noun or verb ``n``, within four steps up
    the tree ("condemned the attack", "in condemnation of the strikes", "expressed
    condolences for the deaths"); None when there is none."""
    stance = words("stance_words")
    x, hops = n, 0
    while hops < 4 and (x.dep_ in _OBJECT_PATH or x.dep_ == "oprd") and x.head != x \
            and not _coordinated_verb(x):
        x, hops = x.head, hops + 1
        if x.lemma_.lower() in stance or x.lower_ in stance or naming_verb(x):
            return x
    return None


def judge_clause_words(n: Token) -> set[int]:
    """Token indexes of what else the judge of the act noun ``n`` says or does: the
    clauses coordinated with the verb whose stance word has ``n`` in its object
    (:func:`stance_head`; not an accusing word of ``doer_naming_stances``: "accused Moscow
    of the attack" names its doer), when ``n`` has no possessor ("The ministry condemned
    the attack and called on the UN to act": "called on the UN to act"). Whom the judge
    addresses there is no party to the act judged: only the act's own phrase, or the
    stance clause itself, may name its doer (docs/annotation.md section 2: a retelling
    is labelled with what the sentence itself gives; section 6: actor = who does the
    act). Empty when there is no such clause."""
    if n.pos_ not in ("NOUN", "PROPN"):
        return set()
    head = n
    while head.dep_ in ("compound", "amod", "nmod") and head.head != head:
        head = head.head
    if any(c.dep_ == "poss" for x in (n, head) for c in x.children):
        return set()
    v = stance_head(n)
    if v is None or v.lemma_.lower() in words("doer_naming_stances"):
        return set()
    for _ in range(3):  # a stance noun's clause: "expressed [condolences]", "in [condemnation]"
        if v.pos_ in ("VERB", "AUX") or v.head == v:
            break
        v = v.head
    # a coordinated clause that lays the act on someone names its doer ("condemned the
    # attack and attributed it to the commandos")
    doers = words("attribution_verbs") | words("blame_verbs") | words("doer_naming_stances")
    own = {x.i for x in n.subtree}
    return {w.i for c in v.conjuncts if c.lemma_.lower() not in doers for w in c.subtree if w.i not in own}


def stance_takers(n: Token, responders: bool = True) -> list[Token]:
    """The heads of the mentions that take a stance towards the act the event noun ``n``
    (or the verb of a relative or participle clause: "mourned the villagers who were
    killed") names ("The FMLN condemned the attack": "FMLN"; "X expressed condolences for
    the deaths": "X"; "the killings were denounced by leaders": "leaders"), or respond to
    it ("India summoned the envoy over the attack": "India"): the subject (shared by
    coordinated verbs), or passive agent, of the clause whose stance word
    (``stance_words``) has ``n`` in its object, or whose verb has ``n`` in a cause
    preposition's object (:func:`responded_to`; with ``responders``), within four (five)
    steps up the tree. They are the actors of the stance or response, not of the act
    (a responder may be its target: "Israel closed the crossing after the bombing", so
    whoever looks for a recipient passes ``responders=False``). ``[]`` when there is none."""
    found = stance_head(n)
    if found is None and responders and responded_to(n):
        # "summoned the envoy over the attack", "closed the crossing after the bombing",
        # "lodged a protest over the attacks": the clause responds to the act, its
        # subject did not do it
        found = _response_verb(n)
    if found is None:
        return []
    v = found
    for _ in range(3):  # a stance noun's clause: "expressed [condolences]", "in [condemnation]"
        if v.pos_ in ("VERB", "AUX"):
            break
        if v.head == v:
            return []
        v = v.head
    out = []
    s = subject(v)
    if s is None and _response_purpose(v):
        # "X summoned the envoy to protest the detention": X protests (r24f)
        s = subject(v.head)
    w, hops = v, 0
    while s is None and not own_subject(w) and w.dep_ == "conj" and w.head != w and hops < 3:
        # "India expelled a diplomat and summoned the envoy over the attack": the subject
        # the coordinated verbs share
        w, hops = w.head, hops + 1
        s = subject(w)
    if s is not None:
        out.append(s)
    for c in v.children:
        if c.dep_ == "agent":
            out.extend(p for p in c.children if p.dep_ == "pobj")
    return [t for o in out for t in [o, *o.conjuncts]]


def stance_superiors(n: Token) -> list[Token]:
    """The subjects of the clauses that govern the clause of the stance word over the act
    noun ``n`` (:func:`stance_head`) by a complement ("NATO said the alliance would help
    Estonia investigate the attack": "alliance" and "NATO" above "Estonia investigate"),
    and their conjuncts; when the stance verb has no subject, the object of the verb that
    governs it ("would assist Kenyan police in investigating the bombing": "police"). Who says, or helps, that a judge condemns or investigates an act
    did not do the act any more than the judge did (docs/annotation.md section 6: actor =
    who carries out the act; section 1: saying is not doing). Only complement links
    (``ccomp``, ``xcomp``, ``pcomp`` and its ``prep``) are climbed, at most five: a coordinated clause ("rebels
    attacked the base and the army condemned the attack") may name the doer. ``[]`` when
    ``n`` is in no stance word's object."""
    found = stance_head(n)
    if found is None:
        return []
    v = found
    for _ in range(3):  # a stance noun's clause: "expressed [condolences]", "in [condemnation]"
        if v.pos_ in ("VERB", "AUX") or v.head == v:
            break
        v = v.head
    out: list[Token] = []
    hops, bare = 0, subject(v) is None
    while bare and v.dep_ == "conj" and v.head != v and hops < 3:
        # "had seized the ship and were investigating its crew on suspicion of sabotage":
        # coordinated verbs with one subject share their governing clause
        v, hops = v.head, hops + 1
        bare = subject(v) is None
    hops = 0
    while v.dep_ in ("ccomp", "xcomp", "pcomp", "prep") and v.head != v and hops < 5:
        v, hops = v.head, hops + 1
        if v.pos_ not in ("VERB", "AUX"):
            continue
        s = subject(v)
        if s is not None:
            out.extend([s, *s.conjuncts])
        if bare:
            # "would assist Kenyan police in investigating the bombing": a stance verb with
            # no subject of its own is done by the governing verb's object
            out.extend(o for c in v.children if c.dep_ == "dobj" for o in (c, *c.conjuncts))
            bare = False
    return out


def source_phrase_words(tok: Token, sent: Span | None = None) -> set[int]:
    """Token indexes of the source phrases (``source_phrases``: "according to X") of the
    sentence of ``tok``: the head word, its preposition and the preposition's object
    with all its words. The source of a report asserts the act; it is neither its actor
    nor its recipient (annotation guide, section 6: ``claimed_by`` for "said", "according
    to"; issue 16). Empty when the sentence has none. ``sent``: the sentence of ``tok``
    when the caller has it (``Token.sent`` walks the sentence to find it)."""
    global _SOURCE_LAST
    if sent is None:
        sent = tok.sent
    last = _SOURCE_LAST
    if last[0] is sent.doc and last[1] == sent.start and last[2] == sent.end:
        return set(last[3])                 # the same sentence as the last call (issue 20)
    pairs = {tuple(p.split()) for p in words("source_phrases")}
    preps = {p[-1] for p in pairs}
    out: set[int] = set()
    for w in sent:
        if w.lower_ in preps and w.dep_ == "prep" and (w.head.lower_, w.lower_) in pairs:
            out |= {w.head.i, w.i} | {x.i for c in w.children for x in c.subtree}
    _SOURCE_LAST = (sent.doc, sent.start, sent.end, frozenset(out))
    return out


#: The last sentence :func:`source_phrase_words` read: (doc, start, end, its answer).
_SOURCE_LAST: tuple = (None, -1, -1, frozenset())


def clause_verb(h: Token) -> Token | None:
    """The nearest verb above ``h`` (the verb of the clause that holds it: "mediate" for
    "neighbours" in "offered to mediate between the two neighbours"), ``h`` itself when
    it is a verb; None when the climb reaches the root without one."""
    x, hops = h, 0
    while hops < 12:
        if x.pos_ in ("VERB", "AUX"):
            return x
        if x.head == x:
            return None
        x, hops = x.head, hops + 1
    return None


def caused_party_words(sent: Span, n: Token) -> set[int]:
    """Token indexes of the parties the sentence's causative verbs (``words.yaml``
    causative_verbs) make act: the object of "prompting X to V", "forcing X to V" (or the
    subject of its infinitive clause where the parse makes it one, "causing X to flee"),
    with its words. Such a party does the caused act (``n`` in the infinitive clause
    keeps it), never the act that caused it: "Azerbaijan retook the region in a rapid
    offensive, prompting 90,000 ethnic Armenians to flee" (the Armenians are not the
    offensive's actor; a fresh user's trial, twentieth round, r20l). Empty when there is
    none."""
    out: set[int] = set()
    verbs = words("causative_verbs")
    for v in sent:
        if v.pos_ != "VERB" or v.lemma_.lower() not in verbs:
            continue
        clause = next((c for c in v.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")
                       and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
        if clause is None or n.i in {w.i for w in clause.subtree}:
            continue
        party = next((c for c in v.children if c.dep_ in ("dobj", "obj") and c.i < clause.i), None) \
            or next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if party is not None and party.i != n.i:
            out |= {w.i for w in party.subtree}
    return out


def ally_words(frame: Token) -> set[int]:
    """Token indexes of the parties named as the frame verb's side: the object of an ally
    preposition (``words.yaml`` ally_preps: "fighting alongside the militia"), of "with"
    under "together" ("fought together with the rebels") and of "on the side of" ("fought
    on the side of the government"), with their words. Such a party is the actor's ally,
    never the target of the act (annotation guide section 3, ASSAULT: the recipient is
    the target; the train gold makes "MERCENARIES ... FIGHTING ALONGSIDE THE FMLN" co-actors
    with the FMLN; a fresh user's trial, r25k). Empty when there is none, and for a passive
    frame verb, whose "together with" names fellow victims ("were killed together with the
    clergymen"; the train gold makes them recipients)."""
    out: set[int] = set()
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in frame.children):
        return out  # "were killed together with the clergymen": fellow victims, not allies
    allies = words("ally_preps")
    preps = [c for c in frame.children if c.dep_ == "prep"]
    preps += [p for c in frame.children if c.dep_ == "advmod" and c.lower_ == "together"
              for p in c.children if p.dep_ == "prep"]
    for p in preps:
        objs = [o for o in p.children if o.dep_ == "pobj"]
        if p.lower_ in allies:
            pass
        elif p.lower_ == "with" and (p.head.lower_ == "together"
                                     or any(c.dep_ == "advmod" and c.lower_ == "together" and c.i < p.i
                                            for c in frame.children)):
            pass
        elif p.lower_ == "on" and any(o.lemma_.lower() == "side"
                                      and any(q.dep_ == "prep" and q.lower_ == "of" for q in o.children)
                                      for o in objs):
            pass
        else:
            continue
        for o in objs:
            out |= {w.i for w in o.subtree}
    return out
