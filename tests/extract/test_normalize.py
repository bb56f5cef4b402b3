"""Typographic normalisation: one spelling for the stages, offsets into the original text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import tollbook
from tollbook.extract.normalize import normalize


def _read(text: str) -> list[tuple[str, float | None, str]]:
    return [(c.measure, c.best or c.low, text[c.start:c.end]) for c in tollbook.extract(text, published="2025-06-02")]


def test_a_figure_dash_between_label_and_count_reads_like_a_hyphen():
    plain = _read("Russian losses: tanks - 1361 (+3), personnel - 987,000 (+1,070).")
    dashed = _read("Russian losses: tanks \u2012 1361 (+3), personnel \u2012 987,000 (+1,070).")
    assert [(m, v) for m, v, _ in dashed] == [(m, v) for m, v, _ in plain]
    assert ("destroyed", 1361.0, "1361") in dashed


def test_thin_space_no_break_space_and_apostrophe_group_thousands():
    for sep in ("\u00a0", "\u2009", "\u202f", "'"):
        claims = _read(f"The ministry said 30{sep}700 soldiers had been killed.")
        assert [(m, v) for m, v, _ in claims] == [("killed", 30700.0)], sep
        assert claims[0][2] == f"30{sep}700"  # the span is the figure as written


def test_fullwidth_and_arabic_indic_digits_read_as_numbers():
    assert [v for _, v, _ in _read("Officials said \uff11\uff12 people were killed.")] == [12.0]
    assert [v for _, v, _ in _read("Officials said \u0661\u0662 people were killed.")] == [12.0]


def test_soft_hyphen_and_zero_width_space_inside_words_are_dropped_and_offsets_map_back():
    text = "Officials said 40 people were kil\u00adled and 7 were in\u200bjured in the city."
    claims = tollbook.extract(text, published="2025-06-02")
    assert [(c.measure, c.best) for c in claims] == [("killed", 40.0), ("wounded", 7.0)]
    assert [text[c.start:c.end] for c in claims] == ["40", "7"]


def test_hard_wrapped_wire_copy_reads_as_running_text():
    wrapped = ("LIMA, 4 MAY 90 (WIRE) -- [TEXT] POLICE SAID TODAY THAT FOUR FARMERS\n"
               "WERE KILLED AND NINE OTHERS WERE WOUNDED WHEN ARMED MEN ATTACKED A\n"
               "BUS ON THE ROAD BETWEEN TWO VILLAGES OF THE PROVINCE LATE LAST NIGHT,\n"
               "THE REGIONAL COMMAND REPORTED IN A STATEMENT ISSUED AT NOON TODAY.\n\n"
               "   THE ARMY HAS SENT PATROLS TO THE AREA.\n")
    assert [(m, v) for m, v, _ in _read(wrapped)] == [("killed", 4.0), ("wounded", 9.0)]


def test_a_wire_services_version_tag_before_a_headline_is_no_figure():
    assert _read("UPDATE 3-Six soldiers killed in Luhansk shelling") == [("killed", 6.0, "Six")]
    assert _read("RPT-Two killed, 9 hurt in Odesa drone strike")[0] == ("killed", 2.0, "Two")
    # a name with a hyphen is not a tag, nor is a tag's word inside a line
    assert normalize("ITAR-TASS said").text == "ITAR-TASS said"
    assert normalize("An UPDATE 2-3 days later").text == "An UPDATE 2-3 days later"


def test_short_lines_are_not_joined():
    text = "Kharkiv\n12 people were killed\nOdesa\n3 people were wounded\n"
    assert normalize(text).text == text


_ALPHABET = st.sampled_from(list("ab 12\n.,-") + ["\u00ad", "\u200b", "\u2013", "\u00a0", "\uff13", "\r"])


@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_every_normalised_offset_maps_into_the_original(text):
    norm = normalize(text)
    if norm.origin is None:
        assert len(norm.text) == len(text)
    else:
        assert len(norm.origin) == len(norm.text) + 1
        assert all(0 <= norm.original(i) <= len(text) for i in range(len(norm.text) + 1))
        assert list(norm.origin) == sorted(norm.origin)
        # every kept character is the (translated) character at its origin
        assert all(text[norm.original(i)] not in "\u00ad\u200b" for i in range(len(norm.text)))
