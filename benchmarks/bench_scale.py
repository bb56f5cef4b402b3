"""Serial extraction against a 2-worker Dask LocalCluster, on the same corpus in the same run.

    python -m benchmarks.bench_scale            # ~20 MB corpus
    python -m benchmarks.bench_scale --quick    # ~4 MB corpus

The corpus is the bundled reports (`examples/reports`, `examples/kursk`: the .txt
files and their sidecars) written again and again into a temporary folder, each
copy with its figures of 100 and more scaled by a copy-specific factor, so every
copy is a document of its own with its own claims. Each mode then runs in its own
fresh interpreter, so the peak RSS it prints is its own:

  serial  read_inputs(folder) + extract_document per document, in one process
  dask    tollbook.scale.extract_paths over a LocalCluster of 2 worker processes
          (1 thread each); the client plans, workers read and extract, claims come back

Throughput is documents/s from the first file read to the last claim received, after
each process has loaded the lexicons; the cluster's start-up (with that warm-up) is
timed apart, and `CPU s` adds up the client's and the workers' CPU time. The run checks that both modes found the same
claims (a digest of every claim id and value) and prints the speed-up ratio.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_extract import peak_rss_mb

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (ROOT / "examples" / "reports", ROOT / "examples" / "kursk")
FULL_BYTES = 20_000_000
QUICK_BYTES = 4_000_000
WORKERS = 2

_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,]*\d)|(?<![\d.,])\d{3,}(?![\d.,]*\d)")


def _vary(text: str, copy: int) -> str:
    """Scale figures of 100 and more by 1 + copy/1000 (years 1900-2099 kept, so dates stay dates)."""
    factor = 1 + (copy % 997 + 1) / 1000

    def scaled(m: re.Match[str]) -> str:
        raw = m.group(0)
        value = int(raw.replace(",", ""))
        if "," not in raw and 1900 <= value <= 2099:
            return raw
        new = round(value * factor)
        return f"{new:,}" if "," in raw else str(new)

    return _NUMBER.sub(scaled, text)


def build_corpus(folder: Path, target_bytes: int) -> tuple[int, int]:
    """Write copies of the bundled reports until `target_bytes`; returns (files, bytes)."""
    reports = sorted(p for src in SOURCES for p in src.glob("*.txt"))
    texts = [(p, p.read_text(encoding="utf-8")) for p in reports]
    files = written = copy = 0
    while written < target_bytes:
        out = folder / f"copy{copy:05d}"
        out.mkdir()
        for path, text in texts:
            data = _vary(text, copy).encode("utf-8")
            (out / path.name).write_bytes(data)
            sidecar = path.with_name(path.stem + ".meta.json")
            if sidecar.is_file():
                shutil.copyfile(sidecar, out / sidecar.name)
            files += 1
            written += len(data)
        copy += 1
    return files, written


def _warm_up() -> None:
    """Import the extractor and load its lexicons, as run_serial does before its clock starts."""
    from tollbook.extract import extract_document
    from tollbook.read import make_document

    extract_document(make_document("Russian forces lost about 1,200 troops near Kursk, the ministry said."))


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_serial(folder: str) -> dict:
    from tollbook.errors import ReadError
    from tollbook.extract import extract_document
    from tollbook.read.walk import read_inputs

    _warm_up()
    digest, docs, claims = hashlib.sha256(), 0, []
    start, cpu = time.perf_counter(), _cpu_seconds()
    for item in read_inputs([folder]):
        if isinstance(item, ReadError):
            continue
        docs += 1
        claims += [f"{c.claim_id}:{c.low}:{c.best}:{c.high}:{c.measure}:{c.actor}" for c in extract_document(item)]
    seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
    digest.update("\n".join(sorted(claims)).encode())
    return {"docs": docs, "claims": len(claims), "seconds": seconds, "cpu": cpu, "digest": digest.hexdigest()[:12],
            "client_rss": peak_rss_mb()}


def run_dask(folder: str) -> dict:
    from tollbook.errors import ReadError
    from tollbook.scale import extract_paths, open_client, plan_partitions

    started = time.perf_counter()
    with open_client(workers=WORKERS) as client:
        client.run(_warm_up)
        startup = time.perf_counter() - started
        digest, docs, claims = hashlib.sha256(), 0, []
        workers_cpu = sum(client.run(_cpu_seconds).values())
        start, cpu = time.perf_counter(), _cpu_seconds()
        plan = plan_partitions([folder], workers=WORKERS)
        for item in extract_paths(client, [folder], plan=plan):
            if isinstance(item, ReadError):
                continue
            docs += 1
            claims += [f"{c.claim_id}:{c.low}:{c.best}:{c.high}:{c.measure}:{c.actor}" for c in item.claims]
        seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
        workers_cpu = sum(client.run(_cpu_seconds).values()) - workers_cpu
        workers_rss = sorted(client.run(peak_rss_mb).values())
    digest.update("\n".join(sorted(claims)).encode())
    return {"docs": docs, "claims": len(claims), "seconds": seconds, "startup": startup,
            "cpu": cpu + workers_cpu, "client_cpu": cpu,
            "digest": digest.hexdigest()[:12], "client_rss": peak_rss_mb(), "workers_rss": workers_rss,
            "partitions": len(plan.partitions)}


def in_child(mode: str, folder: Path) -> dict:
    """One mode in a fresh interpreter, so its peak RSS is its own."""
    proc = subprocess.run([sys.executable, "-m", "benchmarks.bench_scale", "--child", mode, str(folder)],
                          cwd=ROOT, capture_output=True, text=True, timeout=1800)
    if proc.returncode != 0:
        raise RuntimeError(f"{mode} run failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_scale", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help=f"a {QUICK_BYTES / 1e6:.0f} MB corpus instead of {FULL_BYTES / 1e6:.0f} MB")
    ap.add_argument("--child", nargs=2, metavar=("MODE", "FOLDER"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        mode, folder = args.child
        print(json.dumps(run_serial(folder) if mode == "serial" else run_dask(folder)))
        return 0

    with tempfile.TemporaryDirectory(prefix="tollbook-bench-scale-") as tmp:
        files, size = build_corpus(Path(tmp), QUICK_BYTES if args.quick else FULL_BYTES)
        print(f"corpus: {files:,} files, {size / 1e6:.1f} MB (bundled reports with varied figures)")
        loads = [os.getloadavg()[0]]
        serial = in_child("serial", Path(tmp))
        loads.append(os.getloadavg()[0])
        dask = in_child("dask", Path(tmp))
    print(f"{'mode':<28}{'docs':>8}{'claims':>9}{'seconds':>9}{'docs/s':>9}{'MB/s':>7}{'CPU s':>7}{'client peak RSS':>17}")
    for name, r in (("serial (1 process)", serial), (f"dask LocalCluster {WORKERS}x1", dask)):
        print(f"{name:<28}{r['docs']:>8,}{r['claims']:>9,}{r['seconds']:>9.2f}{r['docs'] / r['seconds']:>9.0f}"
              f"{size / 1e6 / r['seconds']:>7.2f}{r['cpu']:>7.1f}{r['client_rss']:>14.0f} MB")
    speedup = serial["seconds"] / dask["seconds"]
    with_startup = serial["seconds"] / (dask["seconds"] + dask["startup"])
    print(f"speed-up {speedup:.2f}x ({with_startup:.2f}x counting the cluster's {dask['startup']:.1f} s start-up); "
          f"{dask['partitions']} partitions; client CPU {dask['client_cpu']:.1f} s; worker peak RSS {', '.join(f'{r:.0f}' for r in dask['workers_rss'])} MB")
    print(f"1-minute load average before each mode: {loads[0]:.1f} / {loads[1]:.1f} on {os.cpu_count()} cores"
          + ("  (other work was running: the ratio understates the cluster)" if max(loads) > 1.0 else ""))
    same = (serial["docs"], serial["claims"], serial["digest"]) == (dask["docs"], dask["claims"], dask["digest"])
    print(f"same claims in both modes: {'yes' if same else 'NO'} (digest {serial['digest']} / {dask['digest']})")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
