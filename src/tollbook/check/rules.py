"""The comparison rules: what changed between a headline/summary claim and its body claim.

Each rule is a small function of one pair (or of the body alone) that returns a
reason (the words of the explanation after the colon) or None. `check_document`
pairs every headline and summary claim with the body claim it is about and runs
the rules in a fixed order; body-only rules (`arithmetic`, `cross_claim_tension`)
run once per document.
"""

from __future__ import annotations

import bisect
import heapq
import math
import re
from datetime import date

from tollbook.check.findings import Finding, Severity
from tollbook.check.pairing import (
    Roles, actor_compatible, claimant_mentions, country_of_code, family, interval, overlaps, pair, parties,
    place_compatible, relative_gap, same_digits, source_country, speaker_phrase, split_roles,
)
from tollbook.lexicons.measures import measure_registry, measures_where
from tollbook.model import Claim, Document

# Bounds that keep `check` near-linear in the number of claims on any document (a page of
# repeated tallies holds thousands of figures of one series); a real report never reaches them.
TENSION_SCAN = 64  # figures of the same series looked at per figure, nearest value first
FINDINGS_PER_CLAIM = 16  # part-larger-than-whole findings reported per figure
NEAR_CLAIMS = 200  # figures of a measure before and after a share that `fraction_check` weighs
CHECKED_MAX = 200  # headline and summary figures checked per document: past this, the "summary" is a list

ROUNDING = 0.10  # a headline figure within 10% of the body's reads as a rounding, not a new number
OPEN_CAP = 1.5  # "more than 12,000" is read as at most 18,000 when a sum or share is tested against it

_ABOVE = {"more_than", "at_least"}
_BELOW = {"at_most", "less_than", "nearly"}
_FRACTION_WORD = re.compile(r"^(?:a|an|one|two|three|half|third|thirds|quarter|quarters|fifth|tenth|\d)", re.I)


# ---------------------------------------------------------------- wording


def cue_words(claim: Claim) -> str:
    """The qualifier's own words in the text: 'Over 4,000' -> 'over'; an exact figure -> ''."""
    words = []
    for w in claim.value_text.split():
        if _FRACTION_WORD.match(w) or any(ch.isdigit() for ch in w):
            break
        words.append(w)
    return " ".join(words).lower() or claim.qualifier.replace("_", " ")


def _part(claim: Claim) -> str:
    return "headline" if claim.section == "headline" else "summary" if claim.section == "summary" else "body"


def _said(claim: Claim) -> str:
    """'Over 4,000 ... eliminated': the figure and its measure word as the text has them."""
    if claim.measure_text and claim.measure_text.lower() not in claim.value_text.lower():
        return f"'{claim.value_text} ... {claim.measure_text}'"
    return f"'{claim.value_text}'"


def _body_said(claim: Claim, source: str | None) -> str:
    measure = claim.measure_text or claim.measure or ""
    info = measure_registry().get(claim.measure or "")
    if info is not None and info.gloss and not claim.ambiguous_measure and info.gloss.split()[-1] not in measure:
        measure = f"{measure} ({info.gloss})"  # "casualties (killed and wounded)", unless the words already say so
    out = f"{claim.value_text} {measure}".strip()
    return f"{out}, per {source}" if source else out


def _explain(h: Claim, b: Claim, source: str | None, reason: str) -> str:
    return f"The {_part(h)} says {_said(h)} but the body says {_body_said(b, source)}: {reason}."


# ---------------------------------------------------------------- pair rules


_PROJECTED = frozenset({"hypothetical", "forecast"})


def qualifier_change(h: Claim, b: Claim) -> tuple[str, Severity] | None:
    """'over' added, 'about' / 'at least' / 'up to' / 'nearly' dropped, or a bound flipped.

    A bound the body's figure keeps is no change: "more than 1,400" for the body's 1,427,
    "passes 20,000" for 20,451, is how a headline rounds a count down.
    """
    hq, bq = h.qualifier, b.qualifier
    if hq == bq or "vague" in (hq, bq) or "range" in (hq, bq):
        return None
    if h.modality in _PROJECTED and b.modality in _PROJECTED:
        return None  # a warning's threshold: "could hit 50,000" and "could top 50,000" name the same one
    if _bound_kept(h, b):
        return None
    if relative_gap(h.best, b.best) > ROUNDING:
        return None  # another number, not the body's with its qualifier changed ("17,000" against "up to 20,000")
    if hq in _ABOVE and bq not in _ABOVE:
        if bq in _BELOW:
            return f"'{cue_words(b)}' became '{cue_words(h)}'", "medium"
        return f"'{cue_words(h)}' was added", "medium"
    if hq in _BELOW and bq in _ABOVE:
        return f"'{cue_words(b)}' became '{cue_words(h)}'", "medium"
    if hq == "exact":
        return f"'{cue_words(b)}' was dropped", "medium"
    if hq == "approximately" and bq in _ABOVE | _BELOW:
        return f"'{cue_words(b)}' became '{cue_words(h)}'", "low"
    return None


