"""Series: the claims about one quantity, and which of them are independent.

A series is (actor, measure, unit, place scope). Claims come in as plain records: the
Claim fields plus the document's `published_at`, `outlet` and `cluster_id` (what
`Ledger.claims()` returns, or `Claim.to_dict()` with those three keys added).

Independence: a figure is one *claim* however many outlets repeat it. Records are
merged into one `ClaimGroup` when they give the same figure for the same series and
period and either come from the same originator or sit in the same syndication
cluster (a wire story reprinted by twenty outlets is one claim with twenty appearances,
even when some reprints credit the outlet rather than the original source).

Appearances are publications: a record's `appearances` (from `Ledger.claims()`) is how
many outlets/urls published its document's exact text, which the ledger stores once.
A group counts each of its documents' appearances once, however many times the
document repeats the figure (headline, summary, body); records without the column
count one appearance per document.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from tollbook.lexicons.measures import measure_family, measures_where

UNKNOWN_ORIGINATOR = "unknown"

# Measures that count up over a war or disaster: a figure for a longer period from the
# same start can only be larger (measures.toml, `cumulative`).
CUMULATIVE_MEASURES: frozenset[str] = measures_where(cumulative=True)


@dataclass(frozen=True, slots=True, order=True)
class SeriesKey:
    """Which quantity a claim is about."""

    actor: str | None
    measure: str | None
    unit: str | None
    place_code: str | None

    @property
    def label(self) -> str:
        """Readable one-line name, e.g. 'Russian forces | casualties | personnel | RUS'."""
        return " | ".join(part or "-" for part in (self.actor, self.measure, self.unit, self.place_code))


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """One independent claim: an originator's figure for one period, with every appearance."""

    key: SeriesKey
    originator: str
    low: float | None
    best: float | None
    high: float | None
    date_start: str | None
    date_end: str | None
    as_of: str | None  # date_end, else the earliest publication date of the appearances
    published_at: str | None  # earliest publication among the appearances
    claim_ids: tuple[str, ...]
    doc_ids: tuple[str, ...]
    outlets: tuple[str, ...]
    clusters: tuple[str, ...]  # syndication clusters (a doc with no cluster is its own)
    dates: tuple[str, ...]  # every appearance's as_of, sorted: a figure repeated day after day
    first: Mapping[str, Any]  # the earliest appearance, for quotes and spans
    appearances: int = 1  # publications of the group's documents (outlet/url copies of one text included)

    @property
    def group_id(self) -> str:
        return self.claim_ids[0]

    def span(self) -> dict[str, Any]:
        """Where the figure was read: doc_id, start, end, quote of the earliest appearance."""
        r = self.first
        return {"doc_id": r.get("doc_id"), "start": r.get("start"), "end": r.get("end"), "quote": r.get("quote")}


@dataclass(frozen=True, slots=True)
class Series:
    """Counts for one series; `parent` links a region (RU-KRS) to its country (RUS)."""

    key: SeriesKey
    parent: str | None
    place: str | None
    claims: int  # independent claims (ClaimGroups)
    appearances: int  # publications: every outlet/url that carried a claim's document, summed over claims
    appearance_groups: int  # syndication clusters the appearances fall into
    originators: tuple[str, ...]
    first_date: str | None
    last_date: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "series": self.key.label, "actor": self.key.actor, "measure": self.key.measure,
            "unit": self.key.unit, "place_code": self.key.place_code, "place": self.place,
            "parent": self.parent, "claims": self.claims, "appearances": self.appearances,
            "appearance_groups": self.appearance_groups, "originators": len(self.originators),
            "originator_names": list(self.originators), "first_date": self.first_date,
            "last_date": self.last_date, **rollup_fields(self.key.actor, self.key.measure, self.key.unit),
        }


def rollup_fields(actor: str | None, measure: str | None, unit: str | None) -> dict[str, Any]:
    """The roll-up a series belongs to: its actor and measure family, every place (`rollups`)."""
    family = measure_family(measure)
    return {"family": family, "rollup": " | ".join(part or "-" for part in (actor, family, unit))}


ROLLUP_SUMS = ("claims", "appearances", "findings")


