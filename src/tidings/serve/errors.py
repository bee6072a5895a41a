"""The errors of the explorer and REST API (imports nothing from ``tidings.serve``).

Every error a request can meet is a :class:`~tidings.errors.TidingsError` with a code of
the registry (:mod:`tidings.errors`, ``docs/errors.md``); the application answers it with
``{"ok": false, "error", "status", "code"}`` and the registry's HTTP status (see
:func:`error_body`). :class:`ApiError` and its subclasses are raised by the server's own
code (``T6xx``); store errors (``T4xx``) come from :mod:`tidings.store`. Nothing here
imports FastAPI, so the data layer can raise these too.
"""

from __future__ import annotations

import re
from typing import Any

from tidings.errors import TidingsError


class ApiError(TidingsError):
    """An error of the web server itself (``T6xx``), answered with its message after its
    code (``[T604] ...``), without a hint.

    Args:
        code: a registry code, e.g. ``"T604"``.
        message: what went wrong (the body's ``error`` after the code).
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


#: Hints for store errors met by the server, where the command-line hint (``--db``...)
#: names something an API client cannot do.
SERVER_HINTS: dict[str, str] = {
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
    return SERVER_HINTS.get(code, "")


def without_cli_flags(message: str) -> str:
    """Drop from a message the parenthesised hints that name command-line flags
    (``(raise it with --max-story-chars)``): an API client cannot set them."""
    return re.sub(r"\s*\([^()]*?(?<![\w-])--[a-z][a-z-]*[^()]*\)", "", message)


def error_body(exc: TidingsError) -> dict[str, Any]:
    """Return the JSON error object of ``exc``: ``{"ok": False, "error", "status", "code"}``.

    ``error`` is ``[CODE] message (hint)``, as the command line prints it, for every
    error; a hint that names a command-line flag (which an API client cannot set) is
    replaced by the server's own (:func:`api_hint`), or left out.
    """
    hint = api_hint(exc.code, exc.hint)
    message = f"[{exc.code}] {exc.message}" + (f" ({hint})" if hint else "")
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
