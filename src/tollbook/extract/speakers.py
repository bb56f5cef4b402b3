"""Speakers the claimant lexicon does not know: a named person or an office, tied to a verb of saying.

Real copy credits most figures to people ("Kamal al-Siwi, the official in charge of
identification, said"), to offices ("a district health official said on Friday", "the mayor
said") and, in headlines, to a tag ("..., mayor says", "... - minister"). Without them a
figure falls to the outlet, or to a body named elsewhere in the sentence. The person is
kept beside the office, and beside the body when one is named in the same phrase
("a spokesperson for Hifter's forces").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tollbook.lang import per_language
from tollbook.lexicons import load

_NAME_WORD = r"(?:[A-Z][\w'\u2019.-]*|(?:al|el|ibn|abu|abd)-[\w'\u2019-]+|(?:bin|ibn|de|da|van|von|der|le|la|al|el|abu)(?=\s))"
_NAME = rf"(?:[A-Z][\w'\u2019.-]+(?:\s+{_NAME_WORD}){{1,3}})"
_SAY = (r"(?:said|says|say|told|tells|tell|estimate|report|confirm|claim|warn|insist|added|adds|gave|pointed out|estimated|estimates|announced|announces|confirmed|confirms|stated|"
        r"states|reported|reports|wrote|writes|posted|declared|declares|noted|notes|claimed|claims|tweeted|tweets|"
        r"acknowledged|acknowledges|warned|warns|denied|denies|disputed|disputes|found|finds|insisted|insists|"
        r"counted|counts|tallied|documented|put|puts|placed|places|described|describes|"
        r"revised|revises|raised|raises|lowered|lowers|updated|updates)")
# "police counted 64", "the ministry revised its toll to 471" (not "recorded": "Myanmar recorded 1,000")
_ADVERBIAL = r"(?:(?:also|later|earlier|previously|separately|then|now|had|has|have|on\s+\w+|in\s+a\s+[\w-]+(?:\s+[\w-]+)?|\w+ly)\s+)*"
_DETERMINER = r"(?:(?:the|a|an|its|their|his|her|one)\s+)"


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who spoke: the words naming them, a person's name if given, and where in the sentence."""

    text: str
    person: str | None
    start: int
    end: int
    place: bool = False  # a country or city named as speaker: its authorities
    back: bool = False  # "the governor": an office named with "the", whose holder is named elsewhere
    body: bool = False  # a body the claimant lexicon does not know, named in full ("Center for Investigative Journalism")
    kind: str | None = None  # the body's kind when the words tell it ("a Harvard study": research, an ngo)


