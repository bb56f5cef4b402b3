"""Dated series into documents and claims: one document per date, one claim per value.

Recognised by their columns:

- Ukraine's General Staff daily tallies of Russian losses (PetroIvaniuk's dataset):
  `russia_losses_personnel.json` (date, personnel, "personnel*" = about/more, POW) and
  `russia_losses_equipment.json` (date and one column per equipment class);
- Gaza daily bulletins (TechForPalestine's `casualties_daily.json`: report_date,
  report_source, killed_cum, injured_cum);
- any CSV or JSON list with `date` and `value` (or low/best/high), optionally `source`,
  `measure`, `actor`, `place`, `unit` per row.

All of them are cumulative "as of" figures: date_start stays open, date_end is the date.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from tollbook.errors import UsageError
from tollbook.imports import DataFault, ImportedRow, RowText, build_claim, number_text, synthetic_document
from tollbook.model import MEASURES, SourceRef

GENERAL_STAFF = "General Staff of the Armed Forces of Ukraine"
GENSTAFF_DATASET = "2022-Ukraine-Russia-War-Dataset"
GAZA_DATASET = "TechForPalestine palestine-datasets"

# General Staff equipment columns -> tollbook equipment units (docs/conventions.md).
# "vehicles and fuel tanks" replaced "military auto" + "fuel tank" in May 2022.
EQUIPMENT_UNITS: dict[str, str] = {
    "tank": "tank", "APC": "armoured vehicle", "field artillery": "artillery system", "MRL": "MLRS",
    "aircraft": "aircraft", "helicopter": "helicopter", "drone": "drone", "naval ship": "ship",
    "anti-aircraft warfare": "air-defence system", "submarines": "submarine", "cruise missiles": "missile",
    "special equipment": "special equipment", "vehicles and fuel tanks": "vehicle", "military auto": "vehicle",
    "fuel tank": "fuel tank",
}
# Columns that are not a count of destroyed materiel in the conventions' units.
NOT_COUNTED = {"date", "day", "greatest losses direction", "mobile SRBM system", "ground robotic systems"}

GAZA_SOURCES = {
    "mohtel": "Gaza Health Ministry", "moh": "Gaza Health Ministry",
    "gmotel": "Gaza Government Media Office", "gmo": "Gaza Government Media Office",
}

# General Staff's "personnel*" marker -> the qualifier of docs/conventions.md.
PERSONNEL_QUALIFIERS = {"about": ("approximately", "about"), "more": ("more_than", "more than")}


def _num(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        v = float(str(value).replace(",", ""))
    except ValueError:
        return None
    return None if math.isnan(v) else v


def _interval(qualifier: str, n: float) -> tuple[float | None, float, float | None]:
    if qualifier == "approximately":
        return round(0.9 * n, 6), n, round(1.1 * n, 6)
    if qualifier in ("more_than", "at_least"):
        return n, n, None
    return n, n, n


def _load(path: Path) -> list[dict[str, Any]]:
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise UsageError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
        if isinstance(data, Mapping):
            data = next((v for v in data.values() if isinstance(v, list)), [])
        if not isinstance(data, list):
            raise UsageError(f"{path}: expected a JSON list of objects with a date and values")
        return [r for r in data if isinstance(r, Mapping)]
    with path.open(newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def read_series(path: Path, *, source: str | None = None, measure: str | None = None, actor: str | None = None,
                place: str | None = None) -> Iterator[ImportedRow]:
    """Every dated row of a series file as an ImportedRow; the layout is told by the columns."""
    rows = _load(path)
    columns = set().union(*(r.keys() for r in rows[:50])) if rows else set()
    if "personnel" in columns and "date" in columns:
        return (genstaff_personnel(r, str(path), source or GENERAL_STAFF) for r in rows)
    if "tank" in columns and "date" in columns:
        return (genstaff_equipment(r, str(path), source or GENERAL_STAFF) for r in rows)
    if "report_date" in columns and ("killed_cum" in columns or "injured_cum" in columns):
        return (gaza_daily(r, str(path), source) for r in rows)
    if "date" in columns and ({"value", "best"} & columns):
        return (generic_row(r, i, str(path), source=source or path.stem, measure=measure, actor=actor, place=place)
                for i, r in enumerate(rows, start=1))
    raise UsageError(f"{path}: not a series tollbook knows; give columns date,value[,source,measure,actor,place,unit]")


def _doc_and_claims(text: RowText, values: list[tuple[tuple[int, int], dict[str, Any]]], *, outlet: str,
                    published: str | None, path: str, faults: tuple[DataFault, ...] = ()) -> ImportedRow:
    doc = synthetic_document(text.text, outlet=outlet, published=published, path=path)
    claims = tuple(build_claim(doc, *span, **fields) for span, fields in values)
    return ImportedRow(doc, claims, faults)


def _chain(source: str, kind: str, outlet: str) -> tuple[SourceRef, ...]:
    return (SourceRef(source, kind, source), SourceRef(outlet, "outlet", outlet))


def genstaff_personnel(row: Mapping[str, Any], path: str, source: str) -> ImportedRow:
    """'General Staff ...: Russian forces casualties about 2,800 as of 2022-02-25.'

    The General Staff's "personnel" figure counts killed and wounded together: casualties.
    """
    day = str(row.get("date"))[:10]
    text = RowText()
    text.add(f"{source}: Russian losses as of {day}\n")
    values = []
    n = _num(row.get("personnel"))
    common = dict(actor="Russian forces", actor_country="RUS", place=None, place_code=None, date_end=day,
                  date_text=f"as of {day}", source=source, sources=_chain(source, "military", GENSTAFF_DATASET))
    text.add("Russian forces casualties ")
    if n is not None:
        qualifier, cue = PERSONNEL_QUALIFIERS.get(str(row.get("personnel*") or "").strip(), ("exact", ""))
        low, best, high = _interval(qualifier, n)
        span = text.add(f"{cue} {number_text(n)}".strip())
        values.append((span, dict(measure="casualties", low=low, best=best, high=high, qualifier=qualifier,
                                  **common)))
    else:
        text.add("not reported")
    pow_ = _num(row.get("POW"))
    if pow_ is not None:
        text.add("; captured ")
        span = text.add(number_text(pow_))
        values.append((span, dict(measure="captured", low=pow_, best=pow_, high=pow_, qualifier="exact", **common)))
    text.add(f" as of {day}.")
    return _doc_and_claims(text, values, outlet=GENSTAFF_DATASET, published=day, path=f"{path}#{day}")


def genstaff_equipment(row: Mapping[str, Any], path: str, source: str) -> ImportedRow:
    """'General Staff ...: Russian equipment destroyed as of 2022-02-25: tank 80, ...' one claim per class."""
    day = str(row.get("date"))[:10]
    text = RowText()
    text.add(f"{source}: Russian equipment losses as of {day}\n")
    text.add(f"Russian forces equipment destroyed as of {day}: ")
    combined = _num(row.get("vehicles and fuel tanks")) is not None
    values = []
    common = dict(measure="destroyed", qualifier="exact", actor="Russian forces", actor_country="RUS",
                  date_end=day, date_text=f"as of {day}", source=source,
                  sources=_chain(source, "military", GENSTAFF_DATASET))
    for column, unit in EQUIPMENT_UNITS.items():
        n = _num(row.get(column))
        if n is None or (combined and column in ("military auto", "fuel tank")):
            continue  # one vehicle figure per day: the combined column when the day has it
        text.add(("; " if values else "") + f"{column} ")
        span = text.add(number_text(n))
        values.append((span, dict(unit=unit, low=n, best=n, high=n, **common)))
    text.add(".")
    return _doc_and_claims(text, values, outlet=GENSTAFF_DATASET, published=day, path=f"{path}#{day}")


def gaza_daily(row: Mapping[str, Any], path: str, source: str | None) -> ImportedRow:
    """'Gaza Health Ministry: civilians killed 232, wounded 1,610 in the Gaza Strip as of 2023-10-07.'"""
    day = str(row.get("report_date"))[:10]
    given = str(row.get("report_source") or "").strip()
    originator = source or GAZA_SOURCES.get(given.lower(), given or "unknown")
    kind = "ministry" if "Ministry" in originator else "government"
    text = RowText()
    text.add(f"{originator}: Gaza casualty report, {day}\n")
    text.add(f"{originator}: civilians ")
    values = []
    common = dict(actor="civilians", actor_country="PSE", place="Gaza Strip", place_code="PS-GAZA",
                  date_end=day, date_text=f"as of {day}", source=originator,
                  sources=_chain(originator, kind, GAZA_DATASET), qualifier="exact")
    for column, measure in (("killed_cum", "killed"), ("injured_cum", "wounded")):
        n = _num(row.get(column))
        if n is None:
            continue
        text.add(("; " if values else "") + f"{measure} ")
        span = text.add(number_text(n))
        values.append((span, dict(measure=measure, low=n, best=n, high=n, **common)))
    if not values:
        text.add("figures not reported")
    text.add(f" in the Gaza Strip as of {day}.")
    return _doc_and_claims(text, values, outlet=GAZA_DATASET, published=day, path=f"{path}#{day}")


def generic_row(row: Mapping[str, Any], index: int, path: str, *, source: str, measure: str | None,
                actor: str | None, place: str | None) -> ImportedRow:
    """A `date,value[,source,measure,actor,place,unit]` row; low/best/high columns may replace value."""
    day = str(row.get("date") or "").strip()[:10]
    originator = str(row.get("source") or source)
    what = str(row.get("measure") or measure or "").strip()
    if what not in MEASURES:
        raise UsageError(f"{path} row {index}: measure {what or '(none)'!r} is not one of {', '.join(MEASURES)}; "
                         "add a measure column or pass --measure")
    who = str(row.get("actor") or actor or "").strip() or None
    where = str(row.get("place") or place or "").strip() or None
    code = where if where and (where.isupper() or "-" in where) else None
    unit = str(row.get("unit") or "personnel")
    best = _num(row.get("best")) if _num(row.get("best")) is not None else _num(row.get("value"))
    low, high = _num(row.get("low")), _num(row.get("high"))
    faults: tuple[DataFault, ...] = ()
    if best is not None:
        low = best if low is None and "low" not in row else low
        high = best if high is None and "high" not in row else high
        known = [x for x in (low, best, high) if x is not None]
        if (low is not None and low > best) or (high is not None and high < best):
            faults = (DataFault(f"{path} row {index}", f"best {best:g} outside its low/high; imported as "
                                f"({min(known):g}, {best:g}, {max(known):g})"),)
            low, high = min(known), max(known)
    text = RowText()
    text.add(f"{originator}: {who or 'unspecified'} {what}, {day}\n")
    text.add(f"{originator}: {who or 'unspecified'} {what} ")
    values = []
    if best is not None:
        span = text.add(number_text(best))
        qualifier = "exact" if low == best == high else "range" if low is not None and high is not None \
            else "at_least" if high is None else "at_most"
        values.append((span, dict(measure=what, unit=unit, low=low, best=best, high=high, qualifier=qualifier,
                                  actor=who, actor_country=None, place=where, place_code=code, date_end=day or None,
                                  date_text=f"as of {day}" if day else None, source=originator,
                                  sources=_chain(originator, "official", Path(path).name))))
    else:
        text.add("not reported")
    text.add(f"{' in ' + where if where else ''}{' as of ' + day if day else ''}.")
    return _doc_and_claims(text, values, outlet=Path(path).name, published=day or None,
                           path=f"{path}#{index}", faults=faults)
