"""The HTML explorer and each page's JSON twin.

Every page ``/x`` has a twin ``/x.json`` returning exactly what the REST endpoint
``/api/x`` returns for the same query (both call the same :mod:`tidings.serve.access`
read, with the same :mod:`tidings.serve.params`); the page renders that same dict with a
Jinja2 template (autoescaped: story text is shown as text, never as markup).
"""

from __future__ import annotations

from typing import Any, Optional

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from .access import (get_actors, get_dyad, get_dyads, get_event, get_events, get_network,
                     get_stories, get_story)
from .figures import network_figure, timeline_figure
from .params import (MIN_COUNT, OFFSET, PER, PERIOD, SORT, dyad_filters, event_filters,
                     limit_param)

router = APIRouter(include_in_schema=False)


def _render(request: Request, template: str, data: dict[str, Any], **extra: Any
            ) -> HTMLResponse:
    path = request.url.path.rstrip("/") or "/events"
    query = request.url.query
    json_url = path + ".json" + (f"?{query}" if query else "")
    context = {"data": data, "json_url": json_url, "query": request.query_params, **extra}
    return request.app.state.templates.TemplateResponse(request, template, context)


def _page_url(request: Request, offset: int) -> str:
    params = dict(request.query_params)
    params["offset"] = str(max(offset, 0))
    from urllib.parse import urlencode

    return request.url.path + "?" + urlencode(params)


def _happened_toggle(request: Request, happened: bool) -> str:
    """The URL of this page with the dyad counts' ``happened`` switched: ``false`` when
    only events that happened are counted now, ``true`` otherwise (other parameters
    kept)."""
    from urllib.parse import urlencode

    params = dict(request.query_params)
    params["happened"] = "false" if happened else "true"
    return request.url.path + "?" + urlencode(params)


def _paging(request: Request, data: dict[str, Any], offset: int, limit: int) -> dict[str, Any]:
    """Links to the previous and next page of a listing (None at either end)."""
    prev_url = _page_url(request, offset - limit) if offset > 0 else None
    next_url = (_page_url(request, offset + limit)
                if limit and offset + limit < data["total"] else None)
    return {"prev_url": prev_url, "next_url": next_url}


@router.get("/")
def home() -> RedirectResponse:
    """The explorer starts at the event table."""
    return RedirectResponse("/events", status_code=302)


# ------------------------------------------------------------------------- events

@router.get("/events.json")
def events_json(request: Request, filters: dict[str, Any] = Depends(event_filters),
                per: str = PER, limit: int = limit_param(100),
                offset: int = OFFSET, sort: str = SORT) -> dict[str, Any]:
    return get_events(request, filters, per, limit, offset, sort)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, filters: dict[str, Any] = Depends(event_filters),
                per: str = PER, limit: int = limit_param(100),
                offset: int = OFFSET, sort: str = SORT) -> HTMLResponse:
    """The event table with its filter form, newest and most confident first."""
    data = get_events(request, filters, per, limit, offset, sort)
    return _render(request, "events.html", data, **_paging(request, data, offset, limit))


@router.get("/events/{event_id}.json")
def event_json(request: Request, event_id: str) -> dict[str, Any]:
    return get_event(request, event_id)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    """One event: the story with the evidence highlighted, and every field spelled out."""
    return _render(request, "event.html", get_event(request, event_id))


# ------------------------------------------------------------------------ stories

@router.get("/stories.json")
def stories_json(request: Request, q: Optional[str] = None,
                 limit: int = limit_param(100),
                 offset: int = OFFSET) -> dict[str, Any]:
    return get_stories(request, q, limit, offset)


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, q: Optional[str] = None,
                 limit: int = limit_param(100),
                 offset: int = OFFSET) -> HTMLResponse:
    """The stored stories, newest first."""
    data = get_stories(request, q, limit, offset)
    return _render(request, "stories.html", data, **_paging(request, data, offset, limit))


@router.get("/stories/{story_id:path}.json")
def story_json(request: Request, story_id: str) -> dict[str, Any]:
    return get_story(request, story_id)


@router.get("/stories/{story_id:path}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    """One story with every evidence sentence marked."""
    return _render(request, "story.html", get_story(request, story_id))


# ------------------------------------------------------------------------- dyads

@router.get("/dyads.json")
def dyads_json(request: Request, filters: dict[str, Any] = Depends(dyad_filters),
               period: str = PERIOD, per: str = PER) -> dict[str, Any]:
    return get_dyads(request, filters, period, per)


@router.get("/dyads", response_class=HTMLResponse)
def dyads_page(request: Request, filters: dict[str, Any] = Depends(dyad_filters),
               period: str = PERIOD, per: str = PER) -> HTMLResponse:
    """Every dyad with its counts by quad class (only events that happened, unless
    ``happened=false``)."""
    data = get_dyads(request, filters, period, per)
    return _render(request, "dyads.html", data,
                   toggle_url=_happened_toggle(request, data["happened"]))


@router.get("/dyads/{pair}.json")
def dyad_json(request: Request, pair: str,
              filters: dict[str, Any] = Depends(dyad_filters),
              period: str = PERIOD, per: str = PER) -> dict[str, Any]:
    return get_dyad(request, pair, filters, period, per)


@router.get("/dyads/{pair}", response_class=HTMLResponse)
def dyad_page(request: Request, pair: str,
              filters: dict[str, Any] = Depends(dyad_filters),
              period: str = PERIOD, per: str = PER) -> HTMLResponse:
    """One dyad's timeline of counts by quad class, and its events (those that
    happened, unless ``happened=false``)."""
    data = get_dyad(request, pair, filters, period, per)
    # the timeline's answer already says how the store's outputs mix (one query a page)
    # the events the timeline counts (Store.dyads' defaults: historical acts with no date
    # of their own and events nothing dated are left out of the counts, so of the list)
    events = get_events(request, {**filters, "dyad": pair, "undated_historical": False,
                                  "undated": False}, per, 200, 0, notes=False)
    return _render(request, "dyad.html", data, figure=timeline_figure(data), events=events,
                   toggle_url=_happened_toggle(request, data["happened"]))


# ------------------------------------------------------------ network and actors

@router.get("/network.json")
def network_json(request: Request, filters: dict[str, Any] = Depends(dyad_filters),
                 min_count: Optional[int] = MIN_COUNT, per: str = PER) -> dict[str, Any]:
    return get_network(request, filters, min_count, per)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, filters: dict[str, Any] = Depends(dyad_filters),
                 min_count: Optional[int] = MIN_COUNT, per: str = PER) -> HTMLResponse:
    """The actor network: who acts on whom (its edges are dyad counts, so, as on the
    dyad pages, only events that happened unless ``happened=false``)."""
    data = get_network(request, filters, min_count, per)
    return _render(request, "network.html", data, figure=network_figure(data),
                   toggle_url=_happened_toggle(request, data["happened"]))


@router.get("/actors.json")
def actors_json(request: Request, q: Optional[str] = None,
                limit: int = limit_param(200),
                offset: int = OFFSET) -> dict[str, Any]:
    return get_actors(request, q, limit, offset)


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, q: Optional[str] = None,
                limit: int = limit_param(200),
                offset: int = OFFSET) -> HTMLResponse:
    """Actors and recipients, most frequent first."""
    return _render(request, "actors.html", get_actors(request, q, limit, offset))
