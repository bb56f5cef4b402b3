"""How sure, and in what mood: estimative terms, hedges and modality.

Probability ranges come from lang/en/yardstick.toml (UK PHIA, US ICD 203); hedge
and modality cues from lang/en/cues.toml. Cues count only near the figure (its
clause), since a "will" three clauses away says nothing about it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from tollbook.lang import CURRENT as en
from tollbook.lang import current, per_language
from tollbook.lexicons import Match, PhraseIndex, load

_PRIORITY = ("denied", "hypothetical", "forecast", "estimated")
_WINDOW = 90


@dataclass(frozen=True, slots=True)
class Term:
    phrase: str
    p_low: float
    p_high: float
    scale: str


@per_language
def _index() -> tuple[PhraseIndex[Term], PhraseIndex[str], PhraseIndex[str]]:
    data = load("yardstick.toml")
    default = data.get("default_scale", "PHIA")
    terms: dict[str, Term] = {}
    for t in data.get("term", []):
        key = t["phrase"].lower()
        if key not in terms or t.get("scale") == default:
            terms[key] = Term(t["phrase"].lower(), float(t["p_low"]), float(t["p_high"]), t.get("scale", default))
    cues = load("cues.toml")
    modality = [(w, name) for name in _PRIORITY for w in cues["modality"].get(name, [])]
    hedges = [(w, "hedge") for w in cues["hedge"]["words"]]
    return PhraseIndex(terms.items()), PhraseIndex(modality), PhraseIndex(hedges)




def _near(matches: tuple[Match, ...], start: int, end: int, sentence: str) -> list[Match]:
    """Cues in the figure's clause: within the window and not across 'and that', ', but', ';'."""
    out = []
    for m in matches:
        a, b = (end, m.start) if m.start >= end else (m.end, start)
        if max(0, b - a) <= _WINDOW and not en.CUE_CLAUSE_BREAK.search(sentence[a:b]):
            out.append(m)
    return out


def _cues(which: int, sentence: str, lowered: str) -> tuple[Match, ...]:
    """The cues of one kind in a sentence, found once for all its figures (not once per figure)."""
    return _cues_in(current(), which, sentence, lowered)


@functools.lru_cache(maxsize=16)
def _cues_in(language: str, which: int, sentence: str, lowered: str) -> tuple[Match, ...]:
    # keyed by the language too: one sentence read as English and as Ukrainian has two sets of cues
    return tuple(_index()[which].find(sentence, lowered))


def estimative_term(sentence: str, lowered: str, start: int, end: int) -> Term | None:
    """The yardstick term governing the figure at [start, end), if any."""
    found = _near(_cues(0, sentence, lowered), start, end, sentence)
    if not found:
        return None
    return min(found, key=lambda m: abs(m.start - start)).value


def hedge(sentence: str, lowered: str, start: int, end: int) -> str | None:
    found = _near(_cues(2, sentence, lowered), start, end, sentence)
    return found[0].text.lower() if found else None


def modality(sentence: str, lowered: str, start: int, end: int, forward_time: bool,
             others: Sequence[tuple[int, int]] = ()) -> str:
    """reported, estimated, forecast, denied or hypothetical (in that order of precedence, reversed).

    A cue inside another figure's words is that figure's own ("tops 30,000 and could hit 50,000": only the
    50,000 is a projection)."""
    if en.NEGATED_AFTER.match(sentence, end):
        return "denied"  # "3,000 people did not die": the figure is denied, not reported
    found = {m.value for m in _near(_cues(1, sentence, lowered), start, end, sentence)
             if not any(a <= m.start < b and (a, b) != (start, end) for a, b in others)}
    if forward_time:
        found.add("forecast")
    for name in _PRIORITY:
        if name in found:
            return name
    return "reported"
