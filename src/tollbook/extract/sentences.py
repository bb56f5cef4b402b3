"""Paragraph and sentence boundaries by regex passes, never a tokenizer over whole articles.

A paragraph is a line. The pipeline asks for the sentences of a paragraph only when
the paragraph holds a candidate figure, so most prose is never split at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_ABBREV = {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no", "nos", "vs", "etc",
           "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k",
           "u.n", "e.g", "i.e", "approx", "est", "gov", "rep", "sen", "prof", "inc", "ltd", "co", "corp"}
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9—–-])")
_LAST_WORD = re.compile(r"([\w.]+)[.][\"'”’)\]]*$")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty line, surrounding space trimmed."""
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            yield start + lead, start + lead + len(stripped)


def sentences_in(text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    """The sentences of text[start:end] (one paragraph)."""
    out: list[Sentence] = []
    s = start
    for m in _END.finditer(text, start, end):
        e = m.end()
        word = _LAST_WORD.search(text, max(s, e - 14), e)
        if word and (word.group(1).lower().rstrip(".") in _ABBREV or len(word.group(1)) == 1 and word.group(1).isupper()):
            continue  # "Gen. Syrsky", "U.S. officials": not an end
        _append(out, text, s, e, paragraph)
        s = e
    _append(out, text, s, end, paragraph)
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of a text, with the index of its paragraph."""
    return [s for i, (a, b) in enumerate(paragraphs(text)) for s in sentences_in(text, a, b, i)]


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    segment = text[start:end]
    stripped = segment.strip()
    if stripped:
        start += len(segment) - len(segment.lstrip())
        out.append(Sentence(start, start + len(stripped), paragraph))
