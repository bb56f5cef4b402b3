"""The Finding record: one place where a headline or summary says something its body does not.

A finding names the rule that fired, how much it matters, one sentence a reader
understands, and the claims on both sides with their character spans, so a reader
(or a scorer) can put the two passages side by side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from tollbook.model import Claim

Severity = Literal["low", "medium", "high"]
SEVERITIES: tuple[str, ...] = ("low", "medium", "high")

RULES: tuple[str, ...] = (
    "number_changed", "rounding", "qualifier_changed", "measure_changed", "attribution_changed",
    "confidence_dropped", "scope_changed", "arithmetic", "cross_claim_tension",
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One disagreement between a headline/summary claim and the body (or between two body claims).

    For `cross_claim_tension` and the body's own `arithmetic` findings, `headline_claim`
    is the first body claim of the pair: the field names the claim being checked.
    """

    rule: str
    severity: Severity
    explanation: str
    headline_claim: Claim
    body_claims: tuple[Claim, ...]

    @property
    def headline_span(self) -> tuple[int, int]:
        return (self.headline_claim.start, self.headline_claim.end)

    @property
    def body_spans(self) -> tuple[tuple[int, int], ...]:
        return tuple((c.start, c.end) for c in self.body_claims)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form `tollbook check --json` prints."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "explanation": self.explanation,
            "headline_claim": self.headline_claim.to_dict(),
            "body_claims": [c.to_dict() for c in self.body_claims],
            "headline_span": list(self.headline_span),
            "body_spans": [list(s) for s in self.body_spans],
        }


def at_least(severity: str, minimum: str) -> bool:
    """True when `severity` is `minimum` or worse: at_least("high", "medium") -> True."""
    return SEVERITIES.index(severity) >= SEVERITIES.index(minimum)
