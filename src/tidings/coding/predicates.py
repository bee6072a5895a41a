"""The named predicates that rule conditions call, and the word views they test.

A rule's condition ``{"pred": "words", "of": "objects", "any": ["@sanctionable"]}`` calls
the predicate ``words`` with the view ``objects`` (the lemmas of the trigger's objects)
and a word set. Predicates are small Python functions over the parse, registered with
:func:`predicate` together with the arguments they take and the stages they apply in;
the rule validator checks every call against that registration. Knowledge (which words)
stays in the rule files and ``data/words.yaml``; a predicate only knows the grammar.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Span, Token

from ..actors import igo_codes, role_terms
from ..dates import MONTH_PATTERN, compared_since
from ..errors import TidingsError
from ..records import AUX_MODES, EVENT_TYPES, QUAD_CLASS
from . import syntax
from .rules import Cond, Ctx, parse_words
from .words import words

#: Stages whose rules are about one trigger (``ctx.t``).
TRIGGER_STAGES = frozenset({"sense", "filter", "speech", "aux", "event", "actor", "mode", "fold"})
#: Stages whose rules are about the event being made (``ctx.event``).
EVENT_STAGES = frozenset({"event", "actor", "mode"})


@dataclass(frozen=True)
class Predicate:
    """A named test over a :class:`~tidings.coding.rules.Ctx`.

    ``params`` maps each argument name to ``(kind, required)``; kinds: ``words`` (a word
    set), ``types`` (PLOVER types), ``strings``, ``aux`` (auxiliary modes), ``flags``
    (trigger flags), ``int``, ``number``, ``bool``, ``view`` (a name of :data:`VIEWS`),
    ``trigger`` (``"sub"`` in stage ``fold``), ``pattern`` (spaCy Matcher),
    ``dep_pattern`` (DependencyMatcher).
    """

    name: str
    fn: Callable[..., bool]
    params: dict[str, tuple[str, bool]]
    stages: frozenset[str]
    doc: str

    def bind(self, args: dict[str, Any], stage: str, where: str) -> Cond:
        """Check ``args`` and return the condition ``ctx -> bool``.

        Raises TidingsError(T301) when the predicate does not apply in ``stage``, an
        argument is missing, unknown, or of the wrong kind."""
        if stage not in self.stages:
            raise TidingsError("T301", f"{where}: not available in stage {stage!r} (only {sorted(self.stages)})")
        unknown = set(args) - set(self.params)
        missing = {k for k, (_, req) in self.params.items() if req and k not in args}
        if unknown or missing:
            raise TidingsError("T301", f"{where}: unknown arguments {sorted(unknown)}, missing {sorted(missing)}")
        bound = {k: _convert(kind, args[k], stage, f"{where}.{k}") for k, (kind, _) in self.params.items()
                 if k in args}
        # fn(ctx, **bound) without a Python frame of its own around each test (rules are
        # tested some 170,000 times over the 89 VOA stories: issue 20, sixth round)
        return partial(self.fn, **bound)


def _convert(kind: str, value: Any, stage: str, where: str) -> Any:
    def strings() -> frozenset[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise TidingsError("T301", f"{where}: expected a list of strings")
        return frozenset(value)

    if kind == "words":
        return parse_words(value, where)
    if kind in ("types", "aux", "flags"):
        allowed = {"types": EVENT_TYPES, "aux": AUX_MODES, "flags": _FLAGS}[kind]
        got = strings()
        if not got <= set(allowed):
            raise TidingsError("T301", f"{where}: {sorted(got - set(allowed))} not among {allowed}")
        return got
    if kind == "strings":
        return strings()
    if kind == "modes":
        if not isinstance(value, list):
            raise TidingsError("T301", f"{where}: expected a list of modes (null for none, @list for a word list)")
        named = [m for m in value if isinstance(m, str) and m.startswith("@")]
        return frozenset(m for m in value if m not in named) | (parse_words(named, where) if named else frozenset())
    if kind in ("int", "number"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TidingsError("T301", f"{where}: expected a number")
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise TidingsError("T301", f"{where}: expected true or false")
        return value
    if kind == "view":
        view = VIEWS.get(value)
        if view is None or stage not in view[1]:
            raise TidingsError("T301", f"{where}: no view {value!r} in stage {stage!r}")
        return value
    if kind == "trigger":
        if value != "sub" or stage != "fold":
            raise TidingsError("T301", f"{where}: trigger is \"sub\", in stage fold only")
        return value
    if kind == "pattern":
        return _compiled(value, where, dep=False)
    if kind == "dep_pattern":
        return _compiled(value, where, dep=True)
    raise AssertionError(kind)


#: Token pattern keys whose test :func:`_token_tests` can make without spaCy's matcher
#: (the key -> the ``Token`` attribute it compares, as the matcher compares it)
_TESTED_ATTRS = {"LEMMA": "lemma_", "LOWER": "lower_", "ORTH": "orth_", "TEXT": "text", "POS": "pos_",
                 "TAG": "tag_", "DEP": "dep_"}
#: DependencyMatcher operators whose right node is a child of its left node
_CHILD_OPS = frozenset({">", ">+", ">-", ">++", ">--"})
#: How :meth:`_Pattern.may_anchor` finds the tokens a linked node may be on, by the
#: link's operator: the left node's head (``<``), its children (:data:`_CHILD_OPS`),
#: its ancestors (``<<``, spaCy's ``_dep_chain``: ``Token.ancestors``) or its
#: descendants (``>>``, ``_gov_chain``: its subtree less itself)
_LINK_KINDS = {"<": "head", "<<": "ancestors", ">>": "descendants", **{op: "children" for op in _CHILD_OPS}}


def _token_tests(attrs: Any) -> tuple[tuple[str, frozenset[str], bool], ...]:
    """The tests a token must pass to match the token pattern ``attrs`` (a
    ``RIGHT_ATTRS``): ``(attribute, strings, wanted)``, true when the token's attribute is
    (``wanted``) or is not (not ``wanted``) one of ``strings``. Only the keys of
    :data:`_TESTED_ATTRS` with a string or an ``IN``/``NOT_IN`` list of strings are
    tested; any other key (``REGEX``, ``LENGTH``, ``OP``, ...) is left to the matcher, so
    a token that fails a test can never match, and one that passes them all still may."""
    tests: list[tuple[str, frozenset[str], bool]] = []
    if not isinstance(attrs, dict):
        return ()
    for key, want in attrs.items():
        name = _TESTED_ATTRS.get(key)
        if name is None:
            continue
        if isinstance(want, str):
            tests.append((name, frozenset([want]), True))
        elif isinstance(want, dict):
            for op, wanted in (("IN", True), ("NOT_IN", False)):
                vals = want.get(op)
                if isinstance(vals, list) and all(isinstance(v, str) for v in vals):
                    tests.append((name, frozenset(vals), wanted))
    return tuple(tests)


def _passes_view(attrs: dict[str, str], tests: tuple[tuple[str, frozenset[str], bool], ...],
                 dep: bool = True) -> bool:
    """True when a token passes every test of :func:`_token_tests` (the ``dep_`` tests
    only when ``dep``), read from its attributes as :meth:`_SentenceTree.attrs` keeps
    them."""
    for name, vals, wanted in tests:
        if (dep or name != "dep_") and (attrs[name] in vals) != wanted:
            return False
    return True


#: The token attributes :func:`_token_tests` may test (the values of :data:`_TESTED_ATTRS`)
_VIEW_ATTRS = tuple(dict.fromkeys(_TESTED_ATTRS.values()))


class _SentenceTree:
    """A sentence's tokens as the pattern tests read them, by token index, each part
    made on first use and kept while predicates ask about the sentence
    (:func:`_tree`): the attributes of :data:`_VIEW_ATTRS`, the head's index and the
    children's indices. spaCy makes a new ``Token`` (and looks its strings up again)
    at every ``doc[i]``, ``.head`` and ``.children``; the dependency patterns of a
    sentence's triggers walk the same few words again and again (issue 16's budget,
    r29a). The parse and the lemmas do not change while a sentence is coded."""

    __slots__ = ("doc", "_attrs", "_heads", "_kids")

    def __init__(self, doc) -> None:
        self.doc = doc
        self._attrs: dict[int, dict[str, str]] = {}
        self._heads: dict[int, int] = {}
        self._kids: dict[int, tuple[int, ...]] = {}

    def attrs(self, i: int) -> dict[str, str]:
        """Token ``i``'s tested attributes (name -> value, as ``getattr`` gives them)."""
        got = self._attrs.get(i)
        if got is None:
            tok = self.doc[i]
            got = self._attrs[i] = {name: getattr(tok, name) for name in _VIEW_ATTRS}
        return got

    def head(self, i: int) -> int:
        """Token ``i``'s head's index (its own for a root)."""
        got = self._heads.get(i)
        if got is None:
            got = self._heads[i] = self.doc[i].head.i
        return got

    def kids(self, i: int) -> tuple[int, ...]:
        """Token ``i``'s children's indices, in order (``Token.children``)."""
        got = self._kids.get(i)
        if got is None:
            got = self._kids[i] = tuple(c.i for c in self.doc[i].children)
        return got

    def ancestors(self, i: int) -> list[int]:
        """Token ``i``'s ancestors' indices, nearest first (``Token.ancestors``)."""
        out = []
        h = self.head(i)
        while h != i:
            out.append(h)
            i, h = h, self.head(h)
        return out

    def descendants(self, i: int) -> list[int]:
        """Token ``i``'s subtree less itself (``Token.subtree`` without ``i``), in no
        particular order."""
        out, todo = [], list(self.kids(i))
        while todo:
            x = todo.pop()
            out.append(x)
            todo.extend(self.kids(x))
        return out


def _tree(sent: Span) -> _SentenceTree:
    """The :class:`_SentenceTree` of ``sent``'s document, kept with the sentence
    (:func:`_sentence_memo`)."""
    memo = _sentence_memo(sent)
    got = memo.get("tree")
    if got is None:
        got = memo["tree"] = _SentenceTree(sent.doc)
    return got


class _Pattern:
    """A spaCy (Dependency)Matcher pattern, compiled once per vocabulary.

    For a DependencyMatcher pattern it also keeps what its nodes require of their tokens
    (:func:`_token_tests`), for the nodes reached from the first one by head (``<``),
    child (``>``, ``>+``, ``>-``, ``>++``, ``>--``), ancestor (``<<``) and descendant
    (``>>``) links, read from the pattern itself:
    :meth:`may_anchor` then answers "no match there" without building the sentence's
    document and running the matcher (issue 16: the matcher and ``Span.as_doc`` were a
    tenth of the coder's time)."""

    def __init__(self, pattern: list[dict[str, Any]], dep: bool) -> None:
        self.pattern, self.dep = pattern, dep
        self._by_vocab: dict[int, Any] = {}
        #: the first node's tests
        self.anchor: tuple = ()
        #: (index of the linked earlier node, how this node is reached from it (a value of
        #: :data:`_LINK_KINDS`), this node's tests), in pattern order; node 0 is the first
        self.links: tuple = ()
        if dep and isinstance(pattern[0], dict):
            self.anchor = _token_tests(pattern[0].get("RIGHT_ATTRS", {}))
            known = {pattern[0].get("RIGHT_ID"): 0}
            links = []
            for node in pattern[1:]:
                if not isinstance(node, dict):
                    continue
                left, kind = known.get(node.get("LEFT_ID")), _LINK_KINDS.get(node.get("REL_OP"))
                if left is None or kind is None:
                    continue  # a link of another kind: that node and those after it stay untested
                known[node.get("RIGHT_ID")] = len(known)
                links.append((left, kind, _token_tests(node.get("RIGHT_ATTRS", {}))))
            self.links = tuple(links)
        #: a Matcher pattern's tests of its first nodes, those before any node with an
        #: ``OP`` (their places are fixed: node k on the match's start + k), for
        #: :meth:`may_start`; empty for a DependencyMatcher pattern or none to make
        self.prefix: tuple = ()
        if not dep:
            prefix = []
            for node in pattern:
                if not isinstance(node, dict) or "OP" in node:
                    break
                prefix.append(_token_tests(node))
            self.prefix = tuple(prefix) if any(prefix) else ()

    def may_anchor(self, tok: Token, sent: Span) -> bool:
        """False when no match of this DependencyMatcher pattern in ``sent`` (matched on
        ``sent.as_doc()``, as :func:`_dep_firsts` does) can have its first node on
        ``tok``: ``tok`` is outside ``sent`` or fails the first node's tests, or a node
        linked to it by heads and children (:attr:`links`) has no token that passes its
        tests. True when a match may (then the matcher decides).

        ``Span.as_doc`` gives a token whose head lies outside the span the label ``dep``
        and a head inside it: the first node's ``DEP`` is tested only when ``tok``'s head
        is inside ``sent``, and the linked nodes only when every head of the sentence is
        (:func:`_closed`)."""
        start, end = sent.start, sent.end
        i = tok.i
        if not start <= i < end:
            return False
        # the tokens' attributes and links read once per sentence (_SentenceTree): each
        # trigger tests a dozen patterns on the same words (r29a)
        tree = _tree(sent)
        if self.anchor and not _passes_view(tree.attrs(i), self.anchor, start <= tree.head(i) < end):
            return False
        if not self.links or not _closed(sent):
            return True
        cands: list[list[int]] = [[i]]
        for left, kind, tests in self.links:
            got: list[int] = []
            for c in cands[left]:
                if kind == "head":
                    h = tree.head(c)
                    if h != c and _passes_view(tree.attrs(h), tests):  # the root has no head
                        got.append(h)
                else:
                    near = tree.kids(c) if kind == "children" else \
                        tree.ancestors(c) if kind == "ancestors" else tree.descendants(c)
                    got.extend(x for x in near if _passes_view(tree.attrs(x), tests))
            if not got:
                return False
            cands.append(got)
        return True

    def may_start(self, sent: Span, s: int) -> bool:
        """False when no match of this Matcher pattern in ``sent`` can start at the
        sentence's token ``s`` (an index within ``sent``): a node of :attr:`prefix` would
        fall outside the sentence or on a token that fails its tests. True when a match
        may (then the matcher decides). The filter and sense rules ask the matcher about
        every trigger, and most triggers fail their pattern's first tests: the matcher
        then never runs on the sentence (issue 16's budget, r29a: a date pattern's matcher
        was a twentieth of the coder's time)."""
        prefix = self.prefix
        if not prefix:
            return True
        if s < 0 or s + len(prefix) > len(sent):
            return False
        tree, base = _tree(sent), sent.start + s
        for k, tests in enumerate(prefix):
            if tests and not _passes_view(tree.attrs(base + k), tests):
                return False
        return True

    def matcher(self, vocab: Any) -> Any:
        """The compiled spaCy matcher for ``vocab`` (built on first use)."""
        m = self._by_vocab.get(id(vocab))
        if m is None:
            m = DependencyMatcher(vocab, validate=True) if self.dep else Matcher(vocab, validate=True)
            m.add("rule", [self.pattern])
            self._by_vocab[id(vocab)] = m
        return m


