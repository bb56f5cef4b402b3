"""`make fuzz`: a long fuzz run over tollbook.extract, check and the readers.

    .venv/bin/python scripts/fuzz.py [--count 1000000] [--seed N] [--max-size 20000] [--out .cache/fuzz]
    .venv/bin/python scripts/fuzz.py --engine atheris [--count N]   # coverage-guided, when atheris is installed

The inputs come from tests/fuzz/grammar.py (grammar reports, mutated example reports, the
pathological families of issue 14, raw characters), fed in turn to the text, file, HTML,
feed and JSON Lines targets of tests/fuzz/targets.py. A crash (any exception but a
ReadError, or a claim breaking a property) and a slow input (over 1 s per 100 KB, and over
1 s) are saved with their traceback under --out (.cache/ is git-ignored). The run prints
inputs tried, crashes, and the slowest input per MB, every --every seconds and at the end.
Exit status 1 when anything crashed.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import signal
import sys
import time
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fuzz import grammar, targets  # noqa: E402

TARGETS = ("text", "file", "html", "feed", "jsonl")
SLOW_PER_100KB = 1.0  # seconds: issue 14's bound
MIN_SIZE_FOR_RATE = 10_000  # bytes: below this the fixed cost of a call swamps the rate


class Hang(Exception):
    """An input ran past the per-input alarm."""


@dataclass
class Tally:
    tried: int = 0
    crashes: int = 0
    slow: int = 0
    bytes: int = 0
    slowest_rate: tuple[float, int, str] = (0.0, 0, "")  # (seconds per MB, size, saved name)
    slowest: tuple[float, int, str] = (0.0, 0, "")  # (seconds, size, saved name)
    kinds: dict[str, int] = field(default_factory=dict)

    def line(self, started: float) -> str:
        elapsed = time.monotonic() - started
        rate, size, name = self.slowest_rate
        secs, ssize, sname = self.slowest
        return (f"{self.tried:,} inputs ({self.bytes / 1e6:,.1f} MB) in {elapsed:,.0f} s; crashes {self.crashes}; "
                f"slow {self.slow}; slowest per MB {rate:.2f} s/MB ({size:,} B{', ' + name if name else ''}); "
                f"slowest {secs:.2f} s ({ssize:,} B{', ' + sname if sname else ''})")


def make_input(r: random.Random, target: str, reports: list[str], max_size: int) -> tuple[str | bytes, str | None]:
    """(input, published) for one target."""
    if target == "text":
        return grammar.text_input(r, reports, max_size), r.choice(grammar.PUBLISHED)
    if target in ("file", "html"):
        text = grammar.text_input(r, reports, max_size)
        if target == "html":
            text = "<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines()) + "</body></html>"
        encoding = r.choice(["utf-8", "utf-8", "utf-16", "latin-1", "cp1251", "utf-8-sig"])
        return text.encode(encoding, "replace"), None
    texts = [grammar.text_input(r, reports, max_size // 4) for _ in range(r.randint(0, 4))]
    return (grammar.feed(r, texts) if target == "feed" else grammar.jsonl(r, texts)), None


def run_one(target: str, data: str | bytes, published: str | None) -> None:
    if target == "text":
        targets.extract_text(data, published)  # type: ignore[arg-type]
    elif target == "file":
        targets.read_file("fuzz.txt", data)  # type: ignore[arg-type]
    elif target == "html":
        targets.read_file("fuzz.html", data)  # type: ignore[arg-type]
    elif target == "feed":
        targets.read_feed(data)  # type: ignore[arg-type]
    else:
        targets.read_jsonl(data)  # type: ignore[arg-type]


def save(out: Path, kind: str, target: str, data: str | bytes, published: str | None, note: str) -> str:
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    digest = hashlib.sha256(raw).hexdigest()[:16]
    folder = out / kind
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{target}-{digest}.bin"
    path.write_bytes(raw)
    path.with_suffix(".txt").write_text(f"target: {target}\npublished: {published!r}\n\n{note}", encoding="utf-8")
    return str(path)


def _alarm(signum, frame) -> None:  # noqa: ANN001
    raise Hang()


def run_loop(args: argparse.Namespace) -> int:
    r = random.Random(args.seed)
    reports = grammar.example_reports()
    out = Path(args.out)
    tally = Tally()
    started = last = time.monotonic()
    signal.signal(signal.SIGALRM, _alarm)
    for target in TARGETS:  # lexicons and parsers load once, before any input is timed
        run_one(target, *make_input(random.Random(0), target, reports, 1_000))
    started = last = time.monotonic()
    print(f"fuzzing {args.count:,} inputs (seed {args.seed}, targets {', '.join(TARGETS)}); crashes go to {out}/", flush=True)
    for i in range(args.count):
        target = TARGETS[i % len(TARGETS)]
        data, published = make_input(r, target, reports, args.max_size)
        size = len(data.encode("utf-8", "surrogatepass")) if isinstance(data, str) else len(data)
        t0 = time.process_time()  # the input's own cost: a busy machine must not make inputs look slow
        signal.alarm(args.timeout)
        try:
            run_one(target, data, published)
            failure = None
        except Hang:
            failure = f"hang: over {args.timeout} s"
        except Exception:  # noqa: BLE001 - any exception a target lets out is the finding
            failure = traceback.format_exc()
        finally:
            signal.alarm(0)
        seconds = time.process_time() - t0
        tally.tried += 1
        tally.bytes += size
        if failure is not None:
            tally.crashes += 1
            name = save(out, "crashes", target, data, published, failure)
            print(f"CRASH ({target}, {size:,} B) saved as {name}: {failure.strip().splitlines()[-1]}", flush=True)
        if seconds > max(1.0, SLOW_PER_100KB * size / 100_000):
            tally.slow += 1
            name = save(out, "slow", target, data, published, f"{seconds:.2f} s for {size:,} bytes")
            print(f"SLOW ({target}, {size:,} B, {seconds:.2f} s) saved as {name}", flush=True)
        if size >= MIN_SIZE_FOR_RATE and seconds / (size / 1e6) > tally.slowest_rate[0]:
            tally.slowest_rate = (seconds / (size / 1e6), size, target)
        if seconds > tally.slowest[0]:
            tally.slowest = (seconds, size, target)
        if time.monotonic() - last >= args.every:
            last = time.monotonic()
            print(tally.line(started), flush=True)
    print(tally.line(started), flush=True)
    return 1 if tally.crashes else 0


def run_atheris(args: argparse.Namespace) -> int:
    """Coverage-guided: atheris mutates bytes; they are read as a text, a file and a JSON Lines dump."""
    try:
        import atheris
    except ImportError:
        print("atheris is not installed here (pip install atheris); use the default engine", file=sys.stderr)
        return 2
    import tollbook.read  # noqa: F401 - loaded before instrumenting, like the targets

    atheris.instrument_all()  # tollbook is imported already (by the targets), so instrument what is loaded

    def one_input(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        text = fdp.ConsumeUnicodeNoSurrogates(len(data))
        targets.extract_text(text, "2025-01-27")
        targets.read_file("fuzz.txt", data)

    Path(args.out).mkdir(parents=True, exist_ok=True)
    atheris.Setup([sys.argv[0], f"-runs={args.count}", f"-max_len={args.max_size}", "-len_control=0", f"-seed={args.seed}",
                   f"-artifact_prefix={args.out}/atheris-"], one_input)
    atheris.Fuzz()
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="scripts/fuzz.py", description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=1_000_000, help="inputs to generate (default 1,000,000)")
    ap.add_argument("--seed", type=int, default=int(time.time()), help="random seed (default: the clock)")
    ap.add_argument("--max-size", type=int, default=20_000, help="largest family input in characters")
    ap.add_argument("--timeout", type=int, default=60, help="seconds before an input counts as a hang")
    ap.add_argument("--every", type=float, default=30.0, help="seconds between progress lines")
    ap.add_argument("--out", default=str(ROOT / ".cache" / "fuzz"), help="where crashes and slow inputs are saved")
    ap.add_argument("--engine", choices=("generators", "atheris"), default="generators")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")  # "published is in the future" and feedparser's notices are expected here
    return run_atheris(args) if args.engine == "atheris" else run_loop(args)


if __name__ == "__main__":
    raise SystemExit(main())
