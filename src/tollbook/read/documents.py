"""Documents from text, bytes and paths: decode, strip HTML, split into sections.

`read_paths` yields a `Document` or a `ReadError` per input, so a batch goes on
past a bad file and the caller reports it with its name and reason.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from tollbook import errors
from tollbook.errors import ReadError
from tollbook.model import Document, document_id
from tollbook.read.decode import DEFAULT_MAX_BYTES, decode_bytes, raw_hash
from tollbook.read.html import html_to_text, looks_like_html
from tollbook.read.language import detect_language
from tollbook.read.sections import find_sections

__all__ = ["make_document", "read_bytes", "read_paths", "DEFAULT_MAX_BYTES"]


def make_document(text: str, *, title: str | None = None, url: str | None = None,
                  outlet: str | None = None, published: str | None = None,
                  published_from: str | None = None, path: str | None = None,
                  raw_sha256: str | None = None, language: str | None = None) -> Document:
    """A Document from text. With a separate `title`, the title becomes the first line; the
    language is detected (tollbook.read.language) unless given.

    The text is kept as given, line ends and all (CRLF, CR), so claim offsets index the
    caller's own string. Text read from a named source (`path`) may not hold a NUL."""
    if path is not None and "\x00" in text:
        raise errors.nul_byte(path, text.index("\x00"))
    if title and not text.lstrip().startswith(title.strip()):
        text = f"{title.strip()}\n{text}"
    return Document(
        doc_id=document_id(text), text=text, title=title or _first_line(text), url=url, outlet=outlet,
        published=published, published_from=published_from if published else None, path=path,
        raw_sha256=raw_sha256, sections=find_sections(text), language=language or detect_language(text),
    )


def read_bytes(name: str, data: bytes, *, published: str | None = None, outlet: str | None = None,
               title: str | None = None, url: str | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Decode, strip HTML when it is HTML, and split into sections."""
    text = decode_bytes(name, data, max_bytes)
    published_from = "argument" if published else None
    if looks_like_html(text):
        page = html_to_text(name, text)
        text, title = page.text, title or page.title
        url = url or page.url
        outlet = outlet or page.outlet
        if not published and page.published:
            published, published_from = page.published, "metadata"
    return make_document(text, title=title, url=url, outlet=outlet, published=published,
                         published_from=published_from, path=name, raw_sha256=raw_hash(data))


def read_paths(paths: Iterable[str], *, published: str | None = None, outlet: str | None = None,
               title: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | ReadError]:
    """One Document or ReadError per file ("-" is stdin); sidecar `NAME.meta.json` fills metadata."""
    for path in paths:
        try:
            if path == "-":
                data, name = sys.stdin.buffer.read(), "<stdin>"
                meta: dict = {}
            else:
                p = Path(path)
                if p.is_dir():
                    raise errors.unreadable(path, "is a directory (use `tollbook ingest`, which walks directories)")
                name = path
                data = p.read_bytes()
                meta = _sidecar(p)
            yield read_bytes(
                name, data, published=published or meta.get("published"), outlet=outlet or meta.get("outlet"),
                title=title or meta.get("title"), url=meta.get("url"), max_bytes=max_bytes,
            )
        except ReadError as exc:
            yield exc
        except OSError as exc:
            yield errors.unreadable(path, exc.strerror or str(exc))


def _sidecar(path: Path) -> dict:
    side = path.with_name(path.stem + ".meta.json")
    if side.is_file():
        try:
            return json.loads(side.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
    return {}


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return None
