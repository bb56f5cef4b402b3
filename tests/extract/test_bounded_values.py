"""Exact, bounded values on any text: magnitudes, exact decimals, ordered intervals, offsets
into the caller's text whatever its line ends, dates near the calendar's ends, NULs, and
linear time on runs of figures (issue 14)."""

from __future__ import annotations

import json
import math
import time
import warnings
from fractions import Fraction

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import tollbook
from tollbook.extract.numbers import MAX_COUNT, parse_quantities
from tollbook.extract.times import latest_date_in, parse_reference
from tollbook.lexicons import load

QUALIFIER_CUES = sorted({cue for entry in load("qualifiers.toml")["qualifier"].values() for cue in entry.get("before", [])})
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}
SEPARATORS = [",", " ", "\u202f", "\u00a0"]
LINE_ENDS = ["\n", "\r\n", "\r", "\r\n\r\n", "\n\n", "\r\r"]
NEWS = [
    "Officials said 40 soldiers were killed in Kharkiv on Tuesday.",
    "About 64.6 million people were displaced, the UN said.",
    'He said "more than 300" soldiers died.',
    "More than a third of the approximately 11,000 troops were wounded.",
    "Between 1,200 and 1,500 fighters were captured last week.",
    "Ukraine's General Staff said Russia lost 1,340 personnel (+12) overnight.",
    "Nearly half of the 11,000 soldiers sent were killed or wounded.",
    "Kursk",
    "Russian forces shelled the town.",
]

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
         "seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def in_words(n: int) -> str:
    """English words for 0 <= n < 10**12, the way news writes them ('one hundred and five')."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        return _TENS[n // 10] + (f"-{_UNITS[n % 10]}" if n % 10 else "")
    if n < 1000:
        return f"{_UNITS[n // 100]} hundred" + (f" and {in_words(n % 100)}" if n % 100 else "")
    for size, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        if n >= size:
            rest = n % size
            joiner = " and " if 0 < rest < 100 else " "
            return f"{in_words(n // size)} {name}" + (f"{joiner}{in_words(rest)}" if rest else "")
    raise AssertionError(n)


def with_separators(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@st.composite
def figures(draw: st.DrawFn) -> tuple[str, Fraction]:
    """A figure as news writes it, and its exact value."""
    kind = draw(st.sampled_from(["digits", "separated", "scaled", "words"]))
    if kind == "digits":
        n = draw(st.integers(0, MAX_COUNT))
        return str(n), Fraction(n)
    if kind == "separated":
        n = draw(st.integers(1000, MAX_COUNT))
        return with_separators(n, draw(st.sampled_from(SEPARATORS))), Fraction(n)
    if kind == "scaled":
        whole = draw(st.integers(1, 999))
        decimals = draw(st.text("0123456789", min_size=1, max_size=3))
        scale = draw(st.sampled_from(sorted(SCALES)))
        space = "" if scale in ("k", "m", "bn") else " "
        value = Fraction(f"{whole}.{decimals}") * SCALES[scale]
        return f"{whole}.{decimals}{space}{scale}", value
    n = draw(st.integers(1, 999_999_999))
    return in_words(n), Fraction(n)


@st.composite
def phrases(draw: st.DrawFn) -> str:
    """A number phrase: a figure, maybe qualified, quoted or bracketed, a range, or a fraction of one."""
    first, _ = draw(figures())
    shape = draw(st.sampled_from(["plain", "qualified", "quoted", "range", "fraction", "plus"]))
    if shape == "qualified":
        return f"{draw(st.sampled_from(QUALIFIER_CUES))} {first}"
    if shape == "quoted":
        open_, close = draw(st.sampled_from(['""', "“”", "()", "[]", "''"]))
        return f"{open_}{draw(st.sampled_from(QUALIFIER_CUES))} {first}{close}"
    if shape == "range":
        second, _ = draw(figures())
        return draw(st.sampled_from([f"between {first} and {second}", f"{first} to {second}", f"{first}-{second}"]))
    if shape == "fraction":
        share = draw(st.sampled_from(["a third", "about half", "more than a quarter", "nearly two-thirds", "40%", "up to a fifth"]))
        return f"{share} of the {first}"
    if shape == "plus":
        return f"{first}+"
    return first


def _ordered(low: float | None, best: float | None, high: float | None) -> bool:
    values = [v for v in (low, best, high) if v is not None]
    return values == sorted(values)


@settings(max_examples=400, deadline=None)
@given(phrases(), st.sampled_from(["soldiers were killed", "troops were deployed", "people fled"]))
def test_intervals_are_ordered_and_finite(phrase: str, tail: str) -> None:
    text = f"Officials said {phrase} {tail}."
    for q in parse_quantities(text):
        assert _ordered(q.low, q.best, q.high), (text, q)
    claims = tollbook.extract(text, published="2025-01-27")
    for c in claims:
        assert _ordered(c.low, c.best, c.high), (text, c.value_text, c.low, c.best, c.high)
        assert c.best is None or 0 <= c.best <= MAX_COUNT, (text, c)  # the stated figure; 'about' may reach past it
        assert all(v is None or math.isfinite(v) for v in (c.low, c.best, c.high)), (text, c)
    json.dumps([c.to_dict() for c in claims], allow_nan=False)  # never NaN or Infinity


@settings(max_examples=300, deadline=None)
@given(figures(), st.sampled_from(["", "about ", "more than ", "nearly ", "up to "]))
def test_values_are_exact(figure: tuple[str, Fraction], qualifier: str) -> None:
    text, value = figure
    found = [q for q in parse_quantities(f"{qualifier}{text} soldiers were killed") if q.fraction is None]
    if value > MAX_COUNT:
        assert found == []
        return
    if not found:
        return  # a bare decimal ("0.5 soldiers") or a year is no count; other tests cover those
    assert found[0].best == float(round(value, 2)), (text, found[0])


@pytest.mark.parametrize(("text", "best"), [
    ("64.6 million people were displaced", 64_600_000),
    ("1.1 million people were evacuated", 1_100_000),
    ("0.7 million people fled", 700_000),
    ("2.3k soldiers were killed", 2_300),
    ("4.35 billion people were affected", 4_350_000_000),
])
def test_scaled_decimals_are_exact(text: str, best: int) -> None:
    (q,) = parse_quantities(text)
    assert (q.low, q.best, q.high) == (best, best, best)


@pytest.mark.parametrize("figure", [
    str(MAX_COUNT + 1), "1" * 14, "99,999,999,999", "12 billion", "11,000 million", "10.5 billion",
    "one hundred and " * 5 + "one", "nine hundred and ninety-nine billion",
])
def test_figures_past_the_maximum_are_not_counts(figure: str) -> None:
    assert tollbook.extract(f"Officials said {figure} soldiers were killed.", published="2025-01-27") == []


def test_a_million_digit_number_gives_no_claim_and_no_infinity() -> None:
    text = "Officials said " + "9" * 1_000_000 + " soldiers were killed."
    claims = tollbook.extract(text, published="2025-01-27")
    assert claims == []
    json.dumps([c.to_dict() for c in claims], allow_nan=False)


@pytest.mark.parametrize("share", ["1" * 5000 + "%", "150%", "99999999999999 per cent"])
def test_shares_past_the_whole_are_not_fractions(share: str) -> None:
    claims = tollbook.extract(f"Officials said {share} of the 100 soldiers were killed.", published="2025-01-27")
    assert [c.best for c in claims] == [100]


def test_a_run_of_number_words_is_no_crash() -> None:
    text = "one hundred and " * 50_000 + "killed"
    assert [q for q in parse_quantities(text) if q.best is not None and q.best > MAX_COUNT] == []


@pytest.mark.parametrize(("text", "qualifier", "value_text"), [
    ('He said "more than 300" soldiers died.', "more_than", "more than 300"),
    ("He said “more than 300” soldiers died.", "more_than", "more than 300"),
    ("The brigade lost many soldiers (over 300) in the assault.", "more_than", "over 300"),
    ("The toll rose to [about 40] soldiers killed.", "approximately", "about 40"),
    ("The ministry said at least (40) soldiers were killed.", "at_least", 'at least (40'),  # the span runs from cue to figure
])
def test_qualifiers_inside_quotes_and_brackets_count(text: str, qualifier: str, value_text: str) -> None:
    claims = tollbook.extract(text, published="2025-01-27")
    assert [(c.qualifier, c.value_text) for c in claims] == [(qualifier, value_text)]


def test_a_nul_is_no_separator() -> None:
    claims = tollbook.extract("Officials said 40\x0000 soldiers were killed.", published="2025-01-27")
    assert [c.best for c in claims] == []


_SAID = "Officials said 40 soldiers were killed in Kharkiv on Tuesday."


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.sampled_from(NEWS), st.text(max_size=30)), st.sampled_from(LINE_ENDS)),
                min_size=1, max_size=10))
# a sentence printed twice whose copies differ only in the whitespace a CR left is still one statement
@example([(_SAID, "\n"), (_SAID, "\n"), ("\x1b", "\n"), (_SAID, "\r\n"), ("\x1b", "\n")])
def test_offsets_index_the_callers_text_whatever_its_line_ends(parts: list[tuple[str, str]]) -> None:
    text = "".join(p + end for p, end in parts)
    claims = tollbook.extract(text, published="2025-01-27", language="en")  # random text: English rules, not detection
    for c in claims:
        assert text[c.start:c.end] == c.value_text, (text, c.start, c.end, c.value_text)
    # The same text with LF line ends has the same claims, line ends aside.
    # (converted on the whole text: a part's CR and the next part's LF are one CRLF line end)
    plain = text.replace("\r\n", "\n").replace("\r", "\n")
    assert [c.value_text for c in tollbook.extract(plain, published="2025-01-27", language="en")] == [c.value_text for c in claims]


@pytest.mark.parametrize("published", ["0001-01-01", "0001-01-02", "9999-12-30", "9999-12-31"])
@pytest.mark.parametrize("sentence", [
    "3 people were killed yesterday.", "12 soldiers were killed last week.", "12 soldiers were killed last month.",
    "12 soldiers were killed last year.", "3 soldiers were killed over the weekend.", "3 soldiers were killed on Monday.",
    "Officials expect 300 more killed in the next three months.", "By 31 December, 40 soldiers will have died.",
    "By 29 February, 40 soldiers will be killed.", "Since 5 March, 40 soldiers were killed.",
    "40 soldiers were killed in the past 24 hours.", "By the end of this year, 400 soldiers will have been killed.",
])
def test_dates_near_the_calendars_ends_never_raise(published: str, sentence: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "published ... is in the future"
        claims = tollbook.extract(sentence, published=published)
    assert claims, sentence
    for c in claims:
        for d in (c.date_start, c.date_end):
            assert d is None or "0001-01-01" <= d <= "9999-12-31"


@settings(max_examples=100, deadline=None)
@given(st.dates(), st.sampled_from(["yesterday", "last week", "last month", "last year", "over the weekend",
                                    "in the next two weeks", "on Tuesday", "this year", "early last year"]))
def test_any_reference_date_resolves_or_drops_a_period(day, when: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tollbook.extract(f"Officials expect 30 soldiers were killed {when}.", published=day.isoformat())


def _seconds(fn, *args) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("unit", ["1 ", "one hundred and ", "half of ", "rose from 1 to 2 ", "(over 3) ", "dozens of "])
def test_the_number_grammar_is_linear_on_runs_of_figures(unit: str) -> None:
    n = 4000 // len(unit) * 4
    small, large = _seconds(parse_quantities, unit * n), _seconds(parse_quantities, unit * n * 4)
    assert large < 8 * small + 0.05, f"{unit!r}: {small:.3f}s for {n}, {large:.3f}s for {4 * n}: not linear"


def test_latest_date_in_is_linear() -> None:
    unit = "An update of 24 January 2025 said so; another, filed on March 3, 2024, said less. "
    small, large = _seconds(latest_date_in, unit * 500), _seconds(latest_date_in, unit * 2000)
    assert large < 8 * small + 0.05
    assert latest_date_in(unit * 10) is not None and latest_date_in("word " * 200_000) is None


@pytest.mark.parametrize(("value", "want"), [
    ("2025-01-27T09:00:00Z", "2025-01-27"), ("27 January 2025", "2025-01-27"), ("0001-01-01", "0001-01-01"),
    ("9999-12-31", "9999-12-31"), ("2025-02-30", None), ("Tuesday", None), ("yesterday", None), ("x" * 1_000_000, None),
])
def test_a_publication_date_names_its_year(value: str, want: str | None) -> None:
    got = parse_reference(value)
    assert (got.isoformat() if got else None) == want
