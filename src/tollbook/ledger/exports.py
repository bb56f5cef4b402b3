"""The ledger out, in the formats analysts and fact-checkers already load.

    csv          claims, one row each, UTF-8, ISO dates, the attribution chain as text
    jsonl        claims in their JSON form, one per line
    parquet      claims with typed columns (sources as a list of structs)
    datapackage  a Frictionless Data Package (v2): datapackage.json + claims.csv + documents.csv + appearances.csv
    ucdp         killed claims as UCDP GED events: all 49 GED columns in GED's order
    acled        the same events in ACLED's 31 columns (fatalities = the conservative figure)
    claimreview  schema.org ClaimReview JSON-LD for the claims a check flagged

Every writer takes the claims frame of `Ledger.claims()`, so a filter on the
command line narrows every format the same way. CSV is UTF-8 with \n line ends and no
byte-order mark unless `excel` asks for the spreadsheet form. docs/exports.md says
which column comes from where, and which are left empty because a claim cannot know them.
"""

from __future__ import annotations

import csv
import io
import json
import math
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import sqlalchemy as sa

from tollbook.errors import UsageError
from tollbook.imports.ucdp import Party, ged_event, ged_tables
from tollbook.ledger import queries
from tollbook.ledger.schema import UtcDateTime
from tollbook.ledger.schema import appearances as appearances_table
from tollbook.ledger.schema import claims as claims_table
from tollbook.ledger.schema import documents as documents_table
from tollbook.lexicons import load
from tollbook.model import country_of_code

if TYPE_CHECKING:
    import pandas

    from tollbook.ledger import Ledger

FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet", "datapackage", "ucdp", "acled", "claimreview")
# Formats that need a file or folder rather than a stream, with the name used when --out is not given.
DEFAULT_OUT = {"parquet": "claims.parquet", "datapackage": "tollbook-datapackage"}

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

def write_csv(frame: pandas.DataFrame, out: TextIO, lineterminator: str = "\n") -> int:
    """Claims as CSV; `sources` flattened to text so every cell is a plain value."""
    columns = list(frame.columns)
    writer = csv.writer(out, lineterminator=lineterminator)
    writer.writerow(columns)
    records = frame_records(frame)
    for record in records:
        writer.writerow(_flat_row(record, columns))
    return len(records)


def write_jsonl(frame: pandas.DataFrame, out: TextIO) -> int:
    """Claims as ledger records, one JSON object per line; each validates against
    schema/ledger_record.schema.json (a claim plus the ledger's and its document's columns)."""
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

def _iso_name(alpha3: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_3=alpha3)
    return "" if country is None else getattr(country, "common_name", None) or country.name


def _region_name(place_code: str | None) -> str:
    """The gazetteer's name of a first-level region code ("RU-KRS" -> "Kursk"), else ISO's."""
    if not place_code or "-" not in place_code:
        return ""
    from tollbook.lexicons.gazetteer import place

    found = place(None, place_code)
    if found is not None and found.kind == "region":
        return found.name
    import pycountry

    region = pycountry.subdivisions.get(code=place_code.upper())
    return region.name if region else ""


@dataclass(frozen=True, slots=True)
class Where:
    """Where a claim happened, as both event formats need it."""

    country: str | None  # alpha-3
    kind: str | None  # the gazetteer's kind of the named place: city, region or country
    name: str | None  # the gazetteer's name of that place
    lat: float | None
    lon: float | None


def where_of(record: Mapping[str, Any]) -> Where:
    """The claim's place in the gazetteer (by the words that named it, then its canonical name),
    with coordinates from the ledger's latitude/longitude when it has them."""
    code = record.get("place_code")
    named = record.get("place_text") or record.get("place")
    found = None
    if named or code:
        from tollbook.lexicons.gazetteer import place

        found = place(named, code)
    lat, lon = plain(record.get("latitude")), plain(record.get("longitude"))
    if lat is None or lon is None:
        lat = lon = None
        if named or code:
            from tollbook.lexicons.gazetteer import coordinates

            point = coordinates(named, code)
            if point is not None:
                lat, lon = point
    return Where(country_of_code(code), found.kind if found else None, found.name if found else None, lat, lon)


