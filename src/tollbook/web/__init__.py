"""The web UI and JSON API over a ledger (`tollbook serve`).

    >>> from tollbook.web import create_app
    >>> app = create_app("tollbook.db")          # doctest: +SKIP
    >>> # uvicorn.run(app, host="127.0.0.1", port=8000)
"""

from __future__ import annotations

from tollbook.web.app import create_app

__all__ = ["create_app"]
