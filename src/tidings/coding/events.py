"""Pass 6, events: from a trigger that stays an event to :class:`~tidings.records.Event`.

For one trigger: the ``event`` rules recode by the auxiliary modes (a future meeting is
AGREE, an announced or conditional attack THREATEN); the arguments give actor and
recipient words; the ``actor`` rules recode by the actor (material acts of protesters are
PROTEST); the entities are resolved; the confidence is computed; the ``mode`` rules set
the mode from the clause's words (:mod:`tidings.coding.modes`); date and place come from
:mod:`tidings.dates` and :mod:`tidings.places`. A speaker who reports another party's
attack also accuses it (:data:`REPORTED_ACCUSATION`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Callable

from spacy.tokens import Span, Token

from .. import PIPELINE_VERSION
from ..actors import first_person_sector
from ..dates import compared_since_spans, content_clause_spans, earlier_clause_span, meeting_host_tense, noun_deadline_spans, noun_participle_spans, participle_circumstance_spans, participle_clause_spans
from ..lexicon import Lexeme, Lexicon
from ..records import QUAD_CLASS, Entity, Event, EventDate, Place, make_event_id
from . import effects, syntax
from .arguments import act_agent, arguments, caused_act, criticised_act, fired_munition, denied_content, denied_noun, denied_participant, handed_over, is_thing, other_act_words, stance_anchor, thing_party, venue_of_meeting
from .confidence import confidence, confidence_features
from .mentions import Mentions, joined_parties
from .modes import final_mode
from .rules import Ctx, EventDraft, RuleSet
from .state import StoryState
from .syntax import SUBJ_DEPS
from .trigger import Trigger
from .triggers import praised_release_outsiders
from .words import table, words

#: Name of the structural step by which a speaker who reports another country's act of
#: material conflict accuses it ("Israel said Hezbollah fired rockets": Israel ACCUSEs
#: Hezbollah; PLOVER manual, ACCUSE 'allege').
REPORTED_ACCUSATION = "structure:reported-conflict-is-accusation"
#: Name of the step by which the speaker of a reported behaviour that the model codes as
#: an accusation is its actor, and whom the behaviour is told of its recipient
#: (:func:`_reported_charge`).
REPORTED_CHARGE = "structure:reported-behaviour-is-speakers-charge"
#: The frame rule by which a misdeed verb told in a speaker's reported clause is the
#: speaker's allegation ("said the vessels had intruded"): its doer is the recipient, the
#: speaker the actor, as for a reported behaviour (:func:`_reported_charge`; r29i).
REPORTED_MISDEED = "frame:reported-misdeed-is-allegation"
#: Name of the step by which a court's prison sentence is also the imprisonment it
#: orders: COERCE arrest beside the SANCTION convict (:func:`custodial_sentence`).
CUSTODIAL_SENTENCE = "structure:prison-sentence-is-imprisonment"
#: A visit's recipient named as a place is where the visit happened, when the sentence
#: names no other place (annotation guide, section 7: "the place visited").
VISITED_PLACE = "structure:visited-place"
#: An attack's recipient named as a place (a city the gazetteer knows: "shelled
#: Kherson") is where the attack happened, when the sentence names no other place
#: (annotation guide, section 6: "rockets hit Kharkiv" is a place).
ATTACKED_PLACE = "structure:attacked-place"
#: A thing or act named as the recipient word ("rejected the results of Sunday's
#: election", "protested the government's suspension of talks") gives the party it
#: names, else none (arguments.thing_party; words.yaml thing_nouns; annotation guide
#: section 6: the recipient is at whom the act is directed).
THING_PARTY = "structure:thing-names-its-party"
#: The act a praise or criticism evaluates is its owner's ("praised Poland's support for
#: Kyiv"): its named possessor is the recipient, before whom the act is towards
#: (words.yaml evaluated_owner_types; annotation guide section 5: the recipient of a
#: condemnation is the party whose act is criticised).
EVALUATED_OWNER = "structure:evaluated-act-is-its-owners"
#: A mediator, host or helper is a third party: never the recipient of the act it helps
#: ("a ceasefire brokered by Saudi Arabia", "with the mediation of Egypt"), and the
#: mediation itself takes no recipient from the argument model (syntax.mediator_words;
#: words.yaml helper_phrase_preps, host_participles, mediation_trigger_lemmas; annotation
#: guide section 3, CONSULT third-party).
MEDIATOR_NO_RECIPIENT = "structure:mediator-is-no-recipient"
#: The actor's side in a fight, named by an ally phrase ("fighting alongside the FDLR",
#: "together with", "on the side of"), is its ally, never the target: no recipient from
#: it, given or learned (syntax.ally_words; words.yaml ally_preps, ally_phrase_types;
#: annotation guide section 3, ASSAULT; r25k).
ALLY_NO_RECIPIENT = "structure:ally-is-no-recipient"
#: An extradition or hand-over has the party it hands over to as recipient, never who
#: is handed over (arguments.handed_over; words.yaml handover_verbs).
HANDED_OVER = "structure:handed-over-to-party"
#: A joint act of two parties or more ("Russia and North Korea signed an agreement ...
#: by North Korean Foreign Minister X") is no act on one of them: the argument model's
#: recipient of an actor's own country (or IGO) and sector is dropped (annotation guide
#: section 6: a reciprocal act puts every participant in the actor and has no
#: recipient; train: 9 of 12 such learned recipients wrong by the gold; r26g).
JOINT_OWN_PARTY = "structure:joint-act-own-party-is-no-recipient"
#: An act named in a phrase of cause or purpose ("in protest at the arrest of", "over
#: the bombing of") takes no actor from the clause that responds to it: only its own
#: naming words, possessor or by-phrase, and the "of" phrase of a mover's act noun
#: (words.yaml own_mover_act_nouns) may name it (syntax.responded_to; annotation guide
#: section 6; r24f, r24j)
RESPONDED_ACT = "structure:responded-act-keeps-own-actor"
#: A gathering named as what a crackdown acts on ("the violent suppression of protests",
#: "a crackdown on rallies by students": words.yaml suppressing_act_nouns) takes no actor
#: from the rest of the sentence: only its own naming words, possessor or by-phrase
#: (_own_actor_words); the crackdown's doer and the parties the clause acts on are not
#: the protesters (annotation guide section 6: the actor is who does the act; the corpus
#: train split: "over Israel's crackdown on protests by Palestinians" PROTEST with the
#: Palestinians as actor; r27p, a fresh user's trial).
SUPPRESSED_ACT = "structure:suppressed-act-keeps-own-actor"
#: A munition named as the subject with no word saying whose it is ("shells fell on
#: the camp", "artillery rounds hit positions") is no actor, and no actor is learned
#: from the other clauses (syntax.ownerless_munition; words.yaml munition_nouns;
#: annotation guide section 5; r25n).
MUNITION_NO_ACTOR = "structure:munition-is-no-actor"
#: A fight whose actors are of two countries or more and that has no recipient party
#: ("Thai and Cambodian troops exchanged fire": words.yaml two_sided_fight_words): its
#: sides act on each other, and the store counts it for every ordered pair of its actor
#: parties, as a joint meeting (annotation guide section 3; the same string as
#: tidings.store.filters.MUTUAL_RULE, which a test keeps equal; a fresh user's exchange
#: of fire was in no dyad, r26n).
TWO_SIDED_FIGHT = "structure:two-sided-fight"
#: A gathering named in the phrase of time or place of a participle that describes its
#: people ("15 protesters detained during last week's rallies", "students arrested at
#: the march"): those people held the gathering, and its actor is them, not the
#: detaining side nor a pronoun of the next clause (held_at_gathering; words.yaml
#: gathering_time_preps, protester_nouns; annotation guide section 5: a protest's actor
#: is the protesters; section 6; r28c, a fresh user's trial).
GATHERING_OF_HELD = "structure:gathering-actor-is-its-held-people"
#: A crime named as the reason of a punitive act ("an arrest warrant for a commander
#: over killings", "arrested three men in connection with the attack"): the accused is
#: its actor, and only the crime's own words name its recipient; the punishing party is
#: no party to it (syntax.punished_crime; words.yaml punitive_words; r26t).
PUNISHED_CRIME = "structure:accused-did-punished-crime"
#: A harming verb's object in a relative clause on the event noun ("the clash that
#: killed four soldiers") is its recipient, never its actor (syntax.relative_clause_victims; r26t).
RELATIVE_VICTIM = "structure:relative-clause-victim-is-recipient"
#: A document as the subject of a speech verb ("The resolution demands that X withdraw",
#: "the communique warns"): the body that issued it speaks, named by the document's own
#: modifier or possessor ("the OAS resolution"), else no one; the argument model learns
#: no other word of the sentence as its actor (words.yaml issued_document_nouns; the train
#: gold: "THE COMMUNIQUE WARNS ...", "THE DECLARATION CALLS ON ..." have no actor; r28q).
DOCUMENT_SPEAKER = "structure:document-speaks-for-no-other"
#: The people a swap's named sides exchange ("the government and the rebels exchanged
#: 130 prisoners", words.yaml two_sided_act_verbs) are theirs: they take no country
#: from the dateline or the place that neither side has (r28q, a fresh user's trial).
SWAPPED_NOT_DATELINE = "structure:swapped-people-not-of-the-dateline"
#: A town, district or site named before an act noun ("the Garissa attack", "the
#: Kupwara attack", "the Srebrenica genocide") is where the act happened, never its actor
#: (:meth:`EventMaker._place_before_act`; r27g).
PLACE_OF_ACT = "structure:place-before-act-noun-is-no-actor"
#: Rules that read "... or face <penalty>" after a demand as an ultimatum of its own
#: (:func:`ultimatum_parties`; r22a).
ULTIMATUM_ALTERNATIVE = frozenset({"sense:or-face-penalty-is-ultimatum", "frame:or-face-penalty-is-ultimatum"})
_ALLEGE = Lexeme("V", "say", "", "ACCUSE", "allege", (), "112", 0.6)
_IMPRISON = Lexeme("V", "imprison", "", "COERCE", "arrest", ("legal",), "173", 0.9)
#: Ages and bare small numbers are no dates ("Omarov, 40," is not 1940).
_BARE_NUMBER = re.compile(r"^\s*(?:aged?\s+)?\d{1,3}(?:\s*-?\s*years?\s*-?\s*old)?\s*$", re.I)


class EventMaker:
    """Makes the events of triggers (see the module doc).

    Args:
        mentions: resolves actor mentions; lex: the trigger lexicon; rules: the rule set;
        calibration: ``(coefficients, intercept)`` of the confidence model, or None.
    """

    def __init__(self, mentions: Mentions, lex: Lexicon, rules: RuleSet,
                 calibration: tuple[list[float], float] | None, argmodel: Any = None,
                 locmodel: Any = None) -> None:
        self.mentions, self.lex, self.rules, self.calibration = mentions, lex, rules, calibration
        #: the learned argument model (:class:`tidings.coding.argmodel.ArgumentModel`)
        #: that fills a role the parse rules leave empty, or None
        self.argmodel = argmodel
        #: the learned place filter (:class:`tidings.coding.locmodel.LocationModel`)
        #: that drops a chosen place that is not where the event happened, or None
        self.locmodel = locmodel
        #: the place :meth:`_location` last returned when it gave a place the gazetteer
        #: does not know the story's country (a guess), else None
        self.guessed_place: Place | None = None
        #: event id -> the place filter's features of its rule-chosen place, filled when
        #: a dict (training: :mod:`tidings.learn.locations_train`)
        self.place_log: dict[str, list[str]] | None = None
        #: event id -> confidence features, filled when ``record_features`` is True
        self.record_features = False
        self.features: dict[str, list[float]] = {}

    def make(self, t: Trigger, sent: Span, si: int, state: StoryState, main: bool,
             dropped: Callable[[Trigger, str], bool] | None = None) -> list[Event]:
        """The event of ``t`` (the sentence's main event when ``main``), and the
        accusation of its reporter when there is one.

        ``dropped(t, event_type)``: True when the caller will leave out ``t``'s event of
        that type whatever its arguments (:meth:`tidings.coding.coder.Coder.dropped`:
        the default output and a confidence under the threshold). Such an event is made
        up to its final type (event, actor and mode rules) and its arguments, so the
        story's memory learns what it would from it (mentions, pronouns, people learnt by
        title, the last meeting), and the country of its place is remembered
        (:meth:`_remember_place`); its date, confidence features and record are not
        built, and it returns ``[]``. An event whose reporter may also accuse (below) is
        always built. Finding the arguments of such an event cannot be skipped: without
        the argument model's recipient of dropped events, 15 of 4,106 events of a sample
        of the MUC, State Department and White House stories changed. None: every event
        is built."""
        draft = EventDraft(t.event_type, t.mode, set(t.aux), rules=list(t.rules))
        ctx = Ctx(sent=sent, lex=self.lex, t=t, event=draft)
        effects.run(self.rules, "event", ctx)
        actor_tok, recip_toks = _no_munition_actor(ultimatum_parties(t, draft) or arguments(t, draft.etype), draft)
        source = _source_words(t, sent)
        actor_tok, recip_toks = self._not_place(t, sent, state, draft, *_crime_parties(t, draft, actor_tok, _not_exchanged(t, [r for r in recip_toks if r.i not in source])))
        dateline = state.dateline_words(sent)
        if dateline:
            # a wire dateline's place names where the story was filed, no party
            # (StoryState.dateline_words)
            recip_toks = [r for r in recip_toks if r.i not in dateline]
            if actor_tok is not None and actor_tok.i in dateline:
                actor_tok = None
        if _reported_charge(t, draft.etype, actor_tok, draft.rules):
            # "Kenya's minister said Somalia was failing to stop the militants": the
            # speaker accuses, and whom the reported behaviour is told of is accused
            recip_toks = [actor_tok] if actor_tok is not None else recip_toks
            actor_tok = t.claimed_by
            draft.rules.append(REPORTED_CHARGE)
        elif _judged_subject(t, draft.rules) or _called_a_warning(t, draft.rules):
            # "the minister said the raid was deplorable": the raid's party is accused, the
            # speaker (if any) accuses; "said the test was a warning to Seoul": Seoul is warned
            recip_toks = [actor_tok] if actor_tok is not None and not _called_a_warning(t, draft.rules) else recip_toks
            actor_tok = t.claimed_by
        if actor_tok is None and self.argmodel is not None:
            actor_tok = self._learned_actor(t, sent, state, draft, recip_toks)
        if actor_tok is not None and actor_tok.pos_ == "PRON" and t.claimed_by is not None and \
                actor_tok.lower_ in words("pronouns_singular") | words("pronouns_plural") | words("pronouns_it") \
                | words("pronouns_first"):
            actor_tok = t.claimed_by  # "Japan said it had halted aid": the pronoun is the speaker
        if actor_tok is not None and actor_tok.pos_ in ("NOUN", "PROPN") and self.argmodel is not None \
                and not self.mentions.entities(actor_tok, sent, state, draft.etype) \
                and not _unnamed_actor(actor_tok, draft.etype, t):
            # the parse's actor names no party ("X and Y had the opportunity to engage":
            # "opportunity"; "This funding brings ..."): the argument model's actor, if
            # it finds one, among the other words
            alt = self._learned_actor(t, sent, state, draft, [*recip_toks, actor_tok], likelier=True)
            if alt is not None:
                actor_tok = self._speaker_of_pronoun(alt, t, sent, state)
        draft.actor_tok = actor_tok
        effects.run(self.rules, "actor", ctx)
        ents = self.mentions.entities
        actors = ents(actor_tok, sent, state, draft.etype) or _unnamed_actor(actor_tok, draft.etype, t)
        # a mention and its apposition are one participant ("X and his counterpart Y
        # held talks": Y is on the actor's side already)
        same = syntax.one_participant([actor_tok], lists=False) if actor_tok is not None else set()
        # what a speaker calls the act is no party to it ("described the raid as a violation of the UN Charter")
        same |= syntax.judged_words(stance_anchor(t))
        recip_toks = [r for r in recip_toks if r.i not in same]
        # "recalled its ambassador from Caracas", "withdrew its troops": the actor's own
        # agents are not on the receiving end (words.yaml own_agent_nouns)
        recip_toks = [r for r in recip_toks if not _own_agent(r)]
        # "reaffirmed the United States' commitment to Kenya's sovereignty", "praised the
        # Prime Minister's leadership": a quality or stance names no party; whom it is
        # towards, else whose it is, is the recipient (words.yaml attribute_nouns)
        taken = same | {actor_tok.i} if actor_tok is not None else same
        recip_toks, recips = self._recipients(t, sent, state, draft, actor_tok, actors, recip_toks, taken, same)
        recips = _other_side(actors, recips)
        if not recips and "model:recipient" in draft.rules:
            draft.rules.remove("model:recipient")  # its recipient was the actor itself: none given
        actors = _speaker_not_addressee(actors, recips, actor_tok)
        claimed = ents(t.claimed_by, sent, state)
        state.note(actors, recips, syntax.may_name_person(actor_tok))
        if syntax.names_group(actor_tok):
            state.note_group(actors)
        _note_meeting(state, draft.etype, t, actor_tok, actors, recips)
        recips = _not_own_state(actors, recips)
        if not recips and "model:recipient" in draft.rules:
            draft.rules.remove("model:recipient")
        mode = final_mode(self.rules, ctx)  # the mode rules may change the type too
        arg_toks = [x for x in [actor_tok, t.claimed_by, *recip_toks] if x is not None]
        if dropped is not None and not self.record_features and not (
                claimed and QUAD_CLASS[draft.etype] == "material_conflict") and dropped(t, draft.etype):
            self._remember_place(t, sent, si, state, draft.etype, actors, recips, arg_toks)
            return []
        feats = confidence_features(t, actors, recips, main, claimed, state.position)
        conf = confidence(feats, self.calibration, t, actors, recips, main)
        # an unattributed "we"/"I" of the story's country speaks for its government
        # (sectors.yaml first_person_sector); given in the record only, as it says
        # nothing about whether a named official of that country is the same party
        # (the test above), and the confidence model has not learnt from it
        # (so is a statement's "we" whose voice, "The White House Briefing Room", has no
        # sector of its own)
        actors = [replace(a, sector=first_person_sector()) if a.sector is None and a.how in (
                  "story country", "story voice") and a.country and a.text.lower() in words("pronouns_first")
                  else a for a in actors]
        claimed = _recorded_claimant(draft, actor_tok, t.claimed_by, actors, claimed)
        ev = self.record(t, sent, si, state, draft.etype, mode, sorted(draft.aux), (actors, recips, claimed), conf,
                         arg_toks, draft.rules)
        if self.record_features:
            self.features[ev.event_id] = feats
        out = [ev] + self._imprisonment(t, sent, si, state, draft, mode, (actors, recips, claimed), conf, arg_toks)
        if claimed and t.claimed_by.i < t.frame.i and QUAD_CLASS[draft.etype] == "material_conflict" \
                and not draft.aux & {"negation", "hypothetical"} and syntax.reporting_head(t.frame) is not None:
            # (not for the charge of an accusation verb: its accusation is its own event)
            ckeys = {c.country for c in claimed if c.country}
            akeys2 = {a.country for a in actors if a.country}
            if ckeys and akeys2 and ckeys != akeys2:
                rep = syntax.reporting_head(t.frame) or t.frame
                acc = Trigger(rep, _ALLEGE, rep, [rep])
                out.append(self.record(acc, sent, si, state, "ACCUSE", "allege", [], (claimed, actors, []),
                                       round(conf * 0.85, 3), [], [REPORTED_ACCUSATION, *draft.rules]))
        return out

    def _imprisonment(self, t: Trigger, sent: Span, si: int, state: StoryState, draft: EventDraft,
                      mode: str | None, parties: tuple[list[Entity], list[Entity], list[Entity]], conf: float,
                      arg_toks: list[Token]) -> list[Event]:
        """The COERCE arrest a prison sentence orders, beside its SANCTION convict, with
        the conviction's parties, modes and confidence ("sentenced the editor to five
        years in prison": annotation guide section 5, two events; :func:`custodial_sentence`);
        ``[]`` for any other event."""
        if draft.etype != "SANCTION" or mode != "convict" or not custodial_sentence(t):
            return []
        return [self.record(Trigger(t.token, _IMPRISON, t.frame, list(t.words)), sent, si, state, "COERCE",
                            "arrest", sorted(draft.aux), parties, conf, arg_toks, [CUSTODIAL_SENTENCE, *draft.rules])]

    def _recipients(self, t: Trigger, sent: Span, state: StoryState, draft: EventDraft, actor_tok: Token | None,
                    actors: list[Entity], recip_toks: list[Token], taken: set[int],
                    same: set[int]) -> tuple[list[Token], list[Entity]]:
        """The event's recipient words and entities, from the parse rules' words
        ``recip_toks`` (a quality or stance gives its party), the object's modifiers, else
        the argument model; ``taken``/``same``: token indexes on the actor's side."""
        ents = self.mentions.entities
        # "praised Poland's support for Kyiv", "condemned Iran's backing of the rebels": the
        # act a stance evaluates is its owner's, who is the recipient, not the act's own
        # object (words.yaml evaluated_owner_types); a trigger's own noun ("underscored
        # the United States' support for Sweden") keeps whom it is towards
        evaluated = _evaluates(t, draft.etype)
        trig = {w.i for w in t.words}
        parties = [self._attribute_party(r, sent, state, taken, actors, evaluated and r.i not in trig)
                   for r in recip_toks]
        if evaluated and any(p.i != q.i for p, q in zip(parties, (
                self._attribute_party(r, sent, state, taken, actors) for r in recip_toks))):
            draft.rules.append(EVALUATED_OWNER)
        recip_toks = parties
        # a thing or act as the object ("rejected the results of Sunday's election",
        # "protested the government's suspension of EU accession talks", "condemned the
        # use of force"): the party it names, else none; never the thing, its place,
        # date or the people it befell (arguments.thing_party; words.yaml thing_nouns)
        things = [r for r in recip_toks if is_thing(r, draft.etype)]
        thing_words = {w.i for r in things for w in r.subtree}
        thing_words |= _called_for_words(t, things)
        if things:
            recip_toks = [p for r in recip_toks for p in ([thing_party(r)] if r in things else [r])
                          if p is not None]
            draft.rules.append(THING_PARTY)
        # a stance towards an act ("condemned the killing of protesters", "concern about
        # Russia's invasion of Ukraine"): the act's doer is the recipient when the noun
        # names it; its victims, place and object are no party to the stance
        # (docs/annotation.md section 5)
        act = criticised_act(t) if not recip_toks and draft.etype in words("act_agent_recipient_types") else None
        if act is not None:
            agent = act_agent(act)
            recip_toks = [agent] if agent is not None else []
        topic = draft.etype == "CONSULT" and t.frame.lemma_.lower() in words("topic_object_verbs")
        topic_objs = {c.i for c in t.frame.children if c.dep_ in ("dobj", "obj")} if topic else set()
        if not recip_toks and act is None:
            # ... also when the quality is the trigger's own noun or the object the rules
            # leave out ("underscored the United States' support for Sweden", "affirmed
            # her commitment to Moldova"); but what a meeting discusses is its topic, and so
            # is whose role or effort it is ("G7 ministers discussed China's role in global
            # security": no recipient; words.yaml topic_object_verbs)
            recip_toks = [p for w in [*t.words, *(c for c in t.frame.children if c.dep_ == "dobj" and not topic)]
                          if w is not t.frame
                          for p in [self._attribute_party(w, sent, state, taken | {x.i for x in t.words}, actors)]
                          if p is not w][:1]
        # a mediator, host or helper of the act ("a ceasefire brokered by Saudi Arabia",
        # "with the mediation of Egypt", "under the auspices of the AU", "under Kenyan
        # mediation", "with Norway as guarantor") is a third party,
        # never its recipient; a host only of a meeting of two named sides ("Colombia and
        # the ELN held talks hosted by Cuba": the train gold makes the host of a lone
        # guest's meeting its recipient; words.yaml host_participles)
        helpers = syntax.mediator_words(sent, t.token, hosts=actor_tok is not None and bool(actor_tok.conjuncts),
                                        helper_modifiers=True)
        if any(r.i in helpers for r in recip_toks):
            recip_toks = [r for r in recip_toks if r.i not in helpers]
            draft.rules.append(MEDIATOR_NO_RECIPIENT)
        # the actor's side in a fight ("fighting alongside the militia", "together with",
        # "on the side of") is its ally, never the target (syntax.ally_words; r25k)
        allies = syntax.ally_words(t.frame) if draft.etype in words("ally_phrase_types") else set()
        if allies:
            if any(r.i in allies for r in recip_toks):
                recip_toks = [r for r in recip_toks if r.i not in allies]
            draft.rules.append(ALLY_NO_RECIPIENT)
            helpers = helpers | allies
        # a meeting or agreement of two parties or more: what they discussed or agreed
        # on is no party ("The Secretary and Foreign Minister X discussed the crisis in
        # the Sahel"); only whom they met with is (the corpus: 616 of 632 such train
        # CONSULT events have no recipient)
        mutual = draft.etype in words("reciprocal_types") and \
            len({(a.country, a.igo) for a in actors if a.country or a.igo}) >= 2
        if mutual:
            recip_toks = [r for r in recip_toks if _meeting_partner(r, t)]
        # what a denial denies names no party to it (arguments.denied_content), nor does
        # another act named as the reason or condition (arguments.other_act_words)
        denied = (denied_content(t) if draft.etype == "REJECT" else frozenset()) | other_act_words(t) \
            | syntax.next_clause_subjects(t.frame)
        handed = handed_over(t)
        if handed is not None and draft.etype in words("release_handover_types"):
            # captives handed to a humanitarian body are freed: they are the recipient and
            # the body that received them is no party (arguments._receivers; r22b)
            denied = denied | {w.i for p in handed[0] for w in p.subtree}
            draft.rules.append(HANDED_OVER)
        elif handed is not None:
            # who is extradited or handed over is never its recipient (arguments.handed_over)
            denied = denied | handed[1]
            draft.rules.append(HANDED_OVER)
        recips = [e for r in recip_toks for e in (ents(r, sent, state) or _plain_people(r))] \
            or ([] if mutual or act is not None else self.mentions.object_modifiers(t, sent, state,
                                                                                    same | denied | thing_words | helpers
                                                                                    | topic_objs))
        # one party named twice by the same words is one recipient ("thanked her for her
        # partnership": both "her" are the person the sentence named)
        recips = _unique(recips)
        if not recips and self.argmodel is not None and draft.etype == "CONSULT" \
                and t.token.lemma_.lower() in words("mediation_trigger_lemmas"):
            # the mediator's own act: the sides it mediates between are no recipient the
            # model may choose (words.yaml mediation_trigger_lemmas: the train gold)
            draft.rules.append(MEDIATOR_NO_RECIPIENT)
        elif not recips and self.argmodel is not None:
            recip_toks, recips = self._learned_recipient(t, sent, state, draft, actor_tok, recip_toks,
                                                         partner_only=mutual,
                                                         exclude=({w.i for w in act.subtree} | syntax.judge_clause_words(act)
                                                                  if act is not None else set()) | denied | thing_words
                                                         | helpers)
            own = {(a.country, a.igo, a.sector) for a in actors if a.country or a.igo}
            if recips and len({(c, i) for c, i, _ in own}) >= 2 and any(
                    (r.country or r.igo) and (r.country, r.igo, r.sector) in own for r in recips):
                # a joint act's learned recipient of one of its own parties (JOINT_OWN_PARTY)
                recips = [r for r in recips if not ((r.country or r.igo) and (r.country, r.igo, r.sector) in own)]
                recip_toks = recip_toks if recips else []
                draft.rules.append(JOINT_OWN_PARTY)
        return recip_toks, recips

    def _speaker_of_pronoun(self, tok: Token, t: Trigger, sent: Span, state: StoryState) -> Token:
        """The reported speaker (``t.claimed_by``) in place of a pronoun ``tok`` that the
        argument model took after the parse's actor, a weapon, named no party ("The army
        said it had repelled the raid and that its aircraft struck ...": the army), when
        the speaker names a party; else ``tok``. As the first pass does for a pronoun
        ("Japan said it had halted aid"). Rule: docs/annotation.md section 6 (a pronoun
        takes the entity it refers to); r28c, a fresh user's trial."""
        pronouns = words("pronouns_singular") | words("pronouns_plural") | words("pronouns_it") \
            | words("pronouns_first")
        if tok.pos_ != "PRON" or t.claimed_by is None or tok.lower_ not in pronouns:
            return tok
        if any(e.country or e.igo or e.sector for e in self.mentions.entities(t.claimed_by, sent, state)):
            return t.claimed_by
        return tok

    def _learned_actor(self, t: Trigger, sent: Span, state: StoryState, draft: EventDraft,
                       recip_toks: list[Token], likelier: bool = False) -> Token | None:
        """The argument model's actor when the parse rules found none: the most probable
        candidate above the model's threshold that names an entity (rule ``model:actor``).
        ``likelier``: only a candidate the model finds likelier the actor than the
        recipient (when the parse's actor named no party, its other candidates are often
        the recipient: "mines went off when the soldiers passed")."""
        material_noun = t.is_noun and QUAD_CLASS[draft.etype].startswith("material")
        # "summoned the envoy over the attack", "in response to the entry of North Korean
        # soldiers": no one in the responding clause did it; only the noun's own words may
        # name its actor (its "of" phrase, a naming modifier; r24f, the train gold)
        own_only = material_noun and syntax.responded_to(t.token)
        if MUNITION_NO_ACTOR in draft.rules:
            return None  # "shells fell on a camp": the sentence names no one who fired them
        if not t.is_noun and syntax.agentless_cause_clause(t.frame):
            return None  # "killed 33 militants after the train was hijacked": no one named did it
        if caused_act(t):
            return None  # "arrested the mayor, prompting protests": the cause did not do it
        if denied_noun(t):
            return None  # "Pakistan rejected the accusations": the denier made no charge
        if denied_participant(t):
            return None  # "Russia was not involved in the talks": others, unnamed, held them
        if t.is_noun and draft.etype == "PROTEST":
            held = held_at_gathering(t.token)
            if held is not None and self.mentions.entities(held, sent, state, draft.etype):
                draft.rules.append(GATHERING_OF_HELD)
                return held
        taken = {w.i for w in t.words} | syntax.one_participant(recip_toks) | _stance_takers(t, draft.etype) \
            | syntax.judged_words(stance_anchor(t)) | _source_words(t, sent) | _matter_words(t) \
            | state.dateline_words(sent) | syntax.mediator_words(sent, t.token) \
            | syntax.caused_party_words(sent, t.token)
        if RELATIVE_VICTIM in draft.rules:
            # "Jordan denied any role in the border clash that killed four soldiers": the
            # victims are the recipient and no other word of the sentence is learned as
            # its actor (the clause's own words named none)
            return None
        if PUNISHED_CRIME in draft.rules or PLACE_OF_ACT in draft.rules:
            return None  # the accused, when named, is already the actor; else none is named
        if not t.is_noun and t.token.i == t.frame.i and _document_subject(t.frame):
            draft.rules.append(DOCUMENT_SPEAKER)
            return None  # "The resolution demands that Rwanda withdraw": not Congo's demand
        if t.is_noun and any(self._place_before_act(t, c, sent, state, draft.etype) for c in t.token.children):
            # "joined an inquiry into the Janakpur bombing": the noun's naming modifier is
            # its place, and no other word of the sentence is learned as its actor
            if PLACE_OF_ACT not in draft.rules:
                draft.rules.append(PLACE_OF_ACT)
            return None
        if own_only:
            draft.rules.append(RESPONDED_ACT)
            own = _own_actor_words(t.token)
            taken |= {w.i for w in sent if w.i not in own}
        elif t.is_noun and syntax.suppressed_act(t.token):
            draft.rules.append(SUPPRESSED_ACT)
            own = _own_actor_words(t.token)
            taken |= {w.i for w in sent if w.i not in own}
        if material_noun or QUAD_CLASS[draft.etype].startswith("material"):
            taken |= _claimant_words(t)
        if t.is_noun:
            # "welcomed the release of the hostages": neither the freed nor who welcomes
            # the release freed them (triggers.praised_release_outsiders, r27a)
            taken |= praised_release_outsiders(t.token)
        if draft.etype in words("speaker_not_actor_types"):
            taken |= _reporting_speaker_words(t)
        if draft.etype in words("release_handover_types") and (handed := handed_over(t)) is not None:
            # "the engineers were handed over to the Red Cross": who received the freed
            # captives did not free them (r22b)
            taken |= {w.i for p in handed[0] for w in p.subtree}
        if not t.is_noun:
            # "Supporters of the mayor protested outside the court and police fired tear
            # gas": the subject of a clause conjoined after the act's own does the next
            # act, never this one (annotation guide section 6: the actor is who does the
            # act; section 5: a protest's actor is the protesters, the police's act is
            # the other event; the fresh user's trial, nineteenth round)
            taken |= syntax.next_clause_subjects(t.frame)
        if not t.is_noun and syntax.agentless_passive(t.frame):
            # "three ministers were suspended for remarks about X": whom the reason is about
            # did not do the act (syntax.reason_phrase_words)
            taken |= syntax.reason_phrase_words(t.frame)
        if material_noun:
            # "condemned the attack and called on the UN to act": whom the judge addresses
            # did not do the act judged (syntax.judge_clause_words); "NATO said it would help
            # Estonia investigate the attack": nor who says or helps that the judge judges
            # (syntax.stance_superiors)
            taken |= syntax.judge_clause_words(t.token)
            taken |= {s.i for s in syntax.stance_superiors(t.token)}
        rec_p: dict[int, float] = {}
        if likelier:
            cands, probs = self.argmodel.scores(sent, t.frame, draft.etype, state.tokens_of(sent), state.arg_scores)
            col = self.argmodel.classes.index("recipient")
            rec_p = {c.i: float(p) for c, p in zip(cands, probs[:, col])} if cands else {}
        for p, c in self.argmodel.rank(sent, t.frame, draft.etype, "actor", taken, state.tokens_of(sent),
                                       state.arg_scores):
            if likelier and p <= rec_p.get(c.i, 0.0):
                continue
            if venue_of_meeting(c):
                continue  # "at the Costa Rica meeting": where it was held
            if self.mentions.entities(c, sent, state, draft.etype):
                draft.rules.append("model:actor")
                return c
        return None

    def _learned_recipient(self, t: Trigger, sent: Span, state: StoryState, draft: EventDraft,
                           actor_tok: Token | None, recip_toks: list[Token],
                           partner_only: bool = False, exclude: set[int] = frozenset()) -> tuple[list[Token], list[Entity]]:
        """The argument model's recipient when the rules gave none that names an entity
        (rule ``model:recipient``): ``([token], entities)``, or the inputs and ``[]``.
        ``partner_only``: only a word that is a party to the meeting or agreement, not
        its topic (:func:`_meeting_partner`); ``exclude``: token indexes never taken (the
        words of a criticised act: its victims and place)."""
        taken = set(exclude) | {w.i for w in t.words} | syntax.one_participant([actor_tok], lists=False) \
            | _stance_takers(t, draft.etype, responders=False) | syntax.judged_words(stance_anchor(t)) \
            | joined_parties(actor_tok) | _source_words(t, sent) | state.dateline_words(sent) \
            | denied_participant(t)
        if t.is_noun and syntax.existential_verb(t.token) is not None:
            # "There were clashes near the town, a police official said": the speaker
            # reports the act and is not acted on (annotation guide section 6, claimed_by; r27k)
            taken |= _reporting_speaker_words(t)
        if actor_tok is not None:
            # the words of the actor's own phrase: "Turkey's army shelled ...": the
            # possessor names the army's country, not its target (a fresh-user trial,
            # fourteenth round: TUR attacked TUR)
            taken |= {w.i for w in syntax.phrase_span(actor_tok)}
        if not t.is_noun and syntax.agentless_cause_clause(t.frame):
            # "killed 33 militants after the train was hijacked": the main clause's
            # parties responded to the act; only the clause's own words may be its recipient
            inside = {w.i for w in t.frame.subtree}
            taken |= {w.i for w in sent if w.i not in inside}
        if PUNISHED_CRIME in draft.rules:
            # a punished crime's recipient is named by its own words only (its victims)
            own = syntax.punished_crime(t.token if t.is_noun else t.frame)
            if own is not None:
                taken |= {w.i for w in sent if w.i not in own[1]}
        taken |= self._outside_denial_words(t, sent, draft.etype)
        if t.is_noun and QUAD_CLASS[draft.etype] == "material_conflict":
            # "Belgrade condemned the raid as an act of aggression and called on KFOR to
            # protect the Serbian population": whom the judge's other clause names is no
            # party to the act judged, neither its doer (as for the actor) nor its target
            # (syntax.judge_clause_words; annotation guide section 2: a retelling takes the
            # parties its own words give; r28i, a fresh user's trial). Only the words of
            # what that clause asks or says others do (its xcomp, ccomp, advcl: "to protect the
            # Serbian population"): its own object may be the act's target again ("and
            # called the killing a crime against the FMLN"), and the train gold gave
            # three such recipients, lost when the whole clause was barred. Material
            # conflict only: "discussed U.S. security assistance and previewed budget
            # support for Ukraine, affirming ..." gave the AID a recipient the gold has not
            judge = syntax.judge_clause_words(t.token)
            clausal = ("xcomp", "ccomp", "advcl")  # the small parse hangs "to protect" as advcl
            taken |= {i for i in judge if any(a.dep_ in clausal and a.i in judge for a in sent.doc[i].ancestors)
                      or sent.doc[i].dep_ in clausal}
        # also a build-up an event rule renamed ("will send troops if the rebels attack" is
        # THREATEN: the troops are still the actor's own; twenty-eighth round)
        forces = draft.etype in words("force_object_types") or t.event_type in words("force_object_types")
        from ..places import is_locative, resolve_place
        actors = self.mentions.entities(actor_tok, sent, state) if actor_tok is not None else []
        taken |= self._own_speaker_words(t, sent, state, actors)
        for _, c in self.argmodel.rank(sent, t.frame, draft.etype, "recipient", taken, state.tokens_of(sent),
                                          state.arg_scores):
            if partner_only and not _meeting_partner(c, t):
                continue
            if fired_munition(t.frame, c):
                continue  # "three rockets were fired toward the town": what was fired (r26h)
            if c.dep_ == "pobj" and c.head.lower_ == "from" and c.head.head == t.frame \
                    and t.frame.lemma_.lower() in words("munition_launching_verbs"):
                continue  # "fired from southern Lebanon": where the fire came from, not its target (r26h)
            if actor_tok is not None and c.pos_ == "PRON" and c.i > t.frame.i and \
                    getattr(syntax.object_antecedent(c), "i", None) == actor_tok.i:
                continue  # "Rebels attacked the base and soldiers repelled them": the actor itself
            if forces and c.head == t.frame and c.dep_ in syntax.OBJ_DEPS or _own_agent(c):
                continue  # "deployed 400 police officers", "withdrew its troops": the actor's own
            if forces and _deployed_force(c, t):
                continue  # "the deployment of a joint force of 5,000 troops": the actor's own (r27o)
            if c.dep_ in syntax.OBJ_DEPS and c.head.dep_ == "xcomp" and c.head.head == t.frame and (
                    getattr(self.lex.verbs.get(c.head.lemma_.lower()), "event_type", None)
                    in words("force_object_types")
                    or c.lemma_.lower() in words("troop_nouns") | words("weapon_systems")):
                continue  # "threatened to deploy troops", "to send tanks": the force of the act threatened is the actor's
            c = self._attribute_party(c, sent, state, taken, actors,
                                      _evaluates(t, draft.etype) and c.i not in {w.i for w in t.words})
            if is_thing(c, draft.etype):
                # "rejected the results of the vote": the party the thing names, else none
                # (arguments.thing_party)
                c = thing_party(c)
                if c is None or c.i in taken:
                    continue
            a = _list_head(c)
            if c.ent_type_ in ("GPE", "LOC", "FAC") and a.dep_ == "pobj" and is_locative(a.head.lower_):
                continue  # "held talks in Tehran", "in Havana, Cuba": the event's place (issue 17)
            if c.pos_ == "PROPN" and c.dep_ == "poss" and c.head.dep_ == "pobj" and \
                    (c.head.pos_ == "PROPN" or c.head.ent_type_ in ("FAC", "LOC")) and is_locative(c.head.head.lower_) \
                    and (c.ent_type_ in ("GPE", "LOC") or resolve_place(c.text).feature != "other"):
                # "rallied in Sanaa's Tahrir Square": the city of a named place where it
                # happened, not its target (annotation guide section 6: a place goes in
                # location_text; "outside Russia's embassy" keeps Russia; a city the
                # small parse takes for a person, "Sanaa's", by the gazetteer; r29k)
                continue
            if venue_of_meeting(c):
                continue  # "at the Geneva meeting": where it was held
            if self._place_before_act(t, c, sent, state, draft.etype):
                continue  # "the Garissa attack": where it happened (r27g)
            if c.lemma_.lower() in words("fire_exchanged") and \
                    t.token.lemma_.lower() in words("two_sided_fight_words"):
                continue  # "exchanged artillery fire": what the sides exchange (r26n)
            if c.dep_ == "pobj" and c.head.lower_ == "as" and c.head.head == t.frame:
                # "resigned as prime minister", "served as envoy": the actor's own role,
                # never the other side (annotation guide section 6; the train gold gives
                # none of its resignations "as" a recipient; a fresh user's trial,
                # nineteenth round)
                continue
            got = self.mentions.entities(c, sent, state)
            if got:
                draft.rules.append("model:recipient")
                return [c], got
        return recip_toks, []

    def _outside_denial_words(self, t: Trigger, sent: Span, etype: str) -> set[int]:
        """Token indexes of ``sent`` outside the clause of a denial verb (REJECT on a
        words.yaml ``charge_denial_words`` verb: "The front claimed the attack, but
        Pakistan denied any role"), less the subjects of accusing clauses ("India blamed
        Pakistan, which denied it": India), and when the denial's object is a claim noun
        (words.yaml ``claim_nouns``: "denied the accusation", made by whoever told it,
        whatever the verb) less every clause's subject: a denial is directed at its accuser, or at
        none, never at a party another clause names for another act (annotation guide
        sections 5 and 6; the corpus train split: "THE AUTHORITIES ATTRIBUTED ... THE
        GUERRILLA ORGANIZATION DENIED THE ACCUSATION" has the authorities as recipient).
        Empty for any other trigger. r27p, a fresh user's trial."""
        v = t.frame
        if etype != "REJECT" or t.is_noun or v.lemma_.lower() not in words("charge_denial_words"):
            return set()
        # "the authorities attributed it to the front, but the front denied the accusation":
        # a denied claim noun points at its maker, the subject of whatever verb told it
        claim = any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in words("claim_nouns") for c in v.children)
        inside = {w.i for w in v.subtree}
        out = {w.i for w in sent if w.i not in inside}
        for w in sent:
            if w.i in inside or w.pos_ not in ("VERB", "AUX"):
                continue
            entry = self.lex.verbs.get(w.lemma_.lower())
            if claim or w.lemma_.lower() in words("charge_verbs") or getattr(entry, "event_type", None) == "ACCUSE":
                subj = syntax.subject(w)
                if subj is not None:
                    out -= {x.i for x in syntax.phrase_span(subj)}
        return out

    def _not_place(self, t: Trigger, sent: Span, state: StoryState, draft: EventDraft,
                   actor_tok: Token | None, recip_toks: list[Token]) -> tuple[Token | None, list[Token]]:
        """``(actor_tok, recip_toks)`` with no parse actor that is the act noun's place
        (:meth:`_place_before_act`: "the Garissa attack"); then :data:`PLACE_OF_ACT` is
        noted and no actor is learned either (:meth:`_learned_actor`: "joined an inquiry
        into the Janakpur bombing" is no bombing by the inquirer). r27g."""
        if actor_tok is not None and self._place_before_act(t, actor_tok, sent, state, draft.etype):
            draft.rules.append(PLACE_OF_ACT)
            return None, recip_toks
        return actor_tok, recip_toks

    def _place_before_act(self, t: Trigger, tok: Token, sent: Span, state: StoryState, etype: str) -> bool:
        """True when ``tok`` is a proper noun that the gazetteer knows as a town, district or
        site (not a country: ``tidings.places.resolve_place``) and that modifies the
        material act noun ``t`` ("the Garissa attack", "the Kupwara attack", "the
        Srebrenica genocide") and names no state as a whole, nationality or known
        party: it tells where the act happened, not who did it (annotation guide
        sections 6 and 11.1: the place of an event is its location, no party; the corpus
        train split: "the Kabul attack" ASSAULT with no actor, "the Srebrenica genocide"
        no actor). A state's name or nationality there ("the Israeli strikes", "the
        U.S. strikes", "the Somalia attack") is left to the other rules. A fresh user's
        trial, twenty-seventh round (r27g: "Kupwara" was the attack's actor)."""
        if not t.is_noun or not QUAD_CLASS.get(etype, "").startswith("material") or tok.head != t.token \
                or tok.dep_ not in ("compound", "nmod", "amod") or tok.pos_ != "PROPN" \
                or tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in table("month_numbers") \
                or tok.lower_ in table("weekday_numbers"):
            return False  # "the March 4 tests", "THE MARCH 1980 ASSASSINATION": a date
        from ..places import resolve_place
        ents = self.mentions.entities(tok, sent, state, etype)
        if any(e.how in _NAMED or e.igo for e in ents):
            return False
        words_ = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i] + [tok]
        return resolve_place(" ".join(w.text for w in words_)).feature not in ("other", "country")

    def _own_speaker_words(self, t: Trigger, sent: Span, state: StoryState, actors: list[Entity]) -> set[int]:
        """Token indexes of the speaker of the reporting clause over ``t`` (its
        ``claimed_by`` phrase) when the speaker is of an actor's country: "If the attacks
        continue, Kenya will respond with full force, the interior minister warned" (the
        minister speaks for Kenya, and is not whom Kenya threatens), "Uganda will reopen
        the border, its minister said". Such a speaker is never the argument model's
        recipient; a speaker of another country may be ("the Thai government said China
        had asked it to ...", the train gold). Empty when the act has no claimant, no
        actor with a country, or a claimant of no actor's country. Rule: annotation guide
        section 6 (claimed_by is who asserts the act; no participant is on both sides of
        one event); the train gold has no recipient that is its own claimant of the
        actor's country. A fresh user's trial, twenty-seventh round (r27g: an IND-IND
        THREATEN)."""
        if t.claimed_by is None:
            return set()
        own = {a.country for a in actors if a.country}
        said = self.mentions.entities(t.claimed_by, sent, state)
        if not own or not any(c.country in own for c in said):
            return set()
        return {w.i for w in syntax.phrase_span(t.claimed_by)}

    def _attribute_party(self, r: Token, sent: Span, state: StoryState, taken: set[int],
                         actors: list[Entity] = (), owner_first: bool = False) -> Token:
        """The recipient word for ``r``: when ``r`` is a quality or stance
        (:func:`syntax.attribute_parties`), the first of its parties that names an entity
        and is not the actor's side (``taken``: token indices; ``actors``: a party all of
        whose entities have an actor's country or IGO, "expressed its concern", is the
        actor's own stance); else ``r``. ``owner_first``: the quality's named possessor
        is tried before whom it is towards (an evaluated act: "praised Poland's support
        for Kyiv" is Poland; :func:`syntax.attribute_parties`)."""
        own = {(a.country, a.igo) for a in actors if a.country or a.igo}
        for p in syntax.attribute_parties(r, owner_first=owner_first):
            got = self.mentions.entities(p, sent, state) if p.i not in taken else []
            if owner_first and not any(e.country or e.igo for e in got):
                continue  # "praised his government's support for X": whose it is, unknown
            if got and not all((e.country, e.igo) in own for e in got):
                return p
        return r

    def _remember_place(self, t: Trigger, sent: Span, si: int, state: StoryState, etype: str,
                        actors: list[Entity], recips: list[Entity], arg_toks: list[Token]) -> None:
        """What :meth:`record` teaches the story's memory, without the record: the
        country of the event's place becomes the story's latest located country
        (``state.place_country``), as :meth:`_complete_countries` sets it."""
        stext, start, _ = _evidence(sent, state)
        loc = self._location(t, sent, si, state, etype, stext, start, actors, recips, arg_toks)
        if loc is not None and loc.country:
            state.place_country = loc.country

    def _location(self, t: Trigger, sent: Span, si: int, state: StoryState, etype: str, stext: str, start: int,
                  actors: list[Entity], recips: list[Entity], arg_toks: list[Token],
                  visit: bool = False) -> Place | None:
        """The event's place (:func:`tidings.places.event_location`), in the story's
        country when the gazetteer does not know it; None when the sentence names none.
        ``etype``: the event's type (a place name modifying its noun stays a place:
        :func:`_names_whose`); ``stext``/``start``: the evidence sentence and its offset
        (:func:`_evidence`); ``visit``: the event is a visit, whose recipient named as a
        place is where it happened when the sentence names no other place ("visited
        Tokyo", "will travel to Lusaka": the annotation guide's "the place visited")."""
        trig_char = t.token.idx - start
        self.guessed_place = None
        sents_ents = _sentence_ents(sent, state)
        # mentions used as actors or recipients are never the event's place ("urged Russia")
        # (with their appositions: "an embargo on a fellow Gulf state, Qatar")
        arg_words = {w.i for a in arg_toks for w in [a, *a.conjuncts, *(c for c in a.children if c.dep_ == "appos")]}
        actor_spans = [(tok.idx - start, tok.idx - start + len(tok.text)) for tok in state.tokens_of(sent)
                       if tok.ent_type_ and (tok.dep_ in SUBJ_DEPS or tok.head.dep_ in SUBJ_DEPS or tok.i in arg_words)]
        actor_spans += [(e.start_char - start, e.end_char - start) for e in sents_ents
                        if _names_whose(e, t, etype, self.lex) or _names_party(e)]
        # a name standing for the party a word is addressed to or comes from ("a protest to
        # Uganda", "pressure from Moscow"), also one the NER calls no place
        actor_spans += [(tok.idx - start, tok.idx - start + len(tok.text)) for tok in state.tokens_of(sent)
                        if tok.pos_ == "PROPN" and _party_object(tok)]
        # another mention of an actor's or recipient's name is no place either, unless a
        # locative preposition makes it one ("ten questions to France" for a request to
        # France; but "talks with Iran in Iran" keeps the second)
        arg_names = {e.text.lower() for e in actors + recips if e.text}
        if arg_names:
            from ..places import LOCATIVE_WEIGHT, preposition_weight
            actor_spans += [(e.start_char - start, e.end_char - start) for e in sents_ents
                            if e.text.lower() in arg_names
                            and preposition_weight(stext, e.start_char - start) < LOCATIVE_WEIGHT]
        # a place under a home participle of a noun ("networks based in Cote d'Ivoire",
        # "a firm headquartered in Dubai") is that party's home, not where the act happened
        # (words.yaml party_home_participles)
        actor_spans += [(p.idx - start, p.right_edge.idx - start + len(p.right_edge.text))
                        for tok in state.tokens_of(sent)
                        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.i != t.token.i
                        and tok.lower_ in words("party_home_participles")
                        for p in tok.children if p.dep_ == "prep" and p.lower_ in ("in", "at")]
        if t.is_noun and QUAD_CLASS[etype].startswith("material"):
            # "The government in Bamako condemned the attack": where whoever takes a
            # stance towards the act is, is not where the act happened
            actor_spans += [(w.idx - start, w.idx - start + len(w.text))
                            for s_ in syntax.stance_takers(stance_anchor(t)) for w in s_.subtree]
        place_ents = [(e.start_char - start, e.end_char - start, e.label_) for e in sents_ents
                      if e.label_ in ("GPE", "LOC", "FAC")]
        if etype in words("place_target_types"):
            place_ents += self._org_place_ents(t, sent, state, sents_ents, start)
        # each joined clause's act takes its own place when its clause names one
        # (_other_clause_spans; annotation guide section 7)
        loc = _event_location(stext, place_ents, trig_char, actor_spans + _other_clause_spans(t, sent, start, place_ents),
                              [e.country for e in actors + recips if e.country], syntax.dateline_end(stext) if si == 0 else 0)
        if etype in words("place_target_types"):
            # "fired rockets from Lebanon at northern Israel", "militants in Gaza fired
            # into southern Israel": the region of a country the fire was aimed at is
            # where it landed, whatever other country the sentence places its shooters
            # in (a place inside that region's country stays: it says more)
            parts = [r for r in recips if r.how == "country name" and r.country and r.text
                     and _country_part(r.text)]
            if parts and (loc is None or loc.country != parts[0].country):
                loc = _visited_place(stext, place_ents, parts, any_name=True) or loc
        if loc is None and visit:
            # a city visited is the place visited even when the NER calls it no place
            # ("visited Tbilisi" read as a person), and so is "the city of X" visited
            loc = _visited_place(stext, place_ents, recips) or _visited_place(
                stext, place_ents, _place_named(recips), any_name=True)
        elif loc is None and etype in words("place_target_types"):
            # "Russian forces shelled Kherson": the attacked city is where it happened
            # (annotation guide, section 6: "rockets hit Kharkiv" is a place)
            # (a capital too: "drones at Kyiv", "shelled Kyiv" name the city attacked, not
            # the government the name stands for elsewhere; "shelled the Ukrainian city
            # of Kharkiv" too)
            loc = _visited_place(stext, place_ents, _place_named(recips), any_name=True)
        if loc is not None and loc.country is not None and _with_article(stext, loc.text):
            # "in the Duma", "outside the Knesset": a seat of power named with the article
            # is the institution, in its state, not a town of the same name in another
            # state (Duma, Syria); a town takes no article ("shelling of Duma")
            seat = self.mentions.seat_country(loc.text, legislatures=True)
            if seat and seat != loc.country:
                loc = Place(text=loc.text, name=loc.text, country=seat)
        if loc is not None and loc.country is None:
            # a seat of power the gazetteer does not hold ("at the White House", "in the
            # Oval Office", "at the Kremlin") lies in its state (``countries.tsv`` seats)
            seat = self.mentions.seat_country(loc.text)
            if seat:
                loc = replace(loc, country=seat)
        from ..places import world_region

        if loc is not None and loc.country is None and _owned_place(stext, loc.text, actors, recips):
            # "fired missiles into the sea off its east coast", "North Korea's east
            # coast": a place owned by the actor is in the actor's country, not the
            # story's (words.yaml place_owner_pronouns)
            own = next((a.country for a in actors if a.country), None)
            if own:
                loc = replace(loc, country=own)
        if loc is not None and loc.country is None and not world_region(loc.text):
            # a place the gazetteer does not know ("a coastal path in West Wales", "River
            # North") is most often in the country the story is about; a sea, gulf or
            # strait, a continent or world region lies in none (tidings.places.world_region)
            home = self.mentions.home_country(sent.doc, state)
            if home:
                loc = replace(loc, country=home)
                self.guessed_place = loc
        if loc is not None and loc.country is not None:
            # one name is one place in a story: a later mention of a name takes the
            # place its first was resolved to, whatever the later event's parties
            # ("Hamilton" of New Zealand for the arrest, not Canada's Hamilton for the march)
            key = loc.text.lower()
            first = state.places.setdefault(key, loc)
            if first is not loc and first != loc:
                loc = replace(first, text=loc.text)
        return loc

    def _org_place_ents(self, t: Trigger, sent: Span, state: StoryState, sents_ents: list,
                        start: int) -> list[tuple[int, int, str]]:
        """Place candidates ``(start, end, "LOC")`` (offsets in the evidence sentence that
        starts at ``start``) of names the recogniser calls organisations, in the clause
        of ``t``: the object of a ``words.yaml`` ``attack_place_org_preps`` preposition
        ("shelled the area around Kfar Kila") in ``t.frame``'s words, capitalised, that
        the knowledge base resolves to no party (a known organisation is an actor, never
        a place). For attacks, arrests and mobilisations (place_target_types; annotation
        guide section 7). A fresh user's trial, r26v."""
        own = {w.i for w in t.frame.subtree}
        preps = words("attack_place_org_preps")
        out = []
        for e in sents_ents:
            r = e.root
            if e.label_ != "ORG" or not e.text[:1].isupper() or r.i not in own or r.dep_ != "pobj" \
                    or r.head.lower_ not in preps:
                continue
            if self.mentions.entities(r, sent, state):
                continue
            out.append((e.start_char - start, e.end_char - start, "LOC"))
        return out

    def place_features(self, loc: Place, t: Trigger, sent: Span, si: int, state: StoryState, etype: str,
                       stext: str, start: int, parties: list[Entity]) -> list[str] | None:
        """The place filter's features (:func:`tidings.coding.locmodel.features`) of the
        rule-chosen place ``loc`` of ``t``'s event; None when its words are not found."""
        from ..places import preposition_weight
        from .locmodel import features, place_head, span_of

        place_ents = [(e.start_char - start, e.end_char - start, e.label_) for e in _sentence_ents(sent, state)
                      if e.label_ in ("GPE", "LOC", "FAC")]
        span = span_of(stext, loc.text, place_ents)
        head = place_head(state.tokens_of(sent), span[0] + start, span[1] + start) if span else None
        if head is None:
            return None
        return features(head, t.frame, etype, preposition_weight(stext, span[0]), loc.feature,
                        loc.country, {e.country for e in parties if e.country}, state.position == 0)

    def record(self, t: Trigger, sent: Span, si: int, state: StoryState, etype: str, mode: str | None,
               aux: list[str], parties: tuple[list[Entity], list[Entity], list[Entity]], conf: float,
               arg_toks: list[Token], rules: list[str]) -> Event:
        """The :class:`Event` record: evidence sentence and span, date, place, and the
        actors' and recipients' countries completed from the place or the story."""
        actors, recips, claimed = parties
        story = state.story
        stext, start, end = _evidence(sent, state)
        trig_char = t.token.idx - start
        tense = "future" if "future" in t.aux else ("past" if t.frame.tag_ in ("VBD", "VBN") else "present")
        if tense == "past" and meeting_host_tense(t.frame) == "future":
            tense = "future"  # "will join a panel hosted by X on Thursday": the panel lies ahead (r28e)
        date_spans = [e for e in _sentence_ents(sent, state) if e.label_ in ("DATE", "TIME")]
        date_ents = [(e.start_char - start, e.end_char - start) for e in date_spans]
        scheduled = state.scheduled_of(sent, start)
        date = _event_date(stext, story.pub_date, tense, date_ents, trig_char,
                           QUAD_CLASS[etype].startswith("material"), content_clause_spans(t.token, start),
                           scheduled, participle_clause_spans(date_spans, t.token, start)
                           + compared_since_spans(date_spans, t.token, start)
                           + participle_circumstance_spans(date_spans, t.token, start)
                           + (() if QUAD_CLASS[etype].startswith("material") else _object_modifier_dates(t.token, start, date_spans)),
                           _own_phrase(t.token, start, date_spans),
                           noun_participle_spans(date_spans, t.token, start),
                           noun_deadline_spans(date_spans, start),
                           earlier_clause_span(t.token, start))
        if etype in words("dated_when_said") and "future" not in aux and date.source == "sentence" \
                and not _same_later_clause(stext, trig_char, date.text, scheduled) \
                and story.pub_date and len(story.pub_date) == 10 and date.start > story.pub_date:
            # "X said Germany would send troops next year": a promise, demand or threat
            # was made by the time of publication; the phrase dates the act it is about.
            # Not when the act itself is still to come ("she will travel there on April 26
            # to urge reforms": the urging is on April 26; eighteenth round)
            date = EventDate(start=story.pub_date, end=story.pub_date, granularity="story", text=None,
                             source="publication")
        visit = etype == "CONSULT" and mode == "visit"
        loc = self._location(t, sent, si, state, etype, stext, start, actors, recips, arg_toks, visit)
        if loc is not None and any(r.text == loc.text for r in recips):
            if visit:
                rules = [*rules, VISITED_PLACE]
            elif etype in words("place_target_types"):
                rules = [*rules, ATTACKED_PLACE]
        # a visitor is not of the country visited ("The president visited Tokyo"); the
        # subject of a host verb is the host, who is ("The president received the
        # Armenian delegation in Baku": AZE, then the recipient below; r24l)
        hosting = visit and _hosts_a_guest(t, self.lex)
        actors, recips = self._complete_countries(actors, recips, loc, sent, state,
                                                  place_fills_actors=not visit or hosting,
                                                  target_type=etype in words("place_target_types"))
        recips, rules = _swapped_of_the_sides(t, etype, actors, recips, rules)
        if visit and not hosting and loc is not None and loc.country:
            actors = [replace(a, country=None, how="title" if a.sector else "unknown person")
                      if a.how in ("story country", "event place") and a.country == loc.country else a
                      for a in actors]
        if _guest_is_actor(etype, mode, actors, recips, loc, t, sent) or _host_verb(etype, mode, actors, recips, t, self.lex) \
                or _hosted_guest(etype, mode, actors, recips, t, self.lex):
            # "Blinken met with the Angolan foreign minister in Washington", "President X hosted
            # Prime Minister Y": the guest travelled: the guest is the actor, the host the recipient
            actors, recips, mode = recips, actors, "visit"
            rules = [*rules, "structure:host-is-recipient"]
        two_sided = t.token.lemma_.lower() in words("two_sided_fight_words") and \
            len({a.country for a in actors if a.country}) >= 2
        if not recips and loc is not None and loc.country and (
                etype in words("place_target_types") and loc.feature not in words("place_party_features")
                and not two_sided and not _owned_place(stext, loc.text, actors, recips)
                and not _common_shore(loc.text)
                and not (self.guessed_place is loc and loc.country in {a.country for a in actors})
                or (etype == "CONSULT" and mode == "visit")
                or (etype == "AID" and t.frame.lemma_.lower() in words("arrival_verbs"))):
            # an attack, curfew or protest "in Ukraine", a visit "to Amman": with no
            # named target, the place's country stands in for those on the receiving end
            # (words.yaml place_target_types says why; a visit's host: annotation
            # guide, section 6); a city or province ("a hotel in Kabul") is only where
            # it happened (words.yaml place_party_features). Actors of two or more
            # countries of a fight word (two_sided_fight_words) are both sides ("Pakistani and Indian troops
            # exchanged fire along the Line of Control"): annotation guide section 3
            # codes both as actors and no recipient, so no place stands in (r25r). A
            # coast or sea named by a common noun ("off the east coast": words.yaml
            # shore_nouns) names no country acted on, and a place the gazetteer does not
            # know, given the story's country, stands in for no one when that is the
            # actor's own country ("Israeli artillery shelled the area around Kfar Kila"
            # in a story filed from Jerusalem: ISR on ISR); r26v. Advisers who "arrived in
            # Bamako" (AID, words.yaml arrival_verbs) have the place's state as host (r28p)
            recips = [Entity(text=loc.text, name=loc.name, country=loc.country, how="event place")]
        if two_sided and not any(r.country for r in recips):
            rules = [*rules, TWO_SIDED_FIGHT]
        eid = make_event_id(story.id, state.text_hash, si, etype, t.token.idx, PIPELINE_VERSION)
        named = loc.text if loc is not None else None
        if loc is not None and (self.locmodel is not None or self.place_log is not None):
            # the learned place filter: the rule-chosen place is reported only when the
            # model finds it where the event happened (its country above still served)
            feats = self.place_features(loc, t, sent, si, state, etype, stext, start, actors + recips)
            if self.place_log is not None and feats is not None:
                self.place_log[eid] = feats
            if self.locmodel is not None and feats is not None and not self.locmodel.keep(feats):
                loc = None
                rules = [*rules, "model:no-place"]
        trigger_words = sorted(t.words, key=lambda w: w.i)
        trigger = " ".join(w.text for w in trigger_words)
        if state.case_restored(sent.doc):
            # the record's texts as the story writes them: an upper-case story is parsed
            # with its case restored, at the same offsets (annotation guide, section 9:
            # spans are copied as written; StoryState.as_written)
            def written(x: str | None) -> str | None:
                return state.as_written(x, start, end)

            actors, recips, claimed = ([e if written(e.text) == e.text else replace(e, text=written(e.text))
                                        for e in ents] for ents in (actors, recips, claimed))
            if loc is not None and written(loc.text) != loc.text:
                # an unknown place's name is its text (tidings.places.resolve_place)
                loc = replace(loc, text=written(loc.text),
                              name=written(loc.text) if loc.name == loc.text else loc.name)
            trigger = " ".join(story.text[w.idx:w.idx + len(w.text)] for w in trigger_words)
        return Event(
            event_id=eid, story_id=story.id, sentence_index=si, sentence=stext,
            evidence_span=(start, end), trigger=trigger,
            event_type=etype, mode=mode, contexts=list(t.lexeme.contexts), aux_modes=list(aux), actor=actors,
            recipient=recips, date=date, location=loc, quad_class=QUAD_CLASS[etype], confidence=conf,
            cameo=t.lexeme.cameo if etype == t.lexeme.event_type else table("default_cameo").get(etype),
            claimed_by=claimed, rules=list(dict.fromkeys(rules)), named_place=named,
        )

    def _complete_countries(self, actors: list[Entity], recips: list[Entity], loc: Place | None, sent: Span,
                            state: StoryState, place_fills_actors: bool = True,
                            target_type: bool = False) -> tuple[list[Entity], list[Entity]]:
        """Countries for actors and recipients named without one, in this order:
        government actors of a statement (a story with a voice) belong to the party it
        speaks for; domestic actors ("a court", "protesters") to the country of the
        event's place, unless the story names that country only there and is about
        another (then the story's country); in a sentence that names no place, to the
        story's country, and only when the story is about no one country to the country
        of its last located event;
        roles ("the authorities") to the country the story is about. The order and the
        conditions were chosen on the corpus dev split and checked on train.
        ``place_fills_actors`` False (a visit): the event's place gives the recipients
        their country, not the actors (a visitor is not of the country visited).
        ``target_type`` True (an attack, arrest, protest or mobilisation,
        ``place_target_types``) with a place that is a country by name ("gunmen attacked
        a church in northern Burkina Faso" in a story about China): the country named is
        where the domestic actors act, not a gazetteer's guess or a venue abroad, so the
        story's country does not override it."""
        def fill(ents: list[Entity], country: str, ok, how: str) -> list[Entity]:
            # (a party named by its relation to a state, "Russia's neighbours", is none of
            # the story's: Mentions._others_of_owner; nor a description whose earlier
            # mentions disagree: Mentions._agent_antecedent; nor "the enemies", a
            # generic foe: words.yaml generic_hostile_nouns)
            return [replace(e, country=country, how=how) if e.country is None and e.igo is None and ok(e)
                    and e.how not in ("other party", "ambiguous antecedent", "generic party", "unknown sides")
                    and not _stateless(e) and not _several_states(e) else e
                    for e in ents]

        actors = _government_of_its_rebels(actors)
        voice_sectors = words("voice_sectors")
        own = lambda e: (e.sector in voice_sectors or (  # noqa: E731
            e.how in ("unknown person", "pronoun") and e.sector is None)) and not _not_voice(e)
        if any(e.country is None and e.igo is None and own(e) for e in actors):
            # a statement's or readout's officials named by title alone ("the Deputy
            # Assistant to the President", "He"), or by a name the knowledge base does
            # not hold ("Counselor Chollet will meet ... in Kyiv"), act for the party it
            # speaks for; as recipients they are the other side, so they keep the story's
            # country
            voice = self.mentions.voice(sent.doc, state)
            if voice is not None and voice.country:
                actors = fill(actors, voice.country, own, "story voice")
                if voice.sector in voice_sectors:
                    # a person the knowledge base does not hold who acts in a
                    # government's statement ("Counselor X will travel to ...") is one of
                    # its officials
                    actors = [replace(e, sector=voice.sector) if e.how == "story voice" and e.sector is None
                              else e for e in actors]
        ok_here = lambda e: (e.sector not in (None, "IGO", "NGO") or e.how == "unknown person") \
            and not syntax.is_weapon(e)  # noqa: E731
        if loc is not None and loc.country:
            home = self.mentions.home_country(sent.doc, state)
            named_country = target_type and loc.feature == "country"
            if home and home != loc.country and not named_country and state.country_counts.get(loc.country, 0) <= 1 \
                    and state.country_sents.get(home, set()) - {sent.start}:
                # a place whose country the story names nowhere else ("talks held in
                # Caracas" in a Salvadoran story; a village the gazetteer puts in
                # Mexico) says less about whose the domestic actors are than the story,
                # when the story names its own country in other sentences too
                actors = fill(actors, home, ok_here, "story country")
                if not (target_type and home in {a.country for a in actors if a.sector in ("MIL", "GOV")
                                                 and a.how in ("country name", "nationality word")}):
                    # the targets of an attack by the story's own state's forces, named
                    # by the state ("WASHINGTON - U.S. forces struck radar sites and a
                    # depot near Hodeidah"), are where it struck, not its own (guide 6;
                    # fresh29e kind 1, r29h). Not rebels the knowledge base holds ("FMLN
                    # forces attacked enemy positions in Los Santos": the train gold
                    # keeps the story's SLV over a gazetteer's guess)
                    recips = fill(recips, home, ok_here, "story country")
        if loc is not None and loc.country:
            if place_fills_actors:
                actors = fill(actors, loc.country, ok_here, "event place")
            recips = fill(recips, loc.country, ok_here, "event place")
            state.place_country = loc.country
        elif state.place_country and not self.mentions.home_country(sent.doc, state):
            # a sentence that names no place: the country the story is about, when it has
            # one (below), says more than the place of its last located event (train: actor
            # country 0.800 -> 0.803, recipient 0.740 -> 0.747; dev the same)
            ok = lambda e: e.sector in words("domestic_sectors") or e.how == "unknown person"  # noqa: E731
            actors = fill(actors, state.place_country, ok, "event place")
            recips = fill(recips, state.place_country, ok, "event place")
        home_sectors = words("home_sectors")
        if any(e.country is None and e.igo is None and (e.sector in home_sectors or e.how == "unknown person")
               for e in actors + recips):
            # a story filed under another country's dateline: the one country the
            # sentence names is where its home nouns act (Mentions.sentence_country)
            home = self.mentions.sentence_country(sent, state) or self.mentions.home_country(sent.doc, state)
            if home:
                ok = lambda e: (e.sector in home_sectors or e.how == "unknown person") \
                    and not syntax.is_weapon(e)  # noqa: E731
                actors, recips = fill(actors, home, ok, "story country"), fill(recips, home, ok, "story country")
        return actors, recips


