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
import re
import sys
import tomllib
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

import ahocorasick

from tollbook.lang import DEFAULT_LANGUAGE, current, language_files

T = TypeVar("T")
C = TypeVar("C")


class Match(NamedTuple, Generic[T]):
    """A phrase found in a text: [start, end) in it, the entry's value, the words as written.

    A named tuple rather than a frozen dataclass: every look-up of every sentence makes some,
    and a tuple is made in a fraction of the time a frozen instance takes."""

    start: int
    end: int
    value: T
    text: str


# What Match(start, end, value, text) calls, without the generated function in between (PhraseIndex.find
# makes a Match for every phrase found in every sentence)
_new_match = tuple.__new__


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


class _Unaccented(dict):
    """A character's compatibility decomposition without its combining marks ("á" -> "a"), worked out once per
    character, as str.translate asks for it: the same as decomposing the whole text, without a loop over it."""

    def __missing__(self, ch: int) -> str:
        self[ch] = out = "".join(c for c in unicodedata.normalize("NFKD", chr(ch)) if not unicodedata.combining(c))
        return out


_UNACCENTED = _Unaccented()


def unaccented(text: str) -> str:
    """The text without accents and with compatibility forms spelled out ("Bogotá" -> "Bogota", "ﬁ" -> "fi")."""
    return text if text.isascii() else text.translate(_UNACCENTED)


class PhraseIndex(Generic[T]):
    """Whole-word phrase lookup; the longest match wins where matches overlap.

    Phrases and text are folded alike (`fold`), so a hit of " phrase " in " text " is a
    whole-word match by construction and needs no checking in Python.
    """

    def __init__(self, phrases: Iterable[tuple[str, T]], case_sensitive: Iterable[tuple[str, T]] = ()) -> None:
        phrases = [(p, v) for p, v in phrases if p.strip()]
        self._values: tuple[T, ...] = tuple(value for _, value in phrases)
        self._auto = _automaton_of([p for p, _ in phrases], fold)
        case_sensitive = [(p, v) for p, v in case_sensitive if p.strip()]
        self._exact_values: tuple[T, ...] = tuple(value for _, value in case_sensitive)
        self._exact = _automaton_of([p for p, _ in case_sensitive], _fold_exact)
        self._exact_words = tuple({p.strip() for p, _ in case_sensitive})
        self._more: tuple[tuple[ahocorasick.Automaton, tuple[T, ...]], ...] = ()

    @classmethod
    def from_folded(cls, keys: Iterable[str], values: Iterable[T]) -> PhraseIndex[T]:
        """An index over phrases already passed through `fold` (a compiled gazetteer keeps them folded);
        a key of spaces only is left out."""
        index = cls.__new__(cls)
        index._values = tuple(values)
        keys = keys if isinstance(keys, (list, tuple)) else list(keys)
        index._auto = _automaton_of(keys[:len(index._values)], None)
        index._exact, index._exact_values, index._exact_words = None, (), ()
        index._more = ()
        return index

    @classmethod
    def layered(cls, first: PhraseIndex[T], then: PhraseIndex[T]) -> PhraseIndex[T]:
        """`first`'s phrases over `then`'s, as one index: where both hold a phrase, `first`'s value wins.
        The automata are shared, not copied: a language's own place names over the world gazetteer
        keep one gazetteer in memory however many languages read it (about 40 MB each)."""
        if first._exact is not None or then._exact is not None:
            raise ValueError("a layered PhraseIndex takes indexes without case-sensitive phrases")
        index = cls.__new__(cls)
        index._auto, index._values = first._auto, first._values
        index._more = first._more + ((then._auto, then._values),) + then._more
        index._exact, index._exact_values, index._exact_words = None, (), ()
        return index

    def find(self, text: str, folded: str | None = None) -> list[Match[T]]:
        """Non-overlapping whole-word matches in text order; `folded` is fold(text), when the caller has it."""
        if folded is None or len(folded) != len(text) + 2:
            folded = fold(text)
        # An automaton stores each phrase as its position in the values and its length (_PHRASE_AT).
        # The end index in the padded text is the trailing space: the phrase spans [end - length + 2, end) in `text`.
        values = self._values
        hits = list(self._auto.iter(folded)) if self._auto else []
        exact = self._exact is not None and any(w in text for w in self._exact_words)
        if not exact and not self._more:
            # the common cases, without the sort and sweep below: no match, or one
            if not hits:
                return []
            if len(hits) == 1:
                end, at = hits[0]
                start = end - (at & _LENGTH) + 1
                return [_new_match(Match, (start, end - 1, values[at >> _PHRASE_AT], text[start:end - 1]))]
        found = [(end - (at & _LENGTH) + 1, end - 1, values[at >> _PHRASE_AT]) for end, at in hits]
        for auto, values in self._more:  # later layers after earlier ones: the stable sort keeps an earlier tie first
            if auto is not None:
                found += [(end - (at & _LENGTH) + 1, end - 1, values[at >> _PHRASE_AT]) for end, at in auto.iter(folded)]
        if exact:
            # an acronym that is a word in lower case ("IS", "WHO") is the acronym only in text that writes lower case:
            # wire copy in capitals writes the verb "IS" and the pronoun "WHO" so too
            values = self._exact_values
            found += [(start, end - 1, values[at >> _PHRASE_AT]) for end, at in self._exact.iter(_fold_exact(text))
                      if _lower_case_near(text, start := end - (at & _LENGTH) + 1, end - 1)]
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
        return [_new_match(Match, (s, e, v, text[s:e])) for s, e, v in kept]


