"""The root `tollbook` command and its options; each command module registers itself on `app`."""

from __future__ import annotations

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
