"""Reconciliation commands: series, timeline, reconcile, estimate, import.

Each opens the ledger, calls one function of `tollbook.reconcile` or `tollbook.imports`
and hands rows to `tollbook.output`. Exit codes: 0 done, 2 bad arguments or ledger,
3 findings present (with --fail-on-findings).
"""

from __future__ import annotations

import enum
from collections import Counter
from typing import Annotated, Any

import typer

from tollbook.cli.root import app
from tollbook.cli.common import (
    EXIT_FINDINGS,
    EXIT_USAGE,
    CsvOpt,
    DbOpt,
    JsonOpt,
    MeasureOpt,
    NlOpt,
    TsvOpt,
    choice_callback,
    error,
    ledger_or_exit,
    required_measure,
)
from tollbook.errors import TollbookError
from tollbook.lexicons.measures import measure_names_text
from tollbook.output import Format, choose_format, write_rows

MAX_FAULTS_SHOWN = 50

ActorOpt = Annotated[str | None, typer.Option("--actor", help="Whose losses or troops, canonical name (e.g. 'Russian forces').")]
RollupsOpt = Annotated[bool, typer.Option("--rollups", help="Only the roll-ups: each actor's measure family (killed and casualties: losses) over every place, its series' counts summed and the series named as children.")]
PlaceOpt = Annotated[str | None, typer.Option("--place", help="Place code or name; a country code brings its regions along ('RUS' shows RU-KRS too).")]


def _periods() -> tuple[str, ...]:
    from tollbook.reconcile.fusion import PERIODS

    return PERIODS


def _finding_kinds() -> tuple[str, ...]:
    from tollbook.reconcile.findings import RULES

    return tuple(RULES)


PeriodOpt = Annotated[str, typer.Option("--period", callback=choice_callback("--period", "period", _periods), help="Fuse per day, week, month, year or all.")]

SERIES_TABLE = ("series", "parent", "claims", "appearances", "appearance_groups", "originators", "findings",
                "first_date", "last_date")
ROLLUP_FIELDS = ("rollup", "actor", "family", "unit", "measures", "places", "claims", "appearances", "originators",
                 "originator_names", "findings", "first_date", "last_date", "children")
ROLLUP_TABLE = ("rollup", "measures", "places", "series", "claims", "appearances", "originators", "findings",
                "first_date", "last_date")
TIMELINE_TABLE = ("kind", "date", "originator", "low", "best", "high", "qualifier", "measure", "place_code",
                  "adversary", "claim_id")
FINDING_TABLE = ("severity", "kind", "series", "rule")
ESTIMATE_TABLE = ("series", "period", "low", "best", "high", "conservative", "originators", "n_claims", "method")


class ImportFormatChoice(str, enum.Enum):
    ucdp = "ucdp"
    series = "series"




def _format(json_: bool, nl: bool, csv_: bool, tsv: bool) -> Format:
    return choose_format(json_=json_, nl=nl, csv_=csv_, tsv=tsv)


def _fmt_number(v: float | None) -> str | None:
    return None if v is None else f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


def grouped_series(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The terminal table of `series`: each roll-up's row (its series' counts summed, originators
    counted once), then its series indented beneath it, a region under its country."""
    from tollbook.reconcile.series import rollup_depth, rollups

    members: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        members.setdefault(row["rollup"], []).append(row)
    out = []
    for r in rollups(rows):
        n = len(r["children"])
        out.append({**r, "series": f"{r['rollup']} (all places, {n} series)", "parent": None,
                    "appearance_groups": None})
        for child in members[r["rollup"]]:
            out.append({**child, "series": "  " * rollup_depth(child, r["children"]) + "└ " + child["series"]})
    return out


def rollup_table_rows(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Roll-up rows for a terminal table: lists as short text."""
    return [{**r, "measures": ", ".join(m or "-" for m in r["measures"]),
             "places": ", ".join(p or "-" for p in r["places"]), "series": len(r["children"])} for r in found]


