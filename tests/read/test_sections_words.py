"""Accents dropped character by character (a page's lines compared with its headline, the gazetteer's name keys)
must give what decomposing the whole text gives."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from tollbook.lexicons import unaccented


def _whole_line(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_accents_dropped_per_character_match_the_whole_line(text: str) -> None:
    assert unaccented(text) == _whole_line(text)


def test_accented_and_plain_spellings_agree() -> None:
    assert unaccented("Bogotá, María, Ї".casefold()) == "bogota, maria, і"
