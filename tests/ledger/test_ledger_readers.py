"""Feeds, JSON Lines and folder walking, read through the real files."""

from __future__ import annotations

import json

from tollbook.errors import ReadError
from tollbook.read.walk import read_inputs

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Frontline Wire</title><link>https://wire.example</link>
<item><title>Strike on depot</title><link>https://wire.example/1</link>
<pubDate>Mon, 27 Jan 2025 10:00:00 +0200</pubDate>
<description>&lt;p&gt;Officials said &lt;b&gt;12 soldiers&lt;/b&gt; were killed in the strike on the depot.&lt;/p&gt;</description></item>
<item><title>Empty item</title><link>https://wire.example/2</link><description></description></item>
<item><title>Convoy hit</title><link>https://wire.example/3</link><pubDate>Tue, 28 Jan 2025 08:00:00 GMT</pubDate>
<description>Three trucks were destroyed and five people wounded, the governor said.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:x</id><updated>2025-02-01T00:00:00Z</updated>
<entry><title>Shelling in Kharkiv</title><link href="https://atom.example/a"/><id>urn:a</id>
<updated>2025-02-01T12:30:00Z</updated>
<content type="html">&lt;p&gt;At least 14 civilians were killed in Kharkiv, the regional governor said.&lt;/p&gt;&lt;p&gt;Dozens more were injured.&lt;/p&gt;</content>
</entry></feed>"""


def split(items):
    docs = [i for i in items if not isinstance(i, ReadError)]
    errors = [i for i in items if isinstance(i, ReadError)]
    return docs, errors


def test_rss_entries_become_documents(tmp_path):
    (tmp_path / "wire.rss").write_text(RSS, encoding="utf-8")
    docs, errors = split(list(read_inputs([str(tmp_path / "wire.rss")])))
    assert [d.title for d in docs] == ["Strike on depot", "Convoy hit"]
    first = docs[0]
    assert first.url == "https://wire.example/1" and first.outlet == "Frontline Wire"
    assert first.published == "2025-01-27T08:00:00+00:00" and first.published_from == "metadata"
    assert "12 soldiers were killed" in first.text and "<b>" not in first.text
    assert first.text.startswith("Strike on depot\n")
    assert [e.name for e in errors] == [f"{tmp_path / 'wire.rss'}#2"]


def test_atom_entry_and_outlet_argument(tmp_path):
    (tmp_path / "desk.xml").write_text(ATOM, encoding="utf-8")
    docs, errors = split(list(read_inputs([str(tmp_path / "desk.xml")], outlet="Chosen Outlet")))
    assert not errors and len(docs) == 1
    doc = docs[0]
    assert doc.outlet == "Chosen Outlet" and doc.url == "https://atom.example/a"
    assert doc.published == "2025-02-01T12:30:00+00:00"
    assert "At least 14 civilians were killed in Kharkiv" in doc.text and "Dozens more" in doc.text


def test_xml_that_is_not_a_feed_is_read_as_a_document(tmp_path):
    (tmp_path / "page.xml").write_text("<html><body><p>Officials said 12 soldiers were killed.</p></body></html>")
    docs, errors = split(list(read_inputs([str(tmp_path / "page.xml")])))
    assert not errors and "12 soldiers" in docs[0].text


def test_feed_file_with_no_entries_is_one_error(tmp_path):
    (tmp_path / "bad.rss").write_text("<rss><channel><title>x</title></channel>")
    docs, errors = split(list(read_inputs([str(tmp_path / "bad.rss")])))
    assert not docs and len(errors) == 1 and "RSS or Atom" in errors[0].reason


def test_jsonl_bad_line_is_reported_with_its_number_and_skipped(tmp_path):
    lines = [
        json.dumps({"text": "Clashes\n12 soldiers were killed.", "url": "https://a.example/1", "outlet": "AP",
                    "published": "2025-01-27", "title": "Clashes"}),
        "{not json",
        "",
        json.dumps(["a list"]),
        json.dumps({"title": "no text"}),
        json.dumps({"text": "<html><body><p>Five soldiers were wounded in the attack.</p></body></html>"}),
    ]
    (tmp_path / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = split(list(read_inputs([str(tmp_path)])))
    assert len(docs) == 2
    assert docs[0].outlet == "AP" and docs[0].published == "2025-01-27" and docs[0].url == "https://a.example/1"
    assert docs[0].path == f"{tmp_path / 'dump.jsonl'}:1"
    assert "Five soldiers were wounded" in docs[1].text
    assert [e.name.rsplit(":", 1)[1] for e in errors] == ["2", "4", "5"]
    assert "not valid JSON" in errors[0].reason


def test_jsonl_through_the_ledger(ledger, tmp_path):
    (tmp_path / "dump.jsonl").write_text(
        json.dumps({"text": "Clashes\nOfficials said 12 soldiers were killed.", "outlet": "AP"}) + "\n{oops\n")
    summary = ledger.ingest([str(tmp_path / "dump.jsonl")])
    assert summary.documents_new == 1 and summary.documents_failed == 1
    assert summary.failures[0].name.endswith("dump.jsonl:2")


def test_json_list_of_records(tmp_path):
    (tmp_path / "records.json").write_text(json.dumps([{"text": "A\n12 killed."}, {"text": ""}]))
    docs, errors = split(list(read_inputs([str(tmp_path)])))
    assert len(docs) == 1 and errors[0].name.endswith("records.json[1]")
