"""Options every command shares, so a flag means the same everywhere."""

from __future__ import annotations

from typing import Annotated

import typer

JsonOpt = Annotated[bool, typer.Option("--json", help="One JSON array on stdout.")]
NlOpt = Annotated[bool, typer.Option("--nl", help="One JSON object per line on stdout.")]
CsvOpt = Annotated[bool, typer.Option("--csv", help="CSV with a header row on stdout.")]
TsvOpt = Annotated[bool, typer.Option("--tsv", help="Tab-separated values on stdout.")]
PublishedOpt = Annotated[str | None, typer.Option("--published", help="Publication date (YYYY-MM-DD) of the documents; times like 'this week' are resolved against it.")]
OutletOpt = Annotated[str | None, typer.Option("--outlet", help="Outlet that published the documents (last link of every attribution chain).")]
DbOpt = Annotated[str | None, typer.Option("--db", envvar="TOLLBOOK_DB", help="Ledger: a SQLite path or a postgresql:// URL [default: tollbook.db].")]


def error(message: str) -> None:
    """One line on stderr, never a traceback."""
    typer.echo(f"tollbook: {message}", err=True)
