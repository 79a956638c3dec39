"""What a PDF's pages leave in its plain text (a PyMuPDF or pdftotext extraction, a viewer's copy), taken
out before the text is read as paragraphs:

* page furniture: page numbers (``2/4``), job numbers (``24-23085`` or ``25-19990 (E)``), bar codes
  (``*2423085*``), and around them the running head (the symbol, the title);
* footnote bodies at the page feet: the lines after a rule (a line of underscores) up to the next
  page's furniture; each footnote starts with the next number (``1  United Nations, ...``);
* printed paragraph numbers set on a line of their own (``1.``, ``(a)``): joined to the text after them.

The front page's masthead (everything before the body heading) is left as it is: the normalizer reads
the metadata from it.
"""

from __future__ import annotations

import re

from ..languages import MONTH_NAMES
from . import (
    FULL,
    NUMBERED_LINE_RE,
    SUPERSCRIPT_DIGITS,
    ends_clause,
    is_page_furniture,
    opens_preambular_paragraph,
)

_SYMBOL_RE = re.compile(r"^A/(?:RES/|C\.[1-6]/)?(?:E?S-)?[0-9]{1,3}/(?:L\.)?[0-9]{1,4}(?:/Rev\.[0-9]+)?$")
_RULE_RE = re.compile(r"^_{5,}$")
_HEADING_RE = re.compile(r"^(?:E?S-)?[0-9]{1,3}/[0-9]{1,4}\.\s+(\S.*)$")
_DRAFT_TITLE_RE = re.compile(r":\s*(?:revised\s+)?draft\s+(?:resolution|decision)\s*$", re.I)
_LONE_NUMBER_RE = re.compile(r"^(?:[0-9]{1,3}\.|\([a-z]{1,4}\)|\([ivxl]+\))$")  # not "2017." ending a line
_NOTE_RE = re.compile(rf"^([0-9]{{1,3}}|[{SUPERSCRIPT_DIGITS}]+)\s+(\S.*)$")
_SUPERSCRIPT_TO_ASCII = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")


def _fold(text: str) -> str:
    return " ".join(text.replace("\u2011", "-").replace("\u00a0", " ").split()).casefold()


def _title(lines: list[str]) -> str | None:
    """The title the running heads repeat: the body heading's (``79/58. Title``), or a draft's (the
    line after ``...: draft resolution``)."""
    for index, line in enumerate(lines):
        heading = _HEADING_RE.match(line)
        if heading:
            return _fold(" ".join([heading[1], *_paragraph_after(lines, index + 1)]))
        if _DRAFT_TITLE_RE.search(line):
            start = next((n for n in range(index + 1, len(lines)) if lines[n]), len(lines))
            return _fold(" ".join(_paragraph_after(lines, start))) or None
    return None


def _paragraph_after(lines: list[str], start: int) -> list[str]:
    """The lines from ``start`` to the next blank line (a title wrapped over several lines)."""
    end = next((n for n in range(start, len(lines)) if not lines[n]), len(lines))
    return lines[start:end]


def _body_start(lines: list[str]) -> int:
    """Where the body begins: the line after the body heading (or a draft's title); 0 if none is found."""
    for index, line in enumerate(lines):
        if _HEADING_RE.match(line):
            return index + 1
        if _DRAFT_TITLE_RE.search(line):
            return index + 1
    return 0


