"""The extraction pipeline: document in, claims out.

Stages, each a module answering one question:
  scan (which sentences hold a figure) -> numbers (the figure as an interval) ->
  measures (what it counts) -> actors (whose) -> places (where) -> times (when) ->
  attribution (who says so) -> confidence (how sure, what mood) -> derive (of what).
Only sentences the scan keeps are analysed; everything else costs one regex probe.
Within a sentence, each figure passes the ordered `STAGES` (value, derivation, measure,
actor, place, time, attribution, confidence, claim), each a function of the sentence's
record and the figure's draft.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from tollbook.extract import actors as actors_mod
from tollbook.extract import attribution as attr_mod
from tollbook.extract import confidence as conf_mod
from tollbook.extract import measures as measures_mod
from tollbook.extract import places as places_mod
from tollbook.extract import speakers as speakers_mod
from tollbook.extract import times as times_mod
from tollbook.extract.breakdown import by_place
from tollbook.extract.derive import resolve_base, wants_deployment
from tollbook.extract.normalize import Normalized, normalize
from tollbook.extract.numbers import Quantity, parse_quantities, resolve_fraction
from tollbook.extract.retold import credit_from_body
from tollbook.extract.scan import any_between, candidates, number_dump
from tollbook.extract.sentences import MAX_SENTENCE, Sentence, paragraphs, sentences_in
from tollbook.lang import CURRENT as en
from tollbook.lang import grammar
from tollbook.lang import languages, reading
from tollbook.read.language import language_runs
from tollbook.read.sections import superseded_address
from tollbook.lexicons import Match, fold
from tollbook.lexicons.measures import measure_family, measure_registry, measures_where
from tollbook.model import Claim, Document, SourceRef, claim_id, country_of_code

EXTRACTOR_VERSION = "0.3.0"
_LANGUAGES = frozenset(languages())

# Every question about a figure is answered from its neighbourhood (the widest window a
# blocker matters in is 90 characters before it and a unit noun's end, under 80, after it), so the other figures that can block a
# mention are only those within this reach; looking further would make a sentence holding
# thousands of figures cost the square of their number.
_BLOCKER_REACH = 100
# How far back (in claims) an anaphor or a partitive looks for the figure it is about.
# A real reference is a few claims back; the bound keeps a huge document linear.
_LOOK_BACK = 500
# How far from a figure with no claimant a figure-free sentence of its paragraph is read for one: every
# sentence of a paragraph of wire copy, not every sentence of a page printed on one line.
_PARAGRAPH_REACH = 3_000
# A sentence at least this long printed twice in one section of a page is one statement printed twice;
# shorter ones ("Five people died.") may be two reports.
_REPEATED_SENTENCE = 60
# A figure stated more than this many days after the event it names is a running total since it.
_SAME_EVENT_DAYS = 3


@dataclass(slots=True)
class _Context:
    """What earlier sentences leave for later ones.

    Figure-free sentences are not analysed when they go by: their text is kept, and
    their actors, places and claimants are looked up only if a later figure needs them
    (a carried actor, "he said", a paragraph's claimant). Most never are.
    """

    text: str = ""  # the document's text: figure-free sentences are kept as spans into it, never copied
    paragraph: int = -1
    paragraph_start: int = 0
    actor: tuple[actors_mod.Actor, str] | None = None
    place: tuple[places_mod.Place, str] | None = None
    previous_plain: tuple[int, int] | None = None  # the previous sentence of this paragraph, when it held no figure
    last_attribution: attr_mod.Attribution | None = None
    plain_since_attribution: list[tuple[int, int]] = field(default_factory=list)
    paragraph_plain: list[tuple[int, int]] = field(default_factory=list)
    paragraph_plain_all: list[tuple[int, int]] = field(default_factory=list)  # kept past the claims' look-up
    unattributed: list[int] = field(default_factory=list)  # indexes of claims with no cue since the last pointer
    paragraph_claims: list[int] = field(default_factory=list)
    previous_paragraph_claims: list[int] = field(default_factory=list)  # the last paragraph that held figures
    forward: list[tuple[int, Quantity, str]] = field(default_factory=list)  # summary shares of a deployment stated later
    paragraph_claimants: list[tuple[int, attr_mod.Attribution]] = field(default_factory=list)  # (where named, who)
    body_claims: bool = False
    office_holders: dict[str, speakers_mod.Speaker | None] = field(default_factory=dict)  # role -> its one holder named
    heading: tuple[int, int] | None = None  # a figure-free line ending in ":" that heads a tally's lines
    heading_time: times_mod.TimeSpan | None = None  # its period, read when a line first asks
    list_heading: _ListHeading | None = None  # a heading of losses over a bulleted list ("армія втратила:")
    # "This was reported by X" / "Про це повідомив X": the article retells X's statement, and the figures
    # after it with no claimant of their own are X's, until the document names someone else
    retold: attr_mod.Attribution | None = None
    # the claimant of the paragraph's previous sentence with figures, anonymous ones too: "Another 2,150 were
    # reported wounded" goes on with the account of the sentence before
    sentence_before: tuple[int, attr_mod.Attribution | None] | None = None
    outlets_own: set[int] = field(default_factory=set)  # where a figure no speaker gave stands (the outlet's sum)

    def carried(self) -> None:
        """Fill the carried actor and place from the previous figure-free sentence, on demand."""
        if self.previous_plain is not None and (self.actor is None or self.place is None):
            plain = self.text[self.previous_plain[0]:self.previous_plain[1]]
            _remember_mentions(plain, fold(plain), self)
        self.previous_plain = None

    def latest_attribution(self) -> attr_mod.Attribution | None:
        """The most recent named claimant before here, looking into figure-free sentences on demand."""
        for start, end in reversed(self.plain_since_attribution):
            plain = self.text[start:end]
            att = attr_mod.attribute_sentence(plain, fold(plain))
            if att is not None and att.claimant.kind != "anonymous":
                self.last_attribution = att
                break
        self.plain_since_attribution = []
        return self.last_attribution

    def attributed(self, att: attr_mod.Attribution, where: int) -> None:
        self.last_attribution = att
        self.plain_since_attribution = []
        self.paragraph_claimants.append((where, att))


def reference_date(doc: Document) -> date | None:
    """Publication date, else the latest date written in the text."""
    return times_mod.parse_reference(doc.published) or times_mod.latest_date_in(doc.text)


@dataclass(slots=True)
class _Reference:
    """A document's reference date, worked out on the first call.

    Without a publication date it is the latest date written in the text, a scan of the whole
    document; it is needed only by a sentence that names a time ("yesterday", "on Monday") and
    by a figure's period, and most documents' sentences hold neither."""

    doc: Document
    found: bool = False
    value: date | None = None

    def __call__(self) -> date | None:
        if not self.found:
            self.value, self.found = reference_date(self.doc), True
        return self.value


def extract_document(doc: Document) -> list[Claim]:
    """Every claim in a document, in text order, its offsets and value_text in the original text.

    The document's language chooses the grammar and lexicons (tollbook.lang); a language with
    no package is not read at all (UnsupportedLanguage), rather than read as English.
    """
    if doc.language not in _LANGUAGES:
        raise UnsupportedLanguage(doc.language)
    runs = language_runs(doc.text, doc.language)
    if len(runs) == 1:
        with reading(doc.language):
            return _extract_normalised(doc)
    out: list[Claim] = []
    for start, end, language in runs:
        if language in _LANGUAGES:  # a paragraph in a language with no package is not read, as a document is not
            out += _extract_part(doc, start, end, language)
    return out


def _extract_part(doc: Document, start: int, end: int, language: str) -> list[Claim]:
    """The claims of doc.text[start:end], read in `language`, with offsets and ids in the whole document."""
    part = replace(doc, text=doc.text[start:end], language=language, sections=tuple(
        (max(a, start) - start, min(b, end) - start, name) for a, b, name in doc.sections if a < end and b > start))
    with reading(language):
        claims = _extract_normalised(part)
    ids = {c.claim_id: claim_id(doc.doc_id, c.start + start, c.end + start, c.measure) for c in claims}
    return [replace(c, start=c.start + start, end=c.end + start, claim_id=ids[c.claim_id],
                    derived_from=ids.get(c.derived_from, c.derived_from) if c.derived_from else None) for c in claims]


class UnsupportedLanguage(ValueError):
    """A document in a language tollbook has no package for."""

    def __init__(self, language: str) -> None:
        super().__init__(f"no language package for {language!r} (have: {', '.join(sorted(_LANGUAGES))}); not read")
        self.language = language


def _extract_normalised(doc: Document) -> list[Claim]:
    norm = normalize(doc.text)
    if norm.text == doc.text:
        return _extract(doc)
    if norm.origin is None:  # same length: offsets hold, only a span with a rewritten character changes its text
        return [c if doc.text[c.start:c.end] == c.value_text else replace(c, value_text=doc.text[c.start:c.end])
                for c in _extract(replace(doc, text=norm.text))]
    claims = _extract(replace(doc, text=norm.text, sections=tuple(
        (_normal_offset(norm, a), _normal_offset(norm, b), name) for a, b, name in doc.sections)))
    ids = {c.claim_id: claim_id(doc.doc_id, norm.original(c.start), norm.original(c.end), c.measure) for c in claims}
    out = []
    for c in claims:
        start, end = norm.original(c.start), norm.original(c.end)
        out.append(replace(c, start=start, end=end, value_text=doc.text[start:end], claim_id=ids[c.claim_id],
                           derived_from=ids.get(c.derived_from, c.derived_from) if c.derived_from else None))
    return out


def _normal_offset(norm: Normalized, offset: int) -> int:
    """The normalised offset of an original one (sections are marked on the original text)."""
    return offset if norm.origin is None else bisect.bisect_left(norm.origin, offset)


def _extract(doc: Document) -> list[Claim]:
    text = doc.text
    reference = _Reference(doc)
    claims: list[Claim] = []
    ctx = _Context(text=text)
    folded = fold(text)
    scanned = _Scanned(text, folded)
    if not scanned.counts_anything():
        return []  # no word of loss, of people or of things anywhere: no figure of it can count anything we record
    cands = candidates(text, folded)
    stale = superseded_address(text, doc.sections)  # an address's words above the title the page prints
    for p_index, (p_start, p_end) in enumerate(paragraphs(text)):
        _close_paragraph(claims, ctx, doc)
        ctx.paragraph, ctx.paragraph_start = p_index, p_start
        if stale is not None and stale[0] <= p_start and p_end <= stale[1]:
            _plain(ctx, p_start, p_end, new_paragraph=True)
            continue
        if ctx.retold is not None and grammar().BACKGROUND.match(text, p_start, min(p_end, p_start + 60)):
            ctx.retold = None  # "Нагадаємо, ...", "Ранее ...", "Earlier, ...": the article's own background
        if not any_between(cands, p_start, p_end) and not attr_mod.has_pointer_back(text[p_start:p_end]) \
                and not grammar().CLOSING_SPEAKER.match(text, p_start):
            if p_end - p_start <= MAX_SENTENCE:
                _plain(ctx, p_start, p_end, new_paragraph=True)  # no figure: kept as a span, looked at only on demand
            else:  # a page on one line: kept by sentence, so an on-demand look-up reads a sentence, not the page
                for k, piece in enumerate(sentences_in(text, p_start, p_end, p_index)):
                    _plain(ctx, piece.start, piece.end, new_paragraph=k == 0)
            continue
        for n, sent in enumerate(sentences_in(text, p_start, p_end, p_index)):
            s_text = text[sent.start:sent.end]
            item = ctx.list_heading is not None and _LIST_ITEM.match(s_text) is not None
            if n == 0 and not _tally_line(s_text) and not item:
                ctx.actor, ctx.place, ctx.previous_plain, ctx.heading, ctx.list_heading = None, None, None, None, None
            if (att := attr_mod.closing_line(s_text)) is not None:
                # "«...»\n\n– заявив Петренко.": a line that only names who said the paragraph before
                _assign_to(claims, ctx.previous_paragraph_claims, att, doc)
                ctx.attributed(att, sent.start)
                continue
            if attr_mod.points_back(s_text):
                att = attr_mod.attribute_sentence(s_text, fold(s_text))
                if att is None or att.claimant.kind == "anonymous":
                    att = attr_mod.regional_authorities(s_text, text) or att  # "Об этом сообщили власти региона"
                if att is not None:
                    _assign_back(claims, ctx, att, doc)
                    if n == 0:  # a pointer opening its paragraph points at the paragraph of figures before
                        _assign_to(claims, ctx.previous_paragraph_claims, att, doc)
                    ctx.attributed(att, sent.start)
                    ctx.retold = att if att.claimant.kind != "anonymous" else None
                continue
            worth_parsing = any_between(cands, sent.start, sent.end) and not number_dump(cands, sent.start, sent.end)
            lowered = scanned.folded(sent.start, sent.end, s_text) if worth_parsing else ""
            words = scanned.words(sent.start, sent.end) if worth_parsing else None
            # the gate: a figure counts something only beside a word of loss, of people or of things (or in a
            # tally's line); without one the sentence is kept as plain text, and parsing its numbers is skipped
            # (a noun that counts nothing, "points", "years", "percent", opens no gate; a part of a figure before,
            # "more than 900 of them were under 25", counts what that figure counts)
            opens = words is not None and (words[0] or measures_mod.counts_something(words[1]) or _tally_line(s_text)
                                           or bool(claims) and _of_a_whole_before(s_text))
            quantities = parse_quantities(s_text) if opens else []
            if quantities and not _may_count(s_text, quantities, words, ctx, bool(claims)):
                _counts_nothing(ctx, sent.start, sent.end, bool(claims))
                continue
            if not quantities:
                _plain(ctx, sent.start, sent.end)
                continue
            new = _sentence_claims(doc, sent, s_text, lowered, quantities, reference, ctx, claims, words)
            ctx.previous_plain = None
            ctx.paragraph_claims += range(len(claims), len(claims) + len(new))
            ctx.body_claims = ctx.body_claims or any(c.section == "body" for c in new)
            claims.extend(new)
    _close_paragraph(claims, ctx, doc)
    _resolve_forward(claims, ctx)
    _name_the_roles(claims, text, ctx.office_holders)
    _sums_of_killed_and_wounded(claims)
    _losses_said_to_be_deaths(claims)
    _parts_adding_up(claims)
    credit_from_body(claims, text)
    claims = _stated_once(claims, text)
    parts = by_place(doc, claims)
    return sorted(claims + parts, key=lambda c: c.start) if parts else claims


def _may_count(s_text: str, quantities: list[Quantity], words: tuple[list[Match[str]], list[Match[str]]],
               ctx: _Context, after_claims: bool) -> bool:
    """Whether a sentence's figures can give a claim, tested cheaply before the sentence is read in full (its
    speaker, places, times, actors): only a figure with a measure can, or one in a tally's line or a list under
    a heading, a share of another figure, and after a claim, a part of one ("among them 12", "of the dead, 4").
    Most figures in ordinary news (scores, prices, ages) are none of these, and the sentence is kept as plain text."""
    if _tally_line(s_text) or ctx.list_heading is not None \
            or any(q.fraction is not None or q.base_index is not None or q.increment for q in quantities):
        return True
    en = grammar()
    if after_claims and (_of_a_whole_before(s_text) or any(
            en.SUBSET_BEFORE.search(s_text, max(0, q.start - 30), q.start) or en.PARTITIVE_AFTER.match(s_text[q.end:q.end + 40])
            or en.PARTITIVE_BEFORE.search(s_text, max(0, q.start - 60), q.start) for q in quantities)):
        return True
    cues, units = words
    for q in quantities:
        choice = measures_mod.choose_measure(s_text, cues, units, q.start, q.end, [])
        if choice is not None and (choice.measure is not None or choice.unit == "personnel" and en.RETURNED.search(
                s_text, max(0, q.start - _RETURN_REACH), q.end + _RETURN_REACH)):  # people come home from captivity
            return True
    return False


def _counts_nothing(ctx: _Context, start: int, end: int, after_claims: bool) -> None:
    """A sentence whose figures count nothing (`_may_count`): its words stay open to on-demand look-ups of a
    speaker, as a figure-free sentence's do, but it carries no actor or place into the next sentence, as a
    sentence read for figures does not, and, after the body's first claim, a pointer back ("This was reported
    by X") reaches over it to no figure before."""
    _open_to_look_ups(ctx, start, end)
    ctx.previous_plain = None
    ctx.sentence_before = (ctx.paragraph, None)
    if not after_claims or ctx.body_claims:
        ctx.unattributed = []


