"""The trigger classifier: which words of a sentence carry an event, of which type.

Every verb and noun of a parsed sentence is a candidate trigger; a multi-class logistic
regression (17 classes: the 16 PLOVER types and ``NONE``) reads the word, its syntax,
the trigger lexicon's types for it and the rule coder's decision about it, and says
which type of event the word reports. Trained on the corpus (``corpus/``): a labelled
event's trigger phrase is found in its sentence and its syntactic head is the word.
"""

from __future__ import annotations

from collections.abc import Iterable


#: Parts of speech a trigger can have (spaCy universal tags).
TRIGGER_POS = frozenset({"VERB", "NOUN"})
_MODALS = frozenset({"will", "would", "could", "might", "may", "should", "must", "can", "shall"})
_SKIP = frozenset({"be", "have", "do", "say", "tell", "add", "include", "year", "day", "week",
                   "month", "time", "people", "percent", "country", "government", "official",
                   "state", "minister", "president"})


def is_candidate(tok) -> bool:
    """True for a word that may carry an event: a verb or noun, alphabetic, not a name
    and not one of a few words that never do (``_SKIP``: "be", "say", "year" ...)."""
    return tok.pos_ in TRIGGER_POS and tok.is_alpha and tok.lemma_.lower() not in _SKIP and len(tok.text) > 2


def is_question(text: str) -> bool:
    """True when a sentence's text ends with a question mark (before closing quotes)."""
    return text.rstrip().rstrip('"\u201d\'').endswith("?")


def token_features(tok, lexicon=None, rule_types: Iterable[str] = (), question: bool | None = None,
                   past: bool = False) -> list[str]:
    """Features of a candidate trigger word.

    Args:
        tok: a spaCy ``Token`` of a parsed sentence.
        lexicon: a :class:`tidings.lexicon.Lexicon` (its types for the lemma are features).
        rule_types: the types of the rule coder's events whose trigger includes this word.
        question: whether the token's sentence is a question (:func:`is_question` of its
            text); None: worked out from ``tok.sent`` (the coder passes it once per
            sentence: building the sentence's text for every word was a fifth of the
            classifier's time, issue 20).
        past: read the word's tense as the simple past (``tag:VBD``): a headline's
            present simple verb ("China warns Taiwan") tells a done act in the
            journalistic present (:func:`tidings.coding.learned.headline_past`).
    Returns:
        strings: lemma, part of speech, dependency, head lemma and dependency, the
        children's dependencies and prepositions, negation, modal auxiliaries, whether
        it sits in a question, quote or relative clause, lexicon types, rule types, and
        the lemma conjoined with the dependency and with the head.
    """
    # each attribute read once (string-store look-ups; ``Token.head`` makes a new
    # ``Token`` on every call): the same strings in the same order (issue 20)
    lem = tok.lemma_.lower()
    head = tok.head
    dep = tok.dep_
    hlem = head.lemma_.lower()
    hdep = head.dep_
    f = [f"lem:{lem}", f"pos:{tok.pos_}", "tag:VBD" if past else f"tag:{tok.tag_}", f"dep:{dep}",
         f"hlem:{hlem}", f"hdep:{hdep}", f"lem_dep:{lem}|{dep}",
         f"lem_hlem:{lem}|{hlem}", f"hpos:{head.pos_}"]
    for c in tok.children:
        cdep = c.dep_
        f.append(f"cdep:{cdep}")
        if cdep == "neg":
            f.append("neg")
        elif cdep in ("aux", "auxpass"):
            if c.lower_ in _MODALS:
                f.append(f"modal:{c.lower_}")
        elif cdep == "prep":
            clow = c.lower_
            f.append(f"prep:{clow}")
            f.append(f"lem_prep:{lem}|{clow}")
        elif cdep == "prt":
            f.append(f"lem_prt:{lem}|{c.lower_}")
        if cdep in ("dobj", "nsubj", "nsubjpass", "pobj", "attr"):
            ent = c.ent_type_
            if ent:
                f.append(f"arg_ent:{cdep}|{ent}")
            if cdep == "dobj":
                f.append(f"lem_obj:{lem}|{c.lemma_.lower()}")
    if dep in ("dobj", "nsubj", "pobj", "nsubjpass"):
        f.append(f"noun_gov:{lem}|{hlem}")
    if dep == "relcl" or hdep == "relcl":
        f.append("relcl")
    if question is None:
        question = is_question(tok.sent.text)
    if question:
        f.append("question")
    if lexicon is not None:
        lx = (lexicon.verbs if tok.pos_ == "VERB" else lexicon.nouns).get(lem)
        if lx is not None:
            f += [f"lex:{lx.event_type}", f"lex_mode:{lx.event_type}|{lx.mode}"]
        for p, lx in lexicon.particles.get(lem, ()) if tok.pos_ == "VERB" else ():
            if any(c.lower_ == p for c in tok.children):
                f.append(f"lexp:{lx.event_type}")
    rt = list(rule_types)
    f += [f"rule:{t}" for t in rt] or ["rule:none"]
    return f
