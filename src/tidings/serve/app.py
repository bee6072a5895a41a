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
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import duckdb
import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from tidings import __version__
from tidings.errors import HOST_REFUSED, ORIGIN_REFUSED, StoreError, TidingsError
from tidings.records import EVENT_TYPES
from tidings.store import Store, damage_error

from .data import QUAD_CLASSES, BadRequest, NotFound, entity_label
from .figures import QUAD_COLOURS

HERE = Path(__file__).resolve().parent
#: Largest request body ``POST /api/code`` accepts, in bytes (1 MiB).
DEFAULT_MAX_BODY = 1 << 20

# Store error code -> HTTP status: locked or missing store is "unavailable", a bad
# filter is the client's fault, the rest are the server's.
_STORE_STATUS = {"T401": 503, "T402": 503, "T403": 500, "T404": 400, "T405": 400,
                 "T406": 500, "T407": 500, "T409": 500}

#: Content-Security-Policy of every response: scripts only from this server (no inline
#: script runs, so a story's ``<script>`` could not run even if it escaped escaping).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")


class ApiError(Exception):
    """An error the server answers with ``{"ok": false, "error", "status", "code"}``.

    Args:
        status: the HTTP status (int, 4xx or 5xx).
        message: what went wrong.
        code: a short stable code (``T6xx`` for the server, ``T4xx`` from the store).
    """

    def __init__(self, status: int, message: str, code: str = "T600") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code


class StoreAccess:
    """Opens the store per request: many readers at once, or one writer alone.

    DuckDB lets one process hold a file read-only *or* read-write, never both, so
    :meth:`write` waits for running reads to finish and holds new ones back.

    Args:
        path: the DuckDB file.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False

    @contextmanager
    def read(self) -> Iterator[Store]:
        """Yield the store opened read-only (closed afterwards)."""
        with self._cond:
            while self._writing:
                self._cond.wait()
            self._readers += 1
        try:
            with Store(self.path, read_only=True) as store:
                yield store
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def write(self) -> Iterator[Store]:
        """Yield the store opened for writing, with no read open in this process."""
        with self._cond:
            while self._writing or self._readers:
                self._cond.wait()
            self._writing = True
        try:
            with Store(self.path) as store:
                yield store
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


def plotly_js_path() -> Path:
    """Return the path of ``plotly.min.js`` inside the installed ``plotly`` package.

    Raises:
        ApiError: 404 (``T606``) when plotly is not installed (``pip install
            'tidings[serve]'``).
    """
    spec = importlib.util.find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        raise ApiError(404, "plotly is not installed, so charts cannot be drawn "
                       "(pip install 'tidings[serve]')", "T606")
    path = Path(list(spec.submodule_search_locations)[0]) / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise ApiError(404, f"plotly.min.js is missing from {path.parent}", "T606")
    return path


_HTTP_URL = re.compile(r"https?://[^\s/?#\x00-\x1f\x7f]+[^\s\x00-\x1f\x7f]*", re.IGNORECASE)


def http_url(value: Any) -> str | None:
    """Return ``value`` when it is an absolute http(s) URL safe to put in an ``href``,
    else None (the page then shows the value as text).

    ``javascript:``, ``data:``, protocol-relative ``//host`` and anything holding
    spaces or control characters (which browsers drop, so ``java\tscript:`` runs) are
    refused: a story's url comes from its input file and is not to be trusted.
    """
    if not isinstance(value, str):
        return None
    return value if _HTTP_URL.fullmatch(value) else None


#: Hints for store errors met by the server, where the command-line hint (``--db``...)
#: names something an API client cannot do.
_SERVER_HINTS = {
    "T401": "the store is being written by another process (a `tidings code` run); try again "
            "when it has finished",
    "T402": "the server's store file is gone: restore it, or restart the server over another "
            "store",
    "T403": "the server's store needs another tidings version: restart the server with one "
            "that matches",
    "T409": "restore the server's store from a backup, or code the stories again into a new "
            "store",
}
_CLI_FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]*")


def api_hint(code: str, hint: str) -> str:
    """Return the hint an API client sees for an error: ``hint`` itself unless it names a
    command-line flag (``--db``), then the server's own hint for ``code`` (or "")."""
    if not hint or not _CLI_FLAG.search(hint):
        return hint
    return _SERVER_HINTS.get(code, "")


def without_cli_flags(message: str) -> str:
    """Drop from a message the parenthesised hints that name command-line flags
    (``(raise it with --max-story-chars)``): an API client cannot set them."""
    return re.sub(r"\s*\([^()]*?(?<![\w-])--[a-z][a-z-]*[^()]*\)", "", message)


def join_parts(parts: Any, sep: str = " \u00b7 ") -> Any:
    """Join the non-empty parts of a line with `` · `` (no stray separator when a field is
    empty); parts that are not markup are escaped. Returns ``markupsafe.Markup``."""
    from markupsafe import Markup, escape

    kept = [p if isinstance(p, Markup) else escape(str(p)) for p in parts
            if p is not None and not isinstance(p, jinja2.Undefined) and str(p).strip()]
    return Markup(sep).join(kept)


def wants_json(request: Request) -> bool:
    """True for API and JSON-twin paths, whose errors are JSON rather than HTML."""
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json")


#: Host names a server answers to by default: this machine's loopback names. A request
#: under any other name (``Host: evil.example``, DNS rebinding) is refused (T611).
LOOPBACK_HOSTS: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")
#: Methods that never write; every other one must come from the server's own pages.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _host_name(host: str) -> str | None:
    """The host name of a ``Host`` header or an allowed-host entry, lower case and without
    port or IPv6 brackets (``[::1]:8000`` -> ``::1``); None when it cannot be parsed."""
    from urllib.parse import urlsplit

    host = host.strip()
    if host.count(":") > 1 and not host.startswith("["):  # a bare IPv6 address
        host = f"[{host}]"
    try:
        return urlsplit("//" + host).hostname
    except ValueError:
        return None


