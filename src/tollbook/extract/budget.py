"""Extraction of documents in a worker process, each under a time budget.

A hostile or merely unusual document (a table dump, one line of 10 MB) can keep the
extractor busy for minutes. Run in a worker, such a document costs its own budget and
no more: the worker is killed, the document is reported as failed, and a new worker
takes the next one. An exception in the extractor, or a worker that dies on a
document, is likewise one failed document.

The budget is processor time, not wall-clock time, so a busy machine does not make
a normal document fail: the worker arms an `ITIMER_PROF` timer before each document,
and the kernel ends the worker with SIGPROF (whose default action is to terminate) when
it runs out, even inside a regular expression that never returns to Python. A
wall-clock limit far above the budget is the last resort for a worker that stops
without using the processor.

The worker dies with its parent (`PR_SET_PDEATHSIG` on Linux, and a check of
`os.getppid()` on every document elsewhere), so `kill -9` of an ingest leaves no
extraction behind.

    >>> with ExtractionWorker(extract_document, TimeBudget(5.0)) as worker:   # doctest: +SKIP
    ...     [outcome] = worker.submit([doc]).result()       # a list of claims, or ExtractionFailed
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from tollbook.model import Document

# What the worker runs on each document: its claims, or what the caller builds from them
# there (the ledger's rows), or an ExtractionFailed saying why it has none.
Extract = Callable[[Document], "list[Any] | ExtractionFailed"]

# Processor seconds per document, and as many again per million characters of its text:
# today's extractor takes well under a second per MB, so only a runaway document reaches it.
DEFAULT_SECONDS = 5.0
# A worker that neither answers nor uses the processor is given up after this many times
# its budget (plus a minute): a stopped process, never a slow one.
WALL_CLOCK_FACTOR = 4.0
WALL_CLOCK_MARGIN = 60.0
# Loads the lexicons and caches the extractor builds on first use, before any budget runs.
WARM_UP = Document(doc_id="warm-up", text="Two people were killed and 14 injured on 3 March 2024, officials said.")


@dataclass(frozen=True, slots=True)
class TimeBudget:
    """Processor seconds a document may take: `seconds`, plus `seconds` per million characters.

    >>> TimeBudget(5.0).seconds_for(Document(doc_id="d", text="x" * 2_000_000))
    15.0
    """

    seconds: float = DEFAULT_SECONDS

    def __post_init__(self) -> None:
        if not self.seconds > 0:
            raise ValueError(f"a time budget must be a positive number of seconds, not {self.seconds!r}")

    def seconds_for(self, doc: Document) -> float:
        return self.seconds * (1.0 + len(doc.text) / 1_000_000)


@dataclass(frozen=True, slots=True)
class ExtractionFailed:
    """Why a document yielded no claims: one line, worded for the user."""

    reason: str


Outcome = list[Any] | ExtractionFailed  # list[Claim] for tollbook.extract_document


def outcome_of(extract: Extract, doc: Document) -> Outcome:
    """The document's claims, or the extractor's exception as a failure (an extractor bug costs one document)."""
    from tollbook.extract.pipeline import UnsupportedLanguage

    try:
        return extract(doc)
    except UnsupportedLanguage as exc:  # not a bug: a language tollbook has no package for, named for the user
        return ExtractionFailed(f"{exc}; pass --lang to read it as a language tollbook has")
    except Exception as exc:
        return ExtractionFailed(f"the extractor failed ({exc.__class__.__name__}: {exc}); "
                                "please report this with the file")


def over_budget(seconds: float, doc: Document) -> ExtractionFailed:
    return ExtractionFailed(f"extraction took more than its time budget ({seconds:.1f} s of processing for "
                            f"{len(doc.text):,} characters); raise --time-budget or split the file")


class Pending:
    """The outcomes of one `submit`, in document order, once `result()` has collected them."""

    def __init__(self, worker: ExtractionWorker, docs: Sequence[Document]) -> None:
        self.docs = list(docs)
        self.outcomes: list[Outcome] | None = None
        self._worker = worker

    def result(self) -> list[Outcome]:
        if self.outcomes is None:
            self._worker._collect(self)
        assert self.outcomes is not None
        return self.outcomes


class ExtractionWorker:
    """Extracts submitted documents in one worker process, each under `budget`.

    `submit` returns at once; the worker extracts while the caller does other work
    (the ledger stores the previous batch), and `result()` collects the outcomes.
    Batches are extracted in submission order and must be collected in that order.
    With `in_worker=False`, or where processes cannot be forked, extraction runs in
    line in `result()` and no budget applies.
    """

    def __init__(self, extract: Extract, budget: TimeBudget | None = TimeBudget(), *, in_worker: bool = True) -> None:
        self.extract = extract
        self.budget = budget
        self.in_worker = in_worker and "fork" in multiprocessing.get_all_start_methods()
        self._queue: deque[Pending] = deque()
        self._process: Any = None
        self._conn: Connection | None = None

    def __enter__(self) -> ExtractionWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def submit(self, docs: Sequence[Document]) -> Pending:
        pending = Pending(self, docs)
        if not pending.docs:
            pending.outcomes = []
            return pending
        self._queue.append(pending)
        if self.in_worker and len(self._queue) == 1:
            self._send(pending.docs)
        return pending

    def close(self) -> None:
        """Stop the worker (at once: a batch not collected is abandoned)."""
        self._stop()
        self._queue.clear()

    # -- the parent's side ----------------------------------------------------------

    def _collect(self, pending: Pending) -> None:
        if not self._queue or self._queue[0] is not pending:
            raise RuntimeError("extraction results are collected in the order the batches were submitted")
        if self.in_worker:
            pending.outcomes = self._receive(pending.docs)
        else:
            pending.outcomes = [outcome_of(self.extract, doc) for doc in pending.docs]
        self._queue.popleft()
        if self.in_worker and self._queue:  # the next batch is extracted while this one is used
            self._send(self._queue[0].docs)

    def _send(self, docs: Sequence[Document]) -> None:
        if self._process is None:
            self._start()
        assert self._conn is not None
        self._conn.send([(doc, self._seconds(doc)) for doc in docs])

    def _seconds(self, doc: Document) -> float | None:
        return self.budget.seconds_for(doc) if self.budget is not None else None

    def _receive(self, docs: list[Document]) -> list[Outcome]:
        """One outcome per document; a worker lost on a document fails it, and a new one takes the rest."""
        outcomes: list[Outcome] = []
        while len(outcomes) < len(docs):
            doc = docs[len(outcomes)]
            seconds = self._seconds(doc)
            wait = None if seconds is None else seconds * WALL_CLOCK_FACTOR + WALL_CLOCK_MARGIN
            assert self._conn is not None
            try:
                if self._conn.poll(wait):
                    outcomes.append(self._conn.recv())
                    continue
                failure = ExtractionFailed(f"extraction stopped making progress (no answer in {wait:.0f} s); "
                                           "please report this with the file")
            except (EOFError, OSError):
                failure = self._lost(doc, seconds)
            outcomes.append(failure)
            self._stop()
            if len(outcomes) < len(docs):
                self._send(docs[len(outcomes):])
        return outcomes

    def _lost(self, doc: Document, seconds: float | None) -> ExtractionFailed:
        """Why the worker ended on `doc`, from its exit status."""
        assert self._process is not None
        self._process.join(5)
        code = self._process.exitcode
        if code == -signal.SIGPROF and seconds is not None:
            return over_budget(seconds, doc)
        how = f"signal {signal.Signals(-code).name}" if code is not None and code < 0 else f"exit status {code}"
        return ExtractionFailed(f"the extraction process died on it ({how}); please report this with the file")

    def _start(self) -> None:
        parent_end, child_end = multiprocessing.Pipe()
        context = multiprocessing.get_context("fork")
        process = context.Process(target=_serve, args=(child_end, self.extract, os.getpid()),
                                  name="tollbook-extract", daemon=True)
        process.start()
        child_end.close()
        self._process, self._conn = process, parent_end

    def _stop(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(5)
            self._process = None


def extract_within(extract: Extract, doc: Document, budget: TimeBudget = TimeBudget()) -> Outcome:
    """One document's claims, extracted in a worker under `budget`, or why it failed."""
    with ExtractionWorker(extract, budget) as worker:
        return worker.submit([doc]).result()[0]


# -- the worker's side --------------------------------------------------------------

def _serve(conn: Connection, extract: Extract, parent: int) -> None:
    """Extract each batch received, answering one outcome per document, until the parent goes."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops us
    signal.signal(signal.SIGPROF, signal.SIG_DFL)  # running out of budget ends this process
    outcome_of(extract, WARM_UP)
    while True:
        try:
            batch = conn.recv()
        except (EOFError, OSError):
            return
        for doc, seconds in batch:
            if os.getppid() != parent:
                return
            if seconds is not None:
                signal.setitimer(signal.ITIMER_PROF, seconds)
            try:
                outcome = outcome_of(extract, doc)
            finally:
                signal.setitimer(signal.ITIMER_PROF, 0)
            try:
                conn.send(outcome)
            except (BrokenPipeError, EOFError):
                return
            except Exception as exc:  # claims that cannot be pickled: a bug, reported for this document
                conn.send(ExtractionFailed(f"the extractor's result could not be passed on "
                                           f"({exc.__class__.__name__}: {exc}); please report this with the file"))


PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """Ask the kernel to kill this process when its parent dies (Linux); leave at once if it already has."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the per-document check of os.getppid() still applies
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(0)
