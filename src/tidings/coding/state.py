"""What the coder remembers while it codes one story: :class:`StoryState`."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from ..analyse import blank_invisible
from ..records import Entity, Place, Story


@dataclass
class StoryState:
    """Per-story memory of the coder.

    Attributes:
        story: the story being coded; text_hash: its :meth:`Story.text_hash`.
        memory: the actor resolver's per-story memory (people introduced by title).
        last_singular, last_plural, last_it: what "he"/"she", "they" and "it" refer to.
        person_of: the last single actor that may name a person, by its country (ISO3
            -> entity), for a statement's "he"/"she" (its own official).
        place_country: country of the story's latest located event (ISO3) or None.
        home_country: the country the story is about; "" when none dominates, None
            before it is computed.
        voice: the party a statement speaks for (first-person pronouns outside quotes),
            from the story's title or source; None when it has none, unset before it is
            computed (``voice_done``).
        named: ``(head words, entity)`` of every mention resolved to a country or
            organisation so far, latest last, for definite descriptions ("the
            Secretary", "the ministry") that refer back to them.
        last_meeting: the actor and recipient of the story's last meeting (CONSULT
            event with both), for "they" and "the two" of a later meeting or agreement.
        last_sides: the parties of the story's last meeting or agreement (a
            ``reciprocal_types`` event with two parties or more) not told by its
            mediator or host ("talks mediated by Qatar and Turkey"), for "the two
            sides", "both parties" (:meth:`tidings.coding.mentions.Mentions`).
        pairs: the two states each description of two ("the two countries", "both
            nations": ``words.yaml`` pair_descriptions) refers to, by its token index
            (:meth:`tidings.coding.mentions.Mentions.story_pair`); ``[]`` when none.
        last_group: the last actor or subject named by one plural noun or an
            organisation ("the guerrillas", "Salvadoran troops", "the FMLN"), for a
            "they" when the story has named no compound group or meeting.
        country_counts: how often the story names each country (ISO3 -> count) by its
            place and nationality mentions, and ``country_sents`` the sentences (start
            tokens) that name it, and ``sent_countries`` the countries each sentence
            (start token) names, and ``body_countries`` those named after the
            story's dateline, all filled with ``home_country``.
        surnames: lower-cased last words of the story's people named with two words or
            more ("Epigmenio Ibarra" -> "ibarra"), computed once by :meth:`person_words`.
        places: the place each name (lower case) was first resolved to in the story,
            for its later mentions: one name is one place in a story.
        arg_scores: the argument model's candidates and probabilities by sentence,
            anchor and event type (:meth:`tidings.coding.argmodel.ArgumentModel.scores`).
        heads: the entities each head word names, by head, sentence and memory version
            (:meth:`tidings.coding.mentions.Mentions.for_head`).
        item_start, item_end: the characters of the news-digest item being coded (a
            paragraph that starts with its own dateline starts one:
            :meth:`tidings.coding.mentions.Mentions.story_items`); 0 and None for the
            whole story, which is one item unless it is a digest. The story's country
            is counted over the item only. item_country: the country of a later item's
            dateline, None in the first item (the story's own dateline counts there).
        headlines: whether the story's text is a text of headlines, every line without a
            full stop (:func:`tidings.lines.is_headline_text`); None before it is computed
            (once per story, by :func:`tidings.coding.learned.headline_past`).
        datelines: the character spans of the story's wire datelines
            (:func:`tidings.analyse.dateline_spans`), whose words are never a party
            (:meth:`dateline_words`).
        position: the coded sentence's position in the story (0 = the lead) counting
            no sentence that is all dateline ("TEHRAN, Sept 18 (IRNA) - " parsed as a
            sentence of its own, :func:`tidings.analyse.mark_line_breaks`): the lede
            features of the gate and of the confidence read it, so that a wire dateline
            does not change how the lead is coded (twenty-sixth round, a fresh user's
            trial: the dateline made the lead the second sentence and its THREATEN fell
            under the threshold). Set by :meth:`tidings.coding.coder.Coder.code`.
    """

    story: Story
    memory: dict
    text_hash: str
    last_singular: list[Entity] = field(default_factory=list)
    last_plural: list[Entity] = field(default_factory=list)
    last_it: list[Entity] = field(default_factory=list)
    person_of: dict[str, Entity] = field(default_factory=dict)
    _pending: list[tuple[list[Entity], list[Entity], bool]] = field(default_factory=list)
    _ents: dict[int, list] = field(default_factory=dict)
    _texts: dict[int, str] = field(default_factory=dict)
    _tokens: dict[int, list] = field(default_factory=dict)
    _scheduled: dict[tuple[int, int], tuple] = field(default_factory=dict)
    _doc_text: str | None = None
    place_country: str | None = None
    home_country: str | None = None
    voice: Entity | None = None
    voice_done: bool = False
    #: the government body a statement's lead names as its issuer, for its "we" when
    #: it has no voice (Mentions._statement_issuer); ``issuer_done`` once looked for
    issuer: Entity | None = None
    issuer_done: bool = False
    named: list[tuple[frozenset[str], Entity]] = field(default_factory=list)
    #: ``(head lemma, head token index, entities)`` of every mention of a
    #: ``story_agent_nouns`` head that named a country or organisation ("French
    #: diplomats"), for a later "the diplomats" (Mentions._agent_antecedent)
    agent_heads: list[tuple[str, int, tuple[Entity, ...]]] = field(default_factory=list)
    last_meeting: list[Entity] = field(default_factory=list)
    last_sides: list[Entity] = field(default_factory=list)
    #: the two sides of the story's last fight (an ASSAULT or FIGHT whose actor and
    #: recipient are two parties: ``words.yaml`` conflict_side_types), for a later
    #: "both sides", "the warring parties" (Mentions.refer_back; r26q)
    last_fight: list[Entity] = field(default_factory=list)
    last_group: list[Entity] = field(default_factory=list)
    pairs: dict[int, list[Entity]] = field(default_factory=dict)
    _pending_group: list[Entity] = field(default_factory=list)
    surnames: frozenset[str] | None = None
    country_counts: dict[str, int] = field(default_factory=dict)
    country_sents: dict[str, set[int]] = field(default_factory=dict)
    sent_countries: dict[int, set[str]] = field(default_factory=dict)
    body_countries: set[str] = field(default_factory=set)
    arg_scores: dict[tuple, tuple] = field(default_factory=dict)
    heads: dict[tuple, list] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    _doc_ents: tuple | None = None
    item_start: int = 0
    item_end: int | None = None
    item_country: str | None = None
    headlines: bool | None = None
    datelines: list[tuple[int, int]] = field(default_factory=list)
    position: int = 0
    _restored: bool | None = None

    def doc_ents(self, doc) -> tuple:
        """The story's entities (``doc.ents``), made once per story: ``Doc.ents`` builds
        every entity span again on each call, and four passes read them (issue 20)."""
        if self._doc_ents is None:
            self._doc_ents = tuple(joined_hyphen_names(doc.ents))
        return self._doc_ents

    def ents_of(self, sent: Span) -> list:
        """The entities of a sentence, grouped once per story (``sent.ents`` rescans the
        whole document on every call)."""
        if not self._ents:
            for e in self.doc_ents(sent.doc):
                self._ents.setdefault(e.sent.start, []).append(e)
            self._ents.setdefault(-1, [])
        return self._ents.get(sent.start, [])

    def in_datelines(self, start: int, end: int) -> bool:
        """True when the characters ``start:end`` (a sentence without its trailing
        space) lie all inside one of the story's wire datelines (``datelines``): a
        sentence that is only a dateline, which ``position`` does not count."""
        return end > start and any(a <= start and end <= b for a, b in self.datelines)

    def dateline_words(self, sent: Span) -> frozenset[int]:
        """Token indexes of the words of ``sent`` that lie in one of the story's wire
        datelines (``datelines``): the place a report was filed from, never an actor or
        recipient of the acts it reports (:func:`tidings.analyse.dateline_spans`), even
        where the parse kept the dateline in the lead's sentence ("GUATEMALA CITY, 10 SEP
        89 (ACAN-EFE) -- TWO POLICEMEN WERE INJURED ..." restored to "Guatemala city, ...",
        which no longer reads as a dateline). Empty, at no cost, for the sentences no
        dateline touches."""
        spans = [(a, b) for a, b in self.datelines if a < sent.end_char and b > sent.start_char]
        if not spans:
            return frozenset()
        return frozenset(t.i for t in self.tokens_of(sent) if any(a <= t.idx < b for a, b in spans))

    def tokens_of(self, sent: Span) -> list:
        """A sentence's tokens as a list, made once per sentence (iterating a ``Span``
        makes a new ``Token`` for every word each time, and several passes walk every
        sentence: issue 20)."""
        got = self._tokens.get(sent.start)
        if got is None:
            got = self._tokens[sent.start] = list(sent)
        return got

    def scheduled_of(self, sent: Span, offset: int) -> tuple:
        """:func:`tidings.dates.scheduled_clause_spans` of a sentence's tokens, relative to
        ``offset`` (the evidence sentence's start character), made once per sentence: it
        walks every token, and each event of the sentence asks for it."""
        key = (sent.start, offset)
        got = self._scheduled.get(key)
        if got is None:
            from ..dates import scheduled_clause_spans

            got = self._scheduled[key] = scheduled_clause_spans(self.tokens_of(sent), offset)
        return got

    def text_of(self, sent: Span) -> str:
        """A sentence's text (``sent.text``), cut from the document's text, which is
        built once per story (``sent.text`` joins the sentence's tokens on every call,
        and the resolver sees it as the context of every mention)."""
        got = self._texts.get(sent.start)
        if got is None:
            if self._doc_text is None:
                self._doc_text = sent.doc.text
            got = self._texts[sent.start] = self._doc_text[sent.start_char:sent.end_char]
        return got

    def doc_text(self, doc) -> str:
        """``doc.text``, the story's parsed document's text, built once per story
        (``Doc.text`` joins every token of the document on each call): the text the
        caller parsed when it gave it (``StoryState._doc_text``), else ``doc.text``,
        kept. ``doc`` must be the document of this state's story."""
        if self._doc_text is None:
            self._doc_text = doc.text
        return self._doc_text

    def case_restored(self, doc) -> bool:
        """Whether the story was parsed with its case restored (an upper-case story:
        :func:`tidings.truecase.restore_case`, a rewrite of the same length) or its
        invisible characters blanked (:func:`tidings.analyse.prepare_text`), so that the
        document's text differs from the story's; computed once per story."""
        if self._restored is None:
            if self._doc_text is None:
                self._doc_text = doc.text
            self._restored = self._doc_text != self.story.text and len(self._doc_text) == len(self.story.text)
        return self._restored

    def as_written(self, text: str | None, lo: int, hi: int) -> str | None:
        """``text``, a span of the parsed document (an actor's, a place's), as the story
        writes it, for a story whose case was restored (:meth:`case_restored`): cut from
        the story's own text at the offsets where the document has it, between ``lo`` and
        ``hi`` (the evidence sentence) first, else anywhere in the story; unchanged when
        the document does not hold it. Rule: annotation guide, section 9: spans are
        copied as written. Invisible format characters the story has there stay blanked
        as the document has them (:func:`tidings.analyse.blank_invisible`: "Abbas
        Araghchi", not "Abbas\u200bAraghchi")."""
        if not text or not self._restored:
            return text
        dt = self._doc_text
        i = dt.find(text, lo, hi)
        if i < 0:
            i = dt.find(text)
        return text if i < 0 else blank_invisible(self.story.text[i:i + len(text)])

    def person_words(self, doc) -> frozenset[str]:
        """Lower-cased last words of the PERSON mentions of two words or more in the
        story ("Francisco Jose Guerrero" -> "guerrero"): a later bare "Guerrero" or
        "Ibarra" is that person, not the Mexican state or the Ecuadorian town."""
        if self.surnames is None:
            self.surnames = frozenset(e[-1].lower_ for e in self.doc_ents(doc)
                                      if e.label_ == "PERSON" and len(e) >= 2 and e[-1].is_alpha)
        return self.surnames

    @property
    def pub_year(self) -> int | None:
        """The publication year, or None when the story has no date."""
        try:
            return int((self.story.pub_date or "")[:4])
        except ValueError:
            return None

    def new_item(self, start: int, end: int | None, country: str | None) -> None:
        """Start a new item of a news digest at character ``start`` (up to ``end``, None:
        the story's end), whose dateline names ``country`` (ISO3, or None): what the
        previous items named is no antecedent here. The pronoun memory (``last_*``,
        ``person_of``), the definite descriptions' antecedents (``named``), the last
        located country, and the story's country and its counts are forgotten; the
        story's voice, the people the resolver learnt by name (``memory``) and one name
        being one place (``places``) are kept: a name means the same in every item."""
        self.item_start, self.item_end, self.item_country = start, end, country
        self.last_singular, self.last_plural, self.last_it = [], [], []
        self.person_of = {}
        self._pending.clear()
        self._pending_group = []
        self.last_meeting, self.last_group, self.last_sides, self.last_fight = [], [], [], []
        self.pairs = {}
        self.named = []
        self.agent_heads = []
        self.place_country = None
        self.home_country = None
        self.country_counts, self.country_sents, self.sent_countries = {}, {}, {}
        self.body_countries = set()

    def note(self, actors: list[Entity], recips: list[Entity], person: bool = True) -> None:
        """Remember one event's (or sentence's) actors and recipients for pronouns in
        later sentences; they take effect at :meth:`end_sentence`. ``person``: False
        when the actor's words name no person (a state, an organisation, a group:
        "the DPRK's launch", "Russia"): a single such actor is then what a later "it"
        refers to, never a "he" or "she"."""
        self._pending.append((actors, recips, person))

    def note_group(self, ents: list[Entity]) -> None:
        """Remember the entity of a plural noun or organisation that acts (see
        ``last_group``); it takes effect at :meth:`end_sentence`."""
        if len(ents) == 1 and (ents[0].country or ents[0].igo):
            self._pending_group = list(ents)

    def end_sentence(self) -> None:
        """Move the noted mentions into the pronoun memory."""
        for actors, recips, person in self._pending:
            for group in (actors, recips):
                if len(group) > 1:
                    self.last_plural = list(group)
            if len(actors) == 1:
                if person:
                    self.last_singular = list(actors)
                    if actors[0].country:
                        self.person_of[actors[0].country] = actors[0]
                self.last_it = list(actors)
        self._pending.clear()
        if self._pending_group:
            self.last_group = self._pending_group
            self._pending_group = []


#: Entity labels of names a hyphen can join to a further capitalised word.
_HYPHEN_JOINED = frozenset({"GPE", "LOC", "NORP", "ORG"})


def joined_hyphen_names(ents) -> list[Span]:
    """``ents`` with each place or group name that the recogniser cut at a hyphen made
    whole again: "Guinea-Bissau", "Timor-Leste", "Nagorno-Karabakh" (en_core_web_sm tags
    "Guinea" alone, so a Guinea-Bissau story's country was Guinea's). An entity is
    joined to a hyphen and a proper noun written against it (no space either side) that
    belongs to no other entity; "Kenyan-led", "Iran-backed" (a participle), "US-China"
    (two entities) and "Paris - Rome" (spaced) stay apart. A fresh user's trial,
    twentieth round. Args: ents: a document's entities, in order. Returns: a list of
    spans, the same length, with the joined spans in place."""
    out = []
    for e in ents:
        doc = e.doc
        end = e.end
        while (e.label_ in _HYPHEN_JOINED and end + 1 < len(doc) and doc[end].text == "-"
               and not doc[end - 1].whitespace_ and not doc[end].whitespace_
               and doc[end + 1].pos_ == "PROPN" and doc[end + 1].ent_iob_ == "O"
               and doc[end + 1].text[:1].isupper()):
            end += 2
        out.append(e if end == e.end else Span(doc, e.start, end, label=e.label_))
    return out

