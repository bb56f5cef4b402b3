"""Ingest with Dask: workers extract, this process alone writes the ledger.

One writer keeps SQLite safe and PostgreSQL simple, and makes the run the same as
`tollbook ingest`: documents are committed in the ledger's own batches, a document
already stored is skipped (a re-run adds nothing), every appearance is recorded,
and a failed file is a line in the summary, never an exception.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from tollbook.errors import ReadError
from tollbook.ledger import ExtractedDocument, IngestSummary, Ledger
from tollbook.scale.extract import BytesProgress, Extracted, extract_paths

if TYPE_CHECKING:
    from distributed import Client

    from tollbook.ledger.ingest import Progress


def ingest_paths(ledger: Ledger, client: Client, paths: Iterable[str], *, published: str | None = None,
                 outlet: str | None = None, include: Sequence[str] | None = None,
                 exclude: Sequence[str] | None = None, progress: Progress | None = None,
                 bytes_progress: BytesProgress | None = None, max_bytes: int | None = None) -> IngestSummary:
    """Extract every document under PATHs on the cluster and store it in `ledger`; returns the summary.

    The ledger ends as `ledger.ingest(paths, ...)` would leave it: same documents,
    claim ids and values, appearances and run record.
    """
    results = extract_paths(client, paths, published=published, outlet=outlet, include=include,
                            exclude=exclude, with_documents=True, progress=bytes_progress, max_bytes=max_bytes)

    def items() -> Iterator[ExtractedDocument | ReadError]:
        for result in results:
            if isinstance(result, Extracted):
                yield ExtractedDocument(result.document, list(result.claims))
            else:
                yield result

    return ledger.store(items(), progress)
