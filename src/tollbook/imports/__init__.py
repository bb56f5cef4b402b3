"""Structured data into the ledger: UCDP GED rows and dated series (CSV or JSON).

Every imported row becomes a Document whose text states the row in words
("General Staff of the Armed Forces of Ukraine: Russian forces casualties about 2,800
as of 2022-02-25.") and Claims whose offsets point into that text, so an imported
figure is quoted and traced exactly like one read from an article.

    >>> from tollbook.imports import import_file
    >>> report = import_file("ucdp.csv", "ucdp", ledger)        # doctest: +SKIP
    >>> report.line()                                            # doctest: +SKIP
    '3973 rows: 3973 documents new, 0 already present; 3973 claims; 31 data faults'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from tollbook.errors import UsageError
from tollbook.model import Claim, Document, SourceRef, claim_id, document_id

ImportFormat = Literal["ucdp", "series"]
IMPORT_FORMATS: tuple[str, ...] = ImportFormat.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class DataFault:
    """A row whose data contradicts itself; it is imported with the fault repaired and recorded."""

    row: str
    reason: str


@dataclass(frozen=True, slots=True)
class ImportedRow:
    """One row as a document and the claims read from it."""

    doc: Document
    claims: tuple[Claim, ...]
    faults: tuple[DataFault, ...] = ()


@dataclass
class ImportReport:
    """Totals of one import; `faults` lists every data fault met."""

    path: str
    rows: int = 0
    documents_new: int = 0
    documents_present: int = 0
    claims: int = 0
    faults: list[DataFault] = field(default_factory=list)
    skipped: list[DataFault] = field(default_factory=list)  # rows with no figure at all

    def line(self) -> str:
        return (f"{self.rows} rows: {self.documents_new} documents new, {self.documents_present} already present; "
                f"{self.claims} claims; {len(self.faults)} data faults; {len(self.skipped)} rows without a figure")


class RowText:
    """Builds a row's synthetic text and remembers where each value went."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0

    def add(self, text: str) -> tuple[int, int]:
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        return start, self._length

    @property
    def text(self) -> str:
        return "".join(self._parts)


def number_text(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def build_claim(doc: Document, start: int, end: int, *, measure: str, low: float | None, best: float | None,
                high: float | None, qualifier: str, actor: str | None, actor_country: str | None,
                unit: str = "personnel", place: str | None = None, place_code: str | None = None,
                place_text: str | None = None,
                date_start: str | None = None, date_end: str | None = None, date_text: str | None = None,
                source: str | None = None, sources: Iterable[SourceRef] = (), modality: str = "reported",
                quote: str | None = None) -> Claim:
    """A claim on the span [start, end) of an imported row's text."""
    value_text = doc.text[start:end]
    return Claim(
        claim_id=claim_id(doc.doc_id, start, end, measure), doc_id=doc.doc_id, section=doc.section_at(start),
        measure=measure, measure_text=measure, ambiguous_measure=False, unit=unit, actor=actor,
        actor_country=actor_country, actor_text=actor, place=place, place_code=place_code,
        place_text=place_text if place_text is not None else place,
        low=low, best=best, high=high, qualifier=qualifier, value_text=value_text,
        date_start=date_start, date_end=date_end, date_text=date_text, source=source, sources=tuple(sources),
        confidence_term=None, p_low=None, p_high=None, modality=modality, derived_from=None,
        quote=quote if quote is not None else _line_at(doc.text, start), start=start, end=end,
    )


def _line_at(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start:end if end >= 0 else len(text)]


def synthetic_document(text: str, *, outlet: str | None, published: str | None, path: str | None) -> Document:
    """A row's document: its first line is the headline, the rest the body (set here, not guessed,
    because a row's lines do not look like a page's)."""
    first_end = text.find("\n")
    first_end = len(text) if first_end < 0 else first_end + 1
    sections = ((0, first_end, "headline"), (first_end, len(text), "body")) if first_end < len(text) \
        else ((0, len(text), "body"),)
    return Document(doc_id=document_id(text), text=text, title=text[:first_end].strip() or None, outlet=outlet,
                    published=published, published_from="metadata" if published else None, path=path,
                    sections=sections)


def read_rows(path: str | Path, fmt: str, *, source: str | None = None, measure: str | None = None,
              actor: str | None = None, place: str | None = None) -> Iterator[ImportedRow]:
    """The documents and claims of a file, row by row (nothing stored)."""
    p = Path(path)
    if not p.is_file():
        raise UsageError(f"{path}: no such file; give a UCDP GED CSV or a series CSV/JSON")
    if fmt == "ucdp":
        from tollbook.imports.ucdp import read_ucdp

        return read_ucdp(p, source=source)
    if fmt == "series":
        from tollbook.imports.series import read_series

        return read_series(p, source=source, measure=measure, actor=actor, place=place)
    raise UsageError(f"unknown import format {fmt!r}; choose from {', '.join(IMPORT_FORMATS)}")


def import_rows(ledger: Any, rows: Iterable[ImportedRow], report: ImportReport) -> ImportReport:
    """Store rows with `Ledger.add`; a row already stored counts as present, not as an error.

    The stored series and findings of every actor the new claims name are recomputed at the
    end, as after an ingest run."""
    from tollbook.reconcile.store import refresh_actors

    touched: set[str | None] = set()
    for row in rows:
        report.rows += 1
        report.faults.extend(row.faults)
        if not row.claims:
            report.skipped.append(DataFault(row.doc.path or row.doc.doc_id, "no figure in this row"))
        if ledger.add(row.doc, list(row.claims)):
            report.documents_new += 1
            report.claims += len(row.claims)
            touched.update(claim.actor for claim in row.claims)
        else:
            report.documents_present += 1
    if touched:
        refresh_actors(ledger.engine, touched)
    return report


def import_file(path: str | Path, fmt: str, ledger: Any, *, source: str | None = None,
                measure: str | None = None, actor: str | None = None, place: str | None = None) -> ImportReport:
    """Import a UCDP GED CSV (`fmt="ucdp"`) or a dated series (`fmt="series"`) into a ledger."""
    rows = read_rows(path, fmt, source=source, measure=measure, actor=actor, place=place)
    return import_rows(ledger, rows, ImportReport(path=str(path)))


__all__ = ["IMPORT_FORMATS", "DataFault", "ImportReport", "ImportedRow", "import_file", "import_rows", "read_rows"]
