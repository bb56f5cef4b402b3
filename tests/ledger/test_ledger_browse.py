"""Browsing: totals, facets, sorting and keyset pages agree with the plain query, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from tollbook.errors import UsageError
from tollbook.ledger.browse import CLAIM_SORTS, Sort, claim_facets, claim_page, count_claims
from tollbook.ledger.queries import ClaimFilter, fetch_claims

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def full(ledger):
    summary = ledger.ingest([str(EXAMPLES / "kursk"), str(EXAMPLES / "reports")])
    assert summary.documents_failed == 0
    return ledger


def walk(conn, f: ClaimFilter, sort: Sort, size: int) -> list[dict]:
    """Every row, following next cursors from the first page."""
    rows, cursor = [], None
    for _ in range(10_000):
        page = claim_page(conn, f, sort=sort, size=size, cursor=cursor)
        rows += page.rows
        cursor = page.next_cursor
        if cursor is None:
            return rows
    raise AssertionError("the cursor never reached the last page")


@pytest.mark.parametrize("filters", [{}, {"measure": "killed"}, {"actor": "North Korean forces"}, {"place": "RUS"}])
def test_default_order_pages_equal_the_plain_query(full, filters):
    f = ClaimFilter(**filters)
    with full.engine.connect() as conn:
        expected = [r["claim_id"] for r in fetch_claims(conn, f)]
        assert expected, filters
        assert [r["claim_id"] for r in walk(conn, f, Sort(), 7)] == expected
        assert count_claims(conn, f) == len(expected)


@pytest.mark.parametrize("key", sorted(CLAIM_SORTS))
@pytest.mark.parametrize("descending", [False, True])
def test_every_sort_visits_each_claim_once_in_order(full, key, descending):
    sort = Sort(key, descending)
    with full.engine.connect() as conn:
        rows = walk(conn, ClaimFilter(), sort, 11)
        everything = fetch_claims(conn, ClaimFilter())
    assert sorted(r["claim_id"] for r in rows) == sorted(r["claim_id"] for r in everything)
    field = {"published": "published_at", "date": "date_end"}.get(key, key)
    present = [r[field] for r in rows if r[field] is not None]
    assert present == sorted(present, reverse=descending), f"{sort} is out of order"
    missing = [i for i, r in enumerate(rows) if r[field] is None]
    assert missing == list(range(len(rows) - len(missing), len(rows))), "NULLs sort last in both directions"


def test_offset_pages_still_work(full):
    with full.engine.connect() as conn:
        expected = [r["claim_id"] for r in fetch_claims(conn, ClaimFilter())]
        page = claim_page(conn, ClaimFilter(), size=10, offset=20)
    assert [r["claim_id"] for r in page.rows] == expected[20:30]
    assert page.total == len(expected)


def test_facets_count_what_the_filters_select(full):
    f = ClaimFilter(measure="killed")
    with full.engine.connect() as conn:
        facets = claim_facets(conn, f)
        rows = fetch_claims(conn, f)
    assert [v.value for v in facets["measure"]] == ["killed"] and facets["measure"][0].count == len(rows)
    for value in facets["actor"]:
        assert value.count == sum(1 for r in rows if r["actor"] == value.value)
    counts = [v.count for v in facets["source"]]
    assert counts == sorted(counts, reverse=True)


def test_bad_sort_and_damaged_cursor_are_usage_errors(full):
    with pytest.raises(UsageError, match="not one of"):
        Sort.parse("-nonsense")
    with full.engine.connect() as conn, pytest.raises(UsageError, match="cursor"):
        claim_page(conn, ClaimFilter(), cursor="not-a-cursor")
