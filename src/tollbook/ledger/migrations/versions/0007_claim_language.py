"""Each claim keeps the language it was read in.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

- `claims.language`: ISO 639-1 code of the language the claim was read in. A document is read in
  its detected language, and a mixed one paragraph by paragraph (issue 15), so a claim's language
  may differ from its document's. Claims stored before this revision take their document's.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


# Plain ALTER TABLE, not batch mode: batch mode rebuilds a SQLite table, and the rebuilt claims table
# would lose the full-text search triggers 0003 put on it.


def upgrade() -> None:
    op.add_column("claims", sa.Column("language", sa.String(16)))
    op.execute("UPDATE claims SET language = (SELECT documents.language FROM documents "
               "WHERE documents.doc_id = claims.doc_id)")


def downgrade() -> None:
    op.drop_column("claims", "language")
