"""What the rounds add to a pair's similarity: nothing for clauses; for footnotes, a bonus where
the clauses citing them pair with each other and a bar where they do not (a footnote follows the
clause it is anchored to)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from ..model import Clause, Resolution

if TYPE_CHECKING:
    from ..align import Group

FOOTNOTE_ANCHOR_BONUS = 0.35  # a footnote cited by clauses that pair with each other
# a footnote cited by clauses that do not pair with each other is another footnote, however alike
# its text ("Treaty Series, vol. 2515" and "vol. 660" cite two treaties): only the same text pairs,
# and not even that when it refers back ("Ibid.")
FOOTNOTE_ELSEWHERE = -1.0


class Bonus(Protocol):
    """What the rounds add to the similarity of a pair of class positions: nothing for clauses,
    the anchor bonus or bar for footnotes (see ``footnote_bonus``). True (as a dict that is not
    empty) for footnotes with anchors."""

    def get(self, key: tuple[int, int], default: float, /) -> float: ...


NO_BONUS: dict[tuple[int, int], float] = {}  # clauses' pairs: nothing added, never changed


class FootnoteBonus:
    """``footnote_bonus``'s values without a table of every pair: the bar falls on all pairs of
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
        all_same = len(texts) == 1 and not refers_back(next(iter(texts)))
        self._any = bool(bonus) or (bool(anchored_old) and bool(anchored_new) and not all_same)

    def get(self, key: tuple[int, int], default: float, /) -> float:
        value = self._bonus.get(key)
        if value is not None:
            return value
        i, j = key
        if i in self._old and j in self._new:
            note = self._old_notes[i].text
            if note != self._new_notes[j].text or refers_back(note):
                return FOOTNOTE_ELSEWHERE
        return default

    def __bool__(self) -> bool:
        return self._any


class WindowBonus:
    """A class's bonus seen from a window of it (positions in the window)."""

    def __init__(self, bonus: Bonus, old: Sequence[int], new: Sequence[int]) -> None:
        self._bonus, self._old, self._new = bonus, old, new
        self._any = bool(bonus)

    def get(self, key: tuple[int, int], default: float, /) -> float:
        return self._bonus.get((self._old[key[0]], self._new[key[1]]), default) if self._any else default

    def __bool__(self) -> bool:
        return self._any


def footnote_bonus(
    old: Resolution,
    new: Resolution,
    groups: Sequence[Group],
    old_notes: list[Clause],
    new_notes: list[Clause],
) -> FootnoteBonus:
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
    return FootnoteBonus(bonus, anchored_old, anchored_new, old_notes, new_notes)


def refers_back(note: str) -> bool:
    """ "Ibid., annex III." names nothing by itself: the same words cite whatever came before."""
    return note.casefold().startswith(("ibid", "id."))
