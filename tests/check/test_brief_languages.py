"""`tollbook brief` writes its points in the report's language (issue 15).

A Ukrainian or Russian report gets Ukrainian or Russian points: nouns agree with their figures,
the claimant and the place are the report's own words in the case the sentence needs, and every
point is read back by the extractor as that language before it is kept. English is unchanged.
The reports below were written for these tests.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

import tollbook
from tollbook.check.brief import Brief, generate_brief, sentence_for
from tollbook.cli import app
from tollbook.model import Claim, SourceRef
from tollbook.read import make_document

REPORTS = {
    "uk_general_staff": ("uk", "2025-03-03", (
        "Втрати ворога на 3 березня\n\nГенеральний штаб ЗСУ повідомив, що загальні бойові втрати противника з "
        "24.02.22 по 03.03.25 склали близько 880 450 осіб. За минулу добу Сили оборони знищили 5 танків, 12 бойових "
        "броньованих машин, 21 артилерійську систему, 2 гелікоптери та 1 літак.")),
    "uk_regional_strike": ("uk", "2024-05-26", (
        "Ракетний удар по Харкову\n\nУ Харкові після ракетного удару загинули щонайменше 4 людини, поранення "
        "дістали понад 30, повідомила Харківська обласна військова адміністрація. Під завалами можуть залишатися "
        "до 16 людей.")),
    "ru_defence_ministry": ("ru", "2024-10-02", (
        "Сводка Минобороны\n\nМинистерство обороны России сообщило, что за сутки уничтожены 3 танка, 7 боевых "
        "бронированных машин и 1 самолёт ВСУ. Около 25 украинских военнослужащих сдались в плен.")),
    "ru_governor_strike": ("ru", "2024-12-30", (
        "Обстрел Белгорода\n\nГубернатор Белгородской области сообщил, что при обстреле Белгорода погибли "
        "не менее 5 человек, более 20 получили ранения.")),
}
ENGLISH = ("Strike on a river port\n\nAt least 9 people were killed and more than 40 were injured in a missile strike "
           "on Izmail on Saturday, the regional governor said.\n\nThe UK Ministry of Defence said on Friday that 5 "
           "Russian tanks were destroyed near Pokrovsk.")
LATIN = re.compile(r"[A-Za-z]")


def _brief(name: str) -> tuple[str, str, Brief]:
    lang, published, text = REPORTS[name]
    doc = make_document(text, published=published)  # the language is detected, as `tollbook brief` does
    assert doc.language == lang
    return lang, published, generate_brief(doc, points=6)


def _texts(name: str) -> list[str]:
    return [p.text for p in _brief(name)[2].points]


@pytest.mark.parametrize(("name", "count"), [("uk_general_staff", 6), ("uk_regional_strike", 3),
                                             ("ru_defence_ministry", 4), ("ru_governor_strike", 2)])
def test_points_are_written_in_the_reports_language(name: str, count: int) -> None:
    """Every figure of these reports gets its point, written in Cyrillic: no English word, no English name."""
    texts = _texts(name)
    assert len(texts) == count, texts
    for text in texts:
        assert not LATIN.search(text), text
        assert text.endswith(".") and text not in REPORTS[name][2]


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_point_reads_back_as_its_language(name: str) -> None:
    """Re-extracted as Ukrainian or Russian, each figure of a point has the value, qualifier, measure and
    unit of a claim the point was written from."""
    lang, published, brief = _brief(name)
    for point in brief.points:
        found = tollbook.extract(point.text, published=published, language=lang)
        assert found, point.text
        for figure in found:
            assert any((figure.low, figure.best, figure.high, figure.qualifier, figure.measure, figure.unit)
                       == (c.low, c.best, c.high, c.qualifier, c.measure, c.unit) for c in point.claims), (
                point.text, figure.value_text, figure.measure, figure.qualifier)


@pytest.mark.parametrize(("name", "phrase"), [
    ("uk_general_staff", "втратили близько 880 450 військових"),
    ("uk_general_staff", " 5 російських танків знищені"),
    ("uk_general_staff", " 2 російські гелікоптери знищені"),
    ("uk_general_staff", " 21 російська артилерійська система знищена"),
    ("uk_general_staff", " 12 російських бойових броньованих машин знищені"),
    ("uk_general_staff", " 1 російський літак знищений"),
    ("uk_regional_strike", " щонайменше 4 цивільні загинули у Харкові"),
    ("uk_regional_strike", " понад 30 цивільних поранені у Харкові"),
    ("uk_regional_strike", " до 16 цивільних зникли безвісти"),
    ("ru_defence_ministry", " 3 украинских танка уничтожены"),
    ("ru_defence_ministry", " 7 украинских боевых бронированных машин уничтожены"),
    ("ru_defence_ministry", " 1 украинский самолёт уничтожен"),
    ("ru_defence_ministry", " около 25 украинских военнослужащих попали в плен"),
    ("ru_governor_strike", " не менее 5 гражданских погибли в Белгороде"),
    ("ru_governor_strike", " более 20 гражданских ранены в Белгороде"),
])
def test_nouns_agree_with_their_figures_and_qualifiers(name: str, phrase: str) -> None:
    assert any(phrase in text for text in _texts(name)), _texts(name)


@pytest.mark.parametrize(("name", "lead"), [
    ("uk_general_staff", "За даними Генерального штабу ЗСУ, "),  # the report wrote "Генеральний штаб ЗСУ"
    ("uk_regional_strike", "За даними Харківської обласної військової адміністрації, "),
    ("ru_defence_ministry", "По данным Министерства обороны России, "),
])
def test_the_claimant_is_the_reports_words_in_the_genitive(name: str, lead: str) -> None:
    assert all(text.startswith(lead) for text in _texts(name)), _texts(name)


def _claim(lang: str, text: str) -> Claim:
    [claim] = tollbook.extract(text, published="2025-03-03", language=lang)
    return claim


@pytest.mark.parametrize(("lang", "text", "lead"), [
    ("uk", "Генеральний штаб ЗСУ повідомив, що знищено 5 танків.", "У повідомленні йдеться, що "),
    ("ru", "Министерство обороны России сообщило, что уничтожено 5 танков.", "В сообщении говорится, что "),
])
def test_a_claimant_without_words_of_its_own_is_left_out(lang: str, text: str, lead: str) -> None:
    """The claim's canonical claimant is English: with no words of the report's for it, the point names nobody."""
    claim = _claim(lang, text)
    without = replace(claim, sources=tuple(SourceRef(s.name, s.kind, None) for s in claim.sources))
    assert not sentence_for(claim, lang=lang).startswith(lead)
    point = sentence_for(without, lang=lang)
    assert point.startswith(lead) and not LATIN.search(point), point


@pytest.mark.parametrize(("lang", "text", "n", "phrase"), [
    ("uk", "Генштаб: знищено 5 танків.", 1, "1 танк знищений"),
    ("uk", "Генштаб: знищено 5 танків.", 2, "2 танки знищені"),
    ("uk", "Генштаб: знищено 5 танків.", 5, "5 танків знищені"),
    ("uk", "Генштаб: знищено 5 танків.", 11, "11 танків знищені"),
    ("uk", "Генштаб: знищено 5 танків.", 21, "21 танк знищений"),
    ("uk", "Генштаб: знищено 5 танків.", 24, "24 танки знищені"),
    ("uk", "У місті загинули 5 людей.", 1, "1 людина загинула"),
    ("uk", "У місті загинули 5 людей.", 3, "3 людини загинули"),
    ("uk", "У місті загинули 5 людей.", 12, "12 людей загинули"),
    ("ru", "Минобороны: уничтожено 5 танков.", 1, "1 танк уничтожен"),
    ("ru", "Минобороны: уничтожено 5 танков.", 2, "2 танка уничтожены"),
    ("ru", "Минобороны: уничтожено 5 танков.", 5, "5 танков уничтожены"),
    ("ru", "Минобороны: уничтожено 5 танков.", 12, "12 танков уничтожены"),
    ("ru", "Минобороны: уничтожено 5 танков.", 21, "21 танк уничтожен"),
    ("ru", "Минобороны: уничтожено 5 танков.", 23, "23 танка уничтожены"),
    ("ru", "В городе погибли 5 человек.", 1, "1 человек погиб"),
    ("ru", "В городе погибли 5 человек.", 3, "3 человека погибли"),
    ("ru", "В городе погибли 5 человек.", 15, "15 человек погибли"),
])
def test_a_noun_and_its_verb_agree_with_any_figure(lang: str, text: str, n: int, phrase: str) -> None:
    """pymorphy3 makes the agreement, by each language's rule: one, few (2-4, not 12-14) and many."""
    claim = _claim(lang, text)
    claim = replace(claim, low=n, best=n, high=n, actor=None, place=None, date_text=None)
    point = sentence_for(claim, lang=lang)
    assert phrase in point, point
    [figure] = tollbook.extract(point, published="2025-03-03", language=lang)
    assert (figure.best, figure.measure, figure.unit) == (n, claim.measure, claim.unit)


def test_the_place_is_the_reports_word_in_the_locative() -> None:
    """The Russian report wrote 'обстрела Белгорода'; the point says where: 'в Белгороде'."""
    assert all(text.endswith(" в Белгороде.") for text in _texts("ru_governor_strike"))


def test_an_english_report_keeps_its_english_brief() -> None:
    brief = generate_brief(make_document(ENGLISH, published="2024-05-26"), points=6)
    assert [p.text for p in brief.points] == [
        "According to the UK Ministry of Defence, 5 Russian tanks were destroyed in Pokrovsk as of 24 May 2024.",
        "Officials said at least 9 civilians were killed in Izmayil on 25 May 2024.",
        "Officials said more than 40 civilians were wounded in Izmayil on 25 May 2024.",
    ]


def test_the_cli_writes_a_ukrainian_brief(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORTS["uk_regional_strike"][2], encoding="utf-8")
    result = CliRunner().invoke(app, ["brief", str(path), "--published", "2024-05-26", "--format", "json",
                                      "--points", "3"])
    assert result.exit_code == 0, result.output
    [brief] = json.loads(result.stdout)
    assert [p["text"] for p in brief["points"]] == _texts("uk_regional_strike")
