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


# ---------------------------------------------------------------- what is listed beside, never fused


def _with(pair, **changes):
    from dataclasses import replace

    doc, claim = pair
    return doc, replace(claim, **changes)


def test_a_hypothetical_forecast_or_denial_is_listed_beside(stored, make_pair):
    records = stored([
        make_pair(4000, measure="casualties", published="2025-01-10"),
        _with(make_pair(12000, measure="casualties", source="ISW", outlet="ISW", published="2025-01-12"),
              modality="hypothetical"),
        _with(make_pair(20000, measure="casualties", source="NIS", outlet="Yonhap", published="2025-01-13"),
              modality="forecast"),
        _with(make_pair(3000, measure="casualties", source="Kremlin", outlet="TASS", published="2025-01-14"),
              modality="denied"),
    ])
    e = one(records)
    assert (e.low, e.best, e.high) == (4000, 4000, 4000)
    assert e.originators == ("UK Ministry of Defence",)
    assert [(b["best"], b["reason"]) for b in e.beside] == [
        (12000, "hypothetical"), (20000, "forecast"), (3000, "denial")]
    assert not {b["claim_id"] for b in e.beside} & set(e.claims)
    assert "listed beside, not fused: 12,000 (hypothetical, ISW)" in e.method
    assert e.to_dict()["beside"][0]["originator"] == "ISW"


def test_a_period_with_only_a_hypothetical_has_no_numbers(make_pair, as_records):
    e = one(as_records([_with(make_pair(12000, published="2025-01-12"), modality="hypothetical")]))
    assert (e.low, e.best, e.high, e.conservative) == (None, None, None, None)
    assert e.claims == () and len(e.beside) == 1
    assert e.method.startswith("nothing to fuse")


def test_an_increment_beside_a_running_total_is_not_the_total(make_pair, as_records):
    total = make_pair(11000, published="2025-01-20", date_start=None)
    four_days = make_pair(1200, source="ISW", outlet="ISW", published="2025-01-20",
                          date_start="2025-01-16", date_end="2025-01-20")
    e = one(as_records([total, four_days]))
    assert e.best == 11000 and e.originators == ("UK Ministry of Defence",)
    assert [(b["best"], b["reason"]) for b in e.beside] == [
        (1200, "increment for 2025-01-16 to 2025-01-20, not a running total")]
    # alone in its period, the four days' count is what there is to fuse
    alone = one(as_records([four_days]))
    assert alone.best == 1200 and not alone.beside
    # a figure that does not count up (troops deployed) has no increments
    deployed = [make_pair(11000, measure="deployed", published="2025-01-20"),
                make_pair(1200, measure="deployed", source="ISW", outlet="ISW", published="2025-01-20",
                          date_start="2025-01-16", date_end="2025-01-20")]
    assert not one(as_records(deployed)).beside


def test_a_share_or_a_part_of_a_figure_of_the_series_is_beside(make_pair, as_records):
    whole = make_pair(4000, published="2025-01-10")
    among = _with(make_pair(40, source="ISW", outlet="ISW", published="2025-01-10"),
                  derived_from=whole[1].claim_id)
    quarter = _with(make_pair(1000, source="NIS", outlet="Yonhap", published="2025-01-10"), fraction=0.25,
                    derived_from=whole[1].claim_id)
    e = one(as_records([whole, among, quarter]))
    assert e.best == 4000 and e.originators == ("UK Ministry of Defence",)
    assert {(b["best"], b["reason"]) for b in e.beside} == {
        (40, "part of another figure of the series"), (1000, "share of another figure")}


def test_a_part_never_stands_in_for_the_whole(make_pair, as_records):
    """'4,700 casualties, about 600 of them killed': the 600 is the killed series' figure, and the
    casualties estimate is the 4,700 alone."""
    whole = make_pair(4700, measure="casualties", published="2025-01-10")
    part = _with(make_pair(600, measure="killed", published="2025-01-10"), derived_from=whole[1].claim_id)
    by_measure = {e.key.measure: e for e in fuse(as_records([whole, part]))}
    assert by_measure["casualties"].best == 4700 and not by_measure["casualties"].beside
    assert by_measure["killed"].best == 600  # its whole is in another series: it is killed's own figure