def _not_exchanged(t: Trigger, recips: list[Token]) -> list[Token]:
    """``recips`` without what the sides of a fight exchange ("the two armies exchanged
    artillery fire": a word of words.yaml ``fire_exchanged`` under a trigger of
    ``two_sided_fight_words``), which is no one on the receiving end (r26n)."""
    if t.token.lemma_.lower() not in words("two_sided_fight_words"):
        return recips
    return [r for r in recips if r.lemma_.lower() not in words("fire_exchanged")]


def _no_munition_actor(parties: tuple[Token | None, list[Token]],
                       draft: EventDraft) -> tuple[Token | None, list[Token]]:
    """The parse's ``(actor token, recipient tokens)``, with no actor when the actor
    heads a munition with no owner (``syntax.ownerless_munition``: "shells fell on a
    camp", "artillery rounds hit positions"), which then also marks ``draft`` with
    MUNITION_NO_ACTOR so that no actor is learned from another clause (annotation guide
    section 5: leave the actor empty rather than guess; r25n)."""
    tok, recips = parties
    if not syntax.ownerless_munition(tok):
        return tok, recips
    draft.rules.append(MUNITION_NO_ACTOR)
    return None, recips


def _crime_parties(t: Trigger, draft: EventDraft, actor_tok: Token | None,
                   recip_toks: list[Token]) -> tuple[Token | None, list[Token]]:
    """The actor and recipient words of a material act ``t`` after the parse rules gave
    ``actor_tok`` and ``recip_toks``: a crime a punitive act punishes has the accused as
    actor and only its own words as recipients (:data:`PUNISHED_CRIME`,
    ``syntax.punished_crime``); the victims a relative clause on the act noun names are
    its recipients, never its actor (:data:`RELATIVE_VICTIM`,
    ``syntax.relative_clause_victims``). Notes the rule in ``draft.rules``; any other
    act's words are returned as they came. Rule: annotation guide section 6 (actor = who
    does the act; recipient = whom it befalls); the train gold ("arrested and sentenced
    ... for the murder of several policemen": the accused as actor); r26t."""
    if QUAD_CLASS.get(draft.etype, "").startswith("material") and \
            (punished := syntax.punished_crime(t.token if t.is_noun else t.frame)) is not None:
        # "sanctioned three commanders over the killings": the accused did the crime,
        # its own words name whom it befell, the punishing side is neither
        accused, own = punished
        if accused is not None or actor_tok is None or actor_tok.i not in own:
            actor_tok = accused  # (its own words name a place at most: "over El Geneina killings")
        recip_toks = [r for r in recip_toks if r.i in own and (actor_tok is None or r.i != actor_tok.i)]
        draft.rules.append(PUNISHED_CRIME)
    if t.is_noun and QUAD_CLASS.get(draft.etype, "").startswith("material") and \
            (victims := syntax.relative_clause_victims(t.token)):
        # "the border clash that killed four soldiers": the soldiers suffered it
        gone = {w.i for v in victims for w in v.subtree}
        if actor_tok is not None and actor_tok.i in gone:
            actor_tok = None
        recip_toks = list({r.i: r for r in [*recip_toks, *victims]}.values())
        draft.rules.append(RELATIVE_VICTIM)
    return actor_tok, recip_toks


