"""The layout of a PDF's pages -> raw blocks, footnotes and front-page text, from where each character
sits, how big it is and which font it is in (any PDF library can supply the ``Glyph`` records).

What the layout says, and how it is read:

* Body text is the document's most common type size. A line is the characters sharing a baseline;
  smaller characters raised above it (superscripts) are footnote markers, written ``[^n]``.
* Page furniture is dropped: running heads (smaller type above a page's first body line), page
  numbers (``2/6``), job numbers (``25-19990 (E)``) and bar codes (``*2519990*``) at the page foot.
  The front page's masthead (symbol, "Distr.: General" and its date, session, agenda item, ...) stays:
  the normalizer reads the metadata from it.
* Footnotes are the smaller type under a rule (a line of underscores) at a page's foot; each starts
  with its (raised) number; a footnote without a number at the top of a page's notes goes on from the
  previous page.
* A paragraph starts after extra space between lines, on a printed number (``1.``, ``(a)``), or on an
  indented line; a number set apart from its text on the same line joins it. A paragraph broken by a
  page goes on where the next page's first line is not indented and the text so far has not ended.
* The italic words that open a paragraph (after its number) are its emphasis: an operative verb.
* A table is two or more rows in a row (after the body heading) whose text a wide gap parts into
  cells (``_COLUMN_GAP``): one block, a row a line, ``| cell | cell |`` (the Markdown form, which the
  normalizer reads as a table clause whatever the reader).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise
from operator import attrgetter
from typing import NamedTuple

from . import NUMBERED_LINE_RE, Block, RawText, ends_clause, is_page_furniture

_WORD_GAP = 0.2  # a gap wider than this share of the type size, with no space drawn, is a space
_RAISED = 0.2  # a glyph whose bottom sits this share of its line's size above the line's bottom is raised
_SMALL = 0.85  # a glyph this much smaller than its line's type is a superscript when raised
_COLUMN_GAP = 3.0  # a gap this many times the type size splits a row into separate lines (columns)
_MAX_PITCH = 1.25  # lines of one paragraph are set at most this many type sizes apart (UN: 12 pt for 10 pt)
_PARAGRAPH_GAP = 1.3  # a line pitch this many times the usual one: a new paragraph
_INDENT = 0.6  # an indent of this share of the type size: a paragraph's first line
_RUNNING_HEAD_BAND = 0.15  # running heads sit in this share of the page height from its top
_FOOT_BAND = 0.12  # page numbers and job numbers sit in this share from its bottom

_RULE_RE = re.compile(r"^[_‗━─—–-]{5,}$")
_HEADING_RE = re.compile(r"^(?:E?S-)?[0-9]{1,3}/[0-9]{1,4}\.(?:\s|$)")
_TRAILING_MARKERS_RE = re.compile(r"(?:\[\^[0-9]+\])+$")
_NUMBER_RE = re.compile(r"^(?:[0-9]{1,4}\.|\([a-z]{1,4}\)|\([ivxl]+\))$")


class Glyph(NamedTuple):
    """One drawn character: PDF coordinates in points, y growing upwards (the loose box: every glyph
    of one font and size on one baseline has the same bottom and top)."""

    char: str
    left: float
    bottom: float
    right: float
    top: float
    size: float
    italic: bool = False
    bold: bool = False


class Page(NamedTuple):
    width: float
    height: float
    glyphs: tuple[Glyph, ...]


class _Line(NamedTuple):
    """A line of text as laid out: its pieces of text in reading order, with where it sits."""

    text: str  # superscript markers as ``[^n]`` tokens
    left: float
    right: float
    bottom: float
    top: float
    size: float  # the line's type size (of its largest characters)
    lead: str  # the italic words the line opens with (after a printed number)
    number: str  # a printed number set apart at the line's start (``2.``, ``(a)``), else ""
    markers: int  # superscript markers in it
    bold: bool  # set in bold type (a heading's lines)


def read_pages(pages: Sequence[Page]) -> RawText:
    """Blocks (paragraphs as laid out), footnotes and notices from a document's pages."""
    body_size = _body_size(pages)
    blocks: list[Block] = []
    footnotes: list[tuple[int, str]] = []
    page_lines = [_lines(page.glyphs, body_size) for page in pages]
    margin = _Margins.of(page_lines, body_size)
    zones = [
        _zones(lines, page, body_size, front=number == 0)
        for number, (page, lines) in enumerate(zip(pages, page_lines, strict=True))
    ]
    pitch = _line_pitch([body for body, _ in zones], body_size)
    last: _Line | None = None  # the last body line of the pages so far
    raised = any(line.text.startswith("[^") for _, notes in zones for line in notes)
    headed = False  # whether the body heading ("80/52. Title") has been seen: no table before it
    for body, notes in zones:
        _add_notes(notes, footnotes, raised)
        start = (
            0 if headed else next((i for i, line in enumerate(body) if _HEADING_RE.match(line.text)), None)
        )
        headed = start is not None
        _add_paragraphs(body, blocks, pitch, margin, last, start if start is not None else len(body))
        last = body[-1] if body else last
    markers = sum(line.markers for lines in page_lines for line in lines)
    return RawText(
        reader="pdf",
        blocks=tuple(blocks),
        footnotes=tuple(footnotes),
        bare_markers=not markers,
        laid_out=True,
    )


