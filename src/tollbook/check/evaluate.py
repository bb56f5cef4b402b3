"""Score `tollbook check` against a gold set (tests/gold/check by default).

A gold case is NNN_slug.txt (the report) beside NNN_slug.json with `published` and
`expected`: [{rule, headline_text, body_text}]. A predicted finding matches an
expected one when the rule is equal, the headline_text span overlaps the finding's
headline span, and (when given) the body_text span overlaps one of its body spans.
`headline_text` is found in the headline and summary part (for cross_claim_tension,
whose two figures are both in the body, in the body); `body_text` at its first
occurrence in the body. Each expected finding is matched at most once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tollbook.check.findings import RULES, Finding
from tollbook.check.rules import check_document
from tollbook.model import Document

DEFAULT_GOLD = "tests/gold/check"


@dataclass(frozen=True, slots=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass(slots=True)
class CheckReport:
    """What the evaluation measured: per rule and overall scores, and every miss and false alarm."""

    cases: int = 0
    per_rule: dict[str, Score] = field(default_factory=dict)
    overall: Score = field(default_factory=lambda: Score(0, 0, 0))
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"cases": self.cases, "overall": self.overall.to_dict(),
                "per_rule": {r: s.to_dict() for r, s in self.per_rule.items()},
                "misses": self.misses, "false_positives": self.false_positives}


def _span(text: str, needle: str, start: int, end: int) -> tuple[int, int] | None:
    i = text.find(needle, start, end)
    return (i, i + len(needle)) if i >= 0 else None


def _body_start(doc: Document) -> int:
    return next((s for s, _, name in doc.sections if name == "body"), len(doc.text))


def _hits(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_case(doc: Document, expected: list[dict[str, Any]], findings: list[Finding]) -> tuple[list[tuple[dict, Finding]], list[dict], list[Finding]]:
    """(matched pairs, missed expectations, unmatched findings) for one case."""
    body = _body_start(doc)
    used: set[int] = set()
    matched, missed = [], []
    for exp in expected:
        if exp["rule"] == "cross_claim_tension":
            h_span = _span(doc.text, exp["headline_text"], body, len(doc.text))
        else:
            h_span = _span(doc.text, exp["headline_text"], 0, body)
        b_span = _span(doc.text, exp["body_text"], body, len(doc.text)) if exp.get("body_text") else None
        hit = None
        for i, f in enumerate(findings):
            if i in used or f.rule != exp["rule"] or h_span is None or not _hits(h_span, f.headline_span):
                continue
            if b_span is not None and not any(_hits(b_span, s) for s in f.body_spans):
                continue
            hit = i
            break
        if hit is None:
            missed.append(exp)
        else:
            used.add(hit)
            matched.append((exp, findings[hit]))
    extra = [f for i, f in enumerate(findings) if i not in used]
    return matched, missed, extra


def evaluate_check(gold_dir: str | Path = DEFAULT_GOLD) -> CheckReport:
    """Per-rule and overall precision/recall/F1 of `check_document` on a gold directory."""
    from tollbook.extract.pipeline import extract_document
    from tollbook.read import read_paths

    gold = Path(gold_dir)
    if not gold.is_dir():
        from tollbook.errors import UsageError

        raise UsageError(f"{gold}: no such gold directory")
    counts = {r: [0, 0, 0] for r in RULES}
    report = CheckReport()
    for txt in sorted(gold.glob("*.txt")):
        meta_path = txt.with_suffix(".json")
        if not meta_path.is_file():
            continue
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        doc = next(iter(read_paths([str(txt)], published=meta.get("published"))))
        if not isinstance(doc, Document):
            continue
        report.cases += 1
        findings = check_document(doc, extract_document(doc), tensions=True)  # the gold marks tensions too
        matched, missed, extra = match_case(doc, meta.get("expected", []), findings)
        for exp, _ in matched:
            counts.setdefault(exp["rule"], [0, 0, 0])[0] += 1
        for exp in missed:
            counts.setdefault(exp["rule"], [0, 0, 0])[2] += 1
            report.misses.append({"case": txt.name, **exp})
        for f in extra:
            counts.setdefault(f.rule, [0, 0, 0])[1] += 1
            report.false_positives.append({"case": txt.name, "rule": f.rule, "headline_text": f.headline_claim.value_text,
                                           "body_text": [c.value_text for c in f.body_claims],
                                           "explanation": f.explanation})
    report.per_rule = {r: Score(*c) for r, c in counts.items()}
    report.overall = Score(*(sum(c[i] for c in counts.values()) for i in range(3)))
    return report


def print_check_report(report: CheckReport, *, json_: bool = False, misses: int = 30) -> None:
    """The report as JSON, or as a score table then the misses and false alarms (for `tollbook eval --check`)."""
    import json
    import sys

    if json_:
        sys.stdout.write(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n")
        return
    from rich.console import Console

    from tollbook.output import Format, write_rows

    rows = [{"rule": r, **s.to_dict()} for r, s in report.per_rule.items()] + [{"rule": "overall", **report.overall.to_dict()}]
    write_rows(rows, Format.table, title=f"tollbook check on {report.cases} gold cases")
    console = Console()
    listed = 0
    for m in report.misses:
        if listed >= misses:
            break
        console.print(f"[red]missed[/] {m['case']}: {m['rule']} {m['headline_text']!r} vs {m.get('body_text')!r}", highlight=False)
        listed += 1
    for m in report.false_positives:
        if listed >= misses:
            break
        console.print(f"[yellow]false alarm[/] {m['case']}: {m['rule']}: {m['explanation']}", highlight=False)
        listed += 1
