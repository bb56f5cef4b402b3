"""`make bench`: every benchmark in one run, each printing its own figures and baselines.

    .venv/bin/python -m benchmarks [--quick] [--only extract,ucdp,ledger,scale] [--profile]

extract: MB/s, documents/s and peak RSS against a regex floor and quantulum3 (same run);
lookup: gazetteer look-ups, spaCy's tokenizer + PhraseMatcher against tollbook's Aho-Corasick;
ucdp: weak-label agreement of headline killed counts with UCDP `best`;
real: the real-set figures of `tollbook eval --real` and throughput on real text beside quantulum3;
ledger: ingest documents/s into SQLite and PostgreSQL as a ratio of bare extraction, and
filtered query latency on a million claims; scale: serial vs a 2-worker Dask LocalCluster;
startup: wall time of `tollbook claims` and `tollbook extract` on a small file against `python -c pass`;
scaling: time and peak RSS of one document at 1x, 4x, 16x and 64x (as paragraphs and as one line);
web: every page and API twin timed on a 100,000-claim ledger against the 1 s goal.
The default sizes are the issues' (ledger: 10,000 and 100,000 documents, about half an hour
on 2 cores); --quick runs every suite at a tenth of that.
"""

from __future__ import annotations

import argparse
import time

SUITES = ("extract", "lookup", "ucdp", "real", "ledger", "scale", "startup", "scaling", "web")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller corpora in every suite")
    ap.add_argument("--only", default=",".join(SUITES), help=f"comma-separated suites among {', '.join(SUITES)}")
    ap.add_argument("--profile", action="store_true", help="also profile extraction on the conflict-dense corpus")
    args = ap.parse_args(argv)
    chosen = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(chosen) - set(SUITES)
    if unknown:
        ap.error(f"unknown suite(s): {', '.join(sorted(unknown))}")
    quick = ["--quick"] if args.quick else []
    status = 0
    for suite in chosen:
        print(f"\n{'=' * 78}\n{suite} benchmark\n{'=' * 78}", flush=True)
        started = time.perf_counter()
        if suite == "extract":
            from benchmarks import bench_extract

            bench_extract.run(quick=args.quick, profile=args.profile)
        elif suite == "lookup":
            from benchmarks import bench_lookup

            bench_lookup.main(quick)
        elif suite == "ucdp":
            from benchmarks import bench_ucdp

            bench_ucdp.main([])
        elif suite == "real":
            from benchmarks import bench_real

            bench_real.main([])
        elif suite == "ledger":
            from benchmarks import bench_ledger

            status |= bench_ledger.main(quick) or 0
        elif suite == "startup":
            from benchmarks import bench_startup

            bench_startup.main([])  # a figure to read, not a gate: a loaded machine would fail it
        elif suite == "web":
            from benchmarks import bench_web

            bench_web.main(quick)
        elif suite == "scaling":
            from benchmarks import bench_scaling

            bench_scaling.main(quick)  # prints whether each 4x step cost at most 5x; timings on a shared machine are noisy
        else:
            from benchmarks import bench_scale

            status |= bench_scale.main(quick) or 0
        print(f"({suite}: {time.perf_counter() - started:.0f} s)", flush=True)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
