"""A document's language: the cheap tests for English, Ukrainian and Russian, a detector for the rest."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tollbook.read import make_document
from tollbook.read.language import detect_language


@pytest.mark.parametrize(("text", "code"), [
    ("Officials said 12 people were killed in the strike on the city overnight.", "en"),
    ("Artillery fire kills 6, injures 21 in frontline town", "en"),  # a headline with no function word
    ("Tanks 9,870 (+8)", "en"),
    ("У Харкові внаслідок обстрілу загинули 12 людей, повідомив голова обласної адміністрації.", "uk"),
    ("В Харькове в результате обстрела погибли 12 человек, сообщил губернатор области.", "ru"),
    ("Zwölf Menschen starben bei dem Angriff auf das Dorf, teilte die Polizei am Montag mit.", "de"),
    ("Au moins douze personnes ont été tuées dans la frappe, selon les autorités locales.", "fr"),
    ("Al menos doce personas murieron en el ataque contra la aldea, dijo el gobierno.", "es"),
])
def test_detects_the_language(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_make_document_records_the_language_and_an_explicit_one_wins() -> None:
    assert make_document("У Харкові загинули 12 людей, повідомили рятувальники.").language == "uk"
    assert make_document("Officials said 12 people died.", language="uk").language == "uk"


def test_a_language_with_no_package_is_named_and_not_read(tmp_path) -> None:
    de = tmp_path / "bericht.txt"
    de.write_text("Zwölf Menschen starben bei dem Angriff auf das Dorf, teilte die Polizei am Montag mit.\n", encoding="utf-8")
    en = tmp_path / "report.txt"
    en.write_text("Officials said 12 people were killed in the village.\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "tollbook.cli", "extract", str(de), str(en), "--nl"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert f"{de}: language 'de' has no package" in r.stderr
    assert len(r.stdout.strip().splitlines()) == 1  # the English report's claim only: German is not read as English


MIXED = ("Russia lost 1,200 soldiers over the past day, the General Staff of Ukraine said in its statement.\n"
         "The statement read:\n"
         "За минулу добу російська армія втратила ще 1 150 військових, повідомив Генеральний штаб ЗСУ у своєму зведенні.\n"
         "The figures could not be verified independently by reporters on the ground.\n")


def test_a_mixed_document_is_split_into_runs_of_one_language() -> None:
    from tollbook.read.language import language_runs

    runs = language_runs(MIXED, "en")
    assert [lang for _, _, lang in runs] == ["en", "uk", "en"]
    assert "".join(MIXED[a:b] for a, b, _ in runs) == MIXED  # the runs cover the text, in order
    assert MIXED[runs[1][0]:runs[1][1]].startswith("За минулу добу")


@pytest.mark.parametrize(("text", "language"), [
    ("Russia lost 1,200 soldiers over the past day, the General Staff said. Kyiv (Київ) is the capital.", "en"),
    ("Росія втратила 1 200 військових за добу, повідомив Генштаб. Джерело: https://www.example.com/news/2024/10/09", "uk"),
])
def test_a_document_in_one_language_is_one_run(text: str, language: str) -> None:
    from tollbook.read.language import language_runs

    assert language_runs(text, language) == [(0, len(text), language)]


def test_each_paragraph_of_a_mixed_document_is_read_in_its_language() -> None:
    import tollbook

    claims = tollbook.extract(MIXED, published="2024-10-09")
    assert [(c.best, c.language, MIXED[c.start:c.end]) for c in claims] == [(1200, "en", "1,200"), (1150, "uk", "1 150")]
    assert {c.measure for c in claims} == {"casualties"} and {c.actor for c in claims} == {"Russian forces"}
    assert len({c.claim_id for c in claims}) == 2


def test_a_line_with_no_letters_needs_no_detector() -> None:
    from tollbook.read import language

    language._detector.cache_clear()
    assert [detect_language(t) for t in ["-", "? ??? ?? ?-26", "12/04 - 19:30"]] == ["en", "en", "en"]
    assert language._detector.cache_info().currsize == 0, "no statistical models loaded for text with no words"


def test_the_english_words_are_those_lemminflect_knows_without_importing_it() -> None:
    """A short headline's words are looked up in a set read from lemminflect's tables; the package, whose
    import loads its models, is imported only to build that set once per content of its tables."""
    code = ("import sys; from tollbook.read.language import _english_words; words = _english_words(); "
            "print(len(words), 'lemminflect' in sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)  # builds the set if not kept yet
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    count, imported = out.stdout.split()
    assert int(count) > 50_000 and imported == "False"
    from lemminflect import getAllLemmas

    from tollbook.read.language import _english_words

    sample = ["rebels", "vow", "offensive", "rockets", "kill", "shelling", "wounded", "kharkiv", "zzqx", "donbas",
              "evacuated", "besieged", "ceasefire", "humanitarian", "qwertyuiop"]
    assert {w for w in sample if w in _english_words()} == {w for w in sample if getAllLemmas(w)}
