"""Findings: what the ledger's claims say about each other.

Each rule reads independent claims (`ClaimGroup`s, see series.py) and returns typed
`Finding` records naming the claims and the spans it read, a one-sentence `rule`
saying what fired, and the numbers in `detail`. Rules never change a claim.

    revision               an originator's successive figures for one quantity (a fall is a warning)
    monotonicity           a running tally (an originator's figure day after day) falls
    disagreement           independent originators, one quantity, overlapping periods, intervals apart;
                           or one originator's parts (killed plus wounded) against another's whole
    scope_mismatch         one originator's figure retold as another measure or place
    impossible_arithmetic  a part larger than its whole (killed > casualties ...)
    adversary_claim        a party's figure for its enemy's losses (info)

Only statements are compared: hypotheticals ("could reach 20,000"), forecasts, denials and
shares taken of another figure are left beside (`is_statement`), and so are parts of another
figure (`is_part`, `breakdown_parts`). Revisions, disagreements,
scope mismatches and adversary claims need an originator: a figure credited to no one
(the outlet's own words, "officials said") cannot be revised by or disagree with anyone
(`has_originator`).
"""

from __future__ import annotations

import hashlib
import math
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
    UNKNOWN_ORIGINATOR,
    ClaimGroup,
    group_claims,
    measure_family,
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
# What a figure is when it is compared at all: counted or estimated (model.Modality); a forecast,
# a hypothetical or a denial is not a figure anyone stands behind.
STATEMENT_MODALITIES = frozenset({"reported", "estimated"})
ANONYMOUS = "anonymous"  # the source extraction gives "officials said", "a source told"


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

    # Two "as of" figures this close are about the same moment: a figure is reported the day it is
    # given or the next, and a disaster's toll doubles in two days.
    asof_window_days: int = 1
    event_max_days: int = 7  # a figure for a shorter explicit period counts one event, not a total
    min_window_overlap: float = 0.5  # explicit periods must share half the longer one
    # A cumulative figure dated later may be this much higher before it disagrees; None: any rise is
    # growth (a disaster's toll doubles in a day), and only a later figure below an earlier one disagrees.
    cumulative_growth_allowance: float | None = None
    tally_min_dates: int = 10  # an originator with a figure on this many dates keeps a tally, not estimates
    # a figure under a third of another is another count (a town's, an event's, one people's): not a revision of
    # it, and, when it names a place the larger one does not, maybe its part rather than a rival estimate
    another_count_ratio: float = 3.0
    vague_margin: float = 0.25  # "thousands" (to 9,999) does not contradict 10,100 two days later
    min_total: float = 10  # an undated count under ten is one incident's toll, not a running total
    max_ratio: float = 100  # figures two orders of magnitude apart count different things (a town, a country)
    min_ratio: float = 1.1  # figures within 10% are one count at two moments of its updating
    revision_window_days: int = 180  # figures half a year apart are a count and its growth, not a revision
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


# ---------------------------------------------------------------- what a rule may compare


def is_statement(g: ClaimGroup) -> bool:
    """A figure someone gives as a count or an estimate: not a hypothetical ("could reach 20,000"),
    a forecast, a denial ("3,000 did not die"), nor a share computed from another figure
    ("a quarter of the 4,000").

    Those are listed beside an estimate, never compared with it or inside it.
    """
    return (g.first.get("modality") or "reported") in STATEMENT_MODALITIES and g.first.get("fraction") is None


def is_part(g: ClaimGroup) -> bool:
    """A count of some of another figure's people ("among them four children", "4,000 of them were
    killed"): it takes the whole's measure, so it is not a rival figure for the whole."""
    return bool(g.first.get("derived_from"))


BREAKDOWN_MAX_FIGURES = 12  # figures of one report searched for a whole and its parts (2^12 subsets at most)


def breakdown_parts(groups: Iterable[ClaimGroup], config: ReconcileConfig) -> frozenset[str]:
    """Group ids of figures an originator gives in one report as the parts of another figure it gives there.

    "a toll of 1,250: 700 civilians, 480 soldiers and 70 police officers": the three add up to
    the first (within `same_figure_tolerance`), so they are a breakdown of
    it, not three more figures for the same quantity, even where no "of them" marks them
    (`is_part`). Compared: one originator's statements in one document, for one actor,
    measure and unit, dated alike.

    >>> sorted(breakdown_parts(groups, load_config()))  # doctest: +SKIP
    ['<id of 480>', '<id of 70>', '<id of 700>']

    The fusion of every period kind and two rules ask this of the same groups (seven times an
    actor when the ledger refreshes): groups from `group_claims` keep the answer (`Groups.derived`).
    """
    derived = getattr(groups, "derived", None)
    if derived is None:
        return _breakdown_parts(groups, config)
    answers = derived.setdefault("breakdown_parts", [])  # (config, parts): a config holds mappings, no hash
    for asked, parts in answers:
        if asked == config:
            return parts
    parts = _breakdown_parts(groups, config)
    answers.append((config, parts))
    return parts


