"""Findings: what the ledger's claims say about each other.

Each rule reads independent claims (`ClaimGroup`s, see series.py) and returns typed
`Finding` records naming the claims and the spans it read, a one-sentence `rule`
saying what fired, and the numbers in `detail`. Rules never change a claim.

    revision               the same originator changes its figure for the same period
    monotonicity           a cumulative figure falls over time within one originator
    disagreement           independent originators, comparable periods, intervals apart
    scope_mismatch         the same figure given for a different measure or place
    impossible_arithmetic  a part larger than its whole (killed > casualties ...)
    adversary_claim        a party's figure for its enemy's losses (info)
"""

from __future__ import annotations

import hashlib
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from functools import lru_cache
from itertools import combinations
from types import MappingProxyType
from typing import Any, Literal

from tollbook.errors import UsageError
from tollbook.lexicons.measures import measure_registry, measures_where
from tollbook.reconcile.series import (
    CUMULATIVE_MEASURES,
    ClaimGroup,
    group_claims,
    place_parent,
)

FindingKind = Literal[
    "revision", "monotonicity", "disagreement", "scope_mismatch", "impossible_arithmetic", "adversary_claim",
]
Severity = Literal["error", "warning", "info"]
FINDING_KINDS: tuple[str, ...] = FindingKind.__args__  # type: ignore[attr-defined]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

# Measures that count a party's losses (an adversary claim is about these, not deployments).
LOSS_MEASURES = measures_where(loss=True)
# Wholes and the parts they sum (measures.toml, `parts`): killed and wounded within casualties.
_PARTS: dict[str, tuple[str, ...]] = {name: info.parts for name, info in measure_registry().items() if info.parts}
_SUMMED = frozenset(_PARTS) | {part for parts in _PARTS.values() for part in parts}


@dataclass(frozen=True, slots=True)
class Span:
    """Where a figure was read."""

    doc_id: str | None
    start: int | None
    end: int | None
    quote: str | None


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the claims say about each other, with the evidence it rests on."""

    kind: FindingKind
    series: str
    claims: tuple[str, ...]
    spans: tuple[Span, ...]
    rule: str
    detail: Mapping[str, Any]
    severity: Severity

    @property
    def finding_id(self) -> str:
        """Stable id: the same rule over the same claims gives the same id."""
        key = f"{self.kind}:{self.series}:{','.join(sorted(self.claims))}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {
            "finding_id": self.finding_id, "kind": self.kind, "severity": self.severity,
            "series": self.series, "rule": self.rule, "claims": list(self.claims),
            "spans": [{"doc_id": s.doc_id, "start": s.start, "end": s.end, "quote": s.quote} for s in self.spans],
            "detail": dict(self.detail),
        }


@dataclass(frozen=True, slots=True)
class Conflict:
    """The two sides of one conflict, as ISO alpha-3 country codes."""

    name: str
    side_a: frozenset[str]
    side_b: frozenset[str]

    def opposed(self, a: str, b: str) -> bool:
        return (a in self.side_a and b in self.side_b) or (a in self.side_b and b in self.side_a)


@dataclass(frozen=True, slots=True)
class ReconcileConfig:
    """Thresholds and lexicons of the rules; `load_config()` reads the bundled lexicons."""

    asof_window_days: int = 7  # two "as of" figures this close are about the same moment
    event_max_days: int = 7  # a figure for a shorter explicit period counts one event, not a total
    min_window_overlap: float = 0.5  # explicit periods must share half the longer one
    cumulative_growth_allowance: float = 1.5  # a cumulative figure dated later may be this much higher
    same_figure_tolerance: float = 0.01  # "the same figure" for scope_mismatch: within 1%
    scope_min_figure: float = 10  # below this, equal figures agree by chance (1 killed, 2 wounded)
    scope_window_days: int = 7  # cumulative series pass through each other's figures weeks apart
    # ...but a figure retold later with no date of its own ("12,000 came and 4,000 were killed",
    # said in an interview) is the earlier figure relabelled, not a series passing through it
    retelling_window_days: int = 120
    deployment_window_days: int = 31  # casualties vs deployed: the troops present at the time
    claimant_countries: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    conflicts: tuple[Conflict, ...] = ()

    def claimant_country(self, name: str | None) -> str | None:
        return self.claimant_countries.get(name.casefold()) if name else None

    def opposed(self, a: str | None, b: str | None) -> str | None:
        """The conflict in which countries a and b fight on opposite sides, if any."""
        if not a or not b or a == b:
            return None
        return next((c.name for c in self.conflicts if c.opposed(a, b)), None)


def _read_lexicon(name: str) -> dict[str, Any]:
    from tollbook.lexicons import _data_path

    path = _data_path(name)
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def load_config() -> ReconcileConfig:
    """The default config: belligerents.toml for sides, claimants.toml (when present) for countries."""
    conflicts = tuple(
        Conflict(c["name"], frozenset(c.get("side_a", ())), frozenset(c.get("side_b", ())))
        for c in _read_lexicon("belligerents.toml").get("conflict", [])
    )
    claimants = _read_lexicon("claimants.toml")
    countries: dict[str, str] = {}
    for entry in claimants.get("claimant", []):
        if entry.get("country"):
            for alias in [entry["name"], *entry.get("aliases", [])]:
                countries.setdefault(alias.casefold(), entry["country"])
    # An official speaks for an organisation: Zelensky -> Office of the President of Ukraine -> UKR.
    for person in claimants.get("person", []):
        country = countries.get(str(person.get("organisation", "")).casefold())
        if country:
            for alias in [person["name"], *person.get("aliases", [])]:
                countries.setdefault(alias.casefold(), country)
    return ReconcileConfig(claimant_countries=MappingProxyType(countries), conflicts=conflicts)


# ---------------------------------------------------------------- helpers


@lru_cache(maxsize=1 << 16)
def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def _days_apart(a: str | None, b: str | None) -> int | None:
    da, db = _day(a), _day(b)
    return abs((da - db).days) if da and db else None


def bounds(g: ClaimGroup) -> tuple[float | None, float | None]:
    """The interval a claim allows; None is an open side. A bare best with no bounds is exact."""
    if g.low is None and g.high is None and g.first.get("qualifier") in (None, "exact"):
        return g.best, g.best
    return g.low, g.high


def _apart(lower: ClaimGroup, upper: ClaimGroup) -> bool:
    """True when `upper`'s interval lies wholly above `lower`'s."""
    _, hi = bounds(lower)
    lo, _ = bounds(upper)
    return hi is not None and lo is not None and lo > hi


def is_event_count(g: ClaimGroup, config: ReconcileConfig) -> bool:
    """A figure for an explicit period shorter than a week: one event's toll, not a running total."""
    return bool(g.date_start) and (_days_apart(g.date_start, g.date_end) or 0) < config.event_max_days


