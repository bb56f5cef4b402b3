"""Reconciliation: series, findings and fused estimates across sources.

Everything here reads plain records (a list of dicts or a DataFrame with the Claim
fields plus `published_at`, `outlet`, `cluster_id`), so it works on `Ledger.claims()`
and on claims built in memory alike.

    >>> from tollbook.reconcile import build_series, find_findings, fuse
    >>> records = ledger.claims(actor="North Korean forces")      # doctest: +SKIP
    >>> [f.kind for f in find_findings(records)]                   # doctest: +SKIP
    ['scope_mismatch', 'disagreement']
"""

from __future__ import annotations

from tollbook.reconcile.findings import (
    FINDING_KINDS,
    Finding,
    ReconcileConfig,
    Span,
    adversary_conflict,
    find_findings,
    load_config,
)
from tollbook.reconcile.fusion import PERIODS, Estimate, fuse
from tollbook.reconcile.series import (
    ClaimGroup,
    Series,
    SeriesKey,
    build_series,
    group_claims,
    measure_family,
    normalise_records,
    place_parent,
    rollups,
    series_of,
)

__all__ = [
    "FINDING_KINDS", "PERIODS", "ClaimGroup", "Estimate", "Finding", "ReconcileConfig", "Series", "SeriesKey",
    "Span", "adversary_conflict", "build_series", "find_findings", "fuse", "group_claims", "load_config",
    "measure_family", "normalise_records", "place_parent", "rollups", "series_of",
]
