"""UCDP Georeferenced Event Dataset (GED) rows into documents and killed claims.

One row is one event UCDP coded from news reports. The document text is the row's
source headline(s) followed by one line stating UCDP's coding in words; the claim
points at the death count in that line. The killed claim's actor is the side whose
deaths dominate the row (side_a, side_b, civilians); its source chain runs from the
original claimant (`source_original`) to the outlet (`source_office`).

Known faults of the data, handled without stopping: mixed date formats, and rows whose
`best` lies outside [`low`, `high`]. Such a row is imported with the interval repaired
to (min, best, max) and listed as a DataFault.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tollbook.imports import DataFault, ImportedRow, RowText, build_claim, number_text, synthetic_document
from tollbook.model import SourceRef

# UCDP side names -> tollbook actor and country (names as in lexicons/actors.toml where listed).
# The DPR, LPR and Novorossiya forces have no ISO country of their own and are left without one
# rather than guessed (Russian-backed, on Ukrainian territory).
SIDE_ACTORS: dict[str, tuple[str, str | None]] = {
    "Government of Ukraine": ("Ukrainian forces", "UKR"),
    "Government of Russia (Soviet Union)": ("Russian forces", "RUS"),
    "DPR": ("Donetsk People's Republic forces", None),
    "LPR": ("Luhansk People's Republic forces", None),
    "United Armed Forces of Novorossiya": ("United Armed Forces of Novorossiya", None),
    "Civilians": ("civilians", "UKR"),
    "Maidan": ("Maidan protesters", "UKR"),
}

# UCDP's English first-level names -> ISO 3166-2 (pycountry's names are transliterated differently).
ADM1_CODES: dict[str, str] = {
    "donetsk oblast": "UA-14", "luhansk oblast": "UA-09", "kherson oblast": "UA-65",
    "kharkiv oblast": "UA-63", "zaporizhzhya oblast": "UA-23", "zaporizhzhia oblast": "UA-23",
    "dnipropetrovsk oblast": "UA-12", "mykolayiv oblast": "UA-48", "mykolaiv oblast": "UA-48",
    "kiev special republican city": "UA-30", "kyiv city": "UA-30", "kiev oblast": "UA-32",
    "kyiv oblast": "UA-32", "sumy oblast": "UA-59", "odessa oblast": "UA-51", "odesa oblast": "UA-51",
    "chernihiv oblast": "UA-74", "cherkasy oblast": "UA-71", "khmelnytskyi oblast": "UA-68",
    "zhytomyr oblast": "UA-18", "poltava oblast": "UA-53", "lviv oblast": "UA-46",
    "autonomous republic of crimea": "UA-43", "sevastopol": "UA-40", "rostov oblast": "RU-ROS",
    "belgorod oblast": "RU-BEL", "kursk oblast": "RU-KRS", "bryansk oblast": "RU-BRY",
}
COUNTRY_CODES = {"Ukraine": "UKR", "Russia (Soviet Union)": "RUS"}

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


def dominant_side(row: dict[str, str]) -> tuple[str | None, str | None]:
    """The actor whose deaths dominate the row: side_a, side_b or civilians; None when unknown."""
    counts = {
        "a": _number(row.get("deaths_a")) or 0, "b": _number(row.get("deaths_b")) or 0,
        "civilians": _number(row.get("deaths_civilians")) or 0, "unknown": _number(row.get("deaths_unknown")) or 0,
    }
    top = max(counts, key=lambda k: counts[k])
    if counts[top] == 0 or top == "unknown":
        return None, None
    if top == "civilians":
        return "civilians", COUNTRY_CODES.get(row.get("country") or "", None)
    side = row.get("side_a" if top == "a" else "side_b") or ""
    return SIDE_ACTORS.get(side, (side or None, None))


def row_to_document(row: dict[str, str], line: int, path: str, source: str | None = None) -> ImportedRow:
    """One GED row as a document and its killed claim; faults are repaired and recorded, never raised."""
    event = row.get("id") or f"line {line}"
    faults: list[DataFault] = []
    low, best, high = (_number(row.get(k)) for k in ("low", "best", "high"))
    if best is None:
        best = high if high is not None else low
    if best is not None and ((high is not None and best > high) or (low is not None and low > best)):
        known = [x for x in (low, best, high) if x is not None]
        faults.append(DataFault(f"UCDP event {event}", f"best {_g(best)} outside low {_g(low)} - high {_g(high)}; "
                                f"imported as ({_g(min(known))}, {_g(best)}, {_g(max(known))})"))
        low, high = min(known), max(known)

    date_start = parse_ucdp_date(row.get("date_start"), day_first=False)
    date_end = parse_ucdp_date(row.get("date_end"), day_first=False) or date_start
    published = parse_ucdp_date(row.get("source_date"), day_first=True)
    if published is None and row.get("source_date"):
        faults.append(DataFault(f"UCDP event {event}", f"source_date {row['source_date'][:40]!r} not understood"))
    if date_start is None and row.get("date_start"):
        faults.append(DataFault(f"UCDP event {event}", f"date_start {row['date_start']!r} not understood"))

    actor, actor_country = dominant_side(row)
    adm1 = (row.get("adm_1") or "").strip()
    place = adm1 or (row.get("where_description") or "").strip() or row.get("country") or None
    place_code = ADM1_CODES.get(adm1.lower()) or COUNTRY_CODES.get(row.get("country") or "")
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
    text.add(f"UCDP GED event {event} ({row.get('conflict_name') or 'conflict'}): ")
    value = "unknown" if best is None else number_text(best)
    span = text.add(value)
    interval = "" if low == best == high else f" (low {number_text(low)}, high {number_text(high)})" \
        if low is not None and high is not None else ""
    text.add(f"{interval} killed, mostly {actor or 'unknown'}, at {row.get('where_description') or place}, "
             f"{date_start or '?'} to {date_end or '?'}; source: {original or 'not given'}"
             f"{f' via {outlet}' if outlet else ''}.")
    if len(headlines) > 1:
        text.add("\nOther reports of the event: " + "; ".join(headlines[1:]) + ".")
    doc = synthetic_document(text.text, outlet=outlet, published=published, path=f"{path}#{event}")
    claims = ()
    if best is not None:
        claims = (build_claim(
            doc, *span, measure="killed", low=low, best=best, high=high,
            qualifier="exact" if low == best == high else "range", actor=actor, actor_country=actor_country,
            place=place, place_code=place_code, place_text=(row.get("where_description") or "").strip() or place,
            date_start=date_start, date_end=date_end,
            date_text=f"{date_start} to {date_end}", source=originator, sources=chain,
        ),)
    return ImportedRow(doc, claims, tuple(faults))


def read_ucdp(path: Path, source: str | None = None) -> Iterator[ImportedRow]:
    """Every row of a GED CSV file (UTF-8, header row) as an ImportedRow."""
    with path.open(newline="", encoding="utf-8-sig") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            yield row_to_document(row, line, str(path), source)
