"""`tollbook serve`: the web UI and JSON API over a ledger, served by uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from tollbook.cli.root import app
from tollbook.cli.common import EXIT_USAGE, DbOpt, error, ledger_or_exit
from tollbook.errors import TollbookError
from tollbook.web.guard import DEFAULT_MAX_BODY


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on; 0.0.0.0 opens it to the network.")] = (
        "127.0.0.1"),
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_host: Annotated[list[str] | None, typer.Option(
        "--allow-host", help="A Host name the server answers besides localhost and --host (repeatable); "
                             "other Host headers get 400, against DNS rebinding.")] = None,
    max_body: Annotated[int, typer.Option("--max-body", min=1, help="Largest request body in bytes; "
                                          "larger ones get 413.")] = DEFAULT_MAX_BODY,
) -> None:
    """Browse the ledger in a web browser: claims, documents, series, timelines, findings, checks; JSON under /api/."""
    with ledger_or_exit(db):  # a misspelt --db is refused here, not turned into an empty ledger
        pass
    import uvicorn

    from tollbook.web import create_app

    try:
        named = [] if host in ("0.0.0.0", "::") else [host]
        web = create_app(db, allowed_hosts=[*named, *(allow_host or [])], max_body=max_body)
    except TollbookError as exc:
        error(str(exc))
        raise typer.Exit(EXIT_USAGE) from None
    typer.echo(f"tollbook: serving {web.state.ledger.url} on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    try:
        uvicorn.run(web, host=host, port=port, log_level="warning")
    except OSError as exc:  # port taken, address not available
        error(f"cannot listen on {host}:{port}: {exc.strerror or exc}; choose another --port or --host")
        raise typer.Exit(EXIT_USAGE) from None
