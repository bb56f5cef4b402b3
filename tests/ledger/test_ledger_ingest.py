"""Ingesting folders: bad files reported one line each, good files stored, re-runs idempotent."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from ledger_fixtures import run_cli

GOOD = "Heavy fighting\nOfficials said 12 soldiers were killed near the border on Monday.\n"


def write_batch(folder: Path) -> dict[str, Path]:
    """Two good files and one of each kind of bad input."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "good": folder / "good.txt",
        "good_html": folder / "nested" / "story.html",
        "empty": folder / "empty.txt",
        "binary": folder / "binary.txt",
        "undecodable": folder / "noise.txt",
        "malformed": folder / "broken.html",
    }
    files["good_html"].parent.mkdir()
    files["good"].write_text(GOOD, encoding="utf-8")
    files["good_html"].write_text(
        "<html><head><title>Drone strike</title></head><body><article><p>The regional governor said "
        "three people were killed and 14 wounded in the overnight drone strike.</p></article></body></html>",
        encoding="utf-8")
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    noise = random.Random(7)
    files["undecodable"].write_bytes(bytes(noise.randrange(1, 256) for _ in range(3000)))
    files["malformed"].write_text("<!DOCTYPE html><html><body><div><script>var x = 1;</script></div", encoding="utf-8")
    return files


def test_library_ingest_reports_failures_and_stores_good_files(ledger, tmp_path):
    files = write_batch(tmp_path / "in")
    summary = ledger.ingest([str(tmp_path / "in"), str(tmp_path / "missing.txt")])
    assert summary.documents_new == 2
    failed = {Path(f.name).name for f in summary.failures}
    assert failed == {"empty.txt", "binary.txt", "noise.txt", "broken.html", "missing.txt"}
    assert summary.claims >= 1
    assert set(ledger.documents()["path"]) == {str(files["good"]), str(files["good_html"])}
    again = ledger.ingest([str(tmp_path / "in")])
    assert (again.documents_new, again.documents_present, again.claims) == (0, 2, 0)
    assert len(ledger.claims()) == summary.claims


def test_a_file_with_a_killed_figure_yields_a_claim(ledger, tmp_path):
    (tmp_path / "a.txt").write_text("Clashes\nOfficials said 12 soldiers were killed.\n")
    summary = ledger.ingest([str(tmp_path / "a.txt")], published="2025-01-27", outlet="Reuters")
    assert summary.claims >= 1
    frame = ledger.claims(measure="killed")
    assert 12.0 in set(frame["best"])
    docs = ledger.documents()
    assert docs["outlet"].iloc[0] == "Reuters" and docs["published_from"].iloc[0] == "argument"


def test_include_and_exclude_globs(ledger, tmp_path):
    root = tmp_path / "in"
    (root / "keep").mkdir(parents=True)
    (root / "keep" / "a.txt").write_text("One\n12 soldiers were killed.\n")
    (root / "keep" / "b.md").write_text("Two\n13 soldiers were killed.\n")
    (root / "skip.txt").write_text("Three\n14 soldiers were killed.\n")
    (root / "a.meta.json").write_text(json.dumps({"outlet": "X"}))
    (root / ".hidden.txt").write_text("Four\n15 soldiers were killed.\n")
    summary = ledger.ingest([str(root)], include=["*.txt", "*.md"], exclude=["skip.*"])
    assert summary.documents_new == 2 and not summary.failures
    assert {Path(p).name for p in ledger.documents()["path"]} == {"a.txt", "b.md"}


def test_cli_ingest_bad_files_one_line_each_exit_4(tmp_path):
    write_batch(tmp_path / "in")
    db = tmp_path / "cli.db"
    result = run_cli("ingest", str(tmp_path / "in"), str(tmp_path / "missing.txt"), "--db", str(db))
    assert result.returncode == 4, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    failures = [line for line in lines if line.startswith("tollbook: ")]
    assert len(failures) == 5
    for name in ("empty.txt", "binary.txt", "noise.txt", "broken.html", "missing.txt"):
        assert sum(name in line for line in failures) == 1, name
    assert lines[-1].startswith("2 documents new, 0 already present, 5 failed; ")
    assert result.stdout == ""

    rerun = run_cli("ingest", str(tmp_path / "in" / "good.txt"), "--db", str(db))
    assert rerun.returncode == 0 and rerun.stderr.strip().splitlines()[-1].startswith("0 documents new, 1 already present, 0 failed; 0 claims")


