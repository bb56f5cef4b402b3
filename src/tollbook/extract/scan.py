"""The fast candidate finder: which sentences could hold a figure at all.

One compiled pattern of digits, number words, vague counts and fractions. Sentences
without a hit never reach the slower stages; on ordinary news about nine sentences
in ten are skipped here.
"""

from __future__ import annotations

import functools
import re

from tollbook.lexicons import load

_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands "
    "million millions dozen dozens scores half third thirds quarter quarters fifth fifths tenth several handful"
).split()


@functools.cache
def trigger() -> re.Pattern[str]:
    """Pattern whose first hit marks a sentence worth analysing."""
    vague = [v["phrase"].split()[0] for v in load("vague_counts.toml").get("vague", [])]
    words = sorted(set(_WORDS) | {w.lower() for w in vague if w.isalpha() and w not in ("a", "an", "about")})
    return re.compile(r"\d|\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


def has_candidate(sentence: str) -> bool:
    return trigger().search(sentence) is not None
