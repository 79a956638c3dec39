"""Shared fixtures: where the read-only data in ../shared lives (skip cleanly where it is absent),
and the SYNTHETIC pair of files the CLI tests compare."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from resdiff import canonical
from synthetic_report import SYNTHETIC_NEW, SYNTHETIC_OLD

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RESDIFF_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seeds" / "000_9977a528899bec8c.txt"
GA80 = SHARED / "data" / "ga-res-80"
RES_80_52 = GA80 / "A_RES_80_52.md"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(
            f"{path} is absent: the read-only shared data is not beside this checkout (set RESDIFF_SHARED)"
        )
    return path


@pytest.fixture
def seed_path() -> Path:
    """A/RES/72/54 as the project received it (real text)."""
    return _need(SEED)


@pytest.fixture
def res_80_52_path() -> Path:
    """A/RES/80/52, the 2025 successor of 72/54 (real text)."""
    return _need(RES_80_52)


@pytest.fixture
def ga80_paths() -> list[Path]:
    """The 55 real resolutions of the 80th session."""
    return sorted(_need(GA80).glob("*.md"))


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """Two SYNTHETIC canonical files (synthetic_report's pair) in the current folder, outside any corpus."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RESDIFF_CORPUS", raising=False)
    (tmp_path / "old.txt").write_text(canonical.dump(SYNTHETIC_OLD), encoding="utf-8")
    (tmp_path / "new.txt").write_text(canonical.dump(SYNTHETIC_NEW), encoding="utf-8")
    return "old.txt", "new.txt"
