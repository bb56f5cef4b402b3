"""Russian grammar patterns: number words, months, clause and sentence breaks, labels.

The same names as lang/en/patterns.py, with the same meaning, for the language-neutral stages
(tollbook.extract, tollbook.read.sections, tollbook.check.pairing); the phrasings each must
read are in corpus/*.json beside this file. Russian declines its number words, months and
nouns, so the tables below list lemmas and the forms come from lang/ru/inflect.py (pymorphy3),
made once and kept on disk (`form_tables`), never listed by hand. The names beyond English's
are the same as lang/uk/patterns.py gives:
- NUMBER_HUNDREDS and `word_value` ("двести сорок пять тысяч", "полторы тысячи" = 1500);
- DIGITS and DECIMAL_SEPARATOR ("1,5 млн", "30 700");
- RANGE_LEADS and RANGE_JOIN ("от 10 до 12 тысяч");
- NUMERIC_DATE, AS_OF ("по состоянию на 24 января"), PAST_DAY ("за прошедшие сутки"),
  SINCE_START, DATE_SPAN, AGO_AFTER;
- REPORT_BEFORE ("по данным Минобороны") and INSTRUMENTAL_AGENT ("убиты российскими военными").
"""

from __future__ import annotations

import re
from fractions import Fraction

from tollbook.lang import NEVER, form_tables

# --- lemmas (the data the forms are made from) -------------------------------------------

# Collective numerals count people ("двоє/двое дітей"): they are units of their value.
_UNIT_LEMMAS = {
    0: ["ноль/N", "нуль/N"], 1: ["один/A"], 2: ["два/NUM", "двое/NUM"], 3: ["три/NUM", "трое/NUM"], 4: ["четыре/NUM", "четверо/NUM"], 5: ["пять/NUM", "пятеро/NUM"],
    6: ["шесть/NUM", "шестеро/NUM"], 7: ["семь/NUM", "семеро/NUM"], 8: ["восемь/NUM", "восьмеро/NUM"], 9: ["девять/NUM", "девятеро/NUM"], 10: ["десять/NUM", "десятеро/NUM"],
    11: ["одиннадцать/NUM"], 12: ["двенадцать/NUM"], 13: ["тринадцать/NUM"], 14: ["четырнадцать/NUM"],
    15: ["пятнадцать/NUM"], 16: ["шестнадцать/NUM"], 17: ["семнадцать/NUM"], 18: ["восемнадцать/NUM"],
    19: ["девятнадцать/NUM"],
}
_TEN_LEMMAS = {20: ["двадцать/NUM"], 30: ["тридцать/NUM"], 40: ["сорок/NUM"], 50: ["пятьдесят/NUM"],
               60: ["шестьдесят/NUM"], 70: ["семьдесят/NUM"], 80: ["восемьдесят/NUM"], 90: ["девяносто/NUM"]}
_HUNDRED_LEMMAS = {100: ["сто/NUM"], 200: ["двести/NUM"], 300: ["триста/NUM"], 400: ["четыреста/NUM"],
                   500: ["пятьсот/NUM"], 600: ["шестьсот/NUM"], 700: ["семьсот/NUM"], 800: ["восемьсот/NUM"],
                   900: ["девятьсот/NUM"]}
_SCALE_LEMMAS = {1_000: ["тысяча/N"], 1_000_000: ["миллион/N"], 1_000_000_000: ["миллиард/N"]}
_FRACTION_LEMMAS = {"1/2": ["половина/N"], "1/3": ["треть/N"], "1/4": ["четверть/N"], "1/5": ["пятая часть"],
                    "1/10": ["десятая часть"], "1/6": ["шестая часть"], "1/8": ["восьмая часть"],
                    "2/3": ["две трети"], "3/4": ["три четверти"], "2/5": ["две пятых"], "majority": ["большинство/N"]}
_MONTH_LEMMAS = {1: ["январь/N"], 2: ["февраль/N"], 3: ["март/N"], 4: ["апрель/N"], 5: ["май/N"], 6: ["июнь/N"],
                 7: ["июль/N"], 8: ["август/N"], 9: ["сентябрь/N"], 10: ["октябрь/N"], 11: ["ноябрь/N"],
                 12: ["декабрь/N"]}
# Short month names of dates and tables ("24 февр."), by month.
_MONTH_ABBREVIATIONS = {1: "янв", 2: "февр", 3: "мар", 4: "апр", 6: "июн", 7: "июл", 8: "авг", 9: "сент",
                        10: "окт", 11: "нояб", 12: "дек"}
_WEEKDAY_LEMMAS = {0: ["понедельник/N"], 1: ["вторник/N"], 2: ["среда/N"], 3: ["четверг/N"], 4: ["пятница/N"],
                   5: ["суббота/N"], 6: ["воскресенье/N"]}
_WORD_LEMMAS = {
    # verbs of reaching: "число погибших возросло до 52", "потери достигли 4 000"
    "reach": ["возрасти/V", "вырасти/V", "расти/V", "увеличиться/V", "подскочить/V", "достичь/V", "достигнуть/V",
              "достигать/V", "превысить/V", "превышать/V", "составить/V", "составлять/V", "насчитывать/V",
              "приблизиться/V"],
    "change": ["возрасти/V", "вырасти/V", "увеличиться/V", "уменьшиться/V", "снизиться/V", "сократиться/V",
               "упасть/V", "пересмотреть/V", "уточнить/V", "подскочить/V"],
    "event": ["атака/N", "удар/N", "обстрел/N", "авиаудар/N", "землетрясение/N", "толчок/N", "наводнение/N", "взрыв/N",
              "вторжение/N", "наступление/N", "теракт/N", "трагедия/N", "катастрофа/N", "война/N", "нападение/N",
              "штурм/N", "бомбардировка/N", "обрушение/N", "шторм/N", "ураган/N", "пожар/N", "авария/N", "резня/N"],
    "fighters": ["военный/N", "солдат/N", "боец/N", "военнослужащий/N", "наёмник/N", "боевик/N", "десантник/N",
                 "морпех/N", "резервист/N", "срочник/N", "мобилизованный/N", "доброволец/N", "заключённый/N",
                 "штурмовик/N", "личный состав"],
    "says": ["сообщить/V", "сообщать/V", "заявить/V", "заявлять/V", "утверждать/V", "подтвердить/V", "оценить/V",
             "оценивать/V", "насчитать/V", "подсчитать/V", "сказать/V"],
    "active": ["убить/VA", "уничтожить/VA", "сбить/VA", "пленить/VA", "захватить/VA", "ликвидировать/VA",
               "нейтрализовать/VA", "ранить/VA", "поразить/VA", "вывести/VA", "обезвредить/VA"],
    "attack": ["попасть/VA", "ударить/VA", "атаковать/VA", "запустить/VA", "выпустить/VA", "обстрелять/VA", "поразить/VA"],
    "deployed": ["направить/V", "отправить/V", "развернуть/V", "разместить/V", "перебросить/V", "прибыть/V",
                 "контингент/N", "группировка/N", "развёртывание/N"],
    "group_killed": ["погибший/N", "убитый/A", "жертва/N", "мёртвый/A"],
    "group_wounded": ["раненый/N", "пострадавший/N", "травмированный/A"],
    "group_casualties": ["потеря/N"],
    "group_missing": ["пропавший/N"],
    "group_displaced": ["эвакуированный/A", "переселенец/N"],
    "label": ["бригада/N", "батальон/N", "полк/N", "дивизия/N", "корпус/N", "номер/N", "статья/N", "пункт/N",
              "страница/N", "раздел/N", "маршрут/N", "трасса/N", "рейс/N", "версия/N", "категория/N", "уровень/N",
              "этап/N", "фаза/N", "зона/N", "сектор/N", "канал/N", "сезон/N", "том/N", "резолюция/N", "дом/N",
              "квартира/N", "этаж/N", "школа/N", "лицей/N", "гимназия/N", "палата/N", "полигон/N",
              "день/N", "неделя/N", "год/N", "месяц/N", "группа/N", "класс/N", "тип/N", "модель/N", "серия/N"],
    # units of time a forecast counts in ("в ближайшие два месяца")
    "time_day": ["день/N", "сутки/N"], "time_week": ["неделя/N"], "time_month": ["месяц/N"], "time_year": ["год/N"],
    "period": ["прошлый/A", "этот/A", "следующий/A", "предыдущий/A", "каждый/A", "тот/A", "один/A", "тот же",
               "текущий/A", "последний/A", "прошедший/A"],
}


