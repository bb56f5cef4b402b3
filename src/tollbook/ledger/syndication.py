"""Syndication: the same story carried by several outlets counts once.

Wire copy is republished verbatim or lightly edited, and a figure repeated by ten
outlets is one claim, not ten confirmations. Each document gets a `cluster_id`: the
doc_id of the earliest copy of its story.

- Exact copies: same `content_hash`, a hash of the lowercased words (case,
  punctuation and layout ignored). Byte-identical text already shares a doc_id.
- Near copies: MinHash LSH over 3-word shingles, Jaccard >= 0.8 (an edited lead
  sentence or an added byline still matches; a different story about the same
  event does not).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import sqlalchemy as sa
from datasketch import LeanMinHash, MinHash, MinHashLSH

from tollbook.ledger.schema import documents, fingerprints

THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE_WORDS = 3
_SCHEME = "affine32"  # datasketch's scheme; stored signatures are only comparable within one scheme
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    content_hash: str
    minhash: LeanMinHash | None  # None for a text with no words

    def signature(self) -> bytes:
        """The MinHash values as stored (uint32, little-endian); empty for no words."""
        if self.minhash is None:
            return b""
        return np.asarray(self.minhash.hashvalues, dtype="<u4").tobytes()


_TEMPLATE = MinHash(num_perm=NUM_PERM, scheme=_SCHEME)


def fingerprint(text: str) -> Fingerprint:
    """Exact-copy hash and MinHash of a text."""
    words = _WORD.findall(text.casefold())
    content_hash = hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()
    if not words:
        return Fingerprint(content_hash, None)
    n = min(SHINGLE_WORDS, len(words))
    shingles = {" ".join(words[i:i + n]).encode("utf-8") for i in range(len(words) - n + 1)}
    mh = _TEMPLATE.copy()
    mh.update_batch(list(shingles))
    return Fingerprint(content_hash, LeanMinHash(mh))


def _from_signature(signature: bytes) -> LeanMinHash | None:
    if not signature:
        return None
    values = np.frombuffer(signature, dtype="<u4").astype(np.uint64)
    return LeanMinHash(seed=1, hashvalues=values, scheme=_SCHEME)


class SyndicationIndex:
    """Near-duplicate search over the ledger's documents, kept in memory.

    Loaded from the `fingerprints` table on first use; documents added later in the
    same process are added with `add` once their transaction has committed.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, LeanMinHash] = {}

    def load(self, rows: Iterable[tuple[str, bytes]]) -> None:
        for doc_id, signature in rows:
            mh = _from_signature(signature)
            if mh is not None:
                self.add(doc_id, mh)

    def add(self, doc_id: str, minhash: LeanMinHash | None) -> None:
        if minhash is None or doc_id in self._signatures:
            return
        self._signatures[doc_id] = minhash
        self._lsh.insert(doc_id, minhash, check_duplication=False)

    def near(self, minhash: LeanMinHash | None) -> list[str]:
        """doc_ids whose estimated Jaccard similarity reaches the threshold (LSH candidates, verified)."""
        if minhash is None:
            return []
        return [d for d in self._lsh.query(minhash) if self._signatures[d].jaccard(minhash) >= self.threshold]


def assign_cluster(conn: sa.Connection, index: SyndicationIndex, doc_id: str, fp: Fingerprint,
                   published_at: datetime | None, captured_at: datetime) -> str:
    """The cluster the new document joins, merging the clusters it bridges.

    Runs inside the document's transaction, before its row is inserted: when the
    new document is earlier than a cluster's current head, the other members are
    moved to it, so `cluster_id` is always the earliest member.
    """
    related = set(index.near(fp.minhash))
    related.update(conn.execute(
        sa.select(fingerprints.c.doc_id).where(fingerprints.c.content_hash == fp.content_hash)
    ).scalars())
    if not related:
        return doc_id
    clusters = set(conn.execute(
        sa.select(documents.c.cluster_id).where(documents.c.doc_id.in_(related))
    ).scalars())
    heads = conn.execute(
        sa.select(documents.c.doc_id, documents.c.published_at, documents.c.captured_at)
        .where(documents.c.doc_id.in_(clusters))
    ).all()
    candidates = [(doc_id, published_at, captured_at), *heads]
    winner = min(candidates, key=_age)[0]
    losers = clusters - {winner}
    if losers:
        conn.execute(documents.update().where(documents.c.cluster_id.in_(losers)).values(cluster_id=winner))
    return winner


def _age(member: tuple[str, datetime | None, datetime]) -> tuple:
    """Earliest published first; undated copies after dated ones, by capture time."""
    doc_id, published_at, captured_at = member
    return (published_at is None, published_at or captured_at, captured_at, doc_id)
