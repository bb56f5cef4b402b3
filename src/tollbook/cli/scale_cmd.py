"""`tollbook scale extract|ingest`: the serial commands' work on Dask workers.

Same output, same ledger, same summary line and exit codes as `tollbook extract`
and `tollbook ingest`; only where the extraction runs differs.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer

from tollbook.cli.root import app
from tollbook.cli.common import (
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    CsvOpt,
    DbOpt,
    JsonOpt,
    MaxBytesOpt,
    NlOpt,
    OutletOpt,
    PublishedOpt,
    TsvOpt,
    error,
)
from tollbook.errors import ReadError, TollbookError
from tollbook.read.decode import DEFAULT_MAX_BYTES


scale_app = typer.Typer(name="scale", help="Extract or ingest on Dask workers (a local cluster or a scheduler).",
                        no_args_is_help=True)
app.add_typer(scale_app, name="scale")

PathsArg = Annotated[list[str], typer.Argument(help="Files or folders (walked recursively).")]
SchedulerOpt = Annotated[str | None, typer.Option("--scheduler", help="Address of a running Dask scheduler (tcp://host:port); its workers must see the same paths.")]
WorkersOpt = Annotated[int | None, typer.Option("--workers", help="Start this many local worker processes [default: one per core; for ingest one less, the writer's].")]
IncludeOpt = Annotated[list[str] | None, typer.Option("--include", help="Glob of files to read in folders (repeatable) [default: every kind tollbook reads].")]
ExcludeOpt = Annotated[list[str] | None, typer.Option("--exclude", help="Glob of files to skip in folders (repeatable).")]


@contextmanager
def _client(scheduler: str | None, workers: int | None, reserve: int = 0) -> Iterator[Any]:
    """The Dask client; a TollbookError becomes one line on stderr and exit 2."""
    from tollbook.scale import open_client

    try:
        with open_client(scheduler, workers, reserve=reserve) as client:
            yield client
    except TollbookError as exc:
        error(str(exc))
        raise typer.Exit(EXIT_USAGE) from None


@contextmanager
def _progress_bar(label: str) -> Iterator[tuple[Any, Any]]:
    """A Rich bar of bytes extracted on stderr when it is a terminal; (None, None) otherwise."""
    if not sys.stderr.isatty():
        yield None, None
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True)
    bar = Progress(TextColumn(label), BarColumn(), DownloadColumn(), TextColumn("[cyan]{task.fields[docs]} documents"),
                   TextColumn("[green]{task.fields[claims]} claims"), TextColumn("[red]{task.fields[failed]} failed"),
                   TimeRemainingColumn(), console=console, transient=True)
    with bar:
        yield bar, console


def _say(console: Any, message: str) -> None:
    """One line on stderr, printed above the progress bar when there is one."""
    if console is not None:
        console.print(f"tollbook: {message}", markup=False, highlight=False)
    else:
        error(message)


@scale_app.command("extract")
def scale_extract(
    paths: PathsArg,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
    published: PublishedOpt = None,
    outlet: OutletOpt = None,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    json_: JsonOpt = False, nl: NlOpt = False, csv_: CsvOpt = False, tsv: TsvOpt = False,
) -> None:
    """Print every quantitative claim in the given reports, extracted on Dask workers."""
    from tollbook.cli.extract_cmd import TABLE_COLUMNS
    from tollbook.model import CLAIM_FIELDS
    from tollbook.output import Format, choose_format, write_rows
    from tollbook.scale import extract_paths

    fmt = choose_format(json_, nl, csv_, tsv)
    read_ok = failed = claims = 0
    with _client(scheduler, workers) as client, _progress_bar("extract") as (bar, console):
        task = bar.add_task("extract", total=None, docs=0, claims=0, failed=0) if bar else None

        def progress(done: int, total: int) -> None:
            if bar is not None:
                bar.update(task, completed=done, total=total, docs=read_ok, claims=claims, failed=failed)

        def rows():
            nonlocal read_ok, failed, claims
            for item in extract_paths(client, paths, published=published, outlet=outlet, include=include,
                                      exclude=exclude, progress=progress, max_bytes=max_bytes):
                if isinstance(item, ReadError):
                    failed += 1
                    _say(console, str(item))
                    continue
                read_ok += 1
                claims += len(item.claims)
                for claim in item.claims:
                    yield claim.to_dict()

        try:
            if fmt is Format.table:  # a table is drawn once all rows are in, after the bar is gone
                found = list(rows())
            else:
                write_rows(rows(), fmt, columns=CLAIM_FIELDS, table_columns=TABLE_COLUMNS, title="claims")
        except TollbookError as exc:
            _say(console, str(exc))
            raise typer.Exit(EXIT_USAGE) from None
    if fmt is Format.table:
        write_rows(found, fmt, columns=CLAIM_FIELDS, table_columns=TABLE_COLUMNS, title="claims")
    if read_ok == 0:
        error("no input could be read")
        raise typer.Exit(EXIT_USAGE)
    if failed:
        raise typer.Exit(EXIT_SOME_FAILED)


@scale_app.command("ingest")
def scale_ingest(
    paths: PathsArg,
    db: DbOpt = None,
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
    published: PublishedOpt = None,
    outlet: OutletOpt = None,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Read, extract (on Dask workers) and store documents; documents already stored are skipped."""
    from tollbook.ledger import open_ledger
    from tollbook.scale import ingest_paths

    try:
        ledger = open_ledger(db)
    except TollbookError as exc:
        error(str(exc))
        raise typer.Exit(EXIT_USAGE) from None
    reported = 0
    try:
        with _client(scheduler, workers, reserve=1) as client, _progress_bar("ingest") as (bar, console):
            task = bar.add_task("ingest", total=None, docs=0, claims=0, failed=0) if bar else None

            def progress(summary) -> None:
                nonlocal reported
                for failure in summary.failures[reported:]:
                    _say(console, str(failure))
                reported = len(summary.failures)
                if bar is not None:
                    bar.update(task, docs=summary.documents_seen, claims=summary.claims,
                               failed=summary.documents_failed)

            def bytes_progress(done: int, total: int) -> None:
                if bar is not None:
                    bar.update(task, completed=done, total=total)

            try:
                summary = ingest_paths(ledger, client, paths, published=published, outlet=outlet,
                                       include=include, exclude=exclude, progress=progress,
                                       bytes_progress=bytes_progress, max_bytes=max_bytes)
            except TollbookError as exc:
                _say(console, str(exc))
                raise typer.Exit(EXIT_USAGE) from None
            progress(summary)
    finally:
        ledger.close()
    typer.echo(summary.line(), err=True)
    if summary.documents_failed and not (summary.documents_new or summary.documents_present):
        raise typer.Exit(EXIT_USAGE)
    if summary.documents_failed:
        raise typer.Exit(EXIT_SOME_FAILED)
