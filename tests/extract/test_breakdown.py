"""A list of places with bare counts that add up to the figure before it is that figure by place."""

import tollbook

HEAD = ("Quake toll in Anatolia passes 300\n\n"
        "At least 312 people died in the earthquake, the disaster agency said on Tuesday.\n"
        "The agency gave the dead by province:\n")


def _claims(lines: str) -> list:
    return tollbook.extract(HEAD + lines, published="2023-02-07", outlet="Harbour Wire", language="en")


def test_a_list_that_adds_up_is_the_whole_by_place():
    claims = _claims("Gaziantep: 120\nMalatya: 92\nAdana: 100\n")
    whole = next(c for c in claims if c.best == 312 and c.section == "body")
    parts = [c for c in claims if c.derived_from == whole.claim_id]
    assert [(c.best, c.place_code) for c in parts] == [(120, "TR-27"), (92, "TR-44"), (100, "TR-01")]
    assert {c.measure for c in parts} == {whole.measure} and all(c.source == whole.source for c in parts)
    text = HEAD + "Gaziantep: 120\nMalatya: 92\nAdana: 100\n"
    assert all(text[c.start:c.end] == c.value_text for c in parts)


def test_a_list_that_does_not_add_up_is_not_read():
    claims = _claims("Gaziantep: 120\nMalatya: 92\nAdana: 101\n")
    assert [c.best for c in claims if c.derived_from] == []


def test_two_items_are_no_list():
    claims = _claims("Gaziantep: 212\nMalatya: 100\n")
    assert [c.best for c in claims if c.derived_from] == []