def _losses_said_to_be_deaths(claims: list[Claim]) -> None:
    """"Wagner lost 20,000 fighters", then "as many as 20,000 of them died": a plain word of loss, read as
    casualties, is deaths where the same document gives the same figure of the same party (or of a party the
    loss did not name), from the same claimant, as killed."""
    killed = {(c.best, c.source): c.actor for c in claims if c.measure == "killed" and c.best is not None and c.actor}
    if not killed:
        return
    plain = measures_mod.plain_loss_words()
    for i, c in enumerate(claims):
        if c.measure == "casualties" and (c.measure_text or "").lower() in plain \
                and (c.best, c.source) in killed and c.actor in (None, killed[(c.best, c.source)]):
            claims[i] = replace(c, measure="killed", claim_id=claim_id(c.doc_id, c.start, c.end, "killed"))


def _stated_once(claims: list[Claim], text: str) -> list[Claim]:
    """A page that prints its title twice (or above it, the title rebuilt from its address) states each
    headline figure once: the ledger keeps the first copy, not one claim per printing, except that the
    title as printed (cased, punctuated: "Kiev: 500 ...") wins over one rebuilt from the address
    ("kiev 500 ..."), which has lost the colon, the capitals and the quotes that tell a source.
    So does a page that prints a sentence of its summary or body twice word for word (a lede repeated
    under a picture): the same figure in the same sentence of the same section is one statement."""
    seen: dict[tuple, int] = {}
    kept: list[Claim] = []
    copy_of: dict[str, str] = {}  # a dropped copy's id -> the kept claim's, for figures derived from the copy
    for c in claims:
        key = (c.low, c.best, c.high, c.measure, c.unit, c.fraction) if c.section == "headline" else \
            (c.section, " ".join(c.quote.split()), c.start - text.rfind(c.quote, 0, c.start + len(c.quote)), c.measure, c.unit) \
            if len(c.quote) >= _REPEATED_SENTENCE else None
        if key is not None:
            if key in seen:
                first = kept[seen[key]]
                if first.quote == first.quote.lower() and c.quote != c.quote.lower():
                    kept[seen[key]] = c
                    copy_of[first.claim_id] = c.claim_id
                else:
                    copy_of[c.claim_id] = first.claim_id
                continue
            seen[key] = len(kept)
        kept.append(c)
    if copy_of:
        kept = [replace(c, derived_from=copy_of[c.derived_from]) if c.derived_from in copy_of else c for c in kept]
    return kept


_MOST_PARTS = 12  # a breakdown names a few parts; a long line of figures is no breakdown of the one before it
_PARTS_REACH = 400  # how far after a whole its parts may be given: the next sentence or two, not the next story


def _parts_adding_up(claims: list[Claim]) -> None:
    """"The raid killed 56: 41 civilians, 12 members of the border guard and 3 journalists":
    the figures right after one (in its sentence or the next) that add up to it, exactly, are its parts
    (`derived_from` it), so that reconciliation reads them as a breakdown and not as more tolls of the same
    dead, whoever each part's party."""
    parts: dict[str, Claim] = {}
    for i, whole in enumerate(claims):
        if whole.best is None or whole.derived_from is not None or whole.qualifier != "exact" or whole.best < _SUM_MIN \
                or whole.claim_id in parts:
            continue
        total, run = 0.0, []
        for c in claims[i + 1:]:
            if c.start < whole.end or c.start - whole.end > _PARTS_REACH:
                break
            if c.derived_from is not None or c.claim_id in parts or measure_family(c.measure) != measure_family(whole.measure):
                continue  # "41 civilians, among them 6 children": a part of a part; "and 125 injured": another count
            if c.best is None or c.qualifier != "exact":
                break
            total += c.best
            run.append(c)
            if total >= whole.best or len(run) == _MOST_PARTS:
                break
        if len(run) >= 2 and total == whole.best:
            # a part of no named party is of the whole's ("27 died ... 19 dead in Odesa and 8 in Mykolaiv")
            parts.update({c.claim_id: replace(c, derived_from=whole.claim_id) if c.actor or not whole.actor else
                          replace(c, derived_from=whole.claim_id, actor=whole.actor, actor_country=whole.actor_country)
                          for c in run})
    if parts:
        claims[:] = [parts.get(c.claim_id, c) for c in claims]


def _sums_of_killed_and_wounded(claims: list[Claim]) -> None:
    """A count of "hurt" that is the document's killed plus its wounded is the casualties: Ukrainian and
    Russian bulletins write "постраждали 464 дитини" for the dead and the injured together (167 killed,
    297 wounded). The sum is the evidence, as for a list of places (breakdown.py)."""
    killed = [c for c in claims if c.measure == "killed" and c.best and c.fraction is None]
    if not killed:
        return
    wounded = [i for i, c in enumerate(claims) if c.measure == "wounded" and c.best and c.fraction is None]
    for i in wounded:
        c = claims[i]
        if c.best < _SUM_MIN:  # small counts add up by chance
            continue
        near = [k for k in killed if abs(k.start - c.start) <= _SUM_REACH]
        parts = {claims[j].best for j in wounded if j != i and abs(claims[j].start - c.start) <= _SUM_REACH}
        if any(c.best - k.best in parts for k in near):
            claims[i] = replace(c, measure="casualties")
    _hurt_breakdowns(claims, max(k.best for k in killed))


def _hurt_breakdowns(claims: list[Claim], killed: float) -> None:
    """A list of "hurt" counts by place that adds up to more than the wounded and at most the dead and
    wounded together is a breakdown of the casualties: "найбільше дітей постраждало в Київській - 60,
    Донецькій - 45, ..." after 50 killed and 90 wounded. Read item by item, each is a "hurt"."""
    runs: list[list[int]] = []
    for i, c in enumerate(claims):
        if c.measure != "wounded" or c.fraction is not None or not c.best:
            continue
        prev = claims[runs[-1][-1]] if runs else None
        if prev is not None and c.measure_text == prev.measure_text and c.start - prev.end <= _LIST_GAP:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in (r for r in runs if len(r) >= _LIST_MIN):
        parts = sum(claims[i].best for i in run)
        others = [c for j, c in enumerate(claims) if j not in run and c.best and c.fraction is None]
        wounded = max((c.best for c in others if c.measure == "wounded"), default=0)
        whole = max([killed + wounded] + [c.best for c in others if c.measure == "casualties"])
        if wounded and wounded < parts <= whole:
            for i in run:
                claims[i] = replace(claims[i], measure="casualties")


_SUM_MIN, _SUM_REACH = 20, 800
_LIST_MIN, _LIST_GAP = 3, 40  # items of a list by place: "Київській - 60, Донецькій - 45"


def _plural_role(words: str) -> bool:
    """"the researchers", "the officials": a group, not the one office a "the spokesman said" refers back to."""
    role = speakers_mod.role_of(words)
    return role is not None and role.endswith("s")


