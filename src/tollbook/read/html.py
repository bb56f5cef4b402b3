"""HTML to text with trafilatura: the main text, its title and date from metadata.

Attribute values longer than `_LONG_ATTRIBUTE` characters (tracking data, inline styles,
embedded JSON) are emptied before parsing: they are never text, and the metadata's date
search runs its patterns over the whole page several times, so a page of 2 KB attributes
would cost mostly in reading them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tollbook import errors


@dataclass(frozen=True, slots=True)
class HtmlText:
    text: str
    title: str | None
    published: str | None
    url: str | None
    outlet: str | None


_LONG_ATTRIBUTE = 256
_LONG_VALUE = re.compile(r"(\s[\w:.-]+\s*=\s*)(?:\"[^\"<>]{%d,}\"|'[^'<>]{%d,}')" % (_LONG_ATTRIBUTE, _LONG_ATTRIBUTE))


def without_long_attributes(html: str) -> str:
    """The page with every attribute value over `_LONG_ATTRIBUTE` characters emptied: `data-x="..."` -> `data-x=""`."""
    return _LONG_VALUE.sub(r'\1""', html)


def looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head or ("<p>" in head and "</" in head) or "<body" in head


def html_to_text(name: str, html: str) -> HtmlText:
    """Main text and metadata; ReadError when nothing readable is left."""
    import trafilatura

    html = without_long_attributes(html)
    try:
        body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
        # extensive=False: htmldate's extensive search hands odd date-like strings to dateparser,
        # whose first call loads every locale (2-5 s for one 2 KB page). Meta tags, <time>,
        # JSON-LD and the URL still give the date of ordinary pages.
        meta = trafilatura.extract_metadata(html, extensive=False)
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise errors.unreadable(name, f"malformed HTML ({exc.__class__.__name__})") from exc
    if not body or not body.strip():
        raise errors.no_text(name)
    title = getattr(meta, "title", None) if meta else None
    date = getattr(meta, "date", None) if meta else None
    url = getattr(meta, "url", None) if meta else None
    outlet = getattr(meta, "sitename", None) if meta else None
    return HtmlText(text=body, title=title, published=date, url=url, outlet=outlet)
