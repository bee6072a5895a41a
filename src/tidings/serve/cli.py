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


def check_listen(host: str, port: int) -> None:
    """Fail before the server starts when it could not listen on ``host``:``port``.

    Binds, then closes at once, a socket for each address ``host`` resolves to, with
    the options asyncio's ``create_server`` (which uvicorn uses) sets: ``SO_REUSEADDR``
    on POSIX, so a port in ``TIME_WAIT`` after a server stopped is still free, as it is
    for uvicorn. Without this check uvicorn printed its own ``ERROR: [Errno 98]`` after
    the "explorer on" line and exited 3 (docs/serve.md, "The command").

    Raises:
        TidingsError: ``T614`` naming the address: the port is in use, a port the user
            may not open (below 1024 without privileges), or a host that is not an
            address of this machine or cannot be resolved.
    """
    import errno
    import os
    import socket

    from tidings.errors import TidingsError

    where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    try:
        addrs = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM,
                                   flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as exc:
        raise TidingsError("T614", f"cannot listen on {where}: the host name does not "
                           f"resolve ({exc})", "give an address of this machine with --host") from None
    for family, kind, proto, _, addr in addrs:
        sock = socket.socket(family, kind, proto)
        try:
            if os.name == "posix":
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6 and hasattr(socket, "IPPROTO_IPV6"):
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            sock.bind(addr)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                why, hint = "the port is in use", "stop the program using it, or choose another --port"
            elif exc.errno == errno.EACCES:
                why, hint = "not allowed", "ports below 1024 need privileges: choose another --port"
            elif exc.errno == errno.EADDRNOTAVAIL:
                why, hint = "not an address of this machine", "give an address of this machine with --host"
            else:
                why, hint = exc.strerror or str(exc), ""
            raise TidingsError("T614", f"cannot listen on {where}: {why}", hint) from None
        finally:
            sock.close()


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
        try:
            check_listen(host, port)
        except TidingsError as exc:
            typer.echo(f"Error: {exc}", err=True)
            raise typer.Exit(1)
        shown = f"[{host}]" if ":" in host else host
        typer.echo(f"tidings explorer on http://{shown}:{port}/ over {db.resolve()} "
                   "(Ctrl+C to stop)", err=True)
        uvicorn.run(web, host=host, port=port, log_level="warning")
