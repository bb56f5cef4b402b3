"""Real text: the real-set figures of `tollbook eval --real`, and extraction throughput on real text
beside quantulum3 on the same files in the same run, with each extractor's peak memory.

Throughput corpus: the fetched real-story texts (docs/real_sets.md: news articles on wars and
disasters, dense in figures), the MUC-3 reports that hold answer-key counts (all capitals, wire
copy), read from ../shared/corpus, the fetched pages of ordinary news (sport, business, science, local
politics: issue 16's "ordinary real news", chosen for holding no casualty figure, so that every claim read
there is a misreading), and the fetched real articles in Ukrainian and Russian
(tests/gold/real_uk, real_ru; quantulum3 reads English only, so its figure there is a speed, not a
like-for-like reading). Both extractors get exactly the same documents. Each runs in a
fresh spawned interpreter, so its peak RSS (VmHWM) is its own, imports, lexicons and corpus
included. MB/s is per core, by CPU time (time.process_time of that single-threaded process), after
one warm-up call. tollbook repeats each set until it has spent at least two CPU seconds on it;
quantulum3, tens of times slower, reads each set once.

Run: python -m benchmarks.bench_real [--no-quantulum]   (or `make bench`, suite "real")
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import time
import warnings

from benchmarks.bench_extract import peak_rss_mb
from tollbook.extract.evaluate_real import LANGUAGE_SETS, corpus_dir, language_set_dir, load_index, real_sets, summary_lines, texts_dir

WARMUP = "At least 12 people were killed and 40 injured in the flooding, officials said on Monday."
MIN_CPU_SECONDS = 2.0
STORIES, MUC, ORDINARY = "real stories", "MUC-3 keyed reports", "ordinary real news"
# issue 16's goals on real text (reported, not asserted): conflict news is its "conflict-dense" figure
GOAL_MBPS, GOAL_X_Q3, GOAL_RSS_MB = 2.0, 300.0, 150.0
GOAL_ORDINARY_MBPS = 5.0

Doc = tuple[str, str | None, str | None]


def real_corpus() -> dict[str, list[Doc]]:
    """(text, published, outlet) of every fetched real-story text and every keyed MUC-3 report, by set."""
    import csv

    sets: dict[str, list[Doc]] = {STORIES: [], MUC: []}
    corpus, texts = corpus_dir(), texts_dir()
    if corpus is not None and texts is not None:
        with (corpus / "real_stories" / "index.tsv").open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                path = texts / row["file"]
                if path.is_file():
                    sets[STORIES].append((path.read_text(encoding="utf-8"), row["publication_date"] or None, row["outlet"]))
    if corpus is not None and (corpus / "muc34_dev" / "docs.jsonl").is_file():
        with (corpus / "muc34_dev" / "docs.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                if d["killed"] or d["wounded"]:
                    sets[MUC].append((d["text"], None, None))
    ordinary = texts_dir("ordinary_news")  # pages of ordinary news, fetched as docs/real_sets.md says
    if ordinary is not None:
        sets[ORDINARY] = [(path.read_text(encoding="utf-8"), None, None) for path in sorted(ordinary.glob("*.txt"))]
    for name, language in LANGUAGE_SETS.items():
        folder, fetched = language_set_dir(name), texts_dir(name)
        if folder is not None and fetched is not None:
            sets[f"real {language} articles"] = [
                ((fetched / row["file"]).read_text(encoding="utf-8"), row["publication_date"] or None, row["outlet"])
                for row in load_index(folder) if (fetched / row["file"]).is_file()]
    return {name: docs for name, docs in sets.items() if docs}


def _nbytes(docs: list[Doc]) -> int:
    return sum(len(t.encode("utf-8")) for t, _, _ in docs)


def child_tollbook() -> dict:
    """In a fresh interpreter: per set, (MB per CPU second, claims per pass, CPU seconds); the peak RSS."""
    from tollbook.extract.pipeline import extract_document
    from tollbook.read import make_document

    extract_document(make_document(WARMUP))
    out: dict = {"sets": {}}
    for name, docs in real_corpus().items():
        passes = 0
        started = time.process_time()
        while True:
            claims = sum(len(extract_document(make_document(t, published=p, outlet=o))) for t, p, o in docs)
            passes += 1
            spent = time.process_time() - started
            if spent >= MIN_CPU_SECONDS:
                break
        out["sets"][name] = (passes * _nbytes(docs) / spent / 1e6, claims, spent)
    out["rss"] = peak_rss_mb()
    return out


def child_quantulum() -> dict:
    """In a fresh interpreter: per set, (MB per CPU second, quantities found, CPU seconds), one pass; the peak RSS."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "classifier dependencies not installed": it runs without them
        from quantulum3 import parser

        parser.parse(WARMUP)
        out: dict = {"sets": {}}
        for name, docs in real_corpus().items():
            started = time.process_time()
            found = sum(len(parser.parse(t)) for t, _, _ in docs)
            spent = time.process_time() - started
            out["sets"][name] = (_nbytes(docs) / spent / 1e6, found, spent)
    out["rss"] = peak_rss_mb()
    return out


