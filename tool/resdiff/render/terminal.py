"""Terminal output: a word-level redline per clause, coloured like ``git diff --color-words``.

Plain text (``[-deleted-]{+inserted+}``, git's ``--word-diff`` markers) when colour is off, so a
redirected or NO_COLOR output stays readable and greppable.
"""

from __future__ import annotations

import click

from ..records import Change
from ..report import Report, document_label, keys_label, kind_label, pair_label
from ..summary import ADDED_HEADING, DELETED_HEADING

_INDENT = "    "


def render(report: Report, *, color: bool = False) -> str:
    comparison, summary = report.comparison, report.summary
    style = _Style(color)
    lines = [
        style.bold(f"{document_label(comparison.old)} → {document_label(comparison.new)}"),
    ]
    if comparison.new.title:
        lines.append(comparison.new.title)
    retitled = report.retitled
    if retitled:
        lines.append(retitled)
    lines.append(", ".join(f"{count} {name}" for name, count in summary.counts))
    if summary.added:
        lines.append(f"{ADDED_HEADING}: " + ", ".join(" + ".join(note.keys) for note in summary.added))
    if summary.deleted:
        lines.append(f"{DELETED_HEADING}: " + ", ".join(" + ".join(note.keys) for note in summary.deleted))
    if summary.numbers:
        lines.append("Numbers and dates updated:")
        for number in summary.numbers:
            values = "; ".join(update.label for update in number.updates)
            lines.append(f"{_INDENT}{pair_label(number.old, number.new)}: {values or 'see the redline'}")
    if summary.verbs:
        lines.append("Operative verbs:")
        for verb in summary.verbs:
            lines.append(f"{_INDENT}{pair_label(verb.old, verb.new)}: {verb.label} ({verb.direction})")
    omitted = report.omitted
    if omitted:
        lines.append(omitted)
    for change in comparison.changes:
        lines.append("")
        lines.append(f"{style.bold(keys_label(change))}  {kind_label(change)}")
        lines.extend(_INDENT + line for line in _redline(change, style).split("\n"))
    return "\n".join(lines) + "\n"


def _redline(change: Change, style: _Style) -> str:
    return "".join(style.op(op, text) for op, text in change.diff)


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