def test_cli_nothing_readable_exits_2(tmp_path):
    result = run_cli("ingest", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "x.db"))
    assert result.returncode == 2
    assert "nope.txt" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("db", ["/no/such/folder/x.db", "mysql://h/db", "postgresql://nobody@127.0.0.1:1/none", "sqlite:////no/such/dir/x.db"])
def test_cli_bad_db_is_one_line_exit_2(tmp_path, db):
    (tmp_path / "a.txt").write_text("One\n12 soldiers were killed.\n")
    result = run_cli("ingest", str(tmp_path / "a.txt"), "--db", db)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("tollbook: ")


def test_cli_bad_published_is_exit_2(tmp_path):
    result = run_cli("ingest", str(tmp_path), "--published", "yesterday", "--db", str(tmp_path / "x.db"))
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr


def test_cli_queries_on_a_real_db(tmp_path):
    (tmp_path / "a.txt").write_text("Kursk\nUkraine's General Staff said 1,200 Russian soldiers were killed in the Kursk region last week.\n")
    db = str(tmp_path / "q.db")
    assert run_cli("ingest", str(tmp_path / "a.txt"), "--db", db, "--published", "2025-01-27").returncode == 0

    as_json = run_cli("claims", "--db", db, "--json", "--measure", "killed")
    assert as_json.returncode == 0, as_json.stderr
    rows = json.loads(as_json.stdout)
    assert rows and rows[0]["best"] == 1200 and rows[0]["published_at"].startswith("2025-01-27")

    as_nl = run_cli("claims", "--db", db, "--nl")
    assert [json.loads(line)["claim_id"] for line in as_nl.stdout.splitlines()] == [r["claim_id"] for r in rows]

    as_csv = run_cli("claims", "--db", db, "--csv", "--limit", "1")
    header, first = as_csv.stdout.splitlines()[:2]
    assert header.startswith("claim_id,doc_id,section,measure") and rows[0]["claim_id"] in first

    nothing = run_cli("claims", "--db", db, "--tsv", "--place", "Narnia")
    assert nothing.returncode == 0 and nothing.stdout.count("\n") == 1  # header only

    docs = run_cli("documents", "--db", db, "--json")
    assert json.loads(docs.stdout)[0]["claims"] == len(rows)

    shown = run_cli("show", rows[0]["claim_id"], "--db", db, env={"COLUMNS": "120"})
    assert shown.returncode == 0, shown.stderr
    assert "1,200" in shown.stdout and "Kursk" in shown.stdout and rows[0]["claim_id"] in shown.stdout

    missing = run_cli("show", "ffffffffffffffff", "--db", db)
    assert missing.returncode == 2 and "no claim" in missing.stderr

    bad_date = run_cli("claims", "--db", db, "--since", "soon")
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr and "Traceback" not in bad_date.stderr

    meta = run_cli("datasette-metadata", "--db", db)
    assert "claims" in json.loads(meta.stdout)["databases"]["q"]["tables"]


def test_cli_reextract(tmp_path):
    import sqlalchemy as sa

    (tmp_path / "a.txt").write_text("One\nOfficials said 12 soldiers were killed.\n")
    db = str(tmp_path / "r.db")
    assert run_cli("ingest", str(tmp_path / "a.txt"), "--db", db).returncode == 0
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        conn.execute(sa.text("update documents set extractor_version = 'old'"))
        conn.execute(sa.text("delete from claims"))
    result = run_cli("reextract", "--db", db)
    assert result.returncode == 0 and result.stderr.startswith("1 documents re-extracted")
    with engine.connect() as conn:
        assert conn.execute(sa.text("select count(*) from claims")).scalar() >= 1
    engine.dispose()