@per_language
def _patterns() -> tuple[re.Pattern[str], ...]:
    roles = sorted(load("cues.toml")["roles"]["words"], key=len, reverse=True)
    role = "(?i:" + "|".join(re.escape(r) for r in roles) + ")"
    # greedy: "a foreign ministry spokesman" is a spokesman; no conjunction or article inside ("the toll in Gaza
    # rose and the Health Ministry said": the ministry speaks, not "Gaza rose and the Health Ministry")
    modifier = r"(?:(?!(?:but|while|the|a|an|that|which|who)\s|(?:and|or)\s+(?:the|a|an)\s)[A-Za-z][\w'\u2019-]*\s+){0,4}"
    of_body = rf"(?:\s+(?:of|for|at|in|with)\s+(?:the\s+)?(?:[A-Z][\w'\u2019&.-]*|[a-z][\w-]*)(?:\s+(?:[A-Z][\w'\u2019&.-]*|of|for|and|the|[a-z][\w-]*)){{0,6}}?)?"
    office = rf"(?:\b{_DETERMINER}?{modifier}{role}\b{of_body})"  # from a word's start: not "hat health authorities"
    return (
        # first, as "..., according to X" vouches for the whole sentence, a subject inside it included:
        # "according to interior minister Lina Hadad of the province's northern government"
        # "according to the navy's spokesman, Tomas Weller." (or ", Tomas Weller, told ..."); "..., the paper reported,
        # citing a provincial official"
        re.compile(rf"\b(?i:according\s+to|citing|quoting)\s+(?:(?P<office>{office})(?:\s+(?P<name>{_NAME})(?<!\.)|\s*,\s+(?P<name3>{_NAME})(?<!\.)(?=\s*(?:[.;,]|$)))?"
                   rf"|(?P<name2>{_NAME})(?:,\s+(?P<office2>{office}))?)"),
        # "Kamal al-Siwi, the official in charge of identification, said"; "Ossama Hamad, head of the government, on Monday said"
        re.compile(rf"(?P<name>{_NAME}),\s+(?P<office>{office})[^,;]{{0,80}}?,\s+{_ADVERBIAL}{_SAY}\b"),
        # "interior minister Lina Hadad said", "Mayor Karim al-Sabti said", "a district health official said on Friday"
        # "the interior ministry, which answers to the de facto government, said": a relative clause between office and verb
        # "the interior minister, Ramón Ortiz, said": the name in apposition after the office
        re.compile(rf"(?P<office>{office})(?:\s+(?P<name>{_NAME})(?:\s+(?:of|for|at)\s+[^,;]{{0,50}}?)?|\s*,\s+(?P<name3>{_NAME}),)?"
                   rf"(?:,\s+(?:which|who|whose)\s[^,;]{{0,80}},)?\s+{_ADVERBIAL}{_SAY}\b"),
        # "..., said the mayor." / "..., said Marie el-Drese, secretary general of the group."
        re.compile(rf"\b{_SAY}\s+(?:(?P<office>{office})(?:\s*,?\s+(?P<name>{_NAME})(?<!\.))?|(?P<name2>{_NAME})(?:,\s+(?P<office2>{office}))?)\s*(?:[.,;]|$)"),
        # "This was stated by Serhiy Cherevaty, spokesman for the Eastern grouping"
        re.compile(rf"\b(?:stated|said|reported|announced|confirmed|given|released|published|told)\s+by\s+(?:(?P<office>{office})(?:\s+(?P<name>{_NAME}))?|(?P<name2>{_NAME})(?:,\s+(?P<office2>{office}))?)"),
        # a named person as the subject: "Prigozhin said", "Yevgeny Prigozhin told reporters"
        re.compile(rf"(?P<name>{_NAME}|(?<![\w.] )[A-Z][a-z]{{3,}}(?=\s+{_ADVERBIAL}{_SAY}))\s+{_ADVERBIAL}{_SAY}\b"),
    )


@per_language
def _headline_tag() -> re.Pattern[str]:
    roles = sorted(load("cues.toml")["roles"]["words"], key=len, reverse=True)
    role = "(?i:" + "|".join(re.escape(r) for r in roles) + ")"
    who = rf"(?:{_DETERMINER}?(?:[A-Za-z][\w'\u2019-]*\s+){{0,3}}?{role}|{_NAME}|[A-Z][\w'\u2019.-]+)"
    # "..., mayor says", "... - minister", "...: Zelensky", "... \u2013 Zelenskyy", "..., says US"
    return re.compile(rf"(?:,\s*|\s[-\u2013\u2014]\s*|:\s*)(?P<who>{who})(?:\s+(?:says|said|warns|claims|estimates))?\s*$|"
                      rf",\s*(?:says|said|warns|claims|estimates)\s+(?P<who2>{who})\s*$")


# Where each pattern can match: after "according to" (the first), around a verb of saying (the next three
# and the last) or after "by" (the fifth). A pattern is searched only in windows around these anchors, never
# along a whole long sentence: the office patterns are costly.
_SAY_AT = re.compile(rf"\b{_SAY}\b")
_BY_AT = re.compile(r"\bby\s")
_ACCORDING_AT = re.compile(r"\b(?:according\s+to|citing|quoting)\b", re.IGNORECASE)
_BEFORE, _AFTER = 200, 160
# a lone capitalised word that names no one: a verb of saying used as a noun ("Reports"), an adverb ("Earlier")
_NO_ONES_NAME = re.compile(rf"{_SAY}|also|later|earlier|previously|separately|then|now|\w+ly")
_SAY_NEXT = re.compile(rf"\s+{_ADVERBIAL}{_SAY}\b")  # "Local reports said": the first verb was a noun


def _anchored(pattern: re.Pattern[str], sentence: str, anchors: list[re.Match[str]], before: int,
              after: int) -> re.Match[str] | None:
    for a in anchors:
        m = pattern.search(sentence, max(0, a.start() - before), min(len(sentence), a.end() + after))
        if m is not None:
            return m
    return None


