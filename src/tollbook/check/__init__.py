"""Checks: does a report's headline and summary say what its body says?

    >>> from tollbook.check import check_text
    >>> [f.rule for f in check_text("Over 40 soldiers killed\\n\\nThe army said 40 soldiers were killed.")]
    ['qualifier_changed']

`check_document` compares every headline and summary claim with the body claim it is
about (`pairing`) under the rules in `rules`; `brief` writes key points from claims;
`evaluate` scores the checks against the gold set in tests/gold/check.
"""

from __future__ import annotations

from tollbook.check.findings import RULES, SEVERITIES, Finding
from tollbook.check.rules import check_document
from tollbook.model import Document

__all__ = ["Finding", "RULES", "SEVERITIES", "check_document", "check_text"]


def check_text(text: str, *, published: str | None = None, outlet: str | None = None,
               tensions: bool = False) -> list[Finding]:
    """Findings for one report given as text (first line the headline); `tensions` as in `check_document`."""
    from tollbook.read import make_document

    doc: Document = make_document(text, outlet=outlet, published=published,
                                  published_from="argument" if published else None)
    return check_document(doc, tensions=tensions)
