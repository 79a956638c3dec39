"""Pair the clauses of two resolutions by content, never by number.

Clauses are only compared within one alignment class (preambular with preambular, operative with
operative, annex paragraphs with annex paragraphs, ...). Within a class the pairing is built in
rounds, most certain first, because a false pairing is worse than a missed one:

1. identical texts found once on each side;
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
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import chain, pairwise
from typing import NamedTuple

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
MARGIN = 0.02  # how clearly a best match must beat the runner-up to count as unambiguous
JOIN_GAIN = 0.4  # share of the mismatch a clause must explain to join a split or merged group
JOIN_MIN = 0.6  # how well the joined group must match at least
SEED_MIN = 0.7  # a split or merge none of whose parts paired alone: how well the joined parts must match
SEED_PARTS = 4  # and of how many parts at most
SEED_PART_MIN = 0.2  # how well each part alone must match at least

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


class _ClassMatcher:
    """The pairing rounds for one alignment class; indexes are positions within the class."""

    def __init__(
        self, old: Sequence[str], new: Sequence[str], words: _Words, bonus: dict[tuple[int, int], float]
    ) -> None:
        self.old, self.new = old, new
        self.words, self.bonus = words, bonus
        self.old_to_new: dict[int, int] = {}
        self.new_to_old: dict[int, int] = {}
        self._paired_old: list[int] = []  # sorted keys of old_to_new
        self._identical()
        # the similarity matrix of what is left (computed in one go); other cells on demand
        self.free_old = [i for i in range(len(old)) if i not in self.old_to_new]
        self.free_new = [j for j in range(len(new)) if j not in self.new_to_old]
        matrix = words.matrix([old[i] for i in self.free_old], [new[j] for j in self.free_new])
        self._sims = {
            (i, j): matrix[a][b] + bonus.get((i, j), 0.0)
            for a, i in enumerate(self.free_old)
            for b, j in enumerate(self.free_new)
        }

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
        self._anchors()
        self._greedy()
        self._gaps()

    def _identical(self) -> None:
        """A text found once on each side pairs first: nothing is more certain (and most
        clauses of a new year are unchanged, so this spares most of the matrix)."""
        if self.bonus:
            return  # footnotes: identical "Ibid." texts must follow their anchors instead
        old_count, new_count = Counter(self.old), Counter(self.new)
        new_index = {text: j for j, text in enumerate(self.new)}
        for i, text in enumerate(self.old):
            if old_count[text] == 1 and new_count[text] == 1:
                self.accept(i, new_index[text])

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

    def _greedy(self) -> None:
        candidates = [
            (i, j)
            for i in self.free_old
            for j in self.free_new
            if i not in self.old_to_new
            and j not in self.new_to_old
            and self.sim(i, j) >= ACCEPT - CONTEXT_BONUS
        ]
        while candidates:
            best: tuple[float, float, float, int, int] | None = None
            for i, j in candidates:
                raw = self.sim(i, j)
                adjusted = raw + CONTEXT_BONUS * self._neighbours_paired(i, j)
                if self._crosses(i, j):
                    adjusted -= CROSSING_PENALTY
                if adjusted < ACCEPT:
                    continue
                key = (-adjusted, -raw, self._relative_distance(i, j), i, j)
                if best is None or key < best:
                    best = key
            if best is None:
                return
            self.accept(best[3], best[4])
            candidates = [
                (i, j) for i, j in candidates if i not in self.old_to_new and j not in self.new_to_old
            ]

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
        old_texts, new_texts, used_old, used_new, lambda run, one: words.similarity(run, (one,))
    )
    splits = _runs_joining(
        new_texts, old_texts, used_new, used_old, lambda run, one: words.similarity((one,), run)
    )
    return [(run, [single]) for run, single in merges] + [([single], run) for run, single in splits]


def _runs_joining(
    many: Sequence[str],
    one: Sequence[str],
    used_many: set[int],
    used_one: set[int],
    similarity: Callable[[Sequence[str], str], float],
) -> list[tuple[list[int], int]]:
    """Runs of 2..SEED_PARTS unpaired neighbours of ``many`` that, joined, match an unpaired clause
    of ``one`` at least SEED_MIN and explain a good share (JOIN_GAIN) of what their best part alone
    fails to match."""
    found = []
    for single in range(len(one)):
        if single in used_one:
            continue
        # a part shares something with the whole: the rest cannot be part of it
        part = {k: similarity([many[k]], one[single]) for k in range(len(many)) if k not in used_many}
        part = {k: value for k, value in part.items() if value >= SEED_PART_MIN}
        best: tuple[float, list[int]] | None = None
        for start in sorted(part):
            for size in range(2, SEED_PARTS + 1):
                run = list(range(start, start + size))
                if not part.keys() >= set(run):
                    break
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
    """Indexes (into ``groups``) outside the longest increasing run of old positions in new order.

    Of several longest runs, the one that keeps clauses nearest their old rank: when two paragraphs
    swap places around a third, the two are moved, not the one that stayed where it was."""
    order = sorted(range(len(groups)), key=lambda g: groups[g][1][0])
    olds = [groups[g][0][0] for g in order]
    if all(a < b for a, b in pairwise(olds)):  # nothing moved (most texts): spare the search
        return set()
    rank = {value: r for r, value in enumerate(sorted(olds))}
    shift = [abs(rank[value] - position) for position, value in enumerate(olds)]
    # best[k]: (length, -total shift) of the best increasing run ending at k; previous[k]: its step before
    best: list[tuple[int, int]] = []
    previous: list[int] = []
    for k, value in enumerate(olds):
        before = max((j for j in range(k) if olds[j] < value), key=lambda j: (best[j], -j), default=-1)
        length, total = best[before] if before >= 0 else (0, 0)
        best.append((length + 1, total - shift[k]))
        previous.append(before)
    keep: set[int] = set()
    position = max(range(len(olds)), key=lambda k: (best[k], -k), default=-1)
    while position >= 0:
        keep.add(order[position])
        position = previous[position]
    return set(range(len(groups))) - keep


def _align_class(
    old: Sequence[Clause],
    new: Sequence[Clause],
    words: _Words,
    bonus: dict[tuple[int, int], float],
    track_moves: bool = True,
) -> tuple[list[Group], list[str], list[str]]:
    old_texts = [c.text for c in old]
    new_texts = [c.text for c in new]
    matcher = _ClassMatcher(old_texts, new_texts, words, bonus)
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


def _by_class(clauses: Sequence[Clause]) -> dict[tuple[str, str], list[Clause]]:
    classes: dict[tuple[str, str], list[Clause]] = {}
    for clause in clauses:
        classes.setdefault(alignment_class(clause), []).append(clause)
    return classes


def _footnote_bonus(
    old: Resolution,
    new: Resolution,
    groups: Sequence[Group],
    old_notes: list[Clause],
    new_notes: list[Clause],
) -> dict[tuple[int, int], float]:
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
    for i in anchored_old:
        for j in anchored_new:
            same_note = old_notes[i].text == new_notes[j].text and not _refers_back(old_notes[i].text)
            if (i, j) not in bonus and not same_note:
                bonus[i, j] = FOOTNOTE_ELSEWHERE
    return bonus


def _refers_back(note: str) -> bool:
    """ "Ibid., annex III." names nothing by itself: the same words cite whatever came before."""
    return note.casefold().startswith(("ibid", "id."))


def align(old: Resolution, new: Resolution) -> Alignment:
    """Pair the clauses of OLD and NEW; every clause ends in exactly one group, or added/deleted."""
    words = _Words(old.clauses + new.clauses)
    old_classes, new_classes = _by_class(old.clauses), _by_class(new.clauses)
    groups: list[Group] = []
    deleted: list[str] = []
    added: list[str] = []
    footnote_class = ("", FOOTNOTE)
    for cls in sorted(set(old_classes) | set(new_classes)):
        if cls == footnote_class:
            continue
        found, gone, fresh = _align_class(old_classes.get(cls, []), new_classes.get(cls, []), words, {})
        groups += found
        deleted += gone
        added += fresh
    old_notes, new_notes = old_classes.get(footnote_class, []), new_classes.get(footnote_class, [])
    bonus = _footnote_bonus(old, new, groups, old_notes, new_notes)
    # footnotes are numbered in marker order: their order follows the clauses, it is no move
    found, gone, fresh = _align_class(old_notes, new_notes, words, bonus, track_moves=False)
    return Alignment(groups=tuple(groups + found), deleted=tuple(deleted + gone), added=tuple(added + fresh))