def _named_holder(holders: dict[str, speakers_mod.Speaker | None], text: str, role: str) -> speakers_mod.Speaker | None:
    """The one person the document names in `role`: the document is read for it once a role (`holders` is the
    document's `_Context.office_holders`), however many figures ask."""
    if role not in holders:
        holders[role] = speakers_mod.named_for_role(text, role)
    return holders[role]


def _office_holder(att: attr_mod.Attribution, ctx: _Context) -> attr_mod.Attribution | None:
    """The person the document names in the office a "the <office> said" speaks from, if exactly one."""
    role = speakers_mod.role_of(att.text)
    if role is None or role.endswith("s"):
        return None
    sp = _named_holder(ctx.office_holders, ctx.text, role)
    if sp is None or not sp.person:
        return None
    return attr_mod.Attribution(attr_mod.person_claimant(sp.person), f"{att.text} ({sp.text})",
                                att.start, att.end, att.intermediaries)


def _body_of_the_role(claims: list[Claim], text: str, person: str) -> attr_mod.Claimant | None:
    """"ministry spokesman Lior Haiat" where the body is named only with the role elsewhere ("according to a
    foreign ministry spokesman", read as the Israeli Foreign Ministry): the one body another figure of the
    document credits to a speaker in that role."""
    surname = person.split()[-1]
    i = text.find(surname)  # the first mention, where the document introduces them
    words = text[max(0, i - 80):i].split() if i > 0 else []
    while words and words[-1][:1].isupper():
        words.pop()  # their first names
    role = speakers_mod.role_of(" ".join(words[-3:])) if words else None
    if role is None:
        return None
    bodies = {(c.sources[0].name, c.sources[0].kind) for c in claims if c.sources and c.sources[0].text
              and c.sources[0].kind not in ("person", "anonymous", "outlet", "media")
              and speakers_mod.role_of(c.sources[0].text) == role}
    if len(bodies) != 1:
        return None
    name, kind = next(iter(bodies))
    return attr_mod.Claimant(name, kind, None, person)


def _office_beside(text: str, said: SourceRef) -> attr_mod.Claimant | None:
    """"the navy's spokesman, Tomas Weller": a person the lexicon does not know, named with an office whose
    body the document tells (the army of the one place its top names); the person is kept beside it."""
    office = re.sub(r"['\u2019]s\b", "", (said.text or "").replace(said.name, "")).strip(" ,")  # "the army's spokesman"
    if not office or speakers_mod.role_of(office) is None:
        return None
    body = attr_mod.office_of_the_document(text, office)
    return None if body is None else attr_mod.Claimant(body.name, body.kind, body.country, said.name)


def _name_the_roles(claims: list[Claim], text: str, holders: dict[str, speakers_mod.Speaker | None]) -> None:
    """An unnamed office ("..., governor says", "the mayor said") is the one person the document names in
    that office, when it names exactly one ("Gov. Ricardo Rossello"); else, for an office, the office of the
    one place the top of the document names."""
    found: dict[str, SourceRef | None] = {}
    bodies: dict[str, attr_mod.Claimant | None] = {}
    for i, c in enumerate(claims):
        first = c.sources[0] if c.sources else None
        if first is not None and first.kind == "person":
            # a person the lexicon does not know speaks for the one body the document ties them to
            if first.name not in bodies:
                bodies[first.name] = attr_mod.body_of_person(text, first.name) or _body_of_the_role(claims, text, first.name) \
                    or (attr_mod.government_of_the_governor(text) if grammar().GOVERNOR_TITLE.match(first.text or first.name)
                        else None) or _office_beside(text, first)
            body = bodies[first.name]
            if body is not None:
                ref = SourceRef(body.name, body.kind, first.text or first.name)  # type: ignore[arg-type]  (the words name the person)
                claims[i] = replace(c, source=body.name, sources=(ref, *c.sources[1:]))
            continue
        if first is not None and first.kind not in ("anonymous", "media", "outlet") and not attr_mod.is_known(first.name):
            # "the Health Ministry" after "Gaza's Health Ministry": the body named before;
            # "the Department of Public Safety" in a report from Puerto Rico: the lexicon's body of that place
            earlier = attr_mod.body_named_before(text, first.name, c.start)
            if earlier is not None:
                ref = SourceRef(earlier.name, earlier.kind, first.text or first.name)  # type: ignore[arg-type]
                claims[i] = replace(c, source=earlier.name, sources=(ref, *c.sources[1:]))
            else:
                _office_of_the_document(claims, i, text, first.name)
            continue
        if first is not None and first.kind not in ("anonymous", "media", "outlet") and first.text:
            # "the interior minister of the provincial government said": the one interior minister the
            # document names is kept beside the body ("Name, the interior minister")
            holder = _holder_of(text, first, holders)
            if holder is not None:
                claims[i] = replace(c, sources=(SourceRef(first.name, first.kind, f"{first.text} ({holder})"), *c.sources[1:]))
            continue
        if first is None or first.kind != "anonymous" or not first.text:
            continue
        if first.name == attr_mod.OFFICIAL_FIGURES.name:
            # "95 killed in Israel, according to official figures": no body is named (a government, a ministry,
            # the army?), so the claimant stays unnamed, the place whose officials they are kept in its words
            said = f"{first.text} ({c.place})" if c.place else first.text
            claims[i] = replace(c, source=attr_mod.ANONYMOUS.name,
                                sources=(SourceRef(attr_mod.ANONYMOUS.name, "anonymous", said), *c.sources[1:]))
            continue
        role = speakers_mod.role_of(first.text)
        if role is None or role.endswith("s"):
            _office_of_the_document(claims, i, text)
            continue  # "officials", "authorities": a group, not one person
        if role not in found:
            sp = _named_holder(holders, text, role)
            who = attr_mod.person_claimant(sp.person) if sp is not None and sp.person else None
            if who is not None and who.kind == "person":  # a person the lexicon does not know: the body the document ties them to
                who = attr_mod.body_of_person(text, who.name) or who
            found[role] = SourceRef(who.name, who.kind, sp.text) if who is not None else None  # type: ignore[arg-type, union-attr]
        ref = found[role]
        if ref is not None:
            claims[i] = replace(c, source=ref.name, sources=(ref, *c.sources[1:]))
        else:
            _office_of_the_document(claims, i, text)


_ROLE_FILLER = frozenset({"the", "a", "an", "of", "for", "in", "at", "its", "their", "one"})


def _holder_of(text: str, body: SourceRef, holders: dict[str, speakers_mod.Speaker | None]) -> str | None:
    """The person who holds the office a known body's words name ("the interior minister of the provincial
    government"): the one person the document names in that role, when the words of their office ("the
    interior minister") are among the body's words and the lexicon ties them to no other body."""
    role = speakers_mod.role_of(body.text or "")
    if role is None or role.endswith("s"):
        return None
    sp = _named_holder(holders, text, role)
    if sp is None or not sp.person:
        return None
    office = {w for w in re.findall(r"[\w'\u2019-]+", sp.text.replace(sp.person, "").lower()) if w not in _ROLE_FILLER}
    said = set(re.findall(r"[\w'\u2019-]+", (body.text or "").lower()))
    known = attr_mod.person_claimant(sp.person)
    if not office or not office <= said or known.kind != "person" and known.name != body.name:
        return None
    return sp.person


def _office_of_the_document(claims: list[Claim], i: int, text: str, named: str | None = None) -> None:
    """"a health ministry official said" in a report from Gaza: the office of the one place the top names."""
    c = claims[i]
    words = named or c.sources[0].text or ""
    office = attr_mod.office_of_the_document(text, words, named=named is not None)
    if office is not None:  # the words as read stay, with the person named beside the office
        said = c.sources[0].text or words
        claims[i] = replace(c, source=office.name, sources=(SourceRef(office.name, office.kind, said), *c.sources[1:]))  # type: ignore[arg-type]


def _plain(ctx: _Context, start: int, end: int, new_paragraph: bool = False) -> None:
    """Keep a figure-free sentence (or paragraph) for on-demand look-ups by later figures."""
    if ctx.body_claims and _prose(ctx.text, start, end):
        ctx.unattributed = []  # a pointer back reaches over no figure-free sentence, except at the top
    if new_paragraph and not _tally_line(ctx.text[start:end]):
        ctx.actor, ctx.place, ctx.heading, ctx.list_heading = None, None, None, None
    if ctx.text[start:end].endswith(":"):  # "Загальні бойові втрати противника з 24.02.22 по 27.01.25 склали:"
        ctx.heading, ctx.heading_time = (start, end), None
        ctx.list_heading = _list_heading(ctx.text[start:end])
    ctx.previous_plain = (start, end)
    _open_to_look_ups(ctx, start, end)


def _open_to_look_ups(ctx: _Context, start: int, end: int) -> None:
    """Keep a span whose words a later figure may look up: the latest claimant, the paragraph's claimant."""
    ctx.plain_since_attribution.append((start, end))
    ctx.paragraph_plain.append((start, end))
    ctx.paragraph_plain_all.append((start, end))


_WORD_TOKEN = re.compile(r"[\"'“‘«(]*[^\W\d_][\w'’ʼ-]*[.,:;!?»”’\")]*")


def _prose(text: str, start: int, end: int) -> bool:
    """A line of words, not page furniture (an image's address, a time stamp, a view count)."""
    return sum(1 for t in text[start:end].split() if _WORD_TOKEN.fullmatch(t)) >= 3


def _carry(ctx: _Context) -> bool:
    """True when an actor carries over from an earlier sentence of the paragraph."""
    ctx.carried()
    return ctx.actor is not None


def _resolve_forward(claims: list[Claim], ctx: _Context) -> None:
    """A key point may take a share of a deployment the body states later: rebase it on that figure."""
    if not ctx.forward:
        return
    deployed = [i for i, c in enumerate(claims) if c.measure == "deployed" and c.derived_from is None and c.best is not None]
    by_actor: dict[str | None, list[int]] = {}
    for i in deployed:
        by_actor.setdefault(claims[i].actor, []).append(i)
    for idx, q, actor in ctx.forward:
        # the first deployment stated after the share, of the same actor when there is one
        same = by_actor.get(actor, [])
        k = bisect.bisect_right(same, idx)
        if k == len(same):
            same, k = deployed, bisect.bisect_right(deployed, idx)
        if k == len(same):
            continue
        base = claims[same[k]]
        r = resolve_fraction(q, base.low, base.best, base.high, base.qualifier)
        claims[idx] = replace(claims[idx], low=r.low, best=r.best, high=r.high, qualifier=r.qualifier, derived_from=base.claim_id)


