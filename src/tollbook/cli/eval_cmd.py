"""`tollbook eval`: accuracy of extraction (and, with --check, of the article checks) on a gold set.

With --real, the real sets instead (tollbook.extract.evaluate_real): the real-story articles,
the MUC-3 answer keys and the UCDP headlines. Plain `tollbook eval` ends with their summary
lines when ../shared/corpus is present.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer

from tollbook.cli.root import app
from tollbook.cli.common import JsonOpt, error
from tollbook.output import Format, write_rows


@app.command("eval")
def eval_(
    gold: Annotated[str | None, typer.Argument(help="Gold directory [default: tests/gold/extract, or tests/gold/check with --check].")] = None,
    check: Annotated[bool, typer.Option("--check", help="Score `tollbook check` findings instead of claims.")] = False,
    real: Annotated[bool, typer.Option("--real", help="Score the real sets (real stories, MUC-3, UCDP headlines, real Ukrainian and Russian articles) instead.")] = False,
    misses: Annotated[int, typer.Option("--misses", help="How many misses to list.")] = 30,
    json_: JsonOpt = False,
) -> None:
    """Precision, recall and F1 per field against a hand-written gold set, and the misses."""
    from pathlib import Path

    if real:
        _print_real(json_=json_, misses=misses)
        return
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
    real_sets = _real_summary_sets() if gold is None else None
    if json_:
        out = {"cases": report.cases, "gold": report.n_gold, "extracted": report.n_pred,
               "scores": report.table(), "misses": report.misses}
        if real_sets is not None:
            out["real"] = real_sets.to_dict()
        typer.echo(json.dumps(out, indent=2, default=str))
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
    if real_sets is not None:
        console.print("")
        from tollbook.extract.evaluate_real import summary_lines

        for line in summary_lines(real_sets):
            console.print(line, highlight=False)


def _real_summary_sets():
    """The real sets for plain `tollbook eval`, or None when ../shared/corpus is not laid out here."""
    from tollbook.extract.evaluate_real import corpus_dir, real_sets

    return real_sets() if corpus_dir() is not None else None


def _print_real(json_: bool, misses: int) -> None:
    """The real-set tables (or one JSON object), then the figures not right on all five fields."""
    from rich.console import Console

    from tollbook.extract.evaluate_real import LANGUAGE_SETS, real_sets

    sets = real_sets()
    if json_:
        typer.echo(json.dumps(sets.to_dict(), indent=2, default=str))
        return
    console = Console()
    articles = {"real stories": sets.real_stories,
                **{f"real articles in {LANGUAGE_SETS[n]}": r for n, r in sets.languages.items()}}
    for label, rs in articles.items():
        if rs is not None:
            write_rows(rs.rows(), Format.table, table_columns=("story", "gold", "found", "value", "measure", "actor",
                                                               "claimant", "period", "all_five", "spurious"),
                       title=f"{label}: {rs.overall.files} fetched texts "
                       f"({len(rs.missing_files)} not fetched); field shares are over found figures")
    if sets.muc is not None:
        write_rows(sets.muc.rows(), Format.table, table_columns=("measure", "gold", "tollbook", "naive", "claims", "in_key"),
                   title=f"muc34_dev: answer-key counts recovered, {sets.muc.keyed_docs} keyed reports of {sets.muc.docs}")
    if sets.ucdp is not None:
        write_rows([sets.ucdp.row()], Format.table, title="UCDP single-source headlines (weak label)")
    for name, why in sets.skipped.items():
        error(f"{name}: skipped, {why}")
    wrong = [f for rs in articles.values() if rs is not None for f in rs.figures if f.in_text and not f.all_five]
    for fig in wrong[:misses]:
        if not fig.found:
            console.print(f"[red]missed[/] {fig.file}: {fig.value_text!r} {fig.gold.get('measure')}", highlight=False)
        else:
            bad = ", ".join(k for k, ok in fig.right.items() if not ok)
            console.print(f"[magenta]wrong[/] {fig.file}: {fig.value_text!r} ({bad})", highlight=False)
    if len(wrong) > misses:
        console.print(f"... {len(wrong) - misses} more (--misses N)")
