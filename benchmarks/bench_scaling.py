"""Scaling: time and peak memory of one document at 1x, 4x, 16x and 64x its size.

    python -m benchmarks.bench_scaling            # base 240 KB: 64x is about 15 MB
    python -m benchmarks.bench_scaling --quick    # base 16 KB: 64x is about 1 MB

The document is news: the bundled reports' paragraphs (with figures) dealt between the
figure-free paragraphs of benchmarks/data/filler_paragraphs.txt, repeated to size, in two
shapes: as paragraphs, and as one single line (every paragraph break turned into a space,
the shape of a page scraped without its markup). Each size runs in a fresh interpreter
(`--child`), so its peak RSS (VmHWM, `peak_rss_mb`) is its own; the lexicons are loaded
before the clock starts, so the time is make_document + extract_document alone. Steps are
judged on CPU time (the process's own), since wall time on a shared machine moves with
its neighbours; both are printed.

Linear means each 4x step costs about 4x; issue 14's goal is at most 5x a step.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.bench_extract import WARMUP_TEXT, peak_rss_mb

ROOT = Path(__file__).resolve().parents[1]
FILLER = ROOT / "benchmarks" / "data" / "filler_paragraphs.txt"
REPORTS = ROOT / "examples" / "reports"
FULL_BASE = 240_000
QUICK_BASE = 16_000
MULTIPLES = (1, 4, 16, 64)
SHAPES = ("paragraphs", "one line")
GOAL_STEP = 5.0


def document(size: int, shape: str) -> str:
    """About `size` characters of news: four filler paragraphs to each report paragraph, repeated."""
    split = re.compile(r"\n\s*\n")
    reports = [p.strip() for f in sorted(REPORTS.glob("*.txt")) for p in split.split(f.read_text(encoding="utf-8")) if p.strip()]
    filler = [p.strip() for p in split.split(FILLER.read_text(encoding="utf-8")) if p.strip()]
    out: list[str] = []
    total = i = 0
    while total < size:
        for para in [reports[i % len(reports)]] + [filler[(4 * i + k) % len(filler)] for k in range(4)]:
            out.append(para)
            total += len(para) + 2
        i += 1
    text = "\n\n".join(out)[:size]
    return " ".join(text.split()) if shape == "one line" else text


def child(size: int, shape: str) -> dict:
    """One measurement, in this (fresh) process."""
    import importlib

    from tollbook.read import make_document

    extract_document = importlib.import_module("tollbook.extract.pipeline").extract_document
    extract_document(make_document(WARMUP_TEXT, published="2025-01-27"))
    text = document(size, shape)
    t0, c0 = time.perf_counter(), time.process_time()
    claims = extract_document(make_document(text, published="2025-01-27"))
    cpu, seconds = time.process_time() - c0, time.perf_counter() - t0
    return {"seconds": seconds, "cpu": cpu, "rss": peak_rss_mb(), "claims": len(claims),
            "bytes": len(text.encode("utf-8"))}


def measure(size: int, shape: str, timeout: float = 1800.0) -> dict:
    proc = subprocess.run([sys.executable, "-m", "benchmarks.bench_scaling", "--child", str(size), shape],
                          cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"child for {shape} x{size} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run(quick: bool = False) -> int:
    base = QUICK_BASE if quick else FULL_BASE
    print(f"one document of news at 1x, 4x, 16x, 64x of {base / 1000:.0f} KB; time = make_document + extract_document "
          f"in a fresh interpreter, lexicons loaded first; peak RSS = that interpreter's VmHWM")
    print(f"{'shape':<11} {'size':>6} {'MB':>7} {'claims':>7} {'wall s':>7} {'CPU s':>7} {'MB/s':>6} {'x CPU':>7} "
          f"{'peak RSS':>9} {'x RSS':>6}")
    worst = 0.0
    for shape in SHAPES:
        previous: dict | None = None
        for k in MULTIPLES:
            r = measure(base * k, shape)
            step = r["cpu"] / previous["cpu"] if previous and previous["cpu"] > 0 else None
            rss_step = r["rss"] / previous["rss"] if previous else None
            worst = max(worst, step or 0.0)
            print(f"{shape:<11} {f'{k}x':>6} {r['bytes'] / 1e6:7.2f} {r['claims']:7,} {r['seconds']:7.2f} {r['cpu']:7.2f} "
                  f"{r['bytes'] / 1e6 / r['cpu'] if r['cpu'] else 0:6.2f} "
                  f"{f'{step:.2f}x' if step else '-':>7} {r['rss']:8.0f}M {f'{rss_step:.2f}x' if rss_step else '-':>6}",
                  flush=True)
            previous = r
    ok = worst <= GOAL_STEP
    print(f"goal: each 4x step costs at most {GOAL_STEP:g}x the CPU time: worst step {worst:.2f}x -> {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_scaling", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help=f"base {QUICK_BASE / 1000:.0f} KB instead of {FULL_BASE / 1000:.0f} KB")
    ap.add_argument("--child", nargs=2, metavar=("SIZE", "SHAPE"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(int(args.child[0]), args.child[1])))
        return 0
    return run(quick=args.quick)


if __name__ == "__main__":
    raise SystemExit(main())