def test_the_side_list_is_stored_and_read_back(tmp_path, make_pair):
    from tollbook.ledger import open_ledger
    from tollbook.reconcile.store import refresh_all, stored_estimates, timeline_claims

    pairs = [make_pair(4000, measure="casualties", published="2025-01-10"),
             _with(make_pair(12000, measure="casualties", source="ISW", outlet="ISW", published="2025-01-12"),
                   modality="hypothetical")]
    with open_ledger(str(tmp_path / "l.db")) as ledger:
        for doc, claim in pairs:
            ledger.add(doc, [claim])
        refresh_all(ledger.engine)
        with ledger.engine.connect() as conn:
            (e,) = stored_estimates(conn, timeline_claims(conn, "Russian forces", "casualties", None), "month")
        assert e.to_dict() == one(ledger.claims()).to_dict()
    assert [b["best"] for b in e.beside] == [12000] and e.best == 4000


def test_one_named_day_is_an_increment_only_beside_a_larger_total_of_that_day(make_pair, as_records):
    """'have reached 4,000, Zelensky said on Saturday' is dated Saturday and is a total; '(+12)' after
    the same originator's 9,800 that day is the day's count."""
    total = make_pair(4000, published="2025-01-20", date_start=None, date_end="2025-01-15")
    said_on_saturday = make_pair(4000, source="Zelensky", outlet="Kyiv Independent", published="2025-01-11",
                                 date_start="2025-01-11", date_end="2025-01-11")
    e = one(as_records([total, said_on_saturday]))
    assert not e.beside and set(e.originators) == {"UK Ministry of Defence", "Zelensky"}
    tally = make_pair(9800, measure="destroyed", unit="tank", published="2025-01-20", date_start=None)
    plus = make_pair(12, measure="destroyed", unit="tank", published="2025-01-20", date_start="2025-01-20",
                     date_end="2025-01-20")
    e = one(as_records([tally, plus]))
    assert e.best == 9800 and [b["best"] for b in e.beside] == [12]


def test_a_breakdown_in_one_report_is_beside_its_whole(make_pair, as_records):
    """'a toll of 1,250: 700 civilians, 480 soldiers and 70 police officers': the estimate is 1,250."""
    from dataclasses import replace

    pairs = [make_pair(v, published="2024-10-05") for v in (1250, 700, 480, 70)]
    doc = pairs[0][0]
    records = as_records([(doc, replace(c, doc_id=doc.doc_id, claim_id=f"c{i}")) for i, (_, c) in enumerate(pairs)])
    e = one(records)
    assert e.best == 1250 and e.claims == ("c0",)
    assert sorted(b["best"] for b in e.beside) == [70, 480, 700]


def test_the_timeline_page_and_api_show_the_side_list(tmp_path, make_pair):
    from fastapi.testclient import TestClient

    from tollbook.ledger import open_ledger
    from tollbook.reconcile.store import refresh_all
    from tollbook.web import create_app

    path = str(tmp_path / "l.db")
    with open_ledger(path) as ledger:
        for doc, claim in [make_pair(4000, measure="casualties", published="2025-01-10"),
                           _with(make_pair(12000, measure="casualties", source="ISW", outlet="ISW",
                                           published="2025-01-12"), modality="hypothetical")]:
            ledger.add(doc, [claim])
        refresh_all(ledger.engine)
    query = {"actor": "Russian forces", "measure": "casualties"}
    with TestClient(create_app(path)) as client:
        page = client.get("/timeline", params=query).text
        (estimate,) = client.get("/api/timeline", params=query).json()["estimates"]
    assert "Listed beside, not fused" in page and "(hypothetical, ISW)" in page
    assert estimate["best"] == 4000 and [b["reason"] for b in estimate["beside"]] == ["hypothetical"]
