"""`tollbook check` against the gold set in tests/gold/check: thresholds and the scorer."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tollbook.check.evaluate import evaluate_check
from tollbook.cli import app

GOLD = Path(__file__).resolve().parents[1] / "gold" / "check"
needs_gold = pytest.mark.skipif(not any(GOLD.glob("*.json")), reason="no gold set in tests/gold/check")


@needs_gold
def test_overall_thresholds() -> None:
    report = evaluate_check(GOLD)
    overall = report.overall
    assert overall.precision >= 0.9, report.false_positives
    assert overall.recall >= 0.8, report.misses


@needs_gold
def test_clean_controls_stay_clean() -> None:
    report = evaluate_check(GOLD)
    assert not [fp for fp in report.false_positives if "clean" in fp["case"]]


@needs_gold
def test_eval_check_cli() -> None:
    result = CliRunner().invoke(app, ["eval", "--check", str(GOLD), "--json"])
    assert result.exit_code == 0, result.output
    assert '"overall"' in result.stdout
