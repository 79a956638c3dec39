"""Markdown output of a traced series: GFM tables for the lineages and the per-version stats, one
clause's path with its redlines, a blame with ``[v3]`` marks where the date of the words changes.

Every piece of resolution text goes through the change report's ``escape``, so none turns into markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..refs import short_symbol
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
from .markdown import escape
from .markdown import redline as report_redline  # the change report's: both read alike

if TYPE_CHECKING:
    from ..blame import Blame
    from ..evolution import ClauseHistory, History


def history(history: History, *, color: bool = False) -> str:
    versions = history.versions
    first, last = versions[0], versions[-1]
    lines = [f"# History: {escape(dated(first))} → {escape(dated(last))}", ""]
    if last.title:
        lines += [f"*{escape(last.title)}*", ""]
    lines += [f"{len(versions)} versions, {len(history.lineages)} lineages of clauses.", ""]
    lines += [f"- {escape(line)}" for line in skipped_lines(history)]
    lines += ["", "## Lineages", "", f"Legend: {escape(LEGEND)}", ""]
    headings = ["lineage", "origin", *(version_name(v) for v in versions)]
    rows = [
        [lineage.id, short_symbol(lineage.origin), *(label for label, _ in lineage_row(history, lineage))]
        for lineage in history.lineages
    ]
    lines += _table(headings, rows)
    lines += ["", "## Words carried over", ""]
    lines += [
        "Share of each version's words unchanged since the previous version, and since the first.",
        "",
    ]
    lines += _table(STATS_COLUMNS, stats_rows(history))
    return "\n".join(lines) + "\n"


def _table(headings: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    return [
        "| " + " | ".join(escape(h) for h in headings) + " |",
        "|" + "---|" * len(headings),
        *("| " + " | ".join(escape(cell) for cell in row) + " |" for row in rows),
    ]


def clause(clause: ClauseHistory, *, color: bool = False) -> str:
    lineage = clause.lineage
    lines = [
        f"# {escape(clause.clause)} in {escape(clause.symbol)}",
        "",
        f"Lineage {lineage.id}, origin {escape(lineage.origin)}"
        + (f", split from {lineage.split_from}" if lineage.split_from else "")
        + ". In each version, the redline from the version before: ~~deleted~~, **inserted**.",
        "",
    ]
    for number, (version, cell, texts) in enumerate(
        zip(clause.versions, lineage.cells, clause.texts, strict=True)
    ):
        change = clause.changes[number - 1] if number else None
        if cell is None:
            gone = change is not None and not change.new
            lines += [f"## {escape(version.symbol)}: {'deleted' if gone else 'absent'}", ""]
            if gone and change is not None:
                lines += [report_redline(change), ""]
            continue
        kind = kind_text(cell.kind, cell.tags, cell.moved)
        lines += [f"## {escape(version.symbol)}: {escape(' + '.join(cell.keys))} · {escape(kind)}", ""]
        if change is not None and change.old and change.new:
            lines += [report_redline(change), ""]
        else:
            lines += ["\n\n".join(escape(text) for text in texts), ""]
    return "\n".join(lines)


def blame(blame: Blame, *, color: bool = False) -> str:
    numbers = {symbol: number for number, symbol in enumerate(blame.versions, start=1)}
    lines = [f"# Blame: {escape(blame.symbol)}", ""]
    if blame.title:
        lines += [f"*{escape(blame.title)}*", ""]
    lines += [
        "Since which version each word has stood: the mark before a stretch of text names its version.",
        "",
        *(f"- \\[v{number}\\] {escape(symbol)}" for symbol, number in numbers.items()),
        "",
    ]
    for blamed in blame.clauses:
        lines += [
            f"## {escape(blamed.key)} · origin {escape(blamed.origin)} · last changed "
            f"{escape(blamed.last_changed)}",
            "",
            "".join(f"\\[v{numbers[span.since]}\\]{escape(span.text)}" for span in blamed.spans),
            "",
        ]
    return "\n".join(lines)
