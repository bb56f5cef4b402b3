"""The time grammar: the period a figure refers to, as an interval of dates.

Each rule is a compiled pattern and a function from the match and the reference date
(publication date) to (start, end, forward). News has a past bias: "on Tuesday" is
the latest Tuesday up to the reference date. The rules follow docs/conventions.md
("Time") and the corpus lang/en/corpus/times.json.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from tollbook.lang import CURRENT as en
from tollbook.lang import grammar, per_language



def _month_alt() -> str:
    """The month names of the language being read, longest first, as one alternation."""
    return "|".join(sorted((re.escape(m) for m in en.MONTHS), key=len, reverse=True))


_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"


@dataclass(frozen=True, slots=True)
class TimeSpan:
    start: int  # offsets in the sentence
    end: int
    text: str
    date_start: date | None
    date_end: date | None
    forward: bool = False


Resolver = Callable[[re.Match[str], date], tuple[date | None, date | None, bool] | None]


def _month(name: str) -> int:
    en = grammar()  # the language being read, looked up once for this call
    if name.isdigit():
        return int(name)  # "24.02": a month written as its number
    return en.MONTHS[name.rstrip(".").capitalize() if name.rstrip(".").capitalize() in en.MONTHS else name.rstrip(".").title()]


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y, m = d.year + y, m + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _latest_month(month: int, ref: date) -> int:
    """Year of the latest such month on or before the reference date."""
    return ref.year if month <= ref.month else ref.year - 1


def _part(part: str, y: int, m: int) -> tuple[date, date]:
    part = part.lower()
    if part == "early":
        return date(y, m, 1), date(y, m, 10)
    if part in ("mid", "middle"):
        return date(y, m, 11), date(y, m, 20)
    return date(y, m, 21), _month_end(y, m)


def _year(text: str) -> int:
    """A year as written: "2025", or "25" of a date written "15.03.25"."""
    year = int(text)
    return year + 2000 if year < 100 else year


def _lead(m: re.Match[str]) -> str:
    """What a date's lead word makes of it: English's words as written ("as of", "since", "by ..."), or
    the kind a language's rule names by its group (lead_as_of, lead_since, lead_by: "станом на" is "as of")."""
    found = m.groupdict()
    for kind in ("as_of", "since", "by"):
        if found.get("lead_" + kind):
            return kind.replace("_", " ")
    return (found.get("lead") or "").lower()


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _day_month(m: re.Match[str], ref: date) -> tuple[date | None, date | None, bool] | None:
    month, day = _month(m.group("month")), int(m.group("day"))
    year = _year(m.group("year")) if m.group("year") else None
    if year is None:
        year = ref.year
        cand = _safe_date(year, month, day)
        if cand is None:
            return None
        if cand > ref:
            year -= 1
    d = _safe_date(year, month, day)
    if d is None:
        return None
    lead = _lead(m)
    if lead.startswith("as of") or lead.startswith("by") or lead.startswith("as at"):
        return None, d, False
    if lead.startswith("since"):
        return d, ref, False
    return d, d, False


def _month_year(m: re.Match[str], ref: date) -> tuple[date | None, date | None, bool] | None:
    month = _month(m.group("month"))
    year = _year(m.group("year")) if m.group("year") else _latest_month(month, ref)
    part = m.groupdict().get("part")
    lead = _lead(m)
    if part:
        s, e = _part(part, year, month)
    else:
        s, e = date(year, month, 1), _month_end(year, month)
    if lead.startswith("since"):
        return s, ref, False
    if lead.startswith("as of") or lead.startswith("by"):
        return (s, e, False) if part else (None, e, False)
    return s, e, False


def _weekday(m: re.Match[str], ref: date) -> tuple[date, date, bool]:
    wd = en.WEEKDAYS[m.group("wd").lower()]
    back = (ref.weekday() - wd) % 7
    d = ref - timedelta(days=back)
    return d, d, False


