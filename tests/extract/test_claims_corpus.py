"""Measures, units, actors and places on whole sentences (src/tollbook/lang/<code>/corpus/claims.json)."""

from __future__ import annotations

import pytest

import tollbook
from tollbook.lang import corpus

DATA = corpus("claims.json")


@pytest.mark.parametrize("case", DATA["cases"], ids=lambda c: c["text"][:60])
def test_claim_fields(case: dict) -> None:
    claims = tollbook.extract(case["text"], published="2025-01-27")
    assert claims, f"no claim in {case['text']!r}"
    c = claims[0]
    got = {"measure": c.measure, "unit": c.unit, "actor": c.actor, "place_code": c.place_code}
    want = {k: case[k] for k in got}
    assert got == want
    assert c.ambiguous_measure == case.get("ambiguous", False)


@pytest.mark.parametrize("text", DATA["negative"], ids=lambda t: t[:60])
def test_no_claim(text: str) -> None:
    assert tollbook.extract(text, published="2025-01-27") == []