def measure_change(h: Claim, b: Claim) -> str | None:
    """Losses shown as killed or as an ambiguous 'eliminated'; wounded as dead; damaged as destroyed."""
    if b.ambiguous_measure or h.measure is None or b.measure is None:
        return None
    if h.ambiguous_measure and b.measure == "casualties":
        return f"losses became '{h.measure_text}', a word that does not say killed or wounded"
    if h.measure == "killed" and b.measure == "casualties":
        return "losses (killed and wounded) became deaths"
    if h.measure == "killed" and b.measure == "wounded":
        return "the injured became dead"
    if h.measure == "destroyed" and b.measure == "damaged":
        return "damaged became destroyed"
    return None


def _bound_kept(h: Claim, b: Claim) -> bool:
    """The headline gives a bound (more than, at least, up to, less than) that the body's whole interval
    respects, and a different number: 1,427 is more than 1,400; 40 is not more than 40."""
    if h.best is None or b.low is None or b.high is None or h.best == b.best:
        return False
    if h.qualifier == "more_than":
        return b.low > h.best
    if h.qualifier == "at_least":
        return b.low >= h.best
    if h.qualifier == "less_than":
        return b.high < h.best
    if h.qualifier == "at_most":
        return b.high <= h.best
    return False


_AGENT = re.compile(r"\bby\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,4})(?=\s*(?:$|[,.;:!?)]|\s(?:in|on|at|near|over|since|during|across|after|before|this|last)\b))")


def agent_party(sentence: str) -> tuple[str, str | None, str] | None:
    """'eliminated by the AFU in Kursk' -> the party the words credit, when they name a force or body."""
    for m in _AGENT.finditer(sentence):
        found = parties(m.group(1))
        if found and found[0][2] == m.group(1):
            return found[0][0], found[0][1], m.group(0)
    return None


def _headline_party(h: Claim) -> tuple[str | None, str | None, str] | None:
    """Who the headline/bullet says the figure comes from: its claimant, or the words of a 'X says'."""
    if h.source and h.source != "anonymous" and h.attribution in ("explicit", "carried"):
        return h.source, source_country(h.source), h.source
    phrase = speaker_phrase(h.quote)
    if phrase is None:
        return None
    found = parties(phrase)
    if not found:
        return None, None, phrase  # a speaker tollbook cannot place ("activists", "officials")
    return found[0][0], found[0][1], phrase


def attribution_change(h: Claim, b: Claim, source: str | None) -> tuple[str, Severity] | None:
    """The body's claimant or estimate dropped, or the headline credits another party."""
    agent = agent_party(h.quote)
    if agent and source and agent[0] != source and (agent[1] or "") != (source_country(source) or ""):
        return f"'{agent[2]}' credits another party, but the figure is {source}'s", "high"
    party = _headline_party(h)
    if party is not None:
        name, country, words = party
        if source and name and name != source and country and source_country(source) and country != source_country(source):
            return f"the {_part(h)} names {words} as the source, but the figure is {source}'s", "high"
        return None
    if b.modality == "estimated" and h.modality != "estimated":
        who = f"{source}'s estimate" if source else "an estimate"
        return f"{who} is stated as fact", "medium"
    claimant_country = source_country(source)
    if source and b.attribution == "explicit" and h.section == "headline" and claimant_country \
            and b.actor_country and claimant_country != b.actor_country:
        # one party's count of another's losses, told as fact (a bullet leans on the headline's attribution;
        # a headline stands alone; a party's figure for its own people is not flagged for a missing name)
        return f"{source}'s count of its adversary's losses is stated as fact without its claimant", "medium"
    return None


