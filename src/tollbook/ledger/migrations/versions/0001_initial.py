"""The first ledger: documents, claims, claimants, runs, fingerprints.

Revision ID: 0001
Revises:
Create Date: 2025-01-27

Types are written out here rather than imported from schema.py, so this revision
keeps creating the same tables when schema.py moves on.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("doc_id", sa.String(64), primary_key=True),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Text),
        sa.Column("published_at", UTC),
        sa.Column("published_from", sa.Text),
        sa.Column("captured_at", UTC, nullable=False),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("path", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("raw_sha256", sa.String(64)),
        sa.Column("cluster_id", sa.String(64)),
        sa.Column("extractor_version", sa.String(32), nullable=False),
    )
    op.create_index("ix_documents_published_at", "documents", ["published_at"])
    op.create_index("ix_documents_cluster_id", "documents", ["cluster_id"])
    op.create_index("ix_documents_extractor_version", "documents", ["extractor_version"])

    op.create_table(
        "claims",
        sa.Column("claim_id", sa.String(64), primary_key=True),
        sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
        sa.Column("section", sa.String(16), nullable=False),
        sa.Column("measure", sa.String(32)),
        sa.Column("measure_text", sa.Text),
        sa.Column("ambiguous_measure", sa.Boolean, nullable=False),
        sa.Column("unit", sa.Text),
        sa.Column("actor", sa.Text),
        sa.Column("actor_country", sa.String(8)),
        sa.Column("actor_text", sa.Text),
        sa.Column("place", sa.Text),
        sa.Column("place_code", sa.String(16)),
        sa.Column("place_text", sa.Text),
        sa.Column("low", sa.Float),
        sa.Column("best", sa.Float),
        sa.Column("high", sa.Float),
        sa.Column("qualifier", sa.String(16), nullable=False),
        sa.Column("value_text", sa.Text, nullable=False),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("date_text", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("sources", JSON, nullable=False),
        sa.Column("confidence_term", sa.Text),
        sa.Column("p_low", sa.Float),
        sa.Column("p_high", sa.Float),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("derived_from", sa.String(64)),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("hedge", sa.Text),
        sa.Column("fraction", sa.Float),
        sa.Column("attribution", sa.String(16)),
        sa.Column("extractor_version", sa.String(32), nullable=False),
    )
    op.create_index("ix_claims_actor", "claims", [sa.text("lower(actor)")])
    op.create_index("ix_claims_measure", "claims", [sa.text("lower(measure)")])
    op.create_index("ix_claims_source", "claims", [sa.text("lower(source)")])
    op.create_index("ix_claims_place_code", "claims", ["place_code"])
    op.create_index("ix_claims_date_end", "claims", ["date_end"])
    op.create_index("ix_claims_doc_id", "claims", ["doc_id"])

    op.create_table(
        "claimants",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("country", sa.String(8)),
    )

    op.create_table(
        "runs",
        sa.Column("run_id", sa.String(32), primary_key=True),
        sa.Column("command", sa.Text, nullable=False),
        sa.Column("extractor_version", sa.String(32), nullable=False),
        sa.Column("started_at", UTC, nullable=False),
        sa.Column("finished_at", UTC),
        sa.Column("documents_new", sa.Integer, nullable=False, server_default="0"),
        sa.Column("documents_present", sa.Integer, nullable=False, server_default="0"),
        sa.Column("documents_failed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("claims", sa.Integer, nullable=False, server_default="0"),
        sa.Column("errors", JSON),
    )

    op.create_table(
        "fingerprints",
        sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("content_hash", sa.String(40), nullable=False),
        sa.Column("minhash", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_fingerprints_content_hash", "fingerprints", ["content_hash"])


def downgrade() -> None:
    for table in ("fingerprints", "runs", "claimants", "claims", "documents"):
        op.drop_table(table)
