"""The FastAPI application: store access, error shape, security headers, routes.

``create_app(db_path)`` returns an ASGI app serving the REST API (``/api/...``,
described at ``/openapi.json``), the HTML explorer and each page's JSON twin. Every
request opens the store read-only and closes it again, so a ``tidings code`` run can
write the file whenever the server is idle, and the explorer sees its new events on
the next request. See ``docs/serve.md``.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

import duckdb
import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from tidings import __version__
from tidings.errors import StoreError, TidingsError
from tidings.records import EVENT_TYPES
from tidings.store import damage_error

from .access import StoreAccess
from .api import router as api_router
from .data import QUAD_CLASSES, entity_label
from .errors import ApiError, error_body, validation_message
from .figures import QUAD_COLOURS
from .guard import allowed_names, host_refusal, write_refusal
from .pages import router as pages_router

HERE = Path(__file__).resolve().parent
#: Largest request body ``POST /api/code`` accepts, in bytes (1 MiB).
DEFAULT_MAX_BODY = 1 << 20

#: Content-Security-Policy of every response: scripts only from this server (no inline
#: script runs, so a story's ``<script>`` could not run even if it escaped escaping).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")


def plotly_js_path() -> Path:
    """Return the path of ``plotly.min.js`` inside the installed ``plotly`` package.

    Raises:
        ApiError: ``T606`` (HTTP 404) when plotly is not installed (``pip install
            'tidings[serve]'``).
    """
    spec = importlib.util.find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        raise ApiError("T606", "plotly is not installed, so charts cannot be drawn "
                       "(pip install 'tidings[serve]')")
    path = Path(list(spec.submodule_search_locations)[0]) / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise ApiError("T606", f"plotly.min.js is missing from {path.parent}")
    return path


_HTTP_URL = re.compile(r"https?://[^\s/?#\x00-\x1f\x7f]+[^\s\x00-\x1f\x7f]*", re.IGNORECASE)


def http_url(value: Any) -> str | None:
    """Return ``value`` when it is an absolute http(s) URL safe to put in an ``href``,
    else None (the page then shows the value as text). The templates' ``http_url``
    filter: the only way a story's value becomes a link.

    ``javascript:``, ``data:``, protocol-relative ``//host`` and anything holding
    spaces or control characters (which browsers drop, so ``java\tscript:`` runs) are
    refused: a story's url comes from its input file and is not to be trusted.
    """
    if not isinstance(value, str):
        return None
    return value if _HTTP_URL.fullmatch(value) else None


def join_parts(parts: Any, sep: str = " \u00b7 ") -> Any:
    """Join the non-empty parts of a line with `` · `` (no stray separator when a field is
    empty); parts that are not markup are escaped. The templates' ``parts`` filter.
    Returns ``markupsafe.Markup``."""
    from markupsafe import Markup, escape

    kept = [p if isinstance(p, Markup) else escape(str(p)) for p in parts
            if p is not None and not isinstance(p, jinja2.Undefined) and str(p).strip()]
    return Markup(sep).join(kept)


def wants_json(request: Request) -> bool:
    """True for API and JSON-twin paths, whose errors are JSON rather than HTML."""
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json")


def create_app(db_path: str | Path, allow_code: bool = False,
               max_body: int = DEFAULT_MAX_BODY,
               allowed_hosts: "list[str] | tuple[str, ...] | None" = None) -> FastAPI:
    """Build the explorer and REST API over one event store.

    Args:
        db_path: the DuckDB event store (made by ``tidings code``); it must exist.
        allow_code: let ``POST /api/code?store=true`` save coded stories into the store
            (otherwise the server never writes; ``POST /api/code`` still codes and
            returns events).
        max_body: largest ``POST /api/code`` body in bytes (larger: HTTP 413).
        allowed_hosts: host names (without port) the server answers to; a request whose
            ``Host`` header names another is refused with HTTP 403 (``T611``), against
            DNS rebinding. Default: :data:`tidings.serve.guard.LOOPBACK_HOSTS`; ``"*"``
            among them: any.

    Requests that write (any method but GET, HEAD and OPTIONS) are refused with HTTP 403
    (``T612``) when their ``Origin`` is not the server's own
    (:func:`tidings.serve.guard.write_refusal`).

    Returns:
        A ``fastapi.FastAPI`` application (serve it with uvicorn, or test it with
        ``fastapi.testclient.TestClient``).

    Raises:
        StoreError: ``T402``/``T403``/``T401``/``T409`` when the store cannot be opened
            read-only now (missing, not a tidings store, being written, or damaged).
    """
    access = StoreAccess(db_path)
    with access.read():  # fail now, not on the first request
        pass
    app = FastAPI(
        title="tidings",
        version=__version__,
        description="PLOVER political events coded from news by tidings: stories, "
        "events with their evidence, actors, dyad time series, and coding of posted "
        "stories. Errors are `{\"ok\": false, \"error\": ..., \"status\": ...}`.",
        docs_url=None, redoc_url=None,  # their UIs load JavaScript from a CDN
    )
    app.state.access = access
    app.state.allow_code = allow_code
    app.state.max_body = max_body
    app.state.allowed_hosts = allowed_names(allowed_hosts)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")),
                             autoescape=True)  # story text is untrusted: escape all
    env.filters["http_url"] = http_url  # the only way a story value becomes a link
    env.filters["parts"] = join_parts
    env.globals.update(entity_label=entity_label, quad_colours=QUAD_COLOURS,
                       quad_classes=QUAD_CLASSES, event_types=EVENT_TYPES)
    app.state.templates = Jinja2Templates(env=env)

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Any:
        # added before security_headers, so that it runs inside it: refusals get them too
        why = host_refusal(request, app.state.allowed_hosts)
        if why is not None:
            return error_response(request, ApiError("T611", why))
        why = write_refusal(request)
        if why is not None:
            return error_response(request, ApiError("T612", why))
        return await call_next(request)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    def error_response(request: Request, exc: TidingsError) -> Any:
        body = error_body(exc)
        if wants_json(request):
            return JSONResponse(body, status_code=body["status"])
        return app.state.templates.TemplateResponse(
            request, "error.html", {"error": body, "json_url": None}, status_code=body["status"])

    @app.exception_handler(TidingsError)
    async def _tidings_error(request: Request, exc: TidingsError) -> Any:
        # the server's own errors (ApiError, NotFound, BadRequest) and the store's, with
        # the registry's status: a locked or missing store is "unavailable" (503), a
        # bad filter the client's fault (400), the rest the server's
        return error_response(request, exc)

    @app.exception_handler(duckdb.Error)
    async def _duckdb_error(request: Request, exc: duckdb.Error) -> Any:
        # a damaged file may open and fail only when a query reads the bad part
        err = damage_error(app.state.access.path, exc)
        if err is None:
            err = StoreError("T410", f"the store query failed: {type(exc).__name__}: {exc}",
                             "please report it")
        return error_response(request, err)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Any:
        return error_response(request, ApiError("T605", validation_message(exc.errors())))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Any:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page or endpoint at {request.url.path}"
        code = "T600" if exc.status_code == 404 else "T610"
        return error_response(request, ApiError(code, message, status=exc.status_code))

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        return FileResponse(plotly_js_path(), media_type="text/javascript",
                            headers={"Cache-Control": "max-age=86400"})

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api_router)
    app.include_router(pages_router)
    return app
