"""Storing and querying claims, on SQLite and PostgreSQL alike."""

from __future__ import annotations


import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from ledger_fixtures import claim_in, doc_with
from tollbook.errors import LedgerError, UsageError
from tollbook.ledger import open_ledger, resolve_url
from tollbook.ledger.queries import CLAIM_FRAME_COLUMNS
from tollbook.ledger.schema import LEDGER_ONLY_COLUMNS, described_by_metadata, metadata
from tollbook.ledger.schema import claims as claims_table
from tollbook.model import CLAIM_FIELDS

KURSK = ("Kursk losses mount\nUkraine's General Staff said 1,200 Russian soldiers were killed "
         "in the Kursk region last week, and 300 were wounded.\n")
KHARKIV = ("Strike on Kharkiv\nOfficials said 14 civilians were killed in Kharkiv on Tuesday. "
           "Some 40 people were injured.\n")


def _two_docs(ledger):
    kursk = doc_with(KURSK, published="2025-01-27", outlet="Reuters", url="https://example.org/kursk")
    kharkiv = doc_with(KHARKIV, published="2025-02-04T09:30:00+02:00", outlet="AP")
    kursk_claims = [
        claim_in(kursk, "1,200", date_start="2025-01-20", date_end="2025-01-26", date_text="last week"),
        claim_in(kursk, "300", measure="wounded", low=300.0, best=300.0, high=300.0, date_end="2025-01-26"),
    ]
    kharkiv_claims = [
        claim_in(kharkiv, "14", actor="civilians", actor_country="UKR", place="Kharkiv", place_code="UA-63",
                 source="Kharkiv regional administration",
                 sources=(), date_end=None),
        claim_in(kharkiv, "40", measure="wounded", qualifier="approximately", low=36.0, best=40.0, high=44.0,
                 actor="civilians", place="Kharkiv", place_code="UA-63", ambiguous_measure=True),
    ]
    assert ledger.add(kursk, kursk_claims)
    assert ledger.add(kharkiv, kharkiv_claims)
    return kursk, kharkiv


def test_schema_has_a_column_per_claim_field():
    assert [c for c in claims_table.c.keys() if c not in LEDGER_ONLY_COLUMNS] == list(CLAIM_FIELDS)
    assert set(CLAIM_FIELDS) <= set(CLAIM_FRAME_COLUMNS)


@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_migrated_database_matches_schema_module(ledger):
    with ledger.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False, "include_name": described_by_metadata}),
                                metadata)
    # Column comments live in schema.py only (they feed Datasette and the Data Package).
    diff = [d for d in diff if not (isinstance(d, list) and d and d[0][0] == "modify_comment")
            and not (isinstance(d, tuple) and d[0] in ("add_table_comment", "remove_table_comment"))]
    assert diff == []


def test_add_is_idempotent(ledger):
    kursk, _ = _two_docs(ledger)
    assert ledger.add(kursk, [claim_in(kursk, "1,200")]) is False
    assert len(ledger.claims()) == 4
    assert len(ledger.documents()) == 2


def test_claims_frame_has_claim_fields_and_document_columns(ledger):
    _two_docs(ledger)
    frame = ledger.claims()
    assert list(frame.columns) == list(CLAIM_FRAME_COLUMNS)
    first = frame.iloc[0]
    assert first["value_text"] == "1,200"
    assert first["sources"] == [{"name": "Armed Forces of Ukraine", "kind": "military", "text": "the General Staff"},
                                {"name": "Reuters", "kind": "outlet", "text": None}]
    assert first["date_start"] == "2025-01-20" and first["date_end"] == "2025-01-26"
    assert first["outlet"] == "Reuters" and first["url"] == "https://example.org/kursk"
    assert str(first["published_at"]) == "2025-01-27 00:00:00+00:00"
    assert bool(frame["ambiguous_measure"].iloc[3]) is True


@pytest.mark.parametrize("filters, expected", [
    ({"actor": "russian FORCES"}, {"1,200", "300"}),
    ({"measure": "Wounded"}, {"300", "40"}),
    ({"place": "RU-KRS"}, {"1,200", "300"}),
    ({"place": "RU"}, {"1,200", "300"}),
    ({"place": "UKR"}, {"14", "40"}),
    ({"place": "kharkiv"}, {"14", "40"}),
    ({"source": "kharkiv regional administration"}, {"14"}),
    ({"section": "body"}, {"1,200", "300", "14", "40"}),
    ({"since": "2025-01-27"}, {"14", "40"}),  # 14 and 40 have no date_end: the publication date counts
    ({"until": "2025-01-26"}, {"1,200", "300"}),
    ({"since": "2025-02-04", "until": "2025-02-04"}, {"14", "40"}),
    ({"measure": "killed", "place": "UA-63"}, {"14"}),
    ({"limit": 1}, {"1,200"}),
])
def test_claim_filters(ledger, filters, expected):
    _two_docs(ledger)
    assert set(ledger.claims(**filters)["value_text"]) == expected


