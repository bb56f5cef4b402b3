"""The bundled Kursk story (examples/kursk), as `make demo` reconciles it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tollbook.ledger import open_ledger
from tollbook.reconcile import build_series, find_findings

KURSK = Path(__file__).resolve().parents[2] / "examples" / "kursk"


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    db = tmp_path_factory.mktemp("kursk") / "kursk.db"
    with open_ledger(str(db)) as ledger:
        ledger.ingest([str(KURSK)])
        return ledger.claims().to_dict("records")


def test_zelenskys_4000_killed_is_the_4000_casualties_relabelled(records) -> None:
    by_id = {r["claim_id"]: r for r in records}
    hits = [f for f in find_findings(records) if f.kind == "scope_mismatch"
            and {by_id[c]["measure"] for c in f.claims} == {"casualties", "killed"}
            and {by_id[c]["best"] for c in f.claims} == {4000}]
    assert any("Office of the President of Ukraine" in {by_id[c]["source"] for c in f.claims} for f in hits)


def test_the_syndicated_update_is_one_originator_with_two_appearances(records) -> None:
    uk = [r for r in records if r["source"] == "UK Ministry of Defence" and r["measure"] == "killed"]
    assert uk and all(r["appearances"] == 2 for r in uk)  # one text, two outlets
    place = uk[0]["place_code"]
    series = next(s for s in build_series(records) if s.key.actor == "North Korean forces"
                  and s.key.measure == "killed" and s.key.place_code == place)
    assert series.originators.count("UK Ministry of Defence") == 1
    assert series.appearances > len(series.originators)  # the copy adds an appearance, not an originator
