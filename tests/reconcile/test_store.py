"""Stored series, findings and estimates (tollbook.reconcile.store): equal to a recomputation from scratch.

The bundled examples are ingested in two runs into a real ledger (a SQLite file, and a
PostgreSQL database when one is reachable); after each run the stored rows must equal
`find_findings` / `build_series` / `fuse` over every claim, though each run recomputed only
the actors its claims name. A timeline read in SQL (its claims in order, its stored
estimates) must equal sorting and fusing its claims in Python.
"""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook.ledger import open_ledger
from tollbook.ledger.schema import estimates, finding_claims, findings, series
from tollbook.reconcile import PERIODS, build_series, find_findings, fuse, group_claims, series_of
from tollbook.reconcile import findings as rules
from tollbook.reconcile.store import (
    count_timeline_claims, estimate_of, findings_of_claims, findings_of_document, is_filled, refresh_all,
    refresh_actors, stored_estimates, stored_finding, stored_findings, stored_series, timeline_claims, timeline_query,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
def stored_state(ledger) -> tuple[list[str], list[dict]]:
    with ledger.engine.connect() as conn:
        return [f.finding_id for f in stored_findings(conn)], stored_series(conn)


def fresh_state(ledger) -> tuple[list[str], list[dict]]:
    records = ledger.claims()
    found = find_findings(records)
    per_series: dict[str, int] = {}
    for f in found:
        per_series[f.series] = per_series.get(f.series, 0) + 1
    rows = [{**s.to_dict(), "findings": per_series.get(s.key.label, 0)} for s in build_series(records)]
    return [f.finding_id for f in found], rows


def assert_equal_to_fresh(ledger) -> None:
    stored_ids, stored_rows = stored_state(ledger)
    fresh_ids, fresh_rows = fresh_state(ledger)
    assert fresh_ids, "the examples should give findings"
    assert sorted(stored_ids) == sorted(fresh_ids)
    assert len(set(stored_ids)) == len(stored_ids)
    key = lambda r: r["series"]  # noqa: E731
    assert sorted(stored_rows, key=key) == sorted(fresh_rows, key=key)
    assert stored_estimate_dicts(ledger) == fresh_estimate_dicts(ledger)


def stored_estimate_dicts(ledger) -> dict[str, list[dict]]:
    """Every stored estimate per period kind, in `fuse`'s order, as `Estimate.to_dict()`."""
    with ledger.engine.connect() as conn:
        rows = [(row.fused_per, estimate_of(row)) for row in conn.execute(sa.select(estimates))]
    order = lambda e: (e.key.label, e.period_start or "", e.period)  # noqa: E731
    return {per: [e.to_dict() for e in sorted((e for p, e in rows if p == per), key=order)] for per in PERIODS}


def fresh_estimate_dicts(ledger) -> dict[str, list[dict]]:
    groups = group_claims(ledger.claims())
    return {per: [e.to_dict() for e in fuse(groups, period=per)] for per in PERIODS}


def test_two_ingest_runs_store_what_a_full_recompute_gives(db_url):
    with open_ledger(db_url) as ledger:
        ledger.ingest([str(EXAMPLES / "kursk")])
        assert_equal_to_fresh(ledger)
        ledger.ingest([str(EXAMPLES / "reports")])
        assert_equal_to_fresh(ledger)
        # Same order as find_findings: most severe first, then kind.
        with ledger.engine.connect() as conn:
            stored = stored_findings(conn)
        ranks = [(rules.SEVERITY_ORDER[f.severity], rules.FINDING_KINDS.index(f.kind)) for f in stored]
        assert ranks == sorted(ranks)
        # A finding read back is the finding computed: same claims, spans, rule and detail.
        fresh = {f.finding_id: f.to_dict() for f in find_findings(ledger.claims())}
        for f in stored:
            assert f.to_dict() == fresh[f.finding_id]


def test_a_claims_and_a_documents_findings_come_from_the_link_table(tmp_path):
    with open_ledger(str(tmp_path / "l.db")) as ledger:
        ledger.ingest([str(EXAMPLES / "kursk"), str(EXAMPLES / "reports")])
        every = find_findings(ledger.claims())
        claim_id = every[0].claims[0]
        doc_id = every[0].spans[0].doc_id
        with ledger.engine.connect() as conn:
            of_claim = {f.finding_id for f in findings_of_claims(conn, [claim_id])}
            of_doc = {f.finding_id for f in findings_of_document(conn, doc_id)}
            links = conn.execute(sa.select(sa.func.count()).select_from(finding_claims)).scalar_one()
            assert stored_finding(conn, every[0].finding_id).to_dict() == every[0].to_dict()
            assert stored_finding(conn, "0" * 16) is None
        assert of_claim == {f.finding_id for f in every if claim_id in f.claims}
        doc_claims = set(ledger.claims(doc_id=doc_id)["claim_id"])
        assert of_doc == {f.finding_id for f in every if doc_claims & set(f.claims)}
        assert links == sum(len(set(f.claims)) for f in every)


def test_refresh_all_recomputes_and_drops_actors_that_are_gone(tmp_path):
    with open_ledger(str(tmp_path / "l.db")) as ledger:
        ledger.ingest([str(EXAMPLES / "kursk")])
        with ledger.engine.begin() as conn:
            # Rows of an actor no claim names any more, and a finding no rule gives.
            conn.execute(series.insert().values(
                series="Ghosts | killed | personnel | -", actor="Ghosts", measure="killed", unit="personnel",
                claims=1, appearances=1, appearance_groups=1, originators=1, originator_names=["x"], findings=0,
                computed_at=sa.func.now()))
        refreshed = refresh_all(ledger.engine)
        assert refreshed.findings == len(find_findings(ledger.claims()))
        assert_equal_to_fresh(ledger)
        with ledger.engine.connect() as conn:
            assert conn.execute(sa.select(series).where(series.c.actor == "Ghosts")).first() is None


def test_a_ledger_never_reconciled_is_recomputed_whole_on_the_next_ingest(tmp_path):
    with open_ledger(str(tmp_path / "l.db")) as ledger:
        ledger.ingest([str(EXAMPLES / "kursk"), str(EXAMPLES / "reports")])
        with ledger.engine.begin() as conn:  # as a ledger made before migration 0004 holds them
            for table in (finding_claims, findings, series):
                conn.execute(table.delete())
            assert not is_filled(conn)
        refresh_actors(ledger.engine, ["civilians"])  # one actor asked for; every actor is done
        with ledger.engine.connect() as conn:
            assert is_filled(conn)
        assert_equal_to_fresh(ledger)


def test_a_ledger_reconciled_before_estimates_were_stored_gets_them_on_the_next_ingest(tmp_path):
    with open_ledger(str(tmp_path / "l.db")) as ledger:
        ledger.ingest([str(EXAMPLES / "kursk"), str(EXAMPLES / "reports")])
        with ledger.engine.begin() as conn:  # as migration 0005 leaves a ledger reconciled before it
            conn.execute(estimates.delete())
        refresh_actors(ledger.engine, ["civilians"])  # one actor asked for; every actor is done
        assert_equal_to_fresh(ledger)


def _timeline_pairs(make_pair) -> list:
    """Claims whose timeline order and fusion have corners: one date shared by originators that sort
    differently by code point than by a locale (case, accents, punctuation), a claim dated only by
    its publication, an outlet quoting itself, two spellings of one actor, a region under its
    country, two measures, and figures that overlap and that do not."""
    pairs = []
    for i, source in enumerate(["Zeta ministry", "alpha agency", "Ärzte group", "_underscore desk", "Éclair office",
                                "beta", "Beta"]):
        pairs.append(make_pair(100 + 10 * i, source=source, published="2024-03-05", date_end="2024-03-04",
                               low=90.0 + i, high=130.0 + i))
    pairs += [
        make_pair(150, source="alpha agency", published="2024-03-20", date_end=None),
        make_pair(155, source="Reuters", outlet="Reuters", published="2024-03-20", date_end=None),
        make_pair(400, source="Zeta ministry", published="2024-04-02", place="Kursk region", place_code="RU-KRS"),
        make_pair(420, source="alpha agency", actor="russian forces", published="2024-04-02", date_end="2024-04-01"),
        make_pair(9000, source="Kyiv Independent desk", published="2024-04-02", date_end="2024-04-01",
                  place="Ukraine", place_code="UKR"),
        make_pair(12, source="Zeta ministry", measure="wounded", published="2024-03-05"),
    ]
    return pairs


def test_a_timeline_read_in_sql_is_the_claims_sorted_and_fused_in_python(db_url, make_pair):
    from tollbook.ledger.queries import ClaimFilter, claim_record, fetch_claims
    from tollbook.reconcile.series import normalise_records

    with open_ledger(db_url) as ledger:
        for doc, claim in _timeline_pairs(make_pair):
            ledger.add(doc, [claim])
        refresh_all(ledger.engine)
        for actor, measure, place in [("Russian forces", "killed", None), ("russian FORCES", "killed", "RUS"),
                                      ("Russian forces", "killed", "RU-KRS"), ("Russian forces", "killed", "UKR"),
                                      ("Russian forces", "wounded", None), ("Russian forces", "captured", None)]:
            with ledger.engine.connect() as conn:
                expected = series_of(fetch_claims(conn, ClaimFilter(actor=actor, measure=measure)), actor=actor,
                                     measure=measure, place_code=place)
                expected.sort(key=lambda r: (r.get("as_of") or "", r.get("originator") or ""))
                which = timeline_claims(conn, actor, measure, place)
                read = normalise_records([claim_record(row) for row in conn.execute(timeline_query(conn, which))])
                assert [r["claim_id"] for r in read] == [r["claim_id"] for r in expected], (actor, measure, place)
                assert read == expected
                assert count_timeline_claims(conn, which) == len(expected)
                for period in PERIODS:
                    stored = stored_estimates(conn, which, period)
                    fused = fuse(group_claims(expected), period=period) if expected else []
                    if not fused:
                        assert not stored, (actor, measure, place, period)
                        continue
                    assert [e.to_dict() for e in stored] == [e.to_dict() for e in fused], (actor, measure, place)
        with ledger.engine.begin() as conn:  # claims added with no refresh since: fused on request instead
            conn.execute(estimates.delete())
        with ledger.engine.connect() as conn:
            assert stored_estimates(conn, timeline_claims(conn, "Russian forces", "killed", None), "month") is None


def test_indexed_disagreement_search_finds_what_comparing_every_pair_finds(tmp_path, monkeypatch):
    """The index of find_disagreements (by measure, place and date) only skips pairs `relation` and
    `_comparable` reject."""
    with open_ledger(str(tmp_path / "l.db")) as ledger:
        ledger.ingest([str(EXAMPLES / "kursk"), str(EXAMPLES / "reports")])
        records = ledger.claims()
    indexed = [f.to_dict() for f in find_findings(records, kinds=["disagreement"])]
    _every_pair(monkeypatch)
    every_pair = [f.to_dict() for f in find_findings(records, kinds=["disagreement"])]
    assert indexed, "the examples should give disagreements"
    assert indexed == every_pair


def _every_pair(monkeypatch) -> None:
    """Make find_disagreements offer every claim to every claim, as if it had no index."""
    original_init = rules._Candidates.__init__

    def keep_all(self, groups, any_measure=False):
        original_init(self, groups, any_measure)
        self.every = list(groups)

    monkeypatch.setattr(rules._Candidates, "__init__", keep_all)
    monkeypatch.setattr(rules._Candidates, "near", lambda self, a, config: iter(self.every))


_PERIOD = st.tuples(st.integers(0, 120), st.sampled_from([0, 1, 3, 6, 7, 13, 30, 45, 90, 200]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["alpha agency", "Zeta ministry", "Omega monitor"]),
                          st.integers(1, 40) .map(lambda n: n * 50), _PERIOD,
                          st.sampled_from([("Russia", "RUS"), ("Kursk region", "RU-KRS"), (None, None)])),
                min_size=2, max_size=30))
