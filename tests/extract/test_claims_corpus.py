"""Measures, units, actors and places on whole sentences (src/tollbook/lang/<code>/corpus/claims.json)."""

from __future__ import annotations

import pytest

import tollbook
from tollbook.lang import corpus, languages

DATA = corpus("claims.json")
NEGATIVE = [(code, text) for code in languages() for text in corpus("claims.json", code).get("negative", [])]


@pytest.mark.parametrize("case", DATA["cases"], ids=lambda c: c["text"][:60])
def test_claim_fields(case: dict) -> None:
    claims = tollbook.extract(case["text"], published="2025-01-27", language=case["lang"])
    assert claims, f"no claim in {case['text']!r}"
    c = claims[0]
    got = {"measure": c.measure, "unit": c.unit, "actor": c.actor, "place_code": c.place_code}
    want = {k: case[k] for k in got}
    assert got == want
    assert c.ambiguous_measure == case.get("ambiguous", False)


@pytest.mark.parametrize(("lang", "text"), NEGATIVE, ids=[f"{code} {text[:60]}" for code, text in NEGATIVE])
def test_no_claim(lang: str, text: str) -> None:
    assert tollbook.extract(text, published="2025-01-27", language=lang) == []
