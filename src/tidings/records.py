"""Plain records that the pipeline stages hand each other.

Every stage of tidings (read -> analyse -> code -> resolve -> store -> serve) exchanges
these frozen-ish dataclasses, never spaCy objects, so that they pickle for worker
processes and Ray, and map one-to-one onto the event contract in
``shared/spec/events.md`` (``Event.to_dict`` produces exactly that JSON object).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

#: The 16 PLOVER event types (PLOVER manual, Draft 0.8, chapter "Event categories").
EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

#: Quad category of each PLOVER type (PLOVER manual, "Quad category" of each section).
QUAD_CLASS: dict[str, str] = {
    "AGREE": "verbal_cooperation", "CONSULT": "verbal_cooperation",
    "SUPPORT": "verbal_cooperation", "CONCEDE": "verbal_cooperation",
    "COOPERATE": "material_cooperation", "AID": "material_cooperation",
    "RETREAT": "material_cooperation",
    "REQUEST": "verbal_conflict", "ACCUSE": "verbal_conflict", "REJECT": "verbal_conflict",
    "THREATEN": "verbal_conflict",
    "PROTEST": "material_conflict", "SANCTION": "material_conflict",
    "MOBILIZE": "material_conflict", "COERCE": "material_conflict",
    "ASSAULT": "material_conflict",
}

#: The modes of each PLOVER type (PLOVER manual, "<TYPE> modes" tables; REJECT shares
#: REQUEST's; AGREE, SUPPORT, CONCEDE, COOPERATE and AID have none). An event's ``mode``
#: is one of these or None.
MODES: dict[str, frozenset[str]] = {
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
                         "withhold", "misinformation", "cyber"}),
    "ASSAULT": frozenset({"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                          "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
                          "crowd-control", "unconventional"}),
}

#: PLOVER general contexts (PLOVER manual, table "General contexts"): an event's
#: ``contexts`` are drawn from these.
CONTEXTS: frozenset[str] = frozenset({
    "military", "intelligence", "executive", "legislative", "election", "political_institutions", "pro_democracy",
    "pro_autocracy", "economic", "legal", "reparations", "human_rights", "rights_freedoms",
    "repression", "human_security", "gender", "lgbt", "religion_ethnicity", "inequality",
    "diplomatic", "territory", "peacekeeping", "health", "asylum", "migration", "disasters",
    "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
    "misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
})

#: PLOVER auxiliary modes (PLOVER manual, section "Auxiliary modes").
AUX_MODES: tuple[str, ...] = ("historical", "future", "hypothetical", "negation")

#: Date granularities of the event contract, finest first.
GRANULARITIES: tuple[str, ...] = ("day", "week", "month", "year", "story")


@dataclass
class Story:
    """One input news story.

    Attributes:
        id: the story's id as given in the input (str, never empty).
        text: the story body (str, never empty after reading).
        pub_date: publication date as ``YYYY-MM-DD`` (str) or None when unknown.
        title, source, url, language, translated_from: optional metadata (str or None).
        meta: any other input fields, kept as story metadata (dict).
        origin: where the story came from, e.g. ``"stories.jsonl:12"`` (for messages).
        input_path: the input it was read from, as the store keeps it to tell two inputs
            apart (``stories.input``): the file's absolute path, ``"<stdin>"`` or
            ``"POST /api/code"``; None when not known (a story made in Python). Two
            files of the same name in two folders share an ``origin`` file name
            (``feed.jsonl:1``) but not this.
        warnings: what the reader changed or supplied to read it (list of str, each
            naming the file and line: an id made up for a record without one, HTML
            stripped from its text, hard-wrapped lines joined); the engines count and
            print them, the story is coded.
    """

    id: str
    text: str
    pub_date: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    translated_from: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    origin: str = ""
    warnings: list[str] = field(default_factory=list)
    input_path: str | None = None

    def text_hash(self) -> str:
        """Return a short SHA-256 hex digest of the text and publication date.

        A story whose text or date changed gets a new hash, so the store can replace
        its old events (issue 6).
        """
        h = hashlib.sha256()
        h.update(self.text.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
        h.update((self.pub_date or "").encode())
        return h.hexdigest()[:16]


@dataclass
class Failure:
    """Why one input record or story was not coded: the one failure record of tidings.

    The reader yields it for a record that cannot become a story (stage ``read``); the
    engines' worker returns it for a story it skips (stages ``limits``, ``language``,
    ``analyse``, ``code``) and the engines make one when the store refuses a story
    (``store``). Both engines print it, count it by ``code`` and ``stage``, keep it in
    the store's ``failures`` table, and the Ray engine writes it to ``failures.jsonl``
    (:meth:`to_dict`). Codes are in :mod:`tidings.errors` (``docs/errors.md``).

    Attributes:
        origin: ``"file:line"``, the file name or the story's origin, for messages.
        story_id: the story's id if it could be read, else None.
        code: error code, e.g. ``"T101"`` (a key of :data:`tidings.errors.ERRORS`).
        message: a human sentence naming the file, line or story and the problem.
        stage: the pipeline stage that refused it (default ``"read"``).
    """

    origin: str
    story_id: str | None
    code: str
    message: str
    stage: str = "read"

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"story_id", "origin", "stage", "code", "message"}`` (JSON-ready)."""
        return {"story_id": self.story_id, "origin": self.origin, "stage": self.stage,
                "code": self.code, "message": self.message}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Failure":
        """Inverse of :meth:`to_dict`.

        Raises:
            KeyError: when ``origin``, ``code`` or ``message`` is missing.
        """
        return cls(origin=d["origin"], story_id=d.get("story_id"), code=d["code"],
                   message=d["message"], stage=d.get("stage") or "read")


