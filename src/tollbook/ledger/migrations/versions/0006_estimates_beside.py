"""Fused estimates list what they leave out: hypotheticals, forecasts, denials, shares, parts and increments.

Revision ID: 0006
Revises: 0005
Create Date: 2025-03-03

- `estimates.beside`: JSON, the figures of the period listed beside the estimate and never
  fused into it, each with its reason (what `tollbook.reconcile.fuse` returns as `beside`).

The stored estimates are emptied: they were fused with those figures inside. A ledger
without stored estimates fuses on request, and the next `tollbook reconcile` or ingest
run stores them again (an ingest run then recomputes every actor).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.execute("DELETE FROM estimates")
    with op.batch_alter_table("estimates") as batch:
        batch.add_column(sa.Column("beside", JSON, nullable=False, server_default=sa.text("'[]'")))


def downgrade() -> None:
    with op.batch_alter_table("estimates") as batch:
        batch.drop_column("beside")