def _groups() -> dict[str, list[str]]:
    """Every lemma table above as one dict of named groups (the cache key is its content)."""
    groups: dict[str, list[str]] = {}
    for prefix, table in (("unit", _UNIT_LEMMAS), ("ten", _TEN_LEMMAS), ("hundred", _HUNDRED_LEMMAS),
                          ("scale", _SCALE_LEMMAS), ("fraction", _FRACTION_LEMMAS), ("month", _MONTH_LEMMAS),
                          ("weekday", _WEEKDAY_LEMMAS)):
        groups |= {f"{prefix}:{key}": lemmas for key, lemmas in table.items()}
    groups |= {f"word:{key}": lemmas for key, lemmas in _WORD_LEMMAS.items()}
    return groups


_FORMS = form_tables("ru", _groups())


def _table(prefix: str) -> dict[str, list[str]]:
    return {key.split(":", 1)[1]: forms for key, forms in _FORMS.items() if key.startswith(prefix + ":")}


def _lower_map(prefix: str) -> dict[str, int]:
    return {form.lower(): int(key) for key, forms in _table(prefix).items() for form in forms}


def _words(name: str) -> list[str]:
    return _FORMS[f"word:{name}"]


def _alternation(words: object) -> str:
    """A regex alternation of words as a trie of their letters, the longer word first at every branch
    (so "двадцатью" wins over "двадцать"): thousands of word forms compile in milliseconds, not a second."""
    trie: dict = {}
    for word in {str(w).lower() for w in words}:  # type: ignore[attr-defined]
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
    return body


_APOSTROPHE = "'\u2019"

# --- numbers (tollbook.extract.numbers, tollbook.extract.scan) ---------------------------

NUMBER_UNITS = _lower_map("unit")
NUMBER_TENS = _lower_map("ten")
# Russian writes hundreds as words of their own (двести, пятьсот), in every case (двухсот, пятистам).
NUMBER_HUNDREDS = _lower_map("hundred")
NUMBER_SCALES = _lower_map("scale") | {"тыс": 1_000, "тыс.": 1_000, "млн": 1_000_000, "млн.": 1_000_000,
                                       "млрд": 1_000_000_000, "млрд.": 1_000_000_000, "к": 1_000}
# "пол", "полтора/полторы/полутора": half of, one and a half ("полторы тысячи" = 1500, "полмиллиона" = 500 000).
HALF_WORDS = {"пол": Fraction(1, 2), "полтора": Fraction(3, 2), "полторы": Fraction(3, 2), "полутора": Fraction(3, 2),
              "полтораста": Fraction(150), "полутораста": Fraction(150)}
_F = Fraction
_FRACTION_VALUES = {"1/2": _F(1, 2), "1/3": _F(1, 3), "1/4": _F(1, 4), "1/5": _F(1, 5), "1/10": _F(1, 10), "1/6": _F(1, 6),
                    "1/8": _F(1, 8), "2/3": _F(2, 3), "3/4": _F(3, 4), "2/5": _F(2, 5), "majority": _F(1, 2)}
FRACTIONS = {form.lower(): _FRACTION_VALUES[key] for key, forms in _table("fraction").items() for form in forms}
_ALL_NUMBER_WORDS = list(NUMBER_UNITS) + list(NUMBER_TENS) + list(NUMBER_HUNDREDS) + [
    w for w in NUMBER_SCALES if w.isalpha() and len(w) > 2]
_WORD = _alternation(_ALL_NUMBER_WORDS)
# A number written in words: "двести сорок пять тысяч", "полторы тысячи", "полмиллиона", "тысяча",
# "восемь с половиной тысяч" (8 500).
_SCALE_WORDS = _alternation(w for w in NUMBER_SCALES if w.isalpha() and len(w) > 2)
WORD_NUMBER = rf"(?:(?:пол(?:тора|торы|утора)?\s*)(?:{_SCALE_WORDS})|пол(?:у)?тораста|(?:{_WORD}))(?:\s+(?:{_WORD}|с\s+половиной(?=\s+(?:{_SCALE_WORDS}))))*"
# Digits: thousands grouped by a space or a no-break or thin space ("30 700", "1 000 000"), a comma
# for decimals ("1,5 млн"); English's "1,500" is not Russian.
DIGITS = r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
DECIMAL_SEPARATOR = ","
_SCALE_FORMS = _alternation([w for w in NUMBER_SCALES if w.isalpha() or w.endswith(".")])
SCALE_AFTER_DIGITS = rf"(?:\s*(?:{_SCALE_FORMS})(?![\w]))"
HALF_A_MILLION = r"пол\s*миллиона|полмиллиона"
_FRACTION_WORDS = _alternation(FRACTIONS)
FRACTION = (rf"(?:{_FRACTION_WORDS}|\d+(?:,\d+)?\s*(?:%|проц\.|процент\w*)|"
            rf"(?:один|одна|каждый|каждая)\s+из\s+(?:{_alternation(NUMBER_UNITS)}|\d+)(?!\w)|"
            rf"кажд(?:ый|ого|ая|ой)\s+(?:второй|третий|четвёртый|четвертый|пятый|десятый|второго|третьего|пятого|десятого))")
# The ordinal of "every fifth" ("каждый пятый"), as English names its denominators.
_ORDINAL_DENOM = r"(?:второй|третий|четвёртый|четвертый|пятый|шестой|десятый|\d+)"
# Words without which a sentence holds no fraction or vague count: the patterns run only past these gates.
# No singular-victim count is read in Russian yet: its figures are written out ("погиб 1 человек")
ONE_VICTIM_VERB = re.compile(r"(?!)")
ONE_VICTIM = re.compile(r"(?!)")
FRACTION_GATE = re.compile(r"половин|трет|четверт|част|пятых|%|проц|большинств|кажд| из ", re.IGNORECASE)
VAGUE_GATE = re.compile(r"десят|сот|тысяч|миллион|несколько|нескольк|горстк|пар", re.IGNORECASE)
# Words a candidate scan stops at: any of them may start a figure.
SCAN_WORDS = sorted(set(_ALL_NUMBER_WORDS) | set(FRACTIONS) | {"пол", "полтора", "полторы", "полутора", "полмиллиона",
                    "несколько", "нескольких", "десятки", "десятков", "сотни", "сотен", "тысячи"})
# Words right before a figure that make it a label, not a count ("бригада 47", "№ 12", "статья 3").
LABEL_WORDS = frozenset({w.lower() for w in _words("label")} | {"№", "no.", "п.", "ст.", "стр.", "с.", "ул.", "д.",
                        "кв.", "рис.", "табл.", "covid", "ковид"})