def priogrid_gid(lat: float, lon: float) -> int:
    """PRIO-GRID cell of a point (0.5 degree cells numbered from the south-west corner, row by row)."""
    return int((lat + 90) // 0.5) * 720 + int((lon + 180) // 0.5) + 1


def _period_days(record: Mapping[str, Any]) -> int | None:
    start, end = record.get("date_start"), record.get("date_end")
    if not start or not end:
        return None
    return (date.fromisoformat(end[:10]) - date.fromisoformat(start[:10])).days + 1


def _event_day(record: Mapping[str, Any]) -> str:
    return _day(record.get("date_end")) or _day(record.get("published_at"))


@dataclass(frozen=True, slots=True)
class Sides:
    """A killed claim coded as GED codes an event: the two sides, whose the dead are, the violence type."""

    side_a: Party
    side_b: Party
    deaths: str  # deaths_a, deaths_b, deaths_civilians or deaths_unknown
    violence: int
    conflict_name: str


def _conflict_of(country: str | None) -> tuple[Mapping[str, Any], str] | None:
    """The first conflict of belligerents.toml with `country` on a side, and that side ("a"/"b")."""
    if not country:
        return None
    for conflict in load("belligerents.toml").get("conflict", []):
        for side in ("a", "b"):
            if country in conflict.get(f"side_{side}", ()):
                return conflict, side
    return None


def _lead(conflict: Mapping[str, Any], side: str) -> Party | None:
    """The party a side of a conflict stands for when a claim does not say: its first country's."""
    countries = conflict.get(f"side_{side}") or ()
    return ged_tables().party_of_country.get(countries[0]) if countries else None


def _ordered(p: Party, q: Party) -> tuple[Party, Party]:
    """GED's order of a dyad: an explicit `side`, then the government first, then belligerents.toml's side_a."""
    def rank(x: Party) -> int:
        if x.side:
            return 0 if x.side == "a" else 1
        return 0 if x.government and not x.against else 1

    if rank(p) != rank(q):
        return (p, q) if rank(p) < rank(q) else (q, p)
    p_side, q_side = _conflict_of(p.country), _conflict_of(q.country)
    if q_side is not None and q_side[1] == "a" and (p_side is None or p_side[1] != "a"):
        return q, p
    return p, q


def ged_sides(record: Mapping[str, Any], where: Where) -> Sides | None:
    """The sides of a killed claim, or None for an event in no conflict of belligerents.toml
    (an earthquake, a flood, a war tollbook has no sides for).

    The victims' side comes from the claim's actor (its GED party by name, else by country);
    the other side from the party's `against` in ged.toml, else the first country of the other
    side in belligerents.toml. Civilians make one-sided violence by that other side.
    """
    tables = ged_tables()
    actor, actor_country = record.get("actor"), record.get("actor_country")
    violence = tables.violence
    event = ged_event(record.get("quote"))
    if event is not None and event.dyad is not None:
        return _imported_sides(event.conflict, event.dyad, record.get("actor_text"))
    if actor == tables.civilians.actor:
        found = _conflict_of(where.country) or _conflict_of(actor_country)
        perpetrator = _lead(found[0], "b" if found[1] == "a" else "a") if found else None
        if perpetrator is None:
            return None
        return Sides(perpetrator, tables.civilians, "deaths_civilians", violence["one_sided"],
                     f"{perpetrator.ged} - {tables.civilians.ged}")
    party = tables.party_of_actor.get(actor or "") or tables.party_of_country.get(actor_country or "")
    if party is not None:
        opponent = tables.parties.get(party.against) if party.against else None
        found = None
        if opponent is None:
            found = _conflict_of(party.country)
            opponent = _lead(found[0], "b" if found[1] == "a" else "a") if found else None
        if opponent is None:
            return None
        a, b = _ordered(party, opponent)
        if party.against:
            name = party.conflict or ""
        elif opponent.against == party.ged:
            name = opponent.conflict or ""
        else:
            name = found[0].get("ged_conflict", "") if found and a.government and b.government else ""
        kind = violence["state_based"] if a.government or b.government else violence["non_state"]
        return Sides(a, b, "deaths_a" if a is party else "deaths_b", kind, name)
    found = _conflict_of(where.country)
    if found is None:
        return None
    a, b = _lead(found[0], "a"), _lead(found[0], "b")
    if a is None or b is None:
        return None
    kind = violence["state_based"] if a.government or b.government else violence["non_state"]
    name = found[0].get("ged_conflict", "") if a.government and b.government else ""
    return Sides(a, b, "deaths_unknown", kind, name)


def _party(ged_name: str) -> Party:
    tables = ged_tables()
    if ged_name == tables.civilians.ged:
        return tables.civilians
    return tables.parties.get(ged_name) or Party(ged_name, ged_name, government=ged_name.startswith("Government of"))


def _imported_sides(conflict: str, dyad: tuple[str, str], victims: str | None) -> Sides:
    """The sides of a claim imported from GED, as the row had them (its quote states the dyad)."""
    tables = ged_tables()
    a, b = _party(dyad[0]), _party(dyad[1])
    if tables.civilians in (a, b):
        kind = tables.violence["one_sided"]
    else:
        kind = tables.violence["state_based" if a.government or b.government else "non_state"]
    deaths = ("deaths_civilians" if victims == tables.civilians.ged else "deaths_a" if victims == a.ged
              else "deaths_b" if victims == b.ged else "deaths_unknown")
    return Sides(a, b, deaths, kind, conflict)


def _gwno(party: Party) -> int | None:
    if not party.government or not party.country:
        return None
    return ged_tables().countries.get(party.country, {}).get("gwno")


def _date_prec(record: Mapping[str, Any]) -> int:
    days = _period_days(record)
    if days is not None:
        for limit, code in ged_tables().date_prec:
            if days <= limit:
                return code
    return 5


def _claimant(record: Mapping[str, Any]) -> str:
    """Who made the claim when that is not just the outlet that carried it."""
    source = record.get("source") or ""
    return "" if source == (record.get("outlet") or "") else source


def conflict_events(frame: pandas.DataFrame, left_out: list[dict[str, Any]] | None
                    ) -> Iterator[tuple[dict[str, Any], Any, Any, dict[str, Any]]]:
    """The killed claims GED and ACLED would code, each with its place, sides and GED country row;
    a claim with no belligerent side (a flood, an earthquake) goes to `left_out` instead."""
    tables = ged_tables()
    for r in frame_records(frame):
        if r.get("measure") != "killed":
            continue
        where = where_of(r)
        sides = ged_sides(r, where)
        if sides is None:
            if left_out is not None:
                left_out.append(r)
            continue
        yield r, where, sides, tables.countries.get(where.country or "", {})


def ucdp_rows(frame: pandas.DataFrame, left_out: list[dict[str, Any]] | None = None) -> Iterator[dict[str, Any]]:
    """Killed claims as GED events, every GED column present; a claim with no belligerent side
    is not an event GED would code and goes to `left_out` instead."""
    tables = ged_tables()
    for r, where, sides, country in conflict_events(frame, left_out):
        day = _day(r.get("published_at"))
        outlet, title = r.get("outlet") or "", r.get("title") or ""
        article = f'"{outlet},{day},{title}"' if outlet or title else ""
        start, end = _day(r.get("date_start")), _event_day(r)
        code = r.get("place_code") or ""
        event = ged_event(r.get("quote"))
        row: dict[str, Any] = dict.fromkeys(tables.columns, "")
        row.update({
            "id": event.id if event else r["claim_id"], "year": (start or end)[:4],
            "type_of_violence": sides.violence, "conflict_name": sides.conflict_name,
            "dyad_name": f"{sides.side_a.ged} - {sides.side_b.ged}", "side_a": sides.side_a.ged,
            "side_b": sides.side_b.ged, "number_of_sources": 1 if article else "", "source_article": article,
            "source_office": outlet, "source_date": day, "source_headline": title,
            "source_original": _claimant(r), "where_prec": tables.where_prec.get(where.kind or "", ""),
            "where_coordinates": where.name or "", "where_description": (r.get("place_text") or "") if event else (r.get("place_text") or r.get("place") or ""),
            "adm_1": tables.adm1_names.get(code.upper()) or _region_name(code),
            "country": country.get("name") or (_iso_name(where.country) if where.country else ""),
            "country_id": country.get("gwno", ""), "region": country.get("region", ""),
            "date_prec": _date_prec(r), "date_start": start, "date_end": end,
            "deaths_a": 0, "deaths_b": 0, "deaths_civilians": 0, "deaths_unknown": 0,
            "best": _whole(r.get("best")), "high": _whole(r.get("high")), "low": _whole(r.get("low")),
            "gwnoa": _gwno(sides.side_a), "gwnob": _gwno(sides.side_b),
        })
        row[sides.deaths] = _whole(r.get("best"))
        if where.lat is not None and where.lon is not None:
            row.update(latitude=where.lat, longitude=where.lon, geom_wkt=f"POINT ({where.lon} {where.lat})",
                       priogrid_gid=priogrid_gid(where.lat, where.lon))
        yield row


# ACLED's columns, in the order of its exports (ACLED codebook; acledR's data dictionary).
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
    "timestamp",
)
# ACLED's numeric actor types (inter1/inter2): the two tollbook can tell apart.
_ACLED_STATE_FORCES, _ACLED_CIVILIANS = 1, 7
_ACLED_GEO_PRECISION = {"city": 1, "region": 3, "country": 3}


