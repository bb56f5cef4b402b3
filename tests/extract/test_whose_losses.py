"""Whose losses a figure counts when the sentence names only the side that inflicted them
(cases met in real General Staff reports, written here in our own words)."""

from __future__ import annotations

import pytest

import tollbook


@pytest.mark.parametrize("text", [
    "Russian forces lost 1,150 soldiers over the past day.\n\nUkrainian forces destroyed 4 tanks, 11 armoured vehicles and 19 artillery systems.",
    "За минулу добу російська армія втратила ще 1 150 військових.\n\nСили оборони знищили ще чотири танки, 11 бойових броньованих машин і 19 артилерійських систем.",
    "За прошедшие сутки российская армия потеряла еще 1 150 военных.\n\nСилы обороны уничтожили еще четыре танка, 11 боевых бронированных машин и 19 артиллерийских систем.",
])
def test_equipment_destroyed_by_the_subject_is_the_other_sides(text: str) -> None:
    claims = tollbook.extract(text, published="2024-10-09")
    equipment = [c for c in claims if c.measure == "destroyed"]
    assert [c.best for c in equipment] == [4, 11, 19]
    assert {c.actor for c in equipment} == {"Russian forces"}


def test_with_no_other_side_counted_the_owner_stays_unknown() -> None:
    claims = tollbook.extract("Ukrainian forces destroyed 4 tanks, 11 armoured vehicles.", published="2024-10-09")
    assert [c.actor for c in claims] == [None, None]


def test_a_heading_that_names_the_losers_still_owns_its_list() -> None:
    claims = tollbook.extract("Russian equipment destroyed since 24 February 2022: tanks 9,870 (+8), artillery systems 22,760 (+31).",
                              published="2025-02-03")
    assert {c.actor for c in claims} == {"Russian forces"}
