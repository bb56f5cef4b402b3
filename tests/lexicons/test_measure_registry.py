"""The measure registry (measures.toml) is the one source of a measure's properties."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import tollbook
from tollbook.lexicons.measures import measure_names_text, measure_registry, measures_where
from tollbook.model import CLAIM_FIELD_DESCRIPTIONS, MEASURES

SRC = Path(tollbook.__file__).parent


def test_model_measure_literal_is_the_registry() -> None:
    assert list(MEASURES) == list(measure_registry())


def test_every_measure_has_words_and_known_counts() -> None:
    families = {info.family for info in measure_registry().values()}
    for name, info in measure_registry().items():
        assert info.counts and info.counts <= {"people", "equipment"}, name
        assert info.equipment_as is None or info.equipment_as in measure_registry(), name
        assert info.brief_rank >= 0 and info.family in families
        assert set(info.parts) <= set(measure_registry()) - {name}, name


def test_views_answer_from_the_data() -> None:
    assert measures_where(cumulative=True) == {"killed", "wounded", "casualties", "captured", "destroyed"}
    assert measures_where(loss=True, people=True) == {"killed", "wounded", "casualties", "missing", "captured"}
    assert measures_where(people=False) == {"destroyed", "damaged"}
    assert measures_where(whole=True) == {"casualties", "deployed", "strength"}
    assert measure_registry()["casualties"].equipment_as == "destroyed"
    assert measure_registry()["casualties"].parts == ("killed", "wounded")


@pytest.mark.parametrize("verb_measure", [m for m, i in measure_registry().items() if i.brief_verb])
def test_brief_verbs_are_cues_the_extractor_reads_back(verb_measure: str) -> None:
    verb = measure_registry()[verb_measure].brief_verb
    claims = tollbook.extract(f"Officials said 12 people {verb} on Monday.", published="2024-03-04") if verb_measure not in (
        "destroyed", "damaged") else tollbook.extract(f"Officials said 12 tanks {verb} on Monday.", published="2024-03-04")
    assert [c.measure for c in claims] == [verb_measure]


def test_help_texts_name_every_measure() -> None:
    assert CLAIM_FIELD_DESCRIPTIONS["measure"] == measure_names_text() + "."
    assert all(name in CLAIM_FIELD_DESCRIPTIONS["measure"] for name in MEASURES)


# Sets of measure names kept in code are what the registry replaces: none may come back.
_NAME = "|".join(measure_registry())
_SET_OF_NAMES = re.compile(rf'[{{(\[]\s*"(?:{_NAME})"\s*(?::\s*[^,]+)?,\s*"(?:{_NAME})"')


@pytest.mark.parametrize("path", ["extract/measures.py", "check/pairing.py", "check/rules.py", "check/brief.py",
                                  "reconcile/series.py", "reconcile/findings.py", "model.py"])
def test_no_parallel_measure_sets(path: str) -> None:
    text = (SRC / path).read_text(encoding="utf-8")
    if path == "model.py":
        text = text.replace(text[text.index("Measure = Literal["):text.index("]", text.index("Measure = Literal["))], "")
    assert not _SET_OF_NAMES.search(text), _SET_OF_NAMES.search(text)
