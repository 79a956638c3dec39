"""The SYNTHETIC mutation suite (tests/synthetic_mutations.py) holds compare() to its floors.

Variants are machine-made from the real resolutions in ../shared; the floors are those of issue 4:
pair-level F1 >= 0.99, the kind right on >= 98% of correctly paired clauses, splits and merges
reported as such with all their parts. ``python bench/bench_quality.py`` prints the same
figures per mutation type.
"""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import GA80, SEED
from resdiff.compare import compare
from synthetic_mutations import MUTATIONS, Score, Variant, load_bases, variants

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def suite() -> list[Variant]:
    for path in (SEED, GA80):
        if not path.exists():
            pytest.skip(
                f"{path} is absent: the mutation suite starts from the real resolutions in ../shared "
                "(set RESDIFF_SHARED)"
            )
    return variants(load_bases([SEED, *sorted(GA80.glob("*.md"))]), per_base=5)


@pytest.fixture(scope="module")
def score(suite: list) -> Score:  # type: ignore[type-arg]
    total = Score()
    for variant in suite:
        total.add(variant, compare(variant.old, variant.new))
    return total


def test_the_suite_is_large_and_covers_every_mutation(suite: list) -> None:  # type: ignore[type-arg]
    assert len(suite) >= 200
    counts = Counter(v.mutation for v in suite)
    assert set(counts) == {*MUTATIONS, "combination"}
    assert min(counts.values()) >= 10


def test_the_suite_is_deterministic(suite: list) -> None:  # type: ignore[type-arg]
    again = variants([(v.name.split(":")[0], v.old) for v in suite[:1]], per_base=3)
    assert again == variants([(v.name.split(":")[0], v.old) for v in suite[:1]], per_base=3)


def test_pair_level_f1(score: Score) -> None:
    assert score.f1 >= 0.99, score.failures[:20]


def test_kind_accuracy_on_correctly_paired_clauses(score: Score) -> None:
    assert score.kinds > 1000
    assert score.kind_accuracy >= 0.98, score.failures[:20]
    assert score.changed_kinds > 100
    assert score.changed_kind_accuracy >= 0.98, score.failures[:20]  # the mutated clauses alone


def test_splits_and_merges_are_reported_with_all_their_parts(score: Score) -> None:
    assert score.groups >= 20
    assert score.group_rate >= 0.95, [f for f in score.failures if "split" in f or "merged" in f]


def test_moves_are_flagged(score: Score) -> None:
    assert score.moved_true >= 20
    assert score.moved_right >= 0.95 * score.moved_true
    assert score.moved_found - score.moved_right <= 0.05 * score.moved_true
