"""``tidings serve``: a local web explorer and REST API over an event store (issue 7).

``create_app(db_path, allow_code=False)`` builds the FastAPI application; the CLI
command is registered by :mod:`tidings.serve.cli`. FastAPI, uvicorn and plotly are
the optional ``serve`` extra (``pip install 'tidings[serve]'``), so this package
imports them only when an app is built. See ``docs/serve.md``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def create_app(*args: Any, **kwargs: Any) -> Any:
    """Build the explorer and REST API; see :func:`tidings.serve.app.create_app`."""
    from .app import create_app as _create_app

    return _create_app(*args, **kwargs)
