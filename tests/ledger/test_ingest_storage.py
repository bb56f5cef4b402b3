"""The ingest's bulk paths store exactly what SQLAlchemy's own INSERT stores: COPY on PostgreSQL,
multi-row INSERTs on SQLite (with the full-text index kept in step), rows built in the worker, and
look-ups planned with their values on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from ledger_fixtures import claim_in, doc_with
from tollbook.extract import extract_document
from tollbook.ledger import bulk
from tollbook.ledger import ingest as ingest_module
from tollbook.ledger import open_ledger
from tollbook.ledger.bulk import insert_rows
from tollbook.ledger.ingest import claim_rows, document_row, run_ingest
from tollbook.ledger.schema import claims, documents
from tollbook.ledger.syndication import SyndicationIndex
from tollbook.model import Document
from tollbook.read.walk import read_inputs

# Text that COPY's text format must escape (tab, newline, backslash, \N) and text it must pass as is.
AWKWARD = ("Report\nOfficials said 1,200 soldiers were killed\tin Kursk, and 300 were wounded "
           "near C:\\front\\line \\N (Київ, «quoted»).\n")


def _rows(doc: Document) -> list[dict]:
    found = [
        claim_in(doc, "1,200", date_start="2025-01-20", date_end="2025-01-26", quote=doc.text.strip(),
                 confidence_term="likely", p_low=0.55, p_high=0.8, fraction=0.25),
        claim_in(doc, "300", measure="wounded", ambiguous_measure=True, actor=None, actor_country=None,
                 place=None, place_code=None, sources=(), low=None, high=None, hedge="near"),
    ]
    return claim_rows(doc, found, "test")


def _stored(conn: sa.Connection, table: sa.Table) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(sa.select(table).order_by(*table.primary_key.columns))]


def test_bulk_insert_stores_what_sqlalchemy_stores(db_url, tmp_path):
    from datetime import datetime, timezone

    doc = doc_with(AWKWARD, published="2025-01-27", outlet="Reuters")
    twin = doc_with(AWKWARD + "Again.\n", published="2025-01-28T09:30:00+02:00", outlet="Reuters")
    now = datetime(2025, 2, 1, 12, 0, tzinfo=timezone.utc)
    stored = {}
    for how, d in (("bulk", doc), ("sqlalchemy", twin)):
        with open_ledger(db_url) as ledger, ledger.engine.begin() as conn:
            doc_rows = [document_row(d, "test", d.doc_id, now, ingest_module.parse_published(d.published))]
            rows = _rows(d)
            if how == "bulk":
                insert_rows(conn, documents, doc_rows)
                insert_rows(conn, claims, rows)
            else:
                conn.execute(documents.insert(), doc_rows)
                conn.execute(claims.insert(), rows)
    with open_ledger(db_url) as ledger, ledger.engine.connect() as conn:
        for table in (documents, claims):
            stored[table.name] = {d.doc_id: [] for d in (doc, twin)}
            for row in _stored(conn, table):
                stored[table.name][row["doc_id"]].append(row)

    def comparable(row: dict) -> dict:  # the two documents differ in their ids and text only
        return {k: v for k, v in row.items() if k not in ("doc_id", "claim_id", "text", "quote", "published",
                                                           "published_at", "raw_sha256", "cluster_id")}

    for name in ("documents", "claims"):
        bulk, plain = (sorted(stored[name][d.doc_id], key=lambda r: r.get("measure") or "") for d in (doc, twin))
        assert [comparable(r) for r in bulk] == [comparable(r) for r in plain] and len(bulk) == len(plain) > 0
    [bulk_doc] = stored["documents"][doc.doc_id]
    assert bulk_doc["text"] == AWKWARD and bulk_doc["published_at"] == datetime(2025, 1, 27, tzinfo=timezone.utc)
    killed = next(r for r in stored["claims"][doc.doc_id] if r["measure"] == "killed")
    assert killed["quote"] == AWKWARD.strip() and killed["sources"][0]["name"] == "Armed Forces of Ukraine"


def test_a_multi_row_insert_is_cut_at_the_parameter_limit_and_search_sees_every_row(tmp_path, monkeypatch):
    monkeypatch.setattr(bulk, "_parameter_limit", lambda conn: 100)  # two claims a statement
    texts = [f"Story {i}\nOfficials said {i + 10} soldiers were killed in Kursk on Monday.\n" for i in range(7)]
    docs = [doc_with(t, published="2025-01-27") for t in texts]
    folder = tmp_path / "in"
    folder.mkdir()
    for doc in docs:
        (folder / f"{doc.doc_id}.txt").write_text(doc.text)
    with open_ledger(str(tmp_path / "ledger.db")) as ledger:
        summary = run_ingest(ledger.engine, SyndicationIndex(), read_inputs([str(folder)]),
                             extract_document, "test", batch_documents=7)
        assert (summary.documents_new, summary.claims) == (7, 7)
        with ledger.engine.connect() as conn:
            conn.exec_driver_sql("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)")
            conn.exec_driver_sql("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
        assert len(ledger.claims(search="soldiers killed")) == 7


def test_rows_already_stored_are_skipped_on_their_unique_columns(db_url):
    from tollbook.ledger.schema import claimants

    first = [{"name": "UK Ministry of Defence", "kind": "ministry", "country": None},
             {"name": "Reuters", "kind": "outlet", "country": None}]
    again = [{"name": "Reuters", "kind": "media", "country": "GBR"},
             {"name": "100% Kharkiv's own", "kind": "media", "country": None}]
    with open_ledger(db_url) as ledger:
        with ledger.engine.begin() as conn:
            insert_rows(conn, claimants, first, skip_conflicts_on=("name",))
            insert_rows(conn, claimants, again, skip_conflicts_on=("name",))
        with ledger.engine.connect() as conn:
            stored = {r.name: (r.kind, r.country) for r in conn.execute(sa.select(claimants))}
    assert stored == {"UK Ministry of Defence": ("ministry", None), "Reuters": ("outlet", None),
                      "100% Kharkiv's own": ("media", None)}


def _claims_of_another_document(doc: Document):
    """An extractor bug: one document's claim names another document (the ledger must refuse it)."""
    found = extract_document(doc)
    if "Kharkiv" in doc.text and found:
        return [replace(found[0], doc_id="0" * 16), *found[1:]]
    return found


