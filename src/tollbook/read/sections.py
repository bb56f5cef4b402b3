"""Tell headline, summary and body apart in plain text.

Pages pasted as text put the headline first, or put a standfirst (a long lede that
ends with a full stop) and a block of key points above it. So: the first short line
without final punctuation near the top is the headline; a long first line is a
standfirst (summary); bullet lines at the top or under a "Key points" / "Points of
attention" / "Summary" label are summary; a repeat of the headline near the top (pages print their
title twice) is the headline, and so is a headline-like line the top prints twice below the page's
furniture (outlet, time, "2 min read"); everything else is body. Sub-headings
further down stay body: an article has one headline.
"""

from __future__ import annotations

import re
import unicodedata

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
    title = _printed_twice(text)
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
        if title is not None and stripped.casefold() == title:
            first, headline_found, headline = False, True, stripped
            _add(spans, start, end, "headline")  # the page's title, printed twice below its furniture
            continue
        if first:
            first = False
            if _headline_like(line):
                headline_found, headline = True, stripped
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
            headline_found, headline = True, stripped
            _add(spans, start, end, "headline")
            continue
        if headline_found and near_top and _repeats(headline, stripped):
            _add(spans, start, end, "headline")  # the page repeats its headline above the text: still the headline
            continue
        body_chars += len(stripped)
        _add(spans, start, end, "body")
    return tuple(spans)


def _words(line: str) -> list[str]:
    """A line's words, casefolded, without accents or digit grouping ("María ... 2,975" = "maria ... 2975")."""
    plain = unicodedata.normalize("NFKD", line.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return re.sub(r"(?<=\d)[,.\u00a0\u202f ](?=\d{3}\b)", "", plain).translate(_NO_PUNCTUATION).split()


_NO_PUNCTUATION = str.maketrans({ch: " " for ch in ",.:;!?\"'()[]\u2018\u2019\u201c\u201d\u2013\u2014-"})


def _repeats(headline: str, line: str) -> bool:
    """Whether a line near the top is the headline again: the same words, or, when the headline was rebuilt
    from the page's address (all lower case), a title that holds the address's words in order."""
    mine, theirs = _words(headline), _words(line)
    if mine == theirs:
        return True
    if headline != headline.lower() or len(mine) < _SLUG_MIN or not _headline_like(line):
        return False
    rest = iter(theirs)
    return all(word in rest for word in mine)


_SLUG_MIN = 4


def _printed_twice(text: str) -> str | None:
    """A headline-like line that the top of a page prints twice ("Outlet / time / Title / 2 min read /
    Title / text"): the title, wherever the page's furniture put it."""
    seen: set[str] = set()
    for line in text[:_TITLE_REACH].splitlines():
        s = line.strip().casefold()
        if len(s) < _TITLE_MIN or not _headline_like(line):
            continue
        if s in seen:
            return s
        seen.add(s)
    return None


_TITLE_REACH, _TITLE_MIN = 1_200, 24


def _add(spans: list[tuple[int, int, Section]], start: int, end: int, name: Section) -> None:
    if spans and spans[-1][2] == name and spans[-1][1] == start:
        spans[-1] = (spans[-1][0], end, name)
    else:
        spans.append((start, end, name))
