"""Fused estimates: intersection or spread, median best, conservative value, every input named."""

from __future__ import annotations

import pytest

from tollbook.errors import UsageError
from tollbook.reconcile import fuse, normalise_records


def one(records, **kw):
    (estimate,) = fuse(records, **kw)
    return estimate


def test_overlapping_intervals_intersect(stored, make_pair):
    records = stored([
        make_pair(10000, low=9000, high=11000, qualifier="approximately", published="2025-01-05"),
        make_pair(10500, low=10000, high=None, qualifier="more_than", source="ISW", outlet="ISW",
                  published="2025-01-20"),
        make_pair(10800, low=None, high=12000, qualifier="at_most", source="Kyiv Independent",
                  outlet="Kyiv Independent", published="2025-01-25"),
    ])
    e = one(records)
    assert (e.low, e.high) == (10000, 11000)
    assert e.best == 10500  # median of 10,000, 10,500, 10,800
    assert e.conservative == 9000  # the smallest low
    assert "intersection" in e.method and "median of 3" in e.method
    assert e.period == "2025-01" and (e.period_start, e.period_end) == ("2025-01-01", "2025-01-31")


def test_intervals_apart_give_the_spread_and_say_so(stored, make_pair):
    records = stored([
        make_pair(4000, measure="casualties", published="2025-01-10"),
        make_pair(300, measure="casualties", source="NIS", outlet="Yonhap", published="2025-01-12"),
        make_pair(5000, measure="casualties", high=None, qualifier="more_than", source="ISW", outlet="ISW",
                  published="2025-01-15"),
    ])
    e = one(records)
    assert e.low == 300 and e.high is None  # an open high stays open in a spread
    assert e.best == 4000
    assert "do not all overlap" in e.method and "spread" in e.method
    assert e.conservative == 300


def test_best_is_one_latest_figure_per_originator(stored, make_pair):
    pairs = [
        make_pair(1000, published="2025-03-02"),
        make_pair(1200, published="2025-03-20"),  # supersedes the 1,000
        make_pair(1100, source="ISW", outlet="ISW", published="2025-03-10"),
        make_pair(5000, published="2025-04-02"),  # another month
    ]
    records = stored(pairs)
    march, april = fuse(records)
    assert march.period == "2025-03" and april.period == "2025-04"
    # Intervals [1200] and [1100] do not overlap: spread, best = median(1200, 1100).
    assert (march.low, march.best, march.high) == (1100, 1150, 1200)
    superseded = pairs[0][1].claim_id
    assert superseded not in march.claims and superseded in march.superseded
    assert set(march.originators) == {"UK Ministry of Defence", "ISW"}


def test_every_claim_in_an_estimate_exists_and_fed_it(stored, make_pair):
    pairs = [make_pair(4000, outlet=o, note=f" ({o})", published="2025-01-10") for o in ("Reuters", "BBC")]
    pairs += [make_pair(3900, low=3500, high=4200, qualifier="approximately", source="ISW", outlet="ISW",
                        published="2025-01-12"),
              make_pair(100, source="ISW", outlet="ISW", published="2025-01-02")]
    records = stored(pairs)
    by_id = {r["claim_id"]: r for r in normalise_records(records)}
    for e in fuse(records):
        assert e.claims, "an estimate without claims"
        input_ids = {i["claim_id"] for i in e.inputs}
        for cid in e.claims:
            assert cid in by_id, f"{cid} is not in the ledger"
            r = by_id[cid]
            # Each claim that fed it is an appearance of one of the inputs: same originator and figure.
            matching = [i for i in e.inputs if i["originator"] == r["originator"] and i["best"] == r["best"]]
            assert matching, f"{cid} did not feed the numbers"
        assert input_ids <= set(e.claims)
        assert min(i["best"] for i in e.inputs) <= e.best <= max(i["best"] for i in e.inputs)
        assert not set(e.claims) & set(e.superseded)
    (e,) = fuse(records)
    assert len(e.claims) == 3  # two appearances of the MoD figure and ISW's latest


def test_open_bounds_and_missing_lows(make_pair, as_records):
    records = as_records([
        make_pair(50, low=None, high=50, qualifier="at_most"),
        make_pair(60, low=None, high=70, qualifier="less_than", source="ISW", outlet="ISW"),
    ])
    e = one(records)
    assert e.low is None and e.high == 50
    assert e.conservative == 50  # no low anywhere: the smallest best
    assert e.best == 50  # median 55 lies above the intersection and is lowered to its high
    assert "lowered" in e.method


def test_period_choices(make_pair, as_records):
    records = as_records([make_pair(10, published="2025-01-06"), make_pair(12, published="2025-02-06")])
    assert [e.period for e in fuse(records, period="week")] == ["2025-W02", "2025-W06"]
    assert [e.period for e in fuse(records, period="all")] == ["all"]
    assert one(records, period="all").best == 12  # the originator's latest claim
    with pytest.raises(UsageError):
        fuse(records, period="fortnight")
