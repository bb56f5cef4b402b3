"""Series and findings kept in the ledger: computed when claims change, read by pages and the API.

Every rule (findings.py) compares claims of one actor only: groups, series, revisions,
disagreements and arithmetic key on the actor, and a scope mismatch compares figures of
the same actor across measures and places. So an actor's series and findings depend on
that actor's claims and nothing else, and the unit of recomputation is the actor: after
an ingest run the actors its claims name are recomputed whole (every series of theirs,
a country's regions included), which gives the same rows as recomputing the ledger.

    >>> from tollbook.reconcile.store import refresh_all, stored_findings
    >>> refresh_all(ledger.engine)                                  # doctest: +SKIP
    >>> with ledger.engine.connect() as conn:                       # doctest: +SKIP
    ...     first_page = stored_findings(conn, limit=50)

The fused estimates of every series are stored too, for each period kind (day, week,
month, year, all): a fusion groups one series' claims by originator and syndication
cluster, never across actors, so an actor's estimates are the same whether its claims
are fused alone or with the whole ledger, and a timeline reads them instead of grouping
and fusing thousands of claims per request (`stored_estimates`, with `timeline_claims`
for the claims themselves in the timeline's order).

Writers take a lock (SQLite: an immediate transaction; PostgreSQL: an advisory
lock of the actor's own) before reading an actor's claims, so concurrent ingesters leave
the rows of the last one, which saw every committed claim. On PostgreSQL a large refresh
is shared by as many processes as there are cores, one actor at a time each.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from types import MappingProxyType
from typing import Any

import sqlalchemy as sa

from tollbook.ledger.bulk import insert_rows
from tollbook.ledger.queries import (
    ClaimFilter, claim_date, claim_record, distinct_values, select_claims, stored_spellings,
)
from tollbook.ledger.schema import claims, documents, estimates, finding_claims, findings, series
from tollbook.lexicons.measures import measure_registry
from tollbook.reconcile.findings import FINDING_KINDS, RULES, SEVERITY_ORDER, Finding, Span, load_config
from tollbook.reconcile.fusion import BESIDE_FIELDS, INPUT_FIELDS, PERIODS, Estimate, fuse
from tollbook.reconcile.series import (
    UNKNOWN_ORIGINATOR, SeriesKey, Series, build_series_from_groups, group_normalised, normalise_records, place_parent,
    rollup_fields,
)

# Any fixed 64-bit number: the key the PostgreSQL advisory lock of each actor's rows is derived from.
RECONCILE_LOCK = 0x7265636F6E63696C  # "reconcil"
# From this many claims among the actors to recompute, PostgreSQL's refresh is shared by several
# processes; below it one does it all (another costs a start and its imports, about half a second).
PARALLEL_FROM = 20_000


@dataclass(frozen=True, slots=True)
class Refreshed:
    """What one recomputation wrote."""

    actors: int
    series: int
    findings: int


def rank(finding: Finding) -> int:
    """Severity, then kind, as one integer: the order `find_findings` returns."""
    return SEVERITY_ORDER[finding.severity] * 100 + FINDING_KINDS.index(finding.kind)


def actor_records(conn: sa.Connection, actor: str | None) -> list[dict[str, Any]]:
    """The claims of one actor exactly as stored (None: claims with no actor), as `Ledger.claims()` rows."""
    query = select_claims(conn, ClaimFilter()).where(claims.c.actor.is_(None) if actor is None
                                                     else claims.c.actor == actor)
    return [claim_record(row) for row in conn.execute(query)]


def compute(records: Iterable[Mapping[str, Any]] | Any
            ) -> tuple[list[Series], Iterator[Finding], list[tuple[str, Estimate]]]:
    """Series, findings and fused estimates of the records from one grouping: what `build_series`,
    `find_findings` and `fuse` (for each period kind, paired with it) give, the findings as they
    come (unsorted), so a writer need not hold them all."""
    recs = normalise_records(records)
    groups = group_normalised(recs)
    config = load_config()
    fused = [(period, e) for period in PERIODS for e in fuse(groups, period=period)] if groups else []
    return (build_series_from_groups(groups, recs), (f for rule in RULES.values() for f in rule(groups, config)),
            fused)


def actor_lock(actor: str | None) -> int:
    """The PostgreSQL advisory lock key of one actor's stored rows (the same in every process)."""
    digest = hashlib.blake2b((actor if actor is not None else "\0").encode("utf-8"), digest_size=8,
                             key=RECONCILE_LOCK.to_bytes(8, "big")).digest()
    return int.from_bytes(digest, "big", signed=True)


