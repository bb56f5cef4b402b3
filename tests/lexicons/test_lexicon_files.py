"""The packaged lexicons load and keep their promises: keys, kinds, codes, cross-references."""

from __future__ import annotations

import csv
import tomllib
from importlib import resources
from pathlib import Path

import pycountry
import pytest

from tollbook import model
from tollbook.lexicons import merge_lexicon

LEXICONS = Path(str(resources.files("tollbook") / "lexicons"))  # language-neutral
ENGLISH = Path(str(resources.files("tollbook") / "lang" / "en"))  # English words, laid over them

ACTOR_KINDS = {"state_forces", "armed_group", "civilians", "other", "enemy"}
CLAIMANT_KINDS = {"ministry", "military", "intelligence", "government", "international", "ngo", "official", "person", "media"}
MEASURES = set(model.MEASURES)
UNITS = {
    "tank", "armoured vehicle", "artillery system", "MLRS", "aircraft", "helicopter", "drone", "ship",
    "submarine", "air-defence system", "vehicle", "missile", "special equipment", "fuel tank",
    "aerial target", "building", "equipment",
}
PLACE_KINDS = {"country", "region", "city"}
OWN_PLACE_CODES = {"PS-GAZA", "PS-WBK"}


def load(name: str) -> dict:
    """The packaged lexicon as tollbook reads it in English, without any user folder."""
    data: dict = {}
    for folder in (LEXICONS, ENGLISH):
        if (folder / name).is_file():
            data = merge_lexicon(data, tomllib.loads((folder / name).read_text(encoding="utf-8")))
    return data


def valid_alpha3(code: str) -> bool:
    return pycountry.countries.get(alpha_3=code) is not None


def assert_phrases(words: list, where: str) -> None:
    assert words, f"{where}: empty list"
    assert all(isinstance(w, str) and w.strip() == w and w for w in words), f"{where}: blank or padded phrase"
    lowered = [w.lower() for w in words]
    dupes = {w for w in lowered if lowered.count(w) > 1}
    assert not dupes, f"{where}: duplicate phrases {sorted(dupes)}"