def _close_paragraph(claims: list[Claim], ctx: _Context, doc: Document) -> None:
    """One claimant named in a paragraph speaks for the paragraph's unattributed figures (wire style)."""
    open_at = sorted(claims[i].start for i in ctx.paragraph_claims if claims[i].attribution in (None, "outlet")
                     and claims[i].start not in ctx.outlets_own)
    if open_at:
        for start, end in ctx.paragraph_plain:
            if not any_between(open_at, start - _PARAGRAPH_REACH, end + _PARAGRAPH_REACH):
                continue  # a page printed as one line is one "paragraph": its far sentences speak for other figures
            plain = ctx.text[start:end]
            att = attr_mod.attribute_sentence(plain, fold(plain))
            # an unnamed source speaks for the paragraph only when a named carrier vouches for it ("the paper
            # reported, citing a provincial official"); "officials say" alone does not
            if att is not None and (att.claimant.kind != "anonymous" or att.intermediaries):
                ctx.paragraph_claimants.append((start, att))
    ctx.paragraph_plain = []
    named = sorted(ctx.paragraph_claimants, key=lambda item: item[0])
    only = {a.claimant.name for _, a in named}
    for idx in ctx.paragraph_claims:
        if claims[idx].attribution not in (None, "outlet") or claims[idx].start in ctx.outlets_own:
            continue
        c = claims[idx]
        before = [a for where, a in named if where <= c.start]
        # the claimant named last before the figure; after it only for a tally's lines, whose publisher may be
        # named once the list is done ("tanks 9,870 (+8), ... according to the General Staff"). In real copy a
        # claimant named after a figure is mostly another statement's.
        after = [a for where, a in named if where > c.start]
        att = before[-1] if before else (after[0] if len(only) == 1 and after and _tally(c.quote) else None)
        if att is None and after and grammar().SPEAKER_CLOSES_PARAGRAPH:
            att = after[0]  # "Еще 110 человек получили ранения ... , сообщил губернатор": the paragraph's speaker
        if att is None:  # «... 968 втрат ... 340 втрат ...», — сказав Зеленський: the quotation's speaker
            att = next((a for where, a in named if where > c.start and _quoted_until(ctx.text, ctx.paragraph_start, c.start,
                                                                                     where + a.start)), None)
        if att is None and c.section == "body":
            att = ctx.retold
        if att is not None and not _speaks_for_place(att, c):
            att = None
        if att is not None:
            source, chain = attr_mod.source_chain(att, doc.outlet)
            claims[idx] = replace(c, source=source, sources=chain, attribution="carried")
            for k in range(idx + 1, min(len(claims), idx + _LOOK_BACK)):  # its parts ("including 20,000 killed")
                if claims[k].derived_from == c.claim_id and claims[k].attribution != "explicit":
                    claims[k] = replace(claims[k], source=source, sources=chain, attribution="carried")
    if named and grammar().SPEAKER_CLOSES_PARAGRAPH and grammar().CONTINUES.match(ctx.text, ctx.paragraph_start):
        # "В городе погибли 9 человек." then "Еще 40 человек ранены, сообщил губернатор": the
        # paragraph goes on with the count before it, and so does its speaker
        _assign_to(claims, ctx.previous_paragraph_claims, named[-1][1], doc)
    if grammar().SPEAKER_CARRIES_ON:  # Ukrainian and Russian copy: the last speaker named goes on speaking
        if not named and not ctx.paragraph_claims:
            named = [(start, att) for start, end in ctx.paragraph_plain_all
                     if (att := attr_mod.attribute_sentence(ctx.text[start:end], fold(ctx.text[start:end]))) is not None
                     and att.claimant.kind != "anonymous"]
        if named:
            ctx.retold = named[-1][1]
    elif ctx.retold is not None:  # the statement retold ends where the document names someone else
        others = {a.claimant.name for _, a in named} | \
            {claims[i].source for i in ctx.paragraph_claims if claims[i].attribution == "explicit"}
        if others - {ctx.retold.claimant.name}:
            ctx.retold = None
    ctx.paragraph_plain_all = []
    if ctx.paragraph_claims:
        ctx.previous_paragraph_claims = ctx.paragraph_claims
    ctx.paragraph_claims = []
    ctx.paragraph_claimants = []


def _speaks_for_place(att: attr_mod.Attribution, c: Claim) -> bool:
    """Whether a state's body named in the paragraph speaks for a figure with no claimant of its own:
    not for civilians or victims in another country ("Turkey's disaster agency said 240 were killed.
    Across the border, 95 more were reported dead in Syria"). A party's losses abroad stay its word
    (a general staff counts the enemy's dead on the enemy's soil)."""
    country = att.claimant.country
    where = country_of_code(c.place_code)
    return not (country and where and where != country and c.actor in (None, "civilians"))


_QUOTE_PAIRS = {"«": "»", "“": "”", "„": "“"}


def _open_quote(text: str, start: int, at: int) -> str | None:
    """The quotation mark opened between `start` and `at` and not yet closed (quotes inside it,
    “двохсотих” within «...», are passed over)."""
    outer: str | None = None
    depth = 0
    for ch in text[start:at]:
        if outer is None and (ch in _QUOTE_PAIRS or ch == '"'):
            outer, depth = ch, 1
        elif outer is not None and ch == outer and outer in _QUOTE_PAIRS:
            depth += 1
        elif outer is not None and ch == _QUOTE_PAIRS.get(outer, '"'):
            depth -= 1
            if depth == 0:
                outer = None
    return outer


def _quoted_until(text: str, paragraph_start: int, at: int, speaker_at: int) -> bool:
    """Whether the figure at `at` is inside a quotation that closes right before `speaker_at`
    ("«... 340 втрат ...», — сказав Зеленський", '"... 340 ...," he said')."""
    outer = _open_quote(text, paragraph_start, at)
    if outer is None:
        return False
    rest = text[at:speaker_at]
    i = rest.rfind(_QUOTE_PAIRS.get(outer, '"'))
    between = rest[i + 1:] if i >= 0 else ""
    return i >= 0 and len(between.split()) <= 4 and not any(ch in between for ch in ".!?\n")  # "», — сказав", '," he said'


def _remember_mentions(s_text: str, lowered: str, ctx: _Context) -> None:
    found = actors_mod.find_actors(s_text, lowered)
    att = attr_mod.attribute_sentence(s_text, lowered)  # "According to Kiev, ... the city of Bakhmut": Kiev speaks
    # "Israel disputes that account": the one who speaks is not whose losses the next figures count
    spoken = [m for m in found if att is not None and att.start <= m.start < att.end]
    parties = [(m, _civilians_attacked_by(s_text, m, found)) for m in found if m.value.kind != "civilians" and m not in spoken]
    attacked = [c for _, civilians in parties for c in civilians]
    victims = [m for m, civilians in parties if not civilians and not actors_mod.is_agent(s_text, m, len(s_text))]
    if victims:
        ctx.actor = (victims[0].value, victims[0].text)
    elif attacked:  # "ворог обстріляв мирних мешканців": the figures after are of the civilians shelled
        ctx.actor = (attacked[0].value, attacked[0].text)
    places = places_mod.find_places(s_text, lowered, [(m.start, m.end) for m in found],
                                    [(att.start, att.end)] if att is not None else [])
    if places:
        where = next((m for m in places if grammar().LOCATIVE.search(s_text, max(0, m.start - 30), m.start)), places[0])
        ctx.place = (where.value, where.text)


def _civilians_attacked_by(s_text: str, m: Match[actors_mod.Actor], found: list[Match[actors_mod.Actor]]) -> list[Match[actors_mod.Actor]]:
    """The civilians named after a verb of attack whose subject is the mention ("Вранці ворог цинічно обстріляв
    мирних мешканців"): the attacker is no victim of what follows."""
    verbs = grammar().ATTACK_VERBS
    if not any(w.strip(".,;:!?\"'«»").lower() in verbs for w in s_text[m.end:m.end + 40].split()[:3]):
        return []
    return [c for c in found if c.value.kind == "civilians" and c.start > m.end]


def _assign_to(claims: list[Claim], indexes: list[int], att: attr_mod.Attribution, doc: Document) -> None:
    """Give a claimant to those of these claims that name none of their own."""
    source, chain = attr_mod.source_chain(att, doc.outlet)
    for idx in indexes:
        if claims[idx].attribution in (None, "outlet"):
            claims[idx] = replace(claims[idx], source=source, sources=chain, attribution="carried")


def _assign_back(claims: list[Claim], ctx: _Context, att: attr_mod.Attribution, doc: Document) -> None:
    """Give the claimant of 'This was reported by X' to the figures just before it (and to their derived claims)."""
    source, chain = attr_mod.source_chain(att, doc.outlet)
    ids = set()
    for idx in ctx.unattributed:
        claims[idx] = replace(claims[idx], source=source, sources=chain, attribution="carried")
        ids.add(claims[idx].claim_id)
    first = min(ctx.unattributed, default=len(claims))  # a derived claim comes after the figure it is taken from
    for i in range(first, len(claims)):
        c = claims[i]
        if c.derived_from in ids and c.attribution != "explicit":
            claims[i] = replace(c, source=source, sources=chain, attribution="carried")
    ctx.unattributed = []


@dataclass(slots=True)
class _SentenceRecord:
    """One sentence under analysis: what was found in it once, and the claims being built.

    Every stage reads and writes this record (and the draft of the figure in hand); the
    attribution fields are the sentence's, so a figure that inherits its base's claimant
    leaves it for the figures after it, as one reading of the sentence does.
    """

    doc: Document
    text: str
    lowered: str
    offset: int
    reference: _Reference  # the document's reference date, on first call
    ctx: _Context
    earlier: list[Claim]
    quantities: list[Quantity]
    cues: list
    units: list
    actor_mentions: list
    place_mentions: list
    time_mentions: list
    att: attr_mod.Attribution | None
    how: str | None
    source: str | None
    chain: tuple
    spans: list[tuple[int, int]]
    span_starts: list[int]
    linked: set[int]
    out: list[Claim] = field(default_factory=list)
    sentence_actor: tuple[str | None, str | None, str | None] | None = None
    clause_breaks: list[int] = field(default_factory=list)  # where a clause with its own speaker may start
    singulars: frozenset[tuple[int, int]] = frozenset()  # spans of people counted one by a noun ("a woman")


@dataclass(slots=True)
class _Draft:
    """The figure in hand and what the stages have decided about it so far."""

    qi: int
    q: Quantity
    blockers: list[tuple[int, int]] = field(default_factory=list)
    skip: list[tuple[int, int]] = field(default_factory=list)
    base_claim: Claim | None = None
    pending: Quantity | None = None
    part_of: Claim | None = None
    derived_from: str | None = None
    choice: measures_mod.MeasureChoice | None = None
    unit_m: Match[str] | None = None
    actor: tuple | None = None
    actor_name: str | None = None
    actor_country: str | None = None
    actor_text: str | None = None
    place: places_mod.Place | None = None
    place_m: Match[places_mod.Place] | None = None
    place_text: str | None = None
    tm: times_mod.TimeSpan | None = None
    source: str | None = None  # the figure's own clause's claimant, when it differs from the sentence's
    chain: tuple = ()
    how: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    date_text: str | None = None
    term: conf_mod.Term | None = None


class _Scanned:
    """The document's measure cues and unit nouns, found in one pass over its folded text, handed to each
    sentence as its own (offsets from the sentence's start): one automaton run a document, not two a
    sentence with a figure."""

    __slots__ = ("_text", "_folded", "_cues", "_units", "_cue_starts", "_unit_starts")

    def __init__(self, text: str, folded: str) -> None:
        self._text, self._folded = text, folded
        self._cues = measures_mod.find_measure_cues(text, folded)
        self._units = measures_mod.find_unit_nouns(text, folded)
        self._cue_starts = [m.start for m in self._cues]
        self._unit_starts = [m.start for m in self._units]

    def counts_anything(self) -> bool:
        """Whether the document holds a measure cue or a noun of people or things a claim can count."""
        return bool(self._cues) or measures_mod.counts_something(self._units)

    def folded(self, start: int, end: int, s_text: str) -> str:
        """fold(s_text), cut from the document's folding when its lengths agree."""
        if len(self._folded) != len(self._text) + 2:  # a character whose lower case is longer ("İ")
            return fold(s_text)
        return " " + self._folded[start + 1:end + 1] + " "

    def words(self, start: int, end: int) -> tuple[list[Match[str]], list[Match[str]]]:
        """The cues and nouns inside [start, end), at offsets in that span (what a scan of the span alone finds)."""
        return _inside(self._cues, self._cue_starts, start, end), _inside(self._units, self._unit_starts, start, end)


