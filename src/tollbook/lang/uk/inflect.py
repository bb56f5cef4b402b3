"""Ukrainian word forms from lemmas, by pymorphy3 and its Ukrainian dictionary (pymorphy3-dicts-uk).

Ukrainian inflects for seven cases, two numbers and three genders, so a lexicon lists
"загинути", "втрата/N", "Курська область" and this module makes every form: загинули, загинуло,
втрат, втратами, Курській області. A lemma may carry a part of speech after a slash:
"/V" verbs (the dictionary keeps participles as adjectives of their own: list "поранений"
beside "поранити"), "/N" nouns, "/A" adjectives and participles, "/NUM" numerals, "/VA" a verb's active forms only
(no participles, no impersonal "вбито").

A phrase inflects where Ukrainian makes its words agree: the head noun and the adjectives
before it take the same case and number ("Генеральний штаб ЗСУ" -> "Генерального штабу ЗСУ");
words after the head (genitive complements, abbreviations, adverbs) stay as written. A phrase
that starts with a verb inflects its verb only ("зникнути безвісти" -> "зникли безвісти").
The same code reads Russian (lang/ru/inflect.py passes its own analyser): the two languages
agree alike.
"""

from __future__ import annotations

import functools
from typing import Any

# Parts of speech a "/X" mark keeps, in pymorphy3's OpenCorpora tags.
POS = {
    "V": frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"}),
    "N": frozenset({"NOUN"}),
    "A": frozenset({"ADJF", "ADJS", "PRTF", "PRTS"}),
    "NUM": frozenset({"NUMR"}),
    # "/VA": the active forms of a verb only (finite, infinitive, gerund): "вбили", not "вбито" or "убитые".
    "VA": frozenset({"VERB", "INFN", "GRND"}),
}
_AGREEING = frozenset({"ADJF", "PRTF", "NUMR"})
_VERBAL = POS["V"]
# Conjunctions that join words of one case: "загиблі та поранені" -> "загиблими та пораненими".
_CONJUNCTIONS = frozenset({"та", "і", "й", "або", "чи", "и", "или", "а", "також"})
# Ukrainian writes its apostrophe three ways (' ’ ʼ); the dictionary keeps the ASCII one.
_APOSTROPHES = ("'", "\u2019", "\u02bc")


@functools.cache
def analyser(lang: str = "uk") -> Any:
    """The pymorphy3 analyser of a language, loaded once (a quarter of a second)."""
    import pymorphy3  # loaded only when a lexicon is compiled, not at each start

    return pymorphy3.MorphAnalyzer(lang=lang)


def _parses(morph: Any, word: str, pos: str | None) -> list[Any]:
    """The analyses of `word` as a lemma: those whose dictionary form is the word first."""
    wanted = POS.get(pos or "")
    found = [p for p in morph.parse(word) if wanted is None or p.tag.POS in wanted]
    lower = word.lower()
    own = [p for p in found if p.normal_form == lower]
    return own or found[:1]


