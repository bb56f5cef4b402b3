"""Ingesters started together on a new ledger all succeed; a killed ingest leaves no worker behind.

Real processes throughout: four `tollbook ingest` commands race to create the schema of
a new SQLite file or an empty PostgreSQL database, then to store the same documents.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from ledger_fixtures import CLI
from tollbook.ledger import open_ledger
from tollbook.ledger.schema import appearances, claims, documents, estimates, findings, runs, series
from tollbook.model import Document
from tollbook.read.walk import read_inputs
from tollbook.reconcile.store import refresh_all

REPORTS = Path(__file__).resolve().parents[2] / "examples" / "reports"
INGESTERS = 4


def _environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "TOLLBOOK_DB"}


def _ingest_together(db: str) -> list[subprocess.CompletedProcess]:
    started = [subprocess.Popen([*CLI, "ingest", str(REPORTS), "--db", db], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=_environment())
               for _ in range(INGESTERS)]
    done = []
    for process in started:
        out, err = process.communicate(timeout=300)
        done.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return done


def _check_one_complete_copy(db: str, finished: list[subprocess.CompletedProcess]) -> None:
    for run in finished:
        assert run.returncode == 0, run.stderr
    expected = {item.doc_id for item in read_inputs([str(REPORTS)]) if isinstance(item, Document)}
    with open_ledger(db, create=False) as ledger, ledger.engine.connect() as conn:
        stored = list(conn.execute(sa.select(documents.c.doc_id)).scalars())
        seen = conn.execute(sa.select(appearances.c.doc_id, appearances.c.outlet, appearances.c.url)).all()
        claim_docs = set(conn.execute(sa.select(claims.c.doc_id)).scalars())
        totals = conn.execute(sa.select(runs.c.documents_new, runs.c.documents_present, runs.c.documents_failed,
                                        runs.c.finished_at)).all()
    assert sorted(stored) == sorted(expected)  # nothing lost, nothing twice
    assert len(seen) == len(set(seen))
    assert claim_docs and claim_docs <= expected
    assert len(totals) == INGESTERS and all(t.finished_at is not None and t.documents_failed == 0 for t in totals)
    assert sum(t.documents_new for t in totals) == len(expected)  # each document stored by exactly one ingester
    assert all(t.documents_new + t.documents_present == len(expected) for t in totals)
    # each actor's stored series and findings were written last by an ingester that saw every claim
    with open_ledger(db, create=False) as ledger:
        left = _stored(ledger.engine)
        refresh_all(ledger.engine)
        assert left == _stored(ledger.engine) and left["findings"]


def _stored(engine: sa.Engine) -> dict[str, list[str]]:
    with engine.connect() as conn:
        return {t.name: sorted(repr(tuple(row)) for row in conn.execute(
            sa.select(*[c for c in t.c if c.name != "computed_at"]))) for t in (series, findings, estimates)}


def test_four_ingesters_on_a_new_sqlite_ledger(tmp_path: Path) -> None:
    db = str(tmp_path / "new.db")
    _check_one_complete_copy(db, _ingest_together(db))


@pytest.mark.postgres
def test_four_ingesters_on_a_new_postgresql_database(pg_admin) -> None:
    name = f"tollbook_conc_{uuid.uuid4().hex[:12]}"
    with pg_admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        db = pg_admin.url.set(database=name).render_as_string(hide_password=False)
        _check_one_complete_copy(db, _ingest_together(db))
    finally:
        with pg_admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _children(pid: int) -> set[int]:
    """Processes whose parent is `pid` (read from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    """Whether a process runs (a zombie waiting for a reaper has ended)."""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the worker process")
def test_no_worker_outlives_a_killed_ingest(tmp_path: Path) -> None:
    dense = "\n\n".join(p.read_text() for p in sorted(REPORTS.glob("*.txt")))
    big = tmp_path / "dense.txt"
    big.write_text((dense + "\n\n") * (6_000_000 // len(dense)))  # seconds of extraction in the worker
    ingest = subprocess.Popen([*CLI, "ingest", str(big), "--db", str(tmp_path / "ledger.db")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_environment())
    try:
        deadline = time.monotonic() + 120
        workers: set[int] = set()
        while not workers and time.monotonic() < deadline and ingest.poll() is None:
            time.sleep(0.1)
            workers = _children(ingest.pid)
        assert workers, "the ingest started no extraction worker"
        time.sleep(0.5)  # the worker is now inside extraction
        os.kill(ingest.pid, signal.SIGKILL)
        ingest.wait(10)
        deadline = time.monotonic() + 5
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(_alive, workers)), f"worker(s) {workers} outlived the killed ingest"
    finally:
        if ingest.poll() is None:
            ingest.kill()