def _inside(found: list[Match[str]], starts: list[int], start: int, end: int) -> list[Match[str]]:
    out = []
    for i in range(bisect.bisect_left(starts, start), len(found)):
        m = found[i]
        if m.start >= end:
            break
        if m.end <= end:
            out.append(Match(m.start - start, m.end - start, m.value, m.text))
    return out


def _of_a_whole_before(s_text: str) -> bool:
    """"Of them, 900 were under 25", "900 of them": the sentence's figure is a part of one before."""
    en = grammar()
    return en.SUBSET_OPENS.match(s_text) is not None or en.OF_THEM_AFTER.search(s_text) is not None


def _read_sentence(doc: Document, sent: Sentence, s_text: str, lowered: str, quantities: list[Quantity],
                   reference: _Reference, ctx: _Context, earlier: list[Claim],
                   words: tuple[list[Match[str]], list[Match[str]]]) -> _SentenceRecord:
    """The sentence's mentions, found once: measure cues and unit nouns (`words`, from the document's scan),
    actors, places, times and its claimant."""
    cues, units = words
    actor_mentions = actors_mod.find_actors(s_text, lowered)
    time_mentions = times_mod.find_times(s_text, reference)  # the reference date is looked for only if a time is named
    att = attr_mod.attribute_sentence(s_text, lowered)
    if att is None or att.claimant.kind == "anonymous":
        att = attr_mod.regional_authorities(s_text, doc.text) or att  # "..., сообщили власти региона"
    speaker = [(att.start, att.end)] if att is not None else []
    if att is not None:  # "the State Emergency Service of Ukraine said": a speaker, not a victim
        actor_mentions = [m for m in actor_mentions if m.end <= att.start or m.start >= att.end]
    place_mentions = places_mod.find_places(s_text, lowered, [(m.start, m.end) for m in actor_mentions], speaker)
    how: str | None = "explicit"
    holder = _office_holder(att, ctx) if att is not None and att.back else None
    if holder is not None:
        att = holder  # "the health minister ... announced": the one person the document names in that office
    elif att is not None and att.back and att.claimant.kind == "anonymous" and not _plural_role(att.text) \
            and ctx.latest_attribution() is not None \
            and ctx.last_attribution.claimant.kind != "anonymous" \
            and attr_mod.may_refer_back(att.text, ctx.last_attribution.claimant):
        # "the spokesperson said": the one named before; not "the government" after the WHO
        att, how = ctx.last_attribution, "carried"
    elif (att is None or att.claimant.kind == "media") and attr_mod.refers_to_earlier(s_text) \
            and ctx.latest_attribution() is not None and ctx.last_attribution.claimant.kind != "media":
        # "По его словам, передает ТАСС, ...": the one named before speaks, the agency carries it
        carrier = (SourceRef(att.claimant.name, "media", att.text),) if att is not None else ()
        att, how = replace(ctx.last_attribution, intermediaries=carrier + ctx.last_attribution.intermediaries), "carried"
        ctx.paragraph_claimants.append((sent.start, att))
    elif att is not None and att.intermediaries and att.claimant.kind == "anonymous":
        ctx.paragraph_claimants.append((sent.start, att))  # "a radio station reported, citing nurses, ...": vouched for
    elif att is not None and att.claimant.kind != "anonymous":
        ctx.attributed(att, sent.start)
        if ctx.retold is None and doc.section_at(sent.start) == "headline" and attr_mod.HEADLINE_COLON.match(s_text, att.end):
            ctx.retold = att  # "МЧС России: ...", "Ukraine's General Staff: ...": the article retells its statement
    if att is None and ctx.list_heading is not None and ctx.list_heading.said_by is not None and _LIST_ITEM.match(s_text):
        att, how = ctx.list_heading.said_by, "carried"  # the heading's speaker gives the list
    if att is None and _tally_line(s_text) and _open_quote(ctx.text, ctx.paragraph_start, sent.start) is None \
            and ctx.latest_attribution() is not None:
        att, how = ctx.last_attribution, "carried"  # a tally's lines belong to whoever published the tally
    if att is None and ctx.sentence_before is not None and ctx.sentence_before[0] == ctx.paragraph \
            and ctx.sentence_before[1] is not None and grammar().CONTINUES.match(s_text):
        att, how = ctx.sentence_before[1], "carried"
    ctx.sentence_before = (ctx.paragraph, att)
    source, chain = attr_mod.source_chain(att, doc.outlet)
    if att is None:
        how = "outlet" if doc.outlet else None
    spans = [(q.start, q.end) for q in quantities]
    linked = {i for i, q in enumerate(quantities) if q.base_index is not None} | \
        {q.base_index for q in quantities if q.base_index is not None}
    breaks = [m.start() for m in en.SPEAKER_CLAUSE_BREAK.finditer(s_text)] if att is not None and len(quantities) > 1 else []
    return _SentenceRecord(doc, s_text, lowered, sent.start, reference, ctx, earlier, quantities, cues, units, actor_mentions,
                           place_mentions, time_mentions, att, how, source, chain, spans,
                           [sp[0] for sp in spans],  # quantities come in text order
                           linked, clause_breaks=breaks,
                           singulars=frozenset((q.start, q.end) for q in quantities if q.singular))


def _value(s: _SentenceRecord, f: _Draft) -> bool:
    """The figure's neighbourhood: the other figures that block a mention, and its base's own words to skip."""
    en = grammar()  # the language being read, looked up once for this call
    q, qi, spans = f.q, f.qi, s.spans
    lo = bisect.bisect_left(s.span_starts, q.start - _BLOCKER_REACH)
    hi = bisect.bisect_right(s.span_starts, q.end + _BLOCKER_REACH)
    # a figure that shares this one's verb does not block it: a part named in passing after it ("Eleven
    # villagers, including four minors, were killed"), or its whole after it ("Two journalists were among
    # the 15 killed")
    sharing = [b for b in spans[qi + 1:hi] if b[0] >= q.end and (
        en.PART_AFTER.fullmatch(s.text, q.end, b[0]) or en.AMONG_BEFORE_WHOLE.fullmatch(s.text, q.end, b[0]))]
    if sharing:
        spans = [b for b in spans if b not in sharing]
        lo, hi = bisect.bisect_left([b[0] for b in spans], q.start - _BLOCKER_REACH), len(spans)
        qi = spans.index((q.start, q.end))
    if s.linked:  # a fraction and its base do not block each other
        f.blockers = [spans[j] for j in range(lo, hi) if j != qi and s.quantities[j].base_index != qi and q.base_index != j]
    else:
        f.blockers = spans[lo:qi] + spans[qi + 1:hi] if lo <= qi < hi else spans[lo:hi]
    if s.singulars:  # "one officer and a civilian died": a person counted by a noun shares the verb, blocks nothing
        f.blockers = [b for b in f.blockers if b not in s.singulars]
    if q.anaphor and q.fraction is not None and s.text[q.end:q.end + 4].lower() == " of ":
        f.skip = [(q.end, q.end + 4 + len(q.anaphor))]
    elif q.base_index is not None:
        # "a third of the 11,000 troops deployed": the base's own words (up to the verb) describe the base
        base_end = s.quantities[q.base_index].end
        verb = en.AUXILIARY.search(s.text, base_end, base_end + 40)
        f.skip = [(q.end, verb.start() if verb else base_end + 40)]  # "of the soldiers sent": the base's words, not this figure's
    return True


def _derivation(s: _SentenceRecord, f: _Draft) -> bool:
    """What the figure is of: a tally's increment, a share of an earlier figure, a part of a whole."""
    q, offset, ctx, out = f.q, s.offset, s.ctx, s.out
    running = next((c for c in reversed(out) if c.end <= offset + q.start), None)
    if q.increment and running is not None:
        # "(+1,200)" after a running total: the same quantity, counted for the tally's day
        ref = s.reference()
        out.append(replace(running, claim_id=claim_id(s.doc.doc_id, offset + q.start, offset + q.end, running.measure),
                           low=q.low, best=q.best, high=q.high, qualifier="exact", value_text=q.text,
                           date_start=ref.isoformat() if ref else None, date_end=ref.isoformat() if ref else None,
                           date_text=None, start=offset + q.start, end=offset + q.end, derived_from=None))
        return False
    if q.fraction is not None and q.base_index is None:
        ctx.carried()
        before = [c for c in _recent(s.earlier, out) if c.start < offset + q.start]  # an anaphor looks back, never ahead
        f.base_claim = resolve_base(q.anaphor or "", before, ctx.actor[0].name if ctx.actor else None)
        if wants_deployment(q.anaphor or "") and (f.base_claim is None or f.base_claim.measure != "deployed"):
            f.pending = q
        if f.base_claim is None:
            return False
        f.q = q = resolve_fraction(q, f.base_claim.low, f.base_claim.best, f.base_claim.high, f.base_claim.qualifier)
    if f.base_claim is None and q.fraction is None:
        f.part_of = _part_of(s.text, q, offset, s.earlier, out)
        if f.part_of is not None:
            f.base_claim = f.part_of
    if q.base_index is not None:
        base_q = s.quantities[q.base_index]
        f.derived_from = next((c.claim_id for c in out if c.start == offset + base_q.start), None)
    if f.base_claim is not None:
        f.derived_from = f.base_claim.claim_id
    return True


def _for_unit(measure: str | None, ambiguous: bool, unit: str | None) -> tuple[str | None, bool]:
    """A measure taken from another figure, fitted to this figure's unit: losses of things are things
    destroyed ("lost 43,000 soldiers and 5,000 pieces of equipment, 26 aircraft"), and people "destroyed"
    with tanks are casualties of an ambiguous word."""
    if measure and unit and unit != "personnel" and measure_registry()[measure].equipment_as:
        return measure_registry()[measure].equipment_as, False
    if measure and unit == "personnel" and not measure_registry()[measure].people:
        return "casualties", True
    return measure, ambiguous


def _parts_count_their_share(s: _SentenceRecord) -> None:
    """"half of the dead captives (9 out of 18)": the 9 is the half, and counts what the share counts
    (here killed, where "hostages" alone would make it captured)."""
    at = {c.start - s.offset: i for i, c in enumerate(s.out)}
    for qi, q in enumerate(s.quantities):
        j = _bracketed_share(s.text, s.quantities, qi)
        if j is not None and q.start in at and s.quantities[j].start in at:
            part, share = s.out[at[q.start]], s.out[at[s.quantities[j].start]]
            if part.measure != share.measure and share.measure is not None:
                s.out[at[q.start]] = replace(part, measure=share.measure, measure_text=share.measure_text,
                                             ambiguous_measure=share.ambiguous_measure,
                                             claim_id=claim_id(s.doc.doc_id, part.start, part.end, share.measure))


def _bracketed_share(text: str, quantities: list[Quantity], qi: int) -> int | None:
    """The share whose base the brackets give with this figure as the part: "half (35 out of 70)" -> half."""
    q = quantities[qi]
    for j in range(qi - 1, -1, -1):
        share = quantities[j]
        if share.fraction is None or share.base_index is None or share.base_index <= qi:
            continue
        opening = text.rfind("(", share.end, q.start)
        paren = grammar().PAREN_SHARE.match(text, opening) if opening >= 0 else None
        if paren and paren.end() == quantities[share.base_index].start:
            return j
    return None


def _returned_from_captivity(s: _SentenceRecord, q: Quantity) -> bool:
    """True when a verb of return or release governs a count of people in a document that speaks of
    captivity or an exchange: the people are prisoners of war coming home ("домой вернулись 90 российских
    военнослужащих", "додому повернулися 95 захисників", "in the swap, 90 servicemen came home")."""
    en = grammar()
    if not en.RETURNED.search(s.text, max(0, q.start - _RETURN_REACH), min(len(s.text), q.end + _RETURN_REACH)):
        return False
    return en.CAPTIVITY.search(s.doc.text) is not None