def _own_actor_words(n: Token) -> set[int]:
    """The indices of the words that may name the actor of the act noun ``n`` named in a
    phrase of cause or purpose (``syntax.responded_to``): the noun itself, its naming
    modifiers ("DPRK missile tests", "Russian shelling"), its possessor, its "by" phrase
    (its participle's: "the stoppage decreed by the rebels"), its "with" or "between"
    phrase (the sides of "a clash with the battalion"), and its "of" phrase only when the noun is a mover's act (words.yaml
    ``own_mover_act_nouns``: "the entry of North Korean soldiers"); never the "of"
    object of any other act noun, which is whom the act befell ("the bombing of a
    French military base", "the arrest of a journalist"). Rule: annotation guide
    section 6 (the actor is who does the act); r24f's narrowing, r24j."""
    own = {n.i}
    mover = n.lemma_.lower() in words("own_mover_act_nouns")
    for c in n.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < n.i:
            own |= {w.i for w in c.subtree}
        elif c.dep_ in ("prep", "agent") and (c.lower_ in ("by", "with", "between") or (mover and c.lower_ == "of")):
            # "a clash with the battalion", "fighting between X and Y": the other side
            own |= {w.i for w in c.subtree}
        elif c.dep_ in ("acl", "relcl") and c.tag_ == "VBN":
            # "the stoppage decreed by the insurgents": the participle's by-phrase
            own |= {w.i for a in c.children if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ == "by")
                    for w in a.subtree}
    return own