def _acled_time_precision(record: Mapping[str, Any]) -> int:
    days = _period_days(record)
    return 1 if days == 1 else 2 if days is not None and days <= 7 else 3


def acled_rows(frame: pandas.DataFrame, left_out: list[dict[str, Any]] | None = None) -> Iterator[dict[str, Any]]:
    """Killed claims in ACLED's columns; fatalities is the conservative figure (low when known, else best).
    The same claims as the GED export: a claim with no belligerent side goes to `left_out`."""
    import pycountry

    tables = ged_tables()
    for r, where, sides, country in conflict_events(frame, left_out):
        country_name = country.get("acled") or (_iso_name(where.country) if where.country else "")
        iso = pycountry.countries.get(alpha_3=where.country) if where.country else None
        low, best = _whole(r.get("low")), _whole(r.get("best"))
        interval = ", ".join(f"{k} {_number(r.get(k)) or 'unbounded'}" for k in ("low", "best", "high"))
        claimant = r.get("source") or r.get("outlet") or "unattributed"
        notes = f"{r.get('value_text')!s} ({r.get('qualifier')}: {interval}); claimed by {claimant}. {r.get('quote') or ''}".strip()
        civilians = sides.side_b is tables.civilians

        def actor_name(party: Party) -> str:
            return f"Civilians ({country_name})" if party is tables.civilians and country_name else party.actor

        def inter(party: Party) -> int | str:
            return _ACLED_CIVILIANS if party is tables.civilians else _ACLED_STATE_FORCES if party.government else ""

        inter1, inter2 = inter(sides.side_a), inter(sides.side_b)
        day = _event_day(r)
        yield {
            "event_id_cnty": r["claim_id"], "event_date": day, "year": day[:4],
            "time_precision": _acled_time_precision(r), "disorder_type": "Political violence",
            "event_type": "", "sub_event_type": "",
            "actor1": actor_name(sides.side_a), "assoc_actor_1": "", "inter1": inter1,
            "actor2": actor_name(sides.side_b), "assoc_actor_2": "", "inter2": inter2,
            "interaction": f"{min(inter1, inter2)}{max(inter1, inter2)}" if inter1 and inter2 else "",
            "civilian_targeting": "Civilian targeting" if civilians else "",
            "iso": int(iso.numeric) if iso else "", "region": country.get("region", ""), "country": country_name,
            "admin1": _region_name(r.get("place_code")), "admin2": "", "admin3": "",
            "location": r.get("place") or "", "latitude": where.lat, "longitude": where.lon,
            "geo_precision": _ACLED_GEO_PRECISION.get(where.kind or "", ""),
            "source": "; ".join(dict.fromkeys(s for s in (r.get("source"), r.get("outlet")) if s)),
            "source_scale": "", "notes": notes, "fatalities": low if low is not None else best,
            "tags": "", "timestamp": "",
        }


