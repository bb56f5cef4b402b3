"""Documents and their claims into the ledger, in transactions of many documents.

A document row and all its claims commit together or not at all, so a batch killed
half-way leaves whole documents only; running it again skips the doc_ids already
stored and completes the rest. Documents are committed in groups of up to
`BATCH_DOCUMENTS` documents or `BATCH_CHARACTERS` of text (a commit per document cost
more than storing it), and while one group is stored a worker process extracts the next. When a group fails to store, it is rolled back
and its documents are stored one by one, so one bad document costs only itself.
A file that cannot be read or extracted (the extractor raised, its worker died, or it
ran over its time budget: see tollbook.extract.budget) is recorded as a failure in the
run, and the batch goes on.

Every document read also records an *appearance* (outlet, url, title, date, path):
the same text published by a second outlet is one document, already present, with
a second appearance. The document row keeps the first appearance's metadata.
"""

from __future__ import annotations

import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timezone
from typing import Any

import sqlalchemy as sa

from tollbook.errors import ReadError
from tollbook.extract.budget import ExtractionFailed, ExtractionWorker, Pending, TimeBudget
from tollbook.ledger.bulk import insert_rows
from tollbook.ledger.schema import (
    appearances,
    claimants,
    claims,
    documents,
    fingerprints,
    runs,
)
from tollbook.ledger.syndication import (
    SyndicationIndex,
    assign_cluster,
    content_hash,
    minhash_values,
)
from tollbook.lexicons.gazetteer import coordinates
from tollbook.model import CLAIM_FIELDS, Claim, Document, SourceRef
from tollbook.read.sections import find_sections

SOURCE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(SourceRef))

# A transaction holds at most this many documents: large enough that commits cost little,
# small enough that a kill loses little work and a progress display moves.
BATCH_DOCUMENTS = 100
# ... and at most about this much text, so that two batches in memory (one stored, one
# extracted) stay small whatever the documents' size; a larger document is a batch alone.
BATCH_CHARACTERS = 8_000_000


@dataclass
class IngestSummary:
    """Running totals of one batch; `progress` callbacks receive it after every input."""

    run_id: str
    documents_new: int = 0
    documents_present: int = 0
    documents_failed: int = 0
    claims: int = 0
    appearances_new: int = 0
    failures: list[ReadError] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    refresh_seconds: float = 0.0  # of `elapsed`, the time spent refreshing stored series and findings

    @property
    def documents_seen(self) -> int:
        return self.documents_new + self.documents_present + self.documents_failed

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def line(self) -> str:
        """The one-line summary a command prints at the end."""
        return (f"{self.documents_new} documents new, {self.documents_present} already present, "
                f"{self.documents_failed} failed; {self.claims} claims, {self.appearances_new} new appearances")

    def fail(self, error: ReadError) -> None:
        self.documents_failed += 1
        self.failures.append(error)

    def count(self, stored: Stored) -> None:
        self.documents_new += stored.documents_new
        self.documents_present += stored.documents_present
        self.claims += stored.claims
        self.appearances_new += stored.appearances_new


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
        row["latitude"], row["longitude"] = coordinates(claim.place, claim.place_code) or (None, None)
        rows[claim.claim_id] = row
    return list(rows.values())


def rows_or_failure(doc: Document, found: Sequence[Claim],
                    extractor_version: str) -> list[dict[str, Any]] | ExtractionFailed:
    """`claim_rows`, or why the claims cannot be stored: the document then fails alone."""
    try:
        return claim_rows(doc, found, extractor_version)
    except ValueError as exc:
        return ExtractionFailed(f"the extractor returned a bad claim ({exc}); please report this with the file")


@dataclass(frozen=True, slots=True)
class ExtractRows:
    """Extraction that answers with the claims' ledger rows, so the worker process builds them.

    The gazetteer's coordinates are then looked up where the extractor has the gazetteer
    loaded already (the storing process no longer loads it: half a second and 40 MB), and
    plain rows cross the pipe for less than the Claim objects they come from.
    """

    extract: Callable[[Document], list[Claim]]
    extractor_version: str

    def __call__(self, doc: Document) -> list[dict[str, Any]] | ExtractionFailed:
        return rows_or_failure(doc, self.extract(doc), self.extractor_version)


