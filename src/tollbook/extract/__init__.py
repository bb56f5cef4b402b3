"""Claims out of documents: see pipeline.py for the stages."""

from __future__ import annotations

from typing import Any

__all__ = ["extract_document"]


def __getattr__(name: str) -> Any:
    # The pipeline loads its lexicons on import; commands that only read the ledger
    # (`tollbook claims`) import this package through `tollbook` and should not pay for that.
    if name == "extract_document":
        from tollbook.extract.pipeline import extract_document

        return extract_document
    raise AttributeError(f"module 'tollbook.extract' has no attribute {name!r}")
