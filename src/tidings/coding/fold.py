"""Pass 3, structure: fold governed triggers, claim reported ones, make demands.

* A trigger governed by another ("refused to negotiate", "threatened to cut ties", "sent
  experts to investigate") is folded into the governing one, which the ``fold`` rules
  adjust (``data/rules/fold.jsonl``).
* Reporting verbs ("said", "told") are no events: the events in their complement get the
  speaker in ``claimed_by``; ``speech`` rules then decide what a warning is.
* "X said Y must withdraw" is a REQUEST by X (:data:`OBLIGATION_REQUEST`); "Y must
  withdraw" in the statement's own voice a REQUEST to Y (:data:`VOICED_OBLIGATION_REQUEST`).
"""

from __future__ import annotations

from spacy.tokens import Span

from ..lexicon import Lexeme, Lexicon
from . import effects, syntax
from .rules import Ctx, RuleSet
from .trigger import Trigger
from .words import words

#: Name of the structural step that makes "X said Y must withdraw" a REQUEST by X
#: (PLOVER manual, REQUEST: verbal demands); it stands in the event's ``rules``.
OBLIGATION_REQUEST = "structure:obligation-is-request"
#: Name of the structural step that makes "Russia must withdraw", said in the statement's
#: own voice, a REQUEST to Russia (:func:`_voiced_obligation`).
VOICED_OBLIGATION_REQUEST = "structure:voiced-obligation-is-request"
#: The sense of such a request (CAMEO 100, demand).
_MUST = Lexeme("V", "must", "", "REQUEST", None, (), "100", 0.75)


def fold_governed(triggers: list[Trigger], sent: Span, lex: Lexicon, rules: RuleSet) -> None:
    """Fold each trigger governed by another (through up to three complement, clause or
    preposition links, not through a reporting verb nor across a semicolon:
    :func:`syntax.semicolon_clause`) into it, and run the ``fold``
    rules on the governor."""
    by_tok = {t.frame.i: t for t in triggers}
    by_tok.update({t.token.i: t for t in triggers if t.is_noun})
    for t in triggers:
        gov = t.frame
        hops = 0
        while gov.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "pobj", "prep", "dobj") and hops < 3:
            if syntax.semicolon_clause(gov):
                break  # "Police arrested 12; the opposition condemned it": two clauses
            if syntax.claim_apposition(gov):
                break  # "accused Y of ..., a charge Y denied": the appositive does not govern
            if state_made_to_act(gov):
                break  # "..., prompting Mexico to sever relations": Mexico's own act
            gov = gov.head
            hops += 1
            g = by_tok.get(gov.i)
            if g is not None and g is not t and g.weight <= 0 and g.lexeme.particle:
                # a phrasal verb the sense rules left no event ("walked off the stage to
                # protest the heckling": "walk off" is a strike only off one's job) carries
                # no act, so the act of its purpose clause stands as its own
                break
            if g is not None and g is not t and _authorized_act(g, t):
                break  # "a decree allowing reservists to be called up": the call-up is the act
            if g is not None and g is not t and gov.lemma_.lower() not in words("reporting"):
                if hops == 1 and _participle_act(t.frame):
                    break  # "..., threatening to bomb it": a second act (coder.choose_events)
                if hops == 1 and meeting_purpose(t, g):
                    break  # "spoke with X to congratulate him": an act done in the call
                # (an unmarked finite "advcl" whose subject the parse hung on the first
                # clause's objects is a second clause: syntax.stranded_subject)
                if t.frame.dep_ in ("xcomp", "ccomp") or (t.frame.dep_ == "advcl" and not syntax.own_subject(t.frame)
                                                          and syntax.stranded_subject(t.frame) is None) \
                        or (t.frame.dep_ == "acl" and g.is_noun and gov == g.token):
                    effects.run(rules, "fold", Ctx(sent=sent, lex=lex, t=g, sub=t))
                    g.subs.append(t)
                    t.folded = True
                break