def _origin(scheme: str, netloc: str) -> tuple[str, str | None, int | None] | None:
    """``(scheme, host, port)`` of an origin, with the scheme's default port filled in."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(f"{scheme}://{netloc}")
        port = parts.port
    except ValueError:
        return None
    return (scheme.lower(), parts.hostname,
            port or {"http": 80, "https": 443}.get(scheme.lower()))


def write_refusal(request: Request) -> str | None:
    """Why a write request (a method other than GET/HEAD/OPTIONS) must be refused, or None.

    A browser names the page that sent a request in its ``Origin`` header (and, newer
    ones, ``Sec-Fetch-Site``); a page of another site must not write to the store, even
    with a "simple" request that needs no CORS preflight. Clients that send neither
    header (curl, scripts) are not browsers visiting a page, and may write.
    """
    host = request.headers.get("host", "")
    own = f"{request.url.scheme}://{host}"
    origin = request.headers.get("origin")
    if origin is not None:
        scheme, _, netloc = origin.partition("://")
        if netloc and _origin(scheme, netloc) == _origin(request.url.scheme, host):
            return None
        return (f"a write from the page {origin} was refused: only pages of this server "
                f"({own}) may write")
    if request.headers.get("sec-fetch-site", "none") not in ("same-origin", "none"):
        return (f"a write from a page of another site was refused: only pages of this server "
                f"({own}) may write")
    return None


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
            DNS rebinding. Default: :data:`LOOPBACK_HOSTS`; ``"*"`` among them: any.

    Requests that write (any method but GET, HEAD and OPTIONS) are refused with HTTP 403
    (``T612``) when their ``Origin`` is not the server's own (:func:`write_refusal`).

    Returns:
        A ``fastapi.FastAPI`` application (serve it with uvicorn, or test it with
        ``fastapi.testclient.TestClient``).

    Raises:
        StoreError: ``T402``/``T403``/``T401`` when the store cannot be opened
            read-only now (missing, not a tidings store, or being written).
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
    hosts = LOOPBACK_HOSTS if allowed_hosts is None else tuple(allowed_hosts)
    any_host = "*" in hosts
    app.state.allowed_hosts = frozenset(h for h in (_host_name(x) for x in hosts if x != "*") if h)
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
        if not any_host:
            name = _host_name(request.headers.get("host", ""))
            if name not in app.state.allowed_hosts:
                return error_response(
                    request, 403, f"the host name {name or request.headers.get('host', '')!r} "
                    "is not served here (start the server with --allow-host NAME to serve it)",
                    HOST_REFUSED)
        if request.method not in SAFE_METHODS:
            why = write_refusal(request)
            if why is not None:
                return error_response(request, 403, why, ORIGIN_REFUSED)
        return await call_next(request)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    def error_response(request: Request, status: int, message: str, code: str) -> Any:
        if not message.startswith(f"[{code}]"):  # every message starts with its code
            message = f"[{code}] {message}"
        body = {"ok": False, "error": message, "status": status, "code": code}
        if wants_json(request):
            return JSONResponse(body, status_code=status)
        return app.state.templates.TemplateResponse(
            request, "error.html", {"error": body, "json_url": None}, status_code=status)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Any:
        return error_response(request, exc.status, exc.message, exc.code)

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound) -> Any:
        return error_response(request, 404, str(exc), "T601")

    @app.exception_handler(BadRequest)
    async def _bad_request(request: Request, exc: BadRequest) -> Any:
        return error_response(request, 400, str(exc), "T602")

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> Any:
        message = f"[{exc.code}] {exc.message}"
        hint = api_hint(exc.code, exc.hint)
        if hint:
            message += f" ({hint})"
        return error_response(request, _STORE_STATUS.get(exc.code, 500), message, exc.code)

    @app.exception_handler(duckdb.Error)
    async def _duckdb_error(request: Request, exc: duckdb.Error) -> Any:
        # a damaged file may open and fail only when a query reads the bad part
        err = damage_error(app.state.access.path, exc)
        if err is None:
            return error_response(request, 500, f"the store query failed: {exc}", "T600")
        return await _store_error(request, err)

    @app.exception_handler(TidingsError)
    async def _tidings_error(request: Request, exc: TidingsError) -> Any:
        hint = api_hint(exc.code, exc.hint)
        return error_response(request, 400, f"[{exc.code}] {exc.message}"
                              + (f" ({hint})" if hint else ""), exc.code)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Any:
        return error_response(request, 422, validation_message(exc.errors()), "T605")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Any:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page or endpoint at {request.url.path}"
        return error_response(request, exc.status_code, message, "T600")

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        return FileResponse(plotly_js_path(), media_type="text/javascript",
                            headers={"Cache-Control": "max-age=86400"})

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    from .api import router as api_router
    from .pages import router as pages_router

    app.include_router(api_router)
    app.include_router(pages_router)
    return app


def validation_message(errors: list[dict[str, Any]]) -> str:
    """Turn pydantic/FastAPI validation errors into one readable line.

    ``[{"loc": ("query", "limit"), "msg": "Input should be ..."}]`` becomes
    ``"query.limit: Input should be ..."``; several errors are joined with ``"; "``.
    """
    parts = []
    for e in errors:
        loc = ".".join(str(x) for x in e.get("loc", ()))
        parts.append(f"{loc}: {e.get('msg', 'invalid')}" if loc else e.get("msg", "invalid"))
    return "; ".join(parts) or "invalid request"
