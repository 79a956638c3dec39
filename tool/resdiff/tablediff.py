"""A table clause's diff cell by cell: the two grids laid over one another.

Rows pair by their labels (each row's first cell) and columns by their heads (the first row's
cells), so that a row added, dropped or moved changes only its own cells; where labels (or heads)
repeat, they pair by position (numbers from 1). A row (or column) only the old table has stands
where it stood, after the one it followed, so every renderer lays out one grid in which each cell
is old, new or both, with its word redline (``redline.redline``, the one place diffs are made).
"""

from __future__ import annotations

from .model import table_rows
from .records import CellChange, TableDiff
from .redline import redline


def table_diff(old: str | None, new: str | None, language: str | None = None) -> TableDiff:
    """The grid of OLD's and NEW's table texts (None: the table is added, or dropped)."""
    old_rows = table_rows(old) if old is not None else ()
    new_rows = table_rows(new) if new is not None else ()
    old_heads, new_heads = (_labels(list(rows[0])) if rows else [] for rows in (old_rows, new_rows))
    old_labels, new_labels = (_labels([row[0] for row in rows]) for rows in (old_rows, new_rows))
    old_by = _by_place(old_labels, old_heads, old_rows)
    new_by = _by_place(new_labels, new_heads, new_rows)
    rows = _merged(new_labels, old_labels)
    columns = _merged(_all_columns(new_heads, new_by), _all_columns(old_heads, old_by))
    grid = []
    for r in rows:
        cells: list[CellChange | None] = []
        for c in columns:
            before, after = old_by.get((r, c)), new_by.get((r, c))
            if before is None and after is None:  # a short row: neither side has the cell
                cells.append(None)
                continue
            cells.append(
                CellChange(row=r, column=c, old=before, new=after, diff=_diff(before, after, language))
            )
        grid.append(tuple(cells))
    return TableDiff(rows=tuple(rows), columns=tuple(columns), grid=tuple(grid))


def _diff(old: str | None, new: str | None, language: str | None) -> tuple[tuple[int, str], ...]:
    if old == new:
        return ((0, old),) if old else ()
    return redline(old or "", new or "", language)


def _labels(cells: list[str]) -> list[str]:
    """Row or column labels: the cells themselves where they are unique, else numbers from 1."""
    return cells if len(set(cells)) == len(cells) else [str(n) for n in range(1, len(cells) + 1)]


def _by_place(
    labels: list[str], heads: list[str], rows: tuple[tuple[str, ...], ...]
) -> dict[tuple[str, str], str]:
    """Each cell by its row's label and its column's head (a row shorter than the head row lacks the
    last cells; one longer keeps its extra cells under their numbers)."""
    cells: dict[tuple[str, str], str] = {}
    for label, row in zip(labels, rows, strict=True):
        for index, cell in enumerate(row):
            cells[label, heads[index] if index < len(heads) else str(index + 1)] = cell
    return cells


def _all_columns(heads: list[str], cells: dict[tuple[str, str], str]) -> list[str]:
    """The heads, then the numbers of any cells past the head row's last."""
    return list(dict.fromkeys([*heads, *(column for _, column in cells)]))


def _merged(new: list[str], old: list[str]) -> list[str]:
    """NEW's labels in order, each label only OLD has after the one it followed in OLD."""
    result = list(new)
    placed = set(new)
    at = 0
    for label in old:
        if label in placed:
            at = result.index(label) + 1
        else:
            result.insert(at, label)
            placed.add(label)
            at += 1
    return result