def find_speaker(sentence: str) -> Speaker | None:
    """The person or office this sentence credits with its figures, if it names one."""
    study = _study_speaker(sentence)  # "researchers at X found": X, not an unnamed office
    if study is not None:
        return study
    says = list(_SAY_AT.finditer(sentence))
    office = _role_words().search(sentence) is not None  # the second and third patterns need an office
    anchors = [list(_ACCORDING_AT.finditer(sentence)), says if office else [], says if office else [], says,
               list(_BY_AT.finditer(sentence)), says]
    spans = [(0, _AFTER), (_BEFORE, 0), (_BEFORE, 0), (0, _AFTER), (12, _AFTER), (_BEFORE, 0)]
    for pattern, found, (before, after) in zip(_patterns(), anchors, spans):
        m = _anchored(pattern, sentence, found, before, after) if found else None
        if m is None:
            continue
        groups = {k: v for k, v in m.groupdict().items() if v}
        name = groups.get("name") or groups.get("name2") or groups.get("name3")
        if name and " " not in name and (_NO_ONES_NAME.fullmatch(name.lower()) or _SAY_NEXT.match(sentence, m.end())):
            continue  # "Reports said", "Earlier reports said", "Local reports say": a noun phrase, no one's name
        office = groups.get("office") or groups.get("office2")
        if groups.get("office") and not name and _SINGULAR_WITH_BARE_VERB.search(m.group(0)):
            continue  # "the official estimate of the toll": a role word as an adjective, not "officials estimate"
        if name is not None and office is None and not is_place(name):
            name_start = m.start("name" if groups.get("name") else "name2")
            if _INSIDE_A_NAME.search(sentence, max(0, name_start - 30), name_start):
                # "the Center for Investigative Journalism found": the tail of a body's name, not a person
                whole = _BODY_NAME_BEFORE.search(sentence, max(0, name_start - 80), name_start)
                if whole is None or not _ORGANISATION_WORD.search(whole.group(0)):
                    continue
                start = whole.start() + len(_LEADING_THE.match(whole.group(0)).group(0))
                end = name_start + len(name)
                return Speaker(sentence[start:end], None, start, end, body=True)
        if name is not None and not _looks_like_person(name):
            if office is None and is_place(name):
                start, end = m.span("name") if groups.get("name") else m.span("name2")
                return Speaker(name, None, start, end, place=True)
            name = None
            if office is None:
                continue
        spans = [m.span(k) for k in ("name", "name2", "name3", "office", "office2") if groups.get(k)]
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        if name is None and office and _BODY_WORD.search(office) and _CAPITALISED.search(_LEADING_THE.sub("", office, 1)):
            # "the Lagos State Emergency Management Agency said": a named body, not a back-reference
            rest = _LEADING_THE.sub("", office, 1)
            lead = len(office) - len(rest) + _CAPITALISED.search(rest).start()  # "the opposition National Unity Government"
            return Speaker(office[lead:], None, start + lead, end, body=True)
        # "the spokesperson said", "the US territory's governor said": one named earlier, or elsewhere
        back = name is None and _BACK_REFERENCE.match(office or "") is not None
        return Speaker(sentence[start:end], name, start, end, back=back)
    for m in _PLACE_SAYS.finditer(sentence):  # "... after Turkey declared more than 44,000 died": a country's authorities
        if is_place(m.group(1)) and not _PLACE_IN_A_NAME.search(sentence, max(0, m.start(1) - 30), m.start(1)):
            return Speaker(m.group(1), None, m.start(1), m.end(1), place=True)  # not "the Armed Forces of Ukraine said"
    return None


_NAME_OF_BODY = r"[A-Z][\w'\u2019&.-]*(?:\s+(?:(?:of|for|and)\s+)?[A-Z][\w'\u2019&.-]*)*"
_STUDY_VERB_REACH = 200
_POSSESSIVE_END = re.compile(r"['\u2019]s$|\.+$")  # "Harvard's", "... Studies." at a sentence's end


@per_language
def _study_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    words = load("cues.toml").get("studies")
    if words is None:
        return None  # a language whose cues name no studies
    nouns = "|".join(re.escape(w) for w in sorted(words["nouns"], key=len, reverse=True))
    verbs = "|".join(re.escape(w) for w in sorted(words["verbs"], key=len, reverse=True))
    # "scientists at the Lowland Institute", "a study by Brennan University";
    # "Harvard researchers", "Harvard's study", "a George Washington University study"
    by = re.compile(rf"\b(?i:{nouns})\s+(?:at|from|by|of)\s+(?:the\s+)?(?P<body>{_NAME_OF_BODY})")
    owner = re.compile(rf"(?<![\w'\u2019.-])(?P<body>{_NAME_OF_BODY})(?:['\u2019]s)?\s+(?i:{nouns})\b")
    return re.compile(rf"\b(?i:{nouns})\b"), by, owner, re.compile(rf"\b(?:{verbs})\b")


