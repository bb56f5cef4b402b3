"""Start-up time of the commands people run most: does `tollbook` feel like a command-line tool?

Wall time of whole subprocesses (interpreter start, imports, the work, exit), the median of
--runs runs, beside `python -c pass` in the same run as the floor no Python tool beats, and
the time the same command spends importing modules (`python -X importtime`, the sum of the
top-level imports), which a loaded machine disturbs less than the wall time.
Targets: `tollbook --help` and `tollbook extract small.txt` under 0.3 s (issue 16);
`tollbook claims --limit 5` under 0.5 s (issue 13), as fast as it can be made.
Each command runs once before it is timed, so that the compiled lexicons and regular
expressions are in the cache and the modules' bytecode is written (as on any machine that
ran tollbook once; the bytecode goes to a folder of the run's own, also when
PYTHONDONTWRITEBYTECODE is set); the row "(no cache)" starts each run with an empty cache.
It also lists which heavy libraries each command imported: `extract` should import none of
them, and the listing commands only SQLAlchemy.
Run: python -m benchmarks.bench_startup [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {"tollbook --help": 0.3, "tollbook extract small.txt": 0.3, "tollbook claims --limit 5": 0.5}
HEAVY = ("scipy", "pandas", "altair", "dask", "fastapi", "numpy", "datasketch", "alembic", "pydantic",
         "sqlalchemy", "rich")
SMALL_REPORT = ("Harbour Wire\nRussian strikes on Kharkiv killed at least 12 people and wounded about 40 on "
                "Tuesday, the regional governor said.\n")

# Runs the CLI in-process, then reports the heavy modules it imported (stderr, one JSON line).
_PROBE = """
import json, sys
sys.argv = ["tollbook", *sys.argv[1:]]
from tollbook.cli import main
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(m for m in %r if m in sys.modules)), file=sys.stderr)
""" % (HEAVY,)


def wall_times(argv: list[str], runs: int, cwd: str, fresh_cache: bool = False) -> list[float]:
    times = []
    for _ in range(runs):
        env = dict(os.environ)
        with tempfile.TemporaryDirectory(prefix="tollbook-cache-") as empty:
            if fresh_cache:
                env["TOLLBOOK_CACHE"] = empty
            started = time.perf_counter()
            done = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                  env=env)
            times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} exited {done.returncode}: {done.stderr.strip()}")
    return times


def heavy_imports(args: list[str], cwd: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], cwd=cwd, capture_output=True, text=True)
    return json.loads(done.stderr.strip().splitlines()[-1])


def import_seconds(argv: list[str], cwd: str) -> float:
    """Seconds of imports in one run of `argv` (a Python command line), by `-X importtime`:
    the cumulative time of each top-level import, added up (the smallest of three runs)."""
    found = []
    for _ in range(3):
        done = subprocess.run([argv[0], "-X", "importtime", *argv[1:]], cwd=cwd, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        total = 0
        for line in done.stderr.splitlines():
            if not line.startswith("import time:") or "|" not in line:
                continue
            _, cumulative, name = line.split("|", 2)
            if cumulative.strip().isdigit() and not name.startswith("  "):  # top level: one space of indent
                total += int(cumulative)
        found.append(total / 1e6)
    return min(found)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_startup", description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="runs per command (the median is shown)")
    args = ap.parse_args(argv)
    tollbook = [sys.executable, "-m", "tollbook.cli"]
    saved_env = dict(os.environ)
    try:
        with tempfile.TemporaryDirectory(prefix="tollbook-startup-") as work:
            # Bytecode as an installed package has it, in a folder of this run's own.
            os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
            os.environ["PYTHONPYCACHEPREFIX"] = str(Path(work, "bytecode"))
            return _measure(tollbook, work, args.runs)
    finally:
        os.environ.clear()
        os.environ.update(saved_env)


def _measure(tollbook: list[str], work: str, runs: int) -> int:
    """Times every case (see the module's docstring); 1 when a target is missed."""
    report = Path(work, "small.txt")
    report.write_text(SMALL_REPORT, encoding="utf-8")
    db = str(Path(work, "ledger.db"))
    subprocess.run([*tollbook, "ingest", str(report), "--db", db], check=True, capture_output=True)
    listed = subprocess.run([*tollbook, "claims", "--db", db, "--json", "--limit", "1"], check=True,
                            capture_output=True, text=True)
    claim_id = json.loads(listed.stdout)[0]["claim_id"]
    extract = ["extract", str(report), "--json"]
    cases = [  # label, arguments of tollbook (None: the floor), a fresh cache at each run
        ("python -c pass (floor)", None, False),
        ("tollbook --version", ["--version"], False),
        ("tollbook --help", ["--help"], False),
        ("tollbook claims --limit 5", ["claims", "--db", db, "--limit", "5", "--json"], False),
        ("tollbook documents", ["documents", "--db", db, "--json"], False),
        ("tollbook show CLAIM --json", ["show", claim_id, "--db", db, "--json"], False),
        ("tollbook extract small.txt", extract, False),
        ("tollbook extract (no cache)", extract, True),
    ]
    os.environ.setdefault("COLUMNS", "120")
    print(f"{'command':30} {'median s':>9} {'min s':>7} {'over floor':>11} {'imports s':>10}  heavy imports")
    floor = None
    failed = False
    for label, command, fresh_cache in cases:
        full = [*tollbook, *command] if command is not None else [sys.executable, "-c", "pass"]
        wall_times(full, 1, work)  # warm: bytecode written, lexicons and regular expressions cached
        times = wall_times(full, runs, work, fresh_cache)
        median = statistics.median(times)
        floor = median if floor is None else floor
        imports = import_seconds(full, work)
        heavy = heavy_imports(command, work) if command is not None else []
        mark = ""
        target = TARGETS.get(label)
        if target is not None and median > target:
            mark, failed = f"  over the {target} s target", True
        print(f"{label:30} {median:9.3f} {min(times):7.3f} {median - floor:11.3f} {imports:10.3f}  "
              f"{', '.join(heavy) or '-'}{mark}")
    print(f"(median of {runs} runs each; targets: {', '.join(f'{k} {v} s' for k, v in TARGETS.items())}; "
          "the load of the machine shows in the floor)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
