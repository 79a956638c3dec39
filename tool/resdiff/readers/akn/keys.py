"""Clause keys for the walker's units: parts (``A.``, ``B.``), paragraph numbers, items (``OP3(a)(i)``),
headings and annex text."""

from __future__ import annotations

import re
from itertools import pairwise

from ...normalizer.text import strip_tokens
from .walker import Unit, latin_label

_ITEM_LABEL_RE = re.compile(r"^[\s(]*([^\s()]+?)[\s.)]*$")
_ASCII_LABEL_RE = re.compile(r"^[a-z0-9]+$")
_PREAMBLE_END_RE = re.compile(r"[,،，]\s*$")  # how a preambular paragraph ends, in the six languages
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv")


class Keys:
    """Gives units their clause keys: parts, paragraph numbers, items, headings."""

    def __init__(self, warnings: list[str]) -> None:
        self.warnings = warnings
        self.records: list[list[object]] = []  # [key, text, verb]
        self.prefix = ""
        self.counts: dict[str, int] = {}
        self.last_op = 0
        self.numbers: set[int] = set()
        self.has_op = False
        self.parents: dict[int, str] = {}  # level -> the key items of the next level attach to

    def new_part(self, prefix: str) -> None:
        self.prefix, self.counts, self.last_op, self.numbers, self.has_op = prefix, {}, 0, set(), False
        self.parents = {}
        self.listing: str | None = None  # the paragraph whose list is numbered 1., 2. again
        self.children: dict[str, int] = {}  # how many items each clause has so far

    def _level_of(self, label: str) -> int:
        """The level of an item whose label the markup left in the text: ``(ii)`` under an ``(a)`` is
        the second level, as ``(i)`` is unless it follows ``(h)``; anything else the first."""
        first = self.parents.get(1)
        if first is None or label not in _ROMAN:
            return 1
        if label == "i" and first.endswith("(h)"):
            return 1
        if label in ("v", "x") and first.endswith(f"({chr(ord(label) - 1)})"):
            return 1
        return 2

    def _repeated(self, kind: str, number: int, unit: Unit, annex: bool) -> None:
        """A paragraph number printed again in the same part: the items of a paragraph that ends with a
        colon, numbered 1., 2. (``P7(1)``); in an annex, text of a numbering of its own (a convention's
        articles each numbering their paragraphs), kept with its number as ``T``; else joined to the
        clause before, with a warning (the canonical text must name every clause once)."""
        last = self.records[-1] if self.records else None
        parent = self.parents.get(0)
        opens_list = last is not None and parent == last[0] and strip_tokens(str(last[1])).endswith(":")
        if self.listing is None and opens_list:
            self.listing = parent
        if self.listing is not None:
            key = f"{self.listing}({number})"
            if not any(r[0] == key for r in self.records):
                self._add(key, unit.text)
                self.parents = {0: self.listing, 1: key}
                return
        if annex:
            key = self._next("T")
            self.parents = {}
            self._add(key, f"{number}. {unit.text}")
            return
        self.warnings.append(f"{self.prefix}{kind}{number} appears twice; joined the second to the first")
        self._continue(unit.text)

    def _next(self, kind: str) -> str:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return f"{self.prefix}{kind}{self.counts[kind]}"

    def _add(self, key: str, text: str, verb: str | None = None) -> None:
        self.records.append([key, text, verb])

    def _continue(self, text: str) -> None:
        if self.records:
            self.records[-1][1] = f"{self.records[-1][1]} {text}"
        else:
            self._add(self._next("PP"), text)

    def feed(self, units: list[Unit], annex: bool = False) -> None:
        for unit in units:
            if unit.kind == "PART":
                continue
            if unit.kind == "PP":
                key = self._next("PP")
                self.parents = {0: key}
                self._add(key, unit.text)
            elif unit.kind in ("OP", "P"):
                kind = "P" if annex else "OP"
                number = unit.number
                if number is None:  # the one operative paragraph of its part, printed without "1."
                    number = self.last_op + 1
                if number in self.numbers:
                    self._repeated(kind, number, unit, annex)
                    continue
                self.listing = None
                self.numbers.add(number)
                self.last_op, self.has_op = number, True
                key = f"{self.prefix}{kind}{number}"
                self.parents = {0: key}
                self._add(key, unit.text, unit.verb)
            elif unit.kind == "UNNUMBERED":  # in an annex: unnumbered text
                key = self._next("T")
                self.parents = {}
                self._add(key, unit.text)
            elif unit.kind == "ITEM":
                if unit.level == 0:  # its label was left in the text: its level is the label's
                    unit = unit._replace(level=self._level_of(unit.label or ""))
                parent = self.parents.get(unit.level - 1)
                if parent is None:
                    self._continue(unit.text)
                    continue
                if unit.position < 0:
                    siblings = self.children.get(parent, 0)
                    unit = unit._replace(position=siblings)
                self.children[parent] = self.children.get(parent, 0) + 1
                key = f"{parent}({_item_label(unit)})"
                if any(r[0] == key for r in self.records[-40:]):
                    key = f"{parent}({_positional(unit)})"
                self.parents = {lvl: k for lvl, k in self.parents.items() if lvl < unit.level}
                self.parents[unit.level] = key
                self._add(key, unit.text)
            elif unit.kind == "H":
                self._add(self._next("H"), unit.text)
                self.parents = {}
            elif unit.kind in ("T", "TB"):
                key = self._next(unit.kind)
                self.parents = {}
                self._add(key, unit.text)
            else:  # CONT
                self._continue(unit.text)


