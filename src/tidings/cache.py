"""tidings' cache folder, and the parsed data files kept in it.

Everything here is a copy of what the package's data files say, made on first use so
that later processes start faster (issue 20: start-up beyond spaCy's model at most
1.5 s). A cache file is keyed by a hash of what it was made from; a missing, stale,
unreadable or unwritable one costs only the time to parse the source again, never a
different answer.

* :func:`cache_dir` is the folder (the gazetteer, the actor index and the files below).
* :func:`load_yaml_cached` reads a YAML document once per machine and keeps it as a
  :mod:`marshal` file (the word lists: 0.09 s of PyYAML's C loader, 1 ms from the cache).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

#: Format of the parsed-YAML cache files; raise it when what they hold changes.
YAML_CACHE_FORMAT = 1
#: How many cache files of one name to keep (several checkouts may share the folder).
KEEP = 4


def cache_dir() -> Path:
    """Return the folder of tidings' cache files: ``$TIDINGS_CACHE_DIR`` when set, else
    the user cache folder (``$XDG_CACHE_HOME/tidings`` or ``~/.cache/tidings`` on Linux,
    ``~/Library/Caches/tidings`` on macOS, ``%LOCALAPPDATA%\\tidings`` on Windows)."""
    env = os.environ.get("TIDINGS_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tidings"


def parse_yaml(text: str | bytes) -> Any:
    """Parse one YAML document with PyYAML's safe loader, in C when PyYAML was built with
    libyaml.

    Raises:
        yaml.YAMLError: when ``text`` is not valid YAML (its ``problem_mark`` says where).
    """
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader


def load_yaml_cached(data: bytes, name: str, folder: Path | None = None) -> Any:
    """The YAML document ``data`` parsed (as :func:`parse_yaml`), from the cache when a
    file made from the same bytes is there, else parsed and written to it.

    Args:
        data: the document's bytes (UTF-8).
        name: a short name for the cache file ("words"), letters, digits and dashes.
        folder: the cache folder; default :func:`cache_dir`.

    Returns:
        The parsed document: dicts, lists, strings, numbers, booleans and None. A
        document holding other values (dates, for instance) is parsed every time,
        never cached (:mod:`marshal` keeps only plain values).

    Raises:
        yaml.YAMLError: when ``data`` is not valid YAML (never cached).
    """
    key = hashlib.sha256(f"{YAML_CACHE_FORMAT}|{sys.version_info[:2]}|".encode() + data).hexdigest()[:20]
    path = (folder or cache_dir()) / f"yaml-{name}-{key}.marshal"
    try:
        got = marshal.loads(path.read_bytes())
        if isinstance(got, tuple) and len(got) == 2 and got[0] == key:
            return got[1]
    except (OSError, ValueError, EOFError, TypeError):
        pass
    doc = parse_yaml(data)
    try:
        blob = marshal.dumps((key, doc))
    except ValueError:
        return doc  # a value marshal cannot keep: no cache
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(blob)
        os.replace(tmp, path)
        olds = sorted((p for p in path.parent.glob(f"yaml-{name}-*.marshal") if p != path),
                      key=lambda p: p.stat().st_mtime, reverse=True)
        for old in olds[KEEP - 1:]:  # the file just written is kept, whatever the clock says
            old.unlink(missing_ok=True)
    except OSError:
        pass  # an unwritable cache only costs parsing again next time
    return doc