def _breakdown_parts(groups: Iterable[ClaimGroup], config: ReconcileConfig) -> frozenset[str]:
    reports: dict[tuple, dict[str, ClaimGroup]] = defaultdict(dict)
    for g in groups:
        if g.best is None or g.best <= 0 or not is_statement(g) or is_part(g) or is_vague(g):
            continue
        for doc in g.doc_ids:
            reports[(g.originator, doc, g.key.actor, g.key.measure, g.key.unit, g.as_of)][g.group_id] = g
    parts: set[str] = set()
    for found in reports.values():
        figures = sorted(found.values(), key=lambda g: -(g.best or 0))
        if len(figures) < 3 or len(figures) > BREAKDOWN_MAX_FIGURES:
            continue
        for i, whole in enumerate(figures):
            smaller = [g for g in figures[i + 1:] if g.best < whole.best and g.group_id not in parts]
            summed = _summing_to(whole.best, smaller, config.same_figure_tolerance)
            if summed:
                parts.update(g.group_id for g in summed)
    return frozenset(parts)


def _summing_to(total: float, figures: list[ClaimGroup], tolerance: float) -> list[ClaimGroup]:
    """The largest set of two or more figures whose bests add up to `total` (within `tolerance`), or []."""
    for size in range(len(figures), 1, -1):
        for chosen in combinations(figures, size):
            if abs(sum(g.best for g in chosen) - total) <= tolerance * total:
                return list(chosen)
    return []


def has_originator(g: ClaimGroup) -> bool:
    """Whether someone is credited with the figure: a named body or person, not 'officials said' and not
    the outlet's own words when no one was named (an outlet is an originator only when it is named as one,
    "The New York Times reported 1,052")."""
    if g.originator in (UNKNOWN_ORIGINATOR, ANONYMOUS):
        return False
    return g.first.get("attribution") != "outlet" or g.originator not in g.outlets


def is_vague(g: ClaimGroup) -> bool:
    """'dozens', 'thousands': the interval is a convention of the phrase, not a figure anyone gave."""
    return g.first.get("qualifier") == "vague"


def _same_figure(a: ClaimGroup, b: ClaimGroup, tolerance: float) -> bool:
    if a.best is None or b.best is None:
        return bounds(a) == bounds(b)
    top = max(abs(a.best), abs(b.best))
    return top == 0 or abs(a.best - b.best) <= tolerance * top


def _place_relation(a: str | None, b: str | None) -> int | None:
    """0: the same ground (equal, or one unnamed); -1: a lies inside b (Kursk in Russia); 1: b inside a."""
    if a is None or b is None or a == b:
        return 0
    if place_parent(a) == b:
        return -1
    if place_parent(b) == a:
        return 1
    return None


def relation(a: ClaimGroup, b: ClaimGroup) -> int | None:
    """How two figures' quantities relate: 0 the same, -1 a is a part of b, 1 b of a, None not comparable.

    The same measure on the same ground is one quantity; a region's figure is a part of its
    country's. Different measures are never compared across originators: a part (killed)
    never stands for its whole (casualties), and a whole tells nothing about one part alone.
    """
    if a.key.measure != b.key.measure:
        return None
    return _place_relation(a.key.place_code, b.key.place_code)


def _log_gap(a: ClaimGroup, b: ClaimGroup) -> float:
    """How far apart two figures are, as a ratio on a log scale (0 for equal bests)."""
    if a.best is None or b.best is None:
        return math.inf
    return abs(math.log(max(a.best, 1e-9) / max(b.best, 1e-9)))


# ---------------------------------------------------------------- rules


def _revision(before: ClaimGroup, after: ClaimGroup, rule_tail: str, extra: dict[str, Any]) -> Finding:
    change = None if before.best is None or after.best is None else after.best - before.best
    down = change is not None and change < 0
    return _finding(
        "revision", [before, after],
        f"{after.originator} revised its {_what(after)} figure {'down' if down else 'up' if change else ''} "
        f"from {_interval(before)} to {_interval(after)}{rule_tail}".replace("  ", " "),
        {"before": _claim_detail(before), "after": _claim_detail(after), "change": change,
         "direction": "down" if down else "up" if change else "same", **extra},
        # a count that goes down is the one a reader must not miss: totals only grow
        "warning" if down else "info",
    )


def _as_of_point(g: ClaimGroup) -> bool:
    """A total given as of a moment: an open start, or a fuzzy third of a month ("as of mid-January":
    days 11-20, docs/conventions.md). A figure for one explicit day is that day's count, not a total."""
    if not g.date_start:
        return True
    start, end = _day(g.date_start), _day(g.first.get("date_end"))
    if start is None or end is None:
        return False
    return start.day in (1, 11, 21) and 9 <= (end - start).days <= 10 and start.month == end.month


