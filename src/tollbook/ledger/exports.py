"""The ledger out, in the formats analysts and fact-checkers already load.

    csv          claims, one row each, UTF-8, ISO dates, the attribution chain as text
    jsonl        claims in their JSON form, one per line
    parquet      claims with typed columns (sources as a list of structs)
    datapackage  a Frictionless Data Package (v2): datapackage.json + claims.csv + documents.csv + appearances.csv
    ucdp         killed claims with UCDP GED's column names (best/low/high, side_a, source_*)
    acled        killed claims with ACLED's column names (fatalities = the conservative figure)
    claimreview  schema.org ClaimReview JSON-LD for the claims a check flagged

Every writer takes the claims frame of `Ledger.claims()`, so a filter on the
command line narrows every format the same way.
"""

from __future__ import annotations

import csv
import io
import json
import math
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import sqlalchemy as sa

from tollbook.errors import UsageError
from tollbook.ledger import queries
from tollbook.ledger.schema import UtcDateTime
from tollbook.ledger.schema import appearances as appearances_table
from tollbook.ledger.schema import claims as claims_table
from tollbook.ledger.schema import documents as documents_table

if TYPE_CHECKING:
    import pandas

    from tollbook.ledger import Ledger

FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet", "datapackage", "ucdp", "acled", "claimreview")
# Formats that need a file or folder rather than a stream, with the name used when --out is not given.
DEFAULT_OUT = {"parquet": "claims.parquet", "datapackage": "tollbook-datapackage"}

UCDP_COLUMNS = ("id", "date_start", "date_end", "best", "low", "high", "side_a", "where_description",
                "adm_1", "country", "source_original", "source_office", "source_headline", "source_date")
ACLED_COLUMNS = ("event_date", "actor1", "country", "admin1", "location", "fatalities", "notes", "source",
                 "claim_id")
LICENSE = "Code: MIT. Quoted text remains the copyright of its publishers; figures are attributed to their originators."


# ---------------------------------------------------------------- values

def plain(value: Any) -> Any:
    """A frame cell as plain JSON-able Python: NaN/NaT -> None, timestamps -> ISO text."""
    if value is None or isinstance(value, (str, bool, int, list, dict)):
        return value
    if value.__class__.__name__ in ("NAType", "NaTType") or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (datetime, date)):  # also pandas Timestamp
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return plain(value.item())
    return value


def frame_records(frame: pandas.DataFrame) -> list[dict[str, Any]]:
    """Rows of a ledger frame as plain dicts (what --json and jsonl write)."""
    return [{key: plain(value) for key, value in row.items()} for row in frame.to_dict("records")]


def sources_text(sources: Iterable[Mapping[str, Any]] | None) -> str:
    """The attribution chain as spreadsheet text: "Armed Forces of Ukraine (military); Reuters (outlet)"."""
    return "; ".join(f"{s.get('name')} ({s.get('kind')})" for s in (sources or []) if s.get("name"))


def _number(value: Any) -> str:
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _whole(value: Any) -> int | None:
    value = plain(value)
    return None if value is None else int(round(value))


def _day(value: Any) -> str:
    value = plain(value)
    return value[:10] if isinstance(value, str) else ""


def _flat_row(record: Mapping[str, Any], columns: Sequence[str]) -> list[str]:
    out = []
    for name in columns:
        value = record.get(name)
        if name == "sources":
            out.append(sources_text(value))
        elif isinstance(value, (bool, int, float)) or value is None:
            out.append(_number(value))
        else:
            out.append(str(value))
    return out


# ---------------------------------------------------------------- csv, jsonl, parquet

def write_csv(frame: pandas.DataFrame, out: TextIO) -> int:
    """Claims as CSV; `sources` flattened to text so every cell is a plain value."""
    columns = list(frame.columns)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    records = frame_records(frame)
    for record in records:
        writer.writerow(_flat_row(record, columns))
    return len(records)


def write_jsonl(frame: pandas.DataFrame, out: TextIO) -> int:
    records = frame_records(frame)
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(records)