def _body_size(pages: Sequence[Page]) -> float:
    """The most common type size, by characters drawn: the body text's."""
    sizes = Counter(round(g.size * 2) / 2 for page in pages for g in page.glyphs if not g.char.isspace())
    if not sizes:
        return 10.0
    return sizes.most_common(1)[0][0]


class _Margins(NamedTuple):
    """Where most body lines start and end: the text's edges (first lines are indented from the left
    one; justified lines reach the right one; a heading is centred between them)."""

    left: float
    right: float

    @classmethod
    def of(cls, pages: Sequence[list[_Line]], body_size: float) -> _Margins:
        starts: Counter[float] = Counter()
        ends: Counter[float] = Counter()
        for lines in pages:
            for line in lines:
                if abs(line.size - body_size) < 0.5:
                    starts[round(line.left)] += 1
                    ends[round(line.right)] += 1
        if not starts:
            return cls(0.0, 10_000.0)
        # the left edge: the leftmost of the common starts (a short text may have as many indented first
        # lines as lines at the edge; the masthead's few lines further left are not common); the right
        # edge: where most lines end (justified)
        most = max(starts.values())
        common = [x for x, count in starts.items() if count >= max(2, most / 4)] or list(starts)
        return cls(float(min(common)), float(ends.most_common(1)[0][0]))

    def indented(self, line: _Line) -> bool:
        return line.left > self.left + _INDENT * line.size

    def centred(self, line: _Line) -> bool:
        return self.indented(line) and line.right < self.right - _INDENT * line.size


# --- lines ---------------------------------------------------------------------------------------


def _lines(glyphs: Iterable[Glyph], body_size: float) -> list[_Line]:
    """Glyphs -> lines, top of the page first; raised small glyphs join the line they sit on."""
    rows: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (-g.bottom, g.left)):
        if rows and abs(rows[-1][0].bottom - glyph.bottom) <= 0.25 * max(glyph.size, 1.0):
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    rows = _attach_raised(rows)
    pieces = [piece for row in rows for piece in _columns(row)]
    lines = [_line(piece) for piece in pieces if any(not g.char.isspace() for g in piece)]
    return [line for line in lines if line.text]


