"""The ledger's tables, in SQLAlchemy Core.

`claims` has one column per field of `tollbook.model.Claim`, named exactly like the
field, so a row and a claim's JSON form are the same thing. Column comments are the
one place the columns are described: Datasette metadata and the Data Package
descriptor read them from here.

The migrations in `migrations/versions/` create these tables; a test checks that a
migrated database and this module agree.
"""

from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

metadata = sa.MetaData()

# JSONB on PostgreSQL (indexable, compact); JSON text elsewhere.
Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

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
    sa.Column("claim_id", sa.String(64), primary_key=True, comment="Hash of document, span and measure (tollbook.model.claim_id)."),
    sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False, comment="The document the claim was read from."),
    sa.Column("section", sa.String(16), nullable=False, comment="headline, summary or body."),
    sa.Column("measure", sa.String(32), comment="killed, wounded, casualties, missing, captured, deployed, strength, destroyed, damaged or displaced."),
    sa.Column("measure_text", sa.Text, comment="The words that gave the measure."),
    sa.Column("ambiguous_measure", sa.Boolean, nullable=False, comment="True for words such as 'eliminated' that do not say killed or wounded."),
    sa.Column("unit", sa.Text, comment="personnel, or the kind of equipment (tank, aircraft, drone ...)."),
    sa.Column("actor", sa.Text, comment="Canonical name of whose losses or troops the figure counts."),
    sa.Column("actor_country", sa.String(8), comment="ISO 3166-1 alpha-3 country of the actor."),
    sa.Column("actor_text", sa.Text, comment="The words that named the actor."),
    sa.Column("place", sa.Text, comment="Readable name of where."),
    sa.Column("place_code", PlaceCode, comment="ISO 3166-2 region code, ISO 3166-1 alpha-3 country code, or PS-GAZA."),
    sa.Column("place_text", sa.Text, comment="The words that named the place."),
    sa.Column("low", sa.Float, comment="Lowest value the wording allows; empty when unbounded."),
    sa.Column("best", sa.Float, comment="Best single value."),
    sa.Column("high", sa.Float, comment="Highest value the wording allows; empty when unbounded ('more than')."),
    sa.Column("qualifier", sa.String(16), nullable=False, comment="exact, approximately, nearly, more_than, at_least, at_most, less_than, range or vague."),
    sa.Column("value_text", sa.Text, nullable=False, comment="The words that gave the value."),
    sa.Column("date_start", sa.Date, comment="First day of the period the figure covers; empty when open (cumulative totals)."),
    sa.Column("date_end", sa.Date, comment="Last day of the period the figure covers (the publication date when the text gives none)."),
    sa.Column("date_text", sa.Text, comment="The words that gave the period."),
    sa.Column("source", sa.Text, comment="Canonical originator of the figure."),
    sa.Column("sources", Json, nullable=False, comment="Attribution chain from originator to outlet: a list of {name, kind, text}."),
    sa.Column("confidence_term", sa.Text, comment="Probability yardstick term (UK PHIA / US ICD 203), e.g. 'almost certainly'."),
    sa.Column("p_low", sa.Float, comment="Lower probability of the yardstick term."),
    sa.Column("p_high", sa.Float, comment="Upper probability of the yardstick term."),
    sa.Column("modality", sa.String(16), nullable=False, comment="reported, estimated, forecast, denied or hypothetical."),
    sa.Column("derived_from", sa.String(64), comment="claim_id of the claim a fraction or 'of these' is taken from."),
    sa.Column("quote", sa.Text, nullable=False, comment="The sentence holding the claim."),
    sa.Column("start", sa.Integer, nullable=False, comment="Offset of the claim's first character in the document text."),
    sa.Column("end", sa.Integer, nullable=False, comment="Offset just past the claim's last character in the document text."),
    sa.Column("hedge", sa.Text, comment="Hedge without a yardstick term, e.g. 'reportedly'."),
    sa.Column("fraction", sa.Float, comment="The fraction of a base a derived claim takes (0.25 for 'a quarter')."),
    sa.Column("attribution", sa.String(16), comment="How the source was found: explicit (named in the sentence), carried (from an earlier sentence) or outlet (no cue)."),
    sa.Column("extractor_version", sa.String(32), nullable=False, comment="Version of the extractor that produced the claim."),
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
