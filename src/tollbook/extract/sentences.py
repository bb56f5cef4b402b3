"""Paragraph and sentence boundaries by regex passes, never a tokenizer over whole articles.

A paragraph is a line. The pipeline asks for the sentences of a paragraph only when
the paragraph holds a candidate figure, so most prose is never split at all.

A sentence is at most `MAX_SENTENCE` characters: every later stage looks at a figure's
neighbours within its sentence, so an unbounded "sentence" (a table dump, a page on one
line with no full stop) would make the work per figure grow with the document. Longer
runs are cut at a space near the bound and the pieces are flagged `cut`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tollbook.lang import CURRENT as en
from tollbook.lang import grammar

_LAST_WORD = re.compile(r"([\w.]+)[.][\"'”’)\]]*$")
_SPACE = re.compile(r"\s")
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")  # "T.H", "J.R.R": letters standing for names

MAX_SENTENCE = 2000  # characters; far above a real sentence (news sentences run 100-400)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    cut: bool = False  # ended at MAX_SENTENCE, not at punctuation


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty line, surrounding space trimmed; a line ends at LF, CRLF or CR."""
    lines = text.replace("\r", "\n") if "\r" in text else text  # same length: the offsets index `text`
    pos = 0
    for line in lines.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            yield start + lead, start + lead + len(stripped)


def sentences_in(text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    """The sentences of text[start:end] (one paragraph)."""
    en = grammar()  # the language being read, looked up once for this call
    out: list[Sentence] = []
    s = start
    for m in en.SENTENCE_END.finditer(text, start, end):
        e = m.end()
        word = _LAST_WORD.search(text, max(s, e - 14), e)
        if word and (word.group(1).lower().rstrip(".") in en.ABBREVIATIONS or len(word.group(1)) == 1 and word.group(1).isupper()
                     or _INITIALS.fullmatch(word.group(1))):
            continue  # "Gen. Syrsky", "U.S. officials", "the Harvard T.H. Chan School": not an end
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
    if not stripped:
        return
    start += len(segment) - len(segment.lstrip())
    end = start + len(stripped)
    if end - start <= MAX_SENTENCE:
        out.append(Sentence(start, end, paragraph))
        return
    while end - start > MAX_SENTENCE:
        cut = _cut_point(text, start, start + MAX_SENTENCE)
        piece_end = cut
        while text[piece_end - 1].isspace():
            piece_end -= 1
        out.append(Sentence(start, piece_end, paragraph, cut=True))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append(Sentence(start, end, paragraph, cut=True))


def _cut_point(text: str, start: int, limit: int) -> int:
    """Where to cut an over-long sentence: after the last space in its second half, else at the limit."""
    space = text.rfind(" ", start + MAX_SENTENCE // 2, limit)
    if space < 0:
        found = [m.start() for m in _SPACE.finditer(text, start + MAX_SENTENCE // 2, limit)]
        space = found[-1] if found else -1
    return space if space > start else limit