def _run_revisions(gs: list[ClaimGroup], config: ReconcileConfig) -> Iterator[Finding]:
    """Revisions within one originator's figures for one quantity, in order of their dates.

    Each figure is compared with the originator's most recent earlier figure of the same ground
    (the nearest in value when that day has several). A figure less than 1/`another_count_ratio`
    of it is another count (a town's or a hospital's toll beside a national total) and is
    skipped; a figure many times larger is growth (64, then 1,427, then 2,975), unless an
    earlier figure is near it and the latest was the other count. Places are a hierarchy,
    not separate series: a figure for Kursk follows one for Russia or one with no place.
    """
    by_day: dict[str, list[ClaimGroup]] = defaultdict(list)
    for g in gs:
        by_day[g.as_of].append(g)  # type: ignore[index]
    days = sorted(by_day)
    if len(days) >= config.tally_min_dates:
        return
    sequence: list[ClaimGroup] = []
    stands: dict[str, bool] = {}
    for i, day in enumerate(days):
        later = [g for d in days[i + 1:] for g in by_day[d]]
        for g in by_day[day]:
            # Two figures on one day: the one the originator keeps giving afterwards is the revision
            # (500 and 471 both reported on the 18th, 471 still on the 26th: 500 then 471).
            stands[g.group_id] = max(g.dates, default=day) > day or any(
                _same_figure(g, x, config.same_figure_tolerance) for x in later)
        sequence += sorted(by_day[day], key=lambda g: (stands[g.group_id], g.published_at or "", g.group_id))
    found: dict[tuple[str, str], tuple[float, ClaimGroup, ClaimGroup]] = {}
    for p, after in enumerate(sequence):
        prior = [e for e in sequence[:p] if relation(e, after) is not None
                 and (_days_apart(e.as_of, after.as_of) or 0) <= config.revision_window_days
                 # figures given together are separate counts (2,778 killed and 9,700 wounded)
                 and not set(e.doc_ids) & set(after.doc_ids)
                 # a same-day figure follows another only when it is the one that stands, or came out later
                 and (e.as_of != after.as_of or stands[after.group_id]
                      or (after.published_at or "") > (e.published_at or ""))]
        if not prior:
            continue
        latest_day = prior[-1].as_of
        before = min((e for e in prior if e.as_of == latest_day), key=lambda e: _log_gap(e, after))
        if after.best * config.another_count_ratio < before.best:
            continue  # far below the latest figure: another count (a town's, a hospital's), not a revision
        if after.best > before.best * config.another_count_ratio:
            # far above: growth, unless the latest figure was the other count and an earlier one is this figure's
            near = [e for e in prior if after.best <= e.best * config.another_count_ratio]
            before = near[-1] if near else before
        if after.best >= before.best * config.max_ratio:
            continue  # two orders of magnitude above: a town's toll, then the nation's, not one count revised
        if _same_figure(before, after, config.same_figure_tolerance):
            continue
        if after.best < before.best and not _apart(after, before):
            continue  # "at least 600" after "more than 1,300" does not say fewer: no change of mind
        # One document giving two new figures continues the earlier one through the nearer.
        key = (before.group_id, after.doc_ids[0])
        gap = _log_gap(before, after)
        if key not in found or gap < found[key][0]:
            found[key] = (gap, before, after)
    for _, before, after in sorted(found.values(), key=lambda t: (t[2].as_of or "", t[2].group_id)):
        yield _revision(before, after, f" ({before.as_of} to {after.as_of}).",
                        {"days_apart": _days_apart(before.as_of, after.as_of)})


def find_revisions(groups: list[ClaimGroup], config: ReconcileConfig) -> Iterator[Finding]:
    """An originator's successive figures for one quantity: each change is a revision, up or down.

    Cumulative "as of" figures (NIS: 100, then 300, then 600 killed) are taken day after day:
    each figure is compared with the one of the originator's previous day that is nearest to it,
    and a figure already given that day is no change. A running tally (an originator with a
    figure on `tally_min_dates` days or more) counts rather than revises: its rises are not
    listed, its falls are `monotonicity` findings. A fall to less than 1/`another_count_ratio`
    of the earlier figure is another count (one town, one event), not a revision of it.
    A figure for an explicit period restated later with another value is a revision too.
    """
    runs: dict[tuple, list[ClaimGroup]] = defaultdict(list)
    restated: dict[tuple, list[ClaimGroup]] = defaultdict(list)
    parts = breakdown_parts(groups, config)
    for g in groups:
        if not (g.as_of and g.best is not None and is_statement(g) and has_originator(g)) \
                or is_vague(g) or is_part(g) or g.group_id in parts:
            continue
        if g.key.measure in CUMULATIVE_MEASURES and (_as_of_point(g) or not is_event_count(g, config)):
            start = None if _as_of_point(g) else g.date_start
            runs[(g.key.actor, g.key.measure, g.key.unit, g.originator, start)].append(g)
        elif g.date_end:
            restated[(g.key, g.originator, g.date_start, g.date_end)].append(g)
    for gs in runs.values():
        yield from _run_revisions(gs, config)
    for (_, _, start, end), gs in restated.items():
        gs.sort(key=lambda g: (g.published_at or "", g.group_id))
        for before, after in zip(gs, gs[1:]):
            # Figures published together are separate counts (two events, two towns), not a change of mind.
            if not (before.published_at and after.published_at and after.published_at > before.published_at):
                continue
            if _different_events(before, after, config) or _same_figure(before, after, config.same_figure_tolerance):
                continue
            yield _revision(before, after, f" for the same period ({start or 'start'} to {end}).", {})


