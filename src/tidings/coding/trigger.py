"""The coder's working record of one candidate event: :class:`Trigger`."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..lexicon import Lexeme


@dataclass
class Trigger:
    """A candidate event trigger in one sentence (internal to the coder).

    Attributes:
        token: head word of the trigger ("attacked", "talks").
        lexeme: the sense it carries (lexicon entry, or one a rule made).
        frame: the verb whose arguments give actor and recipient (``token`` itself for a
            verb; the support or occurrence verb of a noun: "held" in "held talks").
        words: all words of the trigger (phrasal or support verb + noun).
        is_noun: the trigger is an event noun.
        aux: PLOVER auxiliary modes found so far (``"negation"``, ``"future"`` ...).
        event_type, mode, weight: the current sense; weight 0 means no event.
        folded: governed by another trigger ("refused to negotiate"): no event of its own.
        claimed_by: subject of the reporting verb over it ("said" in "X said Y attacked").
        conditional_on: the act has its own "if"/"unless" condition.
        obligation_of: for a REQUEST made from "must", the obliged clause's verb.
        subs: triggers folded into this one.
        n_live: triggers left in the sentence after folding (a confidence feature).
        rules: names of the lexicon entry and the rules that shaped it, in order
            (the event's ``rules`` field).
        model_p: the trigger classifier's probability of its type, when it scored it
            (:mod:`tidings.coding.learned`); None otherwise.
        same_act_as: the type a sense rule marked ``same_act`` moved the trigger from: the
            guide names the same act by the new type ("the ministry protested": PROTEST is
            ACCUSE), so the learned gate's reading of the old type speaks for the act.
        turned_down: types a rule moved the trigger away from ("attacked his record":
            ASSAULT, now ACCUSE); the learned pass does not put them on another word.
        final_type: the type the event rules will give the trigger's event when it
            differs from ``event_type`` ("will free the hostages": RETREAT, CONCEDE by the
            guide's RETREAT + future), as the learned pass found it; ``model_p`` is then
            the gate's belief in the act under either name (:mod:`tidings.coding.learned`).
        prior: the least belief the learned gate may have in the trigger's act, set by a
            ``frame`` or ``sense`` rule's ``prior`` (a plainly worded act of a kind the
            corpus rarely shows: "took the mayor into custody"); 0 when none.
        word_only: a filter marked ``word_only`` dropped the trigger: its phrase is no act,
            but the sentence may still report an act of its type on another word (the
            learned pass does not turn the type down, :mod:`tidings.coding.learned`).
        gate_p: the gate's probability of each type for the trigger's sentence, when the
            learned pass read it (an event of another type than the one judged on the
            trigger takes its confidence from it).
    """

    token: Token
    lexeme: Lexeme
    frame: Token
    words: list[Token]
    is_noun: bool = False
    aux: set[str] = field(default_factory=set)
    event_type: str = ""
    mode: str | None = None
    weight: float = 0.0
    folded: bool = False
    claimed_by: Token | None = None
    conditional_on: bool = False
    obligation_of: Token | None = None
    subs: list["Trigger"] = field(default_factory=list)
    n_live: int = 1
    rules: list[str] = field(default_factory=list)
    model_p: float | None = None
    turned_down: set[str] = field(default_factory=set)
    same_act_as: str | None = None
    final_type: str | None = None
    gate_p: dict | None = None
    prior: float = 0.0
    word_only: bool = False

    def __post_init__(self) -> None:
        if self.lexeme.key and not self.rules:
            self.rules.append(self.lexeme.key)

    def start(self) -> None:
        """Take type, mode and weight from the lexeme (before the sense rules run)."""
        self.event_type, self.mode, self.weight = self.lexeme.event_type, self.lexeme.mode, self.lexeme.weight

    def recode(self, event_type: str, mode: str | None, cameo: str, contexts: tuple[str, ...] = (),
               weight: float | None = None) -> None:
        """Give the trigger another type and mode (a rule decided them), with a lexeme
        that says so (its CAMEO code and contexts go to the event). ``weight`` replaces
        the lexical weight when given."""
        if weight is not None:
            self.weight = weight
        if self.event_type and event_type != self.event_type:
            self.turned_down.add(self.event_type)
        self.event_type, self.mode = event_type, mode
        self.lexeme = Lexeme("N" if self.is_noun else "V", self.token.lemma_.lower(), "", event_type, mode,
                             tuple(contexts), cameo, self.weight)

    def take_lexeme(self, lexeme: Lexeme) -> None:
        """Take another lexicon sense (its type and mode), naming its entry in ``rules``."""
        if self.event_type and lexeme.event_type != self.event_type:
            self.turned_down.add(self.event_type)
        self.lexeme, self.event_type, self.mode = lexeme, lexeme.event_type, lexeme.mode
        if lexeme.key:
            self.rules.append(lexeme.key)

    def note(self, name: str) -> None:
        """Record that the rule ``name`` shaped this trigger (once)."""
        if name not in self.rules:
            self.rules.append(name)
