"""A user's lexicon folder ($TOLLBOOK_LEXICONS) adds to the packaged lexicons; it never replaces them."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import pytest

import tollbook
from tollbook.extract import measures, numbers
from tollbook.lexicons import load, merge_lexicon, read_toml

# Every cache built from a lexicon that these tests touch: cleared so each test reads its own folder.
_CACHES = (load, measures._indexes, numbers._grammar)


def _clear() -> None:
    for cached in _CACHES:
        cached.cache_clear()


@pytest.fixture
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("TOLLBOOK_LEXICONS", str(tmp_path))
    _clear()
    yield tmp_path
    monkeypatch.delenv("TOLLBOOK_LEXICONS", raising=False)
    _clear()


def test_three_killed_words_join_the_packaged_ones(user_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (user_dir / "measures.toml").write_text('[measure.killed]\nwords = ["zapped", "felled", "dead"]\n', encoding="utf-8")
    words = load("measures.toml")["measure"]["killed"]["words"]
    monkeypatch.delenv("TOLLBOOK_LEXICONS")
    base = read_toml("measures.toml")["measure"]["killed"]["words"]
    assert "dead" in base
    assert words[:2] == ["zapped", "felled"]  # the user's words first; "dead" is not repeated
    assert len(words) == len(base) + 2 and set(base) <= set(words)
    # the other measures and tables are untouched
    assert load("measures.toml")["measure"]["wounded"] == read_toml("measures.toml")["measure"]["wounded"]


def test_user_and_packaged_words_both_extract(user_dir: Path) -> None:
    (user_dir / "measures.toml").write_text('[measure.killed]\nwords = ["zapped"]\n', encoding="utf-8")
    user = tollbook.extract("Officials said 12 people were zapped in the village.", published="2024-03-01")
    packaged = tollbook.extract("Officials said 40 people were killed in the village.", published="2024-03-01")
    assert [(c.measure, c.low) for c in user] == [("killed", 12)]
    assert [(c.measure, c.low) for c in packaged] == [("killed", 40)]


def test_partial_qualifier_table_keeps_packaged_factors(user_dir: Path) -> None:
    (user_dir / "qualifiers.toml").write_text('[qualifier.more_than]\nbefore = ["north of"]\n', encoding="utf-8")
    table = load("qualifiers.toml")["qualifier"]["more_than"]
    assert table["low_factor"] == 1.0 and table["high_factor"] == "none"
    assert table["before"][0] == "north of" and "more than" in table["before"]
    grammar = numbers._grammar()  # raised KeyError: 'low_factor' when the user's table replaced the packaged one
    assert grammar.factors["more_than"] == (Fraction(1), None)
    [claim] = tollbook.extract("North of 300 soldiers were killed, officials said.", published="2024-03-01")
    assert claim.low == 300 and claim.high is None


def test_user_value_replaces_a_scalar(user_dir: Path) -> None:
    (user_dir / "qualifiers.toml").write_text('[qualifier.more_than]\nlow_factor = 1.1\n', encoding="utf-8")
    assert load("qualifiers.toml")["qualifier"]["more_than"]["low_factor"] == 1.1


def test_merge_rules() -> None:
    base = {"a": {"x": [1, 2], "y": 1}, "b": [{"n": 1}]}
    extra = {"a": {"x": [3, 2], "z": 5}, "b": [{"n": 1}, {"n": 2}], "c": "new"}
    assert merge_lexicon(base, extra) == {"a": {"x": [3, 2, 1], "y": 1, "z": 5}, "b": [{"n": 1}, {"n": 2}], "c": "new"}
    assert base == {"a": {"x": [1, 2], "y": 1}, "b": [{"n": 1}]}  # the packaged data is not mutated
