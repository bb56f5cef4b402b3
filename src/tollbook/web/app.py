"""The web UI and JSON API over one ledger: `create_app(db_url)`.

Pages are plain server-rendered HTML (Jinja2, one CSS file, no JavaScript) so they
work offline, print well and can be read by a screen reader; every page has a JSON
twin under /api/. Each route is a few lines over the library a notebook user calls:
`Ledger.claims/documents/claim/appearances`, `tollbook.reconcile` and `tollbook.check`.

Errors follow the CLI's rule: the reader gets one sentence saying what to change
(422 for a bad filter, 404 for an unknown id), never a traceback.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from tollbook.errors import TollbookError
from tollbook.evidence import passage
from tollbook.ledger import Ledger, open_ledger
from tollbook.model import CLAIM_FIELDS, MEASURES, SECTIONS
from tollbook.safe_text import visible
from tollbook.web.guard import DEFAULT_MAX_BODY, LOCAL_HOSTS, RequestGuard

log = logging.getLogger("tollbook.web")

HERE = Path(__file__).parent
PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
MAX_CHECK_CHARS = 200_000  # a long article is ~30,000 characters; more is a paste gone wrong


class BadRequest(Exception):
    """Request parameters that cannot be used; each message names the field and the fix."""

    def __init__(self, messages: Sequence[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = list(messages)


# ---------------------------------------------------------------- filters


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """The claim filters a page or API call was given; empty form fields are None."""

    actor: str | None = None
    measure: str | None = None
    place: str | None = None
    source: str | None = None
    since: str | None = None
    until: str | None = None
    section: str | None = None

    def filters(self) -> dict[str, str]:
        """The filters in use, for `Ledger.claims(**...)` and for links."""
        return {k: v for k, v in asdict(self).items() if v}


FILTER_NAMES: tuple[str, ...] = tuple(f.name for f in fields(ClaimQuery))


def _text_param(params: Mapping[str, str], name: str) -> str | None:
    value = (params.get(name) or "").strip()
    return value or None


def _date_param(params: Mapping[str, str], name: str, problems: list[str]) -> str | None:
    value = _text_param(params, name)
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        problems.append(f"{name}: {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-01-24")
        return value


def _choice_param(params: Mapping[str, str], name: str, choices: Sequence[str], problems: list[str]) -> str | None:
    value = _text_param(params, name)
    if value is not None and value.lower() not in choices:
        problems.append(f"{name}: {value!r} is not one of {', '.join(choices)}")
        return value
    return value.lower() if value else None


def _int_param(params: Mapping[str, str], name: str, default: int, low: int, high: int,
               problems: list[str]) -> int:
    value = _text_param(params, name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        problems.append(f"{name}: {value!r} is not a whole number")
        return default
    if not low <= number <= high:
        problems.append(f"{name}: {number} is out of range; give {low} to {high}")
        return default
    return number


def parse_claim_query(params: Mapping[str, str]) -> tuple[ClaimQuery, list[str]]:
    """The filters from query parameters, and one message per unusable value."""
    problems: list[str] = []
    query = ClaimQuery(
        actor=_text_param(params, "actor"),
        measure=_choice_param(params, "measure", MEASURES, problems),
        place=_text_param(params, "place"),
        source=_text_param(params, "source"),
        since=_date_param(params, "since", problems),
        until=_date_param(params, "until", problems),
        section=_choice_param(params, "section", SECTIONS, problems),
    )
    if not problems and query.since and query.until and query.since > query.until:
        problems.append(f"since {query.since} is after until {query.until}; swap them")
    return query, problems


@dataclass(frozen=True, slots=True)
class Paging:
    page: int
    size: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size


def parse_paging(params: Mapping[str, str], problems: list[str]) -> Paging:
    return Paging(page=_int_param(params, "page", 1, 1, 1_000_000, problems),
                  size=_int_param(params, "size", PAGE_SIZE, 1, MAX_PAGE_SIZE, problems))


def page_of(rows_upto: list[dict[str, Any]], paging: Paging) -> tuple[list[dict[str, Any]], bool]:
    """The rows of one page from the first offset+size+1 rows, and whether a next page exists."""
    rows = rows_upto[paging.offset:paging.offset + paging.size + 1]
    return rows[:paging.size], len(rows) > paging.size


def link(path: str, params: Mapping[str, Any]) -> str:
    """`path` with the non-empty parameters as a query string."""
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return f"{path}?{urlencode(kept)}" if kept else path


# ---------------------------------------------------------------- presenting numbers and passages


def fmt_number(value: Any) -> str:
    """4000.0 -> '4,000'; 0.45 -> '0.45'; 3666.67 -> 'about 3,700'; None -> '' (an open bound is shown by `interval`).

    A count of people that is not whole comes from arithmetic (a quarter of an estimate): it is
    shown as a person would say it, to two significant figures, never as '3,666.67'.
    """
    if value is None:
        return ""
    number = float(value)
    if number.is_integer():
        return f"{number:,.0f}"
    if abs(number) >= 10:
        return f"about {float(f'{number:.2g}'):,.0f}"
    return f"{number:,.2f}".rstrip("0").rstrip(".")


def interval(record: Mapping[str, Any]) -> str:
    """The value interval as a reader says it: '3,600 – 4,400', 'more than 7,000', 'up to 450'."""
    low, best, high = record.get("low"), record.get("best"), record.get("high")
    if low is None and high is None:
        return fmt_number(best) or "unknown"
    if low is None:
        return f"up to {fmt_number(high)}"
    if high is None:
        return f"{fmt_number(low)} or more"
    if low == high:
        return fmt_number(low)
    return f"{fmt_number(low)} – {fmt_number(high)}"


PLAIN_QUALIFIERS = frozenset({"exact", "more_than", "at_least", "at_most", "less_than"})  # `interval` says these


def qualifier_note(record: Mapping[str, Any]) -> str:
    """What `interval` leaves unsaid: '' for the open-sided and exact qualifiers, else the qualifier."""
    qualifier = record.get("qualifier") or ""
    return "" if qualifier in PLAIN_QUALIFIERS else qualifier.replace("_", " ")


def claim_headline(record: Mapping[str, Any]) -> str:
    """One line naming a claim: '4,000 casualties: North Korean forces, Kursk (UK Ministry of Defence)'."""
    what = " ".join(x for x in (fmt_number(record.get("best")), record.get("measure") or "figure") if x)
    unit = record.get("unit")
    if unit and unit != "personnel":
        what += f" ({unit})"
    scope = ", ".join(x for x in (record.get("actor"), record.get("place")) if x)
    line = f"{what}: {scope}" if scope else what
    source = record.get("source")
    return f"{line} ({source})" if source else line


def marked_text(text: str, claims: Sequence[Mapping[str, Any]]) -> Markup:
    """The whole text, HTML-escaped, with each claim's value in a <mark> linking to the claim.

    Claims whose spans overlap an earlier one (two measures read from one phrase)
    share its mark; the title of the mark lists them all.
    """
    spans: list[tuple[int, int, list[Mapping[str, Any]]]] = []
    for claim in sorted(claims, key=lambda c: (c["start"], -c["end"])):
        start, end = int(claim["start"]), int(claim["end"])
        if not 0 <= start < end <= len(text):
            continue
        if spans and start < spans[-1][1]:
            spans[-1][2].append(claim)
            continue
        spans.append((start, end, [claim]))
    out: list[str] = []
    at = 0
    for start, end, group in spans:
        out.append(str(escape(visible(text[at:start]))))
        first = group[0]
        title = "; ".join(claim_headline(c) for c in group)
        out.append(f'<a class="claim-link" href="/claims/{escape(first["claim_id"])}" title="{escape(visible(title))}">'
                   f'<mark id="c-{escape(first["claim_id"])}">{escape(visible(text[start:end]))}</mark></a>')
        at = end
    out.append(str(escape(visible(text[at:]))))
    return Markup("".join(out))


def isolated(value: Any) -> Markup:
    """User text (an outlet, a title) in a <bdi>, controls shown: it cannot reorder the words around it."""
    return Markup(f"<bdi>{escape(visible(str(value)))}</bdi>") if value not in (None, "") else Markup("")


def file_name(value: Any) -> str:
    """A document's ingest path as its file name only: the server's folders are not the reader's business."""
    return Path(str(value)).name if value else ""


