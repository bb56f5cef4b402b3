"""The pathological text families of issue 14, built to any size from the repository's own text.

Shared by the linear-time tests, the fuzz tests and `scripts/fuzz.py`: each family is a
shape of input that once made a step cost more than the text's length (one huge line,
thousands of figures in one "sentence", a page of names with no figure, huge attributes).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "examples" / "reports"
FILLER = ROOT / "benchmarks" / "data" / "filler_paragraphs.txt"


@functools.cache
def paragraphs() -> tuple[str, ...]:
    """Report paragraphs (with figures) and filler paragraphs (without), in a fixed order."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(REPORTS.glob("*.txt"))] + [FILLER.read_text(encoding="utf-8")]
    return tuple(p.strip() for t in texts for p in re.split(r"\n\s*\n", t) if p.strip())


@functools.cache
def sentences() -> tuple[str, ...]:
    return tuple(s for p in paragraphs() for s in re.split(r"(?<=[.!?])\s+", p) if len(s) > 20 and "\n" not in s)


def _fill(parts: tuple[str, ...] | list[str], size: int, sep: str) -> str:
    out, total, i = [], 0, 0
    while total < size:
        part = parts[i % len(parts)]
        out.append(part)
        total += len(part) + len(sep)
        i += 1
    return sep.join(out)


def build(name: str, size: int) -> str:
    """About `size` characters of the family `name`."""
    if name == "digits_and_spaces":  # "1 " * n: every other character a figure
        return "1 " * max(1, size // 2)
    if name == "one_line_sentences":
        return _fill(sentences(), size, " ")
    if name == "one_line_no_punctuation":
        words = " ".join(paragraphs()).replace(".", "").replace(",", "").replace("\n", " ").split()
        return _fill(words, size, " ")
    if name == "emoji_sentences":  # an emoji after each full stop hides the next sentence's capital
        return _fill([s + " \U0001F4A5" for s in sentences()], size, " ")
    if name == "news_paragraphs":
        return _fill(paragraphs(), size, "\n\n")
    if name == "claimants_no_figures":  # names and speech verbs everywhere, not one figure
        return _fill(["the United Nations said Russian forces told the BBC and the General Staff reported"], size, " ")
    if name == "actors_and_figures":
        return _fill(["Russian forces said Ukrainian troops killed", "12", "soldiers and the ministry said"], size, " ")
    if name == "number_words":  # the grammar's longest phrase, repeated
        return "one hundred and " * max(1, size // 16) + "killed"
    if name == "html_attributes":  # 2 KB attributes on every paragraph
        attr = "x" * 2000
        paras = sentences()
        body = "".join(f'<p class="story" data-track="{attr}">{paras[i % len(paras)]}</p>\n'
                       for i in range(max(1, size // 2100)))
        return f"<html><head><title>Report</title></head><body><article>{body}</article></body></html>"
    raise KeyError(name)


TEXT_FAMILIES = ("digits_and_spaces", "one_line_sentences", "one_line_no_punctuation", "emoji_sentences",
                 "news_paragraphs", "claimants_no_figures", "actors_and_figures")
ALL_FAMILIES = TEXT_FAMILIES + ("number_words", "html_attributes")

# 1x sizes for the call-count test: a few capped sentences at least, small enough to profile quickly
PROBE_SIZE = {"digits_and_spaces": 4_000, "one_line_sentences": 8_000, "one_line_no_punctuation": 8_000,
              "emoji_sentences": 8_000, "news_paragraphs": 8_000, "claimants_no_figures": 8_000,
              "actors_and_figures": 6_000}


