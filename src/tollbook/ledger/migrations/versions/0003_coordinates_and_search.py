"""Coordinates of each claim's place, and full-text search over quotes and document text.

Revision ID: 0003
Revises: 0002
Create Date: 2025-02-10

- `claims.latitude`, `claims.longitude`: the place's point from the gazetteer
  (tollbook.lexicons.gazetteer), so maps (Datasette's cluster map, GIS tools) can draw
  the ledger. Ingest fills them; existing rows are filled here, one UPDATE per
  distinct (place, place_code) pair (tens of pairs, whatever the number of claims).
- SQLite: FTS5 tables over `claims.quote` and `documents.text`, external content (the
  text is stored once, in the table it belongs to), kept in step by triggers and built
  here from the rows already stored. Porter stemming, like PostgreSQL's `english`.
  The triggers key on rowid, which VACUUM may renumber for these tables (their keys are
  text): after a VACUUM, `INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')` (and
  the same for documents_fts) puts the index right. A later migration that copies
  `claims` or `documents` (batch_alter_table) must recreate the triggers.
- PostgreSQL: a GIN index on to_tsvector('english', quote), matched with
  websearch_to_tsquery. The document text is not indexed there: Datasette (the reason
  for documents_fts) reads SQLite only, and one tsvector is limited to 1 MB.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# (FTS table, content table, indexed column)
SQLITE_SEARCH = (("claims_fts", "claims", "quote"), ("documents_fts", "documents", "text"))
PG_QUOTE_INDEX = "ix_claims_quote_search"


def _sqlite_search_ddl(fts: str, table: str, column: str) -> list[str]:
    return [
        # content="..." in double quotes: the form Datasette (and sqlite-utils) look for to find a table's index.
        f"CREATE VIRTUAL TABLE {fts} USING fts5({column}, content=\"{table}\", content_rowid=\"rowid\", "
        "tokenize='porter unicode61')",
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {column}) VALUES (new.rowid, new.{column}); END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.rowid, old.{column}); END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {column} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.rowid, old.{column}); "
        f"INSERT INTO {fts}(rowid, {column}) VALUES (new.rowid, new.{column}); END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def _backfill_coordinates() -> None:
    from tollbook.lexicons.gazetteer import coordinates

    bind = op.get_bind()
    claims = sa.table("claims", sa.column("place"), sa.column("place_code"), sa.column("latitude"),
                      sa.column("longitude"))
    pairs = bind.execute(sa.select(claims.c.place, claims.c.place_code).distinct()).all()
    for place, code in pairs:
        point = coordinates(place, code)
        if point is None:
            continue
        same_place = sa.and_(claims.c.place == place, claims.c.place_code == code)  # None -> IS NULL
        bind.execute(claims.update().where(same_place).values(latitude=point[0], longitude=point[1]))


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN on both backends: on SQLite a batch copy of the table would
    # renumber rowids and drop triggers.
    op.add_column("claims", sa.Column("latitude", sa.Float))
    op.add_column("claims", sa.Column("longitude", sa.Float))
    _backfill_coordinates()
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX {PG_QUOTE_INDEX} ON claims USING gin (to_tsvector('english'::regconfig, quote))")
    else:
        for fts, table, column in SQLITE_SEARCH:
            for statement in _sqlite_search_ddl(fts, table, column):
                op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX {PG_QUOTE_INDEX}")
    else:
        for fts, _table, _column in SQLITE_SEARCH:
            for trigger in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER {fts}_{trigger}")
            op.execute(f"DROP TABLE {fts}")
    op.drop_column("claims", "longitude")
    op.drop_column("claims", "latitude")
