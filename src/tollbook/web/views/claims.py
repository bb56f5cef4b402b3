"""Claims: the filtered list (the home page), one claim with its evidence, and their JSON twins."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.exceptions import HTTPException

from tollbook.evidence import passage
from tollbook.ledger import Ledger
from tollbook.model import CLAIM_FIELDS
from tollbook.web.params import PAGE_SIZE, BadRequest, ClaimQuery, Paging, link, page_of, parse_claim_query, parse_paging
from tollbook.web.present import plain, records_of
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


def claim_page(ledger: Ledger, query: ClaimQuery, paging: Paging) -> tuple[list[dict[str, Any]], bool]:
    """One page of claims and whether there is a next one."""
    frame = ledger.claims(**query.filters(), limit=paging.offset + paging.size + 1)
    return page_of(records_of(frame), paging)


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
    query, problems = parse_claim_query(params)
    paging = parse_paging(params, problems)
    rows, more = ([], False) if problems else claim_page(ledger, query, paging)
    return render(request, "claims.html", 422 if problems else 200, query=query, rows=rows, paging=paging, more=more,
                  problems=problems, choices=filter_choices(ledger), filters=query.filters())


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
    return render(request, "claim.html", claim=record, fields=shown_fields,
                  evidence=passage(record.get("text") or "", record["start"], record["end"], record.get("quote")),
                  parent=parent, derived=derived, appearances=appearances_of(ledger, record["doc_id"]))


@router.get("/api/claims", tags=["claims"])
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
    rows, more = claim_page(request.app.state.ledger, query, paging)
    return {"page": paging.page, "size": paging.size, "claims": rows,
            "next": link("/api/claims", {**query.filters(), "page": paging.page + 1, "size": paging.size})
            if more else None}


@router.get("/api/claims/{claim_id}", tags=["claims"])
def api_claim(request: Request, claim_id: str) -> dict[str, Any]:
    """One claim with its document's title, outlet, date and url (not its text) and the document's appearances."""
    ledger = request.app.state.ledger
    record = one_claim(ledger, claim_id)
    record.pop("text", None)
    record["appearances_list"] = appearances_of(ledger, record["doc_id"])
    return record
