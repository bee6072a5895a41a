"""tidings' error type: one exception with a code, a message and a hint.

The library raises :class:`TidingsError` (or a subclass); the CLI turns it into one line
``Error [T###]: message (hint)`` and exit code 1, and the engines record per-story
failures and carry on with the rest of the batch.
"""

from __future__ import annotations


class TidingsError(Exception):
    """An error tidings can explain.

    Attributes:
        code: short stable code such as ``"T101"`` (see the table below).
        message: what went wrong, naming the file, line or story id.
        hint: what the user can do about it, or "".

    Codes: T1xx reading input, T2xx analysis, T3xx coding/resolving, T4xx store, T5xx CLI.
    """

    def __init__(self, code: str, message: str, hint: str = "") -> None:
        self.code = code
        self.message = message
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        s = f"[{self.code}] {self.message}"
        if self.hint:
            s += f" ({self.hint})"
        return s


class InputError(TidingsError):
    """A story or input file could not be read (T1xx)."""


class StoreError(TidingsError):
    """The event store could not be opened or written (T4xx)."""