def _authorized_act(g: Trigger, t: Trigger) -> bool:
    """True when ``g`` is an enabling verb the sense rules left no event (words.yaml
    ``authorizing_verbs``: "a decree allowing reservists to be called up", "the law permits
    conscripts to be mobilized"; sense:enabling-allow-is-no-concession) and ``t``, the act
    it enables, is of a type the enabling measure itself sets going (words.yaml
    ``authorized_act_types``: a call-up or mobilisation). That act stands as its own event
    instead of folding into a governor with no act (PLOVER manual, MOBILIZE: "mobilize
    reserves"; annotation guide MOBILIZE; the guide's "signed a decree on the mobilisation
    of reservists" is MOBILIZE). Other enabled acts ("the law allows police to arrest
    suspects") stay folded: a standing permission is no act. r28j, a fresh user's trial."""
    return g.weight <= 0 and g.frame.lemma_.lower() in words("authorizing_verbs") \
        and t.event_type in words("authorized_act_types")


def state_made_to_act(v) -> bool:
    """True when ``v`` is the complement of a causative verb (words.yaml
    ``causative_verbs``: "prompt", "force", "lead") whose object is a state named as such
    (a GPE entity: "..., prompting Mexico to sever diplomatic relations with Ecuador",
    "forced Bogota to recall its ambassador"): the act is the state's own, an event of
    its own, not folded into the act that caused it (annotation guide section 2: one
    event per distinct act; r24i, a fresh user's trial had the severance lost). People
    made to act ("prompting 90,000 Armenians to flee") keep the fold as before."""
    if v.dep_ != "xcomp" or v.head.lemma_.lower() not in words("causative_verbs"):
        return False
    return any(c.dep_ == "dobj" and c.ent_type_ == "GPE" for c in v.head.children)


def _participle_act(v) -> bool:
    """A present participle hanging on the clause with no marker ("The caller phoned the
    station, threatening to bomb it", "visited Kyiv, pledging more aid"), or with a
    marker of things done at the same time (words.yaml ``simultaneous_act_marks``: "denied
    the reports while accusing the opposition of lying", "welcomed the truce while
    condemning the shelling"): an act of its own beside the governing one, not its
    purpose ("sent experts to investigate") or its complement, so it is not folded
    (annotation guide, section 2: one event object per distinct act; issue 16: second
    events in a sentence)."""
    if v.dep_ != "advcl" or v.tag_ != "VBG" or any(c.dep_ == "aux" for c in v.children):
        return False
    marks = [c.lower_ for c in v.children if c.dep_ == "mark"]
    return all(m in words("simultaneous_act_marks") for m in marks)


def meeting_purpose(t: Trigger, g: Trigger) -> bool:
    """True when ``t`` is the purpose of the meeting or call ``g`` and a verbal act of its
    own ("President X spoke today with Y to congratulate him on his election", "met
    with Z to condemn the attack", "called X to offer condolences"): the act is done in
    the call, so it is an event beside the meeting, not folded into it (annotation
    guide, section 2: a readout's call and what was said in it are labelled each; issue
    16: such purposes were lost). ``t`` is an infinitive (``to``) hanging on the
    meeting verb, of a type in ``purpose_act_types`` (``data/words.yaml``); "met to
    discuss" is the meeting itself and stays folded."""
    v = t.frame
    return g.event_type == "CONSULT" and not g.is_noun and v.head == g.frame and v.dep_ in ("advcl", "xcomp") \
        and t.event_type in words("purpose_act_types") and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


def claim_reported(triggers: list[Trigger]) -> None:
    """Give each trigger in the complement of a reporting verb its speaker
    (``claimed_by``: "Israel" in "Israel said Hezbollah fired rockets"), and each act an
    accusation charges its accuser ("Kyiv" in "Kyiv accused Moscow of shelling a
    school": annotation guide, section 5, the alleged act with ``claimed_by`` the
    accuser; "Kyiv" in "Kyiv accused Moscow of the deportation of children", an act
    noun: :func:`syntax.charged_noun_head`, r28i)."""
    for t in triggers:
        rep = syntax.reporting_head(t.frame) or syntax.charge_head(t.frame)
        if rep is None and t.is_noun:
            rep = syntax.charged_noun_head(t.token)
        if rep is not None:
            t.claimed_by = syntax.subject(rep)


