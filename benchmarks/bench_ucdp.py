"""Weak-label agreement: the killed count tollbook reads in a UCDP headline vs the row's `best`.

UCDP codes deaths from article bodies and splits reports into events, so a headline figure
matches `best` in only about a third of rows (shared/corpus/README.md): this is a weak signal
to watch over time, not an accuracy score. Run: python -m benchmarks.bench_ucdp [--show N]
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

from tollbook.extract.pipeline import extract_document
from tollbook.read import make_document

CSV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ucdp_ged_ukraine" / "ucdp_ged_ukraine_single_source_numeric_headline.csv"


def _iso(day_first: str) -> str | None:
    m = re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})", day_first or "")
    return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}" if m else None


def agreement(path: Path = CSV) -> tuple[int, int, int, list[tuple[str, float, list[float]]]]:
    """(rows, rows with a killed claim, rows whose killed best equals UCDP best, disagreements)."""
    rows = found = equal = 0
    disagreements: list[tuple[str, float, list[float]]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            rows += 1
            headline = row["source_headline"]
            doc = make_document(headline, published=_iso(row["source_date"]), outlet=row["source_office"])
            killed = [c.best for c in extract_document(doc) if c.measure == "killed" and c.best is not None]
            if not killed:
                continue
            found += 1
            best = float(row["best"])
            if best in killed:
                equal += 1
            else:
                disagreements.append((headline, best, killed))
    return rows, found, equal, disagreements


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=15, help="disagreements to print")
    args = parser.parse_args(argv)
    if not CSV.is_file():
        print(f"ucdp weak label: skipped, {CSV} not found (../shared is not laid out here)")
        return
    rows, found, equal, disagreements = agreement()
    print(f"ucdp weak label: {rows} single-source headlines with a number; a killed claim read in {found} "
          f"({found / rows:.1%}); equal to UCDP best in {equal} ({equal / rows:.1%} of rows, "
          f"{equal / max(found, 1):.1%} of rows with a killed claim)")
    for headline, best, killed in disagreements[: args.show]:
        print(f"  best={best:g} read={','.join(f'{k:g}' for k in killed)}  {headline[:110]}")


if __name__ == "__main__":
    main()
