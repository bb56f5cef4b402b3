"""A command line loads what its command needs and no more: `extract` of a small file imports
no pydantic, SQLAlchemy, pandas, numpy or Rich; `--version` builds no command; and the table
that says which module defines each command agrees with what the modules register.

Each check runs the CLI in a fresh interpreter that then lists the modules it loaded, so an
eager import anywhere on the path shows up. Speed itself is measured in
benchmarks/bench_startup.py, never asserted here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tollbook.cli import COMMAND_MODULES, modules_for
from tollbook.cli.values import convert, plain_kind

NOT_FOR_EXTRACT = ("pydantic", "pydantic_core", "sqlalchemy", "pandas", "numpy", "scipy", "rich", "alembic",
                   "datasketch", "pyarrow", "altair", "dask", "fastapi", "uvicorn", "jinja2", "lingua",
                   "pymorphy3", "lemminflect", "trafilatura", "lxml", "tollbook.ledger", "tollbook.cli.ledger_cmd",
                   "tollbook.cli.web_cmd", "tollbook.cli.scale_cmd", "tollbook.cli.check_cmd")
REPORT = ("Harbour Wire\nRussian strikes on Kharkiv killed at least 12 people and wounded about 40 on "
          "Tuesday, the regional governor said.\n")

_PROBE = """
import json, sys
sys.argv = ["tollbook", *sys.argv[1:]]
from tollbook.cli import main
try:
    main()
except SystemExit as exit:
    code = exit.code or 0
else:
    code = 0
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def loaded_modules(*args: str, cwd: Path | None = None) -> tuple[str, set[str]]:
    """What the command printed, and every module it loaded (the command must succeed)."""
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, timeout=180,
                          cwd=cwd)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["code"] == 0, done.stderr
    return done.stdout, set(report["modules"])


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(name for name in names if name in modules or any(m.startswith(name + ".") for m in modules))


def test_extract_of_a_small_file_imports_none_of_the_heavy_libraries(tmp_path: Path) -> None:
    report = tmp_path / "small.txt"
    report.write_text(REPORT, encoding="utf-8")
    out, modules = loaded_modules("extract", str(report), "--json")
    assert [c["value_text"] for c in json.loads(out)] == ["at least 12", "about 40"]
    assert _loaded(modules, NOT_FOR_EXTRACT) == []


HEAVY = ("scipy", "pandas", "altair", "dask", "distributed", "fastapi", "uvicorn", "datasketch", "pyarrow", "alembic")


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """A ledger holding the small report, and one claim_id of it."""
    folder = tmp_path_factory.mktemp("lazy")
    report = folder / "small.txt"
    report.write_text(REPORT, encoding="utf-8")
    db = str(folder / "ledger.db")
    cli = [sys.executable, "-m", "tollbook.cli"]
    subprocess.run([*cli, "ingest", str(report), "--db", db], check=True, capture_output=True, timeout=180)
    listed = subprocess.run([*cli, "claims", "--db", db, "--json"], check=True, capture_output=True, text=True)
    return db, json.loads(listed.stdout)[0]["claim_id"]


@pytest.mark.parametrize("command", [["claims", "--limit", "5", "--json"], ["documents", "--json"],
                                     ["show", "CLAIM", "--json"], ["claims", "--measure", "killed", "--csv"]])
def test_listing_commands_import_no_heavy_library(command: list[str], ledger: tuple[str, str]) -> None:
    db, claim_id = ledger
    _, modules = loaded_modules(*[claim_id if a == "CLAIM" else a for a in command], "--db", db)
    assert _loaded(modules, HEAVY) == []