@contextmanager
def _writing(engine: sa.Engine, actor: str | None) -> Iterator[sa.Connection]:
    """A transaction no other writer of this actor's stored rows holds at the same time (SQLite: no other
    writer at all)."""
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock now, not at the first DELETE
        elif conn.dialect.name == "postgresql":
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(actor_lock(actor))))
        try:
            yield conn
        except BaseException:
            conn.rollback()
            raise
        conn.commit()


WRITE_BATCH = 5_000  # findings inserted per statement: memory stays flat however many an actor has


def _replace(conn: sa.Connection, actor: str | None, found_series: list[Series], found: Iterable[Finding],
             fused: Sequence[tuple[str, Estimate]] = ()) -> int:
    """Replace one actor's rows; returns how many findings were stored."""
    same_actor = findings.c.actor.is_(None) if actor is None else findings.c.actor == actor
    conn.execute(finding_claims.delete().where(
        finding_claims.c.finding_id.in_(sa.select(findings.c.finding_id).where(same_actor))))
    conn.execute(findings.delete().where(same_actor))
    conn.execute(series.delete().where(series.c.actor.is_(None) if actor is None else series.c.actor == actor))
    conn.execute(estimates.delete().where(estimates.c.actor.is_(None) if actor is None
                                          else estimates.c.actor == actor))
    now = datetime.now(timezone.utc)
    for start in range(0, len(fused), WRITE_BATCH):
        insert_rows(conn, estimates, [estimate_row(per, e, now) for per, e in fused[start:start + WRITE_BATCH]])
    seen: set[str] = set()
    per_series: Counter[str] = Counter()
    rows: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []

    def flush() -> None:
        if rows:
            insert_rows(conn, findings, rows)
            insert_rows(conn, finding_claims, links)
        rows.clear()
        links.clear()

    for f in found:
        fid = f.finding_id
        if fid in seen:  # the same rule over the same claims twice: one finding
            continue
        seen.add(fid)
        per_series[f.series] += 1
        rows.append({
            "finding_id": fid, "kind": f.kind, "severity": f.severity, "rank": rank(f), "series": f.series,
            "actor": actor, "rule": f.rule, "claims": list(f.claims),
            "spans": [span_dict(s) for s in f.spans], "detail": json.loads(json.dumps(dict(f.detail), default=str)),
            # never empty, so the order index serves ORDER BY first_doc_id as it is
            "first_doc_id": (f.spans[0].doc_id or "") if f.spans else "", "computed_at": now,
        })
        links.extend({"finding_id": fid, "claim_id": c} for c in dict.fromkeys(f.claims))
        if len(rows) >= WRITE_BATCH:
            flush()
    flush()
    if found_series:
        insert_rows(conn, series, [
            {**{k: v for k, v in s.to_dict().items() if k in series.c}, "findings": per_series.get(s.key.label, 0),
             "computed_at": now} for s in found_series])
    return len(seen)


def estimate_row(fused_per: str, e: Estimate, now: datetime) -> dict[str, Any]:
    """The stored row of one fused estimate; `estimate_of` reads it back as the same `Estimate`."""
    return {
        "series": e.key.label, "fused_per": fused_per, "period": e.period, "actor": e.key.actor,
        "measure": e.key.measure, "unit": e.key.unit, "place_code": e.key.place_code,
        "period_start": e.period_start, "period_end": e.period_end, "low": e.low, "best": e.best, "high": e.high,
        "conservative": e.conservative, "method": e.method, "claims": list(e.claims),
        "originators": list(e.originators), "inputs": [dict(i) for i in e.inputs],
        "superseded": list(e.superseded), "beside": [dict(b) for b in e.beside], "computed_at": now,
    }


def span_dict(span: Span) -> dict[str, Any]:
    return {"doc_id": span.doc_id, "start": span.start, "end": span.end, "quote": span.quote}