#: How an entity was resolved (``Entity.how``), from the most to the least direct:
#: ``knowledge base`` (a person or organisation of the actor knowledge base, or a user
#: dictionary), ``country name`` (a state, capital or seat of power named as the actor:
#: "Moscow said"), ``nationality word`` ("Azerbaijani officials"), ``place name`` (a city
#: or region), ``title`` (a role word alone gives the sector: "police", "the minister"),
#: ``apposition`` ("X, an aide to the Azerbaijani president"), ``place phrase`` ("riot
#: police in Georgia"), ``story memory`` (a name introduced earlier in the story),
#: ``story context`` (a description referring back: "the Secretary", "the two"),
#: ``pronoun`` (a pronoun referring back), ``story voice`` ("we" in a statement: the
#: party the statement speaks for), ``event place`` (a domestic actor takes the country
#: of the event's place), ``story country`` (the country the story is about), ``unknown
#: person`` (a person's name the knowledge base does not hold, with no country found).
ENTITY_HOW: tuple[str, ...] = (
    "knowledge base", "country name", "nationality word", "place name", "title", "apposition",
    "place phrase", "story memory", "story context", "pronoun", "story voice", "event place",
    "story country", "unknown person",
)


@dataclass
class Entity:
    """An actor or recipient of an event (contract: ``events.md``, "An entity").

    Attributes:
        text: the mention as written in the sentence.
        name: canonical name, e.g. "Government of Azerbaijan", or None.
        country: ISO 3166-1 alpha-3 code (or "XKX" for Kosovo), None for IGOs and unknowns.
        sector: PLOVER/CAMEO agent code (GOV, MIL, COP, ...), or None.
        igo: short code of an international organisation (UN, EU, NATO...), or None.
        kb_id: id in tidings' actor knowledge base (Wikidata QID where known), or None.
        how: how the entity was resolved, one of :data:`ENTITY_HOW` (an addition of
            tidings to the shared contract, issue 17), or None when not recorded.
    """

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    igo: str | None = None
    kb_id: str | None = None
    how: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


#: Where an event's date came from (``EventDate.source``): a phrase of the event's own
#: sentence, another sentence of the story (issue 19: the event it continues, or the
#: story's lead event), or the publication date (nothing in the story dates it).
DATE_SOURCES: tuple[str, ...] = ("sentence", "story", "publication")


@dataclass
class EventDate:
    """When an event happened (contract: ``date`` object, plus ``source``).

    ``start``/``end`` are ISO dates ``YYYY-MM-DD``; ``granularity`` is one of
    :data:`GRANULARITIES`, the precision of the ``start``..``end`` interval (``story``:
    the publication date was used because nothing in the story dates the event);
    ``text`` is the date phrase that dated it (in the event's sentence, or in the
    sentence it was taken from when ``source`` is ``story``), None when the publication
    date was used; ``source`` is one of :data:`DATE_SOURCES`. Left out (records made
    before issue 19), ``source`` follows from the granularity: ``publication`` for
    ``story``, else ``sentence``, which is what those records meant.
    """

    start: str
    end: str
    granularity: str = "story"
    text: str | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        if self.source is None:
            self.source = "publication" if self.granularity == "story" else "sentence"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "granularity": self.granularity, "source": self.source}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "EventDate":
        """Inverse of :meth:`to_dict`; ``text`` and ``source`` may be absent.

        Raises:
            KeyError: when ``start``, ``end`` or ``granularity`` is missing.
        """
        return cls(start=d["start"], end=d["end"], granularity=d["granularity"],
                   text=d.get("text"), source=d.get("source"))


