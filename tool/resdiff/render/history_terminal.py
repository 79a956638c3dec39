"""Terminal output of a traced series: the lineage table, one clause's path, a blame.

Plain text when colour is off (piped, ``NO_COLOR``): the table's marks say each cell's kind, the
redlines use git's ``[-deleted-]{+inserted+}``, and a blame marks where the date of the words
changes with ``[v3]`` (the versions are numbered in its legend). With colour, the table's cells and
the redlines are coloured too, and a blame colours each span by its version instead of marking it.

A blame's lines are filled by the columns a text takes on the terminal (``wcwidth``: a Chinese
character takes two); a Chinese text, which has no spaces, breaks between its words (rjieba's, as the
redline cuts them), never before a closing mark such as "，" or "》" nor after an opening one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click
from wcwidth import wcswidth

from ..evolution import RESTORED
from ..languages.words import pieces as pieces_of
from ..records import ADDED, DELETED, EDITORIAL, MERGED, MODIFIED, SPLIT, Change
from ..refs import short_symbol
from ..report import named_lookalikes
from .history import (
    LEGEND,
    STATS_COLUMNS,
    dated,
    kind_text,
    lineage_row,
    skipped_lines,
    stats_rows,
    version_name,
)

if TYPE_CHECKING:
    from ..blame import Blame
    from ..evolution import ClauseHistory, History

_INDENT = "    "
_KIND_COLOURS = {
    EDITORIAL: "blue",
    MODIFIED: "yellow",
    SPLIT: "magenta",
    MERGED: "magenta",
    ADDED: "green",
    RESTORED: "cyan",
    DELETED: "red",
}
WIDTH = 80  # columns, unless the terminal says otherwise
# viridis (matplotlib's perceptually uniform colour map) in the 256 colours every terminal has: 13 codes
# from dark purple to yellow, each lighter than the one before and no two alike (nearest colours on the
# path sampled evenly would repeat: the 6x6x6 cube is coarse)
_VIRIDIS_256 = (53, 54, 61, 24, 31, 30, 36, 35, 71, 113, 148, 184, 220)
_FIRST_LIGHT = 6  # from this one on black letters stand out better than white


def history(history: History, *, color: bool = False, width: int = WIDTH) -> str:
    versions = history.versions
    title = versions[-1].title or ""
    first, last = versions[0], versions[-1]
    lines = [
        _bold(f"{dated(first)} → {dated(last)}", color),
        *([title] if title else []),
        f"{len(versions)} versions, {len(history.lineages)} lineages of clauses",
        *skipped_lines(history),
        "",
    ]
    headings = ["lineage", "origin", *(version_name(v) for v in versions)]
    table = [lineage_row(history, lineage) for lineage in history.lineages]
    rows = [
        [lineage.id, short_symbol(lineage.origin), *(label for label, _ in row)]
        for lineage, row in zip(history.lineages, table, strict=True)
    ]
    kinds = [["", "", *(kind for _, kind in marks)] for marks in table] if color else None
    lines += _table(headings, rows, width, keep=2, kinds=kinds)
    lines += ["", *_filled("Legend: ", LEGEND.split(" · "), " · ", width), ""]
    about = "Words unchanged since the previous version (carried over) and since the first:"
    lines += _filled("", about.split(" "), " ", width)
    lines += _table(list(STATS_COLUMNS), stats_rows(history), width, keep=1)
    return "\n".join(lines) + "\n"


def _table(
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int,
    keep: int,
    kinds: Sequence[Sequence[str]] | None = None,
) -> list[str]:
    """A table laid out in panels that each fit ``width`` columns, as a wide table is wrapped: the
    first ``keep`` columns (what names a row) in every panel, the others in order, as many a panel
    as fit (at least one), the panels one under the other with a blank line between."""
    widths = [max(len(row[k]) for row in [headings, *rows]) for k in range(len(headings))]
    panels: list[list[int]] = []
    current = list(range(keep))
    used = sum(widths[:keep]) + 2 * (keep - 1)
    for column in range(keep, len(headings)):
        if len(current) > keep and used + 2 + widths[column] > width:
            panels.append(current)
            current, used = list(range(keep)), sum(widths[:keep]) + 2 * (keep - 1)
        current.append(column)
        used += 2 + widths[column]
    panels.append(current)
    lines: list[str] = []
    for number, columns in enumerate(panels):
        if number:
            lines.append("")
        lines.append(_row([headings[k] for k in columns], [widths[k] for k in columns]))
        for index, row in enumerate(rows):
            marks = [kinds[index][k] for k in columns] if kinds else None
            lines.append(_row([row[k] for k in columns], [widths[k] for k in columns], marks))
    return lines


def _filled(lead: str, items: Sequence[str], separator: str, width: int) -> list[str]:
    """Items joined by ``separator`` in lines of at most ``width`` columns, the first led by ``lead``
    and the others indented as far."""
    lines: list[str] = []
    line = ""
    for number, item in enumerate(items):
        end = separator.rstrip() if number < len(items) - 1 else ""
        if not line:
            line = (" " * len(lead) if lines else lead) + item
        elif len(f"{line}{separator}{item}{end}") > width:
            lines.append(line + separator.rstrip())
            line = " " * len(lead) + item
        else:
            line = f"{line}{separator}{item}"
    return [*lines, line]


def _row(cells: Sequence[str], widths: Sequence[int], kinds: Sequence[str] | None = None) -> str:
    parts = []
    for number, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        padded = cell.ljust(width)
        colour = _KIND_COLOURS.get(kinds[number]) if kinds else None
        parts.append(click.style(padded, fg=colour) if colour else padded)
    return "  ".join(parts).rstrip()


def clause(clause: ClauseHistory, *, color: bool = False) -> str:
    lineage = clause.lineage
    lines = [
        _bold(f"{clause.clause} in {clause.symbol}: lineage {lineage.id}, origin {lineage.origin}", color),
    ]
    if lineage.split_from:
        lines.append(f"Split from {lineage.split_from}.")
    for number, (version, cell, texts) in enumerate(
        zip(clause.versions, lineage.cells, clause.texts, strict=True)
    ):
        lines.append("")
        change = clause.changes[number - 1] if number else None
        if cell is None:
            gone = change is not None and not change.new
            lines.append(f"{version.symbol}  {'deleted' if gone else 'absent'}")
            if gone and change is not None:
                lines += _indented(_redline(change, color))
            continue
        kind = kind_text(cell.kind, cell.tags, cell.moved)
        lines.append(f"{_bold(version.symbol, color)}  {' + '.join(cell.keys)}  {kind}")
        if change is not None and change.old and change.new:
            lines += _indented(_redline(change, color))
        else:
            lines += _indented("\n".join(texts))
    if lineage.end is not None and lineage.end.into:
        lines += ["", f"Merged into {lineage.end.into} in {lineage.end.at}."]
    return "\n".join(lines) + "\n"


def blame(blame: Blame, *, color: bool = False, width: int = WIDTH) -> str:
    numbers = {symbol: number for number, symbol in enumerate(blame.versions, start=1)}
    count = len(numbers)
    dates = blame.dates or (None,) * count
    lines = [_bold(f"{blame.symbol}: since which version each word has stood", color)]
    if blame.title:
        lines.append(blame.title)
    lines.append("Versions:")
    for (symbol, number), date in zip(numbers.items(), dates, strict=True):
        label = f"[v{number}] {symbol}" + (f" ({date[:4]})" if date else "")
        lines.append(_INDENT + (_version_style(label, number - 1, count) if color else label))
    for blamed in blame.clauses:
        lines += [
            "",
            f"{_bold(blamed.key, color)}  origin {blamed.origin} · last changed {blamed.last_changed}"
            f" · lineage {blamed.lineage}",
        ]
        spans = [(span.text, numbers[span.since]) for span in blamed.spans]
        lines += _wrapped_spans(spans, width, count, color, blame.language)
    return "\n".join(lines) + "\n"


def _wrapped_spans(
    spans: Sequence[tuple[str, int]], width: int, count: int, color: bool, language: str | None = None
) -> list[str]:
    """A clause's dated spans filled into lines of ``width`` columns, each indented: a line breaks
    only at a space (in Chinese, also between two words), and a span broken across lines keeps its
    colour (or, plain, its ``[vN]`` mark only where it begins)."""
    # the units no line breaks inside, each with the spaces before it (dropped where a line breaks)
    units: list[tuple[list[tuple[str, int]], list[tuple[str, int]]]] = []
    pending: list[tuple[str, int]] = []
    last = ""  # the token before, whose end may forbid a break (an opening "《")
    for text, number in spans:
        mark = "" if color else f"[v{number}]"
        for token in _tokens(text, language):
            if token.startswith(" "):
                pending.append((token, number))
                continue
            piece, mark = mark + token, ""
            # a break only at a space (a span that begins inside a word, ";" after "Parties", stays on),
            # or in Chinese between two words
            if not units or pending or (language == "zh" and _may_break(last, token)):
                units.append((pending, [(piece, number)]))
            else:
                units[-1][1].append((piece, number))
            pending, last = [], token
    room = max(width - len(_INDENT), 20)
    lines: list[list[tuple[str, int]]] = [[]]
    used = 0
    for spaces, items in units:
        before = sum(len(space) for space, _ in spaces)
        columns = sum(_columns(piece) for piece, _ in items)
        if lines[-1] and used + before + columns > room:
            lines.append([])
            used, spaces, before = 0, [], 0
        lines[-1] += [*spaces, *items]
        used += before + columns
    return [_INDENT + _styled(line, count, color) for line in lines]


def _columns(text: str) -> int:
    """The columns a text takes on a terminal (a Chinese character two, a combining mark none)."""
    columns = wcswidth(text)
    return columns if columns >= 0 else len(text)


def _tokens(text: str, language: str | None) -> list[str]:
    """A span's runs of spaces and what stands between them; in Chinese, its words."""
    if language != "zh":
        return re.findall(r" +|[^ ]+", text)
    return [piece for piece in pieces_of(text, language) if piece]