def _place_words(g: ClaimGroup) -> str:
    return str(g.first.get("place_text") or g.first.get("place") or "").casefold()


def _different_events(a: ClaimGroup, b: ClaimGroup, config: ReconcileConfig) -> bool:
    """Two event tolls named at different places (two towns of one region) count different events."""
    return is_event_count(a, config) and is_event_count(b, config) and _place_words(a) != _place_words(b)


def _ratio(big: float | None, small: float | None) -> float | None:
    if big is None or small is None or small <= 0:
        return None
    return round(big / small, 3)


def _fmt(v: float | None) -> str:
    if v is None:
        return "open"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


def _what(g: ClaimGroup) -> str:
    """'killed', or 'destroyed (tank)' for equipment."""
    unit = g.key.unit
    return f"{g.key.measure} ({unit})" if unit and unit != "personnel" else str(g.key.measure)


def _interval(g: ClaimGroup) -> str:
    lo, hi = bounds(g)
    if lo == hi:
        return _fmt(g.best)
    return f"{_fmt(g.best)} [{_fmt(lo)}-{_fmt(hi)}]"


def _finding(kind: FindingKind, groups: Iterable[ClaimGroup], rule: str, detail: dict[str, Any],
             severity: Severity) -> Finding:
    groups = list(groups)
    claims = tuple(dict.fromkeys(cid for g in groups for cid in g.claim_ids))
    spans = tuple(Span(**g.span()) for g in groups)
    return Finding(kind, groups[0].key.label, claims, spans, rule, MappingProxyType(detail), severity)


def _claim_detail(g: ClaimGroup) -> dict[str, Any]:
    lo, hi = bounds(g)
    return {"claim_id": g.group_id, "originator": g.originator, "low": lo, "best": g.best, "high": hi,
            "date_start": g.date_start, "date_end": g.date_end, "as_of": g.as_of,
            "appearances": g.appearances}


# ---------------------------------------------------------------- rules