# Before "день", "неделя", "месяц" or "год", these make it a period, not a label: "на прошлой неделе 41 солдат".
PERIOD_DETERMINERS = frozenset(w.lower() for w in _words("period"))
# Range words: "от 10 до 12 тысяч", "между 10 и 12 тысячами", "10–12 тысяч".
# The word opening a range, as English's "from" or "between" (a "from" after a verb of change opens two figures).
RANGE_LEADS = {"от": "from", "с": "from", "со": "from", "между": "between"}
RANGE_JOIN = r"(?:-|–|—|до|и|или)"

# --- months and days (tollbook.extract.numbers, tollbook.extract.times) ------------------

_MONTH_FORMS = _table("month")
MONTHS_PATTERN = (_alternation(f for forms in _MONTH_FORMS.values() for f in forms) + "|"
                  + "|".join(a + r"\.?" for a in _MONTH_ABBREVIATIONS.values()))
MONTH_NAMES = frozenset({f.lower() for forms in _MONTH_FORMS.values() for f in forms} | set(_MONTH_ABBREVIATIONS.values()))
# Keys as tollbook.extract.times looks them up: capitalised ("Февраля"), full forms and short ones.
MONTHS = {f.capitalize(): int(key) for key, forms in _MONTH_FORMS.items() for f in forms} | {
    a.capitalize(): m for m, a in _MONTH_ABBREVIATIONS.items()}
WEEKDAYS = {f.lower(): int(key) for key, forms in _table("weekday").items() for f in forms}
# Small counts in time phrases ("две недели назад", "трое суток").
TIME_NUMBERS = {w: v for w, v in NUMBER_UNITS.items() if 1 <= v <= 12}

# Times official statements and the press write: "по состоянию на 24 января", "на утро 24.02",
# "за прошедшие сутки", "с 24.02.2022 по 01.06", "24.02.2022", "с начала полномасштабного вторжения".
NUMERIC_DATE = re.compile(r"(?<![\d.,])(?P<day>[0-3]?\d)\.(?P<month>[01]\d)(?:\.(?P<year>(?:19|20)?\d\d))?(?![\d])(?:\s*г\.)?")
AS_OF = re.compile(r"\b(?:по\s+состоянию\s+на(?:\s+утро|\s+вечер)?|на\s+утро|на\s+сегодня|на\s+данный\s+момент|на\s+(?=\d))", re.IGNORECASE)
PAST_DAY = re.compile(r"\b(?:за\s+(?:прошедшие|минувшие|последние|истекшие)\s+сутки|за\s+сутки|в\s+течение\s+(?:прошедших\s+)?суток)\b",
                      re.IGNORECASE)
SINCE_START = re.compile(r"\b(?:с|от)\s+начала\s+(?:полномасштабного\s+|широкомасштабного\s+)?"
                         r"(?:вторжения|войны|агрессии|специальной\s+военной\s+операции|СВО|года|месяца|наступления)\b", re.IGNORECASE)
# "с 24.02.2022 по 01.06": the groups tollbook.extract.times reads a span by (d1, month1, year1 to d2, month2, year).
DATE_SPAN = re.compile(r"\b(?:с|со|от)\s+(?P<d1>[0-3]?\d)\.(?P<month1>[01]\d)(?:\.(?P<year1>(?:19|20)?\d\d))?(?:\s*г\.)?"
                       r"\s*(?:по|до|[-\u2013\u2014])\s*(?P<d2>[0-3]?\d)\.(?P<month2>[01]\d)(?:\.(?P<year>(?:19|20)?\d\d))?(?!\d)",
                       re.IGNORECASE)
AGO_AFTER = re.compile(r"^\s+назад\b", re.IGNORECASE)

# The time rules, Duckling's way: (pattern, resolver) pairs tollbook.extract.times runs in this order (an
# earlier rule's match keeps its words from a later one), each resolver a shared function named here.
# A date's lead says what it is by its group: lead_as_of ("по состоянию на": a running total's end),
# lead_since ("с": from then to the reference date), lead_by ("до"); a relative time names its
# English meaning by its group ("last_week"). TIME_GATES: words without which a rule cannot match.
_M = MONTHS_PATTERN
_YEAR_WORD = r"(?:\s*(?:года|год|г\.))?"
_DATE_LEAD = (rf"(?P<lead>(?P<lead_as_of>{AS_OF.pattern.removeprefix(chr(92) + 'b')})\s*|"
              r"(?P<lead_since>с|со|от|начиная\s+с)\s+|(?P<lead_by>до)\s+)?")
