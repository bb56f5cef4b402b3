"""Scores on real reporting nobody here wrote: the real-story articles, MUC wire reports, UCDP headlines.

The own gold sets (extract/evaluate.py) are the team's prose; these three sets are not, and
issue 10 is judged on them. Nothing here prints: each scorer returns plain records that the
CLI (`tollbook eval --real`) and the benchmark (`benchmarks/bench_real.py`) lay out.

Data: `../shared/corpus/` (read only, never copied) and, for the real stories, the article
texts fetched into a git-ignored folder (`.cache/real_stories/<story>/NN.txt`, see
docs/real_sets.md). How each field is scored is written down there too; the short form is in
the docstrings below.
"""

from __future__ import annotations

import calendar
import csv
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tollbook.extract.actors import find_actors, is_agent
from tollbook.extract.pipeline import extract_document
from tollbook.lexicons.measures import measures_where
from tollbook.model import Claim
from tollbook.read import make_document

_REPO = Path(__file__).resolve().parents[3]

# Gold's measure words are tollbook's own (real_stories/README.md lists the same ten); the
# table is kept so that a future gold word is mapped here, not special-cased in the scorer.
GOLD_MEASURE = {m: m for m in ("killed", "wounded", "casualties", "missing", "captured", "displaced",
                                "deployed", "strength", "destroyed", "damaged")}
# Measures that count people. Gold leaves vague amounts, percentages and rescued people
# unlabelled, so only claims of these measures that are neither vague nor fractions can be spurious.
PEOPLE_MEASURES = measures_where(people=True)
FIELDS = ("value", "measure", "actor", "claimant", "period")


# --------------------------------------------------------------------------- where the data is


def corpus_dir() -> Path | None:
    """`../shared/corpus` next to the work tree (or $TOLLBOOK_SHARED_CORPUS), if it is there."""
    candidates = [os.environ.get("TOLLBOOK_SHARED_CORPUS"), _REPO.parent / "shared" / "corpus",
                  Path.cwd().parent / "shared" / "corpus"]
    for c in candidates:
        if c and Path(c).is_dir():
            return Path(c)
    return None


def texts_dir(name: str = "real_stories") -> Path | None:
    """The fetched texts of one article set: the work tree's .cache/<name>, or ~/.cache/tollbook/<name>.

    $TOLLBOOK_REAL_TEXTS names the real-story folder; the other sets are looked for beside it.
    """
    env = os.environ.get("TOLLBOOK_REAL_TEXTS")
    given = (Path(env) if name == "real_stories" else Path(env).parent / name) if env else None
    candidates = [given, _REPO / ".cache" / name, Path.cwd() / ".cache" / name, Path.home() / ".cache" / "tollbook" / name]
    for c in candidates:
        if c and Path(c).is_dir() and (any(Path(c).glob("*/*.txt")) or any(Path(c).glob("*.txt"))):  # by story, or flat
            return Path(c)
    return None


# The real articles in Ukrainian and Russian (issue 15): facts in tests/gold/<set>/, texts fetched
# into .cache/<set>/ as the real stories' are. Scored by the same rules as the real stories.
LANGUAGE_SETS = {"real_uk": "Ukrainian", "real_ru": "Russian"}


def language_set_dir(name: str) -> Path | None:
    """tests/gold/<name> in the work tree, if this install has one."""
    folder = _REPO / "tests" / "gold" / name
    return folder if (folder / "gold.jsonl").is_file() else None


# --------------------------------------------------------------------------- real stories: records


@dataclass(frozen=True, slots=True)
class FigureResult:
    """One gold figure: whether a claim was matched to it and which of the five fields it got right."""

    file: str
    value_text: str
    gold: dict[str, Any]
    in_text: bool
    claim: dict[str, Any] | None
    right: dict[str, bool]

    @property
    def found(self) -> bool:
        return self.claim is not None

    @property
    def all_five(self) -> bool:
        return self.found and all(self.right.get(f, False) for f in FIELDS)


