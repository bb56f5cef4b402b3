"""`make bench`: the extraction benchmark, then the ledger benchmark (quick) when it exists.

    .venv/bin/python -m benchmarks [--quick] [--profile] [--skip-ledger] [--no-quantulum]
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import sys
from pathlib import Path

from benchmarks import bench_extract

LEDGER = Path(__file__).resolve().parent / "bench_ledger.py"


def _run_ledger() -> int:
    """Call bench_ledger.main in its quick mode, whichever way its main takes the flag."""
    module = importlib.import_module("benchmarks.bench_ledger")
    main = getattr(module, "main", None)
    if main is None:
        print("benchmarks/bench_ledger.py has no main(); ledger benchmark skipped")
        return 0
    params = inspect.signature(main).parameters
    if "quick" in params:
        rc = main(quick=True)
    elif params:
        rc = main(["--quick"])  # an argparse-style main(argv)
    else:
        saved = sys.argv
        sys.argv = [str(LEDGER), "--quick"]
        try:
            rc = main()
        finally:
            sys.argv = saved
    return rc if isinstance(rc, int) else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description="tollbook benchmarks")
    ap.add_argument("--quick", action="store_true", help="1 MB extraction corpora instead of 5 MB")
    ap.add_argument("--profile", action="store_true",
                    help="also cProfile extraction on corpus (b) and print the top 15 tollbook functions")
    ap.add_argument("--skip-ledger", action="store_true", help="do not run benchmarks/bench_ledger.py")
    ap.add_argument("--no-quantulum", action="store_true", help="skip the quantulum3 comparison")
    args = ap.parse_args(argv)

    bench_extract.run(quick=args.quick, profile=args.profile, with_quantulum=not args.no_quantulum)

    if args.skip_ledger:
        return 0
    if not LEDGER.exists():
        print("\nbenchmarks/bench_ledger.py not present: ledger benchmark skipped")
        return 0
    print("\n" + "=" * 78 + "\nledger benchmark (benchmarks/bench_ledger.py, quick mode)\n" + "=" * 78)
    return _run_ledger()


if __name__ == "__main__":
    sys.exit(main())