def rollups(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Series rows (`Series.to_dict()`, or stored rows with `findings`) rolled up by actor and measure
    family: one row per roll-up with its measures, places, summed counts, originators and, in
    `children`, its series in the order given (a country before its regions).

    A series is an actor's measure at one place; the quantity a reader follows is the actor's
    losses wherever they are counted, so killed and casualties in Kursk, in Russia and with no
    place named are one roll-up with six children, not six series.

    >>> [r["rollup"] for r in rollups(s.to_dict() for s in build_series(records))]  # doctest: +SKIP
    ['North Korean forces | losses | personnel']
    """
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        fields = rollup_fields(row.get("actor"), row.get("measure"), row.get("unit"))
        r = out.get(fields["rollup"])
        if r is None:
            r = out[fields["rollup"]] = {
                "rollup": fields["rollup"], "actor": row.get("actor"), "family": fields["family"],
                "unit": row.get("unit"), "measures": [], "places": [], **{k: 0 for k in ROLLUP_SUMS},
                "originator_names": [], "first_date": None, "last_date": None, "children": [],
            }
        for name, value in (("measures", row.get("measure")), ("places", row.get("place_code"))):
            if value not in r[name]:
                r[name].append(value)
        for k in ROLLUP_SUMS:
            r[k] += int(row.get(k) or 0)
        r["originator_names"] = sorted({*r["originator_names"], *(row.get("originator_names") or [])})
        first, last = row.get("first_date"), row.get("last_date")
        if first and (r["first_date"] is None or first < r["first_date"]):
            r["first_date"] = first
        if last and (r["last_date"] is None or last > r["last_date"]):
            r["last_date"] = last
        r["children"].append(row.get("series"))
    for r in out.values():
        r["originators"] = len(r["originator_names"])
    return list(out.values())


def rollup_depth(row: Mapping[str, Any], children: Collection[str]) -> int:
    """How deep a series row sits under its roll-up: 2 for a region whose country's series of the same
    measure is among the roll-up's `children` (RU-KRS under RUS), else 1.

    >>> rollup_depth({"actor": "A", "measure": "killed", "unit": "personnel", "parent": "RUS"},
    ...              ["A | killed | personnel | RUS"])
    2
    """
    parent = row.get("parent")
    if not parent:
        return 1
    country = SeriesKey(row.get("actor"), row.get("measure"), row.get("unit"), parent).label
    return 2 if country in children else 1


_PLAIN = frozenset({str, int, bool, list, dict, tuple, date, datetime})  # exact types: pandas' NaT is neither


def _clean(value: Any) -> Any:
    """None for the missing values pandas writes as NaN/NaT."""
    if value is None or type(value) in _PLAIN:  # most values: decided without pandas
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    try:
        import pandas as pd

        if value is pd.NaT or (not isinstance(value, (list, tuple, dict, str)) and pd.isna(value)):
            return None
    except (TypeError, ValueError):
        pass
    return value


def _iso_date(value: Any) -> str | None:
    value = _clean(value)
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    return str(value)[:10] or None


def normalise_records(records: Iterable[Mapping[str, Any]] | Any) -> list[dict[str, Any]]:
    """Plain dicts from a list of dicts or a DataFrame; NaN becomes None, dates ISO strings.

    Adds `originator` (source, else outlet, else 'unknown') and `as_of` (date_end, else
    the publication date) so the rules below read one field each. A record this function
    already returned (it has both added keys) is passed on as it is: normalising is idempotent,
    and a timeline hands the same records to the fusion and the chart.
    """
    if hasattr(records, "to_dict") and hasattr(records, "columns"):
        records = records.to_dict(orient="records")
    out: list[dict[str, Any]] = []
    for raw in records:
        if isinstance(raw, dict) and "as_of" in raw and "originator" in raw:
            out.append(raw)
            continue
        # most values are plain (decided by one type test); the rest go through _clean
        items = raw.items() if isinstance(raw, dict) else dict(raw).items()
        r = {k: v if v is None or type(v) in _PLAIN else _clean(v) for k, v in items}
        for bound in ("low", "best", "high"):
            if r.get(bound) is not None:
                r[bound] = float(r[bound])
        r["date_start"] = _iso_date(r.get("date_start"))
        r["date_end"] = _iso_date(r.get("date_end"))
        published = _clean(r.get("published_at", r.get("published")))
        r["published_at"] = published.isoformat() if hasattr(published, "isoformat") else published
        r["originator"] = canonical_originator(r.get("source")) or r.get("outlet") or UNKNOWN_ORIGINATOR
        r["as_of"] = r["date_end"] or _iso_date(r["published_at"])
        out.append(r)
    return out


def canonical_originator(source: str | None) -> str | None:
    """The originator a claimant's figures count under: its `originator` in lexicons/claimants.toml (one
    government's offices giving its one official toll), else the claimant itself."""
    return _originators().get(source, source) if source else source


@lru_cache(maxsize=1)
def _originators() -> dict[str, str]:
    from tollbook.lexicons import load

    return {c["name"]: c["originator"] for c in load("claimants.toml").get("claimant", []) if c.get("originator")}


def series_key(record: Mapping[str, Any]) -> SeriesKey:
    return SeriesKey(record.get("actor"), record.get("measure"), record.get("unit"), record.get("place_code"))


@lru_cache(maxsize=512)
def place_parent(code: str | None) -> str | None:
    """The wider place of a code: a region's country (RU-KRS -> RUS, PS-GAZA -> PSE); a country has none."""
    if not code or "-" not in code:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=code.split("-", 1)[0].upper())
    return country.alpha_3 if country else None