def refresh_actors(engine: sa.Engine, actors: Iterable[str | None]) -> Refreshed:
    """Recompute and store the series and findings of these actors, one transaction per actor.

    A ledger whose tables were never filled (migrated from before they existed) is
    recomputed whole instead, so the stored rows never cover only part of it.
    """
    with engine.connect() as conn:
        # a ledger stored before estimates were (migration 0005) has series rows and no estimates
        filled = all(conn.execute(sa.select(table.c.series).limit(1)).first() is not None
                     for table in (series, estimates))
    if not filled:
        return refresh_all(engine)
    return _refresh_each(engine, list(dict.fromkeys(actors)))


def refresh_all(engine: sa.Engine) -> Refreshed:
    """Recompute every actor's series and findings (one actor's claims in memory at a time)."""
    with engine.connect() as conn:
        actors: list[str | None] = [*distinct_values(conn, claims.c.actor), None]
        stored = conn.execute(sa.select(series.c.actor).distinct()).scalars().all()
        gone = [a for a in stored if a is not None and a not in set(actors)]
    return _refresh_each(engine, [*actors, *gone])


def _refresh_each(engine: sa.Engine, actors: list[str | None]) -> Refreshed:
    """Recompute and store each actor's rows, one transaction an actor: in this process, or on
    PostgreSQL, for a refresh of PARALLEL_FROM claims or more, in processes of their own, largest actor first."""
    lanes, actors = _lanes(engine, actors)
    if lanes == 1:
        done = [_refresh_one(engine, actor) for actor in actors]
    else:
        # spawned, not forked: the caller may run threads (a Dask client, a web server) whose locks a fork copies
        with ProcessPoolExecutor(lanes, mp_context=multiprocessing.get_context("spawn"), initializer=_lane_start,
                                 initargs=(engine.url.render_as_string(hide_password=False),)) as pool:
            done = list(pool.map(_refresh_in_lane, actors))
    return Refreshed(len(done), sum(n for n, _ in done), sum(n for _, n in done))


def _lanes(engine: sa.Engine, actors: list[str | None]) -> tuple[int, list[str | None]]:
    """How many processes share the refresh, and the actors in the order to hand them out."""
    cores = os.cpu_count() or 1
    if engine.dialect.name != "postgresql" or len(actors) < 2 or cores < 2 or multiprocessing.current_process().daemon:
        return 1, actors  # SQLite has one writer at a time; a daemon (a Dask worker) may not start processes
    with engine.connect() as conn:
        sizes = dict(conn.execute(sa.select(claims.c.actor, sa.func.count()).group_by(claims.c.actor)).all())
    if sum(sizes.get(a, 0) for a in actors) < PARALLEL_FROM:
        return 1, actors
    return min(cores, len(actors)), sorted(actors, key=lambda a: -sizes.get(a, 0))


def _refresh_one(engine: sa.Engine, actor: str | None) -> tuple[int, int]:
    """(series, findings) stored for one actor."""
    with _writing(engine, actor) as conn:
        found_series, found, fused = compute(actor_records(conn, actor))
        return len(found_series), _replace(conn, actor, found_series, found, fused)


_lane_engine: sa.Engine | None = None  # the engine of a refresh lane (a process of its own)


def _lane_start(url: str) -> None:
    global _lane_engine
    from tollbook.ledger import engine_of

    _lane_engine = engine_of(url)


def _refresh_in_lane(actor: str | None) -> tuple[int, int]:
    assert _lane_engine is not None
    return _refresh_one(_lane_engine, actor)


def actors_of(rows: Iterable[Mapping[str, Any]]) -> set[str | None]:
    """The actors claim rows name (None for rows without one)."""
    return {r.get("actor") for r in rows}


# ---------------------------------------------------------------- reading


def is_filled(conn: sa.Connection) -> bool:
    """Whether the stored tables describe the claims: filled, or there is nothing to describe."""
    if conn.execute(sa.select(series.c.series).limit(1)).first() is not None:
        return True
    return conn.execute(sa.select(claims.c.claim_id).where(claims.c.best.is_not(None)).limit(1)).first() is None


