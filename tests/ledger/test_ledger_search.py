"""Full-text search over quotes and the places' coordinates, on SQLite (FTS5) and PostgreSQL (tsvector) alike."""

from __future__ import annotations

from dataclasses import replace

import json

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from ledger_fixtures import claim_in, doc_with, run_cli
from tollbook.errors import UsageError
from tollbook.ledger import MIGRATIONS, open_ledger
from tollbook.ledger.ingest import claim_rows, document_row
from tollbook.ledger.queries import fts5_query, parse_search, websearch_text
from tollbook.ledger.schema import claims as claims_table
from tollbook.ledger.schema import documents as documents_table
from tollbook.lexicons.gazetteer import coordinates

KURSK = ("Kursk losses mount\nUkraine's General Staff said 1,200 Russian soldiers were killed in the Kursk region "
         "last week, and 300 were wounded.\n")
KHARKIV = ("Strike on Kharkiv\nOfficials said 14 civilians died in Kharkiv on Tuesday after a drone strike. "
           "Some 40 people were injured.\n")


def _sentence(doc, value: str) -> str:
    """The sentence holding `value`, as the extractor's quote would be."""
    start = doc.text.index(value)
    left = max(doc.text.rfind(". ", 0, start) + 2, doc.text.rfind("\n", 0, start) + 1)
    right = doc.text.index(".", start + len(value)) + 1
    return doc.text[left:right]


def _claims_of(doc, specs):
    return [claim_in(doc, value, measure=measure, quote=_sentence(doc, value), **fields)
            for value, measure, fields in specs]


def _store(ledger):
    kursk = doc_with(KURSK, published="2025-01-27", outlet="Reuters")
    kharkiv = doc_with(KHARKIV, published="2025-02-04", outlet="AP")
    ledger.add(kursk, _claims_of(kursk, [("1,200", "killed", {}), ("300", "wounded", {})]))
    ledger.add(kharkiv, _claims_of(kharkiv, [
        ("14", "killed", {"actor": "civilians", "place": "Kharkiv", "place_code": "UA-63"}),
        ("40", "wounded", {"actor": "civilians", "place": "Kharkiv", "place_code": "UA-63"}),
    ]))


# The Kursk document's two figures share one sentence; Kharkiv's are in two.
@pytest.mark.parametrize("query, expected", [
    ("killed", ["1,200", "300"]),  # the Kursk sentence holds both figures
    ("kill", ["1,200", "300"]),  # English stemming: kill finds killed
    ("strikes", ["14"]),  # and strikes finds strike
    ("KHARKIV drone", ["14"]),  # every word, any case
    ('"drone strike"', ["14"]),  # a phrase
    ('"strike drone"', []),  # in that order only
    ("kursk or injured", ["1,200", "300", "40"]),
    ("soldiers -wounded", []),
    ("civilians or soldiers -wounded", ["14"]),
    ("1,200", ["1,200", "300"]),
    ("tanks", []),
])
def test_search_finds_the_same_claims_on_both_backends(ledger, query, expected):
    _store(ledger)
    assert list(ledger.claims(search=query)["value_text"]) == expected


def test_search_combines_with_the_other_filters(ledger):
    _store(ledger)
    assert list(ledger.claims(search="kursk or injured", measure="wounded")["value_text"]) == ["300", "40"]
    assert list(ledger.claims(search="kursk or injured", place="UA-63", limit=5)["value_text"]) == ["40"]


@pytest.mark.parametrize("query", ["", "   ", "-wounded", "killed or -wounded", "... --", "or"])
def test_a_search_with_nothing_to_find_is_a_usage_error(ledger, query):
    with pytest.raises(UsageError, match="--search"):
        ledger.claims(search=query)


def test_search_text_reaches_each_backend_as_plain_words():
    groups = parse_search('Kursk "were killed" OR -wounded  "Bakhmut\'s" NEAR(a b)')
    assert fts5_query(groups) == '(("Kursk" AND "were killed")) OR (("Bakhmut\'s" AND "NEAR(a" AND "b)") NOT "wounded")'
    assert websearch_text(groups) == '"Kursk" "were killed" or -"wounded" "Bakhmut\'s" "NEAR(a" "b)"'


def test_search_index_follows_deletes_and_reextraction(ledger):
    _store(ledger)
    with ledger.engine.begin() as conn:
        kharkiv = conn.execute(sa.select(claims_table.c.doc_id).where(claims_table.c.value_text == "14")).scalar()
        conn.execute(documents_table.delete().where(documents_table.c.doc_id == kharkiv))  # claims cascade
    assert list(ledger.claims(search="kharkiv or kursk")["value_text"]) == ["1,200", "300"]
    with ledger.engine.begin() as conn:
        conn.execute(claims_table.update().where(claims_table.c.value_text == "300")
                     .values(quote="A different sentence about tanks."))
    assert list(ledger.claims(search="kursk")["value_text"]) == ["1,200"]
    assert list(ledger.claims(search="tanks")["value_text"]) == ["300"]
    if ledger.engine.dialect.name == "sqlite":
        with ledger.engine.begin() as conn:  # FTS5 compares its index with the content tables
            conn.exec_driver_sql("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)")
            conn.exec_driver_sql("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")


