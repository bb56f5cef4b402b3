"""UCDP Georeferenced Event Dataset (GED) rows into documents and killed claims.

One row is one event UCDP coded from news reports. The document text is the row's
source headline(s) followed by one line stating UCDP's coding in words; the claim
points at the death count in that line. The killed claim's actor is the side whose
deaths dominate the row (side_a, side_b, civilians); its source chain runs from the
original claimant (`source_original`) to the outlet (`source_office`). GED's names for
sides, countries and regions are data (lexicons/ged.toml), shared with the GED export.

Known faults of the data, handled without stopping: mixed date formats, and rows whose
`best` lies outside [`low`, `high`]. Such a row is imported with the interval repaired
to (min, best, max) and listed as a DataFault.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tollbook.imports import DataFault, ImportedRow, RowText, build_claim, number_text, synthetic_document
from tollbook.lexicons import load
from tollbook.model import SourceRef


@dataclass(frozen=True, slots=True)
class Party:
    """A side as GED names it ("Government of Ukraine", "DPR"), with the tollbook actor it stands for."""

    ged: str
    actor: str
    country: str | None = None
    government: bool = False
    against: str | None = None
    conflict: str | None = None
    side: str | None = None


@dataclass(frozen=True, slots=True)
class GedTables:
    """lexicons/ged.toml, indexed: what both the GED import and the GED export look up."""

    columns: tuple[str, ...]
    violence: Mapping[str, int]
    where_prec: Mapping[str, int]
    date_prec: tuple[tuple[int, int], ...]  # (at most this many days, code), shortest first
    countries: Mapping[str, Mapping[str, Any]]  # alpha-3 -> name, gwno, region
    country_codes: Mapping[str, str]  # GED country name -> alpha-3 (the first listed)
    adm1_codes: Mapping[str, str]  # GED adm_1 name, casefolded -> ISO 3166-2
    adm1_names: Mapping[str, str]  # ISO 3166-2 -> the GED adm_1 name written on export
    parties: Mapping[str, Party]  # by GED name
    party_of_actor: Mapping[str, Party]  # by tollbook actor
    party_of_country: Mapping[str, Party]  # alpha-3 -> the first party listed for it
    civilians: Party


@functools.cache
def ged_tables() -> GedTables:
    """The GED tables, read once."""
    data = load("ged.toml")
    parties = [Party(p["ged"], p["actor"], p.get("country") or None, bool(p.get("government")),
                     p.get("against"), p.get("conflict"), p.get("side")) for p in data["party"]]
    civ = data["civilians"]
    adm1 = data["adm_1"]
    by_country: dict[str, Party] = {}
    for party in parties:
        if party.country:
            by_country.setdefault(party.country, party)
    names: dict[str, str] = {}
    for name, code in adm1.items():
        names.setdefault(code, name)
    country_codes: dict[str, str] = {}
    for code, entry in data["country"].items():
        country_codes.setdefault(entry["name"], code)
    return GedTables(
        columns=tuple(data["columns"]), violence=MappingProxyType(dict(data["violence"])),
        where_prec=MappingProxyType(dict(data["where_prec"])),
        date_prec=tuple(sorted((d["days"], d["code"]) for d in data["date_prec"])),
        countries=MappingProxyType(data["country"]), country_codes=MappingProxyType(country_codes),
        adm1_codes=MappingProxyType({k.casefold(): v for k, v in adm1.items()}),
        adm1_names=MappingProxyType(names),
        parties=MappingProxyType({p.ged: p for p in parties}),
        party_of_actor=MappingProxyType({p.actor: p for p in parties}),
        party_of_country=MappingProxyType(by_country),
        civilians=Party(civ["ged"], civ["actor"]),
    )


# The line of an imported row's text that states UCDP's coding. It starts with the event id, the
# conflict and the dyad, so a claim's quote names the GED event and sides it came from and a GED
# export can write them back.
EVENT_LINE = "UCDP GED event {id} ({conflict}; {dyad}): "
_EVENT = re.compile(r"^UCDP GED event (\S+) \((.*?); (.*?)\): ")


@dataclass(frozen=True, slots=True)
class EventRef:
    """What an imported claim's quote says of its GED event."""

    id: str
    conflict: str
    dyad: tuple[str, str] | None  # (side_a, side_b)