def _study_speaker(sentence: str) -> Speaker | None:
    """A study's maker as the speaker, when the sentence says what the study did ("... surveyed thousands of
    households and found evidence of 4,645 excess deaths"): never a place ("a Puerto Rico study") or a word
    that names no one ("The study")."""
    patterns = _study_patterns()
    if patterns is None or patterns[0].search(sentence) is None:
        return None  # no word of a study: the name patterns, costly along a sentence, are not tried
    _, by, owner, verbs = patterns
    from tollbook.extract.actors import names_a_people  # as `is_place`: the actor lexicon is loaded on demand

    for pattern in (by, owner):
        for m in pattern.finditer(sentence):
            if pattern is by and sentence[m.start()].isupper() and sentence[:m.start()].strip():
                continue  # "the Institute for the Study of War": a word of a name, not a study
            body = _POSSESSIVE_END.sub("", _LEADING_THE.sub("", m.group("body"), 1) if pattern is owner else m.group("body"))
            if not body or body.split()[0] in _NOT_NAMES or is_place(body) or names_a_people(body) \
                    or _SAY_AT.fullmatch(body.lower()):
                continue
            if verbs.search(sentence, m.end(), m.end() + _STUDY_VERB_REACH) is None and \
                    not _ACCORDING_AT.search(sentence, max(0, m.start() - 16), m.start()):
                continue
            start = m.start("body") + (len(m.group("body")) - len(body))
            return Speaker(body, None, start, start + len(body), body=True, kind="ngo")
    return None


def headline_speaker(headline: str) -> Speaker | None:
    """A headline's tag: "..., mayor says", "... - minister", "...: Zelensky"."""
    m = _headline_tag().search(headline.strip())
    if m is None:
        return None
    group = "who" if m.group("who") else "who2"
    who = m.group(group)
    if who in _NOT_NAMES:
        return None  # "...: Photos", "... - Live": a label of the page, not a speaker
    start = m.start(group)
    person = _looks_like_person(who) and not _role_words().fullmatch(who.split(" ", 1)[-1]) \
        and not _role_words().fullmatch(who.split()[-1])  # "...: Interior minister" is an office, not a name
    return Speaker(who, who if person else None, start, start + len(who), place=not person and is_place(who))


# one office (not "officials", not a collective like "police") followed by a verb's bare form does not agree
_SINGULAR_WITH_BARE_VERB = re.compile(
    r"\b(?!(?:police|military|army|staff|people|government|authorities)\b)[A-Za-z]+[^s\W]\s+"
    r"(?:estimate|report|confirm|claim|warn|insist|say|tell)$", re.IGNORECASE)
_PLACE_IN_A_NAME = re.compile(r"(?:\b(?i:in|of|for|from|at|on|and|the|to|with|by)\s+|[A-Z][\w'\u2019-]*\s+)$")
_PLACE_SAYS = re.compile(rf"\b([A-Z][a-z]{{3,}})\s+{_ADVERBIAL}(?:declared|announced|said|says|reported|confirmed|stated|revised|revises|raised|raises|lowered|lowers)\b")
_BODY_NAME_BEFORE = re.compile(r"(?:(?:the|a|an)\s+)?(?:(?:[A-Z][\w'\u2019&.-]*|of|for|the|and|on|at)\s+)+$")
_LEADING_THE = re.compile(r"(?:(?:the|a|an)\s+)?", re.IGNORECASE)
_BODY_WORD = re.compile(r"\b(?:agency|ministry|government|authority|service|department|command|administration|observatory)$",
                        re.IGNORECASE)
_CAPITALISED = re.compile(r"\b[A-Z]")
_INSIDE_A_NAME = re.compile(r"(?:\b(?:of|for|the|and|at|on)\s+|[A-Z][\w'\u2019-]*\s+)$")
_BACK_REFERENCE = re.compile(r"(?:the|its|their|his|her)\s", re.IGNORECASE)
_ORGANISATION_WORD = re.compile(r"\b(?:Ministry|Service|Forces|Force|Agency|Army|Command|Office|Department|Government|"
                                r"Group|Council|Committee|Organi[sz]ation|Authority|Police|Guard|Staff|Crescent|Cross|"
                                r"Observatory|Nations|Union|Institute|Intelligence|Hamas|Hezbollah|Center|Centre|"
                                r"University|School|Network|Agency|Foundation|Society|Commission|Bureau|Mission)\b")
