"""The diff as data: what ``resdiff diff --format json`` prints and every renderer reads.

A ``Comparison`` holds one ``Change`` per clause or clause group, in NEW's reading order, with
each deletion placed where it stood in OLD. ``diff`` holds diff-match-patch operations
(-1 delete, 0 equal, 1 insert) whose 0/-1 parts rebuild the old text and whose 0/1 parts rebuild
the new text; for a split or merge, the texts of the group are joined with "\\n".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .model import AKN_ACKNOWLEDGEMENT, AKN_READER, METADATA, TABLE, Resolution

UNCHANGED = "unchanged"
EDITORIAL = "editorial"
MODIFIED = "modified"
ADDED = "added"
DELETED = "deleted"
SPLIT = "split"
MERGED = "merged"
KINDS = (UNCHANGED, EDITORIAL, MODIFIED, ADDED, DELETED, SPLIT, MERGED)

# tags of a modified (or split/merged) record
TAG_NUMBERS = "numbers"  # a number or date changed
TAG_CITATIONS = "citations"  # a cited symbol changed
TAG_VERB = "verb"  # the operative verb changed
TAG_FOOTNOTES = "footnotes"  # a footnote marker was added, dropped or points to another footnote
TAG_TO_OPERATIVE = "from the preamble to the operative part"  # a preambular paragraph became operative
TAG_TO_PREAMBLE = "from the operative part to the preamble"  # an operative paragraph became preambular

Op = tuple[int, str]


@dataclass(frozen=True)
class CellChange:
    """One changed cell of a table clause: its row (the row's first cell, its label, where the labels
    are unique, else the row's number from 1) and column (its head, the first row's cell, where the
    heads are unique, else the column's number), the old and new text (None: the row or column is
    new, or gone) and their redline."""

    row: str
    column: str
    old: str | None
    new: str | None
    diff: tuple[Op, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "old": self.old,
            "new": self.new,
            "diff": [[op, text] for op, text in self.diff],
        }

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass(frozen=True)
class TableDiff:
    """A table clause's two grids laid over one another (``tablediff``): the rows' labels and the
    columns' heads in reading order (a row or column only OLD has where it stood), and each place's
    cell (None where neither side has one: a short row). What every renderer lays out as a table."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    grid: tuple[tuple[CellChange | None, ...], ...]  # grid[row][column]

    @property
    def changed(self) -> tuple[CellChange, ...]:
        """The changed cells, row by row."""
        return tuple(cell for row in self.grid for cell in row if cell is not None and cell.changed)

    def to_json(self) -> dict[str, Any]:
        return {
            "rows": list(self.rows),
            "columns": list(self.columns),
            "grid": [[cell.to_json() if cell else None for cell in row] for row in self.grid],
        }


@dataclass(frozen=True)
class Change:
    """One record of the diff: a clause or clause group, its kind and its word-level redline."""

    kind: str
    old: tuple[str, ...]  # clause keys in OLD (empty for added)
    new: tuple[str, ...]  # clause keys in NEW (empty for deleted)
    diff: tuple[Op, ...]
    similarity: float = 0.0  # 0..1, rounded to 3 places; 1.0 for unchanged
    moved: bool = False
    tags: tuple[str, ...] = ()
    clause_type: str = ""  # the clause type of the group (preambular, operative, ...)
    old_verb: str | None = None
    new_verb: str | None = None
    old_notes: tuple[str, ...] = ()  # the footnotes the OLD clauses cite, in order (FN keys)
    new_notes: tuple[str, ...] = ()
    # a table clause's grid, cell by cell (a table paired one to one, added or dropped)
    table: TableDiff | None = None

    @property
    def cells(self) -> tuple[CellChange, ...]:
        """A table's changed cells (none for any other clause)."""
        return self.table.changed if self.table is not None else ()

    @property
    def old_text(self) -> str:
        return "".join(text for op, text in self.diff if op <= 0)

    @property
    def new_text(self) -> str:
        return "".join(text for op, text in self.diff if op >= 0)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "old": list(self.old),
            "new": list(self.new),
            "moved": self.moved,
            "similarity": self.similarity,
            "tags": list(self.tags),
            "diff": [[op, text] for op, text in self.diff],
            "type": self.clause_type,
            "old_verb": self.old_verb,
            "new_verb": self.new_verb,
            "old_notes": list(self.old_notes),
            "new_notes": list(self.new_notes),
            **({"cells": [cell.to_json() for cell in self.cells]} if self.clause_type == TABLE else {}),
            **({"table": self.table.to_json()} if self.table is not None else {}),
        }


def doc_summary(resolution: Resolution) -> dict[str, Any]:
    return {
        "symbol": resolution.symbol,
        "session": resolution.session,
        "title": resolution.title,
        "adopted": resolution.adopted,
        "agenda_item": resolution.agenda_item,
        "report": resolution.report,
        "meeting": resolution.meeting,
        "vote": resolution.vote.to_json() if resolution.vote else None,
        "distributed": resolution.distributed,
        "committee": resolution.committee,
        "sponsors": list(resolution.sponsors),
        "language": resolution.language,
    }


@dataclass(frozen=True)
class Comparison:
    """The two texts compared and the records of what changed, in NEW's reading order."""

    old: Resolution
    new: Resolution
    changes: tuple[Change, ...]
    # unchanged records left out of ``changes`` (``--changes-only``): still counted in the summary
    omitted_unchanged: int = 0

    def summary(self) -> dict[str, int]:
        counts = {kind: 0 for kind in KINDS}
        for change in self.changes:
            counts[change.kind] += 1
        counts[UNCHANGED] += self.omitted_unchanged
        counts["moved"] = sum(1 for change in self.changes if change.moved)
        return counts

    @property
    def differs(self) -> bool:
        """Whether anything changed: a clause, its place, or the metadata (a corrected adoption
        date or title is a change too)."""
        metadata_changed = any(getattr(self.old, name) != getattr(self.new, name) for name in METADATA)
        return metadata_changed or any(change.kind != UNCHANGED or change.moved for change in self.changes)

    @property
    def language(self) -> str | None:
        """The language both texts are in (``compare`` refuses two), None where neither says (English)."""
        return self.new.language or self.old.language

    @property
    def acknowledgement(self) -> str | None:
        """The credit the UN's terms ask for wherever its XML is used: said by every report made from it."""
        if not any(r.source is not None and r.source.reader == AKN_READER for r in (self.old, self.new)):
            return None
        return AKN_ACKNOWLEDGEMENT

    @property
    def vote_changes(self) -> tuple[tuple[str, str, str], ...]:
        """The States whose vote changed from OLD to NEW (``Vote.changed_voters``), where both name them."""
        if self.old.vote is None or self.new.vote is None:
            return ()
        return self.old.vote.changed_voters(self.new.vote)

    def to_json(self) -> dict[str, Any]:
        return {
            "old": doc_summary(self.old),
            "new": doc_summary(self.new),
            "summary": self.summary(),
            "changes": [change.to_json() for change in self.changes],
            "acknowledgement": self.acknowledgement,
            "vote_changes": [
                {"state": state, "old": before, "new": after} for state, before, after in self.vote_changes
            ],
        }
