"""Datasette reads a SQLite ledger as tollbook describes it: a map of the claims and search over quotes.

Runs Datasette's own test client on a real ledger file with the metadata
`tollbook datasette-metadata` writes; skipped when Datasette is not installed.
"""

from __future__ import annotations

import asyncio
import json

import pytest

from ledger_fixtures import claim_in, doc_with
from tollbook.ledger import open_ledger
from tollbook.ledger.datasette import database_name, datasette_metadata
from tollbook.lexicons.gazetteer import coordinates

datasette_app = pytest.importorskip("datasette.app", reason="Datasette is not installed (pip install datasette "
                                                           "datasette-cluster-map)")
cluster_map = pytest.importorskip("datasette_cluster_map", reason="datasette-cluster-map is not installed")

KURSK = ("Kursk losses mount\nUkraine's General Staff said 1,200 Russian soldiers were killed in the Kursk region "
         "last week.\n")
KHARKIV = "Strike on Kharkiv\nOfficials said 14 civilians died in Kharkiv on Tuesday after a drone strike.\n"


@pytest.fixture
def served(tmp_path):
    """(Datasette app, database name) over a ledger holding a Kursk and a Kharkiv claim."""
    path = tmp_path / "ledger.db"
    with open_ledger(str(path)) as ledger:
        kursk = doc_with(KURSK, published="2025-01-27", outlet="Reuters")
        kharkiv = doc_with(KHARKIV, published="2025-02-04", outlet="AP")
        ledger.add(kursk, [claim_in(kursk, "1,200", quote=KURSK.splitlines()[1])])
        ledger.add(kharkiv, [claim_in(kharkiv, "14", actor="civilians", place="Kharkiv", place_code="UA-63",
                                      quote=KHARKIV.splitlines()[1])])
    name = database_name(str(path))
    app = datasette_app.Datasette(files=[str(path)], metadata=datasette_metadata(name))
    return app, name


def _get(app, path: str):
    async def fetch():
        return await app.client.get(path)

    response = asyncio.run(fetch())
    assert response.status_code == 200, (path, response.text[:500])
    return response


def test_claims_table_has_the_coordinates_the_cluster_map_draws(served):
    app, db = served
    data = _get(app, f"/{db}/claims.json?_shape=objects&_size=max").json()
    columns = data["columns"]
    assert {"latitude", "longitude"} <= set(columns)
    assert cluster_map.find_columns(db, "claims", columns, "table", app) == ["latitude", "longitude"]
    points = {row["place_code"]: (row["latitude"], row["longitude"]) for row in data["rows"]}
    assert points["UA-63"] == pytest.approx(coordinates("Kharkiv", "UA-63"))
    assert all(lat is not None and lon is not None for lat, lon in points.values())


def test_claims_page_loads_the_map(served):
    app, db = served
    page = _get(app, f"/{db}/claims").text
    assert "/-/static-plugins/datasette-cluster-map/datasette-cluster-map.js" in page
    assert 'DATASETTE_CLUSTER_MAP_LATITUDE_COLUMN = "latitude"' in page
    assert 'DATASETTE_CLUSTER_MAP_LONGITUDE_COLUMN = "longitude"' in page


@pytest.mark.parametrize("table, query, column, expected", [
    ("claims", "drone", "value_text", ["14"]),
    ("claims", "soldiers", "value_text", ["1,200"]),
    ("claims", "tanks", "value_text", []),
    ("documents", "Kursk", "outlet", ["Reuters"]),
])
def test_search_box_finds_quotes_and_document_text(served, table, query, column, expected):
    app, db = served
    page = _get(app, f"/{db}/{table}").text
    assert 'name="_search"' in page  # Datasette shows a search box: it found the FTS table
    rows = _get(app, f"/{db}/{table}.json?_shape=objects&_search={query}").json()["rows"]
    assert [row[column] for row in rows] == expected


def test_search_tables_are_hidden_and_metadata_is_json(served):
    app, db = served
    tables = {t["name"]: t for t in _get(app, f"/{db}.json").json()["tables"]}
    assert tables["claims"]["fts_table"] == "claims_fts" and tables["documents"]["fts_table"] == "documents_fts"
    assert not tables["claims"]["hidden"]
    assert all(tables[name]["hidden"] for name in tables if name.startswith(("claims_fts", "documents_fts")))
    json.dumps(datasette_metadata(db))  # what `tollbook datasette-metadata` writes
