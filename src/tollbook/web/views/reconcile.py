"""Series, timelines (with their chart) and findings: reconciliation across the ledger, and JSON twins."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from tollbook.evidence import passage
from tollbook.reconcile.chart import MAX_CHART_MARKS
from tollbook.ledger import Ledger
from tollbook.web.params import (
    MAX_PAGE_SIZE, PAGE_SIZE, BadRequest, Paging, link, parse_paging, text_param, timeline_params,
)
from tollbook.web.present import csv_response, error_svg, plain_rows, records_of
from tollbook.web.templating import render
from tollbook.web.views.claims import filter_choices

if TYPE_CHECKING:
    from tollbook.reconcile.store import TimelineClaims

log = logging.getLogger("tollbook.web")
router = APIRouter()


def claims_by_id(ledger: Ledger, claim_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The claims with these ids as `Ledger.claims()` records (one indexed query, not the whole ledger)."""
    import pandas as pd

    from tollbook.ledger.queries import CLAIM_FRAME_COLUMNS
    from tollbook.reconcile.store import claim_rows_by_id

    if not claim_ids:
        return {}
    with ledger.engine.connect() as conn:
        rows = claim_rows_by_id(conn, claim_ids)
    frame = pd.DataFrame.from_records(rows, columns=list(CLAIM_FRAME_COLUMNS))
    frame["published_at"] = pd.to_datetime(frame["published_at"], utc=True)
    return {c["claim_id"]: c for c in records_of(frame)}


def document_texts(ledger: Ledger, doc_ids: Sequence[str]) -> dict[str, str]:
    """The texts of these documents by id, in one query: a page of findings cites a hundred documents,
    and a documents frame apiece took most of its time."""
    import sqlalchemy as sa

    from tollbook.ledger.schema import documents

    ids = list(dict.fromkeys(doc_ids))
    if not ids:
        return {}
    query = sa.select(documents.c.doc_id, documents.c.text).where(documents.c.doc_id.in_(ids))
    with ledger.engine.connect() as conn:
        return dict(conn.execute(query).all())


def finding_evidence(ledger: Ledger, findings: Sequence[Any]) -> list[dict[str, Any]]:
    """Findings as dicts, each span with its claim's headline and its sentence split around the value."""
    claims = claims_by_id(ledger, list(dict.fromkeys(c for f in findings for c in f.claims)))
    texts = document_texts(ledger, [span.doc_id for f in findings for span in f.spans if span.doc_id])

    def text_of(doc_id: str | None) -> str:
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


def requested_paging(request: Request) -> Paging:
    problems: list[str] = []
    paging = parse_paging(dict(request.query_params), problems)
    if problems:
        raise BadRequest(problems)
    return paging


def series_rows(ledger: Ledger, paging: Paging | None = None,
                rollup: str | None = None) -> tuple[list[dict[str, Any]], int, bool]:
    """Stored series (one page with `paging`, one more row asked for to know if a next page exists;
    with `rollup`, that roll-up's only), their total, and whether the stored tables describe the ledger yet."""
    from tollbook.reconcile.store import count_series, is_filled, stored_series

    only = [rollup] if rollup else None
    with ledger.engine.connect() as conn:
        if paging is None:
            rows = stored_series(conn, rollups=only)
        else:
            rows = stored_series(conn, limit=paging.size + 1, offset=paging.offset, rollups=only)
        return rows, count_series(conn, rollups=only), is_filled(conn)


@dataclass(frozen=True, slots=True)
class RollupGroup:
    """A roll-up as a page shows it: summed over all its series, and those of them on the page."""

    rollup: dict[str, Any]  # a `tollbook.reconcile.rollups` row over every series of the roll-up
    rows: list[dict[str, Any]]  # its series on this page, each with `depth` (2: a region under its country)
    before: int  # its series on earlier pages
    after: int  # its series on later pages


def rollup_groups(ledger: Ledger, rows: list[dict[str, Any]]) -> list[RollupGroup]:
    """A page of series rows (in `stored_series` order, so a roll-up's series are side by side) under
    their roll-ups. A roll-up's counts are over all its series, those on other pages too."""
    from tollbook.reconcile import rollups
    from tollbook.reconcile.series import rollup_depth
    from tollbook.reconcile.store import stored_series

    if not rows:
        return []
    with ledger.engine.connect() as conn:
        whole = {r["rollup"]: r for r in rollups(stored_series(conn, rollups=[row["rollup"] for row in rows]))}
    runs: list[tuple[str, list[dict[str, Any]]]] = []
    for row in rows:
        if not runs or runs[-1][0] != row["rollup"]:
            runs.append((row["rollup"], []))
        runs[-1][1].append(row)
    groups = []
    for label, members in runs:
        # the series stored when the page was read; a refresh in between leaves the page's own
        summed = whole.get(label) or rollups(members)[0]
        children = summed["children"]
        first, last = members[0]["series"], members[-1]["series"]
        before = children.index(first) if first in children else 0
        after = len(children) - children.index(last) - 1 if last in children else 0
        groups.append(RollupGroup(summed, [{**m, "depth": rollup_depth(m, children)} for m in members],
                                  before, after))
    return groups


