"""The ACLED export: ACLED's 31 columns by name and order, filled where a claim knows them."""

from __future__ import annotations

import csv

import pytest

from ledger_fixtures import claim_in, doc_with
from tollbook.ledger.exports import ACLED_COLUMNS, export

# ACLED's columns as its codebook and data exports list them.
ACLED_CODEBOOK = (
    "event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1 assoc_actor_1 "
    "inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region country admin1 admin2 admin3 "
    "location latitude longitude geo_precision source source_scale notes fatalities tags timestamp"
).split()
# Columns a claim cannot fill (docs/exports.md says why, one by one).
ALWAYS_EMPTY = ("event_type", "sub_event_type", "assoc_actor_1", "assoc_actor_2", "admin2", "admin3",
                "source_scale", "tags", "timestamp")

TEXT = ("Kursk and Kharkiv\nUkraine's General Staff said about 1,200 Russian soldiers were killed in the Kursk "
        "region last week. Officials said 7 civilians died in Kharkiv. 50 died in an earthquake in Turkey.\n")


@pytest.fixture
def events(ledger):
    doc = doc_with(TEXT, published="2025-01-27", outlet="Reuters")
    ledger.add(doc, [
        claim_in(doc, "1,200", qualifier="approximately", low=1080.0, best=1200.0, high=1320.0,
                 date_start="2025-01-20", date_end="2025-01-26", date_text="last week"),
        claim_in(doc, "7", actor="civilians", actor_country="UKR", place="Kharkiv", place_code="UA-63",
                 place_text="Kharkiv", date_start="2025-01-26", date_end="2025-01-26"),
        claim_in(doc, "50", actor="civilians", actor_country="TUR", place="Turkey", place_code="TUR",
                 place_text="Turkey"),
    ])
    return ledger


def test_acled_columns_and_values(events, tmp_path, capsys):
    out = tmp_path / "acled.csv"
    count, _ = export(events, "acled", str(out))
    with open(out, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = {row["fatalities"]: row for row in reader}
    assert list(reader.fieldnames) == list(ACLED_COLUMNS) == ACLED_CODEBOOK
    assert count == len(rows) == 2 and "left out" in capsys.readouterr().err  # the earthquake is no ACLED event

    soldiers = rows["1080"]  # fatalities: the conservative end of "about 1,200"
    assert (soldiers["event_date"], soldiers["year"], soldiers["time_precision"]) == ("2025-01-26", "2025", "2")
    assert soldiers["disorder_type"] == "Political violence"
    assert (soldiers["actor1"], soldiers["inter1"], soldiers["actor2"], soldiers["inter2"]) == \
        ("Russian forces", "1", "Ukrainian forces", "1")
    assert soldiers["interaction"] == "11" and soldiers["civilian_targeting"] == ""
    assert (soldiers["iso"], soldiers["country"], soldiers["region"], soldiers["admin1"]) == \
        ("643", "Russia", "Europe", "Kursk")
    assert soldiers["source"] == "Armed Forces of Ukraine; Reuters"
    assert "approximately" in soldiers["notes"] and "best 1200" in soldiers["notes"]

    civilians = rows["7"]
    assert (civilians["actor1"], civilians["actor2"], civilians["inter2"], civilians["interaction"]) == \
        ("Russian forces", "Civilians (Ukraine)", "7", "17")
    assert civilians["civilian_targeting"] == "Civilian targeting"
    assert (civilians["iso"], civilians["country"], civilians["admin1"], civilians["location"]) == \
        ("804", "Ukraine", "Kharkiv", "Kharkiv")
    assert (civilians["time_precision"], civilians["geo_precision"]) == ("1", "1")
    for row in rows.values():
        assert all(row[column] == "" for column in ALWAYS_EMPTY)
        assert row["event_id_cnty"] and len(row["event_id_cnty"]) == 16
        if row["latitude"]:
            assert -90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180