def write_table(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], out: TextIO,
                lineterminator: str = "\n") -> int:
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator=lineterminator)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
        count += 1
    return count


# ---------------------------------------------------------------- ClaimReview

# The rating scale of tollbook's reviews: 1 (worst) to 5 (best). A review exists only for a
# flagged claim, so 4 and 5 are never written: 5 would be "consistent with every other source".
RATING_SCALE = {"worstRating": 1, "bestRating": 5}
_RATINGS: dict[str, tuple[str, int]] = {
    "impossible_arithmetic": ("Inconsistent", 1),
    "monotonicity": ("Inconsistent with earlier totals", 2),
    "disagreement": ("Disputed", 2),
    "revision": ("Revised by its source", 3),
    "scope_mismatch": ("Scope differs", 3),
    "adversary_claim": ("Unverified adversary claim", 3),
}
UNRATED = 3  # a finding kind without a rating of its own
AMBIGUOUS = ("Ambiguous measure", "The wording (for example 'eliminated' or 'neutralised') does not say whether "
             "the figure counts people killed, wounded or captured; it is recorded as casualties.", 3)


def _get(item: Any, key: str, default: Any = None) -> Any:
    return item.get(key, default) if isinstance(item, Mapping) else getattr(item, key, default)


def reviews_wanted(frame: pandas.DataFrame, findings: Iterable[Any] | None
                   ) -> Iterator[tuple[dict[str, Any], str, str, int, str | None]]:
    """(claim, rating label, explanation, rating value, review date) for each claim a finding names,
    or for each ambiguous claim when no findings are given (its review date is then None)."""
    by_id = {r["claim_id"]: r for r in frame_records(frame)}
    if findings is None:
        for record in by_id.values():
            if record.get("ambiguous_measure"):
                yield record, *AMBIGUOUS, None
        return
    for finding in findings:
        kind = str(_get(finding, "kind", "") or "")
        label, value = _RATINGS.get(kind, (kind.replace("_", " ").capitalize() or "Flagged", UNRATED))
        explanation = str(_get(finding, "rule", "") or _get(finding, "message", "") or label)
        reviewed = _get(finding, "reviewed_on") or _get(finding, "date")
        ids = _get(finding, "claims", None) or [_get(finding, "claim_id")]
        for claim_id in ids:
            if claim_id in by_id:
                yield by_id[claim_id], label, explanation, value, _day(reviewed) or None


