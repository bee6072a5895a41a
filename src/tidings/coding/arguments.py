"""Pass 5, arguments: the actor and recipient words of a trigger, from the parse.

Actor: the subject or passive agent (or the subject of a governing adjective or raising
verb: "Putin is due to meet", "Japan was quick to condemn"). Recipient: the object, the
passive subject, a preposition that fits the type ("called on X", "talks with X",
"sanctions on X": ``recipient_preps`` in ``data/tables.yaml``), the subject of a demanded
clause ("demanded that X ..."), or what a folded act names ("refused to negotiate with
X"). PLOVER manual, Changes in treatment of political entities: "actor" and "recipient".
"""

from __future__ import annotations

from spacy.tokens import Token

from ..records import QUAD_CLASS
from . import syntax
from .syntax import OBJ_DEPS
from .trigger import Trigger
from .words import table, words


def arguments(t: Trigger, etype: str) -> tuple[Token | None, list[Token]]:
    """The actor's head token (or None) and the recipients' head tokens of ``t`` coded
    as ``etype`` (the type decides which prepositions introduce a recipient)."""
    if t.is_noun and t.token.lemma_.lower() in table("proposal_word_types").get(etype, ()):
        # "police fired tear gas at thousands of demonstrators": the protest's trigger
        # names its people, who are its actor (docs/annotation.md, police dispersing a
        # protest: PROTEST with the protesters as actor, beside the police's act)
        return t.token, []
    v = t.frame
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or headline_passive(v)
    felt = _feeling(v) if passive and not t.is_noun else None
    if felt is not None or passive and v.lemma_.lower() in words("stative_passives") and not any(c.dep_ == "agent" for c in v.children):
        return felt or _stative(v)
    actor, recips = _actor(t, passive)
    accuser = _accuser_of(t, etype)
    if t.is_noun:
        actor = _own_actor(t, accuser, actor)
        actor = _reimposer(t) or actor
    caused = caused_act(t)
    if caused:
        # "the arrest sparked protests", "arrested the mayor, prompting protests": what
        # or who caused the act did not do it; only the noun's own words name its doer
        actor = _noun_agent(t.token) or _noun_actor(t)
    part = _participant(t)
    if part is not None and _noun_agent(t.token) is None:
        # "rebel fighters were engaged in heavy fighting with the army": who took part
        # did it; the passive subject is no recipient; negated, neither (denied_participant)
        actor = None if _participation_denied(t) else part
        recips = [r for r in recips if r.i != part.i]
    actor = _antecedent(actor)
    recips = [_antecedent(r) for r in recips]
    if etype in words("force_object_types") or t.event_type in words("force_object_types"):
        # "Kenya deployed 400 police officers", "security forces were deployed": what
        # is mobilised is the actor's own force, never the recipient (also when an event
        # rule renamed the build-up: "will send troops if the rebels attack" is THREATEN)
        if passive and actor is None and recips:
            actor = recips[0]
        recips = []
    if v.dep_ == "acl" and actor is None:
        # "a camp attacked by militiamen": the modified noun is the recipient
        if v.tag_ == "VBN" and not passive and _has_object(v):
            # a participle with an object is no passive: the parse took a finite verb
            # for one ("Nurses from two charities donated and delivered medicine ...",
            # the sentence's root the subject noun): that noun did it
            root = v.sent.root
            actor = root if root.pos_ in ("NOUN", "PROPN") and root.i < v.i and v in root.subtree else v.head
        elif (passive or v.tag_ == "VBN") and not _launched_munition(v, v.head):
            recips.append(v.head)
        else:
            actor = v.head
    if v.dep_ == "relcl" and actor is None and not passive:
        # "the rebels, who attacked ...": the modified noun did it; "the migrants who were
        # killed": it suffered it (the passive subject is already the recipient)
        actor = v.head
    if t.obligation_of is not None:
        if t.frame == t.obligation_of:
            # "Russia must withdraw" in the statement's own voice: Russia is asked, the
            # speaker is not named in the clause (docs/annotation.md section 6)
            return None, _obliged(t)
        return actor, recips + _obliged(t)
    recips = _once(recips + _object_recipients(t, etype)
                   + [r for r in _prep_recipients(t, etype) if accuser is None or r.i != accuser.i])
    if etype in words("act_agent_recipient_types"):
        # "condemned the killing of protesters": the party whose act is criticised is
        # the recipient ("Russia's shelling", "the arrest ... by the junta"), never its
        # victims; an act with no named agent gives none (docs/annotation.md section 5)
        recips = [a for a in map(act_agent, recips) if a is not None]
    recips = _receivers(t, etype, recips)
    if t.is_noun and actor is None:
        actor = _noun_actor(t)
    if actor is not None and not actor.ent_type_ and (actor.pos_ in ("NOUN", "VERB") or _munition_word(actor)):
        # "fighting between the army and the rebels killed 20": the subject is an event
        # whose parties did it
        between = syntax.prep_objects(actor, ("between",))
        if between:
            actor = between[0]
        else:
            # "the raid carried out by Nigerian troops killed nine", "a report released
            # by Amnesty accused ...": the subject's own agent did it
            actor = _noun_agent(actor) or actor
    if t.is_noun and actor is None:
        # "fighting between the army and the guerrillas", "talks between X and Y" with
        # no one else named as their actor: the parties act together (docs/annotation.md,
        # compound actors: reciprocal events put every participant in the actor)
        between = syntax.prep_objects(t.token, ("between",))
        if between:
            actor = between[0]
            gone = {actor.i} | {c.i for c in actor.conjuncts}
            recips = [r for r in recips if r.i not in gone]
    if actor is None and _speaker_conjunct(v):
        # "Pakistan said Indian missiles hit nine sites and vowed to retaliate": the parse
        # joins the vow to the reported act; the speaker vowed (a fresh user's trial)
        actor = syntax.subject(v.head.head)
    if actor is None and v.dep_ in ("conj", "xcomp", "advcl") and v.head != v and not caused:
        actor = _shared_subject(v)
    received = _received(t, etype)
    if received is not None:
        # "Ghana received a request from Togo", "Poland is facing attacks from Russia",
        # "police attributed the bombing to Boko Haram": who the noun's act comes from is
        # its actor; a receiving subject is the recipient, an attributing one its claimant
        source, receivers = received
        gone = {x.i for x in receivers}
        if source is not None:
            gone |= {source.i} | {c.i for c in source.conjuncts}
        # with no source, the noun's own modifier may still say whose act it is
        # ("as it faces continued Russian aggression")
        actor = source if source is not None else _noun_actor(t)
        recips = receivers + [r for r in recips if r.i not in gone]
    if actor is not None:
        # one participant is never on both sides ("was summoned to the Foreign Ministry":
        # the ministry's "to" phrase is also a recipient preposition of ACCUSE)
        recips = [r for r in recips if r.i != actor.i]
    if actor is not None and (QUAD_CLASS.get(etype, "").startswith("material") or syntax.judged_act(stance_anchor(t))) \
            and actor in syntax.stance_takers(stance_anchor(t)):
        # "The FMLN condemned the attack": the condemner is not the attacker (a verbal
        # act's noun is the stance-taker's own: "X expressed support")
        actor = None
    return actor, recips


def _launched_munition(v: Token, n: Token) -> bool:
    """Whether ``n`` is a munition (words.yaml ``munition_nouns``) that the verb ``v``
    of words.yaml ``munition_launching_verbs`` launches ("two rockets were fired at the
    town", "drones launched by the RSF", "bombs were dropped on the village"): what is
    fired is no party and never the recipient, which is whom or what it was fired at
    (annotation guide section 6: the recipient is the target; r25n made such an
    ownerless munition no actor). r26h."""
    if v.lemma_.lower() not in words("munition_launching_verbs"):
        return False
    munitions = words("munition_nouns")
    return n.lemma_.lower() in munitions or n.lower_.rstrip("s") in munitions


