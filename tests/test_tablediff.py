"""A table clause's diff cell by cell (``tablediff``), as data in the records (SYNTHETIC tables)."""

from __future__ import annotations

from dataclasses import replace

from resdiff.compare import compare
from resdiff.model import Clause
from resdiff.tablediff import table_diff
from synthetic_tables import SYNTHETIC_TABLE_NEW, SYNTHETIC_TABLE_OLD, synthetic_table_comparison


def test_rows_and_columns_pair_by_label_and_a_dropped_row_stands_where_it_stood() -> None:
    grid = synthetic_table_comparison().changes[2].table
    assert grid is not None
    assert grid.rows == ("Synthetic State", "Atlantis", "Borduria", "Dorsetia", "Carpania", "Elbonia")
    assert grid.columns == ("Synthetic State", "Scale (percentage)", "Ceiling")
    assert grid.grid[-1][-1] is None  # the dropped row never had the new column
    borduria = grid.grid[2]
    assert [(c.old, c.new, c.changed) for c in borduria if c] == [
        ("Borduria", "Borduria", False),
        ("1.250", "1.250", False),
        (None, "2.000", True),
    ]


def test_the_record_holds_each_changed_cell_with_its_word_redline() -> None:
    record = synthetic_table_comparison().to_json()["changes"][2]
    changed = [(c["row"], c["column"], c["diff"]) for c in record["cells"]]
    assert ("Atlantis", "Scale (percentage)", [[-1, "0.006"], [1, "0.007"]]) in changed
    assert ("Elbonia", "Scale (percentage)", [[-1, "0.004"]]) in changed
    # the new column's 5 cells, new Dorsetia's other 2, Atlantis's scale, dropped Elbonia's 2
    assert len(changed) == 10
    assert record["table"]["grid"][1][1] == record["cells"][1]  # the grid holds the same cells
    assert all(c["old"] != c["new"] for c in record["cells"])


def test_a_cell_redline_is_word_by_word() -> None:
    grid = table_diff(
        "State | Note || Atlantis | shall pay in full", "State | Note || Atlantis | shall pay in part"
    )
    assert grid.changed[0].diff == ((0, "shall pay in "), (-1, "full"), (1, "part"))


def test_a_table_added_or_dropped_is_a_grid_of_one_side() -> None:
    table = SYNTHETIC_TABLE_NEW.clause("TB1")
    without = replace(
        SYNTHETIC_TABLE_NEW, clauses=tuple(c for c in SYNTHETIC_TABLE_NEW.clauses if c.key != "TB1")
    )
    added = next(c for c in compare(without, SYNTHETIC_TABLE_NEW).changes if c.kind == "added")
    assert added.table is not None and all(c.old is None for c in added.cells)
    assert [c.new for c in added.table.grid[0] if c] == ["Synthetic State", "Scale (percentage)", "Ceiling"]
    dropped = next(c for c in compare(SYNTHETIC_TABLE_NEW, without).changes if c.kind == "deleted")
    assert dropped.table is not None and len(dropped.cells) == len(table.text.split(" | ")) + 4


def test_a_table_paired_with_a_paragraph_has_no_grid() -> None:
    text = SYNTHETIC_TABLE_OLD.clause("TB1").text
    as_text = replace(
        SYNTHETIC_TABLE_OLD,
        clauses=tuple(Clause("OP2", text) if c.key == "TB1" else c for c in SYNTHETIC_TABLE_OLD.clauses[:3]),
    )
    changes = compare(as_text, SYNTHETIC_TABLE_OLD).changes
    assert all(change.table is None for change in changes if change.old and change.new)
