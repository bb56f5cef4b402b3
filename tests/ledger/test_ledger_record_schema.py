"""The ledger's own exports pass the checkers their users run: JSON Schema for JSON Lines, frictionless for the
Data Package. A real SQLite ledger holding the bundled example reports, exported by the real command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import frictionless
import jsonschema
import pytest
from referencing import Registry, Resource

from ledger_fixtures import run_cli
from tollbook.ledger import open_ledger
from tollbook.ledger.queries import CLAIM_FRAME_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schema"
EXAMPLES = [ROOT / "examples" / "reports", ROOT / "examples" / "kursk"]


@pytest.fixture(scope="module")
def example_ledger(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("examples") / "examples.db")
    with open_ledger(db) as ledger:
        summary = ledger.ingest([str(p) for p in EXAMPLES])
    assert summary.documents_new >= 20 and summary.claims >= 50, summary.line()
    return db


def _validator() -> jsonschema.Draft202012Validator:
    claim = json.loads((SCHEMAS / "claim.schema.json").read_text(encoding="utf-8"))
    record = json.loads((SCHEMAS / "ledger_record.schema.json").read_text(encoding="utf-8"))
    registry = Registry().with_resource(claim["$id"], Resource.from_contents(claim))
    return jsonschema.Draft202012Validator(record, registry=registry, format_checker=jsonschema.FormatChecker())


def test_every_jsonl_record_validates_against_the_ledger_record_schema(example_ledger, tmp_path):
    out = tmp_path / "claims.jsonl"
    done = run_cli("export", "--format", "jsonl", "--db", example_ledger, "--out", str(out))
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 50
    validator = _validator()
    for record in records:
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(record)]
        assert errors == [], (record["claim_id"], errors)
        assert list(record) == list(CLAIM_FRAME_COLUMNS)
    located = [r for r in records if r["latitude"] is not None]
    assert located and all(-90 <= r["latitude"] <= 90 and -180 <= r["longitude"] <= 180 for r in located)
    assert all(r["place_code"] or r["place"] for r in located)


def test_the_claim_schema_alone_rejects_a_ledger_record(example_ledger, tmp_path):
    """Why the ledger record has its own schema: the claim schema is closed to other fields."""
    out = tmp_path / "claims.jsonl"
    assert run_cli("export", "--format", "jsonl", "--db", example_ledger, "--out", str(out)).returncode == 0
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    claim = json.loads((SCHEMAS / "claim.schema.json").read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError, match="latitude"):
        jsonschema.validate(record, claim)


def test_frictionless_validates_the_data_package(example_ledger, tmp_path):
    folder = tmp_path / "package"
    done = run_cli("export", "--format", "datapackage", "--db", example_ledger, "--out", str(folder))
    assert done.returncode == 0, done.stderr
    descriptor = folder / "datapackage.json"
    report = frictionless.validate(str(descriptor))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    fields = {f["name"]: f for f in json.loads(descriptor.read_text())["resources"][0]["schema"]["fields"]}
    assert fields["latitude"]["type"] == fields["longitude"]["type"] == "number"
    # The command-line tool users run, as they run it.
    command = shutil.which("frictionless", path=str(Path(sys.executable).parent))
    if command is None:
        pytest.skip("the frictionless command is not installed beside this Python")
    checked = subprocess.run([command, "validate", str(descriptor)], capture_output=True, text=True, timeout=300)
    assert checked.returncode == 0, checked.stdout[-2000:] + checked.stderr[-2000:]
