"""Ingest extracts in a worker process while it stores: the ledger must end exactly as in line."""

from __future__ import annotations

import os
from pathlib import Path

from tollbook.extract import extract_document
from tollbook.ledger import open_ledger
from tollbook.ledger.ingest import run_ingest
from tollbook.ledger.syndication import SyndicationIndex
from tollbook.read.walk import read_inputs

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _ingest(db: Path, pipeline: bool, extract=extract_document):
    with open_ledger(str(db)) as ledger:
        summary = run_ingest(ledger.engine, SyndicationIndex(), read_inputs([str(EXAMPLES / "reports"), str(EXAMPLES / "kursk")]),
                             extract, "test", pipeline=pipeline, batch_documents=7)
        return summary, set(ledger.documents()["doc_id"]), set(ledger.claims()["claim_id"])


def test_pipelined_ingest_equals_ingest_in_line(tmp_path: Path) -> None:
    s1, docs1, claims1 = _ingest(tmp_path / "inline.db", pipeline=False)
    s2, docs2, claims2 = _ingest(tmp_path / "pipelined.db", pipeline=True)
    assert (docs1, claims1) == (docs2, claims2) and len(claims1) > 100
    assert s1.line() == s2.line()


def dies_on_the_kursk_reports(doc):
    """An extractor whose process dies on one input (module level, so the worker can run it)."""
    if "Kursk" in doc.text and os.environ.get("TOLLBOOK_TEST_PARENT") != str(os.getpid()):
        os._exit(1)
    return extract_document(doc)


def test_a_document_that_kills_its_worker_fails_alone(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("TOLLBOOK_TEST_PARENT", str(os.getpid()))
    _, docs_inline, _ = _ingest(tmp_path / "a.db", pipeline=False)
    with open_ledger(str(tmp_path / "a.db")) as ledger:
        frame = ledger.documents(with_text=True)
    kursk = set(frame[frame["text"].str.contains("Kursk")]["doc_id"])
    summary, docs, _ = _ingest(tmp_path / "b.db", pipeline=True, extract=dies_on_the_kursk_reports)
    assert kursk and docs == docs_inline - kursk and summary.documents_failed >= len(kursk)
    assert all("extraction process died" in f.reason for f in summary.failures)
