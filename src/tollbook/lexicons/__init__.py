"""Load the packaged rule data once and index it for fast phrase lookup.

The data files beside this module are the language-neutral lexicons (TOML/CSV: the
measure registry, claimants, places, belligerents); each language package
(tollbook/lang/<code>/) holds its words, laid over them by `load(name, lang)`. This module
only reads them. `PhraseIndex` finds whole-word, case-insensitive phrase matches with an
Aho-Corasick automaton: one pass over a sentence finds every alias of every entry,
which keeps gazetteers of thousands of names off the hot path's cost.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import importlib
import os
import pickle
import sys
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import ahocorasick

from tollbook.lang import DEFAULT_LANGUAGE, current, language_files

T = TypeVar("T")
C = TypeVar("C")


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    start: int
    end: int
    value: T
    text: str


# Every character that is not a letter or digit becomes a space, one for one, so offsets in the
# folded text are offsets in the original and " phrase " can only match at word boundaries.
_FOLD = {i: " " for i in range(0x250) if not chr(i).isalnum()} | {
    ord(c): " " for c in "\u2018\u2019\u201c\u201d\u2013\u2014\u2010\u2011\u2026\u00ab\u00bb\u00b7\u2022"}


# Identifies the folding table, so text folded and kept (a compiled gazetteer) is redone when it changes.
FOLD_SIGNATURE = hashlib.sha256(repr(sorted(_FOLD.items())).encode()).hexdigest()[:12]


def fold(text: str) -> str:
    """Lowercase with punctuation as spaces, padded by one space each side (see _FOLD)."""
    return " " + text.lower().translate(_FOLD) + " "


def _fold_exact(text: str) -> str:
    return " " + text.translate(_FOLD) + " "


class PhraseIndex(Generic[T]):
    """Whole-word phrase lookup; the longest match wins where matches overlap.

    Phrases and text are folded alike (`fold`), so a hit of " phrase " in " text " is a
    whole-word match by construction and needs no checking in Python.
    """

    def __init__(self, phrases: Iterable[tuple[str, T]], case_sensitive: Iterable[tuple[str, T]] = ()) -> None:
        self._auto = self._build((fold(p), v) for p, v in phrases if p.strip())
        case_sensitive = [(p, v) for p, v in case_sensitive if p.strip()]
        self._exact = self._build((_fold_exact(p), v) for p, v in case_sensitive)
        self._exact_words = tuple({p.strip() for p, _ in case_sensitive})

    @classmethod
    def from_folded(cls, keys: Iterable[str], values: Iterable[T]) -> PhraseIndex[T]:
        """An index over phrases already passed through `fold` (a compiled gazetteer keeps them folded)."""
        index = cls(())
        index._auto = cls._build((key, value) for key, value in zip(keys, values) if key.strip())
        return index

    @staticmethod
    def _build(items: Iterable[tuple[str, T]]) -> ahocorasick.Automaton | None:
        auto = ahocorasick.Automaton()
        for key, value in items:
            if key not in auto:
                auto.add_word(key, (len(key), value))
        if not len(auto):
            return None
        auto.make_automaton()
        return auto

    def find(self, text: str, folded: str | None = None) -> list[Match[T]]:
        """Non-overlapping whole-word matches in text order; `folded` is fold(text), when the caller has it."""
        if folded is None or len(folded) != len(text) + 2:
            folded = fold(text)
        # end index in the padded text is the trailing space; the phrase spans [end - length + 2, end) in `text`
        found = [(end - length + 1, end - 1, value) for end, (length, value) in self._auto.iter(folded)] if self._auto else []
        if self._exact is not None and any(w in text for w in self._exact_words):
            found += [(end - length + 1, end - 1, value) for end, (length, value) in self._exact.iter(_fold_exact(text))]
        if not found:
            return []
        found.sort(key=lambda m: (m[0], m[0] - m[1]))
        kept: list[tuple[int, int, T]] = []
        for m in found:
            if kept and m[0] < kept[-1][1]:
                if m[1] - m[0] > kept[-1][1] - kept[-1][0]:
                    kept[-1] = m
                continue
            kept.append(m)
        return [Match(s, e, v, text[s:e]) for s, e, v in kept]


def _data_path(name: str) -> Any:
    return Path(__file__).parent / name  # package data beside the code (no importlib.resources at start)


def _packaged(name: str, lang: str) -> list[Any]:
    """The packaged files of a lexicon: the shared, language-neutral one, then the language's own."""
    found = [path for path in (_data_path(name), language_files(lang).joinpath(name)) if path.is_file()]
    if not found:
        raise FileNotFoundError(f"no lexicon {name!r} in tollbook/lexicons or tollbook/lang/{lang}")
    return found


