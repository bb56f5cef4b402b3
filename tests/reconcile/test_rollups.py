"""Series under their roll-ups (an actor's measure family over every place), as `tollbook series`, the
/series page and the API show them, over one real ledger file.

The ledger: North Korean forces killed (NIS, a revision 100 -> 300 in Russia) and casualties (UK) in
Kursk, in Russia and with no place named, 11,000 deployed in Russia, 100 wounded; and Russian forces
killed. Alphabetically 'deployed' falls between 'casualties' and 'killed': the losses roll-up's six
series still come side by side.
"""

from __future__ import annotations

import html
import json
import os
import pty
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from tollbook.cli import app

NK = "North Korean forces"
LOSSES = f"{NK} | losses | personnel"
PLACES = (("Russia", "RUS"), ("Kursk region", "RU-KRS"), (None, None))
# the order every output gives: a roll-up's series side by side, a country before its regions
ORDER = [
    f"{NK} | deployed | personnel | RUS",
    f"{NK} | casualties | personnel | -", f"{NK} | casualties | personnel | RUS",
    f"{NK} | casualties | personnel | RU-KRS",
    f"{NK} | killed | personnel | -", f"{NK} | killed | personnel | RUS", f"{NK} | killed | personnel | RU-KRS",
    f"{NK} | wounded | personnel | RUS",
    "Russian forces | killed | personnel | RUS",
]
# the fields `tollbook series --json` gave before roll-ups: a public contract
SERIES_FIELDS = {"series", "actor", "measure", "unit", "place_code", "place", "parent", "claims", "appearances",
                 "appearance_groups", "originators", "originator_names", "first_date", "last_date", "findings"}


def build_ledger(url: str, make_pair) -> str:
    from tollbook.ledger import open_ledger
    from tollbook.reconcile.store import refresh_all

    korea = dict(actor=NK, actor_country="PRK")
    pairs = [make_pair(100, source="NIS", outlet="Yonhap", published="2025-01-10", **korea),
             make_pair(300, source="NIS", outlet="Yonhap", published="2025-01-14", **korea)]
    pairs += [make_pair(200, source="NIS", outlet="Yonhap", place=p, place_code=c, published="2025-01-13", **korea)
              for p, c in PLACES[1:]]
    pairs += [make_pair(4000, measure="casualties", place=p, place_code=c, published="2025-01-20", **korea)
              for p, c in PLACES]
    pairs.append(make_pair(11000, measure="deployed", source="Pentagon", published="2024-11-04", **korea))
    pairs.append(make_pair(100, measure="wounded", published="2025-01-21", **korea))
    pairs.append(make_pair(1500, source="Armed Forces of Ukraine", published="2025-01-22"))
    with open_ledger(url) as ledger:
        for doc, claim in pairs:
            ledger.add(doc, [claim])
        refresh_all(ledger.engine)
    return url


@pytest.fixture
def ledger_file(tmp_path, make_pair, needs_ledger) -> str:
    return build_ledger(str(tmp_path / "rollups.db"), make_pair)


# ---------------------------------------------------------------- library and storage


def test_stored_series_keep_a_rollup_together_and_can_be_narrowed_to_one(db_url, make_pair, needs_ledger):
    """Stored and built series in one order, a roll-up's side by side; `rollups` keeps those roll-ups'
    series, one with no actor named too (SQLite and PostgreSQL)."""
    from tollbook.ledger import open_ledger
    from tollbook.reconcile import build_series, rollups
    from tollbook.reconcile.series import rollup_depth
    from tollbook.reconcile.store import count_series, refresh_all, stored_series

    build_ledger(db_url, make_pair)
    nameless = "- | missing | personnel | RUS"  # a series with no actor named
    with open_ledger(db_url) as ledger:
        doc, claim = make_pair(12, measure="missing", actor=None, actor_country=None)
        ledger.add(doc, [claim])
        refresh_all(ledger.engine)
        built = [s.key.label for s in build_series(ledger.claims())]
        with ledger.engine.connect() as conn:
            every = stored_series(conn)
            losses = stored_series(conn, rollups=[LOSSES])
            page = stored_series(conn, limit=3, offset=2)
            assert count_series(conn, rollups=[LOSSES]) == 6 and count_series(conn) == len(ORDER) + 1
            assert stored_series(conn, rollups=["no one | losses | personnel"]) == []
            assert stored_series(conn, rollups=["- | losses | personnel"]) == []
            missing = stored_series(conn, rollups=["- | missing | personnel", f"{NK} | wounded | personnel"])
    assert built == [nameless, *ORDER] and [r["series"] for r in every] == built
    assert [r["series"] for r in page] == built[2:5]
    assert [r["series"] for r in losses] == ORDER[1:7] and {r["rollup"] for r in losses} == {LOSSES}
    assert [r["series"] for r in missing] == [nameless, ORDER[7]]
    (summed,) = rollups(losses)
    assert summed["claims"] == 7 and summed["findings"] >= 1  # NIS's 100 then 300 is a revision
    depths = {r["series"]: rollup_depth(r, summed["children"]) for r in losses}
    assert depths[f"{NK} | killed | personnel | RU-KRS"] == 2 and depths[f"{NK} | killed | personnel | RUS"] == 1
    assert depths[f"{NK} | killed | personnel | -"] == 1