def document_row(doc: Document, extractor_version: str, cluster_id: str, captured_at: datetime,
                 published_at: datetime | None) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id, "url": doc.url, "outlet": doc.outlet, "title": doc.title,
        "published": doc.published, "published_at": published_at,
        "published_from": doc.published_from, "captured_at": captured_at, "language": doc.language,
        "path": doc.path, "text": doc.text, "raw_sha256": doc.raw_sha256, "cluster_id": cluster_id,
        "extractor_version": extractor_version,
    }


def appearance_row(doc: Document, captured_at: datetime, published_at: datetime | None) -> dict[str, Any]:
    return {"doc_id": doc.doc_id, "outlet": doc.outlet, "url": doc.url, "title": doc.title,
            "published": doc.published, "published_at": published_at, "path": doc.path,
            "captured_at": captured_at}


def stored_document(row: Any) -> Document:
    """The Document a stored row was read as (sections recomputed from the text, as the reader does)."""
    return Document(
        doc_id=row.doc_id, text=row.text, title=row.title, url=row.url, outlet=row.outlet,
        published=row.published, published_from=row.published_from, path=row.path,
        language=row.language, raw_sha256=row.raw_sha256, sections=find_sections(row.text),
    )


def stored_doc_ids(conn: sa.Connection, doc_ids: Iterable[str]) -> set[str]:
    """Which of these doc_ids the ledger holds (one query)."""
    wanted = list(set(doc_ids))
    if not wanted:
        return set()
    return set(conn.execute(sa.select(documents.c.doc_id).where(documents.c.doc_id.in_(wanted))).scalars())


def upsert_claimants(conn: sa.Connection, rows: Iterable[dict[str, Any]]) -> None:
    """Record every SourceRef name of the claims (first kind seen wins)."""
    seen: dict[str, dict[str, Any]] = {}
    for row in rows:
        for ref in row["sources"]:
            name = ref.get("name")
            if name and name not in seen:
                seen[name] = {"name": name, "kind": ref.get("kind") or "outlet", "country": None}
    insert_rows(conn, claimants, list(seen.values()), skip_conflicts_on=("name",))


@dataclass(frozen=True, slots=True)
class Entry:
    """A document to store: its claim rows, or None when it was found stored before extraction."""

    doc: Document
    rows: Sequence[dict[str, Any]] | None


@dataclass(frozen=True, slots=True)
class Stored:
    """What one `store_entries` call wrote; `new` says, per entry, whether its document was new."""

    new: tuple[bool, ...]
    claims: int
    appearances_new: int

    @property
    def documents_new(self) -> int:
        return sum(self.new)

    @property
    def documents_present(self) -> int:
        return len(self.new) - self.documents_new


def store_entries(conn: sa.Connection, index: SyndicationIndex, entries: Sequence[Entry],
                  extractor_version: str) -> Stored:
    """Store documents, their claims and their appearances in one transaction.

    A document already stored (or repeated in `entries`) is not stored again, but each
    entry's appearance (doc_id, outlet, url) is recorded once. Raises what the
    database raises; the transaction is then rolled back and the index left as it was.
    """
    added: list[str] = []
    try:
        with conn.begin():
            return _store(conn, index, entries, extractor_version, added)
    except BaseException:
        for doc_id in added:
            index.remove(doc_id)
        raise


