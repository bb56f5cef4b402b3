"""Ledger commands: ingest, reextract, claims, documents, show, export, datasette-metadata.

Each command opens the ledger, calls one library function and hands rows to
`tollbook.output`. Exit codes: 0 done, 2 bad arguments or ledger, 4 some inputs failed.
"""

from __future__ import annotations

import enum
import json
import sys
from typing import Annotated, Any

import typer

from tollbook.cli.root import app
from tollbook.read.decode import DEFAULT_MAX_BYTES
from tollbook.cli.common import (
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    CsvOpt,
    DbOpt,
    JsonOpt,
    LangOpt,
    MaxBytesOpt,
    MeasureOpt,
    ModalityOpt,
    NlOpt,
    OutletOpt,
    PublishedOpt,
    QualifierOpt,
    SectionOpt,
    SinceOpt,
    TsvOpt,
    UntilOpt,
    error,
    ledger_or_exit,
)

ActorOpt = Annotated[str | None, typer.Option("--actor", help="Whose losses or troops, canonical name (e.g. 'Russian forces').")]
PlaceOpt = Annotated[str | None, typer.Option("--place", help="Place name or code; a code prefix matches its regions ('RU-KRS', 'UKR', 'Kursk Oblast').")]
SourceOpt = Annotated[str | None, typer.Option("--source", help="Originator, canonical name (e.g. 'Armed Forces of Ukraine').")]
SearchOpt = Annotated[str | None, typer.Option("--search", help="Words in the claim's quote, web-search style: 'kursk \"were killed\" or -wounded'.")]
LimitOpt = Annotated[int | None, typer.Option("--limit", min=0, help="At most this many rows.")]

CLAIM_TABLE_COLUMNS = ("claim_id", "date_end", "measure", "best", "qualifier", "actor", "place_code", "source", "value_text")
DOCUMENT_TABLE_COLUMNS = ("doc_id", "published_at", "outlet", "title", "claims", "appearances", "cluster_id")


class ExportFormat(str, enum.Enum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    datapackage = "datapackage"
    ucdp = "ucdp"
    acled = "acled"
    claimreview = "claimreview"




# Kinds of file that hold one document each; feeds and JSON Lines hold any number.
_ONE_DOCUMENT_SUFFIXES = (".txt", ".html", ".htm")


def _known_total(paths: list[str], include: list[str] | None, exclude: list[str] | None) -> int | None:
    """How many documents the batch holds, when that is known before reading: every input
    is a file of one document. None with stdin, a feed or JSON Lines among the inputs."""
    from tollbook.read.walk import expand_paths

    total = 0
    for item in expand_paths(paths, include, exclude):
        if not isinstance(item, str) or not item.lower().endswith(_ONE_DOCUMENT_SUFFIXES):
            return None
        total += 1
    return total


def _rich_progress(total: int | None):
    """A live progress line on stderr: documents read, documents/s, claims found; with a
    known total, a bar and the time remaining."""
    from rich.console import Console
    from rich.progress import (
        BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn,
    )

    console = Console(stderr=True)
    counted = ((BarColumn(), MofNCompleteColumn(), TextColumn("documents")) if total
               else (SpinnerColumn(), TextColumn("{task.completed} documents")))
    progress = Progress(
        *counted,
        TextColumn("[cyan]{task.fields[rate]:.0f} documents/s"),
        TextColumn("[green]{task.fields[claims]} claims found"),
        TextColumn("[red]{task.fields[failed]} failed"),
        TimeElapsedColumn(),
        *((TimeRemainingColumn(),) if total else ()),
        console=console, transient=True,
    )
    return progress, console


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (walked recursively); '-' reads stdin.")],
    db: DbOpt = None,
    published: PublishedOpt = None,
    outlet: OutletOpt = None,
    include: Annotated[list[str] | None, typer.Option("--include", help="Glob of files to read in folders (repeatable) [default: every kind tollbook reads].")] = None,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", help="Glob of files to skip in folders (repeatable).")] = None,
    time_budget: Annotated[float, typer.Option("--time-budget", min=0, help="Seconds of processing a document may take, and as many again per MB of its text; a document over it fails alone (0: no limit).")] = 5.0,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    lang: LangOpt = None,
) -> None:
    """Read, extract and store documents; documents already stored are skipped, so a re-run resumes.

    A text already stored but read under another outlet or url is recorded as a new appearance of it.
    """
    from tollbook.extract.budget import TimeBudget

    budget = TimeBudget(time_budget) if time_budget > 0 else None
    with ledger_or_exit(db, create=True) as ledger:
        reported = 0

        def report_failures(summary) -> None:
            nonlocal reported
            for failure in summary.failures[reported:]:
                if live is not None:
                    console.print(f"tollbook: {failure}", markup=False, highlight=False)
                else:
                    error(str(failure))
            reported = len(summary.failures)

        live = console = None
        if sys.stderr.isatty():
            total = _known_total(paths, include, exclude)
            live, console = _rich_progress(total)
            task = live.add_task("ingest", total=total, rate=0.0, claims=0, failed=0)

            def progress(summary) -> None:
                report_failures(summary)
                rate = summary.documents_seen / summary.elapsed if summary.elapsed else 0.0
                live.update(task, completed=summary.documents_seen, rate=rate, claims=summary.claims,
                            failed=summary.documents_failed)

            with live:
                summary = ledger.ingest(paths, published=published, outlet=outlet, include=include, budget=budget,
                                        exclude=exclude, progress=progress, max_bytes=max_bytes, language=lang)
        else:
            summary = ledger.ingest(paths, published=published, outlet=outlet, include=include, budget=budget,
                                    exclude=exclude, progress=report_failures, max_bytes=max_bytes, language=lang)
        report_failures(summary)
    typer.echo(summary.line(), err=True)
    if summary.documents_failed and not (summary.documents_new or summary.documents_present):
        raise typer.Exit(EXIT_USAGE)
    if summary.documents_failed:
        raise typer.Exit(EXIT_SOME_FAILED)


