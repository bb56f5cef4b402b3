"""The number grammar: figures in a sentence as intervals.

`parse_quantities(sentence)` returns every count in the sentence that could be a
claim (digits, number words, scale words, ranges, vague counts, fractions of a base)
with its qualifier's interval, and drops what is never a claim: years, dates, ages,
unit designations, money, durations, distances, clock times, model names.
The intervals follow docs/conventions.md; qualifier words and their factors live in
lexicons/qualifiers.toml and vague counts in lexicons/vague_counts.toml.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from tollbook.lexicons import load

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "mln": 1_000_000}
_FRACTIONS = {
    "half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3,
    "two thirds": 2 / 3, "two-thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25, "one-quarter": 0.25,
    "three quarters": 0.75, "three-quarters": 0.75, "a fifth": 0.2, "one fifth": 0.2, "one-fifth": 0.2,
    "two fifths": 0.4, "two-fifths": 0.4, "a tenth": 0.1, "one tenth": 0.1, "one-tenth": 0.1,
    "a sixth": 1 / 6, "one sixth": 1 / 6, "an eighth": 0.125, "a majority": 0.5,
}

_WORD = "|".join(sorted(list(_UNITS) + list(_TENS), key=len, reverse=True))
_WORDNUM = (
    rf"(?:(?:a|one)\s+(?:hundred|thousand|million|dozen)|(?:{_WORD})(?:-(?:{'|'.join(_UNITS)}))?)"
    rf"(?:(?:\s+and\s+|\s+|-)(?:(?:{_WORD})(?:-(?:{'|'.join(_UNITS)}))?|hundred|thousand|million|billion|dozen))*"
)
_DIGITS = r"\d{1,3}(?:(?:,|\u202f|\u00a0|\u2009| )\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?!\d)|\d+(?:\.\d+)?"
_SCALE = r"(?:\s*(?:hundred|thousand|million|billion|mln|mn|bn)\b|(?:k|m)\b)"
_NUM = rf"(?:(?:{_DIGITS}){_SCALE}?|half\s+a\s+million|{_WORDNUM})"
_FRACTION_WORDS = "|".join(sorted((re.escape(f) for f in _FRACTIONS), key=len, reverse=True))
_ORDINAL_DENOM = r"(?:five|four|three|ten|six|seven|eight|nine|two|\d+)"
_FRACTION = rf"(?:{_FRACTION_WORDS}|\d+(?:\.\d+)?\s*(?:%|per\s*cent\b|percent\b)|(?:one|1)\s+in\s+{_ORDINAL_DENOM}\b)"

# Words without which a sentence holds no fraction or vague count: the patterns run only past these gates.
_FRACTION_GATE = re.compile(r"half|third|quarter|fifth|tenth|sixth|eighth|%|cent|majority| in ")
_VAGUE_GATE = re.compile(r"dozen|score|hundreds|thousands|millions|several|few|handful|tens of|multiple|couple|many")

_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure found in a sentence; offsets are relative to the sentence given."""

    start: int
    end: int
    low: float | None
    best: float | None
    high: float | None
    qualifier: str
    text: str
    fraction: float | None = None
    base_index: int | None = None  # index (in the same result list) of the figure a fraction is of
    anaphor: str | None = None  # "these", "the soldiers sent": a base to find earlier in the document
    increment: bool = False  # "(+12)" in a daily tally


@dataclass(frozen=True, slots=True)
class _Grammar:
    qualifier_cues: dict[str, str]
    factors: dict[str, tuple[float | None, float | None]]
    vague: re.Pattern[str]
    vague_values: dict[str, tuple[float, float, str]]
    number: re.Pattern[str]
    fraction: re.Pattern[str]


def _factor(value: object) -> float | None:
    return None if value == "none" else float(value)  # type: ignore[arg-type]


