"""Constructions of real reporting, every claim of each sentence (src/tollbook/lang/<code>/corpus/grammar.json)."""

from __future__ import annotations

import pytest

import tollbook
from tollbook.lang import corpus

DATA = corpus("grammar.json")


def _reading(text: str) -> list[list[object]]:
    out = []
    for c in tollbook.extract(text, published="2025-01-27"):
        value = next(v for v in (c.best, c.low, c.high) if v is not None)
        out.append([c.measure, int(value) if float(value).is_integer() else value])
    return out


@pytest.mark.parametrize("case", DATA["cases"], ids=lambda c: c["text"][:60])
def test_every_claim_of_the_sentence(case: dict) -> None:
    assert _reading(case["text"]) == case["claims"]


@pytest.mark.parametrize("text", DATA["negative"], ids=lambda t: t[:60])
def test_no_claim(text: str) -> None:
    assert _reading(text) == []