@dataclass
class StoryScore:
    """Counts for one story (or all of them); shares are over gold figures found in the fetched text."""

    story: str
    files: int = 0
    gold_total: int = 0
    gold_in_text: int = 0
    found: int = 0
    right: Counter[str] = field(default_factory=Counter)
    all_five: int = 0
    claims_scored: int = 0
    spurious: int = 0

    def add(self, other: StoryScore) -> None:
        for name in ("files", "gold_total", "gold_in_text", "found", "all_five", "claims_scored", "spurious"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.right.update(other.right)

    def row(self) -> dict[str, Any]:
        """The figures as one flat row: recall, value precision, field accuracy on found figures."""
        def share(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None
        def f1(right: int) -> float | None:
            # per field: recall over the gold figures in the text, precision over the claims matched or spurious
            recall, precision = share(right, self.gold_in_text), share(right, self.found + self.spurious)
            return round(2 * recall * precision / (recall + precision), 3) if recall and precision else None
        return {"story": self.story, "files": self.files, "gold": self.gold_in_text, "gold_all": self.gold_total,
                "found": share(self.found, self.gold_in_text), "value": share(self.right["value"], self.found),
                **{f: share(self.right[f], self.found) for f in FIELDS[1:]},
                "all_five": share(self.all_five, self.gold_in_text),
                "spurious": share(self.spurious, self.claims_scored), "claims": self.claims_scored,
                **{f"{f}_f1": f1(self.right[f]) for f in FIELDS}}


@dataclass
class RealStoriesReport:
    stories: dict[str, StoryScore]
    overall: StoryScore
    figures: list[FigureResult]
    missing_files: list[str]

    def rows(self) -> list[dict[str, Any]]:
        return [s.row() for s in self.stories.values()] + [self.overall.row()]


# --------------------------------------------------------------------------- real stories: field rules

_GENERIC_PEOPLE = frozenset({"people", "residents", "inhabitants", "locals", "villagers"})
_PAREN = re.compile(r"\s*\([^)]*\)")
_NUM = re.compile(r"\d[\d,.\u00a0 ]*")


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 0.5


def gold_values(g: dict[str, Any]) -> list[float]:
    return [float(g[k]) for k in ("low", "best", "high") if g.get(k) is not None]


def value_right(g: dict[str, Any], c: Claim) -> bool:
    """The interval read right, per docs/conventions.md: gold writes only the stated bounds.

    A best alone ("about 4,000") must equal the claim's best, in a claim bounded on both sides;
    a lower bound ("more than 4,000") the claim's low with no high; an upper bound ("up to
    20,000") the claim's high with no low; a range both ends.
    """
    low, best, high = g.get("low"), g.get("best"), g.get("high")
    ok = True
    if best is not None:
        ok &= _close(c.best, best) and (low is not None or high is not None or None not in (c.low, c.high))
    if low is not None:
        ok &= _close(c.low, low) and (best is not None or high is not None or c.high is None)
    if high is not None:
        ok &= _close(c.high, high) and (best is not None or low is not None or c.low is None)
    return ok and (low, best, high) != (None, None, None)


def measure_right(g: dict[str, Any], c: Claim) -> bool:
    return GOLD_MEASURE.get(g.get("measure") or "") == c.measure


def gold_actor(phrase: str | None) -> tuple[str | None, str]:
    """(tollbook actor name, kind) for gold's plain words, by tollbook's own actor lexicon.

    Parentheses are dropped first (they hold the cause: "(Israeli strikes)"), and mentions
    tollbook itself would read as the agent ("Israel" in "people in Israel") are skipped. An
    armed party wins over civilians. Generic words ("people", "residents") and no mention at
    all mean victims of a disaster or unnamed people: "People" is not automatically civilians
    (issue 10), so kind "none".
    """
    text = _PAREN.sub("", phrase or "")
    # a party after a preposition is a place or an agent ("people in Israel"); one before its weapons owns
    # them ("Ukrainian drones" are Ukraine's, though "Russian drones killed 4" makes Russia the agent in a sentence)
    mentions = [m for m in find_actors(text, text.lower())
                if not (is_agent(text, m, 0) and not _OWNED_EQUIPMENT.match(text, m.end))]
    # "Ukrainian children": a demonym right before people who are not fighters names their country
    demonyms = {i for i, m in enumerate(mentions[:-1]) if mentions[i + 1].value.kind == "civilians"
                and not text[m.end:mentions[i + 1].start].strip()}
    mentions = [m for i, m in enumerate(mentions) if i not in demonyms]
    armed = [m for m in mentions if m.value.kind != "civilians"]
    if armed:
        return armed[0].value.name, armed[0].value.kind
    if any(m.text.lower() not in _GENERIC_PEOPLE for m in mentions):
        return "civilians", "civilians"
    return None, "none"


_OWNED_EQUIPMENT = re.compile(r"\s+(?:drones?|missiles?|rockets?|artillery|aircraft|jets?|helicopters?|tanks?)\b", re.IGNORECASE)


def actor_right(g: dict[str, Any], c: Claim) -> bool:
    """An armed party must be named alike; civilians must read as civilians; a disaster's
    victims (no actor in tollbook's lexicon) accept a claim with no actor or civilians."""
    name, kind = gold_actor(g.get("actor"))
    if kind == "none":
        return c.actor in (None, "civilians")
    return c.actor == name


_CLAIMANT_STOP = frozenset(
    "the and from with citing cited said says data figures figure sources source official officials based "
    "survey previous combined latest according report reports eastern western".split())


def _claimant_index():
    from tollbook.extract.attribution import _index  # the attribution stage's own lexicon index

    return _index()[0]


def gold_claimant(phrase: str | None) -> tuple[str, str | None, frozenset[str]]:
    """(kind, canonical name, fallback words) for gold's plain claimant words.

    kind is "outlet" (gold "outlet ..."), "lexicon" (tollbook's claimants lexicon names a
    body or person outside gold's parentheses, which hold carriers and notes: "UN OCHA
    (citing Libyan Red Crescent)" is OCHA, "official (via AFP)" is not AFP; the fallback words
    then name a person given before the comma, who is right too) or "words" (no
    lexicon entry: the content words of the name part before the first comma are kept, with a
    parenthesis that glosses the name, "AFAD (Turkey's disaster management agency)", but not
    one that names a carrier or a note: via, citing, quoted, denying, ...).
    """
    phrase = phrase or ""
    if phrase.strip().lower().startswith("outlet"):
        return "outlet", None, frozenset()
    name_part = _PAREN.sub(lambda m: "" if _NOTE.match(m.group(0)) else m.group(0), phrase).split(",")[0]
    words = frozenset(w for w in re.findall(r"[A-Za-z][\w'-]{3,}", name_part.lower()) if w not in _CLAIMANT_STOP)
    found = _claimant_index().find(_PAREN.sub("", phrase))
    if found:
        # "Lior Haiat, Israeli foreign ministry spokesman": the body, or the person named before the comma
        # (README: the originating body or person), when that part is not itself a lexicon name
        person = frozenset() if _claimant_index().find(_PAREN.sub("", name_part)) else words
        return "lexicon", found[0].value.name, person
    return "words", None, words


_NOTE = re.compile(r"\s*\(\s*(?:via|citing|cited|as reported|quoted|denying|on|in|from|original|previous|latest)\b", re.IGNORECASE)


def claimant_right(g: dict[str, Any], c: Claim) -> bool:
    """"outlet": no originator in the chain but the outlet; a lexicon body: its canonical name is
    the claim's source or a link of its chain; otherwise a content word of gold's phrase
    (a surname, "police") appears in the words the claim's chain was read from, or, where
    those words are Cyrillic, one of gold's names does in them (`_named_in`)."""
    kind, name, words = gold_claimant(g.get("claimant"))
    chain = [s for s in c.sources if s.kind != "outlet"]
    if kind == "outlet":
        return not chain
    said = " ".join(f"{s.name} {s.text or ''}" for s in chain).lower()
    if kind == "lexicon" and (c.source == name or any(s.name == name for s in chain)):
        return True
    return bool(words) and any(re.search(rf"\b{re.escape(w)}\b", said) for w in words) or \
        _named_in(g.get("claimant") or "", said)


def _skeleton(word: str) -> str:
    """A name as Latin letters, spelled so that transliteration schemes agree
    ("Tymchenko" and "Тимченко", "Syniehubov" and "Синєгубов", "Kyrylenko" and "Кириленка"; a soft "c"
    is the "с" it is written with: "Cebu" and "Себу")."""
    from anyascii import anyascii

    s = re.sub(r"[^a-z]", "", anyascii(word).lower())
    s = re.sub(r"c(?=[eiy])", "s", s)
    for a, b in (("kh", "h"), ("zh", "z"), ("ie", "e"), ("ye", "e"), ("yi", "i"), ("y", "i"), ("g", "h"), ("j", "i")):
        s = s.replace(a, b)
    return s


def _named_in(phrase: str, said: str) -> bool:
    """Whether the last capitalised word of gold's (Latin) phrase, a surname or a body's own name, is,
    inflected, among the chain's Cyrillic words."""
    if not re.search(r"[\u0400-\u04ff]", said):
        return False
    capitalised = re.findall(r"\b[A-Z][a-z'-]{3,}", _PAREN.sub("", phrase).split(",")[0])
    # the surname (a place before it, "Kharkiv governor", is no name); a Spanish "j" is Cyrillic "х" ("Alejandro")
    names = [_skeleton(v) for w in capitalised[-1:] for v in {w, w.replace("j", "kh")}]
    tokens = [_skeleton(t) for t in re.findall(r"[\u0400-\u04ff'’ʼ-]{4,}", said)]
    return any(len(n) >= 4 and t.startswith(n[:max(4, len(n) - 2)]) for n in names for t in tokens)


def _parse_point(text: str, end: bool) -> date | None:
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            y, m = map(int, text.split("-"))
            return date(y, m, calendar.monthrange(y, m)[1] if end else 1)
        if re.fullmatch(r"\d{4}", text):
            return date(int(text), 12, 31) if end else date(int(text), 1, 1)
    except ValueError:
        return None
    return None


def gold_period(as_of: str | None) -> tuple[date | None, date | None]:
    """gold `as_of` as [first day, last day]: a day, a month, a year, or "start/end" (either open)."""
    if not as_of:
        return None, None
    first, _, last = str(as_of).partition("/")
    if not _:
        return _parse_point(first, False), _parse_point(first, True)
    return (_parse_point(first, False) if first else None), _parse_point(last, True)


def period_right(g: dict[str, Any], c: Claim) -> bool:
    """Right when gold's as-of end lies within the claim's [date_start, date_end], or the claim's
    date_end lies within gold's period; one day of tolerance either side (time zones, "overnight")."""
    g0, g1 = gold_period(g.get("as_of"))
    c1 = date.fromisoformat(c.date_end) if c.date_end else (date.fromisoformat(c.date_start) if c.date_start else None)
    c0 = date.fromisoformat(c.date_start) if c.date_start else None
    if g1 is None or c1 is None:
        return False
    day = timedelta(days=1)
    if (c0 is None or c0 - day <= g1) and g1 <= c1 + day:
        return True
    return (g0 or g1) - day <= c1 <= g1 + day


_RULES = {"value": value_right, "measure": measure_right, "actor": actor_right,
          "claimant": claimant_right, "period": period_right}


# --------------------------------------------------------------------------- real stories: matching


def _occurrences(text: str, needle: str) -> list[int]:
    """Where gold's words occur, however the figure's digits are grouped ("11,300" in a body, "11300" in a
    headline rebuilt from a page's address)."""
    if not needle:
        return []
    pattern = re.sub(r"(?<=\d)(?:,|\\ |\u00a0|\\.)(?=\d{3})", "[,.\u00a0 ]?", re.escape(needle.lower()))
    return [m.start() for m in re.finditer(pattern, text.lower())]


def _digits_in_text(text: str, g: dict[str, Any]) -> bool:
    """A gold figure is in the fetched text when its words are, or its number is (however grouped)."""
    plain = {re.sub(r"[\s,.\u00a0]", "", n) for n in _NUM.findall(text)}
    return any(str(int(v)) in plain for v in gold_values(g) if v == int(v))


def _value_match(g: dict[str, Any], c: Claim) -> bool:
    """A claim is a candidate for a gold figure when one of its bounds equals one of gold's."""
    gv = gold_values(g)
    return any(_close(x, v) for x in (c.low, c.best, c.high) for v in gv)


def score_file(text: str, gold: Sequence[dict[str, Any]], claims: Sequence[Claim], story: str = "") -> tuple[StoryScore, list[FigureResult]]:
    """Match one file's gold figures to its claims and score the five fields.

    Each gold figure is placed at its `value_text` in the text (the k-th gold figure with the
    same words at the k-th occurrence) and takes the nearest unused claim whose interval shares
    a bound with it; with no placement, the first unused such claim.
    """
    score = StoryScore(story, files=1)
    used: set[int] = set()
    seen: Counter[str] = Counter()
    placed: list[tuple[int | None, bool]] = []
    for g in gold:
        vt = g.get("value_text") or ""
        occ = _occurrences(text, vt)
        k = seen[vt.lower()]
        seen[vt.lower()] += 1
        # the k-th figure with these words is in the text only when the words occur k+1 times: a partial
        # text (the first 2,000 characters of a page) may hold the first mention and not the repeat
        placed.append((occ[min(k, len(occ) - 1)] if occ else None,
                       len(occ) > k or not occ and k == 0 and _digits_in_text(text, g)))
    results: list[FigureResult | None] = [None] * len(gold)
    # figures whose words are in the text choose first: one placed only by its digits ("5200" for "5,200" in a
    # headline rebuilt from an address, or a range whose two numbers stand apart) takes what is left
    for n in sorted(range(len(gold)), key=lambda n: placed[n][0] is None):
        g, (pos, in_text) = gold[n], placed[n]
        vt = g.get("value_text") or ""
        score.gold_total += 1
        score.gold_in_text += in_text
        candidates = [i for i, c in enumerate(claims) if i not in used and _value_match(g, c)]
        chosen = min(candidates, key=lambda i: abs(claims[i].start - pos)) if candidates and pos is not None else \
            (candidates[0] if candidates else None)
        if chosen is None or not in_text:
            results[n] = FigureResult(g.get("file", ""), vt, g, in_text, None, {})
            continue
        used.add(chosen)
        c = claims[chosen]
        right = {name: rule(g, c) for name, rule in _RULES.items()}
        score.found += 1
        score.right.update(name for name, ok in right.items() if ok)
        score.all_five += all(right.values())
        results[n] = FigureResult(g.get("file", ""), vt, g, in_text, _claim_row(c), right)
    for i, c in enumerate(claims):
        if c.measure in PEOPLE_MEASURES and c.qualifier != "vague" and c.fraction is None:
            score.claims_scored += 1
            score.spurious += i not in used
    return score, [r for r in results if r is not None]


def _claim_row(c: Claim) -> dict[str, Any]:
    return {"value_text": c.value_text, "low": c.low, "best": c.best, "high": c.high, "measure": c.measure,
            "actor": c.actor, "source": c.source, "sources": [s.name for s in c.sources],
            "date_start": c.date_start, "date_end": c.date_end, "start": c.start, "section": c.section}


def load_index(folder: Path) -> list[dict[str, str]]:
    """A set's index.tsv: story, file, url, outlet, publication_date, ..."""
    with (folder / "index.tsv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def load_gold(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """A set's gold.jsonl, by file."""
    by_file: dict[str, list[dict[str, Any]]] = {}
    with (folder / "gold.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                g = json.loads(line)
                by_file.setdefault(g["file"], []).append(g)
    return by_file


def real_stories(corpus: Path | None = None, texts: Path | None = None) -> RealStoriesReport:
    """Score every fetched real-story text against gold.jsonl, per story and overall."""
    corpus = corpus or corpus_dir()
    texts = texts or texts_dir()
    if corpus is None or texts is None:
        raise FileNotFoundError("real stories need ../shared/corpus and the fetched texts (docs/real_sets.md)")
    return real_articles(corpus / "real_stories", texts)


def language_set(name: str, texts: Path | None = None) -> RealStoriesReport:
    """Score one of LANGUAGE_SETS. The language is detected, as `tollbook extract` does with no --lang."""
    folder = language_set_dir(name)
    texts = texts or texts_dir(name)
    if folder is None or texts is None:
        raise FileNotFoundError(f"{name} needs tests/gold/{name} and its fetched texts in .cache/{name} (docs/real_sets.md)")
    return real_articles(folder, texts)


def real_articles(folder: Path, texts: Path) -> RealStoriesReport:
    """Score every fetched text of a set (index.tsv and gold.jsonl in `folder`), per story and overall.

    Files whose text was not fetched are listed in `missing_files` and left out of every figure.
    """
    gold = load_gold(folder)
    stories: dict[str, StoryScore] = {}
    overall = StoryScore("overall")
    figures: list[FigureResult] = []
    missing: list[str] = []
    for row in load_index(folder):
        path = texts / row["file"]
        if not path.is_file():
            missing.append(row["file"])
            continue
        text = path.read_text(encoding="utf-8")
        doc = make_document(text, outlet=row["outlet"], published=row["publication_date"] or None)
        claims = extract_document(doc)
        score, results = score_file(doc.text, gold.get(row["file"], []), claims, row["story"])
        stories.setdefault(row["story"], StoryScore(row["story"])).add(score)
        overall.add(score)
        figures += results
    return RealStoriesReport(stories, overall, figures, missing)


# --------------------------------------------------------------------------- MUC-3 wire reports

# The baseline's word lists: the plain words of death and injury in wire copy, nothing tollbook-specific.
_DEATH_WORDS = re.compile(r"\b(?:kill|killed|killing|killings|dead|death|deaths|died|murdered|massacred|slain|"
                          r"assassinated|executed|bodies)\b", re.IGNORECASE)
_INJURY_WORDS = re.compile(r"\b(?:wounded|wounding|injured|injuries|injuring|hurt)\b", re.IGNORECASE)
_NAIVE_NUMBER = re.compile(r"\b\d[\d,]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                           r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
                           r"sixty|seventy|eighty|ninety|hundred|thousand)(?:[\s-]+(?:one|two|three|four|five|six|seven|"
                           r"eight|nine|hundred|thousand|and))*\b", re.IGNORECASE)


@dataclass
class MucScore:
    """Recall of the answer-key killed/wounded counts, tollbook against the naive baseline,
    and how many of tollbook's killed/wounded claims (in keyed reports) the keys hold."""

    docs: int = 0
    keyed_docs: int = 0
    gold: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    naive: Counter[str] = field(default_factory=Counter)
    claims: Counter[str] = field(default_factory=Counter)
    claims_in_key: Counter[str] = field(default_factory=Counter)
    naive_numbers: Counter[str] = field(default_factory=Counter)
    naive_in_key: Counter[str] = field(default_factory=Counter)

    def rows(self) -> list[dict[str, Any]]:
        def share(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None
        out = []
        for m in ("killed", "wounded", "both"):
            pick = (lambda c: c["killed"] + c["wounded"]) if m == "both" else (lambda c, m=m: c[m])
            out.append({"measure": m, "gold": pick(self.gold), "tollbook": share(pick(self.found), pick(self.gold)),
                        "naive": share(pick(self.naive), pick(self.gold)), "claims": pick(self.claims),
                        "in_key": share(pick(self.claims_in_key), pick(self.claims)),
                        "naive_numbers": pick(self.naive_numbers),
                        "naive_in_key": share(pick(self.naive_in_key), pick(self.naive_numbers))})
        return out


def naive_counts(text: str, words: re.Pattern[str]) -> set[float]:
    """The README's baseline: every number (digits or English words) within 60 characters, either
    side, of a death (or injury) word. It commits to no measure, so its recall is an upper bound
    of what proximity alone finds; `naive_in_key` shows the price."""
    from tollbook.extract.numbers import number_value

    hits = [m.start() for m in words.finditer(text)]
    out: set[float] = set()
    for m in _NAIVE_NUMBER.finditer(text):
        if any(abs(h - m.start()) <= 60 or abs(h - m.end()) <= 60 for h in hits):
            v = number_value(m.group(0).replace(",", "")) if not m.group(0)[0].isdigit() else float(m.group(0).replace(",", ""))
            if v is not None:
                out.add(float(v))
    return out


def muc(corpus: Path | None = None, limit: int | None = None) -> MucScore:
    """Score the MUC-3 development reports that hold answer-key counts (172 of 1,300).

    A key count is recovered when a claim of that measure has it as best or low. Keys cover
    terrorist incidents only, so a claim outside the key is not necessarily wrong: `in_key` is
    a precision-like share, read over keyed reports only.
    """
    corpus = corpus or corpus_dir()
    if corpus is None:
        raise FileNotFoundError("MUC-3 needs ../shared/corpus/muc34_dev/docs.jsonl")
    score = MucScore()
    with (corpus / "muc34_dev" / "docs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and score.keyed_docs >= limit:
                break
            d = json.loads(line)
            score.docs += 1
            if not d["killed"] and not d["wounded"]:
                continue
            score.keyed_docs += 1
            claims = extract_document(make_document(d["text"]))
            for m, words in (("killed", _DEATH_WORDS), ("wounded", _INJURY_WORDS)):
                key = [float(v) for v in d[m]]
                read = {v for c in claims if c.measure == m for v in (c.best, c.low) if v is not None}
                naive = naive_counts(d["text"], words)
                score.gold[m] += len(key)
                score.found[m] += sum(v in read for v in key)
                score.naive[m] += sum(v in naive for v in key)
                score.naive_numbers[m] += len(naive)
                score.naive_in_key[m] += sum(v in key for v in naive)
                mine = [c for c in claims if c.measure == m and (c.best is not None or c.low is not None)]
                score.claims[m] += len(mine)
                score.claims_in_key[m] += sum(any(v in key for v in (c.best, c.low) if v is not None) for c in mine)
    return score


# --------------------------------------------------------------------------- UCDP single-source headlines

UCDP_FILE = "ucdp_ged_ukraine/ucdp_ged_ukraine_single_source_numeric_headline.csv"


@dataclass
class UcdpScore:
    """Rows, rows where a killed claim is read from the headline, rows where it equals UCDP `best`."""

    rows: int = 0
    with_killed: int = 0
    equal_best: int = 0
    death_word_rows: int = 0  # headlines with a word of death at all (the baseline's list): the reachable rows
    death_word_read: int = 0
    disagreements: list[tuple[str, float, list[float]]] = field(default_factory=list)

    def row(self) -> dict[str, Any]:
        return {"rows": self.rows, "killed_read": round(self.with_killed / self.rows, 3) if self.rows else None,
                "equal_best": round(self.equal_best / self.rows, 3) if self.rows else None,
                "equal_best_of_read": round(self.equal_best / self.with_killed, 3) if self.with_killed else None,
                "death_word_rows": self.death_word_rows,
                "killed_read_of_death_word_rows": round(self.death_word_read / self.death_word_rows, 3)
                if self.death_word_rows else None}


def _iso_day_first(day_first: str) -> str | None:
    m = re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})", day_first or "")
    return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}" if m else None


def ucdp_headlines(path: Path | None = None) -> UcdpScore:
    """Read each single-source headline as a document; compare its killed claims with UCDP `best`.

    A weak label (shared/corpus/README.md): UCDP codes deaths from article bodies and splits
    reports into events, so agreement with `best` is a signal to watch, not an accuracy.
    """
    if path is None:
        corpus = corpus_dir()
        if corpus is None:
            raise FileNotFoundError(f"UCDP headlines need ../shared/corpus/{UCDP_FILE}")
        path = corpus / UCDP_FILE
    score = UcdpScore()
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            score.rows += 1
            headline = row["source_headline"]
            doc = make_document(headline, published=_iso_day_first(row["source_date"]), outlet=row["source_office"])
            killed = [c.best for c in extract_document(doc) if c.measure == "killed" and c.best is not None]
            if _DEATH_WORDS.search(headline):
                score.death_word_rows += 1
                score.death_word_read += bool(killed)
            if not killed:
                continue
            score.with_killed += 1
            best = float(row["best"])
            if best in killed:
                score.equal_best += 1
            else:
                score.disagreements.append((headline, best, killed))
    return score


# --------------------------------------------------------------------------- all three


@dataclass
class RealSets:
    """The real-set reports, each None (or absent) with a reason when its data is absent."""

    real_stories: RealStoriesReport | None
    muc: MucScore | None
    ucdp: UcdpScore | None
    skipped: dict[str, str] = field(default_factory=dict)
    languages: dict[str, RealStoriesReport] = field(default_factory=dict)  # LANGUAGE_SETS that could be read

    def to_dict(self) -> dict[str, Any]:
        def articles(r: RealStoriesReport | None) -> dict[str, Any] | None:
            return None if r is None else {"rows": r.rows(), "missing_files": r.missing_files}
        return {
            "real_stories": articles(self.real_stories),
            "muc34_dev": None if self.muc is None else {"docs": self.muc.docs, "keyed_docs": self.muc.keyed_docs,
                                                        "rows": self.muc.rows()},
            "ucdp_headlines": None if self.ucdp is None else self.ucdp.row(),
            **{name: articles(self.languages.get(name)) for name in LANGUAGE_SETS},
            "skipped": self.skipped,
        }


def real_sets(which: Iterable[str] = ("real_stories", "muc", "ucdp", *LANGUAGE_SETS)) -> RealSets:
    """Run the chosen scorers; a set whose data is missing is skipped with the reason."""
    out = RealSets(None, None, None)
    for name in which:
        try:
            if name == "real_stories":
                out.real_stories = real_stories()
            elif name == "muc":
                out.muc = muc()
            elif name == "ucdp":
                out.ucdp = ucdp_headlines()
            elif name in LANGUAGE_SETS:
                out.languages[name] = language_set(name)
        except FileNotFoundError as exc:
            out.skipped[name] = str(exc)
    return out


def _articles_line(label: str, rs: RealStoriesReport) -> str:
    o = rs.overall.row()
    total = rs.overall.files + len(rs.missing_files)
    return (f"{label} ({rs.overall.files}/{total} texts, {o['gold']} gold figures): found {_f(o['found'])}, "
            f"value {_f(o['value'])}, measure {_f(o['measure'])}, actor {_f(o['actor'])}, "
            f"claimant {_f(o['claimant'])}, period {_f(o['period'])}; all five right {_f(o['all_five'])}; "
            f"spurious {_f(o['spurious'])} of {o['claims']} people claims; F1 "
            + "/".join(_f(o[f"{f}_f1"]) for f in FIELDS))


def summary_lines(sets: RealSets) -> list[str]:
    """One line per real set: the figures issues 10 and 15 name."""
    lines: list[str] = []
    if sets.real_stories is not None:
        lines.append(_articles_line("real stories", sets.real_stories))
    if sets.muc is not None:
        k, w, b = sets.muc.rows()
        lines.append(f"muc34_dev ({sets.muc.keyed_docs} keyed reports): killed and wounded recovered {_f(b['tollbook'])} "
                     f"(killed {_f(k['tollbook'])}, wounded {_f(w['tollbook'])}); naive baseline {_f(b['naive'])}; "
                     f"claims in the keys {_f(b['in_key'])}")
    if sets.ucdp is not None:
        u = sets.ucdp.row()
        lines.append(f"UCDP single-source headlines ({u['rows']} rows): killed claim read {_f(u['killed_read'])} "
                     f"({_f(u['killed_read_of_death_word_rows'])} of the {u['death_word_rows']} rows with a word of death); "
                     f"equal to UCDP best {_f(u['equal_best'])}")
    for name, report in sets.languages.items():
        lines.append(_articles_line(f"real articles in {LANGUAGE_SETS[name]}", report))
    lines += [f"{name}: skipped, {why}" for name, why in sets.skipped.items()]
    return lines


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"
