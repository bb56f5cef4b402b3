"""Reading the ledger: filtered claims, documents, one claim with its evidence.

Rows come back as plain dicts in the claim's JSON form (ISO date strings, `sources`
as a list of objects) plus the document columns a reader needs beside a figure;
`Ledger` turns them into DataFrames.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from tollbook.errors import UsageError
from tollbook.ledger.schema import CLAIMS_FTS, LEDGER_ONLY_COLUMNS, TEXT_SEARCH_CONFIG, appearances, claims, documents
from tollbook.model import CLAIM_FIELDS

DOCUMENT_COLUMNS_OF_CLAIMS: tuple[str, ...] = ("published_at", "outlet", "url", "title", "cluster_id")
# `appearances`: how many (outlet, url) published the claim's document, so a claim
# reprinted by twenty outlets is one row counted twenty times, not twenty rows.
CLAIM_FRAME_COLUMNS: tuple[str, ...] = (*CLAIM_FIELDS, *LEDGER_ONLY_COLUMNS, *DOCUMENT_COLUMNS_OF_CLAIMS,
                                        "appearances")
DOCUMENT_FRAME_COLUMNS: tuple[str, ...] = (
    "doc_id", "title", "outlet", "url", "published", "published_at", "published_from", "captured_at",
    "language", "path", "raw_sha256", "cluster_id", "extractor_version", "claims", "appearances",
)
APPEARANCE_COLUMNS: tuple[str, ...] = ("outlet", "published", "published_at", "url", "title", "path", "captured_at")

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
    search: str | None = None
    qualifier: str | None = None
    outlet: str | None = None
    limit: int | None = None


def as_date(value: DateLike, name: str) -> date | None:
    """A date from an ISO string, a date or a datetime; UsageError for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    from tollbook.dates import parse_date

    try:
        return parse_date(str(value), name=f"--{name}")
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def distinct_values(conn: sa.Connection, column: sa.Column) -> list[str]:
    """The distinct values of an indexed column, one index seek per value (a loose index scan).

    Neither SQLite nor PostgreSQL skips through an index by itself; a recursive
    query asking for the next larger value does, so the cost follows the number of
    distinct values (tens of actors), not of rows (millions of claims).
    """
    name, table = column.name, column.table.name
    sql = (f"WITH RECURSIVE v(x) AS (SELECT min({name}) FROM {table} UNION ALL "
           f"SELECT (SELECT min({name}) FROM {table} WHERE {name} > v.x) FROM v WHERE v.x IS NOT NULL) "
           "SELECT x FROM v WHERE x IS NOT NULL")
    return list(conn.execute(sa.text(sql)).scalars())


def stored_spellings(conn: sa.Connection, column: sa.Column, value: str) -> list[str]:
    """The stored values equal to what a user typed, ignoring case: "russian FORCES" -> ["Russian forces"].

    Filters then compare the column with stored values, which a plain index serves.
    """
    wanted = value.strip().casefold()
    return [v for v in distinct_values(conn, column) if v.casefold() == wanted]


def _equal_to_any(column: sa.Column, values: list[str]) -> sa.ColumnElement[bool]:
    if not values:
        return sa.false()
    return column == values[0] if len(values) == 1 else column.in_(values)


def _code_prefix(prefix: str) -> sa.ColumnElement[bool]:
    """Codes starting with `prefix` as a range an index serves: "RU-" <= code < "RU."."""
    after = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return sa.and_(claims.c.place_code >= prefix, claims.c.place_code < after)


def place_condition(conn: sa.Connection, place: str) -> sa.ColumnElement[bool]:
    """`place` by readable name, by code, or by code prefix: "RU-KRS", "RU" or "RUS", "Kursk Oblast".

    Region codes are ISO 3166-2 (alpha-2 prefix) while countries are alpha-3, so a
    country code also matches its regions ("UKR" finds "UA-63").
    """
    code = place.strip().upper()
    conditions = []
    names = stored_spellings(conn, claims.c.place, place)
    if names:
        conditions.append(_equal_to_any(claims.c.place, names))
    if code:
        conditions += [claims.c.place_code == code, _code_prefix(f"{code}-")]
    country = _country(code)
    if country is not None:
        conditions.append(claims.c.place_code == country.alpha_3)
        conditions.append(_code_prefix(f"{country.alpha_2}-"))
    return sa.or_(*conditions) if conditions else sa.false()


def _country(code: str):
    if len(code) not in (2, 3) or not code.isalpha():
        return None
    import pycountry

    try:
        return pycountry.countries.get(alpha_2=code) if len(code) == 2 else pycountry.countries.get(alpha_3=code)
    except LookupError:
        return None


