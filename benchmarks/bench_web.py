"""Web pages and their API twins on a big ledger: every answer's time, against the issue's 1 s.

    python -m benchmarks.bench_web                     # 100,000 claims (10,000 documents)
    python -m benchmarks.bench_web --quick             # 10,000 claims
    python -m benchmarks.bench_web --claims 1000000    # 1,000,000 claims (long: fill and reconcile)

The ledger is filled straight through the schema (`bench_ledger.fill_synthetic`); evenly
spread claims are then relabelled so that one series (civilians killed) holds 10,000
claims, the issue's timeline (the fill spreads claims over 36 actor-measure pairs, so at
100,000 claims no series reaches it; a tenth of the ledger below 100,000 claims). Its
series and findings are computed and stored once (`tollbook.reconcile.store.refresh_all`,
what `tollbook reconcile` runs, in a process of its own as that command is; timed and printed with
its peak memory), then each page
is fetched through the app in process (Starlette's TestClient: no network, the
same code path as `tollbook serve`), three times, and the median is printed beside the
time of the claims page's first page in the same run, so deep pages read as a ratio.
`cpu` is the processor time the server process spent on the answer (the app runs in
threads of this process; a chart's renderer is another process and is not counted): on
a shared machine it shows what the wall-clock figure owes to other work. Deep pages are
page 2,000 at 100,000 claims (the claims' last at 50 a page; a tenth of the claims'
count in general) and the timeline table's last page.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

GOAL_SECONDS = 1.0
TIMELINE_ACTOR, TIMELINE_MEASURE, TIMELINE_CLAIMS = "civilians", "killed", 10_000


def timed(client, path: str, runs: int = 3) -> tuple[float, float, int]:
    """Median wall-clock and processor seconds of `runs` answers, and the last status."""
    times, cpu, status = [], [], 0
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        status = client.get(path).status_code
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(times), statistics.median(cpu), status


def widen_series(url: str, wanted: int) -> int:
    """Relabel evenly spread claims of other series as civilians killed until that series holds
    `wanted` claims (none are relabelled when it already does); returns its size."""
    import sqlalchemy as sa

    from tollbook.ledger import open_ledger
    from tollbook.ledger.schema import claims

    in_series = sa.and_(claims.c.actor == TIMELINE_ACTOR, claims.c.measure == TIMELINE_MEASURE)
    with open_ledger(url) as ledger, ledger.engine.begin() as conn:
        have = conn.execute(sa.select(sa.func.count()).where(in_series)).scalar_one()
        need = max(0, wanted - have)
        if need:
            others = conn.execute(sa.select(claims.c.claim_id).where(sa.not_(in_series))
                                  .order_by(claims.c.claim_id)).scalars().all()
            step = len(others) / need
            chosen = [others[int(i * step)] for i in range(need)]
            conn.execute(claims.update().where(claims.c.claim_id == sa.bindparam("id"))
                         .values(actor=TIMELINE_ACTOR, measure=TIMELINE_MEASURE), [{"id": c} for c in chosen])
        return have + need


def _refresh(url: str) -> tuple[int, int, int, float, float]:
    """`tollbook reconcile`'s work, in the child process: counts, seconds and the child's peak RSS in MB."""
    import resource

    from tollbook.ledger import open_ledger
    from tollbook.reconcile.store import refresh_all

    with open_ledger(url) as ledger:
        started = time.perf_counter()
        done = refresh_all(ledger.engine)
        seconds = time.perf_counter() - started
    return done.actors, done.series, done.findings, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reconcile_once(url: str) -> None:
    """Store the series and findings as `tollbook reconcile` does, in a process of its own as that
    command runs beside `tollbook serve` (its heap would otherwise stay in the server's and slow every
    garbage collection the pages make), and print its time and peak memory."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        actors, series, findings, seconds, peak = pool.submit(_refresh, url).result()
    print(f"reconcile: {actors} actors, {series:,} series, {findings:,} findings stored in {seconds:.1f} s "
          f"(its own process, peak {peak:.0f} MB)", flush=True)


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
        series_size = widen_series(url, min(TIMELINE_CLAIMS, claims // 10))
        print(f"ledger: {claims:,} claims filled in {time.perf_counter() - started:.1f} s; "
              f"the timeline of {TIMELINE_ACTOR} {TIMELINE_MEASURE} holds {series_size:,} of them")
        reconcile_once(url)
        deep = claims // 50  # the last page at 50 a page: page 2,000 of 100,000 claims
        timeline = f"actor={TIMELINE_ACTOR}&measure={TIMELINE_MEASURE}"
        timeline_deep = series_size // 50  # the timeline table's last page
        with TestClient(create_app(url)) as client:
            first = client.get("/api/claims", params={"size": 50}).json()
            claim_id, doc_id = first["claims"][0]["claim_id"], first["claims"][0]["doc_id"]
            paths = [
                "/", "/api/claims", f"/?page={deep}", f"/api/claims?page={deep}", f"/?sort=-best&page={deep}",
                "/?measure=killed&sort=-best",
                "/?q=killed", "/claims.csv", f"/claims/{claim_id}", f"/api/claims/{claim_id}", "/documents",
                "/api/documents", f"/documents/{doc_id}",
                f"/timeline?{timeline}", f"/api/timeline?{timeline}", f"/timeline/chart.svg?{timeline}",
                f"/timeline?{timeline}&page={timeline_deep}", f"/api/timeline?{timeline}&size=50&page={timeline_deep}",
                f"/timeline?{timeline}&period=week", f"/api/timeline?{timeline}&period=week",
                f"/timeline?{timeline}&period=day", f"/api/timeline?{timeline}&period=day",
                "/series", "/api/series", "/findings", "/api/findings?size=50", f"/findings?page={deep}",
                "/findings?kind=disagreement",
            ]
            base, _, _ = timed(client, "/")
            print(f"{'page':66} {'seconds':>8} {'cpu':>6} {'x first page':>12} {'status':>6}"
                  f"  goal {GOAL_SECONDS:.0f} s")
            over = 0
            for path in paths:
                seconds, cpu, status = timed(client, path)
                over += seconds > GOAL_SECONDS
                print(f"{path[:66]:66} {seconds:8.3f} {cpu:6.3f} {seconds / base:12.1f} {status:>6}"
                      f"{'  over' if seconds > GOAL_SECONDS else ''}", flush=True)
            print(f"{over} of {len(paths)} answers over {GOAL_SECONDS:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
