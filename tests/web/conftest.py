"""Fixtures for the web tests: one real SQLite ledger built from the bundled examples.

The ledger is built once per session (ingesting takes a second or two) and only
read by the tests, so they may share it.
"""

from __future__ import annotations

from pathlib import Path

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
