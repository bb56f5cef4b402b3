"""`tollbook extract` as users call it: real files, real subprocesses, every output format, bad input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPORT = "Harbour Wire\nRussian strikes on Kharkiv killed at least 12 people and wounded about 40 on Tuesday, the governor said.\n"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tollbook.cli", *args], input=stdin, capture_output=True, text=True, timeout=120)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    p = tmp_path / "report.txt"
    p.write_text(REPORT, encoding="utf-8")
    return p


def test_json_output(report: Path) -> None:
    r = run("extract", str(report), "--published", "2025-01-28", "--json")
    assert r.returncode == 0, r.stderr
    claims = json.loads(r.stdout)
    assert [(c["measure"], c["best"], c["qualifier"]) for c in claims] == [("killed", 12, "at_least"), ("wounded", 40, "approximately")]
    assert claims[0]["date_end"] == "2025-01-28" and claims[0]["place_code"] == "UA-63"
    assert r.stderr == ""


def test_nl_csv_tsv_agree(report: Path) -> None:
    nl = [json.loads(line) for line in run("extract", str(report), "--nl").stdout.splitlines()]
    rows = list(csv.DictReader(io.StringIO(run("extract", str(report), "--csv").stdout)))
    tsv = list(csv.DictReader(io.StringIO(run("extract", str(report), "--tsv").stdout), delimiter="\t"))
    assert len(nl) == len(rows) == len(tsv) == 2
    assert [r["claim_id"] for r in rows] == [c["claim_id"] for c in nl] == [r["claim_id"] for r in tsv]


def test_stdin_and_batch_carry_doc_ids(report: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Flood toll\nAt least 30 people died in the floods, officials said.\n", encoding="utf-8")
    r = run("extract", str(report), str(other), "-", "--nl", stdin="Quake\nThe quake killed 7 people.\n")
    docs = {json.loads(line)["doc_id"] for line in r.stdout.splitlines()}
    assert r.returncode == 0 and len(docs) == 3


def test_bad_input_is_one_line_each_and_the_batch_goes_on(report: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02PNG\x00" * 200)
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Séisme near Kharkiv\nOfficials said 12 soldiers were killed near the café in Kharkiv.\n".encode("latin-1"))
    broken = tmp_path / "broken.html"
    broken.write_text("<html><body><div><p>", encoding="utf-8")
    r = run("extract", str(report), str(empty), str(binary), str(latin), str(broken), str(tmp_path / "missing.txt"), "--nl")
    assert r.returncode == 4
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 4, r.stderr
    for name in ("empty.txt", "blob.bin", "broken.html", "missing.txt"):
        assert any(name in line for line in lines), name
    assert "Traceback" not in r.stderr
    docs = {json.loads(line)["doc_id"] for line in r.stdout.splitlines()}
    assert len(docs) == 2  # the good file and the Latin-1 one, decoded


def test_nothing_readable_exits_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"   \n")
    r = run("extract", str(empty))
    assert r.returncode == 2 and "empty.txt" in r.stderr


def test_oversized_file_is_refused(report: Path) -> None:
    r = run("extract", str(report), "--max-bytes", "10")
    assert r.returncode == 2 and "limit" in r.stderr
