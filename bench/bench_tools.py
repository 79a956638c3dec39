"""Bench: four ways to diff the real pair (A/RES/72/54 -> A/RES/80/52), side by side in one run.

Run: python bench/bench_tools.py [--shared DIR]. Every tool gets the same normalized texts, one
clause per line: python difflib on paragraphs, a whole-document diff-match-patch in character
mode (Diff_Timeout = 0: seconds; run once, as resdiff itself never does), ``git diff --no-index
--word-diff`` and resdiff. For each: how many clauses it shows as changed (lines touched by a
change, a dropped line counting once) and how long it takes.
"""

from __future__ import annotations

import argparse
import difflib
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from diff_match_patch import diff_match_patch

from _shared import add_shared_option, real_pair
from resdiff.compare import compare
from resdiff.normalize import normalize_path

T = TypeVar("T")


def timed(action: Callable[[], T]) -> tuple[T, float]:
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def difflib_paragraphs(old: list[str], new: list[str]) -> int:
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")


def dmp_whole_document(old: str, new: str) -> int:
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    diffs = engine.diff_main(old, new)
    engine.diff_cleanupSemantic(diffs)
    touched: set[int] = set()
    dropped = 0
    line = 0
    for op, text in diffs:
        if op == 0:
            line += text.count("\n")
        elif op == 1:
            touched.update(range(line, line + text.count("\n") + 1))
            line += text.count("\n")
        else:
            touched.add(line)
            dropped += text.count("\n")  # whole old lines gone, shown on this new line
    return len(touched) + dropped


def git_word_diff(old: str, new: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        old_path, new_path = Path(tmp, "old.txt"), Path(tmp, "new.txt")
        old_path.write_text(old + "\n", encoding="utf-8")
        new_path.write_text(new + "\n", encoding="utf-8")
        output = subprocess.run(
            [
                "git",
                "diff",
                "--no-index",
                "--no-color",
                "--word-diff=plain",
                "-U100000",
                str(old_path),
                str(new_path),
            ],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    body = output.split("@@", 2)[-1].split("\n", 1)[-1]
    return sum(1 for line in body.splitlines() if re.search(r"\[-|\{\+", line))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    add_shared_option(parser)
    args = parser.parse_args()
    seed, successor = real_pair(args.shared)
    old = normalize_path(seed).resolution
    new = normalize_path(successor).resolution
    old_lines = [c.text for c in old.clauses]
    new_lines = [c.text for c in new.clauses]
    old_text, new_text = "\n".join(old_lines), "\n".join(new_lines)
    print(f"real pair: {len(old_lines)} clauses (72/54) -> {len(new_lines)} clauses (80/52)")

    rows: list[tuple[str, int | None, float, str]] = []
    count, seconds = timed(lambda: difflib_paragraphs(old_lines, new_lines))
    rows.append(("python difflib, paragraphs", count, seconds, "a reworded clause = delete + insert"))
    count, seconds = timed(lambda: dmp_whole_document(old_text, new_text))
    rows.append(("diff-match-patch, whole text", count, seconds, "character mode, no pairing"))
    if shutil.which("git"):
        count, seconds = timed(lambda: git_word_diff(old_text, new_text))
        rows.append(("git diff --word-diff", count, seconds, "a process; line-paired"))
    else:
        rows.append(("git diff --word-diff", None, 0.0, "git not found"))
    compare(old, new)  # warm the imports and regex caches, as a second diff in one session would be
    comparison, seconds = timed(lambda: compare(old, new))
    summary = comparison.summary()
    changed = sum(1 for c in comparison.changes if c.kind != "unchanged")
    rows.append(
        (
            "resdiff (align + redline)",
            changed,
            seconds,
            ", ".join(f"{summary[k]} {k}" for k in ("editorial", "modified", "added", "deleted", "moved")),
        )
    )

    print(f"{'tool':30} {'changed':>8} {'time':>10}  notes")
    for name, shown_count, taken, note in rows:
        shown = "-" if shown_count is None else str(shown_count)
        print(f"{name:30} {shown:>8} {taken * 1000:8.1f} ms  {note}")


if __name__ == "__main__":
    main()