@functools.cache
def _grammar() -> _Grammar:
    qdata = load("qualifiers.toml")["qualifier"]
    cues: dict[str, str] = {}
    factors: dict[str, tuple[float | None, float | None]] = {"exact": (1.0, 1.0)}
    for name, entry in qdata.items():
        factors[name] = (_factor(entry["low_factor"]), _factor(entry["high_factor"]))
        for word in entry.get("before", []):
            cues[word.lower()] = name

    vdata = load("vague_counts.toml").get("vague", [])
    vague_values = {
        re.sub(r"\s+of$", "", v["phrase"].lower()): (float(v["low"]), float(v["high"]), "vague")
        for v in vdata
        if "low" in v and "high" in v and v["low"] != v["high"]  # "a dozen" is a number word, not a vague count
    }
    vague = re.compile(r"(?<![\w-])(" + "|".join(re.escape(p) for p in sorted(vague_values, key=len, reverse=True)) + r")(?![\w-])", re.IGNORECASE)

    number = re.compile(
        rf"(?<![\w$€£¥₴₽.,/:-])(?:(between|from)\s+)?({_NUM})(\+)?"
        rf"(?:\s*(?:-|–|—|to|and|or)\s*({_NUM})(?![\w-]))?(\+)?(?![\w])",
        re.IGNORECASE,
    )
    fraction = re.compile(rf"(?<![\w-])({_FRACTION})(?![\w-])", re.IGNORECASE)
    return _Grammar(cues, factors, vague, vague_values, number, fraction)


def word_number(text: str) -> float | None:
    """'eleven thousand' -> 11000, 'a hundred' -> 100, 'two dozen' -> 24, 'twenty-five' -> 25."""
    total, current = 0, 0
    seen = False
    for tok in re.split(r"[\s-]+", text.lower()):
        if tok in ("and", ""):
            continue
        if tok in ("a", "one") and not seen:
            current, seen = 1, True
            continue
        if tok in _UNITS:
            current += _UNITS[tok]
        elif tok in _TENS:
            current += _TENS[tok]
        elif tok == "dozen":
            current = (current or 1) * 12
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in ("thousand", "million", "billion"):
            total += (current or 1) * _SCALES[tok]
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


@functools.lru_cache(maxsize=4096)
def number_value(text: str) -> float | None:
    """Value of one number phrase: digits with separators and scale, or words."""
    t = text.strip().lower()
    if t == "half a million":
        return 500_000.0
    m = re.match(rf"^({_DIGITS})\s*(hundred|thousand|million|billion|k|m|mn|bn|mln)?$", t)
    if m:
        digits, scale = m.group(1), m.group(2)
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits) and not scale:
            value = float(digits.replace(".", ""))  # "4.000": a European thousands separator
        else:
            value = float(re.sub(r"[,\u202f\u00a0\u2009 ]", "", digits))
        return value * (_SCALES[scale] if scale else 1)
    return word_number(t)


def interval(value: float, qualifier: str, digits: int | None = 2) -> tuple[float | None, float, float | None]:
    """The (low, best, high) a qualifier gives a stated value (rounded to `digits`, or not at all)."""
    lo_f, hi_f = _grammar().factors.get(qualifier, (1.0, 1.0))
    low = None if lo_f is None else value * lo_f
    high = None if hi_f is None else value * hi_f
    if digits is not None:
        low = None if low is None else round(low, digits)
        high = None if high is None else round(high, digits)
    return low, value, high


# What a figure must not be next to. Each pattern is tried on the text around a match.
_AFTER_NOT_A_COUNT = re.compile(
    r"^(?:-?\s*(?:year|yr|month|week|day|hour|minute|second|min|sec)s?(?:-old|\s+old)?\b|(?:st|nd|rd|th)\b|"
    r"\s*(?:%|per\s*cent|percent)|\s*(?:km|kilomet(?:re|er)s?|miles?|metres?|meters?|mi|ft|feet|sq|square|hectares?|acres?|kg|kilograms?|tonnes?|tons?|mm|cm|degrees?|°|km/h|mph)\b|"
    r"\s*(?:dollars?|euros?|pounds? sterling|rubles?|roubles?|hryvnias?|hryvnia|shekels?|yuan|won|usd|eur|gbp|uah|rub)\b|"
    r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt|utc|:\d))",
    re.IGNORECASE,
)
# The word just before a figure that makes it a label, not a count ("Brigade 47", "No. 1", "Page 2"),
# looked up as the last word rather than searched for: this runs for every figure in every sentence.
_LABEL_WORDS = frozenset(
    "aged age no. nos. number page pages resolution article chapter section route highway flight version "
    "brigade battalion regiment division corps unit squadron fleet army platoon company motorway road room "
    "building grade level category phase stage day year week covid code model class type series block precinct "
    "district zone sector channel episode season item paragraph vol. p. pp. © (c)".split())