_RETURN_REACH = 40


def _measure(s: _SentenceRecord, f: _Draft) -> bool:
    """What the figure counts; a part counts what its whole counts unless it names its own measure."""
    en = grammar()  # the language being read, looked up once for this call
    q = f.q
    choice = measures_mod.choose_measure(s.text, s.cues, s.units, q.start, q.end, f.blockers, f.skip)
    if f.part_of is not None:
        # "killed 24 people, among them four children", "11 of the injured were children":
        # the part counts what its whole counts, and is read from it ("8,000 of them have moved" keeps its verb)
        part_of = f.part_of
        unit = choice.unit if choice is not None and choice.unit else part_of.unit
        opener = en.SUBSET_OPENS.match(s.text)
        own = choice is not None and choice.measure is not None and (
            en.OF_THEM_AFTER.match(s.text, q.end) or choice.cue_start is not None and (
                choice.cue_start >= q.end
                # "З них безповоротні втрати склали 3 100": a sentence of parts names each part's own measure
                or opener is not None and choice.cue_start >= opener.end()))
        sibling = s.out[-1] if s.out and s.out[-1].derived_from == part_of.claim_id else None
        if not own and sibling is not None and sibling.measure != part_of.measure \
                and not any(sibling.end - s.offset <= c.start < q.start for c in s.cues):
            # "в частности, поражены семь БМП, 77 гаубиц и два танка": the list's later items share its first's verb
            measure, ambiguous = _for_unit(sibling.measure, sibling.ambiguous_measure, unit)
            choice = measures_mod.MeasureChoice(measure, sibling.measure_text, ambiguous, unit)
        elif not own:  # "including more than 9,000 killed in action", "some 700 have become casualties" name their own
            measure, ambiguous = _for_unit(part_of.measure, part_of.ambiguous_measure, unit)
            choice = measures_mod.MeasureChoice(measure, part_of.measure_text, ambiguous, unit)
    if q.base_index is not None and (choice is None or choice.measure is None):
        # "60% of the 40,000 displaced are children": the share counts what its base counts
        base_q = s.quantities[q.base_index]
        whole = next((c for c in s.out if c.start == s.offset + base_q.start), None)
        if whole is not None:
            choice = measures_mod.MeasureChoice(whole.measure, None, whole.ambiguous_measure, whole.unit)
    if f.base_claim is not None and (choice is None or choice.measure is None):
        # "roughly half of the displaced are children": the part counts what its whole counts
        choice = measures_mod.MeasureChoice(f.base_claim.measure, None, f.base_claim.ambiguous_measure, f.base_claim.unit)
    if choice is not None and choice.cue_start is not None and choice.cue_start >= q.end and s.out \
            and en.TOTAL_BEFORE.search(s.text, s.out[-1].end - s.offset, q.start):
        choice = None  # "bringing the total to 11,214, a grim loss of life": a total of what came before
    if (choice is None or choice.measure is None) and s.out:
        # "revised from 1,400 to about 1,200", "increased to 34 from 16", "bringing the total to 41,732":
        # the figure paired with the one before counts what it counts
        prev = s.out[-1]
        gap = (prev.end - s.offset, q.start)
        ellipsis = gap[1] - gap[0] <= 90 and en.ELLIPSIS_BEFORE.search(s.text, *gap) is not None \
            and not any(gap[0] <= c.start < gap[1] for c in s.cues) \
            and not en.OWN_VERB_AFTER.match(s.text, q.end)  # "killed 1,400 in Israel ... and about 3,000 in Gaza"
        # "у Київській - 86, Донецькій - 81, Харківській - 73": a list of labelled counts shares the first's measure
        labelled = gap[1] - gap[0] <= 60 and _LABELLED_ITEM.fullmatch(s.text, *gap) is not None \
            and not any(gap[0] <= c.start < gap[1] for c in s.cues)
        # ("the 14 deaths confirmed ..., said there are five more": the word after the first figure is its own)
        more = en.MORE_AFTER.match(s.text, q.end) is not None and not any(
            gap[0] <= c.start < gap[1] and c.text != prev.measure_text for c in s.cues)
        if (ellipsis or labelled or more or en.PAIRED_AFTER.fullmatch(s.text, *gap) or en.TOTAL_BEFORE.search(s.text, *gap)) \
                and not measures_mod.counts_nothing(s.text, s.units, s.cues, q.start, q.end, f.blockers):
            unit = choice.unit if choice is not None and choice.unit else prev.unit
            measure, ambiguous = _for_unit(prev.measure, prev.ambiguous_measure, unit)
            choice = measures_mod.MeasureChoice(measure, prev.measure_text, ambiguous, unit)
    if choice is not None and choice.measure is None and choice.unit == "personnel" and _returned_from_captivity(s, q):
        # "домой вернулись 90 российских военнослужащих" in a report of a prisoner exchange: prisoners of war, freed
        choice = measures_mod.MeasureChoice("captured", None, False, choice.unit)
    if choice is not None and choice.measure is not None and measures_mod.needs_party(choice) and f.part_of is None \
            and f.base_claim is None and q.base_index is None and not _names_a_party(s):
        return False  # "Leeds lost 31-17", "a loss of 96 points": no party to a conflict lost anything
    if choice is None or choice.measure is None:
        item = s.ctx.list_heading is not None and _LIST_ITEM.match(s.text) is not None
        if not (_tally_line(s.text) or item) or choice is None or not choice.unit:
            return False
        measure = "casualties" if choice.unit == "personnel" else "destroyed"
        if item and choice.unit == "personnel":
            measure = s.ctx.list_heading.measure  # "втратила:" then "• 6 662 убитими"
        choice = measures_mod.MeasureChoice(measure, None, False, choice.unit)
    f.choice = choice
    return True


def _names_a_party(s: _SentenceRecord) -> bool:
    """Whether the sentence, or the paragraph before it, names a party to a conflict (an army, a group, a state's
    forces), or its speaker is one: what makes "lost 4,000" a loss of people."""
    if any(m.value.kind != "civilians" for m in s.actor_mentions) or s.ctx.actor is not None:
        return True
    att = s.att or s.ctx.retold
    return att is not None and att.claimant.kind in ("military", "ministry", "government", "armed_group", "intelligence")


def _forces_of_the_people(s: _SentenceRecord, whole: Claim) -> actors_mod.Actor | None:
    """The state forces of the people a whole in this sentence counts ("1,664 Israelis"), by its noun."""
    at = whole.end - s.offset
    if not 0 <= at <= len(s.text):
        return None
    found = actors_mod.demonyms().find(s.text[at:at + 30], fold(s.text[at:at + 30]))
    if not found or found[0].start > 2 or not actors_mod.names_a_people(found[0].text):
        return None
    return actors_mod.forces_of(None, found[0].value)


def _actor(s: _SentenceRecord, f: _Draft) -> bool:
    """Whose losses or troops: the nearest victim mention, a list's heading, the sentence's or paragraph's actor, the base's."""
    q, ctx, text = f.q, s.ctx, s.text
    f.unit_m = unit_m = measures_mod.choose_unit(s.units, q.start, q.end, f.blockers, text, s.cues)
    # whose "we" and "our" are: the sentence's speaker, else the one the article retells ("«Ми – 340 втрат»,
    # — сказав Зеленський" names him only after the quotation)
    said_by = s.att or ctx.retold or ctx.last_attribution
    speaker = (said_by.claimant.name, said_by.claimant.country) if said_by is not None else None
    inside = next((m for m in s.actor_mentions if q.start <= m.start and m.end <= q.end), None) if q.singular else None
    # "Ukrainian soldier wounded, civilian killed": a count of one is its own noun's party
    actor = (inside.value, inside.text, inside.start, inside.end) if inside is not None else \
        actors_mod.choose_actor(text, s.lowered, s.actor_mentions, q.start, q.end, f.blockers, unit_m, speaker)
    if actor is None and unit_m is not None and measures_mod.list_item(text, unit_m, q.start, q.end):
        # "Russian equipment destroyed: tanks 9,870, ...": the heading's actor owns every item
        heading = [m for m in s.actor_mentions if m.end <= unit_m.start and not actors_mod.is_agent(text, m, m.end)
                   and not actors_mod.acts_on_figure(text, m, q.start)]
        if heading:
            actor = (heading[0].value, heading[0].text, heading[0].start, heading[0].end)
    prev = s.out[-1] if s.out else None
    if prev is not None and prev.actor and (actor is None or actor[3] <= prev.start - s.offset) \
            and _same_list(text, prev.end - s.offset, q.start):
        # "уничтожено более 90 военных ВСУ, один танк, две машины", "потеряли ... 8 самолетов и 5 танков": an
        # item of a list is the first item's party, not the party of a mention before the list (here the
        # Russian group of forces that fired), nor the other side of the list's subject
        actor = None
        first = _first_item(s)
        if first.actor == "civilians" and actors_mod.item_names_combatants(text, q.end):
            # "41 Ukrainian civilians, ..., 12 members of the border guard": soldiers listed after a people's
            # civilians are that people's state forces, never civilians
            country = first.actor_country or next((c.actor_country for c in reversed(s.out) if c.actor_country), None)
            own = actors_mod.forces_of(None, country)
            f.actor_name, f.actor_country, f.actor_text = (own.name, own.country, None) if own else (None, None, None)
        else:
            f.actor_name, f.actor_country, f.actor_text = first.actor, first.actor_country, None
    opponent = _opponent(s, q.start) if actor is None and f.actor_name is None and f.choice is not None \
        and f.choice.unit not in (None, "personnel") else None  # "Сили оборони знищили ще чотири танки": the other side's tanks
    f.actor = actor
    if actor is not None and actors_mod.names_a_people(actor[1]) and grammar().DISASTER_CAUSE.search(text):
        # "за год в пожарах погибли 7 900 россиян": a people's dead in a disaster are its civilians
        f.actor_name, f.actor_country, f.actor_text = "civilians", actor[0].country, actor[1]
    elif actor is not None:
        f.actor_name, f.actor_country, f.actor_text = actor[0].name, actor[0].country, actor[1]
    elif opponent is not None:
        f.actor_name, f.actor_country, f.actor_text = opponent.name, opponent.country, None
    elif f.actor_name is not None:
        pass  # the list's first item's party, above
    elif s.sentence_actor is not None and not (unit_m is not None and 0 <= unit_m.start - q.end <= 25):
        f.actor_name, f.actor_country, f.actor_text = s.sentence_actor  # "killed 24 people ... and injured 108"
    elif _carry(ctx) and f.choice is not None and f.choice.unit:
        f.actor_name, f.actor_country, f.actor_text = ctx.actor[0].name, ctx.actor[0].country, None
    elif ctx.list_heading is not None and ctx.list_heading.actor is not None and _LIST_ITEM.match(text):
        f.actor_name, f.actor_country, f.actor_text = ctx.list_heading.actor.name, ctx.list_heading.actor.country, None
    elif f.choice is not None and f.choice.unit == "personnel" and unit_m is None \
            and (last := _paragraph_civilians(s)) is not None:
        # "Еще 110 человек получили ранения. В тяжелом состоянии находится 30 раненых": people counted by a word
        # of loss alone are the paragraph's civilians counted before
        f.actor_name, f.actor_country, f.actor_text = last.actor, last.actor_country, None
    elif _tally_line(text) and (last := _last_armed(s.earlier)) is not None:
        # "танки — 9419 (+20)" under "Втрати в техніці також зросли:": the statement's party, counted above
        f.actor_name, f.actor_country, f.actor_text = last.actor, last.actor_country, None
    if f.actor_name is None and f.choice is not None and f.choice.unit not in (None, "personnel") \
            and f.choice.measure in _TAKEN_FROM_ENEMY:
        # a belligerent's own count of equipment destroyed, downed or captured, with no owner named, is of its
        # enemy's ("були знищені дві бойові броньовані машини", said the Russian Ministry of Defence)
        speaker_att = s.att or ctx.retold
        if speaker_att is not None and speaker_att.claimant.kind not in ("anonymous", "media", "outlet"):
            f.actor_name = actors_mod.ENEMY
    generic = f.actor_name is None or f.actor_name == "civilians" and (f.actor_text or "").lower() in actors_mod.generic_words()
    if generic and actors_mod.names_combatants(text, q.start, q.end) and (last := _last_armed(s.earlier)) is not None:
        # "три генерала и 12 полковников": soldiers of no named party are the document's armed party's
        f.actor_name, f.actor_country, f.actor_text = last.actor, last.actor_country, None
    elif generic and f.actor_name == "civilians" and (army := _only_army(s.earlier)) is not None and not any(
            m.value.kind == "civilians" and m.text.lower() not in actors_mod.generic_words() for m in s.actor_mentions):
        # "погибли 5 937 человек" in a count of one army's dead: people of no party are that army's
        f.actor_name, f.actor_country, f.actor_text = army.actor, army.actor_country, None
    if f.actor_name == actors_mod.ENEMY:  # "противник потерял 319 танков": the speaker's enemy, if the speaker is known
        speaker_att = s.att or ctx.retold or ctx.last_attribution
        enemy = actors_mod.enemy_of(speaker_att.claimant.country) if speaker_att is not None else None
        f.actor_name, f.actor_country = (enemy.name, enemy.country) if enemy else (None, None)
    if actor is not None:
        s.sentence_actor = (f.actor_name, f.actor_country, f.actor_text)
        if actor[0].kind != "civilians" and f.actor_name == actor[0].name:  # not a people's dead read as civilians
            ctx.actor = (actor[0], actor[1])
    if f.base_claim is not None and (actor is None or _OF_THOSE.match(text, q.end) and f.base_claim.actor):
        # "about 9,000 of those fighters": a part of the figure before is of the same party
        f.actor_name, f.actor_country = f.base_claim.actor, f.base_claim.actor_country
        f.actor_text = f.base_claim.actor_text
        if f.actor_name in (None, "civilians") and (unit_m is not None and unit_m.start >= q.end
                                                     and grammar().FIGHTERS.fullmatch(unit_m.text)
                                                     or actors_mod.item_names_combatants(text, q.end)):
            # "2,900 Ukrainians have died there, including 1,100 soldiers": the soldiers of that people's state, and
            # never civilians ("400 people died, including 120 soldiers")
            forces = _forces_of_the_people(s, f.base_claim)
            f.actor_name, f.actor_country, f.actor_text = (forces.name, forces.country, None) if forces else (None, None, None)
    if f.choice is not None and f.choice.unit == "building":
        f.actor_name = f.actor_country = f.actor_text = None  # homes and schools are no party's losses
    return True