def parquet_schema():
    """Typed columns for the claims frame; dates as date32, published_at as UTC timestamps."""
    import pyarrow as pa

    source = pa.struct([("name", pa.string()), ("kind", pa.string()), ("text", pa.string())])
    types = {sa.Float: pa.float64(), sa.Integer: pa.int64(), sa.Boolean: pa.bool_(), sa.Date: pa.date32()}
    fields = []
    for name in queries.CLAIM_FRAME_COLUMNS:
        if name == "sources":
            fields.append(pa.field(name, pa.list_(source)))
            continue
        if name == "appearances":  # a count, not a stored column
            fields.append(pa.field(name, pa.int64()))
            continue
        column = claims_table.c[name] if name in claims_table.c else documents_table.c[name]
        if isinstance(column.type, UtcDateTime):
            fields.append(pa.field(name, pa.timestamp("us", tz="UTC")))
        else:
            kind = next((t for cls, t in types.items() if isinstance(column.type, cls)), pa.string())
            fields.append(pa.field(name, kind))
    return pa.schema(fields)


def write_parquet(frame: pandas.DataFrame, path: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    records = frame_records(frame)
    for record in records:
        for key in ("date_start", "date_end"):
            if record.get(key):
                record[key] = date.fromisoformat(record[key])
        if record.get("published_at"):
            record["published_at"] = datetime.fromisoformat(record["published_at"])
    table = pa.Table.from_pylist(records, schema=schema)
    pq.write_table(table, path)
    return len(records)


# ---------------------------------------------------------------- data package

_TABLE_SCHEMA_TYPES = ((sa.Boolean, "boolean"), (sa.Integer, "integer"), (sa.Float, "number"),
                       (UtcDateTime, "datetime"), (sa.Date, "date"))


def _field(column: sa.Column) -> dict[str, Any]:
    kind = next((name for cls, name in _TABLE_SCHEMA_TYPES if isinstance(column.type, cls)), "string")
    field: dict[str, Any] = {"name": column.name, "type": kind}
    if column.comment:
        field["description"] = column.comment
    if not column.nullable and kind == "string":
        field["constraints"] = {"required": True}
    return field


def _resource(name: str, table: sa.Table, columns: Sequence[str], **schema_extra: Any) -> dict[str, Any]:
    return {
        "name": name, "path": f"{name}.csv", "type": "table", "format": "csv", "mediatype": "text/csv",
        "encoding": "utf-8", "description": table.comment,
        "schema": {"$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
                   "fields": [_field(table.c[c]) for c in columns], **schema_extra},
    }


def write_datapackage(claims: pandas.DataFrame, documents: pandas.DataFrame, folder: str,
                      appearances: pandas.DataFrame | None = None) -> int:
    """A Data Package folder: claims.csv, documents.csv, appearances.csv (every outlet that carried
    a document) and a datapackage.json describing them."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    claim_columns = [c for c in claims_table.c.keys()]
    document_columns = [c for c in documents_table.c.keys()]
    records = frame_records(claims)
    with open(out / "claims.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(claim_columns)
        for record in records:
            writer.writerow(_flat_row(record, claim_columns))
    with open(out / "documents.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(document_columns)
        for record in frame_records(documents):
            writer.writerow(_flat_row(record, document_columns))
    appearance_columns = ["doc_id", "outlet", "published", "published_at", "url", "title", "path", "captured_at"]
    with open(out / "appearances.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(appearance_columns)
        for record in frame_records(appearances) if appearances is not None else []:
            writer.writerow(_flat_row(record, appearance_columns))
    descriptor = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "tollbook-ledger",
        "title": "tollbook ledger: quantitative claims from conflict and disaster reporting",
        "description": "Each claim is one figure about people or equipment (killed, wounded, deployed, "
                       "destroyed ...) with its interval, actor, place, period, originator and the quote it was read from.",
        "created": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "licenses": [{"name": "MIT", "title": LICENSE}],
        "resources": [
            _resource("claims", claims_table, claim_columns, primaryKey=["claim_id"],
                      foreignKeys=[{"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}}]),
            _resource("documents", documents_table, document_columns, primaryKey=["doc_id"]),
            _resource("appearances", appearances_table, appearance_columns,
                      foreignKeys=[{"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}}]),
        ],
    }
    (out / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(records)


# ---------------------------------------------------------------- UCDP, ACLED

def _country_and_region(place_code: str | None) -> tuple[str, str]:
    """Country name and first-level region name of a tollbook place code ("RU-KRS", "UKR", "PS-GAZA")."""
    if not place_code:
        return "", ""
    import pycountry

    code = place_code.upper()
    if code == "PS-GAZA":  # tollbook's own code; ISO has none for the Strip
        return _country_name("PS"), "Gaza Strip"
    if "-" in code:
        country = _country_name(code.split("-", 1)[0])
        region = pycountry.subdivisions.get(code=code)
        return country, region.name if region else ""
    return _country_name(code), ""


def _country_name(code: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else pycountry.countries.get(alpha_3=code)
    if country is None:
        return ""
    return getattr(country, "common_name", None) or country.name


def ucdp_rows(frame: pandas.DataFrame) -> Iterator[dict[str, Any]]:
    """Killed claims in UCDP GED's columns: side_a is whose dead they are, source_original who said so."""
    for r in frame_records(frame):
        if r.get("measure") != "killed":
            continue
        country, region = _country_and_region(r.get("place_code"))
        yield {
            "id": r["claim_id"], "date_start": r.get("date_start") or "",
            "date_end": r.get("date_end") or _day(r.get("published_at")),
            "best": _whole(r.get("best")), "low": _whole(r.get("low")), "high": _whole(r.get("high")),
            "side_a": r.get("actor") or "", "where_description": r.get("place") or r.get("place_text") or "",
            "adm_1": region, "country": country, "source_original": r.get("source") or "",
            "source_office": r.get("outlet") or "", "source_headline": r.get("title") or "",
            "source_date": _day(r.get("published_at")),
        }


def acled_rows(frame: pandas.DataFrame) -> Iterator[dict[str, Any]]:
    """Killed claims in ACLED's columns; fatalities is the conservative figure (low when known, else best)."""
    for r in frame_records(frame):
        if r.get("measure") != "killed":
            continue
        country, region = _country_and_region(r.get("place_code"))
        low, best = _whole(r.get("low")), _whole(r.get("best"))
        interval = ", ".join(f"{k} {_number(r.get(k)) or 'unbounded'}" for k in ("low", "best", "high"))
        claimant = r.get("source") or r.get("outlet") or "unattributed"
        notes = f"{r.get('value_text')!s} ({r.get('qualifier')}: {interval}); claimed by {claimant}. {r.get('quote') or ''}".strip()
        yield {
            "event_date": r.get("date_end") or _day(r.get("published_at")), "actor1": r.get("actor") or "",
            "country": country, "admin1": region, "location": r.get("place") or "",
            "fatalities": low if low is not None else best, "notes": notes,
            "source": "; ".join(dict.fromkeys(s for s in (r.get("source"), r.get("outlet")) if s)),
            "claim_id": r["claim_id"],
        }


def write_table(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
        count += 1
    return count


# ---------------------------------------------------------------- ClaimReview

_FINDING_LABELS = {
    "revision": "Revised by its source", "monotonicity": "Inconsistent with earlier totals",
    "disagreement": "Disputed", "scope_mismatch": "Scope differs", "impossible_arithmetic": "Inconsistent",
    "adversary_claim": "Unverified adversary claim",
}
AMBIGUOUS = ("Ambiguous measure", "The wording (for example 'eliminated' or 'neutralised') does not say whether "
             "the figure counts people killed, wounded or captured; it is recorded as casualties.")


def _get(item: Any, key: str, default: Any = None) -> Any:
    return item.get(key, default) if isinstance(item, Mapping) else getattr(item, key, default)


def reviews_wanted(frame: pandas.DataFrame, findings: Iterable[Any] | None) -> Iterator[tuple[dict[str, Any], str, str]]:
    """(claim, rating label, explanation) pairs: one per claim a finding names, or each ambiguous claim."""
    by_id = {r["claim_id"]: r for r in frame_records(frame)}
    if findings is None:
        for record in by_id.values():
            if record.get("ambiguous_measure"):
                yield record, *AMBIGUOUS
        return
    for finding in findings:
        kind = str(_get(finding, "kind", "") or "")
        label = _FINDING_LABELS.get(kind, kind.replace("_", " ").capitalize() or "Flagged")
        explanation = str(_get(finding, "rule", "") or _get(finding, "message", "") or label)
        ids = _get(finding, "claims", None) or [_get(finding, "claim_id")]
        for claim_id in ids:
            if claim_id in by_id:
                yield by_id[claim_id], label, explanation


def claimreview(frame: pandas.DataFrame, findings: Iterable[Any] | None = None,
                today: date | None = None) -> list[dict[str, Any]]:
    """schema.org ClaimReview objects (JSON-LD) for flagged claims."""
    published = (today or datetime.now(timezone.utc).date()).isoformat()
    reviews = []
    for record, label, explanation in reviews_wanted(frame, findings):
        item: dict[str, Any] = {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": record.get("source") or record.get("outlet") or "unattributed"},
            "appearance": {"@type": "CreativeWork", "url": record.get("url"), "headline": record.get("title")},
        }
        if record.get("published_at"):
            item["datePublished"] = _day(record["published_at"])
        reviews.append({
            "@context": "https://schema.org", "@type": "ClaimReview",
            "identifier": record["claim_id"], "claimReviewed": record.get("quote"), "itemReviewed": item,
            "reviewRating": {"@type": "Rating", "alternateName": label, "ratingExplanation": explanation},
            "author": {"@type": "Organization", "name": "tollbook"}, "datePublished": published,
        })
    return reviews


def read_findings(path: str) -> list[dict[str, Any]]:
    """Findings from a JSON list or JSON Lines file (what `tollbook reconcile --json/--nl` writes)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read findings {path!r}: {exc.strerror or exc}") from None
    try:
        value = json.loads(text)
        return value if isinstance(value, list) else [value]
    except ValueError:
        pass
    try:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    except ValueError as exc:
        raise UsageError(f"findings {path!r} are neither a JSON list nor JSON Lines ({exc})") from None


# ---------------------------------------------------------------- one entry point

def export(ledger: Ledger, fmt: str, out: str | None = None, *, findings: Iterable[Any] | None = None,
           **filters: Any) -> tuple[int, str]:
    """Write the filtered claims in one format; returns (rows written, where)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    frame = ledger.claims(**filters)
    if fmt in DEFAULT_OUT:
        target = out or DEFAULT_OUT[fmt]
        if fmt == "parquet":
            return write_parquet(frame, target), target
        documents = ledger.documents(with_text=True)
        if any(v is not None for v in filters.values()):
            documents = documents[documents["doc_id"].isin(set(frame["doc_id"]))]
        published = ledger.appearances()
        published = published[published["doc_id"].isin(set(documents["doc_id"]))]
        return write_datapackage(frame, documents, target, published), target
    buffer = io.StringIO()
    if fmt == "csv":
        count = write_csv(frame, buffer)
    elif fmt == "jsonl":
        count = write_jsonl(frame, buffer)
    elif fmt == "ucdp":
        count = write_table(ucdp_rows(frame), UCDP_COLUMNS, buffer)
    elif fmt == "acled":
        count = write_table(acled_rows(frame), ACLED_COLUMNS, buffer)
    else:
        reviews = claimreview(frame, findings)
        buffer.write(json.dumps(reviews, indent=2, ensure_ascii=False) + "\n")
        count = len(reviews)
    if out is None or out == "-":
        sys.stdout.write(buffer.getvalue())
        return count, "<stdout>"
    # A BOM on CSV files so spreadsheet programs read them as UTF-8 (Python reads them with utf-8-sig).
    encoding = "utf-8-sig" if fmt in ("csv", "ucdp", "acled") else "utf-8"
    with open(out, "w", encoding=encoding, newline="") as handle:
        handle.write(buffer.getvalue())
    return count, out
