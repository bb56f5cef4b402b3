"""Gazetteer look-up: why tollbook does not run spaCy over sentences.

The places lexicon (14,000+ aliases) looked up in the bundled reports' sentences by
spaCy's tokenizer + PhraseMatcher (attr LOWER) and by tollbook's folded Aho-Corasick
`PhraseIndex`, in the same run, with the same matches expected.
Run: python -m benchmarks.bench_lookup [--quick]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_lookup", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = ap.parse_args(argv)

    import spacy
    from spacy.matcher import PhraseMatcher

    from tollbook.extract.sentences import split_sentences
    from tollbook.lexicons import PhraseIndex, fold, read_csv

    aliases = sorted({r["alias"] for r in read_csv("places.csv")})
    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("PLACE", list(nlp.tokenizer.pipe(aliases)))
    index = PhraseIndex((a, a) for a in aliases)

    sentences = []
    for path in sorted(EXAMPLES.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences += [text[s.start:s.end] for s in split_sentences(text)]
    sentences *= 20 if args.quick else 100

    started = time.perf_counter()
    spacy_hits = sum(len(matcher(nlp.tokenizer(s))) for s in sentences)
    spacy_s = time.perf_counter() - started
    started = time.perf_counter()
    ours_hits = sum(len(index.find(s, fold(s))) for s in sentences)
    ours_s = time.perf_counter() - started
    n = len(sentences)
    print(f"places lexicon: {len(aliases):,} aliases; {n:,} sentences")
    print(f"  spaCy tokenizer + PhraseMatcher   {spacy_s / n * 1e6:7.1f} us/sentence   {spacy_hits:,} matches (overlaps kept)")
    print(f"  tollbook PhraseIndex (folded A-C)  {ours_s / n * 1e6:7.1f} us/sentence   {ours_hits:,} matches (longest kept)")
    print(f"  tollbook is {spacy_s / ours_s:.1f}x faster per lexicon per sentence (it runs about ten lexicons a sentence)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