def find_revisions(groups: list[ClaimGroup], config: ReconcileConfig) -> Iterator[Finding]:
    """The same originator gives a different figure for the same series and period."""
    by_period: dict[tuple, list[ClaimGroup]] = defaultdict(list)
    for g in groups:
        if g.date_end:
            by_period[(g.key, g.originator, g.date_start, g.date_end)].append(g)
    for (_, originator, start, end), gs in by_period.items():
        gs.sort(key=lambda g: (g.published_at or "", g.group_id))
        for before, after in zip(gs, gs[1:]):
            # Figures published together are separate counts (two events, two towns), not a change of mind.
            if not (before.published_at and after.published_at and after.published_at > before.published_at):
                continue
            if _different_events(before, after, config):
                continue
            yield _finding(
                "revision", [before, after],
                f"{originator} gave {_interval(before)} then {_interval(after)} for the same period "
                f"({start or 'start'} to {end}).",
                {"before": _claim_detail(before), "after": _claim_detail(after),
                 "change": None if before.best is None or after.best is None else after.best - before.best},
                "warning",
            )


def find_monotonicity(groups: list[ClaimGroup], config: ReconcileConfig) -> Iterator[Finding]:
    """A cumulative figure from one originator falls between one date and the next.

    Compared: claims with the same start (an open "as of" start, or the same "since" when
    the periods run a week or more: shorter ones are events' tolls, not running totals),
    in order of date_end (publication date when the claim has none); for a date with
    several figures (revisions) the last published counts.
    """
    runs: dict[tuple, dict[str, ClaimGroup]] = defaultdict(dict)
    for g in groups:
        if g.key.measure not in CUMULATIVE_MEASURES or g.best is None:
            continue
        if is_event_count(g, config):
            continue
        latest = runs[(g.key, g.originator, g.date_start)]
        # A figure repeated on several dates (syndicated copies, daily restatements) stands
        # at each of them, so 10, 12, 10, 12 shows its fall even when the 10s are one claim.
        for day in g.dates:
            held = latest.get(day)
            if held is None or (g.published_at or "", g.group_id) > (held.published_at or "", held.group_id):
                latest[day] = g
    for (_, originator, _start), by_day in runs.items():
        ordered = [by_day[d] for d in sorted(by_day)]
        days = sorted(by_day)
        for (day_before, before), (day_after, after) in zip(zip(days, ordered), zip(days[1:], ordered[1:])):
            if after.best < before.best:
                drop = before.best - after.best
                yield _finding(
                    "monotonicity", [before, after],
                    f"{originator}'s cumulative {_what(before)} falls from {_fmt(before.best)} "
                    f"({day_before}) to {_fmt(after.best)} ({day_after}).",
                    {"before": {**_claim_detail(before), "as_of": day_before},
                     "after": {**_claim_detail(after), "as_of": day_after}, "drop": drop,
                     "drop_share": round(drop / before.best, 4) if before.best else None},
                    "warning",
                )


def _comparable(a: ClaimGroup, b: ClaimGroup, config: ReconcileConfig) -> int | None:
    """Days between two claims whose periods overlap; None when they are about different periods
    (or are tolls of different events)."""
    if _different_events(a, b, config):
        return None
    if a.date_start == b.date_start:
        gap = _days_apart(a.as_of, b.as_of)
        return gap if gap is not None and gap <= config.asof_window_days else None
    if a.date_start and b.date_start:
        sa, ea, sb, eb = (_day(x) for x in (a.date_start, a.as_of, b.date_start, b.as_of))
        if not all((sa, ea, sb, eb)):
            return None
        shared = (min(ea, eb) - max(sa, sb)).days + 1
        longer = max((ea - sa).days, (eb - sb).days) + 1
        # A month's total and one day's count overlap in time but count different things.
        return abs((ea - eb).days) if shared > 0 and shared >= config.min_window_overlap * longer else None
    return None


def _disagree(a: ClaimGroup, b: ClaimGroup, config: ReconcileConfig) -> tuple[ClaimGroup, ClaimGroup] | None:
    """(lower, upper) when the two intervals do not overlap, allowing growth of a later cumulative figure."""
    earlier, later = sorted((a, b), key=lambda g: g.as_of or "")
    if earlier.as_of != later.as_of and earlier.key.measure in CUMULATIVE_MEASURES:
        # The later figure may have grown since: it disagrees only by falling short of the
        # earlier one, or by outgrowing it more than the allowance.
        if _apart(later, earlier):
            return later, earlier
        _, hi = bounds(earlier)
        lo, _ = bounds(later)
        if hi is not None and lo is not None and lo > hi * config.cumulative_growth_allowance:
            return earlier, later
        return None
    if _apart(a, b):
        return a, b
    if _apart(b, a):
        return b, a
    return None


