"""Reconciliation and `check` on the six real storylines, scored against hand judgements.

    python scripts/real_reconcile.py ingest out.db          # the fetched articles (64 of 72 on 2026-12-02) into a fresh ledger
    python scripts/real_reconcile.py findings out.db        # every stored finding, one JSON line each
    python scripts/real_reconcile.py score out.db           # precision against the judged findings
    python scripts/real_reconcile.py timeline out.db        # `tollbook timeline` of each series with a finding
    python scripts/real_reconcile.py check [--tensions]     # `check` findings on the articles, one JSON line each
    python scripts/real_reconcile.py check-score [--tensions]   # precision against the judged check findings

Why: issue 11 is judged on real reporting. The article texts are third-party copyright and
live in a git-ignored folder (docs/real_sets.md); the judgements in
tests/gold/reconcile_real/ hold only facts: the story, the finding kind, each claim named by
file, value_text, measure and originator, a verdict (real / false) and a reason in our own
words. The tests import this module (pytest's pythonpath holds the work tree) so the script
and the test score the same way.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
JUDGED = ROOT / "tests" / "gold" / "reconcile_real"
FINDINGS_FILE = JUDGED / "findings.jsonl"
CHECK_FILE = JUDGED / "check.jsonl"


# ---------------------------------------------------------------- the articles


@dataclass(frozen=True, slots=True)
class Article:
    """One fetched article with the metadata index.tsv gives it."""

    story: str
    file: str  # "hurricane_maria/05.txt"
    path: Path
    outlet: str
    published: str


def articles(corpus: Path | None = None, texts: Path | None = None) -> list[Article]:
    """The index.tsv rows whose text was fetched, in index order (empty when either folder is absent).

    A text saved with a date stamp before its first line ("date 2023-11-12 " and then the headline)
    is read from a copy without it (`as_documented`): the corpus README asks for the text as found,
    headline first, and the publication date comes from index.tsv.
    """
    from tollbook.extract.evaluate_real import corpus_dir, load_index, texts_dir

    corpus = corpus or corpus_dir()
    texts = texts or texts_dir()
    if corpus is None or texts is None:
        return []
    out = []
    for row in load_index(corpus / "real_stories"):
        path = texts / row["file"]
        if path.is_file():
            out.append(Article(row["story"], row["file"], as_documented(path, row["file"]), row["outlet"],
                               row["publication_date"]))
    return out


# A fetcher's stamp before the first line of a saved text: "date 2023-11-12 " (not the article's words).
_DATE_STAMP = re.compile(r"\Adate \d{4}-\d{2}-\d{2}[ \t]+")
_UNSTAMPED = Path(tempfile.gettempdir()) / "tollbook-real-stories-unstamped"


def as_documented(path: Path, file: str) -> Path:
    """The text's path, or a copy's (outside the work tree, same story/NN.txt name) without a fetch stamp."""
    text = path.read_text(encoding="utf-8")
    if not _DATE_STAMP.match(text):
        return path
    copy = _UNSTAMPED / file
    copy.parent.mkdir(parents=True, exist_ok=True)
    unstamped = _DATE_STAMP.sub("", text, count=1)
    if not copy.is_file() or copy.read_text(encoding="utf-8") != unstamped:
        copy.write_text(unstamped, encoding="utf-8")
    return copy


def ingest(db: str, items: Sequence[Article]) -> dict[str, str]:
    """Store each article with its outlet and publication date, then recompute the stored findings.

    Returns doc_id -> file, so a finding's claims can be named by the file they were read in.
    """
    from tollbook.ledger import open_ledger
    from tollbook.reconcile.store import refresh_all

    files: dict[str, str] = {}
    with open_ledger(db) as ledger:
        for a in items:
            summary = ledger.ingest([str(a.path)], published=a.published, outlet=a.outlet)
            if summary.documents_failed:
                raise SystemExit(f"{a.file}: could not be ingested: {summary.failures[0]}")
        for _, row in ledger.documents().iterrows():
            files[row["doc_id"]] = _file_of(row["path"])
        refresh_all(ledger.engine)
    return files


def _file_of(path: str | None) -> str:
    p = Path(path or "")
    return f"{p.parent.name}/{p.name}"


# ---------------------------------------------------------------- findings as facts


def side(record: Mapping[str, Any], file: str) -> dict[str, Any]:
    """How a judgement names a claim: the file, its words, its measure and who said it."""
    return {"file": file, "value_text": record.get("value_text"), "measure": record.get("measure"),
            "originator": record.get("source") or record.get("outlet")}


def side_key(s: Mapping[str, Any]) -> tuple[str, str, str, str]:
    return (str(s.get("file")), str(s.get("value_text")), str(s.get("measure")), str(s.get("originator")))


def finding_key(story: str, kind: str, sides: Iterable[Mapping[str, Any]]) -> tuple[Any, ...]:
    """Identity of a finding: the same kind over the same claims is the same finding, in any order, except a
    revision's, whose order is its claim (1,400 then 1,200 is right where 1,200 then 1,400 is not)."""
    keys = [side_key(s) for s in sides]
    return (story, kind, tuple(keys if kind == "revision" else sorted(keys)))