def take_out_pages(text: str) -> tuple[str, list[tuple[int, str]]]:
    """The text without page furniture and footnote zones, with lone numbers joined to their text; and
    the footnotes found at the page feet, in order."""
    lines = [line.strip() for line in text.replace("\f", "\n\n").split("\n")]
    title = _title(lines)
    start = _body_start(lines)
    furniture = [index >= start and is_page_furniture(line) for index, line in enumerate(lines)]
    hard = [index for index, flag in enumerate(furniture) if flag]
    for index in hard:  # the running head around a page's furniture: the symbol, and the title beside it
        head: list[int] = []
        for step in (-1, 1):
            near = index + step
            while start <= near < len(lines) and (not lines[near] or _running_head(lines[near], title)):
                head.append(near)
                near += step
        if any(_SYMBOL_RE.match(lines[near]) for near in head):  # body text can quote the title
            for near in head:
                furniture[near] = True
    kept: list[str] = []
    zones: list[list[str]] = []  # the footnote lines of each page
    in_notes = False
    breaks: set[int] = set()  # where in ``kept`` a page ended (its furniture or notes taken out)
    for index, line in enumerate(lines):
        if furniture[index] or (index >= start and _RULE_RE.match(line.replace(" ", ""))):
            in_notes = not furniture[index]
            if in_notes:
                zones.append([])
            breaks.add(len(kept))
            continue
        if in_notes:
            if line:
                zones[-1].append(line)
            continue
        kept.append(line)
    notes: list[tuple[int, str]] = []
    width = full_width([line for zone in zones for line in zone])
    for zone in zones:
        wrapped = False  # the note line before ran to the full width: the note goes on
        starts = [(match := _NOTE_RE.match(line)) and match[1] for line in zone]
        for index, line in enumerate(zone):
            # a number a later line of the zone starts with too is this note's text, not its number
            again = bool(starts[index]) and starts[index] in starts[index + 1 :]
            _add_note_line(line, notes, wrapped or again)
            wrapped = len(line) >= FULL * width and not line.endswith(".")
    return "\n".join(_join_lone_numbers(_mend_page_breaks(kept, breaks))), notes


def _mend_page_breaks(lines: list[str], breaks: set[int]) -> list[str]:
    """Lines with a blank line at each page break, except where the page's last line is full (the
    paragraph goes on) and the next page's first line opens nothing new: there the paragraph is one."""
    full = full_width(lines)
    out: list[str] = []
    for index, line in enumerate(lines):
        if index in breaks:
            before = next((n for n in reversed(out) if n), "")
            after = next((n for n in lines[index:] if n), "")
            goes_on = len(before) >= FULL * full and not NUMBERED_LINE_RE.match(after)
            if goes_on and not opens_preambular_paragraph(after):
                while out and not out[-1]:
                    out.pop()
                if not line:
                    continue
            else:
                out.append("")
        out.append(line)
    return out


def full_width(lines: list[str]) -> float:
    """A full (wrapped) line's length: most lines are full, so a high share of them is at least this long."""
    lengths = sorted(len(line) for line in lines if line)
    return float(lengths[int(len(lengths) * 0.9)]) if lengths else 0.0


def _running_head(line: str, title: str | None) -> bool:
    if not line:
        return False
    if _SYMBOL_RE.match(line):
        return True
    folded = _fold(line)
    return title is not None and len(folded) >= 10 and folded in title


def _add_note_line(line: str, notes: list[tuple[int, str]], wrapped: bool) -> None:
    """A footnote zone's line: the start of the next footnote, or more of the one before (always, when
    the line before was ``wrapped``: a note's line that starts with a number, "2 (A/79/2), para. 5.",
    goes on with it)."""
    if not line:
        return
    match = None if wrapped and notes else _NOTE_RE.match(line)
    expected = notes[-1][0] + 1 if notes else 1
    dated = match is not None and match[2].split(" ", 1)[0].strip(",") in MONTH_NAMES  # "2 December 2008"
    if match and not dated and int(match[1].translate(_SUPERSCRIPT_TO_ASCII)) in (expected, expected + 1):
        notes.append((int(match[1].translate(_SUPERSCRIPT_TO_ASCII)), match[2].strip()))
    elif notes:
        number, body = notes[-1]
        glue = "" if body.endswith("-") and body[-2:-1].isalpha() else " "
        notes[-1] = (number, body + glue + line)


def _join_lone_numbers(lines: list[str]) -> list[str]:
    """``1.`` on a line of its own, then its text on the next line: one line ``1. text``. A number opens
    a paragraph, so the line before it is blank or ends a clause (``...a total of`` then ``164.`` ends
    a sentence: it stays)."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        opens = not out or not out[-1] or ends_clause(out[-1])
        if _LONE_NUMBER_RE.match(line) and following and opens:
            out.append(f"{line} {following}")
            index += 2
        else:
            out.append(line)
            index += 1
    return out
