"""`check` grows with the number of claims, not with the number of pairs of claims.

Issue 14: `cross_claim_tensions` called `effective_source` (a scan of every claim) for every
pair, so 800 claims took 13.7 s. Here the comparisons are counted, never timed: the real
rules run, and a wrapper counts how often two claims' values are compared. The indexed
rules must also give what the plain all-pairs definitions give on real reports.
"""

from __future__ import annotations

import importlib
import random
import re
from pathlib import Path

import pytest

from tollbook.model import Claim
from tollbook.read import make_document

rules = importlib.import_module("tollbook.check.rules")
pairing = importlib.import_module("tollbook.check.pairing")
pipeline = importlib.import_module("tollbook.extract.pipeline")

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ["the United Nations", "Ukraine's General Staff", "the Russian Defence Ministry", "OCHA", "the Pentagon"]


def _many_claims_doc(n: int):
    """A headline, a bullet and n body figures of one series from five claimants (every pair is a candidate)."""
    # each sentence differs (a sentence printed twice states its figures once)
    body = [f"{SOURCES[i % 5]} said {100 + (i * 37) % 400} {('soldiers', 'troops')[i // 400]} were killed in Kursk."
            for i in range(n)]
    text = "Heavy losses in Kursk\n\nKey points\n- 500 soldiers killed in Kursk\n\n" + "\n\n".join(body)
    doc = make_document(text, published="2025-01-27")
    return doc, pipeline.extract_document(doc)


def _comparisons(doc, claims, monkeypatch: pytest.MonkeyPatch) -> int:
    count = 0
    real = rules.overlaps

    def counted(a: Claim, b: Claim, *args, **kwargs) -> bool:
        nonlocal count
        count += 1
        return real(a, b, *args, **kwargs)

    monkeypatch.setattr(rules, "overlaps", counted)
    rules.check_document(doc, claims, tensions=True)
    monkeypatch.setattr(rules, "overlaps", real)
    return count


def test_comparisons_grow_linearly_with_the_claims(monkeypatch: pytest.MonkeyPatch) -> None:
    small_doc, small_claims = _many_claims_doc(200)
    large_doc, large_claims = _many_claims_doc(800)
    assert len(small_claims) > 200 and len(large_claims) > 800
    small = _comparisons(small_doc, small_claims, monkeypatch)
    large = _comparisons(large_doc, large_claims, monkeypatch)
    assert small > 0
    assert large <= 5 * small, f"{small} comparisons for {len(small_claims)} claims, {large} for {len(large_claims)}"
    assert large <= (rules.TENSION_SCAN + 8) * len(large_claims)  # all pairs would be 320,000


# ---------------------------------------------------------------- the indexed rules against the plain definitions


def _named(claim: Claim) -> bool:
    return bool(claim.source) and claim.source != "anonymous" and claim.attribution != "outlet"


def _naive_source(claim: Claim, evidence: tuple[Claim, ...], text: str) -> str | None:
    if _named(claim):
        return claim.source
    para_start = text.rfind("\n\n", 0, claim.start)
    earlier = [c for c in evidence if para_start < c.start < claim.start and _named(c)]
    return earlier[-1].source if earlier else None


def _naive_tensions(evidence: tuple[Claim, ...], text: str) -> list[tuple[str, str]]:
    """Every pair, as the rule reads: same series and ground, two claimants, statements, values more than
    10% apart but within a factor of 10."""
    out = []
    plain = [c for c in evidence if c.derived_from is None and c.fraction is None and c.best
             and c.qualifier != "vague" and c.modality in ("reported", "estimated")]
    for i, a in enumerate(plain):
        sa = _naive_source(a, evidence, text) or ("the estimate" if a.modality == "estimated" else None)
        for b in plain[i + 1:]:
            if a.measure != b.measure or a.unit != b.unit or a.ambiguous_measure or b.ambiguous_measure:
                continue
            if not pairing.actor_compatible(a, b) or not pairing.place_compatible(a.place_code, b.place_code):
                continue
            sb = _naive_source(b, evidence, text) or ("the estimate" if b.modality == "estimated" else None)
            if not sa or not sb or sa == sb or pairing.overlaps(a, b) or max(a.best, b.best) > 10 * min(a.best, b.best):
                continue
            lower, upper = sorted((a, b), key=lambda c: c.best)
            if not rules._same_ground(lower, upper) or not rules._apart_by(lower, upper, rules.TENSION_MIN_RATIO):
                continue
            out.append((a.claim_id, b.claim_id))
    return out


