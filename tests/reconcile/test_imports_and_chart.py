"""Imports of real public data (../shared/corpus) and the timeline chart."""

from __future__ import annotations

import json

import altair as alt
import pytest
from altair.utils.schemapi import validate_jsonschema

from tollbook.imports import import_file, read_rows
from tollbook.reconcile import build_series, find_findings, fuse, series_of
from tollbook.reconcile.chart import save_chart


@pytest.fixture
def ledger(tmp_path, needs_ledger):
    from tollbook.ledger import open_ledger

    with open_ledger(str(tmp_path / "ledger.db")) as opened:
        yield opened


def test_ucdp_import_reports_faults_and_imports_every_row(ledger, corpus_file):
    path = corpus_file("ucdp_ged_ukraine", "ucdp_ged_ukraine_2014_2023.csv")
    report = import_file(path, "ucdp", ledger)
    assert report.rows == 3973
    assert report.documents_new + report.documents_present == 3973
    assert report.claims == len(ledger.claims()) > 3900
    # Rows with best outside [low, high] are listed, repaired and still imported.
    faults = [f for f in report.faults if "outside" in f.reason]
    assert len(faults) == 31
    records = ledger.claims()
    assert ((records["low"] <= records["best"]) & (records["best"] <= records["high"])).all()
    # Mixed date formats: every claim has an ISO period; "05/02/2014 00:00" is 2 May (month-first export).
    assert records["date_end"].str.match(r"^\d{4}-\d{2}-\d{2}$").all()
    # Offsets point at the figure in each row's text.
    for row in list(read_rows(path, "ucdp"))[:200]:
        for claim in row.claims:
            assert row.doc.text[claim.start:claim.end] == claim.value_text


def test_genstaff_equipment_decreases_are_monotonicity_findings(ledger, corpus_file):
    path = corpus_file("ua_genstaff_losses", "russia_losses_equipment.json")
    import_file(path, "series", ledger)
    raw = {row["date"]: row for row in json.loads(path.read_text(encoding="utf-8"))}
    found = find_findings(ledger.claims(measure="destroyed"), kinds=["monotonicity"])
    assert found, "the General Staff series has corrections; expected at least one fall"
    column_of = {"tank": "tank", "armoured vehicle": "APC", "artillery system": "field artillery",
                 "MLRS": "MRL", "aircraft": "aircraft", "air-defence system": "anti-aircraft warfare",
                 "missile": "cruise missiles", "special equipment": "special equipment"}
    checked = 0
    for f in found:
        unit = f.series.split(" | ")[2]
        before, after = f.detail["before"], f.detail["after"]
        if unit in column_of:
            column = column_of[unit]
            # The decrease is real: the dataset holds exactly these two values on these two days.
            assert raw[before["as_of"]][column] == before["best"]
            assert raw[after["as_of"]][column] == after["best"] < before["best"]
            checked += 1
    assert checked >= 1


def test_genstaff_personnel_and_gaza_imports(ledger, corpus_file):
    personnel = import_file(corpus_file("ua_genstaff_losses", "russia_losses_personnel.json"), "series", ledger)
    gaza = import_file(corpus_file("gaza_daily", "casualties_daily.json"), "series", ledger)
    assert personnel.rows == 1626 and gaza.rows == 1051
    records = ledger.claims()
    casualties = records[records["measure"] == "casualties"]
    assert set(casualties["source"]) == {"General Staff of the Armed Forces of Ukraine"}
    assert (casualties["qualifier"].isin(["approximately", "more_than"])).all()
    gaza_sources = set(records[records["place_code"] == "PS-GAZA"]["source"])
    assert {"Gaza Health Ministry", "Gaza Government Media Office"} <= gaza_sources
    labels = {s.key.label for s in build_series(records)}
    assert "civilians | killed | personnel | PS-GAZA" in labels
    assert "civilians | wounded | personnel | PS-GAZA" in labels


@pytest.mark.parametrize("suffix", [".json", ".html", ".svg", ".png"])
def test_chart_is_valid_vega_lite_and_renders(tmp_path, make_pair, as_records, suffix):
    records = as_records([
        make_pair(4000, measure="casualties", published="2025-01-10"),
        make_pair(3800, measure="casualties", low=3400, high=4200, qualifier="approximately",
                  source="ISW", outlet="ISW", published="2025-01-20"),
        make_pair(300, measure="casualties", high=None, qualifier="more_than", source="NIS",
                  outlet="Yonhap", published="2025-02-03"),
    ])
    series = series_of(records, actor="Russian forces", measure="casualties")
    out = save_chart(series, fuse(series), tmp_path / f"timeline{suffix}")
    assert out.exists() and out.stat().st_size > 0
    if suffix == ".json":
        spec = json.loads(out.read_text(encoding="utf-8"))
        validate_jsonschema(spec, alt.vegalite.v6.schema.core.load_schema())
        alt.Chart.from_dict(spec) if "layer" not in spec else alt.LayerChart.from_dict(spec)
        marks = {layer["mark"]["type"] for layer in spec["layer"]}
        assert marks == {"rect", "rule", "point"}
    elif suffix == ".png":
        assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    elif suffix == ".svg":
        assert "<svg" in out.read_text(encoding="utf-8")[:500]
