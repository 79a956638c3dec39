"""Bench: ``resdiff diff`` end to end on the real pair, and each renderer in-process.

Run: python bench/bench_diff_cli.py [--runs R] [--shared DIR]. Prints the best-of-R wall time of
``resdiff diff OLD NEW --format F`` as a process for each text format, its ratio to a bare
``python -c pass`` measured in the same run (issue 16 §4's target for JSON: 6x or less), the same
for JSON per input kind (two canonical files, the real pair as text and Markdown, two PDFs: 79/58
and 80/52), and the in-process time of building the report and rendering it in each format.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

from _shared import ROOT, add_shared_option, real_pair
from _timing import PYTHON_PASS, RESDIFF, best_of, compile_bytecode, process_times

FORMATS = ("json", "terminal", "markdown", "html", "docx")


def input_kinds(shared: Path, scratch: Path) -> dict[str, tuple[Path, Path]]:
    """One pair per kind of input ``diff`` reads: canonical files (72/54 from the shipped corpus,
    80/52 normalized into SCRATCH), the real pair (the seed's text, 80/52's Markdown), two PDFs."""
    old, new = real_pair(shared)
    canonical_old = ROOT / "corpus" / "cluster-munitions" / "A_RES_72_54.txt"
    canonical_new = scratch / "A_RES_80_52.txt"
    subprocess.run([*RESDIFF, "normalize", str(new), "-o", str(canonical_new)], check=True)
    pdfs = shared / "data" / "un-pdf"
    return {
        "canonical": (canonical_old, canonical_new),
        "text and Markdown": (old, new),
        "PDF": (pdfs / "ga-res-79" / "A_RES_79_58.pdf", pdfs / "ga-res-80" / "A_RES_80_52.pdf"),
    }


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
        pairs = input_kinds(options.shared, Path(scratch))
        kinds = [[*RESDIFF, "diff", str(a), str(b), "--format", "json"] for a, b in pairs.values()]
        baseline, *times = process_times(options.runs, PYTHON_PASS, *commands, *kinds)
    print(f"python -c pass: {baseline * 1000:7.1f} ms")
    for fmt, elapsed in zip(FORMATS, times, strict=False):
        ratio = elapsed / baseline
        print(f"resdiff diff --format {fmt:<8} {elapsed * 1000:7.1f} ms  {ratio:5.1f}x python -c pass")
    for kind, elapsed in zip(pairs, times[len(FORMATS) :], strict=True):
        ratio = elapsed / baseline
        print(f"--format json, {kind:<19} {elapsed * 1000:7.1f} ms  {ratio:5.1f}x python -c pass")

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