def speech_acts(triggers: list[Trigger], sent: Span, lex: Lexicon, rules: RuleSet) -> None:
    """Run the ``speech`` rules on every trigger (after folding: "warned it would
    strike" is a threat, "warned of deep concern" no event)."""
    for t in triggers:
        effects.run(rules, "speech", Ctx(sent=sent, lex=lex, t=t))


def obligation_request(sent: Span, triggers: list[Trigger], tokens: list | None = None) -> Trigger | None:
    """ "X said Y must withdraw" / "a reminder to Iraq that it must cooperate": the
    speaker demands the act, which is REQUEST (PLOVER manual, REQUEST: verbal demands).
    The act itself is folded into the request. Returns the new trigger, or None.
    ``tokens``: the sentence's tokens as a list, when the caller has them."""
    modals, reporting, speech = words("obligation_modals"), words("reporting"), words("speech_nouns")
    for tok in (sent if tokens is None else tokens):
        if tok.pos_ not in ("VERB", "AUX") or not any(c.lower_ in modals for c in tok.children):
            continue
        head = tok.head
        if tok.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in reporting and head.dep_ in ("ROOT", "conj", "parataxis") \
                or tok.dep_ in ("acl", "ccomp") and head.lemma_.lower() in speech:
            frame = head if head.pos_ in ("VERB", "AUX") else head.head
            return _request_of(tok, frame, triggers, OBLIGATION_REQUEST, fold_nouns=True)
        if _voiced_obligation(tok) and not any(t.frame == tok and t.event_type in words("obligation_kept_types")
                                                  for t in triggers):
            # the asked act is folded ("must release the detainees"); an act told by its
            # noun is not ("must end its attacks": the attacks go on)
            return _request_of(tok, tok, triggers, VOICED_OBLIGATION_REQUEST, fold_nouns=False)
    return None


def _request_of(tok, frame, triggers: list[Trigger], rule: str, fold_nouns: bool) -> Trigger:
    """The REQUEST trigger of the obligation verb ``tok`` (its frame ``frame``, noted
    with ``rule``), after folding the triggers of the act asked for: those framed by
    ``tok`` or below it (event nouns too when ``fold_nouns``)."""
    for t in triggers:
        if (fold_nouns or not t.is_noun) and (t.frame == tok or any(a == tok for a in t.frame.ancestors)):
            t.folded = True
    tr = Trigger(frame, _MUST, frame, [tok])
    tr.start()
    tr.obligation_of = tok
    tr.note(rule)
    return tr


def _voiced_obligation(verb) -> bool:
    """ "Russia must stop its attacks", "The junta should free the detainees": a main
    clause in the statement's or speaker's own voice that obliges a named party to act
    tells that party to act, a REQUEST with the party as recipient (PLOVER manual,
    REQUEST: demands; annotation guide section 5: "stressed that Russia must withdraw" is
    REQUEST). Only the sentence's main verb, with an obligation modal, active or passive
    ("Austin must be freed"), whose subject names a party: a named state, group,
    organisation or person (spaCy entity), or a word of ``obliged_party_nouns`` ("the
    authorities", "all parties"). Not a first- or second-person or impersonal subject
    ("we must remember", "one must admit", "it should be recalled"), not a verb of state
    or knowledge (``obligation_state_verbs``: "should feel proud", "must be aware"), not a
    past obligation ("should have stopped": a reproach of the past), not a condition or
    a question. The caller leaves a verb whose own trigger is of ``obligation_kept_types``
    as it is ("the junta must be held accountable" is THREATEN: annotation guide 11.10)."""
    if verb.dep_ != "ROOT" or verb.pos_ not in ("VERB", "AUX"):
        return False
    kids = list(verb.children)
    if not any(c.dep_ == "aux" and c.lower_ in words("obligation_modals") for c in kids):
        return False
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in kids) or any(c.dep_ == "mark" for c in kids):
        return False
    if verb.lemma_.lower() in words("obligation_state_verbs"):
        return False
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ == "PRON":
        return False
    return subj.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or subj.lemma_.lower() in words("obliged_party_nouns")
