"""The article this project started from: what a careful analyst reads in it (shared/seeds/README.md)."""

from __future__ import annotations

import tollbook


def _claims(seed_text: str):
    return tollbook.extract(seed_text, published="2025-01-27")


def _one(claims, **want):
    found = [c for c in claims if all(getattr(c, k) == v for k, v in want.items())]
    assert found, f"no claim with {want}; have {[(c.section, c.measure, c.best, c.qualifier) for c in claims]}"
    return found[0]


def test_casualties_attributed_to_uk_intelligence_as_of_mid_january(seed_text: str) -> None:
    c = _one(_claims(seed_text), measure="casualties", best=4000, qualifier="exact")
    assert c.actor == "North Korean forces" and c.actor_country == "PRK"
    assert c.place_code == "RU-KRS"
    assert (c.date_start, c.date_end) == ("2025-01-11", "2025-01-20")
    assert c.source == "UK Ministry of Defence"
    assert seed_text[c.start:c.end] == c.value_text and "4,000" in c.value_text


def test_a_quarter_killed_is_derived_from_the_4000(seed_text: str) -> None:
    claims = _claims(seed_text)
    base = _one(claims, measure="casualties", best=4000, qualifier="exact")
    killed = _one(claims, measure="killed")
    assert (killed.low, killed.best, killed.high, killed.qualifier) == (900, 1000, 1100, "approximately")
    assert killed.derived_from == base.claim_id and killed.fraction == 0.25


def test_deployment_strength_and_the_fraction_of_those_sent(seed_text: str) -> None:
    claims = _claims(seed_text)
    deployed = [c for c in claims if c.measure == "deployed"]
    assert {c.best for c in deployed} == {11000}
    assert _one(claims, measure="strength").best == 1_200_000
    third = _one(claims, value_text="more than a third")
    assert third.measure == "casualties" and third.qualifier == "more_than"
    assert third.derived_from in {c.claim_id for c in deployed}
    assert third.low <= 4000  # "more than a third of about 11,000" holds with the 4,000
    half = _one(claims, value_text="nearly half")
    assert half.source == "Armed Forces of Ukraine" and half.modality == "estimated"
    assert half.derived_from in {c.claim_id for c in deployed} and half.best == 5500


def test_headline_over_4000_eliminated(seed_text: str) -> None:
    head = _one(_claims(seed_text), section="headline")
    assert (head.qualifier, head.low, head.high) == ("more_than", 4000, None)
    assert head.measure == "casualties" and head.ambiguous_measure
    assert head.actor == "North Korean forces"


def test_no_claim_from_years_dates_or_durations(seed_text: str) -> None:
    texts = {c.value_text for c in _claims(seed_text)}
    for never in ("2025", "24", "three", "almost three", "January 24"):
        assert never not in texts
