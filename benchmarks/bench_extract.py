"""Extraction throughput and memory, against a regex floor and against quantulum3.

One process builds three corpora in a temporary directory, then runs every
measurement in its own fresh child process (multiprocessing, spawn context) so
that the peak RSS each child reports belongs to that run alone (VmHWM, see
peak_rss_mb for why raw `ru_maxrss` is not enough):

  floor      read the corpus file + one compiled regex pass for numbers
  tollbook   read the corpus file + make_document + extract_document per document
  quantulum3 read a sample of the corpus + quantulum3 `parser.parse` per document

Corpora (MB = 10**6 bytes of UTF-8 text):
  (a) ordinary news    bundled reports interleaved with figure-free filler paragraphs,
                       about one sentence in ten with a digit, packed into 2-4 KB documents
  (b) conflict-dense   the bundled reports alone, repeated; one document per report
  (c) UCDP headlines   `source_headline` of the UCDP GED Ukraine extract, one document
                       per ";"-separated headline (skipped when the file is absent)

Run with `make bench` or `.venv/bin/python -m benchmarks`; see benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing
import random
import re
import resource
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT_GLOBS = (("examples/reports", "*.txt"), ("examples/kursk", "*.txt"))
FILLER = ROOT / "benchmarks" / "data" / "filler_paragraphs.txt"
UCDP_CSV = Path("/work/shared/corpus/ucdp_ged_ukraine/ucdp_ged_ukraine_2014_2023.csv")

MB = 1_000_000
FULL_BYTES = 5 * MB + 50_000  # "at least 5 MB"
QUICK_BYTES = 1 * MB + 10_000
Q3_SAMPLE_BYTES = 120_000
Q3_SAMPLE_BYTES_QUICK = 40_000
PROFILE_BYTES = 1 * MB
TARGET_DIGIT_SHARE = 0.10
SEED = 20241101

# Corpus files hold documents separated by RS; each document's first line is
# "published<TAB>outlet" (either may be empty), the rest is its text.
RS = "\n\x1e\n"
FLOOR_RE = r"\d[\d,.]*"

GOAL_A_MBPS = 5.0
GOAL_B_MBPS = 1.0
GOAL_Q3_RATIO = 100.0
GOAL_RSS_MB = 200.0

WARMUP_TEXT = (
    "Russian losses reach about 700,000, Ukraine's General Staff says\n"
    "At least 12 people were killed and 40 injured in an overnight drone attack on Kharkiv, "
    "the regional governor said on Saturday. Roughly half of the 3,000 displaced are children, "
    "according to the UN. Some 1,200 troops died last week.\n"
)


# --------------------------------------------------------------------------- corpora


@dataclass
class Corpus:
    key: str
    name: str
    path: Path
    docs: int
    nbytes: int
    sentences: int = 0
    digit_sentences: int = 0
    scan_sentences: int = 0
    note: str = ""
    q3_sample: Path | None = None
    q3_bytes: int = 0

    @property
    def digit_share(self) -> float:
        return self.digit_sentences / self.sentences if self.sentences else 0.0

    @property
    def scan_share(self) -> float:
        return self.scan_sentences / self.sentences if self.sentences else 0.0


def _reports() -> list[tuple[str, str, str]]:
    """(text, published, outlet) for every bundled .txt report, in name order."""
    import json

    out = []
    for folder, pattern in REPORT_GLOBS:
        for p in sorted((ROOT / folder).glob(pattern)):
            meta_path = p.with_suffix(".meta.json")
            meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
            out.append((p.read_text(encoding="utf-8").replace("\r\n", "\n").strip(),
                        meta.get("published") or "", meta.get("outlet") or ""))
    return out


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def _sentence_stats(texts: list[str]) -> tuple[int, int, int]:
    """(sentences, sentences with a digit, sentences the tollbook scan keeps), by tollbook's own splitter."""
    from tollbook.extract.scan import has_candidate
    from tollbook.extract.sentences import split_sentences

    n = d = s = 0
    digit = re.compile(r"\d")
    for text in texts:
        for sent in split_sentences(text):
            chunk = text[sent.start:sent.end]
            if not chunk.strip():
                continue
            n += 1
            if digit.search(chunk):
                d += 1
            if has_candidate(chunk):
                s += 1
    return n, d, s


def _write(path: Path, docs: list[tuple[str, str, str]]) -> int:
    body = RS.join(f"{pub}\t{outlet}\n{text}" for text, pub, outlet in docs)
    path.write_text(body, encoding="utf-8")
    return sum(len(t.encode("utf-8")) for t, _, _ in docs)


