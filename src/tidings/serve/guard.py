"""Who may ask and who may write: the ``Host`` and ``Origin`` checks of every request
(imports nothing from ``tidings.serve``).

A server on ``127.0.0.1`` is still reachable from any page the user's browser opens:
a page of another site can send a "simple" ``POST`` (no CORS preflight), and a name
that resolves to ``127.0.0.1`` (DNS rebinding) lets its scripts read the answers. So
the application (:func:`tidings.serve.app.create_app`) answers only for the host names
it serves (:func:`host_name`, ``T611``) and refuses writes whose ``Origin`` is not its
own (:func:`write_refusal`, ``T612``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from starlette.requests import Request

#: Host names a server answers to by default: this machine's loopback names. A request
#: under any other name (``Host: evil.example``, DNS rebinding) is refused (T611).
LOOPBACK_HOSTS: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")
#: Methods that never write; every other one must come from the server's own pages.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def host_name(host: str) -> str | None:
    """The host name of a ``Host`` header or an allowed-host entry, lower case and without
    port or IPv6 brackets (``[::1]:8000`` -> ``::1``); None when it cannot be parsed."""
    host = host.strip()
    if host.count(":") > 1 and not host.startswith("["):  # a bare IPv6 address
        host = f"[{host}]"
    try:
        return urlsplit("//" + host).hostname
    except ValueError:
        return None


def allowed_names(hosts: "list[str] | tuple[str, ...] | None") -> frozenset[str] | None:
    """The host names to serve, from ``create_app``'s ``allowed_hosts`` (None:
    :data:`LOOPBACK_HOSTS`); None when ``"*"`` is among them (any name)."""
    hosts = LOOPBACK_HOSTS if hosts is None else tuple(hosts)
    if "*" in hosts:
        return None
    return frozenset(h for h in (host_name(x) for x in hosts) if h)


def host_refusal(request: Request, allowed: frozenset[str] | None) -> str | None:
    """Why the request's ``Host`` is not served (``allowed``: :func:`allowed_names`), or
    None when it is."""
    if allowed is None:
        return None
    name = host_name(request.headers.get("host", ""))
    if name in allowed:
        return None
    return (f"the host name {name or request.headers.get('host', '')!r} is not served here "
            "(start the server with --allow-host NAME to serve it)")


def _origin(scheme: str, netloc: str) -> tuple[str, str | None, int | None] | None:
    """``(scheme, host, port)`` of an origin, with the scheme's default port filled in."""
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
    if request.method in SAFE_METHODS:
        return None
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
