"""Options every command shares, so a flag means the same everywhere."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from difflib import get_close_matches
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from tollbook.model import MEASURES, MODALITIES, QUALIFIERS, SECTIONS

if TYPE_CHECKING:
    from tollbook.ledger import Ledger

# Exit codes, the same in every command (README, "Exit codes").
EXIT_USAGE = 2  # nothing could be read, a bad --db, arguments that do not fit
EXIT_FINDINGS = 3  # findings, with --fail-on-findings
EXIT_SOME_FAILED = 4  # some inputs failed; the rest were processed


def error(message: str) -> None:
    """One line on stderr, never a traceback."""
    typer.echo(f"tollbook: {message}", err=True)


def warn(message: str) -> None:
    """One warning line on stderr; the command goes on."""
    typer.echo(f"tollbook: warning: {message}", err=True)


def _refuse(message: str) -> NoReturn:
    error(message)
    raise typer.Exit(EXIT_USAGE)


def _date_callback(flag: str, warn_future: bool = False) -> Callable[[str | None], str | None]:
    """A Typer callback that checks a date option with `tollbook.dates` (exit 2 and one line when bad)."""

    def check(value: str | None) -> str | None:
        from tollbook.dates import check_published, future_warning

        try:
            value = check_published(value, name=flag)
        except ValueError as exc:
            _refuse(str(exc))
        if value and warn_future and (message := future_warning(value, name=flag)):
            warn(message)
        return value

    return check


def choice_callback(flag: str, what: str,
                    valid: tuple[str, ...] | Callable[[], Iterable[str]]) -> Callable[[Any], Any]:
    """A Typer callback that refuses a value (or any of a repeated option's values) outside
    `valid` and lists the valid ones. `valid` may be a function, so that a command module
    does not import the module that defines them until the command runs."""

    def check(value: Any) -> Any:
        allowed = tuple(valid() if callable(valid) else valid)
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if item is not None and item not in allowed:
                close = get_close_matches(item, allowed, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                _refuse(f"{flag}: {item!r} is not a {what}{hint}; choose from {', '.join(allowed)}")
        return value

    return check


JsonOpt = Annotated[bool, typer.Option("--json", help="One JSON array on stdout.")]
NlOpt = Annotated[bool, typer.Option("--nl", help="One JSON object per line on stdout.")]
CsvOpt = Annotated[bool, typer.Option("--csv", help="CSV with a header row on stdout.")]
TsvOpt = Annotated[bool, typer.Option("--tsv", help="Tab-separated values on stdout.")]
PublishedOpt = Annotated[str | None, typer.Option("--published", callback=_date_callback("--published", warn_future=True), help="Publication date (YYYY-MM-DD) of the documents; times like 'this week' are resolved against it.")]
LangOpt = Annotated[str | None, typer.Option("--lang", help="Language of the documents (ISO 639-1: en, uk, ru); detected per document when not given.")]
OutletOpt = Annotated[str | None, typer.Option("--outlet", help="Outlet that published the documents (last link of every attribution chain).")]
DbOpt = Annotated[str | None, typer.Option("--db", envvar="TOLLBOOK_DB", help="Ledger: a SQLite path or a postgresql:// URL [default: tollbook.db].")]
SinceOpt = Annotated[str | None, typer.Option("--since", callback=_date_callback("--since"), help="Claims whose period ends on or after this date (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option("--until", callback=_date_callback("--until"), help="Claims whose period ends on or before this date (YYYY-MM-DD).")]
MeasureOpt = Annotated[str | None, typer.Option("--measure", callback=choice_callback("--measure", "measure", MEASURES), help=f"{', '.join(MEASURES)}.")]
QualifierOpt = Annotated[str | None, typer.Option("--qualifier", callback=choice_callback("--qualifier", "qualifier", QUALIFIERS), help=f"{', '.join(QUALIFIERS)}.")]
ModalityOpt = Annotated[str | None, typer.Option("--modality", callback=choice_callback("--modality", "modality", MODALITIES), help=f"{', '.join(MODALITIES)}.")]
SectionOpt = Annotated[str | None, typer.Option("--section", callback=choice_callback("--section", "section", SECTIONS), help=f"{', '.join(SECTIONS)}.")]
MaxBytesOpt = Annotated[int, typer.Option("--max-bytes", min=1, help="Refuse files larger than this many bytes.")]


# For a required --measure (timeline), the check MeasureOpt makes.
required_measure = choice_callback("--measure", "measure", MEASURES)


@contextmanager
def ledger_or_exit(db: str | None, *, create: bool = False) -> Iterator["Ledger"]:
    """The open ledger for a command; a TollbookError becomes one line on stderr and exit 2.

    Only commands that write (`ingest`, `import`) pass `create=True`: a reading command
    given a misspelt --db says so instead of creating an empty ledger.
    """
    from tollbook.errors import TollbookError
    from tollbook.ledger import open_ledger

    try:
        ledger = open_ledger(db, create=create)
    except TollbookError as exc:
        error(str(exc))
        raise typer.Exit(EXIT_USAGE) from None
    try:
        yield ledger
    except TollbookError as exc:
        error(str(exc))
        raise typer.Exit(EXIT_USAGE) from None
    finally:
        ledger.close()
