"""Each finding fires on the small ledger built for it, and stays quiet on its near miss."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from tollbook.errors import UsageError
from tollbook.reconcile import FINDING_KINDS, find_findings


def kinds(records, kind):
    return [f for f in find_findings(records, kinds=[kind])]


def restated(pair, **changes):
    """The same document and claim with some of the claim's fields changed (modality, attribution ...)."""
    doc, claim = pair
    return doc, replace(claim, **changes)


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


def test_one_governments_offices_are_one_originator(stored, make_pair):
    """The Prime Minister's Office's 'over 1,400' and the Foreign Ministry's 'about 1,200' are one official toll
    revised down (lexicons/claimants.toml: `originator`), never a disagreement between two bodies."""
    israel = dict(actor="civilians", actor_country="ISR", date_start=None)
    records = stored([
        make_pair(1400, source="Israeli Prime Minister's Office", outlet="AFP", published="2023-10-15",
                  date_end="2023-10-15", **israel),
        make_pair(1200, source="Israeli Foreign Ministry", outlet="AFP", published="2023-11-10",
                  date_end="2023-11-10", **israel),
    ])
    (finding,) = kinds(records, "revision")
    assert finding.detail["before"]["best"] == 1400 and finding.detail["after"]["best"] == 1200
    assert not kinds(records, "disagreement")


def test_successive_figures_of_one_originator_are_revisions_and_a_fall_stands_out(stored, make_pair):
    nis = dict(source="National Intelligence Service", actor="North Korean forces",
               actor_country="PRK", place="Kursk region", place_code="RU-KRS")
    records = stored([
        make_pair(100, outlet="Yonhap", published="2024-11-20", **nis),
        make_pair(300, outlet="Yonhap", published="2025-01-13", **nis),
        make_pair(300, outlet="Korea Herald", published="2025-01-14", note=" Again.", **nis),  # repeated: no change
        make_pair(600, outlet="Yonhap", published="2025-02-27", **nis),
        make_pair(500, outlet="Yonhap", published="2025-03-10", **nis),
    ])
    found = sorted(kinds(records, "revision"), key=lambda f: f.detail["after"]["as_of"])
    assert [(f.detail["before"]["best"], f.detail["after"]["best"]) for f in found] == [(100, 300), (300, 600), (600, 500)]
    assert [f.detail["direction"] for f in found] == ["up", "up", "down"]
    assert [f.severity for f in found] == ["info", "info", "warning"]  # a count that goes down stands out
    assert "revised its killed figure down from 600 to 500" in found[-1].rule
    assert kinds(records, "disagreement") == [] and kinds(records, "monotonicity") == []  # a revision is never a disagreement


def test_figures_given_together_or_far_below_are_not_revisions(stored, make_pair):
    ministry = dict(source="Gaza Health Ministry", actor="civilians", actor_country="PSE", place="Gaza", place_code="PS-GAZA")
    doc, war_toll = make_pair(2778, published="2023-10-17", outlet="AP", **ministry)
    # the same document's second figure (its wounded, misread as killed): the earlier figure continues
    # through one of the two only, the nearer
    misread = replace(make_pair(9700, published="2023-10-17", outlet="AP", **ministry)[1],
                      doc_id=doc.doc_id, claim_id=war_toll.claim_id[::-1])
    records = stored([
        make_pair(200, published="2023-10-07", outlet="VOA", **ministry),
        (doc, war_toll), (doc, misread),
        # a hospital's toll the next day is another count, not the war's total revised down
        make_pair(471, published="2023-10-18", outlet="Reuters", **ministry),
    ])
    found = kinds(records, "revision")
    assert [(f.detail["before"]["best"], f.detail["after"]["best"]) for f in found] == [(200, 2778)]


def test_a_towns_count_between_two_totals_is_neither_a_fall_nor_the_base_of_a_rise(stored, make_pair):
    ministry = dict(source="Gaza Health Ministry", actor="civilians", actor_country="PSE", place=None, place_code=None)
    records = stored([
        make_pair(34000, published="2024-04-01", outlet="AP", **ministry),
        make_pair(12, published="2024-04-02", outlet="Reuters", **ministry),
        make_pair(34050, published="2024-04-03", outlet="AFP", **ministry),
    ])
    assert kinds(records, "revision") == []