def test_bad_date_filter_is_a_usage_error(ledger):
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        ledger.claims(since="last tuesday")


def test_published_datetime_is_stored_in_utc_and_kept_as_given(ledger):
    _, kharkiv = _two_docs(ledger)
    docs = ledger.documents(doc_id=kharkiv.doc_id)
    assert str(docs["published_at"].iloc[0]) == "2025-02-04 07:30:00+00:00"
    assert docs["published"].iloc[0] == "2025-02-04T09:30:00+02:00"
    assert docs["claims"].iloc[0] == 2


def test_claim_returns_document_text(ledger):
    kursk, _ = _two_docs(ledger)
    wanted = claim_in(kursk, "1,200")
    record = ledger.claim(wanted.claim_id)
    assert record["text"] == kursk.text
    assert record["text"][record["start"]:record["end"]] == "1,200"
    assert ledger.claim(wanted.claim_id[:8])["claim_id"] == wanted.claim_id
    assert ledger.claim("0000000000000000") is None


def test_claimants_and_runs_are_recorded(ledger, tmp_path):
    _two_docs(ledger)
    with ledger.engine.connect() as conn:
        claimants = dict(conn.execute(sa.text("select name, kind from claimants")).all())
    assert claimants == {"Armed Forces of Ukraine": "military", "Reuters": "outlet"}
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Title\nOfficials said 12 soldiers were killed.\n")
    summary = ledger.ingest([str(tmp_path / "in")])
    with ledger.engine.connect() as conn:
        run = conn.execute(sa.text("select command, documents_new, claims, finished_at from runs")).one()
    assert run[0] == "ingest" and run[1] == 1 and run[2] == summary.claims and run[3] is not None


def test_reextract_replaces_claims_of_old_versions(ledger):
    from tollbook.extract.pipeline import EXTRACTOR_VERSION, extract_document

    kursk, kharkiv = _two_docs(ledger)
    old = doc_with("Old story\nOfficials said 12 soldiers were killed in Kursk.\n", published="2025-01-02")
    ledger.add(old, [claim_in(old, "12")], extractor_version="0.0.1-old")
    ledger.add(doc_with("Current\nNothing to count here.\n"), [], extractor_version=EXTRACTOR_VERSION)
    assert ledger.reextract() == 1  # only the old document: the others carry the current version
    fresh = {c.claim_id for c in extract_document(old)}
    stored = set(ledger.claims(doc_id=old.doc_id)["claim_id"])
    assert stored == fresh
    assert set(ledger.documents()["extractor_version"]) == {EXTRACTOR_VERSION}
    assert ledger.reextract() == 0


def test_resolve_url():
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url("sqlite:///x.db") == "sqlite:///x.db"
    assert resolve_url("x.db").startswith("sqlite:////")
    with pytest.raises(LedgerError, match="not supported"):
        resolve_url("mysql://h/db")
    with pytest.raises(LedgerError, match="does not exist"):
        resolve_url("/no/such/folder/x.db")


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("this is not a database " * 100)
    with pytest.raises(LedgerError, match="not a tollbook ledger"):
        open_ledger(str(bogus))


def test_unreachable_postgres_is_one_line_error():
    with pytest.raises(LedgerError, match="cannot open the ledger") as info:
        open_ledger("postgresql://nobody@127.0.0.1:1/none")
    assert "\n" not in str(info.value)


def test_typed_names_become_stored_spellings(ledger):
    from tollbook.ledger.queries import distinct_values, stored_spellings
    from tollbook.ledger.schema import claims as table

    _two_docs(ledger)
    with ledger.engine.connect() as conn:
        assert distinct_values(conn, table.c.actor) == ["Russian forces", "civilians"]
        assert stored_spellings(conn, table.c.actor, " RUSSIAN forces ") == ["Russian forces"]
        assert stored_spellings(conn, table.c.place, "narnia") == []


def test_the_common_filter_is_served_by_one_index(tmp_path):
    from tollbook.ledger.queries import ClaimFilter, select_claims

    with open_ledger(str(tmp_path / "plan.db")) as ledger:
        _two_docs(ledger)
        with ledger.engine.connect() as conn:
            query = select_claims(conn, ClaimFilter(actor="russian forces", measure="Killed", place="RU-KRS",
                                                    since="2025-01-01"))
            sql = str(query.compile(conn, compile_kwargs={"literal_binds": True}))
            plan = " ".join(row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
    assert "lower(" not in sql and "LIKE" not in sql.upper()
    assert "ix_claims_actor_measure_place" in plan, plan
