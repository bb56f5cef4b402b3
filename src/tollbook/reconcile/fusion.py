"""Fused estimates: one low/best/high per series and period, with the claims behind it.

Per period, each independent originator contributes one claim: its latest in the period
(a later figure from the same originator supersedes its earlier ones). Only statements of the
series' own quantity are fused; these are listed beside the estimate (`beside`), each with its
reason, and never feed its numbers:

- a hypothetical ("could reach 12,000"), a forecast or a denial: no one stands behind the figure;
- a share taken of another figure ("a quarter of the 4,000");
- a part of another figure of the series ("among them 40 children": the children are among the killed);
- an increment: a count for a few days ("in the past four days") beside running totals of the
  same quantity, which would be read as a total if fused with them.

A part (killed) never stands in for a whole (casualties): a series holds one measure, and a
part that names its own measure belongs to that measure's series. Then

- when every contributed interval overlaps, the estimate is their intersection
  (low = largest low, high = smallest high);
- otherwise it is the spread (smallest low to largest high), and `method` says so;
- best is the median of the contributed bests;
- `conservative` is ACLED's conservative value: the smallest contributed low, or that
  originator's best when its low is open.

Open bounds stay open: an intersection ignores an open side, a spread keeps it open.
Every claim id that fed the numbers is in `claims`; nothing else is. A period with nothing to
fuse (only a hypothetical, say) has an estimate with no numbers, and the figure beside it.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from tollbook.errors import UsageError
from tollbook.reconcile.findings import bounds, breakdown_parts, is_event_count, load_config
from tollbook.reconcile.series import CUMULATIVE_MEASURES, ClaimGroup, SeriesKey, group_claims

Period = Literal["day", "week", "month", "year", "all"]
PERIODS: tuple[str, ...] = Period.__args__  # type: ignore[attr-defined]
# What an estimate's `inputs` say of each originator's contribution, in this order.
INPUT_FIELDS = ("claim_id", "originator", "low", "best", "high", "as_of", "appearances")
# What an estimate's `beside` says of each figure listed beside it, in this order.
BESIDE_FIELDS = ("claim_id", "originator", "low", "best", "high", "as_of", "reason")
# Why a figure is listed beside an estimate rather than fused, by the claim's modality.
SET_ASIDE_MODALITIES = {"hypothetical": "hypothetical", "forecast": "forecast", "denied": "denial"}


@dataclass(frozen=True, slots=True)
class Estimate:
    """A fused estimate for one series and period."""

    key: SeriesKey
    period: str  # "2024-01", "2024-W03", "2024", "2024-01-15" or "all"
    period_start: str | None
    period_end: str | None
    low: float | None
    best: float | None
    high: float | None
    conservative: float | None
    method: str
    claims: tuple[str, ...]  # every claim id (all appearances) of the contributing claims
    originators: tuple[str, ...]
    inputs: tuple[Mapping[str, Any], ...]  # per originator: the claim it contributed and its numbers
    superseded: tuple[str, ...]  # claim ids in the period replaced by a later one of the same originator
    # figures of the period listed beside the estimate, never in it: hypotheticals, forecasts,
    # denials, shares, parts and increments, each with its `reason`
    beside: tuple[Mapping[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "series": self.key.label, "actor": self.key.actor, "measure": self.key.measure,
            "unit": self.key.unit, "place_code": self.key.place_code, "period": self.period,
            "period_start": self.period_start, "period_end": self.period_end,
            "low": self.low, "best": self.best, "high": self.high, "conservative": self.conservative,
            "method": self.method, "originators": list(self.originators), "claims": list(self.claims),
            "inputs": [dict(i) for i in self.inputs], "superseded": list(self.superseded),
            "beside": [dict(b) for b in self.beside],
        }


def period_of(as_of: str | None, period: str) -> tuple[str, str | None, str | None]:
    """(label, first day, last day) of the period holding a date."""
    if period == "all" or not as_of:
        return "all", None, None
    d = date.fromisoformat(as_of[:10])
    if period == "day":
        return d.isoformat(), d.isoformat(), d.isoformat()
    if period == "week":
        year, week, weekday = d.isocalendar()
        monday = d - timedelta(days=weekday - 1)
        return f"{year}-W{week:02d}", monday.isoformat(), (monday + timedelta(days=6)).isoformat()
    if period == "month":
        first = d.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return first.isoformat()[:7], first.isoformat(), last.isoformat()
    if period == "year":
        return str(d.year), f"{d.year}-01-01", f"{d.year}-12-31"
    raise UsageError(f"unknown period {period!r}; choose from {', '.join(PERIODS)}")


def _fmt(v: float | None) -> str:
    return "open" if v is None else f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


def set_aside(g: ClaimGroup, series_claims: frozenset[str], totals: Mapping[tuple[str, str], float] | None,
              parts: frozenset[str] = frozenset()) -> str | None:
    """Why a claim of a period is listed beside its estimate instead of fused, or None to fuse it.

    `series_claims` is every claim id of the series (a part's whole may be in another period);
    `totals` the period's running totals of a quantity that counts up, the largest best per
    (originator, date), or None when the period holds none; `parts` the group ids of figures
    that one report breaks another into (`findings.breakdown_parts`).

    >>> set_aside(could_reach_12000, frozenset(), None)  # doctest: +SKIP
    'hypothetical'
    """
    first = g.first
    reason = SET_ASIDE_MODALITIES.get(first.get("modality") or "reported")
    if reason:
        return reason
    if first.get("fraction") is not None:
        return "share of another figure"
    if (first.get("derived_from") and str(first["derived_from"]) in series_claims) or g.group_id in parts:
        return "part of another figure of the series"
    if totals and _is_increment(g, totals):
        # "1,200 in the past four days" beside "11,000 since the start" would be read as the total
        return f"increment for {g.date_start} to {g.date_end}, not a running total"
    return None


def _is_increment(g: ClaimGroup, totals: Mapping[tuple[str, str], float]) -> bool:
    """A count for a few days of a quantity that counts up, in a period that holds a running total.

    A window of two to six days ("in the past four days", "this week") is one. A single named day
    is one only beside a larger total of the same originator that day ("9,800 (+12)"): a total
    "said on Saturday" is dated that day too, and "a strike killed 12 on Tuesday" is the day's toll.
    """
    if g.key.measure not in CUMULATIVE_MEASURES or not is_event_count(g, load_config()):
        return False
    if g.date_start and g.date_end and g.date_start[:10] < g.date_end[:10]:
        return True
    total = totals.get((g.originator, g.as_of or ""))
    return total is not None and g.best is not None and g.best < total


def _running_totals(groups: list[ClaimGroup], series_claims: frozenset[str],
                    parts: frozenset[str]) -> dict[tuple[str, str], float] | None:
    """The largest running total per (originator, date) among a period's statements; None when there is none.
    Only a statement counts: "could reach 12,000" leaves a four-day count standing."""
    config = load_config()
    totals: dict[tuple[str, str], float] = {}
    for g in groups:
        if g.key.measure in CUMULATIVE_MEASURES and not is_event_count(g, config) \
                and set_aside(g, series_claims, None, parts) is None:
            key = (g.originator, g.as_of or "")
            totals[key] = max(totals.get(key, float("-inf")), g.best if g.best is not None else float("-inf"))
    return totals or None


def _beside_entry(g: ClaimGroup, reason: str) -> dict[str, Any]:
    lo, hi = bounds(g)
    return dict(zip(BESIDE_FIELDS, (g.group_id, g.originator, lo, g.best, hi, g.as_of, reason)))


def _beside_words(beside: list[dict[str, Any]]) -> str:
    """'; listed beside, not fused: 12,000 (hypothetical; UK MoD)' for the method."""
    if not beside:
        return ""
    items = "; ".join(f"{_fmt(b['best'])} ({b['reason']}, {b['originator']})" for b in beside)
    return f"; listed beside, not fused: {items}"


def fuse_groups(key: SeriesKey, label: str, start: str | None, end: str | None,
                groups: list[ClaimGroup], series_claims: frozenset[str] = frozenset(),
                parts: frozenset[str] = frozenset()) -> Estimate:
    """The fused estimate of one series' claims in one period (`series_claims`: every claim id of the
    series, to tell a part of one of its figures; `parts`: figures a report breaks another into)."""
    totals = _running_totals(groups, series_claims, parts)
    reasons = {g.group_id: set_aside(g, series_claims, totals, parts) for g in groups}
    beside = [_beside_entry(g, reasons[g.group_id])
              for g in sorted(groups, key=lambda g: (g.as_of or "", g.published_at or "", g.group_id))
              if reasons[g.group_id]]
    statements = [g for g in groups if not reasons[g.group_id]]
    latest: dict[str, ClaimGroup] = {}
    for g in sorted(statements, key=lambda g: (g.as_of or "", g.published_at or "", g.group_id)):
        latest[g.originator] = g  # later claims of one originator replace its earlier ones
    chosen = [latest[o] for o in sorted(latest)]
    used = {g.group_id for g in chosen}
    superseded = tuple(cid for g in statements if g.group_id not in used for cid in g.claim_ids)
    if not chosen:
        return Estimate(
            key=key, period=label, period_start=start, period_end=end, low=None, best=None, high=None,
            conservative=None, method="nothing to fuse in this period" + _beside_words(beside),
            claims=(), originators=(), inputs=(), superseded=(), beside=tuple(beside),
        )

    intervals = [bounds(g) for g in chosen]
    lows = [lo for lo, _ in intervals]
    highs = [hi for _, hi in intervals]
    known_lows = [lo for lo in lows if lo is not None]
    known_highs = [hi for hi in highs if hi is not None]
    top_low = max(known_lows) if known_lows else None
    bottom_high = min(known_highs) if known_highs else None
    n = len(chosen)
    who = f"{n} independent originator{'s' if n != 1 else ''}"

    if top_low is None or bottom_high is None or top_low <= bottom_high:
        low, high = top_low, bottom_high
        if n == 1:
            method = "one originator: its latest claim in the period, interval as stated"
        else:
            method = f"intersection of the intervals of {who} (low = largest low, high = smallest high)"
    else:
        low = None if None in lows else min(known_lows)
        high = None if None in highs else max(known_highs)
        method = (f"the intervals of {who} do not all overlap: spread from the smallest low to the "
                  f"largest high, not an intersection")

    bests = [g.best for g in chosen if g.best is not None]
    best = statistics.median(bests) if bests else None
    if bests:
        method += (f"; best = median of {len(bests)} latest best{'s' if len(bests) != 1 else ''} "
                   f"(one per originator)")
    if best is not None and low is not None and best < low:
        method += f"; the median {_fmt(best)} lay below the intersection and is raised to its low"
        best = low
    if best is not None and high is not None and best > high:
        method += f"; the median {_fmt(best)} lay above the intersection and is lowered to its high"
        best = high

    # ACLED's conservative convention: report the smallest figure a credible source supports.
    floor = [lo if lo is not None else g.best for g, (lo, _) in zip(chosen, intervals)]
    floor = [v for v in floor if v is not None]
    conservative = min(floor) if floor else None
    method += _beside_words(beside)

    inputs = tuple(dict(zip(INPUT_FIELDS, (g.group_id, g.originator, lo, g.best, hi, g.as_of, g.appearances)))
                   for g, (lo, hi) in zip(chosen, intervals))
    return Estimate(
        key=key, period=label, period_start=start, period_end=end, low=low, best=best, high=high,
        conservative=conservative, method=method,
        claims=tuple(dict.fromkeys(cid for g in chosen for cid in g.claim_ids)),
        originators=tuple(g.originator for g in chosen), inputs=inputs, superseded=superseded,
        beside=tuple(beside),
    )


def fuse(series_records: Iterable[Mapping[str, Any]] | Any, period: str = "month") -> list[Estimate]:
    """Fused estimates for every series and period in the records (list of dicts or a DataFrame).

    The period of a claim is the month (or `period`) of its date_end, else of its
    publication date; `period="all"` fuses each series' latest claims over all time.
    """
    if period not in PERIODS:
        raise UsageError(f"unknown period {period!r}; choose from {', '.join(PERIODS)}")
    groups = series_records if isinstance(series_records, list) and series_records \
        and isinstance(series_records[0], ClaimGroup) else group_claims(series_records)
    buckets: dict[tuple, list[ClaimGroup]] = defaultdict(list)
    periods: dict[str | None, tuple[str, str | None, str | None]] = {}  # many claims share a date
    for g in groups:
        found = periods.get(g.as_of)
        if found is None:
            found = periods[g.as_of] = period_of(g.as_of, period)
        label, start, end = found
        buckets[(g.key, label, start, end)].append(g)
    in_series: dict[SeriesKey, set[str]] = defaultdict(set)
    for g in groups:
        in_series[g.key].update(g.claim_ids)
    claim_sets = {key: frozenset(ids) for key, ids in in_series.items()}
    parts = breakdown_parts(groups, load_config())
    estimates = [fuse_groups(key, label, start, end, gs, claim_sets[key], parts)
                 for (key, label, start, end), gs in buckets.items()]
    estimates.sort(key=lambda e: (e.key.label, e.period_start or "", e.period))
    return estimates