def _relative(m: re.Match[str], ref: date) -> tuple[date | None, date | None, bool] | None:
    key = re.sub(r"\s+", " ", m.group(0).lower()).strip()
    if m.lastgroup:  # a language's rule names its alternative in English ("last_week" for "минулого тижня")
        key = m.lastgroup.replace("_", " ")
    monday = ref - timedelta(days=ref.weekday())
    if "today" in key or "this morning" in key or "this evening" in key or key == "tonight":
        return ref, ref, False
    if "yesterday" in key:
        d = ref - timedelta(days=1)
        return d, d, False
    if "overnight" in key or "24 hours" in key or "past day" in key or "last night" in key:
        return ref - timedelta(days=1), ref, False
    if "weekend" in key:
        if ref.weekday() >= 5:  # written at the weekend: this one, so far
            return monday + timedelta(days=5), ref, False
        sat = monday - timedelta(days=2)  # written in the week: the one before it
        return sat, sat + timedelta(days=1), False
    if "last week" in key or "previous week" in key or "past week" in key and "last" in key:
        s = monday - timedelta(days=7)
        return s, s + timedelta(days=6), False
    if "this week" in key or "past week" in key:
        return (monday, ref, False) if "this" in key else (ref - timedelta(days=7), ref, False)
    if "last month" in key or "previous month" in key:
        first = date(ref.year, ref.month, 1)
        prev_end = first - timedelta(days=1)
        return date(prev_end.year, prev_end.month, 1), prev_end, False
    if "this month" in key:
        return date(ref.year, ref.month, 1), ref, False
    if "last year" in key or "previous year" in key:
        y = ref.year - 1
        if key.startswith("early"):
            return date(y, 1, 1), date(y, 4, 30), False
        if key.startswith("mid") or "middle" in key:
            return date(y, 5, 1), date(y, 8, 31), False
        if key.startswith("late"):
            return date(y, 9, 1), date(y, 12, 31), False
        return date(y, 1, 1), date(y, 12, 31), False
    if "this year" in key:
        return date(ref.year, 1, 1), ref, False
    return None


def _since_start(m: re.Match[str], ref: date) -> tuple[None, date, bool]:
    return None, ref, False


def _forward(m: re.Match[str], ref: date) -> tuple[date, date, bool] | None:
    n_text, unit = (m.group("n") or "one").lower(), m.group("unit").lower().rstrip("s")
    unit = getattr(en, "TIME_UNITS", {}).get(unit, unit)  # "місяців" is a month
    n = en.TIME_NUMBERS.get(n_text) or (int(n_text) if n_text.isdigit() else None)
    if m.group("n") is None:
        n = 1  # "next month", "наступного місяця"
    if n is None:
        return None
    if unit == "month":
        return ref, _add_months(ref, n), True
    if unit == "week":
        return ref, ref + timedelta(weeks=n), True
    if unit == "day":
        return ref, ref + timedelta(days=n), True
    if unit == "year":
        return ref, _add_months(ref, 12 * n), True
    return None


def _end_of_year(m: re.Match[str], ref: date) -> tuple[date, date, bool]:
    return ref, date(ref.year, 12, 31), True


def _first_week(m: re.Match[str], ref: date) -> tuple[date, date, bool]:
    month = _month(m.group("month"))
    year = int(m.group("year")) if m.group("year") else _latest_month(month, ref)
    return date(year, month, 1), date(year, month, 7), False


def _day_range(m: re.Match[str], ref: date) -> tuple[date | None, date | None, bool] | None:
    m2 = _month(m.group("month2"))
    y2 = _year(m.group("year")) if m.group("year") else _latest_month(m2, ref)
    m1 = _month(m.group("month1")) if m.group("month1") else m2
    y1 = _year(m.group("year1")) if m.groupdict().get("year1") else (y2 if m1 <= m2 else y2 - 1)  # "з 24.02.2022 по 01.06"
    s, e = _safe_date(y1, m1, int(m.group("d1"))), _safe_date(y2, m2, int(m.group("d2")))
    return (s, e, False) if s and e else None


def _month_day_range(m: re.Match[str], ref: date) -> tuple[date | None, date | None, bool] | None:
    """"from Sept. 20 to Dec. 31, 2017": a span written month first, as American copy writes dates."""
    return _day_range(m, ref)


def _numeric_span(m: re.Match[str], ref: date) -> tuple[date | None, date | None, bool] | None:
    """"from 24.02.22 to 27.01.25": a span in day.month.year numbers, as the General Staff's statement writes it."""
    return _day_range(m, ref)


def _iso(m: re.Match[str], ref: date) -> tuple[date | None, date | None, bool] | None:
    d = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return (d, d, False) if d else None


_WEEKDAY_NAMES = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_LEAD = r"(?P<lead>(?:as of|as at|by|since|on|in|from|until)\s+(?:the\s+)?)?"