def ged_event(quote: str | None) -> EventRef | None:
    """The GED event an imported claim's quote names, or None for a claim read from an article.

    >>> ged_event("UCDP GED event 147997 (Ukraine: Government; Government of Ukraine - Maidan): 5 killed").dyad
    ('Government of Ukraine', 'Maidan')
    """
    m = _EVENT.match(quote or "")
    if not m:
        return None
    sides = m.group(3).split(" - ")
    return EventRef(m.group(1), m.group(2), (sides[0], sides[1]) if len(sides) == 2 else None)


# Words that mark an official claimant; anything else UCDP names is taken as media or witnesses.
_OFFICIAL = re.compile(
    r"minist|ministry|police|official|military|army|authorit|prosecutor|governor|spokes|command|"
    r"general staff|government|president|mayor|council|service|guard|forces|rebel|militia|separatist",
    re.IGNORECASE,
)


def parse_ucdp_date(value: str | None, *, day_first: bool) -> str | None:
    """An ISO date from UCDP's mixed formats, or None.

    `source_date` is day-first ("20/02/2014"); `date_start`/`date_end` exports are
    month-first ("2/18/2014 12:00:00 AM", "05/03/2014 00:00" = 3 May). A first or
    second field above 12 settles the order whatever the default.
    """
    if not value:
        return None
    text = value.strip().split(";")[0].strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    m = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if not m:
        for fmt in ("%d %B %Y", "%B %d, %Y", "%d.%m.%Y"):
            try:
                return datetime.strptime(text, fmt).date().isoformat()
            except ValueError:
                continue
        return None
    a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    day, month = (a, b) if day_first else (b, a)
    if month > 12 and day <= 12:
        day, month = month, day
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _number(value: Any) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _g(value: float | None) -> str:
    return "none" if value is None else f"{value:g}"


def _first(value: str | None) -> str | None:
    parts = [p.strip() for p in (value or "").split(";") if p.strip()]
    return parts[0] if parts else None


def _source_kind(name: str) -> str:
    return "official" if _OFFICIAL.search(name) else "media"


def dominant_side(row: dict[str, str]) -> tuple[str | None, str | None, str | None]:
    """(actor, actor_country, GED side name) of the side whose deaths dominate the row: side_a,
    side_b or civilians; all None when unknown."""
    counts = {
        "a": _number(row.get("deaths_a")) or 0, "b": _number(row.get("deaths_b")) or 0,
        "civilians": _number(row.get("deaths_civilians")) or 0, "unknown": _number(row.get("deaths_unknown")) or 0,
    }
    top = max(counts, key=lambda k: counts[k])
    if counts[top] == 0 or top == "unknown":
        return None, None, None
    tables = ged_tables()
    if top == "civilians":
        return tables.civilians.actor, tables.country_codes.get(row.get("country") or ""), tables.civilians.ged
    side = (row.get("side_a" if top == "a" else "side_b") or "").strip()
    party = tables.parties.get(side)
    if party is None:
        return side or None, None, side or None
    return party.actor, party.country, side


def ged_place(row: dict[str, str]) -> tuple[str | None, str | None]:
    """(place, place_code) of a row: the gazetteer's place for `where_description` when it knows
    that name in the row's region, else the region (`adm_1`), else the country."""
    from tollbook.lexicons.gazetteer import place as gazetteer_place

    tables = ged_tables()
    adm1 = (row.get("adm_1") or "").strip()
    where = (row.get("where_description") or "").strip()
    country = (row.get("country") or "").strip()
    code = tables.adm1_codes.get(adm1.casefold())
    if code is None and adm1:
        found = gazetteer_place(adm1, None)
        code = found.code if found is not None and found.kind == "region" else None
    code = code or tables.country_codes.get(country)
    if where:
        named, fallback = gazetteer_place(where, code), gazetteer_place(None, code) if code else None
        if named is not None and named is not fallback:
            return where, named.code
    return adm1 or where or country or None, code