def _documents() -> list:
    """The bundled reports and gold texts, and shuffled mixes of their paragraphs (many claimants per series)."""
    paths = sorted((ROOT / "examples" / "reports").glob("*.txt")) + sorted((ROOT / "tests" / "gold").glob("*/*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    paras = [p.strip() for t in texts for p in re.split(r"\n\s*\n", t) if p.strip()]
    rng = random.Random(14)
    mixes = ["\n\n".join(rng.choice(paras) for _ in range(rng.randint(10, 40))) for _ in range(12)]
    return [make_document(t, published="2025-01-27") for t in texts + mixes]


@pytest.fixture(scope="module")
def documents() -> list:
    return [(doc, pipeline.extract_document(doc)) for doc in _documents()]


def test_effective_sources_match_the_plain_definition(documents) -> None:
    checked = 0
    for doc, claims in documents:
        roles = pairing.split_roles(doc, claims)
        for c in roles.evidence:
            assert roles.sources[c.claim_id] == _naive_source(c, roles.evidence, doc.text), (doc.text[:60], c.value_text)
            checked += 1
    assert checked > 500


def test_tensions_match_every_pair(documents) -> None:
    found = 0
    for doc, claims in documents:
        roles = pairing.split_roles(doc, claims)
        got = [(f.headline_claim.claim_id, f.body_claims[0].claim_id) for f in rules.cross_claim_tensions(roles.evidence, roles.sources)]
        assert got == _naive_tensions(roles.evidence, doc.text), doc.text[:60]
        found += len(got)
    assert found > 20  # the mixes set claimants against each other


def test_a_part_larger_than_its_whole_is_still_found() -> None:
    text = ("Russian losses in Kursk\n\n"
            "Ukraine's General Staff said 900 Russian soldiers were killed in Kursk. "
            "Ukraine's General Staff said Russian casualties in Kursk stood at 600.")
    doc = make_document(text, published="2025-01-27")
    claims = pipeline.extract_document(doc)
    roles = pairing.split_roles(doc, claims)
    found = rules.part_larger_than_whole(roles.evidence, roles.sources)
    assert [(f.headline_claim.best, f.body_claims[0].best) for f in found] == [(900, 600)]


def _bullets_doc(n: int):
    """n key points at the top and n body figures: every key point is compared with the body."""
    points = "\n".join(f"- {100 + i % 300} soldiers killed in Kursk" for i in range(n))
    body = "\n\n".join(f"The UN said {100 + (i * 7) % 300} soldiers were killed in Kursk." for i in range(n))
    doc = make_document(f"Losses\nKey points\n{points}\n\n{body}", published="2025-01-27")
    return doc, pipeline.extract_document(doc)


def test_a_list_of_key_points_is_checked_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    count = 0
    real = pairing.pair_score

    def counted(h: Claim, b: Claim) -> float:
        nonlocal count
        count += 1
        return real(h, b)

    monkeypatch.setattr(pairing, "pair_score", counted)
    sizes = []
    for n in (250, 1_000):
        doc, claims = _bullets_doc(n)
        assert len(pairing.split_roles(doc, claims).checked) == n
        count = 0
        rules.check_document(doc, claims)
        sizes.append(count)
    assert sizes[1] <= 5 * sizes[0], sizes
    assert sizes[1] <= rules.CHECKED_MAX * 1_000
