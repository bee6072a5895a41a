"""Pass 2, word senses: which event a trigger word means here, or none.

The ``sense`` rules (``data/rules/sense.jsonl``) read the trigger's objects and subject:
"attacked the budget" is ACCUSE, "lifted the blockade" RETREAT but "lifted the ban"
CONCEDE, "received an award" no visit. Then the ``filter`` rules
(``data/rules/filter.jsonl``) drop what is no political event whatever the sense: sport,
nature as actor, private persons, habits, statistics. Filters run after the senses and
every matching filter applies, so no sense rule can skip one.
"""

from __future__ import annotations

from spacy.tokens import Span

from ..lexicon import Lexicon
from . import effects
from .rules import Ctx, RuleSet
from .trigger import Trigger


def word_sense(t: Trigger, sent: Span, lex: Lexicon, rules: RuleSet) -> None:
    """Start ``t`` from its lexicon sense, then apply the sense rules and the filters."""
    t.start()
    ctx = Ctx(sent=sent, lex=lex, t=t)
    effects.run(rules, "sense", ctx)
    effects.run(rules, "filter", ctx)
