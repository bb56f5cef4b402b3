"""Every export format, read back with the tool its users would use."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import datetime, timezone

import frictionless
import pyarrow.parquet as pq
import pytest

from ledger_fixtures import claim_in, doc_with, run_cli
from tollbook.ledger.exports import FORMATS, claimreview, export, read_findings

TEXT = ("Kursk toll rises\nUkraine's General Staff said about 1,200 Russian soldiers were killed in the Kursk "
        "region last week, while more than 300 were \"eliminated\" near Sudzha, a claim Moscow called \"false\".\n")


@pytest.fixture
def filled(ledger):
    doc = doc_with(TEXT, published="2025-01-27", outlet="Reuters", url="https://example.org/kursk")
    ledger.add(doc, [
        claim_in(doc, "1,200", qualifier="approximately", low=1080.0, best=1200.0, high=1320.0,
                 date_start="2025-01-20", date_end="2025-01-26", date_text="last week"),
        claim_in(doc, "300", measure="casualties", ambiguous_measure=True, qualifier="more_than",
                 low=300.0, best=300.0, high=None, place="Sudzha", place_code="RU-KRS"),
    ])
    return ledger


def test_csv_round_trip(filled, tmp_path):
    out = tmp_path / "claims.csv"
    count, _ = export(filled, "csv", str(out))
    assert count == 2
    with open(out, encoding="utf-8", newline="") as handle:  # plain utf-8: no BOM to strip
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames[0] == "claim_id"
    frame = filled.claims()
    assert [r["claim_id"] for r in rows] == list(frame["claim_id"])
    first = rows[0]
    assert first["best"] == "1200" and first["low"] == "1080" and first["date_start"] == "2025-01-20"
    assert first["sources"] == "Armed Forces of Ukraine (military); Reuters (outlet)"
    assert first["published_at"] == "2025-01-27T00:00:00+00:00"
    assert rows[1]["high"] == "" and rows[1]["ambiguous_measure"] == "true"
    assert '"eliminated"' in rows[1]["quote"]  # quotes inside cells survive
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw  # no BOM, \n line ends


@pytest.mark.parametrize("fmt, first", [("csv", "claim_id"), ("ucdp", "id"), ("acled", "event_id_cnty")])
def test_excel_form_has_bom_and_crlf_only_on_request(filled, tmp_path, fmt, first):
    plain_out, excel_out = tmp_path / f"{fmt}.csv", tmp_path / f"{fmt}-excel.csv"
    count, _ = export(filled, fmt, str(plain_out))
    export(filled, fmt, str(excel_out), excel=True)
    with open(plain_out, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        plain_rows = list(reader)
    assert reader.fieldnames[0] == first and len(plain_rows) == count
    plain_bytes, excel_bytes = plain_out.read_bytes(), excel_out.read_bytes()
    assert not plain_bytes.startswith(b"\xef\xbb\xbf") and b"\r" not in plain_bytes
    assert excel_bytes.startswith(b"\xef\xbb\xbf") and excel_bytes.count(b"\r\n") == count + 1
    with open(excel_out, encoding="utf-8-sig", newline="") as handle:
        assert list(csv.DictReader(handle)) == plain_rows


def test_jsonl(filled, tmp_path):
    out = tmp_path / "claims.jsonl"
    export(filled, "jsonl", str(out))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records[0]["sources"][0]["name"] == "Armed Forces of Ukraine" and records[1]["high"] is None


def test_parquet_reads_back_typed(filled, tmp_path):
    out = tmp_path / "claims.parquet"
    export(filled, "parquet", str(out))
    table = pq.read_table(out)
    assert table.num_rows == 2
    assert str(table.schema.field("date_end").type) == "date32[day]"
    assert str(table.schema.field("published_at").type) == "timestamp[us, tz=UTC]"
    rows = table.to_pylist()
    assert rows[0]["sources"][1] == {"name": "Reuters", "kind": "outlet", "text": None}
    assert rows[1]["high"] is None and rows[1]["ambiguous_measure"] is True


def test_empty_parquet_still_has_the_schema(ledger, tmp_path):
    export(ledger, "parquet", str(tmp_path / "e.parquet"))
    assert "sources" in pq.read_table(tmp_path / "e.parquet").schema.names


def test_datapackage_validates(filled, tmp_path):
    folder = tmp_path / "pkg"
    export(filled, "datapackage", str(folder))
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    descriptor = json.loads((folder / "datapackage.json").read_text())
    assert descriptor["$schema"].endswith("/2.0/datapackage.json")
    claims = next(r for r in descriptor["resources"] if r["name"] == "claims")
    assert claims["schema"]["foreignKeys"][0]["reference"]["resource"] == "documents"
    assert all("description" in f for f in claims["schema"]["fields"])
    appearances = next(r for r in descriptor["resources"] if r["name"] == "appearances")
    assert appearances["schema"]["foreignKeys"][0]["reference"]["resource"] == "documents"
    with open(folder / "appearances.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and set(r["doc_id"] for r in rows) == set(filled.documents()["doc_id"])


def test_claimreview_json_ld(filled, tmp_path):
    out = tmp_path / "reviews.json"
    count, _ = export(filled, "claimreview", str(out))
    reviews = json.loads(out.read_text())
    assert count == len(reviews) == 1  # the ambiguous "eliminated" claim
    review = reviews[0]
    for key in ("@context", "@type", "url", "claimReviewed", "itemReviewed", "reviewRating", "author", "datePublished"):
        assert key in review
    assert review["@type"] == "ClaimReview" and review["@context"] == "https://schema.org"
    assert review["url"] == f"/claims/{review['identifier']}"  # the claim's page in `tollbook serve`
    assert review["itemReviewed"]["@type"] == "Claim"
    assert review["itemReviewed"]["appearance"]["url"] == "https://example.org/kursk"
    assert review["itemReviewed"]["author"]["name"] == "Armed Forces of Ukraine"
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating" and rating["alternateName"] == "Ambiguous measure"
    assert (rating["worstRating"], rating["ratingValue"], rating["bestRating"]) == (1, 3, 5)
    assert review["author"] == {"@type": "Organization", "name": "tollbook"}
    # Reviewed when tollbook read the document and flagged the claim, not on the day of the export.
    captured = filled.documents()["captured_at"].iloc[0]  # the fixture's one document
    assert review["datePublished"] == captured.date().isoformat()


def test_claimreview_dates_and_urls_are_the_reviews(filled, tmp_path):
    frame = filled.claims()
    findings = tmp_path / "findings.json"
    findings.write_text(json.dumps([{"kind": "disagreement", "claims": list(frame["claim_id"]),
                                     "rule": "Two originators disagree."},
                                    {"kind": "impossible_arithmetic", "claims": [frame["claim_id"][0]],
                                     "rule": "More killed than deployed.", "reviewed_on": "2025-02-03"}]))
    written = datetime(2025, 2, 1, 12, tzinfo=timezone.utc).timestamp()
    os.utime(findings, (written, written))  # reconcile wrote the findings on 1 February
    out = tmp_path / "reviews.json"
    export(filled, "claimreview", str(out), findings=read_findings(str(findings)), base_url="https://ledger.example/")
    reviews = json.loads(out.read_text())
    assert [(r["reviewRating"]["alternateName"], r["reviewRating"]["ratingValue"], r["datePublished"]) for r in reviews] \
        == [("Disputed", 2, "2025-02-01"), ("Disputed", 2, "2025-02-01"), ("Inconsistent", 1, "2025-02-03")]
    assert reviews[0]["url"] == f"https://ledger.example/claims/{frame['claim_id'][0]}"
    assert reviews[0]["reviewRating"]["ratingExplanation"] == "Two originators disagree."
    # Without findings or ledger dates, the reviews are dated by the caller, never silently today.
    dated = claimreview(frame, reviewed={frame["doc_id"][0]: "2025-01-30T08:00:00+00:00"})
    assert dated[0]["datePublished"] == "2025-01-30"


def test_cli_export_every_format(tmp_path):
    (tmp_path / "a.txt").write_text("Kursk\nUkraine's General Staff said 1,200 Russian soldiers were killed in the Kursk region.\n")
    db = str(tmp_path / "e.db")
    assert run_cli("ingest", str(tmp_path / "a.txt"), "--db", db, "--published", "2025-01-27").returncode == 0
    for fmt in FORMATS:
        out = tmp_path / f"out-{fmt}"
        result = run_cli("export", "--format", fmt, "--out", str(out), "--db", db)
        assert result.returncode == 0, (fmt, result.stderr)
        assert out.exists()
    to_stdout = run_cli("export", "--format", "csv", "--db", db, "--measure", "killed")
    assert to_stdout.stdout.startswith("claim_id,")
    assert csv.DictReader(io.StringIO(to_stdout.stdout)).fieldnames[0] == "claim_id"
    excel = tmp_path / "excel.csv"
    assert run_cli("export", "--format", "ucdp", "--excel", "--out", str(excel), "--db", db).returncode == 0
    assert excel.read_bytes().startswith(b"\xef\xbb\xbfid,relid,year,") and b"\r\n" in excel.read_bytes()
    meta = tmp_path / "metadata.json"
    assert run_cli("datasette-metadata", "--out", str(meta), "--db", db).returncode == 0
    described = json.loads(meta.read_text())
    assert described["databases"]["e"]["tables"]["claims"]["columns"]["best"]
    assert described["license"]
