"""RSS and Atom feeds in: one document per entry.

Each entry's title, link and date come from the feed; its text is the entry's
content (or, failing that, its summary) turned from HTML into text. The feed's own
title is the outlet unless --outlet says otherwise. An entry with no text is
reported as `FILE#N` and skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

from tollbook.errors import ReadError
from tollbook.model import Document
from tollbook.read import make_document
from tollbook.read.decode import raw_hash
from tollbook.read.html import html_to_text, looks_like_html

_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


def looks_like_feed(data: bytes) -> bool:
    """True when the first kilobytes hold an RSS, Atom or RDF root element."""
    head = data[:4096].lower()
    return any(marker in head for marker in _FEED_MARKERS)


def read_feed(name: str, data: bytes, *, published: str | None = None,
              outlet: str | None = None) -> Iterator[Document | ReadError]:
    """One Document or ReadError per entry; a file that is no feed is one ReadError."""
    import feedparser

    if not data.strip():
        yield ReadError(name, "is empty; nothing to read")
        return
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None)
        why = f" ({reason})" if reason else ""
        yield ReadError(name, f"is not an RSS or Atom feed with entries{why}; check the file or give it a .txt/.html name")
        return
    feed_outlet = outlet or (feed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{name}#{number}"
        try:
            yield _entry_document(where, entry, published=published, outlet=feed_outlet)
        except ReadError as exc:
            yield exc


def _entry_document(where: str, entry, *, published: str | None, outlet: str | None) -> Document:
    body = ""
    if entry.get("content"):
        body = max((c.get("value") or "" for c in entry.content), key=len)
    body = body or entry.get("summary") or ""
    if not body.strip():
        raise ReadError(where, "has no content or summary text")
    title = (entry.get("title") or "").strip() or None
    raw = body.encode("utf-8")  # the entry's own bytes, not the whole feed's
    if looks_like_html(body) or "<" in body:
        body = html_to_text(where, _as_page(body, title)).text
    entry_date = _entry_date(entry)
    chosen = published or entry_date
    return make_document(
        body, title=title, url=entry.get("link"), outlet=outlet, published=chosen,
        published_from="argument" if published else ("metadata" if chosen else None),
        path=where, raw_sha256=raw_hash(raw),
    )


def _as_page(fragment: str, title: str | None) -> str:
    """Wrap an entry's HTML fragment as a page, so the HTML reader treats it like an article."""
    head = f"<title>{title}</title>" if title else ""
    return f"<html><head>{head}</head><body><article>{fragment}</article></body></html>"


def _entry_date(entry) -> str | None:
    """The entry's published (else updated) time as an ISO UTC datetime; feedparser normalises to UTC."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat()
