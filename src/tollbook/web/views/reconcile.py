"""Series, timelines (with their chart) and findings: reconciliation across the ledger, and JSON twins."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.exceptions import HTTPException

from tollbook.evidence import passage
from tollbook.reconcile.chart import MAX_CHART_MARKS
from tollbook.ledger import Ledger
from tollbook.web.params import (
    PAGE_SIZE, BadRequest, Paging, link, page_of, parse_paging, text_param, timeline_params,
)
from tollbook.web.present import csv_response, error_svg, plain, records_of
from tollbook.web.templating import render
from tollbook.web.views.claims import filter_choices

log = logging.getLogger("tollbook.web")
router = APIRouter()


def all_findings(ledger: Ledger, kind: str | None = None) -> list[Any]:
    from tollbook.reconcile import find_findings

    return find_findings(ledger.claims(), kinds=[kind] if kind else None)


def finding_evidence(ledger: Ledger, findings: Sequence[Any]) -> list[dict[str, Any]]:
    """Findings as dicts, each span with its claim's headline and its sentence split around the value."""
    claims = {c["claim_id"]: c for c in records_of(ledger.claims())} if findings else {}
    texts: dict[str, str] = {}

    def text_of(doc_id: str | None) -> str:
        if doc_id and doc_id not in texts:
            rows = records_of(ledger.documents(doc_id=doc_id, with_text=True))
            texts[doc_id] = rows[0]["text"] if rows else ""
        return texts.get(doc_id or "", "")

    out = []
    for finding in findings:
        # A span is the first appearance of one independent claim; `claims` also lists
        # the other appearances (reprints), shown as links after the passages.
        at = {(claims[c]["doc_id"], claims[c]["start"], claims[c]["end"]): c for c in finding.claims if c in claims}
        evidence = []
        for span in finding.spans:
            claim_id = at.get((span.doc_id, span.start, span.end))
            evidence.append({"claim_id": claim_id, "claim": claims.get(claim_id) if claim_id else None,
                             "passage": passage(text_of(span.doc_id), span.start or 0, span.end or 0, span.quote)})
        shown = {e["claim_id"] for e in evidence}
        record = finding.to_dict()
        record["evidence"] = evidence
        record["also"] = [claims.get(c) or {"claim_id": c} for c in finding.claims if c not in shown]
        out.append(record)
    return out


def series_rows(ledger: Ledger) -> list[dict[str, Any]]:
    from tollbook.reconcile import build_series, find_findings

    records = ledger.claims()
    found = Counter(f.series for f in find_findings(records))
    return [{**s.to_dict(), "findings": found.get(s.key.label, 0)} for s in build_series(records)]


@dataclass(frozen=True, slots=True)
class Timeline:
    records: list[dict[str, Any]]
    estimates: list[Any]


def timeline_of(ledger: Ledger, actor: str, measure: str, place: str | None, period: str) -> Timeline:
    from tollbook.reconcile import fuse, series_of

    records = series_of(ledger.claims(actor=actor, measure=measure), actor=actor, measure=measure,
                        place_code=place.upper() if place else None)
    records.sort(key=lambda r: (r.get("as_of") or "", r.get("originator") or ""))
    estimates = sorted(fuse(records, period=period), key=lambda e: (e.period_start or "", e.key.place_code or ""))
    return Timeline(records, estimates)


def timeline_svg(renderer: Any, timeline: Timeline, title: str) -> str:
    """The timeline chart (tollbook.reconcile.chart) rendered to SVG in the renderer's worker process."""
    from tollbook.reconcile.chart import timeline_chart

    return str(renderer.render(timeline_chart(timeline.records, timeline.estimates, title).to_json(), "svg"))


SERIES_COLUMNS = ("series", "actor", "measure", "unit", "place_code", "place", "parent", "claims", "appearances",
                  "appearance_groups", "originators", "originator_names", "first_date", "last_date", "findings")
FINDING_COLUMNS = ("finding_id", "kind", "severity", "series", "rule", "claims", "detail")


def paged(request: Request, rows: list[Any]) -> tuple[list[Any], Paging, bool]:
    """One page of an in-memory list, by the request's page and size."""
    problems: list[str] = []
    paging = parse_paging(dict(request.query_params), problems)
    if problems:
        raise BadRequest(problems)
    page, more = page_of(rows, paging)
    return page, paging, more


@router.get("/series", response_class=HTMLResponse, include_in_schema=False)
def series_page(request: Request) -> Response:
    rows = series_rows(request.app.state.ledger)
    page, paging, more = paged(request, rows)
    return render(request, "series.html", rows=page, total=len(rows), paging=paging, more=more)


@router.get("/series.{fmt}", include_in_schema=False)
def series_twin(request: Request, fmt: str) -> Any:
    page, paging, more = paged(request, series_rows(request.app.state.ledger))
    return twin(fmt, page, SERIES_COLUMNS, "series", paging, more, request)


@router.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
def timeline_page(request: Request) -> Response:
    ledger = request.app.state.ledger
    actor, measure, place, period, problems = timeline_params(dict(request.query_params))
    choices = filter_choices(ledger)
    if problems or not (actor and measure):
        return render(request, "timeline.html", 422 if problems else 200, problems=problems, actor=actor,
                      measure=measure, place=place, period=period, choices=choices, timeline=None)
    timeline = timeline_of(ledger, actor, measure, place, period)
    chart_link = link("/timeline/chart.svg", {"actor": actor, "measure": measure, "place": place, "period": period})
    rows, paging, more = paged(request, timeline.records)
    return render(request, "timeline.html", actor=actor, measure=measure, place=place, period=period,
                  choices=choices, timeline=timeline, chart_link=chart_link, problems=[], rows=rows, paging=paging,
                  more=more, aggregated=len(timeline.records) > MAX_CHART_MARKS)


