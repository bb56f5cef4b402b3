"""Documents: the list, one document with its claims marked in the text, and their JSON twins."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.exceptions import HTTPException

from tollbook.ledger import Ledger
from tollbook.web.params import PAGE_SIZE, BadRequest, link, page_of, parse_paging, text_param
from tollbook.web.present import marked_text, records_of
from tollbook.web.templating import render
from tollbook.web.views.claims import appearances_of

router = APIRouter()


def one_document(ledger: Ledger, doc_id: str) -> dict[str, Any]:
    rows = records_of(ledger.documents(doc_id=doc_id, with_text=True))
    if not rows:
        raise HTTPException(404, f"No document {doc_id!r} in the ledger; find documents on the documents page.")
    return rows[0]


@router.get("/documents", response_class=HTMLResponse, include_in_schema=False)
def documents_page(request: Request) -> Response:
    params = dict(request.query_params)
    problems: list[str] = []
    paging = parse_paging(params, problems)
    outlet = text_param(params, "outlet")
    if problems:
        raise BadRequest(problems)
    frame = request.app.state.ledger.documents(outlet=outlet, limit=paging.offset + paging.size + 1)
    rows, more = page_of(records_of(frame), paging)
    return render(request, "documents.html", rows=rows, paging=paging, more=more, outlet=outlet)


@router.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
def document_view(request: Request, doc_id: str) -> Response:
    ledger = request.app.state.ledger
    document = one_document(ledger, doc_id)
    claims = records_of(ledger.claims(doc_id=doc_id))
    return render(request, "document.html", document=document, claims=claims,
                  body=marked_text(document["text"], claims), appearances=appearances_of(ledger, doc_id))


@router.get("/api/documents", tags=["documents"])
def api_documents(request: Request, outlet: str | None = None, page: int = 1, size: int = PAGE_SIZE) -> dict[str, Any]:
    """Documents with their claim counts, oldest first."""
    problems: list[str] = []
    paging = parse_paging(dict(request.query_params), problems)
    if problems:
        raise BadRequest(problems)
    frame = request.app.state.ledger.documents(outlet=outlet, limit=paging.offset + paging.size + 1)
    rows, more = page_of(records_of(frame), paging)
    return {"page": paging.page, "size": paging.size, "documents": rows,
            "next": link("/api/documents", {"outlet": outlet, "page": paging.page + 1, "size": paging.size})
            if more else None}


@router.get("/api/documents/{doc_id}", tags=["documents"])
def api_document(request: Request, doc_id: str) -> dict[str, Any]:
    """One document with its text, claims and appearances."""
    ledger = request.app.state.ledger
    document = one_document(ledger, doc_id)
    document["claims_list"] = records_of(ledger.claims(doc_id=doc_id))
    document["appearances_list"] = appearances_of(ledger, doc_id)
    return document
