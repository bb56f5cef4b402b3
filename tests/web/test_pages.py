"""The web app through FastAPI's TestClient, over a real SQLite ledger of the bundled examples.

Each page is checked for the figures it must show, the filters against
`Ledger.claims` with the same arguments, and the error paths for their status
and their readable message (never a traceback).
"""

from __future__ import annotations

import html
import re
import sqlite3

import pytest

from tollbook.ledger.queries import CLAIM_FRAME_COLUMNS
from tollbook.model import CLAIM_FIELDS

CLAIM_LINK = re.compile(r'href="/claims/([0-9a-f]{16})"')
DERNA = "examples/reports/04_derna_flood_distorted.txt"


def table_claim_ids(page: str) -> list[str]:
    """Claim ids linked from the claims table, in row order."""
    table = page.split('<table class="claims">', 1)[1].split("</table>", 1)[0]
    return CLAIM_LINK.findall(table)


def ids(frame) -> list[str]:
    return list(frame["claim_id"])


@pytest.mark.parametrize("path", [
    "/", "/documents", "/series", "/timeline", "/findings", "/check", "/docs", "/openapi.json",
    "/static/tollbook.css", "/timeline?actor=North+Korean+forces&measure=casualties",
])
def test_every_page_answers(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.text[:500]


def test_claims_page_lists_the_uk_figure(client, uk_4000):
    page = client.get("/", params={"size": 500}).text
    assert f'href="/claims/{uk_4000["claim_id"]}"' in page
    assert "4,000" in page and "UK Ministry of Defence" in page
    assert '<label for="f-actor">Actor</label>' in page  # every filter has its label


@pytest.mark.parametrize("filters", [
    {"actor": "North Korean forces", "measure": "casualties"},
    {"actor": "north korean FORCES", "source": "UK Ministry of Defence"},  # names match ignoring case
    {"place": "RU-KRS"},
    {"place": "RUS"},  # a country code brings its regions
    {"since": "2025-01-01", "until": "2025-01-31"},
    {"section": "headline"},
    {"measure": "killed", "since": "2024-01-01", "section": "body"},
])
def test_filters_select_what_the_ledger_selects(client, ledger, filters):
    response = client.get("/", params={**filters, "size": 500})
    assert response.status_code == 200
    expected = ids(ledger.claims(**filters))
    assert expected, f"the examples should hold claims for {filters}"
    assert table_claim_ids(response.text) == expected
    for value in filters.values():  # the form keeps what was asked
        assert f'value="{html.escape(value)}"' in response.text or f'value="{value}" selected' in response.text


def test_filter_with_no_match_says_so(client):
    response = client.get("/", params={"actor": "Martians"})
    assert response.status_code == 200
    assert "No claims match these filters" in response.text


def test_paging_walks_the_claims_in_order(client, ledger):
    """Following the keyset 'next' links visits every claim once, in the ledger's order; page numbers still work."""
    everything = ids(ledger.claims())
    seen, url, pages = [], "/?size=7", 0
    while url:
        page = client.get(url).text
        seen += table_claim_ids(page)
        pages += 1
        found = re.search(r'rel="next" href="([^"]+)"', page)
        url = html.unescape(found.group(1)) if found else None
        assert pages <= len(everything), "the next links never end"
    assert seen == everything
    assert f"of {len(everything):,}" in client.get("/", params={"size": 7}).text
    second = client.get("/", params={"size": 7, "page": 2}).text
    assert table_claim_ids(second) == everything[7:14]
    assert f"Claims 8–14 of {len(everything):,}" in second


@pytest.mark.parametrize("params, words", [
    ({"since": "2024-13-45"}, ["since", "2024-13-45", "YYYY-MM-DD"]),
    ({"measure": "bogus"}, ["measure", "bogus", "killed, wounded"]),
    ({"section": "footer"}, ["section", "headline, summary, body"]),
    ({"page": "0"}, ["page", "out of range"]),
    ({"size": "lots"}, ["size", "whole number"]),
    ({"since": "2025-02-01", "until": "2025-01-01"}, ["after until", "swap"]),
])
def test_bad_filter_is_a_readable_422(client, params, words):
    response = client.get("/", params=params)
    assert response.status_code == 422
    assert 'role="alert"' in response.text and "Traceback" not in response.text
    text = html.unescape(response.text)
    for word in words:
        assert word in text
    assert '<form class="filters"' in response.text  # the reader can correct the value in place


def test_claim_page_shows_evidence_and_provenance(client, ledger, uk_4000):
    response = client.get(f"/claims/{uk_4000['claim_id']}")
    assert response.status_code == 200
    page = response.text
    assert "4,000 casualties: North Korean forces" in page
    assert re.search(r"<blockquote[^>]*>\s*<p>[^<]*<mark>4,000</mark> casualties as of mid-January 2025", page)
    assert "Whitehall Brief" in page and uk_4000["url"] in page and html.escape(uk_4000["title"]) in page
    assert "2025-01-24" in page
    for link in uk_4000["sources"]:  # the attribution chain, originator to outlet
        assert html.escape(link["name"]) in page
    for name in CLAIM_FIELDS:  # every field of the claim
        assert f"<code>{name}</code>" in page
    derived = [c for c in ledger.claims(doc_id=uk_4000["doc_id"]).to_dict("records")
               if c["derived_from"] == uk_4000["claim_id"]]
    assert derived, "'about a quarter of these' should derive from the 4,000"
    assert f'href="/claims/{derived[0]["claim_id"]}"' in page
    assert "Where this text appeared" in page
    assert 'href="/timeline?actor=North+Korean+forces&amp;measure=casualties"' in page


def test_derived_claim_links_back_to_its_base(client, ledger, uk_4000):
    quarter = next(c for c in ledger.claims(doc_id=uk_4000["doc_id"]).to_dict("records")
                   if c["derived_from"] == uk_4000["claim_id"])
    page = client.get(f"/claims/{quarter['claim_id']}").text
    assert "Derived from" in page and f'href="/claims/{uk_4000["claim_id"]}"' in page
    assert f"<mark>{quarter['value_text']}</mark>" in page


def test_claim_id_prefix_finds_the_claim(client, uk_4000):
    response = client.get(f"/claims/{uk_4000['claim_id'][:8]}")
    assert response.status_code == 200 and "<mark>4,000</mark>" in response.text


@pytest.mark.parametrize("path", ["/claims/0000000000000000", "/documents/nope", "/no/such/page"])
def test_unknown_ids_are_a_404_page(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Not found" in response.text and "Traceback" not in response.text


def test_documents_list_and_text_with_every_value_marked(client, ledger, uk_4000):
    listing = client.get("/documents").text
    assert f'href="/documents/{uk_4000["doc_id"]}"' in listing and "Whitehall Brief" in listing
    page = client.get(f"/documents/{uk_4000['doc_id']}").text
    claims = sorted(ledger.claims(doc_id=uk_4000["doc_id"]).to_dict("records"), key=lambda c: (c["start"], -c["end"]))
    body = page.split('<article class="doc-text"', 1)[1].split("</article>", 1)[0]
    marked, end = [], -1
    for claim in claims:  # a claim sharing another's span shares its mark
        if claim["start"] >= end:
            marked.append(claim)
            end = claim["end"]
    assert body.count("<mark") == len(marked) > 3
    for claim in marked:
        assert (f'href="/claims/{claim["claim_id"]}"' in body
                and f'<mark id="c-{claim["claim_id"]}">{html.escape(claim["value_text"])}</mark>' in body)
    assert "Check headline against body" in page or "check headline against body" in page


def test_series_page_and_api_agree_with_the_library(client, ledger):
    from tollbook.reconcile import build_series

    series = build_series(ledger.claims())
    api = client.get("/api/series").json()
    assert [s["series"] for s in api] == [s.key.label for s in series]
    assert {"series", "actor", "measure", "claims", "appearances", "originators", "findings"} <= set(api[0])
    page = client.get("/series", params={"size": 500}).text
    assert page.count("<tr>") == len(series) + 1  # header row + one row per series
    first = client.get("/series", params={"size": 10}).text
    assert first.count("<tr>") == 11 and 'rel="next"' in first and f"of {len(series):,}" in first
    assert 'href="/timeline?actor=North+Korean+forces&amp;measure=casualties' in page


def test_timeline_page_has_table_and_chart(client, uk_4000):
    page = client.get("/timeline", params={"actor": "North Korean forces", "measure": "casualties"}).text
    assert f'href="/claims/{uk_4000["claim_id"]}"' in page
    assert "Fused estimates per month" in page
    chart = re.search(r'<img src="(/timeline/chart\.svg\?[^"]+)"[^>]*alt="([^"]+)"', page)
    assert chart and "North Korean forces" in chart.group(2)
    svg = client.get(html.unescape(chart.group(1)))
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    assert svg.text.lstrip().startswith("<svg") and "UK Ministry of Defence" in svg.text


def test_timeline_without_series_asks_for_one_and_rejects_bad_values(client):
    assert "Choose an actor and a measure" in client.get("/timeline").text
    bad = client.get("/timeline", params={"actor": "North Korean forces", "measure": "casualties", "period": "decade"})
    assert bad.status_code == 422 and "period" in bad.text
    assert client.get("/timeline/chart.svg", params={"actor": "North Korean forces"}).status_code == 422


def test_findings_name_their_claims(client, ledger):
    from tollbook.reconcile import find_findings

    found = find_findings(ledger.claims())
    assert found
    page = client.get("/findings").text
    for finding in found:
        assert finding.rule in html.unescape(page)
        for claim_id in finding.claims:
            assert f'href="/claims/{claim_id}"' in page
    api = client.get("/api/findings").json()
    assert [f["finding_id"] for f in api] == [f.finding_id for f in found]
    kind = found[0].kind
    only = client.get("/api/findings", params={"kind": kind}).json()
    assert only and {f["kind"] for f in only} == {kind}
    assert client.get("/findings", params={"kind": "nonsense"}).status_code == 422


def test_check_form_shows_both_passages(client):
    text = open(DERNA, encoding="utf-8").read()
    response = client.post("/check", data={"text": text, "published": "2023-09-14"})
    assert response.status_code == 200
    page = response.text
    assert "finding" in page and 'class="side-by-side"' in page
    first = page.split('<table class="side-by-side">', 1)[1].split("</table>", 1)[0]
    headline_cell, body_cell = first.split("<td>")[1:3]
    assert "<mark>" in headline_cell and "<mark>" in body_cell
    assert html.escape(text.splitlines()[0])[:30] in page  # the pasted text stays in the form


def test_check_form_errors(client):
    empty = client.post("/check", data={"text": "  ", "published": ""})
    assert empty.status_code == 422 and "paste a report" in empty.text
    bad_date = client.post("/check", data={"text": "Ten killed\n\nTen people were killed.", "published": "yesterday"})
    assert bad_date.status_code == 422 and "YYYY-MM-DD" in bad_date.text


def test_check_a_stored_document(client, ledger):
    derna = ledger.documents(outlet="The Daily Clarion").to_dict("records")[0]
    page = client.get("/check", params={"doc_id": derna["doc_id"]}).text
    assert 'class="side-by-side"' in page


def test_api_claims_shape_filters_and_paging(client, ledger, uk_4000):
    body = client.get("/api/claims", params={"source": "UK Ministry of Defence", "size": 3}).json()
    assert {"page", "size", "claims", "next", "total", "facets", "sort"} <= set(body)
    expected = ids(ledger.claims(source="UK Ministry of Defence"))
    assert body["total"] == len(expected)
    assert body["facets"]["source"] == [{"value": "UK Ministry of Defence", "count": len(expected)}]
    assert [c["claim_id"] for c in body["claims"]] == expected[:3]
    assert set(body["claims"][0]) == set(CLAIM_FRAME_COLUMNS)
    walked = [c["claim_id"] for c in body["claims"]]
    while body["next"]:
        body = client.get(body["next"]).json()
        walked += [c["claim_id"] for c in body["claims"]]
    assert walked == expected
    one = client.get(f"/api/claims/{uk_4000['claim_id']}").json()
    assert one["best"] == 4000 and one["source"] == "UK Ministry of Defence" and one["outlet"] == "Whitehall Brief"
    assert "text" not in one and one["appearances_list"][0]["outlet"] == "Whitehall Brief"


@pytest.mark.parametrize("path, params, status", [
    ("/api/claims", {"measure": "bogus"}, 422),
    ("/api/claims", {"until": "soon"}, 422),
    ("/api/claims", {"page": "abc"}, 422),
    ("/api/claims/0000000000000000", {}, 404),
    ("/api/documents/nope", {}, 404),
    ("/api/findings", {"kind": "nonsense"}, 422),
])
def test_api_errors_are_json(client, path, params, status):
    response = client.get(path, params=params)
    assert response.status_code == status
    detail = response.json()["detail"]
    assert isinstance(detail, list) and all(isinstance(m, str) and m for m in detail)


def test_api_check(client):
    text = open(DERNA, encoding="utf-8").read()
    body = client.post("/api/check", json={"text": text, "published": "2023-09-14"}).json()
    assert body["findings"]
    finding = body["findings"][0]
    assert {"rule", "severity", "explanation", "headline_claim", "body_claims"} <= set(finding)
    assert client.post("/api/check", json={"text": text, "published": "not a date"}).status_code == 422
    assert client.post("/api/check", json={"published": "2023-09-14"}).status_code == 422


def test_api_documents(client, ledger, uk_4000):
    listing = client.get("/api/documents", params={"outlet": "Whitehall Brief"}).json()
    assert [d["doc_id"] for d in listing["documents"]] == list(ledger.documents(outlet="Whitehall Brief")["doc_id"])
    assert uk_4000["doc_id"] in {d["doc_id"] for d in listing["documents"]}
    one = client.get(f"/api/documents/{uk_4000['doc_id']}").json()
    assert one["text"].startswith("UK intelligence")
    assert uk_4000["claim_id"] in {c["claim_id"] for c in one["claims_list"]}


def test_a_broken_ledger_gives_an_error_page_not_a_traceback(tmp_path, ledger_path):
    """A ledger whose claims table went missing under the server: a 500 page in plain words."""
    import shutil

    from fastapi.testclient import TestClient

    from tollbook.web import create_app

    path = tmp_path / "broken.db"
    shutil.copy(ledger_path, path)
    app = create_app(str(path))
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE claims")
    with TestClient(app, raise_server_exceptions=False) as broken:
        page = broken.get("/")
        api = broken.get("/api/claims")
    assert page.status_code == 500 and "Something went wrong" in page.text
    assert "Traceback" not in page.text and "sqlite3" not in page.text
    assert api.status_code == 500 and api.json()["detail"]


def test_serve_reports_a_bad_ledger_in_one_line(tmp_path):
    from typer.testing import CliRunner

    from tollbook.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "missing" / "ledger.db")])
    assert result.exit_code == 2
    assert "does not exist" in result.output and "Traceback" not in result.output


def test_api_timeline(client, uk_4000):
    body = client.get("/api/timeline", params={"actor": "North Korean forces", "measure": "casualties"}).json()
    assert uk_4000["claim_id"] in {c["claim_id"] for c in body["claims"]}
    assert body["estimates"] and {"period", "low", "best", "high", "claims"} <= set(body["estimates"][0])
    assert client.get("/api/timeline", params={"actor": "North Korean forces"}).status_code == 422


def test_only_web_addresses_become_links(tmp_path):
    """A document stored with a javascript: address is shown, never linked."""
    from fastapi.testclient import TestClient

    import tollbook
    from tollbook.ledger import open_ledger
    from tollbook.read import make_document
    from tollbook.web import create_app

    text = "Twelve soldiers killed\n\nThe army said 12 soldiers were killed on Monday."
    path = str(tmp_path / "ledger.db")
    with open_ledger(path) as ledger:
        doc = make_document(text, url="javascript:alert(1)", outlet="Test Wire", published="2025-01-06")
        ledger.add(doc, tollbook.extract(text, published="2025-01-06", outlet="Test Wire"))
    with TestClient(create_app(path)) as test_client:
        page = test_client.get(f"/documents/{doc.doc_id}").text
    assert 'href="javascript:' not in page
