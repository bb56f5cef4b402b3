"""Reading the ledger: filtered claims, documents, one claim with its evidence.

Rows come back as plain dicts in the claim's JSON form (ISO date strings, `sources`
as a list of objects) plus the document columns a reader needs beside a figure;
`Ledger` turns them into DataFrames.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from tollbook.errors import UsageError
from tollbook.ledger.schema import claims, documents
from tollbook.model import CLAIM_FIELDS

DOCUMENT_COLUMNS_OF_CLAIMS: tuple[str, ...] = ("published_at", "outlet", "url", "title", "cluster_id")
CLAIM_FRAME_COLUMNS: tuple[str, ...] = (*CLAIM_FIELDS, "extractor_version", *DOCUMENT_COLUMNS_OF_CLAIMS)
DOCUMENT_FRAME_COLUMNS: tuple[str, ...] = (
    "doc_id", "title", "outlet", "url", "published", "published_at", "published_from", "captured_at",
    "language", "path", "raw_sha256", "cluster_id", "extractor_version", "claims",
)

DateLike = str | date | datetime | None


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """What `claims()` selects. Text filters are exact and case-insensitive on canonical values."""

    actor: str | None = None
    measure: str | None = None
    place: str | None = None
    source: str | None = None
    since: DateLike = None
    until: DateLike = None
    section: str | None = None
    doc_id: str | None = None
    limit: int | None = None


def as_date(value: DateLike, name: str) -> date | None:
    """A date from an ISO string, a date or a datetime; UsageError for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise UsageError(f"--{name} {value!r} is not a date; write it as YYYY-MM-DD") from None


def _same(column: sa.ColumnElement, value: str) -> sa.ColumnElement[bool]:
    return sa.func.lower(column) == value.strip().lower()


def place_condition(place: str) -> sa.ColumnElement[bool]:
    """`place` by readable name, by code, or by code prefix: "RU-KRS", "RU" or "RUS", "Kursk Oblast".

    Region codes are ISO 3166-2 (alpha-2 prefix) while countries are alpha-3, so a
    country code also matches its regions ("UKR" finds "UA-63").
    """
    code = place.strip().upper()
    conditions = [_same(claims.c.place, place), claims.c.place_code == code,
                  claims.c.place_code.like(f"{code}-%")]
    country = _country(code)
    if country is not None:
        conditions.append(claims.c.place_code == country.alpha_3)
        conditions.append(claims.c.place_code.like(f"{country.alpha_2}-%"))
    return sa.or_(*conditions)


def _country(code: str):
    if len(code) not in (2, 3) or not code.isalpha():
        return None
    import pycountry

    try:
        return pycountry.countries.get(alpha_2=code) if len(code) == 2 else pycountry.countries.get(alpha_3=code)
    except LookupError:
        return None


def claim_date() -> sa.ColumnElement:
    """The date a claim refers to: its date_end, else its document's publication date."""
    return sa.func.coalesce(claims.c.date_end, sa.func.date(documents.c.published_at), type_=sa.Date)


def select_claims(f: ClaimFilter) -> sa.Select:
    query = (
        sa.select(claims, *(documents.c[name] for name in DOCUMENT_COLUMNS_OF_CLAIMS))
        .join(documents, documents.c.doc_id == claims.c.doc_id)
    )
    if f.actor:
        query = query.where(_same(claims.c.actor, f.actor))
    if f.measure:
        query = query.where(_same(claims.c.measure, f.measure))
    if f.source:
        query = query.where(_same(claims.c.source, f.source))
    if f.section:
        query = query.where(_same(claims.c.section, f.section))
    if f.place:
        query = query.where(place_condition(f.place))
    if f.doc_id:
        query = query.where(claims.c.doc_id == f.doc_id)
    since, until = as_date(f.since, "since"), as_date(f.until, "until")
    if since:
        query = query.where(claim_date() >= since)
    if until:
        query = query.where(claim_date() <= until)
    query = query.order_by(documents.c.published_at.asc().nulls_last(), claims.c.doc_id, claims.c.start, claims.c.claim_id)
    if f.limit is not None:
        query = query.limit(f.limit)
    return query


def claim_record(row: Any) -> dict[str, Any]:
    """A result row as a claim's JSON form plus the document columns."""
    record = dict(row._mapping)
    for key in ("date_start", "date_end"):
        if isinstance(record.get(key), date):
            record[key] = record[key].isoformat()
    record["sources"] = list(record.get("sources") or [])
    return record


def fetch_claims(conn: sa.Connection, f: ClaimFilter) -> list[dict[str, Any]]:
    return [claim_record(row) for row in conn.execute(select_claims(f))]


def fetch_documents(conn: sa.Connection, *, outlet: str | None = None, since: DateLike = None,
                    until: DateLike = None, cluster_id: str | None = None, doc_id: str | None = None,
                    stale_for: str | None = None, with_text: bool = False,
                    limit: int | None = None) -> list[dict[str, Any]]:
    """Documents with their claim counts; `stale_for` keeps those extracted by another version."""
    counts = (sa.select(claims.c.doc_id, sa.func.count().label("claims"))
              .group_by(claims.c.doc_id).subquery())
    columns = [documents.c[name] for name in DOCUMENT_FRAME_COLUMNS if name != "claims"]
    if with_text:
        columns.append(documents.c.text)
    query = (sa.select(*columns, sa.func.coalesce(counts.c.claims, 0).label("claims"))
             .outerjoin(counts, counts.c.doc_id == documents.c.doc_id))
    if outlet:
        query = query.where(_same(documents.c.outlet, outlet))
    if cluster_id:
        query = query.where(documents.c.cluster_id == cluster_id)
    if doc_id:
        query = query.where(documents.c.doc_id == doc_id)
    if stale_for:
        query = query.where(documents.c.extractor_version != stale_for)
    since, until = as_date(since, "since"), as_date(until, "until")
    if since:
        query = query.where(sa.func.date(documents.c.published_at, type_=sa.Date) >= since)
    if until:
        query = query.where(sa.func.date(documents.c.published_at, type_=sa.Date) <= until)
    query = query.order_by(documents.c.published_at.asc().nulls_last(), documents.c.doc_id)
    if limit is not None:
        query = query.limit(limit)
    return [dict(row._mapping) for row in conn.execute(query)]


def fetch_claim(conn: sa.Connection, claim_id: str) -> dict[str, Any] | None:
    """One claim (a unique prefix of its id will do) with its document's columns and text."""
    query = select_claims(ClaimFilter()).add_columns(documents.c.text, documents.c.published)
    exact = conn.execute(query.where(claims.c.claim_id == claim_id)).first()
    if exact is not None:
        return claim_record(exact)
    if len(claim_id) < 6:
        return None
    matches = conn.execute(query.where(claims.c.claim_id.like(f"{claim_id}%")).limit(2)).all()
    return claim_record(matches[0]) if len(matches) == 1 else None