# ---------------------------------------------------------------- full-text search

_SEARCH_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass(frozen=True, slots=True)
class SearchTerm:
    """One word or quoted phrase of a search; `negated` for a leading '-'."""

    words: str
    negated: bool = False


def parse_search(text: str) -> list[list[SearchTerm]]:
    """Web-search syntax as alternatives of terms, the grammar of PostgreSQL's websearch_to_tsquery:
    words are all required, "quoted words" are a phrase, `or` separates alternatives and a
    leading '-' excludes. 'kursk "were killed" or -wounded mariupol' ->
    [[kursk, "were killed"], [-wounded, mariupol]].

    Raises UsageError when there is nothing to find, or an alternative only excludes
    (FTS5 cannot list what lacks a word).
    """
    groups: list[list[SearchTerm]] = [[]]
    for match in _SEARCH_TOKEN.finditer(text):
        minus, phrase, bare = match.groups()
        if bare is not None and bare.lower() == "or":
            if groups[-1]:
                groups.append([])
            continue
        negated = bool(minus) if phrase is not None else bare.startswith("-")
        words = phrase if phrase is not None else bare.lstrip("-")
        if any(ch.isalnum() for ch in words):
            groups[-1].append(SearchTerm(words, negated))
    groups = [g for g in groups if g]
    if not groups:
        raise UsageError(f"--search {text!r} has no word to look for")
    if any(all(term.negated for term in group) for group in groups):
        raise UsageError(f"--search {text!r}: every alternative needs a word to find, not only words to exclude")
    return groups


def _fts5_phrase(term: SearchTerm) -> str:
    return '"' + term.words.replace('"', '""') + '"'


def fts5_query(groups: list[list[SearchTerm]]) -> str:
    """The FTS5 MATCH expression of parsed terms: every term a quoted phrase (no FTS5 syntax
    gets through), positives first so each NOT has a left side."""
    alternatives = []
    for group in groups:
        positive = " AND ".join(_fts5_phrase(t) for t in group if not t.negated)
        negative = "".join(f" NOT {_fts5_phrase(t)}" for t in group if t.negated)
        alternatives.append(f"(({positive}){negative})")
    return " OR ".join(alternatives)


def websearch_text(groups: list[list[SearchTerm]]) -> str:
    """Parsed terms written back in websearch syntax, so PostgreSQL reads what SQLite does."""
    return " or ".join(" ".join(("-" if t.negated else "") + '"' + t.words.replace('"', " ") + '"' for t in group)
                       for group in groups)


def search_condition(conn: sa.Connection, text: str) -> sa.ColumnElement[bool]:
    """Claims whose quote matches a web-search query, through the backend's full-text index:
    FTS5 on SQLite, the quote's GIN tsvector index on PostgreSQL (both stem English words:
    'kill' finds 'killed'). PostgreSQL also drops English stop words ('the', 'were'), which
    FTS5 keeps; otherwise both select the same claims."""
    groups = parse_search(text)
    if conn.dialect.name == "postgresql":
        config = sa.literal_column(f"'{TEXT_SEARCH_CONFIG}'::regconfig")
        vector = sa.func.to_tsvector(config, claims.c.quote)  # the expression migration 0003 indexes
        return vector.bool_op("@@")(sa.func.websearch_to_tsquery(config, websearch_text(groups)))
    matched = sa.text(f"SELECT rowid FROM {CLAIMS_FTS} WHERE {CLAIMS_FTS} MATCH :search").bindparams(
        search=fts5_query(groups))
    return sa.literal_column("claims.rowid").in_(matched)


def claim_date() -> sa.ColumnElement:
    """The date a claim refers to: its date_end, else its document's publication date."""
    return sa.func.coalesce(claims.c.date_end, sa.func.date(documents.c.published_at), type_=sa.Date)


def appearance_count(doc_id: sa.ColumnElement) -> sa.Label:
    """How many appearances the document has; a seek per row on the appearances' (doc_id, ...) index."""
    return (sa.select(sa.func.count()).select_from(appearances).where(appearances.c.doc_id == doc_id)
            .scalar_subquery().label("appearances"))