def _finalize(value: Any) -> Any:
    """Every {{ value }} a template prints: controls and bidi overrides shown as marks (Markup kept as Markup)."""
    if isinstance(value, Markup):
        return Markup(visible(str(value)))
    return visible(value) if isinstance(value, str) else value


def web_url(value: Any) -> str | None:
    """The URL when it is http(s); a stored 'javascript:' or file path is never made a link."""
    return value if isinstance(value, str) and value.lower().startswith(("http://", "https://")) else None


def _plain(value: Any) -> Any:
    from tollbook.ledger.exports import plain

    return plain(value)


def records_of(frame: Any) -> list[dict[str, Any]]:
    """Ledger frame rows as plain JSON-able dicts."""
    from tollbook.ledger.exports import frame_records

    return frame_records(frame)


# ---------------------------------------------------------------- reading the ledger


@dataclass(frozen=True, slots=True)
class FilterChoices:
    """Stored values offered in the filter form's suggestion lists."""

    actors: list[str]
    places: list[str]
    sources: list[str]


def filter_choices(ledger: Ledger) -> FilterChoices:
    from tollbook.ledger.queries import distinct_values
    from tollbook.ledger.schema import claims

    with ledger.engine.connect() as conn:
        places = distinct_values(conn, claims.c.place) + distinct_values(conn, claims.c.place_code)
        return FilterChoices(actors=distinct_values(conn, claims.c.actor), places=places,
                             sources=distinct_values(conn, claims.c.source))