def find_monotonicity(groups: list[ClaimGroup], config: ReconcileConfig) -> Iterator[Finding]:
    """A running tally falls: an originator's cumulative figure, given on `tally_min_dates` days or
    more, is lower on one date than on the one before (an originator that gives fewer figures
    revises them instead: see `find_revisions`).

    Compared: claims with the same start (an open "as of" start, or the same "since" when
    the periods run a week or more: shorter ones are events' tolls, not running totals),
    in order of date_end (publication date when the claim has none); for a date with
    several figures (revisions) the last published counts.
    """
    runs: dict[tuple, dict[str, ClaimGroup]] = defaultdict(dict)
    for g in groups:
        if g.key.measure not in CUMULATIVE_MEASURES or g.best is None or not is_statement(g) or is_part(g):
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
        if len({g.as_of for g in by_day.values()}) < config.tally_min_dates:
            continue
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
    """(lower, upper) when two figures of one quantity cannot both be right.

    Intervals that do not overlap disagree. A cumulative figure dated later may have grown
    since: then only a later figure below the earlier one disagrees (a total never falls),
    unless `cumulative_growth_allowance` bounds the growth.
    """
    earlier, later = sorted((a, b), key=lambda g: g.as_of or "")
    if earlier.as_of != later.as_of and earlier.key.measure in CUMULATIVE_MEASURES \
            and later.key.measure in CUMULATIVE_MEASURES:
        if _apart(later, earlier):
            return later, earlier
        allowance = config.cumulative_growth_allowance
        _, hi = bounds(earlier)
        lo, _ = bounds(later)
        if allowance is not None and hi is not None and lo is not None and lo > hi * allowance:
            return earlier, later
        return None
    if _apart(a, b):
        return a, b
    if _apart(b, a):
        return b, a
    return None


def _unnamed_over_named(lower: ClaimGroup, upper: ClaimGroup, config: ReconcileConfig) -> bool:
    """The larger figure names no place, the smaller one does and is under 1/`another_count_ratio` of it: the
    unnamed ground may be wider (both countries, the whole war) and the smaller its part ("the combined toll
    rose above 50,000" and Syria's 6,760), not a rival estimate of one quantity (300 against 471)."""
    return upper.key.place_code is None and lower.key.place_code is not None \
        and lower.best is not None and upper.best is not None and upper.best > lower.best * config.another_count_ratio


def _exceeds(part: ClaimGroup, whole: ClaimGroup) -> bool:
    """A part larger than its whole: killed above another originator's casualties, a region above its
    country. A part dated later than a cumulative whole may have outgrown it."""
    if (part.as_of or "") > (whole.as_of or "") and part.key.measure in CUMULATIVE_MEASURES:
        return False
    return _apart(whole, part)


