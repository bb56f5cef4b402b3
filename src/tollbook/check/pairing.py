"""Which body claims a headline or summary claim is about.

A headline figure is paired with the body claim it most resembles: the same family
of measure (killed, casualties and the ambiguous "eliminated" count as one family),
the same kind of unit, a compatible actor and an overlapping or nearby value. The
pairing is deliberately tolerant (a headline that turned 1,530 casualties into
"1,500 killed" must still find its body figure) and the rules decide what changed.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass, field

from tollbook.lang import CURRENT as en
from tollbook.lang import per_language
from tollbook.lexicons import PhraseIndex, load, read_csv
from tollbook.lexicons.measures import measure_registry
from tollbook.model import Claim, Document, country_of_code

# Families for pairing (measures.toml, `family`): a headline may change the measure inside a
# family (losses shown as killed) and the pair must still form. Wounded/killed and
# damaged/destroyed pair only on an equal value (see `pair_score`).
_NEIGHBOURS = {frozenset({"losses", "wounded"}), frozenset({"losses", "missing"})}

_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013\u25aa\u25cf]|\d{1,2}[.)])\s+")


def family(claim: Claim) -> str | None:
    return family_of(claim.measure)


def family_of(measure: str | None) -> str | None:
    """The pairing family of a measure name, None for an unknown or missing one."""
    info = measure_registry().get(measure or "")
    return info.family if info else None


def unit_kind(claim: Claim) -> str | None:
    """'personnel', an equipment unit, or None when the extractor gave none."""
    return claim.unit


def line_at(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start:end if end >= 0 else len(text)]


class _Lines:
    """The lines of a text found once, so each claim's line is a bisection, not a scan of the text before it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def index(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def line(self, i: int) -> str:
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[i]:end]


@dataclass(frozen=True, slots=True)
class Roles:
    """Claims split by what the check does with them."""

    checked: tuple[Claim, ...]  # headline and summary bullets: condensations of the report
    evidence: tuple[Claim, ...]  # the body, plus a standfirst (a prose lede) above the headline
    sources: dict[str, str | None] = field(default_factory=dict)  # evidence claim id -> `effective_sources`


def split_roles(doc: Document, claims: list[Claim]) -> Roles:
    """Headline and bullet claims are checked; body and standfirst claims are the evidence.

    A standfirst ("As of mid-January 2025, North Korean forces had lost 4,000 personnel...")
    is marked summary by the reader but is written as reporting, not as a condensed point,
    so it is evidence like the body.
    """
    checked, evidence = [], []
    lines = _Lines(doc.text) if any(c.section == "summary" for c in claims) else None
    for c in claims:
        if c.section == "headline":
            checked.append(c)
        elif c.section == "summary" and lines is not None and _BULLET.match(lines.line(lines.index(c.start))):
            checked.append(c)
        elif c.section == "summary" and lines is not None and _is_label_block(lines, c):
            checked.append(c)
        else:
            evidence.append(c)
    return Roles(tuple(checked), tuple(evidence), effective_sources(tuple(evidence), doc.text))


def _is_label_block(lines: _Lines, claim: Claim) -> bool:
    """A summary line without a bullet that follows a 'Key points' label is still a point.

    The lines looked at are those before the last line of the text up to the claim (a claim
    at the start of its line skips the line above too, as it always has).
    """
    i = lines.index(claim.start)
    last = i if claim.start > lines.starts[i] else i - 1
    for j in range(last - 1, -1, -1):
        line = lines.line(j)
        s = line.strip()
        if not s:
            continue
        return bool(re.match(r"^(points of attention|key points|key facts|summary|in brief|highlights)\s*:?$", s, re.I)) \
            or bool(_BULLET.match(line))
    return False


# ---------------------------------------------------------------- values


def interval(claim: Claim, open_cap: float | None = None) -> tuple[float, float]:
    """The claim's value interval with open ends closed: low None -> 0, high None -> inf (or best * open_cap)."""
    low = claim.low if claim.low is not None else 0.0
    if claim.high is not None:
        high = claim.high
    elif open_cap is not None and claim.best is not None:
        high = claim.best * open_cap
    else:
        high = math.inf
    return low, high


def overlaps(a: Claim, b: Claim, open_cap: float | None = 1.5) -> bool:
    """Whether two values can be the same figure; "at least 7,820" and "at least 782" cannot,
    so an open end is read as at most `open_cap` times the figure."""
    al, ah = interval(a, open_cap)
    bl, bh = interval(b, open_cap)
    return al <= bh and bl <= ah


