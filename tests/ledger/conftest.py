"""Fixtures for the ledger tests: a real SQLite file and a real PostgreSQL database.

Tests that take `db_url` run once per backend. PostgreSQL tests get a database of
their own (created and dropped around the test) on the server named by
$TOLLBOOK_TEST_PG, and are skipped with the reason when it cannot be reached.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The test modules import their builders from ledger_fixtures.py beside this file.
sys.path.insert(0, str(Path(__file__).parent))

@pytest.fixture
def ledger(db_url):
    from tollbook.ledger import open_ledger

    with open_ledger(db_url) as opened:
        yield opened