def stored_page(ledger: Ledger, kind: str | None, series: str | None,
                paging: Paging | None) -> tuple[list[Any], int, bool]:
    """Stored findings (a page with `paging`, plus one row to tell if more follow), their total
    and whether the stored tables describe the ledger yet."""
    from tollbook.reconcile.store import count_findings, is_filled, stored_findings

    with ledger.engine.connect() as conn:
        if paging is None:
            found = stored_findings(conn, kind=kind, series_label=series)
        else:
            found = stored_findings(conn, kind=kind, series_label=series, limit=paging.size + 1,
                                    offset=paging.offset)
        return found, count_findings(conn, kind=kind, series_label=series), is_filled(conn)


# What the chart reads of a timeline's claims, and what a fusion reads where the estimates are
# not stored: the other columns of 10,000 claims cost about as much to read and convert as grouping them.
CHART_COLUMNS = ("claim_id", "measure", "place_code", "low", "best", "high", "date_end", "source", "quote",
                 "published_at", "outlet")
FUSION_COLUMNS = ("claim_id", "doc_id", "actor", "measure", "unit", "place_code", "low", "best", "high", "qualifier",
                  "date_start", "date_end", "source", "sources", "published_at", "outlet", "cluster_id", "appearances",
                  # what tells a figure listed beside an estimate (tollbook.reconcile.fusion.set_aside)
                  "modality", "fraction", "derived_from")


@dataclass(frozen=True, slots=True)
class Timeline:
    which: TimelineClaims  # the conditions that select its claims
    total: int  # how many claims
    estimates: list[Any]
    records: list[dict[str, Any]] | None = None  # every claim by date (the columns read), when read


def timeline_of(ledger: Ledger, actor: str, measure: str, place: str | None, period: str, *,
                with_records: bool = False) -> Timeline:
    """One series' claim count and fused estimates, and with `with_records` (the chart) every claim
    by date. The estimates are read as stored (`tollbook reconcile` and ingest store them), so a
    10,000-claim timeline costs a count and a few hundred rows; where none are stored for the actor
    and measure, its claims are read and fused here. A page of the claims is `timeline_rows`."""
    from tollbook.ledger.browse import claim_records
    from tollbook.reconcile import fuse
    from tollbook.reconcile.series import group_normalised, normalise_records
    from tollbook.reconcile.store import count_timeline_claims, stored_estimates, timeline_claims, timeline_query

    records = None
    with ledger.engine.connect() as conn:
        which = timeline_claims(conn, actor, measure, place.upper() if place else None)
        found = stored_estimates(conn, which, period)
        if with_records or found is None:
            wanted = (CHART_COLUMNS if with_records else ()) + (FUSION_COLUMNS if found is None else ())
            records = normalise_records(claim_records(conn, timeline_query(conn, which, dict.fromkeys(wanted))))
        total = len(records) if records is not None else count_timeline_claims(conn, which)
    if found is None:
        groups = group_normalised(records or [])
        found = fuse(groups, period=period) if groups else []
    estimates = sorted(found, key=lambda e: (e.period_start or "", e.key.place_code or ""))
    return Timeline(which, total, estimates, records)


def timeline_rows(ledger: Ledger, timeline: Timeline, paging: Paging) -> tuple[list[dict[str, Any]], bool]:
    """One page of a timeline's claims by date, every column (as `Ledger.claims()` rows, normalised), and
    whether a next page exists. The database sorts the ids alone and skips to the page, then reads
    that page's rows whole, so the last page of 10,000 claims costs about what the first does."""
    from tollbook.reconcile.series import normalise_records
    from tollbook.reconcile.store import claim_rows_by_id, timeline_query

    with ledger.engine.connect() as conn:
        ids = list(conn.execute(timeline_query(conn, timeline.which, ("claim_id",))
                                .limit(paging.size + 1).offset(paging.offset)).scalars())
        rows = {r["claim_id"]: r for r in normalise_records(claim_rows_by_id(conn, ids))}
    window = [rows[claim_id] for claim_id in ids]
    return window[:paging.size], len(window) > paging.size


