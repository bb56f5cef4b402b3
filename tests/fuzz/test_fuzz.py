"""A short fuzz run in every test suite; `make fuzz` runs the long one (scripts/fuzz.py).

hypothesis drives tollbook's generators (tests/fuzz/grammar.py) and the readers: plain
text, files as bytes (decoding, HTML), RSS/Atom feeds and JSON Lines. Any exception other
than a `ReadError`, and any claim outside its text, with low > best or a value JSON cannot
hold, fails. Crashes found by the long run are kept below as regression cases.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz import families, grammar, targets

SHORT = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=False)
REPORTS = grammar.example_reports()
seeds = st.integers(min_value=0, max_value=2**32 - 1)


@SHORT
@given(seeds, st.sampled_from(grammar.PUBLISHED))
def test_grammar_reports(seed: int, published: str | None) -> None:
    targets.extract_text(grammar.report(random.Random(seed)), published)


@SHORT
@given(seeds)
def test_mutated_example_reports(seed: int) -> None:
    r = random.Random(seed)
    targets.extract_text(grammar.mutate(r, r.choice(REPORTS)), r.choice(grammar.PUBLISHED))


@SHORT
@given(st.text(max_size=500))
def test_any_characters(text: str) -> None:
    targets.extract_text(text, "2025-01-27")


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(families.ALL_FAMILIES), st.integers(min_value=1, max_value=6_000))
def test_pathological_families(name: str, size: int) -> None:
    text = families.build(name, size)
    if name == "html_attributes":
        targets.read_file("fuzz.html", text.encode("utf-8"))
    else:
        targets.extract_text(text, "2025-01-27")


@SHORT
@given(seeds, st.sampled_from(["fuzz.txt", "fuzz.html"]), st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1251", "bytes"]))
def test_files_as_bytes(seed: int, name: str, encoding: str) -> None:
    r = random.Random(seed)
    text = grammar.text_input(r, REPORTS, max_family_size=4_000)
    if name.endswith(".html"):
        text = "<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines()) + "</body></html>"
    if encoding == "bytes":
        data = bytes(r.randrange(256) for _ in range(r.randint(0, 400)))
    else:
        data = text.encode(encoding, "replace")
    targets.read_file(name, data)


@SHORT
@given(seeds)
def test_feeds(seed: int) -> None:
    r = random.Random(seed)
    targets.read_feed(grammar.feed(r, [grammar.text_input(r, REPORTS, 3_000) for _ in range(r.randint(0, 3))]))


@SHORT
@given(seeds)
def test_json_lines(seed: int) -> None:
    r = random.Random(seed)
    targets.read_jsonl(grammar.jsonl(r, [grammar.text_input(r, REPORTS, 3_000) for _ in range(r.randint(0, 3))]))


# ---------------------------------------------------------------- regression cases from fuzz runs

REGRESSIONS = [
    ("3 people were killed yesterday.", "0001-01-01"),  # issue 14: date value out of range at the calendar's start
    ("3 people were killed yesterday.", "9999-12-31"),
    ("one hundred and " * 2_000 + "killed", None),  # issue 14: OverflowError converting the value
    ("1 " * 5_000, "2025-01-27"),  # issue 14: thousands of figures in one 'sentence'
]


@pytest.mark.parametrize(("text", "published"), REGRESSIONS, ids=[f"case{i}" for i in range(len(REGRESSIONS))])
def test_regressions(text: str, published: str | None) -> None:
    targets.extract_text(text, published)
