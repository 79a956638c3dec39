"""Clause texts as words: the similarity every round of the alignment scores pairs with."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain

from rapidfuzz.distance import Indel

from ..codes import char_codes
from ..languages.words import words as words_of
from ..model import Clause

ORDER_WEIGHT = 0.4  # share of the word-order measure in the similarity (the rest: weighted overlap)


class Words:
    """Clause texts as word sequences (one character per distinct word) and word sets.

    Two measures are blended: the longest common word subsequence (order matters, as in a
    redline) and a rarity-weighted overlap of the word sets, where each word weighs its inverse
    clause frequency over both resolutions. The second keeps boilerplate shared by every clause
    ("States Parties to the Convention") from making unrelated clauses look alike.
    """

    def __init__(self, clauses: Sequence[Clause], language: str | None = None) -> None:
        texts = dict.fromkeys(c.text for c in clauses)
        words = {text: words_of(text.casefold(), language) for text in texts}
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
        self._found = words
        self._weights: dict[str, tuple[float, ...]] = {}

    def found(self, text: str) -> list[str]:
        """The words of ``text`` in order (casefolded)."""
        return self._found[text]

    def weights(self, text: str) -> tuple[float, ...]:
        """Each word of ``text`` in turn, by its weight (a word found in every clause weighs ~0)."""
        found = self._weights.get(text)
        if found is None:
            found = self._weights[text] = tuple(map(self._weight.__getitem__, self._found[text]))
        return found

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

    def ceiling(self, many: Sequence[str], other: str) -> Ceiling:
        """Cheap bounds of the similarity of runs of ``many`` joined to ``other``."""
        return Ceiling(self, many, other)

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


class Ceiling:
    """A bound, cheap to take, no lower than ``similarity([many[k] for k in run], (other,))`` for
    a run of positions in ``many``: the edit distance of two word sequences is at least the
    difference of their lengths, and joined texts share no more weight with ``other`` than the
    sum of what each shares, and weigh no less than the heaviest of them."""

    def __init__(self, words: Words, many: Sequence[str], other: str) -> None:
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