def claim_permalink(claim_id: str, base_url: str = "") -> str:
    """The claim's address in `tollbook serve`: "/claims/<id>", under `base_url` when given."""
    return f"{base_url.rstrip('/')}/claims/{claim_id}"


def claimreview(frame: pandas.DataFrame, findings: Iterable[Any] | None = None, *, base_url: str = "",
                reviewed: Mapping[str, str] | None = None, today: date | None = None) -> list[dict[str, Any]]:
    """schema.org ClaimReview objects (JSON-LD) for flagged claims.

    `datePublished` is the day of the review: the finding's `reviewed_on` (the day reconcile wrote
    the findings), else `reviewed[doc_id]` (the day tollbook read the document and flagged it),
    and only failing both `today`.
    """
    fallback = (today or datetime.now(timezone.utc).date()).isoformat()
    reviews = []
    for record, label, explanation, value, when in reviews_wanted(frame, findings):
        item: dict[str, Any] = {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": record.get("source") or record.get("outlet") or "unattributed"},
            "appearance": {"@type": "CreativeWork", "url": record.get("url"), "headline": record.get("title")},
        }
        if record.get("published_at"):
            item["datePublished"] = _day(record["published_at"])
        published = when or _day((reviewed or {}).get(record["doc_id"])) or fallback
        reviews.append({
            "@context": "https://schema.org", "@type": "ClaimReview",
            "url": claim_permalink(record["claim_id"], base_url),
            "identifier": record["claim_id"], "claimReviewed": record.get("quote"), "itemReviewed": item,
            "reviewRating": {"@type": "Rating", "ratingValue": value, **RATING_SCALE, "alternateName": label,
                             "ratingExplanation": explanation},
            "author": {"@type": "Organization", "name": "tollbook"}, "datePublished": published,
        })
    return reviews


