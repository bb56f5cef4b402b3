"""Documents and their claims into the ledger, one transaction per document.

A document row and all its claims commit together or not at all, so a batch killed
half-way leaves whole documents only; running it again skips the doc_ids already
stored and completes the rest. A file that cannot be read or extracted is recorded
as a failure and the batch goes on.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timezone
from typing import Any

import sqlalchemy as sa

from tollbook.errors import ReadError
from tollbook.ledger.schema import claimants, claims, documents, fingerprints, runs
from tollbook.ledger.syndication import SyndicationIndex, assign_cluster, fingerprint
from tollbook.model import CLAIM_FIELDS, Claim, Document, SourceRef
from tollbook.read.sections import find_sections


SOURCE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(SourceRef))


@dataclass
class IngestSummary:
    """Running totals of one batch; `progress` callbacks receive it after every input."""

    run_id: str
    documents_new: int = 0
    documents_present: int = 0
    documents_failed: int = 0
    claims: int = 0
    failures: list[ReadError] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    @property
    def documents_seen(self) -> int:
        return self.documents_new + self.documents_present + self.documents_failed

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def line(self) -> str:
        """The one-line summary a command prints at the end."""
        return (f"{self.documents_new} documents new, {self.documents_present} already present, "
                f"{self.documents_failed} failed; {self.claims} claims")

    def fail(self, error: ReadError) -> None:
        self.documents_failed += 1
        self.failures.append(error)


Progress = Callable[[IngestSummary], None]


def parse_published(value: str | None) -> datetime | None:
    """An ISO date or datetime as an aware UTC datetime (a bare date is midnight UTC; no offset means UTC).

    >>> parse_published("2025-01-27")
    datetime.datetime(2025, 1, 27, 0, 0, tzinfo=datetime.timezone.utc)
    """
    if not value:
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = datetime.combine(date.fromisoformat(text[:10]), datetime.min.time())
        except ValueError:
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def claim_rows(doc: Document, found: Sequence[Claim], extractor_version: str) -> list[dict[str, Any]]:
    """Rows for the claims table; a repeated claim_id keeps its first claim.

    Raises ValueError for a claim that does not belong to the document or has a
    date that is not ISO: the document then fails instead of storing a bad row.
    """
    rows: dict[str, dict[str, Any]] = {}
    for claim in found:
        if claim.doc_id != doc.doc_id:
            raise ValueError(f"claim {claim.claim_id} names document {claim.doc_id}, not {doc.doc_id}")
        if claim.claim_id in rows:
            continue
        # The JSON form without dataclasses.asdict's deep copies (a third of the storage cost).
        row = {name: getattr(claim, name) for name in CLAIM_FIELDS}
        row["sources"] = [{name: getattr(ref, name) for name in SOURCE_FIELDS} for ref in claim.sources]
        for key in ("date_start", "date_end"):
            row[key] = date.fromisoformat(row[key]) if row[key] else None
        row["extractor_version"] = extractor_version
        rows[claim.claim_id] = row
    return list(rows.values())


def document_row(doc: Document, extractor_version: str, cluster_id: str, captured_at: datetime) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id, "url": doc.url, "outlet": doc.outlet, "title": doc.title,
        "published": doc.published, "published_at": parse_published(doc.published),
        "published_from": doc.published_from, "captured_at": captured_at, "language": doc.language,
        "path": doc.path, "text": doc.text, "raw_sha256": doc.raw_sha256, "cluster_id": cluster_id,
        "extractor_version": extractor_version,
    }


def stored_document(row: Any) -> Document:
    """The Document a stored row was read as (sections recomputed from the text, as the reader does)."""
    return Document(
        doc_id=row.doc_id, text=row.text, title=row.title, url=row.url, outlet=row.outlet,
        published=row.published, published_from=row.published_from, path=row.path,
        language=row.language, raw_sha256=row.raw_sha256, sections=find_sections(row.text),
    )


def is_present(conn: sa.Connection, doc_id: str) -> bool:
    return conn.execute(sa.select(documents.c.doc_id).where(documents.c.doc_id == doc_id)).first() is not None


def upsert_claimants(conn: sa.Connection, rows: Iterable[dict[str, Any]]) -> None:
    """Record every SourceRef name of the claims (first kind seen wins)."""
    seen: dict[str, dict[str, Any]] = {}
    for row in rows:
        for ref in row["sources"]:
            name = ref.get("name")
            if name and name not in seen:
                seen[name] = {"name": name, "kind": ref.get("kind") or "outlet", "country": None}
    if not seen:
        return
    insert = _dialect_insert(conn)(claimants).on_conflict_do_nothing(index_elements=["name"])
    conn.execute(insert, list(seen.values()))


def _dialect_insert(conn: sa.Connection):
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def store_document(engine: sa.Engine, index: SyndicationIndex, doc: Document, rows: Sequence[dict[str, Any]],
                   extractor_version: str) -> bool:
    """Store a document and its claim rows in one transaction; False when the doc_id is already stored."""
    fp = fingerprint(doc.text)
    captured_at = datetime.now(timezone.utc)
    try:
        with engine.begin() as conn:
            if is_present(conn, doc.doc_id):
                return False
            cluster = assign_cluster(conn, index, doc.doc_id, fp, parse_published(doc.published), captured_at)
            conn.execute(documents.insert(), document_row(doc, extractor_version, cluster, captured_at))
            conn.execute(fingerprints.insert(), {"doc_id": doc.doc_id, "content_hash": fp.content_hash,
                                                 "minhash": fp.signature()})
            if rows:
                conn.execute(claims.insert(), rows)
                upsert_claimants(conn, rows)
    except sa.exc.IntegrityError:
        # Another process stored the same text between our check and our insert.
        with engine.connect() as conn:
            if is_present(conn, doc.doc_id):
                return False
        raise
    index.add(doc.doc_id, fp.minhash)
    return True


def replace_claims(engine: sa.Engine, doc_id: str, rows: Sequence[dict[str, Any]], extractor_version: str) -> int:
    """Swap a stored document's claims for a new extraction, in one transaction."""
    with engine.begin() as conn:
        conn.execute(claims.delete().where(claims.c.doc_id == doc_id))
        if rows:
            conn.execute(claims.insert(), rows)
            upsert_claimants(conn, rows)
        conn.execute(documents.update().where(documents.c.doc_id == doc_id)
                     .values(extractor_version=extractor_version))
    return len(rows)


