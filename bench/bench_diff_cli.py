"""Bench: ``resdiff diff`` end to end on the real pair, and each renderer in-process.

Run: python bench/bench_diff_cli.py [--runs R] [--shared DIR]. Prints the best-of-R wall time of
``resdiff diff OLD NEW --format F`` as a process for each text format, its ratio to a bare
``python -c pass`` measured in the same run (the target for JSON is 8x or less), and the
in-process time of building the report and rendering it in each format.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _shared import add_shared_option, real_pair
from _timing import PYTHON_PASS, RESDIFF, best_of, compile_bytecode, process_times

FORMATS = ("json", "terminal", "markdown", "html", "docx")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    add_shared_option(parser)
    options = parser.parse_args()
    old, new = real_pair(options.shared)

    compile_bytecode()
    with tempfile.TemporaryDirectory() as scratch:
        commands = [
            [*RESDIFF, "diff", str(old), str(new), "--format", fmt]
            + (["-o", str(Path(scratch) / "report.docx")] if fmt == "docx" else [])
            for fmt in FORMATS
        ]
        baseline, *times = process_times(options.runs, PYTHON_PASS, *commands)
    print(f"python -c pass: {baseline * 1000:7.1f} ms")
    for fmt, elapsed in zip(FORMATS, times, strict=True):
        ratio = elapsed / baseline
        print(f"resdiff diff --format {fmt:<8} {elapsed * 1000:7.1f} ms  {ratio:5.1f}x python -c pass")

    from resdiff.compare import compare
    from resdiff.normalize import normalize_path
    from resdiff.render import render
    from resdiff.report import build_report

    comparison = compare(normalize_path(old).resolution, normalize_path(new).resolution)
    for fmt in FORMATS:
        (elapsed,) = best_of(options.runs, lambda: render(build_report(comparison), fmt))  # noqa: B023
        print(f"in-process report + render {fmt:<8} {elapsed * 1000:7.2f} ms")


if __name__ == "__main__":
    main()
