"""Which mention in a sentence belongs to which figure: nearest wins, other figures block.

Every "what/whom/where" question is answered the same way: look after the figure
first (English puts the noun and the verb after the count: "4,000 soldiers were
killed"), then before it ("killed 12 people"), never across another figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from tollbook.lexicons import Match

T = TypeVar("T")


def nearest(mentions: Sequence[Match[T]], start: int, end: int, blockers: Sequence[tuple[int, int]],
            after: int = 70, before: int = 60, before_penalty: float = 1.25,
            skip: Sequence[tuple[int, int]] = ()) -> Match[T] | None:
    """The closest mention to [start, end) within the windows, not separated by a blocker span."""
    best: tuple[float, Match[T]] | None = None
    for m in mentions:
        if any(s <= m.start < e for s, e in skip):
            continue
        if m.start >= end:
            gap = m.start - end
            if gap > after or any(end <= bs and be <= m.start for bs, be in blockers):
                continue
            score = float(gap)
        elif m.end <= start:
            gap = start - m.end
            if gap > before or any(m.end <= bs and be <= start for bs, be in blockers):
                continue
            score = gap * before_penalty + 3
        else:
            score = 0.0  # the mention overlaps the figure ("1.2 million-strong")
        if best is None or score < best[0]:
            best = (score, m)
    return best[1] if best else None