_CURRENCY = frozenset("$€£¥₴₽")
_MONTH_NAMES = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september "
    "oct october nov november dec december".split())


def _label_before(before: str) -> bool:
    """A currency sign, a model name ('Su-'), a month or a label word right before the figure."""
    stripped = before.rstrip()
    if not stripped:
        return False
    if stripped[-1] in _CURRENCY or stripped.lower().endswith("us$"):
        return True
    if before.endswith("-") and len(before) > 1 and before[-2].isalpha():
        return True  # "Su-34", "F-16", "Covid-19"
    last = stripped.rsplit(None, 1)[-1].lower()
    return last in _LABEL_WORDS or last.rstrip(".") in _MONTH_NAMES or stripped.lower().endswith("the year")


_DATE_AROUND = re.compile(rf"^\s*(?:{_MONTHS})\b\.?", re.IGNORECASE)


def _is_year(text: str) -> bool:
    return bool(re.fullmatch(r"(?:1[89]|20)\d\d", text.strip()))


def _not_a_count(sentence: str, start: int, end: int, core: str) -> bool:
    before = sentence[max(0, start - 24):start]
    after = sentence[end:end + 24]
    if _label_before(before) or _AFTER_NOT_A_COUNT.match(after) or _DATE_AROUND.match(after):
        return True
    if _is_year(core) and not re.match(r"^\s+(?:[a-z]+\s+){0,2}(?:soldiers|troops|people|civilians|personnel|fighters|tanks|drones)\b", after):
        return True
    if re.match(r"^[/.]\d", after) or re.search(r"\d[/.]$", before):  # 24/01/2025, 24.01.2025
        return True
    if re.fullmatch(r"\d+\.\d+", core.strip()) and not re.fullmatch(r"\d{1,3}\.\d{3}", core.strip()):  # a bare decimal is a rate or a version, never a head count
        return True
    if re.search(r"[A-Za-z],\s*$", before) and re.match(r"^,", after) and 14 <= (number_value(core) or 0) <= 110:
        return True  # "a man, 62, was detained": an age in apposition
    if re.match(r"^\s*of\s+(?:the|these|those|them|its|their)\b", after) and core.strip().lower() == "one":
        return True  # "one of the": a partitive, not a count
    return False


def parse_quantities(sentence: str) -> list[Quantity]:
    """Every figure in a sentence that could be a claim, in text order."""
    g = _grammar()
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in taken)

    lowered = sentence.lower()
    fractions = g.fraction.finditer(sentence) if _FRACTION_GATE.search(lowered) else ()
    for m in fractions:
        q = _fraction(sentence, m)
        if q is not None:
            found.append(q)
            taken.append((m.start(1), m.end(1)))

    vague = g.vague.finditer(sentence) if _VAGUE_GATE.search(lowered) else ()
    for m in vague:
        if not free(m.start(), m.end()):
            continue
        low, high, qual = g.vague_values[m.group(1).lower()]
        qs, qual_word = _qualifier_before(sentence, m.start())
        start = qs if qual_word else m.start()
        found.append(Quantity(start, m.end(), low, low, high, qual, sentence[start:m.end()]))
        taken.append((m.start(), m.end()))

    for m in g.number.finditer(sentence):
        if not free(m.start(2), m.end(2)):
            continue
        q = _number(sentence, m)
        for one in (q if isinstance(q, list) else [q] if q is not None else []):
            found.append(one)
            taken.append((m.start(), m.end()))

    found.sort(key=lambda q: q.start)
    return _link_fractions(sentence, found)


def _qualifier_before(sentence: str, start: int) -> tuple[int, str | None]:
    """The qualifier phrase ending just before a figure ("more than", "an estimated"): its start and words.

    The last one to four words are looked up in the cue table, longest first, rather than
    searched for with an alternation at every position (this runs for every figure)."""
    window = sentence[max(0, start - 30):start]
    if not window or not window[-1].isspace():
        return start, None
    words = window.split()
    cues = _grammar().qualifier_cues
    for n in range(min(4, len(words)), 0, -1):
        phrase = " ".join(words[-n:]).lower()
        if phrase in cues:
            where = window.lower().rfind(phrase)
            before = window[where - 1] if where > 0 else " "
            if where >= 0 and (before.isspace() or before in "(\"'“‘") and " ".join(window[where:].split()).lower() == phrase:
                return start - (len(window) - where), phrase
    return start, None