def test_periods_looked_up_by_start_find_what_every_pair_finds(make_pair, as_records, claims):
    """Periods with other starts are offered only when they can share half the longer one: the
    disagreements found are those found by comparing every pair, whatever the lengths."""
    day0 = date(2024, 3, 1)
    records = as_records([make_pair(best, source=source, place=place, place_code=code, published=(
        day0 + timedelta(days=start + length + 1)).isoformat(), date_start=(day0 + timedelta(days=start)).isoformat(),
        date_end=(day0 + timedelta(days=start + length)).isoformat())
        for source, best, (start, length), (place, code) in claims])
    indexed = [f.to_dict() for f in find_findings(records, kinds=["disagreement"])]
    with pytest.MonkeyPatch.context() as mp:
        _every_pair(mp)
        every_pair = [f.to_dict() for f in find_findings(records, kinds=["disagreement"])]
    assert indexed == every_pair


def _stored_rows(engine: sa.Engine) -> dict[str, list]:
    """Every stored series, finding, link and estimate, without the time each was computed."""
    out = {}
    with engine.connect() as conn:
        for table in (series, findings, finding_claims, estimates):
            columns = [c for c in table.c if c.name != "computed_at"]
            out[table.name] = sorted(repr(tuple(row)) for row in conn.execute(sa.select(*columns)))
    return out


