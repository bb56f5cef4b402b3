"""The reconciliation commands over a real ledger file."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tollbook.cli import app


def test_import_reconcile_estimate_timeline(tmp_path, needs_ledger, corpus_file):
    db = str(tmp_path / "ledger.db")
    runner = CliRunner()
    path = corpus_file("ua_genstaff_losses", "russia_losses_equipment.json")
    result = runner.invoke(app, ["import", "--format", "series", str(path), "--db", db])
    assert result.exit_code == 0, result.output
    assert "1626 rows" in result.stderr

    result = runner.invoke(app, ["reconcile", "--db", db, "--json", "--fail-on-findings"])
    assert result.exit_code == 3
    kinds = {f["kind"] for f in json.loads(result.stdout)}
    assert {"monotonicity", "adversary_claim"} <= kinds

    result = runner.invoke(app, ["estimate", "--db", db, "--actor", "Russian forces", "--measure", "destroyed",
                                 "--period", "year", "--nl"])
    assert result.exit_code == 0
    estimates = [json.loads(line) for line in result.stdout.splitlines()]
    assert estimates and all(e["claims"] for e in estimates)

    chart = tmp_path / "tanks.svg"
    result = runner.invoke(app, ["timeline", "--db", db, "--actor", "Russian forces", "--measure", "destroyed",
                                 "--chart", str(chart), "--csv"])
    assert result.exit_code == 0, result.output
    assert chart.exists()

    result = runner.invoke(app, ["series", "--db", db, "--json"])
    assert any(s["series"] == "Russian forces | destroyed | tank | -" for s in json.loads(result.stdout))


def test_reconcile_unknown_kind_is_one_line(tmp_path, needs_ledger):
    result = CliRunner().invoke(app, ["reconcile", "--db", str(tmp_path / "l.db"), "--kind", "nonsense"])
    assert result.exit_code == 2
    assert "choose from" in result.stderr and "Traceback" not in result.output
