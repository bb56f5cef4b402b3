"""Languages as packages: one folder per language (`lang/en/`), spaCy's lang/ and Duckling's Rules + Corpus.

A language package holds the words a language reports casualties in: its lexicons (TOML,
read through `tollbook.lexicons.load(name, lang)`, which lays them over the shared,
language-neutral files in `tollbook/lexicons/`) and its example corpus (`corpus/*.json`:
the phrasings each grammar must read, and the negatives it must not), side by side.
`Document.language` names the package; a new language is a new folder, not new code.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

DEFAULT_LANGUAGE = "en"
_CODE = re.compile(r"[a-z]{2,3}")
# The package's own folder: its data files ship beside the code (package-data), and a Path
# costs nothing to import where importlib.resources costs a fiftieth of a second at every start.
_ROOT = Path(__file__).parent


def language_files(lang: str = DEFAULT_LANGUAGE) -> Path:
    """The data folder of a language package; ValueError for a code with no package here."""
    if not _CODE.fullmatch(lang or "") or not _ROOT.joinpath(lang, "__init__.py").is_file():
        raise ValueError(f"no language package {lang!r} in tollbook.lang (have: {', '.join(languages())})")
    return _ROOT.joinpath(lang)


def languages() -> list[str]:
    """Codes of every language package, sorted: ['en']."""
    return sorted(p.name for p in _ROOT.iterdir() if _CODE.fullmatch(p.name) and p.joinpath("__init__.py").is_file())


def corpus(name: str) -> dict[str, Any]:
    """One corpus file (`numbers.json`, ...) joined over every language that has it.

    Lists of cases are concatenated, each case a dict tagged with its `lang`; other keys
    (`about`, ...) come from the first language. One parametrised test reads them all.
    """
    joined: dict[str, Any] = {}
    for code in languages():
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