def _columns(row: list[Glyph]) -> list[list[Glyph]]:
    """A row split where a wide gap parts its text: the masthead's two sides, a page number and a job
    number at the foot, table columns."""
    size = _row_size(row) or 1.0
    columns: list[list[Glyph]] = []
    right = None
    for glyph in sorted(row, key=_left):
        if right is None or glyph.left - right > _COLUMN_GAP * size:
            columns.append([glyph])
        else:
            columns[-1].append(glyph)
        right = glyph.right if right is None or glyph.char.isspace() is False else max(right, glyph.right)
    return columns


_left = attrgetter("left")  # a glyph's left edge, the sort key of a row


def _row_size(row: list[Glyph]) -> float:
    return max((g.size for g in row if not g.char.isspace()), default=0.0)


def _attach_raised(rows: list[list[Glyph]]) -> list[list[Glyph]]:
    """A row of small glyphs that sits inside a larger row's height belongs to that row (superscripts).

    Each row's type size and top are kept beside it (and updated when a row joins it) rather than
    asked again of its glyphs for both its neighbours: asking made this a tenth of reading a PDF."""
    sizes = [_row_size(row) for row in rows]
    tops = [max(g.top for g in row) for row in rows]
    kept: list[list[Glyph]] = []
    for index, row in enumerate(rows):
        size = sizes[index]
        host = None
        for other in (index - 1, index + 1):
            if other < 0 or other >= len(rows) or not size or sizes[other] * _SMALL <= size:
                continue
            if rows[other][0].bottom < row[0].bottom < tops[other]:
                host = other
                break
        if host is not None:
            rows[host].extend(row)
            sizes[host] = max(sizes[host], size)
            tops[host] = max(tops[host], tops[index])
        else:
            kept.append(row)
    return kept


def _line(row: list[Glyph]) -> _Line:
    size = _row_size(row)
    small, raised_by, word_gap = _SMALL * size, _RAISED * size, _WORD_GAP * size  # once, not per glyph
    bottom = min(g.bottom for g in row if g.size >= small)
    glyphs = sorted(row, key=_left)
    pieces: list[str] = []
    marker: list[str] = []
    markers = 0
    previous: Glyph | None = None
    italic: list[bool] = []
    for glyph in glyphs:
        char = glyph.char
        if glyph.size < small and glyph.bottom - bottom > raised_by and char.isdigit():  # raised
            marker.append(char)
            previous = glyph
            continue
        if marker:
            pieces.append(f"[^{int(''.join(marker))}]")
            markers += 1
            marker = []
        if char.isspace():
            if pieces and pieces[-1] != " ":
                pieces.append(" ")
                italic.append(italic[-1] if italic else False)
            previous = glyph
            continue
        gap = glyph.left - previous.right if previous is not None else 0.0
        if pieces and pieces[-1] != " " and gap > word_gap:
            pieces.append(" ")
            italic.append(italic[-1] if italic else False)
        pieces.append(char)
        italic.append(glyph.italic)
        previous = glyph
    if marker:
        pieces.append(f"[^{int(''.join(marker))}]")
        markers += 1
    text = "".join(pieces).strip()
    number = ""
    first_word = text.split(" ", 1)[0]
    if _NUMBER_RE.match(first_word) and " " in text:
        number = first_word
    lead = _italic_lead(pieces, italic, number)
    drawn = [g for g in glyphs if not g.char.isspace()]
    left = min(g.left for g in drawn)
    right = max(g.right for g in drawn)
    top = max(g.top for g in glyphs)
    bold = sum(g.bold for g in drawn) * 2 > len(drawn)
    return _Line(text, left, right, bottom, top, size, lead, number, markers, bold)


def _italic_lead(pieces: list[str], italic: list[bool], number: str) -> str:
    """The italic words a line opens with, after its printed number (an operative verb phrase)."""
    chars = [(p, i) for p, i in zip((p for p in pieces if not p.startswith("[^")), italic, strict=False)]
    text = "".join(c for c, _ in chars)
    start = len(text) - len(text.lstrip())
    if number:
        start = text.index(number) + len(number)
        while start < len(chars) and chars[start][0] == " ":
            start += 1
    end = start
    while end < len(chars) and (chars[end][1] or (chars[end][0] == " " and end > start)):
        end += 1
    return "".join(c for c, _ in chars[start:end]).strip()


