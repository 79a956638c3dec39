"""Pair the clauses of two resolutions by content, never by number.

Clauses are only compared within one alignment class (preambular with preambular, operative with
operative, annex paragraphs with annex paragraphs, ...). Within a class the pairing is built in
rounds, most certain first, because a false pairing is worse than a missed one:

1. identical texts: found once on each side, they pair first; found more than once (boilerplate,
   or 2,000 copies of one clause), their copies pair by order within each stretch between the
   pairs of the first kind that keep their order, where both sides hold as many copies (or too
   many to leave to the rounds), which costs no similarity at all;
2. anchors: pairs that are each other's unambiguous best match and very similar;
3. best-first greedy on word similarity, boosted where the neighbours are already paired (the
   positional prior that tells near-duplicate boilerplate apart) and penalised where the pair
   would cross the order of the pairs around it;
4. gaps: in a stretch between two ordered pairs, a weaker match is accepted when it stands out
   clearly from every other clause of its row and column, because its position corroborates it;
5. splits and merges: an unpaired neighbour joins a pair when the joined text explains a good
   share of what the single clause failed to match.

Footnotes are aligned last: a footnote follows the clause it is anchored to, so FNk of OLD and FNj
of NEW get a bonus when a clause citing FNk is paired with a clause citing FNj.

Where both texts are divided into parts (``A.``, ``B.``; sections ``I.``, ``II.``), the parts are
paired first, by their words (a part added in front shifts every letter after it), and a clause pairs
only within its part's counterpart: the boilerplate every part repeats ("Decides to remain seized of
the matter") stays in its part. A part with no counterpart was dropped, or is new: its clauses are
deleted or added (a part's clauses share the template of every other part's, which must not make a
new part a modified old one).

The time grows about linearly with the input, whatever it holds: the rounds, whose cost grows
faster, only ever see a class within FREE_BUDGET and CLASS_BUDGET (far beyond any real
resolution); a larger one keeps its identical pairs and is aligned window by window
(``_align_in_windows``), and what is done with the whole class takes n log n steps at most.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from heapq import heapify, heappop, heappush
from itertools import chain, pairwise
from typing import NamedTuple, Protocol

from rapidfuzz.distance import Indel

from .codes import char_codes
from .model import FOOTNOTE, Clause, Resolution

ORDER_WEIGHT = 0.4  # share of the word-order measure in the similarity (the rest: weighted overlap)
ANCHOR = 0.75  # similarity of an unambiguous anchor pair
ACCEPT = 0.5  # similarity of any other pair (before positional bonuses)
GAP = 0.3  # similarity of a clear mutual-best pair whose position between two pairs corroborates it
GAP_MARGIN = 0.05  # how clearly it must beat every other clause of its row and column
GAP_SPAN = 5  # at most this many unpaired clauses on either side of the stretch: a position
# corroborates a weak match only where there is little else it could pair with
CONTEXT_BONUS = 0.1  # per diagonal neighbour already paired (a tie-breaker: at most one counts below ACCEPT)
CROSSING_PENALTY = 0.15  # a pair against the order of its neighbours needs more evidence (a move)
FOOTNOTE_ANCHOR_BONUS = 0.35  # a footnote cited by clauses that pair with each other
# a footnote cited by clauses that do not pair with each other is another footnote, however alike
# its text ("Treaty Series, vol. 2515" and "vol. 660" cite two treaties): only the same text pairs,
# and not even that when it refers back ("Ibid.")
FOOTNOTE_ELSEWHERE = -1.0
# copies of one text in one stretch, old times new, beyond which they pair by order even where one
# side has more (see _ClassMatcher._repeated): the rounds would spend seconds choosing the extra ones
REPEATS_BY_ORDER = 400
# beyond these, a class is aligned in windows (see _align_in_windows): what identical texts left
# unpaired, old times new, and the whole class, old plus new. Real texts stay far below: the 80th
# session's largest class holds 112 clauses, and two unrelated texts of it leave at most 37 by 32.
FREE_BUDGET = 10_000
CLASS_BUDGET = 1_000  # old plus new
WINDOW = 50  # clauses a side in a window of a long stretch
MARGIN = 0.02  # how clearly a best match must beat the runner-up to count as unambiguous
JOIN_GAIN = 0.4  # share of the mismatch a clause must explain to join a split or merged group
JOIN_MIN = 0.6  # how well the joined group must match at least
SEED_MIN = 0.7  # a split or merge none of whose parts paired alone: how well the joined parts must match
SEED_PARTS = 4  # and of how many parts at most
SEED_PART_MIN = 0.2  # how well each part alone must match at least
# how much more of their words (weighted by rarity) two parts must share than either shares with any other
# part to be counterparts (parts of one text share their boilerplate: a high share alone says little)
PART_MARGIN = 0.1

_WORD_RE = re.compile(r"[^\W_⁰¹²³⁴⁵⁶⁷⁸⁹]+")  # words; a superscript footnote marker is none


class Group(NamedTuple):
    """Clauses of OLD and NEW that correspond: 1-1 pair, split (1 -> n) or merge (n -> 1).

    Internal to align -> compare, so a NamedTuple: immutable like a frozen dataclass, but cheaper
    to define, which every ``resdiff diff`` pays at import."""

    old: tuple[str, ...]
    new: tuple[str, ...]
    similarity: float  # word similarity of the joined texts, 0..1
    moved: bool = False


class Alignment(NamedTuple):
    """Every clause of OLD and NEW in exactly one group, or deleted, or added."""

    groups: tuple[Group, ...]
    deleted: tuple[str, ...]  # keys of OLD clauses with no counterpart
    added: tuple[str, ...]  # keys of NEW clauses with no counterpart


def alignment_class(clause: Clause) -> tuple[str, str]:
    """Which clauses may pair: same type, in the same kind of section.

    The parts of a multi-part resolution (A., B.) are all its body: a paragraph may move from
    one part to another, or a single-part resolution be divided into parts. Annexes are another
    kind. Footnotes are global.
    """
    if clause.type == FOOTNOTE:
        return ("", FOOTNOTE)
    return ("annex" if clause.section.startswith("ANNEX") else "body", clause.type)


class _Words:
    """Clause texts as word sequences (one character per distinct word) and word sets.

    Two measures are blended: the longest common word subsequence (order matters, as in a
    redline) and a rarity-weighted overlap of the word sets, where each word weighs its inverse
    clause frequency over both resolutions. The second keeps boilerplate shared by every clause
    ("States Parties to the Convention") from making unrelated clauses look alike.
    """

    def __init__(self, clauses: Sequence[Clause]) -> None:
        texts = dict.fromkeys(c.text for c in clauses)
        words = {text: _WORD_RE.findall(text.casefold()) for text in texts}
        codes = char_codes(chain.from_iterable(words.values()))
        self.sequence = {text: "".join(map(codes.__getitem__, found)) for text, found in words.items()}
        self.words = {text: frozenset(found) for text, found in words.items()}
        frequency = Counter(chain.from_iterable(self.words[c.text] for c in clauses))
        total = len(clauses)
        self._weight = {word: math.log((total + 1) / (count + 0.5)) for word, count in frequency.items()}
        # similarities already computed: the matrix's cells are asked again when pairs grow into
        # groups, and a group's final similarity is the one its growing ended with
        self._known: dict[tuple[tuple[str, ...], tuple[str, ...]], float] = {}
        self._masses: dict[str, float] = {}

    def _mass(self, words: frozenset[str]) -> float:
        """Summed exactly (fsum): set order varies between runs, the result must not."""
        return math.fsum(map(self._weight.__getitem__, words))

    def similarity(self, old: Sequence[str], new: Sequence[str]) -> float:
        """Similarity of two texts (or of two groups of texts, read joined), 0..1."""
        key = (tuple(old), tuple(new))
        value = self._known.get(key)
        if value is None:
            value = self._known[key] = self._similarity(old, new)
        return value

    def _similarity(self, old: Sequence[str], new: Sequence[str]) -> float:
        old_sequence = "".join(map(self.sequence.__getitem__, old))
        new_sequence = "".join(map(self.sequence.__getitem__, new))
        if old_sequence == new_sequence:
            return 1.0
        old_words = frozenset().union(*map(self.words.__getitem__, old))
        new_words = frozenset().union(*map(self.words.__getitem__, new))
        order = float(Indel.normalized_similarity(old_sequence, new_sequence))
        mass = self._mass(old_words) + self._mass(new_words)
        overlap = 2 * self._mass(old_words & new_words) / mass if mass else 1.0
        return ORDER_WEIGHT * order + (1 - ORDER_WEIGHT) * overlap

    def ceiling(self, many: Sequence[str], other: str) -> _Ceiling:
        """Cheap bounds of the similarity of runs of ``many`` joined to ``other``."""
        return _Ceiling(self, many, other)

    def mass(self, words: frozenset[str]) -> float:
        return self._mass(words)

    def own_mass(self, text: str) -> float:
        value = self._masses.get(text)
        if value is None:
            value = self._masses[text] = self._mass(self.words[text])
        return value

    def matrix(self, old: Sequence[str], new: Sequence[str]) -> list[list[float]]:
        """Similarities of every old text to every new text (the one hot loop of the alignment)."""
        weight = self._weight.__getitem__
        new_items = [
            ((t,), self.sequence[t], self.words[t], math.fsum(map(weight, self.words[t]))) for t in new
        ]
        rows = []
        for text in old:
            sequence, words = self.sequence[text], self.words[text]
            own = math.fsum(map(weight, words))
            row = []
            for other, other_sequence, other_words, other_mass in new_items:
                if sequence == other_sequence:
                    value = 1.0
                else:
                    mass = own + other_mass
                    overlap = 2 * math.fsum(map(weight, words & other_words)) / mass if mass else 1.0
                    order = Indel.normalized_similarity(sequence, other_sequence)
                    value = ORDER_WEIGHT * order + (1 - ORDER_WEIGHT) * overlap
                row.append(value)
                self._known[(text,), other] = value
            rows.append(row)
        return rows


class _Ceiling:
    """A bound, cheap to take, no lower than ``similarity([many[k] for k in run], (other,))`` for
    a run of positions in ``many``: the edit distance of two word sequences is at least the
    difference of their lengths, and joined texts share no more weight with ``other`` than the
    sum of what each shares, and weigh no less than the heaviest of them."""

    def __init__(self, words: _Words, many: Sequence[str], other: str) -> None:
        self._words, self._many, self._other = words, many, words.words[other]
        self._other_length, self._other_mass = len(words.sequence[other]), words.own_mass(other)
        self._parts: dict[int, tuple[int, float, float]] = {}  # length, weight, weight shared

    def _part(self, k: int) -> tuple[int, float, float]:
        found = self._parts.get(k)
        if found is None:
            words, text = self._words, self._many[k]
            shared = words.mass(words.words[text] & self._other)
            found = self._parts[k] = (len(words.sequence[text]), words.own_mass(text), shared)
        return found

    def __call__(self, run: Sequence[int]) -> float:
        parts = [self._part(k) for k in run]
        length = sum(part[0] for part in parts)
        total = length + self._other_length
        order = 2 * min(length, self._other_length) / total if total else 1.0
        return self._value(order, sum(part[2] for part in parts), max(part[1] for part in parts))

    def most(self, candidates: Iterable[int], parts: int) -> float:
        """No run of at most ``parts`` of ``candidates`` reaches more (the order measure at its
        best, the most shared weight, the lightest part)."""
        found = [self._part(k) for k in candidates]
        if not found:
            return 0.0
        shared = sum(sorted((part[2] for part in found), reverse=True)[:parts])
        return self._value(1.0, shared, min(part[1] for part in found))

    def _value(self, order: float, shared: float, heaviest: float) -> float:
        common = min(self._other_mass, shared)
        lower = heaviest + self._other_mass
        overlap = 2 * common / lower if lower else 1.0
        return ORDER_WEIGHT * order + (1 - ORDER_WEIGHT) * overlap + 1e-9  # rounding's share


class _Bonus(Protocol):
    """What the rounds add to the similarity of a pair of class positions: nothing for clauses,
    the anchor bonus or bar for footnotes (see ``_footnote_bonus``). True (as a dict that is not
    empty) for footnotes with anchors."""

    def get(self, key: tuple[int, int], default: float, /) -> float: ...


_NO_BONUS: dict[tuple[int, int], float] = {}  # clauses' pairs: nothing added, never changed


class _FootnoteBonus:
    """``_footnote_bonus``'s values without a table of every pair: the bar falls on all pairs of
    anchored footnotes that have no bonus, and there can be millions of those."""

    def __init__(
        self,
        bonus: dict[tuple[int, int], float],
        anchored_old: set[int],
        anchored_new: set[int],
        old_notes: Sequence[Clause],
        new_notes: Sequence[Clause],
    ) -> None:
        self._bonus, self._old, self._new = bonus, anchored_old, anchored_new
        self._old_notes, self._new_notes = old_notes, new_notes
        texts = {old_notes[i].text for i in anchored_old} | {new_notes[j].text for j in anchored_new}
        # every pair barred but those of the same note, unless every anchored note is that one
        all_same = len(texts) == 1 and not _refers_back(next(iter(texts)))
        self._any = bool(bonus) or (bool(anchored_old) and bool(anchored_new) and not all_same)

    def get(self, key: tuple[int, int], default: float, /) -> float:
        value = self._bonus.get(key)
        if value is not None:
            return value
        i, j = key
        if i in self._old and j in self._new:
            note = self._old_notes[i].text
            if note != self._new_notes[j].text or _refers_back(note):
                return FOOTNOTE_ELSEWHERE
        return default

    def __bool__(self) -> bool:
        return self._any


class _WindowBonus:
    """A class's bonus seen from a window of it (positions in the window)."""

    def __init__(self, bonus: _Bonus, old: Sequence[int], new: Sequence[int]) -> None:
        self._bonus, self._old, self._new = bonus, old, new
        self._any = bool(bonus)

    def get(self, key: tuple[int, int], default: float, /) -> float:
        return self._bonus.get((self._old[key[0]], self._new[key[1]]), default) if self._any else default

    def __bool__(self) -> bool:
        return self._any


