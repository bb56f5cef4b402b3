"""`tollbook eval`: accuracy of extraction (and, with --check, of the article checks) on a gold set."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from tollbook.cli import app
from tollbook.cli.common import JsonOpt, error
from tollbook.output import Format, write_rows


@app.command("eval")
def eval_(
    gold: Annotated[str | None, typer.Argument(help="Gold directory [default: tests/gold/extract, or tests/gold/check with --check].")] = None,
    check: Annotated[bool, typer.Option("--check", help="Score `tollbook check` findings instead of claims.")] = False,
    misses: Annotated[int, typer.Option("--misses", help="How many misses to list.")] = 30,
    json_: JsonOpt = False,
) -> None:
    """Precision, recall and F1 per field against a hand-written gold set, and the misses."""
    from pathlib import Path

    if check:
        from tollbook.check.evaluate import evaluate_check, print_check_report
        from tollbook.errors import TollbookError

        try:
            report = evaluate_check(gold or "tests/gold/check")
        except TollbookError as exc:
            error(str(exc))
            raise typer.Exit(2) from None
        print_check_report(report, json_=json_, misses=misses)
        return
    from tollbook.extract.evaluate import evaluate

    gold_dir = Path(gold or "tests/gold/extract")
    if not gold_dir.is_dir():
        error(f"{gold_dir}: no such gold directory")
        raise typer.Exit(2)
    report = evaluate(gold_dir)
    if json_:
        typer.echo(json.dumps({"cases": report.cases, "gold": report.n_gold, "extracted": report.n_pred,
                               "scores": report.table(), "misses": report.misses}, indent=2, default=str))
        return
    write_rows(report.table(), Format.table, title=f"{report.cases} cases, {report.n_gold} gold claims, {report.n_pred} extracted")
    from rich.console import Console

    console = Console()
    for miss in report.misses[:misses]:
        if miss["kind"] == "missed":
            g = miss["gold"]
            console.print(f"[red]missed[/] {miss['case']}: {g['value_text']!r} {g['measure']}")
        elif miss["kind"] == "spurious":
            console.print(f"[yellow]spurious[/] {miss['case']}: {miss['got']['value_text']!r} {miss['got']['measure']}")
        else:
            g, p = miss["gold"], miss["got"]
            diffs = ", ".join(f"{f}" for f in miss["fields"])
            console.print(f"[magenta]wrong[/] {miss['case']}: {g['value_text']!r} ({diffs}) gold={ {k: g.get(k) for k in p} } got={p}", highlight=False)
    if len(report.misses) > misses:
        console.print(f"... {len(report.misses) - misses} more (--misses N)")
