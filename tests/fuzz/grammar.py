"""Generated inputs for the fuzzer: grammar phrases, mutated example reports, the pathological families.

Every generator takes a `random.Random`, so the same seed gives the same input: hypothesis
drives them in the test suite (it shrinks the random choices), and `scripts/fuzz.py` drives
them in a long loop. The phrase lists are tollbook's own grammar territory (numbers,
qualifiers, measures, claimants, dates), written here, not copied from any text.
"""

from __future__ import annotations

import random

from tests.fuzz import families

UNITS = ["", "one", "two", "three", "seven", "twelve", "twenty", "twenty-five", "forty", "ninety-nine"]
SCALES = ["hundred", "thousand", "million", "billion", "hundred thousand", "dozen", "score"]
QUALIFIERS = ["", "about", "around", "approximately", "some", "at least", "more than", "over", "nearly", "almost",
              "up to", "fewer than", "less than", "an estimated", "roughly", "as many as", "no fewer than",
              "\"more than", "(at least", "“about", "tens of", "hundreds of", "thousands of", "dozens of"]
MEASURES = ["soldiers were killed", "people died", "civilians were wounded", "troops deployed", "tanks destroyed",
            "people displaced", "fighters missing", "casualties", "killed and injured", "bodies recovered",
            "armoured vehicles lost", "drones shot down", "were captured", "personnel eliminated", "homes damaged"]
CLAIMANTS = ["", "the UN said", "according to the General Staff", "officials told the BBC", "the ministry said",
             "Ukraine's General Staff says", "the Pentagon estimated", "he said", "This was reported by OCHA.",
             "according to him", "UK Defence Intelligence assessed", "local media reported"]
DATES = ["", "yesterday", "on Tuesday", "last week", "since February 2022", "as of mid-January 2025", "in 2023",
         "on 12 March 2024", "between 1 and 3 June", "overnight", "in the past 24 hours", "by the end of the year",
         "on 29 February 2023", "in December 0001", "on 31 December 9999", "next month", "two days ago"]
PLACES = ["", "in Kursk", "near Bakhmut", "in Gaza", "in Kharkiv region", "in Derna", "across Sudan", "in the north"]
ODD = ["\x00", "\r", "\r\n", "\u2028", "\ufeff", "\U0001F4A5", "\u200b", "\t", "  ", "—", "–", "%", "$", "½", "١٢",
       "𝟏𝟐", "１２", "\\", "\"", "'", "(", ")", "[", "]", "+", "-", "/", ":", ";", "…", "•", "<p>", "&amp;", "&#10;"]
# dates a caller may give `tollbook.extract` (a malformed one is refused with a ValueError that says so)
PUBLISHED = [None, "2025-01-27", "2024-02-29", "0001-01-01", "9999-12-31", "1970-01-01", "2025-01-27T23:59:59+14:00"]
# what a feed or a JSON Lines record may carry: the reader must cope with any of it
RECORD_DATES = PUBLISHED[1:] + ["2025-13-45", "yesterday", "", "27/01/2025", 12, None, ["x"]]


def number(r: random.Random) -> str:
    """A figure as reporters write it: digits with separators, decimals, words, ranges, tallies."""
    kind = r.randrange(9)
    n = r.choice([0, 1, 7, 12, 99, 100, 1000, 4000, 11000, 64, 700000, 10**6, 10**9, 10**15, 10**30])
    n = r.randint(0, n) if r.random() < 0.5 else n
    if kind == 0:
        return f"{n:,}"
    if kind == 1:
        return str(n)
    if kind == 2:
        return f"{r.choice(['1.2', '64.6', '0.5', '3.75', '12.999', '0.1', '1,5'])} {r.choice(SCALES)}"
    if kind == 3:
        return " ".join(w for w in (r.choice(UNITS), r.choice(SCALES), r.choice(["and", ""]), r.choice(UNITS)) if w)
    if kind == 4:
        return f"between {number(r)} and {number(r)}"
    if kind == 5:
        return f"{n:,}-{n + r.randint(0, 1000):,}"
    if kind == 6:
        return f"{n:,} (+{r.randint(0, 500)})"
    if kind == 7:
        return r.choice(["half", "a third", "a quarter", "two-thirds", "40%", "12 per cent", "one in five"]) + " of " + number(r)
    return r.choice(["dozens", "hundreds", "thousands", "scores", "several", "a handful", "tens of thousands"])


def sentence(r: random.Random) -> str:
    parts = [r.choice(CLAIMANTS), r.choice(QUALIFIERS), number(r), r.choice(MEASURES), r.choice(PLACES), r.choice(DATES)]
    if r.random() < 0.3:
        parts.insert(r.randrange(len(parts)), r.choice(ODD))
    if r.random() < 0.2:
        parts.reverse()
    return " ".join(p for p in parts if p).strip() + r.choice([".", ".", "", "!", "?", ";", ":", " —"])


