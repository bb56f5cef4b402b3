"""The `tollbook` command: a thin Typer layer over the library.

Each command module registers its commands on `tollbook.cli.root.app`; a command parses its
flags, calls one library function and hands rows to `tollbook.output`. `main` imports only
the module of the command being run (`tollbook extract` never builds `serve`), and
`tollbook.cli.app` is the app with every command, for `--help` and for tests.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

# The module that defines each command, in the order `tollbook --help` lists them. A test
# checks this table against what the modules register.
COMMAND_MODULES: dict[str, str] = {
    "check": "check_cmd", "brief": "check_cmd",
    "eval": "eval_cmd",
    "extract": "extract_cmd", "schema": "extract_cmd",
    "ingest": "ledger_cmd", "reextract": "ledger_cmd", "claims": "ledger_cmd", "documents": "ledger_cmd",
    "show": "ledger_cmd", "export": "ledger_cmd", "datasette-metadata": "ledger_cmd",
    "series": "reconcile_cmd", "timeline": "reconcile_cmd", "reconcile": "reconcile_cmd",
    "estimate": "reconcile_cmd", "import": "reconcile_cmd",
    "serve": "web_cmd",
    "scale": "scale_cmd",  # a group: Typer lists groups after commands
}
_ALL_MODULES = tuple(dict.fromkeys(COMMAND_MODULES.values()))


def load_commands(modules: tuple[str, ...] = _ALL_MODULES) -> typer.Typer:
    """The root app with the commands of `modules` registered (every command by default)."""
    from tollbook.cli.root import app

    for module in modules:
        importlib.import_module(f"tollbook.cli.{module}")
    return app


def command_named(args: list[str]) -> str | None:
    """The command a command line runs ('extract'), or None when it runs none (`--help`,
    `--version`, no arguments) or names no command."""
    for arg in args:
        if arg in ("--help", "--version", "--"):
            return None
        if not arg.startswith("-"):
            return arg if arg in COMMAND_MODULES else None
    return None


def modules_for(args: list[str]) -> tuple[str, ...]:
    """The command modules a command line needs: the named command's alone, none for
    `--version`, and all of them for `--help`, completion, or a name that is no command
    (so that the error can suggest the nearest one)."""
    if "_TOLLBOOK_COMPLETE" in os.environ:  # Typer's shell completion asks through this variable
        return _ALL_MODULES
    command = command_named(args)
    if command is not None:
        return (COMMAND_MODULES[command],)
    if "--version" in args and "--help" not in args:
        return ()
    return _ALL_MODULES


def __getattr__(name: str) -> Any:
    if name == "app":
        return load_commands()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Entry point of the console script.

    A module of an optional extra that is not installed (`serve` without `[web]`) is one
    line naming the extra to install, and exit 2.
    """
    modules = modules_for(sys.argv[1:])
    if modules:  # regular expressions read compiled, a table for each command (help: `tollbook`)
        from tollbook.lexicons.regex_cache import keep_compiled_regexes

        keep_compiled_regexes(command_named(sys.argv[1:]) or "tollbook")
    import typer

    from tollbook.errors import missing_extra

    app = load_commands(modules)
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