_PROJECTION = re.compile(r"\b(?:could|may|might|would)\s+(?:well\s+)?(?:reach|rise(?:\s+to)?|climb|exceed|top|hit|pass|be as high as|surpass)\b",
                         re.IGNORECASE)


def confidence_drop(h: Claim, b: Claim) -> str | None:
    """'almost certainly', 'likely', 'reportedly' in the body, nothing in the headline; or a projection,
    forecast or denial in the body told as a plain fact."""
    term = b.confidence_term or b.hedge
    if term and not (h.confidence_term or h.hedge) and h.modality != "estimated":
        # a headline that says "X estimates" keeps the figure an estimate; one that states it drops the hedge
        return f"'{term}' was dropped"
    if b.modality == "hypothetical" and _PROJECTION.search(b.quote) and not _PROJECTION.search(h.quote):
        return f"a projection ('{_PROJECTION.search(b.quote).group(0)}') is told as something that happened"
    return None


def _cumulative(claim: Claim) -> bool:
    text = (claim.date_text or "").lower()
    if re.match(r"^(?:as of|by|since|so far|to date|until)\b", text):
        return True
    return bool(claim.date_text and re.search(r"\bsince\b[^.]{0,50}" + re.escape(claim.date_text), claim.quote, re.I))


def _period(claim: Claim) -> tuple[date, date] | None:
    """A bounded period of more than two days, or None (no period, a single day, a cumulative 'as of')."""
    if not claim.date_text or not claim.date_start or not claim.date_end or _cumulative(claim):
        return None
    if re.match(r"^(?:last|previous|on)\b", claim.date_text, re.I):
        return None  # "last week", "the previous year", "on Monday": when an event happened, not the window of a count
    start, end = date.fromisoformat(claim.date_start[:10]), date.fromisoformat(claim.date_end[:10])
    return (start, end) if (end - start).days >= 2 else None


def _place_in_claimant(claim: Claim) -> bool:
    """'UK Defence Intelligence counts ...' gives a place that only names the speaker."""
    if not claim.place_text:
        return False
    i = claim.quote.find(claim.place_text)
    if i < 0:
        return False
    for start, end, _ in claimant_mentions(claim.quote):
        if start <= i and i + len(claim.place_text) <= end:
            return True
    return bool(re.match(r"^\s+(?:defen[cs]e|intelligence|officials?|ministry|government|says?|said)\b",
                         claim.quote[i + len(claim.place_text):], re.I)) or bool(re.match(r"^\s*:", claim.quote[i + len(claim.place_text):]))


def _actor_words(claim: Claim) -> bool:
    """An actor named as a force ('North Korean soldiers'), not only as a country ('Ukraine's')."""
    t = (claim.actor_text or "").strip()
    if not t or re.search(r"['’]s$", t):
        return False
    return bool(parties(t)) and not any(p[2] == t and p[0] != claim.actor for p in parties(t))


def _mentions_actor(sentence: str, actor: str) -> bool:
    return any(p[0] == actor and not re.match(r"^['’]s\b", sentence[sentence.find(p[2]) + len(p[2]):])
               and p[2].lower() not in _COUNTRY_WORDS for p in parties(sentence))


_COUNTRY_WORDS = {"russia", "ukraine", "north korea", "israel", "lebanon", "sudan", "gaza", "iran", "syria", "kyiv", "moscow"}


_PERIOD_WORDS = re.compile(
    r"\b(?:in|over|during|within)\s+(?:a|one|two|three|four|five|six|seven|\d+|the past|the last|a single)\s+"
    r"(?:\w+\s+)?(?:days?|weeks?|months?|years?|hours?)\b|\b(?:daily|weekly|monthly|overnight)\b", re.I)


def _names_place(quote: str, claim: Claim) -> bool:
    """Whether a passage names the claim's place ("Turkey-Syria earthquake" names Turkey too)."""
    words = [w for w in (claim.place_text, claim.place) if w]
    if any(re.search(r"\b" + re.escape(w) + r"\b", quote, re.I) for w in words):
        return True
    return bool(claim.place) and any(name == claim.place for name, _, _ in parties(quote))  # "Kiev" names Kyiv


