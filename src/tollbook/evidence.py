"""The words a claim was read from: its sentence split around the value, for every display.

The extractor keeps each claim's sentence as `quote`; it is found again in the
document just before the value, so a sentence repeated elsewhere cannot be picked.
"""

from __future__ import annotations

from dataclasses import dataclass

PASSAGE_WINDOW = 160  # characters either side of a value when its sentence cannot be found


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence split around the value it holds: before, value, after."""

    before: str
    value: str
    after: str


def passage(text: str, start: int, end: int, quote: str | None) -> Passage:
    """The sentence holding text[start:end], split around it.

    The extractor's `quote` is the sentence; it is looked up just before the value
    so a sentence repeated elsewhere in the text cannot be picked. When it is not
    found verbatim (e.g. whitespace was normalised), a window of words around the
    value is shown instead.
    """
    if not (text and 0 <= start < end <= len(text)):
        return Passage(quote or "", "", "")
    if quote:
        at = text.rfind(quote, 0, start + len(quote))  # the last copy starting at or before the value
        if at >= 0 and at + len(quote) >= end:
            return Passage(text[at:start], text[start:end], text[end:at + len(quote)])
    left = max(0, start - PASSAGE_WINDOW)
    right = min(len(text), end + PASSAGE_WINDOW)
    if left > 0:
        left = text.find(" ", left, start) + 1 or left
    if right < len(text):
        right = text.rfind(" ", end, right) if text.rfind(" ", end, right) > 0 else right
    return Passage(("… " if left > 0 else "") + text[left:start].lstrip(), text[start:end],
                   text[end:right].rstrip() + (" …" if right < len(text) else ""))