def _store(conn: sa.Connection, index: SyndicationIndex, entries: Sequence[Entry], extractor_version: str,
           added: list[str]) -> Stored:
    captured_at = datetime.now(timezone.utc)
    published = {id(e): parse_published(e.doc.published) for e in entries}
    stored = stored_doc_ids(conn, (e.doc.doc_id for e in entries))
    known = set(stored)
    fresh: list[Entry] = []
    new: list[bool] = []
    for entry in entries:
        is_new = entry.doc.doc_id not in known and entry.rows is not None
        new.append(is_new)
        if is_new:
            known.add(entry.doc.doc_id)
            fresh.append(entry)

    hashes = {e.doc.doc_id: content_hash(e.doc.text) for e in fresh}
    copies: dict[str, list[str]] = defaultdict(list)  # content_hash -> stored or earlier doc_ids
    if hashes:
        for doc_id, digest in conn.execute(sa.select(fingerprints.c.doc_id, fingerprints.c.content_hash)
                                           .where(fingerprints.c.content_hash.in_(set(hashes.values())))):
            copies[digest].append(doc_id)

    doc_rows: list[dict[str, Any]] = []
    fingerprint_rows: list[dict[str, Any]] = []

    def flush_documents() -> None:
        if doc_rows:
            insert_rows(conn, documents, doc_rows)
            insert_rows(conn, fingerprints, fingerprint_rows)
            doc_rows.clear()
            fingerprint_rows.clear()

    for entry in fresh:
        doc_id, digest = entry.doc.doc_id, hashes[entry.doc.doc_id]
        exact = copies.get(digest, [])
        # An exact copy has the same words, hence the same MinHash, and its near copies
        # are already in its cluster: the signature is reused and the LSH not asked.
        values = next((v for v in map(index.signature_of, exact) if v is not None), None)
        if values is None:
            values = minhash_values(entry.doc.text)
        related = set(exact) if exact else set(index.near(values))
        related.discard(doc_id)
        cluster = doc_id
        if related:
            flush_documents()  # the cluster merge below reads and updates stored rows
            cluster = assign_cluster(conn, doc_id, related, published[id(entry)], captured_at)
        doc_rows.append(document_row(entry.doc, extractor_version, cluster, captured_at, published[id(entry)]))
        fingerprint_rows.append({"doc_id": doc_id, "content_hash": digest,
                                 "minhash": b"" if values is None else values.astype("<u4").tobytes()})
        index.add(doc_id, values)
        added.append(doc_id)
        copies[digest].append(doc_id)
    flush_documents()

    claim_rows_all = [row for e in fresh for row in e.rows or ()]
    if claim_rows_all:
        insert_rows(conn, claims, claim_rows_all)
        upsert_claimants(conn, claim_rows_all)

    appearances_new = _record_appearances(conn, entries, stored, known, captured_at, published)
    return Stored(tuple(new), len(claim_rows_all), appearances_new)


def _record_appearances(conn: sa.Connection, entries: Sequence[Entry], stored: set[str], known: set[str],
                        captured_at: datetime, published: dict[int, datetime | None]) -> int:
    """Insert the entries' appearances not recorded yet; returns how many.

    NULLs never collide in a unique constraint, so (doc, no outlet, no url) is
    de-duplicated here against what is stored, not by the constraint alone.
    """
    seen: set[tuple[str, str | None, str | None]] = set()
    if stored & {e.doc.doc_id for e in entries}:
        seen.update(tuple(row) for row in conn.execute(
            sa.select(appearances.c.doc_id, appearances.c.outlet, appearances.c.url)
            .where(appearances.c.doc_id.in_(stored))
        ))
    rows = []
    for entry in entries:
        doc = entry.doc
        key = (doc.doc_id, doc.outlet, doc.url)
        if doc.doc_id not in known or key in seen:
            continue
        seen.add(key)
        rows.append(appearance_row(doc, captured_at, published[id(entry)]))
    insert_rows(conn, appearances, rows, skip_conflicts_on=("doc_id", "outlet", "url"))
    return len(rows)


def store_alone(conn: sa.Connection, index: SyndicationIndex, entry: Entry, extractor_version: str) -> Stored:
    """Store one entry in its own transaction; a copy stored meanwhile by another process counts as present."""
    try:
        return store_entries(conn, index, [entry], extractor_version)
    except sa.exc.IntegrityError:
        # Another process stored the same text between our check and our insert: the
        # retry sees it stored and records only the appearance.
        return store_entries(conn, index, [entry], extractor_version)


def replace_claims(engine: sa.Engine, doc_id: str, rows: Sequence[dict[str, Any]], extractor_version: str) -> int:
    """Swap a stored document's claims for a new extraction, in one transaction."""
    with engine.begin() as conn:
        conn.execute(claims.delete().where(claims.c.doc_id == doc_id))
        if rows:
            insert_rows(conn, claims, rows)
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
        "appearances_new": summary.appearances_new,
        "errors": [{"name": e.name, "reason": e.reason} for e in summary.failures],
    }
    if completed:
        values["finished_at"] = datetime.now(timezone.utc)
    with engine.begin() as conn:
        conn.execute(runs.update().where(runs.c.run_id == summary.run_id).values(**values))


