"""Browsing as a Datasette user expects: totals, facets, sorting, search, keyset pages and CSV/JSON twins."""

from __future__ import annotations

import csv
import html
import io
import re

import pytest


def test_documents_walk_by_next_links_and_show_the_total(client, ledger):
    everything = list(ledger.documents()["doc_id"])
    seen, url = [], "/api/documents?size=4"
    while url:
        body = client.get(url).json()
        assert body["total"] == len(everything)
        seen += [d["doc_id"] for d in body["documents"]]
        url = body["next"]
    assert seen == everything
    page = client.get("/documents", params={"size": 4}).text
    assert f"Documents 1–4 of {len(everything):,}" in page
    following = re.search(r'rel="next" href="([^"]+)"', page)
    assert following and "next=" in following.group(1)
    second = client.get(html.unescape(following.group(1))).text
    assert f"Documents 5–8 of {len(everything):,}" in second


def test_csv_twins_have_a_plain_header_and_the_page_rows(client, ledger):
    claims = client.get("/claims.csv", params={"measure": "killed", "size": 500})
    assert claims.status_code == 200 and claims.headers["content-type"].startswith("text/csv")
    assert not claims.content.startswith(b"\xef\xbb\xbf") and b"\r\n" not in claims.content
    rows = list(csv.DictReader(io.StringIO(claims.text)))
    assert rows and rows[0].keys() >= {"claim_id", "measure", "best", "value_text"}
    assert {r["claim_id"] for r in rows} == set(ledger.claims(measure="killed")["claim_id"])
    documents = list(csv.DictReader(io.StringIO(client.get("/documents.csv", params={"size": 500}).text)))
    assert {d["doc_id"] for d in documents} == set(ledger.documents()["doc_id"])


def test_json_twin_equals_the_api(client):
    params = {"actor": "North Korean forces", "sort": "-best", "size": 5}
    twin, api = client.get("/claims.json", params=params).json(), client.get("/api/claims", params=params).json()
    assert [c["claim_id"] for c in twin["claims"]] == [c["claim_id"] for c in api["claims"]]
    assert twin["total"] == api["total"] and twin["facets"] == api["facets"]
    bests = [c["best"] for c in twin["claims"] if c["best"] is not None]
    assert bests == sorted(bests, reverse=True)


def test_list_pages_link_their_twins(client):
    page = html.unescape(client.get("/", params={"measure": "killed"}).text)
    assert 'href="/claims.csv?measure=killed"' in page and 'href="/claims.json?measure=killed"' in page
    assert 'href="/documents.csv"' in html.unescape(client.get("/documents").text)


def test_facet_links_filter_and_count(client, ledger):
    body = client.get("/api/claims", params={"size": 1}).json()
    qualifier = body["facets"]["qualifier"][0]
    narrowed = client.get("/api/claims", params={"qualifier": qualifier["value"], "size": 1}).json()
    assert narrowed["total"] == qualifier["count"]
    outlet = body["facets"]["outlet"][0]
    by_outlet = client.get("/api/claims", params={"outlet": outlet["value"].upper(), "size": 1}).json()
    assert by_outlet["total"] == outlet["count"], "outlet filters ignore case"
    page = client.get("/", params={"qualifier": qualifier["value"]}).text
    assert "Remove the qualifier filter" in page


def test_search_finds_quotes_and_bad_searches_are_422(client, uk_4000):
    found = client.get("/api/claims", params={"q": "personnel", "size": 500}).json()
    assert found["total"] >= 1 and all("personnel" in c["quote"].lower() for c in found["claims"])
    assert client.get("/", params={"q": "-only"}).status_code == 422
    assert client.get("/", params={"next": "garbage!"}).status_code == 422


def test_sortable_headers_toggle(client):
    page = html.unescape(client.get("/", params={"sort": "best"}).text)
    assert 'aria-sort="ascending"' in page and 'href="/?sort=-best"' in page
    assert client.get("/", params={"sort": "nonsense"}).status_code == 422


def test_series_findings_and_timeline_tables_page_and_have_twins(client, ledger):
    from tollbook.reconcile import build_series, find_findings

    series = build_series(ledger.claims())
    walked, url = [], "/series.json?size=7"
    while url:
        body = client.get(url).json()
        walked += [s["series"] for s in body["series"]]
        url = body["next"]
    assert walked == [s.key.label for s in series]
    findings = find_findings(ledger.claims())
    assert findings, "the bundled examples hold findings"
    rows = list(csv.DictReader(io.StringIO(client.get("/findings.csv", params={"size": 500}).text)))
    assert [r["finding_id"] for r in rows] == [f.finding_id for f in findings]
    timeline = client.get("/timeline", params={"actor": "North Korean forces", "measure": "casualties", "size": 2}).text
    assert "Claims 1–2 of" in timeline and 'rel="next"' in timeline


def test_findings_have_permalinks(client, ledger):
    from tollbook.reconcile import find_findings

    finding = find_findings(ledger.claims())[0]
    listing = client.get("/findings").text
    assert f'href="/findings/{finding.finding_id}"' in listing
    one = client.get(f"/findings/{finding.finding_id}")
    assert one.status_code == 200 and finding.rule.split()[0] in html.unescape(one.text)
    assert client.get("/findings/0000000000000000").status_code == 404


def test_api_timeline_pages_its_claims(client, uk_4000):
    params = {"actor": "North Korean forces", "measure": "casualties"}
    whole = client.get("/api/timeline", params=params).json()
    assert whole["total"] == len(whole["claims"]) and whole["next"] is None and whole["estimates"]
    walked, url = [], client.get("/api/timeline", params={**params, "size": 2}).json()
    while True:
        walked += [c["claim_id"] for c in url["claims"]]
        if not url["next"]:
            break
        url = client.get(url["next"]).json()
    assert walked == [c["claim_id"] for c in whole["claims"]]
    assert uk_4000["claim_id"] in walked


@pytest.mark.parametrize("params", [{}, {"sort": "-best"}, {"sort": "low"}, {"sort": "-outlet"}, {"sort": "place"},
                                    {"sort": "date", "measure": "killed"}, {"q": "killed", "sort": "-published"}])
def test_page_numbers_give_the_pages_the_next_links_give(client, params):
    """A page number finds the sort key of the row before its page and reads on from there, as a next link does."""
    body = client.get("/api/claims", params={**params, "size": 7}).json()
    pages = [[c["claim_id"] for c in body["claims"]]]
    while body["next"]:
        body = client.get(body["next"]).json()
        pages.append([c["claim_id"] for c in body["claims"]])
    assert len(pages) > 2
    for number, expected in enumerate(pages, start=1):
        got = client.get("/api/claims", params={**params, "size": 7, "page": number}).json()
        assert [c["claim_id"] for c in got["claims"]] == expected, number
        assert got["total"] == body["total"]
    beyond = client.get("/api/claims", params={**params, "size": 7, "page": len(pages) + 1}).json()
    assert beyond["claims"] == [] and beyond["next"] is None
