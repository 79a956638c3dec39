"""Renderers of a traced series (``resdiff history``, ``resdiff blame``): dispatch, and the labels
every format shares, so the terminal, Markdown and HTML views tell the same story.

A cell of the lineage table is its clause key with a mark for its kind, so the table reads without
colour: ``PP3`` unchanged (or in the first version), ``PP3~`` editorial, ``PP3*`` modified,
``PP3<`` split, ``PP3>`` merged, ``+PP3`` added, ``↺PP3`` restored, ``↕`` after a moved clause;
where a lineage ends, ``×`` (deleted) or ``→L7`` (merged into L7).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Protocol

from ..errors import InputError
from ..evolution import FIRST, RESTORED
from ..records import ADDED, DELETED, EDITORIAL, MERGED, MODIFIED, SPLIT, UNCHANGED
from ..refs import short_symbol
from . import printable

if TYPE_CHECKING:
    from ..blame import Blame
    from ..evolution import Cell, ClauseHistory, End, History, Lineage, Version

HISTORY_FORMATS = ("terminal", "markdown", "html", "json")
# every kind a cell can have, with what the legends call it, in the order legends list them
KIND_NAMES = {
    FIRST: "in the first version",
    UNCHANGED: "unchanged",
    EDITORIAL: "editorial",
    MODIFIED: "modified",
    SPLIT: "split",
    MERGED: "merged",
    ADDED: "added",
    RESTORED: "restored",
    DELETED: "deleted (or merged away)",
}
# fills of the HTML table and the timeline, one a kind (pale, so the dark clause keys stay legible)
KIND_FILLS = {
    FIRST: "#ffffff",
    UNCHANGED: "#e9edf2",
    EDITORIAL: "#c9defc",
    MODIFIED: "#ffd970",
    SPLIT: "#ffbe85",
    MERGED: "#f3a0c8",
    ADDED: "#9fe0ad",
    RESTORED: "#86d3cb",
    DELETED: "#f29b9b",
}
_PREFIX = {ADDED: "+", RESTORED: "↺"}
_SUFFIX = {EDITORIAL: "~", MODIFIED: "*", SPLIT: "<", MERGED: ">"}
LEGEND = (
    "PP3 unchanged · PP3~ editorial · PP3* modified · PP3< split · PP3> merged · +PP3 added · "
    "↺PP3 restored · ↕ moved · × deleted · →L7 merged into L7"
)


def cell_label(cell: Cell) -> str:
    moved = "↕" if cell.moved else ""
    return f"{_PREFIX.get(cell.kind, '')}{'+'.join(cell.keys)}{_SUFFIX.get(cell.kind, '')}{moved}"


def end_label(end: End) -> str:
    return f"→{end.into}" if end.how == MERGED and end.into else "×"


def lineage_row(history: History, lineage: Lineage) -> list[tuple[str, str]]:
    """Each version's (label, kind) for one lineage: its cell, or where it left the series the
    end mark with the kind ``deleted`` (a lineage deleted and restored later shows ``×`` too), or
    ("", "") where it is absent."""
    row: list[tuple[str, str]] = []
    for number, cell in enumerate(lineage.cells):
        if cell is not None:
            row.append((cell_label(cell), cell.kind))
        elif number and lineage.cells[number - 1] is not None:
            end = lineage.end
            ended_here = end is not None and end.at == history.versions[number].symbol
            row.append((end_label(end) if end is not None and ended_here else "×", DELETED))
        else:
            row.append(("", ""))
    return row


def version_name(version: Version) -> str:
    """A column heading: ``72/54`` for a resolution, the whole symbol of a draft, else the name."""
    return short_symbol(version.symbol)


def version_date(version: Version) -> str:
    """A version's date as the views show it: its adoption, a draft's distribution ("distributed
    2025-10-14"), or "?"."""
    if version.adopted:
        return version.adopted
    return f"distributed {version.distributed}" if version.distributed else "?"


def dated(version: Version) -> str:
    """'A/RES/72/54 (2017-12-04)', 'A/C.1/80/L.52 (distributed 2025-10-14)'."""
    return f"{version.symbol} ({version_date(version)})"


def kind_text(kind: str, tags: tuple[str, ...] = (), moved: bool = False) -> str:
    """'modified (verb, numbers), moved'."""
    text = kind + (f" ({', '.join(tags)})" if tags else "")
    return text + (", moved" if moved else "")


def version_fill(index: int, count: int) -> str:
    """A blame's colour for a version: the first pale grey (its words have stood longest), then
    hues from blue to red, the newest the warmest."""
    if index == 0:
        return "hsl(220, 14%, 92%)"
    hue = 200 - round(200 * (index - 1) / max(count - 2, 1))
    return f"hsl({hue}, 85%, 82%)"


def percent(share: float | None) -> str:
    return "—" if share is None else f"{100 * share:.1f}%"


STATS_COLUMNS = (
    "version",
    "date",
    "clauses",
    "words",
    "added",
    "restored",
    "deleted",
    "modified",
    "carried over",
    "since first",
)


def stats_rows(history: History) -> list[list[str]]:
    """The per-version stats as text, one row a version, in ``STATS_COLUMNS`` order (every format
    lays out the same cells); a draft's date is its distribution date."""
    return [
        [
            version.symbol,
            version.date or "",
            *(str(n) for n in (s.clauses, s.words, s.added, s.restored, s.deleted, s.modified)),
            percent(s.carried_over),
            percent(s.since_first),
        ]
        for version, s in zip(history.versions, history.stats, strict=True)
    ]


def skipped_lines(history: History) -> list[str]:
    """One line per step across missing versions: 'A/RES/72/54 → A/RES/79/58 skips 73/54, ...'."""
    return [
        f"{step.old} → {step.new} skips {', '.join(short_symbol(s) for s in step.skipped)}"
        for step in history.steps
        if step.skipped
    ]


def render_history(history: History, fmt: str, *, color: bool = False, width: int = 80) -> str:
    """``width``: the columns the terminal format fits its tables in (the others need none)."""
    if fmt == "json":
        return json.dumps(history.to_json(), ensure_ascii=False, indent=2)
    if fmt == "terminal":
        from . import history_terminal

        return history_terminal.history(printable(history), color=color, width=width)
    return _module(fmt).history(printable(history), color=color)


def render_clause(clause: ClauseHistory, fmt: str, *, color: bool = False) -> str:
    if fmt == "json":
        return json.dumps(clause.to_json(), ensure_ascii=False, indent=2)
    return _module(fmt).clause(printable(clause), color=color)


def render_blame(blame: Blame, fmt: str, *, color: bool = False, width: int = 80) -> str:
    """``width``: the columns the terminal format fills its lines to."""
    if fmt == "json":
        return json.dumps(blame.to_json(), ensure_ascii=False, indent=2)
    if fmt == "terminal":
        from . import history_terminal

        return history_terminal.blame(printable(blame), color=color, width=width)
    return _module(fmt).blame(printable(blame), color=color)


class _Layout(Protocol):
    """What each format's module lays out (a module satisfies it structurally)."""

    def history(self, history: History, *, color: bool) -> str: ...
    def clause(self, clause: ClauseHistory, *, color: bool) -> str: ...
    def blame(self, blame: Blame, *, color: bool) -> str: ...


def _module(fmt: str) -> _Layout:
    """The format's module, imported on demand."""
    if fmt == "terminal":
        from . import history_terminal

        return history_terminal
    if fmt == "markdown":
        from . import history_markdown

        return history_markdown
    if fmt == "html":
        from . import history_html

        return history_html
    raise InputError(f"unknown format {fmt!r}: use one of {', '.join(HISTORY_FORMATS)}")
