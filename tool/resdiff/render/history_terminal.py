"""Terminal output of a traced series: the lineage table, one clause's path, a blame.

Plain text when colour is off (piped, ``NO_COLOR``): the table's marks say each cell's kind, the
redlines use git's ``[-deleted-]{+inserted+}``, and a blame marks where the date of the words
changes with ``[v3]`` (the versions are numbered in its legend). With colour, the table's cells and
the redlines are coloured too, and a blame colours each span by its version instead of marking it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from ..evolution import RESTORED
from ..records import ADDED, DELETED, EDITORIAL, MERGED, MODIFIED, SPLIT, Change
from ..refs import short_symbol
from .history import LEGEND, kind_text, lineage_row, percent, skipped_lines, version_name

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
# 256-colour codes from the oldest version (grey: it has stood longest) to the newest (red)
_VERSION_COLOURS = (245, 67, 38, 37, 71, 107, 143, 178, 172, 167, 161, 196)


def history(history: History, *, color: bool = False) -> str:
    versions = history.versions
    title = versions[-1].title or ""
    first, last = versions[0], versions[-1]
    lines = [
        _bold(f"{first.symbol} ({first.adopted or '?'}) → {last.symbol} ({last.adopted or '?'})", color),
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
    widths = [max(len(row[k]) for row in [headings, *rows]) for k in range(len(headings))]
    lines.append(_row(headings, widths))
    for row, marks in zip(rows, table, strict=True):
        lines.append(_row(row, widths, ["", "", *(kind for _, kind in marks)] if color else None))
    lines += ["", f"Legend: {LEGEND}", "", *_stats(history)]
    return "\n".join(lines) + "\n"


def _row(cells: Sequence[str], widths: Sequence[int], kinds: Sequence[str] | None = None) -> str:
    parts = []
    for number, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        padded = cell.ljust(width)
        colour = _KIND_COLOURS.get(kinds[number]) if kinds else None
        parts.append(click.style(padded, fg=colour) if colour else padded)
    return "  ".join(parts).rstrip()


def _stats(history: History) -> list[str]:
    headings = [
        "version",
        "adopted",
        "clauses",
        "words",
        "added",
        "deleted",
        "modified",
        "carried over",
        "since first",
    ]
    rows = [
        [
            version.symbol,
            version.adopted or "",
            str(stats.clauses),
            str(stats.words),
            str(stats.added) + (f" (+{stats.restored} restored)" if stats.restored else ""),
            str(stats.deleted),
            str(stats.modified),
            percent(stats.carried_over),
            percent(stats.since_first),
        ]
        for version, stats in zip(history.versions, history.stats, strict=True)
    ]
    widths = [max(len(row[k]) for row in [headings, *rows]) for k in range(len(headings))]
    return [
        "Words unchanged since the previous version (carried over) and since the first:",
        _row(headings, widths),
        *(_row(row, widths) for row in rows),
    ]


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


def blame(blame: Blame, *, color: bool = False) -> str:
    numbers = {symbol: number for number, symbol in enumerate(blame.versions, start=1)}
    lines = [_bold(f"{blame.symbol}: since which version each word has stood", color)]
    if blame.title:
        lines.append(blame.title)
    lines.append("Versions:")
    for symbol, number in numbers.items():
        label = f"[v{number}] {symbol}"
        lines.append(_INDENT + (_version_style(label, number - 1, len(numbers)) if color else label))
    for blamed in blame.clauses:
        lines += [
            "",
            f"{_bold(blamed.key, color)}  origin {blamed.origin} · last changed {blamed.last_changed}"
            f" · lineage {blamed.lineage}",
        ]
        pieces = []
        for span in blamed.spans:
            number = numbers[span.since]
            if color:
                pieces.append(_version_style(span.text, number - 1, len(numbers)))
            else:
                pieces.append(f"[v{number}]{span.text}")
        lines.append(_INDENT + "".join(pieces))
    return "\n".join(lines) + "\n"


def _version_style(text: str, index: int, count: int) -> str:
    position = round(index * (len(_VERSION_COLOURS) - 1) / max(count - 1, 1))
    return click.style(text, fg=_VERSION_COLOURS[position])


def _redline(change: Change, color: bool) -> str:
    pieces = []
    for op, text in change.diff:
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