@app.command()
def reextract(db: DbOpt = None) -> None:
    """Re-run the current extractor on documents stored by another version, replacing their claims."""
    from tollbook.extract.pipeline import EXTRACTOR_VERSION

    with ledger_or_exit(db) as ledger:
        count = ledger.reextract()
    typer.echo(f"{count} documents re-extracted with extractor {EXTRACTOR_VERSION}", err=True)


@app.command()
def claims(
    db: DbOpt = None, actor: ActorOpt = None, measure: MeasureOpt = None, place: PlaceOpt = None,
    source: SourceOpt = None, since: SinceOpt = None, until: UntilOpt = None, section: SectionOpt = None,
    qualifier: QualifierOpt = None, modality: ModalityOpt = None, search: SearchOpt = None,
    limit: LimitOpt = None, json_: JsonOpt = False, nl: NlOpt = False, csv_: CsvOpt = False, tsv: TsvOpt = False,
) -> None:
    """List stored claims, oldest document first."""
    from tollbook.ledger import queries
    from tollbook.ledger.exports import sources_text
    from tollbook.output import Format, choose_format, write_rows

    fmt = choose_format(json_, nl, csv_, tsv)
    narrowed = modality is not None  # the query has no modality filter: applied to its rows here
    wanted = queries.ClaimFilter(actor=actor, measure=measure, place=place, source=source, since=since,
                                 until=until, section=section, search=search, qualifier=qualifier,
                                 limit=None if narrowed else limit)
    # Rows straight from the query, not through Ledger.claims' DataFrame: listing claims
    # should not pay for importing pandas.
    with ledger_or_exit(db) as ledger, ledger.engine.connect() as conn:
        rows = [_plain_row(r, queries.CLAIM_FRAME_COLUMNS) for r in queries.fetch_claims(conn, wanted)]
    if narrowed:
        rows = [r for r in rows if r["modality"] == modality]
        rows = rows[:limit] if limit is not None else rows
    if fmt in (Format.csv, Format.tsv):  # one text cell per value, as in `export --format csv`
        for row in rows:
            row["sources"] = sources_text(row["sources"])
    write_rows(rows, fmt, columns=queries.CLAIM_FRAME_COLUMNS, table_columns=CLAIM_TABLE_COLUMNS, title="claims")


def _plain_row(record: dict[str, Any], columns: tuple[str, ...]) -> dict[str, Any]:
    """A query row in the frame's column order, as plain JSON-able values."""
    from tollbook.ledger.exports import plain

    return {name: plain(record.get(name)) for name in columns}


@app.command()
def documents(
    db: DbOpt = None, outlet: OutletOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    cluster: Annotated[str | None, typer.Option("--cluster", help="Documents of one syndication cluster.")] = None,
    limit: LimitOpt = None, json_: JsonOpt = False, nl: NlOpt = False, csv_: CsvOpt = False, tsv: TsvOpt = False,
) -> None:
    """List stored documents with their claim and appearance counts and syndication clusters."""
    from tollbook.ledger import queries
    from tollbook.output import choose_format, write_rows

    fmt = choose_format(json_, nl, csv_, tsv)
    with ledger_or_exit(db) as ledger, ledger.engine.connect() as conn:
        found = queries.fetch_documents(conn, outlet=outlet, since=since, until=until, cluster_id=cluster, limit=limit)
    rows = [_plain_row(r, queries.DOCUMENT_FRAME_COLUMNS) for r in found]
    write_rows(rows, fmt, columns=queries.DOCUMENT_FRAME_COLUMNS, table_columns=DOCUMENT_TABLE_COLUMNS,
               title="documents")