def test_same_day_figures_the_later_one_standing_is_the_revision(stored, make_pair):
    ministry = dict(source="Gaza Health Ministry", actor="civilians", actor_country="PSE", place=None, place_code=None)
    records = stored([
        make_pair(500, published="2023-10-18", outlet="Mint", low=500, high=None, qualifier="at_least", **ministry),
        make_pair(471, published="2023-10-18", outlet="Al Jazeera", **ministry),
        make_pair(471, published="2023-11-26", outlet="Middle East Eye", note=" It stands.", **ministry),
    ])
    (finding,) = kinds(records, "revision")
    assert (finding.detail["before"]["best"], finding.detail["after"]["best"]) == (500, 471)
    assert finding.severity == "warning"


def test_monotonicity_a_running_tally_falls(stored, make_pair):
    gs = "General Staff of the Armed Forces of Ukraine"
    start = date(2022, 3, 1)
    tally = [100, 120, 110, 130, 135, 140, 150, 160, 170, 180, 190]
    records = stored([
        make_pair(v, measure="destroyed", unit="tank", source=gs, outlet="Ukrinform",
                  published=(start + timedelta(days=i)).isoformat()) for i, v in enumerate(tally)
    ] + [
        # A different originator's lower figure is not a fall of the General Staff's series.
        make_pair(50, measure="destroyed", unit="tank", source="Oryx", outlet="Oryx", published="2022-03-05"),
    ])
    (finding,) = kinds(records, "monotonicity")
    assert finding.detail["before"]["best"] == 120 and finding.detail["after"]["best"] == 110
    assert finding.detail["before"]["as_of"] == "2022-03-02" and finding.detail["after"]["as_of"] == "2022-03-03"
    assert finding.detail["drop"] == 10
    assert kinds(records, "revision") == []  # a tally counts: its daily rises are not revisions


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
                  source="UK Ministry of Defence", published="2025-01-13"),
        make_pair(300, measure="casualties", actor="North Korean forces", actor_country="PRK",
                  source="National Intelligence Service", outlet="Yonhap", published="2025-01-13",
                  low=270, high=330, qualifier="approximately"),
    ])
    (finding,) = kinds(records, "disagreement")
    assert finding.detail["upper"]["originator"] == "UK Ministry of Defence"
    assert finding.detail["ratio"] == round(4000 / 330, 3)
    assert finding.detail["days_apart"] == 0
    assert finding.severity == "warning"


@pytest.mark.parametrize(("unnamed", "named", "disagree"), [
    (50000, 6760, False),  # "the combined toll of both countries rose above 50,000"; Syria's 6,760: maybe its part
    (471, 300, True),  # near each other: rival estimates of one toll
    (6760, 50000, True),  # a named place's figure above an unnamed one cannot be its part
])
def test_a_figure_many_times_a_named_places_with_no_place_of_its_own_may_be_its_whole(stored, make_pair, unnamed,
                                                                                       named, disagree):
    quake = dict(actor="civilians", actor_country=None, published="2023-02-24")
    records = stored([
        make_pair(unnamed, source="Turkish government", outlet="Reuters", place=None, place_code=None, **quake),
        make_pair(named, source="Syrian Observatory for Human Rights", outlet="AFP", place="Syria", place_code="SYR",
                  **quake),
    ])
    assert len(kinds(records, "disagreement")) == disagree


def test_a_later_cumulative_figure_below_an_earlier_one_disagrees(stored, make_pair):
    records = stored([
        make_pair(11300, source="Libyan Red Crescent", outlet="AP", published="2023-09-16", actor="civilians",
                  actor_country=None, place="Libya", place_code="LBY"),
        make_pair(3958, source="World Health Organization", outlet="Libya Observer", published="2023-09-17",
                  actor="civilians", actor_country=None, place="Libya", place_code="LBY"),
    ])
    (finding,) = kinds(records, "disagreement")
    assert finding.detail["lower"]["best"] == 3958 and finding.detail["upper"]["best"] == 11300