@dataclass(frozen=True, slots=True)
class _ListHeading:
    """A line ending in a colon that names a loss ("російська армія втратила:"): the bulleted items under
    it ("• 45 танків;") are that loss, of that party."""

    measure: str
    actor: actors_mod.Actor | None
    said_by: attr_mod.Attribution | None  # "Сирський повідомив, що ... втратила:"


# a bulleted line that starts with its figure: "• 45 танків;", "- 256 armoured vehicles"
# between two counts of one list: a comma, then a label and its dash or colon ("..., Донецькій - ")
# (the noun the first count takes may stand after it: "– 5 100 человек, на втором месте мобилизованные – 3 900")
_LABELLED_ITEM = re.compile(r"(?:\s+[^\W\d_]+)?,\s*[^\W\d_][\w'’ʼ.-]*(?:\s+[\w'’ʼ.-]+){0,3}\s*[-–—:]\s*")
_LIST_ITEM = re.compile(r"\s*(?:[•·▪‣◦*]|[-–—](?=\s*\d))\s*\d")


def _list_heading(line: str) -> _ListHeading | None:
    lowered = fold(line)
    cues = [c for c in measures_mod.find_measure_cues(line, lowered) if c.value in _LOSSES]
    if not cues:
        return None
    victims = [m for m in actors_mod.find_actors(line, lowered) if not actors_mod.is_agent(line, m, cues[-1].start)
               and m.value.kind not in ("civilians", "enemy")]
    said_by = attr_mod.attribute_sentence(line, lowered)
    return _ListHeading(cues[-1].value, victims[-1].value if victims else None,
                        said_by if said_by is not None and said_by.claimant.kind != "anonymous" else None)


_TAKEN_FROM_ENEMY = frozenset({"destroyed", "damaged", "captured"})
_LIST_JOINT = re.compile(r"\s*(?:,|;)?\s*(?:(?:and|і|й|та|и|а также|також|also)\s+)?")


def _first_item(s: _SentenceRecord) -> Claim:
    """The first item of the list the sentence's last claim so far ends (items joined by commas or "and")."""
    items = s.out
    k = len(items) - 1
    while k > 0 and items[k - 1].actor and _same_list(s.text, items[k - 1].end - s.offset, items[k].start - s.offset):
        k -= 1
    return items[k]


def _same_list(text: str, prev_end: int, start: int) -> bool:
    """Whether the figure at `start` is the next item of a list after the figure ending at `prev_end`:
    only the previous item's noun and a comma or "and" between ("140 військових ЗСУ, один танк")."""
    between = text[prev_end:start]
    joint = between.rfind(",") if "," in between else max(between.rfind(" and "), between.rfind(" і "), between.rfind(" и "),
                                                           between.rfind(" та "), between.rfind(" й "))
    return 0 <= joint and len(between) <= 60 and not any(ch in between for ch in ".;:") \
        and _LIST_JOINT.fullmatch(between, joint) is not None


_LOWER_BOUNDS = frozenset({"at_least", "more_than"})


def _list_shares_its_bound(s: _SentenceRecord) -> None:
    """"как минимум 12 домов, 40 квартир, два магазина", "at least two generals, 10 colonels": a lower
    bound before a list of one measure, with no word of loss between its items, bounds every item."""
    out = s.out
    for i in range(1, len(out)):
        prev, c = out[i - 1], out[i]
        if prev.qualifier not in _LOWER_BOUNDS or c.qualifier != "exact" or c.measure != prev.measure \
                or c.derived_from is not None or c.fraction is not None:
            continue
        a, b = prev.end - s.offset, c.start - s.offset
        if _same_list(s.text, a, b) and not any(a <= cue.start < b for cue in s.cues) \
                and not grammar().OWN_VERB_AFTER.match(s.text, c.end - s.offset):  # not "..., and 3.6 million are in Turkey"
            out[i] = replace(c, high=None, qualifier=prev.qualifier)


def _paragraph_civilians(s: _SentenceRecord) -> Claim | None:
    """The last claim of this paragraph, when it counts civilians."""
    last = s.out[-1] if s.out else (s.earlier[s.ctx.paragraph_claims[-1]] if s.ctx.paragraph_claims else None)
    return last if last is not None and last.actor == "civilians" else None


def _only_army(earlier: list[Claim]) -> Claim | None:
    """The latest loss claim, when every loss claim of the document so far with a party counts one armed party's."""
    losses = [c for c in earlier if c.actor and c.measure in _LOSSES]
    return losses[-1] if losses and all(c.actor == losses[0].actor != "civilians" for c in losses) else None


def _last_armed(earlier: list[Claim]) -> Claim | None:
    """The latest claim of the document that counts an armed party's losses."""
    return next((c for c in reversed(earlier) if c.actor and c.actor != "civilians" and c.measure in _LOSSES), None)


_LOSSES = frozenset(measures_where(loss=True))


def _opponent(s: _SentenceRecord, start: int) -> actors_mod.Actor | None:
    """The other side, when an armed party is the subject of a verb of loss over the figure: the armed
    party the document counted last that is not the subject's (a General Staff report: "the Russian army
    lost 1,150 ...", then "the Defence Forces destroyed four tanks")."""
    agent = next((m for m in s.actor_mentions if actors_mod.acts_on_figure(s.text, m, start)), None)
    if agent is None or not agent.value.country:
        return None
    for c in reversed(s.earlier):
        if c.actor and c.actor != "civilians" and c.actor_country and c.actor_country != agent.value.country:
            return actors_mod.Actor(c.actor, c.actor_country, "")
    return None


def _place(s: _SentenceRecord, f: _Draft) -> bool:
    """Where: the nearest place mention, else the paragraph's place, else the base's."""
    ctx = s.ctx
    f.place_m = place_m = places_mod.choose_place(s.text, s.place_mentions, f.q.start, f.q.end)
    if place_m is not None and place_m.end <= f.q.start and len({c.place_code for c in s.out}) > 1 \
            and grammar().TOTAL_BEFORE.search(s.text, s.out[-1].end - s.offset, f.q.start):
        # "9,210 in Turkey and 2,004 in Syria, bringing the total to 11,214": no one place's
        f.place_m, f.place, f.place_text = None, None, None
        return True
    if place_m is None:
        ctx.carried()
    f.place = place_m.value if place_m else (ctx.place[0] if ctx.place else None)
    f.place_text = place_m.text if place_m else None
    if place_m is not None:
        ctx.place = (place_m.value, place_m.text)
    base = f.base_claim
    if base is not None and place_m is None:
        f.place, f.place_text = None, base.place_text
        if base.place_code:
            f.place = places_mod.Place(base.place or "", base.place_code, "", "")
    return True


_BOTH_ENDS = re.compile(r"\d\D+\d")  # a span that names both its days ("from Sept. 20 to Dec. 31"), not "last week"


def _time(s: _SentenceRecord, f: _Draft) -> bool:
    """When: the nearest time mention, else up to the reference date; a tally's increment is the reference day."""
    ref = s.reference()
    f.tm = tm = times_mod.choose_time(s.time_mentions, f.q.start, f.q.end)
    if tm is not None and tm.end <= f.q.start and grammar().TOLD_ON.search(s.text, max(0, tm.start - 40), tm.start):
        # "published a review on June 3 estimating 1,210 died ... from Jan. 5 to March 30": the span is the period
        span = next((t for t in s.time_mentions if t.start >= f.q.end and t.date_start and t.date_end
                     and t.date_start < t.date_end and not t.forward and _BOTH_ENDS.search(t.text)), None)
        f.tm = tm = span or tm
    if tm is None and ref and s.ctx.heading is not None and _tally_line(s.text):
        f.tm = tm = _heading_time(s.ctx, ref)  # a statement's heading gives its lines their period
    f.date_start = tm.date_start.isoformat() if tm and tm.date_start else None
    f.date_end = tm.date_end.isoformat() if tm and tm.date_end else (ref.isoformat() if ref and not tm else None)
    f.date_text = tm.text if tm else None
    if tm is not None and tm.date_start and f.choice is not None and f.choice.measure and tm in s.time_mentions \
            and measure_registry()[f.choice.measure].cumulative and _names_event(s.text, tm) \
            and not (tm.date_start != tm.date_end and _BOTH_ENDS.search(tm.text)):  # a span with both its days is whole
        # "38,044 had died from the February 6 tremor": a running total since the event, as of the
        # sentence's other time ("on Friday") or the reference date; a figure told within days of its
        # event ("19 were killed when bombs struck the store on Saturday") is that day's count
        others = [t for t in s.time_mentions if t is not tm and not _names_event(s.text, t)]
        until = times_mod.choose_time(others, f.q.start, f.q.end)
        end = until.date_end if until is not None and until.date_end else ref
        # a disaster's toll grows for days after it ("9,000 hurt when the quake struck on Monday", told on
        # Thursday): a running total from the day after; an attack's count is its day's for a few days
        within = 0 if grammar().DISASTER_CAUSE.search(s.text) else _SAME_EVENT_DAYS
        if end is not None and (end - tm.date_start).days > within:
            f.date_start, f.date_end = tm.date_start.isoformat(), end.isoformat()
            f.date_text = until.text if until is not None else tm.text
    if ref and f.date_end and f.date_end > ref.isoformat() and not (tm and tm.forward):
        f.date_end = ref.isoformat()  # "as of April 2025" told on 2 April: as of the day it is told
        if f.date_start and f.date_start > f.date_end:
            f.date_start = f.date_end
    if ref and not f.q.increment and grammar().PREVIOUS_FIGURE.search(s.text, max(0, f.q.start - 120), f.q.start):
        # "up from 64": as of before the report; "on Friday revised the toll from 1,400": before that Friday
        told = None if tm is None or _names_event(s.text, tm) else tm.date_start if tm.end <= f.q.start else False
        if tm is not None and told is None:  # "on Friday revised the toll of the October 7 attack from 1,400"
            said = [t for t in s.time_mentions if t is not tm and t.end <= f.q.start and t.date_start
                    and not _names_event(s.text, t)]
            told = said[-1].date_start if said else None
        if told is not False:
            f.date_end = ((told or ref) - timedelta(days=1)).isoformat()
            if f.date_start and f.date_start > f.date_end:
                f.date_start = f.date_end
    if f.q.increment and ref:
        f.date_start = f.date_end = ref.isoformat()
    if f.base_claim is not None and tm is None:
        f.date_start, f.date_end, f.date_text = f.base_claim.date_start, f.base_claim.date_end, f.base_claim.date_text
    return True