def _recase(form: str, like: str) -> str:
    """A form spelt with the capitals of the word it came from ("Харків" -> "Харкові", "ЗСУ")."""
    if len(like) > 1 and like.isupper():
        return form.upper()
    if like[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def _word_forms(morph: Any, word: str, pos: str | None) -> set[str]:
    """Every form of one word; a noun written in the plural ("сотні", "люди") keeps to the plural."""
    forms = {word}
    if pos == "N" and not any(p.tag.POS == "NOUN" for p in morph.parse(word)):
        return forms | _substantive_forms(morph, word)
    for parse in _parses(morph, word, pos):
        plural = _written_plural(morph, word)
        forms.update(_recase(f.word, word) for f in parse.lexeme
                     if (not plural or f.tag.number == "plur" or f.tag.POS != "NOUN")
                     and (pos != "VA" or f.tag.POS in POS["VA"] and "Impe" not in f.tag))
    return forms


def _substantive_forms(morph: Any, word: str) -> set[str]:
    """The cases of an adjective or participle used as a noun, which the dictionary knows only as such
    (Russian "пострадавший", "погибший": пострадавших, погибшим): its own full forms, not its verb's."""
    out: set[str] = set()
    stem = word[:-2]
    for parse in [p for p in morph.parse(word) if p.tag.POS in ("ADJF", "PRTF") and p.word == word.lower()][:1]:
        out.update(_recase(f.word, word) for f in parse.lexeme if f.tag.POS == parse.tag.POS and f.word.startswith(stem.lower()))
    return out


def _written_plural(morph: Any, word: str) -> bool:
    """True for a noun whose nominative reading is plural only ("сотні", not "Харків")."""
    nominative = [p for p in morph.parse(word) if p.tag.POS == "NOUN" and p.tag.case == "nomn"]
    return bool(nominative) and all(p.tag.number == "plur" for p in nominative)


def _agreeing_phrase(morph: Any, words: list[str], head: int, pos: str | None) -> set[str]:
    """Every case of a noun phrase whose adjectives before the head agree with it, in the number
    the phrase is written in ("Сили оборони" stays plural, "Курська область" singular), or in both
    numbers for a phrase marked "/N", a thing counted ("артилерійська система/N": системи, систем)."""
    out: set[str] = set()
    parses = [p for p in morph.parse(words[head]) if p.tag.POS == "NOUN"]
    parses.sort(key=lambda p: (p.tag.case != "nomn", p.tag.number != "plur"))  # as written: "Сили" is plural
    for parse in parses[:1]:
        written_plural = parse.tag.number == "plur"
        for form in parse.lexeme:
            plural = form.tag.number == "plur"
            if form.tag.case is None or pos != "N" and plural != written_plural:
                continue
            before: list[str] = []
            for word in words[:head]:
                adj = _parses(morph, word, "A")
                if adj and adj[0].tag.POS in _AGREEING:
                    wanted = {form.tag.case, "plur" if plural else "sing"}
                    if not plural and form.tag.gender:
                        wanted.add(form.tag.gender)
                    animate = wanted | {form.tag.animacy} if form.tag.case == "accs" and form.tag.animacy else wanted
                    made = adj[0].inflect(animate) or adj[0].inflect(wanted) or adj[0].inflect(wanted - {"sing"})
                    before.append(_recase(made.word, word) if made else word)
                else:
                    before.append(word)
            out.add(" ".join(before + [_recase(form.word, words[head])] + words[head + 1:]))
    return out


def _coordinated(morph: Any, words: list[str]) -> set[str]:
    """Every case of words joined by a conjunction, each word in the case and number of the first."""
    out: set[str] = set()
    first = sorted(morph.parse(words[0]), key=lambda p: p.tag.case != "nomn")[:1]
    for parse in first:
        for form in parse.lexeme:
            if form.tag.case is None or form.tag.number != parse.tag.number:
                continue
            wanted = {form.tag.case} | ({form.tag.number} if form.tag.number else set())
            made: list[str] = []
            for word in words:
                if word.lower() in _CONJUNCTIONS:
                    made.append(word)
                    continue
                same = sorted(morph.parse(word), key=lambda p: (p.tag.POS != parse.tag.POS, p.tag.case != "nomn"))[:1]
                new = same[0].inflect(wanted) if same else None
                made.append(_recase(new.word, word) if new else word)
            out.add(" ".join(made))
    return out


def _is_head_noun(morph: Any, word: str) -> bool:
    """A declinable noun as its likeliest reading ("Курська" is an adjective, "ЗСУ" does not decline).
    A word in capitals is an abbreviation, which does not decline, though the dictionary may know it
    as a word ("ОДА" as "ода", an ode)."""
    if len(word) > 1 and word.isupper():
        return False
    best = morph.parse(word)[0].tag
    return best.POS == "NOUN" and "Fixd" not in best


def slavic_forms(morph: Any, lemma: str, variants: tuple[tuple[str, str], ...] = ()) -> list[str]:
    """Every form of a lemma or phrase by `morph`; `variants` are spellings to add ("ё" -> "е")."""
    text, _, pos = lemma.partition("/")
    pos = pos.strip().upper() or None
    words = text.split()
    if not words:
        return []
    forms: set[str] = {text}
    if len(words) == 1:
        forms |= _word_forms(morph, words[0], pos)
    elif len(words) > 2 and any(w.lower() in _CONJUNCTIONS for w in words[1:-1]):
        forms |= _coordinated(morph, words)
    else:
        first = _parses(morph, words[0], pos if pos == "V" else None)
        if pos == "V" or first and first[0].tag.POS in _VERBAL:
            forms |= {f + " " + " ".join(words[1:]) for f in _word_forms(morph, words[0], "V")}
        else:
            head = next((i for i, w in enumerate(words) if _is_head_noun(morph, w)), None)
            if head is None:
                forms |= {f + " " + " ".join(words[1:]) for f in _word_forms(morph, words[0], pos)}
            else:
                forms |= _agreeing_phrase(morph, words, head, pos)
    for old, new in variants:
        forms |= {f.replace(old, new) for f in forms if old in f}
    return sorted(forms)


def forms(lemma: str) -> list[str]:
    """Every Ukrainian form of `lemma` ("word", "word/V", "word/N", "word/A", "word/NUM", or a phrase)."""
    apostrophes = tuple((_APOSTROPHES[0], other) for other in _APOSTROPHES[1:])
    return slavic_forms(analyser("uk"), lemma, apostrophes)