def _figure(record: Mapping[str, Any]) -> tuple[float | None, ...]:
    low, best, high = record.get("low"), record.get("best"), record.get("high")
    return (None if low is None else round(float(low), 6), None if best is None else round(float(best), 6),
            None if high is None else round(float(high), 6))


_NO_FIGURE: tuple[None, None, None] = (None, None, None)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _is_outlet_credit(record: Mapping[str, Any]) -> bool:
    """True when the record credits only the outlet (no originator cue was found)."""
    sources = record.get("sources") or []
    if isinstance(sources, str):
        return record.get("source") in (None, record.get("outlet"))
    kinds = [s.get("kind") for s in sources if isinstance(s, Mapping)]
    return not record.get("source") or (bool(kinds) and all(k == "outlet" for k in kinds))


def group_claims(records: Iterable[Mapping[str, Any]] | Any) -> list[ClaimGroup]:
    """Independent claims: records merged by (series, figure, period, originator) and by syndication cluster.

    Claims without a figure (best, low and high all None) are left out. Groups come out
    sorted by series, then date.
    """
    return group_normalised(normalise_records(records))


def group_normalised(records: list[dict[str, Any]]) -> list[ClaimGroup]:
    """`group_claims` over records `normalise_records` already returned (not normalised twice).

    Linear in the records: each figure is computed once, the union-find keys hold the
    series as a plain tuple (cheap to hash), and each series' key is one shared object.
    """
    recs: list[dict[str, Any]] = []
    figures: list[tuple[float | None, ...]] = []
    for r in records:
        fig = _figure(r)
        if fig != _NO_FIGURE:
            recs.append(r)
            figures.append(fig)
    uf = _UnionFind(len(recs))
    first_by_claim: dict[tuple, int] = {}
    first_by_cluster: dict[tuple, int] = {}
    keys: dict[tuple, SeriesKey] = {}
    for i, r in enumerate(recs):
        parts = (r.get("actor"), r.get("measure"), r.get("unit"), r.get("place_code"))
        if parts not in keys:
            keys[parts] = SeriesKey(*parts)
        fig = figures[i]
        same_claim = (parts, fig, r["date_start"], r["date_end"], r["originator"])
        if same_claim in first_by_claim:
            uf.union(first_by_claim[same_claim], i)
        else:
            first_by_claim[same_claim] = i
        if r.get("cluster_id") is not None:
            same_copy = (parts, fig, str(r["cluster_id"]))
            if same_copy in first_by_cluster:
                uf.union(first_by_cluster[same_copy], i)
            else:
                first_by_cluster[same_copy] = i
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(recs)):
        members[uf.find(i)].append(i)

    groups = Groups(_make_group([recs[i] for i in idx], keys) for idx in members.values())
    labels = {key: key.label for key in keys.values()}
    groups.sort(key=lambda g: (labels[g.key], g.as_of or "", g.originator, g.group_id))
    return groups


class Groups(list):  # type: ignore[type-arg]
    """The claim groups of one grouping, with what is worked out from all of them kept beside them
    (`derived`): every period's fusion and several rules ask the same question of the same groups."""

    def __init__(self, groups: Iterable[ClaimGroup] = ()) -> None:
        super().__init__(groups)
        self.derived: dict[Any, Any] = {}


def _publications(record: Mapping[str, Any]) -> int:
    """How many outlets/urls published the record's document (1 when the record does not say)."""
    value = record.get("appearances")
    try:
        return max(1, int(value)) if value is not None else 1
    except (TypeError, ValueError):
        return 1


def _make_group(rs: list[dict[str, Any]], keys: Mapping[tuple, SeriesKey] | None = None) -> ClaimGroup:
    if len(rs) == 1:
        return _single_group(rs[0], keys)
    rs = sorted(rs, key=lambda r: (r.get("published_at") or "", r.get("claim_id") or ""))
    first = rs[0]
    # The originator a reprint credits to the outlet is the one the other copies name.
    credited = Counter(r["originator"] for r in rs if not _is_outlet_credit(r))
    originator = credited.most_common(1)[0][0] if credited else first["originator"]
    published = [r["published_at"] for r in rs if r.get("published_at")]
    clusters = {str(r["cluster_id"]) if r.get("cluster_id") is not None else f"doc:{r.get('doc_id')}" for r in rs}
    dates_end = [r["date_end"] for r in rs if r["date_end"]]
    return ClaimGroup(
        key=_shared_key(first, keys), originator=originator,
        low=first.get("low"), best=first.get("best"), high=first.get("high"),
        date_start=first["date_start"], date_end=max(dates_end) if dates_end else None,
        as_of=first["as_of"] if first["date_end"] else (_iso_date(min(published)) if published else None),
        published_at=min(published) if published else None,
        claim_ids=tuple(dict.fromkeys(str(r.get("claim_id")) for r in rs)),
        doc_ids=tuple(dict.fromkeys(str(r.get("doc_id")) for r in rs)),
        outlets=tuple(dict.fromkeys(r["outlet"] for r in rs if r.get("outlet"))),
        clusters=tuple(sorted(clusters)),
        dates=tuple(sorted({r["as_of"] for r in rs if r.get("as_of")})),
        first=first,
        # One document repeating a figure is one publication; its copies under other outlets are more.
        appearances=sum({str(r.get("doc_id")): _publications(r) for r in rs}.values()),
    )


