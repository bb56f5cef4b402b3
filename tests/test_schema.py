"""The claim record is a published contract: the schema file matches the code and real output validates."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

import tollbook
from tollbook.model import CLAIM_FIELDS, schema_text

SCHEMA = Path(__file__).resolve().parents[1] / "schema" / "claim.schema.json"
REQUIRED = ("claim_id doc_id section measure measure_text ambiguous_measure unit actor actor_country actor_text "
            "place place_code place_text low best high qualifier value_text date_start date_end date_text source "
            "sources confidence_term p_low p_high modality derived_from quote start end").split()


def test_schema_file_is_generated_from_the_model() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == schema_text(), "run `tollbook schema > schema/claim.schema.json`"


def test_record_has_every_contract_field() -> None:
    assert set(REQUIRED) <= set(CLAIM_FIELDS)


def test_extracted_claims_validate() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    text = "Officials said at least 12 soldiers were killed and about 30 wounded in Kharkiv on Tuesday."
    claims = tollbook.extract(text, published="2025-01-27", outlet="Harbour Wire")
    assert len(claims) == 2
    for c in claims:
        jsonschema.validate(c.to_dict(), schema)
