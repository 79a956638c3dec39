"""Bench: repeated and near-identical clauses cost about what as many distinct clauses cost.

Run: python bench/bench_repeats.py [--runs R] [--clauses N]. For each case, a SYNTHETIC pair of N
operative clauses is compared in-process (align + redline), best of R, and printed with its ratio
to the baseline measured in the same run, taking turns with it: N distinct clauses compared with
themselves. Before the identical pre-pass and the windows of align.py, 400 copies of one clause
took 31 s and 2,000 over 150 s; a ratio near 1 says repeats no longer cost more than distinct text.

Cases (all texts machine-made, nothing real):
- identical: N copies of "Decides x;" against themselves;
- identical, a few edits: the same against a copy with 10 of them reworded;
- near-identical: "Decides x k;" for k = 1..N (each text unique) against themselves;
- near-identical, 10% edited: against a copy with N/10 of them reworded;
- near-identical, every number changed: against "Decides x k+100000;", so that nothing pairs
  as identical and every clause is left to the similarity rounds (the windows' case);
- distinct, one moved: the baseline's texts with one clause moved from the end to the start
  (the longest in-order run, once n^2).
"""

from __future__ import annotations

import argparse
import random

from _timing import best_of
from resdiff.compare import compare
from resdiff.model import Clause, Resolution


def resolution(texts: list[str]) -> Resolution:
    """SYNTHETIC: operative clauses only."""
    clauses = tuple(Clause(f"OP{k}", text, verb="Decides") for k, text in enumerate(texts, 1))
    return Resolution(symbol="A/RES/99/1", title="Synthetic repeats", clauses=clauses)


def edited(texts: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    copy = list(texts)
    for index in rng.sample(range(len(copy)), count):
        copy[index] = copy[index].replace("Decides", "Decides further, in synthetic terms,")
    return copy


def cases(n: int) -> dict[str, tuple[Resolution, Resolution]]:
    distinct = [f"Decides to consider synthetic item {k} at session {k + 7};" for k in range(n)]
    same = ["Decides x;"] * n
    near = [f"Decides x {k};" for k in range(1, n + 1)]
    moved = distinct[-1:] + distinct[:-1]
    return {
        "identical": (resolution(same), resolution(same)),
        "identical, a few edits": (resolution(same), resolution(edited(same, 10, 1))),
        "near-identical": (resolution(near), resolution(near)),
        "near-identical, 10% edited": (resolution(near), resolution(edited(near, n // 10, 2))),
        "near-identical, every number changed": (
            resolution(near),
            resolution([f"Decides x {k + 100_000};" for k in range(1, n + 1)]),
        ),
        "distinct, one moved": (resolution(distinct), resolution(moved)),
        "baseline: distinct": (resolution(distinct), resolution(distinct)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--clauses", type=int, default=2000)
    options = parser.parse_args()
    pairs = cases(options.clauses)
    old, new = pairs.pop("baseline: distinct")
    runs = options.runs
    print(f"{options.clauses} SYNTHETIC operative clauses a side; compare() in-process, best of {runs}:")
    for name, (case_old, case_new) in pairs.items():
        ours, baseline = best_of(
            runs,
            lambda: compare(case_old, case_new),  # noqa: B023
            lambda: compare(old, new),
        )
        print(
            f"{name:<38} {ours * 1000:8.1f} ms; baseline (distinct) {baseline * 1000:7.1f} ms; "
            f"ratio {ours / baseline:5.2f}x"
        )


if __name__ == "__main__":
    main()
