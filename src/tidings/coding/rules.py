"""Rules as named data: load, validate, compile and apply ``data/rules/<stage>.jsonl``.

Every decision of the word-sense and context kind is a rule in a data file, one JSON
object per line::

    {"name": "sense:withdrawn-resources-are-sanction",     # "<stage>:<slug>", unique
     "priority": 840,                                       # higher runs first; unique in its stage
     "when": [{"pred": "verb"}, {"pred": "lemma", "in": ["withdraw"]}, {"pred": "type", "in": ["RETREAT"]},
              {"pred": "words", "of": "objects", "any": ["@sanctionable"], "none": ["@troop_nouns"]}],
     "effect": {"type": "SANCTION", "mode": "withdraw", "cameo": "160", "weight": {"at_least": 0.7}},
     "manual": "SANCTION: Supplementary fields: mode",      # the PLOVER manual section
     "note": "withdrawing non-military resources is SANCTION 'withdraw'",
     "examples": [{"text": "Sweden withdrew its development aid to Mali after the coup.",
                   "event": {"event_type": "SANCTION", "mode": "withdraw"}}]}

``when`` is a list of conditions that must all hold: ``{"pred": NAME, ...args}`` calls a
named predicate of :mod:`tidings.coding.predicates` (``matcher`` and ``dep_matcher`` take
a spaCy ``Matcher``/``DependencyMatcher`` pattern); ``{"not": c}``, ``{"any": [c, ...]}``
and ``{"all": [c, ...]}`` combine them. A word set is a list of words, ``"@list"`` for a
named list of ``data/words.yaml``, ``"-word"``/``"-@list"`` to take words out.

Precedence is the priority, never the order of lines in a file. The stages run in a fixed
order (:data:`STAGES`); within an *exclusive* stage the matching rule with the highest
priority decides and lower ones are skipped, unless it says ``"final": false`` (then the
next matching rules apply too, still by priority); in a *cumulative* stage every
matching rule applies, by priority. Two rules of one stage never share a priority (the
validator refuses it), so no tie exists. Filters are a stage of their own that runs
after the senses, so no sense rule can skip a filter. A filter with ``"proposals": true``
also applies to the words the learned model proposes where no rule found an event
(:meth:`tidings.coding.learned.Learned._propose`); the others were written for the
lexicon's triggers and stay with them (applied to every proposal, the sport and
private-violence filters dropped 15 true events of the train split and gained none).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Span, Token

from ..errors import TidingsError
from ..lexicon import Lexicon
from ..records import AUX_MODES, CONTEXTS, EVENT_TYPES, MODES
from .trigger import Trigger
from .words import table, word_lists


@dataclass(frozen=True)
class Stage:
    """One stage of rules: where in the coder it runs, and how its rules combine."""

    name: str
    exclusive: bool
    effects: frozenset[str]
    doc: str


#: The stages in the order the coder runs them (PLOVER manual passes: triggers, senses,
#: structure, auxiliary modes, recodings, modes).
STAGES: dict[str, Stage] = {s.name: s for s in (
    Stage("frame", True, frozenset({"type", "mode", "cameo", "contexts", "weight", "words", "uses_object",
                                    "prior"}),
          "a verb with this object is a trigger of the given sense (\"sent troops\" is MOBILIZE)"),
    Stage("sense", True, frozenset({"type", "mode", "cameo", "contexts", "weight", "drop", "keep",
                                    "lexeme_of_object", "turn_down", "same_act", "prior"}),
          "which event the trigger word means here, or none (\"attacked the budget\" is ACCUSE)"),
    Stage("filter", False, frozenset({"drop", "word_only"}),
          "no political event whatever the sense (sport, nature, private persons, habits)"),
    Stage("aux", False, frozenset({"aux", "conditional_on"}),
          "auxiliary modes: negation, future, hypothetical, historical"),
    Stage("fold", True, frozenset({"type", "mode", "mode_if_unset", "threaten_mode", "take_sub", "keep", "prior"}),
          "a trigger governed by another adjusts the governor (\"threatened to impose sanctions\")"),
    Stage("speech", True, frozenset({"drop", "mode_if_unset", "keep"}),
          "speech acts after folding (\"warned of concern\" is no threat)"),
    Stage("event", False, frozenset({"type", "mode", "threaten_mode", "aux_remove", "prior"}),
          "recodings by the auxiliary modes (a future meeting is AGREE, an announced attack THREATEN)"),
    Stage("actor", True, frozenset({"type", "mode"}),
          "recodings by the actor found (material acts of protesters are PROTEST)"),
    Stage("mode", True, frozenset({"mode", "keep"}),
          "the event's mode from the words of its clause (the weapon of an ASSAULT)"),
)}

_NAME = re.compile(r"^([a-z]+):[a-z0-9]+(?:-[a-z0-9]+)*$")
_RULE_KEYS = {"name", "priority", "when", "effect", "manual", "note", "examples", "final", "proposals"}
_EXAMPLE_KEYS = {"text", "event", "trigger", "pub_date", "learned"}


@dataclass
class EventDraft:
    """The event being made from a trigger (stages ``event``, ``actor``, ``mode``)."""

    etype: str
    mode: str | None
    aux: set[str]
    actor_tok: Token | None = None
    rules: list[str] = field(default_factory=list)
    #: the highest ``prior`` of the event rules that renamed the act (0: none)
    prior: float = 0.0


@dataclass
class Ctx:
    """What a rule's conditions look at.

    Attributes:
        sent: the sentence; lex: the trigger lexicon.
        t: the trigger the rule is about (the governor in stage ``fold``).
        sub: stage ``fold``: the governed trigger.
        verb, child, obj: stage ``frame``: the verb, its object, the object behind an
            amount ("a barrage of missiles" -> missiles).
        state: the story's state (publication year, entities), for stage ``aux``.
        event: the event being made, for stages ``event``, ``actor``, ``mode``.
        cache: views computed once per context.
    """

    sent: Span
    lex: Lexicon
    t: Trigger | None = None
    sub: Trigger | None = None
    verb: Token | None = None
    child: Token | None = None
    obj: Token | None = None
    state: Any = None
    event: EventDraft | None = None
    cache: dict[str, Any] = field(default_factory=dict)


Cond = Callable[[Ctx], bool]


@dataclass(frozen=True)
class Rule:
    """One named rule (a line of ``data/rules/<stage>.jsonl``; see the module doc)."""

    name: str
    stage: str
    priority: int
    when: Cond
    effect: dict[str, Any]
    manual: str
    note: str
    examples: tuple[dict[str, Any], ...]
    final: bool
    source: str
    #: the lemmas the rule requires of the trigger word (of the verb in stage ``frame``)
    #: by a ``lemma`` condition of its ``when``, or None; :meth:`RuleSet.candidates`
    #: skips the rule for any other word without testing its conditions
    lemmas: frozenset[str] | None = None
    #: the event types the rule requires by a ``type`` condition of its ``when``, or
    #: None; used like :attr:`lemmas` in the stages whose effects never change the type
    types: frozenset[str] | None = None
    #: a filter that also applies to the learned model's proposed words (``"proposals"``)
    proposals: bool = False

    def matches(self, ctx: Ctx) -> bool:
        """True when every condition of ``when`` holds in ``ctx``."""
        return self.when(ctx)


def parse_words(spec: Any, where: str) -> frozenset[str]:
    """A word set from its data form: ``["war", "@violent_acts", "-action", "-@talks_words"]``.

    Returns the words added (literal words and named lists) less the words taken out.
    Raises TidingsError(T301) for a list name ``data/words.yaml`` lacks.
    """
    if isinstance(spec, str):
        spec = [spec]
    if not isinstance(spec, list) or not all(isinstance(w, str) and w for w in spec):
        raise TidingsError("T301", f"{where}: a word set is a list of words and @lists, got {spec!r}")
    lists = word_lists()
    add: set[str] = set()
    sub: set[str] = set()
    for w in spec:
        target, w = (sub, w[1:]) if w.startswith("-") and len(w) > 1 else (add, w)
        if w.startswith("@"):
            if w[1:] not in lists:
                raise TidingsError("T301", f"{where}: no word list {w[1:]!r} in data/words.yaml")
            target |= lists[w[1:]]
        else:
            target.add(w)
    return frozenset(add - sub)


def _conjunction(conds: list[Cond]) -> Cond:
    """``ctx -> all(c(ctx) for c in conds)``, testing in order and stopping at the first
    false one (a plain loop: the rules are tested a quarter of a million times per 100
    stories)."""
    if len(conds) == 1:
        return conds[0]
    cs = tuple(conds)

    def when(ctx: Ctx) -> bool:
        for c in cs:
            if not c(ctx):
                return False
        return True
    return when


def _disjunction(conds: list[Cond]) -> Cond:
    """``ctx -> any(c(ctx) for c in conds)``, stopping at the first true one."""
    cs = tuple(conds)

    def when(ctx: Ctx) -> bool:
        for c in cs:
            if c(ctx):
                return True
        return False
    return when


def _guard(when: list, pred: str, where: str) -> frozenset[str] | None:
    """What a rule's ``when`` requires of the trigger word's lemma (``pred`` "lemma") or
    of the event type (``pred`` "type"): the words or types its conditions of that
    predicate about the trigger itself (no ``trigger`` argument) allow, intersected over
    the conditions of the list (:func:`_required`); None when it has none. A rule whose
    guard lacks the trigger's lemma (or type) cannot match, since all its conditions
    must hold."""
    out: frozenset[str] | None = None
    for c in when:
        got = _required(c, pred, where)
        if got is not None:
            out = got if out is None else out & got
    return out


def _required(cond: Any, pred: str, where: str) -> frozenset[str] | None:
    """What one condition requires of the lemma or type (see :func:`_guard`): a ``pred``
    condition its words or types; ``{"all": [...]}`` what its list requires
    (:func:`_guard`); ``{"any": [...]}`` the union of what its branches require, when
    every branch requires something (a rule of two readings, each with its own verbs:
    "sold arms" or "approved an arms sale"; issue 16, round 21a: such rules were
    tested on every verb); None otherwise (``not``, other predicates, a branch that
    requires nothing)."""
    if not isinstance(cond, dict):
        return None
    if cond.get("pred") == pred and "trigger" not in cond and "in" in cond:
        return parse_words(cond["in"], where) if pred == "lemma" else frozenset(cond["in"])
    if set(cond) == {"all"} and isinstance(cond["all"], list):
        return _guard(cond["all"], pred, where)
    if set(cond) == {"any"} and isinstance(cond["any"], list) and cond["any"]:
        branches = [_required(c, pred, where) for c in cond["any"]]
        if any(b is None for b in branches):
            return None
        return frozenset().union(*branches)
    return None


def compile_condition(spec: Any, stage: str, where: str) -> Cond:
    """Compile one condition of a rule's ``when`` (see the module doc) into a function
    of a :class:`Ctx`.

    Raises TidingsError(T301): an unknown predicate, a predicate that does not apply in
    ``stage``, a missing or unknown argument, or a pattern spaCy refuses.
    """
    from .predicates import PREDICATES

    if not isinstance(spec, dict) or len(spec) < 1:
        raise TidingsError("T301", f"{where}: a condition is an object, got {spec!r}")
    if set(spec) == {"not"}:
        inner = compile_condition(spec["not"], stage, where)
        return lambda ctx: not inner(ctx)
    if set(spec) in ({"any"}, {"all"}):
        key = next(iter(spec))
        if not isinstance(spec[key], list) or not spec[key]:
            raise TidingsError("T301", f"{where}: {key!r} takes a non-empty list of conditions")
        parts = [compile_condition(c, stage, where) for c in spec[key]]
        if key == "any":
            return _disjunction(parts)
        return _conjunction(parts)
    name = spec.get("pred")
    pred = PREDICATES.get(name)
    if pred is None:
        raise TidingsError("T301", f"{where}: unknown predicate {name!r}")
    return pred.bind({k: v for k, v in spec.items() if k != "pred"}, stage, f"{where}: {name}")


def _check_mode(etype: str | None, mode: Any, where: str) -> None:
    if mode is None:
        return
    internal = table("internal_modes")
    if etype is not None:
        if mode not in MODES.get(etype, ()) and mode not in internal.get(etype, {}):
            raise TidingsError("T301", f"{where}: mode {mode!r} is no mode of {etype} (tidings.records.MODES)")
    elif not any(mode in m for m in MODES.values()):
        raise TidingsError("T301", f"{where}: mode {mode!r} is no PLOVER mode")


def _check_effect(effect: Any, stage: Stage, where: str) -> dict[str, Any]:
    if not isinstance(effect, dict) or not effect:
        raise TidingsError("T301", f"{where}: effect must be a non-empty object")
    unknown = set(effect) - stage.effects
    if unknown:
        raise TidingsError("T301", f"{where}: effect keys {sorted(unknown)} are not allowed in stage "
                                   f"{stage.name!r} (allowed: {sorted(stage.effects)})")
    etype = effect.get("type")
    if etype is not None and etype not in EVENT_TYPES:
        raise TidingsError("T301", f"{where}: unknown event type {etype!r}")
    for key in ("mode", "mode_if_unset"):
        if key in effect:
            _check_mode(etype, effect[key], f"{where}: {key}")
    bad = [c for c in effect.get("contexts", ()) if c not in CONTEXTS]
    if bad:
        raise TidingsError("T301", f"{where}: {bad[0]!r} is no PLOVER context (tidings.records.CONTEXTS)")
    if "aux" in effect and effect["aux"] not in AUX_MODES:
        raise TidingsError("T301", f"{where}: {effect['aux']!r} is no auxiliary mode {AUX_MODES}")
    if "aux_remove" in effect and not set(effect["aux_remove"]) <= set(AUX_MODES):
        raise TidingsError("T301", f"{where}: aux_remove names no auxiliary mode")
    w = effect.get("weight")
    if w is not None and not (isinstance(w, (int, float)) and 0 <= w <= 1 or isinstance(w, dict) and len(w) == 1
                              and next(iter(w)) in ("at_least", "at_most") and 0 <= next(iter(w.values())) <= 1):
        raise TidingsError("T301", f"{where}: weight is a number in 0..1 or {{\"at_least\"|\"at_most\": x}}")
    if effect.get("words", "verb") not in ("verb", "verb+object", "verb+child+object"):
        raise TidingsError("T301", f"{where}: words is 'verb', 'verb+object' or 'verb+child+object'")
    if "turn_down" in effect and not (isinstance(effect["turn_down"], list)
                                      and set(effect["turn_down"]) <= set(EVENT_TYPES)):
        raise TidingsError("T301", f"{where}: turn_down is a list of PLOVER event types")
    if "word_only" in effect and (effect["word_only"] is not True or effect.get("drop") is not True):
        raise TidingsError("T301", f"{where}: word_only is true, with drop")
    if "same_act" in effect and (effect["same_act"] is not True or "type" not in effect):
        raise TidingsError("T301", f"{where}: same_act is true, with a type")
    if "prior" in effect and not (isinstance(effect["prior"], (int, float)) and 0 < effect["prior"] <= 1
                                  and "type" in effect):
        raise TidingsError("T301", f"{where}: prior is a number in 0..1, with a type")
    out = dict(effect)
    if "lexeme_of_object" in out:
        out["lexeme_of_object"] = parse_words(out["lexeme_of_object"], where)
    if "cameo" in out and not isinstance(out["cameo"], str):
        raise TidingsError("T301", f"{where}: cameo is a string such as \"190\"")
    return out


def _check_examples(examples: Any, where: str) -> tuple[dict[str, Any], ...]:
    if not isinstance(examples, list) or not examples:
        raise TidingsError("T301", f"{where}: at least one example sentence is needed")
    for ex in examples:
        if not isinstance(ex, dict) or not isinstance(ex.get("text"), str) or not ex["text"].strip() \
                or "event" not in ex or set(ex) - _EXAMPLE_KEYS or not isinstance(ex.get("learned", False), bool):
            raise TidingsError("T301", f"{where}: an example is {{\"text\", \"event\", \"trigger\"?, "
                                       f"\"pub_date\"?, \"learned\"?: bool}}, got {ex!r}")
        ev = ex["event"]
        if ev is None:
            if not isinstance(ex.get("trigger"), str):
                raise TidingsError("T301", f"{where}: an example without event names the trigger word")
            continue
        if not isinstance(ev, dict) or ev.get("event_type") not in EVENT_TYPES:
            raise TidingsError("T301", f"{where}: an example's event needs a PLOVER event_type")
        _check_mode(ev["event_type"], ev.get("mode"), f"{where}: example")
    return tuple(examples)


def parse_rules(text: str, stage_name: str, source: str) -> list[Rule]:
    """Parse and validate one rule file.

    Args:
        text: the JSON Lines text; blank lines and lines starting with ``//`` are skipped.
        stage_name: the stage the file holds (its name without ``.jsonl``).
        source: file name for messages.
    Returns:
        the rules, highest priority first.
    Raises:
        TidingsError(T301): naming the file and line, for a line that is no JSON object,
        an unknown or missing key, a name without the ``<stage>:`` prefix, a priority
        another rule of the stage has, an invalid effect (keys not allowed in the stage,
        unknown type, a mode of another type), a condition that does not compile, or a
        rule without a manual section or an example.
    """
    if stage_name not in STAGES:
        raise TidingsError("T301", f"{source}: no such stage {stage_name!r} ({', '.join(STAGES)})")
    stage = STAGES[stage_name]
    rules: list[Rule] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        where = f"{source}:{n}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TidingsError("T301", f"{where}: not JSON ({exc})") from None
        if not isinstance(raw, dict):
            raise TidingsError("T301", f"{where}: a rule is a JSON object")
        missing = {"name", "priority", "when", "effect", "manual", "examples"} - set(raw)
        unknown = set(raw) - _RULE_KEYS
        if missing or unknown:
            raise TidingsError("T301", f"{where}: missing keys {sorted(missing)}, unknown keys {sorted(unknown)}")
        name = raw["name"]
        m = _NAME.match(name) if isinstance(name, str) else None
        if m is None or m.group(1) != stage_name:
            raise TidingsError("T301", f"{where}: name {name!r} must read '{stage_name}:lower-case-words'")
        where = f"{where} ({name})"
        if not isinstance(raw["priority"], int) or isinstance(raw["priority"], bool):
            raise TidingsError("T301", f"{where}: priority is an integer")
        if not isinstance(raw["manual"], str) or not raw["manual"].strip():
            raise TidingsError("T301", f"{where}: manual names the PLOVER manual section the rule implements")
        if not isinstance(raw["when"], list) or not raw["when"]:
            raise TidingsError("T301", f"{where}: when is a non-empty list of conditions")
        conds = [compile_condition(c, stage_name, where) for c in raw["when"]]
        proposals = raw.get("proposals", False)
        if not isinstance(proposals, bool) or (proposals and stage_name != "filter"):
            raise TidingsError("T301", f"{where}: proposals is true or false, and only in the filter stage")
        final = raw.get("final", True)
        if not isinstance(final, bool) or (not final and not stage.exclusive):
            raise TidingsError("T301", f"{where}: final is true or false, and only in an exclusive stage")
        rules.append(Rule(name=name, stage=stage_name, priority=raw["priority"],
                          when=_conjunction(conds),
                          effect=_check_effect(raw["effect"], stage, where), manual=raw["manual"],
                          note=str(raw.get("note", "")), examples=_check_examples(raw["examples"], where),
                          final=final, source=where, lemmas=_guard(raw["when"], "lemma", where),
                          types=_guard(raw["when"], "type", where), proposals=proposals))
    seen: dict[int, str] = {}
    for r in rules:
        if r.priority in seen:
            raise TidingsError("T301", f"{r.source}: priority {r.priority} is also {seen[r.priority]}'s: "
                                       "priorities decide precedence and must differ within a stage")
        seen[r.priority] = r.name
    return sorted(rules, key=lambda r: -r.priority)


#: Effect keys that change the event type (see :mod:`tidings.coding.effects`).
_RETYPING = frozenset({"type", "cameo", "lexeme_of_object", "take_sub"})


#: Most (stage, lemma, type) answers :meth:`RuleSet.candidates` keeps (issue 20: the
#: filter was 1.6% of the coder's time, asked again for every trigger of a common word).
_MEMO_SIZE = 50_000


class RuleSet:
    """All rules of the shipped rule files, by stage (see :func:`load_rules`)."""

    def __init__(self, by_stage: dict[str, list[Rule]]) -> None:
        self.by_stage = {s: list(by_stage.get(s, [])) for s in STAGES}
        names = [r.name for rs in self.by_stage.values() for r in rs]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            raise TidingsError("T301", f"rule names must be unique: {dup}")
        self.by_name = {r.name: r for rs in self.by_stage.values() for r in rs}
        #: stages none of whose rules changes the event type (their type guards hold for
        #: the whole stage)
        self.type_stable = frozenset(s for s, rs in self.by_stage.items()
                                     if not any(set(r.effect) & _RETYPING for r in rs))
        #: (stage, lemma, type or None) -> the rules :meth:`candidates` gives; the rules
        #: never change, so the filter's answer for a key never does either
        self._memo: dict[tuple[str, str, str | None], list[Rule]] = {}

    def candidates(self, stage: str, ctx: Ctx) -> list[Rule]:
        """The rules of ``stage`` that may match ``ctx``, in priority order: all but those
        whose :attr:`Rule.lemmas` lack the lemma of the trigger word (of the verb in
        stage ``frame``) and, in a stage of :attr:`type_stable`, those whose
        :attr:`Rule.types` lack the current event type. Testing only these gives the
        same result as testing all (issue 20: half the rule tests of a story were
        rules about other words)."""
        rules = self.by_stage[stage]
        tok = ctx.verb if ctx.t is None else ctx.t.token
        if tok is None:
            return rules
        lem = tok.lemma_.lower()
        etype = None
        if stage in self.type_stable and ctx.t is not None:
            etype = ctx.event.etype if ctx.event is not None else ctx.t.event_type
        key = (stage, lem, etype)
        got = self._memo.get(key)
        if got is None:
            if len(self._memo) >= _MEMO_SIZE:  # a bound on a long run's distinct words
                self._memo.clear()
            got = self._memo[key] = [r for r in rules if (r.lemmas is None or lem in r.lemmas)
                                     and (etype is None or r.types is None or etype in r.types)]
        return got

    def __iter__(self):
        return (r for rs in self.by_stage.values() for r in rs)

    def __len__(self) -> int:
        return len(self.by_name)


@lru_cache(maxsize=1)
def load_rules() -> RuleSet:
    """The shipped rules of ``data/rules/<stage>.jsonl`` (cached), validated."""
    folder = resources.files("tidings").joinpath("data/rules")
    by_stage: dict[str, list[Rule]] = {}
    for stage in STAGES:
        f = folder.joinpath(f"{stage}.jsonl")
        if f.is_file():
            by_stage[stage] = parse_rules(f.read_text(encoding="utf-8"), stage, f"rules/{stage}.jsonl")
    return RuleSet(by_stage)