class _Candidates:
    """One originator's claims indexed for `_comparable`: only those it can find comparable are offered.

    Claims with the same start are comparable within `asof_window_days` of each other, so
    they are looked up by date in a sorted list; claims with another explicit start are
    few and offered whole. The rules' answers are unchanged, at a cost that follows the
    claims near in time rather than every pair.
    """

    def __init__(self, groups: list[ClaimGroup]) -> None:
        self.by_start: dict[str | None, tuple[list[str], list[ClaimGroup]]] = {}
        started: dict[str | None, list[ClaimGroup]] = defaultdict(list)
        for g in groups:
            if g.as_of:
                started[g.date_start].append(g)
        for start, gs in started.items():
            gs.sort(key=lambda g: g.as_of)
            self.by_start[start] = ([g.as_of for g in gs], gs)
        self.with_start = [g for g in groups if g.date_start]

    def near(self, a: ClaimGroup, config: ReconcileConfig) -> Iterator[ClaimGroup]:
        day = _day(a.as_of)
        same = self.by_start.get(a.date_start)
        if same is not None and day is not None:
            dates, gs = same
            window = timedelta(days=config.asof_window_days)
            try:
                lo = bisect_left(dates, (day - window).isoformat())
                hi = bisect_right(dates, (day + window).isoformat() + "\uffff")
            except OverflowError:  # a date at the calendar's edge: look at them all
                lo, hi = 0, len(gs)
            yield from gs[lo:hi]
        if a.date_start:
            yield from (b for b in self.with_start if b.date_start != a.date_start)


def find_disagreements(groups: list[ClaimGroup], config: ReconcileConfig) -> Iterator[Finding]:
    """Independent originators, comparable periods, intervals that do not overlap.

    Each claim is compared with the nearest-in-time comparable claim of every other
    originator, so a daily series against another is not compared day x day.
    """
    by_series: dict[Any, dict[str, list[ClaimGroup]]] = defaultdict(lambda: defaultdict(list))
    for g in groups:
        if g.as_of and (g.low is not None or g.best is not None or g.high is not None):
            by_series[g.key][g.originator].append(g)
    for by_originator in by_series.values():
        names = sorted(by_originator)
        seen: set[tuple[str, str]] = set()
        for i, name_a in enumerate(names):
            for name_b in names[i + 1:]:
                candidates = _Candidates(by_originator[name_b])
                for a in by_originator[name_a]:
                    nearest = min(
                        ((gap, b) for b in candidates.near(a, config)
                         if (gap := _comparable(a, b, config)) is not None),
                        key=lambda t: (t[0], t[1].group_id), default=None,
                    )
                    if nearest is None:
                        continue
                    b = nearest[1]
                    pair = tuple(sorted((a.group_id, b.group_id)))
                    if pair in seen:
                        continue
                    seen.add(pair)
                    apart = _disagree(a, b, config)
                    if apart is None:
                        continue
                    lower, upper = apart
                    ratio = _ratio(bounds(upper)[0], bounds(lower)[1])
                    yield _finding(
                        "disagreement", [lower, upper],
                        f"{upper.originator} ({_interval(upper)}, {upper.as_of}) and {lower.originator} "
                        f"({_interval(lower)}, {lower.as_of}) give intervals that do not overlap"
                        + (f"; the larger is {ratio:g} times the smaller." if ratio else "."),
                        {"lower": _claim_detail(lower), "upper": _claim_detail(upper), "ratio": ratio,
                         "best_ratio": _ratio(max(lower.best or 0, upper.best or 0),
                                              min(x for x in (lower.best, upper.best) if x is not None)
                                              if lower.best is not None and upper.best is not None else None),
                         "days_apart": nearest[0]},
                        "info" if ratio is not None and ratio < 1.1 else "warning",
                    )


