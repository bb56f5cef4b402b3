"""The lexicon cache: a second start reads compiled lexicons and automata instead of building
them, an edit to a packaged lexicon or to a $TOLLBOOK_LEXICONS file is read afresh, and a
damaged or unwritable cache is passed over without a word."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tollbook.lexicons as lexicons
from tollbook.lexicons import CACHED_FROM, PhraseIndex, fold, read_toml

REPORT = ("Harbour Wire\nRussian strikes on Kharkiv killed at least 12 people and wounded about 40 on "
          "Tuesday, the regional governor said.\n")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TOLLBOOK_CACHE", str(folder))
    monkeypatch.delenv("TOLLBOOK_LEXICONS", raising=False)
    return folder


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every TOML text the lexicons parse (a cache hit parses none)."""
    seen: list[str] = []
    real = lexicons.tomllib.loads

    def counting(text: str) -> dict:
        seen.append(text)
        return real(text)

    monkeypatch.setattr(lexicons.tomllib, "loads", counting)
    return seen


@pytest.fixture
def packaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shared lexicon folder that the test may edit, in place of the installed one."""
    folder = tmp_path / "lexicons"
    folder.mkdir()
    shutil.copy(Path(lexicons.__file__).with_name("measures.toml"), folder / "measures.toml")
    monkeypatch.setattr(lexicons, "_data_path", lambda name: folder / name)
    return folder


def test_a_second_read_comes_from_the_cache(cache: Path, parses: list[str]) -> None:
    first = read_toml("cues.toml")
    assert parses, "the first read parses the TOML"
    assert list(cache.glob("lexicon-en-cues.toml.*.pickle"))
    parses.clear()
    assert read_toml("cues.toml") == first
    assert parses == []


def test_an_edited_packaged_lexicon_is_read_afresh(cache: Path, parses: list[str], packaged: Path) -> None:
    before = read_toml("measures.toml")
    assert "looted" not in before["measure"]
    text = (packaged / "measures.toml").read_text(encoding="utf-8")
    (packaged / "measures.toml").write_text(
        text + '\n[measure.looted]\ndescription = "x"\ncounts = ["equipment"]\nfamily = "x"\n'
                 "cumulative = false\nloss = true\nbrief_rank = 99\n", encoding="utf-8")
    parses.clear()
    after = read_toml("measures.toml")
    assert parses, "the edit is parsed, not served from the cache"
    assert after["measure"]["looted"]["brief_rank"] == 99
    (packaged / "measures.toml").write_text(text, encoding="utf-8")
    parses.clear()
    assert read_toml("measures.toml") == before
    assert parses == [], "the file as it was is the cached one again"


def test_a_user_overlay_and_its_edits_are_read_afresh(cache: Path, parses: list[str], tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    packaged_only = read_toml("cues.toml")
    user = tmp_path / "user"
    user.mkdir()
    monkeypatch.setenv("TOLLBOOK_LEXICONS", str(user))
    (user / "cues.toml").write_text('[roles]\nwords = ["harbourmaster"]\n', encoding="utf-8")
    assert "harbourmaster" in read_toml("cues.toml")["roles"]["words"]
    (user / "cues.toml").write_text('[roles]\nwords = ["lighthouse keeper"]\n', encoding="utf-8")
    words = read_toml("cues.toml")["roles"]["words"]
    assert "lighthouse keeper" in words and "harbourmaster" not in words
    (user / "cues.toml").unlink()
    parses.clear()
    assert read_toml("cues.toml") == packaged_only
    assert parses == []


@pytest.mark.parametrize("damage", [b"", b"not a pickle at all", b"\x80\x05\x95\xff\xff\xff"])
def test_a_damaged_cache_file_is_rebuilt(cache: Path, parses: list[str], damage: bytes) -> None:
    first = read_toml("cues.toml")
    [kept] = cache.glob("lexicon-en-cues.toml.*.pickle")
    kept.write_bytes(damage)
    parses.clear()
    assert read_toml("cues.toml") == first
    assert parses, "rebuilt from the TOML"
    parses.clear()
    assert read_toml("cues.toml") == first
    assert parses == [], "and the rebuilt file is good again"


def test_an_unwritable_cache_is_passed_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TOLLBOOK_CACHE", str(blocker / "cache"))
    monkeypatch.delenv("TOLLBOOK_LEXICONS", raising=False)
    assert read_toml("cues.toml")["roles"]["words"]


# --- automata -------------------------------------------------------------------------------

def _names(count: int, extra: str = "") -> tuple[list[str], list[int]]:
    keys = [fold(f"Placename {n}{extra}") for n in range(count)]
    return keys, list(range(count))


def test_a_large_automaton_is_built_once_per_content(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    builds: list[int] = []
    real = lexicons._automaton

    def counting(keys, skip_blank=False):
        builds.append(1)
        return real(keys, skip_blank)

    monkeypatch.setattr(lexicons, "_automaton", counting)
    keys, values = _names(max(CACHED_FROM, 10_000))
    text = "Shelling hit Placename 17 and Placename 9999 overnight."
    first = [(m.text, m.value) for m in PhraseIndex.from_folded(keys, values).find(text)]
    assert first == [("Placename 17", 17), ("Placename 9999", 9999)]
    assert len(builds) == 1 and list(cache.glob("phrases.*.pickle"))
    again = [(m.text, m.value) for m in PhraseIndex.from_folded(keys, values).find(text)]
    assert again == first and len(builds) == 1, "read back from the cache"
    values[17] = -17  # another value: the same automaton, the new value
    assert [(m.text, m.value) for m in PhraseIndex.from_folded(keys, values).find(text)] == [
        ("Placename 17", -17), ("Placename 9999", 9999)] and len(builds) == 1
    keys[17] = fold("Placename seventeen")  # another phrase: a new automaton
    changed = [(m.text, m.value) for m in PhraseIndex.from_folded(keys, values).find(text)]
    assert changed == [("Placename 9999", 9999)] and len(builds) == 2
    for kept in cache.glob("phrases.*.pickle"):
        kept.write_bytes(b"damaged")
    assert [(m.text, m.value) for m in PhraseIndex.from_folded(keys, values).find(text)] == changed
    assert len(builds) == 3


def test_a_small_lexicon_is_not_kept(cache: Path) -> None:
    keys, values = _names(50)
    assert PhraseIndex.from_folded(keys, values).find("at Placename 3")[0].value == 3
    assert not list(cache.glob("phrases.*.pickle"))


# --- whole starts ---------------------------------------------------------------------------

def _extract(report: Path, cache: str, **env: str) -> str:
    done = subprocess.run([sys.executable, "-m", "tollbook.cli", "extract", str(report), "--json"],
                          capture_output=True, text=True, timeout=180,
                          env={**os.environ, "TOLLBOOK_CACHE": cache, **env})
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_the_second_start_reads_the_cache_it_left(tmp_path: Path) -> None:
    report = tmp_path / "small.txt"
    report.write_text(REPORT, encoding="utf-8")
    cache = tmp_path / "cache"
    first = _extract(report, str(cache))
    kept = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    assert any(name.startswith("places.csv.") for name in kept)
    assert any(name.startswith("phrases.") for name in kept)
    assert any(name.startswith("lexicon-en-cues.toml.") for name in kept)
    second = _extract(report, str(cache))
    assert second == first
    assert {path.name: path.stat().st_mtime_ns for path in cache.iterdir()} == kept, \
        "the second start wrote nothing: every compiled lexicon was read back"
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert _extract(report, str(blocker / "cache")) == first, "no cache at all: the same claims"


def test_a_start_with_a_user_overlay_reads_the_overlay(tmp_path: Path) -> None:
    report = tmp_path / "small.txt"
    report.write_text("Harbour Wire\nOfficials said 12 people were zapped in the village on Tuesday.\n",
                      encoding="utf-8")
    cache = str(tmp_path / "cache")
    assert '"measure": "killed"' not in _extract(report, cache)
    user = tmp_path / "user"
    user.mkdir()
    (user / "measures.toml").write_text('[measure.killed]\nwords = ["zapped"]\n', encoding="utf-8")
    found = _extract(report, cache, TOLLBOOK_LEXICONS=str(user))
    assert '"measure": "killed"' in found and '"measure_text": "zapped"' in found
    assert '"measure": "killed"' not in _extract(report, cache), "and without it, the packaged lexicon again"


def test_an_index_of_raw_phrases_reads_back_what_it_built(cache: Path) -> None:
    phrases = [(f"Ministry of Place {n}", n) for n in range(CACHED_FROM)] + [("U.N.", "un")]
    exact = [(f"MP{n}", -n) for n in range(CACHED_FROM)]
    text = "The ministry of place 12 and MP7 told the U.N. (not mp7)."
    built = [(m.text, m.value) for m in PhraseIndex(phrases, exact).find(text)]
    assert built == [("ministry of place 12", 12), ("MP7", -7), ("U.N.", "un")]
    assert len(list(cache.glob("phrases.*.pickle"))) == 2  # the folded and the case-sensitive automaton
    assert [(m.text, m.value) for m in PhraseIndex(phrases, exact).find(text)] == built


def test_a_phrase_too_long_to_store_is_refused_by_name(cache: Path) -> None:
    with pytest.raises(ValueError, match="phrases of up to 1,023 characters"):
        PhraseIndex([("word " * 300, 1)])


# --- layered indexes ------------------------------------------------------------------------


def test_a_layered_index_prefers_its_first_layer_and_the_longest_phrase() -> None:
    own = PhraseIndex([("Old Harbour", "own-harbour"), ("Mill", "own-mill")])
    world = PhraseIndex([("Old Harbour", "world-harbour"), ("Old Harbour Bay", "world-bay"), ("Ridge", "world-ridge")])
    both = PhraseIndex.layered(own, world)
    found = [(m.text, m.value) for m in both.find("Boats left Old Harbour for Ridge; Mill and Old Harbour Bay flooded.")]
    assert found == [("Old Harbour", "own-harbour"), ("Ridge", "world-ridge"), ("Mill", "own-mill"),
                     ("Old Harbour Bay", "world-bay")]
    assert both.find("nothing here") == []
    assert [m.value for m in both.find("at Ridge")] == ["world-ridge"], "one hit from a later layer alone"


def test_languages_share_one_world_gazetteer() -> None:
    from tollbook.extract import places
    from tollbook.lang import reading

    with reading("uk"):
        uk = places._index()
    with reading("ru"):
        ru = places._index()
    with reading("en"):
        en = places._index()
    world = places._world()
    assert en is world
    assert uk is not ru and uk._more[0][0] is ru._more[0][0] is world._auto