def series_family() -> sa.ColumnElement[str]:
    """A series row's measure family, as `series.measure_family` gives it (the registry's, else the measure)."""
    families = {name: info.family for name, info in measure_registry().items()}
    return sa.case(families, value=series.c.measure, else_=series.c.measure)


def series_rollup() -> sa.ColumnElement[str]:
    """A series row's roll-up label, as `series.rollup_fields` writes it: 'North Korean forces | losses | personnel'."""
    def part(value: sa.ColumnElement[str]) -> sa.ColumnElement[str]:
        return sa.func.coalesce(sa.func.nullif(value, ""), "-")

    return part(series.c.actor) + " | " + part(series_family()) + " | " + part(series.c.unit)


def series_order() -> list[sa.ColumnElement]:
    """The order of `build_series`: a roll-up's series side by side, and in each measure a wider place
    first with its regions right after it."""
    c = series.c
    return [sa.func.coalesce(c.actor, ""), sa.func.coalesce(series_family(), ""), sa.func.coalesce(c.unit, ""),
            sa.func.coalesce(c.measure, ""), sa.func.coalesce(c.parent, c.place_code, ""),
            sa.case((c.parent.is_(None), 0), else_=1), sa.func.coalesce(c.place_code, "")]


SERIES_FIELDS = ("series", "actor", "measure", "unit", "place_code", "place", "parent", "claims", "appearances",
                 "appearance_groups", "originators", "originator_names", "first_date", "last_date", "findings")


def _rollup_filter(rollups: Iterable[str] | None) -> list[sa.ColumnElement[bool]]:
    """The series of these roll-up labels: equal labels, looked for among the actors the labels can
    begin with (the actor index first, then the label of a few rows worked out, not of every row)."""
    if rollups is None:
        return []
    labels = list(dict.fromkeys(rollups))
    # every text before a ' | ' but the last two: an actor or unit may hold ' | ' too
    actors = {" | ".join(parts[:i]) for parts in (label.split(" | ") for label in labels)
              for i in range(1, len(parts) - 1)}
    actor = series.c.actor.in_(sorted(actors))
    if "-" in actors:  # the label of a series with no actor
        actor = sa.or_(actor, series.c.actor.is_(None), series.c.actor == "")
    return [actor, series_rollup().in_(labels)]


