"""Bytes to text: detect the encoding, refuse binaries, keep the raw hash."""

from __future__ import annotations

import hashlib

from charset_normalizer import from_bytes

from tollbook import errors

DEFAULT_MAX_BYTES = 20_000_000
_MULTIBYTE = {"utf_16", "utf_32", "big5", "gb2312", "gb18030", "gbk", "euc_jp", "euc_kr", "shift_jis", "cp932",
              "cp949", "cp950", "iso2022_jp", "hz", "johab"}


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
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    best = from_bytes(data).best()
    if best is None:
        raise errors.undecodable(name)
    text = str(best)
    if best.encoding not in _MULTIBYTE and not best.encoding.startswith(("utf", "cp125")):
        # Short texts fool the detector among single-byte code pages; for English-language news
        # Windows-1252 (a superset of Latin-1) is by far the likeliest, so it wins when it decodes.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    if _looks_binary(text):
        raise errors.binary_file(name)
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > len(sample) * 0.05


def raw_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
