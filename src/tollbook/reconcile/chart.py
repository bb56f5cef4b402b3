"""A timeline chart of one series: every claim as an interval, the fused band behind.

One mark per claim: a rule from low to high and a point at best, x = the claim's date,
coloured by originator. Open bounds are drawn to the best (a rule cannot run to
infinity) and the tooltip says the side is open. Fused estimates are rectangles across
their period from low to high.

A chart stays readable and quick at any size: past `MAX_CHART_MARKS` claims, each
originator's claims are drawn as one mark per month (lowest low, median best, highest
high, and how many claims), and the page links to the full table. Every string that
goes into a spec is made XML-safe first (see `tollbook.reconcile.render`).
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from tollbook.errors import UsageError
from tollbook.reconcile.fusion import Estimate
from tollbook.reconcile.series import normalise_records
from tollbook.safe_text import xml_safe

CHART_SUFFIXES = (".html", ".svg", ".png", ".json")
MAX_CHART_MARKS = 500


def _safe(row: dict[str, Any]) -> dict[str, Any]:
    return {k: xml_safe(v) if isinstance(v, str) else v for k, v in row.items()}


def _claim_rows(records: Iterable[Mapping[str, Any]] | Any) -> list[dict[str, Any]]:
    rows = []
    for r in normalise_records(records):
        if r.get("best") is None or not r.get("as_of"):
            continue
        rows.append({
            "date": r["as_of"], "originator": r["originator"], "best": r["best"],
            "low": r["low"] if r.get("low") is not None else r["best"],
            "high": r["high"] if r.get("high") is not None else r["best"],
            "interval": f"{'open' if r.get('low') is None else format(r['low'], ',.0f')} - "
                        f"{'open' if r.get('high') is None else format(r['high'], ',.0f')}",
            "measure": r.get("measure"), "place_code": r.get("place_code"), "outlet": r.get("outlet"),
            "claim_id": r.get("claim_id"), "quote": (r.get("quote") or "")[:200], "claims": 1,
        })
    return rows


def aggregate_rows(rows: list[dict[str, Any]], limit: int = MAX_CHART_MARKS) -> list[dict[str, Any]]:
    """At most about `limit` marks: past it, one mark per originator and month (min low, median best, max high)."""
    if len(rows) <= limit:
        return rows
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault((row["originator"] or "", str(row["date"])[:7], row.get("measure") or ""), []).append(row)
    out = []
    for (originator, month, measure), members in sorted(groups.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        low, high = min(m["low"] for m in members), max(m["high"] for m in members)
        out.append({
            "date": max(m["date"] for m in members), "originator": originator, "measure": measure,
            "best": statistics.median(m["best"] for m in members), "low": low, "high": high,
            "interval": f"{low:,.0f} - {high:,.0f}", "place_code": None, "outlet": None, "claim_id": None,
            "quote": f"{len(members)} claims of {month}", "claims": len(members),
        })
    return out


def _band_rows(estimates: Sequence[Estimate]) -> list[dict[str, Any]]:
    rows = []
    for e in estimates:
        if not e.period_start or e.best is None:
            continue
        rows.append(_safe({
            "start": e.period_start, "end": e.period_end,
            "low": e.low if e.low is not None else e.best, "high": e.high if e.high is not None else e.best,
            "best": e.best, "conservative": e.conservative, "period": e.period, "method": e.method,
            "claims": len(e.claims),
        }))
    return rows


def timeline_spec(records: Iterable[Mapping[str, Any]] | Any, estimates: Sequence[Estimate] = (),
                  title: str | None = None) -> dict[str, Any]:
    """The Vega-Lite spec of the chart (layered: fused bands, claim intervals, claim bests).

    Altair builds the layers over named data and the rows go into the spec's `datasets` after:
    given the rows inline, Altair deep-copies and hashes every one of them."""
    import altair as alt

    claims = alt.Data(name="claims")
    x = alt.X("date:T", title="date (as of / end of period)")
    rules = alt.Chart(claims).mark_rule(strokeWidth=2).encode(
        x=x, y=alt.Y("low:Q", title="figure"), y2="high:Q",
        color=alt.Color("originator:N", title="originator", legend=alt.Legend(labelLimit=0)),  # full names
    )
    points = alt.Chart(claims).mark_point(filled=True, size=50).encode(
        x=x, y="best:Q", color="originator:N", shape=alt.Shape("measure:N", title="measure"),
        tooltip=["date:T", "originator:N", "best:Q", "interval:N", "measure:N", "place_code:N", "outlet:N",
                 "claim_id:N", "quote:N", "claims:Q"],
    )
    layers = [rules, points]
    # made XML-safe after aggregation: past MAX_CHART_MARKS claims that is a few hundred rows, not every claim
    datasets = {"claims": [_safe(row) for row in aggregate_rows(_claim_rows(records))]}
    bands = _band_rows(estimates)
    if bands:
        fused = alt.Data(name="bands")
        band = alt.Chart(fused).mark_rect(opacity=0.18, color="#4c78a8").encode(
            x="start:T", x2="end:T", y="low:Q", y2="high:Q",
            tooltip=["period:N", "low:Q", "best:Q", "high:Q", "conservative:Q", "claims:Q", "method:N"],
        )
        best = alt.Chart(fused).mark_rule(color="#4c78a8", strokeDash=[4, 3]).encode(
            x="start:T", x2="end:T", y="best:Q",
        )
        layers = [band, best, *layers]
        datasets["bands"] = bands
    # the spec is tollbook's own: Altair's schema validation is skipped
    spec = alt.layer(*layers).properties(title=xml_safe(title or "claims over time"), width=720, height=360) \
        .to_dict(validate=False)
    spec["datasets"] = datasets
    return spec


def save_chart(records: Iterable[Mapping[str, Any]] | Any, estimates: Sequence[Estimate], path: str | Path,
               title: str | None = None) -> Path:
    """Write the chart by extension: .html, .svg or .png (vl-convert, in a worker process), .json (the spec).

    Raises RenderError when the renderer fails; nothing else of the caller's is lost.
    """
    out = Path(path)
    suffix = out.suffix.lower()
    if suffix not in CHART_SUFFIXES:
        raise UsageError(f"{path}: a chart is written as {', '.join(CHART_SUFFIXES)}; change the file extension")
    spec = timeline_spec(records, estimates, title)
    if suffix == ".json":
        out.write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")
    elif suffix == ".html":
        import altair as alt

        alt.LayerChart.from_dict(spec, validate=False).save(str(out), format="html")
    else:
        from tollbook.reconcile.render import Renderer

        renderer = Renderer()
        try:
            out_format = "svg" if suffix == ".svg" else "png"
            rendered = renderer.render(json.dumps(spec), out_format)
            if suffix == ".svg":
                out.write_text(str(rendered), encoding="utf-8")
            else:
                out.write_bytes(bytes(rendered))
        finally:
            renderer.close()
    return out