@pytest.mark.parametrize("second", [
    # Overlapping intervals: "more than 3,000" and 4,000 agree.
    dict(best=3000, high=None, qualifier="more_than", published="2025-01-12"),
    # More than a day apart: a different moment.
    dict(best=300, published="2025-01-13"),
    # Same originator: a revision or an update, not a disagreement.
    dict(best=300, source="UK Ministry of Defence", published="2025-01-11"),
    # A later cumulative figure higher: growth, not disagreement.
    dict(best=9000, published="2025-01-11"),
    # A projection ("could reach"), a forecast and a denial are not figures anyone stands behind.
    dict(best=300, modality="hypothetical", published="2025-01-10"),
    dict(best=300, modality="denied", published="2025-01-10"),
    # No originator: the outlet's own unattributed words, or "officials said".
    dict(best=300, attribution="outlet", published="2025-01-10"),
    dict(best=300, source="anonymous", published="2025-01-10"),
    # Within 10%: one count at two moments of its updating.
    dict(best=3700, published="2025-01-10"),
    # "hundreds": a vague amount vouches for its floor, and 4,000 is above it.
    dict(best=100, low=100, high=999, qualifier="vague", published="2025-01-10"),
    # A part of the whole: "among them 300" is not a rival figure.
    dict(best=300, derived_from="0123456789abcdef", published="2025-01-10"),
    # Another measure of the family: killed is a part of casualties, never a rival for it.
    dict(best=300, measure="killed", published="2025-01-10"),
    # A single-digit undated count is one incident's toll; one a hundred times smaller counts something else.
    dict(best=3, published="2025-01-10"),
    dict(best=30, published="2025-01-10"),
])
def test_disagreement_near_misses(stored, second, make_pair):
    best = second.pop("best")
    claim_changes = {k: second.pop(k) for k in ("modality", "attribution", "derived_from") if k in second}
    opts = dict(measure="casualties", source="Institute for the Study of War", outlet="ISW") | second
    other = make_pair(best, **opts)
    if claim_changes.get("attribution") == "outlet":
        opts.update(source=opts["outlet"])
        other = make_pair(best, **opts)
    records = stored([make_pair(4000, measure="casualties", published="2025-01-10"),
                      restated(other, **claim_changes)])
    assert kinds(records, "disagreement") == []


def test_vague_count_disagrees_with_a_figure_below_its_floor(stored, make_pair):
    gaza = dict(actor="civilians", actor_country="PSE", place_code="PS-GAZA", place="Gaza", published="2024-05-02")
    records = stored([
        make_pair(40, source="Gaza Civil Defence", outlet="Al Jazeera", **gaza),
        make_pair(100, low=100, high=999, qualifier="vague", source="Israel Defense Forces", outlet="Times of Israel",
                  **gaza),
    ])
    (finding,) = kinds(records, "disagreement")
    assert finding.detail["lower"]["best"] == 40 and finding.detail["upper"]["originator"] == "Israel Defense Forces"


def test_a_region_disagrees_with_its_country_only_by_exceeding_it(stored, make_pair):
    kursk = dict(place="Kursk region", place_code="RU-KRS")
    russia = dict(place="Russia", place_code="RUS")
    below = stored([make_pair(1000, published="2025-01-10", **kursk),
                    make_pair(5000, source="ISW", outlet="ISW", published="2025-01-10", **russia)])
    assert kinds(below, "disagreement") == []
    above = stored([make_pair(8000, published="2025-01-10", **kursk),
                    make_pair(5000, source="ISW", outlet="ISW", published="2025-01-10", **russia)])
    (finding,) = kinds(above, "disagreement")
    assert finding.detail["part_of_whole"] and "a part larger than its whole" in finding.rule


def test_each_pair_of_originators_is_compared_through_claims_of_the_same_moment(stored, make_pair):
    """The ministry's war toll of the day before and its hospital toll are not both held against the IDF's."""
    gaza = dict(actor="civilians", actor_country="PSE", place=None, place_code=None)
    records = stored([
        make_pair(2778, source="Gaza Health Ministry", outlet="AP", published="2023-10-17", **gaza),
        make_pair(471, source="Gaza Health Ministry", outlet="Reuters", published="2023-10-18", **gaza),
        make_pair(250, low=200, high=300, qualifier="range", source="Israel Defense Forces", outlet="Mint",
                  published="2023-10-18", **gaza),
    ])
    (finding,) = kinds(records, "disagreement")
    assert finding.detail["upper"]["best"] == 471


def test_scope_mismatch_one_originators_casualties_retold_as_killed(stored, make_pair):
    zelensky = dict(actor="North Korean forces", actor_country="PRK", source="Office of the President of Ukraine",
                    source_kind="government", place="Kursk region", place_code="RU-KRS")
    records = stored([
        make_pair(4000, measure="casualties", outlet="Kyiv Independent", published="2025-01-11", **zelensky),
        make_pair(4000, measure="killed", outlet="Fox News", published="2025-03-05", **zelensky),
    ])
    (finding,) = kinds(records, "scope_mismatch")
    assert finding.detail["differs_in"] == ["measure"]
    assert {finding.detail["a"]["measure"], finding.detail["b"]["measure"]} == {"casualties", "killed"}
    assert "4,000" in finding.rule and "Office of the President of Ukraine" in finding.rule


