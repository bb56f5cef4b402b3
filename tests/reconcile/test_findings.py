"""Each finding fires on the small ledger built for it, and stays quiet on its near miss."""

from __future__ import annotations

import pytest

from tollbook.errors import UsageError
from tollbook.reconcile import FINDING_KINDS, find_findings


def kinds(records, kind):
    return [f for f in find_findings(records, kinds=[kind])]


def test_revision_same_originator_same_period_new_figure(stored, make_pair):
    records = stored([
        make_pair(500, source="Gaza Health Ministry", outlet="Al Jazeera", published="2024-01-10",
                  date_start="2024-01-09", date_end="2024-01-09", actor="civilians", actor_country="PSE"),
        make_pair(520, source="Gaza Health Ministry", outlet="AP", published="2024-01-11",
                  date_start="2024-01-09", date_end="2024-01-09", actor="civilians", actor_country="PSE"),
        # Another day: not a revision.
        make_pair(300, source="Gaza Health Ministry", outlet="AP", published="2024-01-12",
                  date_start="2024-01-11", date_end="2024-01-11", actor="civilians", actor_country="PSE"),
    ])
    (finding,) = kinds(records, "revision")
    assert finding.detail["before"]["best"] == 500 and finding.detail["after"]["best"] == 520
    assert finding.detail["change"] == 20
    assert len(finding.claims) == 2 and len(finding.spans) == 2
    assert "Gaza Health Ministry" in finding.rule


def test_monotonicity_cumulative_figure_falls(stored, make_pair):
    gs = "General Staff of the Armed Forces of Ukraine"
    records = stored([
        make_pair(100, measure="destroyed", unit="tank", source=gs, outlet="Ukrinform", published="2022-03-01"),
        make_pair(120, measure="destroyed", unit="tank", source=gs, outlet="Ukrinform", published="2022-03-02"),
        make_pair(110, measure="destroyed", unit="tank", source=gs, outlet="Ukrinform", published="2022-03-03"),
        make_pair(130, measure="destroyed", unit="tank", source=gs, outlet="Ukrinform", published="2022-03-04"),
        # A different originator's lower figure is not a fall of the General Staff's series.
        make_pair(50, measure="destroyed", unit="tank", source="Oryx", outlet="Oryx", published="2022-03-05"),
    ])
    (finding,) = kinds(records, "monotonicity")
    assert finding.detail["before"]["best"] == 120 and finding.detail["after"]["best"] == 110
    assert finding.detail["before"]["as_of"] == "2022-03-02" and finding.detail["after"]["as_of"] == "2022-03-03"
    assert finding.detail["drop"] == 10


def test_monotonicity_ignores_daily_counts_and_non_cumulative_measures(stored, make_pair):
    records = stored([
        # "yesterday": each its own one-day period, so no run to compare.
        make_pair(30, published="2024-05-02", date_start="2024-05-01", date_end="2024-05-01"),
        make_pair(10, published="2024-05-03", date_start="2024-05-02", date_end="2024-05-02"),
        make_pair(5000, measure="deployed", published="2024-05-02"),
        make_pair(3000, measure="deployed", published="2024-05-20"),
    ])
    assert kinds(records, "monotonicity") == []


def test_disagreement_independent_originators_intervals_apart(stored, make_pair):
    records = stored([
        make_pair(4000, measure="casualties", actor="North Korean forces", actor_country="PRK",
                  source="UK Ministry of Defence", published="2025-01-10"),
        make_pair(300, measure="casualties", actor="North Korean forces", actor_country="PRK",
                  source="National Intelligence Service", outlet="Yonhap", published="2025-01-13",
                  low=270, high=330, qualifier="approximately"),
    ])
    (finding,) = kinds(records, "disagreement")
    assert finding.detail["upper"]["originator"] == "UK Ministry of Defence"
    assert finding.detail["ratio"] == round(4000 / 330, 3)
    assert finding.detail["days_apart"] == 3
    assert finding.severity == "warning"


@pytest.mark.parametrize("second", [
    # Overlapping intervals: "more than 3,000" and 4,000 agree.
    dict(best=3000, high=None, qualifier="more_than", published="2025-01-12"),
    # More than seven days apart: a different moment.
    dict(best=300, published="2025-01-25"),
    # Same originator: a revision or an update, not a disagreement.
    dict(best=300, source="UK Ministry of Defence", published="2025-01-12"),
    # A later cumulative figure a little higher: growth, not disagreement.
    dict(best=4400, published="2025-01-14"),
])
def test_disagreement_near_misses(stored, second, make_pair):
    best = second.pop("best")
    opts = dict(measure="casualties", source="Institute for the Study of War", outlet="ISW") | second
    records = stored([make_pair(4000, measure="casualties", published="2025-01-10"), make_pair(best, **opts)])
    assert kinds(records, "disagreement") == []