# ---------------------------------------------------------------- tollbook series


def run_on_a_terminal(*args: str) -> str:
    """`tollbook ARGS` with its standard output on a pseudo-terminal (where it writes a table), as text."""
    controller, terminal = pty.openpty()
    env = {**os.environ, "COLUMNS": "220", "LINES": "60", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    process = subprocess.Popen([sys.executable, "-m", "tollbook.cli", *args], stdout=terminal,
                               stderr=subprocess.PIPE, env=env)
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal is closed once the process has exited
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    assert process.wait(timeout=120) == 0, process.stderr.read().decode()
    text = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)


def table_cells(text: str) -> list[list[str]]:
    """The body rows of a Rich table as lists of cells (leading spaces kept in the first)."""
    rows = []
    for line in text.splitlines():
        if line.startswith("│"):
            cells = line.strip("│").split("│")
            rows.append([cells[0][1:].rstrip(), *(c.strip() for c in cells[1:])])
    return rows


def test_the_terminal_table_shows_each_rollup_then_its_series(ledger_file):
    rows = table_cells(run_on_a_terminal("series", "--db", ledger_file))
    labels = [r[0] for r in rows]
    at = labels.index(f"{LOSSES} (all places, 6 series)")
    children = labels[at + 1:at + 7]
    assert [c.lstrip(" └") for c in children] == ORDER[1:7]
    # one step in for a series, two for a region under its country's series
    assert labels[at + 6] == "    └ " + ORDER[6] and labels[at + 5] == "  └ " + ORDER[5]
    assert labels[at + 7] == f"{NK} | wounded | personnel (all places, 1 series)"
    header = [c.strip() for c in next(line for line in run_on_a_terminal("series", "--db", ledger_file)
                                      .splitlines() if line.startswith("┃")).strip("┃").split("┃")]
    col = {name: i for i, name in enumerate(header)}
    rollup, series = rows[at], rows[at + 1:at + 7]
    assert int(rollup[col["claims"]]) == sum(int(s[col["claims"]]) for s in series) == 7
    assert int(rollup[col["findings"]]) == sum(int(s[col["findings"]]) for s in series) >= 1
    assert rollup[col["originators"]] == "2"  # NIS and the UK, each counted once over six series
    assert (rollup[col["first_date"]], rollup[col["last_date"]]) == ("2025-01-10", "2025-01-20")
    assert labels.index("Russian forces | losses | personnel (all places, 1 series)") > at + 7


def test_rollups_only_in_every_format(ledger_file):
    runner = CliRunner()
    result = runner.invoke(app, ["series", "--db", ledger_file, "--rollups", "--json"])
    assert result.exit_code == 0, result.output
    found = {r["rollup"]: r for r in json.loads(result.stdout)}
    assert list(found) == [f"{NK} | forces | personnel", LOSSES, f"{NK} | wounded | personnel",
                           "Russian forces | losses | personnel"]
    losses = found[LOSSES]
    assert losses["children"] == ORDER[1:7] and losses["measures"] == ["casualties", "killed"]
    assert losses["places"] == [None, "RUS", "RU-KRS"] and losses["claims"] == 7
    assert losses["originator_names"] == ["NIS", "UK Ministry of Defence"] and losses["originators"] == 2

    result = runner.invoke(app, ["series", "--db", ledger_file, "--rollups", "--csv"])
    lines = result.stdout.splitlines()
    assert lines[0].startswith("rollup,actor,family,unit,measures,places,claims") and len(lines) == 5

    table = table_cells(run_on_a_terminal("series", "--db", ledger_file, "--rollups"))
    assert [r[0] for r in table] == list(found)
    assert table[1][1:4] == ["casualties, killed", "-, RUS, RU-KRS", "6"]


def test_machine_output_is_still_one_row_per_series_with_its_rollup_named(ledger_file):
    runner = CliRunner()
    rows = json.loads(runner.invoke(app, ["series", "--db", ledger_file, "--json"]).stdout)
    assert [r["series"] for r in rows] == ORDER
    assert all(SERIES_FIELDS | {"family", "rollup"} == set(r) for r in rows)
    killed = next(r for r in rows if r["series"] == ORDER[5])
    assert (killed["family"], killed["rollup"], killed["claims"]) == ("losses", LOSSES, 2)

    lines = runner.invoke(app, ["series", "--db", ledger_file, "--nl"]).stdout.splitlines()
    assert [json.loads(line) for line in lines] == rows
    header = runner.invoke(app, ["series", "--db", ledger_file, "--tsv"]).stdout.splitlines()[0].split("\t")
    assert SERIES_FIELDS | {"family", "rollup"} == set(header)