@app.command()
def series(db: DbOpt = None,
           rollups_only: RollupsOpt = False,
           json_: JsonOpt = False, nl: NlOpt = False, csv_: CsvOpt = False, tsv: TsvOpt = False) -> None:
    """Every series (actor, measure, unit, place) with its claims, appearances, originators and findings.

    On a terminal each roll-up (an actor's measure family over every place) comes first, then its
    series beneath it; JSON, CSV and TSV give one row per series, naming its `family` and `rollup`."""
    from tollbook.reconcile import build_series, find_findings, rollups

    with ledger_or_exit(db) as ledger:
        records = ledger.claims()
        found = Counter(f.series for f in find_findings(records))
        rows = [{**s.to_dict(), "findings": found.get(s.key.label, 0)} for s in build_series(records)]
    fmt = _format(json_, nl, csv_, tsv)
    if rollups_only:
        summed = [{name: r[name] for name in ROLLUP_FIELDS} for r in rollups(rows)]
        write_rows(rollup_table_rows(summed) if fmt is Format.table else summed, fmt, columns=ROLLUP_FIELDS,
                   table_columns=ROLLUP_TABLE, title="roll-ups")
    elif fmt is Format.table:
        write_rows(grouped_series(rows), fmt, table_columns=SERIES_TABLE,
                   title="series, each under its roll-up (an actor's measure family over every place)")
    else:
        write_rows(rows, fmt, columns=list(rows[0]) if rows else list(SERIES_TABLE), table_columns=SERIES_TABLE,
                   title="series")


@app.command()
def timeline(
    actor: Annotated[str, typer.Option("--actor", help="Whose losses or troops, e.g. 'Russian forces'.")],
    measure: Annotated[str, typer.Option("--measure", callback=required_measure, help=f"{measure_names_text()}.")],
    place: PlaceOpt = None,
    db: DbOpt = None,
    chart: Annotated[str | None, typer.Option("--chart", help="Write a chart: out.html, out.svg, out.png or out.json (Vega-Lite spec).")] = None,
    period: PeriodOpt = "month",
    json_: JsonOpt = False, nl: NlOpt = False, csv_: CsvOpt = False, tsv: TsvOpt = False,
) -> None:
    """The claims about one quantity over time, with the fused estimate per period."""
    from tollbook.reconcile import adversary_conflict, fuse, load_config, series_of
    from tollbook.reconcile.chart import save_chart

    with ledger_or_exit(db) as ledger:
        records = series_of(ledger.claims(actor=actor, measure=measure), actor=actor, measure=measure,
                            place_code=place)
        estimates = fuse(records, period=period)
        config = load_config()
        claim_rows = [{
            "kind": "claim", "date": r["as_of"], "originator": r["originator"], "low": r["low"], "best": r["best"],
            "high": r["high"], "qualifier": r.get("qualifier"), "measure": r.get("measure"), "unit": r.get("unit"),
            "place_code": r.get("place_code"), "adversary": adversary_conflict(r, config) is not None,
            "outlet": r.get("outlet"), "appearances": r.get("appearances"), "cluster_id": r.get("cluster_id"),
            "claim_id": r.get("claim_id"),
            "quote": r.get("quote"),
        } for r in sorted(records, key=lambda r: (r["as_of"] or "", r["originator"]))]
        estimate_rows = [{
            "kind": "estimate", "date": e.period, "originator": ", ".join(e.originators), "low": e.low,
            "best": e.best, "high": e.high, "conservative": e.conservative, "measure": e.key.measure,
            "unit": e.key.unit, "place_code": e.key.place_code, "method": e.method, "claims": list(e.claims),
            "claim_id": f"{len(e.claims)} claims",
        } for e in estimates]
        if chart:
            written = save_chart(records, estimates, chart, title=f"{actor}: {measure}{' in ' + place if place else ''}")
            typer.echo(f"chart written to {written}", err=True)
    if not records:
        error(f"no claims about {actor} {measure}{' in ' + place if place else ''} in the ledger")
    fmt = _format(json_, nl, csv_, tsv)
    if fmt is Format.table:
        write_rows(claim_rows, fmt, table_columns=TIMELINE_TABLE, title=f"{actor}: {measure} claims")
        write_rows(estimate_rows, fmt, table_columns=("date", "low", "best", "high", "conservative", "originator",
                                                      "claim_id", "method"), title="fused estimates")
        return
    columns = list(dict.fromkeys([*(claim_rows[0] if claim_rows else {}), *(estimate_rows[0] if estimate_rows else {})]))
    write_rows([*claim_rows, *estimate_rows], fmt, columns=columns or list(TIMELINE_TABLE))


def _finding_row(f: Any) -> dict[str, Any]:
    return f.to_dict()


