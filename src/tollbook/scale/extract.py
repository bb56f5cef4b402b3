"""Extraction spread over Dask workers: the client plans, the workers read and extract.

The client expands the PATHs (directories walked as `tollbook ingest` walks them)
and deals the files into partitions of about `TARGET_BYTES` or `MAX_FILES` files,
so a task costs far more than its scheduling. A worker gets file paths, reads and
extracts them with the same functions as the serial commands, and sends back plain
data: claim dicts and, when the caller stores documents, the document's fields.
Nothing but paths, strings and numbers crosses the wire, and the lexicons load
once per worker process (they are cached per process).

Partitions are submitted a window at a time and their results come back with
`as_completed`; they are handed on in input order, so the output is the serial
command's output, and memory stays bounded by the window.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from tollbook.errors import ReadError, TollbookError
from tollbook.model import CLAIM_FIELDS, Claim, Document, SourceRef

if TYPE_CHECKING:
    from distributed import Client

# A task of ~2 MB of text takes a worker a few seconds: scheduling costs milliseconds.
TARGET_BYTES = 2_000_000
MAX_FILES = 200
# Small inputs are cut finer so every worker gets work: at least this many tasks per worker,
# none under MIN_BYTES (~15 ms of extraction, still far above a task's scheduling cost).
TASKS_PER_WORKER = 4
MIN_BYTES = 16_000

BytesProgress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Extracted:
    """One document's claims as a worker found them; `document` only when asked for (to store it)."""

    doc_id: str
    path: str | None
    claims: tuple[Claim, ...]
    document: Document | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    """The files of a batch dealt into partitions, and the PATHs that could not be expanded."""

    partitions: tuple[tuple[str, ...], ...]
    sizes: tuple[int, ...]
    errors: tuple[ReadError, ...]

    @property
    def files(self) -> int:
        return sum(len(p) for p in self.partitions)

    @property
    def total_bytes(self) -> int:
        return sum(self.sizes)


