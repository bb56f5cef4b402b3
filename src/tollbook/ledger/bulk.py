"""Many rows into one table fast: COPY on PostgreSQL, multi-row INSERTs on SQLite.

Ingest writes documents and claims this way, and the refresh of stored series, findings
and estimates writes its rows this way too: both write tens of thousands of rows a batch,
where SQLAlchemy's general executemany costs more than the database's insert itself.
"""

from __future__ import annotations

import operator
import sqlite3
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa


def insert_rows(conn: sa.Connection, table: sa.Table, rows: Sequence[dict[str, Any]], *,
                skip_conflicts_on: Sequence[str] = ()) -> None:
    """INSERT many rows of the same keys: COPY on PostgreSQL, multi-row INSERTs on SQLite.

    With `skip_conflicts_on` (the columns of a unique constraint), a row that would repeat a
    stored one is skipped (ON CONFLICT ... DO NOTHING, multi-row INSERTs on both backends).

    Each column's bind processor is looked up once per call; SQLAlchemy's own executemany
    builds every row's parameters through its general machinery, which cost more than the
    database's insert itself. A statement per row costs more again: on PostgreSQL a round of
    the protocol each (COPY streams them: a third of the time), and on SQLite the full-text
    triggers write a new FTS5 segment per statement (a multi-row INSERT halves the time).
    Errors are SQLAlchemy's (an IntegrityError stays an IntegrityError) either way.
    """
    if not rows:
        return
    names = list(rows[0])
    values = _bound_values(conn.dialect, table, names, rows)
    if conn.dialect.name == "postgresql" and not skip_conflicts_on:
        _copy_rows(conn, table, names, values)
    else:
        _insert_many_values(conn, table, names, values, skip_conflicts_on)


def _insert_many_values(conn: sa.Connection, table: sa.Table, names: Sequence[str],
                        data: Sequence[tuple[Any, ...]], skip_conflicts_on: Sequence[str] = ()) -> None:
    """INSERT ... VALUES (...), (...), ...: as many rows a statement as the driver's parameter limit allows."""
    quote = conn.dialect.identifier_preparer.quote
    head = f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) VALUES "
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    row = f"({', '.join([mark] * len(names))})"
    tail = (f" ON CONFLICT ({', '.join(quote(n) for n in skip_conflicts_on)}) DO NOTHING"
            if skip_conflicts_on else "")
    per = max(1, _parameter_limit(conn) // len(names))
    for start in range(0, len(data), per):
        part = data[start:start + per]
        conn.exec_driver_sql(head + ", ".join([row] * len(part)) + tail, tuple(v for values in part for v in values))


def _parameter_limit(conn: sa.Connection) -> int:
    """How many parameters one statement may take: 65,535 on PostgreSQL; on SQLite 32,766 since 3.32, 999 before."""
    if conn.dialect.name == "postgresql":
        return 65_535
    dbapi = conn.connection.dbapi_connection
    try:
        return dbapi.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)  # type: ignore[union-attr]
    except (AttributeError, sqlite3.Error):
        return 999


def _bound_values(dialect: sa.Dialect, table: sa.Table, names: Sequence[str],
                  rows: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Each row's values in `names` order, through the columns' bind processors (JSON, UTC datetimes)."""
    processors = [(i, p) for i, p in enumerate(table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
                                               for name in names) if p is not None]
    values_of = operator.itemgetter(*names)
    data: list[tuple[Any, ...]] = []
    for row in rows:
        values = list(values_of(row)) if len(names) > 1 else [values_of(row)]
        for i, process in processors:
            values[i] = process(values[i])
        data.append(tuple(values))
    return data


def _copy_rows(conn: sa.Connection, table: sa.Table, names: Sequence[str], data: Sequence[tuple[Any, ...]]) -> None:
    """COPY rows into a PostgreSQL table, in the connection's transaction."""
    quote = conn.dialect.identifier_preparer.quote
    statement = f"COPY {quote(table.name)} ({', '.join(quote(n) for n in names)}) FROM STDIN"
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    try:
        with dbapi.cursor() as cursor, cursor.copy(statement) as copy:
            for values in data:
                copy.write_row(values)
    except conn.dialect.loaded_dbapi.Error as exc:
        raise sa.exc.DBAPIError.instance(statement, None, exc, conn.dialect.loaded_dbapi,
                                         dialect=conn.dialect) from exc
