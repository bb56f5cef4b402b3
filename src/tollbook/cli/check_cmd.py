"""`tollbook check` and `tollbook brief`: does the headline say what the body says; the key points."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from tollbook.cli.root import app
from tollbook.cli.common import (
    EXIT_FINDINGS,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    JsonOpt,
    LangOpt,
    MaxBytesOpt,
    OutletOpt,
    PublishedOpt,
    error,
    warn,
)
from tollbook.errors import ReadError, extraction_failed
from tollbook.model import Document
from tollbook.read.decode import DEFAULT_MAX_BYTES

T = TypeVar("T")


def _documents(paths: list[str], published: str | None, outlet: str | None, max_bytes: int,
               lang: str | None = None) -> tuple[list[Document], int]:
    """The documents that could be read (in `lang` when given) and how many inputs could not (each reported in one line)."""
    from dataclasses import replace

    from tollbook.read import read_paths

    docs, failed = [], 0
    for item in read_paths(paths, published=published, outlet=outlet, max_bytes=max_bytes):
        if isinstance(item, ReadError):
            error(str(item))
            failed += 1
            continue
        docs.append(replace(item, language=lang) if lang else item)
    if not docs:
        error("no input could be read")
        raise typer.Exit(EXIT_USAGE)
    return docs, failed


def _each(docs: list[Document], work: Callable[[Document], T]) -> tuple[list[tuple[Document, T]], int]:
    """`work` on every document; an unexpected exception is one line naming the file, and the batch goes on."""
    done, failed = [], 0
    for doc in docs:
        try:
            done.append((doc, work(doc)))
        except Exception as exc:  # one bad document must not lose the others' results
            error(str(extraction_failed(doc.path or doc.doc_id, exc)))
            failed += 1
    return done, failed


def _dump(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def _document_json(doc: Document) -> dict[str, Any]:
    return {"doc_id": doc.doc_id, "path": doc.path, "title": doc.title, "published": doc.published}


_SEVERITY_STYLE = {"low": "cyan", "medium": "yellow", "high": "bold red"}


def _passage(doc: Document, claims: list, context: int = 90):
    """The sentence around the claims with their figures highlighted (a Rich Text)."""
    from rich.text import Text

    start = min(c.start for c in claims)
    end = max(c.end for c in claims)
    line_start = doc.text.rfind("\n", 0, start) + 1
    line_end = doc.text.find("\n", end)
    lo = max(line_start, start - context)
    hi = min(line_end if line_end >= 0 else len(doc.text), end + context)
    snippet = Text(("…" if lo > line_start else "") + doc.text[lo:hi] + ("…" if hi < len(doc.text) and doc.text[hi] != "\n" else ""))
    shift = 1 if lo > line_start else 0
    for c in claims:
        snippet.stylize("bold reverse", c.start - lo + shift, c.end - lo + shift)
    return snippet


def _print_report(results: list) -> None:
    """One panel per document; per finding the two passages side by side, the rule and why."""
    from rich.console import Console, Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    console = Console()
    for doc, findings in results:
        title = f"{doc.path or doc.doc_id}: {doc.title or ''}".strip()
        if not findings:
            console.print(Panel(Text("No findings: the headline and summary agree with the body.", style="green"), title=title))
            continue
        blocks = []
        for f in findings:
            table = Table(show_header=True, header_style="bold", expand=True, box=None)
            left = f.headline_claim.section if f.rule not in ("cross_claim_tension",) else "body"
            table.add_column(left, ratio=1)
            table.add_column("body", ratio=1)
            table.add_row(_passage(doc, [f.headline_claim]), _passage(doc, list(f.body_claims)))
            head = Text.assemble((f.rule, "bold"), "  ", (f.severity, _SEVERITY_STYLE[f.severity]))
            blocks += [head, table, Text(f.explanation, style="italic"), Text("")]
        console.print(Panel(Group(*blocks), title=title, subtitle=f"{len(findings)} finding(s)"))


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Text or HTML reports; '-' reads stdin.")],
    published: PublishedOpt = None,
    outlet: OutletOpt = None,
    json_: JsonOpt = False,
    fail_on_findings: Annotated[bool, typer.Option("--fail-on-findings", help=f"Exit {EXIT_FINDINGS} when a finding of at least --min-severity exists.")] = False,
    min_severity: Annotated[str, typer.Option("--min-severity", help="low, medium or high: the least severe finding that fails the run.")] = "low",
    tensions: Annotated[bool, typer.Option("--tensions", help="Also list body figures of two claimants that cannot both hold (information; `reconcile` finds disagreements across documents).")] = False,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    lang: LangOpt = None,
) -> None:
    """Compare each report's headline and summary figures with its body.

    --json writes one array with one object per file, however many files there are.
    """
    from tollbook.check import SEVERITIES, check_document
    from tollbook.check.findings import at_least
    from tollbook.extract.pipeline import extract_document

    if min_severity not in SEVERITIES:
        error(f"--min-severity must be one of {', '.join(SEVERITIES)}, not {min_severity!r}")
        raise typer.Exit(EXIT_USAGE)
    docs, unread = _documents(paths, published, outlet, max_bytes, lang)
    from tollbook.lang import languages

    for doc in [d for d in docs if d.language not in languages()]:  # named and not read, as `extract` does
        warn(f"{doc.path or doc.doc_id}: language {doc.language!r} has no package (have: {', '.join(languages())}); not read")
        docs.remove(doc)
    results, failed = _each(docs, lambda doc: check_document(doc, extract_document(doc), tensions=tensions))
    if json_:
        _dump([{"document": _document_json(d), "findings": [f.to_dict() for f in fs]} for d, fs in results])
    else:
        _print_report(results)
    if fail_on_findings and any(at_least(f.severity, min_severity) for _, fs in results for f in fs):
        raise typer.Exit(EXIT_FINDINGS)
    if unread or failed:
        raise typer.Exit(EXIT_SOME_FAILED)


@app.command()
def brief(
    paths: Annotated[list[str], typer.Argument(help="Text or HTML reports; '-' reads stdin.")],
    points: Annotated[int, typer.Option("--points", min=3, max=6, help="How many key points (3 to 6).")] = 4,
    format_: Annotated[str, typer.Option("--format", help="md or json.")] = "md",
    published: PublishedOpt = None,
    outlet: OutletOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Write the key points of each report from its extracted claims, each with its evidence.

    --format json writes one array with one object per file.
    """
    from tollbook.check.brief import generate_brief

    if format_ not in ("md", "json"):
        error(f"--format must be md or json, not {format_!r}")
        raise typer.Exit(EXIT_USAGE)
    docs, unread = _documents(paths, published, outlet, max_bytes)
    briefs, failed = _each(docs, lambda doc: generate_brief(doc, points=points))
    if format_ == "json":
        _dump([{"document": _document_json(d), **b.to_dict()} for d, b in briefs])
    else:
        sys.stdout.write("\n\n".join(b.to_markdown() for _, b in briefs) + "\n")
    if unread or failed:
        raise typer.Exit(EXIT_SOME_FAILED)
