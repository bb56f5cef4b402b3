"""Tell headline, summary and body apart in plain text.

Pages pasted as text put the headline first, or put a standfirst (a long lede that
ends with a full stop) and a block of key points above it. So: the first short line
without final punctuation near the top is the headline; a long first line is a
standfirst (summary); bullet lines at the top or under a "Key points" / "Points of
attention" / "Summary" label are summary; a repeat of the headline near the top (pages print their
title twice) is the headline; everything else is body. Sub-headings
further down stay body: an article has one headline.
"""

from __future__ import annotations

import re

from tollbook.lang import CURRENT as en
from tollbook.model import Section

_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013\u25aa\u25cf]|\d{1,2}[.)])\s+")
_TALLY = re.compile(r"^\s*(?:[-*\u2022\u2013]\s*)?[A-Za-z][\w ,/()'-]{1,60}?\s*[—–:-]+\s*(?:about\s+)?\d")
_HEADLINE_MAX = 160
_TOP_BODY_CHARS = 400


def _headline_like(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= _HEADLINE_MAX and not s.endswith((".", ":", ";", ",")) and not _BULLET.match(line)


def find_sections(text: str) -> tuple[tuple[int, int, Section], ...]:
    """Character ranges of each section, in order, covering the text."""
    spans: list[tuple[int, int, Section]] = []
    pos = 0
    headline_found = False
    headline = ""  # its words, to know the page's repeat of it
    body_chars = 0
    in_summary = False
    first = True
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line)
        pos = end
        if body_chars >= _TOP_BODY_CHARS and not in_summary and spans[-1][2] == "body":
            # past the top and out of any list of key points: a label, a bullet or a headline no longer
            # changes the section, so every line from here on is body (a wire report's hundred lines are one span)
            spans[-1] = (spans[-1][0], len(text), "body")
            break
        stripped = line.strip()
        if not stripped:
            _add(spans, start, end, spans[-1][2] if spans else "body")
            continue
        near_top = body_chars < _TOP_BODY_CHARS
        if first:
            first = False
            if _headline_like(line):
                headline_found, headline = True, stripped.casefold()
                _add(spans, start, end, "headline")
            else:
                _add(spans, start, end, "summary")  # a standfirst above the headline
            continue
        if en.SUMMARY_LABEL.match(stripped) and near_top:
            in_summary = True
            _add(spans, start, end, "summary")
            continue
        if _BULLET.match(line) and not _TALLY.match(line) and (in_summary or near_top):
            in_summary = True
            _add(spans, start, end, "summary")
            continue
        in_summary = False
        if not headline_found and near_top and _headline_like(line):
            headline_found, headline = True, stripped.casefold()
            _add(spans, start, end, "headline")
            continue
        if headline_found and near_top and stripped.casefold() == headline:
            _add(spans, start, end, "headline")  # the page repeats its headline above the text: still the headline
            continue
        body_chars += len(stripped)
        _add(spans, start, end, "body")
    return tuple(spans)


def _add(spans: list[tuple[int, int, Section]], start: int, end: int, name: Section) -> None:
    if spans and spans[-1][2] == name and spans[-1][1] == start:
        spans[-1] = (spans[-1][0], end, name)
    else:
        spans.append((start, end, name))
