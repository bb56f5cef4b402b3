"""Appearances of a document, and indexes that serve the claim filters.

Revision ID: 0002
Revises: 0001
Create Date: 2025-02-03

- `appearances`: every (outlet, url) a document's text was published under. Until
  now a second outlet's identical copy was "already present" and its outlet, url
  and date were lost; each existing document gets one appearance from its own row.
- Claim indexes: the filters now compare stored canonical values instead of
  lower(column) = lower(value), so the lower() indexes give way to plain ones, with
  (actor, measure, place_code) for the common combined filter.
- PostgreSQL: place_code in byte order ("C" collation), so a code prefix can be
  matched as a range (code >= 'RU-' AND code < 'RU.') by the index whatever the
  database's locale.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "appearances",
        sa.Column("appearance_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
        sa.Column("outlet", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Text),
        sa.Column("published_at", UTC),
        sa.Column("path", sa.Text),
        sa.Column("captured_at", UTC, nullable=False),
        sa.UniqueConstraint("doc_id", "outlet", "url", name="uq_appearances_doc_outlet_url"),
    )
    op.add_column("runs", sa.Column("appearances_new", sa.Integer, nullable=False, server_default="0"))
    op.execute(
        "INSERT INTO appearances (doc_id, outlet, url, title, published, published_at, path, captured_at) "
        "SELECT doc_id, outlet, url, title, published, published_at, path, captured_at FROM documents"
    )

    if op.get_bind().dialect.name == "postgresql":
        op.execute('ALTER TABLE claims ALTER COLUMN place_code TYPE VARCHAR(16) COLLATE "C"')
    for name in ("ix_claims_actor", "ix_claims_measure", "ix_claims_source"):
        op.drop_index(name, table_name="claims")
    op.create_index("ix_claims_actor_measure_place", "claims", ["actor", "measure", "place_code"])
    op.create_index("ix_claims_source", "claims", ["source"])
    op.create_index("ix_claims_place", "claims", ["place"])


def downgrade() -> None:
    for name in ("ix_claims_place", "ix_claims_source", "ix_claims_actor_measure_place"):
        op.drop_index(name, table_name="claims")
    op.create_index("ix_claims_actor", "claims", [sa.text("lower(actor)")])
    op.create_index("ix_claims_measure", "claims", [sa.text("lower(measure)")])
    op.create_index("ix_claims_source", "claims", [sa.text("lower(source)")])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE claims ALTER COLUMN place_code TYPE VARCHAR(16) COLLATE \"default\"")
    with op.batch_alter_table("runs") as runs:
        runs.drop_column("appearances_new")
    op.drop_table("appearances")
