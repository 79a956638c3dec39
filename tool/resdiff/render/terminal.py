"""Terminal output: a word-level redline per clause, coloured like ``git diff --color-words``.

Plain text (``[-deleted-]{+inserted+}``, git's ``--word-diff`` markers) when colour is off, so a
redirected or NO_COLOR output stays readable and greppable.
"""

from __future__ import annotations

import unicodedata

import click

from ..records import TableDiff
from ..report import Report, document_label, keys_label, kind_label, named_lookalikes

_INDENT = "    "


def render(report: Report, *, color: bool = False) -> str:
    comparison, summary = report.comparison, report.summary
    style = _Style(color)
    old, new = (
        f"{document_label(r)} ({r.adopted})" if r.adopted else document_label(r)
        for r in (comparison.old, comparison.new)
    )
    lines = [style.bold(f"{old} → {new}")]  # with the dates: a corrected date shows too
    if comparison.new.title:
        lines.append(comparison.new.title)
    lines += report.header_notes
    lines.append(", ".join(f"{count} {name}" for name, count in summary.counts))
    for section in summary.sections():
        if not section.items:
            continue
        if section.id in ("added", "deleted"):  # a terminal lists only their keys: the texts follow below
            lines.append(f"{section.heading}: " + ", ".join(item.keys for item in section.items))
            continue
        lines.append(f"{section.heading}:")
        for item in section.items:
            remark = f" ({item.remark})" if item.remark else ""
            lines.append(f"{_INDENT}{item.keys}: {item.text}{remark}")
    omitted = report.omitted
    if omitted:
        lines.append(omitted)
    for change in comparison.changes:
        lines.append("")
        lines.append(f"{style.bold(keys_label(change))}  {kind_label(change)}")
        if change.table is not None:
            lines.extend(_INDENT + line for line in _table(change.table, style))
        else:
            lines.extend(_INDENT + line for line in _redline(change.diff, style).split("\n"))
    return "\n".join(lines) + "\n"


def _redline(diff: tuple[tuple[int, str], ...], style: _Style) -> str:
    return "".join(style.op(op, text) for op, text in named_lookalikes(diff))


def _table(table: TableDiff, style: _Style) -> list[str]:
    """A table as rows of ``| cell | cell |``, each cell its redline, the columns padded to line up
    (on the width the terminal shows: without colour codes, wide ideographs counting two)."""
    shown = [[_redline(cell.diff, style) if cell else "" for cell in row] for row in table.grid]
    widths = [max((_width(row[c]) for row in shown), default=0) for c in range(len(table.columns))]
    return [
        "| " + " | ".join(cell + " " * (widths[c] - _width(cell)) for c, cell in enumerate(row)) + " |"
        for row in shown
    ]


def _width(text: str) -> int:
    plain = click.unstyle(text)
    return len(plain) + sum(unicodedata.east_asian_width(character) in "WF" for character in plain)


class _Style:
    """Colour or plain markers, chosen once per rendering."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def bold(self, text: str) -> str:
        return click.style(text, bold=True) if self.color else text

    def op(self, op: int, text: str) -> str:
        if op == 0:
            return text
        # style each line on its own: a split/merge group joins its clauses with "\n"
        return "\n".join(self._one_line(op, line) if line else line for line in text.split("\n"))

    def _one_line(self, op: int, text: str) -> str:
        if self.color:
            if op < 0:
                return click.style(text, fg="red", strikethrough=True)
            return click.style(text, fg="green", underline=True)
        return f"[-{text}-]" if op < 0 else f"{{+{text}+}}"
