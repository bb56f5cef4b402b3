"""Extraction costs time in proportion to the text, whatever its shape.

No wall-clock asserts (timings belong to `make bench`, see benchmarks/bench_scaling.py):
each pathological family of issue 14 is measured by what the code does. Sentences stay
under the cap however the text is laid out, and the number of Python calls made to
extract a 4x input is about 4 times the calls for the 1x input (a quadratic step would
make it 16x). The families are built by `tests/fuzz/families.py`, shared with the fuzzer.
"""

from __future__ import annotations

import cProfile
import importlib
import pstats

import pytest

import tollbook
from tests.fuzz import families

sentences = importlib.import_module("tollbook.extract.sentences")
pipeline = importlib.import_module("tollbook.extract.pipeline")
attribution = importlib.import_module("tollbook.extract.attribution")
actors = importlib.import_module("tollbook.extract.actors")
measures = importlib.import_module("tollbook.extract.measures")

WARM_UP = ("Russian losses reach about 700,000, Ukraine's General Staff says\n"
           "At least 12 people were killed in Kharkiv, the governor said on Saturday. "
           "Roughly half of the 3,000 displaced are children, according to the UN. He said 40 tanks were lost.\n")


def _calls(text: str) -> int:
    """Python function calls made to extract the text (deterministic, unlike a timing)."""
    profile = cProfile.Profile()
    profile.enable()
    tollbook.extract(text, published="2025-01-27")
    profile.disable()
    return sum(stat[1] for stat in pstats.Stats(profile).stats.values())  # type: ignore[attr-defined]


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    tollbook.extract(WARM_UP, published="2025-01-27")  # lexicons load once, outside any count


@pytest.mark.parametrize("name", families.TEXT_FAMILIES)
def test_no_sentence_is_longer_than_the_cap(name: str) -> None:
    text = families.build(name, 30_000)
    found = sentences.split_sentences(text)
    assert found, name
    assert max(s.end - s.start for s in found) <= sentences.MAX_SENTENCE
    assert all(text[s.start:s.end] == text[s.start:s.end].strip() for s in found)


def test_a_cut_sentence_is_flagged_and_loses_no_text() -> None:
    text = "word " * 3_000  # 15,000 characters, no full stop anywhere
    found = sentences.split_sentences(text)
    assert len(found) >= 8 and all(s.cut for s in found)
    assert " ".join(text[s.start:s.end] for s in found) == text.strip()
    assert all(text[s.end - 1] != " " and (s.end == len(text.strip()) or text[s.end] == " ") for s in found)


def test_a_sentence_under_the_cap_is_not_cut() -> None:
    text = "Officials said 12 soldiers were killed. " * 3
    found = sentences.split_sentences(text)
    assert len(found) == 3 and not any(s.cut for s in found)


def test_a_cut_without_any_space_falls_at_the_cap() -> None:
    text = "x" * (sentences.MAX_SENTENCE * 3 + 5)
    found = sentences.split_sentences(text)
    assert [s.end - s.start for s in found] == [sentences.MAX_SENTENCE] * 3 + [5]


