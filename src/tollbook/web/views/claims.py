"""Claims: the filtered list (the home page), one claim with its evidence, and their JSON twins."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.exceptions import HTTPException

from tollbook.errors import TollbookError, UsageError
from tollbook.evidence import passage
from tollbook.ledger import Ledger
from tollbook.ledger.browse import FacetValue, Sort, claim_facets, claim_page
from tollbook.ledger.queries import CLAIM_FRAME_COLUMNS
from tollbook.model import CLAIM_FIELDS
from tollbook.web.params import (
    PAGE_SIZE, BadRequest, ClaimQuery, Paging, int_param, link, parse_claim_query, parse_paging, text_param,
)
from tollbook.web.present import csv_response, plain, plain_rows, records_of
from tollbook.web.templating import render

router = APIRouter()


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


@dataclass(frozen=True, slots=True)
class Listing:
    """What the claims page, its JSON twin and its CSV twin show: one page under the filters."""

    query: ClaimQuery
    sort: Sort
    paging: Paging
    rows: list[dict[str, Any]]
    total: int
    next_cursor: str | None
    first: int  # the position of the first row shown, counting from 1
    facets: dict[str, list[FacetValue]]


def claim_listing(ledger: Ledger, params: Mapping[str, str], *, facets: bool = True) -> Listing:
    """The page of claims the parameters ask for; BadRequest naming each unusable parameter."""
    query, problems = parse_claim_query(params)
    paging = parse_paging(params, problems)
    at = int_param(params, "at", paging.offset + 1, 1, 10**12, problems)
    sort = Sort()
    try:
        sort = Sort.parse(text_param(params, "sort"))
    except TollbookError as exc:
        problems.append(str(exc))
    if problems:
        raise BadRequest(problems)
    cursor = text_param(params, "next")
    f = query.claim_filter()
    try:
        with ledger.engine.connect() as conn:
            page = claim_page(conn, f, sort=sort, size=paging.size, cursor=cursor,
                              offset=0 if cursor else paging.offset)
            counts = claim_facets(conn, f) if facets else {}
    except UsageError as exc:  # a search with nothing to find, a damaged cursor
        raise BadRequest([str(exc)]) from None
    rows = plain_rows(page.rows)
    return Listing(query, sort, paging, rows, page.total, page.next_cursor, at if cursor else paging.offset + 1,
                   counts)


def listing_links(listing: Listing, path: str) -> dict[str, str | None]:
    """The next page and the CSV/JSON twins of the page, keeping every parameter."""
    params = {**listing.query.filters(), "sort": str(listing.sort) if listing.sort != Sort() else None,
              "size": listing.paging.size if listing.paging.size != PAGE_SIZE else None}
    here = {**params, "next": None}
    nxt = None
    if listing.next_cursor:
        nxt = link(path, {**params, "next": listing.next_cursor, "at": listing.first + len(listing.rows)})
    return {"next": nxt, "csv": link(f"{path}.csv" if path != "/" else "/claims.csv", here),
            "json": link(f"{path}.json" if path != "/" else "/claims.json", here)}


def listing_json(listing: Listing, next_path: str) -> dict[str, Any]:
    nxt = None
    if listing.next_cursor:
        nxt = link(next_path, {**listing.query.filters(), "sort": str(listing.sort), "size": listing.paging.size,
                               "next": listing.next_cursor, "at": listing.first + len(listing.rows)})
    return {"total": listing.total, "first": listing.first, "page": listing.paging.page, "size": listing.paging.size,
            "sort": str(listing.sort), "claims": listing.rows, "next": nxt,
            "facets": {name: [{"value": v.value, "count": v.count} for v in values]
                       for name, values in listing.facets.items()}}


def one_claim(ledger: Ledger, claim_id: str) -> dict[str, Any]:
    record = ledger.claim(claim_id)
    if record is None:
        raise HTTPException(404, f"No claim {claim_id!r} in the ledger. Claim ids are 16 hexadecimal characters "
                                 "(a unique prefix of 6 or more will do); find them on the claims page.")
    return {key: plain(value) for key, value in record.items()}


def appearances_of(ledger: Ledger, doc_id: str) -> list[dict[str, Any]]:
    return records_of(ledger.appearances(doc_id))


def claim_field_names() -> tuple[str, ...]:
    return (*CLAIM_FIELDS, "extractor_version")


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def claims_page(request: Request) -> Response:
    ledger = request.app.state.ledger
    params = dict(request.query_params)
    try:
        listing = claim_listing(ledger, params)
    except BadRequest as exc:
        query, _ = parse_claim_query(params)
        return render(request, "claims.html", 422, query=query, listing=None, problems=exc.messages,
                      choices=filter_choices(ledger), filters=query.filters(), links={})
    return render(request, "claims.html", query=listing.query, listing=listing, problems=[],
                  choices=filter_choices(ledger), filters=listing.query.filters(), links=listing_links(listing, "/"),
                  sort=str(listing.sort))


@router.get("/claims.json", include_in_schema=False)
def claims_json(request: Request) -> dict[str, Any]:
    return listing_json(claim_listing(request.app.state.ledger, dict(request.query_params)), "/claims.json")


@router.get("/claims.csv", include_in_schema=False)
def claims_csv(request: Request) -> Response:
    """The page's claims as CSV, the ledger's claim columns in order."""
    listing = claim_listing(request.app.state.ledger, dict(request.query_params), facets=False)
    return csv_response(listing.rows, CLAIM_FRAME_COLUMNS, "claims.csv")


# The stored findings a claim or document page lists (the findings page has them all).
FINDINGS_SHOWN = 50


@router.get("/claims/{claim_id}", response_class=HTMLResponse, include_in_schema=False)
def claim_view(request: Request, claim_id: str) -> Response:
    ledger = request.app.state.ledger
    record = one_claim(ledger, claim_id)
    siblings = records_of(ledger.claims(doc_id=record["doc_id"]))
    derived = [c for c in siblings if c.get("derived_from") == record["claim_id"]]
    parent = next((c for c in siblings if c["claim_id"] == record.get("derived_from")), None)
    if record.get("derived_from") and parent is None:
        parent = ledger.claim(record["derived_from"])
    shown_fields = [(name, record.get(name)) for name in claim_field_names()]
    from tollbook.reconcile.store import findings_of_claims

    with ledger.engine.connect() as conn:
        findings = findings_of_claims(conn, [record["claim_id"]], limit=FINDINGS_SHOWN)
    return render(request, "claim.html", claim=record, fields=shown_fields,
                  evidence=passage(record.get("text") or "", record["start"], record["end"], record.get("quote")),
                  parent=parent, derived=derived, appearances=appearances_of(ledger, record["doc_id"]),
                  findings=[f.to_dict() for f in findings], findings_cap=FINDINGS_SHOWN)


@router.get("/api/claims", tags=["claims"])
def api_claims(request: Request, actor: str | None = None, measure: str | None = None,
               place: str | None = None, source: str | None = None, since: str | None = None,
               until: str | None = None, section: str | None = None, qualifier: str | None = None,
               outlet: str | None = None, q: str | None = None, sort: str | None = None,
               next: str | None = None, page: int = 1, size: int = PAGE_SIZE) -> dict[str, Any]:
    """Claims matching the filters (as on the claims page), with the total and facet counts; follow `next`
    for the following page (a keyset cursor: deep pages cost what the first costs). `q` searches the
    quotes (words, "phrases", or, -word); `sort` is a column name, '-' first for descending."""
    return listing_json(claim_listing(request.app.state.ledger, dict(request.query_params)), "/api/claims")


@router.get("/api/claims/{claim_id}", tags=["claims"])
def api_claim(request: Request, claim_id: str) -> dict[str, Any]:
    """One claim with its document's title, outlet, date and url (not its text) and the document's appearances."""
    ledger = request.app.state.ledger
    record = one_claim(ledger, claim_id)
    record.pop("text", None)
    record["appearances_list"] = appearances_of(ledger, record["doc_id"])
    return record
