"""The number grammar: figures in a sentence as intervals.

`parse_quantities(sentence)` returns every count in the sentence that could be a
claim (digits, number words, scale words, ranges, vague counts, fractions of a base)
with its qualifier's interval, and drops what is never a claim: years, dates, ages,
unit designations, money, durations, distances, clock times, model names.
The intervals follow docs/conventions.md; qualifier words and their factors live in
lang/en/qualifiers.toml and vague counts in lang/en/vague_counts.toml.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from fractions import Fraction

from tollbook.lang import CURRENT as en
from tollbook.lang import current, grammar
from tollbook.lang import per_language
from tollbook.lexicons import load


# The largest figure that can be a count: more than everyone alive. A larger one (a serial number, a
# digit dump, "one hundred and one hundred and ...") is not a claim, and never becomes Infinity.
MAX_COUNT = 10_000_000_000
# The longest number phrase English writes ("seven hundred and seventy-seven million seven hundred and
# seventy-seven thousand ...") is shorter; a longer match is a run of number words, not one number.
_MAX_PHRASE = 160
_MAX_INTEGER_DIGITS = len(str(MAX_COUNT))
# Opening quotes and brackets: a qualifier inside them still qualifies ('said "more than 300"', "(over 300)").
_OPENING = "\"'“‘«([{"

_DIGITS = r"\d{1,3}(?:(?:,|\u202f|\u00a0|\u2009| )\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?!\d)|\d+(?:\.\d+)?"


def _num() -> str:
    """A number in digits or in the language's words (the language being read)."""
    en = grammar()  # the language being read, looked up once for this call
    return rf"(?:(?:{_digits()}){en.SCALE_AFTER_DIGITS}?|{en.HALF_A_MILLION}|{en.WORD_NUMBER})"


def _digits() -> str:
    """How the language writes digits: its own DIGITS ("30 700", "1,5" with a decimal comma), else English's."""
    return getattr(grammar(), "DIGITS", _DIGITS)


def _range_leads() -> dict[str, str]:
    """The words that open a range, as English's "between" and "from" ("від 10 до 12": from)."""
    return getattr(grammar(), "RANGE_LEADS", {"between": "between", "from": "from"})



@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure found in a sentence; offsets are relative to the sentence given."""

    start: int
    end: int
    low: float | None  # exact decimal values, rounded to 2 places (conventions: Value); low <= best <= high
    best: float | None
    high: float | None
    qualifier: str
    text: str
    fraction: float | None = None
    base_index: int | None = None  # index (in the same result list) of the figure a fraction is of
    anaphor: str | None = None  # "these", "the soldiers sent": a base to find earlier in the document
    increment: bool = False  # "(+12)" in a daily tally
    singular: bool = False  # "a woman was killed": one person counted by a singular noun, not a number


@dataclass(frozen=True, slots=True)
class _Grammar:
    qualifier_cues: dict[str, str]
    cue_last_words: frozenset[str]  # the last word of every cue: most figures follow none of them
    factors: dict[str, tuple[Fraction | None, Fraction | None]]
    vague: re.Pattern[str]
    vague_values: dict[str, tuple[float, float, str]]
    number: re.Pattern[str]
    fraction: re.Pattern[str]


def _factor(value: object) -> Fraction | None:
    """A qualifier's factor as an exact fraction: 0.9 is nine tenths, not the nearest binary float."""
    return None if value == "none" else Fraction(str(value))