def relative_gap(a: float | None, b: float | None) -> float:
    """|a - b| / max(a, b); inf when either is missing."""
    if a is None or b is None:
        return math.inf
    top = max(abs(a), abs(b))
    return 0.0 if top == 0 else abs(a - b) / top


def same_digits(a: float | None, b: float | None) -> bool:
    """85 and 58, 7,820 and 782: a figure with its digits swapped or a zero added or dropped."""
    if a is None or b is None or a == b:
        return False
    da, db = str(int(a)), str(int(b))
    return sorted(da) == sorted(db) or da.rstrip("0") == db.rstrip("0")


# ---------------------------------------------------------------- who says so


@functools.cache
def _claimant_countries() -> dict[str, str | None]:
    data = load("claimants.toml")
    return {e["name"]: (e.get("country") or None) for e in data.get("claimant", [])}


@per_language
def _party_index() -> PhraseIndex[tuple[str, str | None]]:
    """Claimants, actors and places by alias -> (canonical name, ISO alpha-3 country)."""
    phrases: list[tuple[str, tuple[str, str | None]]] = []
    data = load("claimants.toml")
    by_name = {}
    for e in data.get("claimant", []):
        value = (e["name"], e.get("country") or None)
        by_name[e["name"]] = value
        phrases += [(a, value) for a in [e["name"]] + e.get("aliases", [])]
    for e in data.get("person", []):
        org = by_name.get(e.get("organisation", ""))
        if org:
            phrases += [(a, org) for a in [e["name"]] + e.get("aliases", [])]
    for e in load("actors.toml").get("actor", []):
        value = (e["name"], e.get("country") or None)
        phrases += [(a, value) for a in [e["name"]] + e.get("aliases", [])]
    for row in read_csv("places.csv"):
        phrases.append((row["alias"], (row["name"], country_of_code(row["code"]) or row.get("country") or None)))
    return PhraseIndex(phrases)


def source_country(name: str | None) -> str | None:
    return _claimant_countries().get(name) if name else None


@per_language
def _claimant_index() -> PhraseIndex[str]:
    data = load("claimants.toml")
    phrases = [(a, e["name"]) for e in data.get("claimant", []) for a in [e["name"]] + e.get("aliases", [])]
    return PhraseIndex(phrases)


def claimant_mentions(text: str) -> list[tuple[int, int, str]]:
    """Spans of claimant names in a text: [(start, end, canonical name)]."""
    return [(m.start, m.end, m.value) for m in _claimant_index().find(text)]


def parties(text: str) -> list[tuple[str, str | None, str]]:
    """Named parties in a phrase: [(canonical name, country, words)], for 'Kyiv', 'UK', 'the AFU'."""
    return [(m.value[0], m.value[1], m.text) for m in _party_index().find(text)]


_HEAD_PREFIX = re.compile(r"^\s*([^:]{2,60}):\s")
# A headline's closing credit: "...: Zelensky", "... - foreign ministry" (a spaced dash, not a hyphen)
_HEAD_SUFFIX = re.compile(r"(?::|\s[-\u2013\u2014])\s+([^:\-\u2013\u2014\d\n]{2,40}?)\s*\.?\s*$")


def speaker_phrase(sentence: str) -> str | None:
    """Words naming who a headline or bullet quotes: 'UK: ...', '...: Zelensky', '... - foreign ministry',
    '..., Kyiv says', 'Pentagon says ...'."""
    m = _HEAD_PREFIX.match(sentence)
    if m and not re.search(r"\d", m.group(1)):
        return m.group(1)
    end = _HEAD_SUFFIX.search(sentence)
    if end and len(end.group(1).split()) <= 5:
        return end.group(1)
    tail = re.search(r",\s*([^,]{2,60}?)\s+(?:says?|said|claims?|reports?|confirms?|estimates?)\s*\.?\s*$", sentence, re.I)
    if tail:
        return tail.group(1)
    # "Ministry revises toll down to 900", "Ministry raises toll to 34": the subject changing
    # a figure is the one who gives it ("Toll rises to 34" names no one: rises is not among these)
    head = re.match(r"^\s*([A-Z][^,;:]{1,60}?)\s+(?:says?|said|claims?|reports?|confirms?|estimates?|counts?|puts?"
                    r"|revises?|revised|raises?|raised|lowers?|lowered|updates?|updated)\b", sentence)
    if head:
        return head.group(1)
    tail2 = re.search(r"\b(?:according to|per)\s+([^,.;]{2,60})", sentence, re.I)
    return tail2.group(1) if tail2 else None