class _Candidates:
    """One originator's claims indexed for `_comparable`: only those it can find comparable are offered.

    Claims are kept by measure (claims of two measures are never one quantity; `any_measure`
    for a part against its whole) and by place, and offered only from the places that can be
    the same ground as the asking claim's (its own, none, the one that holds it, those it
    holds). Within them, claims with the same start are comparable within `asof_window_days`
    of each other, so they are looked up by date in a sorted list. Claims with another explicit
    start must share `min_window_overlap` of the longer period, which bounds how far apart the
    starts can be (a claim of L days meets periods of at most L / overlap days), so they are
    looked up by start in a sorted list too. The rules' answers are unchanged, at a cost that
    follows the claims near in time and ground rather than every pair: a million claims of
    twenty originators over six places and six measures are offered a handful at a time, and
    a week's toll published every day is not set against every other week of the year.
    """

    def __init__(self, groups: list[ClaimGroup], any_measure: bool = False) -> None:
        self.any_measure = any_measure
        cells: dict[tuple, dict[str | None, list[ClaimGroup]]] = defaultdict(lambda: defaultdict(list))
        started: dict[tuple, list[tuple[int, ClaimGroup]]] = defaultdict(list)
        held: set[tuple] = set()
        for g in groups:
            cell = (None if any_measure else g.key.measure, g.key.place_code)
            if g.as_of:
                cells[cell][g.date_start].append(g)
                held.add(cell)
            if g.date_start:
                held.add(cell)
                start, end = _day(g.date_start), _day(g.as_of)
                if start and end:  # a period that does not parse is comparable with no other start
                    started[cell].append((start.toordinal(), g))
        self.by_start: dict[tuple, dict[str | None, tuple[list[str], list[ClaimGroup]]]] = {}
        for cell, by_start in cells.items():
            for gs in by_start.values():
                gs.sort(key=lambda g: g.as_of)
            self.by_start[cell] = {start: ([g.as_of for g in gs], gs) for start, gs in by_start.items()}
        self.with_start: dict[tuple, tuple[list[int], list[ClaimGroup]]] = {}
        for cell, found in started.items():
            found.sort(key=lambda t: t[0])
            self.with_start[cell] = ([day for day, _ in found], [g for _, g in found])
        self.grounds: dict[tuple[str | None, str | None], tuple[tuple[str | None, str | None], ...]] = {}
        self.places: dict[str | None, set[str | None]] = defaultdict(set)  # measure -> the place codes held
        for measure, code in held:
            self.places[measure].add(code)

    def _grounds(self, a: ClaimGroup) -> tuple[tuple[str | None, str | None], ...]:
        measure = None if self.any_measure else a.key.measure
        code = a.key.place_code
        found = self.grounds.get((measure, code))
        if found is None:
            held = self.places.get(measure, ())
            wider = place_parent(code)
            # an unnamed place may be any of them
            found = self.grounds[(measure, code)] = tuple(
                (measure, c) for c in sorted(held, key=str)
                if code is None or c is None or c == code or c == wider or place_parent(c) == code)
        return found

    def near(self, a: ClaimGroup, config: ReconcileConfig) -> Iterator[ClaimGroup]:
        day = _day(a.as_of)
        window = timedelta(days=config.asof_window_days)
        for cell in self._grounds(a):
            same = self.by_start.get(cell, {}).get(a.date_start)
            if same is not None and day is not None:
                dates, gs = same
                try:
                    lo = bisect_left(dates, (day - window).isoformat())
                    hi = bisect_right(dates, (day + window).isoformat() + "\uffff")
                except OverflowError:  # a date at the calendar's edge: look at them all
                    lo, hi = 0, len(gs)
                yield from gs[lo:hi]
            if a.date_start and cell in self.with_start:
                yield from (b for b in self._overlapping(cell, a, config) if b.date_start != a.date_start)

    def _overlapping(self, cell: tuple, a: ClaimGroup, config: ReconcileConfig) -> list[ClaimGroup]:
        """The claims of a cell whose start lets their period share `min_window_overlap` of the longer
        with a's: from a's start less a's length over the overlap to a's end (see `_comparable`)."""
        start, end = _day(a.date_start), _day(a.as_of)
        if not (start and end):
            return []
        days, gs = self.with_start[cell]
        hi = bisect_right(days, end.toordinal())
        if config.min_window_overlap <= 0:
            return gs[:hi]
        length = (end - start).days + 1
        return gs[bisect_left(days, start.toordinal() - math.floor(length / config.min_window_overlap) + 1):hi]


def _comparable_for_disagreement(g: ClaimGroup, config: ReconcileConfig) -> bool:
    if not (g.as_of and (g.low is not None or g.best is not None or g.high is not None)
            and is_statement(g) and has_originator(g)) or is_part(g):
        return False
    return bool(g.date_start) or g.best is None or g.best >= config.min_total


