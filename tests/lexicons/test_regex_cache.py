"""Compiled regular expressions kept between runs: a pattern read back from the cache is the
pattern `re.compile` makes, a second run compiles nothing its first run kept, and a damaged
or stale table changes nothing but speed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tollbook.lexicons import regex_cache
from tollbook.lexicons.regex_cache import _compile_parts, _Kept

PATTERNS = [
    (r"(?P<name>[A-Z][a-z]+)\s+(?:said|told)\b", 0),
    (r"\b(?i:according\s+to)\s+(?P<who>\w+)", 0),
    (r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d)", 0),
    (r"^(?:killed|wounded)$", re.MULTILINE | re.IGNORECASE),
    (r"(a)?(?(1)b|c)", 0),
    (r"(?>ab|a)c", 0),
    (r"x*+y", 0),
    (r"(\w+) \1", re.ASCII),
    (r"[а-яіїєґ]+", re.IGNORECASE),
    (r"(?x) \d+  # digits\n [.,] ", 0),
    ("|".join(f"word{n}" for n in range(300)), 0),
]
TEXTS = ["Kharkiv Governor said 12 were killed", "according to Reuters, 1,200.5 killed\nWOUNDED",
         "bc abc ac aac xxxy the the", "Вбито у Харкові", "word17 word299 word3000", " 12 , 7.5 ."]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_kept_pattern_is_the_pattern_re_makes(pattern: str, flags: int) -> None:
    import _sre

    ordinary = re.compile(pattern, flags)
    kept = _sre.compile(pattern, *_compile_parts(pattern, int(flags)))
    assert (kept.pattern, kept.flags, kept.groups, kept.groupindex) == (
        ordinary.pattern, ordinary.flags, ordinary.groups, ordinary.groupindex)
    for text in TEXTS:
        assert [m.span() + m.groups() for m in kept.finditer(text)] == \
               [m.span() + m.groups() for m in ordinary.finditer(text)]


def test_a_bad_pattern_is_refused_as_re_refuses_it() -> None:
    with pytest.raises(re.error, match="missing \\), unterminated subpattern"):
        _compile_parts("(abc", 0)


# A run that compiles a long alternation (worth keeping) and reports what it read and added.
_RUN = """
import re, sys
from tollbook.lexicons.regex_cache import keep_compiled_regexes
assert keep_compiled_regexes("test")
from re import _compiler
words = "|".join(f"casualty{n}" for n in range(3000))
found = re.compile(rf"\\b(?:{words})\\b").findall("casualty7 and casualty2999, not casualty3000")
kept = _compiler.compile.kept
print(len(kept.table), len(kept.added), found)
"""


def _run(cache: Path) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _RUN], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "TOLLBOOK_CACHE": str(cache)})
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.split(maxsplit=2)


def test_a_second_run_compiles_nothing_the_first_kept(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    table, added, found = _run(cache)
    assert table == "0" and int(added) >= 1
    assert found.strip() == "['casualty7', 'casualty2999']"
    [kept] = cache.glob("regexes-test.*.pickle")
    written = kept.stat().st_mtime_ns
    table, added, again = _run(cache)
    assert int(table) >= 1 and added == "0" and again == found
    assert kept.stat().st_mtime_ns == written, "a run that compiled nothing new leaves the table as it is"


def test_a_damaged_table_is_compiled_afresh(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _, _, found = _run(cache)
    [kept] = cache.glob("regexes-test.*.pickle")
    kept.write_bytes(b"\x80\x05damaged")
    table, added, again = _run(cache)
    assert table == "0" and int(added) >= 1 and again == found
    assert _run(cache)[1] == "0", "and kept again"


def test_an_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert _run(blocker / "cache")[2].strip() == "['casualty7', 'casualty2999']"


def test_patterns_no_run_uses_any_more_are_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_cache, "WORTH_KEEPING", 0.0)
    path = tmp_path / "regexes-test.pickle"
    for n in range(regex_cache.KEPT_FOR + 1):
        run = _Kept(path)
        run.parts(f"pattern{n}", 0)
        run.parts("always", 0)
        run.save()
    # pattern0 was last used KEPT_FOR saves ago: dropped; the others and "always" stay
    assert {pattern for pattern, _ in _Kept(path).table} == {
        "always", *(f"pattern{n}" for n in range(1, regex_cache.KEPT_FOR + 1))}


def test_the_command_keeps_its_regexes_in_its_own_table(tmp_path: Path) -> None:
    report = tmp_path / "small.txt"
    report.write_text("Harbour Wire\nShelling killed 12 people in Kharkiv on Tuesday, officials said.\n",
                      encoding="utf-8")
    cache = tmp_path / "cache"
    outputs = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-m", "tollbook.cli", "extract", str(report), "--json"],
                              capture_output=True, text=True, timeout=180,
                              env={**os.environ, "TOLLBOOK_CACHE": str(cache)})
        assert done.returncode == 0, done.stderr[-2000:]
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] and '"value_text": "12"' in outputs[0]
    assert [p.name.split(".")[0] for p in cache.glob("regexes-*.pickle")] == ["regexes-extract"]
