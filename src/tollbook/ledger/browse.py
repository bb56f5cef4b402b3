"""Browsing a big ledger the way Datasette users expect: totals, facets, sorting and keyset pages.

Built on the same filtered query as `Ledger.claims` (`queries.select_claims`), so a
filter selects the same rows everywhere. A page is fetched by a keyset cursor: the
sort key of the last row shown, with the claim id as tie-breaker, so page 2,000 costs
what page 1 costs; a plain page number still works through OFFSET for old links.
Sort keys are (is null, value, document, position, id), so NULLs sort last in both directions on
SQLite and PostgreSQL alike and never break the row-value comparison.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import sqlalchemy as sa

from tollbook.errors import UsageError
from tollbook.ledger.queries import ClaimFilter, claim_conditions, claim_record, select_claims
from tollbook.ledger.schema import claims, documents

# name -> (column, kind); the kind chooses the stand-in value that NULL rows compare with
CLAIM_SORTS: dict[str, tuple[sa.ColumnElement[Any], str]] = {
    "published": (documents.c.published_at, "text"),
    "best": (claims.c.best, "number"),
    "low": (claims.c.low, "number"),
    "high": (claims.c.high, "number"),
    "date": (claims.c.date_end, "text"),
    "measure": (claims.c.measure, "text"),
    "actor": (claims.c.actor, "text"),
    "place": (claims.c.place, "text"),
    "source": (claims.c.source, "text"),
    "qualifier": (claims.c.qualifier, "text"),
    "outlet": (documents.c.outlet, "text"),
}
CLAIM_FACETS: dict[str, sa.ColumnElement[Any]] = {
    "measure": claims.c.measure, "actor": claims.c.actor, "place": claims.c.place_code, "source": claims.c.source,
    "qualifier": claims.c.qualifier, "outlet": documents.c.outlet,
}
FACET_VALUES = 10
KEY_PARTS = 5  # see _key_parts


@dataclass(frozen=True, slots=True)
class Sort:
    key: str = "published"
    descending: bool = False

    @classmethod
    def parse(cls, text: str | None) -> Sort:
        """'best' ascending, '-best' descending; UsageError naming the valid keys otherwise."""
        if not text:
            return cls()
        descending = text.startswith("-")
        key = text.lstrip("-")
        if key not in CLAIM_SORTS:
            raise UsageError(f"sort: {key!r} is not one of {', '.join(CLAIM_SORTS)} (a leading '-' sorts descending)")
        return cls(key, descending)

    def __str__(self) -> str:
        return ("-" if self.descending else "") + self.key


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: Any
    count: int


@dataclass(frozen=True, slots=True)
class ClaimPage:
    """One page of claims: its rows, the total under the filters, and the cursor of the next page."""

    rows: list[dict[str, Any]]
    total: int
    next_cursor: str | None
    offset: int


def _key_parts(sort: Sort) -> list[sa.ColumnElement[Any]]:
    column, kind = CLAIM_SORTS[sort.key]
    # Text keys compare as their stored text (ISO dates and times sort as written), so the
    # cursor round-trips through JSON unchanged; numbers compare as numbers.
    value = sa.cast(column, sa.Float) if kind == "number" else sa.cast(column, sa.String)
    blank: Any = 0 if kind == "number" else ""
    # ties in reading order: document, position, then the id (unique)
    # the null flag is ordered with the rest, so it flips with the direction: NULLs last either way
    nulls_last = sa.case((column.is_(None), 0 if sort.descending else 1), else_=1 if sort.descending else 0)
    return [nulls_last, sa.func.coalesce(value, blank),
            claims.c.doc_id, claims.c.start, claims.c.claim_id]


def _encode(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, default=str).encode()).decode().rstrip("=")


def _decode(cursor: str, parts: int = KEY_PARTS) -> list[Any]:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, UnicodeDecodeError):
        raise UsageError("next: the page cursor is damaged; go back to the first page") from None
    if not isinstance(values, list) or len(values) != parts:
        raise UsageError("next: the page cursor is damaged; go back to the first page")
    return values


def claim_page(conn: sa.Connection, f: ClaimFilter, *, sort: Sort = Sort(), size: int = 50,
               cursor: str | None = None, offset: int = 0) -> ClaimPage:
    """Claims under `f`, sorted, one page after `cursor` (or at `offset`), with the total count."""
    f = replace(f, limit=None)
    base = select_claims(conn, f).order_by(None)
    parts = _key_parts(sort)
    labelled = [p.label(f"_k{i}") for i, p in enumerate(parts)]
    query = base.add_columns(*labelled)
    order = [p.desc() if sort.descending else p.asc() for p in parts]
    values: list[Any] | None = _decode(cursor) if cursor else None
    if offset and not cursor:
        # A page number: the sort key of the row before the page, from the keys alone, and the page
        # read after it as a cursor reads it. OFFSET over the whole rows worked out every column
        # (the appearance count too) of each row it skipped: 0.5 s to reach page 2,000 of 100,000.
        boundary = conn.execute(base.with_only_columns(*parts).order_by(*order).limit(1).offset(offset - 1)).first()
        values = list(boundary) if boundary is not None else None
        if values is None:  # past the last row
            return ClaimPage([], count_claims(conn, f), None, offset)
    if values is not None:
        row, after = sa.tuple_(*parts), sa.tuple_(*(sa.literal(v) for v in values))
        query = query.where(row < after if sort.descending else row > after)
    query = query.order_by(*order).limit(size + 1)
    found = conn.execute(query).all()
    more = len(found) > size
    found = found[:size]
    rows = []
    for row in found:
        record = claim_record(row)
        for i in range(len(parts)):
            record.pop(f"_k{i}", None)
        rows.append(record)
    next_cursor = _encode([found[-1]._mapping[f"_k{i}"] for i in range(len(parts))]) if more and found else None
    return ClaimPage(rows, count_claims(conn, f), next_cursor, offset)


def claim_records(conn: sa.Connection, query: sa.Select) -> list[dict[str, Any]]:
    """The rows of a claims query (`select_claims`, or some of its columns) as claim records: what
    `claim_record` gives, without a RowMapping per row (a timeline reads 10,000 of them)."""
    result = conn.execute(query)
    keys = list(result.keys())
    dates = [k for k in ("date_start", "date_end") if k in keys]
    records = []
    for row in result:
        record = dict(zip(keys, row))
        for key in dates:
            if isinstance(record[key], date):
                record[key] = record[key].isoformat()
        record["sources"] = list(record.get("sources") or [])
        records.append(record)
    return records


def _counted(conn: sa.Connection, f: ClaimFilter, *columns: sa.ColumnElement[Any],
             documents_too: bool = False) -> sa.Select:
    """SELECT columns over the filtered claims, joining documents only when a filter or column needs them:
    a count or a facet over the claims table alone is answered from its indexes."""
    where, needs_documents = claim_conditions(conn, replace(f, limit=None))
    query = sa.select(*columns).select_from(claims)
    if needs_documents or documents_too:
        query = query.join(documents, documents.c.doc_id == claims.c.doc_id)
    return query.where(*where)


def count_claims(conn: sa.Connection, f: ClaimFilter) -> int:
    """How many claims the filters select."""
    return int(conn.execute(_counted(conn, f, sa.func.count())).scalar_one())


def claim_facets(conn: sa.Connection, f: ClaimFilter, names: tuple[str, ...] = tuple(CLAIM_FACETS),
                 top: int = FACET_VALUES) -> dict[str, list[FacetValue]]:
    """For each facet, its most common values under the filters with their counts (NULLs left out)."""
    out: dict[str, list[FacetValue]] = {}
    for name in names:
        column = CLAIM_FACETS[name]
        n = sa.func.count().label("n")
        query = (_counted(conn, f, column.label("value"), n, documents_too=column.table is documents)
                 .where(column.is_not(None)).group_by(column).order_by(n.desc(), column).limit(top))
        out[name] = [FacetValue(row.value, int(row.n)) for row in conn.execute(query)]
    return out


@dataclass(frozen=True, slots=True)
class DocumentPage:
    """One page of documents (oldest first), the total under the filter and the next page's cursor."""

    rows: list[dict[str, Any]]
    total: int
    next_cursor: str | None


