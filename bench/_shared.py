"""Where the benches find the read-only real data: ../shared beside the checkout, or RESDIFF_SHARED."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = Path(os.environ.get("RESDIFF_SHARED", ROOT.parent / "shared"))


def add_shared_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")


def seed(shared: Path) -> Path:
    """A/RES/72/54 as the project received it."""
    return shared / "seeds" / "000_9977a528899bec8c.txt"


def ga80(shared: Path) -> Path:
    """The 55 resolutions of the 80th session."""
    return shared / "data" / "ga-res-80"


def real_pair(shared: Path) -> tuple[Path, Path]:
    """72/54 and its 2025 successor 80/52; exits with the reason when they are absent."""
    old, new = seed(shared), ga80(shared) / "A_RES_80_52.md"
    if not old.exists() or not new.exists():
        sys.exit(
            f"{shared} lacks the real pair (seed and A_RES_80_52.md): pass --shared or set RESDIFF_SHARED"
        )
    return old, new


def official_pdfs(shared: Path) -> list[Path]:
    """The 94 official PDFs of ``data/un-pdf``; exits with the reason when they are absent."""
    paths = sorted((shared / "data" / "un-pdf").glob("ga-res-*/*.pdf"))
    if len(paths) != 94:
        sys.exit(f"expected the 94 PDFs of {shared}/data/un-pdf (the read-only shared data is absent?)")
    return paths