def _number(sentence: str, m: re.Match[str]) -> Quantity | list[Quantity] | None:
    lead, first, plus1, second, plus2 = m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)
    v1 = number_value(first)
    if v1 is None:
        return None
    if second is not None and not lead and re.search(r"\s(?:and|or)\s", m.group(0)):
        # "12 killed and 30 wounded" is two figures, not a range; only "between X and Y" / "X or Y" words pair up
        if " and " in m.group(0).lower() or not re.fullmatch(rf"{_WORDNUM}", first, re.IGNORECASE):
            second = None
    split = re.fullmatch(r"(.+?)\s+and\s+(.+)", first) if lead and lead.lower() == "between" and second is None else None
    if split and number_value(split.group(1)) and number_value(split.group(2)):
        # "between three hundred and five hundred": the word grammar read one number where there are two
        v1, v2 = number_value(split.group(1)), number_value(split.group(2))
        if v2 > v1:
            start = m.start(1)
            return Quantity(start, m.end(2), v1, round((v1 + v2) / 2, 2), v2, "range", sentence[start:m.end(2)])
    if second is not None and lead and lead.lower() == "from" and re.search(
            r"\b(?:rose|risen|rising|increased|climbed|jumped|grew|fell|dropped|declined|went up|revised)\s+$", sentence[:m.start()], re.IGNORECASE):
        # "rose from 30 to 52": two figures, not a range
        pair = [_single(sentence, m.start(2), m.end(2), first), _single(sentence, m.start(4), m.end(4), second)]
        return [q for q in pair if q is not None]
    if second is not None:
        v2 = number_value(second)
        if v2 is None or _is_year(first) and _is_year(second):
            return None
        scale = re.search(r"\s*(thousand|million|billion)$", second, re.IGNORECASE)
        if scale and v1 < v2 / 100 and not re.search(r"(thousand|million|billion)", first, re.IGNORECASE):
            v1 *= _SCALES[scale.group(1).lower()]  # "10 to 12 thousand"
        if v2 <= v1:
            second = None
        else:
            end = m.end(4)
            core_start = m.start(2)
            start = m.start(1) if lead else core_start
            if _not_a_count(sentence, core_start, end, first):
                return None
            return Quantity(start, end, v1, round((v1 + v2) / 2, 2), v2, "range", sentence[start:end])
    return _single(sentence, m.start(2), m.end(2), first, plus1 or (second is None and plus2))


def _single(sentence: str, core_start: int, end: int, first: str, plus: bool | str | None = None) -> Quantity | None:
    g = _grammar()
    v1 = number_value(first)
    if v1 is None or _not_a_count(sentence, core_start, end, first):
        return None
    if re.match(r"^[-\u2010]strong", sentence[end:end + 8], re.IGNORECASE) is None and re.match(r"^-[a-z]", sentence[end:end + 2], re.IGNORECASE):
        return None  # "19-year-old", "24-hour", "three-day": a compound modifier, not a count
    if sentence[max(0, core_start - 1):core_start] == "+":
        if sentence[max(0, core_start - 2):core_start] != "(+":
            return None  # "+44 20 ...": a telephone prefix
        return Quantity(core_start - 1, end, v1, v1, v1, "exact", sentence[core_start - 1:end], increment=True)
    if plus:
        return Quantity(core_start, end + 1, *interval(v1, "more_than"), "more_than", sentence[core_start:end + 1])
    qs, word = _qualifier_before(sentence, core_start)
    after = re.match(r"^\s*(?:or more|plus)\b", sentence[end:end + 10], re.IGNORECASE)
    if word:
        qual = g.qualifier_cues[word]
        return Quantity(qs, end, *interval(v1, qual), qual, sentence[qs:end])
    if after:
        return Quantity(core_start, end + after.end(), *interval(v1, "more_than"), "more_than", sentence[core_start:end + after.end()])
    return Quantity(core_start, end, v1, v1, v1, "exact", sentence[core_start:end])