def stored_finding_facts(db: str, files: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """Every stored finding as a fact row: story, kind, its claims (one per compared figure), rule text."""
    from tollbook.ledger import open_ledger
    from tollbook.reconcile.store import claim_rows_by_id, stored_findings

    out = []
    with open_ledger(db) as ledger:
        if files is None:
            files = {row["doc_id"]: _file_of(row["path"]) for _, row in ledger.documents().iterrows()}
        with ledger.engine.connect() as conn:
            for f in stored_findings(conn):
                rows = claim_rows_by_id(conn, f.claims)
                at = {(r["doc_id"], r["start"], r["end"]): r for r in rows}
                sides = []
                for span in f.spans:  # one span per compared figure: its earliest appearance
                    r = at.get((span.doc_id, span.start, span.end))
                    if r is not None:
                        sides.append(side(r, files.get(str(r["doc_id"]), "?")))
                story = sides[0]["file"].split("/")[0] if sides else "?"
                out.append({"story": story, "kind": f.kind, "claims": sides, "rule": f.rule,
                            "finding_id": f.finding_id})
    return out


# ---------------------------------------------------------------- check findings as facts


def check_facts(items: Sequence[Article], tensions: bool = False) -> list[dict[str, Any]]:
    """`check` on each article (its outlet and date given) as fact rows: file, rule, the two sides;
    `tensions` as `tollbook check --tensions`."""
    from tollbook.check import check_document
    from tollbook.extract.pipeline import extract_document
    from tollbook.read import read_paths

    out = []
    for a in items:
        (doc,) = read_paths([str(a.path)], published=a.published, outlet=a.outlet)  # as `tollbook check` reads it
        for f in check_document(doc, extract_document(doc), tensions=tensions):
            sides = [_check_side(f.headline_claim, a.file), *(_check_side(c, a.file) for c in f.body_claims)]
            out.append({"story": a.story, "kind": f.rule, "claims": sides, "severity": f.severity,
                        "explanation": f.explanation})
    return out


def _check_side(claim: Any, file: str) -> dict[str, Any]:
    return {"file": file, "value_text": claim.value_text, "measure": claim.measure,
            "originator": claim.source or claim.section}


# ---------------------------------------------------------------- scoring


@dataclass(slots=True)
class Score:
    """Judged findings found now: how many are real, which ones were never judged."""

    real: int = 0
    false: int = 0
    unjudged: list[dict[str, Any]] = field(default_factory=list)
    false_found: list[dict[str, Any]] = field(default_factory=list)
    by_kind: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def judged(self) -> int:
        return self.real + self.false

    @property
    def precision(self) -> float:
        return self.real / self.judged if self.judged else 1.0

    @property
    def coverage(self) -> float:
        """Share of the current findings that carry a judgement."""
        total = self.judged + len(self.unjudged)
        return self.judged / total if total else 1.0

    def line(self) -> str:
        kinds = ", ".join(f"{k} {v}: {n}" for (k, v), n in sorted(self.by_kind.items()))
        return (f"precision {self.precision:.3f} ({self.real} real of {self.judged} judged); "
                f"{len(self.unjudged)} not judged; {kinds}")


def load_judgements(path: Path) -> dict[tuple[Any, ...], dict[str, Any]]:
    """The judged findings by `finding_key` (a later line for the same finding wins)."""
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    if not path.is_file():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            j = json.loads(line)
            out[finding_key(j["story"], j["kind"], j["claims"])] = j
    return out


def score(found: Iterable[Mapping[str, Any]], judgements: Mapping[tuple[Any, ...], Mapping[str, Any]]) -> Score:
    """Precision of the current findings over those with a judgement; the others are listed."""
    s = Score()
    for f in found:
        j = judgements.get(finding_key(f["story"], f["kind"], f["claims"]))
        if j is None:
            s.unjudged.append(dict(f))
            continue
        if j["verdict"] == "real":
            s.real += 1
        else:
            s.false += 1
            s.false_found.append({**f, "reason": j.get("reason")})
        s.by_kind[(f["kind"], j["verdict"])] += 1
    return s


def _digits(text: object) -> str:
    return "".join(ch for ch in str(text) if ch.isdigit() or ch == "-")


def _side_matches(originator: object, value_text: object, who: str | None, value: str) -> bool:
    return (who is None or who.casefold() in str(originator).casefold()) and _digits(value) in _digits(value_text)


def has_finding(found: Iterable[Mapping[str, Any]], story: str, kind: str,
                *pairs: tuple[str | None, str]) -> bool:
    """Whether a finding of `kind` in `story` compares claims by these originators with these figures.

    Each pair is (originator substring or None, the figure's digits): ("Ministry", "471"); "" is any figure.
    """
    for f in found:
        if f["story"] != story or f["kind"] != kind:
            continue
        if all(any(_side_matches(s["originator"], s["value_text"], who, value) for s in f["claims"])
               for who, value in pairs):
            return True
    if kind == "revision" and len(pairs) == 2:
        return _revision_chain(found, story, *pairs)
    return False


def _revision_chain(found: Iterable[Mapping[str, Any]], story: str, first: tuple[str | None, str],
                    last: tuple[str | None, str]) -> bool:
    """A revision shown in steps (64, then 1,427, then 2,975): revision findings of one originator leading
    from the first figure to the last."""
    steps = [[(s["originator"], s["value_text"]) for s in f["claims"]] for f in found
             if f["story"] == story and f["kind"] == "revision" and len(f["claims"]) == 2]
    reached = {b for a, b in steps if _side_matches(a[0], a[1], *first)}
    for _ in range(len(steps)):
        if any(_side_matches(b[0], b[1], *last) for b in reached):
            return True
        reached |= {b for a, b in steps if a in reached}
    return False


def has_ingredients(db: str, story: str, measure: str, *pairs: tuple[str | None, str],
                    same_originator: bool = False) -> bool:
    """Whether the ledger holds what a named finding needs: a statement of each figure by its originator
    (one originator for all, in different reports, for a revision), all about the same actor and all
    "as of" figures (or all for one explicit period), in the story's documents.

    A named finding whose ingredients extraction did not produce (2,975 credited to an outlet, two
    actors for one toll) cannot be asked of reconciliation; the test says so instead.
    """
    from itertools import product

    from tollbook.ledger import open_ledger

    with open_ledger(db) as ledger:
        files = {row["doc_id"]: _file_of(row["path"]) for _, row in ledger.documents().iterrows()}
        from tollbook.reconcile.series import normalise_records

        rows = [r for r in normalise_records(ledger.claims(measure=measure))
                if files.get(r["doc_id"], "").startswith(story + "/") and r.get("modality") in ("reported", "estimated")
                and r.get("attribution") != "outlet" and r.get("source") not in (None, "anonymous")]
    options = [[r for r in rows if _side_matches(r["originator"], r["value_text"], who, value)] for who, value in pairs]
    for combo in product(*options):
        periods = {None if r["date_start"] is None else (str(r["date_start"]), str(r["date_end"])) for r in combo}
        # a revision is told over time: its figures come from different reports (one report's "from
        # 1,400 to 1,200" gives both with one date, and says which came first only in words)
        if len({r["actor"] for r in combo}) == 1 and len(periods) == 1 and (not same_originator or (
                len({r["originator"] for r in combo}) == 1 and len({r["doc_id"] for r in combo}) == len(combo))):
            return True
    return False


def timelines(db: str) -> None:
    """`tollbook timeline` (a table on the terminal) of every (actor, measure) that has a revision or a
    disagreement: the claims over time beside their fused estimates."""
    import subprocess

    from tollbook.ledger import open_ledger
    from tollbook.reconcile.store import stored_findings

    with open_ledger(db) as ledger, ledger.engine.connect() as conn:
        wanted = {tuple(f.series.split(" | ")[:2]) for f in stored_findings(conn, kinds=("revision", "disagreement"))}
    for actor, measure in sorted(wanted):
        if actor != "-":  # `timeline` takes an actor; a disaster's victims have none
            subprocess.run([sys.executable, "-m", "tollbook.cli", "timeline", "--db", db, "--actor", actor,
                            "--measure", measure], check=False)


# ---------------------------------------------------------------- command line


def _dump(rows: Iterable[Mapping[str, Any]]) -> None:
    for r in rows:
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("ingest", "findings", "score", "timeline"):
        p = sub.add_parser(name)
        p.add_argument("db", help="SQLite file (ingest replaces it)")
    for name in ("check", "check-score"):
        sub.add_parser(name).add_argument("--tensions", action="store_true", help="as `tollbook check --tensions`")
    args = parser.parse_args(argv)
    items = articles()
    if args.command == "ingest":
        if not items:
            print("no real-story texts found (see docs/real_sets.md)", file=sys.stderr)
            return 2
        Path(args.db).unlink(missing_ok=True)
        ingest(args.db, items)
        print(f"{len(items)} articles ingested into {args.db}", file=sys.stderr)
    elif args.command == "findings":
        _dump(stored_finding_facts(args.db))
    elif args.command == "score":
        result = score(stored_finding_facts(args.db), load_judgements(FINDINGS_FILE))
        _dump(result.unjudged)
        print(result.line(), file=sys.stderr)
    elif args.command == "timeline":
        timelines(args.db)
    elif args.command == "check":
        _dump(check_facts(items, args.tensions))
    elif args.command == "check-score":
        result = score(check_facts(items, args.tensions), load_judgements(CHECK_FILE))
        _dump(result.unjudged)
        print(result.line(), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