def _shared_key(record: Mapping[str, Any], keys: Mapping[tuple, SeriesKey] | None) -> SeriesKey:
    """The record's series key: the one object `keys` holds for it, else a new one."""
    parts = (record.get("actor"), record.get("measure"), record.get("unit"), record.get("place_code"))
    key = keys.get(parts) if keys is not None else None
    return key if key is not None else SeriesKey(*parts)


def _single_group(r: dict[str, Any], keys: Mapping[tuple, SeriesKey] | None = None) -> ClaimGroup:
    """`_make_group` of one record, without its sorting and counting: most claims are never repeated.

    Gives what `_make_group([r])` gives: one record is its own credited originator either way.
    """
    published, cluster, as_of, copies = r.get("published_at"), r.get("cluster_id"), r.get("as_of"), r.get("appearances")
    return ClaimGroup(
        key=_shared_key(r, keys), originator=r["originator"],
        low=r.get("low"), best=r.get("best"), high=r.get("high"),
        date_start=r["date_start"], date_end=r["date_end"] or None,
        as_of=as_of if r["date_end"] else (_iso_date(published) if published else None),
        published_at=published or None,
        claim_ids=(str(r.get("claim_id")),), doc_ids=(str(r.get("doc_id")),),
        outlets=(r["outlet"],) if r.get("outlet") else (),
        clusters=(str(cluster) if cluster is not None else f"doc:{r.get('doc_id')}",),
        dates=(as_of,) if as_of else (), first=r,
        appearances=copies if type(copies) is int and copies >= 1 else _publications(r),
    )


def build_series_from_groups(groups: Iterable[ClaimGroup], records: list[dict[str, Any]]) -> list[Series]:
    by_key: dict[SeriesKey, list[ClaimGroup]] = defaultdict(list)
    for g in groups:
        by_key[g.key].append(g)
    place_names: dict[str | None, str | None] = {}
    for r in records:
        if r.get("place") and r.get("place_code") not in place_names:
            place_names[r.get("place_code")] = r["place"]
    out = []
    for key, gs in by_key.items():
        dates = sorted(g.as_of for g in gs if g.as_of)
        out.append(Series(
            key=key, parent=place_parent(key.place_code), place=place_names.get(key.place_code),
            claims=len(gs), appearances=sum(g.appearances for g in gs),
            appearance_groups=len({c for g in gs for c in g.clusters}),
            originators=tuple(sorted({g.originator for g in gs})),
            first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None,
        ))
    # A roll-up's series side by side (killed next to casualties: `rollups`), and in each measure a
    # wider place first, its regions right after it: RUS, RU-KRS, RU-BEL, then UKR ...
    out.sort(key=lambda s: (s.key.actor or "", measure_family(s.key.measure) or "", s.key.unit or "",
                            s.key.measure or "", s.parent or s.key.place_code or "", s.parent is not None,
                            s.key.place_code or ""))
    return out


def build_series(records: Iterable[Mapping[str, Any]] | Any) -> list[Series]:
    """Every series in the records, with counts of claims, appearances and originators.

    >>> [s.key.label for s in build_series([...])]  # doctest: +SKIP
    ['Russian forces | casualties | personnel | RUS', 'Russian forces | casualties | personnel | RU-KRS']
    """
    recs = normalise_records(records)
    return build_series_from_groups(group_normalised(recs), recs)


def series_of(records: Iterable[Mapping[str, Any]] | Any, *, actor: str | None = None, measure: str | None = None,
              place_code: str | None = None, include_regions: bool = True) -> list[dict[str, Any]]:
    """The records of one quantity; with `include_regions`, a country's regions come along."""
    out = []
    for r in normalise_records(records):
        if actor and (r.get("actor") or "").lower() != actor.lower():
            continue
        if measure and r.get("measure") != measure:
            continue
        if place_code:
            code = r.get("place_code")
            if code != place_code and not (include_regions and place_parent(code) == place_code):
                continue
        out.append(r)
    return out
