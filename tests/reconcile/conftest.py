"""Fixtures of the reconciliation tests. Small ledgers: real Claims in real Documents.

`make_pair` writes a one-sentence document holding the figure and the Claim read from
it (offsets into that text). `stored(pairs)` returns the records the rules read: from a
real SQLite ledger file when `tollbook.ledger` is available, else the same records
built in memory (Claim.to_dict() plus published_at, outlet, cluster_id).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from tollbook.model import Claim, Document, SourceRef, claim_id
from tollbook.read import make_document

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

Pair = tuple[Document, Claim]


def _number(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"


def make_pair(best: float, *, measure: str = "killed", actor: str = "Russian forces", actor_country: str = "RUS",
              source: str = "UK Ministry of Defence", source_kind: str = "ministry", outlet: str = "Reuters",
              published: str = "2025-01-10", low: float | None = ..., high: float | None = ...,
              qualifier: str = "exact", unit: str = "personnel", place: str | None = "Russia",
              place_code: str | None = "RUS", date_start: str | None = None, date_end: str | None = ...,
              note: str = "") -> Pair:
    """One document saying `source said N actor were measure`, and its claim."""
    value_text = _number(best)
    text = f"{source} said {value_text} {actor} were {measure} in {place or 'the war'}.{note}"
    doc = make_document(text, outlet=outlet, published=published, published_from="argument")
    start = text.index(value_text)
    end = start + len(value_text)
    chain = [SourceRef(source, source_kind, source)] if source != outlet else []
    chain.append(SourceRef(outlet, "outlet", None))
    claim = Claim(
        claim_id=claim_id(doc.doc_id, start, end, measure), doc_id=doc.doc_id, section="body",
        measure=measure, measure_text=measure, ambiguous_measure=False, unit=unit, actor=actor,
        actor_country=actor_country, actor_text=actor, place=place, place_code=place_code, place_text=place,
        low=best if low is ... else low, best=best, high=best if high is ... else high,
        qualifier=qualifier, value_text=value_text, date_start=date_start,
        date_end=published if date_end is ... else date_end, date_text=None, source=source,
        sources=tuple(chain), confidence_term=None, p_low=None, p_high=None, modality="reported",
        derived_from=None, quote=text, start=start, end=end,
    )
    return doc, claim


def as_records(pairs: Sequence[Pair], clusters: Sequence[str | None] | None = None) -> list[dict[str, Any]]:
    """The in-memory form of a ledger: Claim fields plus the document columns."""
    out = []
    for i, (doc, claim) in enumerate(pairs):
        out.append({**claim.to_dict(), "published_at": doc.published, "outlet": doc.outlet, "url": doc.url,
                    "title": doc.title, "cluster_id": (clusters[i] if clusters else None) or doc.doc_id})
    return out


def ledger_available() -> bool:
    if importlib.util.find_spec("tollbook.ledger") is None:
        return False
    import tollbook.ledger as ledger

    return hasattr(ledger, "open_ledger")


@pytest.fixture
def stored(tmp_path: Path) -> Callable[[Sequence[Pair]], Any]:
    """Store pairs in a real SQLite ledger (when it exists) and read the claims back."""
    def store(pairs: Sequence[Pair]) -> Any:
        if not ledger_available():
            return as_records(pairs)
        from tollbook.ledger import open_ledger

        with open_ledger(str(tmp_path / "ledger.db")) as ledger:
            by_doc: dict[str, tuple[Document, list[Claim]]] = {}
            for doc, claim in pairs:
                by_doc.setdefault(doc.doc_id, (doc, []))[1].append(claim)
            for doc, claims in by_doc.values():
                ledger.add(doc, claims)
            return ledger.claims()
    return store


def corpus_file(*parts: str) -> Path:
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared corpus file {path} is absent; these tests read real data from ../shared/corpus")
    return path


# The helpers as fixtures: with pytest's importlib import mode, test modules cannot import
# this file, so they ask for what they need by name.
@pytest.fixture(name="make_pair")
def _make_pair_fixture() -> Callable[..., Pair]:
    return make_pair


@pytest.fixture(name="as_records")
def _as_records_fixture() -> Callable[..., list[dict[str, Any]]]:
    return as_records


@pytest.fixture(name="corpus_file")
def _corpus_file_fixture() -> Callable[..., Path]:
    return corpus_file


@pytest.fixture(name="needs_ledger")
def _needs_ledger() -> None:
    if not ledger_available():
        pytest.skip("tollbook.ledger is not available yet")
