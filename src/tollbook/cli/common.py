"""Options every command shares, so a flag means the same everywhere."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from tollbook.ledger import Ledger

# Exit codes, the same in every command (README, "Exit codes").
EXIT_USAGE = 2  # nothing could be read, a bad --db, arguments that do not fit
EXIT_FINDINGS = 3  # findings, with --fail-on-findings
EXIT_SOME_FAILED = 4  # some inputs failed; the rest were processed

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


@contextmanager
def ledger_or_exit(db: str | None) -> Iterator["Ledger"]:
    """The open ledger for a command; a TollbookError becomes one line on stderr and exit 2."""
    from tollbook.errors import TollbookError
    from tollbook.ledger import open_ledger

    try:
        ledger = open_ledger(db)
    except TollbookError as exc:
        error(str(exc))
        raise typer.Exit(EXIT_USAGE) from None
    try:
        yield ledger
    except TollbookError as exc:
        error(str(exc))
        raise typer.Exit(EXIT_USAGE) from None
    finally:
        ledger.close()