@pytest.mark.parametrize("name", families.TEXT_FAMILIES)
def test_every_stage_reads_a_bounded_input(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stages that scan their whole input, or every other figure, get a bounded one.

    The real functions run; a wrapper records the size of what each is given. Unbounded, a
    stage's cost per figure grows with the document (quadratic in total), which a count of
    Python calls alone misses when the work is inside one comprehension or one regex.
    """
    seen: dict[str, int] = {"text": 0, "blockers": 0}

    def recording(fn, key, size):
        def wrapper(*args, **kwargs):
            seen[key] = max(seen[key], size(*args))
            return fn(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(attribution, "attribute_sentence", recording(attribution.attribute_sentence, "text", lambda s, *_: len(s)))
    monkeypatch.setattr(actors, "find_actors", recording(actors.find_actors, "text", lambda s, *_: len(s)))
    monkeypatch.setattr(measures, "choose_measure", recording(measures.choose_measure, "blockers", lambda *a: len(a[5])))
    tollbook.extract(families.build(name, 4 * families.PROBE_SIZE[name] + 3 * sentences.MAX_SENTENCE), published="2025-01-27")
    assert seen["text"] <= sentences.MAX_SENTENCE
    assert seen["blockers"] <= 2 * pipeline._BLOCKER_REACH + 2


@pytest.mark.parametrize("name", families.TEXT_FAMILIES)
def test_four_times_the_text_costs_about_four_times_the_work(name: str) -> None:
    size = families.PROBE_SIZE[name]
    small, large = _calls(families.build(name, size)), _calls(families.build(name, 4 * size))
    assert large <= 5.0 * small, f"{name}: {small} calls at 1x, {large} at 4x ({large / small:.1f}x)"


def test_figures_after_a_huge_figure_free_line_are_still_read() -> None:
    text = families.build("claimants_no_figures", 20_000) + "\nAccording to him, 5 soldiers were killed."
    claims = tollbook.extract(text, published="2025-01-27")
    assert [(c.best, c.measure) for c in claims] == [(5, "killed")]


def test_long_attribute_values_are_emptied_before_parsing() -> None:
    from tollbook.read.html import html_to_text, without_long_attributes

    blob = "x" * 3_000
    assert without_long_attributes(f'<p data-track="{blob}" class="story">Text</p>') == '<p data-track="" class="story">Text</p>'
    assert without_long_attributes('<a href="/short" title=\'kept\'>x</a>') == '<a href="/short" title=\'kept\'>x</a>'
    page = html_to_text("x.html", families.build("html_attributes", 200_000))
    assert "xxxxxxxxxx" not in page.text and "killed" in page.text


@pytest.mark.parametrize("one_line", [False, True])
def test_a_long_report_is_read_for_its_bodies_once(one_line: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Looking up a body named earlier ("the ministry" after "Gaza's Health Ministry") or the one regional
    administration of a document reads the document once, not once per figure that asks; and a page printed
    as one line is not read whole for the claimant of each paragraph-less figure."""
    folded: list[int] = []

    def recording(text: str) -> str:
        folded.append(len(text))
        return real_fold(text)

    real_fold = attribution.fold
    monkeypatch.setattr(attribution, "fold", recording)
    part = ("Gaza's Health Ministry reported that {} people were killed in Khan Younis overnight. "
            "The Health Ministry said another {} people were wounded there on Tuesday. "
            "Shops in the market stayed closed and the roads were quiet for most of the morning. ")
    text = (" " if one_line else "\n\n").join(part.format(5 + i, 300 + i) for i in range(120))
    claims = tollbook.extract(text, published="2025-01-27")
    assert len(claims) >= 200
    assert sum(1 for n in folded if n > 10 * sentences.MAX_SENTENCE) <= 1


def test_a_page_on_one_line_is_not_read_whole_for_one_figures_claimant(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page printed as one line is one "paragraph": the figure-free sentences far from a figure with no
    claimant are not read for one (wire copy's paragraph-wide claimant stays within a paragraph's reach)."""
    filler = " ".join(f"The market in the old town stayed closed on day {i} of the curfew." for i in range(400))
    text = filler + " Officials said the toll had risen. Another 14 people were killed in the port on Friday."
    calls = {"n": 0}
    real_attribute = attribution.attribute_sentence

    def counting(*args, **kwargs):
        calls["n"] += 1
        return real_attribute(*args, **kwargs)

    monkeypatch.setattr(attribution, "attribute_sentence", counting)
    claims = tollbook.extract(text, published="2025-01-27")
    assert [(c.best, c.measure) for c in claims if c.best == 14] == [(14, "killed")]
    assert calls["n"] <= 80, f"{calls['n']} sentences read for a claimant"
