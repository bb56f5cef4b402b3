"""`tollbook extract`: print the claims in files, without a ledger."""

from __future__ import annotations

from typing import Annotated

import typer

from tollbook.cli.root import app
from tollbook.cli.common import (
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    CsvOpt,
    JsonOpt,
    LangOpt,
    MaxBytesOpt,
    NlOpt,
    OutletOpt,
    PublishedOpt,
    TsvOpt,
    error,
    warn,
)
from tollbook.errors import ReadError, extraction_failed
from tollbook.lang import languages
from tollbook.model import CLAIM_FIELDS
from tollbook.read.decode import DEFAULT_MAX_BYTES

TABLE_COLUMNS = ("section", "measure", "unit", "actor", "place", "low", "best", "high", "qualifier",
                 "date_end", "source", "modality", "value_text")


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Text or HTML files; '-' reads stdin.")],
    published: PublishedOpt = None,
    outlet: OutletOpt = None,
    title: Annotated[str | None, typer.Option("--title", help="Headline, when the file does not start with it.")] = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    lang: LangOpt = None,
    json_: JsonOpt = False, nl: NlOpt = False, csv_: CsvOpt = False, tsv: TsvOpt = False,
) -> None:
    """Print every quantitative claim in the given reports.

    A document in a language tollbook has no package for is named in a warning and not read.
    """
    from dataclasses import replace

    from tollbook.extract.pipeline import UnsupportedLanguage, extract_document
    from tollbook.output import choose_format, write_rows
    from tollbook.read import read_paths

    fmt = choose_format(json_, nl, csv_, tsv)
    read_ok = failed = 0

    def rows():
        nonlocal read_ok, failed
        for item in read_paths(paths, published=published, outlet=outlet, title=title, max_bytes=max_bytes):
            if isinstance(item, ReadError):
                failed += 1
                error(str(item))
                continue
            read_ok += 1
            if lang:
                item = replace(item, language=lang)
            try:
                found = extract_document(item)
            except UnsupportedLanguage as exc:
                warn(f"{item.path or item.doc_id}: language {exc.language!r} has no package (have: "
                     f"{', '.join(languages())}); not read")
                continue
            except Exception as exc:  # one bad document must not stop the batch
                failed += 1
                error(str(extraction_failed(item.path or item.doc_id, exc)))
                continue
            for claim in found:
                yield claim.to_dict()

    write_rows(rows(), fmt, columns=CLAIM_FIELDS, table_columns=TABLE_COLUMNS, title="claims")
    if read_ok == 0:
        error("no input could be read")
        raise typer.Exit(EXIT_USAGE)
    if failed:
        raise typer.Exit(EXIT_SOME_FAILED)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the claim record."""
    from tollbook.model import schema_text

    typer.echo(schema_text(), nl=False)