def stored_series(conn: sa.Connection, *, limit: int | None = None, offset: int = 0,
                  rollups: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Series rows (the fields of `Series.to_dict()` plus `findings`), in `build_series` order; `family`
    and `rollup` are worked out from the row (`series.rollups` gathers a roll-up's children). With
    `rollups` (labels such as 'North Korean forces | losses | personnel'), only the series of those."""
    query = (sa.select(*(series.c[name] for name in SERIES_FIELDS)).where(*_rollup_filter(rollups))
             .order_by(*series_order()))
    if limit is not None:
        query = query.limit(limit).offset(offset)
    rows = [dict(r._mapping) for r in conn.execute(query)]
    for r in rows:
        r["originator_names"] = list(r["originator_names"] or [])
        r.update(rollup_fields(r["actor"], r["measure"], r["unit"]))
    return rows


def count_series(conn: sa.Connection, *, rollups: Iterable[str] | None = None) -> int:
    """How many stored series (of these roll-ups)."""
    query = sa.select(sa.func.count()).select_from(series).where(*_rollup_filter(rollups))
    return conn.execute(query).scalar_one()


def _finding_filter(kind: str | None, series_label: str | None, kinds: Iterable[str] | None = None) -> list[Any]:
    where: list[Any] = []
    if kind:
        where.append(findings.c.kind == kind)
    if kinds:
        where.append(findings.c.kind.in_(list(kinds)))
    if series_label is not None:
        where.append(findings.c.series == series_label)
    return where


def finding_of(row: Any) -> Finding:
    """A stored row as the `Finding` the rules returned."""
    m = row._mapping
    spans = tuple(Span(s.get("doc_id"), s.get("start"), s.get("end"), s.get("quote")) for s in m["spans"] or [])
    return Finding(m["kind"], m["series"], tuple(m["claims"] or ()), spans, m["rule"],
                   MappingProxyType(dict(m["detail"] or {})), m["severity"])


FINDING_ORDER = (findings.c.rank, findings.c.series, findings.c.first_doc_id, findings.c.finding_id)


def stored_findings(conn: sa.Connection, *, kind: str | None = None, series_label: str | None = None,
                    kinds: Iterable[str] | None = None, limit: int | None = None, offset: int = 0) -> list[Finding]:
    """Stored findings, most severe first (the order of `find_findings`), one page with `limit`."""
    query = sa.select(findings).where(*_finding_filter(kind, series_label, kinds)).order_by(*FINDING_ORDER)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return [finding_of(r) for r in conn.execute(query)]


def count_findings(conn: sa.Connection, *, kind: str | None = None, series_label: str | None = None) -> int:
    """How many stored findings (of one kind, in one series). Without a kind the series rows' counts
    answer, a few hundred rows summed rather than a million findings counted."""
    if kind is None:
        query = sa.select(sa.func.coalesce(sa.func.sum(series.c.findings), 0))
        if series_label is not None:
            query = query.where(series.c.series == series_label)
        return int(conn.execute(query).scalar_one())
    query = sa.select(sa.func.count()).select_from(findings).where(*_finding_filter(kind, series_label))
    return int(conn.execute(query).scalar_one())


def stored_finding(conn: sa.Connection, finding_id: str) -> Finding | None:
    row = conn.execute(sa.select(findings).where(findings.c.finding_id == finding_id)).first()
    return finding_of(row) if row is not None else None


def findings_of_claims(conn: sa.Connection, claim_ids: Iterable[str], *, limit: int | None = None) -> list[Finding]:
    """The stored findings resting on any of these claims (index look-ups on finding_claims)."""
    ids = list(dict.fromkeys(claim_ids))
    if not ids:
        return []
    involved = sa.select(finding_claims.c.finding_id).where(finding_claims.c.claim_id.in_(ids))
    query = sa.select(findings).where(findings.c.finding_id.in_(involved)).order_by(*FINDING_ORDER).limit(limit)
    return [finding_of(r) for r in conn.execute(query)]


def findings_of_document(conn: sa.Connection, doc_id: str, *, limit: int | None = None) -> list[Finding]:
    """The stored findings resting on any claim of one document."""
    involved = (sa.select(finding_claims.c.finding_id)
                .join(claims, claims.c.claim_id == finding_claims.c.claim_id).where(claims.c.doc_id == doc_id))
    query = sa.select(findings).where(findings.c.finding_id.in_(involved)).order_by(*FINDING_ORDER).limit(limit)
    return [finding_of(r) for r in conn.execute(query)]


def claim_rows_by_id(conn: sa.Connection, claim_ids: Iterable[str]) -> list[dict[str, Any]]:
    """The claims with these ids, as `Ledger.claims()` rows (a primary-key look-up each)."""
    ids = list(dict.fromkeys(claim_ids))
    if not ids:
        return []
    return [claim_record(row) for row in conn.execute(select_claims(conn, ClaimFilter()).where(claims.c.claim_id.in_(ids)))]


# ---------------------------------------------------------------- timelines


@dataclass(frozen=True, slots=True)
class TimelineClaims:
    """Which claims a timeline shows, as conditions on the claims table: what `series_of` keeps of
    `Ledger.claims(actor=..., measure=...)` (the actor's stored spellings equal to it ignoring
    case, the measure as typed, and with a place code that place and its regions)."""

    actors: tuple[str, ...] | None  # None: any actor
    measure: str | None
    place_codes: tuple[str, ...] | None  # None: any place

    def where(self) -> list[sa.ColumnElement[bool]]:
        where: list[sa.ColumnElement[bool]] = []
        if self.actors is not None:
            where.append(claims.c.actor.in_(self.actors) if self.actors else sa.false())
        if self.measure is not None:
            where.append(claims.c.measure == self.measure)
        if self.place_codes is not None:
            where.append(claims.c.place_code.in_(self.place_codes) if self.place_codes else sa.false())
        return where


def timeline_claims(conn: sa.Connection, actor: str | None, measure: str | None,
                    place_code: str | None) -> TimelineClaims:
    """The conditions that select a timeline's claims (`place_code` brings its regions: RUS, RU-KRS)."""
    actors = None
    if actor:
        # ClaimFilter matches stored spellings by casefold, series_of then keeps those equal by lower()
        actors = tuple(v for v in stored_spellings(conn, claims.c.actor, actor) if v.lower() == actor.lower())
    if measure and measure != measure.strip().lower():
        # ClaimFilter compares measure.strip().lower(), series_of the measure as typed: both must hold
        return TimelineClaims((), measure, ())
    codes = None
    if place_code:
        present = sa.select(claims.c.place_code).where(*TimelineClaims(actors, measure or None, None).where())
        codes = tuple(c for c in conn.execute(present.distinct()).scalars()
                      if c is not None and (c == place_code or place_parent(c) == place_code))
    return TimelineClaims(actors, measure or None, codes)


def timeline_order(dialect: str) -> list[sa.ColumnElement[Any]]:
    """The timeline's order in SQL: by the date a claim refers to (its date_end, else its document's
    publication day; none first), then originator (source, else outlet, else 'unknown'), then the
    order of `Ledger.claims()`. It is the order a stable sort by (as_of or "", originator) gives
    over `Ledger.claims()` rows: ISO dates sort as dates, and names compare by code point (SQLite's
    BINARY collation and PostgreSQL's "C" compare UTF-8 bytes, which order as code points do)."""
    originator = sa.func.coalesce(sa.func.nullif(claims.c.source, ""), sa.func.nullif(documents.c.outlet, ""),
                                  UNKNOWN_ORIGINATOR)
    if dialect == "postgresql":
        originator = originator.collate("C")
    return [claim_date().asc().nulls_first(), originator, documents.c.published_at.asc().nulls_last(),
            claims.c.doc_id, claims.c.start, claims.c.claim_id]


def timeline_query(conn: sa.Connection, which: TimelineClaims, columns: Iterable[str] | None = None) -> sa.Select:
    """The timeline's claims in its order (`timeline_order`), with every column of `Ledger.claims()` rows
    or only the named ones."""
    full = select_claims(conn, ClaimFilter()).where(*which.where())
    if columns is not None:
        full = full.with_only_columns(*(full.selected_columns[name] for name in columns))
    return full.order_by(None).order_by(*timeline_order(conn.dialect.name))


def count_timeline_claims(conn: sa.Connection, which: TimelineClaims) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(claims).where(*which.where())).scalar_one())


