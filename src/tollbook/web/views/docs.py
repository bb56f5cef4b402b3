"""The API's documentation, drawn from the OpenAPI spec on the server (nothing from a CDN), and the icon."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from tollbook.web.templating import HERE, render

router = APIRouter()


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


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def api_docs(request: Request) -> Response:
    return render(request, "api.html", operations=api_operations(request.app.openapi()))


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    return Response((HERE / "static" / "favicon.svg").read_bytes(), media_type="image/svg+xml",
                    headers={"cache-control": "max-age=86400"})
