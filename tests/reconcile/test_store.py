"""Stored series and findings (tollbook.reconcile.store): equal to a recomputation from scratch.

The bundled examples are ingested in two runs into a real ledger (a SQLite file, and a
PostgreSQL database when one is reachable); after each run the stored rows must equal
`find_findings` / `build_series` over every claim, though each run recomputed only the
actors its claims name.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from tollbook.ledger import open_ledger
from tollbook.ledger.schema import finding_claims, findings, series
from tollbook.reconcile import build_series, find_findings
from tollbook.reconcile import findings as rules
from tollbook.reconcile.store import (
    findings_of_claims, findings_of_document, is_filled, refresh_all, refresh_actors, stored_finding,
    stored_findings, stored_series,
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


def test_indexed_disagreement_search_finds_what_comparing_every_pair_finds(tmp_path, monkeypatch):
    """The date index of find_disagreements only skips pairs `_comparable` rejects."""
    with open_ledger(str(tmp_path / "l.db")) as ledger:
        ledger.ingest([str(EXAMPLES / "kursk"), str(EXAMPLES / "reports")])
        records = ledger.claims()
    indexed = [f.to_dict() for f in find_findings(records, kinds=["disagreement"])]
    monkeypatch.setattr(rules._Candidates, "near", lambda self, a, config: iter(self.every))
    original_init = rules._Candidates.__init__

    def keep_all(self, groups):
        original_init(self, groups)
        self.every = list(groups)

    monkeypatch.setattr(rules._Candidates, "__init__", keep_all)
    every_pair = [f.to_dict() for f in find_findings(records, kinds=["disagreement"])]
    assert indexed, "the examples should give disagreements"
    assert indexed == every_pair


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
