"""metadata.json for browsing a SQLite ledger with Datasette.

    tollbook datasette-metadata --out metadata.json
    datasette tollbook.db --metadata metadata.json

Table and column descriptions come from the column comments in schema.py, the one
place the ledger's columns are described. The metadata also names the full-text
tables (`?_search=` on claims searches quotes, on documents their text) and the
coordinate columns datasette-cluster-map draws the claims from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tollbook.ledger.exports import LICENSE
from tollbook.ledger.schema import CLAIMS_FTS, DOCUMENTS_FTS, metadata

# Tables a reader browses; `fingerprints` is syndication machinery and stays hidden.
HIDDEN_TABLES = frozenset({"fingerprints", "alembic_version"})
# FTS5 tables (migration 0003), keyed by rowid like their content tables.
SEARCHED_BY = {"claims": CLAIMS_FTS, "documents": DOCUMENTS_FTS}
CLUSTER_MAP = {"datasette-cluster-map": {"latitude_column": "latitude", "longitude_column": "longitude"}}


def datasette_metadata(database: str = "tollbook") -> dict[str, Any]:
    """The metadata dict; `database` is the name Datasette gives the file (its stem)."""
    tables: dict[str, Any] = {}
    for table in metadata.sorted_tables:
        entry: dict[str, Any] = {
            "description": table.comment or "",
            "columns": {c.name: c.comment for c in table.columns if c.comment},
        }
        if table.name in HIDDEN_TABLES:
            entry["hidden"] = True
        if table.name in SEARCHED_BY:
            entry["fts_table"] = SEARCHED_BY[table.name]
            entry["fts_pk"] = "rowid"
        if table.name == "claims":
            entry["sort_desc"] = "date_end"
            entry["facets"] = ["measure", "actor", "source", "qualifier"]
            entry["plugins"] = CLUSTER_MAP
        tables[table.name] = entry
    tables["alembic_version"] = {"hidden": True}
    return {
        "title": "tollbook ledger",
        "description": "Quantitative claims (killed, wounded, deployed, destroyed ...) read from conflict and "
                       "disaster reporting, each with its interval, actor, place, period, originator and quote.",
        "license": LICENSE,
        "databases": {database: {"tables": tables}},
    }


def database_name(url_or_path: str | None) -> str:
    """Datasette's name for a SQLite ledger: the file name without its suffix."""
    if not url_or_path:
        return "tollbook"
    path = url_or_path.split("///", 1)[-1] if "://" in url_or_path else url_or_path
    return Path(path).stem or "tollbook"
