"""The web pages read the stored series and findings (tollbook.reconcile.store), not a recomputation.

Uses the session ledger of conftest (the bundled examples, ingested: ingest stores the
series and findings) for reading, and a ledger of its own for the tests that write.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from tollbook.ledger.schema import finding_claims, findings, series
from tollbook.reconcile import find_findings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_findings_pages_page_through_the_stored_findings(client, ledger):
    every = [f.finding_id for f in find_findings(ledger.claims())]
    first = client.get("/findings.json", params={"size": 5}).json()
    second = client.get("/findings.json", params={"size": 5, "page": 2}).json()
    ids = [f["finding_id"] for f in first["findings"] + second["findings"]]
    assert len(ids) == len(set(ids)) == min(10, len(every))
    assert set(ids) <= set(every)
    assert first["next"] and "page=2" in first["next"]
    listed = [f["finding_id"] for f in client.get("/api/findings").json()]
    assert sorted(listed) == sorted(every)
    assert ids == listed[:len(ids)]  # the pages are the list, in its order
    page = client.get("/findings", params={"size": 5}).text
    assert f"{len(every):,} findings" in page


def test_a_claim_page_lists_the_findings_it_is_part_of(client, ledger):
    every = find_findings(ledger.claims())
    finding = every[0]
    claim_id = finding.claims[0]
    involved = [f for f in every if claim_id in f.claims]
    page = client.get(f"/claims/{claim_id}").text
    assert "Findings involving this claim" in page
    for f in involved[:50]:
        assert f"/findings/{f.finding_id}" in page
    uninvolved = next((f for f in every if claim_id not in f.claims), None)
    if uninvolved is not None:
        assert f"/findings/{uninvolved.finding_id}" not in page


def test_a_document_page_lists_the_findings_of_its_claims(client, ledger):
    every = find_findings(ledger.claims())
    doc_id = every[0].spans[0].doc_id
    own = set(ledger.claims(doc_id=doc_id)["claim_id"])
    involved = [f for f in every if own & set(f.claims)]
    page = client.get(f"/documents/{doc_id}").text
    assert "Findings involving this document" in page
    for f in involved[:50]:
        assert f"/findings/{f.finding_id}" in page


def test_a_permalink_reads_one_stored_row(client, ledger):
    finding = find_findings(ledger.claims())[0]
    page = client.get(f"/findings/{finding.finding_id}")
    assert page.status_code == 200 and finding.rule.split(" ")[0] in page.text
    assert client.get("/findings/0000000000000000").status_code == 404


def test_pages_show_what_is_stored_and_say_when_nothing_is(tmp_path):
    """A ledger whose stored rows were never computed says so, and `tollbook reconcile` fills them."""
    from fastapi.testclient import TestClient

    from tollbook.ledger import open_ledger
    from tollbook.reconcile.store import refresh_all
    from tollbook.web import create_app

    path = str(tmp_path / "ledger.db")
    with open_ledger(path) as ledger:
        ledger.ingest([str(EXAMPLES / "kursk")])
        with ledger.engine.begin() as conn:  # a ledger from before migration 0004
            for table in (finding_claims, findings, series):
                conn.execute(table.delete())
        with TestClient(create_app(path)) as client:
            assert "tollbook reconcile" in client.get("/findings").text
            assert "tollbook reconcile" in client.get("/series").text
            assert client.get("/api/findings").json() == []
            refresh_all(ledger.engine)
            listed = client.get("/api/findings").json()
            assert sorted(f["finding_id"] for f in listed) == sorted(f.finding_id for f in find_findings(ledger.claims()))
            assert "tollbook reconcile" not in client.get("/findings").text
            # The pages read the table: a row changed in it shows, with no recomputation.
            with ledger.engine.begin() as conn:
                conn.execute(sa.update(findings).values(rule="Rewritten in the table."))
            assert "Rewritten in the table." in client.get("/findings").text
