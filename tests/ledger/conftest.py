"""Fixtures for the ledger tests: a real SQLite file and a real PostgreSQL database.

Tests that take `db_url` run once per backend. PostgreSQL tests get a database of
their own (created and dropped around the test) on the server named by
$TOLLBOOK_TEST_PG, and are skipped with the reason when it cannot be reached.
"""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

# The test modules import their builders from ledger_fixtures.py beside this file.
sys.path.insert(0, str(Path(__file__).parent))

PG_SERVER = os.environ.get("TOLLBOOK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def pg_admin():
    """An AUTOCOMMIT engine on the server's maintenance database, for CREATE/DROP DATABASE."""
    engine = sa.create_engine(PG_SERVER, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    try:
        with engine.connect():
            pass
    except sa.exc.OperationalError as exc:
        pytest.skip(f"PostgreSQL not reachable at {PG_SERVER} (set TOLLBOOK_TEST_PG): {str(exc.orig).strip()}")
    yield engine
    engine.dispose()


@pytest.fixture
def pg_url(pg_admin):
    """A fresh, empty database for one test; dropped afterwards."""
    name = f"tollbook_test_{uuid.uuid4().hex[:12]}"
    with pg_admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield sa.make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False)
    with pg_admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """The ledger URL of each backend: a SQLite file path, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "ledger.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def ledger(db_url):
    from tollbook.ledger import open_ledger

    with open_ledger(db_url) as opened:
        yield opened

