"""The time grammar against its corpus (src/tollbook/lang/<code>/corpus/times.json)."""

from __future__ import annotations

from datetime import date

import pytest

from tollbook.lang import corpus, reading
from tollbook.extract.times import find_times, latest_date_in

DATA = corpus("times.json")


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


@pytest.mark.parametrize("case", DATA["cases"], ids=lambda c: f"{c['reference']} {c['text'][:50]}")
def test_time(case: dict) -> None:
    with reading(case["lang"]):
        found = find_times(case["text"], date.fromisoformat(case["reference"]))
    assert found, f"no time found in {case['text']!r}"
    t = found[0]
    assert (_iso(t.date_start), _iso(t.date_end), t.forward) == (case["start"], case["end"], case["forward"]), t.text


@pytest.mark.parametrize("case", DATA["negative"], ids=lambda c: c["text"][:50])
def test_not_a_time(case: dict) -> None:
    with reading(case["lang"]):
        assert find_times(case["text"], date.fromisoformat(case["reference"])) == []


def test_latest_date_in_text_is_the_fallback_reference() -> None:
    text = "An update of 24 January 2025 said so; an earlier one, 3 December 2024, said less."
    assert latest_date_in(text) == date(2025, 1, 24)


# Sentences where the cheap gates of find_times are easy to get wrong: a month inside a word, a
# lead word before a month or digits, letters a case-insensitive pattern reads as ASCII ("İ", "ſ").
_GATE_CASES = [
    "The market fell in March 2024 and mid-March, from 3 to 5 April, as of 12 Jan.",
    "Dismayed officials declared on Monday, 3 JAN 90, that 12 died overnight; by the end of the year more.",
    "ſince 5 ſeptember, FRİDAY, thıs week and the paſt 24 hours, within three months, over the weekend.",
    "Between 3 and 5 April 2023, in the first week of May, during the coming days, so far this year.",
    "x5 March, from_5 June, 5th of May 2021, 2025-01-05, between 24.02.22 and 27.01.25, ১৫ March.",
]


@pytest.mark.parametrize("sentence", [c["text"] for c in DATA["cases"] if c["lang"] == "en"] + _GATE_CASES)
def test_rules_tried_at_their_start_words_find_what_a_full_search_finds(sentence: str) -> None:
    from tollbook.extract import times

    with reading("en"):
        table = times._table()
        folded = times._folded(sentence, sentence.lower())
        starts = times._word_starts(folded, table.start_words)
        for pattern, rule in table.compiled:
            if rule in table.starts_of:
                tried = times._matches_from(pattern, sentence, [at for at, w in starts if w in table.starts_of[rule]])
                assert [m.span() for m in tried] == [m.span() for m in pattern.finditer(sentence)], rule.__name__
