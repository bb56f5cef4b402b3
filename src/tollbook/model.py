"""The public contract: the records tollbook reads and writes.

A `Claim` is one quantitative statement found in one document. Its JSON form is
flat (one object, scalar fields plus the `sources` list) so it loads into a
spreadsheet, a DataFrame or a SQL table without reshaping. `claim_json_schema()`
publishes it as JSON Schema; `schema/claim.schema.json` in the repository is that
output and a test keeps the two equal.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

from tollbook.lexicons.measures import measure_names_text

Section = Literal["headline", "summary", "body"]
Qualifier = Literal[
    "exact", "approximately", "more_than", "at_least", "at_most", "less_than", "nearly", "range", "vague"
]
Modality = Literal["reported", "estimated", "forecast", "denied", "hypothetical"]
Measure = Literal[
    "killed", "wounded", "casualties", "missing", "captured", "deployed", "strength",
    "destroyed", "damaged", "displaced",
]
SourceKind = Literal[
    "ministry", "military", "intelligence", "government", "international", "ngo",
    "official", "person", "media", "outlet", "anonymous",
]

MEASURES: tuple[str, ...] = Measure.__args__  # type: ignore[attr-defined]
QUALIFIERS: tuple[str, ...] = Qualifier.__args__  # type: ignore[attr-defined]
MODALITIES: tuple[str, ...] = Modality.__args__  # type: ignore[attr-defined]
SECTIONS: tuple[str, ...] = Section.__args__  # type: ignore[attr-defined]

PERSONNEL = "personnel"


@dataclass(frozen=True, slots=True)
class SourceRef:
    """One link of an attribution chain: who said it, what kind of body, the words naming it."""

    name: str
    kind: SourceKind
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One figure about people or equipment, with its scope and its evidence.

    `low`/`best`/`high` is an interval; `None` means unbounded on that side
    ("more than 4,000" has no high). `start`/`end` are character offsets into the
    document text as read, and `text[start:end]` contains the value.
    """

    claim_id: str
    doc_id: str
    section: Section
    measure: Measure | None
    measure_text: str | None
    ambiguous_measure: bool
    unit: str | None
    actor: str | None
    actor_country: str | None
    actor_text: str | None
    place: str | None
    place_code: str | None
    place_text: str | None
    low: float | None
    best: float | None
    high: float | None
    qualifier: Qualifier
    value_text: str
    date_start: str | None
    date_end: str | None
    date_text: str | None
    source: str | None
    sources: tuple[SourceRef, ...]
    confidence_term: str | None
    p_low: float | None
    p_high: float | None
    modality: Modality
    derived_from: str | None
    quote: str
    start: int
    end: int
    hedge: str | None = None
    fraction: float | None = None
    attribution: Literal["explicit", "carried", "body", "outlet"] | None = None
    language: str = "en"

    def to_dict(self) -> dict[str, Any]:
        """The flat JSON form (sources as a list of objects)."""
        d = asdict(self)
        d["sources"] = [asdict(s) for s in self.sources]
        return d


CLAIM_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Claim))


@dataclass(frozen=True, slots=True)
class Document:
    """A document as read: its text and what is known about where it came from."""

    doc_id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date or datetime
    published_from: str | None = None  # "argument", "metadata", "text", or None
    path: str | None = None
    language: str = "en"
    raw_sha256: str | None = None
    sections: tuple[tuple[int, int, Section], ...] = field(default_factory=tuple)

    def section_at(self, offset: int) -> Section:
        """The section holding a character offset; body when the reader marked none."""
        for start, end, name in self.sections:
            if start <= offset < end:
                return name
        return "body"


def normalise_text(text: str) -> str:
    """NFC, one space between words: two copies differing only in layout hash alike."""
    return " ".join(unicodedata.normalize("NFC", text).split())


_UNBROKEN = re.compile(r"\S*")


def text_blocks(text: str, size: int = 1_000_000) -> Iterator[str]:
    """The text in slices of about `size` characters, each cut before a whitespace character,
    so that a word-by-word pass over a long document holds one slice's words, not all of them."""
    start = 0
    while start < len(text):
        end = _UNBROKEN.match(text, min(start + size, len(text))).end()
        yield text[start:end]
        start = end


def country_of_code(code: str | None) -> str | None:
    """ISO alpha-3 country of a place code (the claim's `place_code`): "RU-KRS" -> "RUS", "UKR" -> "UKR",
    "PS-GAZA" -> "PSE"."""
    if not code:
        return None
    code = code.upper()
    if "-" not in code:
        return code if len(code) == 3 else None
    import pycountry  # only for a region's code: a country's needs no look-up

    found = pycountry.countries.get(alpha_2=code.split("-", 1)[0])
    return found.alpha_3 if found else None


def document_id(text: str) -> str:
    """Stable id of a document: a hash of its normalised text (`normalise_text`, slice by slice)."""
    digest = hashlib.sha256()
    joiner = b""
    for block in text_blocks(text):
        words = unicodedata.normalize("NFC", block).split()
        if words:
            digest.update(joiner + " ".join(words).encode("utf-8"))
            joiner = b" "
    return digest.hexdigest()[:16]


