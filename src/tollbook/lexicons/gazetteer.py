"""Coordinates for a place as a claim stores it: its name and its code ("Kursk", "RU-KRS").

The gazetteer is lexicons/places.csv (built by scripts/build_places.py): one row per alias,
each with the place's name, code, kind, country, latitude, longitude and population. Exports,
the ledger and maps ask here for a point; extraction matches the same rows in text
(tollbook.extract.places). The file is read once, and every look-up is a dict access.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from tollbook.lexicons import read_csv, unaccented


@dataclass(frozen=True, slots=True)
class Place:
    """One place of the gazetteer; lat/lon are None only for a place built from a claim alone."""

    name: str
    code: str
    kind: str
    country: str
    lat: float | None = None
    lon: float | None = None
    population: int = 0


def name_key(text: str) -> str:
    """Case- and accent-blind key of a name ("Bogotá" and "BOGOTA" -> "bogota")."""
    return unaccented(text.strip()).casefold()


def place_of_row(row: dict[str, str]) -> Place:
    """The Place a places.csv row names (lat/lon/population empty or absent -> None/0)."""
    lat, lon = row.get("lat") or "", row.get("lon") or ""
    return Place(
        row["name"], row["code"], row["kind"], row["country"],
        float(lat) if lat else None, float(lon) if lon else None, int(row.get("population") or 0),
    )


COMPILED_FORMAT = 3  # raise when CompiledPlaces changes shape

PlaceRow = tuple[str, str, str, str, float | None, float | None, int]
_FIELD = "\x1f"  # between the fields of a row kept as one string (no name or code holds it)


class PlaceRows(Sequence[PlaceRow]):
    """The gazetteer's places, each kept as one string and made a tuple when asked for.

    Tens of thousands of tuples with floats in them cost about 50 ms to unpickle at every
    start, the same rows as strings a tenth of that; a run reads the few places it matches.
    """

    __slots__ = ("_lines",)

    def __init__(self, lines: tuple[str, ...]) -> None:
        self._lines = lines

    @classmethod
    def of(cls, rows: Iterable[PlaceRow]) -> PlaceRows:
        lines = []
        for row in rows:
            fields = ["" if value is None else repr(value) if isinstance(value, float) else str(value) for value in row]
            if any(_FIELD in value for value in fields):
                raise ValueError(f"a place field holds the separator U+001F: {row!r}")
            lines.append(_FIELD.join(fields))
        return cls(tuple(lines))

    @staticmethod
    def _row(line: str) -> PlaceRow:
        name, code, kind, country, lat, lon, population = line.split(_FIELD)
        return (name, code, kind, country, float(lat) if lat else None, float(lon) if lon else None, int(population))

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> PlaceRow: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[PlaceRow, ...]: ...

    def __getitem__(self, index: int | slice) -> PlaceRow | tuple[PlaceRow, ...]:
        if isinstance(index, slice):
            return tuple(map(self._row, self._lines[index]))
        return self._row(self._lines[index])

    def __iter__(self) -> Iterator[PlaceRow]:
        return map(self._row, self._lines)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlaceRows) and self._lines == other._lines

    def __hash__(self) -> int:
        return hash(self._lines)

    def __reduce__(self) -> tuple[type[PlaceRows], tuple[tuple[str, ...]]]:
        return (PlaceRows, (self._lines,))


class JoinedNames(Sequence[str]):
    """Names kept as one string and split when first read: the gazetteer's 73,000 aliases
    unpickle in about 10 ms as strings, in under 1 ms as one; extraction never reads them."""

    __slots__ = ("_text", "_names")

    def __init__(self, text: str) -> None:
        self._text = text
        self._names: list[str] | None = None

    @classmethod
    def of(cls, names: Iterable[str]) -> JoinedNames:
        names = list(names)
        if any(_FIELD in name for name in names):
            raise ValueError("a name holds the separator U+001F")
        return cls(_FIELD.join(names)) if names else cls.empty()

    @classmethod
    def empty(cls) -> JoinedNames:
        found = cls("")
        found._names = []
        return found

    def _split(self) -> list[str]:
        if self._names is None:
            self._names = self._text.split(_FIELD)
        return self._names

    def __len__(self) -> int:
        return len(self._split())

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        return self._split()[index]

    def __iter__(self) -> Iterator[str]:
        return iter(self._split())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, JoinedNames) and list(self) == list(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __reduce__(self) -> tuple[type[JoinedNames], tuple[str]]:
        return (JoinedNames, (self._text,)) if len(self) else (JoinedNames._from_nothing, ())

    @staticmethod
    def _from_nothing() -> JoinedNames:
        return JoinedNames.empty()


@dataclass(frozen=True, slots=True)
class CompiledPlaces:
    """places.csv parsed once: plain strings and numbers, which unpickle fast (Place objects do not).

    Row i of `aliases` (as written), `folded` (as `lexicons.fold` makes it) and `refs` (the
    index of its place in `rows`) describe one alias; `rows` holds each place once as
    (name, code, kind, country, lat, lon, population).
    """

    aliases: JoinedNames
    folded: tuple[str, ...]
    refs: tuple[int, ...]
    rows: PlaceRows


def _compile() -> CompiledPlaces:
    from tollbook.lexicons import fold

    shared: dict[tuple[str, ...], int] = {}
    rows: list[PlaceRow] = []
    aliases, folded, refs = [], [], []
    for row in read_csv("places.csv"):
        key = (row["name"], row["code"], row["kind"], row["country"], row.get("lat", ""), row.get("lon", ""))
        ref = shared.get(key)
        if ref is None:
            found = place_of_row(row)
            ref = shared[key] = len(rows)
            rows.append((found.name, found.code, found.kind, found.country, found.lat, found.lon, found.population))
        aliases.append(row["alias"])
        folded.append(fold(row["alias"]) if row["alias"] else "")
        refs.append(ref)
    return CompiledPlaces(JoinedNames.of(aliases), tuple(folded), tuple(refs), PlaceRows.of(rows))


@functools.cache
def compiled_places() -> CompiledPlaces:
    """The gazetteer, compiled once per content of places.csv (see `lexicons.compiled`)."""
    from tollbook.lexicons import compiled

    from tollbook.lexicons import FOLD_SIGNATURE

    # the folded keys depend on `fold`: a change to its table compiles afresh
    return compiled("places.csv", _compile, version=f"{COMPILED_FORMAT}-{FOLD_SIGNATURE}")


@functools.cache
def place_at(ref: int) -> Place:
    """The Place of row `ref` of the compiled gazetteer (made on first use: text matching needs few)."""
    return Place(*compiled_places().rows[ref])


@functools.cache
def countries() -> dict[str, Place]:
    """The gazetteer's countries by alpha-3 code, read off the compiled rows: a country's place without the
    name and code tables `place` builds over every alias (tens of MB a run that needs only a country keeps)."""
    return {row[1]: Place(*row) for row in compiled_places().rows if row[2] == "country"}


@functools.cache
def entries() -> tuple[tuple[str, Place], ...]:
    """Every (alias, place) of places.csv, one shared Place per place; alias "" for a place
    known by name and code only."""
    table = compiled_places()
    return tuple((alias, place_at(ref)) for alias, ref in zip(table.aliases, table.refs))


@dataclass(frozen=True, slots=True)
class _Tables:
    by_name_code: dict[tuple[str, str], Place]
    by_name: dict[str, Place]
    by_code: dict[str, Place]


_KIND_ORDER = {"country": 0, "region": 1, "city": 2}


def _rank(place: Place) -> tuple[int, int]:
    # The place a bare code stands for: the country or region itself before any of its cities
    # (and "UKR" is Ukraine, not Donbas, which shares its code), then the most populous.
    return (_KIND_ORDER.get(place.kind, 3), -place.population)


@functools.cache
def _tables() -> _Tables:
    by_name_code: dict[tuple[str, str], Place] = {}
    by_name: dict[str, Place] = {}
    by_code: dict[str, Place] = {}
    rows = entries()
    # Aliases before names: the CSV holds one place per alias (the build resolved clashes), so
    # ("Gaza", "PS-GAZA") is the Gaza Strip, as text matching reads it, not Gaza City.
    for alias, found in rows:
        if alias:
            key = name_key(alias)
            by_name_code.setdefault((key, found.code), found)
            by_name.setdefault(key, found)
    places = {id(found): found for _, found in rows}.values()
    for found in places:
        key = name_key(found.name)
        by_name_code.setdefault((key, found.code), found)
        by_name.setdefault(key, found)
        best = by_code.get(found.code)
        if best is None or _rank(found) < _rank(best):
            by_code[found.code] = found
    return _Tables(by_name_code, by_name, by_code)


def place(name: str | None, code: str | None) -> Place | None:
    """The gazetteer's place for a claim's `place` and `place_code`, or None when it has none.

    Name and code together pick the row that has both ("Kursk", "RU-KRS" -> the city of Kursk);
    a name unknown under that code falls back to the code's own place (its region or country),
    and either alone is looked up alone. Example: place("Bogota", None).lat -> about 4.6.
    """
    tables = _tables()
    key = name_key(name) if name else ""
    if key and code:
        found = tables.by_name_code.get((key, code))
        if found is not None:
            return found
    if code:
        found = tables.by_code.get(code)
        if found is not None:
            return found
    if key:
        return tables.by_name.get(key)
    return None


def coordinates(name: str | None, code: str | None) -> tuple[float, float] | None:
    """(latitude, longitude) of a claim's place, or None: coordinates("Kursk", "RU-KRS") -> (51.7, 36.2)."""
    found = place(name, code)
    if found is None or found.lat is None or found.lon is None:
        return None
    return (found.lat, found.lon)
