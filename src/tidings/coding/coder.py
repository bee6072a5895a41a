"""The coder: runs the passes over each sentence of a parsed story.

find triggers -> word senses (and filters) -> auxiliary modes -> fold governed triggers ->
claim reported ones -> speech acts -> main event and others -> events (recodings,
arguments, actors, modes). Each pass is a module of :mod:`tidings.coding`; the decisions
of the word-sense and context kind are rules in ``data/rules/*.jsonl``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from ..analyse import dateline_spans
from ..learn.tokens import is_question
from ..lexicon import Lexicon, load_lexicon
from ..lines import leading_title_end, repeated_title_end
from ..records import Event, Story
from ..spelling import american_lemmas
from . import syntax
from .aux import aux_modes
from .confidence import load_calibration
from .events import ULTIMATUM_ALTERNATIVE, EventMaker, one_party_per_mention, tried_where_the_court_is
from .fold import claim_reported, fold_governed, meeting_purpose, obligation_request, speech_acts, state_made_to_act
from .learned import Learned
from .mentions import Mentions
from .rules import RuleSet, load_rules
from .senses import word_sense
from .state import StoryState
from .trigger import Trigger
from .triggers import find_triggers
from .words import table, words


class Coder:
    """Code the events of parsed stories.

    Args:
        resolver: an :class:`tidings.actors.ActorResolver` (or anything with its
            ``resolve(text, context, date, memory)`` method); the default one when None.
        lexicon: a :class:`~tidings.lexicon.Lexicon`; the shipped one when None.
        calibrated: use the fitted confidence model (``data/calibration.json``).
        rules: a :class:`~tidings.coding.rules.RuleSet`; the shipped rules when None.
        model: the trigger classifier (:class:`tidings.learn.model.TriggerModel`);
            ``"shipped"`` loads the one in the package (none with ``TIDINGS_MODEL=off``);
            None codes with the rules alone.
        all_candidates: keep every event, whatever its confidence; by default only events
            whose confidence reaches the model's threshold are returned.
        argmodel: the argument model (:class:`tidings.coding.argmodel.ArgumentModel`)
            that fills an actor or recipient the parse rules leave empty; ``"same"``
            (default): the shipped one when ``model`` is ``"shipped"``, else none.
        locmodel: the place filter (:class:`tidings.coding.locmodel.LocationModel`)
            that drops a rule-chosen place that is not where the event happened;
            ``"same"`` (default) as for ``argmodel``.

    Call :meth:`code_doc` once per story. Not thread-safe (keeps per-story memory).
    With ``record_trace`` set, :attr:`trace` lists every trigger of the stories coded
    since (``{"story_id", "sentence_index", "trigger", "event_type", "weight",
    "folded", "rules"}``): which rules shaped a trigger that gave no event.
    """

    def __init__(self, resolver: Any = None, lexicon: Lexicon | None = None,
                 calibrated: bool = True, rules: RuleSet | None = None, model: Any = "shipped",
                 all_candidates: bool = False, argmodel: Any = "same", locmodel: Any = "same") -> None:
        if resolver is None:
            from ..actors import ActorResolver
            resolver = ActorResolver()
        self.resolver = resolver
        self.lex = lexicon or load_lexicon()
        self.rules = rules or load_rules()
        self.mentions = Mentions(resolver)
        self.calibration = load_calibration() if calibrated else None
        if argmodel == "same":
            argmodel = "shipped" if model == "shipped" else None
        if argmodel == "shipped":
            from .argmodel import load_argument_model
            argmodel = load_argument_model()
        if locmodel == "same":
            locmodel = "shipped" if model == "shipped" else None
        if locmodel == "shipped":
            from .locmodel import load_location_model
            locmodel = load_location_model()
        self.events = EventMaker(self.mentions, self.lex, self.rules, self.calibration, argmodel, locmodel)
        self.record_trace = False
        self.trace: list[dict[str, Any]] = []
        if model == "shipped":
            from ..learn.model import load_model
            model = load_model()
        self.learned = Learned(model, self.lex, self.rules)
        self.all_candidates = all_candidates

    @property
    def model(self):
        """The trigger classifier in use, or None (rules alone)."""
        return self.learned.model

    @model.setter
    def model(self, value) -> None:
        """Use another trigger classifier (None: the rules alone)."""
        self.learned.model = value

    @property
    def record_features(self) -> bool:
        """When True, :attr:`features` maps each event id to its confidence features
        (used by ``scripts/calibrate.py`` to fit the calibration)."""
        return self.events.record_features

    @record_features.setter
    def record_features(self, value: bool) -> None:
        """Start (True) or stop recording the confidence features of events."""
        self.events.record_features = value

    @property
    def features(self) -> dict[str, list[float]]:
        """Event id -> confidence features (see :attr:`record_features`)."""
        return self.events.features

    def _repair_headline_verbs(self, doc: Doc, state: StoryState) -> None:
        """Re-parse each headline line of ``doc`` whose verb the parser misread
        (:func:`tidings.coding.headverbs.repair_line`), then rebuild each one whose
        comma-joined second verb it took for the root
        (:func:`tidings.coding.headverbs.repair_comma_verbs`) or read as a noun
        (:func:`tidings.coding.headverbs.repair_comma_noun_verb`); prose is never touched."""
        from ..analyse import load_nlp
        from .headverbs import (comma_noun_verb, comma_verb, misread_verb, repair_comma_noun_verb,
                                repair_comma_verbs, repair_line)
        from .mentions import _headline_line

        for sent in list(doc.sents):
            if misread_verb(sent, self.lex) is not None and _headline_line(sent, state):
                repair_line(doc, doc[sent.start:sent.end], self.lex, load_nlp())
        for sent in list(doc.sents):
            # "India suspends treaty, expels diplomats": the second verb read as the root
            if comma_verb(sent, self.lex) is not None and _headline_line(sent, state):
                repair_comma_verbs(doc, doc[sent.start:sent.end], self.lex)
            # "Egypt closes crossing, summons envoy": the second verb read as a noun
            elif comma_noun_verb(sent, self.lex) is not None and _headline_line(sent, state):
                repair_comma_noun_verb(doc, doc[sent.start:sent.end], self.lex, load_nlp())

    def code_doc(self, doc: Doc, story: Story, *, text: str | None = None) -> list[Event]:
        """Return the events of one story, in sentence order.

        Args:
            doc: the story parsed by :func:`tidings.analyse.load_nlp` (``doc.text`` must be
                ``story.text``, or the same with its case restored).
            story: the story (for id, publication date and text hash).
            text: ``doc.text`` when the caller has it (the text it parsed); None: built
                from the tokens when first needed.
        Returns:
            A list of :class:`Event`; empty when the story reports no codable event.

        While the story is coded its tokens' lemmas are American (British forms folded by
        :func:`tidings.spelling.american_lemmas`); ``doc`` has spaCy's lemmas again after.
        """
        from ..actors import StoryMemory  # loaded with the resolver; imported here to keep this module light

        state = StoryState(story=story, memory=StoryMemory(), text_hash=story.text_hash(), _doc_text=text)
        events: list[Event] = []
        # every pass reads American lemmas: British forms ("criticised", "defence") are
        # folded here, once, for the whole story (data/spelling.tsv), and given back after
        # a news digest's later items (a paragraph with a dateline of its own) are coded
        # with their own antecedents and country (StoryState.new_item)
        items = self.mentions.story_items(state)
        if items:
            state.item_end = items[0][0]
        # the story's title repeated as its first line is meta-text: no event of its own
        # (tidings.lines.repeated_title_end)
        title_end = repeated_title_end(story.text, story.title)
        if not title_end:
            # a title line over the body that the record's title does not repeat
            # (tidings.lines.leading_title_end): meta-text as well
            title_end = leading_title_end(story.text)
        # the story's wire datelines, read in the story's own case: never a party
        state.datelines = dateline_spans(story.text, [start for start, _ in items])
        # a headline line whose present-tense verb the parser read as a noun or an
        # adjective ("Armenia rejects Baku demand ...") is parsed again (r26ae)
        self._repair_headline_verbs(doc, state)
        with american_lemmas(doc):
            self.mentions.learn_people(doc, state)
            position = 0  # the sentence's place in the story, datelines not counted
            for si, sent in enumerate(doc.sents):
                while items and sent.start_char >= items[0][0]:
                    start, country = items.pop(0)
                    state.new_item(start, items[0][0] if items else None, country)
                state.position = position
                if not state.in_datelines(sent.start_char, sent.start_char + len(sent.text.rstrip())):
                    position += 1
                found = self._code_sentence(sent, si, state)
                if not (sent.start_char < title_end and
                        sent.start_char + len(state.text_of(sent).rstrip()) <= title_end):
                    events.extend(found)
                # (a title line is still coded: what its events teach the story's memory,
                # the parties of "Call with President-Elect X of Guatemala", the lead's
                # pronouns and roles go on using; only its records are left out)
                if not found:
                    self.mentions.remember_sentence(sent, state)
                state.end_sentence()
                self.mentions.remember_person(sent, state)
        return events

    def _code_sentence(self, sent: Span, si: int, state: StoryState) -> list[Event]:
        if is_question(state.text_of(sent)):
            return []  # a question reports no event
        tokens = state.tokens_of(sent)
        triggers = find_triggers(sent, self.lex, self.rules, tokens)
        learning = self.learned.model is not None or self.learned.log is not None
        if not triggers and not learning and not any(t.lower_ in words("obligation_modals") for t in sent):
            return []
        for t in triggers:
            word_sense(t, sent, self.lex, self.rules)
            aux_modes(t, sent, state, self.lex, self.rules)
        fold_governed(triggers, sent, self.lex, self.rules)
        claim_reported(triggers)
        speech_acts(triggers, sent, self.lex, self.rules)
        ob = obligation_request(sent, triggers, tokens)
        if ob is not None:
            triggers.append(ob)
        if self.record_trace:
            self.trace.extend({"story_id": state.story.id, "sentence_index": si,
                               "trigger": " ".join(w.text for w in sorted(t.words, key=lambda w: w.i)),
                               "event_type": t.event_type, "weight": t.weight, "folded": t.folded,
                               "rules": list(t.rules)} for t in triggers)
        self.learned.trace = self.trace if self.record_trace else None
        chosen = self.learned.revise(sent, state, triggers, choose_events(triggers), state.position)
        events: list[Event] = []
        frames: list = []
        dropped = None if self.all_candidates else self.dropped
        for t in chosen:
            for ev in self.events.make(t, sent, si, state, main=(t is chosen[0]), dropped=dropped):
                ev.confidence = self.learned.confidence(t, ev)
                if self.all_candidates or self.learned.keep(ev):
                    events.append(ev)
                    frames.append(t.frame)
        events = tried_where_the_court_is(one_party_per_mention(events))
        if not self.all_candidates:
            return merge_same_acts(events, frames)
        return self.merge_by_output(events, frames)

    def merge_by_output(self, events: list[Event], frames: list) -> list[Event]:
        """With ``all_candidates``: one record per act (:func:`merge_same_acts`) among the
        events the default output keeps, and apart among those under its threshold, in
        sentence order, so that ``--all-candidates`` filtered at the threshold holds the
        default output's records (a fresh user's trial, twentieth round: two ASSAULTs at
        0.96 in ``--all-candidates`` were one record by default, which the README's
        "keeps the events whose confidence reaches the threshold" did not explain). A
        record under the threshold never absorbs, nor is absorbed by, one over it."""
        order = {id(ev): n for n, ev in enumerate(events)}
        out: list[Event] = []
        for side in (True, False):
            idx = [n for n, ev in enumerate(events) if self.learned.keep(ev) is side]
            if idx:
                out.extend(merge_same_acts([events[n] for n in idx], [frames[n] for n in idx]))
        return sorted(out, key=lambda ev: order[id(ev)])

    def dropped(self, t: Trigger, event_type: str) -> bool:
        """True when the default output leaves out the event of ``t`` with type
        ``event_type`` whatever its arguments: the model scored the trigger and the event
        keeps its type, so its confidence is the gate's calibrated probability
        (:meth:`Learned.confidence`, which does not look at the arguments), and that
        probability is under the threshold (:meth:`Learned.keep`). False for every event
        when ``all_candidates`` is set or there is no model."""
        m = self.learned.model
        if self.all_candidates or m is None or t.model_p is None or event_type not in (t.event_type, t.final_type):
            return False
        return round(m.calibrate(t.model_p), 4) < m.settings.get("threshold", 0.0)


#: Rule named in the ``rules`` of an event that absorbed another record of the same act.
SAME_ACT = "structure:same-act-merged"

#: The aux rule that marks a meeting noun as scheduled (``data/rules/aux.jsonl``).
SCHEDULED_MEETING = "aux:scheduled-meeting-noun"


def _party_key(ents) -> frozenset:
    return frozenset((e.country, e.igo, e.sector) for e in ents)


def _status(ev: Event) -> frozenset:
    return frozenset(set(ev.aux_modes) & {"negation", "hypothetical"})


def _absorb(kept: Event, ev: Event) -> None:
    """``kept`` takes the rules and the parties only ``ev`` names."""
    kept.rules = list(dict.fromkeys([*kept.rules, *ev.rules, SAME_ACT]))
    for role in ("actor", "recipient"):
        have = {e.text for e in getattr(kept, role)}
        getattr(kept, role).extend(e for e in getattr(ev, role) if e.text not in have)


def _clause_of(sub, head) -> bool:
    """``sub`` is the verb of a when/as/while clause of ``head`` ("killed three people
    when they opened fire on the crowd"; words.yaml ``same_act_clause_markers``)."""
    return sub is not None and head is not None and sub.dep_ == "advcl" and sub.head == head \
        and any(c.dep_ in ("mark", "advmod") and c.lower_ in words("same_act_clause_markers") for c in sub.children)


def merge_subordinate_acts(events: list[Event], frames: list[set]) -> tuple[list[Event], list[set]]:
    """One record for an act told by a verb and by the when/as/while clause under it:
    of two events of the same type, the same reported status and the same date, whose
    actors are the same parties (or one names none), where one's trigger verb heads a
    "when", "as" or "while" clause of the other's ("police killed three people when they
    opened fire on the crowd", "a man was killed when police opened fire on a group"),
    the more confident is kept (the first of equals) and takes the other's rules, its
    actors and recipients, its mode when it has none, and ``structure:same-act-merged``. The clause tells how the
    act was done, at the same time, by the same party: one act (annotation guide section
    2: one act described with several verbs is one event; the corpus train split labels
    "were wounded when commandos attacked them" and its kind with one ASSAULT). Clauses
    of sequence ("after", "before") and of another actor ("troops killed five rebels
    when the rebels attacked the base") stay separate acts. ``frames``: for each event,
    the trigger verbs of the records it already absorbed ("five villagers were killed
    and three injured when gunmen stormed the market": the clause hangs on "injured").
    A fresh user's trial, nineteenth round."""
    gone: set[int] = set()
    for j, subs in enumerate(frames):
        for i, heads in enumerate(frames):
            if i == j or i in gone or j in gone or not any(_clause_of(x, h) for x in subs for h in heads):
                continue
            a, b = events[i], events[j]
            if a.event_type != b.event_type or _status(a) != _status(b) \
                    or (a.date.start, a.date.end) != (b.date.start, b.date.end):
                continue
            ka, kb = _party_key(a.actor), _party_key(b.actor)
            if ka and kb and ka != kb:
                continue
            keep, drop = (i, j) if a.confidence >= b.confidence else (j, i)
            _absorb(events[keep], events[drop])
            if events[keep].mode is None:  # the clause names the weapon: "opened fire"
                events[keep].mode = events[drop].mode
            frames[keep] = frames[keep] | frames[drop]
            gone.add(drop)
    if not gone:
        return events, frames
    return [e for k, e in enumerate(events) if k not in gone], [f for k, f in enumerate(frames) if k not in gone]


def _other_mode(a: Event, b: Event) -> bool:
    """True when ``a`` and ``b`` are of a type whose modes name different acts
    (words.yaml ``mode_distinct_act_types``: arresting people and seizing property are
    two COERCE acts, "raided the newspaper's offices and arrested its editor") and both
    name a mode, and the modes differ (:func:`merge_same_acts`; r22d)."""
    return a.event_type in words("mode_distinct_act_types") and a.mode is not None \
        and b.mode is not None and a.mode != b.mode


#: words.yaml lists of pronouns: a mention holding one refers back ("he recognized their
#: courage" is the President named before), so its text tells no other party.
_REFERRING_LISTS = ("possessive_pronouns", "pronouns_singular", "pronouns_plural", "pronouns_it",
                    "pronouns_first")


def _own_clauses(a: Event, b: Event) -> bool:
    """True when ``a`` and ``b`` are two acts told by two clauses, each with its own
    actor and its own target: both name actors and recipients, no actor mention and no
    recipient mention of one is a mention of the other (by text), and their trigger
    words differ ("Thai artillery shelled Cambodian positions and Thai jets struck a
    command post": two ASSAULT events though the parties are the same states;
    :func:`merge_same_acts`). Source: docs/annotation.md section 2, one event object per
    distinct act ("fired tear gas at the marchers and detained 40 of them" is two); one
    act told with several verbs shares its actor or its target ("the jets bombed and
    destroyed the bridge"; "five villagers were killed and three injured" names no actor).
    A mention with a pronoun (:data:`_REFERRING_LISTS`) may be the other's party again
    ("President X expressed gratitude ... and he recognized their courage", "it is a
    crime which we must repudiate": one act each in the train gold), so it splits
    nothing. A fresh user's trial, twenty-sixth round (r26y)."""
    if not (a.actor and b.actor and a.recipient and b.recipient):
        return False
    if (a.trigger or "").lower() == (b.trigger or "").lower():
        return False
    pron = set()
    for name in _REFERRING_LISTS:
        pron |= set(words(name))
    if any(set(e.text.lower().split()) & pron for ev in (a, b) for e in (*ev.actor, *ev.recipient)):
        return False
    same = lambda x, y: bool({e.text.lower() for e in x} & {e.text.lower() for e in y})  # noqa: E731
    return not same(a.actor, b.actor) and not same(a.recipient, b.recipient)


def merge_same_acts(events: list[Event], frames: list | None = None) -> list[Event]:
    """One record per act: of a sentence's events with the same type, the same
    reported status (``negation``/``hypothetical`` aux modes), the same actors and
    recipients (country, IGO, sector) and the same date, only the most confident is
    kept (the first of equals); its ``rules`` gain the rules of the records it absorbs
    and ``structure:same-act-merged``, so they say every rule that made it, and its
    actors and recipients the mentions only they name ("five villagers were killed and
    three others injured": both are its victims). Two
    triggers for one act ("the raid was deplorable and we repudiate it": a condemning
    predicate beside an accusing verb; "five people were killed and three injured")
    otherwise gave two identical records. Source: docs/annotation.md section 2, one
    event object per distinct act; one act described with several verbs is one event.
    A different mode does not make another act ("killed and wounded"), except in the
    types of ``mode_distinct_act_types`` (a COERCE arrest and a COERCE seize are two
    acts); a different date or party does, and so do two clauses with their own actors
    and targets (:func:`_own_clauses`); a kept record with no mode takes the one an absorbed record
    names (the weapon of "opened fire"); a summons (:func:`_summons`, r28j) stays its own
    record. A scheduled meeting an act names (:data:`SCHEDULED_MEETING`:
    "discussed preparations for the upcoming summit") is a meeting to come, never merged with
    a done act (r28e). With ``frames`` (each event's trigger verb), an act and the
    when/as/while clause under it are then one record too (:func:`merge_subordinate_acts`)."""
    out: list[Event] = []
    keys: list[tuple] = []
    groups: list[set] = []
    for n, ev in enumerate(events):
        mine = {frames[n]} if frames is not None else set()
        key = (ev.event_type, frozenset(set(ev.aux_modes) & {"negation", "hypothetical"}),
               _party_key(ev.actor), _party_key(ev.recipient), ev.date.start, ev.date.end,
               # a scheduled meeting named by the act around it is a meeting still to come,
               # not that act ("discussed preparations for the upcoming summit"; r28e)
               SCHEDULED_MEETING in ev.rules)
        at = next((k for k, have in enumerate(keys) if have == key and not _other_mode(out[k], ev)
                   and not _own_clauses(out[k], ev) and _summons(out[k]) == _summons(ev)), None)
        if at is not None:
            groups[at] |= mine
            kept = out[at]
            if ev.confidence > kept.confidence:
                ev, kept = kept, ev
                out[at] = kept
            _absorb(kept, ev)
            if kept.mode is None:  # "killed ... when they opened fire": the weapon is the act's
                kept.mode = ev.mode
            continue
        keys.append(key)
        out.append(ev)
        groups.append(mine)
    if frames is not None and len(out) > 1:
        out, _ = merge_subordinate_acts(out, groups)
    return out


def _scheduled_meeting(t: Trigger) -> bool:
    """True when ``t`` is a meeting noun standing alone that the aux rule
    :data:`SCHEDULED_MEETING` made a scheduled meeting still to come ("discussed next
    month's summit", "preparations for the upcoming talks", "a visit scheduled for June"):
    an event of its own even beside a chosen CONSULT (:func:`choose_events`; annotation
    guide section 11.1: "discussed ... the upcoming OAS summit" is CONSULT and CONSULT
    multilateral future; r28e). Not a negated, hypothetical or historical one."""
    return t.is_noun and t.frame == t.token and t.event_type == "CONSULT" and SCHEDULED_MEETING in t.rules \
        and "future" in t.aux and not t.aux & {"negation", "hypothetical", "historical"}


def _take_scheduled_meeting(t: Trigger, chosen: list[Trigger]) -> bool:
    """Append ``t`` to ``chosen`` and return True when it is a :func:`_scheduled_meeting`
    not yet chosen: a scheduled meeting named by the act around it ("discussed next
    month's summit", "reviewed preparations for the upcoming talks") is a CONSULT future
    of its own beside that act's CONSULT (:func:`choose_events`; annotation guide 11.1; r28e)."""
    if _scheduled_meeting(t) and not any(c.frame == t.frame or c.token == t.token for c in chosen):
        chosen.append(t)
        return True
    return False


def _named_act(t: Trigger) -> bool:
    """True when ``t`` is an attack or meeting told by its noun with its party, time or
    place, standing alone (``named_act_nouns``; :func:`tidings.coding.triggers.names_party`)."""
    return t.is_noun and t.frame == t.token and t.token.lemma_.lower() in words("named_act_nouns")


def _addressed(v: Token, preps) -> bool:
    """True when the request verb ``v`` names whom it asks and what it asks of them: a
    direct object or an object of one of ``preps`` (the type's recipient prepositions),
    and an infinitive complement ("urged civilians to leave", "called on partners to send
    ..."; :func:`choose_events`)."""
    party = any(c.dep_ in ("dobj", "dative") or c.dep_ == "prep" and c.lower_ in preps
                and any(p.dep_ == "pobj" for p in c.children) for c in v.children)
    return party and any(c.dep_ == "xcomp" for c in v.children)


def _summons(ev: Event) -> bool:
    """True when the lexicon entry that made ``ev`` is a verb of words.yaml
    ``coordinated_own_act_verbs`` ("summoned the ambassador"): a diplomatic act of its
    own, never one record with another act of its type in the sentence ("condemned the
    shooting and summoned the ambassador": two ACCUSE; annotation guide ACCUSE and
    section 2; :func:`merge_same_acts`, r28j)."""
    return any(r == f"lexicon:{w}/V" for w in words("coordinated_own_act_verbs") for r in ev.rules)


def _coordinated_summons(t: Trigger, joined, chosen: list[Trigger]) -> bool:
    """True when ``t`` is a summons (words.yaml ``coordinated_own_act_verbs``) told by a
    verb with its own direct object, coordinated with ``joined``, the verb of a chosen
    event of its type ("condemned the shooting and summoned the ambassador"): a diplomatic
    act of its own (:func:`choose_events`; annotation guide ACCUSE, "summoning an
    ambassador to complain", and section 2; r28j, a fresh user's trial)."""
    return t.frame.dep_ == "conj" and not t.is_noun and t.weight >= 0.6 \
        and t.frame.lemma_.lower() in words("coordinated_own_act_verbs") and _has_dobj(t.frame) \
        and any(c.event_type == t.event_type and c.frame == joined for c in chosen)


def _has_dobj(v: Token) -> bool:
    """True when the verb ``v`` has a direct object of its own (:func:`choose_events`)."""
    return any(c.dep_ in ("dobj", "obj") for c in v.children)


def _sequence_passive(v: Token) -> bool:
    """True when the verb ``v`` is a passive clause with a passive agent ("by X")
    introduced by a marker of sequence ("after being attacked by smugglers", "before
    having been caught by the guards"; words.yaml ``sequence_clause_markers``), whether
    the parse hangs it on the marker (pcomp) or makes it a clause (advcl)."""
    markers = words("sequence_clause_markers")
    if v.dep_ == "pcomp":
        introduced = v.head.lower_ in markers
    elif v.dep_ == "advcl":
        introduced = any(c.dep_ in ("mark", "prep") and c.lower_ in markers for c in v.children)
    else:
        return False
    return introduced and any(c.dep_ == "auxpass" for c in v.children) \
        and any(c.dep_ == "agent" and any(p.dep_ == "pobj" for p in c.children) for c in v.children)


def _made_state_act(t: Trigger, types: set[str]) -> bool:
    """True when ``t`` is a verb's act that a causative verb makes a named state do
    ("..., prompting Chile to sever diplomatic relations with Bolivia":
    :func:`fold.state_made_to_act`), of a type not yet chosen and with a rule weight of
    at least 0.6: the state's own act, chosen beside the act that caused it (annotation
    guide section 2: one event per distinct act; r24i, a fresh user's severance was lost)."""
    return not t.is_noun and t.event_type not in types and t.weight >= 0.6 and state_made_to_act(t.frame)


#: Rule of an act told in a non-restrictive relative clause about a party, chosen as an
#: event of its own (:func:`_relative_act`; r24k).
RELATIVE_ACT = "structure:relative-clause-act-of-antecedent"


def _relative_act(t: Trigger, types: set[str]) -> bool:
    """True when ``t`` is a verb's act told in a non-restrictive relative clause about a
    named party or group (:func:`syntax.nonrestrictive_party_clause`: "Moscow, which
    threatened 'adequate countermeasures'", "Kenya, which sent 400 police officers to
    Haiti last year,"), of a type not yet chosen, with a rule weight of at least 0.6 and
    not a historical background act: an act of that party, mentioned in passing
    (annotation guide section 11.1 labels passing mentions in a relative clause that name
    a party; section 7 gives it its own date). Only the clause's own verb, not a verb it
    governs ("which vowed to retaliate": the vow, not the retaliation)."""
    return not t.is_noun and t.weight >= 0.6 and t.event_type not in types \
        and "historical" not in t.aux and syntax.nonrestrictive_party_clause(t.frame)


def _take_relative_act(t: Trigger, chosen: list[Trigger]) -> bool:
    """Append ``t`` to ``chosen``, its rules naming ``structure:relative-clause-act-of-
    antecedent``, and return True when it is an act told in a non-restrictive relative
    clause about a party (:func:`_relative_act`); else change nothing and return False."""
    if not _relative_act(t, {c.event_type for c in chosen}):
        return False
    if RELATIVE_ACT not in t.rules:
        t.rules = [*t.rules, RELATIVE_ACT]
    chosen.append(t)
    return True


def _told_by_verb(t: Trigger) -> bool:
    """True for a noun trigger a rule read as a plainly worded act with its verb (one with a
    ``prior``: "..., and police fired tear gas to disperse them"): the act is told by that
    verb's clause, so :func:`choose_events` takes it as it would the verb (r26f; annotation
    guide section 3, ASSAULT crowd-control beside the protest it answers)."""
    return t.is_noun and t.prior > 0 and t.frame != t.token and t.frame.pos_ == "VERB"


def _own_noun_act(t: Trigger) -> bool:
    """True for a noun trigger that is its own frame and tells an act of its own: a coercive
    act noun with the party it befell ("the arrest of the editor": words.yaml
    ``party_act_nouns``) or a release a party welcomes or praises ("welcomed the release of
    the hostages": ``praised_act_nouns``, :func:`tidings.coding.triggers._praised_release`,
    r27a; annotation guide section 3, RETREAT release)."""
    return t.is_noun and t.frame == t.token and (
        t.token.lemma_.lower() in words("party_act_nouns") or t.token.lemma_.lower() in words("praised_act_nouns"))


def _charged_result(t: Trigger, live: list[Trigger]) -> bool:
    """Whether ``t`` is a result participle the parse hung on an accusing verb (words.yaml
    ``charge_verbs``) whose charged gerund is a live trigger of the same type: in "X
    accused Egyptian jets of bombing its fighters, killing 14" the killing is the result
    of the charged bombing, not an act of the accuser; the charged act (chosen as
    ``charged`` in :func:`choose_events`, actor the accused, claimed by the accuser) tells
    it, as "jets bombed the camps, killing 9" is one ASSAULT (annotation guide section 2:
    one event per distinct act; section 11: the charged act is the accused's). r28r."""
    v = t.frame
    if t.is_noun or v.dep_ != "advcl" or v.tag_ != "VBG" or v.head.lemma_.lower() not in words("charge_verbs"):
        return False
    return any(o is not t and o.event_type == t.event_type and not o.is_noun and o.frame.i < v.i
               and syntax.charge_head(o.frame) == v.head for o in live)


def choose_events(triggers: list[Trigger]) -> list[Trigger]:
    """The triggers that become events, the main event first.

    The live trigger nearest the clause root is the main event; another is a separate event only
    with a subject of its own ("after the opposition rejected ..."), as a participle of another
    type ("..., arresting 12") or as a coordinated verb of another type with its own object or
    clause ("expelled a diplomat and summoned the envoy", "denounced the delay and threatened to
    end the truce", "condemned the raids and denied that ...") or as the verbal act a meeting or
    call was for ("spoke with X to congratulate him": :func:`fold.meeting_purpose`), or as a
    coercive act told by its noun with the party it befell ("the arrest of the editor drew
    condemnation": words.yaml ``party_act_nouns``), or as an attack or meeting told by its noun
    with its party, time or place ("condemned the Israeli strikes", "after his visit to
    Beijing": ``named_act_nouns``), or as a second speech act of the same speaker coordinated
    with the main verb ("expressed concern about X and called for Y": words.yaml
    ``coordinated_speech_types``; a summons: :func:`_coordinated_summons`), or as the material act an accusation charges ("accused Rwanda
    of supporting the rebels with troops": ``charged_act_types``), or as an ultimatum told as a
    demand's alternative ("demanded that the junta release the prisoners or face sanctions":
    ``events.ULTIMATUM_ALTERNATIVE``, r22a), or as a second coercive act of one subject,
    coordinated with a chosen verb of its type and another mode, each with its own direct object
    ("arrested 14 fishermen and seized two trawlers": ``coordinated_object_act_types``; the
    train split labels such pairs two COERCE; r22d), or as a passive clause of sequence with its
    own agent ("fired after being attacked by smugglers": ``sequence_clause_markers``; r22d); or
    as the act of a non-restrictive relative clause about a party ("Moscow, which threatened
    countermeasures": :func:`_relative_act`, r24k); a verb coordinated with the verb of another
    event already chosen counts as coordinated with the main one ("met to denounce the blockade
    and demand its end": the demand is coordinated with the chosen purpose "denounce";
    annotation guide, section 2: one event object per distinct act); never from another relative
    clause, another noun, or a historical background clause, and never the demand of a protest
    (its topic; PLOVER manual, PROTEST)."""
    live = [t for t in triggers if not t.folded and t.weight > 0]
    if not live:
        return []
    live.sort(key=lambda t: (syntax.depth(t.frame), t.is_noun, -t.weight, t.token.i))
    for t in live:
        t.n_live = len(live)
    main = live[0]
    chosen = [main]
    preps = table("recipient_preps")
    for t in live[1:]:
        if t.frame == main.frame:
            continue
        # a coercive act told by its noun with its party ("the arrest of the editor drew
        # condemnation") is an act of its own beside the main event (annotation guide 11.1)
        named_act = (_named_act(t) or _own_noun_act(t)) \
            and t.event_type not in {c.event_type for c in chosen}
        # a second speech act of the same speaker, told by a verb coordinated with the main
        # one ("expressed concern about X and called for Y", "condemned the attack and
        # reiterated their support for Z"): an act of its own (issue 16, tenth round)
        frames = {c.frame for c in chosen}
        joined = syntax.coordinated_with(t.frame)
        speech_conj = t.event_type in words("coordinated_speech_types") and t.frame.dep_ == "conj" \
            and joined in frames and t.frame.pos_ == "VERB" and t.weight >= 0.5 \
            and t.event_type not in {c.event_type for c in chosen}
        # an ultimatum told as a demand's alternative ("demanded that the junta release the
        # prisoners or face sanctions"): a warning of its own beside the REQUEST (r22a)
        if ULTIMATUM_ALTERNATIVE & set(t.rules) and t.event_type == "THREATEN" \
                and "THREATEN" not in {c.event_type for c in chosen} and not syntax.in_relative_clause(t.frame):
            chosen.append(t)
            continue
        # "Moscow, which threatened countermeasures" (r24k); "discussed next month's summit" (r28e)
        if _take_relative_act(t, chosen) or _take_scheduled_meeting(t, chosen):
            continue
        if syntax.in_relative_clause(t.frame) or (t.is_noun and not (named_act or speech_conj or _told_by_verb(t))) \
                or "historical" in t.aux or _charged_result(t, live) \
                or any(c.frame == t.frame for c in chosen):
            continue
        if named_act:
            chosen.append(t)
            continue
        # a subject of its own, also one the parse hung on the first clause's objects
        # ("Kenya freed two fishermen and Somalia released a trader": two acts of one
        # type; syntax.stranded_subject)
        own = (syntax.own_subject(t.frame) or syntax.stranded_subject(t.frame) is not None) \
            and (t.frame.dep_ in ("conj", "advcl", "ccomp", "ROOT", "parataxis") or syntax.absolute_clause(t.frame))
        if main.event_type == "PROTEST" and t.event_type == "REQUEST":
            continue
        types = {c.event_type for c in chosen}
        participle = t.frame.dep_ == "advcl" and t.frame.tag_ == "VBG" and t.event_type not in types and t.weight >= 0.7
        coordinated = t.frame.dep_ == "conj" and joined in frames and not t.is_noun and \
            t.event_type not in types and t.weight >= 0.6 and \
            any(c.dep_ in ("dobj", "dative", "xcomp", "ccomp")
                or (c.dep_ == "prep" and c.lower_ in preps.get(t.event_type, ()))
                for c in t.frame.children)
        # a second request of the same speaker to other addressees ("urged civilians to
        # leave and called on Western partners to send air defences"): an act of its own
        # (annotation guide section 2: one event per distinct act; the corpus labels
        # "encouraged ... and called on all parties to ..." as two requests)
        addressed = t.frame.dep_ == "conj" and joined in frames and not t.is_noun and t.weight >= 0.6 \
            and t.event_type in words("coordinated_addressed_types") \
            and _addressed(t.frame, preps.get(t.event_type, ())) \
            and any(c.event_type == t.event_type and c.frame == joined and not c.is_noun
                    and _addressed(c.frame, preps.get(c.event_type, ())) for c in chosen)
        # a second coercive act of the same subject with its own object and another mode
        # ("the navy arrested 14 fishermen and seized two trawlers"): an act of its own
        # even of the same type (words.yaml coordinated_object_act_types; annotation guide
        # section 2); "raided the armory and seized the weapons" (both seize) stays one
        second_act = t.frame.dep_ == "conj" and joined in frames and not t.is_noun and t.weight >= 0.6 \
            and t.event_type in words("coordinated_object_act_types") and _has_dobj(t.frame) \
            and any(c.event_type == t.event_type and c.frame == joined and not c.is_noun and _has_dobj(c.frame)
                    and c.mode is not None and t.mode is not None and c.mode != t.mode for c in chosen)
        # an act told by a passive clause before or after the main one, with its own
        # agent ("had fired in self-defence after being attacked by a group of
        # smugglers", "before being caught by prison guards"): the agent is its subject
        # (words.yaml sequence_clause_markers; the train split labels both acts; r22d)
        agented = not t.is_noun and t.weight >= 0.6 and _sequence_passive(t.frame)
        purpose = t.event_type not in types and meeting_purpose(t, main)
        # the act an accusation charges, told by a gerund ("accused Rwanda of supporting
        # the rebels with troops", "blamed the rebels for ambushing the convoy"): an act of
        # its own beside the ACCUSE, claimed by the accuser (annotation guide section 11:
        # an accusation that reports an act as fact is ACCUSE and the act; the train gold
        # codes "accusing it of providing support to militants" ACCUSE and AID); only a
        # material act (words.yaml charged_act_types), not "accused him of undermining
        # democracy" (r21c, a fresh user's trial)
        charged = not t.is_noun and t.event_type not in types and t.weight >= 0.7 \
            and t.event_type in words("charged_act_types") \
            and (head := syntax.charge_head(t.frame)) is not None and any(c.frame == head for c in chosen)
        if own or participle or coordinated or purpose or speech_conj or addressed or charged or second_act \
                or agented or _coordinated_summons(t, joined, chosen) or _made_state_act(t, types):
            chosen.append(t)
    return chosen