def _in_child(fn_name: str) -> dict:
    """One measurement in a fresh spawned interpreter (see bench_extract.in_child)."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        return pool.apply(_call, (fn_name,))


def _call(fn_name: str) -> dict:
    return globals()[fn_name]()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-quantulum", action="store_true", help="skip the quantulum3 comparison")
    args = ap.parse_args(argv)
    if corpus_dir() is None:
        print("real sets: skipped, ../shared/corpus is not laid out here")
        return
    for line in summary_lines(real_sets()):
        print(line)
    sets = real_corpus()
    if not sets:
        print("throughput on real text: skipped, no real texts found")
        return
    print("throughput on real text, MB/s per core by CPU time, each extractor in a fresh process:")
    ours = _in_child("child_tollbook")
    q3 = None
    if args.no_quantulum or importlib.util.find_spec("quantulum3") is None:
        print("  (quantulum3 skipped: --no-quantulum, or not installed in this interpreter)")
    else:
        q3 = _in_child("child_quantulum")
    print(f"  {'set':24s} {'docs':>5s} {'MB':>6s} {'tollbook':>9s} {'claims':>7s} {'quantulum3':>11s} {'found':>6s} {'ratio':>7s}")
    for name, docs in sets.items():
        mbps, claims, _ = ours["sets"][name]
        q_mbps, found, _ = q3["sets"][name] if q3 else (None, None, None)
        print(f"  {name:24s} {len(docs):5d} {_nbytes(docs) / 1e6:6.3f} {mbps:9.3f} {claims:7d} "
              + (f"{q_mbps:11.3f} {found:6d} {mbps / q_mbps:6.1f}x" if q_mbps else f"{'-':>11s} {'-':>6s} {'-':>7s}"))
    print(f"  peak RSS: tollbook {ours['rss']:.1f} MB" + (f", quantulum3 {q3['rss']:.1f} MB" if q3 else "")
          + " (VmHWM of each process: interpreter, imports, lexicons and corpus)")
    stories = ours["sets"].get(STORIES)
    if stories is not None:
        print("  goals (issue 16, reported, not asserted):")
        print(f"    {'PASS' if stories[0] >= GOAL_MBPS else 'MISS'}  {f'>= {GOAL_MBPS:g} MB/s on real conflict news':36s} "
              f"{stories[0]:.3f} MB/s")
        if q3:
            ratio = stories[0] / q3["sets"][STORIES][0]
            print(f"    {'PASS' if ratio >= GOAL_X_Q3 else 'MISS'}  {f'>= {GOAL_X_Q3:g}x quantulum3 on them':36s} {ratio:.1f}x")
        print(f"    {'PASS' if ours['rss'] < GOAL_RSS_MB else 'MISS'}  {f'peak RSS < {GOAL_RSS_MB:g} MB':36s} {ours['rss']:.1f} MB")
    ordinary = ours["sets"].get(ORDINARY)
    if ordinary is not None:
        print(f"    {'PASS' if ordinary[0] >= GOAL_ORDINARY_MBPS else 'MISS'}  "
              f"{f'>= {GOAL_ORDINARY_MBPS:g} MB/s on ordinary real news':36s} {ordinary[0]:.3f} MB/s")
        print(f"    (its {len(sets[ORDINARY])} pages were chosen for holding no casualty figure: each of its "
              f"{ordinary[1]} claims is a misreading)")


if __name__ == "__main__":
    main()
