"""Plain text copied from a PDF viewer: hard-wrapped lines, no markup.

A paragraph ends at a blank line, at a line clearly shorter than the wrap width (wrapping fills
the others), at a line that ends a clause (``,`` ``;`` ``.`` ``:``) followed by one starting with
a capital, or before a numbered line. A footnote body is a line that starts with the next
footnote number and a space (``1 United Nations, Treaty Series ...``), or with a superscript
number; it runs on over the following lines only while its lines are full (wrapped).
"""

from __future__ import annotations

import re

from ..dates import MONTH_NAMES
from . import SUPERSCRIPT_DIGITS, Block, RawText, split_blocks, superscripts_to_tokens

NAME = "plain-text"
_ITEM_START_RE = re.compile(r"^(?:[0-9]{1,3}\.|\([a-z]{1,4}\))\s")
_NOTE_START_RE = re.compile(rf"^([0-9]{{1,3}}|[{SUPERSCRIPT_DIGITS}]+) ?(?=\S)(?![0-9])(.*)$")
_MONTHS = frozenset(MONTH_NAMES)
_ENDS_CLAUSE = (",", ";", ".", ":")
_FULL = 0.85  # a line at least this share of the widest one was wrapped, so its paragraph goes on


def _note(line: str, expected: int) -> tuple[int, str] | None:
    """The footnote a line starts, if it starts with the next number expected (not ``5 December``)."""
    match = _NOTE_START_RE.match(line)
    if match is None or match[2].split(" ", 1)[0] in _MONTHS:
        return None
    digits = match[1].translate(str.maketrans(SUPERSCRIPT_DIGITS, "0123456789"))
    if digits == match[1] and (line[len(digits) : len(digits) + 1] != " " or int(digits) != expected):
        return None  # bare digits: only ``N text`` with the next N
    return int(digits), match[2]


def _paragraphs(lines: list[str], width: int, notes: list[tuple[int, str]]) -> list[str]:
    """Group hard-wrapped lines into paragraphs, taking footnote bodies out into ``notes``."""
    paragraphs: list[list[str]] = []
    in_note = False
    for line in lines:
        note = _note(line, notes[-1][0] + 1 if notes else 1)
        if note is not None or in_note:
            if note is not None:
                notes.append(note)
            else:
                number, body = notes[-1]
                notes[-1] = (number, f"{body} {line}")
            in_note = len(line) >= _FULL * width
            continue
        previous = paragraphs[-1][-1] if paragraphs else ""
        short = len(previous) < _FULL * width  # wrapping fills lines: a short one ends its paragraph
        ends = short or (previous.endswith(_ENDS_CLAUSE) and line[:1].isupper())
        if not paragraphs or ends or _ITEM_START_RE.match(line):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return ["\n".join(p) for p in paragraphs]


def read(text: str) -> RawText:
    width = max((len(line.strip()) for line in text.splitlines()), default=0)
    notes: list[tuple[int, str]] = []
    blocks: list[Block] = []
    for block in split_blocks(text):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        blocks += [Block(superscripts_to_tokens(p)) for p in _paragraphs(lines, width, notes)]
    return RawText(reader=NAME, blocks=tuple(blocks), footnotes=tuple(notes), bare_markers=True)
