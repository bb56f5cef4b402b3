"""Where a figure is: countries, first-level regions and cities from lexicons/places.csv.

A place named with a locative ("in the Kursk region", "near Pokrovsk") is preferred
to one named otherwise ("Kursk's governor"); a name that is also an actor alias
("Russia", "North Korea") counts as a place only after a locative. A place is a proper
noun: a mention in lower case ("police said", "most of them") is not one, whatever
town of that name the world gazetteer holds.
"""

from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

from tollbook.lang import CURRENT as en
from tollbook.lang import current, form_tables, grammar, language_files, per_language
from tollbook.lexicons import Match, PhraseIndex, fold
from tollbook.lexicons.gazetteer import Place, compiled_places, place_at

__all__ = ["Place", "choose_place", "find_places"]

# Below this many people a town (the world gazetteer holds thousands) is read as the place of
# a figure only after a locative ("in Roy", "near Soledar"); larger cities are read anywhere.
SMALL_CITY = 100_000



@functools.cache
def _world() -> PhraseIndex[int]:
    """Every alias of the gazetteer, as row numbers of its compiled form (a Place is made only on a match)."""
    table = compiled_places()
    return PhraseIndex.from_folded(table.folded, table.refs)


@per_language
def _index() -> PhraseIndex[int]:
    """The language's own names of its places in every form ("Харкові", "в Курской области") over the
    world gazetteer, which every language shares."""
    own = _own_names()
    if not own:
        return _world()
    return PhraseIndex.layered(PhraseIndex.from_folded([k for k, _ in own], [r for _, r in own]), _world())


def _own_names() -> list[tuple[str, int]]:
    """The language's place names (lang/<code>/places.csv: each alias with its English row's name, code and
    kind), inflected by its inflector, as (folded form, row of the gazetteer). A language whose names do not
    decline, or that has no such file, adds none. Made once per content of both gazetteers and kept on disk."""
    from tollbook.lexicons import FOLD_SIGNATURE, compiled

    lang = current()
    path = language_files(lang).joinpath("places.csv")
    if not path.is_file():
        return []

    def build() -> list[tuple[str, int]]:
        rows = {(name, code, kind): ref for ref, (name, code, kind, *_) in reversed(list(enumerate(compiled_places().rows)))}
        with path.open(encoding="utf-8") as fh:
            own = [(row["alias"], rows.get((row["name"], row["code"], row["kind"])))
                   for row in csv.DictReader(line for line in fh if not line.startswith("#"))]
        forms = form_tables(lang, {alias: [alias] for alias, ref in own if ref is not None})
        return [(fold(form), ref) for alias, ref in own if ref is not None for form in forms[alias]]

    # the rows are the shared gazetteer's and the forms the inflectors': their content keys the cache too
    import tollbook.lexicons

    shared = Path(tollbook.lexicons.__file__).with_name("places.csv").read_bytes()
    rules = b"".join(p.read_bytes() for p in sorted(language_files(lang).parent.glob("*/inflect.py")))
    return compiled(f"places-{lang}", build, content=path.read_bytes() + shared + rules + FOLD_SIGNATURE.encode())