@lru_cache(maxsize=1)
def _check_vocab():
    """A bare vocabulary to check patterns against (building a blank English pipeline
    for each pattern cost 0.1 s of start-up apiece)."""
    from spacy.vocab import Vocab

    return Vocab()


def _with_word_lists(value: Any, where: str) -> Any:
    """``value`` (a (Dependency)Matcher pattern or a part of one) with every ``IN`` or
    ``NOT_IN`` list's ``"@name"`` entries replaced by the words of that list of
    ``data/words.yaml`` (sorted, so the pattern is the same on every run): a pattern can
    name the same word list as the rule's other conditions ("LEMMA": {"IN":
    ["@expelled_diplomat_nouns"]}; r22b). Raises TidingsError(T301) for an unknown list."""
    if isinstance(value, list):
        return [_with_word_lists(v, where) for v in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for k, v in value.items():
        if k in ("IN", "NOT_IN") and isinstance(v, list) and any(isinstance(w, str) and w.startswith("@") for w in v):
            named = [w for w in v if isinstance(w, str) and w.startswith("@")]
            out[k] = [w for w in v if w not in named] + sorted(parse_words(named, where))
        else:
            out[k] = _with_word_lists(v, where)
    return out


def _compiled(value: Any, where: str, dep: bool) -> _Pattern:
    if not isinstance(value, list) or not value or not all(isinstance(p, dict) for p in value):
        raise TidingsError("T301", f"{where}: a pattern is a non-empty list of token objects")
    pat = _Pattern(_with_word_lists(value, where), dep)
    try:
        pat.matcher(_check_vocab())
    except Exception as exc:  # spaCy raises its own errors for patterns it refuses
        raise TidingsError("T301", f"{where}: spaCy refuses the pattern: {exc}") from None
    return pat


#: All predicates by name (filled by :func:`predicate`).
PREDICATES: dict[str, Predicate] = {}


def predicate(_name: str, _stages: frozenset[str] = TRIGGER_STAGES, **params: tuple[str, bool]):
    """Register ``fn(ctx, **args) -> bool`` as the predicate ``_name``, available in the
    stages ``_stages``, taking the arguments ``params`` (name -> (kind, required))."""
    def deco(fn: Callable[..., bool]) -> Callable[..., bool]:
        PREDICATES[_name] = Predicate(_name, fn, params, frozenset(_stages), (fn.__doc__ or "").strip())
        return fn
    return deco


# ------------------------------------------------------------------ views of the parse

def _objs(ctx: Ctx) -> list[Token]:
    """The trigger's objects: direct objects and passive subjects of its frame verb."""
    if "objs" not in ctx.cache:
        fr = ctx.t.frame
        objs = [c for c in fr.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        # a past participle modifying a noun is passive: "the figures released by the
        # ministry", "a gas released from the tank" (the noun is what is released)
        # (not when the noun is the sentence's root: then the participle is its misread
        # main verb, "The recruits trained at the base.")
        if not objs and fr.dep_ == "acl" and fr.tag_ == "VBN" and fr.head.pos_ in ("NOUN", "PROPN", "PRON") \
                and fr.head.dep_ != "ROOT":
            objs = [fr.head]
        # a verb the parse hung on a noun as its adjective is the noun's verb, the noun what
        # it acts on: "ECOWAS lifted sanctions on Niger and Mali" (the subject misread as the
        # root), "have since banned civilians" (filter:epithet-is-no-event drops the other
        # adjective participles, so only these reach a rule)
        if not objs and fr.dep_ == "amod" and fr.tag_ in ("VBN", "VBD") and fr.head.pos_ in ("NOUN", "PROPN"):
            objs = [fr.head]
        ctx.cache["objs"] = objs
    return ctx.cache["objs"]


def _subj(ctx: Ctx) -> Token | None:
    if "subj" not in ctx.cache:
        ctx.cache["subj"] = syntax.subject(ctx.t.frame)
    return ctx.cache["subj"]


def _lemmas(toks) -> frozenset[str]:
    return frozenset(t.lemma_.lower() for t in toks)


def _v_objects(ctx: Ctx) -> frozenset[str]:
    objs = _objs(ctx)
    out = set(_lemmas(objs)) | {c.lemma_.lower() for o in objs for c in o.children if c.dep_ == "compound"}
    # "$1 billion of Sri Lanka's debt", "dozens of prisoners": look through amounts, and
    # through a quantifier the parse makes the object ("remove most of its tariffs",
    # "freed some of the hostages": words.yaml partitive_quantifiers; r22b)
    out |= {p.lemma_.lower() for o in objs
            if o.pos_ in ("NUM", "NOUN", "SYM") or o.lower_ in words("partitive_quantifiers")
            for p in syntax.of_objects(o)}
    return frozenset(out)


def _v_trigger_pobjs(ctx: Ctx) -> frozenset[str]:
    """Lemmas of the objects of the prepositions hanging on the trigger word itself, with
    their compounds and conjuncts: "a two-week ban on the BBC and CNN" -> bbc, cnn; "the
    suspension of two opposition television channels" -> channel, television (an event
    noun's "of"/"on" phrase names what it acts on; r25c). Empty when there is none."""
    out: set[str] = set()
    for p in ctx.t.token.children:
        if p.dep_ != "prep":
            continue
        for o in p.children:
            if o.dep_ != "pobj":
                continue
            for x in [o, *o.conjuncts]:
                out.add(x.lemma_.lower())
                out.update(c.lemma_.lower() for c in x.children if c.dep_ == "compound")
    return frozenset(out)


def _counted_goods(ctx: Ctx) -> frozenset[str]:
    """What amounts of amounts count, three "of" links deep, with the conjuncts at each
    link: "hundreds of thousands of artillery rounds, thousands of rockets" -> round,
    rocket (the ``objects`` view looks through one amount only)."""
    out: set[str] = set()
    todo = [(o, 0) for o in _objs(ctx)]
    todo += [(x, 0) for o in _objs(ctx) for x in o.conjuncts]
    while todo:
        tok, d = todo.pop()
        if d >= 3:
            continue
        for p in syntax.of_objects(tok):
            out.add(p.lemma_.lower())
            todo.append((p, d + 1))
            todo += [(x, d + 1) for x in p.conjuncts]
    return frozenset(out)


def _previous_sentence(sent) -> list[Token]:
    """The tokens of the sentence before ``sent`` in its document, skipping sentences of
    blank space only (the parser splits paragraph breaks off as sentences); [] for the
    first."""
    i = sent.start
    while i > 0:
        prev = sent.doc[i - 1].sent
        if any(not t.is_space for t in prev):
            return list(prev)
        i = prev.start
    return []


def _v_partners(ctx: Ctx) -> list[Token]:
    fr = ctx.t.frame
    return [c for c in fr.children if c.dep_ in ("dobj", "dative")] + syntax.prep_objects(fr, ("with", "to"))


def _v_subject_phrase(ctx: Ctx) -> frozenset[str]:
    s = _subj(ctx)
    if s is None:
        return frozenset()
    heads = [s] + syntax.of_objects(s)
    return _lemmas(heads) | {c.lemma_.lower() for h in heads for c in h.children if c.dep_ in ("compound", "amod")}


def _v_agent_phrase(ctx: Ctx) -> frozenset[str]:
    """The passive agent of the frame verb ("was captured by Peruvian police" -> police,
    peruvian), its "of" phrase ("by members of the judicial police" -> member, police)
    and their modifiers, as ``subject_phrase`` gives them for an active verb; empty when
    the verb has no "by" agent."""
    heads = [p for c in ctx.t.frame.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    heads += [o for h in heads for o in syntax.of_objects(h)]
    return _lemmas(heads) | {c.lemma_.lower() for h in heads for c in h.children if c.dep_ in ("compound", "amod")}


def _v_frame_pobj_words(ctx: Ctx) -> frozenset[str]:
    """Lemmas of every word of the frame verb's "to"/"on"/"onto"/"in" phrases, and of such a
    phrase the parse hung on the verb's object or on a participle after it ("included
    three firms [in its blacklist]", "will add the firms named above [to the list of
    ...]"); empty when it has none."""
    objs = [o for o in ctx.verb.children if o.dep_ in ("dobj", "obj")]
    heads = [ctx.verb] + objs + [a for o in objs for a in o.children if a.dep_ == "acl"]
    return _lemmas(x for h in heads for p in h.children if p.dep_ == "prep"
                   and p.lower_ in ("to", "on", "onto", "in") for x in p.subtree)


def _downs_target(verb: Token) -> bool:
    """The verb (with its particle: "shoot down") is one of words.yaml ``downing_verbs``,
    whose object is the target brought down, not the weapon used (r25u)."""
    lem = verb.lemma_.lower()
    prts = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return any(w in words("downing_verbs") for w in [lem] + [f"{lem} {p}" for p in prts])


def _air_defence(x: Token) -> bool:
    """``x`` is the "air" of "air defences" (words.yaml ``air_defence_nouns``): what is
    defended against, no attack from the air (r25u)."""
    return x.lower_ == "air" and x.dep_ in ("compound", "amod", "nmod") \
        and x.head.lower_ in words("air_defence_nouns")


def _v_assault_scope(ctx: Ctx) -> frozenset[str]:
    """Words of the attack's clause: the trigger's phrase, its subject, objects and
    "with"/"by" phrases (not other clauses), and the object of the trigger's own
    preposition ("responded with air strikes": 'aerial'). "air" in a bare "on air" / "off air"
    (words.yaml ``broadcast_preps``: "took the presenters hostage on air") is
    broadcasting, no aircraft: it is left out, so it makes no 'aerial' mode (PLOVER
    manual, ASSAULT modes: aerial is an attack from the air; a fresh user's trial,
    eighteenth round)."""
    t, actor = ctx.t, ctx.event.actor_tok
    roots = [c for c in t.frame.children if c.dep_ in _CUE_DEPS and c not in t.words]
    if _downs_target(t.frame):
        # "shot down a drone", "intercepted two missiles": the object is the target, no
        # weapon (words.yaml ``downing_verbs``; r25u)
        roots = [c for c in roots if c.dep_ not in ("dobj", "nsubjpass")]
    if t.is_noun:
        roots += [c for c in t.token.children if c.dep_ in _CUE_DEPS]
    # the object of a trigger's own preposition ("responded with [air strikes]": the
    # particle is one of the trigger's words, so its object was never reached)
    roots += [c for w in t.words if w is not t.frame and w.dep_ == "prep"
              for c in w.children if c.dep_ == "pobj" and c not in t.words]
    if actor is not None:
        roots.append(actor)
    seen: set[int] = set()
    scope: list[Token] = []
    for r in roots:
        stack = [r]
        while stack:
            x = stack.pop()
            if x.i in seen or x in t.words:
                continue
            seen.add(x.i)
            scope.append(x)
            stack.extend(c for c in x.children if c.dep_ in _CUE_DEPS)
    scope = [x for x in scope if not _on_air(x) and not _air_defence(x)]
    out = {x.lemma_.lower() for x in scope} | {x.lower_ for x in scope}
    if t.is_noun or t.token != t.frame:
        out |= {c.lemma_.lower() for c in t.token.children if c.dep_ in ("compound", "amod")}
    # the modifiers of an object the trigger took in as its own word ("fired tear gas
    # shells": frame:fired-shells-are-heavy-weapons-attack makes "fired shells" the
    # trigger): "tear gas" names the weapon, crowd control whatever the launcher
    # (annotation guide section 3, ASSAULT modes: tear gas is crowd-control; a fresh
    # user's trial, nineteenth round)
    stack = [c for w in t.words if w is not t.token and w is not t.frame
             for c in w.children if c.dep_ in ("compound", "amod")]
    while stack:
        x = stack.pop()
        out |= {x.lemma_.lower(), x.lower_}
        stack.extend(c for c in x.children if c.dep_ in ("compound", "amod"))
    return frozenset(out)


def _on_air(x: Token) -> bool:
    """ "air" as the bare object of a broadcast preposition ("on air", "off air")."""
    return x.lower_ == "air" and x.dep_ == "pobj" and x.head.lower_ in words("broadcast_preps") \
        and not any(c.dep_ == "det" for c in x.children)


def _v_mobilized(ctx: Ctx) -> frozenset[str]:
    objs = [c for c in ctx.t.frame.children if c.dep_ in ("dobj", "nsubjpass", "obj")]
    objs += [x for o in list(objs) for x in o.conjuncts]
    return _lemmas(objs) | {c.lemma_.lower() for o in objs for c in o.children if c.dep_ in ("compound", "amod")}


def _v_asked_words(ctx: Ctx) -> frozenset[str]:
    """What a REQUEST or REJECT asks for or refuses: its objects, complements and
    for/to/on phrases (and a noun trigger's for/of phrases and clauses)."""
    t = ctx.t
    heads = [c for c in t.frame.children if c.dep_ in ("dobj", "nsubjpass", "xcomp", "ccomp")]
    heads += syntax.prep_objects(t.frame, ("for", "to", "on"))
    if t.is_noun:
        heads += syntax.prep_objects(t.token, ("for", "of")) + [c for c in t.token.children if c.dep_ == "acl"]
    out: set[str] = set()
    for h in heads:
        out.add(h.lemma_.lower())
        out |= {c.lemma_.lower() for c in h.children if c.dep_ in ("compound", "dobj", "pobj", "prep")}
        out |= {p.lemma_.lower() for c in h.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"}
    return frozenset(out)


_SCORE = re.compile(r"\b\d{1,2}-\d{1,2}\b")
#: A day range, which is no score: "March 20-22", "Sept. 8-11", "8-11 September".
_DAY_RANGE = re.compile(rf"\b(?:(?:{MONTH_PATTERN})\.?\s+\d{{1,2}}-\d{{1,2}}\b|"
                        rf"\d{{1,2}}-\d{{1,2}}\s+(?:{MONTH_PATTERN})\b)", re.I)
#: Dependencies that stay inside the attack's clause when its words are gathered.
_CUE_DEPS = {"nsubj", "nsubjpass", "dobj", "prep", "pobj", "agent", "compound", "amod", "npadvmod",
             "nmod", "poss", "attr", "appos", "conj", "cc", "det", "nummod", "quantmod", "acl"}

_SENSE = frozenset({"sense", "filter", "speech"})
_ALL_T = TRIGGER_STAGES
#: Word views: name -> (function of the context, stages where it is defined, doc).
VIEWS: dict[str, tuple[Callable[[Ctx], frozenset[str]], frozenset[str], str]] = {
    "lemma": (lambda c: frozenset({c.t.token.lemma_.lower()}), _ALL_T, "the trigger word's lemma"),
    "objects": (_v_objects, _ALL_T, "lemmas of the objects, their compounds, and what an amount counts"),
    "object_heads": (lambda c: _lemmas(_objs(c)), _ALL_T, "lemmas of the objects only"),
    "first_object": (lambda c: _lemmas([o for o in c.t.frame.children if o.dep_ in ("dobj", "obj")][:1]), _ALL_T,
                     "lemma of the first direct object"),
    "object_conjuncts": (lambda c: _v_objects(c) | _lemmas(x for o in _objs(c) for x in o.conjuncts), _ALL_T,
                         "objects and their conjuncts (\"tents and blankets\")"),
    "goods": (lambda c: _v_objects(c) | _lemmas(syntax.prep_objects(c.t.frame, ("with",)))
              | _lemmas(x for o in _objs(c) for x in syntax.prep_objects(o, ("with",)))
              | _lemmas(x for o in _objs(c) for x in o.conjuncts) | _counted_goods(c), _ALL_T,
              "what is handed over: objects, their conjuncts, \"with\" phrases (the verb's, or the "
              "object's where the parse put it there: \"provide the districts with tents\"), and what "
              "nested amounts count (\"hundreds of thousands of artillery rounds\")"),
    "object_modifiers": (lambda c: _lemmas(m for o in _objs(c) for m in o.children if m.dep_ in ("amod", "compound")),
                         _ALL_T, "adjectives and compounds of the objects (\"military operation\")"),
    "trigger_pobjs": (lambda c: _v_trigger_pobjs(c), _ALL_T,
                      "the trigger word's own prepositional objects, their compounds and conjuncts "
                      "(\"a ban on the daily\", \"the suspension of two channels\")"),
    "object_subtrees": (lambda c: _lemmas(x for o in _objs(c) for x in o.subtree), _ALL_T,
                        "every word under the objects"),
    "subject": (lambda c: _lemmas([_subj(c)] if _subj(c) is not None else []), _ALL_T, "the subject's lemma"),
    "subject_forms": (lambda c: frozenset() if _subj(c) is None or syntax.is_speaker_label(_subj(c))
                      else frozenset({_subj(c).lemma_.lower(), _subj(c).lower_}), _ALL_T,
                      "the subject's lemma and form (a speaker label \"VOA:\" is none)"),
    "subject_compounds": (lambda c: frozenset() if _subj(c) is None else _lemmas(
        [_subj(c)] + [m for m in _subj(c).children if m.dep_ == "compound"]), _ALL_T,
        "the subject and its compounds (\"the aid group\")"),
    "subject_of": (lambda c: frozenset() if _subj(c) is None else _lemmas(
        [_subj(c)] + [p for x in _subj(c).children if x.dep_ == "prep" and x.lower_ == "of" for p in x.children]),
        _ALL_T, "the subject and what it counts (\"thousands of refugees\")"),
    "subject_phrase": (_v_subject_phrase, _ALL_T, "the subject, its \"of\" phrase, and their modifiers"),
    "subject_subtree": (lambda c: frozenset() if _subj(c) is None else _lemmas(_subj(c).subtree), _ALL_T,
                        "every word under the subject (\"the two navies\", r29j)"),
    "agent_phrase": (_v_agent_phrase, _ALL_T, "the passive agent (\"by X\"), its \"of\" phrase, and their modifiers"),
    "sentence": (lambda c: _lemmas(c.sent), _ALL_T | {"frame"},
                 "lemmas of the sentence (also in the frame stage: \"a group of hackers stole $25 million\", "
                 "where neither the subject nor the object names what makes the act; r21c)"),
    "previous_sentence": (lambda c: _lemmas(_previous_sentence(c.sent)), _ALL_T,
                          "lemmas of the sentence before (the manual codes from a sentence or the one "
                          "before it)"),
    "trigger_modifiers": (lambda c: _lemmas(m for m in c.t.token.children if m.dep_ in ("amod", "compound", "nmod"))
                          | frozenset(m.lower_ for m in c.t.token.children if m.dep_ in ("amod", "compound", "nmod")),
                          _ALL_T, "adjectives and compounds of the trigger word (\"presidential campaign\")"),
    "modified_noun": (lambda c: _lemmas([c.t.token.head]) if c.t.token.dep_ in ("acl", "amod") else frozenset(),
                      _ALL_T, "the noun a participle trigger modifies (\"a Koran burning\" parsed as a "
                              "participle on \"Koran\"; \"flags burned by protesters\")"),
    "partners": (lambda c: _lemmas(_v_partners(c)), _ALL_T, "objects and with/to phrases: who is talked to"),
    "partner_forms": (lambda c: _lemmas(_v_partners(c)) | frozenset(p.lower_ for p in _v_partners(c)), _ALL_T,
                      "the partners' lemmas and forms"),
    "frame_pobjs": (lambda c: _lemmas(p for x in c.t.frame.children if x.dep_ == "prep" for p in x.children
                                      if p.dep_ == "pobj"), _ALL_T, "objects of the frame verb's prepositions"),
    "permitted_words": (lambda c: _lemmas(w for x in c.t.frame.children if x.dep_ in ("dobj", "obj", "xcomp", "ccomp")
                                          for w in x.subtree), _ALL_T,
                        "what a verb of letting lets: its objects' and complements' words (\"would not allow "
                        "U.S. troops to operate\", \"will not tolerate any interference\")"),
    "xcomps": (lambda c: _lemmas(x for x in c.t.frame.children if x.dep_ == "xcomp"), _ALL_T,
               "verbs of the frame's open complements (\"declined to comment\")"),
    "actor": (lambda c: _lemmas([c.event.actor_tok] if c.event.actor_tok is not None else []), EVENT_STAGES,
              "the actor's head lemma"),
    "assault_scope": (_v_assault_scope, frozenset({"mode"}), "words of the attack's clause (weapon cues)"),
    "mobilized": (_v_mobilized, frozenset({"mode"}), "what is mobilised, with its modifiers"),
    "asked_words": (_v_asked_words, frozenset({"mode"}), "what a request or rejection is about"),
    "verb": (lambda c: frozenset({c.verb.lemma_.lower()}), frozenset({"frame"}), "the verb's lemma"),
    "verb_passive_auxiliaries": (lambda c: frozenset(k.lower_ for k in c.verb.children if k.dep_ == "auxpass"),
                                 frozenset({"frame"}),
                                 "the forms of the verb's passive auxiliary (\"are\" held, \"being\" held, \"were\" held)"),
    "verb_forms": (lambda c: frozenset({c.verb.lemma_.lower(), c.verb.lower_}), frozenset({"frame"}),
                   "the verb's lemma and form"),
    "frame_object": (lambda c: frozenset({c.child.lemma_.lower()}) if c.child is not None else frozenset(),
                     frozenset({"frame"}), "the object's lemma (none for a verb tried without an object)"),
    "predicate_words": (lambda c: _v_predicate_words(c.verb), frozenset({"frame"}),
                        "what the verb says its subject or object is: a predicate adjective and its conjuncts "
                        "(\"was regrettable and condemnable\", \"called the move disappointing\"), the "
                        "adjectives of a predicate noun (\"an unacceptable situation\"), an \"as\" phrase "
                        "(\"described the raid as deplorable\")"),
    "predicate_aims": (lambda c: _v_predicate_aims(c.verb), frozenset({"frame"}),
                       "verbs of the infinitives that hang on what the verb predicates: the aim it "
                       "imputes (\"called the arrests an attempt to intimidate Serbs\": intimidate; "
                       "\"described the raid as a bid to silence critics\": silence; r22f)"),
    "frame_object_words": (lambda c: _lemmas(c.child.subtree) if c.child is not None else frozenset(),
                           frozenset({"frame"}),
                           "lemmas of the object's whole phrase: its compounds, modifiers and \"of\" phrase "
                           "(\"a sale of fighter jets\", \"arms exports\"; r20b); none without an object"),
    "frame_complement_heads": (lambda c: _lemmas(x for k in c.verb.children
                                                 if k.dep_ in ("dobj", "obj", "xcomp", "ccomp", "nsubjpass")
                                                 for x in [k, *(y for y in k.children
                                                                if y.dep_ in ("dobj", "nsubj", "compound"))]),
                               frozenset({"frame"}),
                               "the heads of the verb's objects and complement clauses, with their own "
                               "objects, subjects and compounds (\"ruled out resuming talks\", \"ruled out "
                               "any ceasefire deal\"; r22a)"),
    "frame_subject": (lambda c: frozenset(x for s in c.verb.children if s.dep_ in ("nsubj", "nsubjpass")
                                          for x in (s.lemma_.lower(), s.ent_type_.lower()) if x),
                      frozenset({"frame"}),
                      "the verb's subject: its lemma and its named-entity label in lower case (\"Burundi\" gives "
                      "\"burundi\" and \"gpe\"; r20b)"),
    "frame_subject_heads": (lambda c: _v_frame_subject_heads(c.verb), frozenset({"frame"}),
                            "lemmas of the verb's subject and of what it counts through \"of\" "
                            "(\"hundreds of protesters gathered\": hundred, protester; \"a group of "
                            "demonstrators massed\": group, demonstrator; r26x)"),
    "frame_pobj_words": (_v_frame_pobj_words, frozenset({"frame"}),
                         "lemmas of the verb's to/on/onto/in phrases, every word of them (\"added nine officials to "
                         "the Corrupt Actors list\": to, the, corrupt, actor, list; r21f)"),
    "counted_object": (lambda c: frozenset({c.obj.lemma_.lower()}) if c.obj is not None else frozenset(),
                       frozenset({"frame"}),
                       "the object, or what an amount counts (\"a barrage of missiles\"); none without an object"),
}


def _v_frame_subject_heads(verb: Token) -> frozenset[str]:
    """Lemmas (lower case) of ``verb``'s subjects (``nsubj``/``nsubjpass``) and of the
    nouns they count through "of" ("hundreds of protesters", "a crowd of students"), one
    level deep, with the conjuncts of either. Empty when the verb has no subject."""
    out: set[str] = set()
    for s in verb.children:
        if s.dep_ not in ("nsubj", "nsubjpass"):
            continue
        for h in (s, *s.conjuncts):
            out.add(h.lemma_.lower())
            for p in h.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    for o in p.children:
                        if o.dep_ == "pobj":
                            out.update(x.lemma_.lower() for x in (o, *o.conjuncts))
    return frozenset(out)


def _v_predicate_words(verb: Token) -> frozenset[str]:
    """Lemmas and forms of what ``verb`` predicates of its subject or object (English
    grammar: subject and object complements). Its adjective complements (``acomp``,
    ``oprd``, an adjective parsed as ``ccomp`` or ``xcomp``), the adjectives of its
    attribute noun ("is an unacceptable situation") and of its object when they follow it
    ("called the decision irresponsible", parsed as the object's modifier), and the object
    of its "as" ("described the raid as deplorable"), each with its conjuncts ("provocative,
    unacceptable and illegal"). Not the subject's or an object's own modifiers before the
    noun ("the unacceptable delay was announced" says nothing of the delay). The attribute
    noun itself counts too ("the vote was a sham"), and an "act of" noun as the phrase
    "act of <noun>" ("called the accord an act of aggression": ``act of aggression``)."""
    heads: list[Token] = []
    for c in verb.children:
        if c.dep_ in ("acomp", "oprd") or c.dep_ in ("ccomp", "xcomp") and c.pos_ == "ADJ":
            heads.append(c)
        elif c.dep_ == "attr":
            heads.append(c)
            heads.extend(m for m in c.children if m.dep_ == "amod")
        elif c.dep_ in ("dobj", "obj"):
            heads.extend(m for m in c.children if m.dep_ == "amod" and m.pos_ == "ADJ" and m.i > c.i)
            # "branded the killing an act of war": the predicate noun hung on the object
            heads.extend(m for m in c.children if m.dep_ in ("npadvmod", "appos") and m.pos_ == "NOUN"
                         and m.i > c.i and m.lemma_.lower() == "act")
        elif c.dep_ == "prep" and c.lower_ == "as":
            for p in c.children:
                if p.dep_ in ("pobj", "amod", "acomp"):
                    heads.append(p)
                    heads.extend(m for m in p.children if m.dep_ == "amod")
    out: set[str] = set()
    for h in heads:
        for w in [h, *h.conjuncts]:
            out.update((w.lemma_.lower(), w.lower_))
            # "an act of aggression": the act's "of" noun names what it is called
            out.update(f"{w.lemma_.lower()} of {o.lemma_.lower()}" for p in w.children
                       if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj")
    return frozenset(out)


def _v_predicate_aims(verb: Token) -> frozenset[str]:
    """Lemmas of the to-infinitives (``acl``, ``relcl`` or ``xcomp`` with "to") of the
    nouns ``verb`` predicates: its attribute or object complement ("the expulsions were a
    bid to silence critics", "called the arrests an attempt to intimidate Serbs") and the
    object of its "as" ("described the raid as an attempt to provoke"). The aim a speaker
    imputes to an act (frame:called-an-attempt-to-harm-is-accusation; r22f, a blind
    trial). Empty when the verb predicates no noun with an infinitive."""
    heads = [c for c in verb.children if c.dep_ in ("attr", "oprd")]
    heads += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
              for p in c.children if p.dep_ == "pobj"]
    # "called the arrests an attempt ...": the small parse may hang the predicate noun
    # on the object
    heads += [m for c in verb.children if c.dep_ in ("dobj", "obj")
              for m in c.children if m.dep_ in ("npadvmod", "appos") and m.pos_ == "NOUN" and m.i > c.i]
    out: set[str] = set()
    for h in heads:
        for w in [h, *h.conjuncts]:
            out.update(x.lemma_.lower() for x in w.children
                       if x.dep_ in ("acl", "relcl", "xcomp") and x.pos_ == "VERB"
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children))
    return frozenset(out)


def view(ctx: Ctx, name: str) -> frozenset[str]:
    """The word view ``name`` of ``ctx`` (computed once per context)."""
    key = "view:" + name
    if key not in ctx.cache:
        ctx.cache[key] = VIEWS[name][0](ctx)
    return ctx.cache[key]


# ------------------------------------------------------------------ generic predicates

def _trig(ctx: Ctx, trigger: str | None):
    return ctx.sub if trigger == "sub" else ctx.t


def _current(ctx: Ctx, trigger: str | None) -> tuple[str, str | None]:
    if trigger == "sub":
        return ctx.sub.event_type, ctx.sub.mode
    if ctx.event is not None:
        return ctx.event.etype, ctx.event.mode
    return ctx.t.event_type, ctx.t.mode


@predicate("words", _ALL_T | {"frame"}, of=("view", True), any=("words", False), none=("words", False),
           all=("words", False))
def _words(ctx: Ctx, of: str, any: frozenset[str] = None, none: frozenset[str] = None,
           all: frozenset[str] = None) -> bool:
    """The view ``of`` shares a word with ``any``, none with ``none``, and (when given)
    is non-empty with all its words in ``all``."""
    v = view(ctx, of)
    # isdisjoint answers as the intersection's truth does, without building it
    if any is not None and v.isdisjoint(any):
        return False
    if none is not None and not v.isdisjoint(none):
        return False
    return all is None or (bool(v) and v <= all)


@predicate("verb", _ALL_T)
def _verb(ctx: Ctx) -> bool:
    """The trigger is a verb (not an event noun)."""
    return not ctx.t.is_noun


@predicate("noun", _ALL_T)
def _noun(ctx: Ctx) -> bool:
    """The trigger is an event noun."""
    return ctx.t.is_noun


@predicate("lemma", _ALL_T | {"frame"}, **{"in": ("words", True), "trigger": ("trigger", False)})
def _lemma(ctx: Ctx, trigger: str | None = None, **kw: frozenset[str]) -> bool:
    """The trigger word's lemma (in stage frame: the verb's) is in ``in``."""
    tok = ctx.verb if ctx.t is None else _trig(ctx, trigger).token
    return tok.lemma_.lower() in kw["in"]


@predicate("frame_lemma", _ALL_T, **{"in": ("words", True), "trigger": ("trigger", False)})
def _frame_lemma(ctx: Ctx, trigger: str | None = None, **kw: frozenset[str]) -> bool:
    """The lemma of the trigger's frame verb ("held" in "held talks") is in ``in``."""
    return _trig(ctx, trigger).frame.lemma_.lower() in kw["in"]


@predicate("type", _ALL_T, **{"in": ("types", True), "trigger": ("trigger", False)})
def _type(ctx: Ctx, trigger: str | None = None, **kw: frozenset[str]) -> bool:
    """The current event type is in ``in``."""
    return _current(ctx, trigger)[0] in kw["in"]


@predicate("mode", _ALL_T, **{"in": ("modes", True), "trigger": ("trigger", False)})
def _mode(ctx: Ctx, trigger: str | None = None, **kw: frozenset) -> bool:
    """The current mode is in ``in`` (``null`` for no mode; ``"@list"`` for a named list)."""
    return _current(ctx, trigger)[1] in kw["in"]


@predicate("quad", _ALL_T, **{"in": ("strings", True), "trigger": ("trigger", False)})
def _quad(ctx: Ctx, trigger: str | None = None, **kw: frozenset[str]) -> bool:
    """The quad class of the current type is in ``in`` ("material_conflict" ...)."""
    return QUAD_CLASS[_current(ctx, trigger)[0]] in kw["in"]


@predicate("particle", _ALL_T, **{"in": ("strings", True)})
def _particle(ctx: Ctx, **kw: frozenset[str]) -> bool:
    """The lexicon entry's particle ("off" in "call off"; "" for none) is in ``in``."""
    return ctx.t.lexeme.particle in kw["in"]


@predicate("trigger_dep", _ALL_T, **{"in": ("strings", True)})
def _trigger_dep(ctx: Ctx, **kw: frozenset[str]) -> bool:
    """The trigger word's dependency label is in ``in``."""
    return ctx.t.token.dep_ in kw["in"]


@predicate("frame_dep", _ALL_T, **{"in": ("strings", True), "trigger": ("trigger", False)})
def _frame_dep(ctx: Ctx, trigger: str | None = None, **kw: frozenset[str]) -> bool:
    """The frame verb's dependency label is in ``in``."""
    return _trig(ctx, trigger).frame.dep_ in kw["in"]


#: Trigger flags a rule may test.
_FLAGS = ("conditional_on",)


@predicate("flag", _ALL_T, name=("flags", True))
def _flag(ctx: Ctx, name: frozenset[str]) -> bool:
    """One of the trigger's flags in ``name`` is set (``conditional_on``: the act has its
    own "if"/"unless" condition)."""
    return any(getattr(ctx.t, n) for n in name)


@predicate("made_by", frozenset({"event", "actor", "mode"}), any=("strings", True))
def _made_by(ctx: Ctx, any: frozenset[str]) -> bool:
    """One of the rules in ``any`` has shaped the event so far (its ``rules``, e.g.
    ``model:actor``: the actor is the argument model's guess, not the parse's)."""
    rules = ctx.event.rules if ctx.event is not None else ctx.t.rules
    return bool(any.intersection(rules))


@predicate("aux", _ALL_T, any=("aux", True))
def _aux(ctx: Ctx, any: frozenset[str]) -> bool:
    """The event (or trigger) has one of the auxiliary modes ``any``."""
    have = ctx.event.aux if ctx.event is not None else ctx.t.aux
    return bool(have & any)


@predicate("has_objects", _ALL_T)
def _has_objects(ctx: Ctx) -> bool:
    """The frame verb has a direct object or a passive subject."""
    return bool(_objs(ctx))


@predicate("object_is", _ALL_T, deps=("strings", False), first=("bool", False), ent=("words", False),
           ent_not=("words", False), words=("words", False), pos=("strings", False))
def _object_is(ctx: Ctx, deps: frozenset[str] = None, first: bool = False, ent: frozenset[str] = frozenset(),
               ent_not: frozenset[str] = None, words: frozenset[str] = frozenset(),
               pos: frozenset[str] = frozenset()) -> bool:
    """Some object (of the dependencies ``deps``; only the first with ``first``) is an
    entity of a label in ``ent``, has a lemma in ``words`` or a part of speech in
    ``pos``, or is no entity of a label in ``ent_not``."""
    objs = [o for o in _objs(ctx) if deps is None or o.dep_ in deps]
    if first:
        objs = objs[:1]
    return any(o.ent_type_ in ent or o.lemma_.lower() in words or o.pos_ in pos
               or (ent_not is not None and o.ent_type_ not in ent_not) for o in objs)


@predicate("object_owner", _ALL_T, ent=("words", True))
def _object_owner(ctx: Ctx, ent: frozenset[str] = frozenset()) -> bool:
    """Some object's own phrase (a word below it, not the object itself) is an entity of
    a label in ``ent``: the party whose thing it is ("three Armenian drones", "a Houthi
    missile", "drones launched by Iran"; annotation guide 11.20: an intercepted munition
    whose owner is named is an ASSAULT against that owner). A party in a place phrase of
    the object ("drones launched from Iraq", "rockets over Haifa") is not its owner: the
    path from the word up to the object passes no preposition other than the agent's
    "by"."""
    def owned_by(w: Token, o: Token) -> bool:
        while w.i != o.i:
            if w.dep_ == "prep" and w.lower_ != "by":
                return False
            w = w.head
        return True
    return any(w.i != o.i and w.ent_type_ in ent and owned_by(w, o) for o in _objs(ctx) for w in o.subtree)


@predicate("object_role", _ALL_T, none=("words", False))
def _object_role(ctx: Ctx, none: frozenset[str] = frozenset()) -> bool:
    """Some object (or what an amount object counts: "two of the senators") has a head
    noun that the actor knowledge base knows as a person or group by office, occupation
    or role (a one-word ``head`` or ``weak`` term of ``sectors.yaml``, any sector:
    "the kidnapped mayor", "a nurse", "three captains"), and not one in ``none`` (the
    knowledge base's words for things: "drone", "hospital")."""
    roles = role_terms()
    for o in _objs(ctx):
        heads = [o] + (syntax.of_objects(o) if o.pos_ in ("NUM", "NOUN", "SYM") else [])
        for h in heads:
            low = h.lemma_.lower()
            if low in roles and low not in none:
                return True
    return False


@predicate("accepted_demand", _ALL_T | {"frame"}, nouns=("words", True), owned=("words", False))
def _accepted_demand(ctx: Ctx, nouns: frozenset[str], owned: frozenset[str] = frozenset()) -> bool:
    """The verb's object, passive subject or "to" object (looking through "all of",
    "some of") is a noun in ``nouns`` ("accepted the opposition's demands", "bowed to
    the ultimatum") or one in ``owned`` that has a possessor ("agreed to the rebels'
    terms"; "the terms of the deal" are a text, not a party's demand): what the verb
    gives in to is a party's demand (annotation guide section 3, CONCEDE: "accepting
    demands"; CAMEO 083, accede to requests or demands)."""
    verb = ctx.verb if ctx.t is None else ctx.t.frame
    cands = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")] + syntax.prep_objects(verb, ("to",))
    cands += [p for c in cands if c.pos_ in ("PRON", "DET", "NUM") for p in syntax.of_objects(c)]
    for c in cands:
        low = c.lemma_.lower()
        if low in nouns or (low in owned and any(x.dep_ == "poss" for x in c.children)):
            return True
    return False


@predicate("subject_is", _ALL_T, ent=("words", False), words=("words", False))
def _subject_is(ctx: Ctx, ent: frozenset[str] = frozenset(), words: frozenset[str] = frozenset()) -> bool:
    """The subject is an entity of a label in ``ent`` or has a lemma in ``words``."""
    s = _subj(ctx)
    return s is not None and (s.ent_type_ in ent or s.lemma_.lower() in words)


@predicate("prep_object", _ALL_T, preps=("strings", True), words=("words", True), child=("words", False),
           no_det=("bool", False), ent=("strings", False), igo=("bool", False))
def _prep_object(ctx: Ctx, preps: frozenset[str], words: frozenset[str], child: frozenset[str] = None,
                 no_det: bool = False, ent: frozenset[str] = None, igo: bool = False) -> bool:
    """The frame verb has a preposition in ``preps`` whose object has a lemma in
    ``words`` or, with ``ent``, a named-entity type in it ("withdrew from the CSTO":
    ORG), or, with ``igo``, is written in capitals as the ``igo`` code of an organisation
    of the actor knowledge base ("withdrew from ECOWAS", which spaCy's small model may
    parse as a common noun with no entity: :func:`tidings.actors.igo_codes`; r22b) (and,
    with ``child``, a child word in it; with ``no_det``, no determiner: "met with
    opposition", not "met with the opposition")."""
    for p in syntax.prep_objects(ctx.t.frame, preps):
        if p.lemma_.lower() not in words and not (ent and p.ent_type_ in ent) \
                and not (igo and p.text.isupper() and p.text in igo_codes()):
            continue
        if child is not None and not any(c.lower_ in child for c in p.children):
            continue
        if no_det and any(d.dep_ == "det" for d in p.children):
            continue
        return True
    return False


@predicate("frame_child", _ALL_T, deps=("strings", False), lower=("words", False))
def _frame_child(ctx: Ctx, deps: frozenset[str] = None, lower: frozenset[str] = None) -> bool:
    """The frame verb has a child with a dependency in ``deps`` and a form in ``lower``."""
    return any((deps is None or c.dep_ in deps) and (lower is None or c.lower_ in lower)
               for c in syntax.verb_children(ctx.t.frame))


@predicate("subtree_has", _ALL_T, lower=("words", True))
def _subtree_has(ctx: Ctx, lower: frozenset[str]) -> bool:
    """A word under the frame verb has a form in ``lower`` ("hacked ... to death")."""
    return any(c.lower_ in lower for c in ctx.t.frame.subtree)


@predicate("clause_phrase", frozenset({"frame"}), phrases=("words", True))
def _clause_phrase(ctx: Ctx, phrases: frozenset[str]) -> bool:
    """The frame verb's own clause says one of ``phrases`` (lower-case words separated by
    single spaces; a hyphen between two words is skipped, so "persona non-grata" is
    "persona non grata"): the phrase's words follow one another under the verb, and no
    other verb or auxiliary stands between them and the verb in the parse. So in "Moscow
    said it had declared the attache persona non grata" the phrase belongs to
    "declared", not to "said". The words are matched, not their dependencies: spaCy's
    small model parses a Latin set phrase as anything (an object, a predicate, a verb of
    its own with the diplomat as its subject)."""
    verb = ctx.verb
    toks = [t for t in verb.subtree if t.lower_ != "-"]
    forms = [t.lower_ for t in toks]
    for ph in phrases:
        parts = ph.split()
        n = len(parts)
        for i in range(len(forms) - n + 1):
            if forms[i:i + n] == parts and _directly_under(toks[i:i + n], verb):
                return True
    return False


def _directly_under(span: list[Token], verb: Token) -> bool:
    """No verb or auxiliary outside ``span`` on the way up from its words to ``verb``."""
    inside = {t.i for t in span}
    for t in span:
        h = t
        while h.i != verb.i:
            if h.i not in inside and h.pos_ in ("VERB", "AUX"):
                return False
            if h.head.i == h.i:
                return False
            h = h.head
    return True


@predicate("matcher", _ALL_T, pattern=("pattern", True), anchor=("int", True))
def _matcher(ctx: Ctx, pattern: _Pattern, anchor: int) -> bool:
    """The spaCy Matcher ``pattern`` matches the sentence with its token ``anchor`` on
    the trigger word."""
    s = ctx.t.token.i - ctx.sent.start - anchor
    # the pattern's own tests of its first tokens first: most triggers fail them, and
    # then the matcher does not run on the sentence (r29a)
    return pattern.may_start(ctx.sent, s) and s in _match_starts(ctx.sent, pattern)


@predicate("dep_matcher", _ALL_T | {"frame"}, pattern=("dep_pattern", True))
def _dep_matcher(ctx: Ctx, pattern: _Pattern) -> bool:
    """The spaCy DependencyMatcher ``pattern`` matches with its first node on the
    trigger's frame verb (in stage ``frame``: on the verb the rule is tried on, "gave
    the rebels 48 hours to disarm", whose time limit the parse may hang anywhere; r21b).
    Matched on the sentence alone (a dependency tree never crosses a sentence): the
    matcher maps every token of what it is given, and a story's whole document made each
    call cost about 7 ms (issue 20, tenth round)."""
    sent = ctx.sent
    anchor = ctx.verb if ctx.t is None else ctx.t.frame
    # the pattern's own tests of the anchor and its children first: most triggers fail
    # them, and then neither the sentence's document nor the matcher is made (r21a)
    return pattern.may_anchor(anchor, sent) and anchor.i - sent.start in _dep_firsts(sent, pattern)


#: The last sentence a predicate asked about: (doc, start, end, {key: answer}). Several
#: triggers and senses ask about the same sentence in a row; one tuple, replaced whole,
#: so threads never see half of one.
_LAST_SENT: tuple = (None, -1, -1, {})


def _sentence_memo(sent: Span) -> dict:
    """A dict kept for ``sent`` while predicates ask about it (until another sentence is
    asked about): answers that depend on the sentence alone, not on the trigger (issue
    20: each trigger's rules are tested with a new :class:`Ctx`, whose ``cache`` starts
    empty)."""
    global _LAST_SENT
    last = _LAST_SENT
    if not (last[0] is sent.doc and last[1] == sent.start and last[2] == sent.end):
        last = _LAST_SENT = (sent.doc, sent.start, sent.end, {})
    return last[3]


def _closed(sent: Span) -> bool:
    """True when every token of ``sent`` has its head inside it (then ``Span.as_doc``
    keeps every dependency as it is), once per sentence."""
    memo = _sentence_memo(sent)
    got = memo.get("closed")
    if got is None:
        start, end = sent.start, sent.end
        got = memo["closed"] = all(start <= t.head.i < end for t in sent)
    return got


def _dep_firsts(sent: Span, pattern: _Pattern) -> frozenset[int]:
    """Indices (within ``sent``) of the first nodes of ``pattern``'s matches in ``sent``,
    made once per sentence and pattern (issue 20, thirteenth round: ``Span.as_doc`` and
    the matcher ran again for every trigger a sense rule tested)."""
    memo = _sentence_memo(sent)
    got = memo.get(id(pattern))
    if got is None:
        sub = memo.get("as_doc")
        if sub is None:
            sub = memo["as_doc"] = sent.as_doc()
        got = memo[id(pattern)] = frozenset(ids[0] for _, ids in pattern.matcher(sub.vocab)(sub))
    return got


def _match_starts(sent: Span, pattern: _Pattern) -> frozenset[int]:
    """The start indices (within ``sent``) of the Matcher ``pattern``'s matches in
    ``sent``, made once per sentence and pattern (:func:`_sentence_memo`): the matches
    depend on the sentence's tokens alone, and the sense and filter rules test them for
    every trigger of the sentence (the matcher ran anew for each)."""
    memo = _sentence_memo(sent)
    key = ("matcher", id(pattern))
    got = memo.get(key)
    if got is None:
        got = memo[key] = frozenset(s for _, s, _e in pattern.matcher(sent.doc.vocab)(sent))
    return got


# ------------------------------------------------------------------ structural predicates

@predicate("non_agent_subject", _ALL_T, words=("words", True))
def _non_agent_subject(ctx: Ctx, words: frozenset[str]) -> bool:
    """The clause's subject (up through subjectless advcl/conj/xcomp clauses: "rains
    flooded Dhaka, cutting power") is a word of ``words``, or a name compounded with one
    ("Typhoon Haiyan")."""
    heads = [ctx.t.frame]
    while heads[-1].dep_ in ("advcl", "conj", "xcomp") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in heads[-1].children) and len(heads) < 4:
        heads.append(heads[-1].head)
    return any(c.dep_ == "nsubj" and (c.lemma_.lower() in words or c.pos_ == "PROPN" and any(
        m.dep_ == "compound" and m.lemma_.lower() in words for m in c.children)) for h in heads for c in h.children)


@predicate("statistic", _ALL_T, min=("number", True), counters=("words", True))
def _statistic(ctx: Ctx, min: float, counters: frozenset[str]) -> bool:
    """A plural event noun counted by a number of at least ``min`` ("504 attacks") or by
    one of ``counters`` ("thousands of operations")."""
    tok = ctx.t.token
    return tok.tag_ in ("NNS", "NNPS") and (
        any(c.dep_ == "nummod" and syntax.number(c) >= min for c in tok.children) or
        tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in counters)


@predicate("prep_complement", _ALL_T, preps=("strings", True), words=("words", True))
def _prep_complement(ctx: Ctx, preps: frozenset[str], words: frozenset[str]) -> bool:
    """The frame verb has a preposition in ``preps`` whose object or gerund complement
    (``pobj``, ``pcomp``) has a lemma in ``words``: "an agency charged with convening
    experts", "is charged with the oversight of the unit" (a duty given, not a crime
    alleged; sense:charged-with-a-duty-is-no-accusation)."""
    return any(p.dep_ in ("pobj", "pcomp") and p.lemma_.lower() in words
               for c in ctx.t.frame.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children)


@predicate("counted_acts", _ALL_T, preps=("strings", True), nouns=("words", True), min=("number", True),
           counters=("words", True))
def _counted_acts(ctx: Ctx, preps: frozenset[str], nouns: frozenset[str], min: float,
                  counters: frozenset[str]) -> bool:
    """The frame verb has a preposition in ``preps`` whose object is a plural noun of
    ``nouns`` counted by a number of at least ``min`` ("killed 400 people in over 500
    attacks") or by a noun of ``counters`` ("in hundreds of raids"): the verb totals many
    incidents, a statistic (annotation guide section 1; 11.9 keeps the total of one
    campaign, which names no count of incidents)."""
    for c in ctx.t.frame.children:
        if c.dep_ != "prep" or c.lower_ not in preps:
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            if p.tag_ in ("NNS", "NNPS") and p.lemma_.lower() in nouns and any(
                    n.dep_ == "nummod" and syntax.number(n) >= min for n in p.children):
                return True
            # "in hundreds of attacks": the counter is the preposition's object
            if p.lemma_.lower() in counters and any(
                    q.tag_ in ("NNS", "NNPS") and q.lemma_.lower() in nouns
                    for q in syntax.prep_objects(p, ("of",))):
                return True
    return False


_YEAR = re.compile(r"(19|20)\d\d")


def _counted(tok: Token, min: float, counters: frozenset[str]) -> bool:
    """A noun counted by a number of at least ``min`` ("more than 400 fishermen", "30
    Burmese", whatever the tagger makes of a nationality) or by a counter ("a dozen
    people"), or a plural counter noun itself ("hundreds of protesters"), or a number of
    at least ``min`` that heads an "of" phrase ("more than 400 of its activists"; r27s)."""
    if tok.tag_ == "CD" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        n = syntax.number(tok)
        if n is not None and n >= min:
            return True
    return (tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in counters) or any(
        c.dep_ == "nummod" and (syntax.number(c) >= min or c.lemma_.lower() in counters) for c in tok.children)


def _period(tok: Token, nouns: frozenset[str], marks: frozenset[str]) -> bool:
    """A noun of ``nouns`` that one of ``marks`` makes a stretch up to now or a past
    stretch ("this year", "the past decade", "last year", "the last five years")."""
    return tok.lemma_.lower() in nouns and any(
        c.dep_ in ("det", "amod") and c.lower_ in marks for c in tok.children)


@predicate("counted_over_period", _ALL_T, min=("number", True), counters=("words", True),
           nouns=("words", True), marks=("words", True), preps=("strings", True),
           starts=("words", False))
def _counted_over_period(ctx: Ctx, min: float, counters: frozenset[str], nouns: frozenset[str],
                         marks: frozenset[str], preps: frozenset[str],
                         starts: frozenset[str] = frozenset()) -> bool:
    """The frame verb's object or passive subject is a counted plural (a number of at
    least ``min`` or a ``counters`` noun: "more than 400 fishermen have been arrested",
    "killed 5,600 people", "hundreds of activists were detained") and the verb is told
    over a period: a noun of ``nouns`` marked by one of ``marks`` as its bare modifier
    ("this year", "last year") or after a preposition of ``preps`` ("over the past
    year", "in the last decade"), or "since" a year ("since 2019"), or a "since" clause
    on the verb or on the verb it is coordinated with ("since the party was founded,
    nearly 1,000 of its members have been murdered", "since the president took office,
    police have seized 20 tons of cocaine and arrested 9,000 traffickers"; the corpus
    train split gives both no event; r27s), unless the clause's verb is one of ``starts``:
    "since protests began in 2019, authorities have arrested thousands" totals one campaign
    from its start (guide 11.9; COERCE in the train gold). Such a count is a
    total of many acts over the period, a statistic (annotation guide section 1,
    "statistics and aggregates over a period"; 11.9 keeps the total of one campaign).
    Raises nothing; False when the trigger has no frame verb clause of that shape."""
    v = ctx.t.frame
    if not any(c.dep_ in ("dobj", "obj", "nsubjpass") and _counted(c, min, counters) for c in v.children):
        return False
    # the verb's own modifiers, and those the parse hung on a gerund of its preposition
    # ("convicted of spying for Iran since 2021")
    mods = list(v.children) + [g for c in v.children if c.dep_ == "prep"
                                for p in c.children if p.dep_ == "pcomp" for g in p.children]
    # a "since" clause, unless the verb is itself dated to a day ("in a raid on Tuesday")
    clauses = list(v.children) + (list(v.head.children) if v.dep_ == "conj" else [])
    dated = any(c.dep_ == "npadvmod" or c.dep_ == "prep" and c.lower_ == "on" for c in v.children) or any(
        g.dep_ == "prep" and g.lower_ == "on" for c in v.children if c.dep_ == "prep"
        for p in c.children for g in p.children)
    if not dated and any(c.dep_ == "advcl" and c.lemma_.lower() not in starts and any(
            m.dep_ == "mark" and m.lower_ == "since" for m in c.children) for c in clauses):
        return True
    for c in mods:
        if c.dep_ == "npadvmod" and _period(c, nouns, marks):
            return True
        if c.dep_ == "prep":
            low = c.lower_
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                if low in preps and _period(p, nouns, marks):
                    return True
                if low == "since" and p.tag_ == "CD" and _YEAR.fullmatch(p.text):
                    return True
    return False


def _advises_travellers(v: Token, verbs: frozenset[str], advisees: frozenset[str]) -> bool:
    """``v`` is an advising verb of ``verbs`` whose object (or passive subject, or the
    object of its preposition: "called on citizens") is one of ``advisees``."""
    if v.lemma_.lower() not in verbs:
        return False
    told = [c for c in v.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    told += syntax.prep_objects(v, ("on", "to"))
    return any(o.lemma_.lower() in advisees for o in told)


@predicate("travel_advice", _ALL_T, verbs=("words", True), advisees=("words", True), travel=("words", True))
def _travel_advice(ctx: Ctx, verbs: frozenset[str], advisees: frozenset[str], travel: frozenset[str]) -> bool:
    """The trigger is part of a travel advisory: its frame verb advises (``verbs``) its
    own citizens or travellers (``advisees``) and a word of ``travel`` lies in what it
    advises ("Beijing advised its citizens to avoid travelling to Japan": "advised"),
    or the frame verb is such a travel word under an advising verb of that kind
    ("travelling"), up to four heads up. A travel advisory is no event (annotation
    guide section 5)."""
    v = ctx.t.frame
    if _advises_travellers(v, verbs, advisees):
        return any(x.lemma_.lower() in travel for x in v.subtree if x is not v)
    if v.lemma_.lower() not in travel and ctx.t.token.lemma_.lower() not in travel:
        return False
    h, n = v, 0
    while h.head is not h and n < 4:
        h, n = h.head, n + 1
        if _advises_travellers(h, verbs, advisees):
            return True
    return False


@predicate("object_of_noun", _ALL_T, preps=("strings", True), words=("words", True), unless=("words", False))
def _object_of_noun(ctx: Ctx, preps: frozenset[str], words: frozenset[str],
                    unless: frozenset[str] = frozenset()) -> bool:
    """The trigger word is the object of a preposition in ``preps`` that hangs on a noun
    whose lemma is in ``words``: "the threat of terrorist attacks", "for fear of arrest",
    "the risk of sanctions" (a possibility named, not an act; annotation guide section 4,
    hypothetical acts), "the fourth anniversary of the invasion" (background). With
    ``unless``, not when a word before that noun in its own phrase has a form in it
    ("the one-year anniversary of the invasion": a recent act; r28i)."""
    tok = ctx.t.token
    # the word only as the preposition's object, noun or not: the small parse tags
    # "strikes" in "under threat of Russian missile strikes" as a verb
    if tok.dep_ != "pobj" or tok.head.lower_ not in preps:
        return False
    h = tok.head.head
    if h is tok.head or h.pos_ != "NOUN" or h.lemma_.lower() not in words:
        return False
    return not (unless and any(w.lower_ in unless for w in h.subtree if w.i < h.i))


@predicate("noun_prep_object", _ALL_T, preps=("strings", True), words=("words", True))
def _noun_prep_object(ctx: Ctx, preps: frozenset[str], words: frozenset[str]) -> bool:
    """The event-noun trigger has a preposition in ``preps`` whose object has a lemma in
    ``words``: "an attack on the livelihood of Serbs", "an assault on press freedom"
    (what the act is aimed at). False for a verb trigger (r28i)."""
    t = ctx.t
    return t.is_noun and any(p.lemma_.lower() in words for p in syntax.prep_objects(t.token, preps))


@predicate("trend_of_acts", _ALL_T, verbs=("words", True), escalations=("words", True),
           since=("words", True))
def _trend_of_acts(ctx: Ctx, verbs: frozenset[str], escalations: frozenset[str],
                   since: frozenset[str]) -> bool:
    """The trigger is a plural act noun told as a quantity that changes over a period,
    a statistic (annotation guide section 1, statistics and aggregates over a period):
    (a) it heads, or sits in an "of"/"in"/"by" phrase of, the subject of a verb of change
    in ``verbs`` ("Killings by the militia rose from 120 in 2022 to 410 in 2024", "Deaths
    in these attacks surged", "the number of raids doubled last year"); or (b) it is the
    direct object of an escalation verb in ``escalations`` that has a "since" phrase or
    a period word of ``since`` in its clause ("has ramped up attacks since the beginning
    of the year"); in both, the verb's modifiers must name the period (a year, or a word
    of ``since``: "last year", "since"). A singular noun ("the attack") is never a statistic. False when no
    clause verb is found within four steps up the tree."""
    tok = ctx.t.token
    if tok.tag_ not in ("NNS", "NNPS"):
        return False
    x, steps = tok, 0
    while x.dep_ in ("pobj", "prep", "compound", "amod") and steps < 4:
        x, steps = x.head, steps + 1
    if x.dep_ in ("nsubj", "nsubjpass") and x.head.lemma_.lower() in verbs:
        v = x.head
    elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in escalations:
        v = tok.head
    else:
        return False
    # the change must be told over a period: a year or a period word in the verb's own
    # modifiers ("from 88 in 2023 to 388 in 2024", "last year", "since the beginning of the
    # year"); "the number of casualties has increased to 70" (one battle's running toll)
    # and "clashes are increasing in intensity" (fighting going on) are no statistic: the
    # corpus train split labels both ASSAULT
    return any(t.lower_ in since or t.tag_ == "CD" and _YEAR.fullmatch(t.text)
               for c in v.children if c.dep_ in ("npadvmod", "prep", "advmod") for t in c.subtree)


@predicate("own_party_phrase", _ALL_T, preps=("strings", True))
def _own_party_phrase(ctx: Ctx, preps: frozenset[str]) -> bool:
    """The trigger word names a party of its own: a possessor ("the militia's raid") or
    a preposition of ``preps`` hanging on it ("fighting between the rebels and the army",
    "the attack by gunmen", "the raid on the convoy"). Annotation guide 11.1 labels a
    passing mention of an act that names a party, so a filter of passing mentions tests
    this first (r27s)."""
    return any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in preps for c in ctx.t.token.children)


@predicate("status_complement", _ALL_T, verbs=("words", True))
def _status_complement(ctx: Ctx, verbs: frozenset[str]) -> bool:
    """The trigger is a participle or adjective told as a standing state after a verb of
    remaining in ``verbs`` ("the train remains blocked in a tunnel", "roads into the town
    stay closed", "the ferry remains stranded"): the state left by an earlier act, no
    event (annotation guide 11.3, be / remain + participle is background). The parse's
    two readings count: the trigger as the complement (acomp, oprd) of the remain verb,
    or the remain verb as the trigger's auxiliary (the small parse lemmatises "remains"
    as itself, so ``verbs`` lists the inflected forms and the word is tested too)."""
    tok = ctx.t.token
    if tok.dep_ in ("acomp", "oprd") and {tok.head.lemma_.lower(), tok.head.lower_} & verbs:
        return True
    return tok.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and {c.lemma_.lower(), c.lower_} & verbs
                                     for c in tok.children)


@predicate("private_parties", _ALL_T, alone=("types", True))
def _private_parties(ctx: Ctx, alone: frozenset[str]) -> bool:
    """Private persons on both sides (:func:`syntax.private`): a private subject whose
    objects are all private (or, for a type in ``alone``, who has no object).

    A passive with a private victim and no agent ("a girl was wounded", "three men were
    arrested") says nothing of who acted: it is how most reports of attacks and arrests
    name their victims, so it is no longer read as private violence (issue 16, fifth
    round: on the train split that branch dropped 19 gold events for 4 right drops)."""
    objs, subj = _objs(ctx), _subj(ctx)
    if subj is None:
        subj = _controller(ctx.t.frame)
    if subj is None or not syntax.private(subj):
        return False
    return all(syntax.private(o) for o in objs) if objs else ctx.t.event_type in alone


def _controller(v: Token) -> Token | None:
    """Who does the act of a subjectless gerund in a preposition's phrase ("a man was
    arrested after stabbing his neighbour": the man): the subject, active or passive, of
    the verb the phrase hangs on; None when ``v`` is no such gerund or that verb has no
    subject. The act of "after/before/while/for + -ing" is done by the clause's subject
    (a fresh user's trial, twentieth round: the stabbing passed the private-violence
    filter for want of a subject; annotation guide section 1, crime between private
    persons)."""
    if v.dep_ != "pcomp" or v.tag_ != "VBG" or syntax.own_subject(v):
        return None
    prep = v.head
    head = prep.head if prep.dep_ == "prep" else None
    if head is None or head.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


@predicate("open_ended_pattern", _ALL_T, heads=("words", True), preps=("strings", True))
def _open_ended_pattern(ctx: Ctx, heads: frozenset[str], preps: frozenset[str]) -> bool:
    """The trigger tells a pattern of acts, not one act: a noun of ``heads`` ("a wave",
    "a surge", "a spate") with a preposition of ``preps`` ("of", "in") before a plural
    act noun ("a wave of prison killings", "a surge in extortion killings"), the trigger
    being either noun; the pattern is mentioned in passing (not the subject of its
    clause: "a wave of attacks shook the city" tells the attacks as done), and neither
    noun's phrase names a party, a time or a place (:func:`triggers.names_party`) nor an
    agent ("by ...", "carried out by ..."). Annotation guide 11.1: open-ended patterns
    are not labelled; a phrase naming a party, time or place is."""
    from .triggers import names_party

    tok = ctx.t.token
    if tok.lemma_.lower() in heads:
        pattern = tok
        acts = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
                for p in c.children if p.dep_ == "pobj"]
    elif tok.dep_ == "pobj" and tok.head.lower_ in preps and tok.head.head.lemma_.lower() in heads:
        pattern, acts = tok.head.head, [tok]
    else:
        return False
    if len(acts) != 1 or acts[0].tag_ not in ("NNS", "NNPS") or pattern.dep_ in ("nsubj", "nsubjpass"):
        return False
    act = acts[0]
    if names_party(act) or names_party(pattern):
        return False
    # an agent of the acts: "attacks by the militia", "killings carried out by gangs"
    return not any(c.dep_ in ("acl", "relcl") or c.dep_ == "prep" and c.lower_ == "by" for c in act.children)


