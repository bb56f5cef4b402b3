"""Alembic environment: run by `tollbook.ledger.migrate` on a connection it passes in.

No alembic.ini and no logging setup: the ledger opens the database itself and hands
the connection over in `config.attributes["connection"]`, so a user never runs
Alembic by hand.
"""

from __future__ import annotations

from alembic import context

from tollbook.ledger.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("tollbook's migrations run through tollbook.ledger.open_ledger(), which passes a connection")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