def claim_id(doc_id: str, start: int, end: int, measure: str | None) -> str:
    """Stable id of a claim: the same document, span and measure give the same id."""
    key = f"{doc_id}:{start}:{end}:{measure}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


# What each field means, in one place: the JSON Schema's descriptions and the ledger's
# column comments (tollbook.ledger.schema) both read this table.
CLAIM_FIELD_DESCRIPTIONS: dict[str, str] = {
    "claim_id": "Hash of document, span and measure (tollbook.model.claim_id).",
    "doc_id": "The document the claim was read from: a hash of its normalised text (tollbook.model.document_id).",
    "section": "headline, summary or body.",
    "measure": f"{measure_names_text()}.",  # from the measure registry, measures.toml
    "measure_text": "The words that gave the measure.",
    "ambiguous_measure": "True for words such as 'eliminated' that do not say killed or wounded.",
    "unit": "personnel, or the kind of equipment (tank, aircraft, drone ...).",
    "actor": "Canonical name of whose losses or troops the figure counts.",
    "actor_country": "ISO 3166-1 alpha-3 country of the actor.",
    "actor_text": "The words that named the actor.",
    "place": "Readable name of where.",
    "place_code": "ISO 3166-2 region code, ISO 3166-1 alpha-3 country code, or PS-GAZA.",
    "place_text": "The words that named the place.",
    "low": "Lowest value the wording allows; empty when unbounded.",
    "best": "Best single value.",
    "high": "Highest value the wording allows; empty when unbounded ('more than').",
    "qualifier": "exact, approximately, nearly, more_than, at_least, at_most, less_than, range or vague.",
    "value_text": "The words that gave the value.",
    "date_start": "First day of the period the figure covers; empty when open (cumulative totals).",
    "date_end": "Last day of the period the figure covers (the publication date when the text gives none).",
    "date_text": "The words that gave the period.",
    "source": "Canonical originator of the figure.",
    "sources": "Attribution chain from originator to outlet: a list of {name, kind, text}.",
    "confidence_term": "Probability yardstick term (UK PHIA / US ICD 203), e.g. 'almost certainly'.",
    "p_low": "Lower probability of the yardstick term.",
    "p_high": "Upper probability of the yardstick term.",
    "modality": "reported, estimated, forecast, denied or hypothetical.",
    "derived_from": "claim_id of the claim a fraction or 'of these' is taken from.",
    "quote": "The sentence holding the claim.",
    "start": "Offset of the claim's first character in the document text.",
    "end": "Offset just past the claim's last character in the document text.",
    "hedge": "Hedge without a yardstick term, e.g. 'reportedly'.",
    "fraction": "The fraction of a base a derived claim takes (0.25 for 'a quarter').",
    "attribution": "How the source was found: explicit (named in the sentence), carried (from an earlier "
                   "sentence), body (a headline or summary figure the body gives with its claimant) or outlet (no cue).",
    "language": "ISO 639-1 code of the language the claim was read in: the document's, or its paragraph's in a "
                "mixed document.",
}
SOURCE_FIELD_DESCRIPTIONS: dict[str, str] = {
    "name": "Canonical name of the body, person or outlet.",
    "kind": "What kind of body it is: ministry, military, intelligence, government, international, ngo, "
            "official, person, media, outlet or anonymous.",
    "text": "The words that named it in the document, when it was named.",
}
DATE_FIELDS: tuple[str, ...] = ("date_start", "date_end")
SCHEMA_BASE = "https://tollbook.invalid/schema/"


def _describe(properties: dict[str, Any], descriptions: dict[str, str]) -> None:
    for name, prop in properties.items():
        prop["description"] = descriptions[name]


def claim_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of one claim's JSON form.

    The fields sit in `$defs/Claim`, open to extension, and the document closes them with
    `unevaluatedProperties: false`: a record with an unknown field fails here, while a
    schema that adds fields (schema/ledger_record.schema.json) can still build on them.
    """
    from pydantic import TypeAdapter

    claim = TypeAdapter(Claim).json_schema()
    defs = claim.pop("$defs")
    _describe(claim["properties"], CLAIM_FIELD_DESCRIPTIONS)
    _describe(defs["SourceRef"]["properties"], SOURCE_FIELD_DESCRIPTIONS)
    for name in DATE_FIELDS:
        for option in claim["properties"][name]["anyOf"]:
            if option.get("type") == "string":
                option["format"] = "date"
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE}claim.schema.json",
        "title": "tollbook claim",
        "description": claim.pop("description"),
        "$defs": {**defs, "Claim": claim},
        "$ref": "#/$defs/Claim",
        "unevaluatedProperties": False,
    }


def schema_text(schema: dict[str, Any] | None = None) -> str:
    """A schema as the repository stores it (the claim schema by default)."""
    return json.dumps(claim_json_schema() if schema is None else schema, indent=2, sort_keys=True) + "\n"
