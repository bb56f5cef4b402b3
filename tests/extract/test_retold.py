"""A headline or summary figure retold from the body keeps the body's claimant (docs/conventions.md, "Source")."""

from tollbook.extract.pipeline import extract_document
from tollbook.read import make_document


def _claims(text: str) -> list:
    return extract_document(make_document(text, published="2025-03-02", outlet="Harbour Wire"))


def test_a_headline_figure_the_body_attributes_is_the_claimants():
    text = ("Flood toll in Valdera rises to 214\n\n"
            "Floods in the Valdera valley have killed 214 people, the regional civil protection agency said on Sunday.")
    head, body = _claims(text)
    assert head.section == "headline" and body.section == "body"
    assert head.source == body.source != "Harbour Wire"
    assert head.attribution == "body" and body.attribution == "explicit"
    assert [s.name for s in head.sources] == [s.name for s in body.sources]


def test_a_headline_figure_the_body_does_not_give_stays_the_outlets():
    text = ("Flood toll in Valdera rises to 214\n\n"
            "Floods in the Valdera valley have killed 190 people, the regional civil protection agency said on Sunday.")
    head = _claims(text)[0]
    assert head.source == "Harbour Wire" and head.attribution == "outlet"


def test_a_projection_in_the_body_is_not_the_headline_figure():
    text = ("Valdera flood toll at 300\n\n"
            "The toll could reach 300 in the coming days, the regional civil protection agency said.")
    head = _claims(text)[0]
    assert head.best == 300 and head.attribution == "outlet"
