"""The claim record is a published contract: the schema files match the code and real output validates."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

import tollbook
from tollbook.ledger.schema import ledger_record_json_schema
from tollbook.model import CLAIM_FIELDS, schema_text

SCHEMAS = Path(__file__).resolve().parents[1] / "schema"
SCHEMA = SCHEMAS / "claim.schema.json"
LEDGER_RECORD = SCHEMAS / "ledger_record.schema.json"
REQUIRED = ("claim_id doc_id section measure measure_text ambiguous_measure unit actor actor_country actor_text "
            "place place_code place_text low best high qualifier value_text date_start date_end date_text source "
            "sources confidence_term p_low p_high modality derived_from quote start end").split()
TEXT = "Officials said at least 12 soldiers were killed and about 30 wounded in Kharkiv on Tuesday."


def _claim_schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def _ledger_validator() -> jsonschema.Draft202012Validator:
    """The ledger-record schema with the claim schema it refers to, both read from the files."""
    claim = _claim_schema()
    registry = Registry().with_resource(claim["$id"], Resource.from_contents(claim))
    return jsonschema.Draft202012Validator(json.loads(LEDGER_RECORD.read_text(encoding="utf-8")), registry=registry,
                                           format_checker=jsonschema.FormatChecker())


def _a_claim() -> dict:
    return tollbook.extract(TEXT, published="2025-01-27", outlet="Harbour Wire")[0].to_dict()


def test_schema_file_is_generated_from_the_model() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == schema_text(), "run `tollbook schema > schema/claim.schema.json`"


def test_ledger_record_schema_file_is_generated_from_the_ledger_schema() -> None:
    assert LEDGER_RECORD.read_text(encoding="utf-8") == schema_text(ledger_record_json_schema()), (
        "run `python -c 'from tollbook.model import schema_text; from tollbook.ledger.schema import "
        "ledger_record_json_schema as s; print(schema_text(s()), end=\"\")' > schema/ledger_record.schema.json`")


def test_record_has_every_contract_field() -> None:
    assert set(REQUIRED) <= set(CLAIM_FIELDS)


def test_every_field_is_described_and_dates_have_a_format() -> None:
    schema = _claim_schema()
    claim = schema["$defs"]["Claim"]
    assert set(claim["properties"]) == set(CLAIM_FIELDS)
    for defined in schema["$defs"].values():
        for name, prop in defined["properties"].items():
            assert len(prop.get("description", "")) > 10, name
    for name in ("date_start", "date_end"):
        assert {"type": "string", "format": "date"} in claim["properties"][name]["anyOf"]


def test_extracted_claims_validate() -> None:
    schema = _claim_schema()
    claims = tollbook.extract(TEXT, published="2025-01-27", outlet="Harbour Wire")
    assert len(claims) == 2
    for c in claims:
        jsonschema.validate(c.to_dict(), schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("change", [
    {"latitude": 50.0},  # a ledger field is unknown to a claim
    {"date_end": "27/01/2025"},  # not an ISO date
    {"qualifier": "roughly"},
])
def test_claim_schema_rejects(change: dict) -> None:
    record = {**_a_claim(), **change}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, _claim_schema(), format_checker=jsonschema.FormatChecker())


def _ledger_extras() -> dict:
    return {"extractor_version": "x", "latitude": 49.99, "longitude": 36.23, "published_at": "2025-01-27T00:00:00+00:00",
            "outlet": "Harbour Wire", "url": None, "title": None, "cluster_id": "abc", "appearances": 1}


def test_ledger_record_schema_extends_the_claim_schema() -> None:
    validator = _ledger_validator()
    record = {**_a_claim(), **_ledger_extras()}
    assert list(validator.iter_errors(record)) == []
    assert set(ledger_record_json_schema()["properties"]) == set(_ledger_extras())
    broken = [
        {**record, "unknown": 1},
        {k: v for k, v in record.items() if k != "quote"},  # a claim field is still required
        {k: v for k, v in record.items() if k != "latitude"},  # and so is a ledger column
        {**record, "qualifier": "roughly"},  # the claim's own rules still apply
        {**record, "date_start": "Tuesday"},
        {**record, "appearances": "one"},
    ]
    for bad in broken:
        assert list(validator.iter_errors(bad)), bad
