"""The ledger's tables, in SQLAlchemy Core.

`claims` has one column per field of `tollbook.model.Claim`, named exactly like the
field (described by `tollbook.model.CLAIM_FIELD_DESCRIPTIONS`), plus the columns only
the ledger keeps (`LEDGER_ONLY_COLUMNS`): so a row and a claim's JSON form are the
same thing. Column comments are the one place the ledger's columns are described:
Datasette metadata, the Data Package descriptor and the ledger-record JSON Schema
(`ledger_record_json_schema`) read them from here.

Full-text search lives beside these tables, not in them (migration 0003): on SQLite,
FTS5 tables `claims_fts` (quotes) and `documents_fts` (document text) kept in step
by triggers; on PostgreSQL, a GIN index on the quote's tsvector.

The migrations in `migrations/versions/` create these tables; a test checks that a
migrated database and this module agree.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa

from tollbook.lexicons.measures import measure_names_text
from tollbook.model import CLAIM_FIELD_DESCRIPTIONS as DESCRIBED
from tollbook.model import SCHEMA_BASE, claim_json_schema

metadata = sa.MetaData()

# Columns of `claims` that are not fields of a Claim: the ledger adds them when storing.
LEDGER_ONLY_COLUMNS: tuple[str, ...] = ("extractor_version", "latitude", "longitude")

# Full-text search (created by migration 0003; see the module docstring).
CLAIMS_FTS = "claims_fts"
DOCUMENTS_FTS = "documents_fts"
SQLITE_FTS_TABLES: tuple[str, ...] = (CLAIMS_FTS, DOCUMENTS_FTS)
# PostgreSQL's text-search configuration; SQLite's FTS5 matches it with the porter stemmer.
TEXT_SEARCH_CONFIG = "english"
# PostgreSQL's GIN index on to_tsvector(TEXT_SEARCH_CONFIG, claims.quote).
PG_QUOTE_SEARCH_INDEX = "ix_claims_quote_search"

class Json(sa.types.TypeDecorator):
    """JSONB on PostgreSQL (indexable, compact); JSON text elsewhere.

    The PostgreSQL dialect is imported only when a PostgreSQL ledger is used: it brings
    asyncio and ssl, a tenth of a second that a SQLite listing command need not pay.
    """

    impl = sa.JSON
    cache_ok = True

    def load_dialect_impl(self, dialect: sa.Dialect) -> sa.types.TypeEngine[Any]:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import JSONB

            return dialect.type_descriptor(JSONB())
        return dialect.type_descriptor(sa.JSON())

# Codes are ASCII and matched by prefix as a range ("RU-" <= code < "RU."): byte order
# ("C" collation) on PostgreSQL, whatever the database's locale, so the range means
# the same as on SQLite and its index serves it.
PlaceCode = sa.String(16).with_variant(sa.String(16, collation="C"), "postgresql")


class UtcDateTime(sa.TypeDecorator):
    """A timezone-aware datetime stored as UTC.

    SQLite keeps no offset, so values go in as UTC and come back marked UTC; on
    PostgreSQL this is `timestamptz` and behaves the same.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: the ledger stores timezone-aware datetimes only")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


documents = sa.Table(
    "documents", metadata,
    sa.Column("doc_id", sa.String(64), primary_key=True, comment="Hash of the document's normalised text (tollbook.model.document_id)."),
    sa.Column("url", sa.Text, comment="Where the document was published, when known."),
    sa.Column("outlet", sa.Text, comment="The outlet that published it: the last link of every attribution chain."),
    sa.Column("title", sa.Text, comment="Headline: the HTML/feed title or the first line of the text."),
    sa.Column("published", sa.Text, comment="The publication date exactly as given (ISO date or datetime); the extractor's reference date."),
    sa.Column("published_at", UtcDateTime, comment="Publication date and time in UTC (midnight when only a date is known)."),
    sa.Column("published_from", sa.Text, comment="Where the publication date came from: argument, metadata or text."),
    sa.Column("captured_at", UtcDateTime, nullable=False, comment="When the ledger stored the document (UTC)."),
    sa.Column("language", sa.String(16), nullable=False, comment="Language of the text (BCP 47 tag)."),
    sa.Column("path", sa.Text, comment="The file (and entry or line) the document was read from."),
    sa.Column("text", sa.Text, nullable=False, comment="The text as read; claims' start/end offsets point into it."),
    sa.Column("raw_sha256", sa.String(64), comment="SHA-256 of the raw bytes read."),
    sa.Column("cluster_id", sa.String(64), comment="Syndication cluster: doc_id of the earliest copy of the same story."),
    sa.Column("extractor_version", sa.String(32), nullable=False, comment="Version of the extractor that produced the stored claims."),
    comment="One row per distinct text read into the ledger.",
)
sa.Index("ix_documents_published_at", documents.c.published_at)
sa.Index("ix_documents_cluster_id", documents.c.cluster_id)
sa.Index("ix_documents_extractor_version", documents.c.extractor_version)

