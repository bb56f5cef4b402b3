"""The ingest's look-ups on PostgreSQL are planned with their values, never from a plan
prepared while the ledger was nearly empty."""

from __future__ import annotations

import pytest

from tollbook.ledger import open_ledger


@pytest.mark.postgres
def test_postgresql_look_ups_are_planned_with_their_values(pg_url):
    from tollbook.ledger.ingest import _planned_with_values, stored_doc_ids

    with open_ledger(pg_url) as ledger, ledger.engine.connect() as conn:
        dbapi = conn.connection.dbapi_connection
        before = dbapi.prepare_threshold
        with _planned_with_values(conn):
            for _ in range(10):  # psycopg prepares a statement on its sixth run otherwise
                stored_doc_ids(conn, ["a", "b", "c"])
            prepared = conn.exec_driver_sql("SELECT count(*) FROM pg_prepared_statements").scalar()
        assert prepared == 0 and dbapi.prepare_threshold == before