class _ClassMatcher:
    """The pairing rounds for one alignment class; indexes are positions within the class."""

    def __init__(self, old: Sequence[str], new: Sequence[str], words: _Words, bonus: _Bonus) -> None:
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
            not _fits(len(self.free_old), len(self.free_new)) or len(self.old) + len(self.new) > CLASS_BUDGET
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
        chain = [pairs[k] for k in _longest_increasing([j for _, j in pairs])]
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
        found += [likely[k] for k in _longest_increasing([j for _, j in likely])]
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


def _grow(
    center: int, partner: str, texts: Sequence[str], free: Callable[[int], bool], words: _Words
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


def _unseeded_groups(
    old_texts: Sequence[str], new_texts: Sequence[str], used_old: set[int], used_new: set[int], words: _Words
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
    words: _Words,
    similarity: Callable[[Sequence[str], str], float],
) -> list[tuple[list[int], int]]:
    """Runs of 2..SEED_PARTS unpaired neighbours of ``many`` that, joined, match an unpaired clause
    of ``one`` at least SEED_MIN and explain a good share (JOIN_GAIN) of what their best part alone
    fails to match.

    A run whose ceiling (see ``_Ceiling``) is below SEED_MIN is not scored, nor are the runs of a
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


def _moved(groups: list[tuple[list[int], list[int]]]) -> set[int]:
    """Indexes (into ``groups``) outside the longest increasing run of old positions in new order."""
    order = sorted(range(len(groups)), key=lambda g: groups[g][1][0])
    olds = [groups[g][0][0] for g in order]
    if all(a < b for a, b in pairwise(olds)):  # nothing moved (most texts): spare the search
        return set()
    return set(range(len(groups))) - {order[k] for k in _longest_increasing(olds)}


def _longest_increasing(values: Sequence[int]) -> list[int]:
    """Positions of a longest increasing run of ``values`` (distinct numbers), in order.

    Of several longest runs, the one that keeps values nearest their rank: when two paragraphs
    swap places around a third, the two are moved, not the one that stayed where it was. In
    n log n steps: the best run ending below a value is a prefix maximum over ranks (a Fenwick
    tree), so that 20,000 clauses with one moved take no 200 million steps."""
    rank = {value: r for r, value in enumerate(sorted(values))}
    size = len(values)
    # tree[r] (1-based, Fenwick ranges): the best (run, -position) among values of the ranks it
    # covers; a run is (length, -total shift), compared as a tuple, ties to the earliest position;
    # ((0, 0), 1) is no run at all (position -1)
    tree: list[tuple[tuple[int, int], int]] = [((0, 0), 1)] * (size + 1)
    best: list[tuple[int, int]] = []
    previous: list[int] = []
    for position, value in enumerate(values):
        found, r = ((0, 0), 1), rank[value]  # the best over ranks below value's: 1..r in tree terms
        while r > 0:
            found = max(found, tree[r])
            r -= r & -r
        (length, total), before = found[0], -found[1]
        best.append((length + 1, total - abs(rank[value] - position)))
        previous.append(before if length else -1)
        r = rank[value] + 1
        while r <= size:
            tree[r] = max(tree[r], (best[position], -position))
            r += r & -r
    kept: list[int] = []
    position = max(range(size), key=lambda k: (best[k], -k), default=-1)
    while position >= 0:
        kept.append(position)
        position = previous[position]
    return kept[::-1]


def _align_class(
    old: Sequence[Clause],
    new: Sequence[Clause],
    words: _Words,
    bonus: _Bonus,
    track_moves: bool = True,
) -> tuple[list[Group], list[str], list[str]]:
    old_texts = [c.text for c in old]
    new_texts = [c.text for c in new]
    matcher = _ClassMatcher(old_texts, new_texts, words, bonus)
    if matcher.too_large():
        return _align_in_windows(old, new, words, bonus, matcher, track_moves)
    matcher.run()

    groups: list[tuple[list[int], list[int]]] = []
    used_old, used_new = set(matcher.old_to_new), set(matcher.new_to_old)
    # a split shows as one old clause paired with one part, the other parts left unpaired
    for i, j in sorted(matcher.old_to_new.items()):
        # a part may join unless barred (a footnote cited elsewhere: see FOOTNOTE_ELSEWHERE)
        def new_part(k: int, i: int = i) -> bool:
            return k not in used_new and bonus.get((i, k), 0.0) >= 0

        def old_part(k: int, j: int = j) -> bool:
            return k not in used_old and bonus.get((k, j), 0.0) >= 0

        news = _grow(j, old_texts[i], new_texts, new_part, words)
        olds = [i] if len(news) > 1 else _grow(i, new_texts[j], old_texts, old_part, words)
        used_new.update(news)
        used_old.update(olds)
        groups.append((olds, news))
    if not bonus:  # footnotes are not split or merged without an anchor
        groups += _unseeded_groups(old_texts, new_texts, used_old, used_new, words)

    moved = _moved(groups) if track_moves else set()
    result = [
        Group(
            old=tuple(old[k].key for k in olds),
            new=tuple(new[k].key for k in news),
            similarity=words.similarity([old_texts[k] for k in olds], [new_texts[k] for k in news]),
            moved=index in moved,
        )
        for index, (olds, news) in enumerate(groups)
    ]
    deleted = [c.key for k, c in enumerate(old) if k not in used_old]
    added = [c.key for k, c in enumerate(new) if k not in used_new]
    return result, deleted, added


def _fits(old: int, new: int) -> bool:
    """Whether a class (or what is unpaired in it) is small enough for the rounds."""
    return old * new <= FREE_BUDGET and old + new <= CLASS_BUDGET


def _align_in_windows(
    old: Sequence[Clause],
    new: Sequence[Clause],
    words: _Words,
    bonus: _Bonus,
    matcher: _ClassMatcher,
    track_moves: bool,
) -> tuple[list[Group], list[str], list[str]]:
    """A class too large for the rounds (thousands of clauses, or of clauses left unpaired): its
    identical texts stay paired as ``matcher`` paired them, and what they left is aligned window
    by window, each window a class of its own: the unpaired clauses of one stretch between two
    pairs that keep their order, cut where the stretch is itself too large into blocks of at most
    WINDOW clauses a side (and what the blocks leave unpaired tried once more together, for the
    pairs a cut parted). The cost grows with the class, not with its square or cube; the price
    is that a clause both edited and moved to another stretch shows as deleted and added."""
    pairs = sorted(matcher.old_to_new.items())
    chain = [pairs[k] for k in _longest_increasing([j for _, j in pairs])]
    chain_old, chain_new = [i for i, _ in chain], [j for _, j in chain]
    stretch_old: dict[int, list[int]] = {}
    stretch_new: dict[int, list[int]] = {}
    for i in matcher.free_old:
        stretch_old.setdefault(bisect_left(chain_old, i), []).append(i)
    for j in matcher.free_new:
        stretch_new.setdefault(bisect_left(chain_new, j), []).append(j)

    groups: list[tuple[list[int], list[int], float]] = [([i], [j], 1.0) for i, j in pairs]
    deleted: list[str] = []
    added: list[str] = []
    old_index = {c.key: k for k, c in enumerate(old)}
    new_index = {c.key: k for k, c in enumerate(new)}

    def window(window_old: list[int], window_new: list[int]) -> tuple[list[str], list[str]]:
        """Align one window as a class of its own; what it left unpaired."""
        found, gone, fresh = _align_class(
            [old[i] for i in window_old],
            [new[j] for j in window_new],
            words,
            _WindowBonus(bonus, window_old, window_new),
            track_moves=False,
        )
        groups.extend(
            ([old_index[k] for k in g.old], [new_index[k] for k in g.new], g.similarity) for g in found
        )
        return gone, fresh

    for stretch in sorted(set(stretch_old) | set(stretch_new)):
        olds, news = stretch_old.get(stretch, []), stretch_new.get(stretch, [])
        if _fits(len(olds), len(news)):
            gone, fresh = window(olds, news)
        else:
            blocks = -(-max(len(olds), len(news)) // WINDOW)  # a ceiling
            gone, fresh = [], []
            for block in range(blocks):
                left = window(
                    olds[block * len(olds) // blocks : (block + 1) * len(olds) // blocks],
                    news[block * len(news) // blocks : (block + 1) * len(news) // blocks],
                )
                gone += left[0]
                fresh += left[1]
            # a pair the cut between two blocks parted (the two sides' blocks drift apart where
            # one side has more clauses): what the blocks left, together, if it fits
            if gone and fresh and _fits(len(gone), len(fresh)):
                gone, fresh = window([old_index[k] for k in gone], [new_index[k] for k in fresh])
        deleted += gone
        added += fresh

    groups.sort(key=lambda group: group[0][0])
    moved = _moved([(olds, news) for olds, news, _ in groups]) if track_moves else set()
    result = [
        Group(
            old=tuple(old[k].key for k in olds),
            new=tuple(new[k].key for k in news),
            similarity=similarity,
            moved=index in moved,
        )
        for index, (olds, news, similarity) in enumerate(groups)
    ]
    deleted.sort(key=old_index.__getitem__)
    added.sort(key=new_index.__getitem__)
    return result, deleted, added


def _by_class(
    clauses: Sequence[Clause], parts: dict[str, str] | None = None, side: str = ""
) -> dict[tuple[str, str], list[Clause]]:
    """Clauses by alignment class; ``parts``: a body part's counterpart pair (see ``_part_pairs``),
    which narrows the class to that pair of parts (a part without one: a class of its own on ``side``)."""
    classes: dict[tuple[str, str], list[Clause]] = {}
    for clause in clauses:
        where, kind = alignment_class(clause)
        if parts and where == "body":
            where = f"body/{parts.get(clause.section) or side + clause.section}"
        classes.setdefault((where, kind), []).append(clause)
    return classes


def _body_parts(resolution: Resolution) -> dict[str, frozenset[str]]:
    """The words of each part of a resolution's body (``""`` for what precedes its parts), in order."""
    found: dict[str, set[str]] = {}
    for clause in resolution.clauses:
        if clause.type != FOOTNOTE and not clause.section.startswith("ANNEX"):
            found.setdefault(clause.section, set()).update(_WORD_RE.findall(clause.text.casefold()))
    return {section: frozenset(words) for section, words in found.items()}


def _part_pairs(old: Resolution, new: Resolution) -> tuple[dict[str, str], dict[str, str]]:
    """Counterpart parts of two divided texts, each pair named ``OLD>NEW``: two parts whose share of
    common words beats, by ``PART_MARGIN``, what either shares with any other part. A word weighs by
    how few parts hold it (the template every part repeats weighs next to nothing; a part's subject
    most). ({}, {}) unless both texts are divided."""
    old_parts, new_parts = _body_parts(old), _body_parts(new)
    if len(set(old_parts) - {""}) < 1 or len(set(new_parts) - {""}) < 1:
        return {}, {}
    every = [*old_parts.values(), *new_parts.values()]
    frequency = Counter(chain.from_iterable(every))
    weight = {word: math.log((len(every) + 1) / (count + 0.5)) for word, count in frequency.items()}

    def mass(words: frozenset[str]) -> float:
        return math.fsum(weight[word] for word in words)

    share: dict[tuple[str, str], float] = {}
    for a, old_words in old_parts.items():
        for b, new_words in new_parts.items():
            union = mass(old_words | new_words)
            share[a, b] = mass(old_words & new_words) / union if union else 0.0
    old_map: dict[str, str] = {}
    new_map: dict[str, str] = {}
    for (a, b), value in share.items():
        rivals = [v for (x, y), v in share.items() if (x == a) != (y == b)]
        if value - max(rivals, default=0.0) >= PART_MARGIN:
            old_map[a] = new_map[b] = f"{a}>{b}"
    return old_map, new_map


def _footnote_bonus(
    old: Resolution,
    new: Resolution,
    groups: Sequence[Group],
    old_notes: list[Clause],
    new_notes: list[Clause],
) -> _FootnoteBonus:
    """Footnote pairs whose citing clauses are paired with each other, in citation order, get a
    bonus; pairs of footnotes both cited, but by clauses that are not paired, a bar."""
    old_index = {c.key: k for k, c in enumerate(old_notes)}
    new_index = {c.key: k for k, c in enumerate(new_notes)}
    old_clauses = {c.key: c for c in old.clauses}
    new_clauses = {c.key: c for c in new.clauses}
    bonus: dict[tuple[int, int], float] = {}
    for group in groups:
        cited_old = [n for key in group.old for n in old_clauses[key].notes if n in old_index]
        cited_new = [n for key in group.new for n in new_clauses[key].notes if n in new_index]
        for a, old_key in enumerate(cited_old):
            for b, new_key in enumerate(cited_new):
                pair = (old_index[old_key], new_index[new_key])
                # the same position among the notes of the clause is the likeliest counterpart
                value = FOOTNOTE_ANCHOR_BONUS - (0.01 if a != b else 0.0)
                bonus[pair] = max(bonus.get(pair, 0.0), value)
    anchored_old = {old_index[n] for c in old.clauses for n in c.notes if n in old_index}
    anchored_new = {new_index[n] for c in new.clauses for n in c.notes if n in new_index}
    return _FootnoteBonus(bonus, anchored_old, anchored_new, old_notes, new_notes)


def _refers_back(note: str) -> bool:
    """ "Ibid., annex III." names nothing by itself: the same words cite whatever came before."""
    return note.casefold().startswith(("ibid", "id."))


def align(old: Resolution, new: Resolution) -> Alignment:
    """Pair the clauses of OLD and NEW; every clause ends in exactly one group, or added/deleted."""
    words = _Words(old.clauses + new.clauses)
    old_parts, new_parts = _part_pairs(old, new)
    old_classes = _by_class(old.clauses, old_parts, "old:")
    new_classes = _by_class(new.clauses, new_parts, "new:")
    groups: list[Group] = []
    deleted: list[str] = []
    added: list[str] = []
    footnote_class = ("", FOOTNOTE)
    for cls in sorted(set(old_classes) | set(new_classes)):
        if cls == footnote_class:
            continue
        olds, news = old_classes.get(cls, []), new_classes.get(cls, [])
        found, gone, fresh = _align_class(olds, news, words, _NO_BONUS)
        groups += found
        deleted += gone
        added += fresh
    old_notes, new_notes = old_classes.get(footnote_class, []), new_classes.get(footnote_class, [])
    bonus = _footnote_bonus(old, new, groups, old_notes, new_notes)
    # footnotes are numbered in marker order: their order follows the clauses, it is no move
    found, gone, fresh = _align_class(old_notes, new_notes, words, bonus, track_moves=False)
    return Alignment(groups=tuple(groups + found), deleted=tuple(deleted + gone), added=tuple(added + fresh))