def scope_change(h: Claim, b: Claim, reference: str | None = None) -> str | None:
    """Place, period or actor differs between the headline figure and the body's.

    A place changed only when neither passage names the other's place: a headline on the
    "Turkey, Syria quake" and a body sentence on "southern Turkey and Syria" speak of one ground.
    A body period that runs to the report's own date is a running total ("from the February 6
    tremor"), which a headline's bare total keeps.
    """
    reasons = []
    if not place_compatible(h.place_code, b.place_code) and not _place_in_claimant(h) and not _place_in_claimant(b) \
            and not _names_place(h.quote, b) and not _names_place(b.quote, h):
        reasons.append(f"the place changed from {b.place or b.place_code} to {h.place or h.place_code}")
    hp, bp = _period(h), _period(b)
    if bp is not None and reference and b.date_end and b.date_end[:10] == reference[:10] \
            and not _PERIOD_WORDS.search(b.date_text or ""):
        bp = None  # "from the February 6 tremor" to today is the toll so far; "in the past week" is a window
    if bp is not None and hp is None and not _cumulative(h) and not _PERIOD_WORDS.search(h.quote):
        reasons.append(f"the period '{b.date_text}' was dropped")
    elif bp is not None and hp is not None:
        hl, bl = (hp[1] - hp[0]).days + 1, (bp[1] - bp[0]).days + 1
        if hp[1] < bp[0] or bp[1] < hp[0] or max(hl, bl) > 3 * min(hl, bl):
            reasons.append(f"the period changed from '{b.date_text}' to '{h.date_text}'")
    if h.actor and b.actor and h.actor != b.actor and _actor_words(h) and not _mentions_actor(b.quote, h.actor):
        reasons.append(f"the figure is about {b.actor}, not {h.actor}")
    return "; ".join(reasons) if reasons else None


# ---------------------------------------------------------------- arithmetic


_SHARE_BEFORE = re.compile(r"\b(?:half|thirds?|quarters?|fifths?|tenths?|%|per ?cent)\s+of\s+(?:the\s+|its\s+|their\s+)?$", re.I)
_PARTITIVE = re.compile(r"^\s+of\s+(?:the|them|these|those)\b", re.I)


def _part_of_whole(doc: Document, h: Claim, whole: Claim) -> str | None:
    """'70 of the tanks' when the body's whole is 62."""
    if h.fraction is not None or not _PARTITIVE.match(doc.text[h.end:h.end + 20]) or h.low is None or whole.high is None:
        return None
    if h.low > whole.high:
        return f"a part ({h.value_text}) is larger than its whole ({whole.value_text})"
    return None


def _sum_of_parts(h: Claim, evidence: tuple[Claim, ...]) -> tuple[list[Claim], bool] | None:
    """Body figures for separate places that a headline total should add up to: (parts, adds up)."""
    parts = [c for c in evidence if c.measure == h.measure and c.derived_from is None and c.fraction is None
             and actor_compatible(h, c) and c.place_code and c.best is not None and h.best is not None
             and c.best < h.best and (not h.unit or not c.unit or h.unit == c.unit)
             and c.qualifier != "vague"]  # "several" is no addend
    codes = {c.place_code for c in parts}
    if len(parts) < 2 or len(codes) < len(parts):
        return None
    total = sum(c.best for c in parts)  # type: ignore[misc]
    single = min(relative_gap(h.best, c.best) for c in parts)
    if relative_gap(h.best, total) >= single:
        return None
    lo, hi = interval(h)
    return parts, lo <= total <= hi or relative_gap(h.best, total) <= ROUNDING / 2




class ClaimIndex:
    """A document's claims by id and by measure (in text order), built once per check."""

    def __init__(self, claims: list[Claim]) -> None:
        self.by_id = {c.claim_id: c for c in claims}
        self.by_measure: dict[str | None, list[Claim]] = {}
        for c in sorted(claims, key=lambda c: c.start):
            self.by_measure.setdefault(c.measure, []).append(c)
        self.starts = {m: [c.start for c in cs] for m, cs in self.by_measure.items()}

    def near(self, measure: str, start: int) -> list[Claim]:
        """The figures of a measure around a position: NEAR_CLAIMS before it and after it."""
        found = self.by_measure.get(measure, [])
        i = bisect.bisect_left(self.starts.get(measure, []), start)
        return found[max(0, i - NEAR_CLAIMS):i + NEAR_CLAIMS]


