"""The web UI and JSON API over one ledger: `create_app(db_url)`.

Pages are plain server-rendered HTML (Jinja2, one CSS file, no JavaScript) so they
work offline, print well and can be read by a screen reader; every page has a JSON
twin under /api/. The pages live in `views/`, one module per page type; each route is
a few lines over the library a notebook user calls: `Ledger.claims/documents/claim/
appearances`, `tollbook.reconcile` and `tollbook.check`.

Errors follow the CLI's rule: the reader gets one sentence saying what to change
(422 for a bad filter, 404 for an unknown id), never a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from tollbook.errors import TollbookError
from tollbook.ledger import open_ledger
from tollbook.web.guard import DEFAULT_MAX_BODY, LOCAL_HOSTS, RequestGuard
from tollbook.web.params import BadRequest
from tollbook.web.templating import HERE, error_page, make_templates
from tollbook.web.views import check, claims, docs, documents, reconcile

log = logging.getLogger("tollbook.web")


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
    app.add_middleware(RequestGuard, max_body=max_body)  # outermost: headers on every answer, the host check's too
    app.state.ledger = ledger
    app.state.renderer = renderer
    app.state.templates = make_templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for view in (claims, documents, reconcile, check, docs):
        app.include_router(view.router)

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

    return app
