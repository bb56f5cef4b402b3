"""Documents: the list, one document with its claims marked in the text, and their JSON twins."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.exceptions import HTTPException

from tollbook.errors import UsageError
from tollbook.ledger import Ledger
from tollbook.ledger.browse import document_page
from tollbook.ledger.queries import DOCUMENT_FRAME_COLUMNS
from tollbook.web.params import PAGE_SIZE, BadRequest, int_param, link, parse_paging, text_param
from tollbook.web.present import csv_response, marked_text, plain_rows, records_of
from tollbook.web.templating import render
from tollbook.web.views.claims import FINDINGS_SHOWN, appearances_of

router = APIRouter()


def one_document(ledger: Ledger, doc_id: str) -> dict[str, Any]:
    rows = records_of(ledger.documents(doc_id=doc_id, with_text=True))
    if not rows:
        raise HTTPException(404, f"No document {doc_id!r} in the ledger; find documents on the documents page.")
    return rows[0]


@dataclass(frozen=True, slots=True)
class DocumentListing:
    outlet: str | None
    size: int
    rows: list[dict[str, Any]]
    total: int
    next_cursor: str | None
    first: int


def document_listing(ledger: Ledger, params: Mapping[str, str]) -> DocumentListing:
    """The page of documents the parameters ask for; BadRequest naming each unusable parameter."""
    problems: list[str] = []
    paging = parse_paging(params, problems)
    at = int_param(params, "at", paging.offset + 1, 1, 10**12, problems)
    if problems:
        raise BadRequest(problems)
    outlet, cursor = text_param(params, "outlet"), text_param(params, "next")
    try:
        with ledger.engine.connect() as conn:
            page = document_page(conn, outlet=outlet, size=paging.size, cursor=cursor,
                                 offset=0 if cursor else paging.offset)
    except UsageError as exc:
        raise BadRequest([str(exc)]) from None
    rows = plain_rows(page.rows)
    return DocumentListing(outlet, paging.size, rows, page.total, page.next_cursor, at if cursor else paging.offset + 1)


def _next_link(listing: DocumentListing, path: str) -> str | None:
    if not listing.next_cursor:
        return None
    return link(path, {"outlet": listing.outlet, "size": listing.size if listing.size != PAGE_SIZE else None,
                       "next": listing.next_cursor, "at": listing.first + len(listing.rows)})


def _listing_json(listing: DocumentListing, path: str) -> dict[str, Any]:
    return {"total": listing.total, "first": listing.first, "size": listing.size, "documents": listing.rows,
            "next": _next_link(listing, path)}


@router.get("/documents", response_class=HTMLResponse, include_in_schema=False)
def documents_page(request: Request) -> Response:
    listing = document_listing(request.app.state.ledger, dict(request.query_params))
    here = {"outlet": listing.outlet, "size": listing.size if listing.size != PAGE_SIZE else None}
    links = {"next": _next_link(listing, "/documents"), "csv": link("/documents.csv", here),
             "json": link("/documents.json", here)}
    return render(request, "documents.html", listing=listing, outlet=listing.outlet, links=links)


@router.get("/documents.json", include_in_schema=False)
def documents_json(request: Request) -> dict[str, Any]:
    return _listing_json(document_listing(request.app.state.ledger, dict(request.query_params)), "/documents.json")


@router.get("/documents.csv", include_in_schema=False)
def documents_csv(request: Request) -> Response:
    listing = document_listing(request.app.state.ledger, dict(request.query_params))
    return csv_response(listing.rows, DOCUMENT_FRAME_COLUMNS, "documents.csv")


@router.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
def document_view(request: Request, doc_id: str) -> Response:
    ledger = request.app.state.ledger
    document = one_document(ledger, doc_id)
    from tollbook.reconcile.store import findings_of_document

    claims = records_of(ledger.claims(doc_id=doc_id))
    with ledger.engine.connect() as conn:
        findings = findings_of_document(conn, doc_id, limit=FINDINGS_SHOWN)
    return render(request, "document.html", document=document, claims=claims,
                  body=marked_text(document["text"], claims), appearances=appearances_of(ledger, doc_id),
                  findings=[f.to_dict() for f in findings], findings_cap=FINDINGS_SHOWN)


@router.get("/api/documents", tags=["documents"])
def api_documents(request: Request, outlet: str | None = None, next: str | None = None, page: int = 1,
                  size: int = PAGE_SIZE) -> dict[str, Any]:
    """Documents with their claim counts, oldest first, with the total; follow `next` for the following page."""
    return _listing_json(document_listing(request.app.state.ledger, dict(request.query_params)), "/api/documents")


@router.get("/api/documents/{doc_id}", tags=["documents"])
def api_document(request: Request, doc_id: str) -> dict[str, Any]:
    """One document with its text, claims and appearances."""
    ledger = request.app.state.ledger
    document = one_document(ledger, doc_id)
    document["claims_list"] = records_of(ledger.claims(doc_id=doc_id))
    document["appearances_list"] = appearances_of(ledger, doc_id)
    return document
