"""Syndication: the same story carried by several outlets counts once.

Wire copy is republished verbatim or lightly edited, and a figure repeated by ten
outlets is one claim, not ten confirmations. Each document gets a `cluster_id`: the
doc_id of the earliest copy of its story.

- Exact copies: same `content_hash`, a hash of the lowercased words (case,
  punctuation and layout ignored). Byte-identical text already shares a doc_id
  (it is then one document with several appearances, see ingest.py).
- Near copies: MinHash LSH over 3-word shingles, Jaccard >= 0.8 (an edited lead
  sentence or an added byline still matches; a different story about the same
  event does not).

The signatures are datasketch's MinHash (128 permutations, scheme "affine32",
seed 1, SHA-1 of each shingle), computed here with numpy a slice of the text at a time
instead of datasketch's per-shingle Python loop: the values are identical (a test
checks it), so ledgers written by earlier versions stay comparable, and memory
stays bounded for a document of any length.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING

import sqlalchemy as sa

from tollbook.ledger.schema import documents
from tollbook.model import text_blocks

if TYPE_CHECKING:
    import numpy as np
    from datasketch import LeanMinHash

THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE_WORDS = 3
_SCHEME = "affine32"  # datasketch's scheme; stored signatures are only comparable within one scheme
_WORD = re.compile(r"\w+")


# datasketch brings scipy along (about half a second) and numpy takes a tenth more: both are
# imported on first use, so that commands which only read the ledger start fast.
@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's (a, b) permutation parameters for seed 1 and the affine32 scheme."""
    import numpy as np
    from datasketch import MinHash

    a, b = MinHash(num_perm=NUM_PERM, scheme=_SCHEME).permutations
    return np.asarray(a, dtype=np.uint32), np.asarray(b, dtype=np.uint32)


@cache
def _band_ranges(threshold: float) -> tuple[tuple[int, int], ...]:
    """datasketch MinHashLSH's bands for a threshold, as value index ranges."""
    from datasketch import MinHashLSH

    return tuple(MinHashLSH(threshold=threshold, num_perm=NUM_PERM).hashranges)

Signature = "np.ndarray"  # NUM_PERM uint32 MinHash values


@dataclass(frozen=True, slots=True)
class Fingerprint:
    content_hash: str
    values: Signature | None  # None for a text with no words

    @property
    def minhash(self) -> LeanMinHash | None:
        """The signature as a datasketch LeanMinHash (for comparing by hand)."""
        from datasketch import LeanMinHash

        return None if self.values is None else LeanMinHash(seed=1, hashvalues=self.values, scheme=_SCHEME)

    def signature(self) -> bytes:
        """The MinHash values as stored (uint32, little-endian); empty for no words."""
        return b"" if self.values is None else self.values.astype("<u4").tobytes()


# Shingle hashes are combined with the permutations this many at a time (rows x 128 x 4 bytes).
HASH_ROWS = 32_768


def word_blocks(text: str) -> Iterator[list[str]]:
    """The lowercased words of a text, a slice at a time: memory stays bounded by the slice, not
    the document (the word list of 15 MB of text is 150 MB of objects)."""
    for block in text_blocks(text):
        yield _WORD.findall(block.casefold())


def content_hash(text: str) -> str:
    """Equal for copies that differ only in case, punctuation or layout (the SHA-1 of the words
    joined by single spaces)."""
    digest = hashlib.sha1()
    joiner = b""
    for words in word_blocks(text):
        if words:
            digest.update(joiner + " ".join(words).encode("utf-8"))
            joiner = b" "
    return digest.hexdigest()


