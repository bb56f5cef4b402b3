"""Which language a document is written in: the script and the language's commonest words first,
a statistical detector (lingua) only when those do not settle it.

Almost all of what tollbook reads is English, Ukrainian or Russian. English prose is full of
"the", "of", "and"; Ukrainian writes і, ї, є, ґ and Russian ы, э, ъ, ё. These tests cost a
regular-expression pass over a sample (and, for a short line with no function word, a look-up of
its words in English inflection data); lingua's models cost about a millisecond a document and
some 40 MB, so they are loaded only for text the cheap tests leave open (another Latin-script
language, Cyrillic with neither set of letters, other scripts). The code returned is ISO 639-1
("en"), whether or not tollbook has a package for it: the caller decides what to do with it.
"""

from __future__ import annotations

import functools
import importlib.util
import itertools
import math
import re
from pathlib import Path

_SAMPLE = 1500
_HEAD = 500  # characters in which English prose shows its function words  # characters: enough for any of the tests, a bounded cost for a huge document
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LATIN_RUN = re.compile(r"[A-Za-z]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN = re.compile(r"[ыэъёЫЭЪЁ]")
_ENGLISH_WORDS = re.compile(r"\b(?:the|of|and|to|in|was|were|said|has|have|had|that|for|on|with|by|from|at|is|are)\b",
                            re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
_SHORT = 20  # letters: below this no test is reliable, and a Latin-script fragment is taken as English
_FEW_WORDS = 20  # below this many words a Latin-script text is English when a dictionary knows its words
_ENGLISH_SHARE = 0.12  # share of words that are English function words in English prose: 0.25-0.45


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language ("en", "uk", "ru", "de", ...)."""
    sample = text[:_SAMPLE]
    # The counts are only compared with each other and with _SHORT, so each is counted only as far as
    # those comparisons need (a page of English is not a thousand one-letter matches)
    if sample.isascii():
        latin, cyrillic = _count(_LATIN_RUN, sample, _SHORT // 5) * 5, 0  # runs, not letters: a word is ~5 letters
    else:
        cyrillic = len(_CYRILLIC.findall(sample))
        latin = _count(_LATIN, sample, max(cyrillic, _SHORT))
    if cyrillic > latin:
        return _by_letters(sample) or _lingua(sample) or "ru"
    if latin + cyrillic < _SHORT:
        # no letters at all ("-", "???" left of a lost encoding): nothing to detect, no models to load
        return "en" if latin or not _WORD.search(sample) else (_lingua(sample) or "en")
    head = sample[:_HEAD]
    words = _WORD.findall(head)
    if words and _count(_ENGLISH_WORDS, head, _enough(len(words))) / len(words) >= _ENGLISH_SHARE:
        return "en"
    words = _WORD.findall(sample)
    if latin and sample.isascii() and len(words) < 12 and _ENGLISH_WORDS.search(sample):
        return "en"  # a short English headline or label: too short for the statistics
    if len(words) < _FEW_WORDS and _english_vocabulary_share(words) >= 0.6:
        # a short line with no function word ("Ukraine rebels vow new offensive as rockets kill 30"):
        # the statistics are overconfident on so few words, a dictionary is not
        return "en"
    return _lingua(sample) or "en"


def _by_letters(text: str) -> str | None:
    """Ukrainian or Russian by the letters only one of them writes (і, ї, є, ґ against ы, э, ъ, ё); None on a tie."""
    uk, ru = len(_UKRAINIAN.findall(text)), len(_RUSSIAN.findall(text))
    return None if uk == ru else "uk" if uk > ru else "ru"


def _count(pattern: re.Pattern[str], text: str, enough: int) -> int:
    """How many matches of the pattern the text holds, counting no further than `enough`."""
    return sum(1 for _ in itertools.islice(pattern.finditer(text), enough))


def _enough(words: int) -> int:
    """The fewest English function words among `words` words that make a share of _ENGLISH_SHARE
    (as the division in detect_language computes it)."""
    n = math.ceil(_ENGLISH_SHARE * words)
    while n > 0 and (n - 1) / words >= _ENGLISH_SHARE:
        n -= 1
    while n / words < _ENGLISH_SHARE:
        n += 1
    return n


def _english_vocabulary_share(words: list[str]) -> float:
    """Share of the lowercase words that English inflection data knows (lemminflect's lexicon)."""
    plain = [w for w in words if w.islower() and len(w) > 2]
    known = _english_words()
    return sum(w in known for w in plain) / len(plain) if plain else 1.0


@functools.cache
def _english_words() -> frozenset[str]:
    """Every word lemminflect finds lemmas for (its lemma table and its overrides), as one set kept on
    disk per content of its data: a run of headlines needs only whether a word is English, and importing
    lemminflect and reading its tables cost about 90 MB where the words alone cost 7."""
    from tollbook.lexicons import compiled

    lemma_lu, overrides = _lemminflect_tables()

    def build() -> frozenset[str]:
        from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
        from lemminflect.codecs.OverridesCodec import OverridesCodec

        tables = (LemmaLUCodec.load(lemma_lu), OverridesCodec.load(overrides))
        return frozenset(word for table in tables for word in table if word == word.lower())  # looked up lowercased

    return compiled("english-words", build, content=Path(lemma_lu).read_bytes() + Path(overrides).read_bytes())


def _lemminflect_tables() -> tuple[str, str]:
    """The paths of lemminflect's lemma table and overrides, from its own config module, read without
    importing the package (whose import loads its models)."""
    spec = importlib.util.find_spec("lemminflect")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("lemminflect is not installed")
    path = Path(spec.submodule_search_locations[0]) / "config.py"
    config_spec = importlib.util.spec_from_file_location("_lemminflect_config", path)
    assert config_spec is not None and config_spec.loader is not None
    config = importlib.util.module_from_spec(config_spec)
    config_spec.loader.exec_module(config)
    return config.lemma_lu_fn, config.lemma_overrides_fn


def _lingua(sample: str) -> str | None:
    found = _detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else None


@functools.cache
def _detector():  # type: ignore[no-untyped-def]
    from lingua import Language, LanguageDetectorBuilder

    # The languages of most conflict and disaster reporting; a text in another one is reported as
    # the nearest of these, which is still a language tollbook has no package for.
    wanted = ("ENGLISH", "UKRAINIAN", "RUSSIAN", "BELARUSIAN", "BULGARIAN", "SERBIAN", "GERMAN", "FRENCH", "SPANISH",
              "PORTUGUESE", "ITALIAN", "DUTCH", "POLISH", "TURKISH", "ARABIC", "PERSIAN", "HEBREW", "URDU", "HINDI",
              "CHINESE", "JAPANESE", "KOREAN", "INDONESIAN", "SWAHILI", "SOMALI", "AFRIKAANS")
    return LanguageDetectorBuilder.from_languages(*(getattr(Language, n) for n in wanted)).with_low_accuracy_mode().build()


_LINE = re.compile(r"[^\n]+")
_MIN_LETTERS = 40  # a line shorter than this (a name, a date, a caption) keeps the language around it


def language_runs(text: str, language: str) -> list[tuple[int, int, str]]:
    """(start, end, language) runs covering the text: a document written in one language is one run;
    a mixed one (an English report quoting a Ukrainian statement, a Russian page with an English
    paragraph) is split where its lines' script and letters say the language changes.

    Only lines of at least _MIN_LETTERS letters are judged, by the script tests of detect_language
    (lingua only for Cyrillic with neither language's own letters); the lines between take the
    language of the run they are in. A text in one script costs one regular-expression search.
    """
    other = _LATIN if language in ("uk", "ru") else _CYRILLIC
    if not other.search(text) and (language == "en" or not (_UKRAINIAN.search(text) and _RUSSIAN.search(text))):
        return [(0, len(text), language)]
    runs: list[list] = [[0, len(text), language]]
    for m in _LINE.finditer(text):
        line = m.group(0)
        cyrillic = len(_CYRILLIC.findall(line))
        latin = len(_LATIN.findall(line))
        if cyrillic + latin < _MIN_LETTERS:
            continue
        here = _line_language(line, cyrillic, latin, runs[-1][2])
        if here != runs[-1][2]:
            runs[-1][1] = m.start()
            runs.append([m.start(), len(text), here])
    return [(a, b, lang) for a, b, lang in runs if b > a]


def _line_language(line: str, cyrillic: int, latin: int, current: str) -> str:
    if cyrillic > 3 * latin:
        return _by_letters(line) or (current if current in ("uk", "ru") else (_lingua(line) or "ru"))
    if latin > 3 * cyrillic:
        words = _WORD.findall(line)
        if words and len(_ENGLISH_WORDS.findall(line)) / len(words) >= _ENGLISH_SHARE:
            return "en"
    return current  # a Latin line that is not English prose (an address, a name) changes nothing