def effective_sources(evidence: tuple[Claim, ...], text: str) -> dict[str, str | None]:
    """Each evidence claim's source by claim id; with none, the explicit source of the claim before it
    in the same paragraph (blank-line separated).

    "UK Defence Intelligence said ... 4,000 casualties. In its assessment, about 1,000 ...":
    the second figure is the same claimant's even when no cue names it again. One pass over
    the claims in text order with the paragraph breaks found once: a document's claims cost
    their number, not its square.
    """
    breaks = [m.start() for m in re.finditer("\n\n", text)]
    ordered = sorted(range(len(evidence)), key=lambda i: evidence[i].start)  # stable: ties keep evidence order
    named_starts: list[int] = []
    named_sources: list[str] = []
    out: dict[str, str | None] = {}
    def named(claim: Claim) -> bool:
        # the outlet, credited because no one else was named, is no claimant of its own; nor is the body's
        # claimant a headline retells without naming (a figure the body repeats is its first statement's)
        return bool(claim.source) and claim.source != "anonymous" and claim.attribution != "outlet" \
            and not (claim.attribution == "body" and claim.section != "body")

    for i in ordered:
        claim = evidence[i]
        if named(claim):
            out[claim.claim_id] = claim.source
        else:
            b = bisect.bisect_right(breaks, claim.start - 2) - 1  # the last break ending at or before the claim
            para_start = breaks[b] if b >= 0 else -1
            k = bisect.bisect_left(named_starts, claim.start) - 1  # the latest named claim starting before it
            out[claim.claim_id] = named_sources[k] if k >= 0 and named_starts[k] > para_start else None
        if named(claim):
            named_starts.append(claim.start)
            named_sources.append(claim.source)
    return out


# ---------------------------------------------------------------- places, actors, periods


def place_compatible(a: str | None, b: str | None) -> bool:
    """Equal codes, or one is the country (or region) holding the other; unknown is compatible."""
    if not a or not b or a == b:
        return True
    if country_of_code(a) == b or country_of_code(b) == a:
        return True
    return False


def actor_compatible(a: Claim, b: Claim) -> bool:
    return not a.actor or not b.actor or a.actor == b.actor


# ---------------------------------------------------------------- the pairing


def pair_score(h: Claim, b: Claim) -> float:
    """How much body claim b looks like the one headline claim h is about; <= 0 means not at all."""
    fh, fb = family(h), family(b)
    if h.unit and b.unit and (h.unit == "personnel") != (b.unit == "personnel"):
        return 0.0
    if b.qualifier == "vague" and h.qualifier != "vague":
        return 0.0  # "hundreds" in the body is no source of the headline's "up to 30,000"
    if (h.modality == "denied") != (b.modality == "denied"):
        return 0.0  # "3,000 did not die" denies the body's 3,000: another statement, not a retelling of it
    equal_value = h.best is not None and b.best is not None and relative_gap(h.best, b.best) < 1e-9
    if fh == fb:
        score = 4.0
    elif frozenset({fh, fb}) in _NEIGHBOURS and equal_value:
        score = 2.0
    else:
        return 0.0
    if h.measure == b.measure:
        score += 1.0
    if h.unit and b.unit and h.unit == b.unit:
        score += 1.0
    if h.actor and b.actor:
        score += 2.0 if h.actor == b.actor else 0.0
    else:
        score += 1.0
    if (h.fraction is None) != (b.fraction is None):
        score -= 2.0
    if h.fraction is not None and b.fraction is not None:
        score += 4.0 if h.fraction == b.fraction else 0.0
    elif overlaps(h, b):
        score += 4.0 - min(1.0, relative_gap(h.best, b.best))
    else:
        gap = relative_gap(h.best, b.best)
        score += 3.0 if gap <= 0.10 else 2.0 if same_digits(h.best, b.best) else max(0.0, 1.5 - 2 * gap)
    if equal_value:
        score += 1.0  # the body states the headline's very figure: that is the claim it is about
    if (h.date_start is None) == (b.date_start is None):
        score += 0.5  # "rises to N" is a running total: its pair is a total, not one day's count
    if place_compatible(h.place_code, b.place_code):
        score += 0.5
    if h.source and b.source and h.source == b.source:
        score += 0.5
    return score


def pair(h: Claim, evidence: tuple[Claim, ...]) -> tuple[Claim, float] | None:
    """The evidence claim h most resembles, with its score; None when nothing is comparable."""
    scored = [(pair_score(h, b), i, b) for i, b in enumerate(evidence) if b.claim_id != h.claim_id]
    scored = [s for s in scored if s[0] > 0]
    if not scored:
        return None
    best = max(scored, key=lambda s: (s[0], -s[1]))
    return best[2], best[0]
