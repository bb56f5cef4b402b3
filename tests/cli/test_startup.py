"""Light start: the everyday commands import no heavy library they do not use.

Each command runs in a fresh interpreter that then lists the heavy modules loaded
(`sys.modules`), so an eager import anywhere on the path shows up here. Timing is
measured in `make bench` (benchmarks/bench_startup.py), not asserted: it depends on the load.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("scipy", "pandas", "altair", "dask", "distributed", "fastapi", "uvicorn", "datasketch", "pyarrow",
         "alembic")
REPORT = "Harbour Wire\nRussian strikes on Kharkiv killed at least 12 people on Tuesday, the governor said.\n"

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
print(json.dumps({"code": code, "heavy": sorted(m for m in %r if m in sys.modules)}), file=sys.stderr)
""" % (HEAVY,)


def heavy_modules(*args: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, timeout=180)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["code"] == 0, done.stderr
    return report["heavy"]


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, str]:
    folder = tmp_path_factory.mktemp("startup")
    report = folder / "small.txt"
    report.write_text(REPORT, encoding="utf-8")
    db = str(folder / "ledger.db")
    cli = [sys.executable, "-m", "tollbook.cli"]
    subprocess.run([*cli, "ingest", str(report), "--db", db], check=True, capture_output=True, timeout=180)
    listed = subprocess.run([*cli, "claims", "--db", db, "--json"], check=True, capture_output=True, text=True)
    return str(report), db, json.loads(listed.stdout)[0]["claim_id"]


def test_extract_imports_no_heavy_library(ledger: tuple[str, str, str]) -> None:
    report, _, _ = ledger
    assert heavy_modules("extract", report, "--json") == []


@pytest.mark.parametrize("command", [["claims", "--limit", "5", "--json"], ["documents", "--json"],
                                     ["show", "CLAIM", "--json"], ["claims", "--measure", "killed", "--csv"]])
def test_listing_commands_import_no_heavy_library(command: list[str], ledger: tuple[str, str, str]) -> None:
    _, db, claim_id = ledger
    args = [claim_id if a == "CLAIM" else a for a in command]
    assert heavy_modules(*args, "--db", db) == []


def test_version_imports_neither_the_ledger_nor_the_extractor() -> None:
    done = subprocess.run([sys.executable, "-c", "import sys; sys.argv=['tollbook','--version']\n"
                           "from tollbook.cli import main\ntry: main()\nexcept SystemExit: pass\n"
                           "print([m for m in ('sqlalchemy', 'tollbook.extract.pipeline') if m in sys.modules])"],
                          capture_output=True, text=True, timeout=120)
    assert done.stdout.splitlines()[-1] == "[]", done.stdout + done.stderr


def test_syndication_loads_datasketch_only_when_fingerprinting() -> None:
    code = ("import sys\nimport tollbook.ledger\nbefore = 'datasketch' in sys.modules\n"
            "from tollbook.ledger.syndication import fingerprint\nfingerprint('one two three four')\n"
            "print(before, 'datasketch' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["False", "True"], done.stderr


def test_the_head_revision_read_without_alembic_is_alembic_s() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from tollbook.ledger import MIGRATIONS, newest_revision

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert newest_revision() == ScriptDirectory.from_config(config).get_current_head()
