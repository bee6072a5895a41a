"""The REST API under ``/api``: stories, events, actors, dyads, network, coding.

Each read endpoint is a thin wrapper over a :mod:`tidings.serve.access` read (a
:mod:`tidings.serve.data` query on a store opened read-only for the request), which
the HTML pages call too. ``POST /api/code`` codes a posted story
with the local engine and writes it to the store only with ``?store=true`` on a server
started with ``--allow-code``. The OpenAPI description is at ``/openapi.json``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Optional

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from tidings.records import Story

from .access import (get_actors, get_dyad, get_dyads, get_event, get_events, get_network,
                     get_stats, get_stories, get_story)
from .errors import ApiError, validation_message, without_cli_flags
from .params import (MIN_COUNT, OFFSET, PER, PERIOD, SORT, dyad_filters, event_filters,
                     limit_param)

router = APIRouter(prefix="/api", tags=["api"])


#: What every answer that counts or lists events adds about the store's outputs (r21h).
_OUTPUTS_DOC = """

    Also ``outputs`` (how many stored stories were coded with `tidings code --all-candidates`,
    every event found whatever its confidence: ``all_candidates``; with the default output:
    ``default``; before the store recorded it: ``unrecorded``; the default output's
    ``thresholds``) and ``warnings``: when the store holds both outputs and no
    ``candidates`` filter picks one, the answer mixes them, and ``warnings`` says so
    (the warning `tidings events` prints); else ``[]``."""


def _says_outputs(endpoint):
    """Append :data:`_OUTPUTS_DOC` to ``endpoint``'s docstring, which FastAPI makes the
    OpenAPI description; applied below ``@router.get`` so the text is there when the
    route is registered. Returns ``endpoint`` itself."""
    endpoint.__doc__ = (endpoint.__doc__ or "").rstrip() + _OUTPUTS_DOC
    return endpoint


@router.get("/stats", summary="Row counts and versions")
def api_stats(request: Request) -> dict[str, Any]:
    """Counts of stories, events, entities, failures and clusters in the store, and
    ``outputs``: how many stories were coded with `tidings code --all-candidates`
    (``all_candidates``), with the default output (``default``) or before the store
    recorded it (``unrecorded``), and the default output's ``thresholds``."""
    return get_stats(request)


@router.get("/stories", summary="List stories")
def api_stories(request: Request,
                q: Optional[str] = Query(None, description="Text the id, title or story contains."),
                limit: int = limit_param(100), offset: int = OFFSET
                ) -> dict[str, Any]:
    """Stored stories, newest first, with their number of events (no text)."""
    return get_stories(request, q, limit, offset)


@router.get("/stories/{story_id:path}", summary="One story with its events")
def api_story(request: Request, story_id: str) -> dict[str, Any]:
    """A story's text and metadata, its events (contract records), and the text cut
    into segments at the evidence sentences. The story's ``all_candidates`` says whether
    it was coded with `tidings code --all-candidates` (its events are every candidate,
    whatever its confidence; null: stored before the store recorded it) and
    ``threshold`` the default output's confidence threshold then."""
    return get_story(request, story_id)


@router.get("/events", summary="List events (the filters of `tidings events`)")
@_says_outputs
def api_events(request: Request, filters: dict[str, Any] = Depends(event_filters),
               per: str = PER, limit: int = limit_param(100),
               offset: int = OFFSET, sort: str = SORT) -> dict[str, Any]:
    """Events matching the filters as contract records (``shared/spec/events.md``),
    newest first (``sort``), with the total number matching."""
    return get_events(request, filters, per, limit, offset, sort)


@router.get("/events/{event_id}", summary="One event with its evidence")
def api_event(request: Request, event_id: str) -> dict[str, Any]:
    """An event's contract record, its story, the evidence sentence located in the
    story text (``evidence``), and related events."""
    return get_event(request, event_id)


@router.get("/actors", summary="Actors and recipients with event counts")
def api_actors(request: Request,
               q: Optional[str] = Query(None, description="Text the name, country or IGO contains."),
               limit: int = limit_param(200), offset: int = OFFSET
               ) -> dict[str, Any]:
    """Entities that act or are acted on, most frequent first."""
    return get_actors(request, q, limit, offset)


@router.get("/dyads", summary="Event counts per period, dyad and quad class")
@_says_outputs
def api_dyads(request: Request, filters: dict[str, Any] = Depends(dyad_filters),
              period: str = PERIOD, per: str = PER) -> dict[str, Any]:
    """The counts of ``tidings dyads``, plus each dyad's total."""
    return get_dyads(request, filters, period, per)