@predicate("blames_only", _ALL_T, words=("words", True))
def _blames_only(ctx: Ctx, words: frozenset[str]) -> bool:
    """What the trigger verb blames is impersonal: the objects of its "on" phrase (the
    verb's or its object's, where the parse puts it: "blamed the delays on bad weather",
    "was blamed on the weather"), else its direct objects ("blamed higher oil prices and
    weak remittances"), with their conjuncts, are all words of ``words``, and so are their
    compounds ("oil prices"). False when it blames nothing. Source: PLOVER manual, ACCUSE
    (an accusation has a party accused); sense:blamed-impersonal-cause-is-no-accusation."""
    fr = ctx.t.frame
    objs = [c for c in fr.children if c.dep_ in ("dobj", "obj")]
    blamed = syntax.prep_objects(fr, ("on",)) + [p for o in objs for p in syntax.prep_objects(o, ("on",))]
    if not blamed:
        blamed = objs
    blamed = blamed + [x for b in blamed for x in b.conjuncts]
    return bool(blamed) and all(
        b.lemma_.lower() in words and not b.ent_type_ and all(
            m.lemma_.lower() in words for m in b.children if m.dep_ == "compound") for b in blamed)


@predicate("sport_sentence", _ALL_T, cues=("words", True), weak=("words", True), score_words=("words", True))
def _sport_sentence(ctx: Ctx, cues: frozenset[str], weak: frozenset[str], score_words: frozenset[str]) -> bool:
    """The sentence reports sport: a word of ``cues``, two lemmas of ``weak``, or a score
    ("2-1") beside a lemma of ``score_words``.

    Issue 16, fifth round: a score alone, and a word or two forms of one lemma ("goal",
    "goals"), used to suffice; on the train split that dropped every event of sentences
    with "death squads", "the Arab League", "a grand jury", "a working lunch", "strikers",
    "an O-2 plane" or a day range ("will visit Chad March 20-22", "Sept. 8-11", "8-11
    September", never a score now): more gold events than the filter kept out."""
    # the answer depends on the sentence and the word lists alone: kept for the sentence
    memo = _sentence_memo(ctx.sent)
    key = ("sport", cues, weak, score_words)
    got = memo.get(key)
    if got is None:
        lemmas = {t.lemma_.lower() for t in ctx.sent}
        forms = lemmas | {t.lower_ for t in ctx.sent}
        got = memo[key] = (bool(forms & cues) or len(lemmas & weak) >= 2
                           or (bool(lemmas & score_words) and bool(_SCORE.search(_DAY_RANGE.sub(" ", ctx.sent.text)))))
    return got