def find_disagreements(groups: list[ClaimGroup], config: ReconcileConfig) -> Iterator[Finding]:
    """Independent originators, one quantity, overlapping periods, intervals that cannot both hold.

    One quantity: the same actor, unit and measure on the same ground (an unnamed place is
    taken as the same ground, or a wider one when its figure is many times a named place's);
    a region's figure disagrees with its country's only by
    exceeding it. A later cumulative figure may have grown; a later one below an earlier one
    disagrees. Two vague counts never disagree, and a vague count only with a figure clearly
    outside it. Each pair of originators is compared through claims that are each other's
    nearest in time (then in value), so a daily series against another is not compared
    day x day and a hospital's toll is not held against the war's.
    """
    buckets: dict[tuple, dict[str, list[ClaimGroup]]] = defaultdict(lambda: defaultdict(list))
    parts = breakdown_parts(groups, config)
    for g in groups:
        if _comparable_for_disagreement(g, config) and g.group_id not in parts:
            buckets[(g.key.actor, g.key.unit, measure_family(g.key.measure))][g.originator].append(g)
    for by_originator in buckets.values():
        names = sorted(by_originator)
        for i, name_a in enumerate(names):
            for name_b in names[i + 1:]:
                pairs = _mutual_nearest(by_originator[name_a], by_originator[name_b], config)
                said: set[tuple] = set()  # "3,000" and "more than 3,000" in one report are one statement
                for a, b, days_apart in pairs:
                    statement = (a.as_of, a.best, b.as_of, b.best)
                    if statement in said:
                        continue
                    said.add(statement)
                    rel = relation(a, b)
                    if rel == 0:
                        apart = _disagree(a, b, config)
                        if apart is not None and _unnamed_over_named(*apart, config):
                            apart = None  # "the combined toll rose above 50,000" over Syria's 6,760: maybe its whole
                    elif rel == -1:
                        apart = (b, a) if _exceeds(a, b) else None
                    else:
                        apart = (a, b) if _exceeds(b, a) else None
                    if apart is not None and (_vague_holds(*apart, config) or _far_apart(*apart, config)
                                              or _close(*apart, config)):
                        apart = None
                    if apart is not None:
                        yield _disagreement(*apart, days_apart, part_of_whole=rel != 0)
    yield from _composition_disagreements(groups, parts, config)


def _composition_disagreements(groups: list[ClaimGroup], parts: frozenset[str],
                               config: ReconcileConfig) -> Iterator[Finding]:
    """One originator's parts against another's whole (measures.toml, `parts`): killed plus wounded
    against casualties when an originator gives both parts for one moment, else a single part
    larger than the whole ("9,000 killed" against "7,000 casualties").

    Compared like figures of one measure (`find_disagreements`): same actor and unit, the same
    ground, periods that overlap, a later cumulative figure allowed to have grown, and pairs within
    `min_ratio` or `max_ratio` apart left alone. The originator that gives the parts may give the
    whole too; its own arithmetic is `impossible_arithmetic`'s.
    """
    by_scope: dict[tuple, dict[str, list[ClaimGroup]]] = defaultdict(lambda: defaultdict(list))
    for g in groups:
        if g.key.measure in _SUMMED and _comparable_for_disagreement(g, config) \
                and g.group_id not in parts and not is_vague(g):
            by_scope[(g.key.actor, g.key.unit)][g.key.measure].append(g)
    for by_measure in by_scope.values():
        for whole_measure, part_measures in _PARTS.items():
            wholes = by_measure.get(whole_measure, [])
            if not wholes:
                continue
            # only the wholes near the parts in time can be comparable: looked up, not scanned (a tally of
            # thousands of days against another's would be millions of pairs), in the wholes' own order
            near, order = _Candidates(wholes, any_measure=True), {g.group_id: i for i, g in enumerate(wholes)}
            for sides in _part_sets(by_measure, part_measures):
                for whole in sorted(near.near(sides[0], config), key=lambda g: order[g.group_id]):
                    finding = _composition_finding(whole, sides, config)
                    if finding is not None:
                        yield finding


def _part_sets(by_measure: Mapping[str, list[ClaimGroup]], part_measures: tuple[str, ...]
               ) -> Iterator[tuple[ClaimGroup, ...]]:
    """Each originator's parts for one moment: every part measure when it gives them all for the same
    period and ground (killed and wounded, one report or one day), else each part alone."""
    per_originator: dict[str, dict[str, list[ClaimGroup]]] = defaultdict(lambda: defaultdict(list))
    for measure in part_measures:
        for g in by_measure.get(measure, []):
            per_originator[g.originator][measure].append(g)
    for originator in sorted(per_originator):
        mine = per_originator[originator]
        complete: set[str] = set()
        if len(mine) == len(part_measures):
            first, *rest = (mine[m] for m in part_measures)
            for a in first:
                together = [a]
                for others in rest:
                    match = next((b for b in others if (b.date_start, b.as_of) == (a.date_start, a.as_of)
                                  and _place_relation(a.key.place_code, b.key.place_code) == 0), None)
                    if match is None:
                        break
                    together.append(match)
                if len(together) == len(part_measures):
                    complete.update(g.group_id for g in together)
                    yield tuple(together)
        for measure in part_measures:
            for g in mine.get(measure, []):
                if g.group_id not in complete:
                    yield (g,)


def _sum_bounds(sides: Iterable[ClaimGroup]) -> tuple[float | None, float | None]:
    """The interval of a sum: open on a side when any part is open there."""
    lows, highs = zip(*(bounds(g) for g in sides))
    return (None if None in lows else sum(lows), None if None in highs else sum(highs))