def extraction_failure(doc: Document, failed: ExtractionFailed) -> ReadError:
    return ReadError(doc.path or doc.doc_id, failed.reason)


def storage_failure(doc: Document, exc: Exception) -> ReadError:
    name = doc.path or doc.doc_id
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    return ReadError(name, f"could not be stored ({reason})")


def _chunks(items: Iterable[Document | ExtractedDocument | ReadError], size: int,
            characters: int = BATCH_CHARACTERS) -> Iterator[list[Document | ExtractedDocument | ReadError]]:
    """Runs of at most `size` items, cut sooner when their text reaches `characters`."""
    chunk: list[Document | ExtractedDocument | ReadError] = []
    held = 0
    for item in items:
        chunk.append(item)
        held += 0 if isinstance(item, ReadError) else len(_doc(item).text)
        if len(chunk) >= size or held >= characters:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    """A document whose claims were found elsewhere (a Dask worker): stored as is, not extracted again."""

    document: Document
    claims: list[Claim]


def _doc(item: Document | ExtractedDocument) -> Document:
    return item.document if isinstance(item, ExtractedDocument) else item


def run_ingest(engine: sa.Engine, index: SyndicationIndex, items: Iterable[Document | ExtractedDocument | ReadError],
               extract: Callable[[Document], list[Claim]], extractor_version: str,
               progress: Progress | None = None, *, batch_documents: int = BATCH_DOCUMENTS,
               pipeline: bool | None = None, budget: TimeBudget | None = TimeBudget()) -> IngestSummary:
    """Store every readable document of a batch; failures are collected, never raised.

    Inputs are read `batch_documents` at a time; the doc_ids already stored are looked
    up in one query and not extracted again (a re-run costs a read per document, not
    an extraction), and the rest are committed together. A worker process extracts
    the next batch while this one is stored, each document under `budget`: a document
    that raises, dies or runs out of time is one failure, and the batch goes on.
    `pipeline=False` extracts in line instead, with no budget.
    """
    summary = start_run(engine, "ingest", extractor_version)
    completed = False
    queued: set[str] = set()  # doc_ids handed on for storage in this run
    touched: set[str | None] = set()  # actors of the claims stored by this run
    try:
        with engine.connect() as conn, _planned_with_values(conn), \
                ExtractionWorker(ExtractRows(extract, extractor_version), budget, in_worker=pipeline is not False) as worker:
            pending: _Chunk | None = None
            for items_ in _chunks(items, batch_documents):
                ids = [_doc(i).doc_id for i in items_ if not isinstance(i, ReadError)]
                with conn.begin():
                    stored = stored_doc_ids(conn, ids) | queued.intersection(ids)
                chunk = _Chunk(items_, stored)
                queued.update(d.doc_id for d in chunk.todo)
                queued.update(i.document.doc_id for i in items_ if isinstance(i, ExtractedDocument))
                chunk.results = worker.submit(chunk.todo)
                if pending is not None:  # store the chunk before while this one is extracted
                    _store_batch(conn, index, touching(pending.entries(extractor_version, summary), touched),
                                 extractor_version, summary)
                    if progress is not None:
                        progress(summary)
                pending = chunk
                del items_, chunk  # a chunk's documents are freed once stored
            if pending is not None:
                _store_batch(conn, index, touching(pending.entries(extractor_version, summary), touched),
                             extractor_version, summary)
                if progress is not None:
                    progress(summary)
        if touched:  # the stored series and findings of the actors the new claims name
            from tollbook.reconcile.store import refresh_actors

            refreshing = time.monotonic()
            refresh_actors(engine, touched)
            summary.refresh_seconds = time.monotonic() - refreshing
        completed = True
    finally:
        finish_run(engine, summary, completed=completed)
    return summary