def _evaluates(t: Trigger, etype: str) -> bool:
    """True when ``t`` coded as ``etype`` judges another party's act: a praise or
    criticism type (words.yaml ``evaluated_owner_types``) whose frame or trigger words
    include an evaluating word (``evaluating_words``: "praised", "condemned", "expressed
    appreciation"), not a restated stance ("reaffirmed the United States' support").
    Then the act's named owner is the recipient (rule ``structure:evaluated-act-is-its-owners``)."""
    if etype not in words("evaluated_owner_types"):
        return False
    judging = words("evaluating_words")
    return any(w.lemma_.lower() in judging or w.lower_ in judging for w in (t.frame, *t.words))


#: An event one of whose parties took the country another event of the same sentence
#: gave the same mention (:func:`one_party_per_mention`; r26q).
ONE_PARTY_PER_MENTION = "structure:one-party-per-mention"
#: The ways a party's country is filled in from the story or the place
#: (:meth:`EventMaker._complete_countries`), the surer first. Not "story voice": a
#: statement's voice fills its own officials as actors only, so an actor and a
#: recipient of the same words may differ (train: "thanked the Crown Prince").
_FILL_HOWS = ("story country", "event place")


def one_party_per_mention(events: list[Event]) -> list[Event]:
    """The events of one sentence, in order, with every mention (an actor or recipient
    of the same words) that :meth:`EventMaker._complete_countries` gave different
    countries in different events, in the same role, given one: the story's country
    over the event's place (the earlier event first on a tie; a statement's voice,
    which fills its officials as actors only, is left alone). "A Seoul court sentenced two activists ... for flying leaflets
    toward North Korea" is a conviction (SANCTION, the story's KOR) and a jailing
    (COERCE, which the place fills: PRK); the activists are one party, KOR in both.
    Changed events name ``structure:one-party-per-mention`` in ``rules``; the events
    are changed in place and returned. Rule: annotation guide section 6 (an actor or
    recipient is the entity the mention refers to: one mention, one entity); r26q, a
    fresh user's trial."""
    best: dict[tuple[str, str], Entity] = {}
    conflict: set[tuple[str, str]] = set()
    for ev in events:
        for role, ents in (("actor", ev.actor), ("recipient", ev.recipient)):
            for e in ents:
                if e.how not in _FILL_HOWS or not e.country:
                    continue
                k = (role, e.text)
                cur = best.get(k)
                if cur is not None and cur.country != e.country:
                    conflict.add(k)
                if cur is None or _FILL_HOWS.index(e.how) < _FILL_HOWS.index(cur.how):
                    best[k] = e
    if not conflict:
        return events

    def one(role: str, ents: list[Entity]) -> list[Entity]:
        return _unique([replace(e, country=best[role, e.text].country, how=best[role, e.text].how)
                        if (role, e.text) in conflict and e.how in _FILL_HOWS
                        and e.country != best[role, e.text].country else e for e in ents])

    for ev in events:
        actors, recips = one("actor", ev.actor), one("recipient", ev.recipient)
        if (actors, recips) != (ev.actor, ev.recipient):
            ev.actor, ev.recipient = actors, recips
            ev.rules.append(ONE_PARTY_PER_MENTION)
    return events


