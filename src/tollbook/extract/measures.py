"""What a figure counts: the measure (killed, wounded, ...) and the unit (personnel, tank, ...).

Words come from lang/en/measures.toml (lemmas, inflected, and fixed phrases) and lang/en/units.toml, a measure's properties
from the registry (lexicons/measures.toml). Ambiguous verbs ("eliminated",
"neutralised") map to casualties and say so, because the reader cannot tell killed
from wounded and neither can we.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from tollbook.extract.proximity import nearest
from tollbook.lang import CURRENT as en
from tollbook.lang import grammar
from tollbook.lang import per_language
from tollbook.lexicons import Match, PhraseIndex, inflected, load
from tollbook.lexicons.measures import measure_registry
from tollbook.model import PERSONNEL

_AMBIGUOUS = "ambiguous"
_AMBIGUOUS_FOR_PEOPLE = "ambiguous_people"
_NOT_COUNTED = "not_counted"
_NEXT_WORD = re.compile(r" [a-z]")
# "two devastating ", "thousands of randomly chosen "
_ADJECTIVE_GAP = re.compile(r"\s+(?:of\s+)?(?:[a-z][\w-]*\s+)?[a-z][\w-]*(?:ing|ed|en|ful|ous|ive|al|ic|ent|ant|est|er)\s+")
_PREPOSITION = re.compile(r"\b(?:in|on|at|over|during|within|per|after|for)\b")
_NOT_IN_NOUN_PHRASE = re.compile(r"[,;:]|\b(?:in|on|at|over|during|within|per|after|for|from|by|with|to)\b")
_LABEL_GAP = re.compile(r"\s*[(:=\-]?\s*")
_NOUN_PHRASE_AFTER = re.compile(r"\s+(?:(?!(?:and|or|but|while|then|as|after|when)\b)[\w'\u2019-]+\s+){0,3}", re.IGNORECASE)
_NOUN_OF = re.compile(r"\s+(?:[\w'\u2019-]+\s+){0,2}")  # a figure's noun, past up to two words ("six Jesuit priests")
_LEADS_INTO = re.compile(r"\s*(?:(?:an?|the|another|other|some)\s+)?")


@dataclass(frozen=True, slots=True)
class MeasureChoice:
    measure: str | None
    measure_text: str | None
    ambiguous: bool
    unit: str | None
    cue_start: int | None = None
    cue_end: int | None = None
    bare: bool = False  # no noun says what the figure counts: the unit is the measure's own


@per_language
def _indexes() -> tuple[PhraseIndex[str], PhraseIndex[str]]:
    data = load("measures.toml")
    phrases: list[tuple[str, str]] = []
    for measure, entry in data["measure"].items():
        phrases += [(w, measure) for w in entry.get("words", []) + inflected(entry.get("lemmas", []))]
    # Every table lists words as written and, in a language that declines them, lemmas to inflect ("танк/N")
    ambiguous = data["ambiguous"]
    phrases = [(w, _AMBIGUOUS) for w in ambiguous["words"] + inflected(ambiguous.get("lemmas", []))] + phrases
    phrases = [(w, _AMBIGUOUS_FOR_PEOPLE) for w in ambiguous.get("people_words", []) + inflected(ambiguous.get("people_lemmas", []))] + phrases
    units: list[tuple[str, str]] = []
    for unit, entry in load("units.toml")["unit"].items():
        units += [(w, unit) for w in entry["words"] + inflected(entry.get("lemmas", []))]
    units += [(w, PERSONNEL) for w in data["people"]["words"] + inflected(data["people"].get("lemmas", []))]
    units += [(w, _NOT_COUNTED) for w in data["not_counted"]["words"] + inflected(data["not_counted"].get("lemmas", []))]
    return PhraseIndex(phrases), PhraseIndex(units)


@per_language
def _measure_of_form() -> dict[str, str]:
    """Each word form of the measure tables, lower-cased, with its measure: what a word that is ambiguous for
    people ("уничтожены", "поражены") means for things (destroyed, or damaged)."""
    out: dict[str, str] = {}
    for measure, entry in load("measures.toml")["measure"].items():
        for w in entry.get("words", []) + inflected(entry.get("lemmas", [])):
            out.setdefault(w.lower(), measure)
    return out


def find_measure_cues(sentence: str, lowered: str) -> list[Match[str]]:
    return _indexes()[0].find(sentence, lowered)


def find_unit_nouns(sentence: str, lowered: str) -> list[Match[str]]:
    return _indexes()[1].find(sentence, lowered)


def counts_something(units: list[Match[str]]) -> bool:
    """Whether any of these nouns is one of people or things a claim can count (not "points", "years")."""
    return any(u.value != _NOT_COUNTED for u in units)


def choose_unit(units: list[Match[str]], start: int, end: int, blockers: list[tuple[int, int]],
                sentence: str, cues: list[Match[str]] = ()) -> Match[str] | None:
    """The noun the figure counts: right after it ("4,000 North Korean soldiers"), else just before ("tanks - 9,800").

    Never across a measure word: in "3 died in attacks" and "rockets kill 30" the noun is
    what the verb is about, not what the figure counts. A noun before the figure is its unit
    only as a label ("tanks 9,870", "tanks: 9,870", "tanks (9,870)"), not across a comma
    ("shells a truck, two killed"); after it, within its noun phrase (not across a comma or a
    preposition: "rises to four, fragments from CAESAR shells").
    """
    verbs = [(c.start, c.end) for c in cues if c.end <= start or c.start >= end]
    units = [u for u in units if (u.start >= end and not _NOT_IN_NOUN_PHRASE.search(sentence, end, u.start))
             or u.end <= start and _LABEL_GAP.fullmatch(sentence, u.end, start) or u.start < end and u.end > start]
    return nearest(units, start, end, blockers + verbs if verbs else blockers, after=45, before=25, before_penalty=2.0)


def _counts_nothing(sentence: str, unit_m: Match[str] | None, end: int) -> bool:
    """A noun of time, distance, money or things right after the figure ("40 km", "12 villages", "the two
    devastating earthquakes", "70 times the estimate"); not "kills six in one week"."""
    return unit_m is not None and unit_m.value == _NOT_COUNTED and unit_m.start >= end \
        and (unit_m.start - end < 12 or _ADJECTIVE_GAP.fullmatch(sentence, end, unit_m.start) is not None) \
        and not _PREPOSITION.search(sentence, end, unit_m.start)


def counts_nothing(sentence: str, units: list[Match[str]], cues: list[Match[str]], start: int, end: int,
                   blockers: list[tuple[int, int]]) -> bool:
    """Whether the figure at [start, end) is followed by a noun that makes it no count of people or things."""
    return _counts_nothing(sentence, choose_unit(units, start, end, blockers, sentence, cues), end)


def list_item(sentence: str, unit_m: Match[str], start: int, end: int) -> bool:
    """A figure right beside its noun ("tanks 9,870", "aircraft (369)", "10,930 tanks (+3),"): an item of a list."""
    if unit_m.end <= start:
        return re.fullmatch(r"\s*[(:—–-]?\s*", sentence[unit_m.end:start]) is not None
    return unit_m.start >= end and re.fullmatch(r"\s*\)?\s*", sentence[end:unit_m.start]) is not None \
        and re.search(r"[,:]\s*(?:and\s+)?$|^\s*$", sentence[:start]) is not None and "," in sentence


_LABEL_DASH = re.compile(r"\s*(?:\([^()]{0,40}\))?\s*[-\u2013\u2014:]\s*(?:[^\W\d_]+\s+){0,2}?")


def _predicate_far_after(sentence: str, cues: list[Match[str]], end: int, unit_m: Match[str],
                         blockers: list[tuple[int, int]]) -> Match[str] | None:
    """The verb of a figure that is its clause's subject, past a long description of its people: "over
    12,000 volunteers recruited in the eastern provinces for the militia have been killed or injured".
    Only a finite verb ("have been", "were") right before the cue makes it the subject's predicate."""
    en = grammar()
    for c in cues:
        if c.start <= unit_m.end or c.start - end > _PREDICATE_REACH:
            continue
        if any(end <= b0 and b1 <= c.start for b0, b1 in blockers) or any(  # not "and" inside ", including women and children,"
                not _in_aside(sentence, unit_m.end, b.start(), b.end(), c.start)
                for b in en.CLAUSE_BREAK.finditer(sentence, unit_m.end, c.start)):
            return None
        if en.FINITE_BEFORE.search(sentence, max(unit_m.end, c.start - 20), c.start) or en.AUXILIARY.match(c.text.lower()):
            return c  # "have been killed", or a cue that holds its own auxiliary ("were killed")
    return None


_PREDICATE_REACH = 140


def _noun_of_the_whole(sentence: str, units: list[Match[str]], end: int,
                       blockers: list[tuple[int, int]]) -> Match[str] | None:
    """"114 of 158 aerial targets", "114 зі 158 повітряних цілей": a part counts what its whole's noun names."""
    after = [b for b in blockers if b[0] >= end]
    if not after:
        return None
    whole = min(after)
    if not grammar().OF_WHOLE.fullmatch(sentence, end, whole[0]):
        return None
    return next((u for u in units if u.start >= whole[1] and _NOUN_OF.fullmatch(sentence, whole[1], u.start)), None)


def _shared_predicate(sentence: str, units: list[Match[str]], cues: list[Match[str]], unit_m: Match[str],
                      blockers: list[tuple[int, int]]) -> Match[str] | None:
    """The verb of a figure whose noun phrase is joined by "and" to the next figure's: in "four nurses and
    three drivers who were helping at the clinic were killed" both subjects share the verb after the second."""
    after = [b for b in blockers if b[0] >= unit_m.end]
    if not after:
        return None
    other = min(after)
    if not grammar().COORDINATED.fullmatch(sentence, unit_m.end, other[0]):
        return None
    noun = next((u for u in units if u.start >= other[1] and _NOUN_OF.fullmatch(sentence, other[1], u.start)), None)
    if noun is None:
        return None
    return _predicate_far_after(sentence, cues, other[1], noun, [b for b in blockers if b != other])


def _taken_as(sentence: str, start: int, after: int) -> MeasureChoice | None:
    """"took 251 people, including soldiers, hostage": a verb of taking before the figure and its role after
    the people, in the same clause, make them captured."""
    en = grammar()
    if not en.TAKE_BEFORE.search(sentence, max(0, start - 30), start):
        return None
    m = en.TAKEN_AS_AFTER.match(sentence, after, min(len(sentence), after + _TAKEN_REACH))
    return None if m is None else MeasureChoice("captured", m.group("role"), False, PERSONNEL, m.start("role"), m.end("role"))


_TAKEN_REACH = 90
_STATUS_NOUN_REACH = 25  # "hostages were later killed"


def _event_subject(sentence: str, at: int) -> bool:
    """Whether an event is the subject of the verb at `at` ("Hurricane Ida had hit"): the storm's verb."""
    return grammar().EVENT_SUBJECT.search(sentence, max(0, at - 50), at) is not None


def choose_measure(sentence: str, cues: list[Match[str]], units: list[Match[str]], start: int, end: int,
                   blockers: list[tuple[int, int]], skip: list[tuple[int, int]] = ()) -> MeasureChoice | None:
    """Measure and unit of the figure at [start, end), or None when it counts nothing we record."""
    en = grammar()  # the language being read, looked up once for this call
    # "the earthquakes that hit Turkey": the event's verb is no loss; "the storm destroyed 300 homes" is one of things
    things = (u := choose_unit(units, start, end, blockers, sentence, cues)) is not None and u.value not in (PERSONNEL, _NOT_COUNTED)
    opening = getattr(en, "CONCESSIVE_OPENING", None)
    opened = o.end() if opening is not None and (o := opening.match(sentence)) is not None and o.end() <= start else 0
    # (only a verb of striking is the event's own: "the blast that killed 10 people" counts the dead)
    kept = [c for c in cues if not (c.text.lower() in en.ATTACK_VERBS and en.EVENT_RELATIVE.search(sentence, max(0, c.start - 40), c.start))
            and not (c.value == _AMBIGUOUS_FOR_PEOPLE and not things and _event_subject(sentence, c.start))
            and c.start >= opened]  # "While the toll is disputed, thousands of families rebuild": not the clause's
    unit_m = u if len(kept) == len(cues) else choose_unit(units, start, end, blockers, sentence, kept)
    cues = kept
    if unit_m is not None and unit_m.value == _NOT_COUNTED and unit_m.end <= start:
        # "since last year 41 soldiers": a noun of time or place before a figure is no unit of it
        unit_m = choose_unit([u for u in units if u.start >= end], start, end, blockers, sentence, cues)
    if unit_m is None:
        unit_m = _noun_of_the_whole(sentence, units, end, blockers)
    if sentence[start:end].lower() == "one" and _NEXT_WORD.match(sentence, end) and (unit_m is None or unit_m.start != end + 1) \
            and not any(0 < c.start - end <= 25 for c in cues):
        return None  # "one estimate he cited": 'one' before a noun that no measure follows counts nothing we record
    if unit_m is not None and unit_m.value in (_NOT_COUNTED, PERSONNEL) and unit_m.start >= end:
        # "two night watchmen", "30 civilian ships": the last noun of a compound is the head
        things = unit_m.value == PERSONNEL  # after "civilian", a thing; after "night", a person
        head = next((u for u in units if 0 < u.start - unit_m.end <= 1
                     and (u.value not in (PERSONNEL, _NOT_COUNTED) if things else u.value == PERSONNEL)), None)
        unit_m = head or unit_m
    if _counts_nothing(sentence, unit_m, end):
        return None
    unit = unit_m.value if unit_m is not None and unit_m.value != _NOT_COUNTED else None
    strong = re.match(r"^[-\u2010\s]?strong\b", sentence[end:end + 8], re.IGNORECASE)
    if strong:  # "a 2,000-strong battalion"; "12 paise strong" (a space, no noun) needs a party
        return MeasureChoice("strength", sentence[end:end + strong.end()].lstrip("-\u2010 "), False, unit or PERSONNEL,
                             end, end + strong.end(), bare=unit is None and sentence[end:end + 1].isspace())
    owned = [(c.start, c.end) for c in cues if c.start >= end and any(
        b[0] >= c.end and _LEADS_INTO.fullmatch(sentence, c.end, b[0]) for b in blockers)]
    if owned:  # "shelling kills 16, injures 114": a verb right before another figure is that figure's
        skip = [*skip, *owned]
    # "Of the 11,000 troops sent, about 3,000 have become casualties": a verb right after another figure's
    # noun is that figure's, when this figure has a verb of its own after it (not in "38,044 died in
    # Turkey and 3,688 in Syria", where the second shares the first's)
    theirs = [(c.start, c.end) for c in cues if c.end <= start and any(
        b[1] <= c.start and _NOUN_PHRASE_AFTER.fullmatch(sentence, b[1], c.start) for b in blockers)]
    cue = None
    digit = _first_digit(sentence, start, end)  # "surpassed 50,000", "above 40,000"
    # (the same window is not searched twice: a figure that opens with its digits has digit == start)
    if en.REACHES_BEFORE.search(sentence, max(0, start - 40), start) \
            or digit != start and en.REACHES_BEFORE.search(sentence, max(0, digit - 40), digit) \
            or en.REACHES_AHEAD.search(sentence, max(0, start - 30), start):
        counts = [(b0, b1) for b0, b1 in blockers if not _not_a_count(sentence, units, cues, b0, b1, blockers)]
        cue = _subject_far_before(sentence, cues, start, blockers) or _toll_subject(sentence, cues, start, counts)
    if cue is None:
        # "безповоротні – 12 тисяч, санітарні (поранені, хворі) – 20 тисяч": a label's figure after its dash
        cue = next((c for c in cues if c.end <= start and _LABEL_DASH.fullmatch(sentence, c.end, start)), None)
    if cue is None:
        cue = nearest(cues, start, end, blockers, skip=skip, sentence=sentence)
        if cue is not None and (cue.start, cue.end) in theirs:
            cue = nearest([c for c in cues if c.start >= end], start, end, blockers, skip=skip, sentence=sentence) or cue
        if cue is not None and cue.start >= end and sentence[end:cue.start].strip() == ",":
            # "kills eight, damages container ship": the verb right before the figure has it as its object;
            # the one after the comma starts another predicate
            verb = next((c for c in cues if c.end <= start and start - c.end <= 1), None)
            cue = verb or cue
        if cue is not None and cue.start >= end and unit_m is not None and unit_m.start == cue.start:
            # "executed nine prisoners": the noun after the figure is what it counts; the verb before says what befell them
            verb = nearest([c for c in cues if c.end <= start], start, end, blockers, before=25, sentence=sentence)
            if verb is not None and "," not in sentence[verb.end:start]:  # not "missing people, said 450 bodies"
                cue = verb
        if cue is not None and cue.start >= end and (of := en.OF_WHOLE.match(sentence, end)) is not None \
                and (of.end() == cue.start or _NOUN_OF.fullmatch(sentence, of.end(), cue.start)):
            # "40 of the missing miners had died", "five of the injured later died": a word of loss inside the
            # whole the figure is taken from describes the whole; the verb after the whole is the figure's
            whole = unit_m if unit_m is not None and 0 <= unit_m.start - cue.end <= 20 else cue
            cue = _predicate_far_after(sentence, cues, end, whole, blockers) or cue
        if cue is not None and cue.end <= start and unit == PERSONNEL and unit_m is not None \
                and 0 <= unit_m.start - end <= 30 and en.SAYS.search(sentence, cue.end, start):
            # "... injured since dawn, the governor said 40 local men were thought to have been abducted":
            # the figure opens the reported clause, whose own verb comes after its people
            cue = _predicate_far_after(sentence, cues, end, unit_m, blockers) or cue
    if cue is None and unit == PERSONNEL and unit_m is not None and 0 <= unit_m.start - end <= 2:
        cue = _predicate_far_after(sentence, cues, end, unit_m, blockers)
    if cue is None and unit is not None and unit_m is not None and _NOUN_OF.fullmatch(sentence, end, unit_m.start):
        cue = _shared_predicate(sentence, units, cues, unit_m, blockers)
    # "30,000 were displaced, and nearly a million people were affected": the figure has a verb of its own
    own_verb = en.OWN_VERB_AFTER.match(sentence, end) is not None
    if cue is not None and cue.end <= start and own_verb and en.CLAUSE_BREAK.search(sentence, cue.end, start):
        cue = None

    if cue is not None and cue.end <= start and cue.value in measure_registry() and measure_registry()[cue.value].parts:
        cue = _named_part_after(sentence, cues, end, unit_m, measure_registry()[cue.value].parts) or cue
    if cue is None and unit_m is not None and not own_verb and list_item(sentence, unit_m, start, end):
        # "destroyed: tanks 9,870 (+8), armoured vehicles 20,540 (+14), ...": the heading's verb counts for every item
        heading = [c for c in cues if c.end <= min(unit_m.start, start)]
        cue = heading[-1] if heading else None
    if cue is None:
        colon = sentence.rfind(":", 0, start)
        heading = [c for c in cues if c.end <= colon] if colon > 0 else []
        cue = heading[-1] if heading else None  # "casualties grew: about 110,000 in ..., 130,000 in ..."
    if cue is not None and unit is not None and unit != PERSONNEL and cue.start >= end and cue.text.lower() in en.ATTACK_VERBS \
            and not re.search(r"\b(?:were|was|been|being|are|is)\b", sentence[end:cue.start]):
        return None  # "two missiles struck the centre": weapons used, not weapons lost
    if cue is None and unit == PERSONNEL and unit_m is not None and unit_m.start >= end:
        taken = _taken_as(sentence, start, unit_m.end)
        if taken is not None:
            return taken
    if cue is None and unit == PERSONNEL and unit_m is not None:
        if en.PRESENCE_AFTER.match(sentence, unit_m.end):
            return MeasureChoice("deployed", None, False, unit)  # "12,000 North Korean soldiers are in Kursk"
        before = getattr(en, "PRESENCE_BEFORE", None)  # "в Курській області перебувають 11 000 військових"
        if before is not None and unit_m.start >= end and before.search(sentence, max(0, start - 70), start):
            return MeasureChoice("deployed", None, False, unit)
        if en.OWNED_BEFORE.search(sentence, max(0, start - 20), start) and en.FIGHTERS.fullmatch(unit_m.text):
            return MeasureChoice("strength", None, False, unit)  # "its 4,500 men"; not "the territory's 2.3 million people"
    if cue is not None and unit_m is not None and cue.value == "captured" and cue.start == unit_m.start >= end:
        # "35 hostages were killed", "20 prisoners died": the noun says who they were, the verb what befell them
        cue = _what_befell(sentence, cues, cue, blockers, lambda value: value != "captured") or cue
    if cue is not None and cue.value == "wounded" and cue.start >= end:
        # "ещё один раненый умер", "two of the injured died in hospital": the wounded who died are dead
        cue = _what_befell(sentence, cues, cue, blockers, lambda value: value == "killed") or cue
    if cue is not None and cue.value == "deployed" and unit_m is not None and unit_m.end <= cue.start <= unit_m.end + 2:
        # "the 1,500 soldiers dispatched to the front were killed": the participle describes them
        later = next((c for c in cues if c.start > cue.end and c.value != "deployed"
                      and (en.FINITE_BEFORE.search(sentence, max(cue.end, c.start - 20), c.start)
                           or en.FINITE_BEFORE.match(c.text + " ") is not None)
                      and not any(cue.end <= b0 and b1 <= c.start for b0, b1 in blockers)), None)
        cue = later or cue
    if cue is None:
        return MeasureChoice(None, None, False, unit) if unit else None
    measure, ambiguous = cue.value, False
    equipment = unit is not None and unit != PERSONNEL
    if measure == _AMBIGUOUS:
        measure, ambiguous = ("destroyed" if equipment else "casualties"), True
    elif measure == _AMBIGUOUS_FOR_PEOPLE:
        measure, ambiguous = (_measure_of_form().get(cue.text.lower(), "destroyed"), False) if equipment else ("casualties", True)
    elif equipment and measure_registry()[measure].equipment_as:
        measure = measure_registry()[measure].equipment_as  # "losses" of tanks are tanks destroyed, as every tally counts them
    elif equipment and not measure_registry()[measure].equipment:
        return MeasureChoice(None, None, False, unit)
    elif unit == PERSONNEL and not measure_registry()[measure].people:
        return MeasureChoice(None, None, False, unit)  # "flooded ... homes of 32,000 people": people are not damaged
    bare = unit is None
    if unit is None:
        unit = PERSONNEL if measure_registry()[measure].people else None
    return MeasureChoice(measure, cue.text, ambiguous, unit, cue.start, cue.end, bare)


@per_language
def _word_forms(table: str) -> frozenset[str]:
    """Every form, lower-cased, of the words and lemmas of one of measures.toml's word tables."""
    entry = load("measures.toml").get(table, {})
    return frozenset(w.lower() for w in entry.get("words", []) + inflected(entry.get("lemmas", [])))


def plain_loss_words() -> frozenset[str]:
    """Every form of the words of loss that say neither killed nor wounded ("lost", "losses")."""
    return _word_forms("plain_loss")


def needs_party(choice: MeasureChoice) -> bool:
    """Whether the figure is counted only by a word ordinary news uses for games, markets and audiences ("lost",
    "defeated", "hit", "strong"), with no noun of what it counts: a loss of a party to a conflict only where
    one is named."""
    return choice.bare and choice.measure_text is not None and choice.measure_text.lower() in _word_forms("needs_party")


def _what_befell(sentence: str, cues: list[Match[str]], status: Match[str], blockers: list[tuple[int, int]],
                 befits: Callable[[str], bool]) -> Match[str] | None:
    """The verb right after a word that names people by what they are ("hostages", "the injured"), in the same
    clause with no figure between: what befell them, when `befits` its measure."""
    en = grammar()
    return next((c for c in cues if 0 < c.start - status.end <= _STATUS_NOUN_REACH and befits(c.value)
                 and "," not in sentence[status.end:c.start] and not en.CLAUSE_BREAK.search(sentence, status.end, c.start)
                 and not any(status.end <= b0 and b1 <= c.start for b0, b1 in blockers)), None)


def _first_digit(sentence: str, start: int, end: int) -> int:
    """Where a figure's digits begin within its span ("tops 30,000"), else its start."""
    return start + next((i for i, ch in enumerate(sentence[start:end]) if ch.isdigit()), 0)


def _subject_far_before(sentence: str, cues: list[Match[str]], start: int,
                        blockers: list[tuple[int, int]]) -> Match[str] | None:
    """"The death toll from the shelling of the town rose to two": the measure is the subject of
    a verb of reaching, the first measure word of the clause however far before the figure
    ("casualties among the marines sent to the island have reached 900"), with no figure between. A verb
    such as "hit" is the verb of reaching itself, never its subject."""
    clause_start = max((m.end() for m in en.SUBJECT_CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    for c in cues:
        if clause_start <= c.start and c.end <= start and c.value not in (_NOT_COUNTED, _AMBIGUOUS_FOR_PEOPLE) \
                and not any(c.end <= b0 and b1 <= start and not _in_aside(sentence, c.end, b0, b1, start)
                            for b0, b1 in blockers):
            return c
    return None


def _toll_subject(sentence: str, cues: list[Match[str]], start: int,
                  blockers: list[tuple[int, int]]) -> Match[str] | None:
    """The toll as subject across a coordination or a date ("the death toll from the quakes in Turkey and Syria
    that struck on Feb. 6 surpassed 50,000"): the first toll noun of the sentence, with no count between."""
    # an earlier value the toll reached is no other count ("the toll tops 30,000 and could hit 50,000")
    def reached(b0: int, b1: int) -> bool:  # the verb may open the figure's own span ("tops 30,000")
        digit = _first_digit(sentence, b0, b1)
        return en.REACHES_BEFORE.search(sentence, max(0, digit - 40), digit) is not None
    counts = [(b0, b1) for b0, b1 in blockers if not reached(b0, b1)]
    for c in cues:
        if c.end <= start and en.TOLL_SUBJECT.fullmatch(c.text) and not any(c.end <= b0 and b1 <= start for b0, b1 in counts):
            return c
    return None


def _not_a_count(sentence: str, units: list[Match[str]], cues: list[Match[str]], start: int, end: int,
                 blockers: list[tuple[int, int]]) -> bool:
    """A figure between a toll and its verb that counts nothing: a day of a date ("Feb. 6", "February 6, 2023"),
    a year, or a number of things ("the two devastating earthquakes")."""
    return _MONTH_BEFORE.search(sentence, max(0, start - 12), start) is not None \
        or _YEAR.fullmatch(sentence, start, end) is not None \
        or counts_nothing(sentence, units, cues, start, end, blockers)


_MONTH_BEFORE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")


def _in_aside(sentence: str, lo: int, b0: int, b1: int, hi: int) -> bool:
    """A figure inside commas between subject and verb ("the death toll from the storm, the worst in
    90 years, rose to 2,975") belongs to the aside, not to the count."""
    left, right = sentence.rfind(",", lo, b0), sentence.find(",", b1, hi)
    return left >= 0 and right >= 0 and not any(ch in sentence[left + 1:right] for ch in ";:")


def _named_part_after(sentence: str, cues: list[Match[str]], end: int, unit_m: Match[str] | None,
                      parts: tuple[str, ...]) -> Match[str] | None:
    """"Lost more than 50 people killed": after a verb of loss, the word right after the count
    (and its noun) names which loss."""
    after = unit_m.end if unit_m is not None and unit_m.start >= end and unit_m.start - end <= 3 else end
    for c in cues:
        if 0 <= c.start - after <= 2 and c.value in parts:
            return c
    return None