def settle_unnumbered(units: list[Unit]) -> list[Unit]:
    """Each paragraph the markup left unnumbered made the resolution's one operative paragraph (``OP``
    without a number: a resolution of one paragraph is printed without its "1.") where no numbered
    operative paragraph stands in its stretch of the body (up to a preamble that opens another part);
    a preambular paragraph (``PP``) where it stands after the preamble and before the first operative
    paragraph and ends as preambular paragraphs do, with a comma (the markup put the preamble's last
    paragraph in the body: Arabic 80/52); else a continuation of the clause before it (``CONT``)."""
    stretches: list[int] = []  # the stretch each unit belongs to
    stretch = 0
    for index, unit in enumerate(units):
        if unit.kind == "PART":
            following = next((u for u in units[index + 1 :] if u.kind in ("PP", "OP")), None)
            stretch += following is not None and following.kind == "PP"
        stretches.append(stretch)
    numbered = {stretches[i] for i, u in enumerate(units) if u.kind == "OP" and u.number is not None}
    taken: set[int] = set()
    settled: list[Unit] = []
    for index, unit in enumerate(units):
        if unit.kind == "UNNUMBERED":
            own = stretches[index]
            before = next((u for u in reversed(settled) if u.kind not in ("H", "PART", "CONT")), None)
            if (
                own in numbered
                and before is not None
                and before.kind == "PP"
                and _PREAMBLE_END_RE.search(strip_tokens(unit.text))
            ):
                unit = unit._replace(kind="PP")
            elif own in numbered or own in taken:
                unit = unit._replace(kind="CONT")
            else:
                taken.add(own)
                unit = unit._replace(kind="OP")
        settled.append(unit)
    return settled


def split_parts(units: list[Unit]) -> list[tuple[str, list[Unit]]]:
    """Split a resolution's units into its parts: a part begins where a division (``section``, a
    second ``preamble``) starts the numbering again or opens a preamble after operative paragraphs,
    together with the headings just before it. Parts are lettered ``A.``, ``B.`` in order (the UN
    numbers them A, B or I, II; keys take a letter); a resolution of one part has no prefix."""
    starts: list[int] = []
    numbers: set[int] = set()
    operative = False
    for index, unit in enumerate(units):
        if unit.kind == "PART":
            following = next((u for u in units[index + 1 :] if u.kind in ("PP", "OP")), None)
            if following is not None and (
                (following.kind == "PP" and operative)
                or (following.kind == "OP" and following.number in numbers)
            ):
                start = index
                while start > 0 and units[start - 1].kind in ("H", "PART"):
                    start -= 1
                starts.append(start)
                numbers, operative = set(), False
        elif unit.kind == "OP":
            numbers.add(unit.number if unit.number is not None else max(numbers, default=0) + 1)
            operative = True
    if not starts:
        return [("", units)]
    bounds = [0, *starts, len(units)]
    segments = [units[a:b] for a, b in pairwise(bounds) if any(u.kind != "PART" for u in units[a:b])]
    return [(f"{letter_of(None, n)}.", segment) for n, segment in enumerate(segments, 1)]


LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def letter_of(label: str | None, ordinal: int) -> str:
    if label and re.fullmatch(r"[A-Z]", label):
        return label
    return chr(ord("A") + (ordinal - 1) % 26)


def _item_label(unit: Unit) -> str:
    match = _ITEM_LABEL_RE.match(unit.label or "")
    label = latin_label(match[1]) if match else ""
    if _ASCII_LABEL_RE.match(label):
        return label
    return _positional(unit)


def _positional(unit: Unit) -> str:
    """An item's label from its place: letters at the first level, roman numerals below (for labels in
    another script, ``(أ)``, ``㈠``, and items marked up without one)."""
    position = max(unit.position, 0)
    if unit.level % 2 == 0 and position < len(_ROMAN):
        return _ROMAN[position]
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


# --- metadata ---------------------------------------------------------------------------------