#: An event of a state's court whose recipient took, from the story, another
#: country than the court's (:func:`tried_where_the_court_is`; r29h).
TRIED_WHERE_THE_COURT_IS = "structure:tried-where-the-court-is"


def tried_where_the_court_is(events: list[Event]) -> list[Event]:
    """The events of one sentence, each recipient of a court's act
    (a type of words.yaml ``own_jurisdiction_types``, an actor of
    ``own_jurisdiction_sectors`` whose one country the sentence names: "A Vietnamese
    court jailed three engineers") that :meth:`EventMaker._complete_countries` gave
    another country from the story or the event's place ("... for spying for China" in a
    story naming China most) given the court's country, with ``how`` "event place": a
    court tries where it sits, so the act happens in the court's
    state and its unnamed people are of it (annotation guide section 6: a domestic
    actor takes the country where it acts). A recipient that names its own country
    ("jailed two Chinese nationals") is kept. Changed events name
    ``structure:tried-where-the-court-is`` in ``rules``; the events are changed in
    place and returned. Raises nothing. A fresh user's trial (fresh29e, kind 1)."""
    sectors, types = words("own_jurisdiction_sectors"), words("own_jurisdiction_types")
    for ev in events:
        if ev.event_type not in types:
            continue
        courts = {a.country for a in ev.actor if a.sector in sectors and a.country and a.igo is None
                  and a.how not in _FILL_HOWS}
        if len(courts) != 1 or any(a.country and a.country not in courts for a in ev.actor):
            continue
        (court,) = courts
        recips = [replace(r, country=court, how="event place")
                  if r.how in _FILL_HOWS and r.country and r.country != court and r.igo is None else r
                  for r in ev.recipient]
        if recips != ev.recipient:
            ev.recipient = recips
            ev.rules.append(TRIED_WHERE_THE_COURT_IS)
    return events


def _unique(ents: list[Entity]) -> list[Entity]:
    """``ents`` without repeats, in order: one entity named twice by the same words
    (same text, country, IGO, sector, name and id), or one party the knowledge base
    names (same name, country, IGO, sector and id, whatever the words: "sentenced Dodik
    ... and banned him", "thanked Oman for its support") is one recipient, not two
    (r22g; the train gold gives such a party once: train sentences of the default
    output lost a repeated recipient, 21 in all, none a right one)."""
    seen: set[tuple] = set()
    out: list[Entity] = []
    for e in ents:
        k = (e.name if e.name and e.kb_id else e.text, e.country, e.igo, e.sector, e.name, e.kb_id)
        if k not in seen:
            seen.add(k)
            out.append(e)
    return out


def _stateless(e: Entity) -> bool:
    """True when the mention's head word (its last word, singular) names people of no
    state by what they do (words.yaml ``stateless_people_nouns``: "five suspected
    pirates"): neither the event's place nor the story's country gives them one; only
    their own words do ("Somali pirates"). A fresh user's trial, twentieth round
    ("Indian marine commandos detained five suspected pirates" coded the pirates Indian)."""
    last = e.text.lower().rstrip(".,;:'\"").split()[-1:] if e.text else []
    if not last:
        return False
    w = last[0]
    return w in words("stateless_people_nouns") or (w.endswith("s") and w[:-1] in words("stateless_people_nouns"))


