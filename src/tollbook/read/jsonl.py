"""JSON Lines (and JSON) records in: one document per record.

A record is an object `{"text", "url", "title", "outlet", "published"}`; only `text`
is required and it may be HTML. A bad line is reported as `FILE:LINE` with its
reason and skipped, so one broken record does not cost the rest of a dump.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from tollbook import errors
from tollbook.errors import ReadError
from tollbook.model import Document
from tollbook.read import make_document
from tollbook.read.decode import decode_bytes
from tollbook.read.html import html_to_text, looks_like_html


def read_jsonl_lines(name: str, lines: Iterable[bytes], *, published: str | None = None,
                     outlet: str | None = None) -> Iterator[Document | ReadError]:
    """One Document or ReadError per non-blank line; errors are named `FILE:LINE`."""
    for lineno, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError:
            yield ReadError(where, "is not UTF-8; JSON Lines files must be UTF-8")
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield ReadError(where, f"is not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        try:
            yield record_document(where, record, published=published, outlet=outlet)
        except ReadError as exc:
            yield exc


def read_jsonl_file(path: str, *, published: str | None = None,
                    outlet: str | None = None) -> Iterator[Document | ReadError]:
    """Stream a JSON Lines file line by line: a dump of any size reads in constant memory."""
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield errors.unreadable(path, exc.strerror or str(exc))
        return
    with handle:
        yield from read_jsonl_lines(path, handle, published=published, outlet=outlet)


def read_json_bytes(name: str, data: bytes, *, published: str | None = None,
                    outlet: str | None = None) -> Iterator[Document | ReadError]:
    """A `.json` file: one record, or a list of records (errors named `FILE[i]`)."""
    try:
        value = json.loads(decode_bytes(name, data))
    except ReadError as exc:
        yield exc
        return
    except ValueError as exc:
        yield ReadError(name, f"is not valid JSON ({exc})")
        return
    records = value if isinstance(value, list) else [value]
    for i, record in enumerate(records):
        where = f"{name}[{i}]" if isinstance(value, list) else name
        try:
            yield record_document(where, record, published=published, outlet=outlet)
        except ReadError as exc:
            yield exc


def record_document(where: str, record: Any, *, published: str | None = None,
                    outlet: str | None = None) -> Document:
    """A Document from one record; the --published/--outlet arguments win over the record's."""
    if not isinstance(record, dict):
        raise ReadError(where, f"is a JSON {type(record).__name__}, not an object with a \"text\" field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ReadError(where, "has no \"text\" field with text in it")
    title, url = _str(record, "title"), _str(record, "url")
    record_outlet, record_published = _str(record, "outlet"), _str(record, "published")
    if looks_like_html(text):
        page = html_to_text(where, text)
        text, title, url = page.text, title or page.title, url or page.url
        record_published = record_published or page.published
    chosen = published or record_published
    return make_document(
        text, title=title, url=url, outlet=outlet or record_outlet, published=chosen,
        published_from="argument" if published else ("metadata" if chosen else None), path=where,
    )


def _str(record: dict, key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    return str(value).strip() or None