@predicate("joint_exercise", _ALL_T, joint=("words", False))
def _joint_exercise(ctx: Ctx, joint: frozenset[str] = frozenset()) -> bool:
    """An exercise held with others: a modifier in ``joint`` (none given: the partners
    alone count, as sense:one-force-joint-drills-are-mobilization asks, r29j), a "with"
    phrase (of the frame verb, the trigger word, or an object the parser hung it on:
    "was sharing information with the United States and Japan", r29j), or a
    compound subject ("Japan and the US held drills"); an open complement with no subject
    of its own takes its governor's ("Kenyan and Somali police began sharing
    intelligence", r22c); a headline's bare comma list of subjects, which the parser
    leaves unlinked but which names the event's actors ("Japan, South Korea, US hold air
    drills": :func:`tidings.coding.syntax.headline_name_list`, the list the actor finding
    reads; annotation guide section 3: a joint exercise of several states is COOPERATE,
    r26ae)."""
    t, subj = ctx.t, _subj(ctx)
    if subj is None and t.frame.dep_ == "xcomp":
        subj = syntax.subject(t.frame.head)
    withs = list(t.frame.children) + list(t.token.children) + [c for o in _objs(ctx) for c in o.children]
    return any(c.lemma_.lower() in joint for c in t.token.children) or \
        any(c.dep_ == "prep" and c.lower_ == "with" for c in withs) or \
        (subj is not None and bool(subj.conjuncts or any(c.conjuncts for c in subj.children
                                                         if c.dep_ in ("amod", "compound"))
                                   or syntax.headline_name_list(subj)))


