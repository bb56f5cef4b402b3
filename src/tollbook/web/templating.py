"""The page renderer: one Jinja environment with tollbook's filters, and `render` for every view."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates

from tollbook.model import MEASURES, SECTIONS
from tollbook.web import present
from tollbook.web.params import link

HERE = Path(__file__).parent


def make_templates() -> Jinja2Templates:
    """The templates with the presentation filters; every printed value goes through `present.finalize`."""
    templates = Jinja2Templates(directory=HERE / "templates")
    env = templates.env
    env.finalize = present.finalize
    env.filters.update({
        "bdi": present.isolated, "file_name": present.file_name, "num": present.fmt_number,
        "interval": present.interval, "headline": present.claim_headline, "qualifier_note": present.qualifier_note,
        "web_url": present.web_url, "day": lambda v: (v or "")[:10],
    })
    env.globals.update({"link": link, "dict": dict, "MEASURES": MEASURES, "SECTIONS": SECTIONS})
    return templates


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page from a template, with the app's environment."""
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status_code)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path.endswith(".json")


def error_page(request: Request, status: int, title: str, messages: Sequence[str]) -> Response:
    """The error as JSON for the API and .json twins, else a page; either way one sentence per problem."""
    if wants_json(request):
        return JSONResponse({"detail": list(messages)}, status_code=status)
    return render(request, "error.html", status, title=title, messages=list(messages), code=status)
