"""The parts of a divided resolution (``A.``, ``B.``; sections ``I.``, ``II.``), and its annexes
(``ANNEX-I``, ``ANNEX-II``): which part (annex) of OLD is which of NEW, paired by their words before
any clause is (a part added in front shifts every letter after it; an annex dropped renumbers those
after it), so that a clause pairs only within its part's (annex's) counterpart."""

from __future__ import annotations

import math
from collections import Counter
from itertools import chain

from ..languages.words import words as words_of
from ..model import FOOTNOTE, Resolution

# how much more of their words (weighted by rarity) two parts must share than either shares with any other
# part to be counterparts (parts of one text share their boilerplate: a high share alone says little)
PART_MARGIN = 0.1


def is_annex(section: str) -> bool:
    return section.startswith("ANNEX")


def body_parts(resolution: Resolution, annexes: bool = False) -> dict[str, frozenset[str]]:
    """The words of each part of a resolution's body (``""`` for what precedes its parts), in order;
    with ``annexes``, of each annex instead."""
    found: dict[str, set[str]] = {}
    for clause in resolution.clauses:
        if clause.type != FOOTNOTE and is_annex(clause.section) == annexes:
            words = words_of(clause.text.casefold(), resolution.language)
            found.setdefault(clause.section, set()).update(words)
    return {section: frozenset(words) for section, words in found.items()}


def part_pairs(old: Resolution, new: Resolution) -> tuple[dict[str, str], dict[str, str]]:
    """Counterpart parts of two divided texts (``_pairs``), and counterpart annexes of two annexed
    texts: each pair named ``OLD>NEW``. Parts are paired unless a text is undivided (its paragraphs
    may then pair with any part's); annexes where both texts have some (one annex each is the other's
    counterpart)."""
    old_parts, new_parts = body_parts(old), body_parts(new)
    old_map: dict[str, str] = {}
    new_map: dict[str, str] = {}
    if len(set(old_parts) - {""}) >= 1 and len(set(new_parts) - {""}) >= 1:
        old_map, new_map = _pairs(old_parts, new_parts)
    old_annexes, new_annexes = body_parts(old, annexes=True), body_parts(new, annexes=True)
    if len(old_annexes) == len(new_annexes) == 1:
        (a,), (b,) = old_annexes, new_annexes
        old_map[a] = new_map[b] = f"{a}>{b}"
    elif old_annexes and new_annexes:
        old_pairs, new_pairs = _pairs(old_annexes, new_annexes)
        old_map.update(old_pairs)
        new_map.update(new_pairs)
    return old_map, new_map


def _pairs(
    old_parts: dict[str, frozenset[str]], new_parts: dict[str, frozenset[str]]
) -> tuple[dict[str, str], dict[str, str]]:
    """Counterparts: two parts whose share of common words beats, by ``PART_MARGIN``, what either
    shares with any other part. A word weighs by how few parts hold it (the template every part
    repeats weighs next to nothing; a part's subject most)."""
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