def fraction_check(f: Claim, claims: list[Claim] | ClaimIndex, evidence_ids: set[str]) -> Finding | None:
    """A share ('more than half of the roughly 11,000') tested against the count it describes."""
    index = claims if isinstance(claims, ClaimIndex) else ClaimIndex(claims)
    base = index.by_id.get(f.derived_from or "")
    if base is None or f.fraction is None:
        return None
    if f.measure != base.measure:
        measures = {f.measure or ""}  # "a quarter killed" of a deployment: compared with killed counts only
    elif f.measure in measures_where(whole=True):
        measures = measures_where(loss=True, people=True)  # the share's own measure was not named: any loss of those troops
    else:
        measures = {f.measure or ""}
    base_low = base.low if base.low is not None else base.best
    nearby = [c for m in sorted(measures) for c in index.near(m, f.start)]
    nearby.sort(key=lambda c: c.start)  # text order, as the claims list has them: ties in `distance` go to the first
    candidates = [c for c in nearby if c.claim_id not in (f.claim_id, base.claim_id) and c.derived_from is None
                  and c.fraction is None and c.measure in measures and actor_compatible(f, c)
                  and c.best is not None and base_low is not None and c.best < base_low
                  and (not c.unit or not f.unit or c.unit == f.unit) and _periods_meet(f, c)]
    if not candidates:
        return None
    flo, fhi = interval(f)

    def distance(c: Claim) -> tuple[float, int]:
        clo, chi = interval(c, OPEN_CAP)
        gap = 0.0 if clo <= fhi and flo <= chi else min(abs(clo - fhi), abs(flo - chi))
        return gap, 0 if c.claim_id in evidence_ids else 1

    c = min(candidates, key=distance)
    if distance(c)[0] == 0:
        return None
    share = "" if math.isinf(fhi) else f" to {fhi:,.0f}"
    reason = (f"{f.value_text} of {base.value_text} is {flo:,.0f}{share if fhi != flo else ''}"
              f"{' or more' if math.isinf(fhi) else ''}, which {c.value_text} does not fit")
    return Finding("arithmetic", "medium", f"The {_part(f)} says '{f.value_text}' of {base.value_text} "
                   f"but the figure it describes is {c.value_text}: {reason}.", f, (c,))


def _periods_meet(a: Claim, b: Claim) -> bool:
    """Two explicit periods that share a day, or at least one figure with no explicit period: a share of
    May's dead is not held against a count of one day in July."""
    if not (a.date_start and a.date_end and b.date_start and b.date_end):
        return True
    return a.date_start[:10] <= b.date_end[:10] and b.date_start[:10] <= a.date_end[:10]


def part_larger_than_whole(evidence: tuple[Claim, ...], sources: dict[str, str | None]) -> list[Finding]:
    """Killed larger than the casualties (killed and wounded) of the same actor from the same claimant,
    on the same ground.

    Casualty figures are indexed by (actor, period end, claimant) and sorted by their upper
    end, so each killed figure meets only the casualties below it (at most FINDINGS_PER_CLAIM,
    the smallest first), never every claim of the document.
    """
    wholes: dict[tuple, list[tuple[float, int]]] = {}
    for i, c in enumerate(evidence):
        if c.measure == "casualties" and not c.ambiguous_measure and c.actor and c.high is not None:
            wholes.setdefault((c.actor, c.date_end, sources.get(c.claim_id)), []).append((c.high, i))
    for group in wholes.values():
        group.sort()
    out = []
    for k in evidence:
        if k.measure != "killed" or k.low is None:
            continue
        group = wholes.get((k.actor, k.date_end, sources.get(k.claim_id)), [])
        below = group[:bisect.bisect_left(group, (k.low, -1))]  # high < k.low
        for _, i in sorted(heapq.nsmallest(FINDINGS_PER_CLAIM, below), key=lambda hi: hi[1]):
            c = evidence[i]
            if not place_compatible(k.place_code, c.place_code):
                continue  # the Soviet losses in Afghanistan are not the whole of Bakhmut's dead
            out.append(Finding("arithmetic", "medium",
                               f"The body says {k.value_text} {k.measure_text or 'killed'} but only {c.value_text} "
                               f"casualties (killed and wounded) of {c.actor}: a part is larger than its whole.", k, (c,)))
    return out