def claim_page(ledger: Ledger, query: ClaimQuery, paging: Paging) -> tuple[list[dict[str, Any]], bool]:
    """One page of claims and whether there is a next one."""
    frame = ledger.claims(**query.filters(), limit=paging.offset + paging.size + 1)
    return page_of(records_of(frame), paging)


def one_claim(ledger: Ledger, claim_id: str) -> dict[str, Any]:
    record = ledger.claim(claim_id)
    if record is None:
        raise HTTPException(404, f"No claim {claim_id!r} in the ledger. Claim ids are 16 hexadecimal characters "
                                 "(a unique prefix of 6 or more will do); find them on the claims page.")
    return {key: _plain(value) for key, value in record.items()}


def one_document(ledger: Ledger, doc_id: str) -> dict[str, Any]:
    rows = records_of(ledger.documents(doc_id=doc_id, with_text=True))
    if not rows:
        raise HTTPException(404, f"No document {doc_id!r} in the ledger; find documents on the documents page.")
    return rows[0]


def appearances_of(ledger: Ledger, doc_id: str) -> list[dict[str, Any]]:
    return records_of(ledger.appearances(doc_id))


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


def error_svg(message: str) -> str:
    """A small SVG that says why the chart is missing (shown where the chart would be)."""
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="720" height="60" role="img">'
            f'<text x="10" y="35" font-family="sans-serif" font-size="14">{escape(message)}</text></svg>')


def check_findings(text: str, published: str | None, outlet: str | None) -> tuple[Any, list[Any]]:
    """The document made from pasted text and its headline-vs-body findings."""
    from tollbook.check import check_document
    from tollbook.read import make_document

    doc = make_document(text, outlet=outlet, published=published,
                        published_from="argument" if published else None)
    return doc, check_document(doc)