def fired_munition(v: Token, n: Token) -> bool:
    """Whether ``n`` is the munition of the act ``v`` rather than a party to it: a noun
    of words.yaml ``munition_nouns`` that is ``v``'s subject or passive subject ("drones
    hit a power station", "three rockets were fired toward the town"), or that ``v``, a
    launching participle, modifies ("rockets launched by the militia"; see
    :func:`_launched_munition`). Such a word is never the recipient (annotation guide
    section 6: the recipient is the target; a fresh user's trial, r26h)."""
    munitions = words("munition_nouns")
    if n.lemma_.lower() not in munitions and n.lower_.rstrip("s") not in munitions:
        return False
    if n.head == v and n.dep_ in ("nsubj", "nsubjpass"):
        return True
    return v.dep_ == "acl" and v.head == n and _launched_munition(v, n)


def _munition_word(tok: Token) -> bool:
    """Whether ``tok`` is a munition or weapon noun of words.yaml ``munition_nouns``
    whatever the tagger's part of speech: a capitalised plural opening a sentence
    ("Drones launched by the RSF struck ...") is often tagged a proper noun, and its
    participle's by-phrase still names who launched it (annotation guide section 6: the
    passive agent is the actor; the corpus train gold: "a drone launched by militant
    groups" has the groups as actor). r26h."""
    if tok.pos_ != "PROPN":
        return False
    munitions = words("munition_nouns")
    return tok.lemma_.lower() in munitions or tok.lower_.rstrip("s") in munitions


def _shared_subject(v: Token) -> Token | None:
    """The subject a conjoined, complement or adverbial verb ``v`` with none of its own
    shares: its coordinated verb's ("urged civilians to leave and called on partners to
    ...": "called" is the urging verb's conjunct, whatever the parse:
    syntax.coordinated_with), a participle's head's. A justifying participle after a
    reporting clause ("X seized a tanker, state media reported, accusing the vessel of
    ...") takes the act's subject, not the reporter's, unless it names a party of its own
    ("..., Seoul said, accusing Pyongyang of ...": Seoul;
    syntax.reported_act_of_participle). None when none is found."""
    told = syntax.reported_act_of_participle(v)
    if told is not None:
        return told[0]
    actor = syntax.subject(syntax.coordinated_with(v)) if v.dep_ != "advcl" or not syntax.own_subject(v) else None
    if actor is None and v.dep_ == "advcl" and v.tag_ == "VBG":
        actor = syntax.subject(v.head)
    return actor