def _may_break(before: str, after: str) -> bool:
    """Whether a Chinese line may break between two tokens: not before a closing or other mark
    ("，", "。", "》", "”"), not after an opening one ("《", "“"), not beside a number or symbol
    ("2025年12月1日", "第63/71号" stay whole)."""
    if not before or not after:
        return False
    if unicodedata.category(after[0]) in ("Pe", "Pf", "Po") or unicodedata.category(before[-1]) in (
        "Ps",
        "Pi",
    ):
        return False
    if unicodedata.category(before[-1]).startswith("P"):  # after "、" or "，"
        return True
    return not (before[-1].isascii() and before[-1].isalnum()) and not (
        after[0].isascii() and after[0].isalnum()
    )


def _styled(pieces: Sequence[tuple[str, int]], count: int, color: bool) -> str:
    """A blame line's pieces, each run of one version in its colour."""
    if not color:
        return "".join(text for text, _ in pieces)
    runs: list[tuple[str, int]] = []
    for text, number in pieces:
        if runs and runs[-1][1] == number:
            runs[-1] = (runs[-1][0] + text, number)
        else:
            runs.append((text, number))
    return "".join(_version_style(text, number - 1, count) for text, number in runs)


def _version_style(text: str, index: int, count: int) -> str:
    """The text on its version's colour: a perceptually ordered palette (viridis, from the darkest,
    the oldest, to the lightest, the newest), spread over the versions so that neighbours differ;
    the letters black or white, whichever stands out."""
    background = _palette(count)[index]
    light = _VIRIDIS_256.index(background) >= _FIRST_LIGHT
    return click.style(text, bg=background, fg=16 if light else 231)


def _redline(change: Change, color: bool) -> str:
    pieces = []
    for op, text in named_lookalikes(change.diff):
        if op == 0:
            pieces.append(text)
            continue
        for number, line in enumerate(text.split("\n")):  # a group's clauses, one a line
            if number:
                pieces.append("\n")
            if not line:
                continue
            if color:
                pieces.append(
                    click.style(line, fg="red" if op < 0 else "green", strikethrough=op < 0, underline=op > 0)
                )
            else:
                pieces.append(f"[-{line}-]" if op < 0 else f"{{+{line}+}}")
    return "".join(pieces)


def _indented(text: str) -> list[str]:
    return [_INDENT + line for line in text.split("\n")]


def _bold(text: str, color: bool) -> str:
    return click.style(text, bold=True) if color else text


def _palette(count: int) -> list[int]:
    """``count`` colour codes along viridis, evenly spaced (neighbours differ up to 13 versions)."""
    last = len(_VIRIDIS_256) - 1
    return [_VIRIDIS_256[round(index * last / max(count - 1, 1))] for index in range(count)]
