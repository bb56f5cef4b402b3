"""Fixtures for the web tests: one real SQLite ledger built from the bundled examples.

The ledger is built once per session (ingesting takes a second or two) and only
read by the tests, so they may share it.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def ledger_path(tmp_path_factory) -> str:
    """A SQLite ledger file holding every bundled example report."""
    from tollbook.ledger import open_ledger

    path = str(tmp_path_factory.mktemp("web") / "ledger.db")
    with open_ledger(path) as ledger:
        summary = ledger.ingest([str(EXAMPLES / "kursk"), str(EXAMPLES / "reports")])
    assert summary.documents_failed == 0, summary.line()
    return path


@pytest.fixture(scope="session")
def ledger(ledger_path):
    from tollbook.ledger import open_ledger

    with open_ledger(ledger_path) as opened:
        yield opened


@pytest.fixture(scope="session")
def client(ledger_path):
    from fastapi.testclient import TestClient

    from tollbook.web import create_app

    with TestClient(create_app(ledger_path)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def uk_4000(ledger) -> dict:
    """The UK Ministry of Defence's 4,000 North Korean casualties, as read in a report's body."""
    frame = ledger.claims(source="UK Ministry of Defence", actor="North Korean forces", measure="casualties",
                          section="body")
    rows = frame[frame["best"] == 4000].to_dict("records")
    assert rows, "the bundled examples should hold the UK MoD 4,000 casualties claim"
    return rows[0]


START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served(db_path: str, log: Path, *flags: str) -> Iterator[tuple[subprocess.Popen, str]]:
    """The real `tollbook serve` on a free localhost port: (process, base URL), stopped afterwards."""
    port = free_port()
    with open(log, "wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "tollbook.cli", "serve", "--db", db_path,
                                    "--host", "127.0.0.1", "--port", str(port), *flags],
                                   stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT
    try:
        while True:
            try:
                if httpx.get(f"{base}/static/tollbook.css", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"tollbook serve did not start:\n{log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.2)
        yield process, base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def serve():
    """`served`, for tests that start the real server: `with serve(db, log, *flags) as (process, base): ...`."""
    return served
