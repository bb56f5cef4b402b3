"""Series under their roll-ups (an actor's measure family over every place), as `tollbook series`, the
/series page and the API show them, over one real ledger file.

The ledger: North Korean forces killed (NIS, a revision 100 -> 300 in Russia) and casualties (UK) in
Kursk, in Russia and with no place named, 11,000 deployed in Russia, 100 wounded; and Russian forces
killed. Alphabetically 'deployed' falls between 'casualties' and 'killed': the losses roll-up's six
series still come side by side.
"""

from __future__ import annotations

import pytest

NK = "North Korean forces"
LOSSES = f"{NK} | losses | personnel"
PLACES = (("Russia", "RUS"), ("Kursk region", "RU-KRS"), (None, None))
# the order every output gives: a roll-up's series side by side, a country before its regions
ORDER = [
    f"{NK} | deployed | personnel | RUS",
    f"{NK} | casualties | personnel | -", f"{NK} | casualties | personnel | RUS",
    f"{NK} | casualties | personnel | RU-KRS",
    f"{NK} | killed | personnel | -", f"{NK} | killed | personnel | RUS", f"{NK} | killed | personnel | RU-KRS",
    f"{NK} | wounded | personnel | RUS",
    "Russian forces | killed | personnel | RUS",
]
# the fields `tollbook series --json` gave before roll-ups: a public contract
SERIES_FIELDS = {"series", "actor", "measure", "unit", "place_code", "place", "parent", "claims", "appearances",
                 "appearance_groups", "originators", "originator_names", "first_date", "last_date", "findings"}


def build_ledger(url: str, make_pair) -> str:
    from tollbook.ledger import open_ledger
    from tollbook.reconcile.store import refresh_all

    korea = dict(actor=NK, actor_country="PRK")
    pairs = [make_pair(100, source="NIS", outlet="Yonhap", published="2025-01-10", **korea),
             make_pair(300, source="NIS", outlet="Yonhap", published="2025-01-14", **korea)]
    pairs += [make_pair(200, source="NIS", outlet="Yonhap", place=p, place_code=c, published="2025-01-13", **korea)
              for p, c in PLACES[1:]]
    pairs += [make_pair(4000, measure="casualties", place=p, place_code=c, published="2025-01-20", **korea)
              for p, c in PLACES]
    pairs.append(make_pair(11000, measure="deployed", source="Pentagon", published="2024-11-04", **korea))
    pairs.append(make_pair(100, measure="wounded", published="2025-01-21", **korea))
    pairs.append(make_pair(1500, source="Armed Forces of Ukraine", published="2025-01-22"))
    with open_ledger(url) as ledger:
        for doc, claim in pairs:
            ledger.add(doc, [claim])
        refresh_all(ledger.engine)
    return url


@pytest.fixture
def ledger_file(tmp_path, make_pair, needs_ledger) -> str:
    return build_ledger(str(tmp_path / "rollups.db"), make_pair)


# ---------------------------------------------------------------- library and storage


def test_stored_series_keep_a_rollup_together_and_can_be_narrowed_to_one(db_url, make_pair, needs_ledger):
    """Stored and built series in one order, a roll-up's side by side; `rollups` keeps those roll-ups'
    series, one with no actor named too (SQLite and PostgreSQL)."""
    from tollbook.ledger import open_ledger
    from tollbook.reconcile import build_series, rollups
    from tollbook.reconcile.series import rollup_depth
    from tollbook.reconcile.store import count_series, refresh_all, stored_series

    build_ledger(db_url, make_pair)
    nameless = "- | missing | personnel | RUS"  # a series with no actor named
    with open_ledger(db_url) as ledger:
        doc, claim = make_pair(12, measure="missing", actor=None, actor_country=None)
        ledger.add(doc, [claim])
        refresh_all(ledger.engine)
        built = [s.key.label for s in build_series(ledger.claims())]
        with ledger.engine.connect() as conn:
            every = stored_series(conn)
            losses = stored_series(conn, rollups=[LOSSES])
            page = stored_series(conn, limit=3, offset=2)
            assert count_series(conn, rollups=[LOSSES]) == 6 and count_series(conn) == len(ORDER) + 1
            assert stored_series(conn, rollups=["no one | losses | personnel"]) == []
            assert stored_series(conn, rollups=["- | losses | personnel"]) == []
            missing = stored_series(conn, rollups=["- | missing | personnel", f"{NK} | wounded | personnel"])
    assert built == [nameless, *ORDER] and [r["series"] for r in every] == built
    assert [r["series"] for r in page] == built[2:5]
    assert [r["series"] for r in losses] == ORDER[1:7] and {r["rollup"] for r in losses} == {LOSSES}
    assert [r["series"] for r in missing] == [nameless, ORDER[7]]
    (summed,) = rollups(losses)
    assert summed["claims"] == 7 and summed["findings"] >= 1  # NIS's 100 then 300 is a revision
    depths = {r["series"]: rollup_depth(r, summed["children"]) for r in losses}
    assert depths[f"{NK} | killed | personnel | RU-KRS"] == 2 and depths[f"{NK} | killed | personnel | RUS"] == 1
    assert depths[f"{NK} | killed | personnel | -"] == 1