@app.command()
def reconcile(
    db: DbOpt = None,
    kind: Annotated[list[str] | None, typer.Option("--kind", callback=choice_callback("--kind", "finding kind", _finding_kinds), help="Only these finding kinds (repeatable).")] = None,
    fail_on_findings: Annotated[bool, typer.Option("--fail-on-findings", help="Exit 3 when there is any finding.")] = False,
    json_: JsonOpt = False, nl: NlOpt = False, csv_: CsvOpt = False, tsv: TsvOpt = False,
) -> None:
    """Every finding: revisions, falling cumulative figures, disagreements, scope mismatches,
    impossible arithmetic and adversary claims. They are recomputed (actor by actor) and
    stored in the ledger, where the web pages and the API read them."""
    from tollbook.reconcile.store import refresh_all, stored_findings

    with ledger_or_exit(db) as ledger:
        try:
            refresh_all(ledger.engine)
            with ledger.engine.connect() as conn:
                found = stored_findings(conn, kinds=kind or None)
        except TollbookError as exc:
            error(str(exc))
            raise typer.Exit(EXIT_USAGE) from None
    fmt = _format(json_, nl, csv_, tsv)
    rows = [_finding_row(f) for f in found]
    write_rows(rows, fmt, columns=["finding_id", "kind", "severity", "series", "rule", "claims", "spans", "detail"],
               table_columns=FINDING_TABLE, title="findings")
    counts = Counter(f.kind for f in found)
    typer.echo(f"{len(found)} findings" + (": " + ", ".join(f"{n} {k}" for k, n in counts.items()) if counts else ""),
               err=True)
    if fail_on_findings and found:
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
def estimate(
    db: DbOpt = None, actor: ActorOpt = None, measure: MeasureOpt = None, place: PlaceOpt = None,
    period: PeriodOpt = "month",
    json_: JsonOpt = False, nl: NlOpt = False, csv_: CsvOpt = False, tsv: TsvOpt = False,
) -> None:
    """Fused low/best/high per series and period, with the claims that fed each number."""
    from tollbook.reconcile import fuse, series_of

    with ledger_or_exit(db) as ledger:
        records = series_of(ledger.claims(actor=actor, measure=measure), actor=actor, measure=measure,
                            place_code=place)
        try:
            estimates = fuse(records, period=period)
        except TollbookError as exc:
            error(str(exc))
            raise typer.Exit(EXIT_USAGE) from None
    rows = [{**e.to_dict(), "n_claims": len(e.claims)} for e in estimates]
    fmt = _format(json_, nl, csv_, tsv)
    write_rows(rows, fmt, columns=list(rows[0]) if rows else list(ESTIMATE_TABLE), table_columns=ESTIMATE_TABLE,
               title="fused estimates")


def _spool_stdin(folder: str) -> str:
    """Standard input saved as a file the importers can read: stdin.json when it starts
    like JSON, else stdin.csv (the readers choose their parser by suffix)."""
    import sys
    from pathlib import Path

    data = sys.stdin.buffer.read()
    suffix = ".json" if data.lstrip()[:1] in (b"[", b"{") else ".csv"
    path = Path(folder) / f"stdin{suffix}"
    path.write_bytes(data)
    return str(path)


@app.command("import")
def import_cmd(
    file: Annotated[str, typer.Argument(help="A UCDP GED CSV, or a dated series (CSV or JSON); '-' reads stdin.")],
    format_: Annotated[ImportFormatChoice, typer.Option("--format", help="ucdp or series.")],
    db: DbOpt = None,
    source: Annotated[str | None, typer.Option("--source", help="Originator of every row (series: default from the file; ucdp: source_original).")] = None,
    measure: MeasureOpt = None, actor: ActorOpt = None,
    place: Annotated[str | None, typer.Option("--place", help="Place of every row of a generic series.")] = None,
) -> None:
    """Import structured data: each row becomes a document and claims in the ledger."""
    from tempfile import TemporaryDirectory

    from tollbook.imports import import_file

    with TemporaryDirectory(prefix="tollbook-stdin-") as spool, ledger_or_exit(db, create=True) as ledger:
        path = _spool_stdin(spool) if file == "-" else file
        report = import_file(path, format_.value, ledger, source=source, measure=measure, actor=actor, place=place)
    for fault in report.faults[:MAX_FAULTS_SHOWN]:
        typer.echo(f"data fault: {fault.row}: {fault.reason}", err=True)
    if len(report.faults) > MAX_FAULTS_SHOWN:
        typer.echo(f"... and {len(report.faults) - MAX_FAULTS_SHOWN} more data faults", err=True)
    typer.echo(report.line(), err=True)
