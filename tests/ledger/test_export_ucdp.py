"""The UCDP GED export: GED's 49 columns in GED's order, coded from the claims, and read back
by `tollbook import --format ucdp` without losing a column it wrote."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ledger_fixtures import claim_in, doc_with, run_cli
from tollbook.imports.ucdp import ged_tables, read_ucdp
from tollbook.ledger.exports import export, priogrid_gid

SHARED_GED = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "ucdp_ged_ukraine" / \
    "ucdp_ged_ukraine_2014_2023.csv"

TEXT = ("Toll rises on two fronts\n"
        "Ukraine's General Staff said about 1,200 Russian soldiers were killed in the Kursk region last week. "
        "Regional officials said 7 civilians died in Kharkiv. The separatists said 12 of their fighters were "
        "killed near Donetsk, and 30 people died in shelling of Donetsk. Israel said 40 Hamas fighters were "
        "killed in Gaza and 5 of its soldiers died there. Separately, 50 died in an earthquake in Turkey, "
        "and 250 Russian troops were wounded.\n")


@pytest.fixture
def coded(ledger):
    """One article whose killed claims cover every way GED codes an event, and two that are no event."""
    doc = doc_with(TEXT, published="2025-01-27", outlet="Reuters", url="https://example.org/toll")
    civilians = dict(actor="civilians", actor_text="civilians", source="Kharkiv regional administration",
                     sources=())
    ledger.add(doc, [
        claim_in(doc, "1,200", qualifier="approximately", low=1080.0, best=1200.0, high=1320.0,
                 date_start="2025-01-20", date_end="2025-01-26", date_text="last week"),
        claim_in(doc, "7", place="Kharkiv", place_code="UA-63", place_text="Kharkiv", actor_country="UKR",
                 date_end="2025-01-26", **civilians),
        claim_in(doc, "12", actor="Donetsk People's Republic forces", actor_country=None, place="Donetsk",
                 place_code="UA-14", place_text="Donetsk", date_start="2025-01-25", date_end="2025-01-26"),
        claim_in(doc, "30", actor=None, actor_country=None, actor_text=None, place="Donetsk", place_code="UA-14",
                 place_text="Donetsk", date_start="2025-01-26", date_end="2025-01-26"),
        claim_in(doc, "40", actor="Hamas", actor_country="PSE", place="Gaza Strip", place_code="PS-GAZA",
                 place_text="Gaza", source="Israel Defense Forces", sources=()),
        claim_in(doc, "5", actor="Israeli forces", actor_country="ISR", place="Gaza Strip", place_code="PS-GAZA",
                 place_text="Gaza", source="Israel Defense Forces", sources=()),
        claim_in(doc, "50", actor="civilians", actor_country="TUR", place="Turkey", place_code="TUR",
                 place_text="Turkey", source=None, sources=()),
        claim_in(doc, "250", measure="wounded"),
    ])
    return ledger


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def by_best(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {row["best"]: row for row in rows}


def test_header_is_geds_49_columns(coded, tmp_path):
    out = tmp_path / "ged.csv"
    export(coded, "ucdp", str(out))
    header, _ = read(out)
    assert header == list(ged_tables().columns) and len(header) == 49
    if not SHARED_GED.is_file():
        pytest.skip(f"UCDP GED extract not found at {SHARED_GED}: compared with the packaged column list only")
    with open(SHARED_GED, encoding="utf-8", newline="") as handle:
        shared = next(csv.reader(handle))
    # The shared extract appends one column of its own (snapshot_blob, the extractor's provenance).
    assert shared[:49] == header and shared[49:] == ["snapshot_blob"]


def test_every_way_ged_codes_a_killed_claim(coded, tmp_path, capsys):
    out = tmp_path / "ged.csv"
    count, _ = export(coded, "ucdp", str(out))
    _, rows = read(out)
    assert count == len(rows) == 6  # the earthquake is left out, the wounded are no event
    assert "1 killed claim left out" in capsys.readouterr().err
    rows = by_best(rows)

    state = rows["1200"]  # Russian soldiers: state-based, their deaths on side_a
    assert (state["type_of_violence"], state["side_a"], state["side_b"]) == \
        ("1", "Government of Russia (Soviet Union)", "Government of Ukraine")
    assert (state["deaths_a"], state["deaths_b"], state["deaths_civilians"], state["deaths_unknown"]) == \
        ("1200", "0", "0", "0")
    assert (state["low"], state["high"], state["year"]) == ("1080", "1320", "2025")
    assert state["conflict_name"] == "Russia - Ukraine"
    assert state["dyad_name"] == "Government of Russia (Soviet Union) - Government of Ukraine"
    assert (state["country"], state["country_id"], state["region"]) == ("Russia (Soviet Union)", "365", "Europe")
    assert (state["adm_1"], state["where_description"], state["where_prec"]) == ("Kursk oblast", "Kursk region", "4")
    assert (state["gwnoa"], state["gwnob"]) == ("365", "369")
    assert (state["date_start"], state["date_end"], state["date_prec"]) == ("2025-01-20", "2025-01-26", "3")
    assert (state["source_office"], state["source_original"], state["source_date"]) == \
        ("Reuters", "Armed Forces of Ukraine", "2025-01-27")
    assert state["source_headline"] == "Toll rises on two fronts"
    assert state["source_article"] == '"Reuters,2025-01-27,Toll rises on two fronts"'
    assert len(state["id"]) == 16  # the claim id: the key back into the ledger

    civilians = rows["7"]  # one-sided violence by the other side of the war
    assert (civilians["type_of_violence"], civilians["side_a"], civilians["side_b"]) == \
        ("3", "Government of Russia (Soviet Union)", "Civilians")
    assert civilians["deaths_civilians"] == "7" and civilians["deaths_a"] == "0"
    assert (civilians["country"], civilians["adm_1"], civilians["where_prec"]) == ("Ukraine", "Kharkiv Oblast", "1")
    assert civilians["date_prec"] == "5"  # an open period: GED's coarsest precision

    separatists = rows["12"]  # a non-state side: the government is side_a
    assert (separatists["side_a"], separatists["side_b"], separatists["deaths_b"]) == \
        ("Government of Ukraine", "DPR", "12")
    assert (separatists["type_of_violence"], separatists["conflict_name"]) == ("1", "Ukraine: Donetsk")
    assert separatists["gwnoa"] == "369" and separatists["gwnob"] == ""
    assert separatists["date_prec"] == "2"

    unknown = rows["30"]  # whose dead is not said: the war's two sides, deaths unknown
    assert (unknown["side_a"], unknown["side_b"], unknown["deaths_unknown"]) == \
        ("Government of Russia (Soviet Union)", "Government of Ukraine", "30")
    assert unknown["date_prec"] == "1"

    hamas, israelis = rows["40"], rows["5"]  # GED codes Gaza under Israel
    assert (hamas["side_a"], hamas["side_b"], hamas["deaths_b"]) == ("Government of Israel", "Hamas", "40")
    assert (israelis["side_a"], israelis["side_b"], israelis["deaths_a"]) == ("Government of Israel", "Hamas", "5")
    assert hamas["country"] == "Israel" and hamas["conflict_name"] == "Israel: Palestine"
    assert hamas["adm_1"] == "Gaza Strip" and hamas["source_original"] == "Israel Defense Forces"

    for row in rows.values():
        if row["latitude"]:
            lat, lon = float(row["latitude"]), float(row["longitude"])
            assert row["priogrid_gid"] == str(priogrid_gid(lat, lon))
            assert row["geom_wkt"] == f"POINT ({row['longitude']} {row['latitude']})"


def test_priogrid_matches_geds_own_cells():
    # Kyiv's Maidan in GED: 50.45, 30.52333 -> cell 202022.
    assert priogrid_gid(50.45, 30.52333) == 202022


def test_export_import_export_keeps_every_column(coded, tmp_path):
    first = tmp_path / "first.csv"
    export(coded, "ucdp", str(first))
    again_db = str(tmp_path / "again.db")
    result = run_cli("import", str(first), "--format", "ucdp", "--db", again_db)
    assert result.returncode == 0, result.stderr
    second = tmp_path / "second.csv"
    result = run_cli("export", "--format", "ucdp", "--out", str(second), "--db", again_db)
    assert result.returncode == 0, result.stderr
    header_1, rows_1 = read(first)
    header_2, rows_2 = read(second)
    assert header_1 == header_2 == list(ged_tables().columns)
    assert sorted(r["id"] for r in rows_1) == sorted(r["id"] for r in rows_2)
    again = {r["id"]: r for r in rows_2}
    for row in rows_1:
        written = {k: v for k, v in row.items() if v != ""}
        kept = {k: again[row["id"]][k] for k in written}
        assert kept == written


def test_a_ged_file_read_and_written_keeps_id_sides_adm1_and_place(tmp_path):
    if not SHARED_GED.is_file():
        pytest.skip(f"UCDP GED extract not found at {SHARED_GED}")
    from tollbook.imports import import_file
    from tollbook.ledger import open_ledger

    with open(SHARED_GED, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        sample = [row for i, row in enumerate(reader) if i % 10 == 0]  # 398 rows across 2014-2023
        fields = reader.fieldnames
    part = tmp_path / "part.csv"
    with open(part, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(sample)
    out = tmp_path / "out.csv"
    with open_ledger(str(tmp_path / "ged.db")) as ledger:
        import_file(part, "ucdp", ledger)
        export(ledger, "ucdp", str(out))
    _, rows = read(out)
    written = {r["id"]: r for r in rows}
    with_figure = [r for r in sample if any(r[k] for k in ("best", "low", "high"))]
    assert set(written) == {r["id"] for r in with_figure}
    for source in with_figure:
        row = written[source["id"]]
        for column in ("adm_1", "where_description", "side_a", "side_b", "conflict_name", "dyad_name", "best"):
            assert row[column] == source[column], (source["id"], column)
        assert row["type_of_violence"] == source["type_of_violence"], source["id"]
        # The dead are on the side that had most of them.
        top = max(("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown"), key=lambda k: float(source[k] or 0))
        if float(source[top] or 0):
            assert row[top] == source["best"] or float(source["best"]) == 0


def test_read_ucdp_sides_and_places_come_from_ged_toml():
    if not SHARED_GED.is_file():
        pytest.skip(f"UCDP GED extract not found at {SHARED_GED}")
    rows = {r.claims[0].actor_text: r.claims[0] for r in read_ucdp(SHARED_GED) if r.claims}
    assert rows["Government of Ukraine"].actor == "Ukrainian forces"
    assert rows["DPR"].actor == "Donetsk People's Republic forces"
    assert rows["Civilians"].actor == "civilians"
