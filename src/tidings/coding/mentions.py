"""Actor mentions: from head tokens to :class:`~tidings.records.Entity` records.

Wraps the actor resolver (:class:`tidings.actors.ActorResolver` or anything with its
``resolve(text, context, date, memory)`` method) with what the parse adds: compound
actors ("Ethiopian and Eritrean officials", "the leaders of Azerbaijan and Armenia"),
pronouns resolved to the story's earlier mentions, a country from a place phrase ("riot
police in Georgia") or an apposition ("Hikmet Hajiyev, an aide to the Azerbaijani
president"), and the country a story is about.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..actors import armed_nonstate_sectors, head_terms
from ..records import Entity
from . import syntax
from .state import StoryState
from .syntax import OBJ_DEPS
from .trigger import Trigger
from .words import table, words


class Mentions:
    """Resolve mentions with ``resolver`` (see the module doc)."""

    def __init__(self, resolver: Any) -> None:
        self.resolver = resolver

    def resolve(self, text: str, sent: Span, state: StoryState) -> Entity | None:
        """One mention's entity, or None (the resolver sees the sentence as context)."""
        return self.resolver.resolve(text, state.text_of(sent), state.story.pub_date, state.memory)

    def entities(self, tok: Token | None, sent: Span, state: StoryState,
                 etype: str | None = None) -> list[Entity]:
        """The entities of the noun phrase headed by ``tok`` and its conjuncts, without
        repeats (same country, IGO, sector and name), in order. ``etype``: the event type
        the phrase is an argument of (a plural pronoun of a meeting or agreement refers
        to the parties of the last meeting), or None."""
        if tok is None:
            return []
        # a conjunct that is the next clause's subject is no member of the list
        # ("released a teacher and Paris handed over ...": syntax.stranded_subject)
        heads = [tok] + [c for c in tok.conjuncts if c.i > tok.i and not syntax.is_stranded_subject(c)]
        # a list the parse made an apposition of: "Mali, Burkina Faso and Niger"
        heads += [c for c in syntax.apposition_list(tok) if not syntax.is_stranded_subject(c)]
        # a headline's bare comma list of subjects: "Japan, South Korea, US hold drills"
        if tok.dep_ in ("nsubj", "nsubjpass") and _headline_line(sent, state):
            more = [h for h in syntax.headline_name_list(tok) if h not in heads]
            heads = sorted(heads + more, key=lambda h: h.i) if more else heads
        seen: set[tuple] = set()
        out: list[Entity] = []
        split = _joined_title(tok)
        pair = self._two_parties(*split[:2], sent, state) if split is not None else None
        if not pair and split is None:
            named = _nested_name_pair(tok)
            if named is not None:
                # "met Egyptian Foreign Minister X and Jordanian Foreign Minister Y": the
                # parse hung the first name on the second's; each is a party of its own
                got = [self.resolve(sp.text, sent, state) for sp in named]
                if all(e is not None and (e.country or e.igo) for e in got):
                    pair = [replace(e, text=sp.text) for e, sp in zip(got, named)]
                    split = (named[0], named[1], None)
        if pair:
            # "The Secretary and Foreign Minister X discussed ...", "The President and
            # Prime Minister Kishida welcomed ...": the parse made one phrase of two
            # parties; the title refers back, the named one is resolved as itself
            heads = [h for h in heads if h != tok and (split[2] is None or h != split[2])]
            out.extend(pair)
            seen.update((e.country, e.igo, e.sector, e.name) for e in pair)
        for h in heads:
            for e in self.for_head(h, sent, state, etype):
                k = (e.country, e.igo, e.sector, e.name)
                if k not in seen:
                    seen.add(k)
                    out.append(e)
        return out

    def for_head(self, h: Token, sent: Span, state: StoryState, etype: str | None = None) -> list[Entity]:
        """The entities one head word names (usually one; several for "the leaders of
        Azerbaijan and Armenia" or "Ethiopian and Eritrean officials"). Pronouns and
        descriptions that name no country ("we", "they", "the Secretary", "the two
        leaders") take the story's entity they refer to (:meth:`refer_back`)."""
        if h.pos_ == "PRON":
            if h.lower_ in words("plural_descriptions"):
                # "both" standing alone ("X met Y, and both emphasized ...", "Both
                # condemned the attack"): the parties of the last meeting or the last
                # group, as "both leaders" (issue 16, actors not given; docs/annotation.md
                # section 6: a pronoun takes the entities it refers to)
                back = self.refer_back(h, sent, state, etype)
                if back:
                    return back
            return self._pronoun(h, sent, state, etype)
        owner = _holding_owner(h)
        if owner is not None:
            # "froze the assets of two army generals": the owner is the party (words.yaml
            # owned_holding_nouns; r27p)
            return self.for_head(owner, sent, state, etype)
        if syntax.manner_phrase(h):
            return []  # "will respond with force", "took the town by force": how, not who
        if syntax.condition_phrase(h):
            return []  # "declared a state of emergency": a condition, not the state
        if syntax.prefixed_name_part(h):
            return []  # "the Pan-American highway": a road's name, not the United States
        if syntax.level_phrase(h):
            return []  # "at the level of deputy foreign ministers": a rank, not a party
        group = country_group(h)
        if group:
            return group
        owner = _weapon_owner(h)
        if owner is not None:
            # "shot down 41 of the 58 drones launched by Russia": Russia's drones, never
            # the story's or the shooting side's (words.yaml weapon_owner_participles; r28k)
            owned = [e for e in self.for_head(owner, sent, state) if e.country or e.igo]
            if owned:
                return [replace(e, text=syntax.phrase(h)) for e in owned]
        found = self._for_head_kept(h, sent, state)
        found = self._officers_of_partner_force(found, h, sent, state)
        bloc = self._named_organisation(h, state)
        if bloc is not None:
            # "The bloc also urged ...", "the union criticised ..." after the story named
            # ECOWAS or the EU: that organisation, not the story's country (r28c)
            return [replace(bloc, text=syntax.phrase(h, stop_of=True), how="story context")]
        if found and _generic_mention(h) and all(e.country is None and e.igo is None for e in found):
            # "warned any state against hosting troops": no party in particular, and not
            # the story's one either (a fresh user's trial, twentieth round)
            return []
        if found and all(e.country is None and e.igo is None for e in found) and (
                h.lower_ in words("generic_hostile_nouns") or " ".join(
                    [c.lower_ for c in h.children if c.dep_ == "amod" and c.i < h.i][-1:] + [h.lower_])
                in words("generic_hostile_nouns") or _generic_states(h) or _foreign_description(h)):
            # "the enemies", "hostile forces" in a state's own warning, "non-littoral
            # states", "foreign powers": no party unless the sentence names it, neither the
            # story's nor the place's (words.yaml generic_hostile_nouns,
            # generic_state_descriptions; annotation guide section 6; r26g, r26ad)
            return [replace(e, how="generic party") for e in found]
        if found and h.lemma_.lower() in words("other_party_nouns"):
            others = self._others_of_owner(found, h, sent, state)
            if others is not None:
                return others
        if found and any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in h.children) \
                and not _in_quotes(h, sent):
            found = self._voice_owns(found, sent, state)
        owner = next((c for c in h.children if c.dep_ == "poss" and (
            c.lower_ in words("pronouns_it") | {"their"}
            or c.lower_ in ("his", "her") and h.lemma_.lower() in words("person_owned_state_nouns")
            or c.lower_ in ("his", "her") and h.lower_ in words("person_owned_state_nouns"))), None)
        if owner is not None and found and all(e.country is None and e.igo is None for e in found) \
                and h.lemma_.lower() not in words("other_party_nouns"):
            found = self._owner_owns(found, owner, sent, state)
        described = next((c for c in h.children if c.dep_ == "poss" and c.lemma_.lower()
                          in words("organisation_descriptions")), None)
        if described is not None and found and all(e.country is None and e.igo is None for e in found):
            found = self._organisation_owns(found, described, sent, state)
        if found and all(e.country is None and e.igo is None for e in found):
            # "the court", "the tribunal", "the court's jurisdiction" after the ICJ
            court = self._named_court(h, state) or next(
                (self._named_court(c, state) for c in h.children if c.dep_ == "poss"), None)
            if court is not None:
                return [replace(court, text=syntax.phrase(h, stop_of=True), how="story context")]
        of_pair = next((p for p in syntax.prep_objects(h, ("of",)) if pair_description(p)), None)
        if of_pair is not None and len(found) == 1 and found[0].name is None and found[0].igo is None:
            # "the troops of both countries", "officials of the two governments": each
            # state's, with the head's own sector (words.yaml pair_descriptions)
            pair = self.story_pair(of_pair, state)
            if pair:
                return [replace(found[0], country=e.country, how="story context") for e in pair]
        group = _member_group(h)
        if group is not None and len(found) == 1 and found[0].country is None and found[0].igo is None:
            # "11 Georgian officials, including the interior minister": the member is of
            # the group's country (words.yaml member_preps; r27p)
            whole = [e for e in self._for_head_kept(group, sent, state) if e.country]
            if len({e.country for e in whole}) == 1:
                return [replace(found[0], country=whole[0].country, how="apposition")]
        if not found or all(e.country is None and e.igo is None and e.name is None for e in found):
            back = self.refer_back(h, sent, state, etype, bare=not found)
            if back:
                return back
        found = [_fighters_of_named_group(e, state) for e in found]
        for e in found:
            if e.country or e.igo:
                state.named.append((_content_words(e.text), e))
        if h.lemma_.lower() in words("story_agent_nouns") and found and all(
                e.country or e.igo for e in found) and not any(e.how == "story context" for e in found):
            # "French diplomats", "a Kenyan envoy": an antecedent of a later "the
            # diplomats" (Mentions._agent_antecedent)
            state.agent_heads.append((h.lemma_.lower(), h.i, tuple(found)))
        return found

    def _pronoun(self, h: Token, sent: Span, state: StoryState, etype: str | None) -> list[Entity]:
        """What a pronoun refers to: "we"/"I" outside quotation marks the story's voice
        (else the country it is about); "they" of a meeting or agreement the parties of
        the last meeting; else the story's last person, group or single actor."""
        low = h.lower_
        text = h.text
        if low in words("pronouns_first"):
            if _in_quotes(h, sent):
                # the speaker of the quotation, named where it closes ("'We will not
                # negotiate. ...,' the minister said.") or where it opens ("The
                # minister said: 'We will not negotiate.'"); none: nobody
                closing = _quote_speaker(h)
                speaker = closing or _opening_speaker(h, sent)
                if speaker is not None:
                    found = self._for_head(speaker, speaker.sent, state)
                    if any(e.country or e.igo for e in found):
                        return [replace(e, text=text, how="quote speaker") for e in found]
                    if closing is None and any(e.sector or e.how == "unknown person"
                                                                   for e in found):
                        # a speaker who opens the quotation and whom the story names
                        # without a country ("The guerrilla leader said: 'We ...'", a
                        # person the knowledge base does not know): the quotation's
                        # "we" is that party, whose country the place or story gives
                        # (EventMaker._complete_countries keeps its "how")
                        return [replace(e, text=text) for e in found]
                return []
            voice = self.voice(sent.doc, state)
            if voice is None:
                # a statement whose title names no issuer: the body its lead names
                if not state.issuer_done:
                    state.issuer_done = True
                    state.issuer = self._statement_issuer(sent.doc, state)
                voice = state.issuer
            if voice is not None:
                return [replace(voice, text=text, how="story voice")]
            # a broadcast's or wire report's own "we" (no voice) is of the country its
            # dateline names: the station's or speaker's home, where the story was filed
            # (its sector is given once the event's recipients are chosen:
            # EventMaker.make, sectors.yaml first_person_sector)
            home = self._dateline_country(state) or self.home_country(sent.doc, state)
            return [Entity(text=text, country=home, how="story country")] if home else []
        if low in words("pronouns_plural") and state.last_meeting and (
                etype in words("reciprocal_types")
                or (h.dep_ in ("nsubj", "nsubjpass") and _official_voice(self.voice(sent.doc, state)))):
            # a meeting's or agreement's "they"; in a statement or readout also the "they"
            # subject of any act ("The Secretary met Foreign Minister X. ... They condemned
            # Russia's attacks"): the parties of its last meeting
            return [replace(e, text=text, how="pronoun") for e in state.last_meeting]
        ante = _possessive_antecedent(h, low, sent)
        if ante is not None:
            found = self._for_head(ante, sent, state)
            if any(e.country or e.igo for e in found):
                return [replace(e, text=text, how="pronoun") for e in found]
        speaker = _reporting_speaker(h, low)
        if speaker is not None:
            found = self._for_head(speaker, sent, state)
            if any(e.country or e.igo for e in found):
                return [replace(e, text=text, how="pronoun") for e in found]
        ante = _clause_antecedent(h, low)
        if ante is not None:
            # the same sentence's group, even with no country yet ("the two farmers
            # ... and they killed him"): the event's place or the story gives it one
            # later, as it would the group's own event
            found = self.entities(ante, sent, state, etype)
            if found:
                return [replace(e, text=text, how="pronoun") for e in found]
        ante = syntax.relative_subject_antecedent(h)
        if ante is not None:
            # "called for sanctions on Eritrea, which it accuses of ...": the caller (r28l)
            found = self.entities(ante, sent, state, etype)
            if any(e.country or e.igo for e in found):
                return [replace(e, text=text, how="pronoun") for e in found]
        ante = syntax.other_party_antecedent(h)
        if ante is not None:
            # "Dhaka protested to New Delhi and asked it to ...": not the asker itself
            found = self.entities(ante, sent, state, etype)
            if any(e.country or e.igo for e in found):
                return [replace(e, text=text, how="pronoun") for e in found]
        ante = syntax.object_antecedent(h) if low in words("pronouns_plural") else None
        if ante is not None:
            found = self.entities(ante, sent, state, etype)
            if found:
                return [replace(e, text=text, how="pronoun") for e in found]
        found = _pronoun(low, state)
        if low in words("pronouns_singular") and found and found[0].country:
            voice = self.voice(sent.doc, state)
            if _official_voice(voice) and found[0].country != voice.country and voice.country in state.person_of:
                # a statement's or readout's "he" is its own official ("Secretary X spoke
                # with Foreign Minister Y. ... He reaffirmed U.S. support"), the last
                # person of its voice's country, rather than a foreign counterpart
                found = [state.person_of[voice.country]]
        return [replace(e, text=text, how="pronoun") for e in found]

    def _affiliated(self, h: Token, e: Entity, sent: Span, state: StoryState) -> Entity:
        """A group with no country of its own tied to a state's body or a state by a
        participle of ``words.yaml`` affiliation_participles ("a hacker group linked to
        Russia's GRU", "hackers tied to China's Ministry of State Security"): that body's
        country (``how`` ``affiliation``), and its sector when it is a state body
        (``affiliated_state_sectors``: the GRU's SPY); a state named as a whole lends its
        country only. ``e`` unchanged otherwise. "X-backed" is no such tie: a backer's
        nationality is not its client's (docs/actors.md). Rule: docs/actors.md, the group
        a head with no country comes from ("fighters from the Wagner Group" RUS); a
        fresh user's trial, twentieth round."""
        for c in h.children:
            if c.dep_ != "acl" or c.tag_ != "VBN" or c.lemma_.lower() not in words("affiliation_participles"):
                continue
            for p in syntax.prep_objects(c, ("to", "with")):
                pe = self.resolve(syntax.phrase(p), sent, state)
                if pe is None or not (pe.country or pe.igo):
                    continue
                body = pe.how == "knowledge base" and not (pe.kb_id or "").startswith("tid:country/")
                sector = pe.sector if body and pe.sector in words("affiliated_state_sectors") else e.sector
                return replace(e, country=pe.country, igo=pe.igo, sector=sector, how="affiliation")
        return e

    def _others_of_owner(self, found: list[Entity], h: Token, sent: Span,
                         state: StoryState) -> list[Entity] | None:
        """A party related to a state but not of it ("Russia's neighbours", "Japan's
        allies", "its partners": ``words.yaml`` other_party_nouns with a possessive): the
        owner's country or IGO is not theirs, and neither is the story's (``how``
        ``other party``: :meth:`EventMaker._complete_countries` fills no country into
        it); a country of their own words stays ("its Baltic neighbours" EST, LVA, LTU).
        Their sector is the state's (GOV) when the words name only the relation. None
        when the owner is a person or names no state or IGO ("Putin's allies" are
        Russians, the KB and parse decide as before). Rule: docs/annotation.md section 6
        (a party's country is its own; the corpus labels "our Caribbean neighbors" GOV
        with no country); a fresh user's trial, twentieth round."""
        owner = next((c for c in h.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        if owner.pos_ == "PRON":
            if owner.lower_ not in words("pronouns_it") | {"their"}:
                return None
            mine: set[tuple] = set()
        else:
            got = self._for_head(owner, sent, state)
            if not got or any(e.how not in ("country name", "knowledge base", "nationality word")
                              or e.sector not in (None, "GOV", "IGO") for e in got):
                return None
            mine = {(e.country, e.igo) for e in got}
        out = []
        for e in found:
            if (e.country is None and e.igo is None) or (e.country, e.igo) in mine:
                e = replace(e, country=None, igo=None, name=None, kb_id=None, how="other party",
                            sector=e.sector if e.sector not in (None, "CVL") else "GOV")
            out.append(e)
        return out

    def _voice_owns(self, found: list[Entity], sent: Span, state: StoryState) -> list[Entity]:
        """"our forces", "our government" outside quotation marks: the story's voice's
        people; with no country of their own they take the voice's, and a rebel group's
        or militia's forces its sector ("our forces" in a rebel broadcast are REB)."""
        voice = self.voice(sent.doc, state)
        if voice is None or not voice.country:
            return found
        out = []
        for e in found:
            if e.country is None and e.igo is None:
                sec = voice.sector if voice.sector in armed_nonstate_sectors() and e.sector in ("MIL", None) \
                    else e.sector
                e = replace(e, country=voice.country, sector=sec, how="story voice")
            out.append(e)
        return out

    def _owner_owns(self, found: list[Entity], owner: Token, sent: Span, state: StoryState) -> list[Entity]:
        """"its forces", "their troops" with no country of their own: the owner's. The
        owner is the speaker when the phrase is inside what a named speaker reports
        ("Moscow said its forces had hit ...": Russia's forces), else the nearest earlier
        state or organisation of the sentence for "its" (:func:`_possessive_antecedent`);
        unchanged when neither names a country or IGO. Rule: docs/annotation.md section
        6 (a pronoun takes the entity it refers to); English grammar (a possessive
        determiner refers to its clause's or the reporting clause's subject). Not for
        the owner's neighbours, allies or rivals (``words.yaml`` other_party_nouns)."""
        ante = _phrase_speaker(owner.head)
        if ante is None and owner.lower_ in ("his", "her") and owner.head.dep_ in ("nsubj", "nsubjpass"):
            # "X met Y and said his government had ...": the subject the clauses share;
            # not inside an object ("met with Netanyahu and his War Cabinet": the
            # nearest person, below)
            ante = _clause_subject(owner, ("PERSON",))
        if ante is None:
            ante = _possessive_antecedent(owner, owner.lower_, sent)
        if ante is None:
            return found
        got = next((e for e in self._for_head(ante, sent, state) if e.country or e.igo), None)
        if got is None:
            return found
        return [replace(e, country=got.country, igo=got.igo, how="pronoun") for e in found]

    def _organisation_owns(self, found: list[Entity], owner: Token, sent: Span,
                           state: StoryState) -> list[Entity]:
        """"the bloc's president", "the alliance's secretary general" with no country
        of their own: the officials of the international organisation the sentence
        names before them (the nearest earlier name that resolves to an IGO), who
        take its ``igo`` and no country; unchanged when the sentence names none (the
        story's earlier mentions are not searched). Rule: docs/annotation.md section 6
        (a description takes the entity it refers to; an IGO's officials carry its igo
        code and no country); English grammar (a possessive description refers back to
        the organisation just named, "ECOWAS will act, the bloc's president said")."""
        # the names before it, nearest first (not the NER's labels: its small model
        # rarely tags an acronym such as "ECOWAS" an ORG); only where such a possessive
        # stands, so no walk over the sentence otherwise
        names = [x for x in sent if x.i < owner.i and x.dep_ != "compound"
                 and (x.pos_ == "PROPN" or x.pos_ == "NOUN" and x.text[:1].isupper())]
        for name in reversed(names):
            got = next((e for e in self._for_head(name, sent, state) if e.igo), None)
            if got is not None:
                return [replace(e, country=None, igo=got.igo, how="pronoun") for e in found]
        return found

    def refer_back(self, h: Token, sent: Span, state: StoryState, etype: str | None = None,
                   bare: bool = True) -> list[Entity]:
        """The story's earlier entity that a definite description with no country refers
        to: "the two", "both leaders", "participants" -> the parties of the last meeting
        (or the last group); "the Secretary", "the Foreign Minister", "the ministry" ->
        the latest mention whose words include the description's ("Secretary of State
        Antony Blinken"); in a statement or readout whose voice is a government's, the
        latest such mention of the voice's country when there is one (its own official).
        "The group", "this team" (``group_descriptions``) refer back only when ``bare``,
        their words giving no sector of their own ("the rebel group" is REB of the
        story's country). ``[]`` when nothing fits (docs/annotation.md section 6)."""
        dets = [c for c in h.children if c.dep_ in ("det", "predet", "nummod")]
        low = h.lower_
        reciprocal = etype in words("reciprocal_types")
        if not dets and low not in ("two", "both", "participants") and not (
                reciprocal and low in words("plural_descriptions") and h.tag_ in ("NNS", "NNPS")):
            # a bare plural description is the parties only of a meeting or agreement
            # ("Technical teams will meet", "Partners discussed ...")
            return []
        if any(c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE", "ORG") or (
                c.pos_ == "PROPN" and not _title_word(c, h)))
               for c in h.children if c.i < h.i):
            return []
        if any(c.dep_ in ("amod", "compound") and c.lower_ in words("conflict_side_adjectives")
               for c in h.children if c.i < h.i):
            # "the warring parties", "the rival factions": the sides of a conflict, not
            # the parties of the story's last meeting or its last group: those of the
            # story's last fight when it told one (StoryState.last_fight; r26q)
            return [replace(e, text=syntax.phrase(h, stop_of=True), name=None, kb_id=None, how="story context")
                    for e in state.last_fight]
        text = syntax.phrase(h, stop_of=True)
        if pair_description(h):
            # "the two countries", "both nations", "the two neighbours": the two states
            # the story pairs, never one of them alone (words.yaml pair_descriptions)
            pair = self.story_pair(h, state)
            if pair:
                return [replace(e, text=text, how="story context") for e in pair]
        if low in words("plural_descriptions") and (h.tag_ in ("NNS", "NNPS", "CD") or low == "both"):
            unknown = False
            # "the two sides", "both parties": the sides of the last meeting or
            # agreement, never its mediator or host (words.yaml side_descriptions)
            sides = state.last_sides if low in words("side_descriptions") or (
                low == "both" and h.head.lemma_.lower() in words("side_descriptions")) else []
            if any(c.lower_ in ("two", "both") for c in h.children) or low == "both":
                # "the two sides", "both sides": two of them, or the meeting's own parties
                # (two entities of one party, its sector and all, are one side)
                sides = sides if len({(e.country, e.igo, e.sector) for e in sides}) == 2 else []
                if not sides and (low in words("side_descriptions") or (
                        low == "both" and h.head.lemma_.lower() in words("side_descriptions"))):
                    # "both sides", "the two sides" of no two-party meeting: the two
                    # states the story pairs ("China called on both sides to exercise
                    # restraint" after India's strikes on Pakistan), else those of the
                    # nearest earlier sentence, else of the title, that names exactly two
                    # states (places left out); never a meeting of three or the last
                    # group (words.yaml pair_descriptions, side_descriptions; r24j)
                    pair = self._fight_sides(h, state) or self.story_pair(h, state, sides_only=True)
                    if pair:
                        return [replace(e, text=text, name=None, kb_id=None, how="story context") for e in pair]
                    unknown = True
            elif not sides and low in words("side_descriptions") and h.tag_ in ("NNS", "NNPS") and any(
                    c.lower_ == "the" for c in dets):
                # "The sides reaffirmed ..." of no meeting told before: as "the two sides"
                # (the train gold gives every "the sides" two parties; r24j)
                pair = self.story_pair(h, state, sides_only=True)
                if pair:
                    return [replace(e, text=text, how="story context") for e in pair]
            group = sides or state.last_meeting or state.last_plural
            if not group and unknown and h.dep_ not in ("nsubj", "nsubjpass"):
                # no two sides known: none, never the story's country alone, for sides
                # addressed ("urged both sides"); a subject's sides ("both parties
                # agreed") hold the story's own, so its country stays (train: 2 right
                # actors lost otherwise; r26q)
                return [Entity(text=text, how="unknown sides")]
            if pair_description(h) and len({(e.country, e.igo) for e in group}) != 2:
                return []  # "the two countries" are two states: never one alone, nor three
            if not group and low not in ("two", "both"):
                # "the ministers" of a story with no meeting or group told before: the
                # earlier ministers the story named (words.yaml story_agent_nouns)
                return self._agent_antecedent(h, text, sent, state)
            return [replace(e, text=text, how="story context") for e in group]
        if bare and h.lemma_.lower() in words("group_descriptions") and h.tag_ == "NN" and any(
                c.lower_ in ("the", "this", "that") for c in dets):
            # "the group", "this team": the parties of the last meeting when it meets or
            # agrees ("The group discussed ..." in a readout), else the last group that
            # acted ("the Shining Path ... the group")
            group = (state.last_meeting if reciprocal else []) or state.last_group
            return [replace(e, text=text, how="story context") for e in group]
        if h.tag_ in ("NNS", "NNPS") and any(c.lower_ in ("the", "these", "those") for c in dets):
            # "the diplomats", "the troops": the earlier diplomats the story named
            return self._agent_antecedent(h, text, sent, state)
        if h.tag_ in ("NNS", "NNPS") or not any(c.lower_ in ("the", "this", "that") for c in dets):
            return []
        return self._named_before(text, sent, state) or self._organ_antecedent(h, text, sent, state)

    def _fight_sides(self, h: Token, state: StoryState) -> list[Entity]:
        """The two sides of the story's last fight (``StoryState.last_fight``: an
        ASSAULT or FIGHT whose actor and recipient are two parties, ``words.yaml``
        conflict_side_types) for "both sides", "the two sides" at ``h`` of no two-party
        meeting, each with its own country and sector ("an Israeli drone strike killed a
        Hezbollah commander ... urged both sides": ISR MIL, LBN REB); ``[]`` when the
        story told no fight, one of its sides is the subject of ``h``'s clause ("Israel
        urged both sides" is no side of its own call), or the story is a government's
        statement or readout. Rule: annotation guide section 6
        (a description takes the entity it refers to); the train gold gives "both sides"
        of a conflict both sides with their sectors (SSD MIL and SSD REB); r26q."""
        own = {self._state_word(c, state) for v in _governing_verbs(h) for c in h.doc[v].children
               if c.dep_ in ("nsubj", "nsubjpass")}
        if len(state.last_fight) != 2 or own & {e.country for e in state.last_fight}:
            return []
        if _official_voice(self.voice(h.doc, state)):
            # a statement's or readout's "both sides" are those of its meeting
            # (story_pair), not of a war it mentions ("Russia's aggression against
            # Ukraine"; train: a readout's sides became RUS and UKR)
            return []
        return list(state.last_fight)

    def _organ_antecedent(self, h: Token, text: str, sent: Span, state: StoryState) -> list[Entity]:
        """The party a definite singular description with no country of its own takes
        from a modifier that names one of a party's organs ("the army delegation", "the
        rebel delegation", "the military spokesman": ``words.yaml`` party_organ_modifiers,
        ``text`` its phrase): the party of the story's earlier mentions (``StoryState.named``)
        whose words hold that modifier ("Representatives of the Sudanese army ... The army
        delegation refused ...": SDN, with the earlier mention's sector), ``how`` ``story
        context``. When those mentions name different parties ("the Chadian army ... the
        Sudanese army ... the army delegation") the description is left with no country,
        ``how`` ``ambiguous antecedent``, which the story's or place's country does not
        fill. ``[]`` when no such modifier stands before ``h`` or the story named no such
        mention (the resolver's answer then stands). Rule: annotation guide section 6 (a
        description takes the entity it refers to); r26g, extending r25a's definite
        plurals to singular descriptions."""
        organs = words("party_organ_modifiers")
        mods = [c.lower_ for c in h.children if c.i < h.i and c.dep_ in ("amod", "compound") and c.lower_ in organs]
        if not mods:
            return []
        fits = [e for wds, e in reversed(state.named) if any(m in wds for m in mods)
                and e.how != "story context"]
        if not fits:
            return []
        if len({(e.country, e.igo) for e in fits}) > 1:
            got = self.resolve(text, sent, state)
            if got is None or got.country or got.igo:
                return []
            return [replace(got, how="ambiguous antecedent")]
        return [replace(fits[0], text=text, name=None, kb_id=None, how="story context")]

    def _agent_antecedent(self, h: Token, text: str, sent: Span, state: StoryState) -> list[Entity]:
        """The parties a definite plural agent noun with no country of its own ("the
        diplomats", "the troops", "the protesters": ``words.yaml`` story_agent_nouns,
        ``text`` its phrase) refers back to: those of the story's nearest earlier
        mention (in the current item) whose head has the same lemma and named a country
        or organisation ("French diplomats met ... The diplomats later urged ...": FRA;
        "a Kenyan envoy ... the envoys": KEN), ``how`` ``story context``. When the
        earlier mentions name different parties ("French diplomats ... Iranian
        diplomats") the description is left with no country, ``how`` ``ambiguous
        antecedent``, which the story's or the place's country does not fill
        (``EventMaker._complete_countries``). ``[]`` when the noun is not listed or the
        story named no such mention before it (the resolver's answer then stands).
        Rule: annotation guide section 6 (a description takes the entity it refers
        to); r25a, a fresh user's trial."""
        lemma = h.lemma_.lower()
        if lemma not in words("story_agent_nouns"):
            return []
        earlier = [(i, ents) for lem, i, ents in state.agent_heads if lem == lemma and i < h.i]
        if not earlier:
            return []
        keys = {frozenset((e.country, e.igo, e.kb_id if not e.country else None) for e in ents)
                for _, ents in earlier}
        if len(keys) > 1:
            # the story named two kinds of them: the description could be either
            got = self.resolve(text, sent, state)
            if got is None or got.country or got.igo:
                return []
            return [replace(got, how="ambiguous antecedent")]
        _, ents = max(earlier, key=lambda x: x[0])
        return [replace(e, text=text, how="story context") for e in ents]

    def story_pair(self, h: Token, state: StoryState, words_only: bool = False,
                   sides_only: bool = False) -> list[Entity]:
        """The two states a description of two ("the two countries", "both nations",
        "both sides" of no two-party meeting) at token ``h`` refers to: the latest pair
        the story names before it (:meth:`_pair_before`: a coordination of exactly two
        states, or an earlier such description), else the two sides of the story's last
        meeting or agreement when they are two states (``StoryState.last_sides``), else
        the latest earlier sentence that names exactly two states, else the story's two
        most-named countries when a third trails them (in a statement or readout with a
        government voice, the two sides first, and only pairs that hold the voice's
        state; with ``words_only``, the words before only; with ``sides_only``, for "the
        sides", "both sides" of no two-party meeting, the words before, else the nearest
        earlier sentence naming exactly two states, else the story's title when it names
        exactly two (:meth:`_title_pair`), never the most-named two); never a
        pair that holds the
        state of the description's own clause's subject ("China called on both sides",
        "Iran and Qatar offered to mediate between the two neighbours": the next source
        is asked). Two GOV entities (``text`` the description's, ``how`` ``story
        context``), or ``[]`` when the story pairs no two states. Remembered by token
        (``StoryState.pairs``). Rule: ``words.yaml`` pair_descriptions (annotation guide section 6; the train gold
        gives "the two countries" both states)."""
        if h.i in state.pairs:
            return state.pairs[h.i]
        state.pairs[h.i] = []  # an earlier description asked while this one is resolved
        own = {self._state_word(c, state) for v in _governing_verbs(h) for c in h.doc[v].children
               if c.dep_ in ("nsubj", "nsubjpass")}
        voice = self.voice(h.doc, state)
        official = voice.country if _official_voice(voice) else None
        # a statement or readout speaks for one of the two: its meeting's two sides
        # first, and no pair without its own state ("the two sides agreed" in a White
        # House readout is the United States and its guest, not a pair it discussed)
        sources = ("sides", "words", "sentences", "dyad") if official else ("words", "sides", "sentences", "dyad")
        if words_only:
            sources = ("words",)
        elif sides_only:
            sources = ("words", "sentences", "title")
        pair: list[str] = []
        for source in sources:
            if source == "words":
                pair = self._pair_before(h, state, parties_only=sides_only)
            elif source == "sides":
                sides = {e.country: e for e in state.last_sides if e.country and not e.igo}
                ok = len(sides) == 2 and len({(e.country, e.igo) for e in state.last_sides}) == 2
                pair = list(sides) if ok else []
            elif source == "sentences":
                pair = self._pair_before(h, state, sentences=True, parties_only=sides_only)
            elif source == "title":
                pair = self._title_pair(state)
            else:
                self.home_country(h.doc, state)
                # a tie in count goes to the country named first (the counts are kept in
                # the order of the story's mentions), never to a set's order
                ranked = sorted(state.country_counts.items(), key=lambda kv: -kv[1])
                ok = len(ranked) >= 2 and (len(ranked) == 2 or ranked[1][1] > ranked[2][1])
                pair = [ranked[0][0], ranked[1][0]] if ok else []
            if own & set(pair) or (official and pair and official not in pair):
                pair = []  # "China called on both sides to ...": the sides are others than China
            if pair:
                break
        got = [Entity(text=h.text, country=c, sector="GOV", how="story context") for c in pair]
        state.pairs[h.i] = got
        return got

    def _pair_before(self, h: Token, state: StoryState, sentences: bool = False,
                     parties_only: bool = False) -> list[str]:
        """The ISO3 codes of the latest pair of states the story names before ``h``,
        within the news item: a coordination of exactly two words that resolve to two
        different states ("Egypt and Jordan", "Indian and Pakistani troops"), or an
        earlier description of two (:meth:`story_pair`). A pair that is the subject of
        the verb whose clause holds ``h`` is skipped: "Iran and Saudi Arabia offered to
        mediate between the two neighbours" are not the neighbours. With ``sentences``,
        the latest earlier sentence that names exactly two states instead ("Brazil said
        it would buy wheat from Argentina"); with ``parties_only`` too, a town or city
        named as the place of the act ("in Quito", "at Washington": :func:`_place_word`)
        or a mediator or host (``syntax.mediator_words``: "talks hosted by Saudi
        Arabia") counts for no state there. ``[]`` when none."""
        doc = h.doc
        governing = _governing_verbs(h)
        self.home_country(doc, state)
        named: dict[int, set[str]] = {}
        for code, starts in state.country_sents.items():
            for st in starts:
                named.setdefault(st, set()).add(code)
        for i in range(h.i - 1, -1, -1):
            t = doc[i]
            if t.idx < state.item_start:
                break
            if not sentences:
                if parties_only and t.i in syntax.mediator_words(t.sent, h, modifiers=True):
                    continue  # "under Saudi and US mediation": mediators, no side (r26q)
                got = self._pair_at(t, h, governing, state)
                if got:
                    return got
            elif t.is_sent_start and t.sent.start != h.sent.start:
                # an earlier sentence whose words gave no pair: one that names exactly
                # two states ("Brazil said it would buy wheat from Argentina")
                own = named.get(t.sent.start, set())
                if parties_only:
                    # nor a mediator or host ("talks hosted by Saudi Arabia")
                    third = syntax.mediator_words(t.sent, h, modifiers=True)
                    own = {c for x in t.sent if (c := self._state_word(x, state)) and not _place_word(x)
                           and x.i not in third}
                if len(own) == 2:
                    return first_named(own, lambda c: min(
                        (x.i for x in t.sent if self._state_word(x, state) == c), default=0))
        return []

    def _title_pair(self, state: StoryState) -> list[str]:
        """The ISO3 codes of the two states the story's title names, in its order, when it
        names exactly two by country name or nationality word ("Azerbaijani, Armenian
        deputy ministers hold talks in Washington": AZE, ARM); a town or city after a
        place preposition (``host_locative_preps``: "in Washington") is where, not a
        party. ``[]`` when the story has no title or it names fewer or more states (the
        train gold gives "the sides" the two parties; annotation guide section 6, a
        description takes the entity it refers to; r24j)."""
        from ..places import resolve_place

        title = (state.story.title or "").strip()
        toks = re.findall(r"[A-Za-z][\w'’.-]*", title)
        found: list[str] = []
        i = 0
        while i < len(toks):
            got = None
            for n in (1, 2, 3):  # a word alone first: "Azerbaijani Armenian" is two
                run = toks[i:i + n]
                if len(run) < n or not all(w[:1].isupper() for w in run):
                    continue
                text = " ".join(run).rstrip(".")
                e = self.resolver.resolve(text, "", state.story.pub_date, {})
                if e is not None and e.country and not e.igo and e.how in ("country name", "nationality word") \
                        and (e.kb_id or "").startswith("tid:country/"):
                    place = i > 0 and toks[i - 1].lower() in words("host_locative_preps") \
                        and resolve_place(text).feature != "country"
                    got = (n, None if place else e.country)
                    break
            if got is None:
                i += 1
                continue
            if got[1] and got[1] not in found:
                found.append(got[1])
            i += got[0]
        return found if len(found) == 2 else []

    def _pair_at(self, t: Token, h: Token, governing: list[int], state: StoryState) -> list[str]:
        """The two states the word ``t`` before ``h`` pairs (:meth:`_pair_before`): an
        earlier description of two, or the first of a coordination of exactly two words
        naming two different states that is not the subject of a verb of ``governing``
        (the verbs whose subject ``h``'s clause shares); ``[]`` otherwise."""
        if pair_description(t) and t.head.i != h.i:
            got = [e.country for e in self.story_pair(t, state)]
            return got if len(got) == 2 else []
        if len(state.pairs.get(t.i, ())) == 2:
            return [e.country for e in state.pairs[t.i]]  # "both sides" resolved before
        if t.dep_ in ("conj", "compound"):
            return []
        conj = [c for c in t.children if c.dep_ == "conj"]
        if len(conj) != 1 or any(c.dep_ == "conj" for c in conj[0].children):
            return []
        if t.head.i in governing and t.dep_ in ("nsubj", "nsubjpass"):
            return []
        codes = [self._state_word(x, state) for x in (t, conj[0])]
        if all(codes) and codes[0] != codes[1]:
            return codes
        return []

    def _state_word(self, t: Token, state: StoryState) -> str | None:
        """The ISO3 code of the state a word names by its name or nationality ("Egypt",
        "Jordanian"; the entity span around it, as written), None for anything else (a
        person, an organisation, a region). Resolved once per text in a story."""
        if t.ent_type_ not in ("GPE", "NORP"):
            return None
        span = next((e for e in state.doc_ents(t.doc) if e.start <= t.i < e.end), None)
        text = span.text if span is not None else t.text
        key = ("state word", text)
        if key not in state.heads:
            e = self.resolver.resolve(text, "", state.story.pub_date, {})
            state.heads[key] = e.country if e is not None and e.country and not e.igo and (
                e.kb_id or "").startswith("tid:country/") else None
        return state.heads[key]

    def _two_parties(self, first: Span, second: Span, sent: Span, state: StoryState) -> list[Entity] | None:
        """The entities of a description and a named party the parse joined ("The
        Secretary" and "Foreign Minister Dendias"): the description refers back to the
        story's entity it names (:meth:`_named_before`), the named one is resolved as
        itself. None when ``first`` is no title (no sector: "the Prospectors and
        Developers Association" is one name)."""
        got = self.resolve(first.text, sent, state)
        if got is None or got.sector is None:
            return None
        if not (got.country or got.igo or got.name):
            got = next(iter(self._named_before(first.text, sent, state)), got)
        return [x for x in (got, self.resolve(second.text, sent, state)) if x is not None]

    def _officers_of_partner_force(self, found: list[Entity], h: Token, sent: Span,
                                   state: StoryState) -> list[Entity]:
        """``found`` with the sector of the security force that a bare "officers"
        (``words.yaml`` force_member_nouns, with no sector word of its own: "Kenyan
        officers", "the officers") is coordinated with: "Haitian police and Kenyan
        officers" are police (COP), "soldiers and officers" MIL; the weak GOV that the
        word alone gives (sectors.yaml ``weak``) stands otherwise. Rule:
        docs/annotation.md section 6, sector table (police COP, armed forces MIL); the
        corpus train split never codes a bare "officers" GOV (MIL or COP by the force it
        belongs to). r28c, a fresh user's trial."""
        if h.lemma_.lower() not in words("force_member_nouns") or not found \
                or any(e.sector != "GOV" for e in found):
            return found
        if any(c.dep_ in ("amod", "compound") and c.i < h.i and c.ent_type_ not in ("NORP", "GPE")
               and (c.text[:1].islower() or c.i == c.sent.start and not getattr(
                   self.resolve(c.text, sent, state), "country", None)) for c in h.children):
            return found  # "customs officers", "senior government officers": their own words
        partners = [c for c in h.children if c.dep_ == "conj"]
        if h.dep_ == "conj":
            partners.append(h.head)
        for p in partners:
            if p.lemma_.lower() in words("force_member_nouns"):
                continue
            sectors = {e.sector for e in self._for_head_kept(p, sent, state)}
            if len(sectors) == 1 and sectors & {"COP", "MIL", "SPY"}:
                return [replace(e, sector=sectors.pop()) for e in found]
        return found

    def _named_organisation(self, h: Token, state: StoryState) -> Entity | None:
        """The international organisation a definite description headed by ``h`` ("the
        bloc", "the alliance", "the union": ``words.yaml`` igo_descriptions, singular,
        with "the"/"this"/"that" and no naming modifier of its own) refers to: the
        story's latest organisation so far (an entity with an IGO code, or a named party,
        union, NGO or company), when that is an IGO of sector IGO; None when the
        description names its own ("the African Union", "the Sahel alliance", "Europe's
        union"), when the latest organisation is another kind ("the union" after a trade
        union) or when the story has named none (the knowledge base's own reading of the
        words stands then). Rule: docs/annotation.md section 6 (a description takes the
        entity it refers to; an IGO carries its igo code and no country); English grammar
        (a definite description refers back to the organisation just named: "ECOWAS
        lifted the sanctions ... The bloc also urged ..."). r28c, a fresh user's trial."""
        if h.lemma_.lower() not in words("igo_descriptions") or h.tag_ not in ("NN", "NNP"):
            return None
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in h.children):
            return None
        if any(c.dep_ in ("amod", "compound", "poss", "nmod", "nummod") and c.i < h.i
               for c in h.children):
            return None  # "the African Union", "the military alliance", "Europe's union"
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in h.children):
            return None  # "the union of journalists", "the alliance of opposition parties"
        kinds = ("LAB", "PTY", "OPP", "NGO", "BUS")
        got = next((e for _, e in reversed(state.named)
                    if e.igo or (e.name and e.sector in kinds)), None)
        if got is None or not got.igo or got.sector != "IGO":
            return None
        return got

    def _named_court(self, h: Token, state: StoryState) -> Entity | None:
        """The international court a definite description headed by ``h`` ("the court",
        "the tribunal": ``words.yaml`` court_descriptions, with "the"/"this"/"that" and no
        naming modifier of its own) refers to: the story's latest mention so far that
        resolved to an IGO of sector JUD (the ICJ, the ICC), else the latest such name
        among the organisation names before it in the story's text (one in a relative
        clause no event resolved: "which Guyana says must be settled by the ICJ"); None when the description is
        another or the story has named no such court (a domestic court keeps its country).
        Rule: docs/annotation.md section 6 (a description takes the entity it refers to);
        r25j, a fresh user's trial ("the court's jurisdiction" after the ICJ was NLD)."""
        if h.lemma_.lower() not in words("court_descriptions") or h.tag_ not in ("NN", "NNP"):
            return None
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in h.children):
            return None
        if any(c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < h.i and c.dep_ != "det"
               for c in h.children):
            return None  # "the Supreme Court", "the military court", "Brazil's court"
        got = next((e for _, e in reversed(state.named) if e.igo and e.sector == "JUD"), None)
        if got is not None:
            return got
        for ent in reversed([x for x in h.doc.ents if x.end <= h.i and x.label_ in ("ORG", "GPE")]):
            got = next((e for e in self._for_head(ent.root, ent.root.sent, state)
                        if e.igo and e.sector == "JUD"), None)
            if got is not None:
                return got
        return None

    def _named_before(self, text: str, sent: Span, state: StoryState) -> list[Entity]:
        """The story's latest entity whose mention's words include every content word
        of the definite description ``text`` ("the Secretary" -> "Secretary of State
        Antony Blinken"); in a statement or readout whose voice is a government's, the
        latest such entity of the voice's country. A mention whose title has a modifier
        of its own before the description's words (``title_modifiers``: "Foreign
        Secretary", "Vice President") is taken only when no other fits. ``[]`` when none
        fits."""
        want = _content_words(text)
        if not want:
            return []
        fits = [e for wds, e in reversed(state.named) if want <= wds]
        if not fits:
            return []
        # "the Secretary" is the latest Secretary, not a later "Foreign Secretary"; "the
        # President" not a "Vice President": a mention whose title is the description's
        # own comes first (fresh-user trial, tenth round)
        fits = [e for e in fits if not _other_title(e.text, text)] or fits
        voice = self.voice(sent.doc, state)
        if _official_voice(voice):
            # a statement's or readout's "the President", "the Secretary" is its own
            # official ("President X met President Y of Z ... The President reaffirmed
            # ..." is X) when the story has named one
            own = next((e for e in fits if e.country == voice.country), None)
            if own is not None:
                return [replace(own, text=text, how="story context")]
        return [replace(fits[0], text=text, how="story context")]

    def voice(self, doc: Doc, state: StoryState) -> Entity | None:
        """The party a story speaks for, whom "we" and "I" outside quotation marks
        refer to: the speaker a statement's or readout's title names ("Statement by
        President Joe Biden on ...": ``voice_title_leads`` in ``data/words.yaml``; not a
        meeting, "Joint Statement of the Syria Special Envoy Meeting": ``meeting_nouns``), else
        the broadcaster of a wire dateline when it is a party's and no news medium
        ("(RADIO VENCEREMOS) --", the FMLN's station), else the story's source when it
        resolves to a country or organisation ("U.S. Department of State press
        releases"); None otherwise. Computed once per story."""
        if not state.voice_done:
            state.voice_done = True
            story = state.story
            cands = []
            title = (story.title or "").strip()
            low = title.lower()
            lead = next((w for w in sorted(words("voice_title_leads"), key=lambda w: (-len(w), w))
                         if low.startswith(w + " ")), None)
            if lead:
                rest = title[len(lead):].split()
                stops = words("voice_title_stops")
                cut = next((i for i, w in enumerate(rest) if w.lower() in stops), len(rest))
                named = rest[:cut]
                last = named[-1].lower().rstrip(",.:;") if named else ""
                possessive = any(w.endswith(("'s", "\u2019s")) for w in named)
                if possessive or (last not in words("meeting_nouns")
                                  and last.removesuffix("s") not in words("meeting_nouns")):
                    # "Joint Statement of the Syria Special Envoy Meeting": a meeting
                    # speaks for its participants, not for the country it is about
                    # ("Readout of President X's Meeting with ..." is X's)
                    cands.append(" ".join(named))
            agency = _dateline_agency(story.text)
            if agency:
                # a wire dateline's broadcaster that speaks for a party ("(RADIO
                # VENCEREMOS) --", the FMLN's station): not a news medium's own voice
                e = self.resolver.resolve(agency.title(), "", story.pub_date, {})
                if e is not None and e.country and e.sector not in (None, "JRN"):
                    cands.append(agency.title())
            if story.source:
                cands.append(story.source)
            for c in cands:
                e = self.resolver.resolve(c, "", story.pub_date, {}) if c else None
                if e is not None and (e.country or e.igo):
                    state.voice = e
                    break
            place = _dateline_place(story.text)
            if state.voice is None and place and place.lower() in words("rebel_station_datelines"):
                # "CLANDESTINE, 13 DEC 89 (...) --": an insurgent station speaks for the
                # rebels of the country the story is about
                home = self.home_country(doc, state)
                if home:
                    state.voice = Entity(text=place, country=home, sector="REB", how="story voice")
        return state.voice

    def _statement_issuer(self, doc: Doc, state: StoryState) -> Entity | None:
        """The government body a statement's lead names as issuing it: the subject of
        the story's first sentence with a verb (title lines such as "Statement by the
        Official Spokesperson" or "Press Release" have none), when that verb is one of
        issuing or saying (words.yaml ``statement_lead_verbs``: "The Ministry of
        Foreign Affairs of Ghana said on Monday ...", "The Government of X issued the
        following statement") and the subject resolves to one government entity (sector
        GOV) of a country. Its "we" outside quotation marks is that body (annotation
        guide section 9, press releases: "We welcome ..." -> actor "We", the issuing
        state; section 6: a pronoun takes its referent's country and sector; the fresh
        user's trial, nineteenth round: a ministry statement's "We call upon ..." got no
        country). None otherwise. Looks at the first three sentences only. Only the
        first-person pronouns take it (:meth:`_pronoun`): it is no voice for "he", "the
        President" or "our forces" (:meth:`voice`), which a news story's lead would
        otherwise change."""
        for k, sent in enumerate(doc.sents):
            if k >= 3:
                return None
            root = sent.root
            if root.pos_ not in ("VERB", "AUX"):
                continue
            if root.lemma_.lower() not in words("statement_lead_verbs"):
                return None
            subj = syntax.subject(root)
            if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
                return None
            found = self._for_head(subj, sent, state)
            if len(found) == 1 and found[0].country and found[0].sector == "GOV":
                return replace(found[0], how="story voice")
            return None
        return None

    def _for_head_kept(self, h: Token, sent: Span, state: StoryState) -> list[Entity]:
        """:meth:`_for_head`, answered once per head, sentence and state of the story's
        memory (``state.heads``): the coder asks about half of its heads more than once
        (the actor of one trigger is the recipient of another; the argument model asks
        again), and the answer depends only on the parse, the sentence and the resolver's
        memory (issue 20). An answer during which the memory learnt something is not
        kept, as the resolver's own (:meth:`tidings.actors.ActorResolver.resolve_all`)."""
        memory = state.memory
        version = getattr(memory, "version", None)
        if version is None:
            return self._for_head(h, sent, state)
        key = (h.i, sent.start, sent.end, version)
        got = state.heads.get(key)
        if got is None:
            got = self._for_head(h, sent, state)
            if memory.version == version:
                state.heads[key] = got
        return list(got)

    def _for_head(self, h: Token, sent: Span, state: StoryState) -> list[Entity]:
        """The entities a (non-pronoun) head word names, from the resolver and the parse."""
        pair = self._hyphen_sides(h, sent, state) or self._coordinated_nationalities(h, sent, state)
        if pair:
            # "Russian-Chinese talks" (r25d), "Armenian and Azerbaijani troops"
            return pair
        if _non_party_medium(h):
            # "signed the memorandum", "announced on state television", "seen by this
            # agency": a document or the medium of a message is no party (r26m)
            return []
        span = self._cut_name(h, syntax.phrase_span(h))
        text = span.text
        k = syntax.approximate_count_start(h, span)
        if k is not None:
            # "Up to 300 ethnic Uzbeks", "at least 50 FARC rebels": the approximator says
            # nothing of who they are (and the resolver may take "Up" or "An" for a name)
            e = self.resolve(h.doc[k:span.end].text, sent, state)
            e = replace(e, text=text) if e is not None else None
        else:
            e = self.resolve(text, sent, state)
        if e is not None and ((e.kb_id or "").startswith("tid:person/") or e.how == "unknown person") \
                and _names_thing(h, span):
            # "the Cano Limon-Covenas oil pipeline": a surname inside the name of a
            # pipeline, airport or bridge names the thing, not the person
            e = None
        named = h
        while named.dep_ in ("compound", "amod", "nmod") and named.head.i > named.i:
            named = named.head
        if e is not None and _party_less_thing(named):
            # "the Washington declaration", "consular services": a document named after
            # a town, or a service offered, is no party, nor is the town in its name (r24j)
            return []
        of = next((c for c in h.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None and syntax.act_phrase(of, h):
            # "accused the federal government of withholding fuel and cash": the charge,
            # not "the government of fuel" and "of cash" (r28o)
            of = None
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is None:
            pobj = _joint_body_states(h)
        if pobj is not None and pobj.conjuncts:  # "the leaders of Azerbaijan and Armenia"
            base = syntax.phrase(h, stop_of=True)
            res = [e2 for p in [pobj] + [c for c in pobj.conjuncts if c.i > pobj.i]
                   if (e2 := self.resolve(f"{base} of {syntax.phrase(p)}", sent, state))]
            if res:
                return res
        if e is not None and e.country is None and e.igo is None:
            # "riot police in Georgia": with no national modifier, the place phrase gives
            # the country (a modifier wins: "Turkish soldiers in Iraq" is TUR); "doctors
            # from two American aid groups", "fighters from the Wagner Group": the group
            # they come from gives its country, or its IGO ("diplomats from the G7")
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "from"):
                    # (a country's name the NER labels otherwise counts too: "the
                    # junta in Niger", where "Niger" is tagged an ORG, is Niger's)
                    p = next((x for x in c.children if x.dep_ == "pobj" and (
                        x.ent_type_ == "GPE" or x.pos_ == "PROPN" or c.lower_ == "from" and x.pos_ == "NOUN")), None)
                    pe = self.resolve(syntax.phrase(p), sent, state) if p is not None else None
                    if pe is not None and (p.ent_type_ == "GPE" or pe.how == "country name"
                                           and (pe.kb_id or "").startswith("tid:country/")) and pe.country:
                        e = replace(e, country=pe.country, how="place phrase")
                        break
                    if pe is not None and c.lower_ == "from" and p.ent_type_ != "GPE" and (pe.country or pe.igo) \
                            and pe.how in ("knowledge base", "nationality word"):
                        e = replace(e, country=pe.country, igo=pe.igo, how=pe.how)
                        break
        if e is not None and e.country is None and e.igo is None:
            e = self._affiliated(h, e, sent, state)
        if e is not None and e.country and e.how == "nationality word" and _ethnic(h):
            # "ethnic Turks in Sweden", "ethnic Albanians demonstrated in Serbia", "the
            # Hungarians of southern Slovakia": an ethnic group belongs to the state it
            # lives in, not to its kin state; the "of" or "in" place phrase, else the
            # event's place or the story gives that state
            e = replace(e, country=None, name=None, kb_id=None, sector=e.sector or "CVL", how="title")
            for p in syntax.prep_objects(h, ("of", "in")):
                pe = self.resolve(syntax.phrase(p), sent, state) if p.ent_type_ in ("GPE", "LOC") else None
                if pe is not None and pe.country:
                    e = replace(e, country=pe.country, how="place phrase")
                    break
        if (e is None or e.how in ("unknown person", "story memory") or e.country is None and e.igo is None) \
                and h.ent_type_ == "PERSON":
            # "Sheikh Hamad bin Khalifa al-Thani launched ...": the parse cut the name
            # ("bin", "al-" hang elsewhere) but the parser's PERSON entity holds it whole
            # (the story memory knows the cut name's first word since r26g: the whole
            # name, when the knowledge base has it, is still the better reading)
            whole = next((x for x in state.ents_of(sent) if x.label_ == "PERSON" and x.start <= h.i < x.end), None)
            if whole is not None and (whole.end > span.end or whole.start < span.start):
                both = h.doc[min(whole.start, span.start):max(whole.end, span.end)]
                got = self.resolve(both.text, sent, state)
                if got is not None and (got.country or got.igo):
                    e = replace(got, text=both.text)
        if e is not None and e.how == "place name" and self.is_person_name(h, state) \
                and not _attacked_place(h, state):
            # "Dr Guerrero", "Ibarra's vehicle": a person's name that is also a place
            # (a Mexican state, a town in Ecuador) names the person, not the place
            e = Entity(text=text, sector=None if e.sector == "CVL" else e.sector, how="unknown person")
        if e is None or (e.country is None and e.igo is None):
            e = self._apposition(h, text, e, sent, state)
        elif e.name is None and e.sector is None:
            # "his Tanzanian counterpart Samia Suluhu Hassan": the apposition names the
            # same person, whose office gives the sector (one participant, issue 17)
            e = self._named_apposition(h, e, sent, state)
        if e is None and h.pos_ == "PROPN" and self.is_person_name(h, state) and not _names_thing(h, span):
            # (not a name that modifies a thing's noun: "the Zamzam camp" names a camp)
            # a person the knowledge base does not know keeps their name; the event's
            # place or the story gives the country (EventMaker._complete_countries).
            # Also a surname the parser does not tag PERSON when the story named the
            # person in full before ("Mohamed Wasuge ... Wasuge said"; upper-case
            # wire copy): issue 16, actors not given (docs/annotation.md section 6)
            e = Entity(text=text, how="unknown person")
        return [e] if e else []

    def _coordinated_nationalities(self, h: Token, sent: Span, state: StoryState) -> list[Entity]:
        """The parties of coordinated nationality modifiers of the head ``h`` ("Armenian and
        Azerbaijani troops", "the Uzbek and Turkmen foreign ministers", "Iranian & Omani
        officials"): each nationality with the words after the last one; ``[]`` when ``h``
        has none (or, joined by "&", one names no state: "Johnson & Johnson employees").
        Annotation guide section 6, compound actors. Raises nothing."""
        # "Iranian & Omani officials": the ampersand coordinates as "and" does, though the
        # parse may tag the words an ORG (r25d)
        adjs = [c for c in h.children if c.dep_ in ("amod", "nmod", "compound") and c.i < h.i and c.conjuncts
                and (any(x.ent_type_ in ("NORP", "GPE") for x in [c, *c.conjuncts])
                     or any(k.dep_ == "cc" and k.lower_ == "&" for k in c.children))]
        if adjs:
            # "Armenian and Azerbaijani troops", "the Uzbek and Turkmen foreign ministers"
            # (the parse makes the first an nmod): each nationality with the words after
            # the last one ("foreign ministers")
            last = max(x.i for x in adjs[0].conjuncts)
            tail = h.doc[last + 1:h.i + 1].text if last < h.i else h.text

            def name(a: Token) -> str:  # "Hong Kong" in "PRC and Hong Kong authorities"
                return h.doc[min([a.i] + [c.i for c in a.lefts if c.dep_ == "compound"]):a.i + 1].text
            # a word that names no one ("Ukrainian and international authorities") is left out
            def names(a: Token) -> bool:
                got = self.resolve(name(a), sent, state)
                return got is not None and bool(got.country or got.igo)
            amp = any(k.dep_ == "cc" and k.lower_ == "&" for k in adjs[0].children)
            if amp and not all(names(a) for a in [adjs[0], *adjs[0].conjuncts]):
                adjs = []  # "Johnson & Johnson employees": a firm's name, no states
            res = [e for a in ([adjs[0], *adjs[0].conjuncts] if adjs else []) if (a.ent_type_ or names(a))
                   and (e := self.resolve(f"{name(a)} {tail}", sent, state))]
            return res
        return []

    def _hyphen_sides(self, h: Token, sent: Span, state: StoryState) -> list[Entity]:
        """The two parties of a hyphenated pair of which ``h`` is the second side and which
        modifies a noun ("US-Russia talks", "Russian-Chinese talks", "Franco-German
        talks", "the U.S.-Pakistan meeting"): each side resolved alone, a combining form
        by ``tables.yaml`` ``combining_forms`` ("Franco" FRA, "Sino" CHN); ``[]`` unless
        both sides name a state or an international organisation. A pair before a place
        noun (``place_nouns``: "the Turkish-Syrian border") is a place, no party, and the
        head word of a phrase is never a side ("the Turkish-Syrian border" as a head
        resolves as before). PLOVER manual and annotation guide section 6: compound
        actors, every participant of a joint act is in the actor (train gold: "U.S.-Ukraine
        talks in Jeddah" CONSULT UKR+USA). Raises nothing. r25d."""
        if h.dep_ not in ("amod", "compound", "nmod") or h.head.i <= h.i or h.head.pos_ not in ("NOUN", "PROPN") \
                or h.head.lemma_.lower() in words("place_nouns") or h.head.lower_ in words("place_nouns"):
            return []
        doc = h.doc
        if h.i >= 2 and doc[h.i - 1].text in ("-", "\u2013") and doc[h.i - 1].whitespace_ == "" \
                and doc[h.i - 2].whitespace_ == "":
            sides = [(doc[h.i - 2].text, doc[h.i - 2]), (h.text, h)]
        elif "-" in h.text.strip("-") and h.text.count("-") == 1:
            left, right = h.text.split("-")
            sides = [(left, h), (right, h)]
        else:
            return []
        forms = table("combining_forms")
        out = []
        for text, tok in sides:
            code = forms.get(text.lower())
            if code:
                out.append(Entity(text=text, country=code, how="nationality word"))
                continue
            if not text[:1].isupper():
                return []
            e = self.resolve(text, sent, state)
            if e is None or not (e.country or e.igo) or e.how not in ("nationality word", "country name", "knowledge base"):
                return []
            out.append(e)
        if len({e.country or e.igo for e in out}) < 2:
            return []
        return out

    def _cut_name(self, h: Token, span: Span) -> Span:
        """``span`` (the phrase of head ``h``) extended over a prepositional phrase the
        parse hung on ``h`` right after it and the phrase leaves out ("without",
        "against", "in"), when the words from a word of the span up to the end of the
        preposition's object are, whole, an organisation's name or alias in the knowledge
        base (``ActorResolver.organisation_name``): "Reporters Without Borders", "Media
        watchdog Reporters Without Borders", "Doctors Without Borders" name the NGO, not
        "reporters" or "doctors" of the story's country (annotation guide section 6: a
        transnational NGO is sector NGO with no country; a fresh user's trial, r22g).
        ``span`` itself otherwise ("reporters without jobs", "police in Georgia")."""
        holds = getattr(self.resolver, "organisation_name", None)
        if holds is None:
            return span
        for c in h.children:
            if c.dep_ != "prep" or c.i != span.end:
                continue
            pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if pobj is None:
                continue
            for end in sorted({pobj.i + 1, max(w.i for w in c.subtree) + 1}):
                if any(holds(h.doc[start:end].text) for start in range(span.start, h.i + 1)):
                    return h.doc[span.start:end]
        return span

    @staticmethod
    def is_person_name(h: Token, state: StoryState) -> bool:
        """True when the proper-noun head ``h`` names a person: the parser tags it
        PERSON, or it is the last word of a person the story names in full."""
        if h.ent_type_ == "PERSON":
            return True
        return h.pos_ == "PROPN" and h.lower_ in state.person_words(h.doc)

    def _apposition(self, h: Token, text: str, e: Entity | None, sent: Span, state: StoryState) -> Entity | None:
        """ "Hikmet Hajiyev, an aide to the Azerbaijani president": the apposition gives
        the role and the country."""
        appos = next((c for c in h.children if c.dep_ == "appos"), None)
        ae = self.resolve(syntax.phrase(appos), sent, state) if appos is not None else None
        if ae is None or not (ae.country or ae.igo):
            return e
        return Entity(text=text, name=(e.name if e is not None else None) or ae.name, country=ae.country,
                      sector=(e.sector if e is not None else None) or ae.sector, igo=ae.igo,
                      kb_id=(e.kb_id if e is not None else None), how="apposition")

    def _named_apposition(self, h: Token, e: Entity, sent: Span, state: StoryState) -> Entity:
        """``e`` (a description with a country but neither name nor sector: "his Kenyan
        counterpart") with the name, sector and id of the person its apposition names,
        when that person is of the same country ("his Kenyan counterpart William Ruto");
        else ``e`` unchanged. The text stays the description's."""
        appos = next((c for c in h.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        ae = self.resolve(syntax.phrase(appos), sent, state) if appos is not None else None
        if ae is None or ae.name is None or ae.country != e.country or ae.igo != e.igo:
            return e
        return replace(e, name=ae.name, sector=ae.sector, kb_id=ae.kb_id, how="apposition")

    def object_modifiers(self, t: Trigger, sent: Span, state: StoryState,
                         skip: set[int] | frozenset[int] = frozenset()) -> list[Entity]:
        """An object that is no actor lends its modifier: "burned Russian flags" -> RUS,
        "rejected any US role" -> USA, "rejected calls by Kofi Annan" (PLOVER manual:
        the recipient is the entity acted upon). ``skip``: token indexes of objects that
        are no party (what a speaker calls the act: :func:`syntax.judged_words`)."""
        out: list[Entity] = []
        objs = [c for c in t.frame.children if c.dep_ in OBJ_DEPS and c not in t.words and c.i not in skip]
        for sub in t.subs:  # "staged rallies to demand the resignation of X"
            if sub.frame.i not in skip:  # not an act a denial denies ("denied that jets struck X")
                objs.extend(c for c in sub.frame.children if c.dep_ in OBJ_DEPS)
        possessives = words("possessive_pronouns")
        for c in objs:
            for m in c.children:
                if m.dep_ in ("amod", "compound", "poss", "nmod") and (m.ent_type_ in ("NORP", "GPE", "ORG") or m.dep_ == "poss"):
                    if m.pos_ == "PRON" and m.lower_ in possessives:
                        continue
                    out.extend(self.entities(m, sent, state))
                elif m.dep_ == "prep" and m.lower_ in ("by", "from", "of", "against", "on", "with", "to"):
                    for p in m.children:
                        if p.dep_ == "pobj":
                            out.extend(self.entities(p, sent, state))
        return out

    def learn_people(self, doc: Doc, state: StoryState) -> None:
        """Read every person introduced with a title or an apposition ("UN envoy Geir
        Pedersen", "Zabihullah Mujahid, the Taliban spokesman") into the story's memory,
        so that a bare surname anywhere in the story resolves to the same actor."""
        remember = getattr(self.resolver, "remember", None)
        for e in state.doc_ents(doc):
            if e.label_ != "PERSON":
                continue
            h = e.root
            n = h
            while n.dep_ == "compound" and n.head.i == n.i + 1 and n.head.pos_ == "PROPN":
                n = n.head  # the NER's "Choe Son" of "Choe Son Hui": the parse's whole name
            titled = n.dep_ == "appos" and n.head.i == e.start - 1 and n.head.pos_ in ("PROPN", "NOUN")
            if not titled and not any(c.dep_ in ("compound", "amod", "appos") and not (e.start <= c.i < e.end)
                                      for c in h.children):
                continue
            found = self.for_head(h, e.sent, state)
            if titled and not (found and (found[0].country or found[0].igo)):
                # "by North Korean Foreign Minister Choe Son Hui": the parse made the name
                # an apposition of its title, which gives the person's party, so that a
                # later "Choe" is the same minister (r26g, a fresh user's trial)
                whole = doc[e.start:n.i + 1]
                found = [replace(x, name=x.name or whole.text) for x in self.for_head(n.head, e.sent, state)
                         if x.sector is not None]
                if found and remember is not None and (found[0].country or found[0].igo):
                    remember(state.memory, whole.text, found[0])
                continue
            if found and remember is not None and (found[0].country or found[0].igo):
                remember(state.memory, e.text, found[0])

    def remember_sentence(self, sent: Span, state: StoryState) -> None:
        """Note the subject and compound mentions of a sentence without events, so that
        pronouns in the next sentences resolve ("The US president wrote to the leaders
        of Azerbaijan and Armenia. He urged them ...")."""
        subj = syntax.subject(sent.root)
        subj_ents = self.entities(subj, sent, state) if subj is not None and subj.pos_ != "PRON" else []
        others: list[Entity] = []
        for tok in state.tokens_of(sent):
            if tok.dep_ in ("dobj", "pobj", "dative") and tok.pos_ != "PRON" and (
                    tok.conjuncts or any(c.dep_ == "prep" and c.lower_ == "of" and any(p.conjuncts for p in c.children)
                                         for c in tok.children)):
                others = self.entities(tok, sent, state)
                if len(others) > 1:
                    break
        state.note(subj_ents, others, syntax.may_name_person(subj))
        if syntax.names_group(subj):
            state.note_group(subj_ents)

    def story_items(self, state: StoryState) -> list[tuple[int, str]]:
        """The later items of a news digest: ``(first character, country of its
        dateline's place)`` for each paragraph that starts with a dateline of its own
        after the story's first (:func:`tidings.analyse.item_datelines`: "...\n\nKATHMANDU,
        Nepal \u2014 Police said they ..."), whose place (else its region, "Nepal") the
        resolver puts in a country; ``[]`` for a story with one dateline or none. A
        dateline is a wire service's mark of a new report filed from that place (AP
        Stylebook, "datelines"), so each such item is coded with its own antecedents
        and country (:meth:`StoryState.new_item`)."""
        from ..analyse import item_datelines

        out: list[tuple[int, str]] = []
        for m in item_datelines(state.story.text):
            country = None
            rest = (m.group("rest") or "").strip(" ,")
            for name in (m.group("place").strip(), rest):
                if name and not any(ch.isdigit() for ch in name):
                    ent = self.resolver.resolve(name.title(), "", state.story.pub_date, {})
                    # a place or a country by name, not words that name people ("THE
                    # U.S. CITIZENS --" in capitals)
                    if ent is not None and ent.country and ent.how in ("country name", "place name"):
                        country = ent.country
                        break
            if country:
                out.append((m.start(), country))
        return out

    def remember_person(self, sent: Span, state: StoryState) -> None:
        """"He"/"she" refer to the last named person who was the subject of a clause: the
        person's resolved entity (or none when the knowledge base does not know them)
        replaces the memory."""
        persons = [e for e in state.ents_of(sent) if e.label_ == "PERSON"
                   and e.root.dep_ in ("nsubj", "nsubjpass") and e.root.head.pos_ in ("VERB", "AUX")]
        if persons:
            ent = self.resolve(persons[-1].text, sent, state)
            if ent is None and state.last_singular and persons[-1].text in state.last_singular[0].text:
                # a person the knowledge base does not hold, whom this sentence's event
                # has just resolved ("Counselor X will travel ...": the statement's
                # official): keep that entity for a later "he"
                return
            state.last_singular = [ent] if ent is not None else []

    def seat_country(self, text: str, legislatures: bool = False) -> str | None:
        """The state of a seat of power ("the White House", "the Oval Office", "the
        Kremlin": ``countries.tsv`` seats, :meth:`tidings.actors.ActorResolver.seat_country`;
        legislatures, "the Duma", only with ``legislatures``), as the country of a place
        the gazetteer does not hold or holds elsewhere; None for any other name or a
        resolver without seats."""
        seat = getattr(self.resolver, "seat_country", None)
        return seat(text, legislatures) if seat is not None else None

    def home_country(self, doc: Doc, state: StoryState) -> str | None:
        """The country a story is about: the country named most often by its place and
        nationality mentions (GPE, NORP, and ORG mentions that are nationalities), the one
        named first among equals (in an earlier sentence than the others); None when the
        story names none or the equals are first named in one sentence. A mention that
        is a person's surname ("Ibarra" after "Epigmenio Ibarra") is no place, and an
        ethnic group ("ethnic Turks") names no state. Computed
        once per story."""
        if state.home_country is None:
            counts: Counter = Counter()
            first: dict[str, int] = {}
            people = state.person_words(doc)
            # a mention's answer without context or memory depends on its text alone:
            # asked once per distinct text ("Ukraine" ten times in a story, issue 20)
            answers: dict[str, Entity | None] = {}
            lo, hi = state.item_start, state.item_end
            dl_end = self._dateline_end(state)
            for e in state.doc_ents(doc):
                if (lo or hi is not None) and not (lo <= e.start_char and (hi is None or e.start_char < hi)):
                    continue  # a news digest: another item's mentions say nothing of this one's
                if _names_backer(e.root) or _names_foreign_lead(e.root):
                    continue  # "rebels backed by Rwanda", "Kenyan-led mission personnel": the
                    # sponsor or a multinational force's leader is not where it happens
                if e.label_ in ("GPE", "NORP", "ORG", "LOC", "PERSON") and e[-1].lower_ not in people and not (
                        e.label_ == "NORP" and (e.start > 0 and doc[e.start - 1].lower_ in words("ethnic_markers")
                                                or e.root.head.lemma_.lower() in words("ethnic_group_nouns"))):
                    etext = e.text
                    if etext in answers:
                        ent = answers[etext]
                    else:
                        ent = answers[etext] = self._place_mention(etext, e.label_, state)
                    # an ORG, LOC or PERSON counts only as a mislabelled country or
                    # nationality ("Guatemalan", "South Sudan" tagged LOC; "Mali's
                    # transitional authorities" with "Mali" tagged PERSON: a country's
                    # name is no person's, r27n)
                    if ent is not None and ent.country and (e.label_ in ("GPE", "NORP") or (
                            ent.kb_id or "").startswith("tid:country/")):
                        counts[ent.country] += 1
                        first.setdefault(ent.country, e.sent.start)
                        state.country_sents.setdefault(ent.country, set()).add(e.sent.start)
                        if e.label_ != "ORG" and _names_where(e.root) and not _on_shared_edge(e.root) \
                                and not _names_foreigners(e.root):
                            state.sent_countries.setdefault(e.sent.start, set()).add(ent.country)
                        if e.start_char >= dl_end:
                            state.body_countries.add(ent.country)
            dl = self._dateline_country(state)
            if dl:
                counts[dl] += DATELINE_WEIGHT
                first[dl] = -1
            # a tie goes to the country named first: the dateline's or the lead's
            # ("SAN SALVADOR, 31 JAN 90 -- ..."); chosen on the corpus dev split (and
            # checked on train) against "twice and more than any other"
            state.country_counts = dict(counts)
            best = max(counts.values(), default=0)
            tied = [c for c, n in counts.items() if n == best] if best else []
            # ... unless the tied countries are first named in one sentence ("Chile and
            # Peru held talks"): then none dominates
            # (the dateline, counted last, is named first: first -1)
            tied.sort(key=lambda c: first[c])
            firsts = [first[c] for c in tied]
            state.home_country = tied[0] if tied and (len(tied) == 1 or firsts[0] < min(firsts[1:])) else ""
        return state.home_country or None


    def sentence_country(self, sent: Span, state: StoryState) -> str | None:
        """The one country a sentence names by its place and nationality mentions (those
        :meth:`home_country` counts) when the story's country comes from its dateline
        alone: the dateline's country is named nowhere in the body, and the sentence names
        exactly one other country, as a place, a nationality or a possessor, not as a
        party (``_names_where``), and not as one side of a border (``_on_shared_edge``):
        "DAKAR, ... - The peacekeeping mission in Mali, which was expelled by the junta
        ...": the junta is Mali's, not Senegal's. None
        otherwise, and for a story without a dateline. A home noun ("the junta", "the
        army", "terrorists") with no country of its own takes the country where it acts
        (annotation guide section 6: a domestic actor takes the country where it acts);
        a wire's dateline says where the story was filed, not whose the parties are.
        A fresh user's trial, r27n."""
        home = self.home_country(sent.doc, state)
        dl = self._dateline_country(state)
        if not home or dl != home or home in state.body_countries:
            return None
        here = state.sent_countries.get(sent.start, set())
        return next(iter(here)) if len(here) == 1 and home not in here else None

    def _place_mention(self, text: str, label: str, state: StoryState) -> Entity | None:
        """The entity a place or nationality mention (an NER entity of ``label``) counts
        for in :meth:`home_country`: the resolver's answer, for a LOC only when the
        gazetteer reads it as that country ("South Sudan" tagged LOC), and except that a GPE the
        knowledge base holds only as a person's name ("Djibo", a town in Burkina Faso
        and a Nigerien general's surname; "Nasir", a town in South Sudan, read as Nasser)
        counts as the gazetteer's place when it knows one (a populated place or region:
        ``tidings.places.resolve_place``): the parser and the gazetteer agree on a place
        (a fresh user's trial, r22g: "Djibo" made a tie that left "the junta" with no
        country). Else the person's country, as before: a person the parser mislabelled
        GPE ("PINOCHET" in a Chilean broadcast) still names the story's country (on the
        train split, counting such a GPE for nothing moved 8 FBIS sentences off Chile)."""
        from ..places import resolve_place

        ent = self.resolver.resolve(text, "", state.story.pub_date, {})
        if label == "LOC":
            # a LOC counts only when the gazetteer too reads it as a country: most LOC
            # mentions are regions whose words the resolver matches to a state
            # ("Central America's" USA, "the Korean Peninsula" KOR on the train split)
            place = resolve_place(re.sub(r"['’]s$", "", text))
            return ent if ent is not None and place.feature == "country" and place.country == ent.country else None
        if label != "GPE" or ent is None or not (ent.kb_id or "").startswith("tid:person/"):
            return ent
        place = resolve_place(text)
        if place.country is None or place.feature == "other":
            return ent
        return Entity(text=text, name=place.name, country=place.country, how="place name")

    def _dateline_country(self, state: StoryState) -> str | None:
        """The country of the place a dated wire dateline names ("SAN SALVADOR, 26 FEB 90
        (RADIO CADENA YSKL) --", "MANAGUA (NICARAGUA), 11 DEC 89 (...) --"); of the last
        one when an agency relays another's ("MADRID (SPAIN), 15 NOV 89 (EFE) -- LA PAZ,
        15 NOV (EFE) --": the story is from La Paz). None without one, or for a place no
        country has ("CLANDESTINE"). In a later item of a news digest, the country of
        that item's dateline (``state.item_country``)."""
        if state.item_start:
            return state.item_country
        text = state.story.text[:400]
        place, pos = None, 0
        while True:
            m = _DATED_LINE.match(text, pos)
            if m is None:
                break
            place, pos = (m.group(2) or m.group(1)).strip(), m.end()
        if not place:
            # today's wire style, month before day ("PORT-AU-PRINCE, Dec 2 (AP) -",
            # "BAMAKO, March 3, 2025 \u2014"): a dateline with a date is as dated
            # (tidings.analyse.story_dateline; twentieth round, a fresh user's trial)
            from ..analyse import story_dateline
            m = story_dateline(state.story.text)
            if m is None or not any(ch.isdigit() for ch in (m.group("rest") or "")):
                return None
            place = m.group("place").split("/")[-1].strip()
        for form in dict.fromkeys((place, place.title())):
            # "PORT-AU-PRINCE" as written: its title case, "Port-Au-Prince", names nothing
            ent = self.resolver.resolve(form, "", state.story.pub_date, {})
            if ent is not None and ent.country:
                return ent.country
        return None


    @staticmethod
    def _dateline_end(state: StoryState) -> int:
        """The offset in the story text just after its dated wire dateline (the
        :meth:`_dateline_country` forms), 0 without one or in a news digest's later item:
        the dateline's own place mention ("DAKAR, Mar 9 (Wire) -") is not the body
        naming that country."""
        if state.item_start:
            return 0
        text = state.story.text[:400]
        pos = 0
        while True:
            m = _DATED_LINE.match(text, pos)
            if m is None:
                break
            pos = m.end()
        if pos:
            return pos
        from ..analyse import story_dateline
        m = story_dateline(state.story.text)
        return m.end() if m is not None else 0


def _names_where(root: Token) -> bool:
    """True when a country mention (its head ``root``) says where or whose something is
    rather than who acts (its caller, :meth:`Mentions.home_country`, takes no ORG
    mention, even one the knowledge base reads as a state's: "AT THE CONGRESS" in a
    Colombian story on the corpus train split is no US place): a place phrase's object ("the mission in Mali"), a nationality
    or possessor ("Malian troops", "Mali's army"). Not a clause's subject or object
    ("after Chile warned ...": the country is a party of its own, and says nothing of
    whose "the army" is; :meth:`Mentions.sentence_country`)."""
    return root.dep_ in ("pobj", "amod", "compound", "poss", "nmod")


def _names_foreigners(root: Token) -> bool:
    """True when a country mention (its head ``root``) is the nationality or possessor of
    people or premises that are by their nature foreign where they are (words.yaml
    ``foreign_guest_nouns``: "two Belgian diplomats", "the Dutch embassy", "France's
    ambassador"): it names whose guests they are, not the country the sentence happens
    in, so it does not make :meth:`Mentions.sentence_country` ("KINSHASA, ... - The
    government expelled two Belgian diplomats": the government is the dateline's state,
    annotation guide section 6). A fresh user's trial, r28l."""
    return root.dep_ in ("amod", "compound", "poss", "nmod") and root.head.lemma_.lower() in words("foreign_guest_nouns")


def _on_shared_edge(root: Token) -> bool:
    """True when a country mention (its head ``root``) names one side of a place two
    states share ("the Chilean border", "Chile's border", "the border with Chile",
    words.yaml ``shared_edge_nouns``), also where the parser hung "with Chile" on the
    verb rather than on the edge noun just before it (r20g's "raided a clinic near the
    border with Guinea"): it says nothing of which side a sentence is on
    (:meth:`Mentions.sentence_country`)."""
    edges = words("shared_edge_nouns")
    head = root.head
    if head.lemma_.lower() in edges and root.dep_ in ("amod", "compound", "poss", "nmod"):
        return True
    if root.dep_ != "pobj" or head.lower_ not in ("with", "of"):
        return False
    # "near the border with Guinea": the small parser often hangs "with" on the verb; the
    # edge noun right before the preposition still says whose side it names
    before = head.doc[head.i - 1] if head.i > 0 else None
    return head.head.lemma_.lower() in edges or (before is not None and before.lemma_.lower() in edges)


#: How many place mentions a dated dateline counts for when choosing the country a story
#: is about: a local report's roles ("the army", "the government") are the dateline
#: country's even when the story names another more often (chosen on the corpus dev
#: split, checked on train).
DATELINE_WEIGHT = 3
#: "PLACE[ (COUNTRY)], 26 FEB 90[ (SOURCE)] --" at the start of a story (wire style).
_DATED_LINE = re.compile(r"\s*([A-Z][A-Za-z .'\-]{1,40}?)\s*(?:\(([A-Za-z .'\-]{2,30})\))?,\s*"
                         r"\d{1,2}\s+[A-Za-z]{3,9}\.?(?:\s+\d{2,4})?\s*(?:\(([^)]{1,60})\))?\s*[-\u2013\u2014]{1,3}\s*")

_QUOTES = frozenset('"\u201c\u201d')
_NOT_CONTENT = frozenset("the a an this that these those both its their his her our".split())


def first_named(codes, position) -> list[str]:
    """The country codes ``codes`` (any iterable: a set is fine) in the order the text
    names them: by ``position(code)`` (a token index), a tie (two codes at one position,
    or neither found) broken by the code itself. A total order, so the same story gives
    the same actors and recipients in every process: a set's order of strings changes
    with Python's hash seed, and "both countries" was ESP, USA in one run and USA, ESP in
    another. Returns a new list; raises whatever ``position`` raises."""
    return sorted(codes, key=lambda c: (position(c), c))


def _dateline_place(text: str) -> str | None:
    """The place of a story's last dated wire dateline ("CLANDESTINE, 13 DEC 89 (RADIO
    VENCEREMOS) --" -> "CLANDESTINE"), or None."""
    head, pos, place = text[:400], 0, None
    while (m := _DATED_LINE.match(head, pos)) is not None:
        place, pos = (m.group(2) or m.group(1)).strip(), m.end()
    return place


def _dateline_agency(text: str) -> str | None:
    """The broadcaster or agency in brackets of a story's last dated wire dateline
    ("CLANDESTINE, 13 DEC 89 (RADIO VENCEREMOS) --" -> "RADIO VENCEREMOS"), or None."""
    head, pos, agency = text[:400], 0, None
    while (m := _DATED_LINE.match(head, pos)) is not None:
        agency, pos = m.group(3) or agency, m.end()
    return agency.strip() if agency else None


def _names_foreign_lead(tok: Token) -> bool:
    """True when ``tok`` is the nationality or country of a hyphenated "X-led" modifier
    (words.yaml ``foreign_lead_participles``: "Kenyan-led mission personnel", "the
    Saudi-led coalition"): the leader of a multinational force, which does not say where
    the story happens (:meth:`Mentions.home_country`)."""
    doc = tok.doc
    if tok.dep_ not in ("npadvmod", "compound", "amod", "nmod") or tok.i + 2 >= len(doc):
        return False
    dash, part = doc[tok.i + 1], doc[tok.i + 2]
    return dash.text in ("-", "\u2013") and not tok.whitespace_ and not dash.whitespace_ \
        and part is tok.head and part.lemma_.lower() in words("foreign_lead_participles")


def _generic_mention(h: Token) -> bool:
    """True when the common noun ``h`` is quantified as no one in particular ("any
    state", "every country": a ``words.yaml`` generic_determiners word as its
    determiner)."""
    return h.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in words("generic_determiners")
                                    for c in h.children)


def _generic_states(h: Token) -> bool:
    """True when the words that end at the common noun ``h`` (one to three tokens before
    it, as the text writes them) are a ``words.yaml`` generic_state_descriptions phrase
    ("non-littoral states", "foreign powers", "outside actors", "third countries"): a
    description of unnamed states names no party, and the story's country does not fill
    it (annotation guide section 6: a country only when the text says whose; the corpus
    train split gives "FOREIGN POWERS" and "regional states and institutions" no
    country). r26ad, a fresh user's trial."""
    if h.pos_ != "NOUN":
        return False
    phrases = words("generic_state_descriptions")
    return any(h.doc[j:h.i + 1].text.lower() in phrases for j in range(max(h.sent.start, h.i - 3), h.i))


def _weapon_owner(h: Token) -> Token | None:
    """The word that names whose weapon ``h`` is by a participle's "by" phrase: ``h``
    (or the "of" object of a count, "41 of the 58 drones") is a words.yaml
    ``weapon_actors`` noun with a past participle of ``weapon_owner_participles``
    ("launched", "fired") whose agent names the owner: "drones launched by Russia" ->
    "Russia". None otherwise (no such participle; "missiles supplied by the US" names the
    supplier, not the owner). Rule: annotation guide section 6 (a party is named by the
    words that say whose); PLOVER manual, ASSAULT (the attacker is who fires). r28k."""
    w = h
    if h.tag_ == "CD" or h.lemma_.lower() in ("some", "most", "all", "many", "none", "dozens", "hundreds"):
        w = next((o for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj"), h)
    actors = words("weapon_actors")
    if w.pos_ != "NOUN" or (w.lemma_.lower() not in actors and w.lower_ not in actors):
        return None
    for c in w.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in words("weapon_owner_participles"):
            for a in c.children:
                if a.dep_ == "agent":
                    return next((o for o in a.children if o.dep_ == "pobj"), None)
    return None


def _foreign_description(h: Token) -> bool:
    """True when the plural common noun ``h`` is described as from abroad or from a
    region without a state: an adjective of words.yaml ``foreign_party_modifiers``
    modifies it ("foreign intelligence services", "European companies", "Western
    governments", "international partners"), and its lemma is no state's own office or
    title (``foreign_office_heads``: "the foreign ministers" stay the story's). Such a
    party is none of the story's, so no story, dateline or place country fills it (the
    caller marks it ``how`` "generic party"). Singular nouns are left alone ("the
    foreign minister", "a foreign national" named later), and so is a modifier coordinated
    with a domestic one ("foreign and national journalists"). Rule: annotation guide section
    6 (a country only when the text says whose); the corpus train split gives "FOREIGN
    JOURNALISTS", "Foreign nationals" and "international partners" no country. r28k."""
    if h.pos_ != "NOUN" or h.tag_ != "NNS" or h.lemma_.lower() in words("foreign_office_heads"):
        return False
    mods = words("foreign_party_modifiers")
    own = [c for c in h.children if c.dep_ in ("amod", "compound") and c.i < h.i and c.lower_ in mods]
    # "foreign and national journalists": with a domestic conjunct the phrase also names
    # the story's own party (train gold: SLV), so it is no outside party alone
    return bool(own) and not any(x.lower_ not in mods for c in own for x in c.conjuncts)


def _names_backer(tok: Token) -> bool:
    """True when ``tok`` names the sponsor of a backing participle (words.yaml
    ``backing_participles``): "rebels, backed by Rwanda, ...", "Iran-backed militias".
    Such a mention says who supports a party, not where the story happens, so it does
    not count towards the story's country (:meth:`Mentions.home_country`), which
    domestic actors with no country of their own take. Rule: docs/annotation.md
    section 6 (rebels and militias take the country where they fight); the train gold
    gives backed groups the country where they act ("militant groups backed by Iran's
    IRGC": IRQ; "Iranian-backed Houthi": YEM)."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "agent":
        head = head.head
    elif tok.dep_ not in ("npadvmod", "compound", "amod", "nmod"):
        return False
    return head is not tok and head.lemma_.lower() in words("backing_participles")


def _possessive_antecedent(h: Token, low: str, sent: Span) -> Token | None:
    """The named entity of the same sentence a possessive pronoun refers to: the nearest
    earlier person for "his"/"her" ("hold President X accountable for his war"), the
    nearest earlier state or organisation for "its" ("thanked Egypt for its diplomacy",
    "costs on Russia for its aggression"): its root token, or None (another pronoun, no
    such entity before it in the sentence; "their" is left to the story)."""
    if h.dep_ != "poss":
        return None
    if low in ("his", "her"):
        labels: tuple[str, ...] = ("PERSON",)
    elif low in words("pronouns_it"):
        labels = ("GPE", "ORG")
    else:
        return None
    before = [e for e in sent.ents if e.end <= h.i and e.label_ in labels]
    if not before:
        return None
    near = before[-1].root
    if near.dep_ == "poss" and low in words("pronouns_it"):
        # "The United States condemned China's actions and reaffirmed that its treaty
        # with the Philippines ...": a possessor in another clause's object is not what
        # "its" refers to, but the subject its clause shares (a fresh user's trial,
        # twentieth round, r20l); "condemned Russia's invasion and its toll" (one
        # clause) and "thanked Egypt for its help" keep the nearest
        subj = _clause_subject(h, labels)
        if subj is not None and syntax.clause_verb(near) != syntax.clause_verb(h):
            return subj
    if low in words("pronouns_it") and near.dep_ != "poss":
        # "India suspended the treaty with Pakistan, expelled advisers from its high
        # commission and ...": the nearest state is in an earlier verb's object, and the
        # verb of "its" is conjoined to that verb: its shared subject (annotation guide
        # section 6, the shared subject is the actor of each coordinated verb; r25r).
        # "urged Kyiv to stop its attacks" (xcomp) and "thanked Egypt for its help"
        # (one clause) keep the nearest
        vh, vn = syntax.clause_verb(h), syntax.clause_verb(near)
        chain = _governing_verbs(h, ("conj",))
        if vh is not None and vn is not None and vh != vn and vn.i in chain[1:]:
            for i in chain:
                subj = next((c for c in h.doc[i].children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    if subj.i < near.i and (subj.ent_type_ in labels or subj.pos_ == "PROPN"):
                        return subj
                    break
    return near


def _clause_subject(h: Token, labels: tuple[str, ...]) -> Token | None:
    """The subject, before ``h``, of the nearest clause above ``h`` (through
    coordinated verbs, infinitive and reported clauses) that is an entity of ``labels``
    and does not hold ``h``; None when there is none."""
    for i in _governing_verbs(h, ("xcomp", "conj", "ccomp")):
        v = h.doc[i]
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        if subj.i < h.i and h not in subj.subtree and subj.ent_type_ in labels:
            return subj
    return None


def _quote_speaker(h: Token, reach: int = 150) -> Token | None:
    """The named speaker of the quotation ``h`` stands in: the subject of a speech verb
    (``reporting``) in the sentence where the quotation closes, after the closing mark
    ("'We discussed further costs. ...,' the minister told reporters.", the quotation
    running over several sentences), looked for at most ``reach`` tokens on; a pronoun
    subject is no name. None when there is none."""
    doc = h.doc
    end = min(len(doc), h.i + reach)
    close = next((t for t in doc[h.i + 1:end] if t.text in ("\u201d", '"')), None)
    if close is None:
        return None
    for t in close.sent:
        if t.i > close.i and t.lemma_.lower() in words("reporting"):
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ != "PRON":
                return subj
    return None


def _opening_speaker(h: Token, sent: Span, gap: int = 4) -> Token | None:
    """The named speaker who introduces, in ``h``'s own sentence, the quotation ``h``
    stands in: the subject of a speech verb (``reporting``) just before the opening
    quotation mark ("The rebel commander said: 'We are ready to talk'", "the minister
    told reporters, 'We will not yield'"), with at most ``gap`` tokens between the verb
    and the mark, all punctuation or words of the verb's own phrase ("told reporters
    today:"). A pronoun subject is no name, as for :func:`_quote_speaker`. None when
    there is none. Source: docs/annotation.md section 6 (a pronoun is labelled with
    the country of the entity it refers to; a quotation's "we"/"I" is its speaker)."""
    marks = [t for t in sent if t.i < h.i and t.text in _QUOTES]
    if not marks or len(marks) % 2 == 0 or marks[-1].text == "\u201d":
        return None
    opening = marks[-1]
    for v in reversed([t for t in sent if t.i < opening.i and opening.i - t.i <= gap + 1]):
        if v.lemma_.lower() not in words("reporting") or v.pos_ not in ("VERB", "AUX"):
            continue
        between = h.doc[v.i + 1:opening.i]
        if not all(t.is_punct or t in v.subtree for t in between):
            continue
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ != "PRON":
            return subj
        return None
    return None


def _reporting_speaker(h: Token, low: str) -> Token | None:
    """The speaker a third-person subject pronoun refers to inside what they report:
    "President X said he is prepared to lift the ban", "the government announced that
    it would ...": the named subject of the nearest governing speech verb
    (``reporting``), when it precedes the pronoun and agrees with it (a person for
    he/she, anything for it/they); a speech verb with no subject of its own that is
    coordinated with an earlier verb has that verb's subject. None otherwise."""
    if h.dep_ not in ("nsubj", "nsubjpass") or low not in (
            words("pronouns_singular") | words("pronouns_it") | words("pronouns_plural")):
        return None
    x, hops = h.head, 0
    while x.head != x and hops < 4:
        x, hops = x.head, hops + 1
        if x.lemma_.lower() in words("reporting"):
            s = syntax.subject(x) or next((c for c in x.children if c.dep_ == "nsubjpass"), None)
            v, up = x, 0
            while s is None and v.dep_ == "conj" and up < 3:
                # a speech verb coordinated with an earlier act shares its subject
                # ("Guyana thanked the Venezuelan authorities and said it would ...":
                # Guyana, not the nearer object; a fresh user's trial, r26a)
                v, up = syntax.coordinated_with(v), up + 1
                s = syntax.subject(v)
            if s is None or s.pos_ == "PRON" or s.i > h.i:
                return None
            if low in words("pronouns_singular") and s.ent_type_ not in ("PERSON", "") :
                return None
            return s
    return None


def _party_less_thing(h: Token) -> bool:
    """True when the common noun ``h`` heads a phrase that names a thing and no party:
    a document or accord (``place_named_document_nouns``) named after a town or city,
    not a country ("the Washington declaration", "the Minsk agreements", "the Tehran
    memorandum"; the gazetteer, ``tidings.places.resolve_place``), or "service(s)" with
    a ``thing_service_modifiers`` word ("consular services", "ferry service").
    Rule: docs/annotation.md section 6 (actors and recipients are parties, not things;
    a fresh user's trial, r24j)."""
    from ..places import resolve_place

    if h.pos_ != "NOUN":
        return False
    mods = [c for c in h.children if c.dep_ in ("compound", "amod", "nmod") and c.i < h.i]
    lemma = h.lemma_.lower()
    if lemma == "service":
        return any(c.lower_ in words("thing_service_modifiers") for c in mods)
    if lemma not in words("place_named_document_nouns"):
        return False
    for c in mods:
        if c.ent_type_ not in ("GPE", "LOC", "FAC") and not (c.pos_ == "PROPN" and not c.ent_type_):
            continue  # "the FMLN communique" is a party's (an ORG names its author)
        ent = next((e for e in h.doc.ents if e.start <= c.i < e.end), None)
        text = ent.text if ent is not None else c.text
        if resolve_place(text).feature not in ("country", None):
            return True
    return False


def _joint_body_states(h: Token) -> Token | None:
    """The first of the coordinated states whose joint body the plural noun ``h`` names
    when its "of" phrase hangs from the noun of its subject matter: "the state
    commissions on border delimitation of Serbia and Montenegro" -> "Serbia" (whose
    conjuncts the caller reads), where the parse attaches "of Serbia and Montenegro" to
    "delimitation". ``h`` must be a plural ``joint_body_nouns`` word and every state a
    GPE; None otherwise.

    Rule: docs/annotation.md section 6 (reciprocal acts: every party is an actor); a
    fresh user's trial, twenty-sixth round (r26m)."""
    if h.tag_ != "NNS" or h.lemma_.lower() not in words("joint_body_nouns"):
        return None
    for p in h.children:
        if p.dep_ != "prep" or p.lower_ not in ("on", "for"):
            continue
        for topic in p.children:
            if topic.dep_ != "pobj" or topic.pos_ != "NOUN":
                continue
            for of in topic.children:
                if of.dep_ == "prep" and of.lower_ == "of":
                    first = next((c for c in of.children if c.dep_ == "pobj"), None)
                    if first is not None and first.conjuncts and all(
                            x.ent_type_ == "GPE" for x in (first, *first.conjuncts)):
                        return first
    return None


def _non_party_medium(h: Token) -> bool:
    """True when the common noun ``h`` names a document or a medium and no party: a
    ``non_party_document_nouns`` head that is not a clause's subject and that no
    author's word modifies ("rejected the reports", "signed the memorandum"; but "the
    rebel report", "media reports" are their authors'), or an ``announcement_medium_nouns`` head in the
    object of an ``announcement_medium_preps`` preposition ("announced on state
    television") or after a ``reporting_self_determiners`` word ("this agency", "our
    correspondent"). A subject document keeps its reading (the train gold: "THE
    STATEMENT BLAMED ..."), and so does an outlet acted on ("banned the newspaper").

    Rule: docs/annotation.md section 6 (actors and recipients are parties, not things;
    the reporter is no party to what it reports); a fresh user's trial, twenty-sixth
    round (r26m)."""
    if h.pos_ != "NOUN":
        return False
    lemma, low = h.lemma_.lower(), h.lower_
    if (lemma in words("non_party_document_nouns") or low in words("non_party_document_nouns")) \
            and h.dep_ not in ("nsubj", "conj") and not any(
                c.dep_ in ("compound", "poss", "nmod", "amod") for c in h.children if c.i < h.i):
        # (a document its author's word modifies stays its author's: the train gold
        # makes "DESCRIBING THE REBEL REPORT AS FALSE" a REJECT of the rebels)
        return True
    if lemma not in words("announcement_medium_nouns") and low not in words("announcement_medium_nouns"):
        return False
    if any(c.dep_ in ("det", "poss") and c.lower_ in words("reporting_self_determiners") for c in h.children):
        return True
    x = h
    while x.dep_ == "conj" and x.head.i < x.i:
        x = x.head
    # (a preposition on a verb: "announced on state television"; a noun's "on" phrase
    # is what the act is done to: "a ban on the outlet", "the attack on the newspaper")
    return x.dep_ == "pobj" and x.head.lower_ in words("announcement_medium_preps") \
        and x.head.head.pos_ in ("VERB", "AUX")


def _place_word(t: Token) -> bool:
    """True when the word ``t`` is in the object of a place preposition
    (``host_locative_preps``: "in Quito", "at Washington") and names a town or city, not
    a country (the gazetteer: ``tidings.places.resolve_place``): the place of an act, no
    party to it ("talks in Washington" are no American party's; r24j)."""
    from ..places import resolve_place

    def town(w: Token) -> bool:
        ent = next((e for e in w.doc.ents if e.start <= w.i < e.end), None)
        text = ent.text if ent is not None else w.text
        return resolve_place(re.sub(r"['’]s$", "", text)).feature not in ("country", None)

    x = t
    while x.dep_ in ("compound", "flat") and x.head != x and x.head.pos_ == "PROPN":
        x = x.head
    if x.dep_ in ("compound", "amod", "nmod") and x.head.pos_ == "NOUN" and x.head.i > x.i:
        # "the Mexico City agreement", "the San Jose meeting": named after a town; a
        # nationality word ("Thai troops", "Cambodian territory") names a people, never
        # a town, whatever the gazetteer holds under its spelling (r26q)
        return t.ent_type_ != "NORP" and town(t)
    if x.dep_ == "appos" and x.head.pos_ == "PROPN" and _place_word(x.head):
        return True  # "in Caracas, Venezuela": the town's country is where too
    if x.dep_ != "pobj" or x.head.lower_ not in words("host_locative_preps"):
        return False
    return town(t)


def _member_group(h: Token) -> Token | None:
    """The group noun whose member ``h`` names ("officials" for "minister" in "11 Georgian
    officials, including the interior minister"; words.yaml ``member_preps``), else None.
    The group is a people noun of words.yaml ``story_agent_nouns``."""
    p = h.head
    if h.dep_ != "pobj" or p.dep_ != "prep" or p.lower_ not in words("member_preps"):
        return None
    g = p.head
    # only a group of people ("officials", "diplomats", "soldiers": words.yaml
    # story_agent_nouns); "capabilities, including artillery" names things, no party
    return g if g.pos_ == "NOUN" and g.lemma_.lower() in words("story_agent_nouns") and g.i < h.i else None


def _holding_owner(h: Token) -> Token | None:
    """The owner that the "of" phrase of the holding noun ``h`` names ("the assets of two
    senior army commanders": "commanders"; words.yaml ``owned_holding_nouns``), else None.
    Only a person or body noun or a name is an owner ("the property of the state", not
    "the assets of 2020")."""
    if h.pos_ != "NOUN" or h.lemma_.lower() not in words("owned_holding_nouns"):
        return None
    for c in h.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN") and p.ent_type_ not in ("DATE", "MONEY", "CARDINAL", "PERCENT"):
                    return p
    return None


def _names_thing(h: Token, span: Span) -> bool:
    """True when the word ``h`` is part of the name of a thing: a name word that
    modifies, through compounds, a ``named_thing_heads`` noun ("Cano" in "the Cano
    Limon-Covenas pipeline", "Zamzam" in "the Zamzam camp"), or such a noun after a name
    word in its own phrase ``span`` ("the Cano Limon oil pipeline"). A person's surname
    there names the thing, not the person (docs/annotation.md section 6: an actor is a
    party, not a thing named after one)."""
    heads = words("named_thing_heads")
    if h.pos_ == "NOUN":
        return h.lemma_.lower() in heads and any(w.pos_ == "PROPN" for w in h.doc[span.start:h.i])
    x = h
    while x.dep_ == "compound" and x.head.i > x.i:
        x = x.head
    return x is not h and x.pos_ == "NOUN" and x.lemma_.lower() in heads


def _phrase_speaker(h: Token) -> Token | None:
    """The named speaker of the report a phrase headed by ``h`` stands in: the subject,
    before ``h``, of the nearest speech verb (``reporting``) above ``h``'s clause ("Moscow
    said its forces had hit ...": Moscow); a pronoun subject is no name. None when no
    speech verb governs the phrase within four steps."""
    x, hops = h, 0
    while x.head != x and hops < 5:
        x, hops = x.head, hops + 1
        if x.lemma_.lower() in words("reporting") and x.i < h.i:
            s = syntax.subject(x) or next((c for c in x.children if c.dep_ == "nsubjpass"), None)
            return s if s is not None and s.pos_ != "PRON" and s.i < h.i else None
    return None


def _clause_antecedent(h: Token, low: str) -> Token | None:
    """The group a plural subject pronoun of a dependent or coordinated clause refers
    to in its own sentence: the subject of the nearest clause above it that has one,
    when that subject comes before the pronoun and names a group ("the rebels attacked
    the base when they ...", "the judges lifted the strike they had called", "the FMLN
    issued a communique in which they vowed ...", "the cook and the captain disarmed
    a soldier, and they killed him"): a plural noun, a compound subject or an
    organisation. None for any other pronoun or subject (a pronoun, a singular common
    noun, a subject after the pronoun), or when no clause above has a subject.

    The story's memory (:func:`_pronoun`) only knows the sentences before; the corpus
    gives such a "they" the same sentence's group (issue 17, pass 6)."""
    if low not in words("pronouns_plural") or h.dep_ not in ("nsubj", "nsubjpass"):
        return None
    x, hops = h.head, 0
    while x.head != x and hops < 5:
        x, hops = x.head, hops + 1
        if x.pos_ not in ("VERB", "AUX"):
            continue
        s = syntax.subject(x) or next((c for c in x.children if c.dep_ == "nsubjpass"), None)
        if s is None:
            continue
        if s.i > h.i or s.pos_ == "PRON":
            return None
        plural = s.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in s.children) \
            or s.ent_type_ in ("ORG", "NORP") or (s.pos_ == "PROPN" and s.ent_type_ not in ("PERSON", "GPE"))
        return s if plural else None
    return None


def _fighters_of_named_group(e: Entity, state: StoryState) -> Entity:
    """A rebel description that names no country ("the rebels", "the guerrillas", "the
    militants", "the rebel leaders": sector REB from its words alone, ``how`` ``title``)
    fights for the story's latest named group of that sector that has a country ("the
    FMLN", "Salvadoran guerrillas", "al-Shabab"): it takes that country (``how`` ``story
    context``). ``e`` unchanged otherwise, or when the story has named no such group
    (the event's place or the story's country then give one, as before).

    Rebels take the country where they fight (docs/annotation.md section 6); a wire
    report filed abroad ("SAN JOSE, 2 JUN 89 -- ... the rebels demand ...") or an
    attack near a border put them in the dateline's or the place's country (issue 17
    pass 7: the largest kind among rebel actors with a wrong country on train). When every
    such group the story named is one knowledge-base group ("Hamas", "Hamas fighters"),
    the description is that group and takes its ``name`` and ``kb_id`` too."""
    if e.country is not None or e.igo is not None or e.sector != "REB" or e.how != "title":
        return e
    groups = [g for _, g in reversed(state.named) if g.sector == "REB" and g.country]
    if not groups:
        return e
    group = groups[0]
    if group.kb_id and group.name and all(g.kb_id in (None, group.kb_id) for g in groups):
        # the one group the story names ("Hamas ... the terrorists fired"): that group,
        # by name (a fresh user's trial, twentieth round); with two groups named, only
        # the latest's country, as before
        return replace(e, country=group.country, name=group.name, kb_id=group.kb_id, how="story context")
    return replace(e, country=group.country, how="story context")


def _ethnic(h: Token) -> bool:
    """True when the phrase headed by ``h`` names an ethnic group: a nationality word
    after an ``ethnic_markers`` word ("ethnic Turks", "hundreds of ethnic Hungarians"),
    modifying an ``ethnic_group_nouns`` head ("the Albanian population"), or a plural
    one with an "of" place ("the Hungarians of southern Slovakia")."""
    markers = words("ethnic_markers")
    nouns = words("ethnic_group_nouns")
    if h.ent_type_ == "NORP" and h.tag_ in ("NNPS", "NNS") and any(
            p.ent_type_ in ("GPE", "LOC") for p in syntax.prep_objects(h, ("of",))):
        return True  # "the Hungarians of southern Slovakia": a people of a place
    if any(t.lemma_.lower() in nouns and any(c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"
                                             for c in t.children) for t in h.subtree):
        return True  # "the Albanian population", "dozens of the Kurdish minority"
    # (the head itself when the parser's entities missed it: "ethnic Uzbeks")
    return any(t.lower_ in markers and (t.head.ent_type_ == "NORP" or t.head == h) for t in h.subtree)


def country_group(h: Token) -> list[Entity]:
    """The member states of a fixed group of states named by its regional adjective
    before a state noun (tables.yaml ``country_groups``, words.yaml
    ``country_group_heads``: "the Baltic states", "Nordic governments", "the
    Scandinavian countries") or by the group's own noun ("the Baltics"): one GOV entity
    per member, resolved by name. Rule: docs/annotation.md section 6, a group of states
    is coded as each of its states (compound actors); the train gold codes "the Nordic
    countries" as its five states and "its Baltic Allies" as the three. Without it such a
    phrase took the story's country (a fresh user's trial, nineteenth round: "Belarus
    accused the Baltic states" was Belarus against Belarus). ``[]`` for any other
    head."""
    groups = table("country_groups")
    low = h.lower_
    if low in groups and h.pos_ in ("PROPN", "NOUN"):
        members = groups[low]
    elif h.lemma_.lower() in words("country_group_heads") and h.tag_ in ("NNS", "NNPS"):
        mod = next((c for c in h.children if c.dep_ in ("amod", "compound") and c.lower_ in groups), None)
        if mod is None:
            return []
        members = groups[mod.lower_]
    else:
        return []
    text = h.doc[h.left_edge.i:h.i + 1].text
    return [Entity(text=text, country=iso, sector="GOV", kb_id=f"tid:country/{iso}", how="country name")
            for iso in members]


def _in_quotes(tok: Token, sent: Span) -> bool:
    """True when ``tok`` stands inside quotation marks: an odd number of quote marks
    before it, or after it, in its sentence."""
    before = sum(1 for t in sent if t.i < tok.i and t.text in _QUOTES)
    after = sum(1 for t in sent if t.i > tok.i and t.text in _QUOTES)
    return bool(before % 2 or after % 2)


def _misjoined_description(h: Token) -> tuple[Span, Span] | None:
    """The two parties of a phrase the parse joined under one name ("The Secretary and
    Foreign Minister Dendias": "Dendias" heads an nmod "Secretary" whose conjunct is
    "Minister"): ``(first, second)`` spans, the first a definite description opening
    the phrase with "the" ("The Secretary"), the second the named party ("Foreign Minister
    Dendias"); None for any other phrase ("Armenian and Azerbaijani troops" is handled
    as nationalities)."""
    if h.pos_ != "PROPN":
        return None
    for c in h.children:
        if c.i > h.i or c.dep_ not in ("nmod", "compound", "amod"):
            continue
        cc = next((x for x in c.children if x.dep_ == "cc" and x.lower_ == "and"), None)
        conj = next((x for x in c.children if x.dep_ == "conj" and c.i < x.i < h.i), None)
        if cc is None or conj is None or any(x.ent_type_ in ("NORP", "GPE") for x in (c, conj)):
            continue
        start = c.left_edge.i
        if h.doc[start].lower_ != "the" or start != h.left_edge.i or not (start < c.i < cc.i) \
                or start > 0 and h.doc[start - 1].lower_ in ("to", "of"):
            # (not a title's own chain: "Assistant to the President and Homeland
            # Security Advisor X" is one person)
            continue
        return h.doc[start:cc.i], h.doc[conj.left_edge.i:h.i + 1]
    return None


def _misplaced_apposition(h: Token) -> tuple[Span, Span, Token] | None:
    """A name the parse hung on the first of two conjoined descriptions ("The President
    and Prime Minister Kishida": "Kishida" is the apposition of "President", right
    after the conjunct "Minister"): ``(first, second, conjunct)``, the first the
    description opening with "the" ("The President"), the second the conjunct with the
    name ("Prime Minister Kishida"); None for any other phrase."""
    cc = next((c for c in h.children if c.dep_ == "cc" and c.lower_ == "and"), None)
    if cc is None or h.left_edge.lower_ != "the" or h.ent_type_ in ("NORP", "GPE"):
        return None
    for x in h.children:
        if x.dep_ != "conj" or x.i < cc.i:
            continue
        a = next((c for c in h.children if c.dep_ == "appos" and c.left_edge.i == x.i + 1
                  and c.ent_type_ == "PERSON"), None)
        if a is not None:
            doc = h.doc
            return doc[h.left_edge.i:cc.i], doc[x.left_edge.i:a.right_edge.i + 1], x
    return None


def _nested_name_pair(h: Token) -> tuple[Span, Span] | None:
    """Two titled names the parse made one phrase of, the first hung on the second's
    name with its "and" and the second's title as its conjunct ("Indian Foreign
    Minister X and Pakistani Prime Minister Y": X an ``nmod`` of Y, "Minister" a
    ``conj`` of X): ``(first, second)`` spans; None for any other phrase. English
    grammar: "and" between two full names joins two parties (docs/annotation.md
    section 6, compound actors: each is coded). r28c, a fresh user's trial (the second
    of two leaders a Secretary of State phoned was lost)."""
    if h.pos_ != "PROPN":
        return None
    for x in h.children:
        if x.dep_ not in ("nmod", "compound") or x.i >= h.i or x.pos_ != "PROPN":
            continue
        if not any(c.dep_ == "cc" and c.lower_ == "and" for c in x.children):
            continue
        conj = next((c for c in x.children if c.dep_ == "conj" and x.i < c.i < h.i), None)
        if conj is None:
            continue
        doc = h.doc
        first, second = doc[h.left_edge.i:x.i + 1], doc[conj.left_edge.i:h.i + 1]
        if len(first) > 1 and len(second) > 1:
            return first, second
    return None


def _joined_title(h: Token) -> tuple[Span, Span, Token | None] | None:
    """A title and a named party the parse joined into the phrase headed by ``h``
    (:func:`_misjoined_description`, :func:`_misplaced_apposition`): ``(title, named,
    conjunct)``, the conjunct being the head word the named party has among ``h``'s
    conjuncts (None when it has none); None for any other phrase."""
    pair = _misjoined_description(h)
    return (*pair, None) if pair is not None else _misplaced_apposition(h)


def joined_parties(tok: Token | None) -> set[int]:
    """Token indexes of both parties of a phrase the parse joined
    (:func:`_joined_title`: "The Secretary and Foreign Minister Dendias"), headed by
    ``tok``; empty for any other phrase. Both are the actor's side, never the recipient
    of the same event."""
    found = _joined_title(tok) if tok is not None else None
    return {i for sp in found[:2] for i in range(sp.start, sp.end)} if found else set()


def _governing_verbs(h: Token, deps: tuple[str, ...] = ("xcomp", "conj")) -> list[int]:
    """Token indexes, nearest first, of the verb of the clause that holds ``h`` and of
    the verbs above it joined by ``deps``: by default those whose subject that clause
    shares ("offered to mediate between the two neighbours": "mediate", "offered"; "met
    and mediated between ...")."""
    governing: list[int] = []
    v = syntax.clause_verb(h)
    while v is not None and v.i not in governing:
        governing.append(v.i)
        v = syntax.clause_verb(v.head) if v.dep_ in deps and v.head != v else None
    return governing


def pair_description(h: Token) -> bool:
    """True when ``h`` heads a description of two states: a plural head of
    ``words.yaml`` pair_descriptions with "two" or "both" ("the two countries", "both
    nations", "the two nuclear-armed neighbours"); not one with a name or nationality
    of its own ("the two Koreas", "both Baltic states")."""
    if h.tag_ not in ("NNS", "NNPS") or h.lemma_.lower() not in words("pair_descriptions"):
        return False
    kids = [c for c in h.children if c.i < h.i]
    return any(c.lower_ in ("two", "both") for c in kids) and not any(
        c.ent_type_ in ("NORP", "GPE") or c.pos_ == "PROPN" or c.dep_ == "poss" for c in kids)


def _content_words(text: str) -> frozenset[str]:
    """The lower-cased words of a mention, less determiners and possessives."""
    return frozenset(w for w in text.lower().replace("\u2019s", "").replace("'s", "").split()
                     if w not in _NOT_CONTENT)


def _other_title(mention: str, description: str) -> bool:
    """True when ``mention`` holds the description's first content word right after a
    ``title_modifiers`` word the description lacks, so that it names another office:
    "Philippine Foreign Secretary Manalo" for "the Secretary", "Vice President Harris"
    for "the President"; "Secretary of State Rubio" is the Secretary."""
    want = [w for w in description.lower().split() if w not in _NOT_CONTENT]
    if not want:
        return False
    words_ = mention.lower().replace("-", " ").split()
    mods = words("title_modifiers")
    return any(w == want[0] and k > 0 and words_[k - 1] in mods and words_[k - 1] not in want
               for k, w in enumerate(words_))


def _title_word(c: Token, h: Token) -> bool:
    """True when the capitalised modifier ``c`` of the head ``h`` is a word of a title
    or description, not a name: the words from ``c`` to ``h`` form a ``sectors.yaml``
    head term ("The Prime Minister", "the Crown Prince", "The Director-General");
    "the Mrta group" is a name."""
    got = c.doc[c.i:h.i + 1].text.lower().replace(" - ", "-")
    return got in head_terms() or (h.tag_ in ("NNS", "NNPS") and got.endswith("s") and got[:-1] in head_terms())


def _official_voice(voice: Entity | None) -> bool:
    """True when a story's voice is a state's government speaking: a country with a
    ``voice_sectors`` sector (GOV) or none ("The White House Briefing Room"), not a
    rebel station or an organisation; its "he" and "the President" are its officials."""
    return voice is not None and bool(voice.country) and (voice.sector is None or voice.sector in words("voice_sectors"))


def _pronoun(low: str, state: StoryState) -> list[Entity]:
    """What a pronoun refers to in the story so far ("he" -> the last named person)."""
    if low in words("pronouns_singular"):
        return list(state.last_singular[:1])
    if low in words("pronouns_plural"):
        # a compound group, else the parties of the last meeting ("They reaffirmed their
        # support" after "X met Y"), else the last group named by one plural noun or an
        # organisation ("the guerrillas ... they")
        return list(state.last_plural or state.last_meeting or state.last_group)
    if low in words("pronouns_it"):
        return list(state.last_it[:1])
    return []


def _attacked_place(h: Token, state: StoryState) -> bool:
    """True when the proper noun ``h`` is the object of a verb whose object is a place
    (``place_object_verbs``: "shelled Kherson", "attacked Odesa"), is no word of a
    person the story names in full, and is not part of a person's name of several words
    ("attacked John Smith"): the parser's PERSON tag is then a mistake (the small model
    tags many Ukrainian and Middle Eastern cities so) and the place name stands."""
    if h.dep_ != "dobj" or h.head.lemma_.lower() not in words("place_object_verbs"):
        return False
    if h.lower_ in state.person_words(h.doc):
        return False
    return not any(x.label_ == "PERSON" and len(x) > 1 and x.start <= h.i < x.end for x in state.ents_of(h.sent))


def _headline_line(sent: Span, state: StoryState) -> bool:
    """True when ``sent`` is a line of its own with no full stop in a text of headlines
    (the test :func:`tidings.coding.learned.headline_past` reads: every line of the text
    ends with no full stop, :func:`tidings.lines.is_headline_text`); a sentence of prose
    or a title over a story (meta-text, annotation guide section 1) is not."""
    from ..lines import ends_like_prose, is_headline_line, is_headline_text

    if ends_like_prose(state.text_of(sent)):
        return False
    whole = state.doc_text(sent.doc)
    if state.headlines is None:
        state.headlines = is_headline_text(whole)
    return bool(state.headlines) and is_headline_line(whole, sent.start_char, sent.end_char)