def held_at_gathering(tok: Token) -> Token | None:
    """The people noun whose describing participle has the gathering ``tok`` in its
    phrase of time or place ("15 protesters detained during last week's rallies": the
    token "protesters"; "students who were arrested at the march": "students"), or None.
    The people noun's lemma is one of ``words.yaml`` protester_nouns, the preposition
    one of ``gathering_time_preps``, the participle an ``acl`` or ``relcl`` of the noun.
    Rule: annotation guide section 5 (a protest's actor is the protesters); English
    grammar (the participle says what befell those people at the gathering). r28c."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in words("gathering_time_preps"):
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.dep_ not in ("acl", "relcl"):
        return None
    people = verb.head
    if people.pos_ not in ("NOUN", "PROPN") or people.lemma_.lower() not in words("protester_nouns"):
        return None
    return people


def _several_states(e: Entity) -> bool:
    """True when the mention names several states by a plural state noun and no country
    of its own (words.yaml ``several_states_nouns``: "the three Sahel states", "the
    island nations", "37 other countries"): no one country, neither the story's nor the
    event's place's, is all of them. Rule: docs/annotation.md section 6 (a party's
    country is its own state); the corpus train split gives such plurals no country
    ("35 countries", "all ARF member states", "seven coalition countries"). r28c, a
    fresh user's trial ("the three Sahel states" took the country of the dateline)."""
    last = e.text.lower().rstrip(".,;:'\"").split()[-1:] if e.text else []
    return bool(last) and last[0] in words("several_states_nouns")


def _government_of_its_rebels(actors: list[Entity]) -> list[Entity]:
    """``actors`` where a government named by a description with no country ("the
    Saudi-backed government", "the government") acts together with one armed group of
    one country ("Yemen's Houthi movement and the Saudi-backed government agreed",
    "Colombia's ELN and the government signed"): the description takes the group's
    country (``how`` "story context"). Two sides of one state's civil conflict that
    meet or agree are that state's (annotation guide section 6: a domestic actor takes
    the country where it acts; a backer's name, "Saudi-backed", says who supports it,
    not whose it is). Not a country's forces ("Russia and the rebels": the partner is a
    government). Twentieth round, a fresh user's trial: "the Saudi-backed government"
    took the country of the talks' venue, Oman."""
    from ..actors import armed_nonstate_sectors

    armed = armed_nonstate_sectors()
    groups = {a.country for a in actors if a.country and a.igo is None and a.sector in armed}
    if len(groups) != 1:
        return actors
    (country,) = groups
    return [replace(a, country=country, how="story context")
            if a.country is None and a.igo is None and a.sector == "GOV" and a.how == "title" else a
            for a in actors]


def _other_side(actors: list[Entity], recips: list[Entity]) -> list[Entity]:
    """``recips`` without the mentions that are also an actor: the same words on both
    sides of one event ("local elders and government officials were meeting": the
    officials, one of the list that meets, were taken for whom it met too) name one
    participant, who never acts on itself (docs/annotation.md section 6: reciprocal
    acts put every participant in the actor; PLOVER manual, actor and recipient are
    the two sides of the act). Likewise an entity of an actor's country, IGO and
    sector, unless the knowledge base names the two apart ("President X spoke with
    Governor Y" are two parties). An organisation with no country counts by its IGO code
    as a state by its country ("The United Nations said it was deeply alarmed": "it" is
    the UN, which is not also whom it is alarmed at; a fresh user's trial, twentieth
    round). A region's official named by title ("Tamil Nadu's chief minister", ``how``
    "place name") and a person of the national government whom the knowledge base
    names ("wrote to Foreign Minister Y") are two parties too (r22g, a fresh user's
    trial: the minister written to was dropped)."""
    akeys: dict[tuple, set] = {}
    regional: dict[tuple, bool] = {}
    for a in actors:
        k = (a.country, a.igo, a.sector)
        akeys.setdefault(k, set()).add(a.name)
        regional[k] = regional.get(k, True) and (a.name is not None or a.how == "place name")
    recips = [r for r in recips if (r.country is None and r.igo is None) or (r.country, r.igo, r.sector) not in akeys
              or (r.name is not None and None not in akeys[(r.country, r.igo, r.sector)]
                  and r.name not in akeys[(r.country, r.igo, r.sector)])
              or (r.name is not None and (r.kb_id or "").startswith("tid:person/") and regional[(r.country, r.igo, r.sector)]
                  and r.name not in akeys[(r.country, r.igo, r.sector)])]
    said = {a.text.lower() for a in actors}
    return [r for r in recips if r.text.lower() not in said]


def _speaker_not_addressee(actors: list[Entity], recips: list[Entity], tok: Token | None) -> list[Entity]:
    """``actors`` with a first-person pronoun ("we", "our": words.yaml
    ``pronouns_first``) that only the story's country gave a country (``how`` "story
    country": the country the story names most) left without one when a state named as
    a whole ("Pakistan", "Caracas": a ``country name`` mention of sector GOV) of that
    country is a recipient of the same event: "We call upon Pakistan to ...", "We have
    asked Caracas to ..." in a story that names the addressee most. The first person
    is the speaker's side, never the state it addresses (docs/annotation.md section 9:
    a statement's "we" is its issuer; section 6: a pronoun takes its referent, and no
    participant is on both sides of one event). Its country stays unknown rather than
    guessed. Not for a state the speaker calls its own ("our country"), nor when a
    reporting verb names who speaks ("the president said, we are ready to lead
    Armenia to peace": such a "we" is the speaker's, whose country may be the state
    named). The fresh user's trial, eighteenth round."""
    first = words("pronouns_first")
    rc = {r.country for r in recips if r.country and r.how == "country name" and r.sector == "GOV" and not r.igo
          and _bare_state_name(r.text, first)}
    if not rc or tok is None or tok.pos_ != "PRON":
        return actors
    v = tok.head
    if syntax.reporting_head(v) is not None or any(
            c.dep_ == "parataxis" and c.lemma_.lower() in words("reporting") for c in v.children):
        return actors
    return [replace(a, country=None, sector=None) if a.how == "story country" and a.country in rc
            and a.text.lower() in first else a for a in actors]


def _bare_state_name(text: str, first: frozenset[str] | set[str]) -> bool:
    """True when a mention's ``text`` is a state's or capital's name alone ("Pakistan",
    "the United States", "Caracas"), not a phrase that only contains one ("the
    Archbishopric of San Salvador", "Taiwan's democracy") nor one the speaker calls its
    own ("our country, our small El Salvador")."""
    low = text.lower().replace("\u2019", "'")
    toks = low.split()
    if toks and toks[0] == "the":
        toks = toks[1:]
    return 0 < len(toks) <= 3 and "of" not in toks and "'s" not in low and not first & set(toks)


def _not_own_state(actors: list[Entity], recips: list[Entity]) -> list[Entity]:
    """``recips`` without the actor's own state: a state named as a whole ("the United
    States", "the White House": a ``country name`` mention of sector GOV) beside a
    government actor of the same country that the sentence names ("Trump withdrew the
    United States from the deal", "Biden reaffirmed the United States' commitment") is
    the actor's side, not whom the act is directed at (docs/annotation.md section 6: a
    state named as a whole is GOV of that state, the same party as its government). The
    same holds for the state's own forces, police and intelligence named with their
    country (words.yaml ``own_state_sectors``: "China's military launched drills ...
    after Lai called China ...", "Estonia's navy detained a tanker after a cable to
    Estonia was cut": the state is no recipient of its own navy's act; a fresh user's
    trial, nineteenth round; the train gold has 2 such pairs in 7,252 with two
    countries, both GOV actors). The story's memory still learns the mention (it is
    named: "the two" may refer to it)."""
    sectors = words("own_state_sectors")
    own = {a.country for a in actors if a.country and (a.sector is None or a.sector in sectors) and a.how in _NAMED}
    return [r for r in recips
            if not (r.how == "country name" and r.sector == "GOV" and not r.igo and r.country in own)]


#: How a mention that names its party itself was resolved (not from the story around it).
_NAMED = frozenset({"knowledge base", "country name", "nationality word"})


def _matter_words(t: Trigger) -> set[int]:
    """Token indexes of the phrases of the event's verb that ``words.yaml``
    ``matter_preps`` open ("fought a war over Nagorno-Karabakh", "clashed over the
    border", "shot down over Ukraine"): what the act is about, or where above it
    happened, never who did it, so the argument model takes no actor from them
    (annotation guide section 6; a fresh user's trial, fifteenth round)."""
    preps = words("matter_preps")
    return {w.i for c in t.frame.children if c.dep_ == "prep" and c.lower_ in preps for w in c.subtree}


#: Rule name of :func:`_speaker_is_actor` (the event's ``rules``).
SPEAKER_IS_ACTOR = "structure:speaker-of-a-speech-act-is-no-claimant"


def _speaker_is_actor(etype: str, actor_tok: Token | None, claim_tok: Token | None,
                      actors: list[Entity], claimed: list[Entity]) -> bool:
    """True when the reporting speaker of a speech act (an event of a quad class in
    ``words.yaml`` ``speech_act_quad_classes``: ACCUSE, REJECT, THREATEN, DEMAND ...) is
    the act's own actor: the same token (a pronoun "they" or "we" resolved to the
    speaker), or a claimed entity with the same text as an actor ("The Houthis warned
    they would target any ship": THREATEN, actor the Houthis; ""These claims are false,"
    the ministry said": REJECT, actor the ministry). Then ``claimed_by`` is empty
    (annotation guide section 6: ``claimed_by`` is ``[]`` for speech acts that are
    themselves the event; a condemnation's speaker is its actor, not its claimant). A
    material act its own actor reports ("the group claimed the attack") keeps its
    claimant: the corpus train gold gives it (37 events, all material). r24h, a fresh
    user's trial."""
    if QUAD_CLASS[etype] not in words("speech_act_quad_classes"):
        return False
    if actor_tok is not None and claim_tok is not None and actor_tok.i == claim_tok.i:
        return True
    said = {c.text.lower() for c in claimed}
    return any(a.text.lower() in said for a in actors)


def _recorded_claimant(draft: EventDraft, actor_tok: Token | None, claim_tok: Token | None,
                       actors: list[Entity], claimed: list[Entity]) -> list[Entity]:
    """The ``claimed_by`` an event records: ``claimed``, or ``[]`` (with the rule
    :data:`SPEAKER_IS_ACTOR` noted on ``draft``) when :func:`_speaker_is_actor` finds the
    speaker of a speech act is its own actor ("the Houthis warned they would strike").
    Applied to the record only, after the confidence: the confidence model learnt from
    the speaker as it was."""
    if claimed and _speaker_is_actor(draft.etype, actor_tok, claim_tok, actors, claimed):
        draft.rules.append(SPEAKER_IS_ACTOR)
        return []
    return claimed


def _claimant_words(t: Trigger) -> set[int]:
    """Token indexes of who reports the material act ``t`` (its ``claimed_by``, the
    subject of the speech verb its clause is the complement of: "Mortar shells fired
    from Myanmar wounded two villagers, local police said": "local police"), with that
    mention's possessors and modifiers: the source of a claim, never the actor the
    argument model may choose (PLOVER manual, Event, Mode, and Context: the source goes
    to claimed_by; annotation guide section 6: the actor is who does the act). A
    pronoun subject of the reported clause ("police said they arrested ...") still
    refers to the speaker by the parse rules. Empty when the trigger has no claimant or
    is one of its words. Twentieth round, a fresh user's trial."""
    src = t.claimed_by
    if src is None and not t.is_noun:
        # the act told in an adverbial clause of the reported one ("shells landed ...,
        # wounding two villagers, police said"): reporting_head does not cross it
        x = t.frame
        for _ in range(4):
            if x.head == x or syntax.semicolon_clause(x):
                break
            if x.dep_ in ("ccomp", "parataxis") and x.head.lemma_.lower() in words("reporting"):
                src = syntax.subject(x.head)
                break
            if x.dep_ not in ("conj", "ccomp", "xcomp", "advcl"):
                break
            x = x.head
    if src is None or any(w.i == src.i for w in t.words):
        return set()
    return {w.i for w in src.subtree}


def _owned_place(stext: str, place: str, actors: list[Entity], recips: list[Entity]) -> bool:
    """Whether the place ``place`` of the sentence ``stext`` is owned by the event's
    actor: written after a possessive pronoun of ``words.yaml`` ``place_owner_pronouns``
    ("off its east coast", "in their own territory") when the event has no recipient
    (the pronoun then has no one else to stand for), or after the possessive of an
    actor's name ("off North Korea's east coast"). Such a place is in the actor's
    country and never stands in for the target of the act (annotation guide section 6:
    the recipient is the party acted on; a launch into the sea off one's own coast acts
    on no country). False when ``place`` is not found in ``stext``. A fresh user's
    trial, r26o."""
    i = stext.find(place)
    if i < 0 or not actors:
        return False
    before = stext[:i]
    m = re.search(r"\b([\w-]+)\s+(?:own\s+)?$", before)
    if m and m.group(1).lower() in words("place_owner_pronouns"):
        return not recips
    m = re.search(r"([\w-]+)['\u2019]s\s+(?:own\s+)?$", before)
    if m:
        owner = m.group(1).lower()
        return any(a.text and a.text.lower().split()[-1] == owner for a in actors)
    return False


def _joined_clause_others(t: Trigger, sent: Span) -> set[int]:
    """Token indexes of the clauses joined to the clause of ``t`` that are not its own:
    a clause is a verb conjoined (``conj``) with a subject of its own, with its words;
    when ``t.frame`` lies in such a clause, the words outside it, and the joined clauses
    inside it that do not hold ``t.frame``, are others ("Two rockets were fired toward
    Metula, the army said, and Israeli artillery shelled the area around Kfar Kila": for
    the shelling, every word up to "and"; for the firing, the shelling's clause). Empty
    when the sentence joins no such clauses. Their places are not the act's when its
    own clause names one (annotation guide section 7; a fresh user's trial, r26v)."""
    v = t.frame
    every = {w.i for w in sent}
    own = set(every)
    for c in sent:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and \
                any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
            sub = {w.i for w in c.subtree}
            own = own & sub if v.i in sub else own - sub
    return every - own


def _other_clause_spans(t: Trigger, sent: Span, start: int, place_ents: list) -> list[tuple[int, int]]:
    """Character spans (offsets in the evidence sentence that starts at ``start``) of the
    words of the clauses joined to ``t``'s own (:func:`_joined_clause_others`), when its
    own clause names a place of ``place_ents`` (``(start, end, label)``), even one that is
    a party ("toward the town of X" as the recipient); else ``[]``. No place there is the
    act's ("rockets were fired toward Metula, and Israeli artillery shelled the area
    around Kfar Kila": the shelling's place is Kfar Kila; annotation guide section 7; a
    fresh user's trial, r26v)."""
    others = _joined_clause_others(t, sent)
    spans = [(w.idx - start, w.idx - start + len(w.text)) for w in sent if w.i in others]
    if others and any(not any(a < y and x < b for x, y in spans) for a, b, _ in place_ents):
        return spans
    return []


def _common_shore(text: str) -> bool:
    """Whether the place ``text`` is a coast or sea named by common nouns only ("east
    coast", "the waters off the coast": lowercase words ending in a ``words.yaml``
    ``shore_nouns`` noun; a capitalised compass word, ``actor_compass_words``, is no
    name: "the East coast"), which names no country acted on; "the Red Sea" or "the
    Gaza coast" carry a name."""
    ws = re.sub(r"^the\s+", "", text.strip(), flags=re.I).split()
    return bool(ws) and all(w[:1].islower() or w.lower() in words("actor_compass_words") for w in ws) \
        and ws[-1].lower() in words("shore_nouns")


def _reporting_speaker_words(t: Trigger) -> set[int]:
    """Token indexes of the speaker of the reporting clause over ``t`` (its
    ``claimed_by``, with its list partners and appositions) when the act has a subject
    of its own ("The monitoring committee met in X on Monday, a UN spokesperson said":
    the spokesperson reports the meeting and is no party to it): the speaker asserts
    the act and is never its actor, as a source phrase's words are not
    (:func:`_source_words`; annotation guide, section 6, ``claimed_by``). The subject is
    that of the trigger's clause verb (``held`` of "held talks"). Empty for an act with
    no subject of its own, or one whose subject is a pronoun, the speaker, or a bare
    definite description ("the group") that may refer back to the speaker's party
    ("Japan said it had halted aid": the pronoun stands for the speaker). Only for the
    types of words.yaml ``speaker_not_actor_types`` (the caller checks). A fresh user's
    trial, r26v."""
    sp = t.claimed_by
    if sp is None:
        return set()
    if t.is_noun and syntax.existential_verb(t.token) is not None:
        # "There were no clashes on the border, an army spokesman said": an existential
        # clause names no doer, and the speaker only reports it (r27k)
        return syntax.one_participant([sp]) | {sp.i}
    subj = syntax.subject(t.frame)
    if subj is None or subj.i == sp.i or subj.pos_ == "PRON":
        return set()
    if subj.pos_ == "NOUN" and all(c.dep_ == "det" and c.lower_ in words("definite_determiners")
                                   for c in subj.children):
        # "Hezbollah's leader said the group would not hand over its weapons": a bare
        # definite description may refer back to the speaker's own party
        return set()
    return syntax.one_participant([sp]) | {sp.i}


def _source_words(t: Trigger, sent: Span) -> set[int]:
    """Token indexes of the sentence's source phrases ("according to Iranian state
    media": :func:`syntax.source_phrase_words`), which name who asserts an act, never its
    actor or recipient (annotation guide, section 6, ``claimed_by``); empty when the
    trigger is itself inside one ("according to its investigation": the phrase's words
    are that event's own)."""
    src = syntax.source_phrase_words(t.token, sent)
    return set() if any(w.i in src for w in t.words) else src


def _not_voice(e: Entity) -> bool:
    """True when a government mention cannot be the party a statement speaks for: its
    words (two or more; a pronoun alone may well be the voice's) include a
    ``not_voice_words`` word ("the regime", "the Ortega-Murillo regime", "his
    government", "their officials")."""
    ws = e.text.lower().replace("\u2019s", " ").replace("'s", " ").split()
    return len(ws) > 1 and bool(words("not_voice_words") & set(ws))


def _evidence(sent: Span, state: StoryState) -> tuple[str, int, int]:
    """The evidence sentence (the sentence without surrounding whitespace, cut from the
    story's text: ``text[start:end] == sentence``) and its character offsets."""
    start = sent.start_char
    stext = state.story.text[start:sent.end_char]  # doc.text would rebuild the whole text per event
    lead = len(stext) - len(stext.lstrip())
    stext = stext.strip()
    return stext, start + lead, start + lead + len(stext)


def _sentence_ents(sent: Span, state: StoryState) -> list:
    """The sentence's entity mentions, less dates that are ages or bare small numbers."""
    return [e for e in state.ents_of(sent) if not (e.label_ in ("DATE", "TIME") and _BARE_NUMBER.match(e.text))]


def _meeting_partner(r: Token, t: Trigger) -> bool:
    """True when the recipient word ``r`` of a meeting or agreement is a party to it,
    not its topic: the object of a partner preposition ("met with X", words.yaml
    ``mutual_partner_preps``), the direct object of a verb whose object is the other
    party ("hosted X", ``mutual_partner_verbs``), or whom the agreed act is for
    ("committed to supporting Ukraine", "pledged assistance to Ukraine":
    ``mutual_beneficiary_heads``; the corpus gives such a party as the recipient), or
    the sides a mediation is offered between ("offered to mediate between X and Y",
    "to broker talks between ...": words.yaml ``mediating_participles``; annotation
    guide section 3, AGREE covers offers to mediate; r22g, a fresh user's trial)."""
    a = _list_head(r)
    if a.dep_ == "pobj" and a.head.lower_ in words("mutual_partner_preps"):
        return True
    if a.dep_ in ("dobj", "dative") and a.head.lemma_.lower() in words("mutual_beneficiary_heads"):
        return True   # "committed to continue supporting Ukraine": whom the agreed act is for
    if a.dep_ == "pobj" and a.head.lower_ in ("to", "for", "with") \
            and a.head.head.lemma_.lower() in words("mutual_beneficiary_heads"):
        return True   # "pledged assistance to Ukraine", "support for Ukraine"
    if a.dep_ == "pobj" and a.head.lower_ == "between" and any(
            x.lemma_.lower() in words("mediating_participles") for x in (a.head.head, a.head.head.head)):
        return True   # "Qatar and Turkey offered to mediate between X and Y": the sides offered good offices
    return a.dep_ == "dobj" and a.head.lemma_.lower() in words("mutual_partner_verbs")


def _list_head(tok: Token) -> Token:
    """The first item of the list or apposition ``tok`` is in ("Cuba" in "in Havana,
    Cuba" gives "Havana"; "Egypt" in "by Qatar and Egypt" gives "Qatar"): the word whose
    relation to the rest of the sentence the whole list shares."""
    hops = 0
    while tok.dep_ in ("conj", "appos") and tok.head != tok and hops < 6:
        tok, hops = tok.head, hops + 1
    return tok


def _with_article(sentence: str, name: str) -> bool:
    """Whether ``name`` is written with the definite article in ``sentence`` ("the Duma",
    or a name that begins with it): the mark of an institution or building, which a
    town's name does not take."""
    if name.lower().startswith("the "):
        return True
    return re.search(r"\bthe\s+" + re.escape(name) + r"\b", sentence, flags=re.IGNORECASE) is not None


def _names_whose(ent: Span, t: Trigger, etype: str, lex: Lexicon) -> bool:
    """True when a place name modifies a noun that is no place ("US President Donald
    Trump", "a U.S. move", "U.S. equipment", "a Canada request"): it says whose the thing
    is, not where the event happened, so it is never the event's place. A place or site
    noun keeps it a place ("the Lebanon border", "Kabul province", "a Kabul market":
    ``place_nouns``), and so does the noun of an event that happens somewhere ("the
    Peshawar bombing", "the Doha talks": the event's own trigger or a lexicon noun of a
    ``place_modifier_types`` type; both lists in ``data/words.yaml``). A name before a
    coordinating conjunction in a locative phrase ("in Chad and Chadian-held Ennedi",
    which the parse reads as a modifier of "Ennedi") is the first place of a list, no
    modifier (``host_locative_preps``; annotation guide section 6: an attacked place is
    the event's place; r26m)."""
    if ent.label_ not in ("GPE", "LOC"):
        return False
    root = ent.root
    head = root.head
    if root.dep_ not in ("compound", "nmod", "amod") or head == root or ent.start <= head.i < ent.end \
            or head.pos_ not in ("NOUN", "PROPN"):
        return False
    place_nouns = words("place_nouns")
    if head.lemma_.lower() in place_nouns or head.lower_ in place_nouns:
        return False
    if ent.end < len(ent.doc) and ent.doc[ent.end].dep_ == "cc" and head.dep_ == "pobj" \
            and head.head.lower_ in words("host_locative_preps"):
        # "at nine sites in Pakistan and Pakistani-administered Kashmir": the parse makes
        # the first of two places a modifier of the second; it is a place of the list (r26m)
        return False
    if head == t.token or head in t.words:
        typ: str | None = etype
    else:
        lx = lex.nouns.get(head.lemma_.lower())
        typ = lx.event_type if lx is not None else None
    return typ not in words("place_modifier_types")


#: The preposition of a place name -> the word list of the heads that make its object a
#: party, not a place (:func:`_names_party`).
_PARTY_PREPS = {"to": "party_to_heads", "from": "party_from_heads", "on": "party_on_heads",
                "toward": "party_attitude_heads", "towards": "party_attitude_heads",
                "over": "party_attitude_heads"}


def _names_party(ent: Span) -> bool:
    """True when a place name is the party a word is addressed to, comes from, targets or
    takes an attitude towards ("a protest to Uganda", "a letter to Berlin", "arms
    sales to Taiwan", "pressure from Moscow", "sanctions on Belarus", "called on Rwanda
    to", "hostility toward France", "influence over Belgrade"), or whose wish, view or
    behalf a possessive names ("at Moscow's behest", "ruled in Washington's favour", "in
    Beijing's view": ``party_possessed_nouns``, also under a locative preposition, where
    "in Tehran's main square" stays a place): the name stands for its state (GeoWebNews'
    metonymic toponyms, issue 17), so it is never the event's place, whichever event of
    the sentence is coded.

    The name's root, climbed over conjuncts and appositions ("to Britain and France",
    "on a fellow ally, Qatar"), must be the object of a preposition of
    :data:`_PARTY_PREPS` whose head word, or that verb's direct object or passive subject
    ("sent a letter to Berlin", "sanctions were imposed on Iran"), is in the preposition's
    list of ``data/words.yaml`` (``party_to_heads``, ``party_from_heads``,
    ``party_on_heads``, ``party_attitude_heads``). Moving and physical acts are not in the
    lists, so "sent troops to Mali", "fled from Aleppo", "opened fire on Khartoum" and
    "advanced towards Kherson" keep their place."""
    if ent.label_ not in ("GPE", "LOC"):
        return False
    root = ent.root
    if root.dep_ == "poss" and root.head != root and (
            root.head.lemma_.lower() in words("party_possessed_nouns") or root.head.lower_ in words("party_possessed_nouns")):
        return True
    return _party_object(root)


def _party_object(tok: Token) -> bool:
    """Whether the word ``tok`` (a name's root) is the party object of a word of
    ``data/words.yaml``'s party lists (:func:`_names_party`); also for a name the NER
    labels no place ("sanctions on Belarus" with Belarus an ORG), which
    :func:`tidings.places.event_location` may still add as a missed place."""
    for _ in range(6):
        if tok.dep_ not in ("conj", "appos") or tok.head == tok:
            break
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ not in ("prep", "dative", "agent") or prep.lower_ not in _PARTY_PREPS:
        return False
    heads = words(_PARTY_PREPS[prep.lower_])
    head = prep.head
    for _ in range(4):
        # a bare number stands for the noun it is listed after ("12 demands to Germany
        # and 8 to Austria", "the letters, 5 to Poland and 3 to Hungary")
        if head.pos_ != "NUM" or head.dep_ not in ("conj", "appos") or head.head == head:
            break
        head = head.head
    cands = [head]
    if head.pos_ in ("VERB", "AUX"):
        cands += [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(h.lemma_.lower() in heads or h.lower_ in heads for h in cands)


def _deployed_force(tok: Token, t: Trigger) -> bool:
    """Whether ``tok`` is the force a mobilisation moves, named by an "of" phrase: of the
    trigger noun ("announced the deployment of a joint force of 5,000 troops", "the
    deployment of 400 police officers") or of the frame verb's object ("deployed a force
    of 400 police officers"). What is mobilised is the actor's own force, never the
    recipient (annotation guide section 3, MOBILIZE: deployments of one's forces;
    words.yaml ``force_object_types``; a fresh user's trial, r27o)."""
    x, hops = tok, 0
    while x.dep_ == "pobj" and x.head.lower_ == "of" and hops < 3:
        x, hops = x.head.head, hops + 1
        if t.is_noun and x == t.token or x.head == t.frame and x.dep_ in syntax.OBJ_DEPS:
            return True
    return False


def _own_agent(tok: Token) -> bool:
    """Whether ``tok`` names the actor's own agents: an ``own_agent_nouns`` word
    (ambassador, troops, diplomats...) with a possessive pronoun ("its ambassador",
    "their troops"). Own citizens or allies ("its citizens", "its allies") are not."""
    return tok.lemma_.lower() in words("own_agent_nouns") and any(
        c.dep_ == "poss" and c.lower_ in words("own_possessives") for c in tok.children)


def _plain_people(tok: Token) -> list[Entity]:
    """A recipient that names plain people ("arrested at least 2,400 people", "refused to
    enroll her daughter": ``plain_people_nouns`` in ``data/words.yaml``) and that the resolver
    does not know is a civilian (CVL) party, whose country the place or story gives;
    ``[]`` for any other word."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in words("plain_people_nouns"):
        return []
    return [Entity(text=syntax.phrase(tok), sector="CVL", how="title")]


def _unnamed_actor(tok: Token | None, etype: str, t: Trigger | None = None) -> list[Entity]:
    """The actor a sentence does not name: an attacker ("shot by two men", "unknown
    individuals threw a bomb", "several people opened fire") is unidentified armed
    actors (UAF); plain people who protest by a protest word of the lexicon ("hundreds
    of people demonstrated in Lagos", "the people are protesting") are civilians (CVL).
    Their country comes from the place or the story. ``[]`` for any other word, event
    type or trigger (plain people as the actor of any act were tried as civilians: "ten
    people died", typed PROTEST by the trigger model, then became a PROTEST by them; a
    lexicon protest word is one). Source: the corpus labels (train split: such attackers
    are UAF 38 times in 44; ``unnamed_attacker_nouns``, ``unnamed_people_nouns`` and
    ``protest_crowd_nouns`` in ``data/words.yaml``); docs/annotation.md, section 6:
    protesters and crowds are CVL."""
    if tok is None or tok.pos_ not in ("NOUN", "NUM"):
        return []
    if etype == "ASSAULT" and tok.pos_ == "NOUN" \
            and tok.lemma_.lower() in words("unnamed_attacker_nouns") | words("unnamed_people_nouns"):
        return [Entity(text=syntax.phrase(tok), sector="UAF", how="title")]
    if etype == "PROTEST" and t is not None and t.lexeme.event_type == "PROTEST":
        # "hundreds of people", "crowds of people": the people the partitive hands on to
        head = tok
        if tok.lemma_.lower() in words("protest_crowd_nouns"):
            head = next((p for p in syntax.prep_objects(tok, ("of",))), tok)
        if head.lemma_.lower() in words("unnamed_people_nouns") | words("protest_crowd_nouns") \
                and head.pos_ in ("NOUN", "NUM"):
            return [Entity(text=syntax.phrase(tok), sector="CVL", how="title")]
    return []


def _called_for_words(t: Trigger, things: list[Token]) -> set[int]:
    """Token indexes of what the call nouns among ``things`` (words.yaml ``call_nouns``)
    call for when the parse hangs it on the trigger's verb: a "to" clause (``advcl`` or
    ``xcomp``) that begins right after the noun's own words ("rejected calls to expel
    the ambassador"). Nothing in it is a party of the stance or refusal towards the call
    (words.yaml ``thing_nouns``: the caller is the party; r28q, a fresh user's trial)."""
    out: set[int] = set()
    for r in things:
        if r.lemma_.lower() not in words("call_nouns"):
            continue
        end = max(w.i for w in r.subtree) + 1
        for c in t.frame.children:
            if c.dep_ in ("advcl", "xcomp") and c.left_edge.i == end and c.left_edge.lower_ == "to":
                out |= {w.i for w in c.subtree}
    return out


def _swapped_of_the_sides(t: Trigger, etype: str, actors: list[Entity], recips: list[Entity],
                          rules: list[str]) -> tuple[list[Entity], list[str]]:
    """``(recips, rules)`` with the people a swap exchanges (a trigger of words.yaml
    ``two_sided_act_verbs``: "DOHA - Kinshasa and the M23 exchanged 130 prisoners") in an
    event of ``etype`` of words.yaml ``swapped_people_types``
    stripped of a country the dateline or the event's place gave them (``_FILL_HOWS``)
    that none of the named sides has, and :data:`SWAPPED_NOT_DATELINE` added; unchanged
    otherwise (annotation guide section 6: a dateline says where a story was filed, not
    whose the parties are; r28q, a fresh user's trial)."""
    sides = {a.country for a in actors if a.country}
    if not sides or etype not in words("swapped_people_types") \
            or t.token.lemma_.lower() not in words("two_sided_act_verbs") or not any(
            r.how in _FILL_HOWS and r.country not in sides for r in recips):
        return recips, rules
    return ([replace(r, country=None, how="unknown person") if r.how in _FILL_HOWS and r.country not in sides
             else r for r in recips], [*rules, SWAPPED_NOT_DATELINE])


def _document_subject(v: Token) -> bool:
    """Whether the subject of the verb ``v`` is a document noun (words.yaml
    ``issued_document_nouns``: "The resolution demands", "the communique warns", "a statement
    urged") that names no party of its own (no possessor, naming modifier or by-phrase:
    :func:`arguments.thing_party`): such a document speaks for the body that issued it,
    which the sentence does not name. Annotation guide section 6 (the actor is who does
    the act); the train gold gives "THE COMMUNIQUE WARNS THE ARMY HIGH COMMAND" and "THE
    DECLARATION CALLS ON THE FMLN" no actor. A fresh user's trial, r28q."""
    if v.pos_ != "VERB":
        return False  # "the report is false": a copula; the speaker judges the document
    subj = syntax.subject(v)
    if subj is None or subj.head.i != v.i or subj.pos_ != "NOUN" \
            or subj.lemma_.lower() not in words("issued_document_nouns"):
        # (a subject found above the verb is the reporting verb's: '"... must demand
        # changes," the statement said' is the quoted speaker's demand)
        return False
    return thing_party(subj) is None


def _stance_takers(t: Trigger, etype: str, responders: bool = True) -> set[int]:
    """Token indexes of who takes a stance towards a material act ("The FMLN condemned
    the attack", "X expressed condolences for the deaths", "mourned the villagers who
    were killed"), or, with ``responders``, responds to it ("India summoned the envoy
    over the attack"; :func:`syntax.stance_takers`), and their possessors: not its
    actor (nor, for a stance, its recipient), so the argument model may not choose
    them. Empty for a verbal type, unless a naming verb judges the act ("called the
    veto a disgrace": :func:`syntax.judged_act`)."""
    if not QUAD_CLASS[etype].startswith("material") and not syntax.judged_act(stance_anchor(t)):
        return set()
    # with their possessors ("Somalia's president condemned the bombing": Somalia did not
    # bomb either)
    takers = syntax.stance_takers(stance_anchor(t), responders)
    out = {s.i for s in takers} | {c.i for s in takers for c in s.children if c.dep_ == "poss"}
    if syntax.judged_act(stance_anchor(t)):
        # "Serbia's President X called the arrest a provocation": the possessor of the
        # judge's title did not arrest either
        out |= {w.i for s in takers for w in s.subtree if w.dep_ == "poss" and w.i < s.i}
    return out


def _host_verb(etype: str, mode: str | None, actors: list[Entity], recips: list[Entity], t: Trigger,
               lex: Lexicon) -> bool:
    """True when a meeting verb makes its subject the host and its object the guest
    ("President X hosted Prime Minister Y of Japan", "will host the Taoiseach"; verbs:
    ``host_verbs`` in ``data/words.yaml``) and both sides are named parties of different
    countries: the guest is then the actor and the host the recipient (annotation
    guidelines, section 6: visitor = actor, host = recipient). The guest is the verb's
    direct object, named by a person, state or nationality name or a ``guest_nouns``
    word ("the Ecuadoran delegation"); a guest of the host's own country or with no
    country or IGO, an object that is a gathering ("will host a summit of G7 leaders",
    "thanked X for hosting the APEC retreat"), a passive ("a meeting hosted by X") and
    summits and calls (mode other than ``visit`` or none) are left alone."""
    if etype not in words("host_swap_types") or mode not in (None, "visit") or t.is_noun:
        return False
    if t.lexeme.lemma not in words("host_verbs") or not actors or not recips:
        return False
    if not _hosts_a_guest(t, lex):
        return False
    own = {a.country for a in actors}
    if None in own or any(a.igo for a in actors):
        return False
    return all((r.country or r.igo) and r.country not in own for r in recips)


def _hosts_a_guest(t: Trigger, lex: Lexicon) -> bool:
    """True when ``t`` is an active host verb (``host_verbs`` in ``data/words.yaml``:
    "received", "hosted", "welcomed") whose direct object is a guest: a person, state or
    nationality name or a ``guest_nouns`` word ("the Armenian delegation"), not an event
    noun of the lexicon. Its subject is then the host (annotation guidelines, section 6:
    visitor = actor, host = recipient)."""
    if t.is_noun or t.lexeme.lemma not in words("host_verbs"):
        return False
    guest = next((c for c in t.token.children if c.dep_ == "dobj"), None)
    return guest is not None and guest.lemma_.lower() not in lex.nouns and (
        guest.ent_type_ in ("PERSON", "GPE", "NORP") or guest.lemma_.lower() in words("guest_nouns"))


def _hosted_guest(etype: str, mode: str | None, actors: list[Entity], recips: list[Entity], t: Trigger,
                  lex: Lexicon) -> bool:
    """True when a host verb is passive with its host as agent ("the minister was received
    by the Emir", "Blinken was hosted by President Ruto"; verbs: ``host_verbs`` in
    ``data/words.yaml``): the parse makes the agent (the host) the actor and the passive
    subject (the guest) the recipient, and the guest, who travelled, is the actor
    (annotation guidelines, section 6: visitor = actor, host = recipient; PLOVER manual,
    CONSULT ``visit``). The guest must be a party, not an event noun or a thing ("a
    request was received by the ministry"): a person, state or nationality name, a
    ``guest_nouns`` word, or a party the resolver gave a country, organisation or
    sector. Calls and summits (mode other than ``visit`` or none) are left alone."""
    if etype not in words("host_swap_types") or mode not in (None, "visit") or t.is_noun:
        return False
    if t.lexeme.lemma not in words("host_verbs") or not actors or not recips:
        return False
    kids = list(t.token.children)
    guest = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    if guest is None or not any(c.dep_ == "agent" for c in kids) or guest.lemma_.lower() in lex.nouns:
        return False
    return guest.ent_type_ in ("PERSON", "GPE", "NORP") or guest.lemma_.lower() in words("guest_nouns") \
        or all(r.country or r.igo or r.sector for r in recips)


#: The frame rule that makes a condemning predicate an accusation (data/rules/frame.jsonl).
CONDEMNING_PREDICATE = "frame:condemning-predicate-is-disapproval"
#: The sense rule that makes "X violated the accord" an accusation of X (data/rules/sense.jsonl).
VIOLATED_NORM = "sense:violated-norm-is-accusation"
#: The frame rule that makes "X was a warning to Y" a threat (data/rules/frame.jsonl; r20m).
WARNING_PREDICATE = "frame:act-called-a-warning-is-threat"


def ultimatum_parties(t: Trigger, draft: EventDraft) -> tuple[Token | None, list[Token]] | None:
    """The actor and recipients of an ultimatum told as a demand's alternative ("The envoy
    demanded that the junta release the prisoners or face sanctions", "urged Belgrade to
    withdraw its police or face new sanctions"; rules :data:`ULTIMATUM_ALTERNATIVE`), or
    None for any other event (``draft`` not made THREATEN by those rules): ``t``'s frame
    ("face") is coordinated with the act demanded; the verb that governs that act
    (demanded, urged, told) has the one who warns as subject (else the reporting speaker
    ``t.claimed_by``, or nobody), and the party warned is that verb's object, else the
    demanded act's subject, else the recipients :func:`arguments` finds:
    ``(actor, recipients)``. Annotation guide, THREATEN: ultimatums; section 6: the
    actor is who warns, the recipient who is warned (face's own subject is the party
    told to act, not the one who warns)."""
    if not (ULTIMATUM_ALTERNATIVE & set(draft.rules) and draft.etype == "THREATEN"):
        return None
    act = t.frame.head if t.frame.dep_ == "conj" else t.frame
    demand = act.head if act.dep_ in ("ccomp", "xcomp") and act.head.pos_ in ("VERB", "AUX") else None
    told = next((c for c in demand.children if c.dep_ in ("dobj", "dative")), None) if demand is not None else None
    if told is None:
        told = syntax.subject(act)
    actor = syntax.subject(demand) if demand is not None else None
    recips = [told] if told is not None else arguments(t, draft.etype)[1]
    return (actor if actor is not None else t.claimed_by), recips


def _called_a_warning(t: Trigger, rules: list[str]) -> bool:
    """True when a threat is a deed called a warning by a linking verb ("Kim said the
    launch was a warning to the hostile forces": rule ``frame:act-called-a-warning-is-
    threat``): the verb's subject is the deed, no party, so the speaker who says it
    (``claimed_by``, else nobody the sentence names) is the actor, and the party warned
    (the "to" phrase) stays the recipient (annotation guide section 3, THREATEN: the
    actor warns the recipient; section 6: the actor is who carries out the act)."""
    return WARNING_PREDICATE in rules and t.frame.lemma_.lower() in words("copulas")


def _judged_subject(t: Trigger, rules: list[str]) -> bool:
    """True when an accusation is a condemning predicate of a linking verb ("the raid was
    deplorable", "X said the vote was a sham"; rule ``frame:condemning-predicate-is-
    disapproval``): the verb's subject is what is condemned, so its party is the recipient
    and the speaker who says it (``claimed_by``, else nobody the sentence names) the actor
    (PLOVER manual, ACCUSE: the actor criticises the recipient; annotation guide section 5:
    recipient = the party whose act is criticised). With a verb of calling ("called the
    plan reckless") the subject is the speaker and keeps its place. So too for a charge of
    breaking a norm ("the opposition said the governor violated the accord"; rule
    ``sense:violated-norm-is-accusation``): the violator is accused, not accusing."""
    return CONDEMNING_PREDICATE in rules and t.frame.lemma_.lower() in words("copulas") \
        or VIOLATED_NORM in rules


def _reported_charge(t: Trigger, etype: str, actor_tok: Token | None, rules: list[str]) -> bool:
    """True when an accusation's words are the behaviour a speaker reports, not an act of
    accusing: the event is ACCUSE, its trigger sits in the complement of a reporting verb
    whose subject names the speaker (``claimed_by``: "X said Y was failing to ...", "X
    told reporters that Y collaborated with ..."), and the trigger model, not the
    lexicon, made its word an accusation (``rules``: ``model:proposed`` or
    ``model:retype``). Its subject is then whom the speaker accuses (docs/annotation.md
    section 1: what X says may be an accusation; PLOVER manual, ACCUSE). A lexicon
    accusation ("X said Y accused Z") and a rule's ("X said the opposition attacked the
    plan": sense:verbal-attack-is-accusation) keep their own subject, except a misdeed verb
    the rule ``REPORTED_MISDEED`` made an allegation ("said the vessels had intruded")."""
    if etype != "ACCUSE" or t.claimed_by is None or t.claimed_by.pos_ == "PRON" \
            or syntax.reporting_head(t.frame) is None:
        return False
    if REPORTED_MISDEED in rules:
        # "the ministry said the vessels had intruded": a misdeed verb (no lexicon entry) that
        # the frame rule made an allegation (annotation guide 11.4; r29i)
        return actor_tok is None or actor_tok.i != t.claimed_by.i
    if not ("model:proposed" in rules or "model:retype" in rules):
        return False
    if t.lexeme.key and t.lexeme.event_type == "ACCUSE":
        return False
    return actor_tok is None or actor_tok.i != t.claimed_by.i


def _guest_is_actor(etype: str, mode: str | None, actors: list[Entity], recips: list[Entity],
                    loc: Place | None, t: Trigger, sent: Span) -> bool:
    """True when a meeting's subject is the host: the event's place, named by a locative
    phrase of the meeting's own clause ("met ... in Washington", "at the White House"), is
    in the actor's country and the recipients are of another country. The annotation
    guidelines (docs/annotation.md, compound actors; PLOVER manual, CONSULT ``visit``)
    make the visitor the actor and the host the recipient. Types: ``host_swap_types``
    in ``data/words.yaml``; calls and summits (mode ``phone``, ``multilateral``,
    ``third-party``) are left alone."""
    if etype not in words("host_swap_types") or mode not in (None, "visit") or loc is None or not loc.country:
        return False
    if not actors or not recips or any(a.country != loc.country for a in actors):
        return False
    if any(r.country is None or r.country == loc.country for r in recips):
        return False
    locative = words("host_locative_preps")
    stext = sent.text
    k = stext.find(loc.text)
    if k < 0:
        return False
    place = sent.doc.char_span(sent.start_char + k, sent.start_char + k + len(loc.text), alignment_mode="expand")
    if place is None:
        return False
    prep = place.root.head
    if prep.dep_ != "prep" or prep.lower_ not in locative:
        return False
    # the parser often hangs the place on the meeting's object ("met with X in
    # Washington"), on the last of several guests ("met with President X and Prime
    # Minister Y in Washington") or on a title's complement ("met with Minister for
    # Foreign Affairs X in Washington"): up the guest's phrase to the meeting; not
    # through a gathering ("on the margins of the ASEAN Summit in Washington": both
    # came to the summit, ``meeting_nouns``)
    x = prep.head
    gatherings = words("meeting_nouns")
    for _ in range(6):
        if x == t.frame or x in t.words:
            return True
        if x.dep_ not in ("pobj", "dobj", "prep", "conj") or x.head == x or x.lemma_.lower() in gatherings:
            return False
        x = x.head
    return False


def _same_later_clause(stext: str, trig_char: int, phrase: str | None,
                       scheduled: tuple[tuple, ...]) -> bool:
    """Whether the trigger and the date phrase lie in one clause of an act still to come
    (:func:`tidings.dates.scheduled_clause_spans`: "she will travel to Serbia on April 26
    to urge reforms"): then a promise, demand or threat is itself to come, and the
    phrase dates it (annotation guide section 7: for a ``future`` event, when it will
    happen)."""
    if not phrase:
        return False
    at = stext.find(phrase)
    return at >= 0 and any(sp[0] <= trig_char < sp[1] and sp[0] <= at and at + len(phrase) <= sp[1]
                           for sp in scheduled if len(sp) == 2 or sp[2] != "past")


def _event_date(stext: str, pub_date: str | None, tense: str, date_ents: list[tuple[int, int]],
                trig_char: int, material: bool = False, foreign: tuple[tuple[int, int], ...] = (),
                scheduled: tuple[tuple[int, int], ...] = (),
                elsewhere: tuple[tuple[int, int], ...] = (),
                own: tuple[tuple[int, int], ...] = (),
                background: tuple[tuple[int, int], ...] = (),
                deadlines: tuple[tuple[int, int], ...] = (),
                within: tuple[int, int] | None = None) -> EventDate:
    """The event's date (:func:`tidings.dates.event_date`); a material act keeps the year
    of a violent act named beside it (``dated_act_nouns``: "the 2004 bombing that
    killed ..."), any other event does not ("condemned the 2014 annexation on Monday").
    ``foreign``: the spans of the clauses telling the content of the event's act, whose
    date phrases date that act (:func:`tidings.dates.content_clause_spans`);
    ``scheduled``: the spans of clauses announcing a scheduled act, read in the future
    tense (:func:`tidings.dates.scheduled_clause_spans`); ``elsewhere``: the spans of
    participle clauses on a noun, whose date phrases date their own act
    (:func:`tidings.dates.participle_clause_spans`); ``own``: the span of an event
    noun's own date phrases (:func:`_own_phrase`), which date it; ``background``: the
    spans of participle clauses on any other noun, whose phrases years back date that
    thing (:func:`tidings.dates.noun_participle_spans`); ``deadlines``: the spans of
    deadline phrases on a noun (:func:`tidings.dates.noun_deadline_spans`), which date
    the act still to come; ``within``: the span of the clause telling the event's act as
    an earlier one (:func:`tidings.dates.earlier_clause_span`), whose phrases alone date it."""
    from ..dates import event_date
    return event_date(stext, pub_date, tense, date_ents, trig_char,
                      act_nouns=words("dated_act_nouns") if material else frozenset(), foreign=foreign,
                      scheduled=scheduled, elsewhere=elsewhere, own=own, background=background,
                      deadlines=deadlines, within=within)


def _object_modifier_dates(tok: Token, start: int, date_spans=()) -> tuple[tuple[int, int], ...]:
    """The character spans (relative to ``start``) of the date phrases (``date_spans``:
    spaCy DATE/TIME entities) that stand before a noun of an object and modify it
    ("accused them of undermining *last year's* election", "condemned *the 2019* coup",
    "disputed the results of *the March* vote"): the phrase's head climbs, through no
    verb, to a noun that is an object (``dobj``, ``obj``, ``pobj``) other than the trigger
    ``tok``, and ends before it; that noun must stand in the trigger's object
    (:func:`_in_object_of`: "their meeting followed up on *the September 9* call" is no
    object of the meeting, "dismissed the claims at *Friday's* meeting" no object of the
    dismissal, and those phrases may still date them; r25b, dev lost one right date and
    train six without this). Such a phrase tells when the thing named took place, not when a
    verbal act about it was made: the caller passes these spans as ``elsewhere``
    for verbal events only (annotation guide section 7, each event its own date;
    docs/dates-and-places.md; a fresh user's trial, twenty-fourth round). A phrase on the
    trigger noun itself is its own (:func:`_own_phrase`). Shape: a tuple of ``(start,
    end)`` pairs, empty when none."""
    out = []
    for e in date_spans:
        w = e.root
        for _ in range(8):
            if w.i == tok.i or w.pos_ in ("VERB", "AUX") or w.head.i == w.i:
                break
            w = w.head
            if w.pos_ == "NOUN" and w.dep_ in ("dobj", "obj", "pobj") and w.i != tok.i and e.end <= w.i \
                    and _in_object_of(w, tok):
                out.append((e.start_char - start, e.end_char - start))
                break
    return tuple(out)


def _in_object_of(w: Token, tok: Token) -> bool:
    """True when the noun ``w`` stands in the object of the trigger ``tok``: ``tok`` is
    among its heads, and on the way up from ``w`` to ``tok`` (``w`` included, ``tok``
    not) there is a direct object (``dobj``, ``obj``), every verb is a gerund after a
    preposition (``pcomp``, or ``pobj`` as the parser may label it: "accused them *of
    rigging* the vote") and every preposition
    is one of ``words.yaml`` ``object_date_preps`` ("the results *of* the March vote").
    Not an adjunct of the act ("dismissed the claims *at Friday's meeting*", "*in today's*
    message ... lists"), nor a noun under another verb ("*building on* the June 29
    meeting, the ministers discussed", "met to *discuss* the June summit's decisions"):
    there the phrase may date the act or an event of the noun's type that the corpus
    counts as the act's (r25b: train lost six right dates to the wider rule)."""
    preps = words("object_date_preps")
    has_obj = False
    x = w
    for _ in range(12):
        if x.i == tok.i:
            return has_obj
        if x.head.i == x.i:
            return False
        if x.dep_ in ("dobj", "obj"):
            has_obj = True
        if x.pos_ in ("VERB", "AUX") and x.dep_ not in ("pcomp", "pobj"):
            return False
        if x.dep_ == "prep" and x.lower_ not in preps:
            return False
        x = x.head
    return False


def _own_phrase(tok: Token, start: int, date_spans=()) -> tuple[tuple[int, int], ...]:
    """The character spans (relative to ``start``, the sentence's) of the date phrases
    (``date_spans``: spaCy DATE/TIME entities) that belong to the phrase an event noun
    heads, when the trigger ``tok`` is a noun another word governs (an object or a
    preposition's object): a phrase whose head climbs to the noun
    through no verb ("the 2017 arrest", "the strike on the consulate in April"), or
    through a relative clause whose subject is "that" or "which" on a noun of its
    phrase ("the strike on its consulate *that killed seven advisers in April last
    year*", which the parser may hang on "consulate"). Not one in a participle clause
    ("the release of Americans *taken hostage on October 7*", which the parser hangs on
    "release"), nor in a relative clause of people or with its own subject, nor one in an editor's
    gloss in square brackets ("M-19 [19 APRIL MOVEMENT]": a name). Such a phrase
    dates the noun's event, not the governing verb's (a fresh user's trial,
    twenty-fourth round; annotation guide section 7). Shape: a tuple of ``(start,
    end)`` pairs; empty for a verb or a noun that is its clause's root."""
    if tok.pos_ != "NOUN" or tok.dep_ not in ("dobj", "obj", "pobj"):
        return ()
    out = []
    for e in date_spans:
        w = e.root
        for _ in range(12):
            if w.i == tok.i:
                out.append((e.start_char - start, e.end_char - start))
                break
            if w.pos_ in ("VERB", "AUX") and not (w.dep_ == "relcl" and any(
                    c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in w.children)):
                break
            if w.head.i == w.i:
                break
            w = w.head
        else:
            continue
    if not out:
        return ()
    # the document's text only now: ``Doc.text`` joins every token of the story on each
    # call, and most nouns own no date phrase (r26d: a fifth of the dating time)
    text = tok.doc.text[start:]
    return tuple((a, b) for a, b in out
                 if text[:a].count("[") <= text[:a].count("]"))


def _names_city(text: str) -> bool:
    """True when ``text`` is the name of a populated place in the gazetteer ("Kyiv"),
    not of a country ("Ukraine")."""
    from ..places import resolve_place

    return resolve_place(text, []).feature == "populated_place"


def _place_phrase_name(text: str) -> tuple[str, str] | None:
    """(name, head) of a phrase that names a place by a settlement or subdivision noun
    and "of" ("the Ukrainian city of Kharkiv" -> ("Kharkiv", "city"), "the northern
    town of Gao"): the head one of ``words.yaml`` ``place_of_heads``, at most three
    words before it, none of them "of", and a capitalised name after it; else None
    ("the convoy of the governor of Kharkiv", "the state of Israel")."""
    m = _PLACE_OF.match(text)
    if m is None or m["head"].lower() not in words("place_of_heads"):
        return None
    return m["name"], m["head"].lower()


#: "(the) (up to three words) HEAD of (the) Name Name...": see :func:`_place_phrase_name`.
_PLACE_OF = re.compile(r"(?i:the\s+)?(?:(?!(?i:of)\b)[\w'\u2019-]+\s+){0,3}?(?P<head>[A-Za-z]+)\s+(?i:of)\s+"
                       r"(?i:the\s+)?(?P<name>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)*)\Z")


def _place_named(recips: list[Entity]) -> list[Entity]:
    """The recipients named as a place: a place name, a country name that is a city
    the gazetteer knows ("Kyiv"), a part of a country named by a direction ("northern
    Israel", "eastern Ukraine": :func:`_country_part`), or a phrase of
    :func:`_place_phrase_name` ("the city of Kharkiv")."""
    return [r for r in recips if r.text and (
        r.how == "place name" or r.how == "country name" and (_names_city(r.text) or _country_part(r.text))
        or _place_phrase_name(r.text) is not None)]


def _country_part(text: str) -> bool:
    """True when ``text`` names a region of a country by a direction before the
    country's name ("northern Israel", "south-eastern Turkey"): fire aimed "at/into/on"
    such a region landed there, so it is where the attack happened, in that country
    (annotation guide, section 6: an attacked place goes in location_text; section 7:
    the place where the event happened). The train gold codes such regions of an
    attack as its place ("attacks ... in northern Mozambique", "a large bomb attack on
    northern San Salvador"); a country named alone ("an assault on Ukraine") stays the
    party attacked."""
    from ..places import _DIRECTION

    return _DIRECTION.match(text) is not None


def _note_meeting(state: StoryState, etype: str, t: Trigger, actor_tok: Token | None, actors: list[Entity],
                  recips: list[Entity]) -> None:
    """Remember a meeting's parties for a later "they" or "the two"
    (``StoryState.last_meeting``: a CONSULT event with an actor and a recipient, or
    several actors), and the sides of a meeting or agreement for "the two sides",
    "both parties" (``StoryState.last_sides``): the parties of a meeting, or of an agreement told by
    its verb with a compound subject ("X and Y agreed"), not a mention of cooperation
    by its noun ("cooperation between the United States and the EU"); a meeting's
    mediator or host (:func:`_mediator`) is dropped from them, even where another act
    gave it as one (annotation guide section 6; section 3, CONSULT third-party). A
    mediator's own act (words.yaml ``mediation_trigger_lemmas``: "under the mediation of
    Qatar") names no sides, and the compound subject of a swap (``two_sided_act_verbs``:
    "X and Y exchanged prisoners") are its two sides, whatever the event's type (r28l)."""
    lemma = t.token.lemma_.lower()
    if etype == "CONSULT" and lemma in words("mediation_trigger_lemmas"):
        # "exchanged prisoners under the mediation of Qatar and the ICRC": the mediators'
        # own act names no meeting of theirs and no side (r28l)
        third = {(e.country, e.igo) for e in actors}
        state.last_sides = [e for e in state.last_sides if (e.country, e.igo) not in third]
        return
    if etype == "CONSULT" and (actors and recips or len(actors) > 1):
        state.last_meeting = [e for e in actors + recips if e.country or e.igo]
    if not t.is_noun and lemma in words("two_sided_act_verbs") and len(
            {(e.country, e.igo, e.sector) for e in actors if e.country or e.igo}) >= 2:
        # "the government and the rebels exchanged 130 prisoners": the compound subject
        # are the two sides of the swap, whatever its type (r28l)
        state.last_sides = [e for e in actors if e.country or e.igo]
    elif etype in words("reciprocal_types") and _mediator(actor_tok):
        third = {(e.country, e.igo) for e in actors}
        state.last_sides = [e for e in state.last_sides if (e.country, e.igo) not in third]
    elif etype != "CONSULT" and etype in words("reciprocal_types") and not t.is_noun and len(
            {(e.country, e.igo, e.sector) for e in actors if e.country or e.igo}) >= 2:
        # "the Sudanese army and the RSF agreed ... under Saudi mediation": the
        # compound subject's parties, each with its own sector even where they share a
        # country, are the sides; a recipient beside them is no side (r26q)
        state.last_sides = [e for e in actors if e.country or e.igo]
    elif etype == "CONSULT" and (actors and recips or len(actors) > 1) or (
            etype in words("reciprocal_types") and not t.is_noun and len(actors) > 1):
        sides = [e for e in actors + recips if e.country or e.igo]
        if len({(e.country, e.igo) for e in sides}) >= 2:
            state.last_sides = sides
    if etype in words("conflict_side_types") and actors and recips:
        # the last fight's two sides ("an Israeli strike killed a Hezbollah commander":
        # ISR MIL and LBN REB) for a later "both sides", "the warring parties"
        keyed = {(e.country, e.igo, e.sector): e for e in actors + recips if e.country or e.igo}
        own = {(e.country, e.igo, e.sector) for e in actors}
        if len(keyed) == 2 and own & set(keyed) and set(keyed) - own and all(e.sector for e in keyed.values()):
            # (two parties, not a party and a place it hit: "shelled Syrian villages")
            state.last_fight = list(keyed.values())


def _mediator(tok: Token | None) -> bool:
    """True when ``tok`` is named by the "by" phrase of a participle of mediating or
    hosting (words.yaml ``mediating_participles``: "talks mediated by Qatar and
    Turkey", "a meeting hosted by Saudi Arabia"): a third party to the meeting, not one
    of its sides (annotation guide section 3, CONSULT ``third-party``: hosted or
    mediated by a third party)."""
    if tok is None:
        return False
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    by = tok.head
    return tok.dep_ == "pobj" and by.lower_ == "by" and by.head.lemma_.lower() in words("mediating_participles")


def _visited_place(stext: str, place_ents: list[tuple[int, int, str]], recips: list[Entity],
                   any_name: bool = False) -> Place | None:
    """The first recipient of a visit that the sentence names as a place (a GPE, LOC or
    FAC entity of the same text; with ``any_name``, any recipient of the sentence's
    words, the caller having chosen place names), resolved in the recipients'
    countries; else None. A recipient "the (northern) city of X" is resolved by its name
    X, kept with its whole phrase as the place's text (annotation guide, section 7:
    "near the border town of Rafah" -> "the border town of Rafah"). Annotation guide,
    section 7: "For a visit, the place visited"; section 6: an attacked city is a place."""
    from ..places import resolve_place, subdivision_named

    named = {stext[int(a):int(b)] for a, b, _ in place_ents}
    for r in recips:
        phrase = _place_phrase_name(r.text) if any_name and r.text and r.text in stext else None
        if phrase is not None:
            name, head = phrase
            qualified = _nationality_qualified(stext, r.text, name)
            place = qualified or resolve_place(
                name, [x.country for x in recips if x.country],
                "city" if head in words("place_city_words")
                else "admin1" if head in words("place_admin_hint_words") else None)
            if place.feature == "other" and name not in named and qualified is None:
                continue
            return Place(text=r.text, name=place.name, country=place.country or r.country, admin1=place.admin1,
                         lat=place.lat, lon=place.lon, geonames_id=place.geonames_id, feature=place.feature)
        if r.text and (r.text in named or any_name and r.text in stext):
            ctx = [x.country for x in recips if x.country]
            at = stext.find(r.text)
            # "attacked a refinery in the Ryazan region": the subdivision, not the city
            place = subdivision_named(stext, at, at + len(r.text), ctx)
            if place is not None:
                return place
            place = resolve_place(r.text, ctx)
            if r.text not in named and (place.feature == "other" or re.search(r"['\u2019]", r.text)):
                continue              # "Mantilla's convoy": a thing of a place-named person
            return Place(text=r.text, name=place.name, country=place.country or r.country, admin1=place.admin1,
                         lat=place.lat, lon=place.lon, geonames_id=place.geonames_id, feature=place.feature)
    return None


def _nationality_qualified(stext: str, phrase: str, name: str) -> Place | None:
    """The place ``name`` of a recipient ``phrase`` whose nationality word names its
    country ("the Armenian town of Jermuk", "the Syrian city of Qamishli"): the
    gazetteer's place of that name in that country, or the name kept with the country
    alone when the gazetteer holds none there, never a namesake or near spelling in
    another country (:func:`tidings.places._qualified`, rule of docs/dates-and-places.md:
    "the <nationality> town of X" lies in that nationality's country; a fresh user's
    trial, nineteenth round: "the Armenian town of Jermuk" was Çermik in Turkey).
    None when the phrase names no nationality (the caller resolves it as before)."""
    from ..places import _qualified

    at = stext.find(phrase)
    if at < 0 or not phrase.endswith(name):
        return None
    end = at + len(phrase)
    return _qualified(stext, end, (), name)


def _event_location(stext: str, place_ents: list[tuple[int, int, str]], trig_char: int,
                    actor_spans: list[tuple[int, int]], ctx_countries: list[str], dateline_end: int) -> Place | None:
    from ..places import event_location
    return event_location(stext, place_ents, trig_char, actor_spans, ctx_countries, dateline_end)



def custodial_sentence(t: Trigger) -> bool:
    """True when a conviction's words order a term in prison: the verb's "to" phrase
    names prison or a term of time ("sentenced the editor to five years in prison", "to
    life", "to 18 months"), or the noun is such a sentence ("prison sentences", "a jail
    term"); a suspended sentence, a fine or a death sentence orders none.

    Rule (annotation guide, section 5, SANCTION ambiguities): a court sentencing someone
    to prison is two events, SANCTION convict and COERCE arrest (imprisonment, "including
    prison sentences", is COERCE arrest: guide, COERCE); a fine or a ban only is SANCTION
    convict alone. Only the trigger's own children and two prepositional hops below are
    read (words.yaml custodial_sentence_words, suspended_sentence_words), and a term the
    parse made the verb's object with the "to" as a range of its count ("sentenced a
    former lawmaker to 20 months in prison"; r22d, a fresh user's trial)."""
    tok = t.token
    terms = words("custodial_sentence_words")
    suspended = words("suspended_sentence_words")

    def custody(x: Token) -> bool:
        # "prison", "five years", or a sentence / term that prison modifies ("a long
        # prison sentence"), not a suspended one
        if any(c.lower_ in suspended for c in x.children):
            return False
        if x.lemma_.lower() in terms:
            return True
        return x.lemma_.lower() in ("sentence", "term") and \
            any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in terms for c in x.children)

    if t.is_noun:
        return custody(tok) and tok.lemma_.lower() not in terms
    if any(c.lower_ in suspended for c in tok.children):
        return False
    # "sentenced a former lawmaker to 20 months in prison": the parse can read "lawmaker
    # to 20" as a range of the count ("10 to 20 months"), the term itself the object
    for obj in tok.children:
        if obj.dep_ == "dobj" and custody(obj) and \
                any(x.lower_ == "to" and x.dep_ == "quantmod" and x.i < obj.i for x in obj.subtree):
            return True
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ != "to":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            if custody(obj):
                return True
            # "to five years in prison", "to life in jail"
            if any(p.dep_ == "prep" and any(o.dep_ == "pobj" and custody(o) for o in p.children)
                   for p in obj.children):
                return True
    return False
