"""Every error a user can meet, in one place, worded so the user knows what to do.

Commands catch `TollbookError` and print its message as one line on stderr;
a traceback reaching a user is a bug.
"""

from __future__ import annotations


class TollbookError(Exception):
    """Base of the errors tollbook reports to users (one line each)."""


class ReadError(TollbookError):
    """A document could not be read; the batch goes on without it."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


class LedgerError(TollbookError):
    """The ledger could not be opened or written."""


class UsageError(TollbookError):
    """The command's arguments do not fit together."""


def binary_file(name: str) -> ReadError:
    return ReadError(name, "looks like a binary file (NUL bytes or no text encoding found); give a text, HTML, feed or JSON Lines file")


def nul_byte(name: str, position: int) -> ReadError:
    return ReadError(name, f"holds a NUL byte (character {position:,}), which no text file has; the file is damaged "
                           "or not text: re-save it as UTF-8 text")


def empty_file(name: str) -> ReadError:
    return ReadError(name, "is empty; nothing to read")


def too_large(name: str, size: int, limit: int) -> ReadError:
    return ReadError(name, f"is {size:,} bytes, over the {limit:,}-byte limit; split it or raise --max-bytes")


def undecodable(name: str) -> ReadError:
    return ReadError(name, "has bytes in no encoding tollbook could detect; re-save it as UTF-8")


def no_text(name: str) -> ReadError:
    return ReadError(name, "holds no readable text (malformed or empty HTML?)")


def unreadable(name: str, why: str) -> ReadError:
    return ReadError(name, f"cannot be read: {why}")


def extraction_failed(name: str, exc: BaseException) -> ReadError:
    """An unexpected exception while extracting one document: reported as one line, the batch goes on."""
    detail = (str(exc).strip().splitlines() or [""])[0][:200]
    kind = type(exc).__name__
    return ReadError(name, f"extraction failed ({kind}{': ' + detail if detail else ''}); the other files "
                           "were processed; please report this file as a bug")


# Which optional extra (pyproject.toml) brings each module a command may import on demand.
EXTRA_OF_MODULE = {
    "fastapi": "web", "starlette": "web", "uvicorn": "web", "jinja2": "web",
    "altair": "charts", "vl_convert": "charts",
    "dask": "scale", "distributed": "scale",
    "psycopg": "postgres", "psycopg_binary": "postgres",
    "pyarrow": "parquet",
}


def missing_extra(exc: ModuleNotFoundError) -> UsageError | None:
    """The error to show for a module of an optional extra that is not installed (None for any other module)."""
    module = (exc.name or "").split(".")[0]
    extra = EXTRA_OF_MODULE.get(module)
    if extra is None:
        return None
    return UsageError(f"this needs the optional package {module!r}; install it with: pip install 'tollbook[{extra}]'")
