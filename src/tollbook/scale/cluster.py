"""Where the work runs: a Dask scheduler the user names, or worker processes started here.

    >>> with open_client(workers=2) as client:       # doctest: +SKIP
    ...     claims = list(extract_paths(client, ["examples/reports"]))

A LocalCluster gets one thread per worker process: extraction is pure Python and
holds the GIL, so threads would only take turns.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from tollbook.errors import TollbookError, UsageError

if TYPE_CHECKING:
    from distributed import Client

CONNECT_TIMEOUT_SECONDS = 10


def default_workers(reserve: int = 0) -> int:
    """One worker process per core this process may use, less `reserve` cores kept for the client.

    An ingest reserves one: its client writes the ledger while the workers extract,
    and on 2 cores 1 worker + the writer beat 2 workers fighting the writer for a core.
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(1, cores - reserve)


@contextmanager
def open_client(scheduler: str | None = None, workers: int | None = None, *, reserve: int = 0) -> Iterator[Client]:
    """A Dask client on `scheduler` (tcp://host:port), or on a LocalCluster of `workers` processes
    (default: `default_workers(reserve)`).

    Raises UsageError when both are given, TollbookError when the scheduler cannot be reached;
    a cluster started here is shut down on exit.
    """
    if scheduler and workers:
        raise UsageError("give --scheduler (an existing cluster) or --workers (start one here), not both")
    if workers is not None and workers < 1:
        raise UsageError(f"--workers {workers} is not a number of processes; give 1 or more")
    try:
        from distributed import Client, LocalCluster
    except ModuleNotFoundError:
        raise TollbookError("tollbook scale needs Dask: pip install 'dask[distributed]'") from None

    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT_SECONDS)
        except (OSError, TimeoutError, ValueError) as exc:
            raise TollbookError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); start one with "
                                "`dask scheduler` and workers with `dask worker ADDRESS`, or drop --scheduler "
                                "to start workers here") from None
        with client:
            yield client
        return

    import dask

    # ":0": any free port, so two clusters on one machine do not warn about 8787.
    # Shutting down races the workers' heartbeats, which log tracebacks a user need not see;
    # a worker that really fails shows up as its files' failures. The workers' sampling
    # profiler (for a dashboard nobody opens here) took ~7% of their CPU: off.
    with dask.config.set({"distributed.worker.profile.enabled": False}):
        cluster = LocalCluster(n_workers=workers or default_workers(reserve), threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=logging.CRITICAL)
    try:
        with Client(cluster) as client:
            yield client
    finally:
        cluster.close()
