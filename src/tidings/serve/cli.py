"""``tidings serve``: the web explorer and REST API under uvicorn.

A thin Typer wrapper over :func:`tidings.serve.app.create_app`; FastAPI and uvicorn
are imported only when the command runs, so ``tidings`` works without the ``serve``
extra installed.
"""

from __future__ import annotations

from pathlib import Path

import typer

DEFAULT_DB = "tidings.duckdb"
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def served_hosts(host: str, allow_host: list[str]) -> list[str]:
    """Host names the server answers to: loopback, the address it listens on (unless a
    wildcard, then this machine's name), and each ``--allow-host``.

    Returns:
        the names, in that order, without duplicates (``"*"`` allows any).
    """
    import socket

    names = list(_LOOPBACK)
    names.append(socket.gethostname() if host in ("0.0.0.0", "::", "") else host)
    names.extend(allow_host)
    return list(dict.fromkeys(n for n in names if n))


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to a Typer app.

    Args:
        app: the ``tidings`` Typer application (or any Typer app, e.g. in tests).
    """

    @app.command("serve")
    def serve_cmd(
        db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB event store to explore (made by `tidings code`)."),
        host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; the default is reachable from this machine only."),
        port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
        allow_code: bool = typer.Option(False, "--allow-code", help="Let POST /api/code?store=true save coded stories into the store (otherwise the server never writes)."),
        allow_host: list[str] = typer.Option([], "--allow-host", help="Also answer requests for this host name (Host header), e.g. the machine's name when --host is not loopback; repeatable; '*': any."),
    ) -> None:
        """Serve the web explorer and REST API over an event store (http://HOST:PORT/)."""
        from tidings.errors import TidingsError

        try:
            import uvicorn

            from .app import create_app
        except ImportError as exc:
            typer.echo(f"Error: [T608] the web explorer needs FastAPI, uvicorn and plotly "
                       f"({exc}) (pip install 'tidings[serve]')", err=True)
            raise typer.Exit(1)
        try:
            web = create_app(db, allow_code=allow_code,
                             allowed_hosts=served_hosts(host, allow_host))
        except TidingsError as exc:
            typer.echo(f"Error: {exc}", err=True)
            raise typer.Exit(1)
        if host not in _LOOPBACK:
            typer.echo(f"Warning: listening on {host}: anyone who can reach this machine "
                       "can read the store" + (" and write to it" if allow_code else "")
                       + "; requests are answered for the host names "
                       + ", ".join(served_hosts(host, allow_host))
                       + " (add others with --allow-host NAME)", err=True)
        shown = f"[{host}]" if ":" in host else host
        typer.echo(f"tidings explorer on http://{shown}:{port}/ over {db.resolve()} "
                   "(Ctrl+C to stop)", err=True)
        uvicorn.run(web, host=host, port=port, log_level="warning")