@app.command()
def show(
    claim_id: Annotated[str, typer.Argument(help="A claim id, or a unique prefix of one (at least 6 characters).")],
    db: DbOpt = None, json_: JsonOpt = False,
) -> None:
    """One claim: its fields, its document, the sentence it was read from (value highlighted)
    and every appearance of the document (outlet, date, url)."""
    from tollbook.ledger import queries
    from tollbook.ledger.exports import plain

    with ledger_or_exit(db) as ledger, ledger.engine.connect() as conn:
        record = queries.fetch_claim(conn, claim_id)
        published_as = ([_plain_row(a, ("doc_id", *queries.APPEARANCE_COLUMNS))
                         for a in queries.fetch_appearances(conn, record["doc_id"])] if record is not None else [])
    if record is None:
        error(f"no claim {claim_id!r} in the ledger; list ids with `tollbook claims`")
        raise typer.Exit(EXIT_USAGE)
    if json_:
        shown = {k: plain(v) for k, v in record.items()}
        shown["appearance_list"] = published_as
        typer.echo(json.dumps(shown, ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    Console().print(claim_panel(record, published_as))


def claim_panel(record: dict[str, Any], published_as: list[dict[str, Any]] | None = None):
    """A Rich panel: document line, evidence with the value highlighted, the fields, then the appearances."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from tollbook.evidence import passage
    from tollbook.ledger.exports import plain, sources_text

    found = passage(record.get("text") or "", record["start"], record["end"], record.get("quote"))
    quote = Text.assemble(found.before, (found.value, "bold black on yellow"), found.after)
    published = plain(record.get("published_at")) or ""
    header = Text.assemble((record.get("title") or "(untitled)", "bold"), "\n",
                           (" · ".join(x for x in (record.get("outlet"), published[:10], record.get("url")) if x), "dim"))
    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="bold cyan", no_wrap=True)
    fields.add_column(overflow="fold")
    for key, value in record.items():
        if key in ("text", "quote", "title", "outlet", "url", "published_at", "published"):
            continue
        shown = sources_text(value) if key == "sources" else plain(value)
        if isinstance(shown, float) and shown.is_integer():
            shown = int(shown)
        if shown not in (None, "", []):
            fields.add_row(key, str(shown))
    parts = [header, Text(""), quote, Text(""), fields]
    if published_as:
        listing = Table(title=f"appearances ({len(published_as)})", title_justify="left", show_edge=False,
                        pad_edge=False)
        for name in ("outlet", "published", "url"):
            listing.add_column(name, overflow="fold")
        for a in published_as:
            listing.add_row(a.get("outlet") or "", (a.get("published") or a.get("published_at") or "")[:10],
                            a.get("url") or a.get("path") or "")
        parts += [Text(""), listing]
    return Panel(Group(*parts), title=f"claim {record['claim_id']}", title_align="left", border_style="blue")


@app.command()
def export(
    format_: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = ExportFormat.csv,
    out: Annotated[str | None, typer.Option("--out", "-o", help="File (folder for datapackage) to write [default: stdout; claims.parquet; tollbook-datapackage/].")] = None,
    findings: Annotated[str | None, typer.Option("--findings", help="claimreview: findings JSON/JSON Lines to review [default: claims with an ambiguous measure].")] = None,
    excel: Annotated[bool, typer.Option("--excel", help="csv, ucdp, acled: a UTF-8 byte-order mark and CRLF line ends, for spreadsheet programs.")] = False,
    base_url: Annotated[str, typer.Option("--base-url", help="claimreview: address of `tollbook serve` the /claims/ID urls live under [default: relative urls].")] = "",
    db: DbOpt = None, actor: ActorOpt = None, measure: MeasureOpt = None, place: PlaceOpt = None,
    source: SourceOpt = None, since: SinceOpt = None, until: UntilOpt = None,
) -> None:
    """Write claims as CSV, JSON Lines, Parquet, a Data Package, UCDP/ACLED tables or ClaimReview JSON-LD."""
    from tollbook.ledger.exports import export as write_export
    from tollbook.ledger.exports import read_findings

    with ledger_or_exit(db) as ledger:
        loaded = read_findings(findings) if findings else None
        count, where = write_export(ledger, format_.value, out, findings=loaded, excel=excel, base_url=base_url,
                                    actor=actor, measure=measure, place=place, source=source, since=since,
                                    until=until)
    typer.echo(f"{count} rows written to {where}", err=True)


@app.command("datasette-metadata")
def datasette_metadata_cmd(
    out: Annotated[str | None, typer.Option("--out", "-o", help="File to write [default: stdout].")] = None,
    db: DbOpt = None,
) -> None:
    """metadata.json for `datasette LEDGER.db --metadata metadata.json`: table and column descriptions."""
    from tollbook.ledger.datasette import database_name, datasette_metadata

    text = json.dumps(datasette_metadata(database_name(db)), indent=2, ensure_ascii=False) + "\n"
    if out is None or out == "-":
        sys.stdout.write(text)
        return
    try:
        with open(out, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        error(f"cannot write {out!r}: {exc.strerror or exc}")
        raise typer.Exit(EXIT_USAGE) from None
