"""What a figure counts: the measure (killed, wounded, ...) and the unit (personnel, tank, ...).

Words come from lang/en/measures.toml (lemmas, inflected, and fixed phrases) and lang/en/units.toml, a measure's properties
from the registry (lexicons/measures.toml). Ambiguous verbs ("eliminated",
"neutralised") map to casualties and say so, because the reader cannot tell killed
from wounded and neither can we.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tollbook.extract.proximity import nearest
from tollbook.lang.en import patterns as en
from tollbook.lexicons import Match, PhraseIndex, inflected, load
from tollbook.lexicons.measures import measure_registry
from tollbook.model import PERSONNEL

_AMBIGUOUS = "ambiguous"
_AMBIGUOUS_FOR_PEOPLE = "ambiguous_people"
_NOT_COUNTED = "not_counted"
_NEXT_WORD = re.compile(r" [a-z]")
_ATTACK_VERBS = en.ATTACK_VERBS


@dataclass(frozen=True, slots=True)
class MeasureChoice:
    measure: str | None
    measure_text: str | None
    ambiguous: bool
    unit: str | None
    cue_start: int | None = None
    cue_end: int | None = None


@functools.cache
def _indexes() -> tuple[PhraseIndex[str], PhraseIndex[str]]:
    data = load("measures.toml")
    phrases: list[tuple[str, str]] = []
    for measure, entry in data["measure"].items():
        phrases += [(w, measure) for w in entry.get("words", []) + inflected(entry.get("lemmas", []))]
    phrases = [(w, _AMBIGUOUS) for w in data["ambiguous"]["words"]] + phrases
    phrases = [(w, _AMBIGUOUS_FOR_PEOPLE) for w in data["ambiguous"].get("people_words", [])] + phrases
    units: list[tuple[str, str]] = []
    for unit, entry in load("units.toml")["unit"].items():
        units += [(w, unit) for w in entry["words"]]
    units += [(w, PERSONNEL) for w in data["people"]["words"]]
    units += [(w, _NOT_COUNTED) for w in data["not_counted"]["words"]]
    return PhraseIndex(phrases), PhraseIndex(units)


def find_measure_cues(sentence: str, lowered: str) -> list[Match[str]]:
    return _indexes()[0].find(sentence, lowered)


def find_unit_nouns(sentence: str, lowered: str) -> list[Match[str]]:
    return _indexes()[1].find(sentence, lowered)


def choose_unit(units: list[Match[str]], start: int, end: int, blockers: list[tuple[int, int]],
                sentence: str) -> Match[str] | None:
    """The noun the figure counts: right after it ("4,000 North Korean soldiers"), else just before ("tanks - 9,800")."""
    return nearest(units, start, end, blockers, after=45, before=25, before_penalty=2.0)


def list_item(sentence: str, unit_m: Match[str], start: int, end: int) -> bool:
    """A figure right beside its noun ("tanks 9,870", "aircraft (369)", "10,930 tanks (+3),"): an item of a list."""
    if unit_m.end <= start:
        return re.fullmatch(r"\s*[(:—–-]?\s*", sentence[unit_m.end:start]) is not None
    return unit_m.start >= end and re.fullmatch(r"\s*\)?\s*", sentence[end:unit_m.start]) is not None \
        and re.search(r"[,:]\s*(?:and\s+)?$|^\s*$", sentence[:start]) is not None and "," in sentence


def choose_measure(sentence: str, cues: list[Match[str]], units: list[Match[str]], start: int, end: int,
                   blockers: list[tuple[int, int]], skip: list[tuple[int, int]] = ()) -> MeasureChoice | None:
    """Measure and unit of the figure at [start, end), or None when it counts nothing we record."""
    unit_m = choose_unit(units, start, end, blockers, sentence)
    if sentence[start:end].lower() == "one" and _NEXT_WORD.match(sentence, end) and (unit_m is None or unit_m.start != end + 1) \
            and not any(0 < c.start - end <= 25 for c in cues):
        return None  # "one estimate he cited": 'one' before a noun that no measure follows counts nothing we record
    if unit_m is not None and unit_m.value == _NOT_COUNTED and unit_m.start - end < 12:
        return None
    unit = unit_m.value if unit_m is not None and unit_m.value != _NOT_COUNTED else None
    strong = re.match(r"^[-\u2010\s]?strong\b", sentence[end:end + 8], re.IGNORECASE)
    if strong:
        return MeasureChoice("strength", sentence[end:end + strong.end()].lstrip("-\u2010 "), False, unit or PERSONNEL,
                             end, end + strong.end())
    cue = nearest(cues, start, end, blockers, skip=skip, sentence=sentence)
    if cue is None and unit_m is not None and list_item(sentence, unit_m, start, end):
        # "destroyed: tanks 9,870 (+8), armoured vehicles 20,540 (+14), ...": the heading's verb counts for every item
        heading = [c for c in cues if c.end <= min(unit_m.start, start)]
        cue = heading[-1] if heading else None
    if cue is None:
        colon = sentence.rfind(":", 0, start)
        heading = [c for c in cues if c.end <= colon] if colon > 0 else []
        cue = heading[-1] if heading else None  # "casualties grew: about 110,000 in ..., 130,000 in ..."
    if cue is not None and unit is not None and unit != PERSONNEL and cue.start >= end and cue.text.lower() in _ATTACK_VERBS \
            and not re.search(r"\b(?:were|was|been|being|are|is)\b", sentence[end:cue.start]):
        return None  # "two missiles struck the centre": weapons used, not weapons lost
    if cue is None:
        return MeasureChoice(None, None, False, unit) if unit else None
    measure, ambiguous = cue.value, False
    equipment = unit is not None and unit != PERSONNEL
    if measure == _AMBIGUOUS:
        measure, ambiguous = ("destroyed" if equipment else "casualties"), True
    elif measure == _AMBIGUOUS_FOR_PEOPLE:
        measure, ambiguous = ("destroyed", False) if equipment else ("casualties", True)
    elif equipment and measure_registry()[measure].equipment_as:
        measure = measure_registry()[measure].equipment_as  # "losses" of tanks are tanks destroyed, as every tally counts them
    elif equipment and not measure_registry()[measure].equipment:
        return MeasureChoice(None, None, False, unit)
    if unit is None:
        unit = PERSONNEL if measure_registry()[measure].people else None
    return MeasureChoice(measure, cue.text, ambiguous, unit, cue.start, cue.end)
