"""A hostile request cannot kill the server, and every answer carries the safety headers.

The in-process tests use Starlette's TestClient over the app; the survival test runs
the real `tollbook serve` in a subprocess, sends every input known to have killed it,
and checks after each one that the same process still answers.
"""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from tollbook.safe_text import has_invisible, visible, xml_safe

ROOT = Path(__file__).resolve().parents[2]

# (path, params): each of these aborted the whole server through the chart renderer
HOSTILE_CHARTS = [
    {"actor": "\x00", "measure": "casualties"},
    {"actor": "\x01", "measure": "casualties"},
    {"actor": "\uffff", "measure": "casualties"},
    {"actor": "North Korean forces", "measure": "casualties", "place": "\x00"},
    {"actor": "\ud7ff\x08\x1b[31m", "measure": "killed"},
]


# ---------------------------------------------------------------- text safety, the two views


@pytest.mark.parametrize("raw", ["a\x00b", "\x01", "x\uffffy", "\x0b\x0c", "ok\ud800"])
def test_xml_safe_leaves_no_character_xml_forbids(raw):
    safe = xml_safe(raw)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", safe)
    assert len(safe) == len(raw)


def test_visible_marks_controls_and_bidi_overrides():
    assert visible("a\x00b") == "a\u2400b"
    assert visible("Harbour\u202eWire") == "Harbour\u27e8U+202E\u27e9Wire"
    assert visible("plain text, 4,000 killed") == "plain text, 4,000 killed"
    assert visible("line\nnext\ttab") == "line\nnext\ttab"
    assert has_invisible("x\u2066y") and not has_invisible("Київ, Ελλάδα, القدس")


# ---------------------------------------------------------------- in-process: headers, host, limits


def test_every_answer_carries_the_security_headers(client):
    for path in ("/", "/documents", "/series", "/no-such-page", "/api/claims", "/docs", "/favicon.ico"):
        response = client.get(path)
        csp = response.headers.get("content-security-policy", "")
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp, path
        assert "script-src" not in csp, "the UI has no script; none may be allowed"
        assert response.headers.get("x-content-type-options") == "nosniff", path
        assert response.headers.get("x-frame-options") == "DENY", path
        assert response.headers.get("referrer-policy") == "no-referrer", path


def test_a_foreign_host_header_is_refused(client):
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200
    assert client.get("/", headers={"host": "127.0.0.1"}).status_code == 200


def test_allowed_hosts_are_added_to_the_local_names(ledger_path):
    from fastapi.testclient import TestClient

    from tollbook.web import create_app

    with TestClient(create_app(ledger_path, allowed_hosts=["ledger.newsroom.example"])) as c:
        assert c.get("/", headers={"host": "ledger.newsroom.example"}).status_code == 200
        assert c.get("/", headers={"host": "other.example"}).status_code == 400


def test_an_oversized_body_is_refused_and_not_echoed(ledger_path):
    from fastapi.testclient import TestClient

    from tollbook.web import create_app

    marker = "ZQXJ" * 10
    with TestClient(create_app(ledger_path, max_body=10_000)) as c:
        big = "text=" + marker + "x" * 20_000
        response = c.post("/check", content=big, headers={"content-type": "application/x-www-form-urlencoded"})
        assert response.status_code == 413
        assert marker not in response.text
        # a chunked body (no Content-Length) is counted as it streams
        chunks = (piece.encode() for piece in [marker] + ["y" * 4_000] * 5)
        response = c.post("/check", content=chunks, headers={"content-type": "application/x-www-form-urlencoded"})
        assert response.status_code == 413
        assert marker not in response.text
        assert c.get("/").status_code == 200


def test_an_over_long_check_text_is_not_echoed(client):
    from tollbook.web.views.check import MAX_CHECK_CHARS

    marker = "QWERTYMARK"
    body = {"text": marker + "a" * (MAX_CHECK_CHARS + 10)}
    response = client.post("/check", data=body)
    assert response.status_code == 422
    assert marker not in response.text


def test_claim_ids_are_prefixes_never_patterns(client, uk_4000):
    claim_id = uk_4000["claim_id"]
    assert client.get(f"/claims/{claim_id[:8]}").status_code == 200
    suffix = claim_id[-4:]
    assert client.get(f"/claims/%25%25%25%25%25{suffix}").status_code == 404
    assert client.get(f"/claims/______{suffix}").status_code == 404


def test_pages_hide_the_server_paths(client, ledger_path, uk_4000):
    for path in ("/", f"/claims/{uk_4000['claim_id']}", f"/documents/{uk_4000['doc_id']}"):
        text = client.get(path).text
        assert ledger_path not in text
        assert str(ROOT / "examples") not in text, f"{path} shows an ingest folder"


def test_api_docs_work_offline(client):
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/api/claims" in page.text and "/openapi.json" in page.text
    assert not re.search(r"""(?:src|href)=["']https?://""", page.text), "the docs page must load nothing from the network"
    assert client.get("/openapi.json").json()["paths"]


def test_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response.headers["content-type"].startswith("image/svg+xml")


