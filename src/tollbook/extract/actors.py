"""Whose losses (or whose troops) a figure counts.

Actors and demonyms come from lang/en/actors.toml. The victim, not the agent: in
"Over 4,000 North Korean soldiers eliminated by the AFU" the actor is North Korean
forces, and the AFU after "by" is the agent; in "Russian strikes killed 12 people"
"Russian" names the attacker and the 12 are civilians.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tollbook.extract.proximity import nearest
from tollbook.lang import CURRENT as en
from tollbook.lang import grammar
from tollbook.lang import per_language
from tollbook.lexicons import Match, PhraseIndex, fold, inflected, load


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    country: str | None
    kind: str


_CIVILIANS = "civilians"
# how far before a party the words that make it an agent may start: "контрнаступления ВСУ" (17 letters)
_AGENT_REACH = 24
_JOINED = re.compile(r"(?:\s+[\w-]+){0,2}\s+and\s+(?:the\s+)?")
# "Russia's Kursk region", "Ukraine's commander-in-chief", "Russian governor": an owner of a place or a speaker


@per_language
def generic_words() -> frozenset[str]:
    """Words that count people without saying they are civilians ("человек"): an actor's `generic` forms."""
    return frozenset(form.lower() for entry in load("actors.toml").get("actor", []) for form in inflected(entry.get("generic", [])))


@per_language
def _index() -> tuple[PhraseIndex[Actor], PhraseIndex[str]]:
    data = load("actors.toml")
    phrases: list[tuple[str, Actor]] = []
    exact: list[tuple[str, Actor]] = []
    for entry in data.get("actor", []):
        actor = Actor(entry["name"], entry.get("country") or None, entry.get("kind", "other"))
        # aliases as written, and lemmas in every form a language that declines them gives ("окупантів")
        phrases += [(a, actor) for a in entry.get("aliases", []) + inflected(entry.get("lemmas", [])) + [entry["name"]]]
        exact += [(a, actor) for a in entry.get("exact_case", [])]
    demonyms = [(form, d["country"]) for d in data.get("demonym", [])
                for form in (inflected([d["text"]]) if d.get("inflect") else [d["text"]])]
    return PhraseIndex(phrases, exact), PhraseIndex(demonyms)


@per_language
def _combatants() -> re.Pattern[str]:
    """Ranks and kinds of soldier that name no party (actors.toml's [combatants]), every form."""
    table = load("actors.toml").get("combatants", {})
    forms = sorted(set(inflected(table.get("lemmas", [])) + table.get("words", [])), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)", re.IGNORECASE) if forms \
        else re.compile(r"(?!)")


def names_combatants(sentence: str, start: int, end: int) -> bool:
    """True when soldiers of no named party are counted at [start, end): the noun after the figure, or
    the clause's subject before it ("Добровольцы ... – 5 100 человек", "три генерала и 12 полковников")."""
    return _combatants().search(sentence, max(0, start - _COMBATANT_BEFORE), min(len(sentence), end + _COMBATANT_AFTER)) \
        is not None


_COMBATANT_BEFORE, _COMBATANT_AFTER = 70, 30
_ITEM_END = re.compile(r"[,;:()]|\s(?:and|or|и|і|та|й)\s")


def item_names_combatants(sentence: str, end: int) -> bool:
    """True when a list item's own words after its figure name soldiers ("12 members of the border guard"),
    read up to the item's end (the next comma or "and")."""
    stop = _ITEM_END.search(sentence, end, end + 60)
    until = stop.start() if stop else min(len(sentence), end + 60)
    return _combatants().search(sentence, end, until) is not None or grammar().FIGHTERS.search(sentence, end, until) is not None


def find_actors(sentence: str, lowered: str) -> list[Match[Actor]]:
    return _index()[0].find(sentence, lowered)


def is_agent(sentence: str, m: Match[Actor], figure_start: int) -> bool:
    """True when the mention names who did it, not who suffered it."""
    en = grammar()  # the language being read, looked up once for this call
    if m.text[:1].islower() and en.POSSESSOR_BEFORE.search(sentence[max(0, m.start - 4):m.start]):
        return False  # "у росіян тисяча втрат": whose losses
    if en.AGENT_BEFORE.search(sentence[max(0, m.start - _AGENT_REACH):m.start]) or en.AGENT_BY.search(sentence, max(0, m.start - 64), m.start):
        return True  # "killed by Russian strikes", "the attack by the militant group Hamas"
    if en.AGENT_AFTER.match(sentence[m.end:m.end + 40]) or en.OWNER_OF.match(sentence[m.end:m.end + 50]):
        return True
    instrumental = getattr(en, "INSTRUMENTAL_NOUN", None)  # "Российскими войсками уничтожены ...": by whom
    if instrumental is not None and m.end <= figure_start and instrumental.search(m.text) \
            and not en.COMPANY_BEFORE.search(sentence, max(0, m.start - 12), m.start):
        return True
    if m.end <= figure_start:
        between = sentence[m.end:figure_start]
        verb = en.ACTIVE_VERB.search(between)
        if verb and not en.PASSIVE.search(between[:verb.start()]):
            return True  # "Ukrainian forces killed 200 ..." : the subject did the killing
    return False


