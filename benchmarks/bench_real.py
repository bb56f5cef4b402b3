"""Real text: the real-set figures of `tollbook eval --real`, and extraction throughput on real text
beside quantulum3 on the same files in the same run.

Throughput corpus: the fetched real-story texts (docs/real_sets.md) plus the MUC-3 reports that
hold answer-key counts (all capitals, wire copy), read from ../shared/corpus. Both extractors
get exactly the same documents; MB/s is per core, by CPU time (time.process_time of this
single-threaded process), after one warm-up call each. tollbook repeats the corpus until it has
spent at least two CPU seconds; quantulum3, about 25 times slower, reads it once.

Run: python -m benchmarks.bench_real [--no-quantulum]   (or `make bench`, suite "real")
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import time
import warnings

from tollbook.extract.evaluate_real import corpus_dir, real_sets, summary_lines, texts_dir

WARMUP = "At least 12 people were killed and 40 injured in the flooding, officials said on Monday."
MIN_CPU_SECONDS = 2.0


def real_corpus() -> list[tuple[str, str | None, str | None]]:
    """(text, published, outlet) of every fetched real-story text and every keyed MUC-3 report."""
    import csv

    docs: list[tuple[str, str | None, str | None]] = []
    corpus, texts = corpus_dir(), texts_dir()
    if corpus is not None and texts is not None:
        with (corpus / "real_stories" / "index.tsv").open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                path = texts / row["file"]
                if path.is_file():
                    docs.append((path.read_text(encoding="utf-8"), row["publication_date"] or None, row["outlet"]))
    if corpus is not None and (corpus / "muc34_dev" / "docs.jsonl").is_file():
        with (corpus / "muc34_dev" / "docs.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                if d["killed"] or d["wounded"]:
                    docs.append((d["text"], None, None))
    return docs


def tollbook_throughput(docs: list[tuple[str, str | None, str | None]]) -> tuple[float, int, float]:
    """(MB per CPU second, claims per pass, CPU seconds spent)."""
    from tollbook.extract.pipeline import extract_document
    from tollbook.read import make_document

    extract_document(make_document(WARMUP))
    nbytes = sum(len(t.encode("utf-8")) for t, _, _ in docs)
    passes = claims = 0
    started = time.process_time()
    while True:
        n = 0
        for text, published, outlet in docs:
            n += len(extract_document(make_document(text, published=published, outlet=outlet)))
        passes += 1
        claims = n
        spent = time.process_time() - started
        if spent >= MIN_CPU_SECONDS:
            return passes * nbytes / spent / 1e6, claims, spent


def quantulum_throughput(docs: list[tuple[str, str | None, str | None]]) -> tuple[float, int, float]:
    """(MB per CPU second, quantities found, CPU seconds spent), one pass."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "classifier dependencies not installed": it runs without them
        from quantulum3 import parser

        parser.parse(WARMUP)
        nbytes = sum(len(t.encode("utf-8")) for t, _, _ in docs)
        started = time.process_time()
        found = sum(len(parser.parse(text)) for text, _, _ in docs)
        spent = time.process_time() - started
    return nbytes / spent / 1e6, found, spent


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-quantulum", action="store_true", help="skip the quantulum3 comparison")
    args = ap.parse_args(argv)
    if corpus_dir() is None:
        print("real sets: skipped, ../shared/corpus is not laid out here")
        return
    for line in summary_lines(real_sets()):
        print(line)
    docs = real_corpus()
    if not docs:
        print("throughput on real text: skipped, no real texts found")
        return
    nbytes = sum(len(t.encode("utf-8")) for t, _, _ in docs)
    stories = sum(1 for _, _, outlet in docs if outlet is not None)
    print(f"throughput on real text: {len(docs)} documents ({stories} real-story texts, {len(docs) - stories} "
          f"MUC-3 keyed reports), {nbytes / 1e6:.3f} MB")
    mbps, claims, spent = tollbook_throughput(docs)
    print(f"  tollbook    {mbps:7.3f} MB/s per core (CPU time {spent:.1f} s), {claims} claims per pass")
    if args.no_quantulum or importlib.util.find_spec("quantulum3") is None:
        print("  quantulum3  skipped (--no-quantulum, or not installed in this interpreter)")
        return
    q_mbps, found, q_spent = quantulum_throughput(docs)
    print(f"  quantulum3  {q_mbps:7.3f} MB/s per core (CPU time {q_spent:.1f} s), {found} quantities")
    print(f"  tollbook is {mbps / q_mbps:.1f}x quantulum3 on the same documents")


if __name__ == "__main__":
    main()