def start_run(engine: sa.Engine, command: str, extractor_version: str) -> IngestSummary:
    summary = IngestSummary(run_id=uuid.uuid4().hex)
    with engine.begin() as conn:
        conn.execute(runs.insert(), {"run_id": summary.run_id, "command": command,
                                     "extractor_version": extractor_version,
                                     "started_at": datetime.now(timezone.utc), "errors": []})
    return summary


def finish_run(engine: sa.Engine, summary: IngestSummary, *, completed: bool) -> None:
    """Write a run's totals; `finished_at` stays empty when the run was interrupted."""
    values: dict[str, Any] = {
        "documents_new": summary.documents_new, "documents_present": summary.documents_present,
        "documents_failed": summary.documents_failed, "claims": summary.claims,
        "errors": [{"name": e.name, "reason": e.reason} for e in summary.failures],
    }
    if completed:
        values["finished_at"] = datetime.now(timezone.utc)
    with engine.begin() as conn:
        conn.execute(runs.update().where(runs.c.run_id == summary.run_id).values(**values))


def extraction_failure(doc: Document, exc: Exception) -> ReadError:
    name = doc.path or doc.doc_id
    return ReadError(name, f"the extractor failed ({exc.__class__.__name__}: {exc}); please report this with the file")


def run_ingest(engine: sa.Engine, index: SyndicationIndex, items: Iterable[Document | ReadError],
               extract: Callable[[Document], list[Claim]], extractor_version: str,
               progress: Progress | None = None) -> IngestSummary:
    """Store every readable document of a batch; failures are collected, never raised."""
    summary = start_run(engine, "ingest", extractor_version)
    completed = False
    try:
        for item in items:
            if isinstance(item, ReadError):
                summary.fail(item)
            else:
                _ingest_one(engine, index, item, extract, extractor_version, summary)
            if progress is not None:
                progress(summary)
        completed = True
    finally:
        finish_run(engine, summary, completed=completed)
    return summary


def _ingest_one(engine: sa.Engine, index: SyndicationIndex, doc: Document,
                extract: Callable[[Document], list[Claim]], extractor_version: str,
                summary: IngestSummary) -> None:
    with engine.connect() as conn:
        present = is_present(conn, doc.doc_id)
    if present:  # checked before extracting: a re-run costs a lookup per document, not an extraction
        summary.documents_present += 1
        return
    try:
        rows = claim_rows(doc, extract(doc), extractor_version)
    except Exception as exc:  # an extractor bug costs this document, not the batch
        summary.fail(extraction_failure(doc, exc))
        return
    if store_document(engine, index, doc, rows, extractor_version):
        summary.documents_new += 1
        summary.claims += len(rows)
    else:
        summary.documents_present += 1


def run_reextract(engine: sa.Engine, extract: Callable[[Document], list[Claim]], extractor_version: str,
                  progress: Progress | None = None) -> IngestSummary:
    """Re-extract the documents whose claims came from another extractor version."""
    summary = start_run(engine, "reextract", extractor_version)
    completed = False
    try:
        with engine.connect() as conn:
            stale = list(conn.execute(
                sa.select(documents.c.doc_id).where(documents.c.extractor_version != extractor_version)
                .order_by(documents.c.captured_at, documents.c.doc_id)
            ).scalars())
        for doc_id in stale:
            with engine.connect() as conn:
                row = conn.execute(sa.select(documents).where(documents.c.doc_id == doc_id)).first()
            if row is None:
                continue
            doc = stored_document(row)
            try:
                rows = claim_rows(doc, extract(doc), extractor_version)
            except Exception as exc:  # the old claims stay; the run reports the document
                summary.fail(extraction_failure(doc, exc))
            else:
                summary.claims += replace_claims(engine, doc_id, rows, extractor_version)
                summary.documents_new += 1
            if progress is not None:
                progress(summary)
        completed = True
    finally:
        finish_run(engine, summary, completed=completed)
    return summary
