"""The real-set scorers: field rules on hand-written cases, then the three real sets when present.

The rule tests need only tollbook's lexicons. The set tests read ../shared/corpus (and, for the
real stories, the fetched texts of docs/real_sets.md) and skip with a message when absent.
"""

from __future__ import annotations

from datetime import date

import pytest

import tollbook
from tollbook.extract import evaluate_real as er


def _claim(text: str, value_text: str, **kw) -> tollbook.Claim:
    claims = [c for c in tollbook.extract(text, **kw) if c.value_text.endswith(value_text) or value_text in c.value_text]
    assert claims, f"no claim for {value_text!r} in {[c.value_text for c in tollbook.extract(text, **kw)]}"
    return claims[0]


# --------------------------------------------------------------------------- field rules


@pytest.mark.parametrize(("as_of", "first", "last"), [
    ("2023-09-11", date(2023, 9, 11), date(2023, 9, 11)),
    ("2023-11", date(2023, 11, 1), date(2023, 11, 30)),
    ("2005", date(2005, 1, 1), date(2005, 12, 31)),
    ("2023-09-13/2023-09-16", date(2023, 9, 13), date(2023, 9, 16)),
    ("/2023-10-07", None, date(2023, 10, 7)),
    (None, None, None),
])
def test_gold_period_reads_days_months_years_and_ranges(as_of, first, last):
    assert er.gold_period(as_of) == (first, last)


def test_value_rule_follows_the_conventions_intervals():
    more = _claim("More than 4,000 people were killed in the floods.", "4,000", published="2024-03-02")
    about = _claim("About 900 soldiers were wounded.", "900", published="2024-03-02")
    assert er.value_right({"low": 4000, "best": None, "high": None}, more)
    assert not er.value_right({"low": None, "best": 4000, "high": None}, more)  # a bound is not a best
    assert er.value_right({"low": None, "best": 900, "high": None}, about)
    assert not er.value_right({"low": None, "best": 901, "high": None}, about)


def test_measure_rule_maps_gold_words_onto_tollbook_measures():
    c = _claim("About 900 soldiers were wounded.", "900")
    assert er.measure_right({"measure": "wounded"}, c)
    assert not er.measure_right({"measure": "killed"}, c)


@pytest.mark.parametrize(("phrase", "name", "kind"), [
    ("Wagner fighters at Bakhmut", "Wagner Group", "armed_group"),
    ("Russian forces in Ukraine (all fronts)", "Russian forces", "state_forces"),
    ("Palestinians in Gaza (Israeli strikes)", "civilians", "civilians"),  # the cause in brackets is dropped
    ("people in Israel (7 October Hamas attack)", None, "none"),  # generic people, "in Israel" is no victim
    ("flood victims in Derna", None, "none"),
])
def test_gold_actor_is_canonicalised_with_tollbooks_own_lexicon(phrase, name, kind):
    assert er.gold_actor(phrase) == (name, kind)


def test_actor_rule_accepts_no_actor_for_a_disasters_victims_only():
    plain = _claim("The death toll from the floods reached 5,100 on Wednesday.", "5,100", published="2023-09-14")
    assert plain.actor is None
    assert er.actor_right({"actor": "flood victims in Derna"}, plain)
    assert not er.actor_right({"actor": "Wagner fighters at Bakhmut"}, plain)
    wagner = _claim("Some 9,000 Wagner fighters were killed.", "9,000", published="2023-02-17")
    assert er.actor_right({"actor": "Wagner Group fighters"}, wagner)


def test_gold_claimant_kinds():
    assert er.gold_claimant("outlet (sum of official figures)")[0] == "outlet"
    kind, name, _ = er.gold_claimant("World Health Organization")
    assert (kind, name) == ("lexicon", "World Health Organization")
    kind, name, words = er.gold_claimant("Idris Benhalim, eastern province deputy minister")  # a name no lexicon holds
    assert (kind, name) == ("words", None) and words == {"idris", "benhalim"}
    # a carrier in brackets is not the originator; a gloss in brackets helps the word fallback
    assert er.gold_claimant("senior intelligence official (via AFP)")[0] == "words"
    assert "disaster" in er.gold_claimant("KDMA (Kordovan disaster management agency)")[2]  # no lexicon entry


