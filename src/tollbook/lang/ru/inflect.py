"""Russian word forms from lemmas, by pymorphy3 and its Russian dictionary (pymorphy3-dicts-ru).

The lexicons list "погибнуть", "потеря/N", "Курская область"; this module makes every case,
number and gender form (погибли, погибших, потерь, в Курской области). Russian's dictionary keeps
participles inside their verb ("убить/V" gives убитых, убитые), and a phrase agrees as in
Ukrainian: the grammar is shared with lang/uk/inflect.py (`slavic_forms`), only the analyser
differs. Every form with "ё" is also given with "е", as most copy writes it.
"""

from __future__ import annotations

from tollbook.lang.uk.inflect import analyser, slavic_forms


def forms(lemma: str) -> list[str]:
    """Every Russian form of `lemma` ("word", "word/V", "word/N", "word/A", "word/NUM", or a phrase)."""
    return slavic_forms(analyser("ru"), lemma, (("ё", "е"), ("Ё", "Е")))