_CASE_REACH = 60


def _lower_case_near(text: str, start: int, end: int) -> bool:
    """Whether the text around [start, end) writes any lower-case letter (it is not all capitals)."""
    return any(ch.islower() for ch in text[max(0, start - _CASE_REACH):start]) or \
        any(ch.islower() for ch in text[end:end + _CASE_REACH])


# An automaton stores integers, not objects: a phrase's position among the index's values,
# shifted by _PHRASE_AT bits, above its length. It reads back from the cache faster (no object
# per phrase) and does not depend on the values, only on the phrases. pyahocorasick keeps
# 32-bit signed integers: phrases of up to 1,023 characters, up to 2,097,151 of them.
_PHRASE_AT = 10
_LENGTH = (1 << _PHRASE_AT) - 1
_POSITIONS = 1 << (31 - _PHRASE_AT)
# From this many phrases on an automaton is read from the cache rather than built (`_automaton_of`).
CACHED_FROM = 1_000
AUTOMATON_FORMAT = 3  # raise when what PhraseIndex stores in its automata changes shape
# The installed pyahocorasick, by its file: a new build may pickle its automata differently.
_AHOCORASICK = "{0.st_size}-{0.st_mtime_ns}".format(os.stat(ahocorasick.__file__)) if getattr(
    ahocorasick, "__file__", None) else "builtin"


def _automaton_of(phrases: list[str] | tuple[str, ...],
                  folding: Callable[[str], str] | None) -> ahocorasick.Automaton | None:
    """The automaton of `_automaton` over the phrases folded by `folding` (None: phrases already
    folded, of which a blank one is left out), read from the cache when there are many.

    Folding and adding a lexicon's thousands of phrases (the gazetteer's 70,000) take from
    hundredths to tenths of a second, reading them back a few thousandths to a few
    hundredths: from CACHED_FROM phrases on, an automaton is built once per content of its
    phrases (as given, before folding) and kept on disk (`compiled`).
    """
    def build() -> ahocorasick.Automaton | None:
        if folding is None:
            return _automaton(phrases, skip_blank=True)
        return _automaton([folding(p) for p in phrases])

    if len(phrases) < CACHED_FROM:
        return build()
    how = {None: "folded", fold: "fold", _fold_exact: "exact"}.get(folding)
    if how is None:
        return build()  # a folding of a caller's own: nothing to key it by
    content = hashlib.sha256("\0".join(phrases).encode("utf-8", "surrogatepass")).digest()
    return compiled("phrases", build, version=f"{AUTOMATON_FORMAT}|{how}|{FOLD_SIGNATURE}|{_AHOCORASICK}",
                    content=content)


