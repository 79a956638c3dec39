"""Bench: normalizing the 55 real resolutions of ../shared/data/ga-res-80.

Run: python bench/bench_normalize.py [--runs R] [--data DIR]. Prints, per file, the best-of-R time
and the peak memory (tracemalloc) of ``normalize_bytes``, then totals, and the ratio of the total
to a baseline measured in the same run: reading the same bytes, decoding them and splitting them
with ``str.splitlines()``. Also times ``resdiff normalize`` as a process against ``python -c pass``,
since the command's import cost counts for ``resdiff diff`` too.
"""

from __future__ import annotations

import argparse
import sys
import tracemalloc
from pathlib import Path

from _shared import DEFAULT_SHARED, ga80
from _timing import PYTHON_PASS, RESDIFF, best_of, compile_bytecode, process_times
from resdiff.normalize import normalize_bytes


def peak_memory(data: bytes, name: str) -> int:
    tracemalloc.start()
    normalize_bytes(data, name)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, default=ga80(DEFAULT_SHARED))
    options = parser.parse_args()
    paths = sorted(options.data.glob("*.md"), key=lambda p: int(p.stem.rsplit("_", 1)[1]))
    if not paths:
        sys.exit(f"no *.md files in {options.data} (the read-only shared data is absent)")
    files = [(p.name, p.read_bytes()) for p in paths]

    print(f"{'file':16} {'bytes':>7} {'clauses':>7} {'ms':>7} {'peak KiB':>9}")
    total = 0.0
    for name, data in files:
        (seconds,) = best_of(options.runs, lambda d=data, n=name: normalize_bytes(d, n))
        clauses = len(normalize_bytes(data, name).resolution.clauses)
        total += seconds
        peak = peak_memory(data, name) / 1024
        print(f"{name:16} {len(data):7} {clauses:7} {seconds * 1000:7.2f} {peak:9.0f}")

    (baseline,) = best_of(options.runs, lambda: [d.decode("utf-8").splitlines() for _, d in files])
    print(
        f"\ntotal normalize time for {len(files)} files: {total * 1000:.1f} ms "
        f"({total / len(files) * 1000:.2f} ms per file)"
    )
    print(f"baseline (decode + str.splitlines of the same bytes): {baseline * 1000:.2f} ms")
    print(f"ratio normalize / baseline: {total / baseline:.0f}x")

    compile_bytecode()
    normalize_one = [*RESDIFF, "normalize", "--quiet", str(paths[0])]
    python, command = process_times(options.runs, PYTHON_PASS, normalize_one)
    print(
        f"\n'python -c pass': {python * 1000:.0f} ms; 'resdiff normalize {paths[0].name}' as a process: "
        f"{command * 1000:.0f} ms (ratio {command / python:.1f}x)"
    )


if __name__ == "__main__":
    main()