def row_to_document(row: dict[str, str], line: int, path: str, source: str | None = None) -> ImportedRow:
    """One GED row as a document and its killed claim; faults are repaired and recorded, never raised.

    The claim keeps what a GED export writes back: the event id, conflict and dyad (first words of
    its quote), the GED side name of its dead (`actor_text`), `where_description` (`place_text`)
    and `adm_1` (its place code).
    """
    event = (row.get("id") or "").strip()
    label = event or f"line {line}"
    faults: list[DataFault] = []
    low, best, high = (_number(row.get(k)) for k in ("low", "best", "high"))
    if best is None:
        best = high if high is not None else low
    if best is not None and ((high is not None and best > high) or (low is not None and low > best)):
        known = [x for x in (low, best, high) if x is not None]
        faults.append(DataFault(f"UCDP event {label}", f"best {_g(best)} outside low {_g(low)} - high {_g(high)}; "
                                f"imported as ({_g(min(known))}, {_g(best)}, {_g(max(known))})"))
        low, high = min(known), max(known)

    date_start = parse_ucdp_date(row.get("date_start"), day_first=False)
    date_end = parse_ucdp_date(row.get("date_end"), day_first=False) or date_start
    published = parse_ucdp_date(row.get("source_date"), day_first=True)
    if published is None and row.get("source_date"):
        faults.append(DataFault(f"UCDP event {label}", f"source_date {row['source_date'][:40]!r} not understood"))
    if date_start is None and row.get("date_start"):
        faults.append(DataFault(f"UCDP event {label}", f"date_start {row['date_start']!r} not understood"))

    actor, actor_country, side = dominant_side(row)
    place, place_code = ged_place(row)
    where = (row.get("where_description") or "").strip() or None
    outlet = _first(row.get("source_office"))
    original = (row.get("source_original") or "").strip() or None
    originator = source or original or outlet
    chain = []
    if original:
        chain.append(SourceRef(original, _source_kind(original), original))
    if outlet:
        chain.append(SourceRef(outlet, "outlet", outlet))

    headlines = [" ".join(h.split()) for h in (row.get("source_headline") or "").split(";") if h.strip()]
    text = RowText()
    if headlines:
        text.add(headlines[0] + "\n")
    if event:
        dyad = row.get("dyad_name") or " - ".join(s for s in (row.get("side_a"), row.get("side_b")) if s)
        text.add(EVENT_LINE.format(id=event, conflict=row.get("conflict_name") or "", dyad=dyad))
    else:
        text.add(f"UCDP GED row {line} ({row.get('conflict_name') or 'conflict'}): ")
    value = "unknown" if best is None else number_text(best)
    span = text.add(value)
    interval = "" if low == best == high else f" (low {number_text(low)}, high {number_text(high)})" \
        if low is not None and high is not None else ""
    text.add(f"{interval} killed, mostly {actor or 'unknown'}, at {where or place}, "
             f"{date_start or '?'} to {date_end or '?'}; source: {original or 'not given'}"
             f"{f' via {outlet}' if outlet else ''}.")
    if len(headlines) > 1:
        text.add("\nOther reports of the event: " + "; ".join(headlines[1:]) + ".")
    doc = synthetic_document(text.text, outlet=outlet, published=published, path=f"{path}#{label}")
    claims = ()
    if best is not None:
        claim = build_claim(
            doc, *span, measure="killed", low=low, best=best, high=high,
            qualifier="exact" if low == best == high else "range", actor=actor, actor_country=actor_country,
            place=place, place_code=place_code, place_text=where or "",
            date_start=date_start, date_end=date_end,
            date_text=f"{date_start} to {date_end}", source=originator, sources=chain,
        )
        claims = (replace(claim, actor_text=side),)
    return ImportedRow(doc, claims, tuple(faults))


def read_ucdp(path: Path, source: str | None = None) -> Iterator[ImportedRow]:
    """Every row of a GED CSV file (UTF-8, header row) as an ImportedRow."""
    with path.open(newline="", encoding="utf-8-sig") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            yield row_to_document(row, line, str(path), source)
