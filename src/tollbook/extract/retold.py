"""A headline or summary figure retold from the body keeps the body's claimant, and so does a body figure
that repeats one given, with its claimant, further up.

"Death toll in Derna rises to 5,200" over a body that says "... 5,200, the interior minister
said": the headline names no one, but the figure is the minister's, and the outlet only
retells it. Crediting the outlet would make every headline a new originator (reconciliation
would count the minister twice) and lose who gave the figure. The claim says how its source
was found: attribution "body". The self-check still sees a headline that names no claimant
(only "explicit" and "carried" are the headline's own words).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from tollbook.extract.attribution import claimant_index, country_of, named_by_its_place
from tollbook.lang import grammar
from tollbook.lexicons import fold
from tollbook.lexicons.measures import measure_family
from tollbook.model import Claim

RETOLD_SECTIONS = frozenset({"headline", "summary"})


def _figure(c: Claim) -> float | None:
    """The number the words give: best, else the bound given ("more than 5,100")."""
    return c.best if c.best is not None else (c.low if c.low is not None else c.high)


# A headline may state an estimate as fact (the self-check's finding, not another originator's figure);
# a denial or a projection is another statement.
_MOOD = {"reported": "stated", "estimated": "stated", "hypothetical": "projected", "forecast": "projected"}


def _retellable(c: Claim) -> bool:
    """A figure a headline can retell as its own: a number, not "hundreds" or a share of another figure."""
    return c.derived_from is None and c.qualifier != "vague" and _figure(c) is not None


def _retold_as(c: Claim) -> tuple:
    """What a retelling keeps: the number, the measure family, the unit and the mood."""
    return _figure(c), measure_family(c.measure), c.unit, _MOOD.get(c.modality, c.modality)


def credit_from_body(claims: list[Claim], text: str) -> None:
    """Give each headline or summary figure with no claimant of its own, and each body figure repeated
    further down, the source of the first body figure with the same number, measure family, unit and
    mood whose claimant the body names."""
    _one_of_those_named(claims, text)
    body: dict[tuple, Claim] = {}
    for c in claims:
        if c.section == "body" and c.attribution in ("explicit", "carried") and _retellable(c):
            body.setdefault(_retold_as(c), c)
    if not body:
        return
    for i, c in enumerate(claims):
        if not _retellable(c):
            continue
        if c.attribution not in (None, "outlet"):
            if c.section in RETOLD_SECTIONS and _the_state_speaking(c, body.get(_retold_as(c))):
                twin = body[_retold_as(c)]
                claims[i] = replace(c, source=twin.source, sources=twin.sources, attribution="body")
            continue
        twin = body.get(_retold_as(c))
        # the headline retells the body; in the body, a figure stated without a claimant is the one stated with
        # a claimant elsewhere ("besides the 1,354 dead", a lede the next paragraph credits), at the same date
        # (not "earlier, 18 were reported dead"), or at any date when its words point back at one given above
        # ("Of the 1,200 deaths, ...")
        if twin is None and c.section in RETOLD_SECTIONS:
            twin = _rounded_twin(c, body.values())
        if twin is not None and (c.section in RETOLD_SECTIONS or c.section == "body" and (
                twin.date_end == c.date_end or twin.start < c.start and _points_back(text, c))):
            claims[i] = replace(c, source=twin.source, sources=twin.sources, attribution="body")


def _points_back(text: str, c: Claim) -> bool:
    """Whether the words right before a figure point at one given already ("the 1,200 deaths")."""
    return grammar().DEFINITE_BEFORE.search(text, max(0, c.start - 12), c.start) is not None


def _one_of_those_named(claims: list[Claim], text: str) -> None:
    """"X and Y said" over a lead's figures, then Y alone gives one of them further down: that figure is Y's,
    X only named first ("7 dead, 25 treated, the city's military chief and the mayor said", then the mayor
    quoted on the 25)."""
    stated: dict[tuple, list[int]] = {}  # each figure's explicit statements in the body, in text order
    for i, t in enumerate(claims):
        if t.section == "body" and t.attribution == "explicit" and t.source is not None and _retellable(t):
            stated.setdefault(_retold_as(t), []).append(i)
    for i, c in enumerate(claims):
        if c.section != "body" or c.attribution not in ("explicit", "carried") or not _retellable(c) \
                or not c.sources or not c.sources[0].text:
            continue
        after = stated.get(_retold_as(c), [])
        later = next((claims[j] for j in after[bisect.bisect_right(after, i):] if claims[j].source != c.source), None)
        if later is not None and later.source in _named_with(text, c.sources[0].text, c.start):
            claims[i] = replace(c, source=later.source, sources=later.sources)


_NEAR = 1_500  # how far from a figure the words naming its claimant are looked for
_AND = re.compile(r"\s(?:and|и|і|й|та)\s")
_SENTENCE_END = re.compile(r"[.!?\n]")


def _named_with(text: str, words: str, near: int) -> set[str]:
    """The claimants named right after these words, joined to them by "and", in the same sentence
    ("начальник КМВА ... та міський голова"), at the mention of the words nearest the figure."""
    lo = max(0, near - _NEAR)
    found = [lo + m.start() for m in re.finditer(re.escape(words), text[lo:near + _NEAR])]
    if not found:
        return set()
    end = min(found, key=lambda at: abs(at - near)) + len(words)
    stop = _SENTENCE_END.search(text, end, end + 160)
    rest = text[end:stop.start() if stop else end + 160]
    joined = _AND.search(rest, 0, 60)
    if joined is None:
        return set()
    tail = rest[joined.end():]
    return {m.value.name for m in claimant_index().find(tail, fold(tail))}


def _the_state_speaking(c: Claim, twin: Claim | None) -> bool:
    """A headline crediting a figure to a state by its name ("Israel revises the toll to 1,200") over a body
    that names which of its offices gave it (the foreign ministry's spokesperson): the office is the claimant,
    the state's name only its short form. Never another country's body, nor a body the lexicon does not place."""
    if twin is None or not c.sources or twin.source == c.source or not named_by_its_place(c.sources[0]):
        return False
    country = country_of(c.source or "")
    return country is not None and country == country_of(twin.source or "")


def _rounded_twin(c: Claim, body: object) -> Claim | None:
    """The one body figure a round headline figure rounds: "more than 77 thousand" over the body's 77,143,
    "about 5,000" over 5,012 (within 2% of it, and above it for "more than")."""
    value = _figure(c)
    if not value or value % 100:
        return None
    kind = _retold_as(c)[1:]
    near = [b for b in body if _retold_as(b)[1:] == kind and (v := _figure(b)) is not None and v != value
            and abs(v - value) <= 0.02 * value and (c.qualifier != "more_than" or v > value)]
    return near[0] if len(near) == 1 else None