def test_claimant_rule_reads_the_chain_not_the_outlet():
    said = _claim("At least 3,958 people died, according to the World Health Organization.", "3,958",
                  published="2023-09-17", outlet="Harbour Wire")
    own = _claim("At least 3,958 people died in the floods.", "3,958", published="2023-09-17", outlet="Harbour Wire")
    assert er.claimant_right({"claimant": "World Health Organization"}, said)
    assert not er.claimant_right({"claimant": "outlet"}, said)
    assert er.claimant_right({"claimant": "outlet"}, own)
    assert not er.claimant_right({"claimant": "World Health Organization"}, own)


def test_period_rule_has_one_day_of_tolerance():
    c = _claim("On Tuesday, 471 people were killed at the hospital, officials said.", "471", published="2023-10-18")
    end = date.fromisoformat(c.date_end)
    assert er.period_right({"as_of": end.isoformat()}, c)
    assert er.period_right({"as_of": date.fromordinal(end.toordinal() + 1).isoformat()}, c)
    assert not er.period_right({"as_of": date.fromordinal(end.toordinal() + 30).isoformat()}, c)
    assert not er.period_right({"as_of": None}, c)


def test_score_file_matches_by_place_and_value_and_counts_spurious_people_claims():
    text = ("Flood toll in Harbour Town rises to 310\n\n"
            "The death toll in Harbour Town reached 310 on Monday, the regional health office said. "
            "Another 45 people were injured. Rescuers said 12 people were missing.\n")
    gold = [
        {"file": "x", "value_text": "310", "low": None, "best": 310, "high": None, "measure": "killed",
         "actor": "flood victims in Harbour Town", "claimant": "outlet", "as_of": "2024-05-06"},
        {"file": "x", "value_text": "310", "low": None, "best": 310, "high": None, "measure": "killed",
         "actor": "flood victims in Harbour Town", "claimant": "regional health office", "as_of": "2024-05-06"},
        {"file": "x", "value_text": "45", "low": None, "best": 45, "high": None, "measure": "wounded",
         "actor": "people in Harbour Town", "claimant": "outlet", "as_of": "2024-05-06"},
        {"file": "x", "value_text": "999", "low": None, "best": 999, "high": None, "measure": "killed",
         "actor": "people", "claimant": "outlet", "as_of": "2024-05-06"},
    ]
    claims = tollbook.extract(text, published="2024-05-06", outlet="Harbour Wire")
    score, results = er.score_file(text, gold, claims, "harbour")
    assert score.gold_total == 4 and score.gold_in_text == 3  # 999 is nowhere in the text
    assert score.found == 3
    assert [r.found for r in results] == [True, True, True, False]
    assert results[0].claim["start"] < results[1].claim["start"]  # each "310" takes its own claim
    assert results[2].right["measure"]
    # the missing-people claim is labelled by no gold figure: spurious, and counted once
    assert score.spurious == score.claims_scored - 3 >= 1
    assert 0 <= score.all_five <= score.found


def test_naive_baseline_finds_numbers_near_death_words_only():
    text = ("THREE PEASANTS WERE KILLED ON 12 MAY. IN A SEPARATE OPERATION ELSEWHERE IN THE PROVINCE, "
            "THE ARMY SEIZED 40 RIFLES IN A DEPOT.")
    found = er.naive_counts(text, er._DEATH_WORDS)
    assert 3.0 in found and 12.0 in found
    assert 40.0 not in found


# --------------------------------------------------------------------------- the real sets


