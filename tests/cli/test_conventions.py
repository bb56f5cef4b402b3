"""Conventions a command-line user expects, run as real processes: --version, completion,
one JSON shape per command, `-` for stdin, py.typed, exit 4 when one file of a batch fails,
and one document's unexpected exception costing that document only."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

import tollbook

BAD = "Over 300 soldiers killed near Bakhmut\n\nThe army said 300 soldiers were killed near Bakhmut.\n"
CLEAN = "Storm kills 12 in Florida\n\nThe storm killed 12 people in Florida, officials said.\n"


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tollbook.cli", *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd, timeout=180)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    out = {}
    for name, text in (("bad.txt", BAD), ("clean.txt", CLEAN), ("empty.txt", "")):
        (tmp_path / name).write_text(text, encoding="utf-8")
        out[name] = str(tmp_path / name)
    return out


def test_version_is_the_package_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout == f"tollbook {tollbook.__version__}\n"
    assert version("tollbook") == tollbook.__version__  # one version: pyproject reads it from the package


def test_completion_is_offered() -> None:
    assert "--install-completion" in run("--help").stdout


def test_py_typed_marker_ships() -> None:
    assert (Path(tollbook.__file__).parent / "py.typed").is_file()


def test_check_json_is_always_an_array(files: dict[str, str]) -> None:
    one = json.loads(run("check", files["bad.txt"], "--json").stdout)
    two = json.loads(run("check", files["bad.txt"], files["clean.txt"], "--json").stdout)
    assert isinstance(one, list) and len(one) == 1 and one[0]["findings"]
    assert isinstance(two, list) and len(two) == 2 and two[1]["findings"] == []
    assert one[0].keys() == two[0].keys()


def test_brief_json_is_always_an_array(files: dict[str, str]) -> None:
    one = json.loads(run("brief", files["clean.txt"], "--format", "json").stdout)
    assert isinstance(one, list) and len(one) == 1 and "points" in one[0]


def test_check_exits_4_when_one_file_fails_and_reports_the_rest(files: dict[str, str]) -> None:
    result = run("check", files["bad.txt"], files["empty.txt"], "--json")
    assert result.returncode == 4, result.stderr
    assert [r["document"]["path"] for r in json.loads(result.stdout)] == [files["bad.txt"]]
    assert result.stderr.splitlines() == [f"tollbook: {files['empty.txt']}: is empty; nothing to read"]


# A fault put into the real extractor for one document only: the command must report that
# file in one line, keep the other's results and exit 4.
_FAULTY = """
import importlib
import sys
pipeline = importlib.import_module("tollbook.extract.pipeline")
real = pipeline.extract_document
def extract_document(doc, *args, **kwargs):
    if "Bakhmut" in doc.text:
        raise RuntimeError("injected fault\\nsecond line")
    return real(doc, *args, **kwargs)
pipeline.extract_document = extract_document
sys.argv = ["tollbook", *sys.argv[1:]]
from tollbook.cli import main
main()
"""


@pytest.mark.parametrize("command", ["check", "extract"])
def test_one_document_s_exception_costs_that_document_only(command: str, files: dict[str, str]) -> None:
    result = subprocess.run([sys.executable, "-c", _FAULTY, command, files["bad.txt"], files["clean.txt"], "--json"],
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 4, result.stderr
    assert result.stderr.splitlines() == [
        f"tollbook: {files['bad.txt']}: extraction failed (RuntimeError: injected fault); the other files were "
        "processed; please report this file as a bug"]
    out = json.loads(result.stdout)
    if command == "check":
        assert [r["document"]["path"] for r in out] == [files["clean.txt"]]
    else:
        assert out and all(c["measure"] == "killed" and c["best"] == 12 for c in out)


def test_import_reads_stdin(tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    series = "date,value\n2025-01-01,100\n2025-01-02,120\n"
    result = run("import", "-", "--format", "series", "--db", db, "--measure", "killed", "--actor", "Russian forces",
                 stdin=series)
    assert result.returncode == 0, result.stderr
    rows = json.loads(run("claims", "--db", db, "--json").stdout)
    assert sorted(r["best"] for r in rows) == [100, 120]


def test_show_json_is_one_object(tmp_path: Path, files: dict[str, str]) -> None:
    db = str(tmp_path / "l.db")
    assert run("ingest", files["clean.txt"], "--db", db).returncode == 0
    claim_id = json.loads(run("claims", "--db", db, "--json").stdout)[0]["claim_id"]
    shown = json.loads(run("show", claim_id[:8], "--db", db, "--json").stdout)
    assert shown["claim_id"] == claim_id and shown["appearance_list"][0]["path"] == files["clean.txt"]


def test_claims_json_matches_the_ledger_frame(tmp_path: Path, files: dict[str, str]) -> None:
    """`claims` reads rows without pandas; its JSON must still equal the DataFrame API's records."""
    from tollbook.ledger import open_ledger
    from tollbook.ledger.exports import frame_records

    db = str(tmp_path / "l.db")
    assert run("ingest", files["clean.txt"], files["bad.txt"], "--db", db).returncode == 0
    listed = json.loads(run("claims", "--db", db, "--json").stdout)
    with open_ledger(db) as ledger:
        framed = json.loads(json.dumps(frame_records(ledger.claims()), default=str))
    assert listed == framed