def test_syndication_loads_datasketch_only_when_fingerprinting() -> None:
    code = ("import sys\nimport tollbook.ledger\nbefore = 'datasketch' in sys.modules\n"
            "from tollbook.ledger.syndication import fingerprint\nfingerprint('one two three four')\n"
            "print(before, 'datasketch' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["False", "True"], done.stderr


def test_version_builds_no_command() -> None:
    out, modules = loaded_modules("--version")
    assert out.startswith("tollbook ")
    assert _loaded(modules, ("tollbook.model", "tollbook.lexicons", "pydantic", "rich", "sqlalchemy")) == []
    assert not [m for m in modules if m.startswith("tollbook.cli.") and m.endswith("_cmd")]


def test_help_lists_every_command() -> None:
    done = subprocess.run([sys.executable, "-m", "tollbook.cli", "--help"], capture_output=True, text=True,
                          timeout=180, env={**os.environ, "COLUMNS": "200"})
    assert done.returncode == 0, done.stderr
    # a command's row starts at the panel's edge; its description's further lines are indented
    listed = [line.split()[1] for line in done.stdout.splitlines()
              if line.startswith("│ ") and line[2] not in " -"]
    assert listed == list(COMMAND_MODULES)


def test_the_command_table_is_what_the_modules_register() -> None:
    from tollbook.cli import app

    registered = [info.name or info.callback.__name__ for info in app.registered_commands]
    registered += [group.name for group in app.registered_groups]
    assert sorted(registered) == sorted(COMMAND_MODULES)
    for info in app.registered_commands:
        name = info.name or info.callback.__name__
        assert info.callback.__module__ == f"tollbook.cli.{COMMAND_MODULES[name]}", name


@pytest.mark.parametrize(("args", "modules"), [
    (["extract", "a.txt", "--json"], ("extract_cmd",)),
    (["claims", "--limit", "5"], ("ledger_cmd",)),
    (["scale", "extract", "a.txt"], ("scale_cmd",)),
    (["--version"], ()),
    (["--help"], tuple(dict.fromkeys(COMMAND_MODULES.values()))),
    ([], tuple(dict.fromkeys(COMMAND_MODULES.values()))),
    (["extrakt", "a.txt"], tuple(dict.fromkeys(COMMAND_MODULES.values()))),  # so that the error names 'extract'
])
def test_modules_for_a_command_line(args: list[str], modules: tuple[str, ...]) -> None:
    assert modules_for(args) == modules


def test_a_misspelt_command_is_told_the_nearest_one() -> None:
    done = subprocess.run([sys.executable, "-m", "tollbook.cli", "extrakt", "a.txt"], capture_output=True,
                          text=True, timeout=180)
    assert done.returncode == 2 and "extract" in done.stderr


# --- option values without pydantic ---------------------------------------------------------

class _Info:
    def __init__(self, min=None, max=None, clamp=False):  # noqa: A002 - Typer's names
        self.min, self.max, self.clamp = min, max, clamp


@pytest.mark.parametrize(("value", "kind", "expected"), [
    ("12", int, 12), (" 12 ", int, 12), ("1_000", int, 1000), ("12.0", int, 12), ("+5", int, 5), ("-3", int, -3),
    ("2.5", float, 2.5), ("1e3", float, 1000.0), ("5", float, 5.0),
    ("yes", bool, True), ("Off", bool, False), ("", bool, False), ("text", str, "text"),
])
def test_plain_values_convert_as_pydantic_did(value: str, kind: type, expected: object) -> None:
    assert convert(value, kind, _Info()) == expected
    assert type(convert(value, kind, _Info())) is kind


@pytest.mark.parametrize(("value", "kind", "info", "message"), [
    ("abc", int, _Info(), "Input should be a valid integer, unable to parse string as an integer"),
    ("12.5", int, _Info(), "Input should be a valid integer, unable to parse string as an integer"),
    ("0x10", int, _Info(), "Input should be a valid integer, unable to parse string as an integer"),
    ("\u0663", int, _Info(), "Input should be a valid integer, unable to parse string as an integer"),
    ("abc", float, _Info(), "Input should be a valid number, unable to parse string as a number"),
    ("maybe", bool, _Info(), "Input should be a valid boolean, unable to interpret input"),
    ("0", int, _Info(min=1), "Input should be greater than or equal to 1"),
    ("9", int, _Info(min=3, max=6), "Input should be less than or equal to 6"),
])
def test_bad_plain_values_are_refused_in_pydantic_s_words(value: str, kind: type, info: _Info,
                                                          message: str) -> None:
    with pytest.raises(ValueError, match=f"^{message}$"):
        convert(value, kind, info)


def test_clamped_values_are_brought_into_range() -> None:
    assert convert("9", int, _Info(min=3, max=6, clamp=True)) == 6
    assert convert("1", int, _Info(min=3, max=6, clamp=True)) == 3


def test_which_annotations_are_plain() -> None:
    import enum

    class Format(str, enum.Enum):
        csv = "csv"

    assert plain_kind(str) is str and plain_kind(int | None) is int and plain_kind(list[str]) == (str,)
    assert plain_kind(list[str] | None) == (str,)
    assert plain_kind(Format) is None and plain_kind(Path) is None and plain_kind(int | str) is None


def test_a_bad_option_value_is_one_error_and_exit_2(tmp_path: Path) -> None:
    report = tmp_path / "small.txt"
    report.write_text(REPORT, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "tollbook.cli", "extract", str(report), "--max-bytes", "0"],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 2
    assert "Input should be greater than or equal to 1" in done.stderr and done.stdout == ""