def _corpus():
    corpus = er.corpus_dir()
    if corpus is None:
        pytest.skip("../shared/corpus is not laid out here: the real sets are skipped")
    return corpus


def test_real_stories_scores_every_fetched_text():
    corpus = _corpus()
    texts = er.texts_dir()
    if texts is None:
        pytest.skip("the real-story texts are not fetched (see docs/real_sets.md): skipped")
    report = er.real_stories(corpus, texts)
    fetched = {p.relative_to(texts).as_posix() for p in texts.glob("*/*.txt")}
    indexed = {row["file"] for row in er.load_index(corpus / "real_stories")}
    assert report.overall.files == len(fetched & indexed)
    assert set(report.missing_files) == indexed - fetched
    row = report.rows()[-1]
    assert row["story"] == "overall" and row["gold"] > 0
    for key in ("found", "value", "measure", "actor", "claimant", "period", "all_five", "spurious"):
        assert row[key] is None or 0.0 <= row[key] <= 1.0
    assert sum(s.gold_total for s in report.stories.values()) == report.overall.gold_total
    assert sum(f.all_five for f in report.figures) == report.overall.all_five


def test_muc_recall_counts_the_answer_keys():
    corpus = _corpus()
    if not (corpus / "muc34_dev" / "docs.jsonl").is_file():
        pytest.skip("muc34_dev is not in ../shared/corpus")
    score = er.muc(corpus)
    assert (score.docs, score.keyed_docs) == (1300, 172)  # shared/corpus/README.md
    assert (score.gold["killed"], score.gold["wounded"]) == (168, 65)
    both = score.rows()[-1]
    assert both["measure"] == "both" and 0.0 < both["tollbook"] < 1.0 and 0.0 < both["naive"] <= 1.0


def test_ucdp_headlines_agreement_on_every_row():
    corpus = _corpus()
    path = corpus / er.UCDP_FILE
    if not path.is_file():
        pytest.skip(f"{er.UCDP_FILE} is not in ../shared/corpus")
    score = er.ucdp_headlines(path)
    assert score.rows == 1216  # shared/corpus/README.md
    assert score.equal_best <= score.with_killed <= score.rows
    assert len(score.disagreements) == score.with_killed - score.equal_best