def read_findings(path: str) -> list[dict[str, Any]]:
    """Findings from a JSON list or JSON Lines file (what `tollbook reconcile --json/--nl` writes).

    A finding without a `reviewed_on` date gets the day the file was written: the day of the review.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
        written = datetime.fromtimestamp(Path(path).stat().st_mtime, timezone.utc).date().isoformat()
    except OSError as exc:
        raise UsageError(f"cannot read findings {path!r}: {exc.strerror or exc}") from None
    try:
        value = json.loads(text)
        found = value if isinstance(value, list) else [value]
    except ValueError:
        try:
            found = [json.loads(line) for line in text.splitlines() if line.strip()]
        except ValueError as exc:
            raise UsageError(f"findings {path!r} are neither a JSON list nor JSON Lines ({exc})") from None
    return [{"reviewed_on": written, **f} if isinstance(f, dict) else f for f in found]


# ---------------------------------------------------------------- one entry point

def export(ledger: Ledger, fmt: str, out: str | None = None, *, findings: Iterable[Any] | None = None,
           excel: bool = False, base_url: str = "", **filters: Any) -> tuple[int, str]:
    """Write the filtered claims in one format; returns (rows written, where).

    CSV formats are UTF-8 without a byte-order mark and with \\n line ends; `excel` writes the
    BOM and CRLF line ends spreadsheet programs expect. `base_url` prefixes ClaimReview urls.
    """
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
    line_end = "\r\n" if excel else "\n"
    left_out: list[dict[str, Any]] = []
    if fmt == "csv":
        count = write_csv(frame, buffer, lineterminator=line_end)
    elif fmt == "jsonl":
        count = write_jsonl(frame, buffer)
    elif fmt == "ucdp":
        count = write_table(ucdp_rows(frame, left_out), ged_tables().columns, buffer, line_end)
    elif fmt == "acled":
        count = write_table(acled_rows(frame, left_out), ACLED_COLUMNS, buffer, line_end)
    else:
        captured = ledger.documents()
        reviewed = {d: plain(c) for d, c in zip(captured["doc_id"], captured["captured_at"])}
        reviews = claimreview(frame, findings, base_url=base_url, reviewed=reviewed)
        buffer.write(json.dumps(reviews, indent=2, ensure_ascii=False) + "\n")
        count = len(reviews)
    if left_out:
        # GED and ACLED code political violence only; the rest are listed, not silently dropped.
        sys.stderr.write(f"tollbook: {len(left_out)} killed claim{'' if len(left_out) == 1 else 's'} left out of "
                         f"the {fmt} file: no side of a "
                         f"conflict in belligerents.toml (disasters, or wars tollbook has no sides for): "
                         f"{', '.join(r['claim_id'] for r in left_out[:5])}{' ...' if len(left_out) > 5 else ''}\n")
    # Spreadsheet form only on request: a byte-order mark so Excel reads the file as UTF-8.
    text = ("\ufeff" if excel and fmt in ("csv", "ucdp", "acled") else "") + buffer.getvalue()
    if out is None or out == "-":
        sys.stdout.write(text)
        return count, "<stdout>"
    with open(out, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    return count, out
