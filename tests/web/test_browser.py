"""The web UI in a real headless Chromium, against `tollbook serve` running on localhost.

The server is the real command (`python -m tollbook.cli serve`) in a subprocess on a
free port; the browser is Debian's /usr/bin/chromium driven by the Python
`playwright` package (which is told where the browser is and never downloads one).
Without playwright the same journey runs through `chromium --headless --dump-dom`.
The test skips, saying why, when /usr/bin/chromium is not installed
(`apt-get install -y chromium`).

Screenshots go to $TOLLBOOK_SCREENSHOTS when set (e.g. /tmp), else to the test's
temporary folder: claims.png (the filtered claims page) and claim.png (one claim).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlencode

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
FILTERS = {"actor": "North Korean forces", "measure": "casualties", "source": "UK Ministry of Defence"}

pytestmark = pytest.mark.skipif(
    not CHROMIUM.is_file(),
    reason=f"{CHROMIUM} is not installed; install it with `apt-get install -y chromium` to run the browser test",
)


@pytest.fixture(scope="module")
def server(ledger_path, tmp_path_factory, serve):
    """`tollbook serve` on a free localhost port; yields its base URL and stops it afterwards."""
    with serve(ledger_path, tmp_path_factory.mktemp("serve") / "serve.log") as (_process, base):
        yield base


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("TOLLBOOK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _has_playwright() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(not _has_playwright(), reason="the playwright package is not installed (pip install playwright); "
                                                 "test_dump_dom_journey covers the browser without it")
def test_filter_then_open_a_claim(server, shots, uk_4000):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(server + "/")
            expect(page.get_by_role("heading", level=1)).to_have_text("Claims")

            # Keyboard first: the first Tab lands on the skip link.
            page.keyboard.press("Tab")
            expect(page.locator("a.skip")).to_be_focused()

            page.get_by_label("Actor").fill(FILTERS["actor"])
            page.get_by_label("Measure").select_option(FILTERS["measure"])
            page.get_by_label("Source").fill(FILTERS["source"])
            page.get_by_role("button", name="Filter").click()
            page.wait_for_url(re.compile(r"measure=casualties"))
            rows = page.locator("table.claims tbody tr")
            expect(rows.first).to_be_visible()
            assert rows.count() >= 2
            for text in page.locator("table.claims tbody tr td:nth-child(5)").all_inner_texts():
                assert text.startswith("UK Ministry of Defence")
            page.screenshot(path=str(shots / "claims.png"), full_page=True)

            page.locator(f'table.claims a[href="/claims/{uk_4000["claim_id"]}"]').click()
            page.wait_for_url(f"**/claims/{uk_4000['claim_id']}")
            expect(page.locator("figure.evidence mark")).to_have_text("4,000")
            expect(page.get_by_role("heading", level=1)).to_contain_text("4,000 casualties")
            expect(page.locator("ol.chain li").first).to_contain_text("UK Ministry of Defence")
            page.screenshot(path=str(shots / "claim.png"), full_page=True)

            # The document page marks the same value and links it back to the claim.
            page.get_by_role("link", name=re.compile("UK intelligence: North Korea")).first.click()
            mark = page.locator(f"#c-{uk_4000['claim_id']}")
            expect(mark).to_have_text("4,000")
            assert mark.evaluate("m => m.parentElement.getAttribute('href')") == f"/claims/{uk_4000['claim_id']}"
        finally:
            browser.close()


def _dump_dom(url: str) -> str:
    result = subprocess.run([str(CHROMIUM), "--headless", *CHROMIUM_ARGS, "--dump-dom", url],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_dump_dom_journey(server, shots, uk_4000, tmp_path):
    """The same journey without playwright: the DOM Chromium rendered, and its screenshot."""
    listing = _dump_dom(f"{server}/?{urlencode(FILTERS)}")
    assert f'href="/claims/{uk_4000["claim_id"]}"' in listing
    claim = _dump_dom(f"{server}/claims/{uk_4000['claim_id']}")
    assert re.search(r"<mark>4,000</mark>", claim)
    shot = tmp_path / "dump-claim.png"
    subprocess.run([str(CHROMIUM), "--headless", *CHROMIUM_ARGS, "--hide-scrollbars", "--window-size=1280,900",
                    f"--screenshot={shot}", f"{server}/claims/{uk_4000['claim_id']}"],
                   capture_output=True, timeout=120, cwd=tmp_path, check=True)
    assert shot.stat().st_size > 10_000  # a rendered page, not a blank one
    if os.environ.get("TOLLBOOK_SCREENSHOTS"):
        shutil.copy(shot, shots / "claim-dump.png")
