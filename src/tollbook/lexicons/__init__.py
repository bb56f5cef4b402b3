"""Load the packaged rule data once and index it for fast phrase lookup.

The data files beside this module are the lexicons (TOML/CSV); this module only
reads them. `PhraseIndex` finds whole-word, case-insensitive phrase matches with an
Aho-Corasick automaton: one pass over a sentence finds every alias of every entry,
which keeps gazetteers of thousands of names off the hot path's cost.
"""

from __future__ import annotations

import csv
import functools
import os
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any, Generic, TypeVar

import ahocorasick

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    start: int
    end: int
    value: T
    text: str


class PhraseIndex(Generic[T]):
    """Whole-word phrase lookup; the longest match wins where matches overlap."""

    def __init__(self, phrases: Iterable[tuple[str, T]], case_sensitive: Iterable[tuple[str, T]] = ()) -> None:
        self._auto = ahocorasick.Automaton()
        for phrase, value in phrases:
            key = phrase.lower().strip()
            if key and key not in self._auto:
                self._auto.add_word(key, (len(key), value))
        self._exact = ahocorasick.Automaton()
        for phrase, value in case_sensitive:
            if phrase and phrase not in self._exact:
                self._exact.add_word(phrase, (len(phrase), value))
        self._auto.make_automaton() if len(self._auto) else None
        self._exact.make_automaton() if len(self._exact) else None

    def find(self, text: str, lowered: str | None = None) -> list[Match[T]]:
        """Non-overlapping whole-word matches in text order."""
        lowered = lowered if lowered is not None else text.lower()
        found = list(self._scan(self._auto, lowered, text)) + list(self._scan(self._exact, text, text))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[Match[T]] = []
        for m in found:
            if kept and m.start < kept[-1].end:
                if (m.end - m.start) > (kept[-1].end - kept[-1].start):
                    kept[-1] = m
                continue
            kept.append(m)
        return kept

    @staticmethod
    def _scan(auto: ahocorasick.Automaton, haystack: str, text: str) -> Iterator[Match[T]]:
        if not len(auto) or auto.kind != ahocorasick.AHOCORASICK:
            return
        n = len(haystack)
        for end_idx, (length, value) in auto.iter(haystack):
            start, end = end_idx - length + 1, end_idx + 1
            if start > 0 and (haystack[start - 1].isalnum() or haystack[start - 1] in "_"):
                continue
            if end < n and (haystack[end].isalnum() or haystack[end] == "_"):
                continue
            yield Match(start, end, value, text[start:end])


def _data_path(name: str) -> Any:
    return resources.files(__package__).joinpath(name)


def read_toml(name: str) -> dict[str, Any]:
    """A packaged TOML lexicon; with $TOLLBOOK_LEXICONS, a user file of the same name is merged on top."""
    with _data_path(name).open("rb") as fh:
        data = tomllib.load(fh)
    extra_dir = os.environ.get("TOLLBOOK_LEXICONS")
    if extra_dir:
        extra = os.path.join(extra_dir, name)
        if os.path.isfile(extra):
            with open(extra, "rb") as fh:
                for key, value in tomllib.load(fh).items():
                    if isinstance(value, list) and isinstance(data.get(key), list):
                        data[key] = value + data[key]  # user entries first: they win ties
                    elif isinstance(value, dict) and isinstance(data.get(key), dict):
                        data[key] = {**data[key], **value}
                    else:
                        data[key] = value
    return data


def read_csv(name: str) -> list[dict[str, str]]:
    with _data_path(name).open("r", encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


@functools.cache
def load(name: str) -> dict[str, Any]:
    """Cached TOML lexicon by file name."""
    return read_toml(name)
