"""The event's mode: the ``mode`` rules (``data/rules/mode.jsonl``) and the manual's table.

ASSAULT modes come from the weapon the clause names (drone, aerial, heavy-weapons,
explosives, suicide-attack, firearms, crowd-control, unconventional, primitive), a mode
that names the act (abduct, torture, targeted ...) is kept; MOBILIZE is police, militia
or weapons by what moves; a REQUEST or REJECT without a mode takes one from what is asked
for (PLOVER manual, the modes tables of each type). Every mode an event carries is one of
the manual's (:data:`tidings.records.MODES`).
"""

from __future__ import annotations

from ..records import MODES
from . import effects
from .rules import Ctx, RuleSet
from .words import table


def output_modes() -> dict[tuple[str, str], str | None]:
    """Internal modes the manual does not list -> the mode an event says instead
    (``{("RETREAT", "return"): None}``; ``data/tables.yaml`` ``internal_modes``)."""
    return {(etype, m): out for etype, d in table("internal_modes").items() for m, out in d.items()}


def final_mode(rules: RuleSet, ctx: Ctx) -> str | None:
    """Run the ``mode`` rules on the event being made and return its mode: one of the
    manual's modes of its type, or None."""
    effects.run(rules, "mode", ctx)
    etype, mode = ctx.event.etype, ctx.event.mode
    mode = output_modes().get((etype, mode), mode)
    return mode if mode in MODES.get(etype, ()) else None