@dataclass
class Place:
    """Where an event happened (contract: ``location`` object).

    ``feature`` is ``populated_place``, ``admin1``, ``country`` or ``other``; a place
    that could not be resolved keeps ``text`` and ``name`` and has the rest None, except
    that an event's place takes the country its story is about (``country`` set,
    ``feature`` ``other``, no coordinates) when the story has one.
    """

    text: str
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    feature: str = "other"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Event:
    """One coded event: the record ``tidings code`` writes (contract: ``events.md``).

    ``evidence_span`` holds character offsets ``[a, b]`` into the story text such that
    ``story.text[a:b] == sentence``. ``rules`` names why the event exists: the lexicon
    entry that triggered it (``"lexicon:attack/V"``) and the rules that shaped it
    (``"sense:verbal-attack-is-accusation"``; ``data/rules/*.jsonl``, ``docs/coding.md``),
    in the order they applied; an extra field beside the contract's. ``event_id`` is stable: it depends only on the
    story id, story text hash, sentence index, event type, trigger offset and the
    pipeline version (see :func:`make_event_id`).
    """

    event_id: str
    story_id: str
    sentence_index: int
    sentence: str
    evidence_span: tuple[int, int]
    trigger: str | None
    event_type: str
    mode: str | None
    contexts: list[str]
    aux_modes: list[str]
    actor: list[Entity]
    recipient: list[Entity]
    date: EventDate
    location: Place | None
    quad_class: str
    confidence: float
    cameo: str | None
    claimed_by: list[Entity] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    #: the place the rules chose for the event before the place filter
    #: (:mod:`tidings.coding.locmodel`) judged it (its text), or None; not in the
    #: contract: the story-date pass reads it as a cue that a sentence continues a scene
    named_place: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the event as the contract's JSON object (all fields present, and the
        extra field ``rules``)."""
        return {
            "event_id": self.event_id,
            "story_id": self.story_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "evidence_span": [int(self.evidence_span[0]), int(self.evidence_span[1])],
            "trigger": self.trigger,
            "event_type": self.event_type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "aux_modes": list(self.aux_modes),
            "actor": [e.to_dict() for e in self.actor],
            "recipient": [e.to_dict() for e in self.recipient],
            "date": self.date.to_dict(),
            "location": self.location.to_dict() if self.location else None,
            "quad_class": self.quad_class,
            "confidence": round(float(self.confidence), 4),
            "cameo": self.cameo,
            "claimed_by": [e.to_dict() for e in self.claimed_by],
            "rules": list(self.rules),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        """Build an Event from its contract JSON object (inverse of :meth:`to_dict`)."""
        loc = d.get("location")
        return cls(
            event_id=d["event_id"], story_id=d["story_id"],
            sentence_index=d["sentence_index"], sentence=d["sentence"],
            evidence_span=tuple(d["evidence_span"]), trigger=d.get("trigger"),
            event_type=d["event_type"], mode=d.get("mode"),
            contexts=list(d.get("contexts") or []), aux_modes=list(d.get("aux_modes") or []),
            actor=[Entity(**e) for e in d.get("actor") or []],
            recipient=[Entity(**e) for e in d.get("recipient") or []],
            date=EventDate.from_dict(d["date"]),
            location=Place(**loc) if loc else None,
            quad_class=d["quad_class"], confidence=d["confidence"], cameo=d.get("cameo"),
            claimed_by=[Entity(**e) for e in d.get("claimed_by") or []],
            rules=[str(r) for r in d.get("rules") or []],
        )


def make_event_id(story_id: str, text_hash: str, sentence_index: int, event_type: str,
                  trigger_start: int, version: str) -> str:
    """Return a stable 20-hex-character event id.

    The same story (id and text), sentence, event type, trigger offset and pipeline
    version always give the same id, so re-runs and the Ray engine agree (issue 8).
    """
    key = "\x1f".join([story_id, text_hash, str(sentence_index), event_type,
                       str(trigger_start), version])
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]