def _fmix32(h: np.ndarray) -> np.ndarray:
    import numpy as np

    # MurmurHash3's finalizer: datasketch's affine32 scheme pre-mixes every input hash with it.
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def minhash_values(text: str) -> Signature | None:
    """The MinHash of the word 3-shingles, equal to datasketch's `MinHash(128, scheme="affine32")`.

    Shingles are hashed block by block and only their distinct 4-byte hashes kept (a repeated
    shingle cannot lower a minimum), so memory grows with the distinct shingles' hashes, 4 bytes each.
    """
    import numpy as np

    sha1 = hashlib.sha1
    hashes: list[np.ndarray] = []
    carry: list[str] = []  # the last words of the block before: shingles run across blocks
    seen_words = 0
    for block in word_blocks(text):
        seen_words += len(block)
        words = carry + block
        shingles = set(map(" ".join, zip(*(words[i:] for i in range(SHINGLE_WORDS)))))
        if shingles:
            digests = b"".join([sha1(s.encode("utf-8")).digest()[:4] for s in shingles])
            hashes.append(np.unique(np.frombuffer(digests, dtype="<u4")))
        carry = words[-(SHINGLE_WORDS - 1):]
    if not seen_words:
        return None
    if seen_words < SHINGLE_WORDS:  # a text shorter than a shingle is one shingle of all its words
        hashes = [np.frombuffer(sha1(" ".join(carry).encode("utf-8")).digest()[:4], dtype="<u4")]
    distinct = np.unique(np.concatenate(hashes)).astype(np.uint32)
    a, b = _permutations()
    lowest = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)
    for start in range(0, len(distinct), HASH_ROWS):
        mixed = _fmix32(distinct[start:start + HASH_ROWS])[:, None]
        np.minimum(lowest, (mixed * a + b).min(axis=0), out=lowest)  # uint32 wraps: the scheme's modulo 2^32
    return lowest


def fingerprint(text: str) -> Fingerprint:
    """Exact-copy hash and MinHash of a text."""
    return Fingerprint(content_hash(text), minhash_values(text))


def from_signature(signature: bytes) -> Signature | None:
    if not signature:
        return None
    import numpy as np

    return np.frombuffer(signature, dtype="<u4").astype(np.uint32)


class SyndicationIndex:
    """Near-duplicate search over the ledger's documents, kept in memory.

    LSH banding as datasketch's MinHashLSH (9 bands of 13 values for 0.8): documents
    sharing one band are candidates, and a candidate is near when its estimated
    Jaccard similarity reaches the threshold. Loaded from the `fingerprints` table on
    first use; the ingest adds documents as it inserts them and removes them again
    when their transaction rolls back.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._bands = [(start * 4, end * 4) for start, end in _band_ranges(threshold)]  # byte offsets
        self._buckets: list[dict[bytes, list[str]]] = [defaultdict(list) for _ in self._bands]
        self._signatures: dict[str, Signature] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def load(self, rows: Iterable[tuple[str, bytes]]) -> None:
        for doc_id, signature in rows:
            self.add(doc_id, from_signature(signature))

    def signature_of(self, doc_id: str) -> Signature | None:
        return self._signatures.get(doc_id)

    def add(self, doc_id: str, values: Signature | None) -> None:
        if values is None or doc_id in self._signatures:
            return
        self._signatures[doc_id] = values
        raw = values.tobytes()
        for (start, end), bucket in zip(self._bands, self._buckets):
            bucket[raw[start:end]].append(doc_id)

    def remove(self, doc_id: str) -> None:
        values = self._signatures.pop(doc_id, None)
        if values is None:
            return
        raw = values.tobytes()
        for (start, end), bucket in zip(self._bands, self._buckets):
            members = bucket.get(raw[start:end])
            if members and doc_id in members:
                members.remove(doc_id)
                if not members:
                    del bucket[raw[start:end]]

    def near(self, values: Signature | None) -> list[str]:
        """doc_ids whose estimated Jaccard similarity reaches the threshold (LSH candidates, verified)."""
        if values is None:
            return []
        import numpy as np

        raw = values.tobytes()
        candidates: set[str] = set()
        for (start, end), bucket in zip(self._bands, self._buckets):
            members = bucket.get(raw[start:end])
            if members:
                candidates.update(members)
        return [d for d in candidates
                if np.count_nonzero(self._signatures[d] == values) >= self.threshold * NUM_PERM]


def assign_cluster(conn: sa.Connection, doc_id: str, related: set[str], published_at: datetime | None,
                   captured_at: datetime) -> str:
    """The cluster a new document joins, merging the clusters of the stored documents it is related to.

    Runs inside the document's transaction, before its row is inserted: when the
    new document is earlier than a cluster's current head, the other members are
    moved to it, so `cluster_id` is always the earliest member.
    """
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
