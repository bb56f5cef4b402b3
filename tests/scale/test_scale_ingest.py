"""`scale ingest` on a real 2-process LocalCluster leaves the ledger a serial `ingest` leaves (SQLite and PostgreSQL)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from tollbook.ledger import open_ledger
from tollbook.model import CLAIM_FIELDS
from tollbook.scale import ingest_paths

DOCUMENT_COLUMNS = ["doc_id", "title", "outlet", "url", "published", "published_at", "published_from", "path",
                    "raw_sha256", "cluster_id", "extractor_version", "claims", "appearances"]
GOOD = "Harbour Wire\nRussian strikes on Kharkiv killed at least 12 people on Tuesday, the governor said.\n"


def contents(url: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ledger's documents and claims, without capture times, in a fixed order."""
    with open_ledger(url) as ledger:
        docs = ledger.documents()[DOCUMENT_COLUMNS].sort_values("doc_id").reset_index(drop=True)
        claims = ledger.claims()[list(CLAIM_FIELDS)].sort_values("claim_id").reset_index(drop=True)
    return docs, claims


def counts(summary) -> tuple[int, ...]:
    return (summary.documents_new, summary.documents_present, summary.documents_failed, summary.claims,
            summary.appearances_new)


def test_same_ledger_as_serial_ingest(client, new_db, examples) -> None:
    serial_db, scaled_db = new_db(), new_db()
    with open_ledger(serial_db) as ledger:
        serial = ledger.ingest(examples, published="2025-01-27")
    with open_ledger(scaled_db) as ledger:
        scaled = ingest_paths(ledger, client, examples, published="2025-01-27")
    assert counts(scaled) == counts(serial)
    assert scaled.documents_new > 20 and scaled.documents_present == 1  # the syndicated copy
    serial_docs, serial_claims = contents(serial_db)
    scaled_docs, scaled_claims = contents(scaled_db)
    pd.testing.assert_frame_equal(scaled_docs, serial_docs)
    pd.testing.assert_frame_equal(scaled_claims, serial_claims)


def test_rerun_adds_nothing(client, new_db, examples) -> None:
    url = new_db()
    with open_ledger(url) as ledger:
        first = ingest_paths(ledger, client, examples)
        again = ingest_paths(ledger, client, examples)
    assert first.documents_new > 0 and first.claims > 0
    assert counts(again) == (0, first.documents_new + first.documents_present, 0, 0, 0)
    with open_ledger(url) as ledger:
        assert len(ledger.documents()) == first.documents_new
        assert len(ledger.claims()) == first.claims


def test_bad_files_are_reported_and_skipped(client, new_db, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02garbage\x00" * 50)
    (folder / "feed.jsonl").write_text('{"text": "Shelling killed 7 civilians in Kherson, officials said."}\nnot json\n')
    with open_ledger(new_db()) as ledger:
        summary = ingest_paths(ledger, client, [str(folder), str(tmp_path / "missing.txt")])
    assert summary.documents_new == 2 and summary.claims == 2
    failed = {Path(f.name).name: f.reason for f in summary.failures}
    assert set(failed) >= {"empty.txt", "binary.txt", "missing.txt"}
    assert summary.documents_failed == len(summary.failures) == 4  # and the bad line of feed.jsonl
    assert "empty" in failed["empty.txt"] and "binary" in failed["binary.txt"]


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_cli_matches_serial_cli(backend, tmp_path: Path, request, examples) -> None:
    if backend == "sqlite":
        serial_db, scaled_db = str(tmp_path / "serial.db"), str(tmp_path / "scaled.db")
    else:
        create = request.getfixturevalue("pg_databases")
        serial_db, scaled_db = create(), create()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "tollbook.cli", *args], capture_output=True, text=True,
                              timeout=300)

    serial = run("ingest", *examples, str(bad), "--db", serial_db, "--outlet", "Harbour Wire")
    scaled = run("scale", "ingest", *examples, str(bad), "--db", scaled_db, "--workers", "2",
                 "--outlet", "Harbour Wire")
    assert serial.returncode == scaled.returncode == 4, scaled.stderr
    assert scaled.stderr == serial.stderr  # the failure line, then the same summary line
    assert scaled.stderr.splitlines()[-1].startswith("28 documents new, 1 already present, 1 failed;")
    assert contents(scaled_db)[1].equals(contents(serial_db)[1])

    if backend == "postgres":
        return  # the re-run is the same code on both backends (see test_rerun_adds_nothing)
    again = run("scale", "ingest", *examples, "--db", scaled_db, "--workers", "2")
    assert again.returncode == 0, again.stderr
    assert again.stderr.startswith("0 documents new, 29 already present, 0 failed; 0 claims")