def _automaton(keys: Iterable[str], skip_blank: bool = False) -> ahocorasick.Automaton | None:
    """An automaton over folded phrases, each stored as its position and its length (see
    _PHRASE_AT); the first of a phrase given twice wins. None when there is no phrase."""
    auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for position, key in enumerate(keys):
        if key not in auto and not (skip_blank and not key.strip()):
            if len(key) > _LENGTH or position >= _POSITIONS:
                raise ValueError(f"a PhraseIndex holds phrases of up to {_LENGTH:,} characters, {_POSITIONS - 1:,} "
                                 f"of them (phrase {position:,}: {key.strip()[:60]!r}, {len(key):,} characters)")
            auto.add_word(key, (position << _PHRASE_AT) | len(key))
    if not len(auto):
        return None
    auto.make_automaton()
    return auto


def _data_path(name: str) -> Any:
    return Path(__file__).parent / name  # package data beside the code (no importlib.resources at start)


def _packaged(name: str, lang: str) -> list[Any]:
    """The packaged files of a lexicon: the shared, language-neutral one, then the language's own."""
    found = [path for path in (_data_path(name), language_files(lang).joinpath(name)) if path.is_file()]
    if not found:
        raise FileNotFoundError(f"no lexicon {name!r} in tollbook/lexicons or tollbook/lang/{lang}")
    return found


LEXICON_FORMAT = 1  # raise when read_toml's result for the same files changes


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

    The merged lexicon is kept compiled (`compiled`), keyed by the bytes of every file read,
    so a run reads it back instead of parsing TOML, and an edit to any of them is read afresh.
    """
    sources = [path.read_bytes() for path in _packaged(name, lang)]
    extra_dir = os.environ.get("TOLLBOOK_LEXICONS")
    if extra_dir:
        extra = os.path.join(extra_dir, name)
        if os.path.isfile(extra):
            with open(extra, "rb") as fh:
                sources.append(fh.read())

    def parse() -> dict[str, Any]:
        data: dict[str, Any] = {}
        for source in sources:  # merge_lexicon takes them in order: shared, language, user
            data = merge_lexicon(data, tomllib.loads(source.decode("utf-8")))
        return data

    content = b"".join(hashlib.sha256(source).digest() for source in sources)
    return compiled(f"lexicon-{lang}-{name}", parse, version=LEXICON_FORMAT, content=content)


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
    Python version, tollbook's version and `version` (raise it when the compiled form changes
    shape), so an edited file, a new interpreter or a new release compiles afresh; a cache
    file that cannot be read (missing, damaged, from elsewhere) or written is simply not used.
    `content`, when given, keys the cache instead of the file.
    """
    from tollbook import __version__

    data = _data_path(name).read_bytes() if content is None else content
    digest = hashlib.sha256(data + f"{sys.version}|{__version__}|{version}".encode()).hexdigest()[:20]
    path = cache_dir() / f"{name}.{digest}.pickle"
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception:  # noqa: BLE001 - a cache is never required: anything wrong with it means "build"
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            with open(tmp, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # atomic: a concurrent reader sees the whole file or none
        finally:
            if tmp.exists():
                tmp.unlink()
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
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

    # new rules, new forms: the inflector's file and the other language's it borrows ("from tollbook.lang.uk.inflect")
    rules = language_files(lang).joinpath("inflect.py").read_bytes()
    rules += b"".join(language_files(other.decode()).joinpath("inflect.py").read_bytes()
                      for other in re.findall(rb"from tollbook\.lang\.(\w+)\.inflect import", rules))
    return compiled(f"inflected-{lang}", build, content="\n".join(lemmas).encode() + rules)


def load(name: str, lang: str | None = None) -> dict[str, Any]:
    """Cached TOML lexicon by file name and language (default: the language being read; see `read_toml`)."""
    return _load(name, lang or current())


@functools.cache
def _load(name: str, lang: str) -> dict[str, Any]:
    return read_toml(name, lang)


load.cache_clear = _load.cache_clear  # type: ignore[attr-defined]