@predicate("testing", _ALL_T, prefix=("strings", True))
def _testing(ctx: Ctx, prefix: frozenset[str]) -> bool:
    """The act is a test: the trigger's lemma contains a ``prefix`` ("test-fired"), or
    the frame verb or its modifier starts with one ("test launch")."""
    t = ctx.t
    lem = t.token.lemma_.lower()
    return any(p in lem or t.frame.lower_.startswith(p) or any(
        c.lower_.startswith(p) for c in t.frame.children if c.dep_ in ("compound", "amod", "advmod", "npadvmod"))
        for p in prefix)


@predicate("bare_heading", _ALL_T)
def _bare_heading(ctx: Ctx) -> bool:
    """The trigger is an event noun of a heading that tells no event: its sentence is
    short (at most :data:`HEADING_WORDS` words), has no verb and no closing punctuation
    (a heading, not a slogan "Death to X!" nor a sentence whose verbs the tagger
    missed), and neither the sentence nor the noun's phrase names a party, a time or a
    place ("Clashes", "Protests", "Assistance": a web page's section heading;
    annotation guide, "What is NOT an event": headlines and titles are meta-text, and
    11.1: an act noun is an event when its phrase names a party, time or place)."""
    from .triggers import PARTY_LABELS, names_party

    t = ctx.t
    if not t.is_noun:  # the cheap test first: a verb trigger never walks its sentence here
        return False
    sent = t.token.sent
    n = 0
    for w in sent:  # more than HEADING_WORDS words: no heading, whatever comes after
        if not (w.is_punct or w.is_space):
            n += 1
            if n > HEADING_WORDS:
                return False
    last = next((w for w in reversed(sent) if not w.is_space), None)
    return last is not None \
        and last.text not in (".", "!", "?", "...", "\u2026") \
        and not any(w.pos_ in ("VERB", "AUX") for w in sent) \
        and not any(e.label_ in PARTY_LABELS for e in sent.ents) and not names_party(t.token)