claims = sa.Table(
    "claims", metadata,
    sa.Column("claim_id", sa.String(64), primary_key=True, comment=DESCRIBED["claim_id"]),
    sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False, comment=DESCRIBED["doc_id"]),
    sa.Column("section", sa.String(16), nullable=False, comment=DESCRIBED["section"]),
    sa.Column("measure", sa.String(32), comment=DESCRIBED["measure"]),
    sa.Column("measure_text", sa.Text, comment=DESCRIBED["measure_text"]),
    sa.Column("ambiguous_measure", sa.Boolean, nullable=False, comment=DESCRIBED["ambiguous_measure"]),
    sa.Column("unit", sa.Text, comment=DESCRIBED["unit"]),
    sa.Column("actor", sa.Text, comment=DESCRIBED["actor"]),
    sa.Column("actor_country", sa.String(8), comment=DESCRIBED["actor_country"]),
    sa.Column("actor_text", sa.Text, comment=DESCRIBED["actor_text"]),
    sa.Column("place", sa.Text, comment=DESCRIBED["place"]),
    sa.Column("place_code", PlaceCode, comment=DESCRIBED["place_code"]),
    sa.Column("place_text", sa.Text, comment=DESCRIBED["place_text"]),
    sa.Column("low", sa.Float, comment=DESCRIBED["low"]),
    sa.Column("best", sa.Float, comment=DESCRIBED["best"]),
    sa.Column("high", sa.Float, comment=DESCRIBED["high"]),
    sa.Column("qualifier", sa.String(16), nullable=False, comment=DESCRIBED["qualifier"]),
    sa.Column("value_text", sa.Text, nullable=False, comment=DESCRIBED["value_text"]),
    sa.Column("date_start", sa.Date, comment=DESCRIBED["date_start"]),
    sa.Column("date_end", sa.Date, comment=DESCRIBED["date_end"]),
    sa.Column("date_text", sa.Text, comment=DESCRIBED["date_text"]),
    sa.Column("source", sa.Text, comment=DESCRIBED["source"]),
    sa.Column("sources", Json, nullable=False, comment=DESCRIBED["sources"]),
    sa.Column("confidence_term", sa.Text, comment=DESCRIBED["confidence_term"]),
    sa.Column("p_low", sa.Float, comment=DESCRIBED["p_low"]),
    sa.Column("p_high", sa.Float, comment=DESCRIBED["p_high"]),
    sa.Column("modality", sa.String(16), nullable=False, comment=DESCRIBED["modality"]),
    sa.Column("derived_from", sa.String(64), comment=DESCRIBED["derived_from"]),
    sa.Column("quote", sa.Text, nullable=False, comment=DESCRIBED["quote"]),
    sa.Column("start", sa.Integer, nullable=False, comment=DESCRIBED["start"]),
    sa.Column("end", sa.Integer, nullable=False, comment=DESCRIBED["end"]),
    sa.Column("hedge", sa.Text, comment=DESCRIBED["hedge"]),
    sa.Column("fraction", sa.Float, comment=DESCRIBED["fraction"]),
    sa.Column("attribution", sa.String(16), comment=DESCRIBED["attribution"]),
    sa.Column("language", sa.String(16), comment=DESCRIBED["language"]),
    sa.Column("extractor_version", sa.String(32), nullable=False, comment="Version of the extractor that produced the claim."),
    sa.Column("latitude", sa.Float, comment="Latitude (WGS 84, degrees) of the claim's place, from the gazetteer; empty when it has none."),
    sa.Column("longitude", sa.Float, comment="Longitude (WGS 84, degrees) of the claim's place, from the gazetteer; empty when it has none."),
    comment="One row per quantitative claim: a figure about people or equipment, with its scope and evidence.",
)
# Filters compare stored canonical values (queries.py turns what a user typed into
# them), so plain indexes serve them; (actor, measure, place_code) serves the common
# "whose losses, what, where" filter in one range scan. The leading column of each
# index also lets queries.py list a column's distinct values by seeking (a loose scan).
sa.Index("ix_claims_actor_measure_place", claims.c.actor, claims.c.measure, claims.c.place_code)
sa.Index("ix_claims_source", claims.c.source)
sa.Index("ix_claims_place", claims.c.place)
sa.Index("ix_claims_place_code", claims.c.place_code)
sa.Index("ix_claims_date_end", claims.c.date_end)
sa.Index("ix_claims_doc_id", claims.c.doc_id)