def timeline_svg(renderer: Any, timeline: Timeline, title: str) -> str:
    """The timeline chart (tollbook.reconcile.chart) rendered to SVG in the renderer's worker process."""
    from tollbook.reconcile.chart import timeline_spec

    spec = json.dumps(timeline_spec(timeline.records or [], timeline.estimates, title))
    return str(renderer.render(spec, "svg"))


SERIES_COLUMNS = ("series", "actor", "measure", "unit", "place_code", "place", "parent", "claims", "appearances",
                  "appearance_groups", "originators", "originator_names", "first_date", "last_date", "findings",
                  "family", "rollup")
FINDING_COLUMNS = ("finding_id", "kind", "severity", "series", "rule", "claims", "detail")


def requested_rollup(request: Request) -> str | None:
    """The `rollup` a series list is narrowed to: a label such as 'North Korean forces | losses | personnel'."""
    return text_param(dict(request.query_params), "rollup")


@router.get("/series", response_class=HTMLResponse, include_in_schema=False)
def series_page(request: Request) -> Response:
    paging = requested_paging(request)
    rollup = requested_rollup(request)
    ledger = request.app.state.ledger
    rows, total, filled = series_rows(ledger, paging, rollup)
    return render(request, "series.html", groups=rollup_groups(ledger, rows[:paging.size]), rows=rows[:paging.size],
                  total=total, paging=paging, more=len(rows) > paging.size, filled=filled, rollup=rollup)


@router.get("/series.{fmt}", include_in_schema=False)
def series_twin(request: Request, fmt: str) -> Any:
    paging = requested_paging(request)
    rows, _, _ = series_rows(request.app.state.ledger, paging, requested_rollup(request))
    return twin(fmt, rows[:paging.size], SERIES_COLUMNS, "series", paging, len(rows) > paging.size, request)


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
    paging = requested_paging(request)
    rows, more = timeline_rows(ledger, timeline, paging)
    return render(request, "timeline.html", actor=actor, measure=measure, place=place, period=period,
                  choices=choices, timeline=timeline, chart_link=chart_link, problems=[], rows=rows, paging=paging,
                  more=more, aggregated=timeline.total > MAX_CHART_MARKS)


@router.get("/timeline/chart.svg", include_in_schema=False)
def timeline_chart_svg(request: Request) -> Response:
    from tollbook.reconcile.render import RenderError

    actor, measure, place, period, problems = timeline_params(dict(request.query_params))
    if not (actor and measure):
        problems.append("actor and measure are both needed for a chart")
    if problems:
        raise BadRequest(problems)
    timeline = timeline_of(request.app.state.ledger, actor, measure, place, period, with_records=True)
    title = f"{actor}: {measure}{' in ' + place if place else ''}"
    try:
        return Response(timeline_svg(request.app.state.renderer, timeline, title), media_type="image/svg+xml")
    except RenderError as exc:
        log.warning("chart %s: %s", request.url.path, exc)
        return Response(error_svg(f"No chart: {exc}"), status_code=500, media_type="image/svg+xml")


def _finding_filters(request: Request) -> tuple[str | None, str | None]:
    from tollbook.reconcile import FINDING_KINDS

    params = dict(request.query_params)
    kind, series = text_param(params, "kind"), text_param(params, "series")
    if kind and kind not in FINDING_KINDS:
        raise BadRequest([f"kind: {kind!r} is not one of {', '.join(FINDING_KINDS)}"])
    return kind, series


@router.get("/findings", response_class=HTMLResponse, include_in_schema=False)
def findings_page(request: Request) -> Response:
    from tollbook.reconcile import FINDING_KINDS

    ledger = request.app.state.ledger
    kind, series = _finding_filters(request)
    paging = requested_paging(request)
    found, total, filled = stored_page(ledger, kind, series, paging)
    return render(request, "findings.html", findings=finding_evidence(ledger, found[:paging.size]), kind=kind,
                  series=series, kinds=FINDING_KINDS, total=total, paging=paging,
                  more=len(found) > paging.size, filled=filled)


@router.get("/findings.{fmt}", include_in_schema=False)
def findings_twin(request: Request, fmt: str) -> Any:
    kind, series = _finding_filters(request)
    paging = requested_paging(request)
    found, _, _ = stored_page(request.app.state.ledger, kind, series, paging)
    return twin(fmt, [f.to_dict() for f in found[:paging.size]], FINDING_COLUMNS, "findings", paging,
                len(found) > paging.size, request)