def _fraction(sentence: str, m: re.Match[str]) -> Quantity | None:
    text = m.group(1).lower()
    if text in _FRACTIONS:
        f = _FRACTIONS[text]
    elif "in" in text.split():
        denom = text.split()[-1]
        d = number_value(denom)
        if not d:
            return None
        f = 1 / d
    else:
        f = float(re.match(r"[\d.]+", text).group(0)) / 100  # type: ignore[union-attr]
    after = sentence[m.end(1):]
    before = sentence[:m.start(1)]
    of_base = re.match(r"^\s+of\b", after)
    lead_of = re.search(r"\b(?:of|among)\s+(?:these|them|those|this number|this figure|the total|that number|that figure)\s*,?\s*(?:[a-z]+\s+){0,2}$", before, re.IGNORECASE)
    if not of_base and not lead_of:
        return None
    qs, word = _qualifier_before(sentence, m.start(1))
    qual = _grammar().qualifier_cues[word] if word else "exact"
    start = qs if word else m.start(1)
    anaphor = None
    if lead_of:
        anaphor = re.search(r"(these|them|those|this number|this figure|the total|that number|that figure)", lead_of.group(0), re.IGNORECASE).group(1).lower()  # type: ignore[union-attr]
    return Quantity(start, m.end(1), None, None, None, qual, sentence[start:m.end(1)], fraction=f, anaphor=anaphor)


_ANAPHOR_NP = re.compile(
    r"^\s+of\s+(those\s+(?:sent|deployed|dispatched|stationed|mobilised|mobilized|committed)\b|"
    r"(?:them|these|those|whom)\b(?!\s+(?:soldiers|troops|men|people|casualties|losses)\b)|(?:the|these|those|its|their|all|his|her)\b"
    r"(?:\s+(?!(?:since|in|on|at|by|from|with|to|who|that|which|were|was|are|is|have|has|had|and|or|but)\b)[\w'-]+){0,5})",
    re.IGNORECASE,
)


def _link_fractions(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """Tie each fraction to its base: a figure right after its 'of', else an anaphor to resolve later."""
    out = list(found)
    for i, q in enumerate(out):
        if q.fraction is None or q.anaphor is not None:
            continue
        after = sentence[q.end:]
        base_i = None
        for j in range(i + 1, len(out)):
            b = out[j]
            if b.fraction is not None:
                continue
            gap = sentence[q.end:b.start]
            if re.fullmatch(r"\s+of\s+(?:the\s+|an?\s+|some\s+|these\s+|those\s+|its\s+|their\s+)?(?:[\w'-]+\s+){0,3}?", gap, re.IGNORECASE) and len(gap) < 50:
                base_i = j
            break
        if base_i is not None:
            out[i] = _apply_base(q, out[base_i], base_i)
            continue
        np = _ANAPHOR_NP.match(after)
        if np:
            out[i] = replace(q, anaphor=np.group(1).lower())
        else:
            out[i] = replace(q, anaphor="")
    keep = [i for i, q in enumerate(out) if not (q.fraction is not None and q.base_index is None and q.anaphor == "")]
    new_index = {old: new for new, old in enumerate(keep)}
    return [replace(out[i], base_index=new_index.get(out[i].base_index)) if out[i].base_index is not None else out[i]
            for i in keep]


def _apply_base(q: Quantity, base: Quantity, base_index: int | None) -> Quantity:
    """The fraction's interval times the base's interval (conventions: fractions)."""
    f = q.fraction or 0.0
    f_low, f_best, f_high = interval(f, q.qualifier, digits=None)
    low = None if f_low is None or base.low is None else round(f_low * base.low, 2)
    high = None if f_high is None or base.high is None else round(f_high * base.high, 2)
    best = None if base.best is None else round(f_best * base.best, 2)
    qual = q.qualifier if q.qualifier != "exact" else base.qualifier
    return replace(q, low=low, best=best, high=high, qualifier=qual, base_index=base_index)


def resolve_fraction(q: Quantity, base_low: float | None, base_best: float | None, base_high: float | None,
                     base_qualifier: str) -> Quantity:
    """A fraction whose base was found elsewhere in the document."""
    base = Quantity(0, 0, base_low, base_best, base_high, base_qualifier, "")
    return _apply_base(q, base, None)
