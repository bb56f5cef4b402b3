"""Shared fixtures: paths to the repository's data and to ../shared when it is present."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_191dc300254514ad.txt"


@pytest.fixture
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED} (../shared is not laid out here)")
    return SEED.read_text(encoding="utf-8")
