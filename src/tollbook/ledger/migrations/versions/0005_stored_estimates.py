"""Fused estimates stored in the ledger, so a timeline reads them instead of fusing its claims.

Revision ID: 0005
Revises: 0004
Create Date: 2025-02-24

- `estimates`: one row per series, period kind (day, week, month, year, all) and period,
  with the fused low/best/high, the method in words and, as JSON, the claims, originators
  and per-originator inputs behind it (what `tollbook.reconcile.fuse` returns).

The table starts empty, as 0004's did; a ledger whose estimates are not stored yet is fused
on request, and the next `tollbook reconcile` or ingest run stores them (an ingest run into
a ledger without them recomputes every actor, not only those it touched).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

UTC = sa.DateTime(timezone=True)
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
CODE = sa.String(16).with_variant(sa.String(16, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "estimates",
        sa.Column("series", sa.Text, primary_key=True),
        sa.Column("fused_per", sa.String(8), primary_key=True),
        sa.Column("period", sa.Text, primary_key=True),
        sa.Column("actor", sa.Text),
        sa.Column("measure", sa.String(32)),
        sa.Column("unit", sa.Text),
        sa.Column("place_code", CODE),
        sa.Column("period_start", sa.Text),
        sa.Column("period_end", sa.Text),
        sa.Column("low", sa.Float),
        sa.Column("best", sa.Float),
        sa.Column("high", sa.Float),
        sa.Column("conservative", sa.Float),
        sa.Column("method", sa.Text, nullable=False),
        sa.Column("claims", JSON, nullable=False),
        sa.Column("originators", JSON, nullable=False),
        sa.Column("inputs", JSON, nullable=False),
        sa.Column("superseded", JSON, nullable=False),
        sa.Column("computed_at", UTC, nullable=False),
    )
    op.create_index("ix_estimates_timeline", "estimates", ["actor", "measure", "fused_per"])


def downgrade() -> None:
    op.drop_index("ix_estimates_timeline", table_name="estimates")
    op.drop_table("estimates")
