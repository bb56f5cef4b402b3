"""Key points of a report, written from its claims by a small template grammar.

Every sentence is built from one claim's fields (claimant, actor, qualifier, value,
measure, place, date, confidence), never copied from the report, and is then read
back with the extractor: a point is kept only when every figure the extractor finds
in it has the interval, qualifier and measure of a claim it was written from. The
measure words of the templates ("lost N personnel", "were killed", "were destroyed")
are the ones in lang/en/measures.toml, so the read-back sees what the writer meant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tollbook.check.pairing import split_roles
from tollbook.lexicons.measures import measure_registry
from tollbook.model import Claim, Document

_QUALIFIER_WORDS = {
    "exact": "", "approximately": "about ", "nearly": "nearly ", "more_than": "more than ",
    "at_least": "at least ", "at_most": "up to ", "less_than": "fewer than ",
}
_NOUN = {"tank": "tanks", "armoured vehicle": "armoured vehicles", "artillery system": "artillery systems",
         "aircraft": "aircraft", "helicopter": "helicopters", "drone": "drones", "ship": "ships", "MLRS": "MLRS",
         "submarine": "submarines", "air-defence system": "air-defence systems", "vehicle": "vehicles",
         "missile": "missiles", "special equipment": "pieces of special equipment", "fuel tank": "fuel tanks"}


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


def _number(x: float) -> str:
    return f"{int(round(x)):,}" if abs(x - round(x)) < 1e-6 else f"{x:,.1f}"


def quantity_words(claim: Claim) -> str | None:
    """'about 4,000', 'more than 600,000', 'between 300 and 400', 'dozens of'; None when it cannot be said."""
    if claim.qualifier == "range" and claim.low is not None and claim.high is not None:
        return f"between {_number(claim.low)} and {_number(claim.high)}"
    if claim.qualifier == "vague":
        return f"{claim.value_text.lower()} of"
    if claim.best is None or claim.qualifier not in _QUALIFIER_WORDS:
        return None
    return f"{_QUALIFIER_WORDS[claim.qualifier]}{_number(claim.best)}"


def _who(claim: Claim) -> str:
    """The people counted: 'North Korean soldiers', 'civilians', 'Hamas fighters', 'people'."""
    if claim.unit and claim.unit != "personnel":
        return ""
    if not claim.actor or claim.actor == "civilians":
        return claim.actor or "people"
    if claim.actor.endswith(" forces"):
        return claim.actor[: -len(" forces")] + " soldiers"
    return f"{claim.actor} fighters"


def _when(claim: Claim) -> str:
    text = claim.date_text or ""
    if text and re.search(r"\b\d{4}\b", text):
        return " " + text[0].lower() + text[1:]
    if claim.date_text and claim.date_start and claim.date_end:
        s, e = date.fromisoformat(claim.date_start[:10]), date.fromisoformat(claim.date_end[:10])
        if re.search(r"\b(?:said|says|told|stated|estimated|reported|announced)\s+" + re.escape(text), claim.quote, re.I):
            return f" as of {e.day} {e:%B %Y}"  # "said this week": when it was said, not when it happened
        period = re.search(r"\b(week|month)\b", text, re.I)
        if period and "last" not in text.lower() and "past" not in text.lower():
            # "this week" read on a Monday is one day long, but the source meant the week so far
            return f" in the {period.group(1).lower()} to {e.day} {e:%B %Y}"
        if s == e:
            return f" on {e.day} {e:%B %Y}"
        if re.match(r"^(?:as of|by|since|so far)", text, re.I):
            return f" as of {e.day} {e:%B %Y}"
        return f" between {s.day} {s:%B %Y} and {e.day} {e:%B %Y}"
    return ""


def _where(claim: Claim) -> str:
    return f" in {claim.place}" if claim.place else ""


def _lead(claim: Claim) -> str:
    if claim.source and claim.source != "anonymous":
        return f"According to {_the(claim.source)}, " if claim.modality != "estimated" else f"{_cap(_the(claim.source))} estimated that "
    if claim.source == "anonymous":
        return "Officials said " if claim.modality != "estimated" else "Officials estimated that "
    return "The report says "


def _the(name: str) -> str:
    """'the UK Ministry of Defence', 'the General Staff of ...', but 'Oryx', 'OHCHR', 'Hamas'."""
    return name if " " not in name or name.lower().startswith("the ") else f"the {name}"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def sentence_for(claim: Claim, share: Claim | None = None, with_place: bool = True, with_date: bool = True) -> str | None:
    """One key-point sentence for a claim (and the killed share of it), or None when no template fits."""
    q = quantity_words(claim)
    if q is None or claim.measure is None:
        return None
    sure = f"{claim.confidence_term} " if claim.confidence_term else ""
    where = _where(claim) if with_place else ""
    when = _when(claim) if with_date else ""
    lead = _lead(claim)
    info = measure_registry().get(claim.measure)
    if info is None:
        return None
    if claim.measure == "casualties" and not claim.ambiguous_measure and claim.unit == "personnel":
        core = f"{claim.actor or 'the forces involved'} had {sure}lost {q} personnel{where}{when}"
    elif claim.measure == "deployed" and claim.unit == "personnel" and claim.actor:
        core = f"{claim.actor} had {sure}deployed {q} personnel{where}{when}"
    elif claim.measure == "strength" and claim.unit == "personnel" and claim.actor:
        core = f"{claim.actor} had an army of {q} personnel{where}{when}"
    elif not info.people and (not claim.unit or claim.unit == "personnel"):
        return None  # equipment counts need their equipment noun
    elif info.brief_verb and not claim.ambiguous_measure:
        noun = _NOUN.get(claim.unit or "", "") if claim.unit and claim.unit != "personnel" else _who(claim)
        if not noun:
            return None
        adj = f"{claim.actor.split()[0]} " if claim.unit != "personnel" and claim.actor and claim.actor.endswith("forces") else ""
        verb = info.brief_verb.replace("were ", f"were {sure}") if sure else info.brief_verb
        core = f"{q} {adj}{noun} {verb}{where}{when}"
    else:
        return None
    if share is not None:
        core += f", and {share.value_text.lower()} of them were killed"
    return f"{lead}{core}."


# ---------------------------------------------------------------- faithfulness


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= max(0.5, 0.005 * max(abs(a), abs(b)))


def supported(extracted: Claim, sources: tuple[Claim, ...]) -> bool:
    """An extracted figure is supported when a source claim has its interval, qualifier and measure."""
    return any(_same(extracted.low, s.low) and _same(extracted.best, s.best) and _same(extracted.high, s.high)
               and extracted.qualifier == s.qualifier and extracted.measure == s.measure for s in sources)


def unsupported_figures(text: str, sources: tuple[Claim, ...], published: str | None) -> list[Claim]:
    """The figures the extractor reads in `text` that no source claim supports (empty: faithful)."""
    import tollbook

    found = tollbook.extract(text, published=published)
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
    """3 to 6 key points, the most important figures first, each read back by the extractor before it is kept."""
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
        for variant in _variants(claim, share):
            text, used = variant
            if text and not unsupported_figures(text, used, doc.published):
                chosen.append(Point(text, used, tuple(_evidence(doc, c) for c in used)))
                said.append(claim)
                break
    return Brief(doc.doc_id, doc.title, tuple(chosen))


def _variants(claim: Claim, share: Claim | None):
    """The fullest sentence first, then plainer ones for the read-back to accept."""
    options = []
    if share is not None:
        options += [(share, True, True), (share, True, False), (share, False, False)]
    options += [(None, True, True), (None, True, False), (None, False, True), (None, False, False)]
    for s, place, when in options:
        text = sentence_for(claim, s, place, when)
        yield text, (claim, s) if s is not None else (claim,)