def find_scope_mismatches(groups: list[ClaimGroup], config: ReconcileConfig) -> Iterator[Finding]:
    """The same figure (within 1%) about the same actor, but as a different measure or place.

    "4,000 casualties" (one source) and "4,000 killed" (another) are likely the same
    number with its scope changed in the retelling.
    """
    buckets: dict[tuple, list[ClaimGroup]] = defaultdict(list)
    for g in groups:
        if g.best is not None and g.best >= config.scope_min_figure and g.key.actor:
            buckets[(g.key.actor, g.key.unit)].append(g)
    for gs in buckets.values():
        gs.sort(key=lambda g: g.best)
        for i, a in enumerate(gs):
            for j in range(i + 1, len(gs)):  # by index: a slice per claim would copy the bucket n times
                b = gs[j]
                if b.best - a.best > config.same_figure_tolerance * b.best:
                    break
                if a.key == b.key or set(a.claim_ids) & set(b.claim_ids):
                    continue
                if is_event_count(a, config) and is_event_count(b, config):
                    continue  # small event tolls share figures by chance
                gap = _days_apart(a.as_of, b.as_of)
                window = config.retelling_window_days if _undated_retelling(a, b) else config.scope_window_days
                if gap is None or gap > window:
                    continue
                changed = [f for f in ("measure", "place_code") if getattr(a.key, f) != getattr(b.key, f)]
                if "place_code" in changed and not _places_conflict(a.key.place_code, b.key.place_code):
                    changed.remove("place_code")  # an unnamed or enclosing place narrows nothing: Kursk is in Russia
                if not changed:
                    continue
                what = " and ".join(
                    f"{getattr(a.key, f) or 'unknown'} vs {getattr(b.key, f) or 'unknown'}" for f in changed)
                yield _finding(
                    "scope_mismatch", [a, b],
                    f"The same figure ({_fmt(a.best)}) appears as {what}: "
                    f"{a.originator} and {b.originator}.",
                    {"a": {**_claim_detail(a), "measure": a.key.measure, "place_code": a.key.place_code},
                     "b": {**_claim_detail(b), "measure": b.key.measure, "place_code": b.key.place_code},
                     "differs_in": changed, "days_apart": gap},
                    "warning",
                )


def _undated_retelling(a: ClaimGroup, b: ClaimGroup) -> bool:
    """The later of two claims gives no date of its own: its figure is told, not counted, at publication."""
    later = a if (a.as_of or "") > (b.as_of or "") else b
    return not later.first.get("date_text")


def _places_conflict(a: str | None, b: str | None) -> bool:
    """Two places that name different ground: both known and neither inside the other."""
    if a is None or b is None or a == b:
        return False
    return place_parent(a) != b and place_parent(b) != a


def find_impossible_arithmetic(groups: list[ClaimGroup], config: ReconcileConfig) -> Iterator[Finding]:
    """Parts larger than their whole at one originator: killed or wounded > casualties,
    killed + wounded > casualties (same period and place), casualties > deployed (same actor)."""
    same_scope: dict[tuple, dict[str, list[ClaimGroup]]] = defaultdict(lambda: defaultdict(list))
    deployed: dict[tuple, list[ClaimGroup]] = defaultdict(list)
    for g in groups:
        if g.key.measure == "deployed":
            deployed[(g.originator, g.key.actor, g.key.unit)].append(g)
        elif g.key.measure in _SUMMED:
            scope = (g.originator, g.key.actor, g.key.unit, g.key.place_code, g.date_start, g.date_end)
            same_scope[scope][g.key.measure].append(g)

    def low(g: ClaimGroup) -> float:
        return bounds(g)[0] or 0.0

    for by_measure in same_scope.values():
        for whole_measure, parts in _PARTS.items():
            for whole in by_measure.get(whole_measure, []):
                whole_high = bounds(whole)[1]
                if whole_high is None:
                    continue
                for part_measure in parts:
                    for part in by_measure.get(part_measure, []):
                        if low(part) > whole_high:
                            yield _finding(
                                "impossible_arithmetic", [part, whole],
                                f"{whole.originator}: {part_measure} ({_interval(part)}) exceeds {whole_measure} "
                                f"({_interval(whole)}) for the same period.",
                                {"part": _claim_detail(part), "whole": _claim_detail(whole),
                                 "relation": f"{part_measure} > {whole_measure}"}, "error",
                            )
                for first_measure, second_measure in combinations(parts, 2):
                    for first in by_measure.get(first_measure, []):
                        for second in by_measure.get(second_measure, []):
                            total = low(first) + low(second)
                            if low(first) <= whole_high and low(second) <= whole_high and total > whole_high:
                                yield _finding(
                                    "impossible_arithmetic", [first, second, whole],
                                    f"{whole.originator}: {first_measure} ({_interval(first)}) plus {second_measure} "
                                    f"({_interval(second)}) exceed {whole_measure} ({_interval(whole)}) for the same period.",
                                    {"parts": [_claim_detail(first), _claim_detail(second)], "whole": _claim_detail(whole),
                                     "relation": f"{first_measure} + {second_measure} > {whole_measure}",
                                     "parts_low_total": total}, "error",
                                )
    for by_measure in same_scope.values():
        for casualties in by_measure.get("casualties", []):
            for troops in deployed.get((casualties.originator, casualties.key.actor, casualties.key.unit), []):
                gap = _days_apart(casualties.as_of, troops.as_of)
                cp, tp = casualties.key.place_code, troops.key.place_code
                same_place = cp == tp or None in (cp, tp) or place_parent(cp) == tp or place_parent(tp) == cp
                troops_high = bounds(troops)[1]
                if gap is None or gap > config.deployment_window_days or not same_place or troops_high is None:
                    continue
                if low(casualties) > troops_high:
                    yield _finding(
                        "impossible_arithmetic", [casualties, troops],
                        f"{casualties.originator}: casualties ({_interval(casualties)}) exceed the troops "
                        f"deployed ({_interval(troops)}), {gap} days apart.",
                        {"part": _claim_detail(casualties), "whole": _claim_detail(troops),
                         "relation": "casualties > deployed", "days_apart": gap}, "error",
                    )


