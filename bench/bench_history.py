"""Bench: resdiff history and blame over long series, and on the real cluster-munitions series.

Run: python bench/bench_history.py [--runs R] [--shared DIR]. Prints
1. in-process history (trace + JSON) and blame (trace + blame JSON) of SYNTHETIC chains of 12, 24
   and 48 versions grown from a real 40-clause resolution (A/RES/80/12; tests/synthetic_chains.py),
   best of R, taking turns; t(48)/t(24) (about 2 when time grows linearly, the target) and each
   one's ratio to the same steps' compare() calls alone (what the chaining costs beyond them);
2. the peak memory (tracemalloc) of tracing the 48 versions;
3. the quality figures the tests hold to floors (pairing F1, origins, word provenance, the step
   across a missing year) over the tests' chains;
4. the real series 72/54 ... 80/52 (nine texts in ../shared): the words carried over each year, and
   ``resdiff blame`` of the nine files end to end as one process against the sum of the eight
   ``resdiff diff`` processes of its steps. Where this checkout cannot read the extraction JSON yet,
   its ``text`` is given as a plain-text file in a temporary folder (the timing holds; the figures
   read the texts as that reader does).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import tracemalloc
from itertools import pairwise
from pathlib import Path

from _shared import ROOT, add_shared_option
from _shared import ga80 as shared_ga80
from _timing import RESDIFF, best_of, compile_bytecode, process_times

sys.path.insert(0, str(ROOT / "tests"))

from resdiff import canonical
from resdiff.compare import compare
from resdiff.errors import InputError
from resdiff.evolution import trace
from resdiff.model import Resolution
from resdiff.normalize import normalize_path
from synthetic_chains import ChainScore, donors_for, score_chain, synthetic_chain

BASE = "A_RES_80_12.md"  # 40 clauses: preambular, operative, sub-paragraphs, footnotes
LENGTHS = (12, 24, 48)
QUALITY_BASES = ("A_RES_80_52.md", "A_RES_80_19.md", "A_RES_80_31.md", "A_RES_80_46.md", "A_RES_80_12.md")


def real_series(shared: Path) -> list[Path]:
    data = shared / "data"
    series = data / "series" / "cluster-munitions"
    pymupdf = data / "un-pdf" / "pymupdf-json"
    return [
        shared / "seeds" / "000_9977a528899bec8c.txt",
        *(series / f"A_RES_{n}.json" for n in ("73_54", "74_62", "75_62", "76_47", "77_79")),
        pymupdf / "ga-res-78" / "A_RES_78_32.json",
        pymupdf / "ga-res-79" / "A_RES_79_58.json",
        data / "ga-res-80" / "A_RES_80_52.md",
    ]


def readable(paths: list[Path], folder: Path) -> tuple[list[Path], int]:
    """The paths this checkout reads; an extraction JSON it refuses is read from its ``text`` and
    given as the canonical file of what that gives (the processes then read it without warnings)."""
    result, converted = [], 0
    for path in paths:
        try:
            normalize_path(path)
            result.append(path)
        except InputError:
            text = folder / (path.stem + ".txt")
            text.write_text(json.loads(path.read_text(encoding="utf-8"))["text"], encoding="utf-8")
            text.write_text(canonical.dump(normalize_path(text).resolution), encoding="utf-8")
            result.append(text)
            converted += 1
    return result, converted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    add_shared_option(parser)
    args = parser.parse_args()
    ga80 = shared_ga80(args.shared)
    if not (ga80 / BASE).exists():
        sys.exit(f"bench_history: {args.shared} lacks the real resolutions the chains grow from")
    others = [normalize_path(p).resolution for p in sorted(ga80.glob("*.md"))]
    base = normalize_path(ga80 / BASE).resolution
    donors = donors_for(base, others)
    chains = {
        n: list(synthetic_chain(BASE, base, donors, seed=1, years=n - 1, steady=True).versions)
        for n in LENGTHS
    }

    def history(versions: list[Resolution]) -> str:
        return json.dumps(trace(versions).to_json(), ensure_ascii=False, indent=2)

    def blame(versions: list[Resolution]) -> str:
        return json.dumps(trace(versions).blame().to_json(), ensure_ascii=False, indent=2)

    def compares(versions: list[Resolution]) -> None:
        for old, new in pairwise(versions):
            compare(old, new)

    sizes = [len(v.clauses) for v in chains[48]]
    print(
        f"SYNTHETIC chains grown from {base.symbol} ({len(base.clauses)} clauses; {min(sizes)} to "
        f"{max(sizes)} in the 48 versions), in-process, best of {args.runs}:"
    )
    for name, action in (("history", history), ("blame", blame)):
        times = best_of(args.runs, *(lambda v=chains[n], act=action: act(v) for n in LENGTHS))
        baselines = best_of(args.runs, *(lambda v=chains[n]: compares(v) for n in LENGTHS))
        cells = ", ".join(
            f"{n} versions {t * 1000:.0f} ms ({t / b:.2f}x its {n - 1} compares)"
            for n, t, b in zip(LENGTHS, times, baselines, strict=True)
        )
        ratio = times[2] / times[1]
        verdict = "linear" if 1.6 <= ratio <= 2.5 else "NOT linear"
        print(f"  {name}: {cells}; t(48)/t(24) = {ratio:.2f} ({verdict}: about 2 expected)")

    tracemalloc.start()
    trace(chains[48])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  peak memory tracing 48 versions: {peak / 1e6:.1f} MB ({peak / 48 / 1e3:.0f} kB a version)")

    total, gaps, gapped = ChainScore(), ChainScore(), ChainScore()
    bases = [normalize_path(ga80 / name).resolution for name in QUALITY_BASES]
    bases.append(normalize_path(args.shared / "seeds" / "000_9977a528899bec8c.txt").resolution)
    for quality_base in bases:
        for seed in (1, 2):
            chain = synthetic_chain("q", quality_base, donors_for(quality_base, others), seed=seed)
            score_chain(chain, trace(chain.given_versions), total)
            missing = chain.without(6)
            traced = trace(missing.given_versions)
            found = {(o, n) for c in traced.steps[5].comparison.changes for o in c.old for n in c.new}
            gaps.add_pairs(missing.name, missing.pairs(5, 7), found)
            score_chain(missing, traced, gapped)
    print(f"quality over {2 * len(bases)} SYNTHETIC 12-version chains (the tests' floors in brackets):")
    print(f"  step pairing F1 {total.f1:.4f} (>= 0.99) over {total.true_pairs} true pairs")
    print(f"  lineage origins {total.origin_accuracy:.4f} (>= 0.98) over {total.clauses} clauses")
    print(
        f"  word provenance {total.provenance:.4f} (>= 0.97; WikiWho reports 0.95) over {total.words} words"
    )
    print(
        f"  step across a missing year: F1 {gaps.f1:.4f} (>= 0.97) over {gaps.true_pairs} true pairs; "
        f"with the year missing, origins {gapped.origin_accuracy:.4f}, provenance {gapped.provenance:.4f}"
    )

    paths = real_series(args.shared)
    if not all(p.exists() for p in paths):
        print(f"real series: {args.shared} lacks some of the nine texts; skipped")
        return
    with tempfile.TemporaryDirectory() as folder:
        files, converted = readable(paths, Path(folder))
        if converted:
            print(f"real series: {converted} extraction JSON files given as their text (no JSON reader here)")
        traced = trace([normalize_path(p).resolution for p in files])
        print("real series, words carried over (share unchanged since the previous version; since 72/54):")
        for stats in traced.stats:
            carried = "—" if stats.carried_over is None else f"{stats.carried_over:.1%}"
            print(f"  {stats.symbol}: {carried:>6}; {stats.since_first:.1%} ({stats.words} words)")
        compile_bytecode()
        commands = [[*RESDIFF, "blame", *map(str, files), "--format", "json"]]
        commands += [[*RESDIFF, "diff", str(a), str(b), "--format", "json"] for a, b in pairwise(files)]
        times = process_times(args.runs, *commands)
        blame_time, diffs = times[0], sum(times[1:])
        print(
            f"  resdiff blame of the nine files end to end: {blame_time * 1000:.0f} ms; the eight "
            f"resdiff diff processes of its steps: {diffs * 1000:.0f} ms in all; "
            f"ratio {blame_time / diffs:.2f}x"
        )


if __name__ == "__main__":
    main()
