"""Builders shared by the ledger tests: documents, claims, the real CLI in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from tollbook.model import Claim, Document, SourceRef, claim_id
from tollbook.read import make_document

CLI = [sys.executable, "-c", "import sys; from tollbook.cli import main; sys.argv[0] = 'tollbook'; main()"]


def doc_with(text: str, **meta) -> Document:
    return make_document(text, **meta)


def claim_in(doc: Document, value: str, measure: str = "killed", **fields) -> Claim:
    """A Claim on the first occurrence of `value` in the document, with plausible defaults."""
    start = doc.text.index(value)
    end = start + len(value)
    number = float(value.replace(",", "")) if value.replace(",", "").isdigit() else None
    base = Claim(
        claim_id=claim_id(doc.doc_id, start, end, measure), doc_id=doc.doc_id, section=doc.section_at(start),
        measure=measure, measure_text=measure, ambiguous_measure=False, unit="personnel",
        actor="Russian forces", actor_country="RUS", actor_text="Russian soldiers",
        place="Kursk Oblast", place_code="RU-KRS", place_text="Kursk region",
        low=number, best=number, high=number, qualifier="exact", value_text=value,
        date_start=None, date_end=None, date_text=None, source="Armed Forces of Ukraine",
        sources=(SourceRef("Armed Forces of Ukraine", "military", "the General Staff"),
                 SourceRef("Reuters", "outlet", None)),
        confidence_term=None, p_low=None, p_high=None, modality="reported", derived_from=None,
        quote=doc.text[max(0, start - 40):end + 40].strip(), start=start, end=end,
    )
    return replace(base, **fields)


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """The real `tollbook` command in a subprocess."""
    full_env = {k: v for k, v in os.environ.items() if k != "TOLLBOOK_DB"}
    full_env.update(env or {})
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd, env=full_env, timeout=timeout)