def adversary_conflict(record_or_group: Mapping[str, Any] | ClaimGroup, config: ReconcileConfig) -> str | None:
    """The conflict in which a claim's originator reports its enemy's losses, else None."""
    if isinstance(record_or_group, ClaimGroup):
        originator, first = record_or_group.originator, record_or_group.first
        measure = record_or_group.key.measure
    else:
        originator, first = record_or_group.get("source"), record_or_group
        measure = first.get("measure")
    if measure not in LOSS_MEASURES:
        return None
    country = config.claimant_country(originator)
    if country is None:
        chain = first.get("sources") or []
        if chain and isinstance(chain, list) and isinstance(chain[0], Mapping):
            country = config.claimant_country(chain[0].get("name"))
    return config.opposed(country, first.get("actor_country"))


def find_adversary_claims(groups: list[ClaimGroup], config: ReconcileConfig) -> Iterator[Finding]:
    """One `info` finding per series and originator whose figures are about its enemy's losses."""
    marked: dict[tuple, list[ClaimGroup]] = defaultdict(list)
    conflicts: dict[tuple, str] = {}
    for g in groups:
        conflict = adversary_conflict(g, config)
        if conflict:
            marked[(g.key, g.originator)].append(g)
            conflicts[(g.key, g.originator)] = conflict
    for (key, originator), gs in marked.items():
        claimant = config.claimant_country(originator) or "?"
        yield _finding(
            "adversary_claim", gs,
            f"{originator} ({claimant}) reports losses of {key.actor} ({gs[0].first.get('actor_country')}), "
            f"its adversary in the {conflicts[(key, originator)]}.",
            {"originator": originator, "claimant_country": claimant,
             "actor_country": gs[0].first.get("actor_country"), "conflict": conflicts[(key, originator)],
             "claims_marked": len(gs)},
            "info",
        )


RULES = {
    "revision": find_revisions,
    "monotonicity": find_monotonicity,
    "disagreement": find_disagreements,
    "scope_mismatch": find_scope_mismatches,
    "impossible_arithmetic": find_impossible_arithmetic,
    "adversary_claim": find_adversary_claims,
}


def find_findings(records: Iterable[Mapping[str, Any]] | Any, config: ReconcileConfig | None = None,
                  kinds: Iterable[str] | None = None) -> list[Finding]:
    """Every finding over the records (list of dicts or a DataFrame), most severe first."""
    config = config or load_config()
    groups = records if isinstance(records, list) and records and isinstance(records[0], ClaimGroup) \
        else group_claims(records)
    wanted = list(kinds) if kinds else list(RULES)
    unknown = [k for k in wanted if k not in RULES]
    if unknown:
        raise UsageError(f"unknown finding kind(s) {', '.join(unknown)}; choose from {', '.join(RULES)}")
    found = [f for kind in wanted for f in RULES[kind](groups, config)]
    found.sort(key=lambda f: (SEVERITY_ORDER[f.severity], FINDING_KINDS.index(f.kind), f.series,
                              f.spans[0].doc_id or "" if f.spans else ""))
    return found
