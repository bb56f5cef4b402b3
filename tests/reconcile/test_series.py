"""Series and independence: one quantity per series, repeats counted once."""

from __future__ import annotations

import pandas as pd

from tollbook.reconcile import build_series, group_claims, place_parent


def test_place_parent_links_a_region_to_its_country():
    assert place_parent("RU-KRS") == "RUS"
    assert place_parent("UA-63") == "UKR"
    assert place_parent("PS-GAZA") == "PSE"
    assert place_parent("RUS") is None
    assert place_parent(None) is None


def test_series_split_by_actor_measure_unit_and_place(stored, make_pair):
    records = stored([
        make_pair(4000, measure="casualties", place="Russia", place_code="RUS"),
        make_pair(3000, measure="casualties", place="Kursk region", place_code="RU-KRS"),
        make_pair(120, measure="destroyed", unit="tank", place="Russia", place_code="RUS"),
        make_pair(500, measure="killed", actor="Ukrainian forces", actor_country="UKR"),
    ])
    series = {s.key.label: s for s in build_series(records)}
    assert set(series) == {
        "Russian forces | casualties | personnel | RUS",
        "Russian forces | casualties | personnel | RU-KRS",
        "Russian forces | destroyed | tank | RUS",
        "Ukrainian forces | killed | personnel | RUS",
    }
    kursk = series["Russian forces | casualties | personnel | RU-KRS"]
    assert kursk.parent == "RUS" and kursk.place == "Kursk region"
    # The region is listed right after its country.
    labels = [s.key.label for s in build_series(records)]
    assert labels.index("Russian forces | casualties | personnel | RU-KRS") == \
        labels.index("Russian forces | casualties | personnel | RUS") + 1


def test_syndicated_copies_are_one_claim_with_many_appearances(make_pair, as_records):
    wire = "Reuters"
    pairs = [make_pair(4000, source="UK Ministry of Defence", outlet=o, measure="casualties", note=f" ({o})")
             for o in ("Reuters", "The Hindu", "Yahoo News")]
    # A reprint that credits the outlet, not the ministry, in the same syndication cluster.
    pairs.append(make_pair(4000, source="Daily Sabah", source_kind="outlet", outlet="Daily Sabah",
                           measure="casualties"))
    # The same ministry figure in an unrelated outlet, same period: still the same claim.
    pairs.append(make_pair(4000, source="UK Ministry of Defence", outlet="BBC", measure="casualties", note=" (BBC)"))
    # An independent originator with its own figure.
    pairs.append(make_pair(200, source="Russian Ministry of Defence", outlet="TASS", measure="casualties"))
    records = as_records(pairs, clusters=[wire, wire, wire, wire, None, None])

    groups = group_claims(records)
    assert len(groups) == 2
    mod = next(g for g in groups if g.best == 4000)
    assert mod.originator == "UK Ministry of Defence"
    assert len(mod.claim_ids) == 5
    assert len(mod.clusters) == 2  # the wire cluster and the BBC copy

    (series,) = build_series(records)
    assert series.claims == 2
    assert series.appearances == 6
    assert series.appearance_groups == 3
    assert series.originators == ("Russian Ministry of Defence", "UK Ministry of Defence")


def test_build_series_reads_a_dataframe_with_missing_values(make_pair, as_records):
    frame = pd.DataFrame(as_records([make_pair(10, high=None, qualifier="at_least"), make_pair(12)]))
    (series,) = build_series(frame)
    assert series.claims == 2 and series.appearances == 2


def test_ledger_syndication_clusters_count_as_one_appearance_group(tmp_path, needs_ledger, make_pair):
    from tollbook.ledger import open_ledger

    story = (" Ukraine's military intelligence said the troops had been moved to the Kursk region in late"
             " autumn and had taken part in assaults on Ukrainian positions near Sudzha since December."
             " The ministry's daily update, published on its social media accounts, added that the units"
             " had suffered heavy losses because of poor coordination with Russian commanders.")
    pairs = [make_pair(4000, measure="casualties", outlet=o, note=story + f" Reporting by {o}.")
             for o in ("Reuters", "The Hindu", "Yahoo News")]
    with open_ledger(str(tmp_path / "ledger.db")) as ledger:
        for doc, claim in pairs:
            assert ledger.add(doc, [claim])
        records = ledger.claims()
    assert records["cluster_id"].nunique() == 1, "the ledger should cluster near-identical copies"
    (series,) = build_series(records)
    assert (series.claims, series.appearances, series.appearance_groups) == (1, 3, 1)


