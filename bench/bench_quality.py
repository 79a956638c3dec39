"""Bench: the SYNTHETIC mutation suite, scored per mutation type.

Run: python bench/bench_quality.py [--per-base N] [--seed S] [--shared DIR] [--failures K].
Variants are machine-made from the real resolutions in ../shared (tests/synthetic_mutations.py);
prints pair-level F1 (all pairs, and "mut.": only the pairs touching a mutated clause), precision,
recall, kind accuracy on correctly paired clauses (all, and only the mutated ones), how many
splits/merges came out as such, and how many moves were flagged.
"""

from __future__ import annotations

import argparse
import sys
import time

from _shared import ROOT, add_shared_option
from _shared import ga80 as shared_ga80
from _shared import seed as shared_seed

sys.path.insert(0, str(ROOT / "tests"))

from resdiff.compare import compare
from synthetic_mutations import Score, load_bases, variants


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-base", type=int, default=12)
    parser.add_argument("--seed", type=int, default=4)
    add_shared_option(parser)
    parser.add_argument("--failures", type=int, default=10, help="how many failures to list")
    args = parser.parse_args()
    seed, ga80 = shared_seed(args.shared), shared_ga80(args.shared)
    if not seed.exists() or not ga80.exists():
        sys.exit(f"bench_quality: {args.shared} lacks the real resolutions the variants start from")

    suite = variants(load_bases([seed, *sorted(ga80.glob("*.md"))]), seed=args.seed, per_base=args.per_base)
    scores: dict[str, Score] = {}
    total = Score()
    started = time.perf_counter()
    for variant in suite:
        comparison = compare(variant.old, variant.new)
        scores.setdefault(variant.mutation, Score()).add(variant, comparison)
        total.add(variant, comparison)
    elapsed = time.perf_counter() - started

    print(
        f"{len(suite)} SYNTHETIC variants of {len(list(ga80.glob('*.md'))) + 1} real resolutions, "
        f"compared in {elapsed:.2f} s ({elapsed / len(suite) * 1000:.1f} ms each)"
    )
    columns = ("variants", "F1", "F1 mut.", "prec.", "recall", "kind", "kind mut.", "split/merge")
    header = f"{'mutation':14} " + " ".join(f"{c:>{max(7, len(c))}}" for c in columns)
    print(header)
    print("-" * len(header))
    counts = {m: sum(1 for v in suite if v.mutation == m) for m in scores}
    for name, score in [*sorted(scores.items()), ("ALL", total)]:
        groups = f"{score.right_groups}/{score.groups}" if score.groups else "-"
        # with no mutated pair to find (replacements), false pairs show in the precision
        mutated_f1 = f"{score.changed_f1:7.4f}" if score.changed_true else f"{'-':>7}"
        print(
            f"{name:14} {counts.get(name, len(suite)):>8} {score.f1:7.4f} {mutated_f1} "
            f"{score.precision:7.4f} {score.recall:7.4f} {score.kind_accuracy:7.4f} "
            f"{score.changed_kind_accuracy:9.4f} {groups:>11}"
        )
    print(
        f"floors: F1 >= 0.99 ({'met' if total.f1 >= 0.99 else 'MISSED'}), "
        f"kind >= 0.98 ({'met' if total.kind_accuracy >= 0.98 else 'MISSED'}), "
        f"splits/merges {total.group_rate:.1%} (aim 100%)"
    )
    print(
        f"moves: {total.moved_right} of {total.moved_true} made were reported as moved; "
        f"{total.moved_found - total.moved_right} pairs reported moved that were not"
    )
    for failure in total.failures[: args.failures]:
        print("  " + failure)


if __name__ == "__main__":
    main()