@router.get("/findings/{finding_id}", response_class=HTMLResponse, include_in_schema=False)
def finding_view(request: Request, finding_id: str) -> Response:
    """One finding at a stable address: the same rule over the same claims keeps its id."""
    from tollbook.reconcile import FINDING_KINDS
    from tollbook.reconcile.store import stored_finding

    ledger = request.app.state.ledger
    with ledger.engine.connect() as conn:
        found = stored_finding(conn, finding_id)
    if found is None:
        raise HTTPException(404, f"No finding {finding_id!r} in this ledger now; findings change as claims are "
                                 "added. See the findings page.")
    return render(request, "findings.html", findings=finding_evidence(ledger, [found]), kind=None, series=None,
                  kinds=FINDING_KINDS, total=1,
                  paging=Paging(1, PAGE_SIZE), more=False, single=True, filled=True)


def twin(fmt: str, rows: list[dict[str, Any]], columns: tuple[str, ...], name: str, paging: Paging, more: bool,
         request: Request) -> Any:
    """The CSV or JSON twin of an in-memory list page."""
    if fmt == "csv":
        return csv_response(rows, columns, f"{name}.csv")
    if fmt != "json":
        raise HTTPException(404, f"There is no {name}.{fmt}; use {name}.csv or {name}.json.")
    nxt = link(request.url.path, {**dict(request.query_params), "page": paging.page + 1}) if more else None
    return {"page": paging.page, "size": paging.size, name: plain_rows(rows),
            "next": nxt}


@router.get("/api/series", tags=["reconcile"])
def api_series(request: Request, rollup: str | None = None) -> list[dict[str, Any]]:
    """Every series (actor, measure, unit, place) with its claims, appearances, originators and findings,
    as stored in the ledger (recomputed on ingest and by `tollbook reconcile`). Each names its measure
    `family` and its `rollup` (the actor's family over every place); `rollup` keeps that roll-up's series."""
    return series_rows(request.app.state.ledger, rollup=requested_rollup(request))[0]


@router.get("/api/rollups", tags=["reconcile"])
def api_rollups(request: Request) -> list[dict[str, Any]]:
    """Every roll-up: an actor's measure family (killed and casualties: losses) over every place, with its
    series' claims, appearances and findings summed, its originators counted once, its first and last
    date, and its series (`children`, a country before its regions)."""
    from tollbook.reconcile import rollups

    return rollups(series_rows(request.app.state.ledger)[0])


# The body is plain JSON data already, so it is sent as it is: FastAPI's serialisation of an
# untyped dict walked a timeline's megabyte of estimates again (0.15 s of a 10,000-claim answer).
@router.get("/api/timeline", tags=["reconcile"], response_model=dict[str, Any])
def api_timeline(request: Request, actor: str, measure: str, place: str | None = None,
                 period: str = "month", page: int = 1, size: int = MAX_PAGE_SIZE) -> Response:
    """The claims of one series over time, a page at a time (`total` and `next`), and every fused estimate per period."""
    actor_, measure_, place_, period_, problems = timeline_params(dict(request.query_params))
    if problems:
        raise BadRequest(problems)
    timeline = timeline_of(request.app.state.ledger, actor_ or actor, measure_ or measure, place_, period_)
    paging = parse_paging({"size": str(MAX_PAGE_SIZE), **dict(request.query_params)}, problems)
    if problems:
        raise BadRequest(problems)
    rows, more = timeline_rows(request.app.state.ledger, timeline, paging)
    nxt = link(request.url.path, {**dict(request.query_params), "page": paging.page + 1}) if more else None
    return JSONResponse({"total": timeline.total, "page": paging.page, "size": paging.size,
                         "claims": plain_rows(rows), "next": nxt,
                         "estimates": [e.to_dict() for e in timeline.estimates]})


@router.get("/api/findings", tags=["reconcile"])
def api_findings(request: Request, kind: str | None = None, page: int | None = None,
                 size: int | None = None) -> list[dict[str, Any]]:
    """Every reconciliation finding as stored in the ledger, most severe first; `kind` keeps one kind.
    With `page` or `size`, one page of them (as /findings.json, which also gives the next page's link)."""
    kind, _ = _finding_filters(request)
    paging = requested_paging(request) if page is not None or size is not None else None
    found = stored_page(request.app.state.ledger, kind, None, paging)[0]
    return [f.to_dict() for f in (found[:paging.size] if paging else found)]
