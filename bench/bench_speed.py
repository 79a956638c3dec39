"""Bench: how fast compare() is, as ratios to baselines measured in the same run.

Run: python bench/bench_speed.py [--runs R] [--shared DIR]. Prints
1. in-process align + redline of the real pair (72/54 -> 80/52), best of R, and its ratio to
   difflib's word-level SequenceMatcher over the whole text;
2. a SYNTHETIC 100-clause pair (real clauses of the 80th session, 30 of them edited by machine)
   in-process (target: under 50 ms);
3. ``resdiff diff FILE FILE --format json`` end to end as a process against a bare
   ``python -c pass`` (target: within 8x), bytecode compiled as an installed package has it.
"""

from __future__ import annotations

import argparse
import difflib
import random
from dataclasses import replace
from pathlib import Path

from _shared import add_shared_option, real_pair
from _shared import ga80 as shared_ga80
from _timing import PYTHON_PASS, RESDIFF, best_of, compile_bytecode, process_times
from resdiff.compare import compare
from resdiff.model import OPERATIVE, PREAMBULAR, Clause, Resolution
from resdiff.normalize import normalize_path


def synthetic_pair(ga80: Path) -> tuple[Resolution, Resolution]:
    """100 real clauses (40 preambular, 60 operative) and a SYNTHETIC copy with 30 of them edited."""
    clauses = [
        c
        for path in sorted(ga80.glob("*.md"))
        for c in normalize_path(path).resolution.clauses
        if c.section == "" and c.type in (PREAMBULAR, OPERATIVE)
    ]
    preambular = [c for c in clauses if c.type == PREAMBULAR][:40]
    operative = [c for c in clauses if c.type == OPERATIVE][:60]
    old = [replace(c, key=f"PP{k}", notes=()) for k, c in enumerate(preambular, 1)]
    old += [replace(c, key=f"OP{k}", notes=()) for k, c in enumerate(operative, 1)]
    rng = random.Random(30)
    new = list(old)
    for index in rng.sample(range(len(new)), 30):
        words = new[index].text.split(" ")
        for _ in range(3):
            words[rng.randrange(1, len(words))] = rng.choice(("urgently", "further", "2026", "all relevant"))
        new[index] = Clause(new[index].key, " ".join(words), verb=None)
    return Resolution(clauses=tuple(old)), Resolution(clauses=tuple(new))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    add_shared_option(parser)
    args = parser.parse_args()
    seed, successor = real_pair(args.shared)
    ga80 = shared_ga80(args.shared)

    old, new = normalize_path(seed).resolution, normalize_path(successor).resolution
    old_words = " ".join(c.text for c in old.clauses).split()
    new_words = " ".join(c.text for c in new.clauses).split()
    ours, baseline = best_of(
        args.runs,
        lambda: compare(old, new),
        lambda: difflib.SequenceMatcher(None, old_words, new_words).get_opcodes(),
    )
    print(
        f"real pair, in-process align + redline: {ours * 1000:.2f} ms; difflib word-level SequenceMatcher "
        f"over the whole text: {baseline * 1000:.2f} ms; ratio {ours / baseline:.2f}x"
    )

    synthetic_old, synthetic_new = synthetic_pair(ga80)
    (hundred,) = best_of(args.runs, lambda: compare(synthetic_old, synthetic_new))
    verdict = "under" if hundred < 0.050 else "OVER"
    print(f"SYNTHETIC 100-clause pair, 30% changed: {hundred * 1000:.2f} ms ({verdict} the 50 ms target)")

    compile_bytecode()
    end_to_end, bare = process_times(
        args.runs, [*RESDIFF, "diff", str(seed), str(successor), "--format", "json"], PYTHON_PASS
    )
    verdict = "within" if end_to_end <= 8 * bare else "OVER"
    print(
        f"resdiff diff --format json end to end: {end_to_end * 1000:.1f} ms; "
        f"python -c pass: {bare * 1000:.1f} ms; "
        f"ratio {end_to_end / bare:.1f}x ({verdict} the 8x target)"
    )


if __name__ == "__main__":
    main()