def _sample(docs: list[tuple[str, str, str]], limit: int) -> list[tuple[str, str, str]]:
    out, total = [], 0
    for d in docs:
        if total >= limit:
            break
        out.append(d)
        total += len(d[0].encode("utf-8"))
    return out


def _finish(key: str, name: str, docs: list[tuple[str, str, str]], tmp: Path, q3_limit: int, note: str = "",
            stats_docs: list[tuple[str, str, str]] | None = None) -> Corpus:
    path = tmp / f"corpus_{key}.txt"
    nbytes = _write(path, docs)
    n, d, s = _sentence_stats([t for t, _, _ in (stats_docs or docs)])
    sample = _sample(docs, q3_limit)
    q3_path = tmp / f"q3_sample_{key}.txt"
    q3_bytes = _write(q3_path, sample)
    return Corpus(key, name, path, len(docs), nbytes, n, d, s, note, q3_path, q3_bytes)


def build_ordinary(reports, target: int, tmp: Path, q3_limit: int) -> Corpus:
    """(a): report paragraphs dealt into shuffled filler so ~10% of sentences hold a digit; 2-4 KB documents."""
    from tollbook.extract.sentences import split_sentences

    rng = random.Random(SEED)
    digit = re.compile(r"\d")

    def counts(p: str) -> tuple[int, int]:
        sents = [p[s.start:s.end] for s in split_sentences(p) if p[s.start:s.end].strip()]
        return len(sents), sum(1 for x in sents if digit.search(x))

    report_paras = [(p, pub, outlet) for text, pub, outlet in reports for p in _paragraphs(text)]
    report_counts = [counts(p) for p, _, _ in report_paras]
    filler = _paragraphs(FILLER.read_text(encoding="utf-8"))
    filler_counts = {p: counts(p)[0] for p in filler}

    docs: list[tuple[str, str, str]] = []
    total = 0
    n_sent = n_digit = 0
    ri = 0
    filler_queue: list[str] = []
    cur: list[str] = []
    cur_bytes = 0
    cur_meta = ("", "")
    doc_target = rng.randint(2000, 4000)
    while total < target:
        if n_digit <= TARGET_DIGIT_SHARE * n_sent:
            para, pub, outlet = report_paras[ri % len(report_paras)]
            s, d = report_counts[ri % len(report_paras)]
            ri += 1
            if not cur_meta[0]:
                cur_meta = (pub, outlet)  # a document is dated like the first report it quotes
        else:
            if not filler_queue:
                filler_queue = filler[:]
                rng.shuffle(filler_queue)  # each pass through the filler in a new order
            para = filler_queue.pop()
            s, d = filler_counts[para], 0
        n_sent += s
        n_digit += d
        cur.append(para)
        cur_bytes += len(para.encode("utf-8")) + 2
        if cur_bytes >= doc_target:
            text = "\n\n".join(cur)
            docs.append((text, cur_meta[0] or "2024-11-01", cur_meta[1] or "Benchmark Wire"))
            total += len(text.encode("utf-8"))
            cur, cur_bytes, cur_meta = [], 0, ("", "")
            doc_target = rng.randint(2000, 4000)
    note = f"{len(report_paras)} report paragraphs dealt into {len(filler)} filler paragraphs"
    return _finish("a", "(a) ordinary news", docs, tmp, q3_limit, note)


def build_dense(reports, target: int, tmp: Path, q3_limit: int) -> Corpus:
    """(b): the bundled reports alone, repeated until the target size; each report one document."""
    docs: list[tuple[str, str, str]] = []
    total = 0
    while total < target:
        for r in reports:
            docs.append(r)
            total += len(r[0].encode("utf-8"))
            if total >= target:
                break
    note = f"{len(reports)} reports x {len(docs) / len(reports):.0f}"
    return _finish("b", "(b) conflict-dense", docs, tmp, q3_limit, note, stats_docs=reports)