@per_language
def _grammar() -> _Grammar:
    qdata = load("qualifiers.toml")["qualifier"]
    cues: dict[str, str] = {}
    factors: dict[str, tuple[Fraction | None, Fraction | None]] = {"exact": (Fraction(1), Fraction(1))}
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

    # A NUL is no boundary: "40\x0000" is a damaged figure, not 40 and 0.
    leads = "|".join(sorted(_range_leads(), key=len, reverse=True))
    join = getattr(en, "RANGE_JOIN", "-|–|—|to|and|or")  # "10 to 12", "від 10 до 12"
    number = re.compile(
        rf"(?<![\w$€£¥₴₽.,/:\x00-])(?:({leads})\s+)?({_num()})(\+)?"
        rf"(?:\s*(?:{join})\s*({_num()})(?![\w\x00-]))?(\+)?(?![\w\x00])",
        re.IGNORECASE,
    )
    fraction = re.compile(rf"(?<![\w-])({en.FRACTION})(?![\w-])", re.IGNORECASE)
    return _Grammar(cues, frozenset(c.split()[-1] for c in cues), factors, vague, vague_values, number, fraction)


def word_number(text: str) -> float | None:
    """'eleven thousand' -> 11000, 'a hundred' -> 100, 'two dozen' -> 24, 'twenty-five' -> 25.

    None for sequences no one writes as one number ('one hundred and one hundred', 'five twenty')."""
    value = _word_value(text)
    return None if value is None else float(value)


def _word_value(text: str) -> int | None:
    en = grammar()  # the language being read, looked up once for this call
    own = getattr(en, "word_value", None)  # a language whose number words decline reads them its own way
    if own is not None:
        found = own(text)
        return int(found) if found is not None and found.denominator == 1 and found <= MAX_COUNT else None
    total, group = 0, 0  # group: the part below the last scale word ("two hundred and five" of "... thousand")
    last_scale = 0
    below_hundred = 0  # 0: nothing yet, 1: a ten ("twenty", may take a unit), 2: closed
    hundred = False
    seen = False
    for tok in re.split(r"[\s-]+", text.lower()):
        if tok in ("and", ""):
            continue
        if tok == "a" and not seen:
            group, below_hundred, seen = 1, 2, True
            continue
        if tok in en.NUMBER_UNITS:
            unit = en.NUMBER_UNITS[tok]
            if below_hundred == 2 or below_hundred == 1 and not 1 <= unit <= 9:
                return None
            group += unit
            below_hundred = 2
        elif tok in en.NUMBER_TENS:
            if below_hundred:
                return None
            group += en.NUMBER_TENS[tok]
            below_hundred = 1
        elif tok == "dozen":
            group = (group or 1) * 12
            below_hundred, hundred = 2, True
        elif tok == "hundred":
            if hundred or group >= 100:
                return None
            group = (group or 1) * 100
            below_hundred, hundred = 0, True
        elif tok in ("thousand", "million", "billion"):
            scale = en.NUMBER_SCALES[tok]
            if last_scale and scale >= last_scale:
                return None
            total += (group or 1) * scale
            group, below_hundred, hundred, last_scale = 0, 0, False, scale
        else:
            return None
        seen = True
    value = total + group
    return value if seen and value <= MAX_COUNT else None


_DIGIT_PHRASE = re.compile(rf"({_DIGITS})\s*(hundred|thousand|million|billion|k|m|mn|bn|mln)?")
_EURO_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_SEPARATORS = re.compile(r"[,\u202f\u00a0\u2009 ]")


def number_value(text: str) -> float | None:
    """Value of one number phrase: digits with separators and scale, or words; None past MAX_COUNT."""
    value = exact_value(text)
    return None if value is None else float(value)


def exact_value(text: str) -> Fraction | None:
    """The exact value of a number phrase ('64.6 million' is 64,600,000, not 64,599,999.99999999)."""
    if len(text) > _MAX_PHRASE:
        return None  # checked before the cache, which would otherwise keep megabyte keys
    return _exact_value(text, current())


@per_language
def _digit_phrase() -> re.Pattern[str]:
    """Digits and a scale word after them, as the language writes both ("1,5 млн", "11 тис.")."""
    own = getattr(grammar(), "DIGITS", None)
    if own is None:
        return _DIGIT_PHRASE
    scales = "|".join(re.escape(w) for w in sorted(grammar().NUMBER_SCALES, key=len, reverse=True))
    return re.compile(rf"({own})\s*({scales})?")


