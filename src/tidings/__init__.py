"""tidings: news stories in, PLOVER political event data out, with the evidence.

The pipeline runs read -> analyse -> code -> resolve -> store; see ``docs/`` and the
event contract in ``shared/spec/events.md``.

In a notebook::

    import tidings
    df = tidings.code(["Azerbaijan refused to negotiate with Armenia."], pub_date="2024-12-20")
    df = tidings.code_file("examples/")

return the events as a pandas DataFrame (see :mod:`tidings.notebook`).
"""

from __future__ import annotations

import sys as _sys
import types as _types
from pathlib import Path as _Path
from typing import Any as _Any

__version__ = "0.1.0"


def __getattr__(name: str) -> str:
    """``tidings.PIPELINE_VERSION``: the derived pipeline version (code and data), see
    :func:`tidings.version.pipeline_version`. It enters every event id, so a change to
    the coder's data gives new ids and re-runs re-code the stories it coded.

    Raises:
        AttributeError: for any other name.
    """
    if name == "PIPELINE_VERSION":
        from .version import pipeline_version

        return pipeline_version()
    raise AttributeError(f"module 'tidings' has no attribute {name!r}")


__all__ = ["code", "code_file", "PIPELINE_VERSION", "__version__"]


def code_file(path: str | _Path, **options: _Any) -> _Any:
    """Read and code a story file or folder into a pandas DataFrame of events; see
    :func:`tidings.notebook.code_file` for the options, the columns and the errors."""
    from .notebook import code_file as run

    return run(path, **options)


class _Code:
    """``tidings.code(stories, pub_date=None, *, date_order=None, actors=(), processes=1,
    limits=None, any_language=False, all_candidates=False)``:
    code texts, story records or Story objects into a pandas DataFrame of events, one row
    per event; see :func:`tidings.notebook.code`.

    ``tidings.code`` is also the coder module ``tidings/code.py`` (whose names, such as
    ``tidings.code.Coder``, it passes through), so that the notebook function and
    ``import tidings.code`` live side by side.
    """

    def __call__(self, stories: _Any, pub_date: str | None = None, **options: _Any) -> _Any:
        from .notebook import code as run

        return run(stories, pub_date, **options)

    @staticmethod
    def _module() -> _types.ModuleType:
        import importlib

        return importlib.import_module(__name__ + ".code")

    def __getattr__(self, name: str) -> _Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._module(), name)

    def __setattr__(self, name: str, value: _Any) -> None:  # monkeypatching tidings.code.X
        setattr(self._module(), name, value)

    def __delattr__(self, name: str) -> None:
        delattr(self._module(), name)

    def __repr__(self) -> str:
        return "<function tidings.code(stories, pub_date=None, ...) -> pandas.DataFrame>"


code = _Code()


class _Package(_types.ModuleType):
    """The ``tidings`` package. Importing the submodule ``tidings.code`` would set the
    package's ``code`` attribute to that module; the notebook function keeps the name
    (the module stays ``sys.modules["tidings.code"]``, and ``tidings.code.X`` reaches it)."""

    def __setattr__(self, name: str, value: _Any) -> None:
        if name == "code" and isinstance(value, _types.ModuleType):
            return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package