def test_eval_real_json_is_one_object_with_every_set():
    import json
    import subprocess
    import sys

    _corpus()
    r = subprocess.run([sys.executable, "-m", "tollbook.cli", "eval", "--real", "--json"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert set(out) == {"real_stories", "muc34_dev", "ucdp_headlines", "real_uk", "real_ru", "skipped"}
    assert out["muc34_dev"]["rows"][-1]["measure"] == "both"
    if out["real_stories"] is not None:
        assert out["real_stories"]["rows"][-1]["story"] == "overall"


# Floors at the level reached (issue 10, part 2): a change that loses real-set ground fails here.
# Raise them as the reading improves; never lower one to make a change pass. The texts are
# fetched anew on each machine: on 2026-12-01 the fetch found 66 of the 72 (not the 70 of the
# set the first floors were taken on), and the committed extractor read found 0.839 and period
# 0.95 on them before any change, so found and period stand where that set puts them. On 2026-12-02
# the fetch found 64 (a few headlines rebuilt from the address), and the floors were raised to the
# level reached on them, a little under it so that a refetch's small differences do not fail. A later
# fetch that day found all 72 (slug headlines without the address's identifiers), and they were raised again.
REAL_STORY_FLOORS = {"found": 0.90, "value": 0.95, "measure": 0.94, "actor": 0.92, "claimant": 0.72,
                     "period": 0.94, "all_five": 0.58}  # fifth session of 2026-12-02, 69 texts: 0.747 and 0.603
REAL_STORY_SPURIOUS_CEILING = 0.03  # issue 10: spurious claims at most 3% of output


def test_real_sets_hold_their_floors():
    corpus = _corpus()
    if (corpus / "muc34_dev" / "docs.jsonl").is_file():
        assert er.muc(corpus).rows()[-1]["tollbook"] >= 0.83
    if (corpus / er.UCDP_FILE).is_file():
        assert er.ucdp_headlines(corpus / er.UCDP_FILE).row()["killed_read_of_death_word_rows"] >= 0.92
    texts = er.texts_dir()
    if texts is not None and len(list(texts.glob("*/*.txt"))) >= 60:  # the floors hold for the whole set only
        _assert_floors(er.real_stories(corpus, texts).rows()[-1], REAL_STORY_FLOORS, REAL_STORY_SPURIOUS_CEILING)


def _assert_floors(row: dict, floors: dict[str, float], spurious_ceiling: float) -> None:
    low = {k: row[k] for k, floor in floors.items() if row[k] < floor}
    assert not low, f"below the floor: {low}"
    assert row["spurious"] <= spurious_ceiling


def test_a_repeated_figure_the_partial_text_cuts_off_is_not_counted_in_text():
    text = "The death toll in Harbour Town reached 310 on Monday, the regional health office said.\n"
    repeat = {"file": "x", "value_text": "310", "low": None, "best": 310, "high": None, "measure": "killed",
              "actor": "people", "claimant": "regional health office", "as_of": "2024-05-06"}
    claims = tollbook.extract(text, published="2024-05-06")
    score, results = er.score_file(text, [repeat, dict(repeat)], claims)
    assert score.gold_total == 2 and score.gold_in_text == 1 and score.found == 1
    assert [r.in_text for r in results] == [True, False]


def test_a_person_named_before_the_body_is_a_right_claimant():
    said = _claim("Spokesman Idris Benhalim said 310 people died.", "310", published="2024-05-06")
    gold = {"claimant": "Idris Benhalim, World Health Organization spokesman"}
    assert er.gold_claimant(gold["claimant"])[:2] == ("lexicon", "World Health Organization")
    assert er.claimant_right(gold, said)
    assert not er.claimant_right({"claimant": "World Health Organization"}, said)


def test_a_gold_figure_is_placed_however_its_digits_are_grouped() -> None:
    text = "Derna Flood Toll Climbs To 11300\n\nThe Red Crescent said 11,300 people had died.\n"
    gold = {"file": "x", "value_text": "11,300", "low": None, "best": 11300, "high": None, "measure": "killed",
            "actor": "flood victims in Derna", "claimant": "Libyan Red Crescent", "as_of": "2023-09-14"}
    claims = tollbook.extract(text, published="2023-09-14")
    score, _ = er.score_file(text, [gold, dict(gold)], claims)
    assert score.gold_in_text == 2 and score.found == 2 and score.spurious == 0


def test_a_figure_placed_by_its_words_chooses_before_one_placed_only_by_its_digits() -> None:
    # the excerpt holds "more than 300 wounded" but not the labelled range "100-to-300", whose two numbers it
    # holds apart: the range must not take the wounded figure's claim
    text = ("Hospital blast\n\nThe blast shut Route 100 for a day. Officials said at least 471 "
            "people were killed, with more than 300 wounded.\n")
    ranged = {"file": "x", "value_text": "100-to-300", "low": 100, "best": None, "high": 300, "measure": "killed",
              "actor": "people", "claimant": "outlet", "as_of": "2023-10-19"}
    wounded = {"file": "x", "value_text": "more than 300", "low": 300, "best": None, "high": None,
               "measure": "wounded", "actor": "people", "claimant": "officials", "as_of": "2023-10-19"}
    claims = tollbook.extract(text, published="2023-10-19")
    _, results = er.score_file(text, [ranged, wounded], claims)
    assert results[1].found and results[1].claim["measure"] == "wounded"


@pytest.mark.parametrize(("phrase", "chain_words", "right"), [
    ("Donetsk regional military administration head Pavlo Kyrylenko", "очільник донецької ова павло кириленко", True),
    ("Kharkiv governor Oleh Syniehubov", "голова харківської ова олег синєгубов", True),
    ("Deputy Minister of Internal Affairs Leonid Tymchenko", "заступник міністра внутрішніх справ леоніда тимченка", True),
    ("Kharkiv governor Oleh Syniehubov", "мер харкова ігор терехов", False),
    ("Belgorod governor Vyacheslav Gladkov", "губернатор белгородской области вячеслав гладков", True),
    # a soft "c" is written "с": "Cebu" is "Себу", while a hard one is "к"
    ("Cebu provincial authorities", "представителя властей провинции себу", True),
    ("Cebu provincial authorities", "представителя властей провинции кебу", False),
])
def test_a_name_in_gold_is_found_among_cyrillic_words(phrase: str, chain_words: str, right: bool) -> None:
    assert er._named_in(phrase, chain_words) is right


def test_a_demonym_before_people_who_do_not_fight_names_civilians() -> None:
    assert er.gold_actor("Ukrainian children") == ("civilians", "civilians")
    assert er.gold_actor("Russian soldiers") == ("Russian forces", "state_forces")


# Real articles in Ukrainian and Russian (issue 15), floors a little under the level reached on
# 2026-12-02 (tests/gold/real_uk, real_ru; the texts fetched into .cache as docs/real_sets.md says),
# raised in its third session on the texts fetched then (31 of 32 Ukrainian, 33 of 37 Russian), and the
# claimant and all-five floors of both again in its fourth (30 of 32, 34 of 37).
LANGUAGE_FLOORS = {
    "real_uk": {"found": 0.89, "value": 0.97, "measure": 0.92, "actor": 0.88, "claimant": 0.89, "period": 0.95, "all_five": 0.70},
    "real_ru": {"found": 0.87, "value": 0.94, "measure": 0.90, "actor": 0.88, "claimant": 0.84, "period": 0.95, "all_five": 0.61},
}
LANGUAGE_SPURIOUS_CEILING = 0.07
LANGUAGE_FETCHED = 0.85  # the floors hold when at least this share of a set's texts was fetched


@pytest.mark.parametrize("name", sorted(LANGUAGE_FLOORS))
def test_real_ukrainian_and_russian_articles_hold_their_floors(name: str) -> None:
    if er.language_set_dir(name) is None or er.texts_dir(name) is None:
        pytest.skip(f"{name}: tests/gold/{name} or its fetched texts (.cache/{name}, docs/real_sets.md) are missing")
    report = er.language_set(name)
    fetched = report.overall.files / (report.overall.files + len(report.missing_files))
    if fetched < LANGUAGE_FETCHED:
        pytest.skip(f"{name}: {len(report.missing_files)} texts not fetched; the floors hold for "
                    f"{LANGUAGE_FETCHED:.0%} of the set or more")
    _assert_floors(report.rows()[-1], LANGUAGE_FLOORS[name], LANGUAGE_SPURIOUS_CEILING)
    # issue 15's bar: every field's F1 at least 0.85 (reached in the fifth session of 2026-12-02, on 32 of
    # 32 Ukrainian and 35 of 37 Russian texts; the lowest, Ukrainian actor and Russian claimant, at 0.853-0.854)
    low = {f: report.rows()[-1][f"{f}_f1"] for f in er.FIELDS if report.rows()[-1][f"{f}_f1"] < LANGUAGE_F1}
    assert not low, f"{name}: F1 under {LANGUAGE_F1}: {low}"


LANGUAGE_F1 = 0.85


def test_each_field_has_an_f1_over_gold_and_output() -> None:
    score = er.StoryScore("x", gold_in_text=10, found=8, spurious=2, claims_scored=10)
    score.right.update({"value": 8, "claimant": 4})
    row = score.row()
    assert row["value_f1"] == 0.8  # recall 8/10, precision 8/(8+2)
    assert row["claimant_f1"] == 0.4 and row["actor_f1"] is None