# --- zones ---------------------------------------------------------------------------------------


def _is_furniture(line: _Line) -> bool:
    return is_page_furniture(line.text) or is_page_furniture(line.text.replace(" ", ""))


def _zones(lines: list[_Line], page: Page, body_size: float, front: bool) -> tuple[list[_Line], list[_Line]]:
    """A page's body lines and its footnote lines, page furniture left out."""
    is_body = [abs(line.size - body_size) < 0.75 for line in lines]
    first_body = next((i for i, b in enumerate(is_body) if b), len(lines))
    body: list[_Line] = []
    notes: list[_Line] = []
    in_notes = False
    for index, line in enumerate(lines):
        if _is_furniture(line):
            continue
        near_top = line.bottom > page.height * (1 - _RUNNING_HEAD_BAND)
        if not front and index < first_body and near_top and line.size < body_size:
            continue  # running head: symbol and title in smaller type above the page's text
        near_foot = line.top < page.height * _FOOT_BAND
        if _RULE_RE.match(line.text.replace(" ", "")):
            in_notes = True
            continue
        if in_notes:
            if near_foot and not line.text[:1].isdigit() and line.size < 0.8 * body_size:
                continue
            notes.append(line)
        elif line.size < 0.9 * body_size and near_foot and not front:
            continue  # foot furniture in small type
        else:
            body.append(line)
    return body, notes


def _add_notes(lines: list[_Line], footnotes: list[tuple[int, str]], raised: bool) -> None:
    """Footnote lines -> numbered bodies (a note going on from the previous page joins its body).

    A note starts with its number: raised, where the document raises its note numbers (then a line
    that starts with a plain number, "2 (A/79/2), para. 5.", goes on with the note before it), else
    the next number, set at the notes' left edge (a note's further lines hang further in)."""
    edge = min((line.left for line in lines), default=0.0)
    for line in lines:
        match = re.match(r"^\[\^([0-9]+)\]\s*(.*)$", line.text) or re.match(
            r"^([0-9]{1,3})\s+(\S.*)$", line.text
        )
        expected = footnotes[-1][0] + 1 if footnotes else 1
        plain = match is not None and not line.text.startswith("[^")
        if plain and (raised or line.left > edge + _INDENT * line.size / 2):
            match = None
        if match and (int(match[1]) == expected or line.text.startswith("[^")):
            footnotes.append((int(match[1]), match[2].strip()))
        elif footnotes:
            number, body = footnotes[-1]
            joined = (
                body + line.text if body.endswith("-") and body[-2:-1].isalpha() else f"{body} {line.text}"
            )
            footnotes[-1] = (number, joined)


# --- paragraphs ----------------------------------------------------------------------------------


def _line_pitch(pages: Sequence[list[_Line]], body_size: float) -> float:
    """The distance between the baselines of a paragraph's lines: the smallest common one (the space
    between paragraphs makes the other common one)."""
    pitches = Counter(
        round(above.bottom - below.bottom)
        for lines in pages
        for above, below in pairwise(lines)
        if abs(above.size - body_size) < 0.5
        and abs(below.size - body_size) < 0.5
        and above.bottom - below.bottom >= 0.9 * body_size
    )
    if not pitches:
        return 1.2 * body_size
    most = max(pitches.values())
    common = min(pitch for pitch, count in pitches.items() if count * 4 >= most)
    return float(
        min(common, _MAX_PITCH * body_size)
    )  # a text of few lines may show only its paragraphs' pitch