def _composition_finding(whole: ClaimGroup, sides: tuple[ClaimGroup, ...],
                         config: ReconcileConfig) -> Finding | None:
    """The disagreement between another originator's whole and these parts, or None."""
    first = sides[0]
    if first.originator == whole.originator or whole.best is None or any(g.best is None for g in sides):
        return None
    if _place_relation(first.key.place_code, whole.key.place_code) != 0:
        return None
    days_apart = _comparable(first, whole, config)
    if days_apart is None:
        return None
    parts_low, parts_high = _sum_bounds(sides)
    whole_low, whole_high = bounds(whole)
    parts_best = sum(g.best for g in sides)
    single = len(sides) == 1
    if parts_low is not None and whole_high is not None and parts_low > whole_high:
        # the parts exceed the whole: a later whole may not have fallen below earlier parts, but an
        # earlier whole may have grown into later parts
        if (first.as_of or "") > (whole.as_of or ""):
            return None
        lower, upper, top, bottom = "whole", "parts", parts_low, whole_high
    elif not single and whole_low is not None and parts_high is not None and whole_low > parts_high:
        if (whole.as_of or "") > (first.as_of or ""):
            return None  # the whole, given later, may have grown
        lower, upper, top, bottom = "parts", "whole", whole_low, parts_high
    else:
        return None
    ratio = _ratio(top, bottom)
    if ratio is None or ratio < config.min_ratio or ratio >= config.max_ratio:
        return None
    named = " plus ".join(f"{g.key.measure} ({_interval(g)})" for g in sides)
    if not single:
        named += f", together {_fmt(parts_best)} [{_fmt(parts_low)}-{_fmt(parts_high)}]"
    parts_words = f"{first.originator}'s {named} ({first.as_of})"
    whole_words = f"{whole.originator}'s {whole.key.measure} ({_interval(whole)}, {whole.as_of})"
    if upper == "parts":
        what = (f"{parts_words} {'exceeds' if single else 'exceed'} {whole_words}: "
                f"{'a part' if single else 'parts'} larger than the whole")
    else:
        what = f"{whole_words} exceed {parts_words}: more than its parts add up to"
    parts_side = {"originator": first.originator, "measure": " + ".join(g.key.measure or "" for g in sides),
                  "low": parts_low, "best": parts_best, "high": parts_high, "as_of": first.as_of,
                  "parts": [_claim_detail(g) for g in sides]}
    whole_side = {**_claim_detail(whole), "measure": whole.key.measure}
    return _finding(
        "disagreement", [whole, *sides],
        f"{what}; the larger is {ratio:g} times the smaller.",
        {"lower": parts_side if lower == "parts" else whole_side, "upper": parts_side if upper == "parts" else whole_side,
         "ratio": ratio, "days_apart": days_apart, "part_of_whole": single, "composition": True},
        "warning",
    )


def _nearest(a: ClaimGroup, candidates: _Candidates,
             config: ReconcileConfig) -> tuple[int, ClaimGroup, frozenset[str]] | None:
    """The comparable claim nearest to `a` in time, then in value, with the ids of every claim as
    near in time; None when none is comparable."""
    found = [(gap, _log_gap(a, b), b.group_id, b) for b in candidates.near(a, config)
             if relation(a, b) is not None and not (is_vague(a) and is_vague(b))
             and (gap := _comparable(a, b, config)) is not None]
    if not found:
        return None
    gap = min(t[0] for t in found)
    tied = [t for t in found if t[0] == gap]
    best = min(tied, key=lambda t: t[1:3])
    return gap, best[3], frozenset(t[2] for t in tied)


def _mutual_nearest(xs: list[ClaimGroup], ys: list[ClaimGroup],
                    config: ReconcileConfig) -> list[tuple[ClaimGroup, ClaimGroup, int]]:
    """Pairs of claims of two originators: each claim with the other's claim nearest to it in time
    (then value), kept when it is also among that claim's nearest in time.

    An originator with several figures near one of another's (a hospital's toll beside the
    war's, given the day before) is compared through those of the same moment, not once
    per figure.
    """
    cx, cy = _Candidates(xs), _Candidates(ys)
    pairs: list[tuple[ClaimGroup, ClaimGroup, int]] = []
    seen: set[tuple[str, str]] = set()
    for a, own, other in [*((x, cx, cy) for x in xs), *((y, cy, cx) for y in ys)]:
        found = _nearest(a, other, config)
        if found is None:
            continue
        gap, b, _ = found
        back = _nearest(b, own, config)
        key = tuple(sorted((a.group_id, b.group_id)))
        if back is not None and a.group_id in back[2] and key not in seen:
            seen.add(key)  # type: ignore[arg-type]
            pairs.append((a, b, gap))
    return pairs


def _far_apart(lower: ClaimGroup, upper: ClaimGroup, config: ReconcileConfig) -> bool:
    """Figures `max_ratio` times apart or more: three dead found in one town beside a country's toll."""
    ratio = _ratio(bounds(upper)[0] or upper.best, bounds(lower)[1] or lower.best)
    return ratio is not None and ratio >= config.max_ratio


