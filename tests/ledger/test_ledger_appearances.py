"""One text published by several outlets: one document, one set of claims, several appearances."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa

from ledger_fixtures import claim_in, doc_with, run_cli
from tollbook.extract import extract_document
from tollbook.ledger import open_ledger, resolve_url
from tollbook.ledger.ingest import run_ingest
from tollbook.model import document_id

KURSK = Path(__file__).resolve().parents[2] / "examples" / "kursk"
UK_DI = KURSK / "10_uk_di_quarter_killed.txt"
SYNDICATED = KURSK / "11_uk_di_quarter_killed_syndicated.txt"
UK_DI_ID = document_id(UK_DI.read_text(encoding="utf-8"))


def test_a_syndicated_copy_is_a_new_appearance_of_the_same_document(ledger):
    summary = ledger.ingest([str(KURSK)])
    assert summary.line().startswith("12 documents new, 1 already present, 0 failed; ")
    assert summary.line().endswith(", 13 new appearances")
    docs = ledger.documents().set_index("doc_id")
    assert docs.loc[UK_DI_ID, "appearances"] == 2
    assert docs.loc[UK_DI_ID, "outlet"] == "Whitehall Brief"  # the document keeps its first-seen metadata
    assert set(docs.drop(UK_DI_ID)["appearances"]) == {1}

    published_as = ledger.appearances(UK_DI_ID)
    assert list(published_as["outlet"]) == ["Whitehall Brief", "Northern Syndicate News"]
    assert [str(d)[:10] for d in published_as["published_at"]] == ["2025-01-24", "2025-01-25"]
    assert published_as["url"].iloc[1].endswith("/uk-di-quarter-killed-syndicated")

    claims = ledger.claims()
    assert set(claims.loc[claims["doc_id"] == UK_DI_ID, "appearances"]) == {2}
    assert set(claims.loc[claims["doc_id"] != UK_DI_ID, "appearances"]) == {1}

    again = ledger.ingest([str(KURSK)])
    assert again.line() == "0 documents new, 13 already present, 0 failed; 0 claims, 0 new appearances"


def test_add_records_each_outlet_and_url_once(ledger):
    text = "Shelling\nOfficials said 12 soldiers were killed near the border on Monday.\n"
    first = doc_with(text, outlet="Reuters", url="https://example.org/a", published="2025-01-27")
    assert ledger.add(first, [claim_in(first, "12")]) is True
    assert ledger.add(doc_with(text, outlet="AP", url="https://example.org/b", published="2025-01-28"), []) is False
    assert ledger.add(doc_with(text, outlet="AP", url="https://example.org/b", published="2025-01-28"), []) is False
    anonymous = doc_with("Flood\nTwo people were missing after the flood.\n")
    ledger.add(anonymous, [])
    ledger.add(anonymous, [])  # no outlet and no url: NULLs, still one appearance
    counts = dict(zip(ledger.documents()["doc_id"], ledger.documents()["appearances"]))
    assert counts == {first.doc_id: 2, anonymous.doc_id: 1}
    assert len(ledger.claims()) == 1 and ledger.claims()["appearances"].iloc[0] == 2


def test_a_document_that_cannot_be_stored_costs_only_itself(ledger, tmp_path):
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"Story {i}\nOfficials said {i + 10} soldiers were killed.\n")
    broken = document_id((tmp_path / "2.txt").read_text())

    def extract_with_a_bad_row(doc):  # a claim the database refuses (NOT NULL section): the batch rolls back
        found = extract_document(doc)
        if doc.doc_id == broken:
            from dataclasses import replace
            found = [replace(found[0], section=None), *found[1:]]
        return found

    from tollbook.ledger.syndication import SyndicationIndex
    from tollbook.read.walk import read_inputs

    index = SyndicationIndex()
    summary = run_ingest(ledger.engine, index, read_inputs([str(tmp_path)]), extract_with_a_bad_row, "test")
    assert (summary.documents_new, summary.documents_failed) == (4, 1)
    assert "2.txt" in summary.failures[0].name and "could not be stored" in summary.failures[0].reason
    assert broken not in set(ledger.documents()["doc_id"]) and len(index) == 4


def test_cli_documents_and_show_list_the_appearances(tmp_path):
    db = str(tmp_path / "kursk.db")
    ingested = run_cli("ingest", str(KURSK), "--db", db)
    assert ingested.returncode == 0, ingested.stderr
    assert ingested.stderr.strip().splitlines()[-1].endswith(", 13 new appearances")

    docs = {d["doc_id"]: d for d in json.loads(run_cli("documents", "--db", db, "--json").stdout)}
    assert docs[UK_DI_ID]["appearances"] == 2 and docs[UK_DI_ID]["claims"] >= 1

    rows = json.loads(run_cli("claims", "--db", db, "--json", "--source", "uk ministry of defence").stdout)
    claim_id = next(r["claim_id"] for r in rows if r["doc_id"] == UK_DI_ID)
    shown = run_cli("show", claim_id, "--db", db, env={"COLUMNS": "200"})
    assert shown.returncode == 0, shown.stderr
    for text in ("Whitehall Brief", "Northern Syndicate News", "2025-01-25", "uk-di-quarter-killed-syndicated"):
        assert text in shown.stdout
    as_json = json.loads(run_cli("show", claim_id, "--db", db, "--json").stdout)
    assert as_json["appearances"] == 2
    assert [a["outlet"] for a in as_json["appearance_list"]] == ["Whitehall Brief", "Northern Syndicate News"]


def test_upgrading_a_0001_ledger_gives_each_document_its_appearance(db_url):
    from alembic import command
    from alembic.config import Config

    from tollbook.ledger import MIGRATIONS

    engine = sa.create_engine(resolve_url(db_url))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(sa.text(
            "INSERT INTO documents (doc_id, outlet, url, title, published, captured_at, language, text, "
            "cluster_id, extractor_version) VALUES ('d1', 'Reuters', 'https://example.org/x', 'T', '2025-01-27', "
            "'2025-01-27 10:00:00', 'en', 'T\nbody', 'd1', 'old')"))
    engine.dispose()
    with open_ledger(db_url) as ledger:
        assert ledger.documents()["appearances"].tolist() == [1]
        assert ledger.appearances("d1")["outlet"].tolist() == ["Reuters"]