#: Most words of a heading (:func:`_bare_heading`): a section heading names its topic in
#: a few words; a longer line without a verb tag is a sentence the tagger misread.
HEADING_WORDS = 8


@predicate("asks_for_something", _ALL_T)
def _asks_for_something(ctx: Ctx) -> bool:
    """ "ask" names what is asked: an object, an infinitive, "for"/"to", or a clause that
    is no question."""
    return any(c.dep_ in ("dobj", "obj", "xcomp", "dative") or c.dep_ == "prep" and c.lower_ in ("for", "to")
               or c.dep_ == "ccomp" and not any(x.text == "?" for x in c.subtree) for c in ctx.t.frame.children)


@predicate("spoken", _ALL_T)
def _spoken(ctx: Ctx) -> bool:
    """The verb reports speech: it has a clausal complement ("protested that ..."), or
    stands as a parenthetical ("..., a rights group protested")."""
    fr = ctx.t.frame
    return any(c.dep_ in ("ccomp", "parataxis") for c in fr.children) or fr.dep_ == "parataxis" or \
        (fr.dep_ == "acl" and fr.head.dep_ == "appos")


@predicate("object_in_lexicon", _ALL_T, words=("words", True))
def _object_in_lexicon(ctx: Ctx, words: frozenset[str]) -> bool:
    """An object word in ``words`` is an event noun of the lexicon."""
    return any(w in ctx.lex.nouns for w in view(ctx, "objects") & words)


