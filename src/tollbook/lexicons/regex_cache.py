"""Regular expressions compiled once per Python build and kept on disk, for short runs.

CPython compiles a pattern in Python code (`re._parser`, `re._compiler`) and hands the
result, a list of opcodes and the group names, to its C engine (`_sre.compile`). The
grammars are a few hundred patterns, some of them long alternations of lexicon words, and
compiling them costs a one-document `tollbook extract` about 0.15 s, a third of its time.
`keep_compiled_regexes()` keeps what the compiler hands the engine in the lexicon cache,
keyed by the pattern, its flags and the Python build, and gives the engine the same thing
on later runs without compiling again: the Pattern objects are the ones `re.compile` makes.

It is installed by the `tollbook` command for its own process (a library user's process is
left alone). Another Python, a damaged cache file or an unexpected `re` falls back to the
ordinary compiler.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import pickle
import re
import sys
import time
from pathlib import Path
from typing import Any

# A run saves what it compiled only when compiling cost it this much: a grammar's patterns
# (tenths of a second) are kept, while the odd pattern built from the text being read, or
# from a set in no fixed order, is compiled again rather than rewriting the file at each run.
WORTH_KEEPING = 0.01  # seconds
# A pattern no run has used during this many saves is dropped (the old versions of an edited
# grammar); a cache that only serves hits is never rewritten, so nothing expires by disuse alone.
KEPT_FOR = 8  # saves
_BYPASS = re.DEBUG | getattr(re, "TEMPLATE", 0)  # flags the ordinary compiler treats specially

Parts = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str, int]


class _Kept:
    """The compiled patterns on disk (each with the save that last saw it used) and this run's use of them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.save_number, self.table = _read(path)
        self.added: dict[Key, Parts] = {}
        self.used: set[Key] = set()
        self.spent = 0.0  # seconds compiling what the table lacked

    def parts(self, pattern: str, flags: int) -> Parts:
        key = (pattern, flags)
        self.used.add(key)
        found = self.table.get(key)
        if found is not None:
            return found[1]
        found = self.added.get(key)
        if found is None:
            started = time.perf_counter()
            found = self.added[key] = _compile_parts(pattern, flags)
            self.spent += time.perf_counter() - started
        return found

    def save(self) -> None:
        if self.spent < WORTH_KEEPING:
            return
        save_number, table = _read(self.path)  # what another process kept meanwhile stays
        save_number = max(save_number, self.save_number) + 1
        table.update({key: (save_number, parts) for key, parts in self.added.items()})
        for key in self.used & table.keys():
            table[key] = (save_number, table[key][1])
        kept = {key: entry for key, entry in table.items() if entry[0] > save_number - KEPT_FOR}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            try:
                with open(tmp, "wb") as fh:
                    pickle.dump((save_number, kept), fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, self.path)  # atomic: a concurrent reader sees the whole file or none
            finally:
                if tmp.exists():
                    tmp.unlink()
        except OSError:
            pass


def _read(path: Path) -> tuple[int, dict[Key, tuple[int, Parts]]]:
    try:
        with open(path, "rb") as fh:
            save_number, table = pickle.load(fh)
        if isinstance(save_number, int) and isinstance(table, dict):
            return save_number, table
    except Exception:  # noqa: BLE001 - no file, or a damaged one: compile as usual
        pass
    return 0, {}


def _compile_parts(pattern: str, flags: int) -> Parts:
    """What `re._compiler.compile` hands the engine for `pattern` (the same steps, in the same order)."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _build_key() -> str:
    """The Python build, as far as compiled patterns depend on it."""
    import _sre

    build = (sys.implementation.name, sys.version, _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS)
    return hashlib.sha256(repr(build).encode()).hexdigest()[:20]


def keep_compiled_regexes(table: str = "tollbook") -> bool:
    """Have `re` read compiled patterns from the cache table `table` (one for each command, so
    a command reads only the patterns it uses) and keep new ones there at exit.

    Returns whether it is in place (False on a Python whose `re` differs from what this
    expects). Calling it twice does nothing more.
    """
    try:
        import _sre
        from re import _compiler, _parser

        original = _compiler.compile
        if getattr(original, "keeps_compiled", False):
            return True
        if sys.implementation.name != "cpython" or not callable(getattr(_compiler, "_code", None)) \
                or not callable(getattr(_parser, "parse", None)):
            return False
        from tollbook.lexicons import cache_dir

        kept = _Kept(cache_dir() / f"regexes-{table}.{_build_key()}.pickle")
    except Exception:  # noqa: BLE001 - any surprise: leave `re` as it is
        return False

    def compile(p: Any, flags: int = 0) -> Any:  # noqa: A001 - the name `re` calls
        if type(p) is str and not flags & _BYPASS:
            return _sre.compile(p, *kept.parts(p, flags))
        return original(p, flags)

    compile.keeps_compiled = True  # type: ignore[attr-defined]
    compile.kept = kept  # type: ignore[attr-defined]
    _compiler.compile = compile
    atexit.register(kept.save)
    return True
