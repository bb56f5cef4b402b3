"""Key points of a report, written from its claims by a small template grammar, in the report's language.

Every sentence is built from one claim's fields (claimant, actor, qualifier, value,
measure, place, date, confidence), never copied from the report, and is then read
back with the extractor in the report's language: a point is kept only when every
figure the extractor finds in it has the interval, qualifier and measure of a claim it
was written from. The words are data: lang/<code>/brief.toml holds each language's
qualifiers, nouns, connectives and sentence frames, and the measure verbs ("were killed",
"загинули") are the `brief_verb` of lang/<code>/measures.toml laid over the registry's,
cues the extractor reads, so the read-back sees what the writer meant. Ukrainian and
Russian nouns agree with their figure ("1 танк", "2 танки", "5 танків") through pymorphy3.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tollbook.check.pairing import split_roles
from tollbook.lexicons import load
from tollbook.lexicons.measures import measure_registry
from tollbook.model import Claim, Document


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class Point:
    """One key point: its sentence, the claims it was written from, where they are in the report."""

    text: str
    claims: tuple[Claim, ...]
    evidence: tuple[Evidence, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "claims": [c.claim_id for c in self.claims],
                "evidence": [{"start": e.start, "end": e.end, "quote": e.quote} for e in self.evidence]}


@dataclass(frozen=True, slots=True)
class Brief:
    doc_id: str
    title: str | None
    points: tuple[Point, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {"points": [p.to_dict() for p in self.points]}

    def to_markdown(self) -> str:
        """Bullets with footnotes: '- ... [^1]' and '[^1]: chars 0-157: <quote>'."""
        lines = [f"## {self.title}" if self.title else f"## {self.doc_id}", ""]
        notes, n = [], 0
        for p in self.points:
            marks = []
            for e in p.evidence:
                n += 1
                marks.append(f"[^{n}]")
                notes.append(f"[^{n}]: chars {e.start}-{e.end}: {e.quote}")
            lines.append(f"- {p.text} {''.join(marks)}".rstrip())
        return "\n".join(lines + [""] + notes)


# ---------------------------------------------------------------- wording


def _words(lang: str) -> dict[str, Any]:
    """The words a brief is written in (lang/<code>/brief.toml)."""
    return load("brief.toml", lang)


def _brief_verb(measure: str, lang: str) -> str | None:
    """The measure's verb in `lang`. Read per language here, not from measure_registry(): the
    registry is built once, in whichever language is being read when it is first asked."""
    return load("measures.toml", lang)["measure"].get(measure, {}).get("brief_verb")


def _number(x: float, words: dict[str, Any]) -> str:
    """'4,000' in English, '4 000' in Ukrainian and Russian (the separators of brief.toml)."""
    text = f"{int(round(x)):,}" if abs(x - round(x)) < 1e-6 else f"{x:,.1f}"
    return text.translate({ord(","): words["thousands"], ord("."): words["decimal"]})


@dataclass(frozen=True, slots=True)
class _Quantity:
    """A figure as written and what a noun after it agrees with: the number (None: a vague plural,
    'десятки людей') and the case its qualifier governs ('близько 5 танків': the genitive)."""

    words: str
    number: float | None
    case: str


def _quantity(claim: Claim, words: dict[str, Any]) -> _Quantity | None:
    case = words.get("governs", {}).get(claim.qualifier, "nomn")
    if claim.qualifier == "range" and claim.low is not None and claim.high is not None:
        return _Quantity(words["range"].format(low=_number(claim.low, words), high=_number(claim.high, words)),
                         claim.high, case)
    if claim.qualifier == "vague":
        return _Quantity(words["vague"].format(vague=claim.value_text.lower()), None, case)
    if claim.best is None or claim.qualifier not in words["qualifier"]:
        return None
    return _Quantity(f"{words['qualifier'][claim.qualifier]}{_number(claim.best, words)}", claim.best, case)


def quantity_words(claim: Claim, lang: str = "en") -> str | None:
    """'about 4,000', 'more than 600,000', 'between 300 and 400', 'dozens of' (in Ukrainian
    'близько 4 000'); None when it cannot be said."""
    quantity = _quantity(claim, _words(lang))
    return quantity.words if quantity else None


def _adjective(actor: str | None, words: dict[str, Any], equipment: bool = False) -> str | None:
    """The party as a word before what it lost: 'North Korean' soldiers, 'Russian' tanks; in
    Ukrainian and Russian an adjective lemma of brief.toml [actor] ('російський')."""
    if not actor:
        return None
    if words["inflect"]:
        return words["actor"].get(actor)
    if equipment:
        return actor.split()[0] if actor.endswith("forces") else None
    return actor[: -len(" forces")] if actor.endswith(" forces") else None


def _who(claim: Claim, words: dict[str, Any]) -> str:
    """The people counted: 'North Korean soldiers', 'civilians', 'Hamas fighters', 'people'."""
    who = words["who"]
    if claim.unit and claim.unit != "personnel":
        return ""
    if not claim.actor:
        return who["people"]
    if claim.actor == "civilians":
        return who["civilians"]
    adjective = _adjective(claim.actor, words)
    return who["soldiers"].format(adj=adjective) if adjective else who["fighters"].format(actor=claim.actor)


def _subject(claim: Claim, words: dict[str, Any], lang: str) -> str | None:
    """The party that lost or fielded the figure: 'Russian forces', 'російські війська'; None when
    the language has no words for it."""
    if not claim.actor:
        return words["frame"]["no_actor"]
    if not words["inflect"]:
        return claim.actor
    adjective = _adjective(claim.actor, words)
    parse = _adjective_parse(adjective, lang) if adjective else None
    form = _form(parse, {"nomn", "plur"}) if parse else None
    return f"{form} {words['frame']['forces']}" if form else None


def _when(claim: Claim, words: dict[str, Any], lang: str) -> str:
    when = words["when"]
    text = claim.date_text or ""
    if text and re.search(r"\b\d{4}\b", text):
        return " " + text[0].lower() + text[1:]
    if claim.date_text and claim.date_start and claim.date_end:
        s, e = date.fromisoformat(claim.date_start[:10]), date.fromisoformat(claim.date_end[:10])
        end = _date(e, words, lang)
        if re.search(when["said"] + re.escape(text), claim.quote, re.I):
            return when["as_of_date"].format(date=end)  # "said this week": when it was said, not when it happened
        period = re.search(when["period"], text, re.I)
        if period and period.lastgroup and not re.search(when["past"], text, re.I):
            # "this week" read on a Monday is one day long, but the source meant the week so far
            return when["in_period"].format(period=when["periods"][period.lastgroup], date=end)
        if s == e:
            return when["on"].format(date=end)
        if re.match(when["as_of"], text, re.I):
            return when["as_of_date"].format(date=end)
        return when["between"].format(start=_date(s, words, lang), end=end)
    return ""


def _date(d: date, words: dict[str, Any], lang: str) -> str:
    """'3 March 2025'; '3 березня 2025 року' (the month's lemma in the case brief.toml names)."""
    when = words["when"]
    month = when["months"][d.month - 1]
    if "month_case" in when:
        parse = _noun_parse(month, lang)
        month = (_form(parse, {when["month_case"], "sing"}) if parse else None) or month
    return when["date"].format(day=d.day, month=month, year=d.year)


def _where(claim: Claim, words: dict[str, Any], lang: str) -> str:
    """' in Kharkiv'; in Ukrainian and Russian the report's own words for the place, ' у Харкові'."""
    frame = words["frame"]
    if not words["inflect"]:
        return frame["where"].format(place=claim.place) if claim.place else ""
    place = _recased(claim.place_text, frame["place_case"], lang) if claim.place and claim.place_text else None
    if not place:
        return ""
    vowel = place[:1].lower() in "аеєиіїоуюяэё" and "where_vowel" in frame  # "в Україні", "у Харкові"
    return frame["where_vowel" if vowel else "where"].format(place=place)


def _lead(claim: Claim, words: dict[str, Any], lang: str) -> str:
    lead = words["lead"]
    estimated = claim.modality == "estimated"
    if claim.source and claim.source != "anonymous":
        who = _claimant(claim, words, lang)
        if who is None:  # no words of the report's own for it: left out, never written in English
            return lead["unnamed"]
        return lead["estimated" if estimated else "said"].format(who=who, Who=_cap(who))
    if claim.source == "anonymous":
        return lead["anonymous_estimated" if estimated else "anonymous"]
    return lead["unnamed"]


def _claimant(claim: Claim, words: dict[str, Any], lang: str) -> str | None:
    """English names the claimant ('the UK Ministry of Defence'); Ukrainian and Russian write the
    report's words for it in the case the lead needs ('Генерального штабу ЗСУ'), or None."""
    if not words["inflect"]:
        return _the(claim.source or "", words["lead"]["article"])
    found = next((s.text for s in claim.sources if s.name == claim.source and s.text), None)
    return _recased(found, words["lead"]["case"], lang, people=True) if found else None


def _the(name: str, article: str) -> str:
    """'the UK Ministry of Defence', 'the General Staff of ...', but 'Oryx', 'OHCHR', 'Hamas'."""
    return name if not article or " " not in name or name.lower().startswith(article) else f"{article}{name}"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def sentence_for(claim: Claim, share: Claim | None = None, with_place: bool = True, with_date: bool = True,
                 lang: str = "en") -> str | None:
    """One key-point sentence for a claim (and the killed share of it) in `lang`, or None when no template fits."""
    words = _words(lang)
    quantity = _quantity(claim, words)
    if quantity is None or claim.measure is None:
        return None
    info = measure_registry().get(claim.measure)
    if info is None:
        return None
    frames = words["frame"]
    verb = _brief_verb(claim.measure, lang)
    if claim.measure == "casualties" and not claim.ambiguous_measure and claim.unit == "personnel":
        frame = frames["casualties"]
        if claim.actor and "casualties_people" in frames and _subject(claim, words, lang) is None:
            frame = frames["casualties_people"]  # civilians lose no "personnel": they are killed or wounded
    elif claim.measure == "deployed" and claim.unit == "personnel" and claim.actor:
        frame = frames["deployed"]
    elif claim.measure == "strength" and claim.unit == "personnel" and claim.actor:
        frame = frames["strength"]
    elif not info.people and (not claim.unit or claim.unit == "personnel"):
        return None  # equipment counts need their equipment noun
    elif verb and not claim.ambiguous_measure:
        frame = frames["verb"]
    else:
        return None
    core = _fill(frame, claim, quantity, verb, words, lang, with_place, with_date)
    if core is None:
        return None
    if share is not None:
        part = share.value_text.lower()
        if words["inflect"]:  # the share as the subject: "з них половина", not the "половину" the report wrote
            part = _recased(part, "nomn", lang) or part
        core += frames["share"].format(share=part)
    return f"{_lead(claim, words, lang)}{core}."


def _fill(frame: str, claim: Claim, quantity: _Quantity, verb: str | None, words: dict[str, Any], lang: str,
          with_place: bool, with_date: bool) -> str | None:
    """A sentence frame with its placeholders said; None when one of them cannot be said in `lang`."""
    sure = f"{claim.confidence_term} " if claim.confidence_term else ""
    values: dict[str, str | None] = {
        "q": quantity.words, "sure": sure, "where": _where(claim, words, lang) if with_place else "",
        "when": _when(claim, words, lang) if with_date else ""}
    if "{actor}" in frame:
        values["actor"] = _subject(claim, words, lang)
    if "{personnel}" in frame:
        values["personnel"] = _counted(words["frame"]["personnel"], quantity, words, lang, "object_")[0]
    if "{people}" in frame:  # the people counted as a verb's object: "1 цивільного убито"
        values["people"] = _counted(_who(claim, words), quantity, words, lang, "object_")[0]
    head = None
    if "{noun}" in frame:
        if claim.unit and claim.unit != "personnel":
            noun = words["noun"].get(claim.unit, "")
            adjective = _adjective(claim.actor, words, equipment=True)
            noun = f"{adjective} {noun}" if adjective and noun else noun
        else:
            noun = _who(claim, words)
        values["noun"], head = _counted(noun, quantity, words, lang) if noun else (None, None)
    if "{verb}" in frame:
        if verb and head is not None:
            verb = _verb_agreed(verb, quantity, head, lang)
        after = words["frame"]["sure_after"]
        values["verb"] = (verb.replace(after, after + sure) if after else sure + verb) if verb and sure else verb
    if any(value is None for value in values.values()):
        return None
    return frame.format(**values)


# ---------------------------------------------------------------- agreement (Ukrainian, Russian)
# pymorphy3's make_agree_with_number follows Russian ("2 танка"), which Ukrainian does not ("2 танки"),
# and its Ukrainian dictionary tags a singular without "sing": so each language's rule is data
# (brief.toml [agreement]) and the form with those grammemes is picked from the word's lexeme.

_RARE = frozenset({"Infr", "Arch", "Erro", "Dist", "Slng"})
# a participle's lexeme is its verb's: its forms keep the voice, tense and aspect it was written in
_LEXICAL = frozenset({"actv", "pssv", "past", "pres", "perf", "impf"})
_NAMES = frozenset({"Name", "Surn", "Patr"})
_QUOTES = "\"'«»„“”"
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _analyser(lang: str) -> Any:
    from tollbook.lang.uk.inflect import analyser  # pymorphy3, loaded by the first Ukrainian or Russian brief

    return analyser(lang)


def _kind(number: float) -> str:
    """How a figure governs its noun: 'one' (1, 21, 101), 'few' (2-4, 22-24), 'many' (0, 5-20, 25) or 'fraction'."""
    if abs(number - round(number)) > 1e-6:
        return "fraction"
    n = int(round(number))
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    return "few" if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else "many"


def _after(quantity: _Quantity, words: dict[str, Any], role: str = "", adjective: bool = False,
           gender: str | None = None) -> set[str]:
    """The case and number a word takes after the quantity: a noun, or an adjective of a noun of
    `gender` (brief.toml [agreement]: 'few_adjective_femn'); `role` 'object_' for a verb's object."""
    if quantity.number is None:
        return {quantity.case, "plur"}
    kind = _kind(quantity.number)
    if kind == "fraction":
        return {"gent", "sing"}
    if quantity.case != "nomn":
        return {quantity.case, "sing" if kind == "one" else "plur"}
    table, key = words["agreement"], f"{role}{kind}"
    if adjective:
        key = next((k for k in (f"{key}_adjective_{gender}", f"{key}_adjective") if k in table), key)
    return set(table[key])


def _tags(tag: Any) -> frozenset[str]:
    """A form's grammemes, with the 'sing' the Ukrainian dictionary leaves off a declined singular."""
    grammemes = frozenset(tag.grammemes)
    return grammemes | {"sing"} if tag.case and not tag.number else grammemes


def _form(parse: Any, wanted: set[str], gender: str | None = None, animacy: str | None = None) -> str | None:
    """The form of the parse's lexeme with the wanted grammemes (an adjective: of its noun's gender and
    animacy); of several, the one also spelt as a singular ('2 людини', '5 человек'), else the first."""
    wanted = wanted | (parse.tag.grammemes & _LEXICAL)
    found = [f for f in parse.lexeme if f.tag.POS == parse.tag.POS and wanted <= _tags(f.tag)
             and not _RARE & f.tag.grammemes and (gender is None or f.tag.gender in (None, gender))
             and (animacy is None or f.tag.animacy in (None, animacy))]
    singular = {f.word for f in parse.lexeme if "sing" in _tags(f.tag)}
    found.sort(key=lambda f: f.word not in singular)
    return found[0].word if found else None


def _noun_parse(word: str, lang: str) -> Any | None:
    """The word as a common noun in the nominative (the lemmas of brief.toml), or None."""
    return next((p for p in _analyser(lang).parse(word) if p.tag.POS == "NOUN" and p.tag.case == "nomn"
                 and not _NAMES & p.tag.grammemes), None)


def _adjective_parse(word: str, lang: str) -> Any | None:
    """The word as an adjective in the nominative ('бронированная' the adjective before the participle)."""
    found = [p for p in _analyser(lang).parse(word) if p.tag.POS in ("ADJF", "PRTF") and p.tag.case == "nomn"]
    return min(found, key=lambda p: p.tag.POS != "ADJF", default=None)


def _counted(phrase: str, quantity: _Quantity, words: dict[str, Any], lang: str, role: str = "") -> tuple[str, Any]:
    """What is counted, agreed with the figure: 'російський танк' after 5 -> 'російських танків'; its
    adjectives agree with its first noun, the words after that stay ('засобів ППО'). Also the head's
    parse, whose gender a singular verb takes. English words are written as they are."""
    if not words["inflect"]:
        return phrase, None
    items = phrase.split()
    at = next((i for i, item in enumerate(items) if _noun_parse(item, lang)), len(items) - 1)
    found = _head_parse(items[at], lang)
    if found is None:
        return phrase, None
    head, animacy = found
    gender = head.tag.gender
    out = []
    for i, item in enumerate(items):
        parse = head if i == at else _adjective_parse(item, lang) if i < at else None
        if parse is None:
            out.append(item)
            continue
        adjective = parse.tag.POS != "NOUN"
        wanted = _after(quantity, words, role, adjective, gender)
        form = _form(parse, wanted, gender if adjective else None, animacy if adjective else None)
        out.append(form or item)
    return " ".join(out), head


def _head_parse(word: str, lang: str) -> tuple[Any, str | None] | None:
    """The counted noun and its animacy; a noun declined as an adjective ('військовий', 'военнослужащий')
    as the adjective, which Russian puts in the genitive plural after few ('2 военнослужащих')."""
    noun = _noun_parse(word, lang)
    adjectival = _adjective_parse(word, lang)
    if noun is None:
        return (adjectival, None) if adjectival else None
    if adjectival is not None and adjectival.normal_form == noun.normal_form:
        return adjectival, noun.tag.animacy
    return noun, noun.tag.animacy


def _verb_agreed(verb: str, quantity: _Quantity, head: Any, lang: str) -> str:
    """The verbs are written in the plural; after one ('1 людина', '21 танк') the singular of the
    noun's gender: 'загинула', 'знищений', 'уничтожен'."""
    if quantity.number is None or quantity.case != "nomn" or _kind(quantity.number) != "one":
        return verb
    first, _, rest = verb.partition(" ")
    parse = next((p for p in _analyser(lang).parse(first) if "plur" in p.tag.grammemes), None)
    if parse is None:
        return verb
    wanted = ({"nomn"} if parse.tag.case else set()) | (parse.tag.grammemes & _LEXICAL)
    found = [f.word for f in parse.lexeme if f.tag.POS == parse.tag.POS and wanted <= f.tag.grammemes
             and f.tag.gender == (head.tag.gender or "masc") and f.tag.number != "plur" and not _RARE & f.tag.grammemes]
    return " ".join([found[0], rest]).strip() if found else verb


def _recased(text: str, case: str, lang: str, people: bool = False) -> str | None:
    """The report's words for a claimant (`people`) or a place put in `case`: adjectives and the first
    noun take it, a person's names after it too, the rest stays as written ('Генеральний штаб ЗСУ' ->
    'Генерального штабу ЗСУ', 'Сергей Шойгу' -> 'Сергея Шойгу'). Abbreviations and names in Latin
    letters do not decline ('ДСНС'); None when the words hold no noun ('Київській')."""
    items = text.split()
    out: list[str] = []
    head: Any = None  # the head noun's parse once found; "fixed" once the rest stays as written
    for i, item in enumerate(items):
        core = item.strip(_QUOTES)
        if head is not None:  # after the head: a person's further names, then the rest as written
            name = _name_after(core, head, lang) if people and head != "fixed" and core else None
            head = head if name else "fixed"
            out.append(_in_case(item, core, name, case) if name else item)
            continue
        if not core:
            out.append(item)
            continue
        if (len(core) > 1 and core.isupper()) or not _CYRILLIC.search(core):
            out.append(item)  # an abbreviation or a Latin name: it does not decline
            head = "fixed"
            continue
        parses = _analyser(lang).parse(core)
        following = items[i + 1].strip(_QUOTES) if i + 1 < len(items) else ""
        word = _agreeing_adjective(parses, following, lang) or _as_noun(parses, people)
        if word is None:
            word = next((p for p in parses if p.tag.POS in ("ADJF", "PRTF")), None)
            if word is None:
                return None  # a preposition, a verb: not a name
        elif word.tag.POS == "NOUN" or not following:
            head = word
        out.append(_in_case(item, core, word, case))
    return " ".join(out) if head is not None else None


def _in_case(item: str, core: str, parse: Any, case: str) -> str:
    """One word of a name in `case`, in its own number and gender, spelt with its capitals and quotes."""
    if "Fixd" in parse.tag.grammemes:
        return item
    form = _form(parse, {case, parse.tag.number or "sing"}, parse.tag.gender)
    return item.replace(core, _spelt_like(form, core)) if form else item


def _as_noun(parses: list[Any], people: bool) -> Any | None:
    """A word as a noun; of a person, a surname declined as an adjective ('Зеленський') as that
    adjective. A place is never read as a person's name ('Харкові' is Kharkiv, not a Mr Kharko)."""
    nouns = [p for p in parses if p.tag.POS == "NOUN" and (people or not _NAMES & p.tag.grammemes)]
    if people:
        named = {p.normal_form for p in nouns if _NAMES & p.tag.grammemes}
        adjectival = next((p for p in parses if p.tag.POS == "ADJF" and p.normal_form in named), None)
        if adjectival is not None:
            return adjectival
    return nouns[0] if nouns else None


def _name_after(core: str, head: Any, lang: str) -> Any | None:
    """A person's further name after the first ('Лубинец' after 'Дмитрий'): a capitalised word read as a
    name, or as a noun in the head's case; its parse, or None."""
    if not core[:1].isupper() or core.isupper():
        return None
    parses = _analyser(lang).parse(core)
    word = _as_noun(parses, True)
    if word is None or "Fixd" in word.tag.grammemes:
        return None
    if _NAMES & word.tag.grammemes or word.tag.POS == "ADJF" or word.tag.case == head.tag.case:
        return word
    return None


def _agreeing_adjective(parses: list[Any], following: str, lang: str) -> Any | None:
    """This word as an adjective of the next one ('Генеральний' before 'штаб'), when they agree."""
    if not following:
        return None
    nexts = _analyser(lang).parse(following)
    for p in parses:
        if p.tag.POS not in ("ADJF", "PRTF"):
            continue
        for q in nexts:
            if q.tag.POS in ("NOUN", "ADJF", "PRTF") and q.tag.case == p.tag.case and (q.tag.number or "sing") == (
                    p.tag.number or "sing") and (p.tag.number == "plur" or q.tag.gender in (None, p.tag.gender)):
                return p
    return None


def _spelt_like(form: str, like: str) -> str:
    """A form with the capitals of the word it replaces ('Генерального', 'ЗСУ')."""
    if len(like) > 1 and like.isupper():
        return form.upper()
    return form[:1].upper() + form[1:] if like[:1].isupper() else form


# ---------------------------------------------------------------- faithfulness


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= max(0.5, 0.005 * max(abs(a), abs(b)))


def supported(extracted: Claim, sources: tuple[Claim, ...]) -> bool:
    """An extracted figure is supported when a source claim has its interval, qualifier and measure."""
    return any(_same(extracted.low, s.low) and _same(extracted.best, s.best) and _same(extracted.high, s.high)
               and extracted.qualifier == s.qualifier and extracted.measure == s.measure for s in sources)


def unsupported_figures(text: str, sources: tuple[Claim, ...], published: str | None,
                        language: str | None = None) -> list[Claim]:
    """The figures the extractor reads in `text`, as `language` (detected when None), that no source
    claim supports (empty: faithful)."""
    import tollbook

    found = tollbook.extract(text, published=published, language=language)
    missing = [c for c in found if not supported(c, sources)]
    if not found:
        return [s for s in sources]  # a sentence whose figures cannot be read back proves nothing
    return missing


# ---------------------------------------------------------------- selection


def _measure_rank(measure: str | None) -> int:
    info = measure_registry().get(measure or "")
    return info.brief_rank if info else 9


def _rank(claim: Claim) -> tuple:
    """Claimed figures first, deaths and losses before other measures, larger and more recent first; shares last."""
    explicit = bool(claim.source and claim.source != "anonymous" and claim.attribution in ("explicit", "carried"))
    return (claim.derived_from is not None, 0 if explicit else 1, _measure_rank(claim.measure), -(claim.best or 0),
            "" if not claim.date_end else "".join(chr(255 - ord(ch)) for ch in claim.date_end))


def _evidence(doc: Document, claim: Claim) -> Evidence:
    start = doc.text.find(claim.quote, max(0, claim.start - len(claim.quote)))
    if start < 0 or not (start <= claim.start < start + len(claim.quote)):
        return Evidence(claim.start, claim.end, doc.text[claim.start:claim.end])
    return Evidence(start, start + len(claim.quote), claim.quote)


def generate_brief(doc: Document, claims: list[Claim] | None = None, points: int = 4) -> Brief:
    """3 to 6 key points in the report's language, the most important figures first, each read back by
    the extractor, in that language, before it is kept."""
    points = max(3, min(6, points))
    if claims is None:
        from tollbook.extract.pipeline import extract_document

        claims = extract_document(doc)
    roles = split_roles(doc, claims)
    shares = {c.derived_from: c for c in claims if c.derived_from and c.measure == "killed" and c.fraction is not None}
    pool = [c for c in roles.evidence if c not in shares.values()] or list(claims)
    chosen: list[Point] = []
    said: list[Claim] = []
    for claim in sorted(pool, key=_rank):
        if len(chosen) >= points:
            break
        if any(s.measure == claim.measure and s.actor == claim.actor and _same(s.best, claim.best) for s in said):
            continue  # the same figure again, from another sentence
        if claim.derived_from and any(s.claim_id == claim.derived_from for s in said):
            continue  # a share of a figure already stated adds nothing but its killed part (attached above)
        share = shares.get(claim.claim_id)
        for variant in _variants(claim, share, doc.language):
            text, used = variant
            if text and not unsupported_figures(text, used, doc.published, doc.language):
                chosen.append(Point(text, used, tuple(_evidence(doc, c) for c in used)))
                said.append(claim)
                break
    return Brief(doc.doc_id, doc.title, tuple(chosen))


def _variants(claim: Claim, share: Claim | None, lang: str = "en") -> Iterator[tuple[str | None, tuple[Claim, ...]]]:
    """The fullest sentence first, then plainer ones for the read-back to accept."""
    options = []
    if share is not None:
        options += [(share, True, True), (share, True, False), (share, False, False)]
    options += [(None, True, True), (None, True, False), (None, False, True), (None, False, False)]
    for s, place, when in options:
        text = sentence_for(claim, s, place, when, lang)
        yield text, (claim, s) if s is not None else (claim,)