def report(r: random.Random) -> str:
    """A generated report: a headline, maybe bullets, then paragraphs of grammar sentences."""
    lines = [sentence(r).rstrip(".")]
    if r.random() < 0.4:
        lines += ["Key points:"] + [f"- {sentence(r)}" for _ in range(r.randint(1, 4))]
    for _ in range(r.randint(1, 6)):
        lines.append(" ".join(sentence(r) for _ in range(r.randint(1, 5))))
    return r.choice(["\n", "\n\n", "\r\n", "\r"]).join(lines)


def mutate(r: random.Random, text: str, rounds: int | None = None) -> str:
    """An example report with slices deleted, repeated, swapped, or odd characters and phrases put in."""
    for _ in range(rounds if rounds is not None else r.randint(1, 8)):
        if not text:
            text = sentence(r)
        i, j = sorted((r.randrange(len(text) + 1), r.randrange(len(text) + 1)))
        op = r.randrange(8)
        if op == 0:
            text = text[:i] + text[j:]
        elif op == 1:
            text = text[:j] + text[i:j] * r.randint(1, 4) + text[j:]
        elif op == 2:
            text = text[:i] + r.choice(ODD) + text[i:]
        elif op == 3:
            text = text[:i] + " " + sentence(r) + " " + text[i:]
        elif op == 4:
            text = text[:i] + text[i:j].upper() + text[j:]
        elif op == 5:
            text = text[:i] + text[i:j].replace(" ", r.choice(["", "\n", "  ", "\u00a0"])) + text[j:]
        elif op == 6:
            text = text[:i] + text[i:j].replace(".", r.choice(["", ",", "…"])) + text[j:]
        else:
            text = text[j:] + text[:i]
    return text


def example_reports() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(families.REPORTS.glob("*.txt"))]


def text_input(r: random.Random, reports: list[str], max_family_size: int = 20_000) -> str:
    """One text for the fuzzer: a grammar report, a mutated example report, a family, or raw characters."""
    kind = r.randrange(10)
    if kind < 3:
        return report(r)
    if kind < 7:
        return mutate(r, r.choice(reports))
    if kind < 9:
        return families.build(r.choice(families.ALL_FAMILIES), r.randint(1, max_family_size))
    return "".join(chr(r.choice([r.randint(0, 0x7f), r.randint(0, 0x10ffff)])) for _ in range(r.randint(0, 300))) \
        .encode("utf-8", "replace").decode("utf-8", "replace")


def feed(r: random.Random, texts: list[str]) -> bytes:
    """An RSS or Atom document whose entries hold the texts (escaped as markup, as feeds carry them)."""
    from xml.sax.saxutils import escape

    atom = r.random() < 0.5
    items = []
    for k, t in enumerate(texts):
        body = escape(t.replace("\n", "<br/>") if r.random() < 0.5 else t)
        date = r.choice(["2025-01-27T10:00:00Z", "Mon, 27 Jan 2025 10:00:00 GMT", "0001-01-01T00:00:00Z", "garbage", ""])
        if atom:
            items.append(f"<entry><title>Entry {k}</title><updated>{date}</updated><content type='html'>{body}</content></entry>")
        else:
            items.append(f"<item><title>Entry {k}</title><pubDate>{date}</pubDate><description>{body}</description></item>")
    if atom:
        xml = f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Wire</title>{''.join(items)}</feed>"
    else:
        xml = f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Wire</title>{''.join(items)}</channel></rss>"
    data = xml.encode("utf-8", "surrogatepass")
    if r.random() < 0.2:  # a truncated or corrupted feed
        cut = r.randrange(len(data) + 1)
        data = data[:cut] + bytes([r.randrange(256)]) * r.randint(0, 3)
    return data


def jsonl(r: random.Random, texts: list[str]) -> bytes:
    """JSON Lines records holding the texts, with odd fields and broken lines among them."""
    import json

    lines = []
    for t in texts:
        record: dict = {"text": t}
        if r.random() < 0.5:
            record["published"] = r.choice(RECORD_DATES)
        if r.random() < 0.3:
            record["title"] = r.choice(["", "Headline", 5, None])
        if r.random() < 0.1:
            record = r.choice([{}, {"text": None}, {"text": 42}, [t], {"body": t}])  # type: ignore[assignment]
        line = json.dumps(record, ensure_ascii=r.random() < 0.5)
        if r.random() < 0.1:
            line = line[: r.randrange(len(line) + 1)]
        lines.append(line)
    return "\n".join(lines).encode("utf-8", "surrogatepass")