@router.get("/timeline/chart.svg", include_in_schema=False)
def timeline_chart_svg(request: Request) -> Response:
    from tollbook.reconcile.render import RenderError

    actor, measure, place, period, problems = timeline_params(dict(request.query_params))
    if not (actor and measure):
        problems.append("actor and measure are both needed for a chart")
    if problems:
        raise BadRequest(problems)
    timeline = timeline_of(request.app.state.ledger, actor, measure, place, period)
    title = f"{actor}: {measure}{' in ' + place if place else ''}"
    try:
        return Response(timeline_svg(request.app.state.renderer, timeline, title), media_type="image/svg+xml")
    except RenderError as exc:
        log.warning("chart %s: %s", request.url.path, exc)
        return Response(error_svg(f"No chart: {exc}"), status_code=500, media_type="image/svg+xml")


@router.get("/findings", response_class=HTMLResponse, include_in_schema=False)
def findings_page(request: Request) -> Response:
    from tollbook.reconcile import FINDING_KINDS

    ledger = request.app.state.ledger
    params = dict(request.query_params)
    kind, series = text_param(params, "kind"), text_param(params, "series")
    if kind and kind not in FINDING_KINDS:
        raise BadRequest([f"kind: {kind!r} is not one of {', '.join(FINDING_KINDS)}"])
    found = [f for f in all_findings(ledger, kind) if series is None or f.series == series]
    page, paging, more = paged(request, found)
    return render(request, "findings.html", findings=finding_evidence(ledger, page), kind=kind, series=series,
                  kinds=FINDING_KINDS, counts=Counter(f.kind for f in found), total=len(found), paging=paging,
                  more=more)


@router.get("/findings.{fmt}", include_in_schema=False)
def findings_twin(request: Request, fmt: str) -> Any:
    params = dict(request.query_params)
    kind, series = text_param(params, "kind"), text_param(params, "series")
    found = [f.to_dict() for f in all_findings(request.app.state.ledger, kind)
             if series is None or f.series == series]
    page, paging, more = paged(request, found)
    return twin(fmt, page, FINDING_COLUMNS, "findings", paging, more, request)


@router.get("/findings/{finding_id}", response_class=HTMLResponse, include_in_schema=False)
def finding_view(request: Request, finding_id: str) -> Response:
    """One finding at a stable address: the same rule over the same claims keeps its id."""
    from tollbook.reconcile import FINDING_KINDS

    ledger = request.app.state.ledger
    found = [f for f in all_findings(ledger) if f.finding_id == finding_id]
    if not found:
        raise HTTPException(404, f"No finding {finding_id!r} in this ledger now; findings change as claims are "
                                 "added. See the findings page.")
    return render(request, "findings.html", findings=finding_evidence(ledger, found), kind=None, series=None,
                  kinds=FINDING_KINDS, counts=Counter(f.kind for f in found), total=1,
                  paging=Paging(1, PAGE_SIZE), more=False, single=True)


def twin(fmt: str, rows: list[dict[str, Any]], columns: tuple[str, ...], name: str, paging: Paging, more: bool,
         request: Request) -> Any:
    """The CSV or JSON twin of an in-memory list page."""
    if fmt == "csv":
        return csv_response(rows, columns, f"{name}.csv")
    if fmt != "json":
        raise HTTPException(404, f"There is no {name}.{fmt}; use {name}.csv or {name}.json.")
    nxt = link(request.url.path, {**dict(request.query_params), "page": paging.page + 1}) if more else None
    return {"page": paging.page, "size": paging.size, name: [{k: plain(v) for k, v in r.items()} for r in rows],
            "next": nxt}


@router.get("/api/series", tags=["reconcile"])
def api_series(request: Request) -> list[dict[str, Any]]:
    """Every series (actor, measure, unit, place) with its claims, appearances, originators and findings."""
    return series_rows(request.app.state.ledger)


@router.get("/api/timeline", tags=["reconcile"])
def api_timeline(request: Request, actor: str, measure: str, place: str | None = None,
                 period: str = "month") -> dict[str, Any]:
    """The claims of one series over time and the fused estimate per period."""
    actor_, measure_, place_, period_, problems = timeline_params(dict(request.query_params))
    if problems:
        raise BadRequest(problems)
    timeline = timeline_of(request.app.state.ledger, actor_ or actor, measure_ or measure, place_, period_)
    return {"claims": [{k: plain(v) for k, v in r.items()} for r in timeline.records],
            "estimates": [e.to_dict() for e in timeline.estimates]}


@router.get("/api/findings", tags=["reconcile"])
def api_findings(request: Request, kind: str | None = None) -> list[dict[str, Any]]:
    """Every reconciliation finding, most severe first; `kind` keeps one kind."""
    from tollbook.reconcile import FINDING_KINDS

    if kind and kind not in FINDING_KINDS:
        raise BadRequest([f"kind: {kind!r} is not one of {', '.join(FINDING_KINDS)}"])
    return [f.to_dict() for f in all_findings(request.app.state.ledger, kind)]