@router.get("/dyads/{pair}", summary="Time series of one dyad")
@_says_outputs
def api_dyad(request: Request, pair: str, filters: dict[str, Any] = Depends(dyad_filters),
             period: str = PERIOD, per: str = PER) -> dict[str, Any]:
    """Counts of one directed dyad (``USA-AZE``) per period and quad class, every period
    from the first event to the last (zeros included)."""
    return get_dyad(request, pair, filters, period, per)


@router.get("/network", summary="Who acts on whom")
@_says_outputs
def api_network(request: Request, filters: dict[str, Any] = Depends(dyad_filters),
                min_count: Optional[int] = MIN_COUNT, per: str = PER) -> dict[str, Any]:
    """A directed graph of actor and recipient countries / IGOs with event counts (acts
    that happened, as the dyad counts, unless ``happened=false``)."""
    return get_network(request, filters, min_count, per)


# ------------------------------------------------------------------------ coding

class StoryIn(BaseModel):
    """A story to code: the input record of ``shared/spec/events.md``."""

    model_config = ConfigDict(extra="allow")

    id: Optional[str] = Field(None, min_length=1, max_length=500,
                              description="The story's id (a number is read as its digits, as "
                                          "`tidings code` reads a JSON Lines id); without one, `api-` "
                                          "and the first 10 hex digits of the text's SHA-1, as "
                                          "`tidings code -` names a piped text (the same text, the "
                                          "same id).")
    text: str = Field(..., min_length=1, description="The story text.")
    pub_date: Optional[str] = Field(None, description="Publication date: YYYY-MM-DD, an ISO timestamp, or YYYY-MM / YYYY when only the month or year is known. Without one (or blank), as `tidings code` codes a record without a date, the story is dated by a date in its dateline, else its events by date phrases that name a year, else by today's date (granularity 'story'), and `warnings` says so.")
    date_order: Optional[str] = Field(None, description="How to read an all-numeric pub_date that reads two ways (06/01/2025): DMY (day first) or MDY (month first), in any case, as `tidings code --date-order` and `tidings.code(date_order=)`; also the query parameter `?date_order=`. Without it such a date is refused (T605).")
    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    language: Optional[str] = None
    translated_from: Optional[str] = None

    @field_validator("id", mode="before")
    @classmethod
    def _number_id(cls, v: Any) -> Any:
        """A numeric id (``{"id": 42}``) is the string of its digits, as the reader of
        ``tidings code`` takes it (:func:`tidings.read.story_from_record`; issue 16)."""
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return str(v)
        return v


def _date_order(in_body: Any, in_query: Any) -> str | None:
    """The date order of ``POST /api/code``: the body field ``date_order`` or the query
    parameter ``?date_order=`` (the values of ``tidings code --date-order``: ``DMY`` or
    ``MDY``, in any case; blank is none).

    Returns:
        ``"DMY"``, ``"MDY"`` or None.

    Raises:
        ApiError: ``T605`` for any other value, or when the body and the query give
            different orders.
    """
    from tidings.read import DATE_ORDERS

    got = {}
    for where, value in (("body.date_order", in_body), ("query.date_order", in_query)):
        if value is None or not str(value).strip():
            continue
        order = str(value).strip().upper()
        if order not in DATE_ORDERS:
            raise ApiError("T605", f"{where}: {value!r} is neither DMY nor MDY "
                           "(DMY: day first, 06/01/2025 is 6 January; MDY: month first)")
        got[where] = order
    if len(set(got.values())) > 1:
        raise ApiError("T605", "body.date_order and query.date_order disagree "
                       f"({got['body.date_order']} and {got['query.date_order']}): give one")
    return next(iter(got.values()), None)


async def _read_body(request: Request, limit: int) -> bytes:
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > limit:
        raise ApiError("T604", f"the request body is {int(length)} bytes; at most {limit} "
                       "are accepted")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise ApiError("T604", f"the request body is over {limit} bytes")
    return bytes(body)


