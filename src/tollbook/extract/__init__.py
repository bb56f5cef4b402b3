"""Claims out of documents: see pipeline.py for the stages."""

from __future__ import annotations

from tollbook.extract.pipeline import extract_document

__all__ = ["extract_document"]