@predicate("threat_content", _ALL_T, words=("words", True))
def _threat_content(ctx: Ctx, words: frozenset[str]) -> bool:
    """Under the frame verb stands a word of ``words`` ("retaliation") or a threat phrase
    ("use force", "take action", "take control")."""
    return any(x.lemma_.lower() in words or syntax.threat_phrase(x) for x in ctx.t.frame.subtree)


@predicate("threat_phrase", _ALL_T, lemma=("words", False))
def _threat_phrase(ctx: Ctx, lemma: frozenset[str] = None) -> bool:
    """Under the frame verb stands a threat phrase; with ``lemma``, the first one's noun
    is in it ("take control" -> territory)."""
    phr = next((x for x in ctx.t.frame.subtree if syntax.threat_phrase(x)), None)
    return phr is not None and (lemma is None or phr.lemma_.lower() in lemma)


@predicate("reporting_verb", _ALL_T, **{"in": ("words", True)})
def _reporting_verb(ctx: Ctx, **kw: frozenset[str]) -> bool:
    """The verb that reports the trigger ("announced" in "announced it would ban") has a
    lemma in ``in``."""
    rep = syntax.reporting_head(ctx.t.frame)
    return rep is not None and rep.lemma_.lower() in kw["in"]


def _commentator(v: Token, speakers: frozenset[str], verbs: frozenset[str], bodies: frozenset[str]) -> bool:
    """``v`` is a verb of saying or thinking (lemma in ``verbs``) whose subject's head is a
    commentator noun of ``speakers`` not tied to a body that acts by a modifier, an
    organisation's name or a word of ``bodies`` ("UN experts", "election observers",
    "the IAEA's experts" speak for their body)."""
    if v.lemma_.lower() not in verbs:
        return False
    subj = syntax.subject(v)
    if subj is None or subj.lemma_.lower() not in speakers:
        return False
    return not any(c.dep_ in ("compound", "amod", "nmod", "poss") and (c.ent_type_ == "ORG" or c.lower_ in bodies)
                   for c in subj.children)


@predicate("commentator_content", _ALL_T, speakers=("words", True), verbs=("words", True),
           bodies=("words", True), purpose=("words", True))
def _commentator_content(ctx: Ctx, speakers: frozenset[str], verbs: frozenset[str], bodies: frozenset[str],
                         purpose: frozenset[str]) -> bool:
    """The trigger is only the content of a commentator's assessment: its clause is the
    complement of a verb of saying or thinking in ``verbs`` whose subject is a noun of
    ``speakers`` ("Analysts say Russia is massing troops", "the curbs have hurt the
    economy, economists said", "Experts think the rebels will attack"; not one a word of
    ``bodies`` ties to a body that acts, "UN experts"), or the clause names such a
    speaker with "according to". A clause joined as an adverbial ("although Mauritius has
    said ...") is a statement of its own and does not count. A noun trigger counts only
    as the object of a preposition of ``purpose`` ("building up forces for an
    offensive": the act forecast), and not when its phrase names a party, time or place
    (:func:`triggers.names_party`); a named or ongoing act the assessment is about ("Modi's
    visit came amid ...", "the renewed fighting appeared intended as ...") stays: the
    corpus train split labels it."""
    from .triggers import names_party

    tok = ctx.t.token
    x = tok
    if tok.pos_ != "VERB":
        if names_party(tok) or tok.dep_ != "pobj" or tok.head.lower_ not in purpose:
            return False
        x = tok.head.head
        for _ in range(3):                            # up to the verb of its clause
            if x.pos_ in ("VERB", "AUX") or x.head == x:
                break
            x = x.head
        if x.pos_ not in ("VERB", "AUX"):
            return False
    for _ in range(5):
        for c in x.children:                          # "..., analysts say" / "according to experts"
            if c.dep_ in ("parataxis", "ccomp") and c.i > x.i and _commentator(c, speakers, verbs, bodies):
                return True
            if c.dep_ == "prep" and c.lower_ == "according" and any(
                    w.lemma_.lower() in speakers and w.dep_ == "pobj" for w in c.subtree):
                return True
        if x.head == x:
            return False
        if x.dep_ in ("ccomp", "parataxis", "xcomp") and _commentator(x.head, speakers, verbs, bodies):
            return True
        if x.dep_ not in ("conj", "ccomp", "xcomp", "parataxis"):
            return False
        x = x.head
    return False


@predicate("conditional_threat", _ALL_T)
def _conditional_threat(ctx: Ctx) -> bool:
    """The conditional act is announced by its actor (:func:`syntax.conditional_threat`)."""
    return syntax.conditional_threat(ctx.t.frame)


@predicate("inside_condition", _ALL_T)
def _inside_condition(ctx: Ctx) -> bool:
    """The frame verb sits inside an "if"/"unless" clause."""
    return syntax.inside_condition(ctx.t.frame)


@predicate("asked_act", frozenset({"mode"}), lemma=("words", False), types=("types", False),
           changes=("words", True), asked=("types", True))
def _asked_act(ctx: Ctx, changes: frozenset[str], asked: frozenset[str], lemma: frozenset[str] = None,
               types: frozenset[str] = None) -> bool:
    """The act a request folds in (the first one not negated whose lemma is in
    ``changes`` or whose type is in ``asked``) has a lemma in ``lemma`` / a type in
    ``types`` ("urged Russia to withdraw": RETREAT)."""
    sub = next((s for s in ctx.t.subs if "negation" not in s.aux and (
        s.token.lemma_.lower() in changes or s.event_type in asked)), None)
    if sub is None:
        return False
    return (lemma is not None and sub.token.lemma_.lower() in lemma) or \
        (types is not None and sub.token.lemma_.lower() not in changes and sub.event_type in types)


# ------------------------------------------------------------------ auxiliary modes

@predicate("negated", _ALL_T, words=("words", True))
def _negated(ctx: Ctx, words: frozenset[str]) -> bool:
    """The frame verb has a negation ("not", "n't") or a child in ``words`` ("never");
    an event noun has a child in ``words`` ("no talks"). An interjection is no negation of
    its verb: "said no to the request" refuses, it does not deny the saying (r26af)."""
    t = ctx.t
    return any(c.dep_ == "neg" or (c.lower_ in words and c.dep_ != "intj")
               for c in syntax.verb_children(t.frame)) or \
        (t.is_noun and any(c.lower_ in words for c in t.token.children))


@predicate("governed_by", _ALL_T, deps=("strings", True), words=("words", False), forms=("words", False),
           not_trigger=("bool", False), adverbs=("words", False), head_subject=("words", False))
def _governed_by(ctx: Ctx, deps: frozenset[str], words: frozenset[str] = frozenset(),
                 forms: frozenset[str] = frozenset(), not_trigger: bool = False,
                 adverbs: frozenset[str] | None = None, head_subject: frozenset[str] | None = None) -> bool:
    """The frame verb hangs by a dependency in ``deps`` on a head whose lemma is in
    ``words`` or whose form is in ``forms`` (with ``not_trigger``, a head that is no
    trigger verb of the lexicon: that one is folded instead; with ``adverbs``, a head
    that has one of them as an adverb: "has yet to release"). With ``head_subject`` the
    head's own subject (active or passive; its head word's lemma, not a compound) must be
    in that list and ``words``/``forms`` may be empty: any head then passes ("a boiler
    blew up, killing five": the result participle's head has an accident subject, r28p)."""
    v = ctx.t.frame
    h = v.head
    if v.dep_ not in deps or h == v:
        return False
    if head_subject is not None:
        s = syntax.subject(h) or next((c for c in h.children if c.dep_ == "nsubjpass"), None)
        if s is None and h.dep_ == "acl" and h.head.pos_ == "NOUN":  # "A fire swept ..." read as a noun root
            s = h.head
        if s is None or s.lemma_.lower() not in head_subject:
            return False
        if not words and not forms:
            return True
    if not_trigger and h.lemma_.lower() in ctx.lex.verbs:
        return False
    if adverbs is not None and not any(c.dep_ == "advmod" and c.lower_ in adverbs for c in h.children):
        return False
    return h.lemma_.lower() in words or h.lower_ in forms


@predicate("to_clause_of", _ALL_T, words=("words", True))
def _to_clause_of(ctx: Ctx, words: frozenset[str]) -> bool:
    """The frame verb is an infinitive ("plans to visit", "have sworn to fight", parsed
    xcomp or advcl with "to") of a head whose lemma is in ``words``."""
    v = ctx.t.frame
    return (v.dep_ == "xcomp" or v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)) \
        and v.head.lemma_.lower() in words


@predicate("no_noun_governor", _ALL_T, words=("words", True))
def _no_noun_governor(ctx: Ctx, words: frozenset[str]) -> bool:
    """Within three hops up through modifier clauses, a noun with a determiner in
    ``words`` governs the act ("there were no plans for the president to visit")."""
    x = ctx.t.frame
    for _ in range(3):
        if x.head == x:
            return False
        if x.head.pos_ == "NOUN" and any(c.dep_ in ("det", "neg") and c.lower_ in words for c in x.head.children):
            return True
        if x.dep_ not in ("acl", "relcl", "xcomp", "advcl", "prep", "pobj", "ccomp"):
            return False
        x = x.head
    return False


@predicate("nobody_subject", _ALL_T, determiners=("words", True), nobody=("words", True))
def _nobody_subject(ctx: Ctx, determiners: frozenset[str], nobody: frozenset[str]) -> bool:
    """The subject (or passive subject) is nobody: "no country", "nobody"."""
    v = ctx.t.frame
    s = syntax.subject(v) or next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    return s is not None and (any(c.lower_ in determiners for c in s.children) or s.lower_ in nobody)


@predicate("head_negated", _ALL_T, deps=("strings", True), shared_subject=("bool", False),
           copula=("bool", False))
def _head_negated(ctx: Ctx, deps: frozenset[str], shared_subject: bool = False, copula: bool = False) -> bool:
    """The frame verb hangs by a dependency in ``deps`` on a negated head ("does not want
    to meet"); with ``shared_subject``, only when it has no subject of its own ("did not
    carry out X or Y") and no tense of its own (:func:`syntax.own_tense`: "would not
    compete and closed its embassy"); with ``copula``, a predicate adjective head counts
    as negated when its copula is ("was not ready to resume talks": spaCy hangs "not" on
    "was", the adjective on "was" by ``acomp``). A verb coordinated by a contrast or to
    a copula with a predicate (:func:`syntax.shares_negation`: "were not easy but
    produced a deal") is not under its head's negation."""
    v = ctx.t.frame
    if v.dep_ not in deps or (shared_subject and (syntax.own_subject(v) or syntax.own_tense(v))):
        return False
    if v.dep_ == "conj" and not syntax.shares_negation(v):
        return False  # "were not easy but produced a deal" (r24c)
    h = v.head
    if any(c.dep_ == "neg" for c in h.children):
        return True
    return copula and h.dep_ == "acomp" and any(c.dep_ == "neg" for c in h.head.children)


@predicate("neither_verb", _ALL_T, words=("words", True))
def _neither_verb(ctx: Ctx, words: frozenset[str]) -> bool:
    """The frame verb is one of verbs coordinated by "neither ... nor": it has a child
    in ``words`` before it ("neither confirmed nor denied"), or it is the coordinated
    verb of a head that has one ("neither claimed nor denied responsibility"). Such a
    report says that neither act happened (annotation guide section 4, negation)."""
    v = ctx.t.frame
    if any(c.i < v.i and c.lower_ in words for c in v.children):
        return True
    h = v.head
    return v.dep_ == "conj" and h != v and any(c.i < h.i and c.lower_ in words for c in h.children)


@predicate("negated_object", _ALL_T, words=("words", True))
def _negated_object(ctx: Ctx, words: frozenset[str]) -> bool:
    """A direct object has a determiner in ``words`` ("offered no evidence")."""
    return any(o.dep_ in ("dobj", "obj") and any(d.lower_ in words for d in o.children) for o in ctx.t.frame.children)


@predicate("demanded_clause", _ALL_T, heads=("words", True))
def _demanded_clause(ctx: Ctx, heads: frozenset[str]) -> bool:
    """The act is the that-clause of a demand ("its demand that Israel ease
    restrictions", "repeated its call on Monday that the government raise wages")."""
    v = ctx.t.frame
    return v.dep_ in ("ccomp", "acl") and any(c.dep_ in ("nsubj", "mark") for c in v.children) and v.head.i < v.i \
        and (v.head.lemma_.lower() in heads or any(c.dep_ == "dobj" and c.lemma_.lower() in heads and c.i < v.i
                                                   for c in v.head.children))


#: Dependencies by which an act hangs inside the clause or "of" phrase of a claim.
_CLAIM_PATH = frozenset({"ccomp", "acl", "pcomp", "pobj", "prep", "conj", "xcomp"})


def _denial_negated(v: Token) -> bool:
    """True when the denying verb is itself negated ("did not deny that ...")."""
    return any(c.dep_ == "neg" for c in v.children)


