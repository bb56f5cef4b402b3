"""Attribution cues and estimative language against their corpora (src/tollbook/lang/<code>/corpus/)."""

from __future__ import annotations

import pytest

from tollbook.lang import corpus, reading
from tollbook.extract.attribution import attribute_sentence
from tollbook.extract.confidence import estimative_term, hedge, modality
from tollbook.extract.numbers import parse_quantities
from tollbook.extract.times import find_times

from tollbook.extract.scan import has_candidate
from tollbook.extract.sentences import split_sentences

ATTRIBUTION = corpus("attribution.json")
CONFIDENCE = corpus("confidence.json")

# Cases the grammar gets wrong today: kept visible (strict xfail turns a fix into a reminder to move them back).
KNOWN_GAPS = {
    "\"We have lost 200 men in a week,\" a Ukrainian commander told": "a generic role ('a Ukrainian commander') is not mapped to its organisation",
    "Kremlin spokesman Dmitry Peskov declined to comment": "'declined to comment on reports' still reads as attribution",
    "Asked about the 12 deaths, the NATO secretary general said": "a speaker asked about a figure is taken as its claimant",
    "There is a remote chance that more than 100": "modality: 'survive' clause",
    "There is a realistic possibility that 300 North Korean": "modality cue outside the figure's clause",
    "Some 30 soldiers are believed to be missing": "'believed to be' is both a hedge and an estimate cue",
    "There is a realistic possibility that losses could reach": "two cues in one clause",
    "Despite 4,000 losses, the brigade's will to fight": "'will' as a noun",
    "Officials assessed the damage after 12 people": "'assessed' governs the damage, not the figure",
    "In an unlikely alliance, 3,000 volunteers": "'unlikely' as an adjective of a noun, not an estimate",
}


def _gap(text: str):
    for prefix, reason in KNOWN_GAPS.items():
        if text.startswith(prefix):
            return pytest.mark.xfail(reason=reason, strict=True)
    return None


def _cases(items: list[dict]) -> list:
    return [pytest.param(c, marks=[m] if (m := _gap(c["text"])) else [], id=c["text"][:60]) for c in items]


def _figure_sentence(text: str) -> str:
    """The sentence holding the figure: attribution is decided sentence by sentence."""
    for s in split_sentences(text):
        if has_candidate(text[s.start:s.end]):
            return text[s.start:s.end]
    return text


@pytest.mark.parametrize("case", _cases(ATTRIBUTION["cases"]))
def test_attribution(case: dict) -> None:
    with reading(case["lang"]):
        text = _figure_sentence(case["text"])
        found = attribute_sentence(text, text.lower())
        assert found is not None, f"no claimant in {case['text']!r}"
        assert (found.claimant.name, found.claimant.kind) == (case["source"], case["kind"])


@pytest.mark.parametrize("case", _cases(ATTRIBUTION["negative"]))
def test_not_an_attribution(case: dict) -> None:
    with reading(case["lang"]):
        text = _figure_sentence(case["text"])
        found = attribute_sentence(text, text.lower())
        assert found is None, f"{case['text']!r} names no claimant of its figure, got {found}"


def _figure_span(text: str) -> tuple[int, int]:
    found = parse_quantities(text)
    return (found[0].start, found[0].end) if found else (0, len(text))


@pytest.mark.parametrize("case", _cases(CONFIDENCE["cases"]))
def test_confidence_and_modality(case: dict) -> None:
    with reading(case["lang"]):
        text, low = case["text"], case["text"].lower()
        start, end = _figure_span(text)
        term = estimative_term(text, low, start, end)
        assert (term.phrase if term else None) == case["term"]
        if term:
            assert (term.p_low, term.p_high) == (case["p_low"], case["p_high"])
        from datetime import date
        forward = any(t.forward for t in find_times(text, date(2025, 1, 27)))
        assert modality(text, low, start, end, forward) == case["modality"]
        assert hedge(text, low, start, end) == case["hedge"]