def claim_conditions(conn: sa.Connection, f: ClaimFilter) -> tuple[list[sa.ColumnElement[bool]], bool]:
    """The WHERE conditions of a filter, and whether any of them reads the documents table.

    `conn` turns typed actor, source and place names into their stored spellings.
    Measures and sections are lowercase by definition (tollbook.model), so the typed value
    is lowercased; actors, sources and places are looked up among stored values.
    """
    where: list[sa.ColumnElement[bool]] = []
    if f.actor:
        where.append(_equal_to_any(claims.c.actor, stored_spellings(conn, claims.c.actor, f.actor)))
    if f.measure:
        where.append(claims.c.measure == f.measure.strip().lower())
    if f.source:
        where.append(_equal_to_any(claims.c.source, stored_spellings(conn, claims.c.source, f.source)))
    if f.section:
        where.append(claims.c.section == f.section.strip().lower())
    if f.qualifier:
        where.append(claims.c.qualifier == f.qualifier.strip().lower())
    if f.place:
        where.append(place_condition(conn, f.place))
    if f.doc_id:
        where.append(claims.c.doc_id == f.doc_id)
    if f.search is not None:
        where.append(search_condition(conn, f.search))
    needs_documents = False
    if f.outlet:
        where.append(sa.func.lower(documents.c.outlet) == f.outlet.strip().lower())
        needs_documents = True
    since, until = as_date(f.since, "since"), as_date(f.until, "until")
    if since:
        where.append(claim_date() >= since)
    if until:
        where.append(claim_date() <= until)
    return where, needs_documents or bool(since or until)


def select_claims(conn: sa.Connection, f: ClaimFilter) -> sa.Select:
    """The claims query with the document columns a reader needs, oldest document first."""
    where, _ = claim_conditions(conn, f)
    query = (
        sa.select(claims, *(documents.c[name] for name in DOCUMENT_COLUMNS_OF_CLAIMS),
                  appearance_count(claims.c.doc_id))
        .join(documents, documents.c.doc_id == claims.c.doc_id)
        .where(*where)
    )
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
    return [claim_record(row) for row in conn.execute(select_claims(conn, f))]


def fetch_documents_query(*, outlet: str | None = None, since: DateLike = None, until: DateLike = None,
                          cluster_id: str | None = None, doc_id: str | None = None, stale_for: str | None = None,
                          with_text: bool = False) -> sa.Select:
    """The documents query, oldest first; `stale_for` keeps those extracted by another version."""
    claim_count = (sa.select(sa.func.count()).select_from(claims).where(claims.c.doc_id == documents.c.doc_id)
                   .scalar_subquery().label("claims"))
    columns = [documents.c[name] for name in DOCUMENT_FRAME_COLUMNS if name not in ("claims", "appearances")]
    columns += [claim_count, appearance_count(documents.c.doc_id)]
    if with_text:
        columns.append(documents.c.text)
    query = sa.select(*columns)
    if outlet:
        query = query.where(sa.func.lower(documents.c.outlet) == outlet.strip().lower())
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
    return query.order_by(documents.c.published_at.asc().nulls_last(), documents.c.doc_id)


def fetch_documents(conn: sa.Connection, *, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]:
    """Documents with their claim and appearance counts (filters as `fetch_documents_query`)."""
    query = fetch_documents_query(**filters)
    if limit is not None:
        query = query.limit(limit)
    return [dict(row._mapping) for row in conn.execute(query)]


def fetch_claim(conn: sa.Connection, claim_id: str) -> dict[str, Any] | None:
    """One claim (a unique prefix of its id will do) with its document's columns and text."""
    query = select_claims(conn, ClaimFilter()).add_columns(documents.c.text, documents.c.published)
    found = conn.execute(query.where(claims.c.claim_id == claim_id)).first()
    if found is None and len(claim_id) >= 6:
        # a prefix, never a pattern: "%%%7ca2" must not match by suffix
        prefix = claim_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        matches = conn.execute(query.where(claims.c.claim_id.like(f"{prefix}%", escape="\\")).limit(2)).all()
        found = matches[0] if len(matches) == 1 else None
    if found is None:
        return None
    return claim_record(found)


def fetch_appearances(conn: sa.Connection, doc_id: str | None = None) -> list[dict[str, Any]]:
    """Every publication of a document (or of every document, with doc_id None): outlet, dates,
    url, title, path; earliest first."""
    query = (sa.select(appearances.c.doc_id, *(appearances.c[name] for name in APPEARANCE_COLUMNS))
             .order_by(appearances.c.doc_id, appearances.c.published_at.asc().nulls_last(), appearances.c.captured_at,
                       appearances.c.appearance_id))
    if doc_id is not None:
        query = query.where(appearances.c.doc_id == doc_id)
    return [dict(row._mapping) for row in conn.execute(query)]