def test_control_characters_are_shown_and_isolated(tmp_path):
    """An outlet holding \\u0001 and a right-to-left override is shown visibly, inside <bdi>, and charts still draw."""
    from fastapi.testclient import TestClient

    from tollbook.extract import extract_document
    from tollbook.ledger import open_ledger
    from tollbook.read import make_document
    from tollbook.web import create_app

    path = str(tmp_path / "hostile.db")
    outlet = "Evil\u0001Wire\u202eorigin"
    text = ("Toll rises in the north\n\nAt least 40 civilians were killed in Kharkiv on 3 May 2024, "
            "the regional governor said.\n")
    doc = make_document(text, outlet=outlet, published="2024-05-04")
    with open_ledger(path) as ledger:
        assert ledger.add(doc, extract_document(doc))
    with TestClient(create_app(path)) as c:
        page = c.get("/").text
        assert "\u202e" not in page and "\u0001" not in page
        assert "Evil\u2401Wire\u27e8U+202E\u27e9origin" in page
        assert "<bdi>Evil" in page
        rows = c.get("/api/claims").json()["claims"]
        assert rows, "the hostile report should still give its claim"
        claim = c.get(f"/claims/{rows[0]['claim_id']}")
        assert claim.status_code == 200 and "\u202e" not in claim.text
        actor = rows[0]["actor"] or ""
        chart = c.get("/timeline/chart.svg", params={"actor": actor, "measure": rows[0]["measure"]})
        assert chart.status_code == 200 and chart.text.lstrip().startswith("<svg")


def test_big_timeline_chart_is_aggregated():
    from tollbook.reconcile.chart import MAX_CHART_MARKS, aggregate_rows

    rows = [{"date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "originator": f"source {i % 7}", "best": i,
             "low": i, "high": i + 5, "measure": "killed"} for i in range(11_000)]
    marks = aggregate_rows(rows)
    assert len(marks) <= MAX_CHART_MARKS
    assert sum(m["claims"] for m in marks) == 11_000
    assert min(m["low"] for m in marks) == 0 and max(m["high"] for m in marks) == 11_004


# ---------------------------------------------------------------- a real server survives every input


@pytest.fixture(scope="module")
def live_server(ledger_path, tmp_path_factory, serve):
    with serve(ledger_path, tmp_path_factory.mktemp("serve-hostile") / "serve.log") as running:
        yield running


def _still_up(process, base: str, after: str) -> None:
    assert process.poll() is None, f"the server died after {after}"
    assert httpx.get(base + "/series", timeout=30).status_code == 200, f"the server stopped answering after {after}"


def test_the_real_server_survives_every_hostile_input(live_server):
    process, base = live_server
    for params in HOSTILE_CHARTS:
        response = httpx.get(base + "/timeline/chart.svg", params=params, timeout=60)
        assert response.status_code in (200, 422, 500), response.status_code
        _still_up(process, base, f"chart {params!r}")
        response = httpx.get(base + "/timeline", params=params, timeout=60)
        assert response.status_code in (200, 422)
        _still_up(process, base, f"timeline {params!r}")
    marker = b"HOSTILE-ECHO-MARKER"
    response = httpx.post(base + "/check", content=marker + b"x" * 5_000_000,
                          headers={"content-type": "application/x-www-form-urlencoded"}, timeout=60)
    assert response.status_code == 413 and marker not in response.content
    _still_up(process, base, "a 5 MB POST")
    for path in ("/?page=1000000&size=500", "/claims/%25%25%25%25%25%25", "/documents/%00", "/?actor=%00",
                 "/findings?kind=%01", "/api/timeline?actor=%00&measure=killed"):
        response = httpx.get(base + path, timeout=60)
        assert response.status_code < 500, (path, response.status_code)
        _still_up(process, base, path)
    response = httpx.get(base + "/", headers={"host": "rebind.example"}, timeout=30)
    assert response.status_code == 400
    _still_up(process, base, "a foreign Host")


def test_derived_counts_read_as_people():
    from tollbook.web.present import fmt_number, interval

    assert fmt_number(3666.67) == "about 3,700"
    assert fmt_number(4000.0) == "4,000"
    assert fmt_number(0.45) == "0.45"
    assert interval({"low": 916.5, "best": 1000.0, "high": 1083.5}) == "about 920 – about 1,100"


def test_serve_flags_reach_the_app(ledger_path, tmp_path, serve):
    """--allow-host adds a name; --max-body sets the cap (checked on a real server process)."""
    with serve(ledger_path, tmp_path / "serve.log", "--allow-host", "ledger.example", "--max-body", "2000") as (_, base):
        assert httpx.get(base + "/docs", headers={"host": "ledger.example"}, timeout=30).status_code == 200
        assert httpx.get(base + "/docs", headers={"host": "other.example"}, timeout=30).status_code == 400
        response = httpx.post(base + "/check", content=b"text=" + b"x" * 3000,
                              headers={"content-type": "application/x-www-form-urlencoded"}, timeout=30)
        assert response.status_code == 413
