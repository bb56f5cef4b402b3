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
from functools import lru_cache

from tollbook.lang import CURRENT as en
from tollbook.lexicons import unaccented
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
        if body_chars == 0 and headline_found and _from_address(headline) and _printed_title(headline, stripped):
            # a title rebuilt from the page's address, then the title the page prints: both are the headline
            # (and `superseded_address` tells the reader to take the printed one)
            _add(spans, start, end, "headline")
            continue
        body_chars += len(stripped)
        _add(spans, start, end, "body")
    return tuple(spans)


@lru_cache(maxsize=256)
def _words(line: str) -> tuple[str, ...]:
    """A line's words, casefolded, without accents or digit grouping ("María ... 2,975" = "maria ... 2975").

    Cached: the headline is compared with every line near the top."""
    plain = line.casefold()
    if not plain.isascii():
        plain = unaccented(plain)
    return tuple(_GROUPING.sub("", plain).translate(_NO_PUNCTUATION).split())


_GROUPING = re.compile(r"(?<=\d)[,.\u00a0\u202f ](?=\d{3}\b)")


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


def _from_address(headline: str) -> bool:
    """A headline rebuilt from a web address: lower case, no punctuation, several words."""
    return headline == headline.lower() and len(_words(headline)) >= _SLUG_MIN and not _ADDRESS_PUNCTUATION.search(headline)


_ADDRESS_PUNCTUATION = re.compile(r"[,.:;!?\"'()\u2018\u2019\u201c\u201d]")


def _printed_title(address: str, line: str) -> bool:
    """Whether a cased line below a headline rebuilt from the address is the page's own title: the same
    story in other words ("... death toll nears 8000 ..." above "... death toll passes 11,000"), not a
    caption or a section's name ("Libya Floods")."""
    if not _headline_like(line) or line == line.lower():
        return False
    shared = _content_words(line) & _content_words(address)
    return len(_words(line)) >= _SLUG_MIN and len(shared) >= _TITLE_SHARED


_TITLE_SHARED = 3


def _content_words(line: str) -> set[str]:
    return {w for w in _words(line) if len(w) >= 4 and w.isalpha()}


def superseded_address(text: str, sections: tuple[tuple[int, int, Section], ...]) -> tuple[int, int] | None:
    """The span of a first line rebuilt from the page's address when the page then prints a title of other
    words: the address often keeps an earlier version's headline ("... toll nears 8000" above "... toll
    passes 11,000"), so the printed title is the one to read."""
    lines = [(m.start(), m.end()) for a, b, name in sections if name == "headline"
             for m in _LINE.finditer(text, a, b)]
    if len(lines) < 2 or not _from_address(first := text[lines[0][0]:lines[0][1]].strip()):
        return None
    figures = {w for w in _words(first) if w.isdigit()}
    for a, b in lines[1:]:
        title = text[a:b].strip()
        if _repeats(first, title) or not figures or figures <= {w for w in _words(title) if w.isdigit()}:
            return None  # the address's words or its figures printed again: the same headline
        if _printed_title(first, title):
            return lines[0]
    return None


_LINE = re.compile(r"[^\n]*\S[^\n]*")


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
