"""Command-line values made into Python values without pydantic.

From version 0.29 Typer turns every option value into its Python type through a pydantic
TypeAdapter, which costs `tollbook extract` a tenth of a second of imports before it reads
a byte, for options that are plain strings, integers and flags. `use_plain_values()` has
Typer convert those kinds (str, int, float, bool and lists of them) here, with the same
results and the same error messages; any other kind (an Enum of formats, a path, a custom
parser) is still Typer's. A Typer without that layer (before 0.29) is left as it is.
"""

from __future__ import annotations

import re
import types
from typing import Any, Union, get_args, get_origin

# A whole number as pydantic reads one from text: digits with "_" between them, a sign, and a
# zero fraction ("12.0"); never "0x10", "1e3" or digits of other scripts.
_INTEGER = re.compile(r"[+-]?\d+(?:_\d+)*(?:\.0*)?", re.ASCII)
_TRUE = frozenset({"1", "on", "t", "true", "y", "yes"})
_FALSE = frozenset({"0", "off", "f", "false", "n", "no"})
_PLAIN = (str, int, float, bool)


def use_plain_values() -> None:
    """Let Typer (0.29 or later) convert plain option values here; a no-op for other versions."""
    try:
        from typer import _coercion, core
    except ImportError:  # a Typer without the pydantic layer
        return
    build = getattr(core, "build_runtime_param", None)
    base = getattr(_coercion, "RuntimeParam", None)
    if build is None or base is None or getattr(build, "plain_values", False):
        return

    class PlainRuntimeParam(base):  # type: ignore[misc, valid-type]
        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            from typer._click.exceptions import BadParameter

            kind, info = self.annotation, self.parameter_info
            try:
                if isinstance(kind, tuple):  # a list of one kind
                    items = value if isinstance(value, (list, tuple)) else [value]
                    return [convert(item, kind[0], info) for item in items]
                return convert(value, kind, info)
            except ValueError as exc:
                raise BadParameter(str(exc), ctx=ctx, param=param) from None

    def build_plain_first(descriptor: Any) -> Any:
        kind = plain_kind(descriptor.annotation)
        info = descriptor.parameter_info
        if kind is None or descriptor.file_annotation is not None or getattr(info, "parser", None) is not None:
            return build(descriptor)
        return PlainRuntimeParam(parameter_info=info, annotation=kind)

    build_plain_first.plain_values = True  # type: ignore[attr-defined]
    core.build_runtime_param = build_plain_first


def plain_kind(annotation: Any) -> Any:
    """`str`, `int`, `float` or `bool` for a plain annotation, `(str,)` for a list of strings, ...; None otherwise."""
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Union or isinstance(annotation, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        return plain_kind(rest[0]) if len(rest) == 1 else None
    if origin is list and len(args) == 1 and args[0] in _PLAIN:
        return (args[0],)
    return annotation if annotation in _PLAIN else None


def convert(value: Any, kind: type, info: Any) -> Any:
    """One command-line value as `kind`; ValueError with pydantic's wording when it is not one."""
    if kind is str:
        return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    if kind is bool:
        return _boolean(value)
    number = _integer(value) if kind is int else _number(value)
    return _in_range(number, kind, info)


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text == "" or text in _FALSE:
        return False
    if text in _TRUE:
        return True
    raise ValueError("Input should be a valid boolean, unable to interpret input")


def _integer(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    if not _INTEGER.fullmatch(text):
        raise ValueError("Input should be a valid integer, unable to parse string as an integer")
    return int(text.split(".")[0])


def _number(value: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip()
    try:
        if not text.isascii():
            raise ValueError
        return float(text)
    except ValueError:
        raise ValueError("Input should be a valid number, unable to parse string as a number") from None


def _in_range(number: Any, kind: type, info: Any) -> Any:
    low, high = getattr(info, "min", None), getattr(info, "max", None)
    if getattr(info, "clamp", False):
        if low is not None and number < low:
            return kind(low)
        if high is not None and number > high:
            return kind(high)
        return number
    if low is not None and number < low:
        raise ValueError(f"Input should be greater than or equal to {low}")
    if high is not None and number > high:
        raise ValueError(f"Input should be less than or equal to {high}")
    return number
