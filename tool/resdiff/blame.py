"""Word provenance: since which version each word of a clause has stood unchanged.

A clause's text is held as pieces ``(text, since)`` that concatenate to it, ``since`` being the index
of a version. The pieces are carried through each step of a series by that step's redline (the
``diff`` of the record ``resdiff diff`` prints), never by comparing distant versions:

* text the redline keeps keeps its ``since``;
* text the redline inserts dates from the step's new version, except where it is the old text in
  another spelling. A change of case, punctuation, hyphen or quote characters is no change of the
  language: a replaced run whose letters and digits are the same (``redline.editorial_key``) keeps
  the date of what it replaces, and inside any replaced run a word the run deletes and puts back
  (compared case-insensitively, in order) keeps its date. The second rule also recovers the words
  diff-match-patch's semantic cleanup folds into a larger edit ("strong concern regarding" ->
  "grave concern about": "concern" stood);
* a split or merge is redlined over its clauses joined with "\\n" (see ``records``): the joined new
  text's pieces are cut back into clauses at each "\\n".

A restored clause dates from the version that restored it: its words did not stand in the versions
that lacked it. The records here are what ``resdiff blame --format json`` prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from .languages.words import pieces as pieces_of
from .languages.words import words as words_of
from .records import Op
from .redline import editorial_key

Piece = tuple[str, int]  # a stretch of text and the index of the version it has stood since


@dataclass(frozen=True)
class Span:
    text: str
    since: str  # the version from which this text has stood unchanged

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "since": self.since}


@dataclass(frozen=True)
class BlamedClause:
    key: str
    origin: str  # the version where the clause's lineage began
    last_changed: str  # the last version whose step changed it (its origin if none did)
    spans: tuple[Span, ...]  # concatenated: exactly the clause's text
    lineage: str = ""  # the lineage id in ``resdiff history`` of the same versions

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "origin": self.origin,
            "last_changed": self.last_changed,
            "spans": [span.to_json() for span in self.spans],
            "lineage": self.lineage,
        }


@dataclass(frozen=True)
class Blame:
    """The last version of a series, each clause's words dated by the version they stand since."""

    symbol: str
    versions: tuple[str, ...]  # oldest first; the last is ``symbol``
    clauses: tuple[BlamedClause, ...]
    title: str | None = None
    dates: tuple[str | None, ...] = ()  # per version: adopted, or a draft's distribution date
    language: str | None = None  # the series' language (None: English), how the views set its text

    def to_json(self) -> dict[str, Any]:
        return {
            "symbol": self.symbol,
            "versions": list(self.versions),
            "clauses": [clause.to_json() for clause in self.clauses],
            "dates": list(self.dates),
            "language": self.language,
        }


def first_pieces(text: str, version: int) -> list[Piece]:
    """A text that stands from ``version`` on, whole."""
    return [(text, version)] if text else []


def joined(groups: Sequence[Sequence[Piece]]) -> list[Piece]:
    """The pieces of several clauses read as one text joined with "\\n", as a group's redline reads them."""
    result: list[Piece] = []
    for index, pieces in enumerate(groups):
        if index:
            result.append(("\n", -1))  # the separator: never part of a clause
        result.extend(pieces)
    return result


def carry(old: Sequence[Piece], diff: Sequence[Op], version: int, language: str | None = None) -> list[Piece]:
    """The pieces of the redline's new text, given the pieces of its old text (words in LANGUAGE's sense)."""
    taken = _Cursor(old)
    result: list[Piece] = []
    index = 0
    while index < len(diff):
        op, text = diff[index]
        if op == 0:
            result.extend(taken.take(len(text)))
            index += 1
            continue
        deleted: list[Piece] = []
        inserted: list[str] = []
        while index < len(diff) and diff[index][0] != 0:
            op, text = diff[index]
            if op < 0:
                deleted.extend(taken.take(len(text)))
            else:
                inserted.append(text)
            index += 1
        result.extend(_replaced(deleted, "".join(inserted), version, language))
    return result