@predicate("denied_claim", _ALL_T, verbs=("words", True), nouns=("words", True))
def _denied_claim(ctx: Ctx, verbs: frozenset[str], nouns: frozenset[str]) -> bool:
    """The act is what a denial denies: the that-clause or "of" phrase of a claim noun
    (``nouns``: "claims that it had executed hostages", "accusations of killing
    civilians") that is the object of a denying verb (``verbs``: "rejected", "dismissed"),
    or the that-clause of the denying verb itself ("denied that troops shelled").

    Annotation guide, sections 3 (REJECT) and 5 (denial): a denial is REJECT, and the
    alleged act is not labelled from a denial alone. Walks up at most four hops from the
    trigger through clause, "of" and coordination links; another verb on the way (other
    than one coordinated inside the clause) ends the walk, so "denied the claims and
    attacked the village" leaves the attack as it is. Only a verb (or gerund) trigger: a
    noun that names the act ("the group denied any role in the ambush", "rejected the
    charge that the bombing was ordered from abroad") tells an act that did happen,
    only its author being denied (so the train split labels such nouns). A noun that a
    support verb of the trigger frames ("reports that Russian personnel had taken part in
    a raid", "claims that the unions went on strike") walks up from that verb, which the
    claim's clause holds like a verb trigger (r26b, a fresh user's trial)."""
    x = ctx.t.token
    if ctx.t.is_noun:
        f = ctx.t.frame
        if f is x or f.pos_ not in ("VERB", "AUX") or all(w.i != f.i for w in ctx.t.words):
            return False
        x = f
    for _ in range(4):
        h = x.head
        if h == x or x.dep_ not in _CLAIM_PATH:
            return False
        hl = h.lemma_.lower()
        if h.pos_ == "NOUN" and hl in nouns and h.dep_ in ("dobj", "nsubjpass") \
                and h.head.lemma_.lower() in verbs and x.dep_ != "conj":
            return not _denial_negated(h.head)
        if h.pos_ in ("VERB", "AUX"):
            if hl in verbs and x.dep_ == "ccomp":
                if syntax.claim_apposition(x):
                    return False  # "accused Y of ..., a charge Y denied" (r26f)
                return not _denial_negated(h)
            if x.dep_ != "conj" or h.dep_ not in _CLAIM_PATH:
                return False
        x = h
    return False


def _stance_key(x: Token) -> str | None:
    """The stance an act word hangs on, as "<head lemma> <preposition>" for the object of
    a preposition ("favour of", "be against", "need for") or "<verb lemma>[ <particle>]"
    for a direct object ("oppose", "rule out"); None when it hangs on neither. A gerund
    ("against imposing sanctions", "ruled out sending troops") hangs by ``pcomp`` or
    ``xcomp`` as a noun would by ``pobj`` or ``dobj``."""
    h = x.head
    if h.i == x.i:
        return None
    dep = x.dep_
    if x.pos_ == "VERB" and x.tag_ == "VBG":
        dep = {"pcomp": "pobj", "xcomp": "dobj"}.get(dep, "")
    if dep == "pobj" and h.pos_ == "ADP" and h.head.i != h.i:
        return f"{h.head.lemma_.lower()} {h.lower_}"
    if dep in ("dobj", "obj") and h.pos_ in ("VERB", "AUX"):
        prt = next((c.lower_ for c in h.children if c.dep_ == "prt"), None)
        return f"{h.lemma_.lower()} {prt}" if prt else h.lemma_.lower()
    return None


@predicate("stance_object", _ALL_T, stances=("words", True), definite=("words", False),
           determiners=("words", True))
def _stance_object(ctx: Ctx, stances: frozenset[str], determiners: frozenset[str],
                   definite: frozenset[str] = frozenset()) -> bool:
    """The trigger names an act that a party's stance is about, not an act the sentence
    reports: it is the object of a stance phrase in ``stances`` (keys of
    :func:`_stance_key`: "favour of" for "is (not) in favour of talks", "be against" for
    "is against sanctions on", "oppose to" for "is opposed to new sanctions", "interested
    in", "need for" for "sees no need for a ceasefire", "plan for", "oppose" and "rule out"
    for the direct object of "opposes any negotiations", "ruled out a prisoner exchange"),
    or is coordinated with such an object ("against sanctions and strikes").

    An object with a determiner in ``determiners`` ("the", "this", ...) or a possessor
    ("opposed the sanctions the EU imposed", "oppose the PRC's wielding of the law") names
    an act that did happen and is being judged, unless its stance is in ``definite``
    (needs, plans and what is ruled out lie ahead whatever their determiner: "no plans for
    the visit", "ruled out the release of the prisoners").

    Annotation guide section 1 (standing positions are no events) and section 4 (the act
    is only possible: hypothetical); the PLOVER manual, Auxiliary modes. The train split
    labels no act under such stances as done ("sees no need for a summit", "opposes all
    military escalation", "oppose the dialogue": no CONSULT or ASSAULT). r24c."""
    x = ctx.t.token
    for _ in range(3):  # "sanctions and new strikes": the first conjunct carries the stance
        if x.dep_ != "conj" or x.head.i == x.i:
            break
        x = x.head
    key = _stance_key(x)
    if key is None or key not in stances:
        return False
    if key in definite:
        return True
    t = ctx.t.token
    return not any((c.dep_ == "det" and c.lower_ in determiners) or c.dep_ == "poss"
                   for n in {x, t} for c in n.children)


@predicate("noun_object_of", _ALL_T, deps=("strings", True), words=("words", True))
def _noun_object_of(ctx: Ctx, deps: frozenset[str], words: frozenset[str]) -> bool:
    """An event noun stands by a dependency in ``deps`` under a frame verb whose lemma
    is in ``words`` ("considering sanctions", "a call to stop attacks")."""
    t = ctx.t
    return t.is_noun and t.token.dep_ in deps and t.frame.lemma_.lower() in words


@predicate("future_aux", _ALL_T, words=("words", True))
def _future_aux(ctx: Ctx, words: frozenset[str]) -> bool:
    """The frame verb (or the head of its infinitive) has an auxiliary in ``words``
    ("will meet", "will try to meet")."""
    fr = ctx.t.frame
    return any(c.lower_ in words for c in syntax.verb_children(fr)) or \
        (fr.dep_ == "xcomp" and any(c.lower_ in words for c in fr.head.children))


@predicate("would", _ALL_T, reported=("bool", True))
def _would(ctx: Ctx, reported: bool) -> bool:
    """The frame verb has "would", in reported speech (``reported``: "said it would
    attend" is future) or not ("would attend" is hypothetical)."""
    fr = ctx.t.frame
    return any(c.lower_ == "would" for c in syntax.verb_children(fr)) and \
        (syntax.reporting_head(fr) is not None) == reported


@predicate("conditional_clause", _ALL_T, marks=("words", True))
def _conditional_clause(ctx: Ctx, marks: frozenset[str]) -> bool:
    """The act has a condition of its own: an adverbial clause marked by ``marks``
    ("will boycott the vote unless ...")."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
               for c in ctx.t.frame.children)


@predicate("past_date_near", _ALL_T)
def _past_date_near(ctx: Ctx) -> bool:
    """A subordinate clause or event noun has a date phrase years back near it ("the
    war it fought in 1991"; :func:`syntax.is_historical`), or is placed years before the
    main clause ("thirty years after the two countries fought a war";
    :func:`syntax.years_after`). A date in a "since" phrase on another noun ("the first
    clashes since the 2022 accord": :func:`tidings.dates.compared_since`) dates the act
    compared with, not this one (r26u, a fresh user's trial)."""
    t, v = ctx.t, ctx.t.frame
    if not (v.dep_ in ("advcl", "relcl", "acl", "pcomp", "ccomp") or t.is_noun):
        return False
    if syntax.years_after(v if not t.is_noun else t.token):
        return True
    lo, hi = min(x.i for x in v.subtree), max(x.i for x in v.subtree)
    return any(e.label_ == "DATE" and lo - 6 <= e.start <= hi and syntax.is_historical(e.text, ctx.state.pub_year)
               and not _other_clause_date(e.root, v)
               and not _names_other_noun(e.root, t.token, QUAD_CLASS[_current(ctx, None)[0]].startswith("material"))
               and compared_since(e.root, t.token) is None   # "the first clashes since the 2022 accord" (r26u)
               for e in ctx.state.ents_of(ctx.sent))


def _names_other_noun(d: Token, trigger: Token, material: bool) -> bool:
    """True when the date word ``d`` premodifies a noun other than the event's word
    ``trigger``: "missing persons from the 1998-99 war", "under the 2023 accord". The
    date names that thing (its war, its accord), not when the act of the clause happened
    (annotation guide section 7: the event's date comes from its own clause; section 4:
    historical means the act itself is old). For a material event (``material``) a noun
    of ``words.yaml`` ``dated_act_nouns`` ("carried out the 1982 massacre") keeps the
    date: the act is that violent act or part of it, as in
    :func:`tidings.coding.events._event_date`. Nor a noun after a preposition of
    ``words.yaml`` ``time_span_preps`` ("fled after the 2018 political crisis", "broken
    during the 1982 war"): the phrase places the act itself in time.
    r25h, a fresh user's trial ("agreed on Friday to set up a commission on missing
    persons from the 1998-99 war, the EU said" was marked historical)."""
    h = d.head
    if d.dep_ not in ("nummod", "compound", "amod", "nmod") or h.i <= d.i or h.i == trigger.i \
            or h.pos_ not in ("NOUN", "PROPN") or h.ent_type_ in ("DATE", "TIME"):
        return False
    if h.dep_ == "pobj" and h.head.lower_ in words("time_span_preps"):
        return False                              # "fled after the 2018 crisis": the act's time
    acts = words("dated_act_nouns")
    return not (material and (h.lemma_.lower() in acts or h.lower_.rstrip("s") in acts))


def _other_clause_date(d: Token, v: Token) -> bool:
    """True when the date word ``d`` inside the clause of ``v`` belongs to a participle or
    relative clause of its own below ``v`` ("Two aid workers [kidnapped in Mali in 2023]
    have been freed": the year dates the kidnapping, not the release; annotation guide
    section 7, the date is the event's own): a verb other than ``v`` on the way up from
    ``d`` to ``v`` that heads an ``acl`` or ``relcl`` clause. Twentieth round, a fresh
    user's trial."""
    x, hops = d, 0
    while x.head != x and x != v and hops < 8:
        x, hops = x.head, hops + 1
        if x == v:
            return False
        if x.pos_ in ("VERB", "AUX") and x.dep_ in ("acl", "relcl"):
            return True
    return False


@predicate("modifier_of", _ALL_T, deps=("strings", True), words=("words", True))
def _modifier_of(ctx: Ctx, deps: frozenset[str], words: frozenset[str]) -> bool:
    """The trigger word hangs by a dependency in ``deps`` on a noun whose lemma is in
    ``words``: "riot" in "riot police", "protest" in "protest leaders" (the word names
    a kind of unit, equipment or people, not an act; annotation guide section 3,
    MOBILIZE: "Riot police were deployed" is the police's move)."""
    tok = ctx.t.token
    h = tok.head
    return tok.dep_ in deps and h is not tok and h.pos_ in ("NOUN", "PROPN") and h.lemma_.lower() in words


@predicate("noun_modifier", _ALL_T, words=("words", True))
def _noun_modifier(ctx: Ctx, words: frozenset[str]) -> bool:
    """An event noun has an adjective in ``words`` ("the former blockade")."""
    return ctx.t.is_noun and any(c.dep_ == "amod" and c.lower_ in words for c in ctx.t.token.children)


@predicate("noun_child", _ALL_T, deps=("strings", True), lower=("words", False), none=("words", False))
def _noun_child(ctx: Ctx, deps: frozenset[str], lower: frozenset[str] = None,
                none: frozenset[str] = frozenset()) -> bool:
    """An event-noun trigger has a child by a dependency in ``deps`` whose form is in
    ``lower`` (any form when it is not given) and not in ``none``: the possessor of "its
    attacks", "Israel's attacks" (deps ``poss``) names who does the act, so the noun tells
    a particular act of that party (annotation guide 1: "Specific, not generic"); the
    "with" of "held a call with the premier" (deps ``prep``) names who is talked to.
    False for a verb trigger."""
    return ctx.t.is_noun and any(c.dep_ in deps and (lower is None or c.lower_ in lower) and c.lower_ not in none
                                 for c in ctx.t.token.children)



@predicate("modifies_noun", _ALL_T, deps=("strings", True), words=("words", True))
def _modifies_noun(ctx: Ctx, deps: frozenset[str], words: frozenset[str]) -> bool:
    """An event-noun trigger modifies a noun whose lemma is in ``words``: its head by a
    dependency in ``deps`` (``compound``), or the word right after it in the same
    sentence, which the parse may misread as a present-tense verb ("Iran summons envoy over
    sanctions remarks": "remarks" as a verb, "sanctions" its misread object; not a past or
    participle form: "the deportations posted online"). The act noun then
    names what the remarks were about (rule filter:act-noun-naming-a-remark-is-no-event,
    r29k). False for a verb trigger."""
    tok = ctx.t.token
    if not ctx.t.is_noun:
        return False
    if tok.dep_ in deps and tok.head is not tok and tok.head.lemma_.lower() in words:
        return True
    nxt = tok.nbor(1) if tok.i + 1 < ctx.sent.end else None
    # not a verb of its own tense ("the deportations posted online": "posted" is no noun)
    return nxt is not None and nxt.is_alpha and nxt.tag_ not in ("VBD", "VBN", "VBG") \
        and nxt.lemma_.lower() in words

# ------------------------------------------------------------------ frames

@predicate("object_asks_party", frozenset({"frame"}))
def _object_asks_party(ctx: Ctx) -> bool:
    """The verb's object has a clause "for <party> to <act>" of its own ("stressed the need
    for the rebels to withdraw": spaCy parses "withdraw" as a clause of "need" with the
    mark "for" and the subject "the rebels"): the object names who is to act, and what.
    Without such a clause ("stressed the need for reform") the object names no one."""
    if ctx.child is None:
        return False
    for c in ctx.child.children:
        if c.dep_ in ("advcl", "relcl", "acl") and c.pos_ in ("VERB", "AUX"):
            kids = list(c.children)
            if any(k.dep_ == "mark" and k.lower_ == "for" for k in kids) \
                    and any(k.dep_ == "aux" and k.lower_ == "to" for k in kids) \
                    and any(k.dep_ in ("nsubj", "nsubjpass") for k in kids):
                return True
    return False


@predicate("verb_prefix", frozenset({"frame"}), prefix=("strings", True))
def _verb_prefix(ctx: Ctx, prefix: frozenset[str]) -> bool:
    """The verb's lemma or form starts with a ``prefix`` ("test-fired", "tested")."""
    return any(ctx.verb.lemma_.lower().startswith(p) or ctx.verb.lower_.startswith(p) for p in prefix)
