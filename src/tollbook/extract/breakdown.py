"""A list of places with bare counts that add up to a figure just before it is that figure by place.

Disaster agencies publish tolls by province as a list with no word of loss on its lines
("Kahramanmaraş: 191", "Gaziantep: 200", ...). Read line by line the counts say nothing; read
against the figure given just before ("at least 1,014 people have died"), they are its parts
when, and only when, they add up to it. The sum is the evidence: a list of places and numbers
that does not add up to a nearby figure (populations, distances, scores) stays unread.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tollbook.extract import attribution as attr_mod
from tollbook.extract.places import _index as place_index
from tollbook.lexicons import fold
from tollbook.lexicons.gazetteer import Place, place_at
from tollbook.model import Claim, Document, claim_id

# "Kahramanmaraş: 191", "Hatay – 250": a place's name, a separator, a bare count, nothing else on the line
_ITEM = re.compile(r"^[ \t]*(?P<name>[^\W\d_][^\n:\d]{1,40}?)[ \t]*[:\u2013\u2014-][ \t]*(?P<n>\d{1,3}(?:,\d{3})*|\d+)[ \t]*$",
                   re.MULTILINE)
MIN_ITEMS = 3
# how far before the list the whole may be: the heading line and a sentence or two
_REACH = 600


def _place(name: str) -> Place | None:
    hits = place_index().find(name, fold(name))
    whole = [h for h in hits if h.start == 0 and h.end == len(name)]
    return place_at(whole[0].value) if whole else None


def _runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of consecutive item lines (no other line between them)."""
    runs: list[list[re.Match[str]]] = []
    for m in _ITEM.finditer(text):
        if runs and text[runs[-1][-1].end():m.start()].strip() == "":
            runs[-1].append(m)
        else:
            runs.append([m])
    return [r for r in runs if len(r) >= MIN_ITEMS]


def by_place(doc: Document, claims: list[Claim]) -> list[Claim]:
    """The parts of each whole a place list breaks down, as claims derived from it (text order kept by the caller)."""
    text = doc.text
    if ":" not in text and "\u2013" not in text:
        return []
    out: list[Claim] = []
    for run in _runs(text):
        places = [_place(m.group("name").strip()) for m in run]
        if any(p is None for p in places):
            continue
        counts = [int(m.group("n").replace(",", "")) for m in run]
        first = run[0].start()
        whole = next((c for c in reversed(claims) if first - _REACH <= c.end <= first and c.derived_from is None
                      and c.measure is not None and c.best == sum(counts)), None)
        if whole is None:
            continue
        heading_start = text.rfind("\n", 0, max(0, first - 1)) + 1
        heading = text[heading_start:first].strip()
        att = attr_mod.attribute_sentence(heading, fold(heading)) if heading else None
        source, chain = attr_mod.source_chain(att, doc.outlet) if att is not None else (whole.source, whole.sources)
        for m, place, n in zip(run, places, counts):
            start, end = m.start("n"), m.end("n")
            out.append(replace(
                whole, claim_id=claim_id(doc.doc_id, start, end, whole.measure), section=doc.section_at(start),
                place=place.name, place_code=place.code, place_text=m.group("name").strip(),  # type: ignore[union-attr]
                low=float(n), best=float(n), high=float(n), qualifier="exact", value_text=m.group("n"),
                source=source, sources=chain, attribution="explicit" if att is not None else whole.attribution,
                derived_from=whole.claim_id, quote=m.group(0).strip(), start=start, end=end, fraction=None,
                confidence_term=None, p_low=None, p_high=None, hedge=None))
    return out
