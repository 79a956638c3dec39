"""Clauses of one section (main body, part, annex) built from units in reading order: numbering,
items, headings, and the page-break continuations the punctuation reveals."""

from __future__ import annotations

import re

from ..readers import opens_preambular_paragraph
from .text import (
    ANNEX_INLINE_NUMBER_RE,
    INLINE_NUMBER_RE,
    ITEM_RE,
    NUMBERED_RE,
    ends_clause,
    excerpt,
    without_trailing_tokens,
)


class Record:
    """A clause being built: its key, text so far, and the italic verb the source gave it.

    This and ``Unit`` are plain mutable classes, not dataclasses: they are compared only by
    identity and never printed, and defining a dataclass costs every run time at import."""

    __slots__ = ("emphasis", "key", "text")

    def __init__(self, key: str, text: str, emphasis: str | None = None) -> None:
        self.key = key
        self.text = text
        self.emphasis = emphasis


class Unit:
    """A paragraph, or the start of one, as the layout gives it; or a table (``table``: its text is the
    table clause's, ``model.table_text``)."""

    __slots__ = ("emphasis", "table", "text")

    def __init__(self, text: str, emphasis: str | None = None, table: bool = False) -> None:
        self.text = text
        self.emphasis = emphasis
        self.table = table


class Section:
    """Builds the clauses of one section (main body, part, annex) from units in reading order."""

    def __init__(self, prefix: str, annex: bool, warnings: list[str], openers_known: bool = False) -> None:
        self.prefix = prefix  # "" for the main body, "A." for a part, "ANNEX." for an annex
        # whether the preambular paragraphs open with English participles and adjectives ("Recalling",
        # "Mindful"), so that a paragraph opening otherwise is recognised as one that goes on (only for a
        # text without layout: a PDF's layout says where its paragraphs start)
        self.openers_known = openers_known
        self.annex = annex
        self.warnings = warnings
        self.records: list[Record] = []
        self.operative = False
        self.last_number = 0  # of the last operative/annex paragraph, printed or given
        self.printed = 0  # the last number the source printed
        self.pending: list[Record] = []  # unnumbered paragraphs since then
        self.counts: dict[str, int] = {}
        self.paragraph: str | None = None  # key of the paragraph that items attach to
        self.letter: str | None = None
        self.lost_letters = False

    def _label(self) -> str:
        return "annex" if self.annex else ("part " + self.prefix.rstrip(".") if self.prefix else "main body")

    def _next(self, kind: str) -> str:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return f"{kind}{self.counts[kind]}"

    def add_heading(self, text: str) -> None:
        """A part's title: a heading of its own, ``A.H1``."""
        self._add(self._next("H"), text)

    def _add(self, key: str, text: str, emphasis: str | None = None) -> None:
        self.records.append(Record(self.prefix + key, text, emphasis))

    def _open(self) -> bool:
        """Whether the last clause has not ended yet (so the next block continues it)."""
        if not self.records or self.records[-1].key[len(self.prefix) :].startswith(("H", "TB")):
            return False
        return not ends_clause(self.records[-1].text)

    def feed(self, unit: Unit) -> None:
        if unit.table:  # a table stands where it is printed: it numbers nothing and continues nothing
            self._settle(continues=False)
            self._add(self._next("TB"), unit.text)
            self.paragraph, self.lost_letters = None, False
            return
        for piece in self._split_inline(unit):
            self._feed_one(piece)

    def _split_inline(self, unit: Unit) -> list[Unit]:
        """Split paragraphs the extraction ran together (``development.2 2. We acknowledge``) at
        the next number expected (in an annex, also the one after: ``commitments 3. We gather``)."""
        pieces: list[Unit] = []
        text, emphasis = unit.text, unit.emphasis
        while self.operative or self.annex or not self.records or self._numbered(text) is None:
            expected = {str(n) for n in self._expected_after(text)}
            if not (self.operative or self.annex or expected == {"1"}):
                break
            at = _inline_number(text[1:], expected, self.annex)
            if at is None:
                break
            cut = at + 1
            pieces.append(Unit(text[:cut], emphasis))
            text, emphasis = text[cut:].lstrip(), None
        pieces.append(Unit(text, emphasis))
        return pieces

    def _expected_after(self, text: str) -> set[int]:
        """Numbers the next numbered paragraph may carry, once ``text`` (maybe numbered) is read."""
        numbered = self._numbered(text)
        if numbered and int(numbered[1]) > self.printed:
            return {int(numbered[1]) + 1, *((int(numbered[1]) + 2,) if self.annex else ())}
        candidates = {self.printed + 1, self.last_number + 1}
        return candidates | ({self.last_number + 2} if self.annex else set())

    def _numbered(self, text: str) -> re.Match[str] | None:
        """The printed number a unit starts with; four digits only where it is the next one."""
        numbered = NUMBERED_RE.match(text)
        if numbered and len(numbered[1]) == 4 and int(numbered[1]) != self.printed + 1:
            return None
        return numbered

    def _feed_one(self, unit: Unit) -> None:
        text = unit.text
        numbered = self._numbered(text)
        if (
            numbered
            and (number := int(numbered[1])) > self.printed
            and (self.operative or self.annex or number == 1 or not self.records)
        ):
            self._fit_pending(number)
            self._settle(continues=number == self.printed + 1)
            if number != self.last_number + 1:
                self.warnings.append(
                    f"{self._label()}: paragraph {number} follows paragraph {self.last_number} "
                    "(numbering gap)"
                )
            last = self.records[-1] if self.records else None
            local = last.key[len(self.prefix) :] if last else ""
            if last and local.startswith("PP") and "(" not in local and self._looks_like_heading(last.text):
                last.key = self.prefix + self._next("H")  # a heading over the operative part
                self.counts["PP"] -= 1
            self.operative = True
            self.last_number = self.printed = number
            key = f"{'P' if self.annex else 'OP'}{number}"
            self._add(key, numbered[2], unit.emphasis)
            self.paragraph, self.letter, self.lost_letters = key, None, False
            return
        item = ITEM_RE.match(text)
        if item and self.paragraph is not None:
            self._add_item(item[1], item[2])
            return
        if self.records and (self._open() or (not text[:1].isupper() and not text[:1].isdigit())):
            self.records[-1].text += " " + text
            return
        previous = self.records[-1].text if self.records else ""
        previous = without_trailing_tokens(previous)
        list_goes_on = self.annex and previous.endswith(";") and without_trailing_tokens(text).endswith(";")
        if self.paragraph is not None and (
            previous.endswith(":")
            or list_goes_on
            or (self.lost_letters and not self._looks_like_heading(text))
        ):
            self._add_lost_item(text)
            return
        annex_title = self.annex and not self.records and not ends_clause(text)
        if annex_title or (self._looks_like_heading(text) and (self.operative or self.annex)):
            self._settle(continues=False)
            self._add(self._next("H"), text)
            self.paragraph, self.lost_letters = None, False
            return
        if self.annex:
            self._add(self._next("T"), text)
            self.pending.append(self.records[-1])
            self.paragraph, self.lost_letters = None, False
        elif self.operative:
            self.last_number += 1
            key = f"OP{self.last_number}"
            self._add(key, text, unit.emphasis)
            self.pending.append(self.records[-1])
            self.paragraph, self.letter, self.lost_letters = key, None, False
        else:
            if self._goes_on_after_page_break(text):
                self.records[-1].text += " " + text
                return
            key = self._next("PP")
            self._add(key, text)
            self.paragraph, self.letter, self.lost_letters = key, None, False

    def _goes_on_after_page_break(self, text: str) -> bool:
        """Whether a block that starts with a capital goes on with the preambular paragraph before it
        ("... Development, Production," then "Stockpiling and Use of ..." on the next page): where the
        preambular paragraphs open as English ones do, one that does not, and goes on with a name (the
        words after its first in title case: "Stockpiling and Use of"), is the same paragraph; one that
        reads on as a sentence ("Ever mindful that, ...") opens another."""
        if not self.openers_known or not self.records:
            return False
        last = self.records[-1]
        local = last.key[len(self.prefix) :]
        return (
            local.startswith("PP")
            and "(" not in local
            and without_trailing_tokens(last.text).endswith(",")
            and not opens_preambular_paragraph(text, strict=False)
            and not self._looks_like_heading(text)
            and _goes_on_with_a_name(text)
        )

    def _fit_pending(self, number: int) -> None:
        """Unnumbered operative paragraphs numbered by guess must leave room for the number printed
        next: more of them than the gap holds were one paragraph broken up (its number on a line of
        its own, then its text), so the extra ones join the last one that fits."""
        room = number - self.printed - 1
        pending = self.pending
        first = len(self.records) - len(pending)
        if self.annex or room < 1 or len(pending) <= room or self.records[first:] != pending:
            return
        keep, extra = pending[room - 1], pending[room:]
        joined = " ".join(record.text for record in extra)
        printed = (
            re.fullmatch(r"[0-9]{1,4}\.", keep.text) is not None
        )  # the number set apart: its text follows
        if printed:
            keep.text, keep.emphasis = joined, extra[0].emphasis
        else:
            keep.text += " " + joined
        del self.records[len(self.records) - len(extra) :]
        self.pending = pending[: room - 1] if printed else pending[:room]
        self.last_number = self.printed + room

    def _settle(self, continues: bool) -> None:
        """Decide what the unnumbered paragraphs since the last printed number were: its text going
        on after a page break (when the numbering then goes on without a gap), or paragraphs whose
        number the extraction lost (operative ones get the next numbers, with a warning)."""
        pending, self.pending = self.pending, []
        if not pending:
            return
        first = len(self.records) - len(pending)
        target = self.records[first - 1] if first > 0 else None
        heading = target is None or target.key[len(self.prefix) :].startswith("H")
        if continues and not heading and self.records[first:] == pending and target is not None:
            target.text += "".join(" " + record.text for record in pending)
            del self.records[first:]
            if self.annex:
                self.counts["T"] -= len(pending)
            self.last_number = self.printed
            self.paragraph = target.key[len(self.prefix) :].split("(")[0]
            return
        for record in pending if not self.annex else []:
            number = record.key[len(self.prefix) + 2 :]
            self.warnings.append(
                f"{self._label()}: an operative paragraph has no number; numbered it {number} "
                f"({excerpt(record.text)})"
            )

    def finish(self) -> list[Record]:
        """Settle what is pending; a body without numbered paragraphs: its closing sentences are
        operative, not preambular."""
        if self.pending:
            first = len(self.records) - len(self.pending)
            final = first > 0 and without_trailing_tokens(self.records[first - 1].text).endswith(".")
            self._settle(continues=final and not self.annex)
        if self.operative or self.annex:
            return self.records
        tail = 0
        while tail < len(self.records) and without_trailing_tokens(self.records[-1 - tail].text).endswith(
            (";", ".")
        ):
            tail += 1
        if tail:
            self.warnings.append(
                f"{self._label()}: no numbered operative paragraph; took the last {tail} paragraph(s), "
                "which end like operative ones, as operative paragraphs"
            )
            first = len(self.records) - tail
            for number, record in enumerate(self.records[first:], 1):
                record.key = f"{self.prefix}OP{number}"
            preambular = [r for r in self.records[:first] if "(" not in r.key]
            renumbered = {r.key: f"{self.prefix}PP{i}" for i, r in enumerate(preambular, 1)}
            for record in self.records[:first]:
                head, paren, items = record.key.partition("(")
                record.key = renumbered.get(head, head) + paren + items
        return self.records

    @staticmethod
    def _looks_like_heading(text: str) -> bool:
        short = len(text) < 160 and len(text.split()) <= 18
        return short and not ends_clause(text) and (text[:1].isupper() or text[:1].isdigit())

    def _add_item(self, label: str, text: str) -> None:
        self._settle(continues=False)
        roman = re.fullmatch(r"[ivxl]+", label) is not None
        next_letter = chr(ord(self.letter) + 1) if self.letter and len(self.letter) == 1 else None
        assert self.paragraph is not None
        if roman and self.letter is not None and label != next_letter:
            key = f"{self.paragraph}({self.letter})({label})"
        else:
            key = f"{self.paragraph}({label})"
            self.letter = label
        if any(r.key == self.prefix + key for r in self.records):
            self.records[-1].text += f" ({label}) {text}"
            self.warnings.append(f"{self._label()}: item ({label}) appears twice under {self.paragraph}")
            return
        self._add(key, text)

    def _add_lost_item(self, text: str) -> None:
        self._settle(continues=False)
        assert self.paragraph is not None
        letter = "a" if self.letter is None else chr(ord(self.letter[-1]) + 1)
        if not self.lost_letters:
            self.warnings.append(
                f"{self._label()}: the items of {self.paragraph} have no (a), (b) markers; lettered in order"
            )
        self.lost_letters = True
        self.letter = letter
        self._add(f"{self.paragraph}({letter})", text)


def _goes_on_with_a_name(text: str) -> bool:
    """Whether the words after a block's first are a name in title case: capitalised, but for short
    words between ("Stockpiling and Use of Chemical Weapons"), not a sentence ("Ever mindful that")."""
    words = text.split(None, 4)[1:4]
    return any(w[:1].isupper() for w in words) and all(w[:1].isupper() or len(w) <= 3 for w in words)


def _inline_number(text: str, expected: set[str], annex: bool) -> int | None:
    """Where the first paragraph number in ``expected`` starts a new paragraph inside ``text``.

    One fixed pattern and a set lookup, not a pattern per expected number: each such pattern
    would be compiled anew (the numbers change with every paragraph)."""
    pattern = ANNEX_INLINE_NUMBER_RE if annex else INLINE_NUMBER_RE
    match = pattern.search(text)
    while match is not None and match[2] not in expected:
        match = pattern.search(text, match.start(1))
    return None if match is None else match.start(1)