def merge_lexicon(base: Any, extra: Any) -> Any:
    """`extra` laid over `base`: tables merge key by key at every depth, lists join with the
    user's entries first (they win ties) and repeats dropped, anything else is replaced.

    A user file adds to the packaged lexicon, it never replaces it: three words under
    `[measure.killed]` join the packaged ones, and a `[qualifier.more_than]` table that only
    lists more `before` words keeps the packaged factors.
    """
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = merge_lexicon(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        joined: list[Any] = []
        seen: set[Any] = set()
        for item in extra + base:
            key = item if isinstance(item, (str, int, float)) else repr(item)
            if key not in seen:
                seen.add(key)
                joined.append(item)
        return joined
    return extra


def read_toml(name: str, lang: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """A TOML lexicon: the shared file (tollbook/lexicons/) with the language's file
    (tollbook/lang/<lang>/) laid over it, and with $TOLLBOOK_LEXICONS a user file of the same
    name laid over both. Either packaged file may be absent, not both.
    """
    data: dict[str, Any] = {}
    for path in _packaged(name, lang):
        with path.open("rb") as fh:
            data = merge_lexicon(data, tomllib.load(fh))
    extra_dir = os.environ.get("TOLLBOOK_LEXICONS")
    if extra_dir:
        extra = os.path.join(extra_dir, name)
        if os.path.isfile(extra):
            with open(extra, "rb") as fh:
                data = merge_lexicon(data, tomllib.load(fh))
    return data


def read_csv(name: str) -> list[dict[str, str]]:
    with _data_path(name).open("r", encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def cache_dir() -> Path:
    """Where compiled lexicons are kept: $TOLLBOOK_CACHE, else $XDG_CACHE_HOME/tollbook, else ~/.cache/tollbook."""
    explicit = os.environ.get("TOLLBOOK_CACHE")
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tollbook"


def compiled(name: str, build: Callable[[], C], version: int | str = 1, content: bytes | None = None) -> C:
    """`build()`, computed once per content of the packaged data file `name` and kept on disk.

    A large lexicon (the 73,000-alias gazetteer) costs most of a short run to parse; its
    compiled form loads in a few hundredths of a second. The key is the file's SHA-256, the
    Python version and `version` (raise it when the compiled form changes shape), so an edited
    file, a new interpreter or new code compiles afresh; a cache that cannot be read or
    written is simply not used. `content`, when given, keys the cache instead of the file.
    """
    data = _data_path(name).read_bytes() if content is None else content
    digest = hashlib.sha256(data + f"{sys.version}|{version}".encode()).hexdigest()[:20]
    path = cache_dir() / f"{name}.{digest}.pickle"
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a concurrent reader sees the whole file or none
    except OSError:
        pass
    return value


def inflected(lemmas: Iterable[str], lang: str | None = None) -> list[str]:
    """Every form of each lemma, by the language package's inflector (`lang/<lang>/inflect.py`).

    Lexicons list lemmas ("murder", "die/V"); the forms are made by a well-kept inflection
    library once per content of the list and kept on disk (`compiled`), so a run does not pay
    for loading the library.
    """
    lemmas = sorted(set(lemmas))
    if not lemmas:
        return []
    lang = lang or current()

    def build() -> list[str]:
        inflect = importlib.import_module(f"tollbook.lang.{lang}.inflect")
        return sorted({form for lemma in lemmas for form in inflect.forms(lemma)})

    rules = language_files(lang).joinpath("inflect.py").read_bytes()  # new rules, new forms
    return compiled(f"inflected-{lang}", build, content="\n".join(lemmas).encode() + rules)


def load(name: str, lang: str | None = None) -> dict[str, Any]:
    """Cached TOML lexicon by file name and language (default: the language being read; see `read_toml`)."""
    return _load(name, lang or current())


@functools.cache
def _load(name: str, lang: str) -> dict[str, Any]:
    return read_toml(name, lang)


load.cache_clear = _load.cache_clear  # type: ignore[attr-defined]
