"""Text that is safe to put in a page or a chart, whatever a document or a request held.

Stored text comes from anywhere (feeds, pasted pages, OCR), so it may hold control
characters, characters XML forbids, or bidirectional overrides that reverse the text
around them. Two views, one rule each:

- `xml_safe`: what a renderer may parse. Characters XML 1.0 forbids become U+FFFD;
  a native SVG renderer aborts the whole process on them (vl-convert: NonXmlChar).
- `visible`: what a reader should see. Controls, non-characters and bidi controls
  are shown as a visible mark (U+2400 control pictures, or ⟨U+202E⟩), so they can
  neither hide nor reorder the text beside them.
"""

from __future__ import annotations

import re

# XML 1.0 Char production, inverted: C0 controls but tab/LF/CR, lone surrogates, U+FFFE and U+FFFF.
_NON_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What a reader must see as a mark: every C0/C1 control but tab and line ends, DEL, the non-XML
# characters, the bidi embeddings/overrides/isolates and marks, and the other invisible format characters
# that can disguise text (zero-width joiners excepted: scripts need them).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff\ufeff\ufff9-\ufffb\ufffe\uffff]"
)


def xml_safe(text: str) -> str:
    """`text` with every character XML 1.0 forbids replaced by U+FFFD ('a\\x00b' -> 'a\\ufffdb')."""
    return _NON_XML.sub("\ufffd", text)


def _mark(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ ␁ … the Unicode control pictures
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\u27e8U+{code:04X}\u27e9"


def visible(text: str) -> str:
    """`text` with controls and bidi overrides shown as marks ('a\\u202eb' -> 'a⟨U+202E⟩b')."""
    return _INVISIBLE.sub(_mark, text)


def has_invisible(text: str) -> bool:
    """Whether `visible` would change the text."""
    return _INVISIBLE.search(text) is not None