# ---------------------------------------------------------------- the web page and the API


@pytest.fixture
def client(ledger_file):
    from fastapi.testclient import TestClient

    from tollbook.web import create_app

    with TestClient(create_app(ledger_file)) as test_client:
        yield test_client


def rollup_rows(page: str) -> list[str]:
    return re.findall(r'<tr class="rollup">(.*?)</tr>', page, flags=re.S)


def cells(row: str) -> list[str]:
    """A row's cells as plain text."""
    found = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", c)).split()) for c in found]


def test_the_series_page_groups_series_under_rollups_across_its_pages(client):
    first = client.get("/series", params={"size": 4}).text
    second = client.get("/series", params={"size": 4, "page": 2}).text
    assert "Series 1–4 of 9" in first and "Series 5–8 of 9" in second
    forces, losses = [cells(r) for r in rollup_rows(first)]
    assert forces[:4] == [NK, "forces: deployed", "personnel", "every place · 1 series"]
    assert losses[:4] == [NK, "losses: casualties, killed", "personnel", "every place · 6 series · 3 on later pages"]
    assert losses[4:] == ["7", "7", "2", "2025-01-10", "2025-01-20", str(int(losses[9]))] and int(losses[9]) >= 1
    # the roll-up is summed over all its series, on the page it continues on too
    continued = [cells(r) for r in rollup_rows(second)]
    assert continued[0][:4] == losses[:3] + ["every place · 6 series · 3 on earlier pages"]
    assert continued[0][4:] == losses[4:]
    # every series once, in the order of the API, a region's row one step further in
    shown = re.findall(r'<td class="branch depth-(\d)"><a href="([^"]+)"', first + second)
    assert len(shown) == 8 and shown[-2][0] == "2" and "place=RU-KRS" in html.unescape(shown[-2][1])
    assert [r["series"] for r in client.get("/api/series").json()] == ORDER
    assert '<a rel="next" href="/series?page=2&amp;size=4">' in first


def test_a_rollup_links_to_its_series_and_its_measures_timelines(client):
    page = client.get("/series").text
    assert html.escape(f"/series?rollup={LOSSES}".replace(" ", "+").replace("|", "%7C")) in page
    measures = re.findall(r'<a href="(/timeline\?[^"]+)" title="Timeline of [^"]+, every place"', page)
    assert "/timeline?actor=North+Korean+forces&amp;measure=casualties" in measures
    # the timeline of a measure with no place covers every place: Kursk, Russia and none named
    timeline = client.get("/timeline", params={"actor": NK, "measure": "casualties"})
    assert timeline.status_code == 200 and "Claims 1–3 of 3" in timeline.text

    narrowed = client.get("/series", params={"rollup": LOSSES, "size": 4}).text
    assert "Series 1–4 of 6" in narrowed and len(rollup_rows(narrowed)) == 1
    assert f"Roll-up <strong>{LOSSES}</strong> only" in html.unescape(narrowed)
    nxt = re.search(r'<a rel="next" href="([^"]+)"', narrowed)
    assert nxt and "rollup=" in nxt.group(1)
    rest = client.get(html.unescape(nxt.group(1))).text
    assert "Series 5–6 of 6" in rest and "every place · 6 series · 4 on earlier pages" in " ".join(
        cells(rollup_rows(rest)[0]))
    twin = client.get("/series.json", params={"rollup": LOSSES, "size": 4}).json()
    assert [s["series"] for s in twin["series"]] == ORDER[1:5] and "rollup=" in twin["next"]
    assert "No series in this roll-up" in client.get("/series", params={"rollup": "nobody | x | y"}).text


def test_the_api_and_twins_name_each_series_rollup(client):
    api = client.get("/api/series").json()
    assert all(SERIES_FIELDS | {"family", "rollup"} <= set(r) for r in api)
    assert [r["series"] for r in client.get("/api/series", params={"rollup": LOSSES}).json()] == ORDER[1:7]
    rolled = {r["rollup"]: r for r in client.get("/api/rollups").json()}
    assert rolled[LOSSES]["children"] == ORDER[1:7] and rolled[LOSSES]["claims"] == 7
    assert rolled[f"{NK} | forces | personnel"]["measures"] == ["deployed"]
    header = client.get("/series.csv").text.splitlines()[0].split(",")
    assert header[:15] == ["series", "actor", "measure", "unit", "place_code", "place", "parent", "claims",
                           "appearances", "appearance_groups", "originators", "originator_names", "first_date",
                           "last_date", "findings"]
    assert header[15:] == ["family", "rollup"]
    walked = [s["series"] for s in client.get("/series.json", params={"size": 4}).json()["series"]]
    assert walked == ORDER[:4]
