"""The `tollbook` command: a thin Typer layer over the library.

Each command module registers itself on `app`; a command parses its flags, calls
one library function and hands rows to `tollbook.output`.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from tollbook.cli.values import use_plain_values

use_plain_values()  # before any command runs: plain option values need no pydantic

app = typer.Typer(
    name="tollbook",
    help="Turn conflict and disaster reporting into a ledger of checkable numbers.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from tollbook import __version__

        typer.echo(f"tollbook {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn conflict and disaster reporting into a ledger of checkable numbers."""


# Command modules, imported for their registrations.
from tollbook.cli import (  # noqa: E402,F401
    check_cmd,
    eval_cmd,
    extract_cmd,
    ledger_cmd,
    reconcile_cmd,
    scale_cmd,
    web_cmd,
)


def main() -> None:
    """Entry point of the console script.

    A module of an optional extra that is not installed (`serve` without `[web]`) is one
    line naming the extra to install, and exit 2.
    """
    from tollbook.errors import missing_extra

    try:
        app(prog_name="tollbook")
    except ModuleNotFoundError as exc:
        found = missing_extra(exc)
        if found is None:
            raise
        typer.echo(f"tollbook: {found}", err=True)
        sys.exit(2)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
