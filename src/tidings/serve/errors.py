"""The errors of the explorer and REST API (imports nothing from ``tidings.serve``).

Every error a request can meet is a :class:`~tidings.errors.TidingsError` with a code of
the registry (:mod:`tidings.errors`, ``docs/errors.md``); the application answers it with
``{"ok": false, "error", "status", "code"}`` and the registry's HTTP status (see
:func:`error_body`). :class:`ApiError` and its subclasses are raised by the server's own
code (``T6xx``); store errors (``T4xx``) come from :mod:`tidings.store`. Nothing here
imports FastAPI, so the data layer can raise these too.
"""

from __future__ import annotations

from typing import Any

from tidings.errors import TidingsError


class ApiError(TidingsError):
    """An error of the web server itself (``T6xx``), answered with its bare message.

    Args:
        code: a registry code, e.g. ``"T604"``.
        message: what went wrong (the body's ``error``, without the code).
        status: the HTTP status, when not the registry's (e.g. 405 for ``T610``).
    """

    def __init__(self, code: str, message: str, status: int | None = None) -> None:
        super().__init__(code, message)
        self._status = status

    @property
    def status(self) -> int:
        """The HTTP status: the one given, else the registry's for :attr:`code`."""
        return self._status if self._status is not None else super().status


class NotFound(ApiError):
    """The asked-for story or event is not in the store (``T601``, HTTP 404)."""

    def __init__(self, message: str) -> None:
        super().__init__("T601", message)


class BadRequest(ApiError):
    """A request value the store did not reject but that makes no sense, such as a
    malformed dyad (``T602``, HTTP 400)."""

    def __init__(self, message: str) -> None:
        super().__init__("T602", message)


def error_body(exc: TidingsError) -> dict[str, Any]:
    """Return the JSON error object of ``exc``: ``{"ok": False, "error", "status", "code"}``.

    ``error`` is the bare message for an :class:`ApiError`, and ``[CODE] message (hint)``
    for any other :class:`~tidings.errors.TidingsError` (a store error says its code).
    """
    message = exc.message if isinstance(exc, ApiError) else str(exc)
    return {"ok": False, "error": message, "status": exc.status, "code": exc.code}


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
