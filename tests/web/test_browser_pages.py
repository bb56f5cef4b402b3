"""Every page type in a real headless Chromium, on a large generated ledger, with screenshots.

The ledger holds 10,000 generated claims (bulk-written through the schema, as the
ledger benchmark does) plus the bundled example reports, served by the real
`tollbook serve`. Playwright drives Debian's /usr/bin/chromium (never a downloaded
browser). Screenshots go to $TOLLBOOK_SCREENSHOTS, else to the git-ignored
`.cache/screenshots/` of the project.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
GENERATED_CLAIMS = 10_000


def _has_playwright() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


pytestmark = [
    pytest.mark.skipif(not CHROMIUM.is_file(), reason=f"{CHROMIUM} is not installed (apt-get install -y chromium)"),
    pytest.mark.skipif(not _has_playwright(), reason="the playwright package is not installed (pip install playwright)"),
]


@pytest.fixture(scope="module")
def big_server(tmp_path_factory, serve):
    sys.path.insert(0, str(ROOT))
    from benchmarks.bench_ledger import fill_synthetic
    from tollbook.ledger import open_ledger

    folder = tmp_path_factory.mktemp("big-web")
    path = str(folder / "big.db")
    fill_synthetic(path, GENERATED_CLAIMS)
    with open_ledger(path) as ledger:
        summary = ledger.ingest([str(ROOT / "examples" / "kursk"), str(ROOT / "examples" / "reports")])
        assert summary.documents_failed == 0
    with serve(path, folder / "serve.log") as (_process, base):
        yield base


@pytest.fixture(scope="module")
def shots() -> Path:
    folder = Path(os.environ.get("TOLLBOOK_SCREENSHOTS") or ROOT / ".cache" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        opened = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield opened
        opened.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    problems: list[str] = []
    opened.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    opened.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    opened.problems = problems
    yield opened
    context.close()


def _total(page) -> int:
    text = page.locator("p.formats").first.inner_text()
    return int(re.match(r"([\d,]+)", text).group(1).replace(",", ""))


def test_claims_facets_sort_search_and_keyset_pages(big_server, page, shots):
    from playwright.sync_api import expect

    page.goto(big_server + "/")
    everything = _total(page)
    assert everything > GENERATED_CLAIMS
    expect(page.locator("table.claims caption")).to_contain_text(f"of {everything:,}")
    page.screenshot(path=str(shots / "claims.png"), full_page=False)

    # a facet narrows the list to its count
    facet = page.locator("aside.facets section", has_text="measure").locator("li").first
    count = int(facet.locator(".count").inner_text().replace(",", ""))
    facet.locator("a").first.click()
    page.wait_for_url(re.compile(r"measure="))
    assert _total(page) == count < everything

    # sorting by the figure, descending, orders the column
    page.get_by_role("link", name=re.compile("^Figure")).click()
    page.wait_for_url(re.compile(r"sort=best"))
    page.get_by_role("link", name=re.compile("^Figure")).click()
    page.wait_for_url(re.compile(r"sort=-best"))
    expect(page.locator('th[aria-sort="descending"]')).to_have_count(1)

    # the keyset next link moves on, and the caption says where
    page.get_by_role("link", name=re.compile("^Next")).click()
    page.wait_for_url(re.compile(r"next="))
    expect(page.locator("table.claims caption")).to_contain_text("Claims 51–100")
    page.screenshot(path=str(shots / "claims-filtered-sorted.png"), full_page=False)

    # full-text search over the quotes
    page.goto(big_server + "/")
    page.get_by_label("Search the quotes").fill('"North Korean"')
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"q="))
    assert 0 < _total(page) < everything
    assert not page.problems, page.problems


def test_claim_and_document_pages(big_server, page, shots):
    from playwright.sync_api import expect

    page.goto(big_server + "/?q=%22North+Korean%22")
    page.locator("table.claims tbody tr td.figure a").first.click()
    page.wait_for_url(re.compile(r"/claims/[0-9a-f]{16}$"))
    expect(page.locator("figure.evidence mark")).to_be_visible()
    page.screenshot(path=str(shots / "claim.png"), full_page=True)
    page.locator("a[href^='/documents/']").first.click()
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]+"))
    expect(page.locator("article.doc-text mark").first).to_be_visible()
    page.screenshot(path=str(shots / "document.png"), full_page=False)
    page.goto(big_server + "/documents")
    expect(page.locator("table caption")).to_contain_text("Documents 1–50 of")
    page.get_by_role("link", name=re.compile("^Next")).click()
    expect(page.locator("table caption")).to_contain_text("Documents 51–100 of")
    page.screenshot(path=str(shots / "documents.png"), full_page=False)
    assert not page.problems, page.problems


def test_series_timeline_findings_check_and_docs(big_server, page, shots):
    from playwright.sync_api import expect

    page.goto(big_server + "/series")
    expect(page.locator("table caption")).to_contain_text("Series 1–50 of")
    page.screenshot(path=str(shots / "series.png"), full_page=False)

    page.goto(big_server + "/timeline?actor=civilians&measure=killed")
    chart = page.locator("figure.chart img")
    expect(chart).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=chart.element_handle(), timeout=60_000)
    expect(page.locator("table caption").first).to_contain_text("Claims 1–50 of")
    page.screenshot(path=str(shots / "timeline.png"), full_page=False)

    page.goto(big_server + "/findings?kind=revision")
    first = page.locator("article.finding h2 a").first
    expect(first).to_be_visible()
    first.click()
    page.wait_for_url(re.compile(r"/findings/[0-9a-f]{16}$"))
    expect(page.locator("article.finding")).to_have_count(1)
    page.screenshot(path=str(shots / "finding.png"), full_page=False)

    page.goto(big_server + "/check")
    page.get_by_label(re.compile("Report")).fill("Over 4,000 killed, says army\n\nThe army said 3,000 soldiers were "
                                                "wounded and 1,000 killed in the fighting.")
    page.get_by_role("button", name=re.compile("Check")).click()
    page.screenshot(path=str(shots / "check.png"), full_page=False)

    page.goto(big_server + "/docs")
    expect(page.locator("h2 code", has_text="GET /api/claims").first).to_be_visible()
    page.screenshot(path=str(shots / "api.png"), full_page=False)
    assert not page.problems, page.problems