def estimate_of(row: Any) -> Estimate:
    """A stored row as the `Estimate` that `fuse` returned."""
    m = row._mapping
    return Estimate(
        key=SeriesKey(m["actor"], m["measure"], m["unit"], m["place_code"]), period=m["period"],
        period_start=m["period_start"], period_end=m["period_end"], low=m["low"], best=m["best"], high=m["high"],
        conservative=m["conservative"], method=m["method"], claims=tuple(m["claims"]),
        originators=tuple(m["originators"]), superseded=tuple(m["superseded"]),
        # in fuse's key order: PostgreSQL's JSONB keeps keys in an order of its own
        inputs=tuple({name: i.get(name) for name in INPUT_FIELDS} for i in m["inputs"]),
        beside=tuple({name: b.get(name) for name in BESIDE_FIELDS} for b in m["beside"] or ()),
    )


def stored_estimates(conn: sa.Connection, which: TimelineClaims, period: str) -> list[Estimate] | None:
    """The stored estimates of a timeline's series for one period kind, in `fuse`'s order; None when
    none are stored for its actor and measure (a ledger not reconciled since migration 0005, or
    claims of a new actor or measure added with `Ledger.add` and no refresh): the caller fuses the
    claims then. Like the stored findings, they are as fresh as the last refresh of the actor."""
    same = [estimates.c.fused_per == period]
    if which.actors is not None:
        same.append(estimates.c.actor.in_(which.actors) if which.actors else sa.false())
    if which.measure is not None:
        same.append(estimates.c.measure == which.measure)
    if conn.execute(sa.select(estimates.c.series).where(*same).limit(1)).first() is None:
        return None
    if which.place_codes is not None:
        same.append(estimates.c.place_code.in_(which.place_codes) if which.place_codes else sa.false())
    found = [estimate_of(row) for row in conn.execute(sa.select(estimates).where(*same))]
    found.sort(key=lambda e: (e.key.label, e.period_start or "", e.period))  # fuse's order
    return found
