"""The Ukrainian and Russian packages (src/tollbook/lang/uk, lang/ru) hold together on their own.

What is checked here needs no pipeline: every lexicon parses and lays over the shared files,
the inflectors make case forms, the grammar modules give the names English gives, every name
they map to is a canonical name English or the shared lexicons know, and the corpora have the
English corpora's shape. The corpora themselves are run by tests/extract (every case under its
language); the same facts told in three languages by tests/gold/parallel.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from tollbook.lexicons import read_toml

pytest.importorskip("pymorphy3")

LANGS = ("uk", "ru")
LANG_DIR = Path(__file__).resolve().parents[2] / "src" / "tollbook" / "lang"
LEXICONS = ("measures.toml", "cues.toml", "qualifiers.toml", "vague_counts.toml", "actors.toml", "units.toml",
            "claimants.toml", "yardstick.toml")
CORPORA = ("claims.json", "numbers.json", "times.json", "attribution.json")


def _forms(lang: str, lemma: str) -> set[str]:
    module = __import__(f"tollbook.lang.{lang}.inflect", fromlist=["forms"])
    return {f.lower() for f in module.forms(lemma)}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", LEXICONS)
def test_lexicon_parses_and_overlays(lang: str, name: str) -> None:
    data = read_toml(name, lang)
    assert data, f"lang/{lang}/{name} read as empty"
    assert (LANG_DIR / lang / name).is_file()


@pytest.mark.parametrize("lang", LANGS)
def test_claimants_overlay_keeps_the_shared_entries(lang: str) -> None:
    shared = {e["name"] for e in read_toml("claimants.toml", "en")["claimant"]}
    merged = read_toml("claimants.toml", lang)
    names = {e["name"] for e in merged["claimant"]}
    assert shared <= names, "the overlay dropped shared claimants"
    own = tomllib_load(LANG_DIR / lang / "claimants.toml")
    assert all(e in merged["claimant"] for e in own["claimant"])


def tomllib_load(path: Path) -> dict:
    import tomllib

    with path.open("rb") as fh:
        return tomllib.load(fh)


@pytest.mark.parametrize(("lang", "lemma", "wanted"), [
    ("uk", "загинути", {"загинули", "загинуло", "загинув"}),
    ("uk", "Харків", {"харкові", "харкова"}),
    ("uk", "Харківщина", {"харківщині"}),
    ("uk", "Курська область", {"курській області", "курської області"}),
    ("uk", "Генеральний штаб ЗСУ", {"генерального штабу зсу"}),
    ("uk", "зникнути безвісти", {"зникли безвісти"}),
    ("uk", "втрата/N", {"втрат", "втратами"}),
    ("uk", "тисяча/N", {"тисячі", "тисяч"}),
    ("uk", "загиблі та поранені", {"загиблими та пораненими"}),
    ("uk", "вбити/VA", {"вбили"}),
    ("ru", "погибнуть", {"погибли", "погибших"}),
    ("ru", "убить/V", {"убиты", "убитых", "убил"}),
    ("ru", "Курская область", {"курской области"}),
    ("ru", "Харьков", {"харькове"}),
    ("ru", "Вооружённые силы Украины", {"вооруженных сил украины", "вооружённых сил украины"}),
    ("ru", "потеря/N", {"потерь", "потери"}),
])
def test_inflect_gives_case_forms(lang: str, lemma: str, wanted: set[str]) -> None:
    assert wanted <= _forms(lang, lemma)


def test_active_forms_leave_out_participles() -> None:
    assert "вбито" not in _forms("uk", "вбити/VA")
    assert "убит" not in _forms("ru", "убить/VA")


@pytest.mark.parametrize("lang", LANGS)
def test_patterns_give_every_english_name(lang: str) -> None:
    en = __import__("tollbook.lang.en.patterns", fromlist=["x"])
    mine = __import__(f"tollbook.lang.{lang}.patterns", fromlist=["x"])
    names = [n for n in vars(en) if n.isupper() and not n.startswith("_")]
    missing = [n for n in names if not hasattr(mine, n)]
    assert not missing, f"lang/{lang}/patterns.py lacks {missing}"
    for n in names:
        assert type(getattr(mine, n)) is type(getattr(en, n)), n
        if isinstance(getattr(en, n), str) and n != "ANAPHOR_WORDS":
            re.compile(getattr(mine, n))


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("uk", "двісті сорок п'ять тисяч", 245_000), ("uk", "півтори тисячі", 1_500), ("uk", "півмільйона", 500_000),
    ("uk", "двох тисяч трьохсот", 2_300), ("uk", "тисяча", 1_000), ("uk", "дванадцятьом", 12),
    ("ru", "двести сорок пять тысяч", 245_000), ("ru", "полторы тысячи", 1_500), ("ru", "полмиллиона", 500_000),
    ("ru", "двух тысяч трёхсот", 2_300), ("ru", "сто двадцать три тысячи четыреста пятьдесят шесть", 123_456),
])
def test_word_value(lang: str, text: str, value: int) -> None:
    patterns = __import__(f"tollbook.lang.{lang}.patterns", fromlist=["x"])
    assert re.fullmatch(patterns.WORD_NUMBER, text, re.IGNORECASE)
    assert patterns.word_value(text) == value


@pytest.mark.parametrize("lang", LANGS)
def test_word_value_refuses_non_numbers(lang: str) -> None:
    patterns = __import__(f"tollbook.lang.{lang}.patterns", fromlist=["x"])
    assert patterns.word_value({"uk": "п'ять сорок", "ru": "пять сорок"}[lang]) is None


@pytest.mark.parametrize(("lang", "text", "parts"), [
    ("uk", "У Харкові загинули 12 людей. Поранено ще 30 осіб.", 2),
    ("uk", "Станом на 24 лютого 2025 р. втрати склали 1 000. Так повідомив Генштаб.", 2),
    ("ru", "В Харькове погибли 12 человек. Ранены ещё 30 человек.", 2),
    ("ru", "Об этом сообщил ген. Иванов. Потери составили 40 человек.", 2),
])
def test_sentence_end_splits_cyrillic(lang: str, text: str, parts: int) -> None:
    patterns = __import__(f"tollbook.lang.{lang}.patterns", fromlist=["x"])
    pieces = [p for p in patterns.SENTENCE_END.split(text) if p.strip()]
    merged = []
    for piece in pieces:  # a split after an abbreviation is undone, as the sentence splitter does
        last = merged[-1].rstrip(". ").split()[-1].lower() if merged else ""
        if merged and last in patterns.ABBREVIATIONS:
            merged[-1] += piece
        else:
            merged.append(piece)
    assert len(merged) == parts


@pytest.mark.parametrize("lang", LANGS)
def test_dates_and_periods(lang: str) -> None:
    p = __import__(f"tollbook.lang.{lang}.patterns", fromlist=["x"])
    m = p.NUMERIC_DATE.search("з 24.02.2022 по 01.06" if lang == "uk" else "с 24.02.2022 по 01.06")
    assert m and (m["day"], m["month"], m["year"]) == ("24", "02", "2022")
    assert p.DATE_SPAN.search("з 24.02.2022 по 01.06" if lang == "uk" else "с 24.02.2022 по 01.06")
    assert p.AS_OF.search("станом на 24 січня" if lang == "uk" else "по состоянию на 24 января")
    assert p.PAST_DAY.search("за минулу добу" if lang == "uk" else "за прошедшие сутки")
    month = {"uk": ("лютого", 2), "ru": ("февраля", 2)}[lang]
    assert p.MONTHS[month[0].capitalize()] == month[1]
    assert re.fullmatch(p.MONTHS_PATTERN, month[0], re.IGNORECASE)


def _english_names(name: str, table: str) -> set[str]:
    data = read_toml(name, "en")
    return {e["name"] for e in data.get(table, [])}


@pytest.mark.parametrize("lang", LANGS)
def test_actors_map_to_english_actors(lang: str) -> None:
    english = {(e["name"], e.get("country", ""), e.get("kind")) for e in read_toml("actors.toml", "en")["actor"]}
    mine = tomllib_load(LANG_DIR / lang / "actors.toml")
    for entry in mine["actor"]:
        assert (entry["name"], entry.get("country", ""), entry.get("kind")) in english, entry["name"]
        for lemma in entry.get("lemmas", []):
            assert _forms(lang, lemma), lemma
    countries = {e.get("country") for e in read_toml("actors.toml", "en")["demonym"]}
    assert {d["country"] for d in mine["demonym"]} <= countries


@pytest.mark.parametrize("lang", LANGS)
def test_units_map_to_english_units(lang: str) -> None:
    english = set(read_toml("units.toml", "en")["unit"])
    mine = tomllib_load(LANG_DIR / lang / "units.toml")["unit"]
    assert set(mine) <= english
    assert set(mine) == english, f"units without {lang} words: {english - set(mine)}"
    for entry in mine.values():
        assert "words" in entry  # the measure stage reads entry["words"]


@pytest.mark.parametrize("lang", LANGS)
def test_measures_name_registry_measures(lang: str) -> None:
    registry = tomllib_load(LANG_DIR.parent / "lexicons" / "measures.toml")["measure"]
    mine = tomllib_load(LANG_DIR / lang / "measures.toml")
    assert set(mine["measure"]) <= set(registry)
    assert set(mine["measure"]) == set(registry), "every registry measure has words"
    merged = read_toml("measures.toml", lang)
    assert merged["measure"]["killed"]["family"] == registry["killed"]["family"]  # the registry stays under the words
    killed = {f.lower() for lemma in mine["measure"]["killed"]["lemmas"] for f in
              __import__(f"tollbook.lang.{lang}.inflect", fromlist=["forms"]).forms(lemma)}
    assert {"uk": "загинули", "ru": "погибли"}[lang] in killed


@pytest.mark.parametrize("lang", LANGS)
def test_claimants_map_to_shared_claimants(lang: str) -> None:
    own = tomllib_load(LANG_DIR / lang / "claimants.toml")
    shared = {e["name"]: e for e in tomllib_load(LANG_DIR.parent / "lexicons" / "claimants.toml")["claimant"]}
    new = {e["name"] for e in own["claimant"] if e["name"] not in shared}
    assert new <= {"Ukrainian Ministry of Health", "Kyiv Regional Military Administration",
                   "Mykolaiv Regional Military Administration", "Chernihiv Regional Military Administration",
                   "Luhansk Regional Military Administration"}, f"unexpected new bodies {new}"
    for entry in own["claimant"]:
        if entry["name"] in shared:
            assert (entry["kind"], entry.get("country", "")) == (shared[entry["name"]]["kind"],
                                                                 shared[entry["name"]].get("country", "")), entry["name"]
    bodies = {e["name"] for e in own["claimant"]} | set(shared)
    for person in own["person"]:
        assert person["organisation"] in bodies, person["name"]


@pytest.mark.parametrize("lang", LANGS)
def test_qualifiers_keep_english_intervals(lang: str) -> None:
    english = read_toml("qualifiers.toml", "en")["qualifier"]
    mine = read_toml("qualifiers.toml", lang)["qualifier"]
    assert set(mine) == set(english)
    for name, entry in mine.items():
        assert (entry["low_factor"], entry["high_factor"]) == (english[name]["low_factor"], english[name]["high_factor"])


@pytest.mark.parametrize("lang", LANGS)
def test_yardstick_terms_carry_english_probabilities(lang: str) -> None:
    english = {(t["phrase"], t["scale"]): (t["p_low"], t["p_high"]) for t in read_toml("yardstick.toml", "en")["term"]}
    for term in read_toml("yardstick.toml", lang)["term"]:
        assert english[(term["english"], term["scale"])] == (term["p_low"], term["p_high"])


def _shape(data: dict) -> tuple[set[str], set[str], set[type]]:
    keys = {k for case in data["cases"] for k in case}
    negatives = {type(n) for n in data.get("negative", [])}
    return set(data), keys, negatives


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", CORPORA)
def test_corpus_has_the_english_shape(lang: str, name: str) -> None:
    english = json.loads((LANG_DIR / "en" / "corpus" / name).read_text(encoding="utf-8"))
    mine = json.loads((LANG_DIR / lang / "corpus" / name).read_text(encoding="utf-8"))
    top, keys, negatives = _shape(mine)
    en_top, en_keys, en_negatives = _shape(english)
    assert top <= en_top and "cases" in top
    assert keys <= en_keys, f"keys English does not have: {keys - en_keys}"
    assert negatives <= en_negatives or not negatives


@pytest.mark.parametrize("lang", LANGS)
def test_corpus_size_and_names(lang: str) -> None:
    total = 0
    actors = {e["name"] for e in read_toml("actors.toml", "en")["actor"]}
    claimants = {e["name"] for e in read_toml("claimants.toml", lang)["claimant"]}
    units = set(read_toml("units.toml", "en")["unit"]) | {"personnel"}
    measures = set(tomllib_load(LANG_DIR.parent / "lexicons" / "measures.toml")["measure"])
    codes = {row["code"] for row in _places(LANG_DIR.parent / "lexicons" / "places.csv")}
    for path in sorted((LANG_DIR / lang / "corpus").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        total += len(data["cases"]) + len(data.get("negative", []))
        for case in data["cases"]:
            if "actor" in case and case["actor"] is not None:
                assert case["actor"] in actors, case
            if case.get("source") is not None and "source" in case:
                assert case["source"] in claimants, case
            if "unit" in case:
                assert case["unit"] in units, case
            if "measure" in case:
                assert case["measure"] in measures, case
            if case.get("place_code"):
                assert case["place_code"] in codes, case
    assert total >= 150, f"lang/{lang}/corpus holds {total} cases"


def _places(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


@pytest.mark.parametrize("lang", LANGS)
def test_places_link_to_english_codes(lang: str) -> None:
    shared = _places(LANG_DIR.parent / "lexicons" / "places.csv")
    names = {(row["code"], row["kind"], row["name"]) for row in shared}
    mine = _places(LANG_DIR / lang / "places.csv")
    assert mine and set(mine[0]) == set(shared[0])
    for row in mine:
        assert (row["code"], row["kind"], row["name"]) in names, row  # the English row's code, kind and name
    aliases = {row["alias"].lower(): row["code"] for row in mine}
    expected = {"uk": {"харків": "UA-63", "україна": "UKR", "курська область": "RU-KRS", "київ": "UA-30"},
                "ru": {"харьков": "UA-63", "украина": "UKR", "курская область": "RU-KRS", "киев": "UA-30"}}[lang]
    for alias, code in expected.items():
        assert aliases.get(alias) == code, alias
    countries = {row["code"] for row in shared if row["kind"] == "country"}
    assert countries <= {row["code"] for row in mine if row["kind"] == "country"}


@pytest.mark.parametrize(("lang", "text", "place"), [
    ("uk", "У Харкові загинули 12 людей.", "UA-63"),
    ("ru", "В Харькове погибли 12 человек.", "UA-63"),
])
def test_the_packages_read(lang: str, text: str, place: str) -> None:
    import tollbook
    from tollbook.lang import languages

    assert lang in languages()  # STATUS = "reads": documents in the language are read, not named as unread
    (claim,) = tollbook.extract(text, published="2025-01-27", language=lang)
    assert (claim.best, claim.measure, claim.place_code) == (12, "killed", place)


def test_a_participle_used_as_a_noun_declines_as_its_own_word_not_its_verb() -> None:
    from tollbook.lexicons import inflected

    forms = set(inflected(["пострадавший/N"], "ru"))
    assert {"пострадавших", "пострадавшим", "пострадавшие"} <= forms
    assert "пострадали" not in forms and "пострадать" not in forms  # the verb's forms are another word