def _vague_holds(lower: ClaimGroup, upper: ClaimGroup, config: ReconcileConfig) -> bool:
    """Whether a vague count is compatible with the figure it was set against.

    A vague amount is what its speaker vouches for at least: "hundreds wounded", "thousands of
    children", "dozens of bodies" seen at a scene. Its top (dozens: 99) is the coding convention
    of docs/conventions.md, not a claim, and news uses "thousands" for 38,000; so a vague count
    disagrees only with a figure clearly below its floor (beyond `vague_margin`).
    """
    if is_vague(lower):
        return True  # the figure above a vague count is within what the phrase vouches for
    if is_vague(upper):
        floor, _ = bounds(upper)
        _, hi = bounds(lower)
        return floor is not None and hi is not None and floor <= hi * (1 + config.vague_margin)
    return False


def _close(lower: ClaimGroup, upper: ClaimGroup, config: ReconcileConfig) -> bool:
    """Figures within `min_ratio` of each other: one count at two moments of its updating (500 said on
    the night, 471 the next morning), not two estimates that cannot both hold."""
    top = bounds(upper)[0] if bounds(upper)[0] is not None else upper.best
    bottom = bounds(lower)[1] if bounds(lower)[1] is not None else lower.best
    ratio = _ratio(top, bottom)
    return ratio is not None and ratio < config.min_ratio


def _disagreement(lower: ClaimGroup, upper: ClaimGroup, days_apart: int, part_of_whole: bool) -> Finding:
    ratio = _ratio(bounds(upper)[0], bounds(lower)[1])
    both = lower.best is not None and upper.best is not None
    what = (f"; {_what(upper)} ({upper.key.place_code or 'unnamed place'}) exceeds "
            f"{_what(lower)} ({lower.key.place_code or 'unnamed place'}), a part larger than its whole"
            if part_of_whole else "")
    return _finding(
        "disagreement", [lower, upper],
        f"{upper.originator} ({_interval(upper)}, {upper.as_of}) and {lower.originator} "
        f"({_interval(lower)}, {lower.as_of}) give intervals that do not overlap{what}"
        + (f"; the larger is {ratio:g} times the smaller." if ratio else "."),
        {"lower": _claim_detail(lower), "upper": _claim_detail(upper), "ratio": ratio,
         "best_ratio": _ratio(max(lower.best or 0, upper.best or 0), min(lower.best, upper.best)) if both else None,
         "days_apart": days_apart, "part_of_whole": part_of_whole},
        "info" if ratio is not None and ratio < 1.1 else "warning",
    )


def find_scope_mismatches(groups: list[ClaimGroup], config: ReconcileConfig) -> Iterator[Finding]:
    """One originator's figure retold as another quantity: the same figure (within 1%) for the same
    actor under another measure of its family or another place.

    Zelensky's "4,000 killed or wounded" in January, then "4,000 of them were killed" in an
    interview: the figure kept, its scope changed. Different originators giving equal
    round numbers, two counts of one originator that differ in kind (300 killed, 300 wounded)
    and vague amounts ("thousands" is no figure) are not retellings; nor is a measure changed by a
    word that hides which measure it is ("eliminated 20,000" and "20,000 killed").
    """
    buckets: dict[tuple, list[ClaimGroup]] = defaultdict(list)
    for g in groups:
        if g.best is not None and g.best >= config.scope_min_figure and g.key.actor is not None \
                and is_statement(g) and has_originator(g) and not is_vague(g):
            buckets[(g.key.actor, g.key.unit, g.originator)].append(g)
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
                changed = []
                if a.key.measure != b.key.measure:
                    if measure_family(a.key.measure) != measure_family(b.key.measure):
                        continue  # two counts of different kinds, not one retold
                    if not (a.first.get("ambiguous_measure") or b.first.get("ambiguous_measure")):
                        changed.append("measure")  # "lost 20,000 fighters" may be the dead: no measure was changed
                if _places_conflict(a.key.place_code, b.key.place_code):
                    changed.append("place_code")  # an unnamed or enclosing place narrows nothing: Kursk is in Russia
                if not changed:
                    continue
                what = " and ".join(
                    f"{getattr(a.key, f) or 'unknown'} vs {getattr(b.key, f) or 'unknown'}" for f in changed)
                yield _finding(
                    "scope_mismatch", [a, b],
                    f"{a.originator}'s figure {_fmt(a.best)} appears as {what}.",
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
        if not is_statement(g) or is_vague(g) or is_part(g):
            continue  # "could reach", "dozens", "among them four children": no figure to add up
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
        if not (is_statement(g) and has_originator(g)):
            continue  # the outlet's own words name no party; a share is marked with the figure it is taken of
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
