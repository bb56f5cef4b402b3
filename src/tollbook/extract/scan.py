"""The fast candidate finder: where in a text a figure could be at all.

One pass over the whole document: digits by a compiled pattern, number words (and
vague counts, fractions) by an Aho-Corasick automaton over the folded text. A
paragraph or sentence with no candidate position never reaches the slower stages.
"""

from __future__ import annotations

import bisect
import functools
import re

from tollbook.lang import CURRENT as en
from tollbook.lang import per_language
from tollbook.extract.numbers import one_victims
from tollbook.lexicons import PhraseIndex, load

_DIGIT = re.compile(r"\d+")


@per_language
def _words() -> PhraseIndex[str]:
    vague = [v["phrase"].split()[0] for v in load("vague_counts.toml").get("vague", [])]
    words = set(en.SCAN_WORDS) | {w.lower() for w in vague if w.isalpha() and w not in ("a", "an", "about")}
    # compounds like "twenty-five" fold to "twenty five": each part is a word of its own
    return PhraseIndex((w, w) for w in words)


def candidates(text: str, folded: str | None = None) -> list[int]:
    """Sorted start offsets of every digit run and number word in the text (`folded`: fold(text), if at hand)."""
    found = [m.start() for m in _DIGIT.finditer(text)]
    found += [m.start for m in _words().find(text, folded)]
    found += [start for start, _ in one_victims(text)]  # "a woman was killed": a count of one
    found.sort()
    return found


def count_between(positions: list[int], start: int, end: int) -> int:
    """How many of a sorted list of positions fall in [start, end)."""
    return bisect.bisect_left(positions, end) - bisect.bisect_left(positions, start)


# A "sentence" with more than this many figures, packed tighter than this many characters a
# figure, is a dump of numbers (a table, OCR of a ledger, "1 1 1 ..."), not prose that states a
# claim: prose needs words between its figures. Such a span is skipped, which keeps the cost of
# number-dense junk to one probe instead of a full parse per figure.
DUMP_FIGURES = 64
DUMP_CHARS_PER_FIGURE = 5


def number_dump(positions: list[int], start: int, end: int) -> bool:
    """Whether text[start:end] is a dump of numbers rather than prose (see DUMP_FIGURES)."""
    count = count_between(positions, start, end)
    return count > DUMP_FIGURES and end - start < count * DUMP_CHARS_PER_FIGURE


def any_between(positions: list[int], start: int, end: int) -> bool:
    """Whether a sorted list of positions has one in [start, end)."""
    i = bisect.bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


def has_candidate(sentence: str) -> bool:
    return any_between(candidates(sentence), 0, len(sentence))