TENSION_MIN_RATIO = 1.1  # figures within 10% are one count at two moments of its updating, not a tension
_STATEMENTS = frozenset({"reported", "estimated"})  # a forecast, a projection or a denial is in tension with nothing


def cross_claim_tensions(evidence: tuple[Claim, ...], sources: dict[str, str | None]) -> list[Finding]:
    """Two named claimants' figures for the same quantity that cannot both be right (information, not an error).

    Only figures someone stands behind take part: a named claimant's or an estimate's (not the
    outlet's own words, not "officials said"), counted or estimated (not a projection, forecast or
    denial), stated (not "hundreds", not a share or a part of another figure), more than 10% apart.
    The same quantity is the same measure, unit and actor on the same ground: the same place or
    one left unnamed; a region's figure is in tension with its country's only by exceeding it.

    Figures are indexed by series (measure, unit) and sorted by value; a pair is two figures of
    one series within a factor of 10 (beyond it, a daily figure beside a cumulative one), so
    each figure looks only at the larger values of its series up to ten times its own, at most
    TENSION_SCAN of them: the work grows with the claims, not with their pairs.
    """
    def said_by(c: Claim) -> str | None:
        return sources.get(c.claim_id) or ("the estimate" if c.modality == "estimated" else None)

    series: dict[tuple, list[tuple[float, int]]] = {}
    for i, c in enumerate(evidence):
        if c.derived_from is None and c.fraction is None and c.best is not None and c.best > 0 \
                and not c.ambiguous_measure and c.qualifier != "vague" and c.modality in _STATEMENTS \
                and said_by(c):  # a negative or zero count is in tension with nothing
            series.setdefault((c.measure, c.unit), []).append((c.best, i))
    pairs: list[tuple[int, int]] = []
    for members in series.values():
        members.sort()
        for p, (best, i) in enumerate(members):
            a = evidence[i]
            for other_best, j in members[p + 1:p + 1 + TENSION_SCAN]:
                if other_best > 10 * best:
                    break
                b = evidence[j]
                if not actor_compatible(a, b) or said_by(a) == said_by(b) or overlaps(a, b):
                    continue
                if _same_ground(a, b) and _apart_by(a, b, TENSION_MIN_RATIO):
                    pairs.append((min(i, j), max(i, j)))
    out = []
    for i, j in sorted(pairs):
        a, b = evidence[i], evidence[j]
        out.append(Finding(
            "cross_claim_tension", "low",
            f"The body gives {a.value_text} {a.measure_text or a.measure} per {said_by(a)} and {b.value_text} "
            f"{b.measure_text or b.measure} per {said_by(b)} for the same quantity: information, not an error.", a, (b,)))
    return out


def _same_ground(lower: Claim, upper: Claim) -> bool:
    """The same place, or one left unnamed (a body rarely repeats "in Kursk" for the second claimant's
    figure); a region's figure (upper) counts against its country's (lower) only when it is the larger,
    and two different places are not one quantity."""
    a, b = lower.place_code, upper.place_code
    if a is None or b is None or a == b:
        return True
    return country_of_code(b) == a


def _apart_by(lower: Claim, upper: Claim, ratio: float) -> bool:
    """The upper figure's interval starts more than `ratio` times above where the lower one's ends."""
    lo_high = lower.high if lower.high is not None else lower.best
    up_low = upper.low if upper.low is not None else upper.best
    return lo_high is not None and up_low is not None and up_low > lo_high * ratio


# ---------------------------------------------------------------- the document


