"""How a Chinese redline reads: words segmented by rjieba against single characters.

Chinese is written without spaces, so the redline needs a segmentation (``languages.words``). This
compares the two candidates on the real Chinese texts of both series (cluster munitions and chemical
weapons, 2020-2025, the UN's AKN4UN XML, source: United Nations, DGACM; read in place from
``../shared/data/akn``), year by year: how many edits a changed clause breaks into, how many of them
are a single character (confetti a reader must piece together), and how many cut a word rjieba
would keep whole; and the time of the redlines, against the characters' in the same run.

    .venv/bin/python bench/bench_chinese.py
"""

from __future__ import annotations

import sys
import time
from itertools import pairwise
from pathlib import Path

from resdiff.compare import compare
from resdiff.languages import words
from resdiff.normalize import normalize_path
from resdiff.redline import redline

AKN = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "akn"
SERIES = {
    "cluster-munitions": ("75_62", "76_47", "77_79", "78_32", "79_58", "80_52"),
    "chemical-weapons": ("75_55", "76_29", "77_73", "78_29", "79_56", "80_34"),
}


def _file(number: str) -> Path:
    session = number.split("_")[0]
    found = sorted((AKN / f"{session}session" / "Chinese").glob(f"*{number}*"))
    if not found:
        raise SystemExit(f"no Chinese text of {number} in {AKN}")
    return found[0]


def _pairs() -> list[tuple[str, str]]:
    pairs = []
    for numbers in SERIES.values():
        texts = [normalize_path(_file(n)).resolution for n in numbers]
        for old, new in pairwise(texts):
            comparison = compare(old, new)
            for change in comparison.changes:
                if change.kind == "modified":
                    pairs.append((change.old_text, change.new_text))
    return pairs


def _measure(
    pairs: list[tuple[str, str]], bounds: list[tuple[set[int], set[int]]]
) -> tuple[int, int, int, float]:
    edits = single = cut = 0
    start = time.perf_counter()
    diffs = [redline(old, new, "zh") for old, new in pairs]
    elapsed = time.perf_counter() - start
    for (old_bounds, new_bounds), diff in zip(bounds, diffs, strict=True):
        at_old = at_new = 0
        for op, text in diff:
            if op != 0:
                edits += 1
                single += len(text.strip()) == 1
            if op <= 0:
                if op < 0 and (at_old not in old_bounds or at_old + len(text) not in old_bounds):
                    cut += 1
                at_old += len(text)
            if op >= 0:
                if op > 0 and (at_new not in new_bounds or at_new + len(text) not in new_bounds):
                    cut += 1
                at_new += len(text)
    return edits, single, cut, elapsed


def _bounds(text: str) -> set[int]:
    """Where rjieba's words begin and end."""
    bounds = {0}
    at = 0
    for piece in words.pieces(text, "zh"):
        at += len(piece)
        bounds.add(at)
    return bounds


def main() -> int:
    if not AKN.is_dir():
        print(f"{AKN} not found: the AKN4UN XML lives in ../shared/data/akn", file=sys.stderr)
        return 2
    pairs = _pairs()
    bounds = [(_bounds(old), _bounds(new)) for old, new in pairs]  # rjieba's words, measured once
    segmented = _measure(pairs, bounds)
    original = words.segment
    words.segment = lambda han: tuple(han)  # type: ignore[assignment]  # the alternative: characters
    try:
        characters = _measure(pairs, bounds)
    finally:
        words.segment = original
    print(f"{len(pairs)} modified Chinese clause pairs (10 yearly steps of the two series)")
    for name, (edits, single, cut, elapsed) in (("rjieba words", segmented), ("characters", characters)):
        print(
            f"{name:>13}: {edits} edits, {single} of one character ({single / edits:.0%}), "
            f"{cut} cutting a word ({cut / edits:.0%}), redlines {elapsed * 1000:.0f} ms"
        )
    print(f"edits per clause, characters / words: {characters[0] / segmented[0]:.2f}")
    print(f"time, words / characters: {segmented[3] / characters[3]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