def document_page(conn: sa.Connection, *, outlet: str | None = None, size: int = 50, cursor: str | None = None,
                  offset: int = 0) -> DocumentPage:
    """Documents with their claim and appearance counts, oldest first, one keyset page at a time."""
    from tollbook.ledger.queries import fetch_documents_query

    query = fetch_documents_query(outlet=outlet)
    column = documents.c.published_at
    parts = [sa.case((column.is_(None), 1), else_=0), sa.func.coalesce(sa.cast(column, sa.String), ""),
             documents.c.doc_id]
    query = query.add_columns(*(p.label(f"_k{i}") for i, p in enumerate(parts)))
    if cursor:
        values = _decode(cursor, len(parts))
        query = query.where(sa.tuple_(*parts) > sa.tuple_(*(sa.literal(v) for v in values)))
    query = query.order_by(None).order_by(*parts).limit(size + 1)
    if offset and not cursor:
        query = query.offset(offset)
    found = conn.execute(query).all()
    more = len(found) > size
    found = found[:size]
    rows = [{k: v for k, v in row._mapping.items() if not k.startswith("_k")} for row in found]
    next_cursor = _encode([found[-1]._mapping[f"_k{i}"] for i in range(len(parts))]) if more and found else None
    total_query = sa.select(sa.func.count()).select_from(fetch_documents_query(outlet=outlet).order_by(None)
                                                         .with_only_columns(documents.c.doc_id).subquery())
    return DocumentPage(rows, int(conn.execute(total_query).scalar_one()), next_cursor)