_NOT_NAMES = frozenset("The This That These Those It He She They We Officials Police Rescuers Doctors Monday Tuesday "
                       "Wednesday Thursday Friday Saturday Sunday But And However Meanwhile "
                       # a headline's trailing label, not a speaker: "...: Photos", "... - Live"
                       "Photos Photo Video Videos Live Watch Opinion Analysis Explainer Update Updates Gallery".split())


_POSSESSIVE_WORD = re.compile(r"[\w.-]['\u2019]s\b")


def _looks_like_person(name: str) -> bool:
    first = name.split()[0]
    if not first[:1].isupper() or first in _NOT_NAMES or name.isupper() or _ORGANISATION_WORD.search(name):
        return False
    if _POSSESSIVE_WORD.search(name):
        return False  # "Libya's Derna": a place of a country, no one's name
    return not is_place(name)  # "Israel said": a country speaking through its government, not a person


def is_place(name: str) -> bool:
    """Whether the whole name is a place of the gazetteer ("Gaza Strip", "Puerto Rico"), by the
    extractor's own compiled place index (no second copy of the gazetteer is built)."""
    from tollbook.extract.places import _index

    return any(hit.start == 0 and hit.end == len(name) for hit in _index().find(name))


def role_of(text: str) -> str | None:
    """The role word of an unnamed speaker's words ("governor", "a local health official" -> "official")."""
    found = [m.group(0).lower() for m in _role_words().finditer(text) if not _BODY_WORD.search(m.group(0))]
    return found[0] if found else None  # "the health minister of the eastern government": a minister


def named_for_role(document: str, role: str) -> Speaker | None:
    """The one person the document names in this role ("Gov. Ricardo Rossello", "Hector Pesquera, the
    public safety secretary"), so that a headline's "governor says" or a later "the governor said" is
    credited to them; None when nobody or more than one person holds the role."""
    r = re.escape(role)
    titles = "|".join(re.escape(t) for t in [role, *load("cues.toml").get("role_abbreviations", {}).get(role, [])])
    pattern = re.compile(rf"(?i:\b(?:{titles})\.?)\s+(?P<a>{_NAME})|(?P<b>{_NAME}),\s+(?:{_DETERMINER})?(?:[\w'\u2019-]+\s+){{0,3}}?(?i:{r})\b"
                         rf"|(?i:\b{r})\s+of\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){{0,4}}?[\w'\u2019-]+,\s+(?P<c>{_NAME})")
    wider = _wider_roles(role)
    people: dict[str, tuple[bool, Speaker]] = {}  # by surname: (title before the name, the mention)
    for m in pattern.finditer(document):
        name = m.group("a") or m.group("b") or m.group("c")
        if not _looks_like_person(name):
            continue
        title = (m.end("b"), m.end()) if m.group("b") else (max(0, m.start() - 12), m.start("a" if m.group("a") else "c"))
        if wider is not None and wider.search(document, *title):
            continue  # "Prime Minister Ossama Hamad", "Smith, the deputy minister": another office than "the minister"
        titled, key = m.group("a") is not None or m.group("c") is not None, name.split()[-1]
        if key not in people or titled and not people[key][0]:  # "Gov. Ricardo Rossello" beats "Later Rossello, the governor"
            people[key] = (titled, Speaker(m.group(0), name, m.start(), m.end()))
    return next(iter(people.values()))[1] if len(people) == 1 else None


@per_language
def _wider_roles(role: str) -> re.Pattern[str] | None:
    """The listed offices that end in this one ("prime minister", "deputy minister" for "minister"), as one
    pattern; None when there are none."""
    wider = sorted((w for w in load("cues.toml")["roles"]["words"] if w.lower().endswith(" " + role.lower())),
                   key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in wider) + r")\b", re.IGNORECASE) if wider else None


@per_language
def _role_words() -> re.Pattern[str]:
    roles = sorted(load("cues.toml")["roles"]["words"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(r) for r in roles) + r")\b", re.IGNORECASE)
