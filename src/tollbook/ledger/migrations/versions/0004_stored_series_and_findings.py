"""Series and findings stored in the ledger, so pages read rows instead of recomputing.

Revision ID: 0004
Revises: 0003
Create Date: 2025-02-17

- `series`: one row per series (actor, measure, unit, place) with its counts and its
  number of findings.
- `findings`: one row per finding (finding_id is stable: the same rule over the same
  claims), with its claims, spans and detail as JSON, and a sort rank.
- `finding_claims`: (finding_id, claim_id), indexed both ways, so the findings of a
  claim or of a document are one index look-up.

The tables start empty here: computing them reads every claim, which an upgrade under
the migration lock should not do. `tollbook reconcile` fills them (actor by actor);
from then on each ingest run replaces the rows of the actors it touched.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

UTC = sa.DateTime(timezone=True)
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
CODE = sa.String(16).with_variant(sa.String(16, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "series",
        sa.Column("series", sa.Text, primary_key=True),
        sa.Column("actor", sa.Text),
        sa.Column("measure", sa.String(32)),
        sa.Column("unit", sa.Text),
        sa.Column("place_code", CODE),
        sa.Column("place", sa.Text),
        sa.Column("parent", CODE),
        sa.Column("claims", sa.Integer, nullable=False),
        sa.Column("appearances", sa.Integer, nullable=False),
        sa.Column("appearance_groups", sa.Integer, nullable=False),
        sa.Column("originators", sa.Integer, nullable=False),
        sa.Column("originator_names", JSON, nullable=False),
        sa.Column("first_date", sa.Text),
        sa.Column("last_date", sa.Text),
        sa.Column("findings", sa.Integer, nullable=False),
        sa.Column("computed_at", UTC, nullable=False),
    )
    op.create_index("ix_series_actor", "series", ["actor"])
    op.create_table(
        "findings",
        sa.Column("finding_id", sa.String(16), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("severity", sa.String(8), nullable=False),
        sa.Column("rank", sa.Integer, nullable=False),
        sa.Column("series", sa.Text, nullable=False),
        sa.Column("actor", sa.Text),
        sa.Column("rule", sa.Text, nullable=False),
        sa.Column("claims", JSON, nullable=False),
        sa.Column("spans", JSON, nullable=False),
        sa.Column("detail", JSON, nullable=False),
        sa.Column("first_doc_id", sa.String(64)),
        sa.Column("computed_at", UTC, nullable=False),
    )
    op.create_index("ix_findings_order", "findings", ["rank", "series", "first_doc_id", "finding_id"])
    op.create_index("ix_findings_kind", "findings", ["kind", "rank", "series", "first_doc_id", "finding_id"])
    op.create_index("ix_findings_series", "findings", ["series", "rank", "first_doc_id", "finding_id"])
    op.create_index("ix_findings_actor", "findings", ["actor"])
    op.create_table(
        "finding_claims",
        sa.Column("finding_id", sa.String(16), sa.ForeignKey("findings.finding_id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("claim_id", sa.String(64), primary_key=True),
    )
    op.create_index("ix_finding_claims_claim_id", "finding_claims", ["claim_id"])


def downgrade() -> None:
    op.drop_index("ix_finding_claims_claim_id", table_name="finding_claims")
    op.drop_table("finding_claims")
    for name in ("ix_findings_actor", "ix_findings_series", "ix_findings_kind", "ix_findings_order"):
        op.drop_index(name, table_name="findings")
    op.drop_table("findings")
    op.drop_index("ix_series_actor", table_name="series")
    op.drop_table("series")
