"""What a matching rule does: :func:`run` applies the rules of one stage to a context.

Effect keys (which ones a stage allows is in :data:`tidings.coding.rules.STAGES`):

* ``type``, ``mode``: set the event type and mode (``mode: null`` clears it).
* ``cameo`` (+ ``contexts``): the trigger takes a new sense with this CAMEO code and
  these PLOVER contexts (they go to the event); without ``cameo`` the lexicon entry's
  stay.
* ``weight``: the lexical weight, a number or ``{"at_least": x}`` / ``{"at_most": x}``.
* ``drop``: no event from this trigger (weight 0). ``keep``: nothing changes, but as a
  final rule it stops lower-priority rules of its stage.
* ``word_only`` (filter, with ``drop``): the drop is about this word's phrase alone
  ("past attacks", "the threat of strikes"), so the learned pass may still find an act of
  the type on another word of the sentence ("the attack was carried out by guerrillas
  who killed citizens in previous attacks"); a plain drop turns the type down for the
  whole sentence (``Trigger.word_only``).
* ``lexeme_of_object``: take the lexicon sense of the first object word in the set.
* ``take_sub``: the governor takes the folded act's sense. ``mode_if_unset``: a mode
  only when none is set.
* ``threaten_mode``: ``{"of": "sub"|"self", "if_unset": bool}``: the THREATEN mode of
  the folded act's type (or the event's own) from ``data/tables.yaml``.
* ``prior`` (stages frame, sense, fold, event): the frame names its act plainly (the guide's own wording for it), and the
  corpus has too few examples of that wording for the learned gate to know it: the
  gate's belief in the act is at least this (``Trigger.prior``,
  :meth:`tidings.coding.learned.Learned._gated`). On an ``event`` rule that renames the
  act (a refusal or threat worded plainly: "would not allow observers into the
  country"), the renamed event's belief is at least this (``EventDraft.prior``,
  :meth:`tidings.coding.learned.Learned._act_p` and ``Learned.confidence``).
* ``aux``: add an auxiliary mode; ``conditional_on``: the act has its own condition;
  ``aux_remove``: drop auxiliary modes from the event.
"""

from __future__ import annotations

from collections.abc import Callable

from typing import Any

from .rules import STAGES, Ctx, Rule, RuleSet
from .trigger import Trigger
from .words import table


def _weight(current: float, spec: Any) -> float:
    if isinstance(spec, dict):
        (how, x), = spec.items()
        return max(current, x) if how == "at_least" else min(current, x)
    return float(spec)


def _threaten_mode(spec: dict[str, Any], of_type: str, current: str | None,
                   of_mode: str | None = None) -> str | None:
    """The THREATEN mode of a threat of an act of type ``of_type`` and mode ``of_mode``:
    ``current`` when ``if_unset`` and it is set; else table ``threaten_mode_of_act`` by
    "<type> <mode>" (a threatened arrest is arrest, an expulsion expel), else table
    ``threaten_mode`` by the type alone, else None (PLOVER manual, THREATEN modes)."""
    if spec.get("if_unset") and current:
        return current
    by_act = table("threaten_mode_of_act").get(f"{of_type} {of_mode}") if of_mode else None
    return by_act or table("threaten_mode").get(of_type)


def _type_and_mode(e: dict[str, Any], etype: str, mode: str | None) -> tuple[str, str | None]:
    """The type and mode after the keys ``type``, ``mode`` and ``mode_if_unset``."""
    if "type" in e:
        etype = e["type"]
    if "mode" in e:
        mode = e["mode"]
    if "mode_if_unset" in e:
        mode = mode or e["mode_if_unset"]
    return etype, mode


