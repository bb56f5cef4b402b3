"""One document's failure never stops a batch: an exception, a dead worker or a runaway
document is one failed file, reported once and recorded in the run; the rest is stored."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from ledger_fixtures import run_cli
from tollbook.extract import extract_document
from tollbook.extract.budget import ExtractionFailed, ExtractionWorker, TimeBudget, extract_within
from tollbook.ledger import open_ledger
from tollbook.ledger.ingest import run_ingest
from tollbook.ledger.schema import runs
from tollbook.model import Document
from tollbook.read.walk import read_inputs

REPORTS = Path(__file__).resolve().parents[2] / "examples" / "reports"
GOOD = ["01_general_staff_daily_tally.txt", "02_kharkiv_overnight_drones.txt", "03_turkey_syria_earthquake.txt"]


def fails_on_kharkiv(doc: Document):
    """An extractor with a bug that one document triggers."""
    if "Kharkiv" in doc.text:
        raise ZeroDivisionError("a bug the Kharkiv report triggers")
    return extract_document(doc)


def spins_on_loop(doc: Document):
    """An extractor that never returns on one document: busy in Python, then inside the regex engine."""
    if "loop" in doc.text:
        re.match(r"(a+)+$", "a" * 64 + "b")  # catastrophic backtracking: one call that does not return
    return extract_document(doc)


def _batch(folder: Path, *extra: tuple[str, str]) -> Path:
    folder.mkdir()
    for name in GOOD:
        (folder / name).write_text((REPORTS / name).read_text())
    for name, text in extra:
        (folder / name).write_text(text)
    return folder


@pytest.mark.parametrize("pipeline", [True, False], ids=["worker", "in-line"])
def test_an_extractor_exception_costs_one_document_and_is_recorded_in_the_run(tmp_path, pipeline):
    folder = _batch(tmp_path / "in")
    with open_ledger(str(tmp_path / "ledger.db")) as ledger:
        summary = run_ingest(ledger.engine, ledger.syndication, read_inputs([str(folder)]), fails_on_kharkiv,
                             "test", pipeline=pipeline)
        stored = set(ledger.documents()["path"])
        with ledger.engine.connect() as conn:
            run = conn.execute(sa.select(runs).where(runs.c.run_id == summary.run_id)).one()
    assert (summary.documents_new, summary.documents_failed) == (2, 1)
    [failure] = summary.failures
    assert failure.name.endswith("02_kharkiv_overnight_drones.txt")
    assert "ZeroDivisionError: a bug the Kharkiv report triggers" in failure.reason
    assert {Path(p).name for p in stored} == {GOOD[0], GOOD[2]}
    assert run.documents_failed == 1 and run.finished_at is not None
    assert [e["name"] for e in run.errors] == [failure.name]


def test_a_runaway_document_fails_on_its_budget_and_the_next_is_extracted(tmp_path):
    docs = [Document(doc_id="a", text="Three people were killed."),
            Document(doc_id="b", text="loop"),
            Document(doc_id="c", text="Two soldiers were wounded.")]
    with ExtractionWorker(spins_on_loop, TimeBudget(0.3)) as worker:
        first, second = worker.submit(docs[:2]), worker.submit(docs[2:])
        outcomes = first.result() + second.result()
    assert isinstance(outcomes[1], ExtractionFailed) and "time budget (0.3 s" in outcomes[1].reason
    assert [c.best for c in outcomes[0]] == [3] and [c.best for c in outcomes[2]] == [2]


def test_a_worker_that_dies_fails_its_document_only():
    outcome = extract_within(_exits, Document(doc_id="d", text="Four were killed."), TimeBudget(5.0))
    assert isinstance(outcome, ExtractionFailed) and "died on it (exit status 7)" in outcome.reason


def _exits(doc: Document):
    if doc.doc_id == "d":
        sys.exit(7)  # SystemExit is not an Exception: it ends the worker, as a crash would
    return extract_document(doc)


def test_time_budget_must_be_positive():
    with pytest.raises(ValueError, match="positive"):
        TimeBudget(0)


def test_cli_a_document_over_its_time_budget_fails_alone_with_exit_4(tmp_path):
    # A real runaway, not a stub: ~2 MB of dense casualty reporting takes seconds of processing,
    # while --time-budget 0.05 allows it 0.15 s (and a 1 KB report 0.05 s, ten times what it needs).
    dense = "\n\n".join(p.read_text() for p in sorted(REPORTS.glob("*.txt")))
    folder = _batch(tmp_path / "in", ("dense.txt", (dense + "\n\n") * (2_000_000 // len(dense))))
    db = str(tmp_path / "ledger.db")
    done = run_cli("ingest", str(folder), "--db", db, "--time-budget", "0.05")
    assert done.returncode == 4, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("tollbook:")]
    assert len(lines) == 1 and "dense.txt" in lines[0] and "time budget" in lines[0], done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("3 documents new, 0 already present, 1 failed")
    with open_ledger(db) as ledger:
        assert sorted(Path(p).name for p in ledger.documents()["path"]) == GOOD
        with ledger.engine.connect() as conn:
            [run] = conn.execute(sa.select(runs.c.documents_failed, runs.c.errors)).all()
    errors = run.errors if isinstance(run.errors, list) else json.loads(run.errors)
    assert run.documents_failed == 1 and errors[0]["name"].endswith("dense.txt")


def test_fingerprinting_a_long_document_holds_a_slice_of_its_words_not_all_of_them():
    import random
    import tracemalloc

    from tollbook.ledger.syndication import content_hash, minhash_values
    from tollbook.model import document_id

    rnd = random.Random(0)
    vocabulary = ["".join(rnd.choice("abcdefghij") for _ in range(rnd.randint(2, 9))) for _ in range(20_000)]
    text = " ".join(rnd.choice(vocabulary) for _ in range(330_000))  # 2 MB, nearly every 3-shingle distinct
    minhash_values("numpy and the permutations load before measuring")
    tracemalloc.start()
    try:
        for fingerprint in (document_id, content_hash, minhash_values):
            tracemalloc.reset_peak()
            fingerprint(text)
            peak = tracemalloc.get_traced_memory()[1]
            # A word list of the whole text is ~20 MB here, the shingles' (n x 128) matrix ~170 MB.
            assert peak < 80 * 2**20, f"{fingerprint.__name__} peaked at {peak / 2**20:.0f} MB"
    finally:
        tracemalloc.stop()


def test_a_batch_holds_a_bounded_amount_of_text():
    from tollbook.ledger.ingest import _chunks

    docs = [Document(doc_id=str(i), text="x" * size) for i, size in enumerate([10, 5_000, 20_000, 10, 10, 10])]
    runs_ = [[d.doc_id for d in chunk] for chunk in _chunks(docs, 100, characters=15_000)]
    assert runs_ == [["0", "1", "2"], ["3", "4", "5"]]
    assert [len(chunk) for chunk in _chunks(docs, 4, characters=10**9)] == [4, 2]


def test_a_document_in_a_language_without_a_package_is_named_with_a_way_out(tmp_path):
    german = ("Bei dem Angriff wurden nach Angaben der Behörden mindestens zwölf Menschen getötet und vierzig "
              "verletzt. Die Feuerwehr war stundenlang im Einsatz, und die Straße blieb bis zum Abend gesperrt.\n")
    folder = _batch(tmp_path / "in", ("bericht.txt", german))
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    done = run_cli("ingest", str(folder), "--db", db)
    assert done.returncode == 4, done.stderr  # a failed document, the rest stored
    assert "bericht.txt" in done.stderr and "'de'" in done.stderr and "--lang" in done.stderr
    assert "please report" not in done.stderr  # not an extractor bug
    with open_ledger(db) as ledger:
        assert len(ledger.documents()) == len(GOOD)
