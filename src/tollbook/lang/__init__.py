"""Languages as packages: one folder per language (`lang/en/`), spaCy's lang/ and Duckling's Rules + Corpus.

A language package holds the words a language reports casualties in: its lexicons (TOML,
read through `tollbook.lexicons.load(name, lang)`, which lays them over the shared,
language-neutral files in `tollbook/lexicons/`) and its example corpus (`corpus/*.json`:
the phrasings each grammar must read, and the negatives it must not), side by side.
`Document.language` names the package; a new language is a new folder, not new code.
"""

from __future__ import annotations

import functools
import importlib
import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

# A grammar name English has and another language has not written yet: it never matches, so the
# stage that reads it does nothing there (a language package assigns it, e.g. OWN_VERB_AFTER = NEVER).
NEVER = re.compile(r"(?!)")

DEFAULT_LANGUAGE = "en"
_CODE = re.compile(r"[a-z]{2,3}")
_STATUS = re.compile(r"""^STATUS\s*=\s*["']reads["']""", re.MULTILINE)
# The package's own folder: its data files ship beside the code (package-data), and a Path
# costs nothing to import where importlib.resources costs a fiftieth of a second at every start.
_ROOT = Path(__file__).parent


def language_files(lang: str = DEFAULT_LANGUAGE) -> Path:
    """The data folder of a language package; ValueError for a code with no package here."""
    if not _CODE.fullmatch(lang or "") or not _ROOT.joinpath(lang, "__init__.py").is_file():
        raise ValueError(f"no language package {lang!r} in tollbook.lang (reads: {', '.join(languages())})")
    return _ROOT.joinpath(lang)


def languages() -> list[str]:
    """Codes of every language package, sorted: ['en']."""
    return sorted(p.name for p in _ROOT.iterdir() if _CODE.fullmatch(p.name) and _complete(p))


def _complete(folder: Path) -> bool:
    """A package is offered for reading when it has its grammar and says the stages read it
    (`STATUS = "reads"` in its __init__.py): a package whose lexicons are written but whose
    grammar the stages do not yet handle ("lexicons") is not used, so its documents are named
    as unread rather than read badly."""
    init = folder.joinpath("__init__.py")
    if not init.is_file() or not folder.joinpath("patterns.py").is_file():
        return False
    return _STATUS.search(init.read_text(encoding="utf-8")) is not None


def corpus(name: str, lang: str | None = None) -> dict[str, Any]:
    """One corpus file (`numbers.json`, ...) joined over every language that has it (or of `lang` alone).

    Lists of cases are concatenated, each case a dict tagged with its `lang`; other keys
    (`about`, ...) come from the first language. One parametrised test reads them all; a list
    of plain texts (a `negative` list) is read language by language, `corpus(name, code)`.
    """
    joined: dict[str, Any] = {}
    for code in [lang] if lang else languages():
        path = language_files(code).joinpath("corpus", name)
        if not path.is_file():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for key, value in data.items():
            if isinstance(value, list):
                tagged = [{**case, "lang": code} if isinstance(case, dict) else case for case in value]
                joined.setdefault(key, []).extend(tagged)
            else:
                joined.setdefault(key, value)
    return joined


def form_tables(lang: str, groups: dict[str, list[str]]) -> dict[str, list[str]]:
    """Every form of every lemma of each group, by `lang`'s inflector (lang/<code>/inflect.py), kept on
    disk once per content (lexicons.compiled): {"month:2": ["лютий", "лютого", ...], ...}.

    A grammar module (lang/<code>/patterns.py) names its words as lemmas ("тисяча/N", "січень/N")
    and builds its patterns from these forms, and the place stage reads a language's own place names
    in every case ("Харкові"); loading pymorphy3 costs a quarter of a second, so a run reads the
    forms from the cache instead.
    """
    from tollbook.lexicons import compiled

    module = importlib.import_module(f"tollbook.lang.{lang}.inflect")

    def build() -> dict[str, list[str]]:
        return {key: sorted({form for lemma in lemmas for form in module.forms(lemma)}) for key, lemmas in groups.items()}

    # new rules, new forms: an inflector may borrow another's (Russian's is Ukrainian's with its own dictionary)
    rules = b"".join(path.read_bytes() for path in sorted(_ROOT.glob("*/inflect.py")))
    content = repr(sorted(groups.items())).encode() + rules
    return compiled(f"forms-{lang}", build, content=content)


# --- the language being read ----------------------------------------------------------------
# The stages ask for the grammar and lexicons of the document in hand, not of a fixed
# language: `reading(lang)` sets it for the duration of one document (a context variable, so
# threads and asyncio tasks each have their own), `grammar()` returns that language's
# patterns module, and `per_language` caches what a stage compiles from them once per language.

_LANGUAGE: ContextVar[str] = ContextVar("tollbook_language", default=DEFAULT_LANGUAGE)
_GRAMMARS: dict[str, ModuleType] = {}
_MODULE: ContextVar[ModuleType | None] = ContextVar("tollbook_grammar", default=None)  # set with the language
F = TypeVar("F", bound=Callable[..., Any])


def current() -> str:
    """The language of the document being read (English outside `reading`)."""
    return _LANGUAGE.get()


@contextmanager
def reading(lang: str) -> Iterator[None]:
    """Read with `lang`'s package until the block ends; ValueError for a language with no package."""
    module = grammar(lang) if lang in _GRAMMARS or lang in _known() else None
    if module is None:
        language_files(lang)  # raises, naming the packages there are
    token, mtoken = _LANGUAGE.set(lang), _MODULE.set(module)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)
        _MODULE.reset(mtoken)


@functools.cache
def _known() -> frozenset[str]:
    return frozenset(languages())


def grammar(lang: str | None = None) -> ModuleType:
    """The patterns module of `lang` (default: the language being read)."""
    if lang is None:  # the stages' question, asked per figure: `reading` keeps the answer beside the language
        found = _MODULE.get()
        if found is not None:
            return found
    lang = lang or _LANGUAGE.get()
    found = _GRAMMARS.get(lang)
    if found is None:
        found = _GRAMMARS[lang] = importlib.import_module(f"tollbook.lang.{lang}.patterns")
    return found


class _Current:
    """`en.CLAUSE_BREAK` in a stage reads the current language's CLAUSE_BREAK: the stages were
    written against English and keep their spelling; the lookup happens at call time."""

    __slots__ = ()

    # __getattribute__, not __getattr__: every name is the grammar's, so the failed look-up on this
    # object that would come first (an exception raised and caught, per pattern asked) is skipped
    def __getattribute__(self, name: str) -> Any:
        if name[:2] == "__":
            return object.__getattribute__(self, name)
        return getattr(_MODULE.get() or grammar(), name)


CURRENT = _Current()


def per_language(fn: F) -> F:
    """Cache a builder's result once per language (and per arguments), like functools.cache."""
    cache: dict[Any, Any] = {}

    @functools.wraps(fn)
    def wrapper(*args: Any) -> Any:
        key = (_LANGUAGE.get(), *args) if args else _LANGUAGE.get()  # the stages' builders take no arguments
        try:
            return cache[key]
        except KeyError:
            value = cache[key] = fn(*args)
            return value

    wrapper.cache_clear = cache.clear  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]
