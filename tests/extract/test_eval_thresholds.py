"""The accuracy harness keeps extraction honest: a regression on the gold set fails CI.

Thresholds from the issue: F1 >= 0.9 on values and measures, >= 0.8 on sources and dates.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tollbook.extract.evaluate import evaluate

GOLD = Path(__file__).resolve().parents[1] / "gold" / "extract"
THRESHOLDS = {"value": 0.9, "measure": 0.9, "source": 0.8, "date": 0.8}


@pytest.fixture(scope="module")
def report():
    return evaluate(GOLD)


def test_gold_set_is_large_enough(report) -> None:
    assert report.cases >= 40 and report.n_gold >= 200


@pytest.mark.parametrize("field,minimum", sorted(THRESHOLDS.items()))
def test_field_f1(report, field: str, minimum: float) -> None:
    assert report.f1(field) >= minimum, f"{field} F1 {report.f1(field):.3f} < {minimum}"


def test_eval_command_prints_every_field(tmp_path: Path) -> None:
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "tollbook.cli", "eval", str(GOLD), "--json"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    import json

    fields = {row["field"] for row in json.loads(r.stdout)["scores"]}
    assert {"value", "measure", "actor", "place", "date", "source", "confidence", "modality", "derived_from", "overall"} <= fields
