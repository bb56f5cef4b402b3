"""HTML to text with trafilatura: the main text, its title and date from metadata."""

from __future__ import annotations

from dataclasses import dataclass

from tollbook import errors


@dataclass(frozen=True, slots=True)
class HtmlText:
    text: str
    title: str | None
    published: str | None
    url: str | None
    outlet: str | None


def looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head or ("<p>" in head and "</" in head) or "<body" in head


def html_to_text(name: str, html: str) -> HtmlText:
    """Main text and metadata; ReadError when nothing readable is left."""
    import trafilatura

    try:
        body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
        meta = trafilatura.extract_metadata(html)
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise errors.unreadable(name, f"malformed HTML ({exc.__class__.__name__})") from exc
    if not body or not body.strip():
        raise errors.no_text(name)
    title = getattr(meta, "title", None) if meta else None
    date = getattr(meta, "date", None) if meta else None
    url = getattr(meta, "url", None) if meta else None
    outlet = getattr(meta, "sitename", None) if meta else None
    return HtmlText(text=body, title=title, published=date, url=url, outlet=outlet)