def test_scope_mismatch_same_figure_as_casualties_and_killed(stored, make_pair):
    records = stored([
        make_pair(4000, measure="casualties", actor="North Korean forces", actor_country="PRK",
                  source="UK Ministry of Defence", outlet="BBC", published="2025-01-10",
                  place="Kursk region", place_code="RU-KRS"),
        make_pair(4000, measure="killed", actor="North Korean forces", actor_country="PRK",
                  source="Volodymyr Zelensky", source_kind="person", outlet="Fox News", published="2025-01-14",
                  place="Kursk region", place_code="RU-KRS"),
    ])
    (finding,) = kinds(records, "scope_mismatch")
    assert finding.detail["differs_in"] == ["measure"]
    assert {finding.detail["a"]["measure"], finding.detail["b"]["measure"]} == {"casualties", "killed"}
    assert "4,000" in finding.rule


def test_scope_mismatch_needs_the_same_figure_and_a_large_enough_one(stored, make_pair):
    records = stored([
        make_pair(4000, measure="casualties", published="2025-01-10"),
        make_pair(4100, measure="killed", source="ISW", outlet="ISW", published="2025-01-10"),
        make_pair(3, measure="wounded", published="2025-01-10"),
        make_pair(3, measure="killed", source="ISW", outlet="ISW", published="2025-01-10"),
    ])
    assert kinds(records, "scope_mismatch") == []


def test_impossible_arithmetic_parts_larger_than_the_whole(stored, make_pair):
    common = dict(source="Israeli military", outlet="Times of Israel", actor="Israeli forces",
                  actor_country="ISR", published="2024-03-01", place="Israel", place_code="ISR")
    records = stored([
        make_pair(600, measure="killed", **common),
        make_pair(500, measure="casualties", **common),
        make_pair(11000, measure="casualties", actor="North Korean forces", actor_country="PRK",
                  published="2025-01-10", place="Kursk region", place_code="RU-KRS"),
        make_pair(10000, measure="deployed", actor="North Korean forces", actor_country="PRK",
                  published="2024-12-20", low=9000, high=11000 - 1, qualifier="approximately",
                  place="Kursk region", place_code="RU-KRS"),
    ])
    found = kinds(records, "impossible_arithmetic")
    relations = sorted(f.detail["relation"] for f in found)
    assert relations == ["casualties > deployed", "killed > casualties"]
    assert all(f.severity == "error" for f in found)


def test_killed_plus_wounded_above_casualties(stored, make_pair):
    common = dict(source="Armed Forces of Ukraine", outlet="Kyiv Independent", published="2024-06-01",
                  date_start="2024-05-01", date_end="2024-05-31")
    records = stored([
        make_pair(700, measure="killed", **common),
        make_pair(900, measure="wounded", **common),
        make_pair(1000, measure="casualties", **common),
    ])
    (finding,) = kinds(records, "impossible_arithmetic")
    assert finding.detail["relation"] == "killed + wounded > casualties"
    assert len(finding.claims) == 3


def test_adversary_claim_marks_a_party_counting_its_enemys_losses(stored, make_pair):
    records = stored([
        make_pair(2800, measure="casualties", source="General Staff of the Armed Forces of Ukraine",
                  source_kind="military", outlet="Ukrinform", published="2022-02-25",
                  low=2520, high=3080, qualifier="approximately"),
        # A third party's estimate is not an adversary claim.
        make_pair(2000, measure="casualties", source="UK Ministry of Defence", published="2022-02-25"),
        # Deployments are not losses.
        make_pair(150000, measure="deployed", source="General Staff of the Armed Forces of Ukraine",
                  source_kind="military", outlet="Ukrinform", published="2022-02-20"),
    ])
    (finding,) = kinds(records, "adversary_claim")
    assert finding.severity == "info"
    assert finding.detail["claimant_country"] == "UKR" and finding.detail["actor_country"] == "RUS"
    assert finding.detail["conflict"] == "Russia-Ukraine war"


def test_findings_are_typed_records_with_spans_into_their_documents(stored, make_pair):
    pairs = [make_pair(4000, measure="casualties", published="2025-01-10"),
             make_pair(300, measure="casualties", source="ISW", outlet="ISW", published="2025-01-10")]
    texts = {doc.doc_id: doc.text for doc, _ in pairs}
    found = find_findings(stored(pairs))
    assert found, "expected a disagreement"
    for f in found:
        assert f.kind in FINDING_KINDS and f.severity in ("error", "warning", "info") and f.rule
        for span in f.spans:
            assert texts[span.doc_id][span.start:span.end] in span.quote
        as_dict = f.to_dict()
        assert as_dict["finding_id"] == f.finding_id and as_dict["claims"] == list(f.claims)


def test_unknown_finding_kind_is_a_usage_error():
    with pytest.raises(UsageError, match="choose from"):
        find_findings([], kinds=["nonsense"])
