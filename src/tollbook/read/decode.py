"""Bytes to text: detect the encoding, refuse binaries and NUL bytes, keep the raw hash.

Order of trust: a byte-order mark; UTF-16 without a mark (its NULs sit in every other byte);
UTF-8; then charset-normalizer's guess, among the code pages of tollbook's languages first. Among Latin-script single-byte code pages the
guess is weak on short texts ("Ministère" in Latin-1 reads as Windows-1250 "Ministčre"), so
Windows-1252 wins there unless it puts symbols inside words, as it does with Polish or Czech
text written in Windows-1250. Cyrillic and other scripts keep the detector's choice.
"""

from __future__ import annotations

import codecs
import hashlib
import unicodedata

from tollbook import errors

DEFAULT_MAX_BYTES = 20_000_000
_MULTIBYTE = {"utf_16", "utf_32", "big5", "gb2312", "gb18030", "gbk", "euc_jp", "euc_kr", "shift_jis", "cp932",
              "cp949", "cp950", "iso2022_jp", "hz", "johab"}
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# The code pages of the languages tollbook reads (English, Ukrainian, Russian) and of the names
# news quotes in them: tried first, so that a short Cyrillic text is not read as Japanese.
_CODE_PAGES = ["cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "koi8_u",
               "iso8859_5", "cp866", "mac_cyrillic", "mac_roman"]
_WESTERN, _CENTRAL = "cp1252", "cp1250"
_SAMPLE = 8192


def decode_bytes(name: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode a file's bytes; UTF-8 first (fast path), else the best guess as above.

    Raises ReadError for empty, oversized, binary or undecodable input, and for text holding a
    NUL byte anywhere: a NUL is never stored, nor read as a separator ("40\\x0000 killed")."""
    if len(data) > max_bytes:
        raise errors.too_large(name, len(data), max_bytes)
    if not data.strip():
        raise errors.empty_file(name)
    text = _decode(name, data)
    if _looks_binary(text):
        raise errors.binary_file(name)
    nul = text.find("\x00")
    if nul >= 0:
        raise errors.nul_byte(name, nul)
    return text


def _decode(name: str, data: bytes) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break
    text = _bomless_utf16(data)  # before UTF-8, which ASCII in UTF-16 (NULs and all) also is
    if text is not None:
        return text
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:_SAMPLE]:
        raise errors.binary_file(name)
    from charset_normalizer import from_bytes  # only for text that is not UTF-8: most never needs it

    best = from_bytes(data, cp_isolation=_CODE_PAGES).best() or from_bytes(data).best()
    if best is None:
        raise errors.undecodable(name)
    text = str(best)
    if best.encoding in _MULTIBYTE or best.encoding.startswith("utf") or not _latin_script(text):
        return text
    return _western_or_central(data) or text


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: NULs in many bytes of one parity and almost none of the
    other (the high byte of ASCII letters, digits and spaces), high bytes from a few blocks only
    (Basic Latin, Cyrillic, punctuation), and a clean decoding."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:_SAMPLE]
    pairs = len(sample) // 2
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= pairs * 0.15 and even.count(0) <= pairs * 0.01:
        codec, high = "utf-16-le", odd
    elif even.count(0) >= pairs * 0.15 and odd.count(0) <= pairs * 0.01:
        codec, high = "utf-16-be", even
    else:
        return None
    blocks = sorted((high.count(b) for b in set(high)), reverse=True)
    if sum(blocks[:3]) < pairs * 0.9:
        return None  # high bytes all over the place: binary data or a stray NUL, not text
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return None if _looks_binary(text) else text


def _latin_script(text: str) -> bool:
    """True when the text's non-ASCII letters are mostly Latin (é, č), not Cyrillic, Greek ..."""
    latin = other = 0
    for ch in text[:_SAMPLE]:
        if ord(ch) > 127 and ch.isalpha():
            if unicodedata.name(ch, "").startswith("LATIN"):
                latin += 1
            else:
                other += 1
    return latin >= other


def _western_or_central(data: bytes) -> str | None:
    """Windows-1252 unless it reads worse than Windows-1250 (symbols inside words: '³' for 'ł')."""
    decoded: dict[str, str] = {}
    for codec in (_WESTERN, _CENTRAL):
        try:
            decoded[codec] = data.decode(codec)
        except UnicodeDecodeError:
            pass
    if not decoded:
        return None
    if len(decoded) == 1:
        return next(iter(decoded.values()))
    western, central = decoded[_WESTERN], decoded[_CENTRAL]
    return central if _symbols_in_words(central) < _symbols_in_words(western) else western


def _symbols_in_words(text: str) -> int:
    """Non-ASCII characters that are not letters yet stand between two letters ('Ł³ódŸ')."""
    count = 0
    for i in range(1, len(text) - 1):
        ch = text[i]
        if ord(ch) > 127 and not ch.isalpha() and text[i - 1].isalpha() and text[i + 1].isalpha():
            count += 1
    return count


def _looks_binary(text: str) -> bool:
    """Many control characters near the start. NULs are left to their own check and message."""
    sample = text[:4096]
    controls = sum(1 for ch in sample if 0 < ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > len(sample) * 0.05


def raw_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
