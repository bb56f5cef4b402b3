"""kill -9 in the middle of an ingest leaves whole documents; a re-run completes the batch."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from ledger_fixtures import CLI
from tollbook.errors import ReadError
from tollbook.extract import extract_document
from tollbook.ledger import open_ledger, resolve_url
from tollbook.read.walk import read_inputs

ACTORS = ["Russian soldiers", "Ukrainian troops", "civilians", "Hamas fighters", "Israeli soldiers"]
PLACES = ["the Kursk region", "Kharkiv", "Gaza", "Donetsk", "Zaporizhzhia"]
SOURCES = ["the General Staff said", "officials said", "the ministry said", "the governor said"]


def write_corpus(folder: Path, count: int, seed: int = 11) -> None:
    """`count` distinct stories, each with a few figures (varied numbers, actors, places)."""
    rng = random.Random(seed)
    folder.mkdir()
    for i in range(count):
        lines = [f"Report {i}: fighting continues in {rng.choice(PLACES)}"]
        for _ in range(rng.randint(2, 4)):
            lines.append(
                f"At least {rng.randint(2, 5000):,} {rng.choice(ACTORS)} were killed in {rng.choice(PLACES)} "
                f"last week, {rng.choice(SOURCES)}. Another {rng.randint(1, 900)} were wounded. "
                f"Rescue crews worked through the night and roads remained closed for day {i}."
            )
        (folder / f"story-{i:04d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def count_documents(url: str) -> int:
    engine = sa.create_engine(resolve_url(url))
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("select count(*) from documents")).scalar() or 0
    except sa.exc.SQLAlchemyError:  # not created yet
        return 0
    finally:
        engine.dispose()


def stored_state(url: str) -> tuple[set[str], set[str]]:
    with open_ledger(url) as ledger:
        return set(ledger.documents()["doc_id"]), set(ledger.claims()["claim_id"])


@pytest.mark.slow
def test_kill_9_then_resume(db_url, tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 300)
    expected = {}
    for item in read_inputs([str(corpus)], published="2025-01-27"):
        assert not isinstance(item, ReadError)
        expected[item.doc_id] = {c.claim_id for c in extract_document(item)}

    args = [*CLI, "ingest", str(corpus), "--db", db_url, "--published", "2025-01-27"]
    env = {k: v for k, v in os.environ.items() if k != "TOLLBOOK_DB"}
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 120
    while count_documents(db_url) < 5 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"

    docs, claims = stored_state(db_url)
    assert 5 <= len(docs) < 300
    with open_ledger(db_url) as ledger:
        frame = ledger.claims()
    by_doc = frame.groupby("doc_id")["claim_id"].apply(set).to_dict()
    for doc_id in docs:  # every stored document has all its claims, never a part
        assert by_doc.get(doc_id, set()) == expected[doc_id]

    rerun = subprocess.run(args, capture_output=True, text=True, env=env, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    summary = rerun.stderr.strip().splitlines()[-1]
    assert summary.startswith(f"{300 - len(docs)} documents new, {len(docs)} already present, 0 failed")

    docs, claims = stored_state(db_url)
    assert docs == set(expected)
    assert claims == set().union(*expected.values())
