"""Guards for output paths: an output must never be an input.

``tidings code --out/--db`` and ``tidings export --out`` call :func:`check_outputs`
before they open anything for writing, so that a mistyped or linked path cannot
truncate the stories (or the store) the command was about to read; and
:func:`check_file_outputs`, so that an events file is never written over an event store
(``--out store.duckdb``) or over the ``--db`` of the same command.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import TidingsError


def check_outputs(inputs: list[str], outputs: list[tuple[str, Path | None]],
                  what: str = "the stories") -> None:
    """Refuse output paths that are inputs, before anything is written.

    An output is refused when it is the same file as an input (the same path, a link to
    it, or a hard link: compared after resolving links, and by device and inode), when it
    lies inside an input folder (the folder read would take it for stories), or when an
    input lies inside it (an output folder, as the Ray engine's ``--out``).

    Args:
        inputs: the input paths as given (``-`` for standard input is skipped).
        outputs: ``(option name, path or None)`` pairs; None is skipped.
        what: what the inputs hold, for the message (``"the stories"``, ``"the store"``).
    Raises:
        TidingsError(T509): naming the option, the output and the input.
    """
    for option, target in outputs:
        if target is None:
            continue
        real_target = Path(os.path.realpath(target))
        for inp in inputs:
            if inp == "-" or not os.path.exists(inp):
                continue
            real_input = Path(os.path.realpath(inp))
            same = real_target == real_input
            if not same and os.path.exists(target):
                try:
                    same = os.path.samefile(target, inp)
                except OSError:
                    same = False
            if same:
                raise TidingsError("T509", f"{option} {target} is the input {inp}: writing "
                                   "it would destroy " + what, "give an output file that is not an input")
            if real_input.is_dir() and real_target.is_relative_to(real_input):
                raise TidingsError("T509", f"{option} {target} is inside the input folder "
                                   f"{inp}, which would read it as stories",
                                   "give an output file outside the input folders")
            if real_input.is_relative_to(real_target):
                raise TidingsError("T509", f"{option} {target} holds the input {inp}: writing "
                                   "it would destroy " + what, "give an output folder that holds no input")


def _is_store(path: Path) -> bool:
    """True when ``path`` is a non-empty DuckDB file (the store's own header test,
    :func:`tidings.store._is_duckdb_file`, which also passes a missing or empty file)."""
    from .store import _is_duckdb_file

    try:
        return path.is_file() and path.stat().st_size > 0 and _is_duckdb_file(str(path))
    except OSError:
        return False


def check_not_folders(outputs: list[tuple[str, Path | None]], example: str) -> None:
    """Refuse a folder given where a file is expected (``tidings export --out DIR``,
    ``tidings code --out DIR``): the command writes one file, so the folder is named as
    such, whether or not it holds an input (a fresh user's trial: a folder holding the
    store was T509, "would destroy the store", and any other folder a raw "Is a
    directory"). Call first, before :func:`check_outputs`.

    Args:
        outputs: ``(option name, path or None)`` pairs of files the command writes; None
            and ``-`` (standard output) are skipped.
        example: a file name to suggest in the folder (``"events.parquet"``).
    Raises:
        TidingsError(T507): naming the option and the folder.
    """
    for option, target in outputs:
        if target is None or str(target) == "-":
            continue
        if Path(target).is_dir():
            raise TidingsError("T507", f"{option} {target} is a folder, and this command writes one "
                               "file", f"name a file, e.g. {Path(target) / example}")


def check_file_outputs(outputs: list[tuple[str, Path | None]], db: Path | None = None) -> None:
    """Refuse an events file (``--out``) that would overwrite an event store: a file that
    is already a DuckDB database, or the ``--db`` of the same command (the store would be
    truncated, then fail to open). Call before anything is written.

    Args:
        outputs: ``(option name, path or None)`` pairs of files the command writes events
            to; None and ``-`` (standard output) are skipped.
        db: the command's ``--db`` store, when it writes one.
    Raises:
        TidingsError(T509): naming the option and the path.
    """
    for option, target in outputs:
        if target is None or str(target) == "-":
            continue
        t = Path(target)
        if db is not None and (Path(os.path.realpath(t)) == Path(os.path.realpath(db))
                               or (t.exists() and Path(db).exists() and os.path.samefile(t, db))):
            raise TidingsError("T509", f"{option} {target} is also the --db store: writing events there "
                               "would destroy the store", "give --out a .jsonl or .parquet file of its own")
        if _is_store(t):
            raise TidingsError("T509", f"{option} {target} is an event store (a DuckDB database): writing "
                               "events there would destroy it",
                               "give --out a new .jsonl/.parquet/.csv file; query the store with tidings events")
