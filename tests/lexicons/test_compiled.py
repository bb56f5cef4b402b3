"""Compiled lexicons: built once per content, read back equal, and never required."""

from __future__ import annotations

import os
import subprocess
import sys

from tollbook.lexicons import compiled
from tollbook.lexicons.gazetteer import _compile

SCRIPT = ("from tollbook.extract.places import find_places; from tollbook.lexicons import fold; "
          "s = 'Shelling killed 12 people in Kharkiv and Bogota.'; "
          "print([(m.text, m.value.code) for m in find_places(s, fold(s), [])])")


def test_compiled_gazetteer_round_trips(tmp_path, monkeypatch):
    monkeypatch.setenv("TOLLBOOK_CACHE", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return _compile()

    first = compiled("places.csv", build)
    files = list(tmp_path.glob("places.csv.*.pickle"))
    assert len(files) == 1 and files[0].stat().st_size > 1_000_000
    second = compiled("places.csv", build)
    assert calls == [1], "the second call reads the compiled file"
    assert second == first
    assert len(first.aliases) == len(first.folded) == len(first.refs) > 50_000


def test_places_match_the_same_with_and_without_a_cache(tmp_path):
    unwritable = tmp_path / "a-file"
    unwritable.write_text("not a folder")
    results = []
    for cache in (str(tmp_path / "cache"), str(tmp_path / "cache"), str(unwritable / "sub")):
        env = {**os.environ, "TOLLBOOK_CACHE": cache}
        done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        results.append(done.stdout)
    assert results[0] == results[1] == results[2]
    assert "Kharkiv" in results[0] and "Bogota" in results[0]
