"""A timeline read from the stored estimates is the timeline fused on request, page for page.

The examples' ledger is copied and its stored estimates deleted in the copy, as in a ledger
reconciled before migration 0005 or claims added without a refresh: the pages then fuse the
claims themselves, and every timeline page, API answer and chart must come out the same.
"""

from __future__ import annotations

import shutil
from urllib.parse import urlencode

import pytest


@pytest.fixture(scope="module")
def unstored_path(ledger_path, tmp_path_factory) -> str:
    """A copy of the examples' ledger with no stored estimates."""
    import sqlalchemy as sa

    from tollbook.ledger import open_ledger
    from tollbook.ledger.schema import estimates

    path = str(tmp_path_factory.mktemp("unstored") / "ledger.db")
    shutil.copy(ledger_path, path)
    with open_ledger(path) as ledger, ledger.engine.begin() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(estimates)).scalar_one() > 0
        conn.execute(estimates.delete())
    return path


def test_stored_and_fused_timelines_answer_alike(client, ledger, unstored_path):
    from fastapi.testclient import TestClient

    from tollbook.web import create_app

    frame = ledger.claims()
    series = sorted({(a, m) for a, m in zip(frame["actor"], frame["measure"]) if isinstance(a, str)})
    assert len(series) > 10
    with TestClient(create_app(unstored_path)) as fused:
        for actor, measure in series:
            for extra in ({}, {"period": "day", "place": "UKR"}, {"period": "all", "size": 2, "page": 2}):
                query = urlencode({"actor": actor, "measure": measure, **extra})
                charts = ("/timeline/chart.svg",) if not extra else ()  # a chart takes a renderer's while
                for path in ("/timeline", "/api/timeline", *charts):
                    stored_answer, fused_answer = client.get(f"{path}?{query}"), fused.get(f"{path}?{query}")
                    assert stored_answer.status_code == fused_answer.status_code == 200, (path, query)
                    assert stored_answer.content == fused_answer.content, (path, query)
