"""The one output writer: every command prints rows the same way.

On a terminal rows become a Rich table; otherwise (or when asked) JSON, JSON Lines,
CSV or TSV on stdout. Messages never go to stdout.
"""

from __future__ import annotations

import csv
import enum
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO


class Format(str, enum.Enum):
    table = "table"
    json = "json"
    nl = "nl"
    csv = "csv"
    tsv = "tsv"


def choose_format(json_: bool = False, nl: bool = False, csv_: bool = False, tsv: bool = False,
                  stream: TextIO | None = None) -> Format:
    """The format the flags ask for; a table only when stdout is a terminal."""
    if json_:
        return Format.json
    if nl:
        return Format.nl
    if csv_:
        return Format.csv
    if tsv:
        return Format.tsv
    stream = stream or sys.stdout
    return Format.table if stream.isatty() else Format.nl


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def write_rows(rows: Iterable[dict[str, Any]], fmt: Format, columns: Sequence[str] | None = None,
               table_columns: Sequence[str] | None = None, title: str | None = None,
               stream: TextIO | None = None) -> int:
    """Write rows in one format; returns how many were written.

    `columns` fixes CSV/TSV headers (so an empty result still has them);
    `table_columns` picks the few columns a terminal table shows.
    """
    out = stream or sys.stdout
    count = 0
    if fmt is Format.json:
        out.write("[")
        for i, row in enumerate(rows):
            out.write(("," if i else "") + "\n" + json.dumps(row, ensure_ascii=False, default=str))
            count += 1
        out.write("\n]\n" if count else "]\n")
        return count
    if fmt is Format.nl:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            count += 1
        return count
    if fmt in (Format.csv, Format.tsv):
        rows = iter(rows)
        first = next(rows, None)
        header = list(columns or (first.keys() if first else []))
        writer = csv.writer(out, delimiter="," if fmt is Format.csv else "\t", lineterminator="\n")
        writer.writerow(header)
        for row in ([first] if first is not None else []):
            writer.writerow([_cell(row.get(c)) for c in header])
            count += 1
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in header])
            count += 1
        return count
    from rich.console import Console
    from rich.table import Table

    rows = list(rows)
    header = list(table_columns or columns or (rows[0].keys() if rows else []))
    table = Table(title=title, show_lines=False, header_style="bold")
    for c in header:
        table.add_column(c, overflow="fold")
    for row in rows:
        table.add_row(*[_cell(row.get(c)) for c in header])
    # On a terminal the table fits its width; into a file or pipe it is not squeezed to 80 columns.
    width = None if getattr(out, "isatty", lambda: False)() else 200
    Console(file=out, width=width).print(table)
    return len(rows)
