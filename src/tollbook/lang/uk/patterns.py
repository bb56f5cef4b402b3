"""Ukrainian grammar patterns: number words, months, clause and sentence breaks, labels.

The same names as lang/en/patterns.py, with the same meaning, for the language-neutral stages
(tollbook.extract, tollbook.read.sections, tollbook.check.pairing); the phrasings each must
read are in corpus/*.json beside this file. Ukrainian declines its number words, months and
nouns, so the tables below list lemmas and the forms come from lang/uk/inflect.py (pymorphy3),
made once and kept on disk (`form_tables`), never listed by hand.

Where Ukrainian grammar differs from English the names say so:
- number words combine by addition ("двісті сорок п'ять тисяч"): hundreds are words of their own
  (NUMBER_HUNDREDS), and `word_value` reads a phrase ("півтори тисячі" = 1500);
- the decimal separator is a comma and thousands are grouped by spaces ("1,5 млн", "30 700"):
  DIGITS and DECIMAL_SEPARATOR;
- a range is "від N до M" or "між N і M": RANGE_LEADS and RANGE_JOIN;
- dates are "24 лютого", "24.02.2022", "станом на 24 січня", "за минулу добу": NUMERIC_DATE,
  AS_OF, PAST_DAY, SINCE_START, DATE_SPAN.
"""

from __future__ import annotations

import re
from fractions import Fraction

from tollbook.lang import NEVER, form_tables

# --- lemmas (the data the forms are made from) -------------------------------------------

# Collective numerals count people ("двоє/двое дітей"): they are units of their value.
_UNIT_LEMMAS = {
    0: ["нуль/N"], 1: ["один/NUM"], 2: ["два/NUM", "двоє/NUM"], 3: ["три/NUM", "троє/NUM"], 4: ["чотири/NUM", "четверо/NUM"], 5: ["п'ять/NUM", "п'ятеро/NUM"],
    6: ["шість/NUM", "шестеро/NUM"], 7: ["сім/NUM", "семеро/NUM"], 8: ["вісім/NUM", "восьмеро/NUM"], 9: ["дев'ять/NUM", "дев'ятеро/NUM"], 10: ["десять/NUM", "десятеро/NUM"],
    11: ["одинадцять/NUM"], 12: ["дванадцять/NUM"], 13: ["тринадцять/NUM"], 14: ["чотирнадцять/NUM"],
    15: ["п'ятнадцять/NUM"], 16: ["шістнадцять/NUM"], 17: ["сімнадцять/NUM"], 18: ["вісімнадцять/NUM"],
    19: ["дев'ятнадцять/NUM"],
}
_TEN_LEMMAS = {20: ["двадцять/NUM"], 30: ["тридцять/NUM"], 40: ["сорок/NUM"], 50: ["п'ятдесят/NUM"],
               60: ["шістдесят/NUM"], 70: ["сімдесят/NUM"], 80: ["вісімдесят/NUM"], 90: ["дев'яносто/NUM"]}
_HUNDRED_LEMMAS = {100: ["сто/NUM"], 200: ["двісті/NUM"], 300: ["триста/NUM"], 400: ["чотириста/NUM"],
                   500: ["п'ятсот/NUM"], 600: ["шістсот/NUM"], 700: ["сімсот/NUM"], 800: ["вісімсот/NUM"],
                   900: ["дев'ятсот/NUM"]}
_SCALE_LEMMAS = {1_000: ["тисяча/N"], 1_000_000: ["мільйон/N"], 1_000_000_000: ["мільярд/N"]}
_FRACTION_LEMMAS = {"1/2": ["половина/N"], "1/3": ["третина/N"], "1/4": ["чверть/N"], "1/5": ["п'ята частина"],
                    "1/10": ["десята частина"], "1/6": ["шоста частина"], "1/8": ["восьма частина"],
                    "2/3": ["дві третини"], "3/4": ["три чверті"], "2/5": ["дві п'ятих"], "majority": ["більшість/N"]}
_MONTH_LEMMAS = {1: ["січень/N"], 2: ["лютий/N"], 3: ["березень/N"], 4: ["квітень/N"], 5: ["травень/N"],
                 6: ["червень/N"], 7: ["липень/N"], 8: ["серпень/N"], 9: ["вересень/N"], 10: ["жовтень/N"],
                 11: ["листопад/N"], 12: ["грудень/N"]}
# Short month names of dates and tables ("24 лют."), by month.
_MONTH_ABBREVIATIONS = {1: "січ", 2: "лют", 3: "бер", 4: "квіт", 5: "трав", 6: "черв", 7: "лип", 8: "серп",
                        9: "вер", 10: "жовт", 11: "лист", 12: "груд"}
_WEEKDAY_LEMMAS = {0: ["понеділок/N"], 1: ["вівторок/N"], 2: ["середа/N"], 3: ["четвер/N"], 4: ["п'ятниця/N"],
                   5: ["субота/N"], 6: ["неділя/N"]}