@functools.lru_cache(maxsize=4096)
def _exact_value(text: str, lang: str) -> Fraction | None:  # the language keys the cache: "1,5" is 1.5 in Ukrainian
    t = text.strip().lower()
    if t == "half a million":
        return Fraction(500_000)
    m = _digit_phrase().fullmatch(t)
    if m:
        digits, scale = m.group(1), m.group(2)
        comma = getattr(grammar(), "DECIMAL_SEPARATOR", ".") == ","
        if comma:
            digits = _SEPARATORS.sub("", digits.replace(",", "."))  # "1 234,5": spaces group, the comma is decimal
        elif _EURO_THOUSANDS.fullmatch(digits) and not scale:
            digits = digits.replace(".", "")  # "4.000": a European thousands separator
        else:
            digits = _SEPARATORS.sub("", digits)
        if len(digits.split(".")[0].lstrip("0")) > _MAX_INTEGER_DIGITS:
            return None
        value = Fraction(digits) * (en.NUMBER_SCALES[scale] if scale else 1)
        return value if value <= MAX_COUNT else None
    words = _word_value(t)
    return None if words is None else Fraction(words)


def _exact(value: float | int | Fraction) -> Fraction:
    """A stored value back to an exact one: a float is read as the decimal it prints as."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int) or value.is_integer():
        return Fraction(int(value))
    return Fraction(repr(value))


def _out(value: Fraction) -> float:
    """Round to 2 places (conventions: Value), then a float. Exact arithmetic before one monotone
    rounding keeps low <= best <= high whatever the factors."""
    if value.denominator == 1:
        return float(value.numerator)  # the common case, without Fraction's slower rounding
    return float(round(value, 2))


def interval(value: float | Fraction, qualifier: str) -> tuple[float | None, float, float | None]:
    """The (low, best, high) a qualifier gives a stated value: 'about 40' -> (36, 40, 44)."""
    return _interval(_exact(value), qualifier)


@functools.lru_cache(maxsize=4096)
def _interval(v: Fraction, qualifier: str) -> tuple[float | None, float, float | None]:
    lo_f, hi_f = _grammar().factors.get(qualifier, (Fraction(1), Fraction(1)))
    low = None if lo_f is None else _out(v * lo_f)
    high = None if hi_f is None else _out(v * hi_f)
    return low, _out(v), high


# What a figure must not be next to. Each pattern is tried on the text around a match.
# The word just before a figure that makes it a label, not a count ("Brigade 47", "No. 1", "Page 2"),
# looked up as the last word rather than searched for: this runs for every figure in every sentence.
_CURRENCY = frozenset("$€£¥₴₽")
_RATIO = re.compile(r"\b(?:one|1)\s+(?:in|out of)\s+(?:every\s+)?$", re.IGNORECASE)
_RATIO_AFTER = re.compile(r"\s+(?:in|out of)\s+(?:every\s+)?(?:\d|two|three|four|five|six|seven|eight|nine|ten)", re.IGNORECASE)
_PERIOD_LABELS = frozenset(("day", "week", "year", "month"))
_DATELINE_YEAR_AFTER = re.compile(r"\s*(?:--|[-\u2013\u2014(\[]|$)")


def _label_before(before: str, digits: bool = True, after: str = "") -> bool:
    """A currency sign, a model name ('Su-'), a month or a label word right before the figure."""
    en = grammar()  # the language being read, looked up once for this call
    stripped = before.rstrip()
    if not stripped:
        return False
    if stripped[-1] in _CURRENCY or stripped.lower().endswith("us$"):
        return True
    if digits and before.endswith("-") and len(before) > 1 and before[-2].isalpha():
        return True  # "Su-34", "F-16", "Covid-19"; not a wire slug's "RPT-One civilian killed"
    words = stripped.rsplit(None, 2)
    last = words[-1].lower().lstrip("([")
    if last in _PERIOD_LABELS and len(words) > 1 and words[-2].lower() in en.PERIOD_DETERMINERS:
        return False  # "since last year 41 soldiers", "in the past day 12": a period, then the count
    if last.rstrip(".") in en.MONTH_NAMES:
        # "8 липня 347 дітей": a date whole with its day, then a count; not a wire dateline's short year
        # ("SAN SALVADOR, 3 JAN 90 --"), which a dash or bracket follows
        dated = len(words) > 1 and words[-2].isdigit() and 1 <= int(words[-2]) <= 31
        return not dated or bool(_DATELINE_YEAR_AFTER.match(after))
    return last in en.LABEL_WORDS or stripped.lower().endswith("the year")


@per_language
def _date_around() -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{en.MONTHS_PATTERN})\b\.?", re.IGNORECASE)


def _a_date(core: str, after: str) -> bool:
    """"12 May", "5 березня": a day of a month, not a count; never a number over 31 ("900 may have drowned"),
    nor the verbs "may" and "march" in lower case."""
    m = _date_around().match(after)
    if m is None or m.group(0).strip().rstrip(".") in ("may", "march"):
        return False
    value = number_value(core.strip())
    return value is None or value <= 31


_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_DATE_DIGITS_AFTER = re.compile(r"[/.]\d")
_DECIMAL = re.compile(r"\d+\.\d+")
_APPOSITION_BEFORE = re.compile(r"[A-Za-z],\s*$")


def _is_year(text: str) -> bool:
    return bool(_YEAR.fullmatch(text.strip()))


# a lower-case word of four letters or more: the text around is not wire copy in capitals
_LOWER_CASE_WORD = re.compile(r"[a-zа-яёіїєґ]{4}")


def _not_a_count(sentence: str, start: int, end: int, core: str) -> bool:
    en = grammar()  # the language being read, looked up once for this call
    before = sentence[max(0, start - 24):start]
    after = sentence[end:end + 24]
    if _label_before(before, core.strip()[:1].isdigit(), after) or en.AFTER_NOT_A_COUNT.match(after) or _a_date(core, after) \
            or en.AGE_LIST_AFTER.match(after):
        return True
    core = core.strip()
    if _is_year(core) and not en.COUNT_NOUN_AFTER.match(after):
        return True
    if _DATE_DIGITS_AFTER.match(after) or before[-1:] in ("/", ".") and before[-2:-1].isdigit():  # 24/01/2025, 24.01.2025
        return True
    if _DECIMAL.fullmatch(core) and not _EURO_THOUSANDS.fullmatch(core):  # a bare decimal is a rate or a version, never a head count
        return True
    if after.startswith(",") and _APPOSITION_BEFORE.search(before) and 14 <= (number_value(core) or 0) <= 110:
        return True  # "a man, 62, was detained": an age in apposition
    if core.lower() == "one" and en.OF_DETERMINER_AFTER.match(after):
        return True  # "one of the": a partitive, not a count
    if core.lower() == "one" and before.lower().endswith(("no ", "any ", "every ", "no-")):
        return True  # "no one would be left homeless": nobody, not one
    if _RATIO.search(before) or core.lower() == "one" and _RATIO_AFTER.match(after):
        return True  # "one in three dead": a share, not a count
    if len(core) > 2 and core.isupper() and core.isalpha() and _LOWER_CASE_WORD.search(sentence[:start] + sentence[end:]):
        return True  # "СТО" (a service station) in ordinary text: a word in capitals is an abbreviation, not "сто"
    if core.lower() in getattr(en, "BARE_SCALES", ()):
        return True  # "скільки тисяч": a scale word with no number before it counts nothing
    if _score_pair(sentence, start, end, core):
        return True
    ratio = getattr(en, "RATIO_PAIR", None)  # "співвідношення втрат – 1 до 3": the language's ratio of two figures
    if ratio is not None and ratio.search(sentence, max(0, start - 60), start) and \
            (en.RATIO_FROM.match(sentence, start) or en.RATIO_TO_BEFORE.search(before)):
        return True
    return False


_SCORE_AFTER = re.compile(r"[-\u2013](\d{1,3})(?![\d,.]*\d)(?!\s*(?:%|percent|per cent))")
_SCORE_BEFORE = re.compile(r"(?<![\d,.])(\d{1,3})[-\u2013]$")


def _score_pair(sentence: str, start: int, end: int, core: str) -> bool:
    """"crushed the Owls 52-14", "a 4-0 defeat", "level at 98-98": two small numbers joined by a hyphen,
    the first no smaller than the second, are a score or a record, not a range (whose first number is the lower)
    nor a count."""
    if not core.isdigit() or len(core) > 3:
        return False
    value = int(core)
    after = _SCORE_AFTER.match(sentence, end)
    if after is not None and int(after.group(1)) <= value:
        return True
    before = _SCORE_BEFORE.search(sentence, max(0, start - 4), start)
    return before is not None and int(before.group(1)) >= value


class _Taken:
    """Disjoint spans kept sorted: whether a new figure overlaps one is a bisect, not a scan of all
    the figures before it (a line of 200,000 figures stays linear)."""

    __slots__ = ("starts", "ends")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)
        return i == 0 or self.ends[i - 1] <= start

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def parse_quantities(sentence: str) -> list[Quantity]:
    """Every figure in a sentence that could be a claim, in text order."""
    en = grammar()  # the language being read, looked up once for this call
    g = _grammar()
    found: list[Quantity] = []
    taken = _Taken()  # fractions and vague counts; figures of the number pattern never overlap each other

    lowered = sentence.lower()
    fractions = g.fraction.finditer(sentence) if en.FRACTION_GATE.search(lowered) else ()
    for m in fractions:
        q = _fraction(sentence, m)
        if q is not None:
            found.append(q)
            taken.add(m.start(1), m.end(1))

    numbers = list(g.number.finditer(sentence))
    vague = g.vague.finditer(sentence) if en.VAGUE_GATE.search(lowered) else ()
    for m in vague:
        if not taken.free(m.start(), m.end()) or _inside_number(numbers, m.start()):
            continue
        low, high, qual = g.vague_values[m.group(1).lower()]
        qs, qual_word = _qualifier_before(sentence, m.start())
        start = qs if qual_word else m.start()
        found.append(Quantity(start, m.end(), low, low, high, qual, sentence[start:m.end()]))
        taken.add(m.start(), m.end())

    for m in numbers:
        if not taken.free(m.start(2), m.end(2)):
            continue
        q = _number(sentence, m)
        found.extend(q if isinstance(q, list) else [q] if q is not None else [])

    spans = [(q.start, q.end) for q in found]
    for start, end in one_victims(sentence):
        if not any(a < end and start < b for a, b in spans):
            found.append(Quantity(start, end, 1, 1, 1, "exact", sentence[start:end], singular=True))

    found.sort(key=lambda q: q.start)
    return _link_fractions(sentence, found)


_VICTIM_REACH = 60  # how far before its verb a singular victim's noun phrase may start


def one_victims(text: str) -> list[tuple[int, int]]:
    """Where one person is counted by a singular noun before a verb of death or injury ("a woman was killed",
    "Serviceman killed, ..."): the article (or the noun) to the noun's end. Searched back from each verb,
    so a text with none costs one scan."""
    en = grammar()
    out: list[tuple[int, int]] = []
    for verb in en.ONE_VICTIM_VERB.finditer(text):
        lo = max(0, verb.start() - _VICTIM_REACH)
        m = en.ONE_VICTIM.search(text, lo, verb.end())
        while m is not None and m.end() != verb.start():
            m = en.ONE_VICTIM.search(text, m.start() + 1, verb.end())
        if m is not None:  # from the article, else from the noun's first modifier ("rebel sniper")
            out.append((m.start("art") if m.group("art") else m.start("phrase"), m.end("noun")))
    return out


def _inside_number(numbers: list[re.Match[str]], at: int) -> bool:
    """A vague word that ends a number begun before it: "дві тисячі" is 2,000, not "тисячі" (thousands)."""
    i = bisect_left([n.start(2) for n in numbers], at)
    return i > 0 and numbers[i - 1].end(2) > at and exact_value(numbers[i - 1].group(2)) is not None


def _qualifier_before(sentence: str, start: int) -> tuple[int, str | None]:
    """The qualifier phrase ending just before a figure ("more than", "an estimated"): its start and words.

    The last one to four words are looked up in the cue table, longest first, rather than
    searched for with an alternation at every position (this runs for every figure). Opening
    quotes and brackets around the phrase or the figure do not hide it ('"more than 300"', '(over 300)')."""
    window = sentence[max(0, start - 30):start]
    core = window.rstrip(_OPENING)
    if not core or not core[-1].isspace():
        return start, None
    words = core.split()
    g = _grammar()
    if not words or words[-1].lstrip(_OPENING).lower() not in g.cue_last_words:
        return start, None
    cues = g.qualifier_cues
    lowered = core.lower()
    for n in range(min(4, len(words)), 0, -1):
        last = words[-n:]
        phrase = " ".join([last[0].lstrip(_OPENING)] + last[1:]).lower()
        if phrase in cues:
            where = lowered.rfind(phrase)
            before = core[where - 1] if where > 0 else " "
            if where >= 0 and (before.isspace() or before in _OPENING) and " ".join(core[where:].split()).lower() == phrase:
                return start - (len(window) - where), phrase
    return start, None




_THOUSANDS = re.compile(r"\d{1,3},000")


def _number(sentence: str, m: re.Match[str]) -> Quantity | list[Quantity] | None:
    en = grammar()  # the language being read, looked up once for this call
    lead, first, plus1, second, plus2 = m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)
    lead = lead and _range_leads().get(lead.lower())  # "between" or "from", in any language
    joint = en.AND_OR.search(m.group(0)) if second is not None and not lead else None
    if joint:
        # "12 killed and 30 wounded" is two figures, not a range; only "between X and Y" / "X or Y" words pair up
        if joint.group(0).strip().lower() not in getattr(en, "OR_WORDS", ("or",)) \
                or not re.fullmatch(rf"{en.WORD_NUMBER}", first, re.IGNORECASE):
            second = None
    split = en.BETWEEN_SPLIT.fullmatch(first) if lead == "between" and second is None else None
    if split:
        # "between three hundred and five hundred": the word grammar read one number where there are two
        a, b = exact_value(split.group(1)), exact_value(split.group(2))
        if a and b and b > a:
            start = m.start(1)
            return Quantity(start, m.end(2), _out(a), _out((a + b) / 2), _out(b), "range", sentence[start:m.end(2)])
    v1 = exact_value(first)
    if v1 is None:
        return None
    v2 = exact_value(second) if second is not None else None
    if second is not None and lead == "from" and (en.CHANGE_VERB.search(sentence, max(0, m.start() - 50), m.start())
                                                   or v2 is not None and v2 < v1):
        # "rose from 30 to 52", "from 1,400 to 1,200": two figures, not a range
        # (the word joining them is no qualifier of the second: "з 30 до 52" is 52, not "up to 52")
        pair = [_single(sentence, m.start(2), m.end(2), first), _single(sentence, m.start(4), m.end(4), second, qualified=False)]
        return [q for q in pair if q is not None]
    if second is not None:
        if v2 is None or _is_year(first) and _is_year(second):
            return None
        scale = en.SCALE_END.search(second)
        core = first
        if scale and v1 < v2 / 100 and not en.SCALE_WORD.search(first):
            v1 *= en.NUMBER_SCALES[scale.group(1).lower()]  # "10 to 12 thousand"
            core = f"{first} {scale.group(1)}"  # "1.25 [million]": a scaled figure, not a bare decimal
        elif first.isdigit() and v1 < 1000 and _THOUSANDS.fullmatch(second) and v1 * 1000 < v2 < v1 * 10_000:
            v1 *= 1000  # "between 20 - 30,000": the thousands written once, for both ends
        if v2 < v1 and not lead and _lead_before(sentence, m.start()) == "from":
            # "from about 1,400 to 1,200": the lead's qualifier kept it out of the match; two figures still
            pair = [_single(sentence, m.start(2), m.end(2), first),
                    _single(sentence, m.start(4), m.end(4), second, qualified=False)]
            return [q for q in pair if q is not None]
        if v2 <= v1:
            second = None
        else:
            end = m.end(4)
            core_start = m.start(2)
            start = m.start(1) if lead else core_start
            if _not_a_count(sentence, core_start, end, core):
                return None
            return Quantity(start, end, _out(v1), _out((v1 + v2) / 2), _out(v2), "range", sentence[start:end])
    return _single(sentence, m.start(2), m.end(2), first, plus1 or (second is None and plus2))


def _lead_before(sentence: str, at: int) -> str | None:
    """The range lead a word or two before a figure ("from about 1,400"), as "between" or "from"."""
    words = sentence[max(0, at - 30):at].split()[-3:]
    return next((_range_leads()[w.lower()] for w in reversed(words[:-1]) if w.lower() in _range_leads()), None)


_COMPOUND_AFTER = re.compile(r"-[a-z]", re.IGNORECASE)


def _single(sentence: str, core_start: int, end: int, first: str, plus: bool | str | None = None,
            qualified: bool = True) -> Quantity | None:
    en = grammar()  # the language being read, looked up once for this call
    g = _grammar()
    v1 = exact_value(first)
    if v1 is None or _not_a_count(sentence, core_start, end, first):
        return None
    if _COMPOUND_AFTER.match(sentence, end) and en.STRONG_AFTER.match(sentence, end) is None:
        return None  # "19-year-old", "24-hour", "three-day": a compound modifier, not a count
    if sentence[max(0, core_start - 1):core_start] == "+":
        if sentence[max(0, core_start - 2):core_start] != "(+":
            return None  # "+44 20 ...": a telephone prefix
        v = _out(v1)
        return Quantity(core_start - 1, end, v, v, v, "exact", sentence[core_start - 1:end], increment=True)
    if plus:
        return Quantity(core_start, end + 1, *interval(v1, "more_than"), "more_than", sentence[core_start:end + 1])
    qs, word = _qualifier_before(sentence, core_start) if qualified else (core_start, None)
    if word and en.CHANGE_VERB.search(sentence, max(0, core_start - 40), core_start):
        word = None  # "зросла до 14": the verb's preposition ("rose to"), not "up to 14"
    after = en.OR_MORE_AFTER.match(sentence, end)
    if word and not (after and g.qualifier_cues[word] == "at_most"):  # "as many as 2,000 or more": at least 2,000
        qual = g.qualifier_cues[word]
        return Quantity(qs, end, *interval(v1, qual), qual, sentence[qs:end])
    if after:
        start = qs if word else core_start
        return Quantity(start, after.end(), *interval(v1, "more_than"), "more_than", sentence[start:after.end()])
    return Quantity(core_start, end, *interval(v1, "exact"), "exact", sentence[core_start:end])


_OF_AFTER = re.compile(r"\s+of\b")
_LEAD_OF_WINDOW = 120


def _fraction(sentence: str, m: re.Match[str]) -> Quantity | None:
    en = grammar()  # the language being read, looked up once for this call
    text = m.group(1).lower()
    words = text.split()
    if text in en.FRACTIONS:
        f = en.FRACTIONS[text]
    elif len(words) >= 3 and exact_value(words[-1]) is not None:  # "one in five", "один з п'яти": one of a count
        d = exact_value(words[-1])
        if not d:
            return None
        f = 1 / d
    else:
        decimal = re.escape(getattr(en, "DECIMAL_SEPARATOR", "."))
        digits = re.match(rf"\d+(?:{decimal}\d+)*", text)
        if digits is None:
            return None  # "кожен п'ятий": an ordinal share this grammar does not value
        if len(digits.group(0)) > 12:
            return None  # a digit dump before a per cent sign, not a share
        f = Fraction(digits.group(0).replace(",", ".")) / 100
    if f > 1:
        return None  # "150% of" is a change, not a share of a base
    of_base = getattr(en, "OF_AFTER", _OF_AFTER).match(sentence, m.end(1))
    # "of these, a quarter": looked for in a window before the fraction, not the whole sentence before it
    window_start = max(0, m.start(1) - _LEAD_OF_WINDOW)
    lead_of = None if of_base else en.LEAD_OF.search(sentence, window_start, m.start(1))
    if lead_of and lead_of.start() == window_start > 0 and sentence[window_start - 1].isalnum():
        lead_of = None  # the window cut a word: "...xof these" is no "of these"
    if not of_base and not lead_of:
        return None
    qs, word = _qualifier_before(sentence, m.start(1))
    qual = _grammar().qualifier_cues[word] if word else "exact"
    start = qs if word else m.start(1)
    anaphor = lead_of.group(1).lower() if lead_of else None
    return Quantity(start, m.end(1), None, None, None, qual, sentence[start:m.end(1)], fraction=float(f), anaphor=anaphor)




def _link_fractions(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """Tie each fraction to its base: a figure right after its 'of', else an anaphor to resolve later."""
    en = grammar()  # the language being read, looked up once for this call
    out = list(found)
    # The first figure (not a fraction) after each position, found in one backward pass:
    # "half of half of half of ..." must not rescan the fractions after each one.
    next_figure: list[int | None] = [None] * (len(out) + 1)
    for j in range(len(out) - 1, -1, -1):
        next_figure[j] = j if out[j].fraction is None else next_figure[j + 1]
    for i, q in enumerate(out):
        if q.fraction is None or q.anaphor is not None:
            continue
        base_i = None
        j = next_figure[i + 1]
        if j is not None and out[j].start - q.end < 50 and en.BASE_GAP.fullmatch(sentence, q.end, out[j].start):
            base_i = j
        if base_i is not None:
            out[i] = _apply_base(q, out[base_i], base_i)
            continue
        np = en.ANAPHOR_NP.match(sentence, q.end)
        paren = en.PAREN_SHARE.match(sentence, np.end()) if np else None
        given = next((k for k in range(i + 1, len(out)) if out[k].start >= paren.end()), None) if paren else None
        if given is not None and out[given].fraction is None and out[given].start == paren.end():
            out[i] = _apply_base(q, out[given], given)  # "half of the missing crew (6 out of 12)": half of 12
        elif np:
            out[i] = replace(q, anaphor=np.group(1).lower())
        else:
            out[i] = replace(q, anaphor="")
    keep = [i for i, q in enumerate(out) if not (q.fraction is not None and q.base_index is None and q.anaphor == "")]
    new_index = {old: new for new, old in enumerate(keep)}
    return [replace(out[i], base_index=new_index.get(out[i].base_index)) if out[i].base_index is not None else out[i]
            for i in keep]


def _apply_base(q: Quantity, base: Quantity, base_index: int | None) -> Quantity:
    """The fraction's interval times the base's interval (conventions: fractions), in exact arithmetic."""
    f = _exact(q.fraction or 0.0)
    lo_f, hi_f = _grammar().factors.get(q.qualifier, (Fraction(1), Fraction(1)))
    low = None if lo_f is None or base.low is None else _out(f * lo_f * _exact(base.low))
    high = None if hi_f is None or base.high is None else _out(f * hi_f * _exact(base.high))
    best = None if base.best is None else _out(f * _exact(base.best))
    qual = q.qualifier if q.qualifier != "exact" else base.qualifier
    return replace(q, low=low, best=best, high=high, qualifier=qual, base_index=base_index)


def resolve_fraction(q: Quantity, base_low: float | None, base_best: float | None, base_high: float | None,
                     base_qualifier: str) -> Quantity:
    """A fraction whose base was found elsewhere in the document."""
    base = Quantity(0, 0, base_low, base_best, base_high, base_qualifier, "")
    return _apply_base(q, base, None)
