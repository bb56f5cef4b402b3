"""Typographic normalisation before extraction, with offsets kept into the original text.

Real copy writes the same figure many ways: a figure dash between a label and its count
("tanks ‒ 1361"), a no-break or thin space or an apostrophe grouping thousands ("30 700",
"30'700"), fullwidth or Arabic-Indic digits, curly quotes, soft hyphens and zero-width
characters inside words, wire reports hard-wrapped at 70 columns, and a wire service's version tag
before a headline ("UPDATE 3-Six soldiers killed": the 3 is the story's version, not a figure). The
stages read one
spelling of each. Almost every rewrite keeps the length (one character for one), so
offsets into the normalised text are offsets into the original; only the invisible
characters are dropped, and then `origin` maps each normalised offset back.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

# One character for one: dashes to "-", spaces to " ", quotes to ASCII, digits to ASCII.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_TABLE: dict[int, str] = {ord(c): "-" for c in _DASHES}
_TABLE.update({ord(c): " " for c in _SPACES})
_TABLE.update({ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032\uff07"})
_TABLE.update({ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02"})
for _zero in (0xFF10, 0x0660, 0x06F0, 0x0966):  # fullwidth, Arabic-Indic, extended Arabic-Indic, Devanagari
    _TABLE.update({_zero + i: str(i) for i in range(10)})
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_DROP = re.compile(f"[{_INVISIBLE}]")
# A thousands group after a narrow, no-break or thin space or an apostrophe: "30 700", "30'700".
_GROUP = re.compile(r"(?<![\d.,])(\d{1,3})(?:[\u00a0\u2009\u202f'\u2019](\d{3}))+(?![\d'\u2019]|[.,]\d)")
_GROUP_SEP = re.compile(r"[\u00a0\u2009\u202f'\u2019]")
# What every such group holds, found fast (a pattern opening with a digit skips to the digits; _GROUP,
# opening with a look-behind, is tried at every character)
_GROUP_HINT = re.compile(r"\d[\u00a0\u2009\u202f'\u2019]\d")

# Hard-wrapped copy: most lines that run on into another line are close to one width.
_WRAP_MIN_LINES = 3
_WRAP_WIDTHS = (50, 100)  # wire copy wraps at 60-80 columns, e-mail at 72
_LONG_LINE = 200  # characters: a longer line is a paragraph of prose on one line, not wrapped text
# A wire service's tags opening a line, blanked to spaces of the same length: "UPDATE 2-", "WRAPUP 3-", "RPT-".
_WIRE_TAG = re.compile(r"^[ \t]*(?:(?:UPDATE|WRAPUP|WRAP|REFILE|RPT|CORRECTED|CORRECTION|EXCLUSIVE|INSIGHT|ANALYSIS|"
                       r"FACTBOX|TIMELINE|URGENT|FEATURE|PREVIEW|SPECIAL REPORT|NEWSMAKER|RPT-UPDATE)(?:[ \t]+\d{1,2})?-)+(?=\S)",
                       re.MULTILINE)
_BULLET = re.compile(r"\s*(?:[-*\u2022\u25aa\u25cf\u2013\u2014]|\d{1,2}[.)]\s)")


@dataclass(frozen=True, slots=True)
class Normalized:
    """The text the stages read, and (when characters were dropped) where each offset came from."""

    text: str
    origin: array | None = None  # origin[i] = offset in the original of normalised offset i (len + 1 entries)

    def original(self, offset: int) -> int:
        return offset if self.origin is None else self.origin[offset]


def normalize(text: str) -> Normalized:
    """The normalised text of `text`; see the module docstring for what changes."""
    ascii_only = text.isascii()
    out = text if ascii_only and "'" not in text or not _GROUP_HINT.search(text) else _GROUP.sub(_grouped, text)
    if not ascii_only:
        out = out.translate(_TABLE)
    if "-" in out and _WIRE_TAG.search(out):
        out = _WIRE_TAG.sub(lambda m: " " * len(m.group(0)), out)
    if "\r" in out:
        out = out.replace("\r\n", " \n").replace("\r", "\n")
    out = _unwrap(out)
    if ascii_only or not _DROP.search(out):
        return Normalized(out)
    kept = array("l")
    pieces = []
    pos = 0
    for m in _DROP.finditer(out):
        pieces.append(out[pos:m.start()])
        kept.extend(range(pos, m.start()))
        pos = m.end()
    pieces.append(out[pos:])
    kept.extend(range(pos, len(out) + 1))
    return Normalized("".join(pieces), kept)


def _grouped(m: re.Match[str]) -> str:
    return _GROUP_SEP.sub(",", m.group(0))


def _unwrap(text: str) -> str:
    """Join hard-wrapped lines (a newline inside a paragraph becomes a space, same length).

    A text is hard-wrapped when most lines followed by another line are near one width of
    50 to 100 characters; a blank line or a bulleted line still starts a paragraph.
    """
    if text.count("\n") < _WRAP_MIN_LINES:
        return text
    lines = text.split("\n")
    if max(map(len, lines)) > _LONG_LINE:
        return text  # a line far over any wrap width: paragraphs are lines here
    running = [len(a.rstrip()) for a, b in zip(lines, lines[1:]) if a.strip() and b.strip()]
    if len(running) < _WRAP_MIN_LINES:
        return text
    width = max(running)
    if not _WRAP_WIDTHS[0] <= width <= _WRAP_WIDTHS[1] or sum(n >= width - 25 for n in running) < 0.6 * len(running):
        return text
    out = []
    for a, b in zip(lines, lines[1:]):
        out.append(a)
        out.append(" " if a.strip() and b.strip() and not _BULLET.match(b) and len(a.rstrip()) >= width - 25 else "\n")
    out.append(lines[-1])
    return "".join(out)