@contextmanager
def _planned_with_values(conn: sa.Connection) -> Iterator[None]:
    """On PostgreSQL, no server-side prepared statements on the ingest's connection.

    psycopg prepares a statement after its fifth run, and PostgreSQL then keeps one generic
    plan for it: made while the ledger was nearly empty, the doc_id and content-hash look-ups
    stayed sequential scans as it grew, so each batch cost more than the one before (0.1 s a
    batch at 10,000 documents). A statement sent unprepared is planned with its values and the
    tables' size at the time. The bulk inserts go by COPY, which is never prepared.
    """
    dbapi = conn.connection.dbapi_connection if conn.dialect.name == "postgresql" else None
    if dbapi is None:
        yield
        return
    threshold = dbapi.prepare_threshold
    dbapi.prepare_threshold = None
    try:
        yield
    finally:
        dbapi.prepare_threshold = threshold


def touching(batch: list[Entry], actors: set[str | None]) -> list[Entry]:
    """The batch unchanged; the actors its new claims name are added to `actors`."""
    for entry in batch:
        if entry.rows:
            actors.update(row.get("actor") for row in entry.rows)
    return batch


class _Chunk:
    """One batch of inputs between being read and being stored."""

    def __init__(self, items: list[Document | ExtractedDocument | ReadError], stored: set[str]) -> None:
        self.items, self.stored = items, stored
        seen: set[str] = set()
        self.todo: list[Document] = []
        for item in items:
            if isinstance(item, Document) and item.doc_id not in stored and item.doc_id not in seen:
                self.todo.append(item)  # a second copy in this chunk is not extracted again
            if not isinstance(item, ReadError):
                seen.add(_doc(item).doc_id)
        self.results: Pending | None = None

    def entries(self, extractor_version: str, summary: IngestSummary) -> list[Entry]:
        """The chunk's entries in input order; read and extraction failures go to the summary."""
        found = dict(zip((d.doc_id for d in self.todo), self.results.result() if self.results else []))
        batch: list[Entry] = []
        placed: set[str] = set()
        for item in self.items:
            if isinstance(item, ReadError):
                summary.fail(item)
                continue
            doc = _doc(item)
            if doc.doc_id in self.stored or doc.doc_id in placed:
                batch.append(Entry(doc, None))  # only its appearance is new, if anything
                continue
            rows = (rows_or_failure(doc, item.claims, extractor_version) if isinstance(item, ExtractedDocument)
                    else found[doc.doc_id])
            if isinstance(rows, ExtractionFailed):
                summary.fail(extraction_failure(doc, rows))
                continue
            batch.append(Entry(doc, rows))
            placed.add(doc.doc_id)
        return batch


def _store_batch(conn: sa.Connection, index: SyndicationIndex, batch: list[Entry], extractor_version: str,
                 summary: IngestSummary) -> None:
    """Commit a batch; when it fails, its documents one by one, each failure reported for its file."""
    if not batch:
        return
    try:
        summary.count(store_entries(conn, index, batch, extractor_version))
        return
    except Exception:  # which document? retry them alone to find out, and keep the others
        pass
    for entry in batch:
        try:
            summary.count(store_alone(conn, index, entry, extractor_version))
        except Exception as exc:
            summary.fail(storage_failure(entry.doc, exc))


def run_reextract(engine: sa.Engine, extract: Callable[[Document], list[Claim]], extractor_version: str,
                  progress: Progress | None = None, *, budget: TimeBudget | None = TimeBudget()) -> IngestSummary:
    """Re-extract the documents whose claims came from another extractor version, each under `budget`."""
    summary = start_run(engine, "reextract", extractor_version)
    completed = False
    try:
        with ExtractionWorker(ExtractRows(extract, extractor_version), budget) as worker:
            _reextract(engine, worker, extractor_version, summary, progress)
        if summary.documents_new:  # claims were replaced, of any actor: the stored findings are redone
            from tollbook.reconcile.store import refresh_all

            refresh_all(engine)
        completed = True
    finally:
        finish_run(engine, summary, completed=completed)
    return summary


def _reextract(engine: sa.Engine, worker: ExtractionWorker, extractor_version: str, summary: IngestSummary,
               progress: Progress | None) -> None:
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
        [rows] = worker.submit([doc]).result()
        if isinstance(rows, ExtractionFailed):  # the old claims stay; the run reports the document
            summary.fail(extraction_failure(doc, rows))
        else:
            summary.claims += replace_claims(engine, doc_id, rows, extractor_version)
            summary.documents_new += 1
        if progress is not None:
            progress(summary)
