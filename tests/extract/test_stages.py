"""The per-figure stages run in the documented order, each over the sentence record and the figure's draft."""

from __future__ import annotations

import inspect

import tollbook
from tollbook.extract.pipeline import STAGES


def test_stage_order() -> None:
    names = [stage.__name__.lstrip("_") for stage in STAGES]
    assert names == ["value", "derivation", "measure", "actor", "place", "time", "attribution", "confidence", "claim"]


def test_stages_share_one_signature() -> None:
    for stage in STAGES:
        params = list(inspect.signature(stage).parameters.values())
        assert [p.annotation for p in params] == ["_SentenceRecord", "_Draft"], stage.__name__
        assert inspect.signature(stage).return_annotation == "bool", stage.__name__


def test_a_part_inherits_measure_place_period_and_claimant_from_its_whole() -> None:
    text = ("Officials said 40 people were killed in Kharkiv on 3 March 2024. "
            "Among the dead, 12 were children.")
    whole, part = tollbook.extract(text, published="2024-03-05")
    assert (whole.measure, whole.best, whole.place_code, whole.attribution) == ("killed", 40, "UA-63", "explicit")
    assert (part.best, part.measure, part.derived_from) == (12, "killed", whole.claim_id)
    assert (part.place_code, part.date_start, part.source, part.attribution) == ("UA-63", "2024-03-03", whole.source, "carried")