def test_claims_carry_their_places_coordinates(ledger):
    _store(ledger)
    frame = ledger.claims()
    for row in frame.to_dict("records"):
        expected = coordinates(row["place"], row["place_code"])
        assert expected is not None, "the gazetteer knows Kursk Oblast and Kharkiv"
        assert (row["latitude"], row["longitude"]) == pytest.approx(expected)
    kharkiv = frame[frame["place_code"] == "UA-63"].iloc[0]
    assert (kharkiv["latitude"], kharkiv["longitude"]) == pytest.approx((50.0, 36.25), abs=0.3)


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _stored_at(db_url: str, revision: str, doc, figures, missing_columns: tuple[str, ...]) -> None:
    """A ledger migrated only to `revision`, holding `doc` and its claims without the columns added since."""
    from datetime import datetime, timezone

    from tollbook.ledger import engine_of, resolve_url

    engine = engine_of(resolve_url(db_url))
    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    rows = claim_rows(doc, _claims_of(doc, figures), "old")
    now = datetime.now(timezone.utc)
    with engine.begin() as conn:
        conn.execute(documents_table.insert(), document_row(doc, "old", doc.doc_id, now, now))
        conn.execute(claims_table.insert(), [{k: v for k, v in row.items() if k not in missing_columns} for row in rows])
    engine.dispose()


def test_upgrade_fills_coordinates_and_indexes_rows_stored_before(db_url):
    """A ledger made before 0003 gets its claims' coordinates and its search index on upgrade."""
    doc = doc_with(KHARKIV, published="2025-02-04", outlet="AP")
    _stored_at(db_url, "0002", doc, [("14", "killed", {"place": "Kharkiv", "place_code": "UA-63"}),
                                     ("40", "wounded", {"place": None, "place_code": None})],
               ("latitude", "longitude", "language"))  # only the columns 0002 has
    with open_ledger(db_url) as ledger:
        frame = ledger.claims()
        assert list(ledger.claims(search="drone")["value_text"]) == ["14"]
        assert list(ledger.claims(search="injured")["value_text"]) == ["40"]
    located = frame.set_index("value_text")
    assert (located.loc["14", "latitude"], located.loc["14", "longitude"]) == pytest.approx(coordinates("Kharkiv", "UA-63"))
    assert located.loc["40", "latitude"] is None or located.loc["40", "latitude"] != located.loc["40", "latitude"]


def _search_structures(conn) -> set[str]:
    inspector = sa.inspect(conn)
    return ({n for n in inspector.get_table_names() if n in ("claims_fts", "documents_fts")}
            | {i["name"] for i in inspector.get_indexes("claims") if i["name"] == "ix_claims_quote_search"}
            | {c["name"] for c in inspector.get_columns("claims") if c["name"] in ("latitude", "longitude")})


def test_migration_0003_downgrades_cleanly(db_url):
    with open_ledger(db_url) as ledger:
        _store(ledger)
        with ledger.engine.connect() as conn:
            made = _search_structures(conn)
        assert made == ({"ix_claims_quote_search"} if ledger.engine.dialect.name == "postgresql"
                        else {"claims_fts", "documents_fts"}) | {"latitude", "longitude"}
        config = _config()
        with ledger.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0002")
        with ledger.engine.connect() as conn:
            assert _search_structures(conn) == set()
    with open_ledger(db_url) as ledger:  # and up again, the stored quotes indexed anew
        assert list(ledger.claims(search="drone")["value_text"]) == ["14"]


def test_cli_claims_search(tmp_path):
    db = str(tmp_path / "cli.db")
    with open_ledger(db) as ledger:
        _store(ledger)
    done = run_cli("claims", "--db", db, "--search", '"drone strike" or injured', "--json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [r["value_text"] for r in rows] == ["14", "40"]
    assert rows[0]["latitude"] == pytest.approx(coordinates("Kharkiv", "UA-63")[0])
    bad = run_cli("claims", "--db", db, "--search", "-wounded")
    assert bad.returncode == 2
    assert len(bad.stderr.strip().splitlines()) == 1 and "--search" in bad.stderr


EXAMPLE_QUERIES = ["killed", '"North Korean"', "troops or soldiers", "Kursk -wounded", "Zelensky", "quarter",
                   "1,000", "casualties Kursk", "estimates", "intelligence or pentagon", "earthquake or flood"]


@pytest.mark.postgres
def test_both_backends_find_the_same_claims_in_the_example_reports(tmp_path, pg_url):
    from pathlib import Path

    examples = [str(Path(__file__).resolve().parents[2] / "examples" / name) for name in ("kursk", "reports")]
    found = []
    for url in (str(tmp_path / "examples.db"), pg_url):
        with open_ledger(url) as ledger:
            ledger.ingest(examples)
            found.append({q: list(ledger.claims(search=q)["claim_id"]) for q in EXAMPLE_QUERIES})
    sqlite_found, postgres_found = found
    assert sqlite_found == postgres_found
    assert all(sqlite_found[q] for q in EXAMPLE_QUERIES), {q: len(ids) for q, ids in sqlite_found.items()}


def test_upgrade_gives_claims_stored_before_their_documents_language(db_url):
    """0007: a claim stored before claims kept their language takes its document's."""
    doc = replace(doc_with(KHARKIV, published="2025-02-04", outlet="AP"), language="uk")
    _stored_at(db_url, "0006", doc, [("14", "killed", {"place": "Kharkiv", "place_code": "UA-63"})], ("language",))
    with open_ledger(db_url) as ledger:
        assert list(ledger.claims()["language"]) == ["uk"]