def _ucdp_date(value: str) -> str:
    for fmt in ("%m/%d/%Y %I:%M:%S %p", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return ""


def build_ucdp(tmp: Path, q3_limit: int) -> Corpus | None:
    """(c): every ";"-separated source headline as a document, dated by the event's start date."""
    if not UCDP_CSV.exists():
        return None
    docs = []
    with UCDP_CSV.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            pub = _ucdp_date(row.get("date_start") or "")
            for h in (row.get("source_headline") or "").split(";"):
                h = h.strip()
                if h:
                    docs.append((h, pub, ""))
    note = f"{UCDP_CSV.name}, used once (not repeated)"
    return _finish("c", "(c) UCDP headlines", docs, tmp, q3_limit, note)


# --------------------------------------------------------------------------- children


def _ru_maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KB on Linux


def peak_rss_mb() -> float:
    """This process's own peak RSS in MB.

    On Linux, `ru_maxrss` of a spawned child is at least the parent's high-water
    mark at fork time (exec folds the old address space's peak into the child's
    rusage), so a 5 MB-corpus parent would inflate every child. VmHWM in
    /proc/self/status is the peak of the address space created by exec alone;
    `ru_maxrss` is the fallback where /proc is missing.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return _ru_maxrss_mb()


def _read_corpus(path: str) -> list[tuple[str, str, str]]:
    with open(path, encoding="utf-8") as f:
        data = f.read()
    out = []
    for chunk in data.split(RS):
        head, _, text = chunk.partition("\n")
        pub, _, outlet = head.partition("\t")
        out.append((text, pub, outlet))
    return out


def child_idle() -> dict:
    import tollbook.extract  # noqa: F401
    import tollbook.read  # noqa: F401

    return {"rss": peak_rss_mb(), "ru_maxrss": _ru_maxrss_mb()}


def child_floor(path: str) -> dict:
    t0 = time.perf_counter()
    docs = _read_corpus(path)
    pat = re.compile(FLOOR_RE)
    hits = 0
    for text, _, _ in docs:
        for _m in pat.finditer(text):
            hits += 1
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "docs": len(docs), "items": hits, "rss": peak_rss_mb(),
            "ru_maxrss": _ru_maxrss_mb()}


def child_tollbook(path: str) -> dict:
    from tollbook.extract import extract_document
    from tollbook.extract.pipeline import UnsupportedLanguage
    from tollbook.read import make_document

    t0 = time.perf_counter()
    extract_document(make_document(WARMUP_TEXT, published="2024-11-01", outlet="Warmup"))  # loads the lexicons
    warmup = time.perf_counter() - t0
    rss_warm = peak_rss_mb()
    t0 = time.perf_counter()
    docs = _read_corpus(path)
    claims = unread = 0
    for text, pub, outlet in docs:
        try:
            claims += len(extract_document(make_document(text, published=pub or None, outlet=outlet or None)))
        except UnsupportedLanguage:  # a UCDP source field that is a URL or a handle, read as German or Polish:
            unread += 1  # skipped, as `tollbook extract` skips it (one line on stderr, the batch goes on)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "docs": len(docs), "items": claims, "rss": peak_rss_mb(),
            "ru_maxrss": _ru_maxrss_mb(), "rss_warm": rss_warm, "warmup": warmup, "unread": unread}


def child_quantulum(path: str) -> dict:
    import warnings

    warnings.filterwarnings("ignore")
    from quantulum3 import parser

    t0 = time.perf_counter()
    parser.parse(WARMUP_TEXT)
    warmup = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = _read_corpus(path)
    found = 0
    for text, _, _ in docs:
        found += len(parser.parse(text))
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "docs": len(docs), "items": found, "rss": peak_rss_mb(),
            "ru_maxrss": _ru_maxrss_mb(), "warmup": warmup}


def child_profile(path: str, limit: int, top: int) -> dict:
    import cProfile
    import io
    import pstats

    from tollbook.extract import extract_document
    from tollbook.extract.pipeline import UnsupportedLanguage
    from tollbook.read import make_document

    extract_document(make_document(WARMUP_TEXT, published="2024-11-01"))
    docs = _sample(_read_corpus(path), limit)
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    for text, pub, outlet in docs:
        try:
            extract_document(make_document(text, published=pub or None, outlet=outlet or None))
        except UnsupportedLanguage:
            pass
    prof.disable()
    seconds = time.perf_counter() - t0
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    # full paths kept (no strip_dirs) so the regex can pick out tollbook's own files
    stats.sort_stats("cumulative").print_stats(r"[/\\]tollbook[/\\]", top)
    nbytes = sum(len(t.encode("utf-8")) for t, _, _ in docs)
    return {"report": buf.getvalue(), "seconds": seconds, "bytes": nbytes, "docs": len(docs)}


def _child_entry(conn, fn_name: str, args: tuple) -> None:
    try:
        conn.send(("ok", globals()[fn_name](*args)))
    except BaseException:  # report any failure to the parent rather than dying silently
        conn.send(("error", traceback.format_exc()))
    finally:
        conn.close()


def in_child(fn_name: str, *args, timeout: float = 900.0) -> dict:
    """Run one measurement in a fresh spawned interpreter; its peak RSS is its own."""
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child_entry, args=(child, fn_name, args))
    proc.start()
    child.close()
    try:
        if not parent.poll(timeout):
            proc.terminate()
            raise RuntimeError(f"{fn_name} timed out after {timeout:.0f} s")
        status, payload = parent.recv()
    except EOFError:
        raise RuntimeError(f"{fn_name} child died (exit code {proc.exitcode})") from None
    finally:
        proc.join()
    if status != "ok":
        raise RuntimeError(f"{fn_name} failed in the child:\n{payload}")
    return payload


# --------------------------------------------------------------------------- report


@dataclass
class Row:
    name: str
    nbytes: int
    result: dict
    corpus: str = ""
    kind: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def mb(self) -> float:
        return self.nbytes / MB

    @property
    def mbps(self) -> float:
        return self.mb / self.result["seconds"] if self.result["seconds"] else float("inf")


def _fmt_ratio(x: float | None) -> str:
    if x is None:
        return "-"
    if x >= 100:
        return f"{x:,.0f}x"
    if x >= 10:
        return f"{x:.1f}x"
    return f"{x:.2f}x"


def print_table(rows: list[Row], idle_rss: float) -> None:
    floor = {r.corpus: r for r in rows if r.kind == "floor"}
    q3 = {r.corpus: r for r in rows if r.kind == "q3"}
    head = (f"{'run':<38} {'MB':>6} {'seconds':>8} {'MB/s':>8} {'docs/s':>9} {'claims/s':>9} "
            f"{'peakRSS':>8} {'floor/this':>10} {'this/q3':>8}")
    print(head)
    print("-" * len(head))
    print(f"{'idle child (imports tollbook)':<38} {'':>6} {'':>8} {'':>8} {'':>9} {'':>9} {idle_rss:>8.1f}")
    last = None
    for r in rows:
        if last is not None and r.corpus != last:
            print()
        last = r.corpus
        s = r.result["seconds"]
        vs_floor = floor[r.corpus].mbps / r.mbps if r.kind != "floor" and r.corpus in floor else None
        vs_q3 = r.mbps / q3[r.corpus].mbps if r.kind == "tollbook" and r.corpus in q3 else None
        print(f"{r.name:<38} {r.mb:>6.2f} {s:>8.2f} {r.mbps:>8.3f} {r.result['docs'] / s:>9,.0f} "
              f"{r.result['items'] / s:>9,.0f} {r.result['rss']:>8.1f} {_fmt_ratio(vs_floor):>10} "
              f"{_fmt_ratio(vs_q3):>8}")
    print()
    print("MB = 10^6 bytes of UTF-8 text; seconds = wall time (perf_counter) to read the corpus file and process every")
    print("document, after a warm-up call; claims/s counts tollbook claims, regex matches (floor) or quantulum3")
    print("quantities; peakRSS = peak resident MB of the fresh child that ran the line (VmHWM; see below); floor/this")
    print("= how many times slower than the regex floor; this/q3 = how many times faster than quantulum3 on a sample")
    print("of that corpus.")


def print_goals(rows: list[Row]) -> list[tuple[str, bool]]:
    tb = {r.corpus: r for r in rows if r.kind == "tollbook"}
    q3 = {r.corpus: r for r in rows if r.kind == "q3"}
    goals: list[tuple[str, str, bool]] = []
    if "a" in tb:
        goals.append((f">= {GOAL_A_MBPS:g} MB/s on (a) ordinary news", f"{tb['a'].mbps:.2f} MB/s",
                      tb["a"].mbps >= GOAL_A_MBPS))
    if "b" in tb:
        goals.append((f">= {GOAL_B_MBPS:g} MB/s on (b) conflict-dense", f"{tb['b'].mbps:.2f} MB/s",
                      tb["b"].mbps >= GOAL_B_MBPS))
    for key in ("a", "b"):
        if key in tb and key in q3:
            ratio = tb[key].mbps / q3[key].mbps
            goals.append((f">= {GOAL_Q3_RATIO:g}x quantulum3 on {tb[key].extra['corpus_name']}", f"{ratio:.1f}x",
                          ratio >= GOAL_Q3_RATIO))
    if tb:
        worst = max(tb.values(), key=lambda r: r.result["rss"])
        goals.append((f"peak RSS < {GOAL_RSS_MB:g} MB (every tollbook run)",
                      f"{worst.result['rss']:.1f} MB max, {worst.extra['corpus_name']}",
                      worst.result["rss"] < GOAL_RSS_MB))
    print("Goals (reported, not asserted)")
    for text, value, ok in goals:
        print(f"  {'PASS' if ok else 'MISS'}  {text:<46} {value}")
    return [(t, ok) for t, _, ok in goals]


def run(quick: bool = False, profile: bool = False, with_quantulum: bool = True) -> list[tuple[str, bool]]:
    started = time.perf_counter()
    target = QUICK_BYTES if quick else FULL_BYTES
    q3_limit = Q3_SAMPLE_BYTES_QUICK if quick else Q3_SAMPLE_BYTES
    print(f"tollbook extraction benchmark ({'quick, ~1 MB' if quick else 'full, >= 5 MB'} corpora; "
          f"python {sys.version.split()[0]}; each line measured in a fresh spawned process)")
    with tempfile.TemporaryDirectory(prefix="tollbook-bench-") as tmpdir:
        tmp = Path(tmpdir)
        reports = _reports()
        corpora = [build_ordinary(reports, target, tmp, q3_limit), build_dense(reports, target, tmp, q3_limit)]
        ucdp = build_ucdp(tmp, q3_limit)
        if ucdp is None:
            print(f"(c) UCDP headlines: skipped, {UCDP_CSV} not found")
        else:
            corpora.append(ucdp)
        print()
        print("Corpora")
        for c in corpora:
            print(f"  {c.name:<20} {c.nbytes / MB:6.2f} MB  {c.docs:6,d} docs  "
                  f"avg {c.nbytes / c.docs / 1000:5.2f} KB/doc  {c.sentences:,d} sentences"
                  f"{' per pass' if c.key == 'b' else ''}, {c.digit_share:6.1%} with a digit, "
                  f"{c.scan_share:6.1%} kept by the scan  [{c.note}]")
        print()

        if with_quantulum:
            try:
                import importlib.util
                with_quantulum = importlib.util.find_spec("quantulum3") is not None
            except (ImportError, ValueError):
                with_quantulum = False
            if not with_quantulum:
                print("quantulum3 is not installed in this interpreter: its lines and ratios are skipped.")

        idle = in_child("child_idle")
        rows: list[Row] = []
        for c in corpora:
            extra = {"corpus_name": c.name}
            rows.append(Row(f"FLOOR {c.name} regex", c.nbytes, in_child("child_floor", str(c.path)),
                            c.key, "floor", extra))
            rows.append(Row(f"tollbook {c.name}", c.nbytes, in_child("child_tollbook", str(c.path)),
                            c.key, "tollbook", extra))
            if with_quantulum and c.q3_sample is not None:
                rows.append(Row(f"quantulum3 {c.name} sample", c.q3_bytes,
                                in_child("child_quantulum", str(c.q3_sample)), c.key, "q3", extra))
        print_table(rows, idle["rss"])
        print()
        for r in rows:
            if r.kind == "tollbook":
                print(f"  {r.name}: warm-up call {r.result['warmup']:.2f} s, RSS after warm-up "
                      f"{r.result['rss_warm']:.1f} MB, {r.result['items']:,d} claims"
                      + (f", {r.result['unread']:,d} documents in a language with no package not read"
                         if r.result.get("unread") else ""))
        parent_rss = _ru_maxrss_mb()
        print(f"  ru_maxrss as the children saw it (includes the parent's {parent_rss:.1f} MB high-water mark "
              f"inherited through fork+exec): idle {idle['ru_maxrss']:.1f}, "
              + ", ".join(f"{r.kind} {r.corpus} {r.result['ru_maxrss']:.1f}" for r in rows))
        print()
        goals = print_goals(rows)

        if profile:
            dense = next(c for c in corpora if c.key == "b")
            prof = in_child("child_profile", str(dense.path), PROFILE_BYTES, 15)
            print()
            print(f"cProfile of tollbook on {prof['bytes'] / MB:.2f} MB of {dense.name} ({prof['docs']:,d} docs, "
                  f"{prof['seconds']:.2f} s under the profiler): top 15 tollbook functions by cumulative time")
            print(prof["report"].rstrip())
    print()
    print(f"extraction benchmark took {time.perf_counter() - started:.1f} s")
    return goals


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_extract", description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="1 MB corpora instead of 5 MB")
    ap.add_argument("--profile", action="store_true", help="cProfile tollbook on corpus (b), top 15 functions")
    ap.add_argument("--no-quantulum", action="store_true", help="skip the quantulum3 comparison")
    args = ap.parse_args(argv)
    run(quick=args.quick, profile=args.profile, with_quantulum=not args.no_quantulum)
    return 0


if __name__ == "__main__":
    sys.exit(main())