def split_clauses(pieces: Iterable[Piece], count: int) -> list[list[Piece]]:
    """Pieces of a joined text cut back into ``count`` clauses at each "\\n", adjacent pieces of the
    same date merged."""
    clauses: list[list[Piece]] = [[]]
    for text, since in pieces:
        for number, part in enumerate(text.split("\n")):
            if number:
                clauses.append([])
            if part:
                clauses[-1].append((part, since))
    if len(clauses) != count:
        raise ValueError(f"a group's redline holds {len(clauses)} clauses, not {count}")
    return [merged(c) for c in clauses]


def merged(pieces: Iterable[Piece]) -> list[Piece]:
    result: list[Piece] = []
    for text, since in pieces:
        if not text:
            continue
        if result and result[-1][1] == since:
            result[-1] = (result[-1][0] + text, since)
        else:
            result.append((text, since))
    return result


def tidied(pieces: Iterable[Piece]) -> list[Piece]:
    """Pieces to show: a piece of whitespace alone takes the date of the piece before it (a space
    has no provenance worth a colour of its own), then equal dates merge."""
    result: list[Piece] = []
    for text, since in pieces:
        if result and not text.strip():
            since = result[-1][1]
        result.append((text, since))
    return merged(result)


def word_count(text: str, language: str | None = None) -> int:
    """Words as LANGUAGE has them (a Chinese text segmented), for the stats."""
    return len(words_of(text, language))


class _Cursor:
    """Reads the old pieces from left to right, a given number of characters at a time."""

    def __init__(self, pieces: Sequence[Piece]) -> None:
        self._pieces = pieces
        self._index = 0
        self._offset = 0

    def take(self, size: int) -> list[Piece]:
        taken: list[Piece] = []
        while size > 0:
            if self._index >= len(self._pieces):
                raise ValueError("a redline longer than the text it was made from")
            text, since = self._pieces[self._index]
            part = text[self._offset : self._offset + size]
            taken.append((part, since))
            size -= len(part)
            self._offset += len(part)
            if self._offset >= len(text):
                self._index += 1
                self._offset = 0
        return taken


def _replaced(deleted: Sequence[Piece], inserted: str, version: int, language: str | None) -> list[Piece]:
    """The pieces of a run the redline replaced (see the module's rules)."""
    if not inserted:
        return []
    dates = {since for _, since in deleted if since >= 0}
    if not dates:
        return [(inserted, version)]
    old_text = "".join(text for text, _ in deleted)
    if len(dates) == 1 and editorial_key(old_text) == editorial_key(inserted):
        return [(inserted, dates.pop())]
    old_words = _dated_words(deleted, language)
    tokens = pieces_of(inserted, language)
    since = [version] * len(tokens)
    word_at = [k for k, token in enumerate(tokens) if token[0].isalnum()]
    from difflib import SequenceMatcher  # only steps that replace words pay for it

    old_keys = [word.casefold() for word, _ in old_words]
    matcher = SequenceMatcher(None, old_keys, [tokens[k].casefold() for k in word_at], autojunk=False)
    for old_start, new_start, size in matcher.get_matching_blocks():
        for offset in range(size):
            since[word_at[new_start + offset]] = old_words[old_start + offset][1]
    # what lies between two words of the same date (a space, a comma) shares it
    for before, after in pairwise(word_at):
        if since[before] == since[after] != version:
            for k in range(before + 1, after):
                since[k] = since[before]
    return list(zip(tokens, since, strict=True))


def _dated_words(pieces: Sequence[Piece], language: str | None) -> list[tuple[str, int]]:
    """The words of some pieces, each dated by the piece its first character is in."""
    text = "".join(t for t, _ in pieces)
    starts: list[tuple[int, int]] = []
    offset = 0
    for piece_text, since in pieces:
        starts.append((offset, since))
        offset += len(piece_text)
    words: list[tuple[str, int]] = []
    piece = 0
    at = 0
    for token in pieces_of(text, language):
        if token[0].isalnum():
            while piece + 1 < len(starts) and starts[piece + 1][0] <= at:
                piece += 1
            words.append((token, starts[piece][1]))
        at += len(token)
    return words