TIME_UNITS = {form.lower(): unit for unit in ("day", "week", "month", "year") for form in _words(f"time_{unit}")}
_RELATIVE = "|".join([
    r"(?P<today>\bсегодня(?:\s+утром|\s+вечером)?\b|\bэтим\s+утром\b|\bэтим\s+вечером\b)",
    r"(?P<yesterday>\bвчера\b)",
    r"(?P<overnight>\bночью\b|\bпрошлой\s+ночью\b|\bэтой\s+ночью\b|\bв\s+ночь\s+на\s+\w+\b)",
    rf"(?P<past_day>{PAST_DAY.pattern})",
    r"(?P<past_24_hours>\b(?:за|в\s+течение)\s+(?:последние|последних|прошедшие|прошедших)\s+24\s+час(?:а|ов)?\b)",
    r"(?P<last_week>\bна\s+прошлой\s+неделе\b|\bна\s+предыдущей\s+неделе\b)",
    r"(?P<this_week>\bна\s+этой\s+неделе\b)",
    r"(?P<past_week>\b(?:за|в\s+течение)\s+(?:прошедшую|последнюю|прошедшей|последней)\s+недел[юи]\b)",
    r"(?P<last_month>\bв\s+прошлом\s+месяце\b|\bв\s+предыдущем\s+месяце\b|\bпрошлого\s+месяца\b)",
    r"(?P<this_month>\bв\s+этом\s+месяце\b|\bэтого\s+месяца\b)",
    r"(?P<last_year>\bв\s+прошлом\s+году\b|\bв\s+предыдущем\s+году\b|\bпрошлого\s+года\b)",
    r"(?P<this_year>\bв\s+этом\s+году\b|\bэтого\s+года\b|\bв\s+текущем\s+году\b)",
    r"(?P<weekend>\bна\s+выходных\b|\bв\s+выходные\b)",
])
TIME_RULES = [
    (DATE_SPAN.pattern, "day_range"),
    (rf"\b(?:с|со|от|между)\s+(?P<d1>[0-3]?\d)(?:\s+(?P<month1>{_M})(?:\s+(?P<year1>(?:19|20)\d\d){_YEAR_WORD})?)?\s*(?:по|до|и|[-\u2013\u2014])\s*(?P<d2>[0-3]?\d)\s+"
     rf"(?P<month2>{_M})(?:\s+(?P<year>(?:19|20)\d\d){_YEAR_WORD})?(?!\w)", "day_range"),
    (rf"(?<![\w.]){_DATE_LEAD}(?P<day>[0-3]?\d)\s+(?P<month>{_M})(?:\s+(?P<year>(?:19|20)\d\d){_YEAR_WORD})?(?!\w)", "day_month"),
    (rf"(?<![\w.,]){_DATE_LEAD}{NUMERIC_DATE.pattern.removeprefix('(?<![' + chr(92) + 'd.,])')}", "day_month"),
    (r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", "iso"),
    (rf"\b(?P<lead>(?P<lead_since>с|со|от|начиная\s+с)\s+|(?P<lead_by>до)\s+|(?:в|во|в\s+течение|за)\s+)"
     rf"(?P<month>{_M})(?:\s+(?P<year>(?:19|20)\d\d){_YEAR_WORD})?(?!\w)", "month_year"),
    # a weekday with its preposition, as "сред" (of Wednesdays) is also "сред" (of media)
    (rf"\b(?:в|во|в\s+прошлый|в\s+прошлую|в\s+этот|в\s+эту)\s+(?P<wd>{_alternation(WEEKDAYS)})(?!\w)", "weekday"),
    (r"\bдо\s+конца\s+(?:этого\s+|текущего\s+)?года\b", "end_of_year"),
    (rf"{SINCE_START.pattern}|\b(?:по\s+состоянию\s+)?на\s+(?:сегодня|сегодняшний\s+день|данный\s+момент|настоящий\s+момент)\b|"
     r"\bвсего\s+с\s+начала\b|\bв\s+общей\s+сложности\b|\bк\s+настоящему\s+времени\b", "since_start"),
    (_RELATIVE, "relative"),
    (rf"\b(?:в\s+течение|в|за|на)\s+(?:ближайш\w+|следующ\w+)\s+(?:(?P<n>\d+|{_alternation(TIME_NUMBERS)})\s+)?"
     rf"(?P<unit>{_alternation(TIME_UNITS)})(?!\w)", "forward"),
]
_MONTH_STEMS = tuple(sorted({name.lower()[:3] for name in MONTHS}))
TIME_GATES = {
    "day_range": _MONTH_STEMS + (".",), "day_month": _MONTH_STEMS + (".",), "iso": ("-0", "-1"),
    "month_year": _MONTH_STEMS, "weekday": ("понедельн", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресен"),
    "end_of_year": ("конца",), "since_start": ("начала", "сегодня", "момент", "сложности", "настоящему"),
    "relative": ("сегодня", "вчера", "утром", "вечером", "ночь", "ночью", "сутк", "суток", "час", "недел", "месяц",
                 "году", "года", "выходн"),
    "forward": ("ближайш", "следующ"),
}

# --- sentences and clauses (tollbook.extract.sentences, .proximity, .confidence) ---------

ABBREVIATIONS = {"г", "гг", "пгт", "с", "обл", "р-н", "ст", "т", "тыс", "млн", "млрд", "руб", "долл", "см", "им", "ул",
                 "просп", "пер", "ген", "полк", "подполк", "п", "пп", "т.н", "т.е", "напр", "в т.ч", "др", "пр", "кв",
                 "км", "ч", "мин", "янв", "февр", "мар", "апр", "июн", "июл", "авг", "сент", "окт", "нояб", "дек", "нар",
                 "проф", "акад", "д", "стр", "рис", "табл", "св", "пос", "дер", "ок", "т.д", "т.п"}
_UPPER = "А-ЯЁA-Z"
SENTENCE_END = re.compile(rf"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«„(\[]?[{_UPPER}0-9—–-])")
# Where a cue stops reaching a figure: the nearest-cue search does not cross these.
CLAUSE_BREAK = re.compile(r"\b(?:и|а|но|однако|тогда как|в то время как|при этом|зато)\b|;", re.IGNORECASE)
# An opening clause of concession ("Хотя ..., ..."): its words of loss describe it, not the main clause's figures.
CONCESSIVE_OPENING = re.compile(r"\s*(?:Хотя|Несмотря на то,? что|В то время как)\b[^;]*?,(?!\s*что|\s*що)")
# A verb of reaching right before a figure: its subject ("число погибших", "потери оккупантов")
# names the measure, however far back in the clause.
REACHES_BEFORE = re.compile(
    rf"\b(?:{_alternation(_words('reach'))})\s+(?:уже\s+|почти\s+|более\s+)?(?:до\s+|свыше\s+|более\s+)?(?:[\w{_APOSTROPHE}]+\s+){{0,1}}$",
    re.IGNORECASE)
# A date that names an event, not the day a figure stands at: "нападение 7 октября", "землетрясение 6 февраля".
_EVENT_NOUN = f"(?:{_alternation(_words('event'))})"
# (a place may come between: "в среду в Чернигове в результате ракетного удара")
EVENT_AFTER_DATE = re.compile(rf"\s*,?\s*(?:(?:в|во|на|под)\s+[{_UPPER}][\w{_APOSTROPHE}-]*\s+)?(?:[\w{_APOSTROPHE}-]+\s+){{0,3}}{_EVENT_NOUN}\b",
                              re.IGNORECASE)
EVENT_BEFORE_DATE = re.compile(
    rf"\b(?:{_EVENT_NOUN}|начал\w*|произош\w*|случил\w*|ударил\w*|накрыл\w*)\b"
    r"[^,.;\d]{0,60}?(?:\b(?:с|от|после|на)\s+)?$", re.IGNORECASE)
# Presence as deployment: "12 000 военных КНДР находятся в Курской области".
# The same, the verb and place before the figure: "в Курской области находятся около 11 000 военных".
PRESENCE_BEFORE = re.compile(r"(?:в|во|на|под|возле|около)\s+[\w'’ -]{3,40}?\s+(?:находятся|находится|пребывают|воюют|размещены|"
                             r"расположены|дислоцируются)\s+(?:сейчас\s+|до сих пор\s+|уже\s+|ныне\s+)?(?:\w+\s+)?$", re.IGNORECASE)
PRESENCE_AFTER = re.compile(
    rf"\s+(?:[\w{_APOSTROPHE}-]+\s+){{0,2}}(?:находятся|находились|находится|пребывают|воюют|воевали|размещены|"
    rf"расположены|дислоцируются)\s+(?:сейчас\s+|до сих пор\s+|уже\s+|ныне\s+)?(?:в|во|на|под|возле|около)\s+[{_UPPER}]")
# A possessive before a count of people: its strength ("свои 4 500 бойцов", "их 50 тысяч наёмников").
OWNED_BEFORE = re.compile(r"\b(?:свои|своих|своими|своим|их|его|её|ее|наши|наших)\s+"
                          r"(?:(?:собственные|собственных|около|почти|примерно|более)\s+)?$", re.IGNORECASE)
# Nouns of fighting people: a possessive count of these is a strength.
FIGHTERS = re.compile(f"(?:{_alternation(_words('fighters'))})", re.IGNORECASE)
# A finite verb (auxiliary) right before a measure word: "... было убито", "были ранены".
FINITE_BEFORE = re.compile(r"\b(?:было|были|был|была|будет|будут|оказались|оказалось)\s+(?:\w+о\s+)?$|"
                           r"^(?:было|были|был|была)\s", re.IGNORECASE)
# Where a clause that may name its own speaker starts: "X заявил о 35 погибших, тогда как ..., по данным Y".
# A clause that opens with these hangs on the one before it: its speaker vouches for its own figures only.
SPEAKER_SUBORDINATE = re.compile(r"\s(?:после того как|когда|поскольку)\s", re.IGNORECASE)
SPEAKER_CLAUSE_BREAK = re.compile(r",\s*(?:тогда как|в то время как|а|но|однако|при этом|и)\s|;\s|"
                                  r"\s(?:и|а)\s(?=по\s+(?:данным|словам|информации|оценкам)\b|согласно\b)", re.IGNORECASE)
# Where the subject's clause starts, looking back from the figure.
# After a figure, its loss negated ("... did not die"): a denial of the figure.
NEGATED_AFTER = re.compile(r"\\s+(?:[\\w'’-]+\\s+){0,3}?(?:не|никогда не)\\s+(?:погиб\\w*|умер\\w*|(?:были\\s+)?убит\\w*|(?:были\\s+)?ранен\\w*)", re.IGNORECASE)
SUBJECT_CLAUSE_BREAK = re.compile(r";|:|\s[-\u2013\u2014\u2012]\s|\b(?:и|но|а|тогда как)\s", re.IGNORECASE)
# Between two figures, the joint of an ellipsis: the second shares the first's verb.
OF_WHOLE = re.compile(r"\s+(?:из|изо)\s+", re.IGNORECASE)  # "40 из 52 воздушных целей"
# A disaster named in the sentence: a people's dead in it are its civilians ("7,913 Russians died in fires").
DISASTER_CAUSE = re.compile(r"\b(?:пожар\w*|наводнени\w*|паводк\w*|землетрясени\w*|шторм\w*|ураган\w*|лавин\w*|оползн\w*|утонул\w*|ДТП|авари\w*)", re.IGNORECASE)
COORDINATED = re.compile(r"\s*,?\s*и\s+", re.IGNORECASE)  # "шесть мужчин и две женщины ... погибли"
# "ещё шесть" stands before the figure (ELLIPSIS_BEFORE): no word after a figure adds it to the one before
MORE_AFTER = re.compile(r"(?!)")
ELLIPSIS_BEFORE = re.compile(r"(?:,\s*(?:и|а|тогда как|в то время как)?|\s(?:и|а|тогда как|в то время как))\s+(?:(?:еще|ещё)\s+)?$", re.IGNORECASE)
# Between two figures, what makes the second a pair of the first: "с 30 до 52", "до 52 с 30", "52 против 30 накануне".
PAIRED_AFTER = re.compile(r"\s+(?:до|с|со|от)\s+|,?\s+(?:по сравнению с|против|тогда как ранее|а ранее)\s+", re.IGNORECASE)
# Between a figure and the next, a total of what came before: "..., доведя общее число до 41 732".
TOTAL_BEFORE = re.compile(r"\b(?:доведя|увеличив|подняв|довело|довели|увеличило)\s+(?:[\w'-]+\s+){0,2}"
                          r"(?:количество|число|потери|показатель|общее количество|общее число)\s+(?:[\w'-]+\s+){0,2}до\s+$",
                          re.IGNORECASE)
# After a figure, a part named in passing: "Погибли 13 человек, среди них пятеро детей".
# Between a part and its whole after it: "двое журналистов оказались среди 15 погибших".
AMONG_BEFORE_WHOLE = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:(?:были|оказались|оказался|был)\s+)?(?:среди|в числе)\s+", re.IGNORECASE)
PART_AFTER = re.compile(r"[^,;.]{0,40},\s*(?:среди них|среди которых|из них|в том числе|включая|из которых)\s+", re.IGNORECASE)
# The clause a hedge or modality cue governs ends at these.
CUE_CLAUSE_BREAK = re.compile(r";|,\s*(?:и|но|а|тогда как)\b|\bно\b|\bоднако\b|\bтогда как\b|\bв то время как\b", re.IGNORECASE)

# A line of a daily loss tally: a label, a dash or colon, a figure ("танки ‒ 10 200 (+5)",
# "особового складу ‒ близько 834 000 (+1 120) осіб"); its measure is the list's heading.
TALLY_LINE = re.compile(r"^\W{0,3}[^\W\d_][\w ,/()'’ʼ-]{1,60}?\s*[—–‒:-]+\s*(?:около|более|свыше|почти|примерно|ориентировочно|не менее|порядка)?\s*\d", re.IGNORECASE)

# --- document sections and headlines (tollbook.read.sections, tollbook.check.pairing) ----

SUMMARY_LABEL = re.compile(
    r"^\s*(главное|коротко|основное|ключевые факты|что известно|итоги|главные тезисы|самое важное|коротко о главном)\s*:?\s*$",
    re.IGNORECASE,
)
SAYS = re.compile(rf"\b(?:{_alternation(_words('says'))})\b", re.IGNORECASE)

# --- parts of a count (tollbook.extract.pipeline) -----------------------------------------

# An auxiliary between figure and cue: "12 человек было убито" reads the cue after the figure.
AUXILIARY = re.compile(r"\b(?:был|была|было|были|будет|будут|мог|могла|могли|может|могут)\b", re.IGNORECASE)
# "среди них N", "в том числе N": the figure is a part of the one before it.
# A sentence that opens as a part of what came before ("Зокрема, 9 дістали поранення у ..."): its figures are
# parts of the document's latest figure.
SUBSET_OPENS = re.compile(r"^\W*(?:(?:к сожалению|к несчастью)\s*,\s*)?(?:в частности|в их числе|среди них|из них|в том числе)\s*[,:\u2014\u2013-]?\s", re.IGNORECASE)
SUBSET_BEFORE = re.compile(r"\b(?:среди них|среди которых|из них|в том числе|включая|из которых)\s+"
                           r"(?:не менее\s+|около\s+|примерно\s+)?$", re.IGNORECASE)
OF_THEM_AFTER = re.compile(r"\s+(?:из|среди)\s+(?:них|этих|тех)\b", re.IGNORECASE)
# "N из раненых", "Среди погибших N": the group noun names the measure of the whole.
GROUP_MEASURE = {form.lower(): measure for measure in ("killed", "wounded", "casualties", "missing", "displaced")
                 for form in _words(f"group_{measure}")}
_GROUP = f"({_alternation(GROUP_MEASURE)})"
PARTITIVE_AFTER = re.compile(r"^\s+(?:из|среди)\s+(?:этих\s+|тех\s+)?" + _GROUP + r"\b", re.IGNORECASE)
PARTITIVE_BEFORE = re.compile(r"\b(?:из|среди)\s+(?:этих\s+|тех\s+)?" + _GROUP + r"\b(?:\s+[\w'’-]+){0,3},?\s+"
                              r"(?:не менее\s+|около\s+|примерно\s+)?$", re.IGNORECASE)

# A count of people with no word of loss, governed by a verb of return or release, in a document that
# speaks of captivity or an exchange: prisoners of war freed (tollbook.extract.pipeline).
RETURNED = re.compile(r"\b(?:верну\w*|вернул\w*|возвращ\w*|освобод\w*|освобожд\w*|передан\w*|передал\w*|обменя\w*|обменен\w*|получил\w*)", re.IGNORECASE)
CAPTIVITY = re.compile(r"\b(?:плен\w*|обмен\w*|военнопленн\w*)", re.IGNORECASE)

# --- attribution cues (tollbook.extract.attribution) ---

# A person the lexicon does not know, named after a verb of saying behind the words of their office
# (lower case, commas allowed, no conjunction), or right before the verb.
# a capitalised pair after a preposition (or a place and "and") is a place, not a speaker
PREPOSITION_BEFORE = re.compile(r"(?:^|\s)(?:в|во|на|с|со|из|до|по|под|над|при|у|около|для|через|возле)\s+(?:(?:[\w'’ʼ-]+\s+){1,3}?и\s+)?$", re.IGNORECASE)
PERSON_AFTER_SAY = re.compile(rf"\s+(?:(?!(?:що|як|про|щодо|что|как|о|об)\s)[а-яё]+,?\s+){{0,10}}(?P<name>[А-ЯЁ][а-яё-]+(?:\s+[А-ЯЁ][а-яё-]+){{0,2}}\s+[А-ЯЁ][а-яё-]{{2,}}(?:\s+[IVX]+\b)?)(?=[\s,.;:)»]|$)")
PERSON_BEFORE_SAY = re.compile(rf"(?P<name>[А-ЯЁ][а-яё-]+(?:\s+[А-ЯЁ][а-яё-]+){{0,2}}\s+[А-ЯЁ][а-яё-]{{2,}}(?:\s+[IVX]+\b)?)\s+(?:[а-яё]+\s+)?$")

# An abbreviation glossed inside a body's name, read across when the name is looked up: "Министерство обороны (МО) России"
NAME_GLOSS = re.compile(r"\s\([А-ЯЁ][А-ЯЁа-яё]{1,5}\)(?=\s)")

# "Минобороны в своей ежедневной сводке", "Генштаб в своём сообщении": a claimant's frames after its name.
# (English puts the owner first, "X's latest update"; Russian after: see also REPORT_BEFORE.)
POSSESSIVE_REPORT = re.compile(
    r"^\s+(?:в|во)\s+(?:своём|своем|своей|своих)\s+(?:(?:последнем|последней|новом|новой|ежедневном|ежедневной|утреннем|"
    r"вечернем|официальном|официальной|обновлённом|обновленном|разведывательном)\s+){0,3}(?:сводке|отчёте|отчете|"
    r"сообщении|обновлении|данных|оценке|заявлении|публикации|бюллетене|брифинге|итогах|обзоре)\b",
    re.IGNORECASE,
)
# A report noun right before the claimant's name (genitive): "по данным Минобороны", "в сводке Генштаба".
REPORT_BEFORE = re.compile(r"\b(?:сводк\w*|отч[её]т\w*|сообщени\w*|данным|данных|данные|оценк\w*|подсч[её]т\w*|статистик\w*|"
                           r"обновлени\w*|заявлени\w*|бюллетен\w*)\s+$", re.IGNORECASE)
# The phrases English writes "according to": the claimant follows them ("по данным Минобороны"); the
# attribution stage treats these as it treats "according to".
ACCORDING_TO = frozenset({"по данным", "по словам", "по информации", "согласно", "в соответствии с", "как сообщает", "как сообщают", "как заявили в", "как сообщили в"})
# A claimant named after a figure in the same paragraph speaks for it: Russian copy closes a paragraph
# with its source ("..., сообщил губернатор"), measured on tests/gold/real_ru.
# Cues after which an office or unnamed source names who speaks, with no verb of its own
# (tollbook.extract.attribution._unnamed_role): the office read right after, in any case form.
ROLE_CUES = frozenset({"по словам", "со ссылкой на", "ссылаясь на", "по данным", "по информации", "как сообщили", "как сообщил", "как сообщила"})
SPEAKER_CLOSES_PARAGRAPH = True
# The last speaker named speaks for later paragraphs' figures until another is named: Russian copy
# names its source once, in the lead ("..., сообщили в пресс-службе"), measured on tests/gold/real_ru.
SPEAKER_CARRIES_ON = True
# A paragraph that goes on with the count before it ("Еще 40 человек ранены, сообщил губернатор"):
# its closing speaker speaks for the paragraph before too.
CONTINUES = re.compile(r"\s*(?:Ещ[её]|Также|Кроме того)\b")
# A paragraph that opens the article's own background: no speaker named before carries into it.
BACKGROUND = re.compile(r"\s*(?:Напомним|Ранее|Как сообщалось|Как известно|Как ранее сообщалось|До этого сообщалось)\b")
DEFINITE_BEFORE = re.compile(r"(?<![\w-])(?:эти|этих|те|тех|этими|теми)\s+$", re.IGNORECASE)
# A figure given as an earlier one ("ранее сообщалось о 1 400", "с прежних 1 400"): as of before the report.
# A day named with the verb that tells or publishes a figure ("published a review on June 3 estimating ..."):
# the day of the telling, not the figure's period when the sentence also gives that period as a span.
TOLD_ON = re.compile(r"(?<!\w)(?:сообщил\w*|заявил\w*|сказал\w*|опубликовал\w*|обнародовал\w*|представил\w*|объявил\w*)(?:\s+[\w\'’-]+){0,3}\s+$", re.IGNORECASE)
PREVIOUS_FIGURE = re.compile(r"\b(?:ранее|изначально|первоначально|до этого)\s+(?:сообща\w+|заявля\w+|заявил\w*|говорил\w*|называл\w*)\b(?:(?!\b(?:сейчас|теперь|сообщил\w*|заявил\w*)\b)[^.;]){0,100}$"
                             r"|\bс\s+(?:прежн|предыдущ)\w+\s+(?:\w+\s+)?$", re.IGNORECASE)
# A ratio of two figures ("соотношение потерь – 1 к 3", "5 или даже 6 к 1"): no count.
RATIO_PAIR = re.compile(r"соотношени\w*[^.!?]{0,50}$", re.IGNORECASE)
RATIO_FROM = re.compile(r"\d+(?:,\d+)?(?:\s+или\s+(?:даже\s+)?\d+)?\s+к\s+\d")
RATIO_TO_BEFORE = re.compile(r"\d\s+к\s+$")
# A scale word in the genitive plural with no number before it ("скільки тисяч", "сколько тысяч") counts nothing.
BARE_SCALES = frozenset({"тысяч", "миллионов", "миллиардов"})
# Sources after "по" that name no one ("по некоторым оценкам", "по неофициальным данным"); "по предварительным
# данным" is the speaker's own.
UNNAMED_ACCORDING = re.compile(r"\b[Пп]о\s+((?:некоторым|неофициальным|другим|независимым|неподтвержд[её]нным)\s+(?:оценкам|подсч[её]там|данным))\b")
# How far after a verb of saying its speaker may be named: Russian copy puts the speaker after the verb
# ("сообщили «Интерфаксу» в Главном управлении МЧС").
SPEAKER_AFTER_VERB = 60
# A line that only names who said the paragraph before it ("– заявил Гладков.").
CLOSING_SPEAKER = re.compile(r"\s*[-\u2013\u2014]\s*(?:заявил|заявила|заявили|сказал|сказала|сказали|сообщил|сообщила|сообщили|написал|написала|написали|отметил|отметила|подчеркнул|подчеркнула)\b")
# (a day given between the pointer and its verb, set off by commas: "Об этом в пятницу, 7 июня, сообщили ...")
POINTS_BACK_CORE = (
    r"(?:об\s+этом(?:\s+[^.!?,\n]{1,30},(?:[^.!?,\n]{1,20},)?)?|это|эту\s+информацию|эти\s+данные|эту\s+цифру|эти\s+цифры|такие\s+данные|такие\s+цифры|"
    r"(?:печальную|эту|трагическую|плохую)\s+новость)\s+(?:[\w'’-]+\s+)?"
    r"(?:(?:говорится|сказано|сообщается|указано|отмечается)\s+в\b|приводит|приводят|привел|привело|привели|сказал|сказала|сказали|"
    r"отметил|отметила|отметили|пишет|пишут|информирует|сообщил|сообщила|сообщили|сообщает|сообщают|заявил|заявила|заявили|подтвердил|подтвердила|подтвердили|"
    r"обнародовал|обнародовала|обнародовали|написал|написала|написали|рассказал|рассказала|рассказали)\b"
)
# Right before a verb of saying, what makes it vouch for nothing ("не подтвердил", English "did not confirm").
NEGATED_BEFORE = re.compile(r"(?:\bне|\bотказал\w*|\bне\s+смог\w*)\s+$", re.IGNORECASE)
# The claimant named before speaks again ("по его словам", "он добавил"): English's "according to him".
REFERS_BACK = re.compile(
    r"\bпо\s+(?:его|её|ее|их)\s+(?:словам|данным|оценкам|информации)\b|"
    r"\b(?:говорится|сказано)\s+в\s+(?:его\s+|её\s+|ее\s+|этом\s+)?(?:сообщении|заявлении|сводке|публикации|отчёте|отчете|посте)\b|"
    r"\b(?:он|она|они|чиновник|представитель|глава|губернатор)\s+(?:также\s+|еще\s+|ещё\s+)?"
    r"(?:добавил|добавила|добавили|отметил|отметила|отметили|уточнил|уточнила|уточнили|подчеркнул|подчеркнула|подчеркнули|"
    r"сообщил|сообщила|сообщили|заявил|заявила|заявили|рассказал|рассказала|рассказали)\b", re.IGNORECASE)
AS_NOTED = re.compile(r"\bкак (?:отмечалось|отмечено|сообщалось|сообщал|сообщала|сообщали|писали|говорилось|"
                      r"ранее сообщалось)\b", re.IGNORECASE)
BACK_NOUN = (r"(?:он|она|они|оно|его|её|ее|их|(?:[\w'’-]+\s+){0,2}?(?:чиновник|чиновники|представитель|пресс-секретарь|миссия|"
             r"агентство|министерство|ведомство|сводка|отчёт|отчет|заявление|администрация|губернатор|начальник|глава|армия|"
             r"служба|офис|штаб|командование|командующий|министр|президент|источник|бюллетень|брифинг|оценка|сообщение))")
NAME_DETERMINER = re.compile(r"^(?:(?:По данным|По словам|Согласно|В|На|Этот|Эта|Это|Его|Её|Их)\s+)+")

# --- actors: victim or agent (tollbook.extract.actors) ---

# The words that make a named party the agent of a figure ("со стороны российских войск", "против ВСУ"),
# its owner or a speaker, not the side that lost it. Russian marks the agent of a passive by the
# instrumental case without a preposition ("убиты российскими военными"): see INSTRUMENTAL_AGENT.
AGENT_BEFORE = re.compile(r"\b(?:со стороны|от|против|для|в|во|до|у|возле|около|через|на стороне|в поддержку|вместе с|"
                          r"чем|с помощью|помогая|с|со|из|на|по|"
                          # the genitive after an attack names who attacked: "из-за ракетной атаки России"
                          r"атак\w*|удар\w*|обстрел\w*|агресси\w*|вторжени\w*|наступлени\w*|контрнаступлени\w*|террор\w*|"
                          # and after a weapon: "ударов дронов ВСУ", "ракетами армии РФ"
                          r"дрон\w*|беспилотник\w*|ракет\w*|снаряд\w*|бомб\w*|"
                          # the maker, not the owner: "Bradley производства США"
                          r"производства|поставки)\s+$", re.IGNORECASE)
# "у россиян тысяча потерь", "у оккупантов": a people or army noun (lower case) after у is who has them
# A party named in the instrumental plural before its figure did it ("Российскими войсками уничтожены",
# "Силами оборони знищено"): its last word ends so, and no preposition of company stands before it.
INSTRUMENTAL_NOUN = re.compile(r"(?:ами|ями)$", re.IGNORECASE)
COMPANY_BEFORE = re.compile(r"\b(?:с|со|вместе с)\s+$", re.IGNORECASE)  # "с украинскими военными": with them
POSSESSOR_BEFORE = re.compile(r"\bу\s+$", re.IGNORECASE)
# "Мы потеряли 340", "наши потери – 340": the speaker's own forces
OWN_FORCES_SUBJECT = re.compile(r"(?<!\w)(?:мы|наши\s+потери|у\s+нас)\s*(?:[—–-]\s*|потеряли\s+|имеем\s+)(?:около\s+|почти\s+|более\s+)?$",
                                re.IGNORECASE)
AGENT_BY = re.compile(r"\bсо\s+стороны\s+(?:[\w'’-]+\s+){1,3}$", re.IGNORECASE)
OWNER_OF = re.compile(
    r"^\s+(?:губернатор\w*|чиновник\w*|власт\w+|президент\w*|пресс-секретар\w+|министерств\w*|арми\w+|командующ\w*|"
    r"генштаб\w*|МИД|разведк\w+|правительств\w*|посольств\w*|СМИ|медиа|военн\w+\s+командовани\w+|прокуратур\w+|полици\w+)\b",
    re.IGNORECASE,
)
POSSESSIVE_PRONOUN = re.compile(r"\b(?:свои|своих|своими|своей|свою|их|наши|наших|его|её|ее)\s+(?:собственных\s+)?$",
                                re.IGNORECASE)
AGENT_AFTER = re.compile(
    r"^\s+(?:(?:войска|войск|армия|армии|силы)\s+)?(?:удар\w*|авиаудар\w*|атак\w*|обстрел\w*|ракет\w*|дрон\w*|"
    r"беспилотник\w*|бомбардировк\w*|наступлени\w*|штурм\w*|огонь|огня|артиллери\w*|вторжени\w*|агресси\w*|оккупаци\w*|"
    r"блокад\w*|осад\w*|шахед\w*)\b",
    re.IGNORECASE,
)
ACTIVE_VERB = re.compile(rf"\b(?:{_alternation(_words('active'))})\b", re.IGNORECASE)
PASSIVE = re.compile(r"\b(?:было|были|был|была|будет|будут)\s+(?:\w+\s+)?$", re.IGNORECASE)
# The instrumental agent of a passive: "убиты российскими военными", "сбиты силами ПВО".
INSTRUMENTAL_AGENT = re.compile(r"^\s+(?:\w+(?:ыми|ими|ой|ом|ем|ами|ями))\b", re.IGNORECASE)

# --- places (tollbook.extract.places) ---

# A small town is a figure's place only after a locative (or the genitive of an assault on it: "штурма Бахмута");
# a country that speaks ("Британия заявила") is not a place.
LOCATIVE = re.compile(
    r"\b(?:в|во|на|у|возле|около|под|над|через|из|с|со|до|от|по|районе|территории|неподалёку от|неподалеку от|вблизи|вокруг|"
    r"окрестностях|г\.|с\.|пгт|пос\.|штурма|обстрела|обороны|осады|освобождения|оккупации|бомбардировки)\s+(?:(?:южн\w+|северн\w+|восточн\w+|западн\w+|центральн\w+|оккупированн\w+|"
    r"приграничн\w+|прифронтов\w+)\s+)?$",
    re.IGNORECASE,
)
SPEAKS_AFTER = re.compile(
    r"^\s+(?:\w+\s+)?(?:заявила|заявил|заявили|заявляет|сообщила|сообщил|сообщили|сообщает|утверждает|оценивает|оценила|"
    r"считает|разведка|чиновники|правительство|министерство|МИД|посольство|армия|Минобороны)\b", re.IGNORECASE)

# --- shares of an earlier figure (tollbook.extract.derive) ---

DEPLOYED_NP = re.compile(rf"\b(?:{_alternation(_words('deployed'))})\b", re.IGNORECASE)
DEMONSTRATIVE = {"них", "этих", "тех", "это количество", "эта цифра", "это число", "общего числа", "этого количества",
                 "этого числа", "их"}

# --- measures (tollbook.extract.measures) ---

# Verbs of weapons used, not weapons lost: "две ракеты попали в центр города".
ATTACK_VERBS = {w.lower() for w in _words("attack")}

# --- around a figure (tollbook.extract.numbers) ---

# What a figure must not be next to (ages, distances, money, times, ordinals), the words of ranges
# and changes, and the anaphors and partitives that tie a share to its base ("треть из них").
# A list of ages sharing one word of years after its last item ("children aged 2, 17 and 14 years"): no item
# is a count.
AGE_LIST_AFTER = re.compile(r"(?:\s*,\s*\d{1,3})*\s*(?:,|и|а также)\s*\d{1,3}\s*(?:лет\b|года?\b|год\b|-летн)", re.IGNORECASE)
AFTER_NOT_A_COUNT = re.compile(
    r"^(?:-?\s*(?:летн|месячн|недельн|дневн|суточн|часов|минутн)\w*|"
    r"-(?:го|й|ий|ой|я|ая|ья|е|ое|ье|х|м|ю|ми)(?!\w)|"
    r"\s*(?:%|проц\.|процент\w*)|"
    r"\s*(?:км|километр\w*|метр\w*|м|кв\.|квадратн\w*|гектар\w*|га|кг|килограмм\w*|тонн\w*|т|мм|см|градус\w*|°|км/ч)(?![\w])|"
    r"\s*(?:гривен|гривны|гривна|грн|долларов|доллара|доллар|долл\.|евро|рублей|рубля|рубль|руб\.|usd|eur|uah|rub)(?![\w])|"
    r"\s*(?:ч\.|час(?:а|у|ов|ам|ами|ах|ом|е)?|мин\.?|минут\w*|сек\.?|секунд\w*)(?![\w])|"  # not "частных", "секторе"
    r"\s*(?:г\.|гг\.|года|год|годы|годах|году|лет)(?![\w])|:\d)",
    re.IGNORECASE,
)
COUNT_NOUN_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}(?:военн\w*|солдат\w*|человек|людей|лиц|граждан\w*|бойц\w*|"
                              r"оккупант\w*|танк\w*|дрон\w*|беспилотник\w*)\b", re.IGNORECASE)
