"""A dump of numbers is not prose: it costs one probe, gives no claim, and never hides a real claim."""

from __future__ import annotations

import pytest

import tollbook
from tollbook.extract.scan import DUMP_FIGURES, candidates, number_dump


@pytest.mark.parametrize("dump", ["1 " * 5_000, "12, " * 2_000, "0.5\t" * 500, "3 4 5 6 7 8 9 " * 300])
def test_number_dumps_are_skipped(dump):
    positions = candidates(dump)
    assert number_dump(positions, 0, len(dump))
    assert tollbook.extract(dump + " killed.", published="2025-01-01") == []


@pytest.mark.parametrize("prose", [
    "Russian losses since February 2022: tanks - 9,870 (+12), armoured vehicles - 20,415 (+25), artillery - "
    "21,600 (+40), air defence systems - 1,050 (+1), aircraft - 369, helicopters - 331, drones - 19,800 (+90).",
    "Between 3 and 5 civilians were killed, 12 were wounded and 4 went missing, officials said on 2 May 2024.",
])
def test_prose_with_many_figures_is_not_a_dump(prose):
    assert not number_dump(candidates(prose), 0, len(prose))
    assert tollbook.extract(prose, published="2025-01-01")


def test_a_claim_beside_a_dump_is_kept():
    text = ("1 " * (DUMP_FIGURES * 4)).strip() + "\n\nAt least 40 people were killed in Kharkiv on Monday, police said.\n"
    claims = tollbook.extract(text, published="2025-01-01")
    assert [(c.best, c.measure) for c in claims] == [(40, "killed")]