claimants = sa.Table(
    "claimants", metadata,
    sa.Column("name", sa.Text, primary_key=True, comment="Canonical name of a body or person figures are attributed to."),
    sa.Column("kind", sa.String(16), nullable=False, comment="ministry, military, intelligence, government, international, ngo, official, person, media, outlet or anonymous."),
    sa.Column("country", sa.String(8), comment="ISO 3166-1 alpha-3 country of the claimant, when known."),
    comment="Every distinct originator or relay named in the claims' attribution chains.",
)

runs = sa.Table(
    "runs", metadata,
    sa.Column("run_id", sa.String(32), primary_key=True, comment="Random id of one ingest or reextract run."),
    sa.Column("command", sa.Text, nullable=False, comment="ingest or reextract."),
    sa.Column("extractor_version", sa.String(32), nullable=False, comment="Extractor version the run used."),
    sa.Column("started_at", UtcDateTime, nullable=False, comment="When the run started (UTC)."),
    sa.Column("finished_at", UtcDateTime, comment="When the run finished (UTC); empty when it was interrupted."),
    sa.Column("documents_new", sa.Integer, nullable=False, server_default="0", comment="Documents stored (or re-extracted) by the run."),
    sa.Column("documents_present", sa.Integer, nullable=False, server_default="0", comment="Documents skipped because they were already stored."),
    sa.Column("documents_failed", sa.Integer, nullable=False, server_default="0", comment="Inputs that could not be read or extracted."),
    sa.Column("claims", sa.Integer, nullable=False, server_default="0", comment="Claims stored by the run."),
    sa.Column("appearances_new", sa.Integer, nullable=False, server_default="0", comment="Appearances recorded by the run (a document read again under another outlet or url)."),
    sa.Column("errors", Json, comment="The failures: a list of {name, reason}."),
    comment="One row per ingest or reextract run, for provenance.",
)

fingerprints = sa.Table(
    "fingerprints", metadata,
    sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), primary_key=True, comment="The document."),
    sa.Column("content_hash", sa.String(40), nullable=False, comment="Hash of the lowercased words: equal for copies differing only in case, punctuation or layout."),
    sa.Column("minhash", sa.LargeBinary, nullable=False, comment="MinHash signature of the word shingles (uint32 values), for near-duplicate search."),
    comment="Syndication fingerprints of the documents.",
)
sa.Index("ix_fingerprints_content_hash", fingerprints.c.content_hash)

appearances = sa.Table(
    "appearances", metadata,
    sa.Column("appearance_id", sa.Integer, primary_key=True, autoincrement=True, comment="Row number."),
    sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False, comment="The document (one text) that appeared."),
    sa.Column("outlet", sa.Text, comment="The outlet that published this copy."),
    sa.Column("url", sa.Text, comment="Where this copy was published, when known."),
    sa.Column("title", sa.Text, comment="This copy's headline."),
    sa.Column("published", sa.Text, comment="This copy's publication date exactly as given."),
    sa.Column("published_at", UtcDateTime, comment="This copy's publication date and time in UTC."),
    sa.Column("path", sa.Text, comment="The file (and entry or line) this copy was read from."),
    sa.Column("captured_at", UtcDateTime, nullable=False, comment="When the ledger recorded this copy (UTC)."),
    sa.UniqueConstraint("doc_id", "outlet", "url", name="uq_appearances_doc_outlet_url"),
    comment="Every publication of a document's text: one text republished by twenty outlets is one document "
            "with twenty appearances. The document row keeps the first one seen.",
)