@pytest.mark.parametrize("pipeline", [True, False], ids=["worker", "in-line"])
def test_a_claim_the_ledger_cannot_take_fails_its_document_only(tmp_path, pipeline):
    reports = Path(__file__).resolve().parents[2] / "examples" / "reports"
    with open_ledger(str(tmp_path / "ledger.db")) as ledger:
        summary = run_ingest(ledger.engine, SyndicationIndex(), read_inputs([str(reports)]),
                             _claims_of_another_document, "test", pipeline=pipeline)
        stored = set(ledger.documents()["path"])
    failed = list(summary.failures)
    assert failed and all("returned a bad claim" in f.reason and "Kharkiv" in Path(f.name).read_text()
                          for f in failed)
    assert summary.documents_new == len(stored) > 0 and not {f.name for f in failed} & stored


@pytest.mark.postgres
def test_postgresql_look_ups_are_planned_with_their_values(pg_url):
    from tollbook.ledger.ingest import _planned_with_values, stored_doc_ids

    with open_ledger(pg_url) as ledger, ledger.engine.connect() as conn:
        dbapi = conn.connection.dbapi_connection
        before = dbapi.prepare_threshold
        with _planned_with_values(conn):
            for _ in range(10):  # psycopg prepares a statement on its sixth run otherwise
                stored_doc_ids(conn, ["a", "b", "c"])
            prepared = conn.exec_driver_sql("SELECT count(*) FROM pg_prepared_statements").scalar()
        assert prepared == 0 and dbapi.prepare_threshold == before
