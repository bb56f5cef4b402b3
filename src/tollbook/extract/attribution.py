"""Who says so: the originator of a figure and the chain that carried it to the reader.

Claimants, officials and cue words come from lexicons/claimants.toml and
lang/en/cues.toml. A sentence's claimant is a named body or official tied to an
attribution cue ("according to X", "X said", "X's latest update"); "This was
reported by X" points back to the figures before it; a figure with no cue is the
outlet's own.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from tollbook.lang import CURRENT as en
from tollbook.lang import current, grammar
from tollbook.lang import per_language
from tollbook.extract.speakers import _LEADING_THE, Speaker, find_speaker, headline_speaker
from tollbook.lexicons import Match, PhraseIndex, fold, inflected, load
from tollbook.model import SourceRef


@dataclass(frozen=True, slots=True)
class Claimant:
    name: str
    kind: str
    country: str | None
    person: str | None = None


ANONYMOUS = Claimant("anonymous", "anonymous", None)
# "according to official figures": unnamed officials, of the place the figure counts
OFFICIAL_FIGURES = Claimant("official figures", "anonymous", None)


@dataclass(frozen=True, slots=True)
class Attribution:
    """The claimant found for a sentence, with the words that named it."""

    claimant: Claimant
    text: str
    start: int
    end: int
    intermediaries: tuple[SourceRef, ...] = ()
    back: bool = False  # an office named with "the": the caller may know who holds it


@per_language
def _back_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """'This was reported by X' (at a sentence's start, and anywhere in a paragraph), 'according to him'."""
    en = grammar()  # the language being read, looked up once for this call
    return (re.compile("^" + en.POINTS_BACK_CORE, re.IGNORECASE),
            re.compile(r"(?:^|(?<=[.!?] ))" + en.POINTS_BACK_CORE, re.IGNORECASE),
            getattr(en, "REFERS_BACK", None) or re.compile(  # the language's own "за його словами", else English's
                rf"\baccording to (?:him|her|them|{en.BACK_NOUN[3:-1]})\b|\b{en.BACK_NOUN}\s+(?:also\s+)?(?:has\s+|had\s+)?"
                r"(?:said|says|added|noted|estimated|told|reported|denied|assessed|verified|recorded|counted|put|puts|gave|"
                r"claimed|confirmed|announced|stated)\b", re.IGNORECASE))


HEADLINE_COLON = re.compile(r"\s*:")  # "Ukraine's General Staff: ...": a headline opening with its source
# a personal name right after a body's name: two capitalised words ("Леонід Тимченко", "Tawfiq Shukri")
_PERSON_AFTER = re.compile(r"\s+[A-ZА-ЯІЇЄҐЁ][a-zа-яіїєґё'’ʼ-]+\s+[A-ZА-ЯІЇЄҐЁ][a-zа-яіїєґё'’ʼ-]{2,}\b")
_TAG_BEFORE = re.compile(r"(?:[,:]|\s[-\u2013\u2014])\s*$")
# a web address's words as a headline: lower case, no punctuation, five words or more
_SLUG = re.compile(r"[^\W_A-ZА-ЯІЇЄҐЁ]+(?:[ -][^\W_A-ZА-ЯІЇЄҐЁ]+){4,}")
_SLUG_BEFORE = re.compile(r"\s$")


@per_language
def _index() -> tuple[PhraseIndex[Claimant], PhraseIndex[str], PhraseIndex[str]]:
    data = load("claimants.toml")
    phrases: list[tuple[str, Claimant]] = []
    exact: list[tuple[str, Claimant]] = []  # acronyms that are words once lowercased ("WHO"): matched with their capitals
    by_name: dict[str, Claimant] = {}
    for entry in data.get("claimant", []):
        c = Claimant(entry["name"], entry.get("kind", "official"), entry.get("country") or None)
        by_name[c.name] = c
        phrases += [(a, c) for a in [c.name] + entry.get("aliases", []) + inflected(entry.get("lemmas", []))]
        exact += [(a, c) for a in entry.get("exact_case", [])]
    for entry in data.get("person", []):
        org = by_name.get(entry.get("organisation", ""))
        if org is None:
            continue
        c = Claimant(org.name, org.kind, org.country, entry["name"])
        phrases += [(a, c) for a in [entry["name"]] + entry.get("aliases", []) + inflected(entry.get("lemmas", []))]
    phrases += _abbreviated(phrases, load("cues.toml").get("word_abbreviations", {}))
    cues = load("cues.toml")["attribution"]
    words = cues["verbs"] + inflected(cues.get("lemmas", []))
    verbs = PhraseIndex((v, "verb") for v in words if v.lower() not in ("per", "via", "shows", "showed"))
    anonymous = PhraseIndex((a, "anonymous") for a in cues["anonymous"] if a.lower() not in ("reports", "estimates"))
    return PhraseIndex(phrases, exact), verbs, anonymous


def _abbreviated(phrases: list[tuple[str, Claimant]], short: dict[str, list[str]]) -> list[tuple[str, Claimant]]:
    """Each name again with a word written short ("Israeli government" -> "Israeli govt")."""
    out: list[tuple[str, Claimant]] = []
    for word, forms in short.items():
        whole = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
        out += [(whole.sub(f, p), c) for p, c in phrases if whole.search(p) for f in forms]
    return out


def claimants_through_glosses(index: PhraseIndex[Claimant], sentence: str, lowered: str) -> list[Match[Claimant]]:
    """The claimants named in a sentence, read also across an abbreviation glossed inside a name
    ("Министерство обороны (МО) России", "голова Донецької ОДА (ОВА)"): each match spans the gloss."""
    found = index.find(sentence, lowered)
    glosses = list(en.NAME_GLOSS.finditer(sentence))
    if not glosses:
        return found
    kept: list[str] = []
    cuts: list[tuple[int, int]] = []  # (where a gloss was, in the shorter text; characters removed up to it)
    last = removed = 0
    for g in glosses:
        kept.append(sentence[last:g.start()])
        cuts.append((g.start() - removed, removed + g.end() - g.start()))
        removed += g.end() - g.start()
        last = g.end()
    kept.append(sentence[last:])
    short = "".join(kept)

    def back(pos: int, end: bool) -> int:
        shift = 0
        for at, total in cuts:
            if pos > at or (not end and pos == at):
                shift = total
        return pos + shift

    across = [m for m in index.find(short) if any(m.start < at < m.end for at, _ in cuts)]
    if not across:
        return found
    spans = [(back(m.start, False), back(m.end, True), m.value) for m in across]
    out = [Match(s, e, v, sentence[s:e]) for s, e, v in spans]
    out += [m for m in found if not any(m.start < e and s < m.end for s, e, _ in spans)]
    return sorted(out, key=lambda m: m.start)


# a verb of retelling that closes the sentence with one name, an outlet's: "..., пишет УНН."
_OUTLET_TAIL = re.compile(r"\s+[«\"“]?[A-ZА-ЯЁІЇЄҐ][\w.-]*[»\"”]?\s*[.!]?\s*")


def attribute_sentence(sentence: str, lowered: str, whole: bool = True) -> Attribution | None:
    """The claimant this sentence attributes its figures to, if it names one.

    `whole=False` reads a clause cut out of a sentence: its end is no headline's end, so no tag
    ("..., medics") is read there."""
    claimants_idx, verbs_idx, anon_idx = _index()
    claimants = claimants_through_glosses(claimants_idx, sentence, lowered)
    media = [m for m in claimants if m.value.kind == "media"]
    negated = getattr(en, "NEGATED_BEFORE", _NEGATED)  # "не підтвердив": the language's own negation, else English's
    verbs = [v for v in verbs_idx.find(sentence, lowered) if not negated.search(sentence, max(0, v.start - 24), v.start)]
    # "the Hamas attack": a body naming an event is no speaker
    named = [m for m in claimants if m.value.kind != "media" and not en.EVENT_AFTER_NAME.match(sentence, m.end)
             and not en.PARTY_NOUN_AFTER.match(sentence, m.end)]  # nor one naming whose losses: "Wagner losses"
    # "South Korean and US officials": two countries' officials together are no one body of either
    named = [m for m in named if not (_GROUP_OF_PEOPLE.search(m.text) and _JOINT_OWNER.search(sentence, max(0, m.start - 40), m.start))]
    # "Генеральний штаб Збройних сил(и) України": a body right after another, with nothing between, is
    # the first one's genitive (whose staff), not a second speaker
    named = [m for m in named if not any(p.end <= m.start and not sentence[p.end:m.start].strip() and p.value.kind != "person"
                                         and p.value.name != m.value.name for p in named)]
    if not named and media and verbs:
        # "Western officials told the BBC": the officials are the source, the broadcaster carried it
        for a in anon_idx.find(sentence, lowered):
            if any(0 <= v.start - a.end <= 40 for v in verbs):
                via = tuple(SourceRef(m.value.name, "media", m.text) for m in media)
                return Attribution(ANONYMOUS, a.text, a.start, a.end, via)
    if not named and (role := _unnamed_role(sentence, lowered, verbs, cued=True)) is not None:
        # "написало агентство ... со ссылкой на чиновника": the official cited speaks, the agency carries it
        via = tuple(SourceRef(m.value.name, "media", m.text) for m in media)
        return Attribution(ANONYMOUS, sentence[role[0]:role[1]], role[0], role[1], via)
    named = named or media
    cited = _cited(sentence, verbs, named)
    if cited is not None:
        return cited
    chosen: Match[Claimant] | None = None
    for v in verbs:
        if v.text.lower() in getattr(en, "ACCORDING_TO", ("according to",)):  # "за даними", "по данным"
            # the body closes the phrase "according to ..." opens: no clause break or figure between
            after = [m for m in named if 0 <= m.start - v.end <= 60 and _ACCORDING_GAP.fullmatch(sentence, v.end, m.start)]
            if after:
                chosen = after[0]
                break
    if chosen is None:
        for m in named:
            if en.POSSESSIVE_REPORT.match(sentence[m.end:m.end + 60]) or (m.start < 40 and HEADLINE_COLON.match(sentence, m.end)):
                chosen = m  # "X's latest update", or a headline "X: ..."
                break
    if chosen is None and whole and not _ENDS_SENTENCE.search(sentence):
        # a headline's tag in any language: "... 20 танків — Генштаб", "... 324 дитини - Офіс генпрокурора"
        # a headline rebuilt from its address has lost its punctuation: "... 80000 wounded us intel"
        slug = _SLUG.fullmatch(sentence) is not None
        tag = _SLUG_BEFORE if slug else _TAG_BEFORE
        chosen = next((m for m in named if not sentence[m.end:].strip(" .\"'»”") and tag.search(sentence, 0, m.start)
                       and not (slug and " " not in m.text and _topic_pair(sentence, m.start))), None)
    if chosen is None and verbs and (official := _official_figures(sentence)) is not None:
        return official
    speaker = find_speaker(sentence) if verbs else None
    if (speaker is None or speaker.place) and whole and not _ENDS_SENTENCE.search(sentence):
        # a headline's tag ("..., mayor says", "... - foreign ministry") names who spoke, more closely than a
        # country as its subject ("Israel revises down the toll to 1,200 - foreign ministry")
        speaker = headline_speaker(sentence) or speaker
    if speaker is not None and speaker.kind is not None:
        # "a New York Times analysis showed": a study's maker the lexicon knows is the lexicon's body
        known = next((m for m in claimants if speaker.start <= m.start and m.end <= speaker.end + 2), None)
        if known is not None:
            return Attribution(known.value, known.text, known.start, known.end)
    if speaker is not None and speaker.place:
        # "the Health Ministry in the Gaza Strip says": the body before the place speaks
        body = next((m for m in named if m.end <= speaker.start and _IN_PLACE.fullmatch(sentence, m.end, speaker.start)), None)
        if body is not None:
            return Attribution(body.value, sentence[body.start:speaker.end], body.start, speaker.end)
    subject = speaker is not None and chosen is not None and speaker.end <= chosen.start and any(
        speaker.end <= v.start and v.end <= chosen.start for v in verbs)  # "Israeli officials say Hamas fighters captured 100"
    if speaker is not None and (chosen is None or subject or chosen.value.kind == "media" or _within(sentence, chosen, speaker)):
        return _speaker_attribution(sentence, speaker, named, media)
    if chosen is None:
        best = None
        asides = [r.span() for r in _RELATIVE_ASIDE.finditer(sentence)]
        # "..., сообщили глава КГВА Попко и мэр Кличко, пишет УНН": the outlet's own verb of
        # retelling says nothing of which body spoke
        own = [v for v in verbs if not any(0 <= md.start - v.end <= 2 or 0 <= v.start - md.end <= 1 for md in media)
               and not _OUTLET_TAIL.fullmatch(sentence, v.end)]
        for m in named:
            if any(a <= m.start < b for a, b in asides):
                continue  # "the health ministry, which is run by Hamas, said": Hamas describes, the ministry speaks
            for v in (own or verbs) if m.value.kind != "media" else verbs:
                gap = v.start - m.end if v.start >= m.end else m.start - v.end
                if v.start >= m.end and _NO_SUBJECT.match(sentence, v.start):
                    continue  # "Hamas ... has reached 1,300, according to medical sources": the cue has no subject
                if v.start >= m.end and gap <= 60 or v.end <= m.start and gap <= en.SPEAKER_AFTER_VERB:
                    if v.end <= m.start and not _CLOSES_CLAUSE.match(sentence, m.end):
                        gap += 30  # "officials say Hamas fighters captured 100": after the verb starts what they say
                    if best is None or gap < best[0]:
                        best = (gap, m)
        chosen = best[1] if best else None
    if chosen is None and (unnamed := en.UNNAMED_ACCORDING.search(sentence)) is not None:
        return Attribution(ANONYMOUS, unnamed.group(1), unnamed.start(1), unnamed.end(1))  # "according to some Turkish estimates"
    if chosen is None and verbs:
        org = _unknown_organisation(sentence, verbs)
        if org is not None:
            return org
        anons = anon_idx.find(sentence, lowered)
        # the words right after "according to" first: "civilians, medics ... killed, according to Lebanese officials"
        anons.sort(key=lambda a: not any(v.text.lower() == "according to" and 0 <= a.start - v.end <= 5 for v in verbs))
        for a in anons:
            if any(0 <= v.start - a.end <= 40 or 0 <= a.start - v.end <= 25 for v in verbs):
                where = _IN_PLACES.match(sentence, a.end)  # "officials in Turkey and Syria": whose officials, kept in the words
                end = where.end() if where else a.end
                return Attribution(ANONYMOUS, sentence[a.start:end], a.start, end)
        if _back_patterns()[0].match(sentence.strip()) and named:
            chosen = named[0]
        if chosen is None and (person := _named_person(sentence, verbs)) is not None:
            return person
        if chosen is None and (role := _unnamed_role(sentence, lowered, verbs)) is not None:
            via = tuple(SourceRef(m.value.name, "media", m.text) for m in media)
            return Attribution(ANONYMOUS, sentence[role[0]:role[1]], role[0], role[1], via)
    if chosen is None:
        return None
    via = tuple(SourceRef(m.value.name, "media", m.text) for m in media if m is not chosen)
    # "заступник міністра внутрішніх справ Леонід Тимченко": the person who speaks for the body, kept in the words
    person = _PERSON_AFTER.match(sentence, chosen.end) if chosen.value.kind != "person" else None
    end = person.end() if person else chosen.end
    return _with_person_before(sentence, chosen.value, chosen.start, end, via)


@per_language
def _roles_index() -> PhraseIndex[str]:
    """The language's offices and unnamed sources in every case form ("представителя властей", "лікарів")."""
    cues = load("cues.toml")
    words = cues.get("roles", {}).get("words", []) + cues["attribution"].get("anonymous", [])
    return PhraseIndex((w, "role") for w in inflected(words))


# What may stand between a cue and the role it introduces: a word or two of description ("местных", "официального")
_ROLE_GAP = re.compile(r"\s+(?:[^\W\d][\w'\u2019-]*\s+){0,2}")
_COMPLEMENT_WORD = re.compile(r"\s+([^\W\d][\w'\u2019.-]*)")
_ROLE_REACH = 60
_SENTENCE_OPENING = re.compile(r"[\s\"'«“„(-]*(?:[ВвУу]\s+)?")


def _unnamed_role(sentence: str, lowered: str, verbs: list[Match[str]], cued: bool = False) -> tuple[int, int] | None:
    """An office or unnamed source that speaks for a sentence in a language whose speakers the English
    patterns do not read ("по словам врачей", "со ссылкой на чиновника районной администрации", "сообщили
    спасатели"): its span with the words that say whose it is ("районной администрации"), kept as the
    claimant's words; `cued`: only one a cue introduces. The language names its cues (`ROLE_CUES`); English
    reads its speakers in `speakers`."""
    cues = getattr(en, "ROLE_CUES", None)
    if not cues or not verbs:
        return None
    verb_starts = {v.start for v in verbs}
    for role in _roles_index().find(sentence, lowered):
        for v in verbs:
            if v.text.lower() in cues:  # "по словам [местных] врачей"
                tied = v.end <= role.start and _ROLE_GAP.fullmatch(sentence, v.end, role.start) is not None
            elif cued:
                continue
            elif v.end <= role.start:  # "сообщили спасатели", "сообщили в полиции"
                tied = role.start - v.end <= 4 and not sentence[v.end:role.start].strip(" вуВУ")
            else:  # "Представитель ведомства рассказал", "В полиции сообщили": the subject opening the sentence
                tied = _SENTENCE_OPENING.fullmatch(sentence, 0, role.start) is not None and v.start - role.end <= _ROLE_REACH \
                    and _ACCORDING_GAP.fullmatch(sentence, role.end, v.start) is not None
            if tied:
                return role.start, _complement_end(sentence, role.end, verb_starts)
    return None


def _complement_end(sentence: str, end: int, verb_starts: set[int]) -> int:
    """The end of the words after an office that say whose it is (up to five, to a stop, a figure or a verb)."""
    for _ in range(5):
        m = _COMPLEMENT_WORD.match(sentence, end)
        if m is None or m.start(1) in verb_starts or m.group(1).lower() in _JOINING_WORDS:
            break
        if m.group(1).endswith("."):
            return m.end(1) - 1  # the sentence's stop ends the words
        end = m.end(1)
    return end


_JOINING_WORDS = frozenset({"и", "а", "но", "что", "как", "і", "й", "та", "але", "що", "як", "при", "після", "после"})


def _topic_pair(sentence: str, start: int) -> bool:
    """An address's last words naming two parties ("... protests flare israel hamas"): the page's topic tags,
    not a source tagged at its end, when a party or place ends right before the one-word name ("... ukraine
    general staff" is a tag)."""
    from tollbook.extract.actors import find_actors
    from tollbook.extract.places import _index as place_index

    before = sentence[:start].rstrip()
    hits = [*find_actors(before, fold(before)), *place_index().find(before, fold(before))]
    return any(h.end == len(before) for h in hits)


def _with_person_before(sentence: str, body: Claimant, start: int, end: int,
                        via: tuple[SourceRef, ...] = ()) -> Attribution:
    """A body as claimant, with the person named before it in apposition kept beside it ("Anna Kovalenko, the
    press officer of the regional administration")."""
    before = _person_in_apposition().search(sentence, max(0, start - 90), start) \
        if body.kind != "person" and not body.person else None
    if before is None:
        return Attribution(body, sentence[start:end], start, end, via)
    value = Claimant(body.name, body.kind, body.country, before.group("name"))
    return Attribution(value, sentence[before.start():end], before.start(), end, via)


@per_language
def _person_in_apposition() -> re.Pattern[str]:
    """A name, a comma, then the office held in the body named right after: "X Y, the spokesperson for the "."""
    roles = "|".join(re.escape(r) for r in sorted(load("cues.toml")["roles"]["words"], key=len, reverse=True))
    return re.compile(rf"(?P<name>[A-ZА-ЯІЇЄҐЁ][\w'’-]+(?:\s+[A-ZА-ЯІЇЄҐЁ][\w'’-]+){{1,3}}),\s+(?:(?:the|a|an)\s+)?"
                      rf"(?:[\w-]+\s+){{0,3}}?(?i:{roles})\s+(?:(?:for|of|at|in)\s+)?(?:the\s+)?$")


def closing_line(line: str) -> Attribution | None:
    """Who a line that only names the speaker of the paragraph before it names: "– заявив Петренко." or,
    after a label, "Source: Ian Stubbs, UK military adviser" (read as "according to Ian Stubbs, ...")."""
    m = en.CLOSING_SPEAKER.match(line)
    if m is None:
        return None
    if m.groupdict().get("label") is None:
        return attribute_sentence(line, fold(line))
    text = _ACCORDING + line[m.end():]
    att = attribute_sentence(text, fold(text))
    shift = m.end() - len(_ACCORDING)
    return None if att is None else replace(att, start=att.start + shift, end=att.end + shift)


_ACCORDING = "according to "


def _named_person(sentence: str, verbs: list[Match[str]]) -> Attribution | None:
    """A person the lexicon does not know, named right after a verb of saying, behind the words of their
    office ("повідомив уповноважений з питань зниклих безвісти Остап Гребінь"), or right before it
    ("Остап Гребінь повідомив"). Languages whose grammar gives PERSON_AFTER_SAY only (the English
    speaker patterns find English names)."""
    after = getattr(en, "PERSON_AFTER_SAY", None)
    if after is None:
        return None
    for v in verbs:
        m = after.match(sentence, v.end) or en.PERSON_BEFORE_SAY.search(sentence, max(0, v.start - 60), v.start)
        if m is None or _places_in(m.group("name")) or m.group("name").split()[0].lower() in _common_words():
            continue  # "Власти Чили сообщили": a capital at the start of a sentence, not a name
        if en.PREPOSITION_BEFORE.search(sentence, max(0, m.start("name") - 40), m.start("name")):
            continue  # "у Дагестані і Північній Осетії повідомили": a place after its preposition
        name = m.group("name")
        return Attribution(person_claimant(name), name, m.start("name"), m.end("name"))
    return None


@per_language
def _common_words() -> frozenset[str]:
    """The language's words for offices and unnamed sources ("власти", "глава"), which begin no name."""
    cues = load("cues.toml")
    words = list(cues.get("roles", {}).get("words", [])) + list(cues["attribution"].get("anonymous", []))
    return frozenset(w.split()[0].lower() for w in words if w.strip())


def _places_in(name: str) -> bool:
    """True when a capitalised pair is a place's name as a whole ("Київській Області"); a surname that is
    also a town's ("Сорокин") leaves a person a person."""
    from tollbook.extract.places import _index as place_index

    return any(m.start == 0 and m.end == len(name) for m in place_index().find(name, fold(name)))


def _cited(sentence: str, verbs: list[Match[str]], named: list[Match[Claimant]]) -> Attribution | None:
    """"OCHA said ..., citing the WHO as saying 3,958 died": the cited body originates the figure and the
    body citing it carries it."""
    for v in verbs:
        if v.text.lower() not in ("citing", "quoting", "cited", "quoted"):
            continue
        body = next((m for m in named if 0 <= m.start - v.end <= 5 and _ARTICLE_GAP.fullmatch(sentence, v.end, m.start)), None)
        if body is None:
            continue
        opens = not sentence[:v.start].strip(" \"'\u201c")  # "Citing the Red Crescent, OCHA added ...": the subject after
        carriers = tuple({m.value.name: SourceRef(m.value.name, m.value.kind, m.text)  # type: ignore[arg-type]
                          for m in reversed(named) if (m.end <= v.start or opens and m.start >= body.end)
                          and m.value.name != body.value.name}.values())[::-1]  # one link per body, first words kept
        return Attribution(body.value, body.text, body.start, body.end, carriers)
    return None


_ARTICLE_GAP = re.compile(r"\s+(?:the\s+)?|\s+by\s+(?:the\s+)?")


@per_language
def _canonical_names() -> frozenset[str]:
    return frozenset(entry["name"] for entry in load("claimants.toml").get("claimant", []))


def claimant_index() -> PhraseIndex[Claimant]:
    """The claimants lexicon of the language being read, as the attribution stage matches it."""
    return _index()[0]


@per_language
def _countries() -> dict[str, str]:
    return {entry["name"]: entry["country"] for entry in load("claimants.toml").get("claimant", []) if entry.get("country")}


def country_of(name: str) -> str | None:
    """The country a canonical claimant belongs to ("Israeli Foreign Ministry" -> ISR), if the lexicon says."""
    return _countries().get(name)


def named_by_its_place(ref: SourceRef) -> bool:
    """Whether a claimant was read from a place's name alone ("Israel revises the toll": the state speaking,
    its government taken for it), not from words naming the body."""
    return bool(ref.text) and _places_in(ref.text)


def is_known(name: str) -> bool:
    """Whether a claimant's name is one of the lexicon's canonical names (not a body read from the text)."""
    return name in _canonical_names()


def person_claimant(name: str) -> Claimant:
    """A named person as claimant: the body the lexicon ties them to when it knows them
    ("Yevgeny Prigozhin" speaks for the Wagner Group), else the person alone."""
    found = _index()[0].find(name)
    if found and found[0].value.person and found[0].end - found[0].start >= len(name.split()[-1]):
        c = found[0].value
        return Claimant(c.name, c.kind, c.country, name)
    return Claimant(name, "person", None, name)


_OFFICE_AND_COMPLEMENT = re.compile(r"(?:(?:the|a|an)\s+)?(?P<office>[\w'\u2019 -]+?)\s+(?:in|of|for|at)\s+(?:the\s+)?(?P<rest>.+)$",
                                    re.IGNORECASE)
_MODIFIER_OF = re.compile(r"([\w'\u2019]+)[-\u2010](?:run|controlled|led|backed|administered|governed)\b", re.IGNORECASE)


def _composed_body(text: str) -> Claimant | None:
    """An office with its complement, as the lexicon names the body: "the health ministry in Gaza" ->
    "Gaza health ministry", "the health ministry in the Hamas-run territory" -> "Hamas-run health ministry"."""
    m = _OFFICE_AND_COMPLEMENT.match(text.strip())
    if m is not None:
        office, rest = m.group("office"), m.group("rest")
        candidates = [f"{rest} {office}", f"{office} in {rest}", f"{rest}'s {office}"]  # "the government of Israel"
        candidates += [f"{w}-run {office}" for w in _MODIFIER_OF.findall(rest)]
    else:  # "Hamas-controlled government's health ministry": the modifier and the head of the name
        head = " ".join(text.split()[-2:])
        candidates = [f"{w}-run {head}" for w in _MODIFIER_OF.findall(text)]
    for phrase in candidates:
        found = _index()[0].find(phrase)
        if len(found) == 1 and found[0].start == 0 and found[0].end == len(phrase) and found[0].value.kind != "media":
            return found[0].value
    return None


def body_of_person(text: str, person: str) -> Claimant | None:
    """The one body the document ties a named person to ("Foreign Ministry spokesman Lior Haiat",
    "Lior Haiat, a spokesperson for Israel's foreign ministry"), read around each mention of the surname."""
    surname = person.split()[-1]
    if len(surname) < 3:
        return None
    index = _index()[0]
    bodies: dict[str, Claimant] = {}
    for m in re.finditer(rf"\b{re.escape(surname)}\b", text):
        before = text[max(0, m.start() - 70):m.start()]
        after = text[m.end():m.end() + 90]
        near = [b for b in index.find(before) if _ROLE_THEN_NAME.fullmatch(before, b.end)]  # "... ministry spokesman Haiat"
        near += [b for b in index.find(after) if _NAME_THEN_ROLE.fullmatch(after, 0, b.start)]  # "Haiat, spokesman for ..."
        for b in near:
            if b.value.kind not in ("media", "person") and b.value.person is None:
                bodies[b.value.name] = b.value
    if len(bodies) != 1:
        return None
    body = next(iter(bodies.values()))
    return Claimant(body.name, body.kind, body.country, person)


# between a body and a person's name: a role and the person's first names ("'s spokesman Lior ", " chief Yevgeny ")
_ROLE_THEN_NAME = re.compile(r"(?:['\u2019]s)?\s+(?:[a-z][\w-]*\s+){1,3}(?:[A-Z][\w.'\u2019-]*\s+){0,2}")
# between a person's name and a body: an apposition naming the role ("Haiat, a spokesman for the ", " of the ")
_NAME_THEN_ROLE = re.compile(r"(?:\s+[A-Z][\w'\u2019-]*)?,\s+(?:the\s+|a\s+|an\s+)?(?:[a-z][\w-]*\s+){1,3}"
                             r"(?:for|of|at|with)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+(?:of|for)\s+(?:the\s+)?)?")  # "... grouping of the"


def _government_of(place: str) -> Claimant | None:
    """A country or city speaking: its government or authorities as the lexicon names them ("Turkey" ->
    the lexicon's "Turkey's government"), if it names them."""
    index = _index()[0]
    for phrase in (f"{place}'s government", f"{place} government", f"government of {place}", f"{place} authorities",
                   f"authorities in {place}"):
        found = index.find(phrase)
        if len(found) == 1 and found[0].start == 0 and found[0].end == len(phrase) and found[0].value.kind != "media":
            return found[0].value
    return None


def _office_of_the_place(sentence: str, speaker: Speaker) -> Claimant | None:
    """An office named without whose ("Israel revises down the toll - foreign ministry", "Turkey's toll rose
    to 45,968: Interior minister"): the office of the one place the sentence names, when the lexicon
    names that office ("Israel's foreign ministry" -> Israeli Foreign Ministry); never a guess between two."""
    from tollbook.extract.places import _index as place_index

    office = _COUNTRY_OWNER.sub("", _LEADING_THE.sub("", speaker.text, 1), 1)  # "the country's disaster agency"
    if not office:
        return None
    # "a foreign ministry spokesman" speaks for the foreign ministry
    offices = [office, *([_SPEAKS_FOR.sub("", office)] if _SPEAKS_FOR.search(office) else [])]
    found: dict[str, Claimant] = {}
    for m in place_index().find(sentence, fold(sentence)):  # an owner too: "Turkey's toll"
        if not m.text[:1].isupper() or speaker.start <= m.start < speaker.end:
            continue
        for phrase in (f"{m.text}{own} {o}" for o in offices for own in ("'s", "")):  # "Gaza's", "Gaza health authorities"
            hits = _index()[0].find(phrase)
            if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(phrase) and hits[0].value.kind != "media":
                found[hits[0].value.name] = hits[0].value
                break
    return next(iter(found.values())) if len(found) == 1 else None


def office_of_the_document(text: str, words: str, named: bool = False) -> Claimant | None:
    """An office the sentence names without whose ("a health ministry official said"), read against the top of
    the document: the office of the one place its headline and lede name, never a guess between two. A body
    `named` in full ("the Department of Public Safety") keeps its "of"."""
    office = words if named else _OFFICE_COMPLEMENT.split(words, 1)[0]  # "health authorities of the Hamas-run territory": the office
    top = text[:_DOCUMENT_TOP]
    if len(_LEADING_THE.sub("", office.strip(), 1).split()) < 2 and len(_places_named(top)) > 1:
        return None  # "officials" in a report naming Puerto Rico and the U.S.: either's; "health authorities" is one office
    return _office_of_the_place(top, Speaker(office, None, -1, -1))


def body_named_before(text: str, name: str, before: int) -> Claimant | None:
    """A body read from the text that is the tail of one the lexicon knows, named earlier in the document:
    "the Health Ministry" after "Gaza's Health Ministry"; never a guess between two."""
    tail = name.lower().removeprefix("the ")
    found = {m.value.name: m.value for m in _bodies_in(text, current()) if m.end <= before
             and m.value.kind != "media" and (m.text.lower().endswith(tail) or m.value.name.lower().endswith(tail))}
    if len(found) != 1:
        return None
    body = next(iter(found.values()))
    return Claimant(body.name, body.kind, body.country)


@functools.lru_cache(maxsize=4)
def _bodies_in(text: str, language: str) -> tuple[Match[Claimant], ...]:
    """Every body the lexicon knows in a document, found once: a long report asks before many of its figures."""
    return tuple(_index()[0].find(text, fold(text)))


def government_of_the_governor(text: str) -> Claimant | None:
    """The government of the one place the document calls someone governor of ("Puerto Rico's governor",
    "the governor of Puerto Rico"), as the lexicon names it."""
    from tollbook.extract.places import _index as place_index

    found: dict[str, Claimant] = {}
    for g in _GOVERNOR_OF.finditer(text):
        where = g.group("owner") or g.group("of")
        hits = place_index().find(where, fold(where))
        if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(where):
            government = _government_of(where)
            if government is not None:
                found[government.name] = government
    return next(iter(found.values())) if len(found) == 1 else None


_GOVERNOR_OF = re.compile(r"\b(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['\u2019]s\s+governor\b"
                          r"|\bgovernor\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})")


def _places_named(text: str) -> set[str]:
    from tollbook.extract.places import _index as place_index
    from tollbook.lexicons.gazetteer import place_at

    return {place_at(m.value).code for m in place_index().find(text, fold(text)) if m.text[:1].isupper()}


_DOCUMENT_TOP = 400
_OFFICE_COMPLEMENT = re.compile(r"\s+(?:in|of|at|for|from)\s+")
_COUNTRY_OWNER = re.compile(r"(?:country|nation)['\u2019]s\s+", re.IGNORECASE)
_GROUP_OF_PEOPLE = re.compile(r"\b(?:officials|authorities|sources)$", re.IGNORECASE)
_JOINT_OWNER = re.compile(r"\b[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)?\s+(?:and|or)\s+$")
_SPEAKS_FOR = re.compile(r"\s+(?:spokes(?:man|woman|person)|press officer|official|chief|head)$", re.IGNORECASE)


def _official_figures(sentence: str) -> Attribution | None:
    """"according to official Turkish data": the country's officials as the lexicon names them, else its authorities."""
    m = en.OFFICIAL_FIGURES.search(sentence)
    if m is None:
        return None
    who = m.group("who") or m.group("who2")
    if who is None:  # officials of the figure's place, once it is known (the pipeline's `_name_the_roles`)
        return Attribution(OFFICIAL_FIGURES, m.group(0), m.start(), m.end())
    for phrase in (f"{who} officials", f"{who} government", f"{who} authorities"):
        found = _index()[0].find(phrase)
        if found and found[0].start == 0 and found[0].end == len(phrase):
            return Attribution(found[0].value, m.group(0), m.start(), m.end())
    return Attribution(Claimant(f"{who} authorities", "government", None), m.group(0), m.start(), m.end())


# "did not confirm", "declined to say": no one vouches for the figure
_NEGATED = re.compile(r"(?:\bnot|n't|\bnever|\bdeclined to|\brefused to|\bunable to)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_APPOSITION = re.compile(r",[^,;]{3,70},")
# "according to a report by the Institute for National Security Studies"
_REPORT_BY = re.compile(r"\s+(?:(?:a|an|the)\s+)?(?:new\s+|latest\s+)?(?:report|data|figures|study|count|tally|estimate|"
                        r"statement|analysis|survey)s?\s+(?:by|from|of)\s+(?:the\s+)?", re.IGNORECASE)
# a body after the verb that ends the clause speaks ("..., said the ministry.", "said the ministry on Monday")
_CLOSES_CLAUSE = re.compile(r"\s*(?:[.,;:!?\"\u201d)]|$|\s(?:on|in|late|early|earlier|later|last|this|yesterday|today)\b)")
_IN_PLACES = re.compile(r"\s+(?:in|from|of)\s+(?:the\s+)?[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?(?:\s+and\s+[A-Z][\w'\u2019-]+)?")
# cues that take no subject before them: "according to X", "cited by X", "as reported by X", "per X"
_NO_SUBJECT = re.compile(r"(?:according to|per|via|as quoted by|quoted by|\w+ed by)\b|\w+\s+by\b", re.IGNORECASE)
_ACCORDING_GAP = re.compile(r"[^,;:\d]*")
_IN_PLACE = re.compile(r"\s+(?:in|of|for)\s+(?:the\s+)?")
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who|whose|whom)\b[^,;]{0,80},")
_ENDS_SENTENCE = re.compile(r"[.!?\"\u201d\u2019')]\s*$")


_COMPLEMENT = re.compile(r"\s*,?\s*(?:[\w'\u2019-]+\s+){0,3}?(?:of|for|at|from|with|in)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}$")


def _within(sentence: str, m: Match[Claimant], speaker: Speaker) -> bool:
    """The body is part of the speaker's phrase, or its complement right after ("minister X of the eastern government")."""
    if speaker.start <= m.start < speaker.end:
        return True
    return m.start >= speaker.end and _COMPLEMENT.fullmatch(sentence, speaker.end, m.start) is not None


def _speaker_attribution(sentence: str, speaker: Speaker, named: list[Match[Claimant]],
                         media: list[Match[Claimant]]) -> Attribution:
    """A person or office as claimant: the body named in the same phrase is the claimant, the person kept beside it;
    an office with neither ("a local health official") is anonymous, its words kept."""
    body = next((m for m in named if m.value.kind != "media" and _within(sentence, m, speaker)), None)
    composed = None
    end = max(speaker.end, body.end) if body is not None else speaker.end
    via = tuple(SourceRef(m.value.name, "media", m.text) for m in media if m is not body)
    text = speaker.text if body is None else f"{speaker.text} ({body.text})" if body.start >= speaker.end else speaker.text
    if body is not None:
        c = body.value
        claimant = Claimant(c.name, c.kind, c.country, speaker.person or c.person)
    elif speaker.person:
        claimant = person_claimant(speaker.person)
    elif (composed := _composed_body(speaker.text)) is not None:
        claimant = composed  # "the health ministry in the Hamas-run territory": the lexicon's "Hamas-run health ministry"
    elif speaker.place:
        claimant = _government_of(speaker.text) or Claimant(speaker.text, "government", None)
    elif speaker.body:
        heads = _organisation_pattern()[1]
        claimant = Claimant(speaker.text, heads.get(speaker.text.split()[-1].lower(), speaker.kind or "government"), None)
    else:
        # "..., says US": a country the gazetteer does not list by that name, whose government the lexicon names
        claimant = _government_of(speaker.text) or _office_of_the_place(sentence, speaker) or ANONYMOUS
    # an office named with its complement ("the health ministry in the Hamas-run territory") is no back-reference
    # to whoever spoke before; "the governor said" is, and the pipeline looks for the office's holder
    back = speaker.back and body is None and claimant is not composed
    return Attribution(claimant, text, speaker.start, end, via, back=back)


@per_language
def _organisation_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    heads = {h: kind for kind, words in load("cues.toml")["organisation"].items() for h in words}
    alternation = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    pattern = re.compile(  # "the Buncombe County sheriff's office"; "the Institute for National Security Studies"
        r"\b((?:[A-Z][\w.&-]*(?:['’]s)?\s+){1,4}(?:[a-z][\w-]*(?:['’]s)?\s+){0,2}(?i:" + alternation + r")"
        r"|(?:[A-Z][\w.&-]*\s+){0,2}(?i:" + alternation + r")\s+(?:for|of|on)\s+(?:the\s+)?(?:[A-Z][\w.&'-]*\s?){1,5})\b")
    return pattern, heads


def may_refer_back(words: str, earlier: Claimant) -> bool:
    """Whether "the <office> said" may be the body named before: not when its head noun names another kind
    ("the Army spokesman" after the health ministry, "the government" after the WHO). State bodies and
    officials go together; "the agency" or "the office" may be any body."""
    heads = _organisation_pattern()[1]
    kinds = {heads[w] for w in words.lower().split() if w in heads and w not in _ANY_BODY}
    if not kinds or earlier.kind == "person":
        return True
    return any(k == earlier.kind or k in _STATE and earlier.kind in _STATE for k in kinds)


_ANY_BODY = frozenset({"agency", "office", "service", "services", "group", "project", "mission", "organization",
                       "organisation", "programme", "program", "fund"})
_STATE = frozenset({"government", "ministry", "official"})


@per_language
def _heads_index() -> PhraseIndex[str]:
    """The organisation heads as one automaton: a cheap test before the pattern that needs one."""
    return PhraseIndex((h, h) for h in _organisation_pattern()[1])


def _unknown_organisation(sentence: str, verbs: list[Match[str]]) -> Attribution | None:
    """A named body the lexicon does not know, speaking through an attribution verb.

    It must be the verb's subject ("X said", "X, the agency, told") or close the sentence
    ("..., said the X."): a body named after "said" is usually inside the reported clause.
    """
    from tollbook.extract.actors import find_actors

    pattern, heads = _organisation_pattern()
    # only near a verb: the body must be its subject, close the sentence after it, or follow "a report by"
    lo = max(0, min(v.start for v in verbs) - 140)
    hi = min(len(sentence), max(v.end for v in verbs) + 100)
    if not _heads_index().find(sentence[lo:hi]):
        return None  # no "agency", "ministry", "group" ... near a verb: the costly pattern cannot match
    for m in pattern.finditer(sentence, lo, hi):
        # the name without its article, its possessive or the space the pattern took after it, and where it ends
        whole, at = m.group(1).rstrip(), m.start(1)
        capitals = whole.isupper()
        if capitals:
            # wire copy in capitals: every word looks like a name's ("AT NOON THE HONDURAN GOVERNMENT", "OF THE
            # PATRIOTIC RESISTANCE FRONT"); the body's name starts at its last article
            trimmed = _UP_TO_LAST_ARTICLE.sub("", whole, 1)
            whole, at = trimmed, at + len(whole) - len(trimmed)
        name = _POSSESSIVE.sub("", en.NAME_DETERMINER.sub("", whole))
        if not name[:1].isupper() or not any(w[:1].isupper() for w in name.split()[1:]) and " " in name \
                and name.split()[0].lower() in heads:
            continue  # "Institute for the study" with no name after it
        end = at + len(_POSSESSIVE.sub("", whole))
        if capitals and " " not in name and name.lower() in heads and any(0 <= v.start - end <= 25 for v in verbs):
            # "THE POLICE SAID": an unnamed office, as "the police said" is in mixed case
            return Attribution(ANONYMOUS, sentence[at:end], at, end)
        if not re.match(r"[A-Z]", name) or " " not in name and name.lower() in heads:
            continue  # "the ministry": a back-reference, not a new claimant
        start = end - len(name)
        aside = _APPOSITION.match(sentence, end)  # "the White Helmets group, officially known as ..., reported"
        after = aside.end() if aside else end
        speaks = any(0 <= v.start - after <= 25 for v in verbs) or any(
            0 <= start - v.end <= 6 and re.match(r"\s*(?:[.,;]|$)", sentence[end:]) for v in verbs) or any(
            0 <= start - v.end <= 40 and _REPORT_BY.fullmatch(sentence, v.end, start) for v in verbs)
        if not speaks:
            continue
        head = next((h for h in sorted(heads, key=len, reverse=True) if name.lower().endswith(h)), None) or \
            next(h for h in sorted(heads, key=len, reverse=True) if re.match(rf"(?:\S+\s+){{0,2}}{re.escape(h)}\b", name.lower()))
        as_actor = find_actors(name, name.lower())
        if as_actor and as_actor[0].start == 0 and as_actor[0].end == len(name):
            return Attribution(Claimant(as_actor[0].value.name, "military", as_actor[0].value.country), name, start, end)
        known = _composed_body(name)  # "the Hamas-controlled government's health ministry": the lexicon's body
        return _with_person_before(sentence, known or Claimant(name, heads[head], None), start, end)
    return None


_POSSESSIVE = re.compile(r"['\u2019]s?$")
_UP_TO_LAST_ARTICLE = re.compile(r"^(?:.*\s)?(?:(?:THE|A|AN)\s+)+")  # in capitals: a name starts after its last article


@per_language
def _regional_index() -> PhraseIndex[str]:
    return PhraseIndex((w, "regional") for w in load("cues.toml")["attribution"].get("regional", []))


# a regional administration by its canonical (English) name, in every language's lexicon
_REGIONAL_BODY = re.compile(r"\b(?:Oblast|Regional|Region|Krai|Province|Governorate)\b")


def regional_authorities(sentence: str, document: str) -> Attribution | None:
    """"Об этом сообщили власти региона", "regional authorities said": the region's authorities are the
    one regional administration the document names (by its governor or its office), never a guess
    between two."""
    words = _regional_index().find(sentence, fold(sentence))
    if not words:
        return None
    bodies = {h.value.name: h.value for h in _bodies_in(document, current()) if _REGIONAL_BODY.search(h.value.name)}
    if len(bodies) != 1:
        return None
    body, w = next(iter(bodies.values())), words[0]
    return Attribution(Claimant(body.name, body.kind, body.country), w.text, w.start, w.end)


def points_back(sentence: str) -> bool:
    """'This was reported by X': the claimant belongs to the figures already given."""
    return bool(_back_patterns()[0].match(sentence.strip()))


def has_pointer_back(paragraph: str) -> bool:
    """Whether any sentence of a paragraph is a 'This was reported by X'."""
    return _back_patterns()[1].search(paragraph) is not None


def refers_to_earlier(sentence: str) -> bool:
    """'According to him', 'As noted in the summary': the claimant is one named earlier."""
    return bool(_back_patterns()[2].search(sentence) or en.AS_NOTED.search(sentence))


def source_chain(attribution: Attribution | None, outlet: str | None) -> tuple[str | None, tuple[SourceRef, ...]]:
    """(canonical source, chain from originator to outlet)."""
    chain: list[SourceRef] = []
    if attribution is not None:
        c = attribution.claimant
        chain.append(SourceRef(c.name, c.kind, attribution.text))  # type: ignore[arg-type]
        chain += [s for s in attribution.intermediaries if s.name != outlet]
    if outlet:
        chain.append(SourceRef(outlet, "outlet", None))
    source = attribution.claimant.name if attribution is not None else outlet
    return source, tuple(chain)
