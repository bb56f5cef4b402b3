"""Weak-label agreement: the killed count tollbook reads in a UCDP headline vs the row's `best`.

UCDP codes deaths from article bodies and splits reports into events, so a headline figure
matches `best` in only about a third of rows (shared/corpus/README.md): this is a weak signal
to watch over time, not an accuracy score. The scoring lives in
tollbook.extract.evaluate_real.ucdp_headlines (`tollbook eval --real` prints it too).
Run: python -m benchmarks.bench_ucdp [--show N]
"""

from __future__ import annotations

import argparse

from tollbook.extract.evaluate_real import UCDP_FILE, corpus_dir, ucdp_headlines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=15, help="disagreements to print")
    args = parser.parse_args(argv)
    corpus = corpus_dir()
    if corpus is None or not (corpus / UCDP_FILE).is_file():
        print(f"ucdp weak label: skipped, ../shared/corpus/{UCDP_FILE} not found (../shared is not laid out here)")
        return
    score = ucdp_headlines(corpus / UCDP_FILE)
    rows, found, equal = score.rows, score.with_killed, score.equal_best
    print(f"ucdp weak label: {rows} single-source headlines with a number; a killed claim read in {found} "
          f"({found / rows:.1%}); equal to UCDP best in {equal} ({equal / rows:.1%} of rows, "
          f"{equal / max(found, 1):.1%} of rows with a killed claim)")
    for headline, best, killed in score.disagreements[: args.show]:
        print(f"  best={best:g} read={','.join(f'{k:g}' for k in killed)}  {headline[:110]}")


if __name__ == "__main__":
    main()