# Reconciliation, stored (migration 0004): what `tollbook.reconcile` computes from the
# claims, kept so pages and the API read rows instead of recomputing. tollbook.reconcile.store
# replaces an actor's rows whenever that actor's claims change (ingest) or on `tollbook reconcile`.
series = sa.Table(
    "series", metadata,
    sa.Column("series", sa.Text, primary_key=True, comment="The series' label: actor | measure | unit | place code."),
    sa.Column("actor", sa.Text, comment="Whose losses or troops (canonical name)."),
    sa.Column("measure", sa.String(32), comment=f"What is counted: {measure_names_text()}."),
    sa.Column("unit", sa.Text, comment="personnel, or the kind of equipment."),
    sa.Column("place_code", PlaceCode, comment="ISO code of the place (country alpha-3, region ISO 3166-2)."),
    sa.Column("place", sa.Text, comment="The place's readable name."),
    sa.Column("parent", PlaceCode, comment="The country of a region's series (RU-KRS -> RUS); empty for a country."),
    sa.Column("claims", sa.Integer, nullable=False, comment="Independent claims (one figure per originator and period, reprints merged)."),
    sa.Column("appearances", sa.Integer, nullable=False, comment="Publications carrying the series' claims."),
    sa.Column("appearance_groups", sa.Integer, nullable=False, comment="Syndication clusters the publications fall into."),
    sa.Column("originators", sa.Integer, nullable=False, comment="How many originators gave figures."),
    sa.Column("originator_names", Json, nullable=False, comment="The originators, sorted."),
    sa.Column("first_date", sa.Text, comment="Earliest as-of date (ISO)."),
    sa.Column("last_date", sa.Text, comment="Latest as-of date (ISO)."),
    sa.Column("findings", sa.Integer, nullable=False, comment="Findings whose label is this series."),
    sa.Column("computed_at", UtcDateTime, nullable=False, comment="When the row was computed (UTC)."),
    comment="One row per series (actor, measure, unit, place), recomputed from the claims.",
)
sa.Index("ix_series_actor", series.c.actor)

findings = sa.Table(
    "findings", metadata,
    sa.Column("finding_id", sa.String(16), primary_key=True, comment="Stable id: the same rule over the same claims keeps it."),
    sa.Column("kind", sa.String(32), nullable=False, comment="revision, monotonicity, disagreement, scope_mismatch, impossible_arithmetic or adversary_claim."),
    sa.Column("severity", sa.String(8), nullable=False, comment="error, warning or info."),
    sa.Column("rank", sa.Integer, nullable=False, comment="Sort order: severity, then kind (most severe first)."),
    sa.Column("series", sa.Text, nullable=False, comment="Label of the series the finding is filed under."),
    sa.Column("actor", sa.Text, comment="The series' actor: findings are recomputed actor by actor."),
    sa.Column("rule", sa.Text, nullable=False, comment="One sentence saying what fired."),
    sa.Column("claims", Json, nullable=False, comment="The claim_ids the finding rests on, in the rule's order."),
    sa.Column("spans", Json, nullable=False, comment="Where each figure was read: doc_id, start, end, quote."),
    sa.Column("detail", Json, nullable=False, comment="The numbers the rule compared."),
    sa.Column("first_doc_id", sa.String(64), comment="The first span's document (a sort key)."),
    sa.Column("computed_at", UtcDateTime, nullable=False, comment="When the finding was computed (UTC)."),
    comment="Reconciliation findings, recomputed from the claims.",
)
sa.Index("ix_findings_order", findings.c.rank, findings.c.series, findings.c.first_doc_id, findings.c.finding_id)
# A kind's or a series' findings, in page order, read straight from an index.
sa.Index("ix_findings_kind", findings.c.kind, findings.c.rank, findings.c.series, findings.c.first_doc_id,
         findings.c.finding_id)
sa.Index("ix_findings_series", findings.c.series, findings.c.rank, findings.c.first_doc_id, findings.c.finding_id)
sa.Index("ix_findings_actor", findings.c.actor)

finding_claims = sa.Table(
    "finding_claims", metadata,
    sa.Column("finding_id", sa.String(16), sa.ForeignKey("findings.finding_id", ondelete="CASCADE"), primary_key=True,
              comment="The finding."),
    sa.Column("claim_id", sa.String(64), primary_key=True, comment="A claim it rests on."),
    comment="Which claims each finding rests on: a claim's or a document's findings in one index look-up.",
)
sa.Index("ix_finding_claims_claim_id", finding_claims.c.claim_id)

