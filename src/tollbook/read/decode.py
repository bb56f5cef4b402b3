"""Bytes to text: detect the encoding, refuse binaries, keep the raw hash."""

from __future__ import annotations

import hashlib

from charset_normalizer import from_bytes

from tollbook import errors

DEFAULT_MAX_BYTES = 20_000_000


def decode_bytes(name: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode a file's bytes; UTF-8 first (fast path), else charset-normalizer's best guess.

    Raises ReadError for empty, oversized, binary or undecodable input.
    """
    if len(data) > max_bytes:
        raise errors.too_large(name, len(data), max_bytes)
    if not data.strip():
        raise errors.empty_file(name)
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise errors.binary_file(name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise errors.undecodable(name)
    text = str(best)
    if _looks_binary(text):
        raise errors.binary_file(name)
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > len(sample) * 0.05


def raw_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
