"""Rounds 1-4 of the pairing within one alignment class (see ``resdiff.align``)."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterable, Sequence
from heapq import heapify, heappop, heappush

from .footnotes import Bonus
from .order import longest_increasing
from .words import Words

ANCHOR = 0.75  # similarity of an unambiguous anchor pair
ACCEPT = 0.5  # similarity of any other pair (before positional bonuses)
GAP = 0.3  # similarity of a clear mutual-best pair whose position between two pairs corroborates it
GAP_MARGIN = 0.05  # how clearly it must beat every other clause of its row and column
GAP_SPAN = 5  # at most this many unpaired clauses on either side of the stretch: a position
# corroborates a weak match only where there is little else it could pair with
CONTEXT_BONUS = 0.1  # per diagonal neighbour already paired (a tie-breaker: at most one counts below ACCEPT)
CROSSING_PENALTY = 0.15  # a pair against the order of its neighbours needs more evidence (a move)
# copies of one text in one stretch, old times new, beyond which they pair by order even where one
# side has more (see ClassMatcher._repeated): the rounds would spend seconds choosing the extra ones
REPEATS_BY_ORDER = 400
# beyond these, a class is aligned in windows (see align._align_in_windows): what identical texts
# left unpaired, old times new, and the whole class, old plus new. Real texts stay far below: the
# 80th session's largest class holds 112 clauses, and two unrelated texts of it leave at most 37 by 32.
FREE_BUDGET = 10_000
CLASS_BUDGET = 1_000  # old plus new
MARGIN = 0.02  # how clearly a best match must beat the runner-up to count as unambiguous


def fits(old: int, new: int) -> bool:
    """Whether a class (or what is unpaired in it) is small enough for the rounds."""
    return old * new <= FREE_BUDGET and old + new <= CLASS_BUDGET


class ClassMatcher:
    """The pairing rounds for one alignment class; indexes are positions within the class."""

    def __init__(self, old: Sequence[str], new: Sequence[str], words: Words, bonus: Bonus) -> None:
        self.old, self.new = old, new
        self.words, self.bonus = words, bonus
        self.old_to_new: dict[int, int] = {}
        self.new_to_old: dict[int, int] = {}
        self._paired_old: list[int] = []  # sorted keys of old_to_new
        self._identical()
        self.free_old = [i for i in range(len(old)) if i not in self.old_to_new]
        self.free_new = [j for j in range(len(new)) if j not in self.new_to_old]
        self._sims: dict[tuple[int, int], float] = {}

    def too_large(self) -> bool:
        """Whether the rounds, whose cost grows with the class and faster with what the identical
        texts left unpaired, would take too long (see ``_align_in_windows``)."""
        return (
            not fits(len(self.free_old), len(self.free_new)) or len(self.old) + len(self.new) > CLASS_BUDGET
        )

    def sim(self, i: int, j: int) -> float:
        value = self._sims.get((i, j))
        if value is None:
            value = self.words.similarity((self.old[i],), (self.new[j],)) + self.bonus.get((i, j), 0.0)
            self._sims[i, j] = value
        return value

    def accept(self, i: int, j: int) -> None:
        self.old_to_new[i] = j
        self.new_to_old[j] = i
        insort(self._paired_old, i)

    def run(self) -> None:
        # the similarity matrix of what is left (computed in one go); other cells on demand
        matrix = self.words.matrix([self.old[i] for i in self.free_old], [self.new[j] for j in self.free_new])
        self._sims.update(
            ((i, j), matrix[a][b] + self.bonus.get((i, j), 0.0))
            for a, i in enumerate(self.free_old)
            for b, j in enumerate(self.free_new)
        )
        self._anchors()
        self._greedy()
        self._gaps()

    def _identical(self) -> None:
        """A text found once on each side pairs first: nothing is more certain (and most
        clauses of a new year are unchanged, so this spares most of the matrix). Then the texts
        found more than once, by order (see ``_repeated``)."""
        if self.bonus:
            return  # footnotes: identical "Ibid." texts must follow their anchors instead
        old_count, new_count = Counter(self.old), Counter(self.new)
        new_index = {text: j for j, text in enumerate(self.new)}
        self._accept_all(
            (i, new_index[text])
            for i, text in enumerate(self.old)
            if old_count[text] == 1 and new_count[text] == 1
        )
        repeated = {t for t, n in old_count.items() if t in new_count and n + new_count[t] > 2}
        if repeated:
            self._accept_all(self._repeated(repeated))

    def _repeated(self, repeated: set[str]) -> list[tuple[int, int]]:
        """Copies of texts found more than once, paired by order: the k-th copy in a stretch of
        OLD with the k-th copy in the same stretch of NEW, a stretch lying between two pairs of
        unique texts that keep their order. Where a stretch holds as many copies on each side,
        nothing is more likely. Where one side holds more, the rounds choose which copies went, by
        their neighbours, unless there are so many that the rounds would take too long: n copies
        alike make an n-by-n matrix of perfect scores whose greedy round takes n^3 steps (31 s for
        400 copies). Those pair by order all the same (an edit script as short as any)."""
        pairs = sorted(self.old_to_new.items())
        chain = [pairs[k] for k in longest_increasing([j for _, j in pairs])]
        chain_old, chain_new = [i for i, _ in chain], [j for _, j in chain]
        olds: dict[tuple[str, int], list[int]] = {}
        news: dict[tuple[str, int], list[int]] = {}
        for i, text in enumerate(self.old):
            if text in repeated:
                olds.setdefault((text, bisect_left(chain_old, i)), []).append(i)
        for j, text in enumerate(self.new):
            if text in repeated:
                news.setdefault((text, bisect_left(chain_new, j)), []).append(j)
        found: list[tuple[int, int]] = []
        likely: list[tuple[int, int]] = []
        for key, old_copies in olds.items():
            new_copies = news.get(key, [])
            if len(old_copies) * len(new_copies) > REPEATS_BY_ORDER:
                found += zip(old_copies, new_copies, strict=False)  # the extra copies go to the rounds
            elif len(old_copies) == len(new_copies):
                likely += zip(old_copies, new_copies, strict=True)
        # copies of two texts interleaved differently on each side: the pairs that keep their order
        likely.sort()
        found += [likely[k] for k in longest_increasing([j for _, j in likely])]
        return found

    def _accept_all(self, pairs: Iterable[tuple[int, int]]) -> None:
        for i, j in pairs:
            self.old_to_new[i] = j
            self.new_to_old[j] = i
        self._paired_old = sorted(self.old_to_new)

    def _anchors(self) -> None:
        if not self.free_new:
            return
        for i in self.free_old:
            row = {j: self.sim(i, j) for j in self.free_new}
            j = max(row, key=lambda k: (row[k], -k))
            if row[j] < ANCHOR:
                continue
            column = {k: self.sim(k, j) for k in self.free_old}
            rivals = sorted(row.values(), reverse=True)[1:2] + sorted(column.values(), reverse=True)[1:2]
            if column[i] == max(column.values()) and all(rival < row[j] - MARGIN for rival in rivals):
                self.accept(i, j)

    def _neighbours_paired(self, i: int, j: int) -> int:
        return (self.old_to_new.get(i - 1) == j - 1) + (self.old_to_new.get(i + 1) == j + 1)

    def _crosses(self, i: int, j: int) -> bool:
        """Whether pairing i-j would break the order of the nearest pairs before and after i (where
        those two are themselves out of order, a move between them, there is no order to break)."""
        paired = self._paired_old
        at = bisect_left(paired, i)
        before = self.old_to_new[paired[at - 1]] if at > 0 else -1
        after = self.old_to_new[paired[at]] if at < len(paired) else len(self.new)
        return before < after and not before < j < after

    def _relative_distance(self, i: int, j: int) -> float:
        return abs(i / max(len(self.old), 1) - j / max(len(self.new), 1))

    def _key(self, i: int, j: int) -> tuple[float, float, float, int, int] | None:
        """The greedy round's order (smallest first) of the pair i-j as things stand, or None
        while its adjusted similarity is below ACCEPT."""
        raw = self.sim(i, j)
        adjusted = raw + CONTEXT_BONUS * self._neighbours_paired(i, j)
        if self._crosses(i, j):
            adjusted -= CROSSING_PENALTY
        if adjusted < ACCEPT:
            return None
        return (-adjusted, -raw, self._relative_distance(i, j), i, j)

    def _greedy(self) -> None:
        """Best first: each time, the pair with the highest adjusted similarity.

        A pair's adjusted similarity changes only as pairs are accepted, so the pairs wait in a
        heap under the value they had when last looked at, and the one on top is looked at again
        before it is taken: it stands if unchanged. That is exact only if no waiting value is
        below the pair's true one, and a value rises in just two ways, both seen to at once: a
        diagonal neighbour paired (its two neighbours are pushed again), and the crossing penalty
        lifted, which only a pair accepted against the order around it can do, to the pairs
        of its own gap (they are pushed again). A pass over every pair for every acceptance
        took n^3 steps where many clauses are alike."""
        candidates: dict[int, list[int]] = {}
        heap: list[tuple[float, float, float, int, int]] = []
        for i in self.free_old:
            for j in self.free_new:
                if self.sim(i, j) >= ACCEPT - CONTEXT_BONUS:
                    candidates.setdefault(i, []).append(j)
                    key = self._key(i, j)
                    if key is not None:
                        heap.append(key)
        heapify(heap)
        while heap:
            key = heappop(heap)
            i, j = key[3], key[4]
            if i in self.old_to_new or j in self.new_to_old:
                continue
            current = self._key(i, j)
            if current != key:  # worse than when pushed (or no longer acceptable)
                if current is not None:
                    heappush(heap, current)
                continue
            gap = self._gap_around(i) if self._crosses(i, j) else None
            self.accept(i, j)
            lifted = [(i - 1, j - 1), (i + 1, j + 1)]
            if gap is not None:
                lifted += [(k, m) for k in range(gap[0] + 1, gap[1]) for m in candidates.get(k, ())]
            for k, m in lifted:
                if m in candidates.get(k, ()) and k not in self.old_to_new and m not in self.new_to_old:
                    pushed = self._key(k, m)
                    if pushed is not None:
                        heappush(heap, pushed)

    def _gap_around(self, i: int) -> tuple[int, int]:
        """The paired old positions nearest below and above an unpaired ``i`` (-1 and the class
        size where there is none)."""
        paired = self._paired_old
        at = bisect_left(paired, i)
        return (paired[at - 1] if at > 0 else -1, paired[at] if at < len(paired) else len(self.old))

    def _gaps(self) -> None:
        """Weak pairs lying between the same two ordered pairs on both sides, accepted when they
        are each other's best and clearly stand out from every other clause of the class."""
        changed = True
        while changed:
            changed = False
            for i in self.free_old:
                if i in self.old_to_new:
                    continue
                options = [j for j in self.free_new if j not in self.new_to_old and not self._crosses(i, j)]
                if not options or len(options) > GAP_SPAN:
                    continue
                j = max(options, key=lambda k: (self.sim(i, k), -k))
                score = self.sim(i, j)
                stretch = [k for k in self.free_old if k not in self.old_to_new and not self._crosses(k, j)]
                if score < GAP or len(stretch) > GAP_SPAN:
                    continue
                rivals = [self.sim(i, k) for k in range(len(self.new)) if k != j]
                rivals += [self.sim(k, j) for k in range(len(self.old)) if k != i]
                # with no rival there is no background to stand out from: ask for a plain match
                needed = max(rivals) + GAP_MARGIN if rivals else ACCEPT
                if score >= needed:
                    self.accept(i, j)
                    changed = True