def test_a_refresh_shared_by_processes_stores_what_one_process_stores(pg_url, monkeypatch):
    """PostgreSQL: lanes in processes of their own, one actor a transaction under the actor's own lock, store the same rows."""
    from tollbook.reconcile import store

    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: the refresh stays in one process")
    with open_ledger(pg_url) as ledger:
        ledger.ingest([str(EXAMPLES / "kursk"), str(EXAMPLES / "reports")])
        one = _stored_rows(ledger.engine)
        lanes: list[int] = []
        original = store._lanes

        def counted(engine, actors):
            found = original(engine, actors)
            lanes.append(found[0])
            return found

        monkeypatch.setattr(store, "PARALLEL_FROM", 0)
        monkeypatch.setattr(store, "_lanes", counted)
        with ledger.engine.begin() as conn:
            for table in (finding_claims, findings, series, estimates):
                conn.execute(table.delete())
        done = refresh_all(ledger.engine)
        assert lanes and lanes[0] >= 2, "the machine has two cores: the refresh is shared"
        assert done.findings == len(one["findings"]) and _stored_rows(ledger.engine) == one
    assert len({store.actor_lock(a) for a in ["Russian forces", "Ukrainian forces", "", None]}) == 4


def test_records_as_a_frame_or_as_dicts_give_the_same_findings(tmp_path):
    """normalise_records' fast path for plain values changes nothing."""
    from tollbook.ledger.queries import ClaimFilter, fetch_claims

    with open_ledger(str(tmp_path / "l.db")) as ledger:
        ledger.ingest([str(EXAMPLES / "kursk"), str(EXAMPLES / "reports")])
        frame = ledger.claims()
        with ledger.engine.connect() as conn:
            dicts = fetch_claims(conn, ClaimFilter())
    assert [f.to_dict() for f in find_findings(frame)] == [f.to_dict() for f in find_findings(dicts)]


def test_import_refreshes_the_stored_findings(tmp_path):
    """A series import (not an ingest) leaves the stored series equal to a full recompute."""
    from tollbook.ledger import open_ledger
    from tollbook.reconcile import build_series
    from tollbook.reconcile.store import stored_series

    series_csv = tmp_path / "tanks.csv"
    series_csv.write_text("date,value\n2024-03-01,3000\n2024-03-02,3010\n2024-03-03,3005\n", encoding="utf-8")
    with open_ledger(str(tmp_path / "imported.db")) as ledger:
        from tollbook.imports import import_file

        report = import_file(series_csv, "series", ledger, source="Armed Forces of Ukraine", measure="destroyed",
                             actor="Russian forces")
        assert report.documents_new == 3
        with ledger.engine.connect() as conn:
            stored = [row["series"] for row in stored_series(conn)]
        assert stored == [s.key.label for s in build_series(ledger.claims())]
