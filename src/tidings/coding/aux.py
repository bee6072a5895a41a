"""Pass 4, auxiliary modes: negation, future, hypothetical, historical (PLOVER manual,
Auxiliary modes), decided by the ``aux`` rules (``data/rules/aux.jsonl``): "not",
"failed to", "no country has" (negation); "will", "plans to" (future); "if", "could",
hopes and deliberation (hypothetical); a date phrase years back (historical). Every
matching rule adds its mode. The recodings these modes cause (a future meeting is AGREE)
are ``event`` rules, applied when the event is made (:mod:`tidings.coding.events`).
"""

from __future__ import annotations

from spacy.tokens import Span

from ..lexicon import Lexicon
from . import effects
from .rules import Ctx, RuleSet
from .state import StoryState
from .trigger import Trigger


def aux_modes(t: Trigger, sent: Span, state: StoryState, lex: Lexicon, rules: RuleSet) -> None:
    """Add to ``t.aux`` the auxiliary modes the ``aux`` rules find."""
    effects.run(rules, "aux", Ctx(sent=sent, lex=lex, t=t, state=state))