def _on_trigger(e: dict[str, Any], t: Trigger, ctx: Ctx) -> None:
    """Effects of the stages sense, filter and speech on the trigger ``t``.
    ``turn_down``: types the sentence does not report, whatever word the learned pass
    would put them on ("lifted its sanctions on Syria" is CONCEDE; "sanctions" is no
    SANCTION of its own)."""
    t.turned_down.update(e.get("turn_down", ()))
    if "prior" in e:
        t.prior = max(t.prior, float(e["prior"]))
    if e.get("drop"):
        plain_before = t.weight <= 0 and not t.word_only  # a drop (or weight 0) for the sentence
        t.weight = 0.0
        t.word_only = bool(e.get("word_only")) and not plain_before
        return
    if "lexeme_of_object" in e:
        from .predicates import view
        word = min(w for w in view(ctx, "objects") & e["lexeme_of_object"] if w in ctx.lex.nouns)
        t.take_lexeme(ctx.lex.nouns[word])
    weight = _weight(t.weight, e["weight"]) if "weight" in e else None
    if "cameo" in e:
        if e.get("same_act") and t.event_type and e["type"] != t.event_type:
            t.same_act_as = t.event_type  # as below: the gate's belief in the word's act
        t.recode(e["type"], e.get("mode"), e["cameo"], tuple(e.get("contexts", ())), weight=weight)
        return
    etype, t.mode = _type_and_mode(e, t.event_type, t.mode)
    if t.event_type and etype != t.event_type:
        t.turned_down.add(t.event_type)
        if e.get("same_act"):
            t.same_act_as = t.event_type
    t.event_type = etype
    if weight is not None:
        t.weight = weight


def _on_governor(e: dict[str, Any], gov: Trigger, sub: Trigger) -> None:
    """Effects of stage fold: ``gov`` governs the folded trigger ``sub``."""
    if e.get("take_sub"):
        gov.event_type, gov.mode, gov.lexeme = sub.event_type, sub.mode, sub.lexeme
        for name in sub.rules[:1]:
            gov.note(name)
    if "threaten_mode" in e:
        gov.mode = _threaten_mode(e["threaten_mode"], sub.event_type, gov.mode, sub.mode)
    gov.event_type, gov.mode = _type_and_mode(e, gov.event_type, gov.mode)
    if "prior" in e:
        gov.prior = max(gov.prior, float(e["prior"]))


def _on_event(e: dict[str, Any], ctx: Ctx) -> None:
    """Effects of the stages event, actor and mode on the event being made."""
    ev = ctx.event
    if "threaten_mode" in e:
        ev.mode = _threaten_mode(e["threaten_mode"], ev.etype, ev.mode, ev.mode)
    ev.etype, ev.mode = _type_and_mode(e, ev.etype, ev.mode)
    ev.aux -= set(e.get("aux_remove", ()))
    if "prior" in e:
        ev.prior = max(ev.prior, float(e["prior"]))


def apply(rule: Rule, ctx: Ctx) -> None:
    """Apply one rule's effect to ``ctx`` and note its name (on the trigger, or on the
    event being made)."""
    e = rule.effect
    if rule.stage in ("event", "actor", "mode"):
        _on_event(e, ctx)
        ctx.event.rules.append(rule.name)
        return
    if rule.stage == "fold":
        _on_governor(e, ctx.t, ctx.sub)
    elif rule.stage == "aux":
        if "aux" in e:
            ctx.t.aux.add(e["aux"])
        if e.get("conditional_on"):
            ctx.t.conditional_on = True
    else:
        _on_trigger(e, ctx.t, ctx)
    ctx.t.note(rule.name)


def run(rules: RuleSet, stage: str, ctx: Ctx, only: Callable[[Rule], bool] | None = None) -> list[Rule]:
    """Apply the rules of ``stage`` to ``ctx`` by priority, highest first: each rule is
    tested on the state the rules before it left; in an exclusive stage the first final
    rule that matches ends the stage. ``only``: apply just the rules it accepts (the
    filters marked ``proposals`` for the model's proposed words). Returns the rules applied."""
    applied: list[Rule] = []
    exclusive = STAGES[stage].exclusive
    for r in rules.candidates(stage, ctx):
        if (only is None or only(r)) and r.when(ctx):  # r.matches(ctx), one call fewer
            apply(r, ctx)
            applied.append(r)
            if exclusive and r.final:
                break
    return applied
