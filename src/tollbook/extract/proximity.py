"""Which mention in a sentence belongs to which figure: nearest wins, other figures block.

Every "what/whom/where" question is answered the same way: look after the figure
first (English puts the noun and the verb after the count: "4,000 soldiers were
killed"), then before it ("killed 12 people"), never across another figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from tollbook.lang import CURRENT as en
from tollbook.lexicons import Match


T = TypeVar("T")


def nearest(mentions: Sequence[Match[T]], start: int, end: int, blockers: Sequence[tuple[int, int]],
            after: int = 70, before: int = 60, before_penalty: float = 1.25,
            skip: Sequence[tuple[int, int]] = (), sentence: str = "") -> Match[T] | None:
    """The closest mention to [start, end) within the windows, not separated by a blocker span.

    With the sentence given, a mention before the figure across a clause break ("and", ";") costs more.
    """
    def text_between(a: int, b: int) -> str:
        return sentence[a:b]

    best: tuple[float, Match[T]] | None = None
    for m in mentions:
        # the window first: it is plain arithmetic, and most mentions of a long sentence fail it
        if m.start >= end and m.start - end > after or m.end <= start and m.start < end and start - m.end > before:
            continue
        if skip and any(s <= m.start < e for s, e in skip):
            continue
        if m.start >= end:
            gap = m.start - end
            if any(end <= bs and be <= m.start for bs, be in blockers):
                continue
            score = float(gap)
        elif m.end <= start:
            gap = start - m.end
            if any(m.end <= bs and be <= start for bs, be in blockers):
                continue
            score = gap * before_penalty + 3
            between = text_between(m.end, start)
            if en.CLAUSE_BREAK.search(between):
                score += 40  # "died and 4,521 have been injured": a verb across "and" belongs to the figure before
            elif "," in between:
                score += 15  # "Medic wounded, three marines killed": the phrase after the comma has its own verb
        else:
            score = 0.0  # the mention overlaps the figure ("1.2 million-strong")
        if best is None or score < best[0]:
            best = (score, m)
    return best[1] if best else None
