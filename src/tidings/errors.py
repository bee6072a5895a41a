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

    Codes: T1xx reading input, T2xx analysis, T3xx coding/resolving, T4xx store, T5xx CLI,
    T6xx the web server (and the Ray engine), T8xx the notebook API (``tidings.code``);
    the codes added since issue 13 are named
    in :data:`CODES` below.
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


#: Codes added for issue 13, each with the one thing it means (kept here so that no code
#: gets two meanings; the older codes are documented where they are raised). Chosen clear
#: of the codes main's error registry has meanwhile given out (T609/T610 server, T7xx Ray).
OUTPUT_IS_INPUT = "T509"     # --out/--db is, links to, or lies inside an input (CLI refuses)
STORE_DAMAGED = "T409"       # the store file is not a whole DuckDB database (truncated...)
LINK_OUTSIDE = "T112"        # a link in an input folder leads outside it: not followed
ENGINE_SKIPPED = "T113"      # an input file of a format the chosen engine does not read
HOST_REFUSED = "T611"        # the web server was asked for under a Host it does not serve
ORIGIN_REFUSED = "T612"      # a write from a page of another site (Origin header)
NOT_JSON = "T613"            # a POST body whose Content-Type is not JSON (HTTP 415)
NEEDS_PANDAS = "T801"        # tidings.code()/code_file() need pandas, which is missing

CODES: dict[str, str] = {
    OUTPUT_IS_INPUT: "an output path is an input",
    STORE_DAMAGED: "the event store file is damaged",
    LINK_OUTSIDE: "a link leads outside the input folder",
    ENGINE_SKIPPED: "an input file this engine does not read",
    HOST_REFUSED: "request for a host name the server does not serve",
    ORIGIN_REFUSED: "write from another site refused",
    NOT_JSON: "request Content-Type is not JSON",
    NEEDS_PANDAS: "pandas is not installed",
}
