"""Plain text copied from a PDF viewer or extracted from a PDF: hard-wrapped lines, no markup.

Page furniture and the footnotes at page feet are taken out first (``pages``). Then the text is read
in one of two ways:

* where blank lines part the paragraphs (a PDF extraction such as PyMuPDF's), a blank-line block is a
  paragraph, unless a numbered line, a footnote body, or a line opening a preambular paragraph after
  one ending a clause (``...,`` then ``Convinced that ...``) starts another inside it;
* otherwise (a viewer's copy), a paragraph also ends at a line clearly shorter than the wrap width
  (wrapping fills the others), and at a line that ends a clause followed by one starting with a
  capital.

A table keeps its layout in such a text only where each row is a line whose cells runs of spaces (or
tabs) part, as ``pdftotext -layout`` or a viewer's copy gives it: a block of two or more such lines,
all cut into the same number of cells, each row after the first holding a figure (the tables
resolutions hold are of figures: a scale, a budget), is read as the PDF reader reads a table, a row a
line in the Markdown form. A text giving a cell a line (PyMuPDF's ``get_text``) keeps no columns: where
a row ends is not in it.

A footnote body is a line that starts with the next footnote number and a space (``1 United Nations,
Treaty Series ...``), or with a superscript number; it runs on over the following lines only while
its lines are full (wrapped).
"""

from __future__ import annotations

import re

from ..languages import MONTH_NAMES
from . import (
    FULL,
    NUMBERED_LINE_RE,
    SUPERSCRIPT_DIGITS,
    Block,
    RawText,
    ends_clause,
    opens_preambular_paragraph,
    split_blocks,
    superscripts_to_tokens,
)
from .pages import full_width, take_out_pages

NAME = "plain-text"
_NOTE_START_RE = re.compile(rf"^([0-9]{{1,3}}|[{SUPERSCRIPT_DIGITS}]+) ?(?=\S)(?![0-9])(.*)$")
_MONTHS = frozenset(MONTH_NAMES)
_CELL_GAP_RE = re.compile(r" {2,}|\t+")  # what parts a laid-out row's cells
_FIGURE_RE = re.compile(r"\(?[0-9][0-9 .,]*\)?[a-z]?|[–—-]")  # 0.006, 1 250 300, (107 700), a dash
_PARAGRAPH_BLOCKS = 0.6  # this share of multi-line blocks ending a clause: blank lines part paragraphs


def _note(line: str, expected: int) -> tuple[int, str] | None:
    """The footnote a line starts, if it starts with the next number expected (not ``5 December``)."""
    match = _NOTE_START_RE.match(line)
    if match is None or match[2].split(" ", 1)[0] in _MONTHS:
        return None
    digits = match[1].translate(str.maketrans(SUPERSCRIPT_DIGITS, "0123456789"))
    if digits == match[1] and (line[len(digits) : len(digits) + 1] != " " or int(digits) != expected):
        return None  # bare digits: only ``N text`` with the next N
    return int(digits), match[2].strip()


def _paragraphs(
    lines: list[str], width: float, notes: list[tuple[int, str]], by_blank_lines: bool
) -> list[str]:
    """Group one block's hard-wrapped lines into paragraphs, taking footnote bodies out into ``notes``."""
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
            in_note = len(line) >= FULL * width
            continue
        previous = paragraphs[-1][-1] if paragraphs else ""
        if by_blank_lines:
            ends = ends_clause(previous) and opens_preambular_paragraph(line)
        else:
            short = len(previous) < FULL * width  # wrapping fills lines: a short one ends its paragraph
            ends = short or (ends_clause(previous) and line[:1].isupper())
        if not paragraphs or ends or NUMBERED_LINE_RE.match(line):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return ["\n".join(p) for p in paragraphs]


def _laid_out_rows(lines: list[str]) -> list[list[str]] | None:
    """A block laid out as a table of figures (see above), as rows of cells; None for any other."""
    if len(lines) < 2:
        return None
    rows = [[cell.replace("|", "/") for cell in _CELL_GAP_RE.split(line)] for line in lines]
    if len({len(row) for row in rows}) != 1 or len(rows[0]) < 2:
        return None
    figures = all(any(_FIGURE_RE.fullmatch(cell) for cell in row[1:]) for row in rows[1:])
    return rows if figures else None


def _parted_by_blank_lines(blocks: list[list[str]]) -> bool:
    """Whether blank lines part the paragraphs: most blocks of several lines end as a clause does."""
    long = [lines for lines in blocks if len(lines) > 1]
    return len(long) >= 3 and sum(ends_clause(lines[-1]) for lines in long) >= _PARAGRAPH_BLOCKS * len(long)


def read(text: str) -> RawText:
    text, notes = take_out_pages(text)
    blocks = [[line.strip() for line in block.splitlines() if line.strip()] for block in split_blocks(text)]
    width = full_width([line for lines in blocks for line in lines])
    by_blank_lines = _parted_by_blank_lines(blocks)
    out: list[Block] = []
    for lines in blocks:
        if all(line[:1] == "|" == line[-1:] for line in lines):  # a table, a row a line: one block
            out.append(Block(superscripts_to_tokens("\n".join(lines))))
            continue
        rows = _laid_out_rows(lines)
        if rows is not None:
            out.append(Block("\n".join("| " + " | ".join(row) + " |" for row in rows)))
            continue
        out += [Block(superscripts_to_tokens(p)) for p in _paragraphs(lines, width, notes, by_blank_lines)]
    return RawText(reader=NAME, blocks=tuple(out), footnotes=tuple(notes), bare_markers=True)