# Fused estimates (migration 0005), one row per series, period kind and period: a timeline
# of 10,000 claims reads its few hundred estimates instead of grouping and fusing the claims.
estimates = sa.Table(
    "estimates", metadata,
    sa.Column("series", sa.Text, primary_key=True, comment="The series' label: actor | measure | unit | place code."),
    sa.Column("fused_per", sa.String(8), primary_key=True, comment="The period kind: day, week, month, year or all."),
    sa.Column("period", sa.Text, primary_key=True, comment="The period: 2024-01-15, 2024-W03, 2024-01, 2024 or all."),
    sa.Column("actor", sa.Text, comment="The series' actor: estimates are recomputed actor by actor."),
    sa.Column("measure", sa.String(32), comment="The series' measure."),
    sa.Column("unit", sa.Text, comment="The series' unit."),
    sa.Column("place_code", PlaceCode, comment="The series' place code."),
    sa.Column("period_start", sa.Text, comment="First day of the period (ISO); empty for all."),
    sa.Column("period_end", sa.Text, comment="Last day of the period (ISO); empty for all."),
    sa.Column("low", sa.Float, comment="Fused low; empty when open."),
    sa.Column("best", sa.Float, comment="Median of the latest bests, one per originator."),
    sa.Column("high", sa.Float, comment="Fused high; empty when open."),
    sa.Column("conservative", sa.Float, comment="The smallest figure a source supports (ACLED's convention)."),
    sa.Column("method", sa.Text, nullable=False, comment="How the numbers were fused, in words."),
    sa.Column("claims", Json, nullable=False, comment="Every claim_id that fed the numbers."),
    sa.Column("originators", Json, nullable=False, comment="The originators, one claim each."),
    sa.Column("inputs", Json, nullable=False, comment="Per originator: the claim it contributed and its numbers."),
    sa.Column("superseded", Json, nullable=False, comment="Claims replaced by a later one of the same originator."),
    sa.Column("computed_at", UtcDateTime, nullable=False, comment="When the row was computed (UTC)."),
    sa.Column("beside", Json, nullable=False, server_default=sa.text("'[]'"),
              comment="Figures listed beside the estimate, never fused (migration 0006): hypotheticals, forecasts, "
                      "denials, shares, parts and increments, each with its reason."),
    comment="Fused low/best/high per series and period, recomputed from the claims.",
)
sa.Index("ix_estimates_timeline", estimates.c.actor, estimates.c.measure, estimates.c.fused_per)


def described_by_metadata(name: str | None, type_: str, parent_names: dict[str, Any]) -> bool:
    """Alembic `include_name` hook: everything but the search structures migration 0003 creates
    and `metadata` does not describe (FTS5 tables with their shadow tables, the GIN index)."""
    if type_ == "table" and name is not None:
        return not any(name == fts or name.startswith(f"{fts}_") for fts in SQLITE_FTS_TABLES)
    return not (type_ == "index" and name == PG_QUOTE_SEARCH_INDEX)


def _json_type(column: sa.Column) -> dict[str, Any]:
    if isinstance(column.type, UtcDateTime):
        kind: dict[str, Any] = {"type": "string", "format": "date-time"}
    elif isinstance(column.type, sa.Date):
        kind = {"type": "string", "format": "date"}
    elif isinstance(column.type, sa.Boolean):
        kind = {"type": "boolean"}
    elif isinstance(column.type, sa.Integer):
        kind = {"type": "integer"}
    elif isinstance(column.type, sa.Float):
        kind = {"type": "number"}
    else:
        kind = {"type": "string"}
    return {"anyOf": [kind, {"type": "null"}]} if column.nullable else kind


def ledger_record_json_schema() -> dict[str, Any]:
    """JSON Schema of one ledger record: what `Ledger.claims()` rows and `export --format jsonl` lines hold.

    It is the claim schema (`$defs/Claim` of schema/claim.schema.json) plus the ledger's own
    columns and the document columns each row carries, and nothing else.
    """
    from tollbook.ledger.queries import CLAIM_FRAME_COLUMNS

    claim = claim_json_schema()
    fields = claim["$defs"]["Claim"]["properties"]
    properties: dict[str, Any] = {}
    for name in CLAIM_FRAME_COLUMNS:
        if name in fields:
            continue
        if name == "appearances":  # a count, not a stored column
            properties[name] = {"type": "integer", "minimum": 0,
                                "description": "How many (outlet, url) pairs published the claim's document."}
            continue
        column = claims.c[name] if name in claims.c else documents.c[name]
        properties[name] = {**_json_type(column), "description": column.comment}
    return {
        "$schema": claim["$schema"],
        "$id": f"{SCHEMA_BASE}ledger_record.schema.json",
        "title": "tollbook ledger record",
        "description": "One claim as the ledger returns it (Ledger.claims(), `tollbook export --format jsonl`): "
                       "every field of a claim, the columns the ledger adds, and the columns of its document.",
        "allOf": [{"$ref": "claim.schema.json#/$defs/Claim"}],
        "properties": properties,
        "required": list(properties),
        "unevaluatedProperties": False,
    }
