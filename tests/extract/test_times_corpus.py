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
