"""What the fuzzer runs on each input, and what must hold for any input.

A target returns normally, raises `ReadError` (a reported, readable refusal) or raises
anything else, which is a crash. Beside not crashing, every claim must index the caller's
text, keep low <= best <= high, and serialise to strict JSON (no Infinity, no NaN).
"""

from __future__ import annotations

import importlib
import json
import math

import tollbook
from tollbook.errors import ReadError
from tollbook.model import Claim, Document

_pipeline = importlib.import_module("tollbook.extract.pipeline")
_rules = importlib.import_module("tollbook.check.rules")


class Violation(AssertionError):
    """A claim broke a property that holds for any text."""


def check_claims(text: str, claims: list[Claim]) -> None:
    for c in claims:
        if not 0 <= c.start < c.end <= len(text):
            raise Violation(f"span {c.start}:{c.end} outside a text of {len(text)} characters")
        values = [v for v in (c.low, c.best, c.high) if v is not None]
        if any(not math.isfinite(v) for v in values):
            raise Violation(f"a value is not finite: {c.low}, {c.best}, {c.high}")
        if values != sorted(values):
            raise Violation(f"low <= best <= high does not hold: {c.low}, {c.best}, {c.high}")
        json.dumps(c.to_dict(), allow_nan=False)


def extract_text(text: str, published: str | None = None) -> int:
    """`tollbook.extract` on a text (read with English rules: random text is no language), then
    `check` on its claims; the number of claims."""
    claims = tollbook.extract(text, published=published, language="en")
    check_claims(text, claims)
    return len(claims)


def _documents(items) -> int:
    n = 0
    for item in items:
        if isinstance(item, ReadError):
            continue
        n += _document(item)
    return n


def _document(doc: Document) -> int:
    try:
        claims = _pipeline.extract_document(doc)
    except _pipeline.UnsupportedLanguage:
        return 0  # detected as a language with no package: named and not read, as the commands do
    check_claims(doc.text, claims)
    _rules.check_document(doc, claims)
    return len(claims)


def read_file(name: str, data: bytes) -> int:
    """The file reader (decoding, HTML, sections), extraction and check on its document."""
    from tollbook.read import read_bytes

    try:
        return _document(read_bytes(name, data, published="2025-01-27"))
    except ReadError:
        return 0


def read_feed(data: bytes) -> int:
    from tollbook.read.feeds import read_feed as read

    return _documents(read("fuzz.xml", data))


def read_jsonl(data: bytes) -> int:
    from tollbook.read.jsonl import read_jsonl_lines

    return _documents(read_jsonl_lines("fuzz.jsonl", data.splitlines()))