_WORD_LEMMAS = {
    # verbs of reaching: "кількість загиблих зросла до 52", "втрати сягнули 4 000"
    "reach": ["зрости/V", "зростати/V", "збільшитися/V", "збільшуватися/V", "підскочити/V", "досягти/V", "досягнути/V",
              "досягати/V", "сягнути/V", "сягати/V", "перевищити/V", "перевищувати/V", "становити/V", "скласти/V",
              "складати/V", "дорівнювати/V", "налічувати/V", "наблизитися/V"],
    "change": ["зрости/V", "збільшитися/V", "зменшитися/V", "знизитися/V", "скоротитися/V", "впасти/V",
               "переглянути/V", "уточнити/V", "підскочити/V"],
    "event": ["атака/N", "удар/N", "обстріл/N", "авіаудар/N", "землетрус/N", "поштовх/N", "повінь/N", "вибух/N",
              "вторгнення/N", "наступ/N", "теракт/N", "трагедія/N", "катастрофа/N", "війна/N", "напад/N", "штурм/N",
              "бомбардування/N", "обвал/N", "шторм/N", "ураган/N", "пожежа/N", "аварія/N", "різанина/N"],
    "fighters": ["військовий/N", "солдат/N", "боєць/N", "вояк/N", "військовослужбовець/N", "найманець/N", "бойовик/N",
                 "десантник/N", "морпіх/N", "резервіст/N", "строковик/N", "мобілізований/N", "доброволець/N",
                 "в'язень/N", "штурмовик/N", "особовий склад"],
    "says": ["повідомити/V", "повідомляти/V", "заявити/V", "заявляти/V", "стверджувати/V", "підтвердити/V",
             "оцінити/V", "оцінювати/V", "нарахувати/V", "підрахувати/V", "сказати/V"],
    "active": ["вбити/VA", "убити/VA", "знищити/VA", "збити/VA", "полонити/VA", "захопити/VA", "ліквідувати/VA",
               "нейтралізувати/VA", "поранити/VA", "уразити/VA", "вразити/VA", "вивести/VA", "знешкодити/VA"],
    "attack": ["влучити/VA", "вдарити/VA", "атакувати/VA", "запустити/VA", "випустити/VA", "обстріляти/VA", "поцілити/VA",
               "вразити/VA", "уразити/VA"],
    "deployed": ["направити/V", "відправити/V", "розгорнути/V", "розмістити/V", "перекинути/V", "прибути/V",
                 "контингент/N", "угруповання/N", "розгортання/N"],
    "group_killed": ["загиблий/N", "вбитий/A", "убитий/A", "жертва/N", "мертвий/A"],
    "group_wounded": ["поранений/A", "постраждалий/N", "травмований/A"],
    "group_casualties": ["втрата/N"],
    "group_missing": ["зниклий/N"],
    "group_displaced": ["евакуйований/A", "переселенець/N"],
    "label": ["бригада/N", "батальйон/N", "полк/N", "дивізія/N", "корпус/N", "номер/N", "стаття/N", "пункт/N",
              "сторінка/N", "розділ/N", "маршрут/N", "траса/N", "рейс/N", "версія/N", "категорія/N", "рівень/N",
              "етап/N", "фаза/N", "зона/N", "сектор/N", "канал/N", "сезон/N", "том/N", "резолюція/N", "будинок/N",
              "квартира/N", "поверх/N", "школа/N", "ліцей/N", "гімназія/N", "палата/N", "полігон/N", "окружний/A",
              "день/N", "тиждень/N", "рік/N", "місяць/N", "група/N", "клас/N", "тип/N", "модель/N", "серія/N"],
    # units of time a forecast counts in ("упродовж найближчих двох місяців")
    "time_day": ["день/N", "доба/N"], "time_week": ["тиждень/N"], "time_month": ["місяць/N"], "time_year": ["рік/N"],
    "period": ["минулий/A", "цей/A", "наступний/A", "попередній/A", "кожен/A", "кожний/A", "той/A", "один/NUM",
               "той самий", "поточний/A", "останній/A"],
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


_FORMS = form_tables("uk", _groups())


def _table(prefix: str) -> dict[str, list[str]]:
    return {key.split(":", 1)[1]: forms for key, forms in _FORMS.items() if key.startswith(prefix + ":")}


def _lower_map(prefix: str) -> dict[str, int]:
    return {form.lower(): int(key) for key, forms in _table(prefix).items() for form in forms}


def _words(name: str) -> list[str]:
    return _FORMS[f"word:{name}"]


def _alternation(words: object) -> str:
    """A regex alternation of words as a trie of their letters, the longer word first at every branch
    (so "двадцятьма" wins over "двадцять"): thousands of word forms compile in milliseconds, not a second."""
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


_APOSTROPHE = "'\u2019\u02bc"

# --- numbers (tollbook.extract.numbers, tollbook.extract.scan) ---------------------------

NUMBER_UNITS = _lower_map("unit")
NUMBER_TENS = _lower_map("ten")
# Ukrainian writes hundreds as words of their own (двісті, п'ятсот), in every case (двохсот, п'ятистам).
NUMBER_HUNDREDS = _lower_map("hundred")
NUMBER_SCALES = _lower_map("scale") | {"тис": 1_000, "тис.": 1_000, "млн": 1_000_000, "млн.": 1_000_000,
                                       "млрд": 1_000_000_000, "млрд.": 1_000_000_000, "к": 1_000}
# "пів", "півтора/півтори": half of, one and a half ("півтори тисячі" = 1500, "півмільйона" = 500 000).
HALF_WORDS = {"пів": Fraction(1, 2), "півтора": Fraction(3, 2), "півтори": Fraction(3, 2), "півтораста": Fraction(150)}
_F = Fraction
_FRACTION_VALUES = {"1/2": _F(1, 2), "1/3": _F(1, 3), "1/4": _F(1, 4), "1/5": _F(1, 5), "1/10": _F(1, 10), "1/6": _F(1, 6),
                    "1/8": _F(1, 8), "2/3": _F(2, 3), "3/4": _F(3, 4), "2/5": _F(2, 5), "majority": _F(1, 2)}
FRACTIONS = {form.lower(): _FRACTION_VALUES[key] for key, forms in _table("fraction").items() for form in forms}
_ALL_NUMBER_WORDS = list(NUMBER_UNITS) + list(NUMBER_TENS) + list(NUMBER_HUNDREDS) + [
    w for w in NUMBER_SCALES if w.isalpha() and len(w) > 2]
_WORD = _alternation(_ALL_NUMBER_WORDS)
# A number written in words: "двісті сорок п'ять тисяч", "півтори тисячі", "півмільйона", "тисяча",
# "вісім з половиною тисяч" (8 500).
_SCALE_WORDS = _alternation(w for w in NUMBER_SCALES if w.isalpha() and len(w) > 2)
WORD_NUMBER = rf"(?:(?:пів(?:тора|тори)?\s*)(?:{_SCALE_WORDS})|півтораста|(?:{_WORD}))(?:\s+(?:{_WORD}|з\s+половиною(?=\s+(?:{_SCALE_WORDS}))))*"
# Digits: thousands grouped by a space or a no-break or thin space ("30 700", "1 000 000"), a comma
# for decimals ("1,5 млн"); English's "1,500" is not Ukrainian.
DIGITS = r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
DECIMAL_SEPARATOR = ","
_SCALE_FORMS = _alternation([w for w in NUMBER_SCALES if w.isalpha() or w.endswith(".")])
SCALE_AFTER_DIGITS = rf"(?:\s*(?:{_SCALE_FORMS})(?![\w]))"
HALF_A_MILLION = r"пів\s*мільйона|півмільйона"
_FRACTION_WORDS = _alternation(FRACTIONS)
FRACTION = (rf"(?:{_FRACTION_WORDS}|\d+(?:,\d+)?\s*(?:%|відс\.|відсот\w*)|"
            rf"(?:один|одна|кожен|кожний|кожна)\s+(?:з|із)\s+(?:{_alternation(NUMBER_UNITS)}|\d+)(?!\w)|"
            rf"кожн(?:ий|ого|а|ої)\s+(?:другий|третій|четвертий|п[{_APOSTROPHE}]ятий|десятий|другого|третього|п[{_APOSTROPHE}]ятого|десятого))")
# The ordinal of "every fifth" ("кожен п'ятий" / "каждый пятый"), as English names its denominators.
_ORDINAL_DENOM = rf"(?:другий|третій|четвертий|п[{_APOSTROPHE}]ятий|шостий|десятий|\d+)"
# Words without which a sentence holds no fraction or vague count: the patterns run only past these gates.
# No singular-victim count is read in Ukrainian yet: its figures are written out ("загинув 1 чоловік")
ONE_VICTIM_VERB = re.compile(r"(?!)")
ONE_VICTIM = re.compile(r"(?!)")
FRACTION_GATE = re.compile(r"половин|третин|чверт|частин|п[" + _APOSTROPHE + r"]ятих|%|відс|більшіст|кожн| з | із ", re.IGNORECASE)
VAGUE_GATE = re.compile(r"десят|сот|тисяч|мільйон|кілька|кількох|декільк|кільканадцят|кількадесят|жменьк|пар", re.IGNORECASE)
# Words a candidate scan stops at: any of them may start a figure.
SCAN_WORDS = sorted(set(_ALL_NUMBER_WORDS) | set(FRACTIONS) | {"пів", "півтора", "півтори", "півмільйона", "кілька",
                    "кількох", "декілька", "декількох", "десятки", "десятків", "сотні", "сотень", "тисячі"})
# Words right before a figure that make it a label, not a count ("бригада 47", "№ 12", "стаття 3").
LABEL_WORDS = frozenset({w.lower() for w in _words("label")} | {"№", "no.", "п.", "ст.", "стор.", "с.", "вул.", "буд.",
                        "кв.", "рис.", "табл.", "covid", "ковід"})
# Before "день", "тиждень", "місяць" or "рік", these make it a period, not a label: "минулого тижня 41 солдат".
PERIOD_DETERMINERS = frozenset(w.lower() for w in _words("period"))
# Range words: "від 10 до 12 тисяч", "між 10 і 12 тисячами", "10–12 тисяч".
# The word opening a range, as English's "from" or "between" (a "from" after a verb of change opens two figures).
RANGE_LEADS = {"від": "from", "з": "from", "із": "from", "од": "from", "між": "between"}
RANGE_JOIN = r"(?:-|–|—|до|і|й|та|або|чи)"

# --- months and days (tollbook.extract.numbers, tollbook.extract.times) ------------------

_MONTH_FORMS = _table("month")
MONTHS_PATTERN = (_alternation(f for forms in _MONTH_FORMS.values() for f in forms) + "|"
                  + "|".join(a + r"\.?" for a in _MONTH_ABBREVIATIONS.values()))
MONTH_NAMES = frozenset({f.lower() for forms in _MONTH_FORMS.values() for f in forms} | set(_MONTH_ABBREVIATIONS.values()))
# Keys as tollbook.extract.times looks them up: capitalised ("Лютого"), full forms and short ones.
MONTHS = {f.capitalize(): int(key) for key, forms in _MONTH_FORMS.items() for f in forms} | {
    a.capitalize(): m for m, a in _MONTH_ABBREVIATIONS.items()}
WEEKDAYS = {f.lower(): int(key) for key, forms in _table("weekday").items() for f in forms}
# Small counts in time phrases ("два тижні тому", "три доби").
TIME_NUMBERS = {w: v for w, v in NUMBER_UNITS.items() if 1 <= v <= 12}

# Times the General Staff's statement and the press write: "станом на 24 січня", "на ранок 24.02",
# "за минулу добу", "з 24.02.2022 по 01.06", "24.02.2022", "24.02", "з початку повномасштабного вторгнення".
NUMERIC_DATE = re.compile(r"(?<![\d.,])(?P<day>[0-3]?\d)\.(?P<month>[01]\d)(?:\.(?P<year>(?:19|20)?\d\d))?(?![\d])(?:\s*р\.)?")
AS_OF = re.compile(r"\b(?:станом\s+на(?:\s+ранок|\s+вечір)?|на\s+ранок|на\s+сьогодні|на\s+цей\s+час|на\s+(?=\d))", re.IGNORECASE)
PAST_DAY = re.compile(r"\b(?:за\s+(?:минулу|останню|попередню)\s+добу|за\s+добу|протягом\s+(?:минулої\s+)?доби|"
                      r"упродовж\s+(?:минулої\s+)?доби|минулої\s+доби)\b", re.IGNORECASE)
SINCE_START = re.compile(r"\b(?:з|від)\s+початку\s+(?:повномасштабного\s+|широкомасштабного\s+)?"
                         r"(?:вторгнення|війни|агресії|року|місяця|вересня|наступу)\b", re.IGNORECASE)
# "з 24.02.2022 по 01.06": the groups tollbook.extract.times reads a span by (d1, month1, year1 to d2, month2, year).
DATE_SPAN = re.compile(r"\b(?:з|із|від)\s+(?P<d1>[0-3]?\d)\.(?P<month1>[01]\d)(?:\.(?P<year1>(?:19|20)?\d\d))?(?:\s*р\.)?"
                       r"\s*(?:по|до|[-\u2013\u2014])\s*(?P<d2>[0-3]?\d)\.(?P<month2>[01]\d)(?:\.(?P<year>(?:19|20)?\d\d))?(?!\d)",
                       re.IGNORECASE)
AGO_AFTER = re.compile(r"^\s+тому\b", re.IGNORECASE)

# The time rules, Duckling's way: (pattern, resolver) pairs tollbook.extract.times runs in this order (an
# earlier rule's match keeps its words from a later one), each resolver a shared function named here.
# A date's lead says what it is by its group: lead_as_of ("станом на": a running total's end),
# lead_since ("з": from then to the reference date), lead_by ("до"); a relative time names its
# English meaning by its group ("last_week"). TIME_GATES: words without which a rule cannot match.
_M = MONTHS_PATTERN
_YEAR_WORD = r"(?:\s*(?:року|рік|р\.))?"
_DATE_LEAD = (rf"(?P<lead>(?P<lead_as_of>{AS_OF.pattern.removeprefix(chr(92) + 'b')})\s*|"
              r"(?P<lead_since>з|із|від|починаючи\s+з)\s+|(?P<lead_by>до)\s+)?")
TIME_UNITS = {form.lower(): unit for unit in ("day", "week", "month", "year") for form in _words(f"time_{unit}")}
_RELATIVE = "|".join([
    r"(?P<today>\bсьогодні(?:\s+вранці|\s+ввечері)?\b|\bцього\s+ранку\b|\bцього\s+вечора\b)",
    r"(?P<yesterday>\bучора\b|\bвчора\b)",
    r"(?P<overnight>\bуночі\b|\bвночі\b|\bминулої\s+ночі\b|\bцієї\s+ночі\b|\bу\s+ніч\s+на\s+\w+\b|\bв\s+ніч\s+на\s+\w+\b)",
    rf"(?P<past_day>{PAST_DAY.pattern})",
    r"(?P<past_24_hours>\b(?:за|протягом|упродовж)\s+(?:останні|останніх|минулі|минулих)\s+24\s+години?\b)",
    r"(?P<last_week>\bминулого\s+тижня\b|\bна\s+минулому\s+тижні\b|\bпопереднього\s+тижня\b)",
    r"(?P<this_week>\bцього\s+тижня\b|\bна\s+цьому\s+тижні\b)",
    r"(?P<past_week>\b(?:за|протягом|упродовж)\s+(?:минулий|останній|минулого|останнього)\s+(?:тиждень|тижня)\b)",
    r"(?P<last_month>\bминулого\s+місяця\b|\bу\s+минулому\s+місяці\b|\bв\s+минулому\s+місяці\b|\bпопереднього\s+місяця\b)",
    r"(?P<this_month>\bцього\s+місяця\b|\bу\s+цьому\s+місяці\b|\bв\s+цьому\s+місяці\b)",
    r"(?P<last_year>\bминулого\s+року\b|\bу\s+минулому\s+році\b|\bв\s+минулому\s+році\b|\bторік\b|\bпопереднього\s+року\b)",
    r"(?P<this_year>\bцього\s+року\b|\bу\s+цьому\s+році\b|\bв\s+цьому\s+році\b)",
    r"(?P<weekend>\bна\s+вихідних\b|\bу\s+вихідні\b|\bв\s+вихідні\b)",
])
TIME_RULES = [
    (DATE_SPAN.pattern, "day_range"),
    (rf"\b(?:з|із|від|між)\s+(?P<d1>[0-3]?\d)(?:\s+(?P<month1>{_M})(?:\s+(?P<year1>(?:19|20)\d\d){_YEAR_WORD})?)?\s*(?:по|до|і|[-\u2013\u2014])\s*(?P<d2>[0-3]?\d)\s+"
     rf"(?P<month2>{_M})(?:\s+(?P<year>(?:19|20)\d\d){_YEAR_WORD})?(?!\w)", "day_range"),
    (rf"(?<![\w.]){_DATE_LEAD}(?P<day>[0-3]?\d)\s+(?P<month>{_M})(?:\s+(?P<year>(?:19|20)\d\d){_YEAR_WORD})?(?!\w)", "day_month"),
    (rf"(?<![\w.,]){_DATE_LEAD}{NUMERIC_DATE.pattern.removeprefix('(?<![' + chr(92) + 'd.,])')}", "day_month"),
    (r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", "iso"),
    (rf"\b(?P<lead>(?P<lead_since>з|із|від|починаючи\s+з)\s+|(?P<lead_by>до)\s+|(?:у|в|протягом|упродовж|за)\s+)"
     rf"(?P<month>{_M})(?:\s+(?P<year>(?:19|20)\d\d){_YEAR_WORD})?(?!\w)", "month_year"),
    # a weekday with its preposition: "серед" (among) is also a form of середа
    (rf"\b(?:у|в|минулого|минулої|цього|цієї|у\s+минулий|у\s+минулу|в\s+минулий|в\s+минулу)\s+(?P<wd>{_alternation(WEEKDAYS)})(?!\w)",
     "weekday"),
    (r"\bдо\s+кінця\s+(?:цього\s+|поточного\s+)?року\b", "end_of_year"),
    (rf"{SINCE_START.pattern}|\b(?:станом\s+)?на\s+(?:сьогодні|цей\s+час|даний\s+момент)\b|\bзагалом\b|\bдотепер\b|"
     r"\bвід\s+початку\s+війни\b", "since_start"),
    (_RELATIVE, "relative"),
    (rf"\b(?:упродовж|протягом|у|в|за)\s+(?:найближч\w+|наступн\w+)\s+(?:(?P<n>\d+|{_alternation(TIME_NUMBERS)})\s+)?"
     rf"(?P<unit>{_alternation(TIME_UNITS)})(?!\w)", "forward"),
]
_MONTH_STEMS = tuple(sorted({name.lower()[:3] for name in MONTHS}))
TIME_GATES = {
    "day_range": _MONTH_STEMS + (".",), "day_month": _MONTH_STEMS + (".",), "iso": ("-0", "-1"),
    "month_year": _MONTH_STEMS, "weekday": ("понеділ", "вівтор", "серед", "четвер", "ятниц", "субот", "неділ"),
    "end_of_year": ("кінця",), "since_start": ("початку", "сьогодні", "цей час", "даний момент", "загалом", "дотепер"),
    "relative": ("сьогодні", "вчора", "учора", "ранку", "вечора", "ночі", "ніч", "доб", "годин", "тижн", "тижд", "місяц",
                 "року", "році", "торік", "вихідн"),
    "forward": ("найближч", "наступн"),
}

# --- sentences and clauses (tollbook.extract.sentences, .proximity, .confidence) ---------

ABBREVIATIONS = {"м", "смт", "с", "обл", "р", "рр", "ст", "т", "тис", "млн", "млрд", "грн", "дол", "див", "ім", "вул",
                 "просп", "пров", "ген", "полк", "підполк", "о", "н.е", "п", "пп", "т.зв", "напр", "зокр", "ін", "тощо.",
                 "кв", "км", "год", "хв", "січ", "лют", "бер", "квіт", "трав", "черв", "лип", "серп", "вер", "жовт",
                 "лист", "груд", "р-н", "с-ще", "нар", "проф", "акад", "д", "пор", "стор", "рис", "табл", "св", "ч"}
_UPPER = "А-ЯІЇЄҐA-Z"
SENTENCE_END = re.compile(rf"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«„(\[]?[{_UPPER}0-9—–-])")
# Where a cue stops reaching a figure: the nearest-cue search does not cross these.
CLAUSE_BREAK = re.compile(r"\b(?:і|й|та|а|але|проте|однак|тоді як|водночас|натомість)\b|;", re.IGNORECASE)
# An opening clause of concession ("Хоча ..., ..."): its words of loss describe it, not the main clause's figures.
CONCESSIVE_OPENING = re.compile(r"\s*(?:Хоча|Попри те,? що|Тоді як|У той час як)\b[^;]*?,(?!\s*что|\s*що)")
# A verb of reaching right before a figure: its subject ("кількість загиблих", "втрати окупантів")
# names the measure, however far back in the clause.
REACHES_BEFORE = re.compile(
    rf"\b(?:{_alternation(_words('reach'))})\s+(?:вже\s+|уже\s+|майже\s+|понад\s+)?(?:до\s+|понад\s+|за\s+)?(?:[\w{_APOSTROPHE}]+\s+){{0,1}}$",
    re.IGNORECASE)
# A date that names an event, not the day a figure stands at: "атака 7 жовтня", "землетрус 6 лютого".
_EVENT_NOUN = f"(?:{_alternation(_words('event'))})"
# (a place may come between: "у середу в Чернігові внаслідок ракетного удару")
EVENT_AFTER_DATE = re.compile(rf"\s*,?\s*(?:(?:у|в|на|під)\s+[{_UPPER}][\w{_APOSTROPHE}-]*\s+)?(?:[\w{_APOSTROPHE}-]+\s+){{0,2}}{_EVENT_NOUN}\b",
                              re.IGNORECASE)
EVENT_BEFORE_DATE = re.compile(
    rf"\b(?:{_EVENT_NOUN}|почал\w*|розпочал\w*|стал\w*|сталося|сталась|стався|вдарив|вдарила|накрив|накрила)\b"
    r"[^,.;\d]{0,60}?(?:\b(?:з|від|після|на)\s+)?$", re.IGNORECASE)
# Presence as deployment: "12 000 військових КНДР перебувають у Курській області".
# The same, the verb and place before the figure: "в Курській області перебувають близько 11 000 військових".
PRESENCE_BEFORE = re.compile(r"(?:у|в|на|поблизу|біля)\s+[\w'’ʼ -]{3,40}?\s+(?:перебувають|перебуває|знаходяться|воюють|розміщені|"
                             r"розташовані|дислокуються)\s+(?:зараз\s+|досі\s+|вже\s+|наразі\s+)?(?:\w+\s+)?$", re.IGNORECASE)
PRESENCE_AFTER = re.compile(
    rf"\s+(?:[\w{_APOSTROPHE}-]+\s+){{0,2}}(?:перебувають|перебували|перебуває|знаходяться|знаходилися|воюють|воювали|"
    rf"розміщені|розташовані|дислокуються|є)\s+(?:зараз\s+|досі\s+|вже\s+|наразі\s+)?(?:у|в|на|поблизу|біля)\s+[{_UPPER}]")
# A possessive before a count of people: its strength ("свої 4 500 бійців", "їхні 50 тисяч найманців").
OWNED_BEFORE = re.compile(r"\b(?:свої|своїх|своїми|своїм|їхні|їхніх|їхніми|його|її|наші|наших)\s+"
                          r"(?:(?:власні|власних|близько|майже|приблизно|понад)\s+)?$", re.IGNORECASE)
# Nouns of fighting people: a possessive count of these is a strength.
FIGHTERS = re.compile(f"(?:{_alternation(_words('fighters'))})", re.IGNORECASE)
# A finite verb (auxiliary) right before a measure word: "... було вбито", "були поранені".
FINITE_BEFORE = re.compile(r"\b(?:було|були|був|була|є|буде|будуть|виявилися|виявились|опинилися)\s+(?:\w+о\s+)?$|"
                           r"^(?:було|були|був|була)\s", re.IGNORECASE)
# Where a clause that may name its own speaker starts: "X заявив про 35 загиблих, тоді як ..., за даними Y".
# A clause that opens with these hangs on the one before it: its speaker vouches for its own figures only.
SPEAKER_SUBORDINATE = re.compile(r"\s(?:після того як|коли|оскільки)\s", re.IGNORECASE)
SPEAKER_CLAUSE_BREAK = re.compile(r",\s*(?:тоді як|водночас|а|але|проте|натомість|і|та)\s|;\s|"
                                  r"\s(?:і|та|а)\s(?=за\s+(?:даними|словами|інформацією|оцінками)\b|згідно\s+з\b)", re.IGNORECASE)
# Where the subject's clause starts, looking back from the figure.
# After a figure, its loss negated ("... did not die"): a denial of the figure.
NEGATED_AFTER = re.compile(r"\\s+(?:[\\w'’-]+\\s+){0,3}?(?:не|ніколи не)\\s+(?:загинул\\w*|загинув|помер\\w*|померл\\w*|(?:було\\s+)?вбит\\w*|(?:було\\s+)?поранен\\w*)", re.IGNORECASE)
SUBJECT_CLAUSE_BREAK = re.compile(r";|:|\s[-\u2013\u2014\u2012]\s|\b(?:і|та|але|а|тоді як)\s", re.IGNORECASE)
# Between two figures, the joint of an ellipsis: the second shares the first's verb.
OF_WHOLE = re.compile(r"\s+(?:з|зі|із)\s+", re.IGNORECASE)  # "114 зі 158 повітряних цілей"
# A disaster named in the sentence: a people's dead in it are its civilians ("7,913 Russians died in fires").
DISASTER_CAUSE = re.compile(r"\b(?:пожеж\w*|пожар\w*|повен\w*|повін\w*|паводк\w*|землетрус\w*|шторм\w*|ураган\w*|лавин\w*|зсув\w*|потонул\w*|ДТП|аварі\w*)", re.IGNORECASE)
COORDINATED = re.compile(r"\s*,?\s*(?:і|й|та)\s+", re.IGNORECASE)  # "шестеро чоловіків і двоє жінок ... загинули"
# "ще шість" stands before the figure (ELLIPSIS_BEFORE): no word after a figure adds it to the one before
MORE_AFTER = re.compile(r"(?!)")
ELLIPSIS_BEFORE = re.compile(r"(?:,\s*(?:і|й|та|а|тоді як|водночас)?|\s(?:і|й|та|а|тоді як|водночас))\s+(?:(?:ще)\s+)?$", re.IGNORECASE)
# Between two figures, what makes the second a pair of the first: "з 30 до 52", "до 52 з 30", "52 проти 30 напередодні".
PAIRED_AFTER = re.compile(r"\s+(?:до|з|із|від)\s+|,?\s+(?:порівняно\s+з|проти|тоді як раніше|а раніше)\s+", re.IGNORECASE)
# Between a figure and the next, a total of what came before: "..., довівши загальну кількість до 41 732".
TOTAL_BEFORE = re.compile(r"\b(?:довівши|збільшивши|піднявши|довело|довели|збільшило)\s+(?:[\w'-]+\s+){0,2}"
                          r"(?:кількість|число|втрати|показник|загальну кількість|загальне число)\s+(?:[\w'-]+\s+){0,2}до\s+$",
                          re.IGNORECASE)
# After a figure, a part named in passing: "Загинули 13 людей, серед них п'ятеро дітей".
# Between a part and its whole after it: "двоє журналістів опинилися серед 15 загиблих".
AMONG_BEFORE_WHOLE = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?(?:(?:були|опинилися|опинився|був)\s+)?(?:серед|у числі|в числі)\s+", re.IGNORECASE)
PART_AFTER = re.compile(r"[^,;.]{0,40},\s*(?:серед них|серед яких|з них|із них|зокрема|у тому числі|в тому числі|"
                        r"включно з|з яких|із яких)\s+", re.IGNORECASE)
# The clause a hedge or modality cue governs ends at these.
CUE_CLAUSE_BREAK = re.compile(r";|,\s*(?:і|та|але|а|тоді як)\b|\bале\b|\bпроте\b|\bтоді як\b|\bоднак\b", re.IGNORECASE)

# A line of a daily loss tally: a label, a dash or colon, a figure ("танки ‒ 10 200 (+5)",
# "особового складу ‒ близько 834 000 (+1 120) осіб"); its measure is the list's heading.
TALLY_LINE = re.compile(r"^\W{0,3}[^\W\d_][\w ,/()'’ʼ-]{1,60}?\s*[—–‒:-]+\s*(?:близько|понад|майже|приблизно|орієнтовно|щонайменше|більше)?\s*\d", re.IGNORECASE)

# --- document sections and headlines (tollbook.read.sections, tollbook.check.pairing) ----

SUMMARY_LABEL = re.compile(
    r"^\s*(головне|коротко|основне|ключові факти|що відомо|підсумки|головні тези|найголовніше|коротко про головне)\s*:?\s*$",
    re.IGNORECASE,
)
SAYS = re.compile(rf"\b(?:{_alternation(_words('says'))})\b", re.IGNORECASE)

# --- parts of a count (tollbook.extract.pipeline) -----------------------------------------

# An auxiliary between figure and cue: "12 людей було вбито" reads the cue after the figure.
AUXILIARY = re.compile(r"\b(?:є|був|була|було|були|буде|будуть|міг|могла|могли|може|можуть|мали|мав|мала)\b", re.IGNORECASE)
# "серед них N", "зокрема N": the figure is a part of the one before it.
# A sentence that opens as a part of what came before ("Зокрема, 9 дістали поранення у ..."): its figures are
# parts of the document's latest figure.
SUBSET_OPENS = re.compile(r"^\W*(?:(?:на жаль|на превеликий жаль)\s*,\s*)?(?:зокрема|серед них|з них|із них|у тому числі|в тому числі|у їхньому числі|в їхньому числі)\s*[,:\u2014\u2013-]?\s", re.IGNORECASE)
SUBSET_BEFORE = re.compile(r"\b(?:серед них|серед яких|з них|із них|зокрема|у тому числі|в тому числі|включно з|з яких)\s+"
                           r"(?:щонайменше\s+|близько\s+|приблизно\s+)?$", re.IGNORECASE)
OF_THEM_AFTER = re.compile(r"\s+(?:з|із|серед)\s+(?:них|цих|тих)\b", re.IGNORECASE)
# "N з поранених", "Серед загиблих N": the group noun names the measure of the whole.
GROUP_MEASURE = {form.lower(): measure for measure in ("killed", "wounded", "casualties", "missing", "displaced")
                 for form in _words(f"group_{measure}")}
_GROUP = f"({_alternation(GROUP_MEASURE)})"
PARTITIVE_AFTER = re.compile(r"^\s+(?:з|із|серед)\s+(?:цих\s+|тих\s+)?" + _GROUP + r"\b", re.IGNORECASE)
PARTITIVE_BEFORE = re.compile(r"\b(?:з|із|серед)\s+(?:цих\s+|тих\s+)?" + _GROUP + r"\b(?:\s+[\w'’-]+){0,3},?\s+"
                              r"(?:щонайменше\s+|близько\s+|приблизно\s+)?$", re.IGNORECASE)

# A count of people with no word of loss, governed by a verb of return or release, in a document that
# speaks of captivity or an exchange: prisoners of war freed (tollbook.extract.pipeline).
RETURNED = re.compile(r"\b(?:поверну\w*|поверта\w*|повернен\w*|звільни\w*|звільне\w*|звільня\w*|передан\w*|передал\w*|обміня\w*|обмінян\w*|отримал\w*)", re.IGNORECASE)
CAPTIVITY = re.compile(r"\b(?:полон\w*|обмін\w*|обміна\w*|військовополонен\w*)", re.IGNORECASE)

# --- attribution cues (tollbook.extract.attribution) ---

# A person the lexicon does not know, named after a verb of saying behind the words of their office
# (lower case, commas allowed, no conjunction), or right before the verb.
# a capitalised pair after a preposition (or a place and "and") is a place, not a speaker
PREPOSITION_BEFORE = re.compile(r"(?:^|\s)(?:у|в|на|з|із|зі|до|по|під|над|при|біля|для|через|поблизу)\s+(?:(?:[\w'’ʼ-]+\s+){1,3}?(?:і|й|та)\s+)?$", re.IGNORECASE)
PERSON_AFTER_SAY = re.compile(rf"\s+(?:(?!(?:що|як|про|щодо|что|как|о|об)\s)[а-яіїєґ'’ʼ]+,?\s+){{0,10}}(?P<name>[А-ЯІЇЄҐ][а-яіїєґ'’ʼ-]+(?:\s+[А-ЯІЇЄҐ][а-яіїєґ'’ʼ-]+){{0,2}}\s+[А-ЯІЇЄҐ][а-яіїєґ'’ʼ-]{{2,}}(?:\s+[IVX]+\b)?)(?=[\s,.;:)»]|$)")
PERSON_BEFORE_SAY = re.compile(rf"(?P<name>[А-ЯІЇЄҐ][а-яіїєґ'’ʼ-]+(?:\s+[А-ЯІЇЄҐ][а-яіїєґ'’ʼ-]+){{0,2}}\s+[А-ЯІЇЄҐ][а-яіїєґ'’ʼ-]{{2,}}(?:\s+[IVX]+\b)?)\s+(?:[а-яіїєґ'’ʼ]+\s+)?$")

# An abbreviation glossed inside a body's name, read across when the name is looked up: "голова Донецької ОДА (ОВА)"
NAME_GLOSS = re.compile(r"\s\([А-ЯІЇЄҐ][А-ЯІЇЄҐа-яіїєґ]{1,5}\)(?=\s)")

# "Генштаб у своєму щоденному зведенні", "Міноборони у своїй заяві": a claimant's frames after its name.
# (English puts the owner first, "X's latest update"; Ukrainian after: see also REPORT_BEFORE.)
POSSESSIVE_REPORT = re.compile(
    r"^\s+(?:у|в)\s+(?:своєму|своїй|своїх|свому)\s+(?:(?:останньому|останній|новому|новій|щоденному|щоденній|ранковому|"
    r"вечірньому|офіційному|офіційній|оновленому|розвідувальному)\s+){0,3}(?:зведенні|звіті|повідомленні|оновленні|даних|"
    r"оцінці|заяві|дописі|бюлетені|брифінгу|підсумках|огляді)\b",
    re.IGNORECASE,
)
# A report noun right before the claimant's name (genitive): "за даними Генштабу", "у зведенні Генштабу".
REPORT_BEFORE = re.compile(r"\b(?:зведенн\w*|звіт\w*|повідомленн\w*|даних|дані|оцінк\w*|підрахунк\w*|статистик\w*|"
                           r"оновленн\w*|заяв\w*|бюлетен\w*)\s+$", re.IGNORECASE)
# The phrases English writes "according to": the claimant follows them ("за даними Генштабу"); the
# attribution stage treats these as it treats "according to".
ACCORDING_TO = frozenset({"за даними", "за словами", "за інформацією", "згідно з", "згідно із", "відповідно до", "як повідомляє", "як повідомляють", "як заявили в", "як повідомили в"})
# A claimant named after a figure in the same paragraph speaks for it: Ukrainian copy closes a paragraph
# with its source ("..., повідомив голова ОВА"), measured on tests/gold/real_uk.
# Cues after which an office or unnamed source names who speaks, with no verb of its own
# (tollbook.extract.attribution._unnamed_role): the office read right after, in any case form.
ROLE_CUES = frozenset({"за словами", "з посиланням на", "посилаючись на", "за даними", "за інформацією", "як повідомили", "як повідомив", "як повідомила"})
SPEAKER_CLOSES_PARAGRAPH = True
# The last speaker named speaks for later paragraphs' figures until another is named: Ukrainian copy
# names its source once, in the lead ("..., повідомили в пресслужбі"), measured on tests/gold/real_uk.
SPEAKER_CARRIES_ON = True
# A paragraph that goes on with the count before it ("Ще 40 людей поранені, повідомив голова ОВА"):
# its closing speaker speaks for the paragraph before too.
CONTINUES = re.compile(r"\s*(?:Ще|Також|Крім того)\b")
# A paragraph that opens the article's own background: no speaker named before carries into it.
BACKGROUND = re.compile(r"\s*(?:Нагадаємо|Раніше|Як повідомлялося|Як відомо|Як раніше повідомлялося|Водночас раніше|До цього повідомлялося)\b")
DEFINITE_BEFORE = re.compile(r"(?<![\w\'’])(?:ці|цих|ті|тих|цими|тими)\s+$", re.IGNORECASE)
# A figure given as an earlier one ("раніше повідомляли про 1 400", "з попередніх 1 400"): as of before the report.
# A day named with the verb that tells or publishes a figure ("published a review on June 3 estimating ..."):
# the day of the telling, not the figure's period when the sentence also gives that period as a span.
TOLD_ON = re.compile(r"(?<!\w)(?:повідомив\w*|повідомил\w*|заявив\w*|заявил\w*|сказав\w*|сказал\w*|опублікував\w*|опублікувал\w*|оприлюднив\w*|оприлюднил\w*|оголосив\w*|оголосил\w*)(?:\s+[\w\'’-]+){0,3}\s+$", re.IGNORECASE)
PREVIOUS_FIGURE = re.compile(r"\b(?:раніше|спочатку|попередньо|до цього)\s+(?:повідомля\w+|повідомил\w*|заявля\w+|заявил\w*|казал\w*|називал\w*)\b(?:(?!\b(?:зараз|наразі|тепер|повідомил\w*|заявил\w*)\b)[^.;]){0,100}$"
                             r"|\b(?:з|із)\s+попередн\w+\s+(?:\w+\s+)?$", re.IGNORECASE)
# A ratio of two figures ("співвідношення втрат – 1 до 3", "5 або навіть 6 до 1"): no count.
RATIO_PAIR = re.compile(r"співвідношенн\w*[^.!?]{0,50}$", re.IGNORECASE)
RATIO_FROM = re.compile(r"\d+(?:,\d+)?(?:\s+або\s+(?:навіть\s+)?\d+)?\s+до\s+\d")
RATIO_TO_BEFORE = re.compile(r"\d\s+до\s+$")
# A scale word in the genitive plural with no number before it ("скільки тисяч", "сколько тысяч") counts nothing.
BARE_SCALES = frozenset({"тисяч", "мільйонів", "мільярдів"})
# Sources after "за" that name no one ("за деякими оцінками", "за неофіційними даними"); "за попередніми даними"
# is the speaker's own.
UNNAMED_ACCORDING = re.compile(r"\b[Зз]а\s+((?:деякими|неофіційними|іншими|незалежними|непідтвердженими)\s+(?:оцінками|підрахунками|даними))\b")
# How far after a verb of saying its speaker may be named: Ukrainian copy puts the speaker after the verb
# ("повідомили «Укрінформу» в Головному управлінні ДСНС").
SPEAKER_AFTER_VERB = 60
# A line that only names who said the paragraph before it ("– заявив Петренко.").
CLOSING_SPEAKER = re.compile(r"\s*[-\u2013\u2014]\s*(?:заявив|заявила|заявили|сказав|сказала|сказали|повідомив|повідомила|повідомили|написав|написала|написали|зазначив|зазначила|наголосив|наголосила)\b")
# (a day given between the pointer and its verb, set off by commas: "Про це в п'ятницю, 7 червня, повідомили ...")
POINTS_BACK_CORE = (
    r"(?:про\s+це(?:\s+[^.!?,\n]{1,30},(?:[^.!?,\n]{1,20},)?)?|це|цю\s+інформацію|ці\s+дані|цю\s+цифру|ці\s+цифри|такі\s+дані|такі\s+цифри|"
    r"(?:сумну|цю|трагічну|погану)\s+новину)\s+(?:[\w'’-]+\s+)?"
    r"(?:наводить|наводять|навів|навела|навели|(?:йдеться|ідеться|сказано|говориться|зазначається|повідомляється)\s+(?:у|в)\b|сказав|сказала|сказали|"
    r"зазначив|зазначила|зазначили|наголосив|наголосила|інформує|інформують|пише|пишуть|повідомив|повідомила|повідомили|повідомляє|повідомляють|заявив|заявила|заявили|підтвердив|підтвердила|"
    r"підтвердили|оприлюднив|оприлюднила|оприлюднили|написав|написала|написали|розповів|розповіла|розповіли)\b"
)
# Right before a verb of saying, what makes it vouch for nothing ("не підтвердив", English "did not confirm").
NEGATED_BEFORE = re.compile(r"(?:\bне|\bвідмови\w+|\bне\s+змог\w*)\s+$", re.IGNORECASE)
# The claimant named before speaks again ("за його словами", "він додав"): English's "according to him".
REFERS_BACK = re.compile(
    r"\bза\s+(?:його|її|їхніми|їх)\s+(?:словами|даними|оцінками|інформацією)\b|"
    r"\b(?:йдеться|ідеться|сказано|говориться)\s+(?:у|в)\s+(?:його\s+|її\s+|цьому\s+)?(?:повідомленні|заяві|зведенні|дописі|звіті)\b|"
    r"\b(?:він|вона|вони|посадовець|речник|речниця|очільник|очільниця|начальник|голова)\s+(?:також\s+|ще\s+)?"
    r"(?:додав|додала|додали|зазначив|зазначила|зазначили|уточнив|уточнила|уточнили|наголосив|наголосила|наголосили|"
    r"повідомив|повідомила|повідомили|заявив|заявила|заявили|розповів|розповіла|розповіли)\b", re.IGNORECASE)
AS_NOTED = re.compile(r"\bяк (?:зазначалося|зазначено|повідомлялося|повідомляв|повідомляла|повідомляли|писали|йшлося|"
                      r"раніше повідомлялося)\b", re.IGNORECASE)
BACK_NOUN = (r"(?:він|вона|вони|воно|його|її|їхн\w*|(?:[\w'’-]+\s+){0,2}?(?:посадовець|посадовці|речник|речниця|місія|"
             r"агентство|міністерство|відомство|зведення|звіт|заява|адміністрація|губернатор|начальник|голова|армія|"
             r"служба|офіс|штаб|командування|командувач|міністр|президент|джерело|бюлетень|брифінг|оцінка|повідомлення))")
NAME_DETERMINER = re.compile(r"^(?:(?:За даними|За словами|Згідно з|Згідно із|У|В|На|Цей|Ця|Це|Його|Її|Їхній|Їхня)\s+)+")

# --- actors: victim or agent (tollbook.extract.actors) ---

# The words that make a named party the agent of a figure ("з боку російських військ", "проти ЗСУ"),
# its owner or a speaker, not the side that lost it. Ukrainian marks the agent of a passive by the
# instrumental case without a preposition ("вбиті російськими військами"): see INSTRUMENTAL_AGENT.
AGENT_BEFORE = re.compile(r"\b(?:з боку|від|проти|для|у|в|до|біля|поблизу|через|на боці|на підтримку|разом з|разом із|"
                          r"ніж|за допомогою|допомагаючи|з|із|на|по|"
                          # the genitive after an attack names who attacked: "через ракетну атаку Росії"
                          r"атак\w*|удар\w*|обстріл\w*|агресі\w*|вторгнен\w*|наступ\w*|контрнаступ\w*|терор\w*|"
                          # and after a weapon: "ударів дронів РФ", "ракетами армії РФ"
                          r"дрон\w*|безпілотник\w*|ракет\w*|снаряд\w*|бомб\w*|"
                          # the maker, not the owner: "Bradley виробництва США"
                          r"виробництва|постачання)\s+$", re.IGNORECASE)
# "у росіян тисяча втрат", "в окупантів": a people or army noun (lower case) after у/в is who has them, not
# where ("в Україні", "у Росії" stay places by AGENT_BEFORE)
# "Ми – 340 втрат", "наші втрати – 340": the speaker's own forces
OWN_FORCES_SUBJECT = re.compile(r"(?<!\w)(?:ми|наші\s+втрати|у\s+нас)\s*(?:[—–-]\s*|втратили\s+|маємо\s+)(?:близько\s+|майже\s+|понад\s+)?$",
                                re.IGNORECASE)
# A party named in the instrumental plural before its figure did it ("Российскими войсками уничтожены",
# "Силами оборони знищено"): its last word ends so, and no preposition of company stands before it.
INSTRUMENTAL_NOUN = re.compile(r"(?:ами|ями)$", re.IGNORECASE)
COMPANY_BEFORE = re.compile(r"\b(?:з|із|зі|разом з|разом із)\s+$", re.IGNORECASE)  # "з українськими військовими": with them
POSSESSOR_BEFORE = re.compile(r"\b(?:у|в)\s+$", re.IGNORECASE)
AGENT_BY = re.compile(r"\bз\s+боку\s+(?:[\w'’-]+\s+){1,3}$", re.IGNORECASE)
OWNER_OF = re.compile(
    r"^\s+(?:губернатор\w*|посадовц\w*|посадовец\w*|влад\w+|президент\w*|речни\w+|міністерств\w*|армі\w+|командувач\w*|"
    r"генштаб\w*|МЗС|розвідк\w+|уряд\w*|посольств\w*|ЗМІ|медіа|військов\w+\s+командуванн\w+|прокуратур\w+|поліці\w+)\b",
    re.IGNORECASE,
)
POSSESSIVE_PRONOUN = re.compile(r"\b(?:свої|своїх|своїми|своєї|свою|їхні|їхніх|їхніми|наші|наших|його|її)\s+(?:власних\s+)?$",
                                re.IGNORECASE)
AGENT_AFTER = re.compile(
    r"^\s+(?:(?:війська|військ|армія|армії|сили)\s+)?(?:удар\w*|авіаудар\w*|атак\w*|обстріл\w*|ракет\w*|дрон\w*|"
    r"безпілотник\w*|бомбардуван\w*|наступ\w*|штурм\w*|вогонь|вогню|артилері\w*|вторгнен\w*|агресі\w*|окупаці\w*|"
    r"блокад\w*|облог\w*|шахед\w*)\b",
    re.IGNORECASE,
)
ACTIVE_VERB = re.compile(rf"\b(?:{_alternation(_words('active'))})\b", re.IGNORECASE)
PASSIVE = re.compile(r"\b(?:було|були|був|була|є|буде|будуть)\s+(?:\w+\s+)?$", re.IGNORECASE)
# The instrumental agent of a passive: "вбиті російськими військами", "збиті силами ППО".
INSTRUMENTAL_AGENT = re.compile(r"^\s+(?:\w+(?:ими|ими|іми|ою|ом|ем|єм|ами|ями))\b", re.IGNORECASE)

# --- places (tollbook.extract.places) ---

# A small town is a figure's place only after a locative (or the genitive of an assault on it: "штурму Бахмута");
# a country that speaks ("Британія заявила") is not a place.
LOCATIVE = re.compile(
    r"\b(?:у|в|на|біля|поблизу|під|над|через|з|із|до|від|по|районі|території|неподалік від|неподалік|довкола|навколо|"
    r"околицях|околиці|м\.|с\.|смт|штурму|обстрілу|оборони|облоги|звільнення|окупації|бомбардування)\s+(?:(?:південн\w+|північн\w+|східн\w+|західн\w+|центральн\w+|окупован\w+|"
    r"прикордонн\w+|прифронтов\w+)\s+)?$",
    re.IGNORECASE,
)
SPEAKS_AFTER = re.compile(
    r"^\s+(?:\w+\s+)?(?:заявила|заявив|заявили|заявляє|повідомила|повідомив|повідомили|повідомляє|стверджує|оцінює|оцінила|"
    r"вважає|розвідка|посадовці|уряд|міністерство|МЗС|посольство|армія|Міноборони)\b", re.IGNORECASE)

# --- shares of an earlier figure (tollbook.extract.derive) ---

DEPLOYED_NP = re.compile(rf"\b(?:{_alternation(_words('deployed'))})\b", re.IGNORECASE)
DEMONSTRATIVE = {"них", "цих", "тих", "ця кількість", "ця цифра", "це число", "загальної кількості", "цієї кількості",
                 "цього числа", "їх"}

# --- measures (tollbook.extract.measures) ---

# Verbs of weapons used, not weapons lost: "дві ракети влучили в центр міста".
ATTACK_VERBS = {w.lower() for w in _words("attack")}

# --- around a figure (tollbook.extract.numbers) ---

# What a figure must not be next to (ages, distances, money, times, ordinals), the words of ranges
# and changes, and the anaphors and partitives that tie a share to its base ("третина з них").
# A list of ages sharing one word of years after its last item ("children aged 2, 17 and 14 years"): no item
# is a count.
AGE_LIST_AFTER = re.compile(r"(?:\s*,\s*\d{1,3})*\s*(?:,|і|й|та)\s*\d{1,3}\s*(?:років\b|роки\b|рік\b|-річн)", re.IGNORECASE)
AFTER_NOT_A_COUNT = re.compile(
    r"^(?:-?\s*(?:річн|літн|місячн|тижнев|денн|добов|годинн|хвилинн)\w*|"
    r"-(?:го|й|ий|ій|а|та|ма|ша|га|я|ге|е|те|ме|ше|ї|х|му|м|ою|ої)(?!\w)|"
    r"\s*(?:%|відс\.|відсот\w*)|"
    r"\s*(?:км|кілометр\w*|метр\w*|м|кв\.|квадратн\w*|гектар\w*|га|кг|кілограм\w*|тонн\w*|т|мм|см|градус\w*|°|км/год)(?![\w])|"
    r"\s*(?:гривень|гривні|гривня|гривнями|грн|доларів|долари|долар|дол\.|євро|рублів|рублі|рубль|руб\.|usd|eur|uah|rub)(?![\w])|"
    r"\s*(?:год\.?|годин\w*|хв\.?|хвилин\w*|сек\.?|секунд\w*)(?![\w])|"  # not "секторі"
    r"\s*(?:р\.|рр\.|року|рік|років|роки|роках|році)(?![\w])|:\d)",
    re.IGNORECASE,
)
COUNT_NOUN_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}(?:військов\w*|солдат\w*|людей|людини|осіб|особи|цивільн\w*|бійц\w*|"
                              r"окупант\w*|танк\w*|дрон\w*|безпілотник\w*)\b", re.IGNORECASE)
OF_DETERMINER_AFTER = re.compile(r"\s*(?:з|із|серед)\s+(?:них|цих|тих|його|її|їхніх|своїх)\b", re.IGNORECASE)
# After a fraction, the word that takes its base (English "of"): "половина з 11 000", "треть из 900".
OF_AFTER = re.compile(r"\s+(?:з|із|серед)\b", re.IGNORECASE)
AND_OR = re.compile(r"\s(?:і|й|та|або|чи)\s")
OR_WORDS = ("або", "чи")  # of AND_OR's words, those that join two number words into a range ("два або три")
BETWEEN_SPLIT = re.compile(r"(.+?)\s+(?:до|і|й|та)\s+(.+)")
CHANGE_VERB = re.compile(rf"\b(?:{_alternation(_words('change'))})\s+(?:з|із|до|на)?\s*$", re.IGNORECASE)
SCALE_END = re.compile(rf"\s*({_SCALE_FORMS})$", re.IGNORECASE)
SCALE_WORD = re.compile(rf"({_SCALE_FORMS})", re.IGNORECASE)
OR_MORE_AFTER = re.compile(r"\s*(?:і більше|та більше|або більше|з гаком|з лишком)(?!\w)", re.IGNORECASE)
# "11-тисячний контингент", "мільйонна армія": a strength or contingent size.
STRONG_AFTER = re.compile(r"[-\u2010](?:тисячн|мільйонн)\w*", re.IGNORECASE)
ANAPHOR_WORDS = r"(них|цих|тих|їх|ця кількість|ця цифра|цього числа|загальної кількості|цієї кількості)"
LEAD_OF = re.compile(rf"\b(?:з|із|серед)\s+{ANAPHOR_WORDS}\s*,?\s*(?:[\w'’-]+\s+){{0,2}}$", re.IGNORECASE)
ANAPHOR_NP = re.compile(
    r"\s+(?:з|із|серед)\s+((?:направлених|відправлених|розгорнутих|мобілізованих|перекинутих)\b|"
    r"(?:них|цих|тих|яких)\b(?!\s+(?:солдатів|військових|людей|втрат))|(?:усіх|всіх|цих|тих|їхніх|своїх|його|її)\b"
    r"(?:\s+(?!(?:з|із|у|в|на|до|від|що|який|яка|які|були|було|є|і|та|або|але)\b)[\w'’-]+){0,5})",
    re.IGNORECASE,
)
# A share's own count of its base in brackets: "половина зниклих моряків (6 з 12)" is half of 12.
PAREN_SHARE = re.compile(r"\s*\(\s*[\d][\d,.\s]*\s+(?:з|із)\s+(?=\d)", re.IGNORECASE)
BASE_GAP = re.compile(r"\s+(?:з\s+|із\s+|серед\s+)?(?:усіх\s+|всіх\s+|цих\s+|тих\s+|їхніх\s+|своїх\s+)?(?:[\w'’-]+\s+){0,3}?",
                      re.IGNORECASE)


def word_value(text: str) -> Fraction | None:
    """The value of a Ukrainian number phrase, by addition within a group and multiplication by scales:
    "двісті сорок п'ять тисяч" -> 245000, "півтори тисячі" -> 1500, "півмільйона" -> 500000,
    "тисяча" -> 1000; None for a sequence no one writes as one number ("п'ять сорок")."""
    tokens = re.findall(rf"[\w{_APOSTROPHE}.]+", text.lower().replace("\u2019", "'").replace("\u02bc", "'"))
    if tokens and tokens[0].startswith("пів") and tokens[0] not in HALF_WORDS and tokens[0][3:] in NUMBER_SCALES:
        tokens = ["пів", tokens[0][3:]] + tokens[1:]  # "півмільйона" is "пів мільйона"
    total, group, rank, last_scale, half, seen = Fraction(0), Fraction(0), 4, 0, None, False
    for tok in tokens:
        if tok == "з" or tok == "половиною":  # "вісім/восемь з половиною тисяч": a half added to the group
            group += Fraction(1, 2) if tok == "половиною" else 0
            continue
        if tok in HALF_WORDS and not seen:
            half, seen = HALF_WORDS[tok], True
            continue
        for table, this_rank in ((NUMBER_HUNDREDS, 3), (NUMBER_TENS, 2), (NUMBER_UNITS, 1)):
            if tok in table:
                if this_rank >= rank or (this_rank == 1 and rank == 2 and table[tok] >= 10):
                    return None  # "сорок двісті", "двадцять одинадцять"
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
        return half if half > 2 else None  # "півтораста" is 150; a bare "півтори" is no count
    return total + group

# English names not written for this language yet (OFFICIAL_FIGURES: 'according to official Turkish data'; EVENT_AFTER_NAME:
# 'the Hamas attack'; OWN_VERB_AFTER, TOLL_SUBJECT, REACHES_AHEAD, EVENT_RELATIVE, EVENT_SUBJECT, TAKE_BEFORE,
# TAKEN_AS_AFTER, PARTY_NOUN_AFTER, TARGET_BEFORE, SIDE_AFTER: see lang/en/patterns.py): they never match
OFFICIAL_FIGURES = EVENT_AFTER_NAME = PARTY_OF = OWN_VERB_AFTER = TOLL_SUBJECT = REACHES_AHEAD = EVENT_RELATIVE = NEVER
EVENT_SUBJECT = TAKE_BEFORE = TAKEN_AS_AFTER = PARTY_NOUN_AFTER = TARGET_BEFORE = SIDE_AFTER = GOVERNOR_TITLE = NEVER
