"""Reading documents: sections, HTML main text and metadata, encodings, user lexicons."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tollbook.errors import ReadError
from tollbook.read import make_document, read_bytes
from tollbook.read.sections import find_sections

ROOT = Path(__file__).resolve().parents[2]


def _sections(text: str) -> list[tuple[str, str]]:
    return [(name, text[s:e].strip()) for s, e, name in find_sections(text) if text[s:e].strip()]


@pytest.mark.parametrize("text,expected", [
    ("Quake kills 40\nThe quake killed 40 people.\n", ["headline", "body"]),
    ("Quake kills 40\nKey points\n- 40 dead\n- 100 hurt\nThe quake killed 40 people.\n", ["headline", "summary", "body"]),
    # a standfirst, key points, then the page's headline (the seed's layout)
    ("A long standfirst that reads like a sentence and ends with a full stop, as ledes do on pasted pages.\n"
     "Points of attention\n- first point\n- second point\nThe real headline\nBody text begins here.\n",
     ["summary", "headline", "body"]),
    # a headline rebuilt from the page's address, then the date line, then the page's own title
    ("quake kills 4000 in the north\n\nMonday, 6 March 2023\n\nQuake kills 4,000 in the north, officials say\n"
     "The quake killed 4,000 people.\n", ["headline", "body", "headline", "body"]),
    # a title-case first line is no address: a later line holding its words is body
    ("Quake Kills Many\nQuake kills many in the north, officials say\nThe quake killed 40 people.\n", ["headline", "body"]),
    # a daily tally is body, not key points
    ("Losses update\nThe General Staff published its tally.\n- tanks — 9,800 (+12)\n- drones — 20,000 (+90)\n",
     ["headline", "body"]),
])
def test_sections(text: str, expected: list[str]) -> None:
    assert [name for name, _ in _sections(text)] == expected


def test_html_main_text_title_and_date() -> None:
    path = next((ROOT / "examples" / "reports").glob("*.html"))
    doc = read_bytes(path.name, path.read_bytes())
    assert doc.title and doc.published and doc.published_from == "metadata"
    assert doc.text.splitlines()[0].strip() == doc.title.strip()
    assert "©" not in doc.text and "Share" not in doc.text.split()


def test_encodings_and_bad_bytes() -> None:
    text = "Quake\nL'inondation a tué 12 personnes à Derna; 12 people were killed.\n"
    for encoding in ("utf-8", "utf-16", "latin-1", "cp1252"):
        doc = read_bytes(f"x.{encoding}", text.encode(encoding))
        assert "tué" in doc.text, encoding
    with pytest.raises(ReadError, match="binary"):
        read_bytes("x.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    with pytest.raises(ReadError, match="empty"):
        read_bytes("x.txt", b" \n\t ")
    with pytest.raises(ReadError, match="limit"):
        read_bytes("x.txt", b"a" * 100, max_bytes=10)


def test_document_id_ignores_layout() -> None:
    a = make_document("Head\nSome   text\r\nhere.")
    b = make_document("Head\nSome text\nhere.")
    assert a.doc_id == b.doc_id


def test_user_lexicon_adds_an_actor(tmp_path: Path) -> None:
    (tmp_path / "actors.toml").write_text(
        '[[actor]]\nname = "Azov Brigade"\ncountry = "UKR"\nkind = "armed_group"\naliases = ["Azov fighters"]\n',
        encoding="utf-8")
    code = ("import tollbook; c = tollbook.extract('About 300 Azov fighters were captured.')[0]; "
            "print(c.actor, c.actor_country)")
    env = {**os.environ, "TOLLBOOK_LEXICONS": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "Azov Brigade UKR", out.stderr


def test_ingest_reads_json_lines_from_stdin(tmp_path: Path) -> None:
    db = tmp_path / "stdin.db"
    records = ('{"text": "Quake kills 40\\nThe earthquake killed 40 people, officials said.", '
               '"url": "https://example.org/q", "outlet": "Harbour Wire", "published": "2023-02-07"}\nnot json\n')
    r = subprocess.run([sys.executable, "-m", "tollbook.cli", "ingest", "-", "--db", str(db)], input=records,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 4 and "<stdin>:2" in r.stderr  # the bad line is named, the good record stored
    out = subprocess.run([sys.executable, "-m", "tollbook.cli", "documents", "--db", str(db), "--nl"],
                         capture_output=True, text=True, timeout=60)
    import json

    docs = [json.loads(line) for line in out.stdout.splitlines()]
    assert [(d["outlet"], d["url"]) for d in docs] == [("Harbour Wire", "https://example.org/q")]


def test_a_page_that_repeats_its_headline_states_its_figure_once() -> None:
    import tollbook

    text = ("Storm kills nine in coastal towns\n\nStorm kills nine in coastal towns\n\n"
            "Nine people died when the storm struck overnight, the regional governor said.\n")
    sections = [(text[s:e].strip(), name) for s, e, name in find_sections(text) if text[s:e].strip()]
    assert [name for _, name in sections] == ["headline", "body"]
    claims = tollbook.extract(text, published="2024-09-01")
    # both printings are the headline, which states its figure once, credited from the body
    assert [c.section for c in claims] == ["headline", "body"]
    assert len({c.source for c in claims}) == 1 and claims[0].source is not None


def test_a_title_printed_twice_below_the_page_furniture_is_the_headline() -> None:
    import tollbook

    text = ("\nRiver Post\n08:15 03.04.2024\n\nFloods kill eleven in two river towns overnight\n\n3 min read\n"
            "Floods kill eleven in two river towns overnight\n\n"
            "Eleven people died when the river rose in the night, the regional governor said.\n")
    titles = [name for name, chunk in _sections(text) if chunk.startswith("Floods kill")]
    assert titles == ["headline", "headline"]
    body = [name for name, chunk in _sections(text) if chunk.startswith("Eleven")]
    assert body == ["body"]
    claims = tollbook.extract(text, published="2024-04-03")
    # both copies of the title are the headline, which takes the body's claimant
    assert [c.section for c in claims] == ["headline", "body"]
    assert len({c.source for c in claims}) == 1 and claims[0].source is not None


def test_an_address_above_a_printed_title_of_other_words_is_not_read() -> None:
    """The address keeps an earlier version's headline; the page's own title below it is the one read."""
    import tollbook
    from tollbook.read.sections import superseded_address

    text = ("flood death toll in river valley nears 900 as rescuers dig\n\n"
            "Flood death toll in river valley passes 1,400\n\n"
            "The death toll from the floods in the river valley passed 1,400 on Friday, the civil defence said.\n")
    (first, top), (second, _) = _sections(text)
    assert (first, second) == ("headline", "body") and "passes 1,400" in top  # both lines are the headline
    doc = make_document(text)
    span = superseded_address(text, doc.sections)
    assert span is not None and text[span[0]:span[1]].startswith("flood death toll")
    claims = tollbook.extract(text, published="2024-05-10")
    assert [(c.section, c.best or c.low) for c in claims] == [("headline", 1400), ("body", 1400)]


def test_an_address_above_a_caption_or_its_own_title_keeps_its_figure() -> None:
    import tollbook
    from tollbook.read.sections import superseded_address

    caption = ("death toll from valley floods passes 1 400\n\nValley Floods\n\n"
               "The death toll from the floods passed 1,400 on Friday, the civil defence said.\n")
    assert superseded_address(caption, make_document(caption).sections) is None
    assert [c.section for c in tollbook.extract(caption, published="2024-05-10")][:1] == ["headline"]
    # the same words printed again as the title: one headline figure, read from the printed title
    same = ("valley floods kill 1400 civil defence says\n\nValley floods kill 1,400: civil defence\n\n"
            "Floods in the valley killed 1,400 people, the civil defence said.\n")
    assert superseded_address(same, make_document(same).sections) is None
    heads = [c for c in tollbook.extract(same, published="2024-05-10") if c.section == "headline"]
    assert [c.value_text for c in heads] == ["1,400"]