def find_places(sentence: str, lowered: str, actor_spans: list[tuple[int, int]],
                speaker_spans: list[tuple[int, int]] = ()) -> list[Match[Place]]:
    """Place mentions, without those that are really actor names or speakers ("Seoul estimates", "UK Defence Intelligence")."""
    en = grammar()  # the language being read, looked up once for this call
    out = []
    for hit in _index().find(sentence, lowered):
        m = Match(hit.start, hit.end, place_at(hit.value), hit.text)
        if not _THE.sub("", m.text, 1)[:1].isupper():
            continue  # "hit a turkey farm"; not "in the Gaza Strip", whose name the gazetteer gives with its article
        if m.value.kind == "city" and m.text.isupper() and not sentence.isupper():
            continue  # "NIS said": an acronym in mixed-case text, not Niš
        if any(s < m.end and m.start < e for s, e in speaker_spans) or en.SPEAKS_AFTER.match(sentence[m.end:m.end + 30]) \
                or _according_before().search(sentence, max(0, m.start - 30), m.start):
            continue  # "Seoul estimates", "according to Kiev": the place's government speaks
        locative = bool(en.LOCATIVE.search(sentence[max(0, m.start - 30):m.start]))
        if m.value.kind == "city" and m.value.population < SMALL_CITY and not locative:
            continue  # "Kim said", "Roy told": a small town's name is more often a person's
        if any(s < m.end and m.start < e for s, e in actor_spans) and not locative:
            continue
        if _NAME_GOES_ON.match(sentence, m.end) and (_INSIDE_A_NAME_BEFORE.search(sentence, max(0, m.start - 30), m.start)
                                                     or _given_name_before(sentence, lowered, m.start)):
            continue  # "Al-Ahli Arabi Hospital", "Carmen Yulin Cruz": a word of a longer proper name, not a place
        if _PARTICLE_NAME.match(sentence, m.end):
            continue  # "Centro de Periodismo Investigativo": a name going on after "de" is no place the gazetteer knows
        if en.PARTY_OF.search(sentence, max(0, m.start - 30), m.start):
            continue  # "the forces of the Russian Federation": a party, not a place
        if sentence[m.end:m.end + 2] == "'s" and not locative:
            continue  # "Ukraine's General Staff": an owner, not a place
        out.append(m)
    return out + _sides(sentence, lowered) if en.SIDE_AFTER.search(sentence) else out


@per_language
def _according_before() -> re.Pattern[str]:
    """The language's "according to" right before a name: the name speaks, it is no place of the figure."""
    phrases = sorted(getattr(grammar(), "ACCORDING_TO", ("according to",)), key=len, reverse=True)
    return re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(p) for p in phrases) + r")\s+(?:the\s+)?$", re.IGNORECASE)


def _sides(sentence: str, lowered: str) -> list[Match[Place]]:
    """"On the Syrian side of the frontier, 3,500 died": the demonym's country is where."""
    from tollbook.extract.actors import demonyms
    from tollbook.lexicons.gazetteer import countries

    out = []
    for d in demonyms().find(sentence, lowered):
        country = countries().get(d.value) if grammar().SIDE_AFTER.match(sentence, d.end) else None
        if country is not None:
            out.append(Match(d.start, d.end, country, d.text))
    return out


_THE = re.compile(r"the\s+")
# a capitalised word right before (not the sentence's first) and one right after: a place's name inside a longer name
_INSIDE_A_NAME_BEFORE = re.compile(r"(?<=\S\s)[A-Z][\w'\u2019]*(?:-[A-Za-z][\w'\u2019]*)*[ -](?:(?:al|el|Al|El)-)?$")
_NAME_GOES_ON = re.compile(r"[ -][A-Z][a-z]")
# a Romance particle and a capital after a place's name: a longer name (the gazetteer holds "Rio de Janeiro" whole)
_PARTICLE_NAME = re.compile(r" (?:de|del|della|di|do|da|dos|das|des|du) [A-Z]")
_FIRST_WORD = re.compile(r"\s*([A-Z][a-z]+) ")


def _given_name_before(sentence: str, lowered: str, start: int) -> bool:
    """The sentence's first word, right before the place, names neither a place nor a people:
    "Carmen Yulin Cruz, the mayor" (not "Russian Kursk Oblast", "Gaza City Hospital")."""
    from tollbook.extract.actors import demonyms

    first = _FIRST_WORD.fullmatch(sentence, 0, start)
    if first is None:
        return False
    a, b = first.span(1)
    word, low = sentence[a:b], lowered[a:b]
    return not _index().find(word, low) and not demonyms().find(word, low)


def choose_place(sentence: str, places: list[Match[Place]], start: int, end: int) -> Match[Place] | None:
    """The place of a figure: the nearest locative mention, else the nearest mention."""
    if not places:
        return None
    def distance(m: Match[Place]) -> int:
        return m.start - end if m.start >= end else (start - m.end) + 10
    locative = [m for m in places if en.LOCATIVE.search(sentence[max(0, m.start - 30):m.start])]
    return min(locative or places, key=distance)