def handed_over(t: Trigger) -> tuple[list[Token], set[int]] | None:
    """``(receivers, handed)`` when ``t`` hands someone over to another party (words.yaml
    ``handover_verbs``: "extradited a financier to the United States", "the extradition
    of X to Spain", "handed the suspects over to Kenyan police"): the receivers are the
    objects of its "to" phrases (none when it names none: "was extradited on Monday"),
    ``handed`` the token indexes of who or what is handed over (its object or passive
    subject, or the noun's "of" phrase), which is never the recipient. None for any
    other trigger. Source: the corpus train split, which gives every extradition and
    hand-over with a "to" phrase that party as recipient and none without one
    ("EXTRADITED ... TO THE UNITED STATES" USA, "HANDED OVER TO PERUVIAN POLICE
    OFFICERS" PER, "WAS EXTRADITED THIS MORNING" none); annotation guide section 6, the
    recipient is at whom the act is directed. A fresh user's trial, twentieth round
    (the extradited financier was coded the recipient). A verb of
    ``suspect_transfer_verbs`` ("sent 26 alleged cartel members to the United States")
    hands over too when its event is COOPERATE (frame:sent-wanted-people-is-extradition,
    r22c), and a "to" phrase the parse hangs as a dative counts as one."""
    h = t.token if t.is_noun else t.frame
    lemma = h.lemma_.lower()
    prt = next((c.lower_ for c in h.children if c.dep_ == "prt"), None)
    if lemma not in words("handover_verbs") and f"{lemma} {prt}" not in words("handover_verbs") \
            and not (t.event_type == "COOPERATE" and lemma in words("suspect_transfer_verbs")):
        return None
    deps = ("dobj", "obj", "nsubjpass") if not t.is_noun else ()
    handed = {w.i for c in h.children if c.dep_ in deps for w in c.subtree}
    if t.is_noun:
        handed |= {w.i for p in syntax.prep_objects(h, ("of",)) for w in p.subtree}
    held = [c for c in h.children if c.dep_ in ("dobj", "obj")] + (syntax.prep_objects(h, ("of",)) if t.is_noun else [])
    to = syntax.prep_objects(h, ("to", "into")) + [p for c in held for p in syntax.prep_objects(c, ("to",))] \
        + [p for c in h.children if c.dep_ == "dative" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
    gone = {w.i for p in to for w in p.subtree}
    handed -= gone
    return to, handed


def _has_object(v: Token) -> bool:
    """True when the participle ``v`` or a past form coordinated with it has a direct
    object ("donated and delivered medicine"; not "the workers killed yesterday and
    comfort their families", whose "comfort" is another clause's)."""
    return any(c.dep_ == "dobj" for x in [v, *(c for c in v.conjuncts if c.tag_ in ("VBN", "VBD"))]
               for c in x.children)


def _participant(t: Trigger) -> Token | None:
    """The subject of a ``participant_passives`` form whose "in" phrase is the event
    noun ("rebel fighters were engaged in heavy fighting", "two colonels were involved
    in the massacre"), or of the support verb "engaged" itself ("were engaged in
    fighting" with the trigger's words); None when there is none or the form has a
    by-phrase agent. (A by-phrase of the noun wins over it: "two children were involved
    in the attack carried out by rebels" is the rebels'.)"""
    if not t.is_noun:
        return None
    n = t.token
    v = None
    if n.dep_ == "pobj" and n.head.lower_ == "in" and n.head.head != n.head:
        v = n.head.head
    elif t.frame != n and any(c.lower_ == "in" and c.dep_ == "prep" for c in t.frame.children):
        v = t.frame
    if v is None or v.lemma_.lower() not in words("participant_passives") or v.tag_ not in ("VBN", "JJ"):
        return None
    if any(c.dep_ == "agent" for c in v.children):
        return None
    subj = next((c for c in v.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    if subj is None and v.dep_ in ("acl", "relcl") and v.head != v:
        subj = v.head  # "soldiers involved in the massacre"
    return subj


def denied_participant(t: Trigger) -> set[int]:
    """The index of the subject of a negated ``participant_passives`` form whose "in"
    phrase is the event noun ("Russia was not involved in the talks": Russia), as a set
    (empty when there is none): it took no part in the act, so no argument model may
    make it the act's actor either (annotation guide section 6: the actor is who does
    the act). The act itself, done by others, stays: the corpus train split labels "we
    are not involved in strikes against Iran" ASSAULT for the strikes beside the denied
    part. Raises nothing."""
    part = _participant(t)
    return {part.i} if part is not None and _participation_denied(t) else set()


def _participation_denied(t: Trigger) -> bool:
    """True when the ``participant_passives`` form of :func:`_participant` is negated
    ("Russia was not involved in the talks", "soldiers never engaged in the fighting"):
    its subject took no part in the act."""
    n = t.token
    v = n.head.head if n.dep_ == "pobj" and n.head.lower_ == "in" else t.frame
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not") for c in v.children)


def _received(t: Trigger, etype: str) -> tuple[Token | None, list[Token]] | None:
    """The source and the receivers of an event noun that its verb turns round:
    ``(source, receivers)``, or None when the noun is no such verb's object.

    - a ``receiver_verbs`` verb with the noun as object ("Ghana received an urgent
      request from Togo", "Poland is facing cyberattacks from Russia"), or a
      ``source_receiver_verbs`` one that names the source ("the plan has the backing of
      Egypt"): the source is the object of a ``receiver_source_preps`` preposition on
      the noun or the verb, or the noun's possessive (:func:`_source_of`), the
      receivers the verb's subject;
    - an ``attribution_verbs`` verb laying the noun's act on someone ("police
      attributed the bombing to Boko Haram", "the attack was blamed on militants", "an
      attack attributed to al-Shabab"): the source is the object of an
      ``attribution_preps`` preposition; no receivers (the verb's subject, who makes the
      claim, becomes the trigger's ``claimed_by`` when it has none).

    Source: docs/annotation.md, section 6 (actor = who does the act, recipient = at whom
    it is directed) and section 5 (the accuser is the claimant of the alleged act)."""
    n = t.token
    if not t.is_noun:
        return None
    v = n.head if n.head != n else None
    lemma = v.lemma_.lower() if v is not None else ""
    if v is not None and v.pos_ in ("VERB", "AUX") and n.dep_ in ("dobj", "obj") \
            and lemma in words("receiver_verbs") | words("source_receiver_verbs"):
        source = _source_of(n, v, QUAD_CLASS.get(etype, "").startswith("verbal"))
        if source is None and lemma not in words("receiver_verbs"):
            return None
        subj = syntax.subject(v)
        return source, [subj] if subj is not None and subj.i != n.i else []
    attrib = None
    if v is not None and n.dep_ in ("dobj", "obj", "nsubjpass") and v.lemma_.lower() in words("attribution_verbs"):
        attrib = v
    else:
        attrib = next((c for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN"
                       and c.lemma_.lower() in words("attribution_verbs")), None)
    if attrib is None:
        return None
    preps = tuple(words("attribution_preps"))
    # the parse may hang "on X" of "blamed the ambush on X" on the noun; of two ("blamed
    # the attack on Bamako on jihadists") the last is whom it is laid on
    found = syntax.prep_objects(attrib, preps) + (syntax.prep_objects(n, preps) if attrib is v else [])
    source = max(found, key=lambda p: p.i) if found else None
    if source is None or source.pos_ in ("VERB", "AUX"):
        return None
    if n.dep_ in ("dobj", "obj") and t.claimed_by is None:
        t.claimed_by = syntax.subject(attrib)
    return source, []


def _source_of(n: Token, v: Token, verbal: bool) -> Token | None:
    """Who a received event noun ``n`` comes from: the object of a
    ``receiver_source_preps`` preposition on ``n`` or its verb ``v`` ("criticism from
    X", "received from X an offer"); for a ``verbal`` act also the noun's possessive
    ("the presidents' support") and an "of" phrase that names a state, group, person
    or pronoun ("the support of Brazil"; a material act's "of" names whom it was done
    to: "the release of two Americans"). None when there is none."""
    preps = words("receiver_source_preps")
    if verbal:
        poss = next((c for c in n.children if c.dep_ == "poss"), None)
        if poss is not None:
            return poss
    for h in (n, v):
        for c in h.children:
            if c.dep_ not in ("prep", "agent") or c.lower_ not in preps:
                continue
            if c.lower_ == "of" and (h is v or not verbal):
                continue
            for p in c.children:
                if p.dep_ != "pobj" or p.pos_ in ("VERB", "AUX", "NUM") \
                        or p.ent_type_ in ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"):
                    continue
                if c.lower_ == "of" and not (p.pos_ in ("PROPN", "PRON") or p.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")):
                    continue
                return p
    return None


def _antecedent(tok: Token | None) -> Token | None:
    """The noun a relative pronoun stands for ("the rebels who attacked the base": "who"
    is "the rebels"; also in a coordinated relative clause, "who ... and who ..."); any
    other token is returned as it is."""
    if tok is None or tok.tag_ not in ("WP", "WDT") or tok.lower_ not in words("relative_pronouns"):
        return tok
    x, hops = tok.head, 0
    while x.dep_ == "conj" and x.head != x and hops < 3:
        x, hops = x.head, hops + 1
    if x.dep_ == "relcl" and x.head != x:
        return x.head
    return tok


def act_agent(r: Token) -> Token | None:
    """``r`` itself, unless it is an act noun (words.yaml ``criticised_act_nouns``: "the
    killing of protesters", "Russia's shelling of Kharkiv"):
    then whose act it is, by its by-phrase (:func:`_noun_agent`) or its possessive or
    national modifier ("Russia's", "the Russian attack"), and None when it names none."""
    if r.pos_ != "NOUN" or r.lemma_.lower() not in words("criticised_act_nouns"):
        return r
    agent = _noun_agent(r)
    if agent is not None:
        return agent
    return next((c for c in r.children if c.dep_ == "poss" or (
        c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("NORP", "GPE", "ORG"))), None)


#: Named-entity labels of a word that names a party itself (not a date, number or place word).
_PARTY_ENTS = ("PERSON", "ORG", "NORP", "GPE")
#: Named-entity labels of a possessor or modifier that only dates or counts ("Sunday's election").
_NO_PARTY_ENTS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY")


def is_thing(r: Token, etype: str | None = None) -> bool:
    """True when ``r`` is a common noun of words.yaml ``thing_nouns`` ("results",
    "suspension", "use", "warrant", "proposal"): a thing or act that names no party. A
    word the tagger read as a verb in a noun's place (an object or subject: "Rwanda
    rejects UN call to withdraw troops", a headline's "call" tagged VERB and parsed
    ``dobj``) counts as the noun (r28q). In an event of ``etype`` of words.yaml
    ``call_party_types`` (a refusal of or stance on a call), a call noun (``call_nouns``:
    "a UN call", "the EU's demand") is a thing too (r28q)."""
    if not (r.pos_ == "NOUN" or r.pos_ == "VERB" and r.dep_ in _NOUN_DEPS):
        return False
    lemma = r.lemma_.lower()
    return lemma in words("thing_nouns") or (
        etype in words("call_party_types") and lemma in words("call_nouns"))


#: Dependencies of a noun's place (a verb parsed there is a mistagged noun: :func:`is_thing`).
_NOUN_DEPS = ("dobj", "obj", "nsubj", "nsubjpass", "pobj")


def thing_party(r: Token, depth: int = 0) -> Token | None:
    """The party a thing noun ``r`` (:func:`is_thing`) names, for a recipient: its
    possessor ("the government's suspension of talks"), its agent's by-phrase ("the
    proposal made by the president": :func:`_noun_agent`), a modifier that names a state,
    people or body ("a U.S. proposal", "an ICC warrant", "the Honduran election"), a
    "between" party ("the deal between Britain and Mauritius"), a body it is "at" or "in"
    ("the vote at the Security Council"), a source's "from" phrase ("statements from
    the two officials"), the state an election is held in (words.yaml ``held_in_nouns``:
    "elections in Venezuela"); else, through its "of" object, that object's own party
    when it is a thing or names one ("the results of the Honduran election", "the
    election of Todd Smith"); else a body's adjective (``office_adjectives``: "the
    congressional move", "presidential decrees"; not of an election). None when it names none ("the results of Sunday's
    election", "the use of force against protesters"): the thing itself, its date, its
    place and the people it befell are no party to the stance (docs/annotation.md
    section 5: the recipient is the party whose act is criticised, empty if unnamed;
    words.yaml ``thing_nouns`` gives the train split's counts). ``r`` itself when it is
    no thing noun and names a party (a name, or a noun with such a modifier); None for a
    common noun that names none (a thing's "of" object: "force")."""
    if depth > 3:
        return None
    if depth and not is_thing(r):
        if r.ent_type_ in _PARTY_ENTS or r.pos_ == "PROPN":
            return r
        return r if _naming_modifier(r) is not None or any(
            c.dep_ == "poss" and c.ent_type_ not in _NO_PARTY_ENTS for c in r.children) else None
    owner = next((c for c in r.children if c.dep_ == "poss" and c.ent_type_ not in _NO_PARTY_ENTS), None)
    if owner is not None:
        return owner
    agent = _noun_agent(r)
    if agent is not None:
        return agent
    mod = _naming_modifier(r)
    if mod is not None:
        return mod
    held = r.lemma_.lower() in words("held_in_nouns")
    for prep in ("between", "from", "at", "in"):
        for p in syntax.prep_objects(r, (prep,)):
            if prep in ("between", "from") or p.ent_type_ == "ORG" or (held and p.ent_type_ == "GPE"):
                return p
    if held and r.dep_ in ("dobj", "obj"):
        # (the parse often hangs "in Venezuela" on the verb: "condemned elections in Venezuela")
        place = next((p for p in syntax.prep_objects(r.head, ("in",)) if p.ent_type_ == "GPE" and p.i > r.i), None)
        if place is not None:
            return place
    for p in syntax.prep_objects(r, ("of",)):
        got = thing_party(p, depth + 1)
        if got is not None:
            return got
    if not held:
        # "the congressional move", "presidential decrees": the body the adjective names
        return next((c for c in r.children if c.dep_ == "amod" and c.lower_ in words("office_adjectives")), None)
    return None


def _naming_modifier(r: Token) -> Token | None:
    """A modifier of ``r`` that names a state, people or body ("a U.S. proposal", "an ICC
    warrant", "the Honduran election", "the congressional move"), or None."""
    return next((c for c in r.children if c.dep_ in ("amod", "compound", "nmod")
                 and (c.ent_type_ in ("NORP", "GPE", "ORG") or (c.pos_ == "PROPN" and c.ent_type_ not in _NO_PARTY_ENTS))),
                None)


def criticised_act(t: Trigger) -> Token | None:
    """The act noun a stance is taken towards (words.yaml ``criticised_act_nouns``): the
    object of the trigger's verb ("condemned the killing of protesters") or of an
    ``about``/``over``/``at``/``of`` phrase of the verb or of the trigger's words
    ("expressed concern about the detention of ...", "in condemnation of the strikes").
    None when there is none, or when the verb blames (``blame_verbs``: "blamed the
    attacks on militants", where the parse often hangs the blamed party on the act)."""
    acts = words("criticised_act_nouns")
    if t.frame.lemma_.lower() in words("blame_verbs"):
        return None  # "blamed the attacks on militants": the "on" party is the one blamed
    heads = [t.frame, *(w for w in t.words if w is not t.frame)]
    for c in t.frame.children:
        if c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN" and c.lemma_.lower() in acts:
            return c
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("about", "over", "at", "of"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.pos_ == "NOUN" and p.lemma_.lower() in acts:
                        return p
    return None


def _noun_agent(n: Token) -> Token | None:
    """The agent of an event noun given by a by-phrase: on the noun itself ("the attack
    by the FMLN"), on a participle modifying it ("an operation conducted by NISA",
    "the offensive launched by the FMLN") or on the passive verb it is the subject of
    ("the attack was orchestrated by militants"). None when there is none, or when the
    by-phrase is a time or quantity ("by night", "by 5%"). A backing participle
    (words.yaml ``backing_participles``: "M23 rebels backed by Rwanda", "an offensive
    backed by Rwanda") names a supporter, not the doer (annotation guide section 6:
    the actor is who does the act), so its by-phrase is none (:func:`_backer_only`).
    A travel noun's "of" phrase names its traveller too (words.yaml
    ``visitor_of_nouns``: "the visit of the Ghanaian foreign minister to Abuja"), unless
    it names a place, and a mediating noun's names its mediator (``mediating_nouns``:
    "the mediation of Egypt"), when it is a party. A mediating or hosting participle
    (``mediating_participles``: "talks hosted by Cuba", "a truce brokered by Qatar")
    names a third party, not the doer (annotation guide section 3, CONSULT third-party;
    the train gold makes no host of a meeting noun its actor), so its by-phrase is none."""
    if n.lemma_.lower() in words("mediating_nouns"):
        for p in syntax.prep_objects(n, ("of",)):
            if p.pos_ == "PROPN" or p.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
                return p
    if n.lemma_.lower() in words("visitor_of_nouns"):
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                p = next((x for x in c.children if x.dep_ == "pobj"), None)
                if p is not None and p.ent_type_ not in ("GPE", "LOC", "FAC") and p.pos_ in ("NOUN", "PROPN"):
                    return p
    heads = [n] + [c for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN" and not _backer_only(c)
                   and c.lemma_.lower() not in words("mediating_participles")]
    if n.dep_ == "nsubjpass":
        heads.append(n.head)
    for h in heads:
        for c in h.children:
            if c.dep_ in ("agent", "prep") and c.lower_ == "by" and (h == n or c.dep_ == "agent"):
                p = next((x for x in c.children if x.dep_ == "pobj"), None)
                if p is not None and p.ent_type_ not in ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY") \
                        and p.pos_ != "NUM":
                    return p
    return None


#: words.yaml lists of fighting forces: a force that backs another fights beside it.
_FORCE_LISTS = ("troop_nouns", "troop_units", "militia_forces", "police_forces")


def _backer_only(p: Token) -> bool:
    """Whether the participle ``p`` is a backing participle (words.yaml
    ``backing_participles``: "backed", "funded", "armed by") whose by-phrase names a
    sponsor that does not take part: "M23 rebels backed by Rwanda seized Goma" (the
    rebels seized it). A fighting force as the backer ("soldiers backed by militias
    and the military", "forces supported by Djiboutian troops") fights beside the
    modified noun, so the train split's gold lists it among the actors and the by-phrase
    keeps naming one (annotation guide section 6)."""
    if p.lemma_.lower() not in words("backing_participles"):
        return False
    agent = next((c for c in p.children if c.dep_ == "agent"), None)
    obj = next((x for x in agent.children if x.dep_ == "pobj"), None) if agent is not None else None
    if obj is None:
        return True
    forces = set().union(*(words(n) for n in _FORCE_LISTS)) | {"military"}
    return obj.lemma_.lower() not in forces


def _stative(v: Token) -> tuple[Token | None, list[Token]]:
    """ "Israel is opposed to French mediation": an adjective, the subject holds the view;
    the "to" object (or its national modifier) is the recipient."""
    actor = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    recips: list[Token] = []
    for p in syntax.prep_objects(v, ("to",)):
        if p.ent_type_ or p.pos_ == "PROPN":
            recips.append(p)
        else:
            recips.extend(m for m in p.children if m.dep_ in ("amod", "compound", "poss")
                          and m.ent_type_ in ("NORP", "GPE", "ORG"))
    return actor, recips


def _receivers(t: Trigger, etype: str, recips: list[Token]) -> list[Token]:
    """The recipients of ``t`` after the parse rules found ``recips``: the receiving
    party of a hand-over ("extradited a financier to the United States":
    :func:`handed_over`), else ``recips``, else the fallbacks
    (:func:`_fallback_recipients`). A hand-over that frees captives (words.yaml
    ``release_handover_types``: RETREAT, "the soldiers were handed over to a humanitarian
    commission") has the freed as its recipient, as every release of the train gold has
    ("Mech Dara was released": recipient Mech Dara), not the body that received them
    (r22b, a blind trial)."""
    handed = handed_over(t)
    if handed is not None and etype not in words("release_handover_types"):
        return handed[0]
    if handed is not None:
        freed = [r for r in recips if r.i in handed[1]]
        if freed:
            return freed
    return recips or _fallback_recipients(t, etype)


def _feeling(v: Token) -> tuple[Token | None, list[Token]] | None:
    """ "NATO said it was alarmed by the incursion", "Kenya is deeply troubled by the
    arrests": a passive of feeling (words.yaml ``feeling_passives``) whose subject feels;
    the subject is the actor, and the by-phrase, what the feeling is about, gives the
    recipient: its party when it is an act or thing (:func:`act_agent`,
    :func:`thing_party`), else itself. None without both a subject and a by-phrase.
    Annotation guide section 5 ("expressed concern about": ACCUSE disapprove, recipient
    the party whose act is criticised, empty if unnamed); a fresh user's trial, twentieth
    round (the by-phrase's act was taken for the actor and "it" for the recipient)."""
    if v.lemma_.lower() not in words("feeling_passives"):
        return None
    subj = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    about = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subj is None or about is None:
        return None
    party = act_agent(about)
    if party is not None and is_thing(party):
        party = thing_party(party)
    return subj, [party] if party is not None else []


def _actor(t: Trigger, passive: bool) -> tuple[Token | None, list[Token]]:
    """The actor (agent or subject) and, for a passive, the passive subject as recipient."""
    v = t.frame
    recips: list[Token] = []
    actor: Token | None = None
    if passive:
        agent = next((c for c in v.children if c.dep_ == "agent"), None) or _duration_agent(v)
        if agent is not None:
            actor = next((c for c in agent.children if c.dep_ == "pobj"), None)
        else:
            actor = summoner(v)
        sp = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        if sp is None and headline_passive(v):
            sp = syntax.subject(v)
        if sp is not None and not (t.is_noun and sp == t.token) and not _launched_munition(v, sp):
            recips.append(sp)
        return actor, recips
    if not t.is_noun and v.dep_ == "acl" and v.tag_ == "VBN" and v.head != v and not _has_object(v):
        # "the convoy, attacked by gunmen near Goma, ...", "aid workers, abducted by
        # militants last week, ...": a passive participle on a noun; its by-phrase names
        # who did it and the noun it modifies suffered it (annotation guide section 6:
        # the passive agent is the actor; r25d)
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if by is not None:
            return by, [] if _launched_munition(v, v.head) else [v.head]
    actor = syntax.subject(v)
    if actor is not None and t.is_noun and actor == t.token:
        actor = None
    if not t.is_noun and (actor is None or actor.lemma_.lower() in words("claim_nouns")):
        actor = _relative_denier(v) or actor
    # "Putin is due to meet Erdogan", "Japan was quick to condemn", "Iran is expected to
    # release": the subject of the governing adjective or raising verb
    x, hops = v, 0
    while actor is None and x.dep_ in ("xcomp", "acomp") and x.head != x and hops < 3:
        x, hops = x.head, hops + 1
        actor = syntax.subject(x) or next((c for c in x.children if c.dep_ == "nsubjpass"), None)
    if actor is None and (not t.is_noun or v != t.token):
        # a noun's act told by a charged gerund ("accused of directing the massacre",
        # "accused Moscow of carrying out strikes"): the gerund's understood subject
        actor = _controller(v)
    return actor, recips


def _duration_agent(v: Token) -> Token | None:
    """The "by" phrase of the passive verb ``v`` that the parse hung on a duration
    between them ("was blocked for a fourth day by RSF fighters": "by" on "day"; words.yaml
    ``duration_nouns``): the passive agent, who did it (annotation guide section 6: the
    passive agent is the actor; without the duration the parse gives the agent, r28o, a
    fresh user's trial). None when there is no such phrase."""
    for c in v.children:
        if c.dep_ != "prep" or c.lower_ not in ("for", "over", "during"):
            continue
        for p in c.children:
            if p.dep_ == "pobj" and p.lemma_.lower() in words("duration_nouns"):
                by = next((b for b in p.children if b.dep_ == "prep" and b.lower_ == "by"), None)
                if by is not None and any(x.dep_ == "pobj" and x.ent_type_ not in ("DATE", "TIME") for x in by.children):
                    return by  # (not "by Friday": a deadline)
    return None


def headline_passive(v: Token) -> bool:
    """True when ``v`` is the past participle of a headline line with its auxiliary
    dropped: "Kidnapped aid worker freed in Niger", "Three journalists detained in
    Bolivia" (the main verb, tagged VBN or a regular -ed past tagged VBD that is not in
    words.yaml ``headline_active_past_verbs``, with a subject and no auxiliary and no object, on
    a line of its own with no full stop: :func:`tidings.lines.is_headline_line`). A
    headline tells an active act in the present ("Army frees aid worker") and drops the
    "is"/"was" of a passive, so its subject is the one acted on: the recipient, as
    for any passive (docs/annotation.md section 5, passives; section 6, the recipient is
    the entity acted upon; a fresh user's trial, r27o). Prose, which ends in a full
    stop, is never read this way."""
    from ..lines import is_headline_line

    if v.dep_ != "ROOT" or syntax.subject(v) is None:
        return False
    # the case-restored line may tag a regular participle as a simple past ("aid worker
    # freed in Niger": VBD); a verb that also tells an act with no object in the past
    # ("protesters rallied", "talks collapsed": headline_active_past_verbs) is left alone
    regular = v.tag_ == "VBD" and v.lower_.endswith("ed") and \
        v.lemma_.lower() not in words("headline_active_past_verbs")
    if v.tag_ != "VBN" and not regular:
        return False
    if any(c.dep_ in ("aux", "auxpass", "dobj", "obj", "dative", "ccomp", "xcomp") for c in v.children):
        return False
    sent = v.sent
    return is_headline_line(v.doc.text, sent.start_char, sent.end_char)


def _relative_denier(v: Token) -> Token | None:
    """The name right before the denial verb ``v`` (``denial_verbs``) that the parse hung
    as an apposition on the claim noun before it (``claim_nouns``): in "..., an
    accusation Phnom Penh denied" the name is the subject of a relative clause with no
    "that", and so the denier; None when the words are otherwise.

    Rule: annotation guide section 3, REJECT (the one denying a charge is the actor); a
    fresh user's trial, twenty-sixth round (r26m)."""
    if v.lemma_.lower() not in words("denial_verbs") or v.tag_ not in ("VBD", "VBN", "VBZ", "VBP"):
        return None
    doc, i = v.doc, v.i - 1
    while i >= 0 and doc[i].pos_ in ("AUX", "PART", "ADV"):
        i -= 1
    if i < 0 or not doc[i].ent_type_ or doc[i].ent_type_ not in ("GPE", "PERSON", "ORG", "NORP"):
        return None
    ent = next((e for e in doc.ents if e.start <= i < e.end), None)
    if ent is None or ent.end != i + 1:
        return None
    root = ent.root
    head = root.head
    if root.dep_ != "appos" or head.i != ent.start - 1 or head.lemma_.lower() not in words("claim_nouns"):
        return None
    return root


def summoner(v: Token) -> Token | None:
    """The institution that summoned, named by the "to" phrase of a summoning passive with
    no by-agent ("the Kenyan envoy was summoned to the Foreign Ministry", "was called in to
    the Kremlin": ``words.yaml`` ``summoning_passives``; "call" only with its particle
    "in"), when that phrase's head is an organisation the parse marks ORG or a noun of
    ``summoning_institutions``; else None. The passive subject stays the recipient
    (annotation guide, section 6: actor = who does the act)."""
    lemma = v.lemma_.lower()
    if lemma not in words("summoning_passives") or any(c.dep_ == "agent" for c in v.children):
        return None
    if lemma == "call" and not any(c.dep_ == "prt" and c.lower_ == "in" for c in v.children):
        return None
    for p in syntax.prep_objects(v, ("to",)):
        if p.ent_type_ == "ORG" or p.lemma_.lower() in words("summoning_institutions"):
            return p
    return None


def _controller(v: Token) -> Token | None:
    """The understood subject of a gerund after a verb's direct object and a preposition
    of ``object_control_preps`` ("accused Moscow of shelling", "blamed the rebels for
    ambushing"): that object (:func:`syntax.object_control`), else None. An accusing
    verb (words.yaml ``charge_verbs``) with no object names its accused otherwise: the
    noun its participle modifies ("sanctions on three commanders accused of directing
    the massacre": the commanders) or its passive subject ("Paris was accused of aiding
    rebels": Paris). The accused is the actor of the act it is charged with, never the
    main clause's subject (annotation guide sections 5 and 11; the corpus train gold:
    "Paris was accused of aiding rebels" has an AID by Paris, "two soldiers stand accused
    of the 2004 bombing of the base" an ASSAULT by the soldiers; r28r)."""
    got = syntax.object_control(v)
    if got is None:
        return None
    verb, obj = got
    if obj is None and verb.lemma_.lower() in words("charge_verbs"):
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head != verb and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head
        return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return obj


def _obliged(t: Trigger) -> list[Token]:
    """Recipients of a "must" request: the obliged subject, or "a reminder to X"."""
    out: list[Token] = []
    subj_o = syntax.subject(t.obligation_of)
    if subj_o is not None and subj_o.pos_ != "PRON":
        out.append(subj_o)
    for c in t.frame.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in words("speech_nouns"):
            out.extend(syntax.prep_objects(c, ("to",)))
    return out


def _once(toks: list[Token]) -> list[Token]:
    """``toks`` in order, each word once: an indirect object is both an object and the
    dative recipient ("gave Ukraine two air defence systems"), one party."""
    return list({tok.i: tok for tok in toks}.values())


def _object_recipients(t: Trigger, etype: str) -> list[Token]:
    """Objects as recipients; an AGREE verb's object is what is promised, not the party,
    unless it is an actor ("committed 1,000 police officers" vs "invited Iran"); the
    object of a ``force_object_types`` event is the actor's force ("deployed troops"); the
    object of a discussion verb (``topic_object_verbs``) in a CONSULT is its topic
    ("discussed Sudan with the Saudi foreign minister"). Beside an indirect object the
    direct object is the thing given or told, not a party ("gave Kenya two patrol
    boats": Kenya is the recipient, the boats are what it got). The envoys a sending verb
    sends ("sent a delegation to the talks", ``envoy_sending_verbs`` and ``envoy_nouns`` of
    ``data/words.yaml``) are the actor's own agents, not the party met (PLOVER manual,
    CONSULT; the recipient is the other party); so are the military advisers a state
    sends as AID ("sent 80 military advisers to the Central African Republic", "deployed
    a team of military trainers to Kenya": the "to" phrase names the recipient;
    ``adviser_sending_verbs``, ``military_adviser_nouns``, r28p). The direct object of a giving verb with
    a "to" phrase (words.yaml ``to_supply_verbs``: "will supply military equipment to
    Somalia") is the thing given, unless it names a party (an entity or a pronoun); a
    fresh user's trial, r28l."""
    out: list[Token] = []
    if etype in words("force_object_types") or t.event_type in words("force_object_types"):
        # also a build-up an event rule renamed ("will send troops if the rebels attack":
        # THREATEN; the troops are still the actor's own; twenty-eighth round)
        return out
    sent_envoys = t.frame.lemma_.lower() in words("envoy_sending_verbs")
    sent_advisers = etype == "AID" and t.frame.lemma_.lower() in words("adviser_sending_verbs")
    dative = any(c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON") for c in t.frame.children)
    # what a meeting discusses or reviews is its topic, not the party met ("discussed Gaza
    # with Egypt's foreign minister": the minister; docs/annotation.md section 6)
    topic_verb = etype == "CONSULT" and t.frame.lemma_.lower() in words("topic_object_verbs")
    given_to = t.frame.lemma_.lower() in words("to_supply_verbs") and bool(syntax.prep_objects(t.frame, ("to",)))
    for c in t.frame.children:
        if c.dep_ in OBJ_DEPS and c != t.token and c not in t.words:
            if syntax.is_clause_object(c) or (topic_verb or dative) and c.dep_ in ("dobj", "obj"):
                continue
            if sent_envoys and c.lemma_.lower() in words("envoy_nouns"):
                continue
            if sent_advisers and c.ent_type_ not in ("GPE", "ORG", "PERSON", "NORP") and any(
                    x.lemma_.lower() in words("military_adviser_nouns") for x in c.subtree):
                continue
            if given_to and c.dep_ in ("dobj", "obj") and not (
                    c.ent_type_ in ("GPE", "ORG", "PERSON", "NORP") or c.pos_ in ("PRON", "PROPN")):
                # "will supply military equipment to Somalia": the thing given, never a
                # party; the "to" phrase names the recipient
                continue
            if etype == "AGREE" == t.lexeme.event_type and c.dep_ in ("dobj", "obj") and \
                    t.token.lemma_.lower() not in words("partner_agree_verbs") and not (
                    c.ent_type_ in ("GPE", "ORG", "PERSON", "NORP") or c.pos_ in ("PRON", "PROPN")):
                continue
            out.append(_ranged_party(c))
    return out


def _ranged_party(c: Token) -> Token:
    """The person the parse hid in the count of an object term: in "sentenced a former
    lawmaker to six years in prison" it may read "lawmaker to six" as a range ("10 to 20
    years", quantmod), so the object is "years"; the noun before "to" is the party (a
    fresh user's trial, r22d). Any other object is returned as it is."""
    for num in c.children:
        if num.dep_ == "nummod":
            for q in num.children:
                if q.dep_ == "quantmod" and q.pos_ in ("NOUN", "PROPN") and q.i < num.i and \
                        any(x.dep_ == "quantmod" and x.lower_ == "to" for x in num.children):
                    return q
    return c


def _prep_recipients(t: Trigger, etype: str) -> list[Token]:
    """Objects of the prepositions that introduce a recipient of ``etype`` (and, after an
    event noun, of ``noun_recipient_preps``: "the killing of demonstrators"); after a
    motion verb a place is a destination ("sent personnel to Bosnia").

    An act is no party: a gerund object ("accused Pakistan of shelling") is left out, and
    so is the "of" phrase of a verb that has a direct object ("accused the army of
    abuses": the charge; the object is the recipient), and the "with" phrase of a supply
    verb that has one ("provided Ghana with vaccines": the thing supplied; words.yaml
    ``with_supply_verbs``)."""
    v = t.frame
    preps = table("recipient_preps").get(etype, ())
    noun_preps = set(preps) | set(table("noun_recipient_preps").get(etype, ()))
    out: list[Token] = []
    has_object = any(c.dep_ == "dobj" for c in v.children)
    for h in dict.fromkeys([v] + ([t.token] if t.is_noun else [])):
        for c in h.children:
            if c.dep_ in ("prep", "dative") and (c.lower_ in preps or t.is_noun and h == t.token and c.lower_ in noun_preps):
                if c.lower_ == "of" and h == v and (has_object or _charged_elsewhere(v)):
                    continue
                if c.lower_ == "with" and h == v and has_object and v.lemma_.lower() in words("with_supply_verbs"):
                    # "provide the Philippines with patrol vessels": the thing supplied
                    continue
                for p in c.children:
                    if p.dep_ != "pobj" or p.pos_ in ("VERB", "AUX"):
                        continue
                    if c.lower_ == "to" and h == v and v.lemma_.lower() in words("motion_verbs") \
                            and p.ent_type_ in ("GPE", "LOC", "FAC") and etype != "AID":
                        continue
                    out.append(p)
            elif c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
                out.append(c)
    return out


def _charged_elsewhere(v: Token) -> bool:
    """True when the accusing verb ``v`` (words.yaml ``charge_verbs``) names its accused
    outside its "of" phrase: as the noun a participle describes ("a former senator
    accused of financing gangs") or as a passive subject ("the minister was accused of
    fraud"). Its "of" phrase is then the charge, and nothing in it is a party of the
    accusation (annotation guide section 6: the recipient of ACCUSE is the accused; the
    corpus train split: "Iranian operatives were accused of planning to kidnap X" has the
    operatives alone as recipient). r27p, a fresh user's trial."""
    if v.lemma_.lower() not in words("charge_verbs"):
        return False
    return v.dep_ == "acl" and v.tag_ == "VBN" or any(c.dep_ == "nsubjpass" for c in v.children)


def _fallback_recipients(t: Trigger, etype: str) -> list[Token]:
    """When nothing named a recipient: the subject of a demanded clause, an object's own
    preposition, a noun's "between" phrase, or what the folded acts name. A call noun
    as the object (words.yaml ``call_nouns``; "rejects UN call to withdraw troops", where
    the tagger read "call" as a verb and folded it) gives its caller or no one, never a
    party of what it calls for (r28q)."""
    v = t.frame
    preps = table("recipient_preps").get(etype, ())
    out: list[Token] = []
    for c in v.children:
        if c.dep_ in ("dobj", "obj") and c is not t.token and c.lemma_.lower() in words("call_nouns") \
                and is_thing(c, etype):
            caller = thing_party(c)
            return [caller] if caller is not None else []
    denied = denied_content(t) if etype == "REJECT" else frozenset()
    if etype in ("REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT"):
        # "demanded that the US cancel the sale": the subject of the demanded act
        for c in list(v.children) + (list(t.token.children) if t.is_noun else []):
            if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX") and c.i not in denied:
                conditional, cond = _condition_doer(c) if etype == "THREATEN" else (False, None)
                if conditional:
                    # "If the junta does not free him, ECOWAS will use force, the bloc
                    # warned": the threat is made to whoever must meet the condition;
                    # the threatened act's subject is the threatening side, never its
                    # recipient
                    if cond is not None:
                        out.append(cond)
                    continue
                sc = syntax.subject(c)
                if sc is not None and sc.pos_ != "PRON":
                    out.append(sc)
    if not out:  # "shared evidence with the U.S."
        for c in v.children:
            if c.dep_ == "dobj" and c != t.token:
                out.extend(syntax.prep_objects(c, tuple(p for p in preps if p != "of")))
    if not out and t.is_noun and etype in ("CONSULT", "AGREE", "COOPERATE"):
        out.extend(syntax.prep_objects(t.token, ("between",)))  # "a mediation effort between X and Y"
    if not out and not t.is_noun and etype in ("CONSULT", "AGREE", "COOPERATE"):
        # "offered to mediate between Iran and Saudi Arabia", "is ready to broker talks
        # between the two neighbours": an offer of good offices is made to the sides it
        # would mediate between (annotation guide section 3, AGREE: offers to mediate;
        # section 6, the recipient is whom the act is directed at; words.yaml
        # mediating_participles; a fresh user's trial, r22g)
        for c in v.children:
            if c.dep_ == "xcomp" and c.lemma_.lower() in words("mediating_participles"):
                out.extend(syntax.prep_objects(c, ("between",)))
                out.extend(p for x in c.children if x.dep_ in ("dobj", "obj")
                           for p in syntax.prep_objects(x, ("between",)))
    if not out:
        other = other_act_words(t)
        for sub in t.subs:  # "refused to negotiate with Armenia"
            # not "denied that its jets struck the camp", "if Minsk continues to detain X"
            if sub.token.i not in denied and sub.token.i not in other:
                out.extend(arguments(sub, sub.event_type)[1])
    return out


def _condition_doer(c: Token) -> tuple[bool, Token | None]:
    """Whether the threatened act ``c`` has an "if"/"unless" clause
    (``conditional_marks``), and who would do that clause's act: its subject, or a
    passive's "by" agent; None when it names none, or its doer is a pronoun or the
    threatened act's own subject ("if we have to, we will").

    Rule: the party a conditional threat is made to is the one who must meet the
    condition, not the one who threatens to act (docs/annotation.md section 3,
    THREATEN: "the union threatened a nationwide strike if the bill passed"; section 6,
    the recipient is the one the act is directed at). The train gold agrees: of its
    conditional threats that name the condition's doer, the doer is the recipient
    ("warned that if the rebels do not lay down their weapons ...": the rebels)."""
    marks = words("conditional_marks")
    own = syntax.subject(c)
    for a in c.children:
        if a.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in marks for m in a.children):
            continue
        doer = syntax.subject(a) or next((p for x in a.children if x.dep_ == "agent"
                                          for p in x.children if p.dep_ == "pobj"), None)
        if doer is None or doer.pos_ == "PRON" or own is not None and own.lower_ == doer.lower_:
            return True, None
        return True, doer
    return False, None


def _reimposer(t: Trigger) -> Token | None:
    """Who brings back the act of the event noun of ``t`` when it is the "of" phrase of a
    noun of reimposing (words.yaml ``reimposing_nouns``) that a verb takes as its object:
    "they were triggering the snapback of UN sanctions on Iran", "announced the
    reimposition of EU sanctions": the verb's subject reimposes the sanctions, and "UN"
    or "EU" before the noun names the sanctions' regime, not who acts (annotation guide
    section 6: the actor is who does the act; the train gold: "joining EU sanctions on
    Russia" has the joining state as actor; a fresh user's trial, r27o). None otherwise."""
    tok = t.token
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return None
    back = tok.head.head
    if back.lemma_.lower() not in words("reimposing_nouns") or back.dep_ not in ("dobj", "obj"):
        return None
    verb = back.head
    return syntax.subject(verb) or (_shared_subject(verb) if verb.dep_ in ("conj", "xcomp", "advcl") else None)


def _noun_actor(t: Trigger) -> Token | None:
    """A noun trigger's actor from its modifier ("Israeli air raids") or, in a headline,
    its between/by/of phrase."""
    for c in t.token.children:
        if c.dep_ in ("amod", "compound", "poss", "nmod") and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.dep_ == "poss"
                                                               or _combining_pair(c)):
            if venue_of_meeting(c):
                continue
            return c
    if t.token.dep_ == "ROOT":
        for c in t.token.children:
            if c.dep_ == "prep" and c.lower_ in ("between", "by", "of"):
                return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def venue_of_meeting(tok: Token) -> bool:
    """True when ``tok`` is a place before a meeting noun (words.yaml ``meeting_nouns``):
    "the Madrid talks", "the Costa Rica meeting", "the Jeddah talks" name where it is held
    (or what it is about), not who holds it; a possessive ("Cristiani's meeting") or a
    hyphenated pair ("U.S.-Pakistan talks") names its parties. Issue 17: such places were
    the actor of the meeting (8 of the 10 wrong-country actors of the kind on train)."""
    return tok.dep_ in ("compound", "nmod", "amod") and tok.ent_type_ == "GPE" \
        and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in words("meeting_nouns") and not _hyphen_pair(tok)


def _hyphen_pair(tok: Token) -> bool:
    """True when ``tok`` is one side of a hyphenated pair ("U.S.-Pakistan", "Iran-Iraq")."""
    doc = tok.doc
    if any(ch in tok.text.strip("-") for ch in ("-", "\u2013")):
        return True  # one token: "U.S.-Pakistan"
    return (tok.i > 0 and doc[tok.i - 1].text in ("-", "\u2013") and tok.i > 1 and doc[tok.i - 2].ent_type_) \
        or (tok.i + 2 < len(doc) and doc[tok.i + 1].text in ("-", "\u2013") and bool(doc[tok.i + 2].ent_type_))


def _combining_pair(tok: Token) -> bool:
    """True when ``tok`` is the second side of a hyphenated pair opened by a combining
    form of a country name (``tables.yaml`` ``combining_forms``: "Franco-German talks",
    whose words the parse may tag a PERSON): the pair names the event noun's parties
    (r25d)."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text in ("-", "\u2013") \
        and doc[tok.i - 2].lower_ in table("combining_forms")


def stance_anchor(t: Trigger) -> Token:
    """The word whose place in a stance word's object :func:`syntax.stance_takers` reads:
    an event noun itself, else the trigger's verb (a relative or participle clause's
    verb reaches the noun it modifies: "mourned the villagers who were killed")."""
    return t.token if t.is_noun else t.frame


def _speaker_conjunct(v: Token) -> bool:
    """True when ``v``, a speaker's stance verb in the simple past (``words.yaml``
    ``speaker_stance_verbs``: vowed, pledged, demanded ...), is parsed as a conjunct of a
    reported clause in the past under a reporting verb in the past ("X said Y hit Z and
    vowed to retaliate"): the two past verbs of the speaker go together, and the stance
    is the speaker's (annotation guide section 6: the actor is who does the act)."""
    h = v.head
    return v.dep_ == "conj" and v.tag_ == "VBD" and v.lemma_.lower() in words("speaker_stance_verbs") \
        and h.dep_ == "ccomp" and h.head.tag_ == "VBD" and h.head.lemma_.lower() in words("reporting") \
        and syntax.subject(h) is not None and syntax.subject(h.head) is not None


def caused_act(t: Trigger) -> bool:
    """True when ``t`` is an event noun that is the object of a verb of causing
    (``words.yaml`` ``causing_verbs``: "sparked protests", "prompting riots"): the
    verb's subject, or the clause it hangs on, caused the act and did not do it
    (annotation guide section 6: the actor is who does the act)."""
    v = t.token.head
    return t.is_noun and t.token.dep_ in ("dobj", "obj") and v == t.frame \
        and v.lemma_.lower() in words("causing_verbs")


def _own_actor(t: Trigger, accuser: Token | None, actor: Token | None) -> Token | None:
    """The actor of the event noun of ``t``: its accuser (:func:`_accuser_of`) or its
    by-phrase ("an operation conducted by NISA", "attacks carried out by the cartel",
    "the attack was orchestrated by militants": whoever is the subject of the
    sentence's verb), else ``actor``, the frame's. A claim noun that a denial verb
    takes (:func:`denied_noun`: "Pakistan rejected the accusations", "the charges were
    dismissed by the court") has only its own agent: the denier made no charge."""
    own = accuser or _noun_agent(t.token)
    if denied_noun(t):
        if own is not None and own.head.dep_ == "agent" and own.head.head == t.token.head:
            own = None
        return own
    return own or actor


def _accuser_of(t: Trigger, etype: str) -> Token | None:
    """The accuser named by the "of" phrase of an accusation noun: "the accusations of
    the United States that ...", "the allegations of India" (the party whose charge it
    is, the ACCUSE actor; annotation guide section 3, ACCUSE, and section 6: the actor
    is who does the act). Only a party (a proper noun or pronoun, or a state, people,
    organisation or person): "accusations of corruption", "charges of murder" name the
    charge. None for other types and words."""
    if etype != "ACCUSE" or not t.is_noun or t.token.lemma_.lower() not in words("claim_nouns"):
        return None
    for p in syntax.prep_objects(t.token, ("of",)):
        if p.pos_ in ("PROPN", "PRON") or p.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
            return p
    return None


def denied_noun(t: Trigger) -> bool:
    """True when ``t`` is a claim noun (words.yaml ``claim_nouns``) that a denial verb
    (``denial_verbs``) denies: "Pakistan rejected the accusations", "the charges were
    dismissed by the court". The denying party answers the charge and did not make it,
    so the verb's subject or agent is never the claim's actor (annotation guide section
    3: denying an accusation is REJECT by the denier)."""
    n = t.token
    return t.is_noun and n.lemma_.lower() in words("claim_nouns") and n.dep_ in ("dobj", "obj", "nsubjpass") \
        and n.head.lemma_.lower() in words("denial_verbs")


def denied_content(t: Trigger) -> frozenset[int]:
    """Token indexes of what a denial denies, when ``t``'s verb is a denial verb
    (words.yaml ``denial_verbs``: "denied that Russian aircraft violated the airspace",
    "rejected claims that its troops shelled the town"): the verb's own that-clause, and
    the that-clause of a claim noun (``claim_nouns``) that is its object. Empty for any
    other verb.

    The denying party answers a charge; whom the denied act is told of is no recipient
    of the denial, and neither is anyone else named inside it: the recipient is the
    accuser when named ("rejected the accusations of the United States", "denied
    charges made by the army"), else none (annotation guide, section 3, REJECT: denying
    an accusation; the train split labels no recipient for every "denied that ..."
    sentence whose accuser is not named)."""
    v = t.frame
    if v.lemma_.lower() not in words("denial_verbs"):
        return frozenset()
    out: set[int] = set()
    claims = words("claim_nouns")
    for c in v.children:
        if c.dep_ == "ccomp":
            out.update(w.i for w in c.subtree)
        elif c.dep_ in ("dobj", "obj") and c.lemma_.lower() in claims:
            for x in c.children:
                if x.dep_ not in ("acl", "ccomp", "relcl") or x.pos_ not in ("VERB", "AUX"):
                    continue
                if x.tag_ == "VBN" and syntax.subject(x) is None:
                    # a participle naming the accuser ("the allegations made by Athens
                    # that ..."): only its that-clause is denied
                    out.update(w.i for c2 in x.children if c2.dep_ == "ccomp" for w in c2.subtree)
                else:
                    out.update(w.i for w in x.subtree)
    return frozenset(out)


def other_act_words(t: Trigger) -> frozenset[int]:
    """Token indexes of the parties of another act that ``t``'s clause names as its
    reason or its condition, who are not ``t``'s (annotation guide section 6: the
    recipient is the one the act is directed at):

    - the victims and places of a wrongdoing (words.yaml ``wrongdoing_nouns``,
      ``criticised_act_nouns``) in a reason phrase (``reason_preps``) of the trigger's
      verb, of its noun or of their objects: "a warrant for the general for crimes
      against the Rohingya", "sanctions on three commanders over the killing of
      protesters". Whose wrongdoing it is (its possessive, by-phrase or participle)
      stays: the party made to answer for it is the recipient ("accountability for the
      crimes committed by Russia's forces", "in reprisal for the government's offensive
      against them": the train gold);
    - what the act of an "if"/"unless" clause (``conditional_marks``) of the trigger's
      verb is done to: "will impose sanctions on Belarus if Minsk continues to detain
      activists". Its subject (or a passive's agent) stays: the party a conditional threat
      is made to ("sanctions could follow if Ankara activated the system": the train
      gold).

    - the victims and places of an act (``criticised_act_nouns``) that a verb coordinated
      with the trigger's takes as its object: "adopted a resolution condemning the
      government's crackdown on protesters and calling for sanctions": the protesters
      are the crackdown's, not the call's (a fresh user's trial, twentieth round). Whose
      act it is stays.

    Looks at the children of the verb, of the noun and of their objects only, and at the
    objects of the verbs coordinated with the verb."""
    v = t.frame
    reasons, marks = words("reason_preps"), words("conditional_marks")
    acts = words("wrongdoing_nouns") | words("criticised_act_nouns")
    out: set[int] = set()
    if not t.is_noun:
        sisters = [x for x in (*v.conjuncts, v.head if v.dep_ == "conj" else None) if x is not None and x != v]
        for x in sisters:
            for c in x.children:
                if c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN" and c.lemma_.lower() in words("criticised_act_nouns"):
                    out.update(w.i for p in c.children if p.dep_ == "prep" and p.lower_ != "by" for w in p.subtree)
    heads = dict.fromkeys([v, t.token])
    for h in list(heads):
        for c in h.children:
            if c.dep_ in ("dobj", "obj", "nsubjpass"):
                heads[c] = None
            elif c.dep_ == "prep" and c.lower_ not in reasons:
                heads.update((p, None) for p in c.children if p.dep_ == "pobj")
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in reasons:
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() in acts:
                        out.update(w.i for x in p.children if x.dep_ == "prep" and x.lower_ != "by"
                                   for w in x.subtree)
            elif h is v and c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children):
                # who would do the conditioning act (its subject, or a passive's agent:
                # "unless the tariffs are dropped by Canada") stays
                doers = [syntax.subject(c), *(x for x in c.children if x.dep_ == "agent")]
                keep = {w.i for d in doers if d is not None for w in d.subtree}
                out.update(w.i for w in c.subtree if w.i not in keep)
    return frozenset(out)