def finding_view(doc_text: str, finding: Any) -> dict[str, Any]:
    """A check finding with both passages split around their values, for side-by-side display."""
    def side(claim: Any) -> dict[str, Any]:
        record = claim.to_dict()
        return {"claim": record, "passage": passage(doc_text, claim.start, claim.end, claim.quote)}

    return {"rule": finding.rule, "severity": finding.severity, "explanation": finding.explanation,
            "headline": side(finding.headline_claim), "body": [side(c) for c in finding.body_claims]}


# ---------------------------------------------------------------- the app


class CheckRequest(BaseModel):
    """POST /api/check: one report, its first line the headline."""

    text: str = Field(min_length=1, max_length=MAX_CHECK_CHARS, description="The report; first line the headline.")
    published: date | None = Field(None, description="Publication date; relative times are resolved against it.")
    outlet: str | None = Field(None, description="The outlet, last link of every attribution chain.")


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _readable_validation(exc: RequestValidationError) -> list[str]:
    messages = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("query", "body", "path"))
        messages.append(f"{where or 'request'}: {error.get('msg', 'invalid value')}")
    return messages


def create_app(db_url: str | None = None, *, allowed_hosts: Sequence[str] = (),
               max_body: int = DEFAULT_MAX_BODY) -> FastAPI:
    """The web app over the ledger at `db_url` (SQLite path or postgresql:// URL; None: $TOLLBOOK_DB or tollbook.db).

    The ledger is opened here, so a bad URL fails at once with a LedgerError
    rather than on the first request. Requests whose Host is not a local name or
    one of `allowed_hosts` get 400 (DNS rebinding); bodies over `max_body` bytes get 413.
    """
    from tollbook.reconcile.render import Renderer

    ledger = open_ledger(db_url)
    renderer = Renderer()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        renderer.close()
        ledger.close()

    app = FastAPI(title="tollbook", summary="A ledger of checkable numbers from conflict and disaster reporting.",
                  lifespan=lifespan, docs_url=None, redoc_url=None)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=[*LOCAL_HOSTS, *allowed_hosts])
    app.add_middleware(RequestGuard, max_body=max_body)  # outermost: runs before the host check
    app.state.ledger = ledger
    app.state.renderer = renderer
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    env = templates.env
    env.finalize = _finalize
    env.filters["bdi"] = isolated
    env.filters["file_name"] = file_name
    env.filters["num"] = fmt_number
    env.filters["interval"] = interval
    env.filters["headline"] = claim_headline
    env.filters["qualifier_note"] = qualifier_note
    env.filters["web_url"] = web_url
    env.filters["day"] = lambda v: (v or "")[:10]
    env.globals["link"] = link
    env.globals["dict"] = dict
    env.globals["MEASURES"] = MEASURES
    env.globals["SECTIONS"] = SECTIONS

    def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status_code)

    def error_page(request: Request, status: int, title: str, messages: Sequence[str]) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": list(messages)}, status_code=status)
        return page(request, "error.html", status, title=title, messages=list(messages), code=status)

    # ------------------------------------------------------------ errors

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 404:
            detail = exc.detail if exc.detail != "Not Found" else f"There is no page at {request.url.path}."
            return error_page(request, 404, "Not found", [detail])
        return error_page(request, exc.status_code, "Request not possible", [str(exc.detail)])

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return error_page(request, 422, "Check the values given", _readable_validation(exc))

    @app.exception_handler(BadRequest)
    async def bad_request(request: Request, exc: BadRequest) -> Response:
        return error_page(request, 422, "Check the values given", exc.messages)

    @app.exception_handler(TollbookError)
    async def tollbook_error(request: Request, exc: TollbookError) -> Response:
        return error_page(request, 422, "Check the values given", [str(exc)])

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s", request.url.path)
        return error_page(request, 500, "Something went wrong",
                          ["The server could not produce this page. The error is in the server's log; "
                           "please report it with the address of this page."])

    # ------------------------------------------------------------ pages

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def claims_page(request: Request) -> Response:
        params = dict(request.query_params)
        query, problems = parse_claim_query(params)
        paging = parse_paging(params, problems)
        rows, more = ([], False) if problems else claim_page(ledger, query, paging)
        status = 422 if problems else 200
        return page(request, "claims.html", status, query=query, rows=rows, paging=paging, more=more,
                    problems=problems, choices=filter_choices(ledger), filters=query.filters())

    @app.get("/claims/{claim_id}", response_class=HTMLResponse, include_in_schema=False)
    def claim_page_view(request: Request, claim_id: str) -> Response:
        record = one_claim(ledger, claim_id)
        siblings = records_of(ledger.claims(doc_id=record["doc_id"]))
        derived = [c for c in siblings if c.get("derived_from") == record["claim_id"]]
        parent = next((c for c in siblings if c["claim_id"] == record.get("derived_from")), None)
        if record.get("derived_from") and parent is None:
            parent = ledger.claim(record["derived_from"])
        shown_fields = [(name, record.get(name)) for name in _claim_field_names()]
        return page(request, "claim.html", claim=record, fields=shown_fields,
                    evidence=passage(record.get("text") or "", record["start"], record["end"], record.get("quote")),
                    parent=parent, derived=derived, appearances=appearances_of(ledger, record["doc_id"]))

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents_page(request: Request) -> Response:
        params = dict(request.query_params)
        problems: list[str] = []
        paging = parse_paging(params, problems)
        outlet = _text_param(params, "outlet")
        if problems:
            raise BadRequest(problems)
        frame = ledger.documents(outlet=outlet, limit=paging.offset + paging.size + 1)
        rows, more = page_of(records_of(frame), paging)
        return page(request, "documents.html", rows=rows, paging=paging, more=more, outlet=outlet)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: str) -> Response:
        document = one_document(ledger, doc_id)
        claims = records_of(ledger.claims(doc_id=doc_id))
        return page(request, "document.html", document=document, claims=claims,
                    body=marked_text(document["text"], claims), appearances=appearances_of(ledger, doc_id))

    @app.get("/series", response_class=HTMLResponse, include_in_schema=False)
    def series_page(request: Request) -> Response:
        return page(request, "series.html", rows=series_rows(ledger))

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request) -> Response:
        params = dict(request.query_params)
        actor, measure, place, period, problems = _timeline_params(params)
        choices = filter_choices(ledger)
        if problems or not (actor and measure):
            return page(request, "timeline.html", 422 if problems else 200, problems=problems, actor=actor,
                        measure=measure, place=place, period=period, choices=choices, timeline=None)
        timeline = timeline_of(ledger, actor, measure, place, period)
        chart_link = link("/timeline/chart.svg", {"actor": actor, "measure": measure, "place": place,
                                                 "period": period})
        return page(request, "timeline.html", actor=actor, measure=measure, place=place, period=period,
                    choices=choices, timeline=timeline, chart_link=chart_link, problems=[])

    @app.get("/timeline/chart.svg", include_in_schema=False)
    def timeline_chart_svg(request: Request) -> Response:
        actor, measure, place, period, problems = _timeline_params(dict(request.query_params))
        if not (actor and measure):
            problems.append("actor and measure are both needed for a chart")
        if problems:
            raise BadRequest(problems)
        timeline = timeline_of(ledger, actor, measure, place, period)
        title = f"{actor}: {measure}{' in ' + place if place else ''}"
        from tollbook.reconcile.render import RenderError

        try:
            return Response(timeline_svg(renderer, timeline, title), media_type="image/svg+xml")
        except RenderError as exc:
            log.warning("chart %s: %s", request.url.path, exc)
            return Response(error_svg(f"No chart: {exc}"), status_code=500, media_type="image/svg+xml")

    @app.get("/findings", response_class=HTMLResponse, include_in_schema=False)
    def findings_page(request: Request) -> Response:
        from tollbook.reconcile import FINDING_KINDS

        params = dict(request.query_params)
        kind, series = _text_param(params, "kind"), _text_param(params, "series")
        if kind and kind not in FINDING_KINDS:
            raise BadRequest([f"kind: {kind!r} is not one of {', '.join(FINDING_KINDS)}"])
        found = [f for f in all_findings(ledger, kind) if series is None or f.series == series]
        return page(request, "findings.html", findings=finding_evidence(ledger, found), kind=kind, series=series,
                    kinds=FINDING_KINDS, counts=Counter(f.kind for f in found))

    @app.get("/check", response_class=HTMLResponse, include_in_schema=False)
    def check_form(request: Request) -> Response:
        doc_id = _text_param(dict(request.query_params), "doc_id")
        if doc_id is None:
            return page(request, "check.html", text="", published="", outlet="", results=None, problems=[])
        document = one_document(ledger, doc_id)
        return _check_response(request, document["text"], document.get("published") or "",
                               document.get("outlet") or "")

    @app.post("/check", response_class=HTMLResponse, include_in_schema=False)
    async def check_submit(request: Request) -> Response:
        # The form is urlencoded (no file upload), so it is parsed here rather than
        # through python-multipart.
        form = {k: v[-1] for k, v in parse_qs((await request.body()).decode("utf-8", "replace")).items()}
        return _check_response(request, form.get("text", ""), form.get("published", "").strip(),
                               form.get("outlet", "").strip())

    def _check_response(request: Request, text: str, published: str, outlet: str) -> Response:
        problems = []
        if not text.strip():
            problems.append("text: paste a report, its first line the headline")
        if len(text) > MAX_CHECK_CHARS:
            problems.append(f"text: {len(text):,} characters is over the {MAX_CHECK_CHARS:,}-character limit")
            text = ""  # never echoed back
        if published:
            try:
                published = date.fromisoformat(published[:10]).isoformat()
            except ValueError:
                problems.append(f"published: {published!r} is not a date; write it as YYYY-MM-DD")
        if problems:
            return page(request, "check.html", 422, text=text, published=published, outlet=outlet,
                        results=None, problems=problems)
        doc, found = check_findings(text, published or None, outlet or None)
        return page(request, "check.html", text=text, published=published, outlet=outlet, problems=[],
                    results=[finding_view(doc.text, f) for f in found])

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> Response:
        return page(request, "api.html", operations=api_operations(app.openapi()))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response((HERE / "static" / "favicon.svg").read_bytes(), media_type="image/svg+xml",
                        headers={"cache-control": "max-age=86400"})

    # ------------------------------------------------------------ JSON API

    @app.get("/api/claims", tags=["claims"])
    def api_claims(request: Request, actor: str | None = None, measure: str | None = None,
                   place: str | None = None, source: str | None = None, since: str | None = None,
                   until: str | None = None, section: str | None = None, page: int = 1,
                   size: int = PAGE_SIZE) -> dict[str, Any]:
        """Claims matching the filters (the same as the claims page), oldest document first, one page at a time."""
        params = dict(request.query_params)
        query, problems = parse_claim_query(params)
        paging = parse_paging(params, problems)
        if problems:
            raise BadRequest(problems)
        rows, more = claim_page(ledger, query, paging)
        return {"page": paging.page, "size": paging.size, "claims": rows,
                "next": link("/api/claims", {**query.filters(), "page": paging.page + 1, "size": paging.size})
                if more else None}

    @app.get("/api/claims/{claim_id}", tags=["claims"])
    def api_claim(claim_id: str) -> dict[str, Any]:
        """One claim with its document's title, outlet, date and url (not its text) and the document's appearances."""
        record = one_claim(ledger, claim_id)
        record.pop("text", None)
        record["appearances_list"] = appearances_of(ledger, record["doc_id"])
        return record

    @app.get("/api/documents", tags=["documents"])
    def api_documents(request: Request, outlet: str | None = None, page: int = 1,
                      size: int = PAGE_SIZE) -> dict[str, Any]:
        """Documents with their claim counts, oldest first."""
        problems: list[str] = []
        paging = parse_paging(dict(request.query_params), problems)
        if problems:
            raise BadRequest(problems)
        rows, more = page_of(records_of(ledger.documents(outlet=outlet, limit=paging.offset + paging.size + 1)),
                             paging)
        return {"page": paging.page, "size": paging.size, "documents": rows,
                "next": link("/api/documents", {"outlet": outlet, "page": paging.page + 1, "size": paging.size})
                if more else None}

    @app.get("/api/documents/{doc_id}", tags=["documents"])
    def api_document(doc_id: str) -> dict[str, Any]:
        """One document with its text, claims and appearances."""
        document = one_document(ledger, doc_id)
        document["claims_list"] = records_of(ledger.claims(doc_id=doc_id))
        document["appearances_list"] = appearances_of(ledger, doc_id)
        return document

    @app.get("/api/series", tags=["reconcile"])
    def api_series() -> list[dict[str, Any]]:
        """Every series (actor, measure, unit, place) with its claims, appearances, originators and findings."""
        return series_rows(ledger)

    @app.get("/api/timeline", tags=["reconcile"])
    def api_timeline(request: Request, actor: str, measure: str, place: str | None = None,
                     period: str = "month") -> dict[str, Any]:
        """The claims of one series over time and the fused estimate per period."""
        actor_, measure_, place_, period_, problems = _timeline_params(dict(request.query_params))
        if problems:
            raise BadRequest(problems)
        timeline = timeline_of(ledger, actor_ or actor, measure_ or measure, place_, period_)
        return {"claims": [{k: _plain(v) for k, v in r.items()} for r in timeline.records],
                "estimates": [e.to_dict() for e in timeline.estimates]}

    @app.get("/api/findings", tags=["reconcile"])
    def api_findings(kind: str | None = None) -> list[dict[str, Any]]:
        """Every reconciliation finding, most severe first; `kind` keeps one kind."""
        from tollbook.reconcile import FINDING_KINDS

        if kind and kind not in FINDING_KINDS:
            raise BadRequest([f"kind: {kind!r} is not one of {', '.join(FINDING_KINDS)}"])
        return [f.to_dict() for f in all_findings(ledger, kind)]

    @app.post("/api/check", tags=["check"])
    def api_check(body: CheckRequest) -> dict[str, Any]:
        """Headline and summary checked against the body of one report."""
        _doc, found = check_findings(body.text, body.published.isoformat() if body.published else None,
                                     body.outlet)
        return {"findings": [f.to_dict() for f in found]}

    return app


def api_operations(spec: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The OpenAPI operations as rows for the offline /docs page: method, path, summary, parameters."""
    out = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p.get("name"), "where": p.get("in"), "required": p.get("required", False),
                       "type": (p.get("schema") or {}).get("type") or "string"}
                      for p in op.get("parameters", [])]
            body = ((op.get("requestBody") or {}).get("content") or {}).get("application/json", {}).get("schema", {})
            out.append({"method": method.upper(), "path": path, "summary": op.get("summary") or "",
                        "description": op.get("description") or "", "tags": op.get("tags") or [],
                        "parameters": params, "body": (body.get("$ref") or "").rsplit("/", 1)[-1]})
    return out


def _timeline_params(params: Mapping[str, str]) -> tuple[str | None, str | None, str | None, str, list[str]]:
    from tollbook.reconcile import PERIODS

    problems: list[str] = []
    actor = _text_param(params, "actor")
    measure = _choice_param(params, "measure", MEASURES, problems)
    place = _text_param(params, "place")
    period = _choice_param(params, "period", PERIODS, problems) or "month"
    return actor, measure, place, period, problems


def _claim_field_names() -> tuple[str, ...]:
    return (*CLAIM_FIELDS, "extractor_version")
