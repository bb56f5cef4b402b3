"""Properties that hold for any text: no crash, spans inside the text, ordered intervals."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import tollbook

WORDS = ["killed", "wounded", "soldiers", "about", "more than", "nearly", "a quarter of", "of these,", "tanks",
         "destroyed", "4,000", "11,000", "1.2 million", "dozens", "between 3 and 5", "in Kursk", "Russian", "said",
         "according to the Pentagon", "on Tuesday", "mid-January 2025", "(+12)", "—", "\n", ".", "-", "%", "$"]
news_like = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=400), news_like))
def test_extraction_never_crashes_and_spans_hold(text: str) -> None:
    for c in tollbook.extract(text, published="2025-01-27", language="en"):
        assert 0 <= c.start < c.end <= len(text)  # offsets index the caller's text, line ends and all
        values = [v for v in (c.low, c.best, c.high) if v is not None]
        assert values == sorted(values), (c.low, c.best, c.high)


@settings(max_examples=200, deadline=None)
@given(news_like)
def test_a_documents_one_scan_gives_each_sentence_the_words_a_scan_of_it_finds(text: str) -> None:
    from tollbook.extract.measures import find_measure_cues, find_unit_nouns
    from tollbook.extract.pipeline import _Scanned
    from tollbook.extract.sentences import paragraphs, sentences_in
    from tollbook.lexicons import fold

    scanned = _Scanned(text, fold(text))
    for p, (a, b) in enumerate(paragraphs(text)):
        for sent in sentences_in(text, a, b, p):
            s_text = text[sent.start:sent.end]
            assert scanned.folded(sent.start, sent.end, s_text) == fold(s_text)
            alone = fold(s_text)
            assert scanned.words(sent.start, sent.end) == (find_measure_cues(s_text, alone), find_unit_nouns(s_text, alone))
