"""Tell headline, summary and body apart in plain text.

Convention of news pages pasted as text: the first non-empty line is the headline;
a run of bullet lines, or the lines under a "Points of attention" / "Key points" /
"Summary" label, is the summary; everything else is body. A single short line that
reads like a headline inside the body (no final full stop) stays body: only the first
line is promoted, because a sub-heading is not the article's headline.
"""

from __future__ import annotations

import re

from tollbook.model import Section

_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013\u25aa\u25cf]|\d{1,2}[.)])\s+")
_SUMMARY_LABEL = re.compile(
    r"^\s*(points of attention|key points|key facts|summary|in brief|at a glance|highlights|what we know)\s*:?\s*$",
    re.IGNORECASE,
)


def find_sections(text: str, has_title_line: bool = True) -> tuple[tuple[int, int, Section], ...]:
    """Character ranges of each section, in order, covering the text."""
    spans: list[tuple[int, int, Section]] = []
    pos = 0
    seen_headline = not has_title_line
    in_summary = False
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line)
        pos = end
        stripped = line.strip()
        if not stripped:
            in_summary = False if in_summary and spans and spans[-1][2] == "summary" and not _BULLET.match(line) else in_summary
            _add(spans, start, end, spans[-1][2] if spans else "body")
            continue
        if not seen_headline:
            seen_headline = True
            _add(spans, start, end, "headline")
            continue
        if _SUMMARY_LABEL.match(stripped):
            in_summary = True
            _add(spans, start, end, "summary")
            continue
        if _BULLET.match(line) and (in_summary or _near_top(spans)):
            in_summary = True
            _add(spans, start, end, "summary")
            continue
        in_summary = False
        _add(spans, start, end, "body")
    return tuple(spans)


def _near_top(spans: list[tuple[int, int, Section]]) -> bool:
    """Bullets count as a summary only before the body has really started."""
    body_chars = sum(e - s for s, e, name in spans if name == "body")
    return body_chars < 600


def _add(spans: list[tuple[int, int, Section]], start: int, end: int, name: Section) -> None:
    if spans and spans[-1][2] == name and spans[-1][1] == start:
        spans[-1] = (spans[-1][0], end, name)
    else:
        spans.append((start, end, name))
