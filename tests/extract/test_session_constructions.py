"""Constructions met in real reporting, each written here in new words: a share whose base is given in
brackets, a headline rebuilt from a web address, an earlier report of no named source, buildings."""

from __future__ import annotations

import tollbook
from tollbook.extract.attribution import attribute_sentence


def test_a_share_counts_against_the_base_its_brackets_give() -> None:
    text = "According to the agency, half of the missing fishermen (12 out of 24) were found dead on the shore."
    share = next(c for c in tollbook.extract(text, published="2025-01-27") if c.value_text == "half")
    assert (share.low, share.best, share.high) == (12, 12, 12)


def test_a_headline_rebuilt_from_an_address_keeps_its_trailing_source() -> None:
    slug = "9000 russian soldiers have died near avdiivka since october us intel"
    found = attribute_sentence(slug, slug)
    assert found is not None and found.claimant.name == "US intelligence"
    # punctuated copy needs its separator: a body's name at the end of a sentence is no tag
    assert attribute_sentence("Shelling killed 9 near the US embassy.", "shelling killed 9 near the us embassy.") is None


def test_an_earlier_report_of_no_named_source_is_not_carried_from_the_speaker_before() -> None:
    text = ("Пожар в торговом центре\n\n"
            "По словам губернатора Ивана Петрова, погибли 14 человек.\n\n"
            "До этого сообщалось о девяти погибших.")
    claims = tollbook.extract(text, published="2025-03-02", outlet="Тестовая газета", language="ru")
    earlier = next(c for c in claims if c.best == 9)
    assert earlier.attribution == "outlet" and earlier.date_end < "2025-03-02"


def test_buildings_damaged_are_counted_and_belong_to_no_party() -> None:
    text = "Russian shelling damaged 27 houses and two schools in Kharkiv, the regional governor said."
    claims = tollbook.extract(text, published="2025-01-27")
    assert [(c.best, c.measure, c.unit, c.actor) for c in claims] == [(27, "damaged", "building", None),
                                                                       (2, "damaged", "building", None)]
