"""`scale extract` on a real 2-process LocalCluster gives what serial extraction gives."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tollbook.errors import ReadError
from tollbook.extract import extract_document
from tollbook.read.walk import expand_paths, read_inputs
from tollbook.scale import Extracted, extract_paths, plan_partitions
from tollbook.scale.extract import claim_from_dict, claim_record


def serial_claims(paths: list[str], **kwargs) -> list[dict]:
    docs = [d for d in read_inputs(paths, **kwargs) if not isinstance(d, ReadError)]
    return [c.to_dict() for d in docs for c in extract_document(d)]


def unordered(claims: list[dict]) -> list[dict]:
    """Claims in a fixed order (a syndicated copy repeats its original's claims, ids and all)."""
    return sorted(claims, key=lambda c: json.dumps(c, sort_keys=True))


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tollbook.cli", *args], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("published", [None, "2025-01-27"])
def test_same_claims_as_serial(client, examples, published) -> None:
    found = list(extract_paths(client, examples, published=published))
    assert not [f for f in found if isinstance(f, ReadError)]
    scaled = [c.to_dict() for f in found for c in f.claims]
    assert unordered(scaled) == unordered(serial_claims(examples, published=published))


def test_documents_come_back_whole_when_asked(client, examples) -> None:
    serial = {d.doc_id: d for d in read_inputs(examples) if not isinstance(d, ReadError)}
    found = [f for f in extract_paths(client, examples, with_documents=True) if isinstance(f, Extracted)]
    assert {f.doc_id: f.document for f in found} == serial


def test_partitions_keep_order_and_limits(examples) -> None:
    files = [f for f in expand_paths(examples) if isinstance(f, str)]
    plan = plan_partitions(examples, workers=2)
    assert [p for part in plan.partitions for p in part] == files
    assert len(plan.partitions) >= 2  # small inputs are still spread over the workers
    tight = plan_partitions(examples, workers=2, max_files=3, target_bytes=10**9)
    assert max(len(p) for p in tight.partitions) == 3
    assert plan_partitions([*examples, "/no/such/dir"], workers=2).errors[0].name == "/no/such/dir"


def test_cli_output_equals_serial_extract(examples) -> None:
    files = [f for f in expand_paths(examples) if isinstance(f, str)]
    serial = run_cli("extract", *files, "--json")
    scaled = run_cli("scale", "extract", *examples, "--workers", "2", "--json")
    assert serial.returncode == 0, serial.stderr
    assert scaled.returncode == 0, scaled.stderr
    assert scaled.stderr == ""
    assert unordered(json.loads(scaled.stdout)) == unordered(json.loads(serial.stdout))
    assert scaled.stdout == serial.stdout  # partitions come back in input order


def test_cli_bad_files_and_usage(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Harbour Wire\nRussian strikes on Kharkiv killed at least 12 people on Tuesday, the governor said.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02garbage\x00" * 50)
    r = run_cli("scale", "extract", str(tmp_path), str(tmp_path / "missing.txt"), "--workers", "2", "--nl")
    assert r.returncode == 4, r.stderr
    assert [json.loads(line)["best"] for line in r.stdout.splitlines()] == [12]
    errors = r.stderr.splitlines()
    assert len(errors) == 3 and all(line.startswith("tollbook: ") for line in errors)
    assert {"empty.txt", "binary.txt", "missing.txt"} == {Path(line.split(":")[1].strip()).name for line in errors}

    both = run_cli("scale", "extract", str(good), "--workers", "2", "--scheduler", "tcp://127.0.0.1:1")
    assert both.returncode == 2 and "not both" in both.stderr and "Traceback" not in both.stderr
    unreachable = run_cli("scale", "extract", str(good), "--scheduler", "tcp://127.0.0.1:1")
    assert unreachable.returncode == 2 and "cannot reach the Dask scheduler" in unreachable.stderr
    assert "Traceback" not in unreachable.stderr


def test_claim_records_round_trip(examples) -> None:
    for doc in read_inputs(examples):
        for claim in extract_document(doc):
            assert claim_record(claim) == claim.to_dict()
            assert claim_from_dict(claim_record(claim)) == claim