# between a subject and its verb, at most one short word: "also", "have", "ще", "вже", "также"
_ADVERBS_BEFORE_VERB = re.compile(r"\s*(?:[^\W\d_]{1,5}\s+)?")


def acts_on_figure(sentence: str, m: Match[Actor], figure_start: int) -> bool:
    """True when the mention is the subject of an active verb of loss that governs the figure:
    "Ukrainian forces destroyed four tanks, 11 armoured vehicles": the tanks are not theirs."""
    en = grammar()
    if m.value.kind == _CIVILIANS or m.end > figure_start:
        return False
    verb = en.ACTIVE_VERB.search(sentence, m.end, figure_start)
    return verb is not None and _ADVERBS_BEFORE_VERB.fullmatch(sentence, m.end, verb.start()) is not None \
        and not en.PASSIVE.search(sentence[m.end:verb.start()])


_GLOSS_OPEN = re.compile(r"\s*\(\s*")


def _gloss_of_agent(sentence: str, m: Match[Actor], mentions: list[Match[Actor]], start: int) -> bool:
    """"со стороны Вооруженных сил Украины (ВСУ)": an abbreviation in brackets after an agent is that agent."""
    return any(p.end <= m.start and _GLOSS_OPEN.fullmatch(sentence, p.end, m.start) and is_agent(sentence, p, start)
               for p in mentions)


ENEMY = "the enemy"  # the lexicons' name for "the enemy", whose side depends on who speaks


def enemy_of(country: str | None) -> Actor | None:
    """The state forces a country fights: the first country of the other side of the first conflict of
    lexicons/belligerents.toml it is on (Russia's enemy is Ukraine's army, Ukraine's is Russia's)."""
    for conflict in load("belligerents.toml").get("conflict", []):
        for side, other in (("side_a", "side_b"), ("side_b", "side_a")):
            if country and country in conflict.get(side, ()) and conflict.get(other):
                return forces_of(None, conflict[other][0])
    return None


def forces_of(speaker: str | None, country: str | None) -> Actor | None:
    """Whose losses "its tanks" are: the speaker itself when it is an armed party (Hezbollah),
    else the state forces of the speaker's country (a ministry speaking of its army)."""
    entries = load("actors.toml").get("actor", [])
    for entry in entries:
        if speaker and speaker in [entry["name"]] + entry.get("aliases", []):
            return Actor(entry["name"], entry.get("country") or None, entry.get("kind", "other"))
    for entry in entries:
        if country and entry.get("country") == country and entry.get("kind") == "state_forces":
            return Actor(entry["name"], country, "state_forces")
    return None


