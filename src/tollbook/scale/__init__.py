"""Scale-out: the same extraction and ingest, spread over Dask worker processes or machines.

    >>> from tollbook.scale import open_client, extract_paths, ingest_paths
    >>> from tollbook.ledger import open_ledger
    >>> with open_client(workers=2) as client, open_ledger("tollbook.db") as ledger:   # doctest: +SKIP
    ...     summary = ingest_paths(ledger, client, ["reports/"])
    ...     print(summary.line())

Workers read the files themselves, so with `open_client(scheduler=...)` they must
see the same paths as the client (a shared file system).
"""

from __future__ import annotations

from tollbook.scale.cluster import default_workers, open_client
from tollbook.scale.extract import Extracted, Plan, extract_paths, plan_partitions
from tollbook.scale.ingest import ingest_paths

__all__ = ["Extracted", "Plan", "default_workers", "extract_paths", "ingest_paths", "open_client", "plan_partitions"]
