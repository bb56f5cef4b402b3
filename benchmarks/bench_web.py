"""Web pages and their API twins on a big ledger: every answer's time, against the issue's 1 s.

    python -m benchmarks.bench_web                     # 100,000 claims (10,000 documents)
    python -m benchmarks.bench_web --quick             # 10,000 claims
    python -m benchmarks.bench_web --claims 1000000    # 1,000,000 claims (long: fill and reconcile)

The ledger is filled straight through the schema (`bench_ledger.fill_synthetic`), its
series and findings are computed and stored once (`tollbook.reconcile.store.refresh_all`,
what `tollbook reconcile` runs; timed and printed with its peak memory), then each page
is fetched through the app in process (Starlette's TestClient: no network, the
same code path as `tollbook serve`), three times, and the median is printed beside the
time of the claims page's first page in the same run, so deep pages read as a ratio.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

GOAL_SECONDS = 1.0


def timed(client, path: str, runs: int = 3) -> tuple[float, int]:
    times, status = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        status = client.get(path).status_code
        times.append(time.perf_counter() - started)
    return statistics.median(times), status


def reconcile_once(url: str) -> None:
    """Store the series and findings as `tollbook reconcile` does, and print its time and peak memory."""
    import resource

    from tollbook.ledger import open_ledger
    from tollbook.reconcile.store import refresh_all

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with open_ledger(url) as ledger:
        started = time.perf_counter()
        done = refresh_all(ledger.engine)
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux; the process's peak so far
    print(f"reconcile: {done.actors} actors, {done.series:,} series, {done.findings:,} findings stored in "
          f"{seconds:.1f} s (process peak {peak / 1024:.0f} MB, {max(0, peak - before) / 1024:.0f} MB above the fill)",
          flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="10,000 claims")
    ap.add_argument("--claims", type=int, default=None, help="claims to fill the ledger with (default 100,000)")
    args = ap.parse_args(argv)
    claims = args.claims or (10_000 if args.quick else 100_000)
    from fastapi.testclient import TestClient

    from benchmarks.bench_ledger import fill_synthetic
    from tollbook.web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        url = str(Path(tmp) / "web.db")
        started = time.perf_counter()
        fill_synthetic(url, claims)
        print(f"ledger: {claims:,} claims filled in {time.perf_counter() - started:.1f} s")
        reconcile_once(url)
        deep = claims // 50 // 5  # a fifth of the way through, at 50 a page
        with TestClient(create_app(url)) as client:
            first = client.get("/api/claims", params={"size": 50}).json()
            claim_id, doc_id = first["claims"][0]["claim_id"], first["claims"][0]["doc_id"]
            paths = [
                "/", "/api/claims", f"/?page={deep}", f"/api/claims?page={deep}", "/?measure=killed&sort=-best",
                "/?q=killed", "/claims.csv", f"/claims/{claim_id}", f"/api/claims/{claim_id}", "/documents",
                "/api/documents", f"/documents/{doc_id}", "/timeline?actor=civilians&measure=killed",
                "/api/timeline?actor=civilians&measure=killed", "/timeline/chart.svg?actor=civilians&measure=killed",
                "/series", "/api/series", "/findings", "/api/findings?size=50", f"/findings?page={deep}",
                "/findings?kind=disagreement",
            ]
            base, _ = timed(client, "/")
            print(f"{'page':58} {'seconds':>8} {'x first page':>12} {'status':>6}  goal {GOAL_SECONDS:.0f} s")
            over = 0
            for path in paths:
                seconds, status = timed(client, path)
                over += seconds > GOAL_SECONDS
                print(f"{path[:58]:58} {seconds:8.3f} {seconds / base:12.1f} {status:>6}"
                      f"{'  over' if seconds > GOAL_SECONDS else ''}", flush=True)
            print(f"{over} of {len(paths)} answers over {GOAL_SECONDS:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
