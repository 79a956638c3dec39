"""Round 5 of the pairing: splits and merges whose parts stand next to each other, grown from a
pair or found from the joined parts."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .words import Words

JOIN_GAIN = 0.4  # share of the mismatch a clause must explain to join a split or merged group
JOIN_MIN = 0.6  # how well the joined group must match at least
SEED_MIN = 0.7  # a split or merge none of whose parts paired alone: how well the joined parts must match
SEED_PARTS = 4  # and of how many parts at most
SEED_PART_MIN = 0.2  # how well each part alone must match at least


def grow(
    center: int, partner: str, texts: Sequence[str], free: Callable[[int], bool], words: Words
) -> list[int]:
    """The contiguous run of free clauses around ``center`` that, joined, best matches ``partner``.

    A neighbour joins when it explains a good share of what the run so far fails to match
    (relative gain), so a short part of a long merged paragraph counts as much as a half. Where
    no single neighbour does, two together may (a paragraph split in three: each third alone adds
    too little), as long as each of them adds something.
    """
    parts = [center]
    best = words.similarity((texts[center],), (partner,))

    def score(extra: Sequence[int]) -> float:
        return words.similarity([texts[p] for p in sorted([*parts, *extra])], (partner,))

    def joins(value: float) -> bool:
        return (value - best) / (1.0 - best) >= JOIN_GAIN and value >= JOIN_MIN

    while best < 1.0:
        before, after = parts[0] - 1, parts[-1] + 1
        singles = [k for k in (before, after) if 0 <= k < len(texts) and free(k)]
        if not singles:
            break
        single = {k: score((k,)) for k in singles}
        value, k = max((v, -k) for k, v in single.items())
        if joins(value):
            parts, best = sorted([*parts, -k]), value
            continue
        pairs = [(before, before - 1), (after, after + 1), (before, after)]
        candidates = [
            (score(pair), pair)
            for pair in pairs
            if all(0 <= k < len(texts) and free(k) for k in pair)
            and all(single.get(k, score((k,))) > best for k in pair)  # each adds something
        ]
        if not candidates:
            break
        value, pair = max(candidates, key=lambda item: (item[0], [-k for k in item[1]]))
        if not joins(value):
            break
        parts, best = sorted([*parts, *pair]), value
    return parts


def unseeded_groups(
    old_texts: Sequence[str], new_texts: Sequence[str], used_old: set[int], used_new: set[int], words: Words
) -> list[tuple[list[int], list[int]]]:
    """Splits and merges none of whose parts paired alone: a paragraph split in three and moved
    past another matches no third well enough, but all three together it matches well. Marks what
    it groups as used."""
    merges = _runs_joining(
        old_texts, new_texts, used_old, used_new, words, lambda run, one: words.similarity(run, (one,))
    )
    splits = _runs_joining(
        new_texts, old_texts, used_new, used_old, words, lambda run, one: words.similarity((one,), run)
    )
    return [(run, [single]) for run, single in merges] + [([single], run) for run, single in splits]


def _runs_joining(
    many: Sequence[str],
    one: Sequence[str],
    used_many: set[int],
    used_one: set[int],
    words: Words,
    similarity: Callable[[Sequence[str], str], float],
) -> list[tuple[list[int], int]]:
    """Runs of 2..SEED_PARTS unpaired neighbours of ``many`` that, joined, match an unpaired clause
    of ``one`` at least SEED_MIN and explain a good share (JOIN_GAIN) of what their best part alone
    fails to match.

    A run whose ceiling (see ``Ceiling``) is below SEED_MIN is not scored, nor are the runs of a
    clause none of whose runs can reach it: most are so, and a score costs a join, a union of word
    sets and an edit distance."""
    found = []
    for single in range(len(one)):
        if single in used_one:
            continue
        # a part shares something with the whole: the rest cannot be part of it
        part = {k: similarity([many[k]], one[single]) for k in range(len(many)) if k not in used_many}
        part = {k: value for k, value in part.items() if value >= SEED_PART_MIN}
        ceiling = words.ceiling(many, one[single])
        if ceiling.most(part, SEED_PARTS) < SEED_MIN:
            continue
        best: tuple[float, list[int]] | None = None
        for start in sorted(part):
            for size in range(2, SEED_PARTS + 1):
                run = list(range(start, start + size))
                if not part.keys() >= set(run):
                    break
                if ceiling(run) < SEED_MIN:
                    continue
                score = similarity([many[k] for k in run], one[single])
                alone = max(part[k] for k in run)
                stands = score >= SEED_MIN and alone < 1.0 and (score - alone) / (1.0 - alone) >= JOIN_GAIN
                if stands and (best is None or score > best[0]):
                    best = (score, run)
        if best is not None:
            used_many.update(best[1])
            used_one.add(single)
            found.append((best[1], single))
    return found