def test_scope_mismatch_needs_one_originator_the_same_figure_and_one_family(stored, make_pair):
    records = stored([
        make_pair(4000, measure="casualties", published="2025-01-10"),
        # another originator's equal round number: not a retelling
        make_pair(4000, measure="killed", source="Office of the President of Ukraine", outlet="Fox News",
                  published="2025-01-14"),
        make_pair(4100, measure="killed", published="2025-01-10"),
        make_pair(300, measure="wounded", source="ISW", outlet="ISW", published="2025-01-10"),
        make_pair(300, measure="killed", source="ISW", outlet="ISW", published="2025-01-10"),  # two counts, not one retold
        make_pair(3, measure="wounded", published="2025-01-10"),
        make_pair(3, measure="casualties", published="2025-01-12"),
    ])
    assert kinds(records, "scope_mismatch") == []


def test_an_ambiguous_word_changes_no_measure(stored, make_pair):
    # "eliminated 20,000" and "20,000 were killed": the first word may mean the dead, so the figure kept its scope
    wagner = dict(actor="Wagner Group", source="Wagner Group", source_kind="military")
    records = stored([
        restated(make_pair(20000, measure="casualties", published="2023-05-24", **wagner), ambiguous_measure=True),
        make_pair(20000, measure="killed", outlet="AP", published="2023-05-25", **wagner),
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


# ---------------------------------------------------------------- the six real storylines
#
# The fetched articles (docs/real_sets.md; never committed) go into one SQLite ledger with
# their outlets and dates; every finding was judged by hand and the verdicts are kept as facts in
# tests/gold/reconcile_real/findings.jsonl. scripts/real_reconcile.py does the same from the
# command line and lists the findings no one has judged yet.

# Reached: 18 of 22 judged findings real on the claims of 218f1fd's extractor, 19 of 26 on those of the
# extraction work in progress at 45848da (0.17 before issue 11's rules); on the 66 texts fetched again, 17 of
# 27 before a breakdown in one report (a toll, then the parts it is made of) was
# read as parts and a rise by two orders of magnitude as another count, 15 of 21 after (17 of 22 on the
# stamped texts). Every false finding left rests on a wrong claim (tests/gold/reconcile_real/findings.jsonl,
# reasons "extraction: ...").
# On the 64 texts fetched on 2026-12-02 (other copies of some pages, six files fewer) the committed rules
# gave 13 of 19 judged before any change, and 20 of 30 after this day's extraction work, all 31 judged by
# hand; every false one still rests on a wrong claim. The floor stands at what these texts give; the
# issue's 0.8 is not met (see the issue note).
# On the 64 texts fetched afresh in the session after (other copies again: headlines taken from the page
# where its first line is one), the same rules gave 17 of 27 judged and 7 findings never seen; judged by
# hand, 21 of 34 (0.62). Every false one rests on a wrong claim. The floor follows these texts.
# On all 72 fetched in the fourth session (headlines rebuilt without the address's identifiers), after that
# session's extraction work: 30 of 44 judged real (0.68), all judged by hand.
# On 69 texts fetched in the fifth session (three pages not found): 26 of 39 judged before any change, 3
# more judged by hand (real); after its work ('the Gaza Strip' read as a place, 'according to Kiev' as a
# speaker, an ambiguous word changing no measure) 30 of 42 (0.71).
# On 68 texts in the sixth, 32 of 44 (0.73). On all 72 fetched again on 2026-12-03: 33 of 47 before that
# session's work; after it (studies' makers as claimants, a revision's old figure dated before the revision,
# households counted as nothing, an unnamed figure many times a named place's taken as maybe its whole, an
# address's two trailing parties as its topic, two peoples named together as no one country, a revision's
# verdict keeping its order) 34 of 42 (0.81): issue 11's bar.
REAL_PRECISION = 0.8
REAL_COVERAGE = 0.6  # below this share of judged findings the precision says little: judge the new ones


@pytest.fixture(scope="module")
def real_ledger(tmp_path_factory):
    from scripts import real_reconcile

    items = real_reconcile.articles()
    if not items:
        pytest.skip("real-story texts or ../shared/corpus absent: fetch them as docs/real_sets.md says")
    db = str(tmp_path_factory.mktemp("real") / "real.db")
    files = real_reconcile.ingest(db, items)
    return db, real_reconcile.stored_finding_facts(db, files)


def test_real_storylines_findings_are_mostly_real(real_ledger):
    from scripts import real_reconcile

    _, found = real_ledger
    result = real_reconcile.score(found, real_reconcile.load_judgements(real_reconcile.FINDINGS_FILE))
    assert result.coverage >= REAL_COVERAGE, (
        f"{len(result.unjudged)} findings have no verdict: judge them (python scripts/real_reconcile.py score DB) "
        f"and add them to {real_reconcile.FINDINGS_FILE}")
    assert result.precision >= REAL_PRECISION, result.line() + "\nfalse: " + "\n".join(
        f"{f['kind']} {[c['value_text'] for c in f['claims']]}: {f['reason']}" for f in result.false_found)


# The named revisions and conflicts: (story, kind, measure, sides, one originator for all, why it
# can fail to be asked of reconciliation when extraction did not give the claims it needs).
NAMED = [
    ("al_ahli_hospital", "revision", "killed", (("Gaza Health Ministry", "500"), ("Gaza Health Ministry", "471")), True),
    ("libya_derna_floods", "disagreement", "killed", ((None, "11300"), ("World Health Organization", "")), False),
    ("al_ahli_hospital", "disagreement", "killed", (("Gaza Health Ministry", ""), ("US intelligence", "100")), False),
    ("hurricane_maria", "revision", "killed", ((None, "64"), (None, "2975")), True),
    ("oct7_israel", "revision", "killed", ((None, "1400"), (None, "1200")), True),
]


@pytest.mark.parametrize(("story", "kind", "measure", "sides", "same_originator"), NAMED,
                         ids=["ministry 500 to 471", "11,300 vs WHO", "ministry vs US intelligence",
                              "Puerto Rico 64 to 2,975", "Israel 1,400 to 1,200"])
def test_real_storylines_named_revisions_and_conflicts(real_ledger, story, kind, measure, sides, same_originator):
    from scripts import real_reconcile

    db, found = real_ledger
    if not real_reconcile.has_ingredients(db, story, measure, *sides, same_originator=same_originator):
        pytest.skip(f"extraction: the ledger holds no {'one originator' if same_originator else 'originators'} "
                    f"credited with {', '.join(v or 'a figure' for _, v in sides)} for one actor and period "
                    "(see tests/gold/reconcile_real/README.md)")
    assert real_reconcile.has_finding(found, story, kind, *sides)


# ---------------------------------------------------------------- composition: parts against wholes


def _in_one_report(pairs):
    """The claims of these pairs as if read from the first pair's document (one report)."""
    doc = pairs[0][0]
    return [(doc, replace(claim, doc_id=doc.doc_id, claim_id=f"{claim.claim_id[:8]}{i:08d}"))
            for i, (_, claim) in enumerate(pairs)]


WAGNER = dict(actor="Wagner Group", actor_country="RUS", place="Ukraine", place_code="UKR")


def test_killed_plus_wounded_against_another_originators_casualties(stored, make_pair):
    """The White House's 9,000 killed and 21,000 wounded add up to 30,000; the UK's 15,000 casualties
    the same day cannot both hold with them."""
    records = stored([
        *_in_one_report([make_pair(9000, source="White House", outlet="Reuters", published="2023-02-17", **WAGNER),
                         make_pair(21000, measure="wounded", source="White House", outlet="Reuters",
                                   published="2023-02-17", **WAGNER)]),
        make_pair(15000, measure="casualties", source="UK Ministry of Defence", outlet="BBC", published="2023-02-17",
                  **WAGNER),
    ])
    (finding,) = kinds(records, "disagreement")
    assert finding.detail["composition"] is True
    assert finding.detail["upper"]["measure"] == "killed + wounded" and finding.detail["upper"]["best"] == 30000
    assert finding.detail["lower"]["best"] == 15000 and finding.detail["ratio"] == 2
    assert len(finding.claims) == 3 and finding.series.startswith("Wagner Group | casualties")
    assert "together 30,000" in finding.rule and "parts larger than the whole" in finding.rule


def test_a_whole_above_what_its_parts_add_up_to(stored, make_pair):
    records = stored([
        *_in_one_report([make_pair(9000, source="White House", outlet="Reuters", published="2023-02-17", **WAGNER),
                         make_pair(11000, measure="wounded", source="White House", outlet="Reuters",
                                   published="2023-02-17", **WAGNER)]),
        make_pair(40000, measure="casualties", source="UK Ministry of Defence", outlet="BBC", published="2023-02-17",
                  **WAGNER),
    ])
    (finding,) = kinds(records, "disagreement")
    assert finding.detail["lower"]["measure"] == "killed + wounded" and finding.detail["upper"]["best"] == 40000
    assert "more than its parts add up to" in finding.rule


@pytest.mark.parametrize(("casualties", "published", "why"), [
    (31000, "2023-02-17", "within 10% of the parts' sum: one count at two moments"),
    (40000, "2023-03-20", "a later whole may have grown"),
    (40000, "2023-02-10", "a week apart: not the same moment"),
])
def test_a_whole_that_can_hold_with_the_parts_is_no_disagreement(stored, make_pair, casualties, published, why):
    records = stored([
        *_in_one_report([make_pair(9000, source="White House", outlet="Reuters", published="2023-02-17", **WAGNER),
                         make_pair(21000, measure="wounded", source="White House", outlet="Reuters",
                                   published="2023-02-17", **WAGNER)]),
        make_pair(casualties, measure="casualties", source="UK Ministry of Defence", outlet="BBC", published=published,
                  **WAGNER),
    ])
    assert kinds(records, "disagreement") == [], why


def test_one_part_above_another_originators_whole(stored, make_pair):
    """Killed alone above the casualties another body gives the same day: a part larger than its whole.
    A casualty count the same originator gives is its own arithmetic, not a disagreement."""
    records = stored([
        make_pair(20000, source="Wagner Group", outlet="Telegram", published="2023-05-24", **WAGNER),
        make_pair(15000, measure="casualties", source="UK Ministry of Defence", outlet="BBC", published="2023-05-24",
                  **WAGNER),
        make_pair(15500, measure="casualties", source="Wagner Group", outlet="Reuters", published="2023-05-24",
                  note=" Again.", **WAGNER),
    ])
    (finding,) = kinds(records, "disagreement")
    assert finding.detail["part_of_whole"] is True and finding.detail["composition"] is True
    assert {finding.detail["upper"]["originator"], finding.detail["lower"]["originator"]} == {
        "Wagner Group", "UK Ministry of Defence"}
    assert "a part larger than the whole" in finding.rule


def test_a_breakdown_in_one_report_is_not_more_figures_for_the_whole(stored, make_pair):
    """'a toll of 1,250: 700 civilians, 480 soldiers and 70 police officers': the three add up to the first,
    so only the 1,250 is the office's figure for the toll, and another body's 1,000 disagrees with none of them."""
    israel = dict(source="Israeli Prime Minister's Office", actor="civilians", actor_country="ISR", place="Israel",
                  place_code="ISR", outlet="AFP", published="2024-10-05")
    records = stored([
        *_in_one_report([make_pair(v, **israel) for v in (1250, 700, 480, 70)]),
        make_pair(1000, source="Magen David Adom", outlet="Reuters", published="2024-10-05",
                  actor="civilians", actor_country="ISR", place="Israel", place_code="ISR"),
    ])
    found = kinds(records, "disagreement")
    assert [(f.detail["lower"]["best"], f.detail["upper"]["best"]) for f in found] == [(1000, 1250)]
    from tollbook.reconcile.findings import breakdown_parts, load_config
    from tollbook.reconcile.series import group_claims

    groups = group_claims(records)
    parts = breakdown_parts(groups, load_config())
    assert sorted(g.best for g in groups if g.group_id in parts) == [70, 480, 700]


def test_figures_of_one_report_that_do_not_add_up_are_no_breakdown(make_pair, as_records):
    from tollbook.reconcile.findings import breakdown_parts, load_config
    from tollbook.reconcile.series import group_claims

    groups = group_claims(as_records(_in_one_report([make_pair(v) for v in (1250, 700, 300, 70)])))
    assert breakdown_parts(groups, load_config()) == frozenset()


def test_two_orders_of_magnitude_up_is_another_count_not_a_revision(stored, make_pair):
    """'Seven killed in two towns', then the same government's national 5,200: not one count revised."""
    government = dict(source="Libyan eastern government", actor=None, actor_country=None, place="Libya",
                      place_code="LBY")
    records = stored([
        make_pair(7, outlet="AP", published="2023-09-11", **government),
        make_pair(5200, outlet="Reuters", published="2023-09-12", **government),
        make_pair(6000, outlet="Reuters", published="2023-09-13", **government),
    ])
    found = kinds(records, "revision")
    assert [(f.detail["before"]["best"], f.detail["after"]["best"]) for f in found] == [(5200, 6000)]
