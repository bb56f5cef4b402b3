"""Check a report: headline and summary against the body, as a form and as POST /api/check."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from tollbook.evidence import passage
from tollbook.web.params import text_param
from tollbook.web.templating import render
from tollbook.web.views.documents import one_document

MAX_CHECK_CHARS = 200_000  # a long article is ~30,000 characters; more is a paste gone wrong
router = APIRouter()


class CheckRequest(BaseModel):
    """POST /api/check: one report, its first line the headline."""

    text: str = Field(min_length=1, max_length=MAX_CHECK_CHARS, description="The report; first line the headline.")
    published: date | None = Field(None, description="Publication date; relative times are resolved against it.")
    outlet: str | None = Field(None, description="The outlet, last link of every attribution chain.")


def check_findings(text: str, published: str | None, outlet: str | None) -> tuple[Any, list[Any]]:
    """The document made from pasted text and its headline-vs-body findings."""
    from tollbook.check import check_document
    from tollbook.read import make_document

    doc = make_document(text, outlet=outlet, published=published, published_from="argument" if published else None)
    return doc, check_document(doc)


def finding_view(doc_text: str, finding: Any) -> dict[str, Any]:
    """A check finding with both passages split around their values, for side-by-side display."""
    def side(claim: Any) -> dict[str, Any]:
        record = claim.to_dict()
        return {"claim": record, "passage": passage(doc_text, claim.start, claim.end, claim.quote)}

    return {"rule": finding.rule, "severity": finding.severity, "explanation": finding.explanation,
            "headline": side(finding.headline_claim), "body": [side(c) for c in finding.body_claims]}


def check_response(request: Request, text: str, published: str, outlet: str) -> Response:
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
        return render(request, "check.html", 422, text=text, published=published, outlet=outlet,
                      results=None, problems=problems)
    doc, found = check_findings(text, published or None, outlet or None)
    return render(request, "check.html", text=text, published=published, outlet=outlet, problems=[],
                  results=[finding_view(doc.text, f) for f in found])


@router.get("/check", response_class=HTMLResponse, include_in_schema=False)
def check_form(request: Request) -> Response:
    doc_id = text_param(dict(request.query_params), "doc_id")
    if doc_id is None:
        return render(request, "check.html", text="", published="", outlet="", results=None, problems=[])
    document = one_document(request.app.state.ledger, doc_id)
    return check_response(request, document["text"], document.get("published") or "", document.get("outlet") or "")


@router.post("/check", response_class=HTMLResponse, include_in_schema=False)
async def check_submit(request: Request) -> Response:
    # The form is urlencoded (no file upload), so it is parsed here rather than through python-multipart.
    form = {k: v[-1] for k, v in parse_qs((await request.body()).decode("utf-8", "replace")).items()}
    return check_response(request, form.get("text", ""), form.get("published", "").strip(),
                          form.get("outlet", "").strip())


@router.post("/api/check", tags=["check"])
def api_check(body: CheckRequest) -> dict[str, Any]:
    """Headline and summary checked against the body of one report."""
    _doc, found = check_findings(body.text, body.published.isoformat() if body.published else None, body.outlet)
    return {"findings": [f.to_dict() for f in found]}
