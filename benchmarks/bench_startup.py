"""Start-up time of the commands people run most: does `tollbook` feel like a command-line tool?

Wall time of whole subprocesses (interpreter start, imports, the work, exit), the median of
--runs runs, beside `python -c pass` in the same run as the floor no Python tool beats.
Target (issue 13): `tollbook claims --limit 5` and `tollbook extract small.txt` under 0.5 s.
It also lists which heavy libraries each command imported: `claims`, `documents`, `show`
and `extract` should import none of scipy, pandas, altair, dask or fastapi.
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

TARGET_SECONDS = 0.5
HEAVY = ("scipy", "pandas", "altair", "dask", "fastapi", "numpy", "datasketch", "alembic", "pydantic")
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


def wall_times(argv: list[str], runs: int, cwd: str) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} exited {done.returncode}: {done.stderr.strip()}")
    return times


def heavy_imports(args: list[str], cwd: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], cwd=cwd, capture_output=True, text=True)
    return json.loads(done.stderr.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_startup", description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="runs per command (the median is shown)")
    args = ap.parse_args(argv)
    tollbook = [sys.executable, "-m", "tollbook.cli"]
    with tempfile.TemporaryDirectory(prefix="tollbook-startup-") as work:
        report = Path(work, "small.txt")
        report.write_text(SMALL_REPORT, encoding="utf-8")
        db = str(Path(work, "ledger.db"))
        subprocess.run([*tollbook, "ingest", str(report), "--db", db], check=True, capture_output=True)
        listed = subprocess.run([*tollbook, "claims", "--db", db, "--json", "--limit", "1"], check=True,
                                capture_output=True, text=True)
        claim_id = json.loads(listed.stdout)[0]["claim_id"]
        cases = [
            ("python -c pass (floor)", [sys.executable, "-c", "pass"], None),
            ("tollbook --version", [*tollbook, "--version"], ["--version"]),
            ("tollbook claims --limit 5", [*tollbook, "claims", "--db", db, "--limit", "5", "--json"],
             ["claims", "--db", db, "--limit", "5", "--json"]),
            ("tollbook documents", [*tollbook, "documents", "--db", db, "--json"], ["documents", "--db", db, "--json"]),
            ("tollbook show CLAIM --json", [*tollbook, "show", claim_id, "--db", db, "--json"],
             ["show", claim_id, "--db", db, "--json"]),
            ("tollbook extract small.txt", [*tollbook, "extract", str(report), "--json"],
             ["extract", str(report), "--json"]),
        ]
        os.environ.setdefault("COLUMNS", "120")
        print(f"{'command':32} {'median s':>9} {'min s':>7} {'over floor':>11}  heavy imports")
        floor = None
        failed = False
        for label, command, probe in cases:
            times = wall_times(command, args.runs, work)
            median = statistics.median(times)
            floor = median if floor is None else floor
            heavy = heavy_imports(probe, work) if probe else []
            mark = ""
            if label.startswith(("tollbook claims", "tollbook extract")) and median > TARGET_SECONDS:
                mark, failed = f"  over the {TARGET_SECONDS} s target", True
            print(f"{label:32} {median:9.3f} {min(times):7.3f} {median - floor:11.3f}  {', '.join(heavy) or '-'}{mark}")
        print(f"(median of {args.runs} runs each; target {TARGET_SECONDS} s for claims and extract; the load of "
              f"the machine shows in the floor)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