def plan_partitions(paths: Iterable[str], *, workers: int, include: Sequence[str] | None = None,
                    exclude: Sequence[str] | None = None, target_bytes: int = TARGET_BYTES,
                    max_files: int = MAX_FILES) -> Plan:
    """Files under PATHs, in walk order, cut into runs of at most `target_bytes` / `max_files`.

    >>> plan_partitions(["examples/reports"], workers=2).files      # doctest: +SKIP
    28
    """
    from tollbook.read.walk import expand_paths

    files: list[tuple[str, int]] = []
    errors: list[ReadError] = []
    for item in expand_paths(paths, include, exclude):
        if isinstance(item, ReadError):
            errors.append(item)
        elif item == "-":
            errors.append(ReadError("<stdin>", "cannot be sent to Dask workers; use `tollbook ingest -` "
                                               "or `tollbook extract -` for standard input"))
        else:
            try:
                files.append((item, os.path.getsize(item)))
            except OSError:
                files.append((item, 0))  # the worker reports why it cannot be read
    total = sum(size for _, size in files)
    limit = max(MIN_BYTES, min(target_bytes, total // max(1, workers * TASKS_PER_WORKER)))
    partitions: list[tuple[str, ...]] = []
    sizes: list[int] = []
    run: list[str] = []
    run_bytes = 0
    for path, size in files:
        if run and (run_bytes + size > limit or len(run) >= max_files):
            partitions.append(tuple(run))
            sizes.append(run_bytes)
            run, run_bytes = [], 0
        run.append(path)
        run_bytes += size
    if run:
        partitions.append(tuple(run))
        sizes.append(run_bytes)
    return Plan(tuple(partitions), tuple(sizes), tuple(errors))


def extract_partition(paths: Sequence[str], published: str | None = None, outlet: str | None = None,
                      with_documents: bool = False, max_bytes: int | None = None) -> dict[str, Any]:
    """Runs on a worker: read and extract files; plain data back, one record per document or failure.

    A document the extractor fails on becomes a failure record, as in `tollbook ingest`.
    """
    from tollbook.extract.budget import ExtractionFailed, outcome_of
    from tollbook.extract.pipeline import EXTRACTOR_VERSION, extract_document
    from tollbook.read.walk import read_file

    records: list[dict[str, Any]] = []
    for path in paths:
        limit = {} if max_bytes is None else {"max_bytes": max_bytes}
        for item in read_file(path, published=published, outlet=outlet, **limit):
            if isinstance(item, ReadError):
                records.append({"error": (item.name, item.reason)})
                continue
            found = outcome_of(extract_document, item)  # an extractor bug costs this document, not the partition
            if isinstance(found, ExtractionFailed):
                records.append({"error": (item.path or item.doc_id, found.reason)})
                continue
            record: dict[str, Any] = {"doc_id": item.doc_id, "path": item.path,
                                      "claims": [claim_record(c) for c in found]}
            if with_documents:
                record["document"] = {f.name: getattr(item, f.name) for f in fields(Document)}
            records.append(record)
    return {"extractor_version": EXTRACTOR_VERSION, "records": records}


def extract_paths(client: Client, paths: Iterable[str], *, published: str | None = None,
                  outlet: str | None = None, include: Sequence[str] | None = None,
                  exclude: Sequence[str] | None = None, with_documents: bool = False,
                  progress: BytesProgress | None = None, plan: Plan | None = None,
                  max_bytes: int | None = None) -> Iterator[Extracted | ReadError]:
    """Every document under PATHs with its claims, or a ReadError per failure, in input order.

    The same documents and claims as reading and extracting them one by one;
    `progress(bytes_done, bytes_total)` is called as each partition comes back.
    """
    workers = max(1, sum(client.nthreads().values()))
    plan = plan or plan_partitions(paths, workers=workers, include=include, exclude=exclude)
    yield from plan.errors
    done_bytes = 0
    for index, payload in _ordered_results(client, plan.partitions, workers,
                                           published=published, outlet=outlet, with_documents=with_documents,
                                           max_bytes=max_bytes):
        done_bytes += plan.sizes[index]
        if isinstance(payload, BaseException):
            reason = f"the Dask worker failed ({payload.__class__.__name__}: {payload}); the file was not read"
            for path in plan.partitions[index]:
                yield ReadError(path, reason)
        else:
            _check_version(payload["extractor_version"])
            for record in payload["records"]:
                yield _result(record)
        if progress is not None:
            progress(done_bytes, plan.total_bytes)


def _ordered_results(client: Client, partitions: Sequence[tuple[str, ...]], workers: int,
                     **kwargs: Any) -> Iterator[tuple[int, dict[str, Any] | BaseException]]:
    """(index, result) per partition in index order, from at most a window of tasks at a time."""
    from distributed import as_completed

    window = max(4, 3 * workers)  # enough queued that no worker waits; bounded so memory is too
    submitted = 0
    keys: dict[str, int] = {}

    def submit() -> Any:
        nonlocal submitted
        future = client.submit(extract_partition, partitions[submitted], pure=False, **kwargs)
        keys[future.key] = submitted
        submitted += 1
        return future

    pending = as_completed([submit() for _ in range(min(window, len(partitions)))])
    done: dict[int, dict[str, Any] | BaseException] = {}
    next_index = 0
    for batch in pending.batches():
        for future in batch:
            index = keys.pop(future.key)
            try:
                done[index] = future.result()
            except Exception as exc:  # a worker died (KilledWorker) or the task could not run
                done[index] = exc
            future.release()
        while next_index in done:
            yield next_index, done.pop(next_index)
            next_index += 1
        while submitted < len(partitions) and submitted < next_index + window:
            pending.add(submit())


def _check_version(worker_version: str) -> None:
    from tollbook.extract.pipeline import EXTRACTOR_VERSION

    if worker_version != EXTRACTOR_VERSION:
        raise TollbookError(f"the Dask workers run extractor {worker_version}, this client {EXTRACTOR_VERSION}; "
                            "install the same tollbook on the workers and the client")


def _result(record: dict[str, Any]) -> Extracted | ReadError:
    if "error" in record:
        name, reason = record["error"]
        return ReadError(name, reason)
    claims = tuple(claim_from_dict(d) for d in record["claims"])
    document = None
    if "document" in record:
        fields_ = dict(record["document"])
        fields_["sections"] = tuple(tuple(s) for s in fields_["sections"])
        document = Document(**fields_)
    return Extracted(record["doc_id"], record["path"], claims, document)


_SOURCE_FIELDS = tuple(f.name for f in fields(SourceRef))


def claim_record(claim: Claim) -> dict[str, Any]:
    """`Claim.to_dict()` without dataclasses.asdict's deep copies (a sixth of a worker's time)."""
    record = {name: getattr(claim, name) for name in CLAIM_FIELDS}
    record["sources"] = [{name: getattr(ref, name) for name in _SOURCE_FIELDS} for ref in claim.sources]
    return record


def claim_from_dict(data: dict[str, Any]) -> Claim:
    """A Claim from its flat JSON form (`Claim.to_dict`)."""
    return Claim(**{**data, "sources": tuple(SourceRef(**s) for s in data["sources"])})
