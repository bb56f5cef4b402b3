"""Sentence and paragraph boundaries by one regex pass over the whole text.

A full tokenizer over whole articles is the slowest thing an extractor can do; the
pipeline only needs sentence spans to decide what to analyse, so a compiled pattern
with an abbreviation guard does it at memory speed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV = {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no", "nos", "vs", "etc",
           "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k",
           "u.n", "e.g", "i.e", "approx", "est", "gov", "rep", "sen", "prof", "inc", "ltd", "co", "corp"}
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9—–-])|\n")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with the index of their paragraph (a line, or lines between blank lines)."""
    out: list[Sentence] = []
    start = 0
    paragraph = 0
    for m in _END.finditer(text):
        end = m.end()
        if m.group(0) != "\n":
            word = re.search(r"([\w.]+)[.]$", text[max(start, end - 12):end].rstrip("\"'”’)]"))
            if word and (word.group(1).lower().rstrip(".") in _ABBREV or re.fullmatch(r"[A-Z]", word.group(1))):
                continue
        _append(out, text, start, end, paragraph)
        if m.group(0) == "\n":
            paragraph += 1
        start = end
    _append(out, text, start, len(text), paragraph)
    return out


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, paragraph))
