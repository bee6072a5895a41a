"""A pydantic model of the event contract (shared/spec/events.md), used by the tests to
validate every line tidings writes. Strict: every field present, no wrong types."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

EVENT_TYPE = Literal["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                     "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                     "MOBILIZE", "COERCE", "ASSAULT"]
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)


class EntityModel(Strict):
    text: str
    name: str | None
    country: str | None = Field(pattern=r"^[A-Z]{3}$")
    sector: str | None
    igo: str | None
    kb_id: str | None
    # not in shared/spec/events.md yet (issue 17 adds it; the spec's owner notes it):
    # how the entity was resolved, tidings.records.ENTITY_HOW
    how: Literal["knowledge base", "country name", "nationality word", "place name", "title",
                 "apposition", "place phrase", "story memory", "story context", "pronoun",
                 "story voice", "event place", "story country", "unknown person"] | None


class DateModel(Strict):
    text: str | None
    start: str = Field(pattern=ISO_DATE)
    end: str = Field(pattern=ISO_DATE)
    granularity: Literal["day", "week", "month", "year", "story"]
    # not in shared/spec/events.md yet (issue 19 adds it; the spec's owner notes it):
    # where the date came from, tidings.records.DATE_SOURCES
    source: Literal["sentence", "story", "publication"]


class LocationModel(Strict):
    text: str
    name: str
    country: str | None = Field(pattern=r"^[A-Z]{3}$")
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    feature: Literal["populated_place", "admin1", "country", "other"]


class EventModel(Strict):
    event_id: str
    story_id: str
    sentence_index: int = Field(ge=0)
    sentence: str
    evidence_span: list[int] = Field(min_length=2, max_length=2)
    trigger: str | None
    event_type: EVENT_TYPE
    mode: str | None
    contexts: list[str]
    aux_modes: list[Literal["historical", "future", "hypothetical", "negation"]]
    actor: list[EntityModel]
    recipient: list[EntityModel]
    date: DateModel
    location: LocationModel | None
    quad_class: Literal["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
    confidence: float = Field(ge=0, le=1)
    cameo: str | None
    claimed_by: list[EntityModel]

    @field_validator("mode")
    @classmethod
    def lower_mode(cls, v):
        assert v is None or v == v.lower(), "mode must be lower case"
        return v


REQUIRED = set(EventModel.model_fields)
