"""The web UI and JSON API over a ledger (`tollbook serve`).

    >>> from tollbook.web import create_app
    >>> app = create_app("tollbook.db")          # doctest: +SKIP
    >>> # uvicorn.run(app, host="127.0.0.1", port=8000)

`create_app` is loaded on first use, so the CLI can read this package's settings
(`tollbook.web.guard`) without the [web] extra installed.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from tollbook.web.app import create_app

        return create_app
    raise AttributeError(name)
