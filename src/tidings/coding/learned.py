"""Pass 5b, learned decisions: the trigger classifier types, confirms, drops or adds events.

After the rule passes have chosen the sentence's events (:func:`choose_events`), the
trigger classifier (:class:`tidings.learn.model.TriggerModel`, trained on the corpus)
reads every candidate word of the sentence:

- a chosen trigger keeps the rules' type, or takes the model's when the model gives
  another type at least ``retype`` and more than the rules' type (rule
  ``model:retype``); its confidence becomes the model's calibrated probability of its
  type (``model:scored``); negated and hypothetical triggers keep the rules' decision;
- a word the rules did not choose becomes an event when the model's best type reaches
  ``propose`` (rule ``model:proposed``), unless it belongs to a trigger the rules turned
  down (weight 0: a sport, accident or other filter) or folded into another event: a live trigger the rules found but did not
  choose takes that type; any other word gets a trigger of its own, whose auxiliary
  modes and reporting speaker are found by the same passes as the rules' triggers.

The default output (:meth:`Learned.keep`) keeps the events whose confidence reaches the
model's ``threshold``, chosen on the corpus dev split (``docs/model.md``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from spacy.tokens import Span, Token

from ..lexicon import Lexeme, Lexicon
from ..learn.model import NOT_HAPPENED, TriggerModel, dense_features
from ..learn.tokens import is_candidate, is_question, token_features
from ..records import Event
from .aux import aux_modes
from .fold import claim_reported
from .rules import RuleSet
from .state import StoryState
from .trigger import Trigger
from .words import table


@dataclass
class TokenLog:
    """Features of every candidate word the coder saw (for training; see
    :func:`tidings.learn.train.token_rows`): parallel lists, one item per word."""

    doc_ids: list[str] = field(default_factory=list)
    token_index: list[int] = field(default_factory=list)
    sparse: list[list[str]] = field(default_factory=list)
    dense: list = field(default_factory=list)


def rule_types(chosen: list[Trigger]) -> dict[int, list[str]]:
    """Token index -> the types of the chosen triggers (that happened) it is part of."""
    out: dict[int, list[str]] = {}
    for t in chosen:
        if t.aux & NOT_HAPPENED:
            continue
        for w in t.words:
            out.setdefault(w.i, []).append(t.event_type)
    return out


def _frame(tok: Token) -> Token:
    """The verb whose arguments give a trigger's actor and recipient: the word itself for
    a verb; for a noun, the verb it is the object or subject of ("launched an attack"),
    else the noun itself."""
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head
    return tok


class Learned:
    """The learned pass of one coder.

    Args:
        model: the trigger classifier, or None (then only :attr:`log` is filled, if set).
        lex: the lexicon; rules: the rule set (for the auxiliary-mode rules).
    """

    def __init__(self, model: TriggerModel | None, lex: Lexicon, rules: RuleSet) -> None:
        self.model, self.lex, self.rules = model, lex, rules
        self.log: TokenLog | None = None

    def revise(self, sent: Span, state: StoryState, triggers: list[Trigger],
               chosen: list[Trigger]) -> list[Trigger]:
        """The triggers that become events, after the model's decisions (see the module
        doc); each gets ``model_p``, the model's probability of its type, when the model
        scored it."""
        cands = [tok for tok in sent if is_candidate(tok)]
        if not cands or (self.model is None and self.log is None):
            return chosen
        rtypes = rule_types(chosen)
        vectors = self.model.vectors if self.model is not None else _vectors()
        probs: dict[int, dict[str, float]] = {}
        # what every word of the sentence shares, worked out once (not per word)
        question = is_question(state.text_of(sent))
        bounds = (sent.start, sent.end)
        lowers = {t.i: t.lower_ for t in sent}
        sparse = [token_features(tok, self.lex, rtypes.get(tok.i, ()), question) for tok in cands]
        dense = [dense_features(tok, vectors, bounds, lowers) for tok in cands]
        if self.log is not None:
            self.log.doc_ids.extend(state.story.id for _ in cands)
            self.log.token_index.extend(tok.i for tok in cands)
            self.log.sparse.extend(sparse)
            self.log.dense.extend(dense)
        if self.model is None:
            return chosen
        classes = self.model.classes
        for tok, row in zip(cands, self.model.proba_many(sparse, np.stack(dense)).tolist()):
            probs[tok.i] = dict(zip(classes, row))
        return self._decide(sent, state, triggers, chosen, probs)

    def _decide(self, sent, state, triggers, chosen, probs) -> list[Trigger]:
        st = self.model.settings
        out: list[Trigger] = []
        taken: set[int] = set()
        for t in chosen:
            taken.update(w.i for w in t.words)
            p = probs.get(t.token.i)
            if p is None or t.aux & NOT_HAPPENED:
                out.append(t)
                continue
            best, pb = self.model.best(p)
            if best != t.event_type and pb >= st["retype"] and pb > p.get(t.event_type, 0.0):
                t.recode(best, None, table("default_cameo").get(best), weight=pb)
                t.note("model:retype")
            t.model_p = p.get(t.event_type, 0.0)
            t.note("model:scored")
            out.append(t)
        by_token = {t.token.i: t for t in triggers if not t.folded}
        # words of triggers the rules turned down (a filter or sense rule set their weight
        # to 0: sport, accidents, ...) or folded into another event are not proposed again
        vetoed = {w.i for t in triggers if t not in out and (t.folded or t.weight <= 0) for w in t.words}
        for i, p in probs.items():
            if i in taken or i in vetoed:
                continue
            best, pb = self.model.best(p)
            if pb < st["propose"]:
                continue
            tok = sent.doc[i]
            t = by_token.get(i)
            if t is None:
                lx = Lexeme("V" if tok.pos_ == "VERB" else "N", tok.lemma_.lower(), "", best, None, (),
                            table("default_cameo").get(best), pb)
                t = Trigger(tok, lx, _frame(tok), [tok], is_noun=tok.pos_ != "VERB")
                t.start()
                aux_modes(t, sent, state, self.lex, self.rules)
                claim_reported([t])
            elif t.event_type != best:
                t.recode(best, None, table("default_cameo").get(best), weight=pb)
            t.folded = False
            t.model_p = pb
            t.note("model:proposed")
            taken.update(w.i for w in t.words)
            out.append(t)
        return out

    def confidence(self, t: Trigger, ev: Event) -> float:
        """The event's confidence: the model's calibrated probability of its type when the
        model scored its trigger and the event keeps that type, blended for a rule
        event with the rules' own confidence by the model's ``blend`` weight (0..1);
        else the rules' confidence."""
        p = t.model_p
        if self.model is None or p is None or ev.event_type != t.event_type:
            return ev.confidence
        blend = self.model.settings.get("blend", 0.0)
        if blend and "model:proposed" not in t.rules and "model:retype" not in t.rules:
            p = (1 - blend) * p + blend * ev.confidence   # the rules' own calibrated confidence
        return round(self.model.calibrate(p), 4)

    def keep(self, ev: Event) -> bool:
        """True when the event belongs in the default output (confidence at least the
        model's threshold; every event when there is no model)."""
        return self.model is None or ev.confidence >= self.model.settings.get("threshold", 0.0)


def _vectors():
    from ..learn.vectors import load_vectors
    return load_vectors()
