"""Encodings and bad bytes: the right code page, UTF-16 without a mark, NULs refused by name (issue 14)."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

import tollbook
from tollbook.errors import ReadError
from tollbook.read import make_document, read_bytes, read_paths
from tollbook.read.decode import decode_bytes
from tollbook.read.jsonl import record_document

ENGLISH = "The Ministry of Defence said 40 soldiers were killed near Kharkiv on Tuesday."
FRENCH = "Le Ministère des Armées a déclaré que 40 soldats ont été tués près de la frontière, selon le général Lefèvre."
POLISH = "Minister Łukasz Kołodziej z Łodzi powiedział, że zginęło 40 żołnierzy; źródła mówią o ciężkich walkach."
UKRAINIAN = "Міністерство оборони повідомило, що загинули 40 солдатів біля Харкова."
RUSSIAN = "Министерство обороны сообщило, что погибли 40 солдат под Харьковом."


@pytest.mark.parametrize(("text", "encoding"), [
    ("Ministère de la Défense: 40 killed.", "latin-1"),
    (FRENCH, "latin-1"),
    (FRENCH, "cp1252"),
    ("The Ministère said the café by the Müller bridge was hit – “40 killed”.", "cp1252"),
    (POLISH, "cp1250"),
    (UKRAINIAN, "cp1251"),
    (RUSSIAN, "koi8-r"),
    (UKRAINIAN, "koi8-u"),
    ("Загинули 40 солдатів біля Харкова, повідомили посадовці.", "iso8859-5"),
    (ENGLISH, "utf-8"),
    (FRENCH, "utf-8-sig"),
])
def test_code_pages_are_told_apart(text: str, encoding: str) -> None:
    assert decode_bytes("x.txt", text.encode(encoding)) == text


@pytest.mark.parametrize("text", [ENGLISH, FRENCH, UKRAINIAN, "40 killed"])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(text: str, codec: str) -> None:
    assert decode_bytes("x.txt", text.encode(codec)) == text


@pytest.mark.parametrize(("bom", "codec"), [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
                                            (codecs.BOM_UTF32_LE, "utf-32-le")])
def test_byte_order_marks_are_followed(bom: bytes, codec: str) -> None:
    assert decode_bytes("x.txt", bom + FRENCH.encode(codec)) == FRENCH


def test_a_utf16_file_gives_its_claims() -> None:
    doc = read_bytes("report.txt", ("Kharkiv\n" + ENGLISH).encode("utf-16-le"))
    from tollbook.extract.pipeline import extract_document

    assert [c.best for c in extract_document(doc)] == [40]


@pytest.mark.parametrize("data", [
    b"40\x0000 soldiers were killed",
    b"\x00" + ENGLISH.encode(),
    ENGLISH.encode() * 200 + b"\n40\x0000 soldiers were killed\n",  # past the first 8 KB
    ENGLISH.encode() * 200 + b"\x00",
    FRENCH.encode("latin-1") + b"\x00" + FRENCH.encode("latin-1"),
])
def test_a_nul_anywhere_is_a_read_error_naming_the_file(data: bytes) -> None:
    with pytest.raises(ReadError, match="NUL") as caught:
        read_bytes("damaged.txt", data)
    assert caught.value.name == "damaged.txt"


def test_binaries_are_still_binaries() -> None:
    for data in (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50, b"\x00\x01\x02PNG\x00" * 200, bytes(range(256)) * 40):
        with pytest.raises(ReadError, match="binary"):
            read_bytes("x.bin", data)


def test_a_nul_file_in_a_batch_is_named_and_the_rest_read(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(ENGLISH, encoding="utf-8")
    bad.write_bytes(ENGLISH.encode() * 300 + b"40\x0000 soldiers were killed.")
    results = list(read_paths([str(bad), str(good)]))
    assert isinstance(results[0], ReadError) and results[0].name == str(bad) and "NUL" in results[0].reason
    assert not isinstance(results[1], ReadError) and results[1].text == ENGLISH


def test_a_nul_in_a_json_record_is_a_read_error() -> None:
    record = json.loads('{"text": "Officials said 40\\u000000 soldiers were killed."}')
    with pytest.raises(ReadError, match="NUL") as caught:
        record_document("feed.jsonl:3", record)
    assert caught.value.name == "feed.jsonl:3"


def test_text_given_directly_keeps_its_nul_out_of_figures() -> None:
    assert tollbook.extract("Officials said 40\x0000 soldiers were killed.", published="2025-01-27") == []


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_documents_keep_the_callers_line_ends(newline: str) -> None:
    text = newline.join(["Forty killed in Kharkiv", "", ENGLISH, "About 300 troops were wounded, officials said."])
    doc = make_document(text)
    assert doc.text == text
    assert [name for _, _, name in doc.sections] == ["headline", "body"]
    from tollbook.extract.pipeline import extract_document

    claims = extract_document(doc)
    assert [c.value_text for c in claims] == ["Forty", "40", "About 300"]
    assert all(text[c.start:c.end] == c.value_text for c in claims)
    assert doc.doc_id == make_document(text.replace(newline, "\n")).doc_id  # the same document, whatever its line ends


def test_a_crlf_file_gives_offsets_into_its_own_text(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Kharkiv toll\r\n\r\nOfficials said 40 soldiers were killed.\r\nAbout 300 were wounded.\r\n")
    (doc,) = list(read_paths([str(path)]))
    text = path.read_bytes().decode("utf-8")
    from tollbook.extract.pipeline import extract_document

    assert [(text[c.start:c.end], c.value_text) for c in extract_document(doc)] == [("40", "40"), ("About 300", "About 300")]