@dataclass(frozen=True, slots=True)
class _Table:
    """The time rules of one language, compiled, with the gate words that open each."""

    compiled: list[tuple[re.Pattern[str], Resolver]]
    gate_any: re.Pattern[str]
    opens: dict[str, frozenset[Resolver]]
    absolute: re.Pattern[str]
    own: bool = False  # the language's own rules, which write their conditions into their patterns
    # Rules a gate word opened that run only if this pattern is also in the folded sentence (`_refined`)
    narrower: tuple[tuple[frozenset[Resolver], re.Pattern[str]], ...] = ()
    # Where in the folded sentence a word begins that some rule's match begins with (`_word_starts`), and
    # per rule the words found there that it may begin with: such a rule is tried only at those places
    start_words: re.Pattern[str] | None = None
    starts_of: dict[Resolver, frozenset[str]] = field(default_factory=dict)


def _english_rules() -> tuple[list[tuple[str, Resolver]], dict[Resolver, tuple[str, ...]]]:
    """English time expressions and, per rule, the words without which it cannot match."""
    month_alt = _month_alt()
    _MONTH = rf"(?P<month>{month_alt})\.?"  # noqa: N806 - the rules below read as patterns
    _MONTH_ALT = month_alt  # noqa: N806
    rules: list[tuple[str, Resolver]] = [
        (rf"\b(?:between|from)\s+(?P<d1>[0-3]?\d)(?:\s+(?P<month1>{_MONTH_ALT})(?:,?\s+(?P<year1>(?:19|20)\d\d))?)?,?\s+(?:and|to|-)\s+(?P<d2>[0-3]?\d)\s+(?P<month2>{_MONTH_ALT})\.?(?:,?\s+{_YEAR})?\b", _day_range),
        (rf"\b(?:between|from)\s+(?P<month1>{_MONTH_ALT})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year1>(?:19|20)\d\d))?,?\s+"
         rf"(?:and|to|until|through|-)\s+(?P<month2>{_MONTH_ALT})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?\b",
         _month_day_range),
        (rf"\bin\s+the\s+first\s+week\s+of\s+{_MONTH}(?:\s+{_YEAR})?\b", _first_week),
        (rf"\b{_LEAD}{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", _day_month),
        (rf"\b{_LEAD}{_MONTH}\s+{_DAY}(?!\d)(?:,?\s+{_YEAR})?\b", _day_month),
        (r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", _iso),
        (r"\b(?:from|between)\s+(?P<d1>[0-3]?\d)\.(?P<month1>[01]\d)\.(?P<year1>(?:19|20)?\d\d)\s*(?:to|and|-|–|—)\s*"
         r"(?P<d2>[0-3]?\d)\.(?P<month2>[01]\d)\.(?P<year>(?:19|20)?\d\d)(?!\d)", _numeric_span),
        (rf"\b{_LEAD}(?:(?P<part>early|mid|late|middle)(?:-|\s+|\s+of\s+))?{_MONTH}(?:\s+{_YEAR})?\b", _month_year),
        (rf"\b(?:on|last|this|since|by)?\s*(?P<wd>{_WEEKDAY_NAMES})\b", _weekday),
        (r"\bby the end of (?:the|this) year\b", _end_of_year),  # before "this year" alone, which it holds
        (r"\b(?:(?:early|mid|late|in the middle of)[- ]?)?(?:so far )?(?:this|last|previous|past|the past|the last|over the past|over the last|in the past|in the last) (?:week|month|year|24 hours|day)\b"
         r"|\b(?:yesterday|today|overnight|tonight|last night|this morning|this evening)\b|\b(?:over|at) the weekend\b", _relative),
        (r"\b(?:since the (?:start|beginning|outbreak) of the (?:full-scale |full scale )?(?:war|invasion|conflict|fighting|offensive|operation)|so far|to date|in total|since the war began)\b", _since_start),
        (r"\b(?:within|in|over|during) (?:the )?(?:next |coming )?(?:(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an) )?(?P<unit>months?|weeks?|days?|years?)\b", _forward),
    ]
    # A rule runs only when one of its words is in the sentence: most sentences name no time at all,
    # and a substring test is far cheaper than a case-insensitive pattern tried at every position.
    month_words = tuple(sorted({m.lower()[:3] for m in en.MONTHS}))
    gates: dict[Resolver, tuple[str, ...]] = {
        _day_range: month_words, _month_day_range: month_words, _first_week: ("first week",), _day_month: month_words, _iso: ("-0", "-1"),
        _numeric_span: (".0", ".1"),
        _month_year: month_words, _weekday: ("day",),
        _relative: ("week", "month", "year", "hour", "day", "today", "yesterday", "overnight", "night", "morning",
                    "evening", "weekend"),
        _since_start: ("since", "so far", "to date", "in total"), _forward: ("month", "week", "day", "year"),
        _end_of_year: ("end of",),
    }
    return rules, gates


def _english_starts() -> dict[Resolver, tuple[str, ...]]:
    """The words each English rule's every match begins with, at the start of a word ("0": a digit).

    The rules' patterns open with a word boundary and one of these (a lead word, a part of a month,
    a month's name, a day's digits); the weekday rule, which may begin with the space before its
    day, and the rare rules are left to search the whole sentence."""
    leads = ("as", "by", "since", "on", "in", "from", "until")
    months = tuple(sorted({m.lower()[:3] for m in en.MONTHS}))
    return {
        _day_range: ("between", "from"),
        _month_day_range: ("between", "from"),
        _day_month: ("0", *leads, *months),
        _month_year: (*leads, "early", "mid", "late", "middle", *months),
        _relative: ("early", "mid", "late", "in", "so", "this", "last", "previous", "past", "the", "over",
                    "yesterday", "today", "overnight", "tonight", "at"),
        _forward: ("within", "in", "over", "during"),
    }


def _start_table(starts: dict[Resolver, tuple[str, ...]]) -> tuple[re.Pattern[str], dict[Resolver, frozenset[str]]]:
    """The pattern finding every start word where a word begins, and per rule the words found that it
    accepts: a word found and a rule's start word are both read from the same place, so the rule may
    match there when one is a prefix of the other ("overnight" found, "over" the rule's)."""
    words = sorted({w for ws in starts.values() for w in ws if w != "0"}, key=len, reverse=True)
    pattern = re.compile(r"\b(?:\d+|" + "|".join(re.escape(w) for w in words) + ")")
    accepted = {rule: frozenset([*("0" for w in ws if w == "0"),
                                 *(t for t in words if any(t.startswith(w) or w.startswith(t) for w in ws if w != "0"))])
                for rule, ws in starts.items()}
    return pattern, accepted


def _word_starts(folded: str, pattern: re.Pattern[str]) -> list[tuple[int, str]]:
    """(offset, start word found there; "0" for digits) of every start word beginning a word."""
    return [(m.start(), "0" if m.group(0)[0].isdigit() else m.group(0)) for m in pattern.finditer(folded)]


def _matches_from(pattern: re.Pattern[str], sentence: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What pattern.finditer(sentence) gives, when every match begins at one of `starts` (sorted):
    the pattern is tried only there, and, like finditer, not again inside a match."""
    after = 0
    for at in starts:
        if at >= after:
            m = pattern.match(sentence, at)
            if m is not None:
                yield m
                after = m.end()


def _english_narrower() -> tuple[tuple[frozenset[Resolver], re.Pattern[str]], ...]:
    """For the English rules the gate words open most often for nothing ("mar" in "market", "may" in
    "dismayed", "day" in "holiday", "month" in "months"): what each rule's every match holds.

    A month's name begins a word (it follows a space, a hyphen or the start), a weekday's name is
    written whole, and a relative expression holds one of its lead words."""
    month_words = sorted({m.lower()[:3] for m in en.MONTHS})
    return (
        (frozenset({_day_range, _day_month, _month_year}), re.compile(rf"(?<!\w)(?:{'|'.join(month_words)})")),
        (frozenset({_weekday}), re.compile(_WEEKDAY_NAMES)),
        (frozenset({_relative}), re.compile("this |last |previous |past |yesterday|today|overnight|tonight|weekend")),
    )


# The characters that a case-insensitive pattern matches to an ASCII letter while str.lower() keeps
# them apart (found by trying every code point): the narrower patterns read the sentence with these
# as the letters, so that whatever a rule can match, they find.
_LIKE_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _refined(open_rules: set[Resolver], folded: str, table: _Table) -> set[Resolver]:
    """The rules the gate words opened, less those whose narrower pattern is not in the sentence."""
    for rules, pattern in table.narrower:
        if open_rules & rules and pattern.search(folded) is None:
            open_rules = open_rules - rules
    return open_rules


def _folded(sentence: str, lowered: str) -> str:
    """The sentence lowercased with the letters a case-insensitive rule reads as ASCII made ASCII
    (`_LIKE_ASCII`): one character for one, so its offsets are the sentence's."""
    return lowered if sentence.isascii() else sentence.translate(_LIKE_ASCII).lower()


@per_language
def _table() -> _Table:
    """The current language's rules: its package's TIME_RULES (pattern, resolver name) and TIME_GATES
    (resolver name -> words) when it has them, else English's."""
    own = getattr(grammar(), "TIME_RULES", None)
    if own is not None:  # Duckling's way: the rules are the language's data, the resolvers are shared
        by_name = {f.__name__.lstrip("_"): f for f in (_day_range, _first_week, _day_month, _iso, _month_year, _weekday,
                                                        _end_of_year, _relative, _since_start, _forward)}
        rules = [(p, by_name[name]) for p, name in own]
        gates = {by_name[name]: tuple(words) for name, words in grammar().TIME_GATES.items()}
    else:
        rules, gates = _english_rules()
    # One pass finds every gate word; a word found also opens the rules of the gate words inside it
    # ("today" opens the weekday rule, whose gate is "day").
    gate_words = sorted({w for words in gates.values() for w in words}, key=len, reverse=True)
    month_alt = _month_alt()
    absolute = re.compile(  # a full date ("24 January 2025", "January 24, 2025") ending where the window ends
        rf"\b(?:(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m1>{month_alt})\.?,?\s+(?P<y1>(?:19|20)\d\d)"
        rf"|(?P<m2>{month_alt})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d))$",
        re.IGNORECASE)
    start_words, starts_of = _start_table(_english_starts()) if own is None else (None, {})
    return _Table([(re.compile(p, re.IGNORECASE), f) for p, f in rules],
                  re.compile("|".join(re.escape(w) for w in gate_words)),
                  {found: frozenset(rule for rule, words in gates.items() if any(w in found for w in words))
                   for found in gate_words},
                  absolute, own is not None, () if own is not None else _english_narrower(), start_words, starts_of)


_NOT_TIME = re.compile(r"\b\d+-(?:hour|day|week|month|year)\b|\b(?:sunday|monday) (?:times|telegraph|post|mirror|express)\b", re.IGNORECASE)
_PERSON_NAME_MONTHS = re.compile(r"\b(?:April|May|June|August)\s+[A-Z][a-z]+\b")


def find_times(sentence: str, reference: date | Callable[[], date | None]) -> list[TimeSpan]:
    """Every time expression in a sentence, resolved; overlapping ones keep the longest.

    `reference` may be a function that gives the date (or None: no period can be resolved, so
    none is found): it is called only when the sentence holds a word a time rule needs, so a
    document's reference date is worked out only if some sentence names a time."""
    found: list[TimeSpan] = []
    open_rules: set[Resolver] = set()
    table = _table()
    lowered = sentence.lower()
    for m in table.gate_any.finditer(lowered):
        open_rules |= table.opens[m.group(0)]
    folded = _folded(sentence, lowered) if open_rules and table.narrower else lowered
    if open_rules and table.narrower:
        open_rules = _refined(open_rules, folded, table)
    if not open_rules:
        return found
    if callable(reference):
        reference = reference()
        if reference is None:
            return found
    forward_context: bool | None = None  # looked for once per sentence, when a rule first asks
    word_starts: list[tuple[int, str]] | None = None  # found once per sentence, when a rule first asks
    for pattern, resolve in table.compiled:
        if resolve not in open_rules:
            continue
        accepted = table.starts_of.get(resolve)
        if accepted is None:
            matches: Iterable[re.Match[str]] = pattern.finditer(sentence)
        else:  # a pattern tried at every character costs tens of microseconds a sentence; at a few words, one
            if word_starts is None:
                word_starts = _word_starts(folded, table.start_words)  # type: ignore[arg-type]
            matches = _matches_from(pattern, sentence, [at for at, word in word_starts if word in accepted])
        for m in matches:
            if _NOT_TIME.match(sentence[m.start():m.end() + 16].strip()) or any(s <= m.start() < e or m.start() <= s < m.end() for s, e in _taken(found)):
                continue
            # (the checks below are English's: a language with its own rules writes its conditions into them)
            if not table.own and resolve in (_month_year, _day_month) and _PERSON_NAME_MONTHS.match(sentence, m.start() + len(m.group("lead") or "")):
                continue  # "April Smith": a name, not a month
            if not table.own and resolve is _forward and not re.match(r"(?:within|in)\b", m.group(0), re.IGNORECASE):
                continue
            if not table.own and resolve is _forward and m.group(0).lower().startswith("in ") and "next" not in m.group(0).lower():
                if forward_context is None:
                    forward_context = _forward_context(sentence)
                if not forward_context:
                    continue  # "in three months" is a forecast only when something is expected
            if not table.own and resolve is _month_year and not m.group("month")[0].isupper():
                continue  # "will march on": a verb, not a month
            if not table.own and resolve is _month_year and m.group("month").lower() in ("may", "mar", "jun", "jul", "aug", "oct", "dec", "sep", "jan", "feb", "apr", "nov") and not (m.group("year") or m.group("lead") or m.group("part")):
                continue  # "may" the verb, "Mar" and other bare abbreviations
            try:
                resolved = resolve(m, reference)
                if resolved is not None and resolve is _day_month and resolved[1] is not None \
                        and _lead(m).startswith("by") and not m.group("year"):
                    if forward_context is None:
                        forward_context = _forward_context(sentence)
                    if forward_context:
                        e = resolved[1]
                        resolved = reference, e if e >= reference else e.replace(year=e.year + 1), True
            except (ValueError, KeyError, OverflowError):
                # A day before 0001-01-01 or after 9999-12-31 (a reference near the calendar's ends,
                # "29 February" a year on): no such date, so no period, rather than a crash.
                resolved = None
            if resolved is None:
                continue
            s, e, fwd = resolved
            found.append(TimeSpan(m.start(), m.end(), m.group(0).strip(), s, e, fwd))
    found.sort(key=lambda t: t.start)
    return found


def _forward_context(sentence: str) -> bool:
    return bool(re.search(r"\b(?:will|expected|expects|set to|plan|due|forecast|predict|could|would)\b", sentence, re.IGNORECASE))


def _taken(found: list[TimeSpan]) -> list[tuple[int, int]]:
    return [(t.start, t.end) for t in found]


def choose_time(times: list[TimeSpan], start: int, end: int) -> TimeSpan | None:
    """The time expression of the figure at [start, end): the nearest in its sentence."""
    if not times:
        return None
    return min(times, key=lambda t: (t.start - end) if t.start >= end else (start - t.end))


_YEAR_ALONE = re.compile(r"(?:19|20)\d\d")  # digits on either side are ruled out by hand: lookarounds cost 3x
_ABSOLUTE_REACH = 24  # characters before a year that a full date can take: "September 30th, " and some spacing


def latest_date_in(text: str) -> date | None:
    """The latest full date written in a text: the reference date when no publication date is known.

    Years are found first (one cheap pass; most text has few), and the day and month are looked
    for only just before each, so a huge text costs one scan, not a month pattern at every character."""
    best: date | None = None
    absolute = _table().absolute
    for y in _YEAR_ALONE.finditer(text):
        if text[y.start() - 1:y.start()].isdigit() or text[y.end():y.end() + 1].isdigit():
            continue
        start = max(0, y.start() - _ABSOLUTE_REACH)
        m = absolute.search(text, start, y.end())
        if m is None or m.start() == start > 0 and text[start - 1].isalnum():
            continue  # no full date, or the window cut into a longer word
        n = "1" if m.group("d1") else "2"
        d = _safe_date(int(m.group("y" + n)), _month(m.group("m" + n)), int(m.group("d" + n)))
        if d is not None and (best is None or d > best):
            best = d
    return best


@functools.lru_cache(maxsize=4096)  # bounded: an ingest of a million documents brings as many dates
def parse_reference(value: str | None) -> date | None:
    """A publication date from an ISO date or datetime string ('2025-01-27T09:00Z', '27 January 2025')."""
    if not value:
        return None
    value = value.strip()[:_REFERENCE_CHARS]
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    # Only a date that names its year: "Tuesday" read against no reference is no publication date.
    found = [t for t in find_times(value, date(2100, 1, 1)) if _YEAR_ALONE.search(t.text)]
    return found[0].date_end if found else None


_REFERENCE_CHARS = 100  # a date or datetime is far shorter; a page of text in a date field is not read whole