OF_DETERMINER_AFTER = re.compile(r"\s*(?:из|среди)\s+(?:них|этих|тех|его|её|их|своих)\b", re.IGNORECASE)
# After a fraction, the word that takes its base (English "of"): "половина з 11 000", "треть из 900".
OF_AFTER = re.compile(r"\s+(?:из|среди)\b", re.IGNORECASE)
AND_OR = re.compile(r"\s(?:и|или|либо)\s")
OR_WORDS = ("или", "либо")  # of AND_OR's words, those that join two number words into a range ("два или три")
BETWEEN_SPLIT = re.compile(r"(.+?)\s+(?:до|и)\s+(.+)")
CHANGE_VERB = re.compile(rf"\b(?:{_alternation(_words('change'))})\s+(?:с|со|до|на)?\s*$", re.IGNORECASE)
SCALE_END = re.compile(rf"\s*({_SCALE_FORMS})$", re.IGNORECASE)
SCALE_WORD = re.compile(rf"({_SCALE_FORMS})", re.IGNORECASE)
OR_MORE_AFTER = re.compile(r"\s*(?:и более|или более|с лишним|с гаком)(?!\w)", re.IGNORECASE)
# "11-тысячный контингент", "миллионная армия": a strength or contingent size.
STRONG_AFTER = re.compile(r"[-\u2010](?:тысячн|миллионн)\w*", re.IGNORECASE)
ANAPHOR_WORDS = r"(них|этих|тех|их|это количество|эта цифра|этого числа|общего числа|этого количества)"
LEAD_OF = re.compile(rf"\b(?:из|среди)\s+{ANAPHOR_WORDS}\s*,?\s*(?:[\w'’-]+\s+){{0,2}}$", re.IGNORECASE)
ANAPHOR_NP = re.compile(
    r"\s+(?:из|среди)\s+((?:направленных|отправленных|развёрнутых|развернутых|мобилизованных|переброшенных)\b|"
    r"(?:них|этих|тех|которых)\b(?!\s+(?:солдат|военных|людей|потерь))|(?:всех|этих|тех|их|своих|его|её)\b"
    r"(?:\s+(?!(?:из|в|на|до|от|что|который|которая|которые|были|было|и|или|но)\b)[\w'’-]+){0,5})",
    re.IGNORECASE,
)
# A share's own count of its base in brackets: "половина пропавших моряков (6 из 12)" is half of 12.
PAREN_SHARE = re.compile(r"\s*\(\s*[\d][\d,.\s]*\s+из\s+(?=\d)", re.IGNORECASE)
BASE_GAP = re.compile(r"\s+(?:из\s+|среди\s+)?(?:всех\s+|этих\s+|тех\s+|их\s+|своих\s+)?(?:[\w'’-]+\s+){0,3}?",
                      re.IGNORECASE)