def _table_rows(lines: list[_Line], start: int) -> dict[int, int]:
    """Where the tables of a page's body lines are: the index of each table's first line -> the index
    after its last. A table's row is the lines sharing a baseline (cells parted by a wide gap)."""
    rows: list[list[int]] = []
    for index in range(start, len(lines)):
        if rows and abs(lines[rows[-1][0]].bottom - lines[index].bottom) < 1.0:
            rows[-1].append(index)
        else:
            rows.append([index])
    tables: dict[int, int] = {}
    run: list[list[int]] = []
    for row in [*rows, []]:
        if len(row) >= 2:
            run.append(row)
            continue
        if len(run) >= 2:
            tables[run[0][0]] = run[-1][-1] + 1
        run = []
    return tables


def _table_block(lines: list[_Line]) -> Block:
    """A table's lines as one block: a row a line, ``| cell | cell |``."""
    grouped: list[list[_Line]] = []
    for line in lines:
        if grouped and abs(grouped[-1][0].bottom - line.bottom) < 1.0:
            grouped[-1].append(line)
        else:
            grouped.append([line])
    text = "\n".join("| " + " | ".join(c.text.replace("|", "/") for c in row) + " |" for row in grouped)
    return Block(text)


def _add_paragraphs(
    lines: list[_Line],
    blocks: list[Block],
    pitch: float,
    margin: _Margins,
    last: _Line | None,
    body_start: int = 0,
) -> None:
    """One page's body lines -> paragraphs, appended to ``blocks`` (the first may go on from the last,
    whose last line, ``last``, ended the page before); tables (after ``body_start``) as table blocks."""
    current: list[_Line] = []
    first_of_page = True
    tables = _table_rows(lines, body_start)
    skip_to = 0
    for index, line in enumerate(lines):
        if index < skip_to:
            continue
        if index in tables:
            if current:
                blocks.append(_block(current))
                current = []
            skip_to = tables[index]
            blocks.append(_table_block(lines[index:skip_to]))
            first_of_page = False
            continue
        if current:
            previous = current[-1]
            gap = previous.bottom - line.bottom
            starts = (
                gap > _PARAGRAPH_GAP * max(pitch, line.size)
                or bool(line.number)
                or NUMBERED_LINE_RE.match(line.text) is not None
                or (margin.indented(line) and not _same_heading(previous, line, margin))
                or abs(line.size - previous.size) > 1.0
            )
            if starts:
                blocks.append(_block(current))
                current = []
        elif first_of_page and blocks and last is not None and _goes_on(blocks[-1], last, line, margin):
            going_on = blocks.pop()
            current = [line._replace(text=going_on.text + "\n" + line.text, lead=going_on.emphasis or "")]
            first_of_page = False
            continue
        first_of_page = False
        current.append(line)
    if current:
        blocks.append(_block(current))


def _same_heading(previous: _Line, line: _Line, margin: _Margins) -> bool:
    """Whether an indented line goes on with a heading: both centred, or both bold (a hanging indent)."""
    return (margin.centred(previous) and margin.centred(line)) or (previous.bold and line.bold)


def _goes_on(block: Block, last: _Line, line: _Line, margin: _Margins) -> bool:
    """Whether a page's first line continues the paragraph the previous page ended with: the page's
    last line ran to the right margin (a paragraph's last line rarely does; a date or a meeting line
    under the text never: the annex on the next page is no part of it), the first line is not
    indented (a paragraph's first line is), and the paragraph had not ended a sentence (a comma ends a
    preambular paragraph, but a page can break a list after one: "Development, Production," then
    "Stockpiling and Use of ..." at the margin)."""
    if line.number or margin.indented(line) or last.right < margin.right - _INDENT * last.size:
        return False
    ended = ends_clause(block.text) and not _TRAILING_MARKERS_RE.sub("", block.text).endswith(",")
    return not ended or line.text[:1].islower()


def _block(lines: list[_Line]) -> Block:
    text = "\n".join(line.text for line in lines)
    lead = lines[0].lead
    return Block(text, lead or None)
