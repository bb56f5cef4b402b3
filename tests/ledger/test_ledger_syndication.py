"""Syndicated copies share a cluster; an unrelated story gets its own."""

from __future__ import annotations

from ledger_fixtures import doc_with

from tollbook.ledger.syndication import fingerprint

STORY = [
    "Russian forces launched a large attack on the eastern town overnight, officials said on Monday.",
    "The regional governor said 12 civilians were killed and 30 wounded in the strikes.",
    "Rescue teams were still searching the rubble of two apartment blocks on Monday morning.",
    "The air force said it shot down 40 of the 55 drones launched against the region.",
    "Power was cut to about 20,000 homes, the regional energy company said in a statement.",
    "Schools in the town will stay closed for the rest of the week, the mayor said.",
    "The attack was the largest on the town since the start of the year, residents said.",
    "Ukraine's foreign minister called on partners to speed up deliveries of air defence systems.",
    "Moscow did not immediately comment on the strikes, which it says target military sites.",
    "The town lies about 30 kilometres from the front line and has been shelled almost daily.",
]
OTHER = ("Flooding in the river delta\nHeavy rain caused the river to burst its banks on Sunday. "
         "Officials said 3,000 people were evacuated and two were missing. The weather service expects "
         "more rain through Wednesday, and aid groups have set up shelters in three schools.")


def _text(sentences: list[str]) -> str:
    return "Overnight attack on eastern town\n" + " ".join(sentences) + "\n"


def test_copies_and_near_copies_share_the_earliest_cluster(ledger):
    original = doc_with(_text(STORY), outlet="Reuters", published="2025-01-27T08:00:00+00:00")
    # The same words re-typeset by another outlet: other case and punctuation, same words.
    retyped = doc_with(_text(STORY).upper().replace(",", ""), outlet="Kyiv Daily", published="2025-01-27T09:00:00+00:00")
    edited = list(STORY)
    edited[3] = "Air defences downed most of the drones, the air force said, without giving numbers."
    near = doc_with(_text(edited), outlet="Local News", published="2025-01-27T10:00:00+00:00")
    unrelated = doc_with(OTHER, outlet="AP", published="2025-01-26")

    assert fingerprint(original.text).minhash.jaccard(fingerprint(near.text).minhash) >= 0.8
    for doc in (near, unrelated, retyped, original):  # the earliest arrives last
        assert ledger.add(doc, [])
    assert ledger.add(doc_with(_text(STORY), outlet="Duplicate"), []) is False  # same text, same doc_id

    clusters = dict(zip(ledger.documents()["doc_id"], ledger.documents()["cluster_id"]))
    assert clusters[original.doc_id] == original.doc_id
    assert clusters[retyped.doc_id] == original.doc_id
    assert clusters[near.doc_id] == original.doc_id
    assert clusters[unrelated.doc_id] == unrelated.doc_id
    assert set(ledger.claims()["cluster_id"]) <= set(clusters.values())


def test_clusters_survive_reopening(db_url):
    from tollbook.ledger import open_ledger

    first = doc_with(_text(STORY), published="2025-01-27")
    edited = list(STORY)
    edited[5] = "The mayor said schools would reopen on Thursday if the power supply allowed it."
    second = doc_with(_text(edited), published="2025-01-28")
    with open_ledger(db_url) as ledger:
        ledger.add(first, [])
    with open_ledger(db_url) as ledger:  # a new process: the index is rebuilt from stored fingerprints
        ledger.add(second, [])
        assert ledger.documents(doc_id=second.doc_id)["cluster_id"].iloc[0] == first.doc_id
