"""Expand the PATHs of a batch and send each file to the reader for its kind.

A directory is walked recursively, keeping the files that match an --include glob
(default: every kind tollbook reads) and no --exclude glob; hidden files and
folders and `NAME.meta.json` sidecars are skipped. A file named on the command
line is always read, whatever its name. Globs match the file name or its path
relative to the directory walked ("*.html", "2024/*/*.txt").
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from fnmatch import fnmatch
from pathlib import Path

from tollbook import errors
from tollbook.errors import ReadError
from tollbook.model import Document
from tollbook.read import DEFAULT_MAX_BYTES, read_bytes, read_paths
from tollbook.read.feeds import looks_like_feed, read_feed
from tollbook.read.jsonl import read_json_bytes, read_jsonl_file, read_jsonl_lines

DEFAULT_INCLUDE: tuple[str, ...] = ("*.txt", "*.html", "*.htm", "*.xml", "*.rss", "*.atom", "*.jsonl", "*.ndjson", "*.json")
SIDECAR_SUFFIX = ".meta.json"


def expand_paths(paths: Iterable[str], include: Sequence[str] | None = None,
                 exclude: Sequence[str] | None = None) -> Iterator[str | ReadError]:
    """Files to read, in a stable order; a missing path becomes a ReadError."""
    include = tuple(include or DEFAULT_INCLUDE)
    exclude = tuple(exclude or ())
    for path in paths:
        if path == "-":
            yield path
            continue
        p = Path(path)
        if p.is_dir():
            yield from _walk(p, include, exclude)
        elif p.exists():
            yield path
        else:
            yield errors.unreadable(path, "no such file or directory")


def _walk(root: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[str]:
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
                continue
            full = Path(folder, name)
            rel = full.relative_to(root).as_posix()
            if _matches(name, rel, include) and not _matches(name, rel, exclude):
                yield str(full)


def _matches(name: str, rel: str, globs: tuple[str, ...]) -> bool:
    return any(fnmatch(name, g) or fnmatch(rel, g) for g in globs)


def read_inputs(paths: Iterable[str], *, published: str | None = None, outlet: str | None = None,
                include: Sequence[str] | None = None, exclude: Sequence[str] | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | ReadError]:
    """Every Document in PATHs (a feed or JSON Lines file gives many), or a ReadError per failure."""
    for item in expand_paths(paths, include, exclude):
        if isinstance(item, ReadError):
            yield item
        else:
            yield from read_file(item, published=published, outlet=outlet, max_bytes=max_bytes)


def read_file(path: str, *, published: str | None = None, outlet: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | ReadError]:
    """Route one file by its suffix (and, for .xml, by whether it is a feed); stdin by what it holds.

    A file over `max_bytes` (--max-bytes) is refused whatever its kind."""
    if path == "-":
        yield from _read_stdin(published=published, outlet=outlet, max_bytes=max_bytes)
        return
    try:
        size = Path(path).stat().st_size
    except OSError:
        size = 0  # the reader below reports why the file cannot be read
    if size > max_bytes:
        yield errors.too_large(path, size, max_bytes)
        return
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from read_jsonl_file(path, published=published, outlet=outlet)
        return
    if suffix in (".json", ".rss", ".atom", ".xml"):
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            yield errors.unreadable(path, exc.strerror or str(exc))
            return
        if suffix == ".json":
            yield from read_json_bytes(path, data, published=published, outlet=outlet)
            return
        if suffix != ".xml" or looks_like_feed(data):
            yield from read_feed(path, data, published=published, outlet=outlet)
            return
    yield from read_paths([path], published=published, outlet=outlet, max_bytes=max_bytes)


def _read_stdin(*, published: str | None = None, outlet: str | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | ReadError]:
    """Standard input: JSON Lines records when its first line is a JSON object, else one text or HTML document."""
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield errors.too_large("<stdin>", len(data), max_bytes)
        return
    first = data.lstrip()[:1]
    if first == b"{":
        yield from read_jsonl_lines("<stdin>", data.splitlines(), published=published, outlet=outlet)
        return
    if first == b"<" and looks_like_feed(data):
        yield from read_feed("<stdin>", data, published=published, outlet=outlet)
        return
    try:
        yield read_bytes("<stdin>", data, published=published, outlet=outlet, max_bytes=max_bytes)
    except ReadError as exc:
        yield exc