def choose_actor(sentence: str, lowered: str, mentions: list[Match[Actor]], start: int, end: int,
                 blockers: list[tuple[int, int]], unit_match: Match[str] | None,
                 speaker: tuple[str, str | None] | None = None) -> tuple[Actor, str, int, int] | None:
    """The actor of the figure at [start, end): (actor, words naming it, span), or None."""
    en = grammar()  # the language being read, looked up once for this call
    # only mentions the windows below can reach (90 before, 70 after) are worth asking about their role
    # (a country attacked is where its people died, not a party's losses: "300 killed in the attack on Israel")
    mentions = [m for m in mentions if not en.TARGET_BEFORE.search(sentence, max(0, m.start - 40), m.start)]
    victims = [m for m in mentions if m.end >= start - 90 and m.start <= end + 70
               and m.value.kind != _CIVILIANS and not is_agent(sentence, m, start)
               and not _gloss_of_agent(sentence, m, mentions, start)]
    # 1. inside the noun phrase after the figure: "4,000 North Korean soldiers", "32 Ukrainian drones"
    np_end = unit_match.end if unit_match is not None and unit_match.start >= end else end + 30
    in_np = [m for m in mentions if end <= m.start <= np_end + 1 and not any(end <= bs < m.start for bs, _ in blockers)
             and not en.AGENT_BEFORE.search(sentence[max(0, m.start - _AGENT_REACH):m.start])
             and (unit_match is not None and 0 <= unit_match.start - m.end <= 2 or not is_agent(sentence, m, start))]
    # ("46 Ukrainian drones": the drones are what is counted; "casualties since Russia's invasion": the invader is no victim)
    civ_np = [m for m in in_np if m.value.kind == _CIVILIANS]
    if civ_np and civ_np[-1].text.lower() in generic_words():
        # "Оккупанты потеряли 1 130 человек": a word that only counts people is the losses of the armed party
        # that is the clause's subject
        subject = nearest(victims, start, end, blockers, after=0, before=90)
        if subject is not None and "," not in sentence[subject.end:start] \
                and not en.SUBJECT_CLAUSE_BREAK.search(sentence, subject.end, start):
            return subject.value, subject.text, subject.start, subject.end
    if civ_np:  # "40 Ukrainian civilians": the demonym names their country, not an army
        m = civ_np[-1]
        return Actor(_CIVILIANS, demonym_country(sentence, lowered, m.end), _CIVILIANS), m.text, m.start, m.end
    if in_np:
        m = in_np[0]
        return m.value, m.text, m.start, m.end
    # "40 of its armoured vehicles", "his force lost 20,000 fighters": the speaker's own forces
    subject = en.OWN_FORCES_SUBJECT.search(sentence, max(0, start - 50), start)
    # "армія РФ втратила 1 150 своїх військових": "their own" is the clause's subject's, when one is named
    named_subject = nearest(victims, start, end, blockers, after=0, before=90) if subject is None else None
    if subject is not None or unit_match is not None and named_subject is None \
            and en.POSSESSIVE_PRONOUN.search(sentence[max(0, unit_match.start - 20):unit_match.start]):
        own = forces_of(*speaker) if speaker else None
        if own is not None:
            if subject is not None:
                return own, subject.group(0).strip(), subject.start(), subject.end()
            return own, sentence[max(0, unit_match.start - 20):unit_match.start].strip(), unit_match.start, unit_match.end
    civilians = [m for m in mentions if m.value.kind == _CIVILIANS]
    civ = nearest(civilians, start, end, blockers, after=40, before=0)
    if civ is not None:
        country = demonym_country(sentence, lowered, civ.end)
        return Actor(_CIVILIANS, country, _CIVILIANS), civ.text, civ.start, civ.end
    # 2. the subject or possessive before it: "North Korean forces had lost 4,000", "North Korea's 1.2 million-strong"
    m = nearest(victims, start, end, blockers, after=0, before=90)
    if m is not None:
        # "Russian regular forces and Wagner troops suffered 175,000": two parties as one subject, the first the
        # wider one named (the count is of both, not of the one named last)
        joined = next((v for v in victims if v.end <= m.start and _JOINED.fullmatch(sentence, v.end, m.start)), None)
        m = joined or m
        return m.value, m.text, m.start, m.end
    m = nearest(victims, start, end, blockers, after=70, before=0)
    if m is not None:
        return m.value, m.text, m.start, m.end
    # 3. people named just before with no party about: "постраждало дітей у Київській - 86"; not those who
    # counted with the speaker ("Совместно с волонтерами редакция нашла 3 405 имен погибших")
    civ = nearest([c for c in civilians if not en.AGENT_BEFORE.search(sentence[max(0, c.start - _AGENT_REACH):c.start])],
                  start, end, blockers, after=0, before=40)
    if civ is not None and not item_names_combatants(sentence, end):  # "..., 12 members of the border guard"
        return Actor(_CIVILIANS, demonym_country(sentence, lowered, civ.end), _CIVILIANS), civ.text, civ.start, civ.end
    return None


def demonyms() -> PhraseIndex[str]:
    """The language's demonyms ("Syrian", "українських") by their country's alpha-3 code."""
    return _index()[1]


def names_a_people(words: str) -> bool:
    """Whether the words are a people's name as a whole ("россиян", "Russians"), not an army's."""
    found = demonyms().find(words, fold(words))
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(words) and words[:1].isalpha()


def demonym_country(sentence: str, lowered: str, noun_start: int) -> str | None:
    """Country of a demonym just before (or being) a noun: "Ukrainian civilians" -> UKR, "Palestinians" -> PSE."""
    window_start = max(0, noun_start - 30)
    window = sentence[window_start:noun_start]
    found = _index()[1].find(window)
    if len(found) >= 2 and found[-2].value != found[-1].value \
            and _JOINED_PEOPLES.fullmatch(window, found[-2].end, found[-1].start):
        return None  # "Israelis and Palestinians", "Ukrainian and Russian civilians": people of two states
    return found[-1].value if found else None


_JOINED_PEOPLES = re.compile(r"\s*(?:,|and|or|&)\s*", re.IGNORECASE)