def word_value(text: str) -> Fraction | None:
    """The value of a Russian number phrase, by addition within a group and multiplication by scales:
    "двести сорок пять тысяч" -> 245000, "полторы тысячи" -> 1500, "полмиллиона" -> 500000,
    "тысяча" -> 1000; None for a sequence no one writes as one number ("пять сорок")."""
    tokens = re.findall(r"[\w.]+", text.lower().replace("ё", "е"))
    if tokens and tokens[0].startswith("пол") and tokens[0] not in HALF_WORDS and tokens[0][3:] in NUMBER_SCALES:
        tokens = ["пол", tokens[0][3:]] + tokens[1:]  # "полмиллиона" is "пол миллиона"
    total, group, rank, last_scale, half, seen = Fraction(0), Fraction(0), 4, 0, None, False
    for tok in tokens:
        if tok == "с" or tok == "половиной":  # "вісім/восемь с половиной тисяч": a half added to the group
            group += Fraction(1, 2) if tok == "половиной" else 0
            continue
        if tok in HALF_WORDS and not seen:
            half, seen = HALF_WORDS[tok], True
            continue
        for table, this_rank in ((NUMBER_HUNDREDS, 3), (NUMBER_TENS, 2), (NUMBER_UNITS, 1)):
            if tok in table:
                if this_rank >= rank or (this_rank == 1 and rank == 2 and table[tok] >= 10):
                    return None  # "сорок двести", "двадцать одиннадцать"
                group += table[tok]
                rank, seen = this_rank, True
                break
        else:
            if tok in NUMBER_SCALES:
                scale = NUMBER_SCALES[tok]
                if last_scale and scale >= last_scale:
                    return None
                total += (half if half is not None and not group else group or 1) * scale
                group, rank, last_scale, half, seen = Fraction(0), 4, scale, None, True
                continue
            return None
    if not seen:
        return None
    if half is not None and not last_scale:
        return half if half > 2 else None  # "полтораста" is 150; a bare "полторы" is no count
    return total + group

# English names not written for this language yet (OFFICIAL_FIGURES: 'according to official Turkish data'; EVENT_AFTER_NAME:
# 'the Hamas attack'; OWN_VERB_AFTER, TOLL_SUBJECT, REACHES_AHEAD, EVENT_RELATIVE, EVENT_SUBJECT, TAKE_BEFORE,
# TAKEN_AS_AFTER, PARTY_NOUN_AFTER, TARGET_BEFORE, SIDE_AFTER: see lang/en/patterns.py): they never match
OFFICIAL_FIGURES = EVENT_AFTER_NAME = PARTY_OF = OWN_VERB_AFTER = TOLL_SUBJECT = REACHES_AHEAD = EVENT_RELATIVE = NEVER
EVENT_SUBJECT = TAKE_BEFORE = TAKEN_AS_AFTER = PARTY_NOUN_AFTER = TARGET_BEFORE = SIDE_AFTER = GOVERNOR_TITLE = NEVER
