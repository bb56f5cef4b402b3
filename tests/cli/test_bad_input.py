"""Bad input as users type it: each is exit 2 and exactly one line on stderr, run as a real process.

The cases of issue 13: a date that is not one, a misspelt --db, a read command in an empty
folder, a misspelt measure, qualifier or modality.
"""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import tollbook

REPORT = "Harbour Wire\nRussian strikes on Kharkiv killed at least 12 people on Tuesday, the governor said.\n"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tollbook.cli", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=180)


def one_line_exit_2(result: subprocess.CompletedProcess, *expected: str) -> str:
    """The single stderr line of a refused command, after checking it names what it should."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    for text in expected:
        assert text in lines[0], lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reports") / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def ledger(report: Path) -> str:
    db = str(report.with_name("ledger.db"))
    done = run("ingest", str(report), "--db", db)
    assert done.returncode == 0, done.stderr
    return db


@pytest.mark.parametrize("command", [["extract"], ["check"], ["brief"], ["ingest"], ["scale", "extract"]])
@pytest.mark.parametrize("value", ["yesterday", "2025-13-45", "27/01/2025"])
def test_a_published_date_that_is_not_one(command: list[str], value: str, report: Path, tmp_path: Path) -> None:
    extra = ["--db", str(tmp_path / "new.db")] if command == ["ingest"] else []
    line = one_line_exit_2(run(*command, str(report), "--published", value, *extra), "--published", repr(value),
                           "YYYY-MM-DD")
    assert line == f"tollbook: --published: {value!r} is not a date; give YYYY-MM-DD"
    assert not (tmp_path / "new.db").exists()


def test_a_bad_date_never_overrides_the_file_s_own(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text('<html><head><meta name="date" content="2025-03-04"><title>Floods</title></head><body>'
                    "<p>Floods killed 14 people on Monday, the governor said.</p></body></html>", encoding="utf-8")
    one_line_exit_2(run("extract", str(page), "--published", "2025-13-45", "--json"), "--published")


@pytest.mark.parametrize("flag", ["--since", "--until"])
def test_a_filter_date_that_is_not_one(flag: str, ledger: str) -> None:
    one_line_exit_2(run("claims", "--db", ledger, flag, "2025-02-30"), flag, "'2025-02-30'", "YYYY-MM-DD")


def test_a_future_date_is_a_warning_not_an_error(report: Path) -> None:
    result = run("extract", str(report), "--published", "2999-01-01", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "tollbook: warning: --published 2999-01-01 is in the future; relative times ('yesterday') are resolved "
        "against it"]


def test_the_python_api_raises_value_error() -> None:
    for value in ("yesterday", "2025-13-45", ""):
        with pytest.raises(ValueError, match="is not a date; give YYYY-MM-DD"):
            tollbook.extract("3 people were killed yesterday.", published=value)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        claims = tollbook.extract("3 people were killed.", published="2999-01-01")
    assert claims and any("in the future" in str(w.message) for w in caught)


@pytest.mark.parametrize("command", [["claims"], ["documents"], ["show", "abcdef12"], ["series"], ["reconcile"],
                                     ["estimate"], ["export", "--format", "csv"], ["serve"],
                                     ["timeline", "--actor", "Russian forces", "--measure", "killed"]])
def test_a_read_command_refuses_a_ledger_that_does_not_exist(command: list[str], tmp_path: Path) -> None:
    missing = tmp_path / "misspelt.db"
    one_line_exit_2(run(*command, "--db", str(missing)), "no ledger", "tollbook ingest")
    assert not missing.exists()


def test_claims_in_an_empty_folder_creates_nothing(tmp_path: Path) -> None:
    one_line_exit_2(run("claims", cwd=tmp_path), "no ledger", "tollbook ingest")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("flag", "value", "listed"), [
    ("--measure", "kiled", "killed, wounded"),
    ("--qualifier", "roughly", "exact, approximately"),
    ("--modality", "rumoured", "reported, estimated"),
    ("--section", "lede", "headline, summary, body"),
])
def test_an_unknown_value_lists_the_valid_ones(flag: str, value: str, listed: str, ledger: str) -> None:
    one_line_exit_2(run("claims", "--db", ledger, flag, value), flag, repr(value), listed)


def test_a_misspelt_measure_suggests_the_right_one(ledger: str) -> None:
    line = one_line_exit_2(run("timeline", "--db", ledger, "--actor", "Russian forces", "--measure", "kiled"))
    assert "did you mean 'killed'?" in line


def test_a_known_qualifier_filters(ledger: str) -> None:
    import json

    rows = json.loads(run("claims", "--db", ledger, "--qualifier", "at_least", "--json").stdout)
    assert rows and {r["qualifier"] for r in rows} == {"at_least"}
    assert json.loads(run("claims", "--db", ledger, "--modality", "denied", "--json").stdout) == []


def test_an_oversized_file_names_an_option_that_exists(report: Path, tmp_path: Path) -> None:
    result = run("ingest", str(report), "--db", str(tmp_path / "l.db"), "--max-bytes", "10")
    assert result.returncode == 2
    assert "raise --max-bytes" in result.stderr
    for command in (["check"], ["brief"], ["extract"]):
        refused = run(*command, str(report), "--max-bytes", "10")
        assert refused.returncode == 2 and "over the 10-byte limit" in refused.stderr, (command, refused.stderr)
