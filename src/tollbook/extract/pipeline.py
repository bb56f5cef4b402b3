"""Placeholder until the pipeline lands."""
from __future__ import annotations

from tollbook.model import Claim, Document

EXTRACTOR_VERSION = "0.1.0"


def extract_document(doc: Document) -> list[Claim]:
    return []