def _code(request: Request, story: Any, store_it: bool) -> dict[str, Any]:
    from tidings.engines.local import code_stories

    events: list[Any] = []
    if store_it:
        with request.app.state.access.write() as store:
            summary = code_stories([story], store=store, sink=events.append, force=True)
    else:
        summary = code_stories([story], sink=events.append)
    out = {"ok": True, "story_id": story.id, "stored": store_it, "count": len(events),
           "events": [e.to_dict() for e in events],
           # the reader's warnings (story.warnings) and the run's (a yearless dateline)
           "warnings": list(summary.warnings)}
    if summary.no_pub_date:  # as `tidings code` warns: today's date is a silent guess
        out["warnings"].append(
            f"story {story.id!r} had no publication date: its events are dated by date phrases "
            "that name a year, else by today's date (granularity 'story'); send pub_date")
    if summary.failures:  # the engine's hints name CLI flags; the API cannot set them
        code, _, stage = next(iter(summary.skipped)).partition(" ")
        if stage == "store":
            raise ApiError("T607", without_cli_flags(summary.failures[0]))
        # a story tidings declines (another language, over a limit) is skipped, as
        # `tidings code` skips it: its code and message in the answer, not an error
        out.update(stored=False, skipped={"code": code, "stage": stage,
                                          "message": without_cli_flags(summary.failures[0])})
    return out


@router.post(
    "/code", summary="Code a posted story",
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": StoryIn.model_json_schema()}}}},
)
async def api_code(request: Request,
                   store: bool = Query(False, description="Also save the story and its "
                                       "events in the store (the server must run with "
                                       "--allow-code)."),
                   date_order: Optional[str] = Query(
                       None, description="How to read an all-numeric pub_date that reads two "
                       "ways (06/01/2025): DMY or MDY, as `tidings code --date-order`; the body "
                       "field date_order does the same.")) -> dict[str, Any]:
    """Code one story (JSON: ``text``, optional ``pub_date``, ``date_order``, ``id`` and
    metadata) and return its events as contract records. Nothing is written unless
    ``store=true`` and the server allows it; the body is limited in size (HTTP 413
    beyond). ``date_order`` (body field or query parameter, ``DMY`` or ``MDY``; both
    given must agree, else T605) reads an all-numeric ``pub_date`` that reads two ways."""
    from tidings.read import ReadOptions, normalise_date, story_from_record

    ctype = request.headers.get("content-type", "")
    media = ctype.split(";")[0].strip().lower()
    if media != "application/json" and not media.endswith("+json"):
        # a form or text/plain POST is what a page of another site can send unasked
        raise ApiError("T613", "the body must be JSON (Content-Type: application/json), not "
                       f"{ctype or 'a body without a Content-Type'}")
    if store and not request.app.state.allow_code:
        raise ApiError("T603", "this server does not write to the store; start it with "
                       "`tidings serve --allow-code` to allow POST /api/code?store=true")
    body = await _read_body(request, request.app.state.max_body)
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ApiError("T609", f"the body is not JSON: {exc}") from None
    if not isinstance(payload, dict):
        raise ApiError("T605", "the body must be a JSON object with text (and pub_date, an id)")
    try:
        item = StoryIn.model_validate(payload)
    except ValidationError as exc:
        raise ApiError("T605", validation_message(
            [{**e, "loc": ("body",) + tuple(e["loc"])} for e in exc.errors()])) from None
    if not item.text.strip():
        raise ApiError("T605", "body.text: the story text is blank")
    order = _date_order(item.date_order, date_order)
    try:  # None when missing or blank: coded as `tidings code` codes an undated record
        pub_date = normalise_date(item.pub_date, order, "api")
    except ValueError as exc:
        raise ApiError("T605", f"body.pub_date: {exc}") from None
    known = set(StoryIn.model_fields)
    story_id = item.id or f"api-{hashlib.sha1(item.text.encode('utf-8')).hexdigest()[:10]}"
    # read as `tidings code` reads a JSON Lines record (issue 16): control characters
    # removed, HTML stripped, hard-wrapped lines joined, each with a warning
    record = {"id": story_id, "text": item.text, "pub_date": pub_date, "title": item.title,
              "source": item.source, "url": item.url, "language": item.language,
              "translated_from": item.translated_from}
    story = story_from_record(record, "POST /api/code", ReadOptions(
        id_col="id", text_col="text", date_col="pub_date", make_ids=False,
        date_order=order, interface="api"))
    if not isinstance(story, Story):  # e.g. a text that is only HTML markup
        raise ApiError("T605", f"body.text: {story.message.removeprefix('POST /api/code: ')}")
    story.meta = {k: v for k, v in payload.items() if k not in known}
    # the store tells the API's stories from those read from files with the same id
    story.input_path = "POST /api/code"
    return await run_in_threadpool(_code, request, story, store)
