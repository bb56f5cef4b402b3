"""Languages are packages (tollbook/lang/<code>/): lexicons load from them over the shared files."""

from __future__ import annotations

import pytest

from tollbook.lang import DEFAULT_LANGUAGE, corpus, language_files, languages
from tollbook.lexicons import inflected, load, read_toml
from tollbook.model import Document


def test_english_is_a_package_and_the_default() -> None:
    assert "en" in languages() and DEFAULT_LANGUAGE == "en"
    assert Document(doc_id="d", text="x").language == DEFAULT_LANGUAGE
    assert language_files("en").joinpath("measures.toml").is_file()


def test_measures_join_the_shared_registry_and_the_language_words() -> None:
    data = load("measures.toml", "en")
    killed = data["measure"]["killed"]
    assert killed["family"] == "losses"  # from lexicons/measures.toml, the registry
    assert "kill" in killed["lemmas"] and "death toll" in killed["words"]  # from lang/en/measures.toml
    assert data == load("measures.toml")  # the default language is English


def test_lemmas_are_inflected_by_the_language_package() -> None:
    forms = set(inflected(["murder", "die/V", "gun down/V", "body/N"], "en"))
    assert {"murdered", "murders", "murdering", "died", "dying", "gunned down", "bodies"} <= forms
    assert "dice" not in forms  # "die/V": the verb's forms only


def test_a_shared_only_lexicon_falls_back_to_the_shared_folder() -> None:
    assert load("belligerents.toml", "en")["conflict"]


@pytest.mark.parametrize("code", ["xx", "../lexicons", "EN", ""])
def test_an_unknown_language_is_refused_with_the_known_ones(code: str) -> None:
    with pytest.raises(ValueError, match="en"):
        read_toml("measures.toml", code)


def test_a_missing_lexicon_names_where_it_looked() -> None:
    with pytest.raises(FileNotFoundError, match="lang/en"):
        read_toml("no_such.toml", "en")


def test_corpus_joins_every_language_and_tags_its_cases() -> None:
    numbers = corpus("numbers.json")
    assert numbers["cases"] and {case["lang"] for case in numbers["cases"]} <= set(languages())
    assert all(isinstance(text, str) for text in numbers["negative"])
    for code in languages():  # every language brings its examples beside its rules
        assert language_files(code).joinpath("corpus", "numbers.json").is_file(), code


def test_every_language_gives_the_grammar_names_english_gives() -> None:
    import importlib

    english = {name for name in vars(importlib.import_module("tollbook.lang.en.patterns")) if name.isupper()}
    assert {"NUMBER_UNITS", "MONTHS", "SENTENCE_END", "CLAUSE_BREAK", "SUMMARY_LABEL"} <= english
    for code in languages():
        patterns = importlib.import_module(f"tollbook.lang.{code}.patterns")
        assert english <= set(vars(patterns)), code
