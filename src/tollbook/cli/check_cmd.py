"""`tollbook check` and `tollbook brief`: does the headline say what the body says; the key points."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from tollbook.cli import app
from tollbook.cli.common import EXIT_FINDINGS, JsonOpt, OutletOpt, PublishedOpt, error
from tollbook.errors import ReadError
from tollbook.model import Document
from tollbook.read import read_paths

EXIT_NOTHING_READ = 2


def _documents(paths: list[str], published: str | None, outlet: str | None) -> list[Document]:
    docs = []
    for item in read_paths(paths, published=published, outlet=outlet):
        if isinstance(item, ReadError):
            error(str(item))
            continue
        docs.append(item)
    if not docs:
        error("no input could be read")
        raise typer.Exit(EXIT_NOTHING_READ)
    return docs


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
) -> None:
    """Compare each report's headline and summary figures with its body."""
    from tollbook.check import SEVERITIES, check_document
    from tollbook.check.findings import at_least
    from tollbook.extract.pipeline import extract_document

    if min_severity not in SEVERITIES:
        error(f"--min-severity must be one of {', '.join(SEVERITIES)}, not {min_severity!r}")
        raise typer.Exit(2)
    docs = _documents(paths, published, outlet)
    results = [(doc, check_document(doc, extract_document(doc))) for doc in docs]
    if json_:
        out = [{"document": _document_json(d), "findings": [f.to_dict() for f in fs]} for d, fs in results]
        sys.stdout.write(json.dumps(out[0] if len(out) == 1 else out, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        _print_report(results)
    if fail_on_findings and any(at_least(f.severity, min_severity) for _, fs in results for f in fs):
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
def brief(
    paths: Annotated[list[str], typer.Argument(help="Text or HTML reports; '-' reads stdin.")],
    points: Annotated[int, typer.Option("--points", min=3, max=6, help="How many key points (3 to 6).")] = 4,
    format_: Annotated[str, typer.Option("--format", help="md or json.")] = "md",
    published: PublishedOpt = None,
    outlet: OutletOpt = None,
) -> None:
    """Write the key points of each report from its extracted claims, each with its evidence."""
    from tollbook.check.brief import generate_brief

    if format_ not in ("md", "json"):
        error(f"--format must be md or json, not {format_!r}")
        raise typer.Exit(2)
    docs = _documents(paths, published, outlet)
    briefs = [generate_brief(doc, points=points) for doc in docs]
    if format_ == "json":
        out = [{"document": _document_json(d), **b.to_dict()} for d, b in zip(docs, briefs)]
        sys.stdout.write(json.dumps(out[0] if len(out) == 1 else out, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("\n\n".join(b.to_markdown() for b in briefs) + "\n")
