"""Markdown output: the change report as plain CommonMark/GFM, readable in any Markdown viewer.

Deletions are ``~~struck~~`` and insertions ``**bold**``; every Markdown metacharacter of the
resolution text is escaped so that a clause never turns into markup.
"""

from __future__ import annotations

import re
import unicodedata

from ..records import Change, TableDiff
from ..report import Report, document_label, keys_label, kind_label
from ..summary import Summary, SummaryItem

# characters that are markup anywhere in a line
_SPECIAL_RE = re.compile(r"([\\`*_\[\]<>|~&#])")
# markup only where a line starts: lists, setext headings, quotes, ordered lists
_BULLET_RE = re.compile(r"^(\s*)([-+=>])", re.MULTILINE)
_ORDERED_RE = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)
_ZERO_WIDTH_SPACE = "&#8203;"  # an entity, so that the delimiter sees punctuation (";") beside it


def escape(text: str) -> str:
    """Text that a Markdown viewer shows as-is."""
    text = _SPECIAL_RE.sub(r"\\\1", text)
    text = _ORDERED_RE.sub(r"\1\\\2", text)
    return _BULLET_RE.sub(r"\1\\\2", text)


def render(report: Report) -> str:
    comparison = report.comparison
    old_label, new_label = document_label(comparison.old), document_label(comparison.new)
    lines = [f"# Changes: {escape(old_label)} → {escape(new_label)}", ""]
    if comparison.new.title:
        lines += [f"*{escape(comparison.new.title)}*", ""]
    notes = [escape(line) for line in report.header_notes]
    if report.caution:
        notes.append(f"**Caution:** {escape(report.caution)}")
    for line in notes:
        lines += [line, ""]
    lines += [
        f"- Old: {escape(old_label)}, adopted {escape(comparison.old.adopted or 'on an unknown date')}",
        f"- New: {escape(new_label)}, adopted {escape(comparison.new.adopted or 'on an unknown date')}",
        "",
    ]
    sources = report.sources
    if sources:
        lines += [f"*{escape(sources)}*", ""]
    lines += _summary(report.summary)
    lines += ["## Clauses", "", "In NEW's order, deletions where they stood: ~~deleted~~, **inserted**.", ""]
    omitted = report.omitted
    if omitted:
        lines += [escape(omitted), ""]
    for change in comparison.changes:
        heading = f"### {escape(keys_label(change))} · {escape(kind_label(change))}"
        lines += [heading, "", table(change.table) if change.table is not None else redline(change), ""]
    return "\n".join(lines)


def _summary(summary: Summary) -> list[str]:
    lines = ["## Summary", ""]
    lines.append("| " + " | ".join(name for name, _ in summary.counts) + " |")
    lines.append("|" + "---:|" * len(summary.counts))
    lines.append("| " + " | ".join(str(count) for _, count in summary.counts) + " |")
    lines.append("")
    for section in summary.sections():
        lines += [f"### {section.heading}", ""]
        lines += [f"- {_item(item)}" for item in section.items] or ["None."]
        lines.append("")
    return lines


def _item(item: SummaryItem) -> str:
    remark = f" ({item.remark})" if item.remark else ""
    return f"**{escape(item.keys)}**: {escape(item.text)}{remark}"


def redline(change: Change) -> str:
    """One paragraph per clause of the group (a split/merge joins its clauses with a newline)."""
    lines: list[list[tuple[int, str]]] = [[]]
    for op, text in change.diff:
        for index, part in enumerate(text.split("\n")):
            if index:
                lines.append([])
            if part:
                lines[-1].append((op, part))
    return "\n\n".join(_redline_line(line) for line in lines)


def table(grid: TableDiff) -> str:
    """A GFM table, the first row its head row, each cell its redline: a changed cell shows its
    ~~old~~ **new** words, a cell of a new row or column only **inserted** ones."""
    rows = [
        "| " + " | ".join(_redline_line(list(cell.diff)) if cell else "" for cell in row) + " |"
        for row in grid.grid
    ]
    rule = "|" + "---|" * len(grid.columns)
    return "\n".join([rows[0], rule, *rows[1:]])


def _redline_line(pieces: list[tuple[int, str]]) -> str:
    """Emphasis must hug its text (CommonMark ignores ``~~ word~~``), so spaces go outside the
    marks; and a mark between a letter and punctuation (``word~~;~~``) does not count as one, so
    an invisible zero-width space is put between them."""
    rendered = [escape(text) if op == 0 else _marked(op, text) for op, text in pieces]
    for index, (op, text) in enumerate(pieces):
        core = text.strip()
        if op == 0 or not core:
            continue
        before = "".join(rendered[:index])[-1:] if text[0] == core[0] else ""
        after = "".join(rendered[index + 1 :])[:1] if text[-1] == core[-1] else ""
        if _is_punctuation(core[0]) and _is_word(before):
            rendered[index] = _ZERO_WIDTH_SPACE + rendered[index]
        if _is_punctuation(core[-1]) and _is_word(after):
            rendered[index] += _ZERO_WIDTH_SPACE
    return "".join(rendered).lstrip(" ")  # leading spaces show nothing, and four make a code block


def _marked(op: int, text: str) -> str:
    core = text.strip()
    if not core:  # a space can't be struck through; the invisible mark keeps its neighbours' marks apart
        return text if op > 0 else _ZERO_WIDTH_SPACE
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    mark = "~~" if op < 0 else "**"
    return f"{lead}{mark}{escape(core)}{mark}{trail}"


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _is_word(char: str) -> bool:
    """Neither whitespace nor punctuation: what keeps a delimiter run from flanking."""
    return bool(char) and not char.isspace() and not _is_punctuation(char)