@pytest.mark.parametrize("path", sorted([*LEXICONS.glob("*.toml"), *ENGLISH.glob("*.toml")]), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_file_parses_and_names_its_sources(path: Path) -> None:
    name = path.name
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#"), f"{name} must begin with a comment naming its sources"
    tomllib.loads(text)


def test_actors() -> None:
    data = load("actors.toml")
    actors = data["actor"]
    assert len(actors) >= 40
    names = [a["name"] for a in actors]
    assert len(names) == len(set(names)), "duplicate canonical actor names"
    for actor in actors:
        assert set(actor) >= {"name", "country", "kind", "aliases"}, actor["name"]
        assert actor["kind"] in ACTOR_KINDS, actor["name"]
        assert actor["country"] == "" or valid_alpha3(actor["country"]), actor["name"]
        assert_phrases(actor["aliases"], actor["name"])
    assert [a["name"] for a in actors if a["kind"] == "civilians"] == ["civilians"]
    required = {
        "North Korean forces": "PRK", "Russian forces": "RUS", "Ukrainian forces": "UKR", "Israeli forces": "ISR",
        "Hamas": "PSE", "Palestinian Islamic Jihad": "PSE", "Hezbollah": "LBN", "Houthis": "YEM",
        "Wagner Group": "RUS", "Rapid Support Forces": "SDN", "Sudanese Armed Forces": "SDN",
        "Syrian government forces": "SYR", "Islamic State": "", "Taliban": "AFG", "al-Shabaab": "SOM",
        "Belarusian forces": "BLR", "Iranian forces": "IRN", "US forces": "USA", "British forces": "GBR",
        "Chechen forces": "RUS", "Myanmar military": "MMR", "Ethiopian forces": "ETH", "Azerbaijani forces": "AZE",
        "Armenian forces": "ARM", "Congolese army": "COD", "M23": "COD", "civilians": "",
    }
    by_name = {a["name"]: a for a in actors}
    for name, country in required.items():
        assert by_name[name]["country"] == country, name
    demonyms = data["demonym"]
    assert len(demonyms) >= 60
    for demonym in demonyms:
        assert set(demonym) == {"text", "country"}
        assert demonym["country"] == "" or valid_alpha3(demonym["country"]), demonym["text"]
    texts = [d["text"].lower() for d in demonyms]
    assert len(texts) == len(set(texts)), "duplicate demonyms"


def test_claimants_and_persons() -> None:
    data = load("claimants.toml")
    claimants = data["claimant"]
    assert len(claimants) >= 50
    names = [c["name"] for c in claimants]
    assert len(names) == len(set(names)), "duplicate canonical claimant names"
    for claimant in claimants:
        assert set(claimant) >= {"name", "kind", "country", "aliases"}, claimant["name"]
        assert claimant["kind"] in CLAIMANT_KINDS, claimant["name"]
        assert claimant["country"] == "" or valid_alpha3(claimant["country"]), claimant["name"]
        assert_phrases(claimant["aliases"], claimant["name"])
    for required in (
        "UK Ministry of Defence", "US Department of Defense", "White House", "Armed Forces of Ukraine",
        "General Staff of the Armed Forces of Ukraine", "Office of the President of Ukraine",
        "Russian Ministry of Defence", "Kremlin", "South Korea National Intelligence Service",
        "South Korea Joint Chiefs of Staff", "Israel Defense Forces", "Gaza Health Ministry", "UN OCHA",
        "ICRC", "Institute for the Study of War", "Oryx", "Mediazona", "NATO", "Kursk Oblast administration",
    ):
        assert required in names, required
    persons = data["person"]
    assert len(persons) >= 25
    person_names = [p["name"] for p in persons]
    assert len(person_names) == len(set(person_names)), "duplicate person names"
    for person in persons:
        assert set(person) >= {"name", "role", "organisation", "aliases"}, person["name"]
        assert person["organisation"] in names, f"{person['name']}: unknown organisation {person['organisation']}"
        assert_phrases(person["aliases"], person["name"])
    every_alias = [a.lower() for entry in claimants + persons for a in entry["aliases"]]
    dupes = sorted({a for a in every_alias if every_alias.count(a) > 1})
    assert not dupes, f"an alias names two claimants: {dupes}"


def test_measures() -> None:
    data = load("measures.toml")
    assert set(data["measure"]) == MEASURES
    for measure, table in data["measure"].items():
        assert_phrases(table["words"], f"measure.{measure}")
    assert_phrases(data["ambiguous"]["words"], "ambiguous")
    assert_phrases(data["ambiguous"]["people_words"], "ambiguous.people_words")
    assert_phrases(data["people"]["words"], "people")
    assert_phrases(data["not_counted"]["words"], "not_counted")
    people = {w.lower() for w in data["people"]["words"]}
    not_counted = {w.lower() for w in data["not_counted"]["words"]}
    assert not people & not_counted


def test_units() -> None:
    units = load("units.toml")["unit"]
    assert set(units) == UNITS
    seen: dict[str, str] = {}
    for unit, table in units.items():
        assert_phrases(table["words"], unit)
        for word in table["words"]:
            assert word.lower() not in seen, f"{word!r} in both {seen.get(word.lower())} and {unit}"
            seen[word.lower()] = unit


def test_yardstick() -> None:
    data = load("yardstick.toml")
    assert data["default_scale"] == "PHIA"
    keys = set()
    for term in data["term"]:
        assert set(term) == {"phrase", "p_low", "p_high", "scale"}
        assert term["scale"] in {"PHIA", "ICD203"}
        assert 0.0 <= term["p_low"] <= term["p_high"] <= 1.0, term["phrase"]
        key = (term["phrase"], term["scale"])
        assert key not in keys, key
        keys.add(key)
    assert ("almost certainly", "PHIA") in keys and ("roughly even chance", "ICD203") in keys


def test_cues() -> None:
    data = load("cues.toml")
    assert set(data["modality"]) == {"estimated", "forecast", "denied", "hypothetical"}
    for name, words in data["modality"].items():
        assert_phrases(words, f"modality.{name}")
    assert_phrases(data["hedge"]["words"], "hedge")
    assert_phrases(data["attribution"]["verbs"], "attribution.verbs")
    assert_phrases(data["attribution"]["anonymous"], "attribution.anonymous")


def test_vague_counts() -> None:
    vague = load("vague_counts.toml")["vague"]
    phrases = [v["phrase"] for v in vague]
    assert len(phrases) == len(set(phrases))
    for entry in vague:
        assert isinstance(entry["low"], int) and entry["low"] >= 1, entry["phrase"]
        assert entry.get("high") is None or entry["high"] >= entry["low"], entry["phrase"]
    by_phrase = {v["phrase"]: v for v in vague}
    assert by_phrase["dozens"]["low"] == 12 and by_phrase["hundreds"]["low"] == 100


def valid_place_code(code: str) -> bool:
    if code in OWN_PLACE_CODES:
        return True
    if "-" in code:
        return pycountry.subdivisions.get(code=code) is not None
    return valid_alpha3(code)


def test_places_csv() -> None:
    path = LEXICONS / "places.csv"
    assert path.stat().st_size < 5_000_000
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(line for line in handle if not line.startswith("#"))
        assert reader.fieldnames == ["alias", "name", "code", "kind", "country", "lat", "lon", "population"]
        rows = list(reader)
    assert rows
    place_by_alias: dict[str, tuple[str, str]] = {}
    for row in rows:
        assert row["kind"] in PLACE_KINDS, row
        assert valid_place_code(row["code"]), row
        assert valid_alpha3(row["country"]), row
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row
        assert int(row["population"]) >= 0, row
        if not row["alias"]:
            continue  # a place known by name and code only: never matched in text
        key = row["alias"].lower()
        assert place_by_alias.setdefault(key, (row["code"], row["kind"])) == (row["code"], row["kind"]), row
    assert rows == sorted(rows, key=lambda r: (r["alias"].lower(), r["alias"], r["code"]))
    expected = {
        "kursk region": ("RU-KRS", "region"), "kursk": ("RU-KRS", "city"), "kharkiv": ("UA-63", "city"),
        "gaza strip": ("PS-GAZA", "region"), "gaza": ("PS-GAZA", "region"), "crimea": ("UA-43", "region"),
        "russia": ("RUS", "country"), "south korea": ("KOR", "country"), "west bank": ("PS-WBK", "region"),
    }
    for alias, place in expected.items():
        assert place_by_alias.get(alias) == place, alias
