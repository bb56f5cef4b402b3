"""The accuracy harness: extracted claims against a hand-written gold set, field by field.

A gold case is `NNN_slug.txt` + `NNN_slug.json` ({"published", "outlet", "claims": [...]},
see tests/gold/extract/README.md). A gold claim is located by its `value_text` and
`occurrence`; an extracted claim matches it when their spans overlap (same measure
preferred). Per field, a true positive is a matched pair that agrees on that field,
so precision = TP / extracted claims and recall = TP / gold claims: a field is only
right where the claim was also found.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tollbook.extract.pipeline import extract_document
from tollbook.model import Claim
from tollbook.read import make_document

FIELDS = ("value", "measure", "unit", "actor", "place", "date", "source", "confidence", "modality", "derived_from")


@dataclass
class FieldScore:
    tp: int = 0

    def scores(self, n_pred: int, n_gold: int) -> tuple[float, float, float]:
        p = self.tp / n_pred if n_pred else 1.0
        r = self.tp / n_gold if n_gold else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Report:
    cases: int = 0
    n_gold: int = 0
    n_pred: int = 0
    matched: int = 0
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in FIELDS})
    misses: list[dict[str, Any]] = field(default_factory=list)

    def table(self) -> list[dict[str, Any]]:
        """One row per field plus detection and the micro-average over fields."""
        rows = []
        det = FieldScore(self.matched).scores(self.n_pred, self.n_gold)
        rows.append({"field": "detection", "precision": det[0], "recall": det[1], "f1": det[2]})
        for name, fs in self.fields.items():
            p, r, f = fs.scores(self.n_pred, self.n_gold)
            rows.append({"field": name, "precision": p, "recall": r, "f1": f})
        tp = sum(fs.tp for fs in self.fields.values())
        k = len(self.fields)
        p, r, f = FieldScore(tp).scores(self.n_pred * k, self.n_gold * k)
        rows.append({"field": "overall", "precision": p, "recall": r, "f1": f})
        return [{**row, **{m: round(row[m], 3) for m in ("precision", "recall", "f1")}} for row in rows]

    def f1(self, name: str) -> float:
        return next(r["f1"] for r in self.table() if r["field"] == name)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= max(0.011, abs(b) * 0.005)


def _span(text: str, value_text: str, occurrence: int) -> tuple[int, int] | None:
    pos = -1
    for _ in range(max(1, occurrence)):
        pos = text.find(value_text, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(value_text)


def _agree(name: str, gold: dict[str, Any], pred: Claim, by_id: dict[str, Claim]) -> bool:
    if name == "value":
        return gold["qualifier"] == pred.qualifier and all(
            _close(pred_v, gold[k]) for k, pred_v in (("low", pred.low), ("best", pred.best), ("high", pred.high)))
    if name == "measure":
        return gold["measure"] == pred.measure
    if name == "unit":
        return gold.get("unit") == pred.unit
    if name == "actor":
        return gold.get("actor") == pred.actor
    if name == "place":
        return gold.get("place_code") == pred.place_code
    if name == "date":
        return (gold.get("date_start"), gold.get("date_end")) == (pred.date_start, pred.date_end)
    if name == "source":
        return gold.get("source") == pred.source
    if name == "confidence":
        return gold.get("confidence_term") == pred.confidence_term
    if name == "modality":
        return gold.get("modality") == pred.modality
    want = gold.get("derived_from")
    base = by_id.get(pred.derived_from) if pred.derived_from else None
    if want is None or base is None:
        return want is None and base is None
    return want.get("measure") == base.measure and _close(base.best, want.get("best"))


def _pred_row(c: Claim) -> dict[str, Any]:
    return {"value_text": c.value_text, "measure": c.measure, "unit": c.unit, "actor": c.actor, "place_code": c.place_code,
            "low": c.low, "best": c.best, "high": c.high, "qualifier": c.qualifier, "date_start": c.date_start,
            "date_end": c.date_end, "source": c.source, "confidence_term": c.confidence_term, "modality": c.modality}


def evaluate_case(txt: Path, report: Report) -> None:
    """Score one gold case into the report."""
    spec = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    text = txt.read_text(encoding="utf-8")
    doc = make_document(text, published=spec.get("published"), outlet=spec.get("outlet"),
                        published_from="argument" if spec.get("published") else None)
    pred = extract_document(doc)
    by_id = {c.claim_id: c for c in pred}
    report.cases += 1
    report.n_pred += len(pred)
    report.n_gold += len(spec["claims"])
    used: set[str] = set()
    for gold in spec["claims"]:
        span = _span(doc.text, gold["value_text"], gold.get("occurrence", 1))
        candidates = [c for c in pred if span and c.claim_id not in used and c.start < span[1] and span[0] < c.end]
        candidates.sort(key=lambda c: (c.measure != gold["measure"], abs(c.start - span[0]) if span else 0))
        if not candidates:
            report.misses.append({"case": txt.name, "kind": "missed", "gold": gold})
            continue
        c = candidates[0]
        used.add(c.claim_id)
        report.matched += 1
        wrong = []
        for name in FIELDS:
            if _agree(name, gold, c, by_id):
                report.fields[name].tp += 1
            else:
                wrong.append(name)
        if wrong:
            report.misses.append({"case": txt.name, "kind": "wrong", "fields": wrong, "gold": gold, "got": _pred_row(c)})
    for c in pred:
        if c.claim_id not in used:
            report.misses.append({"case": txt.name, "kind": "spurious", "got": _pred_row(c)})


def evaluate(gold_dir: str | Path) -> Report:
    """Score every case in a gold directory."""
    report = Report()
    for txt in _cases(Path(gold_dir)):
        evaluate_case(txt, report)
    return report


def _cases(gold_dir: Path) -> Iterable[Path]:
    return sorted(p for p in gold_dir.glob("*.txt") if p.with_suffix(".json").is_file())