def compare(doc: Document, h: Claim, roles: Roles, claims: list[Claim]) -> list[Finding]:
    """Every finding about one headline or summary claim."""
    found = pair(h, roles.evidence)
    if found is None:
        return []
    b, _ = found
    source = roles.sources.get(b.claim_id)
    out: list[Finding] = []

    def add(rule: str, severity: Severity, reason: str, bodies: tuple[Claim, ...] = (b,)) -> None:
        out.append(Finding(rule, severity, _explain(h, b, source, reason), h, bodies))

    whole = _part_of_whole(doc, h, b)
    if whole:
        out.append(Finding("arithmetic", "medium", f"The {_part(h)} says {_said(h)} but the body's whole is "
                           f"{b.value_text}: {whole}.", h, (b,)))
        return out
    if h.fraction is not None and b.fraction is None:
        return out  # a share against a count: `fraction_check` tests it
    if h.fraction is not None and b.fraction is not None:
        same = h.fraction == b.fraction
        gap = 0.0 if same else 1.0
    else:
        same = overlaps(h, b)
        gap = relative_gap(h.best, b.best)
    if not same and gap > ROUNDING:
        parts = _sum_of_parts(h, roles.evidence)
        if parts is not None:
            parts_list, adds_up = parts
            if not adds_up:
                total = sum(c.best or 0 for c in parts_list)
                figures = " + ".join(c.value_text for c in parts_list)
                out.append(Finding("arithmetic", "medium", f"The {_part(h)} says {_said(h)} but the body's figures "
                                   f"add up to {figures} = {total:,.0f}.", h, tuple(parts_list)))
            return out
        if family(h) != family(b) or not actor_compatible(h, b):
            return out
        if any(c.derived_from == h.claim_id and c.quote == h.quote for c in claims) or _SHARE_BEFORE.search(doc.text[max(0, h.start - 40):h.start]):
            return out  # "more than half of the roughly 11,000": a share's base, not a claim of its own
        swap = [c for c in claims if c.claim_id != h.claim_id and c.best == h.best and c.start != h.start
                and c.section == "body" and c.measure != h.measure]
        rivals = [c for c in roles.evidence if c.measure == b.measure and c.unit == b.unit and c.derived_from is None]
        if swap:
            add("number_changed", "high", f"{h.value_text} is the document's figure for {swap[0].measure_text or swap[0].measure}, "
                f"not for this quantity")
        elif same_digits(h.best, b.best) or len(rivals) == 1:
            add("number_changed", "high", f"{b.value_text} became {h.value_text}")
        return out
    if not same:
        add("rounding", "low", f"{b.value_text} was rounded to {h.value_text}")
    q = qualifier_change(h, b)
    if q:
        add("qualifier_changed", q[1], q[0])
    m = measure_change(h, b)
    if m:
        add("measure_changed", "high", m)
    a = attribution_change(h, b, source)
    if a:
        add("attribution_changed", a[1], a[0])
    c = confidence_drop(h, b)
    if c:
        add("confidence_dropped", "medium", c)
    s = None if "vague" in (h.qualifier, b.qualifier) else scope_change(h, b, doc.published)
    if s:  # "hundreds" or "tens of thousands" holds no figure whose scope a reader could compare
        add("scope_changed", "medium", s)
    return out


def check_document(doc: Document, claims: list[Claim] | None = None, *, tensions: bool = False) -> list[Finding]:
    """Findings for one document: headline and summary against the body, then the body against itself.

    With `tensions`, also two claimants' body figures that cannot both hold (`cross_claim_tension`,
    information). They are off by default: on real reporting most such pairs count different things
    (two countries, a town and a nation, two windows) that a claim record cannot tell apart, and
    across documents `tollbook reconcile` finds disagreements with its own time and originator rules.

    >>> from tollbook.read import make_document
    >>> doc = make_document("Over 40 soldiers killed\\n\\nThe army said 40 soldiers were killed.")
    >>> [f.rule for f in check_document(doc)]
    ['qualifier_changed']
    """
    if claims is None:
        from tollbook.extract.pipeline import extract_document

        claims = extract_document(doc)
    roles = split_roles(doc, claims)
    evidence_ids = {c.claim_id for c in roles.evidence}
    index = ClaimIndex(claims)
    findings: list[Finding] = []
    for h in roles.checked[:CHECKED_MAX]:  # each is compared with the whole body: a bounded number keeps check linear
        findings += compare(doc, h, roles, claims)
        if h.fraction is not None and not any(f.rule == "arithmetic" and f.headline_claim is h for f in findings):
            fc = fraction_check(h, index, evidence_ids)
            if fc:
                findings.append(fc)
    for f in roles.evidence:
        if f.fraction is not None:
            fc = fraction_check(f, index, evidence_ids)
            if fc:
                findings.append(fc)
    findings += part_larger_than_whole(roles.evidence, roles.sources)
    if tensions:
        findings += cross_claim_tensions(roles.evidence, roles.sources)
    return _dedupe(findings)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for f in findings:
        key = (f.rule, f.headline_claim.claim_id, tuple(c.claim_id for c in f.body_claims))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return sorted(out, key=lambda f: (f.headline_claim.start, f.rule))