def test_a_syndicated_copy_is_one_claim_with_two_appearances(tmp_path, needs_ledger):
    from pathlib import Path

    from tollbook.ledger import open_ledger
    from tollbook.model import document_id

    kursk = Path(__file__).resolve().parents[2] / "examples" / "kursk"
    uk_di = document_id((kursk / "10_uk_di_quarter_killed.txt").read_text(encoding="utf-8"))
    with open_ledger(str(tmp_path / "kursk.db")) as ledger:
        ledger.ingest([str(kursk)])
        records = ledger.claims()
    uk = records[(records["doc_id"] == uk_di) & (records["source"] == "UK Ministry of Defence")]
    assert len(uk) >= 3
    for series in build_series(uk):
        assert series.originators == ("UK Ministry of Defence",)
        assert series.appearances == 2 * series.claims  # each figure: the original and its syndicated copy
    (casualties,) = [s for s in build_series(uk) if s.key.label == "North Korean forces | casualties | personnel | RU-KRS"]
    assert (casualties.claims, casualties.appearances) == (1, 2)

    # In the whole ledger the copy adds appearances, never claims or originators.
    groups = [g for g in group_claims(records) if uk_di in g.doc_ids]
    assert groups and all(g.appearances == 2 and g.doc_ids == (uk_di,) for g in groups)
    assert all(g.originator == "UK Ministry of Defence" for g in groups if g.first["source"] == "UK Ministry of Defence")


def test_a_document_repeating_a_figure_is_one_appearance(make_pair, as_records):
    doc, claim = make_pair(4000, measure="casualties")
    from dataclasses import replace

    again = replace(claim, claim_id="headline-copy", section="headline")
    records = [{**r, "appearances": 3} for r in as_records([(doc, claim), (doc, again)])]
    (group,) = group_claims(records)
    assert group.appearances == 3  # three outlets published the text; the headline repeat adds none
    (series,) = build_series(records)
    assert (series.claims, series.appearances) == (1, 3)


def test_a_rollup_is_an_actor_and_a_measure_family_with_every_place(make_pair, as_records):
    """Killed and casualties in Kursk, in Russia and with no place named are one roll-up: six series as its
    children, a country before its regions."""
    from tollbook.reconcile import build_series, rollups

    korea = dict(actor="North Korean forces", actor_country="PRK")
    pairs = [make_pair(300, source="NIS", outlet="Yonhap", place=p, place_code=c, published=d, **korea)
             for p, c, d in (("Kursk region", "RU-KRS", "2025-01-13"), ("Russia", "RUS", "2025-01-14"),
                             (None, None, "2025-01-15"))]
    pairs += [make_pair(4000, measure="casualties", place=p, place_code=c, published="2025-01-20", **korea)
              for p, c in (("Kursk region", "RU-KRS"), ("Russia", "RUS"), (None, None))]
    pairs.append(make_pair(100, measure="wounded", published="2025-01-20", **korea))
    rows = [s.to_dict() for s in build_series(as_records(pairs))]
    assert {r["rollup"] for r in rows} == {"North Korean forces | losses | personnel",
                                           "North Korean forces | wounded | personnel"}
    losses, wounded = sorted(rollups(rows), key=lambda r: r["rollup"])
    assert len(losses["children"]) == 6 and losses["claims"] == 6
    assert losses["measures"] == ["casualties", "killed"] and losses["family"] == "losses"
    assert losses["originator_names"] == ["NIS", "UK Ministry of Defence"] and losses["originators"] == 2
    assert losses["first_date"] == "2025-01-13" and losses["last_date"] == "2025-01-20"
    children = losses["children"]
    assert children.index("North Korean forces | killed | personnel | RUS") \
        < children.index("North Korean forces | killed | personnel | RU-KRS")
    assert wounded["children"] == ["North Korean forces | wounded | personnel | RUS"]
