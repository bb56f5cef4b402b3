"""The number grammar against its corpus (src/tollbook/lang/<code>/corpus/numbers.json): one case a line of data.

Positive cases are checked at the number level (every figure, bases before the
fractions taken of them); negative cases at the claim level: they must yield no claim.
"""

from __future__ import annotations

import pytest

import tollbook
from tollbook.lang import corpus, languages, reading
from tollbook.extract.numbers import parse_quantities

DATA = corpus("numbers.json")
NEGATIVE = [(code, text) for code in languages() for text in corpus("numbers.json", code).get("negative", [])]


def _values(text: str) -> list[list]:
    found = sorted(parse_quantities(text), key=lambda q: (q.fraction is not None, q.start))
    return [[q.low, q.best, q.high, q.qualifier] for q in found]


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= max(0.011, abs(b) * 1e-6)


@pytest.mark.parametrize("case", DATA["cases"], ids=lambda c: c["text"][:60])
def test_positive(case: dict) -> None:
    with reading(case["lang"]):
        got = _values(case["text"])
    want = case["values"]
    assert len(got) == len(want), f"{case['text']!r}: got {got}, want {want}"
    for g, w in zip(got, want):
        assert g[3] == w[3] and all(_close(x, y) for x, y in zip(g[:3], w[:3])), f"{case['text']!r}: got {got}, want {want}"


@pytest.mark.parametrize(("lang", "text"), NEGATIVE, ids=[f"{code} {text[:60]}" for code, text in NEGATIVE])
def test_negative(lang: str, text: str) -> None:
    claims = tollbook.extract(text, published="2025-01-27", language=lang)
    assert claims == [], f"{text!r} must yield no claim, got {[c.value_text for c in claims]}"
