"""The words a page's lines are compared by (a headline and its repeat): accents dropped character by character
must give what decomposing the whole line gives."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from tollbook.read.sections import _UNACCENTED


def _whole_line(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_accents_dropped_per_character_match_the_whole_line(text: str) -> None:
    assert text.translate(_UNACCENTED) == _whole_line(text)


def test_accented_and_plain_spellings_agree() -> None:
    assert "Bogotá, María, Ї".casefold().translate(_UNACCENTED) == "bogota, maria, і"