def _heading_time(ctx: _Context, ref: date) -> times_mod.TimeSpan | None:
    """The period a tally's heading names ("з 24.02.22 по 27.01.25", "станом на 27.01.2025"), read once."""
    if ctx.heading_time is None and ctx.heading is not None:
        found = times_mod.find_times(ctx.text[ctx.heading[0]:ctx.heading[1]], ref)
        ctx.heading_time = found[-1] if found else None
        if ctx.heading_time is None:
            ctx.heading = None  # a heading with no time: not read again for every line
    return ctx.heading_time


def _names_event(text: str, tm: times_mod.TimeSpan) -> bool:
    """A date of the event itself ("the October 7 attack", "struck on Feb. 6"), not of the figure."""
    en = grammar()  # the language being read, looked up once for this call
    return bool(en.EVENT_AFTER_DATE.match(text, tm.end) or en.EVENT_BEFORE_DATE.search(text, max(0, tm.start - 80), tm.start))


def _attribution(s: _SentenceRecord, f: _Draft) -> bool:
    """Who says so: the claimant of the figure's own clause ("X say 35,418 died, while 5,800 died in Syria,
    according to Y"), else the sentence's; with none, the base's (and so for the rest of the sentence)."""
    if s.att is not None and s.clause_breaks:
        lo = max((b for b in s.clause_breaks if b <= f.q.start), default=0)
        hi = min((b for b in s.clause_breaks if b >= f.q.end), default=len(s.text))
        if not lo <= s.att.start < hi:
            own = attr_mod.attribute_sentence(s.text[lo:hi], fold(s.text[lo:hi]), whole=False)
            if own is not None:
                f.source, f.chain = attr_mod.source_chain(own, s.doc.outlet)
                f.how = "explicit"
            elif s.att.start >= hi and grammar().SPEAKER_SUBORDINATE.match(
                    s.text, max(b for b in s.clause_breaks if b <= s.att.start)):
                # "the combined toll passed 3,000 after the state said 2,260 had died": its own figure, not the sum
                f.source, f.chain = attr_mod.source_chain(None, s.doc.outlet)
                f.how = "outlet" if s.doc.outlet else None
                s.ctx.outlets_own.add(s.offset + f.q.start)  # no claimant of the paragraph speaks for it either
    if f.base_claim is not None and s.att is None:
        # the base's claimant, and the base's standing: an outlet's figure so far may still get the paragraph's
        base = f.base_claim
        s.source, s.chain = base.source, base.sources
        s.how = base.attribution if base.attribution in (None, "outlet") else "carried"
    return True


def _confidence(s: _SentenceRecord, f: _Draft) -> bool:
    """How sure: the estimative term near the figure (modality and hedge are read with the claim)."""
    f.term = conf_mod.estimative_term(s.text, s.lowered, f.q.start, f.q.end)
    return True


def _claim(s: _SentenceRecord, f: _Draft) -> bool:
    """The claim record, from everything the stages decided."""
    q, choice, place, term, tm = f.q, f.choice, f.place, f.term, f.tm
    assert choice is not None
    start, end = s.offset + q.start, s.offset + q.end
    claim = Claim(
        claim_id=claim_id(s.doc.doc_id, start, end, choice.measure),
        doc_id=s.doc.doc_id,
        section=s.doc.section_at(start),
        measure=choice.measure,  # type: ignore[arg-type]
        measure_text=choice.measure_text,
        ambiguous_measure=choice.ambiguous,
        unit=choice.unit,
        actor=f.actor_name,
        actor_country=f.actor_country,
        actor_text=f.actor_text,
        place=place.name if place else None,
        place_code=place.code if place else None,
        place_text=f.place_text,
        low=q.low, best=q.best, high=q.high,
        qualifier=q.qualifier,  # type: ignore[arg-type]
        value_text=q.text,
        date_start=f.date_start, date_end=f.date_end, date_text=f.date_text,
        source=f.source or s.source, sources=f.chain or s.chain,
        confidence_term=term.phrase if term else None,
        p_low=term.p_low if term else None, p_high=term.p_high if term else None,
        modality=conf_mod.modality(s.text, s.lowered, q.start, q.end, bool(tm and tm.forward), s.spans),  # type: ignore[arg-type]
        derived_from=f.derived_from,
        quote=s.text,
        start=start, end=end,
        hedge=conf_mod.hedge(s.text, s.lowered, q.start, q.end),
        fraction=q.fraction,
        attribution=f.how or s.how,
        language=s.doc.language,
    )
    s.out.append(claim)
    if f.base_claim is not None and f.pending is not None:
        s.ctx.forward.append((len(s.earlier) + len(s.out) - 1, f.pending, claim.actor))
    return True


# The stages a figure passes through, in order; each takes the sentence record and the figure's
# draft, and returns False to drop the figure (it counts nothing we record, or it was consumed).
STAGES: tuple[Callable[[_SentenceRecord, _Draft], bool], ...] = (
    _value, _derivation, _measure, _actor, _place, _time, _attribution, _confidence, _claim,
)


def _sentence_claims(doc: Document, sent: Sentence, s_text: str, lowered: str, quantities: list[Quantity],
                     reference: _Reference, ctx: _Context, earlier: list[Claim],
                     words: tuple[list[Match[str]], list[Match[str]]]) -> list[Claim]:
    """The claims of one sentence holding figures: each figure through `STAGES`, then in text order."""
    s = _read_sentence(doc, sent, s_text, lowered, quantities, reference, ctx, earlier, words)
    # bases before the fractions taken of them, so a derived claim can name its base
    order = sorted(range(len(quantities)), key=lambda i: (quantities[i].fraction is not None, quantities[i].start))
    for qi in order:
        draft = _Draft(qi, quantities[qi])
        for stage in STAGES:
            if not stage(s, draft):
                break
    out = s.out
    if any(q.base_index is not None for q in quantities):
        _parts_count_their_share(s)
    if len(out) > 1:
        _list_shares_its_bound(s)
    order_before = [c.claim_id for c in out]
    out.sort(key=lambda c: c.start)
    if order_before != [c.claim_id for c in out]:
        first_at: dict[str, int] = {}
        for i, cid in enumerate(order_before):
            first_at.setdefault(cid, i)
        remap = {first_at[c.claim_id]: i for i, c in enumerate(out)}
        ctx.forward = [(len(earlier) + remap[i - len(earlier)], q, a) if i >= len(earlier) else (i, q, a) for i, q, a in ctx.forward]
    # claims above and in the headline stay open to a later "This was reported by X"
    open_here = [len(earlier) + i for i, c in enumerate(out) if c.attribution != "explicit" and c.derived_from is None]
    if earlier and not ctx.body_claims:
        ctx.unattributed.extend(open_here)  # in place: a long headline-less run of figures must not be copied per sentence
    else:
        ctx.unattributed = open_here
    return out


_OF_THOSE = re.compile(r"\s+of\s+(?:those|these|them|whom)\b", re.IGNORECASE)


def _part_of(s_text: str, q: Quantity, offset: int, earlier: list[Claim], out: list[Claim]) -> Claim | None:
    """The claim a figure is a part of: 'among them N' (the figure before it in the sentence) or
    'N of the injured' / 'Of the dead, N' (the latest figure of that measure so far)."""
    en = grammar()  # the language being read, looked up once for this call
    subset = en.SUBSET_BEFORE.search(s_text, max(0, q.start - 30), q.start) is not None
    if subset and (before := [c for c in out if c.start < offset + q.start]):
        return max(before, key=lambda c: c.start)
    if en.SUBSET_OPENS.match(s_text):
        # "Зокрема, 8 отримали поранення у Краматорську, 4 — у Слов'янську": every figure is a part of the last one before
        return next((c for c in reversed(earlier) if c.derived_from is None), None)
    if subset:
        return None
    if en.OF_THEM_AFTER.match(s_text, q.end):
        return next((c for c in reversed(_recent(earlier, out)) if c.start < offset + q.start and c.derived_from is None), None)
    m = en.PARTITIVE_AFTER.match(s_text[q.end:q.end + 40]) or en.PARTITIVE_BEFORE.search(s_text, max(0, q.start - 60), q.start)
    if m is None:
        return None
    measure = en.GROUP_MEASURE[m.group(1).lower()]
    return next((c for c in reversed(_recent(earlier, out)) if c.measure == measure and c.start < offset + q.start
                 and c.derived_from is None), None)


def _recent(earlier: list[Claim], out: list[Claim]) -> list[Claim]:
    """The claims an anaphor or partitive may refer to: the last `_LOOK_BACK` of them, in text order."""
    if len(out) >= _LOOK_BACK:
        return out[-_LOOK_BACK:]
    return earlier[max(0, len(earlier) - (_LOOK_BACK - len(out))):] + out
# (never a hyphen between two figures: "enrolment in 2019-20 rose" is no line of a tally)
_TALLY = re.compile(r"^\W{0,3}[A-Za-z][\w ,/()'-]{1,60}?(?<!\d)\s*[—–:-]+\s*(?:about|approximately|around|some|over)?\s*\d")


def _tally(s_text: str) -> bool:
    """A tally's line, or a sentence listing several tally items with their day's increments."""
    return _tally_line(s_text) or len(_INCREMENT.findall(s_text)) >= 2


_INCREMENT = re.compile(r"\(\s*\+\s*\d")


def _tally_line(s_text: str) -> bool:
    """'tanks - 9,800 (+12)': a line of a daily loss tally, where the measure is the list's heading
    (the language's TALLY_LINE: "танки ‒ 10 200 (+5)", else English's)."""
    line = getattr(grammar(), "TALLY_LINE", None)
    if line is None:  # English's, whose dash or colon a line must hold: most sentences are not tried at all
        if "-" not in s_text and ":" not in s_text and "\u2014" not in s_text and "\u2013" not in s_text:
            return False
        line = _TALLY
    return bool(line.match(s_text))
