"""Fixtures for the scale tests: a real 2-process Dask LocalCluster, real SQLite files and real PostgreSQL.

PostgreSQL ledgers are databases created on $TOLLBOOK_TEST_PG for this test session
and dropped at its end; those tests are skipped with the reason when the server
cannot be reached.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [str(ROOT / "examples" / "reports"), str(ROOT / "examples" / "kursk")]
PG_SERVER = os.environ.get("TOLLBOOK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def examples() -> list[str]:
    """The bundled report folders: 28 reports, one of them HTML, with one syndicated copy."""
    return list(EXAMPLES)


@pytest.fixture(scope="session")
def client() -> Iterator[object]:
    """A client on a LocalCluster of 2 worker processes, 1 thread each, shared by the session."""
    from tollbook.scale import open_client

    with open_client(workers=2) as opened:
        yield opened


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[Callable[[], str]]:
    """A factory of empty PostgreSQL databases (URLs), all dropped when the session ends."""
    admin = sa.create_engine(PG_SERVER, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    try:
        with admin.connect():
            pass
    except sa.exc.OperationalError as exc:
        admin.dispose()
        pytest.skip(f"PostgreSQL not reachable at {PG_SERVER} (set TOLLBOOK_TEST_PG): {str(exc.orig).strip()}")
    session = uuid.uuid4().hex[:8]
    made: list[str] = []

    def create() -> str:
        name = f"tollbook_scale_{session}_{len(made)}"
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        made.append(name)
        return sa.make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False)

    yield create
    with admin.connect() as conn:
        for name in made:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def new_db(request, tmp_path) -> Callable[[], str]:
    """A factory of empty ledgers of one backend: SQLite files, or fresh PostgreSQL databases."""
    if request.param == "sqlite":
        counter = iter(range(1000))
        return lambda: str(tmp_path / f"ledger{next(counter)}.db")
    return request.getfixturevalue("pg_databases")
