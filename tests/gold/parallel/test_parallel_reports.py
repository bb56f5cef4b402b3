"""The same facts in English, Ukrainian and Russian read to the same claims (issue 15).

reports.json holds short reports written for tollbook in its own words, each in the three
languages, with every claim they state: its best value, measure, unit, actor, place code,
claimant and period. Each language must read exactly those claims, so a Ukrainian and an
English report of one figure land in the same series and count as one originator.

genstaff_<lang>.txt is one daily loss statement of the General Staff in its three versions
(figures illustrative): every line reads to the same value, measure, unit and period, the
heading's span scoping the running totals and each "(+N)" the statement's day.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tollbook

HERE = Path(__file__).parent
LANGS = ("en", "uk", "ru")
FIELDS = ("best", "measure", "unit", "actor", "place_code", "source", "date_start", "date_end")
REPORTS = json.loads((HERE / "reports.json").read_text(encoding="utf-8"))["reports"]


def _read(text: str, lang: str, published: str) -> list[dict]:
    return [{k: getattr(c, k) for k in FIELDS} for c in tollbook.extract(text, published=published, language=lang)]


def test_there_are_at_least_thirty_reports() -> None:
    assert len(REPORTS) >= 30
    assert len({r["id"] for r in REPORTS}) == len(REPORTS)


@pytest.mark.parametrize("report", REPORTS, ids=[r["id"] for r in REPORTS])
@pytest.mark.parametrize("lang", LANGS)
def test_each_language_reads_the_stated_claims(report: dict, lang: str) -> None:
    assert _read(report[lang], lang, report["published"]) == report["claims"], report[lang]


@pytest.mark.parametrize("report", REPORTS, ids=[r["id"] for r in REPORTS])
def test_the_three_languages_agree(report: dict) -> None:
    english, ukrainian, russian = (_read(report[lang], lang, report["published"]) for lang in LANGS)
    assert english == ukrainian == russian


def _statement(lang: str) -> list[dict]:
    text = (HERE / f"genstaff_{lang}.txt").read_text(encoding="utf-8")
    return _read(text, lang, "2025-01-27")


def test_the_general_staff_statement_reads_alike_in_three_languages() -> None:
    # "Противника" / "the enemy" is left out: whose enemy it is depends on who speaks (the
    # Ukrainian lexicon reads "противник" as Russian forces, Ukrainian copy's usage; the English
    # and Russian ones leave it unread, as Russia's Ministry of Defence calls Ukraine's forces so).
    keys = [k for k in FIELDS if k != "actor"]
    english, ukrainian, russian = ([{k: c[k] for k in keys} for c in _statement(lang)] for lang in LANGS)
    assert english == ukrainian == russian
    assert len(english) == 23  # 14 lines, 9 of them with a day's increment
    assert english[0] == {"best": 830000.0, "measure": "casualties", "unit": "personnel", "place_code": None,
                          "source": None, "date_start": "2022-02-24", "date_end": "2025-01-27"}
    assert english[1]["best"] == 1120.0 and english[1]["date_start"] == english[1]["date_end"] == "2025-01-27"
    units = [c["unit"] for c in english if c["date_start"] == "2022-02-24"]
    assert units == ["personnel", "tank", "armoured vehicle", "artillery system", "MLRS", "air-defence system", "aircraft",
                     "helicopter", "drone", "missile", "ship", "submarine", "vehicle", "special equipment"]
    assert {c["actor"] for c in _statement("uk")} == {"Russian forces"}
