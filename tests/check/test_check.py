"""`tollbook check`: each rule on small texts written here, a clean control, the seed, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tollbook.check import check_text
from tollbook.cli import app

SEED = Path("/work/shared/seeds/000_191dc300254514ad.txt")


def rules(text: str, published: str = "2025-01-27") -> list[str]:
    return sorted({f.rule for f in check_text(text, published=published, tensions=True)})


CASES = [
    # (rule expected, report: headline, blank line, body)
    ("qualifier_changed", "Over 300 soldiers killed near Bakhmut\n\nThe army said 300 soldiers were killed near Bakhmut."),
    ("qualifier_changed", "Flood kills 75 in Valencia\n\nAbout 75 people were killed in Valencia, officials said."),
    ("rounding", "Earthquake kills 200 in Nepal\n\nThe quake killed 193 people in Nepal, the home ministry said."),
    ("number_changed", "Storm leaves 93 dead in Florida\n\nThe storm killed 39 people in Florida, officials said."),
    ("measure_changed", "Storm leaves 140 dead in Florida\n\nThe storm left 140 people injured in Florida."),
    ("measure_changed", "900 Russian soldiers killed near Kupiansk\n\nRussian forces suffered 900 casualties, killed and wounded, near Kupiansk."),
    ("confidence_dropped", "Russia has suffered 600,000 casualties in Ukraine, UK says\n\n"
                           "Russian forces have almost certainly suffered 600,000 casualties in Ukraine, UK Defence Intelligence said."),
    ("attribution_changed", "About 17,000 Hamas fighters killed in Gaza\n\n"
                            "The Israel Defense Forces estimated on Monday that about 17,000 Hamas fighters had been killed in Gaza."),
    ("scope_changed", "Strikes on Beirut killed 558 people\n\nIsraeli strikes on the Bekaa valley killed 558 people, the health ministry said."),
    ("cross_claim_tension", "Seoul and Kyiv differ on North Korean dead\n\n"
                            "South Korea's National Intelligence Service said about 300 North Korean soldiers had been killed in Kursk.\n\n"
                            "Ukraine's military intelligence agency, the HUR, said about 1,000 North Korean soldiers had been killed in Kursk."),
]


@pytest.mark.parametrize(("rule", "text"), CASES, ids=[f"{r}-{i}" for i, (r, _) in enumerate(CASES)])
def test_rule_fires(rule: str, text: str) -> None:
    assert rule in rules(text)


def test_arithmetic_share_that_does_not_hold() -> None:
    text = ("Nepal earthquake kills 153\n\nKey points\n- Deaths make up nearly half of the 519 casualties\n\n"
            "The earthquake killed 153 people in western Nepal, the home ministry said.\n\n"
            "The ministry said 366 people had been injured.")
    assert "arithmetic" in rules(text, "2023-11-05")


def test_arithmetic_share_that_holds_is_clean() -> None:
    text = ("North Korean losses reach 4,000\n\nNorth Korean troops had suffered 4,000 casualties, UK Defence Intelligence said.\n\n"
            "The losses amount to more than a third of the approximately 11,000 North Korean troops deployed in the Kursk region.")
    assert "arithmetic" not in rules(text)


def test_clean_control_has_no_findings() -> None:
    text = ("At least 11 killed in Russian strike on Kharkiv, governor says\n\n"
            "At least 11 people were killed in a Russian strike on Kharkiv on Saturday, the regional governor said.\n\n"
            "He said rescue work was continuing.")
    assert check_text(text, published="2024-05-26") == []


def test_finding_json_shape() -> None:
    f = check_text("Over 300 soldiers killed near Bakhmut\n\nThe army said 300 soldiers were killed near Bakhmut.")[0]
    d = f.to_dict()
    assert set(d) == {"rule", "severity", "explanation", "headline_claim", "body_claims", "headline_span", "body_spans"}
    assert d["headline_span"] == [d["headline_claim"]["start"], d["headline_claim"]["end"]]
    assert d["body_spans"] == [[c["start"], c["end"]] for c in d["body_claims"]]
    assert "'over' was added" in d["explanation"]


# ---------------------------------------------------------------- what real reporting does that is not a distortion

QUIET = [
    # A bound the body's figure keeps: "more than 1,400" for 1,427 is how a headline rounds a count down.
    ("qualifier_changed", "Death toll passes 20,000 after the earthquake\n\n"
                          "Officials said 20,451 people had been killed by the earthquake."),
    # A headline whose subject revises the figure credits it: the estimate is not stated as fact.
    ("attribution_changed", "IDF revises its count of Hamas fighters killed to about 17,000\n\n"
                            "The Israel Defense Forces estimated on Monday that about 17,000 Hamas fighters had been killed in Gaza."),
    # A headline's closing credit is a claimant: the estimate is not stated as fact.
    ("attribution_changed", "About 17,000 Hamas fighters killed in Gaza - IDF\n\n"
                            "The Israel Defense Forces estimated on Monday that about 17,000 Hamas fighters had been killed in Gaza."),
    # A headline that names both countries keeps the body's ground.
    ("scope_changed", "Death toll rises above 41,000 in Turkey, Syria quake\n\n"
                      "Officials said 41,732 people had died in Syria and Turkey from the February 6 tremor."),
    # A vague headline amount holds no figure whose scope could change.
    ("scope_changed", "Hundreds killed in Gaza hospital blast\n\n"
                      "A civil defence chief said 300 people were killed in Gaza City."),
    # Another number is not the body's with its qualifier dropped.
    ("qualifier_changed", "Wagner lost 17,000 prisoners in Bakhmut\n\n"
                          "As many as 20,000 Wagner fighters were killed in Bakhmut."),
    # A vague body count is no source of the headline's figure.
    ("measure_changed", "Up to 30,000 Wagner fighters lost at Bakhmut\n\n"
                        "Hundreds of Wagner fighters are killed or wounded every day at Bakhmut, the army said."),
    # A headline that denies a figure does not retell it.
    ("scope_changed", "Governor insists 3,000 residents never died in the storm\n\n"
                      "The mayor of San Juan said 3,000 residents of the city had died in the storm."),
    # Two wordings of one warning's threshold are no change of bound.
    ("qualifier_changed", "Quake toll tops 3,000 and could hit 9,000, relief agency warns\n\n"
                          "The relief agency warned that deaths might rise to or surpass 9,000 by the weekend."),
    # "Several" adds nothing to a sum of the body's figures.
    ("arithmetic", "Death toll passes 1,100 in Israel and Gaza\n\n"
                   "At least 700 people were killed in Israel. At least 413 people were killed in Gaza. "
                   "Several Americans were killed in Israel, the White House said."),
]


@pytest.mark.parametrize(("rule", "text"), QUIET, ids=[f"{r}-{i}" for i, (r, _) in enumerate(QUIET)])
def test_rule_stays_quiet(rule: str, text: str) -> None:
    assert rule not in rules(text, "2023-02-17")


def test_casualties_retold_as_deaths_is_a_measure_change() -> None:
    text = ("4,000 North Korean soldiers have died in Kursk\n\n"
            "North Korean forces had suffered 4,000 casualties in the Kursk region, UK Defence Intelligence said.")
    (finding,) = [f for f in check_text(text, published="2025-01-24") if f.rule == "measure_changed"]
    assert "became deaths" in finding.explanation and finding.body_claims[0].value_text == "4,000"


def test_tensions_are_listed_only_on_request() -> None:
    text = CASES[-1][1]
    assert "cross_claim_tension" not in {f.rule for f in check_text(text, published="2025-01-27")}
    assert "cross_claim_tension" in rules(text)


# ---------------------------------------------------------------- the seed

needs_seed = pytest.mark.skipif(not SEED.is_file(), reason="the seed report is in /work/shared, absent here")


@needs_seed
def test_seed_headline_and_first_bullet() -> None:
    from tollbook.check import check_document
    from tollbook.read import read_paths

    doc = next(iter(read_paths([str(SEED)], published="2025-01-27")))
    findings = check_document(doc)
    text = doc.text
    headline = [f for f in findings if f.headline_claim.section == "headline"]
    bullet = [f for f in findings if f.headline_claim.section == "summary" and "eliminated" in f.headline_claim.quote]
    assert {"qualifier_changed", "measure_changed", "attribution_changed"} <= {f.rule for f in headline}
    assert {"qualifier_changed", "measure_changed"} <= {f.rule for f in bullet}
    for f in headline + bullet:
        assert text[f.body_spans[0][0]:f.body_spans[0][1]] == "4,000"
    by_rule = {f.rule: f.explanation for f in headline}
    assert "'over' was added" in by_rule["qualifier_changed"] or "'Over' was added" in by_rule["qualifier_changed"]
    assert "eliminated" in by_rule["measure_changed"]
    assert "by the AFU" in by_rule["attribution_changed"]


# ---------------------------------------------------------------- CLI

runner = CliRunner()


def _write(tmp_path: Path, name: str, text: str) -> str:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_cli_tensions_flag(tmp_path: Path) -> None:
    both = _write(tmp_path, "both.txt", CASES[-1][1])
    plain = json.loads(runner.invoke(app, ["check", both, "--json"]).stdout)[0]["findings"]
    asked = json.loads(runner.invoke(app, ["check", both, "--json", "--tensions"]).stdout)[0]["findings"]
    assert "cross_claim_tension" not in {f["rule"] for f in plain}
    assert "cross_claim_tension" in {f["rule"] for f in asked}


def test_cli_exit_codes(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.txt", "Over 300 soldiers killed near Bakhmut\n\nThe army said 300 soldiers were killed near Bakhmut.")
    clean = _write(tmp_path, "clean.txt", "Storm kills 12 in Florida\n\nThe storm killed 12 people in Florida, officials said.")
    assert runner.invoke(app, ["check", clean, "--fail-on-findings"]).exit_code == 0
    assert runner.invoke(app, ["check", bad]).exit_code == 0
    assert runner.invoke(app, ["check", bad, "--fail-on-findings"]).exit_code == 3
    assert runner.invoke(app, ["check", bad, "--fail-on-findings", "--min-severity", "high"]).exit_code == 0
    result = runner.invoke(app, ["check", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2


def test_cli_json_shape(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.txt", "Over 300 soldiers killed near Bakhmut\n\nThe army said 300 soldiers were killed near Bakhmut.")
    clean = _write(tmp_path, "clean.txt", "Storm kills 12 in Florida\n\nThe storm killed 12 people in Florida, officials said.")
    [one] = json.loads(runner.invoke(app, ["check", bad, "--json"]).stdout)  # one file: still an array
    assert set(one) == {"document", "findings"}
    assert set(one["document"]) == {"doc_id", "path", "title", "published"}
    assert one["findings"][0]["rule"] == "qualifier_changed"
    many = json.loads(runner.invoke(app, ["check", bad, clean, "--json"]).stdout)
    assert isinstance(many, list) and len(many) == 2 and many[1]["findings"] == []


@needs_seed
def test_cli_seed_fails_on_findings() -> None:
    result = runner.invoke(app, ["check", str(SEED), "--published", "2025-01-27", "--json", "--fail-on-findings"])
    assert result.exit_code == 3
    rules_found = {f["rule"] for f in json.loads(result.stdout)[0]["findings"]}
    assert {"qualifier_changed", "measure_changed", "attribution_changed"} <= rules_found
